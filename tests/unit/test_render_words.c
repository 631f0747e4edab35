/* Tests of the renderers' words (skpi_doc_set_text(), the templates from
 * SKPI_TPL_COLUMN_METRIC on): a translated document renders without the
 * English words, every word the golden document uses comes from the
 * document, and a report's replaced words travel into its document. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL /* report_fixture.h says what a chart's axis is */
#include <socialkpi.h>
#include <stdbool.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_fixture.h"
#include "test_alloc.h"

static char *render(const skpi_doc *doc, int format)
{
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.generated_at = INT64_C(20788) * 86400 + 8 * 3600; /* 2026-12-01T08:00:00Z */
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    assert_int_equal(skpi_render(doc, format, &o, &sink), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &buf), SKPI_OK);
    return out;
}

/* A marker per word, "«k»" or "«k:{a}/{b}»" with every placeholder it
 * offers, so that the output shows which word was written where (no
 * character that Markdown or HTML escapes). */
static void mark_every_word(skpi_doc *doc)
{
    for (int k = SKPI_TPL_COLUMN_METRIC; k < skpi_template_count(); k++) {
        char text[256];
        int n = snprintf(text, sizeof text, "\xC2\xAB%d", k);
        const char *names = skpi_template_placeholders(k);
        char sep = ':';
        while (*names) {
            size_t len = strcspn(names, " ");
            n += snprintf(text + n, sizeof text - (size_t)n, "%c{%.*s}", sep, (int)len, names);
            sep = '/';
            names += len;
            while (*names == ' ') names++;
        }
        snprintf(text + n, sizeof text - (size_t)n, "\xC2\xBB");
        assert_int_equal(skpi_doc_set_text(doc, k, text), SKPI_OK);
    }
}

static bool has_marker(const char *out, int key)
{
    char m[16];
    snprintf(m, sizeof m, "\xC2\xAB%d", key);
    const char *p = out;
    while ((p = strstr(p, m)) != NULL) {
        p += strlen(m);
        if (strncmp(p, "\xC2\xBB", 2) == 0 || *p == ':') return true;
    }
    return false;
}

static void every_word_comes_from_the_document(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(fixture_build(&doc), 0);
    mark_every_word(doc);
    char *md = render(doc, SKPI_FORMAT_MARKDOWN);
    char *html = render(doc, SKPI_FORMAT_HTML);
    char *txt = render(doc, SKPI_FORMAT_TEXT);
    /* The renderers' own English, as the golden files show it, is gone. */
    static const char *const english[] = {
        "| Metric | Value |", ">Metric</th>", ">Change %</th>", ">Trend</th>", "| Key result |",
        ">Key result</th>", "the usual", "(graded", ", aspirational", "\xC2\xB7 aspirational",
        ", committed", "\xC2\xB7 committed", "owner:",
        "Generated", "partial data", "Chart:", "expected by now", "chart of", " of 1\"", " vs ",
        "**Win", "**Alert", "Win:", "Alert:", "Progress <strong>", "score <strong>", "n/a",
    };
    const char *outs[] = { md, html, txt };
    for (size_t i = 0; i < sizeof english / sizeof english[0]; i++)
        for (size_t f = 0; f < 3; f++)
            if (strstr(outs[f], english[i])) fail_msg("output %zu still writes \"%s\"", f, english[i]);
    /* Every word the golden document needs (tests/golden/report shows each
     * of them in English) is written from the document. */
    static const int used[] = {
        SKPI_TPL_COLUMN_METRIC, SKPI_TPL_COLUMN_VALUE, SKPI_TPL_COLUMN_CHANGE,
        SKPI_TPL_COLUMN_CHANGE_PERCENT, SKPI_TPL_COLUMN_TREND, SKPI_TPL_COLUMN_GOAL,
        SKPI_TPL_COLUMN_STATUS, SKPI_TPL_COLUMN_PROGRESS, SKPI_TPL_COLUMN_EXPECTED,
        SKPI_TPL_COLUMN_FORECAST, SKPI_TPL_COLUMN_CURRENT, SKPI_TPL_COLUMN_TARGET,
        SKPI_TPL_COLUMN_DEADLINE, SKPI_TPL_COLUMN_KEY_RESULT, SKPI_TPL_COLUMN_SCORE,
        SKPI_TPL_COLUMN_START, SKPI_TPL_COLUMN_NOTE, SKPI_TPL_PARTIAL_NOTE, SKPI_TPL_CHART_CAPTION,
        SKPI_TPL_KPI_VERSUS, SKPI_TPL_OF_TARGET, SKPI_TPL_GOAL_PROGRESS, SKPI_TPL_GOAL_PROGRESS_LABEL,
        SKPI_TPL_GOAL_EXPECTED, SKPI_TPL_GOAL_FORECAST, SKPI_TPL_GOAL_BY_DEADLINE, SKPI_TPL_OKR_SCORE,
        SKPI_TPL_OKR_GRADED, SKPI_TPL_OKR_SCORE_LABEL, SKPI_TPL_OKR_ASPIRATIONAL,
        SKPI_TPL_OKR_COMMITTED, SKPI_TPL_OKR_OWNER, SKPI_TPL_POST_RATIO, SKPI_TPL_CALLOUT_WIN,
        SKPI_TPL_CALLOUT_ALERT, SKPI_TPL_NO_DATA, SKPI_TPL_GENERATED, SKPI_TPL_NOT_AVAILABLE,
    };
    for (size_t i = 0; i < sizeof used / sizeof used[0]; i++)
        if (!has_marker(md, used[i]) && !has_marker(html, used[i]) && !has_marker(txt, used[i]))
            fail_msg("word %d is not written", used[i]);
    /* Placeholders are filled: the KPI table's heading row in Markdown, the
     * footer in HTML with the time element kept around the value. */
    assert_non_null(strstr(md, "| \xC2\xAB" "63\xC2\xBB | \xC2\xAB" "64\xC2\xBB | Oct 2026 | \xC2\xAB" "65\xC2\xBB | "
                               "\xC2\xAB" "66\xC2\xBB | Nov 2025 | \xC2\xAB" "65\xC2\xBB | \xC2\xAB" "66\xC2\xBB | "
                               "\xC2\xAB" "67\xC2\xBB |\n"));
    char footer[160];
    snprintf(footer, sizeof footer, "<footer>\xC2\xAB%d:<time datetime=\"2026-12-01T08:00:00Z\">"
             "2026-12-01 08:00 UTC</time>\xC2\xBB</footer>", (int)SKPI_TPL_GENERATED);
    assert_non_null(strstr(html, footer));
    snprintf(footer, sizeof footer, "\xC2\xAB%d:2026-12-01 08:00 UTC\xC2\xBB\n", (int)SKPI_TPL_GENERATED);
    assert_non_null(strstr(txt, footer));
    skpi_free(md);
    skpi_free(html);
    skpi_free(txt);
    skpi_doc_free(doc);
}

/* A German document, word by word as a translator would write it. */
static void a_translated_document(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(fixture_build(&doc), 0);
    static const struct { int key; const char *text; } de[] = {
        { SKPI_TPL_COLUMN_METRIC, "Kennzahl" }, { SKPI_TPL_COLUMN_VALUE, "Wert" },
        { SKPI_TPL_COLUMN_CHANGE, "Ver\xC3\xA4nderung" }, { SKPI_TPL_COLUMN_CHANGE_PERCENT, "in %" },
        { SKPI_TPL_COLUMN_TREND, "Verlauf" }, { SKPI_TPL_OKR_SCORE, "Wertung {score}" },
        { SKPI_TPL_OKR_GRADED, "benotet {graded}" }, { SKPI_TPL_OKR_ASPIRATIONAL, "ehrgeizig" },
        { SKPI_TPL_GENERATED, "Erstellt am {time}" },
    };
    for (size_t i = 0; i < sizeof de / sizeof de[0]; i++)
        assert_int_equal(skpi_doc_set_text(doc, de[i].key, de[i].text), SKPI_OK);
    char *md = render(doc, SKPI_FORMAT_MARKDOWN);
    assert_non_null(strstr(md, "| Kennzahl | Wert | Oct 2026 | Ver\xC3\xA4nderung | in % |"));
    assert_non_null(strstr(md, "_Erstellt am 2026-12-01 08:00 UTC._\n"));
    char *txt = render(doc, SKPI_FORMAT_TEXT);
    assert_non_null(strstr(txt, "Erstellt am 2026-12-01 08:00 UTC\n"));
    char *html = render(doc, SKPI_FORMAT_HTML);
    assert_non_null(strstr(html, "<th scope=\"col\">Kennzahl</th>"));
    /* the score stays in its <strong> inside the translated words */
    assert_non_null(strstr(html, "Wertung <strong>"));
    skpi_free(md);
    skpi_free(txt);
    skpi_free(html);
    /* NULL restores the English default. */
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_COLUMN_METRIC, NULL), SKPI_OK);
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_COLUMN_METRIC), "Metric");
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_COLUMN_VALUE), "Wert");
    skpi_doc_free(doc);
}

static void long_charts_in_other_words(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.title = "Reichweite";
    size_t c;
    assert_int_equal(skpi_doc_add_chart(&c, doc, &ch), SKPI_OK);
    const char *labels[30];
    double values[30];
    char names[30][8];
    for (int i = 0; i < 30; i++) {
        snprintf(names[i], sizeof names[i], "t%02d", i);
        labels[i] = names[i];
        values[i] = 100 + i;
    }
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "Summe", 0, labels, values, 30), SKPI_OK);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_CHART_CAPTION, "Diagramm: {title}"), SKPI_OK);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_CHART_LAST_POINTS,
                                       "Die letzten {shown} von {total} Punkten."), SKPI_OK);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_CHART_SPAN,
                                       "{first} am {first_date} bis {last} am {last_date} "
                                       "(min. {low}, max. {high})"), SKPI_OK);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_CHART_ALT_LINE,
                                       "Liniendiagramm, {series} Reihe, {points} Punkte: {names}."), SKPI_OK);
    char *md = render(doc, SKPI_FORMAT_MARKDOWN);
    /* 30 points, of which Markdown shows the last 24 */
    assert_non_null(strstr(md, "**Diagramm: Reichweite**\n"));
    assert_non_null(strstr(md, "_Die letzten 24 von 30 Punkten._\n"));
    char *txt = render(doc, SKPI_FORMAT_TEXT);
    /* first 100 on t00, last 100 + 29 = 129 on t29 */
    assert_non_null(strstr(txt, "Diagramm: Reichweite\n- Summe: 100 am t00 bis 129 am t29 (min. 100, max. 129)\n"));
    char *html = render(doc, SKPI_FORMAT_HTML);
    assert_non_null(strstr(html, "Liniendiagramm, 1 Reihe, 30 Punkte: Summe."));
    skpi_free(md);
    skpi_free(txt);
    skpi_free(html);
    skpi_doc_free(doc);
}

static void bad_words_are_refused(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_set_text(NULL, SKPI_TPL_COLUMN_METRIC, "x"), SKPI_EMISUSE);
    /* narrative templates belong to the report */
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_HEADING_SUMMARY, "x"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "not one the renderers write"));
    assert_int_equal(skpi_doc_set_text(doc, skpi_template_count(), "x"), SKPI_EINVAL);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_POST_RATIO, "{ratio} of {usual}"), SKPI_EINVAL);
    char expect[128];
    snprintf(expect, sizeof expect, "skpi_doc_set_text: template %d offers no placeholder {usual} "
             "(it offers: ratio)", (int)SKPI_TPL_POST_RATIO);
    assert_string_equal(skpi_last_error(), expect);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_POST_RATIO, "{ratio"), SKPI_EINVAL);
    /* a refused text leaves the word as it was */
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_POST_RATIO), "{ratio} the usual");
    assert_null(skpi_doc_text(doc, SKPI_TPL_HEADING_SUMMARY));
    assert_null(skpi_doc_text(NULL, SKPI_TPL_COLUMN_METRIC));
    /* braces doubled stand for braces */
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_COLUMN_NOTE, "{{Notiz}}"), SKPI_OK);
    /* "n/a" stands in table cells: at most 24 bytes */
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_NOT_AVAILABLE, "nicht verf\xC3\xBC" "gbar (keine Daten)"),
                     SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "at most 24"));
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_NOT_AVAILABLE), "n/a");
    skpi_doc_free(doc);
    /* a fresh document: its first text needs memory */
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    long live = test_alloc_live();
    int failures = 0;
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_doc_set_text(doc, SKPI_TPL_COLUMN_START, "Anfang");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        failures++;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_string_equal(skpi_doc_text(doc, SKPI_TPL_COLUMN_START), "Start");
        assert_int_equal(test_alloc_live(), live);
    }
    assert_true(failures > 0);
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_COLUMN_START), "Anfang");
    skpi_doc_free(doc);
}

/* Words longer than any buffer, a placeholder used twice, and "n/a". */
static void long_and_repeated_words(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(fixture_build(&doc), 0);
    /* 160 times "é": 320 bytes, and 400 bytes of "committed" */
    char win[400] = "", committed[440] = "";
    for (int i = 0; i < 160; i++) strcat(win, "\xC3\xA9");
    for (int i = 0; i < 40; i++) strcat(committed, "verbindlic");
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_CALLOUT_WIN, win), SKPI_OK);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_OKR_COMMITTED, committed), SKPI_OK);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_OKR_SCORE, "{score} / {score}"), SKPI_OK);
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_NOT_AVAILABLE, "k. A."), SKPI_OK);
    char *txt = render(doc, SKPI_FORMAT_TEXT);
    char want[460];
    snprintf(want, sizeof want, "%s: ", win);
    assert_non_null(strstr(txt, want)); /* whole, with its colon */
    snprintf(want, sizeof want, "%s.", committed);
    assert_non_null(strstr(txt, want));
    /* the golden fixture's objective scores 0.63 (its aligned child 0.5) */
    assert_non_null(strstr(txt, "0.63 / 0.63"));
    char *html = render(doc, SKPI_FORMAT_HTML);
    assert_non_null(strstr(html, "<strong>0.63</strong> / <strong>0.63</strong>"));
    char *md = render(doc, SKPI_FORMAT_MARKDOWN);
    const char *outs[] = { md, html, txt };
    for (size_t f = 0; f < 3; f++) {
        assert_null(strstr(outs[f], "n/a"));
        assert_non_null(strstr(outs[f], "k. A."));
    }
    skpi_free(txt);
    skpi_free(html);
    skpi_free(md);
    skpi_doc_free(doc);
}

/* The words of what the golden document lacks: a note callout, the kinds
 * of missing value, a bar chart without description, no title. */
static void words_of_rarer_blocks(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_INFO, NULL, "Daten bis Montag"), SKPI_OK);
    size_t t;
    assert_int_equal(skpi_doc_add_kpi_table(&t, doc, NULL, "Okt", NULL), SKPI_OK);
    static const int kinds[] = { SKPI_MISSING, SKPI_DENOMINATOR_ZERO, SKPI_UNSUPPORTED };
    static const char *const labels[] = { "A", "B", "C" };
    for (int i = 0; i < 3; i++) {
        skpi_doc_kpi_row row = SKPI_DOC_KPI_ROW_INIT;
        row.label = labels[i];
        row.value.value = NAN;
        row.value.availability = kinds[i];
        assert_int_equal(skpi_doc_kpi_table_add_row(doc, t, &row), SKPI_OK);
    }
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.kind = SKPI_CHART_BAR;
    ch.title = "Umsatz";
    size_t c;
    assert_int_equal(skpi_doc_add_chart(&c, doc, &ch), SKPI_OK);
    const char *l[] = { "Mo" };
    const double v[] = { 1 };
    assert_int_equal(skpi_doc_chart_add_series(NULL, doc, c, "Summe", 0, l, v, 1), SKPI_OK);
    static const struct { int key; const char *text; } de[] = {
        { SKPI_TPL_CALLOUT_NOTE, "Hinweis" }, { SKPI_TPL_NO_DATA, "keine Daten" },
        { SKPI_TPL_DIVISION_BY_ZERO, "Division durch null" },
        { SKPI_TPL_NOT_SUPPORTED, "nicht unterst\xC3\xBCtzt" }, { SKPI_TPL_UNTITLED, "Bericht" },
        { SKPI_TPL_CHART_ALT_BAR, "Balken: {names}" },
    };
    for (size_t i = 0; i < sizeof de / sizeof de[0]; i++)
        assert_int_equal(skpi_doc_set_text(doc, de[i].key, de[i].text), SKPI_OK);
    char *html = render(doc, SKPI_FORMAT_HTML);
    assert_non_null(strstr(html, "<title>Bericht</title>"));
    assert_non_null(strstr(html, "<strong>Hinweis</strong>"));
    assert_non_null(strstr(html, "title=\"keine Daten\""));
    assert_non_null(strstr(html, "title=\"Division durch null\""));
    assert_non_null(strstr(html, "title=\"nicht unterst\xC3\xBCtzt\""));
    assert_non_null(strstr(html, "Balken: Summe"));
    char *md = render(doc, SKPI_FORMAT_MARKDOWN);
    assert_non_null(strstr(md, "> **Hinweis:** Daten bis Montag"));
    char *txt = render(doc, SKPI_FORMAT_TEXT);
    assert_non_null(strstr(txt, "Hinweis: Daten bis Montag"));
    skpi_free(html);
    skpi_free(md);
    skpi_free(txt);
    skpi_doc_free(doc);
}

/* Words a report replaced come with the document it assembles. */
/* Found by fuzz_template: the text renderer wrote a callout's label (a
 * word) as it was, so invalid UTF-8 and control characters in it reached
 * the output; they become U+FFFD as in every other text. */
static void words_are_escaped_in_text(void **state)
{
    (void)state;
    skpi_doc *doc;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_WIN, NULL, "Record week"), SKPI_OK);
    /* "Gewinn", a lone continuation byte, a lead byte without its
     * continuation, an escape (ESC [31m) */
    assert_int_equal(skpi_doc_set_text(doc, SKPI_TPL_CALLOUT_WIN, "Gewinn\x80\xDD!\x1B[31m"), SKPI_OK);
    char *out = render(doc, SKPI_FORMAT_TEXT);
    assert_non_null(strstr(out, "Gewinn\xEF\xBF\xBD\xEF\xBF\xBD!\xEF\xBF\xBD[31m: Record week"));
    assert_null(strchr(out, 0x1B));
    assert_null(strchr(out, 0x80 - 256));
    skpi_free(out);
    skpi_doc_free(doc);
}

static void report_words_travel_to_the_document(void **state)
{
    (void)state;
    skpi_catalog *cat = NULL;
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    assert_int_equal(skpi_dataset_new(&ds, cat), SKPI_OK);
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Monatsbericht"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, INT64_C(20788) * 86400), SKPI_OK);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_COLUMN_METRIC, "Kennzahl"), SKPI_OK);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_GENERATED, "Erstellt {time}"), SKPI_OK);
    assert_int_equal(skpi_report_set_template(r, SKPI_TPL_GENERATED, "Erstellt {when}"), SKPI_EINVAL);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_COLUMN_METRIC), "Kennzahl");
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_GENERATED), "Erstellt {time}");
    assert_string_equal(skpi_doc_text(doc, SKPI_TPL_COLUMN_VALUE), "Value");
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
    skpi_catalog_free(cat);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_word_comes_from_the_document),
        cmocka_unit_test(a_translated_document),
        cmocka_unit_test(long_charts_in_other_words),
        cmocka_unit_test(bad_words_are_refused),
        cmocka_unit_test(long_and_repeated_words),
        cmocka_unit_test(words_of_rarer_blocks),
        cmocka_unit_test(report_words_travel_to_the_document),
        cmocka_unit_test(words_are_escaped_in_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
