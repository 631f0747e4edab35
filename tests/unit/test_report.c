/* Tests of report definitions and assembly (report.h): presets, templates,
 * narrative facts against hand-computed numbers, spot checks, wins, custom
 * sections, errors and out of memory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"
#include "test_alloc.h"

static skpi_time day(int y, int m, int d)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

static int days_in(int y, int m)
{
    static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && y % 4 == 0 ? 29 : n[m - 1];
}

/* Daily points of one metric on one channel, a constant per day within each
 * month, for the 13 months from 2025-11 to 2026-11. */
static void monthly(skpi_dataset *ds, const char *metric, const char *channel, const double per_day[13])
{
    skpi_time t[400];
    double v[400];
    size_t n = 0;
    for (int i = 0; i < 13; i++) {
        int y = i < 2 ? 2025 : 2026, m = i < 2 ? 11 + i : i - 1;
        for (int d = 1; d <= days_in(y, m); d++) {
            t[n] = day(y, m, d);
            v[n++] = per_day[i];
        }
    }
    assert_int_equal(skpi_dataset_append(ds, metric, channel, t, v, n), SKPI_OK);
}

/* Engagements: Instagram 100 a day until October 2026, 150 a day in
 * November; LinkedIn 50, then 60. Totals:
 *   October 2026: 31 * (100 + 50) = 4,650; November: 30 * (150 + 60) = 6,300
 *   change +1,650 = 1,650 / 4,650 = 35.48 % -> "35.5%"
 *   Instagram +1,400 (3,100 -> 4,500) = 1,400 / 1,650 = 84.8 % of it -> "85%"
 *   November 2025: 30 * 150 = 4,500; a year on, +1,800 = +40 %.
 * Impressions on Instagram only, an ordinary month in November:
 *   daily rates 1000 1040 980 1010 995 1030 970 1020 1005 985 1015 990, 1000
 *   month totals (November 2025 to October 2026) 30,000 32,240 30,380
 *   28,280 30,845 30,900 30,070 30,600 31,155 30,535 30,450 30,690;
 *   median 30,567.5, MAD 305; November 30,000: z = 0.6745 * -567.5 / 305
 *   = -1.26, inside 3.5 (worked out with Python's statistics module). */
static skpi_dataset *dataset(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    const double ig[13] = { 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 150 };
    const double li[13] = { 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 60 };
    const double imp[13] = { 1000, 1040, 980, 1010, 995, 1030, 970, 1020, 1005, 985, 1015, 990, 1000 };
    monthly(ds, "engagements", "instagram:@acme", ig);
    monthly(ds, "engagements", "linkedin:acme", li);
    monthly(ds, "impressions", "instagram:@acme", imp);
    /* Posts in November: one far above Instagram's usual. */
    const double e[] = { 120, 130, 110, 125, 900 };
    for (int i = 0; i < 5; i++) {
        char id[8];
        snprintf(id, sizeof id, "p%d", i);
        assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", id, day(2026, 11, 2 + 5 * i),
                                               "photo", "<b>Winter</b> blend", "https://example.com/p"), SKPI_OK);
        assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", id, "engagements", e[i]), SKPI_OK);
    }
    return ds;
}

static skpi_report *definition(void)
{
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Monthly report"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 12, 1)), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", NULL), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "impressions", NULL), SKPI_OK);
    return r;
}

/* All the document's text, one block per line, for searching. */
static char *doc_text(const skpi_doc *doc)
{
    skpi_buffer b = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.line_width = 200;
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_TEXT, &o, &s), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &b), SKPI_OK);
    return out;
}

static void assert_contains(const char *text, const char *part)
{
    if (strstr(text, part) == NULL) fail_msg("missing \"%s\" in:\n%s", part, text);
}

static void narrative_facts(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    assert_contains(t, "Monthly report\n==============\nReport for November 2026\n");
    assert_contains(t, "Engagements rose 35.5% compared with October 2026, to 6,300. 85% of the change came from Instagram @acme (+1,400).");
    /* The KPI table: both comparisons. */
    assert_contains(t, "- Engagements: 6,300 (+35.5% vs October 2026 4,650; +40.0% vs November 2025 4,500)");
    /* Channel contributions add up to the change: 1,400 + 250 = 1,650. */
    assert_contains(t, "- Instagram @acme: +1,400 (+45.2%), 85% of the change in Engagements.");
    assert_contains(t, "- LinkedIn acme: +250 (+16.1%), 15% of the change in Engagements.");
    /* Channels by their names: no key or selector reaches the reader. */
    assert_null(strstr(t, "instagram:"));
    assert_null(strstr(t, "linkedin:"));
    /* The best month on record: 6,300 against 31-day months of 4,650. */
    assert_contains(t, "Win: Best month on record for Engagements: 6,300 in November 2026, above the previous best of 4,650.");
    /* The 900 post against Instagram's usual: the median of 110, 120, 125,
     * 130, 900 is 125; 900 / 125 = 7.2. */
    assert_contains(t, "Win: A post on Instagram @acme reached 900 Engagements, 7.2\xC3\x97 its usual.");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void spot_checks_fire_on_spikes_only(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    /* Engagements jumped 35 % after a flat year: the total and Instagram
     * (4,500 against 3,100, +45 %) fire. History of the total: 4,200 once, 4,500 four times,
     * 4,650 seven times: median 4,650, MAD 0, mean absolute deviation
     * (450 + 4 * 150) / 12 = 87.5. */
    assert_contains(t, "Alert: Engagements on all channels was 6,300 in November 2026, far above the usual range: "
                       "the median of the 12 months before was 4,650.");
    assert_contains(t, "Alert: Engagements on Instagram @acme was 4,500 in November 2026");
    /* LinkedIn: 1,800 against a median of 1,550 (31-day months of 50 a
     * day) is +16.1 %, below the 20 % floor: no alert. */
    assert_null(strstr(t, "Alert: Engagements on LinkedIn acme"));
    /* Impressions only varied with the length of the months: no alert. */
    assert_null(strstr(t, "Alert: Impressions"));
    assert_contains(t, "- Find out what moved Engagements on all channels in November 2026.");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void spot_check_arithmetic(void **state)
{
    (void)state;
    double tmp[16], median, z;
    /* {10, 12, 11, 13, 9, 10, 11}: median 11; deviations 1 1 0 2 2 1 0,
     * MAD 1. x = 20: z = 0.6745 * 9 / 1 = 6.0705. x = 13: 1.349. */
    const double h[] = { 10, 12, 11, 13, 9, 10, 11 };
    assert_true(skpi__spot_check(20, h, 7, 3.5, 0, &median, &z, tmp));
    assert_true(median == 11);
    assert_true(fabs(z - 6.0705) < 1e-9);
    assert_false(skpi__spot_check(13, h, 7, 3.5, 0, &median, &z, tmp));
    assert_true(fabs(z - 1.349) < 1e-9);
    assert_true(skpi__spot_check(5, h, 7, 3.5, 0, &median, &z, tmp)); /* 0.6745 * -6 = -4.047 */
    assert_true(z < 0);
    /* {5, 5, 5, 5, 9}: MAD 0, mean absolute deviation 4 / 5 = 0.8, scale
     * 0.8 * 1.2533 = 1.00264. x = 7: z = 2 / 1.00264 = 1.995; x = 10: 4.987. */
    const double m[] = { 5, 5, 5, 5, 9 };
    assert_false(skpi__spot_check(7, m, 5, 3.5, 0, &median, &z, tmp));
    assert_true(fabs(z - 2 / 1.00264) < 1e-9);
    assert_true(skpi__spot_check(10, m, 5, 3.5, 0, &median, &z, tmp));
    /* Constant history: equal is fine, anything else fires. */
    const double c[] = { 5, 5, 5, 5, 5 };
    assert_false(skpi__spot_check(5, c, 5, 3.5, 0, &median, &z, tmp));
    assert_true(skpi__spot_check(6, c, 5, 3.5, 0, &median, &z, tmp));
    assert_true(isinf(z));
    /* Fewer than five usable values: never. */
    const double few[] = { 1, NAN, 2, 3, NAN, 4 };
    assert_false(skpi__spot_check(100, few, 6, 3.5, 0, &median, &z, tmp));
    assert_true(isnan(z));

    /* The relative floor: 1 against a median of 11 is a swing of 10 / 11 = 90.9 %. */
    assert_false(skpi__spot_check(1, h, 7, 3.5, 95, &median, &z, tmp));
    assert_true(skpi__spot_check(1, h, 7, 3.5, 90, &median, &z, tmp));

    /* Ordinary noise against a planted spike, 2,000 trials: 12 periods of
     * values 1000 + the sum of 4 uniforms in [-50, 50] (standard deviation
     * 57.7), then an ordinary 13th value, then a spike 10 standard
     * deviations up. The spike always fires. With the default relative
     * floor of 20 % noise almost never does (0.017 % of 100,000 trials
     * simulated with Python's statistics module); on the z-score alone it
     * fires in about 2 % of the trials (2.2 % of 20,000 simulated), which
     * is why the floor exists. */
    unsigned long long s = 7;
    int noise_fired = 0, noise_z_only = 0, spikes_fired = 0;
    for (int trial = 0; trial < 2000; trial++) {
        double hist[13];
        for (int i = 0; i < 13; i++) {
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                s = s * 6364136223846793005ULL + 1442695040888963407ULL;
                sum += (double)(s >> 11) / 9007199254740992.0 * 100.0 - 50.0;
            }
            hist[i] = 1000 + sum;
        }
        noise_fired += skpi__spot_check(hist[12], hist, 12, 3.5, 20, &median, &z, tmp);
        noise_z_only += skpi__spot_check(hist[12], hist, 12, 3.5, 0, &median, &z, tmp);
        spikes_fired += skpi__spot_check(1000 + 10 * 57.7, hist, 12, 3.5, 20, &median, &z, tmp);
    }
    assert_true(noise_fired <= 2); /* 0.1 % */
    assert_true(noise_z_only > 10 && noise_z_only < 80); /* 0.5 % to 4 % */
    assert_int_equal(spikes_fired, 2000);
}

static void goals_and_okrs(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    skpi_period year = { day(2026, 1, 1), day(2027, 1, 1) };
    /* Achieved: 6,300 in November against a target of 6,000. */
    skpi_goal *g = NULL;
    assert_int_equal(skpi_goal_new(&g, "Grow engagements"), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "engagements"), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_value(g, 4500), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, 6000), SKPI_OK);
    assert_int_equal(skpi_goal_set_span(g, year), SKPI_OK);
    assert_int_equal(skpi_goal_set_cadence(g, SKPI_CADENCE_MONTH), SKPI_OK);
    assert_int_equal(skpi_report_add_goal(r, g), SKPI_OK);
    /* Off track: (6,300 - 4,500) / (20,000 - 4,500) = 11.6 % of the way
     * after 334 of 365 days (91.5 % expected); one month left, so it needs
     * 20,000 - 6,300 = +13,700 in it. */
    assert_int_equal(skpi_goal_set_name(g, "Reach 20,000 a month"), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, 20000), SKPI_OK);
    assert_int_equal(skpi_report_add_goal(r, g), SKPI_OK);
    skpi_goal_free(g);
    assert_int_equal(skpi_report_goal_count(r), 2);
    /* copies, as they were when added */
    assert_string_equal(skpi_goal_name(skpi_report_goal(r, 0)), "Grow engagements");
    assert_true(skpi_goal_target_value(skpi_report_goal(r, 0)) == 6000);
    assert_string_equal(skpi_goal_name(skpi_report_goal(r, 1)), "Reach 20,000 a month");
    assert_null(skpi_report_goal(r, 2));

    /* A manual key result at 5 of 10: score 0.5, graded 0.5, yellow. */
    skpi_objective *o = NULL;
    assert_int_equal(skpi_objective_new(&o, "Be talked about"), SKPI_OK);
    skpi_period q4 = { day(2026, 10, 1), day(2027, 1, 1) };
    assert_int_equal(skpi_objective_set_period(o, q4), SKPI_OK);
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_MANUAL, "Ten interviews"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 10), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 11, 15), 5, 0.8, NULL), SKPI_OK);
    assert_int_equal(skpi_report_add_objective(r, o), SKPI_OK);
    assert_int_equal(skpi_report_add_objective(r, o), SKPI_EEXISTS);
    assert_ptr_equal(skpi_report_objective(r, 0), o); /* borrowed, not copied */
    assert_null(skpi_report_objective(r, 1));

    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    assert_contains(t, "1 of 2 goals is on track or achieved. Reach 20,000 a month: Off track, 12% of the way against 92% expected by now.");
    assert_contains(t, "Win: Grow engagements reached 6,300 against a target of 6,000.");
    assert_contains(t, "- Grow engagements: Achieved. Progress 120% (expected 92%)");
    /* the deadline as people write it (#18): the built-in English is day first */
    assert_contains(t, "- Reach 20,000 a month: +13,700 a month is needed to reach 20,000 by 31 December 2026.");
    /* Still running (Q4): the badge is its status. 61 of 92 days have
     * passed, so 0.663 was expected; 0.663 - 0.5 = 0.163 is more than the
     * 0.1 of on track and at most the 0.2 of at risk. */
    assert_contains(t, "Be talked about: score 0.50 (graded 0.5), At risk, aspirational.");
    assert_contains(t, "  - Ten interviews: 0.50 (5 of 10)");
    /* The same report in German and French: translated templates, CLDR
     * plural forms, month names and number shapes (U+00A0 before "%"). */
    skpi_free(t);
    skpi_doc_free(doc);
    assert_int_equal(skpi_report_set_locale(r, "de-DE"), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = doc_text(doc);
    assert_contains(t, "Bericht f\xC3\xBCr November 2026\n");
    assert_contains(t, "1 von 2 Zielen ist auf Kurs oder erreicht. Reach 20,000 a month: Nicht auf Kurs, "
                       "12\xC2\xA0% des Weges gegen\xC3\xBC" "ber 92\xC2\xA0% bis jetzt erwartet.");
    /* German writes a long date "d. MMMM y" (CLDR's long date pattern for de) */
    assert_contains(t, "Reach 20,000 a month vorantreiben: N\xC3\xB6tig sind +13.700 je Monat, um bis "
                       "31. Dezember 2026 20.000 zu erreichen.");
    skpi_free(t);
    skpi_doc_free(doc);
    assert_int_equal(skpi_report_set_locale(r, "fr-FR"), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = doc_text(doc);
    assert_contains(t, "Rapport pour novembre 2026\n");
    /* French counts 1 as singular, as English does, and 0 too */
    assert_contains(t, "1 objectif sur 2 est en bonne voie ou atteint. Reach 20,000 a month\xC2\xA0: En retard, "
                       "12\xC2\xA0% du chemin contre 92\xC2\xA0% attendus \xC3\xA0 ce stade.");
    /* the deadline in the next step's sentence, as French writes a date
     * ("d MMMM y"); the goal card keeps the ISO date */
    assert_contains(t, "pour atteindre 20\xE2\x80\xAF" "000 d\xE2\x80\x99ici le 31 d\xC3\xA9" "cembre 2026.");
    assert_int_equal(skpi_report_set_locale(r, NULL), SKPI_OK);
    /* The goal card carries the same figures as the sentence. */
    int kind;
    bool found = false;
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind != SKPI_BLOCK_GOALS) continue;
        skpi_doc_goal card = SKPI_DOC_GOAL_INIT;
        assert_int_equal(skpi_doc_goal_get(&card, doc, b, 1), SKPI_OK);
        assert_string_equal(card.status, "off_track");
        assert_int_equal(card.tone, SKPI_TONE_BAD);
        assert_true(fabs(card.progress.value - 1800.0 / 15500.0) < 1e-9);
        assert_true(card.current.value == 6300);
        found = true;
    }
    assert_true(found);
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_objective_free(o);
    skpi_dataset_free(ds);
}

/* Followers on one channel from January 2025 to March 2026, one level per
 * month (a stock: the month's value is its last day's), from monthly[0]. */
static skpi_dataset *follower_months(const double monthly[15])
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time t[460];
    double v[460];
    size_t n = 0;
    for (int i = 0; i < 15; i++) {
        int y = i < 12 ? 2025 : 2026, m = i < 12 ? i + 1 : i - 11;
        for (int d = 1; d <= days_in(y, m); d++) {
            t[n] = day(y, m, d);
            v[n++] = monthly[i];
        }
    }
    assert_int_equal(skpi_dataset_append(ds, "followers", "instagram:@acme", t, v, n), SKPI_OK);
    return ds;
}

/* A followers goal for the first half of 2026, as of 2026-04-01. */
static skpi_goal *half_year_goal(const char *name, double baseline, double target)
{
    skpi_goal *g = NULL;
    assert_int_equal(skpi_goal_new(&g, name), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "followers"), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_value(g, baseline), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, target), SKPI_OK);
    skpi_period half = { day(2026, 1, 1), day(2026, 7, 1) };
    assert_int_equal(skpi_goal_set_span(g, half), SKPI_OK);
    assert_int_equal(skpi_goal_set_cadence(g, SKPI_CADENCE_MONTH), SKPI_OK);
    return g;
}

static skpi_doc *goal_report(skpi_dataset *ds, skpi_goal *const *goals, size_t n)
{
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Goals"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 4, 1)), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "followers", NULL), SKPI_OK);
    for (size_t i = 0; i < n; i++) assert_int_equal(skpi_report_add_goal(r, goals[i]), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    skpi_report_free(r);
    return doc;
}

static skpi_doc_goal goal_card(const skpi_doc *doc, size_t index)
{
    int kind;
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind != SKPI_BLOCK_GOALS) continue;
        skpi_doc_goal card = SKPI_DOC_GOAL_INIT;
        assert_int_equal(skpi_doc_goal_get(&card, doc, b, index), SKPI_OK);
        return card;
    }
    fail_msg("no goals block");
    skpi_doc_goal none = SKPI_DOC_GOAL_INIT;
    return none;
}

/* One verdict per card: the projected value at the deadline and the
 * likelihood the goals engine computes, in place of a "forecast" in percent
 * of the way; a sentence when the status and the forecast disagree. */
static void goal_cards_show_the_forecast(void **state)
{
    (void)state;
    /* A straight line: 1,000 in January 2025, +100 a month, so 2,400 in
     * March 2026 (month 14). The least-squares line over the last 12 months
     * is the line itself; June 2026 is month 17: 1,000 + 1,700 = 2,700. */
    double line[15];
    for (int i = 0; i < 15; i++) line[i] = 1000 + 100 * i;
    skpi_dataset *ds = follower_months(line);
    /* Baseline 2,100 (December), target 2,600: 300 of 500 = 60 % of the
     * way against 90 of 181 days = 49.7 % expected: on track, and the line
     * passes the target, so the forecast agrees and no caveat is written. */
    skpi_goal *g = half_year_goal("Reach 2,600", 2100, 2600);
    skpi_doc *doc = goal_report(ds, &g, 1);
    skpi_doc_goal card = goal_card(doc, 0);
    assert_string_equal(card.status, "on_track");
    assert_true(fabs(card.projected.value - 2700) < 1e-6);
    assert_int_equal(card.projected.availability, SKPI_AVAILABLE);
    /* the likelihood is the engine's, carried unchanged */
    skpi_goal_evaluation *ev = NULL;
    assert_int_equal(skpi_goal_evaluate(&ev, g, ds, NULL, day(2026, 4, 1), NULL), SKPI_OK);
    assert_true(isfinite(skpi_goal_evaluation_likelihood(ev)));
    assert_true(card.likelihood.value == skpi_goal_evaluation_likelihood(ev));
    assert_true(card.likelihood.value > 0.5);
    skpi_goal_evaluation_free(ev);
    assert_null(card.caveat);
    /* the progress-at-deadline figure stays for programs: 600 / 500 = 120 % */
    assert_true(fabs(card.forecast.value - 1.2) < 1e-9);
    char *t = doc_text(doc);
    assert_contains(t, "Projected 2,700 at the deadline, ");
    assert_true(strstr(t, "forecast 120%") == NULL);
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_goal_free(g);
    skpi_dataset_free(ds);

    /* Flat at 2,400 for the last 13 months after a jump: baseline 1,500,
     * target 2,600: 900 of 1,100 = 82 % of the way, on track; but a flat
     * line projects 2,400 at the deadline, short of 2,600, and every past
     * forecast of a flat line was exact, so none reaches the target: the
     * card says why the two disagree. */
    double flat[15] = { 1500, 1800 };
    for (int i = 2; i < 15; i++) flat[i] = 2400;
    ds = follower_months(flat);
    skpi_goal *goals[2];
    goals[0] = half_year_goal("Reach 2,600 from 1,500", 1500, 2600);
    /* Keep at least 2,000: a goal to stay above a level has no way to go,
     * so no progress-at-deadline figure (it read 689 % on share of voice). */
    goals[1] = half_year_goal("Keep 2,000", 1500, 2000);
    assert_int_equal(skpi_goal_set_direction(goals[1], SKPI_GOAL_STAY_AT_LEAST), SKPI_OK);
    doc = goal_report(ds, goals, 2);
    card = goal_card(doc, 0);
    assert_string_equal(card.status, "on_track");
    assert_true(fabs(card.projected.value - 2400) < 1e-6);
    assert_true(card.likelihood.value < 0.5);
    assert_non_null(card.caveat);
    assert_string_equal(card.caveat, "On track so far, but the recent trend falls short of 2,600.");
    card = goal_card(doc, 1);
    assert_true(fabs(card.projected.value - 2400) < 1e-6);
    assert_true(isnan(card.forecast.value));
    assert_int_equal(card.forecast.availability, SKPI_MISSING);
    t = doc_text(doc);
    assert_contains(t, "Projected 2,400 at the deadline");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_goal_free(goals[0]);
    skpi_goal_free(goals[1]);
    skpi_dataset_free(ds);
}

/* The OKR card: one verdict (a committed objective that ended at 0.7 is
 * missed, not "Green"), aligned objectives under their parent, and the
 * latest check-in note before as_of beside its key result. */
static void okr_tree_and_verdicts(void **state)
{
    (void)state;
    skpi_period q3 = { day(2026, 7, 1), day(2026, 10, 1) };
    skpi_objective *parent = NULL, *child = NULL, *done = NULL;
    skpi_key_result *kr = NULL;
    /* Parent: one manual key result at 8 of 10 (0.8); child: 4 of 10 (0.4),
     * aligned with weight 1: the parent scores (0.8 + 0.4) / 2 = 0.6. */
    assert_int_equal(skpi_objective_new(&parent, "Be talked about"), SKPI_OK);
    assert_int_equal(skpi_objective_set_period(parent, q3), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, parent, SKPI_KR_MANUAL, "Ten interviews"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 10), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 8, 1), 6, NAN, "two booked"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 9, 1), 8, NAN, ""), SKPI_OK);
    /* after as_of: not shown */
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 12, 15), 9, NAN, "later news"), SKPI_OK);
    assert_int_equal(skpi_objective_new(&child, "Grow the audience"), SKPI_OK);
    assert_int_equal(skpi_objective_set_period(child, q3), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, child, SKPI_KR_MANUAL, "Ten partners"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 10), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 9, 20), 4, NAN, "legal review"), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(child, parent, 1.0), SKPI_OK);
    /* Committed, ended at 7 of 10 = 0.7: green on the grading scale, missed. */
    assert_int_equal(skpi_objective_new(&done, "Ship the shop"), SKPI_OK);
    assert_int_equal(skpi_objective_set_period(done, q3), SKPI_OK);
    assert_int_equal(skpi_objective_set_type(done, SKPI_OBJECTIVE_COMMITTED), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, done, SKPI_KR_MANUAL, "Ten pages"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 10), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 9, 30), 7, NAN, NULL), SKPI_OK);

    skpi_dataset *ds = dataset();
    skpi_report *r = definition(); /* as of 2026-12-01 */
    assert_int_equal(skpi_report_add_objective(r, parent), SKPI_OK);
    assert_int_equal(skpi_report_add_objective(r, done), SKPI_OK);
    /* the child is in the report too: shown once, under its parent */
    assert_int_equal(skpi_report_add_objective(r, child), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    int kind;
    size_t block = SIZE_MAX;
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind == SKPI_BLOCK_OBJECTIVES) block = b;
    }
    assert_true(block != SIZE_MAX);
    skpi_doc_objective o = SKPI_DOC_OBJECTIVE_INIT;
    size_t nkr = 0;
    const char *titles[] = { "Be talked about", "Grow the audience", "Ship the shop" };
    const unsigned depths[] = { 0, 1, 0 };
    const double scores[] = { 0.6, 0.4, 0.7 };
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(skpi_doc_objective_get(&o, &nkr, doc, block, i), SKPI_OK);
        assert_string_equal(o.title, titles[i]);
        assert_int_equal(o.depth, depths[i]);
        assert_true(fabs(o.score.value - scores[i]) < 1e-9);
        assert_int_equal(nkr, 1);
    }
    assert_int_equal(skpi_doc_objective_get(&o, &nkr, doc, block, 3), SKPI_ERANGE);
    /* the committed one: the badge says missed, in the bad tone; the band
     * key stays for programs, and the sentence names both */
    assert_int_equal(skpi_doc_objective_get(&o, NULL, doc, block, 2), SKPI_OK);
    assert_string_equal(o.band, "green");
    assert_string_equal(o.band_label, "Missed");
    assert_int_equal(o.tone, SKPI_TONE_BAD);
    assert_string_equal(o.interpretation,
                        "Missed: 0.70 is Green on the grading scale, but a committed OKR is expected to reach 1.0.");
    /* the aspirational parent at 0.6 ended in success */
    assert_int_equal(skpi_doc_objective_get(&o, NULL, doc, block, 0), SKPI_OK);
    assert_string_equal(o.band_label, "Achieved");
    assert_int_equal(o.tone, SKPI_TONE_GOOD);
    /* the child says where it counts */
    assert_int_equal(skpi_doc_objective_get(&o, NULL, doc, block, 1), SKPI_OK);
    assert_non_null(strstr(o.interpretation, "Aligned under \xE2\x80\x9c" "Be talked about\xE2\x80\x9d"));
    assert_non_null(strstr(o.interpretation, "with weight 1."));
    /* notes: the latest with text before as_of ("" on 1 September is skipped) */
    skpi_doc_key_result line = SKPI_DOC_KEY_RESULT_INIT;
    assert_int_equal(skpi_doc_key_result_get(&line, doc, block, 0, 0), SKPI_OK);
    assert_string_equal(line.note, "two booked");
    assert_int_equal(skpi_doc_key_result_get(&line, doc, block, 1, 0), SKPI_OK);
    assert_string_equal(line.note, "legal review");
    assert_int_equal(skpi_doc_key_result_get(&line, doc, block, 2, 0), SKPI_OK);
    assert_null(line.note);
    char *t = doc_text(doc);
    assert_contains(t, "    Grow the audience: score 0.40");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_objective_free(done);
    skpi_objective_free(child);
    skpi_objective_free(parent);
    skpi_dataset_free(ds);
}

/* The deadline a goal card shows for a span ending at `end` (exclusive),
 * in a report whose calendar is `offset` minutes from UTC. */
static char *card_deadline(skpi_time end, int offset, char *buf, size_t size)
{
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(cal, offset), SKPI_OK);
    assert_int_equal(skpi_report_set_calendar(r, cal), SKPI_OK);
    skpi_calendar_free(cal);
    skpi_goal *g = NULL;
    assert_int_equal(skpi_goal_new(&g, "Grow engagements"), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "engagements"), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_value(g, 4500), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, 20000), SKPI_OK);
    skpi_period span = { day(2026, 1, 1), end };
    assert_int_equal(skpi_goal_set_span(g, span), SKPI_OK);
    assert_int_equal(skpi_report_add_goal(r, g), SKPI_OK);
    skpi_goal_free(g);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    buf[0] = '\0';
    int kind;
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind != SKPI_BLOCK_GOALS) continue;
        skpi_doc_goal card = SKPI_DOC_GOAL_INIT;
        assert_int_equal(skpi_doc_goal_get(&card, doc, b, 0), SKPI_OK);
        snprintf(buf, size, "%s", card.deadline ? card.deadline : "(none)");
    }
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
    return buf;
}

/* A span's end is exclusive: the card shows the last day it covers. */
static void deadlines_show_the_last_day(void **state)
{
    (void)state;
    char buf[40];
    skpi_time new_year = day(2027, 1, 1); /* 2027-01-01T00:00Z */
    /* dates without an offset (a definitions file's "2027-01-01") in a
     * report at UTC+01:00: 00:00Z is 01:00 there, still the last day before */
    assert_string_equal(card_deadline(new_year, 60, buf, sizeof buf), "2026-12-31");
    assert_string_equal(card_deadline(new_year, -300, buf, sizeof buf), "2026-12-31");
    assert_string_equal(card_deadline(new_year, 0, buf, sizeof buf), "2026-12-31");
    /* the same day's midnight at the report's offset: 2026-12-31T23:00Z is
     * 00:00 on 2027-01-01 at UTC+01:00, and 05:00Z is 00:00 at UTC-05:00 */
    assert_string_equal(card_deadline(new_year - 3600, 60, buf, sizeof buf), "2026-12-31");
    assert_string_equal(card_deadline(new_year + 5 * 3600, -300, buf, sizeof buf), "2026-12-31");
    /* an end during a day: that day is the last one touched */
    assert_string_equal(card_deadline(new_year - 12 * 3600, 0, buf, sizeof buf), "2026-12-31");
    assert_string_equal(card_deadline(new_year + 12 * 3600, 60, buf, sizeof buf), "2027-01-01");
}

/* The latest check-in's note names who wrote it when the check-in says
 * (skpi_key_result_add_checkin_by()); a note without an author reads as
 * before, and a check-in after the report's date does not count. */
static void checkin_author_beside_the_note(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    skpi_objective *o = NULL;
    assert_int_equal(skpi_objective_new(&o, "Be talked about"), SKPI_OK);
    skpi_period q4 = { day(2026, 10, 1), day(2027, 1, 1) };
    assert_int_equal(skpi_objective_set_period(o, q4), SKPI_OK);
    skpi_key_result *kr = NULL, *kr2 = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_MANUAL, "Ten interviews"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 10), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin_by(kr, day(2026, 11, 10), 4, NAN, "four booked", "Ann"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin_by(kr, day(2026, 11, 15), 5, 0.8, "halfway", "Dana Ruiz"), SKPI_OK);
    /* 1 December is the report's date: not yet counted */
    assert_int_equal(skpi_key_result_add_checkin_by(kr, day(2026, 12, 1), 6, NAN, "six", "Eve"), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr2, o, SKPI_KR_MANUAL, "Two podcasts"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr2, 0, 2), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr2, day(2026, 11, 20), 1, NAN, "one recorded"), SKPI_OK);
    assert_int_equal(skpi_report_add_objective(r, o), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    assert_contains(t, "  - Ten interviews: 0.50 (5 of 10). halfway \xE2\x80\x94 Dana Ruiz\n");
    assert_contains(t, "  - Two podcasts: 0.50 (1 of 2). one recorded\n");
    assert_null(strstr(t, "Eve"));
    assert_null(strstr(t, "Ann"));
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_objective_free(o);
    skpi_dataset_free(ds);
}

/* A rendering of doc in format f, NUL-terminated. */
static char *doc_render(const skpi_doc *doc, int f)
{
    skpi_buffer b = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    assert_int_equal(skpi_render(doc, f, NULL, &s), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &b), SKPI_OK);
    return out;
}

/* #18: chart axes name each month briefly in the report's locale in the
 * human renderers, while JSON and CSV keep the ISO key. The trend chart covers November
 * 2025 to November 2026. Worked out by hand from the abbreviated month
 * names people write in each language (CLDR's "MMM y" for German and
 * French, "MMM y" in English): German "März", "Mai", "Feb." and "Nov." with their dots;
 * French "mars", "mai", "févr.", "nov."; English "Mar", "May", "Feb", "Nov". */
static void dates_in_readers_words(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    const struct { const char *locale; const char *want[4]; const char *absent; } cases[] = {
        { NULL, { "Mar 2026", "May 2026", "Feb 2026", "Nov 2025" }, "M\xC3\xA4rz" },
        { "de-DE", { "M\xC3\xA4rz 2026", "Mai 2026", "Feb. 2026", "Nov. 2025" }, "Mar 2026" },
        { "fr-FR", { "mars 2026", "mai 2026", "f\xC3\xA9vr. 2026", "nov. 2025" }, "Mar 2026" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(skpi_report_set_locale(r, cases[i].locale), SKPI_OK);
        skpi_doc *doc = NULL;
        assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
        char *md = doc_render(doc, SKPI_FORMAT_MARKDOWN);
        char *html = doc_render(doc, SKPI_FORMAT_HTML);
        char *text = doc_text(doc);
        for (size_t k = 0; k < 4; k++) {
            char cell[64];
            snprintf(cell, sizeof cell, "| %s |", cases[i].want[k]);
            assert_contains(md, cell);
            snprintf(cell, sizeof cell, "<th scope=\"row\">%s</th>", cases[i].want[k]);
            assert_contains(html, cell);
        }
        /* the text names the first and last month of the chart */
        assert_contains(text, cases[i].want[3]);
        assert_null(strstr(md, cases[i].absent));
        assert_null(strstr(md, "| 2026-03 |"));
        /* data keeps the key, in every locale */
        char *json = doc_render(doc, SKPI_FORMAT_JSON);
        char *csv = doc_render(doc, SKPI_FORMAT_CSV);
        assert_contains(json, "\"2026-03\"");
        assert_contains(csv, ",2026-03,");
        for (size_t k = 0; k < 4; k++) {
            assert_null(strstr(json, cases[i].want[k]));
            assert_null(strstr(csv, cases[i].want[k]));
        }
        skpi_free(md);
        skpi_free(html);
        skpi_free(text);
        skpi_free(json);
        skpi_free(csv);
        skpi_doc_free(doc);
    }
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void renders_in_every_format(const skpi_doc *doc)
{
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_TEXT; f++) {
        skpi_buffer b = SKPI_BUFFER_INIT;
        skpi_sink s;
        assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
        assert_int_equal(skpi_render(doc, f, NULL, &s), SKPI_OK);
        skpi_buffer_reset(&b);
    }
}

/* Found by fuzz_template: an empty heading template was accepted, then
 * assembly failed on the empty heading. Sentences and headings refuse an
 * empty text when set; words may be blank, and the report still renders. */
static void empty_templates(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    for (int k = 0; k < SKPI__TPL_FIRST_WORD; k++) {
        const char *before = skpi_report_template(r, k);
        assert_int_equal(skpi_report_set_template(r, k, ""), SKPI_EINVAL);
        assert_non_null(strstr(skpi_last_error(), "is empty"));
        assert_ptr_equal(skpi_report_template(r, k), before);
    }
    for (int k = SKPI__TPL_FIRST_WORD; k < SKPI__TPL_COUNT; k++)
        assert_int_equal(skpi_report_set_template(r, k, ""), SKPI_OK);
    /* a space is text */
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_HEADING_SUMMARY, " "), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    renders_in_every_format(doc);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void templates_replace_the_words(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_HEADLINE_UP,
                                              "{metric} stiegen gegen\xC3\xBC" "ber {comparison} um {percent} auf {value}."),
                     SKPI_OK);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_HEADING_SUMMARY, "Zusammenfassung"), SKPI_OK);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_CONTRIBUTION, "{{{share}}} von {channel}."), SKPI_OK);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_HEADLINE_UP, "{metric} {nope}"), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(), "skpi_report_set_template: template 11 offers no placeholder {nope} "
                                           "(it offers: metric percent change value previous comparison)");
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_HEADLINE_UP, "{metric"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_HEADLINE_UP, "metric}"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_template(r, -1, "x"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_template(r, SKPI__TPL_COUNT, "x"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_template(NULL, 0, "x"), SKPI_EMISUSE);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    assert_contains(t, "Zusammenfassung\n---------------\n");
    assert_contains(t, "Engagements stiegen gegen\xC3\xBC" "ber October 2026 um 35.5% auf 6,300. {85%} von Instagram @acme.");
    skpi_free(t);
    skpi_doc_free(doc);
    /* NULL restores the default. */
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_HEADING_SUMMARY, NULL), SKPI_OK);
    assert_string_equal(skpi_report_template(r, SKPI_TPL_HEADING_SUMMARY), "Summary");
    assert_null(skpi_report_template(r, SKPI__TPL_COUNT));
    assert_null(skpi_report_template(NULL, 0));
    assert_int_equal(skpi_template_count(), SKPI__TPL_COUNT);
    for (int k = 0; k < skpi_template_count(); k++) {
        assert_non_null(skpi_template_default(k));
        /* Every default uses only the placeholders it offers. */
        assert_int_equal(skpi__template_check(k, skpi_template_default(k), "test"), SKPI_OK);
    }
    assert_null(skpi_template_default(SKPI__TPL_COUNT));
    assert_null(skpi_template_placeholders(-1));
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static size_t sections(int *out, const skpi_report *r)
{
    size_t n = skpi_report_section_count(r);
    for (size_t i = 0; i < n; i++) out[i] = skpi_report_section(r, i);
    return n;
}

static void audiences(void **state)
{
    (void)state;
    skpi_report *r = definition();
    int s[32];
    /* The team preset by default. */
    assert_int_equal(skpi_report_audience(r), SKPI_AUDIENCE_TEAM);
    const int team[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_WINS, SKPI_SECTION_KPIS, SKPI_SECTION_CHANNELS,
                         SKPI_SECTION_TRENDS, SKPI_SECTION_TOP_POSTS, SKPI_SECTION_LISTENING,
                         SKPI_SECTION_SPOT_CHECKS, SKPI_SECTION_GOALS, SKPI_SECTION_OKRS, SKPI_SECTION_CUSTOM,
                         SKPI_SECTION_NEXT_STEPS };
    assert_int_equal(sections(s, r), 12);
    assert_memory_equal(s, team, sizeof team);
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_LEADERSHIP), SKPI_OK);
    const int lead[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_GOALS, SKPI_SECTION_OKRS, SKPI_SECTION_WINS,
                         SKPI_SECTION_KPIS, SKPI_SECTION_LISTENING, SKPI_SECTION_FUNNEL, SKPI_SECTION_CUSTOM,
                         SKPI_SECTION_NEXT_STEPS };
    assert_int_equal(sections(s, r), 9);
    assert_memory_equal(s, lead, sizeof lead);
    /* Switch the trends on: they go where the full order puts them. */
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_TRENDS, 1), SKPI_OK);
    assert_int_equal(sections(s, r), 10);
    assert_int_equal(s[1], SKPI_SECTION_TRENDS);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_TRENDS, 1), SKPI_OK); /* already on */
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_TRENDS, 0), SKPI_OK);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_TRENDS, 0), SKPI_OK);
    assert_int_equal(sections(s, r), 9);
    /* Sections no preset shows: each goes before the first shown section
     * that follows it in the full order (goals follow both). */
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_BENCHMARKS, 1), SKPI_OK);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_COMPETITORS, 1), SKPI_OK);
    const int lead_compare[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_COMPETITORS, SKPI_SECTION_BENCHMARKS,
                                 SKPI_SECTION_GOALS, SKPI_SECTION_OKRS, SKPI_SECTION_WINS,
                                 SKPI_SECTION_KPIS, SKPI_SECTION_LISTENING, SKPI_SECTION_FUNNEL,
                                 SKPI_SECTION_CUSTOM, SKPI_SECTION_NEXT_STEPS };
    assert_int_equal(sections(s, r), 11);
    assert_memory_equal(s, lead_compare, sizeof lead_compare);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_COMPETITORS, 0), SKPI_OK);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_BENCHMARKS, 0), SKPI_OK);
    assert_int_equal(sections(s, r), 9);
    /* Resourcing goes before the custom sections. */
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_RESOURCING, 1), SKPI_OK);
    assert_int_equal(sections(s, r), 10);
    assert_int_equal(s[7], SKPI_SECTION_RESOURCING);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_RESOURCING, 0), SKPI_OK);
    /* The campaign section goes right after the summary. */
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_CAMPAIGN, 1), SKPI_OK);
    assert_int_equal(sections(s, r), 10);
    assert_int_equal(s[0], SKPI_SECTION_SUMMARY);
    assert_int_equal(s[1], SKPI_SECTION_CAMPAIGN);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_CAMPAIGN, 0), SKPI_OK);
    assert_int_equal(skpi_report_set_section(r, skpi_section_count(), 1), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_section(r, 0, 2), SKPI_EINVAL);

    /* Leadership: goal status first, at most 5 KPIs. */
    for (int i = 0; i < 5; i++) {
        static const char *const more[] = { "reach", "likes", "comments", "shares", "saves" };
        assert_int_equal(skpi_report_add_kpi(r, more[i], NULL), SKPI_OK);
    }
    skpi_dataset *ds = dataset();
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        skpi_doc_block_kind(&kind, doc, b);
        if (kind != SKPI_BLOCK_KPI_TABLE) continue;
        size_t rows;
        skpi_doc_block_size(&rows, doc, b);
        assert_int_equal(rows, 5);
    }
    skpi_doc_free(doc);

    /* Sales: conversions and clicks lead, top posts by comments. */
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_SALES), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "conversions", NULL), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "link_clicks", NULL), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    const char *conv = strstr(t, "- Conversions:"), *clicks = strstr(t, "- Link clicks:"),
               *eng = strstr(t, "- Engagements:");
    assert_true(conv && clicks && eng && conv < clicks && clicks < eng);
    skpi_free(t);
    skpi_doc_free(doc);

    /* Custom order. */
    const int mine[] = { SKPI_SECTION_KPIS, SKPI_SECTION_SUMMARY };
    assert_int_equal(skpi_report_set_sections(r, mine, 2), SKPI_OK);
    assert_int_equal(skpi_report_audience(r), SKPI_AUDIENCE_CUSTOM);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = doc_text(doc);
    assert_true(strstr(t, "Key numbers") < strstr(t, "Summary"));
    assert_null(strstr(t, "Next steps"));
    skpi_free(t);
    skpi_doc_free(doc);
    const int twice[] = { 1, 1 };
    assert_int_equal(skpi_report_set_sections(r, twice, 2), SKPI_EINVAL);
    const int bad[] = { skpi_section_count() };
    assert_int_equal(skpi_report_set_sections(r, bad, 1), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_sections(r, NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_sections(r, NULL, 0), SKPI_OK);
    assert_int_equal(skpi_report_section_count(r), 0);
    assert_int_equal(skpi_report_section(r, 0), SKPI_ERANGE);
    for (int a = SKPI_AUDIENCE_SELF; a <= SKPI_AUDIENCE_CUSTOM; a++) {
        assert_int_equal(skpi_report_set_audience(r, a), SKPI_OK);
        assert_non_null(skpi_audience_name(a));
    }
    assert_int_equal(skpi_report_set_audience(r, 6), SKPI_EINVAL);
    assert_null(skpi_audience_name(6));
    assert_string_equal(skpi_section_name(SKPI_SECTION_SPOT_CHECKS), "spot_checks");
    assert_string_equal(skpi_section_name(SKPI_SECTION_COMPETITORS), "competitors");
    assert_string_equal(skpi_section_name(SKPI_SECTION_BENCHMARKS), "benchmarks");
    assert_string_equal(skpi_section_name(SKPI_SECTION_FUNNEL), "funnel");
    assert_string_equal(skpi_section_name(SKPI_SECTION_RESOURCING), "resourcing");
    assert_string_equal(skpi_section_name(SKPI_SECTION_LISTENING), "listening");
    assert_string_equal(skpi_section_name(SKPI_SECTION_WHAT_WORKED), "what_worked");
    assert_string_equal(skpi_section_name(SKPI_SECTION_POSTING_TIMES), "posting_times");
    assert_null(skpi_section_name(skpi_section_count()));
    assert_string_equal(skpi_section_name(SKPI_SECTION_CAMPAIGN), "campaign");
    assert_true(skpi_section_count() > SKPI_SECTION_CAMPAIGN);
    assert_null(skpi_section_name(-1));
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* The channel rows under a KPI are the report's channels that the KPI's own
 * selector chooses, so they belong to the total above them. */
static void channel_rows_stay_inside_their_kpi(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    const double uk[13] = { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 20 };
    monthly(ds, "engagements", "instagram:@acme_uk", uk);
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Channels"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 12, 1)), SKPI_OK);
    const int only[] = { SKPI_SECTION_CHANNELS };
    assert_int_equal(skpi_report_set_sections(r, only, 1), SKPI_OK);
    static const char *const entries[] = { "instagram:@acme", "instagram:@acme_uk", "linkedin:acme", "x:*" };
    static const char *const names[] = { "Instagram @acme", "Acme UK", "LinkedIn acme", "X" };
    assert_int_equal(skpi_report_set_channel_name(r, "instagram:@acme_uk", "Acme UK"), SKPI_OK);
    for (int i = 0; i < 4; i++) assert_int_equal(skpi_report_add_channel(r, entries[i]), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", "instagram:*"), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "impressions", "*"), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    /* Under engagements on instagram:* only the two Instagram accounts (not
     * LinkedIn, not the x:* entry); under impressions on * all four entries. */
    size_t seen_eng = 0, seen_imp = 0;
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind != SKPI_BLOCK_KPI_TABLE) continue;
        size_t rows;
        assert_int_equal(skpi_doc_block_size(&rows, doc, b), SKPI_OK);
        skpi_doc_kpi_row head = SKPI_DOC_KPI_ROW_INIT;
        assert_int_equal(skpi_doc_kpi_row_get(&head, doc, b, 0), SKPI_OK);
        bool eng = strcmp(head.label, "Engagements") == 0;
        assert_true(eng || strcmp(head.label, "Impressions") == 0);
        assert_int_equal(rows, eng ? 3 : 5);
        for (size_t i = 1; i < rows; i++) {
            skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
            assert_int_equal(skpi_doc_kpi_row_get(&row, doc, b, i), SKPI_OK);
            assert_int_equal(row.level, 1);
            /* a channel row is labelled by its channel's name, in the report's order */
            assert_string_equal(row.label, names[i - 1]);
        }
        if (eng) seen_eng++; else seen_imp++;
    }
    assert_int_equal(seen_eng, 1);
    assert_int_equal(seen_imp, 1);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static int add_note(skpi_doc *doc, const skpi_report *report, void *userdata)
{
    assert_string_equal(skpi_report_title(report), "Monthly report");
    return skpi_doc_add_paragraph(NULL, doc, userdata);
}

static int refuse(skpi_doc *doc, const skpi_report *report, void *userdata)
{
    (void)doc;
    (void)report;
    if (userdata) skpi_error_set("the CRM is down");
    return 3;
}

static void custom_sections(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    assert_int_equal(skpi_report_add_section(r, "From the CRM", add_note, "42 leads mentioned Instagram."), SKPI_OK);
    assert_int_equal(skpi_report_add_section(r, NULL, add_note, "No heading here."), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    assert_contains(t, "From the CRM\n------------\n\n42 leads mentioned Instagram.\n\nNo heading here.\n\nNext steps");
    skpi_free(t);
    skpi_doc_free(doc);

    /* A refusing callback stops the assembly; its message is kept. */
    assert_int_equal(skpi_report_add_section(r, NULL, refuse, "x"), SKPI_OK);
    doc = (skpi_doc *)1;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "the CRM is down");
    assert_ptr_equal(doc, (skpi_doc *)1);
    skpi_report_free(r);
    r = definition();
    assert_int_equal(skpi_report_add_section(r, NULL, refuse, NULL), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "custom section callback returned 3");
    assert_int_equal(skpi_report_add_section(r, NULL, NULL, NULL), SKPI_EMISUSE);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void definition_api(void **state)
{
    (void)state;
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_report_new(&r, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_new(&r, ""), SKPI_EINVAL);
    assert_int_equal(skpi_report_new(&r, "Weekly"), SKPI_OK);
    assert_string_equal(skpi_report_title(r), "Weekly");
    assert_int_equal(skpi_report_set_title(r, "Weekly pulse"), SKPI_OK);
    assert_string_equal(skpi_report_title(r), "Weekly pulse");
    assert_int_equal(skpi_report_set_title(r, ""), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_title(r, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_cadence(r), SKPI_CADENCE_MONTH);
    assert_int_equal(skpi_report_set_cadence(r, SKPI_CADENCE_WEEK), SKPI_OK);
    assert_int_equal(skpi_report_cadence(r), SKPI_CADENCE_WEEK);
    assert_int_equal(skpi_report_set_cadence(r, 5), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_as_of(r, skpi_time_max() + 1), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_as_of(r, 86400), SKPI_OK);
    assert_true(skpi_report_as_of(r) == 86400);
    assert_int_equal(skpi_report_comparisons(r), SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_YEAR_EARLIER);
    assert_int_equal(skpi_report_set_comparisons(r, 4), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_comparisons(r, 0), SKPI_OK);
    assert_int_equal(skpi_report_set_currency(r, "EUR"), SKPI_OK);
    assert_int_equal(skpi_report_set_currency(r, "123456789"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_currency(r, "\t"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_currency(r, NULL), SKPI_EMISUSE);
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_week_start(cal, SKPI_SUNDAY), SKPI_OK);
    assert_int_equal(skpi_report_set_calendar(r, cal), SKPI_OK);
    /* Wednesday 2026-12-02 in Sunday weeks: the week before the one from
     * Sunday 2026-11-29, i.e. [2026-11-22, 2026-11-29) */
    skpi_period covered;
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 12, 2)), SKPI_OK);
    assert_int_equal(skpi_report_period(&covered, r), SKPI_OK);
    assert_true(covered.start == day(2026, 11, 22) && covered.end == day(2026, 11, 29));
    assert_int_equal(skpi_report_set_cadence(r, SKPI_CADENCE_MONTH), SKPI_OK);
    assert_int_equal(skpi_report_period(&covered, r), SKPI_OK);
    assert_true(covered.start == day(2026, 11, 1) && covered.end == day(2026, 12, 1));
    assert_int_equal(skpi_report_period(NULL, r), SKPI_EMISUSE);
    assert_int_equal(skpi_report_period(&covered, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_cadence(r, SKPI_CADENCE_WEEK), SKPI_OK);
    skpi_calendar_free(cal);
    assert_int_equal(skpi_report_set_calendar(r, NULL), SKPI_OK);
    assert_int_equal(skpi_report_add_channel(r, "instagram:*"), SKPI_OK);
    assert_int_equal(skpi_report_add_channel(r, "instagram:*"), SKPI_EEXISTS);
    assert_int_equal(skpi_report_add_channel(r, ""), SKPI_EINVAL);
    assert_int_equal(skpi_report_add_channel(r, "@two words"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "skpi_report_add_channel: selector '@two words': "));
    assert_int_equal(skpi_report_add_channel(r, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_channel_count(r), 1);
    assert_string_equal(skpi_report_channel(r, 0), "instagram:*");
    assert_null(skpi_report_channel(r, 1));
    assert_int_equal(skpi_report_add_kpi(r, "reach", NULL), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "reach", "*"), SKPI_EEXISTS);
    assert_int_equal(skpi_report_add_kpi(r, "reach", "x:*"), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "", NULL), SKPI_EINVAL);
    assert_int_equal(skpi_report_add_kpi(r, "reach", "instagram:"), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(),
                        "skpi_report_add_kpi: selector: channel 'instagram:' has an empty account");
    assert_int_equal(skpi_report_add_kpi(r, NULL, NULL), SKPI_EMISUSE);
    const char *m, *s;
    assert_int_equal(skpi_report_kpi(&m, &s, r, 1), SKPI_OK);
    assert_string_equal(m, "reach");
    assert_string_equal(s, "x:*");
    assert_int_equal(skpi_report_kpi(&m, &s, r, 2), SKPI_ERANGE);
    assert_int_equal(skpi_report_kpi_count(r), 2);
    assert_int_equal(skpi_report_add_goal(r, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_add_objective(r, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_spot_checks(r, 0.5, 12, 20), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_spot_checks(r, NAN, 12, 20), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_spot_checks(r, 3, 12, -1), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_spot_checks(r, 3, 12, NAN), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_spot_checks(r, 3, 4, 20), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_spot_checks(r, 3, 521, 20), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_spot_checks(r, 3, 26, 0), SKPI_OK);
    assert_int_equal(skpi_report_set_top_posts(r, 51, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_top_posts(r, 5, ""), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_top_posts(r, 5, "likes"), SKPI_OK);
    assert_int_equal(skpi_report_set_max_kpis(r, 3), SKPI_OK);

    /* Everything refuses a NULL report. */
    assert_int_equal(skpi_report_set_title(NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_audience(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_report_audience(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_cadence(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_report_cadence(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_as_of(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_calendar(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_comparisons(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_currency(NULL, ""), SKPI_EMISUSE);
    assert_int_equal(skpi_report_add_channel(NULL, "x:*"), SKPI_EMISUSE);
    assert_int_equal(skpi_report_add_kpi(NULL, "reach", NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_kpi(&m, &s, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_report_add_goal(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_add_objective(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_sections(NULL, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_section(NULL, 0, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_report_section(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_spot_checks(NULL, 3, 12, 20), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_top_posts(NULL, 1, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_report_set_max_kpis(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_report_add_section(NULL, NULL, add_note, NULL), SKPI_EMISUSE);
    assert_null(skpi_report_title(NULL));
    assert_true(skpi_report_as_of(NULL) == 0);
    assert_int_equal(skpi_report_comparisons(NULL), 0);
    assert_int_equal(skpi_report_channel_count(NULL), 0);
    assert_int_equal(skpi_report_kpi_count(NULL), 0);
    assert_int_equal(skpi_report_goal_count(NULL), 0);
    assert_int_equal(skpi_report_objective_count(NULL), 0);
    assert_null(skpi_report_goal(NULL, 0));
    assert_null(skpi_report_objective(NULL, 0));
    assert_int_equal(skpi_report_section_count(NULL), 0);
    skpi_doc *doc = NULL;
    skpi_dataset *ds = dataset();
    assert_int_equal(skpi_report_assemble(NULL, r, ds), SKPI_EMISUSE);
    assert_int_equal(skpi_report_assemble(&doc, NULL, ds), SKPI_EMISUSE);
    assert_int_equal(skpi_report_assemble(&doc, r, NULL), SKPI_EMISUSE);
    /* A KPI outside the catalog is named. */
    assert_int_equal(skpi_report_add_kpi(r, "made_up", NULL), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_ENOTFOUND);
    assert_string_equal(skpi_last_error(),
                        "skpi_report_assemble: KPI \"made_up\" is not a metric of the dataset's catalog");
    assert_null(doc);
    skpi_report_free(r);
    skpi_report_free(NULL);
    skpi_dataset_free(ds);
}

static void without_comparisons_or_data(void **state)
{
    (void)state;
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_report *r = definition();
    assert_int_equal(skpi_report_set_comparisons(r, 0), SKPI_OK);
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_SELF), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    /* No data is said first, never "all clear". */
    assert_contains(t, "Summary\n-------\n\nNo data for November 2026: none of the report's metrics has a value in this month");
    assert_contains(t, "- Import the data for November 2026, then run the report again.");
    assert_null(strstr(t, "reached n/a"));
    assert_null(strstr(t, "Nothing needs attention"));
    assert_null(strstr(t, "Nothing out of the ordinary"));
    skpi_free(t);
    int coverage = -1;
    skpi_period covered;
    assert_int_equal(skpi_report_coverage(&coverage, &covered, r, ds), SKPI_OK);
    assert_int_equal(coverage, SKPI_COVERAGE_NONE);
    assert_int_equal(covered.start, day(2026, 11, 1));
    assert_int_equal(covered.end, day(2026, 11, 1));
    renders_in_every_format(doc);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* November 2026 with data up to the 22nd only: engagements 100 a day from
 * October 2025, so the 22 days make 2,200 against October's 3,100 (a false
 * -29.0 %). The summary says the period is partial before anything else and
 * compares nothing; spot checks wait; the table marks the value partial. */
static void partial_period(void **state)
{
    (void)state;
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time t[500];
    double v[500];
    size_t n = 0;
    for (skpi_time x = day(2025, 10, 1); x <= day(2026, 11, 22); x += 86400) {
        t[n] = x;
        v[n++] = 100;
    }
    assert_int_equal(skpi_dataset_append(ds, "engagements", "instagram:@acme", t, v, n), SKPI_OK);
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Monthly report"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 12, 1)), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", NULL), SKPI_OK);
    int coverage = -1;
    skpi_period covered;
    assert_int_equal(skpi_report_coverage(&coverage, &covered, r, ds), SKPI_OK);
    assert_int_equal(coverage, SKPI_COVERAGE_PARTIAL);
    assert_int_equal(covered.start, day(2026, 11, 1));
    assert_int_equal(covered.end, day(2026, 11, 23));
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *text = doc_text(doc);
    assert_contains(text, "Summary\n-------\n\nOnly part of November 2026 has data, from 1 November 2026 to 22 November 2026: "
                          "the figures below cover those days, and this summary makes no comparison until the month is complete.\n");
    assert_contains(text, "Engagements reached 2,200 in November 2026.");
    assert_null(strstr(text, "fell"));
    assert_null(strstr(text, "Look into the fall"));
    assert_contains(text, "No spot checks: the data for November 2026 is not complete.");
    skpi_free(text);
    skpi_doc_free(doc);
    /* A full month: covered from its first to its last day. */
    for (skpi_time x = day(2026, 11, 23); x <= day(2026, 11, 30); x += 86400) {
        skpi_time one = x;
        double hundred = 100;
        assert_int_equal(skpi_dataset_append(ds, "engagements", "instagram:@acme", &one, &hundred, 1), SKPI_OK);
    }
    assert_int_equal(skpi_report_coverage(&coverage, &covered, r, ds), SKPI_OK);
    assert_int_equal(coverage, SKPI_COVERAGE_FULL);
    assert_int_equal(covered.start, day(2026, 11, 1));
    assert_int_equal(covered.end, day(2026, 12, 1));
    assert_int_equal(skpi_report_coverage(NULL, NULL, r, ds), SKPI_EMISUSE);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* The lead KPI partial in a period the report covers in full (#17): its
 * engagements end on 22 November 2026 while impressions run to the 30th.
 * 22 days of 100 make 2,200 against October's 31 * 100 = 3,100, a false
 * -29.0 %: the headline says the figure is partial and compares nothing. */
static void partial_lead_kpi(void **state)
{
    (void)state;
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time t[500];
    double v[500], w[500];
    size_t n = 0;
    for (skpi_time x = day(2025, 10, 1); x <= day(2026, 11, 30); x += 86400) {
        t[n] = x;
        v[n] = x <= day(2026, 11, 22) ? 100 : NAN;
        w[n++] = 1000;
    }
    assert_int_equal(skpi_dataset_append(ds, "engagements", "instagram:@acme", t, v, n), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "impressions", "instagram:@acme", t, w, n), SKPI_OK);
    skpi_report *r = definition();
    int coverage = -1;
    assert_int_equal(skpi_report_coverage(&coverage, NULL, r, ds), SKPI_OK);
    assert_int_equal(coverage, SKPI_COVERAGE_FULL);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *text = doc_text(doc);
    assert_contains(text, "Summary\n-------\n\nEngagements has data for only part of November 2026: 2,200 so far, "
                          "not compared with October 2026 until the data is complete.\n");
    assert_null(strstr(text, "Engagements fell"));
    skpi_free(text);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* The names readers see: set ones, else made from the key; never a key. */
static void channel_names(void **state)
{
    (void)state;
    skpi_report *r = NULL;
    char buf[64];
    assert_int_equal(skpi_report_new(&r, "Names"), SKPI_OK);
    static const char *const made[][2] = {
        { "instagram:@acme", "Instagram @acme" }, { "linkedin:acme-corp", "LinkedIn acme-corp" },
        { "instagram:*", "Instagram" },           { "web:*", "Website" },
        { "listening:*", "Social listening" },    { "mastodon:@a@b.social", "Mastodon @a@b.social" },
        { "newsletter:*", "Newsletter" },         { "@paid", "paid" },
        { "*", "all channels" },
    };
    for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) {
        assert_int_equal(skpi_report_channel_name(buf, sizeof buf, r, made[i][0]), SKPI_OK);
        assert_string_equal(buf, made[i][1]);
    }
    assert_int_equal(skpi_report_set_channel_name(r, "listening:*", "Brand mentions"), SKPI_OK);
    assert_int_equal(skpi_report_set_channel_name(r, "listening:*", "Share of conversation"), SKPI_OK);
    assert_int_equal(skpi_report_channel_name(buf, sizeof buf, r, "listening:*"), SKPI_OK);
    assert_string_equal(buf, "Share of conversation");
    assert_int_equal(skpi_report_set_channel_name(r, "listening:*", NULL), SKPI_OK);
    assert_int_equal(skpi_report_channel_name(buf, sizeof buf, r, "listening:*"), SKPI_OK);
    assert_string_equal(buf, "Social listening");
    /* errors: the handle is left as it was */
    assert_int_equal(skpi_report_set_channel_name(r, "no colon", "x"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_channel_name(r, "web:*", ""), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_channel_name(NULL, "web:*", "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_report_channel_name(buf, 4, r, "instagram:@acme"), SKPI_ERANGE);
    assert_int_equal(skpi_report_channel_name(NULL, 4, r, "web:*"), SKPI_EMISUSE);
    assert_int_equal(skpi_report_channel_name(buf, sizeof buf, r, "web:*"), SKPI_OK);
    assert_string_equal(buf, "Website");
    /* In a report: the KPI row's channel is its name. */
    skpi_dataset *ds = dataset();
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 12, 1)), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", "linkedin:*"), SKPI_OK);
    assert_int_equal(skpi_report_set_channel_name(r, "linkedin:*", "LinkedIn page"), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    assert_contains(t, "- Engagements (LinkedIn page): 1,800");
    assert_null(strstr(t, "linkedin:"));
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_dataset_free(ds);
    skpi_report_free(r);
}

/* Top posts never vanish: the section says why it is empty, and which
 * channel's posts it cannot rank. */
static void top_posts_say_why(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    /* A LinkedIn post of November without engagements. */
    assert_int_equal(skpi_dataset_add_post(ds, "linkedin:acme", "l1", day(2026, 11, 3), "text", "Hiring",
                                           NULL), SKPI_OK);
    skpi_report *r = definition();
    const int only[] = { SKPI_SECTION_TOP_POSTS };
    assert_int_equal(skpi_report_set_sections(r, only, 1), SKPI_OK);
    assert_int_equal(skpi_report_set_top_posts(r, 3, "engagements"), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    assert_contains(t, "Top posts");
    assert_contains(t, "Posts on LinkedIn acme are left out: they carry no Engagements.");
    assert_null(strstr(t, "Posts on Instagram"));
    skpi_free(t);
    skpi_doc_free(doc);
    /* A metric no post carries: the heading stays, with the reason. */
    assert_int_equal(skpi_report_set_top_posts(r, 3, "comments"), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = doc_text(doc);
    assert_contains(t, "Top posts\n---------\n\nNo post of November 2026 can be ranked: none carries Comments and replies");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_dataset_free(ds);
    /* No post at all in the period. */
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = doc_text(doc);
    assert_contains(t, "Top posts\n---------\n\nNo posts were published in November 2026.");
    skpi_free(t);
    skpi_doc_free(doc);
    /* Asked for none: no section. */
    assert_int_equal(skpi_report_set_top_posts(r, 0, NULL), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = doc_text(doc);
    assert_null(strstr(t, "Top posts"));
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_dataset_free(ds);
    skpi_report_free(r);
}

/* A funnel on one channel, per day (October 2026 has 31 days, November 30):
 *            sessions leads qualified opportunities customers revenue spend
 *   October    100      6      3          1            1        200     50
 *   November   120      6      2          1            1.2      300      0
 * November: 3,600 sessions, 180 leads, 60 qualified, 30 opportunities, 36
 * customers (more than the opportunities: a data warning); October: 3,100,
 * 186, 93, 31, 31. Step rates November / October: leads 180 / 3,600 = 5.0%
 * against 186 / 3,100 = 6.0% (-16.7 % relative), qualification 60 / 180 =
 * 33.3% against 93 / 186 = 50.0% (-33.3 %, the largest fall), opportunities
 * 30 / 60 = 50.0% against 31 / 93 = 33.3% (a rise), win 36 / 30 = 120%
 * (above 100 %, never the weakest). No spend in November: ROI and ROAS are
 * not available; October's ROI was (6,200 - 1,550) / 1,550 = 300%. */
static skpi_dataset *funnel_dataset(void)
{
    skpi_dataset *ds = dataset();
    static const struct { const char *metric; double oct, nov; } f[] = {
        { "sessions", 100, 120 }, { "leads", 6, 6 }, { "qualified_leads", 3, 2 },
        { "opportunities", 1, 1 }, { "customers", 1, 1.2 }, { "revenue", 200, 300 },
        { "spend", 50, 0 },
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        double per_day[13];
        for (int m = 0; m < 13; m++) per_day[m] = f[i].oct;
        per_day[12] = f[i].nov;
        monthly(ds, f[i].metric, "facebook:@acme", per_day);
    }
    return ds;
}

static void funnel_section(void **state)
{
    (void)state;
    skpi_dataset *ds = funnel_dataset();
    skpi_report *r = definition();
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_SALES), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = doc_text(doc);
    assert_contains(t, "\nFunnel\n");
    assert_contains(t, "- Sessions from social: 3,600 (+16.1% vs October 2026 3,100)");
    assert_contains(t, "- Leads: 180 (-3.2% vs October 2026 186)");
    assert_contains(t, "- New customers: 36 (+16.1% vs October 2026 31)");
    assert_contains(t, "- Lead qualification rate: 33.33% (-16.67 pp vs October 2026 50.00%)");
    assert_contains(t, "- Win rate: 120.00% (+20.00 pp vs October 2026 100.00%)");
    /* No cost: not available, never infinity; October's (6,200 - 1,550) / 1,550. */
    assert_contains(t, "- Return on investment: n/a (n/a vs October 2026 300.00%)");
    assert_contains(t, "- Average deal size: 250.00 (+25.0% vs October 2026 200.00)");
    assert_contains(t, "New customers (36) outnumber Opportunities (30) in November 2026");
    assert_contains(t, "The weakest step of the funnel was Lead qualification rate (Leads to Qualified leads): "
                       "33.33%, down from 50.00% in October 2026.");
    assert_contains(t, "Return on investment: not available: no cost in November 2026.");
    assert_contains(t, "Return on ad spend: not available: no cost in November 2026.");
    /* The sales preset puts the funnel after the KPIs, before the goals. */
    assert_true(strstr(t, "Key numbers") < strstr(t, "\nFunnel\n"));
    skpi_free(t);
    /* Every format renders it. */
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_XLSX; f++) {
        if (skpi_render_supported(f) != SKPI_OK) continue;
        skpi_buffer b = SKPI_BUFFER_INIT;
        skpi_sink s;
        assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
        assert_int_equal(skpi_render(doc, f, NULL, &s), SKPI_OK);
        skpi_buffer_reset(&b);
    }
    skpi_doc_free(doc);

    /* Nothing to compare with: the weakest step is the one converting least. */
    assert_int_equal(skpi_report_set_comparisons(r, 0), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = doc_text(doc);
    assert_contains(t, "The weakest step of the funnel was Lead conversion rate (Sessions from social to Leads), at 5.00%.");
    skpi_free(t);
    skpi_doc_free(doc);

    /* Leadership shows it; a dataset without funnel data has no funnel section. */
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_LEADERSHIP), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = doc_text(doc);
    assert_contains(t, "\nFunnel\n");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_dataset *plain = dataset();
    assert_int_equal(skpi_report_assemble(&doc, r, plain), SKPI_OK);
    t = doc_text(doc);
    assert_null(strstr(t, "Funnel"));
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_dataset_free(plain);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void out_of_memory(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = definition();
    skpi_goal *g = NULL;
    assert_int_equal(skpi_goal_new(&g, "Grow"), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "engagements"), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_value(g, 4500), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, 9000), SKPI_OK);
    skpi_period year = { day(2026, 1, 1), day(2027, 1, 1) };
    assert_int_equal(skpi_goal_set_span(g, year), SKPI_OK);
    /* The definition's own allocations: each call fails cleanly. */
    for (int op = 0; op < 8; op++) {
        for (long n = 0;; n++) {
            long live = test_alloc_live();
            size_t goals = skpi_report_goal_count(r), kpis = skpi_report_kpi_count(r);
            size_t chans = skpi_report_channel_count(r);
            test_alloc_fail_after(n);
            int rc;
            switch (op) {
            case 0: rc = skpi_report_add_goal(r, g); break;
            case 1: rc = skpi_report_add_kpi(r, "reach", "instagram:*"); break;
            case 2: rc = skpi_report_add_channel(r, "instagram:@acme"); break;
            case 3: rc = skpi_report_set_template(r, SKPI_TPL_SUBTITLE, "Report: {period}"); break;
            case 4: rc = skpi_report_add_section(r, "Notes", add_note, "x"); break;
            case 5: rc = skpi_report_set_calendar(r, NULL); break;
            case 6: rc = skpi_report_set_title(r, "Monthly report"); break;
            default: rc = skpi_report_set_audience(r, SKPI_AUDIENCE_TEAM); break;
            }
            test_alloc_fail_after(-1);
            if (rc == SKPI_OK) break;
            assert_int_equal(rc, SKPI_ENOMEM);
            assert_int_equal(test_alloc_live(), live);
            assert_int_equal(skpi_report_goal_count(r), goals);
            assert_int_equal(skpi_report_kpi_count(r), kpis);
            assert_int_equal(skpi_report_channel_count(r), chans);
            assert_string_equal(skpi_report_title(r), "Monthly report");
        }
    }
    assert_string_equal(skpi_report_template(r, SKPI_TPL_SUBTITLE), "Report: {period}");
    for (long n = 0;; n++) {
        skpi_report *tmp = NULL;
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        int rc = skpi_report_new(&tmp, "x");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) { skpi_report_free(tmp); break; }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(test_alloc_live(), live);
    }
    /* Assembly: every allocation failure gives SKPI_ENOMEM and no leak,
     * also while the report's words are copied into the document. */
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_COLUMN_METRIC, "Kennzahl"), SKPI_OK);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_NOT_AVAILABLE, "k. A."), SKPI_OK);
    skpi_doc *doc = NULL;
    long n = 0;
    for (;; n++) {
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        int rc = skpi_report_assemble(&doc, r, ds);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        /* The custom section's own skpi_doc_add_paragraph() may be the one
         * that fails: the callback then returns SKPI_ENOMEM, which the
         * callback contract turns into SKPI_ECALLBACK. */
        if (rc == SKPI_ECALLBACK)
            assert_string_equal(skpi_last_error(), "custom section callback returned -2");
        else
            assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(doc);
        assert_int_equal(test_alloc_live(), live);
    }
    assert_true(n > 10);
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_COLUMN_METRIC), "Kennzahl");
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_NOT_AVAILABLE), "k. A.");
    skpi_doc_free(doc);
    skpi_goal_free(g);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(narrative_facts),
        cmocka_unit_test(spot_checks_fire_on_spikes_only),
        cmocka_unit_test(spot_check_arithmetic),
        cmocka_unit_test(goals_and_okrs),
        cmocka_unit_test(dates_in_readers_words),
        cmocka_unit_test(checkin_author_beside_the_note),
        cmocka_unit_test(goal_cards_show_the_forecast),
        cmocka_unit_test(okr_tree_and_verdicts),
        cmocka_unit_test(deadlines_show_the_last_day),
        cmocka_unit_test(templates_replace_the_words),
        cmocka_unit_test(empty_templates),
        cmocka_unit_test(audiences),
        cmocka_unit_test(channel_rows_stay_inside_their_kpi),
        cmocka_unit_test(custom_sections),
        cmocka_unit_test(definition_api),
        cmocka_unit_test(without_comparisons_or_data),
        cmocka_unit_test(partial_period),
        cmocka_unit_test(partial_lead_kpi),
        cmocka_unit_test(channel_names),
        cmocka_unit_test(top_posts_say_why),
        cmocka_unit_test(funnel_section),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
