/* Imports exports into one dataset and prints the content aggregates for
 * tests/python/test_content_pandas.py to recompute with pandas: groups by
 * type and by tag, and the weekday x hour table, over every post.
 * Usage: content_figures ZONE METRIC RATE FILE... (ZONE an IANA name or "UTC").
 * Lines: "group BY KEY posts valued total median rate share too_few" and
 * "cell WEEKDAY HOUR posts median", numbers as %.17g (nan when not given). */
#define SKPI_EXPERIMENTAL
#include <socialkpi.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

static int die(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, skpi_last_error());
    return 1;
}

static double v(skpi_value x) { return x.availability == SKPI_AVAILABLE ? x.value : NAN; }

static int groups(const skpi_dataset *ds, int by, const char *name, skpi_period all,
                  const skpi_content_options *o)
{
    skpi_post_groups *g;
    if (skpi_post_groups_new(&g, ds, by, all, o) != SKPI_OK) return die("groups");
    for (size_t i = 0; i <= skpi_post_groups_count(g); i++) {
        skpi_post_group x = { .version = SKPI_POST_GROUP_VERSION };
        int rc = i < skpi_post_groups_count(g) ? skpi_post_groups_get(&x, g, i)
                                                : skpi_post_groups_summary(&x, g);
        if (rc != SKPI_OK) return die("group");
        printf("group\t%s\t%s\t%zu\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%d\n", name, x.key, x.posts,
               x.valued, v(x.total), v(x.median), v(x.rate), v(x.share), x.too_few);
    }
    skpi_post_groups_free(g);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: content_figures ZONE METRIC RATE FILE...\n");
        return 2;
    }
    skpi_dataset *ds;
    skpi_calendar *cal;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK || skpi_calendar_new(&cal) != SKPI_OK) return 2;
    if (strcmp(argv[1], "UTC") != 0 && skpi_calendar_set_time_zone(cal, argv[1]) != SKPI_OK)
        return die(argv[1]);
    for (int i = 4; i < argc; i++) {
        skpi_import_summary *sum;
        if (skpi_import_file(&sum, ds, argv[i], NULL) != SKPI_OK) return die(argv[i]);
        skpi_import_summary_free(sum);
    }
    skpi_period all = { skpi_time_min(), skpi_time_max() };
    skpi_content_options o = SKPI_CONTENT_OPTIONS_INIT;
    o.metric = argv[2];
    o.rate = argv[3];
    o.calendar = cal;
    if (groups(ds, SKPI_POSTS_BY_TYPE, "type", all, &o) || groups(ds, SKPI_POSTS_BY_TAG, "tag", all, &o))
        return 1;
    skpi_posting_times *t;
    if (skpi_posting_times_new(&t, ds, all, &o) != SKPI_OK) return die("times");
    for (int wd = 1; wd <= 7; wd++)
        for (int h = 0; h < 24; h++) {
            size_t n;
            skpi_value m;
            skpi_posting_times_cell(&n, &m, t, wd, h);
            if (n) printf("cell\t%d\t%d\t%zu\t%.17g\n", wd, h, n, v(m));
        }
    for (size_t r = 0; r < skpi_posting_times_best_count(t); r++) {
        int wd, h;
        skpi_posting_times_best(&wd, &h, t, r);
        printf("best\t%d\t%d\n", wd, h);
    }
    skpi_posting_times_free(t);
    skpi_calendar_free(cal);
    skpi_dataset_free(ds);
    return 0;
}
