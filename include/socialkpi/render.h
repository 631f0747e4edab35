/**
 * @file socialkpi/render.h
 * @brief Renderers: a document (doc.h) as Markdown, HTML, JSON, CSV,
 *        plain text, PDF or XLSX, written to a sink (sink.h).
 *
 * Every format is produced by the library alone, with no external tools
 * (PDF with the cairo and pango libraries it links, docs/pdf.md):
 * - Markdown: GitHub-flavoured (tables, emphasis, links);
 * - HTML: one self-contained file with inline CSS and inline SVG charts and
 *   sparklines, readable on screen and printed, with table headers and
 *   titles and descriptions on every chart;
 * - JSON: the document's data, versioned as docs/report-schema.json
 *   describes (skpi_render_json_schema_version());
 * - CSV: one flat table, a row per figure (section, item, metric, channel,
 *   period, value, unit, comparison, change, change_relative, text), every
 *   percentage as a fraction (docs/report.md);
 * - plain text: short lines for e-mail and chat;
 * - PDF and XLSX (paged document, spreadsheet workbook): built with the
 *   options SKPI_WITH_PDF and SKPI_WITH_XLSX; skpi_render_supported() says
 *   whether this build has them. PDF: A4 or Letter pages with a title
 *   block, KPI tiles, goal and OKR cards, tables that split across pages,
 *   vector charts, selectable text, page numbers and the period in the
 *   footer (docs/pdf.md).
 *
 * Escaping is part of rendering: every string of the document is
 * HTML-escaped in HTML, Markdown-escaped in Markdown, JSON-escaped in JSON
 * (control characters as `\\u00XX`), and CSV cells holding text that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'` so
 * that spreadsheets do not run them as formulas. Invalid UTF-8 becomes
 * U+FFFD in every format. docs/report.md has the details.
 *
 * Numbers are written with `.` as the decimal point whatever `setlocale` the
 * host chose, unless a locale is asked for (skpi_render_options::locale);
 * the same document and options give byte-identical output. The
 * library never reads the clock: the "generated at" time comes from the
 * options.
 */
#ifndef SOCIALKPI_RENDER_H
#define SOCIALKPI_RENDER_H

#include "socialkpi/common.h"
#include "socialkpi/doc.h"
#include "socialkpi/sink.h"
/* Renderers know documents only. Code written against 0.1 may include this
 * header alone for report definitions too, so report.h still comes along
 * unless SKPI_RENDER_DOC_ONLY is defined. */
#ifndef SKPI_RENDER_DOC_ONLY
#include "socialkpi/report.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Output formats. Values are fixed for ever. */
typedef enum skpi_format {
    SKPI_FORMAT_MARKDOWN = 0, /**< GitHub-flavoured Markdown */
    SKPI_FORMAT_HTML = 1,     /**< one self-contained HTML file */
    SKPI_FORMAT_JSON = 2,     /**< JSON as docs/report-schema.json describes */
    SKPI_FORMAT_CSV = 3,      /**< RFC 4180 CSV, one row per figure */
    SKPI_FORMAT_TEXT = 4,     /**< plain UTF-8 text with short lines */
    SKPI_FORMAT_PDF = 5,      /**< a paged PDF document (build option SKPI_WITH_PDF) */
    SKPI_FORMAT_XLSX = 6      /**< an Excel workbook, one sheet per table (build option SKPI_WITH_XLSX) */
} skpi_format;

/** @brief Paper sizes of the PDF output. Values are fixed for ever. */
typedef enum skpi_paper {
    SKPI_PAPER_AUTO = 0,  /**< from the document's language: Letter where its region uses it, else A4 */
    SKPI_PAPER_A4 = 1,    /**< ISO A4, 210 x 297 mm */
    SKPI_PAPER_LETTER = 2 /**< US Letter, 8.5 x 11 in */
} skpi_paper;

/** @brief Render flag: do not close the sink at the end (more output follows). */
#define SKPI_RENDER_KEEP_SINK_OPEN 0x1u
/** @brief Render flag: start CSV output with a UTF-8 byte order mark (for Excel). */
#define SKPI_RENDER_CSV_BOM 0x2u
/**
 * @brief Render flag: HTML printed with the numbers behind each chart.
 *
 * On screen a chart's data table sits in a closed `<details>`; printed, it
 * is left out unless this flag is set, when it is printed open under the
 * chart. (Since 0.2.)
 */
#define SKPI_RENDER_HTML_PRINT_DATA 0x4u
/**
 * @brief Render flag: HTML blocks in the document's order.
 *
 * By default the HTML page is laid out for executives: a row of tiles of
 * the first KPI table's metrics, the goals and objectives at a glance,
 * then the sections that only tell (paragraphs, callouts, lists: the
 * summary, wins, alerts, next steps), then the other sections as detail.
 * With this flag the blocks follow one another as the document has them,
 * with no tiles and no glance. (Since 0.2.)
 */
#define SKPI_RENDER_HTML_DOCUMENT_ORDER 0x8u

/** @brief The `generated_at` value that leaves the time out of the output. */
#define SKPI_RENDER_NO_TIME INT64_MIN

/**
 * @brief Options of skpi_render().
 *
 * Versioned struct: set `version` to ::SKPI_RENDER_OPTIONS_VERSION (or use
 * ::SKPI_RENDER_OPTIONS_INIT / skpi_render_options_init()). It only grows at
 * its end.
 */
typedef struct skpi_render_options {
    unsigned version;      /**< ::SKPI_RENDER_OPTIONS_VERSION */
    unsigned flags;        /**< `SKPI_RENDER_*` flags, or 0 */
    /**
     * When the report was generated, shown in the output; the host passes it
     * so that output is reproducible. ::SKPI_RENDER_NO_TIME leaves it out.
     */
    skpi_time generated_at;
    int utc_offset_minutes; /**< offset east of UTC for showing generated_at, -1080 to 1080 */
    unsigned line_width;    /**< plain text: wrap lines at this many characters, 40 to 200; 0 means 72 */
    /**
     * Digit-group separator in formatted numbers (not in JSON or CSV, which
     * carry plain numbers): NULL means ",", "" means none; at most 4 bytes,
     * no digits, no '.', no '-' and no control characters.
     */
    const char *thousands_separator;
    /* Version 2 */
    /**
     * The locale of numbers in the human formats (Markdown, HTML, text and
     * the renderers built on them), a BCP 47 tag such as "de-DE" or
     * "fr-FR": ICU shapes separators, percents and currency amounts
     * ("1.234,5", "4,25 %", "1 234,5" with U+202F in fr-FR). NULL: the
     * document's locale (skpi_doc_locale(), from the report), else the
     * built-in shape ("1,234.5"). JSON and CSV never change. A
     * `thousands_separator` given as well replaces the locale's
     * (docs/locale.md) (version 2).
     */
    const char *locale;
    /* Version 3 */
    /**
     * PDF: an ::skpi_paper. ::SKPI_PAPER_AUTO (the default) takes US Letter
     * when the locale's region uses it (US, CA, MX and the others
     * docs/pdf.md lists) and A4 otherwise; the locale is `locale` above,
     * else the document's locale (skpi_doc_locale()), else its language
     * (skpi_doc_language()); a tag without a region gives A4 (version 3).
     */
    int paper;
} skpi_render_options;

/** @brief The current version of ::skpi_render_options (1 and 2 are still
 *         accepted: without the members marked with a later version). */
#define SKPI_RENDER_OPTIONS_VERSION 3
/** @brief Static initializer for ::skpi_render_options: defaults, no time shown. */
#define SKPI_RENDER_OPTIONS_INIT { SKPI_RENDER_OPTIONS_VERSION, 0u, SKPI_RENDER_NO_TIME, 0, 0u, NULL, NULL, \
    SKPI_PAPER_AUTO }

/**
 * @brief Initialise render options to their defaults.
 * @param options the struct to fill
 * @param version ::SKPI_RENDER_OPTIONS_VERSION (or an earlier version)
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_render_options_init(skpi_render_options *options, unsigned version);

/**
 * @brief Render a document to a sink.
 *
 * The output goes to `sink->write` in pieces. When rendering ends, whether it
 * succeeded or not, the sink is closed (its `close` is called once and its
 * `write` and `close` members are set to NULL) unless the options carry
 * ::SKPI_RENDER_KEEP_SINK_OPEN; a sink that is rejected (NULL, unknown
 * version, no `write`) is left alone. After a failure the sink may have
 * received part of the output.
 *
 * The document is only read; it must not be changed or freed by the sink's
 * callbacks while it is being rendered.
 * @param doc     the document
 * @param format  an ::skpi_format
 * @param options the options, or NULL for the defaults
 * @param sink    where the output goes
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or sink, a sink without write);
 *         SKPI_EVERSION (unknown options or sink version); SKPI_EINVAL
 *         (unknown format, or a bad option such as a locale without
 *         data: the message names it);
 *         SKPI_EUNSUPPORTED (a format this build leaves out, see
 *         skpi_render_supported(): the message names the build option);
 *         SKPI_ERANGE (generated_at or the UTC offset out of range);
 *         SKPI_ECALLBACK (a sink callback returned non-zero; a message the
 *         callback set with skpi_error_set() is kept); SKPI_EIO and
 *         SKPI_ENOMEM (also from the built-in sinks)
 */
SKPI_API int skpi_render(const skpi_doc *doc, int format, const skpi_render_options *options,
                         skpi_sink *sink);

/**
 * @brief Whether this build of the library renders a format.
 *
 * Markdown, HTML, JSON, CSV and text are always there; PDF and XLSX depend
 * on the build options SKPI_WITH_PDF and SKPI_WITH_XLSX (and the libraries
 * they need). skpi_render() refuses a format this returns 0 for with
 * ::SKPI_EUNSUPPORTED.
 * @param format an ::skpi_format
 * @return 1 when skpi_render() can produce it, 0 when not or for an unknown format
 */
SKPI_API int skpi_render_supported(int format);

/**
 * @brief The name of a format: "markdown", "html", "json", "csv", "text",
 *        "pdf", "xlsx" (also for a format this build leaves out).
 * @param format an ::skpi_format
 * @return a static string; NULL for an unknown format
 */
SKPI_API const char *skpi_format_name(int format);

/**
 * @brief The usual file extension of a format, without the dot: "md",
 *        "html", "json", "csv", "txt", "pdf", "xlsx".
 * @param format an ::skpi_format
 * @return a static string; NULL for an unknown format
 */
SKPI_API const char *skpi_format_extension(int format);

/**
 * @brief The version of the JSON output's schema (`"version"` in the output,
 *        docs/report-schema.json). It grows only when the schema changes.
 */
SKPI_API int skpi_render_json_schema_version(void);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_RENDER_H */
