/**
 * @file socialkpi/digest.h
 * @brief Digests: a short rendering of a document for chat messages and
 *        e-mail previews, in plain text, Markdown, Slack `mrkdwn` or a
 *        Microsoft Teams message card (JSON).
 *
 * A digest holds, in this order and each only when the document has it:
 * the title and subtitle; the headline (the document's first paragraph);
 * the first few metrics of the first KPI table with their change against
 * the first comparison; one line per goal (status and progress) and per
 * objective (score and band); the top alert (the first alert callout); the
 * next step (the first item of the list under the next-steps heading); and
 * a link to the full report when the options give one.
 *
 * The digest reads the document through the public getters of doc.h only:
 * a document a host built itself gives a digest the same way an assembled
 * one does. Section names come from the document's own headings (the one
 * above the KPI table, the goals and the objectives), so a translated
 * report gives a translated digest; the words the digest adds itself are
 * the document's renderer words (skpi_doc_text()) and
 * ::skpi_digest_options.link_text. docs/delivery.md shows each flavour.
 *
 * Escaping follows the flavour: Markdown-escaped in Markdown, `&`, `<` and
 * `>` as entities in Slack `mrkdwn`, JSON strings (their text also
 * Markdown-escaped, since Teams reads card text as Markdown) in the Teams
 * card. In every flavour invalid UTF-8 becomes U+FFFD, line breaks become
 * spaces, and no other control character reaches the output.
 */
#ifndef SOCIALKPI_DIGEST_H
#define SOCIALKPI_DIGEST_H

#include "socialkpi/common.h"
#include "socialkpi/doc.h"
#include "socialkpi/sink.h"

#ifdef __cplusplus
extern "C" {
#endif

struct skpi_render_options;

/** @brief Flavours of a digest. Values are fixed for ever. */
typedef enum skpi_digest_flavour {
    SKPI_DIGEST_TEXT = 0,     /**< plain UTF-8 text, one fact a line */
    SKPI_DIGEST_MARKDOWN = 1, /**< GitHub-flavoured Markdown */
    SKPI_DIGEST_SLACK = 2,    /**< Slack `mrkdwn` text (the `text` of a Slack message) */
    SKPI_DIGEST_TEAMS = 3     /**< a Microsoft Teams (Office 365 connector) message card, JSON */
} skpi_digest_flavour;

/**
 * @brief Options of skpi_render_digest().
 *
 * Versioned struct: set `version` to ::SKPI_DIGEST_OPTIONS_VERSION (or use
 * ::SKPI_DIGEST_OPTIONS_INIT / skpi_digest_options_init()). It only grows at
 * its end.
 */
typedef struct skpi_digest_options {
    unsigned version; /**< ::SKPI_DIGEST_OPTIONS_VERSION */
    int flavour;      /**< an ::skpi_digest_flavour; ::SKPI_DIGEST_TEXT by default */
    /**
     * How many metrics of the KPI table to show, 1 to 10; 0 means 5. Only
     * metric rows count (not their per-channel breakdown lines).
     */
    unsigned figures;
    /** A link to the full report (http: or https:); NULL for none. Borrowed for the call. */
    const char *link;
    /** The words of the link; NULL means "Full report". Borrowed for the call. */
    const char *link_text;
    /**
     * The heading under which the next steps are listed; NULL means the
     * default text of ::SKPI_TPL_HEADING_NEXT_STEPS ("Next steps"). Set it
     * when the report replaced that template. Borrowed for the call.
     */
    const char *next_steps_heading;
} skpi_digest_options;

/** @brief The current version of ::skpi_digest_options. */
#define SKPI_DIGEST_OPTIONS_VERSION 1
/** @brief Static initializer for ::skpi_digest_options: plain text, 5 figures, no link. */
#define SKPI_DIGEST_OPTIONS_INIT { SKPI_DIGEST_OPTIONS_VERSION, SKPI_DIGEST_TEXT, 0u, NULL, NULL, NULL }

/**
 * @brief Initialise digest options to their defaults.
 * @param options the struct to fill
 * @param version ::SKPI_DIGEST_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION
 */
SKPI_API int skpi_digest_options_init(skpi_digest_options *options, unsigned version);

/**
 * @brief Render a document's digest to a sink.
 *
 * The sink is written and closed as skpi_render() does (render.h): closed
 * at the end, whether the digest succeeded or not, unless `render` carries
 * ::SKPI_RENDER_KEEP_SINK_OPEN. Of the render options, the flags and the
 * thousands separator apply; a digest shows no "generated at" time.
 * @param doc     the document; only read
 * @param options the digest options, or NULL for the defaults
 * @param render  render options, or NULL for the defaults
 * @param sink    where the digest goes
 * @return SKPI_OK; SKPI_EMISUSE (NULL doc or sink); SKPI_EVERSION (unknown
 *         options or sink version); SKPI_EINVAL (unknown flavour, a link
 *         that is not a plain http: or https: address, a link text with a
 *         control character; the message names the option); SKPI_ERANGE
 *         (figures above 10); SKPI_ECALLBACK, SKPI_EIO, SKPI_ENOMEM as in
 *         skpi_render()
 */
SKPI_API int skpi_render_digest(const skpi_doc *doc, const skpi_digest_options *options,
                                const struct skpi_render_options *render, skpi_sink *sink);

/**
 * @brief The name of a digest flavour: "text", "markdown", "slack", "teams".
 * @param flavour an ::skpi_digest_flavour
 * @return a static string; NULL for an unknown flavour
 */
SKPI_API const char *skpi_digest_flavour_name(int flavour);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_DIGEST_H */
