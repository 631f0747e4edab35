/* The CSV renderer: every table-like block as a section of its own.
 *
 * RFC 4180 with CRLF line ends. A section is a title line (one cell), a
 * header line and the rows; sections are separated by one empty line.
 * Numbers are plain ('.' decimal point, no digit groups, shortest form that
 * reads back exactly); a missing number is an empty cell. Text cells go
 * through skpi__esc_csv(), which neutralises formulas. */
#include "render/render_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S(r, s) skpi__out_str(&(r)->out, (s))

static void sep(skpi__render *r) { skpi__out_char(&r->out, ','); }
static void eol(skpi__render *r) { S(r, "\r\n"); }
static void text(skpi__render *r, const char *s) { if (s) skpi__esc_csv(&r->out, s); }

static void number(skpi__render *r, double v)
{
    if (!isfinite(v)) return;
    char buf[40];
    skpi__num_json(buf, v);
    S(r, buf);
}

/* Our own fixed header names: plain ASCII, never formula-like. */
static void header(skpi__render *r, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i) sep(r);
        S(r, names[i]);
    }
    eol(r);
}

static void title_line(skpi__render *r, const char *title, const char *fallback)
{
    text(r, title ? title : fallback);
    eol(r);
}

static void kpi_table(skpi__render *r, const skpi__view *b)
{
    title_line(r, b->title, "KPIs");
    static const char *const h1[] = { "Metric", "Channel", "Level", "Unit", "Value", "Value availability",
                                      "Previous", "Previous availability", "Change", "Change %", "Change pp" };
    static const char *const h2[] = { "Previous 2", "Previous 2 availability", "Change 2", "Change 2 %",
                                      "Change 2 pp" };
    bool two = b->comparison2 != NULL;
    for (size_t i = 0; i < 11; i++) { if (i) sep(r); S(r, h1[i]); }
    for (size_t i = 0; two && i < 5; i++) { sep(r); S(r, h2[i]); }
    eol(r);
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_kpi_row kpi = skpi__kpi_row_at(b, i), *k = &kpi;
        text(r, k->label); sep(r);
        text(r, k->channel); sep(r);
        S(r, k->level ? "1" : "0"); sep(r);
        S(r, skpi__unit_key(k->unit)); sep(r);
        number(r, k->value.value); sep(r);
        S(r, skpi__availability_key(k->value.availability)); sep(r);
        number(r, k->previous.value); sep(r);
        S(r, skpi__availability_key(k->previous.availability)); sep(r);
        number(r, k->change.value); sep(r);
        number(r, k->change_percent.value); sep(r);
        number(r, k->change_points.value);
        if (two) {
            sep(r); number(r, k->previous2.value);
            sep(r); S(r, skpi__availability_key(k->previous2.availability));
            sep(r); number(r, k->change2.value);
            sep(r); number(r, k->change2_percent.value);
            sep(r); number(r, k->change2_points.value);
        }
        eol(r);
    }
}

static void table(skpi__render *r, const skpi__view *b)
{
    title_line(r, b->title, "Table");
    for (size_t c = 0; c < b->columns; c++) { if (c) sep(r); text(r, b->headers[c]); }
    eol(r);
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const char *const *row = skpi__table_row_at(b, i);
        for (size_t c = 0; c < b->columns; c++) { if (c) sep(r); text(r, row[c]); }
        eol(r);
    }
}

static void chart(skpi__render *r, const skpi__view *b)
{
    title_line(r, b->title, "Chart");
    const char *const *cats = b->cats;
    size_t ncat = b->ncat;
    double *m = skpi__chart_table(r, b);
    if (m == NULL) return;
    S(r, "Label");
    for (size_t i = 0; i < b->count; i++) { sep(r); text(r, skpi__series_at(b, i).name); }
    eol(r);
    for (size_t c = 0; c < ncat && r->out.err == SKPI_OK; c++) {
        text(r, cats[c]);
        for (size_t i = 0; i < b->count; i++) {
            sep(r);
            double v = m[i * ncat + c];
            if (!isnan(v)) number(r, v);
        }
        eol(r);
    }
    skpi__free(m);
}

static void goals(skpi__render *r, const skpi__view *b)
{
    title_line(r, b->title, "Goals");
    static const char *const h[] = { "Goal", "Status", "Unit", "Current", "Target", "Progress", "Expected",
                                     "Forecast", "Deadline", "Note", "Projected", "Likelihood", "Caveat" };
    header(r, h, 13);
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_goal goal = skpi__goal_at(b, i);
        text(r, goal.name); sep(r);
        text(r, goal.status); sep(r);
        S(r, skpi__unit_key(goal.unit)); sep(r);
        number(r, goal.current.value); sep(r);
        number(r, goal.target.value); sep(r);
        number(r, goal.progress.value); sep(r);
        number(r, goal.expected.value); sep(r);
        number(r, goal.forecast.value); sep(r);
        text(r, goal.deadline); sep(r);
        text(r, goal.note); sep(r);
        number(r, goal.projected.value); sep(r);
        number(r, goal.likelihood.value); sep(r);
        text(r, goal.caveat);
        eol(r);
    }
}

/* One line per objective (key result empty) followed by its key results. */
static void objectives(skpi__render *r, const skpi__view *b)
{
    title_line(r, b->title, "Objectives");
    static const char *const h[] = { "Objective", "Key result", "Score", "Graded", "Band", "Unit", "Start",
                                     "Current", "Target", "Note" };
    header(r, h, 10);
    for (size_t i = 0; i < b->count; i++) {
        const skpi__objective_view obj = skpi__objective_at(b, i);
        text(r, obj.o.title); sep(r);
        sep(r);
        number(r, obj.o.score.value); sep(r);
        number(r, obj.o.score_rounded.value); sep(r);
        text(r, obj.o.band); sep(r);
        sep(r); sep(r); sep(r); sep(r);
        text(r, obj.o.interpretation);
        eol(r);
        for (size_t k = 0; k < obj.count; k++) {
            const skpi_doc_key_result kr_ = skpi__key_result_at(b, i, k), *kr = &kr_;
            text(r, obj.o.title); sep(r);
            text(r, kr->title); sep(r);
            number(r, kr->score.value); sep(r);
            sep(r);
            sep(r);
            S(r, skpi__unit_key(kr->unit)); sep(r);
            number(r, kr->start.value); sep(r);
            number(r, kr->current.value); sep(r);
            number(r, kr->target.value); sep(r);
            text(r, kr->note);
            eol(r);
        }
    }
}

static void posts(skpi__render *r, const skpi__view *b)
{
    title_line(r, b->title, "Top posts");
    static const char *const h[] = { "Rank", "Channel", "Published", "Metric", "Unit", "Value", "Ratio to usual",
                                     "Text", "URL" };
    header(r, h, 9);
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_post post = skpi__post_at(b, i);
        char rank[24];
        snprintf(rank, sizeof rank, "%zu", i + 1);
        S(r, rank); sep(r);
        text(r, post.channel); sep(r);
        text(r, post.published); sep(r);
        text(r, post.metric); sep(r);
        S(r, skpi__unit_key(post.unit)); sep(r);
        number(r, post.value.value); sep(r);
        number(r, post.ratio.value); sep(r);
        text(r, post.text); sep(r);
        text(r, post.url);
        eol(r);
    }
}

void skpi__render_csv(skpi__render *r)
{
    const skpi_doc *d = r->doc;
    if (r->flags & SKPI_RENDER_CSV_BOM) S(r, "\xEF\xBB\xBF");
    bool first = true;
    skpi__view view, *b = &view;
    size_t nblocks = skpi_doc_block_count(d);
    for (size_t i = 0; i < nblocks && r->out.err == SKPI_OK; i++) {
        skpi__view_get(b, d, i);
        bool tabular = b->kind == SKPI_BLOCK_KPI_TABLE || b->kind == SKPI_BLOCK_TABLE ||
                       b->kind == SKPI_BLOCK_CHART || b->kind == SKPI_BLOCK_GOALS ||
                       b->kind == SKPI_BLOCK_OBJECTIVES || b->kind == SKPI_BLOCK_POSTS;
        if (!tabular) continue;
        if (!first) eol(r);
        first = false;
        switch (b->kind) {
        case SKPI_BLOCK_KPI_TABLE: kpi_table(r, b); break;
        case SKPI_BLOCK_TABLE: table(r, b); break;
        case SKPI_BLOCK_CHART: chart(r, b); break;
        case SKPI_BLOCK_GOALS: goals(r, b); break;
        case SKPI_BLOCK_OBJECTIVES: objectives(r, b); break;
        default: posts(r, b); break;
        }
    }
}
