/* Tests of what posts say about content: tags and hashtags, post types,
 * aggregates by type and tag, and the weekday x hour table of posting times.
 * Expected figures are worked out by hand in the comments. */
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

static skpi_time date(int y, int m, int d, int h)
{
    skpi_time t;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, h, 0, 0), SKPI_OK);
    return t;
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

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tags_are_carried_and_read_from_the_text),
        cmocka_unit_test(tags_roll_back_with_a_savepoint),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
