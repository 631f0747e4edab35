/**
 * @file socialkpi/compete.h
 * @brief Our figures against competitors' (median, rank) and against
 *        industry benchmark tables (gap).
 *
 * Everything here is experimental (`SKPI_EXPERIMENTAL`, docs/ABI.md): define
 * the macro before including the header. docs/competitors.md describes the
 * figures and docs/metrics.md their formulas.
 *
 * **Threads**: a comparison or a benchmark table is used by one thread at a
 * time.
 */
#ifndef SOCIALKPI_COMPETE_H
#define SOCIALKPI_COMPETE_H

#include "socialkpi/common.h"
#include "socialkpi/metrics.h"
#include "socialkpi/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef SKPI_EXPERIMENTAL

/** @brief One metric over one period: ours beside each competitor's (opaque). */
typedef struct skpi_comparison skpi_comparison;

/**
 * @brief Compare our value of a metric with each competitor's.
 *
 * Ours is skpi_dataset_value() for the selector; each competitor's is
 * skpi_dataset_competitor_value() over its channels on the selector's
 * network (`instagram:*` and `instagram:@acme` compare with competitors'
 * Instagram channels; `*` and `@group` with all their channels). The
 * competitors are those of skpi_dataset_competitor(), in that order.
 * @param out      receives the comparison; free it with skpi_comparison_free()
 * @param ds       the dataset
 * @param metric   a metric key
 * @param selector our channels
 * @param period   `[start, end)`, start < end
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_ENOTFOUND (unknown metric or
 *         group); SKPI_EINVAL (malformed selector, end <= start);
 *         SKPI_ECALLBACK (a source stopped); SKPI_ENOMEM
 */
SKPI_API int skpi_comparison_new(skpi_comparison **out, skpi_dataset *ds, const char *metric,
                                 const char *selector, skpi_period period);

/** @brief Free a comparison. NULL is allowed and does nothing. */
SKPI_API void skpi_comparison_free(skpi_comparison *c);

/** @brief The metric key compared; borrowed, valid until the comparison is freed (NULL for NULL). */
SKPI_API const char *skpi_comparison_metric(const skpi_comparison *c);

/** @brief Our value (missing for NULL). */
SKPI_API skpi_value skpi_comparison_own(const skpi_comparison *c);

/** @brief The number of competitors compared (0 for NULL). */
SKPI_API size_t skpi_comparison_count(const skpi_comparison *c);

/** @brief A competitor's name; borrowed, valid until the comparison is freed; NULL when out of range. */
SKPI_API const char *skpi_comparison_competitor(const skpi_comparison *c, size_t index);

/** @brief A competitor's value (missing when out of range). */
SKPI_API skpi_value skpi_comparison_value(const skpi_comparison *c, size_t index);

/**
 * @brief The median of the competitors' values.
 *
 * Over the competitors whose value is available or partial: the middle one,
 * or the mean of the two middle ones for an even count; partial when any of
 * them is. Missing when no competitor has a value.
 */
SKPI_API skpi_value skpi_comparison_median(const skpi_comparison *c);

/**
 * @brief Our rank among ourselves and the competitors with a value.
 *
 * 1 + the number of competitors better than us: higher values are better,
 * lower ones for ::SKPI_LOWER_IS_BETTER metrics (neutral metrics rank the
 * highest first). Ties share the better rank.
 * @param rank   receives the rank (1 is best); 0 when our value is not available
 * @param ranked receives how many took part: us and the competitors with a
 *               value (0 when ours is not available); may be NULL
 * @param c      the comparison
 * @return SKPI_OK, SKPI_EMISUSE (NULL rank or c)
 */
SKPI_API int skpi_comparison_rank(size_t *rank, size_t *ranked, const skpi_comparison *c);

/** @brief A table of industry benchmarks (opaque). */
typedef struct skpi_benchmarks skpi_benchmarks;

/**
 * @brief Create an empty benchmark table.
 * @param out     receives the table; free it with skpi_benchmarks_free()
 * @param catalog the metrics benchmarks may name; NULL means
 *                skpi_catalog_builtin(). A host catalog is copied.
 * @return SKPI_OK, SKPI_EMISUSE (out is NULL), SKPI_ENOMEM
 */
SKPI_API int skpi_benchmarks_new(skpi_benchmarks **out, const skpi_catalog *catalog);

/** @brief Free a benchmark table. NULL is allowed and does nothing. */
SKPI_API void skpi_benchmarks_free(skpi_benchmarks *b);

/**
 * @brief Copy a benchmark table.
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOMEM
 */
SKPI_API int skpi_benchmarks_clone(skpi_benchmarks **out, const skpi_benchmarks *b);

/**
 * @brief Add a benchmark.
 * @param b        the table
 * @param metric   a metric key of the table's catalog
 * @param network  a network key known to the library (`instagram`,
 *                 `facebook`, `linkedin`, `x`, `youtube`, `tiktok`,
 *                 `threads`, `pinterest`, `bluesky`, `mastodon`, `reddit`,
 *                 `snapchat`), or `all` for every network
 * @param industry the industry, as its source names it ("Retail"); 1 to
 *                 128 bytes; matched without regard to ASCII case
 * @param period   the reporting period the figure holds for: `day`, `week`,
 *                 `month`, `quarter`, `year`, or `any`
 * @param value    the figure, in the metric's unit (4.2 for 4.2 %); finite
 * @param source   where the figure comes from ("Acme Benchmark Report
 *                 2026"), shown beside it in reports; non-empty
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_ENOTFOUND (unknown metric or
 *         network: the message names it); SKPI_EINVAL (empty industry or
 *         source, unknown period, value not finite); SKPI_ENOMEM. On error
 *         the table is unchanged.
 */
SKPI_API int skpi_benchmarks_add(skpi_benchmarks *b, const char *metric, const char *network,
                                 const char *industry, const char *period, double value,
                                 const char *source);

/**
 * @brief Add the benchmarks of a CSV text.
 *
 * A header row names the columns `metric`, `network`, `industry`, `period`,
 * `value`, `source` (in any order, any ASCII case; other columns are
 * ignored), then one benchmark a row. Fields may be quoted ("..." with ""
 * for a quote); a UTF-8 byte order mark and CRLF line ends are accepted;
 * blank lines are skipped; the value is read with `.` as decimal point.
 * All or nothing: a bad row adds nothing and the message gives its line.
 * @param b    the table
 * @param text the CSV text (need not be NUL-terminated)
 * @param size its length in bytes
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EPARSE (malformed CSV, a
 *         missing column); SKPI_ENOTFOUND / SKPI_EINVAL (a bad row, as for
 *         skpi_benchmarks_add(), with "line N:" first); SKPI_ENOMEM
 */
SKPI_API int skpi_benchmarks_load_csv(skpi_benchmarks *b, const char *text, size_t size);

/**
 * @brief Add the benchmarks of a JSON text.
 *
 * Either an array of objects or an object whose member `benchmarks` is one;
 * each object has the members `metric`, `network`, `industry`, `period`
 * (strings), `value` (a number) and `source` (a string). All or nothing:
 * the message of a bad entry names it (`benchmarks[2].network: ...`).
 * @param b    the table
 * @param text the JSON text (need not be NUL-terminated)
 * @param size its length in bytes
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EPARSE (malformed JSON, a
 *         member of the wrong type or missing); SKPI_ENOTFOUND /
 *         SKPI_EINVAL (as for skpi_benchmarks_add()); SKPI_ENOMEM
 */
SKPI_API int skpi_benchmarks_load_json(skpi_benchmarks *b, const char *text, size_t size);

/**
 * @brief Add the benchmarks of a file: JSON when its name ends in `.json`,
 *        else CSV.
 * @return as skpi_benchmarks_load_csv() or skpi_benchmarks_load_json();
 *         SKPI_EIO when the file cannot be read (the message names it)
 */
SKPI_API int skpi_benchmarks_load_file(skpi_benchmarks *b, const char *path);

/** @brief The number of benchmarks (0 for NULL). */
SKPI_API size_t skpi_benchmarks_count(const skpi_benchmarks *b);

/** @brief A benchmark's metric key; borrowed, valid until the table is freed; NULL when out of range. */
SKPI_API const char *skpi_benchmarks_metric(const skpi_benchmarks *b, size_t index);
/** @brief A benchmark's network (`all` for every one); borrowed; NULL when out of range. */
SKPI_API const char *skpi_benchmarks_network(const skpi_benchmarks *b, size_t index);
/** @brief A benchmark's industry; borrowed; NULL when out of range. */
SKPI_API const char *skpi_benchmarks_industry(const skpi_benchmarks *b, size_t index);
/** @brief A benchmark's period (`month`, `any`...); borrowed; NULL when out of range. */
SKPI_API const char *skpi_benchmarks_period(const skpi_benchmarks *b, size_t index);
/** @brief A benchmark's value (NaN when out of range). */
SKPI_API double skpi_benchmarks_value(const skpi_benchmarks *b, size_t index);
/** @brief A benchmark's source text; borrowed; NULL when out of range. */
SKPI_API const char *skpi_benchmarks_source(const skpi_benchmarks *b, size_t index);

/**
 * @brief Find the benchmark that applies to a figure.
 *
 * Among the benchmarks of the metric and industry: one of the network
 * before one for `all`; then one of the cadence's period before one for
 * `any`; the first added among equals.
 * @param out      receives the benchmark's index
 * @param b        the table
 * @param metric   a metric key
 * @param network  our network ("instagram"), or NULL / "" when our figure
 *                 spans networks (only `all` benchmarks apply)
 * @param industry the industry
 * @param cadence  the report's ::skpi_cadence, or -1 (only `any` applies)
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND (none applies)
 */
SKPI_API int skpi_benchmarks_find(size_t *out, const skpi_benchmarks *b, const char *metric,
                                  const char *network, const char *industry, int cadence);

/**
 * @brief The gap between our value and a benchmark.
 *
 * absolute = ours - benchmark, in the metric's unit (percentage points for
 * a percent metric); relative = (ours - benchmark) / |benchmark| * 100,
 * ::SKPI_DENOMINATOR_ZERO when the benchmark is 0. When ours is neither
 * available nor partial, both take its availability.
 * @param absolute receives the absolute gap; may be NULL
 * @param relative receives the relative gap in percent; may be NULL
 * @param ours     our value
 * @param benchmark the benchmark's value
 * @return SKPI_OK
 */
SKPI_API int skpi_benchmark_gap(skpi_value *absolute, skpi_value *relative, skpi_value ours,
                                double benchmark);

#endif /* SKPI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_COMPETE_H */
