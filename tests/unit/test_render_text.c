/* Tests of the plain-text renderer's wrapping: lines break at spaces only,
 * never between a figure and its unit or parenthesis, and never run past
 * the line width when a break could have kept them inside it. Expected
 * lines are counted by hand in each test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL /* report_fixture.h says what a chart's axis is */
#include <socialkpi.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_fixture.h"

static char *render_text(const skpi_doc *doc, unsigned width, const char *group)
{
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.line_width = width;
    o.thousands_separator = group;
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_TEXT, &o, &sink), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &buf), SKPI_OK);
    return out;
}

/* A document of one paragraph made of the given spans (NULL-terminated). */
static skpi_doc *paragraph(const char *const *spans)
{
    skpi_doc *doc = NULL;
    size_t p;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(&p, doc, NULL), SKPI_OK);
    for (size_t i = 0; spans[i]; i++)
        assert_int_equal(skpi_doc_paragraph_add_span(doc, p, SKPI_SPAN_PLAIN, spans[i]), SKPI_OK);
    return doc;
}

static void check_paragraph(const char *const *spans, unsigned width, const char *group, const char *expected)
{
    skpi_doc *doc = paragraph(spans);
    char *out = render_text(doc, width, group);
    assert_string_equal(out, expected);
    skpi_free(out);
    skpi_doc_free(doc);
}

/* "Impressions on Instagram rose by a 12.3" ends at column 39; the " %"
 * would end at 41 > 40, so the figure moves down with its unit. */
static void figure_keeps_its_unit(void **state)
{
    (void)state;
    static const char *const spans[] = { "Impressions on Instagram rose by a 12.3 % (+4.5%) on October.", NULL };
    check_paragraph(spans, 40, NULL,
                    "Impressions on Instagram rose by a\n"
                    "12.3 % (+4.5%) on October.\n\n");
}

/* Spans joined without a space stay together: "... rose (" ends at 38,
 * "+4.5%" would end at 43, so the parenthesis goes down with it. */
static void parenthesis_stays_with_its_figure(void **state)
{
    (void)state;
    static const char *const spans[] = { "Engagements on all the channels rose (", "+4.5%", ") on October.", NULL };
    check_paragraph(spans, 40, NULL,
                    "Engagements on all the channels rose\n"
                    "(+4.5%) on October.\n\n");
}

/* A space as digit-group separator: "12 345 678" is one figure. "The
 * campaign reached a total of" is 31 columns; " 12" would fit but the whole
 * figure (" 12 345 678", 11 columns) would end at 42. */
static void digit_groups_with_spaces_stay_together(void **state)
{
    (void)state;
    static const char *const spans[] = { "The campaign reached a total of 12 345 678 people.", NULL };
    check_paragraph(spans, 40, " ",
                    "The campaign reached a total of\n"
                    "12 345 678 people.\n\n");
}

/* Percentage points and a currency after the amount: "12.5 pp" and
 * "1,200 EUR" are single figures. At 40 columns: "Share of voice grew by"
 * (22) + " 12.5 pp" (30) + " and spend" (40) fill line one. */
static void points_and_currency_stay_together(void **state)
{
    (void)state;
    skpi_doc *doc = paragraph((const char *const[]){ "Share of voice grew by 12.5 pp and spend fell by 1,200 EUR.",
                                                     NULL });
    assert_int_equal(skpi_doc_set_currency(doc, "EUR"), SKPI_OK);
    char *out = render_text(doc, 40, NULL);
    assert_string_equal(out, "Share of voice grew by 12.5 pp and spend\n"
                             "fell by 1,200 EUR.\n\n");
    skpi_free(out);
    /* At 56: " fell by" brings line one to 48; " 1,200" would end at 54,
     * but with its currency at 59: the amount moves down with it. */
    out = render_text(doc, 56, NULL);
    assert_string_equal(out, "Share of voice grew by 12.5 pp and spend fell by\n"
                             "1,200 EUR.\n\n");
    skpi_free(out);
    skpi_doc_free(doc);
}

/* Every line of the golden document at every width from 40 to 100 stays
 * within the width unless it is a single unbreakable piece, and no line
 * starts with a unit or a closing parenthesis of a figure. */
static void golden_document_fits_every_width(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(fixture_build(&doc), 0);
    for (unsigned width = 40; width <= 100; width++) {
        char *out = render_text(doc, width, NULL);
        for (char *line = out; *line;) {
            char *end = strchr(line, '\n');
            size_t n = end ? (size_t)(end - line) : strlen(line);
            size_t cols = 0;
            bool space = false;
            for (size_t i = 0; i < n; i++) {
                if (((unsigned char)line[i] & 0xC0) != 0x80) cols++;
                if (line[i] == ' ' && i > 0 && line[i - 1] != ' ') space = true;
            }
            size_t lead = strspn(line, " ");
            if (cols > width && space)
                fail_msg("width %u: a line of %zu columns: %.*s", width, cols, (int)n, line);
            if (n > lead && (line[lead] == '%' || line[lead] == ')' ||
                             (n - lead >= 2 && memcmp(line + lead, "pp", 2) == 0 && (n - lead == 2 || line[lead + 2] == ' '))))
                fail_msg("width %u: a line starts with a unit or ')': %.*s", width, (int)n, line);
            if (n > 0 && line[n - 1] == '(')
                fail_msg("width %u: a line ends with '(': %.*s", width, (int)n, line);
            line = end ? end + 1 : line + n;
        }
        skpi_free(out);
    }
    skpi_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(figure_keeps_its_unit),
        cmocka_unit_test(parenthesis_stays_with_its_figure),
        cmocka_unit_test(digit_groups_with_spaces_stay_together),
        cmocka_unit_test(points_and_currency_stay_together),
        cmocka_unit_test(golden_document_fits_every_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
