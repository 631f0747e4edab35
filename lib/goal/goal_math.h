/* Private arithmetic of SMART goals: progress, expected progress, status,
 * growth rates, forecasts and their backtests, as pure functions on numbers
 * and arrays so that they can be tested without a dataset. Never installed.
 *
 * Arrays of per-period values are indexed by period: index i is the i-th
 * cadence period, NaN where the value is missing. Forecasts treat periods as
 * equally spaced whatever their length in days. */
#ifndef SKPI_GOAL_MATH_H
#define SKPI_GOAL_MATH_H

#include "socialkpi/common.h"

#include <stdbool.h>
#include <stddef.h>

/* Fewest present points a forecast fits a line through, and fewest
 * year-over-year differences the seasonal method takes a median of. */
#define SKPI__GOAL_MIN_POINTS 3

/* Slack added to status and milestone comparisons so that decimal inputs
 * such as 0.05 do not flip a verdict through binary rounding. */
#define SKPI__GOAL_EPSILON 1e-9

/* The absolute target of a target or milestone given as kind + value
 * (skpi_target_kind) over a baseline: percent changes are taken of
 * |baseline|, so that "+50 %" moves a negative baseline up too. NaN when the
 * baseline is needed and NaN. */
double skpi__goal_resolve(int kind, double value, double baseline);

/* +1 for goals that want the value high (increase, stay at least), -1 for
 * goals that want it low (decrease, stay at most). */
double skpi__goal_sign(int direction);

/* Whether `value` meets `target` for the direction (>= or <=, with
 * SKPI__GOAL_EPSILON slack relative to the target's magnitude). */
bool skpi__goal_meets(int direction, double value, double target);

/* Progress: 0 at the baseline, 1 at the target, linear in the value, not
 * clamped. For "stay at least/at most": 1 while the target is met; else the
 * linear progress when the baseline did not meet it either, and 0 when the
 * baseline met it (the level slipped). NaN when an input is NaN or target
 * equals baseline for increase/decrease. */
double skpi__goal_progress(int direction, double baseline, double target, double current);

/* Expected progress at time t: a piecewise-linear path through (start, 0),
 * each milestone (dates[i], fractions[i]) and (deadline, 1); 0 before the
 * start, 1 from the deadline on. Milestones must be sorted by date and lie
 * in (start, deadline]; one at the deadline itself is ignored. */
double skpi__goal_expected(skpi_time start, skpi_time deadline, const skpi_time *dates,
                           const double *fractions, size_t n, skpi_time t);

/* Status thresholds (see skpi_goal_evaluate_options). */
typedef struct skpi__goal_thresholds {
    double on_track;
    double at_risk;
} skpi__goal_thresholds;

/* The status (skpi_goal_status) from the measured numbers; see
 * docs/goals.md, "Status". `started`: as of >= start; `ended`: as of >=
 * deadline. */
int skpi__goal_status(int direction, bool started, bool ended, double progress,
                      double expected, bool met, skpi__goal_thresholds th);

/* Least-squares line through the present points (i, y[i]) for i in
 * [from, to). Returns the number of present points used; slope and value at
 * index `at` are set when at least two distinct points exist. */
size_t skpi__goal_fit(double *slope, double *value_at, const double *y, size_t from, size_t to,
                      double at);

/* Season length in periods for a cadence (day 7, week 52, month 12,
 * quarter 4); 0 for a year (no seasonal method). */
size_t skpi__goal_season(int cadence);

/* Forecast of y at index `target` from the first `n` values only (the
 * cut-off), target >= n - 1. method: skpi_forecast_method.
 *   linear:   least squares over the last `window` periods (at least
 *             SKPI__GOAL_MIN_POINTS present), extended to `target`;
 *   seasonal: the median year-over-year difference d over the last
 *             max(window, season) periods (at least SKPI__GOAL_MIN_POINTS
 *             pairs); y[target - k*season] + k*d with k = ceil(h / season),
 *             h = target - (n - 1).
 * `scratch` holds at least min(n, max(window, season)) doubles (the seasonal
 * method stores at most one difference per period). NaN when the data do
 * not suffice. */
double skpi__goal_forecast(int method, const double *y, size_t n, size_t window, size_t season,
                           size_t target, double *scratch);

/* Backtest: for every cut-off c (1 <= c, c - 1 + horizon < n) forecast index
 * c - 1 + horizon from y[0..c) and store the relative error
 * (actual - forecast) / |forecast| when both are present and the forecast is
 * not 0. `errors` holds n doubles; returns how many were stored, oldest
 * cut-off first. */
size_t skpi__goal_backtest(double *errors, int method, const double *y, size_t n, size_t window,
                           size_t season, size_t horizon, double *scratch);

/* Likelihood of meeting `target` when past relative errors are applied to
 * `forecast`: with k of the n outcomes forecast + e * |forecast| meeting the
 * target, (k + 1) / (n + 2) (Laplace's rule of succession). NaN when n <
 * min_backtests or forecast is NaN. */
double skpi__goal_likelihood(int direction, const double *errors, size_t n, double forecast,
                             double target, size_t min_backtests);

/* Growth shown by history over windows of `len` periods: for every i with
 * y[i] and y[i + len] present, the improvement per period
 * sign * (y[i + len] - y[i]) / len. Writes their median and best (largest)
 * and returns how many windows there were (0: median and best are NaN).
 * `scratch` holds n doubles. */
size_t skpi__goal_window_rates(double *median, double *best, const double *y, size_t n,
                               size_t len, double sign, double *scratch);

/* Median of a[0..n) (mean of the two middle values when n is even); sorts a.
 * NaN when n is 0. */
double skpi__goal_median(double *a, size_t n);

#endif
