/* skpi_report_assemble(): the periods, the facts, then the sections in order. */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *skpi__asm_value(skpi__asm *a, char *buf, size_t size, double v, int unit)
{
    skpi__fmt_value(buf, size, &a->nf, v, unit);
    return buf;
}

const char *skpi__asm_abs_percent(skpi__asm *a, char *buf, size_t size, double v)
{
    if (!isfinite(v)) { snprintf(buf, size, "%s", skpi__na(&a->nf)); return buf; }
    skpi__fmt_percent(buf, size, &a->nf, fabs(v), 1);
    return buf;
}

const char *skpi__asm_channel(skpi__asm *a, char *buf, size_t size, const char *selector)
{
    if (selector == NULL) return skpi__report_tpl(a->r, SKPI_TPL_ALL_CHANNELS);
    /* the group a campaign report gathers the campaign's channels in */
    if (a->r->campaign && selector[0] == '@' && strcmp(selector, a->campaign_sel) == 0)
        return skpi__asm_campaign_channels(a, buf, size);
    if (skpi_report_channel_name(buf, size, a->r, selector) != SKPI_OK) snprintf(buf, size, "%s", selector);
    return buf;
}

const char *skpi__asm_label(skpi__asm *a, char *buf, size_t size, skpi_time t)
{
    if (a->ranged) return skpi__asm_range_label(a, buf, size, t);
    if (skpi_calendar_label(buf, size, a->cal, a->r->cadence, t) != SKPI_OK) snprintf(buf, size, "?");
    return buf;
}

const char *skpi__asm_name(skpi__asm *a, char *buf, size_t size, skpi_time t)
{
    if (a->ranged) return skpi__asm_range_start_name(a, buf, size, t);
    if (skpi_calendar_period_name(buf, size, a->cal, a->r->cadence, t, a->r->locale,
                                  skpi__report_tpl(a->r, SKPI_TPL_PERIOD_WEEK)) != SKPI_OK)
        skpi__asm_label(a, buf, size, t);
    return buf;
}

const char *skpi__asm_deadline(skpi__asm *a, char *buf, size_t size, skpi_time end)
{
    int offset = 0;
    if (skpi_calendar_offset_at(&offset, a->cal, end) != SKPI_OK) offset = 0;
    int64_t local = end + (int64_t)offset;
    /* Midnight in the report's zone, or else at UTC (dates written without
     * an offset, as in a definitions file): the span ended with the day
     * before, which is shown in that frame. Any other end shows its day. */
    if (local % 86400 == 0 || end % 86400 != 0) {
        if (skpi_calendar_format_date(buf, size, a->cal, end - 1) != SKPI_OK) buf[0] = '\0';
    } else if (skpi_time_format_date(buf, size, end - 1, 0) != SKPI_OK) {
        buf[0] = '\0';
    }
    return buf;
}

const char *skpi__asm_day_name(skpi__asm *a, char *buf, size_t size, skpi_time t)
{
    if (skpi_calendar_period_name(buf, size, a->cal, SKPI_CADENCE_DAY, t, a->r->locale, NULL) != SKPI_OK &&
        skpi_calendar_format_date(buf, size, a->cal, t) != SKPI_OK)
        buf[0] = '\0';
    return buf;
}

void skpi__asm_post_day(skpi__asm *a, skpi_doc_post *d, skpi__day *day, skpi_time t)
{
    day->iso[0] = '\0';
    skpi_calendar_format_date(day->iso, sizeof day->iso, a->cal, t);
    skpi__asm_day_name(a, day->name, sizeof day->name, t);
    d->published = day->iso;
    d->published_name = day->name[0] ? day->name : NULL;
}

const char *skpi__asm_deadline_name(skpi__asm *a, char *buf, size_t size, skpi_time end)
{
    char iso[40];
    int y, m, d;
    skpi_time noon;
    /* the day skpi__asm_deadline() chose, named at its local noon */
    if (sscanf(skpi__asm_deadline(a, iso, sizeof iso, end), "%d-%d-%d", &y, &m, &d) != 3 ||
        skpi_time_from_civil(&noon, y, m, d, 12, 0, 0) != SKPI_OK) {
        snprintf(buf, size, "%s", iso);
        return buf;
    }
    int offset = 0;
    if (skpi_calendar_offset_at(&offset, a->cal, noon) != SKPI_OK) offset = 0;
    return skpi__asm_day_name(a, buf, size, noon - offset);
}

bool skpi__asm_compares(const skpi__asm *a)
{
    return a->coverage == SKPI_COVERAGE_FULL;
}

int skpi__asm_fill(skpi__asm *a, int key, const skpi__arg *args, size_t n)
{
    return skpi__text_fill_in(&a->t, skpi__report_tpl(a->r, key), args, n, a->r->locale);
}

static int periods(skpi__asm *a)
{
    const skpi_report *r = a->r;
    if (r->has_range) {
        TRY(skpi__asm_range_periods(a));
    } else {
        /* The last complete period before as_of: the one before the period
         * holding it (as_of at a period start gives the period just ended). */
        TRY(skpi_calendar_previous(&a->P, a->cal, r->cadence, r->as_of));
        TRY(skpi_calendar_previous(&a->PP, a->cal, r->cadence, a->P.start));
        TRY(skpi_calendar_year_earlier(&a->YE, a->cal, r->cadence, a->P.start));
        skpi__asm_name(a, a->plabel, sizeof a->plabel, a->P.start);
        skpi__asm_name(a, a->pplabel, sizeof a->pplabel, a->PP.start);
        skpi__asm_name(a, a->yelabel, sizeof a->yelabel, a->YE.start);
    }
    a->cmp_prev = (r->comparisons & SKPI_COMPARE_PREVIOUS) != 0;
    a->cmp_ye = (r->comparisons & (SKPI_COMPARE_YEAR_EARLIER | SKPI_COMPARE_RANGE)) != 0;
    if (r->comparisons & SKPI_COMPARE_RANGE) {
        /* The named range takes the year-earlier slot. */
        a->YE = r->cmp_range;
        if (r->cmp_range_name) snprintf(a->yelabel, sizeof a->yelabel, "%s", r->cmp_range_name);
        else skpi__asm_range_name(a, a->yelabel, sizeof a->yelabel, a->YE);
    }
    a->cadence_word = skpi__report_tpl(r, a->ranged ? SKPI_TPL_CADENCE_RANGE : SKPI_TPL_CADENCE_DAY + r->cadence);
    return skpi_report_coverage(&a->coverage, &a->covered, r, a->ds);
}

static bool shows(const skpi_report *r, int section)
{
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i] == section) return true;
    return false;
}

static int custom_sections(skpi__asm *a)
{
    for (size_t i = 0; i < a->r->ncustoms; i++) {
        const skpi__custom *c = &a->r->customs[i];
        if (c->title) TRY(skpi_doc_add_heading(NULL, a->doc, 1, c->title));
        /* The host's code runs under the host's locale. */
        skpi__locale_leave(a->host_locale);
        skpi__callback_begin();
        int rc = c->fn(a->doc, a->r, c->userdata);
        skpi__locale_c();
        if (rc != 0) return skpi__callback_failed(rc, "custom section");
    }
    return SKPI_OK;
}

static int section(skpi__asm *a, int s)
{
    switch (s) {
    case SKPI_SECTION_SUMMARY: return skpi__sec_summary(a);
    case SKPI_SECTION_WINS: return skpi__sec_wins(a);
    case SKPI_SECTION_KPIS: return skpi__sec_kpis(a);
    case SKPI_SECTION_CHANNELS: return skpi__sec_channels(a);
    case SKPI_SECTION_TRENDS: return skpi__sec_trends(a);
    case SKPI_SECTION_GOALS: return skpi__sec_goals(a);
    case SKPI_SECTION_OKRS: return skpi__sec_okrs(a);
    case SKPI_SECTION_TOP_POSTS: return skpi__sec_top_posts(a);
    case SKPI_SECTION_SPOT_CHECKS: return skpi__sec_spot_checks(a);
    case SKPI_SECTION_NEXT_STEPS: return skpi__sec_next_steps(a);
    case SKPI_SECTION_COMPETITORS: return skpi__sec_competitors(a);
    case SKPI_SECTION_BENCHMARKS: return skpi__sec_benchmarks(a);
    case SKPI_SECTION_FUNNEL: return skpi__sec_funnel(a);
    case SKPI_SECTION_RESOURCING: return skpi__sec_resourcing(a);
    case SKPI_SECTION_LISTENING: return skpi__sec_listening(a);
    case SKPI_SECTION_WHAT_WORKED: return skpi__sec_what_worked(a);
    case SKPI_SECTION_POSTING_TIMES: return skpi__sec_posting_times(a);
    case SKPI_SECTION_CAMPAIGN: return skpi__sec_campaign(a);
    default: return custom_sections(a);
    }
}

/* The document says its zone unless the calendar is plain UTC. */
static int zone(skpi__asm *a)
{
    const char *name = skpi_calendar_time_zone(a->cal);
    if (name) return skpi_doc_set_time_zone(a->doc, name);
    int m = skpi_calendar_utc_offset(a->cal);
    if (m == 0) return SKPI_OK;
    char fixed[16];
    snprintf(fixed, sizeof fixed, "UTC%c%02d:%02d", m < 0 ? '-' : '+', abs(m) / 60, abs(m) % 60);
    return skpi_doc_set_time_zone(a->doc, fixed);
}

static int build(skpi__asm *a)
{
    const skpi_report *r = a->r;
    TRY(periods(a));
    a->need_channels = shows(r, SKPI_SECTION_CHANNELS) || shows(r, SKPI_SECTION_SUMMARY) ||
                       shows(r, SKPI_SECTION_SPOT_CHECKS) || shows(r, SKPI_SECTION_NEXT_STEPS) ||
                       (r->campaign && shows(r, SKPI_SECTION_CAMPAIGN));
    if (r->campaign) TRY(skpi__asm_campaign_prepare(a));
    a->need_spots = shows(r, SKPI_SECTION_SPOT_CHECKS) || shows(r, SKPI_SECTION_NEXT_STEPS);
    a->need_records = shows(r, SKPI_SECTION_WINS);
    a->tmp = skpi__reallocarray(NULL, (size_t)r->window + 2, sizeof *a->tmp);
    if (a->tmp == NULL) return skpi__nomem();
    TRY(skpi__asm_kpis(a));
    TRY(skpi__asm_goals(a));
    TRY(skpi__asm_okrs(a));
    if (shows(r, SKPI_SECTION_RESOURCING) || shows(r, SKPI_SECTION_NEXT_STEPS))
        TRY(skpi__asm_resourcing(a));
    /* A partial period would read as a fall against full ones. */
    if (a->need_spots && skpi__asm_compares(a)) TRY(skpi__asm_spot_checks(a));

    TRY(skpi_doc_set_title(a->doc, r->title));
    TRY(skpi_doc_set_currency(a->doc, r->currency));
    if (r->locale[0]) {
        TRY(skpi_doc_set_locale(a->doc, r->locale));
        TRY(skpi_doc_set_language(a->doc, r->locale));
    }
    TRY(zone(a));
    skpi__arg sub[] = { { "cadence", a->cadence_word }, { "period", a->plabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_SUBTITLE, sub, 2));
    TRY(skpi_doc_set_subtitle(a->doc, a->t.buf));
    /* the document's period keeps its ISO label: JSON states it as data */
    char iso[64];
    if (a->ranged) {
        /* an ISO 8601 interval of the first and last day */
        char last[32];
        skpi__asm_label(a, iso, 32, a->P.start);
        skpi__asm_label(a, last, sizeof last, a->P.end - 1);
        size_t n = strlen(iso);
        snprintf(iso + n, sizeof iso - n, "/%s", last);
    } else {
        skpi__asm_label(a, iso, sizeof iso, a->P.start);
    }
    TRY(skpi_doc_set_period(a->doc, &a->P, iso));
    TRY(skpi_doc_set_period_name(a->doc, a->plabel));
    for (size_t i = 0; i < r->nsections; i++) TRY(section(a, r->sections[i]));
    return SKPI_OK;
}

static void release(skpi__asm *a)
{
    for (size_t i = 0; i < a->nk; i++) {
        skpi_series_free(a->k[i].hist);
        for (size_t c = 0; c < a->k[i].nch; c++) skpi_series_free(a->k[i].ch[c].hist);
        skpi__free(a->k[i].ch);
    }
    skpi__free(a->k);
    if (a->ev)
        for (size_t i = 0; i < a->r->ngoals; i++) skpi_goal_evaluation_free(a->ev[i]);
    skpi__free(a->ev);
    if (a->okr)
        for (size_t i = 0; i < a->r->nobjectives; i++) skpi_okr_result_free(a->okr[i]);
    skpi__free(a->okr);
    skpi__free(a->spots);
    skpi__free(a->tmp);
    skpi_resourcing_free(a->res);
    skpi__text_free(&a->na);
    skpi__text_free(&a->t);
    skpi__text_free(&a->t2);
}

int skpi_report_assemble(skpi_doc **out, const skpi_report *report, skpi_dataset *ds)
{
    if (out == NULL || report == NULL || ds == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_report_assemble: %s is NULL",
                           out == NULL ? "out" : report == NULL ? "report" : "ds");
    skpi__asm a;
    memset(&a, 0, sizeof a);
    a.r = report;
    a.ds = ds;
    a.cat = skpi_dataset_catalog(ds);
    a.cal = report->cal;
    a.nf.group = ",";
    a.nf.currency = report->currency;
    /* "n/a" in the report's words, for sentences and the document's cells */
    int rc = skpi__text_fill(&a.na, skpi__report_tpl(report, SKPI_TPL_NOT_AVAILABLE), NULL, 0);
    if (rc != SKPI_OK) {
        skpi__text_free(&a.na);
        return rc;
    }
    a.nf.na = a.na.buf;
    if (report->locale[0])
        rc = skpi__locnum_open(&a.nf.loc, report->locale, NULL, report->currency,
                               "skpi_report_assemble: the report's locale");
    if (rc == SKPI_OK) rc = skpi__locale_enter(&a.host_locale);
    if (rc != SKPI_OK) {
        skpi__text_free(&a.na);
        skpi__locnum_close(a.nf.loc);
        return rc;
    }
    rc = skpi_doc_new(&a.doc);
    if (rc == SKPI_OK) {
        /* The renderers' words the report replaced or translated travel
         * with the document. */
        for (int k = SKPI__TPL_FIRST_WORD; k < SKPI__TPL_COUNT && rc == SKPI_OK; k++) {
            const char *w = skpi__report_tpl(report, k);
            if (w != skpi_template_default(k)) rc = skpi_doc_set_text(a.doc, k, w);
        }
        if (rc == SKPI_OK) rc = build(&a);
        if (rc != SKPI_OK) { skpi_doc_free(a.doc); a.doc = NULL; }
    }
    release(&a);
    skpi__locnum_close(a.nf.loc);
    skpi__locale_leave(a.host_locale);
    if (rc == SKPI_OK) *out = a.doc;
    return rc;
}
