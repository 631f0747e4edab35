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

/* The ENGAGEMENT sheet's 2026-01-01..07 as stored (NAN: missing). */
static void engagement_week(const skpi_dataset *ds, const double imp[7], const double eng[7])
{
    for (int i = 0; i < 7; i++) {
        char d[16];
        snprintf(d, sizeof d, "2026-01-%02d", i + 1);
        assert_true(at(ds, "impressions", d) == imp[i]);
        if (isnan(eng[i]))
            assert_true(isnan(at(ds, "engagements", d)));
        else
            assert_true(at(ds, "engagements", d) == eng[i]);
    }
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
    engagement_week(ds, imp, eng); /* an empty cell: missing, not 0 */
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
    /* 7 ENGAGEMENT rows, 7 FOLLOWERS rows, 45 posts of TOP POSTS */
    assert_int_equal(skpi_import_summary_rows(sum), 59);
    /* TOP POSTS: two rankings merged by URL; post p is 1/(1 + p % 7)/2026,
     * ranked by engagements (40 - p) for p < 40 and by impressions
     * (905 - p) for p >= 5. Its posts add no daily flows: the week's
     * impressions above are ENGAGEMENT's alone. */
    assert_int_equal(skpi_dataset_post_count(ds), 45);
    static const struct { int p; double eng, imp; } posts[] = {
        { 0, 40, NAN }, { 4, 36, NAN }, { 5, 35, 900 }, { 39, 1, 866 }, { 40, NAN, 865 },
        { 44, NAN, 861 },
    };
    for (size_t i = 0; i < sizeof posts / sizeof posts[0]; i++) {
        char id[32], day[16];
        snprintf(id, sizeof id, "7%018d", posts[i].p);
        size_t k;
        assert_int_equal(skpi_dataset_find_post(&k, ds, CH, id), SKPI_OK);
        const skpi_post *p = skpi_dataset_post(ds, k);
        snprintf(day, sizeof day, "2026-01-%02d", 1 + posts[i].p % 7);
        skpi_time t;
        assert_int_equal(skpi_time_parse(&t, day), SKPI_OK);
        assert_true(skpi_post_published(p) == t);
        assert_non_null(strstr(skpi_post_link(p), id));
        assert_int_equal(skpi_post_value(&v, p, "engagements"), SKPI_OK);
        assert_true(isnan(posts[i].eng) ? isnan(v.value) : v.value == posts[i].eng);
        assert_int_equal(skpi_post_value(&v, p, "impressions"), SKPI_OK);
        assert_true(isnan(posts[i].imp) ? isnan(v.value) : v.value == posts[i].imp);
    }
    assert_int_equal(length(ds, "posts_published"), 0);
    assert_int_equal(length(ds, "engagements"), 7);
    /* DISCOVERY holds totals over the range, named with their figures */
    assert_true(ignored(sum, "sheet \"DISCOVERY\" (totals for 1/1/2026 - 1/7/2026: Impressions "
                             "1234, Members reached 567; no daily figures)"));
    assert_true(ignored(sum, "sheet \"DEMOGRAPHICS\""));
    assert_false(ignored(sum, "sheet \"ENGAGEMENT\""));
    assert_false(ignored(sum, "sheet \"TOP POSTS\""));
    assert_int_equal(skpi_import_summary_ignored_count(sum), 2);
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
         * is a date cell (serial 46029, shown with built-in format 14) */
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

/* biff_cells.xls (make_workbooks.py, biff_cells_xls): every cell form of
 * BIFF8, the 1904 date system, the mini stream, shared strings split over
 * CONTINUE records. Figures by hand from BIFF_ENGAGEMENT and BIFF_POSTS. */
static void biff_cell_forms(void **state)
{
    (void)state;
    if (!excel_built())
        skip();
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_import_summary *sum;
    assert_int_equal(skpi_import_file(&sum, ds, FIXTURE("biff_cells.xls"), NULL), SKPI_OK);
    /* a custom date format, a built-in one, a text date, a date at noon;
     * NUMBER, RK, MULRK, formula numbers and text, a LABEL, RK hundredths */
    static const double imp[] = { 120, 95, 0, 310, 250, 77, 1402 };
    static const double eng[] = { 7, 3, 0, 21, NAN, 5, 96.25 };
    engagement_week(ds, imp, eng); /* #N/A: missing */
    assert_int_equal(length(ds, "impressions"), 7);
    /* the posts sheet (its name in UTF-16): texts split over CONTINUE
     * records, compressed then UTF-16, with a surrogate pair */
    assert_int_equal(skpi_dataset_post_count(ds), 3);
    size_t k;
    assert_int_equal(skpi_dataset_find_post(&k, ds, "x:@acme", "1891000000000000002"), SKPI_OK);
    const skpi_post *p = skpi_dataset_post(ds, k);
    assert_string_equal(skpi_post_text(p), "Caf\xc3\xa9 cr\xc3\xa8me, then \xe6\x95\xb0\xe6\x8d\xae"
                        "\xe5\x88\x86\xe6\x9e\x90 and an emoji \xf0\x9f\x98\x80 at the end");
    skpi_value v;
    assert_int_equal(skpi_post_value(&v, p, "impressions"), SKPI_OK);
    assert_true(v.value == 766.0);
    assert_int_equal(skpi_dataset_find_post(&k, ds, "x:@acme", "1891000000000000003"), SKPI_OK);
    assert_string_equal(skpi_post_text(skpi_dataset_post(ds, k)),
                        "\xc3\x9c" "bersicht \xe2\x80\x94 \xc3\xa9t\xc3\xa9");
    assert_true(ignored(sum, "sheet \"Notes\""));
    assert_int_equal(skpi_import_summary_ignored_count(sum), 1);
    skpi_import_summary_free(sum);
    skpi_dataset_free(ds);
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* The fixture's compound file (512-byte sectors): the FAT in sector 0, the
 * workbook stream from sector 1, the directory where the header says. */
#define SECTOR(f, s) ((f) + ((size_t)(s) + 1) * 512)
#define WORKBOOK_ENTRY(f) (SECTOR(f, get32((f) + 48)) + 128)

/* The offset of the first record of type `id` in the workbook stream. */
static size_t record_at(const unsigned char *f, unsigned id)
{
    size_t pos = 0, len = get32(WORKBOOK_ENTRY(f) + 120);
    const unsigned char *st = SECTOR(f, 1);
    while (pos + 4 <= len) {
        unsigned rid = st[pos] | st[pos + 1] << 8, n = st[pos + 2] | st[pos + 3] << 8;
        if (rid == id)
            return (size_t)(st + pos - f);
        pos += 4 + n;
    }
    fail_msg("no record 0x%04X", id);
    return 0;
}

/* Damaged compound files and BIFF records: SKPI_EPARSE with what is wrong,
 * nothing stored, never a read out of bounds (the sanitizer build runs
 * this too). */
static void damaged_xls_structures(void **state)
{
    (void)state;
    if (!excel_built())
        skip();
    size_t n, nm;
    unsigned char *good = (unsigned char *)slurp(FIXTURE("linkedin_page_followers.xls"), &n);
    unsigned char *mini = (unsigned char *)slurp(FIXTURE("biff_cells.xls"), &nm);
    unsigned char *f = malloc(n);
    assert_non_null(f);
    skpi_dataset *ds = dataset_with_follower_kinds();
    assert_int_equal(skpi_import_buffer(NULL, ds, good, n, "good.xls", NULL), SKPI_OK);
    size_t sst = record_at(good, 0x00FC), bof = (size_t)(SECTOR(good, 1) - good);
    for (int c = 0; c < 10; c++) {
        memcpy(f, good, n);
        size_t size = n;
        const char *words = NULL;
        switch (c) {
        case 0: put32(f + 512 + 4 * 2, 1); words = "sector chain of the workbook stream loops"; break;
        case 1: put32(f + 512 + 4 * 2, 90000); words = "leaves the file"; break;
        case 2: put32(WORKBOOK_ENTRY(f) + 120, (uint32_t)n * 4); words = "larger than the file"; break;
        case 3: put32(f + 44, 0x7FFFFFFF); words = "allocation table"; break;
        case 4: WORKBOOK_ENTRY(f)[0] = 'X'; words = "no Excel workbook stream"; break;
        case 5: put32(f + sst + 8, 5000); words = "claims 5000 strings but holds"; break;
        case 6: f[bof + 5] = 0x05; words = "older than Excel 97"; break;
        case 7: size = 1200; words = "the directory leaves the file"; break; /* truncated */
        case 8: /* a LABELSST naming string 70000 */
            put32(f + record_at(f, 0x00FD) + 10, 70000);
            words = "shared string 70000";
            break;
        case 9: /* the mini FAT (sector 1) chaining mini sector 0 to itself */
            assert_true(nm <= n);
            memcpy(f, mini, nm);
            size = nm;
            put32(SECTOR(f, 1), 0);
            words = "mini sector chain of the workbook stream loops";
            break;
        }
        skpi_import_summary *sum = NULL;
        assert_int_equal(skpi_import_buffer(&sum, ds, f, size, "bad.xls", NULL), SKPI_EPARSE);
        assert_null(sum);
        if (strstr(skpi_last_error(), words) == NULL || strstr(skpi_last_error(), "bad.xls") == NULL)
            fail_msg("case %d: \"%s\" lacks \"%s\"", c, skpi_last_error(), words);
        assert_int_equal(length(ds, "new_followers"), 4);
    }
    skpi_dataset_free(ds);
    free(f);
    free(mini);
    free(good);
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
                                         FIXTURE("linkedin_page_followers.xls"),
                                         FIXTURE("biff_cells.xls") };
    for (size_t f = 0; f < 3; f++) {
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
        cmocka_unit_test(biff_cell_forms),
        cmocka_unit_test(damaged_xls_structures),
        cmocka_unit_test(forced_preset_picks_its_sheet),
        cmocka_unit_test(damaged_workbooks_are_parse_errors),
        cmocka_unit_test(out_of_memory_on_workbooks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
