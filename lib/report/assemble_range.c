/* Assembly over an explicit range (docs/report.md, "Custom date ranges"):
 * its comparison ranges, names, and the history of ranges of the same
 * length that trends, spot checks and records read. */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *skpi__asm_range_name(skpi__asm *a, char *buf, size_t size, skpi_period p)
{
    char first[SKPI__NAME_SIZE], last[SKPI__NAME_SIZE];
    const char *week = skpi__report_tpl(a->r, SKPI_TPL_PERIOD_WEEK);
    if (skpi_calendar_period_name(first, sizeof first, a->cal, SKPI_CADENCE_DAY, p.start, a->r->locale, week) != SKPI_OK ||
        skpi_calendar_period_name(last, sizeof last, a->cal, SKPI_CADENCE_DAY, p.end - 1, a->r->locale, week) != SKPI_OK) {
        snprintf(buf, size, "?");
        return buf;
    }
    skpi__arg args[] = { { "first", first }, { "last", last } };
    skpi__text t = { 0 };
    if (skpi__text_fill_in(&t, skpi__report_tpl(a->r, SKPI_TPL_RANGE), args, 2, a->r->locale) == SKPI_OK)
        snprintf(buf, size, "%s", t.buf);
    else
        snprintf(buf, size, "%s", first);
    skpi__text_free(&t);
    return buf;
}

/* The start of the local day holding t moved n days, keeping t's time of day. */
static int shift_days(skpi_time *out, const skpi__asm *a, skpi_time t, int64_t n)
{
    skpi_period d, s;
    TRY(skpi_calendar_period(&d, a->cal, SKPI_CADENCE_DAY, t));
    TRY(skpi_calendar_shift(&s, a->cal, SKPI_CADENCE_DAY, t, n));
    *out = s.start + (t - d.start);
    return SKPI_OK;
}

int skpi__asm_range_before(skpi__asm *a, skpi_period *out, int64_t k)
{
    if (k == 0) { *out = a->P; return SKPI_OK; }
    if (a->range_days > 0) {
        TRY(shift_days(&out->start, a, a->P.start, -k * a->range_days));
        return shift_days(&out->end, a, a->P.start, -(k - 1) * a->range_days);
    }
    int64_t len = a->P.end - a->P.start;
    if (k > (a->P.start - skpi_time_min()) / len)
        return skpi__error(SKPI_ERANGE, "skpi_report_assemble: the ranges before the report's fall before year 1");
    out->start = a->P.start - k * len;
    out->end = out->start + len;
    return SKPI_OK;
}

/* The range of the report's length that starts at t. */
static int range_from(skpi__asm *a, skpi_period *out, skpi_time t)
{
    out->start = t;
    if (a->range_days > 0) return shift_days(&out->end, a, t, a->range_days);
    out->end = t + (a->P.end - a->P.start);
    return SKPI_OK;
}

int skpi__asm_history(skpi_series **out, skpi__asm *a, const char *metric, const char *sel, int64_t n)
{
    if (!a->ranged) {
        skpi_period first;
        TRY(skpi_calendar_shift(&first, a->cal, a->r->cadence, a->P.start, -n));
        skpi_period range = { first.start, a->P.end };
        return skpi_dataset_rollup(out, NULL, a->ds, metric, sel, a->cal, a->r->cadence, range);
    }
    skpi_series *s = NULL;
    TRY(skpi_series_new(&s, metric, sel));
    int rc = SKPI_OK;
    for (int64_t k = n; k >= 0 && rc == SKPI_OK; k--) {
        skpi_period p;
        skpi_value v;
        rc = skpi__asm_range_before(a, &p, k);
        if (rc == SKPI_ERANGE) { rc = SKPI_OK; continue; } /* before year 1: no range there */
        if (rc == SKPI_OK) rc = skpi_dataset_value(&v, a->ds, metric, sel, p);
        if (rc == SKPI_OK) rc = skpi_series_append(s, &p.start, &v.value, 1);
    }
    if (rc != SKPI_OK) { skpi_series_free(s); return rc; }
    *out = s;
    return SKPI_OK;
}

/* The whole calendar days of P, or 0 when either end is not a local midnight. */
static int count_days(int64_t *out, const skpi__asm *a)
{
    *out = 0;
    skpi_period d;
    TRY(skpi_calendar_period(&d, a->cal, SKPI_CADENCE_DAY, a->P.start));
    if (d.start != a->P.start) return SKPI_OK;
    int rc = skpi_calendar_period(&d, a->cal, SKPI_CADENCE_DAY, a->P.end);
    if (rc == SKPI_ERANGE) return SKPI_OK; /* ends at the end of year 9999 */
    if (rc != SKPI_OK || d.start != a->P.end) return rc;
    /* Zone changes move midnights by at most a day's fraction: round. */
    int64_t n = (a->P.end - a->P.start + 43200) / 86400;
    skpi_period e;
    TRY(skpi_calendar_shift(&e, a->cal, SKPI_CADENCE_DAY, a->P.start, n));
    if (e.start == a->P.end) *out = n;
    return SKPI_OK;
}

/* The same instant of the local date twelve months earlier. */
static int year_earlier(skpi_time *out, const skpi__asm *a, skpi_time t)
{
    skpi_period d, y;
    TRY(skpi_calendar_period(&d, a->cal, SKPI_CADENCE_DAY, t));
    TRY(skpi_calendar_year_earlier(&y, a->cal, SKPI_CADENCE_DAY, t));
    *out = y.start + (t - d.start);
    return SKPI_OK;
}

int skpi__asm_range_periods(skpi__asm *a)
{
    const skpi_report *r = a->r;
    int rc = skpi__report_covers(&a->P, r);
    if (rc == SKPI_EINVAL) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", skpi_last_error());
        return skpi__error(rc, "skpi_report_assemble: %s", msg);
    }
    TRY(rc);
    a->ranged = true;
    TRY(count_days(&a->range_days, a));
    TRY(skpi__asm_range_before(a, &a->PP, 1));
    TRY(year_earlier(&a->YE.start, a, a->P.start));
    TRY(year_earlier(&a->YE.end, a, a->P.end));
    if (a->YE.end <= a->YE.start) a->YE.end = a->YE.start + 1;
    if (r->range_name) snprintf(a->plabel, sizeof a->plabel, "%s", r->range_name);
    else skpi__asm_range_name(a, a->plabel, sizeof a->plabel, a->P);
    skpi__asm_range_name(a, a->pplabel, sizeof a->pplabel, a->PP);
    skpi__asm_range_name(a, a->yelabel, sizeof a->yelabel, a->YE);
    return SKPI_OK;
}

const char *skpi__asm_range_label(skpi__asm *a, char *buf, size_t size, skpi_time t)
{
    if (skpi_calendar_format_date(buf, size, a->cal, t) != SKPI_OK) snprintf(buf, size, "?");
    return buf;
}

const char *skpi__asm_range_start_name(skpi__asm *a, char *buf, size_t size, skpi_time t)
{
    skpi_period p;
    if (range_from(a, &p, t) != SKPI_OK) return skpi__asm_range_label(a, buf, size, t);
    return skpi__asm_range_name(a, buf, size, p);
}
