/* Explicit report ranges and named comparison ranges (docs/report.md,
 * "Custom date ranges"): setters, getters and the period a report covers. */
#include "report/report_internal.h"

#include <string.h>

/* A range as the setters accept it; `open_end` allows SKPI_TIME_END. */
static int check_range(const skpi_period *p, bool open_end, const char *fn)
{
    skpi_time lo = skpi_time_min(), hi = skpi_time_max();
    bool end_ok = (open_end && p->end == SKPI_TIME_END) || (p->end >= lo && p->end <= SKPI_TIME_END);
    if (p->start < lo || p->start > hi || !end_ok)
        return skpi__error(SKPI_ERANGE, "%s: the range falls outside years 1 to 9999", fn);
    if (p->end <= p->start) {
        char a[32] = "?", b[32] = "?";
        skpi_time_format_date(a, sizeof a, p->start, 0);
        skpi_time_format_date(b, sizeof b, p->end - 1, 0);
        return skpi__error(SKPI_EINVAL, "%s: the range ends (%s) before it starts (%s)", fn,
                           p->end == p->start ? a : b, a);
    }
    return SKPI_OK;
}

/* Copy a name ("" and NULL: none) into *out, replacing what was there. */
static int set_name(char **out, const char *name)
{
    char *copy = NULL;
    if (name && name[0] && (copy = skpi__strdup(name)) == NULL) return skpi__nomem();
    skpi__free(*out);
    *out = copy;
    return SKPI_OK;
}

int skpi_report_set_range(skpi_report *r, const skpi_period *range, const char *name)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_set_range: report is NULL");
    if (range == NULL) {
        r->has_range = false;
        skpi__free(r->range_name);
        r->range_name = NULL;
        return SKPI_OK;
    }
    int rc = check_range(range, true, "skpi_report_set_range");
    if (rc == SKPI_OK) rc = set_name(&r->range_name, name);
    if (rc != SKPI_OK) return rc;
    r->range = *range;
    r->has_range = true;
    return SKPI_OK;
}

int skpi_report_range(skpi_period *range, const char **name, const skpi_report *r)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_range: report is NULL");
    if (!r->has_range) return skpi__error(SKPI_ENOTFOUND, "skpi_report_range: the report covers its cadence period");
    if (range) *range = r->range;
    if (name) *name = r->range_name ? r->range_name : "";
    return SKPI_OK;
}

int skpi_report_set_comparison_range(skpi_report *r, const skpi_period *range, const char *name)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_set_comparison_range: report is NULL");
    if (range == NULL) {
        r->has_cmp_range = false;
        skpi__free(r->cmp_range_name);
        r->cmp_range_name = NULL;
        r->comparisons &= ~SKPI_COMPARE_RANGE;
        return SKPI_OK;
    }
    int rc = check_range(range, false, "skpi_report_set_comparison_range");
    if (rc == SKPI_OK) rc = set_name(&r->cmp_range_name, name);
    if (rc != SKPI_OK) return rc;
    r->cmp_range = *range;
    r->has_cmp_range = true;
    r->comparisons = (r->comparisons & ~SKPI_COMPARE_YEAR_EARLIER) | SKPI_COMPARE_RANGE;
    return SKPI_OK;
}

int skpi_report_comparison_range(skpi_period *range, const char **name, const skpi_report *r)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_report_comparison_range: report is NULL");
    if (!r->has_cmp_range)
        return skpi__error(SKPI_ENOTFOUND, "skpi_report_comparison_range: no named comparison range is set");
    if (range) *range = r->cmp_range;
    if (name) *name = r->cmp_range_name ? r->cmp_range_name : "";
    return SKPI_OK;
}

int skpi__report_covers(skpi_period *out, const skpi_report *r)
{
    if (!r->has_range) return skpi_calendar_previous(out, r->cal, r->cadence, r->as_of);
    skpi_period p = r->range;
    if (p.end == SKPI_TIME_END) {
        p.end = r->as_of;
        if (p.end <= p.start) {
            char a[32] = "?", b[32] = "?";
            skpi_time_format_date(a, sizeof a, p.start, 0);
            skpi_time_format(b, sizeof b, r->as_of, 0);
            return skpi__error(SKPI_EINVAL, "the report's range runs from %s up to its as-of time %s, "
                               "which is not after the start", a, b);
        }
    }
    *out = p;
    return SKPI_OK;
}
