/**
 * @file socialkpi/goal.h
 * @brief SMART goals: definition, SMART check, evaluation as of a date,
 *        forecast at the deadline and the likelihood of reaching the target.
 *
 * A goal names a metric of the catalog on a channel selector, a direction, a
 * baseline (a value, or a period to measure it over), a target (absolute, a
 * percent change or a delta from the baseline), a start and a deadline,
 * milestones, a category (one of the ten goal types), the business objective
 * it serves and an owner.
 *
 * **Time.** The goal's span is the half-open interval `[start, deadline)`:
 * "by 30 June" is a deadline of 1 July 00:00. "The value as of t" uses the
 * data before t only: for a stock, the last value before t (looked for in the
 * goal's cadence period holding t - 1, then in the one before it); for flows
 * and derived metrics, the value over the last complete cadence period that
 * ends at or before t. docs/goals.md gives the rules in full, with a worked
 * example.
 *
 * **Threads.** A goal, a check result and an evaluation are each used by one
 * thread at a time.
 */
#ifndef SOCIALKPI_GOAL_H
#define SOCIALKPI_GOAL_H

#include "socialkpi/common.h"
#include "socialkpi/calendar.h"
#include "socialkpi/dataset.h"
#include "socialkpi/compete.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A SMART goal (opaque). */
typedef struct skpi_goal skpi_goal;

/** @brief The result of a SMART check (opaque). */
typedef struct skpi_goal_check_result skpi_goal_check_result;

/** @brief The evaluation of a goal as of a date (opaque). */
typedef struct skpi_goal_evaluation skpi_goal_evaluation;

/** @brief The ten goal types of social media goals. Values are fixed for ever. */
typedef enum skpi_category {
    SKPI_CATEGORY_NONE = 0,                    /**< no category linked */
    SKPI_CATEGORY_BRAND_AWARENESS = 1,         /**< brand awareness */
    SKPI_CATEGORY_REPUTATION = 2,              /**< reputation management */
    SKPI_CATEGORY_COMMUNITY_ENGAGEMENT = 3,    /**< community engagement */
    SKPI_CATEGORY_CONVERSIONS = 4,             /**< conversions and sales */
    SKPI_CATEGORY_CUSTOMER_INSIGHT = 5,        /**< customer and market insight */
    SKPI_CATEGORY_LEADS = 6,                   /**< lead generation */
    SKPI_CATEGORY_CUSTOMER_SERVICE = 7,        /**< customer service */
    SKPI_CATEGORY_RECRUITMENT = 8,             /**< recruitment */
    SKPI_CATEGORY_CRISIS_MANAGEMENT = 9,       /**< crisis management */
    SKPI_CATEGORY_INTERNAL_COMMUNICATIONS = 10 /**< internal communications */
} skpi_category;

/** @brief Which way a goal wants its metric to go. Values are fixed for ever. */
typedef enum skpi_goal_dir {
    SKPI_GOAL_INCREASE = 0,      /**< rise from the baseline to a higher target */
    SKPI_GOAL_DECREASE = 1,      /**< fall from the baseline to a lower target */
    SKPI_GOAL_STAY_AT_LEAST = 2, /**< keep the value at or above the target */
    SKPI_GOAL_STAY_AT_MOST = 3   /**< keep the value at or below the target */
} skpi_goal_dir;

/** @brief How a goal's baseline is given. Values are fixed for ever. */
typedef enum skpi_baseline_kind {
    SKPI_BASELINE_NONE = 0,  /**< not set: measured as of the goal's start */
    SKPI_BASELINE_VALUE = 1, /**< a number given by the host */
    SKPI_BASELINE_PERIOD = 2 /**< measured over a period from the dataset (the audit) */
} skpi_baseline_kind;

/** @brief How a goal's target (and its milestones' values) are given. Values are fixed for ever. */
typedef enum skpi_target_kind {
    SKPI_TARGET_NONE = 0,     /**< not set */
    SKPI_TARGET_ABSOLUTE = 1, /**< the value itself, in the metric's unit */
    SKPI_TARGET_PERCENT = 2,  /**< a percent change from the baseline: baseline + |baseline| * v / 100 */
    SKPI_TARGET_DELTA = 3     /**< a change from the baseline: baseline + v */
} skpi_target_kind;

/* ------------------------------------------------------------------------ */
/* Categories                                                               */
/* ------------------------------------------------------------------------ */

/** @brief The number of goal categories (10), not counting ::SKPI_CATEGORY_NONE. */
SKPI_API int skpi_category_count(void);

/**
 * @brief The key of a category, e.g. "brand_awareness".
 * @param category an ::skpi_category
 * @return a static string; "none" for ::SKPI_CATEGORY_NONE; NULL for an
 *         unknown value
 */
SKPI_API const char *skpi_category_key(int category);

/**
 * @brief The label of a category, e.g. "Brand awareness".
 * @param category an ::skpi_category
 * @return a static string; "None" for ::SKPI_CATEGORY_NONE; NULL for an
 *         unknown value
 */
SKPI_API const char *skpi_category_label(int category);

/**
 * @brief Find a category by its key.
 * @param out receives the ::skpi_category
 * @param key a key as skpi_category_key() gives it ("none" included)
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOTFOUND (no such key)
 */
SKPI_API int skpi_category_from_key(int *out, const char *key);

/**
 * @brief How many metrics a category recommends.
 *
 * Customer insight and crisis management recommend none: they are tracked by
 * internal milestones rather than by a social metric.
 * @param category an ::skpi_category
 * @return the count; 0 for none and unknown values
 */
SKPI_API size_t skpi_category_metric_count(int category);

/**
 * @brief A metric key a category recommends, most typical first.
 * @param category an ::skpi_category
 * @param index    0 to skpi_category_metric_count() - 1
 * @return a static key of the built-in catalog; NULL when out of range
 */
SKPI_API const char *skpi_category_metric(int category, size_t index);

/**
 * @brief Whether a category recommends a metric.
 * @param category an ::skpi_category
 * @param metric   a metric key
 * @return 1 when recommended, 0 otherwise (also for NULL and unknown values)
 */
SKPI_API int skpi_category_recommends(int category, const char *metric);

/* ------------------------------------------------------------------------ */
/* The goal                                                                 */
/* ------------------------------------------------------------------------ */

/**
 * @brief Create a goal with a name and nothing else set.
 *
 * Defaults: no category, no metric, no channel (evaluation then uses `*`),
 * direction ::SKPI_GOAL_INCREASE, cadence ::SKPI_CADENCE_MONTH, no baseline,
 * no target, no span, no milestones, no relevance, no owner.
 * @param out  receives the goal; free it with skpi_goal_free()
 * @param name a non-empty name, e.g. "Grow Instagram followers"; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (empty name),
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_goal_new(skpi_goal **out, const char *name);

/** @brief Free a goal. NULL is allowed and does nothing. */
SKPI_API void skpi_goal_free(skpi_goal *goal);

/**
 * @brief Copy a goal with all its fields and milestones.
 * @param out  receives the copy; free it with skpi_goal_free()
 * @param goal the goal
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOMEM
 */
SKPI_API int skpi_goal_clone(skpi_goal **out, const skpi_goal *goal);

/**
 * @brief Rename a goal.
 * @param goal the goal
 * @param name a non-empty name; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (empty name),
 *         SKPI_ENOMEM. On error the goal is unchanged.
 */
SKPI_API int skpi_goal_set_name(skpi_goal *goal, const char *name);

/** @brief The goal's name; borrowed, valid until it is renamed or the goal freed (NULL for NULL). */
SKPI_API const char *skpi_goal_name(const skpi_goal *goal);

/**
 * @brief Link the goal to one of the ten goal types.
 * @param goal     the goal
 * @param category an ::skpi_category (::SKPI_CATEGORY_NONE unlinks)
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_EINVAL (unknown category)
 */
SKPI_API int skpi_goal_set_category(skpi_goal *goal, int category);

/** @brief The goal's ::skpi_category, or SKPI_EMISUSE for a NULL goal. */
SKPI_API int skpi_goal_category(const skpi_goal *goal);

/**
 * @brief Set the metric the goal measures.
 *
 * The key must be well formed (a lowercase ASCII letter, then lowercase
 * letters, digits and `_`, at most skpi_metric_key_max() bytes); whether the
 * catalog knows it is checked by skpi_goal_check() (Measurable) and
 * skpi_goal_evaluate().
 * @param goal   the goal
 * @param metric a metric key, e.g. "followers"; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (malformed
 *         key), SKPI_ENOMEM. On error the goal is unchanged.
 */
SKPI_API int skpi_goal_set_metric(skpi_goal *goal, const char *metric);

/** @brief The metric key; borrowed, valid until replaced or the goal is freed; NULL when unset. */
SKPI_API const char *skpi_goal_metric(const skpi_goal *goal);

/**
 * @brief Set the channel selector the goal measures (see dataset.h).
 * @param goal     the goal
 * @param selector `*`, `network:*`, `network:account` or `@group`, at most
 *                 skpi_dataset_channel_max() bytes; copied. Its form is
 *                 checked here; whether a `@group` exists, against the
 *                 dataset by skpi_goal_check() and skpi_goal_evaluate().
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_EINVAL (empty, too
 *         long, or of no known form: the message says what is wrong),
 *         SKPI_ENOMEM. On error the goal is unchanged.
 */
SKPI_API int skpi_goal_set_channel(skpi_goal *goal, const char *selector);

/** @brief The channel selector; borrowed, valid until replaced or the goal is freed; NULL when unset. */
SKPI_API const char *skpi_goal_channel(const skpi_goal *goal);

/**
 * @brief Set which way the goal wants its metric to go.
 * @param goal      the goal
 * @param direction an ::skpi_goal_dir
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_EINVAL (unknown direction)
 */
SKPI_API int skpi_goal_set_direction(skpi_goal *goal, int direction);

/** @brief The goal's ::skpi_goal_dir, or SKPI_EMISUSE for a NULL goal. */
SKPI_API int skpi_goal_direction(const skpi_goal *goal);

/**
 * @brief Set the cadence the goal is tracked at.
 *
 * It defines the periods flows are measured over, the history the forecast
 * fits, and the unit of "pace per period" and of the Achievable check.
 * @param goal    the goal
 * @param cadence an ::skpi_cadence
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_EINVAL (unknown cadence)
 */
SKPI_API int skpi_goal_set_cadence(skpi_goal *goal, int cadence);

/** @brief The goal's ::skpi_cadence, or SKPI_EMISUSE for a NULL goal. */
SKPI_API int skpi_goal_cadence(const skpi_goal *goal);

/**
 * @brief Give the baseline as a number (replaces a baseline period).
 * @param goal  the goal
 * @param value a finite number in the metric's unit
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_EINVAL (NaN or infinite)
 */
SKPI_API int skpi_goal_set_baseline_value(skpi_goal *goal, double value);

/**
 * @brief Measure the baseline over a period of the dataset (replaces a
 *        baseline value).
 *
 * A stock's baseline is its last value in the period. A flow's or derived
 * metric's baseline is its value over the period divided by the number of
 * cadence periods the period spans, so that it compares with the per-period
 * values the goal tracks (a derived metric's value is a ratio and is not
 * divided); docs/goals.md gives the details.
 * @param goal   the goal
 * @param period `[start, end)` with start < end, inside skpi_time_min() to
 *               skpi_time_max()
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_EINVAL (end <= start),
 *         SKPI_ERANGE (out of range)
 */
SKPI_API int skpi_goal_set_baseline_period(skpi_goal *goal, skpi_period period);

/**
 * @brief Forget the baseline: it will be measured as of the goal's start.
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal)
 */
SKPI_API int skpi_goal_clear_baseline(skpi_goal *goal);

/** @brief The ::skpi_baseline_kind, or SKPI_EMISUSE for a NULL goal. */
SKPI_API int skpi_goal_baseline_kind(const skpi_goal *goal);

/** @brief The baseline value; NaN unless the kind is ::SKPI_BASELINE_VALUE. */
SKPI_API double skpi_goal_baseline_value(const skpi_goal *goal);

/**
 * @brief The baseline period.
 * @param out  receives the period
 * @param goal the goal
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOTFOUND (the
 *         baseline is not a period)
 */
SKPI_API int skpi_goal_baseline_period(skpi_period *out, const skpi_goal *goal);

/**
 * @brief Set the target.
 *
 * Whether the target lies on the right side of the baseline for the
 * direction is checked once the baseline is known: by skpi_goal_check()
 * (Specific fails) and skpi_goal_evaluate() (SKPI_EINVAL).
 * @param goal  the goal
 * @param kind  ::SKPI_TARGET_ABSOLUTE, ::SKPI_TARGET_PERCENT or ::SKPI_TARGET_DELTA
 * @param value a finite number: the value, the percent change (20 for
 *              +20 %) or the change
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_EINVAL (unknown kind, NaN
 *         or infinite value, a percent change of -100 or less)
 */
SKPI_API int skpi_goal_set_target(skpi_goal *goal, int kind, double value);

/** @brief The ::skpi_target_kind, or SKPI_EMISUSE for a NULL goal. */
SKPI_API int skpi_goal_target_kind(const skpi_goal *goal);

/** @brief The target's number as given (NaN when unset or for a NULL goal). */
SKPI_API double skpi_goal_target_value(const skpi_goal *goal);

/**
 * @brief Set the start and the deadline.
 *
 * Milestones already added must stay inside `(start, deadline]`.
 * @param goal the goal
 * @param span `[start, deadline)`: the goal runs from start and must be met
 *             by the deadline (data before it)
 * @return SKPI_OK; SKPI_EMISUSE (NULL goal); SKPI_EINVAL (deadline not after
 *         start, or a milestone would fall outside: the message names it);
 *         SKPI_ERANGE (a time out of range). On error the goal is unchanged.
 */
SKPI_API int skpi_goal_set_span(skpi_goal *goal, skpi_period span);

/**
 * @brief The start and the deadline.
 * @param out  receives `[start, deadline)`
 * @param goal the goal
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOTFOUND (not set)
 */
SKPI_API int skpi_goal_span(skpi_period *out, const skpi_goal *goal);

/**
 * @brief Add a milestone: an intermediate target at a date.
 *
 * Milestones are kept sorted by date. Their value is read like the target:
 * an absolute value, a percent change or a delta from the baseline,
 * following skpi_goal_target_kind(). That they move monotonically toward the
 * target is checked once the baseline is known (skpi_goal_check(), Time-bound;
 * skpi_goal_evaluate()).
 * @param goal  the goal
 * @param date  the instant by which the milestone is due (data before it
 *              count); inside `(start, deadline]` when the span is set
 * @param value a finite number
 * @return SKPI_OK; SKPI_EMISUSE (NULL goal); SKPI_EINVAL (NaN or infinite
 *         value, or a date outside the span); SKPI_ERANGE (date out of
 *         range); SKPI_EEXISTS (a milestone at that date already);
 *         SKPI_ENOMEM. On error the goal is unchanged.
 */
SKPI_API int skpi_goal_add_milestone(skpi_goal *goal, skpi_time date, double value);

/**
 * @brief Remove a milestone.
 * @param goal  the goal
 * @param index 0 to skpi_goal_milestone_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_ERANGE (no such index)
 */
SKPI_API int skpi_goal_remove_milestone(skpi_goal *goal, size_t index);

/** @brief The number of milestones (0 for NULL). */
SKPI_API size_t skpi_goal_milestone_count(const skpi_goal *goal);

/**
 * @brief A milestone, in date order.
 * @param date  receives its date; may be NULL
 * @param value receives its value as given; may be NULL
 * @param goal  the goal
 * @param index 0 to skpi_goal_milestone_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_ERANGE (no such index)
 */
SKPI_API int skpi_goal_milestone(skpi_time *date, double *value, const skpi_goal *goal,
                                 size_t index);

/**
 * @brief Set the business objective the goal serves (Relevant).
 * @param goal the goal
 * @param text e.g. "Grow the audience for the autumn launch"; copied; NULL
 *             or "" clears it
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_ENOMEM. On error the goal
 *         is unchanged.
 */
SKPI_API int skpi_goal_set_relevance(skpi_goal *goal, const char *text);

/** @brief The business objective; borrowed, valid until replaced or the goal is freed; NULL when unset. */
SKPI_API const char *skpi_goal_relevance(const skpi_goal *goal);

/**
 * @brief Set the goal's owner.
 * @param goal  the goal
 * @param owner a person or team; copied; NULL or "" clears it
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_ENOMEM. On error the goal
 *         is unchanged.
 */
SKPI_API int skpi_goal_set_owner(skpi_goal *goal, const char *owner);

/** @brief The owner; borrowed, valid until replaced or the goal is freed; NULL when unset. */
SKPI_API const char *skpi_goal_owner(const skpi_goal *goal);

/**
 * @brief Name the activity of the team that serves the goal ("Video
 *        production"): the Resourcing recommendations for this goal move
 *        hours to it when it brings more per hour than the weakest activity
 *        (docs/resourcing.md, "Goals name their activity").
 * @param goal     the goal
 * @param activity an activity's name (skpi_effort_add_activity()); copied;
 *                 NULL or "" clears it. Whether the team has it is not
 *                 checked here: a report whose team lacks it ignores it.
 * @return SKPI_OK, SKPI_EMISUSE (NULL goal), SKPI_ENOMEM
 */
SKPI_API int skpi_goal_set_activity(skpi_goal *goal, const char *activity);

/** @brief The activity that serves the goal; borrowed until replaced or the goal is freed; NULL when unset. */
SKPI_API const char *skpi_goal_activity(const skpi_goal *goal);

/* ------------------------------------------------------------------------ */
/* SMART check                                                              */
/* ------------------------------------------------------------------------ */

/** @brief The five letters of SMART. Values are fixed for ever. */
typedef enum skpi_smart_letter {
    SKPI_SMART_SPECIFIC = 0,   /**< metric, channel and a number */
    SKPI_SMART_MEASURABLE = 1, /**< the metric is in the catalog and has data */
    SKPI_SMART_ACHIEVABLE = 2, /**< the growth asked for against the growth history shows */
    SKPI_SMART_RELEVANT = 3,   /**< a category or business objective, a fitting metric */
    SKPI_SMART_TIME_BOUND = 4  /**< a span, milestones inside it and monotone */
} skpi_smart_letter;

/** @brief A verdict of the SMART check, worst last. Values are fixed for ever. */
typedef enum skpi_verdict {
    SKPI_VERDICT_PASS = 0, /**< the letter is satisfied */
    SKPI_VERDICT_WARN = 1, /**< usable, but the reason says what to improve */
    SKPI_VERDICT_FAIL = 2  /**< the letter is not satisfied */
} skpi_verdict;

/** @brief How achievable the target is judged. Values are fixed for ever. */
typedef enum skpi_achievability {
    SKPI_ACHIEVABILITY_UNKNOWN = 0,    /**< not judged (no data, no history, incomplete goal) */
    SKPI_ACHIEVABILITY_REALISTIC = 1,  /**< asks no more than the history's median growth */
    SKPI_ACHIEVABILITY_STRETCH = 2,    /**< more than the median, no more than the best */
    SKPI_ACHIEVABILITY_UNREALISTIC = 3 /**< more than the best growth history shows */
} skpi_achievability;

/**
 * @brief Check a goal against the SMART criteria.
 *
 * One verdict per letter with a reason a person can read; docs/goals.md lists
 * every rule. An incomplete goal is not an error: its letters fail.
 * - Specific: metric and number set (fail otherwise), a channel set (warn
 *   otherwise), the target on the right side of the baseline (fail).
 * - Measurable: the metric is in the dataset's catalog (fail), and the
 *   dataset has data for it on the selector over the baseline period, or at
 *   all for a baseline value (fail; warn when partial).
 * - Achievable: the improvement per cadence period the target needs, against
 *   the median and best improvement per period over every window of as many
 *   periods in the history before the start: realistic (pass), stretch
 *   (warn), unrealistic (fail); warn when the history is too short.
 * - Relevant: a category or business objective is linked (fail otherwise);
 *   warn when the category does not recommend the metric, or when the
 *   direction fights the metric's own (increasing a cost).
 * - Time-bound: a span (fail), milestones inside it and monotone from the
 *   baseline toward the target (fail), milestones when the span covers more
 *   than two cadence periods (warn).
 * @param out     receives the result; free it with skpi_goal_check_free()
 * @param goal    the goal
 * @param ds      the dataset to measure with; NULL checks without data (the
 *                letters that need data warn, and the built-in catalog is used)
 * @param cal     the calendar of the cadence periods; NULL means UTC, weeks
 *                from Monday, fiscal year = calendar year
 * @return SKPI_OK; SKPI_EMISUSE (NULL out or goal); SKPI_ECALLBACK (the
 *         dataset's source stopped); SKPI_ERANGE (dates so close to year 1
 *         or 9999 that a cadence period falls outside); SKPI_ENOMEM
 */
SKPI_API int skpi_goal_check(skpi_goal_check_result **out, const skpi_goal *goal,
                             skpi_dataset *ds, const skpi_calendar *cal);

/** @brief Free a check result. NULL is allowed and does nothing. */
SKPI_API void skpi_goal_check_free(skpi_goal_check_result *result);

/**
 * @brief The verdict for one letter.
 * @param result the check result
 * @param letter an ::skpi_smart_letter
 * @return an ::skpi_verdict; SKPI_EMISUSE (NULL result); SKPI_EINVAL (unknown letter)
 */
SKPI_API int skpi_goal_check_verdict(const skpi_goal_check_result *result, int letter);

/**
 * @brief The reason for one letter's verdict, e.g. "unrealistic: the target
 *        needs +500 per month ...".
 * @param result the check result
 * @param letter an ::skpi_smart_letter
 * @return borrowed, valid until the result is freed; NULL for a NULL result
 *         or an unknown letter
 */
SKPI_API const char *skpi_goal_check_reason(const skpi_goal_check_result *result, int letter);

/** @brief The worst verdict of the five letters, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_goal_check_overall(const skpi_goal_check_result *result);

/** @brief The ::skpi_achievability judged, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_goal_check_achievability(const skpi_goal_check_result *result);

/**
 * @brief The improvement per cadence period the target needs:
 *        (target - baseline) / periods, sign-flipped for decreasing goals.
 * @return the number; NaN when unknown or for NULL
 */
SKPI_API double skpi_goal_check_required_rate(const skpi_goal_check_result *result);

/** @brief The median improvement per period over the history's windows; NaN when unknown. */
SKPI_API double skpi_goal_check_median_rate(const skpi_goal_check_result *result);

/** @brief The best improvement per period over the history's windows; NaN when unknown. */
SKPI_API double skpi_goal_check_best_rate(const skpi_goal_check_result *result);

/** @brief The window length in cadence periods (the goal's span); 0 when unknown. */
SKPI_API size_t skpi_goal_check_window_periods(const skpi_goal_check_result *result);

/** @brief How many history windows the median and best come from; 0 when none. */
SKPI_API size_t skpi_goal_check_window_count(const skpi_goal_check_result *result);

/** @brief The name of a letter ("specific", ..., "time_bound"); NULL for unknown values. Static. */
SKPI_API const char *skpi_smart_letter_name(int letter);

/** @brief The name of a verdict ("pass", "warn", "fail"); NULL for unknown values. Static. */
SKPI_API const char *skpi_verdict_name(int verdict);

/** @brief The name of an achievability ("unknown", "realistic", "stretch", "unrealistic"); NULL for unknown values. Static. */
SKPI_API const char *skpi_achievability_name(int achievability);

/* ------------------------------------------------------------------------ */
/* Evaluation                                                               */
/* ------------------------------------------------------------------------ */

/** @brief Where a goal stands. Values are fixed for ever. */
typedef enum skpi_goal_status {
    SKPI_GOAL_NOT_STARTED = 0, /**< the evaluation date is before the start */
    SKPI_GOAL_ON_TRACK = 1,    /**< progress is close enough to the expected progress */
    SKPI_GOAL_AT_RISK = 2,     /**< progress lags, within the at-risk tolerance */
    SKPI_GOAL_OFF_TRACK = 3,   /**< progress lags beyond the at-risk tolerance */
    SKPI_GOAL_ACHIEVED = 4,    /**< the target is met (at or before the deadline) */
    SKPI_GOAL_MISSED = 5,      /**< the deadline passed without the target met */
    SKPI_GOAL_NO_DATA = 6      /**< the baseline or the current value is not available */
} skpi_goal_status;

/** @brief Forecast methods. Values are fixed for ever. */
typedef enum skpi_forecast_method {
    SKPI_FORECAST_LINEAR = 0,   /**< least-squares line over the last `forecast_window` periods */
    SKPI_FORECAST_SEASONAL = 1, /**< the same period a season earlier plus the median year-over-year change */
    SKPI_FORECAST_NONE = 2      /**< no forecast was made (reported, never requested) */
} skpi_forecast_method;

/** @brief The state of a milestone at the evaluation date. Values are fixed for ever. */
typedef enum skpi_milestone_state {
    SKPI_MILESTONE_PENDING = 0, /**< its date is after the evaluation date */
    SKPI_MILESTONE_HIT = 1,     /**< the value as of its date met it */
    SKPI_MILESTONE_MISSED = 2,  /**< the value as of its date did not meet it */
    SKPI_MILESTONE_NO_DATA = 3  /**< no value as of its date */
} skpi_milestone_state;

/**
 * @brief Options of skpi_goal_evaluate().
 *
 * Versioned struct: set `version` to ::SKPI_GOAL_EVALUATE_OPTIONS_VERSION (or
 * use ::SKPI_GOAL_EVALUATE_OPTIONS_INIT / skpi_goal_evaluate_options_init()).
 * It only grows at its end.
 */
typedef struct skpi_goal_evaluate_options {
    unsigned version;          /**< ::SKPI_GOAL_EVALUATE_OPTIONS_VERSION */
    /** On track while progress is at most this far below the expected
     *  progress (default 0.1: a tenth of the way from baseline to target);
     *  the same default as the OKR scores' on_track_gap. */
    double on_track_gap;
    /** At risk while at most this far below (default 0.2); beyond, off
     *  track. At least on_track_gap. */
    double at_risk_gap;
    /** Number of most recent complete cadence periods the forecast uses;
     *  default 12, at least 3. */
    unsigned forecast_window;
    /** An ::skpi_forecast_method (not NONE); default ::SKPI_FORECAST_LINEAR.
     *  When the seasonal method lacks data the linear one is used. */
    int forecast_method;
    /** Fewest backtests for a likelihood; fewer give NaN. Default 3, at least 1. */
    unsigned min_backtests;
} skpi_goal_evaluate_options;

/** @brief The current version of ::skpi_goal_evaluate_options. */
#define SKPI_GOAL_EVALUATE_OPTIONS_VERSION 1
/** @brief Static initializer of ::skpi_goal_evaluate_options with the defaults. */
#define SKPI_GOAL_EVALUATE_OPTIONS_INIT \
    { SKPI_GOAL_EVALUATE_OPTIONS_VERSION, 0.1, 0.2, 12, SKPI_FORECAST_LINEAR, 3 }

/**
 * @brief Initialise evaluation options with the defaults (for bindings that
 *        cannot use the macro).
 * @param opts    the struct to fill
 * @param version ::SKPI_GOAL_EVALUATE_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_goal_evaluate_options_init(skpi_goal_evaluate_options *opts, unsigned version);

/**
 * @brief Evaluate a goal as of a date.
 *
 * Measures the baseline, the current value (as of `min(as_of, deadline)`),
 * the target, progress and expected progress, the status, the pace still
 * needed, each milestone, and a forecast at the deadline with the likelihood
 * of reaching the target. docs/goals.md states every rule with a worked
 * example. Missing data is not an error: the status is then
 * ::SKPI_GOAL_NO_DATA and the numbers that need it are NaN.
 * @param out   receives the evaluation; free it with skpi_goal_evaluation_free()
 * @param goal  the goal; it needs a metric, a target and a span
 * @param ds    the dataset
 * @param cal   the calendar of the cadence periods; NULL means UTC, weeks
 *              from Monday, fiscal year = calendar year
 * @param as_of the evaluation date: data before it count
 * @param opts  options, or NULL for the defaults
 * @return SKPI_OK; SKPI_EMISUSE (NULL out, goal or ds); SKPI_EVERSION
 *         (unknown options version); SKPI_EINVAL (no metric, target or span;
 *         malformed selector; the target on the wrong side of the baseline;
 *         milestones not monotone toward the target; bad options: the
 *         message says which); SKPI_ENOTFOUND (metric not in the catalog,
 *         unknown group); SKPI_ERANGE (as_of out of range, or a cadence
 *         period outside years 1 to 9999); SKPI_ECALLBACK
 *         (the dataset's source stopped); SKPI_ENOMEM
 */
SKPI_API int skpi_goal_evaluate(skpi_goal_evaluation **out, const skpi_goal *goal,
                                skpi_dataset *ds, const skpi_calendar *cal, skpi_time as_of,
                                const skpi_goal_evaluate_options *opts);

/** @brief Free an evaluation. NULL is allowed and does nothing. */
SKPI_API void skpi_goal_evaluation_free(skpi_goal_evaluation *ev);

/** @brief The ::skpi_goal_status, or SKPI_EMISUSE for NULL. */
SKPI_API int skpi_goal_evaluation_status(const skpi_goal_evaluation *ev);

/** @brief The evaluation date passed to skpi_goal_evaluate() (0 for NULL). */
SKPI_API skpi_time skpi_goal_evaluation_as_of(const skpi_goal_evaluation *ev);

/**
 * @brief The instant the current value describes: the end of the last
 *        complete cadence period for flows and derived metrics, min(as_of,
 *        deadline) for stocks. Expected progress is taken at this instant.
 * @return the instant (0 for NULL)
 */
SKPI_API skpi_time skpi_goal_evaluation_measured_at(const skpi_goal_evaluation *ev);

/** @brief The baseline with its availability ({NaN, SKPI_MISSING} for NULL). */
SKPI_API skpi_value skpi_goal_evaluation_baseline(const skpi_goal_evaluation *ev);

/** @brief The current value with its availability ({NaN, SKPI_MISSING} for NULL). */
SKPI_API skpi_value skpi_goal_evaluation_current(const skpi_goal_evaluation *ev);

/** @brief The absolute target (NaN when the baseline it depends on is missing, or for NULL). */
SKPI_API double skpi_goal_evaluation_target(const skpi_goal_evaluation *ev);

/** @brief Progress: 0 at the baseline, 1 at the target, not clamped (NaN when unknown). */
SKPI_API double skpi_goal_evaluation_progress(const skpi_goal_evaluation *ev);

/** @brief Expected progress at skpi_goal_evaluation_measured_at(), 0 to 1 (NaN when unknown). */
SKPI_API double skpi_goal_evaluation_expected_progress(const skpi_goal_evaluation *ev);

/**
 * @brief The change per cadence period still needed: (target - current) /
 *        periods left, 0 when the target is met, NaN when no period is left
 *        or a value is missing. Negative for decreasing goals.
 */
SKPI_API double skpi_goal_evaluation_pace_needed(const skpi_goal_evaluation *ev);

/** @brief The recent change per cadence period: the slope of the least-squares
 *         line over the forecast window (NaN when it cannot be fitted). */
SKPI_API double skpi_goal_evaluation_pace_recent(const skpi_goal_evaluation *ev);

/** @brief The cadence periods left: period ends in (measured_at, deadline] (0 for NULL). */
SKPI_API size_t skpi_goal_evaluation_periods_left(const skpi_goal_evaluation *ev);

/**
 * @brief The forecast of the value at the deadline.
 *
 * Before the deadline: the forecast of the method reported by
 * skpi_goal_evaluation_forecast_method(). From the deadline on: the value
 * measured at the deadline. NaN when it cannot be made.
 */
SKPI_API double skpi_goal_evaluation_forecast(const skpi_goal_evaluation *ev);

/** @brief The ::skpi_forecast_method the forecast used (::SKPI_FORECAST_NONE when none), or SKPI_EMISUSE. */
SKPI_API int skpi_goal_evaluation_forecast_method(const skpi_goal_evaluation *ev);

/**
 * @brief The likelihood, 0 to 1, of meeting the target at the deadline,
 *        from the errors of past forecasts of this series (backtests).
 *
 * With k of the n backtest errors, applied to the forecast, leading to a met
 * target: (k + 1) / (n + 2). From the deadline on: 1 when met, 0 when not.
 * NaN with fewer backtests than the options require, or no forecast.
 */
SKPI_API double skpi_goal_evaluation_likelihood(const skpi_goal_evaluation *ev);

/** @brief The number of backtests behind the likelihood (0 for NULL). */
SKPI_API size_t skpi_goal_evaluation_backtests(const skpi_goal_evaluation *ev);

/** @brief The number of milestones (the goal's, in date order; 0 for NULL). */
SKPI_API size_t skpi_goal_evaluation_milestone_count(const skpi_goal_evaluation *ev);

/**
 * @brief One milestone's outcome.
 * @param state  receives its ::skpi_milestone_state; may be NULL
 * @param target receives its absolute target (NaN when the baseline is
 *               missing); may be NULL
 * @param value  receives the value as of its date (NaN when pending or no
 *               data); may be NULL
 * @param ev     the evaluation
 * @param index  0 to skpi_goal_evaluation_milestone_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE (NULL ev), SKPI_ERANGE (no such index)
 */
SKPI_API int skpi_goal_evaluation_milestone(int *state, double *target, double *value,
                                            const skpi_goal_evaluation *ev, size_t index);

/** @brief The name of a status ("not_started", "on_track", "at_risk", "off_track",
 *         "achieved", "missed", "no_data"); NULL for unknown values. Static. */
SKPI_API const char *skpi_goal_status_name(int status);

/** @brief The name of a forecast method ("linear", "seasonal", "none"); NULL for unknown values. Static. */
SKPI_API const char *skpi_forecast_method_name(int method);

/** @brief The name of a milestone state ("pending", "hit", "missed", "no_data"); NULL for unknown values. Static. */
SKPI_API const char *skpi_milestone_state_name(int state);

#ifdef SKPI_EXPERIMENTAL

/**
 * @brief Take a goal's target from an industry benchmark (experimental):
 *        "reach the industry median engagement rate".
 *
 * Looks up the benchmark of the goal's metric and industry
 * (skpi_benchmarks_find()): of the network of the goal's channel when it
 * stays inside one (`instagram:*`, `instagram:@acme`), else an `all` row;
 * of the goal's cadence, else an `any` row. Its value becomes an absolute
 * target, and "<industry> benchmark, <source>" the target's source, which
 * report goal cards show. A later skpi_goal_set_target() replaces both.
 * The definitions file ("target_source") and the store keep the value and
 * this text, not a reference to the benchmark's row (docs/competitors.md).
 * @param goal     the goal; its metric must be set
 * @param benchmarks the table (only read)
 * @param industry the industry
 * @return SKPI_OK; SKPI_EMISUSE (NULL); SKPI_EINVAL (no metric yet);
 *         SKPI_ENOTFOUND (no benchmark applies: the message names the
 *         metric and industry); SKPI_ENOMEM. On error the goal is unchanged.
 */
SKPI_API int skpi_goal_set_target_benchmark(skpi_goal *goal, const skpi_benchmarks *benchmarks,
                                            const char *industry);

/**
 * @brief Where the goal's target comes from (experimental).
 * @return "<industry> benchmark, <source>" after skpi_goal_set_target_benchmark(),
 *         borrowed until the goal changes or is freed; NULL otherwise
 */
SKPI_API const char *skpi_goal_target_source(const skpi_goal *goal);

/**
 * @brief Say where the goal's absolute target comes from (experimental):
 *        the text skpi_goal_target_source() returns, as a definitions file
 *        or store gives it back ("Retail benchmark, Example Study 2026").
 *
 * The target itself is not touched; a later skpi_goal_set_target() clears
 * the source again.
 * @param goal   the goal; its target must be absolute (skpi_goal_set_target())
 * @param source 1 to 511 bytes without control characters; copied; NULL or
 *               "" clears it
 * @return SKPI_OK; SKPI_EMISUSE (NULL goal); SKPI_EINVAL (no absolute
 *         target, or a text too long or with a control character: the
 *         message says which); SKPI_ENOMEM. On error the goal is unchanged.
 */
SKPI_API int skpi_goal_set_target_source(skpi_goal *goal, const char *source);

#endif /* SKPI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_GOAL_H */
