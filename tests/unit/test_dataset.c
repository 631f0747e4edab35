/* Tests of dataset.h and source.h: values, availability, selectors, rollups,
 * comparisons, posts, top posts and data sources. */
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

#include "test_alloc.h"

#define DAY INT64_C(86400)

/* cmocka 1.1 only compares floats. */
#define assert_double_equal(a, b, eps)                                          \
    do {                                                                        \
        double a_ = (a), b_ = (b);                                              \
        if (!(fabs(a_ - b_) <= (eps))) fail_msg("%.17g != %.17g", a_, b_);      \
    } while (0)

#define assert_value(v, expect, avail)                                          \
    do {                                                                        \
        skpi_value v_ = (v);                                                    \
        double e_ = (double)(expect);                                           \
        if (v_.availability != (avail))                                         \
            fail_msg("availability %d, expected %d (value %.17g)",              \
                     v_.availability, (avail), v_.value);                       \
        if (isnan(e_)) assert_true(isnan(v_.value));                            \
        else assert_double_equal(v_.value, e_, 1e-9);                           \
    } while (0)

static skpi_time date(int y, int m, int d)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

static skpi_period span(int y1, int m1, int d1, int y2, int m2, int d2)
{
    skpi_period p = { date(y1, m1, d1), date(y2, m2, d2) };
    return p;
}

static skpi_value value_of(skpi_dataset *ds, const char *metric, const char *sel, skpi_period p)
{
    skpi_value v = { -1, -1 };
    int rc = skpi_dataset_value(&v, ds, metric, sel, p);
    if (rc != SKPI_OK) fail_msg("value %s %s: %d %s", metric, sel, rc, skpi_last_error());
    return v;
}

/* n daily points from `start`, value f(i) for i = 0..n-1 given as an array. */
static void append_daily(skpi_dataset *ds, const char *metric, const char *channel,
                         skpi_time start, const double *values, size_t n)
{
    skpi_time *t = malloc(n * sizeof *t);
    for (size_t i = 0; i < n; i++) t[i] = start + (skpi_time)i * DAY;
    int rc = skpi_dataset_append(ds, metric, channel, t, values, n);
    if (rc != SKPI_OK) fail_msg("append %s %s: %s", metric, channel, skpi_last_error());
    free(t);
}

static void append_const(skpi_dataset *ds, const char *metric, const char *channel,
                         skpi_time start, size_t n, double v)
{
    double *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++) x[i] = v;
    append_daily(ds, metric, channel, start, x, n);
    free(x);
}

static skpi_dataset *new_dataset(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    return ds;
}

/* ---- values: ratio of sums, stocks, availability ----------------------- */

static void derived_metric_is_a_ratio_of_sums(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    /* November 2026 on one channel: days 1-15 engagements 10 of reach 100
     * (daily rate 10 %), days 16-30 engagements 10 of reach 1000 (1 %).
     * The mean of the 30 daily rates is (15 * 10 + 15 * 1) / 30 = 5.5 %.
     * The ratio of sums is (15 * 10 + 15 * 10) / (15 * 100 + 15 * 1000)
     * = 300 / 16500 = 1.8181... % (20/11), which the library must give. */
    double eng[30], reach[30];
    for (int i = 0; i < 30; i++) { eng[i] = 10; reach[i] = i < 15 ? 100 : 1000; }
    append_daily(ds, "engagements", "instagram:@acme", date(2026, 11, 1), eng, 30);
    append_daily(ds, "reach", "instagram:@acme", date(2026, 11, 1), reach, 30);
    skpi_period nov = span(2026, 11, 1, 2026, 12, 1);
    skpi_value v = value_of(ds, "engagement_rate_reach", "instagram:@acme", nov);
    assert_value(v, 20.0 / 11.0, SKPI_AVAILABLE);
    assert_true(fabs(v.value - 5.5) > 3);
    /* The components are plain sums. */
    assert_value(value_of(ds, "engagements", "*", nov), 300, SKPI_AVAILABLE);
    assert_value(value_of(ds, "reach", "*", nov), 16500, SKPI_AVAILABLE);
    /* One day alone is that day's rate: 10 / 1000 * 100 = 1 %. */
    assert_value(value_of(ds, "engagement_rate_reach", "*", span(2026, 11, 20, 2026, 11, 21)),
                 1.0, SKPI_AVAILABLE);
    skpi_dataset_free(ds);
}

static void stocks_take_the_last_value_and_sum_across_channels(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    /* Followers on day d of November: A = 1000 + 10 (d - 1), B = 500 + 5 (d - 1). */
    double a[30], b[30];
    for (int i = 0; i < 30; i++) { a[i] = 1000 + 10 * i; b[i] = 500 + 5 * i; }
    append_daily(ds, "followers", "instagram:@acme", date(2026, 11, 1), a, 30);
    append_daily(ds, "followers", "linkedin:acme", date(2026, 11, 1), b, 30);
    skpi_period nov = span(2026, 11, 1, 2026, 12, 1);
    /* Month: last values 1290 (A) and 645 (B): 1935. */
    assert_value(value_of(ds, "followers", "*", nov), 1935, SKPI_AVAILABLE);
    assert_value(value_of(ds, "followers", "instagram:@acme", nov), 1290, SKPI_AVAILABLE);
    /* 2-8 November: last is day 8: 1070 + 535 = 1605. */
    assert_value(value_of(ds, "followers", "*", span(2026, 11, 2, 2026, 11, 9)), 1605,
                 SKPI_AVAILABLE);
    /* Net growth: A +12 -2 a day, B +6 -1 a day: (10 + 5) * 30 = 450 net.
     * Audience growth rate = 450 / first followers (1000 + 500) * 100 = 30 %. */
    append_const(ds, "new_followers", "instagram:@acme", date(2026, 11, 1), 30, 12);
    append_const(ds, "lost_followers", "instagram:@acme", date(2026, 11, 1), 30, 2);
    append_const(ds, "new_followers", "linkedin:acme", date(2026, 11, 1), 30, 6);
    append_const(ds, "lost_followers", "linkedin:acme", date(2026, 11, 1), 30, 1);
    assert_value(value_of(ds, "net_audience_growth", "*", nov), 450, SKPI_AVAILABLE);
    assert_value(value_of(ds, "audience_growth_rate", "*", nov), 30.0, SKPI_AVAILABLE);
    /* Engagement rate by followers uses the end-of-period followers:
     * 20 engagements a day on A over November = 600 / 1290 * 100. */
    append_const(ds, "engagements", "instagram:@acme", date(2026, 11, 1), 30, 20);
    assert_value(value_of(ds, "engagement_rate_followers", "instagram:*", nov),
                 600.0 / 1290.0 * 100.0, SKPI_AVAILABLE);
    /* Daily engagement rate: 600 / 30 days / 1290 * 100. */
    assert_value(value_of(ds, "daily_engagement_rate", "instagram:*", nov),
                 600.0 / 30.0 / 1290.0 * 100.0, SKPI_AVAILABLE);
    skpi_dataset_free(ds);
}

static void missing_days_make_a_value_partial(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    /* Impressions of 100 a day in November, but 10 and 20 November absent
     * and 5 November NaN (an export's "-"). */
    skpi_time t[28];
    double v[28];
    size_t n = 0;
    for (int d = 1; d <= 30; d++) {
        if (d == 10 || d == 20) continue;
        t[n] = date(2026, 11, d);
        v[n] = d == 5 ? NAN : 100;
        n++;
    }
    assert_int_equal(n, 28);
    assert_int_equal(skpi_dataset_append(ds, "impressions", "x:acme", t, v, n), SKPI_OK);
    skpi_period nov = span(2026, 11, 1, 2026, 12, 1);
    /* 27 present days * 100 = 2700, three of thirty days missing. */
    assert_value(value_of(ds, "impressions", "*", nov), 2700, SKPI_PARTIAL);
    /* 1-4 November is complete: 400. 1-5 is not: 400 again, partial. */
    assert_value(value_of(ds, "impressions", "*", span(2026, 11, 1, 2026, 11, 5)), 400,
                 SKPI_AVAILABLE);
    assert_value(value_of(ds, "impressions", "*", span(2026, 11, 1, 2026, 11, 6)), 400,
                 SKPI_PARTIAL);
    /* A period running past the data (1-10 December) is outside the
     * series' span: nothing takes part, the value is missing. */
    assert_value(value_of(ds, "impressions", "*", span(2026, 12, 1, 2026, 12, 11)), NAN,
                 SKPI_MISSING);
    /* 25 November - 4 December holds 6 days of 10: 600, partial. */
    assert_value(value_of(ds, "impressions", "*", span(2026, 11, 25, 2026, 12, 5)), 600,
                 SKPI_PARTIAL);
    /* Only NaN in the period (5 November): missing. */
    assert_value(value_of(ds, "impressions", "*", span(2026, 11, 5, 2026, 11, 6)), NAN,
                 SKPI_MISSING);
    /* With the slot check off, only the NaN point counts as missing. */
    assert_int_equal(skpi_dataset_set_resolution(ds, 0), SKPI_OK);
    assert_value(value_of(ds, "impressions", "*", nov), 2700, SKPI_PARTIAL);
    /* 6-30 November: 25 days less 10 and 20 November: 2300. */
    assert_value(value_of(ds, "impressions", "*", span(2026, 11, 6, 2026, 12, 1)), 2300,
                 SKPI_AVAILABLE);
    /* Weekly slots: 2-8 November (a week from Monday) holds data: complete. */
    assert_int_equal(skpi_dataset_set_resolution(ds, 7 * DAY), SKPI_OK);
    assert_int_equal(skpi_dataset_resolution(ds), 7 * DAY);
    assert_value(value_of(ds, "impressions", "*", span(2026, 11, 2, 2026, 11, 30)), 2500,
                 SKPI_AVAILABLE);
    assert_int_equal(skpi_dataset_set_resolution(ds, -1), SKPI_ERANGE);
    assert_int_equal(skpi_dataset_set_resolution(ds, 366 * DAY + 1), SKPI_ERANGE);
    assert_int_equal(skpi_dataset_set_resolution(NULL, DAY), SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_resolution(ds), 7 * DAY);
    assert_int_equal(skpi_dataset_resolution(NULL), 0);
    skpi_dataset_free(ds);
}

static void channel_lacking_a_component_makes_a_value_partial(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    /* A (instagram) as in the ratio-of-sums test: 300 engagements over
     * 16500 reach. B (facebook) has 100 engagements a day and no reach. */
    double eng[30], reach[30];
    for (int i = 0; i < 30; i++) { eng[i] = 10; reach[i] = i < 15 ? 100 : 1000; }
    append_daily(ds, "engagements", "instagram:@acme", date(2026, 11, 1), eng, 30);
    append_daily(ds, "reach", "instagram:@acme", date(2026, 11, 1), reach, 30);
    append_const(ds, "engagements", "facebook:acme", date(2026, 11, 1), 30, 100);
    skpi_period nov = span(2026, 11, 1, 2026, 12, 1);
    /* B is left out of the ratio (adding its 3000 engagements without reach
     * would claim 3300 / 16500 = 20 %): 20/11 %, partial. */
    assert_value(value_of(ds, "engagement_rate_reach", "*", nov), 20.0 / 11.0, SKPI_PARTIAL);
    assert_value(value_of(ds, "engagement_rate_reach", "instagram:*", nov), 20.0 / 11.0,
                 SKPI_AVAILABLE);
    /* On its own B cannot give a rate at all. */
    assert_value(value_of(ds, "engagement_rate_reach", "facebook:acme", nov), NAN, SKPI_MISSING);
    /* A flow on its own is complete on both: 300 + 3000. */
    assert_value(value_of(ds, "engagements", "*", nov), 3300, SKPI_AVAILABLE);
    /* A channel with no data for the metric at all is not expected to have
     * it: saves exist on A only, and "*" is complete. */
    append_const(ds, "saves", "instagram:@acme", date(2026, 11, 1), 30, 1);
    assert_value(value_of(ds, "saves", "*", nov), 30, SKPI_AVAILABLE);
    /* A channel whose data ended before the period does not take part:
     * C's reach and engagements stop in October. */
    append_const(ds, "engagements", "x:old", date(2026, 10, 1), 31, 5);
    append_const(ds, "reach", "x:old", date(2026, 10, 1), 31, 50);
    assert_value(value_of(ds, "engagement_rate_reach", "instagram:*", nov), 20.0 / 11.0,
                 SKPI_AVAILABLE);
    assert_value(value_of(ds, "engagement_rate_reach", "x:*", nov), NAN, SKPI_MISSING);
    /* A channel whose reach series spans November but holds no present
     * value in it (points on 31 October and 1 December only, NaN in
     * between) is left out the same way: counting its 30 * 7 = 210
     * engagements over A's reach would claim (300 + 210) / 16500. */
    skpi_time gap_t[4] = { date(2026, 10, 31), date(2026, 11, 10), date(2026, 11, 20),
                           date(2026, 12, 1) };
    double gap_v[4] = { 100, NAN, NAN, 100 };
    append_const(ds, "engagements", "instagram:@gap", date(2026, 11, 1), 30, 7);
    assert_int_equal(skpi_dataset_append(ds, "reach", "instagram:@gap", gap_t, gap_v, 4), SKPI_OK);
    assert_value(value_of(ds, "engagement_rate_reach", "instagram:*", nov), 20.0 / 11.0,
                 SKPI_PARTIAL);
    /* its engagements alone still count as a flow: 300 + 210 */
    assert_value(value_of(ds, "engagements", "instagram:*", nov), 510, SKPI_AVAILABLE);
    /* October on x: 155 / 1550 * 100 = 10 %. */
    assert_value(value_of(ds, "engagement_rate_reach", "x:*", span(2026, 10, 1, 2026, 11, 1)),
                 10.0, SKPI_AVAILABLE);
    skpi_dataset_free(ds);
}

static void division_by_zero_is_not_available(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    append_const(ds, "engagements", "tiktok:acme", date(2026, 11, 1), 3, 4);
    append_const(ds, "reach", "tiktok:acme", date(2026, 11, 1), 3, 0);
    skpi_value v = value_of(ds, "engagement_rate_reach", "*", span(2026, 11, 1, 2026, 11, 4));
    assert_value(v, NAN, SKPI_DENOMINATOR_ZERO);
    /* Unknown metric, bad period. */
    assert_int_equal(skpi_dataset_value(&v, ds, "nope", "*", span(2026, 11, 1, 2026, 11, 4)),
                     SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "unknown metric key 'nope'"));
    assert_int_equal(skpi_dataset_value(&v, ds, "reach", "*", span(2026, 11, 4, 2026, 11, 4)),
                     SKPI_EINVAL);
    /* Times named as dates, never as epoch seconds. */
    assert_non_null(strstr(skpi_last_error(), "ends (2026-11-04T00:00:00Z) at or before its start "
                                              "(2026-11-04T00:00:00Z)"));
    skpi_period huge = { INT64_MIN, 0 };
    assert_int_equal(skpi_dataset_value(&v, ds, "reach", "*", huge), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_value(NULL, ds, "reach", "*", span(2026, 11, 1, 2026, 11, 4)),
                     SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_value(&v, NULL, "reach", "*", span(2026, 11, 1, 2026, 11, 4)),
                     SKPI_EMISUSE);
    skpi_dataset_free(ds);
}

static void overflowing_formula_is_not_available(void **state)
{
    (void)state;
    /* 3 likes * 1e300 * 1e300 = 3e600 is beyond a double (about 1.8e308):
     * the value must not come out as an available infinity, nor as a NaN
     * from infinity - infinity. 3 likes * 1e300 = 3e300 still fits. */
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    const int R = SKPI_UNIT_RATIO, U = SKPI_HIGHER_IS_BETTER;
    assert_int_equal(skpi_catalog_add_derived(cat, "huge", "H", R, U, "likes * 1e300 * 1e300"), SKPI_OK);
    assert_int_equal(skpi_catalog_add_derived(cat, "inf_minus_inf", "I", R, U,
                                              "huge - huge"), SKPI_OK);
    assert_int_equal(skpi_catalog_add_derived(cat, "big", "B", R, U, "likes * 1e300"), SKPI_OK);
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, cat), SKPI_OK);
    skpi_catalog_free(cat);
    append_const(ds, "likes", "x:acme", date(2026, 11, 1), 3, 1);
    skpi_period p = span(2026, 11, 1, 2026, 11, 4);
    assert_value(value_of(ds, "huge", "*", p), NAN, SKPI_UNSUPPORTED);
    assert_value(value_of(ds, "inf_minus_inf", "*", p), NAN, SKPI_UNSUPPORTED);
    skpi_value v = value_of(ds, "big", "*", p);
    assert_int_equal(v.availability, SKPI_AVAILABLE);
    assert_double_equal(v.value, 3e300, 1e286);
    /* per post the same */
    assert_int_equal(skpi_dataset_add_post(ds, "x:acme", "p", date(2026, 11, 2), 0, 0, 0), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:acme", "p", "likes", 2), SKPI_OK);
    assert_int_equal(skpi_post_value(&v, skpi_dataset_post(ds, 0), "huge"), SKPI_OK);
    assert_value(v, NAN, SKPI_UNSUPPORTED);
    skpi_dataset_free(ds);
}

/* ---- selectors, groups, channels ---------------------------------------- */

static void selectors_and_groups(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time t = date(2026, 11, 1);
    append_const(ds, "impressions", "instagram:@acme", t, 1, 1);
    append_const(ds, "impressions", "instagram:@acme_uk", t, 1, 2);
    append_const(ds, "impressions", "linkedin:acme", t, 1, 4);
    append_const(ds, "impressions", "x:acme", t, 1, 8);
    skpi_period day = { t, t + DAY };
    assert_value(value_of(ds, "impressions", "*", day), 15, SKPI_AVAILABLE);
    assert_value(value_of(ds, "impressions", "instagram:*", day), 3, SKPI_AVAILABLE);
    assert_value(value_of(ds, "impressions", "instagram:@acme_uk", day), 2, SKPI_AVAILABLE);
    /* "insta:*" is another network, not a prefix. */
    assert_value(value_of(ds, "impressions", "insta:*", day), NAN, SKPI_MISSING);
    assert_value(value_of(ds, "impressions", "youtube:acme", day), NAN, SKPI_MISSING);
    const char *emea[] = { "linkedin:acme", "x:acme", "linkedin:acme", "tiktok:acme_eu" };
    assert_int_equal(skpi_dataset_define_group(ds, "emea", emea, 4), SKPI_OK);
    /* tiktok:acme_eu became known. */
    assert_int_equal(skpi_dataset_channel_count(ds), 5);
    assert_string_equal(skpi_dataset_channel(ds, 4), "tiktok:acme_eu");
    assert_null(skpi_dataset_channel(ds, 5));
    /* duplicates count once: 4 + 8 */
    assert_value(value_of(ds, "impressions", "@emea", day), 12, SKPI_AVAILABLE);
    /* Redefining replaces the members. */
    const char *emea2[] = { "instagram:@acme_uk" };
    assert_int_equal(skpi_dataset_define_group(ds, "emea", emea2, 1), SKPI_OK);
    assert_value(value_of(ds, "impressions", "@emea", day), 2, SKPI_AVAILABLE);
    assert_int_equal(skpi_dataset_define_group(ds, "empty", NULL, 0), SKPI_OK);
    assert_value(value_of(ds, "impressions", "@empty", day), NAN, SKPI_MISSING);

    int m = -1;
    assert_int_equal(skpi_dataset_match(&m, ds, "*", "youtube:anything"), SKPI_OK);
    assert_int_equal(m, 1);
    assert_int_equal(skpi_dataset_match(&m, ds, "instagram:*", "instagram:@x"), SKPI_OK);
    assert_int_equal(m, 1);
    assert_int_equal(skpi_dataset_match(&m, ds, "instagram:*", "instagramx:@x"), SKPI_OK);
    assert_int_equal(m, 0);
    assert_int_equal(skpi_dataset_match(&m, ds, "x:acme", "x:acme"), SKPI_OK);
    assert_int_equal(m, 1);
    assert_int_equal(skpi_dataset_match(&m, ds, "x:acme", "x:acme2"), SKPI_OK);
    assert_int_equal(m, 0);
    assert_int_equal(skpi_dataset_match(&m, ds, "@emea", "instagram:@acme_uk"), SKPI_OK);
    assert_int_equal(m, 1);
    assert_int_equal(skpi_dataset_match(&m, ds, "@emea", "x:acme"), SKPI_OK);
    assert_int_equal(m, 0);
    assert_int_equal(skpi_dataset_match(&m, ds, "@emea", "x:unknown"), SKPI_OK);
    assert_int_equal(m, 0);

    /* Invalid selectors: a clear error. */
    struct { const char *sel; int rc; const char *msg; } bad[] = {
        { "", SKPI_EINVAL, "empty selector" },
        { "instagram", SKPI_EINVAL, "has no ':'" },
        { "Instagram:*", SKPI_EINVAL, "lowercase letters" },
        { ":acme", SKPI_EINVAL, "empty network" },
        { "x:", SKPI_EINVAL, "empty account" },
        { "x:a\tb", SKPI_EINVAL, "control character at byte 4" },
        { "@", SKPI_EINVAL, "group name is empty" },
        { "@em ea", SKPI_EINVAL, "only ASCII letters" },
        { "@nope", SKPI_ENOTFOUND, "no group named 'nope'" },
        { "*:*", SKPI_EINVAL, "lowercase letters" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        skpi_value v;
        int rc = skpi_dataset_value(&v, ds, "impressions", bad[i].sel, day);
        if (rc != bad[i].rc || !strstr(skpi_last_error(), bad[i].msg))
            fail_msg("selector '%s': %d '%s'", bad[i].sel, rc, skpi_last_error());
        assert_int_equal(skpi_dataset_match(&m, ds, bad[i].sel, "x:acme"), bad[i].rc);
    }
    char longsel[300];
    memset(longsel, 'a', 299);
    longsel[0] = 'x';
    longsel[1] = ':';
    longsel[299] = '\0';
    skpi_value v;
    assert_int_equal(skpi_dataset_value(&v, ds, "impressions", longsel, day), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_channel_max(), 256);
    assert_int_equal(skpi_dataset_match(&m, ds, "*", "bad"), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_match(NULL, ds, "*", "x:a"), SKPI_EMISUSE);

    /* Bad groups change nothing. */
    const char *badg[] = { "x:acme", "nocolon" };
    assert_int_equal(skpi_dataset_define_group(ds, "g2", badg, 2), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "channels[1]"));
    assert_int_equal(skpi_dataset_define_group(ds, "bad name", badg, 1), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_define_group(ds, "g2", NULL, 1), SKPI_EMISUSE);
    const char *nullg[] = { NULL };
    assert_int_equal(skpi_dataset_define_group(ds, "g2", nullg, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_match(&m, ds, "@g2", "x:acme"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_channel_count(ds), 5);

    /* Channels: added once, checked. */
    assert_int_equal(skpi_dataset_add_channel(ds, "youtube:acme"), SKPI_OK);
    assert_int_equal(skpi_dataset_add_channel(ds, "youtube:acme"), SKPI_OK);
    assert_int_equal(skpi_dataset_channel_count(ds), 6);
    assert_int_equal(skpi_dataset_add_channel(ds, "youtube:*"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "is a selector"));
    assert_int_equal(skpi_dataset_add_channel(ds, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_channel_count(NULL), 0);
    assert_null(skpi_dataset_channel(NULL, 0));
    skpi_dataset_free(ds);
}

static void many_channels_are_found(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time t = date(2026, 1, 1);
    char key[64];
    /* 2000 channels: the index grows several times. Channel i holds i. */
    for (int i = 0; i < 2000; i++) {
        snprintf(key, sizeof key, "%s:acct%d", i % 2 ? "x" : "instagram", i);
        append_const(ds, "likes", key, t, 1, i);
    }
    assert_int_equal(skpi_dataset_channel_count(ds), 2000);
    /* sum of 0..1999 = 1999000; odd ones (x) = 1000^2 = 1000000 */
    skpi_period day = { t, t + DAY };
    assert_value(value_of(ds, "likes", "*", day), 1999000, SKPI_AVAILABLE);
    assert_value(value_of(ds, "likes", "x:*", day), 1000000, SKPI_AVAILABLE);
    assert_value(value_of(ds, "likes", "x:acct1777", day), 1777, SKPI_AVAILABLE);
    const skpi_series *s = NULL;
    assert_int_equal(skpi_dataset_series(&s, ds, "likes", "instagram:acct1234"), SKPI_OK);
    assert_string_equal(skpi_series_channel(s), "instagram:acct1234");
    skpi_dataset_free(ds);
}

static void irregular_series_match_a_plain_loop(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    assert_int_equal(skpi_dataset_set_resolution(ds, 0), SKPI_OK);
    /* Points at quadratically spaced hours, so that the position of a time
     * cannot be guessed from the series' span: t_k = base + k^2 hours,
     * likes k, followers 1000 + k. */
    enum { N = 300 };
    skpi_time base = date(2026, 1, 1), t[N];
    double likes[N], fol[N];
    for (int k = 0; k < N; k++) {
        t[k] = base + (skpi_time)k * k * 3600;
        likes[k] = k;
        fol[k] = 1000 + k;
    }
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:a", t, likes, N), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "followers", "x:a", t, fol, N), SKPI_OK);
    uint64_t rng = 12345;
    for (int trial = 0; trial < 2000; trial++) {
        rng = rng * 6364136223846793005u + 1442695040888963407u;
        skpi_time a = base - 7200 + (skpi_time)((rng >> 20) % (uint64_t)(t[N - 1] - base + 14400));
        rng = rng * 6364136223846793005u + 1442695040888963407u;
        skpi_time len = 1 + (skpi_time)((rng >> 20) % (uint64_t)(30 * DAY));
        skpi_period p = { a, a + len };
        double sum = 0, last = NAN;
        int present = 0;
        for (int k = 0; k < N; k++)
            if (t[k] >= p.start && t[k] < p.end) { sum += likes[k]; last = fol[k]; present++; }
        skpi_value v = value_of(ds, "likes", "*", p);
        skpi_value f = value_of(ds, "followers", "*", p);
        if (present) {
            assert_value(v, sum, SKPI_AVAILABLE);
            assert_value(f, last, SKPI_AVAILABLE);
        } else {
            assert_value(v, NAN, SKPI_MISSING);
            assert_value(f, NAN, SKPI_MISSING);
        }
    }
    skpi_dataset_free(ds);
}

/* ---- appending, series, extent, catalogs -------------------------------- */

static void append_rules(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time t[2] = { date(2026, 11, 2), date(2026, 11, 1) };
    double v[2] = { 5, 3 };
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:acme", t, v, 2), SKPI_OK);
    const skpi_series *s = NULL;
    assert_int_equal(skpi_dataset_series(&s, ds, "likes", "x:acme"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 2);
    assert_true(skpi_series_times(s)[0] == t[1]);
    assert_string_equal(skpi_series_metric(s), "likes");
    /* Later values for the same time win. */
    double w = 7;
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:acme", t, &w, 1), SKPI_OK);
    assert_double_equal(skpi_series_values(s)[1], 7, 0);

    /* Errors change nothing. */
    assert_int_equal(skpi_dataset_append(ds, "engagement_rate_reach", "x:acme", t, v, 2),
                     SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "'engagement_rate_reach' is a derived metric"));
    assert_int_equal(skpi_dataset_append(ds, "nope", "x:acme", t, v, 2), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_append(ds, "likes", "bad channel", t, v, 2), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:new", t, v, 0), SKPI_EINVAL);
    double inf[2] = { 1, INFINITY };
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:new", t, inf, 2), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:acme", t, inf, 2), SKPI_EINVAL);
    skpi_time out_of_range[1] = { INT64_MAX };
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:new", out_of_range, v, 1), SKPI_ERANGE);
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:acme", NULL, v, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_append(NULL, "likes", "x:acme", t, v, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_channel_count(ds), 1);
    assert_int_equal(skpi_series_length(s), 2);
    assert_double_equal(skpi_series_values(s)[1], 7, 0);
    assert_int_equal(skpi_dataset_series(&s, ds, "likes", "x:new"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_series(&s, ds, "shares", "x:acme"), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "no series of 'shares' on channel 'x:acme'"));
    assert_int_equal(skpi_dataset_series(&s, ds, "nope", "x:acme"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_series(NULL, ds, "likes", "x:acme"), SKPI_EMISUSE);

    /* Extent: likes span 1-2 November; a derived metric spans all its
     * components' points. */
    skpi_period e;
    assert_int_equal(skpi_dataset_extent(&e, ds, "likes", "*"), SKPI_OK);
    assert_true(e.start == date(2026, 11, 1) && e.end == date(2026, 11, 2) + 1);
    append_const(ds, "impressions", "x:acme", date(2026, 10, 30), 1, 100);
    assert_int_equal(skpi_dataset_extent(&e, ds, "ctr", "x:*"), SKPI_OK);
    assert_true(e.start == date(2026, 10, 30) && e.end == date(2026, 10, 30) + 1);
    append_const(ds, "link_clicks", "x:acme", date(2026, 11, 5), 1, 1);
    assert_int_equal(skpi_dataset_extent(&e, ds, "ctr", "x:*"), SKPI_OK);
    assert_true(e.start == date(2026, 10, 30) && e.end == date(2026, 11, 5) + 1);
    assert_int_equal(skpi_dataset_extent(&e, ds, "likes", "linkedin:*"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_extent(&e, ds, "nope", "*"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_extent(&e, ds, "likes", "@g"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_extent(NULL, ds, "likes", "*"), SKPI_EMISUSE);
    skpi_dataset_free(ds);
    skpi_dataset_free(NULL);
}

static void host_catalog_is_copied(void **state)
{
    (void)state;
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "story_views", "Story views", SKPI_UNIT_COUNT,
                                             SKPI_HIGHER_IS_BETTER, SKPI_KIND_FLOW), SKPI_OK);
    assert_int_equal(skpi_catalog_add_derived(cat, "story_rate", "Story rate", SKPI_UNIT_PERCENT,
                                              SKPI_HIGHER_IS_BETTER,
                                              "story_views / first(followers) * 100"), SKPI_OK);
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, cat), SKPI_OK);
    skpi_catalog_free(cat); /* the dataset holds its own copy */
    const skpi_catalog *dc = skpi_dataset_catalog(ds);
    assert_ptr_not_equal(dc, skpi_catalog_builtin());
    const skpi_metric *m = NULL;
    assert_int_equal(skpi_catalog_find(&m, dc, "story_rate"), SKPI_OK);
    /* 5 story views a day over November, followers 400 on 1 November and
     * 500 at the end: 150 / 400 * 100 = 37.5 %. */
    append_const(ds, "story_views", "instagram:@acme", date(2026, 11, 1), 30, 5);
    double f[30];
    for (int i = 0; i < 30; i++) f[i] = i == 29 ? 500 : 400;
    append_daily(ds, "followers", "instagram:@acme", date(2026, 11, 1), f, 30);
    assert_value(value_of(ds, "story_rate", "*", span(2026, 11, 1, 2026, 12, 1)), 37.5,
                 SKPI_AVAILABLE);
    skpi_dataset_free(ds);

    assert_int_equal(skpi_dataset_new(&ds, skpi_catalog_builtin()), SKPI_OK);
    assert_ptr_equal(skpi_dataset_catalog(ds), skpi_catalog_builtin());
    skpi_dataset_free(ds);
    assert_null(skpi_dataset_catalog(NULL));
    assert_int_equal(skpi_dataset_new(NULL, NULL), SKPI_EMISUSE);
}

/* ---- rollups and comparisons ------------------------------------------- */

static void rollup_of_a_derived_metric(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    /* November: 2 engagements of 40 reach a day; 1-15 December: 3 of 50. */
    append_const(ds, "engagements", "instagram:@acme", date(2026, 11, 1), 30, 2);
    append_const(ds, "reach", "instagram:@acme", date(2026, 11, 1), 30, 40);
    append_const(ds, "engagements", "instagram:@acme", date(2026, 12, 1), 15, 3);
    append_const(ds, "reach", "instagram:@acme", date(2026, 12, 1), 15, 50);
    skpi_series *s = NULL;
    int *avail = NULL;
    /* October to December: October missing, November 60 / 1200 * 100 = 5 %,
     * December 45 / 750 * 100 = 6 %, partial (16 days lack data). */
    skpi_period range = span(2026, 10, 15, 2026, 12, 20);
    assert_int_equal(skpi_dataset_rollup(&s, &avail, ds, "engagement_rate_reach", "*", NULL,
                                         SKPI_CADENCE_MONTH, range), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 3);
    assert_string_equal(skpi_series_metric(s), "engagement_rate_reach");
    assert_string_equal(skpi_series_channel(s), "*");
    const skpi_time *t = skpi_series_times(s);
    const double *v = skpi_series_values(s);
    assert_true(t[0] == date(2026, 10, 1) && t[1] == date(2026, 11, 1) && t[2] == date(2026, 12, 1));
    assert_true(isnan(v[0]));
    assert_double_equal(v[1], 5.0, 1e-12);
    assert_double_equal(v[2], 6.0, 1e-12);
    assert_int_equal(avail[0], SKPI_MISSING);
    assert_int_equal(avail[1], SKPI_AVAILABLE);
    assert_int_equal(avail[2], SKPI_PARTIAL);
    skpi_series_free(s);
    skpi_free(avail);

    /* Weekly with a calendar at UTC+1: weeks start Monday 00:00 local,
     * i.e. Sunday 23:00 UTC; points at 00:00 UTC on a Monday fall in the
     * week of that Monday. Week of Mon 2 Nov: 7 days, 14 / 280 = 5 %. */
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(cal, 60), SKPI_OK);
    skpi_period wk = { date(2026, 11, 2), date(2026, 11, 9) - 3600 };
    assert_int_equal(skpi_dataset_rollup(&s, NULL, ds, "engagement_rate_reach", "instagram:*",
                                         cal, SKPI_CADENCE_WEEK, wk), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 1);
    assert_true(skpi_series_times(s)[0] == date(2026, 11, 2) - 3600);
    assert_double_equal(skpi_series_values(s)[0], 5.0, 1e-12);
    skpi_series_free(s);
    skpi_calendar_free(cal);

    /* Errors. */
    assert_int_equal(skpi_dataset_rollup(&s, NULL, ds, "engagement_rate_reach", "*", NULL, 9,
                                         range), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_rollup(&s, NULL, ds, "nope", "*", NULL, 2, range),
                     SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_rollup(&s, NULL, ds, "reach", "@x", NULL, 2, range),
                     SKPI_ENOTFOUND);
    skpi_period bad = { range.end, range.start };
    assert_int_equal(skpi_dataset_rollup(&s, NULL, ds, "reach", "*", NULL, 2, bad), SKPI_EINVAL);
    skpi_period all = { skpi_time_min(), skpi_time_max() };
    assert_int_equal(skpi_dataset_rollup(NULL, NULL, ds, "reach", "*", NULL, 2, range),
                     SKPI_EMISUSE);
    /* The whole calendar range in years works: 9999 periods. */
    assert_int_equal(skpi_dataset_rollup(&s, NULL, ds, "reach", "*", NULL, SKPI_CADENCE_YEAR, all),
                     SKPI_OK);
    assert_int_equal(skpi_series_length(s), 9999);
    /* 2026: 30 * 40 + 15 * 50 = 1950, partial */
    assert_double_equal(skpi_series_values(s)[2025], 1950, 0);
    skpi_series_free(s);
    skpi_dataset_free(ds);
}

static void value_change_by_hand(void **state)
{
    (void)state;
    skpi_value out;
    skpi_value a = { 120, SKPI_AVAILABLE }, b = { 100, SKPI_AVAILABLE };
    skpi_value neg = { -50, SKPI_AVAILABLE }, zero = { 0, SKPI_AVAILABLE };
    skpi_value part = { 80, SKPI_PARTIAL }, miss = { NAN, SKPI_MISSING };
    skpi_value dz = { NAN, SKPI_DENOMINATOR_ZERO };
    /* 120 vs 100: +20, +20 %, +20 points for a percent metric */
    assert_int_equal(skpi_value_change(&out, a, b, SKPI_CHANGE_ABSOLUTE, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, 20, SKPI_AVAILABLE);
    assert_int_equal(skpi_value_change(&out, a, b, SKPI_CHANGE_PERCENT, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, 20, SKPI_AVAILABLE);
    assert_int_equal(skpi_value_change(&out, a, b, SKPI_CHANGE_POINTS, SKPI_UNIT_PERCENT), SKPI_OK);
    assert_value(out, 20, SKPI_AVAILABLE);
    /* percentage points have no meaning for counts */
    assert_int_equal(skpi_value_change(&out, a, b, SKPI_CHANGE_POINTS, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, NAN, SKPI_UNSUPPORTED);
    /* from -50 to 0: +50, i.e. (0 - -50) / |-50| * 100 = +100 % */
    assert_int_equal(skpi_value_change(&out, zero, neg, SKPI_CHANGE_PERCENT, SKPI_UNIT_SCORE), SKPI_OK);
    assert_value(out, 100, SKPI_AVAILABLE);
    /* from 0: percent change not available */
    assert_int_equal(skpi_value_change(&out, a, zero, SKPI_CHANGE_PERCENT, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, NAN, SKPI_DENOMINATOR_ZERO);
    assert_int_equal(skpi_value_change(&out, a, zero, SKPI_CHANGE_ABSOLUTE, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, 120, SKPI_AVAILABLE);
    /* partial in, partial out: 80 vs 100 = -20 % */
    assert_int_equal(skpi_value_change(&out, part, b, SKPI_CHANGE_PERCENT, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, -20, SKPI_PARTIAL);
    /* unusable inputs pass their availability on, current first */
    assert_int_equal(skpi_value_change(&out, miss, dz, SKPI_CHANGE_ABSOLUTE, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, NAN, SKPI_MISSING);
    assert_int_equal(skpi_value_change(&out, a, dz, SKPI_CHANGE_ABSOLUTE, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, NAN, SKPI_DENOMINATOR_ZERO);
    /* a change beyond the range of a double is not an available infinity:
     * 1e308 - (-1e308) = 2e308; (1 - 1e-310) / 1e-310 * 100 is about 1e312 */
    skpi_value top = { 1e308, SKPI_AVAILABLE }, bottom = { -1e308, SKPI_AVAILABLE };
    skpi_value one = { 1, SKPI_AVAILABLE }, tiny = { 1e-310, SKPI_AVAILABLE };
    assert_int_equal(skpi_value_change(&out, top, bottom, SKPI_CHANGE_ABSOLUTE, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, NAN, SKPI_UNSUPPORTED);
    assert_int_equal(skpi_value_change(&out, one, tiny, SKPI_CHANGE_PERCENT, SKPI_UNIT_COUNT), SKPI_OK);
    assert_value(out, NAN, SKPI_UNSUPPORTED);
    /* errors */
    assert_int_equal(skpi_value_change(NULL, a, b, 0, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_value_change(&out, a, b, 3, 0), SKPI_EINVAL);
    assert_int_equal(skpi_value_change(&out, a, b, 0, 6), SKPI_EINVAL);
    skpi_value weird = { 1, 9 };
    assert_int_equal(skpi_value_change(&out, weird, b, 0, 0), SKPI_EINVAL);
}

static void compare_two_periods(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    /* October: 4 engagements of 100 reach a day (4 %); November: 6 of 100 (6 %). */
    append_const(ds, "engagements", "x:acme", date(2026, 10, 1), 31, 4);
    append_const(ds, "reach", "x:acme", date(2026, 10, 1), 31, 100);
    append_const(ds, "engagements", "x:acme", date(2026, 11, 1), 30, 6);
    append_const(ds, "reach", "x:acme", date(2026, 11, 1), 30, 100);
    skpi_period oct = span(2026, 10, 1, 2026, 11, 1), nov = span(2026, 11, 1, 2026, 12, 1);
    skpi_value v;
    /* +2 percentage points; +50 % relative; engagements 180 vs 124: +56 */
    assert_int_equal(skpi_dataset_compare(&v, ds, "engagement_rate_reach", "*", nov, oct,
                                          SKPI_CHANGE_POINTS), SKPI_OK);
    assert_value(v, 2.0, SKPI_AVAILABLE);
    assert_int_equal(skpi_dataset_compare(&v, ds, "engagement_rate_reach", "*", nov, oct,
                                          SKPI_CHANGE_PERCENT), SKPI_OK);
    assert_value(v, 50.0, SKPI_AVAILABLE);
    assert_int_equal(skpi_dataset_compare(&v, ds, "engagements", "*", nov, oct,
                                          SKPI_CHANGE_ABSOLUTE), SKPI_OK);
    assert_value(v, 56.0, SKPI_AVAILABLE);
    assert_int_equal(skpi_dataset_compare(&v, ds, "engagements", "*", nov, oct,
                                          SKPI_CHANGE_POINTS), SKPI_OK);
    assert_value(v, NAN, SKPI_UNSUPPORTED);
    /* September has no data: missing. */
    skpi_period sep = span(2026, 9, 1, 2026, 10, 1);
    assert_int_equal(skpi_dataset_compare(&v, ds, "engagements", "*", oct, sep,
                                          SKPI_CHANGE_PERCENT), SKPI_OK);
    assert_value(v, NAN, SKPI_MISSING);
    assert_int_equal(skpi_dataset_compare(&v, ds, "engagements", "*", oct, sep, 7), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_compare(&v, ds, "nope", "*", oct, sep, 0), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_compare(&v, ds, "reach", "@none", oct, sep, 0), SKPI_ENOTFOUND);
    skpi_period empty = { 5, 5 };
    assert_int_equal(skpi_dataset_compare(&v, ds, "reach", "*", oct, empty, 0), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_compare(NULL, ds, "reach", "*", oct, sep, 0), SKPI_EMISUSE);
    skpi_dataset_free(ds);
}

/* ---- posts -------------------------------------------------------------- */

static void add_post_values(skpi_dataset *ds, const char *ch, const char *id, skpi_time t,
                            double eng, double reach)
{
    assert_int_equal(skpi_dataset_add_post(ds, ch, id, t, "photo", "text", "https://x/1"), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, ch, id, "engagements", eng), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, ch, id, "reach", reach), SKPI_OK);
}

static void posts_update_in_place(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time t = date(2026, 11, 3) + 3600 * 9;
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", "17890", t, "reel",
                                           "Launch day", "https://instagram.com/p/1"), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "17890", "likes", 120),
                     SKPI_OK);
    /* The same id on another channel is another post. */
    assert_int_equal(skpi_dataset_add_post(ds, "facebook:acme", "17890", t, NULL, NULL, NULL),
                     SKPI_OK);
    assert_int_equal(skpi_dataset_post_count(ds), 2);
    /* Adding again updates: fields replaced, values and index kept. */
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", "17890", t + 60, "video",
                                           "Launch day!", ""), SKPI_OK);
    assert_int_equal(skpi_dataset_post_count(ds), 2);
    size_t i = 99;
    assert_int_equal(skpi_dataset_find_post(&i, ds, "instagram:@acme", "17890"), SKPI_OK);
    assert_int_equal(i, 0);
    const skpi_post *p = skpi_dataset_post(ds, i);
    assert_string_equal(skpi_post_id(p), "17890");
    assert_string_equal(skpi_post_channel(p), "instagram:@acme");
    assert_true(skpi_post_published(p) == t + 60);
    assert_string_equal(skpi_post_type(p), "video");
    assert_string_equal(skpi_post_text(p), "Launch day!");
    assert_string_equal(skpi_post_link(p), "");
    skpi_value v;
    assert_int_equal(skpi_post_value(&v, p, "likes"), SKPI_OK);
    assert_value(v, 120, SKPI_AVAILABLE);
    /* Replace and clear values. */
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "17890", "likes", 130),
                     SKPI_OK);
    assert_int_equal(skpi_post_value(&v, p, "likes"), SKPI_OK);
    assert_value(v, 130, SKPI_AVAILABLE);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "17890", "likes", NAN),
                     SKPI_OK);
    assert_int_equal(skpi_post_value(&v, p, "likes"), SKPI_OK);
    assert_value(v, NAN, SKPI_MISSING);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "17890", "likes", NAN),
                     SKPI_OK);
    p = skpi_dataset_post(ds, 1);
    assert_string_equal(skpi_post_channel(p), "facebook:acme");
    assert_string_equal(skpi_post_type(p), "");
    assert_null(skpi_dataset_post(ds, 2));

    /* Errors. */
    assert_int_equal(skpi_dataset_find_post(&i, ds, "instagram:@acme", "nope"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_find_post(&i, ds, "x:none", "17890"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_find_post(NULL, ds, "x:none", "1"), SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", "", t, 0, 0, 0), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_add_post(ds, "bad", "1", t, 0, 0, 0), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_add_post(ds, "x:acme", "1", INT64_MAX, 0, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_dataset_add_post(ds, NULL, "1", t, 0, 0, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_post_count(ds), 2);
    assert_int_equal(skpi_dataset_channel_count(ds), 2);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:acme", "1", "likes", 1), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_set_post_value(ds, "facebook:acme", "17890", "nope", 1),
                     SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_set_post_value(ds, "facebook:acme", "17890", "ctr", 1),
                     SKPI_EINVAL);
    assert_int_equal(skpi_dataset_set_post_value(ds, "facebook:acme", "17890", "likes", INFINITY),
                     SKPI_EINVAL);
    assert_int_equal(skpi_dataset_set_post_value(NULL, "facebook:acme", "17890", "likes", 1),
                     SKPI_EMISUSE);
    assert_int_equal(skpi_post_value(&v, p, "nope"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_post_value(NULL, p, "likes"), SKPI_EMISUSE);
    assert_null(skpi_post_id(NULL));
    assert_null(skpi_post_channel(NULL));
    assert_null(skpi_post_type(NULL));
    assert_null(skpi_post_text(NULL));
    assert_null(skpi_post_link(NULL));
    assert_true(skpi_post_published(NULL) == 0);
    assert_int_equal(skpi_dataset_post_count(NULL), 0);
    skpi_dataset_free(ds);
}

static void per_post_derived_metrics(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time t = date(2026, 11, 10) + 12 * 3600;
    add_post_values(ds, "instagram:@acme", "p1", t, 45, 900);
    const skpi_post *p = skpi_dataset_post(ds, 0);
    skpi_value v;
    /* 45 / 900 * 100 = 5 % */
    assert_int_equal(skpi_post_value(&v, p, "engagement_rate_reach"), SKPI_OK);
    assert_value(v, 5.0, SKPI_AVAILABLE);
    /* Followers come from the channel: the last value at or before noon
     * on 10 November is the 10 November point (2000), not 11 November. */
    double f[3] = { 1900, 2000, 3000 };
    append_daily(ds, "followers", "instagram:@acme", date(2026, 11, 9), f, 3);
    assert_int_equal(skpi_post_value(&v, p, "engagement_rate_followers"), SKPI_OK);
    assert_value(v, 45.0 / 2000.0 * 100.0, SKPI_AVAILABLE);
    /* A follower count stored on the post wins. */
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "p1", "followers", 1500),
                     SKPI_OK);
    assert_int_equal(skpi_post_value(&v, p, "engagement_rate_followers"), SKPI_OK);
    assert_value(v, 3.0, SKPI_AVAILABLE);
    /* Missing component, zero denominator, days() */
    assert_int_equal(skpi_post_value(&v, p, "ctr"), SKPI_OK);
    assert_value(v, NAN, SKPI_MISSING);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "p1", "reach", 0), SKPI_OK);
    assert_int_equal(skpi_post_value(&v, p, "engagement_rate_reach"), SKPI_OK);
    assert_value(v, NAN, SKPI_DENOMINATOR_ZERO);
    assert_int_equal(skpi_post_value(&v, p, "daily_engagement_rate"), SKPI_OK);
    assert_value(v, NAN, SKPI_UNSUPPORTED);
    /* A post before any followers point has no follower count. */
    add_post_values(ds, "instagram:@acme", "p0", date(2026, 11, 1), 1, 10);
    assert_int_equal(skpi_post_value(&v, skpi_dataset_post(ds, 1), "engagement_rate_followers"),
                     SKPI_OK);
    assert_value(v, NAN, SKPI_MISSING);
    skpi_dataset_free(ds);
}

static void top_posts_ties_are_deterministic(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time d1 = date(2026, 11, 1), d2 = date(2026, 11, 2), d3 = date(2026, 11, 3);
    /* engagement rate by reach per post:
     *   a  instagram:@acme  d2  10 / 100  = 10 %
     *   b  instagram:@acme  d3   8 / 100  =  8 %   (tie with c, later)
     *   c  x:acme           d2   4 /  50  =  8 %   (tie with b, earlier)
     *   d  x:acme           d1   3 / 100  =  3 %   (tie with e and f, same time)
     *   f  linkedin:acme    d1   6 / 200  =  3 %   (channel "linkedin" < "x")
     *   e  x:acme           d1   9 / 300  =  3 %   (same channel as d: id "d" < "e")
     *   g  x:acme           d1   no reach: left out
     *   h  x:acme           1 December: outside November */
    add_post_values(ds, "instagram:@acme", "a", d2, 10, 100);
    add_post_values(ds, "instagram:@acme", "b", d3, 8, 100);
    add_post_values(ds, "x:acme", "e", d1, 9, 300);
    add_post_values(ds, "x:acme", "c", d2, 4, 50);
    add_post_values(ds, "x:acme", "d", d1, 3, 100);
    add_post_values(ds, "linkedin:acme", "f", d1, 6, 200);
    assert_int_equal(skpi_dataset_add_post(ds, "x:acme", "g", d1, 0, 0, 0), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:acme", "g", "engagements", 99), SKPI_OK);
    add_post_values(ds, "x:acme", "h", date(2026, 12, 1), 50, 50);
    skpi_period nov = span(2026, 11, 1, 2026, 12, 1);
    size_t out[10], n = 99;
    assert_int_equal(skpi_dataset_top_posts(out, &n, 10, ds, "engagement_rate_reach", "*", nov),
                     SKPI_OK);
    assert_int_equal(n, 6);
    const char *expect[] = { "a", "c", "b", "f", "d", "e" };
    for (size_t i = 0; i < n; i++)
        assert_string_equal(skpi_post_id(skpi_dataset_post(ds, out[i])), expect[i]);
    /* Top 2 of x: c then d (d and e tie: id order). */
    assert_int_equal(skpi_dataset_top_posts(out, &n, 2, ds, "engagement_rate_reach", "x:*", nov),
                     SKPI_OK);
    assert_int_equal(n, 2);
    assert_string_equal(skpi_post_id(skpi_dataset_post(ds, out[0])), "c");
    assert_string_equal(skpi_post_id(skpi_dataset_post(ds, out[1])), "d");
    /* A raw metric: engagements; g (99) counts now, h is outside. */
    assert_int_equal(skpi_dataset_top_posts(out, &n, 3, ds, "engagements", "x:acme", nov), SKPI_OK);
    assert_int_equal(n, 3);
    assert_string_equal(skpi_post_id(skpi_dataset_post(ds, out[0])), "g");
    assert_string_equal(skpi_post_id(skpi_dataset_post(ds, out[1])), "e");
    assert_string_equal(skpi_post_id(skpi_dataset_post(ds, out[2])), "c");
    /* Lower is better: cost per click, cheapest first.
     * a: 5 / 10 = 0.5; c: 1 / 4 = 0.25. */
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "a", "spend", 5), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "a", "link_clicks", 10),
                     SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:acme", "c", "spend", 1), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:acme", "c", "link_clicks", 4), SKPI_OK);
    assert_int_equal(skpi_dataset_top_posts(out, &n, 10, ds, "cpc", "*", nov), SKPI_OK);
    assert_int_equal(n, 2);
    assert_string_equal(skpi_post_id(skpi_dataset_post(ds, out[0])), "c");
    assert_string_equal(skpi_post_id(skpi_dataset_post(ds, out[1])), "a");
    /* max 0 writes nothing; errors */
    assert_int_equal(skpi_dataset_top_posts(NULL, &n, 0, ds, "cpc", "*", nov), SKPI_OK);
    assert_int_equal(n, 0);
    assert_int_equal(skpi_dataset_top_posts(NULL, &n, 1, ds, "cpc", "*", nov), SKPI_EMISUSE);
    assert_int_equal(skpi_dataset_top_posts(out, &n, 1, ds, "nope", "*", nov), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_top_posts(out, &n, 1, ds, "cpc", "bad", nov), SKPI_EINVAL);
    skpi_period bad = { nov.end, nov.start };
    assert_int_equal(skpi_dataset_top_posts(out, &n, 1, ds, "cpc", "*", bad), SKPI_EINVAL);
    skpi_dataset_free(ds);
}

/* ---- sources ------------------------------------------------------------ */

typedef struct fake_source {
    int calls;
    int fail_at;       /* fail on this call (1-based); 0 never */
    int set_message;
    char log[64][96];  /* "metric channel start end" per call */
} fake_source;

/* Daily points: impressions 100, reach 50, engagements 5 a day; no video
 * views. */
static int fake_fetch(skpi_fetch *req, void *ud)
{
    fake_source *fs = ud;
    fs->calls++;
    skpi_period p = skpi_fetch_period(req);
    if (fs->calls <= 64)
        snprintf(fs->log[fs->calls - 1], sizeof fs->log[0], "%s %s %lld %lld",
                 skpi_fetch_metric(req), skpi_fetch_channel(req),
                 (long long)((p.start - date(2026, 11, 1)) / DAY),
                 (long long)((p.end - date(2026, 11, 1)) / DAY));
    if (fs->fail_at && fs->calls == fs->fail_at) {
        if (fs->set_message) skpi_error_set("the API quota is exhausted");
        return 7;
    }
    /* video views: an empty answer */
    if (strcmp(skpi_fetch_metric(req), "video_views") == 0) return 0;
    double v = strcmp(skpi_fetch_metric(req), "reach") == 0 ? 50
             : strcmp(skpi_fetch_metric(req), "engagements") == 0 ? 5 : 100;
    for (skpi_time t = p.start - 2 * DAY; t < p.end + 2 * DAY; t += DAY) {
        /* a few points outside the period too: they are ignored */
        int rc = skpi_fetch_append(req, &t, &v, 1);
        if (rc != SKPI_OK) return 1;
    }
    return 0;
}

static void source_is_asked_once_per_range(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    assert_int_equal(skpi_dataset_add_channel(ds, "x:acme"), SKPI_OK);
    fake_source fs;
    memset(&fs, 0, sizeof fs);
    skpi_source src = SKPI_SOURCE_INIT;
    src.fetch = fake_fetch;
    src.userdata = &fs;
    assert_int_equal(skpi_dataset_set_source(ds, &src), SKPI_OK);
    /* 1-10 November: engagements and reach asked once each:
     * 50 / 500 * 100 = 10 %. */
    skpi_period p1 = span(2026, 11, 1, 2026, 11, 11);
    assert_value(value_of(ds, "engagement_rate_reach", "*", p1), 10.0, SKPI_AVAILABLE);
    assert_int_equal(fs.calls, 2);
    assert_string_equal(fs.log[0], "engagements x:acme 0 10");
    assert_string_equal(fs.log[1], "reach x:acme 0 10");
    /* Asked again: nothing fetched. */
    assert_value(value_of(ds, "engagement_rate_reach", "*", p1), 10.0, SKPI_AVAILABLE);
    assert_value(value_of(ds, "reach", "x:acme", p1), 500, SKPI_AVAILABLE);
    assert_int_equal(fs.calls, 2);
    /* Only the points inside the period were kept. */
    const skpi_series *s = NULL;
    assert_int_equal(skpi_dataset_series(&s, ds, "reach", "x:acme"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 10);
    /* 5-20 November: only 10-20 is asked for. */
    assert_value(value_of(ds, "reach", "*", span(2026, 11, 5, 2026, 11, 21)), 800, SKPI_AVAILABLE);
    assert_int_equal(fs.calls, 3);
    assert_string_equal(fs.log[2], "reach x:acme 10 20");
    /* A comparison asks for both periods' gaps in one round: October
     * (-31..0) and 21-30 November for reach. */
    skpi_value v;
    assert_int_equal(skpi_dataset_compare(&v, ds, "reach", "*", span(2026, 11, 1, 2026, 12, 1),
                                          span(2026, 10, 1, 2026, 11, 1), SKPI_CHANGE_ABSOLUTE),
                     SKPI_OK);
    assert_int_equal(fs.calls, 5);
    assert_string_equal(fs.log[3], "reach x:acme -31 0");
    assert_string_equal(fs.log[4], "reach x:acme 20 30");
    assert_value(v, 30 * 50 - 31 * 50, SKPI_AVAILABLE);
    /* A rollup over covered months asks nothing. */
    skpi_series *r = NULL;
    assert_int_equal(skpi_dataset_rollup(&r, NULL, ds, "reach", "*", NULL, SKPI_CADENCE_MONTH,
                                         span(2026, 10, 1, 2026, 12, 1)), SKPI_OK);
    assert_int_equal(fs.calls, 5);
    assert_double_equal(skpi_series_values(r)[0], 1550, 0);
    assert_double_equal(skpi_series_values(r)[1], 1500, 0);
    skpi_series_free(r);
    /* An exact channel nobody mentioned: the source is asked, and the
     * channel becomes known. */
    assert_value(value_of(ds, "impressions", "youtube:acme", p1), 1000, SKPI_AVAILABLE);
    assert_int_equal(fs.calls, 6);
    assert_string_equal(fs.log[5], "impressions youtube:acme 0 10");
    assert_int_equal(skpi_dataset_channel_count(ds), 2);
    /* An empty answer covers the range too. */
    assert_value(value_of(ds, "video_views", "x:acme", p1), NAN, SKPI_MISSING);
    assert_int_equal(fs.calls, 7);
    assert_value(value_of(ds, "video_views", "x:acme", p1), NAN, SKPI_MISSING);
    assert_int_equal(fs.calls, 7);
    /* Detaching and attaching again forgets the coverage (not the data). */
    assert_int_equal(skpi_dataset_set_source(ds, NULL), SKPI_OK);
    assert_value(value_of(ds, "reach", "x:acme", p1), 500, SKPI_AVAILABLE);
    assert_int_equal(skpi_dataset_set_source(ds, &src), SKPI_OK);
    assert_value(value_of(ds, "reach", "x:acme", p1), 500, SKPI_AVAILABLE);
    assert_int_equal(fs.calls, 8);

    /* set_source and fetch misuse */
    skpi_source bad = SKPI_SOURCE_INIT;
    assert_int_equal(skpi_dataset_set_source(ds, &bad), SKPI_EINVAL);
    bad.fetch = fake_fetch;
    bad.version = 2;
    assert_int_equal(skpi_dataset_set_source(ds, &bad), SKPI_EVERSION);
    assert_int_equal(skpi_dataset_set_source(NULL, &src), SKPI_EMISUSE);
    skpi_source init;
    assert_int_equal(skpi_source_init(&init, SKPI_SOURCE_VERSION), SKPI_OK);
    assert_int_equal(init.version, SKPI_SOURCE_VERSION);
    assert_null(init.fetch);
    assert_null(init.userdata);
    assert_int_equal(skpi_source_init(&init, 9), SKPI_EVERSION);
    assert_int_equal(skpi_source_init(NULL, 1), SKPI_EMISUSE);
    assert_null(skpi_fetch_metric(NULL));
    assert_null(skpi_fetch_channel(NULL));
    assert_true(skpi_fetch_period(NULL).start == 0 && skpi_fetch_period(NULL).end == 0);
    skpi_time t = 0;
    double x = 1;
    assert_int_equal(skpi_fetch_append(NULL, &t, &x, 1), SKPI_EMISUSE);
    skpi_dataset_free(ds);
}

static int misbehaving_fetch(skpi_fetch *req, void *ud)
{
    (void)ud;
    skpi_period p = skpi_fetch_period(req);
    skpi_time t[2] = { p.start, p.start + DAY };
    double v[2] = { 1, INFINITY };
    if (skpi_fetch_append(req, t, v, 2) != SKPI_EINVAL) return 1;
    if (!strstr(skpi_last_error(), "values[1] is infinite")) return 2;
    if (skpi_fetch_append(req, NULL, v, 1) != SKPI_EMISUSE) return 3;
    if (skpi_fetch_append(req, t, v, 0) != SKPI_OK) return 4;
    return skpi_fetch_append(req, t, v, 1) == SKPI_OK ? 0 : 5;
}

static void fetch_append_rules(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_source src = SKPI_SOURCE_INIT;
    src.fetch = misbehaving_fetch;
    assert_int_equal(skpi_dataset_set_source(ds, &src), SKPI_OK);
    skpi_period p = span(2026, 11, 1, 2026, 11, 3);
    /* One present point of two days. */
    assert_value(value_of(ds, "likes", "x:acme", p), 1, SKPI_PARTIAL);
    skpi_dataset_free(ds);
}

static void source_failing_half_way_changes_nothing(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    const char *chans[] = { "x:a", "x:b" };
    assert_int_equal(skpi_dataset_define_group(ds, "both", chans, 2), SKPI_OK);
    append_const(ds, "reach", "x:a", date(2026, 11, 1), 2, 7);
    fake_source fs;
    memset(&fs, 0, sizeof fs);
    fs.fail_at = 3;
    skpi_source src = SKPI_SOURCE_INIT;
    src.fetch = fake_fetch;
    src.userdata = &fs;
    assert_int_equal(skpi_dataset_set_source(ds, &src), SKPI_OK);
    skpi_period p = span(2026, 11, 1, 2026, 11, 11);
    skpi_value v = { 42, 42 };
    /* Requests: engagements x:a, reach x:a, engagements x:b (fails), ... */
    assert_int_equal(skpi_dataset_value(&v, ds, "engagement_rate_reach", "@both", p),
                     SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "source callback returned 7");
    assert_int_equal(fs.calls, 3);
    /* Nothing of the first two answers was kept, and the host's own
     * reach points are untouched. */
    const skpi_series *s = NULL;
    assert_int_equal(skpi_dataset_series(&s, ds, "engagements", "x:a"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_series(&s, ds, "reach", "x:a"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 2);
    assert_double_equal(skpi_series_values(s)[0], 7, 0);
    /* The message a callback sets is kept. */
    fs.calls = 0;
    fs.fail_at = 1;
    fs.set_message = 1;
    assert_int_equal(skpi_dataset_value(&v, ds, "reach", "x:b", p), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "the API quota is exhausted");
    /* Next time everything is asked again, and it works: 4 requests.
     * x:a reach: the source's 50 a day replaces the host's 7 on 1-2
     * November; both channels: 2 * 50 / (2 * 500) * 100 = 10 %. */
    fs.calls = 0;
    fs.fail_at = 0;
    v = value_of(ds, "engagement_rate_reach", "@both", p);
    assert_value(v, 10.0, SKPI_AVAILABLE);
    assert_int_equal(fs.calls, 4);
    assert_value(value_of(ds, "reach", "@both", p), 1000, SKPI_AVAILABLE);
    /* Rollups and comparisons fail the same way. */
    fs.calls = 0;
    fs.fail_at = 2;
    skpi_series *r = NULL;
    assert_int_equal(skpi_dataset_rollup(&r, NULL, ds, "ctr", "@both", NULL, SKPI_CADENCE_MONTH,
                                         p), SKPI_ECALLBACK);
    assert_null(r);
    fs.calls = 0;
    assert_int_equal(skpi_dataset_compare(&v, ds, "ctr", "@both", p, span(2026, 10, 1, 2026, 11, 1),
                                          SKPI_CHANGE_ABSOLUTE), SKPI_ECALLBACK);
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:a"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_series(&s, ds, "link_clicks", "x:a"), SKPI_ENOTFOUND);
    skpi_dataset_free(ds);
}

/* ---- out of memory ------------------------------------------------------ */

#define OOM_LOOP(call, on_fail)                                                 \
    do {                                                                        \
        int rc_ = SKPI_ENOMEM;                                                  \
        for (long n_ = 0; rc_ == SKPI_ENOMEM; n_++) {                           \
            long before_ = test_alloc_live();                                   \
            test_alloc_fail_after(n_);                                          \
            rc_ = (call);                                                       \
            test_alloc_fail_after(-1);                                          \
            if (rc_ == SKPI_ENOMEM) {                                           \
                assert_int_equal(test_alloc_live(), before_);                   \
                on_fail;                                                        \
            }                                                                   \
        }                                                                       \
        if (rc_ != SKPI_OK) fail_msg("%s: %d %s", #call, rc_, skpi_last_error()); \
    } while (0)

static void out_of_memory_leaves_the_dataset_unchanged(void **state)
{
    (void)state;
    long live = test_alloc_live();
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    skpi_dataset *ds = NULL;
    OOM_LOOP(skpi_dataset_new(&ds, cat), (void)0);
    skpi_catalog_free(cat);
    skpi_time t[3] = { date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 3) };
    double v[3] = { 1, 2, 3 };
    OOM_LOOP(skpi_dataset_append(ds, "likes", "x:a", t, v, 3),
             assert_int_equal(skpi_dataset_channel_count(ds), 0));
    OOM_LOOP(skpi_dataset_append(ds, "reach", "x:a", t, v, 3), (void)0);
    OOM_LOOP(skpi_dataset_append(ds, "likes", "x:a", t, v, 3), (void)0);
    OOM_LOOP(skpi_dataset_add_channel(ds, "x:b"),
             assert_int_equal(skpi_dataset_channel_count(ds), 1));
    const char *g[] = { "x:a", "x:c", "x:d" };
    OOM_LOOP(skpi_dataset_define_group(ds, "g", g, 3),
             assert_int_equal(skpi_dataset_channel_count(ds), 2));
    OOM_LOOP(skpi_dataset_define_group(ds, "g", g, 2), (void)0);
    OOM_LOOP(skpi_dataset_add_post(ds, "x:e", "p1", t[0], "photo", "hi", "l"),
             assert_int_equal(skpi_dataset_post_count(ds), 0));
    OOM_LOOP(skpi_dataset_add_post(ds, "x:e", "p1", t[0], "video", "hi!", "l"),
             assert_string_equal(skpi_post_type(skpi_dataset_post(ds, 0)), "photo"));
    OOM_LOOP(skpi_dataset_set_post_value(ds, "x:e", "p1", "likes", 3), (void)0);
    size_t top[4], n;
    skpi_period nov = span(2026, 11, 1, 2026, 12, 1);
    OOM_LOOP(skpi_dataset_top_posts(top, &n, 4, ds, "likes", "*", nov), (void)0);
    assert_int_equal(n, 1);
    skpi_series *r = NULL;
    int *avail = NULL;
    OOM_LOOP(skpi_dataset_rollup(&r, &avail, ds, "likes", "*", NULL, SKPI_CADENCE_DAY, nov),
             assert_null(r));
    assert_int_equal(skpi_series_length(r), 30);
    skpi_series_free(r);
    skpi_free(avail);
    /* With a source: the fetched data is dropped on failure and asked for
     * again on the next try. */
    fake_source fs;
    memset(&fs, 0, sizeof fs);
    skpi_source src = SKPI_SOURCE_INIT;
    src.fetch = fake_fetch;
    src.userdata = &fs;
    assert_int_equal(skpi_dataset_set_source(ds, &src), SKPI_OK);
    skpi_value val;
    const skpi_series *s;
    OOM_LOOP(skpi_dataset_value(&val, ds, "engagement_rate_reach", "x:f", nov),
             assert_int_equal(skpi_dataset_series(&s, ds, "reach", "x:f"), SKPI_ENOTFOUND));
    assert_value(val, 10.0, SKPI_AVAILABLE);
    OOM_LOOP(skpi_dataset_value(&val, ds, "engagement_rate_reach", "x:a", nov),
             assert_int_equal(skpi_dataset_series(&s, ds, "engagements", "x:a"), SKPI_ENOTFOUND));
    skpi_dataset_free(ds);
    assert_int_equal(test_alloc_live(), live);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(derived_metric_is_a_ratio_of_sums),
        cmocka_unit_test(stocks_take_the_last_value_and_sum_across_channels),
        cmocka_unit_test(missing_days_make_a_value_partial),
        cmocka_unit_test(channel_lacking_a_component_makes_a_value_partial),
        cmocka_unit_test(division_by_zero_is_not_available),
        cmocka_unit_test(overflowing_formula_is_not_available),
        cmocka_unit_test(selectors_and_groups),
        cmocka_unit_test(many_channels_are_found),
        cmocka_unit_test(irregular_series_match_a_plain_loop),
        cmocka_unit_test(append_rules),
        cmocka_unit_test(host_catalog_is_copied),
        cmocka_unit_test(rollup_of_a_derived_metric),
        cmocka_unit_test(value_change_by_hand),
        cmocka_unit_test(compare_two_periods),
        cmocka_unit_test(posts_update_in_place),
        cmocka_unit_test(per_post_derived_metrics),
        cmocka_unit_test(top_posts_ties_are_deterministic),
        cmocka_unit_test(source_is_asked_once_per_range),
        cmocka_unit_test(fetch_append_rules),
        cmocka_unit_test(source_failing_half_way_changes_nothing),
        cmocka_unit_test(out_of_memory_leaves_the_dataset_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
