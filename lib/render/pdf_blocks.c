/* Text blocks in the PDF: paragraphs, callouts, lists, top posts and
 * generic tables. */
#include "render/pdf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define LIST_INDENT 16.0
#define CALLOUT_PAD 7.0

/* A paragraph's spans in one layout, strong and emphasised runs marked. */
static void paragraph(skpi__pdf *p, size_t block)
{
    size_t n = 0;
    skpi_doc_block_size(&n, p->doc, block);
    if (n == 0) return;
    skpi__text all = { 0 };
    PangoAttrList *attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    for (size_t i = 0; i < n; i++) {
        int style = SKPI_SPAN_PLAIN;
        const char *text = "";
        skpi_doc_span(&style, &text, p->doc, block, i);
        size_t from = all.len;
        const char *c = skpi__pdf_clean(p, text, 0);
        skpi__text_put(&all, c, strlen(c));
        PangoAttribute *a = style == SKPI_SPAN_STRONG ? pango_attr_weight_new(PANGO_WEIGHT_BOLD)
                          : style == SKPI_SPAN_EMPHASIS ? pango_attr_style_new(PANGO_STYLE_ITALIC) : NULL;
        if (a) {
            a->start_index = (guint)from;
            a->end_index = (guint)all.len;
            pango_attr_list_insert(attrs, a);
        }
    }
    skpi__text_put(&all, "", 0);
    if (all.err != SKPI_OK) {
        skpi__out_fail(&p->r->out, all.err);
    } else {
        PangoLayout *l = skpi__pdf_layout(p, all.buf, PDF_BODY, skpi__pdf_width(p), SKPI_ALIGN_LEFT);
        pango_layout_set_attributes(l, attrs);
        skpi__pdf_flow(p, l, p->left, skpi__pdf_ink);
        g_object_unref(l);
        p->y += 7;
    }
    pango_attr_list_unref(attrs);
    skpi__text_free(&all);
}

static void callout(skpi__pdf *p, size_t block)
{
    int kind = SKPI_CALLOUT_INFO;
    const char *text = "", *title = "";
    skpi_doc_callout(&kind, &text, p->doc, block);
    skpi_doc_block_title(&title, p->doc, block);
    skpi__text label = { 0 };
    const char *word = skpi__word(p->r, skpi__callout_tpl(kind), NULL);
    skpi__text_put(&label, word, strlen(word));
    if (title[0]) {
        skpi__text_put(&label, ": ", 2);
        skpi__text_put(&label, title, strlen(title));
    }
    skpi__text_put(&label, "", 0);
    if (label.err != SKPI_OK) {
        skpi__out_fail(&p->r->out, label.err);
        skpi__text_free(&label);
        return;
    }
    double inner = skpi__pdf_width(p) - 2 * CALLOUT_PAD - 3;
    PangoLayout *head = skpi__pdf_layout(p, skpi__pdf_clean(p, label.buf, 0), PDF_BOLD, inner, SKPI_ALIGN_LEFT);
    PangoLayout *body = skpi__pdf_layout(p, skpi__pdf_clean(p, text, 0), PDF_BODY, inner, SKPI_ALIGN_LEFT);
    skpi__text_free(&label);
    double h = skpi__pdf_height(head) + 2 + skpi__pdf_height(body) + 2 * CALLOUT_PAD;
    static const int tone[] = { SKPI_TONE_NEUTRAL, SKPI_TONE_GOOD, SKPI_TONE_BAD };
    pdf_rgb accent = skpi__pdf_tone(tone[kind >= 0 && kind <= SKPI_CALLOUT_ALERT ? kind : 0]);
    skpi__pdf_need(p, h);
    /* The box is drawn when the callout fits on the page; a longer one
     * flows over pages as text with its accent at the start. */
    if (p->y + h <= p->bottom) {
        skpi__pdf_rect(p, p->left, p->y, skpi__pdf_width(p), h, skpi__pdf_shade, 0);
        skpi__pdf_rect(p, p->left, p->y, 3, h, accent, 0);
    } else {
        skpi__pdf_rect(p, p->left, p->y, 3, skpi__pdf_height(head) + 2 * CALLOUT_PAD, accent, 0);
    }
    p->y += CALLOUT_PAD;
    skpi__pdf_flow(p, head, p->left + 3 + CALLOUT_PAD, accent);
    p->y += 2;
    skpi__pdf_flow(p, body, p->left + 3 + CALLOUT_PAD, skpi__pdf_ink);
    p->y += CALLOUT_PAD + 8;
    g_object_unref(head);
    g_object_unref(body);
}

/* One list item: a marker in the indent, the text beside it. */
static void item(skpi__pdf *p, const char *marker, const char *text, int style)
{
    PangoLayout *m = skpi__pdf_layout(p, marker, style, -1, SKPI_ALIGN_LEFT);
    PangoLayout *l = skpi__pdf_layout(p, skpi__pdf_clean(p, text, 0), style, skpi__pdf_width(p) - LIST_INDENT,
                                      SKPI_ALIGN_LEFT);
    /* the marker's line and the text's first line go together */
    PangoLayoutIter *it = pango_layout_get_iter(l);
    PangoRectangle log;
    pango_layout_iter_get_line_extents(it, NULL, &log);
    pango_layout_iter_free(it);
    skpi__pdf_need(p, (double)log.height / PANGO_SCALE);
    skpi__pdf_show(p, m, p->left + 2, p->y, skpi__pdf_muted);
    skpi__pdf_flow(p, l, p->left + LIST_INDENT, skpi__pdf_ink);
    g_object_unref(m);
    g_object_unref(l);
    p->y += 3;
}

static void list(skpi__pdf *p, size_t block)
{
    size_t n = 0;
    int ordered = 0;
    skpi_doc_block_size(&n, p->doc, block);
    skpi_doc_list_ordered(&ordered, p->doc, block);
    for (size_t i = 0; i < n; i++) {
        const char *text = "";
        skpi_doc_list_item(&text, p->doc, block, i);
        char marker[32];
        snprintf(marker, sizeof marker, ordered ? "%zu." : "\xE2\x80\xA2", i + 1);
        item(p, marker, text, PDF_BODY);
    }
    p->y += 5;
}

void skpi__pdf_blocks_text(skpi__pdf *p, size_t block, int kind)
{
    if (kind == SKPI_BLOCK_PARAGRAPH) paragraph(p, block);
    else if (kind == SKPI_BLOCK_CALLOUT) callout(p, block);
    else list(p, block);
}

/* ---- top posts -------------------------------------------------------------- */

static void post(skpi__pdf *p, size_t index, const skpi_doc_post *d)
{
    skpi__text line = { 0 };
    char buf[64];
    const char *sep = " \xC2\xB7 ";
    skpi__text_put(&line, d->channel, strlen(d->channel));
    const char *day = skpi__post_day(d);
    if (day) {
        skpi__text_put(&line, sep, strlen(sep));
        skpi__text_put(&line, day, strlen(day));
    }
    skpi__text_put(&line, sep, strlen(sep));
    skpi__text_put(&line, d->metric, strlen(d->metric));
    skpi__fmt_value(buf, sizeof buf, &p->r->nf, d->value.value, d->unit);
    skpi__text_put(&line, " ", 1);
    skpi__text_put(&line, buf, strlen(buf));
    if (isfinite(d->ratio.value)) {
        skpi__fmt_ratio(buf, sizeof buf, &p->r->nf, d->ratio.value);
        const char *w = skpi__word(p->r, SKPI_TPL_POST_RATIO, "ratio", buf, NULL);
        skpi__text_put(&line, " (", 2);
        skpi__text_put(&line, w, strlen(w));
        skpi__text_put(&line, ")", 1);
    }
    skpi__text_put(&line, "", 0);
    char marker[32];
    snprintf(marker, sizeof marker, "%zu.", index + 1);
    if (line.err == SKPI_OK) item(p, marker, line.buf, PDF_BOLD);
    else skpi__out_fail(&p->r->out, line.err);
    skpi__text_free(&line);
    if (d->text) {
        char excerpt[1024];
        skpi__excerpt(excerpt, sizeof excerpt, d->text, 280);
        p->y -= 2;
        skpi__pdf_text(p, skpi__pdf_clean(p, excerpt, 0), PDF_BODY, LIST_INDENT, skpi__pdf_ink);
        p->y += 2;
    }
    if (d->url && skpi__url_is_safe(d->url)) {
        /* The address is printed (paper has no links) and is a link. */
        PangoLayout *l = skpi__pdf_layout(p, d->url, PDF_SMALL, skpi__pdf_width(p) - LIST_INDENT, SKPI_ALIGN_LEFT);
        skpi__pdf_need(p, skpi__pdf_height(l));
        if (p->cr) {
            skpi__text attr = { 0 };
            skpi__text_put(&attr, "uri='", 5);
            skpi__text_put(&attr, d->url, strlen(d->url));
            skpi__text_put(&attr, "'", 2); /* with the NUL */
            if (attr.err == SKPI_OK) cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attr.buf);
            skpi__pdf_flow(p, l, p->left + LIST_INDENT, skpi__pdf_tone(SKPI_TONE_NEUTRAL));
            if (attr.err == SKPI_OK) cairo_tag_end(p->cr, CAIRO_TAG_LINK);
            skpi__text_free(&attr);
        } else {
            skpi__pdf_flow(p, l, p->left + LIST_INDENT, skpi__pdf_muted);
        }
        g_object_unref(l);
    }
    p->y += 6;
}

void skpi__pdf_posts(skpi__pdf *p, size_t block)
{
    size_t n = skpi__pdf_block_start(p, block);
    for (size_t i = 0; i < n && p->r->out.err == SKPI_OK; i++) {
        skpi_doc_post d = SKPI_DOC_POST_INIT;
        if (skpi_doc_post_get(&d, p->doc, block, i) == SKPI_OK) post(p, i, &d);
    }
    p->y += 4;
}

/* ---- generic tables --------------------------------------------------------- */

typedef struct generic {
    const skpi_doc *doc;
    size_t block;
} generic;

static const char *generic_header(void *ctx, size_t col)
{
    generic *g = ctx;
    const char *text = "";
    skpi_doc_table_header(&text, NULL, g->doc, g->block, col);
    return text;
}

static const char *generic_cell(void *ctx, size_t row, size_t col, char *buf, size_t size)
{
    (void)buf;
    (void)size;
    generic *g = ctx;
    const char *text = "";
    skpi_doc_table_cell(&text, g->doc, g->block, row, col);
    return text;
}

static int generic_align(void *ctx, size_t col)
{
    generic *g = ctx;
    int align = SKPI_ALIGN_LEFT;
    skpi_doc_table_header(NULL, &align, g->doc, g->block, col);
    return align;
}

void skpi__pdf_generic_table(skpi__pdf *p, size_t block)
{
    generic g = { p->doc, block };
    pdf_table t = { 0 };
    skpi_doc_block_size(&t.rows, p->doc, block);
    skpi_doc_table_columns(&t.cols, p->doc, block);
    skpi_doc_block_title(&t.caption, p->doc, block);
    t.header = generic_header;
    t.cell = generic_cell;
    t.align = generic_align;
    t.ctx = &g;
    t.style = PDF_BODY;
    skpi__pdf_table(p, &t);
}
