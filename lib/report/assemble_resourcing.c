/* The Resourcing section (hours by activity and role, capacity, impact per
 * hour, estimates) and its recommendations, which the next steps repeat. */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_RANKED 32
#define MAX_ROLE_COLUMNS 60

int skpi__asm_resourcing(skpi__asm *a)
{
    /* A team without hours has nothing to show yet. */
    if (a->r->effort == NULL || skpi_effort_entry_count(a->r->effort) == 0) return SKPI_OK;
    return skpi_resourcing_new(&a->res, a->r->effort, a->ds, a->cal, a->P, a->PP, NULL);
}

static const char *fixed(skpi__asm *a, char *buf, size_t size, double v, int decimals)
{
    if (!isfinite(v)) snprintf(buf, size, "%s", skpi__na(&a->nf));
    else skpi__fmt_fixed(buf, size, &a->nf, v, decimals);
    return buf;
}

static const char *per_hour(skpi__asm *a, char *buf, size_t size, skpi_value v)
{
    bool ok = v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL;
    return fixed(a, buf, size, ok ? v.value : NAN, 2);
}

/* "Video production" or "Video production + Static posts". */
static int activities_of(skpi__asm *a, skpi__text *out, size_t figure, size_t n)
{
    out->len = 0;
    for (size_t k = 0; k < n; k++) {
        size_t act;
        const char *name;
        TRY(skpi_resourcing_impact_activity(&act, a->res, figure, k));
        TRY(skpi_resourcing_activity(&name, NULL, NULL, NULL, a->res, act));
        if (k > 0) skpi__text_put(out, " + ", 3);
        skpi__text_put(out, name, strlen(name));
    }
    if (out->buf == NULL) skpi__text_put(out, "", 0);
    return out->err;
}

static const char *metric_label(skpi__asm *a, const char *key)
{
    const skpi_metric *m;
    return skpi_catalog_find(&m, a->cat, key) == SKPI_OK ? skpi_metric_label(m) : key;
}

static int metric_unit(skpi__asm *a, const char *key)
{
    const skpi_metric *m;
    return skpi_catalog_find(&m, a->cat, key) == SKPI_OK ? skpi_metric_unit(m) : SKPI_UNIT_COUNT;
}

static int hours_table(skpi__asm *a)
{
    size_t nroles = skpi_resourcing_role_count(a->res);
    if (nroles > MAX_ROLE_COLUMNS) nroles = MAX_ROLE_COLUMNS;
    size_t cols = nroles + 3;
    const char *head[MAX_ROLE_COLUMNS + 3];
    int align[MAX_ROLE_COLUMNS + 3];
    head[0] = skpi__report_tpl(a->r, SKPI_TPL_COLUMN_ACTIVITY);
    align[0] = SKPI_ALIGN_LEFT;
    for (size_t i = 0; i < nroles; i++) {
        TRY(skpi_resourcing_role(&head[i + 1], NULL, NULL, NULL, a->res, i));
        align[i + 1] = SKPI_ALIGN_RIGHT;
    }
    head[nroles + 1] = skpi__report_tpl(a->r, SKPI_TPL_COLUMN_HOURS);
    head[nroles + 2] = skpi__report_tpl(a->r, SKPI_TPL_COLUMN_PREVIOUS_HOURS);
    align[nroles + 1] = align[nroles + 2] = SKPI_ALIGN_RIGHT;
    skpi__arg args[] = { { "period", a->plabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_HOURS_TITLE, args, 1));
    size_t table;
    TRY(skpi_doc_add_table(&table, a->doc, a->t.buf, cols, head, align));
    char cells[MAX_ROLE_COLUMNS + 3][48];
    const char *row[MAX_ROLE_COLUMNS + 3];
    for (size_t i = 0; i < skpi_resourcing_activity_count(a->res); i++) {
        double hours, prev, cell;
        TRY(skpi_resourcing_activity(&row[0], &hours, &prev, NULL, a->res, i));
        for (size_t k = 0; k < nroles; k++) {
            TRY(skpi_resourcing_hours(&cell, a->res, i, k));
            row[k + 1] = fixed(a, cells[k + 1], sizeof cells[0], cell, 1);
        }
        row[nroles + 1] = fixed(a, cells[nroles + 1], sizeof cells[0], hours, 1);
        row[nroles + 2] = fixed(a, cells[nroles + 2], sizeof cells[0], prev, 1);
        TRY(skpi_doc_table_add_row(a->doc, table, row));
    }
    return SKPI_OK;
}

static int capacity_table(skpi__asm *a)
{
    const skpi_report *r = a->r;
    const char *head[] = { skpi__report_tpl(r, SKPI_TPL_COLUMN_ROLE),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_PLANNED),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_AVAILABLE),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_OVER_ALLOCATED) };
    const int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_LEFT };
    skpi__arg args[] = { { "period", a->plabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_CAPACITY_TITLE, args, 1));
    size_t table;
    TRY(skpi_doc_add_table(&table, a->doc, a->t.buf, 4, head, align));
    size_t n = skpi_resourcing_role_count(a->res);
    for (size_t i = 0; i < n; i++) {
        const char *role;
        double planned, available;
        int over;
        char pb[48], ab[48];
        TRY(skpi_resourcing_role(&role, &planned, &available, &over, a->res, i));
        const char *row[] = { role, fixed(a, pb, sizeof pb, planned, 1),
                              fixed(a, ab, sizeof ab, available, 1),
                              over ? skpi__report_tpl(r, SKPI_TPL_RESOURCING_YES) : "" };
        TRY(skpi_doc_table_add_row(a->doc, table, row));
    }
    for (size_t i = 0; i < n; i++) {
        const char *role;
        double planned, available;
        int over;
        char pb[48], ab[48];
        TRY(skpi_resourcing_role(&role, &planned, &available, &over, a->res, i));
        if (!over) continue;
        skpi__arg o[] = { { "role", role }, { "period", a->plabel },
                          { "planned", fixed(a, pb, sizeof pb, planned, 1) },
                          { "available", fixed(a, ab, sizeof ab, available, 1) } };
        TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_OVER, o, 4));
        TRY(skpi_doc_add_callout(NULL, a->doc, SKPI_CALLOUT_ALERT, NULL, a->t.buf));
    }
    return SKPI_OK;
}

static int impact_table(skpi__asm *a)
{
    const skpi_report *r = a->r;
    const char *head[] = { skpi__report_tpl(r, SKPI_TPL_COLUMN_METRIC),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_CHANNELS),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_ACTIVITIES),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_RESULT),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_HOURS),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_PER_HOUR),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_PREVIOUS_PER_HOUR),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_COST_PER_RESULT) };
    const int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_LEFT, SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT,
                          SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT };
    skpi__arg args[] = { { "period", a->plabel }, { "previous", a->pplabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_IMPACT_TITLE, args, 2));
    size_t table;
    TRY(skpi_doc_add_table(&table, a->doc, a->t.buf, 8, head, align));
    size_t n = skpi_resourcing_impact_count(a->res);
    for (size_t i = 0; i < n; i++) {
        skpi_impact v;
        TRY(skpi_impact_init(&v, SKPI_IMPACT_VERSION));
        TRY(skpi_resourcing_impact(&v, a->res, i));
        TRY(activities_of(a, &a->t2, i, v.activities));
        const char *acts = a->t2.buf;
        if (v.activities > 1) {
            skpi__arg s[] = { { "activities", a->t2.buf } };
            TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_SHARED_CELL, s, 1));
            acts = a->t.buf;
        }
        char ch[320], res[64], hb[48], ph[48], pph[48], cpr[64], first[400];
        skpi__asm_channel(a, ch, sizeof ch, v.channels);
        snprintf(first, sizeof first, "%s (%s)", metric_label(a, v.metric), ch);
        bool cost_ok = v.cost_per_result.availability == SKPI_AVAILABLE
                       || v.cost_per_result.availability == SKPI_PARTIAL;
        const char *row[] = { first, ch, acts,
                              skpi__asm_value(a, res, sizeof res, v.result.value, metric_unit(a, v.metric)),
                              fixed(a, hb, sizeof hb, v.hours, 1),
                              per_hour(a, ph, sizeof ph, v.per_hour),
                              per_hour(a, pph, sizeof pph, v.previous_per_hour),
                              cost_ok ? skpi__asm_value(a, cpr, sizeof cpr, v.cost_per_result.value,
                                                        SKPI_UNIT_CURRENCY)
                                      : "" };
        TRY(skpi_doc_table_add_row(a->doc, table, row));
    }
    /* shared figures said plainly, once each */
    for (size_t i = 0; i < n; i++) {
        skpi_impact v;
        TRY(skpi_impact_init(&v, SKPI_IMPACT_VERSION));
        TRY(skpi_resourcing_impact(&v, a->res, i));
        if (v.activities < 2) continue;
        TRY(activities_of(a, &a->t2, i, v.activities));
        char ch[320];
        skpi__arg s[] = { { "metric", metric_label(a, v.metric) },
                          { "channel", skpi__asm_channel(a, ch, sizeof ch, v.channels) },
                          { "activities", a->t2.buf } };
        TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_SHARED, s, 3));
        TRY(skpi_doc_add_callout(NULL, a->doc, SKPI_CALLOUT_INFO, NULL, a->t.buf));
    }
    return SKPI_OK;
}

static int estimate_table(skpi__asm *a)
{
    const skpi_report *r = a->r;
    skpi_resourcing_options o = SKPI_RESOURCING_OPTIONS_INIT;
    char weeks[16], min[16], conf[16];
    snprintf(weeks, sizeof weeks, "%zu", o.window_weeks);
    snprintf(min, sizeof min, "%zu", o.min_weeks);
    skpi__fmt_percent(conf, sizeof conf, &a->nf, o.confidence * 100.0, 0);
    const char *head[] = { skpi__report_tpl(r, SKPI_TPL_COLUMN_METRIC),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_ACTIVITIES),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_WEEKS),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_SLOPE),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_INTERVAL),
                           skpi__report_tpl(r, SKPI_TPL_COLUMN_NOTE) };
    const int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT,
                          SKPI_ALIGN_RIGHT, SKPI_ALIGN_LEFT };
    skpi__arg args[] = { { "weeks", weeks } };
    TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_ESTIMATE_TITLE, args, 1));
    size_t table;
    TRY(skpi_doc_add_table(&table, a->doc, a->t.buf, 6, head, align));
    for (size_t i = 0; i < skpi_resourcing_impact_count(a->res); i++) {
        skpi_impact v;
        TRY(skpi_impact_init(&v, SKPI_IMPACT_VERSION));
        TRY(skpi_resourcing_impact(&v, a->res, i));
        TRY(activities_of(a, &a->t2, i, v.activities));
        char wb[16], sb[48], lo[48], hi[48], iv[112], ch[320], first[400];
        skpi__asm_channel(a, ch, sizeof ch, v.channels);
        snprintf(first, sizeof first, "%s (%s)", metric_label(a, v.metric), ch);
        snprintf(wb, sizeof wb, "%zu", v.weeks);
        iv[0] = '\0';
        if (v.estimated) {
            fixed(a, lo, sizeof lo, v.slope_low, 2);
            fixed(a, hi, sizeof hi, v.slope_high, 2);
            snprintf(iv, sizeof iv, "%s \xE2\x80\x93 %s", lo, hi);
            TRY(skpi__text_fill_in(&a->t, skpi__report_tpl(r, SKPI_TPL_RESOURCING_ESTIMATE_LABEL),
                                   NULL, 0, r->locale));
        } else if (v.weeks < o.min_weeks) {
            skpi__arg w[] = { { "weeks", wb }, { "min", min } };
            TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_NOT_ESTIMATED, w, 2));
        } else {
            TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_CONSTANT_HOURS, NULL, 0));
        }
        const char *row[] = { first, a->t2.buf, wb,
                              v.estimated ? fixed(a, sb, sizeof sb, v.slope, 2) : "", iv,
                              a->t.buf };
        TRY(skpi_doc_table_add_row(a->doc, table, row));
    }
    skpi__arg note[] = { { "confidence", conf }, { "min", min } };
    TRY(skpi__asm_fill(a, SKPI_TPL_RESOURCING_ESTIMATE_NOTE, note, 2));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}

/* The rank of the figure whose activities include `activity`; n when none
 * does (or no activity is named). */
static size_t rank_of(skpi__asm *a, const size_t *order, size_t n, const char *activity)
{
    for (size_t i = 0; activity != NULL && i < n; i++) {
        skpi_impact f;
        if (skpi_impact_init(&f, SKPI_IMPACT_VERSION) != SKPI_OK ||
            skpi_resourcing_impact(&f, a->res, order[i]) != SKPI_OK)
            continue;
        for (size_t k = 0; k < f.activities; k++) {
            size_t act;
            const char *name;
            if (skpi_resourcing_impact_activity(&act, a->res, order[i], k) == SKPI_OK &&
                skpi_resourcing_activity(&name, NULL, NULL, NULL, a->res, act) == SKPI_OK &&
                strcmp(name, activity) == 0)
                return i;
        }
    }
    return n;
}

/* One recommendation for a KPI behind its path: the figure of its metric
 * with the most per hour against the one with the least. When the goal or
 * key result names the activity that serves it and that activity's figure
 * brings more per hour than the weakest, the hours go to it instead. */
static int recommend(skpi__asm *a, const char *metric, const char *activity, const char *who,
                     int status_tpl, int (*emit)(skpi__asm *, void *), void *ctx)
{
    size_t order[MAX_RANKED], n;
    TRY(skpi_resourcing_rank(order, &n, MAX_RANKED, a->res, metric));
    if (n < 2) return SKPI_OK;
    size_t top = rank_of(a, order, n, activity);
    if (top >= n - 1) top = 0; /* not ranked, or the weakest itself: the numbers decide */
    skpi_impact best, worst;
    TRY(skpi_impact_init(&best, SKPI_IMPACT_VERSION));
    TRY(skpi_impact_init(&worst, SKPI_IMPACT_VERSION));
    TRY(skpi_resourcing_impact(&best, a->res, order[top]));
    TRY(skpi_resourcing_impact(&worst, a->res, order[n - 1]));
    if (!(worst.per_hour.value > 0.0) || !(best.per_hour.value > worst.per_hour.value))
        return SKPI_OK;
    /* A quarter of the weaker activity's weekly hours, at least one: a
     * step to try and measure, not a forecast (docs/resourcing.md). */
    double days = (double)(a->P.end - a->P.start) / 86400.0;
    double move = floor(worst.hours * 7.0 / days / 4.0 + 0.5);
    if (move < 1.0) move = 1.0;
    skpi__text best_name = { 0 }, worst_name = { 0 };
    int rc = activities_of(a, &best_name, order[top], best.activities);
    if (rc == SKPI_OK) rc = activities_of(a, &worst_name, order[n - 1], worst.activities);
    char ratio[32], hours[32];
    fixed(a, ratio, sizeof ratio, best.per_hour.value / worst.per_hour.value, 1);
    fixed(a, hours, sizeof hours, move, 0);
    if (rc == SKPI_OK) {
        skpi__arg args[] = { { "best", best_name.buf }, { "worst", worst_name.buf },
                             { "ratio", ratio }, { "metric", metric_label(a, metric) },
                             { "goal", who }, { "status", skpi__report_tpl(a->r, status_tpl) },
                             { "hours", hours } };
        rc = skpi__asm_fill(a, SKPI_TPL_RESOURCING_MOVE, args, 7);
    }
    skpi__text_free(&best_name);
    skpi__text_free(&worst_name);
    return rc == SKPI_OK ? emit(a, ctx) : rc;
}

static bool behind_goal(int status)
{
    return status == SKPI_GOAL_AT_RISK || status == SKPI_GOAL_OFF_TRACK;
}

/* An objective at risk or off track: one recommendation per metric of its
 * metric key results; then the objectives aligned under it. */
static int objective_steps(skpi__asm *a, const skpi_objective *obj, const skpi_okr_result *res,
                           skpi__text *who, int (*emit)(skpi__asm *, void *), void *ctx)
{
    const skpi_report *r = a->r;
    int st = skpi_okr_result_status(res), rc = SKPI_OK;
    if (st == SKPI_OKR_AT_RISK || st == SKPI_OKR_OFF_TRACK) {
        skpi__arg n[] = { { "name", skpi_objective_title(obj) } };
        rc = skpi__text_fill_in(who, skpi__report_tpl(r, SKPI_TPL_RESOURCING_OBJECTIVE), n, 1,
                                r->locale);
        int tpl = st == SKPI_OKR_AT_RISK ? SKPI_TPL_STATUS_AT_RISK : SKPI_TPL_STATUS_OFF_TRACK;
        size_t nkr = skpi_objective_key_result_count(obj);
        for (size_t k = 0; k < nkr && rc == SKPI_OK; k++) {
            const skpi_key_result *kr = skpi_objective_key_result(obj, k);
            if (skpi_key_result_kind(kr) != SKPI_KR_METRIC) continue;
            const char *metric = skpi_key_result_metric(kr);
            bool seen = false;
            for (size_t j = 0; j < k && !seen; j++) {
                const skpi_key_result *o = skpi_objective_key_result(obj, j);
                seen = skpi_key_result_kind(o) == SKPI_KR_METRIC
                       && strcmp(skpi_key_result_metric(o), metric) == 0;
            }
            if (!seen) rc = recommend(a, metric, skpi_key_result_activity(kr), who->buf, tpl, emit, ctx);
        }
    }
    size_t nchild = skpi_okr_result_child_count(res);
    for (size_t i = 0; i < nchild && i < skpi_objective_child_count(obj) && rc == SKPI_OK; i++)
        rc = objective_steps(a, skpi_objective_child(obj, i), skpi_okr_result_child(res, i), who,
                             emit, ctx);
    return rc;
}

int skpi__resourcing_steps(skpi__asm *a, int (*emit)(skpi__asm *, void *), void *ctx)
{
    if (a->res == NULL) return SKPI_OK;
    const skpi_report *r = a->r;
    skpi__text who = { 0 };
    int rc = SKPI_OK;
    for (size_t i = 0; i < r->ngoals && rc == SKPI_OK; i++) {
        int st = skpi_goal_evaluation_status(a->ev[i]);
        if (!behind_goal(st)) continue;
        skpi__arg n[] = { { "name", skpi_goal_name(r->goals[i]) } };
        rc = skpi__text_fill_in(&who, skpi__report_tpl(r, SKPI_TPL_RESOURCING_GOAL), n, 1, r->locale);
        if (rc == SKPI_OK)
            rc = recommend(a, skpi_goal_metric(r->goals[i]), skpi_goal_activity(r->goals[i]), who.buf,
                           skpi__goal_status_tpl(st), emit, ctx);
    }
    for (size_t i = 0; i < r->nobjectives && rc == SKPI_OK; i++)
        rc = objective_steps(a, r->objectives[i], a->okr[i], &who, emit, ctx);
    skpi__text_free(&who);
    return rc;
}

static int count_item(skpi__asm *a, void *ctx)
{
    (void)a;
    ++*(size_t *)ctx;
    return SKPI_OK;
}

static int add_item(skpi__asm *a, void *ctx)
{
    return skpi_doc_list_add_item(a->doc, *(size_t *)ctx, a->t.buf);
}

int skpi__sec_resourcing(skpi__asm *a)
{
    if (a->res == NULL) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_RESOURCING)));
    TRY(hours_table(a));
    TRY(capacity_table(a));
    TRY(impact_table(a));
    TRY(estimate_table(a));
    size_t count = 0;
    TRY(skpi__resourcing_steps(a, count_item, &count));
    if (count == 0) return SKPI_OK;
    size_t list;
    TRY(skpi_doc_add_list(&list, a->doc, 0));
    return skpi__resourcing_steps(a, add_item, &list);
}
