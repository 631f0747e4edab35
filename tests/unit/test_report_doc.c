/* Tests of the document model in report.h: building, walking, errors, out of memory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <string.h>

#include "test_alloc.h"

static skpi_value av(double v) { skpi_value x = { v, SKPI_AVAILABLE }; return x; }

static skpi_doc *new_doc(void)
{
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_non_null(doc);
    return doc;
}

static void metadata(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    assert_string_equal(skpi_doc_title(doc), "");
    assert_string_equal(skpi_doc_subtitle(doc), "");
    assert_string_equal(skpi_doc_currency(doc), "");
    assert_string_equal(skpi_doc_language(doc), "en");
    assert_int_equal(skpi_doc_block_count(doc), 0);
    assert_int_equal(skpi_doc_set_title(doc, "Weekly"), SKPI_OK);
    assert_int_equal(skpi_doc_set_subtitle(doc, "2026-W47"), SKPI_OK);
    assert_int_equal(skpi_doc_set_currency(doc, "EUR"), SKPI_OK);
    assert_int_equal(skpi_doc_set_language(doc, "pt-BR"), SKPI_OK);
    assert_string_equal(skpi_doc_title(doc), "Weekly");
    assert_string_equal(skpi_doc_subtitle(doc), "2026-W47");
    assert_string_equal(skpi_doc_currency(doc), "EUR");
    assert_string_equal(skpi_doc_language(doc), "pt-BR");
    assert_int_equal(skpi_doc_set_title(doc, ""), SKPI_OK);
    assert_string_equal(skpi_doc_title(doc), "");

    assert_int_equal(skpi_doc_set_currency(doc, "TOOLONGCUR"), SKPI_EINVAL);
    assert_int_equal(skpi_doc_set_currency(doc, "E\nR"), SKPI_EINVAL);
    assert_string_equal(skpi_doc_currency(doc), "EUR");
    assert_int_equal(skpi_doc_set_language(doc, ""), SKPI_EINVAL);
    assert_int_equal(skpi_doc_set_language(doc, "en_US"), SKPI_EINVAL);
    assert_int_equal(skpi_doc_set_language(doc, "-en"), SKPI_EINVAL);
    assert_int_equal(skpi_doc_set_language(doc, "\"><script>"), SKPI_EINVAL);
    assert_string_equal(skpi_doc_language(doc), "pt-BR");

    assert_int_equal(skpi_doc_new(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_set_title(NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_set_title(doc, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_set_subtitle(NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_set_currency(doc, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_set_language(NULL, "en"), SKPI_EMISUSE);
    assert_null(skpi_doc_title(NULL));
    assert_null(skpi_doc_subtitle(NULL));
    assert_null(skpi_doc_currency(NULL));
    assert_null(skpi_doc_language(NULL));
    assert_int_equal(skpi_doc_block_count(NULL), 0);
    skpi_doc_free(doc);
    skpi_doc_free(NULL);
}

static void text_blocks(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    size_t h = 99, p = 99, c = 99, l = 99, e = 99;
    assert_int_equal(skpi_doc_add_heading(&h, doc, 2, "Key numbers"), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(&p, doc, "Engagements rose "), SKPI_OK);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, p, SKPI_SPAN_STRONG, "23 %"), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(&e, doc, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_add_callout(&c, doc, SKPI_CALLOUT_WIN, NULL, "Goal achieved"), SKPI_OK);
    assert_int_equal(skpi_doc_add_list(&l, doc, 1), SKPI_OK);
    assert_int_equal(skpi_doc_list_add_item(doc, l, "first"), SKPI_OK);
    assert_int_equal(skpi_doc_list_add_item(doc, l, "second"), SKPI_OK);
    assert_int_equal(h, 0);
    assert_int_equal(p, 1);
    assert_int_equal(e, 2);
    assert_int_equal(c, 3);
    assert_int_equal(l, 4);
    assert_int_equal(skpi_doc_block_count(doc), 5);

    int kind, level, style, ordered;
    const char *text;
    size_t n;
    assert_int_equal(skpi_doc_block_kind(&kind, doc, h), SKPI_OK);
    assert_int_equal(kind, SKPI_BLOCK_HEADING);
    assert_int_equal(skpi_doc_heading_level(&level, doc, h), SKPI_OK);
    assert_int_equal(level, 2);
    assert_int_equal(skpi_doc_block_title(&text, doc, h), SKPI_OK);
    assert_string_equal(text, "Key numbers");
    assert_int_equal(skpi_doc_block_size(&n, doc, h), SKPI_OK);
    assert_int_equal(n, 0);

    assert_int_equal(skpi_doc_block_size(&n, doc, p), SKPI_OK);
    assert_int_equal(n, 2);
    assert_int_equal(skpi_doc_span(&style, &text, doc, p, 1), SKPI_OK);
    assert_int_equal(style, SKPI_SPAN_STRONG);
    assert_string_equal(text, "23 %");
    assert_int_equal(skpi_doc_span(NULL, NULL, doc, p, 0), SKPI_OK);
    assert_int_equal(skpi_doc_span(&style, &text, doc, p, 2), SKPI_ERANGE);
    assert_int_equal(skpi_doc_block_title(&text, doc, p), SKPI_OK);
    assert_string_equal(text, "");
    assert_int_equal(skpi_doc_block_size(&n, doc, e), SKPI_OK);
    assert_int_equal(n, 0);

    assert_int_equal(skpi_doc_callout(&kind, &text, doc, c), SKPI_OK);
    assert_int_equal(kind, SKPI_CALLOUT_WIN);
    assert_string_equal(text, "Goal achieved");
    assert_int_equal(skpi_doc_block_title(&text, doc, c), SKPI_OK);
    assert_string_equal(text, "");

    assert_int_equal(skpi_doc_list_ordered(&ordered, doc, l), SKPI_OK);
    assert_int_equal(ordered, 1);
    assert_int_equal(skpi_doc_list_item(&text, doc, l, 1), SKPI_OK);
    assert_string_equal(text, "second");
    assert_int_equal(skpi_doc_list_item(&text, doc, l, 2), SKPI_ERANGE);

    /* Errors: misuse, range, wrong kind, bad values; nothing is added. */
    assert_int_equal(skpi_doc_add_heading(NULL, NULL, 1, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 0, "x"), SKPI_ERANGE);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 5, "x"), SKPI_ERANGE);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, ""), SKPI_EINVAL);
    assert_int_equal(skpi_doc_add_paragraph(NULL, NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, p, 3, "x"), SKPI_EINVAL);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, p, 0, ""), SKPI_EINVAL);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, p, 0, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, h, 0, "x"), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(), "skpi_doc_paragraph_add_span: block 0 is a heading, not a paragraph");
    assert_int_equal(skpi_doc_paragraph_add_span(doc, 77, 0, "x"), SKPI_ERANGE);
    assert_int_equal(skpi_doc_paragraph_add_span(NULL, 0, 0, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, 3, NULL, "x"), SKPI_EINVAL);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, 0, NULL, ""), SKPI_EINVAL);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, 0, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_add_callout(NULL, NULL, 0, NULL, "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_add_list(NULL, doc, 2), SKPI_EINVAL);
    assert_int_equal(skpi_doc_add_list(NULL, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_list_add_item(doc, l, ""), SKPI_EINVAL);
    assert_int_equal(skpi_doc_list_add_item(doc, l, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_list_add_item(doc, p, "x"), SKPI_EINVAL);
    assert_int_equal(skpi_doc_block_count(doc), 5);

    assert_int_equal(skpi_doc_block_kind(&kind, doc, 5), SKPI_ERANGE);
    assert_int_equal(skpi_doc_block_kind(&kind, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_block_title(&text, doc, 9), SKPI_ERANGE);
    assert_int_equal(skpi_doc_block_size(&n, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_heading_level(&level, doc, p), SKPI_EINVAL);
    assert_int_equal(skpi_doc_span(&style, &text, doc, h, 0), SKPI_EINVAL);
    assert_int_equal(skpi_doc_callout(&kind, &text, doc, h), SKPI_EINVAL);
    assert_int_equal(skpi_doc_list_ordered(&ordered, doc, h), SKPI_EINVAL);
    assert_int_equal(skpi_doc_list_item(&text, doc, h, 0), SKPI_EINVAL);
    skpi_doc_free(doc);
}

static void kpi_tables(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    size_t t;
    assert_int_equal(skpi_doc_add_kpi_table(&t, doc, "KPIs", NULL, "Nov 2025"), SKPI_OK);
    const char *c1, *c2;
    assert_int_equal(skpi_doc_kpi_table_comparisons(&c1, &c2, doc, t), SKPI_OK);
    assert_string_equal(c1, "Previous");
    assert_string_equal(c2, "Nov 2025");

    double spark[] = { 1, NAN, 3 };
    skpi_doc_kpi_row row;
    assert_int_equal(skpi_doc_kpi_row_init(&row, SKPI_DOC_KPI_ROW_VERSION), SKPI_OK);
    assert_int_equal(row.value.availability, SKPI_MISSING);
    row.label = "Reach";
    row.channel = "instagram:@acme";
    row.unit = SKPI_UNIT_COUNT;
    row.direction = SKPI_HIGHER_IS_BETTER;
    row.value = av(1200);
    row.previous = av(1000);
    row.change = av(200);
    row.change_percent = av(20);
    row.previous2.value = 55; /* ignored: missing */
    row.sparkline = spark;
    row.sparkline_length = 3;
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &row), SKPI_OK);
    spark[0] = 99; /* the row holds a copy */

    skpi_doc_kpi_row got = SKPI_DOC_KPI_ROW_INIT;
    assert_int_equal(skpi_doc_kpi_row_get(&got, doc, t, 0), SKPI_OK);
    assert_string_equal(got.label, "Reach");
    assert_string_equal(got.channel, "instagram:@acme");
    assert_true(got.value.value == 1200 && got.value.availability == SKPI_AVAILABLE);
    assert_true(got.change_percent.value == 20);
    assert_true(isnan(got.previous2.value));
    assert_int_equal(got.previous2.availability, SKPI_MISSING);
    assert_int_equal(got.sparkline_length, 3);
    assert_true(got.sparkline[0] == 1 && isnan(got.sparkline[1]) && got.sparkline[2] == 3);
    size_t n;
    assert_int_equal(skpi_doc_block_size(&n, doc, t), SKPI_OK);
    assert_int_equal(n, 1);

    /* Every field is checked; the message names it. */
    skpi_doc_kpi_row bad = row;
    bad.label = "";
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EINVAL);
    bad = row; bad.unit = 6;
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EINVAL);
    bad = row; bad.direction = 3;
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EINVAL);
    bad = row; bad.level = 2;
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EINVAL);
    bad = row; bad.change2.availability = 9;
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(),
                        "skpi_doc_kpi_table_add_row: row.change2.availability 9 is not an skpi_availability");
    bad = row; bad.previous = av(INFINITY);
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(),
                        "skpi_doc_kpi_table_add_row: row.previous is available but not a finite number");
    bad = row; bad.sparkline = NULL;
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EINVAL);
    double inf[] = { INFINITY };
    bad = row; bad.sparkline = inf; bad.sparkline_length = 1;
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EINVAL);
    bad = row; bad.version = 2;
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &bad), SKPI_EVERSION);
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_kpi_table_add_row(NULL, t, &row), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, 4, &row), SKPI_ERANGE);
    assert_int_equal(skpi_doc_block_size(&n, doc, t), SKPI_OK);
    assert_int_equal(n, 1);

    got.version = 0;
    assert_int_equal(skpi_doc_kpi_row_get(&got, doc, t, 0), SKPI_EVERSION);
    got.version = SKPI_DOC_KPI_ROW_VERSION;
    assert_int_equal(skpi_doc_kpi_row_get(&got, doc, t, 1), SKPI_ERANGE);
    assert_int_equal(skpi_doc_kpi_row_get(NULL, doc, t, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_kpi_row_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_kpi_row_init(&got, 3), SKPI_EVERSION);
    assert_int_equal(skpi_doc_add_kpi_table(NULL, NULL, NULL, NULL, NULL), SKPI_EMISUSE);
    size_t p;
    assert_int_equal(skpi_doc_add_paragraph(&p, doc, "x"), SKPI_OK);
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, p, &row), SKPI_EINVAL);
    assert_int_equal(skpi_doc_kpi_row_get(&got, doc, p, 0), SKPI_EINVAL);
    assert_int_equal(skpi_doc_kpi_table_comparisons(&c1, &c2, doc, p), SKPI_EINVAL);
    skpi_doc_free(doc);
}

static void generic_tables(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    const char *heads[] = { "Channel", "Posts" };
    const int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT };
    size_t t;
    assert_int_equal(skpi_doc_add_table(&t, doc, NULL, 2, heads, align), SKPI_OK);
    const char *r1[] = { "x:@acme", NULL };
    assert_int_equal(skpi_doc_table_add_row(doc, t, r1), SKPI_OK);
    size_t cols;
    const char *text;
    int al;
    assert_int_equal(skpi_doc_table_columns(&cols, doc, t), SKPI_OK);
    assert_int_equal(cols, 2);
    assert_int_equal(skpi_doc_table_header(&text, &al, doc, t, 1), SKPI_OK);
    assert_string_equal(text, "Posts");
    assert_int_equal(al, SKPI_ALIGN_RIGHT);
    assert_int_equal(skpi_doc_table_cell(&text, doc, t, 0, 0), SKPI_OK);
    assert_string_equal(text, "x:@acme");
    assert_int_equal(skpi_doc_table_cell(&text, doc, t, 0, 1), SKPI_OK);
    assert_string_equal(text, "");
    assert_int_equal(skpi_doc_table_cell(&text, doc, t, 1, 0), SKPI_ERANGE);
    assert_int_equal(skpi_doc_table_cell(&text, doc, t, 0, 2), SKPI_ERANGE);
    assert_int_equal(skpi_doc_table_header(&text, &al, doc, t, 2), SKPI_ERANGE);
    assert_int_equal(skpi_doc_block_title(&text, doc, t), SKPI_OK);
    assert_string_equal(text, "");

    assert_int_equal(skpi_doc_add_table(NULL, doc, NULL, 0, heads, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_doc_add_table(NULL, doc, NULL, 65, heads, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_doc_add_table(NULL, doc, NULL, 2, NULL, NULL), SKPI_EMISUSE);
    const char *with_null[] = { "a", NULL };
    assert_int_equal(skpi_doc_add_table(NULL, doc, NULL, 2, with_null, NULL), SKPI_EMISUSE);
    const int bad_align[] = { 0, 2 };
    assert_int_equal(skpi_doc_add_table(NULL, doc, NULL, 2, heads, bad_align), SKPI_EINVAL);
    assert_int_equal(skpi_doc_table_add_row(doc, t, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_block_count(doc), 1);
    size_t h;
    assert_int_equal(skpi_doc_add_heading(&h, doc, 1, "h"), SKPI_OK);
    assert_int_equal(skpi_doc_table_add_row(doc, h, r1), SKPI_EINVAL);
    assert_int_equal(skpi_doc_table_columns(&cols, doc, h), SKPI_EINVAL);
    assert_int_equal(skpi_doc_table_header(&text, &al, doc, h, 0), SKPI_EINVAL);
    assert_int_equal(skpi_doc_table_cell(&text, doc, h, 0, 0), SKPI_EINVAL);
    skpi_doc_free(doc);
}

static void charts(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    skpi_doc_chart ch;
    assert_int_equal(skpi_doc_chart_init(&ch, SKPI_DOC_CHART_VERSION), SKPI_OK);
    ch.kind = SKPI_CHART_BAR;
    ch.title = "OKR scores";
    ch.unit = SKPI_UNIT_SCORE;
    ch.fixed_range = 1;
    ch.y_min = 0;
    ch.y_max = 1;
    size_t c, s;
    assert_int_equal(skpi_doc_add_chart(&c, doc, &ch), SKPI_OK);
    const char *labels[] = { "Brand", "Care" };
    const double values[] = { 0.63, NAN };
    assert_int_equal(skpi_doc_chart_add_series(&s, doc, c, "Score", SKPI_SERIES_SOLID, labels, values, 2), SKPI_OK);
    assert_int_equal(s, 0);
    assert_int_equal(skpi_doc_chart_add_series(&s, doc, c, "Empty", SKPI_SERIES_DASHED, NULL, NULL, 0), SKPI_OK);
    assert_int_equal(s, 1);

    skpi_doc_chart got = SKPI_DOC_CHART_INIT;
    assert_int_equal(skpi_doc_chart_get(&got, doc, c), SKPI_OK);
    assert_int_equal(got.kind, SKPI_CHART_BAR);
    assert_string_equal(got.title, "OKR scores");
    assert_null(got.description);
    assert_true(got.fixed_range == 1 && got.y_min == 0 && got.y_max == 1);
    const char *name;
    int style;
    size_t len;
    const char *const *gl;
    const double *gv;
    assert_int_equal(skpi_doc_chart_series(&name, &style, &len, &gl, &gv, doc, c, 0), SKPI_OK);
    assert_string_equal(name, "Score");
    assert_int_equal(style, SKPI_SERIES_SOLID);
    assert_int_equal(len, 2);
    assert_string_equal(gl[1], "Care");
    assert_true(gv[0] == 0.63 && isnan(gv[1]));
    assert_int_equal(skpi_doc_chart_series(&name, &style, &len, NULL, NULL, doc, c, 1), SKPI_OK);
    assert_int_equal(style, SKPI_SERIES_DASHED);
    assert_int_equal(len, 0);
    assert_int_equal(skpi_doc_chart_series(&name, NULL, NULL, NULL, NULL, doc, c, 2), SKPI_ERANGE);

    skpi_doc_chart bad = ch;
    bad.kind = 2;
    assert_int_equal(skpi_doc_add_chart(NULL, doc, &bad), SKPI_EINVAL);
    bad = ch; bad.title = NULL;
    assert_int_equal(skpi_doc_add_chart(NULL, doc, &bad), SKPI_EINVAL);
    bad = ch; bad.unit = -1;
    assert_int_equal(skpi_doc_add_chart(NULL, doc, &bad), SKPI_EINVAL);
    bad = ch; bad.y_max = 0;
    assert_int_equal(skpi_doc_add_chart(NULL, doc, &bad), SKPI_EINVAL);
    bad = ch; bad.y_min = NAN;
    assert_int_equal(skpi_doc_add_chart(NULL, doc, &bad), SKPI_EINVAL);
    bad = ch; bad.fixed_range = 2;
    assert_int_equal(skpi_doc_add_chart(NULL, doc, &bad), SKPI_EINVAL);
    bad = ch; bad.version = 7;
    assert_int_equal(skpi_doc_add_chart(NULL, doc, &bad), SKPI_EVERSION);
    assert_int_equal(skpi_doc_add_chart(NULL, doc, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_add_chart(NULL, NULL, &ch), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_block_count(doc), 1);

    const double inf[] = { 1, INFINITY };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "x", 0, labels, inf, 2), SKPI_EINVAL);
    const char *null_label[] = { "a", NULL };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "x", 0, null_label, values, 2), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "x", 0, NULL, values, 2), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "x", 2, labels, values, 2), SKPI_EINVAL);
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "", 0, labels, values, 2), SKPI_EINVAL);
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, NULL, 0, labels, values, 2), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, 3, "x", 0, labels, values, 2), SKPI_ERANGE);
    size_t n;
    assert_int_equal(skpi_doc_block_size(&n, doc, c), SKPI_OK);
    assert_int_equal(n, 2);
    got.version = 2;
    assert_int_equal(skpi_doc_chart_get(&got, doc, c), SKPI_EVERSION);
    assert_int_equal(skpi_doc_chart_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_chart_init(&got, 0), SKPI_EVERSION);
    size_t l;
    assert_int_equal(skpi_doc_add_list(&l, doc, 0), SKPI_OK);
    got.version = 1;
    assert_int_equal(skpi_doc_chart_get(&got, doc, l), SKPI_EINVAL);
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, l, "x", 0, labels, values, 2), SKPI_EINVAL);
    assert_int_equal(skpi_doc_chart_series(&name, NULL, NULL, NULL, NULL, doc, l, 0), SKPI_EINVAL);
    skpi_doc_free(doc);
}

/* A caller built against the version 1 header has shorter goal and
 * objective structs: init, add and get touch none of the bytes after them. */
static void old_header_structs(skpi_doc *doc)
{
    size_t v1 = offsetof(skpi_doc_goal, projected);
    unsigned char raw[sizeof(skpi_doc_goal) + 16];
    memset(raw, 0xA5, sizeof raw);
    skpi_doc_goal *g = (skpi_doc_goal *)(void *)raw;
    assert_int_equal(skpi_doc_goal_init(g, 1), SKPI_OK);
    for (size_t i = v1; i < sizeof raw; i++) assert_int_equal(raw[i], 0xA5);
    assert_int_equal(g->version, 1);
    g->name = "Old caller";
    g->status = "on_track";
    size_t b;
    assert_int_equal(skpi_doc_add_goals(&b, doc, NULL), SKPI_OK);
    /* the bytes past version 1 (0xA5, an invalid value) are not read */
    assert_int_equal(skpi_doc_goals_add(doc, b, g), SKPI_OK);
    memset(raw, 0xA5, sizeof raw);
    g->version = 1;
    assert_int_equal(skpi_doc_goal_get(g, doc, b, 0), SKPI_OK);
    assert_string_equal(g->name, "Old caller");
    assert_int_equal(g->version, 1);
    for (size_t i = v1; i < sizeof raw; i++) assert_int_equal(raw[i], 0xA5);
    /* read with version 2: the new figures are missing, the caveat absent */
    skpi_doc_goal now = SKPI_DOC_GOAL_INIT;
    assert_int_equal(skpi_doc_goal_get(&now, doc, b, 0), SKPI_OK);
    assert_int_equal(now.projected.availability, SKPI_MISSING);
    assert_int_equal(now.likelihood.availability, SKPI_MISSING);
    assert_null(now.caveat);

    size_t ov1 = offsetof(skpi_doc_objective, depth);
    unsigned char oraw[sizeof(skpi_doc_objective) + 16];
    memset(oraw, 0xA5, sizeof oraw);
    skpi_doc_objective *o = (skpi_doc_objective *)(void *)oraw;
    assert_int_equal(skpi_doc_objective_init(o, 1), SKPI_OK);
    for (size_t i = ov1; i < sizeof oraw; i++) assert_int_equal(oraw[i], 0xA5);
    o->title = "Old objective";
    size_t ob, idx;
    assert_int_equal(skpi_doc_add_objectives(&ob, doc, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_objectives_add(&idx, doc, ob, o), SKPI_OK);
    skpi_doc_objective read = SKPI_DOC_OBJECTIVE_INIT;
    assert_int_equal(skpi_doc_objective_get(&read, NULL, doc, ob, idx), SKPI_OK);
    assert_int_equal(read.depth, 0);
    read.depth = 9;
    assert_int_equal(skpi_doc_objectives_add(NULL, doc, ob, &read), SKPI_EINVAL);
}

static void goal_cards(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    size_t b;
    assert_int_equal(skpi_doc_add_goals(&b, doc, "Goals"), SKPI_OK);
    skpi_doc_goal g;
    assert_int_equal(skpi_doc_goal_init(&g, SKPI_DOC_GOAL_VERSION), SKPI_OK);
    g.name = "Followers";
    g.status = "on_track";
    g.tone = SKPI_TONE_GOOD;
    g.progress = av(0.5);
    g.deadline = "2026-12-31";
    assert_int_equal(skpi_doc_goals_add(doc, b, &g), SKPI_OK);
    skpi_doc_goal got = SKPI_DOC_GOAL_INIT;
    assert_int_equal(skpi_doc_goal_get(&got, doc, b, 0), SKPI_OK);
    assert_string_equal(got.name, "Followers");
    assert_string_equal(got.status, "on_track");
    assert_string_equal(got.status_label, "on_track"); /* the key when no label */
    assert_string_equal(got.deadline, "2026-12-31");
    assert_null(got.note);
    assert_true(got.progress.value == 0.5);
    assert_true(isnan(got.forecast.value));

    skpi_doc_goal bad = g;
    bad.name = NULL;
    assert_int_equal(skpi_doc_goals_add(doc, b, &bad), SKPI_EINVAL);
    bad = g; bad.status = NULL;
    assert_int_equal(skpi_doc_goals_add(doc, b, &bad), SKPI_EINVAL);
    bad = g; bad.status = "On Track";
    assert_int_equal(skpi_doc_goals_add(doc, b, &bad), SKPI_EINVAL);
    bad = g; bad.tone = 4;
    assert_int_equal(skpi_doc_goals_add(doc, b, &bad), SKPI_EINVAL);
    bad = g; bad.unit = 9;
    assert_int_equal(skpi_doc_goals_add(doc, b, &bad), SKPI_EINVAL);
    bad = g; bad.expected = av(NAN);
    assert_int_equal(skpi_doc_goals_add(doc, b, &bad), SKPI_EINVAL);
    bad = g; bad.version = SKPI_DOC_GOAL_VERSION + 1;
    assert_int_equal(skpi_doc_goals_add(doc, b, &bad), SKPI_EVERSION);
    bad = g; bad.projected = av(INFINITY);
    assert_int_equal(skpi_doc_goals_add(doc, b, &bad), SKPI_EINVAL);
    assert_int_equal(skpi_doc_goals_add(doc, b, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_goals_add(doc, 5, &g), SKPI_ERANGE);
    assert_int_equal(skpi_doc_goal_get(&got, doc, b, 1), SKPI_ERANGE);
    assert_int_equal(skpi_doc_add_goals(NULL, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_goal_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_goal_init(&g, SKPI_DOC_GOAL_VERSION + 1), SKPI_EVERSION);
    old_header_structs(doc);
    size_t h;
    assert_int_equal(skpi_doc_add_heading(&h, doc, 1, "h"), SKPI_OK);
    assert_int_equal(skpi_doc_goals_add(doc, h, &g), SKPI_EINVAL);
    assert_int_equal(skpi_doc_goal_get(&got, doc, h, 0), SKPI_EINVAL);
    skpi_doc_free(doc);
}

static void okr_cards(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    size_t b, o;
    assert_int_equal(skpi_doc_add_objectives(&b, doc, NULL), SKPI_OK);
    skpi_doc_objective obj;
    assert_int_equal(skpi_doc_objective_init(&obj, SKPI_DOC_OBJECTIVE_VERSION), SKPI_OK);
    obj.title = "Be talked about";
    obj.aspirational = 1;
    obj.score = av(0.65);
    obj.score_rounded = av(0.7);
    obj.band = "green";
    assert_int_equal(skpi_doc_objectives_add(&o, doc, b, &obj), SKPI_OK);
    assert_int_equal(o, 0);
    skpi_doc_key_result kr;
    assert_int_equal(skpi_doc_key_result_init(&kr, SKPI_DOC_KEY_RESULT_VERSION), SKPI_OK);
    kr.title = "2M impressions";
    kr.score = av(0.7);
    kr.note = "on plan";
    assert_int_equal(skpi_doc_objective_add_key_result(doc, b, o, &kr), SKPI_OK);
    kr.title = "SOV 25 %";
    kr.note = NULL;
    assert_int_equal(skpi_doc_objective_add_key_result(doc, b, o, &kr), SKPI_OK);

    skpi_doc_objective got = SKPI_DOC_OBJECTIVE_INIT;
    size_t nkr;
    assert_int_equal(skpi_doc_objective_get(&got, &nkr, doc, b, 0), SKPI_OK);
    assert_string_equal(got.title, "Be talked about");
    assert_string_equal(got.band_label, "green");
    assert_null(got.owner);
    assert_int_equal(nkr, 2);
    assert_int_equal(skpi_doc_objective_get(NULL, &nkr, doc, b, 0), SKPI_OK);
    skpi_doc_key_result gkr = SKPI_DOC_KEY_RESULT_INIT;
    assert_int_equal(skpi_doc_key_result_get(&gkr, doc, b, 0, 1), SKPI_OK);
    assert_string_equal(gkr.title, "SOV 25 %");
    assert_null(gkr.note);
    assert_int_equal(skpi_doc_key_result_get(&gkr, doc, b, 0, 2), SKPI_ERANGE);
    assert_int_equal(skpi_doc_key_result_get(&gkr, doc, b, 1, 0), SKPI_ERANGE);

    skpi_doc_objective bad = obj;
    bad.title = "";
    assert_int_equal(skpi_doc_objectives_add(NULL, doc, b, &bad), SKPI_EINVAL);
    bad = obj; bad.aspirational = 2;
    assert_int_equal(skpi_doc_objectives_add(NULL, doc, b, &bad), SKPI_EINVAL);
    bad = obj; bad.band = "Green!";
    assert_int_equal(skpi_doc_objectives_add(NULL, doc, b, &bad), SKPI_EINVAL);
    bad = obj; bad.tone = -1;
    assert_int_equal(skpi_doc_objectives_add(NULL, doc, b, &bad), SKPI_EINVAL);
    bad = obj; bad.score = av(INFINITY);
    assert_int_equal(skpi_doc_objectives_add(NULL, doc, b, &bad), SKPI_EINVAL);
    bad = obj; bad.version = 3;
    assert_int_equal(skpi_doc_objectives_add(NULL, doc, b, &bad), SKPI_EVERSION);
    skpi_doc_key_result kbad = kr;
    kbad.title = NULL;
    assert_int_equal(skpi_doc_objective_add_key_result(doc, b, 0, &kbad), SKPI_EINVAL);
    kbad = kr; kbad.unit = 6;
    assert_int_equal(skpi_doc_objective_add_key_result(doc, b, 0, &kbad), SKPI_EINVAL);
    kbad = kr; kbad.tone = 4;
    assert_int_equal(skpi_doc_objective_add_key_result(doc, b, 0, &kbad), SKPI_EINVAL);
    kbad = kr; kbad.target.availability = 5;
    assert_int_equal(skpi_doc_objective_add_key_result(doc, b, 0, &kbad), SKPI_EINVAL);
    assert_int_equal(skpi_doc_objective_add_key_result(doc, b, 3, &kr), SKPI_ERANGE);
    assert_int_equal(skpi_doc_objective_add_key_result(doc, b, 0, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_objective_get(&got, &nkr, doc, b, 0), SKPI_OK);
    assert_int_equal(nkr, 2);
    size_t n;
    assert_int_equal(skpi_doc_block_size(&n, doc, b), SKPI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(skpi_doc_objective_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_key_result_init(&kr, 0), SKPI_EVERSION);
    gkr.version = 0;
    assert_int_equal(skpi_doc_key_result_get(&gkr, doc, b, 0, 0), SKPI_EVERSION);
    got.version = 0;
    assert_int_equal(skpi_doc_objective_get(&got, NULL, doc, b, 0), SKPI_EVERSION);
    assert_int_equal(skpi_doc_add_objectives(NULL, NULL, "x"), SKPI_EMISUSE);
    skpi_doc_free(doc);
}

static void post_lists(void **state)
{
    (void)state;
    skpi_doc *doc = new_doc();
    size_t b;
    assert_int_equal(skpi_doc_add_posts(&b, doc, "Top posts"), SKPI_OK);
    skpi_doc_post p;
    assert_int_equal(skpi_doc_post_init(&p, SKPI_DOC_POST_VERSION), SKPI_OK);
    p.channel = "x:@acme";
    p.metric = "Likes";
    p.value = av(12);
    p.url = "https://x.com/acme/status/1";
    assert_int_equal(skpi_doc_posts_add(doc, b, &p), SKPI_OK);
    skpi_doc_post got = SKPI_DOC_POST_INIT;
    assert_int_equal(skpi_doc_post_get(&got, doc, b, 0), SKPI_OK);
    assert_string_equal(got.channel, "x:@acme");
    assert_string_equal(got.url, "https://x.com/acme/status/1");
    assert_null(got.text);
    assert_true(isnan(got.ratio.value));
    skpi_doc_post bad = p;
    bad.channel = "";
    assert_int_equal(skpi_doc_posts_add(doc, b, &bad), SKPI_EINVAL);
    bad = p; bad.metric = NULL;
    assert_int_equal(skpi_doc_posts_add(doc, b, &bad), SKPI_EINVAL);
    bad = p; bad.unit = 8;
    assert_int_equal(skpi_doc_posts_add(doc, b, &bad), SKPI_EINVAL);
    bad = p; bad.ratio = av(-INFINITY);
    assert_int_equal(skpi_doc_posts_add(doc, b, &bad), SKPI_EINVAL);
    bad = p; bad.version = 0;
    assert_int_equal(skpi_doc_posts_add(doc, b, &bad), SKPI_EVERSION);
    assert_int_equal(skpi_doc_post_get(&got, doc, b, 1), SKPI_ERANGE);
    assert_int_equal(skpi_doc_post_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_doc_post_init(&p, SKPI_DOC_POST_VERSION + 1), SKPI_EVERSION);
    assert_int_equal(skpi_doc_add_posts(NULL, NULL, NULL), SKPI_EMISUSE);
    skpi_doc_free(doc);
}

/* ---- out of memory: every add fails cleanly at every allocation ---------- */

typedef int (*add_fn)(skpi_doc *doc);

static int add_heading(skpi_doc *d) { return skpi_doc_add_heading(NULL, d, 1, "A heading that is long enough"); }
static int add_para(skpi_doc *d) { return skpi_doc_add_paragraph(NULL, d, "Some words"); }
static int add_span(skpi_doc *d) { return skpi_doc_paragraph_add_span(d, 0, SKPI_SPAN_EMPHASIS, "more"); }
static int add_callout(skpi_doc *d) { return skpi_doc_add_callout(NULL, d, SKPI_CALLOUT_ALERT, "Title", "Text"); }
static int add_item(skpi_doc *d) { return skpi_doc_list_add_item(d, 1, "an item"); }
static int add_kpi_table(skpi_doc *d) { return skpi_doc_add_kpi_table(NULL, d, "T", "A", "B"); }
static int add_kpi_row(skpi_doc *d)
{
    static double big[2000];
    skpi_doc_kpi_row r = SKPI_DOC_KPI_ROW_INIT;
    r.label = "Reach";
    r.channel = "all";
    r.sparkline = big;
    r.sparkline_length = 2000; /* bigger than an arena chunk */
    return skpi_doc_kpi_table_add_row(d, 2, &r);
}
static int add_table(skpi_doc *d)
{
    const char *h[] = { "a", "b", "c" };
    return skpi_doc_add_table(NULL, d, "T", 3, h, NULL);
}
static int add_table_row(skpi_doc *d)
{
    const char *c[] = { "1", "2", NULL };
    return skpi_doc_table_add_row(d, 3, c);
}
static int add_chart(skpi_doc *d)
{
    skpi_doc_chart c = SKPI_DOC_CHART_INIT;
    c.title = "C";
    c.description = "D";
    return skpi_doc_add_chart(NULL, d, &c);
}
static int add_series(skpi_doc *d)
{
    const char *l[] = { "a", "b" };
    const double v[] = { 1, 2 };
    return skpi_doc_chart_add_series(NULL, d, 4, "S", 0, l, v, 2);
}
static int add_goals(skpi_doc *d) { return skpi_doc_add_goals(NULL, d, "G"); }
static int add_goal(skpi_doc *d)
{
    skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
    g.name = "n"; g.status = "s"; g.status_label = "S"; g.deadline = "d"; g.note = "x";
    return skpi_doc_goals_add(d, 5, &g);
}
static int add_objs(skpi_doc *d) { return skpi_doc_add_objectives(NULL, d, "O"); }
static int add_obj(skpi_doc *d)
{
    skpi_doc_objective o = SKPI_DOC_OBJECTIVE_INIT;
    o.title = "t"; o.owner = "o"; o.band = "b"; o.band_label = "B"; o.interpretation = "i";
    return skpi_doc_objectives_add(NULL, d, 6, &o);
}
static int add_kr(skpi_doc *d)
{
    skpi_doc_key_result k = SKPI_DOC_KEY_RESULT_INIT;
    k.title = "k"; k.note = "n";
    return skpi_doc_objective_add_key_result(d, 6, 0, &k);
}
static int add_posts(skpi_doc *d) { return skpi_doc_add_posts(NULL, d, "P"); }
static int add_post(skpi_doc *d)
{
    skpi_doc_post p = SKPI_DOC_POST_INIT;
    p.channel = "c"; p.metric = "m"; p.text = "t"; p.url = "u"; p.published = "p";
    return skpi_doc_posts_add(d, 7, &p);
}
static int set_title(skpi_doc *d) { return skpi_doc_set_title(d, "A title"); }

/* A fingerprint of everything a failed call must leave as it was. */
static size_t shape(const skpi_doc *d)
{
    size_t h = skpi_doc_block_count(d);
    for (size_t i = 0; i < skpi_doc_block_count(d); i++) {
        size_t n = 0;
        skpi_doc_block_size(&n, d, i);
        h = h * 31 + n;
        int kind;
        skpi_doc_block_kind(&kind, d, i);
        if (kind == SKPI_BLOCK_OBJECTIVES && n > 0) {
            size_t k = 0;
            skpi_doc_objective_get(NULL, &k, d, i, 0);
            h = h * 31 + k;
        }
    }
    return h * 31 + strlen(skpi_doc_title(d));
}

static void out_of_memory(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        int rc = skpi_doc_new(&doc);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(test_alloc_live(), live);
    }
    /* Blocks the item adders use: 0 paragraph, 1 list, 2 KPI table, 3 table,
     * 4 chart, 5 goals, 6 objectives with objective 0, 7 posts. */
    assert_int_equal(add_para(doc), SKPI_OK);
    assert_int_equal(skpi_doc_add_list(NULL, doc, 0), SKPI_OK);
    assert_int_equal(add_kpi_table(doc), SKPI_OK);
    assert_int_equal(add_table(doc), SKPI_OK);
    assert_int_equal(add_chart(doc), SKPI_OK);
    assert_int_equal(add_goals(doc), SKPI_OK);
    assert_int_equal(add_objs(doc), SKPI_OK);
    assert_int_equal(add_obj(doc), SKPI_OK);
    assert_int_equal(add_posts(doc), SKPI_OK);

    const add_fn steps[] = { add_span, add_item, add_kpi_row, add_table_row, add_series, add_goal,
                             add_obj, add_kr, add_post, add_heading, add_para, add_callout,
                             add_kpi_table, add_table, add_chart, add_goals, add_objs, add_posts,
                             set_title };
    for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
        /* Several rounds, so that later ones also meet arrays that must grow
         * and arena chunks that are full. */
        for (int round = 0; round < 5; round++) {
            for (long n = 0;; n++) {
                long live = test_alloc_live();
                size_t before = shape(doc);
                test_alloc_fail_after(n);
                int rc = steps[s](doc);
                test_alloc_fail_after(-1);
                if (rc == SKPI_OK) break;
                assert_int_equal(rc, SKPI_ENOMEM);
                assert_int_equal(test_alloc_live(), live);
                assert_true(shape(doc) == before);
            }
        }
    }
    /* 8 set-up blocks and 5 rounds of the 9 block adders. */
    assert_int_equal(skpi_doc_block_count(doc), 8 + 5 * 9);
    skpi_doc_free(doc);
    assert_int_equal(test_alloc_live(), 0);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(metadata),
        cmocka_unit_test(text_blocks),
        cmocka_unit_test(kpi_tables),
        cmocka_unit_test(generic_tables),
        cmocka_unit_test(charts),
        cmocka_unit_test(goal_cards),
        cmocka_unit_test(okr_cards),
        cmocka_unit_test(post_lists),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
