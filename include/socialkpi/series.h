/**
 * @file socialkpi/series.h
 * @brief A metric series: one metric on one channel, as sorted columnar
 *        arrays of times and values.
 *
 * NaN means missing, never zero. Values are kept sorted by time; a time
 * appears at most once, duplicates being resolved by the series' policy.
 * A series holds 16 bytes per point (an int64 time and a double value),
 * plus at most 1/8 spare room after a run of small appends. Sums are
 * compensated and at least as accurate as pairwise summation.
 * docs/series.md states the methods and the decisions behind them.
 *
 * A series is used by one thread at a time; distinct series may be used
 * from many threads at once.
 */
#ifndef SOCIALKPI_SERIES_H
#define SOCIALKPI_SERIES_H

#include "socialkpi/common.h"
#include "socialkpi/calendar.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A series of one metric on one channel (opaque). */
typedef struct skpi_series skpi_series;

/** @brief What happens when an appended time is already in the series. Fixed values. */
typedef enum skpi_duplicate_policy {
    SKPI_DUPLICATE_LAST = 0,  /**< the value appended last wins, even a NaN (default) */
    SKPI_DUPLICATE_SUM = 1,   /**< the values are added (NaN + x = x; NaN + NaN = NaN); a sum
                                   that overflows makes the append fail with SKPI_ERANGE */
    SKPI_DUPLICATE_ERROR = 2  /**< the append fails with SKPI_EDUPLICATE and changes nothing */
} skpi_duplicate_policy;

/** @brief How the points of a period become one number. Fixed values. */
typedef enum skpi_aggregation {
    SKPI_AGG_SUM = 0,   /**< sum of present values (flows) */
    SKPI_AGG_LAST = 1,  /**< the present value with the latest time (stocks) */
    SKPI_AGG_FIRST = 2, /**< the present value with the earliest time */
    SKPI_AGG_MEAN = 3,  /**< arithmetic mean of present values */
    SKPI_AGG_MIN = 4,   /**< smallest present value */
    SKPI_AGG_MAX = 5,   /**< largest present value */
    SKPI_AGG_COUNT = 6  /**< number of present (non-NaN) values */
} skpi_aggregation;

/**
 * @brief Create an empty series of one metric on one channel.
 *
 * The duplicate policy starts as ::SKPI_DUPLICATE_LAST.
 * @param out     receives the new series; the caller frees it with skpi_series_free()
 * @param metric  metric key, e.g. "impressions"; copied
 * @param channel channel key, e.g. "instagram:@acme"; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (empty key), SKPI_ENOMEM
 */
SKPI_API int skpi_series_new(skpi_series **out, const char *metric, const char *channel);

/** @brief Free a series. NULL is allowed and does nothing. */
SKPI_API void skpi_series_free(skpi_series *s);

/**
 * @brief Copy a series (keys, policy and points).
 * @param out receives the copy; free it with skpi_series_free()
 * @param s   the series
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOMEM
 */
SKPI_API int skpi_series_clone(skpi_series **out, const skpi_series *s);

/** @brief The metric key; borrowed, valid while the series lives (NULL for a NULL series). */
SKPI_API const char *skpi_series_metric(const skpi_series *s);

/** @brief The channel key; borrowed, valid while the series lives (NULL for a NULL series). */
SKPI_API const char *skpi_series_channel(const skpi_series *s);

/**
 * @brief Set the policy for duplicate times in later appends.
 *
 * Points already in the series are not touched.
 * @param s      the series
 * @param policy an ::skpi_duplicate_policy
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown policy)
 */
SKPI_API int skpi_series_set_duplicate_policy(skpi_series *s, int policy);

/** @brief The duplicate policy, an ::skpi_duplicate_policy (::SKPI_DUPLICATE_LAST for a NULL series). */
SKPI_API int skpi_series_duplicate_policy(const skpi_series *s);

/**
 * @brief Append points in bulk; they need not be sorted.
 *
 * Both arrays are copied; they may even be the series' own arrays from
 * skpi_series_times() and skpi_series_values(). NaN values are kept as
 * missing points. The call is all or nothing: on any error the series is
 * unchanged. Within one call, a repeated time is resolved by the policy in
 * array order; a time already in the series is resolved with the new
 * value as the later one.
 *
 * Cost: a block in strictly increasing time order is checked and copied
 * in one pass each, and a block that lies after the last point is copied
 * to the end; any other block is sorted in a copy (O(n log n), up to 32
 * bytes per point of scratch) and merged, moving only the points after its
 * first time. A block of at least length/8 points leaves exactly 16 bytes
 * per point held; smaller blocks grow the room to 9/8 of the new length.
 * @param s      the series
 * @param times  n times from skpi_time_min() to skpi_time_max()
 * @param values n values; NaN = missing; infinities are rejected
 * @param n      number of points, at least 1
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EINVAL (n is 0, or an infinite
 *         value: the message gives its index); SKPI_ERANGE (a time out of
 *         range, the message gives its index; or, with policy SUM, a sum
 *         of duplicates that overflows); SKPI_EDUPLICATE (policy ERROR and
 *         a repeated time, within the call or already in the series: the
 *         message gives the time); SKPI_ENOMEM
 */
SKPI_API int skpi_series_append(skpi_series *s, const skpi_time *times,
                                const double *values, size_t n);

/** @brief Number of points (missing ones included); 0 for a NULL series. */
SKPI_API size_t skpi_series_length(const skpi_series *s);

/**
 * @brief The sorted times; borrowed, valid until the series is changed or freed.
 * @return skpi_series_length() times, or NULL when empty or s is NULL
 */
SKPI_API const skpi_time *skpi_series_times(const skpi_series *s);

/**
 * @brief The values in time order; borrowed, valid until the series is changed or freed.
 * @return skpi_series_length() values (NaN = missing), or NULL when empty or s is NULL
 */
SKPI_API const double *skpi_series_values(const skpi_series *s);

/**
 * @brief Aggregate the points inside a period.
 *
 * Missing (NaN) points are skipped by every aggregation: LAST and FIRST
 * give the latest and earliest present value, MEAN divides by the number
 * of present values. Sums are compensated and at least as accurate as
 * pairwise summation (docs/series.md states the method and its bound);
 * they can overflow to an infinity only with values near the limit of a
 * double (about 1.8e308). With no present value in the period the result
 * is NaN (COUNT gives 0).
 *
 * Cost: two binary searches, then one pass over the period's values
 * (SUM, MEAN, MIN, MAX, COUNT) near memory speed; LAST and FIRST read only
 * up to the value they return unless present or missing is asked for.
 * @param out     receives the value
 * @param present receives the number of present points in the period; may be NULL
 * @param missing receives the number of NaN points in the period; may be NULL
 * @param s       the series
 * @param period  the half-open period `[start, end)`; any times (an empty
 *                period, or one outside the data, gives NaN and 0 counts)
 * @param agg     an ::skpi_aggregation
 * @return SKPI_OK, SKPI_EMISUSE (NULL s or out), SKPI_EINVAL (unknown
 *         aggregation, or end before start)
 */
SKPI_API int skpi_series_aggregate(double *out, size_t *present, size_t *missing,
                                   const skpi_series *s, skpi_period period, int agg);

/**
 * @brief Roll a series up to a cadence.
 *
 * The result has one point per period of the cadence, from the period of the
 * first point to the period of the last, keyed by the period's start (in
 * UTC seconds; the calendar's time zone decides where periods begin); each
 * value is skpi_series_aggregate() over that period, so a period without
 * present values holds NaN (COUNT: 0). The result keeps the metric and
 * channel keys and the duplicate policy, and holds exactly 16 bytes per
 * period. An empty series gives an empty result.
 *
 * Cost: each period's bounds are computed once, and its points are found
 * by a search from the previous period's density (O(log) reads of the
 * times per period); SUM runs near memory bandwidth, and LAST and FIRST
 * read O(periods * log n) points in all. docs/series.md has measurements.
 * @param out     receives the new series; free it with skpi_series_free()
 * @param s       the series
 * @param cal     the calendar that defines the periods
 * @param cadence an ::skpi_cadence
 * @param agg     an ::skpi_aggregation
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown cadence or
 *         aggregation), SKPI_ERANGE (the first or last period reaches
 *         outside years 1 to 9999 in the calendar's zone, e.g. a point on
 *         0001-01-01 with a negative UTC offset), SKPI_ENOMEM
 */
SKPI_API int skpi_series_rollup(skpi_series **out, const skpi_series *s,
                                const skpi_calendar *cal, int cadence, int agg);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_SERIES_H */
