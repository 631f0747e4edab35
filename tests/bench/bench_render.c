/* Benchmark: render a large document (built with doc.h alone) in every
 * format, and walk the same document through doc.h's getters without
 * writing anything: the ratio says how much of a render the reading of
 * the document costs. Run: BUILD/tests/bench/bench_render [--runs N]
 * [--print FORMAT] (--print writes the document in that format to stdout
 * and times nothing). */
#define _POSIX_C_SOURCE 200809L
#define SKPI_EXPERIMENTAL
#include <socialkpi.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef SKPI_BENCH_BUILD_TYPE
#define SKPI_BENCH_BUILD_TYPE "unknown"
#endif

#define CHECK(call)                                                                             \
    do {                                                                                        \
        int rc_ = (call);                                                                       \
        if (rc_ != SKPI_OK) {                                                                   \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, skpi_last_error());   \
            exit(2);                                                                            \
        }                                                                                       \
    } while (0)

#define DAYS 365
#define ROWS 2000

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static skpi_value av(double v) { skpi_value x = { v, SKPI_AVAILABLE }; return x; }

static void add_kpis(skpi_doc *doc, const double *spark)
{
    size_t b;
    CHECK(skpi_doc_add_kpi_table(&b, doc, "Key numbers", "Previous", "Year earlier"));
    for (int i = 0; i < 200; i++) {
        skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
        char label[32];
        snprintf(label, sizeof label, "Metric %d", i);
        row.label = label;
        row.unit = i % 3 == 0 ? SKPI_UNIT_PERCENT : SKPI_UNIT_COUNT;
        row.level = i % 4 ? 1 : 0;
        row.channel = row.level ? "instagram:@acme" : NULL;
        row.value = av(1234.5 * i);
        row.previous = av(1100.0 * i);
        row.change = av(134.5 * i);
        row.change_percent = av(12.2);
        row.change_points = av(0.4);
        row.previous2 = av(900.0 * i);
        row.change2 = av(334.5 * i);
        row.change2_percent = av(37.1);
        row.change2_points = av(1.1);
        row.sparkline = spark;
        row.sparkline_length = 30;
        CHECK(skpi_doc_kpi_table_add_row(doc, b, &row));
    }
}

static void add_table(skpi_doc *doc)
{
    const char *headers[] = { "Day", "Channel", "Posts", "Reach", "Engagements", "Note" };
    const int align[] = { 0, 0, 1, 1, 1, 0 };
    size_t b;
    CHECK(skpi_doc_add_table(&b, doc, "Daily detail", 6, headers, align));
    for (int i = 0; i < ROWS; i++) {
        char day[16], posts[16], reach[16], eng[16];
        snprintf(day, sizeof day, "2026-%02d-%02d", 1 + i % 12, 1 + i % 28);
        snprintf(posts, sizeof posts, "%d", i % 7);
        snprintf(reach, sizeof reach, "%d", 1000 + i * 13);
        snprintf(eng, sizeof eng, "%d", 50 + i % 400);
        const char *cells[] = { day, "instagram:@acme", posts, reach, eng, i % 5 ? NULL : "a note, with \"quotes\"" };
        CHECK(skpi_doc_table_add_row(doc, b, cells));
    }
}

static void add_charts(skpi_doc *doc, const char *const *lp)
{
    double v[DAYS];
    for (int c = 0; c < 4; c++) {
        skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
        ch.title = "Reach by day";
        ch.kind = c % 2 ? SKPI_CHART_BAR : SKPI_CHART_LINE;
        size_t b;
        CHECK(skpi_doc_add_chart(&b, doc, &ch));
        for (int s = 0; s < 5; s++) {
            for (int d = 0; d < DAYS; d++) v[d] = (d % 17 == 0) ? NAN : 1000 + 100 * s + 3.0 * d;
            char name[16];
            snprintf(name, sizeof name, "Series %d", s);
            /* The last two charts: series over shifted days, so the axis is a union. */
            size_t off = c >= 2 ? (size_t)s * 10 : 0;
            CHECK(skpi_doc_chart_add_series(NULL, doc, b, name, s % 2, lp + off, v, DAYS - 50));
        }
    }
    /* Labels repeated inside a series, on an axis that is a union. */
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.title = "Repeated labels";
    size_t b;
    CHECK(skpi_doc_add_chart(&b, doc, &ch));
    const char *first[] = { "A", "B" }, *second[] = { "C", "C", "A" };
    const double v1[] = { 1, 2 }, v2[] = { 3, 4, 5 };
    CHECK(skpi_doc_chart_add_series(NULL, doc, b, "first", 0, first, v1, 2));
    CHECK(skpi_doc_chart_add_series(NULL, doc, b, "second", 0, second, v2, 3));
}

static void add_cards(skpi_doc *doc)
{
    size_t g, o, p;
    CHECK(skpi_doc_add_goals(&g, doc, "Goals"));
    CHECK(skpi_doc_add_objectives(&o, doc, "OKRs"));
    CHECK(skpi_doc_add_posts(&p, doc, "Top posts"));
    for (int i = 0; i < 100; i++) {
        skpi_doc_goal goal = SKPI_DOC_GOAL_INIT;
        goal.name = "Grow reach on Instagram by 20 %";
        goal.status = "on_track";
        goal.tone = SKPI_TONE_GOOD;
        goal.current = av(12000 + i);
        goal.target = av(15000);
        goal.progress = av(0.6);
        goal.expected = av(0.55);
        goal.forecast = av(0.9);
        goal.deadline = "2026-12-31";
        goal.note = "needs 1,250 a week";
        CHECK(skpi_doc_goals_add(doc, g, &goal));
        skpi_doc_objective obj = SKPI_DOC_OBJECTIVE_INIT;
        obj.title = "Be the brand people talk about";
        obj.score = av(0.63);
        obj.score_rounded = av(0.6);
        obj.band = "yellow";
        size_t k;
        CHECK(skpi_doc_objectives_add(&k, doc, o, &obj));
        for (int r = 0; r < 3; r++) {
            skpi_doc_key_result kr = SKPI_DOC_KEY_RESULT_INIT;
            kr.title = "Mentions up to 2,000 a month";
            kr.start = av(1000);
            kr.current = av(1600);
            kr.target = av(2000);
            kr.score = av(0.6);
            CHECK(skpi_doc_objective_add_key_result(doc, o, k, &kr));
        }
        skpi_doc_post post = SKPI_DOC_POST_INIT;
        post.channel = "x:@acme";
        post.published = "2026-11-03";
        post.text = "A post about coffee <b>with</b> a link & a few #hashtags, long enough to be cut somewhere.";
        post.url = "https://example.com/post?id=1&x=2";
        post.metric = "Engagements";
        post.value = av(400 + i);
        post.ratio = av(3.2);
        CHECK(skpi_doc_posts_add(doc, p, &post));
    }
}

static void add_text(skpi_doc *doc)
{
    for (int i = 0; i < 200; i++) {
        size_t b;
        CHECK(skpi_doc_add_heading(NULL, doc, 1 + i % 3, "A section"));
        CHECK(skpi_doc_add_paragraph(&b, doc, "Reach rose 12.4% against October, "));
        CHECK(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_STRONG, "driven by Instagram"));
        CHECK(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_PLAIN, ", while X fell; more words follow to wrap "
                                                                   "the line in the text output at its width."));
        CHECK(skpi_doc_add_callout(NULL, doc, i % 3, "Win", "Best month on record for reach."));
        CHECK(skpi_doc_add_list(&b, doc, i % 2));
        for (int k = 0; k < 3; k++) CHECK(skpi_doc_list_add_item(doc, b, "Look into the drop in link clicks."));
    }
}

/* Read every item of the document through the getters, as a renderer
 * does, and write nothing. */
static double walk(const skpi_doc *doc)
{
    double sum = 0;
    size_t n = skpi_doc_block_count(doc);
    for (size_t b = 0; b < n; b++) {
        int kind;
        size_t size, cols;
        const char *title;
        CHECK(skpi_doc_block_kind(&kind, doc, b));
        CHECK(skpi_doc_block_size(&size, doc, b));
        CHECK(skpi_doc_block_title(&title, doc, b));
        for (size_t i = 0; i < size; i++) {
            switch (kind) {
            case SKPI_BLOCK_PARAGRAPH: { const char *t; CHECK(skpi_doc_span(NULL, &t, doc, b, i)); sum += t[0]; break; }
            case SKPI_BLOCK_LIST: { const char *t; CHECK(skpi_doc_list_item(&t, doc, b, i)); sum += t[0]; break; }
            case SKPI_BLOCK_KPI_TABLE: { skpi_doc_kpi_row r = SKPI_DOC_KPI_ROW_INIT;
                CHECK(skpi_doc_kpi_row_get(&r, doc, b, i)); sum += r.value.value; break; }
            case SKPI_BLOCK_TABLE: { const char *const *cells; CHECK(skpi_doc_table_columns(&cols, doc, b));
                CHECK(skpi_doc_table_row(&cells, doc, b, i));
                for (size_t c = 0; c < cols; c++) sum += cells[c][0];
                break; }
            case SKPI_BLOCK_CHART: { size_t len; const double *v; const size_t *idx;
                CHECK(skpi_doc_chart_series(NULL, NULL, &len, NULL, &v, doc, b, i));
                CHECK(skpi_doc_chart_series_categories(&idx, doc, b, i));
                for (size_t k = 0; k < len; k++) if (!isnan(v[k])) sum += v[k] + (double)idx[k];
                break; }
            case SKPI_BLOCK_GOALS: { skpi_doc_goal g = SKPI_DOC_GOAL_INIT; CHECK(skpi_doc_goal_get(&g, doc, b, i));
                sum += g.progress.value; break; }
            case SKPI_BLOCK_OBJECTIVES: { skpi_doc_objective o = SKPI_DOC_OBJECTIVE_INIT; size_t krs;
                CHECK(skpi_doc_objective_get(&o, &krs, doc, b, i));
                for (size_t k = 0; k < krs; k++) { skpi_doc_key_result kr = SKPI_DOC_KEY_RESULT_INIT;
                    CHECK(skpi_doc_key_result_get(&kr, doc, b, i, k)); sum += kr.score.value; }
                break; }
            case SKPI_BLOCK_POSTS: { skpi_doc_post p = SKPI_DOC_POST_INIT; CHECK(skpi_doc_post_get(&p, doc, b, i));
                sum += p.value.value; break; }
            default: break;
            }
        }
    }
    return sum;
}

int main(int argc, char **argv)
{
    int runs = 31, print = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--print") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            for (int k = 0; k <= SKPI_FORMAT_TEXT; k++)
                if (strcmp(skpi_format_name(k), f) == 0) print = k;
        }
    }
    if (runs < 1) runs = 1;

    static char labels[DAYS + 60][16];
    static const char *lp[DAYS + 60];
    for (int d = 0; d < DAYS + 60; d++) {
        snprintf(labels[d], sizeof labels[d], "day %d", d);
        lp[d] = labels[d];
    }
    double spark[30];
    for (int i = 0; i < 30; i++) spark[i] = 100 + 7 * (i % 9);
    skpi_doc *doc;
    CHECK(skpi_doc_new(&doc));
    CHECK(skpi_doc_set_title(doc, "Render benchmark"));
    double t0 = now_ms();
    add_text(doc);
    add_kpis(doc, spark);
    add_table(doc);
    add_charts(doc, lp);
    add_cards(doc);
    double build_ms = now_ms() - t0;

    skpi_render_options opts = SKPI_RENDER_OPTIONS_INIT;
    opts.generated_at = 1796083200;
    if (print >= 0) {
        skpi_sink out;
        CHECK(skpi_sink_stdio(&out, stdout));
        CHECK(skpi_render(doc, print, &opts, &out));
        skpi_doc_free(doc);
        return 0;
    }
    double *t = malloc(sizeof(double) * (size_t)runs);
    double walk_ms;
    {
        volatile double sink_sum = 0;
        for (int i = 0; i < runs; i++) {
            double a = now_ms();
            sink_sum += walk(doc);
            t[i] = now_ms() - a;
        }
        qsort(t, (size_t)runs, sizeof *t, cmp);
        walk_ms = t[runs / 2];
        (void)sink_sum;
    }
    printf("bench_render (%s build): %zu blocks, %d table rows, 4 charts x 5 series x %d points and a small one\n",
           SKPI_BENCH_BUILD_TYPE, skpi_doc_block_count(doc), ROWS, DAYS - 50);
    printf("  build the document             %8.2f ms (once)\n", build_ms);
    printf("  walk it through the getters    %8.3f ms (median of %d)\n", walk_ms, runs);
    for (int f = 0; f <= SKPI_FORMAT_TEXT; f++) {
        size_t bytes = 0;
        for (int i = 0; i < runs; i++) {
            skpi_buffer buf = SKPI_BUFFER_INIT;
            skpi_sink sink;
            CHECK(skpi_sink_memory(&sink, &buf));
            double a = now_ms();
            CHECK(skpi_render(doc, f, &opts, &sink));
            t[i] = now_ms() - a;
            bytes = buf.size;
            skpi_buffer_reset(&buf);
        }
        qsort(t, (size_t)runs, sizeof *t, cmp);
        printf("  render %-9s %9zu bytes %8.2f ms (median, min %.2f); walking is %.1f%% of it\n",
               skpi_format_name(f), bytes, t[runs / 2], t[0], 100.0 * walk_ms / t[runs / 2]);
    }
    free(t);
    skpi_doc_free(doc);
    return 0;
}
