/* The story sections: summary, wins, spot checks, top posts and next steps.
 * Every sentence quotes numbers that also stand in the document's tables. */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_BEHIND 3
#define MAX_NEXT 5
#define MAX_SPOT_STEPS 2
#define STANDOUT_RATIO 3.0
#define DECLINE_PERCENT 10.0
#define USUAL_DAYS 90
/* Records beyond the first few KPIs would crowd out the other wins when
 * every metric grows. */
#define MAX_RECORDS 3

/* ---- spot checks ---------------------------------------------------------- */

static int add_spot(skpi__asm *a, size_t kpi, const char *channel, const skpi_series *hist)
{
    size_t n = skpi_series_length(hist);
    if (n < 2) return SKPI_OK;
    const double *v = skpi_series_values(hist);
    double median, z;
    if (!skpi__spot_check(v[n - 1], v, n - 1, a->r->sensitivity, a->r->min_change, &median, &z, a->tmp)) return SKPI_OK;
    if (a->nspots == a->capspots) {
        size_t cap = a->capspots ? a->capspots * 2 : 8;
        skpi__spot *p = skpi__reallocarray(a->spots, cap, sizeof *p);
        if (p == NULL) return skpi__nomem();
        a->spots = p;
        a->capspots = cap;
    }
    size_t used = 0;
    for (size_t i = 0; i + 1 < n; i++) used += isfinite(v[i]) ? 1 : 0;
    skpi__spot s = { kpi, channel, v[n - 1], median, z, used };
    a->spots[a->nspots++] = s;
    return SKPI_OK;
}

int skpi__asm_spot_checks(skpi__asm *a)
{
    for (size_t i = 0; i < a->nk; i++) {
        const skpi__kfact *f = &a->k[i];
        TRY(add_spot(a, i, strcmp(f->selector, "*") ? f->selector : NULL, f->hist));
        for (size_t c = 0; c < f->nch; c++)
            if (f->ch[c].hist) TRY(add_spot(a, i, f->ch[c].channel, f->ch[c].hist));
    }
    return SKPI_OK;
}

static int spot_sentence(skpi__asm *a, const skpi__spot *s)
{
    const skpi__kfact *f = &a->k[s->kpi];
    char val[64], med[64], n[24], z[32], name[320];
    snprintf(n, sizeof n, "%zu", s->n);
    skpi__num_fixed(z, sizeof z, fabs(s->z), 1, NULL);
    skpi__arg args[] = { { "metric", f->label }, { "channel", skpi__asm_channel(a, name, sizeof name, s->channel) },
                         { "value", skpi__asm_value(a, val, sizeof val, s->value, f->unit) },
                         { "period", a->plabel },
                         { "median", skpi__asm_value(a, med, sizeof med, s->median, f->unit) },
                         { "n", n }, { "cadence", a->cadence_word }, { "deviations", isfinite(s->z) ? z : "many" } };
    return skpi__asm_fill(a, s->z > 0 ? SKPI_TPL_SPOT_HIGH : SKPI_TPL_SPOT_LOW, args, 8);
}

int skpi__sec_spot_checks(skpi__asm *a)
{
    if (a->nk == 0) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_SPOT_CHECKS)));
    if (!skpi__asm_compares(a)) {
        skpi__arg args[] = { { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_SPOT_WITHHELD, args, 1));
        return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
    }
    if (a->nspots == 0)
        return skpi_doc_add_paragraph(NULL, a->doc, skpi__report_tpl(a->r, SKPI_TPL_SPOT_NONE));
    for (size_t i = 0; i < a->nspots; i++) {
        TRY(spot_sentence(a, &a->spots[i]));
        TRY(skpi_doc_add_callout(NULL, a->doc, SKPI_CALLOUT_ALERT, NULL, a->t.buf));
    }
    return SKPI_OK;
}

/* ---- summary -------------------------------------------------------------- */

/* The comparison the story talks about: the previous period, else the
 * year-earlier one. */
static bool story_comparison(const skpi__asm *a, const skpi__kfact *f, skpi_value *chg, skpi_value *pct,
                             skpi_value *base, const char **label)
{
    if (!skpi__asm_compares(a)) return false;
    if (a->cmp_prev) { *chg = f->chg; *pct = f->pct; *base = f->prev; *label = a->pplabel; return true; }
    if (a->cmp_ye) { *chg = f->chg2; *pct = f->pct2; *base = f->ye; *label = a->yelabel; return true; }
    return false;
}

static int headline(skpi__asm *a, size_t para)
{
    const skpi__kfact *f = &a->k[0];
    skpi_value chg, pct, base;
    const char *label = NULL;
    bool cmp = story_comparison(a, f, &chg, &pct, &base, &label) && isfinite(pct.value);
    char val[64], prev[64], pbuf[48], cbuf[64];
    skpi__asm_value(a, val, sizeof val, f->v.value, f->unit);
    /* A lead KPI with days missing in the period says so instead of a
     * comparison that would mislead (a part of a month against a whole
     * one); against a partial earlier period it is not compared at all. */
    if (cmp && base.availability == SKPI_PARTIAL && f->v.availability != SKPI_PARTIAL) cmp = false;
    if (cmp && f->v.availability == SKPI_PARTIAL) {
        skpi__arg args[] = { { "metric", f->label }, { "value", val }, { "period", a->plabel },
                             { "comparison", label } };
        TRY(skpi__asm_fill(a, SKPI_TPL_HEADLINE_PARTIAL, args, 4));
        return skpi_doc_paragraph_add_span(a->doc, para, SKPI_SPAN_PLAIN, a->t.buf);
    }
    if (!cmp) {
        skpi__arg args[] = { { "metric", f->label }, { "value", val }, { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_HEADLINE_ONLY, args, 3));
        return skpi_doc_paragraph_add_span(a->doc, para, SKPI_SPAN_PLAIN, a->t.buf);
    }
    skpi__asm_abs_percent(a, pbuf, sizeof pbuf, pct.value);
    skpi__fmt_change(cbuf, sizeof cbuf, &a->nf, chg.value, f->unit);
    skpi__asm_value(a, prev, sizeof prev, base.value, f->unit);
    /* Below half a percent either way reads as steady (it rounds to 0.0 % or 0.5 %). */
    int key = fabs(pct.value) < 0.5 ? SKPI_TPL_HEADLINE_FLAT
              : pct.value > 0 ? SKPI_TPL_HEADLINE_UP : SKPI_TPL_HEADLINE_DOWN;
    skpi__arg args[] = { { "metric", f->label }, { "percent", pbuf }, { "change", cbuf }, { "value", val },
                         { "previous", prev }, { "comparison", label } };
    TRY(skpi__asm_fill(a, key, args, 6));
    TRY(skpi_doc_paragraph_add_span(a->doc, para, SKPI_SPAN_PLAIN, a->t.buf));
    /* Which channel moved it most, when channels add up to the total. */
    if (!f->additive || f->nch < 2 || !isfinite(chg.value) || chg.value == 0 || key == SKPI_TPL_HEADLINE_FLAT)
        return SKPI_OK;
    size_t best = f->nch;
    for (size_t c = 0; c < f->nch; c++) {
        double x = f->ch[c].chg.value;
        if (!isfinite(x) || x * chg.value <= 0) continue;
        if (best == f->nch || fabs(x) > fabs(f->ch[best].chg.value)) best = c;
    }
    if (best == f->nch) return SKPI_OK;
    char share[32], cc[64], name[320];
    skpi__fmt_fraction(share, sizeof share, &a->nf, f->ch[best].chg.value / chg.value);
    skpi__fmt_change(cc, sizeof cc, &a->nf, f->ch[best].chg.value, f->unit);
    skpi__arg cargs[] = { { "share", share }, { "channel", skpi__asm_channel(a, name, sizeof name, f->ch[best].channel) },
                           { "change", cc } };
    TRY(skpi__asm_fill(a, SKPI_TPL_CONTRIBUTION, cargs, 3));
    TRY(skpi_doc_paragraph_add_span(a->doc, para, SKPI_SPAN_PLAIN, " "));
    return skpi_doc_paragraph_add_span(a->doc, para, SKPI_SPAN_PLAIN, a->t.buf);
}

static bool behind(int status)
{
    return status == SKPI_GOAL_AT_RISK || status == SKPI_GOAL_OFF_TRACK;
}

static int goals_summary(skpi__asm *a)
{
    const skpi_report *r = a->r;
    size_t good = 0, bad = 0;
    for (size_t i = 0; i < r->ngoals; i++) {
        int st = skpi_goal_evaluation_status(a->ev[i]);
        good += st == SKPI_GOAL_ON_TRACK || st == SKPI_GOAL_ACHIEVED;
        bad += behind(st) || st == SKPI_GOAL_MISSED;
    }
    char g[24], b[24], t[24];
    snprintf(g, sizeof g, "%zu", good);
    snprintf(b, sizeof b, "%zu", bad);
    snprintf(t, sizeof t, "%zu", r->ngoals);
    skpi__arg args[] = { { "good", g }, { "total", t }, { "bad", b } };
    TRY(skpi__asm_fill(a, SKPI_TPL_GOALS_SUMMARY, args, 3));
    size_t para;
    TRY(skpi_doc_add_paragraph(&para, a->doc, a->t.buf));
    size_t shown = 0;
    for (size_t i = 0; i < r->ngoals && shown < MAX_BEHIND; i++) {
        int st = skpi_goal_evaluation_status(a->ev[i]);
        if (!behind(st)) continue;
        char prog[32], exp[32];
        skpi__fmt_fraction(prog, sizeof prog, &a->nf, skpi_goal_evaluation_progress(a->ev[i]));
        skpi__fmt_fraction(exp, sizeof exp, &a->nf, skpi_goal_evaluation_expected_progress(a->ev[i]));
        const char *label = skpi__report_tpl(r, skpi__goal_status_tpl(st));
        skpi__arg gargs[] = { { "goal", skpi_goal_name(r->goals[i]) }, { "status", label },
                              { "progress", prog }, { "expected", exp } };
        TRY(skpi__asm_fill(a, SKPI_TPL_GOAL_BEHIND, gargs, 4));
        TRY(skpi_doc_paragraph_add_span(a->doc, para, SKPI_SPAN_PLAIN, " "));
        TRY(skpi_doc_paragraph_add_span(a->doc, para, SKPI_SPAN_PLAIN, a->t.buf));
        shown++;
    }
    return SKPI_OK;
}

/* What the data leaves out, said before any figure: no data at all, or
 * only part of the period. */
static int coverage_paragraph(skpi__asm *a)
{
    if (a->coverage == SKPI_COVERAGE_NONE) {
        skpi__arg args[] = { { "period", a->plabel }, { "cadence", a->cadence_word } };
        TRY(skpi__asm_fill(a, SKPI_TPL_NO_DATA_HEADLINE, args, 2));
        return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
    }
    char first[SKPI__NAME_SIZE] = "", last[SKPI__NAME_SIZE] = "";
    skpi__asm_day_name(a, first, sizeof first, a->covered.start);
    skpi__asm_day_name(a, last, sizeof last, a->covered.end - 1);
    skpi__arg args[] = { { "period", a->plabel }, { "first", first }, { "last", last },
                         { "cadence", a->cadence_word } };
    TRY(skpi__asm_fill(a, SKPI_TPL_PARTIAL_PERIOD, args, 4));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}

int skpi__sec_summary(skpi__asm *a)
{
    if (a->nk == 0 && a->r->ngoals == 0) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_SUMMARY)));
    if (a->coverage != SKPI_COVERAGE_FULL) TRY(coverage_paragraph(a));
    if (a->nk > 0 && a->coverage != SKPI_COVERAGE_NONE) {
        size_t para;
        TRY(skpi_doc_add_paragraph(&para, a->doc, NULL));
        TRY(headline(a, para));
    }
    if (a->r->ngoals > 0) TRY(goals_summary(a));
    return SKPI_OK;
}

/* ---- top posts -------------------------------------------------------------- */

/* The channel's usual value of the metric: the median over its posts of
 * the USUAL_DAYS before the period's end (NaN with fewer than 3). */
static int usual(double *out, skpi__asm *a, const char *channel, const char *metric)
{
    skpi_time from = a->P.end - (skpi_time)USUAL_DAYS * 86400;
    size_t n = skpi_dataset_post_count(a->ds), k = 0;
    double *v = skpi__reallocarray(NULL, n ? n : 1, sizeof *v);
    /* without memory the report would silently lose the ratio */
    if (v == NULL) return skpi__nomem();
    for (size_t i = 0; i < n; i++) {
        const skpi_post *p = skpi_dataset_post(a->ds, i);
        skpi_time t = skpi_post_published(p);
        if (t < from || t >= a->P.end || strcmp(skpi_post_channel(p), channel) != 0) continue;
        skpi_value x;
        if (skpi_post_value(&x, p, metric) == SKPI_OK && isfinite(x.value)) v[k++] = x.value;
    }
    *out = k >= 3 ? skpi__median(v, k) : NAN;
    skpi__free(v);
    return SKPI_OK;
}

typedef struct top {
    size_t idx[50];
    double ratio[50];
    size_t count;
    const skpi_metric *metric;
} top;

static int top_posts(skpi__asm *a, top *t)
{
    t->count = 0;
    t->metric = NULL;
    if (a->r->top_posts == 0) return SKPI_OK;
    if (skpi_catalog_find(&t->metric, a->cat, a->r->top_metric) != SKPI_OK)
        return skpi__error(SKPI_ENOTFOUND, "skpi_report_assemble: the top-posts metric \"%s\" is not in the catalog",
                           a->r->top_metric);
    TRY(skpi_dataset_top_posts(t->idx, &t->count, a->r->top_posts, a->ds, a->r->top_metric, "*", a->P));
    for (size_t i = 0; i < t->count; i++) {
        const skpi_post *p = skpi_dataset_post(a->ds, t->idx[i]);
        skpi_value x;
        skpi_post_value(&x, p, a->r->top_metric);
        double u = NAN;
        TRY(usual(&u, a, skpi_post_channel(p), a->r->top_metric));
        t->ratio[i] = isfinite(u) && u > 0 ? x.value / u : NAN;
    }
    return SKPI_OK;
}

/* The section says why it is empty, and which channels' posts it cannot
 * rank, rather than dropping them silently. */
static int unranked(skpi__asm *a, const top *t)
{
    size_t n = skpi_dataset_post_count(a->ds), in_period = 0, nseen = 0;
    const char *seen[64];
    const char *label = skpi_metric_label(t->metric);
    for (size_t i = 0; i < n; i++) {
        const skpi_post *p = skpi_dataset_post(a->ds, i);
        skpi_time when = skpi_post_published(p);
        if (when < a->P.start || when >= a->P.end) continue;
        in_period++;
        skpi_value x;
        if (t->count == 0 || (skpi_post_value(&x, p, a->r->top_metric) == SKPI_OK && isfinite(x.value)))
            continue;
        /* One sentence per channel. */
        const char *ch = skpi_post_channel(p);
        bool said = false;
        for (size_t j = 0; j < nseen && !said; j++) said = strcmp(seen[j], ch) == 0;
        if (said || nseen == sizeof seen / sizeof seen[0]) continue;
        seen[nseen++] = ch;
        char name[320];
        skpi__arg args[] = { { "channel", skpi__asm_channel(a, name, sizeof name, ch) },
                             { "metric", label }, { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_TOP_POSTS_LEFT_OUT, args, 3));
        TRY(skpi_doc_add_paragraph(NULL, a->doc, a->t.buf));
    }
    if (t->count > 0) return SKPI_OK;
    skpi__arg args[] = { { "period", a->plabel }, { "metric", label } };
    TRY(skpi__asm_fill(a, in_period ? SKPI_TPL_TOP_POSTS_NO_METRIC : SKPI_TPL_TOP_POSTS_NONE, args, 2));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}

int skpi__sec_top_posts(skpi__asm *a)
{
    top t;
    TRY(top_posts(a, &t));
    if (a->r->top_posts == 0) return SKPI_OK; /* the host asked for none */
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_TOP_POSTS)));
    if (t.count == 0) return unranked(a, &t);
    size_t block;
    TRY(skpi_doc_add_posts(&block, a->doc, NULL));
    for (size_t i = 0; i < t.count; i++) {
        const skpi_post *p = skpi_dataset_post(a->ds, t.idx[i]);
        char name[320];
        skpi__day day;
        skpi_doc_post d = SKPI_DOC_POST_INIT;
        skpi__asm_post_day(a, &d, &day, skpi_post_published(p));
        d.channel = skpi__asm_channel(a, name, sizeof name, skpi_post_channel(p));
        d.text = skpi_post_text(p);
        d.url = skpi_post_link(p);
        d.metric = skpi_metric_label(t.metric);
        d.unit = skpi_metric_unit(t.metric);
        skpi_post_value(&d.value, p, a->r->top_metric);
        d.ratio.value = t.ratio[i];
        d.ratio.availability = isfinite(t.ratio[i]) ? SKPI_AVAILABLE : SKPI_MISSING;
        TRY(skpi_doc_posts_add(a->doc, block, &d));
        TRY(skpi_doc_set_channel_key(a->doc, block, i, skpi_post_channel(p)));
    }
    return unranked(a, &t);
}

/* ---- wins ----------------------------------------------------------------- */

static int win(skpi__asm *a, bool *started)
{
    if (!*started) {
        TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_WINS)));
        *started = true;
    }
    return skpi_doc_add_callout(NULL, a->doc, SKPI_CALLOUT_WIN, NULL, a->t.buf);
}

static int goal_wins(skpi__asm *a, bool *started)
{
    const skpi_report *r = a->r;
    for (size_t i = 0; i < r->ngoals; i++) {
        const skpi_goal_evaluation *ev = a->ev[i];
        const skpi_goal *g = r->goals[i];
        const skpi_metric *m = NULL;
        int unit = skpi_catalog_find(&m, a->cat, skpi_goal_metric(g)) == SKPI_OK ? skpi_metric_unit(m) : 0;
        char val[64], tgt[64], date[SKPI__NAME_SIZE];
        if (skpi_goal_evaluation_status(ev) == SKPI_GOAL_ACHIEVED) {
            skpi__arg args[] = { { "goal", skpi_goal_name(g) },
                                 { "value", skpi__asm_value(a, val, sizeof val, skpi_goal_evaluation_current(ev).value, unit) },
                                 { "target", skpi__asm_value(a, tgt, sizeof tgt, skpi_goal_evaluation_target(ev), unit) } };
            TRY(skpi__asm_fill(a, SKPI_TPL_WIN_GOAL, args, 3));
            TRY(win(a, started));
        }
        /* Milestones hit during the report's period. */
        for (size_t k = 0; k < skpi_goal_evaluation_milestone_count(ev); k++) {
            int state;
            double target, value;
            skpi_time when;
            double v0;
            if (skpi_goal_evaluation_milestone(&state, &target, &value, ev, k) != SKPI_OK) continue;
            if (state != SKPI_MILESTONE_HIT || skpi_goal_milestone(&when, &v0, g, k) != SKPI_OK) continue;
            if (when <= a->P.start || when > a->P.end) continue;
            skpi__asm_day_name(a, date, sizeof date, when - 1);
            skpi__arg args[] = { { "goal", skpi_goal_name(g) },
                                 { "target", skpi__asm_value(a, tgt, sizeof tgt, target, unit) },
                                 { "date", date },
                                 { "value", skpi__asm_value(a, val, sizeof val, value, unit) } };
            TRY(skpi__asm_fill(a, SKPI_TPL_WIN_MILESTONE, args, 4));
            TRY(win(a, started));
        }
    }
    return SKPI_OK;
}

int skpi__sec_wins(skpi__asm *a)
{
    bool started = false;
    TRY(goal_wins(a, &started));
    size_t records = 0;
    for (size_t i = 0; i < a->nk && records < MAX_RECORDS; i++) {
        const skpi__kfact *f = &a->k[i];
        if (!f->record) continue;
        records++;
        char val[64], prev[64];
        skpi__arg args[] = { { "cadence", a->cadence_word }, { "metric", f->label },
                             { "value", skpi__asm_value(a, val, sizeof val, f->v.value, f->unit) },
                             { "period", a->plabel },
                             { "previous", skpi__asm_value(a, prev, sizeof prev, f->record_prev, f->unit) } };
        TRY(skpi__asm_fill(a, SKPI_TPL_WIN_RECORD, args, 5));
        TRY(win(a, &started));
    }
    top t;
    TRY(top_posts(a, &t));
    for (size_t i = 0; i < t.count; i++) {
        if (!(t.ratio[i] >= STANDOUT_RATIO)) continue;
        const skpi_post *p = skpi_dataset_post(a->ds, t.idx[i]);
        skpi_value x;
        skpi_post_value(&x, p, a->r->top_metric);
        char val[64], ratio[32], date[SKPI__NAME_SIZE] = "";
        skpi__fmt_ratio(ratio, sizeof ratio, &a->nf, t.ratio[i]);
        skpi__asm_day_name(a, date, sizeof date, skpi_post_published(p));
        char metric[128];
        snprintf(metric, sizeof metric, "%s", skpi_metric_label(t.metric));
        char name[320];
        skpi__arg args[] = { { "channel", skpi__asm_channel(a, name, sizeof name, skpi_post_channel(p)) },
                             { "value", skpi__asm_value(a, val, sizeof val, x.value, skpi_metric_unit(t.metric)) },
                             { "metric", metric }, { "ratio", ratio }, { "published", date } };
        TRY(skpi__asm_fill(a, SKPI_TPL_WIN_POST, args, 5));
        TRY(win(a, &started));
    }
    return SKPI_OK;
}

/* ---- next steps ------------------------------------------------------------- */

typedef struct next_list {
    size_t list;
    size_t *n;
} next_list;

/* A resourcing recommendation as a next step, while there is room. */
static int next_item(skpi__asm *a, void *ctx)
{
    next_list *nl = ctx;
    if (*nl->n >= MAX_NEXT) return SKPI_OK;
    ++*nl->n;
    return skpi_doc_list_add_item(a->doc, nl->list, a->t.buf);
}

int skpi__sec_next_steps(skpi__asm *a)
{
    const skpi_report *r = a->r;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(r, SKPI_TPL_HEADING_NEXT_STEPS)));
    size_t list;
    TRY(skpi_doc_add_list(&list, a->doc, 0));
    size_t n = 0;
    if (a->coverage == SKPI_COVERAGE_NONE) {
        skpi__arg args[] = { { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_NEXT_NO_DATA, args, 1));
        TRY(skpi_doc_list_add_item(a->doc, list, a->t.buf));
        n++;
    }
    for (size_t i = 0; i < r->ngoals && n < MAX_NEXT; i++) {
        const skpi_goal_evaluation *ev = a->ev[i];
        int st = skpi_goal_evaluation_status(ev);
        if (!behind(st)) continue;
        const skpi_goal *g = r->goals[i];
        const skpi_metric *m = NULL;
        int unit = skpi_catalog_find(&m, a->cat, skpi_goal_metric(g)) == SKPI_OK ? skpi_metric_unit(m) : 0;
        char pace[64], tgt[64], deadline[SKPI__NAME_SIZE] = "";
        skpi_period span;
        if (skpi_goal_span(&span, g) == SKPI_OK) skpi__asm_deadline_name(a, deadline, sizeof deadline, span.end);
        skpi__fmt_change(pace, sizeof pace, &a->nf, skpi_goal_evaluation_pace_needed(ev), unit);
        skpi__arg args[] = { { "goal", skpi_goal_name(g) }, { "pace", pace },
                             { "cadence", skpi__report_tpl(r, SKPI_TPL_CADENCE_DAY + skpi_goal_cadence(g)) },
                             { "target", skpi__asm_value(a, tgt, sizeof tgt, skpi_goal_evaluation_target(ev), unit) },
                             { "deadline", deadline },
                             { "status", skpi__report_tpl(r, skpi__goal_status_tpl(st)) } };
        TRY(skpi__asm_fill(a, SKPI_TPL_NEXT_GOAL, args, 6));
        TRY(skpi_doc_list_add_item(a->doc, list, a->t.buf));
        n++;
    }
    for (size_t i = 0; i < a->nspots && i < MAX_SPOT_STEPS && n < MAX_NEXT; i++) {
        const skpi__spot *s = &a->spots[i];
        char name[320];
        skpi__arg args[] = { { "metric", a->k[s->kpi].label }, { "channel", skpi__asm_channel(a, name, sizeof name, s->channel) },
                             { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_NEXT_SPOT, args, 3));
        TRY(skpi_doc_list_add_item(a->doc, list, a->t.buf));
        n++;
    }
    for (size_t i = 0; i < a->nk && n < MAX_NEXT; i++) {
        const skpi__kfact *f = &a->k[i];
        skpi_value chg, pct, base;
        const char *label;
        if (!story_comparison(a, f, &chg, &pct, &base, &label) || !isfinite(pct.value)) continue;
        bool worse = f->direction == SKPI_HIGHER_IS_BETTER ? pct.value <= -DECLINE_PERCENT
                     : f->direction == SKPI_LOWER_IS_BETTER ? pct.value >= DECLINE_PERCENT : false;
        if (!worse) continue;
        char pbuf[48];
        skpi__fmt_percent_change(pbuf, sizeof pbuf, &a->nf, pct.value);
        skpi__arg args[] = { { "metric", f->label }, { "percent", pbuf }, { "comparison", label } };
        TRY(skpi__asm_fill(a, SKPI_TPL_NEXT_DECLINE, args, 3));
        TRY(skpi_doc_list_add_item(a->doc, list, a->t.buf));
        n++;
    }
    next_list nl = { list, &n };
    TRY(skpi__resourcing_steps(a, next_item, &nl));
    if (n == 0) TRY(skpi_doc_list_add_item(a->doc, list, skpi__report_tpl(r, SKPI_TPL_NEXT_NONE)));
    return SKPI_OK;
}
