/* Import timing: imports the given CSV files into a fresh dataset, K times,
 * and prints the best wall time. tests/bench/bench_import.py drives it and
 * times pandas on the same files in the same run.
 * Usage: bench_import [--repeat K] FILE... */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <socialkpi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    int repeat = 3, first = 1;
    if (argc > 2 && strcmp(argv[1], "--repeat") == 0) {
        repeat = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || repeat < 1) {
        fprintf(stderr, "usage: bench_import [--repeat K] FILE...\n");
        return 2;
    }
    double best = 1e300;
    unsigned long long points = 0, posts = 0;
    for (int r = 0; r < repeat; r++) {
        skpi_dataset *ds;
        if (skpi_dataset_new(&ds, NULL) != SKPI_OK)
            return 1;
        double t0 = now();
        points = posts = 0;
        for (int i = first; i < argc; i++) {
            skpi_import_summary *sum;
            if (skpi_import_file(&sum, ds, argv[i], NULL) != SKPI_OK) {
                fprintf(stderr, "%s\n", skpi_last_error());
                return 1;
            }
            points += skpi_import_summary_points(sum);
            posts += skpi_import_summary_posts(sum);
            skpi_import_summary_free(sum);
        }
        double t = now() - t0;
        if (t < best)
            best = t;
        skpi_dataset_free(ds);
    }
    printf("files %d points %llu posts %llu best_seconds %.6f build %s\n", argc - first, points,
           posts, best, SKPI_BENCH_BUILD_TYPE);
    return 0;
}
