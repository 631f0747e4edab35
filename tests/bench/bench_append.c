/* Bulk append from C: the reference bench_python_append.py compares the
 * Python binding's numpy append with. Prints one line per case:
 * "<case> <best seconds> <mean seconds>". */
#include <socialkpi.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef SKPI_BENCH_BUILD_TYPE
#define SKPI_BENCH_BUILD_TYPE "unknown"
#endif

/* 2020-01-01T00:00:00Z */
#define START INT64_C(1577836800)

static double now(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void check(int rc, const char *what)
{
    if (rc != SKPI_OK) {
        fprintf(stderr, "%s: %s\n", what, skpi_last_error());
        exit(1);
    }
}

/* The data bench_python_append.py builds with numpy: one point a minute
 * from 2020, values cycling through 0, 0.5, ..., 499.5, every 97th missing. */
static void generate(skpi_time *t, double *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        t[i] = START + 60 * (int64_t)i;
        v[i] = (i % 97 == 96) ? NAN : (double)(i % 1000) * 0.5;
    }
}

/* Each round creates the container, appends all points in one call (what is
 * timed) and frees it (not timed). The best round counts: the machine may be
 * shared. */
static void bench_series(const skpi_time *t, const double *v, size_t n, int reps)
{
    double best = 1e30, total = 0;
    for (int r = 0; r < reps; r++) {
        skpi_series *s;
        double t0 = now();
        check(skpi_series_new(&s, "impressions", "x:@bench"), "series");
        check(skpi_series_append(s, t, v, n), "series append");
        double dt = now() - t0;
        if (skpi_series_length(s) != n) {
            fprintf(stderr, "series holds %zu points, expected %zu\n", skpi_series_length(s), n);
            exit(1);
        }
        skpi_series_free(s);
        total += dt;
        if (dt < best) best = dt;
    }
    printf("series_append %.6f %.6f\n", best, total / reps);
}

static void bench_dataset(const skpi_time *t, const double *v, size_t n, int reps)
{
    double best = 1e30, total = 0;
    for (int r = 0; r < reps; r++) {
        skpi_dataset *ds;
        double t0 = now();
        check(skpi_dataset_new(&ds, NULL), "dataset");
        check(skpi_dataset_append(ds, "impressions", "x:@bench", t, v, n), "dataset append");
        double dt = now() - t0;
        skpi_dataset_free(ds);
        total += dt;
        if (dt < best) best = dt;
    }
    printf("dataset_append %.6f %.6f\n", best, total / reps);
}

int main(int argc, char **argv)
{
    size_t n = 10000000;
    int reps = 5;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--n") == 0 && i + 1 < argc) {
            n = (size_t)strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) {
            reps = atoi(argv[++i]);
        } else {
            fprintf(stderr, "usage: %s [--n POINTS] [--reps ROUNDS]\n", argv[0]);
            return 2;
        }
    }
    if (n == 0 || reps < 1 || n > SIZE_MAX / sizeof(double)) {
        fprintf(stderr, "--n and --reps must be at least 1 (and --n fit in memory)\n");
        return 2;
    }
    skpi_time *t = malloc(n * sizeof *t);
    double *v = malloc(n * sizeof *v);
    if (t == NULL || v == NULL) {
        fprintf(stderr, "out of memory for %zu points\n", n);
        return 1;
    }
    generate(t, v, n);
    printf("build %s points %zu reps %d\n", SKPI_BENCH_BUILD_TYPE, n, reps);
    bench_series(t, v, n, reps);
    bench_dataset(t, v, n, reps);
    free(t);
    free(v);
    return 0;
}
