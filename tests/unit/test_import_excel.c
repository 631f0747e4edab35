/* Tests of Excel workbook imports (import.h): the LinkedIn fixtures written
 * by tests/fixtures/import/make_workbooks.py, read from files and from
 * memory, sheet selection, forced presets, hostile workbooks and
 * out-of-memory. Expected values are worked out by hand from the figures
 * in make_workbooks.py (bindings/python/tests/test_import_excel.py checks
 * the .xlsx fixtures against openpyxl as well). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_alloc.h"

#define FIXTURE(name) "tests/fixtures/import/" name
#define ABSENT (-12345.0)
#define CH "linkedin:default"

static double at(const skpi_dataset *ds, const char *metric, const char *d)
{
    const skpi_series *s;
    if (skpi_dataset_series(&s, ds, metric, CH) != SKPI_OK)
        return ABSENT;
    skpi_time t;
    assert_int_equal(skpi_time_parse(&t, d), SKPI_OK);
    for (size_t i = 0; i < skpi_series_length(s); i++)
        if (skpi_series_times(s)[i] == t)
            return skpi_series_values(s)[i];
    return ABSENT;
}

static size_t length(const skpi_dataset *ds, const char *metric)
{
    const skpi_series *s;
    return skpi_dataset_series(&s, ds, metric, CH) == SKPI_OK ? skpi_series_length(s) : 0;
}

static bool ignored(const skpi_import_summary *s, const char *name)
{
    for (size_t i = 0; i < skpi_import_summary_ignored_count(s); i++)
        if (strcmp(skpi_import_summary_ignored(s, i), name) == 0)
            return true;
    return false;
}

static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *size = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

/* The organic/paid split of the page followers export needs host metrics. */
static skpi_dataset *dataset_with_follower_kinds(void)
{
    skpi_catalog *cat;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "new_followers_organic", "Organic followers",
                                             SKPI_UNIT_COUNT, SKPI_HIGHER_IS_BETTER,
                                             SKPI_KIND_FLOW), SKPI_OK);
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, cat), SKPI_OK);
    skpi_catalog_free(cat);
    return ds;
}

/* Whether this build reads workbooks at all (SKPI_WITH_EXCEL). */
static bool excel_built(void)
{
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    int rc = skpi_import_file(NULL, ds, FIXTURE("linkedin_creator.xlsx"), NULL);
    skpi_dataset_free(ds);
    if (rc != SKPI_OK)
        assert_non_null(strstr(skpi_last_error(), "SKPI_WITH_EXCEL"));
    return rc == SKPI_OK;
}

static void creator_xlsx_every_known_sheet(void **state)
{
    (void)state;
    if (!excel_built())
        skip();
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_import_summary *sum;
    assert_int_equal(skpi_import_file(&sum, ds, FIXTURE("linkedin_creator.xlsx"), NULL), SKPI_OK);
    /* ENGAGEMENT: date cells, 2026-01-01..07 */
    static const double imp[] = { 120, 95, 0, 310, 250, 77, 1402 };
    static const double eng[] = { 7, 3, 0, 21, NAN, 5, 96 };
    for (int i = 0; i < 7; i++) {
        char d[16];
        snprintf(d, sizeof d, "2026-01-%02d", i + 1);
        assert_true(at(ds, "impressions", d) == imp[i]);
        if (isnan(eng[i]))
            assert_true(isnan(at(ds, "engagements", d))); /* an empty cell: missing, not 0 */
        else
            assert_true(at(ds, "engagements", d) == eng[i]);
    }
    /* FOLLOWERS: text dates under "Total followers on ...", 3+0+5+2+11+4+1 */
    skpi_value v;
    skpi_period week;
    assert_int_equal(skpi_time_parse(&week.start, "2026-01-01"), SKPI_OK);
    assert_int_equal(skpi_time_parse(&week.end, "2026-01-08"), SKPI_OK);
    assert_int_equal(skpi_dataset_value(&v, ds, "new_followers", "*", week), SKPI_OK);
    assert_true(v.value == 26.0);
    assert_int_equal(skpi_dataset_value(&v, ds, "impressions", "*", week), SKPI_OK);
    assert_true(v.value == 2254.0);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_LINKEDIN_ENGAGEMENT);
    assert_int_equal(skpi_import_summary_header_line(sum), 1);
    /* 7 ENGAGEMENT rows and 7 FOLLOWERS rows */
    assert_int_equal(skpi_import_summary_rows(sum), 14);
    assert_true(ignored(sum, "sheet \"DISCOVERY\""));
    assert_true(ignored(sum, "sheet \"TOP POSTS\""));
    assert_true(ignored(sum, "sheet \"DEMOGRAPHICS\""));
    assert_false(ignored(sum, "sheet \"ENGAGEMENT\""));
    assert_int_equal(skpi_import_summary_ignored_count(sum), 3);
    skpi_import_summary_free(sum);
    skpi_dataset_free(ds);
}

static void page_followers_xls_file_and_buffer(void **state)
{
    (void)state;
    if (!excel_built())
        skip();
    size_t n;
    char *buf = slurp(FIXTURE("linkedin_page_followers.xls"), &n);
    for (int from_memory = 0; from_memory < 2; from_memory++) {
        skpi_dataset *ds = dataset_with_follower_kinds();
        skpi_import_summary *sum;
        int rc = from_memory
                     ? skpi_import_buffer(&sum, ds, buf, n, "followers.xls", NULL)
                     : skpi_import_file(&sum, ds, FIXTURE("linkedin_page_followers.xls"), NULL);
        assert_int_equal(rc, SKPI_OK);
        assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_LINKEDIN_PAGE_FOLLOWERS);
        /* Total followers (the day's gain) and Organic followers; the 7th
         * is a date cell (serial 46029) that libfreexl writes as a date */
        assert_true(at(ds, "new_followers", "2026-01-05") == 13.0);
        assert_true(at(ds, "new_followers", "2026-01-06") == 7.0);
        assert_true(at(ds, "new_followers", "2026-01-07") == 5.0);
        assert_true(at(ds, "new_followers", "2026-01-08") == 0.0);
        assert_true(at(ds, "new_followers_organic", "2026-01-07") == 4.0);
        assert_int_equal(length(ds, "new_followers"), 4);
        assert_true(ignored(sum, "Sponsored followers"));
        assert_true(ignored(sum, "sheet \"Location\""));
        skpi_import_summary_free(sum);
        skpi_dataset_free(ds);
    }
    free(buf);
}

static void forced_preset_picks_its_sheet(void **state)
{
    (void)state;
    if (!excel_built())
        skip();
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.preset = SKPI_IMPORT_LINKEDIN_FOLLOWERS;
    skpi_import_summary *sum;
    assert_int_equal(skpi_import_file(&sum, ds, FIXTURE("linkedin_creator.xlsx"), &o), SKPI_OK);
    assert_int_equal(length(ds, "new_followers"), 7);
    assert_int_equal(length(ds, "impressions"), 0);
    assert_true(ignored(sum, "sheet \"ENGAGEMENT\""));
    skpi_import_summary_free(sum);
    /* a preset no sheet fits */
    o.preset = SKPI_IMPORT_X_TWEETS;
    assert_int_equal(skpi_import_file(&sum, ds, FIXTURE("linkedin_creator.xlsx"), &o),
                     SKPI_EPARSE);
    assert_null(sum);
    assert_non_null(strstr(skpi_last_error(), "no sheet of the workbook holds x_tweets"));
    assert_non_null(strstr(skpi_last_error(), "\"TOP POSTS\""));
    assert_int_equal(length(ds, "new_followers"), 7);
    skpi_dataset_free(ds);
}

/* Bytes that start like a workbook and are not one: a message, nothing stored. */
static void damaged_workbooks_are_parse_errors(void **state)
{
    (void)state;
    if (!excel_built())
        skip();
    size_t nx, nl;
    char *xlsx = slurp(FIXTURE("linkedin_creator.xlsx"), &nx);
    char *xls = slurp(FIXTURE("linkedin_page_followers.xls"), &nl);
    static const unsigned char cfb[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    unsigned char junk[600];
    memset(junk, 0x5A, sizeof junk);
    memcpy(junk, cfb, sizeof cfb);
    struct { const void *data; size_t size; const char *words; } cases[] = {
        { xlsx, nx / 2, "zip archive" },
        { "PK\3\4not a zip at all", 20, "zip archive" },
        { xls, 700, ".xls" },
        { junk, sizeof junk, ".xls" },
    };
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    assert_int_equal(skpi_import_buffer(NULL, ds, xlsx, nx, "good.xlsx", NULL), SKPI_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        skpi_import_summary *sum = NULL;
        assert_int_equal(skpi_import_buffer(&sum, ds, cases[i].data, cases[i].size, "bad.xlsx",
                                            NULL), SKPI_EPARSE);
        assert_null(sum);
        assert_non_null(strstr(skpi_last_error(), "bad.xlsx"));
        assert_non_null(strstr(skpi_last_error(), cases[i].words));
        assert_int_equal(length(ds, "impressions"), 7);
    }
    skpi_dataset_free(ds);
    free(xlsx);
    free(xls);
}

/* Every allocation of a workbook import failing in turn: SKPI_ENOMEM,
 * nothing stored, no block leaked. */
static void out_of_memory_on_workbooks(void **state)
{
    (void)state;
    if (!excel_built())
        skip();
    static const char *const files[] = { FIXTURE("linkedin_creator.xlsx"),
                                         FIXTURE("linkedin_page_followers.xls") };
    for (size_t f = 0; f < 2; f++) {
        size_t n;
        char *buf = slurp(files[f], &n);
        skpi_dataset *ds;
        assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
        long failures = 0;
        for (long k = 0;; k++) {
            long live = test_alloc_live();
            test_alloc_fail_after(k);
            int rc = skpi_import_buffer(NULL, ds, buf, n, "oom", NULL);
            test_alloc_fail_after(-1);
            if (rc == SKPI_OK)
                break;
            failures++;
            assert_int_equal(rc, SKPI_ENOMEM);
            assert_int_equal(test_alloc_live(), live);
            assert_int_equal(skpi_dataset_channel_count(ds), 0);
            assert_true(k < 100000);
        }
        assert_true(failures > 10);
        assert_true(skpi_dataset_channel_count(ds) > 0);
        skpi_dataset_free(ds);
        free(buf);
    }
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(creator_xlsx_every_known_sheet),
        cmocka_unit_test(page_followers_xls_file_and_buffer),
        cmocka_unit_test(forced_preset_picks_its_sheet),
        cmocka_unit_test(damaged_workbooks_are_parse_errors),
        cmocka_unit_test(out_of_memory_on_workbooks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
