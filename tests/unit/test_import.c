/* Tests of import.h: every preset on a fixture written from the documented
 * header, the reader's robustness (encodings, preambles, quoting, numbers,
 * dates), malformed files, re-imports, and out-of-memory behaviour. Expected
 * values are worked out by hand from the fixtures in tests/fixtures/import/. */
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
#include "import/reader.h"
#include "import/held_rows.h"

#define FIXTURE(name) "tests/fixtures/import/" name
#define ABSENT (-12345.0)

/* ---- helpers -------------------------------------------------------------- */

static skpi_time day(const char *text)
{
    skpi_time t;
    assert_int_equal(skpi_time_parse(&t, text), SKPI_OK);
    return t;
}

/* The stored value of a series at a day: ABSENT when there is no point,
 * NaN for a missing value. */
static double at(const skpi_dataset *ds, const char *metric, const char *channel, const char *d)
{
    const skpi_series *s;
    if (skpi_dataset_series(&s, ds, metric, channel) != SKPI_OK)
        return ABSENT;
    skpi_time t = day(d);
    const skpi_time *ts = skpi_series_times(s);
    const double *vs = skpi_series_values(s);
    for (size_t i = 0; i < skpi_series_length(s); i++)
        if (ts[i] == t)
            return vs[i];
    return ABSENT;
}

static size_t points(const skpi_dataset *ds, const char *metric, const char *channel)
{
    const skpi_series *s;
    if (skpi_dataset_series(&s, ds, metric, channel) != SKPI_OK)
        return 0;
    return skpi_series_length(s);
}

static skpi_dataset *new_dataset(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    return ds;
}

static int import_with(skpi_dataset *ds, const char *path, const skpi_import_options *o,
                       skpi_import_summary **sum)
{
    return skpi_import_file(sum, ds, path, o);
}

static bool ignored(const skpi_import_summary *s, const char *name)
{
    for (size_t i = 0; i < skpi_import_summary_ignored_count(s); i++)
        if (strcmp(skpi_import_summary_ignored(s, i), name) == 0)
            return true;
    return false;
}

static const skpi_post *post(const skpi_dataset *ds, const char *channel, const char *id)
{
    size_t i;
    if (skpi_dataset_find_post(&i, ds, channel, id) != SKPI_OK)
        return NULL;
    return skpi_dataset_post(ds, i);
}

static double post_value(const skpi_post *p, const char *metric)
{
    skpi_value v;
    assert_int_equal(skpi_post_value(&v, p, metric), SKPI_OK);
    return v.availability == SKPI_AVAILABLE ? v.value : NAN;
}

/* A catalog with the paid and duration metrics the built-in one lacks. */
static skpi_dataset *dataset_with_extras(void)
{
    skpi_catalog *cat;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "impressions_paid", "Promoted impressions",
                                             SKPI_UNIT_COUNT, SKPI_HIGHER_IS_BETTER,
                                             SKPI_KIND_FLOW), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "share_ratio", "Share ratio",
                                             SKPI_UNIT_RATIO, SKPI_HIGHER_IS_BETTER,
                                             SKPI_KIND_STOCK), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "share_pct", "Share percent",
                                             SKPI_UNIT_PERCENT, SKPI_HIGHER_IS_BETTER,
                                             SKPI_KIND_STOCK), SKPI_OK);
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, cat), SKPI_OK);
    skpi_catalog_free(cat);
    return ds;
}

/* ---- options, names, misuse --------------------------------------------- */

static void preset_names_round_trip(void **state)
{
    (void)state;
    assert_int_equal(skpi_import_preset_max(), SKPI_IMPORT_CARE_BINS);
    for (int p = 0; p <= skpi_import_preset_max(); p++) {
        const char *name = skpi_import_preset_name(p);
        assert_non_null(name);
        int back = -1;
        assert_int_equal(skpi_import_preset_from_name(&back, name), SKPI_OK);
        assert_int_equal(back, p);
    }
    assert_string_equal(skpi_import_preset_name(SKPI_IMPORT_X_TWEETS), "x_tweets");
    assert_null(skpi_import_preset_name(99));
    assert_null(skpi_import_preset_name(-1));
    int out;
    assert_int_equal(skpi_import_preset_from_name(&out, "nope"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_import_preset_from_name(NULL, "auto"), SKPI_EMISUSE);
    assert_int_equal(skpi_import_preset_from_name(&out, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_import_skip_max(), SKPI_IMPORT_SKIP_EXPORT_ERROR);
}

static void options_init_and_versions(void **state)
{
    (void)state;
    skpi_import_options o;
    memset(&o, 0xff, sizeof o);
    assert_int_equal(skpi_import_options_init(&o, SKPI_IMPORT_OPTIONS_VERSION), SKPI_OK);
    assert_int_equal(o.version, SKPI_IMPORT_OPTIONS_VERSION);
    assert_int_equal(o.preset, SKPI_IMPORT_AUTO);
    assert_null(o.channel);
    assert_null(o.export_date);
    assert_int_equal(o.utc_offset_minutes, 0);
    assert_null(o.columns);
    assert_int_equal(o.column_count, 0);
    assert_int_equal(o.delimiter, 0);
    assert_int_equal(o.date_order, SKPI_IMPORT_DATE_ORDER_AUTO);
    assert_null(o.covers_from);
    assert_null(o.covers_to);
    assert_int_equal(skpi_import_options_init(&o, 99), SKPI_EVERSION);
    assert_int_equal(skpi_import_options_init(&o, 0), SKPI_EVERSION);

    /* A version 1 struct ends at `delimiter`: the library neither writes
     * nor reads past it. */
    struct { skpi_import_options v1; } guard;
    memset(&guard, 0x5a, sizeof guard);
    assert_int_equal(skpi_import_options_init(&guard.v1, 1), SKPI_OK);
    const unsigned char *tail = (const unsigned char *)&guard.v1.date_order;
    for (size_t i = 0; i < sizeof guard.v1 - offsetof(skpi_import_options, date_order); i++)
        assert_int_equal(tail[i], 0x5a);
    skpi_dataset *v1ds = new_dataset();
    static const char csv1[] = "date,channel,metric,value\n2026-07-14,x:@a,impressions,5\n";
    assert_int_equal(skpi_import_buffer(NULL, v1ds, csv1, sizeof csv1 - 1, NULL, &guard.v1),
                     SKPI_OK);
    assert_true(at(v1ds, "impressions", "x:@a", "2026-07-14") == 5.0);
    skpi_dataset_free(v1ds);
    assert_int_equal(skpi_import_options_init(NULL, SKPI_IMPORT_OPTIONS_VERSION), SKPI_EMISUSE);

    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum = (skpi_import_summary *)&o; /* set to NULL on error */
    o.version = 7;
    assert_int_equal(skpi_import_buffer(&sum, ds, "a", 1, NULL, &o), SKPI_EVERSION);
    assert_null(sum);
    skpi_import_options_init(&o, SKPI_IMPORT_OPTIONS_VERSION);
    o.preset = 42;
    assert_int_equal(skpi_import_buffer(NULL, ds, "a", 1, NULL, &o), SKPI_EINVAL);
    o.preset = SKPI_IMPORT_AUTO;
    o.utc_offset_minutes = 2000;
    assert_int_equal(skpi_import_buffer(NULL, ds, "a", 1, NULL, &o), SKPI_EINVAL);
    o.utc_offset_minutes = 0;
    o.export_date = "14/07/2026";
    assert_int_equal(skpi_import_buffer(NULL, ds, "a", 1, NULL, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "export date"));
    o.export_date = NULL;
    o.channel = "no colon";
    assert_int_equal(skpi_import_buffer(NULL, ds, "a", 1, NULL, &o), SKPI_EINVAL);
    o.channel = NULL;
    o.preset = SKPI_IMPORT_GENERIC_WIDE;
    assert_int_equal(skpi_import_buffer(NULL, ds, "a", 1, NULL, &o), SKPI_EINVAL);
    skpi_import_column bad = { "x", "engagement_rate_reach" };
    o.columns = &bad;
    o.column_count = 1;
    assert_int_equal(skpi_import_buffer(NULL, ds, "a", 1, NULL, &o), SKPI_EINVAL);
    o.columns = NULL;
    assert_int_equal(skpi_import_buffer(NULL, ds, "a", 1, NULL, &o), SKPI_EMISUSE);
    o.column_count = 0;
    o.preset = SKPI_IMPORT_AUTO;
    o.delimiter = '"';
    assert_int_equal(skpi_import_buffer(NULL, ds, "a", 1, NULL, &o), SKPI_EINVAL);

    assert_int_equal(skpi_import_buffer(NULL, NULL, "a", 1, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_import_buffer(NULL, ds, NULL, 1, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_import_file(NULL, ds, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_import_file(NULL, NULL, "x", NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_import_file(NULL, ds, "tests/fixtures/import/no-such-file.csv", NULL),
                     SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "no-such-file.csv"));
    assert_int_equal(skpi_dataset_channel_count(ds), 0);
    skpi_dataset_free(ds);
}

static void summary_getters_accept_null(void **state)
{
    (void)state;
    assert_int_equal(skpi_import_summary_preset(NULL), 0);
    assert_int_equal(skpi_import_summary_header_line(NULL), 0);
    assert_int_equal(skpi_import_summary_rows(NULL), 0);
    assert_int_equal(skpi_import_summary_points(NULL), 0);
    assert_int_equal(skpi_import_summary_series(NULL), 0);
    assert_int_equal(skpi_import_summary_posts(NULL), 0);
    assert_int_equal(skpi_import_summary_posts_updated(NULL), 0);
    assert_int_equal(skpi_import_summary_skipped(NULL, 0), 0);
    assert_int_equal(skpi_import_summary_ignored_count(NULL), 0);
    assert_null(skpi_import_summary_ignored(NULL, 0));
    assert_int_equal(skpi_import_summary_points_updated(NULL), 0);
    assert_int_equal(skpi_import_summary_warning_count(NULL), 0);
    assert_null(skpi_import_summary_warning(NULL, 0));
    assert_int_equal(skpi_import_summary_error_row_count(NULL), 0);
    assert_int_equal(skpi_import_summary_error_row_line(NULL, 0), 0);
    skpi_period p;
    assert_int_equal(skpi_import_summary_covers(NULL, &p), SKPI_EMISUSE);
    skpi_import_summary_free(NULL);
}

/* ---- X -------------------------------------------------------------------------- */

static void x_tweets_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset_with_extras();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("x_tweets.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_X_TWEETS);
    assert_int_equal(skpi_import_summary_header_line(sum), 1);
    assert_int_equal(skpi_import_summary_rows(sum), 3);
    assert_int_equal(skpi_import_summary_posts(sum), 3);
    assert_int_equal(skpi_import_summary_posts_updated(sum), 0);
    /* Rates are recomputed by the catalog, never imported; promoted columns
     * whose metric the catalog lacks are reported. */
    assert_true(ignored(sum, "engagement rate"));
    assert_true(ignored(sum, "promoted likes"));
    assert_false(ignored(sum, "promoted impressions"));
    skpi_import_summary_free(sum);

    const char *ch = "x:@acme";
    /* 2026-07-14: tweets 1001 (1000 impressions) and 1002 (500): 1500.
     * 2026-07-15: the third tweet, 200. */
    assert_true(at(ds, "impressions", ch, "2026-07-14") == 1500.0);
    assert_true(at(ds, "impressions", ch, "2026-07-15") == 200.0);
    /* likes 20 + 4 = 24; replies (comments) 2 + 0 = 2 */
    assert_true(at(ds, "likes", ch, "2026-07-14") == 24.0);
    assert_true(at(ds, "comments", ch, "2026-07-14") == 2.0);
    assert_true(at(ds, "posts_published", ch, "2026-07-14") == 2.0);
    assert_true(at(ds, "posts_published", ch, "2026-07-15") == 1.0);
    /* url clicks "-" on the only tweet of 07-15: missing, never zero */
    assert_true(isnan(at(ds, "link_clicks", ch, "2026-07-15")));
    assert_true(at(ds, "link_clicks", ch, "2026-07-14") == 12.0);
    /* promoted impressions: only tweet 1002 was promoted (300); 07-15 has none */
    assert_true(at(ds, "impressions_paid", ch, "2026-07-14") == 300.0);
    assert_true(isnan(at(ds, "impressions_paid", ch, "2026-07-15")));

    const skpi_post *p = post(ds, ch, "1001");
    assert_non_null(p);
    assert_string_equal(skpi_post_text(p), "Launch day, \"finally\"!\nMore soon &amp; thanks");
    assert_string_equal(skpi_post_link(p), "https://twitter.com/acme/status/1001");
    assert_int_equal(skpi_post_published(p), day("2026-07-14T16:00:00Z"));
    assert_true(post_value(p, "impressions") == 1000.0);
    assert_true(post_value(p, "shares") == 5.0);
    /* The id Excel wrote as 8.12369747765363E+17 comes back from the permalink. */
    p = post(ds, ch, "812369747765362688");
    assert_non_null(p);
    assert_true(isnan(post_value(p, "link_clicks")));
    skpi_dataset_free(ds);
}

static void x_daily_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.channel = "x:@acme";
    assert_int_equal(import_with(ds, FIXTURE("x_daily.csv"), &o, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_X_DAILY);
    assert_int_equal(skpi_import_summary_rows(sum), 3);
    assert_int_equal(skpi_import_summary_posts(sum), 0);
    skpi_import_summary_free(sum);
    assert_true(at(ds, "impressions", "x:@acme", "2026-07-01") == 1200.0);
    assert_true(at(ds, "engagements", "x:@acme", "2026-07-03") == 40.0);
    assert_true(at(ds, "posts_published", "x:@acme", "2026-07-02") == 0.0);
    assert_true(at(ds, "likes", "x:@acme", "2026-07-01") == 30.0);
    assert_true(isnan(at(ds, "likes", "x:@acme", "2026-07-03")));
    assert_int_equal(skpi_dataset_post_count(ds), 0);
    skpi_dataset_free(ds);
}

static void x_content_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("x_content.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_X_CONTENT);
    assert_int_equal(skpi_import_summary_posts(sum), 3);
    skpi_import_summary_free(sum);
    /* "1,234" + "766" on Tue, Jul 14, 2026; "2,000" on the 15th */
    assert_true(at(ds, "impressions", "x:@acme", "2026-07-14") == 2000.0);
    assert_true(at(ds, "impressions", "x:@acme", "2026-07-15") == 2000.0);
    /* Reposts are shares: 5 + 0 */
    assert_true(at(ds, "shares", "x:@acme", "2026-07-14") == 5.0);
    /* Bookmarks are saves: 2 + 0 */
    assert_true(at(ds, "saves", "x:@acme", "2026-07-14") == 2.0);
    const skpi_post *p = post(ds, "x:@acme", "1945000000000000001");
    assert_non_null(p);
    assert_true(post_value(p, "impressions") == 1234.0);
    assert_string_equal(skpi_post_text(p), "First, with a comma");
    skpi_dataset_free(ds);
}

static void x_overview_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("x_overview.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_X_OVERVIEW);
    skpi_import_summary_free(sum);
    /* No account in the file: the channel is x:default. */
    assert_true(at(ds, "impressions", "x:default", "2026-07-13") == 12345.0);
    assert_true(at(ds, "lost_followers", "x:default", "2026-07-14") == 6.0);
    assert_true(at(ds, "video_views", "x:default", "2026-07-13") == 1000.0);
    assert_true(at(ds, "posts_published", "x:default", "2026-07-14") == 1.0);
    skpi_dataset_free(ds);
}

/* ---- Meta ------------------------------------------------------------------------ */

static void facebook_posts_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("facebook_posts.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_FACEBOOK_POSTS);
    assert_int_equal(skpi_import_summary_posts(sum), 3);
    skpi_import_summary_free(sum);
    const char *ch = "facebook:Acme Corp";
    /* 07/14/2026: 5000 + 3000 impressions, reach 4000 + 2500 */
    assert_true(at(ds, "impressions", ch, "2026-07-14") == 8000.0);
    assert_true(at(ds, "reach", ch, "2026-07-14") == 6500.0);
    /* Reactions are likes: 100 + 60; on the 15th the post has none written */
    assert_true(at(ds, "likes", ch, "2026-07-14") == 160.0);
    assert_true(isnan(at(ds, "likes", ch, "2026-07-15")));
    /* 3-second video views: only the video has them (800) */
    assert_true(at(ds, "video_views", ch, "2026-07-14") == 800.0);
    assert_true(at(ds, "link_clicks", ch, "2026-07-14") == 50.0);
    const skpi_post *p = post(ds, ch, "123_457");
    assert_non_null(p);
    assert_string_equal(skpi_post_type(p), "Videos");
    assert_int_equal(skpi_post_published(p), day("2026-07-14T18:30:00Z"));
    skpi_dataset_free(ds);
}

/* Meta's "Custom labels": comma-separated labels the post carries, kept as
 * its tags. Worked out by hand from the fixture: 3001_1 "Spring sale,
 * Launch" -> Spring sale, Launch; 3001_2 "launch,LAUNCH ,  , Spring Sale,#"
 * -> launch, Spring Sale (one tag whatever the case; blank pieces and a
 * lone '#' are no labels); 3001_3 none; 3001_4 Café, Crème brûlée. */
static void assert_tags(const skpi_dataset *ds, const char *id, const char *const *want, size_t n)
{
    const skpi_post *p = post(ds, "facebook:Acme Bakery", id);
    assert_non_null(p);
    assert_int_equal(skpi_post_tag_count(p), n);
    for (size_t i = 0; i < n; i++) assert_string_equal(skpi_post_tag(p, i), want[i]);
}

static void meta_custom_labels_are_tags(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("facebook_posts_labels.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_FACEBOOK_POSTS);
    assert_int_equal(skpi_import_summary_posts(sum), 4);
    skpi_import_summary_free(sum);
    const char *one[] = { "Spring sale", "Launch" }, *two[] = { "launch", "Spring Sale" };
    const char *four[] = { "Caf\xC3\xA9", "Cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e" };
    assert_tags(ds, "3001_1", one, 2);
    assert_tags(ds, "3001_2", two, 2);
    assert_tags(ds, "3001_3", NULL, 0);
    assert_tags(ds, "3001_4", four, 2);
    assert_int_equal(skpi_post_has_tag(post(ds, "facebook:Acme Bakery", "3001_1"), "#SPRING SALE"), 1);
    assert_int_equal(skpi_post_has_tag(post(ds, "facebook:Acme Bakery", "3001_3"), "launch"), 0);

    /* A later export restating a post replaces its labels; one without the
     * column leaves them alone. */
    static const char relabel[] =
        "\"Post ID\",\"Page ID\",\"Page name\",\"Publish time\",\"Custom labels\",\"Reactions\"\n"
        "\"3001_1\",\"3001\",\"Acme Bakery\",\"03/02/2026 09:00\",\"Evergreen\",\"41\"\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, relabel, sizeof relabel - 1, "relabel.csv", NULL), SKPI_OK);
    const char *evergreen[] = { "Evergreen" };
    assert_tags(ds, "3001_1", evergreen, 1);
    static const char unlabelled[] =
        "\"Post ID\",\"Page ID\",\"Page name\",\"Publish time\",\"Reactions\"\n"
        "\"3001_2\",\"3001\",\"Acme Bakery\",\"03/03/2026 12:30\",\"91\"\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, unlabelled, sizeof unlabelled - 1, "plain.csv", NULL), SKPI_OK);
    assert_tags(ds, "3001_2", two, 2);

    /* Labels that are not UTF-8: the row is named, nothing changes. */
    static const char bad[] =
        "\"Post ID\",\"Page ID\",\"Page name\",\"Publish time\",\"Custom labels\",\"Reactions\"\n"
        "\"3001_1\",\"3001\",\"Acme Bakery\",\"03/02/2026 09:00\",\"Fine\",\"41\"\n"
        "\"3001_4\",\"3001\",\"Acme Bakery\",\"03/05/2026 08:15\",\"Caf\xC3(\",\"55\"\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, bad, sizeof bad - 1, "bad.csv", NULL), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "bad.csv: line 3, column 5 (\"Custom labels\"): the labels are not valid UTF-8"));
    assert_tags(ds, "3001_1", evergreen, 1);
    assert_tags(ds, "3001_4", four, 2);
    skpi_dataset_free(ds);
}

static void instagram_posts_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("instagram_posts.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_INSTAGRAM_POSTS);
    assert_int_equal(skpi_import_summary_posts(sum), 2);
    skpi_import_summary_free(sum);
    assert_true(at(ds, "impressions", "instagram:@acme", "2026-07-14") == 6000.0);
    assert_true(at(ds, "saves", "instagram:@acme", "2026-07-16") == 30.0);
    assert_true(at(ds, "video_views", "instagram:@acme", "2026-07-14") == 7000.0);
    assert_true(isnan(at(ds, "video_views", "instagram:@acme", "2026-07-16")));
    assert_true(at(ds, "new_followers", "instagram:@acme", "2026-07-14") == 5.0);
    const skpi_post *p = post(ds, "instagram:@acme", "17900000000000001");
    assert_non_null(p);
    assert_string_equal(skpi_post_type(p), "IG reel");
    skpi_dataset_free(ds);
}

static void meta_daily_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    /* UTF-16 LE with a BOM, a sep=, line, then "Facebook Page reach". */
    assert_int_equal(import_with(ds, FIXTURE("meta_daily_reach.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_META_DAILY);
    assert_int_equal(skpi_import_summary_header_line(sum), 3);
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_PREAMBLE), 1);
    assert_int_equal(skpi_import_summary_rows(sum), 3);
    skpi_import_summary_free(sum);
    assert_true(at(ds, "reach", "facebook:default", "2026-07-13") == 1200.0);
    assert_true(at(ds, "reach", "facebook:default", "2026-07-14") == 1500.0);
    assert_true(at(ds, "reach", "facebook:default", "2026-07-15") == 900.0);

    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.channel = "instagram:@acme";
    assert_int_equal(import_with(ds, FIXTURE("meta_daily_ig_follows.csv"), &o, &sum), SKPI_OK);
    /* The row whose only value is "-" carries nothing. */
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_NO_VALUE), 1);
    skpi_import_summary_free(sum);
    assert_int_equal(points(ds, "new_followers", "instagram:@acme"), 2);
    assert_true(at(ds, "new_followers", "instagram:@acme", "2026-07-15") == 7.0);
    skpi_dataset_free(ds);
}

/* ---- LinkedIn, YouTube, TikTok, Sprout ------------------------------------------- */

static void linkedin_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("linkedin_metrics.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_LINKEDIN_METRICS);
    assert_int_equal(skpi_import_summary_header_line(sum), 2);
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_PREAMBLE), 1);
    /* organic/sponsored splits are kept apart: absent from the built-in catalog */
    assert_true(ignored(sum, "Impressions (organic)"));
    assert_true(ignored(sum, "Impressions (sponsored)"));
    skpi_import_summary_free(sum);
    const char *ch = "linkedin:default";
    assert_true(at(ds, "impressions", ch, "2026-07-13") == 1500.0);
    assert_true(at(ds, "impressions", ch, "2026-07-14") == 2000.0);
    assert_true(at(ds, "likes", ch, "2026-07-13") == 45.0);
    assert_true(at(ds, "link_clicks", ch, "2026-07-14") == 50.0);
    assert_true(at(ds, "shares", ch, "2026-07-13") == 2.0);
    skpi_dataset_free(ds);
}

static void youtube_table_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset_with_extras();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("youtube_table.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_YOUTUBE_TABLE);
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_TOTAL), 1);
    assert_int_equal(skpi_import_summary_rows(sum), 3);
    skpi_import_summary_free(sum);
    const char *ch = "youtube:default";
    assert_int_equal(points(ds, "video_views", ch), 2);
    assert_true(at(ds, "video_views", ch, "2026-07-13") == 1000.0);
    /* 40.25 hours = 40.25 * 3600 = 144900 seconds */
    assert_true(at(ds, "watch_time", ch, "2026-07-13") == 144900.0);
    assert_true(at(ds, "impressions", ch, "2026-07-14") == 25000.0);
    assert_true(at(ds, "shares", ch, "2026-07-14") == 12.0);
    skpi_dataset_free(ds);
}

static void youtube_chart_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("youtube_chart.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_YOUTUBE_CHART);
    skpi_import_summary_free(sum);
    /* two videos on 07-13: 400 + 600 */
    assert_true(at(ds, "video_views", "youtube:default", "2026-07-13") == 1000.0);
    assert_true(at(ds, "video_views", "youtube:default", "2026-07-14") == 700.0);
    skpi_dataset_free(ds);
}

static void tiktok_presets(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    /* Without an export date the year cannot be known. */
    assert_int_equal(import_with(ds, FIXTURE("tiktok_overview.csv"), NULL, &sum), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "export date"));
    assert_int_equal(skpi_dataset_channel_count(ds), 0);

    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.export_date = "2026-01-05";
    o.channel = "tiktok:@acme";
    assert_int_equal(import_with(ds, FIXTURE("tiktok_overview.csv"), &o, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_TIKTOK_OVERVIEW);
    /* January 2: every value "undefined" */
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_NO_VALUE), 1);
    skpi_import_summary_free(sum);
    /* December lies after the export's January 5: the year before. */
    assert_true(at(ds, "video_views", "tiktok:@acme", "2025-12-30") == 100.0);
    assert_true(at(ds, "video_views", "tiktok:@acme", "2026-01-01") == 300.0);
    assert_true(isnan(at(ds, "likes", "tiktok:@acme", "2026-01-01")));
    assert_true(at(ds, "likes", "tiktok:@acme", "2026-01-02") == ABSENT);

    assert_int_equal(import_with(ds, FIXTURE("tiktok_followers.csv"), &o, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_TIKTOK_FOLLOWERS);
    skpi_import_summary_free(sum);
    assert_true(at(ds, "followers", "tiktok:@acme", "2025-12-31") == 1000.0);
    assert_true(at(ds, "followers", "tiktok:@acme", "2026-01-02") == 1008.0);
    skpi_dataset_free(ds);
}

static void tiktok_leap_day(void **state)
{
    (void)state;
    /* Exported 2025-03-01, the rows in order: "February 29" can only be
     * 2024's, and the days around it with it. */
    static const char csv[] = "Date,Followers,Difference in followers from previous day\n"
                              "February 28,10,1\nFebruary 29,11,1\nMarch 1,12,1\n";
    skpi_dataset *ds = new_dataset();
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.export_date = "2025-03-01";
    assert_int_equal(skpi_import_buffer(NULL, ds, csv, sizeof csv - 1, "leap.csv", &o), SKPI_OK);
    assert_true(at(ds, "followers", "tiktok:default", "2024-02-28") == 10.0);
    assert_true(at(ds, "followers", "tiktok:default", "2024-02-29") == 11.0);
    assert_true(at(ds, "followers", "tiktok:default", "2024-03-01") == 12.0);
    assert_int_equal(points(ds, "followers", "tiktok:default"), 3);
    skpi_dataset_free(ds);
}

static void youtube_videos_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("youtube_videos.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_YOUTUBE_VIDEOS);
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_TOTAL), 1);
    assert_int_equal(skpi_import_summary_posts(sum), 3);
    skpi_import_summary_free(sum);
    const skpi_post *p = post(ds, "youtube:default", "aB3-xY_9kLm");
    assert_non_null(p);
    assert_int_equal(skpi_post_published(p), day("2025-03-04"));
    assert_string_equal(skpi_post_text(p), "Planner tour, part 1");
    /* 503.1104 hours */
    assert_true(post_value(p, "watch_time") == 503.1104 * 3600);
    /* two videos published on March 4: 8120 + 4210 views */
    assert_true(at(ds, "video_views", "youtube:default", "2025-03-04") == 12330.0);
    assert_true(at(ds, "posts_published", "youtube:default", "2025-03-04") == 2.0);
    assert_true(at(ds, "video_views", "youtube:default", "2025-02-27") == 3543.0);
    skpi_dataset_free(ds);
}

/* Dates as X 2024+, YouTube Studio and TikTok Studio write them. */
static void platform_dates(void **state)
{
    (void)state;
    skpi__date d;
    /* X content export: a weekday and no commas */
    assert_true(skpi__date_parse("Mon Feb 17 2025", 15, SKPI__DATE_ANY, &d));
    assert_true(d.year == 2025 && d.month == 2 && d.day == 17);
    assert_true(skpi__date_parse("Sun Feb 9 2025", 14, SKPI__DATE_NAMED, &d));
    assert_true(d.year == 2025 && d.month == 2 && d.day == 9);
    /* a weekday alone is no date */
    assert_false(skpi__date_parse("Mon", 3, SKPI__DATE_ANY, &d));
    assert_false(skpi__date_parse("Mon 2025", 8, SKPI__DATE_ANY, &d));
    /* TikTok: year first with slashes; month names of six languages */
    assert_true(skpi__date_parse("2025/10/31", 10, SKPI__DATE_ANY_NOYEAR, &d));
    assert_true(d.year == 2025 && d.month == 10 && d.day == 31);
    assert_false(skpi__date_parse("2025/10-31", 10, SKPI__DATE_ISO, &d));
    static const struct { const char *text; int month, day; } noyear[] = {
        { "February 28", 2, 28 }, { "8 de marzo", 3, 8 }, { "8 de mar\xC3\xA7o", 3, 8 },
        { "8 mars", 3, 8 }, { "8. M\xC3\xA4rz", 3, 8 }, { "8 marzo", 3, 8 },
        { "26 d\xC3\xA9" "c.", 12, 26 }, { "3 janv.", 1, 3 }, { "1 ao\xC3\xBBt", 8, 1 },
        { "31 DICIEMBRE", 12, 31 }, { "5 de fev.", 2, 5 }, { "29 febbraio", 2, 29 },
    };
    for (size_t i = 0; i < sizeof noyear / sizeof noyear[0]; i++) {
        const char *t = noyear[i].text;
        assert_true(skpi__date_parse(t, strlen(t), SKPI__DATE_ANY_NOYEAR, &d));
        assert_true(d.year == 0 && d.month == noyear[i].month && d.day == noyear[i].day);
    }
    assert_true(skpi__date_parse("8 de marzo de 2025", 18, SKPI__DATE_ANY, &d));
    assert_true(d.year == 2025 && d.month == 3 && d.day == 8);
    assert_true(skpi__date_parse("8. M\xC3\xA4rz 2025", 13, SKPI__DATE_NAMED, &d));
    assert_true(d.year == 2025 && d.month == 3);
    assert_false(skpi__date_parse("8 de", 4, SKPI__DATE_ANY_NOYEAR, &d));
    assert_false(skpi__date_parse("8 brumaire", 10, SKPI__DATE_ANY_NOYEAR, &d));
    assert_false(skpi__date_parse("30 febrero", 10, SKPI__DATE_ANY_NOYEAR, &d));
}

/* Years of dates without one follow the order of the rows. */
static void tiktok_years_follow_the_rows(void **state)
{
    (void)state;
    int years[5];
    size_t bad = 0;
    /* Feb 28, Mar 1, ..., Dec 31, Jan 1, Feb 27 exported on Feb 28, 2026 */
    const unsigned asc[5] = { 2 * 32 + 28, 3 * 32 + 1, 12 * 32 + 31, 1 * 32 + 1, 2 * 32 + 27 };
    assert_true(skpi__infer_years(asc, 5, 2026, 2 * 32 + 28, years, &bad));
    assert_true(years[0] == 2025 && years[1] == 2025 && years[2] == 2025 && years[3] == 2026 &&
                years[4] == 2026);
    /* newest first, and a row with its own year (key 0) between */
    const unsigned desc[5] = { 1 * 32 + 2, 0, 1 * 32 + 1, 12 * 32 + 31, 12 * 32 + 30 };
    assert_true(skpi__infer_years(desc, 5, 2026, 1 * 32 + 1, years, &bad));
    /* January 2 lies after the export's January 1: 2025, and the rest before it */
    assert_true(years[0] == 2025 && years[1] == 0 && years[2] == 2025 && years[3] == 2024 &&
                years[4] == 2024);
    /* Two rows across the new year, oldest first: one day apart, not 364. */
    const unsigned pair[2] = { 12 * 32 + 31, 1 * 32 + 1 };
    assert_true(skpi__infer_years(pair, 2, 2026, 1 * 32 + 2, years, &bad));
    assert_true(years[0] == 2025 && years[1] == 2026);
    /* A February 29 moves the run back to a leap year. */
    const unsigned leap[3] = { 2 * 32 + 28, 2 * 32 + 29, 3 * 32 + 1 };
    assert_true(skpi__infer_years(leap, 3, 2027, 3 * 32 + 1, years, &bad));
    assert_true(years[0] == 2024 && years[1] == 2024 && years[2] == 2024);
    /* Two February 29 a year apart fit no shift. */
    const unsigned two[3] = { 2 * 32 + 29, 1 * 32 + 1, 2 * 32 + 29 };
    assert_false(skpi__infer_years(two, 3, 2027, 3 * 32 + 1, years, &bad));
}

static void sprout_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("sprout_profiles.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_SPROUT_PROFILES);
    assert_int_equal(skpi_import_summary_rows(sum), 4);
    skpi_import_summary_free(sum);
    assert_int_equal(skpi_dataset_channel_count(ds), 2);
    assert_true(at(ds, "followers", "instagram:@acme", "2026-07-14") == 5012.0);
    assert_true(at(ds, "impressions", "instagram:@acme", "2026-07-13") == 1000.0);
    assert_true(at(ds, "impressions", "linkedin:Acme Corp", "2026-07-14") == 700.0);
    assert_true(at(ds, "posts_published", "instagram:@acme", "2026-07-14") == 2.0);
    assert_true(isnan(at(ds, "video_views", "linkedin:Acme Corp", "2026-07-13")));
    skpi_dataset_free(ds);
}

/* ---- generic layouts ------------------------------------------------------------- */

static void generic_long_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("generic_long.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_GENERIC_LONG);
    assert_int_equal(skpi_import_summary_rows(sum), 8);
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_DERIVED_METRIC), 1);
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_UNKNOWN_METRIC), 1);
    /* instagram impressions, instagram likes, x impressions */
    assert_int_equal(skpi_import_summary_series(sum), 3);
    skpi_import_summary_free(sum);
    /* 07-13 appears twice (100, then 110): the later row wins. */
    assert_true(at(ds, "impressions", "instagram:@acme", "2026-07-13") == 110.0);
    assert_true(at(ds, "impressions", "instagram:@acme", "2026-07-14") == 120.0);
    assert_true(at(ds, "likes", "instagram:@acme", "2026-07-13") == 10.0);
    assert_true(isnan(at(ds, "impressions", "x:@acme", "2026-07-14")));
    skpi_dataset_free(ds);
}

static void generic_wide_preset(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    skpi_import_column map[] = { { "Views", "video_views" }, { "Followers total", "followers" } };
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.columns = map;
    o.column_count = 2;
    o.date_column = "Day";
    o.channel = "youtube:acme";
    /* Detected from the mapping without naming the preset. */
    assert_int_equal(import_with(ds, FIXTURE("generic_wide.csv"), &o, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_GENERIC_WIDE);
    assert_true(ignored(sum, "Note"));
    skpi_import_summary_free(sum);
    assert_true(at(ds, "video_views", "youtube:acme", "2026-07-13") == 1000.0);
    assert_true(at(ds, "video_views", "youtube:acme", "2026-07-14") == 1500.0);
    assert_true(isnan(at(ds, "video_views", "youtube:acme", "2026-07-15")));
    assert_true(isnan(at(ds, "followers", "youtube:acme", "2026-07-14")));
    assert_true(at(ds, "followers", "youtube:acme", "2026-07-15") == 510.0);

    o.preset = SKPI_IMPORT_GENERIC_WIDE;
    skpi_import_column other[] = { { "Clicks", "link_clicks" } };
    o.columns = other;
    o.column_count = 1;
    assert_int_equal(import_with(ds, FIXTURE("generic_wide.csv"), &o, NULL), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "generic_wide"));
    skpi_dataset_free(ds);
}

/* ---- robustness ------------------------------------------------------------------ */

static void numbers_are_locale_free_and_missing_is_nan(void **state)
{
    (void)state;
    double v;
    bool pct;
    assert_int_equal(skpi__value_number("1777.0", 6, &v, &pct), SKPI__VALUE_OK);
    assert_true(v == 1777.0);
    assert_int_equal(skpi__value_number("1,234", 5, &v, &pct), SKPI__VALUE_OK);
    assert_true(v == 1234.0);
    assert_int_equal(skpi__value_number("12,345,678.5", 12, &v, &pct), SKPI__VALUE_OK);
    assert_true(v == 12345678.5);
    assert_int_equal(skpi__value_number("12.5%", 5, &v, &pct), SKPI__VALUE_OK);
    assert_true(v == 12.5 && pct);
    assert_int_equal(skpi__value_number(" -3.25 ", 7, &v, &pct), SKPI__VALUE_OK);
    assert_true(v == -3.25 && !pct);
    /* 1 234 with a no-break space as thousands separator */
    assert_int_equal(skpi__value_number("1\xC2\xA0" "234", 6, &v, &pct), SKPI__VALUE_OK);
    assert_true(v == 1234.0);
    assert_int_equal(skpi__value_number("0.009287925696594427", 20, &v, &pct), SKPI__VALUE_OK);
    assert_true(v == 0.009287925696594427);
    assert_int_equal(skpi__value_number("8.12369747765363E+17", 20, &v, &pct), SKPI__VALUE_OK);
    assert_true(v == 8.12369747765363e17);
    const char *missing[] = { "", "-", "\xE2\x80\x93", "undefined", "NA", "N/A", "  ", "--" };
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
        assert_int_equal(skpi__value_number(missing[i], strlen(missing[i]), &v, &pct),
                         SKPI__VALUE_MISSING);
        assert_true(isnan(v));
    }
    const char *bad[] = { "abc", "1,23", "1,2345", ",5", "12abc", "1e400", "%", "1..2" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(skpi__value_number(bad[i], strlen(bad[i]), &v, &pct), SKPI__VALUE_BAD);
    assert_int_equal(skpi__value_duration("1:02:03", 7, &v), SKPI__VALUE_OK);
    assert_true(v == 3723.0); /* 3600 + 2 * 60 + 3 */
    assert_int_equal(skpi__value_duration("2:05", 4, &v), SKPI__VALUE_OK);
    assert_true(v == 125.0);
    assert_int_equal(skpi__value_duration("45", 2, &v), SKPI__VALUE_OK);
    assert_true(v == 45.0);
    assert_int_equal(skpi__value_duration("-", 1, &v), SKPI__VALUE_MISSING);
    assert_int_equal(skpi__value_duration("1:60", 4, &v), SKPI__VALUE_BAD);
    assert_int_equal(skpi__value_duration("1:2:3:4", 7, &v), SKPI__VALUE_BAD);
    assert_int_equal(skpi__value_duration("1:", 2, &v), SKPI__VALUE_BAD);
}

static void dates_of_every_form(void **state)
{
    (void)state;
    skpi__date d;
    skpi_time t;
    assert_true(skpi__date_parse("2021-11-30 16:00 +0000", 22, SKPI__DATE_ISO, &d));
    assert_true(skpi__date_time(&d, 60, &t)); /* the text's offset wins */
    assert_int_equal(t, day("2021-11-30T16:00:00Z"));
    assert_true(skpi__date_parse("2026-07-14", 10, SKPI__DATE_ISO, &d));
    assert_true(skpi__date_time(&d, 120, &t)); /* midnight at UTC+2 */
    assert_int_equal(t, day("2026-07-13T22:00:00Z"));
    assert_true(skpi__date_parse("07/14/2026 4:05 PM", 18, SKPI__DATE_US, &d));
    assert_int_equal(d.hour, 16);
    assert_true(skpi__date_parse("Tue, Jul 14, 2026", 17, SKPI__DATE_NAMED, &d));
    assert_true(d.year == 2026 && d.month == 7 && d.day == 14);
    assert_true(skpi__date_parse("Sept 3, 2025", 12, SKPI__DATE_ANY, &d));
    assert_true(d.month == 9 && d.day == 3);
    assert_true(skpi__date_parse("July 14", 7, SKPI__DATE_NOYEAR, &d));
    assert_true(d.year == 0 && d.month == 7 && d.day == 14);
    assert_false(skpi__date_parse("2023-02-29", 10, SKPI__DATE_ISO, &d));
    assert_false(skpi__date_parse("2026-13-01", 10, SKPI__DATE_ANY, &d));
    assert_false(skpi__date_parse("14/07/2026", 10, SKPI__DATE_ANY, &d));
    assert_false(skpi__date_parse("July 32", 7, SKPI__DATE_NOYEAR, &d));
    assert_false(skpi__date_parse("yesterday", 9, SKPI__DATE_ANY, &d));
}

static void encodings_and_preambles(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    /* UTF-16 BE with a BOM, a quoted "sep=;" line, CRLF, semicolons. */
    static const char u8[] = "\"sep=;\"\r\ndate;channel;metric;value\r\n"
                             "2026-07-13;x:@\xC3\xA9t\xC3\xA9;likes;\"1,500\"\r\n";
    unsigned char be[256];
    size_t n = 0;
    be[n++] = 0xFE;
    be[n++] = 0xFF;
    for (size_t i = 0; i < sizeof u8 - 1; i++) {
        unsigned char c = (unsigned char)u8[i];
        unsigned cp = c;
        if (c >= 0xC0) { /* the two-byte é only */
            cp = ((c & 0x1Fu) << 6) | ((unsigned char)u8[i + 1] & 0x3Fu);
            i++;
        }
        be[n++] = (unsigned char)(cp >> 8);
        be[n++] = (unsigned char)(cp & 0xFF);
    }
    skpi_import_summary *sum;
    assert_int_equal(skpi_import_buffer(&sum, ds, be, n, "be.csv", NULL), SKPI_OK);
    assert_int_equal(skpi_import_summary_header_line(sum), 2);
    skpi_import_summary_free(sum);
    assert_true(at(ds, "likes", "x:@\xC3\xA9t\xC3\xA9", "2026-07-13") == 1500.0);

    /* UTF-8 with a BOM and a blank line and title lines above the header. */
    static const char bom[] = "\xEF\xBB\xBFMy report\n\n,\ndate,channel,metric,value\n"
                              "2026-07-14,x:@a,likes,2\n\n   \n2026-07-15,x:@a,likes,3\n";
    assert_int_equal(skpi_import_buffer(&sum, ds, bom, sizeof bom - 1, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_import_summary_header_line(sum), 4);
    assert_int_equal(skpi_import_summary_skipped(sum, SKPI_IMPORT_SKIP_PREAMBLE), 2);
    assert_int_equal(skpi_import_summary_rows(sum), 2);
    skpi_import_summary_free(sum);
    assert_true(at(ds, "likes", "x:@a", "2026-07-15") == 3.0);

    /* A tab-separated file through the delimiter option. */
    static const char tsv[] = "date\tchannel\tmetric\tvalue\n2026-07-16\tx:@a\tlikes\t4\n";
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.delimiter = '\t';
    assert_int_equal(skpi_import_buffer(NULL, ds, tsv, sizeof tsv - 1, NULL, &o), SKPI_OK);
    assert_true(at(ds, "likes", "x:@a", "2026-07-16") == 4.0);
    skpi_dataset_free(ds);
}

static void percents_follow_the_unit(void **state)
{
    (void)state;
    skpi_dataset *ds = dataset_with_extras();
    skpi_import_column map[] = { { "ratio", "share_ratio" }, { "pct", "share_pct" } };
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.columns = map;
    o.column_count = 2;
    static const char csv[] = "date,ratio,pct\n2026-07-13,12.5%,12.5%\n2026-07-14,0.25,30\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, csv, sizeof csv - 1, NULL, &o), SKPI_OK);
    /* a ratio metric stores 12.5% as 0.125; a percent metric keeps 12.5 */
    assert_true(at(ds, "share_ratio", "generic:default", "2026-07-13") == 0.125);
    assert_true(at(ds, "share_pct", "generic:default", "2026-07-13") == 12.5);
    assert_true(at(ds, "share_ratio", "generic:default", "2026-07-14") == 0.25);
    /* a percentage in a count column is an error */
    static const char bad[] = "date,channel,metric,value\n2026-07-13,x:@a,likes,5%\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, bad, sizeof bad - 1, "p.csv", NULL),
                     SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "p.csv: line 2, column 4"));
    skpi_dataset_free(ds);
}

static void empty_and_header_only(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    assert_int_equal(skpi_import_buffer(NULL, ds, "", 0, "e.csv", NULL), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "empty"));
    assert_int_equal(skpi_import_buffer(NULL, ds, NULL, 0, "e.csv", NULL), SKPI_EPARSE);
    skpi_import_summary *sum;
    static const char h[] = "date,channel,metric,value";
    assert_int_equal(skpi_import_buffer(&sum, ds, h, sizeof h - 1, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_import_summary_rows(sum), 0);
    assert_int_equal(skpi_import_summary_points(sum), 0);
    skpi_import_summary_free(sum);
    skpi_dataset_free(ds);
}

/* The reader gives the same records whatever the sizes of the pieces it is
 * fed: file blocks split UTF-16 units, BOMs, sep= lines and quoted fields. */
typedef struct digest {
    size_t records, fields;
    uint64_t lines, hash;
} digest;

static int digest_record(void *ctx, const skpi__record *r)
{
    digest *d = ctx;
    d->records++;
    d->fields += r->n;
    d->lines = d->lines * 31 + r->line;
    for (size_t i = 0; i < r->n; i++)
        for (size_t k = 0; k <= r->len[i]; k++) /* the terminating NUL too */
            d->hash = (d->hash ^ (unsigned char)r->field[i][k]) * 1099511628211u;
    return 0;
}

static digest read_in_pieces(const char *data, size_t n, size_t piece)
{
    digest d = { 0, 0, 0, 14695981039346656037u };
    skpi__reader r;
    skpi__reader_init(&r, "pieces", 0, digest_record, &d);
    for (size_t off = 0; off < n; off += piece)
        assert_int_equal(skpi__reader_feed(&r, data + off, n - off < piece ? n - off : piece),
                         SKPI_OK);
    assert_int_equal(skpi__reader_finish(&r), SKPI_OK);
    skpi__reader_free(&r);
    return d;
}

static char *slurp(const char *path, size_t *size);

static void reader_streams_in_any_pieces(void **state)
{
    (void)state;
    static const char *const files[] = { FIXTURE("meta_daily_reach.csv"), FIXTURE("x_tweets.csv"),
                                         FIXTURE("instagram_posts.csv"),
                                         FIXTURE("x_tweets_unquoted_updated.csv") };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        size_t n;
        char *buf = slurp(files[f], &n);
        digest whole = read_in_pieces(buf, n, n);
        assert_true(whole.records >= 3);
        for (size_t piece = 1; piece <= 7; piece++) {
            digest d = read_in_pieces(buf, n, piece);
            assert_int_equal(d.records, whole.records);
            assert_int_equal(d.fields, whole.fields);
            assert_true(d.lines == whole.lines);
            assert_true(d.hash == whole.hash);
        }
        free(buf);
    }
    /* meta_daily_reach.csv: sep=, on line 1, the metric name on line 2, the
     * header on line 3 and three days: 4 records of 1 + 2 + 2 + 2 + 2 fields */
    size_t n;
    char *buf = slurp(FIXTURE("meta_daily_reach.csv"), &n);
    digest d = read_in_pieces(buf, n, 3);
    assert_int_equal(d.records, 5);
    assert_int_equal(d.fields, 9);
    free(buf);
}

/* ---- malformed files leave the dataset as it was ------------------------------- */

typedef struct snapshot {
    size_t channels, posts, points;
    double sum;
} snapshot;

static snapshot take(const skpi_dataset *ds)
{
    snapshot s = { skpi_dataset_channel_count(ds), skpi_dataset_post_count(ds), 0, 0 };
    const char *metrics[] = { "impressions", "likes", "posts_published" };
    for (size_t c = 0; c < s.channels; c++) {
        for (size_t m = 0; m < 3; m++) {
            const skpi_series *ser;
            if (skpi_dataset_series(&ser, ds, metrics[m], skpi_dataset_channel(ds, c)) != SKPI_OK)
                continue;
            s.points += skpi_series_length(ser);
            for (size_t i = 0; i < skpi_series_length(ser); i++)
                if (!isnan(skpi_series_values(ser)[i]))
                    s.sum += skpi_series_values(ser)[i];
        }
    }
    return s;
}

static void same(snapshot a, snapshot b)
{
    assert_int_equal(a.channels, b.channels);
    assert_int_equal(a.posts, b.posts);
    assert_int_equal(a.points, b.points);
    assert_true(a.sum == b.sum);
}

static void malformed_files_change_nothing(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    assert_int_equal(import_with(ds, FIXTURE("x_tweets.csv"), NULL, NULL), SKPI_OK);
    snapshot before = take(ds);
    static const struct {
        const char *file, *where, *what;
    } cases[] = {
        /* the record starting on line 3 opens a quote in its second field */
        { "bad_unterminated.csv", "line 3, column 2", "unterminated quote" },
        { "bad_header.csv", "line 1, column 1", "no header" },
        /* line 3 has 3 fields: the 4th is missing */
        { "bad_columns.csv", "line 3, column 4", "expected 4 fields" },
        { "bad_date.csv", "line 4, column 1", "expected a date" },
        { "bad_number.csv", "line 3, column 4", "expected a number" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "tests/fixtures/import/%s", cases[i].file);
        skpi_import_summary *sum = (skpi_import_summary *)path;
        assert_int_equal(import_with(ds, path, NULL, &sum), SKPI_EPARSE);
        assert_null(sum);
        const char *msg = skpi_last_error();
        assert_non_null(strstr(msg, cases[i].file));
        assert_non_null(strstr(msg, cases[i].where));
        assert_non_null(strstr(msg, cases[i].what));
        same(before, take(ds));
    }
    /* A named preset that does not fit the header. */
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.preset = SKPI_IMPORT_YOUTUBE_TABLE;
    assert_int_equal(import_with(ds, FIXTURE("x_daily.csv"), &o, NULL), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "youtube_table"));
    /* An X export whose id lost its digits and has no permalink. */
    static const char noid[] = "Tweet id,Tweet permalink,time,impressions,engagements\n"
                               "8.1E+17,,2026-07-14 16:00 +0000,1,1\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, noid, sizeof noid - 1, "n.csv", NULL),
                     SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "line 2, column 1"));
    /* Quote errors inside a field. */
    static const char stray[] = "date,channel,metric,value\n2026-07-13,x:@a,likes,1\"0\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, stray, sizeof stray - 1, "q.csv", NULL),
                     SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "q.csv: line 2, column 4"));
    /* A channel in a long file that is no channel key. */
    static const char badch[] = "date,channel,metric,value\n2026-07-13,nocolon,likes,1\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, badch, sizeof badch - 1, "c.csv", NULL),
                     SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "c.csv: line 2, column 2"));
    /* A NUL byte would cut the field short as a C string. */
    static const char nul[] = "date,channel,metric,value\n2026-07-13,x:@a\0b,likes,1\n";
    assert_int_equal(skpi_import_buffer(NULL, ds, nul, sizeof nul - 1, "z.csv", NULL),
                     SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "z.csv: line 2, column 2: a NUL byte"));
    same(before, take(ds));
    skpi_dataset_free(ds);
}

static void huge_field_is_refused(void **state)
{
    (void)state;
    /* An opening quote that never closes must not swallow unbounded memory. */
    size_t n = (SKPI__MAX_FIELD_BYTES) + 4096;
    char *buf = malloc(n);
    assert_non_null(buf);
    static const char head[] = "date,channel,metric,value\n2026-07-13,x:@a,likes,\"";
    memcpy(buf, head, sizeof head - 1);
    memset(buf + sizeof head - 1, 'a', n - (sizeof head - 1));
    skpi_dataset *ds = new_dataset();
    assert_int_equal(skpi_import_buffer(NULL, ds, buf, n, "big.csv", NULL), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "line 2, column 4"));
    assert_int_equal(skpi_dataset_channel_count(ds), 0);
    /* More fields in a record than any export has. */
    size_t m = 2 * (SKPI__MAX_FIELDS + 1);
    char *wide = malloc(m);
    assert_non_null(wide);
    for (size_t i = 0; i < m; i += 2) {
        wide[i] = 'a';
        wide[i + 1] = ',';
    }
    wide[m - 1] = '\n';
    assert_int_equal(skpi_import_buffer(NULL, ds, wide, m, "wide.csv", NULL), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "line 1, column 4097: too many fields"));
    free(wide);
    skpi_dataset_free(ds);
    free(buf);
}

/* ---- re-exports ------------------------------------------------------------------- */

static void reexport_updates_posts(void **state)
{
    (void)state;
    /* A legacy tweet-level export without quotes around plain fields, then a
     * later export of the same account restating two of its tweets. */
    skpi_dataset *ds = new_dataset();
    skpi_import_summary *sum;
    assert_int_equal(import_with(ds, FIXTURE("x_tweets_unquoted.csv"), NULL, &sum), SKPI_OK);
    assert_int_equal(skpi_import_summary_posts(sum), 2);
    skpi_import_summary_free(sum);
    const char *ch = "x:@trailco";
    /* 3001 (2026-05-07) had 120 impressions in the first export */
    assert_true(at(ds, "impressions", ch, "2026-05-07") == 120.0);
    assert_int_equal(import_with(ds, FIXTURE("x_tweets_unquoted_updated.csv"), NULL, &sum), SKPI_OK);
    /* five tweets, two of which were already known */
    assert_int_equal(skpi_import_summary_posts(sum), 5);
    assert_int_equal(skpi_import_summary_posts_updated(sum), 2);
    skpi_import_summary_free(sum);
    assert_int_equal(skpi_dataset_post_count(ds), 5);
    /* the newer numbers win: 150 impressions and 9 engagements */
    const skpi_post *p = post(ds, ch, "3001");
    assert_non_null(p);
    assert_true(post_value(p, "impressions") == 150.0);
    assert_true(post_value(p, "engagements") == 9.0);
    assert_true(at(ds, "impressions", ch, "2026-05-07") == 150.0);
    /* 3002 (2026-05-06): 80, then 95 */
    assert_true(at(ds, "impressions", ch, "2026-05-06") == 95.0);
    /* importing the first file again takes the old numbers back, still 5 posts */
    assert_int_equal(import_with(ds, FIXTURE("x_tweets_unquoted.csv"), NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_dataset_post_count(ds), 5);
    assert_true(at(ds, "impressions", ch, "2026-05-07") == 120.0);
    skpi_dataset_free(ds);
}

static void partial_reexport_keeps_other_posts_of_the_day(void **state)
{
    (void)state;
    /* Day totals are rebuilt from every post of the day, not just the file's. */
    static const char a[] = "Tweet id,Tweet permalink,time,impressions,engagements\n"
                            "11111,https://twitter.com/a/status/11111,2026-07-14 10:00 +0000,100,1\n"
                            "22222,https://twitter.com/a/status/22222,2026-07-14 12:00 +0000,50,2\n";
    static const char b[] = "Tweet id,Tweet permalink,time,impressions,engagements\n"
                            "22222,https://twitter.com/a/status/22222,2026-07-14 12:00 +0000,70,3\n";
    skpi_dataset *ds = new_dataset();
    assert_int_equal(skpi_import_buffer(NULL, ds, a, sizeof a - 1, NULL, NULL), SKPI_OK);
    assert_true(at(ds, "impressions", "x:@a", "2026-07-14") == 150.0);
    assert_int_equal(skpi_import_buffer(NULL, ds, b, sizeof b - 1, NULL, NULL), SKPI_OK);
    /* 100 (kept) + 70 (updated) */
    assert_true(at(ds, "impressions", "x:@a", "2026-07-14") == 170.0);
    assert_true(at(ds, "posts_published", "x:@a", "2026-07-14") == 2.0);
    skpi_dataset_free(ds);
}

static void publish_day_follows_the_offset(void **state)
{
    (void)state;
    /* 23:30 UTC on the 14th is the 15th at UTC+1. */
    static const char a[] = "Tweet id,Tweet permalink,time,impressions,engagements\n"
                            "11111,https://twitter.com/a/status/11111,2026-07-14 23:30 +0000,100,1\n";
    skpi_dataset *ds = new_dataset();
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.utc_offset_minutes = 60;
    assert_int_equal(skpi_import_buffer(NULL, ds, a, sizeof a - 1, NULL, &o), SKPI_OK);
    assert_true(at(ds, "impressions", "x:@a", "2026-07-14T23:00:00Z") == 100.0);
    skpi_dataset_free(ds);
}

/* ---- out of memory ------------------------------------------------------------------ */

/* A deep copy of everything a dataset shows through its API (plain malloc,
 * so the counting allocator does not see it): channels in order, every
 * (metric, channel) series point by point, every post with its fields and
 * the value of every catalog metric on it. */
typedef struct dump_post {
    char *channel, *id, *type, *text, *link;
    skpi_time published;
    skpi_value *values; /* one per catalog metric */
} dump_post;

typedef struct dump {
    size_t nch, nmet, nposts;
    char **channels;
    size_t *len;      /* nch * nmet; 0 when there is no series */
    skpi_time **t;
    double **v;
    dump_post *posts;
} dump;

static char *copy_text(const char *s)
{
    assert_non_null(s);
    char *c = malloc(strlen(s) + 1);
    assert_non_null(c);
    strcpy(c, s);
    return c;
}

static dump dump_take(const skpi_dataset *ds)
{
    const skpi_catalog *cat = skpi_dataset_catalog(ds);
    dump d = { skpi_dataset_channel_count(ds), skpi_catalog_count(cat), skpi_dataset_post_count(ds),
               NULL, NULL, NULL, NULL, NULL };
    size_t cells = d.nch * d.nmet;
    d.channels = calloc(d.nch + 1, sizeof *d.channels);
    d.len = calloc(cells + 1, sizeof *d.len);
    d.t = calloc(cells + 1, sizeof *d.t);
    d.v = calloc(cells + 1, sizeof *d.v);
    d.posts = calloc(d.nposts + 1, sizeof *d.posts);
    assert_true(d.channels && d.len && d.t && d.v && d.posts);
    for (size_t c = 0; c < d.nch; c++) {
        d.channels[c] = copy_text(skpi_dataset_channel(ds, c));
        for (size_t m = 0; m < d.nmet; m++) {
            const skpi_series *s;
            const char *key = skpi_metric_key(skpi_catalog_metric_at(cat, m));
            if (skpi_dataset_series(&s, ds, key, d.channels[c]) != SKPI_OK)
                continue;
            size_t n = skpi_series_length(s), k = c * d.nmet + m;
            d.len[k] = n;
            d.t[k] = malloc(n * sizeof **d.t);
            d.v[k] = malloc(n * sizeof **d.v);
            assert_true(d.t[k] && d.v[k]);
            memcpy(d.t[k], skpi_series_times(s), n * sizeof **d.t);
            memcpy(d.v[k], skpi_series_values(s), n * sizeof **d.v);
        }
    }
    for (size_t i = 0; i < d.nposts; i++) {
        const skpi_post *p = skpi_dataset_post(ds, i);
        dump_post *q = &d.posts[i];
        q->channel = copy_text(skpi_post_channel(p));
        q->id = copy_text(skpi_post_id(p));
        q->type = copy_text(skpi_post_type(p));
        q->text = copy_text(skpi_post_text(p));
        q->link = copy_text(skpi_post_link(p));
        q->published = skpi_post_published(p);
        q->values = calloc(d.nmet + 1, sizeof *q->values);
        assert_non_null(q->values);
        for (size_t m = 0; m < d.nmet; m++)
            assert_int_equal(skpi_post_value(&q->values[m], p,
                                             skpi_metric_key(skpi_catalog_metric_at(cat, m))),
                             SKPI_OK);
    }
    return d;
}

/* Same doubles bit for bit (NaN included). */
static bool same_doubles(const double *a, const double *b, size_t n)
{
    return n == 0 || memcmp(a, b, n * sizeof *a) == 0;
}

static void dump_same(const dump *a, const dump *b)
{
    assert_int_equal(a->nch, b->nch);
    assert_int_equal(a->nmet, b->nmet);
    assert_int_equal(a->nposts, b->nposts);
    for (size_t c = 0; c < a->nch; c++)
        assert_string_equal(a->channels[c], b->channels[c]);
    for (size_t k = 0; k < a->nch * a->nmet; k++) {
        assert_int_equal(a->len[k], b->len[k]);
        if (a->len[k] == 0)
            continue;
        assert_memory_equal(a->t[k], b->t[k], a->len[k] * sizeof *a->t[k]);
        assert_true(same_doubles(a->v[k], b->v[k], a->len[k]));
    }
    for (size_t i = 0; i < a->nposts; i++) {
        const dump_post *p = &a->posts[i], *q = &b->posts[i];
        assert_string_equal(p->channel, q->channel);
        assert_string_equal(p->id, q->id);
        assert_string_equal(p->type, q->type);
        assert_string_equal(p->text, q->text);
        assert_string_equal(p->link, q->link);
        assert_true(p->published == q->published);
        for (size_t m = 0; m < a->nmet; m++) {
            assert_int_equal(p->values[m].availability, q->values[m].availability);
            assert_true(same_doubles(&p->values[m].value, &q->values[m].value, 1));
        }
    }
}

static void dump_free(dump *d)
{
    for (size_t c = 0; c < d->nch; c++)
        free(d->channels[c]);
    for (size_t k = 0; k < d->nch * d->nmet; k++) {
        free(d->t[k]);
        free(d->v[k]);
    }
    for (size_t i = 0; i < d->nposts; i++) {
        dump_post *p = &d->posts[i];
        free(p->channel);
        free(p->id);
        free(p->type);
        free(p->text);
        free(p->link);
        free(p->values);
    }
    free(d->channels);
    free(d->len);
    free(d->t);
    free(d->v);
    free(d->posts);
}

/* Out of memory at every allocation in turn, reading, staging and writing
 * alike: SKPI_ENOMEM, no block left behind, and the dataset identical to
 * what it held before the call, in full (the final write is one savepoint,
 * rolled back on failure; docs/import.md, "Atomicity"). The dataset first
 * holds `seed` (and `seed2`), so that the file both adds channels, series
 * and posts and merges into series and posts already there. Gives the
 * number of failing calls. */
static long oom_loop(const char *seed, size_t seed_size, const char *seed2, size_t seed2_size,
                     const char *data, size_t size, const skpi_import_options *o)
{
    long baseline = test_alloc_live();
    skpi_dataset *ds = new_dataset();
    assert_int_equal(skpi_import_buffer(NULL, ds, seed, seed_size, "seed.csv", NULL), SKPI_OK);
    if (seed2 != NULL)
        assert_int_equal(skpi_import_buffer(NULL, ds, seed2, seed2_size, "seed2.csv", o),
                         SKPI_OK);
    dump before = dump_take(ds);
    long failures = 0;
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_import_summary *sum = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_import_buffer(&sum, ds, data, size, "oom.csv", o);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_true(skpi_import_summary_rows(sum) > 0);
            skpi_import_summary_free(sum);
            break;
        }
        failures++;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_null(sum);
        /* not a block more or less than before the call */
        assert_int_equal(test_alloc_live(), live);
        dump after = dump_take(ds);
        dump_same(&before, &after);
        dump_free(&after);
        assert_true(n < 100000);
    }
    dump_free(&before);
    skpi_dataset_free(ds);
    assert_int_equal(test_alloc_live(), baseline);
    return failures;
}

static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *size = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static void out_of_memory_leaves_everything(void **state)
{
    (void)state;
    /* something there already: x:@acme's impressions, which the X and
     * generic files below merge into */
    static const char seed[] = "date,channel,metric,value\n2026-07-01,x:@acme,impressions,5\n"
                               "2026-07-14,x:@acme,impressions,7\n";
    size_t n, n2;
    char *buf = slurp(FIXTURE("x_tweets.csv"), &n);
    /* new posts, new series, points merged into an existing series */
    assert_true(oom_loop(seed, sizeof seed - 1, NULL, 0, buf, n, NULL) > 0);
    /* the same file again: every post updated, every series merged */
    assert_true(oom_loop(seed, sizeof seed - 1, buf, n, buf, n, NULL) > 0);
    free(buf);
    /* a re-export: three new tweets and two known ones with new numbers */
    buf = slurp(FIXTURE("x_tweets_unquoted_updated.csv"), &n);
    char *old = slurp(FIXTURE("x_tweets_unquoted.csv"), &n2);
    assert_true(oom_loop(seed, sizeof seed - 1, old, n2, buf, n, NULL) > 0);
    free(old);
    free(buf);
    buf = slurp(FIXTURE("generic_long.csv"), &n);
    assert_true(oom_loop(seed, sizeof seed - 1, NULL, 0, buf, n, NULL) > 0);
    free(buf);
    buf = slurp(FIXTURE("meta_daily_reach.csv"), &n);
    assert_true(oom_loop(seed, sizeof seed - 1, NULL, 0, buf, n, NULL) > 0);
    free(buf);
    /* customer care: new channels and days, then bins restating the days
     * the messages filled */
    buf = slurp(FIXTURE("care_bins.csv"), &n);
    old = slurp(FIXTURE("care_messages.csv"), &n2);
    assert_true(oom_loop(seed, sizeof seed - 1, NULL, 0, old, n2, NULL) > 0);
    assert_true(oom_loop(seed, sizeof seed - 1, old, n2, buf, n, NULL) > 0);
    free(old);
    free(buf);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(preset_names_round_trip),
        cmocka_unit_test(options_init_and_versions),
        cmocka_unit_test(summary_getters_accept_null),
        cmocka_unit_test(x_tweets_preset),
        cmocka_unit_test(x_daily_preset),
        cmocka_unit_test(x_content_preset),
        cmocka_unit_test(x_overview_preset),
        cmocka_unit_test(facebook_posts_preset),
        cmocka_unit_test(meta_custom_labels_are_tags),
        cmocka_unit_test(instagram_posts_preset),
        cmocka_unit_test(meta_daily_preset),
        cmocka_unit_test(linkedin_preset),
        cmocka_unit_test(youtube_table_preset),
        cmocka_unit_test(youtube_chart_preset),
        cmocka_unit_test(tiktok_presets),
        cmocka_unit_test(tiktok_leap_day),
        cmocka_unit_test(platform_dates),
        cmocka_unit_test(tiktok_years_follow_the_rows),
        cmocka_unit_test(youtube_videos_preset),
        cmocka_unit_test(sprout_preset),
        cmocka_unit_test(generic_long_preset),
        cmocka_unit_test(generic_wide_preset),
        cmocka_unit_test(numbers_are_locale_free_and_missing_is_nan),
        cmocka_unit_test(dates_of_every_form),
        cmocka_unit_test(encodings_and_preambles),
        cmocka_unit_test(reader_streams_in_any_pieces),
        cmocka_unit_test(percents_follow_the_unit),
        cmocka_unit_test(empty_and_header_only),
        cmocka_unit_test(malformed_files_change_nothing),
        cmocka_unit_test(huge_field_is_refused),
        cmocka_unit_test(reexport_updates_posts),
        cmocka_unit_test(partial_reexport_keeps_other_posts_of_the_day),
        cmocka_unit_test(publish_day_follows_the_offset),
        cmocka_unit_test(out_of_memory_leaves_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
