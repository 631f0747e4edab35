/* Tests of render.h: golden files per format, escaping, locale independence,
 * number formatting, failing sinks, options and out of memory.
 *
 * Golden files: tests/golden/report/report.{md,html,json,csv,txt} hold the
 * output for report_fixture.h. After an intended change of the output, run
 *   SKPI_UPDATE_GOLDEN=1 ctest --test-dir <build> -R test_render
 * read the diff by eye (git diff tests/golden) and keep it. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL /* the document's keys for JSON and CSV */
#include <socialkpi.h>
#include <locale.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_fixture.h"
#include "test_alloc.h"
#include "test_locale.h"

/* 2026-12-01T08:00:00Z: 20,788 days after 1970-01-01 (56 years of which 14
 * are leap years: 56 * 365 + 14 = 20,454 days to 2026-01-01, plus 334 days
 * of January to November) times 86,400 plus 8 hours. */
static const skpi_time GENERATED = INT64_C(20788) * 86400 + 8 * 3600;

static skpi_render_options golden_options(void)
{
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.generated_at = GENERATED;
    o.utc_offset_minutes = 60;
    return o;
}

/* Render into a string the caller frees with skpi_free(). */
static char *render(const skpi_doc *doc, int format, const skpi_render_options *opt, size_t *len)
{
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    int rc = skpi_render(doc, format, opt, &sink);
    if (rc != SKPI_OK) fprintf(stderr, "render: %s\n", skpi_last_error());
    assert_int_equal(rc, SKPI_OK);
    char *out;
    size_t n;
    assert_int_equal(skpi_buffer_detach(&out, &n, &buf), SKPI_OK);
    if (len) *len = n;
    return out;
}

static skpi_doc *fixture(void)
{
    skpi_doc *doc = NULL;
    assert_int_equal(fixture_build(&doc), 0);
    return doc;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static void golden_files(void **state)
{
    (void)state;
    skpi_doc *doc = fixture();
    skpi_render_options o = golden_options();
    bool update = getenv("SKPI_UPDATE_GOLDEN") != NULL;
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_TEXT; f++) {
        size_t n;
        char *out = render(doc, f, &o, &n);
        char path[512];
        snprintf(path, sizeof path, "%s/tests/golden/report/report.%s", SKPI_SOURCE_DIR, skpi_format_extension(f));
        if (update) {
            FILE *fp = fopen(path, "wb");
            assert_non_null(fp);
            assert_int_equal(fwrite(out, 1, n, fp), n);
            fclose(fp);
        }
        size_t gn;
        char *golden = read_file(path, &gn);
        if (golden == NULL) fail_msg("missing golden file %s (SKPI_UPDATE_GOLDEN=1 writes it)", path);
        if (gn != n || memcmp(golden, out, n) != 0) {
            size_t i = 0;
            while (i < n && i < gn && golden[i] == out[i]) i++;
            fail_msg("%s differs from the output at byte %zu (output %zu bytes, golden %zu)", path, i, n, gn);
        }
        free(golden);
        skpi_free(out);
    }
    skpi_doc_free(doc);
}

static void output_is_deterministic(void **state)
{
    (void)state;
    skpi_doc *a = fixture(), *b = fixture();
    skpi_render_options o = golden_options();
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_TEXT; f++) {
        size_t n1, n2;
        char *x = render(a, f, &o, &n1);
        char *y = render(b, f, &o, &n2);
        assert_int_equal(n1, n2);
        assert_memory_equal(x, y, n1);
        /* Without a time, no time is shown and nothing else changes. */
        char *z = render(a, f, NULL, NULL);
        assert_null(strstr(z, "2026-12-01"));
        skpi_free(x);
        skpi_free(y);
        skpi_free(z);
    }
    skpi_doc_free(a);
    skpi_doc_free(b);
}

/* ---- escaping ---------------------------------------------------------- */

static const char HOSTILE[] = "<script>alert(\"x\")</script> & 'q'";
static const char FORMULA[] = "=HYPERLINK(\"http://evil.example\",\"click\")";
/* 0xFF is never UTF-8, C0 AF is an overlong '/', ED A0 80 a surrogate,
 * E2 82 a truncated sequence; then ESC, BEL, DEL and U+2028. */
static const char BROKEN[] = "a\xFF" "b\xC0\xAF" "c\xED\xA0\x80" "d\x1B\x07\x7F" "e\xE2\x80\xA8" "f\xE2\x82";

static skpi_doc *hostile_doc(void)
{
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_set_title(doc, HOSTILE), SKPI_OK);
    assert_int_equal(skpi_doc_set_subtitle(doc, BROKEN), SKPI_OK);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "# not a heading | pipe"), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(NULL, doc, "- not a list *nor* _emphasis_ [link](x)"), SKPI_OK);
    size_t t;
    assert_int_equal(skpi_doc_add_kpi_table(&t, doc, FORMULA, "-1 (prev)", NULL), SKPI_OK);
    skpi_doc_kpi_row r = SKPI_DOC_KPI_ROW_INIT;
    r.label = FORMULA;
    r.channel = "@channel";
    r.value = av(-5);
    r.previous = av(1);
    r.change = av(-6);
    r.change_percent = av(-600);
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &r), SKPI_OK);
    const char *heads[] = { "+cmd", "Line\nbreak" };
    assert_int_equal(skpi_doc_add_table(&t, doc, NULL, 2, heads, NULL), SKPI_OK);
    const char *cells[] = { "\tTAB", "x|y,\"z\"" };
    assert_int_equal(skpi_doc_table_add_row(doc, t, cells), SKPI_OK);
    const char *cells2[] = { BROKEN, "-2" };
    assert_int_equal(skpi_doc_table_add_row(doc, t, cells2), SKPI_OK);
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.title = HOSTILE;
    ch.description = "\"quoted\" <desc>";
    assert_int_equal(skpi_doc_add_chart(&t, doc, &ch), SKPI_OK);
    const char *labels[] = { "</text><script>" };
    const double values[] = { 1 };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, t, "\"><svg onload=alert(1)>", 0, labels, values, 1),
                     SKPI_OK);
    size_t p;
    assert_int_equal(skpi_doc_add_posts(&p, doc, NULL), SKPI_OK);
    skpi_doc_post post = SKPI_DOC_POST_INIT;
    post.channel = "x:@acme";
    post.metric = "Likes";
    post.text = HOSTILE;
    post.url = "javascript:alert(document.cookie)";
    assert_int_equal(skpi_doc_posts_add(doc, p, &post), SKPI_OK);
    post.url = "https://example.com/a\"onmouseover=\"x";
    assert_int_equal(skpi_doc_posts_add(doc, p, &post), SKPI_OK);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_ALERT, BROKEN, HOSTILE), SKPI_OK);
    return doc;
}

/* No byte sequence of the output is invalid UTF-8 (U+FFFD took its place). */
static void assert_valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p < 0x80) { p++; continue; }
        int len = (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        assert_true(len > 0);
        assert_true(len != 2 || *p >= 0xC2);
        for (int i = 1; i < len; i++) assert_int_equal(p[i] & 0xC0, 0x80);
        if (len == 3) {
            unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            assert_true(cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF));
        }
        p += len;
    }
}

static void html_escapes_every_string(void **state)
{
    (void)state;
    skpi_doc *doc = hostile_doc();
    char *out = render(doc, SKPI_FORMAT_HTML, NULL, NULL);
    assert_valid_utf8(out);
    assert_null(strstr(out, "<script"));
    assert_null(strstr(out, "<svg onload"));
    assert_null(strstr(out, "javascript:"));
    assert_null(strstr(out, "onmouseover=\"x"));
    assert_null(strstr(out, "\x1B"));
    assert_null(strstr(out, "\x07"));
    assert_non_null(strstr(out, "<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</title>"));
    assert_non_null(strstr(out, "&quot;&gt;&lt;svg onload=alert(1)&gt;"));
    /* Each bad byte or sequence became one U+FFFD; U+2028 is kept. */
    assert_non_null(strstr(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                                "d\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "e\xE2\x80\xA8" "f\xEF\xBF\xBD\xEF\xBF\xBD"));
    skpi_free(out);
    skpi_doc_free(doc);
}

static void json_escapes_every_string(void **state)
{
    (void)state;
    skpi_doc *doc = hostile_doc();
    char *out = render(doc, SKPI_FORMAT_JSON, NULL, NULL);
    assert_valid_utf8(out);
    assert_non_null(strstr(out, "\"title\": \"<script>alert(\\\"x\\\")</script> & 'q'\""));
    assert_non_null(strstr(out, "\"subtitle\": \"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                                "d\\u001b\\u0007\\u007f" "e\\u2028" "f\xEF\xBF\xBD\xEF\xBF\xBD\""));
    assert_non_null(strstr(out, "\"Line\\nbreak\""));
    assert_non_null(strstr(out, "\"\\tTAB\""));
    /* No raw control character anywhere but the layout's own newlines. */
    for (const char *p = out; *p; p++) assert_true((unsigned char)*p >= 0x20 || *p == '\n');
    skpi_free(out);
    skpi_doc_free(doc);
}

static void csv_neutralises_formulas(void **state)
{
    (void)state;
    skpi_doc *doc = hostile_doc();
    char *out = render(doc, SKPI_FORMAT_CSV, NULL, NULL);
    assert_valid_utf8(out);
    /* A cell that starts with = + - @ TAB or CR gets a leading apostrophe
     * and quotes; quotes inside are doubled. The KPI table's title is the
     * section, its label the metric; the comparison heading "-1 (prev)" is
     * the period of the previous value. */
    assert_non_null(strstr(out, "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",,"
                                "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",\"'@channel\",,,-5,count,,,,\r\n"));
    assert_non_null(strstr(out, ",\"'@channel\",,\"'-1 (prev)\",1,count,vs -1 (prev),-6,-6,\r\n"));
    /* a host table's cells: the row's first cell is the item, the column
     * header the metric, the cell the text */
    assert_non_null(strstr(out, "\r\nTable,\"'\tTAB\",\"Line\nbreak\",,,,,,,,,\"x|y,\"\"z\"\"\"\r\n"));
    assert_non_null(strstr(out, ",\"'-2\"\r\n"));
    /* Our own numbers stay numbers: -5, -6 and -600 % (-6) are not neutralised. */
    assert_null(strstr(out, "\n="));
    assert_null(strstr(out, ",="));
    skpi_free(out);
    skpi_doc_free(doc);
}

static void markdown_and_text_escape(void **state)
{
    (void)state;
    skpi_doc *doc = hostile_doc();
    char *md = render(doc, SKPI_FORMAT_MARKDOWN, NULL, NULL);
    assert_valid_utf8(md);
    assert_null(strstr(md, "<script"));
    assert_null(strstr(md, "javascript:"));
    assert_non_null(strstr(md, "# &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q'\n"));
    assert_non_null(strstr(md, "## \\# not a heading \\| pipe\n"));
    assert_non_null(strstr(md, "\n\\- not a list \\*nor\\* \\_emphasis\\_ \\[link\\](x)\n"));
    assert_non_null(strstr(md, "| Line break |")); /* a line break would end the table row */
    assert_non_null(strstr(md, "x\\|y,\"z\""));
    char *txt = render(doc, SKPI_FORMAT_TEXT, NULL, NULL);
    assert_valid_utf8(txt);
    assert_null(strstr(txt, "\x1B"));
    assert_null(strstr(txt, "\t"));
    assert_null(strstr(txt, "javascript:"));
    skpi_free(md);
    skpi_free(txt);
    skpi_doc_free(doc);
}

/* Findings of the parse-back tests (tests/python/test_render_parse_back.py),
 * pinned here so that they also run under the sanitizers. */
static skpi_doc *block_start_doc(void)
{
    skpi_doc *doc = NULL;
    size_t b;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_WIN, "Title", "- a list"), SKPI_OK);
    assert_int_equal(skpi_doc_add_list(&b, doc, 0), SKPI_OK);
    assert_int_equal(skpi_doc_list_add_item(doc, b, "- nested"), SKPI_OK);
    assert_int_equal(skpi_doc_list_add_item(doc, b, "     code"), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(&b, doc, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_STRONG, "    code"), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(&b, doc, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_PLAIN, "    "), SKPI_OK);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_PLAIN, "1. x"), SKPI_OK);
    assert_int_equal(skpi_doc_add_posts(&b, doc, NULL), SKPI_OK);
    skpi_doc_post post = SKPI_DOC_POST_INIT;
    post.channel = "x:@acme";
    post.metric = "Likes";
    post.text = "+ a list";
    post.url = "https://example.com/?a=1&amp;b=\xE2\x80\xAE";
    assert_int_equal(skpi_doc_posts_add(doc, b, &post), SKPI_OK);
    post.text = NULL;
    post.url = "https://example.com/?a=1&b=2";
    assert_int_equal(skpi_doc_posts_add(doc, b, &post), SKPI_OK);
    return doc;
}

static void markdown_block_starts_are_escaped(void **state)
{
    (void)state;
    skpi_doc *doc = block_start_doc();
    char *md = render(doc, SKPI_FORMAT_MARKDOWN, NULL, NULL);
    /* A callout's text after its title starts a line of its own. */
    assert_non_null(strstr(md, "> **Win: Title**  \n> \\- a list\n"));
    /* An item's text opens the item: neither a nested list nor, after
     * five spaces, a code block. */
    assert_non_null(strstr(md, "\n- \\- nested\n- code\n"));
    /* A paragraph's leading spaces are dropped, styled or not. */
    assert_non_null(strstr(md, "\n**code**\n"));
    assert_non_null(strstr(md, "\n1\\. x\n"));
    assert_non_null(strstr(md, "  \n   \\+ a list\n"));
    /* Links: ASCII only; '&' as a character reference inside <...>. */
    assert_null(strstr(md, "\xE2\x80\xAE"));
    assert_non_null(strstr(md, "  \n   <https://example.com/?a=1&amp;b=2>\n"));
    skpi_free(md);
    char *html = render(doc, SKPI_FORMAT_HTML, NULL, NULL);
    assert_null(strstr(html, "\xE2\x80\xAE"));
    assert_non_null(strstr(html, "href=\"https://example.com/?a=1&amp;b=2\""));
    skpi_free(html);
    skpi_doc_free(doc);
}

static void csv_formulas_after_semicolons_and_line_breaks(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    size_t t;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    const char *heads[] = { "a;b", "x;=1;@2" };
    assert_int_equal(skpi_doc_add_table(&t, doc, "  -3+4", 2, heads, NULL), SKPI_OK);
    const char *cells[] = { "p\n+q\r\n\"@r", "s; \"-t;;=u" };
    assert_int_equal(skpi_doc_table_add_row(doc, t, cells), SKPI_OK);
    char *out = render(doc, SKPI_FORMAT_CSV, NULL, NULL);
    /* Worked out by hand: a ' before each formula start at the start, after
     * ';' or a line break (past spaces and quotes); ';' quotes a cell. The
     * row: section (the title), item (first cell), metric (its column's
     * header), seven empty cells, text. */
    assert_string_equal(out, "section,item,metric,channel,channel_key,period,value,unit,comparison,change,change_relative,text\r\n"
                             "\"  '-3+4\",\"p\n'+q\r\n\"\"'@r\",\"x;'=1;'@2\",,,,,,,,,\"s; \"\"'-t;;'=u\"\r\n");
    skpi_free(out);
    skpi_doc_free(doc);
}

static void markdown_escapes_figures(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    size_t t;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_set_currency(doc, "<i>"), SKPI_OK);
    assert_int_equal(skpi_doc_add_kpi_table(&t, doc, NULL, "Before", NULL), SKPI_OK);
    skpi_doc_kpi_row r = SKPI_DOC_KPI_ROW_INIT;
    r.label = "Revenue";
    r.unit = SKPI_UNIT_CURRENCY;
    r.value = av(1234);
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &r), SKPI_OK);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.thousands_separator = "|";
    char *md = render(doc, SKPI_FORMAT_MARKDOWN, &o, NULL);
    /* The host's currency and digit separator are text like any other: a
     * raw '|' would split the cell, a raw <i> be HTML. */
    assert_non_null(strstr(md, "| Revenue | 1\\|234.00 &lt;i&gt; |"));
    skpi_free(md);
    skpi_doc_free(doc);
}

static void text_drops_bidi_controls(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    /* U+202E RLO, U+202C PDF, U+2066 LRI, U+2069 PDI; U+200F RLM stays. */
    assert_int_equal(skpi_doc_add_paragraph(NULL, doc, "user\xE2\x80\xAEgnp.exe\xE2\x80\xAC \xE2\x81\xA6x\xE2\x81\xA9"
                                                       " \xE2\x80\x8F" "ok"), SKPI_OK);
    char *txt = render(doc, SKPI_FORMAT_TEXT, NULL, NULL);
    assert_string_equal(txt, "usergnp.exe x \xE2\x80\x8F" "ok\n\n");
    char *md = render(doc, SKPI_FORMAT_MARKDOWN, NULL, NULL);
    assert_string_equal(md, "usergnp.exe x \xE2\x80\x8F" "ok\n\n");
    skpi_free(txt);
    skpi_free(md);
    skpi_doc_free(doc);
}

/* ---- locale --------------------------------------------------------- */

static void numbers_ignore_setlocale(void **state)
{
    (void)state;
    skpi_doc *doc = fixture();
    skpi_render_options o = golden_options();
    char *c_out[5];
    size_t c_len[5];
    for (int f = 0; f < 5; f++) c_out[f] = render(doc, f, &o, &c_len[f]);

    char scratch[64] = "";
    const char *name = test_comma_locale(scratch, sizeof scratch);
    if (name == NULL) {
        for (int f = 0; f < 5; f++) skpi_free(c_out[f]);
        skpi_doc_free(doc);
        fail_msg("no locale with a decimal comma is available (de_DE.UTF-8 could not be generated)");
    }
    /* The locale really writes commas: the test would prove nothing otherwise. */
    char probe[16];
    snprintf(probe, sizeof probe, "%.1f", 1.5);
    if (strcmp(probe, "1,5") != 0) fail_msg("locale %s writes %s for 1.5", name, probe);
    print_message("[ INFO     ] rendering under %s\n", name);
    for (int f = 0; f < 5; f++) {
        size_t n;
        char *out = render(doc, f, &o, &n);
        assert_int_equal(n, c_len[f]);
        assert_memory_equal(out, c_out[f], n);
        skpi_free(out);
        skpi_free(c_out[f]);
    }
    /* The host's locale is back after rendering. */
    snprintf(probe, sizeof probe, "%.1f", 2.5);
    assert_string_equal(probe, "2,5");
    setlocale(LC_ALL, "C");
    unsetenv("LOCPATH");
    if (scratch[0] && strcmp(scratch, "/tmp/skpi_locale_XXXXXX") != 0) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf %s", scratch);
        assert_int_equal(system(cmd), 0);
    }
    skpi_doc_free(doc);
}

/* ---- numbers, worked out by hand --------------------------------------- */

static void kpi_numbers(void **state)
{
    (void)state;
    skpi_doc *doc = fixture();
    char *md = render(doc, SKPI_FORMAT_MARKDOWN, NULL, NULL);
    /* 2,345 / 10,000 = 23.45 % rounds half up to 23.5 %; 4,345 / 8,000 =
     * 54.3125 % to 54.3 %. */
    assert_non_null(strstr(md, "| Engagements | 12,345 | 10,000 | +2,345 | +23.5% | 8,000 | +4,345 | +54.3% |"));
    /* 745 / 3,600 = 20.694 % -> 20.7 %. */
    assert_non_null(strstr(md, "| +745 | +20.7% |"));
    /* 0.35 pp; 0.35 / 3.9 = 8.97 % -> 9.0 %; partial marked '*'. */
    assert_non_null(strstr(md, "| 4.25%* | 3.90% | +0.35 pp | +9.0% |"));
    /* 0.42 - 0.50 = -0.08 EUR = -16 %. */
    assert_non_null(strstr(md, "| 0.42 EUR | 0.50 EUR | -0.08 EUR | -16.0% |"));
    /* 3,725 s = 1 h 2 min 5 s; 5,400 s = 1 h 30 min; -1,675 s = -27 min 55 s;
     * -1,675 / 5,400 = -31.02 %. */
    assert_non_null(strstr(md, "| 1h 02m | 1h 30m | -27m 55s | -31.0% |"));
    /* Goals: 0.62 -> 62 %; the projected value 15,600 with its likelihood
     * 0.8 -> 80 %, where the progress-at-deadline 104 % used to stand; a
     * projected 3,500 s = 58 min 20 s. */
    assert_non_null(strstr(md, "| On track | 62% | 58% | 15,600 (80%) | 12,400 | 15,000 |"));
    assert_non_null(strstr(md, "| At risk | 90% | 100% | 58m 20s (60%) | 1h 02m |"));
    assert_null(strstr(md, "104%"));
    /* Objective score 1.9 / 3 = 0.6333 -> 0.63. */
    assert_non_null(strstr(md, "score 0.63 (graded 0.6)"));
    skpi_free(md);

    /* Digit groups: none, a space, a thin no-break space. */
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.thousands_separator = "";
    char *t = render(doc, SKPI_FORMAT_TEXT, &o, NULL);
    assert_non_null(strstr(t, "- Engagements: 12345 (+23.5% vs Oct 2026 10000; +54.3% vs Nov 2025"));
    skpi_free(t);
    o.thousands_separator = "\xE2\x80\xAF";
    t = render(doc, SKPI_FORMAT_TEXT, &o, NULL);
    assert_non_null(strstr(t, "- Engagements: 12\xE2\x80\xAF" "345 (+23.5% vs"));
    skpi_free(t);
    skpi_doc_free(doc);
}

static void json_and_csv_numbers(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.title = "n";
    size_t c;
    assert_int_equal(skpi_doc_add_chart(&c, doc, &ch), SKPI_OK);
    const char *labels[] = { "a", "b", "c", "d", "e", "f", "g", "h" };
    /* Shortest forms that read back exactly; -0 prints as 0, NaN as null. */
    const double values[] = { 0.1, 1.0 / 3.0, 12345, -2.5, 1e-7, 1e21, -0.0, NAN };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "s", 0, labels, values, 8), SKPI_OK);
    char *json = render(doc, SKPI_FORMAT_JSON, NULL, NULL);
    const char *expect[] = { "\"value\": 0.1}", "\"value\": 0.3333333333333333}", "\"value\": 12345}",
                             "\"value\": -2.5}", "\"value\": 1e-07}", "\"value\": 1e+21}",
                             "\"label\": \"g\", \"value\": 0}", "\"label\": \"h\", \"value\": null}" };
    for (size_t i = 0; i < 8; i++)
        if (strstr(json, expect[i]) == NULL) fail_msg("JSON lacks %s:\n%s", expect[i], json);
    char *csv = render(doc, SKPI_FORMAT_CSV, NULL, NULL);
    assert_string_equal(csv, "section,item,metric,channel,channel_key,period,value,unit,comparison,change,change_relative,text\r\n"
                             "n,,s,,,a,0.1,count,,,,\r\nn,,s,,,b,0.3333333333333333,count,,,,\r\n"
                             "n,,s,,,c,12345,count,,,,\r\nn,,s,,,d,-2.5,count,,,,\r\n"
                             "n,,s,,,e,1e-07,count,,,,\r\nn,,s,,,f,1e+21,count,,,,\r\n"
                             "n,,s,,,g,0,count,,,,\r\nn,,s,,,h,,count,,,,\r\n");
    skpi_free(json);
    skpi_free(csv);
    skpi_doc_free(doc);
}

static void charts_with_different_labels(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.title = "Union";
    size_t c;
    assert_int_equal(skpi_doc_add_chart(&c, doc, &ch), SKPI_OK);
    const char *l1[] = { "Mon", "Tue" }, *l2[] = { "Tue", "Wed" };
    const double v1[] = { 1, 2 }, v2[] = { 20, 30 };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "A", 0, l1, v1, 2), SKPI_OK);
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "B", 1, l2, v2, 2), SKPI_OK);
    /* The category axis is Mon, Tue, Wed; each series has a gap, which
     * the CSV (a row per point) has no row for. */
    char *csv = render(doc, SKPI_FORMAT_CSV, NULL, NULL);
    assert_string_equal(csv, "section,item,metric,channel,channel_key,period,value,unit,comparison,change,change_relative,text\r\n"
                             "Union,,A,,,Mon,1,count,,,,\r\nUnion,,A,,,Tue,2,count,,,,\r\n"
                             "Union,,B,,,Tue,20,count,,,,\r\nUnion,,B,,,Wed,30,count,,,,\r\n");
    char *md = render(doc, SKPI_FORMAT_MARKDOWN, NULL, NULL);
    assert_non_null(strstr(md, "| Mon | 1 | n/a |\n| Tue | 2 | 20 |\n| Wed | n/a | 30 |\n"));
    char *html = render(doc, SKPI_FORMAT_HTML, NULL, NULL);
    assert_non_null(strstr(html, "<path fill=\"none\""));
    skpi_free(csv);
    skpi_free(md);
    skpi_free(html);

    /* 40 points: Markdown shows the last 24 and says so. */
    const char *labels[40];
    double values[40];
    char names[40][8];
    for (int i = 0; i < 40; i++) {
        snprintf(names[i], sizeof names[i], "d%02d", i);
        labels[i] = names[i];
        values[i] = i;
    }
    assert_int_equal(skpi_doc_add_chart(&c, doc, &ch), SKPI_OK);
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "Long", 0, labels, values, 40), SKPI_OK);
    md = render(doc, SKPI_FORMAT_MARKDOWN, NULL, NULL);
    assert_null(strstr(md, "| d15 |"));
    assert_non_null(strstr(md, "| d16 | 16 |"));
    assert_non_null(strstr(md, "_The last 24 of 40 points; the JSON and CSV outputs have all of them._"));
    char *txt = render(doc, SKPI_FORMAT_TEXT, NULL, NULL);
    assert_non_null(strstr(txt, "- Long: 0 on d00 \xE2\x86\x92 39 on d39 (low 0, high 39)"));
    skpi_free(md);
    skpi_free(txt);
    skpi_doc_free(doc);
}

static size_t max_line_width(const char *s)
{
    size_t best = 0, w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n') { if (w > best) best = w; w = 0; continue; }
        if ((*p & 0xC0) != 0x80) w++;
    }
    return w > best ? w : best;
}

static void text_lines_are_short(void **state)
{
    (void)state;
    skpi_doc *doc = fixture();
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    char *t = render(doc, SKPI_FORMAT_TEXT, &o, NULL);
    assert_true(max_line_width(t) <= 72);
    skpi_free(t);
    o.line_width = 40;
    t = render(doc, SKPI_FORMAT_TEXT, &o, NULL);
    /* The fixture's longest word is "https://www.instagram.com/p/abc123/"
     * (35 characters) after a 3-column indent: 38 fit in 40. */
    assert_true(max_line_width(t) <= 40);
    skpi_free(t);
    skpi_doc_free(doc);
}

/* ---- sinks --------------------------------------------------------------- */

typedef struct counting {
    size_t bytes, limit;
    int writes, closes, close_rc;
    const char *message;
} counting;

static int count_write(void *ud, const void *bytes, size_t len)
{
    (void)bytes;
    counting *c = ud;
    c->writes++;
    if (c->limit && c->bytes + len > c->limit) {
        if (c->message) skpi_error_set(c->message);
        return -1;
    }
    c->bytes += len;
    return 0;
}

static int count_close(void *ud)
{
    counting *c = ud;
    c->closes++;
    if (c->close_rc && c->message) skpi_error_set(c->message);
    return c->close_rc;
}

static skpi_sink counting_sink(counting *c)
{
    skpi_sink s = SKPI_SINK_INIT;
    s.write = count_write;
    s.close = count_close;
    s.userdata = c;
    return s;
}

static void sink_failing_half_way(void **state)
{
    (void)state;
    skpi_doc *doc = fixture();
    skpi_render_options o = golden_options();
    for (int f = 0; skpi_format_name(f) != NULL; f++) {
        if (!skpi_render_supported(f)) continue;
        size_t total;
        char *full = render(doc, f, &o, &total);
        skpi_free(full);
        /* The host's message is kept. */
        counting c = { .limit = total / 2, .message = "upload to the wiki failed: HTTP 507" };
        skpi_sink s = counting_sink(&c);
        assert_int_equal(skpi_render(doc, f, &o, &s), SKPI_ECALLBACK);
        assert_string_equal(skpi_last_error(), "upload to the wiki failed: HTTP 507");
        assert_true(c.bytes <= total / 2);
        int writes = c.writes;
        assert_int_equal(c.closes, 1); /* closed once, also after a failure */
        assert_null(s.write);
        assert_null(s.close);
        assert_int_equal(c.writes, writes);
        /* Without a message of its own: "sink write callback returned -1". */
        counting d = { .limit = total / 2 };
        s = counting_sink(&d);
        assert_int_equal(skpi_render(doc, f, &o, &s), SKPI_ECALLBACK);
        assert_string_equal(skpi_last_error(), "sink write callback returned -1");
    }
    /* A close that fails after a failed write does not replace the first message. */
    counting e = { .limit = 10, .close_rc = 3, .message = "first" };
    skpi_sink s = counting_sink(&e);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_HTML, &o, &s), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "first");
    /* A close that fails after a good render fails the render. */
    counting g = { .close_rc = 4 };
    s = counting_sink(&g);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_TEXT, &o, &s), SKPI_ECALLBACK);
    assert_string_equal(skpi_last_error(), "sink close callback returned 4");
    skpi_doc_free(doc);
}

static void sink_kept_open_on_request(void **state)
{
    (void)state;
    skpi_doc *doc = fixture();
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.flags = SKPI_RENDER_KEEP_SINK_OPEN;
    counting c = { 0 };
    skpi_sink s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_MARKDOWN, &o, &s), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_TEXT, &o, &s), SKPI_OK);
    assert_int_equal(c.closes, 0);
    assert_non_null(s.write);
    assert_int_equal(skpi_sink_close(&s), SKPI_OK);
    assert_int_equal(c.closes, 1);

    /* CSV with a byte order mark. */
    o.flags = SKPI_RENDER_CSV_BOM;
    char *csv = render(doc, SKPI_FORMAT_CSV, &o, NULL);
    assert_memory_equal(csv, "\xEF\xBB\xBFsection,item,metric,", 23);
    skpi_free(csv);

    /* A file sink through render. */
    char path[] = "/tmp/skpi_render_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *tmp = fdopen(fd, "w");
    fclose(tmp);
    assert_int_equal(skpi_sink_file(&s, path), SKPI_OK);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_JSON, NULL, &s), SKPI_OK);
    size_t n;
    char *back = read_file(path, &n);
    char *direct = render(doc, SKPI_FORMAT_JSON, NULL, NULL);
    assert_string_equal(back, direct);
    free(back);
    skpi_free(direct);
    remove(path);
    skpi_doc_free(doc);
}

static void options_and_misuse(void **state)
{
    (void)state;
    skpi_doc *doc = fixture();
    counting c = { 0 };
    skpi_sink s = counting_sink(&c);
    skpi_render_options o;
    assert_int_equal(skpi_render_options_init(&o, SKPI_RENDER_OPTIONS_VERSION), SKPI_OK);
    assert_true(o.generated_at == SKPI_RENDER_NO_TIME);
    assert_int_equal(o.line_width, 0);
    assert_int_equal(skpi_render_options_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_render_options_init(&o, SKPI_RENDER_OPTIONS_VERSION + 1), SKPI_EVERSION);
    assert_int_equal(o.paper, SKPI_PAPER_AUTO);
    /* A version 2 struct ends before `paper`: nothing past it is written,
     * and whatever lies there is not read. */
    skpi_render_options v2;
    memset(&v2, 0x5A, sizeof v2);
    assert_int_equal(skpi_render_options_init(&v2, 2), SKPI_OK);
    assert_int_equal(v2.version, 2);
    assert_int_equal(v2.paper, 0x5A5A5A5A);
    counting c1 = { 0 };
    skpi_sink s1 = counting_sink(&c1);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_TEXT, &v2, &s1), SKPI_OK);
    assert_true(c1.bytes > 0);

    skpi_render_options bad = o;
    bad.version = SKPI_RENDER_OPTIONS_VERSION + 1;
    assert_int_equal(skpi_render(doc, 0, &bad, &s), SKPI_EVERSION);
    bad = o;
    bad.paper = SKPI_PAPER_LETTER + 1;
    s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, 0, &bad, &s), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "options.paper"));
    bad = o; bad.flags = 0x80;
    s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, 0, &bad, &s), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(), "skpi_render: options.flags has unknown bits 0x80");
    bad = o; bad.line_width = 39;
    s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, 0, &bad, &s), SKPI_EINVAL);
    bad = o; bad.line_width = 201;
    s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, 0, &bad, &s), SKPI_EINVAL);
    bad = o; bad.utc_offset_minutes = 1081;
    s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, 0, &bad, &s), SKPI_ERANGE);
    bad = o; bad.generated_at = skpi_time_max() + 1;
    s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, 0, &bad, &s), SKPI_ERANGE);
    const char *seps[] = { "12345", "1", ".", "-", "\n" };
    for (int i = 0; i < 5; i++) {
        bad = o; bad.thousands_separator = seps[i];
        s = counting_sink(&c);
        assert_int_equal(skpi_render(doc, 0, &bad, &s), SKPI_EINVAL);
    }
    s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_XLSX + 1, NULL, &s), SKPI_EINVAL);
    s = counting_sink(&c);
    assert_int_equal(skpi_render(doc, -1, NULL, &s), SKPI_EINVAL);
    s = counting_sink(&c);
    assert_int_equal(skpi_render(NULL, 0, NULL, &s), SKPI_EMISUSE);
    /* Rejected options or document: nothing was written, the sink was closed. */
    assert_int_equal(c.bytes, 0);
    assert_int_equal(c.closes, 15);
    /* A rejected sink is left alone. */
    assert_int_equal(skpi_render(doc, 0, NULL, NULL), SKPI_EMISUSE);
    skpi_sink nowrite = SKPI_SINK_INIT;
    assert_int_equal(skpi_render(doc, 0, NULL, &nowrite), SKPI_EMISUSE);
    skpi_sink old = counting_sink(&c);
    old.version = 0;
    assert_int_equal(skpi_render(doc, 0, NULL, &old), SKPI_EVERSION);
    assert_int_equal(c.closes, 15);

    assert_string_equal(skpi_format_name(SKPI_FORMAT_MARKDOWN), "markdown");
    assert_string_equal(skpi_format_name(SKPI_FORMAT_TEXT), "text");
    assert_string_equal(skpi_format_name(SKPI_FORMAT_PDF), "pdf");
    assert_string_equal(skpi_format_name(SKPI_FORMAT_XLSX), "xlsx");
    assert_null(skpi_format_name(SKPI_FORMAT_XLSX + 1));
    assert_string_equal(skpi_format_extension(SKPI_FORMAT_HTML), "html");
    assert_string_equal(skpi_format_extension(SKPI_FORMAT_TEXT), "txt");
    assert_string_equal(skpi_format_extension(SKPI_FORMAT_XLSX), "xlsx");
    assert_null(skpi_format_extension(-1));
    assert_int_equal(skpi_render_json_schema_version(), 1);
    skpi_doc_free(doc);
}

/* PDF and XLSX depend on build options (the tests are built with the
 * library's SKPI_WITH_PDF / SKPI_WITH_XLSX definitions); a format left out
 * is refused with a message naming the option, writing nothing. */
static void formats_left_out_of_the_build(void **state)
{
    (void)state;
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_TEXT; f++) assert_int_equal(skpi_render_supported(f), 1);
    assert_int_equal(skpi_render_supported(-1), 0);
    assert_int_equal(skpi_render_supported(SKPI_FORMAT_XLSX + 1), 0);
#ifdef SKPI_WITH_PDF
    assert_int_equal(skpi_render_supported(SKPI_FORMAT_PDF), 1);
#else
    assert_int_equal(skpi_render_supported(SKPI_FORMAT_PDF), 0);
#endif
#ifdef SKPI_WITH_XLSX
    assert_int_equal(skpi_render_supported(SKPI_FORMAT_XLSX), 1);
#else
    assert_int_equal(skpi_render_supported(SKPI_FORMAT_XLSX), 0);
#endif
    static const struct { int format; const char *option; } optional[] = {
        { SKPI_FORMAT_PDF, "SKPI_WITH_PDF" }, { SKPI_FORMAT_XLSX, "SKPI_WITH_XLSX" } };
    skpi_doc *doc = fixture();
    for (size_t i = 0; i < 2; i++) {
        if (skpi_render_supported(optional[i].format)) continue;
        counting c = { 0 };
        skpi_sink s = counting_sink(&c);
        assert_int_equal(skpi_render(doc, optional[i].format, NULL, &s), SKPI_EUNSUPPORTED);
        assert_non_null(strstr(skpi_last_error(), optional[i].option));
        assert_int_equal(c.bytes, 0);
        assert_int_equal(c.closes, 1);
    }
    skpi_doc_free(doc);
}

/* #17: CSV and JSON write periods as keys ("2026-02") and channels by name
 * and key, whatever the headings say; a chart of channels puts each point
 * in the channel columns, a chart of named items in the item column. */
static void csv_and_json_keys(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    skpi_period march = { 1772323200, 1775001600 }; /* 2026-03-01 to 2026-04-01 UTC */
    assert_int_equal(skpi_doc_set_period(doc, &march, "2026-03"), SKPI_OK);
    assert_int_equal(skpi_doc_set_period_name(doc, "March 2026"), SKPI_OK);
    size_t t;
    assert_int_equal(skpi_doc_add_kpi_table(&t, doc, "K", "February 2026", NULL), SKPI_OK);
    assert_int_equal(skpi_doc_kpi_table_set_periods(doc, t, "2026-02", NULL), SKPI_OK);
    skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
    row.label = "Reach";
    row.channel = "Instagram";
    row.value = (skpi_value){ 120, SKPI_AVAILABLE };
    row.previous = (skpi_value){ 100, SKPI_AVAILABLE };
    row.change = (skpi_value){ 20, SKPI_AVAILABLE };
    row.change_percent = (skpi_value){ 20, SKPI_AVAILABLE };
    assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &row), SKPI_OK);
    assert_int_equal(skpi_doc_set_channel_key(doc, t, 0, "instagram:@acme"), SKPI_OK);
    assert_int_equal(skpi_doc_set_channel_key(doc, t, 1, "x"), SKPI_ERANGE);
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.kind = SKPI_CHART_BAR;
    ch.title = "By channel";
    size_t c;
    assert_int_equal(skpi_doc_add_chart(&c, doc, &ch), SKPI_OK);
    assert_int_equal(skpi_doc_chart_set_axis(doc, c, SKPI_AXIS_CHANNELS), SKPI_OK);
    assert_int_equal(skpi_doc_chart_set_axis(doc, c, 7), SKPI_EINVAL);
    assert_int_equal(skpi_doc_chart_name_category(doc, c, "instagram:@acme", "Instagram"), SKPI_OK);
    const char *labels[] = { "instagram:@acme", "x:@acme" };
    const double values[] = { 5, 7 };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "Posts", 0, labels, values, 2), SKPI_OK);
    const char *name = NULL;
    assert_int_equal(skpi_doc_chart_category_name(&name, doc, c, 0), SKPI_OK);
    assert_string_equal(name, "Instagram");
    assert_int_equal(skpi_doc_chart_category_name(&name, doc, c, 1), SKPI_OK);
    assert_string_equal(name, "x:@acme"); /* no name: the label */
    assert_int_equal(skpi_doc_chart_category_name(&name, doc, c, 2), SKPI_ERANGE);
    size_t g;
    ch.title = "Goals";
    assert_int_equal(skpi_doc_add_chart(&g, doc, &ch), SKPI_OK);
    assert_int_equal(skpi_doc_chart_set_axis(doc, g, SKPI_AXIS_ITEMS), SKPI_OK);
    const char *goal[] = { "Grow" };
    const double half[] = { 50 };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, g, "Progress", 0, goal, half, 1), SKPI_OK);
    char *csv = render(doc, SKPI_FORMAT_CSV, NULL, NULL);
    /* worked out by hand: 120 against 100 is +20 (0.2 as a fraction) */
    assert_string_equal(csv, "section,item,metric,channel,channel_key,period,value,unit,comparison,change,change_relative,text\r\n"
                             "K,,Reach,Instagram,instagram:@acme,2026-03,120,count,,,,\r\n"
                             "K,,Reach,Instagram,instagram:@acme,2026-02,100,count,2026-03 vs 2026-02,20,0.2,\r\n"
                             "By channel,,Posts,Instagram,instagram:@acme,,5,count,,,,\r\n"
                             "By channel,,Posts,x:@acme,x:@acme,,7,count,,,,\r\n"
                             "Goals,Grow,Progress,,,,50,count,,,,\r\n");
    char *json = render(doc, SKPI_FORMAT_JSON, NULL, NULL);
    assert_non_null(strstr(json, "\"comparison\": \"February 2026\",\n"));
    assert_non_null(strstr(json, "\"comparison_period\": \"2026-02\",\n"));
    assert_non_null(strstr(json, "\"comparison2_period\": null,\n"));
    assert_non_null(strstr(json, "\"channel\": \"Instagram\",\n"));
    assert_non_null(strstr(json, "\"channel_key\": \"instagram:@acme\",\n"));
    assert_non_null(strstr(json, "\"axis\": \"channels\",\n"));
    assert_non_null(strstr(json, "\"axis\": \"items\",\n"));
    /* the readers' name of the period, for page footers */
    assert_int_equal(skpi_doc_period_name(&name, doc), SKPI_OK);
    assert_string_equal(name, "March 2026");
    assert_int_equal(skpi_doc_set_period_name(doc, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_period_name(&name, doc), SKPI_OK);
    assert_string_equal(name, "2026-03");
    skpi_free(csv);
    skpi_free(json);
    skpi_doc_free(doc);
}

static void empty_document(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    char *md = render(doc, SKPI_FORMAT_MARKDOWN, NULL, NULL);
    assert_string_equal(md, "");
    char *csv = render(doc, SKPI_FORMAT_CSV, NULL, NULL);
    assert_string_equal(csv, "section,item,metric,channel,channel_key,period,value,unit,comparison,change,change_relative,text\r\n");
    char *json = render(doc, SKPI_FORMAT_JSON, NULL, NULL);
    assert_string_equal(json, "{\n  \"format\": \"socialkpi-report\",\n  \"version\": 1,\n  \"generated_at\": null,\n"
                              "  \"title\": \"\",\n  \"subtitle\": \"\",\n  \"language\": \"en\",\n"
                              "  \"currency\": null,\n  \"blocks\": []\n}\n");
    char *html = render(doc, SKPI_FORMAT_HTML, NULL, NULL);
    assert_non_null(strstr(html, "<title>Report</title>"));
    assert_non_null(strstr(html, "<html lang=\"en\">"));
    skpi_free(md);
    skpi_free(csv);
    skpi_free(json);
    skpi_free(html);
    skpi_doc_free(doc);
}

static void render_out_of_memory(void **state)
{
    (void)state;
    skpi_doc *doc = fixture();
    skpi_render_options o = golden_options();
    /* XLSX too: libxlsxwriter's own allocations use malloc and are not
     * failed here, the library's are. */
    for (int f = 0; skpi_format_name(f) != NULL; f++) {
        if (!skpi_render_supported(f)) continue;
        size_t expect_len;
        char *expect = render(doc, f, &o, &expect_len);
        for (long n = 0;; n++) {
            skpi_buffer buf = SKPI_BUFFER_INIT;
            skpi_sink sink;
            assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
            long live = test_alloc_live();
            test_alloc_fail_after(n);
            int rc = skpi_render(doc, f, &o, &sink);
            test_alloc_fail_after(-1);
            if (rc == SKPI_OK) {
                assert_int_equal(buf.size, expect_len);
                assert_memory_equal(buf.data, expect, expect_len);
                skpi_buffer_reset(&buf);
                break;
            }
            assert_int_equal(rc, SKPI_ENOMEM);
            skpi_buffer_reset(&buf);
            assert_int_equal(test_alloc_live(), live);
        }
        skpi_free(expect);
    }
    skpi_doc_free(doc);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(golden_files),
        cmocka_unit_test(output_is_deterministic),
        cmocka_unit_test(html_escapes_every_string),
        cmocka_unit_test(json_escapes_every_string),
        cmocka_unit_test(csv_neutralises_formulas),
        cmocka_unit_test(markdown_and_text_escape),
        cmocka_unit_test(markdown_block_starts_are_escaped),
        cmocka_unit_test(csv_formulas_after_semicolons_and_line_breaks),
        cmocka_unit_test(text_drops_bidi_controls),
        cmocka_unit_test(markdown_escapes_figures),
        cmocka_unit_test(numbers_ignore_setlocale),
        cmocka_unit_test(kpi_numbers),
        cmocka_unit_test(json_and_csv_numbers),
        cmocka_unit_test(charts_with_different_labels),
        cmocka_unit_test(csv_and_json_keys),
        cmocka_unit_test(text_lines_are_short),
        cmocka_unit_test(sink_failing_half_way),
        cmocka_unit_test(sink_kept_open_on_request),
        cmocka_unit_test(options_and_misuse),
        cmocka_unit_test(formats_left_out_of_the_build),
        cmocka_unit_test(empty_document),
        cmocka_unit_test(render_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
