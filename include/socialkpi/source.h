/**
 * @file socialkpi/source.h
 * @brief Data sources: host callbacks that hand a dataset the data it lacks.
 *
 * A dataset with a source attached (skpi_dataset_set_source()) asks it, while
 * answering a query, for every (metric, channel, period) the query needs and
 * that the dataset has not asked for before. It asks once per uncovered
 * range, keeps whatever comes back (nothing at all is a valid answer: the
 * range is then known to be empty) and never asks again for a range it
 * already covered. Only flows and stocks are asked for; derived metrics are
 * computed from them.
 *
 * A callback returns 0 to go on. Any other value aborts the query, which
 * returns ::SKPI_ECALLBACK, and the dataset is exactly as it was before the
 * query: what earlier callbacks of the same query delivered is dropped and
 * asked for again next time. A callback may set the message with
 * skpi_error_set(); else it reads "source callback returned N". A callback
 * must not use or free the dataset that calls it; it only calls the
 * skpi_fetch_* functions on the request it was given.
 */
#ifndef SOCIALKPI_SOURCE_H
#define SOCIALKPI_SOURCE_H

#include "socialkpi/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief One request of a dataset to a source (opaque; valid only during the callback). */
typedef struct skpi_fetch skpi_fetch;

/**
 * @brief A data source: a table of host callbacks.
 *
 * Versioned struct: set `version` to ::SKPI_SOURCE_VERSION (or use
 * ::SKPI_SOURCE_INIT / skpi_source_init()). It only grows at its end.
 */
typedef struct skpi_source {
    unsigned version; /**< ::SKPI_SOURCE_VERSION */
    /**
     * Deliver the points of `skpi_fetch_metric(request)` on
     * `skpi_fetch_channel(request)` inside `skpi_fetch_period(request)` with
     * skpi_fetch_append() (any number of calls, or none). Required.
     * Returns 0 to go on, non-zero to abort the query.
     */
    int (*fetch)(skpi_fetch *request, void *userdata);
    void *userdata; /**< passed to every callback; owned by the host */
} skpi_source;

/** @brief The current version of ::skpi_source. */
#define SKPI_SOURCE_VERSION 1
/** @brief Static initializer for ::skpi_source. */
#define SKPI_SOURCE_INIT { SKPI_SOURCE_VERSION, NULL, NULL }

/**
 * @brief Initialise a source table (for bindings that cannot use the macro).
 * @param source  the table to clear and stamp
 * @param version ::SKPI_SOURCE_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_source_init(skpi_source *source, unsigned version);

/** @brief The metric key asked for; borrowed for the callback's duration (NULL for NULL). */
SKPI_API const char *skpi_fetch_metric(const skpi_fetch *request);

/** @brief The channel asked for; borrowed for the callback's duration (NULL for NULL). */
SKPI_API const char *skpi_fetch_channel(const skpi_fetch *request);

/** @brief The period asked for, `[start, end)` ({0, 0} for NULL). */
SKPI_API skpi_period skpi_fetch_period(const skpi_fetch *request);

/**
 * @brief Hand points to the dataset from inside the fetch callback.
 *
 * Both arrays are copied. Points outside the requested period are ignored
 * (the dataset only records the period asked for as covered). NaN values are
 * kept as missing points. The points reach the dataset only when the whole
 * query succeeds.
 * @param request the request passed to the callback
 * @param times   n times
 * @param values  n values; NaN = missing; infinities are rejected
 * @param n       number of points; 0 does nothing
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument, or the callback has
 *         returned); SKPI_EINVAL (an infinite value: the message gives its
 *         index); SKPI_ENOMEM (then the whole query fails with SKPI_ENOMEM,
 *         whatever the callback returns, and is asked again next time).
 *         On error nothing of this call is kept.
 */
SKPI_API int skpi_fetch_append(skpi_fetch *request, const skpi_time *times,
                               const double *values, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_SOURCE_H */
