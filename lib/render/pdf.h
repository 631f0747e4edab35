/* Private interface between the PDF renderer's files: the page flow, text
 * set with pango, and the pieces (tables, cards, charts) drawn on it. The
 * renderer reads the document through doc.h's getters only. */
#ifndef SKPI_RENDER_PDF_H
#define SKPI_RENDER_PDF_H

#include "render/render_internal.h"

#include <cairo.h>
#include <pango/pangocairo.h>

/* Type styles, all in one family (docs/pdf.md names the fonts). */
enum {
    PDF_BODY,   /* paragraphs, table cells */
    PDF_BOLD,   /* strong spans, table headers, card titles */
    PDF_ITALIC, /* emphasised spans */
    PDF_SMALL,  /* notes, axis labels, the footer */
    PDF_FIGURE, /* the value on a KPI tile */
    PDF_TITLE,  /* the document's title */
    PDF_H1, PDF_H2, PDF_H3, PDF_H4,
    PDF_STYLES
};

typedef struct skpi__pdf {
    skpi__render *r;
    const skpi_doc *doc;
    cairo_t *cr;          /* NULL in the pass that only counts pages */
    PangoContext *pango;
    PangoFontDescription *font[PDF_STYLES];
    double page_w, page_h;
    double left, right, top, bottom; /* the content box */
    double y;             /* where the next piece goes */
    int page;             /* the current page, from 1 */
    int pages;            /* pages in all (known in the drawing pass) */
    const char *footer;   /* the title and period, cleaned */
    skpi__text clean;     /* scratch of skpi__pdf_clean() */
    /* A heading waits here until what follows it asks for room, so that
     * both go on the same page (skpi__pdf_need() places it). */
    PangoLayout *held;
    int held_level;
    double held_before;
} skpi__pdf;

/* Colours. */
typedef struct pdf_rgb {
    double r, g, b;
} pdf_rgb;
extern const pdf_rgb skpi__pdf_ink, skpi__pdf_muted, skpi__pdf_rule, skpi__pdf_shade;
/* The colour of an skpi_tone (neutral, good, warning, bad). */
pdf_rgb skpi__pdf_tone(int tone);
void skpi__pdf_color(skpi__pdf *p, pdf_rgb c);
/* A filled rectangle, or only its outline when stroke > 0. */
void skpi__pdf_rect(skpi__pdf *p, double x, double y, double w, double h, pdf_rgb c, double stroke);

/* ---- the page flow -------------------------------------------------------- */

/* Room for h points below y, else a new page; a piece taller than a whole
 * page starts at the top of one. A heading held back is placed first, on
 * the page where h fits below it. Every piece asks before it draws. */
void skpi__pdf_need(skpi__pdf *p, double h);
void skpi__pdf_new_page(skpi__pdf *p);
double skpi__pdf_width(const skpi__pdf *p);

/* ---- text ------------------------------------------------------------------ */

/* s as pango may take it: invalid UTF-8 and control characters replaced by
 * U+FFFD, line breaks and tabs as spaces (kept when `lines`), bidi
 * controls dropped, cut after `max` code points with an ellipsis (0: no
 * limit). Valid until the next call; "" after a failure (recorded). */
const char *skpi__pdf_clean(skpi__pdf *p, const char *s, size_t max);
/* A layout of s (already clean) in a style, wrapped at width (<= 0: one
 * line), with the alignment for left or right (skpi_align). Never NULL:
 * allocation failures abort in glib. */
PangoLayout *skpi__pdf_layout(skpi__pdf *p, const char *s, int style, double width, int align);
/* Height and width of a layout in points. */
double skpi__pdf_height(PangoLayout *l);
double skpi__pdf_natural(PangoLayout *l);
/* Draw a layout with its top left at (x, y). */
void skpi__pdf_show(skpi__pdf *p, PangoLayout *l, double x, double y, pdf_rgb c);
/* Draw a layout at the flow's y line by line, starting new pages as
 * needed; y moves below it. */
void skpi__pdf_flow(skpi__pdf *p, PangoLayout *l, double x, pdf_rgb c);
/* A clean text in a style across the width, flowing over pages. */
void skpi__pdf_text(skpi__pdf *p, const char *s, int style, double indent, pdf_rgb c);

/* ---- blocks ------------------------------------------------------------------ */

/* A table: a header row and rows of cells got through a callback, split
 * across pages with the header repeated. */
typedef struct pdf_table {
    size_t rows, cols;
    const char *caption;           /* NULL: none */
    const char *(*header)(void *ctx, size_t col);
    /* The text of a cell; may write into buf (size bytes). */
    const char *(*cell)(void *ctx, size_t row, size_t col, char *buf, size_t size);
    int (*align)(void *ctx, size_t col); /* skpi_align */
    void *ctx;
    int style;                     /* of the cells */
} pdf_table;
void skpi__pdf_table(skpi__pdf *p, const pdf_table *t);
/* The height of a table's header and its first `rows` rows (no caption). */
double skpi__pdf_table_height(skpi__pdf *p, const pdf_table *t, size_t rows);

/* Paragraphs, callouts and lists. */
void skpi__pdf_blocks_text(skpi__pdf *p, size_t block, int kind);
void skpi__pdf_generic_table(skpi__pdf *p, size_t block);
void skpi__pdf_posts(skpi__pdf *p, size_t block);
void skpi__pdf_kpi_tiles(skpi__pdf *p, size_t block);
void skpi__pdf_goals(skpi__pdf *p, size_t block);
void skpi__pdf_objectives(skpi__pdf *p, size_t block);
void skpi__pdf_chart(skpi__pdf *p, size_t block);
/* A progress bar across w at the flow's y (0..1, NaN: none) with a marker
 * at expected. */
void skpi__pdf_progress(skpi__pdf *p, double x, double y, double w, double progress, double expected, int tone);
/* A sparkline in the box. */
void skpi__pdf_sparkline(skpi__pdf *p, const double *v, size_t n, double x, double y, double w, double h);
/* A block title (caption) above a piece. */
void skpi__pdf_caption(skpi__pdf *p, const char *title);
/* A block's caption drawn; returns the number of its items. */
size_t skpi__pdf_block_start(skpi__pdf *p, size_t block);

#endif
