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
#include <stdbool.h>
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
static skpi_dataset *fixture_data(void)
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
    return ds;
}

static skpi_dataset *fixture(void)
{
    skpi_dataset *ds = fixture_data();
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

static void check(skpi_value v, double expect)
{
    assert_true(v.availability == SKPI_AVAILABLE);
    assert_double_equal(v.value, expect, 1e-9);
}

/* Worked by hand from the fixture (March 2026, 31 days):
 *   followers end / start: ours 1100+500 = 1600 / 1500; Rival Co 4200 / 4000;
 *   Other Ltd 1900+330 = 2230 / 2000+300 = 2300.
 *   engagements: ours 31*(10+2) = 372; Rival 31*20 = 620; Other 31*(5+1) = 186.
 *   posts: ours 31, Rival 62, Other none. */
static void comparison_by_hand(void **state)
{
    (void)state;
    skpi_dataset *ds = fixture();
    skpi_comparison *c;
    size_t rank, ranked;

    assert_int_equal(skpi_comparison_new(&c, ds, "followers", "*", march()), SKPI_OK);
    assert_string_equal(skpi_comparison_metric(c), "followers");
    check(skpi_comparison_own(c), 1600);
    assert_int_equal(skpi_comparison_count(c), 2);
    assert_string_equal(skpi_comparison_competitor(c, 0), "Rival Co");
    check(skpi_comparison_value(c, 0), 4200);
    check(skpi_comparison_value(c, 1), 2230);
    check(skpi_comparison_median(c), (4200 + 2230) / 2.0);
    assert_int_equal(skpi_comparison_rank(&rank, &ranked, c), SKPI_OK);
    assert_int_equal(rank, 3);
    assert_int_equal(ranked, 3);
    skpi_comparison_free(c);

    /* Growth: ours 100/1500, Rival 200/4000, Other -70/2300 (percent). */
    assert_int_equal(skpi_comparison_new(&c, ds, "follower_growth_rate", "*", march()), SKPI_OK);
    check(skpi_comparison_own(c), 100.0 / 1500.0 * 100.0);
    check(skpi_comparison_value(c, 0), 5.0);
    check(skpi_comparison_median(c), (5.0 + -70.0 / 2300.0 * 100.0) / 2.0);
    assert_int_equal(skpi_comparison_rank(&rank, &ranked, c), SKPI_OK);
    assert_int_equal(rank, 1);
    skpi_comparison_free(c);

    /* Engagement rate by followers, ratios of sums: 372/1600, 620/4200, 186/2230. */
    assert_int_equal(skpi_comparison_new(&c, ds, "engagement_rate_followers", "*", march()), SKPI_OK);
    check(skpi_comparison_own(c), 23.25);
    check(skpi_comparison_value(c, 0), 620.0 / 4200.0 * 100.0);
    check(skpi_comparison_value(c, 1), 186.0 / 2230.0 * 100.0);
    check(skpi_comparison_median(c), (620.0 / 4200.0 + 186.0 / 2230.0) * 50.0);
    skpi_comparison_free(c);

    /* Posts per week: ours 31 / 31 * 7 = 7, Rival 14, Other none: median of
     * one value, rank among two. */
    assert_int_equal(skpi_comparison_new(&c, ds, "posts_per_week", "*", march()), SKPI_OK);
    check(skpi_comparison_own(c), 7.0);
    check(skpi_comparison_median(c), 14.0);
    assert_int_equal(skpi_comparison_value(c, 1).availability, SKPI_MISSING);
    assert_int_equal(skpi_comparison_rank(&rank, &ranked, c), SKPI_OK);
    assert_int_equal(rank, 2);
    assert_int_equal(ranked, 2);
    skpi_comparison_free(c);

    /* One network: Other Ltd's Instagram channel only (1900). */
    assert_int_equal(skpi_comparison_new(&c, ds, "followers", "instagram:*", march()), SKPI_OK);
    check(skpi_comparison_own(c), 1100);
    check(skpi_comparison_value(c, 1), 1900);
    check(skpi_comparison_median(c), (4200 + 1900) / 2.0);
    skpi_comparison_free(c);

    assert_int_equal(skpi_comparison_new(&c, ds, "no_such_metric", "*", march()), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "no_such_metric"));
    skpi_dataset_free(ds);
}

static void comparison_without_competitors(void **state)
{
    (void)state;
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    stock(ds, "instagram:@acme", 10, 20);
    skpi_comparison *c;
    assert_int_equal(skpi_comparison_new(&c, ds, "followers", "*", march()), SKPI_OK);
    assert_int_equal(skpi_comparison_count(c), 0);
    assert_int_equal(skpi_comparison_median(c).availability, SKPI_MISSING);
    size_t rank, ranked;
    assert_int_equal(skpi_comparison_rank(&rank, &ranked, c), SKPI_OK);
    assert_int_equal(rank, 1);
    assert_int_equal(ranked, 1);
    skpi_comparison_free(c);
    skpi_dataset_free(ds);
}

static const char bench_csv[] =
    "\xEF\xBB\xBFMetric,Network,Industry,Period,Value,Source\r\n"
    "engagement_rate_followers,all,Retail,any,1.5,\"Example Study 2026, p. 4\"\r\n"
    "engagement_rate_followers,instagram,retail,any,2.25,Example Study 2026\r\n"
    "\r\n"
    "follower_growth_rate,instagram,Retail,month,0.8,Example Study 2026\r\n"
    "follower_growth_rate,instagram,Retail,any,1.1,Example Study 2026\n";

static void benchmarks_from_csv(void **state)
{
    (void)state;
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    assert_int_equal(skpi_benchmarks_load_csv(b, bench_csv, strlen(bench_csv)), SKPI_OK);
    assert_int_equal(skpi_benchmarks_count(b), 4);
    assert_string_equal(skpi_benchmarks_source(b, 0), "Example Study 2026, p. 4");
    assert_string_equal(skpi_benchmarks_industry(b, 0), "Retail");
    assert_double_equal(skpi_benchmarks_value(b, 1), 2.25, 0);
    size_t i;
    /* Instagram's own row before the `all` one; case-blind industry. */
    assert_int_equal(skpi_benchmarks_find(&i, b, "engagement_rate_followers", "instagram", "RETAIL", SKPI_CADENCE_MONTH), SKPI_OK);
    assert_int_equal(i, 1);
    assert_int_equal(skpi_benchmarks_find(&i, b, "engagement_rate_followers", "x", "Retail", SKPI_CADENCE_MONTH), SKPI_OK);
    assert_int_equal(i, 0);
    assert_int_equal(skpi_benchmarks_find(&i, b, "engagement_rate_followers", NULL, "Retail", -1), SKPI_OK);
    assert_int_equal(i, 0);
    /* The month's row before `any`; a quarter takes `any`. */
    assert_int_equal(skpi_benchmarks_find(&i, b, "follower_growth_rate", "instagram", "Retail", SKPI_CADENCE_MONTH), SKPI_OK);
    assert_int_equal(i, 2);
    assert_int_equal(skpi_benchmarks_find(&i, b, "follower_growth_rate", "instagram", "Retail", SKPI_CADENCE_QUARTER), SKPI_OK);
    assert_int_equal(i, 3);
    assert_int_equal(skpi_benchmarks_find(&i, b, "follower_growth_rate", NULL, "Retail", SKPI_CADENCE_MONTH), SKPI_ENOTFOUND);
    assert_int_equal(skpi_benchmarks_find(&i, b, "followers", "instagram", "Retail", -1), SKPI_ENOTFOUND);
    skpi_benchmarks_free(b);
}

static void benchmarks_bad_rows_store_nothing(void **state)
{
    (void)state;
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    assert_int_equal(skpi_benchmarks_add(b, "followers", "all", "Retail", "any", 1000, "S"), SKPI_OK);
    static const char bad_metric[] =
        "metric,network,industry,period,value,source\n"
        "followers,instagram,Retail,any,1,S\n"
        "engagment_rate,instagram,Retail,any,1,S\n";
    assert_int_equal(skpi_benchmarks_load_csv(b, bad_metric, strlen(bad_metric)), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "line 3"));
    assert_non_null(strstr(skpi_last_error(), "engagment_rate"));
    assert_int_equal(skpi_benchmarks_count(b), 1);
    static const char bad_network[] =
        "metric,network,industry,period,value,source\n"
        "followers,instgram,Retail,any,1,S\n";
    assert_int_equal(skpi_benchmarks_load_csv(b, bad_network, strlen(bad_network)), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "line 2"));
    assert_non_null(strstr(skpi_last_error(), "instgram"));
    static const char bad_value[] =
        "metric,network,industry,period,value,source\n"
        "followers,x,Retail,any,1.5%,S\n";
    assert_int_equal(skpi_benchmarks_load_csv(b, bad_value, strlen(bad_value)), SKPI_EINVAL);
    static const char no_column[] = "metric,network,industry,value,source\n";
    assert_int_equal(skpi_benchmarks_load_csv(b, no_column, strlen(no_column)), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "period"));
    static const char open_quote[] = "metric,network,industry,period,value,source\n\"followers,x\n";
    assert_int_equal(skpi_benchmarks_load_csv(b, open_quote, strlen(open_quote)), SKPI_EPARSE);
    assert_int_equal(skpi_benchmarks_add(b, "followers", "myspace", "Retail", "any", 1, "S"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_benchmarks_add(b, "followers", "x", "Retail", "fortnight", 1, "S"), SKPI_EINVAL);
    assert_int_equal(skpi_benchmarks_add(b, "followers", "x", "Retail", "any", NAN, "S"), SKPI_EINVAL);
    assert_int_equal(skpi_benchmarks_add(b, "followers", "x", "Retail", "any", 1, ""), SKPI_EINVAL);
    assert_int_equal(skpi_benchmarks_count(b), 1);
    skpi_benchmarks_free(b);
}

static void benchmarks_from_json(void **state)
{
    (void)state;
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    static const char ok[] =
        "{\"benchmarks\": [{\"metric\": \"posts_per_week\", \"network\": \"linkedin\", \"industry\": \"Software\","
        " \"period\": \"any\", \"value\": 3.5, \"source\": \"Example Survey\"}]}";
    assert_int_equal(skpi_benchmarks_load_json(b, ok, strlen(ok)), SKPI_OK);
    assert_int_equal(skpi_benchmarks_count(b), 1);
    assert_string_equal(skpi_benchmarks_network(b, 0), "linkedin");
    assert_string_equal(skpi_benchmarks_period(b, 0), "any");
    assert_string_equal(skpi_benchmarks_metric(b, 0), "posts_per_week");
    static const char bad[] =
        "[{\"metric\": \"followers\", \"network\": \"x\", \"industry\": \"S\", \"period\": \"any\", \"value\": 1, \"source\": \"s\"},"
        " {\"metric\": \"followers\", \"network\": \"friendster\", \"industry\": \"S\", \"period\": \"any\", \"value\": 1, \"source\": \"s\"}]";
    assert_int_equal(skpi_benchmarks_load_json(b, bad, strlen(bad)), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "benchmarks[1]"));
    assert_non_null(strstr(skpi_last_error(), "friendster"));
    static const char wrong_type[] = "[{\"metric\": \"followers\", \"network\": \"x\", \"industry\": \"S\", \"period\": \"any\", \"value\": \"1\", \"source\": \"s\"}]";
    assert_int_equal(skpi_benchmarks_load_json(b, wrong_type, strlen(wrong_type)), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "benchmarks[0].value"));
    assert_int_equal(skpi_benchmarks_load_json(b, "{", 1), SKPI_EPARSE);
    assert_int_equal(skpi_benchmarks_count(b), 1);
    skpi_benchmarks *copy;
    assert_int_equal(skpi_benchmarks_clone(&copy, b), SKPI_OK);
    assert_int_equal(skpi_benchmarks_count(copy), 1);
    assert_string_equal(skpi_benchmarks_source(copy, 0), "Example Survey");
    skpi_benchmarks_free(copy);
    skpi_benchmarks_free(b);
}

static void benchmark_gap_by_hand(void **state)
{
    (void)state;
    skpi_value ours = { 23.25, SKPI_AVAILABLE }, a, r;
    assert_int_equal(skpi_benchmark_gap(&a, &r, ours, 1.5), SKPI_OK);
    check(a, 21.75);
    check(r, 21.75 / 1.5 * 100.0);
    ours.value = 1.2;
    assert_int_equal(skpi_benchmark_gap(&a, &r, ours, 1.5), SKPI_OK);
    check(a, -0.3);
    check(r, -20.0);
    assert_int_equal(skpi_benchmark_gap(&a, &r, ours, 0.0), SKPI_OK);
    assert_int_equal(r.availability, SKPI_DENOMINATOR_ZERO);
    skpi_value none = { NAN, SKPI_MISSING };
    assert_int_equal(skpi_benchmark_gap(&a, &r, none, 1.5), SKPI_OK);
    assert_int_equal(a.availability, SKPI_MISSING);
}

static void benchmarks_out_of_memory(void **state)
{
    (void)state;
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    int rc = SKPI_ENOMEM;
    for (long n = 0; rc == SKPI_ENOMEM && n < 200; n++) {
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        rc = skpi_benchmarks_load_csv(b, bench_csv, strlen(bench_csv));
        test_alloc_fail_after(-1);
        if (rc == SKPI_ENOMEM) {
            assert_int_equal(skpi_benchmarks_count(b), 0);
            assert_true(test_alloc_live() <= live + 1); /* the grown row array */
        }
    }
    assert_int_equal(rc, SKPI_OK);
    assert_int_equal(skpi_benchmarks_count(b), 4);
    skpi_benchmarks_free(b);
}

static void goal_and_key_result_targets_from_benchmarks(void **state)
{
    (void)state;
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    assert_int_equal(skpi_benchmarks_load_csv(b, bench_csv, strlen(bench_csv)), SKPI_OK);
    skpi_goal *g;
    assert_int_equal(skpi_goal_new(&g, "Reach the industry's engagement rate"), SKPI_OK);
    assert_int_equal(skpi_goal_set_target_benchmark(g, b, "Retail"), SKPI_EINVAL); /* no metric yet */
    assert_int_equal(skpi_goal_set_metric(g, "engagement_rate_followers"), SKPI_OK);
    assert_int_equal(skpi_goal_set_channel(g, "instagram:*"), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_PERCENT, 10), SKPI_OK);
    assert_int_equal(skpi_goal_set_target_benchmark(g, b, "Fashion"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_PERCENT); /* unchanged */
    assert_null(skpi_goal_target_source(g));
    /* Instagram's own row (2.25) before the `all` row (1.5). */
    assert_int_equal(skpi_goal_set_target_benchmark(g, b, "retail"), SKPI_OK);
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_ABSOLUTE);
    assert_double_equal(skpi_goal_target_value(g), 2.25, 0);
    assert_string_equal(skpi_goal_target_source(g), "retail benchmark, Example Study 2026");
    skpi_goal *copy;
    assert_int_equal(skpi_goal_clone(&copy, g), SKPI_OK);
    assert_string_equal(skpi_goal_target_source(copy), "retail benchmark, Example Study 2026");
    skpi_goal_free(copy);
    /* A target of the host's own replaces the benchmark and its source. */
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, 3), SKPI_OK);
    assert_null(skpi_goal_target_source(g));
    /* Across networks only the `all` row applies. */
    assert_int_equal(skpi_goal_set_channel(g, "*"), SKPI_OK);
    assert_int_equal(skpi_goal_set_target_benchmark(g, b, "Retail"), SKPI_OK);
    assert_double_equal(skpi_goal_target_value(g), 1.5, 0);
    /* The text alone, as files and stores give it back: 1 to 511 bytes, no
     * control character; a bad one leaves the source as it was. */
    char longest[513];
    memset(longest, 'a', 512);
    longest[512] = '\0';
    assert_int_equal(skpi_goal_set_target_source(g, longest), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "longer than 511 bytes"));
    assert_int_equal(skpi_goal_set_target_source(g, "Retail\tbenchmark"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "control character at byte 6"));
    assert_string_equal(skpi_goal_target_source(g), "Retail benchmark, Example Study 2026, p. 4");
    longest[511] = '\0';
    assert_int_equal(skpi_goal_set_target_source(g, longest), SKPI_OK);
    assert_int_equal(strlen(skpi_goal_target_source(g)), 511);
    assert_int_equal(skpi_goal_set_target_source(g, NULL), SKPI_OK);
    assert_null(skpi_goal_target_source(g));
    assert_double_equal(skpi_goal_target_value(g), 1.5, 0); /* the target stays */
    /* Only an absolute target comes from a benchmark. */
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_DELTA, 0.5), SKPI_OK);
    assert_int_equal(skpi_goal_set_target_source(g, "Retail benchmark, S"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "only an absolute target comes from a benchmark"));
    assert_null(skpi_goal_target_source(g));
    assert_int_equal(skpi_goal_set_target_source(NULL, "x"), SKPI_EMISUSE);
    skpi_goal_free(g);

    skpi_objective *o;
    skpi_key_result *kr;
    assert_int_equal(skpi_objective_new(&o, "Engage like the best"), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_METRIC, "Engagement rate"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_metric(kr, "engagement_rate_followers", "instagram:@acme"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_target_benchmark(kr, b, "Retail"), SKPI_EINVAL); /* no start */
    assert_int_equal(skpi_key_result_set_range(kr, 1.0, 5.0), SKPI_OK);
    assert_int_equal(skpi_key_result_set_target_benchmark(kr, b, "Retail"), SKPI_OK);
    double start, target;
    assert_int_equal(skpi_key_result_range(&start, &target, kr), SKPI_OK);
    assert_double_equal(start, 1.0, 0);
    assert_double_equal(target, 2.25, 0);
    assert_int_equal(skpi_key_result_set_target_benchmark(kr, b, "Fashion"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_key_result_range(&start, &target, kr), SKPI_OK);
    assert_double_equal(target, 2.25, 0);
    assert_string_equal(skpi_key_result_target_source(kr), "retail benchmark, Example Study 2026");
    /* A range of the host's own replaces the benchmark and its source. */
    assert_int_equal(skpi_key_result_set_range(kr, 1.0, 3.0), SKPI_OK);
    assert_null(skpi_key_result_target_source(kr));
    /* A source given back as text (files, stores) needs a target to tell of. */
    assert_int_equal(skpi_key_result_set_target_source(kr, "Retail benchmark, Example Study 2026"), SKPI_OK);
    assert_string_equal(skpi_key_result_target_source(kr), "Retail benchmark, Example Study 2026");
    assert_int_equal(skpi_key_result_set_target_source(kr, ""), SKPI_OK);
    assert_null(skpi_key_result_target_source(kr));
    skpi_key_result *bare;
    assert_int_equal(skpi_objective_add_key_result(&bare, o, SKPI_KR_MANUAL, "No range yet"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_target_source(bare, "Retail benchmark, S"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "set its range first"));
    assert_null(skpi_key_result_target_source(bare));
    assert_int_equal(skpi_key_result_set_target_source(NULL, "x"), SKPI_EMISUSE);
    skpi_objective_free(o);
    skpi_benchmarks_free(b);
}

/* The block index of the first table whose caption starts with `prefix`. */
static size_t table_block(const skpi_doc *doc, const char *prefix)
{
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        const char *title;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind != SKPI_BLOCK_TABLE) continue;
        assert_int_equal(skpi_doc_block_title(&title, doc, b), SKPI_OK);
        if (title && strncmp(title, prefix, strlen(prefix)) == 0) return b;
    }
    fail_msg("no table '%s'", prefix);
    return 0;
}

static const char *table_cell(const skpi_doc *doc, size_t block, size_t row, size_t col)
{
    const char *text = NULL;
    assert_int_equal(skpi_doc_table_cell(&text, doc, block, row, col), SKPI_OK);
    return text;
}

static char *render(const skpi_doc *doc, int format, size_t *size)
{
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    skpi_render_options o;
    assert_int_equal(skpi_render_options_init(&o, 1), SKPI_OK);
    int rc = skpi_render(doc, format, &o, &sink);
    if (rc != SKPI_OK) fail_msg("%s: %s", skpi_format_name(format), skpi_last_error());
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, size, &buf), SKPI_OK);
    return out;
}

/* A report with two competitors and industry benchmarks, in every format. */
/* The first key result line of the document's objectives block (fails the
 * test when there is none). */
static skpi_doc_key_result first_key_result(const skpi_doc *doc)
{
    skpi_doc_key_result line;
    assert_int_equal(skpi_doc_key_result_init(&line, SKPI_DOC_KEY_RESULT_VERSION), SKPI_OK);
    for (size_t blk = 0; blk < skpi_doc_block_count(doc); blk++) {
        int kind;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, blk), SKPI_OK);
        if (kind != SKPI_BLOCK_OBJECTIVES) continue;
        assert_int_equal(skpi_doc_key_result_get(&line, doc, blk, 0, 0), SKPI_OK);
        return line;
    }
    fail_msg("no objectives block");
    return line;
}

/* The objective of a quarter with one key result on the engagement rate
 * (0.5 to 5 until a benchmark gives its target). */
static skpi_objective *engage_objective(skpi_key_result **kr)
{
    skpi_objective *o;
    assert_int_equal(skpi_objective_new(&o, "Engage like the industry"), SKPI_OK);
    skpi_period quarter = { date(2026, 1, 1), date(2026, 4, 1) };
    assert_int_equal(skpi_objective_set_period(o, quarter), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(kr, o, SKPI_KR_METRIC, "Engagement rate"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_metric(*kr, "engagement_rate_followers", "*"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(*kr, 0.5, 5.0), SKPI_OK);
    return o;
}

/* A source of 300 two-byte characters ("\xC3\xA9", é): "Retail benchmark, "
 * is 18 bytes, so the 511 bytes kept end in the lead byte of the 247th; the
 * kept text stops before it, at 18 + 246 * 2 = 510 bytes. A key result's
 * check-in note of 700 bytes then reaches the report whole, with the
 * sentence naming the source after it. */
static void long_benchmark_sources_stay_whole_characters(void **state)
{
    (void)state;
    char source[601];
    for (int i = 0; i < 300; i++) memcpy(source + 2 * i, "\xC3\xA9", 2);
    source[600] = '\0';
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    assert_int_equal(skpi_benchmarks_add(b, "engagement_rate_followers", "all", "Retail", "any", 1.5,
                                         source), SKPI_OK);
    skpi_goal *g;
    assert_int_equal(skpi_goal_new(&g, "Engage"), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "engagement_rate_followers"), SKPI_OK);
    assert_int_equal(skpi_goal_set_target_benchmark(g, b, "Retail"), SKPI_OK);
    char want[511];
    memcpy(want, "Retail benchmark, ", 18);
    memcpy(want + 18, source, 492);
    want[510] = '\0';
    assert_string_equal(skpi_goal_target_source(g), want);
    skpi_goal_free(g);

    skpi_dataset *ds = fixture();
    skpi_report *r;
    assert_int_equal(skpi_report_new(&r, "Long notes"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, date(2026, 4, 1)), SKPI_OK);
    const int sections[] = { SKPI_SECTION_OKRS };
    assert_int_equal(skpi_report_set_sections(r, sections, 1), SKPI_OK);
    skpi_key_result *kr;
    skpi_objective *o = engage_objective(&kr);
    assert_int_equal(skpi_key_result_set_target_benchmark(kr, b, "Retail"), SKPI_OK);
    assert_string_equal(skpi_key_result_target_source(kr), want);
    char note[701];
    memset(note, 'n', 700);
    note[700] = '\0';
    assert_int_equal(skpi_key_result_add_checkin(kr, date(2026, 3, 15), 1.0, 0.8, note), SKPI_OK);
    assert_int_equal(skpi_report_add_objective(r, o), SKPI_OK); /* borrowed */
    skpi_doc *doc;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    skpi_doc_key_result line = first_key_result(doc);
    /* the note, a space, "Target: ", the source, "." */
    assert_int_equal(strlen(line.note), 700 + 1 + 8 + 510 + 1);
    assert_memory_equal(line.note, note, 700);
    assert_memory_equal(line.note + 701, "Target: ", 8);
    assert_memory_equal(line.note + 709, want, 510);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_objective_free(o);
    skpi_benchmarks_free(b);
    skpi_dataset_free(ds);
}

static void report_with_competitors_and_benchmarks(void **state)
{
    (void)state;
    skpi_dataset *ds = fixture();
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    assert_int_equal(skpi_benchmarks_add(b, "engagement_rate_followers", "all", "Retail", "any", 1.5,
                                         "Example Study 2026"), SKPI_OK);
    assert_int_equal(skpi_benchmarks_add(b, "follower_growth_rate", "instagram", "Retail", "month", 0.8,
                                         "Example Survey, spring 2026"), SKPI_OK);
    skpi_report *r;
    assert_int_equal(skpi_report_new(&r, "Competitive report"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, date(2026, 4, 1)), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "followers", "*"), SKPI_OK);
    const int sections[] = { SKPI_SECTION_KPIS, SKPI_SECTION_COMPETITORS, SKPI_SECTION_BENCHMARKS,
                             SKPI_SECTION_GOALS, SKPI_SECTION_OKRS };
    assert_int_equal(skpi_report_set_sections(r, sections, 5), SKPI_OK);
    /* A key result to reach the industry's engagement rate, with a check-in note. */
    skpi_key_result *kr;
    skpi_objective *o = engage_objective(&kr);
    assert_null(skpi_key_result_target_source(kr));
    assert_int_equal(skpi_key_result_set_target_benchmark(kr, b, "Retail"), SKPI_OK);
    assert_string_equal(skpi_key_result_target_source(kr), "Retail benchmark, Example Study 2026");
    assert_int_equal(skpi_key_result_add_checkin(kr, date(2026, 3, 15), 1.0, 0.8, "Reels help"), SKPI_OK);
    assert_int_equal(skpi_report_add_objective(r, o), SKPI_OK);
    /* A goal to stay at or above the industry's engagement rate. */
    skpi_goal *g;
    assert_int_equal(skpi_goal_new(&g, "Stay above the industry"), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "engagement_rate_followers"), SKPI_OK);
    assert_int_equal(skpi_goal_set_direction(g, SKPI_GOAL_STAY_AT_LEAST), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_value(g, 20), SKPI_OK);
    skpi_period span = { date(2026, 1, 1), date(2026, 7, 1) };
    assert_int_equal(skpi_goal_set_span(g, span), SKPI_OK);
    assert_int_equal(skpi_goal_set_target_benchmark(g, b, "Retail"), SKPI_OK);
    assert_int_equal(skpi_report_add_goal(r, g), SKPI_OK);
    skpi_goal_free(g);
    assert_int_equal(skpi_report_set_benchmarks(r, b, NULL), SKPI_EMISUSE);
    assert_null(skpi_report_benchmarks(r));
    assert_int_equal(skpi_report_set_benchmarks(r, b, "retail"), SKPI_OK);
    skpi_benchmarks_free(b); /* the report keeps a copy */
    assert_string_equal(skpi_report_industry(r), "retail");
    assert_int_equal(skpi_benchmarks_count(skpi_report_benchmarks(r)), 2);

    skpi_doc *doc;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    /* Our KPI leaves the competitors out: 1,600 followers. */
    size_t t = table_block(doc, "Against competitors");
    size_t cols;
    assert_int_equal(skpi_doc_table_columns(&cols, doc, t), SKPI_OK);
    assert_int_equal(cols, 6); /* figure, us, Rival Co, Other Ltd, median, rank */
    const char *header;
    int align;
    assert_int_equal(skpi_doc_table_header(&header, &align, doc, t, 2), SKPI_OK);
    assert_string_equal(header, "Rival Co");
    assert_string_equal(table_cell(doc, t, 0, 0), "Followers");
    assert_string_equal(table_cell(doc, t, 0, 1), "1,600");
    assert_string_equal(table_cell(doc, t, 0, 2), "4,200");
    assert_string_equal(table_cell(doc, t, 0, 3), "2,230");
    assert_string_equal(table_cell(doc, t, 0, 4), "3,215"); /* (4200 + 2230) / 2 */
    assert_string_equal(table_cell(doc, t, 0, 5), "3 of 3");
    assert_string_equal(table_cell(doc, t, 1, 5), "1 of 3"); /* growth: ours 6.7 % leads */
    assert_string_equal(table_cell(doc, t, 2, 5), "2 of 2"); /* posts per week: Other Ltd has none */
    /* Benchmarks: engagement rate across networks, growth on Instagram. */
    size_t bt = table_block(doc, "Against the retail industry");
    size_t rows;
    assert_int_equal(skpi_doc_block_size(&rows, doc, bt), SKPI_OK);
    assert_int_equal(rows, 2);
    assert_string_equal(table_cell(doc, bt, 0, 0), "Follower growth rate");
    assert_string_equal(table_cell(doc, bt, 0, 1), "Instagram");
    assert_string_equal(table_cell(doc, bt, 0, 6), "Example Survey, spring 2026");
    assert_string_equal(table_cell(doc, bt, 1, 0), "Engagement rate (by followers)");
    assert_string_equal(table_cell(doc, bt, 1, 6), "Example Study 2026");

    /* The goal card says whose target it is. */
    bool card_seen = false;
    for (size_t blk = 0; blk < skpi_doc_block_count(doc); blk++) {
        int kind;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, blk), SKPI_OK);
        if (kind != SKPI_BLOCK_GOALS) continue;
        skpi_doc_goal card;
        assert_int_equal(skpi_doc_goal_init(&card, SKPI_DOC_GOAL_VERSION), SKPI_OK);
        assert_int_equal(skpi_doc_goal_get(&card, doc, blk, 0), SKPI_OK);
        assert_non_null(card.note);
        assert_non_null(strstr(card.note, "Target: Retail benchmark, Example Study 2026."));
        assert_double_equal(card.target.value, 1.5, 0);
        card_seen = true;
    }
    assert_true(card_seen);
    /* So does the key result line, after its check-in note. */
    skpi_doc_key_result line = first_key_result(doc);
    assert_string_equal(line.note, "Reels help Target: Retail benchmark, Example Study 2026.");
    assert_double_equal(line.target.value, 1.5, 0);

    /* Largest lead of a competitor over us, relative to our figure:
     * Rival Co's followers 2,600 over our 1,600 (162.5 %) beats its posts
     * per week (7 over 7, 100 %) and Other Ltd's followers (39 %). */
    static const char gap_sentence[] =
        "The largest gap to a competitor: Followers, Rival Co 4,200 against our 1,600 in March 2026.";
    const int text_formats[] = { SKPI_FORMAT_MARKDOWN, SKPI_FORMAT_HTML, SKPI_FORMAT_JSON, SKPI_FORMAT_CSV,
                                 SKPI_FORMAT_TEXT };
    for (size_t i = 0; i < sizeof text_formats / sizeof text_formats[0]; i++) {
        size_t size;
        char *out = render(doc, text_formats[i], &size);
        const char *name = skpi_format_name(text_formats[i]);
        /* Plain text wraps long lines and table cells: compare with the
         * line breaks taken out and runs of spaces squeezed. */
        if (text_formats[i] == SKPI_FORMAT_TEXT) {
            char *w = out;
            for (char *p = out; *p; p++) {
                char ch = *p == '\n' ? ' ' : *p;
                if (!(ch == ' ' && w > out && w[-1] == ' ')) *w++ = ch;
            }
            *w = '\0';
        }
        if (!strstr(out, "Other Ltd") || !strstr(out, text_formats[i] == SKPI_FORMAT_TEXT ? "Example Survey," : "Example Survey, spring 2026"))
            fail_msg("%s lacks a competitor or a source", name);
        /* CSV carries the tables, never the sentences (docs/report.md). */
        if (text_formats[i] == SKPI_FORMAT_CSV) { skpi_free(out); continue; }
        bool found = strstr(out, gap_sentence) != NULL;
        if (!found) fail_msg("%s lacks the largest gap sentence", name);
        skpi_free(out);
    }
    if (skpi_render_supported(SKPI_FORMAT_PDF)) {
        size_t size;
        char *out = render(doc, SKPI_FORMAT_PDF, &size);
        assert_true(size > 1000 && memcmp(out, "%PDF-", 5) == 0);
        skpi_free(out);
    }
    if (skpi_render_supported(SKPI_FORMAT_XLSX)) {
        size_t size;
        char *out = render(doc, SKPI_FORMAT_XLSX, &size);
        assert_true(size > 1000 && memcmp(out, "PK", 2) == 0);
        skpi_free(out);
    }
    skpi_doc_free(doc);
    skpi_objective_free(o);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* The sections' words are templates: German by the locale, and a host's own
 * text per report. */
static void compete_words_are_templates(void **state)
{
    (void)state;
    skpi_dataset *ds = fixture();
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    /* 40 % is far above our engagement rate: the "furthest" sentence. */
    assert_int_equal(skpi_benchmarks_add(b, "engagement_rate_followers", "all", "Retail", "any", 40,
                                         "Example Study 2026"), SKPI_OK);
    skpi_report *r;
    assert_int_equal(skpi_report_new(&r, "Wettbewerb"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, date(2026, 4, 1)), SKPI_OK);
    assert_int_equal(skpi_report_set_locale(r, "de-DE"), SKPI_OK);
    const int sections[] = { SKPI_SECTION_COMPETITORS, SKPI_SECTION_BENCHMARKS };
    assert_int_equal(skpi_report_set_sections(r, sections, 2), SKPI_OK);
    assert_int_equal(skpi_report_set_benchmarks(r, b, "Retail"), SKPI_OK);
    skpi_benchmarks_free(b);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_COLUMN_US, "Acme"), SKPI_OK);
    skpi_doc *doc;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    size_t t = table_block(doc, "Im Vergleich mit Wettbewerbern, M\xC3\xA4rz 2026");
    const char *header;
    int align;
    assert_int_equal(skpi_doc_table_header(&header, &align, doc, t, 0), SKPI_OK);
    assert_string_equal(header, "Kennzahl");
    assert_int_equal(skpi_doc_table_header(&header, &align, doc, t, 1), SKPI_OK);
    assert_string_equal(header, "Acme"); /* the host's own */
    assert_int_equal(skpi_doc_table_header(&header, &align, doc, t, 4), SKPI_OK);
    assert_string_equal(header, "Median der Wettbewerber");
    assert_string_equal(table_cell(doc, t, 0, 5), "3 von 3");
    size_t bt = table_block(doc, "Im Vergleich mit der Branche Retail, M\xC3\xA4rz 2026");
    assert_int_equal(skpi_doc_table_header(&header, &align, doc, bt, 6), SKPI_OK);
    assert_string_equal(header, "Quelle");
    size_t size;
    char *md = render(doc, SKPI_FORMAT_MARKDOWN, &size);
    if (!strstr(md, "## Wettbewerber") || !strstr(md, "## Branchenvergleich"))
        fail_msg("no German headings:\n%s", md);
    /* Rival Co's 4.200 followers against our 1.600, German numbers. */
    if (!strstr(md, "Der gr\xC3\xB6\xC3\x9F" "te Abstand zu einem Wettbewerber: Followers, Rival Co 4.200 "
                    "gegen\xC3\xBC" "ber unseren 1.600 im Zeitraum M\xC3\xA4rz 2026."))
        fail_msg("no German gap sentence:\n%s", md);
    if (!strstr(md, "Am weitesten vom Branchenwert entfernt: Engagement rate (by followers) auf "))
        fail_msg("no German benchmark sentence:\n%s", md);
    skpi_free(md);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* The Competitors and Benchmarks tables of the report built from `defs`
 * (report "compete"), on the fixture's data with the definitions' marks:
 * the figures worked out in report_with_competitors_and_benchmarks(). */
static void check_saved_report(const skpi_definitions *defs)
{
    skpi_dataset *ds = fixture_data();
    assert_int_equal(skpi_definitions_mark_competitors(defs, ds), SKPI_OK);
    size_t index;
    assert_int_equal(skpi_definitions_find_report(&index, defs, "compete"), SKPI_OK);
    skpi_report *r;
    assert_int_equal(skpi_definitions_build_report(&r, defs, index, date(2026, 4, 1)), SKPI_OK);
    skpi_doc *doc;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    size_t t = table_block(doc, "Against competitors");
    const char *header;
    int align;
    assert_int_equal(skpi_doc_table_header(&header, &align, doc, t, 2), SKPI_OK);
    assert_string_equal(header, "Rival Co");
    assert_int_equal(skpi_doc_table_header(&header, &align, doc, t, 3), SKPI_OK);
    assert_string_equal(header, "Other Ltd");
    assert_string_equal(table_cell(doc, t, 0, 1), "1,600");  /* 1,100 + 500, competitors left out */
    assert_string_equal(table_cell(doc, t, 0, 2), "4,200");
    assert_string_equal(table_cell(doc, t, 0, 3), "2,230");  /* 1,900 + 330 */
    assert_string_equal(table_cell(doc, t, 0, 4), "3,215");  /* (4,200 + 2,230) / 2 */
    assert_string_equal(table_cell(doc, t, 0, 5), "3 of 3");
    size_t bt = table_block(doc, "Against the retail industry"), rows;
    assert_int_equal(skpi_doc_block_size(&rows, doc, bt), SKPI_OK);
    assert_int_equal(rows, 2);
    assert_string_equal(table_cell(doc, bt, 0, 0), "Follower growth rate");
    assert_string_equal(table_cell(doc, bt, 0, 6), "Example Survey, spring 2026");
    assert_string_equal(table_cell(doc, bt, 1, 0), "Engagement rate (by followers)");
    assert_string_equal(table_cell(doc, bt, 1, 6), "Example Study 2026");
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* Competitor marks and a benchmark table kept in the definitions file and
 * in the store: saved, loaded, the same report. */
static void competitors_and_benchmarks_saved(void **state)
{
    (void)state;
    static const char report[] =
        "{\"id\": \"compete\", \"title\": \"Competitive report\", \"industry\": \"retail\","
        " \"kpis\": [{\"metric\": \"followers\", \"channel\": \"*\"}],"
        " \"sections\": [\"kpis\", \"competitors\", \"benchmarks\"]}";
    skpi_definitions *defs;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_add_report_buffer(defs, report, sizeof report - 1), SKPI_OK);
    assert_int_equal(skpi_definitions_set_competitor(defs, "instagram:@rival", "Rival Co"), SKPI_OK);
    assert_int_equal(skpi_definitions_set_competitor(defs, "instagram:@other", "Someone"), SKPI_OK);
    assert_int_equal(skpi_definitions_set_competitor(defs, "x:@other", "Other Ltd"), SKPI_OK);
    /* A mark given again changes the name and keeps its place. */
    assert_int_equal(skpi_definitions_set_competitor(defs, "instagram:@other", "Other Ltd"), SKPI_OK);
    assert_int_equal(skpi_definitions_set_competitor(defs, "bad channel", "X"), SKPI_EINVAL);
    assert_int_equal(skpi_definitions_set_competitor(defs, "x:@a", ""), SKPI_EINVAL);
    assert_int_equal(skpi_definitions_set_competitor(defs, "x:@gone", "Gone Inc"), SKPI_OK);
    assert_int_equal(skpi_definitions_set_competitor(defs, "x:@gone", NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_competitor_count(defs), 3);
    assert_string_equal(skpi_definitions_competitor_channel(defs, 1), "instagram:@other");
    assert_string_equal(skpi_definitions_competitor_name(defs, 1), "Other Ltd");
    assert_null(skpi_definitions_competitor_channel(defs, 3));
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    assert_int_equal(skpi_benchmarks_add(b, "engagement_rate_followers", "all", "Retail", "any", 1.5,
                                         "Example Study 2026"), SKPI_OK);
    assert_int_equal(skpi_benchmarks_add(b, "follower_growth_rate", "instagram", "Retail", "month", 0.8,
                                         "Example Survey, spring 2026"), SKPI_OK);
    assert_null(skpi_definitions_benchmarks(defs));
    assert_int_equal(skpi_definitions_set_benchmarks(defs, b), SKPI_OK);
    skpi_benchmarks_free(b); /* the definitions keep a copy */
    assert_int_equal(skpi_benchmarks_count(skpi_definitions_benchmarks(defs)), 2);
    check_saved_report(defs);

    /* The definitions file: saved and loaded back. */
    char *text;
    size_t size;
    assert_int_equal(skpi_definitions_save_buffer(&text, &size, defs), SKPI_OK);
    assert_non_null(strstr(text, "\"industry\": \"retail\""));
    assert_non_null(strstr(text, "\"source\": \"Example Survey, spring 2026\""));
    skpi_definitions *loaded;
    assert_int_equal(skpi_definitions_load_buffer(&loaded, text, size, NULL), SKPI_OK);
    skpi_free(text);
    assert_int_equal(skpi_definitions_competitor_count(loaded), 3);
    assert_string_equal(skpi_definitions_competitor_channel(loaded, 2), "x:@other");
    const skpi_benchmarks *lb = skpi_definitions_benchmarks(loaded);
    assert_int_equal(skpi_benchmarks_count(lb), 2);
    assert_string_equal(skpi_benchmarks_period(lb, 1), "month");
    assert_double_equal(skpi_benchmarks_value(lb, 1), 0.8, 0);
    check_saved_report(loaded);
    skpi_definitions_free(loaded);

    /* The store: written, read back; a second write replaces the lists. */
    skpi_store *st;
    assert_int_equal(skpi_store_open(&st, ":memory:", NULL), SKPI_OK);
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    assert_int_equal(skpi_store_read_definitions(&loaded, st, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_competitor_count(loaded), 3);
    assert_int_equal(skpi_benchmarks_count(skpi_definitions_benchmarks(loaded)), 2);
    check_saved_report(loaded);
    skpi_definitions_free(loaded);
    assert_int_equal(skpi_definitions_set_competitor(defs, "instagram:@other", NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_set_benchmarks(defs, NULL), SKPI_OK);
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    assert_int_equal(skpi_store_read_definitions(&loaded, st, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_competitor_count(loaded), 2);
    assert_string_equal(skpi_definitions_competitor_channel(loaded, 1), "x:@other");
    assert_null(skpi_definitions_benchmarks(loaded));
    skpi_definitions_free(loaded);
    skpi_store_free(st);
    skpi_definitions_free(defs);
}

/* The goal card and key result line of the report "targets" of `defs`
 * name the benchmark the targets come from. */
static void check_target_sources(const skpi_definitions *defs)
{
    skpi_dataset *ds = fixture_data();
    size_t index;
    assert_int_equal(skpi_definitions_find_report(&index, defs, "targets"), SKPI_OK);
    skpi_report *r;
    assert_int_equal(skpi_definitions_build_report(&r, defs, index, date(2026, 4, 1)), SKPI_OK);
    skpi_doc *doc;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    int seen = 0;
    for (size_t blk = 0; blk < skpi_doc_block_count(doc); blk++) {
        int kind;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, blk), SKPI_OK);
        if (kind == SKPI_BLOCK_GOALS) {
            skpi_doc_goal card;
            assert_int_equal(skpi_doc_goal_init(&card, SKPI_DOC_GOAL_VERSION), SKPI_OK);
            assert_int_equal(skpi_doc_goal_get(&card, doc, blk, 0), SKPI_OK);
            assert_non_null(card.note);
            assert_non_null(strstr(card.note, "Target: Retail benchmark, Example Study 2026."));
            assert_double_equal(card.target.value, 1.5, 0);
            seen |= 1;
        } else if (kind == SKPI_BLOCK_OBJECTIVES) {
            skpi_doc_key_result line;
            assert_int_equal(skpi_doc_key_result_init(&line, SKPI_DOC_KEY_RESULT_VERSION), SKPI_OK);
            assert_int_equal(skpi_doc_key_result_get(&line, doc, blk, 0, 0), SKPI_OK);
            assert_string_equal(line.note, "Reels help Target: Retail benchmark, Example Study 2026.");
            assert_double_equal(line.target.value, 1.5, 0);
            seen |= 2;
        }
    }
    assert_int_equal(seen, 3);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* Targets taken from the benchmark table keep their source through the
 * definitions file and the store: the report still names it. */
static void benchmark_targets_saved(void **state)
{
    (void)state;
    static const char report[] =
        "{\"id\": \"targets\", \"title\": \"Targets\", \"goals\": [\"g\"], \"objectives\": [\"o\"],"
        " \"sections\": [\"goals\", \"okrs\"]}";
    skpi_definitions *defs;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    skpi_benchmarks *b;
    assert_int_equal(skpi_benchmarks_new(&b, NULL), SKPI_OK);
    assert_int_equal(skpi_benchmarks_add(b, "engagement_rate_followers", "all", "Retail", "any", 1.5,
                                         "Example Study 2026"), SKPI_OK);
    assert_int_equal(skpi_definitions_set_benchmarks(defs, b), SKPI_OK);
    skpi_goal *g;
    assert_int_equal(skpi_goal_new(&g, "Stay above the industry"), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "engagement_rate_followers"), SKPI_OK);
    assert_int_equal(skpi_goal_set_direction(g, SKPI_GOAL_STAY_AT_LEAST), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_value(g, 20), SKPI_OK);
    skpi_period span = { date(2026, 1, 1), date(2026, 7, 1) };
    assert_int_equal(skpi_goal_set_span(g, span), SKPI_OK);
    assert_int_equal(skpi_goal_set_target_benchmark(g, b, "Retail"), SKPI_OK);
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, "g", g), SKPI_OK);
    skpi_goal_free(g);
    skpi_objective *o;
    skpi_key_result *kr;
    assert_int_equal(skpi_definitions_add_objective(&o, defs, "o", "Engage like the industry"), SKPI_OK);
    skpi_period quarter = { date(2026, 1, 1), date(2026, 4, 1) };
    assert_int_equal(skpi_objective_set_period(o, quarter), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_METRIC, "Engagement rate"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_metric(kr, "engagement_rate_followers", "*"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0.5, 5.0), SKPI_OK);
    assert_int_equal(skpi_key_result_set_target_benchmark(kr, b, "Retail"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, date(2026, 3, 15), 1.0, 0.8, "Reels help"), SKPI_OK);
    skpi_benchmarks_free(b);
    assert_int_equal(skpi_definitions_add_report_buffer(defs, report, sizeof report - 1), SKPI_OK);
    check_target_sources(defs);

    /* The definitions file: the source is written once per target. */
    char *text;
    size_t size;
    assert_int_equal(skpi_definitions_save_buffer(&text, &size, defs), SKPI_OK);
    size_t sources = 0;
    for (size_t at = 0; at < size; at++)
        sources += strncmp(text + at, "\"target_source\": \"Retail benchmark, Example Study 2026\"", 55) == 0;
    assert_int_equal(sources, 2);
    skpi_definitions *loaded;
    assert_int_equal(skpi_definitions_load_buffer(&loaded, text, size, NULL), SKPI_OK);
    skpi_free(text);
    check_target_sources(loaded);
    skpi_definitions_free(loaded);

    /* The store: written and read back. */
    skpi_store *st;
    assert_int_equal(skpi_store_open(&st, ":memory:", NULL), SKPI_OK);
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    assert_int_equal(skpi_store_read_definitions(&loaded, st, NULL), SKPI_OK);
    check_target_sources(loaded);
    skpi_definitions_free(loaded);
    skpi_store_free(st);
    skpi_definitions_free(defs);
}

/* Bad entries of "competitors" and "benchmarks" name their place. */
static void saved_competitors_and_benchmarks_refused(void **state)
{
    (void)state;
    static const struct { const char *json, *message; } cases[] = {
        { "{\"version\": 1, \"competitors\": [{\"channel\": \"x:@a\"}]}", "competitors[0].competitor: required" },
        { "{\"version\": 1, \"competitors\": [{\"channel\": \"x:@a\", \"competitor\": \"A\"},"
          " {\"channel\": \"x:@a\", \"competitor\": \"B\"}]}", "competitors[1]: the channel 'x:@a' is marked twice" },
        { "{\"version\": 1, \"benchmarks\": [{\"metric\": \"followers\", \"network\": \"instgram\","
          " \"industry\": \"Retail\", \"period\": \"any\", \"value\": 1, \"source\": \"S\"}]}",
          "benchmarks[0]: benchmark network 'instgram' is not a known network" },
        { "{\"version\": 1, \"benchmarks\": [{\"metric\": \"followers\", \"network\": \"all\","
          " \"industry\": \"Retail\", \"period\": \"any\", \"value\": \"1\", \"source\": \"S\"}]}",
          "benchmarks[0].value: expected a number" },
        { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"industry\": \"\"}]}",
          "reports[0].industry: expected 1 to 128 bytes" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        skpi_definitions *defs = NULL;
        int rc = skpi_definitions_load_buffer(&defs, cases[i].json, strlen(cases[i].json), NULL);
        if (rc >= 0 || strncmp(skpi_last_error(), cases[i].message, strlen(cases[i].message)) != 0)
            fail_msg("case %zu: %d '%s'", i, rc, skpi_last_error());
        assert_null(defs);
    }
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(competitors_stay_out_of_our_totals),
        cmocka_unit_test(competitor_names_and_values),
        cmocka_unit_test(set_competitor_out_of_memory),
        cmocka_unit_test(comparison_by_hand),
        cmocka_unit_test(comparison_without_competitors),
        cmocka_unit_test(benchmarks_from_csv),
        cmocka_unit_test(benchmarks_bad_rows_store_nothing),
        cmocka_unit_test(benchmarks_from_json),
        cmocka_unit_test(benchmark_gap_by_hand),
        cmocka_unit_test(benchmarks_out_of_memory),
        cmocka_unit_test(report_with_competitors_and_benchmarks),
        cmocka_unit_test(long_benchmark_sources_stay_whole_characters),
        cmocka_unit_test(goal_and_key_result_targets_from_benchmarks),
        cmocka_unit_test(competitors_and_benchmarks_saved),
        cmocka_unit_test(benchmark_targets_saved),
        cmocka_unit_test(compete_words_are_templates),
        cmocka_unit_test(saved_competitors_and_benchmarks_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
