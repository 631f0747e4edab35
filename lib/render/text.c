/* The plain-text renderer: short wrapped lines for e-mail and chat. */
#include "render/text_wrap.h"
#include "render/text_width.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S(r, s) skpi__out_str(&(r)->out, (s))

static size_t width(const char *s) { return skpi__text_width(s, strlen(s)); }

/* One wrapped paragraph made of a prefix and a text. */
static void line(skpi__render *r, const char *prefix, size_t indent, const char *text)
{
    skpi__wrap w;
    skpi__wrap_start(&w, r, prefix, indent);
    skpi__wrap_text(&w, text);
    skpi__wrap_end(&w);
}

static void underline(skpi__render *r, const char *text, char c)
{
    size_t n = width(text);
    if (n > r->width) n = r->width;
    line(r, "", 0, text);
    for (size_t i = 0; i < n; i++) skpi__out_char(&r->out, c);
    S(r, "\n\n");
}

static void caption(skpi__render *r, const char *title)
{
    if (!title) return;
    skpi__wrap w;
    skpi__wrap_start(&w, r, "", 0);
    skpi__wrap_text(&w, title);
    skpi__wrap_glue(&w, ":");
    skpi__wrap_end(&w);
}

static void kpi_table(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_kpi_row kpi = skpi__kpi_row_at(b, i), *k = &kpi;
        skpi__kpi_cells c;
        skpi__kpi_format(&c, r, k);
        skpi__wrap w;
        skpi__wrap_start(&w, r, k->level ? "    - " : "- ", k->level ? 6 : 2);
        skpi__wrap_text(&w, k->label);
        if (k->channel && k->level == 0) {
            skpi__wrap_text(&w, " (");
            skpi__wrap_text(&w, k->channel);
            skpi__wrap_glue(&w, ")");
        }
        skpi__wrap_glue(&w, ":");
        w.space = true;
        skpi__wrap_text(&w, c.value);
        /* Comparisons without a number to compare with are left out. */
        bool has1 = isfinite(k->previous.value);
        bool has2 = b->comparison2 && isfinite(k->previous2.value);
        if (has1 || has2) { skpi__wrap_text(&w, " ("); w.space = false; }
        if (has1)
            skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_KPI_VERSUS, "change",
                                     k->unit == SKPI_UNIT_PERCENT ? c.change : c.percent,
                                     "comparison", b->comparison, "previous", c.previous, NULL));
        if (has2) {
            if (has1) { skpi__wrap_glue(&w, ";"); w.space = true; }
            skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_KPI_VERSUS, "change",
                                     k->unit == SKPI_UNIT_PERCENT ? c.change2 : c.percent2,
                                     "comparison", b->comparison2, "previous", c.previous2, NULL));
        }
        if (has1 || has2) skpi__wrap_glue(&w, ")");
        char spark[SKPI__SPARK_TEXT_POINTS * 3 + 8];
        skpi__sparkline_text(spark, sizeof spark, k->sparkline, k->sparkline_length, SKPI__SPARK_TEXT_POINTS);
        if (spark[0]) {
            w.space = true;
            skpi__wrap_word(&w, spark, strlen(spark));
        }
        skpi__wrap_end(&w);
    }
    if (skpi__kpi_has_partial(b)) {
        skpi__wrap w;
        skpi__wrap_start(&w, r, "* ", 0);
        skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_PARTIAL_NOTE, NULL));
        skpi__wrap_glue(&w, ".");
        skpi__wrap_end(&w);
    }
    S(r, "\n");
}

static void table(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    /* Aligned columns when they fit the line width, else one line per cell. */
    size_t widths[64], total = 0;
    bool multiline = false;
    for (size_t c = 0; c < b->columns; c++) {
        widths[c] = width(b->headers[c]);
        multiline = multiline || strpbrk(b->headers[c], "\t\r\n") != NULL;
    }
    for (size_t i = 0; i < b->count; i++) {
        const char *const *row = skpi__table_row_at(b, i);
        for (size_t c = 0; c < b->columns; c++) {
            size_t wd = width(row[c]);
            if (wd > widths[c]) widths[c] = wd;
            multiline = multiline || strpbrk(row[c], "\t\r\n") != NULL;
        }
    }
    for (size_t c = 0; c < b->columns; c++) total += widths[c] + (c ? 2 : 0);
    if (total <= r->width && !multiline) {
        for (size_t i = 0; i <= b->count; i++) {
            const char *const *row = i == 0 ? b->headers : skpi__table_row_at(b, i - 1);
            for (size_t c = 0; c < b->columns; c++) {
                const char *t = row[c];
                size_t wd = width(t);
                bool right = b->align[c] == SKPI_ALIGN_RIGHT;
                if (c) skpi__wrap_pad(r, 2);
                if (right) skpi__wrap_pad(r, widths[c] - wd);
                skpi__esc_text(&r->out, t);
                if (!right && c + 1 < b->columns) skpi__wrap_pad(r, widths[c] - wd);
            }
            S(r, "\n");
            if (i == 0) {
                for (size_t k = 0; k < total; k++) skpi__out_char(&r->out, '-');
                S(r, "\n");
            }
        }
    } else {
        for (size_t i = 0; i < b->count; i++) {
            const char *const *row = skpi__table_row_at(b, i);
            skpi__wrap w;
            skpi__wrap_start(&w, r, "- ", 2);
            for (size_t c = 0; c < b->columns; c++) {
                if (c) { skpi__wrap_glue(&w, ";"); w.space = true; }
                skpi__wrap_text(&w, b->headers[c]);
                skpi__wrap_glue(&w, ":");
                w.space = true;
                skpi__wrap_text(&w, row[c][0] ? row[c] : "-");
            }
            skpi__wrap_end(&w);
        }
    }
    S(r, "\n");
}

static void chart(skpi__render *r, const skpi__view *b)
{
    skpi__wrap w;
    skpi__wrap_start(&w, r, "", 0);
    w.indent = 2;
    skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_CHART_CAPTION, "title", b->title ? b->title : "", NULL));
    skpi__wrap_end(&w);
    if (b->chart.description) line(r, "  ", 2, b->chart.description);
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        skpi__wrap_start(&w, r, "- ", 2);
        skpi__wrap_text(&w, ser.name);
        skpi__wrap_glue(&w, ":");
        char val[64];
        if (ser.length <= 8) {
            bool first = true;
            for (size_t j = 0; j < ser.length; j++) {
                if (!first) { skpi__wrap_glue(&w, ","); }
                first = false;
                w.space = true;
                skpi__wrap_text(&w, skpi__category_name(r->doc, b->index, ser.cat[j]));
                skpi__fmt_value(val, sizeof val, &r->nf, ser.values[j], b->chart.unit);
                w.space = true;
                skpi__wrap_text(&w, val);
            }
        } else {
            /* Long series: where it started and ended, and its range. */
            size_t f = ser.length, l = 0;
            double lo = INFINITY, hi = -INFINITY;
            for (size_t j = 0; j < ser.length; j++) {
                double v = ser.values[j];
                if (isnan(v)) continue;
                if (f == ser.length) f = j;
                l = j;
                lo = fmin(lo, v);
                hi = fmax(hi, v);
            }
            w.space = true;
            if (f == ser.length) {
                skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_NO_DATA, NULL));
            } else {
                char last[64], a[64], c[64];
                skpi__fmt_value(val, sizeof val, &r->nf, ser.values[f], b->chart.unit);
                skpi__fmt_value(last, sizeof last, &r->nf, ser.values[l], b->chart.unit);
                skpi__fmt_value(a, sizeof a, &r->nf, lo, b->chart.unit);
                skpi__fmt_value(c, sizeof c, &r->nf, hi, b->chart.unit);
                skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_CHART_SPAN, "first", val, "first_date", skpi__category_name(r->doc, b->index, ser.cat[f]),
                                         "last", last, "last_date", skpi__category_name(r->doc, b->index, ser.cat[l]), "low", a, "high", c, NULL));
            }
        }
        skpi__wrap_end(&w);
    }
    S(r, "\n");
}

static void goals(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_goal goal = skpi__goal_at(b, i);
        skpi__goal_cells c;
        skpi__goal_format(&c, r, &goal);
        skpi__wrap w;
        skpi__wrap_start(&w, r, "- ", 2);
        skpi__wrap_text(&w, goal.name);
        skpi__wrap_glue(&w, ":");
        w.space = true;
        skpi__wrap_text(&w, goal.status_label);
        skpi__wrap_glue(&w, ".");
        if (goal.owner) {
            w.space = true;
            skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_GOAL_OWNER, "owner", goal.owner, NULL));
            skpi__wrap_glue(&w, ".");
        }
        /* Figures that are not available are left out, not shown as n/a. */
        if (isfinite(goal.progress.value)) {
            w.space = true;
            skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_GOAL_PROGRESS, "progress", c.progress, "expected", c.expected,
                                     "forecast", c.forecast, "projected", c.projected, "likelihood",
                                     c.likelihood, NULL));
        }
        const char *deadline = skpi__goal_deadline(&goal);
        if (isfinite(goal.current.value) || isfinite(goal.target.value)) {
            w.space = true;
            skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_OF_TARGET, "current", c.current, "target", c.target, NULL));
            if (deadline) {
                w.space = true;
                skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_GOAL_BY_DEADLINE, "deadline", deadline, NULL));
            }
            skpi__wrap_glue(&w, ".");
        } else if (deadline) {
            w.space = true;
            skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_COLUMN_DEADLINE, NULL));
            w.space = true;
            skpi__wrap_text(&w, deadline);
            skpi__wrap_glue(&w, ".");
        }
        const char *forecast = skpi__goal_forecast_text(r, &goal, &c);
        if (forecast) {
            w.space = true;
            skpi__wrap_text(&w, forecast);
            skpi__wrap_glue(&w, ".");
        }
        if (goal.caveat) { w.space = true; skpi__wrap_text(&w, goal.caveat); }
        if (goal.note) { w.space = true; skpi__wrap_text(&w, goal.note); }
        skpi__wrap_end(&w);
    }
    S(r, "\n");
}

static void objectives(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    for (size_t i = 0; i < b->count; i++) {
        const skpi__objective_view obj = skpi__objective_at(b, i);
        char score[32], graded[32];
        skpi__fmt_score(score, sizeof score, &r->nf, obj.o.score.value);
        /* aligned objectives are indented under their parent */
        static const char spaces[] = "                                    ";
        size_t in = 4 * (obj.o.depth < 8 ? obj.o.depth : 8);
        char lead[48], kr_lead[48];
        snprintf(lead, sizeof lead, "%.*s", (int)in, spaces);
        snprintf(kr_lead, sizeof kr_lead, "%.*s  - ", (int)in, spaces);
        skpi__wrap w;
        skpi__wrap_start(&w, r, lead, in + 2);
        skpi__wrap_text(&w, obj.o.title);
        skpi__wrap_glue(&w, ":");
        w.space = true;
        skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_OKR_SCORE, "score", score, NULL));
        if (isfinite(obj.o.score_rounded.value)) {
            skpi__fmt_fixed(graded, sizeof graded, &r->nf, obj.o.score_rounded.value, 1);
            skpi__wrap_text(&w, skpi__word_between(r, " (", ")", SKPI_TPL_OKR_GRADED, "graded", graded, NULL));
        }
        if (obj.o.band_label) { skpi__wrap_glue(&w, ","); w.space = true; skpi__wrap_text(&w, obj.o.band_label); }
        int kind = obj.o.aspirational ? SKPI_TPL_OKR_ASPIRATIONAL : SKPI_TPL_OKR_COMMITTED;
        skpi__wrap_text(&w, skpi__word_between(r, ", ", obj.o.owner ? "" : ".", kind, NULL));
        if (obj.o.owner)
            skpi__wrap_text(&w, skpi__word_between(r, ", ", ".", SKPI_TPL_OKR_OWNER, "owner", obj.o.owner, NULL));
        if (obj.o.interpretation) { w.space = true; skpi__wrap_text(&w, obj.o.interpretation); }
        skpi__wrap_end(&w);
        for (size_t k = 0; k < obj.count; k++) {
            const skpi_doc_key_result kr_ = skpi__key_result_at(b, i, k), *kr = &kr_;
            char cur[64], tgt[64];
            skpi__fmt_score(score, sizeof score, &r->nf, kr->score.value);
            skpi__fmt_value(cur, sizeof cur, &r->nf, kr->current.value, kr->unit);
            skpi__fmt_value(tgt, sizeof tgt, &r->nf, kr->target.value, kr->unit);
            skpi__wrap_start(&w, r, kr_lead, in + 4);
            skpi__wrap_text(&w, kr->title);
            skpi__wrap_glue(&w, ":");
            w.space = true;
            skpi__wrap_text(&w, score);
            skpi__wrap_text(&w, skpi__word_between(r, " (", ")", SKPI_TPL_OF_TARGET, "current", cur, "target", tgt, NULL));
            if (kr->owner) {
                skpi__wrap_glue(&w, ".");
                w.space = true;
                skpi__wrap_text(&w, skpi__word(r, SKPI_TPL_GOAL_OWNER, "owner", kr->owner, NULL));
            }
            if (kr->note) { skpi__wrap_glue(&w, "."); w.space = true; skpi__wrap_text(&w, kr->note); }
            skpi__wrap_end(&w);
        }
    }
    S(r, "\n");
}

static void posts(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_post post = skpi__post_at(b, i);
        char num[24], val[64];
        snprintf(num, sizeof num, "%zu. ", i + 1);
        skpi__wrap w;
        skpi__wrap_start(&w, r, num, strlen(num));
        skpi__wrap_text(&w, post.channel);
        const char *day = skpi__post_day(&post);
        if (day) { skpi__wrap_glue(&w, ","); w.space = true; skpi__wrap_text(&w, day); }
        skpi__wrap_glue(&w, ":");
        w.space = true;
        skpi__wrap_text(&w, post.metric);
        skpi__fmt_value(val, sizeof val, &r->nf, post.value.value, post.unit);
        w.space = true;
        skpi__wrap_text(&w, val);
        if (isfinite(post.ratio.value)) {
            skpi__fmt_ratio(val, sizeof val, &r->nf, post.ratio.value);
            skpi__wrap_text(&w, skpi__word_between(r, " (", ")", SKPI_TPL_POST_RATIO, "ratio", val, NULL));
        }
        skpi__wrap_end(&w);
        if (post.text) {
            char excerpt[1024];
            skpi__excerpt(excerpt, sizeof excerpt, post.text, 140);
            skpi__wrap_start(&w, r, "", strlen(num));
            skpi__wrap_text(&w, "\xE2\x80\x9C");
            skpi__wrap_text(&w, excerpt);
            skpi__wrap_text(&w, "\xE2\x80\x9D");
            skpi__wrap_end(&w);
        }
        if (post.url && skpi__url_is_safe(post.url)) line(r, "", strlen(num), post.url);
    }
    S(r, "\n");
}

void skpi__render_text(skpi__render *r)
{
    const skpi_doc *d = r->doc;
    if (skpi_doc_title(d)[0]) {
        size_t n = width(skpi_doc_title(d));
        line(r, "", 0, skpi_doc_title(d));
        for (size_t i = 0; i < (n < r->width ? n : r->width); i++) skpi__out_char(&r->out, '=');
        S(r, "\n");
    }
    if (skpi_doc_subtitle(d)[0]) line(r, "", 0, skpi_doc_subtitle(d));
    const char *zone = skpi_doc_time_zone(d);
    if (zone) line(r, "", 0, skpi__word(r, SKPI_TPL_TIMES_IN, "zone", zone, NULL));
    if (skpi_doc_title(d)[0] || skpi_doc_subtitle(d)[0] || zone) S(r, "\n");
    skpi__view view, *b = &view;
    size_t nblocks = skpi_doc_block_count(d);
    for (size_t i = 0; i < nblocks && r->out.err == SKPI_OK; i++) {
        skpi__view_get(b, d, i);
        switch (b->kind) {
        case SKPI_BLOCK_HEADING:
            if (b->level == 1) underline(r, b->title, '-');
            else { line(r, "", 0, b->title); S(r, "\n"); }
            break;
        case SKPI_BLOCK_PARAGRAPH: {
            if (b->count == 0) break;
            skpi__wrap w;
            skpi__wrap_start(&w, r, "", 0);
            for (size_t k = 0; k < b->count; k++) skpi__wrap_text(&w, skpi__span_at(NULL, b, k));
            skpi__wrap_end(&w);
            S(r, "\n");
            break;
        }
        case SKPI_BLOCK_KPI_TABLE: kpi_table(r, b); break;
        case SKPI_BLOCK_TABLE: table(r, b); break;
        case SKPI_BLOCK_CHART: chart(r, b); break;
        case SKPI_BLOCK_GOALS: goals(r, b); break;
        case SKPI_BLOCK_OBJECTIVES: objectives(r, b); break;
        case SKPI_BLOCK_POSTS: posts(r, b); break;
        case SKPI_BLOCK_CALLOUT: {
            skpi__wrap w;
            skpi__wrap_start(&w, r, skpi__word_between(r, "", ": ", skpi__callout_tpl(b->level), NULL), 2);
            if (b->title) { skpi__wrap_text(&w, b->title); skpi__wrap_text(&w, " \xE2\x80\x94 "); }
            skpi__wrap_text(&w, b->text);
            skpi__wrap_end(&w);
            S(r, "\n");
            break;
        }
        case SKPI_BLOCK_LIST: {
            for (size_t k = 0; k < b->count; k++) {
                char num[24];
                snprintf(num, sizeof num, "%zu. ", k + 1);
                line(r, b->level ? num : "- ", b->level ? strlen(num) : 2, skpi__list_item_at(b, k));
            }
            if (b->count) S(r, "\n");
            break;
        }
        default: break;
        }
    }
    if (r->has_time) {
        skpi__esc_text(&r->out, skpi__word(r, SKPI_TPL_GENERATED, "time", r->time_human, NULL));
        S(r, "\n");
    }
}
