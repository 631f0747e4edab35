/* The top of the executive HTML page: a row of KPI tiles and the goals and
 * OKRs at a glance, both drawn from the document's own blocks. */
#include "render/html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S(r, s) skpi__out_str(&(r)->out, (s))
#define H(r, s) skpi__esc_html(&(r)->out, (s))

static const char *const tone_class[] = { "neutral", "good", "warning", "bad" };

const char *skpi__html_tone(int tone)
{
    return tone >= 0 && tone <= SKPI_TONE_BAD ? tone_class[tone] : "neutral";
}

const char *skpi__html_change_class(double change, int direction)
{
    if (!isfinite(change) || change == 0 || direction == SKPI_DIRECTION_NEUTRAL) return NULL;
    bool up = change > 0;
    return up == (direction == SKPI_HIGHER_IS_BETTER) ? "good" : "bad";
}

/* The change a tile shows: points for percent metrics, else percent
 * (the absolute change when there is no percent, as from zero). */
static double shown_change(const skpi_doc_kpi_row *k, int which)
{
    skpi_value points = which ? k->change2_points : k->change_points;
    skpi_value percent = which ? k->change2_percent : k->change_percent;
    skpi_value change = which ? k->change2 : k->change;
    if (k->unit == SKPI_UNIT_PERCENT) return points.value;
    return isfinite(percent.value) ? percent.value : change.value;
}

/* "▲ +19.2% vs February 2026": the arrow and the sign say what the colour says. */
static void tile_change(skpi__render *r, const skpi_doc_kpi_row *k, const skpi__kpi_cells *c, int which,
                        const char *comparison)
{
    double v = shown_change(k, which);
    if (!isfinite(v) || comparison == NULL) return;
    const char *text = k->unit == SKPI_UNIT_PERCENT || !isfinite(which ? k->change2_percent.value
                                                                        : k->change_percent.value)
                           ? (which ? c->change2 : c->change)
                           : (which ? c->percent2 : c->percent);
    const char *cls = skpi__html_change_class(v, k->direction);
    S(r, "<p class=\"tile-change");
    if (cls) { S(r, " "); S(r, cls); }
    S(r, "\">");
    if (v != 0) S(r, v > 0 ? "<span aria-hidden=\"true\">\xE2\x96\xB2</span> " : "<span aria-hidden=\"true\">\xE2\x96\xBC</span> ");
    /* the word puts the previous value last: left empty here, the table has it */
    char *w = skpi__strdup(skpi__word(r, SKPI_TPL_KPI_VERSUS, "change", text, "comparison", comparison,
                                      "previous", "", NULL));
    if (w == NULL) { skpi__out_fail(&r->out, skpi__nomem()); return; }
    size_t n = strlen(w);
    while (n > 0 && w[n - 1] == ' ') w[--n] = '\0';
    H(r, w);
    skpi__free(w);
    S(r, "</p>");
}

/* The tile's colour: the change against the first comparison, else the
 * second, judged by the metric's direction (as the table colours it). */
static const char *tile_status(const skpi_doc_kpi_row *k)
{
    double v = shown_change(k, 0);
    if (!isfinite(v)) v = shown_change(k, 1);
    const char *cls = skpi__html_change_class(v, k->direction);
    return cls == NULL ? "status-neutral" : cls[0] == 'g' ? "status-good" : "status-bad";
}

void skpi__html_tiles(skpi__render *r, const skpi__view *b)
{
    S(r, "<section class=\"tiles\"");
    if (b->title) { S(r, " aria-label=\""); H(r, b->title); S(r, "\""); }
    S(r, ">\n");
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_kpi_row kpi = skpi__kpi_row_at(b, i), *k = &kpi;
        if (k->level != 0) continue;
        skpi__kpi_cells c;
        skpi__kpi_format(&c, r, k);
        S(r, "<article class=\"tile ");
        S(r, tile_status(k));
        S(r, "\"><h3 class=\"tile-label\">");
        H(r, k->label);
        if (k->channel) {
            /* cut with an ellipsis when narrow: the whole name in the title */
            S(r, " <span class=\"channel\" title=\"");
            H(r, k->channel);
            S(r, "\">");
            H(r, k->channel);
            S(r, "</span>");
        }
        S(r, "</h3><p class=\"tile-value\">");
        char value[64];
        skpi__fmt_value(value, sizeof value, &r->nf, k->value.value, k->unit);
        H(r, value);
        if (k->value.availability == SKPI_PARTIAL) {
            S(r, "<abbr title=\"");
            H(r, skpi__word(r, SKPI_TPL_PARTIAL_NOTE, NULL));
            S(r, "\">*</abbr>");
        }
        S(r, "</p>");
        tile_change(r, k, &c, 0, b->comparison);
        tile_change(r, k, &c, 1, b->comparison2);
        skpi__html_sparkline(r, k);
        S(r, "</article>\n");
    }
    S(r, "</section>\n");
}

static void glance_goal(skpi__render *r, const skpi_doc_goal *g)
{
    skpi__goal_cells c;
    skpi__goal_format(&c, r, g);
    S(r, "<li class=\"glance-item\"><p class=\"glance-head\"><span class=\"badge ");
    S(r, skpi__html_tone(g->tone));
    S(r, "\">");
    H(r, g->status_label);
    S(r, "</span> <span class=\"glance-name\">");
    H(r, g->name);
    S(r, "</span></p>");
    skpi__html_progress(r, g->progress.value, g->expected.value, g->tone,
                        skpi__word(r, SKPI_TPL_GOAL_PROGRESS_LABEL, "progress", c.progress, "expected",
                                   c.expected, NULL));
    if (isfinite(g->progress.value)) {
        S(r, "<p class=\"meta\">");
        H(r, skpi__word(r, SKPI_TPL_COLUMN_PROGRESS, NULL));
        S(r, " <strong>");
        H(r, c.progress);
        S(r, "</strong>");
        if (isfinite(g->expected.value)) {
            S(r, " \xC2\xB7 ");
            H(r, skpi__word(r, SKPI_TPL_GOAL_EXPECTED, "expected", c.expected, NULL));
        }
        S(r, "</p>");
    }
    S(r, "</li>\n");
}

static void glance_objective(skpi__render *r, const skpi_doc_objective *o)
{
    char score[32];
    skpi__fmt_score(score, sizeof score, &r->nf, o->score.value);
    S(r, "<li class=\"glance-item\"><p class=\"glance-head\">");
    if (o->band_label) {
        S(r, "<span class=\"badge ");
        S(r, skpi__html_tone(o->tone));
        S(r, "\">");
        H(r, o->band_label);
        S(r, "</span> ");
    }
    S(r, "<span class=\"glance-name\">");
    H(r, o->title);
    S(r, "</span></p>");
    skpi__html_progress(r, o->score.value, NAN, o->tone, skpi__word(r, SKPI_TPL_OKR_SCORE_LABEL, "score", score, NULL));
    S(r, "<p class=\"meta\">");
    H(r, skpi__word(r, SKPI_TPL_OKR_SCORE, "score", score, NULL));
    S(r, " \xC2\xB7 ");
    H(r, skpi__word(r, o->aspirational ? SKPI_TPL_OKR_ASPIRATIONAL : SKPI_TPL_OKR_COMMITTED, NULL));
    S(r, "</p></li>\n");
}

void skpi__html_glance(skpi__render *r, const char *title, const size_t *blocks, size_t n)
{
    S(r, "<section class=\"glance\">");
    if (title && title[0]) { S(r, "<h2>"); H(r, title); S(r, "</h2>"); }
    S(r, "\n<ul class=\"glance-list\">\n");
    skpi__view view, *b = &view;
    for (size_t j = 0; j < n && r->out.err == SKPI_OK; j++) {
        skpi__view_get(b, r->doc, blocks[j]);
        for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
            if (b->kind == SKPI_BLOCK_GOALS) {
                const skpi_doc_goal g = skpi__goal_at(b, i);
                glance_goal(r, &g);
            } else {
                /* aligned objectives count in their parent's score: the
                 * detail shows them under it */
                const skpi__objective_view o = skpi__objective_at(b, i);
                if (o.o.depth == 0) glance_objective(r, &o.o);
            }
        }
    }
    S(r, "</ul></section>\n");
}
