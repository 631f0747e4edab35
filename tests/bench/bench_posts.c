/* Content aggregates on 1 M posts: by normalised type and by weekday x hour
 * in an IANA zone, the best of --repeat runs each, and the first run of
 * each on its own: the first by type builds the dataset's post columns,
 * which every later call reuses. Reads the posts that
 * bench_posts.py generated (one line per post: seconds since the epoch, raw
 * type, engagements, impressions) so that pandas groups the very same data,
 * and prints the timings and the figures the script compares.
 * Usage: bench_posts FILE ZONE [--repeat N] */
#define _POSIX_C_SOURCE 200809L
#define SKPI_EXPERIMENTAL
#include <socialkpi.h>

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef SKPI_BENCH_BUILD_TYPE
#define SKPI_BENCH_BUILD_TYPE ""
#endif

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int die(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, skpi_last_error());
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_posts FILE ZONE [--repeat N]\n");
        return 2;
    }
    int repeat = argc >= 5 && strcmp(argv[3], "--repeat") == 0 ? atoi(argv[4]) : 5;
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    skpi_dataset *ds;
    skpi_calendar *cal;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK || skpi_calendar_new(&cal) != SKPI_OK) return 2;
    if (skpi_calendar_set_time_zone(cal, argv[2]) != SKPI_OK) return die(argv[2]);
    long long t;
    char type[64], id[32];
    double eng, imp;
    size_t n = 0;
    skpi_time lo = INT64_MAX, hi = INT64_MIN;
    double t0 = now();
    while (fscanf(f, "%lld %63s %lf %lf", &t, type, &eng, &imp) == 4) {
        snprintf(id, sizeof id, "%zu", n++);
        for (char *c = type; *c; c++)
            if (*c == '_') *c = ' '; /* "IG_reel" in the file */
        if (skpi_dataset_add_post(ds, "instagram:@acme", id, t, type, "", "") != SKPI_OK ||
            skpi_dataset_set_post_value(ds, "instagram:@acme", id, "engagements", eng) != SKPI_OK ||
            skpi_dataset_set_post_value(ds, "instagram:@acme", id, "impressions", imp) != SKPI_OK)
            return die("add");
        if (t < lo) lo = t;
        if (t > hi) hi = t;
    }
    fclose(f);
    printf("build %s\nposts %zu\nload_s %.3f\n", SKPI_BENCH_BUILD_TYPE, n, now() - t0);
    skpi_period all = { lo, hi + 1 };
    skpi_content_options o = SKPI_CONTENT_OPTIONS_INIT;
    o.calendar = cal;
    double best_type = INFINITY, best_time = INFINITY, cold_type = 0, cold_time = 0;
    skpi_post_groups *g = NULL;
    skpi_posting_times *pt = NULL;
    for (int r = 0; r < repeat; r++) {
        skpi_post_groups_free(g);
        skpi_posting_times_free(pt);
        double a = now();
        if (skpi_post_groups_new(&g, ds, SKPI_POSTS_BY_TYPE, all, &o) != SKPI_OK) return die("groups");
        double b = now();
        if (skpi_posting_times_new(&pt, ds, all, &o) != SKPI_OK) return die("times");
        double c = now();
        if (r == 0) {
            cold_type = b - a;
            cold_time = c - b;
        }
        if (b - a < best_type) best_type = b - a;
        if (c - b < best_time) best_time = c - b;
    }
    printf("type_ms %.3f\ntime_ms %.3f\n", best_type * 1e3, best_time * 1e3);
    printf("cold_type_ms %.3f\ncold_time_ms %.3f\n", cold_type * 1e3, cold_time * 1e3);
    for (size_t i = 0; i < skpi_post_groups_count(g); i++) {
        skpi_post_group x = { .version = SKPI_POST_GROUP_VERSION };
        skpi_post_groups_get(&x, g, i);
        printf("type %s %zu %.17g %.17g %.17g %.17g\n", x.key, x.posts, x.total.value,
               x.median.value, x.rate.value, x.share.value);
    }
    skpi_post_group sum = { .version = SKPI_POST_GROUP_VERSION };
    skpi_post_groups_summary(&sum, g);
    printf("type %s %zu %.17g %.17g %.17g %.17g\n", sum.key, sum.posts, sum.total.value,
           sum.median.value, sum.rate.value, sum.share.value);
    for (int wd = 1; wd <= 7; wd++)
        for (int h = 0; h < 24; h++) {
            size_t k;
            skpi_value m;
            skpi_posting_times_cell(&k, &m, pt, wd, h);
            if (k) printf("cell %d %d %zu %.17g\n", wd, h, k, m.value);
        }
    skpi_post_groups_free(g);
    skpi_posting_times_free(pt);
    skpi_calendar_free(cal);
    skpi_dataset_free(ds);
    return 0;
}
