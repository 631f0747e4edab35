/* XLSX sheets of the table-like blocks: KPI tables, tables, chart data,
 * goals, objectives with their key results, top posts. Columns follow the
 * CSV sections (docs/report.md); figures are numbers in their unit's format,
 * dates are dates. */
#include "render/xlsx_internal.h"

#include <stdio.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- KPI tables -------------------------------------------------------- */

static void kpi_row(skpi__xlsx *x, lxw_row_t row, const skpi_doc_kpi_row *k, bool two)
{
    skpi__xlsx_text(x, row, 0, k->label, k->level ? x->indent : x->text);
    skpi__xlsx_text(x, row, 1, k->channel, x->text);
    skpi__xlsx_plain(x, row, 2, k->level, NULL);
    skpi__xlsx_text(x, row, 3, skpi__unit_key(k->unit), x->text);
    skpi__xlsx_value(x, row, 4, k->value, k->unit, false);
    skpi__xlsx_text(x, row, 5, skpi__availability_key(k->value.availability), x->text);
    skpi__xlsx_value(x, row, 6, k->previous, k->unit, false);
    skpi__xlsx_text(x, row, 7, skpi__availability_key(k->previous.availability), x->text);
    skpi__xlsx_value(x, row, 8, k->change, k->unit, true);
    skpi__xlsx_value(x, row, 9, k->change_percent, SKPI_UNIT_PERCENT, true);
    skpi__xlsx_figure(x, row, 10, k->change_points, x->points);
    lxw_col_t c = 11;
    if (two) {
        skpi__xlsx_value(x, row, 11, k->previous2, k->unit, false);
        skpi__xlsx_text(x, row, 12, skpi__availability_key(k->previous2.availability), x->text);
        skpi__xlsx_value(x, row, 13, k->change2, k->unit, true);
        skpi__xlsx_value(x, row, 14, k->change2_percent, SKPI_UNIT_PERCENT, true);
        skpi__xlsx_figure(x, row, 15, k->change2_points, x->points);
        c = 16;
    }
    for (size_t j = 0; j < k->sparkline_length && c + j <= LXW_COL_MAX; j++)
        skpi__xlsx_number(x, row, (lxw_col_t)(c + j), k->sparkline[j], k->unit, false);
}

static void kpi_table(skpi__xlsx *x, size_t block, const char *title, const char *fallback)
{
    size_t n = 0, spark = 0;
    const char *cmp = NULL, *cmp2 = NULL;
    skpi_doc_block_size(&n, x->doc, block);
    skpi_doc_kpi_table_comparisons(&cmp, &cmp2, x->doc, block);
    for (size_t i = 0; i < n; i++) {
        skpi_doc_kpi_row k = SKPI_DOC_KPI_ROW_INIT;
        if (skpi_doc_kpi_row_get(&k, x->doc, block, i) == SKPI_OK && k.sparkline_length > spark)
            spark = k.sparkline_length;
    }
    static const char *const h1[] = { "Metric", "Channel", "Level", "Unit", "Value", "Value availability",
                                      "Previous", "Previous availability", "Change", "Change %", "Change pp",
                                      "Previous 2", "Previous 2 availability", "Change 2", "Change 2 %",
                                      "Change 2 pp" };
    bool two = cmp2 != NULL;
    size_t fixed = two ? 16 : 11;
    /* A sheet has 16,384 columns. */
    if (spark > (size_t)LXW_COL_MAX + 1 - fixed) spark = (size_t)LXW_COL_MAX + 1 - fixed;
    const char **headers = skpi__calloc(fixed + spark, sizeof *headers);
    bool *right = skpi__calloc(fixed + spark, sizeof *right);
    char (*trend)[32] = skpi__calloc(spark ? spark : 1, sizeof *trend);
    if (headers == NULL || right == NULL || trend == NULL) {
        skpi__out_fail(&x->r->out, skpi__nomem());
    } else {
        memcpy(headers, h1, fixed * sizeof *headers);
        for (size_t c = 0; c < fixed; c++) right[c] = c == 2 || c == 4 || c == 6 || c == 8 || c == 9 ||
                                                     c == 10 || c == 11 || c >= 13;
        for (size_t j = 0; j < spark; j++) {
            snprintf(trend[j], sizeof trend[j], "Trend %zu", j + 1);
            headers[fixed + j] = trend[j];
            right[fixed + j] = true;
        }
        lxw_row_t row = skpi__xlsx_sheet(x, title, fallback, headers, fixed + spark, right);
        /* The comparison periods go beside the caption. */
        char note[512];
        snprintf(note, sizeof note, two ? "Previous: %s; previous 2: %s" : "Previous: %s", cmp ? cmp : "",
                 cmp2 ? cmp2 : "");
        if (skpi__xlsx_ok(x)) skpi__xlsx_text(x, 0, 4, note, x->text);
        x->width[4] = 0;
        for (size_t i = 0; i < n && skpi__xlsx_ok(x); i++) {
            skpi_doc_kpi_row k = SKPI_DOC_KPI_ROW_INIT;
            if (skpi_doc_kpi_row_get(&k, x->doc, block, i) != SKPI_OK) continue;
            if (k.sparkline_length > spark) k.sparkline_length = spark;
            kpi_row(x, row + (lxw_row_t)i, &k, two);
        }
        skpi__xlsx_fit(x, fixed + spark);
    }
    skpi__free(headers);
    skpi__free(right);
    skpi__free(trend);
}

/* ---- generic tables ------------------------------------------------------ */

static void table(skpi__xlsx *x, size_t block, const char *title, const char *fallback)
{
    size_t cols = 0, n = 0;
    skpi_doc_table_columns(&cols, x->doc, block);
    skpi_doc_block_size(&n, x->doc, block);
    const char *headers[64];
    bool right[64];
    if (cols > 64) cols = 64;
    for (size_t c = 0; c < cols; c++) {
        int align = SKPI_ALIGN_LEFT;
        headers[c] = "";
        skpi_doc_table_header(&headers[c], &align, x->doc, block, c);
        right[c] = align == SKPI_ALIGN_RIGHT;
    }
    lxw_row_t row = skpi__xlsx_sheet(x, title, fallback, headers, cols, right);
    /* Cells are text in the model, and stay text. */
    for (size_t i = 0; i < n && skpi__xlsx_ok(x); i++) {
        const char *const *cells = NULL;
        if (skpi_doc_table_row(&cells, x->doc, block, i) != SKPI_OK) continue;
        for (size_t c = 0; c < cols; c++)
            skpi__xlsx_text(x, row + (lxw_row_t)i, (lxw_col_t)c, cells[c], right[c] ? x->text_right : x->text);
    }
    skpi__xlsx_fit(x, cols);
}

/* ---- chart data --------------------------------------------------------- */

static void chart(skpi__xlsx *x, size_t block, const char *title, const char *fallback)
{
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    size_t nseries = 0, ncat = 0;
    const char *const *cats = NULL;
    skpi_doc_chart_get(&ch, x->doc, block);
    skpi_doc_block_size(&nseries, x->doc, block);
    skpi_doc_chart_categories(&cats, &ncat, x->doc, block);
    if (nseries > LXW_COL_MAX) nseries = LXW_COL_MAX;
    const char **headers = skpi__calloc(nseries + 1, sizeof *headers);
    bool *right = skpi__calloc(nseries + 1, sizeof *right);
    if (headers == NULL || right == NULL) {
        skpi__out_fail(&x->r->out, skpi__nomem());
    } else {
        headers[0] = "Label";
        for (size_t s = 0; s < nseries; s++) {
            headers[s + 1] = "";
            skpi_doc_chart_series(&headers[s + 1], NULL, NULL, NULL, NULL, x->doc, block, s);
            right[s + 1] = true;
        }
        lxw_row_t row = skpi__xlsx_sheet(x, title, fallback, headers, nseries + 1, right);
        /* Dates only when every label is one: a goal named "2026-03" stays text. */
        bool dates = ncat > 0;
        for (size_t k = 0; k < ncat && dates; k++) dates = skpi__xlsx_is_date(cats[k]);
        if (ncat > LXW_ROW_MAX - row) ncat = LXW_ROW_MAX - row;
        for (size_t k = 0; k < ncat && skpi__xlsx_ok(x); k++) {
            if (dates) skpi__xlsx_date(x, row + (lxw_row_t)k, 0, cats[k]);
            else skpi__xlsx_text(x, row + (lxw_row_t)k, 0, skpi__category_name(x->doc, block, k), x->text);
        }
        for (size_t s = 0; s < nseries && skpi__xlsx_ok(x); s++) {
            size_t len = 0;
            const double *values = NULL;
            const size_t *at = NULL;
            skpi_doc_chart_series(NULL, NULL, &len, NULL, &values, x->doc, block, s);
            skpi_doc_chart_series_categories(&at, x->doc, block, s);
            for (size_t j = 0; j < len && at; j++)
                if (at[j] < ncat)
                    skpi__xlsx_number(x, row + (lxw_row_t)at[j], (lxw_col_t)(s + 1), values[j], ch.unit, false);
        }
        skpi__xlsx_fit(x, nseries + 1);
    }
    skpi__free(headers);
    skpi__free(right);
}

/* ---- goals, objectives, posts ------------------------------------------- */

static const bool goal_right[] = { false, false, false, true, true, true, true, true, true, false, false };

static void goals(skpi__xlsx *x, size_t block, const char *title, const char *fallback)
{
    static const char *const h[] = { "Goal", "Status", "Unit", "Current", "Target", "Progress", "Expected",
                                     "Forecast", "Deadline", "Note", "Owner" };
    size_t n = 0;
    skpi_doc_block_size(&n, x->doc, block);
    lxw_row_t row = skpi__xlsx_sheet(x, title, fallback, h, COUNT(h), goal_right);
    for (size_t i = 0; i < n && skpi__xlsx_ok(x); i++) {
        skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
        if (skpi_doc_goal_get(&g, x->doc, block, i) != SKPI_OK) continue;
        lxw_row_t r = row + (lxw_row_t)i;
        skpi__xlsx_text(x, r, 0, g.name, x->text);
        skpi__xlsx_text(x, r, 1, g.status_label ? g.status_label : g.status, x->text);
        skpi__xlsx_text(x, r, 2, skpi__unit_key(g.unit), x->text);
        skpi__xlsx_value(x, r, 3, g.current, g.unit, false);
        skpi__xlsx_value(x, r, 4, g.target, g.unit, false);
        skpi__xlsx_figure(x, r, 5, g.progress, x->fraction);
        skpi__xlsx_figure(x, r, 6, g.expected, x->fraction);
        skpi__xlsx_figure(x, r, 7, g.forecast, x->fraction);
        skpi__xlsx_date(x, r, 8, g.deadline);
        skpi__xlsx_text(x, r, 9, g.note, x->text);
        skpi__xlsx_text(x, r, 10, g.owner, x->text);
    }
    skpi__xlsx_fit(x, COUNT(h));
}

static void score(skpi__xlsx *x, lxw_row_t r, lxw_col_t c, skpi_value v)
{
    skpi__xlsx_value(x, r, c, v, SKPI_UNIT_SCORE, false);
}

/* One row per objective, its key results below it, grouped under it. */
static void objectives(skpi__xlsx *x, size_t block, const char *title, const char *fallback)
{
    static const char *const h[] = { "Objective", "Key result", "Owner", "Kind", "Score", "Graded", "Band",
                                     "Unit", "Start", "Current", "Target", "Note" };
    static const bool right[] = { false, false, false, false, true, true, false, false, true, true, true, false };
    size_t n = 0;
    skpi_doc_block_size(&n, x->doc, block);
    lxw_row_t row = skpi__xlsx_sheet(x, title, fallback, h, COUNT(h), right);
    lxw_row_col_options grouped = { .hidden = 0, .level = 1, .collapsed = 0 };
    for (size_t i = 0; i < n && skpi__xlsx_ok(x); i++) {
        skpi_doc_objective o = SKPI_DOC_OBJECTIVE_INIT;
        size_t nkr = 0;
        if (skpi_doc_objective_get(&o, &nkr, x->doc, block, i) != SKPI_OK) continue;
        skpi__xlsx_text(x, row, 0, o.title, x->bold);
        skpi__xlsx_text(x, row, 2, o.owner, x->text);
        skpi__xlsx_text(x, row, 3, o.aspirational ? "aspirational" : "committed", x->text);
        score(x, row, 4, o.score);
        skpi__xlsx_value(x, row, 5, o.score_rounded, SKPI_UNIT_SCORE, false);
        skpi__xlsx_text(x, row, 6, o.band_label ? o.band_label : o.band, x->text);
        skpi__xlsx_text(x, row, 11, o.interpretation, x->text);
        row++;
        for (size_t k = 0; k < nkr && skpi__xlsx_ok(x) && row <= LXW_ROW_MAX; k++, row++) {
            skpi_doc_key_result kr = SKPI_DOC_KEY_RESULT_INIT;
            if (skpi_doc_key_result_get(&kr, x->doc, block, i, k) != SKPI_OK) continue;
            worksheet_set_row_opt(x->ws, row, LXW_DEF_ROW_HEIGHT, NULL, &grouped);
            skpi__xlsx_text(x, row, 0, o.title, x->text);
            skpi__xlsx_text(x, row, 1, kr.title, x->text);
            skpi__xlsx_text(x, row, 2, kr.owner, x->text);
            score(x, row, 4, kr.score);
            skpi__xlsx_text(x, row, 7, skpi__unit_key(kr.unit), x->text);
            skpi__xlsx_value(x, row, 8, kr.start, kr.unit, false);
            skpi__xlsx_value(x, row, 9, kr.current, kr.unit, false);
            skpi__xlsx_value(x, row, 10, kr.target, kr.unit, false);
            skpi__xlsx_text(x, row, 11, kr.note, x->text);
        }
    }
    skpi__xlsx_fit(x, COUNT(h));
}

static void posts(skpi__xlsx *x, size_t block, const char *title, const char *fallback)
{
    static const char *const h[] = { "Rank", "Channel", "Published", "Metric", "Unit", "Value", "Ratio to usual",
                                     "Text", "URL" };
    static const bool right[] = { true, false, true, false, false, true, true, false, false };
    size_t n = 0;
    skpi_doc_block_size(&n, x->doc, block);
    lxw_row_t row = skpi__xlsx_sheet(x, title, fallback, h, COUNT(h), right);
    for (size_t i = 0; i < n && skpi__xlsx_ok(x); i++) {
        skpi_doc_post p = SKPI_DOC_POST_INIT;
        if (skpi_doc_post_get(&p, x->doc, block, i) != SKPI_OK) continue;
        lxw_row_t r = row + (lxw_row_t)i;
        skpi__xlsx_plain(x, r, 0, (double)(i + 1), NULL);
        skpi__xlsx_text(x, r, 1, p.channel, x->text);
        skpi__xlsx_date(x, r, 2, p.published);
        skpi__xlsx_text(x, r, 3, p.metric, x->text);
        skpi__xlsx_text(x, r, 4, skpi__unit_key(p.unit), x->text);
        skpi__xlsx_value(x, r, 5, p.value, p.unit, false);
        skpi__xlsx_figure(x, r, 6, p.ratio, x->times);
        skpi__xlsx_text(x, r, 7, p.text, x->text);
        skpi__xlsx_url(x, r, 8, p.url);
    }
    skpi__xlsx_fit(x, COUNT(h));
}

void skpi__xlsx_block(skpi__xlsx *x, size_t block, int kind, const char *heading)
{
    const char *title = "";
    skpi_doc_block_title(&title, x->doc, block);
    /* Without a title, a sheet is named after the heading above it. */
    const char *name = title[0] ? title : heading;
    switch (kind) {
    case SKPI_BLOCK_KPI_TABLE: kpi_table(x, block, name, "KPIs"); break;
    case SKPI_BLOCK_TABLE: table(x, block, name, "Table"); break;
    case SKPI_BLOCK_CHART: chart(x, block, name, "Chart"); break;
    case SKPI_BLOCK_GOALS: goals(x, block, name, "Goals"); break;
    case SKPI_BLOCK_OBJECTIVES: objectives(x, block, name, "Objectives"); break;
    default: posts(x, block, name, "Top posts"); break;
    }
}
