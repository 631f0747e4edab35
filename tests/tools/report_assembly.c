/* Assembles a weekly report from a fixed dataset, goals, an aligned OKR and
 * a definition that uses every setter (custom sections and templates too),
 * and renders it in every format this build has, for
 * bindings/python/tests/test_report_definition.py, which builds the same
 * inputs through the Python binding and compares the bytes.
 *
 *   report_assembly OUT_DIR   writes OUT_DIR/report.{md,html,json,csv,txt}
 *
 * The data come from integer formulas (no floating-point arithmetic, no
 * random generator), so that the Python side computes exactly the same
 * doubles. Any change here must be mirrored there. */
#include <socialkpi.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define DAY INT64_C(86400)

#define CHECK(call)                                                                          \
    do {                                                                                     \
        int rc_ = (call);                                                                    \
        if (rc_ != SKPI_OK) {                                                                \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, skpi_last_error()); \
            exit(1);                                                                         \
        }                                                                                    \
    } while (0)

/* Day 0 is 2025-09-01; the last day, 2026-11-30, is day DAYS - 1. The report
 * week (Sunday 22 to Saturday 28 November 2026 at UTC+01:00) is days 447 to 453. */
enum { DAYS = 456, SPIKE_DAY = 450, STANDOUT_DAY = 450, GAP_DAY = 451 };

static const char *const channels[] = { "instagram:@acme", "linkedin:acme-coffee", "x:@acme" };
static const int64_t scale[] = { 1000, 450, 300 }; /* per mille */

static const struct { const char *key; int64_t base, growth, wiggle; } flows[] = {
    { "impressions", 9000, 1, 40 }, { "reach", 6000, 1, 25 }, { "engagements", 420, 2, 6 },
    { "link_clicks", 120, 2, 3 },   { "comments", 40, 1, 1 },
};

static skpi_time date(int y, int m, int d)
{
    skpi_time t;
    CHECK(skpi_time_from_civil(&t, y, m, d, 0, 0, 0));
    return t;
}

static void data(skpi_dataset *ds, skpi_time start)
{
    static skpi_time t[DAYS];
    static double v[DAYS];
    for (int c = 0; c < 3; c++) {
        for (int m = 0; m < 5; m++) {
            for (int64_t d = 0; d < DAYS; d++) {
                t[d] = start + d * DAY;
                int64_t x = flows[m].base * scale[c] * (1000 + flows[m].growth * d) / 1000000 +
                            (d * 37 + c * 11 + m * 5) % 23 * flows[m].wiggle;
                if (c == 1 && m == 0 && d == SPIKE_DAY) x *= 12; /* a spot check */
                v[d] = (double)x;
                if (c == 2 && m == 1 && d == GAP_DAY) v[d] = NAN; /* a partial week */
            }
            CHECK(skpi_dataset_append(ds, flows[m].key, channels[c], t, v, DAYS));
        }
        int64_t f = 6000 * scale[c] / 1000;
        for (int64_t d = 0; d < DAYS; d++) {
            f += 20 * scale[c] / 1000 + (d * 13 + c) % 17;
            v[d] = (double)f;
        }
        CHECK(skpi_dataset_append(ds, "followers", channels[c], t, v, DAYS));
    }
    const char *social[] = { "instagram:@acme", "x:@acme" };
    CHECK(skpi_dataset_define_group(ds, "social", social, 2));

    static const char *const types[] = { "photo", "reel", "link" };
    for (int d = 0; d < DAYS; d += 3) {
        for (int c = 0; c < 3; c++) {
            char id[32], text[160], link[128];
            snprintf(id, sizeof id, "p%d-%d", d, c);
            snprintf(text, sizeof text, "Post %d on %s: our %s blend \xe2\x80\x94 caf\xc3\xa9 & <crema>.", d,
                     channels[c], d % 2 ? "winter" : "house");
            snprintf(link, sizeof link, "https://example.com/%s/%s", channels[c], id);
            skpi_time when = start + d * DAY + 9 * 3600 + c * 600;
            CHECK(skpi_dataset_add_post(ds, channels[c], id, when, types[d / 3 % 3], text, link));
            int64_t e = 300 * scale[c] * (600 + ((int64_t)d * 7919 + c * 31) % 1000) / 1000000;
            if (d == STANDOUT_DAY && c == 0) e *= 6;
            CHECK(skpi_dataset_set_post_value(ds, channels[c], id, "engagements", (double)e));
            CHECK(skpi_dataset_set_post_value(ds, channels[c], id, "comments", (double)(e / 9)));
        }
    }
}

static int notes(skpi_doc *doc, const skpi_report *report, void *userdata)
{
    (void)report;
    (void)userdata;
    size_t p;
    int rc = skpi_doc_add_paragraph(&p, doc, "The winter blend launch drove ");
    if (rc == SKPI_OK) rc = skpi_doc_paragraph_add_span(doc, p, SKPI_SPAN_STRONG, "the best week");
    if (rc == SKPI_OK) rc = skpi_doc_paragraph_add_span(doc, p, SKPI_SPAN_PLAIN, " of the quarter.");
    size_t l;
    if (rc == SKPI_OK) rc = skpi_doc_add_list(&l, doc, 1);
    if (rc == SKPI_OK) rc = skpi_doc_list_add_item(doc, l, "Film two reels at the roastery.");
    if (rc == SKPI_OK) rc = skpi_doc_list_add_item(doc, l, "Answer LinkedIn comments within the hour.");
    return rc;
}

static int cafe(skpi_doc *doc, const skpi_report *report, void *userdata)
{
    (void)report;
    return skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_WIN, "Caf\xc3\xa9 of the month", (const char *)userdata);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: report_assembly OUT_DIR\n");
        return 2;
    }
    skpi_time start = date(2025, 9, 1);
    skpi_dataset *ds;
    CHECK(skpi_dataset_new(&ds, NULL));
    data(ds, start);

    skpi_goal *followers;
    CHECK(skpi_goal_new(&followers, "Grow Instagram followers to 20,000"));
    CHECK(skpi_goal_set_category(followers, SKPI_CATEGORY_COMMUNITY_ENGAGEMENT));
    CHECK(skpi_goal_set_metric(followers, "followers"));
    CHECK(skpi_goal_set_channel(followers, "instagram:@acme"));
    CHECK(skpi_goal_set_cadence(followers, SKPI_CADENCE_MONTH));
    CHECK(skpi_goal_set_baseline_value(followers, 9000));
    skpi_period year = { date(2026, 1, 1), date(2027, 1, 1) };
    CHECK(skpi_goal_set_span(followers, year));
    CHECK(skpi_goal_set_relevance(followers, "Audience for the spring launch"));
    CHECK(skpi_goal_set_owner(followers, "Dana"));
    CHECK(skpi_goal_set_target(followers, SKPI_TARGET_ABSOLUTE, 20000));
    CHECK(skpi_goal_add_milestone(followers, date(2026, 6, 1), 13000));
    CHECK(skpi_goal_add_milestone(followers, date(2026, 11, 25), 18000));

    skpi_goal *clicks;
    CHECK(skpi_goal_new(&clicks, "Double weekly link clicks"));
    CHECK(skpi_goal_set_category(clicks, SKPI_CATEGORY_CONVERSIONS));
    CHECK(skpi_goal_set_metric(clicks, "link_clicks"));
    CHECK(skpi_goal_set_cadence(clicks, SKPI_CADENCE_WEEK));
    skpi_period audit = { date(2025, 10, 1), date(2025, 10, 8) };
    CHECK(skpi_goal_set_baseline_period(clicks, audit));
    skpi_period span = { date(2026, 1, 1), date(2026, 12, 31) };
    CHECK(skpi_goal_set_span(clicks, span));
    CHECK(skpi_goal_set_owner(clicks, "Sam"));
    CHECK(skpi_goal_set_target(clicks, SKPI_TARGET_PERCENT, 100));

    skpi_objective *brand;
    CHECK(skpi_objective_new(&brand, "Become the coffee brand people talk about"));
    skpi_period q4 = { date(2026, 10, 1), date(2027, 1, 1) };
    CHECK(skpi_objective_set_period(brand, q4));
    CHECK(skpi_objective_set_owner(brand, "Dana (brand)"));
    CHECK(skpi_objective_set_curve(brand, SKPI_OKR_CURVE_STRETCH));
    skpi_key_result *kr;
    CHECK(skpi_objective_add_key_result(&kr, brand, SKPI_KR_METRIC, "Reach 2.5 million impressions in Q4"));
    CHECK(skpi_key_result_set_range(kr, 0, 2500000));
    CHECK(skpi_key_result_set_stretch(kr, 3000000));
    CHECK(skpi_key_result_set_metric(kr, "impressions", "*"));
    CHECK(skpi_objective_add_key_result(&kr, brand, SKPI_KR_MANUAL, "Share of voice 25 %"));
    CHECK(skpi_key_result_set_range(kr, 15, 25));
    CHECK(skpi_key_result_set_stretch(kr, 28));
    CHECK(skpi_key_result_set_weight(kr, 2));
    CHECK(skpi_key_result_add_checkin(kr, date(2026, 10, 15), 17, 0.6, "Baseline month"));
    CHECK(skpi_key_result_add_checkin(kr, date(2026, 11, 20), 21, 0.5, "Competitor campaign"));
    CHECK(skpi_objective_add_key_result(&kr, brand, SKPI_KR_MILESTONE, "Launch the ambassador programme"));
    CHECK(skpi_key_result_add_checkin(kr, date(2026, 11, 20), 0.6, 0.7, "Ten ambassadors signed"));

    skpi_objective *care;
    CHECK(skpi_objective_new(&care, "Answer every customer within the hour"));
    CHECK(skpi_objective_set_period(care, q4));
    CHECK(skpi_objective_set_type(care, SKPI_OBJECTIVE_COMMITTED));
    CHECK(skpi_objective_add_key_result(&kr, care, SKPI_KR_MANUAL, "Answered within 1 h (%)"));
    CHECK(skpi_key_result_set_range(kr, 60, 100));
    CHECK(skpi_key_result_add_checkin(kr, date(2026, 11, 25), 90, NAN, NULL));
    CHECK(skpi_objective_set_parent(care, brand, 1.0));

    skpi_calendar *cal;
    CHECK(skpi_calendar_new(&cal));
    CHECK(skpi_calendar_set_utc_offset(cal, 60));
    CHECK(skpi_calendar_set_week_start(cal, 7));
    CHECK(skpi_calendar_set_fiscal_year_start(cal, 4));

    skpi_report *report;
    CHECK(skpi_report_new(&report, "Weekly social media report"));
    CHECK(skpi_report_set_audience(report, SKPI_AUDIENCE_MANAGEMENT));
    CHECK(skpi_report_set_section(report, SKPI_SECTION_CHANNELS, 1));
    CHECK(skpi_report_set_section(report, SKPI_SECTION_TOP_POSTS, 1));
    CHECK(skpi_report_set_section(report, SKPI_SECTION_SPOT_CHECKS, 1));
    CHECK(skpi_report_set_cadence(report, SKPI_CADENCE_WEEK));
    CHECK(skpi_report_set_as_of(report, date(2026, 11, 30) + 8 * 3600)); /* Monday 09:00 local */
    CHECK(skpi_report_set_calendar(report, cal));
    CHECK(skpi_report_set_comparisons(report, SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_YEAR_EARLIER));
    CHECK(skpi_report_set_currency(report, "EUR"));
    CHECK(skpi_report_add_channel(report, "instagram:*"));
    CHECK(skpi_report_add_channel(report, "linkedin:acme-coffee"));
    CHECK(skpi_report_add_channel(report, "x:@acme"));
    CHECK(skpi_report_add_kpi(report, "engagements", NULL));
    CHECK(skpi_report_add_kpi(report, "impressions", NULL));
    CHECK(skpi_report_add_kpi(report, "engagement_rate_reach", NULL));
    CHECK(skpi_report_add_kpi(report, "followers", "instagram:*"));
    CHECK(skpi_report_add_kpi(report, "link_clicks", NULL));
    CHECK(skpi_report_add_kpi(report, "comments", "@social"));
    CHECK(skpi_report_set_max_kpis(report, 5));
    CHECK(skpi_report_add_goal(report, followers));
    CHECK(skpi_report_add_goal(report, clicks));
    CHECK(skpi_report_add_objective(report, brand));
    CHECK(skpi_report_set_spot_checks(report, 3.0, 10, 25));
    CHECK(skpi_report_set_top_posts(report, 4, "engagements"));
    CHECK(skpi_report_add_section(report, "Notes from the team", notes, NULL));
    CHECK(skpi_report_add_section(report, NULL, cafe, "Our Leeds roastery: 1,204 check-ins."));
    CHECK(skpi_report_set_template(report, SKPI_TPL_HEADING_WINS, "Highlights"));
    CHECK(skpi_report_set_template(report, SKPI_TPL_HEADLINE_UP,
                                   "{metric} climbed {percent} against {comparison} (now {value})."));
    CHECK(skpi_report_set_template(report, SKPI_TPL_STATUS_ON_TRACK, "Going well"));
    CHECK(skpi_report_set_template(report, SKPI_TPL_SUBTITLE,
                                   "Week {period} \xc2\xb7 Acme Coffee \xc2\xb7 {{internal}}"));

    skpi_doc *doc;
    CHECK(skpi_report_assemble(&doc, report, ds));

    skpi_render_options opts = SKPI_RENDER_OPTIONS_INIT;
    opts.generated_at = date(2026, 11, 30) + 8 * 3600;
    opts.utc_offset_minutes = 60;
    for (int f = SKPI_FORMAT_MARKDOWN; skpi_format_name(f) != NULL; f++) {
        if (!skpi_render_supported(f)) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/report.%s", argv[1], skpi_format_extension(f));
        skpi_sink sink;
        CHECK(skpi_sink_file(&sink, path));
        CHECK(skpi_render(doc, f, &opts, &sink));
    }

    skpi_doc_free(doc);
    skpi_report_free(report);
    skpi_calendar_free(cal);
    skpi_objective_free(care);
    skpi_objective_free(brand);
    skpi_goal_free(followers);
    skpi_goal_free(clicks);
    skpi_dataset_free(ds);
    return 0;
}
