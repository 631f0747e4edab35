/* Tests of okr.h: objectives, key results, check-ins, scoring, curves, bands,
 * alignment, verdicts and trajectories. Every expected number is worked out by
 * hand in the comment next to it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "test_alloc.h"

#define TOL 1e-12

#include "test_double.h"

static skpi_time day(int y, int m, int d)
{
    skpi_time t = 0;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

/* 2026-Q1: 2026-01-01 to 2026-04-01, 31 + 28 + 31 = 90 days. */
static skpi_period q1(void)
{
    skpi_period p = { day(2026, 1, 1), day(2026, 4, 1) };
    return p;
}

static skpi_objective *objective(const char *title, int type)
{
    skpi_objective *o = NULL;
    assert_int_equal(skpi_objective_new(&o, title), SKPI_OK);
    assert_int_equal(skpi_objective_set_period(o, q1()), SKPI_OK);
    assert_int_equal(skpi_objective_set_type(o, type), SKPI_OK);
    return o;
}

/* A manual key result from start to target with one check-in on 2026-01-15. */
static skpi_key_result *manual(skpi_objective *o, const char *title, double start, double target,
                               double value)
{
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_MANUAL, title), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, start, target), SKPI_OK);
    if (!isnan(value))
        assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 1, 15), value, NAN, NULL), SKPI_OK);
    return kr;
}

static skpi_okr_result *score(const skpi_objective *o, skpi_time as_of, const skpi_okr_options *opts)
{
    skpi_okr_result *r = NULL;
    int rc = skpi_objective_score(&r, o, NULL, as_of, opts);
    if (rc != SKPI_OK) fail_msg("skpi_objective_score: %s", skpi_last_error());
    return r;
}

static double kr_score(const skpi_okr_result *r, size_t i)
{
    double s = NAN;
    assert_int_equal(skpi_okr_result_kr_score(&s, NULL, NULL, r, i), SKPI_OK);
    return s;
}

static double kr_rounded(const skpi_okr_result *r, size_t i)
{
    double s = NAN;
    assert_int_equal(skpi_okr_result_kr_score(NULL, &s, NULL, r, i), SKPI_OK);
    return s;
}

/* The error message mentions `part`. */
static void assert_message(const char *part)
{
    if (strstr(skpi_last_error(), part) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", skpi_last_error(), part);
}

/* ------------------------------------------------------------------ */

static void limits_names_and_options(void **state)
{
    (void)state;
    assert_int_equal(skpi_okr_max_key_results(), 5);
    assert_int_equal(skpi_okr_curve_max_points(), 16);
    assert_int_equal(skpi_okr_max_depth(), 32);
    assert_int_equal(skpi_okr_trajectory_max_points(), 10000);

    skpi_okr_options o;
    memset(&o, 0xff, sizeof o);
    assert_int_equal(skpi_okr_options_init(&o, SKPI_OKR_OPTIONS_VERSION), SKPI_OK);
    skpi_okr_options m = SKPI_OKR_OPTIONS_INIT;
    assert_int_equal(o.version, SKPI_OKR_OPTIONS_VERSION);
    assert_int_equal(o.curve, SKPI_OKR_CURVE_OBJECTIVE);
    assert_null(o.curve_x);
    assert_int_equal(o.curve_points, 0);
    assert_int_equal(o.weakest, 0);
    assert_true(o.yellow_from == 0.4 && m.yellow_from == 0.4);
    assert_true(o.green_from == 0.7 && m.green_from == 0.7);
    assert_true(o.on_track_gap == 0.1 && o.at_risk_gap == 0.2);
    assert_int_equal(skpi_okr_options_init(NULL, SKPI_OKR_OPTIONS_VERSION), SKPI_EMISUSE);
    assert_int_equal(skpi_okr_options_init(&o, 2), SKPI_EVERSION);

    assert_string_equal(skpi_okr_band_name(SKPI_OKR_RED), "red");
    assert_string_equal(skpi_okr_band_name(SKPI_OKR_YELLOW), "yellow");
    assert_string_equal(skpi_okr_band_name(SKPI_OKR_GREEN), "green");
    assert_string_equal(skpi_okr_band_name(3), "unknown");
    assert_string_equal(skpi_okr_status_name(SKPI_OKR_NOT_STARTED), "not started");
    assert_string_equal(skpi_okr_status_name(SKPI_OKR_ON_TRACK), "on track");
    assert_string_equal(skpi_okr_status_name(SKPI_OKR_AT_RISK), "at risk");
    assert_string_equal(skpi_okr_status_name(SKPI_OKR_OFF_TRACK), "off track");
    assert_string_equal(skpi_okr_status_name(-1), "unknown");
    assert_string_equal(skpi_okr_verdict_name(SKPI_OKR_IN_PROGRESS), "in progress");
    assert_string_equal(skpi_okr_verdict_name(SKPI_OKR_COMMITTED_MET), "met");
    assert_string_equal(skpi_okr_verdict_name(SKPI_OKR_COMMITTED_MISSED), "missed");
    assert_string_equal(skpi_okr_verdict_name(SKPI_OKR_ASPIRATIONAL_BELOW), "below the success range");
    assert_string_equal(skpi_okr_verdict_name(SKPI_OKR_ASPIRATIONAL_SUCCESS), "success");
    assert_string_equal(skpi_okr_verdict_name(SKPI_OKR_ASPIRATIONAL_ABOVE), "above the success range");
    assert_string_equal(skpi_okr_verdict_name(SKPI_OKR_NOT_AMBITIOUS), "not ambitious enough");
    assert_string_equal(skpi_okr_verdict_name(7), "unknown");
    assert_string_equal(skpi_okr_curve_name(SKPI_OKR_CURVE_OBJECTIVE), "objective");
    assert_string_equal(skpi_okr_curve_name(SKPI_OKR_CURVE_LINEAR), "linear");
    assert_string_equal(skpi_okr_curve_name(SKPI_OKR_CURVE_STRETCH), "stretch");
    assert_string_equal(skpi_okr_curve_name(SKPI_OKR_CURVE_THREE_LEVEL), "three-level");
    assert_string_equal(skpi_okr_curve_name(SKPI_OKR_CURVE_CUSTOM), "custom");
    assert_string_equal(skpi_okr_curve_name(5), "unknown");
}

static void objective_fields(void **state)
{
    (void)state;
    skpi_objective *o = NULL;
    assert_int_equal(skpi_objective_new(&o, "Become the brand people talk about"), SKPI_OK);
    assert_string_equal(skpi_objective_title(o), "Become the brand people talk about");
    assert_string_equal(skpi_objective_description(o), "");
    assert_string_equal(skpi_objective_owner(o), "");
    assert_int_equal(skpi_objective_type(o), SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_curve(o), SKPI_OKR_CURVE_LINEAR);
    assert_int_equal(skpi_objective_curve_point_count(o), 0);
    assert_null(skpi_objective_parent(o));
    assert_true(isnan(skpi_objective_alignment_weight(o)));
    assert_int_equal(skpi_objective_child_count(o), 0);
    assert_int_equal(skpi_objective_key_result_count(o), 0);
    skpi_period p;
    assert_int_equal(skpi_objective_period(&p, o), SKPI_ENOTFOUND);
    assert_message("no period");

    assert_int_equal(skpi_objective_set_title(o, "Be talked about"), SKPI_OK);
    assert_string_equal(skpi_objective_title(o), "Be talked about");
    assert_int_equal(skpi_objective_set_description(o, "Word of mouth sells"), SKPI_OK);
    assert_string_equal(skpi_objective_description(o), "Word of mouth sells");
    assert_int_equal(skpi_objective_set_description(o, NULL), SKPI_OK);
    assert_string_equal(skpi_objective_description(o), "");
    assert_int_equal(skpi_objective_set_owner(o, "Social team"), SKPI_OK);
    assert_string_equal(skpi_objective_owner(o), "Social team");
    assert_int_equal(skpi_objective_set_period(o, q1()), SKPI_OK);
    assert_int_equal(skpi_objective_period(&p, o), SKPI_OK);
    assert_true(p.start == day(2026, 1, 1) && p.end == day(2026, 4, 1));
    assert_int_equal(skpi_objective_set_type(o, SKPI_OBJECTIVE_COMMITTED), SKPI_OK);
    assert_int_equal(skpi_objective_type(o), SKPI_OBJECTIVE_COMMITTED);
    assert_int_equal(skpi_objective_set_curve(o, SKPI_OKR_CURVE_THREE_LEVEL), SKPI_OK);
    assert_int_equal(skpi_objective_curve(o), SKPI_OKR_CURVE_THREE_LEVEL);
    skpi_objective_free(o);
    skpi_objective_free(NULL);
}

static void key_result_fields(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_MANUAL, "Response time"), SKPI_OK);
    assert_ptr_equal(skpi_objective_key_result(o, 0), kr);
    assert_ptr_equal(skpi_key_result_objective(kr), o);
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_MANUAL);
    assert_string_equal(skpi_key_result_title(kr), "Response time");
    assert_true(skpi_key_result_weight(kr) == 1.0);
    assert_true(isnan(skpi_key_result_stretch(kr)));
    assert_true(isnan(skpi_key_result_commit(kr)));
    assert_null(skpi_key_result_metric(kr));
    assert_null(skpi_key_result_selector(kr));
    double s = 0, t = 0;
    assert_int_equal(skpi_key_result_range(&s, &t, kr), SKPI_ENOTFOUND);
    assert_int_equal(skpi_key_result_direction(kr), SKPI_ENOTFOUND);

    /* Response time from 4 h to 1 h: a decreasing key result. */
    assert_int_equal(skpi_key_result_set_range(kr, 4.0, 1.0), SKPI_OK);
    assert_int_equal(skpi_key_result_range(&s, &t, kr), SKPI_OK);
    assert_true(s == 4.0 && t == 1.0);
    assert_int_equal(skpi_key_result_direction(kr), SKPI_KR_DECREASE);
    assert_int_equal(skpi_key_result_set_stretch(kr, 0.5), SKPI_OK);
    assert_true(skpi_key_result_stretch(kr) == 0.5);
    assert_int_equal(skpi_key_result_set_commit(kr, 3.0), SKPI_OK);
    assert_true(skpi_key_result_commit(kr) == 3.0);
    assert_int_equal(skpi_key_result_set_weight(kr, 2.5), SKPI_OK);
    assert_true(skpi_key_result_weight(kr) == 2.5);
    assert_int_equal(skpi_key_result_set_title(kr, "First response time"), SKPI_OK);
    assert_string_equal(skpi_key_result_title(kr), "First response time");
    /* clearing */
    assert_int_equal(skpi_key_result_set_stretch(kr, NAN), SKPI_OK);
    assert_true(isnan(skpi_key_result_stretch(kr)));
    assert_int_equal(skpi_key_result_set_commit(kr, NAN), SKPI_OK);

    skpi_key_result *m = NULL;
    assert_int_equal(skpi_objective_add_key_result(&m, o, SKPI_KR_METRIC, "Reach"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_metric(m, "reach", "instagram:*"), SKPI_OK);
    assert_string_equal(skpi_key_result_metric(m), "reach");
    assert_string_equal(skpi_key_result_selector(m), "instagram:*");
    assert_int_equal(skpi_key_result_set_metric(m, "impressions", "*"), SKPI_OK);
    assert_string_equal(skpi_key_result_metric(m), "impressions");

    skpi_key_result *ms = NULL;
    assert_int_equal(skpi_objective_add_key_result(&ms, o, SKPI_KR_MILESTONE, "Crisis plan signed"), SKPI_OK);
    assert_int_equal(skpi_key_result_range(&s, &t, ms), SKPI_OK);
    assert_true(s == 0.0 && t == 1.0);
    assert_int_equal(skpi_key_result_direction(ms), SKPI_KR_INCREASE);

    /* add with out = NULL; remove the middle one: later ones move down */
    assert_int_equal(skpi_objective_add_key_result(NULL, o, SKPI_KR_MANUAL, "Fourth"), SKPI_OK);
    assert_int_equal(skpi_objective_key_result_count(o), 4);
    assert_int_equal(skpi_objective_remove_key_result(o, 1), SKPI_OK);
    assert_int_equal(skpi_objective_key_result_count(o), 3);
    assert_ptr_equal(skpi_objective_key_result(o, 0), kr);
    assert_ptr_equal(skpi_objective_key_result(o, 1), ms);
    assert_string_equal(skpi_key_result_title(skpi_objective_key_result(o, 2)), "Fourth");
    assert_null(skpi_objective_key_result(o, 3));
    assert_int_equal(skpi_objective_remove_key_result(o, 3), SKPI_ERANGE);
    skpi_objective_free(o);
}

/* ------------------------------------------------------------------ */
/* Google-style grading                                               */

static void kr_at_7_of_10_scores_0_7(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    manual(o, "Publish 10 case studies", 0, 10, 7);
    skpi_okr_result *r = score(o, day(2026, 2, 15), NULL);
    /* (7 - 0) / (10 - 0) = 0.7; one key result, so the objective is 0.7 too */
    double sc, rd, val, ach;
    int band, avail;
    assert_int_equal(skpi_okr_result_kr_score(&sc, &rd, &band, r, 0), SKPI_OK);
    assert_double_equal(sc, 0.7, TOL);
    assert_double_equal(rd, 0.7, TOL);
    assert_int_equal(band, SKPI_OKR_GREEN);
    assert_int_equal(skpi_okr_result_kr_value(&val, &avail, &ach, r, 0), SKPI_OK);
    assert_true(val == 7.0);
    assert_int_equal(avail, SKPI_AVAILABLE);
    assert_double_equal(ach, 0.7, TOL);
    assert_double_equal(skpi_okr_result_score(r), 0.7, TOL);
    assert_double_equal(skpi_okr_result_rounded(r), 0.7, TOL);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_GREEN);
    assert_int_equal(skpi_okr_result_kr_count(r), 1);
    assert_int_equal(skpi_okr_result_child_count(r), 0);
    assert_null(skpi_okr_result_child(r, 0));
    assert_true(skpi_okr_result_as_of(r) == day(2026, 2, 15));
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

static void decreasing_kr(void **state)
{
    (void)state;
    skpi_objective *o = objective("Answer faster", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *kr = manual(o, "Response time (hours)", 4, 1, 2);
    skpi_okr_result *r = score(o, day(2026, 2, 1), NULL);
    /* (2 - 4) / (1 - 4) = 2/3 = 0.667, rounded 0.7 */
    assert_double_equal(kr_score(r, 0), 2.0 / 3.0, TOL);
    assert_double_equal(kr_rounded(r, 0), 0.7, TOL);
    skpi_okr_result_free(r);

    /* 0.5 h is beyond the target: (0.5 - 4) / (1 - 4) = 1.167, clamped to 1.0 */
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 2, 1), 0.5, NAN, NULL), SKPI_OK);
    r = score(o, day(2026, 3, 1), NULL);
    double ach;
    assert_int_equal(skpi_okr_result_kr_value(NULL, NULL, &ach, r, 0), SKPI_OK);
    assert_double_equal(ach, 3.5 / 3.0, TOL);
    assert_double_equal(kr_score(r, 0), 1.0, TOL);
    skpi_okr_result_free(r);

    /* 5 h is worse than the start: (5 - 4) / (1 - 4) = -1/3, clamped to 0.0 */
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 3, 1), 5, NAN, NULL), SKPI_OK);
    r = score(o, day(2026, 3, 2), NULL);
    assert_double_equal(kr_score(r, 0), 0.0, TOL);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_RED);
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

static void milestone_kr(void **state)
{
    (void)state;
    skpi_objective *o = objective("Be ready for a crisis", SKPI_OBJECTIVE_COMMITTED);
    skpi_key_result *ms = NULL;
    assert_int_equal(skpi_objective_add_key_result(&ms, o, SKPI_KR_MILESTONE, "Crisis plan signed"), SKPI_OK);
    /* no check-in yet: completion 0, value missing */
    skpi_okr_result *r = score(o, day(2026, 1, 10), NULL);
    double val;
    int avail;
    assert_int_equal(skpi_okr_result_kr_value(&val, &avail, NULL, r, 0), SKPI_OK);
    assert_true(isnan(val));
    assert_int_equal(avail, SKPI_MISSING);
    assert_double_equal(kr_score(r, 0), 0.0, TOL);
    skpi_okr_result_free(r);

    assert_int_equal(skpi_key_result_add_checkin(ms, day(2026, 1, 20), 0.5, 0.8, "draft done"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(ms, day(2026, 3, 10), 1.0, 1.0, "signed"), SKPI_OK);
    /* half done on 2026-02-01: the score is the completion, 0.5 */
    r = score(o, day(2026, 2, 1), NULL);
    assert_double_equal(kr_score(r, 0), 0.5, TOL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_IN_PROGRESS);
    skpi_okr_result_free(r);
    /* done at the end of the quarter: 1.0, a committed objective met */
    r = score(o, day(2026, 4, 1), NULL);
    assert_double_equal(kr_score(r, 0), 1.0, TOL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_COMMITTED_MET);
    skpi_okr_result_free(r);
    /* a milestone is never curved: done scores 1.0 under the stretch curve too */
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.curve = SKPI_OKR_CURVE_STRETCH;
    r = score(o, day(2026, 4, 1), &opts);
    assert_double_equal(kr_score(r, 0), 1.0, TOL);
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

static void weights(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *a = manual(o, "A", 0, 10, 5);    /* 0.5 */
    skpi_key_result *b = manual(o, "B", 0, 200, 200); /* 1.0 */
    /* equal weights: (0.5 + 1.0) / 2 = 0.75, rounded 0.8 (half up), green */
    skpi_okr_result *r = score(o, day(2026, 2, 1), NULL);
    assert_double_equal(skpi_okr_result_score(r), 0.75, TOL);
    assert_double_equal(skpi_okr_result_rounded(r), 0.8, TOL);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_GREEN);
    assert_double_equal(skpi_okr_result_weakest(r), 0.5, TOL);
    skpi_okr_result_free(r);
    /* A weighs 3, B 1: (3 * 0.5 + 1 * 1.0) / 4 = 2.5 / 4 = 0.625, rounded 0.6, yellow */
    assert_int_equal(skpi_key_result_set_weight(a, 3), SKPI_OK);
    r = score(o, day(2026, 2, 1), NULL);
    assert_double_equal(skpi_okr_result_score(r), 0.625, TOL);
    assert_double_equal(skpi_okr_result_mean(r), 0.625, TOL);
    assert_double_equal(skpi_okr_result_rounded(r), 0.6, TOL);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_YELLOW);
    skpi_okr_result_free(r);
    /* B at weight 0 is listed but not scored: 0.5 */
    assert_int_equal(skpi_key_result_set_weight(b, 0), SKPI_OK);
    r = score(o, day(2026, 2, 1), NULL);
    assert_double_equal(skpi_okr_result_score(r), 0.5, TOL);
    assert_double_equal(kr_score(r, 1), 1.0, TOL);
    skpi_okr_result_free(r);
    /* every weight 0: nothing to score */
    assert_int_equal(skpi_key_result_set_weight(a, 0), SKPI_OK);
    skpi_okr_result *bad = NULL;
    assert_int_equal(skpi_objective_score(&bad, o, NULL, day(2026, 2, 1), NULL), SKPI_EINVAL);
    assert_null(bad);
    assert_message("weight 0");
    skpi_objective_free(o);
}

static void weakest_mode(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    manual(o, "A", 0, 10, 9);  /* 0.9 */
    manual(o, "B", 0, 10, 2);  /* 0.2 */
    manual(o, "C", 0, 10, 10); /* 1.0 */
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.weakest = 1;
    skpi_okr_result *r = score(o, day(2026, 2, 1), &opts);
    /* mean (0.9 + 0.2 + 1.0) / 3 = 0.7, but the weakest, 0.2, grades: red */
    assert_double_equal(skpi_okr_result_mean(r), 0.7, TOL);
    assert_double_equal(skpi_okr_result_weakest(r), 0.2, TOL);
    assert_double_equal(skpi_okr_result_score(r), 0.2, TOL);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_RED);
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

/* ------------------------------------------------------------------ */
/* Rounding and bands                                                  */

static void rounding_half_up_and_bands(void **state)
{
    (void)state;
    /* achievement k/20 for k = 0..20 gives scores 0.00, 0.05, ..., 1.00; the
     * halves round up: 0.05 -> 0.1, 0.15 -> 0.2, ..., 0.95 -> 1.0. */
    for (int k = 0; k <= 20; k++) {
        skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
        manual(o, "A", 0, 20, k);
        skpi_okr_result *r = score(o, day(2026, 2, 1), NULL);
        double expect = (double)((k + 1) / 2) / 10.0;
        assert_double_equal(skpi_okr_result_rounded(r), expect, TOL);
        int band = expect < 0.35 ? SKPI_OKR_RED : expect < 0.65 ? SKPI_OKR_YELLOW : SKPI_OKR_GREEN;
        assert_int_equal(skpi_okr_result_band(r), band);
        skpi_okr_result_free(r);
        skpi_objective_free(o);
    }
    /* settable thresholds: yellow from 0.3, green from 0.8 */
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    manual(o, "A", 0, 10, 7);
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.yellow_from = 0.3;
    opts.green_from = 0.8;
    skpi_okr_result *r = score(o, day(2026, 2, 1), &opts);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_YELLOW);
    int band;
    assert_int_equal(skpi_okr_result_kr_score(NULL, NULL, &band, r, 0), SKPI_OK);
    assert_int_equal(band, SKPI_OKR_YELLOW);
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

/* ------------------------------------------------------------------ */
/* Curves                                                              */

static void stretch_preset(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_set_curve(o, SKPI_OKR_CURVE_STRETCH), SKPI_OK);
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_MANUAL, "New followers"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 100), SKPI_OK);
    assert_int_equal(skpi_key_result_set_stretch(kr, 150), SKPI_OK);
    /* points (0, 0), (1, 0.7), (1.5, 1.0) in achievement (stretch: 150/100) */
    struct { double value, score, rounded; } cases[] = {
        { 0, 0.0, 0.0 },
        { 50, 0.35, 0.4 },   /* 0.7 * 0.5 = 0.35: half up to 0.4 */
        { 100, 0.7, 0.7 },   /* the target scores 0.7 */
        { 125, 0.85, 0.9 },  /* 0.7 + 0.3 * (0.25 / 0.5) = 0.85 -> 0.9 */
        { 150, 1.0, 1.0 },   /* the stretch target scores 1.0 */
        { 200, 1.0, 1.0 },   /* beyond the stretch target: still 1.0 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        skpi_time t = day(2026, 1, 2) + (skpi_time)i * 86400;
        assert_int_equal(skpi_key_result_add_checkin(kr, t, cases[i].value, NAN, NULL), SKPI_OK);
        skpi_okr_result *r = score(o, t + 1, NULL);
        assert_double_equal(kr_score(r, 0), cases[i].score, TOL);
        assert_double_equal(kr_rounded(r, 0), cases[i].rounded, TOL);
        skpi_okr_result_free(r);
    }
    /* expected by elapsed time: halfway through Q1 (45 of 90 days) the value
     * on the straight line from start to target is 50, which scores 0.35 */
    skpi_okr_result *r = score(o, day(2026, 2, 15), NULL);
    double expected;
    assert_int_equal(skpi_okr_result_kr_progress(&expected, NULL, r, 0), SKPI_OK);
    assert_double_equal(expected, 0.35, TOL);
    assert_double_equal(skpi_okr_result_elapsed(r), 0.5, TOL);
    skpi_okr_result_free(r);

    /* the same curve on a decreasing key result: 4 h -> 1 h, stretch 0.5 h */
    skpi_objective *d = objective("D", SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_set_curve(d, SKPI_OKR_CURVE_STRETCH), SKPI_OK);
    skpi_key_result *rt = manual(d, "Response time", 4, 1, 0.75);
    assert_int_equal(skpi_key_result_set_stretch(rt, 0.5), SKPI_OK);
    r = score(d, day(2026, 2, 1), NULL);
    /* a = (0.75 - 4) / (1 - 4) = 13/12; stretch at (0.5 - 4) / (1 - 4) = 7/6;
     * 0.7 + 0.3 * (13/12 - 1) / (7/6 - 1) = 0.7 + 0.3 * 0.5 = 0.85 */
    assert_double_equal(kr_score(r, 0), 0.85, 1e-9);
    skpi_okr_result_free(r);

    /* the stretch curve on a key result without stretch target is refused */
    skpi_key_result *plain = manual(d, "Plain", 0, 10, 5);
    (void)plain;
    skpi_okr_result *bad = NULL;
    assert_int_equal(skpi_objective_score(&bad, d, NULL, day(2026, 2, 1), NULL), SKPI_EINVAL);
    assert_null(bad);
    assert_message("stretch target");
    assert_message("\"Plain\"");
    skpi_objective_free(d);
    skpi_objective_free(o);
}

static void three_level_preset(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_MANUAL, "Leads"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 100), SKPI_OK);
    assert_int_equal(skpi_key_result_set_commit(kr, 40), SKPI_OK);
    assert_int_equal(skpi_key_result_set_stretch(kr, 150), SKPI_OK);
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.curve = SKPI_OKR_CURVE_THREE_LEVEL; /* per call, over the objective's linear curve */
    /* points (0, 0), (0.4, 0.3), (1, 0.7), (1.5, 1.0) */
    struct { double value, score, rounded; } cases[] = {
        { 20, 0.15, 0.2 },  /* 0.3 * 0.2 / 0.4 = 0.15 -> 0.2 */
        { 40, 0.3, 0.3 },   /* the commit value scores 0.3 */
        { 70, 0.5, 0.5 },   /* 0.3 + 0.4 * (0.3 / 0.6) = 0.5 */
        { 100, 0.7, 0.7 },
        { 125, 0.85, 0.9 },
        { 150, 1.0, 1.0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        skpi_time t = day(2026, 1, 2) + (skpi_time)i * 86400;
        assert_int_equal(skpi_key_result_add_checkin(kr, t, cases[i].value, NAN, NULL), SKPI_OK);
        skpi_okr_result *r = score(o, t + 1, &opts);
        assert_double_equal(kr_score(r, 0), cases[i].score, 1e-12);
        assert_double_equal(kr_rounded(r, 0), cases[i].rounded, TOL);
        skpi_okr_result_free(r);
    }
    /* without the commit value the three-level curve is refused */
    assert_int_equal(skpi_key_result_set_commit(kr, NAN), SKPI_OK);
    skpi_okr_result *bad = NULL;
    assert_int_equal(skpi_objective_score(&bad, o, NULL, day(2026, 2, 1), &opts), SKPI_EINVAL);
    assert_message("commit value");
    assert_int_equal(skpi_key_result_set_stretch(kr, NAN), SKPI_OK);
    assert_int_equal(skpi_objective_score(&bad, o, NULL, day(2026, 2, 1), &opts), SKPI_EINVAL);
    assert_message("both");
    assert_int_equal(skpi_key_result_set_commit(kr, 40), SKPI_OK);
    assert_int_equal(skpi_objective_score(&bad, o, NULL, day(2026, 2, 1), &opts), SKPI_EINVAL);
    assert_message("the stretch target");
    assert_null(bad);
    skpi_objective_free(o);
}

static void custom_curve(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    manual(o, "A", 0, 100, 75);
    const double x[] = { 0, 0.5, 1, 2 };
    const double y[] = { 0, 0.2, 0.6, 1 };
    assert_int_equal(skpi_objective_set_curve_points(o, x, y, 4), SKPI_OK);
    assert_int_equal(skpi_objective_curve(o), SKPI_OKR_CURVE_CUSTOM);
    assert_int_equal(skpi_objective_curve_point_count(o), 4);
    double px, py;
    assert_int_equal(skpi_objective_curve_point(&px, &py, o, 2), SKPI_OK);
    assert_true(px == 1 && py == 0.6);
    assert_int_equal(skpi_objective_curve_point(&px, &py, o, 4), SKPI_ERANGE);
    /* a = 0.75: 0.2 + (0.6 - 0.2) * (0.25 / 0.5) = 0.4 */
    skpi_okr_result *r = score(o, day(2026, 2, 1), NULL);
    assert_double_equal(kr_score(r, 0), 0.4, TOL);
    skpi_okr_result_free(r);

    /* per call: (0, 0) to (2, 1), so a = 0.75 scores 0.375 -> 0.4 */
    const double cx[] = { 0, 2 };
    const double cy[] = { 0, 1 };
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.curve = SKPI_OKR_CURVE_CUSTOM;
    opts.curve_x = cx;
    opts.curve_y = cy;
    opts.curve_points = 2;
    r = score(o, day(2026, 2, 1), &opts);
    assert_double_equal(kr_score(r, 0), 0.375, TOL);
    assert_double_equal(kr_rounded(r, 0), 0.4, TOL);
    skpi_okr_result_free(r);
    /* per call linear overrides the objective's custom curve: 0.75 */
    opts.curve = SKPI_OKR_CURVE_LINEAR;
    r = score(o, day(2026, 2, 1), &opts);
    assert_double_equal(kr_score(r, 0), 0.75, TOL);
    skpi_okr_result_free(r);

    /* a preset brings the objective back from custom points */
    assert_int_equal(skpi_objective_set_curve(o, SKPI_OKR_CURVE_LINEAR), SKPI_OK);
    assert_int_equal(skpi_objective_curve_point_count(o), 0);
    skpi_objective_free(o);
}

static void bad_curves(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    const double x[] = { 0, 0.5, 1 };
    const double y[] = { 0, 0.2, 0.6 };
    assert_int_equal(skpi_objective_set_curve_points(o, x, y, 3), SKPI_OK);
    const double nan_x[] = { 0, NAN };
    const double dup_x[] = { 0, 1, 1 };
    const double down_y[] = { 0, 0.5, 0.4 };
    const double big_y[] = { 0, 1.5 };
    const double neg_y[] = { -0.1, 0.5 };
    double many[17] = { 0 };
    assert_int_equal(skpi_objective_set_curve_points(o, nan_x, y, 2), SKPI_EINVAL);
    assert_message("point 1");
    assert_int_equal(skpi_objective_set_curve_points(o, dup_x, y, 3), SKPI_EINVAL);
    assert_message("strictly increase");
    assert_int_equal(skpi_objective_set_curve_points(o, x, down_y, 3), SKPI_EINVAL);
    assert_message("never score less");
    assert_int_equal(skpi_objective_set_curve_points(o, x, big_y, 2), SKPI_ERANGE);
    assert_int_equal(skpi_objective_set_curve_points(o, x, neg_y, 2), SKPI_ERANGE);
    assert_int_equal(skpi_objective_set_curve_points(o, x, y, 1), SKPI_ERANGE);
    assert_int_equal(skpi_objective_set_curve_points(o, many, many, 17), SKPI_ERANGE);
    assert_int_equal(skpi_objective_set_curve_points(o, NULL, y, 2), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_curve_points(NULL, x, y, 2), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_curve(o, SKPI_OKR_CURVE_CUSTOM), SKPI_EINVAL);
    assert_int_equal(skpi_objective_set_curve(o, SKPI_OKR_CURVE_OBJECTIVE), SKPI_EINVAL);
    assert_int_equal(skpi_objective_set_curve(o, 9), SKPI_EINVAL);
    /* unchanged: still the three custom points */
    assert_int_equal(skpi_objective_curve(o), SKPI_OKR_CURVE_CUSTOM);
    assert_int_equal(skpi_objective_curve_point_count(o), 3);
    double px, py;
    assert_int_equal(skpi_objective_curve_point(&px, &py, o, 1), SKPI_OK);
    assert_true(px == 0.5 && py == 0.2);
    skpi_objective_free(o);
}

/* ------------------------------------------------------------------ */
/* Alignment                                                           */

static void three_level_alignment_tree(void **state)
{
    (void)state;
    skpi_objective *company = objective("Company", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_objective *dept = objective("Marketing", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_objective *team = objective("Social team", SKPI_OBJECTIVE_ASPIRATIONAL);
    manual(company, "Revenue from social (k$)", 0, 1000, 300); /* 0.3 */
    manual(dept, "Leads (k)", 0, 10, 5);                     /* 0.5 */
    skpi_key_result *ms = NULL;
    assert_int_equal(skpi_objective_add_key_result(&ms, dept, SKPI_KR_MILESTONE, "New site"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(ms, day(2026, 1, 20), 1.0, NAN, "live"), SKPI_OK); /* 1.0 */
    manual(team, "Engaged followers", 0, 100, 80);            /* 0.8 */
    assert_int_equal(skpi_objective_set_parent(team, dept, 2), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(dept, company, 1), SKPI_OK);
    assert_ptr_equal(skpi_objective_parent(team), dept);
    assert_true(skpi_objective_alignment_weight(team) == 2);
    assert_int_equal(skpi_objective_child_count(company), 1);
    assert_ptr_equal(skpi_objective_child(company, 0), dept);
    assert_null(skpi_objective_child(company, 1));

    skpi_okr_result *r = score(company, day(2026, 2, 1), NULL);
    /* team = 0.8
     * dept = (1 * 0.5 + 1 * 1.0 + 2 * 0.8) / (1 + 1 + 2) = 3.1 / 4 = 0.775 -> 0.8
     * company = (1 * 0.3 + 1 * 0.775) / 2 = 1.075 / 2 = 0.5375 -> 0.5, yellow */
    assert_double_equal(skpi_okr_result_score(r), 0.5375, TOL);
    assert_double_equal(skpi_okr_result_rounded(r), 0.5, TOL);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_YELLOW);
    assert_int_equal(skpi_okr_result_child_count(r), 1);
    const skpi_okr_result *rd = skpi_okr_result_child(r, 0);
    assert_double_equal(skpi_okr_result_score(rd), 0.775, TOL);
    assert_double_equal(skpi_okr_result_rounded(rd), 0.8, TOL);
    assert_int_equal(skpi_okr_result_kr_count(rd), 2);
    const skpi_okr_result *rt = skpi_okr_result_child(rd, 0);
    assert_double_equal(skpi_okr_result_score(rt), 0.8, TOL);
    assert_int_equal(skpi_okr_result_child_count(rt), 0);
    /* a borrowed result cannot be freed on its own */
    skpi_okr_result_free((skpi_okr_result *)rd);
    skpi_okr_result_free(r);

    /* graded by the weakest item: team 0.8; dept min(0.5, 1.0, 0.8) = 0.5;
     * company min(0.3, 0.5) = 0.3, red */
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.weakest = 1;
    r = score(company, day(2026, 2, 1), &opts);
    assert_double_equal(skpi_okr_result_score(r), 0.3, TOL);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_RED);
    assert_double_equal(skpi_okr_result_score(skpi_okr_result_child(r, 0)), 0.5, TOL);
    skpi_okr_result_free(r);

    /* cycles are refused and nothing changes */
    assert_int_equal(skpi_objective_set_parent(company, team, 1), SKPI_EINVAL);
    assert_message("cycle");
    assert_int_equal(skpi_objective_set_parent(company, dept, 1), SKPI_EINVAL);
    assert_int_equal(skpi_objective_set_parent(team, team, 1), SKPI_EINVAL);
    assert_message("itself");
    assert_null(skpi_objective_parent(company));
    assert_int_equal(skpi_objective_child_count(team), 0);
    assert_ptr_equal(skpi_objective_parent(team), dept);
    /* bad weights: nothing changes */
    assert_int_equal(skpi_objective_set_parent(team, company, -1), SKPI_ERANGE);
    assert_int_equal(skpi_objective_set_parent(team, company, 2e6), SKPI_ERANGE);
    assert_int_equal(skpi_objective_set_parent(team, company, NAN), SKPI_EINVAL);
    assert_ptr_equal(skpi_objective_parent(team), dept);
    assert_true(skpi_objective_alignment_weight(team) == 2);

    /* same parent: the weight changes. (1 * 0.5 + 1 * 1.0 + 0 * 0.8) / 2 = 0.75 */
    assert_int_equal(skpi_objective_set_parent(team, dept, 0), SKPI_OK);
    assert_int_equal(skpi_objective_child_count(dept), 1);
    r = score(dept, day(2026, 2, 1), NULL);
    assert_double_equal(skpi_okr_result_score(r), 0.75, TOL);
    skpi_okr_result_free(r);

    /* moving the team straight under the company leaves the department */
    assert_int_equal(skpi_objective_set_parent(team, company, 1), SKPI_OK);
    assert_int_equal(skpi_objective_child_count(dept), 0);
    assert_int_equal(skpi_objective_child_count(company), 2);
    assert_ptr_equal(skpi_objective_child(company, 1), team);
    /* detach */
    assert_int_equal(skpi_objective_set_parent(team, NULL, 0), SKPI_OK);
    assert_null(skpi_objective_parent(team));
    assert_true(isnan(skpi_objective_alignment_weight(team)));
    assert_int_equal(skpi_objective_child_count(company), 1);
    assert_int_equal(skpi_objective_set_parent(team, NULL, 0), SKPI_OK);

    /* freeing a parent leaves its children top-level; freeing a child
     * removes it from its parent */
    assert_int_equal(skpi_objective_set_parent(team, dept, 1), SKPI_OK);
    skpi_objective_free(dept);
    assert_null(skpi_objective_parent(team));
    assert_int_equal(skpi_objective_child_count(company), 0);
    assert_int_equal(skpi_objective_set_parent(team, company, 1), SKPI_OK);
    skpi_objective_free(team);
    assert_int_equal(skpi_objective_child_count(company), 0);
    skpi_objective_free(company);
}

static void alignment_depth_limit(void **state)
{
    (void)state;
    /* a chain of 32 levels is the most allowed */
    skpi_objective *chain[33];
    for (int i = 0; i < 33; i++) chain[i] = objective("level", SKPI_OBJECTIVE_ASPIRATIONAL);
    for (int i = 1; i < 32; i++)
        assert_int_equal(skpi_objective_set_parent(chain[i], chain[i - 1], 1), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(chain[32], chain[31], 1), SKPI_ERANGE);
    assert_message("32");
    assert_null(skpi_objective_parent(chain[32]));
    /* the limit counts the subtree of the child too: 2 levels under level 31 */
    assert_int_equal(skpi_objective_set_parent(chain[32], chain[0], 1), SKPI_OK);
    skpi_objective *leaf = objective("leaf", SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_set_parent(leaf, chain[32], 1), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(chain[32], chain[30], 1), SKPI_ERANGE);
    assert_ptr_equal(skpi_objective_parent(chain[32]), chain[0]);
    assert_int_equal(skpi_objective_set_parent(chain[32], chain[29], 1), SKPI_OK);
    /* scoring the whole chain: every level has one key result at 0.5 */
    for (int i = 0; i < 33; i++) manual(chain[i], "k", 0, 2, 1);
    manual(leaf, "k", 0, 2, 1);
    skpi_okr_result *r = score(chain[0], day(2026, 2, 1), NULL);
    assert_double_equal(skpi_okr_result_score(r), 0.5, TOL);
    skpi_okr_result_free(r);
    skpi_objective_free(leaf);
    for (int i = 0; i < 33; i++) skpi_objective_free(chain[i]);
}

/* ------------------------------------------------------------------ */
/* Types and verdicts                                                  */

static void committed_vs_aspirational(void **state)
{
    (void)state;
    /* the same key results, 7 of 10 and 6 of 10: (0.7 + 0.6) / 2 = 0.65 -> 0.7 */
    skpi_objective *c = objective("Committed", SKPI_OBJECTIVE_COMMITTED);
    skpi_objective *a = objective("Aspirational", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_objective *both[2] = { c, a };
    for (int i = 0; i < 2; i++) {
        manual(both[i], "A", 0, 10, 7);
        manual(both[i], "B", 0, 10, 6);
    }
    for (int i = 0; i < 2; i++) {
        /* before the end: in progress whatever the type */
        skpi_okr_result *r = score(both[i], day(2026, 3, 31), NULL);
        assert_double_equal(skpi_okr_result_score(r), 0.65, TOL);
        assert_double_equal(skpi_okr_result_rounded(r), 0.7, TOL);
        assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_IN_PROGRESS);
        skpi_okr_result_free(r);
    }
    /* at the end: a committed objective below 1.0 is a miss; an aspirational
     * one at 0.7 is a success */
    skpi_okr_result *r = score(c, day(2026, 4, 1), NULL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_COMMITTED_MISSED);
    skpi_okr_result_free(r);
    r = score(a, day(2026, 4, 1), NULL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_ASPIRATIONAL_SUCCESS);
    skpi_okr_result_free(r);

    /* both at 1.0: committed met; aspirational not ambitious enough */
    for (int i = 0; i < 2; i++) {
        for (size_t k = 0; k < 2; k++)
            assert_int_equal(skpi_key_result_add_checkin(skpi_objective_key_result(both[i], k),
                                                         day(2026, 3, 1), 10, NAN, NULL), SKPI_OK);
    }
    r = score(c, day(2026, 4, 1), NULL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_COMMITTED_MET);
    skpi_okr_result_free(r);
    r = score(a, day(2026, 6, 1), NULL); /* any time after the end */
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_NOT_AMBITIOUS);
    skpi_okr_result_free(r);

    /* 9.6 of 10 on both: 0.96 rounds to 1.0, yet a committed objective that
     * delivered 96 % missed (the verdict uses the exact score) */
    for (int i = 0; i < 2; i++) {
        for (size_t k = 0; k < 2; k++)
            assert_int_equal(skpi_key_result_add_checkin(skpi_objective_key_result(both[i], k),
                                                         day(2026, 3, 2), 9.6, NAN, NULL), SKPI_OK);
    }
    r = score(c, day(2026, 4, 1), NULL);
    assert_double_equal(skpi_okr_result_rounded(r), 1.0, TOL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_COMMITTED_MISSED);
    skpi_okr_result_free(r);
    r = score(a, day(2026, 4, 1), NULL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_NOT_AMBITIOUS);
    skpi_okr_result_free(r);

    /* aspirational 0.85 -> 0.9: above the success range; 0.4: below it */
    skpi_key_result *k0 = skpi_objective_key_result(a, 0), *k1 = skpi_objective_key_result(a, 1);
    assert_int_equal(skpi_key_result_add_checkin(k0, day(2026, 3, 3), 8, NAN, NULL), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(k1, day(2026, 3, 3), 9, NAN, NULL), SKPI_OK);
    r = score(a, day(2026, 4, 1), NULL);
    assert_double_equal(skpi_okr_result_score(r), 0.85, TOL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_ASPIRATIONAL_ABOVE);
    skpi_okr_result_free(r);
    assert_int_equal(skpi_key_result_add_checkin(k0, day(2026, 3, 4), 4, NAN, NULL), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(k1, day(2026, 3, 4), 4, NAN, NULL), SKPI_OK);
    r = score(a, day(2026, 4, 1), NULL);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_ASPIRATIONAL_BELOW);
    skpi_okr_result_free(r);
    skpi_objective_free(c);
    skpi_objective_free(a);
}

/* ------------------------------------------------------------------ */
/* Check-ins                                                           */

static void checkins_out_of_order_are_sorted(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *kr = manual(o, "A", 0, 10, NAN);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 2, 1), 5, 0.6, "feb"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 1, 15), 3, 0.7, "jan"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 3, 1), 8, 0.9, NULL), SKPI_OK);
    assert_int_equal(skpi_key_result_checkin_count(kr), 3);
    skpi_time t;
    double v, c;
    const char *note;
    assert_int_equal(skpi_key_result_checkin(&t, &v, &c, &note, kr, 0), SKPI_OK);
    assert_true(t == day(2026, 1, 15) && v == 3 && c == 0.7);
    assert_string_equal(note, "jan");
    assert_int_equal(skpi_key_result_checkin(&t, &v, &c, &note, kr, 1), SKPI_OK);
    assert_true(t == day(2026, 2, 1) && v == 5);
    assert_int_equal(skpi_key_result_checkin(&t, &v, &c, &note, kr, 2), SKPI_OK);
    assert_true(t == day(2026, 3, 1) && v == 8);
    assert_string_equal(note, "");
    assert_int_equal(skpi_key_result_checkin(NULL, NULL, NULL, NULL, kr, 3), SKPI_ERANGE);

    /* as of 2026-02-10 the latest check-in is 5 -> 0.5; as of 2026-02-01
     * itself the check-in of that instant does not count yet: 3 -> 0.3 */
    skpi_okr_result *r = score(o, day(2026, 2, 10), NULL);
    assert_double_equal(kr_score(r, 0), 0.5, TOL);
    skpi_okr_result_free(r);
    r = score(o, day(2026, 2, 1), NULL);
    assert_double_equal(kr_score(r, 0), 0.3, TOL);
    skpi_okr_result_free(r);
    r = score(o, day(2026, 2, 1) + 1, NULL);
    assert_double_equal(kr_score(r, 0), 0.5, TOL);
    skpi_okr_result_free(r);

    /* a second check-in at the same time is refused, nothing changes */
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 2, 1), 6, 0.5, "again"), SKPI_EDUPLICATE);
    assert_message("already");
    assert_int_equal(skpi_key_result_checkin_count(kr), 3);
    assert_int_equal(skpi_key_result_add_checkin_by(kr, day(2026, 2, 1), 6, 0.5, "again", "Dana"),
                     SKPI_EDUPLICATE);
    assert_int_equal(skpi_key_result_checkin_count(kr), 3);

    /* who checked in: kept with its check-in through the sorting; "" when
     * not said */
    const char *who = NULL;
    assert_int_equal(skpi_key_result_add_checkin_by(kr, day(2026, 1, 20), 4, NAN, "mid-jan", "Dana"), SKPI_OK);
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 1), SKPI_OK);
    assert_string_equal(who, "Dana");
    assert_int_equal(skpi_key_result_checkin(&t, &v, &c, &note, kr, 1), SKPI_OK);
    assert_string_equal(note, "mid-jan");
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 0), SKPI_OK);
    assert_string_equal(who, "");
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 4), SKPI_ERANGE);
    assert_int_equal(skpi_key_result_checkin_author(NULL, kr, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_checkin_author(&who, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_add_checkin_by(NULL, day(2026, 1, 21), 4, NAN, NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_remove_checkin(kr, 1), SKPI_OK);
    assert_int_equal(skpi_key_result_checkin_count(kr), 3);
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 1), SKPI_OK);
    assert_string_equal(who, "");
    assert_int_equal(skpi_key_result_checkin(NULL, &v, NULL, NULL, kr, 1), SKPI_OK);
    assert_true(v == 5);

    /* removing the February check-in: as of 02-10, back to 3 -> 0.3 */
    assert_int_equal(skpi_key_result_remove_checkin(kr, 1), SKPI_OK);
    assert_int_equal(skpi_key_result_checkin_count(kr), 2);
    assert_int_equal(skpi_key_result_remove_checkin(kr, 2), SKPI_ERANGE);
    r = score(o, day(2026, 2, 10), NULL);
    assert_double_equal(kr_score(r, 0), 0.3, TOL);
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

static void confidence(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *a = manual(o, "A", 0, 10, NAN);
    skpi_key_result *b = manual(o, "B", 0, 10, NAN);
    manual(o, "C", 0, 10, 1); /* never gives a confidence */
    assert_int_equal(skpi_key_result_add_checkin(a, day(2026, 1, 10), 2, 0.9, NULL), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(a, day(2026, 1, 20), 3, NAN, NULL), SKPI_OK);
    /* a confidence-only check-in: no value, so the value stays 3 */
    assert_int_equal(skpi_key_result_add_checkin(a, day(2026, 1, 25), NAN, 0.6, "slower"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(b, day(2026, 1, 12), 5, 0.5, NULL), SKPI_OK);
    assert_int_equal(skpi_key_result_set_weight(b, 3), SKPI_OK);
    skpi_okr_result *r = score(o, day(2026, 2, 1), NULL);
    double latest, previous, value;
    assert_int_equal(skpi_okr_result_kr_value(&value, NULL, NULL, r, 0), SKPI_OK);
    assert_true(value == 3);
    /* A: latest 0.6, before it 0.9 (the 01-20 check-in gave none): falling */
    assert_int_equal(skpi_okr_result_kr_confidence(&latest, &previous, r, 0), SKPI_OK);
    assert_true(latest == 0.6 && previous == 0.9);
    assert_int_equal(skpi_okr_result_kr_confidence(&latest, &previous, r, 1), SKPI_OK);
    assert_true(latest == 0.5 && isnan(previous));
    assert_int_equal(skpi_okr_result_kr_confidence(&latest, &previous, r, 2), SKPI_OK);
    assert_true(isnan(latest) && isnan(previous));
    /* objective: weighted over the key results that gave one,
     * (1 * 0.6 + 3 * 0.5) / (1 + 3) = 2.1 / 4 = 0.525 */
    assert_double_equal(skpi_okr_result_confidence(r), 0.525, TOL);
    skpi_okr_result_free(r);
    /* before any confidence: NaN */
    r = score(o, day(2026, 1, 5), NULL);
    assert_true(isnan(skpi_okr_result_confidence(r)));
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

/* ------------------------------------------------------------------ */
/* Progress against elapsed time                                       */

static void expected_and_status(void **state)
{
    (void)state;
    /* as of 2026-02-15, 45 of Q1's 90 days have passed: elapsed 0.5, and the
     * linear curve expects 0.5 */
    struct { double value; int status; } cases[] = {
        { 6, SKPI_OKR_ON_TRACK },   /* ahead */
        { 4, SKPI_OKR_ON_TRACK },   /* gap 0.5 - 0.4 = 0.1: on track (at most 0.1) */
        { 3.5, SKPI_OKR_AT_RISK },  /* gap 0.15 */
        { 3, SKPI_OKR_AT_RISK },    /* gap 0.2: at risk (at most 0.2) */
        { 2, SKPI_OKR_OFF_TRACK },  /* gap 0.3 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
        manual(o, "A", 0, 10, cases[i].value);
        skpi_okr_result *r = score(o, day(2026, 2, 15), NULL);
        assert_double_equal(skpi_okr_result_elapsed(r), 0.5, TOL);
        assert_double_equal(skpi_okr_result_expected(r), 0.5, TOL);
        assert_int_equal(skpi_okr_result_status(r), cases[i].status);
        double expected;
        int status;
        assert_int_equal(skpi_okr_result_kr_progress(&expected, &status, r, 0), SKPI_OK);
        assert_double_equal(expected, 0.5, TOL);
        assert_int_equal(status, cases[i].status);
        skpi_okr_result_free(r);
        skpi_objective_free(o);
    }
    /* before the period: not started, elapsed 0, expected 0 */
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    manual(o, "A", 0, 10, NAN);
    skpi_okr_result *r = score(o, day(2025, 12, 1), NULL);
    assert_int_equal(skpi_okr_result_status(r), SKPI_OKR_NOT_STARTED);
    assert_double_equal(skpi_okr_result_elapsed(r), 0.0, TOL);
    assert_double_equal(skpi_okr_result_expected(r), 0.0, TOL);
    skpi_okr_result_free(r);
    r = score(o, day(2026, 1, 1), NULL);
    assert_int_equal(skpi_okr_result_status(r), SKPI_OKR_NOT_STARTED);
    skpi_okr_result_free(r);
    /* at the end: elapsed 1, expected 1; no value scores as the start, 0 */
    r = score(o, day(2026, 4, 1), NULL);
    assert_double_equal(skpi_okr_result_elapsed(r), 1.0, TOL);
    assert_double_equal(skpi_okr_result_expected(r), 1.0, TOL);
    assert_double_equal(skpi_okr_result_score(r), 0.0, TOL);
    assert_int_equal(skpi_okr_result_status(r), SKPI_OKR_OFF_TRACK);
    skpi_okr_result_free(r);
    /* custom gaps: on track within 0.05, at risk within 0.5 */
    manual(o, "B", 0, 10, 4); /* as of 02-15: A 0, B 0.4; mean 0.2, gap 0.3 */
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.on_track_gap = 0.05;
    opts.at_risk_gap = 0.5;
    r = score(o, day(2026, 2, 15), &opts);
    assert_double_equal(skpi_okr_result_score(r), 0.2, TOL);
    assert_int_equal(skpi_okr_result_status(r), SKPI_OKR_AT_RISK);
    int status;
    assert_int_equal(skpi_okr_result_kr_progress(NULL, &status, r, 1), SKPI_OK);
    assert_int_equal(status, SKPI_OKR_AT_RISK); /* gap 0.1 > 0.05 */
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

static void trajectory_monthly(void **state)
{
    (void)state;
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *kr = manual(o, "A", 0, 10, NAN);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 1, 20), 2, 0.8, NULL), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 2, 20), 5, 0.7, NULL), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 3, 20), 9, 0.9, NULL), SKPI_OK);

    skpi_okr_trajectory *t = NULL;
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, cal, SKPI_CADENCE_MONTH,
                                               day(2026, 4, 1), NULL), SKPI_OK);
    assert_int_equal(skpi_okr_trajectory_length(t), 3);
    /* January, scored as of 02-01: value 2 -> 0.2; elapsed 31/90, expected
     * 0.344, gap 0.144: at risk.
     * February, as of 03-01: 5 -> 0.5; elapsed 59/90 = 0.656, gap 0.156: at risk.
     * March, as of 04-01: 9 -> 0.9; elapsed 1, gap 0.1: on track. */
    struct { int m; double score, elapsed, conf; int status; } want[] = {
        { 1, 0.2, 31.0 / 90.0, 0.8, SKPI_OKR_AT_RISK },
        { 2, 0.5, 59.0 / 90.0, 0.7, SKPI_OKR_AT_RISK },
        { 3, 0.9, 1.0, 0.9, SKPI_OKR_ON_TRACK },
    };
    for (size_t i = 0; i < 3; i++) {
        skpi_period p;
        assert_int_equal(skpi_okr_trajectory_period(&p, t, i), SKPI_OK);
        assert_true(p.start == day(2026, want[i].m, 1) && p.end == day(2026, want[i].m + 1, 1));
        const skpi_okr_result *r = skpi_okr_trajectory_result(t, i);
        assert_non_null(r);
        assert_true(skpi_okr_result_as_of(r) == p.end);
        assert_double_equal(skpi_okr_result_score(r), want[i].score, TOL);
        assert_double_equal(skpi_okr_result_elapsed(r), want[i].elapsed, TOL);
        assert_double_equal(skpi_okr_result_expected(r), want[i].elapsed, TOL);
        assert_int_equal(skpi_okr_result_status(r), want[i].status);
        assert_double_equal(skpi_okr_result_confidence(r), want[i].conf, TOL);
        /* a borrowed result: freeing it does nothing */
        skpi_okr_result_free((skpi_okr_result *)r);
    }
    skpi_period p;
    assert_int_equal(skpi_okr_trajectory_period(&p, t, 3), SKPI_ERANGE);
    assert_null(skpi_okr_trajectory_result(t, 3));
    skpi_okr_trajectory_free(t);

    /* as of 03-10 the last point is March so far: value 5 -> 0.5 as of 03-10 */
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, cal, SKPI_CADENCE_MONTH,
                                               day(2026, 3, 10), NULL), SKPI_OK);
    assert_int_equal(skpi_okr_trajectory_length(t), 3);
    const skpi_okr_result *last = skpi_okr_trajectory_result(t, 2);
    assert_true(skpi_okr_result_as_of(last) == day(2026, 3, 10));
    assert_double_equal(skpi_okr_result_score(last), 0.5, TOL);
    skpi_okr_trajectory_free(t);

    /* as of 03-01 exactly: January and February only */
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, cal, SKPI_CADENCE_MONTH,
                                               day(2026, 3, 1), NULL), SKPI_OK);
    assert_int_equal(skpi_okr_trajectory_length(t), 2);
    skpi_okr_trajectory_free(t);

    /* nothing before the period starts */
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, cal, SKPI_CADENCE_WEEK,
                                               day(2026, 1, 1), NULL), SKPI_OK);
    assert_int_equal(skpi_okr_trajectory_length(t), 0);
    assert_null(skpi_okr_trajectory_result(t, 0));
    skpi_okr_trajectory_free(t);

    /* weekly: 2026-01-01 is a Thursday, so the first ISO week began on
     * 2025-12-29; the last week holding Q1 begins on Monday 2026-03-30.
     * From 2025-12-29 to 2026-03-30 is 91 days = 13 weeks, so 14 points. */
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, cal, SKPI_CADENCE_WEEK,
                                               day(2026, 12, 31), NULL), SKPI_OK);
    assert_int_equal(skpi_okr_trajectory_length(t), 14);
    assert_int_equal(skpi_okr_trajectory_period(&p, t, 0), SKPI_OK);
    assert_true(p.start == day(2025, 12, 29));
    /* the first point is scored at the end of that week, 2026-01-05 */
    assert_true(skpi_okr_result_as_of(skpi_okr_trajectory_result(t, 0)) == day(2026, 1, 5));
    /* the last at the end of the objective, 2026-04-01 */
    assert_true(skpi_okr_result_as_of(skpi_okr_trajectory_result(t, 13)) == day(2026, 4, 1));
    skpi_okr_trajectory_free(t);

    /* bad input */
    assert_int_equal(skpi_objective_trajectory(NULL, o, NULL, cal, 2, day(2026, 4, 1), NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_trajectory(&t, NULL, NULL, cal, 2, day(2026, 4, 1), NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, NULL, 2, day(2026, 4, 1), NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, cal, 7, day(2026, 4, 1), NULL), SKPI_EINVAL);
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, cal, 2, SKPI_TIME_END + 1, NULL), SKPI_ERANGE);
    skpi_okr_options bad = SKPI_OKR_OPTIONS_INIT;
    bad.version = 9;
    assert_int_equal(skpi_objective_trajectory(&t, o, NULL, cal, 2, day(2026, 4, 1), &bad), SKPI_EVERSION);
    skpi_objective *np = NULL;
    assert_int_equal(skpi_objective_new(&np, "no period"), SKPI_OK);
    assert_int_equal(skpi_objective_trajectory(&t, np, NULL, cal, 2, day(2026, 4, 1), NULL), SKPI_EINVAL);
    assert_message("no period");
    /* a century of days is more than the most points */
    skpi_period century = { day(2000, 1, 1), day(2100, 1, 1) };
    assert_int_equal(skpi_objective_set_period(np, century), SKPI_OK);
    manual(np, "k", 0, 1, NAN);
    assert_int_equal(skpi_objective_trajectory(&t, np, NULL, cal, SKPI_CADENCE_DAY, day(2100, 1, 1), NULL), SKPI_ERANGE);
    assert_message("10000");
    skpi_objective_free(np);
    skpi_okr_trajectory_free(NULL);
    assert_int_equal(skpi_okr_trajectory_length(NULL), 0);
    skpi_objective_free(o);
    skpi_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Bad input: a clear error, nothing changed                           */

static void bad_key_result_input(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *kr = manual(o, "A", 0, 10, 5);
    double s, t;

    /* target equal to start */
    assert_int_equal(skpi_key_result_set_range(kr, 3, 3), SKPI_EINVAL);
    assert_message("equals the start");
    assert_int_equal(skpi_key_result_set_range(kr, NAN, 3), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_range(kr, 0, INFINITY), SKPI_EINVAL);
    /* finite ends whose distance overflows: DBL_MAX - (-DBL_MAX) is
     * infinite, and every achievement (value - start) / (target - start)
     * would be 0 or NaN */
    assert_int_equal(skpi_key_result_set_range(kr, -DBL_MAX, DBL_MAX), SKPI_EINVAL);
    assert_message("distance");
    assert_int_equal(skpi_key_result_range(&s, &t, kr), SKPI_OK);
    assert_true(s == 0 && t == 10);
    /* half of that still works: a check-in at 0 is halfway */
    skpi_objective *wide = objective("Wide", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *w = manual(wide, "W", -DBL_MAX / 2, DBL_MAX / 2, 0);
    (void)w;
    skpi_okr_result *wr = score(wide, day(2026, 2, 1), NULL);
    assert_double_equal(kr_score(wr, 0), 0.5, TOL);
    skpi_okr_result_free(wr);
    skpi_objective_free(wide);

    /* negative weight, NaN, too large */
    assert_int_equal(skpi_key_result_set_weight(kr, -1), SKPI_ERANGE);
    assert_message("negative");
    assert_int_equal(skpi_key_result_set_weight(kr, NAN), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_weight(kr, 1e7), SKPI_ERANGE);
    assert_true(skpi_key_result_weight(kr) == 1);

    /* confidence outside 0..1 */
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 2, 1), 6, 1.5, NULL), SKPI_ERANGE);
    assert_message("confidence");
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 2, 1), 6, -0.1, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 2, 1), 6, INFINITY, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 2, 1), INFINITY, 0.5, NULL), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_add_checkin(kr, SKPI_TIME_END, 6, 0.5, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_key_result_add_checkin(kr, SKPI_TIME_MIN - 1, 6, 0.5, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_key_result_checkin_count(kr), 1);

    /* stretch and commit on the wrong side */
    assert_int_equal(skpi_key_result_set_stretch(kr, 8), SKPI_EINVAL);
    assert_message("beyond");
    assert_int_equal(skpi_key_result_set_stretch(kr, 10), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_stretch(kr, INFINITY), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_commit(kr, 0), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_commit(kr, 10), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_commit(kr, 12), SKPI_EINVAL);
    assert_message("between");
    assert_true(isnan(skpi_key_result_stretch(kr)) && isnan(skpi_key_result_commit(kr)));
    /* a new range that would strand the stretch or commit value is refused */
    assert_int_equal(skpi_key_result_set_stretch(kr, 15), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 20), SKPI_EINVAL);
    assert_message("clear it");
    assert_int_equal(skpi_key_result_set_stretch(kr, NAN), SKPI_OK);
    assert_int_equal(skpi_key_result_set_commit(kr, 4), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 5, 10), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_range(kr, 4, 10), SKPI_EINVAL); /* commit on the start */
    assert_int_equal(skpi_key_result_set_range(kr, 2, 12), SKPI_OK); /* 4 still inside */
    assert_int_equal(skpi_key_result_range(&s, &t, kr), SKPI_OK);
    assert_true(s == 2 && t == 12);

    /* stretch and commit need a range; a decreasing range flips the sides */
    skpi_key_result *fresh = NULL;
    assert_int_equal(skpi_objective_add_key_result(&fresh, o, SKPI_KR_MANUAL, "Fresh"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_stretch(fresh, 5), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_set_commit(fresh, 5), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_set_range(fresh, 4, 1), SKPI_OK);
    assert_int_equal(skpi_key_result_set_stretch(fresh, 2), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_stretch(fresh, 0.5), SKPI_OK);
    assert_int_equal(skpi_key_result_set_commit(fresh, 0.5), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_commit(fresh, 3), SKPI_OK);

    /* milestones take no range, stretch or commit, and completions 0..1 */
    skpi_key_result *ms = NULL;
    assert_int_equal(skpi_objective_add_key_result(&ms, o, SKPI_KR_MILESTONE, "M"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(ms, 0, 5), SKPI_EINVAL);
    assert_message("milestone");
    assert_int_equal(skpi_key_result_set_stretch(ms, 2), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_commit(ms, 0.5), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_add_checkin(ms, day(2026, 2, 1), 1.5, NAN, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_key_result_add_checkin(ms, day(2026, 2, 1), -0.5, NAN, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_key_result_checkin_count(ms), 0);
    /* only metric-linked key results take a metric */
    assert_int_equal(skpi_key_result_set_metric(kr, "reach", "*"), SKPI_EINVAL);
    assert_message("manual");
    assert_int_equal(skpi_key_result_set_metric(ms, "reach", "*"), SKPI_EINVAL);
    assert_null(skpi_key_result_metric(kr));

    /* titles */
    assert_int_equal(skpi_key_result_set_title(kr, ""), SKPI_EINVAL);
    assert_string_equal(skpi_key_result_title(kr), "A");

    /* more key results than the maximum */
    assert_int_equal(skpi_objective_add_key_result(NULL, o, SKPI_KR_MANUAL, "D"), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(NULL, o, SKPI_KR_MANUAL, "E"), SKPI_OK);
    assert_int_equal(skpi_objective_key_result_count(o), 5);
    skpi_key_result *sixth = (skpi_key_result *)0x1;
    assert_int_equal(skpi_objective_add_key_result(&sixth, o, SKPI_KR_MANUAL, "F"), SKPI_ERANGE);
    assert_message("5 key results");
    assert_ptr_equal(sixth, (skpi_key_result *)0x1);
    assert_int_equal(skpi_objective_key_result_count(o), 5);
    assert_int_equal(skpi_objective_add_key_result(NULL, o, 3, "G"), SKPI_EINVAL);
    assert_int_equal(skpi_objective_add_key_result(NULL, o, SKPI_KR_MANUAL, ""), SKPI_EINVAL);
    skpi_objective_free(o);
}

static void bad_objective_input(void **state)
{
    (void)state;
    skpi_objective *o = NULL;
    assert_int_equal(skpi_objective_new(&o, ""), SKPI_EINVAL);
    assert_null(o);
    o = objective("O", SKPI_OBJECTIVE_COMMITTED);
    assert_int_equal(skpi_objective_set_title(o, ""), SKPI_EINVAL);
    assert_string_equal(skpi_objective_title(o), "O");
    skpi_period backwards = { day(2026, 4, 1), day(2026, 1, 1) };
    skpi_period empty = { day(2026, 4, 1), day(2026, 4, 1) };
    skpi_period early = { SKPI_TIME_MIN - 1, day(2026, 1, 1) };
    skpi_period late = { day(2026, 1, 1), SKPI_TIME_END + 1 };
    assert_int_equal(skpi_objective_set_period(o, backwards), SKPI_EINVAL);
    /* Times named as dates, never as epoch seconds. */
    assert_non_null(strstr(skpi_last_error(), "ends (2026-01-01T00:00:00Z) at or before it starts "
                                              "(2026-04-01T00:00:00Z)"));
    assert_int_equal(skpi_objective_set_period(o, empty), SKPI_EINVAL);
    assert_int_equal(skpi_objective_set_period(o, early), SKPI_ERANGE);
    assert_int_equal(skpi_objective_set_period(o, late), SKPI_ERANGE);
    skpi_period p;
    assert_int_equal(skpi_objective_period(&p, o), SKPI_OK);
    assert_true(p.start == day(2026, 1, 1) && p.end == day(2026, 4, 1));
    assert_int_equal(skpi_objective_set_type(o, 2), SKPI_EINVAL);
    assert_int_equal(skpi_objective_type(o), SKPI_OBJECTIVE_COMMITTED);

    /* scoring problems name the objective and key result */
    skpi_okr_result *r = NULL;
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), NULL), SKPI_EINVAL);
    assert_message("nothing to score");
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_MANUAL, "No range"), SKPI_OK);
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), NULL), SKPI_EINVAL);
    assert_message("\"No range\"");
    assert_message("start and target");
    assert_int_equal(skpi_key_result_set_range(kr, 0, 1), SKPI_OK);
    skpi_key_result *m = NULL;
    assert_int_equal(skpi_objective_add_key_result(&m, o, SKPI_KR_METRIC, "Reach"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(m, 0, 1000), SKPI_OK);
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), NULL), SKPI_EINVAL);
    assert_message("no metric");
    assert_int_equal(skpi_key_result_set_metric(m, "reach", "*"), SKPI_OK);
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), NULL), SKPI_EINVAL);
    assert_message("none was given");
    assert_int_equal(skpi_key_result_set_metric(m, "", "*"), SKPI_EINVAL);
    assert_int_equal(skpi_key_result_set_metric(m, "reach", ""), SKPI_EINVAL);
    /* a selector of no form the dataset knows is refused here, not at scoring */
    assert_int_equal(skpi_key_result_set_metric(m, "likes", "instagram"), SKPI_EINVAL);
    assert_message("skpi_key_result_set_metric: selector: channel 'instagram' has no ':'");
    assert_int_equal(skpi_key_result_set_metric(m, "likes", "X:*"), SKPI_EINVAL);
    assert_message("the network may only hold lowercase letters");
    assert_string_equal(skpi_key_result_metric(m), "reach");
    assert_string_equal(skpi_key_result_selector(m), "*");
    assert_int_equal(skpi_objective_remove_key_result(o, 1), SKPI_OK);

    /* an aligned objective without a period fails the whole tree */
    skpi_objective *child = NULL;
    assert_int_equal(skpi_objective_new(&child, "Child"), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(child, o, 1), SKPI_OK);
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), NULL), SKPI_EINVAL);
    assert_message("\"Child\" has no period");
    assert_null(r);
    skpi_objective_free(child);

    /* options */
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.version = 0;
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_EVERSION);
    skpi_okr_options zero;
    memset(&zero, 0, sizeof zero);
    zero.version = SKPI_OKR_OPTIONS_VERSION; /* thresholds 0 are valid, if odd */
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &zero), SKPI_OK);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_GREEN);
    skpi_okr_result_free(r);
    r = NULL;
    skpi_okr_options_init(&opts, SKPI_OKR_OPTIONS_VERSION);
    opts.curve = 5;
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_EINVAL);
    assert_message("options.curve");
    opts.curve = SKPI_OKR_CURVE_CUSTOM; /* without points */
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_EMISUSE);
    const double x[] = { 0, 1 }, y[] = { 0.5, 0.2 };
    opts.curve_x = x;
    opts.curve_y = y;
    opts.curve_points = 2;
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_EINVAL);
    skpi_okr_options_init(&opts, SKPI_OKR_OPTIONS_VERSION);
    opts.yellow_from = 0.8; /* above green_from */
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_ERANGE);
    assert_message("yellow_from");
    opts.yellow_from = NAN;
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_EINVAL);
    skpi_okr_options_init(&opts, SKPI_OKR_OPTIONS_VERSION);
    opts.green_from = 1.1;
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_ERANGE);
    skpi_okr_options_init(&opts, SKPI_OKR_OPTIONS_VERSION);
    opts.on_track_gap = 0.3; /* above at_risk_gap */
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_ERANGE);
    opts.on_track_gap = -0.1;
    assert_int_equal(skpi_objective_score(&r, o, NULL, day(2026, 2, 1), &opts), SKPI_ERANGE);
    assert_int_equal(skpi_objective_score(&r, o, NULL, SKPI_TIME_MIN - 1, NULL), SKPI_ERANGE);
    assert_null(r);
    skpi_objective_free(o);
}

static void misuse_with_null(void **state)
{
    (void)state;
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_key_result *kr = manual(o, "A", 0, 10, 5);
    skpi_okr_result *r = score(o, day(2026, 2, 1), NULL);
    double d;
    int i;
    skpi_period p;

    assert_int_equal(skpi_objective_new(NULL, "x"), SKPI_EMISUSE);
    skpi_objective *tmp = NULL;
    assert_int_equal(skpi_objective_new(&tmp, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_title(NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_title(o, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_description(NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_owner(NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_period(NULL, q1()), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_period(NULL, o), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_period(&p, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_type(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_type(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_set_curve(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_curve(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_curve_point(&d, &d, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_curve_point_count(NULL), 0);
    assert_int_equal(skpi_objective_set_parent(NULL, o, 1), SKPI_EMISUSE);
    assert_null(skpi_objective_parent(NULL));
    assert_true(isnan(skpi_objective_alignment_weight(NULL)));
    assert_int_equal(skpi_objective_child_count(NULL), 0);
    assert_null(skpi_objective_child(NULL, 0));
    assert_null(skpi_objective_title(NULL));
    assert_null(skpi_objective_description(NULL));
    assert_null(skpi_objective_owner(NULL));
    assert_int_equal(skpi_objective_add_key_result(NULL, NULL, 0, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_add_key_result(NULL, o, 0, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_remove_key_result(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_key_result_count(NULL), 0);
    assert_null(skpi_objective_key_result(NULL, 0));

    assert_null(skpi_key_result_objective(NULL));
    assert_int_equal(skpi_key_result_kind(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_set_title(NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_set_title(kr, NULL), SKPI_EMISUSE);
    assert_null(skpi_key_result_title(NULL));
    assert_int_equal(skpi_key_result_set_range(NULL, 0, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_range(&d, &d, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_range(NULL, NULL, kr), SKPI_OK);
    assert_int_equal(skpi_key_result_direction(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_set_stretch(NULL, 1), SKPI_EMISUSE);
    assert_true(isnan(skpi_key_result_stretch(NULL)));
    assert_int_equal(skpi_key_result_set_commit(NULL, 1), SKPI_EMISUSE);
    assert_true(isnan(skpi_key_result_commit(NULL)));
    assert_int_equal(skpi_key_result_set_weight(NULL, 1), SKPI_EMISUSE);
    assert_true(isnan(skpi_key_result_weight(NULL)));
    assert_int_equal(skpi_key_result_set_metric(NULL, "a", "*"), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_set_metric(kr, NULL, "*"), SKPI_EMISUSE);
    assert_null(skpi_key_result_metric(NULL));
    assert_null(skpi_key_result_selector(NULL));
    assert_int_equal(skpi_key_result_add_checkin(NULL, 0, 1, 1, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_checkin_count(NULL), 0);
    assert_int_equal(skpi_key_result_checkin(NULL, NULL, NULL, NULL, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_key_result_remove_checkin(NULL, 0), SKPI_EMISUSE);

    assert_int_equal(skpi_objective_score(NULL, o, NULL, 0, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_objective_score(&r, NULL, NULL, 0, NULL), SKPI_EMISUSE);
    skpi_okr_result_free(NULL);
    assert_true(skpi_okr_result_as_of(NULL) == 0);
    assert_true(isnan(skpi_okr_result_elapsed(NULL)));
    assert_true(isnan(skpi_okr_result_score(NULL)));
    assert_true(isnan(skpi_okr_result_rounded(NULL)));
    assert_true(isnan(skpi_okr_result_mean(NULL)));
    assert_true(isnan(skpi_okr_result_weakest(NULL)));
    assert_true(isnan(skpi_okr_result_expected(NULL)));
    assert_true(isnan(skpi_okr_result_confidence(NULL)));
    assert_int_equal(skpi_okr_result_band(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_okr_result_status(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_okr_result_verdict(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_okr_result_kr_count(NULL), 0);
    assert_int_equal(skpi_okr_result_child_count(NULL), 0);
    assert_null(skpi_okr_result_child(NULL, 0));
    assert_int_equal(skpi_okr_result_kr_score(&d, &d, &i, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_okr_result_kr_score(&d, &d, &i, r, 1), SKPI_ERANGE);
    assert_int_equal(skpi_okr_result_kr_value(&d, &i, &d, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_okr_result_kr_value(&d, &i, &d, r, 1), SKPI_ERANGE);
    assert_int_equal(skpi_okr_result_kr_progress(&d, &i, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_okr_result_kr_progress(&d, &i, r, 1), SKPI_ERANGE);
    assert_int_equal(skpi_okr_result_kr_confidence(&d, &d, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_okr_result_kr_confidence(&d, &d, r, 1), SKPI_ERANGE);
    assert_int_equal(skpi_okr_trajectory_period(&p, NULL, 0), SKPI_EMISUSE);
    assert_null(skpi_okr_trajectory_result(NULL, 0));
    skpi_okr_result_free(r);
    skpi_objective_free(o);
}

/* ------------------------------------------------------------------ */
/* Out of memory: every allocating call fails cleanly at every step    */

static void oom_building(void **state)
{
    (void)state;
    /* skpi_objective_new */
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_objective *o = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_objective_new(&o, "Objective");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) { skpi_objective_free(o); break; }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(o);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    /* text setters keep the old text */
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_objective_set_title(o, "New title");
        int rc2 = rc == SKPI_OK ? skpi_objective_set_description(o, "why") : rc;
        int rc3 = rc2 == SKPI_OK ? skpi_objective_set_owner(o, "me") : rc2;
        test_alloc_fail_after(-1);
        if (rc3 == SKPI_OK) break;
        assert_int_equal(rc3, SKPI_ENOMEM);
        if (rc != SKPI_OK) assert_string_equal(skpi_objective_title(o), "O");
        if (rc2 != SKPI_OK) assert_string_equal(skpi_objective_description(o), "");
        assert_string_equal(skpi_objective_owner(o), "");
        /* undo for the next round */
        assert_int_equal(skpi_objective_set_title(o, "O"), SKPI_OK);
        assert_int_equal(skpi_objective_set_description(o, ""), SKPI_OK);
    }
    assert_string_equal(skpi_objective_owner(o), "me");
    /* add_key_result */
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_key_result *kr = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_objective_add_key_result(&kr, o, SKPI_KR_METRIC, "Reach");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(kr);
        assert_int_equal(skpi_objective_key_result_count(o), 0);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_key_result *kr = skpi_objective_key_result(o, 0);
    /* set_metric and set_title */
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        int rc = skpi_key_result_set_metric(kr, "reach", "instagram:*");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(skpi_key_result_metric(kr));
        assert_null(skpi_key_result_selector(kr));
        assert_int_equal(test_alloc_live(), live);
    }
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_key_result_set_title(kr, "Monthly reach");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_string_equal(skpi_key_result_title(kr), "Reach");
    }
    /* add_checkin: the first grows the array, the ninth grows it again */
    for (int k = 0; k < 10; k++) {
        for (long n = 0;; n++) {
            long live = test_alloc_live();
            test_alloc_fail_after(n);
            int rc = skpi_key_result_add_checkin(kr, day(2026, 1, 10 - k), k, 0.5, "note");
            test_alloc_fail_after(-1);
            if (rc == SKPI_OK) break;
            assert_int_equal(rc, SKPI_ENOMEM);
            assert_int_equal(skpi_key_result_checkin_count(kr), (size_t)k);
            assert_int_equal(test_alloc_live(), live);
        }
    }
    assert_int_equal(skpi_key_result_checkin_count(kr), 10);
    skpi_time t;
    assert_int_equal(skpi_key_result_checkin(&t, NULL, NULL, NULL, kr, 0), SKPI_OK);
    assert_true(t == day(2026, 1, 1));
    /* set_parent: the parent's child array grows */
    skpi_objective *parent = objective("P", SKPI_OBJECTIVE_ASPIRATIONAL);
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_objective_set_parent(o, parent, 1);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(skpi_objective_parent(o));
        assert_int_equal(skpi_objective_child_count(parent), 0);
    }
    assert_ptr_equal(skpi_objective_parent(o), parent);
    skpi_objective_free(parent);
    skpi_objective_free(o);
}

static void oom_scoring(void **state)
{
    (void)state;
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    skpi_objective *top = objective("Top", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_objective *mid = objective("Mid", SKPI_OBJECTIVE_ASPIRATIONAL);
    skpi_objective *low1 = objective("Low 1", SKPI_OBJECTIVE_COMMITTED);
    skpi_objective *low2 = objective("Low 2", SKPI_OBJECTIVE_COMMITTED);
    manual(top, "t", 0, 10, 4);
    manual(mid, "m", 0, 10, 6);
    manual(low1, "l1", 0, 10, 8);
    manual(low2, "l2", 0, 10, 2);
    assert_int_equal(skpi_objective_set_parent(mid, top, 1), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(low1, mid, 1), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(low2, mid, 1), SKPI_OK);
    /* low1 0.8, low2 0.2; mid (0.6 + 0.8 + 0.2) / 3 = 0.5333; top (0.4 + 0.5333) / 2 = 0.4667 */
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_okr_result *r = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_objective_score(&r, top, NULL, day(2026, 2, 1), NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_double_equal(skpi_okr_result_score(r), (0.4 + 1.6 / 3.0) / 2.0, TOL);
            skpi_okr_result_free(r);
            assert_int_equal(test_alloc_live(), live);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(r);
        assert_int_equal(test_alloc_live(), live);
    }
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_okr_trajectory *t = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_objective_trajectory(&t, top, NULL, cal, SKPI_CADENCE_MONTH,
                                           day(2026, 4, 1), NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_int_equal(skpi_okr_trajectory_length(t), 3);
            skpi_okr_trajectory_free(t);
            assert_int_equal(test_alloc_live(), live);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(t);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_objective_free(low1);
    skpi_objective_free(low2);
    skpi_objective_free(mid);
    skpi_objective_free(top);
    skpi_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Metric-linked key results read the dataset over the objective's period */

/* 90 days of Q1 on two channels: 50 impressions a day on each (100 a day in
 * all); 10 messages answered a day on Instagram in 72000 s in all (2 h each). */
static skpi_dataset *q1_dataset(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time times[90];
    double fifty[90], ten[90], secs[90];
    for (int i = 0; i < 90; i++) {
        times[i] = day(2026, 1, 1) + (skpi_time)i * 86400;
        fifty[i] = 50;
        ten[i] = 10;
        secs[i] = 72000;
    }
    assert_int_equal(skpi_dataset_append(ds, "impressions", "instagram:@acme", times, fifty, 90), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "impressions", "linkedin:acme", times, fifty, 90), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "messages_answered", "instagram:@acme", times, ten, 90), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "response_seconds", "instagram:@acme", times, secs, 90), SKPI_OK);
    /* followers, a stock, known on three days only */
    skpi_time ft[3] = { day(2026, 1, 1), day(2026, 2, 1), day(2026, 3, 1) };
    double fv[3] = { 1000, 1300, 1600 };
    assert_int_equal(skpi_dataset_append(ds, "followers", "instagram:@acme", ft, fv, 3), SKPI_OK);
    return ds;
}

static skpi_key_result *metric_kr(skpi_objective *o, const char *metric, const char *selector,
                                  double start, double target)
{
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_METRIC, metric), SKPI_OK);
    assert_int_equal(skpi_key_result_set_metric(kr, metric, selector), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, start, target), SKPI_OK);
    return kr;
}

static void metric_linked_key_results(void **state)
{
    (void)state;
    skpi_dataset *ds = q1_dataset();
    skpi_objective *o = objective("Be seen", SKPI_OBJECTIVE_ASPIRATIONAL);
    metric_kr(o, "impressions", "*", 0, 9000);
    metric_kr(o, "impressions", "instagram:*", 0, 9000);
    metric_kr(o, "followers", "instagram:@acme", 1000, 2000);
    /* response time in seconds, from 4 h to 1 h */
    metric_kr(o, "response_time", "instagram:@acme", 14400, 3600);
    skpi_okr_result *r = NULL;
    assert_int_equal(skpi_objective_score(&r, o, ds, day(2026, 2, 15), NULL), SKPI_OK);
    double value, ach;
    int avail;
    /* impressions from 01-01 to 02-15 (45 days) on both channels: 45 * 100 =
     * 4500; 4500 / 9000 = 0.5 */
    assert_int_equal(skpi_okr_result_kr_value(&value, &avail, &ach, r, 0), SKPI_OK);
    assert_double_equal(value, 4500, TOL);
    assert_int_equal(avail, SKPI_AVAILABLE);
    assert_double_equal(kr_score(r, 0), 0.5, TOL);
    /* Instagram only: 45 * 50 = 2250 -> 0.25 */
    assert_int_equal(skpi_okr_result_kr_value(&value, NULL, NULL, r, 1), SKPI_OK);
    assert_double_equal(value, 2250, TOL);
    assert_double_equal(kr_score(r, 1), 0.25, TOL);
    /* followers: the last value before 02-15 is 1300: (1300 - 1000) / 1000 =
     * 0.3; days without a value make it partial, and it still counts */
    assert_int_equal(skpi_okr_result_kr_value(&value, &avail, NULL, r, 2), SKPI_OK);
    assert_double_equal(value, 1300, TOL);
    assert_int_equal(avail, SKPI_PARTIAL);
    assert_double_equal(kr_score(r, 2), 0.3, TOL);
    /* response time: 45 * 72000 s / (45 * 10) = 7200 s; (7200 - 14400) /
     * (3600 - 14400) = 2/3 */
    assert_int_equal(skpi_okr_result_kr_value(&value, NULL, NULL, r, 3), SKPI_OK);
    assert_double_equal(value, 7200, TOL);
    assert_double_equal(kr_score(r, 3), 2.0 / 3.0, TOL);
    /* objective: (0.5 + 0.25 + 0.3 + 0.6667) / 4 = 1.7167 / 4 = 0.4292 -> 0.4 */
    assert_double_equal(skpi_okr_result_score(r), (1.05 + 2.0 / 3.0) / 4.0, TOL);
    assert_double_equal(skpi_okr_result_rounded(r), 0.4, TOL);
    skpi_okr_result_free(r);

    /* at the end of the quarter: 9000 impressions -> 1.0; the span never runs
     * past the objective's end, so as of June it is still 9000 */
    assert_int_equal(skpi_objective_score(&r, o, ds, day(2026, 6, 1), NULL), SKPI_OK);
    assert_int_equal(skpi_okr_result_kr_value(&value, NULL, NULL, r, 0), SKPI_OK);
    assert_double_equal(value, 9000, TOL);
    assert_double_equal(kr_score(r, 0), 1.0, TOL);
    skpi_okr_result_free(r);

    /* at the start nothing has been measured: missing, scored as the start */
    assert_int_equal(skpi_objective_score(&r, o, ds, day(2026, 1, 1), NULL), SKPI_OK);
    assert_int_equal(skpi_okr_result_kr_value(&value, &avail, &ach, r, 0), SKPI_OK);
    assert_true(isnan(value));
    assert_int_equal(avail, SKPI_MISSING);
    assert_double_equal(ach, 0.0, TOL);
    assert_double_equal(kr_score(r, 0), 0.0, TOL);
    skpi_okr_result_free(r);

    /* monthly trajectory of the first key result alone: January 3100 ->
     * 0.3444 = 31/90, the expected score too: on track */
    for (size_t i = 4; i-- > 1;) assert_int_equal(skpi_objective_remove_key_result(o, i), SKPI_OK);
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    skpi_okr_trajectory *t = NULL;
    assert_int_equal(skpi_objective_trajectory(&t, o, ds, cal, SKPI_CADENCE_MONTH,
                                               day(2026, 4, 1), NULL), SKPI_OK);
    assert_int_equal(skpi_okr_trajectory_length(t), 3);
    double want[3] = { 3100.0 / 9000.0, 5900.0 / 9000.0, 1.0 };
    for (size_t i = 0; i < 3; i++) {
        const skpi_okr_result *p = skpi_okr_trajectory_result(t, i);
        assert_double_equal(skpi_okr_result_score(p), want[i], TOL);
        assert_int_equal(skpi_okr_result_status(p), SKPI_OKR_ON_TRACK);
    }
    skpi_okr_trajectory_free(t);
    skpi_calendar_free(cal);

    /* an unknown metric: the dataset's error, naming the key result */
    skpi_key_result *bad = metric_kr(o, "no_such_metric", "*", 0, 1);
    r = NULL;
    assert_int_equal(skpi_objective_score(&r, o, ds, day(2026, 2, 1), NULL), SKPI_ENOTFOUND);
    assert_message("\"no_such_metric\"");
    assert_null(r);
    assert_int_equal(skpi_key_result_set_metric(bad, "impressions", "@nogroup"), SKPI_OK);
    assert_int_equal(skpi_objective_score(&r, o, ds, day(2026, 2, 1), NULL), SKPI_ENOTFOUND);
    assert_message("key result 1");
    skpi_objective_free(o);
    skpi_dataset_free(ds);
}

static int refusing_fetch(skpi_fetch *request, void *userdata)
{
    (void)request;
    (*(int *)userdata)++;
    skpi_error_set("the host refused");
    return 1;
}

static void metric_source_abort_keeps_message(void **state)
{
    (void)state;
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    int calls = 0;
    skpi_source src = SKPI_SOURCE_INIT;
    src.fetch = refusing_fetch;
    src.userdata = &calls;
    assert_int_equal(skpi_dataset_set_source(ds, &src), SKPI_OK);
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    metric_kr(o, "impressions", "x:@acme", 0, 100);
    skpi_okr_result *r = NULL;
    assert_int_equal(skpi_objective_score(&r, o, ds, day(2026, 2, 1), NULL), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "the host refused");
    assert_true(calls >= 1);
    assert_null(r);
    skpi_objective_free(o);
    skpi_dataset_free(ds);
}

static void oom_metric_scoring(void **state)
{
    (void)state;
    skpi_dataset *ds = q1_dataset();
    skpi_objective *o = objective("O", SKPI_OBJECTIVE_ASPIRATIONAL);
    metric_kr(o, "impressions", "*", 0, 9000);
    metric_kr(o, "response_time", "instagram:@acme", 14400, 3600);
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_okr_result *r = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_objective_score(&r, o, ds, day(2026, 2, 15), NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            /* (0.5 + 2/3) / 2 */
            assert_double_equal(skpi_okr_result_score(r), (0.5 + 2.0 / 3.0) / 2.0, TOL);
            skpi_okr_result_free(r);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(r);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_objective_free(o);
    skpi_dataset_free(ds);
}

/* ------------------------------------------------------------------ */
/* The worked example of docs/okrs.md                                  */

static void docs_worked_example(void **state)
{
    (void)state;
    skpi_objective *brand = objective("Become the brand people talk about", SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_set_curve(brand, SKPI_OKR_CURVE_STRETCH), SKPI_OK);
    skpi_key_result *mentions = manual(brand, "Monthly mentions", 2000, 5000, NAN);
    assert_int_equal(skpi_key_result_set_stretch(mentions, 6000), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(mentions, day(2026, 3, 25), 4400, 0.7, NULL), SKPI_OK);
    skpi_key_result *rt = manual(brand, "Median first response (h)", 4, 1, NAN);
    assert_int_equal(skpi_key_result_set_stretch(rt, 0.5), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(rt, day(2026, 3, 25), 2, 0.5, NULL), SKPI_OK);
    assert_int_equal(skpi_key_result_set_weight(rt, 2), SKPI_OK);
    skpi_key_result *ms = NULL;
    assert_int_equal(skpi_objective_add_key_result(&ms, brand, SKPI_KR_MILESTONE, "Crisis plan signed"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(ms, day(2026, 3, 20), 1, 1, NULL), SKPI_OK);

    skpi_objective *team = objective("Answer every customer within the hour", SKPI_OBJECTIVE_COMMITTED);
    manual(team, "Messages answered within 1 h (%)", 60, 100, 90);
    assert_int_equal(skpi_objective_set_parent(team, brand, 1), SKPI_OK);

    skpi_okr_result *r = score(brand, day(2026, 4, 1), NULL);
    /* mentions: a = (4400 - 2000) / (5000 - 2000) = 0.8; stretch at
     *   (6000 - 2000) / 3000 = 4/3; 0.8 is below the target: 0.7 * 0.8 = 0.56 -> 0.6
     * response: a = (2 - 4) / (1 - 4) = 2/3; 0.7 * 2/3 = 0.4667 -> 0.5
     * milestone: 1.0
     * team (its own curve, linear): (90 - 60) / (100 - 60) = 0.75 -> 0.8;
     *   committed and below 1.0 at the end: missed
     * brand: (1 * 0.56 + 2 * 0.4667 + 1 * 1.0 + 1 * 0.75) / (1 + 2 + 1 + 1)
     *      = (0.56 + 0.9333 + 1.0 + 0.75) / 5 = 3.2433 / 5 = 0.6487 -> 0.6, yellow;
     *   aspirational at 0.6 at the end: success */
    assert_double_equal(kr_score(r, 0), 0.56, TOL);
    assert_double_equal(kr_rounded(r, 0), 0.6, TOL);
    assert_double_equal(kr_score(r, 1), 0.7 * 2.0 / 3.0, TOL);
    assert_double_equal(kr_rounded(r, 1), 0.5, TOL);
    assert_double_equal(kr_score(r, 2), 1.0, TOL);
    const skpi_okr_result *rt_team = skpi_okr_result_child(r, 0);
    assert_double_equal(skpi_okr_result_score(rt_team), 0.75, TOL);
    assert_double_equal(skpi_okr_result_rounded(rt_team), 0.8, TOL);
    assert_int_equal(skpi_okr_result_verdict(rt_team), SKPI_OKR_COMMITTED_MISSED);
    double want = (0.56 + 2 * (0.7 * 2.0 / 3.0) + 1.0 + 0.75) / 5.0;
    assert_double_equal(skpi_okr_result_score(r), want, TOL);
    assert_double_equal(skpi_okr_result_score(r), 0.648667, 1e-6);
    assert_double_equal(skpi_okr_result_rounded(r), 0.6, TOL);
    assert_int_equal(skpi_okr_result_band(r), SKPI_OKR_YELLOW);
    assert_int_equal(skpi_okr_result_verdict(r), SKPI_OKR_ASPIRATIONAL_SUCCESS);
    /* confidence: mentions 0.7 (w 1), response 0.5 (w 2), milestone 1.0 (w 1);
     * the team gave none: (0.7 + 1.0 + 1.0) / 4 = 0.675 */
    assert_double_equal(skpi_okr_result_confidence(r), 0.675, TOL);
    /* expected at the end: the score at the target of each item, 0.7, 0.7,
     * 1.0 and (linear team) 1.0: (0.7 + 2 * 0.7 + 1.0 + 1.0) / 5 = 0.82;
     * gap 0.82 - 0.6487 = 0.171: at risk */
    assert_double_equal(skpi_okr_result_expected(r), 0.82, TOL);
    assert_int_equal(skpi_okr_result_status(r), SKPI_OKR_AT_RISK);
    skpi_okr_result_free(r);
    /* weakest mode: the response time's 0.4667 -> 0.5 */
    skpi_okr_options opts = SKPI_OKR_OPTIONS_INIT;
    opts.weakest = 1;
    r = score(brand, day(2026, 4, 1), &opts);
    assert_double_equal(skpi_okr_result_score(r), 0.7 * 2.0 / 3.0, TOL);
    assert_double_equal(skpi_okr_result_rounded(r), 0.5, TOL);
    skpi_okr_result_free(r);
    skpi_objective_free(team);
    skpi_objective_free(brand);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(limits_names_and_options),
        cmocka_unit_test(objective_fields),
        cmocka_unit_test(key_result_fields),
        cmocka_unit_test(kr_at_7_of_10_scores_0_7),
        cmocka_unit_test(decreasing_kr),
        cmocka_unit_test(milestone_kr),
        cmocka_unit_test(weights),
        cmocka_unit_test(weakest_mode),
        cmocka_unit_test(rounding_half_up_and_bands),
        cmocka_unit_test(stretch_preset),
        cmocka_unit_test(three_level_preset),
        cmocka_unit_test(custom_curve),
        cmocka_unit_test(bad_curves),
        cmocka_unit_test(three_level_alignment_tree),
        cmocka_unit_test(alignment_depth_limit),
        cmocka_unit_test(committed_vs_aspirational),
        cmocka_unit_test(checkins_out_of_order_are_sorted),
        cmocka_unit_test(confidence),
        cmocka_unit_test(expected_and_status),
        cmocka_unit_test(trajectory_monthly),
        cmocka_unit_test(bad_key_result_input),
        cmocka_unit_test(bad_objective_input),
        cmocka_unit_test(misuse_with_null),
        cmocka_unit_test(oom_building),
        cmocka_unit_test(oom_scoring),
        cmocka_unit_test(metric_linked_key_results),
        cmocka_unit_test(metric_source_abort_keeps_message),
        cmocka_unit_test(oom_metric_scoring),
        cmocka_unit_test(docs_worked_example),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
