/* Store benchmark: write 10 M points in one durable transaction, read one
 * month of one series back, file size per point; against the schema a user
 * would write by hand (one SQLite row per point, WITHOUT ROWID, keyed by
 * series and time), in the same run.
 *
 *   bench_store [--points N] [--dir DIR] [--no-baseline]
 *
 * N points (default 10,000,000) are 1,000 series (10 metrics x 100
 * channels) of N / 1000 hourly points each. Two value shapes are written:
 * counts (whole numbers, as most social metrics are) and rates (fractions).
 * Reads take a random series and a random 31-day window (744 hourly points)
 * from a freshly opened store, 2,000 times. */
#define _GNU_SOURCE
#include <socialkpi.h>

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef SKPI_BENCH_BUILD_TYPE
#define SKPI_BENCH_BUILD_TYPE "unknown"
#endif

#define SERIES 1000
#define HOUR 3600
#define T0 INT64_C(1704067200) /* 2024-01-01T00:00:00Z */
#define READS 2000
#define MONTH_POINTS 744 /* 31 days of hourly points */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench_store: %s: %s\n", what, msg);
    exit(1);
}

static void remove_db(const char *p)
{
    char b[600];
    unlink(p);
    snprintf(b, sizeof b, "%s-wal", p);
    unlink(b);
    snprintf(b, sizeof b, "%s-shm", p);
    unlink(b);
}

static long long file_size(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 ? (long long)sb.st_size : -1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Deterministic values: a random walk of counts, or fractions. */
static uint64_t rng = UINT64_C(88172645463325252);
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void fill(double *v, size_t n, int rates)
{
    double level = 1000 + (double)(next_rand() % 100000);
    for (size_t i = 0; i < n; i++) {
        if (rates) {
            v[i] = (double)(next_rand() % 1000000) / 7919.0;
        } else {
            level += (double)(next_rand() % 201) - 100;
            if (level < 0) level = 0;
            v[i] = level;
        }
    }
}

static void keys(char *metric, char *channel, int s)
{
    sprintf(metric, "metric_%d", s % 10);
    sprintf(channel, "instagram:@account%03d", s / 10);
}

typedef struct result {
    double write_s;
    double size_per_point;
    double read_median_us, read_p99_us, read_mean_us;
} result;

static void summarise(result *r, double *lat)
{
    qsort(lat, READS, sizeof *lat, cmp_double);
    double sum = 0;
    for (int i = 0; i < READS; i++) sum += lat[i];
    r->read_median_us = lat[READS / 2] * 1e6;
    r->read_p99_us = lat[READS * 99 / 100] * 1e6;
    r->read_mean_us = sum / READS * 1e6;
}

static result run_store(const char *path, size_t per, int rates)
{
    result r;
    skpi_time *t = malloc(per * sizeof *t);
    double *v = malloc(per * sizeof *v);
    for (size_t i = 0; i < per; i++) t[i] = T0 + (skpi_time)i * HOUR;
    char metric[32], channel[64];

    remove_db(path);
    skpi_store *st;
    if (skpi_store_open(&st, path, NULL) != SKPI_OK) die("open", skpi_last_error());
    double a = now_s();
    if (skpi_store_begin(st) != SKPI_OK) die("begin", skpi_last_error());
    for (int s = 0; s < SERIES; s++) {
        keys(metric, channel, s);
        fill(v, per, rates);
        if (skpi_store_write_points(st, metric, channel, t, v, per) != SKPI_OK)
            die("write", skpi_last_error());
    }
    if (skpi_store_commit(st) != SKPI_OK) die("commit", skpi_last_error());
    r.write_s = now_s() - a;
    skpi_store_free(st);
    r.size_per_point = (double)file_size(path) / ((double)per * SERIES);

    if (skpi_store_open(&st, path, NULL) != SKPI_OK) die("open", skpi_last_error());
    static double lat[READS];
    size_t window = per > MONTH_POINTS ? per - MONTH_POINTS : 1;
    for (int i = 0; i < READS; i++) {
        int s = (int)(next_rand() % SERIES);
        keys(metric, channel, s);
        skpi_time start = T0 + (skpi_time)(next_rand() % window) * HOUR;
        skpi_period month = { start, start + MONTH_POINTS * HOUR };
        skpi_series *out;
        a = now_s();
        if (skpi_store_read_series(&out, st, metric, channel, month) != SKPI_OK)
            die("read", skpi_last_error());
        lat[i] = now_s() - a;
        if (per >= MONTH_POINTS && skpi_series_length(out) != MONTH_POINTS)
            die("read", "wrong number of points");
        skpi_series_free(out);
    }
    skpi_store_free(st);
    summarise(&r, lat);
    free(t);
    free(v);
    return r;
}

static void sql_check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) die(what, sqlite3_errmsg(db));
}

/* Keeps the rows read from being optimised away. */
static volatile double sink;

/* The hand-written alternative: one row per point, same durability. */
static result run_rows(const char *path, size_t per, int rates)
{
    result r;
    double *v = malloc(per * sizeof *v);
    remove_db(path);
    sqlite3 *db;
    sql_check(NULL, sqlite3_open(path, &db), "open");
    sql_check(db, sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                               "CREATE TABLE series(id INTEGER PRIMARY KEY, metric TEXT, channel TEXT,"
                               " UNIQUE(metric, channel));"
                               "CREATE TABLE point(series INTEGER, t INTEGER, v REAL,"
                               " PRIMARY KEY(series, t)) WITHOUT ROWID", NULL, NULL, NULL), "schema");
    sqlite3_stmt *ins_series, *ins_point, *find, *sel;
    sql_check(db, sqlite3_prepare_v2(db, "INSERT INTO series(metric, channel) VALUES (?1, ?2)",
                                     -1, &ins_series, NULL), "prepare");
    sql_check(db, sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO point VALUES (?1, ?2, ?3)", -1,
                                     &ins_point, NULL), "prepare");
    char metric[32], channel[64];
    double a = now_s();
    sql_check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), "begin");
    for (int s = 0; s < SERIES; s++) {
        keys(metric, channel, s);
        fill(v, per, rates);
        sqlite3_bind_text(ins_series, 1, metric, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins_series, 2, channel, -1, SQLITE_STATIC);
        sql_check(db, sqlite3_step(ins_series), "insert");
        sqlite3_reset(ins_series);
        sqlite3_int64 id = sqlite3_last_insert_rowid(db);
        for (size_t i = 0; i < per; i++) {
            sqlite3_bind_int64(ins_point, 1, id);
            sqlite3_bind_int64(ins_point, 2, T0 + (sqlite3_int64)i * HOUR);
            sqlite3_bind_double(ins_point, 3, v[i]);
            sql_check(db, sqlite3_step(ins_point), "insert");
            sqlite3_reset(ins_point);
        }
    }
    sql_check(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
    r.write_s = now_s() - a;
    sqlite3_finalize(ins_series);
    sqlite3_finalize(ins_point);
    sqlite3_close(db);
    r.size_per_point = (double)file_size(path) / ((double)per * SERIES);

    sql_check(NULL, sqlite3_open(path, &db), "open");
    sql_check(db, sqlite3_prepare_v2(db, "SELECT id FROM series WHERE metric = ?1 AND channel = ?2",
                                     -1, &find, NULL), "prepare");
    sql_check(db, sqlite3_prepare_v2(db, "SELECT t, v FROM point WHERE series = ?1 AND t >= ?2"
                                     " AND t < ?3 ORDER BY t", -1, &sel, NULL), "prepare");
    static double lat[READS];
    static skpi_time ot[MONTH_POINTS];
    static double ov[MONTH_POINTS];
    size_t window = per > MONTH_POINTS ? per - MONTH_POINTS : 1;
    for (int i = 0; i < READS; i++) {
        int s = (int)(next_rand() % SERIES);
        keys(metric, channel, s);
        skpi_time start = T0 + (skpi_time)(next_rand() % window) * HOUR;
        a = now_s();
        sqlite3_bind_text(find, 1, metric, -1, SQLITE_STATIC);
        sqlite3_bind_text(find, 2, channel, -1, SQLITE_STATIC);
        sql_check(db, sqlite3_step(find), "find");
        sqlite3_int64 id = sqlite3_column_int64(find, 0);
        sqlite3_reset(find);
        sqlite3_bind_int64(sel, 1, id);
        sqlite3_bind_int64(sel, 2, start);
        sqlite3_bind_int64(sel, 3, start + MONTH_POINTS * HOUR);
        size_t n = 0;
        while (sqlite3_step(sel) == SQLITE_ROW && n < MONTH_POINTS) {
            ot[n] = sqlite3_column_int64(sel, 0);
            ov[n++] = sqlite3_column_double(sel, 1);
        }
        sqlite3_reset(sel);
        lat[i] = now_s() - a;
        if (n > 0) sink += ov[n - 1] + (double)ot[n - 1];
        if (per >= MONTH_POINTS && n != MONTH_POINTS) die("read", "wrong number of rows");
    }
    sqlite3_finalize(find);
    sqlite3_finalize(sel);
    sqlite3_close(db);
    summarise(&r, lat);
    free(v);
    return r;
}

static void report(const char *name, const result *r, double points)
{
    printf("  %-22s write %6.2f s = %6.2f M points/s   %5.2f bytes/point   "
           "month read: median %6.1f us, p99 %6.1f us, mean %6.1f us\n",
           name, r->write_s, points / r->write_s / 1e6, r->size_per_point, r->read_median_us,
           r->read_p99_us, r->read_mean_us);
}

int main(int argc, char **argv)
{
    size_t points = 10000000;
    const char *dir = "/tmp";
    int baseline = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--points") == 0 && i + 1 < argc) points = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) dir = argv[++i];
        else if (strcmp(argv[i], "--no-baseline") == 0) baseline = 0;
        else {
            fprintf(stderr, "usage: %s [--points N] [--dir DIR] [--no-baseline]\n", argv[0]);
            return 2;
        }
    }
    size_t per = points / SERIES;
    if (per == 0) per = 1;
    double total = (double)per * SERIES;
    char store_path[512], rows_path[512];
    snprintf(store_path, sizeof store_path, "%s/bench_store_%d.db", dir, (int)getpid());
    snprintf(rows_path, sizeof rows_path, "%s/bench_rows_%d.db", dir, (int)getpid());
    printf("bench_store: socialkpi %s (%s build), SQLite %s\n", skpi_version_string(),
           SKPI_BENCH_BUILD_TYPE, sqlite3_libversion());
    printf("%.0f points = %d series x %zu hourly points, one transaction, synchronous=FULL "
           "(durable at commit); %d reads of %d points (31 days) from a freshly opened store\n",
           total, SERIES, per, READS, MONTH_POINTS);
    for (int rates = 0; rates < 2; rates++) {
        printf("%s:\n", rates ? "rates (fractional values)" : "counts (whole values)");
        result s = run_store(store_path, per, rates);
        report("socialkpi store", &s, total);
        remove_db(store_path);
        if (baseline) {
            result b = run_rows(rows_path, per, rates);
            report("SQLite row per point", &b, total);
            remove_db(rows_path);
            printf("  ratios (store vs rows): write %.1fx faster, %.1fx smaller, month read "
                   "%.1fx faster (median)\n", b.write_s / s.write_s,
                   b.size_per_point / s.size_per_point, b.read_median_us / s.read_median_us);
        }
    }
    return 0;
}
