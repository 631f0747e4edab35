/* The JSON renderer: the document's data as docs/report-schema.json says. */
#include "render/render_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A small pretty-printing writer: two-space indentation, one member per
 * line, number arrays on one line. Keys are our own ASCII names. */
typedef struct jw {
    skpi__render *r;
    int depth;
    bool first[32];
    bool inline_[32];
} jw;

#define OUT(w) (&(w)->r->out)

static void newline(jw *w)
{
    if (w->inline_[w->depth]) return;
    static const char spaces[] = "                                                                ";
    skpi__out_char(OUT(w), '\n');
    size_t n = (size_t)w->depth * 2;
    skpi__out_write(OUT(w), spaces, n < sizeof spaces - 1 ? n : sizeof spaces - 1);
}

static void item(jw *w)
{
    if (!w->first[w->depth]) skpi__out_str(OUT(w), w->inline_[w->depth] ? ", " : ",");
    w->first[w->depth] = false;
    newline(w);
}

static void key(jw *w, const char *k)
{
    item(w);
    skpi__out_char(OUT(w), '"');
    skpi__out_str(OUT(w), k);
    skpi__out_str(OUT(w), "\": ");
}

static void jopen(jw *w, char c, bool inline_)
{
    skpi__out_char(OUT(w), c);
    if (w->depth < 31) w->depth++;
    w->first[w->depth] = true;
    w->inline_[w->depth] = inline_ || w->inline_[w->depth - 1];
}

static void jclose(jw *w, char c)
{
    bool empty = w->first[w->depth], inl = w->inline_[w->depth];
    if (w->depth > 0) w->depth--;
    if (!empty && !inl) newline(w);
    skpi__out_char(OUT(w), c);
}

static void str(jw *w, const char *s)
{
    if (s == NULL) skpi__out_str(OUT(w), "null");
    else skpi__esc_json(OUT(w), s);
}

static void num(jw *w, double v)
{
    if (!isfinite(v)) { skpi__out_str(OUT(w), "null"); return; }
    char buf[40];
    skpi__num_json(buf, v);
    skpi__out_str(OUT(w), buf);
}

static void kstr(jw *w, const char *k, const char *s) { key(w, k); str(w, s); }
static void knum(jw *w, const char *k, double v) { key(w, k); num(w, v); }
static void kint(jw *w, const char *k, long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    key(w, k);
    skpi__out_str(OUT(w), buf);
}
static void kbool(jw *w, const char *k, bool v) { key(w, k); skpi__out_str(OUT(w), v ? "true" : "false"); }

/* {"number": 12, "availability": "available"} on one line. */
static void kvalue(jw *w, const char *k, skpi_value v)
{
    key(w, k);
    jopen(w, '{', true);
    knum(w, "number", v.value);
    kstr(w, "availability", skpi__availability_key(v.availability));
    jclose(w, '}');
}

/* "channel_key": the key of a row's or post's channel, null when none. */
static void kchannel_key(jw *w, const skpi__view *b, size_t i)
{
    const char *k = "";
    skpi_doc_channel_key(&k, w->r->doc, b->index, i);
    kstr(w, "channel_key", k[0] ? k : NULL);
}

static void kpi_table(jw *w, const skpi__view *b)
{
    kstr(w, "comparison", b->comparison);
    kstr(w, "comparison2", b->comparison2);
    /* the comparison periods' keys ("2026-02"), null when the table has none */
    const char *p1 = "", *p2 = "";
    skpi_doc_kpi_table_periods(&p1, &p2, w->r->doc, b->index);
    kstr(w, "comparison_period", p1[0] ? p1 : NULL);
    kstr(w, "comparison2_period", p2[0] ? p2 : NULL);
    key(w, "rows");
    jopen(w, '[', false);
    for (size_t i = 0; i < b->count && w->r->out.err == SKPI_OK; i++) {
        const skpi_doc_kpi_row kpi = skpi__kpi_row_at(b, i), *k = &kpi;
        item(w);
        jopen(w, '{', false);
        kstr(w, "label", k->label);
        kstr(w, "channel", k->channel);
        kchannel_key(w, b, i);
        kstr(w, "unit", skpi__unit_key(k->unit));
        kstr(w, "direction", skpi__direction_key(k->direction));
        kint(w, "level", k->level);
        kvalue(w, "value", k->value);
        kvalue(w, "previous", k->previous);
        kvalue(w, "change", k->change);
        kvalue(w, "change_percent", k->change_percent);
        kvalue(w, "change_points", k->change_points);
        kvalue(w, "previous2", k->previous2);
        kvalue(w, "change2", k->change2);
        kvalue(w, "change2_percent", k->change2_percent);
        kvalue(w, "change2_points", k->change2_points);
        key(w, "sparkline");
        jopen(w, '[', true);
        for (size_t j = 0; j < k->sparkline_length; j++) { item(w); num(w, k->sparkline[j]); }
        jclose(w, ']');
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void table(jw *w, const skpi__view *b)
{
    key(w, "columns");
    jopen(w, '[', false);
    for (size_t c = 0; c < b->columns; c++) {
        item(w);
        jopen(w, '{', true);
        kstr(w, "header", b->headers[c]);
        kstr(w, "align", b->align[c] == SKPI_ALIGN_RIGHT ? "right" : "left");
        jclose(w, '}');
    }
    jclose(w, ']');
    key(w, "rows");
    jopen(w, '[', false);
    for (size_t i = 0; i < b->count && w->r->out.err == SKPI_OK; i++) {
        const char *const *row = skpi__table_row_at(b, i);
        item(w);
        jopen(w, '[', true);
        for (size_t c = 0; c < b->columns; c++) { item(w); str(w, row[c]); }
        jclose(w, ']');
    }
    jclose(w, ']');
}

static void chart(jw *w, const skpi__view *b)
{
    kstr(w, "kind", b->chart.kind == SKPI_CHART_BAR ? "bar" : "line");
    kstr(w, "description", b->chart.description);
    kstr(w, "unit", skpi__unit_key(b->chart.unit));
    int axis = SKPI_AXIS_PERIODS;
    skpi_doc_chart_axis(&axis, w->r->doc, b->index);
    kstr(w, "axis", axis == SKPI_AXIS_CHANNELS ? "channels" : axis == SKPI_AXIS_ITEMS ? "items" : "periods");
    key(w, "range");
    if (b->chart.fixed_range) {
        jopen(w, '{', true);
        knum(w, "min", b->chart.y_min);
        knum(w, "max", b->chart.y_max);
        jclose(w, '}');
    } else {
        skpi__out_str(OUT(w), "null");
    }
    key(w, "series");
    jopen(w, '[', false);
    for (size_t i = 0; i < b->count; i++) {
        const skpi__series_view ser = skpi__series_at(b, i);
        item(w);
        jopen(w, '{', false);
        kstr(w, "name", ser.name);
        kstr(w, "style", ser.style == SKPI_SERIES_DASHED ? "dashed" : "solid");
        key(w, "points");
        jopen(w, '[', false);
        for (size_t j = 0; j < ser.length && w->r->out.err == SKPI_OK; j++) {
            item(w);
            jopen(w, '{', true);
            kstr(w, "label", ser.labels[j]);
            knum(w, "value", ser.values[j]);
            jclose(w, '}');
        }
        jclose(w, ']');
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void goals(jw *w, const skpi__view *b)
{
    key(w, "goals");
    jopen(w, '[', false);
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_goal goal = skpi__goal_at(b, i);
        item(w);
        jopen(w, '{', false);
        kstr(w, "name", goal.name);
        kstr(w, "status", goal.status);
        kstr(w, "status_label", goal.status_label);
        kstr(w, "tone", skpi__tone_key(goal.tone));
        kstr(w, "unit", skpi__unit_key(goal.unit));
        kvalue(w, "current", goal.current);
        kvalue(w, "target", goal.target);
        kvalue(w, "progress", goal.progress);
        kvalue(w, "expected", goal.expected);
        kvalue(w, "forecast", goal.forecast);
        kstr(w, "deadline", goal.deadline);
        kstr(w, "note", goal.note);
        kvalue(w, "projected", goal.projected);
        kvalue(w, "likelihood", goal.likelihood);
        kstr(w, "caveat", goal.caveat);
        kstr(w, "owner", goal.owner);
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void objectives(jw *w, const skpi__view *b)
{
    key(w, "objectives");
    jopen(w, '[', false);
    for (size_t i = 0; i < b->count; i++) {
        const skpi__objective_view obj = skpi__objective_at(b, i);
        item(w);
        jopen(w, '{', false);
        kstr(w, "title", obj.o.title);
        kstr(w, "owner", obj.o.owner);
        kbool(w, "aspirational", obj.o.aspirational != 0);
        kvalue(w, "score", obj.o.score);
        kvalue(w, "score_rounded", obj.o.score_rounded);
        kstr(w, "band", obj.o.band);
        kstr(w, "band_label", obj.o.band_label);
        kstr(w, "tone", skpi__tone_key(obj.o.tone));
        kstr(w, "interpretation", obj.o.interpretation);
        kint(w, "depth", (long)obj.o.depth);
        key(w, "key_results");
        jopen(w, '[', false);
        for (size_t k = 0; k < obj.count; k++) {
            const skpi_doc_key_result kr_ = skpi__key_result_at(b, i, k), *kr = &kr_;
            item(w);
            jopen(w, '{', false);
            kstr(w, "title", kr->title);
            kstr(w, "unit", skpi__unit_key(kr->unit));
            kvalue(w, "start", kr->start);
            kvalue(w, "current", kr->current);
            kvalue(w, "target", kr->target);
            kvalue(w, "score", kr->score);
            kstr(w, "tone", skpi__tone_key(kr->tone));
            kstr(w, "note", kr->note);
            kstr(w, "owner", kr->owner);
            jclose(w, '}');
        }
        jclose(w, ']');
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void posts(jw *w, const skpi__view *b)
{
    key(w, "posts");
    jopen(w, '[', false);
    for (size_t i = 0; i < b->count; i++) {
        const skpi_doc_post post = skpi__post_at(b, i);
        item(w);
        jopen(w, '{', false);
        kstr(w, "channel", post.channel);
        kchannel_key(w, b, i);
        kstr(w, "published", post.published);
        kstr(w, "text", post.text);
        kstr(w, "url", post.url);
        kstr(w, "metric", post.metric);
        kstr(w, "unit", skpi__unit_key(post.unit));
        kvalue(w, "value", post.value);
        kvalue(w, "ratio", post.ratio);
        jclose(w, '}');
    }
    jclose(w, ']');
}

static const char *const type_names[] = { "heading", "paragraph", "kpi_table", "table", "chart",
                                          "goals", "objectives", "posts", "callout", "list" };

void skpi__render_json(skpi__render *r)
{
    jw w = { .r = r };
    const skpi_doc *d = r->doc;
    jopen(&w, '{', false);
    kstr(&w, "format", "socialkpi-report");
    kint(&w, "version", skpi_render_json_schema_version());
    kstr(&w, "generated_at", r->has_time ? r->time_iso : NULL);
    kstr(&w, "title", skpi_doc_title(d));
    kstr(&w, "subtitle", skpi_doc_subtitle(d));
    kstr(&w, "language", skpi_doc_language(d));
    kstr(&w, "currency", skpi_doc_currency(d)[0] ? skpi_doc_currency(d) : NULL);
    /* optional members: only when set, so that UTC reports stay as they were */
    if (skpi_doc_time_zone(d)) kstr(&w, "time_zone", skpi_doc_time_zone(d));
    if (skpi_doc_locale(d)) kstr(&w, "locale", skpi_doc_locale(d));
    key(&w, "blocks");
    jopen(&w, '[', false);
    skpi__view view, *b = &view;
    size_t nblocks = skpi_doc_block_count(d);
    for (size_t i = 0; i < nblocks && r->out.err == SKPI_OK; i++) {
        skpi__view_get(b, d, i);
        item(&w);
        jopen(&w, '{', false);
        kstr(&w, "type", type_names[b->kind]);
        switch (b->kind) {
        case SKPI_BLOCK_HEADING:
            kint(&w, "level", b->level);
            kstr(&w, "text", b->title);
            break;
        case SKPI_BLOCK_PARAGRAPH: {
            key(&w, "spans");
            jopen(&w, '[', false);
            static const char *const styles[] = { "plain", "emphasis", "strong" };
            for (size_t k = 0; k < b->count; k++) {
                int style = SKPI_SPAN_PLAIN;
                const char *text = skpi__span_at(&style, b, k);
                item(&w);
                jopen(&w, '{', true);
                kstr(&w, "style", styles[style]);
                kstr(&w, "text", text);
                jclose(&w, '}');
            }
            jclose(&w, ']');
            break;
        }
        case SKPI_BLOCK_CALLOUT:
            kstr(&w, "kind", skpi__callout_key(b->level));
            kstr(&w, "title", b->title);
            kstr(&w, "text", b->text);
            break;
        case SKPI_BLOCK_LIST: {
            kbool(&w, "ordered", b->level != 0);
            key(&w, "items");
            jopen(&w, '[', false);
            for (size_t k = 0; k < b->count; k++) { item(&w); str(&w, skpi__list_item_at(b, k)); }
            jclose(&w, ']');
            break;
        }
        default:
            kstr(&w, "title", b->title);
            switch (b->kind) {
            case SKPI_BLOCK_KPI_TABLE: kpi_table(&w, b); break;
            case SKPI_BLOCK_TABLE: table(&w, b); break;
            case SKPI_BLOCK_CHART: chart(&w, b); break;
            case SKPI_BLOCK_GOALS: goals(&w, b); break;
            case SKPI_BLOCK_OBJECTIVES: objectives(&w, b); break;
            default: posts(&w, b); break;
            }
            break;
        }
        jclose(&w, '}');
    }
    jclose(&w, ']');
    jclose(&w, '}');
    skpi__out_char(&r->out, '\n');
}
