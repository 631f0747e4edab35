/* Private part of the renderers: the buffered writer, escaping, number
 * formatting and the per-format entry points. */
#ifndef SKPI_RENDER_INTERNAL_H
#define SKPI_RENDER_INTERNAL_H

#include "core/internal.h"
#include "core/number.h"
#include "core/templates.h"
#define SKPI_RENDER_DOC_ONLY
#include "socialkpi/render.h"

#include <stdint.h>

/* ---- output ------------------------------------------------------------- */

/* Output is gathered here and handed to the sink in large pieces. After the
 * first failure `err` holds the code and nothing more is written. */
typedef struct skpi__out {
    skpi_sink *sink;
    void *host_locale; /* in force around sink callbacks */
    int err;
    size_t len;
    char buf[8192];
} skpi__out;

void skpi__out_write(skpi__out *o, const char *s, size_t n);
void skpi__out_str(skpi__out *o, const char *s);
void skpi__out_char(skpi__out *o, char c);
void skpi__out_flush(skpi__out *o);
/* Record a failure (e.g. ENOMEM inside a renderer) unless one is recorded. */
void skpi__out_fail(skpi__out *o, int code);

/* SKPI_OK when the sink can take output (the checks of skpi_sink_write());
 * else the code, the message naming fn. */
int skpi__render_check_sink(const skpi_sink *sink, const char *fn);

/* ---- reading the document ---------------------------------------------- */

/* A block as the renderers read it, filled from doc.h's getters: which
 * members mean something depends on kind, as in the document model. */
typedef struct skpi__view {
    const skpi_doc *doc;
    size_t index;            /* the block's index in the document */
    int kind;
    size_t count;            /* items: spans, rows, series, cards, posts */
    int level;               /* heading level; list: ordered; callout: kind */
    const char *title;       /* heading text, caption, callout title; NULL: none */
    const char *text;        /* callout text */
    const char *comparison;  /* KPI table: first comparison heading */
    const char *comparison2; /* KPI table: second comparison heading or NULL */
    size_t columns;          /* table */
    const char *headers[64]; /* table: column headers */
    int align[64];           /* table: column alignments */
    skpi_doc_chart chart;    /* chart */
    const char *const *cats; /* chart: the category axis */
    size_t ncat;
} skpi__view;

/* Fill v with block `index` of doc. */
void skpi__view_get(skpi__view *v, const skpi_doc *doc, size_t index);

/* Category c of chart `block` as readers see it ("Mar 2026" for
 * "2026-03"): its name, else its label. For the human renderers; JSON and
 * CSV write the labels. */
const char *skpi__category_name(const skpi_doc *doc, size_t block, size_t c);

/* One series of a chart block. */
typedef struct skpi__series_view {
    const char *name;
    int style;
    size_t length;
    const char *const *labels;
    const double *values;
    const size_t *cat;       /* the category of each point */
} skpi__series_view;

/* One objective of an objectives block and how many key results it has. */
typedef struct skpi__objective_view {
    skpi_doc_objective o;
    size_t count;
} skpi__objective_view;

/* The items of a block; the index must exist. */
skpi__series_view skpi__series_at(const skpi__view *v, size_t i);
skpi_doc_kpi_row skpi__kpi_row_at(const skpi__view *v, size_t i);
const char *const *skpi__table_row_at(const skpi__view *v, size_t i);
skpi_doc_goal skpi__goal_at(const skpi__view *v, size_t i);
skpi__objective_view skpi__objective_at(const skpi__view *v, size_t i);
skpi_doc_key_result skpi__key_result_at(const skpi__view *v, size_t objective, size_t k);
skpi_doc_post skpi__post_at(const skpi__view *v, size_t i);
const char *skpi__span_at(int *style, const skpi__view *v, size_t i);
const char *skpi__list_item_at(const skpi__view *v, size_t i);

/* ---- the rendering context --------------------------------------------- */


typedef struct skpi__render {
    skpi__out out;
    const skpi_doc *doc;
    unsigned flags;
    unsigned width;          /* text line width */
    skpi__numfmt nf;         /* digit groups and currency */
    bool has_time;
    skpi_time generated_at;  /* when has_time: as given (the XLSX creation date) */
    char time_iso[40];       /* generated_at, ISO 8601 at the offset */
    char time_human[40];     /* "2026-11-30 08:00 UTC" / "... UTC+01:00" */
    skpi__text words;        /* the last word filled by skpi__word() */
    skpi__text joined;       /* skpi__word_between()'s text */
    char *na;                /* the document's "n/a" (nf.na) */
    const char *locale;      /* options.locale, NULL when not given */
    const char *own_group;   /* options.thousands_separator as given (NULL: none) */
    struct skpi__breaker *breaker; /* text: ICU's line breaking, made when first needed */
    bool no_breaker;         /* text: ICU could not make one */
    int paper;               /* PDF: an skpi_paper, AUTO resolved by the renderer (pdf.c) */
} skpi__render;

/* The document's text of a renderer word (an SKPI_TPL_ from
 * SKPI_TPL_COLUMN_METRIC on), its placeholders filled from name, value
 * pairs ending with NULL. Valid until the next call; "" after a failure,
 * which is recorded in r->out. */
const char *skpi__word(skpi__render *r, int key, ...);
/* The same word between two texts of the renderer's own ("(", ")"), with its
 * own scratch: valid until the next call of this function. */
const char *skpi__word_between(skpi__render *r, const char *before, const char *after, int key, ...);

void skpi__render_markdown(skpi__render *r);
void skpi__render_html(skpi__render *r);
void skpi__render_json(skpi__render *r);
void skpi__render_csv(skpi__render *r);
void skpi__render_text(skpi__render *r);
/* Built with their options only (skpi_render_supported()). */
void skpi__render_pdf(skpi__render *r);
void skpi__render_xlsx(skpi__render *r);

/* The frame every entry point shares: check the options, switch to the C
 * locale, run body(r, ctx), flush, and close the sink (unless kept open).
 * `checked` is the caller's own argument check: a failure there still
 * closes the sink, as skpi_render() documents. */
int skpi__render_run(const skpi_doc *doc, const skpi_render_options *options, skpi_sink *sink,
                     int checked, void (*body)(skpi__render *r, const void *ctx), const void *ctx);

/* ---- UTF-8 and escaping ------------------------------------------------- */

/* Decode one code point at s (n > 0 bytes left). Invalid or truncated
 * sequences, overlong forms, surrogates and values past U+10FFFF give
 * U+FFFD and consume one byte. Returns the bytes consumed. */
size_t skpi__utf8_next(const unsigned char *s, size_t n, uint32_t *cp);
/* Code points in s after replacing invalid bytes (a display width for
 * text output: every code point counts as one column). */
size_t skpi__utf8_width(const char *s);

/* HTML text and attribute values: & < > " ' escaped, invalid UTF-8 and
 * control characters other than tab, LF and CR replaced by U+FFFD. */
void skpi__esc_html(skpi__out *o, const char *s);
/* A JSON string with its quotes. */
void skpi__esc_json(skpi__out *o, const char *s);
/* Markdown inline text; at_line_start also drops leading white space and
 * escapes block markers. Line breaks become spaces; bidi controls are
 * dropped (docs/escaping.md). */
void skpi__esc_md(skpi__out *o, const char *s, bool at_line_start);
void skpi__esc_md_n(skpi__out *o, const char *s, size_t n, bool at_line_start);
/* A safe link inside a Markdown autolink <...>: '&' as "&amp;", since a
 * reader decodes character references there. */
void skpi__esc_md_url(skpi__out *o, const char *url);
/* A CSV text cell: a ' before a formula start (= + - @ TAB CR) where a
 * reader may begin a cell (the start, after ';' or a line break, past
 * spaces and quotes); quoted when it holds a comma, semicolon, quote, CR,
 * LF, a neutralised formula or starts or ends with a space. */
void skpi__esc_csv(skpi__out *o, const char *s);
/* Plain text: invalid UTF-8 and control characters replaced, line breaks
 * and tabs as spaces, bidi controls dropped. */
void skpi__esc_text(skpi__out *o, const char *s);
/* The same as a string in t (NUL-terminated, replacing what t held), cut
 * after max code points with "…" added (0: no limit). SKPI_ENOMEM. */
int skpi__clean_text(skpi__text *t, const char *s, size_t max);
/* The link may be written as a link: http:, https: or mailto:, printable
 * ASCII only, no space, quote, angle bracket, backslash or backquote. */
bool skpi__url_is_safe(const char *url);

/* ---- numbers ------------------------------------------------------------ */


/* ---- shared pieces ------------------------------------------------------ */

/* Names used in the output: enum values as JSON keys, and the fixed words
 * of the human formats, all in one place. */
const char *skpi__unit_key(int unit);
const char *skpi__direction_key(int direction);
const char *skpi__availability_key(int availability);
const char *skpi__tone_key(int tone);
const char *skpi__callout_key(int kind);
/* The word template of a callout kind (Note, Win, Alert). */
int skpi__callout_tpl(int kind);
const char *skpi__availability_word(skpi__render *r, int availability);

/* The rows of a KPI value cell, formatted for readers. */
typedef struct skpi__kpi_cells {
    char value[48], previous[48], change[48], percent[32];
    char previous2[48], change2[48], percent2[32];
} skpi__kpi_cells;
void skpi__kpi_format(skpi__kpi_cells *c, const skpi__render *r, const skpi_doc_kpi_row *row);
/* A goal card's figures, formatted for readers. */
typedef struct skpi__goal_cells {
    char progress[32], expected[32], forecast[32], current[64], target[64];
    char projected[64], likelihood[32];
} skpi__goal_cells;
void skpi__goal_format(skpi__goal_cells *c, const skpi__render *r, const skpi_doc_goal *g);
/* "Projected 20,666 at the deadline, 92% likely to meet the target" (or
 * without the likelihood when there is none); NULL without a projection. */
const char *skpi__goal_forecast_text(skpi__render *r, const skpi_doc_goal *g, const skpi__goal_cells *c);
/* The deadline and a post's day for readers: the document's words for them
 * when it has them ("31 December 2026"), else the ISO date; NULL when none. */
const char *skpi__goal_deadline(const skpi_doc_goal *g);
const char *skpi__post_day(const skpi_doc_post *p);
/* Whether any value of the table is partial (a footnote explains '*'). */
bool skpi__kpi_has_partial(const skpi__view *b);
/* "▁▂▃▅▇" of the last `max` values (NaN: space) into buf; "" when none. */
void skpi__sparkline_text(char *buf, size_t size, const double *v, size_t n, size_t max);

/* A chart's values by category: m[i * ncat + c] is series i's value at
 * category c (its first point there), NaN where it has none. Freed with
 * skpi__free; NULL when out of memory, which is recorded in r->out. */
double *skpi__chart_table(skpi__render *r, const skpi__view *b);

/* Copy s into buf, cut after max code points with "…" added. */
void skpi__excerpt(char *buf, size_t size, const char *s, size_t max);
/* Charts with more categories than this show only the last ones in the
 * Markdown and text outputs. */
#define SKPI__CHART_TEXT_POINTS 24
/* Sparklines in Markdown and text show the last this many values. */
#define SKPI__SPARK_TEXT_POINTS 24

#endif
