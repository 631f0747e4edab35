/**
 * @file socialkpi/effort.h
 * @brief Resourcing: activities, the hours spent on them, capacity per role,
 *        and what an hour of each activity buys on the metrics it serves.
 *
 * An effort handle (::skpi_effort) holds a team's activities (a named kind
 * of work with the channels and metrics it is meant to move, the role that
 * does it and the skills it needs), its people (each with a role), the hours
 * each role has available per week, and effort entries: hours (and
 * optionally a cost) spent on an activity over a period by a person or a
 * role. Entries come through skpi_effort_add_hours(), a timesheet CSV
 * (skpi_effort_import_timesheet()) or a host callback
 * (skpi_effort_fetch()); each way is all or nothing.
 *
 * A resourcing analysis (::skpi_resourcing) reads an effort handle and a
 * dataset over a period and the previous one: hours by activity and role,
 * planned against available hours per role with over-allocation, impact per
 * hour (ratios of sums) per metric, shared metrics shown once with the
 * activities behind them, and, where there are enough weeks, an ordinary
 * least-squares estimate of the weekly result per weekly hour with its
 * confidence interval. docs/resourcing.md explains every figure and its
 * limits.
 *
 * Everything in this header is experimental: it is declared only when the
 * host defines SKPI_EXPERIMENTAL before including it, and its shape may
 * change in any release (docs/ABI.md).
 */
#ifndef SOCIALKPI_EFFORT_H
#define SOCIALKPI_EFFORT_H

#include "socialkpi/common.h"
#include "socialkpi/calendar.h"
#include "socialkpi/dataset.h"

#ifdef SKPI_EXPERIMENTAL

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A team's activities, people, capacity and hours (opaque). */
typedef struct skpi_effort skpi_effort;

/** @brief What the hours of a period bought, computed once (opaque). */
typedef struct skpi_resourcing skpi_resourcing;

/**
 * @brief Create an empty effort handle.
 * @param out receives the handle; free it with skpi_effort_free()
 * @return SKPI_OK, SKPI_EMISUSE (NULL out), SKPI_ENOMEM
 */
SKPI_API int skpi_effort_new(skpi_effort **out);

/** @brief Free an effort handle. NULL is allowed and does nothing. */
SKPI_API void skpi_effort_free(skpi_effort *e);

/**
 * @brief Add an activity: a named kind of work done by a role.
 *
 * An activity must name at least one metric (skpi_effort_add_activity_metric())
 * before hours can be entered for it.
 * @param e        the handle
 * @param name     the activity's name ("Video production"), unique; copied
 * @param role     the role that does it ("Content creator"); copied
 * @param channels the channel selector of the channels it moves ("*",
 *                 "instagram:*"); NULL means "*"; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL e), SKPI_EINVAL (empty name or role,
 *         malformed selector), SKPI_EEXISTS (name taken), SKPI_ENOMEM
 */
SKPI_API int skpi_effort_add_activity(skpi_effort *e, const char *name, const char *role,
                                      const char *channels);

/**
 * @brief Name a metric an activity is meant to move.
 * @param e        the handle
 * @param activity an activity's name
 * @param metric   a metric key ("engagements"); flows and stocks give
 *                 figures, derived metrics (rates) have no per-hour figure;
 *                 copied
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty key), SKPI_ENOTFOUND
 *         (unknown activity), SKPI_EEXISTS (already named), SKPI_ENOMEM
 */
SKPI_API int skpi_effort_add_activity_metric(skpi_effort *e, const char *activity,
                                             const char *metric);

/**
 * @brief Name a skill an activity needs (for the reader; no figure uses it).
 * @param e        the handle
 * @param activity an activity's name
 * @param skill    the skill ("video editing"); copied
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty skill), SKPI_ENOTFOUND,
 *         SKPI_ENOMEM
 */
SKPI_API int skpi_effort_add_activity_skill(skpi_effort *e, const char *activity,
                                            const char *skill);

/** @brief The number of activities (0 for NULL). */
SKPI_API size_t skpi_effort_activity_count(const skpi_effort *e);

/**
 * @brief An activity's name, role and channel selector.
 * @param name     receives the name (borrowed); may be NULL
 * @param role     receives the role (borrowed); may be NULL
 * @param channels receives the channel selector (borrowed); may be NULL
 * @param e        the handle
 * @param index    0 to skpi_effort_activity_count() - 1, in the order added
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_effort_activity(const char **name, const char **role, const char **channels,
                                  const skpi_effort *e, size_t index);

/**
 * @brief The metrics (what 0) or skills (what 1) of an activity.
 * @param out   receives the key or skill (borrowed), or NULL past the end
 * @param e     the handle
 * @param index the activity's index
 * @param what  0 for metrics, 1 for skills
 * @param item  0, 1, ... in the order added
 * @return SKPI_OK (also past the end, with *out NULL), SKPI_EMISUSE,
 *         SKPI_ERANGE (activity index), SKPI_EINVAL (what)
 */
SKPI_API int skpi_effort_activity_item(const char **out, const skpi_effort *e, size_t index,
                                       int what, size_t item);

/**
 * @brief Declare a person and their role. Owners and timesheet rows may
 *        name people; a person's hours count toward their role's capacity.
 * @param e      the handle
 * @param person the person's name; copied
 * @param role   their role; copied
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty name or role, or a
 *         person who is already declared with another role), SKPI_ENOMEM
 */
SKPI_API int skpi_effort_add_person(skpi_effort *e, const char *person, const char *role);

/**
 * @brief The role of a person or a role name.
 * @param out receives the role (borrowed): the person's role, or `who`'s
 *            own copy when it is a role of an activity, a person or a
 *            capacity
 * @param e   the handle
 * @param who a person or a role
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ENOTFOUND (neither a person nor a role)
 */
SKPI_API int skpi_effort_role_of(const char **out, const skpi_effort *e, const char *who);

/** @brief The number of people declared (0 for NULL). */
SKPI_API size_t skpi_effort_person_count(const skpi_effort *e);

/**
 * @brief A person and their role, in the order declared.
 * @param name  receives the name (borrowed); may be NULL
 * @param role  receives the role (borrowed); may be NULL
 * @param e     the handle
 * @param index 0 to skpi_effort_person_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_effort_person(const char **name, const char **role, const skpi_effort *e,
                                size_t index);

/** @brief The number of roles with a capacity (0 for NULL). */
SKPI_API size_t skpi_effort_capacity_count(const skpi_effort *e);

/**
 * @brief A role's weekly capacity, in the order first set.
 * @param role  receives the role (borrowed); may be NULL
 * @param hours receives the hours per week; may be NULL
 * @param e     the handle
 * @param index 0 to skpi_effort_capacity_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_effort_capacity(const char **role, double *hours, const skpi_effort *e,
                                  size_t index);

/**
 * @brief Set the hours a role has available per week (all its people together).
 *
 * A period's available hours are this figure times the period's days / 7.
 * @param e     the handle
 * @param role  the role; copied
 * @param hours hours per week, finite and at least 0
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty role), SKPI_ERANGE
 *         (negative or not finite), SKPI_ENOMEM
 */
SKPI_API int skpi_effort_set_capacity(skpi_effort *e, const char *role, double hours);

/**
 * @brief Record hours spent on an activity over a period.
 *
 * The entry counts in the reporting period that holds its start; give
 * timesheet days or weeks, not spans across reporting periods. One person
 * cannot log more hours over the same period than the period holds (all
 * activities together); a role counts as many people as are declared with
 * it (at least one).
 * @param e        the handle
 * @param who      a person or a role (skpi_effort_role_of()); a name that is
 *                 neither counts as a person doing the activity's role; copied
 * @param activity an activity that names at least one metric
 * @param period   `[start, end)`, start < end
 * @param hours    finite, at least 0
 * @param cost     the entry's cost in the report's currency, finite and at
 *                 least 0, or NaN for none
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty who, end <= start, an
 *         activity naming no metric), SKPI_ENOTFOUND (unknown activity),
 *         SKPI_ERANGE (negative or not finite hours or cost, more hours than
 *         the period holds for one person), SKPI_ENOMEM
 */
SKPI_API int skpi_effort_add_hours(skpi_effort *e, const char *who, const char *activity,
                                   skpi_period period, double hours, double cost);

/** @brief The number of effort entries (0 for NULL). */
SKPI_API size_t skpi_effort_entry_count(const skpi_effort *e);

/**
 * @brief An effort entry, in the order recorded.
 * @param who      receives the person or role (borrowed); may be NULL
 * @param activity receives the activity's name (borrowed); may be NULL
 * @param period   receives the period; may be NULL
 * @param hours    receives the hours; may be NULL
 * @param cost     receives the cost, NaN for none; may be NULL
 * @param e        the handle
 * @param index    0 to skpi_effort_entry_count() - 1
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_effort_entry(const char **who, const char **activity, skpi_period *period,
                               double *hours, double *cost, const skpi_effort *e, size_t index);

/**
 * @brief Import a timesheet CSV: all rows or none.
 *
 * The header names the columns, in any order and any case: `date`,
 * `activity`, `hours`, and `person` or `role` (or both: the person is
 * declared with that role); `cost` is optional. A date is YYYY-MM-DD and
 * stands for that day in the calendar's time zone. Every row is checked as
 * skpi_effort_add_hours() would; a bad row is an error naming its line, and
 * nothing from the file is kept.
 * @param e    the handle
 * @param path the file
 * @param cal  the calendar whose days the dates name; NULL means UTC
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EIO (cannot read), SKPI_EPARSE
 *         (malformed CSV, missing column, bad date or number), the codes of
 *         skpi_effort_add_hours() for a bad row, SKPI_ENOMEM
 */
SKPI_API int skpi_effort_import_timesheet(skpi_effort *e, const char *path,
                                          const skpi_calendar *cal);

/**
 * @brief Import a timesheet CSV held in memory; see skpi_effort_import_timesheet().
 * @param e    the handle
 * @param data the bytes (UTF-8, a BOM is allowed); borrowed for the call
 * @param size their number
 * @param cal  the calendar; NULL means UTC
 * @return as skpi_effort_import_timesheet() (never SKPI_EIO)
 */
SKPI_API int skpi_effort_import_timesheet_buffer(skpi_effort *e, const char *data, size_t size,
                                                 const skpi_calendar *cal);

/**
 * @brief A host callback that supplies effort: it calls
 *        skpi_effort_add_hours() on `e` for the period asked for.
 *
 * It may only add hours (and people); it must not free `e`. Return 0 to
 * keep what it added, non-zero to stop: then nothing it added is kept.
 */
typedef int (*skpi_effort_source_fn)(skpi_effort *e, skpi_period period, void *userdata);

/**
 * @brief Ask a host callback for the hours of a period, all or nothing.
 * @param e        the handle
 * @param period   the period asked for
 * @param fn       the callback
 * @param userdata passed to the callback
 * @return SKPI_OK, SKPI_EMISUSE (NULL e or fn), SKPI_EINVAL (end <= start),
 *         SKPI_ECALLBACK (the callback stopped; the handle is as before)
 */
SKPI_API int skpi_effort_fetch(skpi_effort *e, skpi_period period, skpi_effort_source_fn fn,
                               void *userdata);

/**
 * @brief Options of skpi_resourcing_new(). Versioned: initialise with
 *        ::SKPI_RESOURCING_OPTIONS_INIT or skpi_resourcing_options_init().
 */
typedef struct skpi_resourcing_options {
    unsigned version;   /**< ::SKPI_RESOURCING_OPTIONS_VERSION */
    /** The fewest weeks with hours and a result behind a slope estimate
     *  (default 8, at least 3). */
    size_t min_weeks;
    /** Confidence level of the slope's interval (default 0.95), above 0 and below 1. */
    double confidence;
    /** The slope reads the last this many whole weeks that end by the end of
     *  the reported period (default 13, a quarter; at least min_weeks). */
    size_t window_weeks;
} skpi_resourcing_options;

/** @brief The current version of ::skpi_resourcing_options. */
#define SKPI_RESOURCING_OPTIONS_VERSION 1
/** @brief Static initializer with the defaults. */
#define SKPI_RESOURCING_OPTIONS_INIT { SKPI_RESOURCING_OPTIONS_VERSION, 8, 0.95, 13 }

/**
 * @brief Initialise options with the defaults.
 * @param opts    the struct
 * @param version ::SKPI_RESOURCING_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_resourcing_options_init(skpi_resourcing_options *opts, unsigned version);

/**
 * @brief Work out the resourcing figures of a period against the previous one.
 *
 * The slope estimates use the last `window_weeks` whole weeks (of `cal`)
 * that end by `period.end`.
 * @param out      receives the analysis; free it with skpi_resourcing_free()
 * @param e        the effort handle (read only)
 * @param ds       the dataset holding the activities' metrics (its source
 *                 may be asked for data)
 * @param cal      the calendar of the weeks; NULL means UTC weeks from Monday
 * @param period   the reported period
 * @param previous the period compared against
 * @param opts     options, or NULL for the defaults
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EINVAL (empty periods, bad options,
 *         a malformed selector), SKPI_EVERSION, SKPI_ECALLBACK (the
 *         dataset's source stopped), SKPI_ENOMEM
 */
SKPI_API int skpi_resourcing_new(skpi_resourcing **out, const skpi_effort *e, skpi_dataset *ds,
                                 const skpi_calendar *cal, skpi_period period,
                                 skpi_period previous, const skpi_resourcing_options *opts);

/** @brief Free an analysis. NULL is allowed. */
SKPI_API void skpi_resourcing_free(skpi_resourcing *r);

/** @brief The number of roles in the analysis (0 for NULL), sorted by name. */
SKPI_API size_t skpi_resourcing_role_count(const skpi_resourcing *r);

/**
 * @brief Planned against available hours of a role over the period.
 * @param name      receives the role (borrowed by the analysis); may be NULL
 * @param planned   receives the hours recorded for the role in the period; may be NULL
 * @param available receives the available hours (weekly capacity × days / 7),
 *                  NaN when the role has no capacity; may be NULL
 * @param over      receives 1 when planned exceeds available, else 0; may be NULL
 * @param r         the analysis
 * @param index     the role's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_resourcing_role(const char **name, double *planned, double *available,
                                  int *over, const skpi_resourcing *r, size_t index);

/** @brief The number of activities in the analysis (those of the effort handle, in order). */
SKPI_API size_t skpi_resourcing_activity_count(const skpi_resourcing *r);

/**
 * @brief An activity's hours and cost in the period and the previous one.
 * @param name          receives the name (borrowed); may be NULL
 * @param hours         receives the period's hours; may be NULL
 * @param previous      receives the previous period's hours; may be NULL
 * @param cost          receives the period's cost, NaN when no entry had one; may be NULL
 * @param r             the analysis
 * @param index         the activity's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_resourcing_activity(const char **name, double *hours, double *previous,
                                      double *cost, const skpi_resourcing *r, size_t index);

/**
 * @brief The hours of one activity done by one role in the period.
 * @param out      receives the hours
 * @param r        the analysis
 * @param activity an activity's index
 * @param role     a role's index
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_resourcing_hours(double *out, const skpi_resourcing *r, size_t activity,
                                   size_t role);

/**
 * @brief One impact figure: a metric on a channel selector, with the
 *        activities behind it. A versioned struct filled by
 *        skpi_resourcing_impact(); set `version` first
 *        (skpi_impact_init()).
 */
typedef struct skpi_impact {
    unsigned version;            /**< ::SKPI_IMPACT_VERSION */
    const char *metric;          /**< the metric key (borrowed) */
    const char *channels;        /**< the channel selector (borrowed) */
    size_t activities;           /**< how many activities share it (1: not shared) */
    skpi_value result;           /**< the period's result: a flow's sum, a stock's gain */
    skpi_value previous_result;  /**< the previous period's result */
    double hours;                /**< hours of all its activities in the period */
    double previous_hours;       /**< the same in the previous period */
    skpi_value per_hour;         /**< result / hours (denominator zero without hours) */
    skpi_value previous_per_hour;/**< previous result / previous hours */
    double cost;                 /**< cost in the period, NaN when none was given */
    skpi_value cost_per_result;  /**< cost / result */
    size_t weeks;                /**< weeks behind the slope estimate */
    int estimated;               /**< 1 when the slope below is offered (weeks >= min_weeks and hours vary) */
    double slope;                /**< OLS slope: weekly result per weekly hour; NaN unless estimated */
    double slope_low;            /**< lower end of its confidence interval */
    double slope_high;           /**< upper end */
} skpi_impact;

/** @brief The current version of ::skpi_impact. */
#define SKPI_IMPACT_VERSION 1

/**
 * @brief Prepare an ::skpi_impact for skpi_resourcing_impact().
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION
 */
SKPI_API int skpi_impact_init(skpi_impact *impact, unsigned version);

/** @brief The number of impact figures (one per metric and channel selector). */
SKPI_API size_t skpi_resourcing_impact_count(const skpi_resourcing *r);

/**
 * @brief One impact figure.
 * @param out   filled; out->version must be set
 * @param r     the analysis
 * @param index the figure's index (in the order its first activity names it)
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_EVERSION, SKPI_ERANGE
 */
SKPI_API int skpi_resourcing_impact(skpi_impact *out, const skpi_resourcing *r, size_t index);

/**
 * @brief The activities behind an impact figure.
 * @param out      receives the activity's index in the analysis
 * @param r        the analysis
 * @param index    the figure's index
 * @param activity 0 to out->activities - 1
 * @return SKPI_OK, SKPI_EMISUSE, SKPI_ERANGE
 */
SKPI_API int skpi_resourcing_impact_activity(size_t *out, const skpi_resourcing *r,
                                             size_t index, size_t activity);

/**
 * @brief Rank the impact figures of a metric by result per hour, best first.
 *
 * Figures whose per-hour value is not available are left out.
 * @param order  receives up to `max` figure indexes
 * @param count  receives how many were written
 * @param max    room in `order`
 * @param r      the analysis
 * @param metric a metric key
 * @return SKPI_OK, SKPI_EMISUSE
 */
SKPI_API int skpi_resourcing_rank(size_t *order, size_t *count, size_t max,
                                  const skpi_resourcing *r, const char *metric);

#ifdef __cplusplus
}
#endif

#endif /* SKPI_EXPERIMENTAL */

#endif
