/* Tests of the executive HTML page: tiles from the first KPI table, the
 * goals and OKRs at a glance, the story before the detail, the narrow chart
 * drawings for phones and the render flags of the page. Expected figures
 * are worked out by hand from tests/unit/report_fixture.h. */
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

static char *render_html(unsigned flags)
{
    skpi_doc *doc = NULL;
    assert_int_equal(fixture_build(&doc), 0);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.flags = flags;
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_HTML, &o, &sink), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &buf), SKPI_OK);
    skpi_doc_free(doc);
    return out;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what)) n++;
    return n;
}

static size_t at(const char *s, const char *what)
{
    const char *p = strstr(s, what);
    if (p == NULL) fail_msg("no %s in the page", what);
    return (size_t)(p - s);
}

/* The tile of a metric: from its article to the next one. */
static char *tile(const char *html, const char *label)
{
    char head[128];
    snprintf(head, sizeof head, "<h3 class=\"tile-label\">%s", label);
    const char *p = strstr(html, head);
    if (p == NULL) fail_msg("no tile for %s", label);
    while (p > html && strncmp(p, "<article", 8) != 0) p--;
    const char *end = strstr(p, "</article>");
    assert_non_null(end);
    char *t = malloc((size_t)(end - p) + 1);
    assert_non_null(t);
    memcpy(t, p, (size_t)(end - p));
    t[end - p] = '\0';
    return t;
}

static void tiles_show_each_metric(void **state)
{
    (void)state;
    char *html = render_html(0);
    /* five metrics; the two channel lines under Engagements are no tiles */
    assert_int_equal(count(html, "<article class=\"tile "), 5);
    /* 12,345 against 10,000: +23.45 % shown to one decimal, +23.5%; against
     * 8,000 a year earlier +54.3125 %, +54.3%; more is better: green */
    char *t = tile(html, "Engagements</h3>");
    assert_non_null(strstr(t, "<article class=\"tile status-good\">"));
    assert_non_null(strstr(t, "<p class=\"tile-value\">12,345</p>"));
    assert_non_null(strstr(t, "\xE2\x96\xB2</span> +23.5% vs Oct 2026</p>"));
    assert_non_null(strstr(t, "\xE2\x96\xB2</span> +54.3% vs Nov 2025</p>"));
    assert_non_null(strstr(t, "<svg class=\"spark\""));
    free(t);
    /* a percent metric changes in points: 4.25 % against 3.90 %, +0.35 pp;
     * its value is partial, marked once */
    t = tile(html, "Engagement rate (reach)");
    assert_non_null(strstr(t, "4.25%<abbr"));
    assert_int_equal(count(t, "*"), 1);
    assert_non_null(strstr(t, "+0.35 pp vs Oct 2026</p>"));
    free(t);
    /* 0.42 EUR against 0.50: -16 %, down, and lower is better: green */
    t = tile(html, "Cost per click");
    assert_non_null(strstr(t, "status-good"));
    assert_non_null(strstr(t, "\xE2\x96\xBC</span> -16.0% vs Oct 2026</p>"));
    assert_non_null(strstr(t, "title=\"paid:meta\">paid:meta</span>"));
    free(t);
    /* nothing to compare with: grey, no change line */
    t = tile(html, "Net Promoter Score");
    assert_non_null(strstr(t, "status-neutral"));
    assert_null(strstr(t, "tile-change"));
    free(t);
    skpi_free(html);
}

static void page_order(void **state)
{
    (void)state;
    char *html = render_html(0);
    size_t tiles = at(html, "<section class=\"tiles\""), glance = at(html, "<section class=\"glance\">");
    size_t story = at(html, "<div class=\"story\">"), detail = at(html, "<div class=\"detail\">");
    assert_true(tiles < glance && glance < story && story < detail);
    /* the glance: three goals and the two top objectives, under the
     * blocks' titles */
    assert_non_null(strstr(html, "<h2>SMART goals \xC2\xB7 OKRs, Q4 2026</h2>"));
    assert_int_equal(count(html, "class=\"glance-item\""), 5);
    /* the summary (paragraph and callouts) tells; key numbers, goals and
     * content are detail, in the document's order */
    size_t summary = at(html, "<h2>Summary</h2>"), numbers = at(html, "<h2>Key numbers</h2>");
    size_t goals = at(html, "<h2>Goals and OKRs</h2>"), content = at(html, "<h2>Content</h2>");
    assert_true(story < summary && summary < detail);
    assert_true(detail < numbers && numbers < goals && goals < content);
    assert_true(at(html, "Alert: Spot check") < detail);
    skpi_free(html);

    /* the document's order on request: no tiles, no glance */
    html = render_html(SKPI_RENDER_HTML_DOCUMENT_ORDER);
    assert_null(strstr(html, "class=\"tile"));
    assert_null(strstr(html, "class=\"glance"));
    assert_true(at(html, "<h2>Summary</h2>") < at(html, "<h2>Key numbers</h2>"));
    skpi_free(html);
}

static void charts_for_phones_and_print(void **state)
{
    (void)state;
    char *html = render_html(0);
    /* two charts, each drawn wide and narrow */
    assert_int_equal(count(html, "<svg class=\"chart wide\" viewBox=\"0 0 640 260\""), 2);
    assert_int_equal(count(html, "<svg class=\"chart narrow\" viewBox=\"0 0 360 240\""), 2);
    assert_non_null(strstr(html, "id=\"chart7-n-title\""));
    /* tables reflow on phones, each cell named by its column */
    assert_non_null(strstr(html, "<table class=\"kpi reflow\">"));
    assert_non_null(strstr(html, "<td class=\"num\" data-label=\"Oct 2026\">10,000</td>"));
    /* data tables only in <details> unless printing them is asked for */
    assert_int_equal(count(html, "<details>"), 2);
    assert_null(strstr(html, "<div class=\"print-data\">"));
    skpi_free(html);
    html = render_html(SKPI_RENDER_HTML_PRINT_DATA);
    assert_int_equal(count(html, "<div class=\"print-data\">"), 2);
    assert_non_null(strstr(html, "@media print{.print-data{display:block}}"));
    skpi_free(html);
}

static void unknown_flag_is_refused(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.flags = 0x10u;
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_HTML, &o, &sink), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "0x10"));
    skpi_buffer_reset(&buf);
    skpi_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tiles_show_each_metric),
        cmocka_unit_test(page_order),
        cmocka_unit_test(charts_for_phones_and_print),
        cmocka_unit_test(unknown_flag_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
