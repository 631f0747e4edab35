/* The Teams flavour of a digest: an Office 365 connector message card
 * (JSON). Teams reads card text as Markdown, so each text is
 * Markdown-escaped first and then written as a JSON string. */
#include "render/digest.h"

#include <string.h>

/* Start gathering one JSON string's Markdown text. */
static void md_begin(skpi__digest *d)
{
    skpi_buffer_reset(&d->scratch);
    d->md.len = 0;
}

/* Write what was gathered as a JSON string. */
static void md_end(skpi__digest *d)
{
    skpi__out_flush(&d->md);
    if (d->md.err != SKPI_OK) {
        skpi__out_fail(&d->r->out, d->md.err);
        return;
    }
    skpi__esc_json(&d->r->out, d->scratch.data ? d->scratch.data : "");
}

static void json_md(skpi__digest *d, const char *s, bool line_start)
{
    md_begin(d);
    skpi__esc_md(&d->md, s, line_start);
    md_end(d);
}

static void raw(skpi__digest *d, const char *s) { skpi__out_str(&d->r->out, s); }

static void fact(skpi__digest *d, bool first, const char *name, const char *value)
{
    raw(d, first ? "{\"name\":" : ",{\"name\":");
    json_md(d, name, false);
    raw(d, ",\"value\":");
    json_md(d, value, false);
    raw(d, "}");
}

static void section_start(skpi__digest *d, const char *title)
{
    raw(d, d->sections++ ? ",{\"title\":" : "{\"title\":");
    json_md(d, title, true);
}

static void facts(skpi__digest *d)
{
    char name[512], value[512];
    for (int sec = 0; sec < SKPI__DIGEST_SECTIONS; sec++) {
        const char *title = NULL;
        size_t n = skpi__digest_lines(d, sec, &title);
        if (n == 0) continue;
        section_start(d, title);
        raw(d, ",\"facts\":[");
        for (size_t i = 0; i < n; i++) {
            skpi__digest_line(d, sec, i, name, sizeof name, value, sizeof value);
            fact(d, i == 0, name, value);
        }
        raw(d, "]}");
    }
}

/* The headline: the subtitle and the first paragraph, as two paragraphs. */
static void text(skpi__digest *d)
{
    md_begin(d);
    if (d->subtitle[0]) skpi__esc_md(&d->md, d->subtitle, true);
    size_t n = 0;
    if (d->has_headline && skpi_doc_block_size(&n, d->r->doc, d->headline) == SKPI_OK) {
        if (d->subtitle[0]) skpi__out_str(&d->md, "\n\n");
        for (size_t i = 0; i < n; i++) {
            int style = 0;
            const char *span = NULL;
            if (skpi_doc_span(&style, &span, d->r->doc, d->headline, i) == SKPI_OK)
                skpi__esc_md(&d->md, span, i == 0);
        }
    }
    md_end(d);
}

void skpi__digest_teams(skpi__digest *d)
{
    skpi_buffer empty = SKPI_BUFFER_INIT;
    d->scratch = empty;
    int rc = skpi_sink_memory(&d->scratch_sink, &d->scratch);
    if (rc != SKPI_OK) { skpi__out_fail(&d->r->out, rc); return; }
    d->md.sink = &d->scratch_sink;
    d->md.host_locale = d->r->out.host_locale;
    const char *title = d->title[0] ? d->title : skpi__word(d->r, SKPI_TPL_UNTITLED, NULL);
    raw(d, "{\"@type\":\"MessageCard\",\"@context\":\"https://schema.org/extensions\",\"summary\":");
    json_md(d, title, true);
    raw(d, ",\"title\":");
    json_md(d, title, true);
    raw(d, ",\"text\":");
    text(d);
    raw(d, ",\"sections\":[");
    facts(d);
    if (d->alert) {
        section_start(d, skpi__word(d->r, SKPI_TPL_CALLOUT_ALERT, NULL));
        raw(d, ",\"text\":");
        json_md(d, d->alert, true);
        raw(d, "}");
    }
    if (d->next_step) {
        section_start(d, d->next_name);
        raw(d, ",\"text\":");
        json_md(d, d->next_step, true);
        raw(d, "}");
    }
    raw(d, "]");
    if (d->link) {
        raw(d, ",\"potentialAction\":[{\"@type\":\"OpenUri\",\"name\":");
        skpi__esc_json(&d->r->out, d->link_text);
        raw(d, ",\"targets\":[{\"os\":\"default\",\"uri\":");
        skpi__esc_json(&d->r->out, d->link);
        raw(d, "}]}]");
    }
    raw(d, "}\n");
}
