/* Tests of what posts say about content: tags and hashtags, post types,
 * aggregates by type and tag, and the weekday x hour table of posting times.
 * Expected figures are worked out by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL
#include <socialkpi.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test_alloc.h"
#include "core/dataset_txn.h"

static skpi_time date(int y, int m, int d, int h)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, h, 0, 0), SKPI_OK);
    return t;
}

static void near(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol)) fail_msg("got %.17g, want %.17g", got, want);
}

static skpi_dataset *new_dataset(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    return ds;
}

static const skpi_post *post_of(const skpi_dataset *ds, const char *channel, const char *id)
{
    size_t i;
    assert_int_equal(skpi_dataset_find_post(&i, ds, channel, id), SKPI_OK);
    return skpi_dataset_post(ds, i);
}

/* ---- tags ------------------------------------------------------------------ */

static void tags_are_carried_and_read_from_the_text(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time t = date(2026, 3, 2, 9);
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", "1", t, "IG reel",
                                           "Spring is here #SpringSale #2026 a#b &#39; ##deal "
                                           "#caf\xc3\xa9s\xe2\x80\xa6 #_x",
                                           NULL), SKPI_OK);
    const skpi_post *p = post_of(ds, "instagram:@acme", "1");
    assert_int_equal(skpi_post_tag_count(p), 0);
    /* Hashtags: "#SpringSale", "#deal" (the second '#'), "#cafés" (ends at
     * the ellipsis), "#_x"; not "#2026" (only digits), "a#b" (inside a
     * word) nor "&#39" (an entity). */
    assert_int_equal(skpi_post_has_tag(p, "springsale"), 1);
    assert_int_equal(skpi_post_has_tag(p, "#SPRINGSALE"), 1);
    assert_int_equal(skpi_post_has_tag(p, "deal"), 1);
    assert_int_equal(skpi_post_has_tag(p, "#Caf\xc3\x89s"), 1);
    assert_int_equal(skpi_post_has_tag(p, "_x"), 1);
    assert_int_equal(skpi_post_has_tag(p, "2026"), 0);
    assert_int_equal(skpi_post_has_tag(p, "b"), 0);
    assert_int_equal(skpi_post_has_tag(p, "39"), 0);
    assert_int_equal(skpi_post_has_tag(p, "spring"), 0);

    /* Carried tags: blanks dropped, the same tag once, in order added. */
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "1", "  Launch week "), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "1", "#launch WEEK"), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "1", "#promo"), SKPI_OK);
    assert_int_equal(skpi_post_tag_count(p), 2);
    assert_string_equal(skpi_post_tag(p, 0), "Launch week");
    assert_string_equal(skpi_post_tag(p, 1), "#promo");
    assert_null(skpi_post_tag(p, 2));
    assert_int_equal(skpi_post_has_tag(p, "launch week"), 1);
    assert_int_equal(skpi_post_has_tag(p, "PROMO"), 1);

    /* Re-adding the post keeps its tags. */
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", "1", t, "IG reel", "new", NULL),
                     SKPI_OK);
    assert_int_equal(skpi_post_tag_count(p), 2);
    assert_int_equal(skpi_post_has_tag(p, "springsale"), 0);

    /* Bad input names what is wrong and changes nothing. */
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "1", "  "), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "1", "#"), SKPI_EINVAL);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "1", "\xff"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "UTF-8"));
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "2", "x"), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "'2'"));
    assert_int_equal(skpi_dataset_add_post_tag(ds, NULL, "1", "x"), SKPI_EMISUSE);
    assert_int_equal(skpi_post_tag_count(p), 2);
    assert_int_equal(skpi_post_has_tag(NULL, "x"), 0);
    assert_int_equal(skpi_post_tag_count(NULL), 0);

    assert_int_equal(skpi_dataset_clear_post_tags(ds, "instagram:@acme", "1"), SKPI_OK);
    assert_int_equal(skpi_post_tag_count(p), 0);
    assert_int_equal(skpi_dataset_clear_post_tags(ds, "instagram:@acme", "9"), SKPI_ENOTFOUND);
    skpi_dataset_free(ds);
}

static void tags_roll_back_with_a_savepoint(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time t = date(2026, 3, 2, 9);
    assert_int_equal(skpi_dataset_add_post(ds, "x:acme", "1", t, NULL, "hi", NULL), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "x:acme", "1", "a"), SKPI_OK);
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "x:acme", "1", "b"), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post(ds, "x:acme", "2", t, NULL, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "x:acme", "2", "c"), SKPI_OK);
    skpi__dataset_savepoint_rollback(ds);
    const skpi_post *p = post_of(ds, "x:acme", "1");
    assert_int_equal(skpi_post_tag_count(p), 1);
    assert_string_equal(skpi_post_tag(p, 0), "a");
    assert_int_equal(skpi_dataset_post_count(ds), 1);
    /* Clearing inside a savepoint rolls back too. */
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_OK);
    assert_int_equal(skpi_dataset_clear_post_tags(ds, "x:acme", "1"), SKPI_OK);
    skpi__dataset_savepoint_rollback(ds);
    assert_int_equal(skpi_post_tag_count(p), 1);

    /* Out of memory: nothing changes, nothing leaks. */
    long live = test_alloc_live();
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_dataset_add_post_tag(ds, "x:acme", "1", "second");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(skpi_post_tag_count(p), 1);
        assert_int_equal(test_alloc_live(), live);
    }
    assert_int_equal(skpi_post_tag_count(p), 2);
    skpi_dataset_free(ds);
}

/* ---- types, groups and posting times ------------------------------------------ */

static void post(skpi_dataset *ds, const char *id, skpi_time t, const char *type, const char *text,
                 double eng, double impr)
{
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@a", id, t, type, text, NULL), SKPI_OK);
    if (!isnan(eng))
        assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@a", id, "engagements", eng), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@a", id, "impressions", impr), SKPI_OK);
}

/* Seven posts in the week of Monday 2026-03-02 (UTC):
 *   1 IG reel     Mon 09:00  100 / 1000  "#Spring launch"
 *   2 Reels       Mon 09:30   50 /  500  carries "Promo"
 *   3 IG image    Tue 18:00   10 /  400  "#spring"
 *   4 IG carousel Tue 18:10   30 /  600
 *   5 (none)      Wed 12:00    5 /  100  "RT @x hi"  -> repost
 *   6 Reel        Wed 12:20   20 /  200
 *   7 video       Wed 12:40    - /  300  (no engagements) */
static skpi_dataset *week(void)
{
    skpi_dataset *ds = new_dataset();
    post(ds, "1", date(2026, 3, 2, 9), "IG reel", "#Spring launch", 100, 1000);
    post(ds, "2", date(2026, 3, 2, 9) + 1800, "Reels", "", 50, 500);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@a", "2", "Promo"), SKPI_OK);
    post(ds, "3", date(2026, 3, 3, 18), "IG image", "#spring", 10, 400);
    post(ds, "4", date(2026, 3, 3, 18) + 600, "IG carousel", "", 30, 600);
    post(ds, "5", date(2026, 3, 4, 12), NULL, "RT @x hi", 5, 100);
    post(ds, "6", date(2026, 3, 4, 12) + 1200, "Reel", "", 20, 200);
    post(ds, "7", date(2026, 3, 4, 12) + 2400, "video", "", NAN, 300);
    return ds;
}

static skpi_period march(void)
{
    skpi_period p = { date(2026, 3, 1, 0), date(2026, 4, 1, 0) };
    return p;
}

static skpi_post_group group_at(const skpi_post_groups *g, size_t i)
{
    skpi_post_group out = { .version = SKPI_POST_GROUP_VERSION };
    assert_int_equal(skpi_post_groups_get(&out, g, i), SKPI_OK);
    return out;
}

static void post_types_are_normalised(void **state)
{
    (void)state;
    skpi_dataset *ds = week();
    /* Media views come from a host catalog (docs/import.md). */
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "media_views", "Media views", SKPI_UNIT_COUNT,
                                             SKPI_HIGHER_IS_BETTER, SKPI_KIND_FLOW), SKPI_OK);
    skpi_dataset *host = NULL;
    assert_int_equal(skpi_dataset_new(&host, cat), SKPI_OK);
    skpi_catalog_free(cat);
    const char *want[] = { "reel", "reel", "photo", "carousel", "repost", "reel", "video" };
    for (size_t i = 0; i < 7; i++) assert_string_equal(skpi_post_kind(skpi_dataset_post(ds, i)), want[i]);
    assert_string_equal(skpi_post_type(skpi_dataset_post(ds, 0)), "IG reel"); /* the raw type stays */
    skpi_time t = date(2026, 3, 5, 8);
    post(ds, "r", t, "", "@acme thanks", 1, 1);
    post(ds, "l", t, "", "read https://example.org", 1, 1);
    post(ds, "t", t, "", "plain words", 1, 1);
    post(ds, "m", t, "", "a picture https://t.co/x", 1, 1);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@a", "m", "media_views", 12),
                     SKPI_ENOTFOUND); /* not in the built-in catalog: a link */
    assert_string_equal(skpi_post_kind(post_of(ds, "instagram:@a", "m")), "link");
    post(host, "m", t, "", "a picture https://t.co/x", 1, 1);
    assert_int_equal(skpi_dataset_set_post_value(host, "instagram:@a", "m", "media_views", 12), SKPI_OK);
    assert_string_equal(skpi_post_kind(post_of(host, "instagram:@a", "m")), "media");
    assert_int_equal(skpi_dataset_set_post_value(host, "instagram:@a", "m", "media_views", 0), SKPI_OK);
    assert_string_equal(skpi_post_kind(post_of(host, "instagram:@a", "m")), "link");
    skpi_dataset_free(host);
    post(ds, "o", t, "Hologram", "", 1, 1);
    post(ds, "s", t, " STORIES ", "", 1, 1);
    const char *ids[] = { "r", "l", "t", "o", "s" };
    const char *kinds[] = { "reply", "link", "text", "other", "story" };
    for (size_t i = 0; i < 5; i++) assert_string_equal(skpi_post_kind(post_of(ds, "instagram:@a", ids[i])), kinds[i]);
    assert_int_equal(skpi_post_kind_count(), 13);
    assert_string_equal(skpi_post_kind_name(0), "other");
    assert_null(skpi_post_kind_name(13));
    skpi_dataset_free(ds);
}

static void groups_by_type_by_hand(void **state)
{
    (void)state;
    skpi_dataset *ds = week();
    skpi_content_options o;
    assert_int_equal(skpi_content_options_init(&o, SKPI_CONTENT_OPTIONS_VERSION), SKPI_OK);
    o.min_posts = 2;
    skpi_post_groups *g = NULL;
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), &o), SKPI_OK);
    /* reel: posts 1, 2, 6: total 170, median 50, rate 170 / 1700 = 10 %,
     * share 170 / 215 (the total of every post: 100+50+10+30+5+20).
     * The rest have too few posts, by median: carousel 30, photo 10,
     * repost 5, then video (no engagements). */
    assert_int_equal(skpi_post_groups_count(g), 5);
    skpi_post_group r = group_at(g, 0);
    assert_string_equal(r.key, "reel");
    assert_int_equal(r.posts, 3);
    assert_int_equal(r.valued, 3);
    near(r.total.value, 170, 1e-9);
    near(r.median.value, 50, 1e-9);
    near(r.rate.value, 10, 1e-9);
    near(r.share.value, 170.0 / 215.0, 1e-12);
    assert_int_equal(r.too_few, 0);
    const char *order[] = { "reel", "carousel", "photo", "repost", "video" };
    for (size_t i = 0; i < 5; i++) assert_string_equal(group_at(g, i).key, order[i]);
    skpi_post_group v = group_at(g, 4);
    assert_int_equal(v.posts, 1);
    assert_int_equal(v.valued, 0);
    assert_int_equal(v.total.availability, SKPI_MISSING);
    assert_int_equal(v.median.availability, SKPI_MISSING);
    assert_int_equal(v.rate.availability, SKPI_MISSING); /* no engagements to divide */
    assert_int_equal(v.too_few, 1);
    const size_t *idx;
    size_t n;
    assert_int_equal(skpi_post_groups_posts(&idx, &n, g, 0, 0), SKPI_OK);
    assert_int_equal(n, 3);
    assert_int_equal(idx[0], 0);
    assert_int_equal(idx[1], 1);
    assert_int_equal(idx[2], 5);
    assert_int_equal(skpi_post_groups_posts(&idx, &n, g, 0, 1), SKPI_OK);
    assert_int_equal(idx[0], 5);
    assert_int_equal(idx[2], 0);
    skpi_post_group all = { .version = SKPI_POST_GROUP_VERSION };
    assert_int_equal(skpi_post_groups_summary(&all, g), SKPI_OK);
    assert_string_equal(all.key, "all");
    assert_int_equal(all.posts, 7);
    assert_int_equal(all.valued, 6);
    near(all.total.value, 215, 1e-9);
    near(all.median.value, 25, 1e-9); /* 5 10 20 | 30 50 100 */
    near(all.rate.value, 215.0 / 2800.0 * 100, 1e-9);
    near(all.share.value, 1, 0);
    skpi_post_groups_free(g);

    /* Only reels. */
    o.type = "Reel";
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), &o), SKPI_OK);
    assert_int_equal(skpi_post_groups_count(g), 1);
    skpi_post_groups_free(g);

    /* Bad input names it; nothing is made. */
    g = NULL;
    o.type = "vidoe";
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), &o), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "'vidoe'"));
    assert_null(g);
    o.type = NULL;
    o.tag = "#winter";
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), &o), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "'#winter'"));
    o.tag = NULL;
    o.metric = "nope";
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), &o), SKPI_ENOTFOUND);
    o.metric = NULL;
    o.rate = "engagements";
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), &o), SKPI_EINVAL);
    o.rate = NULL;
    assert_int_equal(skpi_post_groups_new(&g, ds, 7, march(), &o), SKPI_EINVAL);
    o.version = 99;
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), &o), SKPI_EVERSION);
    assert_null(g);

    /* No post in the period: no group, and the summary counts none. */
    skpi_period feb = { date(2026, 2, 1, 0), date(2026, 3, 1, 0) };
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, feb, NULL), SKPI_OK);
    assert_int_equal(skpi_post_groups_count(g), 0);
    assert_int_equal(skpi_post_groups_summary(&all, g), SKPI_OK);
    assert_int_equal(all.posts, 0);
    skpi_post_groups_free(g);
    skpi_dataset_free(ds);
}

/* Groups of thousands of posts, so that medians go through the radix
 * passes: photos 1..5000 in a shuffled order (even: 2500.5), reels 4096
 * times 3 and one 1e9 (odd, nearly all alike: 3), carousels 3000 times 1
 * and 3000 times 1024 (the two middle values far apart: 512.5). Of all
 * 15097 values, 7099 are 3 or less (3001 ones, one 2, 4097 threes): the
 * middle one (index 7548) is the photo 453. */
static void medians_of_many_posts_by_hand(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    skpi_time t = date(2026, 3, 2, 9);
    char id[16];
    size_t n = 0;
    for (int j = 0; j < 5000; j++, n++) {
        snprintf(id, sizeof id, "%zu", n);
        post(ds, id, t + (skpi_time)n, "IG image", "", (j * 37) % 5000 + 1, 10);
    }
    for (int j = 0; j < 4097; j++, n++) {
        snprintf(id, sizeof id, "%zu", n);
        post(ds, id, t + (skpi_time)n, "IG reel", "", j == 2000 ? 1e9 : 3, 10);
    }
    for (int j = 0; j < 6000; j++, n++) {
        snprintf(id, sizeof id, "%zu", n);
        post(ds, id, t + (skpi_time)n, "IG carousel", "", j % 2 ? 1 : 1024, 10);
    }
    skpi_post_groups *g = NULL;
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), NULL), SKPI_OK);
    assert_int_equal(skpi_post_groups_count(g), 3);
    /* ranked by median */
    const char *keys[] = { "photo", "carousel", "reel" };
    const double medians[] = { 2500.5, 512.5, 3 };
    for (size_t i = 0; i < 3; i++) {
        skpi_post_group x = group_at(g, i);
        assert_string_equal(x.key, keys[i]);
        near(x.median.value, medians[i], 0);
    }
    skpi_post_group all = { .version = SKPI_POST_GROUP_VERSION };
    assert_int_equal(skpi_post_groups_summary(&all, g), SKPI_OK);
    assert_int_equal(all.posts, 15097);
    near(all.median.value, 453, 0);
    skpi_post_groups_free(g);
    skpi_dataset_free(ds);
}

/* The summary's median is the middle of every group's values together,
 * not of the groups' medians: photos 0 and 10 and reels 0 and 10 both
 * have the median 5, and the four values together have the middle values
 * 0 and 10 (median 5), none of them 5. Photos 1 2 3 and reels 4 5 6 7
 * (medians 2 and 5.5) have the middle 4 together. A photo outside the
 * period and a reel without engagements count in no median. */
static void summary_median_across_groups_by_hand(void **state)
{
    (void)state;
    skpi_dataset *ds = new_dataset();
    post(ds, "feb", date(2026, 2, 27, 9), "IG image", "", 1000, 10);
    post(ds, "p1", date(2026, 3, 2, 9), "IG image", "", 0, 10);
    post(ds, "r1", date(2026, 3, 2, 10), "IG reel", "", 10, 10);
    post(ds, "r2", date(2026, 3, 2, 11), "IG reel", "", NAN, 10);
    post(ds, "p2", date(2026, 3, 2, 12), "IG image", "", 10, 10);
    post(ds, "r3", date(2026, 3, 2, 13), "IG reel", "", 0, 10);
    skpi_post_groups *g = NULL;
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), NULL), SKPI_OK);
    assert_int_equal(skpi_post_groups_count(g), 2);
    for (size_t i = 0; i < 2; i++) near(group_at(g, i).median.value, 5, 0);
    skpi_post_group all = { .version = SKPI_POST_GROUP_VERSION };
    assert_int_equal(skpi_post_groups_summary(&all, g), SKPI_OK);
    assert_int_equal(all.posts, 5);
    assert_int_equal(all.valued, 4);
    near(all.total.value, 20, 0);
    near(all.median.value, 5, 0);
    skpi_post_groups_free(g);
    skpi_dataset_free(ds);

    ds = new_dataset();
    const double photos[] = { 3, 1, 2 }, reels[] = { 7, 4, 6, 5 };
    char id[8];
    for (int i = 0; i < 4; i++) {
        snprintf(id, sizeof id, "r%d", i);
        post(ds, id, date(2026, 3, 3, 9 + i), "Reels", "", reels[i], 10);
        if (i == 3) continue;
        snprintf(id, sizeof id, "p%d", i);
        post(ds, id, date(2026, 3, 4, 9 + i), "Photos", "", photos[i], 10);
    }
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), NULL), SKPI_OK);
    near(group_at(g, 0).median.value, 5.5, 0);
    near(group_at(g, 1).median.value, 2, 0);
    assert_int_equal(skpi_post_groups_summary(&all, g), SKPI_OK);
    near(all.median.value, 4, 0);
    skpi_post_groups_free(g);
    skpi_dataset_free(ds);
}

/* A post without a raw type is a media post while it has media views: the
 * groups follow a change of its values. */
static void groups_follow_kinds_read_off_posts(void **state)
{
    (void)state;
    skpi_catalog *cat = NULL;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "media_views", "Media views", SKPI_UNIT_COUNT,
                                             SKPI_HIGHER_IS_BETTER, SKPI_KIND_FLOW), SKPI_OK);
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, cat), SKPI_OK);
    skpi_catalog_free(cat);
    post(ds, "m", date(2026, 3, 5, 8), "", "a picture https://t.co/x", 1, 1);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@a", "m", "media_views", 12), SKPI_OK);
    skpi_post_groups *g = NULL;
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), NULL), SKPI_OK);
    assert_string_equal(group_at(g, 0).key, "media");
    skpi_post_groups_free(g);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@a", "m", "media_views", 0), SKPI_OK);
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), NULL), SKPI_OK);
    assert_int_equal(skpi_post_groups_count(g), 1);
    assert_string_equal(group_at(g, 0).key, "link");
    skpi_post_groups_free(g);
    skpi_dataset_free(ds);
}

static void groups_by_tag_by_hand(void **state)
{
    (void)state;
    skpi_dataset *ds = week();
    skpi_post_groups *g = NULL;
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TAG, march(), NULL), SKPI_OK);
    /* "#Spring" (posts 1 and 3, spelt as first met): total 110, median 55,
     * rate 110 / 1400; "Promo" (post 2): 50. Both below 5 posts, by median. */
    assert_int_equal(skpi_post_groups_count(g), 2);
    skpi_post_group s = group_at(g, 0);
    assert_string_equal(s.key, "#Spring");
    assert_int_equal(s.posts, 2);
    near(s.total.value, 110, 1e-9);
    near(s.median.value, 55, 1e-9);
    near(s.rate.value, 110.0 / 1400.0 * 100, 1e-9);
    near(s.share.value, 110.0 / 215.0, 1e-12);
    assert_int_equal(s.too_few, 1);
    assert_string_equal(group_at(g, 1).key, "Promo");
    skpi_post_groups_free(g);

    skpi_content_options o = SKPI_CONTENT_OPTIONS_INIT;
    o.tag = "SPRING";
    assert_int_equal(skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, march(), &o), SKPI_OK);
    assert_int_equal(skpi_post_groups_count(g), 2); /* reel (post 1) and photo (post 3) */
    skpi_post_groups_free(g);
    skpi_dataset_free(ds);
}

static void posting_times_by_hand(void **state)
{
    (void)state;
    skpi_dataset *ds = week();
    skpi_content_options o = SKPI_CONTENT_OPTIONS_INIT;
    o.min_slot_posts = 2;
    skpi_posting_times *t = NULL;
    assert_int_equal(skpi_posting_times_new(&t, ds, march(), &o), SKPI_OK);
    /* UTC: Monday 9h posts 1, 2 (median 75); Tuesday 18h posts 3, 4 (20);
     * Wednesday 12h posts 5, 6 (12.5); post 7 lacks engagements. */
    size_t n;
    skpi_value m;
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 1, 9), SKPI_OK);
    assert_int_equal(n, 2);
    near(m.value, 75, 1e-9);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 2, 18), SKPI_OK);
    near(m.value, 20, 1e-9);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 3, 12), SKPI_OK);
    near(m.value, 12.5, 1e-9);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 7, 23), SKPI_OK);
    assert_int_equal(n, 0);
    assert_int_equal(m.availability, SKPI_MISSING);
    size_t in, without;
    assert_int_equal(skpi_posting_times_counts(&in, &without, t), SKPI_OK);
    assert_int_equal(in, 6);
    assert_int_equal(without, 1);
    assert_int_equal(skpi_posting_times_best_count(t), 3);
    int wd, h;
    assert_int_equal(skpi_posting_times_best(&wd, &h, t, 0), SKPI_OK);
    assert_int_equal(wd, 1);
    assert_int_equal(h, 9);
    assert_int_equal(skpi_posting_times_best(&wd, &h, t, 2), SKPI_OK);
    assert_int_equal(wd, 3);
    assert_int_equal(h, 12);
    assert_int_equal(skpi_posting_times_best(&wd, &h, t, 3), SKPI_ERANGE);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 0, 1), SKPI_ERANGE);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 1, 24), SKPI_ERANGE);
    skpi_posting_times_free(t);

    /* Berlin is an hour ahead in early March; three posts are needed for a
     * best slot by default, and no slot has them. */
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_time_zone(cal, "Europe/Berlin"), SKPI_OK);
    o.calendar = cal;
    o.min_slot_posts = 0;
    assert_int_equal(skpi_posting_times_new(&t, ds, march(), &o), SKPI_OK);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 1, 10), SKPI_OK);
    assert_int_equal(n, 2);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 2, 19), SKPI_OK);
    assert_int_equal(n, 2);
    assert_int_equal(skpi_posting_times_best_count(t), 0);
    skpi_posting_times_free(t);
    skpi_calendar_free(cal);

    /* A Sunday 23:59 post and one before 1970 land in the right cells:
     * 1969-12-31 was a Wednesday. */
    post(ds, "sun", date(2026, 3, 8, 23) + 3599, "text", "", 1, 1);
    post(ds, "old", date(1969, 12, 31, 22), "text", "", 1, 1);
    skpi_period all = { date(1969, 1, 1, 0), date(2027, 1, 1, 0) };
    assert_int_equal(skpi_posting_times_new(&t, ds, all, NULL), SKPI_OK);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 7, 23), SKPI_OK);
    assert_int_equal(n, 1);
    assert_int_equal(skpi_posting_times_cell(&n, &m, t, 3, 22), SKPI_OK);
    assert_int_equal(n, 1);
    skpi_posting_times_free(t);
    skpi_dataset_free(ds);
}

static void content_out_of_memory(void **state)
{
    (void)state;
    /* Cold: the call builds the dataset's post columns, which stay with
     * the dataset, whatever fails. */
    long before = test_alloc_live();
    for (long n = 0;; n++) {
        skpi_dataset *cold = week();
        skpi_post_groups *g = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_post_groups_new(&g, cold, SKPI_POSTS_BY_TYPE, march(), NULL);
        test_alloc_fail_after(-1);
        skpi_post_groups_free(g);
        skpi_dataset_free(cold);
        assert_int_equal(test_alloc_live(), before);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
    }
    /* Warm: columns built, a failure leaves nothing behind. */
    skpi_dataset *ds = week();
    skpi_post_groups *warm = NULL;
    assert_int_equal(skpi_post_groups_new(&warm, ds, SKPI_POSTS_BY_TYPE, march(), NULL), SKPI_OK);
    skpi_post_groups_free(warm);
    long live = test_alloc_live();
    for (int by = 0; by < 2; by++) {
        for (long n = 0;; n++) {
            skpi_post_groups *g = NULL;
            test_alloc_fail_after(n);
            int rc = skpi_post_groups_new(&g, ds, by, march(), NULL);
            test_alloc_fail_after(-1);
            if (rc == SKPI_OK) {
                skpi_post_groups_free(g);
                break;
            }
            assert_int_equal(rc, SKPI_ENOMEM);
            assert_int_equal(test_alloc_live(), live);
        }
    }
    for (long n = 0;; n++) {
        skpi_posting_times *t = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_posting_times_new(&t, ds, march(), NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            skpi_posting_times_free(t);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_dataset_free(ds);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tags_are_carried_and_read_from_the_text),
        cmocka_unit_test(tags_roll_back_with_a_savepoint),
        cmocka_unit_test(post_types_are_normalised),
        cmocka_unit_test(groups_by_type_by_hand),
        cmocka_unit_test(medians_of_many_posts_by_hand),
        cmocka_unit_test(summary_median_across_groups_by_hand),
        cmocka_unit_test(groups_follow_kinds_read_off_posts),
        cmocka_unit_test(groups_by_tag_by_hand),
        cmocka_unit_test(posting_times_by_hand),
        cmocka_unit_test(content_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
