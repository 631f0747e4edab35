/* What the import's savepoint costs: a dataset of C channels x D days of
 * daily impressions and likes, then one more day for every channel, written
 * (a) with skpi_dataset_append alone, (b) the same inside a savepoint that
 * is committed, (c) inside a savepoint that is rolled back, and (d) as a
 * whole import of a generic long CSV (which uses the savepoint). Each round
 * appends a new day; the best of R rounds is printed.
 * Usage: bench_savepoint [CHANNELS [DAYS [ROUNDS]]] */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <socialkpi.h>
#include "core/dataset_txn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define T0 INT64_C(1704067200) /* 2024-01-01T00:00:00Z */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, skpi_last_error());
    exit(1);
}

static skpi_dataset *loaded(int channels, int days)
{
    skpi_dataset *ds;
    if (skpi_dataset_new(&ds, NULL) != SKPI_OK) die("new");
    skpi_time *t = malloc((size_t)days * sizeof *t);
    double *v = malloc((size_t)days * sizeof *v);
    if (!t || !v) exit(1);
    for (int i = 0; i < days; i++) {
        t[i] = T0 + (skpi_time)i * 86400;
        v[i] = i;
    }
    char ch[32];
    for (int c = 0; c < channels; c++) {
        snprintf(ch, sizeof ch, "x:@acct%d", c);
        if (skpi_dataset_append(ds, "impressions", ch, t, v, (size_t)days) != SKPI_OK ||
            skpi_dataset_append(ds, "likes", ch, t, v, (size_t)days) != SKPI_OK)
            die("append");
    }
    free(t);
    free(v);
    return ds;
}

/* One point per (metric, channel) at time t. */
static void append_day(skpi_dataset *ds, int channels, skpi_time t)
{
    char ch[32];
    for (int c = 0; c < channels; c++) {
        double v = c;
        snprintf(ch, sizeof ch, "x:@acct%d", c);
        if (skpi_dataset_append(ds, "impressions", ch, &t, &v, 1) != SKPI_OK ||
            skpi_dataset_append(ds, "likes", ch, &t, &v, 1) != SKPI_OK)
            die("append");
    }
}

int main(int argc, char **argv)
{
    int channels = argc > 1 ? atoi(argv[1]) : 1000;
    int days = argc > 2 ? atoi(argv[2]) : 1096;
    int rounds = argc > 3 ? atoi(argv[3]) : 50;
    if (channels < 1 || days < 1 || rounds < 1) {
        fprintf(stderr, "usage: bench_savepoint [CHANNELS [DAYS [ROUNDS]]]\n");
        return 2;
    }
    skpi_dataset *ds = loaded(channels, days);
    double best[4] = { 1e300, 1e300, 1e300, 1e300 };
    size_t cap = (size_t)channels * 128 + 64;
    char *csv = malloc(cap);
    if (!csv) return 1;
    int day = days;
    for (int r = 0; r < rounds; r++) {
        /* (a), (b) and (c) each on a new day, so that every append lands
         * after the series' last point as a daily job's would */
        double a = now();
        append_day(ds, channels, T0 + (skpi_time)day++ * 86400);
        double b = now();
        if (b - a < best[0]) best[0] = b - a;
        a = now();
        if (skpi__dataset_savepoint_begin(ds) != SKPI_OK) die("begin");
        append_day(ds, channels, T0 + (skpi_time)day++ * 86400);
        skpi__dataset_savepoint_commit(ds);
        b = now();
        if (b - a < best[1]) best[1] = b - a;
        a = now();
        if (skpi__dataset_savepoint_begin(ds) != SKPI_OK) die("begin");
        append_day(ds, channels, T0 + (skpi_time)day * 86400);
        skpi__dataset_savepoint_rollback(ds);
        b = now();
        if (b - a < best[2]) best[2] = b - a;
        /* (d) the day as a CSV file */
        char date[32];
        if (skpi_time_format_date(date, sizeof date, T0 + (skpi_time)day++ * 86400, 0) != SKPI_OK)
            die("date");
        size_t n = (size_t)snprintf(csv, cap, "date,channel,metric,value\n");
        for (int c = 0; c < channels; c++)
            n += (size_t)snprintf(csv + n, cap - n,
                                  "%s,x:@acct%d,impressions,%d\n%s,x:@acct%d,likes,%d\n",
                                  date, c, c, date, c, c);
        a = now();
        if (skpi_import_buffer(NULL, ds, csv, n, "day.csv", NULL) != SKPI_OK) die("import");
        b = now();
        if (b - a < best[3]) best[3] = b - a;
    }
    printf("%d channels x %d days, %d series touched, best of %d rounds (build %s):\n",
           channels, days, 2 * channels, rounds, SKPI_BENCH_BUILD_TYPE);
    printf("  appends alone             %8.3f ms\n", best[0] * 1e3);
    printf("  appends in a savepoint    %8.3f ms (commit)\n", best[1] * 1e3);
    printf("  appends in a savepoint    %8.3f ms (rollback)\n", best[2] * 1e3);
    printf("  import of the day as CSV  %8.3f ms (savepoint included)\n", best[3] * 1e3);
    free(csv);
    skpi_dataset_free(ds);
    return 0;
}
