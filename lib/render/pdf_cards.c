/* Cards in the PDF: KPI tiles, goal cards and OKR cards with their key
 * results. */
#include "render/pdf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define GAP 10.0
#define PAD 8.0
#define SPARK_H 18.0
#define BAR_H 6.0
#define MAX_LINES 8

/* Lines of a card, laid out at the card's inner width, stacked. */
typedef struct card {
    PangoLayout *line[MAX_LINES];
    pdf_rgb color[MAX_LINES];
    double gap[MAX_LINES];   /* space above the line */
    int n;
    double h;                /* the lines' height, gaps included */
} card;

static void card_add(skpi__pdf *p, card *c, const char *text, int style, double width, pdf_rgb color, double gap)
{
    if (c->n == MAX_LINES) return;
    PangoLayout *l = skpi__pdf_layout(p, skpi__pdf_clean(p, text, 0), style, width, SKPI_ALIGN_LEFT);
    c->line[c->n] = l;
    c->color[c->n] = color;
    c->gap[c->n] = gap;
    c->h += gap + skpi__pdf_height(l);
    c->n++;
}

/* Draw lines from y; returns the y below them. A line may carry a figure
 * drawn after it (a progress bar) through `after` and `extra`. */
static double card_draw(skpi__pdf *p, const card *c, double x, double y, int after,
                        void (*extra)(skpi__pdf *, void *, double, double), void *ctx)
{
    for (int i = 0; i < c->n; i++) {
        y += c->gap[i];
        skpi__pdf_show(p, c->line[i], x, y, c->color[i]);
        y += skpi__pdf_height(c->line[i]);
        if (i == after && extra) {
            extra(p, ctx, x, y);
            y += BAR_H + 6;
        }
    }
    return y;
}

static void card_free(card *c)
{
    for (int i = 0; i < c->n; i++) g_object_unref(c->line[i]);
    c->n = 0;
}

static void box(skpi__pdf *p, double x, double y, double w, double h)
{
    skpi__pdf_rect(p, x, y, w, h, skpi__pdf_shade, 0);
    skpi__pdf_rect(p, x, y, w, h, skpi__pdf_rule, 0.6);
}

/* ---- KPI tiles -------------------------------------------------------------- */

/* "+18,602 (+19.2%)", or "-2.69 pp (-6.7%)" for percent metrics. */
static void change_text(char *buf, size_t size, const char *change, const char *percent)
{
    snprintf(buf, size, "%s (%s)", change, percent);
}

static void versus(skpi__pdf *p, card *c, double width, const char *change, const char *percent,
                   const char *comparison, const char *previous)
{
    char both[128];
    change_text(both, sizeof both, change, percent);
    card_add(p, c, skpi__word(p->r, SKPI_TPL_KPI_VERSUS, "change", both, "comparison", comparison,
                              "previous", previous, NULL),
             PDF_SMALL, width, skpi__pdf_muted, 2);
}

static void kpi_card(skpi__pdf *p, card *c, const skpi_doc_kpi_row *k, const char *cmp1, const char *cmp2,
                     double width)
{
    skpi__kpi_cells cells;
    skpi__kpi_format(&cells, p->r, k);
    card_add(p, c, k->label, PDF_BOLD, width, skpi__pdf_ink, 0);
    if (k->channel) card_add(p, c, k->channel, PDF_SMALL, width, skpi__pdf_muted, 1);
    card_add(p, c, cells.value, PDF_FIGURE, width, skpi__pdf_ink, 3);
    if (isfinite(k->previous.value)) versus(p, c, width, cells.change, cells.percent, cmp1, cells.previous);
    if (cmp2 && isfinite(k->previous2.value)) versus(p, c, width, cells.change2, cells.percent2, cmp2, cells.previous2);
}

typedef struct kpi_detail {
    skpi__pdf *p;
    size_t block;
    size_t *rows;            /* the breakdown rows' indices */
    const char *cmp1, *cmp2;
    skpi_doc_kpi_row row;    /* the last row read */
    size_t loaded;
} kpi_detail;

static const char *kpi_header(void *ctx, size_t col)
{
    kpi_detail *d = ctx;
    static const int words[] = { SKPI_TPL_COLUMN_METRIC, SKPI_TPL_COLUMN_VALUE, -1, SKPI_TPL_COLUMN_CHANGE,
                                 SKPI_TPL_COLUMN_CHANGE_PERCENT, -2, SKPI_TPL_COLUMN_CHANGE,
                                 SKPI_TPL_COLUMN_CHANGE_PERCENT };
    int w = words[col];
    return w == -1 ? d->cmp1 : w == -2 ? d->cmp2 : skpi__word(d->p->r, w, NULL);
}

static const char *kpi_cell(void *ctx, size_t row, size_t col, char *buf, size_t size)
{
    kpi_detail *d = ctx;
    if (d->loaded != row) {
        d->row.version = SKPI_DOC_KPI_ROW_VERSION;
        skpi_doc_kpi_row_get(&d->row, d->p->doc, d->block, d->rows[row]);
        d->loaded = row;
    }
    const skpi_doc_kpi_row *k = &d->row;
    skpi__kpi_cells c;
    skpi__kpi_format(&c, d->p->r, k);
    const char *cells[] = { k->label, c.value, c.previous, c.change, c.percent, c.previous2, c.change2, c.percent2 };
    if (col == 0 && k->channel) {
        snprintf(buf, size, "%s (%s)", k->label, k->channel);
        return buf;
    }
    snprintf(buf, size, "%s", cells[col]);
    return buf;
}

static int kpi_align(void *ctx, size_t col)
{
    (void)ctx;
    return col == 0 ? SKPI_ALIGN_LEFT : SKPI_ALIGN_RIGHT;
}

static bool row_partial(const skpi_doc_kpi_row *k, bool two)
{
    return k->value.availability == SKPI_PARTIAL || k->previous.availability == SKPI_PARTIAL ||
           (two && k->previous2.availability == SKPI_PARTIAL);
}

void skpi__pdf_kpi_tiles(skpi__pdf *p, size_t block)
{
    const char *title = "", *cmp1 = "", *cmp2 = NULL;
    size_t n = 0;
    skpi_doc_block_title(&title, p->doc, block);
    skpi_doc_block_size(&n, p->doc, block);
    skpi_doc_kpi_table_comparisons(&cmp1, &cmp2, p->doc, block);
    skpi__pdf_caption(p, title);
    size_t *detail = skpi__reallocarray(NULL, n ? n : 1, sizeof *detail);
    if (detail == NULL) { skpi__out_fail(&p->r->out, skpi__nomem()); return; }
    size_t ndetail = 0;
    bool partial = false;
    int per_row = skpi__pdf_width(p) >= 480 ? 3 : 2;
    double tile_w = (skpi__pdf_width(p) - GAP * (per_row - 1)) / per_row;
    /* Tiles for the metrics; their per-channel lines go to a table below. */
    size_t i = 0;
    while (i < n && p->r->out.err == SKPI_OK) {
        card cards[3];
        size_t idx[3];
        int k = 0;
        double h = 0;
        for (; i < n && k < per_row; i++) {
            skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
            if (skpi_doc_kpi_row_get(&row, p->doc, block, i) != SKPI_OK) continue;
            partial = partial || row_partial(&row, cmp2 != NULL);
            if (row.level != 0) { detail[ndetail++] = i; continue; }
            memset(&cards[k], 0, sizeof cards[k]);
            kpi_card(p, &cards[k], &row, cmp1, cmp2, tile_w - 2 * PAD);
            double ch = cards[k].h + (row.sparkline_length ? SPARK_H + 6 : 0);
            if (ch > h) h = ch;
            idx[k++] = i;
        }
        if (k == 0) continue;
        h += 2 * PAD;
        skpi__pdf_need(p, h);
        for (int slot = 0; slot < k; slot++) {
            skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
            skpi_doc_kpi_row_get(&row, p->doc, block, idx[slot]);
            double x = p->left + slot * (tile_w + GAP);
            box(p, x, p->y, tile_w, h);
            double y = card_draw(p, &cards[slot], x + PAD, p->y + PAD, -1, NULL, NULL);
            if (row.sparkline_length)
                skpi__pdf_sparkline(p, row.sparkline, row.sparkline_length, x + PAD, y + 6, tile_w - 2 * PAD, SPARK_H);
            card_free(&cards[slot]);
        }
        p->y += h + GAP;
    }
    if (ndetail > 0) {
        kpi_detail d = { p, block, detail, cmp1, cmp2, SKPI_DOC_KPI_ROW_INIT, SIZE_MAX };
        pdf_table t = { 0 };
        t.rows = ndetail;
        t.cols = cmp2 ? 8 : 5;
        t.header = kpi_header;
        t.cell = kpi_cell;
        t.align = kpi_align;
        t.ctx = &d;
        t.style = PDF_BODY;
        skpi__pdf_table(p, &t);
    }
    skpi__free(detail);
    if (partial) {
        skpi__pdf_text(p, skpi__pdf_clean(p, skpi__word_between(p->r, "* ", ".", SKPI_TPL_PARTIAL_NOTE, NULL), 0),
                       PDF_SMALL, 0, skpi__pdf_muted);
        p->y += 8;
    }
}

/* ---- goal cards ------------------------------------------------------------- */

typedef struct bar {
    double progress, expected, width;
    int tone, after; /* the card's line the bar goes under */
} bar;

static void draw_bar(skpi__pdf *p, void *ctx, double x, double y)
{
    bar *b = ctx;
    skpi__pdf_progress(p, x, y + 3, b->width, b->progress, b->expected, b->tone);
}

/* Returns the line the progress bar goes under: the status, or the owner
 * beneath it. */
static int goal_card(skpi__pdf *p, card *c, const skpi_doc_goal *g, double width)
{
    skpi__goal_cells cells;
    skpi__goal_format(&cells, p->r, g);
    card_add(p, c, g->name, PDF_BOLD, width, skpi__pdf_ink, 0);
    card_add(p, c, g->status_label ? g->status_label : g->status, PDF_BOLD, width, skpi__pdf_tone(g->tone), 2);
    if (g->owner)
        card_add(p, c, skpi__word(p->r, SKPI_TPL_GOAL_OWNER, "owner", g->owner, NULL), PDF_SMALL, width,
                 skpi__pdf_muted, 2);
    int bar_after = c->n - 1;
    /* Figures that are not available are left out rather than shown as n/a. */
    if (isfinite(g->progress.value)) {
        skpi__text t = { 0 };
        const char *w = skpi__word(p->r, SKPI_TPL_COLUMN_PROGRESS, NULL);
        skpi__text_put(&t, w, strlen(w));
        skpi__text_put(&t, " ", 1);
        skpi__text_put(&t, cells.progress, strlen(cells.progress));
        if (isfinite(g->expected.value)) {
            w = skpi__word_between(p->r, " \xC2\xB7 ", "", SKPI_TPL_GOAL_EXPECTED, "expected", cells.expected, NULL);
            skpi__text_put(&t, w, strlen(w));
        }
        skpi__text_put(&t, "", 0);
        if (t.err == SKPI_OK) card_add(p, c, t.buf, PDF_SMALL, width, skpi__pdf_ink, 4);
        else skpi__out_fail(&p->r->out, t.err);
        skpi__text_free(&t);
    }
    const char *deadline = skpi__goal_deadline(g);
    if (isfinite(g->current.value) || isfinite(g->target.value) || deadline) {
        skpi__text t = { 0 };
        if (isfinite(g->current.value) || isfinite(g->target.value)) {
            const char *w = skpi__word(p->r, SKPI_TPL_OF_TARGET, "current", cells.current, "target", cells.target, NULL);
            skpi__text_put(&t, w, strlen(w));
            if (deadline) skpi__text_put(&t, " \xC2\xB7 ", 4);
        }
        if (deadline) {
            const char *w = skpi__word(p->r, SKPI_TPL_GOAL_BY_DEADLINE, "deadline", deadline, NULL);
            skpi__text_put(&t, w, strlen(w));
        }
        skpi__text_put(&t, "", 0);
        if (t.err == SKPI_OK) card_add(p, c, t.buf, PDF_SMALL, width, skpi__pdf_ink, 2);
        else skpi__out_fail(&p->r->out, t.err);
        skpi__text_free(&t);
    }
    /* The projection and its likelihood, then the caveat when they and the
     * status disagree: the same words as the HTML card. */
    const char *forecast = skpi__goal_forecast_text(p->r, g, &cells);
    if (forecast) card_add(p, c, forecast, PDF_SMALL, width, skpi__pdf_ink, 2);
    if (g->caveat) card_add(p, c, g->caveat, PDF_SMALL, width, skpi__pdf_tone(SKPI_TONE_WARNING), 2);
    if (g->note) card_add(p, c, g->note, PDF_SMALL, width, skpi__pdf_muted, 2);
    return bar_after;
}

void skpi__pdf_goals(skpi__pdf *p, size_t block)
{
    size_t n = skpi__pdf_block_start(p, block);
    double w = (skpi__pdf_width(p) - GAP) / 2;
    for (size_t i = 0; i < n && p->r->out.err == SKPI_OK; i += 2) {
        card c[2];
        bar b[2];
        double h = 0;
        size_t k = 0;
        for (; k < 2 && i + k < n; k++) {
            skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
            memset(&c[k], 0, sizeof c[k]);
            if (skpi_doc_goal_get(&g, p->doc, block, i + k) != SKPI_OK) continue;
            int after = goal_card(p, &c[k], &g, w - 2 * PAD);
            b[k] = (bar){ g.progress.value, g.expected.value, w - 2 * PAD, g.tone, after };
            if (c[k].h > h) h = c[k].h;
        }
        h += 2 * PAD + BAR_H + 6;
        skpi__pdf_need(p, h);
        for (size_t j = 0; j < k; j++) {
            double x = p->left + (double)j * (w + GAP);
            box(p, x, p->y, w, h);
            skpi__pdf_rect(p, x, p->y, 3, h, skpi__pdf_tone(b[j].tone), 0);
            /* the bar goes under the status line */
            card_draw(p, &c[j], x + PAD, p->y + PAD, b[j].after, draw_bar, &b[j]);
            card_free(&c[j]);
        }
        p->y += h + GAP;
    }
}

/* ---- OKR cards -------------------------------------------------------------- */

typedef struct krs {
    skpi__pdf *p;
    size_t block, objective;
} krs;

static const char *kr_header(void *ctx, size_t col)
{
    krs *k = ctx;
    static const int words[] = { SKPI_TPL_COLUMN_KEY_RESULT, SKPI_TPL_COLUMN_SCORE, SKPI_TPL_COLUMN_START,
                                 SKPI_TPL_COLUMN_CURRENT, SKPI_TPL_COLUMN_TARGET };
    return skpi__word(k->p->r, words[col], NULL);
}

static const char *kr_cell(void *ctx, size_t row, size_t col, char *buf, size_t size)
{
    krs *k = ctx;
    skpi_doc_key_result kr = SKPI_DOC_KEY_RESULT_INIT;
    if (skpi_doc_key_result_get(&kr, k->p->doc, k->block, k->objective, row) != SKPI_OK) return "";
    switch (col) {
    case 0:
        /* The owner and the note on lines of their own (U+2028, a line separator). */
        if (!kr.owner && !kr.note) return kr.title;
        snprintf(buf, size, "%s%s%s%s%s", kr.title, kr.owner ? "\xE2\x80\xA8" : "",
                 kr.owner ? skpi__word(k->p->r, SKPI_TPL_GOAL_OWNER, "owner", kr.owner, NULL) : "",
                 kr.note ? "\xE2\x80\xA8" : "", kr.note ? kr.note : "");
        return buf;
    case 1: skpi__fmt_score(buf, size, &k->p->r->nf, kr.score.value); return buf;
    case 2: skpi__fmt_value(buf, size, &k->p->r->nf, kr.start.value, kr.unit); return buf;
    case 3: skpi__fmt_value(buf, size, &k->p->r->nf, kr.current.value, kr.unit); return buf;
    default: skpi__fmt_value(buf, size, &k->p->r->nf, kr.target.value, kr.unit); return buf;
    }
}

static int kr_align(void *ctx, size_t col)
{
    (void)ctx;
    return col == 0 ? SKPI_ALIGN_LEFT : SKPI_ALIGN_RIGHT;
}

static void objective(skpi__pdf *p, size_t block, size_t index)
{
    skpi_doc_objective o = SKPI_DOC_OBJECTIVE_INIT;
    size_t nkr = 0;
    if (skpi_doc_objective_get(&o, &nkr, p->doc, block, index) != SKPI_OK) return;
    double width = skpi__pdf_width(p) - PAD - 3;
    card c = { 0 };
    card_add(p, &c, o.title, PDF_H3, width, skpi__pdf_ink, 0);
    skpi__text t = { 0 };
    char score[64];
    const char *sep = " \xC2\xB7 ";
    if (o.band_label || o.band) {
        const char *band = o.band_label ? o.band_label : o.band;
        skpi__text_put(&t, band, strlen(band));
        skpi__text_put(&t, sep, strlen(sep));
    }
    skpi__fmt_score(score, sizeof score, &p->r->nf, o.score.value);
    const char *w = skpi__word(p->r, SKPI_TPL_OKR_SCORE, "score", score, NULL);
    skpi__text_put(&t, w, strlen(w));
    if (isfinite(o.score_rounded.value)) {
        char graded[32];
        skpi__num_fixed(graded, sizeof graded, o.score_rounded.value, 1, NULL);
        w = skpi__word_between(p->r, " (", ")", SKPI_TPL_OKR_GRADED, "graded", graded, NULL);
        skpi__text_put(&t, w, strlen(w));
    }
    w = skpi__word_between(p->r, sep, "", o.aspirational ? SKPI_TPL_OKR_ASPIRATIONAL : SKPI_TPL_OKR_COMMITTED, NULL);
    skpi__text_put(&t, w, strlen(w));
    if (o.owner) {
        w = skpi__word_between(p->r, sep, "", SKPI_TPL_OKR_OWNER, "owner", o.owner, NULL);
        skpi__text_put(&t, w, strlen(w));
    }
    skpi__text_put(&t, "", 0);
    if (t.err == SKPI_OK) card_add(p, &c, t.buf, PDF_BODY, width, skpi__pdf_tone(o.tone), 2);
    else skpi__out_fail(&p->r->out, t.err);
    skpi__text_free(&t);
    bar b = { o.score.value, NAN, fmin(width, 240), o.tone, 1 };
    card interp = { 0 };
    if (o.interpretation) card_add(p, &interp, o.interpretation, PDF_BODY, width, skpi__pdf_ink, 0);
    double h = c.h + BAR_H + 6 + interp.h;
    krs k = { p, block, index };
    pdf_table tab = { 0 };
    tab.rows = nkr;
    tab.cols = 5;
    tab.header = kr_header;
    tab.cell = kr_cell;
    tab.align = kr_align;
    tab.ctx = &k;
    tab.style = PDF_BODY;
    /* A card and its key results go on one page; a card longer than a page
     * keeps its head with the first key results. */
    double krs_h = nkr > 0 ? 6 + skpi__pdf_table_height(p, &tab, nkr) : 0;
    if (h + krs_h > p->bottom - p->top) krs_h = nkr > 0 ? 6 + skpi__pdf_table_height(p, &tab, 3) : 0;
    skpi__pdf_need(p, h + krs_h);
    skpi__pdf_rect(p, p->left, p->y, 3, h, skpi__pdf_tone(o.tone), 0);
    double y = card_draw(p, &c, p->left + 3 + PAD, p->y, b.after, draw_bar, &b);
    y = card_draw(p, &interp, p->left + 3 + PAD, y, -1, NULL, NULL);
    card_free(&c);
    card_free(&interp);
    p->y = y + 6;
    if (nkr > 0) skpi__pdf_table(p, &tab);
    p->y += 6;
}

void skpi__pdf_objectives(skpi__pdf *p, size_t block)
{
    size_t n = skpi__pdf_block_start(p, block);
    for (size_t i = 0; i < n && p->r->out.err == SKPI_OK; i++) objective(p, block, i);
}
