/* Private layout of the goal, check-result and evaluation handles, and the
 * measuring helpers shared by the check and the evaluation. Never installed. */
#ifndef SKPI_GOAL_INTERNAL_H
#define SKPI_GOAL_INTERNAL_H

#include "socialkpi/goal.h"
#include "core/internal.h"
#include "goal_math.h"

#include <stdbool.h>

typedef struct skpi__goal_milestone {
    skpi_time date;
    double value; /* read like the target: see skpi_target_kind */
} skpi__goal_milestone;

struct skpi_goal {
    char *name;
    char *metric;    /* NULL when unset */
    char *channel;   /* NULL when unset */
    char *relevance; /* NULL when unset */
    char *owner;     /* NULL when unset */
    char *activity;  /* the activity of the team that serves it; NULL when unset */
    int category;
    int direction;
    int cadence;
    int baseline_kind;
    double baseline_value;
    skpi_period baseline_period;
    int target_kind;
    double target_value;
    char *target_source; /* the benchmark the target came from; NULL: none */
    bool has_span;
    skpi_period span; /* [start, deadline) */
    skpi__goal_milestone *milestones; /* sorted by date, dates distinct */
    size_t n_milestones;
    size_t cap_milestones;
};

#define SKPI__SMART_LETTERS 5

struct skpi_goal_check_result {
    int verdict[SKPI__SMART_LETTERS];
    char *reason[SKPI__SMART_LETTERS];
    int achievability;
    double required_rate;
    double median_rate;
    double best_rate;
    size_t window_periods;
    size_t window_count;
};

typedef struct skpi__goal_milestone_outcome {
    int state;
    double target;
    double value;
} skpi__goal_milestone_outcome;

struct skpi_goal_evaluation {
    int status;
    skpi_time as_of;
    skpi_time measured_at;
    skpi_value baseline;
    skpi_value current;
    double target;
    double progress;
    double expected;
    double pace_needed;
    double pace_recent;
    size_t periods_left;
    double forecast;
    int forecast_method;
    double likelihood;
    size_t backtests;
    skpi__goal_milestone_outcome *milestones;
    size_t n_milestones;
};

/* The selector a goal measures: its channel, or every channel. */
const char *skpi__goal_selector(const skpi_goal *g);

/* The value of the goal's metric as of instant t (data before t): for a
 * stock the last value before t in the cadence period holding t - 1, else in
 * the one before; for flows and derived metrics the value over the last
 * complete cadence period ending at or before t. `measured_at` (may be NULL)
 * receives the instant the value describes. */
int skpi__goal_value_as_of(skpi_value *out, skpi_time *measured_at, const skpi_goal *g,
                           skpi_dataset *ds, const skpi_calendar *cal, int kind, skpi_time t);

/* The baseline: the given value; over a baseline period (stocks: the last
 * value; flows: the total per cadence period; derived: the ratio); or, when
 * none is set, the value as of the start. */
int skpi__goal_baseline(skpi_value *out, const skpi_goal *g, skpi_dataset *ds,
                        const skpi_calendar *cal, int kind);

/* Per-period values of the goal's metric for the complete cadence periods
 * ending at or before `until`, from the period holding the first point the
 * dataset has for it (or `from` when earlier). *y (freed with skpi__free)
 * receives *n values, NaN where missing; *first receives the start of the
 * first period. With no data at all, *n is 0 and *y NULL. */
int skpi__goal_history(double **y, size_t *n, skpi_time *first, const skpi_goal *g,
                       skpi_dataset *ds, const skpi_calendar *cal, skpi_time from,
                       skpi_time until);

/* The number of cadence-period ends in (a, b]; 0 when b <= a. */
int skpi__goal_period_ends(size_t *out, const skpi_calendar *cal, int cadence, skpi_time a,
                           skpi_time b);

/* The goal's metric kind in a catalog (SKPI_ENOTFOUND with a message when
 * the catalog lacks it). */
int skpi__goal_metric_kind(int *kind, const skpi_goal *g, const skpi_catalog *cat);

/* The options to use: the defaults for NULL, else `in` once validated. */
int skpi__goal_options(skpi_goal_evaluate_options *out, const skpi_goal_evaluate_options *in);

/* Whether the target lies on the wrong side of the baseline for the
 * direction; if so `msg` says how. False when either number is NaN. */
bool skpi__goal_target_problem(char *msg, size_t size, const skpi_goal *g, double baseline,
                               double target);

/* Whether a milestone moves away from the target, lies behind the baseline
 * or passes the target (the last two for increase and decrease goals); if
 * so `msg` names it. Relative milestones are only judged when the baseline
 * is known. The setters already keep milestones inside the span. */
bool skpi__goal_milestone_problem(char *msg, size_t size, const skpi_goal *g,
                                  const skpi_calendar *cal, double baseline, double target);

#endif
