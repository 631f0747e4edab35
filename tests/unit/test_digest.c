/* Tests of digest.h: the digest of a document in each flavour against
 * golden files written by hand (tests/golden/digest/), escaping per
 * flavour, option checks and the sink contract. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_alloc.h"

static skpi_value val(double v) { skpi_value x = { v, SKPI_AVAILABLE }; return x; }

/* A small monthly report as report assembly would build it. */
static skpi_doc *sample(void)
{
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_set_title(doc, "Acme Outdoor"), SKPI_OK);
    assert_int_equal(skpi_doc_set_subtitle(doc, "Report for the month 2026-03"), SKPI_OK);
    size_t b;
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "Summary"), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(&b, doc, "Reach rose 19.2% on 2026-02, "), SKPI_OK);
    assert_int_equal(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_STRONG, "to 115,557."), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(NULL, doc, "A second paragraph stays out."), SKPI_OK);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "Key numbers"), SKPI_OK);
    assert_int_equal(skpi_doc_add_kpi_table(&b, doc, "Key metrics, 2026-03", "2026-02", "2025-03"), SKPI_OK);
    static const struct { const char *label, *channel; int unit, level; double v, p; } rows[] = {
        { "Reach", "instagram:@acme", SKPI_UNIT_COUNT, 0, 115557, 96955 },
        { "Reach", "instagram:@acme", SKPI_UNIT_COUNT, 1, 115557, 96955 },
        { "Followers", NULL, SKPI_UNIT_COUNT, 0, 25592, 24728 },
        { "Share of voice", "listening:*", SKPI_UNIT_PERCENT, 0, 37.27, 39.96 },
        { "Sign-ups", NULL, SKPI_UNIT_COUNT, 0, 344, NAN },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        skpi_doc_kpi_row r = SKPI_DOC_KPI_ROW_INIT;
        r.label = rows[i].label;
        r.channel = rows[i].channel;
        r.unit = rows[i].unit;
        r.level = rows[i].level;
        r.value = val(rows[i].v);
        if (!isnan(rows[i].p)) {
            r.previous = val(rows[i].p);
            r.change = val(rows[i].v - rows[i].p);
            r.change_percent = val((rows[i].v - rows[i].p) / rows[i].p * 100);
            r.change_points = val(rows[i].v - rows[i].p);
        }
        assert_int_equal(skpi_doc_kpi_table_add_row(doc, b, &r), SKPI_OK);
    }
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "Goals"), SKPI_OK);
    assert_int_equal(skpi_doc_add_goals(&b, doc, NULL), SKPI_OK);
    skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
    g.name = "Grow followers by 15 %";
    g.status = "on_track";
    g.status_label = "On track";
    g.tone = SKPI_TONE_GOOD;
    g.progress = val(0.6168);
    assert_int_equal(skpi_doc_goals_add(doc, b, &g), SKPI_OK);
    g.name = "Raise the click-through rate";
    g.status = "no_data";
    g.status_label = NULL;
    g.progress.availability = SKPI_MISSING;
    assert_int_equal(skpi_doc_goals_add(doc, b, &g), SKPI_OK);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "OKRs"), SKPI_OK);
    assert_int_equal(skpi_doc_add_objectives(&b, doc, NULL), SKPI_OK);
    skpi_doc_objective o = SKPI_DOC_OBJECTIVE_INIT;
    o.title = "Be the brand people talk about";
    o.score = val(0.7);
    o.score_rounded = val(0.7);
    o.band = "green";
    o.band_label = "Green";
    assert_int_equal(skpi_doc_objectives_add(NULL, doc, b, &o), SKPI_OK);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "Wins"), SKPI_OK);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_WIN, NULL, "Best month."), SKPI_OK);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "Spot checks"), SKPI_OK);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_ALERT, NULL,
                                          "Sign-ups fell far below the usual range."), SKPI_OK);
    assert_int_equal(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_ALERT, NULL, "A second alert."), SKPI_OK);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "By channel"), SKPI_OK);
    assert_int_equal(skpi_doc_add_list(&b, doc, 0), SKPI_OK);
    assert_int_equal(skpi_doc_list_add_item(doc, b, "Not a next step."), SKPI_OK);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "Next steps"), SKPI_OK);
    assert_int_equal(skpi_doc_add_list(&b, doc, 0), SKPI_OK);
    assert_int_equal(skpi_doc_list_add_item(doc, b, "Push the click-through rate."), SKPI_OK);
    assert_int_equal(skpi_doc_list_add_item(doc, b, "Second step."), SKPI_OK);
    return doc;
}

static char *digest(const skpi_doc *doc, int flavour, const char *link, unsigned figures)
{
    skpi_digest_options o = SKPI_DIGEST_OPTIONS_INIT;
    o.flavour = flavour;
    o.link = link;
    o.figures = figures;
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    int rc = skpi_render_digest(doc, &o, NULL, &sink);
    if (rc != SKPI_OK) fail_msg("digest: %s", skpi_last_error());
    char *out = NULL;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &buf), SKPI_OK);
    return out;
}

static char *slurp(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/tests/golden/digest/%s", SKPI_SOURCE_DIR, name);
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) fail_msg("cannot open %s", path);
    static char buf[16384];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static void check_golden(int flavour, const char *file)
{
    skpi_doc *doc = sample();
    char *out = digest(doc, flavour, "https://reports.example.com/2026-03?a=1&b=2", 0);
    if (getenv("SKPI_DIGEST_PRINT")) fputs(out, stdout);
    assert_string_equal(out, slurp(file));
    skpi_free(out);
    skpi_doc_free(doc);
}

static void golden_text(void **state) { (void)state; check_golden(SKPI_DIGEST_TEXT, "digest.txt"); }
static void golden_markdown(void **state) { (void)state; check_golden(SKPI_DIGEST_MARKDOWN, "digest.md"); }
static void golden_slack(void **state) { (void)state; check_golden(SKPI_DIGEST_SLACK, "digest.slack"); }
static void golden_teams(void **state) { (void)state; check_golden(SKPI_DIGEST_TEAMS, "digest.teams.json"); }


static char *digest_of(const skpi_doc *doc, int flavour)
{
    return digest(doc, flavour, NULL, 0);
}

/* Host strings that would be markup in each flavour come out as text. */
static void escaping(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_set_title(doc, "*Q1* <b>&</b>"), SKPI_OK);
    assert_int_equal(skpi_doc_add_paragraph(NULL, doc, "# up\tnow\x01!"), SKPI_OK);
    char *t = digest_of(doc, SKPI_DIGEST_TEXT);
    assert_string_equal(t, "*Q1* <b>&</b>\n\n# up now\xEF\xBF\xBD!\n");
    skpi_free(t);
    t = digest_of(doc, SKPI_DIGEST_SLACK);
    assert_string_equal(t, "**Q1* &lt;b&gt;&amp;&lt;/b&gt;*\n\n# up now!\n");
    skpi_free(t);
    t = digest_of(doc, SKPI_DIGEST_MARKDOWN);
    assert_non_null(strstr(t, "\\*Q1\\*"));
    assert_null(strstr(t, "<b>"));
    assert_non_null(strstr(t, "\\# up"));
    skpi_free(t);
    t = digest_of(doc, SKPI_DIGEST_TEAMS);
    assert_non_null(strstr(t, "\"title\":\"\\\\*Q1\\\\*"));
    assert_null(strstr(t, "\x01"));
    skpi_free(t);
    skpi_doc_free(doc);
}

/* Nothing but a title: no empty sections; an untitled document gets the
 * word for it. */
static void sparse(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    char *t = digest_of(doc, SKPI_DIGEST_TEXT);
    assert_string_equal(t, "Report\n");
    skpi_free(t);
    t = digest_of(doc, SKPI_DIGEST_TEAMS);
    assert_string_equal(t, "{\"@type\":\"MessageCard\",\"@context\":\"https://schema.org/extensions\","
                           "\"summary\":\"Report\",\"title\":\"Report\",\"text\":\"\",\"sections\":[]}\n");
    skpi_free(t);
    skpi_doc_free(doc);
}

/* figures = 2: the first two metric rows, breakdown lines not counted. */
static void figures_limit(void **state)
{
    (void)state;
    skpi_doc *doc = sample();
    char *t = digest(doc, SKPI_DIGEST_TEXT, NULL, 2);
    assert_non_null(strstr(t, "- Reach (instagram:@acme): 115,557 (+19.2% vs 2026-02 96,955)\n"
                              "- Followers: 25,592 (+3.5% vs 2026-02 24,728)\n\nGoals\n"));
    assert_null(strstr(t, "Full report"));
    skpi_free(t);
    skpi_doc_free(doc);
}

static int bad(const skpi_doc *doc, skpi_digest_options *o)
{
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    int rc = skpi_render_digest(doc, o, NULL, &sink);
    assert_null(sink.write); /* closed, as skpi_render() closes */
    assert_int_equal(buf.size, 0);
    skpi_buffer_reset(&buf);
    return rc;
}

static void bad_options(void **state)
{
    (void)state;
    skpi_doc *doc = sample();
    skpi_digest_options o = SKPI_DIGEST_OPTIONS_INIT;
    o.flavour = 4;
    assert_int_equal(bad(doc, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "flavour 4"));
    o.flavour = SKPI_DIGEST_TEXT;
    o.figures = 11;
    assert_int_equal(bad(doc, &o), SKPI_ERANGE);
    o.figures = 0;
    o.link = "javascript:alert(1)";
    assert_int_equal(bad(doc, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "http://"));
    o.link = "https://example.com/a b";
    assert_int_equal(bad(doc, &o), SKPI_EINVAL);
    o.link = "https://example.com/a|b";
    assert_int_equal(bad(doc, &o), SKPI_EINVAL);
    o.link = NULL;
    o.link_text = "a\nb";
    assert_int_equal(bad(doc, &o), SKPI_EINVAL);
    o.link_text = NULL;
    o.version = 9;
    assert_int_equal(bad(doc, &o), SKPI_EVERSION);
    assert_int_equal(bad(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_render_digest(doc, NULL, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_digest_options_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_digest_options_init(&o, 2), SKPI_EVERSION);
    assert_int_equal(skpi_digest_options_init(&o, 1), SKPI_OK);
    assert_int_equal(o.flavour, SKPI_DIGEST_TEXT);
    assert_string_equal(skpi_digest_flavour_name(SKPI_DIGEST_TEAMS), "teams");
    assert_null(skpi_digest_flavour_name(-1));
    skpi_doc_free(doc);
}

/* A translated next-steps heading is found when the options name it. */
static void next_steps_heading(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    size_t b;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    assert_int_equal(skpi_doc_add_heading(NULL, doc, 1, "N\xC3\xA4" "chste Schritte"), SKPI_OK);
    assert_int_equal(skpi_doc_add_list(&b, doc, 0), SKPI_OK);
    assert_int_equal(skpi_doc_list_add_item(doc, b, "Mehr posten."), SKPI_OK);
    char *t = digest_of(doc, SKPI_DIGEST_TEXT);
    assert_string_equal(t, "Report\n");
    skpi_free(t);
    skpi_digest_options o = SKPI_DIGEST_OPTIONS_INIT;
    o.next_steps_heading = "N\xC3\xA4" "chste Schritte";
    skpi_buffer buf = SKPI_BUFFER_INIT;
    skpi_sink sink;
    assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
    assert_int_equal(skpi_render_digest(doc, &o, NULL, &sink), SKPI_OK);
    assert_string_equal(buf.data, "Report\n\nN\xC3\xA4" "chste Schritte: Mehr posten.\n");
    skpi_buffer_reset(&buf);
    skpi_doc_free(doc);
}

/* Every allocation failure gives SKPI_ENOMEM and leaks nothing. */
static void out_of_memory(void **state)
{
    (void)state;
    skpi_doc *doc = sample();
    for (long n = 0;; n++) {
        skpi_buffer buf = SKPI_BUFFER_INIT;
        skpi_sink sink;
        assert_int_equal(skpi_sink_memory(&sink, &buf), SKPI_OK);
        skpi_digest_options o = SKPI_DIGEST_OPTIONS_INIT;
        o.flavour = SKPI_DIGEST_TEAMS;
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        int rc = skpi_render_digest(doc, &o, NULL, &sink);
        test_alloc_fail_after(-1);
        skpi_buffer_reset(&buf);
        assert_int_equal(test_alloc_live(), live);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
    }
    skpi_doc_free(doc);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(golden_text),
        cmocka_unit_test(golden_markdown),
        cmocka_unit_test(golden_slack),
        cmocka_unit_test(golden_teams),
        cmocka_unit_test(escaping),
        cmocka_unit_test(sparse),
        cmocka_unit_test(figures_limit),
        cmocka_unit_test(bad_options),
        cmocka_unit_test(next_steps_heading),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
