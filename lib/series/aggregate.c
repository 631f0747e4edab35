/* Aggregation of the points inside a period, and rollups to a cadence. */
#include "series/series_internal.h"
#include "series/sum.h"
#include "core/civil.h"
#include "core/internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A calendar error, named after the caller (the calendar's message after its
 * own function's name). */
static int renamed(int rc, const char *what)
{
    char msg[512];
    const char *m = skpi_last_error(), *colon = strchr(m, ':');
    snprintf(msg, sizeof msg, "%s", colon ? colon + 2 : m);
    return skpi__error(rc, "%s: %s", what, msg);
}

/* The start of a period between the first and the last, which are in range
 * (checked above), so the calendar cannot fail. */
static skpi_time number_start(const skpi_calendar *cal, int cadence, int64_t number)
{
    skpi_time t = 0;
    (void)skpi_calendar_period_number_start(&t, cal, cadence, number);
    return t;
}

static int agg_valid(int agg)
{
    return agg >= SKPI_AGG_SUM && agg <= SKPI_AGG_COUNT;
}

static int agg_error(const char *what, int agg)
{
    return skpi__error(SKPI_EINVAL, "%s: aggregation %d is unknown (0 sum, 1 last, 2 first, "
                       "3 mean, 4 min, 5 max, 6 count)", what, agg);
}

/* Present values of v[0..n). */
static size_t count_present(const double *v, size_t n, skpi__sum_fn sum, int *mode)
{
    size_t p = 0;
    (void)sum(v, n, &p, mode);
    return p;
}

/*
 * One number from the points v[0..n) of a period. *present receives the
 * number of non-NaN values when present is not NULL; FIRST and LAST then
 * read only up to the value they return. *mode is the summing hint (sum.h).
 */
static double reduce(const double *v, size_t n, int agg, skpi__sum_fn sum, int *mode,
                     size_t *present)
{
    size_t p = 0;
    double r = NAN;
    switch (agg) {
    case SKPI_AGG_SUM:
    case SKPI_AGG_MEAN:
    case SKPI_AGG_COUNT: {
        double total = sum(v, n, &p, mode);
        if (agg == SKPI_AGG_COUNT) r = (double)p;
        else if (p > 0) r = agg == SKPI_AGG_SUM ? total : total / (double)p;
        break;
    }
    case SKPI_AGG_LAST:
        for (size_t i = n; i > 0; i--) {
            if (v[i - 1] == v[i - 1]) {
                r = v[i - 1];
                break;
            }
        }
        if (present) p = count_present(v, n, sum, mode);
        break;
    case SKPI_AGG_FIRST:
        for (size_t i = 0; i < n; i++) {
            if (v[i] == v[i]) {
                r = v[i];
                break;
            }
        }
        if (present) p = count_present(v, n, sum, mode);
        break;
    case SKPI_AGG_MIN:
    case SKPI_AGG_MAX: {
        /* Comparisons with NaN are false, so missing values never win. */
        double best = agg == SKPI_AGG_MIN ? INFINITY : -INFINITY;
        for (size_t i = 0; i < n; i++) {
            double x = v[i];
            p += x == x;
            if (agg == SKPI_AGG_MIN ? x < best : x > best) best = x;
        }
        if (p > 0) r = best;
        break;
    }
    default:
        break;
    }
    if (present) *present = p;
    return r;
}

int skpi_series_aggregate(double *out, size_t *present, size_t *missing, const skpi_series *s,
                          skpi_period period, int agg)
{
    static const char what[] = "skpi_series_aggregate";
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", what);
    if (s == NULL) return skpi__error(SKPI_EMISUSE, "%s: s is NULL", what);
    if (!agg_valid(agg)) return agg_error(what, agg);
    if (period.end < period.start) {
        char a[SKPI__TIME_TEXT_SIZE], b[SKPI__TIME_TEXT_SIZE];
        return skpi__error(SKPI_EINVAL, "%s: the period ends (%s) before it starts (%s)",
                           what, skpi__time_text(a, period.end), skpi__time_text(b, period.start));
    }
    size_t lo = skpi__series_lower_bound(s->times, 0, s->length, period.start);
    size_t hi = skpi__series_lower_bound(s->times, lo, s->length, period.end);
    size_t p = 0;
    int counted = present != NULL || missing != NULL;
    int mode = 0;
    /* an empty series has no arrays at all: no pointer arithmetic on NULL */
    const double *v = s->values ? s->values + lo : NULL;
    double r = reduce(v, hi - lo, agg, skpi__sum_select(), &mode, counted ? &p : NULL);
    *out = r;
    if (present) *present = p;
    if (missing) *missing = (hi - lo) - p;
    return SKPI_OK;
}

#if defined(__GNUC__)
#  define SKPI__PREFETCH(p) __builtin_prefetch(p)
#else
#  define SKPI__PREFETCH(p) ((void)(p))
#endif

/* Where a period of length `len` starting at index lo probably ends, if
 * it holds points as densely as the previous one (count points in
 * prev_len seconds); only a hint, so double precision is plenty. */
static size_t guess_end(size_t lo, size_t count, skpi_time len, skpi_time prev_len, size_t n)
{
    double est = (double)count * (double)len / (double)prev_len;
    return est < (double)(n - lo) ? lo + (size_t)(est + 0.5) : n;
}

int skpi_series_rollup(skpi_series **out, const skpi_series *s, const skpi_calendar *cal,
                       int cadence, int agg)
{
    static const char what[] = "skpi_series_rollup";
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", what);
    if (s == NULL) return skpi__error(SKPI_EMISUSE, "%s: s is NULL", what);
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "%s: cal is NULL", what);
    if (cadence < SKPI_CADENCE_DAY || cadence > SKPI_CADENCE_YEAR)
        return skpi__error(SKPI_EINVAL, "%s: cadence %d is unknown (0 day, 1 week, 2 month, "
                           "3 quarter, 4 year)", what, cadence);
    if (!agg_valid(agg)) return agg_error(what, agg);

    size_t n = s->length;
    if (n == 0) return skpi__series_create(out, s->metric, s->channel, s->policy, 0);

    /* The first and last periods must lie inside years 1..9999 (a negative
     * UTC offset can push the first one before year 1). */
    skpi_period first, last;
    int64_t i0, i1;
    int rc = skpi_calendar_period(&first, cal, cadence, s->times[0]);
    if (rc == SKPI_OK) rc = skpi_calendar_period(&last, cal, cadence, s->times[n - 1]);
    if (rc == SKPI_OK) rc = skpi_calendar_period_number(&i0, cal, cadence, s->times[0]);
    if (rc == SKPI_OK) rc = skpi_calendar_period_number(&i1, cal, cadence, s->times[n - 1]);
    if (rc != SKPI_OK) return renamed(rc, what);
    size_t buckets = (size_t)(i1 - i0) + 1;

    skpi_series *r;
    rc = skpi__series_create(&r, s->metric, s->channel, s->policy, buckets);
    if (rc != SKPI_OK) return rc;

    /*
     * Each period's bounds are computed once, from its number; the run of
     * points inside it is found by a search from a guess (the previous
     * period's count scaled by the length ratio: exact for regular data)
     * and reduced as one block. No calendar arithmetic per point. The
     * next period's guess is prefetched before the current period is
     * reduced, so the search rarely waits for memory.
     */
    skpi__sum_fn sum = skpi__sum_select();
    int mode = 0;
    const skpi_time *t = s->times;
    skpi_time start = first.start;
    skpi_time next = buckets == 1 ? last.end : number_start(cal, cadence, i0 + 1);
    size_t lo = 0;
    size_t hi = skpi__series_search(t, 0, n, next, 0);
    for (size_t k = 0; k < buckets; k++) {
        skpi_time after = 0;
        size_t guess = n;
        if (k + 1 < buckets) {
            after = k + 2 == buckets ? last.end
                  : number_start(cal, cadence, i0 + (int64_t)k + 2);
            guess = guess_end(hi, hi - lo, after - next, next - start, n);
            if (guess > 0) SKPI__PREFETCH(t + guess - 1);
        }
        r->times[k] = start;
        r->values[k] = reduce(s->values + lo, hi - lo, agg, sum, &mode, NULL);
        if (k + 1 < buckets) {
            lo = hi;
            hi = skpi__series_search(t, lo, n, after, guess);
            start = next;
            next = after;
        }
    }
    r->length = buckets;
    *out = r;
    return SKPI_OK;
}
