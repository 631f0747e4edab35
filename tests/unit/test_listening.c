/* The Listening report section on our own mention fixture
 * (tests/fixtures/import/listening_mentions.csv), every figure worked out
 * by hand below, and competitors' mentions kept out of our totals once
 * their channels are marked. */
#define SKPI_EXPERIMENTAL
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <stdio.h>
#include <string.h>

#define FIXTURE "tests/fixtures/import/listening_mentions.csv"

/* The fixture, March 2026, by brand:
 *   Acme Outdoor  5 mentions: positive 2 (boots 1,200; customer service 450),
 *                 neutral 2 (store 54,000; "mixed" 900), negative 1 (zip
 *                 3,100); net sentiment (2 - 1) / 5 = 20.00%; reach 1,200 +
 *                 54,000 + 3,100 + 900 + 450 = 59,650.
 *   Rival Gear    3 mentions: positive 1 (150), negative 1 (800), one
 *                 unclassified (20,000); net (1 - 1) / 2 = 0.00%; reach
 *                 20,950.
 * All reach 80,600: Acme 59,650 / 80,600 = 74.007 % -> 74.01%, Rival
 * 20,950 / 80,600 = 25.993 % -> 25.99%. Top mentions of ours by reach:
 * the store (54,000), the zip (3,100), the boots (1,200). */
static skpi_dataset *mentions(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    assert_int_equal(skpi_import_file(NULL, ds, FIXTURE, NULL), SKPI_OK);
    return ds;
}

static skpi_report *listening_report(int audience)
{
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Listening"), SKPI_OK);
    assert_int_equal(skpi_report_set_audience(r, audience), SKPI_OK);
    assert_int_equal(skpi_report_set_cadence(r, SKPI_CADENCE_MONTH), SKPI_OK);
    skpi_time april = 0;
    assert_int_equal(skpi_time_parse(&april, "2026-04-01"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, april), SKPI_OK);
    return r;
}

static char *text_of(const skpi_doc *doc)
{
    skpi_buffer b = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.line_width = 200;
    assert_int_equal(skpi_render(doc, SKPI_FORMAT_TEXT, &o, &s), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &b), SKPI_OK);
    return out;
}

static void assert_contains(const char *text, const char *part)
{
    if (strstr(text, part) == NULL) fail_msg("missing \"%s\" in:\n%s", part, text);
}

/* The table whose title is `title`; fails when there is none. */
static size_t table_titled(const skpi_doc *doc, const char *title)
{
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        const char *t = NULL;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind == SKPI_BLOCK_TABLE && skpi_doc_block_title(&t, doc, b) == SKPI_OK && t && strcmp(t, title) == 0)
            return b;
    }
    fail_msg("no table \"%s\"", title);
    return 0;
}

static void assert_row(const skpi_doc *doc, size_t block, size_t row, const char *const cells[8])
{
    for (size_t c = 0; c < 8; c++) {
        const char *got = NULL;
        assert_int_equal(skpi_doc_table_cell(&got, doc, block, row, c), SKPI_OK);
        assert_string_equal(got, cells[c]);
    }
}

static char *assemble_text(skpi_report *r, skpi_dataset *ds)
{
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = text_of(doc);
    skpi_doc_free(doc);
    return t;
}

static void ours_against_a_marked_competitor(void **state)
{
    (void)state;
    skpi_dataset *ds = mentions();
    assert_int_equal(skpi_dataset_set_competitor(ds, "listening:Rival Gear", "Rival Gear"), SKPI_OK);
    skpi_report *r = listening_report(SKPI_AUDIENCE_TEAM);
    const int only[] = { SKPI_SECTION_LISTENING };
    assert_int_equal(skpi_report_set_sections(r, only, 1), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    size_t table = table_titled(doc, "Mentions by brand, March 2026");
    static const char *const head[8] = { "Brand", "Mentions", "Positive", "Neutral", "Negative",
                                         "Net sentiment", "Reach", "Share of voice (reach)" };
    for (size_t c = 0; c < 8; c++) {
        const char *h = NULL;
        int align;
        assert_int_equal(skpi_doc_table_header(&h, &align, doc, table, c), SKPI_OK);
        assert_string_equal(h, head[c]);
    }
    size_t rows = 0;
    assert_int_equal(skpi_doc_block_size(&rows, doc, table), SKPI_OK);
    assert_int_equal(rows, 2);
    static const char *const acme[8] = { "Acme Outdoor", "5", "2", "2", "1", "20.00%", "59,650", "74.01%" };
    static const char *const rival[8] = { "Rival Gear (competitor)", "3", "1", "0", "1", "0.00%", "20,950",
                                          "25.99%" };
    assert_row(doc, table, 0, acme);
    assert_row(doc, table, 1, rival);
    char *t = text_of(doc);
    assert_contains(t, "\nListening\n");
    assert_contains(t, "Our brands had 74.01% of the reach of all mentions in March 2026; "
                       "Rival Gear had the largest competitor share with 25.99%.");
    /* Ours first, by reach; the competitor's mentions are not among ours. */
    assert_contains(t, "Top mentions of our brands by reach, March 2026:");
    assert_contains(t, "1. Acme Outdoor, 2 March 2026: Reach of mentions 54,000\n");
    assert_contains(t, "Acme Outdoor opens a store in Leeds");
    assert_contains(t, "https://news.example/acme-store");
    assert_contains(t, "2. Acme Outdoor, 3 March 2026: Reach of mentions 3,100\n");
    assert_contains(t, "3. Acme Outdoor, 2 March 2026: Reach of mentions 1,200\n");
    assert_null(strstr(t, "Rival Gear sponsors"));
    assert_null(strstr(t, "No brand is marked"));
    skpi_free(t);
    /* Every format renders it. */
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_XLSX; f++) {
        if (skpi_render_supported(f) != SKPI_OK) continue;
        skpi_buffer b = SKPI_BUFFER_INIT;
        skpi_sink s;
        assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
        assert_int_equal(skpi_render(doc, f, NULL, &s), SKPI_OK);
        assert_true(b.size > 0);
        skpi_buffer_reset(&b);
    }
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* Without a mark every brand is ours: the section says so, and the top
 * mentions take in Rival Gear's 20,000 (second after the store). */
static void unmarked_brands_count_as_ours(void **state)
{
    (void)state;
    skpi_dataset *ds = mentions();
    skpi_report *r = listening_report(SKPI_AUDIENCE_TEAM);
    const int only[] = { SKPI_SECTION_LISTENING };
    assert_int_equal(skpi_report_set_sections(r, only, 1), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    static const char *const rival[8] = { "Rival Gear", "3", "1", "0", "1", "0.00%", "20,950", "25.99%" };
    assert_row(doc, table_titled(doc, "Mentions by brand, March 2026"), 1, rival);
    char *t = text_of(doc);
    skpi_doc_free(doc);
    assert_contains(t, "No brand is marked as a competitor's: every brand counts as ours");
    assert_contains(t, "2. Rival Gear, 3 March 2026: Reach of mentions 20,000\n");
    skpi_free(t);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* The documented gap: `*` adds up every listening channel until the
 * competitors' are marked; marked, they stay out of our totals. March: all
 * 8 mentions and 80,600 reach; ours alone 5 and 59,650, net sentiment
 * (3 - 2) / 7 = 14.29% against ours 20.00%. */
static void marked_competitors_stay_out_of_our_totals(void **state)
{
    (void)state;
    skpi_dataset *ds = mentions();
    skpi_time mar = 0, apr = 0;
    assert_int_equal(skpi_time_parse(&mar, "2026-03-01"), SKPI_OK);
    assert_int_equal(skpi_time_parse(&apr, "2026-04-01"), SKPI_OK);
    skpi_period p = { mar, apr };
    skpi_value v;
    assert_int_equal(skpi_dataset_value(&v, ds, "mentions", "*", p), SKPI_OK);
    assert_true(v.value == 8);
    assert_int_equal(skpi_dataset_set_competitor(ds, "listening:Rival Gear", "Rival Gear"), SKPI_OK);
    static const char *const sel[] = { "*", "listening:*" };
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(skpi_dataset_value(&v, ds, "mentions", sel[i], p), SKPI_OK);
        assert_true(v.value == 5);
        assert_int_equal(skpi_dataset_value(&v, ds, "mention_reach", sel[i], p), SKPI_OK);
        assert_true(v.value == 59650);
        assert_int_equal(skpi_dataset_value(&v, ds, "net_sentiment", sel[i], p), SKPI_OK);
        assert_true(v.value > 19.999999 && v.value < 20.000001);
    }
    /* The competitor's own key still reads it. */
    assert_int_equal(skpi_dataset_value(&v, ds, "mentions", "listening:Rival Gear", p), SKPI_OK);
    assert_true(v.value == 3);
    skpi_dataset_free(ds);
}

/* The presets that show it, and no section without listening data. */
static void presets_and_no_data(void **state)
{
    (void)state;
    assert_string_equal(skpi_section_name(SKPI_SECTION_LISTENING), "listening");
    skpi_dataset *ds = mentions();
    const int with[] = { SKPI_AUDIENCE_SELF, SKPI_AUDIENCE_TEAM, SKPI_AUDIENCE_MANAGEMENT,
                         SKPI_AUDIENCE_LEADERSHIP };
    for (size_t i = 0; i < sizeof with / sizeof with[0]; i++) {
        skpi_report *r = listening_report(with[i]);
        char *t = assemble_text(r, ds);
        assert_contains(t, "\nListening\n");
        skpi_free(t);
        skpi_report_free(r);
    }
    skpi_report *r = listening_report(SKPI_AUDIENCE_SALES);
    char *t = assemble_text(r, ds);
    assert_null(strstr(t, "\nListening\n"));
    skpi_free(t);
    /* A month without mentions says so; a dataset without them has no section. */
    const int only[] = { SKPI_SECTION_LISTENING };
    assert_int_equal(skpi_report_set_sections(r, only, 1), SKPI_OK);
    skpi_time june = 0;
    assert_int_equal(skpi_time_parse(&june, "2026-06-01"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, june), SKPI_OK);
    t = assemble_text(r, ds);
    assert_contains(t, "No mentions were recorded in May 2026.");
    skpi_free(t);
    skpi_dataset *empty = NULL;
    assert_int_equal(skpi_dataset_new(&empty, NULL), SKPI_OK);
    assert_int_equal(skpi_dataset_append(empty, "mentions", "x:@acme", (skpi_time[]){ 0 }, (double[]){ 4 }, 1),
                     SKPI_OK);
    t = assemble_text(r, empty);
    assert_null(strstr(t, "\nListening\n"));
    assert_null(strstr(t, "Mentions by brand"));
    skpi_free(t);
    skpi_dataset_free(empty);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* A tool that exports counts: our mentions beside the competitors' total
 * on our own channel, no reach. 30 days of 4 mentions (3 positive, 0
 * neutral, 1 negative) and 6 competitor mentions: 120 / (120 + 180) =
 * 40.00%; net sentiment (90 - 30) / 120 = 50.00%; no reach columns. */
static void share_from_counted_competitors(void **state)
{
    (void)state;
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time t[30], nov = 0;
    assert_int_equal(skpi_time_parse(&nov, "2026-11-01"), SKPI_OK);
    double four[30], three[30], one[30], six[30], none[30];
    for (int i = 0; i < 30; i++) {
        t[i] = nov + (skpi_time)i * 86400;
        four[i] = 4, three[i] = 3, one[i] = 1, six[i] = 6, none[i] = 0;
    }
    assert_int_equal(skpi_dataset_append(ds, "mentions", "listening:acme", t, four, 30), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "positive_mentions", "listening:acme", t, three, 30), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "negative_mentions", "listening:acme", t, one, 30), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "neutral_mentions", "listening:acme", t, none, 30), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "competitor_mentions", "listening:acme", t, six, 30), SKPI_OK);
    skpi_report *r = listening_report(SKPI_AUDIENCE_LEADERSHIP);
    const int only[] = { SKPI_SECTION_LISTENING };
    assert_int_equal(skpi_report_set_sections(r, only, 1), SKPI_OK);
    skpi_time dec = 0;
    assert_int_equal(skpi_time_parse(&dec, "2026-12-01"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, dec), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    size_t table = table_titled(doc, "Mentions by brand, November 2026"), columns = 0;
    assert_int_equal(skpi_doc_table_columns(&columns, doc, table), SKPI_OK);
    assert_int_equal(columns, 6);
    const char *net = NULL;
    assert_int_equal(skpi_doc_table_cell(&net, doc, table, 0, 5), SKPI_OK);
    assert_string_equal(net, "50.00%");
    char *text = text_of(doc);
    assert_contains(text, "Share of voice in November 2026: 40.00%, from the competitors' totals the listening "
                          "tool reported.");
    assert_null(strstr(text, "No brand is marked"));
    skpi_free(text);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

/* German and French words. */
static void translated(void **state)
{
    (void)state;
    skpi_dataset *ds = mentions();
    assert_int_equal(skpi_dataset_set_competitor(ds, "listening:Rival Gear", "Rival Gear"), SKPI_OK);
    skpi_report *r = listening_report(SKPI_AUDIENCE_TEAM);
    const int only[] = { SKPI_SECTION_LISTENING };
    assert_int_equal(skpi_report_set_sections(r, only, 1), SKPI_OK);
    assert_int_equal(skpi_report_set_locale(r, "de-DE"), SKPI_OK);
    char *t = assemble_text(r, ds);
    assert_contains(t, "Social Listening");
    assert_contains(t, "Rival Gear (Wettbewerber)");
    assert_contains(t, "Netto-Stimmung");
    skpi_free(t);
    assert_int_equal(skpi_report_set_locale(r, "fr-FR"), SKPI_OK);
    t = assemble_text(r, ds);
    assert_contains(t, "Veille sociale");
    assert_contains(t, "Rival Gear (concurrent)");
    assert_contains(t, "Part de voix (port\xC3\xA9" "e)");
    skpi_free(t);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ours_against_a_marked_competitor),
        cmocka_unit_test(unmarked_brands_count_as_ours),
        cmocka_unit_test(marked_competitors_stay_out_of_our_totals),
        cmocka_unit_test(presets_and_no_data),
        cmocka_unit_test(share_from_counted_competitors),
        cmocka_unit_test(translated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
