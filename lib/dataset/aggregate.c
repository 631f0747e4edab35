/* Aggregating one series over a period: sum, first and last present values,
 * and whether every slot of the period holds data. */
#include "dataset/dataset_internal.h"

#include <math.h>

/* First index with times[i] >= t. */
static size_t lower_bound(const skpi_time *times, size_t n, skpi_time t)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (times[mid] < t) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

void skpi__cell_refresh(skpi__cell *cell)
{
    size_t n = skpi_series_length(cell->series);
    if (n == 0) { cell->first = cell->last = 0; return; }
    const skpi_time *t = skpi_series_times(cell->series);
    cell->first = t[0];
    cell->last = t[n - 1];
}

/* First index with times[i] >= t. Series are usually regular (daily), so a
 * linear interpolation between the first and last times lands on or next to
 * the answer; a binary search over a thousand points would touch ten cache
 * lines per series instead of one. */
static size_t find_start(const skpi_time *times, size_t n, skpi_time first, skpi_time last,
                         skpi_time t)
{
    if (t <= first) return 0;
    if (t > last) return n;
    size_t g = (size_t)((double)(t - first) / (double)(last - first) * (double)(n - 1));
    if (g >= n) g = n - 1;
    if (times[g] >= t) {
        if (g == 0 || times[g - 1] < t) return g;
        if (g >= 2 && times[g - 2] < t) return g - 1;
        return lower_bound(times, g - 1, t);
    }
    if (g + 1 < n && times[g + 1] >= t) return g + 1;
    return g + 1 + lower_bound(times + g + 1, n - g - 1, t);
}

void skpi__aggregate_prefetch(const skpi__cell *cell, skpi_period p)
{
#if defined(__GNUC__)
    size_t n = skpi_series_length(cell->series);
    const skpi_time *t = skpi_series_times(cell->series);
    const double *v = skpi_series_values(cell->series);
    if (n == 0) return;
    size_t g = 0;
    if (p.start > cell->first && cell->last > cell->first) {
        double f = (double)(p.start - cell->first) / (double)(cell->last - cell->first);
        g = f >= 1.0 ? n - 1 : (size_t)(f * (double)(n - 1));
    }
    /* The period's points, as far as a guess from the span can tell: the
     * lines of a month of daily data. */
    size_t span = 1;
    if (cell->last > cell->first)
        span += (size_t)((double)(p.end - p.start) / (double)(cell->last - cell->first)
                         * (double)(n - 1));
    if (span > 64) span = 64;
    for (size_t k = 0; k < span && g + k < n; k += 8) {
        __builtin_prefetch(t + g + k);
        __builtin_prefetch(v + g + k);
    }
#else
    (void)cell;
    (void)p;
#endif
}

void skpi__aggregate(skpi__agg *out, const skpi__cell *cell, skpi_period p, int64_t resolution)
{
    const skpi_series *s = cell->series;
    out->sum = 0.0;
    out->first = NAN;
    out->last = NAN;
    out->present = 0;
    out->complete = false;
    size_t n = skpi_series_length(s);
    if (n == 0) return;
    const skpi_time *t = skpi_series_times(s);
    const double *v = skpi_series_values(s);
    double sum = 0.0, comp = 0.0;
    size_t nan = 0, slots = 0, present = 0;
    /* Start of the slot after the last one seen holding a present value. */
    skpi_time next = p.start;
    size_t i = find_start(t, n, cell->first, cell->last, p.start);
    for (; i < n && t[i] < p.end; i++) {
        double x = v[i];
        if (isnan(x)) { nan++; continue; }
        if (present == 0) out->first = x;
        out->last = x;
        present++;
        /* Branch-free two-sum keeps the rounding error of each addition. */
        double s2 = sum + x;
        double bp = s2 - sum;
        comp += (sum - (s2 - bp)) + (x - bp);
        sum = s2;
        if (resolution > 0 && t[i] >= next) {
            slots++;
            /* Daily data lands in the very next slot: skip the division. */
            if (t[i] < next + resolution) next += resolution;
            else next = p.start + ((t[i] - p.start) / resolution + 1) * resolution;
        }
    }
    out->present = present;
    out->sum = sum + comp;
    if (resolution > 0) {
        int64_t expected = (p.end - p.start + resolution - 1) / resolution;
        out->complete = (int64_t)slots == expected;
    } else {
        out->complete = present > 0 && nan == 0;
    }
}
