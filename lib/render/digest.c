/* skpi_render_digest(): options, the figures of each line, and the plain
 * text, Markdown and Slack flavours (Teams: digest_teams.c). */
#include "render/digest.h"

#include <stdio.h>
#include <string.h>

int skpi_digest_options_init(skpi_digest_options *options, unsigned version)
{
    if (options == NULL) return skpi__error(SKPI_EMISUSE, "skpi_digest_options_init: options is NULL");
    if (version != SKPI_DIGEST_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_digest_options_init: version %u is unknown (this "
                           "library knows %d)", version, SKPI_DIGEST_OPTIONS_VERSION);
    skpi_digest_options init = SKPI_DIGEST_OPTIONS_INIT;
    *options = init;
    return SKPI_OK;
}

const char *skpi_digest_flavour_name(int flavour)
{
    static const char *const names[] = { "text", "markdown", "slack", "teams" };
    return flavour >= SKPI_DIGEST_TEXT && flavour <= SKPI_DIGEST_TEAMS ? names[flavour] : NULL;
}

static bool has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F) return true;
    return false;
}

static int check_options(skpi__digest *d, const skpi_digest_options *o)
{
    static const char what[] = "skpi_render_digest";
    skpi_digest_options def = SKPI_DIGEST_OPTIONS_INIT;
    if (o == NULL) o = &def;
    if (o->version < 1 || o->version > SKPI_DIGEST_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: options version %u is unknown (this library knows %d)",
                           what, o->version, SKPI_DIGEST_OPTIONS_VERSION);
    if (skpi_digest_flavour_name(o->flavour) == NULL)
        return skpi__error(SKPI_EINVAL, "%s: flavour %d is not text (0), markdown (1), slack (2) or "
                           "teams (3)", what, o->flavour);
    if (o->figures > SKPI__DIGEST_MAX_FIGURES)
        return skpi__error(SKPI_ERANGE, "%s: figures is %u; a digest shows 1 to %d metrics (0: 5)",
                           what, o->figures, SKPI__DIGEST_MAX_FIGURES);
    if (o->link != NULL && (strncmp(o->link, "http://", 7) != 0 && strncmp(o->link, "https://", 8) != 0))
        return skpi__error(SKPI_EINVAL, "%s: the link to the full report must start with http:// or "
                           "https://", what);
    if (o->link != NULL && !skpi__url_is_safe(o->link))
        return skpi__error(SKPI_EINVAL, "%s: the link to the full report holds a space, quote, angle "
                           "bracket, backslash, backquote or non-ASCII byte; percent-encode it", what);
    if (o->link_text != NULL && (o->link_text[0] == '\0' || has_control(o->link_text)))
        return skpi__error(SKPI_EINVAL, "%s: the link text is empty or holds a control character", what);
    if (o->next_steps_heading != NULL && o->next_steps_heading[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%s: the next-steps heading is empty", what);
    d->flavour = o->flavour;
    d->figures = o->figures ? o->figures : 5;
    d->link = o->link;
    d->link_text = o->link_text ? o->link_text : "Full report";
    d->next_heading = o->next_steps_heading ? o->next_steps_heading
                                            : skpi_template_default(SKPI_TPL_HEADING_NEXT_STEPS);
    return SKPI_OK;
}

/* ---- the figures of one line ------------------------------------------- */

static void figure(skpi__digest *d, size_t row, char *name, size_t name_size, char *value,
                   size_t value_size)
{
    skpi__render *r = d->r;
    skpi_doc_kpi_row k = SKPI_DOC_KPI_ROW_INIT;
    const char *cmp = NULL, *cmp2 = NULL;
    if (skpi_doc_kpi_row_get(&k, r->doc, d->kpis, row) != SKPI_OK ||
        skpi_doc_kpi_table_comparisons(&cmp, &cmp2, r->doc, d->kpis) != SKPI_OK) {
        name[0] = value[0] = '\0';
        return;
    }
    if (k.channel != NULL && k.channel[0] != '\0') snprintf(name, name_size, "%s (%s)", k.label, k.channel);
    else snprintf(name, name_size, "%s", k.label);
    skpi__kpi_cells c;
    skpi__kpi_format(&c, r, &k);
    skpi_value change = k.unit == SKPI_UNIT_PERCENT ? k.change_points : k.change_percent;
    bool moved = change.availability == SKPI_AVAILABLE || change.availability == SKPI_PARTIAL;
    if (!moved) {
        snprintf(value, value_size, "%s", c.value);
        return;
    }
    const char *versus = skpi__word(r, SKPI_TPL_KPI_VERSUS, "change",
                                    k.unit == SKPI_UNIT_PERCENT ? c.change : c.percent,
                                    "comparison", cmp, "previous", c.previous, NULL);
    snprintf(value, value_size, "%s (%s)", c.value, versus);
}

static void goal(skpi__digest *d, size_t goal, char *name, size_t name_size, char *value, size_t size)
{
    skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
    if (skpi_doc_goal_get(&g, d->r->doc, d->goals, goal) != SKPI_OK) return;
    snprintf(name, name_size, "%s", g.name);
    const char *status = g.status_label ? g.status_label : g.status;
    skpi__goal_cells c;
    skpi__goal_format(&c, d->r, &g);
    if (g.progress.availability == SKPI_AVAILABLE || g.progress.availability == SKPI_PARTIAL)
        snprintf(value, size, "%s (%s)", status, c.progress);
    else snprintf(value, size, "%s", status);
}

static void objective(skpi__digest *d, size_t objective, char *name, size_t name_size, char *value,
                      size_t size)
{
    skpi_doc_objective o = SKPI_DOC_OBJECTIVE_INIT;
    size_t krs = 0;
    if (skpi_doc_objective_get(&o, &krs, d->r->doc, d->okrs, objective) != SKPI_OK) return;
    snprintf(name, name_size, "%s", o.title);
    char score[32];
    skpi__fmt_score(score, sizeof score, &d->r->nf, o.score.value);
    const char *band = o.band_label ? o.band_label : o.band;
    const char *words = skpi__word(d->r, SKPI_TPL_OKR_SCORE, "score", score, NULL);
    if (band != NULL) snprintf(value, size, "%s, %s", words, band);
    else snprintf(value, size, "%s", words);
}

size_t skpi__digest_lines(skpi__digest *d, int section, const char **name)
{
    size_t n = 0;
    switch (section) {
    case SKPI__DIGEST_KPIS: *name = d->kpi_name; return d->nrows;
    case SKPI__DIGEST_GOALS:
        *name = d->goals_name;
        return d->has_goals && skpi_doc_block_size(&n, d->r->doc, d->goals) == SKPI_OK ? n : 0;
    default:
        *name = d->okrs_name;
        return d->has_okrs && skpi_doc_block_size(&n, d->r->doc, d->okrs) == SKPI_OK ? n : 0;
    }
}

void skpi__digest_line(skpi__digest *d, int section, size_t i, char *name, size_t name_size,
                       char *value, size_t value_size)
{
    name[0] = value[0] = '\0';
    if (section == SKPI__DIGEST_KPIS) figure(d, d->rows[i], name, name_size, value, value_size);
    else if (section == SKPI__DIGEST_GOALS) goal(d, i, name, name_size, value, value_size);
    else objective(d, i, name, name_size, value, value_size);
}

/* ---- plain text, Markdown and Slack ------------------------------------ */

/* Slack mrkdwn: & < > as entities (Slack's only escapes), line breaks as
 * spaces, other control and bidi characters dropped, invalid UTF-8 as U+FFFD. */
static void esc_slack(skpi__out *o, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    while (n > 0) {
        uint32_t cp;
        size_t len = skpi__utf8_next(p, n, &cp);
        if (cp == '&') skpi__out_str(o, "&amp;");
        else if (cp == '<') skpi__out_str(o, "&lt;");
        else if (cp == '>') skpi__out_str(o, "&gt;");
        else if (cp == '\n' || cp == '\r' || cp == '\t') skpi__out_char(o, ' ');
        else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x061C || cp == 0x200E ||
                 cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            /* dropped */
        } else if (cp == 0xFFFD && !(len == 3 && p[0] == 0xEF)) skpi__out_str(o, "\xEF\xBF\xBD");
        else skpi__out_write(o, (const char *)p, len);
        p += len;
        n -= len;
    }
}

static void put(skpi__digest *d, const char *s, bool line_start)
{
    skpi__out *o = &d->r->out;
    switch (d->flavour) {
    case SKPI_DIGEST_MARKDOWN: skpi__esc_md(o, s, line_start); break;
    case SKPI_DIGEST_SLACK: esc_slack(o, s); break;
    default: skpi__esc_text(o, s); break;
    }
}

static void raw(skpi__digest *d, const char *s) { skpi__out_str(&d->r->out, s); }

static void strong(skpi__digest *d)
{
    if (d->flavour == SKPI_DIGEST_MARKDOWN) raw(d, "**");
    else if (d->flavour == SKPI_DIGEST_SLACK) raw(d, "*");
}

/* A section name on a line of its own, a blank line before it. */
static void section(skpi__digest *d, const char *name)
{
    raw(d, "\n");
    strong(d);
    put(d, name, true);
    strong(d);
    raw(d, d->flavour == SKPI_DIGEST_MARKDOWN ? "\n\n" : "\n");
}

static void item(skpi__digest *d, const char *name, const char *value)
{
    raw(d, d->flavour == SKPI_DIGEST_SLACK ? "\xE2\x80\xA2 " : "- ");
    put(d, name, false);
    raw(d, ": ");
    put(d, value, false);
    raw(d, "\n");
}

/* "Alert: text" and "Next steps: text" lines: the label strong. */
static void labelled(skpi__digest *d, const char *label, const char *text)
{
    strong(d);
    put(d, label, true);
    raw(d, ":");
    strong(d);
    raw(d, " ");
    put(d, text, false);
    raw(d, d->flavour == SKPI_DIGEST_MARKDOWN ? "\n\n" : "\n");
}

static void headline(skpi__digest *d)
{
    size_t n = 0;
    if (skpi_doc_block_size(&n, d->r->doc, d->headline) != SKPI_OK) return;
    for (size_t i = 0; i < n; i++) {
        int style = 0;
        const char *text = NULL;
        if (skpi_doc_span(&style, &text, d->r->doc, d->headline, i) == SKPI_OK) put(d, text, i == 0);
    }
    raw(d, "\n");
}

static void lines(skpi__digest *d)
{
    char name[512], value[512];
    for (int sec = 0; sec < SKPI__DIGEST_SECTIONS; sec++) {
        const char *title = NULL;
        size_t n = skpi__digest_lines(d, sec, &title);
        if (n == 0) continue;
        section(d, title);
        for (size_t i = 0; i < n; i++) {
            skpi__digest_line(d, sec, i, name, sizeof name, value, sizeof value);
            item(d, name, value);
        }
    }
}

static void write_lines(skpi__digest *d)
{
    const char *title = d->title[0] ? d->title : skpi__word(d->r, SKPI_TPL_UNTITLED, NULL);
    strong(d);
    put(d, title, true);
    strong(d);
    raw(d, d->flavour == SKPI_DIGEST_MARKDOWN && d->subtitle[0] ? "  \n" : "\n");
    if (d->subtitle[0]) {
        put(d, d->subtitle, true);
        raw(d, "\n");
    }
    if (d->has_headline) {
        raw(d, "\n");
        headline(d);
    }
    lines(d);
    bool extra = d->alert || d->next_step || d->link;
    if (extra) raw(d, "\n");
    if (d->alert) {
        char label[128];
        snprintf(label, sizeof label, "%s", skpi__word(d->r, SKPI_TPL_CALLOUT_ALERT, NULL));
        labelled(d, label, d->alert);
    }
    if (d->next_step) labelled(d, d->next_name, d->next_step);
    if (d->link == NULL) return;
    switch (d->flavour) {
    case SKPI_DIGEST_MARKDOWN:
        raw(d, "[");
        put(d, d->link_text, false);
        raw(d, "](<");
        skpi__esc_md_url(&d->r->out, d->link);
        raw(d, ">)\n");
        break;
    case SKPI_DIGEST_SLACK:
        /* Slack links: <url|text>; the url is checked safe, '|' excluded */
        raw(d, "<");
        esc_slack(&d->r->out, d->link);
        raw(d, "|");
        put(d, d->link_text, false);
        raw(d, ">\n");
        break;
    default:
        put(d, d->link_text, true);
        raw(d, ": ");
        raw(d, d->link);
        raw(d, "\n");
        break;
    }
}

static void render_digest(skpi__render *r, const void *ctx)
{
    skpi__digest *d = (skpi__digest *)ctx;
    d->r = r;
    skpi__digest_collect(d, r->doc);
    if (d->flavour == SKPI_DIGEST_TEAMS) skpi__digest_teams(d);
    else write_lines(d);
}

int skpi_render_digest(const skpi_doc *doc, const skpi_digest_options *options,
                       const skpi_render_options *render, skpi_sink *sink)
{
    int rc = skpi__render_check_sink(sink, "skpi_render_digest");
    if (rc != SKPI_OK) return rc;
    skpi__digest *d = skpi__calloc(1, sizeof *d);
    if (d == NULL) rc = skpi__nomem();
    if (rc == SKPI_OK && doc != NULL) rc = check_options(d, options);
    if (rc == SKPI_OK && d->link != NULL && strchr(d->link, '|') != NULL)
        rc = skpi__error(SKPI_EINVAL, "skpi_render_digest: the link to the full report holds '|'; "
                         "percent-encode it as %%7C");
    rc = skpi__render_run(doc, render, sink, rc, render_digest, d);
    if (d) skpi_buffer_reset(&d->scratch);
    skpi__free(d);
    return rc;
}
