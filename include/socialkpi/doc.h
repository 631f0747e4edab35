/**
 * @file socialkpi/doc.h
 * @brief Documents: the model of blocks that renderers walk, and the table
 *        of texts (templates) that report assembly and renderers write.
 *
 * A document (::skpi_doc) is an ordered list of blocks: headings,
 * paragraphs, KPI tables, generic tables, charts, goal scorecards, OKR
 * scorecards, top posts, callouts and lists. Report assembly
 * (skpi_report_assemble(), report.h) fills one from computed results; a
 * host may also build one itself, add blocks to an assembled one, or walk
 * one to render it its own way. skpi_render()
 * (render.h) turns a document into Markdown, HTML, JSON, CSV or plain text.
 *
 * The model holds plain data only (strings, numbers with their
 * ::skpi_availability, enums): it knows nothing of datasets, goals or OKRs.
 *
 * Building: every `skpi_doc_add_*` function appends a block and may return
 * its index through `out` (NULL allowed); the items of a block (rows, series,
 * cards, ...) are added with the block's index. Every string and array passed
 * in is copied, so nothing the caller owns must outlive the call. Strings are
 * UTF-8; invalid bytes are kept in the model and replaced by U+FFFD when
 * rendered. A failed call (bad argument, out of memory) leaves the document
 * exactly as it was.
 *
 * Walking: skpi_doc_block_count(), skpi_doc_block_kind(), then the getters of
 * that kind. Strings and arrays returned are borrowed from the document and
 * stay valid until it is freed (adding blocks or items never moves them).
 * Getters that fill a versioned struct read its `version` member first: set
 * it (the `_INIT` macro does) before the call.
 *
 * Values: an ::skpi_value with availability ::SKPI_AVAILABLE or
 * ::SKPI_PARTIAL carries a finite number; with any other availability the
 * number is ignored when added and read back as NaN.
 *
 * Getters return ::SKPI_EMISUSE for a NULL document, ::SKPI_ERANGE for an
 * index past the end, ::SKPI_EINVAL for a block of another kind and
 * ::SKPI_EVERSION for an unknown struct version. Any out-parameter of a getter
 * may be NULL when that part is not wanted.
 *
 * Texts: every sentence report assembly writes and every word a renderer
 * writes is a template of one table (::skpi_template). The document keeps
 * the renderers' words (skpi_doc_set_text()); report definitions keep the
 * sentences (skpi_report_set_template(), report.h).
 *
 * Stability: the document-building and template API is on the experimental
 * tier (docs/ABI.md). What this header declares was released in 0.1 and
 * keeps its names, signatures, behaviour and version node `SOCIALKPI_0`;
 * new block kinds and `skpi_doc_*` or template functions arrive behind
 * `SKPI_EXPERIMENTAL`, in the node `SOCIALKPI_EXPERIMENTAL`, until their
 * shape settles.
 */
#ifndef SOCIALKPI_DOC_H
#define SOCIALKPI_DOC_H

#include "socialkpi/common.h"
#include "socialkpi/metrics.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A report document (opaque). */
typedef struct skpi_doc skpi_doc;

/** @brief The kinds of blocks. Values are fixed for ever. */
typedef enum skpi_block_kind {
    SKPI_BLOCK_HEADING = 0,   /**< a section heading, level 1 to 4 */
    SKPI_BLOCK_PARAGRAPH = 1, /**< text made of styled spans */
    SKPI_BLOCK_KPI_TABLE = 2, /**< metrics with value, comparison, change and sparkline */
    SKPI_BLOCK_TABLE = 3,     /**< a generic table of text cells under a header */
    SKPI_BLOCK_CHART = 4,     /**< a line or bar chart of named series */
    SKPI_BLOCK_GOALS = 5,     /**< SMART goal scorecards */
    SKPI_BLOCK_OBJECTIVES = 6,/**< OKR scorecards: objectives with their key results */
    SKPI_BLOCK_POSTS = 7,     /**< top posts */
    SKPI_BLOCK_CALLOUT = 8,   /**< a highlighted note: win, alert or information */
    SKPI_BLOCK_LIST = 9       /**< a bulleted or numbered list of text items */
} skpi_block_kind;

/** @brief How a span of paragraph text is set. Values are fixed for ever. */
typedef enum skpi_span_style {
    SKPI_SPAN_PLAIN = 0,    /**< ordinary text */
    SKPI_SPAN_EMPHASIS = 1, /**< emphasised (italic) */
    SKPI_SPAN_STRONG = 2    /**< strong (bold) */
} skpi_span_style;

/** @brief Whether a status reads as good or bad (for colour and icons). Fixed values. */
typedef enum skpi_tone {
    SKPI_TONE_NEUTRAL = 0, /**< neither good nor bad (not started, no data) */
    SKPI_TONE_GOOD = 1,    /**< on track, achieved, green */
    SKPI_TONE_WARNING = 2, /**< at risk, yellow */
    SKPI_TONE_BAD = 3      /**< off track, missed, red */
} skpi_tone;

/** @brief Chart kinds. Values are fixed for ever. */
typedef enum skpi_chart_kind {
    SKPI_CHART_LINE = 0, /**< lines through the points, for trends over time */
    SKPI_CHART_BAR = 1   /**< grouped vertical bars, for comparisons */
} skpi_chart_kind;

/** @brief How a chart series is drawn. Values are fixed for ever. */
typedef enum skpi_series_style {
    SKPI_SERIES_SOLID = 0, /**< a measured series */
    SKPI_SERIES_DASHED = 1 /**< a reference: expected path, target, forecast */
} skpi_series_style;

/** @brief Callout kinds. Values are fixed for ever. */
typedef enum skpi_callout_kind {
    SKPI_CALLOUT_INFO = 0, /**< a neutral note */
    SKPI_CALLOUT_WIN = 1,  /**< something to celebrate */
    SKPI_CALLOUT_ALERT = 2 /**< something that needs attention */
} skpi_callout_kind;

/** @brief Alignment of a generic table column. Values are fixed for ever. */
typedef enum skpi_align {
    SKPI_ALIGN_LEFT = 0, /**< text */
    SKPI_ALIGN_RIGHT = 1 /**< numbers */
} skpi_align;

/* ------------------------------------------------------------------ */
/* The document                                                        */

/**
 * @brief Create an empty document (no title, language "en").
 * @param out receives the document; free it with skpi_doc_free()
 * @return SKPI_OK, SKPI_EMISUSE (out is NULL), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_new(skpi_doc **out);

/** @brief Free a document. NULL is allowed and does nothing. */
SKPI_API void skpi_doc_free(skpi_doc *doc);

/**
 * @brief Set the document's title (the one top-level heading of the output).
 * @param doc   the document
 * @param title the title; copied; "" removes it
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_set_title(skpi_doc *doc, const char *title);

/** @brief The title; "" when unset; NULL for a NULL document. Borrowed. */
SKPI_API const char *skpi_doc_title(const skpi_doc *doc);

/**
 * @brief Set the line under the title ("Monthly report, 2026-11, for the team").
 * @param doc      the document
 * @param subtitle the text; copied; "" removes it
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_set_subtitle(skpi_doc *doc, const char *subtitle);

/** @brief The subtitle; "" when unset; NULL for a NULL document. Borrowed. */
SKPI_API const char *skpi_doc_subtitle(const skpi_doc *doc);

/**
 * @brief Set the currency shown after ::SKPI_UNIT_CURRENCY amounts ("EUR").
 * @param doc      the document
 * @param currency a code or symbol of at most 8 bytes; copied; "" for none
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (longer than 8
 *         bytes, or a control character), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_set_currency(skpi_doc *doc, const char *currency);

/** @brief The currency; "" when unset; NULL for a NULL document. Borrowed. */
SKPI_API const char *skpi_doc_currency(const skpi_doc *doc);

/**
 * @brief Set the language of the text (BCP 47 tag, HTML `lang`), "en" by default.
 * @param doc      the document
 * @param language letters, digits and '-', 1 to 35 bytes, e.g. "de" or "pt-BR"; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (malformed), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_set_language(skpi_doc *doc, const char *language);

/** @brief The language tag; NULL for a NULL document. Borrowed. */
SKPI_API const char *skpi_doc_language(const skpi_doc *doc);

/**
 * @brief Set the locale whose shape numbers take in the human formats
 *        ("de-DE": "1.234,5"; docs/locale.md). skpi_render_options::locale,
 *        when given, wins over it.
 * @param doc    the document
 * @param locale a BCP 47 tag ICU has data for, e.g. "de-DE" or "fr-FR";
 *               copied; NULL or "" for the built-in shape ("1,234.5")
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_EINVAL (a locale without
 *         data: the message names it), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_set_locale(skpi_doc *doc, const char *locale);

/** @brief The locale; NULL when unset or for a NULL document. Borrowed. */
SKPI_API const char *skpi_doc_locale(const skpi_doc *doc);

/**
 * @brief Set the time zone the document's times and periods are in, which
 *        every format states ("Times in Europe/Berlin."; JSON
 *        `"time_zone"`). Report assembly sets it from the report's calendar
 *        unless that is plain UTC.
 * @param doc  the document
 * @param zone an IANA name ("Europe/Berlin") or a fixed offset
 *             ("UTC+01:00"): printable ASCII without spaces, 1 to 64 bytes;
 *             copied; NULL or "" for none (UTC, not stated)
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_EINVAL (malformed), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_set_time_zone(skpi_doc *doc, const char *zone);

/** @brief The time zone; NULL when unset or for a NULL document. Borrowed. */
SKPI_API const char *skpi_doc_time_zone(const skpi_doc *doc);

/**
 * @brief Replace a word the HTML, Markdown and text renderers write: a
 *        column heading, a label or a short phrase (the templates from
 *        ::SKPI_TPL_COLUMN_METRIC on).
 *
 * skpi_report_assemble() copies those a report replaced
 * (skpi_report_set_template()), so a translated report renders in one
 * language; a host building a document itself sets them here. The JSON and
 * CSV outputs keep their fixed English keys and headings.
 * @param doc  the document
 * @param key  an ::skpi_template from ::SKPI_TPL_COLUMN_METRIC to
 *             skpi_template_count() - 1
 * @param text the text, with the placeholders skpi_template_placeholders()
 *             lists; copied; NULL restores the default
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc); SKPI_EINVAL (a key outside those
 *         words, an unbalanced brace, or a placeholder the template does not
 *         offer); SKPI_ENOMEM
 */
SKPI_API int skpi_doc_set_text(skpi_doc *doc, int key, const char *text);

/**
 * @brief The text the renderers write for a word template: the document's
 *        own, else the default.
 * @return borrowed, valid until the document is freed or the word replaced;
 *         NULL for a NULL document or a key outside the renderers' words
 */
SKPI_API const char *skpi_doc_text(const skpi_doc *doc, int key);

/** @brief The number of blocks (0 for a NULL document). */
SKPI_API size_t skpi_doc_block_count(const skpi_doc *doc);

/**
 * @brief The kind of a block.
 * @param out   receives an ::skpi_block_kind
 * @param doc   the document
 * @param block the block's index, 0 to skpi_doc_block_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_doc_block_kind(int *out, const skpi_doc *doc, size_t block);

/**
 * @brief The title of a block: a heading's text, the caption of a table,
 *        chart, scorecard or top-posts block, a callout's title.
 * @param out   receives the borrowed text; "" when the block has none
 *              (paragraphs and lists never have one)
 * @param doc   the document
 * @param block the block's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_doc_block_title(const char **out, const skpi_doc *doc, size_t block);

/**
 * @brief The number of items in a block: spans of a paragraph, rows of a
 *        table, series of a chart, goals, objectives, posts, list items;
 *        0 for headings and callouts.
 * @param out   receives the count
 * @param doc   the document
 * @param block the block's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_doc_block_size(size_t *out, const skpi_doc *doc, size_t block);

/* ------------------------------------------------------------------ */
/* Headings, paragraphs, callouts, lists                               */

/**
 * @brief Append a section heading.
 * @param out   receives the block's index (may be NULL)
 * @param doc   the document
 * @param level 1 (a section) to 4; the document title sits above level 1
 * @param text  the heading; copied; not empty
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or text), SKPI_EINVAL (empty
 *         text), SKPI_ERANGE (level not 1 to 4), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_heading(size_t *out, skpi_doc *doc, int level, const char *text);

/**
 * @brief The level of a heading block.
 * @param out   receives the level, 1 to 4
 * @param doc   the document
 * @param block the block's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a heading)
 */
SKPI_API int skpi_doc_heading_level(int *out, const skpi_doc *doc, size_t block);

/**
 * @brief Append a paragraph, optionally with a first plain span.
 * @param out  receives the block's index (may be NULL)
 * @param doc  the document
 * @param text the first span's text, copied; NULL or "" starts an empty
 *             paragraph to add spans to
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_paragraph(size_t *out, skpi_doc *doc, const char *text);

/**
 * @brief Append a span of text to a paragraph.
 *
 * Spans are joined as they are: put the spaces between words into the spans.
 * @param doc   the document
 * @param block a paragraph's index
 * @param style an ::skpi_span_style
 * @param text  the text; copied; not empty
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or text); SKPI_ERANGE (no such
 *         block); SKPI_EINVAL (not a paragraph, unknown style, empty text);
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_doc_paragraph_add_span(skpi_doc *doc, size_t block, int style, const char *text);

/**
 * @brief A span of a paragraph.
 * @param style receives the ::skpi_span_style
 * @param text  receives the borrowed text
 * @param doc   the document
 * @param block a paragraph's index
 * @param span  the span's index, 0 to skpi_doc_block_size() - 1
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a paragraph)
 */
SKPI_API int skpi_doc_span(int *style, const char **text, const skpi_doc *doc,
                           size_t block, size_t span);

/**
 * @brief Append a callout: a win, an alert or a note, set apart from the text.
 * @param out   receives the block's index (may be NULL)
 * @param doc   the document
 * @param kind  an ::skpi_callout_kind
 * @param title a short title, copied; NULL or "" for none
 * @param text  the text; copied; not empty
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or text), SKPI_EINVAL (unknown
 *         kind, empty text), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_callout(size_t *out, skpi_doc *doc, int kind,
                                  const char *title, const char *text);

/**
 * @brief A callout's kind and text (its title: skpi_doc_block_title()).
 * @param kind  receives the ::skpi_callout_kind
 * @param text  receives the borrowed text
 * @param doc   the document
 * @param block a callout's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a callout)
 */
SKPI_API int skpi_doc_callout(int *kind, const char **text, const skpi_doc *doc, size_t block);

/**
 * @brief Append an empty list.
 * @param out     receives the block's index (may be NULL)
 * @param doc     the document
 * @param ordered 0 for bullets, 1 for numbers
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_EINVAL (ordered not 0 or 1), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_list(size_t *out, skpi_doc *doc, int ordered);

/**
 * @brief Append an item to a list.
 * @param doc   the document
 * @param block a list's index
 * @param text  the item; copied; not empty
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or text), SKPI_ERANGE, SKPI_EINVAL
 *         (not a list, empty text), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_list_add_item(skpi_doc *doc, size_t block, const char *text);

/**
 * @brief Whether a list is numbered.
 * @param out   receives 0 (bullets) or 1 (numbers)
 * @param doc   the document
 * @param block a list's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a list)
 */
SKPI_API int skpi_doc_list_ordered(int *out, const skpi_doc *doc, size_t block);

/**
 * @brief An item of a list.
 * @param out   receives the borrowed text
 * @param doc   the document
 * @param block a list's index
 * @param item  the item's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a list)
 */
SKPI_API int skpi_doc_list_item(const char **out, const skpi_doc *doc, size_t block, size_t item);

/* ------------------------------------------------------------------ */
/* KPI tables                                                          */

/**
 * @brief One metric line of a KPI table.
 *
 * Versioned struct: set `version` to ::SKPI_DOC_KPI_ROW_VERSION (or use
 * ::SKPI_DOC_KPI_ROW_INIT / skpi_doc_kpi_row_init()); it only grows at its end.
 * The same struct is filled by skpi_doc_kpi_row_get(). "Change" columns compare
 * `value` with `previous` (the table's first comparison) and, when the table
 * has a second comparison, with `previous2`.
 */
typedef struct skpi_doc_kpi_row {
    unsigned version;      /**< ::SKPI_DOC_KPI_ROW_VERSION */
    const char *label;     /**< what is measured ("Engagements"); required */
    const char *channel;   /**< the channel or group, or NULL for all channels */
    int unit;              /**< an ::skpi_unit, for formatting */
    int direction;         /**< an ::skpi_direction, for colouring changes */
    int level;             /**< 0: a metric; 1: a breakdown line under the row above (per channel) */
    skpi_value value;      /**< the value in the reported period */
    skpi_value previous;   /**< the value in the first comparison period */
    skpi_value change;     /**< value - previous */
    skpi_value change_percent; /**< change / |previous| * 100 */
    skpi_value change_points;  /**< percentage points, for ::SKPI_UNIT_PERCENT metrics */
    skpi_value previous2;  /**< the value in the second comparison period */
    skpi_value change2;    /**< value - previous2 */
    skpi_value change2_percent; /**< change2 / |previous2| * 100 */
    skpi_value change2_points;  /**< percentage points against previous2 */
    const double *sparkline;    /**< recent values, oldest first, NaN for a gap; copied; may be NULL */
    size_t sparkline_length;    /**< number of values at `sparkline` */
} skpi_doc_kpi_row;

/** @brief The current version of ::skpi_doc_kpi_row. */
#define SKPI_DOC_KPI_ROW_VERSION 1
/** @brief An unavailable ::skpi_value for the initializers (::SKPI_MISSING). */
#define SKPI_DOC_VALUE_MISSING { 0.0, 1 }
/** @brief Static initializer for ::skpi_doc_kpi_row: every value missing. */
#define SKPI_DOC_KPI_ROW_INIT { SKPI_DOC_KPI_ROW_VERSION, NULL, NULL, 0, 0, 0, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, NULL, 0 }

/**
 * @brief Initialise a KPI row: every value missing, no strings.
 * @param row     the struct to fill
 * @param version ::SKPI_DOC_KPI_ROW_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_doc_kpi_row_init(skpi_doc_kpi_row *row, unsigned version);

/**
 * @brief Append an empty KPI table.
 * @param out         receives the block's index (may be NULL)
 * @param doc         the document
 * @param title       the caption; copied; NULL or "" for none
 * @param comparison  heading of the first comparison column ("Oct 2026",
 *                    "Previous"); copied; NULL or "" means "Previous"
 * @param comparison2 heading of the second comparison ("Nov 2025"); copied;
 *                    NULL or "" when the table has only one comparison
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_kpi_table(size_t *out, skpi_doc *doc, const char *title,
                                    const char *comparison, const char *comparison2);

/**
 * @brief Append a row to a KPI table.
 * @param doc   the document
 * @param block a KPI table's index
 * @param row   the row; everything is copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or row); SKPI_EVERSION (unknown
 *         row version); SKPI_ERANGE (no such block); SKPI_EINVAL (not a KPI
 *         table, empty label, unknown unit, direction, level or
 *         availability, a non-finite available value, a sparkline length
 *         without values; the message names the field); SKPI_ENOMEM
 */
SKPI_API int skpi_doc_kpi_table_add_row(skpi_doc *doc, size_t block, const skpi_doc_kpi_row *row);

/**
 * @brief The comparison headings of a KPI table.
 * @param comparison  receives the first heading (never NULL)
 * @param comparison2 receives the second heading, NULL when there is none
 * @param doc         the document
 * @param block       a KPI table's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a KPI table)
 */
SKPI_API int skpi_doc_kpi_table_comparisons(const char **comparison, const char **comparison2,
                                            const skpi_doc *doc, size_t block);

/**
 * @brief Read a row of a KPI table.
 * @param out   a row struct whose `version` is set; filled with borrowed strings and sparkline
 * @param doc   the document
 * @param block a KPI table's index
 * @param row   the row's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION, SKPI_ERANGE, SKPI_EINVAL (not a KPI table)
 */
SKPI_API int skpi_doc_kpi_row_get(skpi_doc_kpi_row *out, const skpi_doc *doc, size_t block, size_t row);

/* ------------------------------------------------------------------ */
/* Generic tables                                                      */

/**
 * @brief Append an empty table with a header row.
 * @param out     receives the block's index (may be NULL)
 * @param doc     the document
 * @param title   the caption; copied; NULL or "" for none
 * @param columns the number of columns, 1 to 64
 * @param headers `columns` header texts; copied; each not NULL
 * @param align   `columns` ::skpi_align values, or NULL for all left
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or headers, a NULL header),
 *         SKPI_ERANGE (columns not 1 to 64), SKPI_EINVAL (unknown alignment),
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_table(size_t *out, skpi_doc *doc, const char *title, size_t columns,
                                const char *const *headers, const int *align);

/**
 * @brief Append a row to a table.
 * @param doc   the document
 * @param block a table's index
 * @param cells as many texts as the table has columns; copied; NULL is an empty cell
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or cells), SKPI_ERANGE, SKPI_EINVAL
 *         (not a table), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_table_add_row(skpi_doc *doc, size_t block, const char *const *cells);

/**
 * @brief The number of columns of a table.
 * @param out   receives the count
 * @param doc   the document
 * @param block a table's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a table)
 */
SKPI_API int skpi_doc_table_columns(size_t *out, const skpi_doc *doc, size_t block);

/**
 * @brief A column header of a table.
 * @param text   receives the borrowed header text
 * @param align  receives the column's ::skpi_align
 * @param doc    the document
 * @param block  a table's index
 * @param column the column's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a table)
 */
SKPI_API int skpi_doc_table_header(const char **text, int *align, const skpi_doc *doc,
                                   size_t block, size_t column);

/**
 * @brief A cell of a table.
 * @param out    receives the borrowed text ("" for an empty cell)
 * @param doc    the document
 * @param block  a table's index
 * @param row    the row's index
 * @param column the column's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a table)
 */
SKPI_API int skpi_doc_table_cell(const char **out, const skpi_doc *doc, size_t block,
                                 size_t row, size_t column);

/* ------------------------------------------------------------------ */
/* Charts                                                              */

/**
 * @brief What a chart shows, apart from its series.
 *
 * Versioned struct: set `version` to ::SKPI_DOC_CHART_VERSION (or use
 * ::SKPI_DOC_CHART_INIT / skpi_doc_chart_init()); it only grows at its end.
 */
typedef struct skpi_doc_chart {
    unsigned version;        /**< ::SKPI_DOC_CHART_VERSION */
    int kind;                /**< an ::skpi_chart_kind */
    const char *title;       /**< the caption; required */
    const char *description; /**< alt text saying what the chart shows; NULL for a generated one */
    int unit;                /**< an ::skpi_unit of the values, for axis labels */
    int fixed_range;         /**< 1: the value axis runs from y_min to y_max; 0: from the data */
    double y_min;            /**< bottom of the value axis when fixed_range */
    double y_max;            /**< top of the value axis when fixed_range; above y_min */
} skpi_doc_chart;

/** @brief The current version of ::skpi_doc_chart. */
#define SKPI_DOC_CHART_VERSION 1
/** @brief Static initializer for ::skpi_doc_chart: a line chart, automatic range. */
#define SKPI_DOC_CHART_INIT { SKPI_DOC_CHART_VERSION, 0, NULL, NULL, 0, 0, 0.0, 0.0 }

/**
 * @brief Initialise a chart struct.
 * @param chart   the struct to fill
 * @param version ::SKPI_DOC_CHART_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_doc_chart_init(skpi_doc_chart *chart, unsigned version);

/**
 * @brief Append a chart without series.
 * @param out   receives the block's index (may be NULL)
 * @param doc   the document
 * @param chart what the chart shows; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or chart); SKPI_EVERSION;
 *         SKPI_EINVAL (unknown kind or unit, no title, a fixed range that is
 *         not finite or not increasing); SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_chart(size_t *out, skpi_doc *doc, const skpi_doc_chart *chart);

/**
 * @brief Append a series of (label, value) points to a chart.
 *
 * Series may have different labels: the category axis lists every label in
 * the order it first appears across the series.
 * @param out    receives the series' index (may be NULL)
 * @param doc    the document
 * @param block  a chart's index
 * @param name   the series' name for the legend; copied; not empty
 * @param style  an ::skpi_series_style
 * @param labels `length` point labels (dates, names); copied; each not NULL
 * @param values `length` values; NaN for a gap; infinities are refused
 * @param length the number of points (0 is allowed)
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or name, NULL arrays with a
 *         non-zero length, a NULL label); SKPI_ERANGE (no such block);
 *         SKPI_EINVAL (not a chart, empty name, unknown style, an infinite
 *         value); SKPI_ENOMEM
 */
SKPI_API int skpi_doc_chart_add_series(size_t *out, skpi_doc *doc, size_t block, const char *name,
                                       int style, const char *const *labels, const double *values,
                                       size_t length);

/**
 * @brief Read what a chart shows.
 * @param out   a chart struct whose `version` is set; strings are borrowed
 * @param doc   the document
 * @param block a chart's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION, SKPI_ERANGE, SKPI_EINVAL (not a chart)
 */
SKPI_API int skpi_doc_chart_get(skpi_doc_chart *out, const skpi_doc *doc, size_t block);

/**
 * @brief Read a series of a chart.
 * @param name   receives the borrowed name
 * @param style  receives the ::skpi_series_style
 * @param length receives the number of points
 * @param labels receives the borrowed array of `length` labels
 * @param values receives the borrowed array of `length` values
 * @param doc    the document
 * @param block  a chart's index
 * @param series the series' index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a chart)
 */
SKPI_API int skpi_doc_chart_series(const char **name, int *style, size_t *length,
                                   const char *const **labels, const double **values,
                                   const skpi_doc *doc, size_t block, size_t series);

/* ------------------------------------------------------------------ */
/* Goal scorecards                                                     */

/**
 * @brief One SMART goal's scorecard.
 *
 * Versioned struct: set `version` to ::SKPI_DOC_GOAL_VERSION (or use
 * ::SKPI_DOC_GOAL_INIT / skpi_doc_goal_init()); it only grows at its end.
 * Progress figures are fractions: 0 at the baseline, 1 at the target.
 */
typedef struct skpi_doc_goal {
    unsigned version;         /**< ::SKPI_DOC_GOAL_VERSION */
    const char *name;         /**< the goal's name; required */
    const char *status;       /**< status key: lowercase letters, digits, '_' ("on_track"); required */
    const char *status_label; /**< the status for readers ("On track"); NULL: the key */
    int tone;                 /**< an ::skpi_tone for the status */
    int unit;                 /**< an ::skpi_unit of current and target */
    skpi_value current;       /**< the metric's value now */
    skpi_value target;        /**< the target value */
    skpi_value progress;      /**< progress now */
    skpi_value expected;      /**< progress expected by now (milestones or linear) */
    skpi_value forecast;      /**< progress forecast at the deadline (kept for programs;
                                   the HTML, Markdown and text renderers show `projected`) */
    const char *deadline;     /**< the deadline as text ("2026-12-31"); may be NULL */
    const char *note;         /**< one sentence ("needs 1,250 a week"); may be NULL */
    /* version 2 */
    skpi_value projected;     /**< the value forecast at the deadline, in `unit` */
    skpi_value likelihood;    /**< the chance, 0 to 1, of meeting the target at the deadline */
    const char *caveat;       /**< why the status and the forecast disagree
                                   ("on track so far, but ..."); may be NULL */
    /* version 3 */
    const char *owner;        /**< who owns the goal, as readers see it ("Maya (Community
                                   manager)"); may be NULL */
    const char *deadline_name;/**< the deadline as readers write it in the report's
                                   locale ("31 December 2026", "31. Dezember 2026");
                                   NULL: readers see `deadline`. HTML, Markdown, text
                                   and PDF show it; JSON, CSV and XLSX keep `deadline` */
} skpi_doc_goal;

/** @brief The current version of ::skpi_doc_goal (2 added projected, likelihood and
 *         caveat; 3 added owner and deadline_name). */
#define SKPI_DOC_GOAL_VERSION 3
/** @brief Static initializer for ::skpi_doc_goal: every value missing. */
#define SKPI_DOC_GOAL_INIT { SKPI_DOC_GOAL_VERSION, NULL, NULL, NULL, 0, 0, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, NULL, NULL, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, NULL, NULL, NULL }

/**
 * @brief Initialise a goal scorecard struct.
 * @param goal    the struct to fill
 * @param version ::SKPI_DOC_GOAL_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_doc_goal_init(skpi_doc_goal *goal, unsigned version);

/**
 * @brief Append an empty block of goal scorecards.
 * @param out   receives the block's index (may be NULL)
 * @param doc   the document
 * @param title the caption; copied; NULL or "" for none
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_goals(size_t *out, skpi_doc *doc, const char *title);

/**
 * @brief Append a goal scorecard.
 * @param doc   the document
 * @param block a goals block's index
 * @param goal  the scorecard; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or goal); SKPI_EVERSION;
 *         SKPI_ERANGE (no such block); SKPI_EINVAL (not a goals block, empty
 *         name, malformed status key, unknown tone, unit or availability,
 *         a non-finite available value); SKPI_ENOMEM
 */
SKPI_API int skpi_doc_goals_add(skpi_doc *doc, size_t block, const skpi_doc_goal *goal);

/**
 * @brief Read a goal scorecard.
 * @param out   a goal struct whose `version` is set; strings are borrowed
 * @param doc   the document
 * @param block a goals block's index
 * @param goal  the scorecard's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION, SKPI_ERANGE, SKPI_EINVAL (not a goals block)
 */
SKPI_API int skpi_doc_goal_get(skpi_doc_goal *out, const skpi_doc *doc, size_t block, size_t goal);

/* ------------------------------------------------------------------ */
/* OKR scorecards                                                      */

/**
 * @brief One objective's scorecard (its key results are added separately).
 *
 * Versioned struct: set `version` to ::SKPI_DOC_OBJECTIVE_VERSION (or use
 * ::SKPI_DOC_OBJECTIVE_INIT / skpi_doc_objective_init()); it only grows at its end.
 */
typedef struct skpi_doc_objective {
    unsigned version;           /**< ::SKPI_DOC_OBJECTIVE_VERSION */
    const char *title;          /**< the objective; required */
    const char *owner;          /**< who owns it; may be NULL */
    int aspirational;           /**< 1 aspirational (0.6 to 0.7 is success), 0 committed */
    skpi_value score;           /**< the exact score, 0 to 1 */
    skpi_value score_rounded;   /**< the score as graded (to one decimal) */
    const char *band;           /**< band key: lowercase letters, digits, '_' ("green"); may be NULL */
    const char *band_label;     /**< the band for readers; NULL: the key */
    int tone;                   /**< an ::skpi_tone for the band */
    const char *interpretation; /**< what the score means ("on course for an aspirational OKR"); may be NULL */
    /* version 2 */
    unsigned depth;             /**< 0 for a top objective; n for one aligned under the
                                     nearest earlier objective of depth n - 1 (at most 8) */
} skpi_doc_objective;

/** @brief The current version of ::skpi_doc_objective (2 added depth). */
#define SKPI_DOC_OBJECTIVE_VERSION 2
/** @brief Static initializer for ::skpi_doc_objective. */
#define SKPI_DOC_OBJECTIVE_INIT { SKPI_DOC_OBJECTIVE_VERSION, NULL, NULL, 0, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, NULL, NULL, 0, NULL, 0 }

/**
 * @brief Initialise an objective scorecard struct.
 * @param objective the struct to fill
 * @param version   ::SKPI_DOC_OBJECTIVE_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_doc_objective_init(skpi_doc_objective *objective, unsigned version);

/**
 * @brief One key result line under an objective.
 *
 * Versioned struct: set `version` to ::SKPI_DOC_KEY_RESULT_VERSION (or use
 * ::SKPI_DOC_KEY_RESULT_INIT / skpi_doc_key_result_init()); it only grows at its end.
 */
typedef struct skpi_doc_key_result {
    unsigned version;   /**< ::SKPI_DOC_KEY_RESULT_VERSION */
    const char *title;  /**< the key result; required */
    int unit;           /**< an ::skpi_unit of start, current and target */
    skpi_value start;   /**< the starting value */
    skpi_value current; /**< the value now */
    skpi_value target;  /**< the target value */
    skpi_value score;   /**< the score, 0 to 1 */
    int tone;           /**< an ::skpi_tone */
    const char *note;   /**< e.g. the last check-in's note; may be NULL */
    /* version 2 */
    const char *owner;  /**< who owns the key result, as readers see it; may be NULL */
} skpi_doc_key_result;

/** @brief The current version of ::skpi_doc_key_result (2 added owner). */
#define SKPI_DOC_KEY_RESULT_VERSION 2
/** @brief Static initializer for ::skpi_doc_key_result. */
#define SKPI_DOC_KEY_RESULT_INIT { SKPI_DOC_KEY_RESULT_VERSION, NULL, 0, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, \
    SKPI_DOC_VALUE_MISSING, 0, NULL, NULL }

/**
 * @brief Initialise a key result struct.
 * @param key_result the struct to fill
 * @param version    ::SKPI_DOC_KEY_RESULT_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_doc_key_result_init(skpi_doc_key_result *key_result, unsigned version);

/**
 * @brief Append an empty block of OKR scorecards.
 * @param out   receives the block's index (may be NULL)
 * @param doc   the document
 * @param title the caption; copied; NULL or "" for none
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_objectives(size_t *out, skpi_doc *doc, const char *title);

/**
 * @brief Append an objective's scorecard.
 * @param out       receives the objective's index in the block (may be NULL)
 * @param doc       the document
 * @param block     an objectives block's index
 * @param objective the scorecard; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or objective); SKPI_EVERSION;
 *         SKPI_ERANGE (no such block); SKPI_EINVAL (not an objectives block,
 *         empty title, aspirational not 0 or 1, malformed band key, unknown
 *         tone or availability, a non-finite available value); SKPI_ENOMEM
 */
SKPI_API int skpi_doc_objectives_add(size_t *out, skpi_doc *doc, size_t block,
                                     const skpi_doc_objective *objective);

/**
 * @brief Append a key result to an objective.
 * @param doc        the document
 * @param block      an objectives block's index
 * @param objective  the objective's index in the block
 * @param key_result the key result; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or key_result); SKPI_EVERSION;
 *         SKPI_ERANGE (no such block or objective); SKPI_EINVAL (not an
 *         objectives block, empty title, unknown unit, tone or
 *         availability, a non-finite available value); SKPI_ENOMEM
 */
SKPI_API int skpi_doc_objective_add_key_result(skpi_doc *doc, size_t block, size_t objective,
                                               const skpi_doc_key_result *key_result);

/**
 * @brief Read an objective's scorecard.
 * @param out         an objective struct whose `version` is set; strings are borrowed
 * @param key_results receives the number of its key results
 * @param doc         the document
 * @param block       an objectives block's index
 * @param objective   the objective's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION, SKPI_ERANGE, SKPI_EINVAL (not an objectives block)
 */
SKPI_API int skpi_doc_objective_get(skpi_doc_objective *out, size_t *key_results, const skpi_doc *doc,
                                size_t block, size_t objective);

/**
 * @brief Read a key result.
 * @param out        a key result struct whose `version` is set; strings are borrowed
 * @param doc        the document
 * @param block      an objectives block's index
 * @param objective  the objective's index
 * @param key_result the key result's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION, SKPI_ERANGE, SKPI_EINVAL (not an objectives block)
 */
SKPI_API int skpi_doc_key_result_get(skpi_doc_key_result *out, const skpi_doc *doc, size_t block,
                                 size_t objective, size_t key_result);

/* ------------------------------------------------------------------ */
/* Top posts                                                           */

/**
 * @brief One post in a top-posts block.
 *
 * Versioned struct: set `version` to ::SKPI_DOC_POST_VERSION (or use
 * ::SKPI_DOC_POST_INIT / skpi_doc_post_init()); it only grows at its end.
 */
typedef struct skpi_doc_post {
    unsigned version;      /**< ::SKPI_DOC_POST_VERSION */
    const char *channel;   /**< where it was published; required */
    const char *published; /**< when, as text ("2026-11-03"); may be NULL */
    const char *text;      /**< the post's text or an excerpt; may be NULL */
    const char *url;       /**< a link to the post; may be NULL. Only http:, https: and
                                mailto: links become links in HTML and Markdown */
    const char *metric;    /**< the metric the post is ranked by ("Engagements"); required */
    int unit;              /**< an ::skpi_unit of value */
    skpi_value value;      /**< the post's value of that metric */
    skpi_value ratio;      /**< value / the channel's usual (median) value: 3.2 means 3.2 times */
    /* version 2 */
    const char *published_name; /**< the day as readers write it in the report's locale
                                     ("3 November 2026"); NULL: readers see `published`.
                                     HTML, Markdown, text and PDF show it; JSON, CSV and
                                     XLSX keep `published` */
} skpi_doc_post;

/** @brief The current version of ::skpi_doc_post (2 added published_name). */
#define SKPI_DOC_POST_VERSION 2
/** @brief Static initializer for ::skpi_doc_post. */
#define SKPI_DOC_POST_INIT { SKPI_DOC_POST_VERSION, NULL, NULL, NULL, NULL, NULL, 0, \
    SKPI_DOC_VALUE_MISSING, SKPI_DOC_VALUE_MISSING, NULL }

/**
 * @brief Initialise a post struct.
 * @param post    the struct to fill
 * @param version ::SKPI_DOC_POST_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_doc_post_init(skpi_doc_post *post, unsigned version);

/**
 * @brief Append an empty top-posts block.
 * @param out   receives the block's index (may be NULL)
 * @param doc   the document
 * @param title the caption; copied; NULL or "" for none
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ENOMEM
 */
SKPI_API int skpi_doc_add_posts(size_t *out, skpi_doc *doc, const char *title);

/**
 * @brief Append a post to a top-posts block (rank = order of addition).
 * @param doc   the document
 * @param block a top-posts block's index
 * @param post  the post; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or post); SKPI_EVERSION;
 *         SKPI_ERANGE (no such block); SKPI_EINVAL (not a top-posts block,
 *         empty channel or metric, unknown unit or availability, a
 *         non-finite available value); SKPI_ENOMEM
 */
SKPI_API int skpi_doc_posts_add(skpi_doc *doc, size_t block, const skpi_doc_post *post);

/**
 * @brief Read a post.
 * @param out   a post struct whose `version` is set; strings are borrowed
 * @param doc   the document
 * @param block a top-posts block's index
 * @param post  the post's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION, SKPI_ERANGE, SKPI_EINVAL (not a top-posts block)
 */
SKPI_API int skpi_doc_post_get(skpi_doc_post *out, const skpi_doc *doc, size_t block, size_t post);

/* ------------------------------------------------------------------ */
/* Templates: the texts of reports and renderers                        */

/**
 * @brief Templates of the generated text. Values are fixed for ever; new
 *        ones are only added. skpi_template_default() gives each default
 *        text and skpi_template_placeholders() the `{names}` it may use.
 */
typedef enum skpi_template {
    SKPI_TPL_HEADING_SUMMARY = 0,      /**< "Summary" */
    SKPI_TPL_HEADING_WINS = 1,         /**< "Wins" */
    SKPI_TPL_HEADING_KPIS = 2,         /**< "Key numbers" */
    SKPI_TPL_HEADING_CHANNELS = 3,     /**< "By channel" */
    SKPI_TPL_HEADING_TRENDS = 4,       /**< "Trends" */
    SKPI_TPL_HEADING_GOALS = 5,        /**< "Goals" */
    SKPI_TPL_HEADING_OKRS = 6,         /**< "OKRs" */
    SKPI_TPL_HEADING_TOP_POSTS = 7,    /**< "Top posts" */
    SKPI_TPL_HEADING_SPOT_CHECKS = 8,  /**< "Spot checks" */
    SKPI_TPL_HEADING_NEXT_STEPS = 9,   /**< "Next steps" */
    SKPI_TPL_SUBTITLE = 10,            /**< the line under the title */
    SKPI_TPL_HEADLINE_UP = 11,         /**< the lead KPI rose */
    SKPI_TPL_HEADLINE_DOWN = 12,       /**< the lead KPI fell */
    SKPI_TPL_HEADLINE_FLAT = 13,       /**< the lead KPI moved less than 0.5 % */
    SKPI_TPL_HEADLINE_ONLY = 14,       /**< the lead KPI without a comparison */
    SKPI_TPL_CONTRIBUTION = 15,        /**< the channel that moved the lead KPI most */
    SKPI_TPL_CHANNEL_CHANGE = 16,      /**< one channel's part of a change */
    SKPI_TPL_GOALS_SUMMARY = 17,       /**< how many goals are on track */
    SKPI_TPL_GOAL_BEHIND = 18,         /**< a goal at risk or off track */
    SKPI_TPL_WIN_GOAL = 19,            /**< a goal achieved */
    SKPI_TPL_WIN_MILESTONE = 20,       /**< a milestone hit in the period */
    SKPI_TPL_WIN_RECORD = 21,          /**< the best period on record */
    SKPI_TPL_WIN_POST = 22,            /**< a post far above its channel's usual */
    SKPI_TPL_SPOT_HIGH = 23,           /**< a value far above the usual range */
    SKPI_TPL_SPOT_LOW = 24,            /**< a value far below the usual range */
    SKPI_TPL_SPOT_NONE = 25,           /**< no spot check fired */
    SKPI_TPL_NEXT_GOAL = 26,           /**< next step: a goal that needs a push */
    SKPI_TPL_NEXT_SPOT = 27,           /**< next step: look into a spot check */
    SKPI_TPL_NEXT_DECLINE = 28,        /**< next step: look into a falling KPI */
    SKPI_TPL_NEXT_NONE = 29,           /**< nothing needs attention */
    SKPI_TPL_STATUS_NOT_STARTED = 30,  /**< goal status label */
    SKPI_TPL_STATUS_ON_TRACK = 31,     /**< goal status label */
    SKPI_TPL_STATUS_AT_RISK = 32,      /**< goal status label */
    SKPI_TPL_STATUS_OFF_TRACK = 33,    /**< goal status label */
    SKPI_TPL_STATUS_ACHIEVED = 34,     /**< goal status label */
    SKPI_TPL_STATUS_MISSED = 35,       /**< goal status label */
    SKPI_TPL_STATUS_NO_DATA = 36,      /**< goal status label */
    SKPI_TPL_BAND_RED = 37,            /**< OKR band label */
    SKPI_TPL_BAND_YELLOW = 38,         /**< OKR band label */
    SKPI_TPL_BAND_GREEN = 39,          /**< OKR band label */
    SKPI_TPL_OKR_IN_PROGRESS = 40,     /**< OKR interpretation while the period runs */
    SKPI_TPL_OKR_COMMITTED_MET = 41,   /**< OKR interpretation */
    SKPI_TPL_OKR_COMMITTED_MISSED = 42,/**< OKR interpretation */
    SKPI_TPL_OKR_BELOW = 43,           /**< aspirational, 0.0 to 0.5 at the end */
    SKPI_TPL_OKR_SUCCESS = 44,         /**< aspirational, 0.6 to 0.7 at the end */
    SKPI_TPL_OKR_ABOVE = 45,           /**< aspirational, 0.8 to 0.9 at the end */
    SKPI_TPL_OKR_NOT_AMBITIOUS = 46,   /**< aspirational, 1.0 at the end */
    SKPI_TPL_KPI_TABLE_TITLE = 47,     /**< caption of the KPI table */
    SKPI_TPL_CHANNEL_TABLE_TITLE = 48, /**< caption of the per-channel table */
    SKPI_TPL_TREND_TITLE = 49,         /**< title of a KPI trend chart */
    SKPI_TPL_TREND_DESCRIPTION = 50,   /**< alt text of a KPI trend chart */
    SKPI_TPL_GOALS_CHART_TITLE = 51,   /**< title of the goal progress chart */
    SKPI_TPL_OKR_CHART_TITLE = 52,     /**< title of the OKR score chart */
    SKPI_TPL_SERIES_PROGRESS = 53,     /**< series name: goal progress */
    SKPI_TPL_SERIES_EXPECTED = 54,     /**< series name: expected progress */
    SKPI_TPL_SERIES_SCORE = 55,        /**< series name: OKR score */
    SKPI_TPL_CADENCE_DAY = 56,         /**< "day" */
    SKPI_TPL_CADENCE_WEEK = 57,        /**< "week" */
    SKPI_TPL_CADENCE_MONTH = 58,       /**< "month" */
    SKPI_TPL_CADENCE_QUARTER = 59,     /**< "quarter" */
    SKPI_TPL_CADENCE_YEAR = 60,        /**< "year" */
    SKPI_TPL_GOAL_NOTE = 61,           /**< the note on a goal card: pace needed */
    SKPI_TPL_ALL_CHANNELS = 62,        /**< "all channels": the channel of a KPI's total */
    /* The words of the HTML, Markdown and text renderers (the document keeps
     * them: skpi_doc_set_text()); the JSON and CSV outputs keep fixed English
     * keys and headings, which programs read. */
    SKPI_TPL_COLUMN_METRIC = 63, /**< column heading: the metric */
    SKPI_TPL_COLUMN_VALUE = 64, /**< column heading: the value */
    SKPI_TPL_COLUMN_CHANGE = 65, /**< column heading: the change */
    SKPI_TPL_COLUMN_CHANGE_PERCENT = 66, /**< column heading: the change in percent */
    SKPI_TPL_COLUMN_TREND = 67, /**< column heading: the sparkline */
    SKPI_TPL_COLUMN_GOAL = 68, /**< column heading: the goal */
    SKPI_TPL_COLUMN_STATUS = 69, /**< column heading: a goal's status */
    SKPI_TPL_COLUMN_PROGRESS = 70, /**< column heading and card label: progress */
    SKPI_TPL_COLUMN_EXPECTED = 71, /**< column heading: expected progress */
    SKPI_TPL_COLUMN_FORECAST = 72, /**< column heading: forecast progress */
    SKPI_TPL_COLUMN_CURRENT = 73, /**< column heading: the current value */
    SKPI_TPL_COLUMN_TARGET = 74, /**< column heading: the target */
    SKPI_TPL_COLUMN_DEADLINE = 75, /**< column heading and label: the deadline */
    SKPI_TPL_COLUMN_KEY_RESULT = 76, /**< column heading: the key result */
    SKPI_TPL_COLUMN_SCORE = 77, /**< column heading: the score */
    SKPI_TPL_COLUMN_START = 78, /**< column heading: the start value */
    SKPI_TPL_COLUMN_NOTE = 79, /**< column heading: a note */
    SKPI_TPL_PARTIAL_NOTE = 80, /**< what the `*` after a value means */
    SKPI_TPL_CHART_CAPTION = 81, /**< caption of a chart in text and Markdown */
    SKPI_TPL_CHART_LAST_POINTS = 82, /**< note under a Markdown chart table cut to its last points */
    SKPI_TPL_CHART_ALT_LINE = 83, /**< alt text of a line chart without a description */
    SKPI_TPL_CHART_ALT_BAR = 84, /**< alt text of a bar chart without a description */
    SKPI_TPL_CHART_SPAN = 85, /**< a long series in text: where it started and ended, and its range */
    SKPI_TPL_KPI_VERSUS = 86, /**< a KPI's comparison in text */
    SKPI_TPL_OF_TARGET = 87, /**< a value against its target */
    SKPI_TPL_GOAL_PROGRESS = 88, /**< a goal's progress in text */
    SKPI_TPL_GOAL_PROGRESS_LABEL = 89, /**< label of a goal's progress bar */
    SKPI_TPL_GOAL_EXPECTED = 90, /**< a goal card: expected progress */
    SKPI_TPL_GOAL_FORECAST = 91, /**< a goal card: forecast progress */
    SKPI_TPL_GOAL_BY_DEADLINE = 92, /**< a goal card: the deadline */
    SKPI_TPL_OKR_SCORE = 93, /**< an objective's score */
    SKPI_TPL_OKR_GRADED = 94, /**< an objective's score rounded as graders do */
    SKPI_TPL_OKR_SCORE_LABEL = 95, /**< label of an objective's score bar */
    SKPI_TPL_OKR_ASPIRATIONAL = 96, /**< an aspirational objective */
    SKPI_TPL_OKR_COMMITTED = 97, /**< a committed objective */
    SKPI_TPL_OKR_OWNER = 98, /**< an objective's owner */
    SKPI_TPL_POST_RATIO = 99, /**< a post's value against the usual */
    SKPI_TPL_CALLOUT_NOTE = 100, /**< label of a note callout */
    SKPI_TPL_CALLOUT_WIN = 101, /**< label of a win callout */
    SKPI_TPL_CALLOUT_ALERT = 102, /**< label of an alert callout */
    SKPI_TPL_NO_DATA = 103, /**< a value without data */
    SKPI_TPL_DIVISION_BY_ZERO = 104, /**< a ratio whose denominator is zero */
    SKPI_TPL_NOT_SUPPORTED = 105, /**< a value the metric cannot give */
    SKPI_TPL_GENERATED = 106, /**< the footer: when the report was generated */
    SKPI_TPL_UNTITLED = 107, /**< the title of a document without one */
    SKPI_TPL_NOT_AVAILABLE = 108, /**< a figure that cannot be given ("n/a"), in tables and sentences */
    SKPI_TPL_GOAL_SHORT_OF_TARGET = 109, /**< a goal card: good status, but the forecast falls short */
    SKPI_TPL_GOAL_FORECAST_MEETS = 110, /**< a goal card: behind the path, but the forecast meets the target */
    SKPI_TPL_OKR_ALIGNED = 111, /**< an aligned objective: which parent it counts toward */
    SKPI_TPL_GOAL_PROJECTED = 112, /**< a goal card: the projected value when there is no likelihood */
    SKPI_TPL_TIMES_IN = 113, /**< under the subtitle: the time zone of the report's times ("Times in {zone}.") */
    SKPI_TPL_NO_DATA_HEADLINE = 114, /**< the summary of a period without data */
    SKPI_TPL_PARTIAL_PERIOD = 115, /**< the summary of a period the data covers only in part */
    SKPI_TPL_NEXT_NO_DATA = 116, /**< next step: import the period's data */
    SKPI_TPL_SPOT_WITHHELD = 117, /**< no spot checks: the period's data is incomplete */
    SKPI_TPL_TOP_POSTS_NONE = 118, /**< top posts: no post was published in the period */
    SKPI_TPL_TOP_POSTS_NO_METRIC = 119, /**< top posts: the period's posts lack the metric */
    SKPI_TPL_TOP_POSTS_LEFT_OUT = 120, /**< top posts: a channel's posts lack the metric */
    SKPI_TPL_PERIOD_WEEK = 121, /**< a week named by its first day ("week of {date}"), in every period name */
    SKPI_TPL_RANGE = 122, /**< an explicit range named by its first and last day ("{first} to {last}") */
    SKPI_TPL_CADENCE_RANGE = 123, /**< what a report over an explicit range calls it in place of a cadence ("period") */
    SKPI_TPL_HEADING_FUNNEL = 124, /**< heading of the funnel section */
    SKPI_TPL_FUNNEL_TABLE_TITLE = 125, /**< funnel: the table of counts per step */
    SKPI_TPL_FUNNEL_RATES_TITLE = 126, /**< funnel: the table of step conversion rates */
    SKPI_TPL_RETURN_TABLE_TITLE = 127, /**< funnel: the table of revenue, costs and returns */
    SKPI_TPL_FUNNEL_WEAKEST_FELL = 128, /**< funnel: the weakest step, whose conversion fell most */
    SKPI_TPL_FUNNEL_WEAKEST_LOWEST = 129, /**< funnel: the weakest step, converting least (none fell) */
    SKPI_TPL_FUNNEL_STEP_EXCEEDS = 130, /**< funnel: a step outnumbers the step before it */
    SKPI_TPL_FUNNEL_DATA_WARNING = 131, /**< funnel: title of a data warning */
    SKPI_TPL_FUNNEL_NO_COST = 132, /**< funnel: a return not available because nothing was spent */
    SKPI_TPL_FUNNEL_NO_DATA = 133, /**< funnel: no step has data in the period */
    SKPI_TPL_HEADLINE_PARTIAL = 134, /**< the lead KPI has data for only part of the period: no comparison */
    SKPI_TPL_HEADING_RESOURCING = 135, /**< resourcing: "Resourcing" */
    SKPI_TPL_RESOURCING_HOURS_TITLE = 136, /**< resourcing: caption of the hours table */
    SKPI_TPL_RESOURCING_CAPACITY_TITLE = 137, /**< resourcing: caption of the capacity table */
    SKPI_TPL_RESOURCING_IMPACT_TITLE = 138, /**< resourcing: caption of the impact table */
    SKPI_TPL_RESOURCING_ESTIMATE_TITLE = 139, /**< resourcing: caption of the estimate table */
    SKPI_TPL_RESOURCING_SHARED = 140, /**< resourcing: a metric several activities share */
    SKPI_TPL_RESOURCING_OVER = 141, /**< resourcing: a role with more hours planned than available */
    SKPI_TPL_RESOURCING_MOVE = 142, /**< resourcing: next step: move hours to the activity that brings more per hour */
    SKPI_TPL_RESOURCING_GOAL = 143, /**< resourcing: a goal named in a recommendation */
    SKPI_TPL_RESOURCING_OBJECTIVE = 144, /**< resourcing: an objective named in a recommendation */
    SKPI_TPL_RESOURCING_ESTIMATE_NOTE = 145, /**< resourcing: what an estimate is and is not */
    SKPI_TPL_RESOURCING_NOT_ESTIMATED = 146, /**< resourcing: an estimate withheld for too few weeks */
    SKPI_TPL_RESOURCING_CONSTANT_HOURS = 147, /**< resourcing: an estimate withheld for hours that never changed */
    SKPI_TPL_RESOURCING_ESTIMATE_LABEL = 148, /**< resourcing: the label of an estimate */
    SKPI_TPL_RESOURCING_SHARED_CELL = 149, /**< resourcing: the activities behind a shared figure */
    SKPI_TPL_RESOURCING_YES = 150, /**< resourcing: a flag that is set */
    SKPI_TPL_COLUMN_ACTIVITY = 151, /**< resourcing: column heading: an activity */
    SKPI_TPL_COLUMN_ACTIVITIES = 152, /**< resourcing: column heading: the activities behind a figure */
    SKPI_TPL_COLUMN_HOURS = 153, /**< resourcing: column heading: hours in the period */
    SKPI_TPL_COLUMN_PREVIOUS_HOURS = 154, /**< resourcing: column heading: hours in the previous period */
    SKPI_TPL_COLUMN_ROLE = 155, /**< resourcing: column heading: a role */
    SKPI_TPL_COLUMN_PLANNED = 156, /**< resourcing: column heading: hours planned */
    SKPI_TPL_COLUMN_AVAILABLE = 157, /**< resourcing: column heading: hours available */
    SKPI_TPL_COLUMN_OVER_ALLOCATED = 158, /**< resourcing: column heading: more planned than available */
    SKPI_TPL_COLUMN_CHANNELS = 159, /**< resourcing: column heading: a channel selector */
    SKPI_TPL_COLUMN_RESULT = 160, /**< resourcing: column heading: a metric's result in the period */
    SKPI_TPL_COLUMN_PER_HOUR = 161, /**< resourcing: column heading: result per hour */
    SKPI_TPL_COLUMN_PREVIOUS_PER_HOUR = 162, /**< resourcing: column heading: result per hour in the previous period */
    SKPI_TPL_COLUMN_COST_PER_RESULT = 163, /**< resourcing: column heading: cost per result */
    SKPI_TPL_COLUMN_WEEKS = 164, /**< resourcing: column heading: weeks behind an estimate */
    SKPI_TPL_COLUMN_SLOPE = 165, /**< resourcing: column heading: the least-squares slope */
    SKPI_TPL_COLUMN_INTERVAL = 166, /**< resourcing: column heading: the slope's confidence interval */
    SKPI_TPL_HEADING_LISTENING = 167, /**< listening: "Listening" */
    SKPI_TPL_LISTENING_TABLE_TITLE = 168, /**< listening: the table of mentions by brand */
    SKPI_TPL_LISTENING_TOP_TITLE = 169, /**< listening: the top mentions of our brands */
    SKPI_TPL_LISTENING_SHARE = 170, /**< listening: our share of voice by reach against the competitors */
    SKPI_TPL_LISTENING_NO_COMPETITORS = 171, /**< listening: no brand is marked as a competitor's */
    SKPI_TPL_LISTENING_COMPETITOR_CELL = 172, /**< listening: a competitor's brand in the table */
    SKPI_TPL_LISTENING_NO_DATA = 173, /**< listening: no mention in the period */
    SKPI_TPL_COLUMN_BRAND = 174, /**< listening: column heading: the brand */
    SKPI_TPL_COLUMN_MENTIONS = 175, /**< listening: column heading: mentions */
    SKPI_TPL_COLUMN_POSITIVE = 176, /**< listening: column heading: positive mentions */
    SKPI_TPL_COLUMN_NEUTRAL = 177, /**< listening: column heading: neutral mentions */
    SKPI_TPL_COLUMN_NEGATIVE = 178, /**< listening: column heading: negative mentions */
    SKPI_TPL_COLUMN_NET_SENTIMENT = 179, /**< listening: column heading: net sentiment */
    SKPI_TPL_COLUMN_REACH = 180, /**< listening: column heading: reach of the mentions */
    SKPI_TPL_COLUMN_SHARE_OF_VOICE = 181, /**< listening: column heading: share of voice by reach */
    SKPI_TPL_LISTENING_SHARE_COUNTED = 182, /**< listening: our share of voice from the competitors' totals a host filled in */
    SKPI_TPL_HEADING_WHAT_WORKED = 183, /**< "What worked" */
    SKPI_TPL_HEADING_POSTING_TIMES = 184, /**< "Posting times" */
    SKPI_TPL_WHAT_WORKED_TYPES = 185, /**< what worked: caption of the table by post type */
    SKPI_TPL_WHAT_WORKED_TAGS = 186, /**< what worked: caption of the table by tag */
    SKPI_TPL_COLUMN_TYPE = 187, /**< column: a post type */
    SKPI_TPL_COLUMN_TAG = 188, /**< column: a tag */
    SKPI_TPL_COLUMN_POSTS = 189, /**< column: a number of posts */
    SKPI_TPL_COLUMN_MEDIAN_PER_POST = 190, /**< column: the median of the metric per post */
    SKPI_TPL_COLUMN_SHARE = 191, /**< column: a group's share of the total */
    SKPI_TPL_WHAT_WORKED_POSTS = 192, /**< what worked: caption of a group's best and weakest posts */
    SKPI_TPL_WHAT_WORKED_TOO_FEW = 193, /**< what worked: the groups with too few posts to judge */
    SKPI_TPL_WEEKDAYS = 194, /**< the seven weekday names, Monday first, separated by spaces */
    SKPI_TPL_POSTING_TIMES_TABLE = 195, /**< posting times: caption of the heat map */
    SKPI_TPL_POSTING_TIMES_BEST = 196, /**< posting times: the best slots */
    SKPI_TPL_POSTING_TIMES_NONE = 197, /**< posting times: no slot has enough posts */
    SKPI_TPL_HEADING_COMPETITORS = 198, /**< competitors: heading */
    SKPI_TPL_COMPETITORS_TABLE_TITLE = 199, /**< competitors: caption of the table */
    SKPI_TPL_COLUMN_FIGURE = 200, /**< competitors, benchmarks: column heading: the figure compared */
    SKPI_TPL_COLUMN_US = 201, /**< competitors, benchmarks: column heading: our value */
    SKPI_TPL_COLUMN_COMPETITOR_MEDIAN = 202, /**< competitors: column heading: the competitors' median */
    SKPI_TPL_COLUMN_OUR_RANK = 203, /**< competitors: column heading: our rank */
    SKPI_TPL_COMPETITORS_RANK = 204, /**< competitors: our rank among those with a value ("2 of 3") */
    SKPI_TPL_COMPETITORS_GAP = 205, /**< competitors: the figure on which a competitor is furthest ahead */
    SKPI_TPL_COMPETITORS_LEAD = 206, /**< competitors: no competitor is ahead on any figure */
    SKPI_TPL_HEADING_BENCHMARKS = 207, /**< benchmarks: heading */
    SKPI_TPL_BENCHMARKS_TABLE_TITLE = 208, /**< benchmarks: caption of the table */
    SKPI_TPL_COLUMN_INDUSTRY = 209, /**< benchmarks: column heading: the benchmark's value */
    SKPI_TPL_COLUMN_GAP = 210, /**< benchmarks: column heading: ours minus the benchmark */
    SKPI_TPL_COLUMN_GAP_PERCENT = 211, /**< benchmarks: column heading: the gap relative to the benchmark */
    SKPI_TPL_COLUMN_SOURCE = 212, /**< benchmarks: column heading: where the benchmark comes from */
    SKPI_TPL_BENCHMARKS_FURTHEST = 213, /**< benchmarks: the figure furthest below its benchmark */
    SKPI_TPL_BENCHMARKS_MET = 214, /**< benchmarks: no figure is below its benchmark */
    SKPI_TPL_TARGET_SOURCE = 215, /**< a goal card or key result line: where a benchmark target comes from */
    SKPI_TPL_HEADING_CAMPAIGN = 216, /**< "Campaign" */
    SKPI_TPL_CAMPAIGN_INTRO = 217, /**< a campaign report: the campaign, its days, channels and baseline */
    SKPI_TPL_CAMPAIGN_CHANGE = 218, /**< a campaign report: one metric on one channel against the baseline */
    SKPI_TPL_CAMPAIGN_POSTS = 219, /**< a campaign report: how many posts, what they drew and their share */
    SKPI_TPL_CAMPAIGN_NO_POSTS = 220, /**< a campaign report: no post belongs to the campaign */
    SKPI_TPL_GOAL_OWNER = 221 /**< a goal card or key result line: who owns it */
} skpi_template;

/** @brief The number of ::skpi_template values (222); new ones are only ever appended. */
SKPI_API int skpi_template_count(void);

/** @brief The default (English) text of a template; NULL for unknown keys. Static. */
SKPI_API const char *skpi_template_default(int key);

/**
 * @brief The placeholders a template may use, space-separated ("metric
 *        percent comparison"); "" when none; NULL for unknown keys. Static.
 */
SKPI_API const char *skpi_template_placeholders(int key);

#ifdef SKPI_EXPERIMENTAL
/* ------------------------------------------------------------------ */
/* Experimental: what a renderer needs beyond the block getters         */

/**
 * @brief Record the period the document reports on, for page footers,
 *        file metadata and sheet names.
 *
 * skpi_report_assemble() sets it to the reported period and its label;
 * the Markdown, HTML, JSON, CSV and text renderers do not show it (the
 * subtitle already names the period).
 * @param doc    the document
 * @param period the half-open period `[start, end)`, start < end, both
 *               within skpi_time_min() to skpi_time_max(); copied; NULL
 *               removes the period and its label
 * @param label  the period for readers ("2026-11", "November 2026");
 *               copied; NULL or "" for none
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc); SKPI_ERANGE (start not before
 *         end, or a time out of range); SKPI_ENOMEM. On error the document
 *         is unchanged.
 */
SKPI_API int skpi_doc_set_period(skpi_doc *doc, const skpi_period *period, const char *label);

/**
 * @brief The period the document reports on (skpi_doc_set_period()).
 * @param period receives the period (may be NULL)
 * @param label  receives the borrowed label, "" when none (may be NULL)
 * @param doc    the document
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc); SKPI_ENOTFOUND (no period was
 *         set; the out-parameters are left alone)
 */
SKPI_API int skpi_doc_period(skpi_period *period, const char **label, const skpi_doc *doc);

/**
 * @brief A whole row of a generic table at once, for renderers that walk
 *        many cells.
 * @param cells receives a borrowed array of skpi_doc_table_columns() texts,
 *              "" for an empty cell, valid until the document is freed
 * @param doc   the document
 * @param block a table's index
 * @param row   the row's index, 0 to skpi_doc_block_size() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ERANGE (no such block or
 *         row), SKPI_EINVAL (not a table)
 */
SKPI_API int skpi_doc_table_row(const char *const **cells, const skpi_doc *doc, size_t block,
                                size_t row);

/**
 * @brief The category axis of a chart: the x positions its points sit at.
 *
 * When every series has the same labels (the usual time axis), the
 * categories are those labels, one per point. Otherwise they are every
 * distinct label in the order it first appears across the series, and a
 * point sits at its label's category (skpi_doc_chart_series_categories()).
 * The document works this out as series are added, so reading it costs
 * nothing; adding a series may change it (arrays read before stay valid
 * but describe the chart as it was).
 * @param labels receives the borrowed array of category labels (NULL when
 *               there are none)
 * @param count  receives the number of categories
 * @param doc    the document
 * @param block  a chart's index
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ERANGE (no such block),
 *         SKPI_EINVAL (not a chart)
 */
SKPI_API int skpi_doc_chart_categories(const char *const **labels, size_t *count, const skpi_doc *doc,
                                       size_t block);

/**
 * @brief Where each point of a chart series sits on the category axis.
 * @param index  receives a borrowed array of the series' length: the
 *               category (skpi_doc_chart_categories()) of each point;
 *               NULL for a series without points
 * @param doc    the document
 * @param block  a chart's index
 * @param series the series' index
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ERANGE (no such block or
 *         series), SKPI_EINVAL (not a chart)
 */
SKPI_API int skpi_doc_chart_series_categories(const size_t **index, const skpi_doc *doc, size_t block,
                                              size_t series);

/* ------------------------------------------------------------------ */
/* Experimental: keys beside the words, for machine-readable output     */

/** @brief What the categories of a chart's axis are. Values are fixed for ever. */
typedef enum skpi_chart_axis {
    SKPI_AXIS_PERIODS = 0,  /**< periods (the default): labels are period keys ("2026-03") */
    SKPI_AXIS_CHANNELS = 1, /**< channels: labels are channel keys ("instagram:@acme") */
    SKPI_AXIS_ITEMS = 2     /**< named items (goals, objectives): labels are their names */
} skpi_chart_axis;

/**
 * @brief Name the period the document reports on as people write it
 *        ("March 2026"), beside the label of skpi_doc_set_period()
 *        ("2026-03"); page footers show the name.
 * @param doc  the document
 * @param name the name; copied; NULL or "" removes it
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ENOMEM (the document is
 *         then unchanged)
 */
SKPI_API int skpi_doc_set_period_name(skpi_doc *doc, const char *name);

/**
 * @brief The reported period's name for readers (skpi_doc_set_period_name()).
 * @param name receives the borrowed name: the name when one was set, else
 *             the period's label, else ""
 * @param doc  the document
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or name)
 */
SKPI_API int skpi_doc_period_name(const char **name, const skpi_doc *doc);

/**
 * @brief Record the keys of a KPI table's comparison periods ("2026-02",
 *        "2025-03"), which JSON and CSV write where the headings
 *        ("February 2026") are for readers.
 * @param doc     the document
 * @param block   a KPI table's index
 * @param period  key of the first comparison period; copied; NULL or "" for none
 * @param period2 key of the second comparison period; copied; NULL or "" for none
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ERANGE (no such block),
 *         SKPI_EINVAL (not a KPI table), SKPI_ENOMEM (the table is then unchanged)
 */
SKPI_API int skpi_doc_kpi_table_set_periods(skpi_doc *doc, size_t block, const char *period,
                                            const char *period2);

/**
 * @brief The keys of a KPI table's comparison periods
 *        (skpi_doc_kpi_table_set_periods()).
 * @param period  receives the first key, "" when none was set (may be NULL)
 * @param period2 receives the second key, "" when none was set (may be NULL)
 * @param doc     the document
 * @param block   a KPI table's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE, SKPI_EINVAL (not a KPI table)
 */
SKPI_API int skpi_doc_kpi_table_periods(const char **period, const char **period2, const skpi_doc *doc,
                                        size_t block);

/**
 * @brief Record the key of the channel an item stands for: a KPI table
 *        row's channel ("instagram:@acme", or a selector such as
 *        "linkedin:*") or a post's, beside the display name the row or
 *        post shows. JSON and CSV write both.
 * @param doc   the document
 * @param block a KPI table's or a posts block's index
 * @param item  the row's or the post's index
 * @param key   the channel's key; copied; NULL or "" removes it
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ERANGE (no such block or
 *         item), SKPI_EINVAL (neither a KPI table nor posts), SKPI_ENOMEM
 *         (the document is then unchanged)
 */
SKPI_API int skpi_doc_set_channel_key(skpi_doc *doc, size_t block, size_t item, const char *key);

/**
 * @brief The channel key of a KPI table row or a post (skpi_doc_set_channel_key()).
 * @param key   receives the borrowed key, "" when none was set
 * @param doc   the document
 * @param block a KPI table's or a posts block's index
 * @param item  the row's or the post's index
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or key), SKPI_ERANGE,
 *         SKPI_EINVAL (neither a KPI table nor posts)
 */
SKPI_API int skpi_doc_channel_key(const char **key, const skpi_doc *doc, size_t block, size_t item);

/**
 * @brief Say what a chart's categories are; the labels of its series are
 *        then keys of that kind, which JSON and CSV write in the matching
 *        column (CSV: `period`, `channel` or `item`).
 * @param doc   the document
 * @param block a chart's index
 * @param axis  an ::skpi_chart_axis (a new chart has ::SKPI_AXIS_PERIODS)
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ERANGE (no such block),
 *         SKPI_EINVAL (not a chart, unknown axis)
 */
SKPI_API int skpi_doc_chart_set_axis(skpi_doc *doc, size_t block, int axis);

/**
 * @brief What a chart's categories are (skpi_doc_chart_set_axis()).
 * @param out   receives the ::skpi_chart_axis
 * @param doc   the document
 * @param block a chart's index
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or out), SKPI_ERANGE, SKPI_EINVAL (not a chart)
 */
SKPI_API int skpi_doc_chart_axis(int *out, const skpi_doc *doc, size_t block);

/**
 * @brief Give the category labelled `label` a name for readers ("Mar 2026"
 *        for "2026-03", "Instagram" for "instagram:@acme"): Markdown, HTML,
 *        text, PDF and XLSX show the name, JSON and CSV the label.
 * @param doc   the document
 * @param block a chart's index
 * @param label a point label of the chart, now or later; copied
 * @param name  the name; copied; NULL or "" removes it
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or label), SKPI_ERANGE (no such
 *         block), SKPI_EINVAL (not a chart), SKPI_ENOMEM (the chart is then
 *         unchanged)
 */
SKPI_API int skpi_doc_chart_name_category(skpi_doc *doc, size_t block, const char *label, const char *name);

/**
 * @brief The name for readers of a chart's category (skpi_doc_chart_categories()).
 * @param name     receives the borrowed name, or the category's label when
 *                 it has no name
 * @param doc      the document
 * @param block    a chart's index
 * @param category the category's index
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or name), SKPI_ERANGE (no such
 *         block or category), SKPI_EINVAL (not a chart)
 */
SKPI_API int skpi_doc_chart_category_name(const char **name, const skpi_doc *doc, size_t block,
                                          size_t category);

/**
 * @brief Shade a cell of a generic table: a heat map.
 *
 * HTML colours the cell by its heat; the other formats show the table as
 * it is (the text of the cell carries the figure). Experimental.
 * @param doc    the document
 * @param block  a table's index
 * @param row    the row's index (the row exists)
 * @param column the column's index
 * @param heat   0 (coolest) to 1 (hottest); NaN removes the shade
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc), SKPI_ERANGE (no such block,
 *         row or column; heat outside 0 to 1), SKPI_EINVAL (not a table),
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_doc_table_set_heat(skpi_doc *doc, size_t block, size_t row, size_t column,
                                     double heat);

/**
 * @brief A cell's heat (skpi_doc_table_set_heat()).
 * @param out    receives 0 to 1, or NaN for an unshaded cell
 * @param doc    the document
 * @param block  a table's index
 * @param row    the row's index
 * @param column the column's index
 * @return SKPI_OK, SKPI_EMISUSE (NULL doc or out), SKPI_ERANGE (no such
 *         block, row or column), SKPI_EINVAL (not a table)
 */
SKPI_API int skpi_doc_table_heat(double *out, const skpi_doc *doc, size_t block, size_t row,
                                 size_t column);
#endif /* SKPI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_DOC_H */
