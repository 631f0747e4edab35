/**
 * @file socialkpi/metrics.h
 * @brief The metric catalog: standard social metrics with their units,
 *        directions, kinds and published definitions, and derived metrics
 *        defined by formulas.
 *
 * A catalog maps metric keys (`impressions`, `engagement_rate_reach`) to
 * metrics. The built-in catalog, skpi_catalog_builtin(), is immutable and may
 * be shared by any number of threads. A host builds its own catalog on top of
 * it with skpi_catalog_new(): add flows, stocks and derived metrics, override
 * labels, descriptions and formulas.
 *
 * Metric keys are snake_case: a lowercase ASCII letter, then lowercase
 * letters, digits and `_`, at most skpi_metric_key_max() bytes. The names of
 * the formula functions (`min`, `max`, `abs`, `first`, `days`) are reserved.
 *
 * Formulas (docs/metrics.md has the grammar) combine numbers and metric keys
 * with `+ - * /`, unary minus, parentheses and the functions `min(a, b)`,
 * `max(a, b)`, `abs(a)`, `first(stock)` (the first value of a stock inside
 * the period instead of the last) and `days()` (the length of the period in
 * days). A formula is parsed once when the metric is defined; unknown keys
 * and cycles are rejected then, never at evaluation.
 */
#ifndef SOCIALKPI_METRICS_H
#define SOCIALKPI_METRICS_H

#include "socialkpi/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A catalog of metrics (opaque). */
typedef struct skpi_catalog skpi_catalog;

/** @brief One metric of a catalog (opaque; borrowed from its catalog). */
typedef struct skpi_metric skpi_metric;

/** @brief The unit of a metric's values. Values are fixed for ever. */
typedef enum skpi_unit {
    SKPI_UNIT_COUNT = 0,    /**< a number of things (impressions, followers) */
    SKPI_UNIT_PERCENT = 1,  /**< a percentage, already multiplied by 100 (4.2 means 4.2 %) */
    SKPI_UNIT_RATIO = 2,    /**< a plain ratio, not multiplied by 100 */
    SKPI_UNIT_CURRENCY = 3, /**< an amount of money in the host's currency */
    SKPI_UNIT_DURATION = 4, /**< a duration in seconds */
    SKPI_UNIT_SCORE = 5     /**< a score on its own scale (NPS: -100 to 100) */
} skpi_unit;

/** @brief Which way a metric should move. Values are fixed for ever. */
typedef enum skpi_direction {
    SKPI_HIGHER_IS_BETTER = 0, /**< growth is good (reach, engagement rate) */
    SKPI_LOWER_IS_BETTER = 1,  /**< decline is good (cost per click, bounce rate) */
    SKPI_DIRECTION_NEUTRAL = 2 /**< neither (spend, survey responses) */
} skpi_direction;

/** @brief How a metric aggregates over a period. Values are fixed for ever. */
typedef enum skpi_metric_kind {
    SKPI_KIND_FLOW = 0,   /**< additive per interval: summed over the period and across channels */
    SKPI_KIND_STOCK = 1,  /**< a level at an instant: the last value in the period, summed across channels */
    SKPI_KIND_DERIVED = 2 /**< a formula over other metrics, computed from their aggregates */
} skpi_metric_kind;

/**
 * @brief The built-in catalog of standard social metrics.
 *
 * Immutable and shared: safe to use from any number of threads at once, never
 * freed (skpi_catalog_free() ignores it). docs/metrics.md lists every metric.
 * The first call sets it up without allocating memory.
 * @return the catalog; never NULL
 */
SKPI_API const skpi_catalog *skpi_catalog_builtin(void);

/**
 * @brief Create a host catalog that starts as a copy of another catalog.
 * @param out  receives the catalog; free it with skpi_catalog_free()
 * @param base the catalog to copy (the built-in one or a host catalog); NULL
 *             means skpi_catalog_builtin(). Nothing of base is borrowed.
 * @return SKPI_OK, SKPI_EMISUSE (out is NULL), SKPI_ENOMEM
 */
SKPI_API int skpi_catalog_new(skpi_catalog **out, const skpi_catalog *base);

/**
 * @brief Free a host catalog. NULL and the built-in catalog are allowed and
 *        do nothing.
 */
SKPI_API void skpi_catalog_free(skpi_catalog *cat);

/**
 * @brief Add a flow or stock metric.
 * @param cat       a host catalog
 * @param key       snake_case key, not yet in the catalog; copied
 * @param label     human-readable label, non-empty; copied
 * @param unit      an ::skpi_unit
 * @param direction an ::skpi_direction
 * @param kind      ::SKPI_KIND_FLOW or ::SKPI_KIND_STOCK (derived metrics
 *                  are added with skpi_catalog_add_derived())
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument, or cat is the built-in
 *         catalog); SKPI_EINVAL (malformed or reserved key, empty label,
 *         unknown unit, direction or kind, or kind is derived);
 *         SKPI_EEXISTS (key already defined); SKPI_ENOMEM.
 *         On error the catalog is unchanged.
 */
SKPI_API int skpi_catalog_add_metric(skpi_catalog *cat, const char *key, const char *label,
                                     int unit, int direction, int kind);

/**
 * @brief Add a derived metric defined by a formula.
 *
 * The formula may refer to any metric already in the catalog (flows, stocks
 * and other derived metrics); `first()` takes a stock.
 * @param cat       a host catalog
 * @param key       snake_case key, not yet in the catalog; copied
 * @param label     human-readable label, non-empty; copied
 * @param unit      an ::skpi_unit
 * @param direction an ::skpi_direction
 * @param formula   the formula, e.g. `"engagements / reach * 100"`; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument, or the built-in catalog);
 *         SKPI_EINVAL (malformed or reserved key, empty label, unknown unit
 *         or direction, or the formula refers to the metric being defined);
 *         SKPI_EPARSE (malformed formula: the message gives the column and
 *         what was expected); SKPI_ENOTFOUND (the formula names an unknown
 *         key); SKPI_ERANGE (formula nested too deeply or too long);
 *         SKPI_EEXISTS (key already defined); SKPI_ENOMEM.
 *         On error the catalog is unchanged.
 */
SKPI_API int skpi_catalog_add_derived(skpi_catalog *cat, const char *key, const char *label,
                                      int unit, int direction, const char *formula);

/**
 * @brief Replace the formula of a derived metric (built-in ones included).
 *
 * The metric's definition id becomes `"host"`. A formula that would make the
 * metric depend on itself, directly or through other derived metrics, is
 * rejected as a cycle.
 * @param cat     a host catalog
 * @param key     the key of a derived metric
 * @param formula the new formula; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument, or the built-in catalog);
 *         SKPI_ENOTFOUND (no such metric, or the formula names an unknown
 *         key); SKPI_EINVAL (the metric is not derived, or the formula makes
 *         a cycle: the message names it); SKPI_EPARSE; SKPI_ERANGE;
 *         SKPI_ENOMEM. On error the catalog is unchanged.
 */
SKPI_API int skpi_catalog_set_formula(skpi_catalog *cat, const char *key, const char *formula);

/**
 * @brief Replace the label of a metric (built-in ones included).
 * @param cat   a host catalog
 * @param key   the metric's key
 * @param label the new label, non-empty; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument, or the built-in catalog),
 *         SKPI_EINVAL (empty label), SKPI_ENOTFOUND (no such metric),
 *         SKPI_ENOMEM. On error the catalog is unchanged.
 */
SKPI_API int skpi_catalog_set_label(skpi_catalog *cat, const char *key, const char *label);

/**
 * @brief Replace the description of a metric (what it measures, its source).
 * @param cat         a host catalog
 * @param key         the metric's key
 * @param description the new description, may be empty; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument, or the built-in catalog),
 *         SKPI_ENOTFOUND (no such metric), SKPI_ENOMEM.
 *         On error the catalog is unchanged.
 */
SKPI_API int skpi_catalog_set_description(skpi_catalog *cat, const char *key,
                                          const char *description);

/**
 * @brief Check a formula against a catalog without defining anything.
 * @param cat     the catalog whose keys the formula may use
 * @param formula the formula text
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EPARSE (the message
 *         gives the column and what was expected), SKPI_ENOTFOUND (unknown
 *         key), SKPI_EINVAL (`first()` of a metric that is not a stock),
 *         SKPI_ERANGE (nested too deeply or too long)
 */
SKPI_API int skpi_catalog_check_formula(const skpi_catalog *cat, const char *formula);

/** @brief The number of metrics in a catalog (0 for NULL). */
SKPI_API size_t skpi_catalog_count(const skpi_catalog *cat);

/**
 * @brief The metric at an index, in definition order (the built-in metrics
 *        come first, in the order of docs/metrics.md).
 * @param cat   the catalog
 * @param index 0 to skpi_catalog_count() - 1
 * @return the metric, borrowed and valid until the catalog is freed; NULL
 *         when cat is NULL or index is out of range
 */
SKPI_API const skpi_metric *skpi_catalog_metric_at(const skpi_catalog *cat, size_t index);

/**
 * @brief Look a metric up by key.
 * @param out receives the metric, borrowed and valid until the catalog is freed
 * @param cat the catalog
 * @param key the metric's key
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOTFOUND (no such
 *         key: the message names it)
 */
SKPI_API int skpi_catalog_find(const skpi_metric **out, const skpi_catalog *cat, const char *key);

/** @brief The largest length of a metric key in bytes, terminating NUL excluded (64). */
SKPI_API size_t skpi_metric_key_max(void);

/** @brief The metric's key; borrowed (NULL for a NULL metric). */
SKPI_API const char *skpi_metric_key(const skpi_metric *m);

/**
 * @brief The metric's label, e.g. "Engagement rate (by reach)".
 * @return borrowed, valid until the label is replaced or the catalog is
 *         freed; NULL for a NULL metric
 */
SKPI_API const char *skpi_metric_label(const skpi_metric *m);

/** @brief The metric's ::skpi_unit, or SKPI_EMISUSE for a NULL metric. */
SKPI_API int skpi_metric_unit(const skpi_metric *m);

/** @brief The metric's ::skpi_direction, or SKPI_EMISUSE for a NULL metric. */
SKPI_API int skpi_metric_direction(const skpi_metric *m);

/** @brief The metric's ::skpi_metric_kind, or SKPI_EMISUSE for a NULL metric (named _of: the enum type owns the plain name). */
SKPI_API int skpi_metric_kind_of(const skpi_metric *m);

/**
 * @brief The id of the published definition the metric follows.
 *
 * Vendors disagree on definitions, so each built-in metric names the one it
 * follows, e.g. `"raw"` for a count taken as exported, `"engagement_rate.reach"`
 * for engagements / reach × 100. docs/metrics.md lists each id with its
 * source. Metrics a host added, or whose formula it replaced, read `"host"`.
 * @return borrowed, valid until the catalog is freed; NULL for a NULL metric
 */
SKPI_API const char *skpi_metric_definition(const skpi_metric *m);

/**
 * @brief The formula of a derived metric, as written.
 * @return borrowed, valid until the formula is replaced or the catalog is
 *         freed; NULL for flows, stocks and a NULL metric
 */
SKPI_API const char *skpi_metric_formula(const skpi_metric *m);

/**
 * @brief What the metric measures and where its definition comes from.
 * @return borrowed, valid until the description is replaced or the catalog
 *         is freed; "" when there is none; NULL for a NULL metric
 */
SKPI_API const char *skpi_metric_description(const skpi_metric *m);

/**
 * @brief How many distinct metrics a derived metric's formula names directly.
 * @return the count; 0 for flows, stocks and a NULL metric
 */
SKPI_API size_t skpi_metric_component_count(const skpi_metric *m);

/**
 * @brief The key of a metric a derived metric's formula names directly, in
 *        order of first appearance.
 * @param m     the metric
 * @param index 0 to skpi_metric_component_count() - 1
 * @return borrowed key, valid until the formula is replaced or the catalog
 *         is freed; NULL when out of range
 */
SKPI_API const char *skpi_metric_component(const skpi_metric *m, size_t index);

/** @brief The name of an ::skpi_unit ("count", "percent", ...); "unknown" otherwise. Static. */
SKPI_API const char *skpi_unit_name(int unit);

/** @brief The name of an ::skpi_direction ("higher", "lower", "neutral"); "unknown" otherwise. Static. */
SKPI_API const char *skpi_direction_name(int direction);

/** @brief The name of an ::skpi_metric_kind ("flow", "stock", "derived"); "unknown" otherwise. Static. */
SKPI_API const char *skpi_metric_kind_name(int kind);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_METRICS_H */
