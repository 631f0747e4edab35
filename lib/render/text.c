/* The plain-text renderer: short wrapped lines for e-mail and chat. */
#include "render/render_internal.h"
#include "render/text_width.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S(r, s) skpi__out_str(&(r)->out, (s))

/* Word wrapping: text is added in pieces; runs of white space become one
 * space, and a word that does not fit starts a new line at the indent. A
 * word of East Asian text may break between its characters where Unicode
 * allows it; widths are display columns (text_width.c). */
typedef struct wrap {
    skpi__render *r;
    size_t col, indent;
    bool space; /* a space is owed before the next word */
} wrap;

static size_t width_n(const char *s, size_t n) { return skpi__text_width(s, n); }

static size_t width(const char *s) { return skpi__text_width(s, strlen(s)); }

static void pad(skpi__render *r, size_t n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        skpi__out_write(&r->out, spaces, k);
        n -= k;
    }
}

static void wrap_start(wrap *w, skpi__render *r, const char *prefix, size_t indent)
{
    w->r = r;
    w->indent = indent;
    w->space = false;
    /* a prefix may hold a word of the document (a callout's label) */
    skpi__esc_text(&r->out, prefix);
    w->col = width_n(prefix, strlen(prefix));
    if (w->col < indent) { pad(r, indent - w->col); w->col = indent; }
}

static void wrap_word(wrap *w, const char *s, size_t n)
{
    char tmp[512];
    size_t wd = width_n(s, n);
    if (w->col > w->indent && w->col + (w->space ? 1 : 0) + wd > w->r->width) {
        S(w->r, "\n");
        pad(w->r, w->indent);
        w->col = w->indent;
        w->space = false;
    }
    if (w->space) { skpi__out_char(&w->r->out, ' '); w->col++; }
    w->space = false;
    /* Escape in pieces through a NUL-terminated copy. */
    while (n > 0) {
        size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
        while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        if (k == 0) k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
        memcpy(tmp, s, k);
        tmp[k] = '\0';
        skpi__esc_text(&w->r->out, tmp);
        s += k;
        n -= k;
    }
    w->col += wd;
}

/* A word that may hold East Asian text: its pieces between the places
 * Unicode lets a line break there, each placed like a word of its own but
 * without a space between them. */
static void wrap_east_asian(wrap *w, const char *s, size_t n)
{
    skpi__render *r = w->r;
    if (r->breaker == NULL && !r->no_breaker &&
        skpi__text_breaker(&r->breaker, r->locale ? r->locale : skpi_doc_locale(r->doc)) != SKPI_OK)
        r->no_breaker = true; /* without ICU's data the word stays whole */
    while (n > 0) {
        size_t at[256];
        size_t k = r->breaker ? skpi__text_breaks(r->breaker, s, n, at, sizeof at / sizeof at[0]) : 0;
        if (k == SIZE_MAX) k = 0;
        size_t from = 0;
        for (size_t i = 0; i < k; i++) {
            wrap_word(w, s + from, at[i] - from);
            from = at[i];
        }
        if (k < sizeof at / sizeof at[0]) {
            wrap_word(w, s + from, n - from);
            return;
        }
        s += from; /* more places than fit: go on after the last one */
        n -= from;
    }
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static void wrap_text(wrap *w, const char *s)
{
    while (*s) {
        if (is_space(*s)) {
            while (is_space(*s)) s++;
            w->space = true;
            continue;
        }
        size_t n = 0;
        bool maybe_wide = false; /* U+1100 and above: a lead byte from 0xE1 */
        while (s[n] && !is_space(s[n])) maybe_wide |= (unsigned char)s[n++] >= 0xE1;
        if (maybe_wide) wrap_east_asian(w, s, n);
        else wrap_word(w, s, n);
        s += n;
    }
}

static void wrap_end(wrap *w) { S(w->r, "\n"); }

/* One wrapped paragraph made of a prefix and a text. */
static void line(skpi__render *r, const char *prefix, size_t indent, const char *text)
{
    wrap w;
    wrap_start(&w, r, prefix, indent);
    wrap_text(&w, text);
    wrap_end(&w);
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
    wrap w;
    wrap_start(&w, r, "", 0);
    wrap_text(&w, title);
    S(r, ":");
    wrap_end(&w);
}

static void kpi_table(skpi__render *r, const skpi__view *b)
{
    caption(r, b->title);
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi_doc_kpi_row kpi = skpi__kpi_row_at(b, i), *k = &kpi;
        skpi__kpi_cells c;
        skpi__kpi_format(&c, r, k);
        wrap w;
        wrap_start(&w, r, k->level ? "    - " : "- ", k->level ? 6 : 2);
        wrap_text(&w, k->label);
        if (k->channel && k->level == 0) { wrap_text(&w, " ("); wrap_text(&w, k->channel); S(r, ")"); w.col++; }
        S(r, ":");
        w.col++;
        w.space = true;
        wrap_text(&w, c.value);
        /* Comparisons without a number to compare with are left out. */
        bool has1 = isfinite(k->previous.value);
        bool has2 = b->comparison2 && isfinite(k->previous2.value);
        if (has1 || has2) { wrap_text(&w, " ("); w.space = false; }
        if (has1)
            wrap_text(&w, skpi__word(r, SKPI_TPL_KPI_VERSUS, "change",
                                     k->unit == SKPI_UNIT_PERCENT ? c.change : c.percent,
                                     "comparison", b->comparison, "previous", c.previous, NULL));
        if (has2) {
            if (has1) { S(r, ";"); w.col++; w.space = true; }
            wrap_text(&w, skpi__word(r, SKPI_TPL_KPI_VERSUS, "change",
                                     k->unit == SKPI_UNIT_PERCENT ? c.change2 : c.percent2,
                                     "comparison", b->comparison2, "previous", c.previous2, NULL));
        }
        if (has1 || has2) { S(r, ")"); w.col++; }
        char spark[SKPI__SPARK_TEXT_POINTS * 3 + 8];
        skpi__sparkline_text(spark, sizeof spark, k->sparkline, k->sparkline_length, SKPI__SPARK_TEXT_POINTS);
        if (spark[0]) {
            w.space = true;
            wrap_word(&w, spark, strlen(spark));
        }
        wrap_end(&w);
    }
    if (skpi__kpi_has_partial(b)) {
        wrap w;
        wrap_start(&w, r, "* ", 0);
        wrap_text(&w, skpi__word(r, SKPI_TPL_PARTIAL_NOTE, NULL));
        S(r, ".");
        wrap_end(&w);
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
                if (c) pad(r, 2);
                if (right) pad(r, widths[c] - wd);
                skpi__esc_text(&r->out, t);
                if (!right && c + 1 < b->columns) pad(r, widths[c] - wd);
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
            wrap w;
            wrap_start(&w, r, "- ", 2);
            for (size_t c = 0; c < b->columns; c++) {
                if (c) { S(r, ";"); w.col++; w.space = true; }
                wrap_text(&w, b->headers[c]);
                S(r, ":");
                w.col++;
                w.space = true;
                wrap_text(&w, row[c][0] ? row[c] : "-");
            }
            wrap_end(&w);
        }
    }
    S(r, "\n");
}

static void chart(skpi__render *r, const skpi__view *b)
{
    wrap w;
    wrap_start(&w, r, "", 0);
    w.indent = 2;
    wrap_text(&w, skpi__word(r, SKPI_TPL_CHART_CAPTION, "title", b->title ? b->title : "", NULL));
    wrap_end(&w);
    if (b->chart.description) line(r, "  ", 2, b->chart.description);
    for (size_t i = 0; i < b->count && r->out.err == SKPI_OK; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        wrap_start(&w, r, "- ", 2);
        wrap_text(&w, ser.name);
        S(r, ":");
        w.col++;
        char val[64];
        if (ser.length <= 8) {
            bool first = true;
            for (size_t j = 0; j < ser.length; j++) {
                if (!first) { S(r, ","); w.col++; }
                first = false;
                w.space = true;
                wrap_text(&w, ser.labels[j]);
                skpi__fmt_value(val, sizeof val, &r->nf, ser.values[j], b->chart.unit);
                w.space = true;
                wrap_text(&w, val);
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
                wrap_text(&w, skpi__word(r, SKPI_TPL_NO_DATA, NULL));
            } else {
                char last[64], a[64], c[64];
                skpi__fmt_value(val, sizeof val, &r->nf, ser.values[f], b->chart.unit);
                skpi__fmt_value(last, sizeof last, &r->nf, ser.values[l], b->chart.unit);
                skpi__fmt_value(a, sizeof a, &r->nf, lo, b->chart.unit);
                skpi__fmt_value(c, sizeof c, &r->nf, hi, b->chart.unit);
                wrap_text(&w, skpi__word(r, SKPI_TPL_CHART_SPAN, "first", val, "first_date", ser.labels[f],
                                         "last", last, "last_date", ser.labels[l], "low", a, "high", c, NULL));
            }
        }
        wrap_end(&w);
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
        wrap w;
        wrap_start(&w, r, "- ", 2);
        wrap_text(&w, goal.name);
        S(r, ":");
        w.col++;
        w.space = true;
        wrap_text(&w, goal.status_label);
        S(r, ".");
        w.col++;
        /* Figures that are not available are left out, not shown as n/a. */
        if (isfinite(goal.progress.value)) {
            w.space = true;
            wrap_text(&w, skpi__word(r, SKPI_TPL_GOAL_PROGRESS, "progress", c.progress, "expected", c.expected,
                                     "forecast", c.forecast, "projected", c.projected, "likelihood",
                                     c.likelihood, NULL));
        }
        if (isfinite(goal.current.value) || isfinite(goal.target.value)) {
            w.space = true;
            wrap_text(&w, skpi__word(r, SKPI_TPL_OF_TARGET, "current", c.current, "target", c.target, NULL));
            if (goal.deadline) {
                w.space = true;
                wrap_text(&w, skpi__word(r, SKPI_TPL_GOAL_BY_DEADLINE, "deadline", goal.deadline, NULL));
            }
            S(r, ".");
            w.col++;
        } else if (goal.deadline) {
            w.space = true;
            wrap_text(&w, skpi__word(r, SKPI_TPL_COLUMN_DEADLINE, NULL));
            w.space = true;
            wrap_text(&w, goal.deadline);
            S(r, ".");
            w.col++;
        }
        const char *forecast = skpi__goal_forecast_text(r, &goal, &c);
        if (forecast) {
            w.space = true;
            wrap_text(&w, forecast);
            S(r, ".");
            w.col++;
        }
        if (goal.caveat) { w.space = true; wrap_text(&w, goal.caveat); }
        if (goal.note) { w.space = true; wrap_text(&w, goal.note); }
        wrap_end(&w);
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
        wrap w;
        wrap_start(&w, r, lead, in + 2);
        wrap_text(&w, obj.o.title);
        S(r, ":");
        w.col++;
        w.space = true;
        wrap_text(&w, skpi__word(r, SKPI_TPL_OKR_SCORE, "score", score, NULL));
        if (isfinite(obj.o.score_rounded.value)) {
            skpi__fmt_fixed(graded, sizeof graded, &r->nf, obj.o.score_rounded.value, 1);
            wrap_text(&w, skpi__word_between(r, " (", ")", SKPI_TPL_OKR_GRADED, "graded", graded, NULL));
        }
        if (obj.o.band_label) { S(r, ","); w.col++; w.space = true; wrap_text(&w, obj.o.band_label); }
        wrap_text(&w, skpi__word_between(r, ", ", ".", obj.o.aspirational ? SKPI_TPL_OKR_ASPIRATIONAL
                                                                           : SKPI_TPL_OKR_COMMITTED, NULL));
        if (obj.o.interpretation) { w.space = true; wrap_text(&w, obj.o.interpretation); }
        wrap_end(&w);
        for (size_t k = 0; k < obj.count; k++) {
            const skpi_doc_key_result kr_ = skpi__key_result_at(b, i, k), *kr = &kr_;
            char cur[64], tgt[64];
            skpi__fmt_score(score, sizeof score, &r->nf, kr->score.value);
            skpi__fmt_value(cur, sizeof cur, &r->nf, kr->current.value, kr->unit);
            skpi__fmt_value(tgt, sizeof tgt, &r->nf, kr->target.value, kr->unit);
            wrap_start(&w, r, kr_lead, in + 4);
            wrap_text(&w, kr->title);
            S(r, ":");
            w.col++;
            w.space = true;
            wrap_text(&w, score);
            wrap_text(&w, skpi__word_between(r, " (", ")", SKPI_TPL_OF_TARGET, "current", cur, "target", tgt, NULL));
            if (kr->note) { S(r, "."); w.col++; w.space = true; wrap_text(&w, kr->note); }
            wrap_end(&w);
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
        wrap w;
        wrap_start(&w, r, num, strlen(num));
        wrap_text(&w, post.channel);
        if (post.published) { S(r, ","); w.col++; w.space = true; wrap_text(&w, post.published); }
        S(r, ":");
        w.col++;
        w.space = true;
        wrap_text(&w, post.metric);
        skpi__fmt_value(val, sizeof val, &r->nf, post.value.value, post.unit);
        w.space = true;
        wrap_text(&w, val);
        if (isfinite(post.ratio.value)) {
            skpi__fmt_ratio(val, sizeof val, &r->nf, post.ratio.value);
            wrap_text(&w, skpi__word_between(r, " (", ")", SKPI_TPL_POST_RATIO, "ratio", val, NULL));
        }
        wrap_end(&w);
        if (post.text) {
            char excerpt[1024];
            skpi__excerpt(excerpt, sizeof excerpt, post.text, 140);
            wrap_start(&w, r, "", strlen(num));
            wrap_text(&w, "\xE2\x80\x9C");
            wrap_text(&w, excerpt);
            wrap_text(&w, "\xE2\x80\x9D");
            wrap_end(&w);
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
            wrap w;
            wrap_start(&w, r, "", 0);
            for (size_t k = 0; k < b->count; k++) wrap_text(&w, skpi__span_at(NULL, b, k));
            wrap_end(&w);
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
            wrap w;
            wrap_start(&w, r, skpi__word_between(r, "", ": ", skpi__callout_tpl(b->level), NULL), 2);
            if (b->title) { wrap_text(&w, b->title); wrap_text(&w, " \xE2\x80\x94 "); }
            wrap_text(&w, b->text);
            wrap_end(&w);
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
