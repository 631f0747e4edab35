/* The Markdown renderer (GitHub-flavoured: tables, emphasis, links). */
#include "render/render_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S(r, s) skpi__out_str(&(r)->out, (s))
#define ESC(r, s) skpi__esc_md(&(r)->out, (s), false)

/* A table cell. Formatted figures are escaped too: they carry the host's
 * currency, digit separator and "n/a" word. */
static void cell(skpi__render *r, const char *text)
{
    S(r, " ");
    ESC(r, text);
    S(r, " |");
}

/* A KPI value cell: escaped like any cell but for the '*' of ours that marks
 * a partial value. */
static void value_cell(skpi__render *r, const char *text, int availability)
{
    size_t n = strlen(text);
    bool mark = availability == SKPI_PARTIAL && n > 0 && text[n - 1] == '*';
    S(r, " ");
    skpi__esc_md_n(&r->out, text, mark ? n - 1 : n, false);
    S(r, mark ? "* |" : " |");
}

static void caption(skpi__render *r, const char *title)
{
    if (title == NULL) return;
    S(r, "**");
    ESC(r, title);
    S(r, "**\n\n");
}

/* A heading cell from the document's words. */
static void word_cell(skpi__render *r, int key)
{
    cell(r, skpi__word(r, key, NULL));
}

static void align_row(skpi__render *r, const int *right, size_t n)
{
    S(r, "|");
    for (size_t i = 0; i < n; i++) S(r, right[i] ? " ---: |" : " :--- |");
    S(r, "\n");
}

static void kpi_table(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    bool two = b->comparison2 != NULL;
    S(r, "|");
    word_cell(r, SKPI_TPL_COLUMN_METRIC);
    word_cell(r, SKPI_TPL_COLUMN_VALUE);
    cell(r, b->comparison);
    word_cell(r, SKPI_TPL_COLUMN_CHANGE);
    word_cell(r, SKPI_TPL_COLUMN_CHANGE_PERCENT);
    if (two) {
        cell(r, b->comparison2);
        word_cell(r, SKPI_TPL_COLUMN_CHANGE);
        word_cell(r, SKPI_TPL_COLUMN_CHANGE_PERCENT);
    }
    word_cell(r, SKPI_TPL_COLUMN_TREND);
    S(r, "\n");
    const int right2[] = { 0, 1, 1, 1, 1, 1, 1, 1, 0 };
    const int right1[] = { 0, 1, 1, 1, 1, 0 };
    if (two) align_row(r, right2, 9); else align_row(r, right1, 6);

    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_kpi_row row = skpi__kpi_row_at(b, i), *k = &row;
        skpi__kpi_cells c;
        skpi__kpi_format(&c, r, k);
        S(r, "| ");
        if (k->level == 1) S(r, "\xE2\x86\xB3 ");
        skpi__esc_md(&r->out, k->label, k->level == 0);
        if (k->channel && k->level == 0) { S(r, " ("); ESC(r, k->channel); S(r, ")"); }
        S(r, " |");
        value_cell(r, c.value, k->value.availability);
        value_cell(r, c.previous, k->previous.availability);
        cell(r, c.change);
        cell(r, c.percent);
        if (two) {
            value_cell(r, c.previous2, k->previous2.availability);
            cell(r, c.change2);
            cell(r, c.percent2);
        }
        char spark[SKPI__SPARK_TEXT_POINTS * 3 + 8];
        skpi__sparkline_text(spark, sizeof spark, k->sparkline, k->sparkline_length, SKPI__SPARK_TEXT_POINTS);
        cell(r, spark);
        S(r, "\n");
    }
    S(r, "\n");
    if (skpi__kpi_has_partial(b)) {
        S(r, "\\* ");
        ESC(r, skpi__word(r, SKPI_TPL_PARTIAL_NOTE, NULL));
        S(r, ".\n\n");
    }
}

static void table(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    S(r, "|");
    for (size_t c = 0; c < b->columns; c++) cell(r, b->headers[c]);
    S(r, "\n");
    align_row(r, b->align, b->columns);
    for (size_t i = 0; i < b->count; i++) {
        const char *const *row = skpi__table_row_at(b, i);
        S(r, "|");
        for (size_t c = 0; c < b->columns; c++) cell(r, row[c]);
        S(r, "\n");
    }
    S(r, "\n");
}

static void chart(skpi__render *r, const skpi__view *b)
{
    caption(r, skpi__word(r, SKPI_TPL_CHART_CAPTION, "title", b->title ? b->title : "", NULL));
    if (b->chart.description) { S(r, "_"); ESC(r, b->chart.description); S(r, "_\n\n"); }
    if (b->count == 0) return;
    size_t ncat = b->ncat;
    double *m = skpi__chart_table(r, b);
    if (m == NULL) return;
    S(r, "| |");
    for (size_t i = 0; i < b->count; i++) cell(r, skpi__series_at(b, i).name);
    S(r, "\n| :--- |");
    for (size_t i = 0; i < b->count; i++) S(r, " ---: |");
    S(r, "\n");
    size_t first = ncat > SKPI__CHART_TEXT_POINTS ? ncat - SKPI__CHART_TEXT_POINTS : 0;
    for (size_t c = first; c < ncat; c++) {
        S(r, "|");
        cell(r, skpi__category_name(r->doc, b->index, c));
        for (size_t i = 0; i < b->count; i++) {
            char buf[64];
            skpi__fmt_value(buf, sizeof buf, &r->nf, m[i * ncat + c], b->chart.unit);
            cell(r, buf);
        }
        S(r, "\n");
    }
    S(r, "\n");
    if (first > 0) {
        char shown[24], total[24];
        snprintf(shown, sizeof shown, "%d", SKPI__CHART_TEXT_POINTS);
        snprintf(total, sizeof total, "%zu", ncat);
        S(r, "_");
        ESC(r, skpi__word(r, SKPI_TPL_CHART_LAST_POINTS, "shown", shown, "total", total, NULL));
        S(r, "_\n\n");
    }
    skpi__free(m);
}

static void goals(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    static const int heads[] = { SKPI_TPL_COLUMN_GOAL, SKPI_TPL_COLUMN_STATUS, SKPI_TPL_COLUMN_PROGRESS,
                                 SKPI_TPL_COLUMN_EXPECTED, SKPI_TPL_COLUMN_FORECAST, SKPI_TPL_COLUMN_CURRENT,
                                 SKPI_TPL_COLUMN_TARGET, SKPI_TPL_COLUMN_DEADLINE };
    S(r, "|");
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) word_cell(r, heads[h]);
    S(r, "\n");
    const int right[] = { 0, 0, 1, 1, 1, 1, 1, 0 };
    align_row(r, right, 8);
    bool notes = false;
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_goal g = skpi__goal_at(b, i);
        skpi__goal_cells c;
        skpi__goal_format(&c, r, &g);
        S(r, "|");
        cell(r, g.name);
        cell(r, g.status_label);
        cell(r, c.progress);
        cell(r, c.expected);
        char projected[128] = "";
        if (isfinite(g.projected.value))
            snprintf(projected, sizeof projected, isfinite(g.likelihood.value) ? "%s (%s)" : "%s",
                     c.projected, c.likelihood);
        cell(r, projected);
        cell(r, c.current);
        cell(r, c.target);
        const char *deadline = skpi__goal_deadline(&g);
        cell(r, deadline ? deadline : "");
        S(r, "\n");
        notes = notes || g.note || g.caveat || g.owner;
    }
    S(r, "\n");
    if (!notes) return;
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_goal g = skpi__goal_at(b, i);
        if (!g.note && !g.caveat && !g.owner) continue;
        S(r, "- **");
        ESC(r, g.name);
        S(r, ":**");
        if (g.owner) {
            S(r, " ");
            ESC(r, skpi__word(r, SKPI_TPL_GOAL_OWNER, "owner", g.owner, NULL));
            S(r, ".");
        }
        if (g.caveat) { S(r, " "); ESC(r, g.caveat); }
        if (g.note) { S(r, " "); ESC(r, g.note); }
        S(r, "\n");
    }
    S(r, "\n");
}

/* A key result's note cell: its owner, then the note. */
static void note_cell(skpi__render *r, const skpi_doc_key_result *kr)
{
    if (!kr->owner) { cell(r, kr->note ? kr->note : ""); return; }
    char buf[1024];
    snprintf(buf, sizeof buf, "%s.%s%s", skpi__word(r, SKPI_TPL_GOAL_OWNER, "owner", kr->owner, NULL),
             kr->note ? " " : "", kr->note ? kr->note : "");
    cell(r, buf);
}

static void objectives(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    for (size_t i = 0; i < b->count; i++) {
        const skpi__objective_view o = skpi__objective_at(b, i);
        char buf[64];
        /* aligned objectives: one arrow per level under their parent */
        for (unsigned d = 0; d < o.o.depth; d++) S(r, "\xE2\x86\xB3 ");
        S(r, "**");
        ESC(r, o.o.title);
        S(r, "** \xE2\x80\x94 ");
        skpi__fmt_score(buf, sizeof buf, &r->nf, o.o.score.value);
        ESC(r, skpi__word(r, SKPI_TPL_OKR_SCORE, "score", buf, NULL));
        if (isfinite(o.o.score_rounded.value)) {
            skpi__fmt_fixed(buf, sizeof buf, &r->nf, o.o.score_rounded.value, 1);
            S(r, " (");
            ESC(r, skpi__word(r, SKPI_TPL_OKR_GRADED, "graded", buf, NULL));
            S(r, ")");
        }
        if (o.o.band_label) { S(r, ", "); ESC(r, o.o.band_label); }
        S(r, ", ");
        ESC(r, skpi__word(r, o.o.aspirational ? SKPI_TPL_OKR_ASPIRATIONAL : SKPI_TPL_OKR_COMMITTED, NULL));
        if (o.o.owner) { S(r, ", "); ESC(r, skpi__word(r, SKPI_TPL_OKR_OWNER, "owner", o.o.owner, NULL)); }
        S(r, "\n\n");
        if (o.o.interpretation) { S(r, "_"); ESC(r, o.o.interpretation); S(r, "_\n\n"); }
        if (o.count == 0) continue;
        static const int kr_heads[] = { SKPI_TPL_COLUMN_KEY_RESULT, SKPI_TPL_COLUMN_SCORE, SKPI_TPL_COLUMN_START,
                                        SKPI_TPL_COLUMN_CURRENT, SKPI_TPL_COLUMN_TARGET, SKPI_TPL_COLUMN_NOTE };
        S(r, "|");
        for (size_t h = 0; h < sizeof kr_heads / sizeof kr_heads[0]; h++) word_cell(r, kr_heads[h]);
        S(r, "\n");
        const int right[] = { 0, 1, 1, 1, 1, 0 };
        align_row(r, right, 6);
        for (size_t k = 0; k < o.count; k++) {
            const skpi_doc_key_result key_result = skpi__key_result_at(b, i, k), *kr = &key_result;
            S(r, "|");
            cell(r, kr->title);
            skpi__fmt_score(buf, sizeof buf, &r->nf, kr->score.value); cell(r, buf);
            skpi__fmt_value(buf, sizeof buf, &r->nf, kr->start.value, kr->unit); cell(r, buf);
            skpi__fmt_value(buf, sizeof buf, &r->nf, kr->current.value, kr->unit); cell(r, buf);
            skpi__fmt_value(buf, sizeof buf, &r->nf, kr->target.value, kr->unit); cell(r, buf);
            note_cell(r, kr);
            S(r, "\n");
        }
        S(r, "\n");
    }
}

static void posts(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_post p = skpi__post_at(b, i);
        char buf[64];
        snprintf(buf, sizeof buf, "%zu. **", i + 1);
        S(r, buf);
        ESC(r, p.channel);
        S(r, "**");
        const char *day = skpi__post_day(&p);
        if (day) { S(r, " \xC2\xB7 "); ESC(r, day); }
        S(r, " \xC2\xB7 ");
        ESC(r, p.metric);
        S(r, " ");
        skpi__fmt_value(buf, sizeof buf, &r->nf, p.value.value, p.unit);
        ESC(r, buf);
        if (isfinite(p.ratio.value)) {
            skpi__fmt_ratio(buf, sizeof buf, &r->nf, p.ratio.value);
            S(r, " (");
            ESC(r, skpi__word(r, SKPI_TPL_POST_RATIO, "ratio", buf, NULL));
            S(r, ")");
        }
        if (p.text) {
            char excerpt[1024];
            skpi__excerpt(excerpt, sizeof excerpt, p.text, 200);
            S(r, "  \n   ");
            skpi__esc_md(&r->out, excerpt, true);
        }
        if (p.url && skpi__url_is_safe(p.url)) {
            S(r, "  \n   <");
            skpi__esc_md_url(&r->out, p.url);
            S(r, ">");
        }
        S(r, "\n");
    }
    S(r, "\n");
}

static void paragraph(skpi__render *r, const skpi__view *b)
{
    if (b->count == 0) return;
    /* Until the first word the paragraph is at the start of its line, where
     * white space would indent it into a code block. */
    bool start = true;
    for (size_t i = 0; i < b->count; i++) {
        int style = SKPI_SPAN_PLAIN;
        const char *t = skpi__span_at(&style, b, i);
        const char *mark = style == SKPI_SPAN_STRONG ? "**" : style == SKPI_SPAN_EMPHASIS ? "*" : "";
        size_t n = strlen(t);
        if (start) {
            size_t blank = strspn(t, " \t\r\n");
            t += blank;
            n -= blank;
            if (n == 0) continue;
        }
        if (!mark[0]) { skpi__esc_md_n(&r->out, t, n, start); start = false; continue; }
        start = false;
        /* Emphasis markers must touch the words: spaces go outside them. */
        size_t lead = strspn(t, " "), trail = 0;
        if (lead == n) { skpi__out_write(&r->out, t, n); continue; }
        while (t[n - 1 - trail] == ' ') trail++;
        skpi__out_write(&r->out, t, lead);
        S(r, mark);
        skpi__esc_md_n(&r->out, t + lead, n - lead - trail, false);
        S(r, mark);
        skpi__out_write(&r->out, t + n - trail, trail);
    }
    S(r, "\n\n");
}

void skpi__render_markdown(skpi__render *r)
{
    const skpi_doc *d = r->doc;
    const char *title = skpi_doc_title(d), *subtitle = skpi_doc_subtitle(d);
    if (title[0]) { S(r, "# "); ESC(r, title); S(r, "\n\n"); }
    if (subtitle[0]) { S(r, "_"); ESC(r, subtitle); S(r, "_\n\n"); }
    if (skpi_doc_time_zone(d)) {
        ESC(r, skpi__word(r, SKPI_TPL_TIMES_IN, "zone", skpi_doc_time_zone(d), NULL));
        S(r, "\n\n");
    }
    skpi__view view, *b = &view;
    size_t n = skpi_doc_block_count(d);
    for (size_t i = 0; i < n && r->out.err == SKPI_OK; i++) {
        skpi__view_get(b, d, i);
        switch (b->kind) {
        case SKPI_BLOCK_HEADING:
            /* The title is the one level-1 heading; sections start at ##. */
            for (int k = 0; k <= b->level; k++) S(r, "#");
            S(r, " ");
            ESC(r, b->title);
            S(r, "\n\n");
            break;
        case SKPI_BLOCK_PARAGRAPH: paragraph(r, b); break;
        case SKPI_BLOCK_KPI_TABLE: kpi_table(r, b); break;
        case SKPI_BLOCK_TABLE: table(r, b); break;
        case SKPI_BLOCK_CHART: chart(r, b); break;
        case SKPI_BLOCK_GOALS: goals(r, b); break;
        case SKPI_BLOCK_OBJECTIVES: objectives(r, b); break;
        case SKPI_BLOCK_POSTS: posts(r, b); break;
        case SKPI_BLOCK_CALLOUT:
            S(r, "> **");
            ESC(r, skpi__word(r, skpi__callout_tpl(b->level), NULL));
            if (b->title) { S(r, ": "); ESC(r, b->title); S(r, "**  \n> "); }
            else S(r, ":** ");
            /* After a title the text starts a line of its own. */
            skpi__esc_md(&r->out, b->text, b->title != NULL);
            S(r, "\n\n");
            break;
        case SKPI_BLOCK_LIST: {
            for (size_t k = 0; k < b->count; k++) {
                char num[32];
                if (b->level) snprintf(num, sizeof num, "%zu. ", k + 1);
                S(r, b->level ? num : "- ");
                /* An item's text is at the start of the item's content. */
                skpi__esc_md(&r->out, skpi__list_item_at(b, k), true);
                S(r, "\n");
            }
            if (b->count) S(r, "\n");
            break;
        }
        default: break;
        }
    }
    if (r->has_time) {
        S(r, "_");
        ESC(r, skpi__word(r, SKPI_TPL_GENERATED, "time", r->time_human, NULL));
        S(r, "._\n");
    }
}
