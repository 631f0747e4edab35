/* Tests of the locale option and the stated time zone: the same document
 * renders "1.234,5"-style numbers in de-DE and fr-FR in the human formats,
 * JSON and CSV stay as they were, the document's locale is taken unless the
 * options give one, bad locales are refused, and the zone line appears in
 * every format only when the document has a zone. Expected strings are
 * worked out by hand from CLDR's rules: de-DE groups with '.', writes ','
 * before decimals and U+00A0 before '%'; fr-FR groups with U+202F. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"

static skpi_doc *kpi_doc(void)
{
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_set_title(doc, "Locale"), SKPI_OK);
    size_t b;
    assert_int_equal(skpi_doc_add_kpi_table(&b, doc, NULL, "2026-02", NULL), SKPI_OK);
    skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
    row.label = "Reach";
    row.unit = SKPI_UNIT_COUNT;
    row.value = (skpi_value){ 123456.0, SKPI_AVAILABLE };
    row.previous = (skpi_value){ 100000.0, SKPI_AVAILABLE };
    row.change = (skpi_value){ 23456.0, SKPI_AVAILABLE };
    row.change_percent = (skpi_value){ 23.456, SKPI_AVAILABLE };
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, b, &row), SKPI_OK);
    row.label = "Rate";
    row.unit = SKPI_UNIT_PERCENT;
    row.value = (skpi_value){ 4.25, SKPI_AVAILABLE };
    row.previous = (skpi_value){ 3.5, SKPI_AVAILABLE };
    row.change = (skpi_value){ 0.75, SKPI_AVAILABLE };
    row.change_points = (skpi_value){ 0.75, SKPI_AVAILABLE };
    row.change_percent = (skpi_value){ 21.428571, SKPI_AVAILABLE };
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, b, &row), SKPI_OK);
    return doc;
}

static int render(char **out, const skpi_doc *doc, int format, const char *locale)
{
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.locale = locale;
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    int rc = skpi_render(doc, format, &o, &sink);
    assert_int_equal(skpi_buffer_detach(out, NULL, &buf), SKPI_OK);
    return rc;
}

static void expect_in(const char *out, const char *want)
{
    if (strstr(out, want) == NULL) fail_msg("\"%s\" is not in:\n%s", want, out);
}

static void numbers_in_german_and_french(void **state)
{
    (void)state;
    skpi_doc *doc = kpi_doc();
    char *txt;
    assert_int_equal(render(&txt, doc, SKPI_FORMAT_MARKDOWN, "de-DE"), SKPI_OK);
    /* 123456 -> 123.456; +23.456 % -> +23,5 %; 4.25 % -> 4,25 %; +0.75 pp -> +0,75 pp */
    expect_in(txt, "123.456");
    expect_in(txt, "+23,5" NBSP "%");
    expect_in(txt, "4,25" NBSP "%");
    expect_in(txt, "+0,75 pp");
    free(txt);
    assert_int_equal(render(&txt, doc, SKPI_FORMAT_TEXT, "fr-FR"), SKPI_OK);
    expect_in(txt, "123" NNBSP "456");
    expect_in(txt, "+23,5" NBSP "%");
    free(txt);
    /* no locale: the built-in shape */
    assert_int_equal(render(&txt, doc, SKPI_FORMAT_TEXT, NULL), SKPI_OK);
    expect_in(txt, "123,456");
    expect_in(txt, "+23.5%");
    free(txt);
    skpi_doc_free(doc);
}

static void machine_formats_ignore_the_locale(void **state)
{
    (void)state;
    skpi_doc *doc = kpi_doc();
    for (int f = SKPI_FORMAT_JSON; f <= SKPI_FORMAT_CSV; f++) {
        char *plain, *de;
        assert_int_equal(render(&plain, doc, f, NULL), SKPI_OK);
        assert_int_equal(render(&de, doc, f, "de-DE"), SKPI_OK);
        assert_string_equal(plain, de);
        free(plain);
        free(de);
    }
    skpi_doc_free(doc);
}

static void document_locale_and_override(void **state)
{
    (void)state;
    skpi_doc *doc = kpi_doc();
    assert_null(skpi_doc_locale(doc));
    assert_int_equal(skpi_doc_set_locale(doc, "de-DE"), SKPI_OK);
    assert_string_equal(skpi_doc_locale(doc), "de-DE");
    char *txt;
    assert_int_equal(render(&txt, doc, SKPI_FORMAT_TEXT, NULL), SKPI_OK);
    expect_in(txt, "123.456");
    free(txt);
    assert_int_equal(render(&txt, doc, SKPI_FORMAT_TEXT, "en-US"), SKPI_OK);
    expect_in(txt, "123,456");
    free(txt);
    /* JSON names the document's locale */
    assert_int_equal(render(&txt, doc, SKPI_FORMAT_JSON, NULL), SKPI_OK);
    expect_in(txt, "\"locale\": \"de-DE\"");
    free(txt);
    /* a locale without data is refused, naming it, and the document keeps its own */
    assert_int_equal(skpi_doc_set_locale(doc, "xx-YY"), SKPI_EINVAL);
    expect_in(skpi_last_error(), "xx-YY");
    assert_string_equal(skpi_doc_locale(doc), "de-DE");
    assert_int_equal(render(&txt, doc, SKPI_FORMAT_TEXT, "zz"), SKPI_EINVAL);
    expect_in(skpi_last_error(), "options.locale");
    free(txt);
    assert_int_equal(skpi_doc_set_locale(doc, NULL), SKPI_OK);
    assert_null(skpi_doc_locale(doc));
    skpi_doc_free(doc);
}

static void every_format_states_the_zone(void **state)
{
    (void)state;
    skpi_doc *doc = kpi_doc();
    char *out;
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_TEXT; f++) {
        assert_int_equal(render(&out, doc, f, NULL), SKPI_OK);
        assert_null(strstr(out, "Times in"));
        assert_null(strstr(out, "time_zone"));
        free(out);
    }
    assert_int_equal(skpi_doc_set_time_zone(doc, "Europe/Berlin"), SKPI_OK);
    assert_string_equal(skpi_doc_time_zone(doc), "Europe/Berlin");
    static const char *const want[] = { "Times in Europe/Berlin.", "Times in Europe/Berlin.",
                                        "\"time_zone\": \"Europe/Berlin\"", NULL,
                                        "Times in Europe/Berlin." };
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_TEXT; f++) {
        if (want[f] == NULL) continue; /* CSV holds tables only */
        assert_int_equal(render(&out, doc, f, NULL), SKPI_OK);
        expect_in(out, want[f]);
        free(out);
    }
    assert_int_equal(skpi_doc_set_time_zone(doc, "Europe/ Berlin"), SKPI_EINVAL);
    assert_string_equal(skpi_doc_time_zone(doc), "Europe/Berlin");
    skpi_doc_free(doc);
}

/* A report in a zone and a locale: assembly states both in the document. */
static void report_carries_zone_and_locale(void **state)
{
    (void)state;
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "R"), SKPI_OK);
    assert_null(skpi_report_locale(r));
    assert_int_equal(skpi_report_set_locale(r, "fr-FR"), SKPI_OK);
    assert_string_equal(skpi_report_locale(r), "fr-FR");
    assert_int_equal(skpi_report_set_locale(r, "not a locale"), SKPI_EINVAL);
    assert_string_equal(skpi_report_locale(r), "fr-FR");
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_time_zone(cal, "America/Los_Angeles"), SKPI_OK);
    assert_int_equal(skpi_report_set_calendar(r, cal), SKPI_OK);
    skpi_calendar_free(cal);
    assert_string_equal(skpi_calendar_time_zone(skpi_report_calendar(r)), "America/Los_Angeles");
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time as_of;
    assert_int_equal(skpi_time_parse(&as_of, "2026-04-01T07:00:00Z"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, as_of), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    assert_string_equal(skpi_doc_time_zone(doc), "America/Los_Angeles");
    assert_string_equal(skpi_doc_locale(doc), "fr-FR");
    assert_string_equal(skpi_doc_language(doc), "fr-FR");
    skpi_doc_free(doc);
    /* a fixed offset is stated as one */
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(cal, -330), SKPI_OK);
    assert_int_equal(skpi_report_set_calendar(r, cal), SKPI_OK);
    skpi_calendar_free(cal);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    assert_string_equal(skpi_doc_time_zone(doc), "UTC-05:30");
    skpi_doc_free(doc);
    skpi_dataset_free(ds);
    skpi_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_in_german_and_french),
        cmocka_unit_test(machine_formats_ignore_the_locale),
        cmocka_unit_test(document_locale_and_override),
        cmocka_unit_test(every_format_states_the_zone),
        cmocka_unit_test(report_carries_zone_and_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
