/* Tests of reports over explicit date ranges (report.h, experimental):
 * the range and its comparisons (the range before, a year earlier, a
 * named range) against sums worked out by hand, ranges "since launch",
 * and the errors: a range that ends before it starts, one without data. */
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

static skpi_time day(int y, int m, int d)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

/* Daily engagements from 2025-01-01 to 2026-03-31:
 *   instagram:@acme  the day of the month, plus 10 in 2026
 *   linkedin:acme    5 a day in 2025, 10 a day in 2026
 * Sums (n(n+1)/2 for the days of the month; checked with pandas):
 *   2026-03-01..15  Instagram 120 + 15*10 = 270, LinkedIn 150, total 420
 *   2026-02-14..28  (the 15 days before) Instagram (14+28)*15/2 + 150 = 465,
 *                   LinkedIn 150, total 615: change -195 = -31.707 %
 *   2025-03-01..15  (a year earlier) Instagram 120, LinkedIn 75, total 195:
 *                   change +225 = +115.385 %
 *   2026-01-05..11  (the named range "launch week") Instagram 56 + 70 = 126,
 *                   LinkedIn 70, total 196: change +224 = +114.286 %
 *   2026-03-10..19  ("since launch" up to the as-of 2026-03-20) Instagram
 *                   145 + 100 = 245, LinkedIn 100, total 345 */
static skpi_dataset *dataset(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    static skpi_time t[460];
    static double ig[460], li[460];
    size_t n = 0;
    for (skpi_time x = day(2025, 1, 1); x <= day(2026, 3, 31); x += 86400) {
        char date[16];
        assert_int_equal(skpi_time_format_date(date, sizeof date, x, 0), SKPI_OK);
        int y = atoi(date), d = atoi(date + 8);
        t[n] = x;
        ig[n] = d + (y == 2026 ? 10 : 0);
        li[n] = y == 2026 ? 10 : 5;
        n++;
    }
    assert_int_equal(skpi_dataset_append(ds, "engagements", "instagram:@acme", t, ig, n), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "engagements", "linkedin:acme", t, li, n), SKPI_OK);
    return ds;
}

static skpi_report *ranged(int from_d, int to_d, unsigned comparisons)
{
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Spring report"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 4, 1)), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", NULL), SKPI_OK);
    skpi_period p = { day(2026, 3, from_d), day(2026, 3, to_d + 1) };
    assert_int_equal(skpi_report_set_range(r, &p, NULL), SKPI_OK);
    assert_int_equal(skpi_report_set_comparisons(r, comparisons), SKPI_OK);
    return r;
}

static char *render(const skpi_doc *doc, int format)
{
    skpi_buffer b = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.line_width = 200;
    assert_int_equal(skpi_render(doc, format, &o, &s), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &b), SKPI_OK);
    return out;
}

static void assert_contains(const char *text, const char *part)
{
    if (strstr(text, part) == NULL) fail_msg("missing \"%s\" in:\n%s", part, text);
}

static void assert_lacks(const char *text, const char *part)
{
    if (strstr(text, part) != NULL) fail_msg("unexpected \"%s\" in:\n%s", part, text);
}

/* The first KPI table's rows: the total first, then one per channel. */
static size_t kpi_table(const skpi_doc *doc, size_t nth)
{
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind == SKPI_BLOCK_KPI_TABLE && nth-- == 0) return b;
    }
    fail_msg("no KPI table");
    return 0;
}

static skpi_doc_kpi_row row_of(const skpi_doc *doc, size_t block, size_t row)
{
    skpi_doc_kpi_row r = SKPI_DOC_KPI_ROW_INIT;
    assert_int_equal(skpi_doc_kpi_row_get(&r, doc, block, row), SKPI_OK);
    return r;
}

static void previous_and_year_earlier(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = ranged(1, 15, SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_YEAR_EARLIER);
    skpi_period p;
    assert_int_equal(skpi_report_period(&p, r), SKPI_OK);
    assert_true(p.start == day(2026, 3, 1) && p.end == day(2026, 3, 16));
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    size_t kt = kpi_table(doc, 0);
    skpi_doc_kpi_row k = row_of(doc, kt, 0);
    assert_float_equal(k.value.value, 420, 1e-9);
    assert_float_equal(k.previous.value, 615, 1e-9);
    assert_float_equal(k.change.value, -195, 1e-9);
    assert_float_equal(k.change_percent.value, -195.0 / 615 * 100, 1e-9);
    assert_float_equal(k.previous2.value, 195, 1e-9);
    assert_float_equal(k.change2_percent.value, 225.0 / 195 * 100, 1e-9);
    const char *c1, *c2;
    assert_int_equal(skpi_doc_kpi_table_comparisons(&c1, &c2, doc, kt), SKPI_OK);
    assert_string_equal(c1, "14 February 2026 to 28 February 2026");
    assert_string_equal(c2, "1 March 2025 to 15 March 2025");
    /* per channel against the range before (the channel table) */
    size_t ct = kpi_table(doc, 1);
    skpi_doc_kpi_row ig = row_of(doc, ct, 1), li = row_of(doc, ct, 2);
    assert_float_equal(ig.value.value, 270, 1e-9);
    assert_float_equal(ig.previous.value, 465, 1e-9);
    assert_float_equal(li.value.value, 150, 1e-9);
    assert_float_equal(li.previous.value, 150, 1e-9);
    /* the sparkline: the 12 ranges of 15 days before, then this one */
    assert_int_equal(k.sparkline_length, 13);
    assert_float_equal(k.sparkline[12], 420, 1e-9);
    assert_float_equal(k.sparkline[11], 615, 1e-9);
    /* 2026-01-15..29: Instagram (15+29)*15/2 + 150 = 480, LinkedIn 150 */
    assert_float_equal(k.sparkline[9], 630, 1e-9);
    const char *label;
    assert_int_equal(skpi_doc_period(&p, &label, doc), SKPI_OK);
    assert_string_equal(label, "2026-03-01/2026-03-15");
    char *t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "Report for 1 March 2026 to 15 March 2026");
    assert_contains(t, "Engagements fell 31.7% compared with 14 February 2026 to 28 February 2026, to 420.");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void year_earlier_alone(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = ranged(1, 15, SKPI_COMPARE_YEAR_EARLIER);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    skpi_doc_kpi_row k = row_of(doc, kpi_table(doc, 0), 0);
    assert_float_equal(k.previous.value, 195, 1e-9);
    assert_float_equal(k.change.value, 225, 1e-9);
    char *t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "Engagements rose 115.4% compared with 1 March 2025 to 15 March 2025, to 420.");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void named_range(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = ranged(1, 15, SKPI_COMPARE_PREVIOUS);
    skpi_period launch = { day(2026, 1, 5), day(2026, 1, 12) };
    assert_int_equal(skpi_report_set_comparison_range(r, &launch, "launch week"), SKPI_OK);
    assert_int_equal(skpi_report_comparisons(r), SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_RANGE);
    skpi_period got;
    const char *name;
    assert_int_equal(skpi_report_comparison_range(&got, &name, r), SKPI_OK);
    assert_true(got.start == launch.start && got.end == launch.end);
    assert_string_equal(name, "launch week");
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    size_t kt = kpi_table(doc, 0);
    skpi_doc_kpi_row k = row_of(doc, kt, 0);
    assert_float_equal(k.previous.value, 615, 1e-9);
    assert_float_equal(k.previous2.value, 196, 1e-9);
    assert_float_equal(k.change2_percent.value, 224.0 / 196 * 100, 1e-9);
    const char *c1, *c2;
    assert_int_equal(skpi_doc_kpi_table_comparisons(&c1, &c2, doc, kt), SKPI_OK);
    assert_string_equal(c2, "launch week");
    skpi_doc_free(doc);
    /* The named range alone, on a monthly cadence report (no range). */
    assert_int_equal(skpi_report_set_range(r, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_report_range(NULL, NULL, r), SKPI_ENOTFOUND);
    assert_int_equal(skpi_report_set_comparisons(r, SKPI_COMPARE_RANGE), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    /* March 2026: Instagram 31*32/2 + 310 = 806, LinkedIn 310: 1,116 */
    k = row_of(doc, kpi_table(doc, 0), 0);
    assert_float_equal(k.value.value, 1116, 1e-9);
    assert_float_equal(k.previous.value, 196, 1e-9);
    char *t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "compared with launch week, to 1,116.");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void since_launch(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Since launch"), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", NULL), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 3, 20)), SKPI_OK);
    skpi_period p = { day(2026, 3, 10), SKPI_TIME_END };
    assert_int_equal(skpi_report_set_range(r, &p, "since launch"), SKPI_OK);
    assert_int_equal(skpi_report_set_comparisons(r, 0), SKPI_OK);
    skpi_period got;
    assert_int_equal(skpi_report_period(&got, r), SKPI_OK);
    assert_true(got.start == day(2026, 3, 10) && got.end == day(2026, 3, 20));
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    skpi_doc_kpi_row k = row_of(doc, kpi_table(doc, 0), 0);
    assert_float_equal(k.value.value, 345, 1e-9);
    char *t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "Report for since launch");
    skpi_free(t);
    skpi_doc_free(doc);
    /* As of the launch itself the range is empty: an error, not a report. */
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 3, 10)), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "2026-03-10"));
    assert_int_equal(skpi_report_period(&got, r), SKPI_EINVAL);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void bad_ranges(void **state)
{
    (void)state;
    skpi_report *r = ranged(1, 15, SKPI_COMPARE_PREVIOUS);
    skpi_period back = { day(2026, 3, 15), day(2026, 3, 1) };
    assert_int_equal(skpi_report_set_range(r, &back, "oops"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "ends (2026-02-28) before it starts (2026-03-15)"));
    skpi_period empty = { day(2026, 3, 15), day(2026, 3, 15) };
    assert_int_equal(skpi_report_set_range(r, &empty, NULL), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_comparison_range(r, &back, "x"), SKPI_EINVAL);
    skpi_period far = { day(2026, 3, 1), SKPI_TIME_END + 1 };
    assert_int_equal(skpi_report_set_range(r, &far, NULL), SKPI_ERANGE);
    /* the report is as it was */
    skpi_period got;
    const char *name;
    assert_int_equal(skpi_report_range(&got, &name, r), SKPI_OK);
    assert_true(got.start == day(2026, 3, 1) && got.end == day(2026, 3, 16));
    assert_string_equal(name, "");
    assert_int_equal(skpi_report_comparison_range(NULL, NULL, r), SKPI_ENOTFOUND);
    /* a named-range comparison needs one, and replaces the year-earlier one */
    assert_int_equal(skpi_report_set_comparisons(r, SKPI_COMPARE_RANGE), SKPI_EINVAL);
    assert_int_equal(skpi_report_comparisons(r), SKPI_COMPARE_PREVIOUS);
    skpi_period launch = { day(2026, 1, 5), day(2026, 1, 12) };
    assert_int_equal(skpi_report_set_comparison_range(r, &launch, NULL), SKPI_OK);
    assert_int_equal(skpi_report_set_comparisons(r, SKPI_COMPARE_RANGE | SKPI_COMPARE_YEAR_EARLIER), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_comparison_range(r, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_report_comparisons(r), SKPI_COMPARE_PREVIOUS);
    assert_int_equal(skpi_report_set_range(NULL, &launch, NULL), SKPI_EMISUSE);
    skpi_report_free(r);
}

/* A range without data says so: no figures, no "nothing to see". */
static void range_without_data(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Future"), SKPI_OK);
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_SELF), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", NULL), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 12, 1)), SKPI_OK);
    skpi_period p = { day(2026, 6, 1), day(2026, 6, 8) };
    assert_int_equal(skpi_report_set_range(r, &p, NULL), SKPI_OK);
    int cov;
    assert_int_equal(skpi_report_coverage(&cov, NULL, r, ds), SKPI_OK);
    assert_int_equal(cov, SKPI_COVERAGE_NONE);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "No data for 1 June 2026 to 7 June 2026: none of the report's metrics has a value in this period");
    assert_lacks(t, "Nothing out of the ordinary");
    assert_lacks(t, "Nothing needs attention");
    skpi_free(t);
    skpi_doc_free(doc);
    /* Part of a range: the days it has, and no comparison. */
    skpi_period half = { day(2026, 3, 25), day(2026, 4, 5) };
    assert_int_equal(skpi_report_set_range(r, &half, NULL), SKPI_OK);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "Only part of 25 March 2026 to 4 April 2026 has data, from 25 March 2026 to 31 March 2026");
    assert_contains(t, "until the period is complete");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* Every format renders a ranged report. */
static void every_format(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_report *r = ranged(1, 15, SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_YEAR_EARLIER);
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_SELF), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    const int formats[] = { SKPI_FORMAT_MARKDOWN, SKPI_FORMAT_HTML, SKPI_FORMAT_JSON, SKPI_FORMAT_CSV,
                            SKPI_FORMAT_TEXT };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = render(doc, formats[i]);
        assert_contains(out, formats[i] == SKPI_FORMAT_CSV ? "2026-03-01/2026-03-15" : "1 March 2026 to 15 March 2026");
        skpi_free(out);
    }
    const int binary[] = { SKPI_FORMAT_PDF, SKPI_FORMAT_XLSX };
    for (size_t i = 0; i < 2; i++) {
        if (!skpi_render_supported(binary[i])) continue;
        skpi_buffer b = SKPI_BUFFER_INIT;
        skpi_sink s;
        assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
        assert_int_equal(skpi_render(doc, binary[i], NULL, &s), SKPI_OK);
        size_t size;
        char *out;
        assert_int_equal(skpi_buffer_detach(&out, &size, &b), SKPI_OK);
        assert_true(size > 100);
        skpi_free(out);
    }
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* "from", "to", "range_name" and "compare_range" in a definitions file:
 * days of the report's calendar, saved back as given, errors at their path. */
static void definitions_members(void **state)
{
    (void)state;
    const char *json =
        "{\"version\": 1, \"reports\": [{\"id\": \"spring\", \"title\": \"Spring\", \"kpis\": [\"engagements\"],"
        " \"calendar\": {\"time_zone\": \"America/New_York\"},"
        " \"from\": \"2026-03-01\", \"to\": \"2026-03-15\", \"range_name\": \"spring push\","
        " \"compare_range\": {\"from\": \"2026-01-05\", \"to\": \"2026-01-11\", \"name\": \"launch week\"}}]}";
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&defs, json, strlen(json), NULL), SKPI_OK);
    skpi_report *r = NULL;
    assert_int_equal(skpi_definitions_build_report(&r, defs, 0, day(2026, 4, 1)), SKPI_OK);
    skpi_period p;
    const char *name;
    assert_int_equal(skpi_report_range(&p, &name, r), SKPI_OK);
    /* New York: EST (-5) on 1 March, EDT (-4) from 8 March; the range ends
     * at local midnight of 16 March. */
    assert_true(p.start == day(2026, 3, 1) + 5 * 3600);
    assert_true(p.end == day(2026, 3, 16) + 4 * 3600);
    assert_string_equal(name, "spring push");
    assert_int_equal(skpi_report_comparison_range(&p, &name, r), SKPI_OK);
    assert_true(p.start == day(2026, 1, 5) + 5 * 3600 && p.end == day(2026, 1, 12) + 5 * 3600);
    assert_string_equal(name, "launch week");
    assert_int_equal(skpi_report_comparisons(r), SKPI_COMPARE_PREVIOUS | SKPI_COMPARE_RANGE);
    skpi_report_free(r);
    char *text = NULL;
    assert_int_equal(skpi_definitions_save_buffer(&text, NULL, defs), SKPI_OK);
    assert_non_null(strstr(text, "\"from\": \"2026-03-01\""));
    assert_non_null(strstr(text, "\"to\": \"2026-03-15\""));
    assert_non_null(strstr(text, "\"range_name\": \"spring push\""));
    assert_non_null(strstr(text, "\"name\": \"launch week\""));
    skpi_free(text);
    skpi_definitions_free(defs);

    /* "from" alone: up to the as-of time. */
    const char *open_end = "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", \"from\": \"2026-03-10\"}]}";
    assert_int_equal(skpi_definitions_load_buffer(&defs, open_end, strlen(open_end), NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_build_report(&r, defs, 0, day(2026, 3, 20)), SKPI_OK);
    assert_int_equal(skpi_report_period(&p, r), SKPI_OK);
    assert_true(p.start == day(2026, 3, 10) && p.end == day(2026, 3, 20));
    skpi_report_free(r);
    skpi_definitions_free(defs);

    static const struct { const char *members, *message; } bad[] = {
        { "\"from\": \"2026-03-15\", \"to\": \"2026-03-01\"",
          "reports[0].to: the range ends (2026-03-01) before it starts (2026-03-15)" },
        { "\"to\": \"2026-03-01\"", "reports[0].to: a range needs \"from\", its first day" },
        { "\"from\": \"2026-02-30\"", "reports[0].from: '2026-02-30' is not a date like 2026-03-01" },
        { "\"compare_range\": {\"from\": \"2026-01-01\"}", "reports[0].compare_range.to" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char doc[512];
        snprintf(doc, sizeof doc, "{\"version\": 1, \"reports\": [{\"id\": \"r\", \"title\": \"R\", %s}]}",
                 bad[i].members);
        defs = NULL;
        assert_int_equal(skpi_definitions_load_buffer(&defs, doc, strlen(doc), NULL), SKPI_EINVAL);
        assert_null(defs);
        if (strstr(skpi_last_error(), bad[i].message) == NULL)
            fail_msg("\"%s\" lacks \"%s\"", skpi_last_error(), bad[i].message);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(previous_and_year_earlier),
        cmocka_unit_test(year_earlier_alone),
        cmocka_unit_test(named_range),
        cmocka_unit_test(since_launch),
        cmocka_unit_test(bad_ranges),
        cmocka_unit_test(range_without_data),
        cmocka_unit_test(every_format),
        cmocka_unit_test(definitions_members),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
