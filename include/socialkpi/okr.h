/**
 * @file socialkpi/okr.h
 * @brief OKRs: objectives and their key results, check-ins, scoring with
 *        curves and bands, alignment trees and progress over time.
 *
 * An objective (::skpi_objective) has a title, a period, an owner, a type
 * (committed or aspirational) and up to skpi_okr_max_key_results() key
 * results, which it owns. A key result (::skpi_key_result) is manual (its
 * value comes from check-ins), metric-linked (its value comes from a dataset
 * over the objective's period) or a milestone (a completion from 0 to 1).
 *
 * Scoring follows Google's grading by default: a key result scores its
 * progress from start to target, clamped to 0.0–1.0; an objective scores the
 * weighted mean of its key results and of the objectives aligned to it.
 * Scores are reported exact and rounded to one decimal (half away from zero);
 * bands (red, yellow, green) apply to the rounded score. Scoring curves map
 * achievement to score for stretch grading. docs/okrs.md states every rule
 * with a worked example.
 *
 * Times follow the library's half-open convention: scoring "as of" a time
 * `t` sees the check-ins and data strictly before `t`.
 *
 * Objectives linked by alignment (skpi_objective_set_parent()) point at each
 * other; for the threading rule they count as one handle.
 */
#ifndef SOCIALKPI_OKR_H
#define SOCIALKPI_OKR_H

#include "socialkpi/common.h"
#include "socialkpi/calendar.h"
#include "socialkpi/dataset.h"
#include "socialkpi/compete.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An objective with its key results (opaque). */
typedef struct skpi_objective skpi_objective;

/** @brief A key result, owned by its objective (opaque). */
typedef struct skpi_key_result skpi_key_result;

/** @brief The scores of an objective as of a time, with its key results and aligned objectives (opaque). */
typedef struct skpi_okr_result skpi_okr_result;

/** @brief Scores of an objective per cadence period (opaque). */
typedef struct skpi_okr_trajectory skpi_okr_trajectory;

/** @brief The two types of objective. Values are fixed for ever. */
typedef enum skpi_okr_type {
    SKPI_OBJECTIVE_COMMITTED = 0,   /**< must be met in full: anything below 1.0 at the end is a miss */
    SKPI_OBJECTIVE_ASPIRATIONAL = 1 /**< ambitious: 0.6–0.7 at the end is a success (the default) */
} skpi_okr_type;

/** @brief Where a key result's value comes from. Values are fixed for ever. */
typedef enum skpi_kr_kind {
    SKPI_KR_MANUAL = 0,   /**< the value of the latest check-in */
    SKPI_KR_METRIC = 1,   /**< a metric of the dataset over the objective's period */
    SKPI_KR_MILESTONE = 2 /**< a completion from 0 to 1 given by check-ins (1 = done) */
} skpi_kr_kind;

/** @brief Which way a key result moves; follows from its start and target. Fixed values. */
typedef enum skpi_kr_direction {
    SKPI_KR_INCREASE = 0, /**< target above start */
    SKPI_KR_DECREASE = 1  /**< target below start (response time from 4 h to 1 h) */
} skpi_kr_direction;

/**
 * @brief Scoring curves: how achievement becomes a score. Fixed values.
 *
 * Achievement is the progress from start to target: 0 at the start value,
 * 1 at the target, above 1 beyond it, in the key result's own direction.
 * Milestones are never curved: their score is their completion.
 */
typedef enum skpi_okr_curve {
    SKPI_OKR_CURVE_OBJECTIVE = 0,   /**< options only: each objective's own curve */
    SKPI_OKR_CURVE_LINEAR = 1,      /**< start → 0, target → 1.0 (Google's grading; the default) */
    SKPI_OKR_CURVE_STRETCH = 2,     /**< start → 0, target → 0.7, stretch target → 1.0 */
    SKPI_OKR_CURVE_THREE_LEVEL = 3, /**< start → 0, commit → 0.3, target → 0.7, stretch target → 1.0 */
    SKPI_OKR_CURVE_CUSTOM = 4       /**< points (achievement, score) given by the host */
} skpi_okr_curve;

/** @brief Colour bands of a rounded score. Fixed values. */
typedef enum skpi_okr_band {
    SKPI_OKR_RED = 0,    /**< below yellow_from (default 0.0–0.3) */
    SKPI_OKR_YELLOW = 1, /**< from yellow_from to below green_from (default 0.4–0.6) */
    SKPI_OKR_GREEN = 2   /**< from green_from (default 0.7–1.0) */
} skpi_okr_band;

/** @brief Progress against the score expected by elapsed time. Fixed values. */
typedef enum skpi_okr_status {
    SKPI_OKR_NOT_STARTED = 0, /**< the period has not begun */
    SKPI_OKR_ON_TRACK = 1,    /**< at most on_track_gap below the expected score */
    SKPI_OKR_AT_RISK = 2,     /**< more than on_track_gap and at most at_risk_gap below */
    SKPI_OKR_OFF_TRACK = 3    /**< more than at_risk_gap below the expected score */
} skpi_okr_status;

/** @brief What an objective's score means for its type. Fixed values. */
typedef enum skpi_okr_verdict {
    SKPI_OKR_IN_PROGRESS = 0,           /**< the period has not ended */
    SKPI_OKR_COMMITTED_MET = 1,         /**< committed, exact score 1.0 at the end */
    SKPI_OKR_COMMITTED_MISSED = 2,      /**< committed, exact score below 1.0 at the end: a miss */
    SKPI_OKR_ASPIRATIONAL_BELOW = 3,    /**< aspirational, rounded score 0.0–0.5 at the end */
    SKPI_OKR_ASPIRATIONAL_SUCCESS = 4,  /**< aspirational, rounded score 0.6–0.7 at the end: success */
    SKPI_OKR_ASPIRATIONAL_ABOVE = 5,    /**< aspirational, rounded score 0.8–0.9 at the end */
    SKPI_OKR_NOT_AMBITIOUS = 6          /**< aspirational, rounded score 1.0: the goal was not ambitious enough */
} skpi_okr_verdict;

/**
 * @brief Options of skpi_objective_score() and skpi_objective_trajectory().
 *
 * Versioned struct: initialise it with ::SKPI_OKR_OPTIONS_INIT or
 * skpi_okr_options_init(), which set the defaults below; a struct merely
 * zeroed would put every threshold and gap at 0 (every score green, and any
 * score below the expected one off track). It only grows at its end.
 */
typedef struct skpi_okr_options {
    unsigned version;      /**< ::SKPI_OKR_OPTIONS_VERSION */
    /** An ::skpi_okr_curve for every objective of the call, or
     *  ::SKPI_OKR_CURVE_OBJECTIVE (default) for each objective's own curve. */
    int curve;
    /** ::SKPI_OKR_CURVE_CUSTOM: the achievements of the points, strictly increasing; borrowed for the call */
    const double *curve_x;
    /** ::SKPI_OKR_CURVE_CUSTOM: the scores of the points, 0 to 1, never decreasing; borrowed for the call */
    const double *curve_y;
    /** ::SKPI_OKR_CURVE_CUSTOM: number of points, 2 to skpi_okr_curve_max_points() */
    size_t curve_points;
    /** Non-zero: an objective scores its weakest key result or aligned
     *  objective instead of the weighted mean (default 0). */
    int weakest;
    /** Lowest rounded score in the yellow band (default 0.4). */
    double yellow_from;
    /** Lowest rounded score in the green band (default 0.7); at least yellow_from. */
    double green_from;
    /** On track while the score is at most this far below the expected score (default 0.1). */
    double on_track_gap;
    /** At risk while at most this far below (default 0.2); beyond, off track. At least on_track_gap. */
    double at_risk_gap;
} skpi_okr_options;

/** @brief The current version of ::skpi_okr_options. */
#define SKPI_OKR_OPTIONS_VERSION 1
/** @brief Static initializer for ::skpi_okr_options with the defaults. */
#define SKPI_OKR_OPTIONS_INIT \
    { SKPI_OKR_OPTIONS_VERSION, SKPI_OKR_CURVE_OBJECTIVE, NULL, NULL, 0, 0, 0.4, 0.7, 0.1, 0.2 }

/**
 * @brief Initialise options with the defaults (for bindings that cannot use the macro).
 * @param opts    the struct to fill
 * @param version ::SKPI_OKR_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_okr_options_init(skpi_okr_options *opts, unsigned version);

/** @brief The most key results an objective may hold (5). */
SKPI_API size_t skpi_okr_max_key_results(void);

/** @brief The most points a custom scoring curve may have (16). */
SKPI_API size_t skpi_okr_curve_max_points(void);

/** @brief The most levels an alignment tree may have, the root included (32). */
SKPI_API size_t skpi_okr_max_depth(void);

/** @brief The most points a trajectory may have (10000). */
SKPI_API size_t skpi_okr_trajectory_max_points(void);

/* ------------------------------------------------------------------ */
/* Objectives                                                          */
/* ------------------------------------------------------------------ */

/**
 * @brief Create an aspirational objective without period, key results or parent.
 * @param out   receives the objective; free it with skpi_objective_free()
 * @param title the objective, e.g. "Become the brand people talk about"; non-empty; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (empty title), SKPI_ENOMEM
 */
SKPI_API int skpi_objective_new(skpi_objective **out, const char *title);

/**
 * @brief Free an objective and its key results. NULL is allowed and does nothing.
 *
 * The objective leaves its parent's children; objectives aligned to it are
 * not freed: they become top-level objectives (skpi_objective_parent() is
 * NULL). Key result handles of the objective become invalid.
 */
SKPI_API void skpi_objective_free(skpi_objective *obj);

/**
 * @brief Replace the title.
 * @param obj   the objective
 * @param title non-empty; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (empty), SKPI_ENOMEM.
 *         On error the objective is unchanged.
 */
SKPI_API int skpi_objective_set_title(skpi_objective *obj, const char *title);

/** @brief The title; borrowed, valid until it is replaced or the objective freed (NULL for NULL). */
SKPI_API const char *skpi_objective_title(const skpi_objective *obj);

/**
 * @brief Set the description (why the objective matters).
 * @param obj         the objective
 * @param description any text, "" or NULL to clear; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL objective), SKPI_ENOMEM. On error the objective is unchanged.
 */
SKPI_API int skpi_objective_set_description(skpi_objective *obj, const char *description);

/** @brief The description; "" when none; borrowed like the title (NULL for NULL). */
SKPI_API const char *skpi_objective_description(const skpi_objective *obj);

/**
 * @brief Set the owner (a person or team).
 * @param obj   the objective
 * @param owner any text, "" or NULL to clear; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL objective), SKPI_ENOMEM. On error the objective is unchanged.
 */
SKPI_API int skpi_objective_set_owner(skpi_objective *obj, const char *owner);

/** @brief The owner; "" when none; borrowed like the title (NULL for NULL). */
SKPI_API const char *skpi_objective_owner(const skpi_objective *obj);

/**
 * @brief Set the period the objective runs over, e.g. a quarter from skpi_calendar_period().
 *
 * Scoring needs a period: it gives the elapsed time, the end at which the
 * verdict is given, and the span over which metric-linked key results read
 * the dataset.
 * @param obj    the objective
 * @param period `[start, end)` with start < end, inside skpi_time_min() to skpi_time_max() + 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (end not after start),
 *         SKPI_ERANGE (outside the accepted times). On error the objective is unchanged.
 */
SKPI_API int skpi_objective_set_period(skpi_objective *obj, skpi_period period);

/**
 * @brief The period.
 * @param out receives the period
 * @param obj the objective
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ENOTFOUND (no period set yet)
 */
SKPI_API int skpi_objective_period(skpi_period *out, const skpi_objective *obj);

/**
 * @brief Set the type.
 * @param obj  the objective
 * @param type an ::skpi_okr_type
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown type)
 */
SKPI_API int skpi_objective_set_type(skpi_objective *obj, int type);

/** @brief The ::skpi_okr_type, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_objective_type(const skpi_objective *obj);

/**
 * @brief Set the objective's scoring curve to a preset.
 *
 * Used when a scoring call leaves the curve to each objective
 * (::SKPI_OKR_CURVE_OBJECTIVE). It applies to the objective's own key
 * results; aligned objectives use their own curves.
 * @param obj   the objective
 * @param curve ::SKPI_OKR_CURVE_LINEAR (the default), ::SKPI_OKR_CURVE_STRETCH
 *              or ::SKPI_OKR_CURVE_THREE_LEVEL (custom curves are set with
 *              skpi_objective_set_curve_points())
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (not one of the three presets)
 */
SKPI_API int skpi_objective_set_curve(skpi_objective *obj, int curve);

/**
 * @brief Set a custom piecewise-linear scoring curve.
 *
 * Between points the score is interpolated linearly; below the first point
 * it is the first score, beyond the last point the last score.
 * @param obj the objective
 * @param x   achievements (0 = start, 1 = target), finite and strictly increasing; copied
 * @param y   scores from 0 to 1, never decreasing; copied
 * @param n   number of points, 2 to skpi_okr_curve_max_points()
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (a point not
 *         finite, x not increasing or y decreasing: the message gives the
 *         index), SKPI_ERANGE (n out of range, or a score outside 0–1).
 *         On error the objective is unchanged.
 */
SKPI_API int skpi_objective_set_curve_points(skpi_objective *obj, const double *x,
                                             const double *y, size_t n);

/** @brief The objective's ::skpi_okr_curve (::SKPI_OKR_CURVE_CUSTOM after skpi_objective_set_curve_points()), or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_objective_curve(const skpi_objective *obj);

/** @brief The number of points of the objective's custom curve; 0 for presets and NULL. */
SKPI_API size_t skpi_objective_curve_point_count(const skpi_objective *obj);

/**
 * @brief One point of the objective's custom curve.
 * @param x     receives the achievement; may be NULL
 * @param y     receives the score; may be NULL
 * @param obj   the objective
 * @param index 0 to skpi_objective_curve_point_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL objective), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_objective_curve_point(double *x, double *y, const skpi_objective *obj,
                                        size_t index);

/* ------------------------------------------------------------------ */
/* Alignment                                                           */
/* ------------------------------------------------------------------ */

/**
 * @brief Align an objective under a parent, or detach it.
 *
 * The parent's score rolls up the child's score with the given weight,
 * together with the parent's own key results. The parent does not own the
 * child: both stay separate handles, each freed with skpi_objective_free(),
 * in any order (freeing one unlinks it from the other). Moving a child to
 * another parent detaches it from the first. Children keep the order in
 * which they were attached.
 * @param child  the objective to align
 * @param parent the objective it contributes to, or NULL to detach `child`
 * @param weight the child's weight in the parent's mean: finite, 0 to 1e6
 *               (1 for equal weight with a key result of weight 1; 0 keeps
 *               the child listed but out of the score); ignored when
 *               detaching
 * @return SKPI_OK; SKPI_EMISUSE (NULL child); SKPI_EINVAL (the link would
 *         make a cycle, the child is the parent, or weight not finite);
 *         SKPI_ERANGE (negative or too large weight, or the tree would be
 *         deeper than skpi_okr_max_depth()); SKPI_ENOMEM. On error nothing
 *         is changed.
 */
SKPI_API int skpi_objective_set_parent(skpi_objective *child, skpi_objective *parent,
                                       double weight);

/** @brief The parent; borrowed; NULL for top-level objectives and NULL. */
SKPI_API skpi_objective *skpi_objective_parent(const skpi_objective *obj);

/** @brief The weight in the parent's score (NaN for a top-level objective or NULL). */
SKPI_API double skpi_objective_alignment_weight(const skpi_objective *obj);

/** @brief The number of objectives aligned directly under this one (0 for NULL). */
SKPI_API size_t skpi_objective_child_count(const skpi_objective *obj);

/**
 * @brief An objective aligned directly under this one, in attachment order.
 * @return borrowed; NULL when obj is NULL or index is out of range
 */
SKPI_API skpi_objective *skpi_objective_child(const skpi_objective *obj, size_t index);

/* ------------------------------------------------------------------ */
/* Key results                                                         */
/* ------------------------------------------------------------------ */

/**
 * @brief Add a key result to an objective.
 *
 * A new key result has weight 1. Manual and metric-linked ones need a start
 * and a target (skpi_key_result_set_range()) before scoring; a milestone
 * always runs from 0 to 1. The handle is owned by the objective: it stays
 * valid while the objective lives, other key results being added or removed,
 * until it is itself removed.
 * @param out   receives the key result; may be NULL
 * @param obj   the objective
 * @param kind  an ::skpi_kr_kind
 * @param title what is measured, e.g. "Reach 1M people a month"; non-empty; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL obj or title); SKPI_EINVAL (unknown
 *         kind, empty title); SKPI_ERANGE (the objective already holds
 *         skpi_okr_max_key_results()); SKPI_ENOMEM. On error nothing is changed.
 */
SKPI_API int skpi_objective_add_key_result(skpi_key_result **out, skpi_objective *obj,
                                           int kind, const char *title);

/**
 * @brief Remove a key result and its check-ins; its handle becomes invalid.
 * @param obj   the objective
 * @param index 0 to skpi_objective_key_result_count() - 1; later ones move down by one
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_objective_remove_key_result(skpi_objective *obj, size_t index);

/** @brief The number of key results (0 for NULL). */
SKPI_API size_t skpi_objective_key_result_count(const skpi_objective *obj);

/**
 * @brief A key result by index, in the order they were added.
 * @return borrowed (see skpi_objective_add_key_result()); NULL when obj is
 *         NULL or index is out of range
 */
SKPI_API skpi_key_result *skpi_objective_key_result(const skpi_objective *obj, size_t index);

/** @brief The objective that owns a key result; borrowed, not freed by the caller (NULL for NULL). */
SKPI_API skpi_objective *skpi_key_result_objective(const skpi_key_result *kr);

/** @brief The ::skpi_kr_kind, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_key_result_kind(const skpi_key_result *kr);

/**
 * @brief Replace the title.
 * @param kr    the key result
 * @param title non-empty; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (empty), SKPI_ENOMEM.
 *         On error the key result is unchanged.
 */
SKPI_API int skpi_key_result_set_title(skpi_key_result *kr, const char *title);

/** @brief The title; borrowed, valid until replaced or the key result removed (NULL for NULL). */
SKPI_API const char *skpi_key_result_title(const skpi_key_result *kr);

/**
 * @brief Set the start and target values; the direction follows from them.
 *
 * Start 4, target 1 (hours of response time) makes a decreasing key result.
 * A stretch target or commit value already set must still lie on the right
 * side of the new range; clear it first (set it to NaN) otherwise.
 * @param kr     a manual or metric-linked key result
 * @param start  the value at the beginning, finite
 * @param target the value that scores as reaching the target, finite, not equal to start
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EINVAL (a milestone, a value
 *         not finite, target equal to start, target - start not finite
 *         (e.g. -DBL_MAX to DBL_MAX), or a stretch or commit value
 *         the new range would leave on the wrong side). On error the key
 *         result is unchanged.
 */
SKPI_API int skpi_key_result_set_range(skpi_key_result *kr, double start, double target);

/**
 * @brief The start and target values (0 and 1 for a milestone).
 * @param start  receives the start; may be NULL
 * @param target receives the target; may be NULL
 * @param kr     the key result
 * @return SKPI_OK, SKPI_EMISUSE (NULL key result), SKPI_ENOTFOUND (not set yet)
 */
SKPI_API int skpi_key_result_range(double *start, double *target, const skpi_key_result *kr);

/**
 * @brief The direction, an ::skpi_kr_direction.
 * @return ::SKPI_KR_INCREASE or ::SKPI_KR_DECREASE; SKPI_EMISUSE (NULL);
 *         SKPI_ENOTFOUND (no range set yet)
 */
SKPI_API int skpi_key_result_direction(const skpi_key_result *kr);

/**
 * @brief Set the stretch target: beyond the target, it scores 1.0 with the
 *        stretch and three-level curves.
 * @param kr      a manual or metric-linked key result with a range
 * @param stretch beyond the target in the key result's direction, or NaN to clear
 * @return SKPI_OK; SKPI_EMISUSE (NULL, or no range set yet); SKPI_EINVAL (a
 *         milestone, infinite, or not beyond the target). On error the key
 *         result is unchanged.
 */
SKPI_API int skpi_key_result_set_stretch(skpi_key_result *kr, double stretch);

/** @brief The stretch target; NaN when none (and for NULL). */
SKPI_API double skpi_key_result_stretch(const skpi_key_result *kr);

/**
 * @brief Set the commit value, which scores 0.3 with the three-level curve.
 * @param kr     a manual or metric-linked key result with a range
 * @param commit strictly between start and target, or NaN to clear
 * @return SKPI_OK; SKPI_EMISUSE (NULL, or no range set yet); SKPI_EINVAL (a
 *         milestone, infinite, or not between start and target). On error the
 *         key result is unchanged.
 */
SKPI_API int skpi_key_result_set_commit(skpi_key_result *kr, double commit);

/** @brief The commit value; NaN when none (and for NULL). */
SKPI_API double skpi_key_result_commit(const skpi_key_result *kr);

/**
 * @brief Set the weight in the objective's mean (default 1: equal weights).
 * @param kr     the key result
 * @param weight finite, 0 to 1e6; 0 keeps the key result listed but out of the score
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (not finite), SKPI_ERANGE
 *         (negative or above 1e6). On error the key result is unchanged.
 */
SKPI_API int skpi_key_result_set_weight(skpi_key_result *kr, double weight);

/** @brief The weight (NaN for NULL). */
SKPI_API double skpi_key_result_weight(const skpi_key_result *kr);

/**
 * @brief Link a metric-linked key result to a metric and channel selector.
 *
 * When scored, the key result's value is the dataset's value of the metric
 * for the selector over `[period start, min(as_of, period end))`: a flow is
 * summed since the period began, a stock is its last value, a derived metric
 * is recomputed over that span.
 * @param kr       a metric-linked key result
 * @param metric   a metric key, e.g. "impressions"; non-empty; copied
 * @param selector a channel selector, e.g. "*" or "instagram:@acme"; non-empty; copied.
 *                 Its form is checked here (see dataset.h); whether a
 *                 `@group` exists, by the dataset when scoring.
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (not a
 *         metric-linked key result, an empty string, or a selector of no
 *         known form: the message says what is wrong), SKPI_ENOMEM.
 *         On error the key result is unchanged.
 */
SKPI_API int skpi_key_result_set_metric(skpi_key_result *kr, const char *metric,
                                        const char *selector);

/** @brief The metric key; NULL when none is set (and for NULL); borrowed until changed. */
SKPI_API const char *skpi_key_result_metric(const skpi_key_result *kr);

/**
 * @brief Name the activity of the team that serves the key result: the
 *        Resourcing recommendations for its objective move hours to it when
 *        it brings more per hour than the weakest activity.
 * @param kr       the key result
 * @param activity an activity's name; copied; NULL or "" clears it
 * @return SKPI_OK, SKPI_EMISUSE (NULL kr), SKPI_ENOMEM (the key result is unchanged)
 */
SKPI_API int skpi_key_result_set_activity(skpi_key_result *kr, const char *activity);

/** @brief The activity that serves the key result; NULL when none (and for NULL); borrowed until changed. */
SKPI_API const char *skpi_key_result_activity(const skpi_key_result *kr);

/** @brief The channel selector; NULL when none is set (and for NULL); borrowed until changed. */
SKPI_API const char *skpi_key_result_selector(const skpi_key_result *kr);

/* ------------------------------------------------------------------ */
/* Check-ins                                                           */
/* ------------------------------------------------------------------ */

/**
 * @brief Record a check-in: the value at a time, the owner's confidence and a note.
 *
 * Check-ins are kept sorted by time whatever order they arrive in: one
 * older than the latest is inserted at its place. Two check-ins may not share
 * a time. For a manual key result the value is its measured value; for a
 * milestone it is the completion from 0 to 1 (1 = done); for a metric-linked
 * key result the value is kept as a note of what the owner saw, but scoring
 * reads the dataset.
 * @param kr         the key result
 * @param time       when, from skpi_time_min() to skpi_time_max()
 * @param value      finite, or NaN for a check-in that only reports confidence;
 *                   0 to 1 for a milestone
 * @param confidence the owner's confidence of reaching the target, 0 to 1, or NaN for none
 * @param note       any text, or NULL; copied
 * @return SKPI_OK; SKPI_EMISUSE (NULL key result); SKPI_EINVAL (infinite
 *         value); SKPI_ERANGE (time out of range, confidence outside 0–1,
 *         milestone completion outside 0–1); SKPI_EDUPLICATE (a check-in at
 *         that time exists); SKPI_ENOMEM. On error nothing is changed.
 */
SKPI_API int skpi_key_result_add_checkin(skpi_key_result *kr, skpi_time time, double value,
                                         double confidence, const char *note);

/**
 * @brief Record a check-in and who made it.
 *
 * As skpi_key_result_add_checkin(), with the person (or role) who checked
 * in; the report shows the name beside the latest check-in's note.
 * @param kr         the key result
 * @param time       when, from skpi_time_min() to skpi_time_max()
 * @param value      finite, or NaN for a check-in that only reports confidence;
 *                   0 to 1 for a milestone
 * @param confidence the owner's confidence of reaching the target, 0 to 1, or NaN for none
 * @param note       any text, or NULL; copied
 * @param author     who checked in, any text, or NULL (or "") for not said; copied
 * @return as skpi_key_result_add_checkin(). On error nothing is changed.
 */
SKPI_API int skpi_key_result_add_checkin_by(skpi_key_result *kr, skpi_time time, double value,
                                            double confidence, const char *note,
                                            const char *author);

/** @brief The number of check-ins (0 for NULL). */
SKPI_API size_t skpi_key_result_checkin_count(const skpi_key_result *kr);

/**
 * @brief One check-in, in time order.
 * @param time       receives its time; may be NULL
 * @param value      receives its value (NaN: none); may be NULL
 * @param confidence receives its confidence (NaN: none); may be NULL
 * @param note       receives its note ("" when none), borrowed until the
 *                   check-in is removed or the key result freed; may be NULL
 * @param kr         the key result
 * @param index      0 to skpi_key_result_checkin_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL key result), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_key_result_checkin(skpi_time *time, double *value, double *confidence,
                                     const char **note, const skpi_key_result *kr,
                                     size_t index);

/**
 * @brief Who made a check-in.
 * @param author receives the name ("" when not given), borrowed until the
 *               check-in is removed or the key result freed
 * @param kr     the key result
 * @param index  0 to skpi_key_result_checkin_count() - 1, in time order
 * @return SKPI_OK, SKPI_EMISUSE (NULL author or key result), SKPI_ERANGE
 *         (index out of range)
 */
SKPI_API int skpi_key_result_checkin_author(const char **author, const skpi_key_result *kr,
                                            size_t index);

/**
 * @brief Remove a check-in (to correct a mistake).
 * @param kr    the key result
 * @param index 0 to skpi_key_result_checkin_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_key_result_remove_checkin(skpi_key_result *kr, size_t index);

/* ------------------------------------------------------------------ */
/* Scoring                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Score an objective, its key results and its aligned objectives as of a time.
 *
 * Every objective of the tree needs a period and at least one key result or
 * aligned objective of non-zero weight. Check-ins and dataset values
 * strictly before `as_of` count. docs/okrs.md gives the rules exactly.
 * @param out   receives the result; free it with skpi_okr_result_free()
 * @param obj   the objective (the root of the tree to score)
 * @param ds    the dataset metric-linked key results read; may be NULL when
 *              the tree has none. Not const: a dataset with a source may
 *              fetch and keep data while answering.
 * @param as_of the instant of the scores, from skpi_time_min() to skpi_time_max() + 1
 * @param opts  options, or NULL for the defaults
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or obj, or a custom curve in
 *         the options without points); SKPI_EVERSION (unknown
 *         options version); SKPI_EINVAL (invalid options, an objective without
 *         period or scored items, a key result without range or metric, a
 *         curve that needs a stretch or commit value the key result lacks,
 *         a metric-linked key result and no dataset: the message names the
 *         objective and key result); SKPI_ERANGE (as_of out of range, an
 *         option out of range); SKPI_ENOMEM; the errors of
 *         skpi_dataset_value() (SKPI_ENOTFOUND for an unknown metric or
 *         group, SKPI_ECALLBACK when its source stopped, keeping the
 *         source's message). The objectives are never changed.
 */
SKPI_API int skpi_objective_score(skpi_okr_result **out, const skpi_objective *obj,
                                  skpi_dataset *ds, skpi_time as_of,
                                  const skpi_okr_options *opts);

/**
 * @brief Free a result from skpi_objective_score(). NULL, and results borrowed
 *        from another result or a trajectory, are allowed and do nothing.
 */
SKPI_API void skpi_okr_result_free(skpi_okr_result *r);

/** @brief The instant the result was scored as of (0 for NULL). */
SKPI_API skpi_time skpi_okr_result_as_of(const skpi_okr_result *r);

/** @brief The elapsed share of the objective's period at as_of, 0 to 1 (NaN for NULL). */
SKPI_API double skpi_okr_result_elapsed(const skpi_okr_result *r);

/** @brief The objective's exact score, 0 to 1: the mean, or the weakest item with options.weakest (NaN for NULL). */
SKPI_API double skpi_okr_result_score(const skpi_okr_result *r);

/** @brief The score rounded to one decimal, half away from zero (NaN for NULL). */
SKPI_API double skpi_okr_result_rounded(const skpi_okr_result *r);

/** @brief The weighted mean of the scored items, whatever the mode (NaN for NULL). */
SKPI_API double skpi_okr_result_mean(const skpi_okr_result *r);

/** @brief The lowest score among the scored items, whatever the mode (NaN for NULL). */
SKPI_API double skpi_okr_result_weakest(const skpi_okr_result *r);

/** @brief The ::skpi_okr_band of the rounded score, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_okr_result_band(const skpi_okr_result *r);

/** @brief The score expected by elapsed time (NaN for NULL). */
SKPI_API double skpi_okr_result_expected(const skpi_okr_result *r);

/** @brief The ::skpi_okr_status against the expected score, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_okr_result_status(const skpi_okr_result *r);

/** @brief The ::skpi_okr_verdict for the objective's type, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_okr_result_verdict(const skpi_okr_result *r);

/** @brief The weighted mean confidence of the items that have one (NaN when none, and for NULL). */
SKPI_API double skpi_okr_result_confidence(const skpi_okr_result *r);

/** @brief The number of key results, as the objective had when scored (0 for NULL). */
SKPI_API size_t skpi_okr_result_kr_count(const skpi_okr_result *r);

/**
 * @brief A key result's score.
 * @param score   receives the exact score, 0 to 1; may be NULL
 * @param rounded receives it rounded to one decimal; may be NULL
 * @param band    receives the ::skpi_okr_band of the rounded score; may be NULL
 * @param r       the result
 * @param index   the key result's index in its objective
 * @return SKPI_OK, SKPI_EMISUSE (NULL result), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_okr_result_kr_score(double *score, double *rounded, int *band,
                                      const skpi_okr_result *r, size_t index);

/**
 * @brief The value a key result was scored on.
 * @param value        receives the value (a milestone's completion); NaN when
 *                     there was none, in which case it scored as its start value
 * @param availability receives an ::skpi_availability: SKPI_AVAILABLE, or
 *                     SKPI_MISSING without a check-in or data before as_of,
 *                     or the dataset's answer; may be NULL
 * @param achievement  receives the progress from start (0) to target (1),
 *                     not clamped; may be NULL
 * @param r            the result
 * @param index        the key result's index
 * @return SKPI_OK, SKPI_EMISUSE (NULL result), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_okr_result_kr_value(double *value, int *availability, double *achievement,
                                      const skpi_okr_result *r, size_t index);

/**
 * @brief A key result's progress against elapsed time.
 * @param expected receives the score expected by elapsed time; may be NULL
 * @param status   receives the ::skpi_okr_status; may be NULL
 * @param r        the result
 * @param index    the key result's index
 * @return SKPI_OK, SKPI_EMISUSE (NULL result), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_okr_result_kr_progress(double *expected, int *status,
                                         const skpi_okr_result *r, size_t index);

/**
 * @brief A key result's confidence from its check-ins before as_of.
 * @param latest   receives the latest confidence given; NaN when none; may be NULL
 * @param previous receives the one given before it; NaN when none; may be NULL
 * @param r        the result
 * @param index    the key result's index
 * @return SKPI_OK, SKPI_EMISUSE (NULL result), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_okr_result_kr_confidence(double *latest, double *previous,
                                           const skpi_okr_result *r, size_t index);

/** @brief The number of aligned objectives, as the objective had when scored (0 for NULL). */
SKPI_API size_t skpi_okr_result_child_count(const skpi_okr_result *r);

/**
 * @brief The result of an aligned objective, in the objective's child order.
 * @return borrowed, valid until the root result (or trajectory) is freed;
 *         NULL when r is NULL or index is out of range
 */
SKPI_API const skpi_okr_result *skpi_okr_result_child(const skpi_okr_result *r, size_t index);

/* ------------------------------------------------------------------ */
/* Progress over time                                                  */
/* ------------------------------------------------------------------ */

/**
 * @brief Score an objective at the end of every cadence period of its period, for charts.
 *
 * Point i covers the i-th period of the cadence that overlaps the
 * objective's period, from the one containing the period's start, and holds
 * the full result scored as of the earliest of that cadence period's end, the
 * objective's end and `as_of`. Points stop at `as_of`: a period that starts
 * at or after it is left out (so as_of at or before the start gives none).
 * Aligned objectives are scored at the same instants.
 * @param out     receives the trajectory; free it with skpi_okr_trajectory_free()
 * @param obj     the objective
 * @param ds      the dataset, or NULL as for skpi_objective_score()
 * @param cal     the calendar that defines the cadence periods
 * @param cadence an ::skpi_cadence
 * @param as_of   the last instant to score, as for skpi_objective_score()
 * @param opts    options, or NULL for the defaults
 * @return as skpi_objective_score(); also SKPI_EMISUSE (NULL cal), SKPI_EINVAL
 *         (unknown cadence), SKPI_ERANGE (more than
 *         skpi_okr_trajectory_max_points() points)
 */
SKPI_API int skpi_objective_trajectory(skpi_okr_trajectory **out, const skpi_objective *obj,
                                       skpi_dataset *ds, const skpi_calendar *cal,
                                       int cadence, skpi_time as_of,
                                       const skpi_okr_options *opts);

/** @brief Free a trajectory and its results. NULL is allowed and does nothing. */
SKPI_API void skpi_okr_trajectory_free(skpi_okr_trajectory *t);

/** @brief The number of points (0 for NULL). */
SKPI_API size_t skpi_okr_trajectory_length(const skpi_okr_trajectory *t);

/**
 * @brief The cadence period of a point, as the calendar gives it (not clipped
 *        to the objective's period).
 * @param out   receives the period
 * @param t     the trajectory
 * @param index 0 to skpi_okr_trajectory_length() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ERANGE (index out of range)
 */
SKPI_API int skpi_okr_trajectory_period(skpi_period *out, const skpi_okr_trajectory *t,
                                        size_t index);

/**
 * @brief The result of a point: scores, expected score, status and confidence
 *        of the objective, its key results and aligned objectives.
 * @return borrowed, valid until the trajectory is freed; NULL when t is NULL
 *         or index is out of range
 */
SKPI_API const skpi_okr_result *skpi_okr_trajectory_result(const skpi_okr_trajectory *t,
                                                           size_t index);

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

/** @brief "red", "yellow" or "green"; "unknown" otherwise. Static. */
SKPI_API const char *skpi_okr_band_name(int band);

/** @brief "not started", "on track", "at risk" or "off track"; "unknown" otherwise. Static. */
SKPI_API const char *skpi_okr_status_name(int status);

/**
 * @brief A short English phrase for an ::skpi_okr_verdict ("in progress",
 *        "missed", "success", "not ambitious enough", ...); "unknown" otherwise. Static.
 */
SKPI_API const char *skpi_okr_verdict_name(int verdict);

/** @brief "objective", "linear", "stretch", "three-level" or "custom"; "unknown" otherwise. Static. */
SKPI_API const char *skpi_okr_curve_name(int curve);

#ifdef SKPI_EXPERIMENTAL

/**
 * @brief Take a metric-linked key result's target from an industry
 *        benchmark (experimental).
 *
 * Looks up the benchmark of the key result's metric and industry
 * (skpi_benchmarks_find(), cadence -1: only `any` rows): of the network of
 * its selector when it stays inside one, else an `all` row. The key result
 * keeps its start; the benchmark's value becomes its target, as with
 * skpi_key_result_set_range(), and "<industry> benchmark, <source>" the
 * target's source, which report key result lines show. A later
 * skpi_key_result_set_range() replaces both. The definitions file
 * ("target_source") and the store keep the value and this text, not a
 * reference to the benchmark's row (docs/competitors.md).
 * @param kr         a key result linked to a metric, with a range set
 * @param benchmarks the table (only read)
 * @param industry   the industry
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EINVAL (no metric or no start
 *         yet, or a target the range refuses); SKPI_ENOTFOUND (no benchmark
 *         applies). On error the key result is unchanged.
 */
SKPI_API int skpi_key_result_set_target_benchmark(skpi_key_result *kr, const skpi_benchmarks *benchmarks,
                                                  const char *industry);

/**
 * @brief Where the key result's target comes from (experimental).
 * @return "<industry> benchmark, <source>" after
 *         skpi_key_result_set_target_benchmark(), borrowed until the key
 *         result changes or is freed; NULL otherwise (and for NULL)
 */
SKPI_API const char *skpi_key_result_target_source(const skpi_key_result *kr);

/**
 * @brief Say where the key result's target comes from (experimental): the
 *        text skpi_key_result_target_source() returns, as a definitions
 *        file or store gives it back ("Retail benchmark, Example Study 2026").
 *
 * The range is not touched; a later skpi_key_result_set_range() clears the
 * source again.
 * @param kr     the key result; its range must be set (skpi_key_result_set_range())
 * @param source 1 to 511 bytes without control characters; copied; NULL or
 *               "" clears it
 * @return SKPI_OK; SKPI_EMISUSE (NULL kr); SKPI_EINVAL (no range yet, or a
 *         text too long or with a control character: the message says
 *         which); SKPI_ENOMEM. On error the key result is unchanged.
 */
SKPI_API int skpi_key_result_set_target_source(skpi_key_result *kr, const char *source);

#endif /* SKPI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_OKR_H */
