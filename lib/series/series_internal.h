/* Private: the series handle's layout, shared by the files of lib/series. */
#ifndef SKPI_SERIES_INTERNAL_H
#define SKPI_SERIES_INTERNAL_H

#include "socialkpi/series.h"

#include <stddef.h>

/*
 * Columnar storage: times[] strictly increasing, values[] beside it, both
 * holding `capacity` elements of which the first `length` are used (both
 * NULL while capacity is 0). docs/series.md states when capacity exceeds
 * length.
 */
struct skpi_series {
    char *metric;
    char *channel;
    skpi_time *times;
    double *values;
    size_t length;
    size_t capacity;
    int policy; /* an skpi_duplicate_policy */
};

/* Index of the first time >= key in times[lo..hi), or hi. */
size_t skpi__series_lower_bound(const skpi_time *times, size_t lo, size_t hi, skpi_time key);

/* The same, searched outward from a guess `hint` (clamped to [lo, hi]) with
 * doubling steps, then by bisection: O(log d) probes when the answer is d
 * places from the guess, two when the guess is right. */
size_t skpi__series_search(const skpi_time *times, size_t lo, size_t hi, skpi_time key,
                           size_t hint);

/* A new empty series with copies of the keys and the given policy, and room
 * for exactly `capacity` points (none when 0). SKPI_ENOMEM leaves *out
 * untouched; keys must be valid (not checked). */
int skpi__series_create(skpi_series **out, const char *metric, const char *channel,
                        int policy, size_t capacity);

#endif
