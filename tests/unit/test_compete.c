/* Tests of competitors' channels (dataset.h), the competitor comparison and
 * benchmark tables (compete.h): every figure against a hand-worked example. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL
#include <socialkpi.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_alloc.h"

#define DAY INT64_C(86400)

#define assert_double_equal(a, b, eps)                                          \
    do {                                                                        \
        double a_ = (a), b_ = (b);                                              \
        if (!(fabs(a_ - b_) <= (eps))) fail_msg("%.17g != %.17g", a_, b_);      \
    } while (0)

static skpi_time date(int y, int m, int d)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

/* March 2026: 31 days. */
static skpi_period march(void)
{
    skpi_period p = { date(2026, 3, 1), date(2026, 4, 1) };
    return p;
}

/* A daily series over March with `first` on the 1st and `last` on the 31st
 * of a stock, or `per_day` every day of a flow. */
static void stock(skpi_dataset *ds, const char *ch, double first, double last)
{
    skpi_time t[31];
    double v[31];
    for (int i = 0; i < 31; i++) {
        t[i] = date(2026, 3, 1) + i * DAY;
        v[i] = first + (last - first) * i / 30.0;
    }
    assert_int_equal(skpi_dataset_append(ds, "followers", ch, t, v, 31), SKPI_OK);
}

static void flow(skpi_dataset *ds, const char *metric, const char *ch, double per_day)
{
    skpi_time t[31];
    double v[31];
    for (int i = 0; i < 31; i++) {
        t[i] = date(2026, 3, 1) + i * DAY;
        v[i] = per_day;
    }
    assert_int_equal(skpi_dataset_append(ds, metric, ch, t, v, 31), SKPI_OK);
}

static double value(skpi_dataset *ds, const char *metric, const char *sel)
{
    skpi_value v;
    assert_int_equal(skpi_dataset_value(&v, ds, metric, sel, march()), SKPI_OK);
    return v.availability == SKPI_AVAILABLE ? v.value : NAN;
}

/* Ours on instagram and x; Rival Co on instagram; Other Ltd on instagram and x. */
static skpi_dataset *fixture(void)
{
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    stock(ds, "instagram:@acme", 1000, 1100);
    stock(ds, "x:@acme", 500, 500);
    stock(ds, "instagram:@rival", 4000, 4200);
    stock(ds, "instagram:@other", 2000, 1900);
    stock(ds, "x:@other", 300, 330);
    flow(ds, "engagements", "instagram:@acme", 10);
    flow(ds, "engagements", "x:@acme", 2);
    flow(ds, "engagements", "instagram:@rival", 20);
    flow(ds, "engagements", "instagram:@other", 5);
    flow(ds, "engagements", "x:@other", 1);
    flow(ds, "posts_published", "instagram:@acme", 1);
    flow(ds, "posts_published", "instagram:@rival", 2);
    const char *members[] = { "instagram:@acme", "instagram:@rival" };
    assert_int_equal(skpi_dataset_define_group(ds, "insta", members, 2), SKPI_OK);
    assert_int_equal(skpi_dataset_set_competitor(ds, "instagram:@rival", "Rival Co"), SKPI_OK);
    assert_int_equal(skpi_dataset_set_competitor(ds, "instagram:@other", "Other Ltd"), SKPI_OK);
    assert_int_equal(skpi_dataset_set_competitor(ds, "x:@other", "Other Ltd"), SKPI_OK);
    return ds;
}

static void competitors_stay_out_of_our_totals(void **state)
{
    (void)state;
    skpi_dataset *ds = fixture();
    /* Followers at the end of March: ours 1100 + 500. */
    assert_double_equal(value(ds, "followers", "*"), 1600, 1e-9);
    assert_double_equal(value(ds, "followers", "instagram:*"), 1100, 1e-9);
    /* A group listing a competitor's channel still counts only ours. */
    assert_double_equal(value(ds, "followers", "@insta"), 1100, 1e-9);
    /* The exact key reaches the competitor's channel. */
    assert_double_equal(value(ds, "followers", "instagram:@rival"), 4200, 1e-9);
    /* Engagements: 31 * (10 + 2) = 372. */
    assert_double_equal(value(ds, "engagements", "*"), 372, 1e-9);
    int hit = -1;
    assert_int_equal(skpi_dataset_match(&hit, ds, "*", "instagram:@rival"), SKPI_OK);
    assert_int_equal(hit, 0);
    assert_int_equal(skpi_dataset_match(&hit, ds, "@insta", "instagram:@rival"), SKPI_OK);
    assert_int_equal(hit, 0);
    assert_int_equal(skpi_dataset_match(&hit, ds, "instagram:@rival", "instagram:@rival"), SKPI_OK);
    assert_int_equal(hit, 1);
    /* Rollups of a group leave them out too: one month, 1100. */
    skpi_series *s = NULL;
    assert_int_equal(skpi_dataset_rollup(&s, NULL, ds, "followers", "@insta", NULL, SKPI_CADENCE_MONTH,
                                         march()), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 1);
    assert_double_equal(skpi_series_values(s)[0], 1100, 1e-9);
    skpi_series_free(s);
    /* Back to our own: counted again. */
    assert_int_equal(skpi_dataset_set_competitor(ds, "instagram:@rival", NULL), SKPI_OK);
    assert_double_equal(value(ds, "followers", "instagram:*"), 5300, 1e-9);
    assert_null(skpi_dataset_channel_competitor(ds, "instagram:@rival"));
    assert_int_equal(skpi_dataset_competitor_count(ds), 1);
    assert_string_equal(skpi_dataset_competitor(ds, 0), "Other Ltd");
    skpi_dataset_free(ds);
}

static void competitor_names_and_values(void **state)
{
    (void)state;
    skpi_dataset *ds = fixture();
    assert_int_equal(skpi_dataset_competitor_count(ds), 2);
    assert_string_equal(skpi_dataset_competitor(ds, 0), "Rival Co");
    assert_string_equal(skpi_dataset_competitor(ds, 1), "Other Ltd");
    assert_null(skpi_dataset_competitor(ds, 2));
    assert_string_equal(skpi_dataset_channel_competitor(ds, "x:@other"), "Other Ltd");
    assert_null(skpi_dataset_channel_competitor(ds, "x:@acme"));
    skpi_value v;
    /* Other Ltd, all networks: 1900 + 330 followers at the end. */
    assert_int_equal(skpi_dataset_competitor_value(&v, ds, "followers", "Other Ltd", NULL, march()), SKPI_OK);
    assert_double_equal(v.value, 2230, 1e-9);
    assert_int_equal(skpi_dataset_competitor_value(&v, ds, "followers", "Other Ltd", "x", march()), SKPI_OK);
    assert_double_equal(v.value, 330, 1e-9);
    /* Follower growth rate of Other Ltd: (2230 - 2300) / 2300 * 100. */
    assert_int_equal(skpi_dataset_competitor_value(&v, ds, "follower_growth_rate", "Other Ltd", NULL, march()),
                     SKPI_OK);
    assert_double_equal(v.value, -70.0 / 2300.0 * 100.0, 1e-9);
    /* Engagement rate by followers, a ratio of sums: 31 * 6 / 2230 * 100. */
    assert_int_equal(skpi_dataset_competitor_value(&v, ds, "engagement_rate_followers", "Other Ltd", NULL,
                                                   march()), SKPI_OK);
    assert_double_equal(v.value, 186.0 / 2230.0 * 100.0, 1e-9);
    /* Posts per week of Rival Co: 62 posts over 31 days = 14 a week. */
    assert_int_equal(skpi_dataset_competitor_value(&v, ds, "posts_per_week", "Rival Co", NULL, march()),
                     SKPI_OK);
    assert_double_equal(v.value, 14.0, 1e-9);
    /* Errors name what to fix and change nothing. */
    assert_int_equal(skpi_dataset_competitor_value(&v, ds, "followers", "Nobody", NULL, march()),
                     SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "Nobody"));
    assert_int_equal(skpi_dataset_set_competitor(ds, "no colon", "X"), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_set_competitor(ds, "x:@new", ""), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_set_competitor(ds, "x:@new", "bad\nname"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "competitor name"));
    assert_int_equal(skpi_dataset_channel_count(ds), 5);
    assert_int_equal(skpi_dataset_set_competitor(NULL, "x:@a", "X"), SKPI_EMISUSE);
    skpi_dataset_free(ds);
}

static void set_competitor_out_of_memory(void **state)
{
    (void)state;
    skpi_dataset *ds = fixture();
    size_t before = skpi_dataset_channel_count(ds);
    int rc = SKPI_ENOMEM;
    for (long n = 0; rc == SKPI_ENOMEM && n < 100; n++) {
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        rc = skpi_dataset_set_competitor(ds, "tiktok:@rival", "Rival Co 2");
        test_alloc_fail_after(-1);
        if (rc == SKPI_ENOMEM) assert_true(test_alloc_live() <= live + 1); /* the grown name array */
        if (rc == SKPI_ENOMEM) {
            assert_int_equal(skpi_dataset_channel_count(ds), before);
            assert_int_equal(skpi_dataset_competitor_count(ds), 2);
        }
    }
    assert_int_equal(rc, SKPI_OK);
    assert_int_equal(skpi_dataset_competitor_count(ds), 3);
    skpi_dataset_free(ds);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(competitors_stay_out_of_our_totals),
        cmocka_unit_test(competitor_names_and_values),
        cmocka_unit_test(set_competitor_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
