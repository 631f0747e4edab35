/* Rollup benchmark: minute data rolled up to days, weeks, months and
 * quarters (sum and last), against a plain sum of the values (the
 * memory-bandwidth limit). bench_rollup.py compares with numpy and pandas
 * on the same data; run_rollup.sh runs both and prints one table.
 *
 *   bench_rollup [--sizes 1M,10M] [--results DIR] [--nan FRACTION]
 *
 * Data: N points one minute apart from 2020-01-01T00:00:00Z; value i is
 * splitmix64(i) >> 11 scaled to [0, 1000), or NaN when a second draw falls
 * below FRACTION. bench_rollup.py regenerates the same values bit for bit.
 */
#define _POSIX_C_SOURCE 200809L
#include <socialkpi.h>

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef SKPI_BENCH_BUILD_TYPE
#define SKPI_BENCH_BUILD_TYPE "unknown"
#endif

/* ---- an allocator that knows how many bytes the library holds -------- */

static size_t live_bytes, peak_bytes;
#define HEADER 16 /* keeps the 16-byte alignment malloc gives */

static void account(size_t add, size_t sub)
{
    live_bytes = live_bytes + add - sub;
    if (live_bytes > peak_bytes) peak_bytes = live_bytes;
}

static void *b_malloc(size_t size, void *ud)
{
    (void)ud;
    unsigned char *p = malloc(size + HEADER);
    if (p == NULL) return NULL;
    memcpy(p, &size, sizeof size);
    account(size, 0);
    return p + HEADER;
}

static void *b_realloc(void *ptr, size_t size, void *ud)
{
    if (ptr == NULL) return b_malloc(size, ud);
    unsigned char *p = (unsigned char *)ptr - HEADER;
    size_t old;
    memcpy(&old, p, sizeof old);
    unsigned char *q = realloc(p, size + HEADER);
    if (q == NULL) return NULL;
    memcpy(q, &size, sizeof size);
    account(size, old);
    return q + HEADER;
}

static void b_free(void *ptr, void *ud)
{
    (void)ud;
    if (ptr == NULL) return;
    unsigned char *p = (unsigned char *)ptr - HEADER;
    size_t old;
    memcpy(&old, p, sizeof old);
    account(0, old);
    free(p);
}

/* ---- data ------------------------------------------------------------ */

static uint64_t splitmix64(uint64_t i)
{
    uint64_t z = (i + 1) * UINT64_C(0x9E3779B97F4A7C15);
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

#define START_2020 INT64_C(1577836800) /* 2020-01-01T00:00:00Z */

static void generate(skpi_time *t, double *v, size_t n, double nan_fraction)
{
    const double scale = 1000.0 / 9007199254740992.0; /* 1000 / 2^53 */
    for (size_t i = 0; i < n; i++) {
        t[i] = START_2020 + (skpi_time)i * 60;
        v[i] = (double)(splitmix64(i) >> 11) * scale;
        if (nan_fraction > 0 &&
            (double)(splitmix64(i + (UINT64_C(1) << 40)) >> 11) / 9007199254740992.0 < nan_fraction)
            v[i] = NAN;
    }
}

/* ---- timing ---------------------------------------------------------- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The limit: read every value once and add, with independent accumulators
 * so that the adds keep up with memory. NaN is not skipped: the limit does
 * the least work any sum can do. Two versions, and the faster counts:
 * eight scalar accumulators for the baseline instruction set, and four
 * AVX2 vectors where the processor has them (the library uses AVX2 there
 * too, so the limit must not be handicapped). */
static double plain_sum(const double *x, size_t n)
{
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        a0 += x[i];
        a1 += x[i + 1];
        a2 += x[i + 2];
        a3 += x[i + 3];
        a4 += x[i + 4];
        a5 += x[i + 5];
        a6 += x[i + 6];
        a7 += x[i + 7];
    }
    for (; i < n; i++) a0 += x[i];
    return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define HAVE_AVX2_LIMIT 1
/* Four 4-wide vector accumulators: the same sixteen lanes the library's
 * AVX2 kernel keeps. */
__attribute__((target("avx2"))) static double plain_sum_avx2(const double *x, size_t n)
{
    typedef double v4 __attribute__((vector_size(32)));
    v4 a0 = { 0 }, a1 = { 0 }, a2 = { 0 }, a3 = { 0 };
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v4 x0, x1, x2, x3;
        memcpy(&x0, x + i, sizeof x0);
        memcpy(&x1, x + i + 4, sizeof x1);
        memcpy(&x2, x + i + 8, sizeof x2);
        memcpy(&x3, x + i + 12, sizeof x3);
        a0 += x0;
        a1 += x1;
        a2 += x2;
        a3 += x3;
    }
    v4 a = (a0 + a1) + (a2 + a3);
    double r = (a[0] + a[1]) + (a[2] + a[3]);
    for (; i < n; i++) r += x[i];
    return r;
}
#endif

static volatile double sink;

/* What one timed run works on. */
typedef struct job {
    const double *values;
    size_t n;
    const skpi_series *s;
    const skpi_calendar *cal;
    int cadence, agg;
    skpi_series *result; /* the last rollup, kept for the results file */
} job;

static void die(const char *what);

static int use_avx2_limit;

static void run_limit(job *j)
{
    sink = plain_sum(j->values, j->n);
}

#if defined(HAVE_AVX2_LIMIT)
static void run_limit_avx2(job *j)
{
    sink = plain_sum_avx2(j->values, j->n);
}
#endif

static void run_rollup(job *j)
{
    skpi_series_free(j->result);
    j->result = NULL;
    if (skpi_series_rollup(&j->result, j->s, j->cal, j->cadence, j->agg) != SKPI_OK)
        die("rollup");
}

/* The faster of the two plain sums on this machine; best_limit() picks it. */
static void (*limit_fn)(job *) = run_limit;

/* Best time of repeated runs of fn: at least 5, then more until `budget`
 * seconds were spent (the machine may be shared; the minimum is the run
 * least disturbed). */
static double best_of(void (*fn)(job *), job *j, double budget, int *reps)
{
    double best = INFINITY, spent = 0;
    int k = 0;
    while (k < 5 || (spent < budget && k < 5000)) {
        double t0 = now();
        fn(j);
        double dt = now() - t0;
        spent += dt;
        if (dt < best) best = dt;
        k++;
    }
    if (reps) *reps = k;
    return best;
}

/* The better of the two plain sums, and remember which one it was. */
static double best_limit(job *j, double budget, int *reps)
{
    double best = best_of(run_limit, j, budget, reps);
#if defined(HAVE_AVX2_LIMIT)
    if (use_avx2_limit) {
        double b2 = best_of(run_limit_avx2, j, budget, NULL);
        if (b2 < best) {
            best = b2;
            limit_fn = run_limit_avx2;
        }
    }
#endif
    return best;
}

static void die(const char *what)
{
    fprintf(stderr, "bench_rollup: %s: %s\n", what, skpi_last_error());
    exit(1);
}

static const char *cadence_names[] = { "day", "week", "month", "quarter" };
static const int cadences[] = { SKPI_CADENCE_DAY, SKPI_CADENCE_WEEK, SKPI_CADENCE_MONTH,
                                SKPI_CADENCE_QUARTER };
static const char *agg_names[] = { "sum", "last" };
static const int aggs[] = { SKPI_AGG_SUM, SKPI_AGG_LAST };

static size_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || v <= 0) {
        fprintf(stderr, "bench_rollup: bad size '%s' (use e.g. 1M, 10M, 100M, 500000)\n", s);
        exit(2);
    }
    if (*end == 'k' || *end == 'K') v *= 1e3, end++;
    else if (*end == 'm' || *end == 'M') v *= 1e6, end++;
    if (*end != '\0') {
        fprintf(stderr, "bench_rollup: bad size '%s'\n", s);
        exit(2);
    }
    return (size_t)v;
}

/* The month sum in a zone that changes its clocks against the same sum in
 * UTC, timed round-robin: zone conversion happens once per month boundary,
 * so the two should be within a few percent. */
static void zone_case(const skpi_series *s, double budget)
{
    skpi_calendar *utc, *la;
    if (skpi_calendar_new(&utc) != SKPI_OK || skpi_calendar_new(&la) != SKPI_OK ||
        skpi_calendar_set_time_zone(la, "America/Los_Angeles") != SKPI_OK)
        die("zone calendar");
    job ju = { skpi_series_values(s), skpi_series_length(s), s, utc, SKPI_CADENCE_MONTH, SKPI_AGG_SUM, NULL };
    job jl = ju;
    jl.cal = la;
    double bu = INFINITY, bl = INFINITY, spent = 0;
    int k = 0;
    while (k < 5 || (spent < 2 * budget && k < 5000)) {
        double t1 = now();
        run_rollup(&ju);
        double t2 = now();
        run_rollup(&jl);
        double t3 = now();
        spent += t3 - t1;
        if (t2 - t1 < bu) bu = t2 - t1;
        if (t3 - t2 < bl) bl = t3 - t2;
        k++;
    }
    printf("  month sum in America/Los_Angeles %.3f ms, in UTC %.3f ms: ratio %.3f "
           "(%d runs each)\n", bl * 1e3, bu * 1e3, bl / bu, k);
    skpi_series_free(ju.result);
    skpi_series_free(jl.result);
    skpi_calendar_free(utc);
    skpi_calendar_free(la);
}

static void run(size_t n, const char *dir, double nan_fraction, const skpi_calendar *cal)
{
    skpi_time *t = malloc(n * sizeof *t);
    double *v = malloc(n * sizeof *v);
    if (t == NULL || v == NULL) {
        fprintf(stderr, "bench_rollup: cannot allocate %zu points\n", n);
        exit(1);
    }
    generate(t, v, n, nan_fraction);

    size_t held_before = live_bytes;
    peak_bytes = live_bytes;
    skpi_series *s;
    if (skpi_series_new(&s, "impressions", "bench:minutes") != SKPI_OK) die("new");
    double t0 = now();
    if (skpi_series_append(s, t, v, n) != SKPI_OK) die("append");
    double append_s = now() - t0;
    double held = (double)(live_bytes - held_before) / (double)n;
    double peak = (double)(peak_bytes - held_before) / (double)n;

    /* What the append cannot beat: fresh memory for 16 bytes a point,
     * touched once by a copy (page faults included). */
    t0 = now();
    skpi_time *ct = malloc(n * sizeof *ct);
    double *cv = malloc(n * sizeof *cv);
    if (ct == NULL || cv == NULL) {
        fprintf(stderr, "bench_rollup: cannot allocate %zu points\n", n);
        exit(1);
    }
    memcpy(ct, t, n * sizeof *t);
    memcpy(cv, v, n * sizeof *v);
    sink = (double)ct[n / 2] + cv[n / 3];
    double copy_s = now() - t0;
    free(ct);
    free(cv);
    free(t);
    free(v);

    /* about 1 s per figure at 1M and 10M points, 3 s at 100M */
    double budget = n <= 20000000 ? 1.0 : 3.0;
    job j = { skpi_series_values(s), n, s, cal, 0, 0, NULL };
    int reps;
    double limit = best_limit(&j, budget, &reps);
    printf("N = %zu (build %s; best of repeated runs)\n", n, SKPI_BENCH_BUILD_TYPE);
    printf("  bulk append of sorted points %.1f ms (malloc + memcpy of the same bytes: %.1f ms);\n"
           "  the series holds %.2f bytes/point (peak %.2f during the append)\n",
           append_s * 1e3, copy_s * 1e3, held, peak);

    FILE *out = NULL;
    if (dir) {
        char path[4096];
        snprintf(path, sizeof path, "%s/rollup_%zu.txt", dir, n);
        out = fopen(path, "w");
        if (out == NULL) {
            fprintf(stderr, "bench_rollup: cannot write %s\n", path);
            exit(1);
        }
        fprintf(out, "n %zu\nnan %.17g\nbuild %s\nappend %.9g\ncopy %.9g\nheld %.6f\n"
                "peak %.6f\n", n, nan_fraction, SKPI_BENCH_BUILD_TYPE, append_s, copy_s, held,
                peak);
    }

    /* For each aggregation the four cadences (and, for sums, the limit)
     * are timed round-robin, so that all of them see the same spells of a
     * shared machine; each keeps its best run. */
    double best[4][2], near[4][2];
    int runs[2];
    for (int a = 0; a < 2; a++) {
        j.agg = aggs[a];
        double lim = INFINITY, spent = 0;
        for (int c = 0; c < 4; c++) best[c][a] = INFINITY;
        int k = 0;
        while (k < 5 || (spent < 4 * budget && k < 5000)) {
            if (aggs[a] == SKPI_AGG_SUM) {
                double t1 = now();
                limit_fn(&j);
                double dt = now() - t1;
                spent += dt;
                if (dt < lim) lim = dt;
            }
            for (int c = 0; c < 4; c++) {
                j.cadence = cadences[c];
                double t1 = now();
                run_rollup(&j);
                double dt = now() - t1;
                spent += dt;
                if (dt < best[c][a]) best[c][a] = dt;
            }
            k++;
        }
        runs[a] = k;
        for (int c = 0; c < 4; c++) near[c][a] = lim;
        if (lim < limit) limit = lim;

        for (int c = 0; c < 4; c++) {
            j.cadence = cadences[c];
            run_rollup(&j);
            size_t m = skpi_series_length(j.result);
            if (out) {
                fprintf(out, "rollup %s %s %.9g %zu %.9g\n", cadence_names[c], agg_names[a],
                        best[c][a], m, near[c][a]);
                const skpi_time *rt = skpi_series_times(j.result);
                const double *rv = skpi_series_values(j.result);
                for (size_t i = 0; i < m; i++)
                    fprintf(out, "%lld %.17g\n", (long long)rt[i], rv[i]);
            }
        }
        skpi_series_free(j.result);
        j.result = NULL;
    }
    for (int c = 0; c < 4; c++) {
        for (int a = 0; a < 2; a++) {
            printf("  %-7s %-4s %9.3f ms (%4d runs)", cadence_names[c], agg_names[a],
                   best[c][a] * 1e3, runs[a]);
            if (aggs[a] == SKPI_AGG_SUM)
                printf("  %.2f of the limit timed with it (%.3f ms)", near[c][a] / best[c][a],
                       near[c][a] * 1e3);
            printf("\n");
        }
    }
    printf("  limit (plain multi-accumulator sum of the values%s, best of %d+ runs): "
           "%.3f ms = %.1f GB/s\n", use_avx2_limit ? ", SSE2 or AVX2" : "", reps,
           limit * 1e3, (double)n * 8 / limit / 1e9);
    if (out) {
        fprintf(out, "limit %.9g\n", limit);
        fclose(out);
    }
    zone_case(s, budget);
    skpi_series_free(s);
}

int main(int argc, char **argv)
{
    skpi_allocator a = SKPI_ALLOCATOR_INIT;
    a.malloc_fn = b_malloc;
    a.realloc_fn = b_realloc;
    a.free_fn = b_free;
    if (skpi_set_allocator(&a) != SKPI_OK) die("set_allocator");
#if defined(HAVE_AVX2_LIMIT)
    use_avx2_limit = __builtin_cpu_supports("avx2");
#endif

    const char *sizes = "1M,10M", *dir = NULL;
    double nan_fraction = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc) sizes = argv[++i];
        else if (strcmp(argv[i], "--results") == 0 && i + 1 < argc) dir = argv[++i];
        else if (strcmp(argv[i], "--nan") == 0 && i + 1 < argc) nan_fraction = atof(argv[++i]);
        else {
            fprintf(stderr, "usage: bench_rollup [--sizes 1M,10M,100M] [--results DIR] "
                            "[--nan FRACTION]\n");
            return 2;
        }
    }

    skpi_calendar *cal;
    if (skpi_calendar_new(&cal) != SKPI_OK) die("calendar");

    char *list = malloc(strlen(sizes) + 1);
    strcpy(list, sizes);
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ","))
        run(parse_size(tok), dir, nan_fraction, cal);
    free(list);
    skpi_calendar_free(cal);
    return 0;
}
