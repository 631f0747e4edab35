/* Consistency of a goal's target and milestones with its baseline and
 * direction, worded for check reasons and error messages alike. */
#include "goal/goal_internal.h"
#include "core/number.h"

#include <math.h>
#include <stdio.h>

bool skpi__goal_target_problem(char *msg, size_t size, const skpi_goal *g, double baseline,
                               double target)
{
    if (isnan(baseline) || isnan(target))
        return false;
    char b[SKPI__NUM_PLAIN_SIZE], t[SKPI__NUM_PLAIN_SIZE];
    if (isinf(target)) {
        /* A relative target over a huge baseline can overflow; progress
         * toward it would read as "no data". The setters keep the value
         * itself finite. */
        const char *sign = g->target_value > 0 ? "+" : "";
        if (g->target_kind == SKPI_TARGET_PERCENT)
            snprintf(msg, size, "the target (%s%s %% of the baseline %s) is beyond the range of a double",
                     sign, skpi__num_plain(t, g->target_value), skpi__num_plain(b, baseline));
        else
            snprintf(msg, size, "the target (the baseline %s %s%s) is beyond the range of a double",
                     skpi__num_plain(b, baseline), g->target_value < 0 ? "" : "+",
                     skpi__num_plain(t, g->target_value));
        return true;
    }
    if (g->direction == SKPI_GOAL_INCREASE && !(target > baseline)) {
        snprintf(msg, size, "the target %s is not above the baseline %s, but the goal is to increase %s",
                 skpi__num_plain(t, target), skpi__num_plain(b, baseline), g->metric);
        return true;
    }
    if (g->direction == SKPI_GOAL_DECREASE && !(target < baseline)) {
        snprintf(msg, size, "the target %s is not below the baseline %s, but the goal is to decrease %s",
                 skpi__num_plain(t, target), skpi__num_plain(b, baseline), g->metric);
        return true;
    }
    return false;
}

bool skpi__goal_milestone_problem(char *msg, size_t size, const skpi_goal *g,
                                  const skpi_calendar *cal, double baseline, double target)
{
    bool ramp = g->direction == SKPI_GOAL_INCREASE || g->direction == SKPI_GOAL_DECREASE;
    bool relative = g->target_kind != SKPI_TARGET_ABSOLUTE;
    double sign = skpi__goal_sign(g->direction);
    const char *toward = sign > 0 ? "below" : "above";
    const char *beyond = sign > 0 ? "above" : "below";
    double prev = NAN;
    char d[32], v[SKPI__NUM_PLAIN_SIZE], w[SKPI__NUM_PLAIN_SIZE];
    for (size_t i = 0; i < g->n_milestones; i++) {
        const skpi__goal_milestone *m = &g->milestones[i];
        if (skpi_calendar_format_date(d, sizeof d, cal, m->date) != SKPI_OK)
            snprintf(d, sizeof d, "?");
        if (relative && isnan(baseline))
            continue;
        double x = skpi__goal_resolve(g->target_kind == SKPI_TARGET_NONE ? SKPI_TARGET_ABSOLUTE
                                                                         : g->target_kind,
                                      m->value, baseline);
        if (!isnan(prev) && sign * (x - prev) < 0) {
            snprintf(msg, size,
                     "milestone %zu (%s: %s) is %s milestone %zu (%s): milestones must move toward the target",
                     i + 1, d, skpi__num_plain(v, x), toward, i, skpi__num_plain(w, prev));
            return true;
        }
        if (ramp && !isnan(baseline) && sign * (x - baseline) < 0) {
            snprintf(msg, size, "milestone %zu (%s: %s) is %s the baseline %s", i + 1, d,
                     skpi__num_plain(v, x), toward, skpi__num_plain(w, baseline));
            return true;
        }
        if (ramp && !isnan(target) && sign * (x - target) > 0) {
            snprintf(msg, size, "milestone %zu (%s: %s) is %s the target %s", i + 1, d,
                     skpi__num_plain(v, x), beyond, skpi__num_plain(w, target));
            return true;
        }
        prev = x;
    }
    return false;
}
