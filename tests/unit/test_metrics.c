/* Tests of metrics.h: the built-in catalog, host catalogs and formulas. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/metrics_internal.h"
#include "test_alloc.h"

/* ---- helpers ---------------------------------------------------------- */

/* cmocka 1.1 only compares floats. */
#define assert_double_equal(a, b, eps)                                          \
    do {                                                                        \
        double a_ = (a), b_ = (b);                                              \
        if (!(fabs(a_ - b_) <= (eps))) fail_msg("%.17g != %.17g", a_, b_);      \
    } while (0)

static const skpi_metric *get(const skpi_catalog *cat, const char *key)
{
    const skpi_metric *m = NULL;
    assert_int_equal(skpi_catalog_find(&m, cat, key), SKPI_OK);
    return m;
}

typedef struct named { const char *key; double value; } named;

/* Evaluate a metric of `cat` with the named flows/stocks set to values;
 * `first(x)` leaves read the value named "first:x". */
static double eval_metric(const skpi_catalog *cat, const char *key, const named *vals,
                          size_t n_vals, double days, bool *div_zero)
{
    long idx = skpi__catalog_lookup(cat, key);
    assert_true(idx >= 0);
    skpi__leaf leaves[SKPI__MAX_LEAVES];
    double values[SKPI__MAX_LEAVES];
    size_t n;
    bool uses_days;
    assert_int_equal(skpi__metric_leaves(leaves, &n, &uses_days, cat, (uint32_t)idx,
                                         UINT32_MAX, NULL, 0), SKPI_OK);
    for (size_t i = 0; i < n; i++) {
        char name[128];
        snprintf(name, sizeof name, "%s%s", leaves[i].first ? "first:" : "",
                 cat->metrics[leaves[i].metric]->key);
        values[i] = NAN;
        for (size_t j = 0; j < n_vals; j++)
            if (strcmp(vals[j].key, name) == 0) values[i] = vals[j].value;
        assert_false(isnan(values[i]));
    }
    return skpi__metric_eval(cat, (uint32_t)idx, leaves, values, n, days, div_zero);
}

/* Define `formula` as a throw-away derived metric and evaluate it. */
static double eval_formula(const char *formula, const named *vals, size_t n_vals)
{
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    int rc = skpi_catalog_add_derived(cat, "t", "T", SKPI_UNIT_RATIO, SKPI_HIGHER_IS_BETTER, formula);
    if (rc != SKPI_OK) fail_msg("%s: %s", formula, skpi_last_error());
    bool dz;
    double v = eval_metric(cat, "t", vals, n_vals, 30, &dz);
    assert_false(dz);
    skpi_catalog_free(cat);
    return v;
}

/* Expect adding `formula` to fail with `code` and a message containing `msg`. */
static void expect_formula_error(const char *formula, int code, const char *msg)
{
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    size_t before = skpi_catalog_count(cat);
    int rc = skpi_catalog_add_derived(cat, "bad", "Bad", SKPI_UNIT_RATIO,
                                      SKPI_HIGHER_IS_BETTER, formula);
    if (rc != code || !strstr(skpi_last_error(), msg))
        fail_msg("formula \"%s\": got %d \"%s\", expected %d \"%s\"", formula, rc,
                 skpi_last_error(), code, msg);
    assert_int_equal(skpi_catalog_count(cat), before);
    const skpi_metric *m;
    assert_int_equal(skpi_catalog_find(&m, cat, "bad"), SKPI_ENOTFOUND);
    /* The standalone check agrees, without the metric prefix. */
    rc = skpi_catalog_check_formula(cat, formula);
    if (rc != code && !(code == SKPI_EINVAL && rc == SKPI_ENOTFOUND))
        fail_msg("check_formula \"%s\": got %d", formula, rc);
    skpi_catalog_free(cat);
}

/* ---- the built-in catalog ------------------------------------------- */

static void *use_builtin(void *arg)
{
    (void)arg;
    const skpi_catalog *cat = skpi_catalog_builtin();
    const skpi_metric *m = NULL;
    for (int i = 0; i < 1000; i++)
        if (skpi_catalog_find(&m, cat, "engagement_rate_reach") != SKPI_OK) return (void *)1;
    return NULL;
}

/* Must run first: the first call sets the catalog up. */
static void builtin_first_use_is_thread_safe_and_allocates_nothing(void **state)
{
    (void)state;
    long live = test_alloc_live();
    pthread_t t[4];
    for (int i = 0; i < 4; i++) assert_int_equal(pthread_create(&t[i], NULL, use_builtin, NULL), 0);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        assert_null(r);
    }
    assert_int_equal(test_alloc_live(), live);
    assert_ptr_equal(skpi_catalog_builtin(), skpi_catalog_builtin());
}

static const char *const required_keys[] = {
    "impressions", "reach", "engagements", "likes", "comments", "shares", "saves",
    "link_clicks", "video_views", "mentions", "followers", "new_followers", "lost_followers",
    "posts_published", "messages_received", "messages_answered", "spend", "conversions",
    "sessions", "bounced_sessions", "promoters", "passives", "detractors",
    "satisfied_responses", "survey_responses", "positive_mentions", "negative_mentions",
    "neutral_mentions", "competitor_mentions", "engagement_rate_reach",
    "engagement_rate_impressions", "engagement_rate_followers", "daily_engagement_rate",
    "applause_rate", "amplification_rate", "virality_rate", "conversation_rate",
    "audience_growth_rate", "net_audience_growth", "share_of_voice", "net_sentiment", "nps",
    "csat", "ctr", "cpc", "cpm", "conversion_rate", "bounce_rate", "response_rate",
    "response_time", "engagements_facebook", "engagements_instagram", "engagements_x",
    "engagements_linkedin", "engagements_tiktok", "engagements_youtube", "watch_time",
    "average_view_duration", "leads", "qualified_leads", "opportunities", "customers",
    "revenue", "team_cost", "messages_in_target", "mention_reach", "competitor_mention_reach",
    "lead_conversion_rate", "lead_qualification_rate", "opportunity_rate", "win_rate",
    "customer_conversion_rate", "cost_per_lead", "cost_per_acquisition", "average_deal_size",
    "roas", "total_cost", "roi", "roi_total_cost", "service_level", "share_of_voice_reach",
};

static void builtin_has_every_required_metric(void **state)
{
    (void)state;
    const skpi_catalog *cat = skpi_catalog_builtin();
    for (size_t i = 0; i < sizeof required_keys / sizeof required_keys[0]; i++) {
        const skpi_metric *m = NULL;
        if (skpi_catalog_find(&m, cat, required_keys[i]) != SKPI_OK)
            fail_msg("missing built-in metric %s", required_keys[i]);
        assert_string_equal(skpi_metric_key(m), required_keys[i]);
    }
}

static void builtin_metrics_are_well_formed(void **state)
{
    (void)state;
    const skpi_catalog *cat = skpi_catalog_builtin();
    size_t n = skpi_catalog_count(cat);
    assert_true(n >= 59);
    for (size_t i = 0; i < n; i++) {
        const skpi_metric *m = skpi_catalog_metric_at(cat, i);
        assert_non_null(m);
        const char *key = skpi_metric_key(m);
        assert_int_equal(skpi__metric_key_check(key, "test"), SKPI_OK);
        assert_true(strlen(skpi_metric_label(m)) > 0);
        assert_true(strlen(skpi_metric_description(m)) > 0);
        assert_true(strlen(skpi_metric_definition(m)) > 0);
        assert_string_not_equal(skpi_unit_name(skpi_metric_unit(m)), "unknown");
        assert_string_not_equal(skpi_direction_name(skpi_metric_direction(m)), "unknown");
        const skpi_metric *again = NULL;
        assert_int_equal(skpi_catalog_find(&again, cat, key), SKPI_OK);
        assert_ptr_equal(again, m);
        if (skpi_metric_kind_of(m) == SKPI_KIND_DERIVED) {
            const char *f = skpi_metric_formula(m);
            assert_non_null(f);
            if (skpi_catalog_check_formula(cat, f) != SKPI_OK)
                fail_msg("%s: %s", key, skpi_last_error());
            /* It compiled into bytecode at set-up. */
            assert_true(m->n_ops > 0);
            assert_true(skpi_metric_component_count(m) > 0);
        } else {
            assert_null(skpi_metric_formula(m));
            assert_string_equal(skpi_metric_definition(m), "raw");
            assert_int_equal(skpi_metric_component_count(m), 0);
        }
    }
    assert_null(skpi_catalog_metric_at(cat, n));
    assert_null(skpi_catalog_metric_at(NULL, 0));
}

static void builtin_metrics_are_all_documented(void **state)
{
    (void)state;
    FILE *f = fopen(SKPI_SOURCE_DIR "/docs/metrics.md", "rb");
    assert_non_null(f);
    static char doc[200000];
    size_t len = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[len] = '\0';
    const skpi_catalog *cat = skpi_catalog_builtin();
    for (size_t i = 0; i < skpi_catalog_count(cat); i++) {
        const skpi_metric *m = skpi_catalog_metric_at(cat, i);
        char needle[160];
        snprintf(needle, sizeof needle, "`%s`", skpi_metric_key(m));
        if (!strstr(doc, needle)) fail_msg("docs/metrics.md lacks %s", needle);
        snprintf(needle, sizeof needle, "`%s`", skpi_metric_definition(m));
        if (!strstr(doc, needle)) fail_msg("docs/metrics.md lacks definition %s", needle);
        if (skpi_metric_formula(m)) {
            snprintf(needle, sizeof needle, "`%s`", skpi_metric_formula(m));
            if (!strstr(doc, needle)) fail_msg("docs/metrics.md lacks formula %s", needle);
        }
    }
}

static void builtin_engagement_rate_reach(void **state)
{
    (void)state;
    const skpi_metric *m = get(skpi_catalog_builtin(), "engagement_rate_reach");
    assert_string_equal(skpi_metric_label(m), "Engagement rate (by reach)");
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_PERCENT);
    assert_int_equal(skpi_metric_direction(m), SKPI_HIGHER_IS_BETTER);
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_DERIVED);
    assert_string_equal(skpi_metric_definition(m), "engagement_rate.by_reach");
    assert_string_equal(skpi_metric_formula(m), "engagements / reach * 100");
    assert_int_equal(skpi_metric_component_count(m), 2);
    assert_string_equal(skpi_metric_component(m, 0), "engagements");
    assert_string_equal(skpi_metric_component(m, 1), "reach");
    assert_null(skpi_metric_component(m, 2));

    m = get(skpi_catalog_builtin(), "followers");
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_STOCK);
    m = get(skpi_catalog_builtin(), "cpc");
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_CURRENCY);
    assert_int_equal(skpi_metric_direction(m), SKPI_LOWER_IS_BETTER);
    m = get(skpi_catalog_builtin(), "nps");
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_SCORE);
    m = get(skpi_catalog_builtin(), "response_time");
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_DURATION);
}

static void builtin_formulas_evaluate_by_hand(void **state)
{
    (void)state;
    const skpi_catalog *cat = skpi_catalog_builtin();
    bool dz;
    /* 50 engagements / 1000 reached * 100 = 5 % */
    named er[] = { { "engagements", 50 }, { "reach", 1000 } };
    assert_double_equal(eval_metric(cat, "engagement_rate_reach", er, 2, 30, &dz), 5.0, 1e-12);
    /* NPS: 60 promoters, 25 passives, 15 detractors: (60 - 15) / 100 * 100 = 45 */
    named nps[] = { { "promoters", 60 }, { "passives", 25 }, { "detractors", 15 } };
    assert_double_equal(eval_metric(cat, "nps", nps, 3, 30, &dz), 45.0, 1e-12);
    /* Daily engagement rate over 30 days: 300 / 30 / 1000 * 100 = 1 % */
    named der[] = { { "engagements", 300 }, { "followers", 1000 } };
    assert_double_equal(eval_metric(cat, "daily_engagement_rate", der, 2, 30, &dz), 1.0, 1e-12);
    /* Audience growth: (120 - 20) / 2000 (first followers) * 100 = 5 %; the
     * last followers value is not used. */
    named agr[] = { { "new_followers", 120 }, { "lost_followers", 20 },
                    { "first:followers", 2000 } };
    assert_double_equal(eval_metric(cat, "audience_growth_rate", agr, 3, 30, &dz), 5.0, 1e-12);
    /* CPM: 45 spent / 15000 impressions * 1000 = 3 */
    named cpm[] = { { "spend", 45 }, { "impressions", 15000 } };
    assert_double_equal(eval_metric(cat, "cpm", cpm, 2, 30, &dz), 3.0, 1e-12);
    /* Net sentiment: (30 - 10) / (30 + 10 + 60) * 100 = 20 */
    named ns[] = { { "positive_mentions", 30 }, { "negative_mentions", 10 },
                   { "neutral_mentions", 60 } };
    assert_double_equal(eval_metric(cat, "net_sentiment", ns, 3, 30, &dz), 20.0, 1e-12);
    /* Share of voice: 25 / (25 + 75) * 100 = 25 */
    named sov[] = { { "mentions", 25 }, { "competitor_mentions", 75 } };
    assert_double_equal(eval_metric(cat, "share_of_voice", sov, 2, 30, &dz), 25.0, 1e-12);
    /* Instagram engagements: 10 + 2 + 3 + 4 = 19 */
    named ig[] = { { "likes", 10 }, { "comments", 2 }, { "shares", 3 }, { "saves", 4 } };
    assert_double_equal(eval_metric(cat, "engagements_instagram", ig, 4, 30, &dz), 19.0, 1e-12);
    assert_false(dz);
    /* Division by zero is flagged, not infinity. */
    named zero[] = { { "engagements", 5 }, { "reach", 0 } };
    double v = eval_metric(cat, "engagement_rate_reach", zero, 2, 30, &dz);
    assert_true(dz);
    assert_true(isnan(v));
}

/* Every other built-in formula against DESIGN.md section 6, on the same
 * inputs: likes 40, comments 10, shares 5, saves 3, link_clicks 25,
 * engagements 80, reach 2000, impressions 5000, followers 4000, spend 50,
 * conversions 2, sessions 20, bounced_sessions 8, satisfied_responses 45,
 * survey_responses 60, messages_received 30, messages_answered 24,
 * response_seconds 8640, posts_published 4, new_followers 70,
 * lost_followers 30. */
static void builtin_formulas_follow_the_design(void **state)
{
    (void)state;
    const skpi_catalog *cat = skpi_catalog_builtin();
    named in[] = {
        { "likes", 40 }, { "comments", 10 }, { "shares", 5 }, { "saves", 3 },
        { "link_clicks", 25 }, { "engagements", 80 }, { "reach", 2000 },
        { "impressions", 5000 }, { "followers", 4000 }, { "spend", 50 },
        { "conversions", 2 }, { "sessions", 20 }, { "bounced_sessions", 8 },
        { "satisfied_responses", 45 }, { "survey_responses", 60 },
        { "messages_received", 30 }, { "messages_answered", 24 },
        { "response_seconds", 8640 }, { "posts_published", 4 },
        { "new_followers", 70 }, { "lost_followers", 30 },
    };
    struct { const char *key; double want; } cases[] = {
        { "engagement_rate_impressions", 1.6 }, /* 80 / 5000 * 100 */
        { "engagement_rate_followers", 2.0 },   /* 80 / 4000 * 100 */
        { "applause_rate", 1.0 },               /* likes 40 / followers 4000 * 100 */
        { "amplification_rate", 0.125 },        /* shares 5 / followers 4000 * 100 */
        { "virality_rate", 0.1 },               /* shares 5 / impressions 5000 * 100 */
        { "conversation_rate", 0.25 },          /* comments 10 / followers 4000 * 100 */
        { "csat", 75.0 },                       /* 45 / 60 * 100 */
        { "ctr", 0.5 },                         /* link clicks 25 / impressions 5000 * 100 */
        { "cpc", 2.0 },                         /* spend 50 / clicks 25 */
        { "cpm", 10.0 },                        /* 50 / 5000 * 1000 */
        { "conversion_rate", 8.0 },             /* conversions 2 / clicks 25 * 100 */
        { "social_conversion_rate", 10.0 },     /* 2 / sessions 20 * 100 */
        { "bounce_rate", 40.0 },                /* 8 single-page / 20 sessions * 100 */
        { "response_rate", 80.0 },              /* 24 / 30 * 100 */
        { "response_time", 360.0 },             /* 8640 s / 24 answered */
        { "engagements_per_post", 20.0 },       /* 80 / 4 */
        { "net_audience_growth", 40.0 },        /* 70 - 30 */
        { "engagements_facebook", 80.0 },       /* 40 + 10 + 5 + 25 */
        { "engagements_x", 80.0 },              /* 40 + 10 + 5 + 25 */
        { "engagements_linkedin", 80.0 },       /* 40 + 10 + 5 + 25 */
        { "engagements_tiktok", 55.0 },         /* 40 + 10 + 5 */
        { "engagements_youtube", 55.0 },        /* 40 + 10 + 5 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool dz = true;
        double v = eval_metric(cat, cases[i].key, in, sizeof in / sizeof in[0], 30, &dz);
        if (dz || !(fabs(v - cases[i].want) <= 1e-12))
            fail_msg("%s = %.17g, expected %.17g", cases[i].key, v, cases[i].want);
    }
}

/* The funnel and its return, worked by hand: 4000 sessions from social,
 * 200 leads, 80 qualified, 20 opportunities, 5 customers; revenue 12500,
 * ad spend 2500, team cost 2500; 120 messages received, 90 answered
 * within the target; own mentions reached 30000, competitors' 90000. */
static void builtin_funnel_and_return_by_hand(void **state)
{
    (void)state;
    const skpi_catalog *cat = skpi_catalog_builtin();
    named in[] = {
        { "sessions", 4000 }, { "leads", 200 }, { "qualified_leads", 80 },
        { "opportunities", 20 }, { "customers", 5 }, { "revenue", 12500 },
        { "spend", 2500 }, { "team_cost", 2500 }, { "messages_received", 120 },
        { "messages_in_target", 90 }, { "mention_reach", 30000 },
        { "competitor_mention_reach", 90000 },
    };
    struct { const char *key; double want; } cases[] = {
        { "lead_conversion_rate", 5.0 },      /* 200 / 4000 * 100 */
        { "lead_qualification_rate", 40.0 },  /* 80 / 200 * 100 */
        { "opportunity_rate", 25.0 },         /* 20 / 80 * 100 */
        { "win_rate", 25.0 },                 /* 5 / 20 * 100 */
        { "customer_conversion_rate", 0.125 },/* 5 / 4000 * 100 */
        { "cost_per_lead", 12.5 },            /* 2500 / 200 */
        { "cost_per_acquisition", 500.0 },    /* 2500 / 5 */
        { "average_deal_size", 2500.0 },      /* 12500 / 5 */
        { "roas", 5.0 },                      /* 12500 / 2500 */
        { "total_cost", 5000.0 },             /* 2500 + 2500 */
        { "roi", 400.0 },                     /* (12500 - 2500) / 2500 * 100 */
        { "roi_total_cost", 150.0 },          /* (12500 - 5000) / 5000 * 100 */
        { "service_level", 75.0 },            /* 90 / 120 * 100 */
        { "share_of_voice_reach", 25.0 },     /* 30000 / (30000 + 90000) * 100 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool dz = true;
        double v = eval_metric(cat, cases[i].key, in, sizeof in / sizeof in[0], 30, &dz);
        if (dz || !(fabs(v - cases[i].want) <= 1e-12))
            fail_msg("%s = %.17g, expected %.17g", cases[i].key, v, cases[i].want);
    }
    assert_int_equal(skpi_metric_unit(get(cat, "roas")), SKPI_UNIT_RATIO);
    assert_int_equal(skpi_metric_unit(get(cat, "roi")), SKPI_UNIT_PERCENT);
    assert_int_equal(skpi_metric_unit(get(cat, "cost_per_lead")), SKPI_UNIT_CURRENCY);
    assert_int_equal(skpi_metric_direction(get(cat, "cost_per_acquisition")), SKPI_LOWER_IS_BETTER);
    /* No cost: ROI, ROAS and the costs per result are not available, never
     * infinity; a loss reads below zero. */
    named free_[] = { { "revenue", 800 }, { "spend", 0 }, { "team_cost", 0 }, { "leads", 3 },
                      { "customers", 1 } };
    const char *no_cost[] = { "roi", "roi_total_cost", "roas" };
    for (size_t i = 0; i < 3; i++) {
        bool dz = false;
        double v = eval_metric(cat, no_cost[i], free_, 5, 30, &dz);
        assert_true(dz);
        assert_true(isnan(v));
    }
    named loss[] = { { "revenue", 300 }, { "spend", 1200 } };
    bool dz = true;
    assert_double_equal(eval_metric(cat, "roi", loss, 2, 30, &dz), -75.0, 1e-12); /* -900 / 1200 */
    assert_false(dz);
}

static void builtin_is_immutable(void **state)
{
    (void)state;
    skpi_catalog *b = (skpi_catalog *)skpi_catalog_builtin();
    assert_int_equal(skpi_catalog_add_metric(b, "x", "X", 0, 0, 0), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "immutable"));
    assert_int_equal(skpi_catalog_add_derived(b, "x", "X", 0, 0, "likes"), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_set_label(b, "likes", "Hearts"), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_set_description(b, "likes", ""), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_set_formula(b, "ctr", "1"), SKPI_EMISUSE);
    skpi_catalog_free(b); /* ignored */
    assert_string_equal(skpi_metric_label(get(b, "likes")), "Likes and reactions");
    skpi_catalog_free(NULL);
}

/* ---- host catalogs -------------------------------------------------- */

static void host_catalog_extends_the_builtin(void **state)
{
    (void)state;
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    size_t n = skpi_catalog_count(skpi_catalog_builtin());
    assert_int_equal(skpi_catalog_count(cat), n);
    assert_int_equal(skpi_catalog_add_metric(cat, "story_views", "Story views", SKPI_UNIT_COUNT,
                                             SKPI_HIGHER_IS_BETTER, SKPI_KIND_FLOW), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "subscribers", "Subscribers", SKPI_UNIT_COUNT,
                                             SKPI_HIGHER_IS_BETTER, SKPI_KIND_STOCK), SKPI_OK);
    assert_int_equal(skpi_catalog_add_derived(cat, "story_view_rate", "Story view rate",
                                              SKPI_UNIT_PERCENT, SKPI_HIGHER_IS_BETTER,
                                              "story_views / first(subscribers) * 100"), SKPI_OK);
    assert_int_equal(skpi_catalog_count(cat), n + 3);
    const skpi_metric *m = skpi_catalog_metric_at(cat, n + 2);
    assert_string_equal(skpi_metric_key(m), "story_view_rate");
    assert_string_equal(skpi_metric_definition(m), "host");
    assert_string_equal(skpi_metric_description(m), "");
    assert_int_equal(skpi_metric_component_count(m), 2);
    assert_string_equal(skpi_metric_component(m, 0), "story_views");
    assert_string_equal(skpi_metric_component(m, 1), "subscribers");
    assert_ptr_equal(get(cat, "story_view_rate"), m);
    assert_int_equal(skpi_metric_kind_of(get(cat, "subscribers")), SKPI_KIND_STOCK);
    /* 40 views / 800 subscribers at the start * 100 = 5 % */
    bool dz;
    named v[] = { { "story_views", 40 }, { "first:subscribers", 800 } };
    assert_double_equal(eval_metric(cat, "story_view_rate", v, 2, 7, &dz), 5.0, 1e-12);

    /* Labels and descriptions of built-in metrics can be overridden in the
     * copy; the built-in catalog keeps its own. */
    assert_int_equal(skpi_catalog_set_label(cat, "likes", "Hearts"), SKPI_OK);
    assert_string_equal(skpi_metric_label(get(cat, "likes")), "Hearts");
    assert_string_equal(skpi_metric_label(get(skpi_catalog_builtin(), "likes")),
                        "Likes and reactions");
    assert_int_equal(skpi_catalog_set_description(cat, "likes", "Hearts on posts"), SKPI_OK);
    assert_string_equal(skpi_metric_description(get(cat, "likes")), "Hearts on posts");

    /* Replacing a built-in formula makes the definition the host's. */
    assert_int_equal(skpi_catalog_set_formula(cat, "engagement_rate_reach",
                                              "engagements_instagram / reach * 100"), SKPI_OK);
    m = get(cat, "engagement_rate_reach");
    assert_string_equal(skpi_metric_definition(m), "host");
    assert_string_equal(skpi_metric_formula(m), "engagements_instagram / reach * 100");
    assert_string_equal(skpi_metric_component(m, 0), "engagements_instagram");
    /* (1 + 2 + 3 + 4) / 200 * 100 = 5 % */
    named ig[] = { { "likes", 1 }, { "comments", 2 }, { "shares", 3 }, { "saves", 4 },
                   { "reach", 200 } };
    assert_double_equal(eval_metric(cat, "engagement_rate_reach", ig, 5, 7, &dz), 5.0, 1e-12);

    /* A copy of a host catalog carries the host's metrics. */
    skpi_catalog *copy = NULL;
    assert_int_equal(skpi_catalog_new(&copy, cat), SKPI_OK);
    assert_int_equal(skpi_catalog_count(copy), n + 3);
    assert_string_equal(skpi_metric_label(get(copy, "likes")), "Hearts");
    assert_double_equal(eval_metric(copy, "story_view_rate", v, 2, 7, &dz), 5.0, 1e-12);
    skpi_catalog_free(cat);
    /* Nothing of the original is borrowed. */
    assert_string_equal(skpi_metric_formula(get(copy, "story_view_rate")),
                        "story_views / first(subscribers) * 100");
    skpi_catalog_free(copy);
}

static void host_catalog_rejects_bad_definitions(void **state)
{
    (void)state;
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    size_t n = skpi_catalog_count(cat);
    const int F = SKPI_KIND_FLOW, C = SKPI_UNIT_COUNT, U = SKPI_HIGHER_IS_BETTER;
    assert_int_equal(skpi_catalog_add_metric(cat, "", "X", C, U, F), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "empty"));
    assert_int_equal(skpi_catalog_add_metric(cat, "Story", "X", C, U, F), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "lowercase"));
    assert_int_equal(skpi_catalog_add_metric(cat, "1x", "X", C, U, F), SKPI_EINVAL);
    assert_int_equal(skpi_catalog_add_metric(cat, "story-views", "X", C, U, F), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "'-' at byte 6"));
    assert_int_equal(skpi_catalog_add_metric(cat, "min", "X", C, U, F), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "formula function"));
    char longkey[80];
    memset(longkey, 'a', 65);
    longkey[65] = '\0';
    assert_int_equal(skpi_catalog_add_metric(cat, longkey, "X", C, U, F), SKPI_EINVAL);
    longkey[64] = '\0';
    assert_int_equal(skpi_catalog_add_metric(cat, longkey, "X", C, U, F), SKPI_OK);
    assert_int_equal(skpi_metric_key_max(), 64);
    assert_int_equal(skpi_catalog_add_metric(cat, "reach", "X", C, U, F), SKPI_EEXISTS);
    assert_non_null(strstr(skpi_last_error(), "'reach' is already defined"));
    assert_int_equal(skpi_catalog_add_metric(cat, "x", "", C, U, F), SKPI_EINVAL);
    assert_int_equal(skpi_catalog_add_metric(cat, "x", "X", 6, U, F), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "unknown unit 6"));
    assert_int_equal(skpi_catalog_add_metric(cat, "x", "X", -1, U, F), SKPI_EINVAL);
    assert_int_equal(skpi_catalog_add_metric(cat, "x", "X", C, 3, F), SKPI_EINVAL);
    assert_int_equal(skpi_catalog_add_metric(cat, "x", "X", C, U, SKPI_KIND_DERIVED), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "skpi_catalog_add_derived"));
    assert_int_equal(skpi_catalog_add_metric(cat, "x", "X", C, U, 7), SKPI_EINVAL);
    assert_int_equal(skpi_catalog_add_metric(cat, NULL, "X", C, U, F), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_add_metric(NULL, "x", "X", C, U, F), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_add_derived(cat, "x", "X", C, U, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_add_derived(cat, "reach", "X", C, U, "1"), SKPI_EEXISTS);
    assert_int_equal(skpi_catalog_add_derived(cat, "x", "X", 9, U, "1"), SKPI_EINVAL);
    assert_int_equal(skpi_catalog_count(cat), n + 1);

    assert_int_equal(skpi_catalog_set_label(cat, "nope", "X"), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "'nope'"));
    assert_int_equal(skpi_catalog_set_label(cat, "likes", ""), SKPI_EINVAL);
    assert_int_equal(skpi_catalog_set_label(cat, "likes", NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_set_description(cat, "nope", "X"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_catalog_set_description(cat, "likes", NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_set_formula(cat, "likes", "1"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "is a flow"));
    assert_int_equal(skpi_catalog_set_formula(cat, "nope", "1"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_catalog_set_formula(cat, "ctr", NULL), SKPI_EMISUSE);
    /* A bad new formula leaves the old one in place. */
    assert_int_equal(skpi_catalog_set_formula(cat, "ctr", "link_clicks /"), SKPI_EPARSE);
    assert_string_equal(skpi_metric_formula(get(cat, "ctr")), "link_clicks / impressions * 100");
    assert_string_equal(skpi_metric_definition(get(cat, "ctr")), "ctr.link_clicks");

    const skpi_metric *m = NULL;
    assert_int_equal(skpi_catalog_find(&m, cat, "nope"), SKPI_ENOTFOUND);
    assert_string_equal(skpi_last_error(), "unknown metric key 'nope'");
    assert_int_equal(skpi_catalog_find(NULL, cat, "likes"), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_new(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_catalog_check_formula(NULL, "1"), SKPI_EMISUSE);
    skpi_catalog_free(cat);
}

/* ---- formulas ------------------------------------------------------- */

static void formula_arithmetic_by_hand(void **state)
{
    (void)state;
    named none[] = { { "likes", 0 } };
    /* precedence: 2 + 12 - 4 = 10 */
    assert_double_equal(eval_formula("2 + 3 * 4 - 8 / 2", none, 0), 10.0, 0);
    /* left associativity: (10 - 2) - 3 = 5; (2 / 4) / 2 = 0.25 */
    assert_double_equal(eval_formula("10 - 2 - 3", none, 0), 5.0, 0);
    assert_double_equal(eval_formula("2 / 4 / 2", none, 0), 0.25, 0);
    /* unary minus and parentheses: -(5) * 2 = -10; 3 - -2 = 5; --4 = 4 */
    assert_double_equal(eval_formula("-(2 + 3) * 2", none, 0), -10.0, 0);
    assert_double_equal(eval_formula("3 - -2", none, 0), 5.0, 0);
    assert_double_equal(eval_formula("--4", none, 0), 4.0, 0);
    /* numbers: 0.5 + 0.25 + 1000 + 0.25 + 7 = 1008 */
    assert_double_equal(eval_formula("0.5 + .25 + 1e3 + 2.5E-1 + 007", none, 0), 1008.0, 0);
    assert_double_equal(eval_formula("1.5e+2", none, 0), 150.0, 0);
    assert_double_equal(eval_formula("0.1", none, 0), 0.1, 0);
    assert_double_equal(eval_formula("123456789012345678901234", none, 0), 1.2345678901234568e23, 1e8);
    /* functions, with likes = 5 and comments = 4:
     * abs(-5) = 5; min(5, 4, 3) = 3; max(2, -4) = 2; 5 + 3 - 2 * -1 = 10 */
    named lc[] = { { "likes", 5 }, { "comments", 4 } };
    assert_double_equal(eval_formula("abs(-likes) + min(likes, comments, 3) - max(2, -comments) * -1",
                                     lc, 2), 10.0, 0);
    assert_double_equal(eval_formula("max(likes,comments)", lc, 2), 5.0, 0);
    /* a NaN operand (here infinity - infinity after an overflow) makes
     * min() and max() NaN in either position, like every other operator */
    assert_true(isnan(eval_formula("min(likes, likes * 1e300 * 1e300 - likes * 1e300 * 1e300)", lc, 2)));
    assert_true(isnan(eval_formula("min(likes * 1e300 * 1e300 - likes * 1e300 * 1e300, likes)", lc, 2)));
    assert_true(isnan(eval_formula("max(likes, likes * 1e300 * 1e300 - likes * 1e300 * 1e300)", lc, 2)));
    assert_true(isnan(eval_formula("max(likes * 1e300 * 1e300 - likes * 1e300 * 1e300, likes)", lc, 2)));
    /* whitespace of every kind; days() is the period's length (30 here) */
    assert_double_equal(eval_formula(" likes\t*\n2 /\r days ( ) ", lc, 2), 10.0 / 30.0, 1e-15);
}

static void formula_numbers_ignore_the_locale(void **state)
{
    (void)state;
    /* The parser reads '.' whatever setlocale says; try a comma locale if
     * the system has one. */
    const char *names[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", NULL };
    for (int i = 0; names[i]; i++)
        if (setlocale(LC_NUMERIC, names[i])) break;
    named none[] = { { "likes", 0 } };
    assert_double_equal(eval_formula("2.5 * 2", none, 0), 5.0, 0);
    setlocale(LC_NUMERIC, "C");
}

static void formula_errors_give_position_and_expectation(void **state)
{
    (void)state;
    expect_formula_error("", SKPI_EPARSE,
                         "metric 'bad': formula column 1: expected a number, a metric key, a "
                         "function, '(' or '-', found end of formula");
    expect_formula_error("reach +", SKPI_EPARSE, "column 8: expected a number");
    expect_formula_error("reach * (likes", SKPI_EPARSE,
                         "column 15: expected ')' or an operator, found end of formula");
    expect_formula_error("reach likes", SKPI_EPARSE,
                         "column 7: expected an operator or the end of the formula, found 'l'");
    expect_formula_error("2 ** 3", SKPI_EPARSE, "column 4: expected a number");
    expect_formula_error("reach $ 2", SKPI_EPARSE, "column 7: expected an operator or the end of "
                                                   "the formula, found '$'");
    expect_formula_error("likes)", SKPI_EPARSE, "column 6: ')' without a matching '('");
    expect_formula_error("likes + \x01", SKPI_EPARSE, "found byte 0x01");
    expect_formula_error("foo(1)", SKPI_EPARSE, "column 1: unknown function 'foo'");
    expect_formula_error("min(1)", SKPI_EPARSE, "column 6: expected ',' (min() and max() take");
    expect_formula_error("min(1, 2", SKPI_EPARSE, "column 9: expected ',' or ')'");
    expect_formula_error("abs(1, 2)", SKPI_EPARSE, "column 6: expected ')' (abs() takes one");
    expect_formula_error("days(1)", SKPI_EPARSE, "column 6: expected ')' (days() takes no");
    expect_formula_error("first(1)", SKPI_EPARSE, "column 7: expected a stock metric key");
    expect_formula_error("first(followers + 1)", SKPI_EPARSE, "column 17: expected ')' (first()");
    expect_formula_error("max + 1", SKPI_EPARSE, "column 4: expected '(' after a function name");
    expect_formula_error("1e", SKPI_EPARSE, "column 3: expected a digit in the exponent");
    expect_formula_error("1e+x", SKPI_EPARSE, "column 4: expected a digit in the exponent");
    expect_formula_error(".", SKPI_EPARSE, "column 1: expected a digit");
    expect_formula_error("1e999", SKPI_ERANGE, "column 1: number too large");
    expect_formula_error("unknown_key / 2", SKPI_ENOTFOUND, "column 1: unknown metric key 'unknown_key'");
    expect_formula_error("likes / Reach", SKPI_ENOTFOUND, "column 9: unknown metric key 'Reach'");
    expect_formula_error("first(likes)", SKPI_EINVAL,
                         "column 7: first() takes a stock, and 'likes' is a flow");
    expect_formula_error("first(nope)", SKPI_ENOTFOUND, "column 7: unknown metric key 'nope'");

    /* Limits: nesting, length, number of operations. */
    char buf[8192];
    size_t k = 0;
    for (int i = 0; i < 40; i++) buf[k++] = '(';
    buf[k++] = '1';
    for (int i = 0; i < 40; i++) buf[k++] = ')';
    buf[k] = '\0';
    expect_formula_error(buf, SKPI_ERANGE, "nested too deeply");
    memset(buf, ' ', 5000);
    buf[5000] = '1';
    buf[5001] = '\0';
    expect_formula_error(buf, SKPI_ERANGE, "formula too long: 5001 bytes");
    k = 0;
    for (int i = 0; i < 200; i++) k += (size_t)sprintf(buf + k, "1 + ");
    buf[k++] = '1';
    buf[k] = '\0';
    expect_formula_error(buf, SKPI_ERANGE, "more than 256 operations");
    /* A stack deeper than 32 values: 1+(1+(1+(...))) keeps each 1 pending. */
    k = 0;
    for (int i = 0; i < 33; i++) k += (size_t)sprintf(buf + k, "1+(");
    buf[k++] = '1';
    for (int i = 0; i < 33; i++) buf[k++] = ')';
    buf[k] = '\0';
    expect_formula_error(buf, SKPI_ERANGE, "nested too deeply");
}

static void formula_cycles_are_rejected_when_defined(void **state)
{
    (void)state;
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    const int R = SKPI_UNIT_RATIO, U = SKPI_HIGHER_IS_BETTER;
    /* A metric cannot name itself. */
    assert_int_equal(skpi_catalog_add_derived(cat, "loop", "Loop", R, U, "likes + loop"),
                     SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(),
                           "metric 'loop': formula column 9: the formula refers to 'loop', the "
                           "metric being defined (a cycle)"));
    /* a -> b -> a through a replaced formula. */
    assert_int_equal(skpi_catalog_add_derived(cat, "a", "A", R, U, "likes * 2"), SKPI_OK);
    assert_int_equal(skpi_catalog_add_derived(cat, "b", "B", R, U, "a + 1"), SKPI_OK);
    assert_int_equal(skpi_catalog_add_derived(cat, "c", "C", R, U, "b / 2"), SKPI_OK);
    assert_int_equal(skpi_catalog_set_formula(cat, "a", "c * 2"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "makes 'a' depend on itself (a cycle)"));
    assert_int_equal(skpi_catalog_set_formula(cat, "a", "a + 1"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "depend on itself"));
    assert_string_equal(skpi_metric_formula(get(cat, "a")), "likes * 2");
    /* with likes = 4: a = 8, b = 9, c = 4.5 */
    bool dz;
    named v[] = { { "likes", 4 }, { "comments", 6 } };
    assert_double_equal(eval_metric(cat, "c", v, 1, 1, &dz), 4.5, 0);
    /* A legal change reaches the metrics built on it: a = 6, b = 7, c = 3.5 */
    assert_int_equal(skpi_catalog_set_formula(cat, "a", "comments"), SKPI_OK);
    assert_double_equal(eval_metric(cat, "c", v, 2, 1, &dz), 3.5, 0);
    assert_int_equal(skpi_metric_component_count(get(cat, "a")), 1);
    assert_string_equal(skpi_metric_component(get(cat, "a"), 0), "comments");
    skpi_catalog_free(cat);
}

static void formula_depth_limit(void **state)
{
    (void)state;
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    const int R = SKPI_UNIT_RATIO, U = SKPI_HIGHER_IS_BETTER;
    /* d1 = likes + 1, dK = d(K-1) + 1: sixteen levels are allowed. */
    char key[16], prev[16], f[64];
    assert_int_equal(skpi_catalog_add_derived(cat, "d1", "D", R, U, "likes + 1"), SKPI_OK);
    for (int i = 2; i <= 16; i++) {
        snprintf(key, sizeof key, "d%d", i);
        snprintf(prev, sizeof prev, "d%d", i - 1);
        snprintf(f, sizeof f, "%s + 1", prev);
        assert_int_equal(skpi_catalog_add_derived(cat, key, "D", R, U, f), SKPI_OK);
    }
    bool dz;
    named v[] = { { "likes", 0 } };
    assert_double_equal(eval_metric(cat, "d16", v, 1, 1, &dz), 16.0, 0);
    assert_int_equal(skpi_catalog_add_derived(cat, "d17", "D", R, U, "d16 + 1"), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "nested more than 16 deep"));
    /* Deepening the chain from below is refused too: d1 = d0 would make
     * d16 seventeen levels deep. */
    assert_int_equal(skpi_catalog_add_derived(cat, "d0", "D", R, U, "likes"), SKPI_OK);
    assert_int_equal(skpi_catalog_set_formula(cat, "d1", "d0 + 1"), SKPI_ERANGE);
    assert_string_equal(skpi_metric_formula(get(cat, "d1")), "likes + 1");
    skpi_catalog_free(cat);
}

static void formula_leaf_limit(void **state)
{
    (void)state;
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    char key[16], f[2048];
    size_t k = 0;
    for (int i = 0; i < 65; i++) {
        snprintf(key, sizeof key, "m%d", i);
        assert_int_equal(skpi_catalog_add_metric(cat, key, "M", 0, 0, SKPI_KIND_FLOW), SKPI_OK);
        k += (size_t)sprintf(f + k, "%s%s", i ? "+" : "", key);
    }
    assert_int_equal(skpi_catalog_add_derived(cat, "sum", "S", 0, 0, f), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "more than 64 flows and stocks"));
    skpi_catalog_free(cat);
}

static void enum_names(void **state)
{
    (void)state;
    assert_string_equal(skpi_unit_name(SKPI_UNIT_COUNT), "count");
    assert_string_equal(skpi_unit_name(SKPI_UNIT_PERCENT), "percent");
    assert_string_equal(skpi_unit_name(SKPI_UNIT_RATIO), "ratio");
    assert_string_equal(skpi_unit_name(SKPI_UNIT_CURRENCY), "currency");
    assert_string_equal(skpi_unit_name(SKPI_UNIT_DURATION), "duration");
    assert_string_equal(skpi_unit_name(SKPI_UNIT_SCORE), "score");
    assert_string_equal(skpi_unit_name(6), "unknown");
    assert_string_equal(skpi_direction_name(SKPI_HIGHER_IS_BETTER), "higher");
    assert_string_equal(skpi_direction_name(SKPI_LOWER_IS_BETTER), "lower");
    assert_string_equal(skpi_direction_name(SKPI_DIRECTION_NEUTRAL), "neutral");
    assert_string_equal(skpi_direction_name(-1), "unknown");
    assert_string_equal(skpi_metric_kind_name(SKPI_KIND_FLOW), "flow");
    assert_string_equal(skpi_metric_kind_name(SKPI_KIND_STOCK), "stock");
    assert_string_equal(skpi_metric_kind_name(SKPI_KIND_DERIVED), "derived");
    assert_string_equal(skpi_metric_kind_name(3), "unknown");
    /* Values are part of the ABI. */
    assert_int_equal(SKPI_UNIT_SCORE, 5);
    assert_int_equal(SKPI_DIRECTION_NEUTRAL, 2);
    assert_int_equal(SKPI_KIND_DERIVED, 2);
}

static void null_metric_getters(void **state)
{
    (void)state;
    assert_null(skpi_metric_key(NULL));
    assert_null(skpi_metric_label(NULL));
    assert_null(skpi_metric_definition(NULL));
    assert_null(skpi_metric_formula(NULL));
    assert_null(skpi_metric_description(NULL));
    assert_int_equal(skpi_metric_unit(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_metric_direction(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_metric_kind_of(NULL), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "metric is NULL"));
    assert_int_equal(skpi_metric_component_count(NULL), 0);
    assert_null(skpi_metric_component(NULL, 0));
    assert_int_equal(skpi_catalog_count(NULL), 0);
}

/* ---- out of memory -------------------------------------------------- */

static void out_of_memory_leaves_catalogs_unchanged(void **state)
{
    (void)state;
    long live = test_alloc_live();
    int rc = SKPI_ENOMEM;
    skpi_catalog *cat = NULL;
    for (long n = 0; rc == SKPI_ENOMEM; n++) {
        test_alloc_fail_after(n);
        rc = skpi_catalog_new(&cat, NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_ENOMEM) assert_int_equal(test_alloc_live(), live);
    }
    assert_int_equal(rc, SKPI_OK);
    size_t count = skpi_catalog_count(cat);

    rc = SKPI_ENOMEM;
    for (long n = 0; rc == SKPI_ENOMEM; n++) {
        long before = test_alloc_live();
        test_alloc_fail_after(n);
        rc = skpi_catalog_add_metric(cat, "story_views", "Story views", 0, 0, SKPI_KIND_FLOW);
        test_alloc_fail_after(-1);
        if (rc == SKPI_ENOMEM) {
            assert_int_equal(test_alloc_live(), before);
            assert_int_equal(skpi_catalog_count(cat), count);
        }
    }
    assert_int_equal(rc, SKPI_OK);
    rc = SKPI_ENOMEM;
    for (long n = 0; rc == SKPI_ENOMEM; n++) {
        long before = test_alloc_live();
        test_alloc_fail_after(n);
        rc = skpi_catalog_add_derived(cat, "story_rate", "Story rate", 1, 0,
                                      "story_views / reach * 100");
        test_alloc_fail_after(-1);
        if (rc == SKPI_ENOMEM) {
            assert_int_equal(test_alloc_live(), before);
            assert_int_equal(skpi_catalog_count(cat), count + 1);
        }
    }
    assert_int_equal(rc, SKPI_OK);
    rc = SKPI_ENOMEM;
    for (long n = 0; rc == SKPI_ENOMEM; n++) {
        long before = test_alloc_live();
        test_alloc_fail_after(n);
        rc = skpi_catalog_set_formula(cat, "story_rate", "story_views / impressions * 100");
        test_alloc_fail_after(-1);
        if (rc == SKPI_ENOMEM) {
            assert_int_equal(test_alloc_live(), before);
            assert_string_equal(skpi_metric_formula(get(cat, "story_rate")),
                                "story_views / reach * 100");
            assert_string_equal(skpi_metric_definition(get(cat, "story_rate")), "host");
        }
    }
    assert_int_equal(rc, SKPI_OK);
    rc = SKPI_ENOMEM;
    for (long n = 0; rc == SKPI_ENOMEM; n++) {
        long before = test_alloc_live();
        test_alloc_fail_after(n);
        rc = skpi_catalog_set_label(cat, "likes", "Hearts");
        test_alloc_fail_after(-1);
        if (rc == SKPI_ENOMEM) {
            assert_int_equal(test_alloc_live(), before);
            assert_string_equal(skpi_metric_label(get(cat, "likes")), "Likes and reactions");
        }
    }
    assert_int_equal(rc, SKPI_OK);
    rc = SKPI_ENOMEM;
    for (long n = 0; rc == SKPI_ENOMEM; n++) {
        long before = test_alloc_live();
        test_alloc_fail_after(n);
        rc = skpi_catalog_set_description(cat, "likes", "Hearts on posts");
        test_alloc_fail_after(-1);
        if (rc == SKPI_ENOMEM) assert_int_equal(test_alloc_live(), before);
    }
    assert_int_equal(rc, SKPI_OK);
    /* Growing past the initial capacity reallocates the arrays. */
    char key[16];
    for (int i = 0; i < 200; i++) {
        snprintf(key, sizeof key, "extra_%d", i);
        assert_int_equal(skpi_catalog_add_metric(cat, key, "Extra", 0, 0, SKPI_KIND_FLOW), SKPI_OK);
    }
    assert_int_equal(skpi_catalog_count(cat), count + 202);
    for (int i = 0; i < 200; i++) {
        snprintf(key, sizeof key, "extra_%d", i);
        assert_string_equal(skpi_metric_key(get(cat, key)), key);
    }
    skpi_catalog_free(cat);
    assert_int_equal(test_alloc_live(), live);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builtin_first_use_is_thread_safe_and_allocates_nothing),
        cmocka_unit_test(builtin_has_every_required_metric),
        cmocka_unit_test(builtin_metrics_are_well_formed),
        cmocka_unit_test(builtin_metrics_are_all_documented),
        cmocka_unit_test(builtin_engagement_rate_reach),
        cmocka_unit_test(builtin_formulas_evaluate_by_hand),
        cmocka_unit_test(builtin_formulas_follow_the_design),
        cmocka_unit_test(builtin_funnel_and_return_by_hand),
        cmocka_unit_test(builtin_is_immutable),
        cmocka_unit_test(host_catalog_extends_the_builtin),
        cmocka_unit_test(host_catalog_rejects_bad_definitions),
        cmocka_unit_test(formula_arithmetic_by_hand),
        cmocka_unit_test(formula_numbers_ignore_the_locale),
        cmocka_unit_test(formula_errors_give_position_and_expectation),
        cmocka_unit_test(formula_cycles_are_rejected_when_defined),
        cmocka_unit_test(formula_depth_limit),
        cmocka_unit_test(formula_leaf_limit),
        cmocka_unit_test(enum_names),
        cmocka_unit_test(null_metric_getters),
        cmocka_unit_test(out_of_memory_leaves_catalogs_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
