/* The Funnel section: each step's count and conversion from the step
 * before, what the funnel returned for what it cost, the weakest step, and
 * data warnings where a step outnumbers the one before it. */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define N_STEPS 5

/* The steps in order; a step's rate is its count over the step before. */
static const struct { const char *count, *rate; } steps[N_STEPS] = {
    { "sessions", NULL },
    { "leads", "lead_conversion_rate" },
    { "qualified_leads", "lead_qualification_rate" },
    { "opportunities", "opportunity_rate" },
    { "customers", "win_rate" },
};

/* What came back and what it cost; rows without data are left out. */
static const char *const returns[] = { "revenue", "spend", "team_cost", "total_cost", "cost_per_lead",
                                       "cost_per_acquisition", "average_deal_size", "roas", "roi",
                                       "roi_total_cost" };

/* Returns whose denominator is a cost: zero reads "not available: no cost". */
static bool over_cost(const char *key)
{
    return strcmp(key, "roas") == 0 || strcmp(key, "roi") == 0 || strcmp(key, "roi_total_cost") == 0;
}

/* The funnel covers every channel of the report. */
#define FUNNEL_SELECTOR "*"

/* One figure of the funnel in the period and the one compared with. */
typedef struct figure {
    const skpi_metric *m;
    skpi_value v, prev;
} figure;

static bool usable(skpi_value v)
{
    return (v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL) && isfinite(v.value);
}

/* The period compared with: the previous one, else a year earlier. */
static bool base_period(const skpi__asm *a, skpi_period *p, const char **label)
{
    if (a->cmp_prev) { *p = a->PP; *label = a->pplabel; return true; }
    if (a->cmp_ye) { *p = a->YE; *label = a->yelabel; return true; }
    return false;
}

static int measure(figure *f, skpi__asm *a, const char *key)
{
    f->m = NULL;
    f->v.value = f->prev.value = NAN;
    f->v.availability = f->prev.availability = SKPI_MISSING;
    /* A host catalog without the funnel metrics has no funnel. */
    if (skpi_catalog_find(&f->m, a->cat, key) != SKPI_OK) { f->m = NULL; return SKPI_OK; }
    TRY(skpi_dataset_value(&f->v, a->ds, key, FUNNEL_SELECTOR, a->P));
    skpi_period base;
    const char *label;
    if (base_period(a, &base, &label)) TRY(skpi_dataset_value(&f->prev, a->ds, key, FUNNEL_SELECTOR, base));
    return SKPI_OK;
}

/* Whether the dataset holds any funnel data at all: without it the section
 * stays out of the report (a social-only dataset has no funnel). */
static bool has_funnel_data(skpi__asm *a)
{
    static const char *const keys[] = { "leads", "qualified_leads", "opportunities", "customers", "revenue" };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        skpi_period ext;
        /* SKPI_ENOTFOUND: an unknown metric, or no point at all */
        if (skpi_dataset_extent(&ext, a->ds, keys[i], FUNNEL_SELECTOR) == SKPI_OK) return true;
    }
    return false;
}

static int add_row(skpi__asm *a, size_t table, const figure *f)
{
    skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
    int unit = skpi_metric_unit(f->m);
    row.label = skpi_metric_label(f->m);
    row.unit = unit;
    row.direction = skpi_metric_direction(f->m);
    row.value = f->v;
    row.previous = f->prev;
    skpi_value_change(&row.change, f->v, f->prev, SKPI_CHANGE_ABSOLUTE, unit);
    skpi_value_change(&row.change_percent, f->v, f->prev, SKPI_CHANGE_PERCENT, unit);
    skpi_value_change(&row.change_points, f->v, f->prev, SKPI_CHANGE_POINTS, unit);
    return skpi_doc_kpi_table_add_row(a->doc, table, &row);
}

static int table(size_t *out, skpi__asm *a, int title_key)
{
    skpi_period base;
    const char *label = NULL;
    base_period(a, &base, &label);
    skpi__arg args[] = { { "period", a->plabel } };
    TRY(skpi__asm_fill(a, title_key, args, 1));
    return skpi_doc_add_kpi_table(out, a->doc, a->t.buf, label, NULL);
}

/* A step that outnumbers the step before it: a data warning, not an error. */
static int warnings(skpi__asm *a, const figure *count)
{
    for (size_t i = 1; i < N_STEPS; i++) {
        const figure *c = &count[i], *b = &count[i - 1];
        if (!c->m || !b->m || !usable(c->v) || !usable(b->v) || c->v.value <= b->v.value) continue;
        char n[64], pn[64];
        skpi__arg args[] = { { "step", skpi_metric_label(c->m) },
                             { "count", skpi__asm_value(a, n, sizeof n, c->v.value, SKPI_UNIT_COUNT) },
                             { "previous_step", skpi_metric_label(b->m) },
                             { "previous_count", skpi__asm_value(a, pn, sizeof pn, b->v.value, SKPI_UNIT_COUNT) },
                             { "period", a->plabel },
                             { "cadence", a->cadence_word } };
        TRY(skpi__asm_fill(a, SKPI_TPL_FUNNEL_STEP_EXCEEDS, args, 6));
        TRY(skpi_doc_add_callout(NULL, a->doc, SKPI_CALLOUT_ALERT,
                                 skpi__report_tpl(a->r, SKPI_TPL_FUNNEL_DATA_WARNING), a->t.buf));
    }
    return SKPI_OK;
}

/* The weakest step: the one whose conversion fell most against the period
 * compared with; when none fell (or there is nothing to compare), the one
 * that converts least. Steps above 100 % (a data warning) are not candidates. */
static int weakest(skpi__asm *a, const figure *count, const figure *rate)
{
    size_t fell = 0, lowest = 0;
    double worst_fall = 0, low = INFINITY;
    for (size_t i = 1; i < N_STEPS; i++) {
        const figure *r = &rate[i];
        if (!r->m || !usable(r->v) || r->v.value > 100) continue;
        if (r->v.value < low) { low = r->v.value; lowest = i; }
        if (usable(r->prev) && r->prev.value > 0) {
            double change = r->v.value / r->prev.value - 1;
            if (change < worst_fall) { worst_fall = change; fell = i; }
        }
    }
    size_t w = fell ? fell : lowest;
    if (w == 0) return SKPI_OK;
    skpi_period base;
    const char *label = NULL;
    base_period(a, &base, &label);
    char rv[64], pv[64];
    skpi__arg args[] = { { "step", skpi_metric_label(rate[w].m) },
                         { "from", skpi_metric_label(count[w - 1].m) },
                         { "to", skpi_metric_label(count[w].m) },
                         { "rate", skpi__asm_value(a, rv, sizeof rv, rate[w].v.value, SKPI_UNIT_PERCENT) },
                         { "previous", fell ? skpi__asm_value(a, pv, sizeof pv, rate[w].prev.value, SKPI_UNIT_PERCENT)
                                            : "" },
                         { "comparison", label ? label : "" },
                         { "period", a->plabel } };
    TRY(skpi__asm_fill(a, fell ? SKPI_TPL_FUNNEL_WEAKEST_FELL : SKPI_TPL_FUNNEL_WEAKEST_LOWEST, args, 7));
    return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
}

static int return_table(skpi__asm *a)
{
    figure f[sizeof returns / sizeof returns[0]];
    bool any = false;
    for (size_t i = 0; i < sizeof returns / sizeof returns[0]; i++) {
        TRY(measure(&f[i], a, returns[i]));
        any = any || (f[i].m && (f[i].v.availability != SKPI_MISSING || f[i].prev.availability != SKPI_MISSING));
    }
    if (!any) return SKPI_OK;
    size_t t;
    TRY(table(&t, a, SKPI_TPL_RETURN_TABLE_TITLE));
    for (size_t i = 0; i < sizeof returns / sizeof returns[0]; i++)
        if (f[i].m && (f[i].v.availability != SKPI_MISSING || f[i].prev.availability != SKPI_MISSING))
            TRY(add_row(a, t, &f[i]));
    /* A cost of zero: the return is not available, and the report says why. */
    for (size_t i = 0; i < sizeof returns / sizeof returns[0]; i++) {
        if (!f[i].m || !over_cost(returns[i]) || f[i].v.availability != SKPI_DENOMINATOR_ZERO) continue;
        skpi__arg args[] = { { "metric", skpi_metric_label(f[i].m) }, { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_FUNNEL_NO_COST, args, 2));
        TRY(skpi_doc_add_paragraph(NULL, a->doc, a->t.buf));
    }
    return SKPI_OK;
}

int skpi__sec_funnel(skpi__asm *a)
{
    figure count[N_STEPS], rate[N_STEPS];
    bool any = false, known = false;
    for (size_t i = 0; i < N_STEPS; i++) {
        TRY(measure(&count[i], a, steps[i].count));
        if (steps[i].rate) TRY(measure(&rate[i], a, steps[i].rate));
        else memset(&rate[i], 0, sizeof rate[i]);
        any = any || (count[i].m && count[i].v.availability != SKPI_MISSING);
        /* sessions alone come with web analytics, not with a funnel */
        known = known || (i > 0 && count[i].m && (count[i].v.availability != SKPI_MISSING ||
                                                  count[i].prev.availability != SKPI_MISSING));
    }
    if (!known && !has_funnel_data(a)) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_FUNNEL)));
    if (!any) {
        skpi__arg args[] = { { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_FUNNEL_NO_DATA, args, 1));
        return skpi_doc_add_paragraph(NULL, a->doc, a->t.buf);
    }
    TRY(warnings(a, count));
    size_t t;
    TRY(table(&t, a, SKPI_TPL_FUNNEL_TABLE_TITLE));
    for (size_t i = 0; i < N_STEPS; i++)
        if (count[i].m) TRY(add_row(a, t, &count[i]));
    TRY(table(&t, a, SKPI_TPL_FUNNEL_RATES_TITLE));
    for (size_t i = 1; i < N_STEPS; i++)
        if (rate[i].m) TRY(add_row(a, t, &rate[i]));
    figure whole;
    TRY(measure(&whole, a, "customer_conversion_rate"));
    if (whole.m) TRY(add_row(a, t, &whole));
    TRY(weakest(a, count, rate));
    return return_table(a);
}
