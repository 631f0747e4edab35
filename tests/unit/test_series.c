/* Tests of series.h: handles, bulk append, duplicates, aggregation, rollups. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "series/series_internal.h"
#include "series/sum.h"
#include "test_alloc.h"

#define DAY INT64_C(86400)

/* A UTC time from civil fields, through the calendar's public function. */
static skpi_time T(int y, int mo, int d, int h, int mi, int s)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, mo, d, h, mi, s), SKPI_OK);
    return t;
}

static skpi_series *make(const char *metric)
{
    skpi_series *s = NULL;
    assert_int_equal(skpi_series_new(&s, metric, "instagram:@acme"), SKPI_OK);
    return s;
}

/* NaN-aware equality: both NaN, or the same number. */
static int same(double a, double b)
{
    return (a != a && b != b) || a == b;
}

static void assert_points(const skpi_series *s, const skpi_time *t, const double *v, size_t n)
{
    assert_int_equal(skpi_series_length(s), n);
    const skpi_time *st = skpi_series_times(s);
    const double *sv = skpi_series_values(s);
    for (size_t i = 0; i < n; i++) {
        if (st[i] != t[i] || !same(sv[i], v[i]))
            fail_msg("point %zu: got (%lld, %g), expected (%lld, %g)", i,
                     (long long)st[i], sv[i], (long long)t[i], v[i]);
    }
}

/* A copy of a series' points, to check that a failed call changed nothing. */
typedef struct snapshot {
    size_t n;
    skpi_time *t;
    double *v;
} snapshot;

static snapshot snap(const skpi_series *s)
{
    snapshot p = { skpi_series_length(s), NULL, NULL };
    p.t = malloc((p.n + 1) * sizeof *p.t);
    p.v = malloc((p.n + 1) * sizeof *p.v);
    assert_non_null(p.t);
    assert_non_null(p.v);
    if (p.n) {
        memcpy(p.t, skpi_series_times(s), p.n * sizeof *p.t);
        memcpy(p.v, skpi_series_values(s), p.n * sizeof *p.v);
    }
    return p;
}

static void assert_unchanged(const skpi_series *s, snapshot p)
{
    assert_points(s, p.t, p.v, p.n);
    free(p.t);
    free(p.v);
}

/* ---- handle ---------------------------------------------------------- */

static void new_and_getters(void **state)
{
    (void)state;
    skpi_series *s = make("impressions");
    assert_string_equal(skpi_series_metric(s), "impressions");
    assert_string_equal(skpi_series_channel(s), "instagram:@acme");
    assert_int_equal(skpi_series_duplicate_policy(s), SKPI_DUPLICATE_LAST);
    assert_int_equal(skpi_series_length(s), 0);
    assert_null(skpi_series_times(s));
    assert_null(skpi_series_values(s));
    skpi_series_free(s);
    skpi_series_free(NULL);
}

static void new_errors(void **state)
{
    (void)state;
    skpi_series *s = NULL;
    assert_int_equal(skpi_series_new(NULL, "m", "c"), SKPI_EMISUSE);
    assert_int_equal(skpi_series_new(&s, NULL, "c"), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "metric"));
    assert_int_equal(skpi_series_new(&s, "m", NULL), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "channel"));
    assert_int_equal(skpi_series_new(&s, "", "c"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "metric key is empty"));
    assert_int_equal(skpi_series_new(&s, "m", ""), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "channel key is empty"));
    assert_null(s);
}

static void getters_accept_null(void **state)
{
    (void)state;
    assert_null(skpi_series_metric(NULL));
    assert_null(skpi_series_channel(NULL));
    assert_int_equal(skpi_series_length(NULL), 0);
    assert_null(skpi_series_times(NULL));
    assert_null(skpi_series_values(NULL));
    assert_int_equal(skpi_series_duplicate_policy(NULL), SKPI_DUPLICATE_LAST);
}

static void keys_are_copied(void **state)
{
    (void)state;
    char metric[] = "likes", channel[] = "x:@acme";
    skpi_series *s = NULL;
    assert_int_equal(skpi_series_new(&s, metric, channel), SKPI_OK);
    metric[0] = 'X';
    channel[0] = 'Y';
    assert_string_equal(skpi_series_metric(s), "likes");
    assert_string_equal(skpi_series_channel(s), "x:@acme");
    skpi_series_free(s);
}

static void policy_setter(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    assert_int_equal(skpi_series_duplicate_policy(s), SKPI_DUPLICATE_SUM);
    assert_int_equal(skpi_series_set_duplicate_policy(s, 3), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "policy 3 is unknown"));
    assert_int_equal(skpi_series_set_duplicate_policy(s, -1), SKPI_EINVAL);
    assert_int_equal(skpi_series_duplicate_policy(s), SKPI_DUPLICATE_SUM);
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_ERROR), SKPI_OK);
    assert_int_equal(skpi_series_duplicate_policy(s), SKPI_DUPLICATE_ERROR);
    assert_int_equal(skpi_series_set_duplicate_policy(NULL, 0), SKPI_EMISUSE);
    skpi_series_free(s);
}

static void clone_is_deep(void **state)
{
    (void)state;
    skpi_series *s = make("reach"), *c = NULL;
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    skpi_time t[] = { 10, 20, 30 };
    double v[] = { 1, NAN, 3 };
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_OK);
    assert_int_equal(skpi_series_clone(&c, s), SKPI_OK);
    assert_string_equal(skpi_series_metric(c), "reach");
    assert_string_equal(skpi_series_channel(c), "instagram:@acme");
    assert_int_equal(skpi_series_duplicate_policy(c), SKPI_DUPLICATE_SUM);
    assert_points(c, t, v, 3);
    assert_true(skpi_series_times(c) != skpi_series_times(s));
    /* changing the copy leaves the original alone: 20 had NaN, SUM gives 5 */
    skpi_time t2[] = { 20 };
    double v2[] = { 5 };
    assert_int_equal(skpi_series_append(c, t2, v2, 1), SKPI_OK);
    assert_true(skpi_series_values(c)[1] == 5.0);
    assert_true(isnan(skpi_series_values(s)[1]));
    skpi_series_free(c);

    skpi_series *e = make("empty");
    assert_int_equal(skpi_series_clone(&c, e), SKPI_OK);
    assert_int_equal(skpi_series_length(c), 0);
    assert_null(skpi_series_times(c));
    skpi_series_free(c);
    skpi_series_free(e);

    assert_int_equal(skpi_series_clone(NULL, s), SKPI_EMISUSE);
    assert_int_equal(skpi_series_clone(&c, NULL), SKPI_EMISUSE);
    skpi_series_free(s);
}

/* ---- append ---------------------------------------------------------- */

static void append_sorted(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    skpi_time t[] = { 100, 200, 300 };
    double v[] = { 1, 2, 3 };
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_OK);
    assert_points(s, t, v, 3);
    /* a later block goes after the existing points */
    skpi_time t2[] = { 400, 500 };
    double v2[] = { 4, 5 };
    assert_int_equal(skpi_series_append(s, t2, v2, 2), SKPI_OK);
    skpi_time et[] = { 100, 200, 300, 400, 500 };
    double ev[] = { 1, 2, 3, 4, 5 };
    assert_points(s, et, ev, 5);
    skpi_series_free(s);
}

static void append_unsorted_merges(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    skpi_time t[] = { 300, 100, 200 };
    double v[] = { 3, 1, 2 };
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_OK);
    skpi_time e1[] = { 100, 200, 300 };
    double f1[] = { 1, 2, 3 };
    assert_points(s, e1, f1, 3);
    /* interleaves before, between and after the existing points */
    skpi_time t2[] = { 250, 50, 150, 350 };
    double v2[] = { 2.5, 0.5, 1.5, 3.5 };
    assert_int_equal(skpi_series_append(s, t2, v2, 4), SKPI_OK);
    skpi_time e2[] = { 50, 100, 150, 200, 250, 300, 350 };
    double f2[] = { 0.5, 1, 1.5, 2, 2.5, 3, 3.5 };
    assert_points(s, e2, f2, 7);
    /* a sorted block that lands in the middle takes the merge path too */
    skpi_time t3[] = { 120, 130 };
    double v3[] = { 1.2, 1.3 };
    assert_int_equal(skpi_series_append(s, t3, v3, 2), SKPI_OK);
    skpi_time e3[] = { 50, 100, 120, 130, 150, 200, 250, 300, 350 };
    double f3[] = { 0.5, 1, 1.2, 1.3, 1.5, 2, 2.5, 3, 3.5 };
    assert_points(s, e3, f3, 9);
    skpi_series_free(s);
}

static void append_large_reversed_block(void **state)
{
    (void)state;
    /* 5000 minutes given newest first, then the odd minutes again with a
     * value of -1 (last wins): minute i ends up holding i when even and -1
     * when odd. */
    enum { N = 5000 };
    skpi_time *t = malloc(N * sizeof *t);
    double *v = malloc(N * sizeof *v);
    for (size_t i = 0; i < N; i++) {
        t[i] = (skpi_time)(N - 1 - i) * 60;
        v[i] = (double)(N - 1 - i);
    }
    skpi_series *s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, N), SKPI_OK);
    size_t k = 0;
    for (size_t i = 1; i < N; i += 2) {
        t[k] = (skpi_time)i * 60;
        v[k] = -1;
        k++;
    }
    assert_int_equal(skpi_series_append(s, t, v, k), SKPI_OK);
    assert_int_equal(skpi_series_length(s), N);
    const skpi_time *st = skpi_series_times(s);
    const double *sv = skpi_series_values(s);
    for (size_t i = 0; i < N; i++) {
        assert_true(st[i] == (skpi_time)i * 60);
        assert_true(sv[i] == (i % 2 ? -1.0 : (double)i));
    }
    skpi_series_free(s);
    free(t);
    free(v);
}

static void duplicates_within_one_call(void **state)
{
    (void)state;
    /* time 10 appears three times (values 1, 3, 4 in array order) */
    skpi_time t[] = { 10, 20, 10, 10 };
    double v[] = { 1, 2, 3, 4 };
    skpi_time et[] = { 10, 20 };

    skpi_series *s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, 4), SKPI_OK);
    double last[] = { 4, 2 };          /* the last in array order */
    assert_points(s, et, last, 2);
    skpi_series_free(s);

    s = make("m");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    assert_int_equal(skpi_series_append(s, t, v, 4), SKPI_OK);
    double sum[] = { 8, 2 };           /* 1 + 3 + 4 */
    assert_points(s, et, sum, 2);
    skpi_series_free(s);

    s = make("m");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_ERROR), SKPI_OK);
    assert_int_equal(skpi_series_append(s, t, v, 4), SKPI_EDUPLICATE);
    assert_non_null(strstr(skpi_last_error(), "1970-01-01T00:00:10Z"));
    assert_non_null(strstr(skpi_last_error(), "more than once"));
    assert_int_equal(skpi_series_length(s), 0);
    /* sorted but repeated (not strictly increasing) takes the same path */
    skpi_time t2[] = { 10, 20, 20 };
    assert_int_equal(skpi_series_append(s, t2, v, 3), SKPI_EDUPLICATE);
    assert_int_equal(skpi_series_length(s), 0);
    skpi_series_free(s);
}

static void duplicates_with_nan(void **state)
{
    (void)state;
    skpi_time t[] = { 10, 10, 20, 20, 30, 30 };
    double v[] = { NAN, 5, 6, NAN, NAN, NAN };
    skpi_time et[] = { 10, 20, 30 };

    skpi_series *s = make("m");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    assert_int_equal(skpi_series_append(s, t, v, 6), SKPI_OK);
    double sum[] = { 5, 6, NAN };       /* NaN + 5, 6 + NaN, NaN + NaN */
    assert_points(s, et, sum, 3);
    skpi_series_free(s);

    s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, 6), SKPI_OK);
    double last[] = { 5, NAN, NAN };    /* the later value wins, NaN too */
    assert_points(s, et, last, 3);
    skpi_series_free(s);
}

static void duplicates_across_calls(void **state)
{
    (void)state;
    skpi_time t[] = { 10, 20, 30 };
    double v[] = { 1, 2, 3 };
    skpi_time t2[] = { 40, 20 };
    double v2[] = { 4, 5 };
    skpi_time et[] = { 10, 20, 30, 40 };

    skpi_series *s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_OK);
    assert_int_equal(skpi_series_append(s, t2, v2, 2), SKPI_OK);
    double last[] = { 1, 5, 3, 4 };
    assert_points(s, et, last, 4);
    skpi_series_free(s);

    s = make("m");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_OK);
    assert_int_equal(skpi_series_append(s, t2, v2, 2), SKPI_OK);
    double sum[] = { 1, 7, 3, 4 };      /* 2 + 5 */
    assert_points(s, et, sum, 4);
    /* a sorted block of only known times: 10 -> 1 + 1, 30 -> 3 + NaN */
    skpi_time t3[] = { 10, 30 };
    double v3[] = { 1, NAN };
    assert_int_equal(skpi_series_append(s, t3, v3, 2), SKPI_OK);
    double sum2[] = { 2, 7, 3, 4 };
    assert_points(s, et, sum2, 4);
    skpi_series_free(s);

    s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_OK);
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_ERROR), SKPI_OK);
    snapshot before = snap(s);
    assert_int_equal(skpi_series_append(s, t2, v2, 2), SKPI_EDUPLICATE);
    assert_non_null(strstr(skpi_last_error(), "1970-01-01T00:00:20Z is already in the series"));
    assert_unchanged(s, before);
    skpi_series_free(s);
}

static void sum_of_duplicates_must_stay_finite(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    skpi_time t[] = { 10, 10 };
    double v[] = { 1e308, 1e308 };
    assert_int_equal(skpi_series_append(s, t, v, 2), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "overflows"));
    assert_int_equal(skpi_series_length(s), 0);
    assert_int_equal(skpi_series_append(s, t, v, 1), SKPI_OK);
    snapshot before = snap(s);
    assert_int_equal(skpi_series_append(s, t + 1, v + 1, 1), SKPI_ERANGE);
    assert_unchanged(s, before);
    skpi_series_free(s);
}

static void nan_is_kept_as_missing(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    skpi_time t[] = { 1, 2, 3 };
    double v[] = { 1, NAN, 3 };
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 3);
    assert_true(isnan(skpi_series_values(s)[1]));
    double out;
    size_t present, missing;
    skpi_period all = { 0, 10 };
    assert_int_equal(skpi_series_aggregate(&out, &present, &missing, s, all, SKPI_AGG_SUM), SKPI_OK);
    assert_true(out == 4.0);            /* 1 + 3; the NaN is not a zero */
    assert_int_equal(present, 2);
    assert_int_equal(missing, 1);
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, s, all, SKPI_AGG_MEAN), SKPI_OK);
    assert_true(out == 2.0);            /* (1 + 3) / 2, not / 3 */
    skpi_series_free(s);
}

static void infinity_is_rejected(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    skpi_time t0[] = { 5 };
    double v0[] = { 7 };
    assert_int_equal(skpi_series_append(s, t0, v0, 1), SKPI_OK);
    snapshot before = snap(s);
    skpi_time t[] = { 1, 2, 3 };
    double v[] = { 1, 2, INFINITY };
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "values[2] is +infinity"));
    double w[] = { -INFINITY, 2, 3 };
    assert_int_equal(skpi_series_append(s, t, w, 3), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "values[0] is -infinity"));
    assert_unchanged(s, before);
    skpi_series_free(s);
}

static void append_argument_errors(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    skpi_time t[] = { 1 };
    double v[] = { 1 };
    assert_int_equal(skpi_series_append(NULL, t, v, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_series_append(s, NULL, v, 1), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "times is NULL"));
    assert_int_equal(skpi_series_append(s, t, NULL, 1), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "values is NULL"));
    assert_int_equal(skpi_series_append(s, t, v, 0), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "n is 0"));
    assert_int_equal(skpi_series_length(s), 0);
    skpi_series_free(s);
}

static void times_out_of_range(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    skpi_time t[] = { 0, SKPI_TIME_MIN - 1 };
    double v[] = { 1, 2 };
    assert_int_equal(skpi_series_append(s, t, v, 2), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "times[1]"));
    skpi_time t2[] = { SKPI_TIME_END };
    assert_int_equal(skpi_series_append(s, t2, v, 1), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "times[0]"));
    assert_int_equal(skpi_series_length(s), 0);
    /* both ends themselves are fine */
    skpi_time t3[] = { SKPI_TIME_END - 1, SKPI_TIME_MIN };
    assert_int_equal(skpi_series_append(s, t3, v, 2), SKPI_OK);
    assert_true(skpi_series_times(s)[0] == skpi_time_min());
    assert_true(skpi_series_times(s)[1] == skpi_time_max());
    assert_true(skpi_series_values(s)[0] == 2.0);
    skpi_series_free(s);
}

static void append_own_arrays(void **state)
{
    (void)state;
    /* The borrowed arrays of the series itself: every time repeats, so SUM
     * doubles each value; growth must not free them while they are read. */
    skpi_series *s = make("m");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    skpi_time t[] = { 1, 2, 3 };
    double v[] = { 1, 2, NAN };
    assert_int_equal(skpi_series_append(s, t, v, 3), SKPI_OK);
    assert_int_equal(skpi_series_append(s, skpi_series_times(s), skpi_series_values(s), 3), SKPI_OK);
    double e[] = { 2, 4, NAN };
    assert_points(s, t, e, 3);
    skpi_series_free(s);
}

static void capacity_rule(void **state)
{
    (void)state;
    /* a bulk block gets exactly its room; small appends grow by 1/8 */
    enum { N = 1000 };
    skpi_time *t = malloc(N * sizeof *t);
    double *v = malloc(N * sizeof *v);
    for (size_t i = 0; i < N; i++) {
        t[i] = (skpi_time)i;
        v[i] = 1;
    }
    skpi_series *s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, N), SKPI_OK);
    assert_int_equal(s->capacity, 1000);
    skpi_time one[] = { 5000 };
    assert_int_equal(skpi_series_append(s, one, v, 1), SKPI_OK);
    assert_int_equal(s->capacity, 1001 + 1001 / 8);   /* 1126 */
    one[0] = 5001;
    assert_int_equal(skpi_series_append(s, one, v, 1), SKPI_OK);
    assert_int_equal(s->capacity, 1126);               /* fits in the slack */
    /* 200 more is at least 1002 / 8 = 125: a bulk block, exact room */
    for (size_t i = 0; i < 200; i++) t[i] = 6000 + (skpi_time)i;
    assert_int_equal(skpi_series_append(s, t, v, 200), SKPI_OK);
    assert_int_equal(s->capacity, 1202);
    assert_int_equal(skpi_series_length(s), 1202);
    skpi_series_free(s);
    free(t);
    free(v);
}

/* ---- search ---------------------------------------------------------- */

static void search_from_any_hint(void **state)
{
    (void)state;
    skpi_time t[40];
    for (int i = 0; i < 40; i++) t[i] = 10 * i;
    for (skpi_time key = -5; key <= 405; key += 5) {
        size_t expect = key <= 0 ? 0 : (size_t)((key + 9) / 10);
        if (expect > 40) expect = 40;
        assert_int_equal(skpi__series_lower_bound(t, 0, 40, key), expect);
        for (size_t hint = 0; hint <= 45; hint++)
            assert_int_equal(skpi__series_search(t, 0, 40, key, hint), expect);
        /* a sub-range [7, 30) */
        size_t sub = expect < 7 ? 7 : expect > 30 ? 30 : expect;
        for (size_t hint = 0; hint <= 45; hint++)
            assert_int_equal(skpi__series_search(t, 7, 30, key, hint), sub);
    }
}

/* ---- sums ------------------------------------------------------------ */

static void sum_beats_pairwise_on_cancellation(void **state)
{
    (void)state;
    /* 1024 points, zero but for x[0] = 1e100, x[256] = 1, x[512] = -1e100,
     * x[768] = 1; the sum is 2.
     * Left to right: 1e100 + 1 = 1e100, minus 1e100 = 0, plus 1: 1.
     * Pairwise: x[0] meets x[256] (1e100) and x[512] meets x[768]
     * (-1e100) before the two meet: 0.
     * Ours: a block is 256 points, so the four sit in lane 0 of blocks
     * 0, 1, 2 and 3; folding the blocks into the lane with TwoSum keeps
     * each 1 that 1e100 absorbs in the lane's compensation: exactly 2. */
    enum { N = 1024 };
    skpi_time *t = malloc(N * sizeof *t);
    double *v = malloc(N * sizeof *v);
    for (int i = 0; i < N; i++) {
        t[i] = i;
        v[i] = 0;
    }
    v[0] = 1e100;
    v[256] = 1;
    v[512] = -1e100;
    v[768] = 1;
    skpi_series *s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, N), SKPI_OK);
    double out;
    skpi_period all = { 0, N };
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, s, all, SKPI_AGG_SUM), SKPI_OK);
    assert_true(out == 2.0);
    /* Four values side by side sit in lanes 0..3 and meet in the final
     * tree of lanes (lane j with j + 2 first): 1e100 + -1e100 = 0 and
     * 1 + 1 = 2, then 0 + 2. */
    skpi_series *u = make("m");
    double w[] = { 1e100, 1, -1e100, 1 };
    assert_int_equal(skpi_series_append(u, t, w, 4), SKPI_OK);
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, u, all, SKPI_AGG_SUM), SKPI_OK);
    assert_true(out == 2.0);
    skpi_series_free(u);
    skpi_series_free(s);
    free(t);
    free(v);
}

static void sum_of_big_and_many_small(void **state)
{
    (void)state;
    /* 1e16 followed by 1,000,000 ones; exact sum 10000000001000000.
     * Doubles near 1e16 are 2 apart, and 1e16 + 1 ties between 1e16 and
     * 1e16 + 2; ties go to the even significand, and 1e16 = 5e15 * 2 has
     * the even one, so a left-to-right sum stays at 1e16 for ever.
     * In our method lane 0 of the first block adds its 16 values as a
     * tree whose first pair is x[0] + x[16] = 1e16 + 1: that 1 is
     * absorbed; the rest of the tree adds 2, 4 and 8 to 1e16 exactly.
     * Every other partial sum is an integer below 2^53,
     * and the compensated folds keep them exactly, so the exact total of
     * the partials is 1e16 + 999999, rounded once: 999999 is odd, a tie
     * between 999998 and 1000000, and the even significand (5e15 + 500000)
     * wins. Result 10000000001000000: exact, where plain summation is 1e6
     * off (and numpy's blocked pairwise sum, 8 accumulators of 16
     * values, 16 off). */
    enum { N = 1000001 };
    double *v = malloc(N * sizeof *v);
    skpi_time *t = malloc(N * sizeof *t);
    for (size_t i = 0; i < N; i++) {
        t[i] = (skpi_time)i;
        v[i] = i == 0 ? 1e16 : 1.0;
    }
    volatile double plain = 0;
    for (size_t i = 0; i < N; i++) plain = plain + v[i];
    assert_true(plain == 1e16);

    skpi_series *s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, N), SKPI_OK);
    double out;
    size_t present;
    skpi_period all = { 0, N };
    assert_int_equal(skpi_series_aggregate(&out, &present, NULL, s, all, SKPI_AGG_SUM), SKPI_OK);
    assert_true(out == 10000000001000000.0);
    assert_int_equal(present, N);
    skpi_series_free(s);
    free(v);
    free(t);
}

/* Deterministic generator for test data (64-bit LCG, high bits). */
static uint64_t rng = 88172645463325252u;
static uint64_t next_random(void)
{
    rng = rng * 6364136223846793005u + 1442695040888963407u;
    return rng >> 33;
}

static void sum_variants_agree_and_are_exact_on_integers(void **state)
{
    (void)state;
    /* Integer values below 2^20 and counts below 2^20 keep every partial
     * sum exact, so the right answer is the int64 sum; NaN at random
     * places (and in stretches) must be skipped and counted. */
    enum { N = 20000 };
    double *x = malloc(N * sizeof *x);
    for (size_t n = 0; n < N; n = n < 300 ? n + 1 : n * 2 + 17) {
        int64_t expect = 0;
        size_t present = 0;
        for (size_t i = 0; i < n; i++) {
            uint64_t r = next_random();
            int nan = r % 10 == 0 || (i >= 1000 && i < 1400);
            x[i] = nan ? NAN : (double)(int64_t)((r >> 8) % 2000001) - 1000000.0;
            if (!nan) {
                expect += (int64_t)x[i];
                present++;
            }
        }
        skpi__sum_fn f0 = skpi__sum_variant(0);
        assert_non_null(f0);
        assert_true(skpi__sum_select() != NULL);
        size_t p0 = 0;
        int m0 = 0;
        double s0 = f0(x, n, &p0, &m0);
        assert_true(s0 == (double)expect);
        assert_int_equal(p0, present);
        skpi__sum_fn f1 = skpi__sum_variant(1);
        if (f1) {
            size_t p1 = 0;
            int m1 = 0;
            double s1 = f1(x, n, &p1, &m1);
            assert_memory_equal(&s0, &s1, sizeof s0);
            assert_int_equal(p1, present);
        }
    }
    assert_null(skpi__sum_variant(7));
    free(x);
}

static void sum_variants_agree_bit_for_bit(void **state)
{
    (void)state;
    /* Values of wildly different sizes: the rounding differs from an exact
     * sum, but every variant adds in the same order. */
    enum { N = 5000 };
    double *x = malloc(N * sizeof *x);
    for (size_t i = 0; i < N; i++) {
        uint64_t r = next_random();
        x[i] = r % 13 == 0 ? NAN : ldexp((double)(r % 1000003) - 500000.0, (int)(r % 80) - 40);
    }
    skpi__sum_fn f1 = skpi__sum_variant(1);
    if (f1 == NULL) skip();
    for (size_t n = 0; n <= N; n += 37) {
        size_t p0, p1;
        int m0 = 0, m1 = (int)(n % 10); /* the hint changes no bit */
        double s0 = skpi__sum_variant(0)(x, n, &p0, &m0);
        double s1 = f1(x, n, &p1, &m1);
        assert_memory_equal(&s0, &s1, sizeof s0);
        assert_int_equal(p0, p1);
    }
    free(x);
}

static void sum_overflow_reports_infinity(void **state)
{
    (void)state;
    double x[] = { 1e308, 1e308, 1e308 };
    size_t p;
    int mode = 0;
    double r = skpi__sum_select()(x, 3, &p, &mode);
    assert_true(isinf(r) && r > 0);
    assert_int_equal(p, 3);
}

/* ---- aggregate ------------------------------------------------------- */

/* Days 0..9 at noon: 4, NaN, 1, 7, NaN, 2, 9, NaN, NaN, 3 */
static skpi_series *ten_days(void)
{
    skpi_series *s = make("m");
    skpi_time t[10];
    double v[] = { 4, NAN, 1, 7, NAN, 2, 9, NAN, NAN, 3 };
    for (int d = 0; d < 10; d++) t[d] = d * DAY + DAY / 2;
    assert_int_equal(skpi_series_append(s, t, v, 10), SKPI_OK);
    return s;
}

static void aggregate_each_kind(void **state)
{
    (void)state;
    skpi_series *s = ten_days();
    /* [day 1, day 5): NaN, 1, 7, NaN */
    skpi_period p = { 1 * DAY, 5 * DAY };
    struct { int agg; double expect; } cases[] = {
        { SKPI_AGG_SUM, 8 },            /* 1 + 7 */
        { SKPI_AGG_LAST, 7 },
        { SKPI_AGG_FIRST, 1 },
        { SKPI_AGG_MEAN, 4 },           /* 8 / 2 */
        { SKPI_AGG_MIN, 1 },
        { SKPI_AGG_MAX, 7 },
        { SKPI_AGG_COUNT, 2 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double out = -1;
        size_t present = 99, missing = 99;
        assert_int_equal(skpi_series_aggregate(&out, &present, &missing, s, p, cases[i].agg), SKPI_OK);
        if (out != cases[i].expect) fail_msg("agg %d: %g != %g", cases[i].agg, out, cases[i].expect);
        assert_int_equal(present, 2);
        assert_int_equal(missing, 2);
    }
    /* the whole series: 4 + 1 + 7 + 2 + 9 + 3 = 26 over 6 present, 4 missing */
    skpi_period all = { 0, 10 * DAY };
    double out;
    size_t present, missing;
    assert_int_equal(skpi_series_aggregate(&out, &present, &missing, s, all, SKPI_AGG_SUM), SKPI_OK);
    assert_true(out == 26);
    assert_int_equal(present, 6);
    assert_int_equal(missing, 4);
    assert_int_equal(skpi_series_aggregate(&out, NULL, &missing, s, all, SKPI_AGG_MEAN), SKPI_OK);
    assert_true(out == 26.0 / 6.0);
    assert_int_equal(missing, 4);
    /* LAST skips the trailing NaNs of days 7 and 8 inside [6, 9): 9 */
    skpi_period tail = { 6 * DAY, 9 * DAY };
    assert_int_equal(skpi_series_aggregate(&out, &present, NULL, s, tail, SKPI_AGG_LAST), SKPI_OK);
    assert_true(out == 9);
    assert_int_equal(present, 1);
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, s, tail, SKPI_AGG_FIRST), SKPI_OK);
    assert_true(out == 9);
    /* the start is inclusive and the end exclusive: [day 2 noon, day 3 noon) */
    skpi_period half = { 2 * DAY + DAY / 2, 3 * DAY + DAY / 2 };
    assert_int_equal(skpi_series_aggregate(&out, &present, &missing, s, half, SKPI_AGG_SUM), SKPI_OK);
    assert_true(out == 1);
    assert_int_equal(present, 1);
    assert_int_equal(missing, 0);
    skpi_series_free(s);
}

static void aggregate_without_present_values(void **state)
{
    (void)state;
    skpi_series *s = ten_days();
    skpi_period only_nan = { 7 * DAY, 9 * DAY };   /* days 7 and 8: NaN, NaN */
    skpi_period empty = { 3 * DAY, 3 * DAY };
    skpi_period outside = { 100 * DAY, 200 * DAY };
    skpi_period periods[] = { only_nan, empty, outside };
    size_t expect_missing[] = { 2, 0, 0 };
    for (size_t k = 0; k < 3; k++) {
        for (int agg = SKPI_AGG_SUM; agg <= SKPI_AGG_COUNT; agg++) {
            double out = 0;
            size_t present = 9, missing = 9;
            assert_int_equal(skpi_series_aggregate(&out, &present, &missing, s, periods[k], agg), SKPI_OK);
            if (agg == SKPI_AGG_COUNT) assert_true(out == 0);
            else assert_true(isnan(out));
            assert_int_equal(present, 0);
            assert_int_equal(missing, expect_missing[k]);
        }
    }
    skpi_series *e = make("empty");
    double out = 0;
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, e, only_nan, SKPI_AGG_SUM), SKPI_OK);
    assert_true(isnan(out));
    skpi_series_free(e);
    skpi_series_free(s);
}

static void aggregate_errors(void **state)
{
    (void)state;
    skpi_series *s = ten_days();
    double out = 42;
    skpi_period p = { 0, DAY };
    assert_int_equal(skpi_series_aggregate(NULL, NULL, NULL, s, p, SKPI_AGG_SUM), SKPI_EMISUSE);
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, NULL, p, SKPI_AGG_SUM), SKPI_EMISUSE);
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, s, p, 7), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "aggregation 7 is unknown"));
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, s, p, -1), SKPI_EINVAL);
    skpi_period back = { DAY, 0 };
    assert_int_equal(skpi_series_aggregate(&out, NULL, NULL, s, back, SKPI_AGG_SUM), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "ends (1970-01-01T00:00:00Z) before it starts"));
    assert_true(out == 42);
    skpi_series_free(s);
}

/* ---- rollup ---------------------------------------------------------- */

static skpi_series *rolled(const skpi_series *s, const skpi_calendar *cal, int cadence, int agg)
{
    skpi_series *r = NULL;
    int rc = skpi_series_rollup(&r, s, cal, cadence, agg);
    if (rc != SKPI_OK) fail_msg("rollup: %s", skpi_last_error());
    return r;
}

/* Daily data with gaps, Monday weeks (2026-11-02 is a Monday):
 *   Mon 11-02: 10   Tue 11-03: NaN   Thu 11-05: 5      (week of 11-02)
 *   nothing from 11-09 to 11-15                        (week of 11-09)
 *   Mon 11-16: NaN  Fri 11-20: 2.5   Sun 11-22: 4      (week of 11-16)
 *   Mon 11-23: NaN                                     (week of 11-23)  */
static skpi_series *daily_with_gaps(void)
{
    skpi_series *s = make("impressions");
    skpi_time t[] = { T(2026, 11, 2, 12, 0, 0), T(2026, 11, 3, 12, 0, 0), T(2026, 11, 5, 12, 0, 0),
                      T(2026, 11, 16, 12, 0, 0), T(2026, 11, 20, 12, 0, 0), T(2026, 11, 22, 23, 59, 59),
                      T(2026, 11, 23, 0, 0, 0) };
    double v[] = { 10, NAN, 5, NAN, 2.5, 4, NAN };
    assert_int_equal(skpi_series_append(s, t, v, 7), SKPI_OK);
    return s;
}

static void rollup_weeks_with_gaps(void **state)
{
    (void)state;
    skpi_calendar *cal;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    skpi_series *s = daily_with_gaps();
    skpi_time weeks[] = { T(2026, 11, 2, 0, 0, 0), T(2026, 11, 9, 0, 0, 0),
                          T(2026, 11, 16, 0, 0, 0), T(2026, 11, 23, 0, 0, 0) };
    struct { int agg; double v[4]; } cases[] = {
        { SKPI_AGG_SUM, { 15, NAN, 6.5, NAN } },        /* 10 + 5; 2.5 + 4 */
        { SKPI_AGG_COUNT, { 2, 0, 2, 0 } },
        { SKPI_AGG_MEAN, { 7.5, NAN, 3.25, NAN } },
        { SKPI_AGG_LAST, { 5, NAN, 4, NAN } },
        { SKPI_AGG_FIRST, { 10, NAN, 2.5, NAN } },
        { SKPI_AGG_MIN, { 5, NAN, 2.5, NAN } },
        { SKPI_AGG_MAX, { 10, NAN, 4, NAN } },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        skpi_series *r = rolled(s, cal, SKPI_CADENCE_WEEK, cases[i].agg);
        assert_points(r, weeks, cases[i].v, 4);
        assert_string_equal(skpi_series_metric(r), "impressions");
        assert_string_equal(skpi_series_channel(r), "instagram:@acme");
        skpi_series_free(r);
    }
    /* the same data by day: 22 days from 11-02 to 11-23 */
    skpi_series *r = rolled(s, cal, SKPI_CADENCE_DAY, SKPI_AGG_SUM);
    assert_int_equal(skpi_series_length(r), 22);
    assert_true(skpi_series_times(r)[0] == T(2026, 11, 2, 0, 0, 0));
    assert_true(skpi_series_times(r)[21] == T(2026, 11, 23, 0, 0, 0));
    assert_true(skpi_series_values(r)[0] == 10);
    assert_true(isnan(skpi_series_values(r)[1]));    /* NaN point */
    assert_true(isnan(skpi_series_values(r)[2]));    /* no point */
    assert_true(skpi_series_values(r)[3] == 5);
    assert_true(skpi_series_values(r)[20] == 4);     /* 11-22 23:59:59 */
    skpi_series_free(r);
    skpi_series_free(s);
    skpi_calendar_free(cal);
}

static void rollup_months_last_for_stocks(void **state)
{
    (void)state;
    skpi_calendar *cal;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    skpi_series *s = make("followers");
    skpi_time t[] = { T(2026, 1, 15, 0, 0, 0), T(2026, 1, 31, 23, 59, 59), T(2026, 2, 10, 0, 0, 0),
                      T(2026, 2, 28, 0, 0, 0), T(2026, 4, 1, 0, 0, 0) };
    double v[] = { 100, 120, 130, NAN, 150 };
    assert_int_equal(skpi_series_append(s, t, v, 5), SKPI_OK);
    skpi_time months[] = { T(2026, 1, 1, 0, 0, 0), T(2026, 2, 1, 0, 0, 0),
                           T(2026, 3, 1, 0, 0, 0), T(2026, 4, 1, 0, 0, 0) };
    skpi_series *r = rolled(s, cal, SKPI_CADENCE_MONTH, SKPI_AGG_LAST);
    double last[] = { 120, 130, NAN, 150 };   /* February's trailing NaN is skipped */
    assert_points(r, months, last, 4);
    skpi_series_free(r);
    r = rolled(s, cal, SKPI_CADENCE_MONTH, SKPI_AGG_FIRST);
    double first[] = { 100, 130, NAN, 150 };
    assert_points(r, months, first, 4);
    skpi_series_free(r);
    skpi_series_free(s);
    skpi_calendar_free(cal);
}

static void rollup_with_utc_offset(void **state)
{
    (void)state;
    skpi_calendar *cet;
    assert_int_equal(skpi_calendar_new(&cet), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(cet, 60), SKPI_OK);
    skpi_series *s = make("m");
    /* local (UTC+1): 03-31 23:00, 04-01 00:30, 04-30 23:59:59, 05-01 00:00 */
    skpi_time t[] = { T(2026, 3, 31, 22, 0, 0), T(2026, 3, 31, 23, 30, 0),
                      T(2026, 4, 30, 22, 59, 59), T(2026, 4, 30, 23, 0, 0) };
    double v[] = { 2, 1, 4, 8 };
    assert_int_equal(skpi_series_append(s, t, v, 4), SKPI_OK);

    skpi_series *r = rolled(s, cet, SKPI_CADENCE_MONTH, SKPI_AGG_SUM);
    /* local months March, April, May start an hour before UTC midnight */
    skpi_time local[] = { T(2026, 2, 28, 23, 0, 0), T(2026, 3, 31, 23, 0, 0), T(2026, 4, 30, 23, 0, 0) };
    double in_cet[] = { 2, 5, 8 };            /* April: 1 + 4 */
    assert_points(r, local, in_cet, 3);
    skpi_series_free(r);

    skpi_calendar *utc;
    assert_int_equal(skpi_calendar_new(&utc), SKPI_OK);
    r = rolled(s, utc, SKPI_CADENCE_MONTH, SKPI_AGG_SUM);
    skpi_time months[] = { T(2026, 3, 1, 0, 0, 0), T(2026, 4, 1, 0, 0, 0) };
    double in_utc[] = { 3, 12 };              /* 2 + 1; 4 + 8 */
    assert_points(r, months, in_utc, 2);
    skpi_series_free(r);
    skpi_series_free(s);

    /* UTC-5: 04:59Z is 23:59 the day before, 05:00Z is local midnight */
    skpi_calendar *ny;
    assert_int_equal(skpi_calendar_new(&ny), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(ny, -300), SKPI_OK);
    s = make("m");
    skpi_time t2[] = { T(2026, 11, 2, 4, 59, 0), T(2026, 11, 2, 5, 0, 0), T(2026, 11, 3, 4, 0, 0) };
    double v2[] = { 1, 2, 4 };
    assert_int_equal(skpi_series_append(s, t2, v2, 3), SKPI_OK);
    r = rolled(s, ny, SKPI_CADENCE_DAY, SKPI_AGG_SUM);
    skpi_time days[] = { T(2026, 11, 1, 5, 0, 0), T(2026, 11, 2, 5, 0, 0) };
    double dv[] = { 1, 6 };
    assert_points(r, days, dv, 2);
    skpi_series_free(r);
    skpi_series_free(s);
    skpi_calendar_free(ny);
    skpi_calendar_free(utc);
    skpi_calendar_free(cet);
}

static void rollup_fiscal_quarters_years_and_sunday_weeks(void **state)
{
    (void)state;
    skpi_calendar *cal;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    /* fiscal year from February: quarters Nov-Jan, Feb-Apr, May-Jul, Aug-Oct */
    assert_int_equal(skpi_calendar_set_fiscal_year_start(cal, 2), SKPI_OK);
    skpi_series *s = make("m");
    skpi_time t[] = { T(2026, 1, 15, 0, 0, 0), T(2026, 2, 1, 0, 0, 0), T(2026, 4, 30, 0, 0, 0),
                      T(2026, 5, 1, 0, 0, 0) };
    double v[] = { 1, 2, 4, 8 };
    assert_int_equal(skpi_series_append(s, t, v, 4), SKPI_OK);
    skpi_series *r = rolled(s, cal, SKPI_CADENCE_QUARTER, SKPI_AGG_SUM);
    skpi_time q[] = { T(2025, 11, 1, 0, 0, 0), T(2026, 2, 1, 0, 0, 0), T(2026, 5, 1, 0, 0, 0) };
    double qv[] = { 1, 6, 8 };
    assert_points(r, q, qv, 3);
    skpi_series_free(r);
    /* fiscal years from February: 2025-02-01 and 2026-02-01 */
    r = rolled(s, cal, SKPI_CADENCE_YEAR, SKPI_AGG_SUM);
    skpi_time y[] = { T(2025, 2, 1, 0, 0, 0), T(2026, 2, 1, 0, 0, 0) };
    double yv[] = { 1, 14 };
    assert_points(r, y, yv, 2);
    skpi_series_free(r);
    skpi_series_free(s);

    /* calendar years with an empty one between */
    skpi_calendar *plain;
    assert_int_equal(skpi_calendar_new(&plain), SKPI_OK);
    s = make("m");
    skpi_time t2[] = { T(2024, 6, 1, 0, 0, 0), T(2026, 6, 1, 0, 0, 0) };
    double v2[] = { 1, 2 };
    assert_int_equal(skpi_series_append(s, t2, v2, 2), SKPI_OK);
    r = rolled(s, plain, SKPI_CADENCE_YEAR, SKPI_AGG_COUNT);
    skpi_time years[] = { T(2024, 1, 1, 0, 0, 0), T(2025, 1, 1, 0, 0, 0), T(2026, 1, 1, 0, 0, 0) };
    double counts[] = { 1, 0, 1 };
    assert_points(r, years, counts, 3);
    skpi_series_free(r);
    skpi_series_free(s);

    /* weeks from Sunday: 2026-11-01 is a Sunday */
    assert_int_equal(skpi_calendar_set_week_start(plain, SKPI_SUNDAY), SKPI_OK);
    s = make("m");
    skpi_time t3[] = { T(2026, 11, 1, 0, 0, 0), T(2026, 11, 7, 23, 0, 0), T(2026, 11, 8, 0, 0, 0) };
    double v3[] = { 1, 2, 4 };
    assert_int_equal(skpi_series_append(s, t3, v3, 3), SKPI_OK);
    r = rolled(s, plain, SKPI_CADENCE_WEEK, SKPI_AGG_SUM);
    skpi_time w[] = { T(2026, 11, 1, 0, 0, 0), T(2026, 11, 8, 0, 0, 0) };
    double wv[] = { 3, 4 };
    assert_points(r, w, wv, 2);
    skpi_series_free(r);
    skpi_series_free(s);
    skpi_calendar_free(plain);
    skpi_calendar_free(cal);
}

static void rollup_of_empty_series(void **state)
{
    (void)state;
    skpi_calendar *cal;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    skpi_series *s = make("reach");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    skpi_series *r = rolled(s, cal, SKPI_CADENCE_MONTH, SKPI_AGG_SUM);
    assert_int_equal(skpi_series_length(r), 0);
    assert_string_equal(skpi_series_metric(r), "reach");
    assert_int_equal(skpi_series_duplicate_policy(r), SKPI_DUPLICATE_SUM);
    skpi_series_free(r);
    skpi_series_free(s);
    skpi_calendar_free(cal);
}

static void rollup_errors(void **state)
{
    (void)state;
    skpi_calendar *cal;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    skpi_series *s = ten_days(), *r = NULL;
    assert_int_equal(skpi_series_rollup(NULL, s, cal, 0, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_series_rollup(&r, NULL, cal, 0, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_series_rollup(&r, s, NULL, 0, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_series_rollup(&r, s, cal, 5, 0), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "cadence 5 is unknown"));
    assert_int_equal(skpi_series_rollup(&r, s, cal, -1, 0), SKPI_EINVAL);
    assert_int_equal(skpi_series_rollup(&r, s, cal, 0, 7), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "aggregation 7 is unknown"));
    assert_null(r);
    skpi_series_free(s);

    /* 0001-01-01T00:00Z at UTC-1 is a day of year 0: outside the range */
    assert_int_equal(skpi_calendar_set_utc_offset(cal, -60), SKPI_OK);
    s = make("m");
    skpi_time t[] = { SKPI_TIME_MIN };
    double v[] = { 1 };
    assert_int_equal(skpi_series_append(s, t, v, 1), SKPI_OK);
    assert_int_equal(skpi_series_rollup(&r, s, cal, SKPI_CADENCE_DAY, SKPI_AGG_SUM), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "skpi_series_rollup"));
    assert_null(r);
    skpi_series_free(s);
    /* and the last second of 9999 at UTC+1 is in year 10000 */
    assert_int_equal(skpi_calendar_set_utc_offset(cal, 60), SKPI_OK);
    s = make("m");
    t[0] = SKPI_TIME_END - 1;
    assert_int_equal(skpi_series_append(s, t, v, 1), SKPI_OK);
    assert_int_equal(skpi_series_rollup(&r, s, cal, SKPI_CADENCE_MONTH, SKPI_AGG_SUM), SKPI_ERANGE);
    /* at UTC the last month of 9999 ends exactly at the limit: fine */
    assert_int_equal(skpi_calendar_set_utc_offset(cal, 0), SKPI_OK);
    r = rolled(s, cal, SKPI_CADENCE_YEAR, SKPI_AGG_SUM);
    assert_int_equal(skpi_series_length(r), 1);
    assert_true(skpi_series_times(r)[0] == T(9999, 1, 1, 0, 0, 0));
    skpi_series_free(r);
    skpi_series_free(s);
    skpi_calendar_free(cal);
}

static void rollup_minutes_matches_plain_grouping(void **state)
{
    (void)state;
    /* 100,000 minutes from 2026-01-01 with integer values (exact sums) and
     * some NaN, rolled up to days, weeks and months; the expected buckets
     * come from a per-point loop over skpi_calendar_period(). */
    enum { N = 100000 };
    skpi_time *t = malloc(N * sizeof *t);
    double *v = malloc(N * sizeof *v);
    skpi_time t0 = T(2026, 1, 1, 0, 0, 0);
    for (size_t i = 0; i < N; i++) {
        t[i] = t0 + (skpi_time)i * 60;
        v[i] = i % 97 == 0 || (i >= 20000 && i < 23000) ? NAN : (double)(i % 1000);
    }
    skpi_series *s = make("m");
    assert_int_equal(skpi_series_append(s, t, v, N), SKPI_OK);
    skpi_calendar *cal;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(cal, 330), SKPI_OK);
    int cadences[] = { SKPI_CADENCE_DAY, SKPI_CADENCE_WEEK, SKPI_CADENCE_MONTH };
    for (int c = 0; c < 3; c++) {
        skpi_series *sum = rolled(s, cal, cadences[c], SKPI_AGG_SUM);
        skpi_series *cnt = rolled(s, cal, cadences[c], SKPI_AGG_COUNT);
        skpi_series *last = rolled(s, cal, cadences[c], SKPI_AGG_LAST);
        size_t k = 0;
        size_t i = 0;
        while (i < N) {
            skpi_period p;
            assert_int_equal(skpi_calendar_period(&p, cal, cadences[c], t[i]), SKPI_OK);
            int64_t total = 0;
            size_t present = 0;
            double lastv = NAN;
            for (; i < N && t[i] < p.end; i++) {
                if (v[i] == v[i]) {
                    total += (int64_t)v[i];
                    present++;
                    lastv = v[i];
                }
            }
            assert_true(k < skpi_series_length(sum));
            assert_true(skpi_series_times(sum)[k] == p.start);
            assert_true(skpi_series_times(last)[k] == p.start);
            assert_true(skpi_series_values(cnt)[k] == (double)present);
            assert_true(same(skpi_series_values(sum)[k], present ? (double)total : NAN));
            assert_true(same(skpi_series_values(last)[k], lastv));
            k++;
        }
        assert_int_equal(skpi_series_length(sum), k);
        skpi_series_free(sum);
        skpi_series_free(cnt);
        skpi_series_free(last);
    }
    skpi_calendar_free(cal);
    skpi_series_free(s);
    free(t);
    free(v);
}

/* ---- out of memory --------------------------------------------------- */

/* Run op with the allocator failing after k successes, k = 0, 1, 2, ...
 * until it succeeds; every failure must be SKPI_ENOMEM, leak nothing and
 * leave the series as it was. */
#define OOM_LOOP(series, op)                                                  \
    do {                                                                      \
        for (long k_ = 0;; k_++) {                                            \
            snapshot before_ = snap(series);                                  \
            long live_ = test_alloc_live();                                   \
            test_alloc_fail_after(k_);                                        \
            int rc_ = (op);                                                   \
            test_alloc_fail_after(-1);                                        \
            if (rc_ == SKPI_OK) {                                             \
                free(before_.t);                                              \
                free(before_.v);                                              \
                break;                                                        \
            }                                                                 \
            assert_int_equal(rc_, SKPI_ENOMEM);                               \
            assert_int_equal(test_alloc_live(), live_);                       \
            assert_unchanged(series, before_);                                \
            assert_true(k_ < 100);                                            \
        }                                                                     \
    } while (0)

static void oom_new_and_clone(void **state)
{
    (void)state;
    for (long k = 0;; k++) {
        long live = test_alloc_live();
        skpi_series *s = NULL;
        test_alloc_fail_after(k);
        int rc = skpi_series_new(&s, "impressions", "x:@acme");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            skpi_series_free(s);
            assert_int_equal(test_alloc_live(), live);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(s);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_series *s = ten_days();
    for (long k = 0;; k++) {
        long live = test_alloc_live();
        skpi_series *c = NULL;
        test_alloc_fail_after(k);
        int rc = skpi_series_clone(&c, s);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_int_equal(skpi_series_length(c), 10);
            skpi_series_free(c);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(c);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_series_free(s);
}

static void oom_append(void **state)
{
    (void)state;
    skpi_series *s = make("m");
    assert_int_equal(skpi_series_set_duplicate_policy(s, SKPI_DUPLICATE_SUM), SKPI_OK);
    /* sorted into an empty series */
    skpi_time t1[] = { 100, 200, 300 };
    double v1[] = { 1, 2, 3 };
    OOM_LOOP(s, skpi_series_append(s, t1, v1, 3));
    /* sorted, after the end, growing */
    skpi_time t2[] = { 400, 500, 600 };
    OOM_LOOP(s, skpi_series_append(s, t2, v1, 3));
    /* unsorted with duplicates inside the call and against the series */
    skpi_time t3[] = { 250, 100, 250, 50, 700 };
    double v3[] = { 1, 10, 2, 5, 7 };
    OOM_LOOP(s, skpi_series_append(s, t3, v3, 5));
    skpi_time et[] = { 50, 100, 200, 250, 300, 400, 500, 600, 700 };
    double ev[] = { 5, 11, 2, 3, 3, 1, 2, 3, 7 };
    assert_points(s, et, ev, 9);
    /* its own arrays (copied first) */
    OOM_LOOP(s, skpi_series_append(s, skpi_series_times(s), skpi_series_values(s), 9));
    double ev2[] = { 10, 22, 4, 6, 6, 2, 4, 6, 14 };
    assert_points(s, et, ev2, 9);
    /* a small block that triggers the 1/8 growth */
    enum { N = 64 };
    skpi_time big[N];
    double ones[N];
    for (int i = 0; i < N; i++) {
        big[i] = 1000 + i;
        ones[i] = 1;
    }
    OOM_LOOP(s, skpi_series_append(s, big, ones, N));
    skpi_time one[] = { 5000 };
    OOM_LOOP(s, skpi_series_append(s, one, ones, 1));
    assert_int_equal(skpi_series_length(s), 9 + N + 1);
    skpi_series_free(s);
}

static void oom_rollup(void **state)
{
    (void)state;
    skpi_calendar *cal;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    skpi_series *s = daily_with_gaps();
    for (int empty = 0; empty < 2; empty++) {
        skpi_series *src = empty ? make("empty") : s;
        for (long k = 0;; k++) {
            long live = test_alloc_live();
            skpi_series *r = NULL;
            test_alloc_fail_after(k);
            int rc = skpi_series_rollup(&r, src, cal, SKPI_CADENCE_WEEK, SKPI_AGG_SUM);
            test_alloc_fail_after(-1);
            if (rc == SKPI_OK) {
                assert_int_equal(skpi_series_length(r), empty ? 0 : 4);
                skpi_series_free(r);
                break;
            }
            assert_int_equal(rc, SKPI_ENOMEM);
            assert_null(r);
            assert_int_equal(test_alloc_live(), live);
        }
        if (empty) skpi_series_free(src);
    }
    skpi_series_free(s);
    skpi_calendar_free(cal);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_and_getters),
        cmocka_unit_test(new_errors),
        cmocka_unit_test(getters_accept_null),
        cmocka_unit_test(keys_are_copied),
        cmocka_unit_test(policy_setter),
        cmocka_unit_test(clone_is_deep),
        cmocka_unit_test(append_sorted),
        cmocka_unit_test(append_unsorted_merges),
        cmocka_unit_test(append_large_reversed_block),
        cmocka_unit_test(duplicates_within_one_call),
        cmocka_unit_test(duplicates_with_nan),
        cmocka_unit_test(duplicates_across_calls),
        cmocka_unit_test(sum_of_duplicates_must_stay_finite),
        cmocka_unit_test(nan_is_kept_as_missing),
        cmocka_unit_test(infinity_is_rejected),
        cmocka_unit_test(append_argument_errors),
        cmocka_unit_test(times_out_of_range),
        cmocka_unit_test(append_own_arrays),
        cmocka_unit_test(capacity_rule),
        cmocka_unit_test(search_from_any_hint),
        cmocka_unit_test(sum_beats_pairwise_on_cancellation),
        cmocka_unit_test(sum_of_big_and_many_small),
        cmocka_unit_test(sum_variants_agree_and_are_exact_on_integers),
        cmocka_unit_test(sum_variants_agree_bit_for_bit),
        cmocka_unit_test(sum_overflow_reports_infinity),
        cmocka_unit_test(aggregate_each_kind),
        cmocka_unit_test(aggregate_without_present_values),
        cmocka_unit_test(aggregate_errors),
        cmocka_unit_test(rollup_weeks_with_gaps),
        cmocka_unit_test(rollup_months_last_for_stocks),
        cmocka_unit_test(rollup_with_utc_offset),
        cmocka_unit_test(rollup_fiscal_quarters_years_and_sunday_weeks),
        cmocka_unit_test(rollup_of_empty_series),
        cmocka_unit_test(rollup_errors),
        cmocka_unit_test(rollup_minutes_matches_plain_grouping),
        cmocka_unit_test(oom_new_and_clone),
        cmocka_unit_test(oom_append),
        cmocka_unit_test(oom_rollup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
