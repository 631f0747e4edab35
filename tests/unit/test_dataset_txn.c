/* Tests of the dataset's private savepoints (lib/core/dataset_txn.h):
 * rollback of new and merged series, new and updated posts, new channels
 * and groups, at every allocation failure too; commit; misuse; sources. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <string.h>

#include "test_alloc.h"
#include "core/dataset_txn.h"

/* 2026-01-01T00:00:00Z (20,454 days of 86,400 s after 1970-01-01) and day k
 * after it. */
#define T0 INT64_C(1767225600)
#define D(k) (T0 + (int64_t)(k) * INT64_C(86400))

static skpi_period days(int from, int to)
{
    skpi_period p = { D(from), D(to) };
    return p;
}

/* The value of a metric, asserting the call works. */
static skpi_value value_of(skpi_dataset *ds, const char *metric, const char *sel, skpi_period p)
{
    skpi_value v = { NAN, -1 };
    int rc = skpi_dataset_value(&v, ds, metric, sel, p);
    if (rc != SKPI_OK) fail_msg("value %s %s: %d %s", metric, sel, rc, skpi_last_error());
    return v;
}

static double post_value(const skpi_dataset *ds, const char *channel, const char *id,
                         const char *metric)
{
    size_t i;
    assert_int_equal(skpi_dataset_find_post(&i, ds, channel, id), SKPI_OK);
    skpi_value v;
    assert_int_equal(skpi_post_value(&v, skpi_dataset_post(ds, i), metric), SKPI_OK);
    return v.availability == SKPI_AVAILABLE ? v.value : NAN;
}

static int in_group(const skpi_dataset *ds, const char *group, const char *channel)
{
    int m = -1;
    assert_int_equal(skpi_dataset_match(&m, ds, group, channel), SKPI_OK);
    return m;
}

/* The state the tests start from:
 *   channels x:@a, x:@b (in this order)
 *   impressions on x:@a: days 10, 11, 12 -> 1, 2, 4
 *   followers on x:@b: day 10 -> 500; impressions on x:@b: days 13, 14, 15 -> 5 each
 *   post x:@a/p1 published day 11, "text", likes 3 and impressions 30
 *   post x:@b/p2 published day 10, likes 1
 *   group g = { x:@a } */
static void fill(skpi_dataset *ds)
{
    const skpi_time t[] = { D(10), D(11), D(12) };
    const double v[] = { 1, 2, 4 };
    assert_int_equal(skpi_dataset_append(ds, "impressions", "x:@a", t, v, 3), SKPI_OK);
    const double f = 500;
    assert_int_equal(skpi_dataset_append(ds, "followers", "x:@b", t, &f, 1), SKPI_OK);
    const skpi_time tb[] = { D(13), D(14), D(15) };
    const double vb[] = { 5, 5, 5 };
    assert_int_equal(skpi_dataset_append(ds, "impressions", "x:@b", tb, vb, 3), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post(ds, "x:@a", "p1", D(11), "photo", "text", "l1"),
                     SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:@a", "p1", "likes", 3), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:@a", "p1", "impressions", 30), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post(ds, "x:@b", "p2", D(10), NULL, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:@b", "p2", "likes", 1), SKPI_OK);
    const char *g[] = { "x:@a" };
    assert_int_equal(skpi_dataset_define_group(ds, "g", g, 1), SKPI_OK);
}

static skpi_dataset *fixture(void)
{
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    fill(ds);
    return ds;
}

/* Everything fixture() built, exactly, and nothing more. */
static void check_fixture(skpi_dataset *ds)
{
    assert_int_equal(skpi_dataset_channel_count(ds), 2);
    assert_string_equal(skpi_dataset_channel(ds, 0), "x:@a");
    assert_string_equal(skpi_dataset_channel(ds, 1), "x:@b");

    const skpi_series *s;
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@a"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 3);
    const skpi_time t[] = { D(10), D(11), D(12) };
    const double v[] = { 1, 2, 4 };
    assert_memory_equal(skpi_series_times(s), t, sizeof t);
    assert_memory_equal(skpi_series_values(s), v, sizeof v);
    assert_int_equal(skpi_dataset_series(&s, ds, "followers", "x:@b"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 1);
    assert_true(skpi_series_values(s)[0] == 500);
    /* nothing else on the known channels */
    assert_int_equal(skpi_dataset_series(&s, ds, "likes", "x:@a"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@b"), SKPI_OK);
    const skpi_time tb[] = { D(13), D(14), D(15) };
    const double vb[] = { 5, 5, 5 };
    assert_int_equal(skpi_series_length(s), 3);
    assert_memory_equal(skpi_series_times(s), tb, sizeof tb);
    assert_memory_equal(skpi_series_values(s), vb, sizeof vb);
    assert_int_equal(skpi_dataset_series(&s, ds, "reach", "x:@b"), SKPI_ENOTFOUND);
    /* queries read the cached first/last times: day 5 is before the data
     * (missing), days 10-12 hold 1 + 2 + 4 = 7 */
    skpi_value x = value_of(ds, "impressions", "x:@a", days(5, 6));
    assert_int_equal(x.availability, SKPI_MISSING);
    x = value_of(ds, "impressions", "*", days(10, 13));
    assert_int_equal(x.availability, SKPI_AVAILABLE);
    assert_true(x.value == 7);
    /* x:@a's data ends on day 12, so over days 13-15 only x:@b takes part:
     * 5 + 5 + 5, complete (were x:@a's last time still day 20, it would
     * take part without a value there and make the sum partial) */
    x = value_of(ds, "impressions", "*", days(13, 16));
    assert_int_equal(x.availability, SKPI_AVAILABLE);
    assert_true(x.value == 15);

    assert_int_equal(skpi_dataset_post_count(ds), 2);
    const skpi_post *p = skpi_dataset_post(ds, 0);
    assert_string_equal(skpi_post_id(p), "p1");
    assert_string_equal(skpi_post_channel(p), "x:@a");
    assert_true(skpi_post_published(p) == D(11));
    assert_string_equal(skpi_post_type(p), "photo");
    assert_string_equal(skpi_post_text(p), "text");
    assert_string_equal(skpi_post_link(p), "l1");
    assert_true(post_value(ds, "x:@a", "p1", "likes") == 3);
    assert_true(post_value(ds, "x:@a", "p1", "impressions") == 30);
    assert_true(isnan(post_value(ds, "x:@a", "p1", "reach")));
    p = skpi_dataset_post(ds, 1);
    assert_string_equal(skpi_post_id(p), "p2");
    assert_string_equal(skpi_post_channel(p), "x:@b");
    assert_true(post_value(ds, "x:@b", "p2", "likes") == 1);
    assert_true(isnan(post_value(ds, "x:@b", "p2", "impressions")));
    size_t i;
    assert_int_equal(skpi_dataset_find_post(&i, ds, "x:@c", "p3"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_dataset_find_post(&i, ds, "x:@a", "p4"), SKPI_ENOTFOUND);

    assert_int_equal(in_group(ds, "@g", "x:@a"), 1);
    assert_int_equal(in_group(ds, "@g", "x:@b"), 0);
    int m;
    assert_int_equal(skpi_dataset_match(&m, ds, "@h", "x:@a"), SKPI_ENOTFOUND);
}

/* Every kind of change a savepoint journals, in an order that also touches
 * the same entities twice. Stops at the first failure and gives its code. */
static int change_everything(skpi_dataset *ds)
{
    int rc;
    /* merged points in an existing series, in three blocks: day 20 after
     * the last point (the journal copies nothing), day 12 replacing the
     * last point, then day 11 replaced (last wins) and day 5 before the
     * first point (the journal copies more of the old points) */
    const skpi_time t20 = D(20), t12 = D(12), t[] = { D(11), D(5), D(20) };
    const double v8 = 8, v40 = 40, v[] = { 20, 100, 8 };
    if ((rc = skpi_dataset_append(ds, "impressions", "x:@a", &t20, &v8, 1)) != SKPI_OK) return rc;
    if ((rc = skpi_dataset_append(ds, "impressions", "x:@a", &t12, &v40, 1)) != SKPI_OK) return rc;
    if ((rc = skpi_dataset_append(ds, "impressions", "x:@a", t, v, 2)) != SKPI_OK) return rc;
    /* a new series on a known channel, then more points into it */
    if ((rc = skpi_dataset_append(ds, "likes", "x:@a", t, v, 2)) != SKPI_OK) return rc;
    if ((rc = skpi_dataset_append(ds, "likes", "x:@a", t + 2, v + 2, 1)) != SKPI_OK) return rc;
    /* a new series on a new channel */
    if ((rc = skpi_dataset_append(ds, "reach", "x:@c", t, v, 3)) != SKPI_OK) return rc;
    /* the existing series touched once more, after the others */
    if ((rc = skpi_dataset_append(ds, "impressions", "x:@a", &t12, &v40, 1)) != SKPI_OK) return rc;
    /* and x:@b's, only after its last point */
    if ((rc = skpi_dataset_append(ds, "impressions", "x:@b", &t20, &v8, 1)) != SKPI_OK) return rc;
    /* a point replacing a series' last (and only) point */
    const skpi_time t10 = D(10);
    const double v600 = 600;
    if ((rc = skpi_dataset_append(ds, "followers", "x:@b", &t10, &v600, 1)) != SKPI_OK)
        return rc;
    if ((rc = skpi_dataset_add_channel(ds, "instagram:@d")) != SKPI_OK) return rc;
    /* a new post on a new channel, with values */
    if ((rc = skpi_dataset_add_post(ds, "linkedin:e", "p3", D(12), "t", "x", "l")) != SKPI_OK)
        return rc;
    if ((rc = skpi_dataset_set_post_value(ds, "linkedin:e", "p3", "likes", 9)) != SKPI_OK)
        return rc;
    /* an updated post: new fields, a value changed, one added, one cleared */
    if ((rc = skpi_dataset_add_post(ds, "x:@a", "p1", D(12), "video", "new text", "l9"))
        != SKPI_OK)
        return rc;
    if ((rc = skpi_dataset_set_post_value(ds, "x:@a", "p1", "likes", 33)) != SKPI_OK) return rc;
    if ((rc = skpi_dataset_set_post_value(ds, "x:@a", "p1", "reach", 300)) != SKPI_OK) return rc;
    if ((rc = skpi_dataset_set_post_value(ds, "x:@a", "p1", "impressions", NAN)) != SKPI_OK)
        return rc;
    /* a post whose only change is a value */
    if ((rc = skpi_dataset_set_post_value(ds, "x:@b", "p2", "impressions", 7)) != SKPI_OK)
        return rc;
    /* a new post on a known channel */
    if ((rc = skpi_dataset_add_post(ds, "x:@a", "p4", D(13), NULL, NULL, NULL)) != SKPI_OK)
        return rc;
    /* a group redefined (with a new channel), a new group */
    const char *g[] = { "x:@b", "x:@f" };
    if ((rc = skpi_dataset_define_group(ds, "g", g, 2)) != SKPI_OK) return rc;
    if ((rc = skpi_dataset_define_group(ds, "h", g, 1)) != SKPI_OK) return rc;
    return SKPI_OK;
}

/* What change_everything() leaves, checked after a commit. */
static void check_changed(skpi_dataset *ds)
{
    assert_int_equal(skpi_dataset_channel_count(ds), 6);
    const char *expect[] = { "x:@a", "x:@b", "x:@c", "instagram:@d", "linkedin:e", "x:@f" };
    for (size_t i = 0; i < 6; i++) assert_string_equal(skpi_dataset_channel(ds, i), expect[i]);
    const skpi_series *s;
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@a"), SKPI_OK);
    /* days 5, 10, 11, 12, 20 -> 100, 1, 20, 40, 8 */
    const skpi_time t[] = { D(5), D(10), D(11), D(12), D(20) };
    const double v[] = { 100, 1, 20, 40, 8 };
    assert_int_equal(skpi_series_length(s), 5);
    assert_memory_equal(skpi_series_times(s), t, sizeof t);
    assert_memory_equal(skpi_series_values(s), v, sizeof v);
    /* likes on x:@a: days 5, 11, 20 -> 100, 20, 8 */
    assert_int_equal(skpi_dataset_series(&s, ds, "likes", "x:@a"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 3);
    assert_int_equal(skpi_dataset_series(&s, ds, "reach", "x:@c"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 3);
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@b"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 4);
    assert_true(skpi_series_times(s)[3] == D(20));
    assert_int_equal(skpi_dataset_series(&s, ds, "followers", "x:@b"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 1);
    assert_true(skpi_series_values(s)[0] == 600);
    /* day 5 now holds 100 impressions */
    skpi_value x = value_of(ds, "impressions", "x:@a", days(5, 6));
    assert_int_equal(x.availability, SKPI_AVAILABLE);
    assert_true(x.value == 100);
    assert_int_equal(skpi_dataset_post_count(ds), 4);
    const skpi_post *p = skpi_dataset_post(ds, 0);
    assert_string_equal(skpi_post_text(p), "new text");
    assert_true(skpi_post_published(p) == D(12));
    assert_true(post_value(ds, "x:@a", "p1", "likes") == 33);
    assert_true(post_value(ds, "x:@a", "p1", "reach") == 300);
    assert_true(isnan(post_value(ds, "x:@a", "p1", "impressions")));
    assert_true(post_value(ds, "x:@b", "p2", "impressions") == 7);
    assert_true(post_value(ds, "linkedin:e", "p3", "likes") == 9);
    assert_int_equal(in_group(ds, "@g", "x:@a"), 0);
    assert_int_equal(in_group(ds, "@g", "x:@f"), 1);
    assert_int_equal(in_group(ds, "@h", "x:@b"), 1);
}

static void rollback_restores_everything(void **state)
{
    (void)state;
    long live = test_alloc_live();
    skpi_dataset *ds = fixture();
    check_fixture(ds);
    long before = test_alloc_live();
    assert_false(skpi__dataset_savepoint_open(ds));
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_OK);
    assert_true(skpi__dataset_savepoint_open(ds));
    assert_int_equal(change_everything(ds), SKPI_OK);
    /* the changes are visible while the savepoint is open */
    check_changed(ds);
    skpi__dataset_savepoint_rollback(ds);
    assert_false(skpi__dataset_savepoint_open(ds));
    check_fixture(ds);
    /* not a block more or less: grown arrays keep their block, arrays
     * first allocated inside the savepoint are gone */
    assert_int_equal(test_alloc_live(), before);
    /* the indexes were rebuilt: the same changes apply again, new
     * channels and posts taking the indices they had */
    assert_int_equal(change_everything(ds), SKPI_OK);
    check_changed(ds);
    skpi_dataset_free(ds);
    assert_int_equal(test_alloc_live(), live);
}

static void commit_keeps_everything(void **state)
{
    (void)state;
    long live = test_alloc_live();
    skpi_dataset *ds = fixture();
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_OK);
    assert_int_equal(change_everything(ds), SKPI_OK);
    skpi__dataset_savepoint_commit(ds);
    assert_false(skpi__dataset_savepoint_open(ds));
    check_changed(ds);
    /* a rollback after the commit has nothing to undo */
    skpi__dataset_savepoint_rollback(ds);
    check_changed(ds);
    /* a second savepoint over the committed state */
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_OK);
    const skpi_time t = D(30);
    const double v = 1;
    assert_int_equal(skpi_dataset_append(ds, "impressions", "x:@a", &t, &v, 1), SKPI_OK);
    skpi__dataset_savepoint_rollback(ds);
    check_changed(ds);
    skpi_dataset_free(ds);
    assert_int_equal(test_alloc_live(), live);
}

static void rollback_on_an_empty_dataset(void **state)
{
    (void)state;
    long live = test_alloc_live();
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    long before = test_alloc_live();
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_OK);
    fill(ds);
    assert_int_equal(change_everything(ds), SKPI_OK);
    check_changed(ds);
    skpi__dataset_savepoint_rollback(ds);
    assert_int_equal(skpi_dataset_channel_count(ds), 0);
    assert_int_equal(skpi_dataset_post_count(ds), 0);
    const skpi_series *s;
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@a"), SKPI_ENOTFOUND);
    int m;
    assert_int_equal(skpi_dataset_match(&m, ds, "@g", "x:@a"), SKPI_ENOTFOUND);
    /* every array the savepoint's calls allocated is freed */
    assert_int_equal(test_alloc_live(), before);
    skpi_dataset_free(ds);
    assert_int_equal(test_alloc_live(), live);
}

/* A failure at every allocation in turn, savepoint included: whatever
 * succeeded before it, a rollback gives the very same dataset back. */
static void rollback_after_every_failure(void **state)
{
    (void)state;
    long live = test_alloc_live();
    skpi_dataset *ds = fixture();
    long before = test_alloc_live();
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi__dataset_savepoint_begin(ds);
        if (rc == SKPI_OK) rc = change_everything(ds);
        test_alloc_fail_after(-1);
        if (n == 0) {
            /* the journal itself could not be allocated */
            assert_int_equal(rc, SKPI_ENOMEM);
            assert_false(skpi__dataset_savepoint_open(ds));
        }
        skpi__dataset_savepoint_rollback(ds);
        check_fixture(ds);
        assert_int_equal(test_alloc_live(), before);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_true(n < 10000);
    }
    skpi_dataset_free(ds);
    assert_int_equal(test_alloc_live(), live);
}

static void misuse_and_free_while_open(void **state)
{
    (void)state;
    long live = test_alloc_live();
    assert_int_equal(skpi__dataset_savepoint_begin(NULL), SKPI_EMISUSE);
    assert_false(skpi__dataset_savepoint_open(NULL));
    skpi__dataset_savepoint_commit(NULL);
    skpi__dataset_savepoint_rollback(NULL);
    skpi_dataset *ds = fixture();
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_OK);
    /* no nesting */
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "open already"));
    assert_true(skpi__dataset_savepoint_open(ds));
    assert_int_equal(change_everything(ds), SKPI_OK);
    /* freeing the dataset frees the journal and what it saved */
    skpi_dataset_free(ds);
    assert_int_equal(test_alloc_live(), live);
}

static int fetches;

static int fetch_one(skpi_fetch *request, void *userdata)
{
    (void)userdata;
    fetches++;
    const skpi_time t = skpi_fetch_period(request).start;
    const double v = 1000;
    return skpi_fetch_append(request, &t, &v, 1);
}

static void source_waits_for_the_savepoint(void **state)
{
    (void)state;
    skpi_dataset *ds = fixture();
    skpi_source src;
    assert_int_equal(skpi_source_init(&src, SKPI_SOURCE_VERSION), SKPI_OK);
    src.fetch = fetch_one;
    assert_int_equal(skpi_dataset_set_source(ds, &src), SKPI_OK);
    fetches = 0;
    assert_int_equal(skpi__dataset_savepoint_begin(ds), SKPI_OK);
    /* inside: answered from memory, the source is not asked (what it gave
     * would be kept and marked covered beyond a rollback's reach) */
    skpi_value x = value_of(ds, "impressions", "x:@a", days(10, 13));
    assert_int_equal(fetches, 0);
    assert_true(x.value == 7);
    skpi__dataset_savepoint_rollback(ds);
    /* after: asked once for day 30, which gives 1000 at its start */
    x = value_of(ds, "impressions", "x:@a", days(30, 31));
    assert_int_equal(fetches, 1);
    assert_int_equal(x.availability, SKPI_AVAILABLE);
    assert_true(x.value == 1000);
    skpi_dataset_free(ds);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rollback_restores_everything),
        cmocka_unit_test(commit_keeps_everything),
        cmocka_unit_test(rollback_on_an_empty_dataset),
        cmocka_unit_test(rollback_after_every_failure),
        cmocka_unit_test(misuse_and_free_while_open),
        cmocka_unit_test(source_waits_for_the_savepoint),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
