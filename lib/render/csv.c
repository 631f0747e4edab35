/* The CSV renderer: one flat, tidy table with one row per figure, which a
 * spreadsheet can filter and pivot (docs/report.md, "CSV").
 *
 * RFC 4180 with CRLF line ends, one header line:
 *   section,item,metric,channel,channel_key,period,value,unit,comparison,change,change_relative,text
 * Periods are keys ("2026-03"), whatever the readers' words; channels
 * carry their display name and their key. Numbers are plain ('.' decimal point, no digit groups, shortest form that
 * reads back exactly); a missing number is an empty cell. Every percentage
 * is a fraction (12.5 % is 0.125), whatever the block held. Text cells go
 * through skpi__esc_csv(), which neutralises formulas. */
#include "render/render_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S(r, s) skpi__out_str(&(r)->out, (s))

static void sep(skpi__render *r) { skpi__out_char(&r->out, ','); }
static void text(skpi__render *r, const char *s) { if (s) skpi__esc_csv(&r->out, s); }

static void number(skpi__render *r, double v)
{
    if (!isfinite(v)) return;
    char buf[40];
    skpi__num_json(buf, v == 0 ? 0.0 : v); /* -0 reads as 0 */
    S(r, buf);
}

/* A percentage as a fraction, to the 15 significant digits a double
 * holds, so that 0.35 % reads 0.0035 (not 0.0034999999999999996). */
static double fraction(double percent)
{
    if (!isfinite(percent)) return percent;
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", percent / 100.0); /* the C locale is in force */
    return strtod(buf, NULL);
}

/* A percent metric's values are written as fractions. */
static double scaled(double v, int unit) { return unit == SKPI_UNIT_PERCENT ? fraction(v) : v; }

/* One figure: the columns in order; NULL text cells and NaN numbers stay empty. */
typedef struct figure {
    const char *section, *item, *metric, *channel, *channel_key, *period;
    double value;
    const char *unit, *comparison;
    double change, relative;
    const char *text;
} figure;

static void row(skpi__render *r, const figure *f)
{
    text(r, f->section); sep(r);
    text(r, f->item); sep(r);
    text(r, f->metric); sep(r);
    text(r, f->channel); sep(r);
    text(r, f->channel_key); sep(r);
    text(r, f->period); sep(r);
    number(r, f->value); sep(r);
    if (f->unit) S(r, f->unit); /* our own keys */
    sep(r);
    text(r, f->comparison); sep(r);
    number(r, f->change); sep(r);
    number(r, f->relative); sep(r);
    text(r, f->text);
    S(r, "\r\n");
}

static figure blank(const char *section)
{
    figure f = { section, NULL, NULL, NULL, NULL, NULL, NAN, NULL, NULL, NAN, NAN, NULL };
    return f;
}

/* The reported period's label, "" when the document has none. */
static const char *period_label(const skpi__render *r)
{
    const char *label = NULL;
    if (skpi_doc_period(NULL, &label, r->doc) != SKPI_OK || label == NULL) return "";
    return label;
}

/* A KPI: the reported value, then each comparison period's value with the
 * reported value's change against it ("2026-11 vs 2026-10"). The period is
 * the comparison period's key; a table without keys (a host's) has only
 * its heading. */
static void kpi_comparison(skpi__render *r, figure f, const skpi_doc_kpi_row *k, const char *heading,
                           const char *key, skpi_value previous, skpi_value change, skpi_value points,
                           skpi_value percent)
{
    /* no row for a comparison that has no figure */
    if (heading == NULL || (!isfinite(previous.value) && !isfinite(change.value) && !isfinite(points.value)))
        return;
    if (key && key[0]) heading = key;
    char label[256];
    const char *p = period_label(r);
    if (p[0]) snprintf(label, sizeof label, "%s vs %s", p, heading);
    else snprintf(label, sizeof label, "vs %s", heading);
    f.period = heading;
    f.value = scaled(previous.value, k->unit);
    f.comparison = label;
    /* for percent metrics the change is in points, also as a fraction */
    f.change = k->unit == SKPI_UNIT_PERCENT ? fraction(points.value) : change.value;
    f.relative = fraction(percent.value);
    row(r, &f);
}

static void kpi_table(skpi__render *r, const skpi__view *b)
{
    const char *parent = NULL, *key = "", *key2 = "";
    skpi_doc_kpi_table_periods(&key, &key2, r->doc, b->index);
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_kpi_row kpi = skpi__kpi_row_at(b, i), *k = &kpi;
        figure f = blank(b->title ? b->title : "KPIs");
        /* a breakdown line is the metric above it on one channel */
        if (k->level == 0) parent = k->label;
        f.metric = k->level && parent ? parent : k->label;
        f.channel = k->level && parent ? k->label : k->channel;
        skpi_doc_channel_key(&f.channel_key, r->doc, b->index, i);
        f.unit = skpi__unit_key(k->unit);
        f.period = period_label(r);
        f.value = scaled(k->value.value, k->unit);
        row(r, &f);
        kpi_comparison(r, f, k, b->comparison, key, k->previous, k->change, k->change_points,
                       k->change_percent);
        kpi_comparison(r, f, k, b->comparison2, key2, k->previous2, k->change2, k->change2_points,
                       k->change2_percent);
    }
}

/* Host tables hold text: each cell but the first, named by its column and
 * by the row's first cell, in the text column. */
static void table(skpi__render *r, const skpi__view *b)
{
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const char *const *cells = skpi__table_row_at(b, i);
        for (size_t c = 1; c < b->columns; c++) {
            figure f = blank(b->title ? b->title : "Table");
            f.item = cells[0];
            f.metric = b->headers[c];
            f.text = cells[c];
            row(r, &f);
        }
        if (b->columns == 1) {
            figure f = blank(b->title ? b->title : "Table");
            f.metric = b->headers[0];
            f.text = cells[0];
            row(r, &f);
        }
    }
}

/* A chart's points: each label in the column its axis says (a period, a
 * channel by name and key, or a named item). */
static void chart(skpi__render *r, const skpi__view *b)
{
    int axis = SKPI_AXIS_PERIODS;
    skpi_doc_chart_axis(&axis, r->doc, b->index);
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        for (size_t j = 0; j < ser.length; j++) {
            figure f = blank(b->title ? b->title : "Chart");
            f.metric = ser.name;
            if (axis == SKPI_AXIS_CHANNELS) {
                f.channel_key = ser.labels[j];
                if (skpi_doc_chart_category_name(&f.channel, r->doc, b->index, ser.cat[j]) != SKPI_OK)
                    f.channel = ser.labels[j];
            } else if (axis == SKPI_AXIS_ITEMS) {
                f.item = ser.labels[j];
            } else {
                f.period = ser.labels[j];
            }
            f.value = scaled(ser.values[j], b->chart.unit);
            f.unit = skpi__unit_key(b->chart.unit);
            row(r, &f);
        }
    }
}

/* A goal's figures: where it stands in the reported period, and what is
 * aimed at and projected for the deadline. Progress, expected progress
 * and likelihood are fractions (unit percent). */
static void goals(skpi__render *r, const skpi__view *b)
{
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_goal g = skpi__goal_at(b, i);
        const char *unit = skpi__unit_key(g.unit);
        const struct { const char *metric; double value; const char *unit; bool at_deadline; } figs[] = {
            { "current", scaled(g.current.value, g.unit), unit, false },
            { "progress", g.progress.value, "percent", false },
            { "expected progress", g.expected.value, "percent", false },
            { "target", scaled(g.target.value, g.unit), unit, true },
            { "projected", scaled(g.projected.value, g.unit), unit, true },
            { "likelihood", g.likelihood.value, "percent", true },
        };
        figure f = blank(b->title ? b->title : "Goals");
        f.item = g.name;
        f.metric = "status";
        f.period = period_label(r);
        f.text = g.status;
        row(r, &f);
        for (size_t n = 0; n < sizeof figs / sizeof figs[0]; n++) {
            f.metric = figs[n].metric;
            f.value = figs[n].value;
            f.unit = figs[n].unit;
            f.period = figs[n].at_deadline ? (g.deadline ? g.deadline : "") : period_label(r);
            f.text = NULL;
            row(r, &f);
        }
    }
}

/* An objective's score, then each key result's score, start, current and
 * target; the item names the key result under its objective. */
static void objectives(skpi__render *r, const skpi__view *b)
{
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi__objective_view obj = skpi__objective_at(b, i);
        figure f = blank(b->title ? b->title : "Objectives");
        f.item = obj.o.title;
        f.period = period_label(r);
        f.metric = "score";
        f.value = obj.o.score.value;
        f.unit = "score";
        f.text = obj.o.band;
        row(r, &f);
        f.metric = "graded score";
        f.value = obj.o.score_rounded.value;
        f.text = NULL;
        row(r, &f);
        for (size_t k = 0; k < obj.count; k++) {
            const skpi_doc_key_result kr = skpi__key_result_at(b, i, k);
            char item[512];
            snprintf(item, sizeof item, "%s / %s", obj.o.title, kr.title);
            const char *unit = skpi__unit_key(kr.unit);
            const struct { const char *metric; double value; const char *unit; } figs[] = {
                { "score", kr.score.value, "score" },
                { "start", scaled(kr.start.value, kr.unit), unit },
                { "current", scaled(kr.current.value, kr.unit), unit },
                { "target", scaled(kr.target.value, kr.unit), unit },
            };
            for (size_t n = 0; n < sizeof figs / sizeof figs[0]; n++) {
                f.item = item;
                f.metric = figs[n].metric;
                f.value = figs[n].value;
                f.unit = figs[n].unit;
                row(r, &f);
            }
        }
    }
}

static void posts(skpi__render *r, const skpi__view *b)
{
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_post post = skpi__post_at(b, i);
        char item[24];
        snprintf(item, sizeof item, "#%zu", i + 1);
        figure f = blank(b->title ? b->title : "Top posts");
        f.item = item;
        f.channel = post.channel;
        skpi_doc_channel_key(&f.channel_key, r->doc, b->index, i);
        f.period = post.published;
        f.metric = post.metric;
        f.value = scaled(post.value.value, post.unit);
        f.unit = skpi__unit_key(post.unit);
        f.text = post.url;
        row(r, &f);
        f.metric = "ratio to usual";
        f.value = post.ratio.value;
        f.unit = "ratio";
        f.text = NULL;
        row(r, &f);
    }
}

void skpi__render_csv(skpi__render *r)
{
    const skpi_doc *d = r->doc;
    if (r->flags & SKPI_RENDER_CSV_BOM) S(r, "\xEF\xBB\xBF");
    S(r, "section,item,metric,channel,channel_key,period,value,unit,comparison,change,change_relative,text\r\n");
    skpi__view view, *b = &view;
    size_t nblocks = skpi_doc_block_count(d);
    for (size_t i = 0; i < nblocks && r->out.err == SKPI_OK; i++) {
        skpi__view_get(b, d, i);
        switch (b->kind) {
        case SKPI_BLOCK_KPI_TABLE: kpi_table(r, b); break;
        case SKPI_BLOCK_TABLE: table(r, b); break;
        case SKPI_BLOCK_CHART: chart(r, b); break;
        case SKPI_BLOCK_GOALS: goals(r, b); break;
        case SKPI_BLOCK_OBJECTIVES: objectives(r, b); break;
        case SKPI_BLOCK_POSTS: posts(r, b); break;
        default: break;
        }
    }
}
