/* Tests of definitions.h: loading goals, objectives and custom metrics from
 * JSON, saving them back, the round trip, bad documents and their messages,
 * files, and allocation failures in the library and in jansson. The
 * expected values are read off the hand-written fixtures in
 * tests/fixtures/definitions/ and worked out in the comments. */
#define _POSIX_C_SOURCE 200809L
#define SKPI_EXPERIMENTAL /* report definitions one by one */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_alloc.h"
#include "test_locale.h"
#include "test_json_alloc.h"
#include "definitions/defs_internal.h"

#define FIXTURES SKPI_SOURCE_DIR "/tests/fixtures/definitions/"

/* cmocka 1.1.5 compares floats only; these are doubles, compared exactly. */
#define assert_double_same(a, b) assert_same_double((a), (b), __FILE__, __LINE__)
static void assert_same_double(double a, double b, const char *file, int line)
{
    if (!(a == b || (isnan(a) && isnan(b)))) {
        print_error("%.17g != %.17g\n", a, b);
        _fail(file, line);
    }
}

static skpi_time at(int y, int mo, int d, int h, int mi, int s)
{
    skpi_time t = 0;
    assert_int_equal(skpi_time_from_civil(&t, y, mo, d, h, mi, s), SKPI_OK);
    return t;
}

static skpi_time day(int y, int mo, int d) { return at(y, mo, d, 0, 0, 0); }

static char *read_text(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    if (size) *size = (size_t)n;
    return buf;
}

static skpi_definitions *load_fixture(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, FIXTURES "%s", name);
    skpi_definitions *defs = NULL;
    int rc = skpi_definitions_load_file(&defs, path, NULL);
    if (rc != SKPI_OK) fail_msg("%s: %s", name, skpi_last_error());
    return defs;
}

static skpi_definitions *load_text(const char *text)
{
    skpi_definitions *defs = NULL;
    int rc = skpi_definitions_load_buffer(&defs, text, strlen(text), NULL);
    if (rc != SKPI_OK) fail_msg("%s", skpi_last_error());
    return defs;
}

static char *save_text(const skpi_definitions *defs)
{
    char *text = NULL;
    size_t size = 0;
    int rc = skpi_definitions_save_buffer(&text, &size, defs);
    if (rc != SKPI_OK) fail_msg("save: %s", skpi_last_error());
    assert_int_equal(strlen(text), size);
    return text;
}

static skpi_definitions *reload(const skpi_definitions *defs)
{
    char *text = save_text(defs);
    skpi_definitions *copy = load_text(text);
    skpi_free(text);
    return copy;
}

static const skpi_metric *metric(const skpi_definitions *defs, const char *key)
{
    const skpi_metric *m = NULL;
    assert_int_equal(skpi_catalog_find(&m, skpi_definitions_catalog(defs), key), SKPI_OK);
    return m;
}

static const skpi_goal *goal_by_id(const skpi_definitions *defs, const char *id)
{
    size_t i = 99;
    assert_int_equal(skpi_definitions_find_goal(&i, defs, id), SKPI_OK);
    return skpi_definitions_goal(defs, i);
}

static const skpi_objective *objective_by_id(const skpi_definitions *defs, const char *id)
{
    size_t i = 99;
    assert_int_equal(skpi_definitions_find_objective(&i, defs, id), SKPI_OK);
    return skpi_definitions_objective(defs, i);
}

static void assert_same_text(const char *a, const char *b)
{
    if (a == NULL || b == NULL) assert_ptr_equal(a, b);
    else assert_string_equal(a, b);
}

/* ---- comparing two handles field by field ---- */

static void same_catalog(const skpi_catalog *a, const skpi_catalog *b)
{
    assert_int_equal(skpi_catalog_count(a), skpi_catalog_count(b));
    for (size_t i = 0; i < skpi_catalog_count(a); i++) {
        const skpi_metric *x = skpi_catalog_metric_at(a, i), *y = skpi_catalog_metric_at(b, i);
        assert_string_equal(skpi_metric_key(x), skpi_metric_key(y));
        assert_string_equal(skpi_metric_label(x), skpi_metric_label(y));
        assert_string_equal(skpi_metric_description(x), skpi_metric_description(y));
        assert_string_equal(skpi_metric_definition(x), skpi_metric_definition(y));
        assert_same_text(skpi_metric_formula(x), skpi_metric_formula(y));
        assert_int_equal(skpi_metric_unit(x), skpi_metric_unit(y));
        assert_int_equal(skpi_metric_direction(x), skpi_metric_direction(y));
        assert_int_equal(skpi_metric_kind_of(x), skpi_metric_kind_of(y));
    }
}

static void same_goal(const skpi_goal *a, const skpi_goal *b)
{
    assert_string_equal(skpi_goal_name(a), skpi_goal_name(b));
    assert_int_equal(skpi_goal_category(a), skpi_goal_category(b));
    assert_same_text(skpi_goal_metric(a), skpi_goal_metric(b));
    assert_same_text(skpi_goal_channel(a), skpi_goal_channel(b));
    assert_int_equal(skpi_goal_direction(a), skpi_goal_direction(b));
    assert_int_equal(skpi_goal_cadence(a), skpi_goal_cadence(b));
    assert_int_equal(skpi_goal_baseline_kind(a), skpi_goal_baseline_kind(b));
    assert_double_same(skpi_goal_baseline_value(a), skpi_goal_baseline_value(b));
    skpi_period pa = { 1, 2 }, pb = { 1, 2 };
    assert_int_equal(skpi_goal_baseline_period(&pa, a), skpi_goal_baseline_period(&pb, b));
    assert_true(pa.start == pb.start && pa.end == pb.end);
    assert_int_equal(skpi_goal_target_kind(a), skpi_goal_target_kind(b));
    assert_double_same(skpi_goal_target_value(a), skpi_goal_target_value(b));
    assert_int_equal(skpi_goal_span(&pa, a), skpi_goal_span(&pb, b));
    assert_true(pa.start == pb.start && pa.end == pb.end);
    assert_int_equal(skpi_goal_milestone_count(a), skpi_goal_milestone_count(b));
    for (size_t i = 0; i < skpi_goal_milestone_count(a); i++) {
        skpi_time ta, tb;
        double va, vb;
        assert_int_equal(skpi_goal_milestone(&ta, &va, a, i), SKPI_OK);
        assert_int_equal(skpi_goal_milestone(&tb, &vb, b, i), SKPI_OK);
        assert_true(ta == tb);
        assert_double_same(va, vb);
    }
    assert_same_text(skpi_goal_relevance(a), skpi_goal_relevance(b));
    assert_same_text(skpi_goal_owner(a), skpi_goal_owner(b));
}

static void same_key_result(const skpi_key_result *a, const skpi_key_result *b)
{
    assert_string_equal(skpi_key_result_title(a), skpi_key_result_title(b));
    assert_int_equal(skpi_key_result_kind(a), skpi_key_result_kind(b));
    assert_same_text(skpi_key_result_metric(a), skpi_key_result_metric(b));
    assert_same_text(skpi_key_result_selector(a), skpi_key_result_selector(b));
    double sa = NAN, ta = NAN, sb = NAN, tb = NAN;
    assert_int_equal(skpi_key_result_range(&sa, &ta, a), skpi_key_result_range(&sb, &tb, b));
    assert_double_same(sa, sb);
    assert_double_same(ta, tb);
    assert_double_same(skpi_key_result_stretch(a), skpi_key_result_stretch(b));
    assert_double_same(skpi_key_result_commit(a), skpi_key_result_commit(b));
    assert_double_same(skpi_key_result_weight(a), skpi_key_result_weight(b));
    assert_int_equal(skpi_key_result_checkin_count(a), skpi_key_result_checkin_count(b));
    for (size_t i = 0; i < skpi_key_result_checkin_count(a); i++) {
        skpi_time xa, xb;
        double va, vb, ca, cb;
        const char *na, *nb;
        assert_int_equal(skpi_key_result_checkin(&xa, &va, &ca, &na, a, i), SKPI_OK);
        assert_int_equal(skpi_key_result_checkin(&xb, &vb, &cb, &nb, b, i), SKPI_OK);
        assert_true(xa == xb);
        assert_double_same(va, vb);
        assert_double_same(ca, cb);
        assert_string_equal(na, nb);
    }
}

static void same_objective(const skpi_definitions *da, const skpi_objective *a,
                           const skpi_definitions *db, const skpi_objective *b)
{
    assert_string_equal(skpi_objective_title(a), skpi_objective_title(b));
    assert_string_equal(skpi_objective_description(a), skpi_objective_description(b));
    assert_string_equal(skpi_objective_owner(a), skpi_objective_owner(b));
    assert_int_equal(skpi_objective_type(a), skpi_objective_type(b));
    skpi_period pa = { 1, 2 }, pb = { 1, 2 };
    assert_int_equal(skpi_objective_period(&pa, a), skpi_objective_period(&pb, b));
    assert_true(pa.start == pb.start && pa.end == pb.end);
    assert_int_equal(skpi_objective_curve(a), skpi_objective_curve(b));
    assert_int_equal(skpi_objective_curve_point_count(a), skpi_objective_curve_point_count(b));
    for (size_t i = 0; i < skpi_objective_curve_point_count(a); i++) {
        double xa, ya, xb, yb;
        assert_int_equal(skpi_objective_curve_point(&xa, &ya, a, i), SKPI_OK);
        assert_int_equal(skpi_objective_curve_point(&xb, &yb, b, i), SKPI_OK);
        assert_double_same(xa, xb);
        assert_double_same(ya, yb);
    }
    assert_double_same(skpi_objective_alignment_weight(a), skpi_objective_alignment_weight(b));
    /* Parents and children are compared by id. */
    const skpi_objective *parent_a = skpi_objective_parent(a), *parent_b = skpi_objective_parent(b);
    assert_int_equal(parent_a == NULL, parent_b == NULL);
    for (size_t i = 0; parent_a && i < skpi_definitions_objective_count(da); i++) {
        if (skpi_definitions_objective(da, i) != parent_a) continue;
        assert_ptr_equal(objective_by_id(db, skpi_definitions_objective_id(da, i)), parent_b);
    }
    assert_int_equal(skpi_objective_child_count(a), skpi_objective_child_count(b));
    for (size_t c = 0; c < skpi_objective_child_count(a); c++) {
        const skpi_objective *ca = skpi_objective_child(a, c), *cb = skpi_objective_child(b, c);
        for (size_t i = 0; i < skpi_definitions_objective_count(da); i++)
            if (skpi_definitions_objective(da, i) == ca)
                assert_ptr_equal(objective_by_id(db, skpi_definitions_objective_id(da, i)), cb);
    }
    assert_int_equal(skpi_objective_key_result_count(a), skpi_objective_key_result_count(b));
    for (size_t i = 0; i < skpi_objective_key_result_count(a); i++)
        same_key_result(skpi_objective_key_result(a, i), skpi_objective_key_result(b, i));
}

/* Report definitions are compared through the reports they build. */
static void same_report(const skpi_report *a, const skpi_report *b)
{
    assert_string_equal(skpi_report_title(a), skpi_report_title(b));
    assert_int_equal(skpi_report_audience(a), skpi_report_audience(b));
    assert_int_equal(skpi_report_cadence(a), skpi_report_cadence(b));
    assert_int_equal(skpi_report_comparisons(a), skpi_report_comparisons(b));
    assert_true(skpi_report_as_of(a) == skpi_report_as_of(b));
    assert_int_equal(skpi_report_channel_count(a), skpi_report_channel_count(b));
    for (size_t i = 0; i < skpi_report_channel_count(a); i++)
        assert_string_equal(skpi_report_channel(a, i), skpi_report_channel(b, i));
    assert_int_equal(skpi_report_kpi_count(a), skpi_report_kpi_count(b));
    for (size_t i = 0; i < skpi_report_kpi_count(a); i++) {
        const char *ma, *sa, *mb, *sb;
        assert_int_equal(skpi_report_kpi(&ma, &sa, a, i), SKPI_OK);
        assert_int_equal(skpi_report_kpi(&mb, &sb, b, i), SKPI_OK);
        assert_string_equal(ma, mb);
        assert_same_text(sa, sb);
    }
    assert_int_equal(skpi_report_goal_count(a), skpi_report_goal_count(b));
    assert_int_equal(skpi_report_objective_count(a), skpi_report_objective_count(b));
    assert_int_equal(skpi_report_section_count(a), skpi_report_section_count(b));
    for (size_t i = 0; i < skpi_report_section_count(a); i++)
        assert_int_equal(skpi_report_section(a, i), skpi_report_section(b, i));
    for (int k = 0; k < skpi_template_count(); k++)
        assert_string_equal(skpi_report_template(a, k), skpi_report_template(b, k));
}

static skpi_report *build(const skpi_definitions *defs, size_t index, skpi_time as_of)
{
    skpi_report *r = NULL;
    int rc = skpi_definitions_build_report(&r, defs, index, as_of);
    if (rc != SKPI_OK) fail_msg("build: %s", skpi_last_error());
    return r;
}

static void same_definitions(const skpi_definitions *a, const skpi_definitions *b)
{
    assert_int_equal(skpi_definitions_report_count(a), skpi_definitions_report_count(b));
    for (size_t i = 0; i < skpi_definitions_report_count(a); i++) {
        assert_string_equal(skpi_definitions_report_id(a, i), skpi_definitions_report_id(b, i));
        skpi_report *ra = build(a, i, day(2026, 3, 2)), *rb = build(b, i, day(2026, 3, 2));
        same_report(ra, rb);
        skpi_report_free(ra);
        skpi_report_free(rb);
    }
    same_catalog(skpi_definitions_catalog(a), skpi_definitions_catalog(b));
    assert_int_equal(skpi_definitions_goal_count(a), skpi_definitions_goal_count(b));
    for (size_t i = 0; i < skpi_definitions_goal_count(a); i++) {
        assert_string_equal(skpi_definitions_goal_id(a, i), skpi_definitions_goal_id(b, i));
        same_goal(skpi_definitions_goal(a, i), skpi_definitions_goal(b, i));
    }
    assert_int_equal(skpi_definitions_objective_count(a), skpi_definitions_objective_count(b));
    for (size_t i = 0; i < skpi_definitions_objective_count(a); i++) {
        assert_string_equal(skpi_definitions_objective_id(a, i), skpi_definitions_objective_id(b, i));
        same_objective(a, skpi_definitions_objective(a, i), b, skpi_definitions_objective(b, i));
    }
}

/* ---- limits, empty handles, misuse ---- */

static void test_limits(void **state)
{
    (void)state;
    assert_int_equal(skpi_definitions_schema_version(), 1);
    assert_int_equal(skpi_definitions_id_max(), 64);
    assert_int_equal(skpi_definitions_file_max(), 64u << 20);
}

/* Every template of report.h has a name in the document's vocabulary, and
 * the names are those of the enumerators: SKPI_TPL_HEADLINE_UP is
 * "headline_up". */
static void test_template_names(void **state)
{
    (void)state;
    for (int k = 0; k < skpi_template_count(); k++)
        if (skpi__name_of(skpi__template_names, k) == NULL) fail_msg("template %d has no name", k);
    assert_string_equal(skpi__name_of(skpi__template_names, SKPI_TPL_HEADLINE_UP), "headline_up");
    assert_string_equal(skpi__name_of(skpi__template_names, SKPI_TPL_ALL_CHANNELS), "all_channels");
    assert_null(skpi__name_of(skpi__template_names, skpi_template_count()));
    assert_true(skpi_template_count() <= SKPI__TEMPLATES_MAX);
}

static void test_new_empty(void **state)
{
    (void)state;
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_goal_count(defs), 0);
    assert_int_equal(skpi_definitions_objective_count(defs), 0);
    assert_int_equal(skpi_catalog_count(skpi_definitions_catalog(defs)),
                     skpi_catalog_count(skpi_catalog_builtin()));
    assert_null(skpi_definitions_goal(defs, 0));
    assert_null(skpi_definitions_goal_id(defs, 0));
    assert_null(skpi_definitions_objective(defs, 0));
    assert_null(skpi_definitions_objective_id(defs, 0));
    /* Nothing to say: the document holds only its version and empty lists. */
    char *text = save_text(defs);
    assert_string_equal(text, "{\n  \"version\": 1,\n  \"metrics\": [],\n  \"goals\": [],\n"
                              "  \"objectives\": [],\n  \"reports\": []\n}\n");
    skpi_free(text);
    skpi_definitions_free(defs);
    skpi_definitions_free(NULL);
}

static void test_misuse(void **state)
{
    (void)state;
    skpi_definitions *defs = NULL;
    char *text = NULL;
    size_t i = 0;
    skpi_goal *g = NULL;
    assert_int_equal(skpi_goal_new(&g, "G"), SKPI_OK);
    assert_int_equal(skpi_definitions_new(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_load_buffer(NULL, "{}", 2, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_load_buffer(&defs, NULL, 2, NULL), SKPI_EMISUSE);
    assert_string_equal(skpi_last_error(), "skpi_definitions_load_buffer: data is NULL");
    assert_int_equal(skpi_definitions_load_file(NULL, "x.json", NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_load_file(&defs, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_save_buffer(NULL, NULL, defs), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_save_buffer(&text, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_save_file(NULL, "x.json"), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_find_goal(&i, NULL, "a"), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_find_objective(&i, NULL, "a"), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_add_goal(NULL, NULL, "a", g), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_add_objective(NULL, NULL, "a", "A"), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_remove_goal(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_remove_objective(NULL, 0), SKPI_EMISUSE);
    assert_null(defs);
    assert_null(text);
    assert_null(skpi_definitions_catalog(NULL));
    assert_int_equal(skpi_definitions_goal_count(NULL), 0);
    assert_int_equal(skpi_definitions_objective_count(NULL), 0);
    assert_null(skpi_definitions_goal(NULL, 0));
    assert_null(skpi_definitions_goal_id(NULL, 0));
    assert_null(skpi_definitions_objective(NULL, 0));
    assert_null(skpi_definitions_objective_id(NULL, 0));

    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_save_file(defs, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_find_goal(NULL, defs, "a"), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_find_goal(&i, defs, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_find_objective(NULL, defs, "a"), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_find_objective(&i, defs, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, NULL, g), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, "a", NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_add_objective(NULL, defs, NULL, "A"), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_add_objective(NULL, defs, "a", NULL), SKPI_EMISUSE);
    assert_string_equal(skpi_last_error(), "skpi_definitions_add_objective: title is NULL");
    assert_int_equal(skpi_definitions_goal_count(defs), 0);
    assert_int_equal(skpi_definitions_objective_count(defs), 0);
    skpi_definitions_free(defs);
    skpi_goal_free(g);
}

/* ---- loading the full fixture ---- */

static void test_load_metrics(void **state)
{
    (void)state;
    skpi_definitions *defs = load_fixture("full.json");
    const skpi_catalog *cat = skpi_definitions_catalog(defs);
    /* Three new metrics after the built-in ones; two built-in ones changed. */
    assert_int_equal(skpi_catalog_count(cat), skpi_catalog_count(skpi_catalog_builtin()) + 3);

    const skpi_metric *m = metric(defs, "demo_requests");
    assert_string_equal(skpi_metric_label(m), "Demo requests");
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_FLOW);
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_COUNT);
    assert_int_equal(skpi_metric_direction(m), SKPI_HIGHER_IS_BETTER);
    assert_string_equal(skpi_metric_description(m),
                        "Forms sent from the pricing page, tagged utm_source=social");
    assert_string_equal(skpi_metric_definition(m), "host");

    /* Unit and direction left out: count and higher. */
    m = metric(defs, "newsletter_subscribers");
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_STOCK);
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_COUNT);
    assert_int_equal(skpi_metric_direction(m), SKPI_HIGHER_IS_BETTER);
    assert_string_equal(skpi_metric_description(m), "");

    m = metric(defs, "demo_rate");
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_DERIVED);
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_RATIO);
    assert_string_equal(skpi_metric_formula(m), "demo_requests / link_clicks * 1000");
    assert_int_equal(skpi_metric_component_count(m), 2);

    /* A built-in derived metric with its label and formula replaced. */
    m = metric(defs, "engagement_rate_reach");
    assert_string_equal(skpi_metric_label(m), "Engagement rate (reach, saves excluded)");
    assert_string_equal(skpi_metric_formula(m), "(engagements - saves) / reach * 100");
    assert_string_equal(skpi_metric_definition(m), "host");
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_PERCENT);

    /* A built-in flow with a description; its kind and unit were restated. */
    m = metric(defs, "impressions");
    assert_string_equal(skpi_metric_label(m), "Impressions");
    assert_string_equal(skpi_metric_description(m), "Counted as each network reports them");
    assert_string_equal(skpi_metric_definition(m), "raw");

    /* The built-in catalog itself is untouched. */
    const skpi_metric *b = NULL;
    assert_int_equal(skpi_catalog_find(&b, skpi_catalog_builtin(), "engagement_rate_reach"), SKPI_OK);
    assert_string_equal(skpi_metric_formula(b), "engagements / reach * 100");
    skpi_definitions_free(defs);
}

static void test_load_goals(void **state)
{
    (void)state;
    skpi_definitions *defs = load_fixture("full.json");
    assert_int_equal(skpi_definitions_goal_count(defs), 3);
    assert_string_equal(skpi_definitions_goal_id(defs, 0), "ig-followers");
    assert_string_equal(skpi_definitions_goal_id(defs, 1), "response-time");
    assert_string_equal(skpi_definitions_goal_id(defs, 2), "demos");

    const skpi_goal *g = skpi_definitions_goal(defs, 0);
    assert_ptr_equal(goal_by_id(defs, "ig-followers"), g);
    assert_string_equal(skpi_goal_name(g), "Grow Instagram followers by 20 %");
    assert_int_equal(skpi_goal_category(g), SKPI_CATEGORY_BRAND_AWARENESS);
    assert_string_equal(skpi_goal_metric(g), "followers");
    assert_string_equal(skpi_goal_channel(g), "instagram:*");
    assert_int_equal(skpi_goal_direction(g), SKPI_GOAL_INCREASE);
    assert_int_equal(skpi_goal_cadence(g), SKPI_CADENCE_MONTH);
    assert_int_equal(skpi_goal_baseline_kind(g), SKPI_BASELINE_VALUE);
    assert_double_same(skpi_goal_baseline_value(g), 12500);
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_PERCENT);
    assert_double_same(skpi_goal_target_value(g), 20);
    skpi_period p;
    assert_int_equal(skpi_goal_span(&p, g), SKPI_OK);
    assert_true(p.start == day(2026, 1, 1) && p.end == day(2026, 7, 1));
    /* Listed out of order; kept sorted by date. */
    assert_int_equal(skpi_goal_milestone_count(g), 2);
    skpi_time t;
    double v;
    assert_int_equal(skpi_goal_milestone(&t, &v, g, 0), SKPI_OK);
    assert_true(t == at(2026, 2, 1, 12, 30, 0));
    assert_double_same(v, 2.5);
    assert_int_equal(skpi_goal_milestone(&t, &v, g, 1), SKPI_OK);
    assert_true(t == day(2026, 4, 1));
    assert_double_same(v, 10);
    assert_string_equal(skpi_goal_relevance(g), "Audience for the autumn launch");
    assert_string_equal(skpi_goal_owner(g), "Social team");

    g = skpi_definitions_goal(defs, 1);
    assert_int_equal(skpi_goal_category(g), SKPI_CATEGORY_CUSTOMER_SERVICE);
    assert_string_equal(skpi_goal_metric(g), "response_time");
    assert_null(skpi_goal_channel(g));
    assert_int_equal(skpi_goal_direction(g), SKPI_GOAL_DECREASE);
    assert_int_equal(skpi_goal_cadence(g), SKPI_CADENCE_WEEK);
    assert_int_equal(skpi_goal_baseline_kind(g), SKPI_BASELINE_PERIOD);
    assert_int_equal(skpi_goal_baseline_period(&p, g), SKPI_OK);
    assert_true(p.start == day(2025, 10, 1) && p.end == day(2026, 1, 1));
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_ABSOLUTE);
    assert_double_same(skpi_goal_target_value(g), 7200);
    assert_int_equal(skpi_goal_span(&p, g), SKPI_OK);
    assert_true(p.start == day(2026, 1, 5) && p.end == day(2026, 3, 30));
    assert_int_equal(skpi_goal_milestone_count(g), 0);
    assert_null(skpi_goal_relevance(g));
    assert_null(skpi_goal_owner(g));

    /* Defaults: no category, increase, month, no baseline, no span. */
    g = skpi_definitions_goal(defs, 2);
    assert_int_equal(skpi_goal_category(g), SKPI_CATEGORY_NONE);
    assert_string_equal(skpi_goal_metric(g), "demo_requests");
    assert_int_equal(skpi_goal_direction(g), SKPI_GOAL_INCREASE);
    assert_int_equal(skpi_goal_cadence(g), SKPI_CADENCE_MONTH);
    assert_int_equal(skpi_goal_baseline_kind(g), SKPI_BASELINE_NONE);
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_DELTA);
    assert_double_same(skpi_goal_target_value(g), 0.1);
    assert_int_equal(skpi_goal_span(&p, g), SKPI_ENOTFOUND);

    size_t i = 7;
    assert_int_equal(skpi_definitions_find_goal(&i, defs, "nope"), SKPI_ENOTFOUND);
    assert_string_equal(skpi_last_error(), "no goal has the id 'nope'");
    assert_int_equal(i, 7);
    skpi_definitions_free(defs);
}

static void test_load_objectives(void **state)
{
    (void)state;
    skpi_definitions *defs = load_fixture("full.json");
    assert_int_equal(skpi_definitions_objective_count(defs), 3);
    const skpi_objective *ops = skpi_definitions_objective(defs, 0);
    const skpi_objective *brand = skpi_definitions_objective(defs, 1);
    const skpi_objective *recruit = skpi_definitions_objective(defs, 2);
    assert_string_equal(skpi_definitions_objective_id(defs, 0), "ops");
    assert_ptr_equal(objective_by_id(defs, "brand"), brand);
    assert_ptr_equal(objective_by_id(defs, "recruit"), recruit);

    /* ops is listed before its parent and still aligned under it. */
    assert_string_equal(skpi_objective_title(ops), "Run a responsive community desk");
    assert_string_equal(skpi_objective_description(ops), "");
    assert_string_equal(skpi_objective_owner(ops), "Support");
    assert_int_equal(skpi_objective_type(ops), SKPI_OBJECTIVE_COMMITTED);
    assert_int_equal(skpi_objective_curve(ops), SKPI_OKR_CURVE_LINEAR);
    assert_ptr_equal(skpi_objective_parent(ops), brand);
    assert_double_same(skpi_objective_alignment_weight(ops), 0.5);
    skpi_period p;
    assert_int_equal(skpi_objective_period(&p, ops), SKPI_OK);
    assert_true(p.start == day(2026, 1, 1) && p.end == day(2026, 4, 1));
    assert_int_equal(skpi_objective_key_result_count(ops), 1);
    const skpi_key_result *kr = skpi_objective_key_result(ops, 0);
    assert_string_equal(skpi_key_result_title(kr), "Crisis plan signed off");
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_MILESTONE);
    assert_int_equal(skpi_key_result_checkin_count(kr), 1);
    skpi_time t;
    double v, c;
    const char *note;
    assert_int_equal(skpi_key_result_checkin(&t, &v, &c, &note, kr, 0), SKPI_OK);
    assert_true(t == day(2026, 2, 1));
    assert_double_same(v, 0.5);
    assert_true(isnan(c));
    assert_string_equal(note, "draft circulated");

    /* 2026-01-01T00:00:00+01:00 is one hour before midnight UTC. */
    assert_int_equal(skpi_objective_period(&p, brand), SKPI_OK);
    assert_true(p.start == at(2025, 12, 31, 23, 0, 0) && p.end == day(2026, 4, 1));
    assert_string_equal(skpi_objective_description(brand), "Why: share of voice drives pipeline");
    assert_string_equal(skpi_objective_owner(brand), "Marketing");
    assert_int_equal(skpi_objective_type(brand), SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_curve(brand), SKPI_OKR_CURVE_STRETCH);
    assert_null(skpi_objective_parent(brand));
    /* Children in the order of the document: ops, then recruit. */
    assert_int_equal(skpi_objective_child_count(brand), 2);
    assert_ptr_equal(skpi_objective_child(brand, 0), ops);
    assert_ptr_equal(skpi_objective_child(brand, 1), recruit);
    assert_int_equal(skpi_objective_key_result_count(brand), 3);

    kr = skpi_objective_key_result(brand, 0);
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_METRIC);
    assert_string_equal(skpi_key_result_metric(kr), "reach");
    assert_string_equal(skpi_key_result_selector(kr), "instagram:@acme");
    double s, tg;
    assert_int_equal(skpi_key_result_range(&s, &tg, kr), SKPI_OK);
    assert_double_same(s, 250000);
    assert_double_same(tg, 1000000);
    assert_double_same(skpi_key_result_stretch(kr), 1500000);
    assert_true(isnan(skpi_key_result_commit(kr)));
    assert_double_same(skpi_key_result_weight(kr), 2);
    assert_int_equal(skpi_key_result_checkin_count(kr), 0);

    /* Start 14400 s (4 h) to target 3600 s (1 h): a decreasing key result. */
    kr = skpi_objective_key_result(brand, 1);
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_MANUAL);
    assert_null(skpi_key_result_metric(kr));
    assert_int_equal(skpi_key_result_direction(kr), SKPI_KR_DECREASE);
    assert_double_same(skpi_key_result_commit(kr), 10800);
    assert_true(isnan(skpi_key_result_stretch(kr)));
    assert_double_same(skpi_key_result_weight(kr), 1);
    /* Three check-ins, listed out of order, kept by time. */
    assert_int_equal(skpi_key_result_checkin_count(kr), 3);
    assert_int_equal(skpi_key_result_checkin(&t, &v, &c, &note, kr, 0), SKPI_OK);
    assert_true(t == at(2026, 1, 15, 9, 0, 0));
    assert_double_same(v, 12000.5);
    assert_double_same(c, 0.45);
    assert_string_equal(note, "");
    assert_int_equal(skpi_key_result_checkin(&t, &v, &c, &note, kr, 1), SKPI_OK);
    assert_true(t == day(2026, 2, 15));
    assert_double_same(v, 9000);
    assert_double_same(c, 0.7);
    assert_string_equal(note, "new rota");
    assert_int_equal(skpi_key_result_checkin(&t, &v, &c, &note, kr, 2), SKPI_OK);
    assert_true(t == day(2026, 3, 1));
    assert_true(isnan(v));
    assert_double_same(c, 0.8);

    /* A metric of the document's own catalog; channel left out: "*". */
    kr = skpi_objective_key_result(brand, 2);
    assert_string_equal(skpi_key_result_metric(kr), "demo_rate");
    assert_string_equal(skpi_key_result_selector(kr), "*");

    /* Kind left out: manual; type left out: aspirational; no period. */
    assert_int_equal(skpi_objective_type(recruit), SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_period(&p, recruit), SKPI_ENOTFOUND);
    assert_ptr_equal(skpi_objective_parent(recruit), brand);
    assert_double_same(skpi_objective_alignment_weight(recruit), 1);
    assert_int_equal(skpi_objective_curve(recruit), SKPI_OKR_CURVE_CUSTOM);
    assert_int_equal(skpi_objective_curve_point_count(recruit), 4);
    double x, y;
    assert_int_equal(skpi_objective_curve_point(&x, &y, recruit, 2), SKPI_OK);
    assert_double_same(x, 1);
    assert_double_same(y, 0.7);
    assert_int_equal(skpi_objective_curve_point(&x, &y, recruit, 3), SKPI_OK);
    assert_double_same(x, 1.3);
    assert_double_same(y, 1);
    kr = skpi_objective_key_result(recruit, 0);
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_MANUAL);
    assert_double_same(skpi_key_result_weight(kr), 0.25);

    size_t i = 7;
    assert_int_equal(skpi_definitions_find_objective(&i, defs, "nope"), SKPI_ENOTFOUND);
    assert_string_equal(skpi_last_error(), "no objective has the id 'nope'");
    skpi_definitions_free(defs);
}

/* The loaded objectives score: the handle gives out working objects. */
static void test_loaded_objects_work(void **state)
{
    (void)state;
    skpi_definitions *defs = load_fixture("full.json");
    /* ops: one milestone key result at completion 0.5 (checked in on
     * 2026-02-01), as of 2026-03-01: score 0.5. */
    skpi_okr_result *r = NULL;
    assert_int_equal(skpi_objective_score(&r, objective_by_id(defs, "ops"), NULL, day(2026, 3, 1), NULL),
                     SKPI_OK);
    assert_double_same(skpi_okr_result_score(r), 0.5);
    skpi_okr_result_free(r);
    /* The goal checks against the catalog of the definitions. */
    skpi_goal_check_result *check = NULL;
    assert_int_equal(skpi_goal_check(&check, goal_by_id(defs, "ig-followers"), NULL, NULL), SKPI_OK);
    /* Specific: metric, channel and a number, the target above the baseline. */
    assert_int_equal(skpi_goal_check_verdict(check, SKPI_SMART_SPECIFIC), SKPI_VERDICT_PASS);
    /* Relevant warns: brand awareness does not recommend followers. */
    assert_int_equal(skpi_goal_check_verdict(check, SKPI_SMART_RELEVANT), SKPI_VERDICT_WARN);
    skpi_goal_check_free(check);
    skpi_definitions_free(defs);
}

static void test_load_reports(void **state)
{
    (void)state;
    skpi_definitions *defs = load_fixture("full.json");
    assert_int_equal(skpi_definitions_report_count(defs), 2);
    assert_string_equal(skpi_definitions_report_id(defs, 0), "monthly-leadership");
    size_t i = 9;
    assert_int_equal(skpi_definitions_find_report(&i, defs, "weekly-team"), SKPI_OK);
    assert_int_equal(i, 1);
    assert_int_equal(skpi_definitions_find_report(&i, defs, "nope"), SKPI_ENOTFOUND);
    assert_string_equal(skpi_last_error(), "no report has the id 'nope'");

    skpi_report *r = build(defs, 0, day(2026, 3, 2));
    assert_string_equal(skpi_report_title(r), "Social media \xe2\x80\x94 monthly review");
    /* Sections listed: the leadership preset gives way to them, in that order. */
    assert_int_equal(skpi_report_audience(r), SKPI_AUDIENCE_CUSTOM);
    assert_int_equal(skpi_report_section_count(r), 4);
    assert_int_equal(skpi_report_section(r, 0), SKPI_SECTION_SUMMARY);
    assert_int_equal(skpi_report_section(r, 1), SKPI_SECTION_GOALS);
    assert_int_equal(skpi_report_section(r, 2), SKPI_SECTION_OKRS);
    assert_int_equal(skpi_report_section(r, 3), SKPI_SECTION_KPIS);
    assert_int_equal(skpi_report_cadence(r), SKPI_CADENCE_MONTH);
    assert_int_equal(skpi_report_comparisons(r), SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_YEAR_EARLIER);
    assert_true(skpi_report_as_of(r) == day(2026, 3, 2));
    assert_int_equal(skpi_report_channel_count(r), 2);
    assert_string_equal(skpi_report_channel(r, 1), "linkedin:acme-corp");
    assert_int_equal(skpi_report_kpi_count(r), 3);
    const char *metric, *selector;
    assert_int_equal(skpi_report_kpi(&metric, &selector, r, 1), SKPI_OK);
    assert_string_equal(metric, "engagement_rate_reach");
    assert_string_equal(selector, "instagram:*");
    assert_int_equal(skpi_report_kpi(&metric, NULL, r, 2), SKPI_OK);
    assert_string_equal(metric, "demo_requests");
    assert_int_equal(skpi_report_goal_count(r), 1);
    assert_int_equal(skpi_report_objective_count(r), 1);
    assert_string_equal(skpi_report_template(r, SKPI_TPL_HEADING_SUMMARY), "In short");
    assert_string_equal(skpi_report_template(r, SKPI_TPL_HEADING_GOALS), "Where the goals stand");
    assert_string_equal(skpi_report_template(r, SKPI_TPL_HEADING_WINS),
                        skpi_template_default(SKPI_TPL_HEADING_WINS));
    skpi_report_free(r);

    /* Goals and objectives left out: all three goals, and of the three
     * objectives the one at the top of the tree (ops and recruit are
     * aligned under brand and come with it). */
    r = build(defs, 1, day(2026, 3, 2));
    assert_int_equal(skpi_report_audience(r), SKPI_AUDIENCE_TEAM);
    assert_int_equal(skpi_report_cadence(r), SKPI_CADENCE_WEEK);
    assert_int_equal(skpi_report_comparisons(r), 0);
    assert_int_equal(skpi_report_goal_count(r), 3);
    assert_int_equal(skpi_report_objective_count(r), 1);
    assert_int_equal(skpi_report_kpi_count(r), 0);
    skpi_report_free(r);

    r = (skpi_report *)defs;
    assert_int_equal(skpi_definitions_build_report(&r, defs, 2, 0), SKPI_ERANGE);
    assert_int_equal(skpi_definitions_build_report(&r, defs, 0, SKPI_TIME_END), SKPI_ERANGE);
    assert_int_equal(skpi_definitions_build_report(NULL, defs, 0, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_build_report(&r, NULL, 0, 0), SKPI_EMISUSE);
    assert_ptr_equal(r, (skpi_report *)defs);

    /* A goal a report names is removed: building and saving say so. */
    size_t g;
    assert_int_equal(skpi_definitions_find_goal(&g, defs, "ig-followers"), SKPI_OK);
    assert_int_equal(skpi_definitions_remove_goal(defs, g), SKPI_OK);
    assert_int_equal(skpi_definitions_build_report(&r, defs, 0, 0), SKPI_ENOTFOUND);
    assert_string_equal(skpi_last_error(),
                        "report 'monthly-leadership': goals[0]: no goal has the id 'ig-followers'");
    char *text = NULL;
    assert_int_equal(skpi_definitions_save_buffer(&text, NULL, defs), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(), "report 'monthly-leadership' names the goal 'ig-followers', "
                                           "which is not one of the definitions");
    assert_null(text);
    /* The other report takes every goal there is: now two. */
    r = build(defs, 1, 0);
    assert_int_equal(skpi_report_goal_count(r), 2);
    skpi_report_free(r);
    assert_int_equal(skpi_definitions_remove_report(defs, 0), SKPI_OK);
    assert_int_equal(skpi_definitions_remove_report(defs, 1), SKPI_ERANGE);
    assert_int_equal(skpi_definitions_remove_report(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_report_count(defs), 1);
    assert_string_equal(skpi_definitions_report_id(defs, 0), "weekly-team");
    assert_null(skpi_definitions_report_id(defs, 1));
    assert_int_equal(skpi_definitions_report_count(NULL), 0);
    assert_null(skpi_definitions_report_id(NULL, 0));
    assert_int_equal(skpi_definitions_find_report(NULL, defs, "x"), SKPI_EMISUSE);
    text = save_text(defs);
    assert_non_null(strstr(text, "\"reports\": [\n    {\n      \"id\": \"weekly-team\""));
    skpi_free(text);
    skpi_definitions_free(defs);
}

/* The saved form of a report definition: what was given, in order. */
static void test_saved_report(void **state)
{
    (void)state;
    skpi_definitions *defs = load_fixture("full.json");
    char *text = save_text(defs);
    const char *expected =
        "  \"reports\": [\n"
        "    {\n"
        "      \"id\": \"monthly-leadership\",\n"
        "      \"title\": \"Social media \xe2\x80\x94 monthly review\",\n"
        "      \"audience\": \"leadership\",\n"
        "      \"cadence\": \"month\",\n"
        "      \"comparisons\": [\n        \"previous\",\n        \"year_earlier\"\n      ],\n"
        "      \"calendar\": {\n"
        "        \"utc_offset\": \"+01:00\",\n"
        "        \"week_start\": \"sunday\",\n"
        "        \"fiscal_year_start\": 4\n"
        "      },\n"
        "      \"currency\": \"EUR\",\n"
        "      \"channels\": [\n        \"instagram:@acme\",\n        \"linkedin:acme-corp\"\n      ],\n"
        "      \"kpis\": [\n"
        "        \"reach\",\n"
        "        {\n          \"metric\": \"engagement_rate_reach\",\n          \"channel\": \"instagram:*\"\n        },\n"
        "        \"demo_requests\"\n"
        "      ],\n"
        "      \"goals\": [\n        \"ig-followers\"\n      ],\n"
        "      \"objectives\": [\n        \"brand\"\n      ],\n"
        "      \"sections\": [\n        \"summary\",\n        \"goals\",\n        \"okrs\",\n        \"kpis\"\n      ],\n"
        "      \"spot_checks\": {\n"
        "        \"sensitivity\": 4,\n"
        "        \"window\": 8,\n"
        "        \"min_change\": 25.5\n"
        "      },\n"
        "      \"top_posts\": {\n        \"count\": 5,\n        \"metric\": \"shares\"\n      },\n"
        "      \"max_kpis\": 4,\n"
        "      \"templates\": {\n"
        "        \"heading_summary\": \"In short\",\n"
        "        \"heading_goals\": \"Where the goals stand\"\n"
        "      }\n"
        "    },\n"
        "    {\n"
        "      \"id\": \"weekly-team\",\n"
        "      \"title\": \"Weekly social\",\n"
        "      \"cadence\": \"week\",\n"
        "      \"comparisons\": []\n"
        "    }\n"
        "  ]\n"
        "}\n";
    const char *at = strstr(text, "  \"reports\": [");
    assert_non_null(at);
    assert_string_equal(at, expected);
    skpi_free(text);
    skpi_definitions_free(defs);
}

/* A report calendar in an IANA zone is saved by name and read back. */
static void test_time_zone(void **state)
{
    (void)state;
    skpi_definitions *defs = load_text(
        "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"cadence\": \"day\",\n"
        " \"calendar\": {\"time_zone\": \"Europe/Berlin\", \"week_start\": \"sunday\"}}]}");
    char *text = save_text(defs);
    const char *cal = "      \"calendar\": {\n"
                      "        \"time_zone\": \"Europe/Berlin\",\n"
                      "        \"week_start\": \"sunday\",\n"
                      "        \"fiscal_year_start\": 1\n"
                      "      }";
    assert_non_null(strstr(text, cal));
    assert_null(strstr(text, "utc_offset"));
    skpi_definitions *again = load_text(text);
    char *second = save_text(again);
    assert_string_equal(text, second);
    skpi_free(text);
    skpi_free(second);
    skpi_definitions_free(again);
    skpi_definitions_free(defs);
}

/* ---- saving and the round trip ---- */

static void test_round_trip(void **state)
{
    (void)state;
    skpi_definitions *a = load_fixture("full.json");
    char *first = save_text(a);
    skpi_definitions *b = load_text(first);
    same_definitions(a, b);
    /* Saving again writes the same bytes. */
    char *second = save_text(b);
    assert_string_equal(first, second);
    skpi_free(first);
    skpi_free(second);
    skpi_definitions_free(a);
    skpi_definitions_free(b);
}

static void test_saved_text(void **state)
{
    (void)state;
    skpi_definitions *defs = load_fixture("full.json");
    char *text = save_text(defs);
    /* Times in UTC, a date alone at midnight. */
    assert_non_null(strstr(text, "\"start\": \"2025-12-31T23:00:00Z\""));
    assert_non_null(strstr(text, "\"date\": \"2026-02-01T12:30:00Z\""));
    assert_non_null(strstr(text, "\"deadline\": \"2026-07-01\""));
    /* Numbers in their shortest exact form, whole numbers without ".0". */
    assert_non_null(strstr(text, "\"value\": 0.1\n"));
    assert_non_null(strstr(text, "\"value\": 12000.5,"));
    assert_non_null(strstr(text, "\"value\": 12500\n"));
    assert_non_null(strstr(text, "\"target\": 1000000,"));
    assert_non_null(strstr(text, "\"parent_weight\": 0.5,"));
    /* Defaults written where they say what a goal does, left out elsewhere. */
    assert_non_null(strstr(text, "\"cadence\": \"month\""));
    assert_null(strstr(text, "\"weight\": 1\n"));
    assert_null(strstr(text, "\"weight\": 1,"));
    assert_null(strstr(text, "$schema"));
    /* The changed built-in metrics carry only what changed. */
    assert_non_null(strstr(text, "{\n      \"key\": \"impressions\",\n"
                                 "      \"description\": \"Counted as each network reports them\"\n    }"));
    /* Members in a fixed order: version, metrics, goals, objectives. */
    assert_true(strncmp(text, "{\n  \"version\": 1,\n  \"metrics\": [", 32) == 0);
    assert_true(strstr(text, "\"goals\"") < strstr(text, "\"objectives\""));
    assert_int_equal(text[strlen(text) - 1], '\n');
    skpi_free(text);
    skpi_definitions_free(defs);
}

/* Numbers that need all 17 digits, tiny and huge ones, whole numbers
 * beyond 2^53, and negative ones come back exactly. */
static void test_numbers_exact(void **state)
{
    (void)state;
    const double values[] = {
        0.1 + 0.2,               /* 0.30000000000000004 */
        1.0 / 3.0,               /* 17 digits */
        1e-7, 1e300, -0.5, -1234.25,
        9007199254740994.0,      /* 2^53 + 2, whole but written as a real */
        123456789012.0,
    };
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    skpi_goal *g = NULL;
    assert_int_equal(skpi_goal_new(&g, "Numbers"), SKPI_OK);
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        char id[8];
        snprintf(id, sizeof id, "n%zu", i);
        assert_int_equal(skpi_goal_set_baseline_value(g, values[i]), SKPI_OK);
        assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, values[i]), SKPI_OK);
        assert_int_equal(skpi_definitions_add_goal(NULL, defs, id, g), SKPI_OK);
    }
    skpi_goal_free(g);
    skpi_definitions *back = reload(defs);
    same_definitions(defs, back);
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        assert_double_same(skpi_goal_target_value(skpi_definitions_goal(back, i)), values[i]);
    skpi_definitions_free(back);
    skpi_definitions_free(defs);
}

/* ---- building definitions through the API ---- */

static void test_build_and_save(void **state)
{
    (void)state;
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    skpi_catalog *cat = skpi_definitions_catalog(defs);
    assert_int_equal(skpi_catalog_add_metric(cat, "demo_requests", "Demo requests", SKPI_UNIT_COUNT,
                                             SKPI_HIGHER_IS_BETTER, SKPI_KIND_FLOW), SKPI_OK);
    assert_int_equal(skpi_catalog_set_description(cat, "ctr", "Clicks per 100 impressions"), SKPI_OK);

    skpi_goal *g = NULL, *held = NULL;
    assert_int_equal(skpi_goal_new(&g, "Leads up"), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "demo_requests"), SKPI_OK);
    assert_int_equal(skpi_goal_set_span(g, (skpi_period){ day(2026, 1, 1), day(2026, 4, 1) }), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_PERCENT, 15), SKPI_OK);
    assert_int_equal(skpi_definitions_add_goal(&held, defs, "leads", g), SKPI_OK);
    /* A copy: changing the host's goal changes nothing in the definitions. */
    assert_ptr_not_equal(held, g);
    assert_int_equal(skpi_goal_set_name(g, "Renamed"), SKPI_OK);
    assert_string_equal(skpi_goal_name(held), "Leads up");
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, "leads", g), SKPI_EEXISTS);
    assert_string_equal(skpi_last_error(), "skpi_definitions_add_goal: a goal has the id 'leads' already");
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, "with space", g), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(),
                        "skpi_definitions_add_goal: id 'with space': byte 5 is not an ASCII letter, "
                        "digit, '_', '-' or '.'");
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, "", g), SKPI_EINVAL);
    char long_id[70];
    memset(long_id, 'a', 65);
    long_id[65] = '\0';
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, long_id, g), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(), "skpi_definitions_add_goal: the id is 65 bytes long (at most 64)");
    long_id[64] = '\0';
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, long_id, g), SKPI_OK);
    assert_int_equal(skpi_definitions_goal_count(defs), 2);
    skpi_goal_free(g);

    skpi_objective *top = NULL, *child = NULL;
    assert_int_equal(skpi_definitions_add_objective(&top, defs, "top", "Top"), SKPI_OK);
    assert_int_equal(skpi_definitions_add_objective(&child, defs, "child", "Child"), SKPI_OK);
    assert_int_equal(skpi_definitions_add_objective(NULL, defs, "child", "Again"), SKPI_EEXISTS);
    assert_int_equal(skpi_definitions_add_objective(NULL, defs, "x", ""), SKPI_EINVAL);
    assert_int_equal(skpi_definitions_add_objective(NULL, defs, "a/b", "T"), SKPI_EINVAL);
    assert_int_equal(skpi_definitions_objective_count(defs), 2);
    assert_int_equal(skpi_objective_set_parent(child, top, 3), SKPI_OK);
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, child, SKPI_KR_METRIC, "Leads"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_metric(kr, "demo_requests", "linkedin:*"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 10, 40), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, day(2026, 1, 20), 14, NAN, "first week"), SKPI_OK);
    const double cx[] = { 0, 1, 2 }, cy[] = { 0, 0.8, 1 };
    assert_int_equal(skpi_objective_set_curve_points(top, cx, cy, 3), SKPI_OK);
    assert_int_equal(skpi_objective_set_curve(child, SKPI_OKR_CURVE_THREE_LEVEL), SKPI_OK);

    skpi_definitions *back = reload(defs);
    same_definitions(defs, back);
    assert_string_equal(skpi_metric_description(metric(back, "ctr")), "Clicks per 100 impressions");
    assert_double_same(skpi_objective_alignment_weight(objective_by_id(back, "child")), 3);

    /* Removing: later entries move down; removing a parent frees its child
     * from the alignment. */
    assert_int_equal(skpi_definitions_remove_goal(defs, 2), SKPI_ERANGE);
    assert_int_equal(skpi_definitions_remove_goal(defs, 0), SKPI_OK);
    assert_int_equal(skpi_definitions_goal_count(defs), 1);
    assert_string_equal(skpi_definitions_goal_id(defs, 0), long_id);
    assert_int_equal(skpi_definitions_remove_objective(defs, 2), SKPI_ERANGE);
    assert_int_equal(skpi_definitions_remove_objective(defs, 0), SKPI_OK);
    assert_int_equal(skpi_definitions_objective_count(defs), 1);
    assert_ptr_equal(skpi_definitions_objective(defs, 0), child);
    assert_null(skpi_objective_parent(child));
    skpi_definitions *after = reload(defs);
    same_definitions(defs, after);
    skpi_definitions_free(after);
    skpi_definitions_free(back);
    skpi_definitions_free(defs);
}

/* Report definitions one by one (experimental): written as the JSON object
 * a whole document holds, read back into another handle, and the check
 * that names a goal a report refers to but the handle lacks. */
static void test_report_one_by_one(void **state)
{
    (void)state;
    const char doc[] =
        "{ \"version\": 1,\n"
        "  \"goals\": [ { \"id\": \"g1\", \"name\": \"Reach up\", \"metric\": \"reach\",\n"
        "                 \"start\": \"2026-01-01\", \"deadline\": \"2026-04-01\",\n"
        "                 \"target\": { \"kind\": \"absolute\", \"value\": 5000 } } ],\n"
        "  \"reports\": [ { \"id\": \"weekly\", \"title\": \"Weekly\", \"cadence\": \"week\",\n"
        "                   \"goals\": [\"g1\"] } ] }";
    skpi_definitions *defs = NULL, *other = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&defs, doc, sizeof doc - 1, NULL), SKPI_OK);
    char *text = NULL;
    size_t size = 0;
    assert_int_equal(skpi_definitions_report_save_buffer(&text, &size, defs, 1), SKPI_ERANGE);
    assert_null(text);
    assert_int_equal(skpi_definitions_report_save_buffer(NULL, &size, defs, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_report_save_buffer(&text, &size, defs, 0), SKPI_OK);
    assert_int_equal(size, strlen(text));
    /* The object as jansson reads it: the members given, the id first. */
    json_error_t err;
    json_t *o = json_loads(text, 0, &err);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "id")), "weekly");
    assert_string_equal(json_string_value(json_object_get(o, "title")), "Weekly");
    assert_string_equal(json_string_value(json_object_get(o, "cadence")), "week");
    assert_string_equal(json_string_value(json_array_get(json_object_get(o, "goals"), 0)), "g1");
    json_decref(o);

    /* Into a handle without the goal: added, and the check names what is missing. */
    assert_int_equal(skpi_definitions_new(&other, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_check_references(other), SKPI_OK);
    assert_int_equal(skpi_definitions_add_report_buffer(other, text, size), SKPI_OK);
    assert_int_equal(skpi_definitions_report_count(other), 1);
    assert_string_equal(skpi_definitions_report_id(other, 0), "weekly");
    assert_int_equal(skpi_definitions_check_references(other), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(),
                        "report 'weekly' names the goal 'g1', which is not one of the definitions");
    assert_int_equal(skpi_definitions_check_references(defs), SKPI_OK);
    assert_int_equal(skpi_definitions_check_references(NULL), SKPI_EMISUSE);
    /* The same id again, and text that is no object: refused, the handle as it was. */
    assert_int_equal(skpi_definitions_add_report_buffer(other, text, size), SKPI_EEXISTS);
    assert_int_equal(skpi_definitions_add_report_buffer(other, "[1]", 3), SKPI_EPARSE);
    assert_string_equal(skpi_last_error(), "expected an object, found an array");
    assert_int_equal(skpi_definitions_add_report_buffer(other, "{\"id\": \"x\"", 10), SKPI_EPARSE);
    assert_int_equal(skpi_definitions_add_report_buffer(other, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_definitions_report_count(other), 1);
    skpi_free(text);
    skpi_definitions_free(other);
    skpi_definitions_free(defs);
}

/* A host catalog as the base: its own metrics are not saved again, only
 * what the document adds. */
static void test_host_base(void **state)
{
    (void)state;
    skpi_catalog *base = NULL;
    assert_int_equal(skpi_catalog_new(&base, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(base, "demo_requests", "Demo requests", SKPI_UNIT_COUNT,
                                             SKPI_HIGHER_IS_BETTER, SKPI_KIND_FLOW), SKPI_OK);
    const char *doc = "{\"version\": 1, \"metrics\": [{\"key\": \"mql\", \"label\": \"MQL\", "
                      "\"kind\": \"derived\", \"unit\": \"percent\", \"formula\": \"demo_requests / link_clicks * 100\"}],"
                      " \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"metric\": \"demo_requests\"}]}";
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&defs, doc, strlen(doc), base), SKPI_OK);
    /* The base is copied: freeing it now changes nothing. */
    skpi_catalog_free(base);
    char *text = save_text(defs);
    assert_null(strstr(text, "\"key\": \"demo_requests\""));
    assert_non_null(strstr(text, "\"key\": \"mql\""));
    skpi_free(text);
    /* Without the host's base, the document does not load: demo_requests is unknown. */
    text = save_text(defs);
    skpi_definitions *plain = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&plain, text, strlen(text), NULL), SKPI_ENOTFOUND);
    assert_string_equal(skpi_last_error(),
                        "metrics[0].formula: column 1: unknown metric key 'demo_requests'");
    assert_null(plain);
    skpi_free(text);
    skpi_definitions_free(defs);
}

static void test_parent_outside(void **state)
{
    (void)state;
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    skpi_objective *inside = NULL, *outside = NULL;
    assert_int_equal(skpi_definitions_add_objective(&inside, defs, "in", "Inside"), SKPI_OK);
    assert_int_equal(skpi_objective_new(&outside, "Outside"), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(inside, outside, 1), SKPI_OK);
    char *text = (char *)"untouched";
    assert_int_equal(skpi_definitions_save_buffer(&text, NULL, defs), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(),
                        "objective 'in' is aligned under an objective that is not one of the "
                        "definitions, so it cannot be saved by id");
    assert_string_equal(text, "untouched");
    /* Freeing the definitions detaches the host's objective's child. */
    skpi_definitions_free(defs);
    assert_int_equal(skpi_objective_child_count(outside), 0);
    skpi_objective_free(outside);
}

/* ---- bad documents ---- */

typedef struct bad_case {
    const char *doc;
    int code;
    const char *message;
} bad_case;

static const bad_case bad_cases[] = {
    /* JSON itself */
    { "", SKPI_EPARSE, "the document is empty (expected an object with \"version\": 1)" },
    { "  \n ", SKPI_EPARSE, "the document is empty (expected an object with \"version\": 1)" },
    /* '}' is the 13th character of line 2. */
    { "{\"version\": 1,\n  \"goals\": [}", SKPI_EPARSE, "line 2, column 13: unexpected token near '}'" },
    { "{\"version\": 1, \"version\": 1}", SKPI_EPARSE,
      "line 1, column 24: duplicate object key near '\"version\"'" },
    { "{\"version\": 1} x", SKPI_EPARSE, "line 1, column 16: end of file expected near 'x'" },
    /* The string "\u0000" ends with its quote at column 53; the byte 0xff
     * follows the opening quote at column 46, where jansson stops. */
    { "{\"version\": 1, \"goals\": [{\"id\": \"a\", \"name\": \"\\u0000\"}]}", SKPI_EPARSE,
      "line 1, column 53: \\u0000 is not allowed in a string" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"a\", \"name\": \"\xff\"}]}", SKPI_EPARSE,
      "line 1, column 46: unable to decode byte 0xff near '\"'" },
    /* the top level and the version */
    { "[]", SKPI_EINVAL, "the document: expected an object at the top level, found an array" },
    { "{}", SKPI_EINVAL, "version: required (this library reads version 1)" },
    { "{\"version\": \"1\"}", SKPI_EINVAL, "version: expected the integer 1, found a string" },
    { "{\"version\": 1.0}", SKPI_EINVAL, "version: expected the integer 1, found a number" },
    { "{\"version\": 2, \"dashboards\": []}", SKPI_EVERSION,
      "version: the document has version 2; this library reads version 1 (a newer socialkpi is needed)" },
    { "{\"version\": 0}", SKPI_EVERSION, "version: 0 is not a version of the document (use 1)" },
    { "{\"version\": 1, \"goal\": []}", SKPI_EINVAL,
      "goal: unknown member (expected $schema, version, metrics, goals, objectives, reports, team, competitors, benchmarks, campaigns)" },
    { "{\"version\": 1, \"goals\": {}}", SKPI_EINVAL, "goals: expected an array, found an object" },
    { "{\"version\": 1, \"goals\": [1]}", SKPI_EINVAL, "goals[0]: expected an object, found a number" },
    /* metrics */
    { "{\"version\": 1, \"metrics\": [{\"label\": \"X\"}]}", SKPI_EINVAL, "metrics[0].key: required" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"label\": \"X\"}]}", SKPI_EINVAL,
      "metrics[0].kind: required for 'x', which the catalog does not have" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"kind\": \"flow\"}]}", SKPI_EINVAL,
      "metrics[0].label: required for 'x', which the catalog does not have" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"label\": \"X\", \"kind\": \"gauge\"}]}", SKPI_EINVAL,
      "metrics[0].kind: unknown value 'gauge' (expected flow, stock, derived)" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"X\", \"label\": \"X\", \"kind\": \"flow\"}]}", SKPI_EINVAL,
      "metrics[0]: key 'X' must start with a lowercase letter" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"label\": \"X\", \"kind\": \"flow\", \"formula\": \"reach\"}]}",
      SKPI_EINVAL, "metrics[0].formula: only derived metrics have a formula" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"label\": \"X\", \"kind\": \"derived\"}]}", SKPI_EINVAL,
      "metrics[0].formula: required for a derived metric" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"label\": \"X\", \"kind\": \"derived\", \"formula\": \"reach +\"}]}",
      SKPI_EPARSE, NULL },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"label\": \"X\", \"kind\": \"derived\", \"formula\": \"y * 2\"},"
      " {\"key\": \"y\", \"label\": \"Y\", \"kind\": \"flow\"}]}",
      SKPI_ENOTFOUND, "metrics[0].formula: column 1: unknown metric key 'y'" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"label\": \"X\", \"kind\": \"flow\"},"
      " {\"key\": \"x\", \"label\": \"X\", \"kind\": \"flow\"}]}",
      SKPI_EEXISTS, "metrics[1].key: 'x' is listed twice" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"reach\", \"unit\": \"percent\"}]}", SKPI_EEXISTS,
      "metrics[0].unit: 'reach' is already in the catalog with unit 'count'; only its label, "
      "description and formula can be changed" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"reach\", \"formula\": \"impressions\"}]}", SKPI_EINVAL,
      "metrics[0].formula: metric 'reach' is a flow; only derived metrics have a formula" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"reach\", \"label\": \"\"}]}", SKPI_EINVAL,
      "metrics[0].label: metric 'reach': empty label" },
    { "{\"version\": 1, \"metrics\": [{\"key\": \"ctr\", \"formula\": \"ctr * 2\"}]}", SKPI_EINVAL, NULL },
    /* goals */
    { "{\"version\": 1, \"goals\": [{\"name\": \"G\"}]}", SKPI_EINVAL, "goals[0].id: required" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\"}]}", SKPI_EINVAL, "goals[0].name: required" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"\"}]}", SKPI_EINVAL,
      "goals[0].name: the name is empty" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g h\", \"name\": \"G\"}]}", SKPI_EINVAL,
      "goals[0].id: id 'g h': byte 2 is not an ASCII letter, digit, '_', '-' or '.'" },
    { "{\"version\": 1, \"goals\": [{\"id\": 7, \"name\": \"G\"}]}", SKPI_EINVAL,
      "goals[0].id: expected a string, found a number" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\"}, {\"id\": \"g\", \"name\": \"H\"}]}",
      SKPI_EEXISTS, "goals[1].id: 'g' is the id of goals[0] already" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"taget\": {}}]}", SKPI_EINVAL,
      "goals[0].taget: unknown member (expected id, name, category, metric, channel, direction, "
      "cadence, baseline, target, start, deadline, milestones, relevance, owner, activity, "
      "target_source)" },
    /* a target's source: of an absolute target, 1 to 511 bytes, no control character */
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"target\": {\"kind\": \"percent\", \"value\": 10},"
      " \"target_source\": \"Retail benchmark, S\"}]}", SKPI_EINVAL,
      "goals[0].target_source: says where a target comes from, but the goal's target is not absolute "
      "(a benchmark gives a value to reach)" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"target_source\": \"Retail benchmark, S\"}]}",
      SKPI_EINVAL, "goals[0].target_source: says where a target comes from, but the goal has no target" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"target\": {\"kind\": \"absolute\", \"value\": 1},"
      " \"target_source\": \"\"}]}", SKPI_EINVAL, "goals[0].target_source: the target's source is empty" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"target\": {\"kind\": \"absolute\", \"value\": 1},"
      " \"target_source\": \"Retail\\nbenchmark\"}]}", SKPI_EINVAL,
      "goals[0].target_source: the target's source has a control character at byte 6" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"target\": {\"kind\": \"absolute\", \"value\": 1},"
      " \"target_source\": [\"Retail\"]}]}", SKPI_EINVAL,
      "goals[0].target_source: expected a string, found an array" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\","
      " \"target_source\": \"Retail benchmark, S\"}]}]}", SKPI_EINVAL,
      "objectives[0].key_results[0].target_source: says where a target comes from, but the key result "
      "has no target" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"category\": \"fame\"}]}", SKPI_EINVAL,
      "goals[0].category: unknown category 'fame' (expected brand_awareness, reputation, "
      "community_engagement, conversions, customer_insight, leads, customer_service, recruitment, "
      "crisis_management, internal_communications)" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"metric\": \"folowers\"}]}", SKPI_ENOTFOUND,
      "goals[0].metric: unknown metric 'folowers' (not in the catalog: define it under metrics)" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"channel\": \"\"}]}", SKPI_EINVAL,
      "goals[0].channel: the selector is empty" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"channel\": \"instagram\"}]}", SKPI_EINVAL,
      "goals[0].channel: selector: channel 'instagram' has no ':'; channels are network:account, e.g. instagram:@acme" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"kpis\": [{\"metric\": \"reach\", \"channel\": \"Instagram:*\"}]}]}",
      SKPI_EINVAL, "reports[0].kpis[0]: selector 'Instagram:*': the network may only hold lowercase letters, digits, '_' and '-' (byte 1)" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"direction\": \"up\"}]}", SKPI_EINVAL,
      "goals[0].direction: unknown value 'up' (expected increase, decrease, stay_at_least, stay_at_most)" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"cadence\": \"fortnight\"}]}", SKPI_EINVAL,
      "goals[0].cadence: unknown value 'fortnight' (expected day, week, month, quarter, year)" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"baseline\": 5}]}", SKPI_EINVAL,
      "goals[0].baseline: expected an object, found a number" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"baseline\": {}}]}", SKPI_EINVAL,
      "goals[0].baseline: give either value, or start and end" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"baseline\": {\"value\": 1, \"start\": \"2026-01-01\"}}]}",
      SKPI_EINVAL, "goals[0].baseline: give either value, or start and end" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"baseline\": {\"start\": \"2026-01-01\"}}]}",
      SKPI_EINVAL, "goals[0].baseline.end: required" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"baseline\": {\"start\": \"2026-02-01\", \"end\": \"2026-01-01\"}}]}",
      SKPI_EINVAL, "goals[0].baseline: the period ends before it starts" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"target\": {\"kind\": \"percent\"}}]}",
      SKPI_EINVAL, "goals[0].target.value: required" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"target\": {\"kind\": \"percent\", \"value\": \"20\"}}]}",
      SKPI_EINVAL, "goals[0].target.value: expected a number, found a string" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"start\": \"2026-01-01\"}]}", SKPI_EINVAL,
      "goals[0].deadline: required when start is given" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"deadline\": \"2026-01-01\"}]}", SKPI_EINVAL,
      "goals[0].start: required when deadline is given" },
    /* Column 6 is the '1' of "2026-13-01". */
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"start\": \"2026-13-01\", \"deadline\": \"2027-01-01\"}]}",
      SKPI_ERANGE, "goals[0].start: '2026-13-01' is not an ISO 8601 date or time: column 6: month 13 is outside 1 to 12" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"start\": \"1 May 2026\", \"deadline\": \"2027-01-01\"}]}",
      SKPI_EPARSE, NULL },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"milestones\": [{\"date\": \"2026-02-01\"}]}]}",
      SKPI_EINVAL, "goals[0].milestones[0].value: required" },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"start\": \"2026-01-01\", \"deadline\": \"2026-03-01\","
      " \"milestones\": [{\"date\": \"2026-05-01\", \"value\": 1}]}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"relevance\": 3}]}", SKPI_EINVAL,
      "goals[0].relevance: expected a string, found a number" },
    /* objectives */
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\"},"
      " {\"id\": \"b\", \"title\": \"B\", \"key_results\": [{\"title\": \"k\", \"start\": 0, \"target\": \"x\"}]}]}",
      SKPI_EINVAL, "objectives[1].key_results[0].target: expected a number, found a string" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\"}]}", SKPI_EINVAL, "objectives[0].title: required" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\"}, {\"id\": \"a\", \"title\": \"B\"}]}",
      SKPI_EEXISTS, "objectives[1].id: 'a' is the id of objectives[0] already" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"type\": \"stretch\"}]}", SKPI_EINVAL,
      "objectives[0].type: unknown value 'stretch' (expected committed, aspirational)" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"period\": {\"start\": \"2026-01-01\"}}]}",
      SKPI_EINVAL, "objectives[0].period.end: required" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"period\": {\"start\": \"2026-01-01\", \"end\": \"2026-01-01\"}}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"parent\": \"z\"}]}", SKPI_ENOTFOUND,
      "objectives[0].parent: no objective has the id 'z'" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"parent\": \"a\"}]}", SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"parent\": \"b\"},"
      " {\"id\": \"b\", \"title\": \"B\", \"parent\": \"a\"}]}", SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"parent_weight\": 2}]}", SKPI_EINVAL,
      "objectives[0].parent_weight: given without a parent" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\"},"
      " {\"id\": \"b\", \"title\": \"B\", \"parent\": \"a\", \"parent_weight\": -1}]}", SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"curve\": \"steep\"}]}", SKPI_EINVAL,
      "objectives[0].curve: unknown value 'steep' (expected linear, stretch, three_level)" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"curve\": 3}]}", SKPI_EINVAL,
      "objectives[0].curve: expected a curve name or an array of points, found a number" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"curve\": [[0, 0]]}]}", SKPI_ERANGE,
      "objectives[0].curve: 1 points (2 to 16)" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"curve\": [[0, 0], [1]]}]}", SKPI_EINVAL,
      "objectives[0].curve[1]: expected [achievement, score], two numbers" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"curve\": [[0, 0], [1, 2]]}]}",
      SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": ["
      "{\"title\": \"1\"}, {\"title\": \"2\"}, {\"title\": \"3\"}, {\"title\": \"4\"}, {\"title\": \"5\"}, {\"title\": \"6\"}]}]}",
      SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"kind\": \"manual\"}]}]}",
      SKPI_EINVAL, "objectives[0].key_results[0].title: required" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"kind\": \"auto\"}]}]}",
      SKPI_EINVAL, "objectives[0].key_results[0].kind: unknown value 'auto' (expected manual, metric, milestone)" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"kind\": \"milestone\", \"start\": 0, \"target\": 1}]}]}",
      SKPI_EINVAL, "objectives[0].key_results[0].start: not for a milestone key result (it runs from 0 to 1)" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"start\": 0}]}]}",
      SKPI_EINVAL, "objectives[0].key_results[0].target: required when start is given" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"stretch\": 9}]}]}",
      SKPI_EINVAL, "objectives[0].key_results[0].stretch: needs start and target" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"start\": 0, \"target\": 10, \"stretch\": 5}]}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"start\": 5, \"target\": 5}]}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"weight\": -2}]}]}",
      SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"channel\": \"*\"}]}]}",
      SKPI_EINVAL, "objectives[0].key_results[0].channel: given without a metric" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"kind\": \"metric\", \"metric\": \"nope\"}]}]}",
      SKPI_ENOTFOUND, "objectives[0].key_results[0].metric: unknown metric 'nope' (not in the catalog: define it under metrics)" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"metric\": \"reach\"}]}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"checkins\": [{\"value\": 1}]}]}]}",
      SKPI_EINVAL, "objectives[0].key_results[0].checkins[0].time: required" },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"checkins\": [{\"time\": \"2026-01-01\", \"confidence\": 1.5}]}]}]}",
      SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"checkins\": ["
      "{\"time\": \"2026-01-01\", \"value\": 1}, {\"time\": \"2026-01-01T00:00:00Z\", \"value\": 2}]}]}]}",
      SKPI_EDUPLICATE, NULL },
    { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", \"checkins\": [{\"time\": \"2026-01-01\", \"mood\": 1}]}]}]}",
      SKPI_EINVAL, "objectives[0].key_results[0].checkins[0].mood: unknown member (expected time, value, confidence, note, author)" },
    /* reports */
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"audience\": \"board\"}]}",
      SKPI_EINVAL, "reports[0].audience: unknown audience 'board' (expected self, team, management, leadership, sales, custom)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\"}]}",
      SKPI_EINVAL, "reports[0].title: required" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\"}, {\"id\": \"r\", \"title\": \"S\"}]}",
      SKPI_EEXISTS, "reports[1].id: 'r' is the id of reports[0] already" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"cadence\": \"hourly\"}]}",
      SKPI_EINVAL, "reports[0].cadence: unknown value 'hourly' (expected day, week, month, quarter, year)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"comparisons\": [\"last_year\"]}]}",
      SKPI_EINVAL, "reports[0].comparisons[0]: unknown value 'last_year' (expected previous, year_earlier)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"calendar\": {\"time_zone\": \"Europe/Berln\"}}]}",
      SKPI_EINVAL, "reports[0].calendar.time_zone: \"Europe/Berln\" is not an IANA time zone name (such as Europe/Berlin or America/Los_Angeles)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"calendar\": {\"time_zone\": \"UTC\", \"utc_offset\": \"Z\"}}]}",
      SKPI_EINVAL, "reports[0].calendar.time_zone: give a time zone or a utc_offset, not both" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"calendar\": {\"time_zone\": 1}}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"calendar\": {\"utc_offset\": \"+1\"}}]}",
      SKPI_EINVAL, "reports[0].calendar.utc_offset: '+1' is not an offset like +01:00, -05:30 or Z" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"calendar\": {\"utc_offset\": \"+19:00\"}}]}",
      SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"calendar\": {\"week_start\": \"mon\"}}]}",
      SKPI_EINVAL, "reports[0].calendar.week_start: unknown value 'mon' (expected monday, tuesday, wednesday, thursday, friday, saturday, sunday)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"calendar\": {\"fiscal_year_start\": 13}}]}",
      SKPI_ERANGE, "reports[0].calendar.fiscal_year_start: expected a whole number from 0 to 12" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"calendar\": {\"fiscal_year_start\": 0}}]}",
      SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"currency\": \"EUROSTERLING\"}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"channels\": [\"instagram:@acme\", \"instagram:@acme\"]}]}",
      SKPI_EEXISTS, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"channels\": [3]}]}",
      SKPI_EINVAL, "reports[0].channels[0]: expected a string, found a number" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"kpis\": [\"reech\"]}]}",
      SKPI_ENOTFOUND, "reports[0].kpis[0]: unknown metric 'reech' (not in the catalog: define it under metrics)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"kpis\": [\"reach\", {\"metric\": \"reach\"}]}]}",
      SKPI_EEXISTS, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"kpis\": [{\"channel\": \"*\"}]}]}",
      SKPI_EINVAL, "reports[0].kpis[0].metric: required" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"kpis\": [7]}]}",
      SKPI_EINVAL, "reports[0].kpis[0]: expected a metric key or an object, found a number" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"goals\": [\"g\"]}]}",
      SKPI_ENOTFOUND, "reports[0].goals[0]: no goal has the id 'g'" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"objectives\": [\"o\"]}]}",
      SKPI_ENOTFOUND, "reports[0].objectives[0]: no objective has the id 'o'" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"sections\": [\"summary\", \"appendix\"]}]}",
      SKPI_EINVAL, "reports[0].sections[1]: unknown section 'appendix' (expected summary, wins, kpis, channels, trends, goals, okrs, top_posts, spot_checks, next_steps, custom, competitors, benchmarks, funnel, resourcing, listening, what_worked, posting_times, campaign)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"sections\": [\"summary\", \"summary\"]}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"spot_checks\": {\"window\": 3}}]}",
      SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"spot_checks\": {\"window\": 2.5}}]}",
      SKPI_ERANGE, "reports[0].spot_checks.window: expected a whole number from 0 to 100000" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"top_posts\": {\"count\": 51}}]}",
      SKPI_ERANGE, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"top_posts\": {\"count\": 3, \"metric\": \"claps\"}}]}",
      SKPI_ENOTFOUND, "reports[0].top_posts.metric: unknown metric 'claps' (not in the catalog: define it under metrics)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"max_kpis\": -1}]}",
      SKPI_ERANGE, "reports[0].max_kpis: expected a whole number from 0 to 1000000000" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"templates\": {\"headline\": \"x\"}}]}",
      SKPI_EINVAL, "reports[0].templates.headline: unknown template (docs/definitions.md lists them)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"templates\": {\"headline_up\": \"{nope} rose\"}}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"templates\": {\"headline_up\": 5}}]}",
      SKPI_EINVAL, "reports[0].templates.headline_up: expected a string, found a number" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"as_of\": \"2026-01-01\"}]}",
      SKPI_EINVAL, "reports[0].as_of: unknown member (expected id, title, audience, cadence, comparisons, calendar, currency, locale, channels, kpis, goals, objectives, sections, spot_checks, top_posts, max_kpis, templates, channel_names, from, to, range_name, compare_range, industry)" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"channel_names\": {\"web:*\": 5}}]}",
      SKPI_EINVAL, "reports[0].channel_names.web:*: expected a string, found a number" },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"channel_names\": [\"web:*\"]}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"channel_names\": {\"Web\": \"Website\"}}]}",
      SKPI_EINVAL, NULL },
    { "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"channel_names\": {\"web:*\": \"\"}}]}",
      SKPI_EINVAL, NULL },
};

/* reports[i].channel_names: loaded, applied to the report, saved again. */
static void test_channel_names(void **state)
{
    (void)state;
    skpi_definitions *defs = load_text(
        "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"channel_names\": "
        "{\"listening:*\": \"Brand mentions\", \"instagram:@acme\": \"Instagram\"}}]}");
    for (int pass = 0; pass < 2; pass++) {
        skpi_report *r = build(defs, 0, day(2026, 4, 1));
        char buf[64];
        assert_int_equal(skpi_report_channel_name(buf, sizeof buf, r, "listening:*"), SKPI_OK);
        assert_string_equal(buf, "Brand mentions");
        assert_int_equal(skpi_report_channel_name(buf, sizeof buf, r, "instagram:@acme"), SKPI_OK);
        assert_string_equal(buf, "Instagram");
        assert_int_equal(skpi_report_channel_name(buf, sizeof buf, r, "web:*"), SKPI_OK);
        assert_string_equal(buf, "Website");
        skpi_report_free(r);
        char *text = save_text(defs);
        assert_non_null(strstr(text, "\"channel_names\""));
        assert_non_null(strstr(text, "\"Brand mentions\""));
        skpi_free(text);
        skpi_definitions *copy = reload(defs);
        skpi_definitions_free(defs);
        defs = copy;
    }
    skpi_definitions_free(defs);
}

/* A report that asks for top posts shows them whatever its audience's
 * preset holds; an explicit list of sections has the last word. */
static void test_top_posts_section(void **state)
{
    (void)state;
    skpi_definitions *defs = load_text(
        "{\"version\": 1, \"reports\": ["
        "{\"id\": \"m\", \"title\": \"M\", \"audience\": \"management\", \"top_posts\": {\"count\": 3}},"
        "{\"id\": \"p\", \"title\": \"P\", \"audience\": \"management\"},"
        "{\"id\": \"s\", \"title\": \"S\", \"sections\": [\"kpis\"], \"top_posts\": {\"count\": 3}}]}");
    for (size_t i = 0; i < 3; i++) {
        skpi_report *r = build(defs, i, day(2026, 4, 1));
        bool top = false;
        for (size_t k = 0; k < skpi_report_section_count(r); k++)
            top = top || skpi_report_section(r, k) == SKPI_SECTION_TOP_POSTS;
        assert_int_equal(top, i == 0);
        if (i == 0) assert_int_equal(skpi_report_audience(r), SKPI_AUDIENCE_MANAGEMENT);
        skpi_report_free(r);
    }
    skpi_definitions_free(defs);
}

/* Who checked in: read from "author", written back only when said. */
static void test_checkin_author(void **state)
{
    (void)state;
    skpi_definitions *defs = load_text(
        "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\", "
        "\"start\": 0, \"target\": 10, \"checkins\": [{\"time\": \"2026-01-01\", \"value\": 1, \"note\": \"n\", "
        "\"author\": \"Dana\"}, {\"time\": \"2026-01-02\", \"value\": 2}]}]}]}");
    const skpi_key_result *kr = skpi_objective_key_result(skpi_definitions_objective(defs, 0), 0);
    const char *who = NULL;
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 0), SKPI_OK);
    assert_string_equal(who, "Dana");
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 1), SKPI_OK);
    assert_string_equal(who, "");
    char *text = save_text(defs);
    /* "author" once: the second check-in said none (counted by offsets, as
     * a pointer into the text reads to gcc -O2 as one into save_text()) */
    size_t authors = 0;
    for (size_t at = 0; text[at] != '\0'; at++) authors += strncmp(text + at, "\"author\"", 8) == 0;
    assert_int_equal(authors, 1);
    skpi_free(text);
    skpi_definitions *copy = reload(defs);
    kr = skpi_objective_key_result(skpi_definitions_objective(copy, 0), 0);
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 0), SKPI_OK);
    assert_string_equal(who, "Dana");
    skpi_definitions_free(copy);
    skpi_definitions_free(defs);
}

static void test_bad_documents(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const bad_case *c = &bad_cases[i];
        skpi_definitions *sentinel = (skpi_definitions *)&bad_cases[i];
        skpi_definitions *defs = sentinel;
        long live = test_alloc_live();
        int rc = skpi_definitions_load_buffer(&defs, c->doc, strlen(c->doc), NULL);
        if (rc != c->code) fail_msg("case %zu: code %d, expected %d: %s", i, rc, c->code, skpi_last_error());
        if (c->message && strcmp(skpi_last_error(), c->message) != 0)
            fail_msg("case %zu:\n  got      %s\n  expected %s", i, skpi_last_error(), c->message);
        /* Every message says where, and the handle is not touched. */
        if (c->message == NULL && strchr(skpi_last_error(), ':') == NULL)
            fail_msg("case %zu: message without a place: %s", i, skpi_last_error());
        assert_ptr_equal(defs, sentinel);
        assert_int_equal(test_alloc_live(), live);
    }
}

/* The messages left to the library's setters, checked for their place. */
static void test_setter_messages(void **state)
{
    (void)state;
    static const struct { const char *doc; const char *prefix; } cases[] = {
        /* "reach +" is 7 characters: the formula ends at column 8. */
        { "{\"version\": 1, \"metrics\": [{\"key\": \"x\", \"label\": \"X\", \"kind\": \"derived\", \"formula\": \"reach +\"}]}",
          "metrics[0].formula: column 8: expected " },
        { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\","
          " \"start\": 0, \"target\": 10, \"stretch\": 5}]}]}", "objectives[0].key_results[0].stretch: " },
        { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": [{\"title\": \"k\","
          " \"metric\": \"reach\"}]}]}", "objectives[0].key_results[0].metric: " },
        { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\"},"
          " {\"id\": \"b\", \"title\": \"B\", \"parent\": \"a\", \"parent_weight\": -1}]}", "objectives[1].parent_weight: " },
        { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"parent\": \"b\"},"
          " {\"id\": \"b\", \"title\": \"B\", \"parent\": \"a\"}]}", "objectives[1].parent: " },
        { "{\"version\": 1, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"start\": \"2026-01-01\", \"deadline\": \"2026-03-01\","
          " \"milestones\": [{\"date\": \"2026-05-01\", \"value\": 1}]}]}", "goals[0].milestones[0]: " },
        { "{\"version\": 1, \"objectives\": [{\"id\": \"a\", \"title\": \"A\", \"key_results\": ["
          "{\"title\": \"1\"}, {\"title\": \"2\"}, {\"title\": \"3\"}, {\"title\": \"4\"}, {\"title\": \"5\"}, {\"title\": \"6\"}]}]}",
          "objectives[0].key_results[5]: " },
    };
#define R "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", "
    static const struct { const char *doc; const char *prefix; } report_cases[] = {
        { R "\"spot_checks\": {\"window\": 3}}]}", "reports[0].spot_checks: " },
        { R "\"calendar\": {\"utc_offset\": \"+19:00\"}}]}", "reports[0].calendar: " },
        { R "\"templates\": {\"headline_up\": \"{nope} rose\"}}]}", "reports[0].templates.headline_up: " },
        { R "\"kpis\": [\"reach\", {\"metric\": \"reach\"}]}]}", "reports[0].kpis[1]: " },
        { R "\"currency\": \"EUROSTERLING\"}]}", "reports[0].currency: " },
        { R "\"sections\": [\"summary\", \"summary\"]}]}", "reports[0].sections: " },
        { R "\"top_posts\": {\"count\": 51}}]}", "reports[0].top_posts: " },
        { R "\"channels\": [\"instagram:@acme\", \"instagram:@acme\"]}]}", "reports[0].channels[1]: " },
    };
#undef R
    for (size_t i = 0; i < sizeof report_cases / sizeof report_cases[0]; i++) {
        skpi_definitions *defs = NULL;
        const char *doc = report_cases[i].doc;
        assert_true(skpi_definitions_load_buffer(&defs, doc, strlen(doc), NULL) < 0);
        const char *msg = skpi_last_error();
        if (strncmp(msg, report_cases[i].prefix, strlen(report_cases[i].prefix)) != 0 ||
            strstr(msg, "skpi_") != NULL)
            fail_msg("report case %zu: %s", i, msg);
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        skpi_definitions *defs = NULL;
        assert_true(skpi_definitions_load_buffer(&defs, cases[i].doc, strlen(cases[i].doc), NULL) < 0);
        const char *msg = skpi_last_error();
        if (strncmp(msg, cases[i].prefix, strlen(cases[i].prefix)) != 0 || strstr(msg, "skpi_") != NULL)
            fail_msg("case %zu: %s", i, msg);
    }
}

/* null reads as absent, a byte order mark is skipped, "$schema" is ignored,
 * and a buffer needs no terminating NUL. */
static void test_lenient_input(void **state)
{
    (void)state;
    const char *doc = "\xEF\xBB\xBF{\"$schema\": \"x\", \"version\": 1, \"metrics\": null,"
                      " \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"owner\": null, \"target\": null}],"
                      " \"objectives\": [{\"id\": \"o\", \"title\": \"O\", \"parent\": null,"
                      " \"key_results\": [{\"title\": \"k\", \"start\": 1, \"target\": 2,"
                      " \"checkins\": [{\"time\": \"2026-01-01\", \"value\": null, \"confidence\": 0.5}]}]}]}GARBAGE";
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&defs, doc, strlen(doc) - 7, NULL), SKPI_OK);
    assert_null(skpi_goal_owner(skpi_definitions_goal(defs, 0)));
    assert_int_equal(skpi_goal_target_kind(skpi_definitions_goal(defs, 0)), SKPI_TARGET_NONE);
    const skpi_key_result *kr = skpi_objective_key_result(skpi_definitions_objective(defs, 0), 0);
    double v = 0, c = 0;
    assert_int_equal(skpi_key_result_checkin(NULL, &v, &c, NULL, kr, 0), SKPI_OK);
    assert_true(isnan(v));
    assert_double_same(c, 0.5);
    skpi_definitions_free(defs);
    /* An empty buffer by NULL is the empty document. */
    defs = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&defs, NULL, 0, NULL), SKPI_EPARSE);
    assert_null(defs);
}

/* The end of the accepted range survives as an objective's end. */
static void test_end_of_time(void **state)
{
    (void)state;
    skpi_definitions *defs = NULL;
    skpi_objective *obj = NULL;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_add_objective(&obj, defs, "forever", "Forever"), SKPI_OK);
    assert_int_equal(skpi_objective_set_period(obj, (skpi_period){ day(9999, 1, 1), SKPI_TIME_END }), SKPI_OK);
    char *text = save_text(defs);
    assert_non_null(strstr(text, "\"end\": \"10000-01-01\""));
    skpi_definitions *back = load_text(text);
    same_definitions(defs, back);
    skpi_free(text);
    skpi_definitions_free(back);
    skpi_definitions_free(defs);
}

/* ---- files ---- */

static char tmpdir[256];

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/skpi-defs-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) n++;
    closedir(d);
    return n;
}

static void test_files(void **state)
{
    (void)state;
    make_tmpdir();
    char path[512];
    snprintf(path, sizeof path, "%s/defs.json", tmpdir);

    skpi_definitions *defs = load_fixture("full.json");
    assert_int_equal(skpi_definitions_save_file(defs, path), SKPI_OK);
    /* Replacing the file leaves no temporary file behind. */
    assert_int_equal(skpi_definitions_save_file(defs, path), SKPI_OK);
    assert_int_equal(count_entries(tmpdir), 1);
    skpi_definitions *back = NULL;
    assert_int_equal(skpi_definitions_load_file(&back, path, NULL), SKPI_OK);
    same_definitions(defs, back);
    size_t size;
    char *on_disk = read_text(path, &size);
    char *in_memory = save_text(defs);
    assert_string_equal(on_disk, in_memory);
    free(on_disk);
    skpi_free(in_memory);
    skpi_definitions_free(back);

    /* A directory that does not exist: nothing written. */
    char bad[600];
    snprintf(bad, sizeof bad, "%s/missing/defs.json", tmpdir);
    assert_int_equal(skpi_definitions_save_file(defs, bad), SKPI_EIO);
    char expected[700];
    snprintf(expected, sizeof expected, "%s/missing/defs.json.%ld.tmp: cannot create it: No such file or directory",
             tmpdir, (long)getpid());
    assert_string_equal(skpi_last_error(), expected);
    /* Saving over a directory fails at the rename and cleans up. */
    assert_int_equal(skpi_definitions_save_file(defs, tmpdir), SKPI_EIO);
    assert_int_equal(count_entries(tmpdir), 1);
    skpi_definitions_free(defs);

    back = (skpi_definitions *)tmpdir;
    assert_int_equal(skpi_definitions_load_file(&back, bad, NULL), SKPI_EIO);
    snprintf(expected, sizeof expected, "%s: cannot open it: No such file or directory", bad);
    assert_string_equal(skpi_last_error(), expected);
    assert_int_equal(skpi_definitions_load_file(&back, tmpdir, NULL), SKPI_EIO);
    snprintf(expected, sizeof expected, "%s: cannot read it: Is a directory", tmpdir);
    assert_string_equal(skpi_last_error(), expected);
    assert_ptr_equal(back, (skpi_definitions *)tmpdir);

    /* One byte over the limit; a sparse file costs no disk. */
    char big[600];
    snprintf(big, sizeof big, "%s/big.json", tmpdir);
    FILE *fp = fopen(big, "wb");
    assert_non_null(fp);
    assert_int_equal(ftruncate(fileno(fp), (off_t)skpi_definitions_file_max() + 1), 0);
    fclose(fp);
    assert_int_equal(skpi_definitions_load_file(&back, big, NULL), SKPI_ERANGE);
    snprintf(expected, sizeof expected, "%s: larger than 67108864 bytes", big);
    assert_string_equal(skpi_last_error(), expected);
    remove(big);
    remove(path);
    rmdir(tmpdir);
}

/* Errors in a file start with its path. */
static void test_corrupt_file(void **state)
{
    (void)state;
    skpi_definitions *defs = NULL;
    /* corrupt.json breaks off inside the second goal after six lines, each
     * ending in a newline: the end of the file is line 7, column 0, where
     * the goal still lacks its closing brace. */
    assert_int_equal(skpi_definitions_load_file(&defs, FIXTURES "corrupt.json", NULL), SKPI_EPARSE);
    assert_string_equal(skpi_last_error(),
                        FIXTURES "corrupt.json: line 7, column 0: '}' expected near end of file");
    assert_null(defs);
    assert_int_equal(skpi_definitions_load_file(&defs, FIXTURES "bad_target.json", NULL), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(),
                        FIXTURES "bad_target.json: objectives[1].key_results[0].target: expected a number, found a string");
    assert_null(defs);
}

/* ---- numbers whatever the locale ---- */

static void test_locale(void **state)
{
    (void)state;
    char dir[64] = "";
    const char *name = test_comma_locale(dir, sizeof dir);
    if (name == NULL) skip();
    char check[16];
    snprintf(check, sizeof check, "%.1f", 1.5);
    assert_string_equal(check, "1,5"); /* the locale is in force */
    skpi_definitions *defs = load_fixture("full.json");
    /* Read in the comma locale: 0.45 is still 0.45. */
    const skpi_key_result *kr = skpi_objective_key_result(objective_by_id(defs, "brand"), 1);
    double c = 0;
    assert_int_equal(skpi_key_result_checkin(NULL, NULL, &c, NULL, kr, 0), SKPI_OK);
    assert_double_same(c, 0.45);
    char *text = save_text(defs);
    assert_non_null(strstr(text, "\"value\": 12000.5,"));
    assert_non_null(strstr(text, "\"confidence\": 0.45\n"));
    skpi_definitions *back = load_text(text);
    same_definitions(defs, back);
    skpi_free(text);
    skpi_definitions_free(back);
    skpi_definitions_free(defs);
    setlocale(LC_ALL, "C");
    if (dir[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
        assert_int_equal(system(cmd), 0);
        unsetenv("LOCPATH");
    }
}

/* The text of full.json, read once by main(). */
static char *full_text;
static size_t full_size;

/* ---- the allocation-free syntax check, against jansson ---- */

/* jansson's verdict is the reference; duplicate keys and numbers too large
 * are jansson's to judge, not the syntax check's. */
static void agree_with_jansson(const char *text, size_t size)
{
    json_error_t err;
    json_t *root = json_loadb(text, size, JSON_REJECT_DUPLICATES, &err);
    int code = root ? -1 : (int)json_error_code(&err);
    json_decref(root);
    if (code == json_error_duplicate_key || code == json_error_numeric_overflow) return;
    bool ok = skpi__json_well_formed(text, size);
    if (ok != (root != NULL))
        fail_msg("'%.*s': the check says %s, jansson says %s", (int)size, text,
                 ok ? "well formed" : "broken", root ? "well formed" : err.text);
}

static void test_well_formed(void **state)
{
    (void)state;
    static const char *texts[] = {
        "{}", "[]", " \n\t{ } \r\n", "[1, -0, 0.5, -1.5e+3, 2E-2, 10]", "{\"a\": [true, false, null]}",
        "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\"]", "[\"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"]",
        "[[[[]]], {}, [{}]]", "{\"a\": {\"b\": {\"c\": []}}}",
        "", "1", "\"x\"", "{", "[", "}", "[1,]", "{\"a\":}", "{\"a\" 1}", "{\"a\": 1,}", "{,}", "[,1]",
        "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]", "[tru]", "[nul]", "[True]", "{} {}", "[] x",
        "{1: 2}", "{\"a\": 1 \"b\": 2}", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u0000\"]",
        "[\"\\udc00\"]", "[\"\\ud800\"]", "[\"\\ud800\\u0041\"]", "[\"tab\there\"]",
        "[\"\xc0\xaf\"]", "[\"\xed\xa0\x80\"]", "[\"\xf4\x90\x80\x80\"]", "[\"\xe2\x82\"]", "[\"\x80\"]",
        "[\"unterminated]", "[1 2]", "[\"a\" : 1]", "{\"a\": 1]", "[1}", "\xef\xbb\xbf{}",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) agree_with_jansson(texts[i], strlen(texts[i]));
    /* A NUL byte outside strings, and depth at and beyond jansson's limit. */
    agree_with_jansson("[1]\0", 4);
    char *deep = malloc(5000);
    assert_non_null(deep);
    for (size_t levels = 2047; levels <= 2050; levels++) {
        memset(deep, '[', levels);
        memset(deep + levels, ']', levels);
        agree_with_jansson(deep, 2 * levels);
    }
    free(deep);
}

/* Mutations of the full fixture: the check agrees with jansson on each,
 * and the loader never crashes, leaks or half-fills a handle. */
static void test_mutations(void **state)
{
    (void)state;
    static const char alphabet[] = "{}[]\",:0123456789.-eE \n\\tnulfasr\x80\xc3\xff";
    char *text = malloc(full_size + 1);
    assert_non_null(text);
    uint32_t seed = 12345;
    long before = test_alloc_live();
    for (int round = 0; round < 3000; round++) {
        memcpy(text, full_text, full_size);
        size_t size = full_size;
        int edits = 1 + round % 3;
        for (int e = 0; e < edits; e++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % size;
            seed = seed * 1103515245u + 12345u;
            switch ((seed >> 16) % 3) {
            case 0: text[at] = alphabet[(seed >> 4) % (sizeof alphabet - 1)]; break;
            case 1: memmove(text + at, text + at + 1, size - at - 1); size--; break;
            default: size = at + 1; break;
            }
        }
        agree_with_jansson(text, size);
        skpi_definitions *defs = (skpi_definitions *)text;
        int rc = skpi_definitions_load_buffer(&defs, text, size, NULL);
        if (rc == SKPI_OK) skpi_definitions_free(defs);
        else assert_ptr_equal(defs, (skpi_definitions *)text);
        assert_true(rc == SKPI_OK || strlen(skpi_last_error()) > 0);
        assert_int_equal(test_alloc_live(), before);
    }
    free(text);
}

/* ---- out of memory ---- */

static void test_oom_load(void **state)
{
    (void)state;
    long before = test_alloc_live();
    for (long n = 0;; n++) {
        skpi_definitions *defs = (skpi_definitions *)&full_size;
        test_alloc_fail_after(n);
        int rc = skpi_definitions_load_buffer(&defs, full_text, full_size, NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_true(n > 10);
            skpi_definitions_free(defs);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(defs, (skpi_definitions *)&full_size);
        assert_int_equal(test_alloc_live(), before);
    }
    assert_int_equal(test_alloc_live(), before);
}

static void test_oom_save(void **state)
{
    (void)state;
    skpi_definitions *defs = load_text(full_text);
    char *reference = save_text(defs);
    long before = test_alloc_live();
    for (long n = 0;; n++) {
        char *text = (char *)"untouched";
        test_alloc_fail_after(n);
        int rc = skpi_definitions_save_buffer(&text, NULL, defs);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_string_equal(text, reference);
            skpi_free(text);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_string_equal(text, "untouched");
        assert_int_equal(test_alloc_live(), before);
    }
    skpi_free(reference);
    skpi_definitions_free(defs);
}

static void test_oom_api(void **state)
{
    (void)state;
    skpi_definitions *defs = load_text(full_text);
    const skpi_goal *g = skpi_definitions_goal(defs, 0);
    long before = test_alloc_live();
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_definitions_add_goal(NULL, defs, "copy", g);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(skpi_definitions_goal_count(defs), 3);
        assert_int_equal(test_alloc_live(), before);
    }
    assert_int_equal(skpi_definitions_goal_count(defs), 4);
    before = test_alloc_live();
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_definitions_add_objective(NULL, defs, "new", "New");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(skpi_definitions_objective_count(defs), 3);
        assert_int_equal(test_alloc_live(), before);
    }
    before = test_alloc_live();
    for (long n = 0;; n++) {
        skpi_report *r = (skpi_report *)defs;
        test_alloc_fail_after(n);
        int rc = skpi_definitions_build_report(&r, defs, 0, 0);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            skpi_report_free(r);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(r, (skpi_report *)defs);
        assert_int_equal(test_alloc_live(), before);
    }
    assert_int_equal(test_alloc_live(), before);
    skpi_definitions_free(defs);
    before = test_alloc_live();
    skpi_catalog *base = NULL;
    assert_int_equal(skpi_catalog_new(&base, NULL), SKPI_OK);
    long with_base = test_alloc_live();
    for (long n = 0;; n++) {
        skpi_definitions *d = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_definitions_new(&d, base);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            skpi_definitions_free(d);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(d);
        assert_int_equal(test_alloc_live(), with_base);
    }
    skpi_catalog_free(base);
    assert_int_equal(test_alloc_live(), before);
}

/* jansson 2.14 fails some allocations without setting its error, and its
 * error init leaves the code byte alone: fill the stack below us with a
 * code that is not "out of memory" so a reader of that byte is caught. */
static void __attribute__((noinline)) poison_stack(void)
{
    volatile unsigned char junk[16384];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)json_error_null_character;
}

static void test_oom_jansson(void **state)
{
    (void)state;
    test_json_alloc_install();
    long before = test_alloc_live();
    int failures = 0;
    for (long n = 0;; n++) {
        skpi_definitions *defs = NULL;
        poison_stack();
        test_json_fail_after(n);
        int rc = skpi_definitions_load_buffer(&defs, full_text, full_size, NULL);
        test_json_fail_after(-1);
        assert_int_equal(test_json_live(), 0);
        if (rc == SKPI_OK) {
            skpi_definitions_free(defs);
            break;
        }
        failures++;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(defs);
        assert_int_equal(test_alloc_live(), before);
    }
    assert_true(failures > 10);
    /* Text that is not JSON: while jansson has memory it says where; when it
     * gives up before reading a byte it says nothing, and that is memory. */
    static const char cut[] = "{\"version\": 1, \"goals\": [";
    for (long n = 0;; n++) {
        skpi_definitions *defs = NULL;
        test_json_fail_after(n);
        int rc = skpi_definitions_load_buffer(&defs, cut, sizeof cut - 1, NULL);
        int refused = test_json_refused();
        test_json_fail_after(-1);
        assert_null(defs);
        if (n == 0) assert_int_equal(rc, SKPI_ENOMEM);
        if (!refused) {
            assert_int_equal(rc, SKPI_EPARSE);
            /* jansson's own words; the text ends inside the goals array */
            assert_true(strncmp(skpi_last_error(), "line 1, column ", 15) == 0);
            assert_non_null(strstr(skpi_last_error(), "near end of file"));
            break;
        }
        assert_true(rc == SKPI_ENOMEM || rc == SKPI_EPARSE);
    }
    skpi_definitions *defs = load_text(full_text);
    for (long n = 0;; n++) {
        char *text = NULL;
        test_json_fail_after(n);
        int rc = skpi_definitions_save_buffer(&text, NULL, defs);
        test_json_fail_after(-1);
        assert_int_equal(test_json_live(), 0);
        if (rc == SKPI_OK) {
            skpi_free(text);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(text);
    }
    skpi_definitions_free(defs);
    test_json_alloc_remove();
}

int main(void)
{
    test_alloc_install();
    full_text = read_text(FIXTURES "full.json", &full_size);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_template_names),
        cmocka_unit_test(test_new_empty),
        cmocka_unit_test(test_misuse),
        cmocka_unit_test(test_load_metrics),
        cmocka_unit_test(test_load_goals),
        cmocka_unit_test(test_load_objectives),
        cmocka_unit_test(test_loaded_objects_work),
        cmocka_unit_test(test_load_reports),
        cmocka_unit_test(test_saved_report),
        cmocka_unit_test(test_time_zone),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_saved_text),
        cmocka_unit_test(test_numbers_exact),
        cmocka_unit_test(test_build_and_save),
        cmocka_unit_test(test_report_one_by_one),
        cmocka_unit_test(test_host_base),
        cmocka_unit_test(test_parent_outside),
        cmocka_unit_test(test_channel_names),
        cmocka_unit_test(test_top_posts_section),
        cmocka_unit_test(test_bad_documents),
        cmocka_unit_test(test_checkin_author),
        cmocka_unit_test(test_setter_messages),
        cmocka_unit_test(test_lenient_input),
        cmocka_unit_test(test_end_of_time),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_corrupt_file),
        cmocka_unit_test(test_locale),
        cmocka_unit_test(test_well_formed),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_oom_load),
        cmocka_unit_test(test_oom_save),
        cmocka_unit_test(test_oom_api),
        cmocka_unit_test(test_oom_jansson),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(full_text);
    return failed;
}
