/* The HTML renderer: one self-contained, accessible, printable file. */
#include "render/html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S(r, s) skpi__out_str(&(r)->out, (s))
#define H(r, s) skpi__esc_html(&(r)->out, (s))

#define tone_cls skpi__html_tone
#define change_class skpi__html_change_class

/* Ends a class attribute and adds the column's name, which narrow screens
 * show beside the cell when the table reflows into one block per row. */
static void label_attr(skpi__render *r, const char *label)
{
    if (label && label[0]) { S(r, "\" data-label=\""); H(r, label); }
    S(r, "\"");
}

/* A heat map cell (skpi_doc_table_set_heat()): a blue shade as strong as
 * its heat, with white text on the darker half so it stays readable. */
static void heat_attr(skpi__render *r, const skpi__view *b, size_t row, size_t column)
{
    double h;
    if (skpi_doc_table_heat(&h, b->doc, b->index, row, column) != SKPI_OK || isnan(h)) return;
    char style[96];
    snprintf(style, sizeof style, " style=\"background:rgba(29,78,216,%.2f)%s\"", 0.08 + 0.82 * h,
             h > 0.55 ? ";color:#fff" : "");
    S(r, style);
}

static void value_td(skpi__render *r, skpi_value v, int unit, const char *label)
{
    char buf[64];
    skpi__fmt_value(buf, sizeof buf, &r->nf, v.value, unit);
    if (!isfinite(v.value)) {
        S(r, "<td class=\"num na");
        label_attr(r, label);
        S(r, " title=\"");
        H(r, skpi__availability_word(r, v.availability));
        S(r, "\">");
        H(r, skpi__na(&r->nf));
        S(r, "</td>");
        return;
    }
    S(r, "<td class=\"num");
    label_attr(r, label);
    S(r, ">");
    H(r, buf);
    if (v.availability == SKPI_PARTIAL) {
        S(r, "<abbr title=\"");
        H(r, skpi__word(r, SKPI_TPL_PARTIAL_NOTE, NULL));
        S(r, "\">*</abbr>");
    }
    S(r, "</td>");
}

static void change_tds(skpi__render *r, const skpi_doc_kpi_row *k, skpi_value change, skpi_value points,
                       skpi_value percent, char *const *labels)
{
    char buf[64];
    double basis = k->unit == SKPI_UNIT_PERCENT ? points.value : change.value;
    if (!isfinite(basis)) basis = percent.value;
    const char *cls = change_class(basis, k->direction);
    if (k->unit == SKPI_UNIT_PERCENT) skpi__fmt_points(buf, sizeof buf, &r->nf, points.value);
    else skpi__fmt_change(buf, sizeof buf, &r->nf, change.value, k->unit);
    double shown = k->unit == SKPI_UNIT_PERCENT ? points.value : change.value;
    for (int i = 0; i < 2; i++) {
        S(r, "<td class=\"num");
        if (!isfinite(shown)) S(r, " na");
        else if (cls) { S(r, " "); S(r, cls); }
        label_attr(r, labels[i]);
        S(r, ">");
        H(r, buf);
        S(r, "</td>");
        skpi__fmt_percent_change(buf, sizeof buf, &r->nf, percent.value);
        shown = percent.value;
    }
}

static void th_col(skpi__render *r, const char *text, bool num)
{
    S(r, num ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">");
    H(r, text);
    S(r, "</th>");
}

static void th_word(skpi__render *r, int key, bool num)
{
    th_col(r, skpi__word(r, key, NULL), num);
}

/* A word with one placeholder written inside markup: open, value, close. */
static void word_marked(skpi__render *r, int key, const char *name, const char *open, const char *value,
                        const char *close)
{
    char *t = skpi__strdup(skpi__word(r, key, name, "\x01", NULL));
    if (t == NULL) { skpi__out_fail(&r->out, skpi__nomem()); return; }
    /* \x01 marks each place of the value: escaped text between them */
    char *p = t, *mark;
    while ((mark = strchr(p, '\x01')) != NULL) {
        *mark = '\0';
        H(r, p);
        S(r, open);
        H(r, value);
        S(r, close);
        p = mark + 1;
    }
    H(r, p);
    skpi__free(t);
}

static void caption(skpi__render *r, const char *title)
{
    if (!title) return;
    S(r, "<caption>");
    H(r, title);
    S(r, "</caption>");
}

static void kpi_table(skpi__render *r, const skpi__view *b)
{
    bool two = b->comparison2 != NULL;
    S(r, "<table class=\"kpi reflow\">");
    caption(r, b->title);
    S(r, "<thead><tr>");
    th_word(r, SKPI_TPL_COLUMN_METRIC, false);
    th_word(r, SKPI_TPL_COLUMN_VALUE, true);
    th_col(r, b->comparison, true);
    th_word(r, SKPI_TPL_COLUMN_CHANGE, true);
    th_word(r, SKPI_TPL_COLUMN_CHANGE_PERCENT, true);
    if (two) {
        th_col(r, b->comparison2, true);
        th_word(r, SKPI_TPL_COLUMN_CHANGE, true);
        th_word(r, SKPI_TPL_COLUMN_CHANGE_PERCENT, true);
    }
    th_word(r, SKPI_TPL_COLUMN_TREND, false);
    S(r, "</tr></thead>\n<tbody>\n");
    /* the column names again, for the reflowed cells */
    char *words[3] = { skpi__strdup(skpi__word(r, SKPI_TPL_COLUMN_VALUE, NULL)),
                       skpi__strdup(skpi__word(r, SKPI_TPL_COLUMN_CHANGE, NULL)),
                       skpi__strdup(skpi__word(r, SKPI_TPL_COLUMN_CHANGE_PERCENT, NULL)) };
    if (!words[0] || !words[1] || !words[2]) skpi__out_fail(&r->out, skpi__nomem());
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_kpi_row kpi = skpi__kpi_row_at(b, i), *k = &kpi;
        S(r, k->level ? "<tr class=\"sub\"><th scope=\"row\">" : "<tr><th scope=\"row\">");
        H(r, k->label);
        if (k->channel && k->level == 0) {
            S(r, " <span class=\"channel\">");
            H(r, k->channel);
            S(r, "</span>");
        }
        S(r, "</th>");
        value_td(r, k->value, k->unit, words[0]);
        value_td(r, k->previous, k->unit, b->comparison);
        change_tds(r, k, k->change, k->change_points, k->change_percent, words + 1);
        if (two) {
            value_td(r, k->previous2, k->unit, b->comparison2);
            change_tds(r, k, k->change2, k->change2_points, k->change2_percent, words + 1);
        }
        S(r, "<td class=\"trend\">");
        skpi__html_sparkline(r, k);
        S(r, "</td></tr>\n");
    }
    for (int w = 0; w < 3; w++) skpi__free(words[w]);
    S(r, "</tbody></table>\n");
    if (skpi__kpi_has_partial(b)) {
        S(r, "<p class=\"footnote\">* ");
        H(r, skpi__word(r, SKPI_TPL_PARTIAL_NOTE, NULL));
        S(r, ".</p>\n");
    }
}

static void table(skpi__render *r, const skpi__view *b)
{
    S(r, "<table class=\"reflow\">");
    caption(r, b->title);
    S(r, "<thead><tr>");
    for (size_t c = 0; c < b->columns; c++) th_col(r, b->headers[c], b->align[c] == SKPI_ALIGN_RIGHT);
    S(r, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const char *const *row = skpi__table_row_at(b, i);
        S(r, "<tr>");
        for (size_t c = 0; c < b->columns; c++) {
            /* The first column names the row. */
            if (c == 0) S(r, b->align[0] == SKPI_ALIGN_RIGHT ? "<th scope=\"row\" class=\"num\">" : "<th scope=\"row\">");
            else {
                S(r, b->align[c] == SKPI_ALIGN_RIGHT ? "<td class=\"num" : "<td class=\"");
                label_attr(r, b->headers[c]);
                heat_attr(r, b, i, c);
                S(r, ">");
            }
            H(r, row[c]);
            S(r, c == 0 ? "</th>" : "</td>");
        }
        S(r, "</tr>\n");
    }
    S(r, "</tbody></table>\n");
}

static void section_title(skpi__render *r, const char *title)
{
    if (!title) return;
    S(r, "<h3 class=\"block-title\">");
    H(r, title);
    S(r, "</h3>\n");
}

static void goals(skpi__render *r, const skpi__view *b)
{
    section_title(r, b->title);
    S(r, "<div class=\"cards\">\n");
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_goal goal = skpi__goal_at(b, i);
        skpi__goal_cells c;
        skpi__goal_format(&c, r, &goal);
        S(r, "<article class=\"card goal\"><h4>");
        H(r, goal.name);
        S(r, "</h4><p class=\"meta\"><span class=\"badge ");
        S(r, tone_cls(goal.tone));
        S(r, "\">");
        H(r, goal.status_label);
        S(r, "</span></p>");
        /* the owner on a line of its own, so that a role never breaks
         * away from its name beside the badge (as in the PDF card) */
        if (goal.owner) {
            S(r, "<p class=\"meta\">");
            H(r, skpi__word(r, SKPI_TPL_GOAL_OWNER, "owner", goal.owner, NULL));
            S(r, "</p>");
        }
        skpi__html_progress(r, goal.progress.value, goal.expected.value, goal.tone,
                            skpi__word(r, SKPI_TPL_GOAL_PROGRESS_LABEL, "progress", c.progress,
                                       "expected", c.expected, NULL));
        /* Figures that are not available are left out rather than shown as n/a. */
        if (isfinite(goal.progress.value)) {
            S(r, "<p class=\"meta\">");
            H(r, skpi__word(r, SKPI_TPL_COLUMN_PROGRESS, NULL));
            S(r, " <strong>");
            H(r, c.progress);
            S(r, "</strong>");
            if (isfinite(goal.expected.value)) {
                S(r, " \xC2\xB7 ");
                H(r, skpi__word(r, SKPI_TPL_GOAL_EXPECTED, "expected", c.expected, NULL));
            }
            S(r, "</p>");
        }
        const char *deadline = skpi__goal_deadline(&goal);
        if (isfinite(goal.current.value) || isfinite(goal.target.value) || deadline) {
            S(r, "<p class=\"meta\">");
            if (isfinite(goal.current.value) || isfinite(goal.target.value)) {
                H(r, skpi__word(r, SKPI_TPL_OF_TARGET, "current", c.current, "target", c.target, NULL));
                if (deadline) S(r, " \xC2\xB7 ");
            }
            if (deadline) H(r, skpi__word(r, SKPI_TPL_GOAL_BY_DEADLINE, "deadline", deadline, NULL));
            S(r, "</p>");
        }
        const char *forecast = skpi__goal_forecast_text(r, &goal, &c);
        if (forecast) { S(r, "<p class=\"meta\">"); H(r, forecast); S(r, "</p>"); }
        if (goal.caveat) { S(r, "<p class=\"caveat\">"); H(r, goal.caveat); S(r, "</p>"); }
        if (goal.note) { S(r, "<p class=\"meta\">"); H(r, goal.note); S(r, "</p>"); }
        S(r, "</article>\n");
    }
    S(r, "</div>\n");
}

static void objectives(skpi__render *r, const skpi__view *b)
{
    section_title(r, b->title);
    S(r, "<div class=\"okrs\">\n");
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi__objective_view obj = skpi__objective_at(b, i);
        char buf[64];
        if (obj.o.depth == 0) {
            S(r, "<article class=\"card objective\"><h4>");
        } else {
            char cls[64];
            snprintf(cls, sizeof cls, "<article class=\"card objective aligned depth%u\"><h4>",
                     obj.o.depth < 8 ? obj.o.depth : 8);
            S(r, cls);
        }
        H(r, obj.o.title);
        S(r, "</h4><p class=\"meta\">");
        if (obj.o.band_label) {
            S(r, "<span class=\"badge ");
            S(r, tone_cls(obj.o.tone));
            S(r, "\">");
            H(r, obj.o.band_label);
            S(r, "</span> ");
        }
        skpi__fmt_score(buf, sizeof buf, &r->nf, obj.o.score.value);
        word_marked(r, SKPI_TPL_OKR_SCORE, "score", "<strong>", buf, "</strong>");
        if (isfinite(obj.o.score_rounded.value)) {
            skpi__fmt_fixed(buf, sizeof buf, &r->nf, obj.o.score_rounded.value, 1);
            S(r, " (");
            H(r, skpi__word(r, SKPI_TPL_OKR_GRADED, "graded", buf, NULL));
            S(r, ")");
        }
        S(r, " \xC2\xB7 ");
        H(r, skpi__word(r, obj.o.aspirational ? SKPI_TPL_OKR_ASPIRATIONAL : SKPI_TPL_OKR_COMMITTED, NULL));
        if (obj.o.owner) {
            S(r, " \xC2\xB7 ");
            H(r, skpi__word(r, SKPI_TPL_OKR_OWNER, "owner", obj.o.owner, NULL));
        }
        S(r, "</p>");
        skpi__fmt_score(buf, sizeof buf, &r->nf, obj.o.score.value);
        skpi__html_progress(r, obj.o.score.value, NAN, obj.o.tone,
                            skpi__word(r, SKPI_TPL_OKR_SCORE_LABEL, "score", buf, NULL));
        if (obj.o.interpretation) { S(r, "<p>"); H(r, obj.o.interpretation); S(r, "</p>"); }
        if (obj.count > 0) {
            S(r, "<table class=\"reflow\"><thead><tr>");
            th_word(r, SKPI_TPL_COLUMN_KEY_RESULT, false);
            th_word(r, SKPI_TPL_COLUMN_SCORE, true);
            th_word(r, SKPI_TPL_COLUMN_START, true);
            th_word(r, SKPI_TPL_COLUMN_CURRENT, true);
            th_word(r, SKPI_TPL_COLUMN_TARGET, true);
            S(r, "</tr></thead><tbody>\n");
            for (size_t k = 0; k < obj.count; k++) {
                const skpi_doc_key_result kr_ = skpi__key_result_at(b, i, k), *kr = &kr_;
                S(r, "<tr><th scope=\"row\">");
                H(r, kr->title);
                if (kr->owner) {
                    S(r, "<br><span class=\"meta\">");
                    H(r, skpi__word(r, SKPI_TPL_GOAL_OWNER, "owner", kr->owner, NULL));
                    S(r, "</span>");
                }
                if (kr->note) { S(r, "<br><span class=\"meta\">"); H(r, kr->note); S(r, "</span>"); }
                S(r, "</th><td class=\"num ");
                S(r, tone_cls(kr->tone));
                label_attr(r, skpi__word(r, SKPI_TPL_COLUMN_SCORE, NULL));
                S(r, ">");
                skpi__fmt_score(buf, sizeof buf, &r->nf, kr->score.value);
                S(r, buf);
                S(r, "</td>");
                value_td(r, kr->start, kr->unit, skpi__word(r, SKPI_TPL_COLUMN_START, NULL));
                value_td(r, kr->current, kr->unit, skpi__word(r, SKPI_TPL_COLUMN_CURRENT, NULL));
                value_td(r, kr->target, kr->unit, skpi__word(r, SKPI_TPL_COLUMN_TARGET, NULL));
                S(r, "</tr>\n");
            }
            S(r, "</tbody></table>");
        }
        S(r, "</article>\n");
    }
    S(r, "</div>\n");
}

static void posts(skpi__render *r, const skpi__view *b)
{
    section_title(r, b->title);
    S(r, "<ol class=\"posts\">\n");
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_post post = skpi__post_at(b, i);
        char buf[64];
        S(r, "<li><p><strong>");
        H(r, post.channel);
        S(r, "</strong>");
        const char *day = skpi__post_day(&post);
        if (day) { S(r, " \xC2\xB7 "); H(r, day); }
        S(r, " \xC2\xB7 ");
        H(r, post.metric);
        S(r, " <strong>");
        skpi__fmt_value(buf, sizeof buf, &r->nf, post.value.value, post.unit);
        H(r, buf);
        S(r, "</strong>");
        if (isfinite(post.ratio.value)) {
            skpi__fmt_ratio(buf, sizeof buf, &r->nf, post.ratio.value);
            S(r, " (");
            H(r, skpi__word(r, SKPI_TPL_POST_RATIO, "ratio", buf, NULL));
            S(r, ")");
        }
        S(r, "</p>");
        if (post.text) {
            char excerpt[1024];
            skpi__excerpt(excerpt, sizeof excerpt, post.text, 280);
            S(r, "<p>");
            H(r, excerpt);
            S(r, "</p>");
        }
        if (post.url && skpi__url_is_safe(post.url)) {
            S(r, "<p class=\"meta\"><a rel=\"noopener noreferrer\" href=\"");
            H(r, post.url);
            S(r, "\">Open the post</a></p>");
        }
        S(r, "</li>\n");
    }
    S(r, "</ol>\n");
}

static void paragraph(skpi__render *r, const skpi__view *b)
{
    if (b->count == 0) return;
    S(r, "<p>");
    for (size_t i = 0; i < b->count; i++) {
        int style = SKPI_SPAN_PLAIN;
        const char *text = skpi__span_at(&style, b, i);
        const char *tag = style == SKPI_SPAN_STRONG ? "strong" : style == SKPI_SPAN_EMPHASIS ? "em" : NULL;
        if (tag) { S(r, "<"); S(r, tag); S(r, ">"); }
        H(r, text);
        if (tag) { S(r, "</"); S(r, tag); S(r, ">"); }
    }
    S(r, "</p>\n");
}

static void callout(skpi__render *r, const skpi__view *b)
{
    S(r, "<aside class=\"callout ");
    S(r, skpi__callout_key(b->level));
    S(r, "\" role=\"note\"><p><strong>");
    H(r, skpi__word(r, skpi__callout_tpl(b->level), NULL));
    if (b->title) { S(r, ": "); H(r, b->title); }
    S(r, "</strong></p><p>");
    H(r, b->text);
    S(r, "</p></aside>\n");
}

static void list(skpi__render *r, const skpi__view *b)
{
    if (b->count == 0) return;
    S(r, b->level ? "<ol>\n" : "<ul>\n");
    for (size_t k = 0; k < b->count; k++) {
        S(r, "<li>");
        H(r, skpi__list_item_at(b, k));
        S(r, "</li>\n");
    }
    S(r, b->level ? "</ol>\n" : "</ul>\n");
}

static void block(skpi__render *r, const skpi__view *b, size_t i)
{
    switch (b->kind) {
    case SKPI_BLOCK_HEADING: {
        char tag[16];
        snprintf(tag, sizeof tag, "h%d>", b->level + 1);
        S(r, "<"); S(r, tag);
        H(r, b->title);
        S(r, "</"); S(r, tag); S(r, "\n");
        break;
    }
    case SKPI_BLOCK_PARAGRAPH: paragraph(r, b); break;
    case SKPI_BLOCK_KPI_TABLE: kpi_table(r, b); break;
    case SKPI_BLOCK_TABLE: table(r, b); break;
    case SKPI_BLOCK_CHART: skpi__html_chart(r, b, i); break;
    case SKPI_BLOCK_GOALS: goals(r, b); break;
    case SKPI_BLOCK_OBJECTIVES: objectives(r, b); break;
    case SKPI_BLOCK_POSTS: posts(r, b); break;
    case SKPI_BLOCK_CALLOUT: callout(r, b); break;
    case SKPI_BLOCK_LIST: list(r, b); break;
    default: break;
    }
}

static void blocks(skpi__render *r, size_t from, size_t to)
{
    skpi__view view;
    for (size_t i = from; i < to && r->out.err == SKPI_OK; i++) {
        skpi__view_get(&view, r->doc, i);
        block(r, &view, i);
    }
}

static int kind_of(const skpi_doc *d, size_t i)
{
    int kind = -1;
    return skpi_doc_block_kind(&kind, d, i) == SKPI_OK ? kind : -1;
}

/* Whether block i starts a section: a heading of level 1. */
static bool starts_section(const skpi_doc *d, size_t i)
{
    int level = 0;
    return kind_of(d, i) == SKPI_BLOCK_HEADING && skpi_doc_heading_level(&level, d, i) == SKPI_OK && level == 1;
}

static const char *title_of(const skpi_doc *d, size_t i)
{
    const char *t = NULL;
    return skpi_doc_block_title(&t, d, i) == SKPI_OK ? t : NULL;
}

/* Whether a section (blocks from..to) only tells: paragraphs, callouts and
 * lists under its heading, as the summary, wins, alerts and next steps do. */
static bool tells(const skpi_doc *d, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        int kind = kind_of(d, i);
        if (kind != SKPI_BLOCK_HEADING && kind != SKPI_BLOCK_PARAGRAPH && kind != SKPI_BLOCK_CALLOUT &&
            kind != SKPI_BLOCK_LIST)
            return false;
    }
    return true;
}

/* The end of the section that starts at block i: the next heading of
 * level 1 (a section), or the end of the document. */
static size_t section_end(const skpi_doc *d, size_t i, size_t n)
{
    for (size_t j = i + 1; j < n; j++)
        if (starts_section(d, j)) return j;
    return n;
}

/* The executive page: tiles of the first KPI table, the goals and OKRs at a
 * glance, then the sections that tell the story (summary, wins, alerts,
 * next steps), then the others as detail, each group in the document's
 * order. */
static void executive(skpi__render *r)
{
    const skpi_doc *d = r->doc;
    size_t n = skpi_doc_block_count(d);
    size_t *scored = skpi__reallocarray(NULL, n ? n : 1, sizeof *scored);
    if (scored == NULL) { skpi__out_fail(&r->out, skpi__nomem()); return; }
    size_t nscored = 0, kpis = n;
    skpi__text title = { 0 };
    const char *last_heading = NULL;
    for (size_t i = 0; i < n; i++) {
        int kind = kind_of(d, i);
        if (starts_section(d, i)) last_heading = title_of(d, i);
        if (kind == SKPI_BLOCK_KPI_TABLE && kpis == n) kpis = i;
        if (kind != SKPI_BLOCK_GOALS && kind != SKPI_BLOCK_OBJECTIVES) continue;
        /* the glance's heading: the sections' headings the blocks sit under */
        const char *h = title_of(d, i);
        if (h == NULL || !h[0]) h = last_heading;
        if (h && h[0] && (title.buf == NULL || strstr(title.buf, h) == NULL)) {
            if (title.len) skpi__text_put(&title, " \xC2\xB7 ", 4);
            skpi__text_put(&title, h, strlen(h));
        }
        scored[nscored++] = i;
    }
    if (title.err != SKPI_OK) skpi__out_fail(&r->out, title.err);
    if (kpis < n) {
        skpi__view view;
        skpi__view_get(&view, d, kpis);
        skpi__html_tiles(r, &view);
    }
    if (nscored) skpi__html_glance(r, title.buf, scored, nscored);
    skpi__text_free(&title);
    skpi__free(scored);
    for (int pass = 0; pass < 2; pass++) {
        S(r, pass == 0 ? "<div class=\"story\">\n" : "<div class=\"detail\">\n");
        for (size_t i = 0; i < n && r->out.err == SKPI_OK;) {
            size_t end = section_end(d, i, n);
            if (tells(d, i, end) == (pass == 0)) blocks(r, i, end);
            i = end;
        }
        S(r, "</div>\n");
    }
}

void skpi__render_html(skpi__render *r)
{
    const skpi_doc *d = r->doc;
    S(r, "<!DOCTYPE html>\n<html lang=\"");
    H(r, skpi_doc_language(d));
    S(r, "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"socialkpi\">\n<title>");
    H(r, skpi_doc_title(d)[0] ? skpi_doc_title(d) : skpi__word(r, SKPI_TPL_UNTITLED, NULL));
    S(r, "</title>\n<style>\n");
    S(r, skpi__html_css);
    if (r->flags & SKPI_RENDER_HTML_PRINT_DATA) S(r, skpi__html_css_print_data);
    S(r, "</style>\n</head>\n<body>\n<main>\n");
    const char *zone = skpi_doc_time_zone(d);
    if (skpi_doc_title(d)[0] || skpi_doc_subtitle(d)[0] || zone) {
        S(r, "<header>");
        if (skpi_doc_title(d)[0]) { S(r, "<h1>"); H(r, skpi_doc_title(d)); S(r, "</h1>"); }
        if (skpi_doc_subtitle(d)[0]) { S(r, "<p class=\"subtitle\">"); H(r, skpi_doc_subtitle(d)); S(r, "</p>"); }
        if (zone) {
            S(r, "<p class=\"subtitle\">");
            H(r, skpi__word(r, SKPI_TPL_TIMES_IN, "zone", zone, NULL));
            S(r, "</p>");
        }
        S(r, "</header>\n");
    }
    if (r->flags & SKPI_RENDER_HTML_DOCUMENT_ORDER) blocks(r, 0, skpi_doc_block_count(d));
    else executive(r);
    if (r->has_time) {
        char open[80];
        snprintf(open, sizeof open, "<time datetime=\"%s\">", r->time_iso);
        S(r, "<footer>");
        word_marked(r, SKPI_TPL_GENERATED, "time", open, r->time_human, "</time>");
        S(r, "</footer>\n");
    }
    S(r, "</main>\n</body>\n</html>\n");
}
