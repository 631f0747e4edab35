/* Private part of the renderers: the buffered writer, escaping, number
 * formatting and the per-format entry points. */
#ifndef SKPI_RENDER_INTERNAL_H
#define SKPI_RENDER_INTERNAL_H

#include "core/internal.h"
#include "core/number.h"
#include "core/templates.h"
#include "doc/doc_internal.h"
#include "sink/sink_internal.h"
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

/* ---- the rendering context --------------------------------------------- */


typedef struct skpi__render {
    skpi__out out;
    const skpi_doc *doc;
    unsigned flags;
    unsigned width;          /* text line width */
    skpi__numfmt nf;         /* digit groups and currency */
    bool has_time;
    char time_iso[40];       /* generated_at, ISO 8601 at the offset */
    char time_human[40];     /* "2026-11-30 08:00 UTC" / "... UTC+01:00" */
    skpi__text words;        /* the last word filled by skpi__word() */
    skpi__text joined;       /* skpi__word_between()'s text */
    char *na;                /* the document's "n/a" (nf.na) */
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
} skpi__goal_cells;
void skpi__goal_format(skpi__goal_cells *c, const skpi__render *r, const skpi_doc_goal *g);
/* Whether any value of the table is partial (a footnote explains '*'). */
bool skpi__kpi_has_partial(const skpi__block *b);
/* "▁▂▃▅▇" of the last `max` values (NaN: space) into buf; "" when none. */
void skpi__sparkline_text(char *buf, size_t size, const double *v, size_t n, size_t max);

/* Copy s into buf, cut after max code points with "…" added. */
void skpi__excerpt(char *buf, size_t size, const char *s, size_t max);
/* Charts with more categories than this show only the last ones in the
 * Markdown and text outputs. */
#define SKPI__CHART_TEXT_POINTS 24
/* Sparklines in Markdown and text show the last this many values. */
#define SKPI__SPARK_TEXT_POINTS 24

/* The category labels of a chart: every label in first-appearance order
 * across the series. *labels is allocated (skpi__free) unless all series
 * share the first one's labels, in which case it points at them and
 * *owned is false. */
int skpi__chart_categories(const char ***labels, size_t *n, bool *owned, const skpi__block *b);
/* The category index of series s's point i. */
size_t skpi__chart_index(const char *const *cats, size_t ncat, bool shared,
                         const skpi__series *s, size_t i);

#endif
