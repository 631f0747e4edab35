/* Benchmark: assemble a monthly report from a year of daily data on 5
 * channels x 20 metrics with 10 goals and 3 objectives, and render it as
 * HTML. The budget is 50 ms for both together; the other formats are timed
 * too, and PDF and XLSX (when built) have a budget of their own, 150 ms
 * each for the render.
 * Run: BUILD/tests/bench/bench_report [--runs N] [--print FORMAT]
 * (--print writes the report in that format, e.g. "text", to stdout).
 * Exits 1 when a median is over its budget. */
#define _POSIX_C_SOURCE 200809L
#include <socialkpi.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef SKPI_BENCH_BUILD_TYPE
#define SKPI_BENCH_BUILD_TYPE "unknown"
#endif

#define BUDGET_MS 50.0
/* PDF and XLSX (when built) each have a budget of their own for the render. */
#define PAGED_BUDGET_MS 150.0
#define DAYS 365
#define CHANNELS 5
#define METRICS 20

#define CHECK(call)                                                                             \
    do {                                                                                        \
        int rc_ = (call);                                                                       \
        if (rc_ != SKPI_OK) {                                                                   \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, skpi_last_error());   \
            exit(2);                                                                            \
        }                                                                                       \
    } while (0)

static const char *const channels[CHANNELS] = { "instagram:@acme", "facebook:acme", "linkedin:acme-corp",
                                                "x:@acme", "tiktok:@acme" };
/* 19 flows and one stock (followers). */
static const char *const metrics[METRICS] = {
    "impressions", "reach", "engagements", "likes", "comments", "shares", "saves", "link_clicks",
    "video_views", "mentions", "new_followers", "lost_followers", "posts_published", "messages_received",
    "messages_answered", "conversions", "sessions", "bounced_sessions", "spend", "followers" };

static unsigned long long rng = 12345;
static double uniform(void)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(rng >> 11) / 9007199254740992.0;
}

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

static skpi_time date(int y, int m, int d)
{
    skpi_time t;
    CHECK(skpi_time_from_civil(&t, y, m, d, 0, 0, 0));
    return t;
}

static skpi_dataset *build_dataset(skpi_time start)
{
    skpi_dataset *ds;
    CHECK(skpi_dataset_new(&ds, NULL));
    static skpi_time t[DAYS];
    static double v[DAYS];
    for (int c = 0; c < CHANNELS; c++) {
        for (int m = 0; m < METRICS; m++) {
            double level = 100.0 * (m + 1) * (c + 1), stock = 5000.0 * (c + 1);
            for (int d = 0; d < DAYS; d++) {
                t[d] = start + (skpi_time)d * 86400;
                if (m == METRICS - 1) {
                    stock += 20 * uniform();
                    v[d] = floor(stock);
                } else {
                    v[d] = floor(level * (1 + 0.3 * d / DAYS) * (0.8 + 0.4 * uniform()));
                }
            }
            CHECK(skpi_dataset_append(ds, metrics[m], channels[c], t, v, DAYS));
        }
        /* Two posts a day. */
        for (int d = 0; d < DAYS; d++)
            for (int k = 0; k < 2; k++) {
                char id[32];
                snprintf(id, sizeof id, "%d-%d", d, k);
                CHECK(skpi_dataset_add_post(ds, channels[c], id, start + (skpi_time)d * 86400 + 3600 * (9 + 6 * k),
                                            "photo", "A post about coffee, with a link and a few hashtags.",
                                            "https://example.com/post"));
                CHECK(skpi_dataset_set_post_value(ds, channels[c], id, "engagements", floor(400 * uniform())));
                CHECK(skpi_dataset_set_post_value(ds, channels[c], id, "comments", floor(40 * uniform())));
            }
    }
    return ds;
}

int main(int argc, char **argv)
{
    int runs = 21, print = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--print") == 0 && i + 1 < argc) {
            const char *f = argv[++i];
            for (int k = 0; skpi_format_name(k) != NULL; k++)
                if (strcmp(skpi_format_name(k), f) == 0) print = k;
        }
    }
    if (runs < 1) runs = 1;

    skpi_time start = date(2026, 1, 1), end = date(2027, 1, 1);
    double t0 = now_ms();
    skpi_dataset *ds = build_dataset(start);
    double load_ms = now_ms() - t0;

    skpi_report *r;
    CHECK(skpi_report_new(&r, "Monthly social media report"));
    CHECK(skpi_report_set_audience(r, SKPI_AUDIENCE_SELF)); /* every section */
    CHECK(skpi_report_set_cadence(r, SKPI_CADENCE_MONTH));
    CHECK(skpi_report_set_as_of(r, end));
    for (int m = 0; m < METRICS; m++) CHECK(skpi_report_add_kpi(r, metrics[m], NULL));

    skpi_period span = { start, end };
    skpi_period audit = { start, date(2026, 2, 1) };
    for (int g = 0; g < 10; g++) {
        skpi_goal *goal;
        char name[64];
        snprintf(name, sizeof name, "Grow %s by %d %%", metrics[g], 10 + 5 * g);
        CHECK(skpi_goal_new(&goal, name));
        CHECK(skpi_goal_set_metric(goal, metrics[g]));
        CHECK(skpi_goal_set_channel(goal, channels[g % CHANNELS]));
        CHECK(skpi_goal_set_baseline_period(goal, audit));
        CHECK(skpi_goal_set_target(goal, SKPI_TARGET_PERCENT, 10 + 5 * g));
        CHECK(skpi_goal_set_span(goal, span));
        CHECK(skpi_goal_set_cadence(goal, SKPI_CADENCE_MONTH));
        CHECK(skpi_report_add_goal(r, goal));
        skpi_goal_free(goal);
    }
    skpi_objective *objs[3];
    skpi_period q4 = { date(2026, 10, 1), end };
    for (int o = 0; o < 3; o++) {
        char title[64];
        snprintf(title, sizeof title, "Objective %d", o + 1);
        CHECK(skpi_objective_new(&objs[o], title));
        CHECK(skpi_objective_set_period(objs[o], q4));
        for (int k = 0; k < 3; k++) {
            skpi_key_result *kr;
            char krt[64];
            snprintf(krt, sizeof krt, "Key result %d.%d", o + 1, k + 1);
            CHECK(skpi_objective_add_key_result(&kr, objs[o], SKPI_KR_METRIC, krt));
            CHECK(skpi_key_result_set_metric(kr, metrics[3 * o + k], "*"));
            CHECK(skpi_key_result_set_range(kr, 0, 1e6 * (k + 1)));
        }
        CHECK(skpi_report_add_objective(r, objs[o]));
    }

    double *assemble = malloc(sizeof(double) * (size_t)runs);
    double *html = malloc(sizeof(double) * (size_t)runs);
    /* The formats a build may leave out, timed each run. */
    struct {
        int format;
        const char *name, *option;
        double *ms;
        size_t bytes;
    } extra[] = { { SKPI_FORMAT_PDF, "PDF", "SKPI_WITH_PDF", NULL, 0 },
                  { SKPI_FORMAT_XLSX, "XLSX", "SKPI_WITH_XLSX", NULL, 0 } };
    enum { EXTRA = sizeof extra / sizeof extra[0] };
    for (int e = 0; e < EXTRA; e++) extra[e].ms = calloc((size_t)runs, sizeof(double));
    double other[5] = { 0 };
    size_t html_bytes = 0, blocks = 0;
    skpi_render_options opts = SKPI_RENDER_OPTIONS_INIT;
    opts.generated_at = end;
    for (int i = 0; i < runs; i++) {
        skpi_doc *doc;
        double a = now_ms();
        CHECK(skpi_report_assemble(&doc, r, ds));
        double b = now_ms();
        skpi_buffer buf = SKPI_BUFFER_INIT;
        skpi_sink sink;
        CHECK(skpi_sink_memory(&sink, &buf));
        CHECK(skpi_render(doc, SKPI_FORMAT_HTML, &opts, &sink));
        double c = now_ms();
        assemble[i] = b - a;
        html[i] = c - b;
        html_bytes = buf.size;
        blocks = skpi_doc_block_count(doc);
        skpi_buffer_reset(&buf);
        for (int e = 0; e < EXTRA; e++) {
            if (!skpi_render_supported(extra[e].format)) continue;
            CHECK(skpi_sink_memory(&sink, &buf));
            double s = now_ms();
            CHECK(skpi_render(doc, extra[e].format, &opts, &sink));
            extra[e].ms[i] = now_ms() - s;
            extra[e].bytes = buf.size;
            skpi_buffer_reset(&buf);
        }
        if (i == 0 && print >= 0) {
            CHECK(skpi_sink_stdio(&sink, stdout));
            CHECK(skpi_render(doc, print, &opts, &sink));
        }
        if (i == 0) {
            for (int f = 0; f < 5; f++) {
                if (f == SKPI_FORMAT_HTML) continue;
                double s = now_ms();
                CHECK(skpi_sink_memory(&sink, &buf));
                CHECK(skpi_render(doc, f, &opts, &sink));
                other[f] = now_ms() - s;
                skpi_buffer_reset(&buf);
            }
        }
        skpi_doc_free(doc);
    }
    double *total = malloc(sizeof(double) * (size_t)runs);
    for (int i = 0; i < runs; i++) total[i] = assemble[i] + html[i];
    qsort(assemble, (size_t)runs, sizeof *assemble, cmp);
    qsort(html, (size_t)runs, sizeof *html, cmp);
    qsort(total, (size_t)runs, sizeof *total, cmp);
    double median = total[runs / 2];

    printf("bench_report (%s build): %d channels x %d metrics x %d days, %zu posts, 10 goals, 3 objectives\n",
           SKPI_BENCH_BUILD_TYPE, CHANNELS, METRICS, DAYS, skpi_dataset_post_count(ds));
    printf("  loading the dataset          %8.1f ms (not timed against the budget)\n", load_ms);
    printf("  assemble (median of %d)      %8.2f ms  (min %.2f)\n", runs, assemble[runs / 2], assemble[0]);
    printf("  render HTML (median)         %8.2f ms  (min %.2f), %zu bytes, %zu blocks\n", html[runs / 2],
           html[0], html_bytes, blocks);
    printf("  render Markdown / JSON / CSV / text (one run) %.2f / %.2f / %.2f / %.2f ms\n",
           other[SKPI_FORMAT_MARKDOWN], other[SKPI_FORMAT_JSON], other[SKPI_FORMAT_CSV], other[SKPI_FORMAT_TEXT]);
    printf("  assemble + HTML (median)     %8.2f ms  budget %.0f ms: %s (%.2fx of the budget)\n", median,
           BUDGET_MS, median < BUDGET_MS ? "within" : "OVER", median / BUDGET_MS);
    bool within = median < BUDGET_MS;
    for (int e = 0; e < EXTRA; e++) {
        if (!skpi_render_supported(extra[e].format)) {
            printf("  render %-4s                  not built (%s is OFF)\n", extra[e].name, extra[e].option);
            continue;
        }
        qsort(extra[e].ms, (size_t)runs, sizeof *extra[e].ms, cmp);
        double m = extra[e].ms[runs / 2];
        printf("  render %-4s (median)         %8.2f ms  (min %.2f), %zu bytes; budget %.0f ms: %s (%.2fx of "
               "the budget; %.1fx the HTML render)\n",
               extra[e].name, m, extra[e].ms[0], extra[e].bytes, PAGED_BUDGET_MS, m < PAGED_BUDGET_MS ? "within" : "OVER",
               m / PAGED_BUDGET_MS, m / html[runs / 2]);
        within = within && m < PAGED_BUDGET_MS;
    }

    free(assemble);
    free(html);
    for (int e = 0; e < EXTRA; e++) free(extra[e].ms);
    free(total);
    for (int o = 0; o < 3; o++) skpi_objective_free(objs[o]);
    skpi_report_free(r);
    skpi_dataset_free(ds);
    return within ? 0 : 1;
}
