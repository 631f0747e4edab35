/* Tests of campaigns and campaign reports (report.h, experimental): which
 * posts belong to a campaign, and a campaign report on our own fixture
 * against figures worked out by hand: the campaign's channels against the
 * 14 days before it and against a chosen baseline, channel by channel, and
 * its posts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL
#include <socialkpi.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_alloc.h"

static skpi_time day(int y, int m, int d)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

static void daily(skpi_dataset *ds, const char *channel, double before, double during)
{
    static skpi_time t[120];
    static double v[120];
    size_t n = 0;
    for (skpi_time x = day(2026, 1, 1); x < day(2026, 4, 1); x += 86400, n++) {
        t[n] = x;
        v[n] = x >= day(2026, 3, 1) && x < day(2026, 3, 15) ? during : before;
    }
    assert_int_equal(skpi_dataset_append(ds, "engagements", channel, t, v, n), SKPI_OK);
}

static void post(skpi_dataset *ds, const char *channel, const char *id, skpi_time when, const char *text,
                 const char *link, double engagements)
{
    assert_int_equal(skpi_dataset_add_post(ds, channel, id, when, "photo", text, link), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, channel, id, "engagements", engagements), SKPI_OK);
}

/* Engagements a day: Instagram 100, 150 from 1 to 14 March 2026; LinkedIn
 * 40, then 50; X 30 throughout (not a campaign channel).
 *   the campaign, 1-14 March: Instagram 14 * 150 = 2,100, LinkedIn 14 * 50
 *     = 700, together 2,800 (X's 420 left out)
 *   the 14 days before, 15-28 February: Instagram 1,400, LinkedIn 560,
 *     together 1,960: +840 = +42.857 %; Instagram +700 (+50 %), LinkedIn +140 (+25 %)
 *   January 2026 (a chosen baseline): Instagram 3,100, LinkedIn 1,240,
 *     together 4,340: -1,540 = -35.484 %
 * Posts (engagements):
 *   ig-1  2 March "#Spring26" in its text                    200  belongs (tag)
 *   ig-2  5 March link ...utm_campaign=Spring-Push           120  belongs (utm_campaign)
 *   ig-3  8 March "#springtime", carries the label spring26   80  belongs (label)
 *   li-7 10 March                                             60  belongs (post id)
 *   li-8 12 March link ...utm_campaign=hiring                 40  no
 *   x-1   3 March "#spring26"                                500  no: not a campaign channel
 *   ig-0 20 February "#spring26"                              90  no: before the campaign
 *   the campaign's posts: 4, 200 + 120 + 80 + 60 = 460 engagements, of the
 *   500 of every post on its channels in its days: 92 % */
static skpi_dataset *dataset(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    daily(ds, "instagram:@acme", 100, 150);
    daily(ds, "linkedin:acme", 40, 50);
    daily(ds, "x:acme", 30, 30);
    post(ds, "instagram:@acme", "ig-1", day(2026, 3, 2) + 3600, "New colours #Spring26 are here", NULL, 200);
    post(ds, "instagram:@acme", "ig-2", day(2026, 3, 5), "Behind the scenes",
         "https://acme.example/p?utm_source=ig&utm_campaign=Spring-Push", 120);
    post(ds, "instagram:@acme", "ig-3", day(2026, 3, 8), "A #springtime walk", NULL, 80);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "ig-3", "spring26"), SKPI_OK);
    post(ds, "linkedin:acme", "li-7", day(2026, 3, 10), "Quarterly update", NULL, 60);
    post(ds, "linkedin:acme", "li-8", day(2026, 3, 12), "Hiring", "https://acme.example/jobs?utm_campaign=hiring", 40);
    post(ds, "x:acme", "x-1", day(2026, 3, 3), "#spring26 on X", NULL, 500);
    post(ds, "instagram:@acme", "ig-0", day(2026, 2, 20), "#spring26 teaser", NULL, 90);
    return ds;
}

static skpi_campaign *campaign(void)
{
    skpi_period p = { day(2026, 3, 1), day(2026, 3, 15) };
    skpi_campaign *c = NULL;
    assert_int_equal(skpi_campaign_new(&c, "Spring push", &p), SKPI_OK);
    assert_int_equal(skpi_campaign_add_channel(c, "instagram:@acme"), SKPI_OK);
    assert_int_equal(skpi_campaign_add_channel(c, "linkedin:acme"), SKPI_OK);
    assert_int_equal(skpi_campaign_add_selector(c, SKPI_SELECT_TAG, "#spring26"), SKPI_OK);
    assert_int_equal(skpi_campaign_add_selector(c, SKPI_SELECT_UTM_CAMPAIGN, "spring-push"), SKPI_OK);
    assert_int_equal(skpi_campaign_add_selector(c, SKPI_SELECT_POST_ID, "li-7"), SKPI_OK);
    return c;
}

static skpi_report *report_of(const skpi_campaign *c)
{
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Spring push"), SKPI_OK);
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_SELF), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 4, 1)), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", NULL), SKPI_OK);
    assert_int_equal(skpi_report_set_campaign(r, c), SKPI_OK);
    return r;
}

static char *render(const skpi_doc *doc, int format)
{
    skpi_buffer b = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.line_width = 200;
    assert_int_equal(skpi_render(doc, format, &o, &s), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &b), SKPI_OK);
    return out;
}

static void assert_contains(const char *text, const char *part)
{
    if (strstr(text, part) == NULL) fail_msg("missing \"%s\" in:\n%s", part, text);
}

static size_t block_of(const skpi_doc *doc, int kind, size_t nth)
{
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int k;
        assert_int_equal(skpi_doc_block_kind(&k, doc, b), SKPI_OK);
        if (k == kind && nth-- == 0) return b;
    }
    fail_msg("no block of kind %d", kind);
    return 0;
}

static void which_posts_belong(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_campaign *c = campaign();
    const char *members[] = { "ig-1", "ig-2", "ig-3", "li-7" };
    size_t found = 0;
    for (size_t i = 0; i < skpi_dataset_post_count(ds); i++) {
        const skpi_post *p = skpi_dataset_post(ds, i);
        int in = -1;
        assert_int_equal(skpi_campaign_match(&in, c, ds, p), SKPI_OK);
        bool want = false;
        for (size_t k = 0; k < 4; k++) want = want || strcmp(skpi_post_id(p), members[k]) == 0;
        if (in != (int)want) fail_msg("post %s: match %d", skpi_post_id(p), in);
        found += (size_t)in;
    }
    assert_int_equal(found, 4);
    skpi_campaign_free(c);
    skpi_dataset_free(ds);
}

static void report_against_the_days_before(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_campaign *c = campaign();
    skpi_report *r = report_of(c);
    skpi_campaign_free(c); /* the report keeps its own copy */
    assert_string_equal(skpi_campaign_name(skpi_report_campaign(r)), "Spring push");
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    skpi_doc_kpi_row k = SKPI_DOC_KPI_ROW_INIT;
    assert_int_equal(skpi_doc_kpi_row_get(&k, doc, block_of(doc, SKPI_BLOCK_KPI_TABLE, 0), 0), SKPI_OK);
    assert_float_equal(k.value.value, 2800, 1e-9);
    assert_float_equal(k.previous.value, 1960, 1e-9);
    assert_float_equal(k.change_percent.value, 840.0 / 1960 * 100, 1e-9);
    size_t ct = block_of(doc, SKPI_BLOCK_KPI_TABLE, 1);
    skpi_doc_kpi_row ig = SKPI_DOC_KPI_ROW_INIT, li = SKPI_DOC_KPI_ROW_INIT;
    assert_int_equal(skpi_doc_kpi_row_get(&ig, doc, ct, 1), SKPI_OK);
    assert_int_equal(skpi_doc_kpi_row_get(&li, doc, ct, 2), SKPI_OK);
    assert_string_equal(ig.label, "Instagram @acme");
    assert_float_equal(ig.value.value, 2100, 1e-9);
    assert_float_equal(ig.previous.value, 1400, 1e-9);
    assert_float_equal(li.value.value, 700, 1e-9);
    assert_float_equal(li.previous.value, 560, 1e-9);
    /* the campaign's posts, in time order */
    size_t pb = block_of(doc, SKPI_BLOCK_POSTS, 0);
    size_t n;
    assert_int_equal(skpi_doc_block_size(&n, doc, pb), SKPI_OK);
    assert_int_equal(n, 4);
    const double want[] = { 200, 120, 80, 60 };
    for (size_t i = 0; i < 4; i++) {
        skpi_doc_post p = SKPI_DOC_POST_INIT;
        assert_int_equal(skpi_doc_post_get(&p, doc, pb, i), SKPI_OK);
        assert_float_equal(p.value.value, want[i], 1e-9);
    }
    char *t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "Report for Spring push");
    assert_contains(t, "Engagements rose 42.9% compared with 15 February 2026 to 28 February 2026, to 2,800.");
    assert_contains(t, "Spring push ran from 1 March 2026 to 14 March 2026 on Instagram @acme, LinkedIn acme; "
                       "its figures are compared with 15 February 2026 to 28 February 2026.");
    assert_contains(t, "Engagements on Instagram @acme, LinkedIn acme: 2,800 against 1,960 (+840, +42.9%).");
    assert_contains(t, "Engagements on Instagram @acme: 2,100 against 1,400 (+700, +50.0%).");
    assert_contains(t, "Engagements on LinkedIn acme: 700 against 560 (+140, +25.0%).");
    assert_contains(t, "4 posts of the campaign drew 460 Engagements, 92% of the Engagements of every post on its "
                       "channels in its days.");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
}

static void report_against_a_chosen_baseline(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_campaign *c = campaign();
    skpi_period jan = { day(2026, 1, 1), day(2026, 2, 1) };
    assert_int_equal(skpi_campaign_set_baseline(c, &jan), SKPI_OK);
    skpi_report *r = report_of(c);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    skpi_doc_kpi_row k = SKPI_DOC_KPI_ROW_INIT;
    assert_int_equal(skpi_doc_kpi_row_get(&k, doc, block_of(doc, SKPI_BLOCK_KPI_TABLE, 0), 0), SKPI_OK);
    assert_float_equal(k.value.value, 2800, 1e-9);
    assert_float_equal(k.previous.value, 4340, 1e-9);
    assert_float_equal(k.change_percent.value, -1540.0 / 4340 * 100, 1e-9);
    char *t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "Engagements fell 35.5% compared with 1 January 2026 to 31 January 2026, to 2,800.");
    assert_contains(t, "Engagements on Instagram @acme: 2,100 against 3,100 (-1,000, -32.3%).");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_campaign_free(c);
    skpi_dataset_free(ds);
}

/* A campaign none of whose posts match says so; every format renders it. */
static void no_posts_and_every_format(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_period p = { day(2026, 3, 1), day(2026, 3, 15) };
    skpi_campaign *c = NULL;
    assert_int_equal(skpi_campaign_new(&c, "Quiet", &p), SKPI_OK);
    assert_int_equal(skpi_campaign_add_channel(c, "instagram:*"), SKPI_OK);
    assert_int_equal(skpi_campaign_add_selector(c, SKPI_SELECT_TAG, "nothing-has-this"), SKPI_OK);
    skpi_report *r = report_of(c);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    char *t = render(doc, SKPI_FORMAT_TEXT);
    assert_contains(t, "No post of Quiet was found on its channels from 1 March 2026 to 14 March 2026");
    skpi_free(t);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_campaign_free(c);
    /* the full campaign in every format */
    c = campaign();
    r = report_of(c);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    const int formats[] = { SKPI_FORMAT_MARKDOWN, SKPI_FORMAT_HTML, SKPI_FORMAT_JSON, SKPI_FORMAT_CSV,
                            SKPI_FORMAT_TEXT };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = render(doc, formats[i]);
        /* CSV holds the figures (the channel key is the group assembly
         * defines, quoted against spreadsheet formulas), the others the
         * words too */
        assert_contains(out, formats[i] == SKPI_FORMAT_CSV ? "Engagements,\"Instagram @acme, LinkedIn acme\","
                                                             "\"'@campaign-spring-push\",2026-03-01/2026-03-14,2800"
                                                          : "Spring push ran from 1 March 2026 to 14 March 2026");
        if (formats[i] != SKPI_FORMAT_CSV) assert_contains(out, "Quarterly update");
        skpi_free(out);
    }
    const int binary[] = { SKPI_FORMAT_PDF, SKPI_FORMAT_XLSX };
    for (size_t i = 0; i < 2; i++) {
        if (!skpi_render_supported(binary[i])) continue;
        skpi_buffer b = SKPI_BUFFER_INIT;
        skpi_sink s;
        assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
        assert_int_equal(skpi_render(doc, binary[i], NULL, &s), SKPI_OK);
        size_t size;
        char *out;
        assert_int_equal(skpi_buffer_detach(&out, &size, &b), SKPI_OK);
        assert_true(size > 100);
        skpi_free(out);
    }
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_campaign_free(c);
    skpi_dataset_free(ds);
}

static void bad_input(void **state)
{
    (void)state;
    skpi_period back = { day(2026, 3, 15), day(2026, 3, 1) };
    skpi_campaign *c = NULL;
    assert_int_equal(skpi_campaign_new(&c, "Backwards", &back), SKPI_EINVAL);
    assert_null(c);
    assert_non_null(strstr(skpi_last_error(), "ends (2026-02-28) before it starts (2026-03-15)"));
    skpi_period p = { day(2026, 3, 1), day(2026, 3, 15) };
    assert_int_equal(skpi_campaign_new(&c, "", &p), SKPI_EINVAL);
    c = campaign();
    assert_int_equal(skpi_campaign_add_channel(c, "not a channel"), SKPI_EINVAL);
    assert_int_equal(skpi_campaign_add_channel(c, "linkedin:acme"), SKPI_EEXISTS);
    assert_int_equal(skpi_campaign_add_selector(c, 7, "x"), SKPI_EINVAL);
    assert_int_equal(skpi_campaign_add_selector(c, SKPI_SELECT_TAG, ""), SKPI_EINVAL);
    assert_int_equal(skpi_campaign_add_selector(c, SKPI_SELECT_POST_ID, "li-7"), SKPI_EEXISTS);
    assert_int_equal(skpi_campaign_set_baseline(c, &back), SKPI_EINVAL);
    skpi_period b;
    assert_int_equal(skpi_campaign_baseline(&b, c), SKPI_ENOTFOUND);
    /* the campaign is as it was */
    assert_int_equal(skpi_campaign_channel_count(c), 2);
    assert_int_equal(skpi_campaign_selector_count(c), 3);
    int kind;
    const char *value;
    assert_int_equal(skpi_campaign_selector(&kind, &value, c, 1), SKPI_OK);
    assert_int_equal(kind, SKPI_SELECT_UTM_CAMPAIGN);
    assert_string_equal(value, "spring-push");
    assert_int_equal(skpi_campaign_selector(&kind, &value, c, 3), SKPI_ERANGE);
    assert_int_equal(skpi_report_set_campaign(NULL, c), SKPI_EMISUSE);
    skpi_campaign_free(c);
}

/* Out of memory at every allocation of a campaign report: SKPI_ENOMEM,
 * nothing leaked, the report unchanged. */
static void out_of_memory(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset();
    skpi_campaign *c = campaign();
    /* A first report defines the campaign's channel group in the dataset. */
    skpi_report *warm = report_of(c);
    skpi_doc *first = NULL;
    assert_int_equal(skpi_report_assemble(&first, warm, ds), SKPI_OK);
    skpi_doc_free(first);
    skpi_report_free(warm);
    long live = test_alloc_live();
    for (long n = 0;; n++) {
        skpi_report *r = NULL;
        assert_int_equal(skpi_report_new(&r, "R"), SKPI_OK);
        assert_int_equal(skpi_report_add_kpi(r, "engagements", NULL), SKPI_OK);
        test_alloc_fail_after(n);
        int rc = skpi_report_set_campaign(r, c);
        skpi_doc *doc = NULL;
        if (rc == SKPI_OK) rc = skpi_report_assemble(&doc, r, ds);
        test_alloc_fail_after(-1);
        skpi_doc_free(doc);
        if (rc == SKPI_OK) {
            skpi_report_free(r);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(doc);
        skpi_report_free(r);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_campaign_free(c);
    skpi_dataset_free(ds);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(which_posts_belong),
        cmocka_unit_test(report_against_the_days_before),
        cmocka_unit_test(report_against_a_chosen_baseline),
        cmocka_unit_test(no_posts_and_every_format),
        cmocka_unit_test(bad_input),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
