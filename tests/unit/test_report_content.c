/* The "What worked" and "Posting times" report sections: assembled from a
 * week of posts worked out by hand, and rendered in every format. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL
#include <socialkpi.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test_alloc.h"

static skpi_time at(int y, int m, int d, int h, int mi)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, h, mi, 0), SKPI_OK);
    return t;
}

static void post(skpi_dataset *ds, const char *id, skpi_time t, const char *type, const char *text, double eng,
                 double imp)
{
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@a", id, t, type, text, "https://example.org/p"), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@a", id, "engagements", eng), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@a", id, "impressions", imp), SKPI_OK);
}

/* March 2026, UTC. Reels: six posts on Mondays at 09:00 with engagements
 * 10, 20, 30, 40, 50, 60 (median 35, enough to judge); photos: two on
 * Tuesdays at 18:00 with 5 and 7 (too few). Every reel says #spring. */
static skpi_dataset *month(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    char id[8];
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "r%d", i);
        post(ds, id, at(2026, 3, 2 + 7 * (i % 4), 9, i), "IG reel", "New trail #spring", 10.0 * (i + 1), 1000);
    }
    post(ds, "p0", at(2026, 3, 3, 18, 0), "IG image", "Camp", 5, 100);
    post(ds, "p1", at(2026, 3, 10, 18, 0), "IG image", "Stove", 7, 100);
    return ds;
}

static char *render(const skpi_doc *doc, int format)
{
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    int rc = skpi_render(doc, format, NULL, &sink);
    if (rc != SKPI_OK) fail_msg("format %d: %s", format, skpi_last_error());
    char *out;
    size_t n;
    assert_int_equal(skpi_buffer_detach(&out, &n, &buf), SKPI_OK);
    return out;
}

static skpi_doc *assemble(skpi_dataset *ds, skpi_time as_of)
{
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Content"), SKPI_OK);
    int sections[] = { SKPI_SECTION_WHAT_WORKED, SKPI_SECTION_POSTING_TIMES };
    assert_int_equal(skpi_report_set_sections(r, sections, 2), SKPI_OK);
    assert_int_equal(skpi_report_set_cadence(r, SKPI_CADENCE_MONTH), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, as_of), SKPI_OK);
    skpi_doc *doc = NULL;
    int rc = skpi_report_assemble(&doc, r, ds);
    if (rc != SKPI_OK) fail_msg("assemble: %s", skpi_last_error());
    skpi_report_free(r);
    return doc;
}

static void sections_are_named(void **state)
{
    (void)state;
    /* The numbers are part of the ABI: fixed for ever. */
    assert_int_equal(SKPI_SECTION_WHAT_WORKED, 16);
    assert_int_equal(SKPI_SECTION_POSTING_TIMES, 17);
    assert_true(skpi_section_count() > SKPI_SECTION_POSTING_TIMES);
    assert_string_equal(skpi_section_name(SKPI_SECTION_WHAT_WORKED), "what_worked");
    assert_string_equal(skpi_section_name(SKPI_SECTION_POSTING_TIMES), "posting_times");

    /* Switched on in the team preset, both go after the top posts (and
     * the listening the preset puts there) and before the spot checks,
     * What worked first. */
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Content"), SKPI_OK);
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_TEAM), SKPI_OK);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_POSTING_TIMES, 1), SKPI_OK);
    assert_int_equal(skpi_report_set_section(r, SKPI_SECTION_WHAT_WORKED, 1), SKPI_OK);
    const int want[] = { SKPI_SECTION_SUMMARY, SKPI_SECTION_WINS, SKPI_SECTION_KPIS, SKPI_SECTION_CHANNELS,
                         SKPI_SECTION_TRENDS, SKPI_SECTION_TOP_POSTS, SKPI_SECTION_LISTENING, SKPI_SECTION_WHAT_WORKED,
                         SKPI_SECTION_POSTING_TIMES, SKPI_SECTION_SPOT_CHECKS, SKPI_SECTION_GOALS,
                         SKPI_SECTION_OKRS, SKPI_SECTION_CUSTOM, SKPI_SECTION_NEXT_STEPS };
    assert_int_equal(skpi_report_section_count(r), sizeof want / sizeof want[0]);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) assert_int_equal(skpi_report_section(r, i), want[i]);
    skpi_report_free(r);
}

static void what_worked_and_posting_times_by_hand(void **state)
{
    (void)state;
    skpi_dataset *ds = month();
    skpi_doc *doc = assemble(ds, at(2026, 4, 1, 0, 0));
    char *text = render(doc, SKPI_FORMAT_TEXT);
    /* reels: 6 posts, total 210, median 35, rate 210 / 6000 = 3.5 %, share
     * 210 / 222 = 94.59 %; photos: 2 posts, 12, median 6, 12 / 200 = 6 %. */
    assert_non_null(strstr(text, "What worked"));
    assert_non_null(strstr(text, "By post type"));
    assert_non_null(strstr(text, "reel"));
    assert_non_null(strstr(text, "210"));
    assert_non_null(strstr(text, "35"));
    assert_non_null(strstr(text, "94.59%"));
    assert_non_null(strstr(text, "Too few posts to judge (fewer than 5): photo."));
    assert_non_null(strstr(text, "reel: best and weakest posts"));
    assert_non_null(strstr(text, "#spring"));
    /* Posting times: Monday 09:00 holds the six reels (median 35), Tuesday
     * 18:00 the two photos (6, too few to be named). */
    assert_non_null(strstr(text, "Posting times"));
    assert_non_null(strstr(text, "35 (6)"));
    assert_non_null(strstr(text, "6 (2)"));
    assert_non_null(strstr(text, "Best times to post: Mon 09:00 "));
    skpi_free(text);
    char *html = render(doc, SKPI_FORMAT_HTML);
    /* the heat map: Monday 09:00 is the hottest cell (heat 1) */
    assert_non_null(strstr(html, "style=\"background:rgba(29,78,216,0.90);color:#fff\""));
    assert_non_null(strstr(html, "style=\"background:rgba(29,78,216,0.08)\""));
    skpi_free(html);
    int formats[] = { SKPI_FORMAT_MARKDOWN, SKPI_FORMAT_JSON, SKPI_FORMAT_CSV, SKPI_FORMAT_PDF, SKPI_FORMAT_XLSX };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (skpi_render_supported(formats[i]) != 1) continue;
        char *out = render(doc, formats[i]);
        if (formats[i] != SKPI_FORMAT_PDF && formats[i] != SKPI_FORMAT_XLSX) {
            assert_non_null(strstr(out, "35 (6)"));
            assert_non_null(strstr(out, "reel"));
        }
        skpi_free(out);
    }
    skpi_doc_free(doc);

    /* A month without posts says so in both sections. */
    doc = assemble(ds, at(2026, 6, 1, 0, 0));
    text = render(doc, SKPI_FORMAT_TEXT);
    const char *first = strstr(text, "No posts were published in");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "No posts were published in"));
    skpi_free(text);
    skpi_doc_free(doc);
    skpi_dataset_free(ds);
}

static void heat_cells_are_checked(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    const char *h[] = { "a", "b" };
    size_t t;
    assert_int_equal(skpi_doc_add_table(&t, doc, NULL, 2, h, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_table_add_row(doc, t, h), SKPI_OK);
    double v = 0;
    assert_int_equal(skpi_doc_table_heat(&v, doc, t, 0, 1), SKPI_OK);
    assert_true(isnan(v));
    assert_int_equal(skpi_doc_table_set_heat(doc, t, 0, 1, 0.25), SKPI_OK);
    assert_int_equal(skpi_doc_table_heat(&v, doc, t, 0, 1), SKPI_OK);
    assert_true(v == 0.25);
    assert_int_equal(skpi_doc_table_set_heat(doc, t, 1, 0, 0.5), SKPI_ERANGE);
    assert_int_equal(skpi_doc_table_set_heat(doc, t, 0, 2, 0.5), SKPI_ERANGE);
    assert_int_equal(skpi_doc_table_set_heat(doc, t, 0, 0, 1.5), SKPI_ERANGE);
    size_t para;
    assert_int_equal(skpi_doc_add_paragraph(&para, doc, "x"), SKPI_OK);
    assert_int_equal(skpi_doc_table_set_heat(doc, para, 0, 0, 0.5), SKPI_EINVAL);
    skpi_doc_free(doc);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sections_are_named),
        cmocka_unit_test(what_worked_and_posting_times_by_hand),
        cmocka_unit_test(heat_cells_are_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
