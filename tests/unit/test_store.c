/* Tests of store.h: opening and refusing files, migrations from the
 * fixtures, round trips of every record (points, posts, metrics, datasets,
 * goals, objectives and check-ins, report definitions and runs),
 * transactions, the store as a data source, locks, disk full, read-only
 * files, SIGKILL mid-import and several processes at once, and
 * out-of-memory loops. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL
#include <socialkpi.h>
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/chunk.h"
#include "store/store_internal.h"
#include "test_alloc.h"
#include "test_json_alloc.h"

#define DAY INT64_C(86400)
/* 2024-01-01T00:00:00Z: 54 years of 365 days and 13 leap days after 1970,
 * (54 * 365 + 13) * 86400 = 19723 * 86400. */
#define T0 INT64_C(1704067200)

/* ---------------------------------------------------------------- helpers */

static char dir[64];

static const char *path_of(char *buf, const char *name)
{
    snprintf(buf, 256, "%s/%s", dir, name);
    return buf;
}

static void remove_store(const char *p)
{
    char b[300];
    unlink(p);
    snprintf(b, sizeof b, "%s-wal", p);
    unlink(b);
    snprintf(b, sizeof b, "%s-shm", p);
    unlink(b);
    snprintf(b, sizeof b, "%s-journal", p);
    unlink(b);
}

static int exists(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0;
}

static skpi_store *fresh(char *buf, const char *name)
{
    path_of(buf, name);
    remove_store(buf);
    skpi_store *st = NULL;
    int rc = skpi_store_open(&st, buf, NULL);
    if (rc != SKPI_OK) fail_msg("open %s: %s", buf, skpi_last_error());
    return st;
}

static skpi_store *reopen(const char *p, int busy_ms)
{
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.busy_timeout_ms = busy_ms;
    skpi_store *st = NULL;
    int rc = skpi_store_open(&st, p, &o);
    if (rc != SKPI_OK) fail_msg("open %s: %s", p, skpi_last_error());
    return st;
}

static sqlite3 *raw_open(const char *p)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(p, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    return db;
}

static void raw_exec(const char *p, const char *sql)
{
    sqlite3 *db = raw_open(p);
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) fail_msg("%s: %s", sql, err);
    sqlite3_close(db);
}

static long long raw_int(const char *p, const char *sql)
{
    sqlite3 *db = raw_open(p);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

static char *raw_text(const char *p, const char *sql)
{
    sqlite3 *db = raw_open(p);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    char *out = NULL;
    size_t len = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, 0);
        if (t == NULL) t = "NULL";
        size_t k = strlen(t);
        out = realloc(out, len + k + 2);
        memcpy(out + len, t, k);
        out[len + k] = '\n';
        len += k + 1;
        out[len] = '\0';
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out ? out : strdup("");
}

static unsigned char *read_file(const char *p, size_t *len)
{
    FILE *f = fopen(p, "rb");
    assert_non_null(f);
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap);
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        if (k == 0) break;
        n += k;
    }
    fclose(f);
    *len = n;
    return buf;
}

static void write_file(const char *p, const void *data, size_t len)
{
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Same bits, so that NaN and -0.0 compare as stored. */
static int same_bits(double a, double b)
{
    if (isnan(a) && isnan(b)) return 1;
    return memcmp(&a, &b, sizeof a) == 0;
}

static skpi_series *read_all(skpi_store *st, const char *metric, const char *channel)
{
    skpi_series *s = NULL;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    int rc = skpi_store_read_series(&s, st, metric, channel, all);
    if (rc != SKPI_OK) fail_msg("read %s %s: %s", metric, channel, skpi_last_error());
    return s;
}

static void assert_points(const skpi_series *s, const skpi_time *t, const double *v, size_t n)
{
    assert_int_equal(skpi_series_length(s), n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(skpi_series_times(s)[i], t[i]);
        if (!same_bits(skpi_series_values(s)[i], v[i]))
            fail_msg("point %zu: %.17g, expected %.17g", i, skpi_series_values(s)[i], v[i]);
    }
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---------------------------------------------------------------- options, open */

static void options_init_sets_defaults(void **state)
{
    (void)state;
    skpi_store_options o;
    memset(&o, 0x5A, sizeof o);
    assert_int_equal(skpi_store_options_init(&o, SKPI_STORE_OPTIONS_VERSION), SKPI_OK);
    assert_int_equal(o.version, 1);
    assert_int_equal(o.read_only, 0);
    assert_int_equal(o.create, 1);
    assert_int_equal(o.busy_timeout_ms, 5000);
    skpi_store_options m = SKPI_STORE_OPTIONS_INIT;
    assert_memory_equal(&m, &o, sizeof o);
    assert_int_equal(skpi_store_options_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_store_options_init(&o, 2), SKPI_EVERSION);
    assert_int_equal(skpi_store_schema_version(), 10);
}

static void open_creates_wal_store(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "new.db");
    assert_true(exists(p));
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    skpi_store_free(st);
    assert_int_equal(raw_int(p, "PRAGMA application_id"), 0x534B5049);
    assert_int_equal(raw_int(p, "PRAGMA user_version"), skpi_store_schema_version());
    char *mode = raw_text(p, "PRAGMA journal_mode");
    assert_string_equal(mode, "wal\n");
    free(mode);
    char *lib = raw_text(p, "SELECT value FROM meta WHERE key = 'library'");
    char expect[64];
    snprintf(expect, sizeof expect, "%s\n", skpi_version_string());
    assert_string_equal(lib, expect);
    free(lib);
    /* opening again finds a current store */
    st = reopen(p, 5000);
    skpi_store_free(st);
    skpi_store_free(NULL);

    /* a relative name that looks like an SQLite URI is a plain file name */
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    int rc = skpi_store_open(&st, "file:odd.db?mode=ro", &o);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(rc, SKPI_OK);
    skpi_store_free(st);
    assert_true(exists(path_of(p, "file:odd.db?mode=ro")));
}

static void open_rejects_misuse(void **state)
{
    (void)state;
    char p[256];
    path_of(p, "misuse.db");
    remove_store(p);
    skpi_store *st = (skpi_store *)&st;
    assert_int_equal(skpi_store_open(NULL, p, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_open(&st, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_open(&st, "", NULL), SKPI_EINVAL);
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.version = 7;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_EVERSION);
    assert_non_null(strstr(skpi_last_error(), "version 7"));
    o.version = SKPI_STORE_OPTIONS_VERSION;
    o.busy_timeout_ms = -1;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "busy_timeout_ms"));
    assert_ptr_equal(st, (skpi_store *)&st);
    assert_false(exists(p));
    /* the other entry points refuse NULL handles with a message */
    skpi_series *s;
    skpi_period all = { 0, 1 };
    assert_int_equal(skpi_store_read_series(&s, NULL, "likes", "x:@a", all), SKPI_EMISUSE);
    assert_int_equal(skpi_store_write_series(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_begin(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_commit(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_rollback(NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_check(NULL), SKPI_EMISUSE);
    skpi_source src;
    assert_int_equal(skpi_store_source(&src, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_source(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_write_catalog(NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_read_catalog(NULL, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_write_dataset(NULL, NULL), SKPI_EMISUSE);
    skpi_dataset *ds;
    assert_int_equal(skpi_store_read_dataset(&ds, NULL, NULL, all), SKPI_EMISUSE);
    assert_int_equal(skpi_store_open_dataset(&ds, NULL, NULL, all), SKPI_EMISUSE);
    assert_int_equal(skpi_store_write_post(NULL, "x:@a", "1", 0, NULL, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_write_post_value(NULL, "x:@a", "1", "likes", 1), SKPI_EMISUSE);
    assert_string_equal(skpi_last_error(), "skpi_store_write_post_value: a required argument is NULL");
}

static void open_missing_file(void **state)
{
    (void)state;
    char p[256];
    path_of(p, "missing.db");
    remove_store(p);
    skpi_store *st = NULL;
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.create = 0;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "does not exist"));
    o.create = 1;
    o.read_only = 1;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_ENOTFOUND);
    assert_false(exists(p));
    assert_null(st);
    char q[300];
    snprintf(q, sizeof q, "%s/no/such/folder/s.db", dir);
    assert_int_equal(skpi_store_open(&st, q, NULL), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "cannot be created"));
}

static void open_refuses_files_that_are_not_stores(void **state)
{
    (void)state;
    char p[256];
    path_of(p, "notes.txt");
    remove_store(p);
    char text[600];
    for (size_t i = 0; i < sizeof text; i++) text[i] = (char)('a' + i % 26);
    write_file(p, text, sizeof text);
    skpi_store *st = NULL;
    assert_int_equal(skpi_store_open(&st, p, NULL), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "not an SQLite database"));
    size_t len;
    unsigned char *after = read_file(p, &len);
    assert_int_equal(len, sizeof text);
    assert_memory_equal(after, text, sizeof text);
    free(after);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", p);
    assert_false(exists(wal));

    /* another program's SQLite database */
    path_of(p, "other.db");
    remove_store(p);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_close(db);
    size_t before_len;
    unsigned char *before = read_file(p, &before_len);
    assert_int_equal(skpi_store_open(&st, p, NULL), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "not a socialkpi store"));
    after = read_file(p, &len);
    assert_int_equal(len, before_len);
    assert_memory_equal(after, before, len);
    free(after);
    free(before);
    char *mode = raw_text(p, "PRAGMA journal_mode");
    assert_string_equal(mode, "delete\n");
    free(mode);

    /* an empty file becomes a store read-write, but is no store read-only */
    path_of(p, "empty.db");
    remove_store(p);
    write_file(p, "", 0);
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.read_only = 1;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "empty database"));
    assert_int_equal(skpi_store_open(&st, p, NULL), SKPI_OK);
    skpi_store_free(st);
    assert_int_equal(raw_int(p, "PRAGMA user_version"), skpi_store_schema_version());

    /* marked as a store, but without a schema version */
    path_of(p, "marked.db");
    remove_store(p);
    assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA application_id = 1397444681; CREATE TABLE t(x)",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    st = NULL;
    assert_int_equal(skpi_store_open(&st, p, NULL), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "no schema version"));
    assert_null(st);
}

static void open_refuses_newer_schema(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "newer.db");
    skpi_time t = T0;
    double v = 1;
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@acme", &t, &v, 1), SKPI_OK);
    skpi_store_free(st);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", skpi_store_schema_version() + 1);
    raw_exec(p, sql);
    size_t before_len, len;
    unsigned char *before = read_file(p, &before_len);
    st = NULL;
    assert_int_equal(skpi_store_open(&st, p, NULL), SKPI_EVERSION);
    char expect[160];
    snprintf(expect, sizeof expect, "has store schema version %d, newer than version %d",
             skpi_store_schema_version() + 1, skpi_store_schema_version());
    assert_non_null(strstr(skpi_last_error(), expect));
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.read_only = 1;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_EVERSION);
    assert_null(st);
    unsigned char *after = read_file(p, &len);
    assert_int_equal(len, before_len);
    assert_memory_equal(after, before, len);
    free(before);
    free(after);
}

/* ---------------------------------------------------------------- points */

static void points_round_trip(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "points.db");
    /* unsorted, with T0 + 2 days twice: the later value (4) wins */
    skpi_time t[] = { T0 + 2 * DAY, T0, T0 + DAY, T0 + 2 * DAY, T0 + 5 * DAY };
    double v[] = { 3, 1.5, NAN, 4, -0.0 };
    assert_int_equal(skpi_store_write_points(st, "impressions", "instagram:@acme", t, v, 5),
                     SKPI_OK);
    skpi_series *s = read_all(st, "impressions", "instagram:@acme");
    assert_string_equal(skpi_series_metric(s), "impressions");
    assert_string_equal(skpi_series_channel(s), "instagram:@acme");
    skpi_time et[] = { T0, T0 + DAY, T0 + 2 * DAY, T0 + 5 * DAY };
    double ev[] = { 1.5, NAN, 4, -0.0 };
    assert_points(s, et, ev, 4);
    assert_true(signbit(skpi_series_values(s)[3]));
    skpi_series_free(s);

    /* [T0 + 1 day, T0 + 5 days): the two points inside */
    skpi_period mid = { T0 + DAY, T0 + 5 * DAY };
    assert_int_equal(skpi_store_read_series(&s, st, "impressions", "instagram:@acme", mid),
                     SKPI_OK);
    assert_points(s, et + 1, ev + 1, 2);
    skpi_series_free(s);
    skpi_period none = { T0 + 5 * DAY, T0 + 5 * DAY };
    assert_int_equal(skpi_store_read_series(&s, st, "impressions", "instagram:@acme", none),
                     SKPI_OK);
    assert_int_equal(skpi_series_length(s), 0);
    skpi_series_free(s);

    s = (skpi_series *)&s;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_read_series(&s, st, "impressions", "x:@acme", all),
                     SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "no series of \"impressions\" on \"x:@acme\""));
    skpi_period back = { T0, T0 - 1 };
    assert_int_equal(skpi_store_read_series(&s, st, "impressions", "instagram:@acme", back),
                     SKPI_EINVAL);
    assert_int_equal(skpi_store_read_series(&s, st, "", "instagram:@acme", all), SKPI_EINVAL);
    assert_int_equal(skpi_store_read_series(NULL, st, "impressions", "x:@a", all), SKPI_EMISUSE);
    assert_int_equal(skpi_store_read_series(&s, st, NULL, "x:@a", all), SKPI_EMISUSE);
    assert_ptr_equal(s, (skpi_series *)&s);
    skpi_store_free(st);
}

static void points_keep_extreme_values(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "extreme.db");
    /* whole numbers up to 2^53 travel as integer deltas ... */
    skpi_time t1[] = { SKPI_TIME_MIN, -1, 0, 1, SKPI_TIME_END - 1 };
    double v1[] = { 9007199254740992.0, -9007199254740992.0, 0, -1, 1 };
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t1, v1, 5), SKPI_OK);
    /* ... anything else as raw doubles: 2^53 + 2 is whole but too large,
     * the largest double, the smallest subnormal, -0.0, NaN, 0.1 */
    skpi_time t2[] = { 10, 20, 30, 40, 50, 60 };
    double v2[] = { 9007199254740994.0, DBL_MAX, 4.9406564584124654e-324, -0.0, NAN, 0.1 };
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", t2, v2, 6), SKPI_OK);
    skpi_store_free(st);
    st = reopen(p, 5000);
    skpi_series *s = read_all(st, "likes", "x:@a");
    assert_points(s, t1, v1, 5);
    skpi_series_free(s);
    s = read_all(st, "reach", "x:@a");
    assert_points(s, t2, v2, 6);
    skpi_series_free(s);
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    skpi_store_free(st);
}

static void points_merge_into_chunks(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "merge.db");
    enum { N = 1200 };
    static skpi_time t[N];
    static double v[N];
    for (int i = 0; i < N; i++) {
        t[i] = T0 + i * DAY;
        v[i] = i;
    }
    /* days 0-999 = their index: chunks of 512 and 488 points */
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", t, v, 1000), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM chunk"), 2);
    /* overwrite days 100-199 with minus their index */
    static double neg[100];
    for (int i = 0; i < 100; i++) neg[i] = -(100 + i);
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", t + 100, neg, 100), SKPI_OK);
    /* days 1000-1099 in one call, 1100-1199 one point per call: appends
     * fill the last chunk, so 1200 points need ceil(1200 / 512) = 3 chunks */
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", t + 1000, v + 1000, 100),
                     SKPI_OK);
    for (int i = 1100; i < N; i++)
        assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", t + i, v + i, 1), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM chunk"), 3);
    skpi_series *s = read_all(st, "reach", "x:@a");
    static double expect[N];
    for (int i = 0; i < N; i++) expect[i] = i >= 100 && i < 200 ? -i : i;
    assert_points(s, t, expect, N);
    skpi_series_free(s);
    /* a point between stored ones, and one before the first */
    skpi_time tx[] = { T0 + 500 * DAY + 1, T0 - DAY };
    double vx[] = { 0.5, 7 };
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", tx, vx, 2), SKPI_OK);
    skpi_period around = { T0 - DAY, T0 + 501 * DAY };
    assert_int_equal(skpi_store_read_series(&s, st, "reach", "x:@a", around), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 1 + 501 + 1); /* day -1, days 0-500, 500.5 */
    assert_int_equal(skpi_series_times(s)[0], T0 - DAY);
    assert_true(skpi_series_values(s)[0] == 7);
    assert_int_equal(skpi_series_times(s)[502], T0 + 500 * DAY + 1);
    assert_true(skpi_series_values(s)[502] == 0.5);
    skpi_series_free(s);
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    skpi_store_free(st);
}

static void points_bad_input_writes_nothing(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "bad.db");
    skpi_time t[] = { T0, T0 + DAY, SKPI_TIME_END };
    double v[] = { 1, INFINITY, 3 };
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, v, 2), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "values[1] is infinite"));
    double ok[] = { 1, 2, 3 };
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, ok, 3), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "times[2]"));
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, ok, 0), SKPI_EINVAL);
    char metric65[66];
    memset(metric65, 'm', 65);
    metric65[65] = '\0';
    const char *bad_metrics[] = { "", "Likes", "1likes", "likes-count", metric65 };
    for (size_t i = 0; i < sizeof bad_metrics / sizeof *bad_metrics; i++)
        assert_int_equal(skpi_store_write_points(st, bad_metrics[i], "x:@a", t, ok, 1),
                         SKPI_EINVAL);
    const char *bad_channels[] = { "", "x", ":@a", "X:@a", "x:", "x:*", "x:a\tb", "x y:a" };
    for (size_t i = 0; i < sizeof bad_channels / sizeof *bad_channels; i++)
        assert_int_equal(skpi_store_write_points(st, "likes", bad_channels[i], t, ok, 1),
                         SKPI_EINVAL);
    char long_channel[300];
    memset(long_channel, 'a', sizeof long_channel);
    memcpy(long_channel, "x:", 2);
    long_channel[257] = '\0';
    assert_int_equal(skpi_store_write_points(st, "likes", long_channel, t, ok, 1), SKPI_EINVAL);
    assert_int_equal(skpi_store_write_points(NULL, "likes", "x:@a", t, ok, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", NULL, ok, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, NULL, 1), SKPI_EMISUSE);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM series"), 0);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM chunk"), 0);
    /* the longest keys are accepted: 64-byte metric, 256-byte channel */
    char metric64[65];
    memset(metric64, 'm', 64);
    metric64[64] = '\0';
    long_channel[256] = '\0';
    assert_int_equal(skpi_store_write_points(st, metric64, long_channel, t, ok, 1), SKPI_OK);
    skpi_store_free(st);

    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.read_only = 1;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_OK);
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, ok, 1), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "read-only"));
    assert_int_equal(skpi_store_begin(st), SKPI_EMISUSE);
    skpi_series *s = read_all(st, metric64, long_channel);
    assert_int_equal(skpi_series_length(s), 1);
    skpi_series_free(s);
    skpi_store_free(st);
}

static void write_series_round_trip(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "series.db");
    skpi_series *s;
    assert_int_equal(skpi_series_new(&s, "followers", "linkedin:acme-corp"), SKPI_OK);
    skpi_time t[] = { T0 + 7 * DAY, T0 };
    double v[] = { 1020, 1000 };
    assert_int_equal(skpi_series_append(s, t, v, 2), SKPI_OK);
    assert_int_equal(skpi_store_write_series(st, s), SKPI_OK);
    skpi_series *back = read_all(st, "followers", "linkedin:acme-corp");
    skpi_time et[] = { T0, T0 + 7 * DAY };
    double ev[] = { 1000, 1020 };
    assert_points(back, et, ev, 2);
    skpi_series_free(back);
    skpi_series_free(s);
    /* an empty series writes nothing */
    assert_int_equal(skpi_series_new(&s, "likes", "linkedin:acme-corp"), SKPI_OK);
    assert_int_equal(skpi_store_write_series(st, s), SKPI_OK);
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_read_series(&back, st, "likes", "linkedin:acme-corp", all),
                     SKPI_ENOTFOUND);
    skpi_series_free(s);
    /* the series' keys must be store keys */
    assert_int_equal(skpi_series_new(&s, "Likes", "linkedin:acme-corp"), SKPI_OK);
    assert_int_equal(skpi_series_append(s, t, v, 2), SKPI_OK);
    assert_int_equal(skpi_store_write_series(st, s), SKPI_EINVAL);
    assert_int_equal(skpi_store_write_series(st, NULL), SKPI_EMISUSE);
    skpi_series_free(s);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- transactions */

static int has_series(skpi_store *st, const char *metric, const char *channel)
{
    skpi_series *s = NULL;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    int rc = skpi_store_read_series(&s, st, metric, channel, all);
    skpi_series_free(s);
    if (rc != SKPI_OK && rc != SKPI_ENOTFOUND) fail_msg("%s", skpi_last_error());
    return rc == SKPI_OK;
}

static void transactions_commit_and_roll_back(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "tx.db");
    skpi_store *other = reopen(p, 5000);
    skpi_time t = T0;
    double v = 1;
    assert_int_equal(skpi_store_commit(st), SKPI_EMISUSE);
    assert_int_equal(skpi_store_rollback(st), SKPI_EMISUSE);
    assert_int_equal(skpi_store_begin(st), SKPI_OK);
    assert_int_equal(skpi_store_begin(st), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "already open"));
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", &t, &v, 1), SKPI_OK);
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", &t, &v, 1), SKPI_OK);
    assert_true(has_series(st, "likes", "x:@a"));      /* the writer sees its writes */
    assert_false(has_series(other, "likes", "x:@a"));  /* nobody else does yet */
    assert_int_equal(skpi_store_rollback(st), SKPI_OK);
    assert_false(has_series(st, "likes", "x:@a"));
    assert_false(has_series(st, "reach", "x:@a"));

    assert_int_equal(skpi_store_begin(st), SKPI_OK);
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", &t, &v, 1), SKPI_OK);
    /* a write failing halfway inside the transaction undoes only itself */
    skpi_time t2[] = { T0 + DAY, T0 };
    double v2[] = { 2, 3 };
    long live = test_alloc_live();
    test_alloc_fail_after(0);
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", t2, v2, 2), SKPI_ENOMEM);
    test_alloc_fail_after(-1);
    assert_int_equal(test_alloc_live(), live);
    assert_int_equal(skpi_store_commit(st), SKPI_OK);
    assert_true(has_series(other, "likes", "x:@a"));
    assert_false(has_series(other, "reach", "x:@a"));

    /* closing with a transaction open rolls it back */
    assert_int_equal(skpi_store_begin(st), SKPI_OK);
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", &t, &v, 1), SKPI_OK);
    skpi_store_free(st);
    assert_false(has_series(other, "reach", "x:@a"));
    skpi_store_free(other);
}

/* ---------------------------------------------------------------- posts */

static const skpi_post *find_post(const skpi_dataset *ds, const char *channel, const char *id)
{
    size_t i;
    if (skpi_dataset_find_post(&i, ds, channel, id) != SKPI_OK) return NULL;
    return skpi_dataset_post(ds, i);
}

static double post_value(const skpi_post *p, const char *metric, int *availability)
{
    skpi_value v;
    assert_int_equal(skpi_post_value(&v, p, metric), SKPI_OK);
    *availability = v.availability;
    return v.value;
}

static void posts_round_trip(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "posts.db");
    /* 2024-01-01T12:00:00Z and 2024-01-03T08:30:00Z */
    skpi_time p1 = T0 + 12 * 3600, p2 = T0 + 2 * DAY + 8 * 3600 + 30 * 60;
    assert_int_equal(skpi_store_write_post(st, "instagram:@acme", "C1", p1, "reel",
                                           "Hello, \"world\" \xC3\xA9", "https://ex.com/C1"),
                     SKPI_OK);
    assert_int_equal(skpi_store_write_post(st, "instagram:@acme", "C2", p2, NULL, NULL, NULL),
                     SKPI_OK);
    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C1", "likes", 42),
                     SKPI_OK);
    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C1", "impressions",
                                                 1234), SKPI_OK);
    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C1", "comments", 5),
                     SKPI_OK);
    /* NaN clears; a later value replaces */
    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C1", "comments", NAN),
                     SKPI_OK);
    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C1", "likes", 43),
                     SKPI_OK);
    /* updating a post keeps its values */
    assert_int_equal(skpi_store_write_post(st, "instagram:@acme", "C1", p1 + 60, "video",
                                           "edited", ""), SKPI_OK);
    /* a value of a metric the dataset's catalog lacks stays in the store */
    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C2", "custom_score",
                                                 9), SKPI_OK);

    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C9", "likes", 1),
                     SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "no post \"C9\""));
    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C1", "Likes", 1),
                     SKPI_EINVAL);
    assert_int_equal(skpi_store_write_post_value(st, "instagram:@acme", "C1", "likes",
                                                 INFINITY), SKPI_EINVAL);
    assert_int_equal(skpi_store_write_post(st, "instagram:@acme", "", p1, NULL, NULL, NULL),
                     SKPI_EINVAL);
    assert_int_equal(skpi_store_write_post(st, "instagram", "C3", p1, NULL, NULL, NULL),
                     SKPI_EINVAL);
    assert_int_equal(skpi_store_write_post(st, "instagram:@acme", "C3", SKPI_TIME_END, NULL,
                                           NULL, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_store_write_post(st, NULL, "C3", p1, NULL, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_write_post(st, "x:@a", NULL, p1, NULL, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM post"), 2);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM post_value"), 3);

    skpi_dataset *ds;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_read_dataset(&ds, st, skpi_catalog_builtin(), all), SKPI_OK);
    assert_int_equal(skpi_dataset_post_count(ds), 2);
    const skpi_post *c1 = skpi_dataset_post(ds, 0), *c2 = skpi_dataset_post(ds, 1);
    assert_string_equal(skpi_post_id(c1), "C1"); /* published first */
    assert_string_equal(skpi_post_channel(c1), "instagram:@acme");
    assert_int_equal(skpi_post_published(c1), p1 + 60);
    assert_string_equal(skpi_post_type(c1), "video");
    assert_string_equal(skpi_post_text(c1), "edited");
    assert_string_equal(skpi_post_link(c1), "");
    int av;
    assert_true(post_value(c1, "likes", &av) == 43);
    assert_int_equal(av, SKPI_AVAILABLE);
    assert_true(post_value(c1, "impressions", &av) == 1234);
    post_value(c1, "comments", &av);
    assert_int_equal(av, SKPI_MISSING);
    assert_string_equal(skpi_post_id(c2), "C2");
    assert_string_equal(skpi_post_type(c2), "");
    post_value(c2, "likes", &av);
    assert_int_equal(av, SKPI_MISSING);
    skpi_dataset_free(ds);

    /* posts published in [T0 + 1 day, T0 + 3 days): only C2 */
    skpi_period days = { T0 + DAY, T0 + 3 * DAY };
    assert_int_equal(skpi_store_read_dataset(&ds, st, NULL, days), SKPI_OK);
    assert_int_equal(skpi_dataset_post_count(ds), 1);
    assert_non_null(find_post(ds, "instagram:@acme", "C2"));
    skpi_dataset_free(ds);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- catalog */

static void catalog_round_trip(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "catalog.db");
    skpi_catalog *cat;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    /* a replaced built-in formula naming a host metric that is defined
     * after it in catalog order: reading back must still resolve it */
    assert_int_equal(skpi_catalog_add_metric(cat, "newsletter_signups", "Newsletter sign-ups",
                                             SKPI_UNIT_COUNT, SKPI_HIGHER_IS_BETTER,
                                             SKPI_KIND_FLOW), SKPI_OK);
    assert_int_equal(skpi_catalog_set_description(cat, "newsletter_signups", "From the site"),
                     SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "subscribers", "Subscribers",
                                             SKPI_UNIT_COUNT, SKPI_DIRECTION_NEUTRAL,
                                             SKPI_KIND_STOCK), SKPI_OK);
    assert_int_equal(skpi_catalog_add_derived(cat, "signups_per_1k", "Sign-ups per 1000",
                                              SKPI_UNIT_RATIO, SKPI_LOWER_IS_BETTER,
                                              "newsletter_signups / impressions * 1000"), SKPI_OK);
    assert_int_equal(skpi_catalog_set_label(cat, "impressions", "Views"), SKPI_OK);
    assert_int_equal(skpi_catalog_set_formula(cat, "engagement_rate_reach",
                                              "(engagements + newsletter_signups) / reach * 100"),
                     SKPI_OK);
    assert_int_equal(skpi_store_write_catalog(st, cat), SKPI_OK);
    /* 3 host metrics, 2 replaced built-ins */
    assert_int_equal(raw_int(p, "SELECT count(*) FROM metric WHERE builtin = 0"), 3);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM metric WHERE builtin = 1"), 2);

    skpi_catalog *back = NULL;
    assert_int_equal(skpi_store_read_catalog(&back, st, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_count(back), skpi_catalog_count(skpi_catalog_builtin()) + 3);
    const skpi_metric *m;
    assert_int_equal(skpi_catalog_find(&m, back, "newsletter_signups"), SKPI_OK);
    assert_string_equal(skpi_metric_label(m), "Newsletter sign-ups");
    assert_string_equal(skpi_metric_description(m), "From the site");
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_FLOW);
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_COUNT);
    assert_int_equal(skpi_metric_direction(m), SKPI_HIGHER_IS_BETTER);
    assert_int_equal(skpi_catalog_find(&m, back, "subscribers"), SKPI_OK);
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_STOCK);
    assert_int_equal(skpi_metric_direction(m), SKPI_DIRECTION_NEUTRAL);
    assert_int_equal(skpi_catalog_find(&m, back, "signups_per_1k"), SKPI_OK);
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_DERIVED);
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_RATIO);
    assert_int_equal(skpi_metric_direction(m), SKPI_LOWER_IS_BETTER);
    assert_string_equal(skpi_metric_formula(m), "newsletter_signups / impressions * 1000");
    assert_int_equal(skpi_catalog_find(&m, back, "impressions"), SKPI_OK);
    assert_string_equal(skpi_metric_label(m), "Views");
    assert_int_equal(skpi_catalog_find(&m, back, "engagement_rate_reach"), SKPI_OK);
    assert_string_equal(skpi_metric_formula(m), "(engagements + newsletter_signups) / reach * 100");
    assert_string_equal(skpi_metric_label(m), "Engagement rate (by reach)");
    skpi_catalog_free(back);

    /* back at the built-in label: the saved replacement goes */
    assert_int_equal(skpi_catalog_set_label(cat, "impressions", "Impressions"), SKPI_OK);
    assert_int_equal(skpi_store_write_catalog(st, cat), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM metric WHERE builtin = 1"), 1);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM metric"), 4);
    assert_int_equal(skpi_store_write_catalog(st, skpi_catalog_builtin()), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM metric"), 4);
    skpi_catalog_free(cat);

    /* a base catalog that defines a saved metric differently */
    skpi_catalog *base;
    assert_int_equal(skpi_catalog_new(&base, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(base, "subscribers", "Subscribers",
                                             SKPI_UNIT_COUNT, SKPI_DIRECTION_NEUTRAL,
                                             SKPI_KIND_FLOW), SKPI_OK);
    back = (skpi_catalog *)&back;
    assert_int_equal(skpi_store_read_catalog(&back, st, base), SKPI_EEXISTS);
    assert_non_null(strstr(skpi_last_error(), "\"subscribers\" is a stock"));
    assert_ptr_equal(back, (skpi_catalog *)&back);
    skpi_catalog_free(base);

    /* a saved definition no catalog accepts */
    raw_exec(p, "UPDATE metric SET formula = 'no_such_metric * 2' WHERE key = 'signups_per_1k'");
    assert_int_equal(skpi_store_read_catalog(&back, st, NULL), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "\"signups_per_1k\" is rejected"));
    assert_int_equal(skpi_store_write_catalog(st, NULL), SKPI_EMISUSE);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- datasets */

static void dataset_round_trip(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "dataset.db");
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time t[10];
    double imp[10], fol[10];
    for (int i = 0; i < 10; i++) {
        t[i] = T0 + i * DAY;
        imp[i] = 100 + i;
        fol[i] = 1000 + 10 * i;
    }
    fol[4] = NAN;
    assert_int_equal(skpi_dataset_append(ds, "impressions", "instagram:@acme", t, imp, 10), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "followers", "instagram:@acme", t, fol, 10), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "impressions", "x:@acme", t + 5, imp, 5), SKPI_OK);
    assert_int_equal(skpi_dataset_add_channel(ds, "tiktok:@acme"), SKPI_OK);
    /* P1 on day 2 with its own followers value; P2 on day 5 reads the
     * channel's (day 5: 1050) */
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", "P1", T0 + 2 * DAY + 3600,
                                           "photo", "first", "https://ex.com/1"), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "P1", "likes", 42), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "P1", "followers", 5000),
                     SKPI_OK);
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", "P2", T0 + 5 * DAY, NULL, NULL,
                                           NULL), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "P2", "shares", 3), SKPI_OK);
    assert_int_equal(skpi_store_write_dataset(st, ds), SKPI_OK);
    /* likes and followers of P1, shares of P2: the channel's followers are
     * not copied into P2 */
    assert_int_equal(raw_int(p, "SELECT count(*) FROM post_value"), 3);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM series"), 3);
    /* a series of a metric the catalog does not know stays in the store */
    double one = 1;
    assert_int_equal(skpi_store_write_points(st, "custom_thing", "x:@acme", t, &one, 1), SKPI_OK);
    skpi_dataset_free(ds);

    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_read_dataset(&ds, st, NULL, all), SKPI_OK);
    /* channels: from series and posts, in byte order; tiktok had no data */
    assert_int_equal(skpi_dataset_channel_count(ds), 2);
    assert_string_equal(skpi_dataset_channel(ds, 0), "instagram:@acme");
    assert_string_equal(skpi_dataset_channel(ds, 1), "x:@acme");
    const skpi_series *s;
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "instagram:@acme"), SKPI_OK);
    assert_points(s, t, imp, 10);
    assert_int_equal(skpi_dataset_series(&s, ds, "followers", "instagram:@acme"), SKPI_OK);
    assert_points(s, t, fol, 10);
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@acme"), SKPI_OK);
    assert_points(s, t + 5, imp, 5);
    assert_int_equal(skpi_dataset_series(&s, ds, "custom_thing", "x:@acme"), SKPI_ENOTFOUND);
    const skpi_post *p1 = find_post(ds, "instagram:@acme", "P1");
    const skpi_post *p2 = find_post(ds, "instagram:@acme", "P2");
    assert_non_null(p1);
    assert_non_null(p2);
    int av;
    assert_true(post_value(p1, "followers", &av) == 5000);
    assert_true(post_value(p2, "followers", &av) == 1050);
    assert_true(post_value(p2, "shares", &av) == 3);
    /* impressions of the week of 2024-01-01 (days 0-6) on instagram:
     * 100 + 101 + ... + 106 = 721 */
    skpi_value v;
    skpi_period week = { T0, T0 + 7 * DAY };
    assert_int_equal(skpi_dataset_value(&v, ds, "impressions", "instagram:@acme", week), SKPI_OK);
    assert_int_equal(v.availability, SKPI_AVAILABLE);
    assert_true(v.value == 721);
    skpi_dataset_free(ds);

    /* [day 3, day 6): three points of instagram, one of x (day 5), and P2
     * (day 5) but not P1 (day 2) */
    skpi_period part = { T0 + 3 * DAY, T0 + 6 * DAY };
    assert_int_equal(skpi_store_read_dataset(&ds, st, skpi_catalog_builtin(), part), SKPI_OK);
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "instagram:@acme"), SKPI_OK);
    assert_points(s, t + 3, imp + 3, 3);
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@acme"), SKPI_OK);
    assert_points(s, t + 5, imp, 1);
    assert_int_equal(skpi_dataset_post_count(ds), 1);
    skpi_dataset_free(ds);
    skpi_period empty = { T0, T0 };
    assert_int_equal(skpi_store_read_dataset(&ds, st, NULL, empty), SKPI_EINVAL);
    assert_int_equal(skpi_store_write_dataset(st, NULL), SKPI_EMISUSE);
    skpi_store_free(st);
}

/* A source that records what the dataset asks for and passes it on. */
typedef struct recorder {
    skpi_source inner;
    int count;
    char metric[8][32];
    char channel[8][64];
    skpi_period period[8];
} recorder;

static int record_fetch(skpi_fetch *request, void *userdata)
{
    recorder *r = userdata;
    if (r->count < 8) {
        snprintf(r->metric[r->count], 32, "%s", skpi_fetch_metric(request));
        snprintf(r->channel[r->count], 64, "%s", skpi_fetch_channel(request));
        r->period[r->count] = skpi_fetch_period(request);
    }
    r->count++;
    return r->inner.fetch(request, r->inner.userdata);
}

static void source_reads_only_what_is_needed(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "source.db");
    /* 2024, 366 days: impressions on day i = i, reach = 10 * i */
    enum { N = 366 };
    static skpi_time t[N];
    static double a[N], b[N];
    for (int i = 0; i < N; i++) {
        t[i] = T0 + i * DAY;
        a[i] = i;
        b[i] = 10 * i;
    }
    const char *channels[] = { "instagram:@acme", "x:@acme" };
    for (int c = 0; c < 2; c++) {
        assert_int_equal(skpi_store_write_points(st, "impressions", channels[c], t, a, N), SKPI_OK);
        assert_int_equal(skpi_store_write_points(st, "reach", channels[c], t, b, N), SKPI_OK);
    }
    /* March 2024: days 60 (Jan 31 + Feb 29) to 90 */
    skpi_period march = { T0 + 60 * DAY, T0 + 91 * DAY };
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    recorder r;
    memset(&r, 0, sizeof r);
    assert_int_equal(skpi_store_source(&r.inner, st), SKPI_OK);
    assert_int_equal(r.inner.version, SKPI_SOURCE_VERSION);
    assert_ptr_equal(r.inner.userdata, st);
    skpi_source rec = SKPI_SOURCE_INIT;
    rec.fetch = record_fetch;
    rec.userdata = &r;
    assert_int_equal(skpi_dataset_set_source(ds, &rec), SKPI_OK);
    skpi_value v;
    /* 60 + 61 + ... + 90 = (60 + 90) * 31 / 2 = 2325 */
    assert_int_equal(skpi_dataset_value(&v, ds, "impressions", "instagram:@acme", march), SKPI_OK);
    assert_int_equal(v.availability, SKPI_AVAILABLE);
    assert_true(v.value == 2325);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.metric[0], "impressions");
    assert_string_equal(r.channel[0], "instagram:@acme");
    assert_int_equal(r.period[0].start, march.start);
    assert_int_equal(r.period[0].end, march.end);
    /* asked again: nothing new is fetched */
    assert_int_equal(skpi_dataset_value(&v, ds, "impressions", "instagram:@acme", march), SKPI_OK);
    assert_int_equal(r.count, 1);
    /* a series the store lacks: asked for, no points, missing */
    assert_int_equal(skpi_dataset_value(&v, ds, "likes", "tiktok:@acme", march), SKPI_OK);
    assert_int_equal(v.availability, SKPI_MISSING);
    assert_int_equal(r.count, 2);
    skpi_dataset_free(ds);

    /* the store-backed dataset: channels known, nothing loaded up front */
    assert_int_equal(skpi_store_open_dataset(&ds, st, NULL, (skpi_period){ 0, 0 }), SKPI_OK);
    assert_int_equal(skpi_dataset_channel_count(ds), 2);
    assert_int_equal(skpi_dataset_post_count(ds), 0);
    const skpi_series *s;
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@acme"), SKPI_ENOTFOUND);
    /* both channels in March: 2 * 2325 = 4650 */
    assert_int_equal(skpi_dataset_value(&v, ds, "impressions", "*", march), SKPI_OK);
    assert_true(v.value == 4650);
    /* engagements are not stored: the rate by reach is missing */
    assert_int_equal(skpi_dataset_value(&v, ds, "engagement_rate_reach", "*", march), SKPI_OK);
    assert_int_not_equal(v.availability, SKPI_AVAILABLE);
    assert_int_equal(skpi_dataset_series(&s, ds, "impressions", "x:@acme"), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 31);
    skpi_dataset_free(ds);
    skpi_period back = { 1, 0 };
    assert_int_equal(skpi_store_open_dataset(&ds, st, NULL, back), SKPI_EINVAL);
    skpi_store_free(st);
}

static void damaged_store_is_reported(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "damaged.db");
    skpi_time t[3] = { T0, T0 + DAY, T0 + 2 * DAY };
    double v[3] = { 1, 2, 3 };
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, v, 3), SKPI_OK);
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    /* a chunk cut short */
    raw_exec(p, "UPDATE chunk SET data = X'0280C60A00'");
    skpi_series *s = NULL;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_read_series(&s, st, "likes", "x:@a", all), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "is damaged: the chunk of series 1 starting at "
                                              "2024-01-01"));
    assert_null(s);
    assert_int_equal(skpi_store_check(st), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "cannot be decoded"));
    /* writing over it needs the damaged chunk: refused, nothing written */
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, v, 1), SKPI_EIO);
    /* through a dataset the source stops the query with the store's message */
    skpi_dataset *ds;
    assert_int_equal(skpi_store_open_dataset(&ds, st, NULL, (skpi_period){ 0, 0 }), SKPI_OK);
    skpi_value val;
    skpi_period week = { T0, T0 + 7 * DAY };
    assert_int_equal(skpi_dataset_value(&val, ds, "likes", "x:@a", week), SKPI_ECALLBACK);
    assert_non_null(strstr(skpi_last_error(), "is damaged"));
    skpi_dataset_free(ds);
    /* overlapping chunks and a count out of range */
    /* 1, 2, 3 on days 0-2 again: values +1 -> zigzag 2 -> 02, three times */
    raw_exec(p, "UPDATE chunk SET data = X'0280C60A00020202'");
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    raw_exec(p, "INSERT INTO chunk VALUES (1, 1704153600, 1704153600, 1, X'0202')");
    assert_int_equal(skpi_store_check(st), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "overlaps"));
    raw_exec(p, "DELETE FROM chunk WHERE t_first = 1704153600; UPDATE chunk SET n = 0");
    assert_int_equal(skpi_store_check(st), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "count out of range"));
    skpi_store_free(st);
}

/* Chunk rows whose first or last time lies outside the accepted range (a
 * damaged or hostile file): the decoder refuses them before adding a delta
 * to such a time, which overflowed for a time near INT64_MAX. */
static void chunk_times_out_of_range_are_refused(void **state)
{
    (void)state;
    skpi_time t[2];
    double v[2];
    /* two points a day apart: tag 2, dod 86400 -> zigzag 172800, values 1, 1 */
    const unsigned char two[] = { 2, 0x80, 0xC6, 0x0A, 2, 0 };
    assert_int_equal(skpi__chunk_decode(t, v, 2, T0, T0 + DAY, two, sizeof two), 0);
    assert_true(t[0] == T0 && t[1] == T0 + DAY && v[0] == 1 && v[1] == 1);
    /* the same bytes ending at the last accepted second, and starting at the first */
    assert_int_equal(skpi__chunk_decode(t, v, 2, SKPI_TIME_END - 1 - DAY, SKPI_TIME_END - 1,
                                        two, sizeof two), 0);
    assert_int_equal(skpi__chunk_decode(t, v, 2, SKPI_TIME_MIN, SKPI_TIME_MIN + DAY, two,
                                        sizeof two), 0);
    /* one second further either way */
    assert_int_equal(skpi__chunk_decode(t, v, 2, SKPI_TIME_END - DAY, SKPI_TIME_END, two,
                                        sizeof two), -1);
    assert_int_equal(skpi__chunk_decode(t, v, 2, SKPI_TIME_MIN - 1, SKPI_TIME_MIN - 1 + DAY,
                                        two, sizeof two), -1);
    /* first + delta past INT64_MAX */
    assert_int_equal(skpi__chunk_decode(t, v, 2, INT64_MAX - 10, INT64_MAX, two, sizeof two), -1);
    /* a single point at INT64_MAX or INT64_MIN */
    const unsigned char one[] = { 2, 2 };
    assert_int_equal(skpi__chunk_decode(t, v, 1, INT64_MAX, INT64_MAX, one, sizeof one), -1);
    assert_int_equal(skpi__chunk_decode(t, v, 1, INT64_MIN, INT64_MIN, one, sizeof one), -1);
    /* through the store: such a row reads as damaged */
    char p[256];
    skpi_store *st = fresh(p, "chunk-range.db");
    skpi_time days[3] = { T0, T0 + DAY, T0 + 2 * DAY };
    double vals[3] = { 1, 2, 3 };
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", days, vals, 3), SKPI_OK);
    skpi_series *s = NULL;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    /* two points from 2024-01-01 to 10000-01-01T00:00:00Z, one second past
     * the last accepted time: dod 251698233600 -> zigzag 503396467200 */
    raw_exec(p, "UPDATE chunk SET n = 2, t_last = 253402300800, data = X'02808492A6D30E0200'");
    assert_int_equal(skpi_store_read_series(&s, st, "likes", "x:@a", all), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "is damaged"));
    /* the same bytes ending at the last accepted second read back */
    raw_exec(p, "UPDATE chunk SET t_first = 1704067199, t_last = 253402300799");
    assert_int_equal(skpi_store_read_series(&s, st, "likes", "x:@a", all), SKPI_OK);
    assert_int_equal(skpi_series_length(s), 2);
    skpi_series_free(s);
    s = NULL;
    raw_exec(p, "UPDATE chunk SET t_first = 9223372036854775807, t_last = 9223372036854775807, "
                "n = 1, data = X'0202'");
    assert_int_equal(skpi_store_check(st), SKPI_EIO);
    assert_null(s);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- migrations */

static char *fixture_sql(int version)
{
    char p[512];
    snprintf(p, sizeof p, "%s/tests/fixtures/store/v%d.sql", SKPI_SOURCE_DIR, version);
    size_t len;
    unsigned char *b = read_file(p, &len);
    b = realloc(b, len + 1);
    b[len] = '\0';
    return (char *)b;
}

static void load_fixture(const char *p, int version)
{
    remove_store(p);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
    char *sql = fixture_sql(version), *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) fail_msg("fixture: %s", err);
    free(sql);
    sqlite3_close(db);
}

static void fixture_v1_opens_and_reads(void **state)
{
    (void)state;
    char p[256], q[256];
    path_of(p, "v1.db");
    load_fixture(p, 1);
    assert_int_equal(raw_int(p, "PRAGMA user_version"), 1);
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.read_only = 1;
    skpi_store *st = NULL;
    int rc = skpi_store_open(&st, p, &o);
    if (skpi_store_schema_version() > 1) {
        assert_int_equal(rc, SKPI_EVERSION); /* read-only cannot migrate */
        assert_non_null(strstr(skpi_last_error(), "open it read-write once"));
    } else {
        assert_int_equal(rc, SKPI_OK);
        skpi_store_free(st);
    }
    st = reopen(p, 5000);
    assert_int_equal(raw_int(p, "PRAGMA user_version"), skpi_store_schema_version());
    /* the migrated schema is exactly the schema of a new store */
    skpi_store *fresh_st = fresh(q, "v-latest.db");
    skpi_store_free(fresh_st);
    static const char schema[] = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') "
                                 "FROM sqlite_master ORDER BY type, name";
    char *a = raw_text(p, schema), *b = raw_text(q, schema);
    assert_string_equal(a, b);
    free(a);
    free(b);
    assert_int_equal(skpi_store_check(st), SKPI_OK);

    /* every value of the fixture, as its comments compute them */
    skpi_series *s = read_all(st, "impressions", "instagram:@acme");
    skpi_time t1[] = { T0, T0 + DAY, T0 + 2 * DAY };
    double v1[] = { 100, 110, 105 };
    assert_points(s, t1, v1, 3);
    skpi_series_free(s);
    s = read_all(st, "followers", "linkedin:acme-corp");
    skpi_time t2[] = { T0, T0 + 7 * DAY, T0 + 14 * DAY };
    double v2[] = { 1000.5, NAN, 1012.25 };
    assert_points(s, t2, v2, 3);
    skpi_series_free(s);

    skpi_catalog *cat;
    assert_int_equal(skpi_store_read_catalog(&cat, st, NULL), SKPI_OK);
    const skpi_metric *m;
    assert_int_equal(skpi_catalog_find(&m, cat, "newsletter_signups"), SKPI_OK);
    assert_string_equal(skpi_metric_description(m), "From the landing page");
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_FLOW);
    assert_int_equal(skpi_catalog_find(&m, cat, "signups_per_1k"), SKPI_OK);
    assert_string_equal(skpi_metric_formula(m), "newsletter_signups / impressions * 1000");
    assert_int_equal(skpi_metric_unit(m), SKPI_UNIT_RATIO);
    assert_int_equal(skpi_catalog_find(&m, cat, "impressions"), SKPI_OK);
    assert_string_equal(skpi_metric_label(m), "Views");
    assert_string_equal(skpi_metric_description(m), "Times content was displayed.");
    skpi_catalog_free(cat);

    skpi_dataset *ds;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_read_dataset(&ds, st, NULL, all), SKPI_OK);
    const skpi_post *post = find_post(ds, "instagram:@acme", "C1");
    assert_non_null(post);
    assert_int_equal(skpi_post_published(post), T0 + 12 * 3600);
    assert_string_equal(skpi_post_type(post), "reel");
    assert_string_equal(skpi_post_text(post), "Hello, \"world\"");
    assert_string_equal(skpi_post_link(post), "https://example.com/p/C1");
    int av;
    assert_true(post_value(post, "likes", &av) == 42);
    assert_true(post_value(post, "impressions", &av) == 1234);
    /* the stored host metrics work in queries: sign-ups are not stored, so
     * the ratio is missing, but the series of impressions answers */
    skpi_value v;
    skpi_period jan = { T0, T0 + 31 * DAY };
    assert_int_equal(skpi_dataset_value(&v, ds, "impressions", "instagram:@acme", jan), SKPI_OK);
    assert_true(v.value == 315); /* 100 + 110 + 105 */
    skpi_dataset_free(ds);

    /* the migrated store takes new writes */
    skpi_time t = T0 + 3 * DAY;
    double x = 99;
    assert_int_equal(skpi_store_write_points(st, "impressions", "instagram:@acme", &t, &x, 1),
                     SKPI_OK);
    s = read_all(st, "impressions", "instagram:@acme");
    assert_int_equal(skpi_series_length(s), 4);
    skpi_series_free(s);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- locks */

static void locked_store_times_out(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "locked.db");
    skpi_time t = T0;
    double v = 1;
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", &t, &v, 1), SKPI_OK);
    skpi_store_free(st);
    st = reopen(p, 100);
    /* another connection holds the write lock */
    sqlite3 *other = raw_open(p);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    double start = now_s();
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", &t, &v, 1), SKPI_EIO);
    double waited = now_s() - start;
    assert_true(waited >= 0.09);
    assert_non_null(strstr(skpi_last_error(), "is locked by another connection; gave up after "
                                              "100 ms"));
    assert_int_equal(skpi_store_begin(st), SKPI_EIO);
    /* readers do not wait for the writer */
    assert_true(has_series(st, "likes", "x:@a"));
    assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    assert_false(has_series(st, "reach", "x:@a"));
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", &t, &v, 1), SKPI_OK);
    skpi_store_free(st);

    /* a connection that keeps the file to itself: opening gives up too */
    assert_int_equal(sqlite3_exec(other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE",
                                  NULL, NULL, NULL), SQLITE_OK);
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.busy_timeout_ms = 50;
    st = NULL;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "locked"));
    assert_null(st);
    sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(other);
}

/* ---------------------------------------------------------------- disk full, read-only */

static void disk_full_leaves_last_commit(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "full.db");
    skpi_time t[3] = { T0, T0 + DAY, T0 + 2 * DAY };
    double v[3] = { 1, 2, 3 };
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, v, 3), SKPI_OK);
    /* SQLite's own limit on the file's pages fails writes exactly as a full
     * disk does (SQLITE_FULL) */
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(st->db, "PRAGMA page_count", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    int pages = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d", pages + 2);
    assert_int_equal(sqlite3_exec(st->db, sql, NULL, NULL, NULL), SQLITE_OK);
    enum { N = 100000 };
    skpi_time *bt = malloc(N * sizeof *bt);
    double *bv = malloc(N * sizeof *bv);
    for (int i = 0; i < N; i++) {
        bt[i] = T0 + i * 3600;
        bv[i] = i * 0.1;
    }
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", bt, bv, N), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "the disk or the database is full"));
    /* inside a transaction the whole transaction goes, and says so */
    assert_int_equal(skpi_store_begin(st), SKPI_OK);
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, v + 1, 1), SKPI_OK);
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", bt, bv, N), SKPI_EIO);
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", t, v, 1), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "call skpi_store_rollback()"));
    assert_int_equal(skpi_store_commit(st), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "an earlier failure rolled the transaction back"));
    assert_int_equal(skpi_store_commit(st), SKPI_EMISUSE);
    skpi_store_free(st);
    st = reopen(p, 5000);
    assert_false(has_series(st, "reach", "x:@a"));
    skpi_series *s = read_all(st, "likes", "x:@a");
    double ev[3] = { 1, 2, 3 };
    assert_points(s, t, ev, 3);
    skpi_series_free(s);
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    skpi_store_free(st);

    /* a real file-size limit (RLIMIT_FSIZE) in a child process: the write
     * system calls fail as on a full disk */
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim = { 256 * 1024, 256 * 1024 };
        setrlimit(RLIMIT_FSIZE, &lim);
        skpi_store *c = NULL;
        int rc = skpi_store_open(&c, p, NULL);
        if (rc == SKPI_OK) rc = skpi_store_write_points(c, "reach", "x:@a", bt, bv, N);
        const char *m = skpi_last_error();
        if (write(fds[1], m, strlen(m) + 1) < 0) _exit(3);
        skpi_store_free(c);
        _exit(rc == SKPI_EIO ? 0 : 1);
    }
    close(fds[1]);
    char msg[600] = "";
    ssize_t got = read(fds[0], msg, sizeof msg - 1);
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("child: status %d, message \"%s\"", status, got > 0 ? msg : "");
    assert_true(strstr(msg, "full") || strstr(msg, "input/output error"));
    st = reopen(p, 5000);
    assert_false(has_series(st, "reach", "x:@a"));
    s = read_all(st, "likes", "x:@a");
    assert_points(s, t, ev, 3);
    skpi_series_free(s);
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    skpi_store_free(st);
    free(bt);
    free(bv);
}

static void read_only_file(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "readonly.db");
    skpi_time t = T0;
    double v = 7;
    assert_int_equal(skpi_store_write_points(st, "likes", "x:@a", &t, &v, 1), SKPI_OK);
    skpi_store_free(st);
    assert_int_equal(chmod(p, 0444), 0);
    size_t before_len, len;
    unsigned char *before = read_file(p, &before_len);
    /* root ignores file modes: the check runs as "nobody" in a child */
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (geteuid() == 0 && setuid(65534) != 0) _exit(10);
        skpi_store *c = NULL;
        if (skpi_store_open(&c, p, NULL) != SKPI_EIO) _exit(11);
        if (!strstr(skpi_last_error(), "is read-only: open it with read_only set")) _exit(12);
        skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
        o.read_only = 1;
        if (skpi_store_open(&c, p, &o) != SKPI_OK) _exit(13);
        skpi_series *s = NULL;
        skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
        if (skpi_store_read_series(&s, c, "likes", "x:@a", all) != SKPI_OK) _exit(14);
        if (skpi_series_length(s) != 1 || skpi_series_values(s)[0] != 7) _exit(15);
        skpi_series_free(s);
        if (skpi_store_write_points(c, "likes", "x:@a", &t, &v, 1) != SKPI_EMISUSE) _exit(16);
        skpi_store_free(c);
        _exit(0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    unsigned char *after = read_file(p, &len);
    assert_int_equal(len, before_len);
    assert_memory_equal(after, before, len);
    free(before);
    free(after);
    chmod(p, 0644);
}

/* ---------------------------------------------------------------- processes */

/* One import of the kill test: transaction k makes 300 points of
 * impressions all equal k, appends reach point k (time T0 + k days, value
 * k) and adds post "p<k>" with likes = k. */
static int import_one(skpi_store *st, long k)
{
    static skpi_time t[300];
    static double v[300];
    for (int i = 0; i < 300; i++) {
        t[i] = T0 + i * DAY;
        v[i] = (double)k;
    }
    char id[32];
    snprintf(id, sizeof id, "p%ld", k);
    skpi_time tk = T0 + k * DAY;
    double vk = (double)k;
    int rc = skpi_store_begin(st);
    if (rc == SKPI_OK) rc = skpi_store_write_points(st, "impressions", "x:@a", t, v, 300);
    if (rc == SKPI_OK) rc = skpi_store_write_points(st, "reach", "x:@a", &tk, &vk, 1);
    if (rc == SKPI_OK) rc = skpi_store_write_post(st, "x:@a", id, tk, "text", "hi", "");
    if (rc == SKPI_OK) rc = skpi_store_write_post_value(st, "x:@a", id, "likes", vk);
    if (rc == SKPI_OK) return skpi_store_commit(st);
    skpi_store_rollback(st);
    return rc;
}

/* The number of committed imports, after checking that the store holds
 * exactly the state after that many. */
static long committed_imports(const char *p)
{
    skpi_store *st = reopen(p, 5000);
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    char *ok = raw_text(p, "PRAGMA integrity_check");
    assert_string_equal(ok, "ok\n");
    free(ok);
    long k = 0;
    if (has_series(st, "reach", "x:@a")) {
        skpi_series *r = read_all(st, "reach", "x:@a");
        k = (long)skpi_series_length(r);
        for (long j = 0; j < k; j++) {
            assert_int_equal(skpi_series_times(r)[j], T0 + (j + 1) * DAY);
            assert_true(skpi_series_values(r)[j] == (double)(j + 1));
        }
        skpi_series_free(r);
        skpi_series *s = read_all(st, "impressions", "x:@a");
        assert_int_equal(skpi_series_length(s), 300);
        for (int i = 0; i < 300; i++) assert_true(skpi_series_values(s)[i] == (double)k);
        skpi_series_free(s);
    } else {
        assert_false(has_series(st, "impressions", "x:@a"));
    }
    skpi_store_free(st);
    if (exists(p)) {
        assert_int_equal(raw_int(p, "SELECT count(*) FROM post"), k);
        assert_int_equal(raw_int(p, "SELECT coalesce(sum(value), 0) FROM post_value"),
                         k * (k + 1) / 2);
    }
    return k;
}

static void sigkill_mid_import_keeps_last_commit(void **state)
{
    (void)state;
    char p[256];
    path_of(p, "kill.db");
    remove_store(p);
    unsigned seed = (unsigned)time(NULL);
    srand(seed);
    /* a few imports first, to time one on this machine as it is loaded now */
    skpi_store *st = reopen(p, 5000);
    double t0 = now_s();
    for (long k = 1; k <= 5; k++) assert_int_equal(import_one(st, k), SKPI_OK);
    long import_us = (long)((now_s() - t0) / 5 * 1e6) + 1;
    skpi_store_free(st);
    long known = 5;
    int rounds = 0, mid_import = 0;
    double start = now_s();
    /* at least 20 rounds however slow the build (sanitizers, a loaded machine) */
    for (int it = 0; it < 120 && (rounds < 20 || now_s() - start < 6); it++, rounds++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        long from = known + 1;
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            skpi_store *c;
            if (skpi_store_open(&c, p, NULL) != SKPI_OK) _exit(2);
            long opened = 0;
            if (write(fds[1], &opened, sizeof opened) != sizeof opened) _exit(4);
            for (long k = from;; k++) {
                if (import_one(c, k) != SKPI_OK) _exit(3);
                if (write(fds[1], &k, sizeof k) != sizeof k) _exit(4);
            }
        }
        close(fds[1]);
        long k, reported = known;
        if (it % 8 == 0) {
            /* now and then while the child is still opening the store */
            usleep((useconds_t)(rand() % 2000));
        } else {
            /* else once it is importing, at a random instant of the next
             * three imports or so */
            assert_int_equal(read(fds[0], &k, sizeof k), sizeof k);
            usleep((useconds_t)(rand() % (3 * import_us)));
        }
        kill(pid, SIGKILL);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
            fail_msg("seed %u: child ended by itself (status %d)", seed, status);
        while (read(fds[0], &k, sizeof k) == sizeof k)
            if (k > 0) reported = k;
        close(fds[0]);
        long now = committed_imports(p);
        /* the store holds every import the child saw committed, and at most
         * the one whose commit returned as the kill came */
        if (now != reported && now != reported + 1)
            fail_msg("seed %u, round %d: %ld imports in the store, %ld reported", seed, it, now,
                     reported);
        if (now == reported && it % 8 != 0) mid_import++;
        known = now;
    }
    print_message("kill test: %d rounds, %ld imports committed, about %ld us each, %d kills "
                  "before a commit completed, seed %u\n", rounds, known, import_us, mid_import,
                  seed);
    assert_true(rounds >= 20);
}

/* Two imports of 2000 points each, equal to k, in one transaction. */
static int write_generation(skpi_store *st, long k)
{
    static skpi_time t[2000];
    static double v[2000];
    for (int i = 0; i < 2000; i++) {
        t[i] = T0 + i * 3600;
        v[i] = (double)k;
    }
    int rc = skpi_store_begin(st);
    if (rc == SKPI_OK) rc = skpi_store_write_points(st, "impressions", "x:@a", t, v, 2000);
    if (rc == SKPI_OK) rc = skpi_store_write_points(st, "reach", "x:@a", t, v, 2000);
    if (rc == SKPI_OK) return skpi_store_commit(st);
    skpi_store_rollback(st);
    return rc;
}

/* Read both series in one snapshot; returns their common value, 0 when
 * nothing is committed yet, -1 when the snapshot is inconsistent. */
static long read_generation(skpi_store *st)
{
    skpi_dataset *ds;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    if (skpi_store_read_dataset(&ds, st, skpi_catalog_builtin(), all) != SKPI_OK) return -2;
    const skpi_series *a, *b;
    long k = -1;
    int ra = skpi_dataset_series(&a, ds, "impressions", "x:@a");
    int rb = skpi_dataset_series(&b, ds, "reach", "x:@a");
    if (ra == SKPI_ENOTFOUND && rb == SKPI_ENOTFOUND) {
        k = 0;
    } else if (ra == SKPI_OK && rb == SKPI_OK && skpi_series_length(a) == 2000 &&
               skpi_series_length(b) == 2000) {
        k = (long)skpi_series_values(a)[0];
        for (int i = 0; i < 2000; i++)
            if (skpi_series_values(a)[i] != (double)k || skpi_series_values(b)[i] != (double)k)
                k = -1;
    }
    skpi_dataset_free(ds);
    return k;
}

enum { GENERATIONS = 60 };

static void reader_child(const char *p)
{
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.read_only = 1;
    skpi_store *st = NULL;
    /* the writer creates the store: wait for it */
    for (int i = 0; i < 1000 && st == NULL; i++)
        if (skpi_store_open(&st, p, &o) != SKPI_OK) {
            st = NULL;
            usleep(1000);
        }
    if (st == NULL) _exit(20);
    long last = 0;
    double deadline = now_s() + 60;
    while (last < GENERATIONS) {
        long k = read_generation(st);
        if (k < 0 || k < last) _exit(21); /* torn snapshot, or time going back */
        if (now_s() > deadline) _exit(22);
        last = k;
    }
    skpi_store_free(st);
    _exit(0);
}

static void readers_run_while_one_writes(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "readers.db");
    skpi_store_free(st);
    pid_t readers[2];
    for (int r = 0; r < 2; r++) {
        readers[r] = fork();
        assert_true(readers[r] >= 0);
        if (readers[r] == 0) reader_child(p);
    }
    pid_t writer = fork();
    assert_true(writer >= 0);
    if (writer == 0) {
        skpi_store *w;
        if (skpi_store_open(&w, p, NULL) != SKPI_OK) _exit(30);
        /* a pause between commits, so that readers see several of them
         * even on a busy machine */
        for (long k = 1; k <= GENERATIONS; k++) {
            if (write_generation(w, k) != SKPI_OK) _exit(31);
            usleep(2000);
        }
        skpi_store_free(w);
        _exit(0);
    }
    /* this process reads too, and sees several generations go by */
    st = reopen(p, 5000);
    long last = 0;
    int distinct = 0, reads = 0;
    double deadline = now_s() + 60;
    while (last < GENERATIONS) {
        long k = read_generation(st);
        if (k < 0) fail_msg("torn read: %ld", k);
        if (now_s() > deadline) fail_msg("the writer did not finish in 60 s");
        assert_true(k >= last);
        if (k != last) distinct++;
        last = k;
        reads++;
    }
    skpi_store_free(st);
    int status;
    assert_int_equal(waitpid(writer, &status, 0), writer);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    for (int r = 0; r < 2; r++) {
        assert_int_equal(waitpid(readers[r], &status, 0), readers[r]);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fail_msg("reader %d: status %d", r, status);
    }
    print_message("readers: %d reads saw %d of %d generations\n", reads, distinct, GENERATIONS);
    assert_true(distinct >= 2);
}

static void writers_take_turns(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "writers.db");
    skpi_store_free(st);
    pid_t pids[2];
    for (int w = 0; w < 2; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) {
            skpi_store *c;
            if (skpi_store_open(&c, p, NULL) != SKPI_OK) _exit(40);
            const char *channel = w == 0 ? "x:@one" : "x:@two";
            for (int k = 0; k < 40; k++) {
                skpi_time t = T0 + k * DAY;
                double v = k;
                if (skpi_store_write_points(c, "likes", channel, &t, &v, 1) != SKPI_OK) _exit(41);
            }
            skpi_store_free(c);
            _exit(0);
        }
    }
    for (int w = 0; w < 2; w++) {
        int status;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fail_msg("writer %d: status %d", w, status);
    }
    st = reopen(p, 5000);
    skpi_series *a = read_all(st, "likes", "x:@one"), *b = read_all(st, "likes", "x:@two");
    assert_int_equal(skpi_series_length(a), 40);
    assert_int_equal(skpi_series_length(b), 40);
    skpi_series_free(a);
    skpi_series_free(b);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- out of memory */

static void out_of_memory_open(void **state)
{
    (void)state;
    char p[256];
    path_of(p, "oom-open.db");
    remove_store(p);
    long live = test_alloc_live();
    for (long n = 0;; n++) {
        skpi_store *st = (skpi_store *)&st;
        test_alloc_fail_after(n);
        int rc = skpi_store_open(&st, p, NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_true(n >= 2);
            skpi_store_free(st);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(st, (skpi_store *)&st);
        assert_int_equal(test_alloc_live(), live);
    }
    assert_int_equal(test_alloc_live(), live);
}

static void out_of_memory_points(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "oom-points.db");
    enum { N = 1500 };
    static skpi_time t[N];
    static double v[N];
    for (int i = 0; i < N; i++) {
        t[i] = T0 + i * DAY;
        v[i] = i;
    }
    assert_int_equal(skpi_store_write_points(st, "reach", "x:@a", t, v, 1000), SKPI_OK);
    /* unsorted, overlapping the stored points: sort, decode, merge */
    static skpi_time t2[600];
    static double v2[600];
    for (int i = 0; i < 600; i++) {
        t2[i] = T0 + (1499 - 2 * i) * DAY;
        v2[i] = -1;
    }
    long live = test_alloc_live();
    int failures = 0;
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_store_write_points(st, "reach", "x:@a", t2, v2, 600);
        test_alloc_fail_after(-1);
        assert_int_equal(test_alloc_live(), live);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        failures++;
        skpi_series *s = read_all(st, "reach", "x:@a");
        assert_points(s, t, v, 1000); /* unchanged */
        skpi_series_free(s);
    }
    assert_true(failures >= 4);
    for (long n = 0;; n++) {
        skpi_series *s = (skpi_series *)&s;
        skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
        test_alloc_fail_after(n);
        int rc = skpi_store_read_series(&s, st, "reach", "x:@a", all);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            /* days 0-999 hold their index, except the odd days from 301 on
             * (1499 - 2 * 599 = 301), which hold -1 like the odd days
             * 1001-1499: 1000 + 250 points */
            assert_int_equal(skpi_series_length(s), 1250);
            for (size_t i = 0; i < 1250; i++) {
                long d = (long)((skpi_series_times(s)[i] - T0) / DAY);
                double expect = d % 2 == 1 && d >= 301 ? -1 : (double)d;
                assert_true(skpi_series_values(s)[i] == expect);
            }
            skpi_series_free(s);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(s, (skpi_series *)&s);
        assert_int_equal(test_alloc_live(), live);
    }
    assert_int_equal(test_alloc_live(), live);
    skpi_store_free(st);
}

static void out_of_memory_datasets_and_catalogs(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "oom-dataset.db");
    skpi_dataset *ds;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time t[20];
    double v[20];
    for (int i = 0; i < 20; i++) {
        t[i] = T0 + i * DAY;
        v[i] = i;
    }
    assert_int_equal(skpi_dataset_append(ds, "likes", "x:@a", t, v, 20), SKPI_OK);
    assert_int_equal(skpi_dataset_append(ds, "followers", "x:@a", t, v, 20), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post(ds, "x:@a", "1", T0, "text", "hello", ""), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "x:@a", "1", "likes", 3), SKPI_OK);
    skpi_catalog *cat;
    assert_int_equal(skpi_catalog_new(&cat, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(cat, "signups", "Sign-ups", SKPI_UNIT_COUNT,
                                             SKPI_HIGHER_IS_BETTER, SKPI_KIND_FLOW), SKPI_OK);
    assert_int_equal(skpi_catalog_add_derived(cat, "signup_rate", "Sign-up rate",
                                              SKPI_UNIT_PERCENT, SKPI_HIGHER_IS_BETTER,
                                              "signups / reach * 100"), SKPI_OK);
    long live = test_alloc_live();
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_store_write_dataset(st, ds);
        int rc2 = rc == SKPI_OK ? skpi_store_write_catalog(st, cat) : rc;
        test_alloc_fail_after(-1);
        assert_int_equal(test_alloc_live(), live);
        if (rc == SKPI_OK && rc2 == SKPI_OK) break;
        assert_int_equal(rc2, SKPI_ENOMEM);
        if (rc != SKPI_OK) {
            assert_int_equal(raw_int(p, "SELECT count(*) FROM series"), 0);
            assert_int_equal(raw_int(p, "SELECT count(*) FROM post"), 0);
        }
    }
    skpi_dataset_free(ds);
    skpi_catalog_free(cat);
    live = test_alloc_live();
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    for (long n = 0;; n++) {
        skpi_dataset *back = (skpi_dataset *)&back;
        test_alloc_fail_after(n);
        int rc = skpi_store_read_dataset(&back, st, NULL, all);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            const skpi_series *s;
            assert_int_equal(skpi_dataset_series(&s, back, "likes", "x:@a"), SKPI_OK);
            assert_points(s, t, v, 20);
            assert_int_equal(skpi_dataset_post_count(back), 1);
            skpi_dataset_free(back);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(back, (skpi_dataset *)&back);
        assert_int_equal(test_alloc_live(), live);
    }
    for (long n = 0;; n++) {
        skpi_dataset *back = (skpi_dataset *)&back;
        test_alloc_fail_after(n);
        int rc = skpi_store_open_dataset(&back, st, NULL, all);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            skpi_dataset_free(back);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(back, (skpi_dataset *)&back);
        assert_int_equal(test_alloc_live(), live);
    }
    for (long n = 0;; n++) {
        skpi_catalog *c = (skpi_catalog *)&c;
        test_alloc_fail_after(n);
        int rc = skpi_store_read_catalog(&c, st, NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            const skpi_metric *m;
            assert_int_equal(skpi_catalog_find(&m, c, "signup_rate"), SKPI_OK);
            skpi_catalog_free(c);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(c, (skpi_catalog *)&c);
        assert_int_equal(test_alloc_live(), live);
    }
    assert_int_equal(test_alloc_live(), live);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- definitions (v2) */

#define MAR1 (T0 + 60 * DAY) /* 2024-03-01: 31 + 29 days after 2024-01-01 */
#define APR1 (T0 + 91 * DAY) /* 2024-04-01 */
#define JUL1 (T0 + 182 * DAY) /* 2024-07-01: 31 + 29 + 31 + 30 + 31 + 30 days */

/* Two goals and three objectives (o2 and o3 aligned under o1) with every
 * field set somewhere. */
static skpi_definitions *sample_definitions(void)
{
    skpi_definitions *defs;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    assert_int_equal(skpi_catalog_add_metric(skpi_definitions_catalog(defs), "signups", "Sign-ups",
                                             SKPI_UNIT_COUNT, SKPI_HIGHER_IS_BETTER,
                                             SKPI_KIND_FLOW), SKPI_OK);
    skpi_goal *g;
    assert_int_equal(skpi_goal_new(&g, "Grow Instagram followers"), SKPI_OK);
    assert_int_equal(skpi_goal_set_category(g, SKPI_CATEGORY_BRAND_AWARENESS), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "followers"), SKPI_OK);
    assert_int_equal(skpi_goal_set_channel(g, "instagram:@acme"), SKPI_OK);
    assert_int_equal(skpi_goal_set_cadence(g, SKPI_CADENCE_WEEK), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_value(g, 1000), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_PERCENT, 20), SKPI_OK);
    assert_int_equal(skpi_goal_set_span(g, (skpi_period){ T0, JUL1 }), SKPI_OK);
    assert_int_equal(skpi_goal_add_milestone(g, APR1, 10), SKPI_OK);
    assert_int_equal(skpi_goal_add_milestone(g, MAR1, 5.5), SKPI_OK);
    assert_int_equal(skpi_goal_set_relevance(g, "Audience for the autumn launch"), SKPI_OK);
    assert_int_equal(skpi_goal_set_owner(g, "Sam"), SKPI_OK);
    assert_int_equal(skpi_goal_set_activity(g, "Video production"), SKPI_OK);
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, "g1", g), SKPI_OK);
    skpi_goal_free(g);
    assert_int_equal(skpi_goal_new(&g, "Keep cost per click down"), SKPI_OK);
    assert_int_equal(skpi_goal_set_direction(g, SKPI_GOAL_STAY_AT_MOST), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_period(g, (skpi_period){ T0, T0 + 31 * DAY }), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, 0.75), SKPI_OK);
    assert_int_equal(skpi_goal_set_target_source(g, "Retail benchmark, Example Survey"), SKPI_OK);
    assert_int_equal(skpi_definitions_add_goal(NULL, defs, "g2", g), SKPI_OK);
    skpi_goal_free(g);

    skpi_objective *o1, *o2, *o3;
    skpi_key_result *kr;
    assert_int_equal(skpi_definitions_add_objective(&o1, defs, "o1", "Be the brand people talk about"),
                     SKPI_OK);
    assert_int_equal(skpi_objective_set_description(o1, "Word of mouth"), SKPI_OK);
    assert_int_equal(skpi_objective_set_owner(o1, "Marketing"), SKPI_OK);
    assert_int_equal(skpi_objective_set_period(o1, (skpi_period){ T0, APR1 }), SKPI_OK);
    assert_int_equal(skpi_objective_set_type(o1, SKPI_OBJECTIVE_COMMITTED), SKPI_OK);
    assert_int_equal(skpi_objective_set_curve(o1, SKPI_OKR_CURVE_STRETCH), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, o1, SKPI_KR_MANUAL, "NPS to 40"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 20, 40), SKPI_OK);
    assert_int_equal(skpi_key_result_set_stretch(kr, 50), SKPI_OK);
    assert_int_equal(skpi_key_result_set_weight(kr, 2), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, T0 + 10 * DAY, 25, 0.6, "good start"), SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, T0 + 40 * DAY, NAN, 0.5, NULL), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, o1, SKPI_KR_METRIC, "Reach 1M"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 1e6), SKPI_OK);
    assert_int_equal(skpi_key_result_set_commit(kr, 3e5), SKPI_OK);
    assert_int_equal(skpi_key_result_set_metric(kr, "reach", "*"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_activity(kr, "Community management"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_target_source(kr, "Retail benchmark, Example Study 2026, p. 4"),
                     SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, o1, SKPI_KR_MILESTONE, "Publish the policy"),
                     SKPI_OK);
    assert_int_equal(skpi_key_result_add_checkin(kr, T0 + 20 * DAY, 0.5, NAN, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_add_objective(&o2, defs, "o2", "Answer every message"),
                     SKPI_OK);
    double x[] = { 0, 1, 1.5 }, y[] = { 0, 0.7, 1 };
    assert_int_equal(skpi_objective_set_curve_points(o2, x, y, 3), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, o2, SKPI_KR_MANUAL, "Reply within 1 h"),
                     SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 4, 1), SKPI_OK); /* decreasing */
    assert_int_equal(skpi_definitions_add_objective(&o3, defs, "o3", "Grow the community"), SKPI_OK);
    /* o3 first, then o2: children keep this order */
    assert_int_equal(skpi_objective_set_parent(o3, o1, 1), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(o2, o1, 0.5), SKPI_OK);
    return defs;
}

static const skpi_goal *goal_by_id(const skpi_definitions *defs, const char *id)
{
    size_t i;
    assert_int_equal(skpi_definitions_find_goal(&i, defs, id), SKPI_OK);
    return skpi_definitions_goal(defs, i);
}

static skpi_objective *objective_by_id(const skpi_definitions *defs, const char *id)
{
    size_t i;
    assert_int_equal(skpi_definitions_find_objective(&i, defs, id), SKPI_OK);
    return skpi_definitions_objective(defs, i);
}

static void assert_checkin(const skpi_key_result *kr, size_t i, skpi_time t, double v, double c,
                           const char *note)
{
    skpi_time time;
    double value, confidence;
    const char *n;
    assert_int_equal(skpi_key_result_checkin(&time, &value, &confidence, &n, kr, i), SKPI_OK);
    assert_int_equal(time, t);
    assert_true(same_bits(value, v));
    assert_true(same_bits(confidence, c));
    assert_string_equal(n, note);
}

/* Every field of sample_definitions(), as set there. */
static void assert_sample(const skpi_definitions *defs)
{
    const skpi_metric *m;
    assert_int_equal(skpi_catalog_find(&m, skpi_definitions_catalog(defs), "signups"), SKPI_OK);
    assert_int_equal(skpi_metric_kind_of(m), SKPI_KIND_FLOW);

    assert_string_equal(skpi_definitions_goal_id(defs, 0), "g1");
    assert_string_equal(skpi_definitions_goal_id(defs, 1), "g2");
    const skpi_goal *g = goal_by_id(defs, "g1");
    assert_string_equal(skpi_goal_name(g), "Grow Instagram followers");
    assert_int_equal(skpi_goal_category(g), SKPI_CATEGORY_BRAND_AWARENESS);
    assert_string_equal(skpi_goal_metric(g), "followers");
    assert_string_equal(skpi_goal_channel(g), "instagram:@acme");
    assert_int_equal(skpi_goal_direction(g), SKPI_GOAL_INCREASE);
    assert_int_equal(skpi_goal_cadence(g), SKPI_CADENCE_WEEK);
    assert_int_equal(skpi_goal_baseline_kind(g), SKPI_BASELINE_VALUE);
    assert_true(skpi_goal_baseline_value(g) == 1000);
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_PERCENT);
    assert_true(skpi_goal_target_value(g) == 20);
    skpi_period p;
    assert_int_equal(skpi_goal_span(&p, g), SKPI_OK);
    assert_int_equal(p.start, T0);
    assert_int_equal(p.end, JUL1);
    assert_int_equal(skpi_goal_milestone_count(g), 2);
    skpi_time date;
    double value;
    assert_int_equal(skpi_goal_milestone(&date, &value, g, 0), SKPI_OK);
    assert_int_equal(date, MAR1);
    assert_true(value == 5.5);
    assert_int_equal(skpi_goal_milestone(&date, &value, g, 1), SKPI_OK);
    assert_int_equal(date, APR1);
    assert_true(value == 10);
    assert_string_equal(skpi_goal_relevance(g), "Audience for the autumn launch");
    assert_string_equal(skpi_goal_owner(g), "Sam");
    g = goal_by_id(defs, "g2");
    assert_string_equal(skpi_goal_name(g), "Keep cost per click down");
    assert_int_equal(skpi_goal_category(g), SKPI_CATEGORY_NONE);
    assert_null(skpi_goal_metric(g));
    assert_null(skpi_goal_channel(g));
    assert_int_equal(skpi_goal_direction(g), SKPI_GOAL_STAY_AT_MOST);
    assert_int_equal(skpi_goal_cadence(g), SKPI_CADENCE_MONTH);
    assert_int_equal(skpi_goal_baseline_kind(g), SKPI_BASELINE_PERIOD);
    assert_int_equal(skpi_goal_baseline_period(&p, g), SKPI_OK);
    assert_int_equal(p.start, T0);
    assert_int_equal(p.end, T0 + 31 * DAY);
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_ABSOLUTE);
    assert_true(skpi_goal_target_value(g) == 0.75);
    assert_int_equal(skpi_goal_span(&p, g), SKPI_ENOTFOUND);
    assert_int_equal(skpi_goal_milestone_count(g), 0);
    assert_null(skpi_goal_relevance(g));
    assert_null(skpi_goal_owner(g));
    assert_null(skpi_goal_activity(g));
    assert_string_equal(skpi_goal_target_source(g), "Retail benchmark, Example Survey");
    assert_string_equal(skpi_goal_activity(goal_by_id(defs, "g1")), "Video production");
    assert_null(skpi_goal_target_source(goal_by_id(defs, "g1")));

    skpi_objective *o1 = objective_by_id(defs, "o1");
    assert_string_equal(skpi_objective_title(o1), "Be the brand people talk about");
    assert_string_equal(skpi_objective_description(o1), "Word of mouth");
    assert_string_equal(skpi_objective_owner(o1), "Marketing");
    assert_int_equal(skpi_objective_period(&p, o1), SKPI_OK);
    assert_int_equal(p.start, T0);
    assert_int_equal(p.end, APR1);
    assert_int_equal(skpi_objective_type(o1), SKPI_OBJECTIVE_COMMITTED);
    assert_int_equal(skpi_objective_curve(o1), SKPI_OKR_CURVE_STRETCH);
    assert_null(skpi_objective_parent(o1));
    assert_int_equal(skpi_objective_key_result_count(o1), 3);
    const skpi_key_result *kr = skpi_objective_key_result(o1, 0);
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_MANUAL);
    assert_string_equal(skpi_key_result_title(kr), "NPS to 40");
    double start, target;
    assert_int_equal(skpi_key_result_range(&start, &target, kr), SKPI_OK);
    assert_true(start == 20 && target == 40);
    assert_true(skpi_key_result_stretch(kr) == 50);
    assert_true(isnan(skpi_key_result_commit(kr)));
    assert_true(skpi_key_result_weight(kr) == 2);
    assert_null(skpi_key_result_metric(kr));
    assert_null(skpi_key_result_activity(kr));
    assert_null(skpi_key_result_target_source(kr));
    assert_int_equal(skpi_key_result_checkin_count(kr), 2);
    assert_checkin(kr, 0, T0 + 10 * DAY, 25, 0.6, "good start");
    assert_checkin(kr, 1, T0 + 40 * DAY, NAN, 0.5, "");
    kr = skpi_objective_key_result(o1, 1);
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_METRIC);
    assert_true(skpi_key_result_commit(kr) == 3e5);
    assert_true(isnan(skpi_key_result_stretch(kr)));
    assert_string_equal(skpi_key_result_metric(kr), "reach");
    assert_string_equal(skpi_key_result_selector(kr), "*");
    assert_true(skpi_key_result_weight(kr) == 1);
    assert_string_equal(skpi_key_result_activity(kr), "Community management");
    assert_string_equal(skpi_key_result_target_source(kr), "Retail benchmark, Example Study 2026, p. 4");
    kr = skpi_objective_key_result(o1, 2);
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_MILESTONE);
    assert_int_equal(skpi_key_result_checkin_count(kr), 1);
    assert_checkin(kr, 0, T0 + 20 * DAY, 0.5, NAN, "");

    skpi_objective *o2 = objective_by_id(defs, "o2"), *o3 = objective_by_id(defs, "o3");
    assert_int_equal(skpi_objective_type(o2), SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_period(&p, o2), SKPI_ENOTFOUND);
    assert_int_equal(skpi_objective_curve(o2), SKPI_OKR_CURVE_CUSTOM);
    assert_int_equal(skpi_objective_curve_point_count(o2), 3);
    double x, y;
    assert_int_equal(skpi_objective_curve_point(&x, &y, o2, 2), SKPI_OK);
    assert_true(x == 1.5 && y == 1);
    kr = skpi_objective_key_result(o2, 0);
    assert_int_equal(skpi_key_result_direction(kr), SKPI_KR_DECREASE);
    assert_ptr_equal(skpi_objective_parent(o2), o1);
    assert_ptr_equal(skpi_objective_parent(o3), o1);
    assert_true(skpi_objective_alignment_weight(o2) == 0.5);
    assert_true(skpi_objective_alignment_weight(o3) == 1);
    assert_int_equal(skpi_objective_child_count(o1), 2);
    assert_ptr_equal(skpi_objective_child(o1, 0), o3);
    assert_ptr_equal(skpi_objective_child(o1, 1), o2);
    assert_int_equal(skpi_objective_curve(o3), SKPI_OKR_CURVE_LINEAR);
    assert_int_equal(skpi_objective_key_result_count(o3), 0);
}

static void definitions_round_trip(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "defs.db");
    skpi_definitions *defs = sample_definitions();
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    skpi_definitions_free(defs);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM goal_milestone"), 2);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM key_result"), 4);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM checkin"), 3);
    /* the new columns hold the texts, NULL where none was set */
    char *texts = raw_text(p, "SELECT id || ' ' || coalesce(activity, '-') || ' ' ||"
                              " coalesce(target_source, '-') FROM goal ORDER BY position");
    assert_string_equal(texts, "g1 Video production -\ng2 - Retail benchmark, Example Survey\n");
    free(texts);
    texts = raw_text(p, "SELECT position || ' ' || coalesce(activity, '-') || ' ' ||"
                        " coalesce(target_source, '-') FROM key_result WHERE objective = 'o1'"
                        " ORDER BY position");
    assert_string_equal(texts, "0 - -\n1 Community management Retail benchmark, Example Study "
                               "2026, p. 4\n2 - -\n");
    free(texts);
    skpi_store_free(st);

    st = reopen(p, 5000);
    skpi_definitions *back = NULL;
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_OK);
    assert_sample(back);
    /* saving what was read changes nothing */
    assert_int_equal(skpi_store_write_definitions(st, back), SKPI_OK);
    skpi_definitions_free(back);
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_OK);
    assert_sample(back);

    /* a saved objective is replaced whole: o1 loses its milestone key result */
    skpi_objective *o1 = objective_by_id(back, "o1");
    assert_int_equal(skpi_objective_remove_key_result(o1, 2), SKPI_OK);
    assert_int_equal(skpi_store_write_definitions(st, back), SKPI_OK);
    skpi_definitions_free(back);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM key_result WHERE objective = 'o1'"), 2);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM checkin"), 2);

    /* other ids stay, and keep their order; a new one goes last */
    skpi_definitions *more;
    assert_int_equal(skpi_definitions_new(&more, NULL), SKPI_OK);
    skpi_goal *g;
    assert_int_equal(skpi_goal_new(&g, "Renamed"), SKPI_OK);
    assert_int_equal(skpi_definitions_add_goal(NULL, more, "g3", g), SKPI_OK);
    assert_int_equal(skpi_definitions_add_goal(NULL, more, "g1", g), SKPI_OK);
    skpi_goal_free(g);
    assert_int_equal(skpi_store_write_definitions(st, more), SKPI_OK);
    skpi_definitions_free(more);
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_goal_count(back), 3);
    assert_string_equal(skpi_definitions_goal_id(back, 0), "g1");
    assert_string_equal(skpi_goal_name(skpi_definitions_goal(back, 0)), "Renamed");
    assert_int_equal(skpi_goal_milestone_count(skpi_definitions_goal(back, 0)), 0);
    /* replaced whole: the renamed g1 has no activity any more */
    assert_null(skpi_goal_activity(skpi_definitions_goal(back, 0)));
    assert_string_equal(skpi_definitions_goal_id(back, 2), "g3");
    assert_int_equal(skpi_definitions_objective_count(back), 3);
    skpi_definitions_free(back);

    assert_int_equal(skpi_store_write_definitions(st, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_store_read_definitions(NULL, st, NULL), SKPI_EMISUSE);
    skpi_store_free(st);
}

static void definitions_alignment_outside_is_refused(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "defs-outside.db");
    skpi_definitions *defs;
    assert_int_equal(skpi_definitions_new(&defs, NULL), SKPI_OK);
    skpi_objective *inside, *outside;
    assert_int_equal(skpi_definitions_add_objective(&inside, defs, "in", "Inside"), SKPI_OK);
    assert_int_equal(skpi_objective_new(&outside, "Outside"), SKPI_OK);
    assert_int_equal(skpi_objective_set_parent(inside, outside, 1), SKPI_OK);
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "objective \"in\" is aligned under an objective "
                                              "that is not part of the definitions"));
    assert_int_equal(raw_int(p, "SELECT count(*) FROM objective"), 0);
    skpi_objective_free(outside);
    skpi_definitions_free(defs);
    skpi_store_free(st);
}

static void checkins_and_deletes(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "checkins.db");
    skpi_definitions *defs = sample_definitions();
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    skpi_definitions_free(defs);

    assert_int_equal(skpi_store_add_checkin(st, "o1", 0, T0 + 50 * DAY, 30, 0.7, "on track"),
                     SKPI_OK);
    /* earlier than the others: kept in time order */
    assert_int_equal(skpi_store_add_checkin(st, "o1", 0, T0 + DAY, 21, NAN, NULL), SKPI_OK);
    assert_int_equal(skpi_store_add_checkin(st, "o1", 0, T0 + DAY, 22, NAN, NULL), SKPI_EDUPLICATE);
    assert_non_null(strstr(skpi_last_error(), "check-in at 2024-01-02"));
    assert_int_equal(skpi_store_add_checkin(st, "o1", 9, T0, 1, NAN, NULL), SKPI_ENOTFOUND);
    assert_int_equal(skpi_store_add_checkin(st, "nope", 0, T0, 1, NAN, NULL), SKPI_ENOTFOUND);
    assert_int_equal(skpi_store_add_checkin(st, "o1", 2, T0, 2, NAN, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_store_add_checkin(st, "o1", 0, T0, 1, 1.5, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_store_add_checkin(st, "o1", 0, T0, INFINITY, NAN, NULL), SKPI_EINVAL);
    assert_int_equal(skpi_store_add_checkin(st, "o1", 0, SKPI_TIME_END, 1, NAN, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_store_add_checkin(st, NULL, 0, T0, 1, NAN, NULL), SKPI_EMISUSE);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM checkin"), 5);
    /* who checked in (schema 6): kept, and read back with the check-in */
    assert_int_equal(skpi_store_add_checkin_by(st, "o1", 0, T0 + 60 * DAY, 31, NAN, "steady", "Dana"),
                     SKPI_OK);
    assert_int_equal(skpi_store_add_checkin_by(st, "o1", 0, T0 + 60 * DAY, 32, NAN, NULL, "Eve"),
                     SKPI_EDUPLICATE);
    assert_int_equal(skpi_store_add_checkin_by(NULL, "o1", 0, T0, 1, NAN, NULL, "Eve"), SKPI_EMISUSE);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM checkin WHERE author = 'Dana'"), 1);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM checkin WHERE author = ''"), 5);
    {
        skpi_definitions *with_author;
        const char *who = NULL;
        assert_int_equal(skpi_store_read_definitions(&with_author, st, NULL), SKPI_OK);
        const skpi_key_result *k0 = skpi_objective_key_result(objective_by_id(with_author, "o1"), 0);
        assert_int_equal(skpi_key_result_checkin_count(k0), 5);
        assert_checkin(k0, 4, T0 + 60 * DAY, 31, NAN, "steady");
        assert_int_equal(skpi_key_result_checkin_author(&who, k0, 4), SKPI_OK);
        assert_string_equal(who, "Dana");
        assert_int_equal(skpi_key_result_checkin_author(&who, k0, 3), SKPI_OK);
        assert_string_equal(who, "");
        /* written back whole, the author stays */
        assert_int_equal(skpi_store_write_definitions(st, with_author), SKPI_OK);
        assert_int_equal(raw_int(p, "SELECT count(*) FROM checkin WHERE author = 'Dana'"), 1);
        skpi_definitions_free(with_author);
    }
    raw_exec(p, "DELETE FROM checkin WHERE author = 'Dana'");

    skpi_definitions *back;
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_OK);
    const skpi_key_result *kr = skpi_objective_key_result(objective_by_id(back, "o1"), 0);
    assert_int_equal(skpi_key_result_checkin_count(kr), 4);
    assert_checkin(kr, 0, T0 + DAY, 21, NAN, "");
    assert_checkin(kr, 3, T0 + 50 * DAY, 30, 0.7, "on track");
    skpi_definitions_free(back);

    /* deleting o1 takes its key results and check-ins; o2 and o3 become
     * top-level */
    assert_int_equal(skpi_store_delete_objective(st, "o1"), SKPI_OK);
    assert_int_equal(skpi_store_delete_objective(st, "o1"), SKPI_ENOTFOUND);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM checkin"), 0);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM key_result"), 1);
    assert_int_equal(skpi_store_delete_goal(st, "g2"), SKPI_OK);
    assert_int_equal(skpi_store_delete_goal(st, "g2"), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "no goal \"g2\""));
    assert_int_equal(skpi_store_delete_goal(st, "g1"), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM goal_milestone"), 0);
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_goal_count(back), 0);
    assert_int_equal(skpi_definitions_objective_count(back), 2);
    assert_null(skpi_objective_parent(objective_by_id(back, "o2")));
    assert_null(skpi_objective_parent(objective_by_id(back, "o3")));
    skpi_definitions_free(back);
    assert_int_equal(skpi_store_delete_goal(NULL, "g1"), SKPI_EMISUSE);
    assert_int_equal(skpi_store_delete_objective(st, NULL), SKPI_EMISUSE);
    skpi_store_free(st);

    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    o.read_only = 1;
    assert_int_equal(skpi_store_open(&st, p, &o), SKPI_OK);
    assert_int_equal(skpi_store_delete_goal(st, "g1"), SKPI_EMISUSE);
    assert_int_equal(skpi_store_add_checkin(st, "o2", 0, T0, 1, NAN, NULL), SKPI_EMISUSE);
    skpi_store_free(st);
}

static void damaged_definitions_are_reported(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "defs-damaged.db");
    skpi_definitions *defs = sample_definitions();
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    skpi_definitions_free(defs);
    /* a direction the library does not know */
    raw_exec(p, "UPDATE goal SET direction = 9 WHERE id = 'g2'");
    skpi_definitions *back = (skpi_definitions *)&back;
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "the saved goal \"g2\" is rejected"));
    assert_ptr_equal(back, (skpi_definitions *)&back);
    raw_exec(p, "UPDATE goal SET direction = 3 WHERE id = 'g2';"
                "UPDATE key_result SET start = 40 WHERE objective = 'o1' AND position = 0");
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "the saved objective \"o1\" is rejected"));
    /* a source for g1's percent target, which no benchmark gives */
    raw_exec(p, "UPDATE key_result SET start = 20 WHERE objective = 'o1' AND position = 0;"
                "UPDATE goal SET target_source = 'Retail benchmark, X' WHERE id = 'g1'");
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "the saved goal \"g1\" is rejected"));
    assert_non_null(strstr(skpi_last_error(), "only an absolute target comes from a benchmark"));
    /* a line break inside a key result's source */
    raw_exec(p, "UPDATE goal SET target_source = NULL WHERE id = 'g1';"
                "UPDATE key_result SET target_source = 'Retail' || char(10) || 'benchmark'"
                " WHERE objective = 'o1' AND position = 1");
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_EIO);
    assert_non_null(strstr(skpi_last_error(), "the saved objective \"o1\" is rejected"));
    assert_non_null(strstr(skpi_last_error(), "control character at byte 6"));
    assert_ptr_equal(back, (skpi_definitions *)&back);
    skpi_store_free(st);
}

/* Open fixture vN read-write: migrated to the current version, its schema
 * exactly that of a new store, its file sound. */
static skpi_store *open_fixture(char *p, int version)
{
    char name[32], q[256];
    snprintf(name, sizeof name, "v%d.db", version);
    path_of(p, name);
    load_fixture(p, version);
    assert_int_equal(raw_int(p, "PRAGMA user_version"), version);
    skpi_store *st = reopen(p, 5000);
    assert_int_equal(raw_int(p, "PRAGMA user_version"), skpi_store_schema_version());
    snprintf(name, sizeof name, "v-latest-%d.db", version);
    skpi_store *fresh_st = fresh(q, name);
    skpi_store_free(fresh_st);
    static const char schema[] = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') "
                                 "FROM sqlite_master ORDER BY type, name";
    char *a = raw_text(p, schema), *b = raw_text(q, schema);
    assert_string_equal(a, b);
    free(a);
    free(b);
    assert_int_equal(skpi_store_check(st), SKPI_OK);
    return st;
}

static void fixture_v2_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 2);

    /* the content of version 1 is still there */
    skpi_series *s = read_all(st, "impressions", "instagram:@acme");
    assert_int_equal(skpi_series_length(s), 3);
    assert_true(skpi_series_values(s)[2] == 105);
    skpi_series_free(s);

    skpi_definitions *defs;
    assert_int_equal(skpi_store_read_definitions(&defs, st, NULL), SKPI_OK);
    const skpi_metric *m;
    assert_int_equal(skpi_catalog_find(&m, skpi_definitions_catalog(defs), "signups_per_1k"),
                     SKPI_OK);
    assert_int_equal(skpi_definitions_goal_count(defs), 1);
    const skpi_goal *g = goal_by_id(defs, "g1");
    assert_string_equal(skpi_goal_name(g), "Grow Instagram followers");
    assert_int_equal(skpi_goal_category(g), SKPI_CATEGORY_BRAND_AWARENESS);
    assert_string_equal(skpi_goal_metric(g), "followers");
    assert_string_equal(skpi_goal_channel(g), "instagram:@acme");
    assert_int_equal(skpi_goal_direction(g), SKPI_GOAL_INCREASE);
    assert_int_equal(skpi_goal_cadence(g), SKPI_CADENCE_MONTH);
    assert_true(skpi_goal_baseline_value(g) == 1000);
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_PERCENT);
    assert_true(skpi_goal_target_value(g) == 20);
    skpi_period span;
    assert_int_equal(skpi_goal_span(&span, g), SKPI_OK);
    assert_int_equal(span.start, T0);
    assert_int_equal(span.end, JUL1);
    skpi_time date;
    double value;
    assert_int_equal(skpi_goal_milestone(&date, &value, g, 0), SKPI_OK);
    assert_int_equal(date, APR1);
    assert_true(value == 10);
    assert_string_equal(skpi_goal_relevance(g), "Autumn launch");
    assert_string_equal(skpi_goal_owner(g), "Sam");

    skpi_objective *o1 = objective_by_id(defs, "o1"), *o2 = objective_by_id(defs, "o2");
    assert_string_equal(skpi_objective_owner(o1), "Marketing");
    assert_int_equal(skpi_objective_type(o1), SKPI_OBJECTIVE_ASPIRATIONAL);
    assert_int_equal(skpi_objective_period(&span, o1), SKPI_OK);
    assert_int_equal(span.end, APR1);
    assert_int_equal(skpi_objective_key_result_count(o1), 2);
    const skpi_key_result *kr = skpi_objective_key_result(o1, 0);
    assert_string_equal(skpi_key_result_title(kr), "NPS to 40");
    assert_checkin(kr, 0, T0 + 10 * DAY, 25, 0.6, "good start");
    kr = skpi_objective_key_result(o1, 1);
    assert_int_equal(skpi_key_result_kind(kr), SKPI_KR_METRIC);
    assert_true(skpi_key_result_commit(kr) == 300000);
    assert_true(skpi_key_result_weight(kr) == 2);
    assert_string_equal(skpi_key_result_metric(kr), "reach");
    assert_int_equal(skpi_objective_type(o2), SKPI_OBJECTIVE_COMMITTED);
    assert_int_equal(skpi_objective_curve(o2), SKPI_OKR_CURVE_CUSTOM);
    double x, y;
    assert_int_equal(skpi_objective_curve_point(&x, &y, o2, 1), SKPI_OK);
    assert_true(x == 1 && y == 0.7);
    assert_ptr_equal(skpi_objective_parent(o2), o1);
    assert_true(skpi_objective_alignment_weight(o2) == 0.5);
    /* a text saved before version 3 is the host's own */
    assert_int_equal(skpi_definitions_report_count(defs), 0);
    skpi_definitions_free(defs);

    char *text;
    assert_int_equal(skpi_store_read_report_definition(&text, st, "weekly"), SKPI_OK);
    assert_string_equal(text, "{\"title\": \"Weekly\"}");
    skpi_free(text);
    skpi_store_runs *runs;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_list_runs(&runs, st, "weekly", all), SKPI_OK);
    assert_int_equal(skpi_store_runs_count(runs), 1);
    skpi_store_run run = SKPI_STORE_RUN_INIT;
    assert_int_equal(skpi_store_runs_get(&run, runs, 0), SKPI_OK);
    assert_int_equal(run.as_of, T0 + 7 * DAY);
    assert_int_equal(run.generated_at, T0 + 7 * DAY + 3600);
    assert_string_equal(run.format, "html");
    assert_int_equal(run.size, 3);
    int64_t id = run.id;
    skpi_store_runs_free(runs);
    void *bytes;
    size_t size;
    assert_int_equal(skpi_store_read_output(&bytes, &size, st, id), SKPI_OK);
    assert_int_equal(size, 3);
    assert_memory_equal(bytes, "abc", 3);
    skpi_free(bytes);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- reports (v2) */

static void report_definitions_and_runs(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "reports.db");
    assert_int_equal(skpi_store_write_report_definition(st, "weekly", "{\"title\": \"Week\"}"),
                     SKPI_OK);
    assert_int_equal(skpi_store_write_report_definition(st, "weekly", "{\"title\": \"Weekly\"}"),
                     SKPI_OK);
    assert_int_equal(skpi_store_write_report_definition(st, "monthly.v2", "{}"), SKPI_OK);
    assert_int_equal(skpi_store_write_report_definition(st, "has space", "{}"), SKPI_EINVAL);
    assert_int_equal(skpi_store_write_report_definition(st, "", "{}"), SKPI_EINVAL);
    assert_int_equal(skpi_store_write_report_definition(st, "x", NULL), SKPI_EMISUSE);
    char *text = NULL;
    assert_int_equal(skpi_store_read_report_definition(&text, st, "weekly"), SKPI_OK);
    assert_string_equal(text, "{\"title\": \"Weekly\"}");
    skpi_free(text);
    assert_int_equal(skpi_store_read_report_definition(&text, st, "daily"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_store_read_report_definition(NULL, st, "daily"), SKPI_EMISUSE);

    skpi_store_run run;
    assert_int_equal(skpi_store_run_init(&run, SKPI_STORE_RUN_VERSION), SKPI_OK);
    assert_int_equal(skpi_store_run_init(&run, 9), SKPI_EVERSION);
    assert_int_equal(skpi_store_run_init(NULL, 1), SKPI_EMISUSE);
    skpi_store_run init = SKPI_STORE_RUN_INIT;
    assert_int_equal(init.version, run.version);
    assert_int_equal(run.id, 0);
    assert_null(run.definition);
    assert_null(run.format);
    assert_null(run.output);
    assert_int_equal(run.size, 0);
    assert_int_equal(run.keep_output, 0);
    assert_string_equal(run.sha256, init.sha256);
    run.definition = "weekly";
    run.as_of = T0 + 7 * DAY;
    run.generated_at = T0 + 7 * DAY + 3600;
    run.format = "html";
    run.output = "abc";
    run.size = 3;
    run.keep_output = 1;
    int64_t id1 = 0, id2 = 0, id3 = 0;
    assert_int_equal(skpi_store_add_run(&id1, st, &run), SKPI_OK);
    run.as_of = T0 + 14 * DAY;
    run.format = "markdown";
    run.output = NULL;
    run.size = 0;
    run.keep_output = 0;
    assert_int_equal(skpi_store_add_run(&id2, st, &run), SKPI_OK);
    static const char long_text[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    run.definition = "monthly.v2";
    run.as_of = T0 + 10 * DAY;
    run.format = "text";
    run.output = long_text;
    run.size = sizeof long_text - 1;
    run.keep_output = 1;
    assert_int_equal(skpi_store_add_run(&id3, st, &run), SKPI_OK);
    assert_true(id1 < id2 && id2 < id3);

    /* refused runs write nothing */
    run.definition = "daily";
    assert_int_equal(skpi_store_add_run(NULL, st, &run), SKPI_ENOTFOUND);
    run.definition = "weekly";
    run.format = "";
    assert_int_equal(skpi_store_add_run(NULL, st, &run), SKPI_EINVAL);
    run.format = "a\nb";
    assert_int_equal(skpi_store_add_run(NULL, st, &run), SKPI_EINVAL);
    run.format = NULL;
    assert_int_equal(skpi_store_add_run(NULL, st, &run), SKPI_EMISUSE);
    run.format = "text";
    run.output = NULL;
    run.size = 4;
    assert_int_equal(skpi_store_add_run(NULL, st, &run), SKPI_EMISUSE);
    run.output = "abcd";
    run.as_of = SKPI_TIME_END;
    assert_int_equal(skpi_store_add_run(NULL, st, &run), SKPI_ERANGE);
    run.as_of = T0;
    run.version = 2;
    assert_int_equal(skpi_store_add_run(NULL, st, &run), SKPI_EVERSION);
    assert_int_equal(skpi_store_add_run(NULL, st, NULL), SKPI_EMISUSE);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM report_run"), 3);

    skpi_store_runs *runs;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_list_runs(&runs, st, "weekly", all), SKPI_OK);
    assert_int_equal(skpi_store_runs_count(runs), 2);
    skpi_store_run got = SKPI_STORE_RUN_INIT;
    assert_int_equal(skpi_store_runs_get(&got, runs, 0), SKPI_OK);
    assert_int_equal(got.id, id1);
    assert_string_equal(got.definition, "weekly");
    assert_int_equal(got.as_of, T0 + 7 * DAY);
    assert_int_equal(got.generated_at, T0 + 7 * DAY + 3600);
    assert_string_equal(got.format, "html");
    assert_null(got.output);
    assert_int_equal(got.size, 3);
    assert_int_equal(got.keep_output, 1);
    /* SHA-256("abc"), FIPS 180-2 appendix B.1 */
    assert_string_equal(got.sha256,
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_int_equal(skpi_store_runs_get(&got, runs, 1), SKPI_OK);
    assert_int_equal(got.id, id2);
    assert_int_equal(got.keep_output, 0);
    assert_int_equal(got.size, 0);
    /* SHA-256 of nothing */
    assert_string_equal(got.sha256,
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_int_equal(skpi_store_runs_get(&got, runs, 2), SKPI_ERANGE);
    got.version = 5;
    assert_int_equal(skpi_store_runs_get(&got, runs, 0), SKPI_EVERSION);
    assert_int_equal(skpi_store_runs_get(NULL, runs, 0), SKPI_EMISUSE);
    skpi_store_runs_free(runs);

    /* every definition, as-of from day 10: monthly (day 10), weekly (day 14) */
    skpi_period late = { T0 + 10 * DAY, SKPI_TIME_END };
    assert_int_equal(skpi_store_list_runs(&runs, st, NULL, late), SKPI_OK);
    assert_int_equal(skpi_store_runs_count(runs), 2);
    got.version = SKPI_STORE_RUN_VERSION;
    assert_int_equal(skpi_store_runs_get(&got, runs, 0), SKPI_OK);
    assert_int_equal(got.id, id3);
    /* SHA-256 of the 448-bit message of FIPS 180-2 appendix B.2 */
    assert_string_equal(got.sha256,
                        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    assert_int_equal(skpi_store_runs_get(&got, runs, 1), SKPI_OK);
    assert_int_equal(got.id, id2);
    skpi_store_runs_free(runs);
    assert_int_equal(skpi_store_list_runs(&runs, st, "nothing", all), SKPI_OK);
    assert_int_equal(skpi_store_runs_count(runs), 0);
    skpi_store_runs_free(runs);
    skpi_store_runs_free(NULL);
    assert_int_equal(skpi_store_runs_count(NULL), 0);
    skpi_period back = { 1, 0 };
    assert_int_equal(skpi_store_list_runs(&runs, st, NULL, back), SKPI_EINVAL);

    void *bytes;
    size_t size;
    assert_int_equal(skpi_store_read_output(&bytes, &size, st, id3), SKPI_OK);
    assert_int_equal(size, sizeof long_text - 1);
    assert_memory_equal(bytes, long_text, size);
    assert_int_equal(((char *)bytes)[size], '\0');
    skpi_free(bytes);
    assert_int_equal(skpi_store_read_output(&bytes, &size, st, id2), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "was not kept"));
    assert_int_equal(skpi_store_read_output(&bytes, &size, st, 999), SKPI_ENOTFOUND);
    assert_int_equal(skpi_store_read_output(NULL, &size, st, id1), SKPI_EMISUSE);
    skpi_store_free(st);
}

static void out_of_memory_definitions_and_runs(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "oom-defs.db");
    skpi_definitions *defs = sample_definitions();
    assert_int_equal(skpi_store_write_report_definition(st, "weekly", "{}"), SKPI_OK);
    skpi_store_run run = SKPI_STORE_RUN_INIT;
    run.definition = "weekly";
    run.format = "text";
    run.output = "hello";
    run.size = 5;
    run.keep_output = 1;
    long live = test_alloc_live();
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_store_write_definitions(st, defs);
        if (rc == SKPI_OK) rc = skpi_store_add_run(NULL, st, &run);
        test_alloc_fail_after(-1);
        assert_int_equal(test_alloc_live(), live);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
    }
    skpi_definitions_free(defs);
    live = test_alloc_live();
    for (long n = 0;; n++) {
        skpi_definitions *back = (skpi_definitions *)&back;
        test_alloc_fail_after(n);
        int rc = skpi_store_read_definitions(&back, st, NULL);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_true(n > 10);
            assert_sample(back);
            skpi_definitions_free(back);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(back, (skpi_definitions *)&back);
        assert_int_equal(test_alloc_live(), live);
    }
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    for (long n = 0;; n++) {
        skpi_store_runs *runs = (skpi_store_runs *)&runs;
        void *bytes = NULL;
        size_t size = 0;
        char *text = NULL;
        test_alloc_fail_after(n);
        int rc = skpi_store_list_runs(&runs, st, NULL, all);
        if (rc == SKPI_OK) {
            skpi_store_runs_free(runs);
            rc = skpi_store_read_output(&bytes, &size, st, 1);
        }
        if (rc == SKPI_OK) {
            skpi_free(bytes);
            rc = skpi_store_read_report_definition(&text, st, "weekly");
        }
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_string_equal(text, "{}");
            skpi_free(text);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(test_alloc_live(), live);
    }
    assert_int_equal(test_alloc_live(), live);
    skpi_store_free(st);
}

static skpi_definitions *definitions_file(const char *name);

static void fixture_v3_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 3);

    skpi_definitions *defs;
    assert_int_equal(skpi_store_read_definitions(&defs, st, NULL), SKPI_OK);
    assert_string_equal(skpi_goal_name(goal_by_id(defs, "g1")), "Grow Instagram followers");
    /* "monthly" only: "weekly" is the host's text */
    assert_int_equal(skpi_definitions_report_count(defs), 1);
    assert_string_equal(skpi_definitions_report_id(defs, 0), "monthly");
    skpi_report *r = NULL;
    assert_int_equal(skpi_definitions_build_report(&r, defs, 0, APR1), SKPI_OK);
    assert_string_equal(skpi_report_title(r), "Monthly review");
    assert_int_equal(skpi_report_audience(r), SKPI_AUDIENCE_MANAGEMENT);
    assert_int_equal(skpi_report_cadence(r), SKPI_CADENCE_MONTH);
    assert_int_equal(skpi_report_goal_count(r), 1);
    assert_int_equal(skpi_report_objective_count(r), 1);
    skpi_report_free(r);
    skpi_definitions_free(defs);
    char *text;
    assert_int_equal(skpi_store_read_report_definition(&text, st, "weekly"), SKPI_OK);
    assert_string_equal(text, "{\"title\": \"Weekly\"}");
    skpi_free(text);
    /* the store takes new writes: a report definition beside "monthly" */
    skpi_definitions *more = definitions_file("full.json");
    assert_int_equal(skpi_store_write_definitions(st, more), SKPI_OK);
    skpi_definitions_free(more);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM report_definition WHERE position IS NOT NULL"), 3);
    /* monthly keeps its place 1; full.json's two follow */
    assert_int_equal(raw_int(p, "SELECT position FROM report_definition WHERE id = 'weekly-team'"), 3);
    skpi_store_free(st);
}

/* ------------------------------------------------------------ deliveries */

#define MAR1_2024 1709251200 /* 2024-03-01T00:00:00Z */
#define APR1_2024 1711929600 /* 2024-04-01T00:00:00Z */

static skpi_store_delivery delivery_of(const char *target, const char *key, skpi_time started)
{
    skpi_store_delivery d = SKPI_STORE_DELIVERY_INIT;
    d.report = "monthly";
    d.period.start = MAR1_2024;
    d.period.end = APR1_2024;
    d.format = "html+text";
    d.channel = "email";
    d.target = target;
    d.target_key = key;
    d.started = started;
    return d;
}

/* v5: the hours of a team, read back through its activities. */
static void fixture_v5_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 5);
    skpi_effort *e = NULL;
    assert_int_equal(skpi_effort_new(&e), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity(e, "Video", "Creator", NULL), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity_metric(e, "Video", "engagements"), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity(e, "Static posts", "Creator", NULL), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity_metric(e, "Static posts", "engagements"), SKPI_OK);
    assert_int_equal(skpi_store_read_effort(st, e), SKPI_OK);
    assert_int_equal(skpi_effort_entry_count(e), 2);
    const char *who, *act;
    skpi_period period;
    double hours, cost;
    assert_int_equal(skpi_effort_entry(&who, &act, &period, &hours, &cost, e, 0), SKPI_OK);
    assert_string_equal(who, "Ann");
    assert_string_equal(act, "Video");
    assert_true(period.start == 1704672000 && period.end == 1704758400);
    assert_true(hours == 2.5 && cost == 50.0);
    assert_int_equal(skpi_effort_entry(&who, &act, &period, &hours, &cost, e, 1), SKPI_OK);
    assert_string_equal(who, "Creator");
    assert_true(hours == 1.0 && isnan(cost));
    skpi_effort_free(e);
    skpi_store_free(st);
}

/* v6: the competitors' channels and the benchmark table, in the order of
 * their positions (the fixture inserts them in another order). */
static void fixture_v6_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 6);
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_store_read_definitions(&defs, st, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_competitor_count(defs), 2);
    assert_string_equal(skpi_definitions_competitor_channel(defs, 0), "instagram:@rival");
    assert_string_equal(skpi_definitions_competitor_name(defs, 0), "Rival Co");
    assert_string_equal(skpi_definitions_competitor_channel(defs, 1), "x:@rival");
    const skpi_benchmarks *b = skpi_definitions_benchmarks(defs);
    assert_int_equal(skpi_benchmarks_count(b), 2);
    assert_string_equal(skpi_benchmarks_metric(b, 0), "engagement_rate_followers");
    assert_string_equal(skpi_benchmarks_network(b, 0), "all");
    assert_string_equal(skpi_benchmarks_period(b, 0), "any");
    assert_true(skpi_benchmarks_value(b, 0) == 1.5);
    assert_string_equal(skpi_benchmarks_source(b, 0), "Example Study 2026, p. 4");
    assert_string_equal(skpi_benchmarks_network(b, 1), "instagram");
    assert_string_equal(skpi_benchmarks_industry(b, 1), "Retail");
    assert_true(skpi_benchmarks_value(b, 1) == 0.8);
    /* The goal of the older versions is still there. */
    size_t g;
    assert_int_equal(skpi_definitions_find_goal(&g, defs, "g1"), SKPI_OK);
    skpi_definitions_free(defs);
    skpi_store_free(st);
}

/* v7: a campaign of the definitions, read back and built in UTC; the
 * campaigns written later replace it. */
static void fixture_v7_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 7);
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_store_read_definitions(&defs, st, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_campaign_count(defs), 1);
    assert_string_equal(skpi_definitions_campaign_name(defs, 0), "Spring push");
    skpi_campaign *c = NULL;
    assert_int_equal(skpi_definitions_build_campaign(&c, defs, 0, NULL), SKPI_OK);
    skpi_period period, base;
    assert_int_equal(skpi_campaign_period(&period, c), SKPI_OK);
    /* 1 March 2024 up to the start of 15 March: 14 days after MAR1_2024 */
    assert_true(period.start == MAR1_2024 && period.end == MAR1_2024 + 14 * 86400);
    assert_int_equal(skpi_campaign_baseline(&base, c), SKPI_OK);
    /* January 2024: 1704067200 and 31 days later */
    assert_true(base.start == 1704067200 && base.end == 1704067200 + 31 * 86400);
    assert_int_equal(skpi_campaign_channel_count(c), 1);
    assert_string_equal(skpi_campaign_channel(c, 0), "instagram:@acme");
    assert_int_equal(skpi_campaign_selector_count(c), 2);
    int kind = -1;
    const char *value = NULL;
    assert_int_equal(skpi_campaign_selector(&kind, &value, c, 1), SKPI_OK);
    assert_int_equal(kind, SKPI_SELECT_UTM_CAMPAIGN);
    assert_string_equal(value, "spring-push");
    skpi_campaign_free(c);
    /* the handle's campaigns replace the stored ones: none left */
    assert_int_equal(skpi_definitions_remove_campaign(defs, 0), SKPI_OK);
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM campaign_definition"), 0);
    skpi_definitions_free(defs);
    skpi_store_free(st);
}

/* v8: the tags a post carries, read back in their order; a dataset
 * written back replaces them with its own. */
static void fixture_v8_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 8);
    skpi_dataset *ds = NULL;
    skpi_period all = { SKPI_TIME_MIN, SKPI_TIME_END };
    assert_int_equal(skpi_store_read_dataset(&ds, st, NULL, all), SKPI_OK);
    const skpi_post *post = find_post(ds, "instagram:@acme", "C1");
    assert_non_null(post);
    assert_int_equal(skpi_post_tag_count(post), 2);
    assert_string_equal(skpi_post_tag(post, 0), "Spring sale");
    assert_string_equal(skpi_post_tag(post, 1), "Launch");
    assert_int_equal(skpi_post_has_tag(post, "#launch"), 1);
    /* "Launch" goes, "Summer" comes: the store holds what the dataset does */
    assert_int_equal(skpi_dataset_clear_post_tags(ds, "instagram:@acme", "C1"), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "C1", "Spring sale"), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post_tag(ds, "instagram:@acme", "C1", "Summer"), SKPI_OK);
    assert_int_equal(skpi_store_write_dataset(st, ds), SKPI_OK);
    skpi_dataset_free(ds);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM post_tag"), 2);
    assert_int_equal(raw_int(p, "SELECT position FROM post_tag WHERE tag = 'Summer'"), 1);
    assert_int_equal(skpi_store_read_dataset(&ds, st, NULL, all), SKPI_OK);
    post = find_post(ds, "instagram:@acme", "C1");
    assert_int_equal(skpi_post_tag_count(post), 2);
    assert_string_equal(skpi_post_tag(post, 1), "Summer");
    /* a post without tags keeps none */
    assert_int_equal(skpi_dataset_clear_post_tags(ds, "instagram:@acme", "C1"), SKPI_OK);
    assert_int_equal(skpi_store_write_dataset(st, ds), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM post_tag"), 0);
    skpi_dataset_free(ds);
    skpi_store_free(st);
}

/* v9: who made a check-in; the older check-in reads back with no author. */
static void fixture_v9_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 9);
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_store_read_definitions(&defs, st, NULL), SKPI_OK);
    const skpi_key_result *kr = skpi_objective_key_result(objective_by_id(defs, "o1"), 0);
    assert_int_equal(skpi_key_result_checkin_count(kr), 2);
    const char *who = NULL;
    assert_checkin(kr, 0, 1704931200, 25, 0.6, "good start");
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 0), SKPI_OK);
    assert_string_equal(who, "");
    assert_checkin(kr, 1, 1705536000, 27, NAN, "steady");
    assert_int_equal(skpi_key_result_checkin_author(&who, kr, 1), SKPI_OK);
    assert_string_equal(who, "Dana");
    /* schema 10 came after: no activity and no target source anywhere */
    assert_null(skpi_key_result_activity(kr));
    assert_null(skpi_key_result_target_source(kr));
    const skpi_goal *g1 = goal_by_id(defs, "g1");
    assert_null(skpi_goal_activity(g1));
    assert_null(skpi_goal_target_source(g1));
    assert_int_equal(raw_int(p, "SELECT count(*) FROM goal WHERE activity IS NOT NULL"
                                " OR target_source IS NOT NULL"), 0);
    skpi_definitions_free(defs);
    skpi_store_free(st);
}

/* v10: the activity that serves a goal or key result, and where its target
 * comes from; the rows of v9 have neither. Written back, both stay. */
static void assert_v10(const skpi_definitions *defs)
{
    assert_int_equal(skpi_definitions_goal_count(defs), 2);
    const skpi_goal *g = goal_by_id(defs, "g1");
    assert_null(skpi_goal_activity(g));
    assert_null(skpi_goal_target_source(g));
    g = goal_by_id(defs, "g2");
    assert_string_equal(skpi_goal_name(g), "Match the retail engagement rate");
    assert_int_equal(skpi_goal_category(g), SKPI_CATEGORY_COMMUNITY_ENGAGEMENT);
    assert_int_equal(skpi_goal_target_kind(g), SKPI_TARGET_ABSOLUTE);
    assert_true(skpi_goal_target_value(g) == 1.5);
    assert_true(skpi_goal_baseline_value(g) == 1.1);
    assert_string_equal(skpi_goal_owner(g), "Ann");
    assert_string_equal(skpi_goal_activity(g), "Video");
    assert_string_equal(skpi_goal_target_source(g), "Retail benchmark, Example Study 2026, p. 4");
    skpi_objective *o1 = objective_by_id(defs, "o1");
    assert_int_equal(skpi_objective_key_result_count(o1), 3);
    for (size_t i = 0; i < 2; i++) {
        assert_null(skpi_key_result_activity(skpi_objective_key_result(o1, i)));
        assert_null(skpi_key_result_target_source(skpi_objective_key_result(o1, i)));
    }
    const skpi_key_result *kr = skpi_objective_key_result(o1, 2);
    assert_string_equal(skpi_key_result_title(kr), "Engagement rate at the retail benchmark");
    double start, target;
    assert_int_equal(skpi_key_result_range(&start, &target, kr), SKPI_OK);
    assert_true(start == 1.1 && target == 1.5);
    assert_string_equal(skpi_key_result_selector(kr), "instagram:*");
    assert_string_equal(skpi_key_result_activity(kr), "Community management");
    assert_string_equal(skpi_key_result_target_source(kr), "Retail benchmark, Example Study 2026, p. 4");
}

static void fixture_v10_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 10);
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_store_read_definitions(&defs, st, NULL), SKPI_OK);
    assert_v10(defs);
    /* the benchmark the fixture's texts name is the table's first row */
    const skpi_benchmarks *b = skpi_definitions_benchmarks(defs);
    assert_string_equal(skpi_benchmarks_source(b, 0), "Example Study 2026, p. 4");
    assert_true(skpi_benchmarks_value(b, 0) == 1.5);
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    skpi_definitions_free(defs);
    skpi_store_free(st);
    st = reopen(p, 5000);
    assert_int_equal(skpi_store_read_definitions(&defs, st, NULL), SKPI_OK);
    assert_v10(defs);
    skpi_definitions_free(defs);
    skpi_store_free(st);
}

static void fixture_v4_opens_and_reads(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = open_fixture(p, 4);
    skpi_store_deliveries *list = NULL;
    skpi_period all = { 0, APR1_2024 + 86400 };
    assert_int_equal(skpi_store_list_deliveries(&list, st, "monthly", all), SKPI_OK);
    assert_int_equal(skpi_store_deliveries_count(list), 2);
    skpi_store_delivery d = SKPI_STORE_DELIVERY_INIT;
    assert_int_equal(skpi_store_deliveries_get(&d, list, 0), SKPI_OK);
    assert_true(d.id == 1 && d.status == SKPI_DELIVERY_FAILED && d.finished == 1711958460);
    assert_string_equal(d.message, "e-mail via smtp://127.0.0.1:25 failed: refused");
    assert_int_equal(skpi_store_deliveries_get(&d, list, 1), SKPI_OK);
    assert_true(d.id == 2 && d.status == SKPI_DELIVERY_SENT && d.started == 1711962000);
    assert_true(d.period.start == MAR1_2024 && d.period.end == APR1_2024);
    assert_string_equal(d.target, "to: abc");
    assert_string_equal(d.target_key, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    skpi_store_deliveries_free(list);
    /* the full target "abc" hashes to the recorded key: sent already */
    skpi_store_delivery again = delivery_of("to: someone", "abc", 1711965600);
    int64_t id = 0;
    assert_int_equal(skpi_store_begin_delivery(&id, st, &again, 0), SKPI_EEXISTS);
    assert_non_null(strstr(skpi_last_error(), "was sent to to: someone at 2024-04-01T09:00:30Z"));
    skpi_store_free(st);
}

static void deliveries_once_per_period(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "deliveries.db");
    int64_t a = 0, b = 0, c = 0, e = 0;
    skpi_time t = APR1_2024 + 8 * 3600;
    skpi_store_delivery d = delivery_of("to: ceo@example.com", NULL, t);
    assert_int_equal(skpi_store_begin_delivery(&a, st, &d, 0), SKPI_OK);
    /* a second scheduler while the first sends: held back */
    d.started = t + 60;
    assert_int_equal(skpi_store_begin_delivery(&b, st, &d, 0), SKPI_EEXISTS);
    assert_non_null(strstr(skpi_last_error(), "is being sent"));
    /* failed: the next attempt goes ahead */
    assert_int_equal(skpi_store_end_delivery(st, a, SKPI_DELIVERY_FAILED, "refused", t + 5), SKPI_OK);
    assert_int_equal(skpi_store_end_delivery(st, a, SKPI_DELIVERY_SENT, NULL, t + 6), SKPI_ENOTFOUND);
    assert_int_equal(skpi_store_begin_delivery(&b, st, &d, 0), SKPI_OK);
    assert_int_equal(skpi_store_end_delivery(st, b, SKPI_DELIVERY_SENT, NULL, t + 70), SKPI_OK);
    d.started = t + 3600;
    assert_int_equal(skpi_store_begin_delivery(&c, st, &d, 0), SKPI_EEXISTS);
    assert_non_null(strstr(skpi_last_error(), "was sent"));
    /* another period, another target: each its own */
    skpi_store_delivery other = d;
    other.target = "to: cfo@example.com";
    assert_int_equal(skpi_store_begin_delivery(&c, st, &other, 0), SKPI_OK);
    /* cut off (no end): held back for 15 minutes, then not */
    other.started = d.started + 14 * 60;
    assert_int_equal(skpi_store_begin_delivery(&e, st, &other, 0), SKPI_EEXISTS);
    other.started = d.started + 16 * 60;
    assert_int_equal(skpi_store_begin_delivery(&e, st, &other, 0), SKPI_OK);
    /* forced */
    assert_int_equal(skpi_store_begin_delivery(&e, st, &d, 1), SKPI_OK);
    /* bad input: nothing recorded */
    skpi_store_delivery bad = d;
    bad.target = "";
    assert_int_equal(skpi_store_begin_delivery(&e, st, &bad, 0), SKPI_EINVAL);
    bad = d;
    bad.period.end = bad.period.start - 1;
    assert_int_equal(skpi_store_begin_delivery(&e, st, &bad, 0), SKPI_EINVAL);
    bad = d;
    bad.version = 9;
    assert_int_equal(skpi_store_begin_delivery(&e, st, &bad, 0), SKPI_EVERSION);
    assert_int_equal(skpi_store_end_delivery(st, a, 0, NULL, t), SKPI_EINVAL);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM delivery"), 5);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM delivery WHERE status = 1"), 1);
    /* the key is the SHA-256 of the target when no key is given; the target is kept as given */
    skpi_store_deliveries *list = NULL;
    skpi_period all = { t, t + 86400 };
    assert_int_equal(skpi_store_list_deliveries(&list, st, NULL, all), SKPI_OK);
    assert_int_equal(skpi_store_deliveries_count(list), 5);
    skpi_store_delivery r = SKPI_STORE_DELIVERY_INIT;
    assert_int_equal(skpi_store_deliveries_get(&r, list, 0), SKPI_OK);
    assert_true(r.id == a && r.status == SKPI_DELIVERY_FAILED && r.finished == t + 5);
    assert_string_equal(r.message, "refused");
    assert_string_equal(r.format, "html+text");
    assert_string_equal(r.channel, "email");
    assert_int_equal(skpi_store_deliveries_get(&r, list, 5), SKPI_ERANGE);
    skpi_store_deliveries_free(list);
    skpi_store_free(st);
}

/* ------------------------------------------- report definitions of a handle */

static skpi_definitions *definitions_file(const char *name)
{
    char p[512];
    snprintf(p, sizeof p, "%s/tests/fixtures/definitions/%s", SKPI_SOURCE_DIR, name);
    skpi_definitions *defs = NULL;
    if (skpi_definitions_load_file(&defs, p, NULL) != SKPI_OK)
        fail_msg("%s: %s", p, skpi_last_error());
    return defs;
}

static char *document(const skpi_definitions *defs)
{
    char *text = NULL;
    if (skpi_definitions_save_buffer(&text, NULL, defs) != SKPI_OK) fail_msg("%s", skpi_last_error());
    return text;
}

static void report_definitions_of_definitions(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "defs-reports.db");
    /* a host's own text under another id stays the host's */
    assert_int_equal(skpi_store_write_report_definition(st, "layout", "{\"id\": \"layout\"}"),
                     SKPI_OK);
    skpi_definitions *defs = definitions_file("full.json");
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT count(*) FROM report_definition WHERE position IS NOT NULL"),
                     2);
    skpi_store_free(st);

    st = reopen(p, 5000);
    skpi_definitions *back = NULL;
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_OK);
    /* full.json's two reports, in its order, and nothing else */
    assert_int_equal(skpi_definitions_report_count(back), 2);
    assert_string_equal(skpi_definitions_report_id(back, 0), "monthly-leadership");
    assert_string_equal(skpi_definitions_report_id(back, 1), "weekly-team");
    skpi_report *r = NULL;
    assert_int_equal(skpi_definitions_build_report(&r, back, 0, T0), SKPI_OK);
    assert_string_equal(skpi_report_title(r), "Social media \xE2\x80\x94 monthly review");
    /* its own "sections" make a leadership report a custom one (report.h) */
    assert_int_equal(skpi_report_audience(r), SKPI_AUDIENCE_CUSTOM);
    assert_int_equal(skpi_report_cadence(r), SKPI_CADENCE_MONTH);
    assert_int_equal(skpi_report_kpi_count(r), 3);
    assert_int_equal(skpi_report_goal_count(r), 1);
    assert_int_equal(skpi_report_objective_count(r), 1);
    skpi_report_free(r);
    /* the whole document is the one read from the file */
    char *a = document(defs), *b = document(back);
    assert_string_equal(a, b);
    skpi_free(a);
    skpi_free(b);
    skpi_definitions_free(back);

    /* the host's text replaces a report definition under its id: it is the
     * host's from then on */
    assert_int_equal(skpi_store_write_report_definition(st, "weekly-team", "plain text"), SKPI_OK);
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_report_count(back), 1);
    assert_string_equal(skpi_definitions_report_id(back, 0), "monthly-leadership");
    skpi_definitions_free(back);
    /* saved again, it goes last: after monthly-leadership's 1 */
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    assert_int_equal(raw_int(p, "SELECT position FROM report_definition WHERE id = 'weekly-team'"),
                     2);
    assert_int_equal(raw_int(p, "SELECT position FROM report_definition WHERE id = "
                                "'monthly-leadership'"), 1);

    /* a goal deleted since: the report definition still reads, and building
     * it names the missing goal, as after skpi_definitions_remove_goal() */
    assert_int_equal(skpi_store_delete_goal(st, "ig-followers"), SKPI_OK);
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_OK);
    assert_int_equal(skpi_definitions_report_count(back), 2);
    assert_int_equal(skpi_definitions_build_report(&r, back, 0, T0), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "ig-followers"));
    /* and such definitions are refused whole, as a file refuses them */
    char *saved = raw_text(p, "SELECT id || position || definition FROM report_definition "
                              "ORDER BY id");
    assert_int_equal(skpi_store_write_definitions(st, back), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "names the goal 'ig-followers'"));
    char *after = raw_text(p, "SELECT id || position || definition FROM report_definition "
                              "ORDER BY id");
    assert_string_equal(saved, after);
    free(saved);
    free(after);
    skpi_definitions_free(back);
    skpi_definitions_free(defs);
    skpi_store_free(st);
}

static void damaged_report_definitions_are_reported(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "defs-reports-damaged.db");
    skpi_definitions *defs = definitions_file("full.json");
    assert_int_equal(skpi_store_write_definitions(st, defs), SKPI_OK);
    skpi_definitions_free(defs);
    skpi_definitions *back = (skpi_definitions *)&back;
    static const char prefix[] = "skpi_store_read_definitions: the saved report definition "
                                 "\"weekly-team\" is rejected (";
    raw_exec(p, "UPDATE report_definition SET definition = '{\"id\": \"weekly-team\", "
                "\"title\": 7}' WHERE id = 'weekly-team'");
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_EIO);
    assert_true(strncmp(skpi_last_error(), prefix, strlen(prefix)) == 0);
    assert_string_equal(skpi_last_error() + strlen(prefix), "title: expected a string, found a number)");
    assert_ptr_equal(back, (skpi_definitions *)&back);
    /* cut short: jansson says where, in its own words */
    raw_exec(p, "UPDATE report_definition SET definition = '{\"id\": ' WHERE id = 'weekly-team'");
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_EIO);
    assert_true(strncmp(skpi_last_error(), prefix, strlen(prefix)) == 0);
    assert_true(strncmp(skpi_last_error() + strlen(prefix), "line 1, column ", 15) == 0);
    assert_ptr_equal(back, (skpi_definitions *)&back);
    raw_exec(p, "UPDATE report_definition SET definition = '[1]' WHERE id = 'weekly-team'");
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_EIO);
    assert_true(strncmp(skpi_last_error(), prefix, strlen(prefix)) == 0);
    assert_string_equal(skpi_last_error() + strlen(prefix), "expected an object, found an array)");
    assert_ptr_equal(back, (skpi_definitions *)&back);
    raw_exec(p, "UPDATE report_definition SET definition = '{\"id\": \"other\", \"title\": \"T\"}'"
                " WHERE id = 'weekly-team'");
    assert_int_equal(skpi_store_read_definitions(&back, st, NULL), SKPI_EIO);
    assert_true(strncmp(skpi_last_error(), prefix, strlen(prefix)) == 0);
    assert_string_equal(skpi_last_error() + strlen(prefix), "its text has the id \"other\")");
    assert_ptr_equal(back, (skpi_definitions *)&back);
    skpi_store_free(st);
}

/* The definitions read back, or NULL after SKPI_ENOMEM with the
 * out-parameter untouched. */
static skpi_definitions *read_or_nomem(skpi_store *st)
{
    skpi_definitions *back = (skpi_definitions *)&back;
    int rc = skpi_store_read_definitions(&back, st, NULL);
    if (rc == SKPI_OK) return back;
    assert_int_equal(rc, SKPI_ENOMEM);
    assert_ptr_equal(back, (skpi_definitions *)&back);
    return NULL;
}

static void assert_document(skpi_definitions *defs, const char *expected)
{
    char *text = document(defs);
    assert_string_equal(text, expected);
    skpi_free(text);
    skpi_definitions_free(defs);
}

static void out_of_memory_report_definitions(void **state)
{
    (void)state;
    char p[256];
    skpi_store *st = fresh(p, "oom-defs-reports.db");
    skpi_definitions *defs = definitions_file("full.json");
    char *expected = document(defs);
    long live = test_alloc_live();
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        int rc = skpi_store_write_definitions(st, defs);
        test_alloc_fail_after(-1);
        assert_int_equal(test_alloc_live(), live);
        if (rc == SKPI_OK) break;
        assert_int_equal(rc, SKPI_ENOMEM);
        /* one transaction: nothing of it is there */
        assert_int_equal(raw_int(p, "SELECT count(*) FROM report_definition"), 0);
        assert_int_equal(raw_int(p, "SELECT count(*) FROM goal"), 0);
    }
    skpi_definitions_free(defs);
    live = test_alloc_live();
    for (long n = 0;; n++) {
        test_alloc_fail_after(n);
        skpi_definitions *back = read_or_nomem(st);
        test_alloc_fail_after(-1);
        if (back) {
            assert_document(back, expected);
            break;
        }
        assert_int_equal(test_alloc_live(), live);
    }
    /* jansson, reading the saved report definitions, runs out too */
    test_json_alloc_install();
    int refused = 0;
    for (long n = 0;; n++) {
        test_json_fail_after(n);
        skpi_definitions *back = read_or_nomem(st);
        test_json_fail_after(-1);
        assert_int_equal(test_json_live(), 0);
        if (back) {
            assert_document(back, expected);
            break;
        }
        refused++;
        assert_int_equal(test_alloc_live(), live);
    }
    assert_true(refused > 10);
    test_json_alloc_remove();
    skpi_free(expected);
    skpi_store_free(st);
}

/* ---------------------------------------------------------------- main */

static void remove_tree(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
}

int main(void)
{
    test_alloc_install();
    snprintf(dir, sizeof dir, "/tmp/skpi-store-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    /* the read-only test's child runs as "nobody" and needs the folder */
    chmod(dir, 0777);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(options_init_sets_defaults),
        cmocka_unit_test(open_creates_wal_store),
        cmocka_unit_test(open_rejects_misuse),
        cmocka_unit_test(open_missing_file),
        cmocka_unit_test(open_refuses_files_that_are_not_stores),
        cmocka_unit_test(open_refuses_newer_schema),
        cmocka_unit_test(points_round_trip),
        cmocka_unit_test(points_keep_extreme_values),
        cmocka_unit_test(points_merge_into_chunks),
        cmocka_unit_test(chunk_times_out_of_range_are_refused),
        cmocka_unit_test(points_bad_input_writes_nothing),
        cmocka_unit_test(write_series_round_trip),
        cmocka_unit_test(transactions_commit_and_roll_back),
        cmocka_unit_test(posts_round_trip),
        cmocka_unit_test(catalog_round_trip),
        cmocka_unit_test(dataset_round_trip),
        cmocka_unit_test(source_reads_only_what_is_needed),
        cmocka_unit_test(damaged_store_is_reported),
        cmocka_unit_test(fixture_v1_opens_and_reads),
        cmocka_unit_test(locked_store_times_out),
        cmocka_unit_test(disk_full_leaves_last_commit),
        cmocka_unit_test(read_only_file),
        cmocka_unit_test(sigkill_mid_import_keeps_last_commit),
        cmocka_unit_test(readers_run_while_one_writes),
        cmocka_unit_test(writers_take_turns),
        cmocka_unit_test(out_of_memory_open),
        cmocka_unit_test(out_of_memory_points),
        cmocka_unit_test(out_of_memory_datasets_and_catalogs),
        cmocka_unit_test(definitions_round_trip),
        cmocka_unit_test(definitions_alignment_outside_is_refused),
        cmocka_unit_test(checkins_and_deletes),
        cmocka_unit_test(damaged_definitions_are_reported),
        cmocka_unit_test(report_definitions_and_runs),
        cmocka_unit_test(fixture_v2_opens_and_reads),
        cmocka_unit_test(fixture_v3_opens_and_reads),
        cmocka_unit_test(fixture_v4_opens_and_reads),
        cmocka_unit_test(fixture_v5_opens_and_reads),
        cmocka_unit_test(fixture_v6_opens_and_reads),
        cmocka_unit_test(fixture_v7_opens_and_reads),
        cmocka_unit_test(fixture_v8_opens_and_reads),
        cmocka_unit_test(fixture_v9_opens_and_reads),
        cmocka_unit_test(fixture_v10_opens_and_reads),
        cmocka_unit_test(deliveries_once_per_period),
        cmocka_unit_test(report_definitions_of_definitions),
        cmocka_unit_test(damaged_report_definitions_are_reported),
        cmocka_unit_test(out_of_memory_report_definitions),
        cmocka_unit_test(out_of_memory_definitions_and_runs),
    };
    /* SKPI_TEST_FILTER=kill runs only the tests whose names match */
    const char *filter = getenv("SKPI_TEST_FILTER");
    if (filter) cmocka_set_test_filter(filter);
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    remove_tree();
    return failed;
}
