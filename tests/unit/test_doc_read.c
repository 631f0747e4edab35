/* Tests of the experimental reading aids of doc.h: the document's period,
 * table row views and the category axis of charts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL
#include <socialkpi.h>
#include <math.h>
#include <string.h>

#include "test_alloc.h"

static skpi_doc *new_doc(void)
{
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    return doc;
}

static void period(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    skpi_period p = { 1, 2 };
    const char *label = "untouched";
    assert_int_equal(skpi_doc_period(&p, &label, doc), SKPI_ENOTFOUND);
    assert_true(p.start == 1 && p.end == 2);
    assert_string_equal(label, "untouched");

    /* November 2026 in UTC: 2026-11-01 = day 20758 since 1970-01-01. */
    skpi_period nov = { 20758LL * 86400, (20758LL + 30) * 86400 };
    assert_int_equal(skpi_doc_set_period(doc, &nov, "November 2026"), SKPI_OK);
    assert_int_equal(skpi_doc_period(&p, &label, doc), SKPI_OK);
    assert_true(p.start == 1793491200LL && p.end == 1796083200LL);
    assert_string_equal(label, "November 2026");
    assert_int_equal(skpi_doc_period(NULL, NULL, doc), SKPI_OK);

    /* A refused period leaves the one set before. */
    skpi_period empty = { nov.start, nov.start };
    assert_int_equal(skpi_doc_set_period(doc, &empty, "x"), SKPI_ERANGE);
    skpi_period past = { skpi_time_min() - 1, nov.end };
    assert_int_equal(skpi_doc_set_period(doc, &past, "x"), SKPI_ERANGE);
    assert_int_equal(skpi_doc_period(&p, &label, doc), SKPI_OK);
    assert_string_equal(label, "November 2026");

    assert_int_equal(skpi_doc_set_period(doc, &nov, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_period(NULL, &label, doc), SKPI_OK);
    assert_string_equal(label, "");
    assert_int_equal(skpi_doc_set_period(doc, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_period(NULL, NULL, doc), SKPI_ENOTFOUND);
    assert_int_equal(skpi_doc_set_period(NULL, &nov, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_period(NULL, NULL, NULL), SKPI_EMISUSE);
    skpi_doc_free(doc);
}

static void table_rows(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    const char *headers[] = { "Channel", "Posts", "Note" };
    size_t t;
    assert_int_equal(skpi_doc_add_table(&t, doc, "Posts", 3, headers, NULL), SKPI_OK);
    const char *r0[] = { "instagram:@acme", "12", NULL };
    const char *r1[] = { "x:@acme", "", "paused" };
    assert_int_equal(skpi_doc_table_add_row(doc, t, r0), SKPI_OK);
    assert_int_equal(skpi_doc_table_add_row(doc, t, r1), SKPI_OK);
    const char *const *cells = NULL;
    assert_int_equal(skpi_doc_table_row(&cells, doc, t, 1), SKPI_OK);
    assert_string_equal(cells[0], "x:@acme");
    assert_string_equal(cells[1], "");
    assert_string_equal(cells[2], "paused");
    assert_int_equal(skpi_doc_table_row(&cells, doc, t, 0), SKPI_OK);
    assert_string_equal(cells[1], "12");
    assert_string_equal(cells[2], "");
    /* The same texts as the cell getter, not copies of them. */
    const char *cell = NULL;
    assert_int_equal(skpi_doc_table_cell(&cell, doc, t, 0, 0), SKPI_OK);
    assert_ptr_equal(cell, cells[0]);
    assert_int_equal(skpi_doc_table_row(&cells, doc, t, 2), SKPI_ERANGE);
    assert_int_equal(skpi_doc_table_row(&cells, doc, t + 1, 0), SKPI_ERANGE);
    assert_int_equal(skpi_doc_table_row(&cells, NULL, t, 0), SKPI_EMISUSE);
    size_t p;
    assert_int_equal(skpi_doc_add_paragraph(&p, doc, "text"), SKPI_OK);
    assert_int_equal(skpi_doc_table_row(&cells, doc, p, 0), SKPI_EINVAL);
    skpi_doc_free(doc);
}

static size_t add_chart(skpi_doc *doc)
{
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.title = "Reach";
    size_t c;
    assert_int_equal(skpi_doc_add_chart(&c, doc, &ch), SKPI_OK);
    return c;
}

static void add(skpi_doc *doc, size_t c, const char *const *labels, size_t n)
{
    double v[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "s", 0, labels, v, n), SKPI_OK);
}

static void expect_categories(skpi_doc *doc, size_t c, const char *const *want, size_t n)
{
    const char *const *got = NULL;
    size_t count = 99;
    assert_int_equal(skpi_doc_chart_categories(&got, &count, doc, c), SKPI_OK);
    assert_int_equal(count, n);
    for (size_t i = 0; i < n; i++) assert_string_equal(got[i], want[i]);
}

static void expect_index(skpi_doc *doc, size_t c, size_t series, const size_t *want, size_t n)
{
    const size_t *got = NULL;
    assert_int_equal(skpi_doc_chart_series_categories(&got, doc, c, series), SKPI_OK);
    for (size_t i = 0; i < n; i++) assert_int_equal(got[i], want[i]);
}

static void shared_categories(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    size_t c = add_chart(doc);
    expect_categories(doc, c, NULL, 0);
    const char *months[] = { "2026-09", "2026-10", "2026-11" };
    add(doc, c, months, 3);
    add(doc, c, months, 3);
    expect_categories(doc, c, months, 3);
    expect_index(doc, c, 1, (const size_t[]){ 0, 1, 2 }, 3);
    /* Series that share their labels keep a repeated label as two points. */
    size_t d = add_chart(doc);
    const char *twice[] = { "Q1", "Q1" };
    add(doc, d, twice, 2);
    expect_categories(doc, d, twice, 2);
    expect_index(doc, d, 0, (const size_t[]){ 0, 1 }, 2);
    skpi_doc_free(doc);
}

static void union_categories(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    size_t c = add_chart(doc);
    const char *a[] = { "Mon", "Tue", "Tue" };
    const char *b[] = { "Wed", "Mon" };
    const char *e[] = { "Thu", "Wed", "Fri" };
    add(doc, c, a, 3);
    const size_t *before = NULL;
    assert_int_equal(skpi_doc_chart_series_categories(&before, doc, c, 0), SKPI_OK);
    add(doc, c, b, 2);
    /* Distinct labels in first-appearance order: Mon Tue Wed. */
    expect_categories(doc, c, (const char *const[]){ "Mon", "Tue", "Wed" }, 3);
    expect_index(doc, c, 0, (const size_t[]){ 0, 1, 1 }, 3);
    expect_index(doc, c, 1, (const size_t[]){ 2, 0 }, 2);
    /* An array read before keeps what it said. */
    assert_true(before[0] == 0 && before[1] == 1 && before[2] == 2);
    add(doc, c, e, 3);
    add(doc, c, NULL, 0);
    expect_categories(doc, c, (const char *const[]){ "Mon", "Tue", "Wed", "Thu", "Fri" }, 5);
    expect_index(doc, c, 2, (const size_t[]){ 3, 2, 4 }, 3);
    const size_t *none = before;
    assert_int_equal(skpi_doc_chart_series_categories(&none, doc, c, 3), SKPI_OK);
    assert_null(none);
    assert_int_equal(skpi_doc_chart_series_categories(&none, doc, c, 4), SKPI_ERANGE);
    /* A first series without points: the next one's labels are the axis. */
    size_t d = add_chart(doc);
    add(doc, d, NULL, 0);
    add(doc, d, b, 2);
    expect_categories(doc, d, b, 2);
    expect_index(doc, d, 1, (const size_t[]){ 0, 1 }, 2);
    size_t p;
    assert_int_equal(skpi_doc_add_paragraph(&p, doc, "text"), SKPI_OK);
    assert_int_equal(skpi_doc_chart_categories(NULL, NULL, doc, p), SKPI_EINVAL);
    assert_int_equal(skpi_doc_chart_categories(NULL, NULL, NULL, c), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_chart_categories(NULL, NULL, doc, 9), SKPI_ERANGE);
    skpi_doc_free(doc);
}

/* Out of memory while a series changes the axis leaves the chart as it was. */
static void categories_out_of_memory(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    size_t c = add_chart(doc);
    const char *a[] = { "Mon", "Tue" };
    const char *b[] = { "Wed", "Mon" };
    add(doc, c, a, 2);
    double v[] = { 1, 2 };
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        int rc = skpi_doc_chart_add_series(NULL, doc, c, "s", 0, b, v, 2);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(test_alloc_live(), live);
        expect_categories(doc, c, a, 2);
        size_t size;
        assert_int_equal(skpi_doc_block_size(&size, doc, c), SKPI_OK);
        assert_int_equal(size, 1);
    }
    expect_categories(doc, c, (const char *const[]){ "Mon", "Tue", "Wed" }, 3);
    skpi_doc_free(doc);
    assert_int_equal(test_alloc_live(), 0);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(period),
        cmocka_unit_test(table_rows),
        cmocka_unit_test(shared_categories),
        cmocka_unit_test(union_categories),
        cmocka_unit_test(categories_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
