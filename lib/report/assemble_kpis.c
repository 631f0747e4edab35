/* KPI facts (values, comparisons, history, channels, records) and the KPI,
 * channel and trend sections built from them. */
#include "report/assemble.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_TRENDS 3
#define MAX_RECORD_PERIODS 520

/* Metrics the sales audience sees first: leads, conversions, clicks, revenue. */
static bool sales_metric(const char *key)
{
    static const char *const words[] = { "lead", "conversion", "click", "ctr", "cpc", "revenue", "sale",
                                         "signup", "deal" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(key, words[i])) return true;
    return false;
}

static int value(skpi_value *out, skpi__asm *a, const char *metric, const char *sel, skpi_period p, bool want)
{
    out->value = NAN;
    out->availability = SKPI_MISSING;
    if (!want) return SKPI_OK;
    return skpi_dataset_value(out, a->ds, metric, sel, p);
}

/* The report's period and the `window` periods before it, one value each. */
static int history(skpi_series **out, skpi__asm *a, const char *metric, const char *sel)
{
    return skpi__asm_history(out, a, metric, sel, a->r->window);
}

static void changes(skpi_value *chg, skpi_value *pct, skpi_value *pts, skpi_value cur, skpi_value base, int unit)
{
    skpi_value_change(chg, cur, base, SKPI_CHANGE_ABSOLUTE, unit);
    skpi_value_change(pct, cur, base, SKPI_CHANGE_PERCENT, unit);
    skpi_value_change(pts, cur, base, SKPI_CHANGE_POINTS, unit);
}

/* The channels to break a KPI down by: those of the report's channels (or,
 * when it names none, of the dataset's) that the KPI's selector chooses, so
 * that the rows add up to the KPI's total. Exact-channel KPIs are not
 * broken down. */
static int channel_list(const char ***out, size_t *n, skpi__asm *a, const char *sel)
{
    *out = NULL;
    *n = 0;
    if (strchr(sel, '*') == NULL && sel[0] != '@') return SKPI_OK;
    const skpi_report *r = a->r;
    size_t max = r->nchannels ? r->nchannels : skpi_dataset_channel_count(a->ds);
    if (max == 0) return SKPI_OK;
    const char **list = skpi__reallocarray(NULL, max, sizeof *list);
    if (list == NULL) return skpi__nomem();
    size_t k = 0;
    for (size_t i = 0; i < max; i++) {
        const char *ch = r->nchannels ? r->channels[i] : skpi_dataset_channel(a->ds, i);
        int hit = 0;
        if (strchr(ch, '*') != NULL || ch[0] == '@') {
            /* A report entry may itself be a selector: it lies inside any
             * KPI total only when that total is every channel. */
            hit = strcmp(sel, "*") == 0;
        } else {
            int rc = skpi_dataset_match(&hit, a->ds, sel, ch);
            if (rc != SKPI_OK) { skpi__free(list); return rc; }
        }
        if (hit) list[k++] = ch;
    }
    *out = list;
    *n = k;
    return SKPI_OK;
}

static int channels(skpi__asm *a, skpi__kfact *f, skpi_period base, bool has_base)
{
    const char **list;
    size_t n;
    TRY(channel_list(&list, &n, a, f->selector));
    if (n < 2) { skpi__free(list); return SKPI_OK; }
    f->ch = skpi__calloc(n, sizeof *f->ch);
    if (f->ch == NULL) { skpi__free(list); return skpi__nomem(); }
    f->nch = n;
    int rc = SKPI_OK;
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        skpi__cfact *c = &f->ch[i];
        c->channel = list[i];
        skpi_value pts;
        rc = value(&c->v, a, f->metric, c->channel, a->P, true);
        if (rc == SKPI_OK) rc = value(&c->prev, a, f->metric, c->channel, base, has_base);
        if (rc == SKPI_OK) changes(&c->chg, &c->pct, &pts, c->v, c->prev, f->unit);
        if (rc == SKPI_OK && a->need_spots) rc = history(&c->hist, a, f->metric, c->channel);
    }
    skpi__free(list);
    return rc;
}

/* Best period on record: better than every earlier period in the data. */
static int record(skpi__asm *a, skpi__kfact *f)
{
    if (f->direction == SKPI_DIRECTION_NEUTRAL || !isfinite(f->v.value)) return SKPI_OK;
    skpi_period ext;
    int rc = skpi_dataset_extent(&ext, a->ds, f->metric, f->selector);
    if (rc == SKPI_ENOTFOUND) return SKPI_OK; /* no data at all */
    if (rc != SKPI_OK) return rc;
    skpi_series *s = NULL;
    if (a->ranged) {
        /* the ranges of the report's length back to the first data */
        if (ext.start >= a->P.start) return SKPI_OK;
        int64_t len = a->P.end - a->P.start, n = (a->P.start - ext.start + len - 1) / len;
        TRY(skpi__asm_history(&s, a, f->metric, f->selector, n < MAX_RECORD_PERIODS ? n : MAX_RECORD_PERIODS));
    } else {
        skpi_period first;
        TRY(skpi_calendar_shift(&first, a->cal, a->r->cadence, a->P.start, -MAX_RECORD_PERIODS));
        skpi_period range = { ext.start > first.start ? ext.start : first.start, a->P.end };
        if (range.start >= a->P.start) return SKPI_OK;
        TRY(skpi_dataset_rollup(&s, NULL, a->ds, f->metric, f->selector, a->cal, a->r->cadence, range));
    }
    size_t n = skpi_series_length(s);
    const double *v = skpi_series_values(s);
    double best = NAN;
    size_t used = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (!isfinite(v[i])) continue;
        used++;
        if (isnan(best) || (f->direction == SKPI_HIGHER_IS_BETTER ? v[i] > best : v[i] < best)) best = v[i];
    }
    /* A record needs some history to beat: three earlier periods at least. */
    if (used >= 3 && (f->direction == SKPI_HIGHER_IS_BETTER ? f->v.value > best : f->v.value < best)) {
        f->record = true;
        f->record_prev = best;
    }
    skpi_series_free(s);
    return SKPI_OK;
}

static int one_kpi(skpi__asm *a, skpi__kfact *f, const skpi__kpi *kpi)
{
    const skpi_metric *m = NULL;
    if (skpi_catalog_find(&m, a->cat, kpi->metric) != SKPI_OK)
        return skpi__error(SKPI_ENOTFOUND, "skpi_report_assemble: KPI \"%s\" is not a metric of the dataset's catalog",
                           kpi->metric);
    f->metric = kpi->metric;
    /* A campaign report measures the campaign's channels where the KPI says every channel. */
    f->selector = a->r->campaign && strcmp(kpi->selector, "*") == 0 ? a->campaign_sel : kpi->selector;
    f->label = skpi_metric_label(m);
    f->unit = skpi_metric_unit(m);
    f->direction = skpi_metric_direction(m);
    f->kind = skpi_metric_kind_of(m);
    f->additive = f->kind != SKPI_KIND_DERIVED;
    TRY(value(&f->v, a, f->metric, f->selector, a->P, true));
    TRY(value(&f->prev, a, f->metric, f->selector, a->PP, a->cmp_prev));
    TRY(value(&f->ye, a, f->metric, f->selector, a->YE, a->cmp_ye));
    changes(&f->chg, &f->pct, &f->pts, f->v, f->prev, f->unit);
    changes(&f->chg2, &f->pct2, &f->pts2, f->v, f->ye, f->unit);
    TRY(history(&f->hist, a, f->metric, f->selector));
    if (a->need_channels || a->need_spots) {
        bool has_base = a->cmp_prev || a->cmp_ye;
        TRY(channels(a, f, a->cmp_prev ? a->PP : a->YE, has_base));
    }
    if (a->need_records) TRY(record(a, f));
    return SKPI_OK;
}

int skpi__asm_kpis(skpi__asm *a)
{
    const skpi_report *r = a->r;
    if (r->nkpis == 0) return SKPI_OK;
    a->k = skpi__calloc(r->nkpis, sizeof *a->k);
    if (a->k == NULL) return skpi__nomem();
    /* Sales: a stable partition puts sales metrics first. */
    size_t order = 0;
    for (int pass = 0; pass < (r->sales_first ? 2 : 1); pass++)
        for (size_t i = 0; i < r->nkpis; i++) {
            if (r->sales_first && (pass == 0) != sales_metric(r->kpis[i].metric)) continue;
            a->nk = order + 1;
            TRY(one_kpi(a, &a->k[order++], &r->kpis[i]));
        }
    return SKPI_OK;
}

/* ---- sections ----------------------------------------------------------- */

/* The comparison columns: previous and year-earlier, or whichever is on. */
static void comparison_values(const skpi__asm *a, const skpi__kfact *f, skpi_doc_kpi_row *row)
{
    if (a->cmp_prev) {
        row->previous = f->prev; row->change = f->chg; row->change_percent = f->pct; row->change_points = f->pts;
        if (a->cmp_ye) {
            row->previous2 = f->ye; row->change2 = f->chg2;
            row->change2_percent = f->pct2; row->change2_points = f->pts2;
        }
    } else if (a->cmp_ye) {
        row->previous = f->ye; row->change = f->chg2; row->change_percent = f->pct2; row->change_points = f->pts2;
    }
}

static const char *comparison_label(const skpi__asm *a)
{
    return a->cmp_prev ? a->pplabel : a->cmp_ye ? a->yelabel : NULL;
}

/* The comparison periods' keys beside their headings ("2026-02" beside
 * "February 2026"), for JSON and CSV; `both`: the table has two. */
static int comparison_keys(skpi__asm *a, size_t table, bool both)
{
    char prev[32], ye[32];
    const char *first = a->cmp_prev ? skpi__asm_label(a, prev, sizeof prev, a->PP.start)
                      : a->cmp_ye   ? skpi__asm_label(a, ye, sizeof ye, a->YE.start) : NULL;
    const char *second = both && a->cmp_prev && a->cmp_ye ? skpi__asm_label(a, ye, sizeof ye, a->YE.start) : NULL;
    return skpi_doc_kpi_table_set_periods(a->doc, table, first, second);
}

/* A row's channel key (a selector of every channel has none). */
static int row_key(skpi__asm *a, size_t table, size_t row, const char *selector)
{
    return skpi_doc_set_channel_key(a->doc, table, row, strcmp(selector, "*") ? selector : NULL);
}

int skpi__sec_kpis(skpi__asm *a)
{
    if (a->nk == 0) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_KPIS)));
    skpi__arg args[] = { { "period", a->plabel } };
    TRY(skpi__asm_fill(a, SKPI_TPL_KPI_TABLE_TITLE, args, 1));
    size_t t;
    TRY(skpi_doc_add_kpi_table(&t, a->doc, a->t.buf, comparison_label(a),
                               a->cmp_prev && a->cmp_ye ? a->yelabel : NULL));
    TRY(comparison_keys(a, t, true));
    size_t n = a->r->max_kpis && a->r->max_kpis < a->nk ? a->r->max_kpis : a->nk;
    for (size_t i = 0; i < n; i++) {
        const skpi__kfact *f = &a->k[i];
        skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
        row.label = f->label;
        char name[320];
        row.channel = strcmp(f->selector, "*") ? skpi__asm_channel(a, name, sizeof name, f->selector) : NULL;
        row.unit = f->unit;
        row.direction = f->direction;
        row.value = f->v;
        comparison_values(a, f, &row);
        row.sparkline = skpi_series_values(f->hist);
        row.sparkline_length = skpi_series_length(f->hist);
        TRY(skpi_doc_kpi_table_add_row(a->doc, t, &row));
        TRY(row_key(a, t, i, f->selector));
    }
    return SKPI_OK;
}

/* "{share}": a channel's part of the total change, as a whole percent. */
static void share_text(skpi__asm *a, char *buf, size_t size, double part, double total)
{
    skpi__fmt_fraction(buf, size, &a->nf, part / total);
}

int skpi__sec_channels(skpi__asm *a)
{
    bool any = false;
    size_t n = a->r->max_kpis && a->r->max_kpis < a->nk ? a->r->max_kpis : a->nk;
    for (size_t i = 0; i < n; i++) any = any || a->k[i].nch > 0;
    if (!any) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_CHANNELS)));
    for (size_t i = 0; i < n; i++) {
        const skpi__kfact *f = &a->k[i];
        if (f->nch == 0) continue;
        skpi__arg args[] = { { "metric", f->label }, { "period", a->plabel } };
        TRY(skpi__asm_fill(a, SKPI_TPL_CHANNEL_TABLE_TITLE, args, 2));
        size_t t;
        TRY(skpi_doc_add_kpi_table(&t, a->doc, a->t.buf, comparison_label(a), NULL));
        TRY(comparison_keys(a, t, false));
        skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
        row.label = f->label;
        row.unit = f->unit;
        row.direction = f->direction;
        row.value = f->v;
        skpi_doc_kpi_row one = row;
        comparison_values(a, f, &one);
        one.previous2 = row.previous2; /* one comparison in this table */
        one.change2 = row.change2;
        one.change2_percent = row.change2_percent;
        one.change2_points = row.change2_points;
        TRY(skpi_doc_kpi_table_add_row(a->doc, t, &one));
        TRY(row_key(a, t, 0, f->selector));
        for (size_t c = 0; c < f->nch; c++) {
            char name[320];
            skpi_doc_kpi_row cr = row;
            cr.label = skpi__asm_channel(a, name, sizeof name, f->ch[c].channel);
            cr.level = 1;
            cr.value = f->ch[c].v;
            cr.previous = f->ch[c].prev;
            cr.change = f->ch[c].chg;
            cr.change_percent = f->ch[c].pct;
            if (f->unit == SKPI_UNIT_PERCENT) {
                skpi_value_change(&cr.change_points, cr.value, cr.previous, SKPI_CHANGE_POINTS, f->unit);
            }
            TRY(skpi_doc_kpi_table_add_row(a->doc, t, &cr));
            TRY(row_key(a, t, c + 1, f->ch[c].channel));
        }
        /* The lead KPI's change, channel by channel, when the parts add up. */
        double total = a->cmp_prev ? f->chg.value : f->chg2.value;
        if (i != 0 || !f->additive || !isfinite(total) || total == 0 || !skpi__asm_compares(a)) continue;
        size_t list;
        TRY(skpi_doc_add_list(&list, a->doc, 0));
        for (size_t c = 0; c < f->nch; c++) {
            if (!isfinite(f->ch[c].chg.value)) continue;
            char chg[64], pct[48], share[48], name[320];
            skpi__fmt_change(chg, sizeof chg, &a->nf, f->ch[c].chg.value, f->unit);
            skpi__fmt_percent_change(pct, sizeof pct, &a->nf, f->ch[c].pct.value);
            share_text(a, share, sizeof share, f->ch[c].chg.value, total);
            skpi__arg cargs[] = { { "channel", skpi__asm_channel(a, name, sizeof name, f->ch[c].channel) }, { "change", chg }, { "percent", pct },
                                  { "share", share }, { "metric", f->label } };
            TRY(skpi__asm_fill(a, SKPI_TPL_CHANNEL_CHANGE, cargs, 5));
            TRY(skpi_doc_list_add_item(a->doc, list, a->t.buf));
        }
    }
    return SKPI_OK;
}

int skpi__sec_trends(skpi__asm *a)
{
    if (a->nk == 0) return SKPI_OK;
    TRY(skpi_doc_add_heading(NULL, a->doc, 1, skpi__report_tpl(a->r, SKPI_TPL_HEADING_TRENDS)));
    size_t n = a->nk < MAX_TRENDS ? a->nk : MAX_TRENDS;
    for (size_t i = 0; i < n; i++) {
        const skpi__kfact *f = &a->k[i];
        size_t len = skpi_series_length(f->hist);
        const skpi_time *times = skpi_series_times(f->hist);
        const double *vals = skpi_series_values(f->hist);
        const char **labels = skpi__reallocarray(NULL, len ? len : 1, sizeof *labels);
        char (*store)[32] = skpi__reallocarray(NULL, len ? len : 1, sizeof *store);
        int rc = labels && store ? SKPI_OK : skpi__nomem();
        size_t first = len, last = len;
        for (size_t j = 0; rc == SKPI_OK && j < len; j++) {
            labels[j] = skpi__asm_label(a, store[j], sizeof store[j], times[j]);
            if (isfinite(vals[j])) { if (first == len) first = j; last = j; }
        }
        if (rc == SKPI_OK) {
            skpi__arg targs[] = { { "metric", f->label }, { "cadence", a->cadence_word } };
            rc = skpi__asm_fill(a, SKPI_TPL_TREND_TITLE, targs, 2);
        }
        char nbuf[24], fv[64], lv[64], fname[SKPI__NAME_SIZE], lname[SKPI__NAME_SIZE];
        /* The periods that have data, from the first to the last. */
        snprintf(nbuf, sizeof nbuf, "%zu", first < len ? last - first + 1 : 0);
        skpi__text title = { 0 };
        if (rc == SKPI_OK) rc = skpi__text_put(&title, a->t.buf, a->t.len);
        if (rc == SKPI_OK && first < len) {
            skpi__arg dargs[] = { { "metric", f->label }, { "n", nbuf }, { "cadence", a->cadence_word },
                                  { "first", skpi__asm_value(a, fv, sizeof fv, vals[first], f->unit) },
                                  { "first_period", skpi__asm_name(a, fname, sizeof fname, times[first]) },
                                  { "last", skpi__asm_value(a, lv, sizeof lv, vals[last], f->unit) },
                                  { "last_period", skpi__asm_name(a, lname, sizeof lname, times[last]) } };
            rc = skpi__asm_fill(a, SKPI_TPL_TREND_DESCRIPTION, dargs, 7);
        }
        if (rc == SKPI_OK) {
            skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
            ch.title = title.buf;
            ch.description = first < len ? a->t.buf : NULL;
            ch.unit = f->unit;
            size_t c;
            rc = skpi_doc_add_chart(&c, a->doc, &ch);
            if (rc == SKPI_OK)
                rc = skpi_doc_chart_add_series(NULL, a->doc, c, f->label, SKPI_SERIES_SOLID, labels, vals, len);
            /* the axis in readers' words ("Mar 2026"), the labels kept for data */
            for (size_t j = 0; rc == SKPI_OK && j < len; j++) {
                char name[SKPI__NAME_SIZE];
                if (skpi_calendar_period_short_name(name, sizeof name, a->cal, a->r->cadence, times[j],
                                                    a->r->locale) == SKPI_OK)
                    rc = skpi_doc_chart_name_category(a->doc, c, labels[j], name);
            }
        }
        skpi__text_free(&title);
        skpi__free(labels);
        skpi__free(store);
        TRY(rc);
    }
    return SKPI_OK;
}
