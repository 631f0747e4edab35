/* A monthly team report from eleven months of daily data on three channels,
 * with goals, an OKR and top posts, written in all five formats.
 *
 *   report_formats [OUTPUT_DIR]
 *
 * writes OUTPUT_DIR/report.{md,html,json,csv,txt} (default: the current
 * directory) and prints the plain-text version. The data are made up by a
 * fixed pseudo-random generator, so every run writes the same files. */
#include <socialkpi.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(call)                                                                \
    do {                                                                           \
        int rc_ = (call);                                                          \
        if (rc_ != SKPI_OK) {                                                      \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, skpi_last_error()); \
            exit(1);                                                               \
        }                                                                          \
    } while (0)

static unsigned long long state = 42;

/* A uniform number in [0, 1) from a 64-bit linear congruential generator. */
static double uniform(void)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(state >> 11) / 9007199254740992.0;
}

enum { DAYS = 334 }; /* 2026-01-01 to 2026-11-30 */

static void fill(skpi_dataset *ds, const char *channel, const char *metric, double base, double growth,
                 double noise, skpi_time start)
{
    skpi_time t[DAYS];
    double v[DAYS];
    for (int d = 0; d < DAYS; d++) {
        t[d] = start + (skpi_time)d * 86400;
        double trend = base * (1.0 + growth * d / DAYS);
        v[d] = floor(trend * (1.0 + noise * (uniform() - 0.5)));
    }
    CHECK(skpi_dataset_append(ds, metric, channel, t, v, DAYS));
}

static void data(skpi_dataset *ds, skpi_time start)
{
    static const struct { const char *channel; double scale; } ch[] = {
        { "instagram:@acmecoffee", 1.0 }, { "linkedin:acme-coffee", 0.45 }, { "x:@acmecoffee", 0.3 },
    };
    for (size_t i = 0; i < 3; i++) {
        double s = ch[i].scale;
        fill(ds, ch[i].channel, "impressions", 9000 * s, 0.4, 0.3, start);
        fill(ds, ch[i].channel, "reach", 6000 * s, 0.35, 0.3, start);
        fill(ds, ch[i].channel, "engagements", 420 * s, i == 0 ? 0.9 : 0.3, 0.4, start);
        fill(ds, ch[i].channel, "comments", 40 * s, 0.2, 0.5, start);
        fill(ds, ch[i].channel, "link_clicks", 120 * s, 0.5, 0.4, start);
        fill(ds, ch[i].channel, "conversions", 9 * s, 0.6, 0.6, start);
        /* Followers: a stock that grows by about 30 a day on Instagram. */
        skpi_time t[DAYS];
        double v[DAYS];
        double f = 6000 * s;
        for (int d = 0; d < DAYS; d++) {
            t[d] = start + (skpi_time)d * 86400;
            f += 30 * s * (0.5 + uniform());
            v[d] = floor(f);
        }
        CHECK(skpi_dataset_append(ds, "followers", ch[i].channel, t, v, DAYS));
    }
    /* A spike the spot check should catch: one November day with as many
     * LinkedIn impressions as a usual month. */
    skpi_time spike = start + (skpi_time)(DAYS - 19) * 86400;
    double big = 30 * 9000 * 0.45;
    CHECK(skpi_dataset_append(ds, "impressions", "linkedin:acme-coffee", &spike, &big, 1));

    /* Posts: two a week per channel, with engagements and comments. */
    char id[32], text[160];
    for (int d = 0; d < DAYS; d += 3) {
        for (size_t i = 0; i < 3; i++) {
            snprintf(id, sizeof id, "p%d-%zu", d, i);
            snprintf(text, sizeof text, "Post %d on %s: our %s blend, roasted this week.", d, ch[i].channel,
                     d % 2 ? "winter" : "house");
            skpi_time when = start + (skpi_time)d * 86400 + 9 * 3600;
            char link[96];
            snprintf(link, sizeof link, "https://example.com/%s/%s", ch[i].channel, id);
            CHECK(skpi_dataset_add_post(ds, ch[i].channel, id, when, "photo", text, link));
            double e = floor(300 * ch[i].scale * (0.6 + uniform()));
            if (d == DAYS - 13 && i == 0) e *= 6; /* a standout post in November */
            CHECK(skpi_dataset_set_post_value(ds, ch[i].channel, id, "engagements", e));
            CHECK(skpi_dataset_set_post_value(ds, ch[i].channel, id, "comments", floor(e / 9)));
        }
    }
}

static skpi_time date(int y, int m, int d)
{
    skpi_time t;
    CHECK(skpi_time_from_civil(&t, y, m, d, 0, 0, 0));
    return t;
}

static int custom_section(skpi_doc *doc, const skpi_report *report, void *userdata)
{
    (void)report;
    return skpi_doc_add_paragraph(NULL, doc, (const char *)userdata);
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    skpi_time start = date(2026, 1, 1);
    skpi_dataset *ds;
    CHECK(skpi_dataset_new(&ds, NULL));
    data(ds, start);

    skpi_goal *followers;
    CHECK(skpi_goal_new(&followers, "Grow Instagram followers to 16,000"));
    CHECK(skpi_goal_set_metric(followers, "followers"));
    CHECK(skpi_goal_set_channel(followers, "instagram:@acmecoffee"));
    CHECK(skpi_goal_set_baseline_value(followers, 6000));
    CHECK(skpi_goal_set_target(followers, SKPI_TARGET_ABSOLUTE, 16000));
    skpi_period span = { start, date(2027, 1, 1) };
    CHECK(skpi_goal_set_span(followers, span));
    CHECK(skpi_goal_set_cadence(followers, SKPI_CADENCE_MONTH));

    skpi_goal *clicks;
    CHECK(skpi_goal_new(&clicks, "Double monthly link clicks"));
    CHECK(skpi_goal_set_metric(clicks, "link_clicks"));
    CHECK(skpi_goal_set_target(clicks, SKPI_TARGET_PERCENT, 100));
    skpi_period audit = { date(2026, 1, 1), date(2026, 2, 1) };
    CHECK(skpi_goal_set_baseline_period(clicks, audit));
    CHECK(skpi_goal_set_span(clicks, span));
    CHECK(skpi_goal_set_cadence(clicks, SKPI_CADENCE_MONTH));

    skpi_objective *brand;
    CHECK(skpi_objective_new(&brand, "Become the coffee brand people talk about"));
    skpi_period q4 = { date(2026, 10, 1), date(2027, 1, 1) };
    CHECK(skpi_objective_set_period(brand, q4));
    CHECK(skpi_objective_set_owner(brand, "Dana (brand)"));
    skpi_key_result *kr;
    CHECK(skpi_objective_add_key_result(&kr, brand, SKPI_KR_METRIC, "Reach 2.5 million impressions in Q4"));
    CHECK(skpi_key_result_set_metric(kr, "impressions", "*"));
    CHECK(skpi_key_result_set_range(kr, 0, 2500000));
    CHECK(skpi_objective_add_key_result(&kr, brand, SKPI_KR_MILESTONE, "Launch the ambassador programme"));
    CHECK(skpi_key_result_add_checkin(kr, date(2026, 11, 20), 0.6, 0.7, "Ten ambassadors signed"));

    skpi_report *report;
    CHECK(skpi_report_new(&report, "Monthly social media report"));
    CHECK(skpi_report_set_audience(report, SKPI_AUDIENCE_TEAM));
    CHECK(skpi_report_set_cadence(report, SKPI_CADENCE_MONTH));
    CHECK(skpi_report_set_as_of(report, date(2026, 12, 1)));
    CHECK(skpi_report_set_comparisons(report, SKPI_COMPARE_PREVIOUS));
    CHECK(skpi_report_add_kpi(report, "engagements", NULL));
    CHECK(skpi_report_add_kpi(report, "impressions", NULL));
    CHECK(skpi_report_add_kpi(report, "engagement_rate_reach", NULL));
    CHECK(skpi_report_add_kpi(report, "followers", NULL));
    CHECK(skpi_report_add_kpi(report, "conversions", NULL));
    CHECK(skpi_report_add_goal(report, followers));
    CHECK(skpi_report_add_goal(report, clicks));
    CHECK(skpi_report_add_objective(report, brand));
    CHECK(skpi_report_add_section(report, "Notes from the team", custom_section,
                                  "The winter blend launch on 17 November drove the best week of the year."));

    skpi_doc *doc;
    CHECK(skpi_report_assemble(&doc, report, ds));

    skpi_render_options opts = SKPI_RENDER_OPTIONS_INIT;
    opts.generated_at = date(2026, 12, 1) + 8 * 3600;
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_TEXT; f++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/report.%s", dir, skpi_format_extension(f));
        skpi_sink sink;
        CHECK(skpi_sink_file(&sink, path));
        CHECK(skpi_render(doc, f, &opts, &sink));
        fprintf(stderr, "wrote %s\n", path);
    }
    skpi_sink out;
    CHECK(skpi_sink_stdio(&out, stdout));
    CHECK(skpi_render(doc, SKPI_FORMAT_TEXT, &opts, &out));

    skpi_doc_free(doc);
    skpi_report_free(report);
    skpi_objective_free(brand);
    skpi_goal_free(followers);
    skpi_goal_free(clicks);
    skpi_dataset_free(ds);
    return 0;
}
