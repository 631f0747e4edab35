/* Tests of the text renderer's line breaking and widths by Unicode's rules
 * (ICU): a German paragraph wraps between words only, a Japanese one
 * between characters but never before "。", and table columns align when
 * cells hold combining marks and East Asian wide characters. The expected
 * output is worked out by hand in each test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <stdlib.h>
#include <string.h>

static char *text(const skpi_doc *doc)
{
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.line_width = 40;
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_TEXT, &o, &sink), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &buf), SKPI_OK);
    return out;
}

static void paragraph(const char *p, const char *want)
{
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(NULL, doc, p), SKPI_OK);
    char *out = text(doc);
    assert_string_equal(out, want);
    free(out);
    skpi_doc_free(doc);
}

static void german_wraps_between_words(void **state)
{
    (void)state;
    /* Die(3) Reichweite(10) stieg(5) im(2) März(4) deutlich,(9): 38
     * columns with the spaces; " vor" would make 42 > 40. */
    paragraph("Die Reichweite stieg im M\xC3\xA4rz deutlich, vor allem auf Instagram und LinkedIn.",
              "Die Reichweite stieg im M\xC3\xA4rz deutlich,\n"
              "vor allem auf Instagram und LinkedIn.\n\n");
}

static void japanese_wraps_between_characters(void **state)
{
    (void)state;
    /* Every character is two columns: 19 characters fill 38; "ね" cannot
     * be parted from the "。" after it (no break before a closing
     * punctuation mark), and "ね。" would end at 42 > 40, so both go down. */
    paragraph("\xE5\xA0\xB1\xE5\x91\x8A\xE6\x9B\xB8\xE3\x81\xAE\xE6\x95\xB0\xE5\xAD\x97\xE3\x81\xAF"
              "\xE5\x85\x88\xE6\x9C\x88\xE3\x82\x88\xE3\x82\x8A\xE5\xA4\xA7\xE3\x81\x8D\xE3\x81\x8F"
              "\xE4\xBC\xB8\xE3\x81\xB3\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F\xE3\x81\xAD\xE3\x80\x82"
              "\xE6\x9D\xA5\xE6\x9C\x88\xE3\x82\x82\xE5\x90\x8C\xE3\x81\x98\xE8\xAA\xBF\xE5\xAD\x90"
              "\xE3\x81\xA7\xE7\xB6\x9A\xE3\x81\x91\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82",
              /* 報告書の数字は先月より大きく伸びました */
              "\xE5\xA0\xB1\xE5\x91\x8A\xE6\x9B\xB8\xE3\x81\xAE\xE6\x95\xB0\xE5\xAD\x97\xE3\x81\xAF"
              "\xE5\x85\x88\xE6\x9C\x88\xE3\x82\x88\xE3\x82\x8A\xE5\xA4\xA7\xE3\x81\x8D\xE3\x81\x8F"
              "\xE4\xBC\xB8\xE3\x81\xB3\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F\n"
              /* ね。来月も同じ調子で続けます。 */
              "\xE3\x81\xAD\xE3\x80\x82"
              "\xE6\x9D\xA5\xE6\x9C\x88\xE3\x82\x82\xE5\x90\x8C\xE3\x81\x98\xE8\xAA\xBF\xE5\xAD\x90"
              "\xE3\x81\xA7\xE7\xB6\x9A\xE3\x81\x91\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82\n\n");
}

static void columns_align_by_display_width(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    const char *headers[] = { "Name", "Wert" };
    int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT };
    size_t b;
    assert_int_equal(skpi_doc_add_table(&b, doc, NULL, 2, headers, align), SKPI_OK);
    /* "Ma" U+0308 "rz": 4 columns (the mark has none); 日本: 2 wide
     * characters, 4 columns; an emoji with U+FE0F: 2 columns */
    const char *r1[] = { "Ma\xCC\x88rz", "1" };
    const char *r2[] = { "\xE6\x97\xA5\xE6\x9C\xAC", "22" };
    const char *r3[] = { "\xE2\x9D\xA4\xEF\xB8\x8F", "333" };
    assert_int_equal(skpi_doc_table_add_row(doc, b, r1), SKPI_OK);
    assert_int_equal(skpi_doc_table_add_row(doc, b, r2), SKPI_OK);
    assert_int_equal(skpi_doc_table_add_row(doc, b, r3), SKPI_OK);
    char *out = text(doc);
    /* column widths 4 and 4, two spaces between: 10 dashes */
    assert_string_equal(out, "Name  Wert\n"
                             "----------\n"
                             "Ma\xCC\x88rz     1\n"
                             "\xE6\x97\xA5\xE6\x9C\xAC    22\n"
                             "\xE2\x9D\xA4\xEF\xB8\x8F     333\n\n");
    free(out);
    skpi_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(german_wraps_between_words),
        cmocka_unit_test(japanese_wraps_between_characters),
        cmocka_unit_test(columns_align_by_display_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
