/* skpi_render(): option checks, the locale switch, dispatch and closing. */
#include "render/render_internal.h"
#include "render/text_width.h"

#include "socialkpi/calendar.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

int skpi_render_options_init(skpi_render_options *options, unsigned version)
{
    if (options == NULL) return skpi__error(SKPI_EMISUSE, "skpi_render_options_init: options is NULL");
    if (version < 1 || version > SKPI_RENDER_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_render_options_init: version %u is unknown (this library knows %d)",
                           version, SKPI_RENDER_OPTIONS_VERSION);
    skpi_render_options init = SKPI_RENDER_OPTIONS_INIT;
    init.version = version;
    /* a caller built against an earlier version has a shorter struct: fill only that */
    size_t size = version >= 3   ? sizeof init
                  : version == 2 ? offsetof(skpi_render_options, paper)
                                 : offsetof(skpi_render_options, locale);
    memcpy(options, &init, size);
    return SKPI_OK;
}

static const char *const format_names[] = { "markdown", "html", "json", "csv", "text", "pdf", "xlsx" };
static const char *const format_exts[] = { "md", "html", "json", "csv", "txt", "pdf", "xlsx" };
#define LAST_FORMAT SKPI_FORMAT_XLSX

const char *skpi_format_name(int format)
{
    return format >= 0 && format <= LAST_FORMAT ? format_names[format] : NULL;
}

const char *skpi_format_extension(int format)
{
    return format >= 0 && format <= LAST_FORMAT ? format_exts[format] : NULL;
}

/* The build option behind a format that may be left out, NULL for the
 * formats every build has. */
static const char *format_option(int format)
{
    switch (format) {
    case SKPI_FORMAT_PDF: return "SKPI_WITH_PDF";
    case SKPI_FORMAT_XLSX: return "SKPI_WITH_XLSX";
    default: return NULL;
    }
}

int skpi_render_supported(int format)
{
    switch (format) {
#ifdef SKPI_WITH_PDF
    case SKPI_FORMAT_PDF: return 1;
#endif
#ifdef SKPI_WITH_XLSX
    case SKPI_FORMAT_XLSX: return 1;
#endif
    default: return format >= SKPI_FORMAT_MARKDOWN && format <= SKPI_FORMAT_TEXT;
    }
}

int skpi_render_json_schema_version(void) { return 1; }

static int check_separator(const char *sep)
{
    size_t n = strlen(sep);
    if (n > 4) return skpi__error(SKPI_EINVAL, "skpi_render: options.thousands_separator is longer than 4 bytes");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)sep[i];
        if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c < 0x20 || c == 0x7F)
            return skpi__error(SKPI_EINVAL,
                               "skpi_render: options.thousands_separator may not hold digits, '.', '-' "
                               "or control characters");
    }
    return SKPI_OK;
}

/* "2026-11-30T09:00:00+01:00" -> "2026-11-30 09:00 UTC+01:00" ("Z" -> "UTC"). */
static void human_time(char *out, size_t size, const char *iso)
{
    const char *zone = iso + 19;
    char tz[16] = "UTC";
    if (zone[0] != 'Z') { strcpy(tz, "UTC"); strncat(tz, zone, sizeof tz - 4); }
    snprintf(out, size, "%.10s %.5s %s", iso, iso + 11, tz);
}

static int setup(skpi__render *r, const skpi_render_options *opt)
{
    skpi_render_options def = SKPI_RENDER_OPTIONS_INIT;
    if (opt == NULL) opt = &def;
    if (opt->version < 1 || opt->version > SKPI_RENDER_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_render: options version %u is unknown (this library knows %d)",
                           opt->version, SKPI_RENDER_OPTIONS_VERSION);
    const unsigned known = SKPI_RENDER_KEEP_SINK_OPEN | SKPI_RENDER_CSV_BOM | SKPI_RENDER_HTML_PRINT_DATA |
                           SKPI_RENDER_HTML_DOCUMENT_ORDER;
    if (opt->flags & ~known)
        return skpi__error(SKPI_EINVAL, "skpi_render: options.flags has unknown bits 0x%x", opt->flags & ~known);
    if (opt->line_width != 0 && (opt->line_width < 40 || opt->line_width > 200))
        return skpi__error(SKPI_EINVAL, "skpi_render: options.line_width is %u, not 0 or 40 to 200",
                           opt->line_width);
    int paper = opt->version >= 3 ? opt->paper : SKPI_PAPER_AUTO;
    if (paper < SKPI_PAPER_AUTO || paper > SKPI_PAPER_LETTER)
        return skpi__error(SKPI_EINVAL, "skpi_render: options.paper is %d, not an skpi_paper (0 auto, 1 A4, "
                           "2 Letter)", paper);
    r->paper = paper;
    if (opt->utc_offset_minutes < -1080 || opt->utc_offset_minutes > 1080)
        return skpi__error(SKPI_ERANGE, "skpi_render: options.utc_offset_minutes is %d, not -1080 to 1080",
                           opt->utc_offset_minutes);
    const char *group = opt->thousands_separator ? opt->thousands_separator : ",";
    int rc = check_separator(group);
    if (rc != SKPI_OK) return rc;
    r->locale = opt->version >= 2 ? opt->locale : NULL;
    r->own_group = opt->thousands_separator;
    r->flags = opt->flags;
    r->width = opt->line_width ? opt->line_width : 72;
    r->nf.group = group;
    r->nf.currency = "";
    r->has_time = opt->generated_at != SKPI_RENDER_NO_TIME;
    r->generated_at = opt->generated_at;
    if (r->has_time) {
        if (opt->generated_at < skpi_time_min() || opt->generated_at > skpi_time_max())
            return skpi__error(SKPI_ERANGE, "skpi_render: options.generated_at is outside years 1 to 9999");
        rc = skpi_time_format(r->time_iso, sizeof r->time_iso, opt->generated_at, opt->utc_offset_minutes);
        if (rc != SKPI_OK)
            return skpi__error(SKPI_ERANGE, "skpi_render: options.generated_at cannot be shown at that offset");
        human_time(r->time_human, sizeof r->time_human, r->time_iso);
    }
    return SKPI_OK;
}

int skpi__render_check_sink(const skpi_sink *sink, const char *fn)
{
    if (sink == NULL) return skpi__error(SKPI_EMISUSE, "%s: sink is NULL", fn);
    if (sink->version != SKPI_SINK_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: sink version %u is unknown (this library knows %d)",
                           fn, sink->version, SKPI_SINK_VERSION);
    if (sink->write == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: the sink has no write callback (closed already?)", fn);
    return SKPI_OK;
}

/* Dispatch of skpi_render(): fmt points at the format. */
static void render_format(skpi__render *r, const void *fmt)
{
    switch (*(const int *)fmt) {
    case SKPI_FORMAT_MARKDOWN: skpi__render_markdown(r); break;
    case SKPI_FORMAT_HTML: skpi__render_html(r); break;
    case SKPI_FORMAT_JSON: skpi__render_json(r); break;
    case SKPI_FORMAT_CSV: skpi__render_csv(r); break;
#ifdef SKPI_WITH_PDF
    case SKPI_FORMAT_PDF: skpi__render_pdf(r); break;
#endif
#ifdef SKPI_WITH_XLSX
    case SKPI_FORMAT_XLSX: skpi__render_xlsx(r); break;
#endif
    default: skpi__render_text(r); break;
    }
}

int skpi__render_run(const skpi_doc *doc, const skpi_render_options *options, skpi_sink *sink,
                     int checked, void (*body)(skpi__render *r, const void *ctx), const void *ctx)
{
    bool keep_open = options != NULL && options->version >= 1 &&
                     (options->flags & SKPI_RENDER_KEEP_SINK_OPEN);
    skpi__render *r = NULL;
    int rc = checked;
    if (rc == SKPI_OK && doc == NULL) {
        rc = skpi__error(SKPI_EMISUSE, "skpi_render: doc is NULL");
    } else if (rc == SKPI_OK && (r = skpi__calloc(1, sizeof *r)) == NULL) {
        rc = skpi__nomem();
    } else if (rc == SKPI_OK) {
        rc = setup(r, options);
    }
    if (rc == SKPI_OK) {
        r->doc = doc;
        r->nf.currency = skpi_doc_currency(doc);
        const char *locale = r->locale ? r->locale : skpi_doc_locale(doc);
        /* JSON and CSV write plain numbers and never use r->nf: the
         * locale shapes the human formats only */
        if (locale)
            rc = skpi__locnum_open(&r->nf.loc, locale, r->own_group, skpi_doc_currency(doc),
                                   r->locale ? "skpi_render: options.locale" : "skpi_render: the document's locale");
    }
    if (rc == SKPI_OK) {
        r->na = skpi__strdup(skpi__word(r, SKPI_TPL_NOT_AVAILABLE, NULL));
        r->nf.na = r->na;
        if (r->na == NULL || r->out.err != SKPI_OK) rc = skpi__nomem();
    }
    if (rc == SKPI_OK) {
        r->out.sink = sink;
        rc = skpi__locale_enter(&r->out.host_locale);
        if (rc == SKPI_OK) {
            body(r, ctx);
            skpi__out_flush(&r->out);
            skpi__locale_leave(r->out.host_locale);
            rc = r->out.err;
        }
    }
    if (r) {
        skpi__text_free(&r->words);
        skpi__text_free(&r->joined);
        skpi__free(r->na);
        skpi__locnum_close(r->nf.loc);
        skpi__text_breaker_free(r->breaker);
    }
    skpi__free(r);
    if (!keep_open) {
        if (rc == SKPI_OK) return skpi_sink_close(sink);
        /* Closing after a failure must not replace the first error's message. */
        char msg[512];
        snprintf(msg, sizeof msg, "%s", skpi_last_error());
        if (skpi_sink_close(sink) != SKPI_OK) skpi_error_set(msg);
    }
    return rc;
}

int skpi_render(const skpi_doc *doc, int format, const skpi_render_options *options, skpi_sink *sink)
{
    int rc = skpi__render_check_sink(sink, "skpi_render");
    if (rc != SKPI_OK) return rc;
    if (doc != NULL && (format < SKPI_FORMAT_MARKDOWN || format > LAST_FORMAT))
        rc = skpi__error(SKPI_EINVAL, "skpi_render: format %d is not an skpi_format", format);
    else if (doc != NULL && !skpi_render_supported(format))
        rc = skpi__error(SKPI_EUNSUPPORTED,
                         "skpi_render: this library was built without %s output (build option %s is OFF)",
                         format_names[format], format_option(format));
    return skpi__render_run(doc, options, sink, rc, render_format, &format);
}
