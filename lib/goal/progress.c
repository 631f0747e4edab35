/* Goal arithmetic on plain numbers: targets, progress, expected progress and status. */
#include "goal_math.h"
#include "socialkpi/goal.h"

#include <math.h>

double skpi__goal_resolve(int kind, double value, double baseline)
{
    switch (kind) {
    case SKPI_TARGET_ABSOLUTE: return value;
    case SKPI_TARGET_PERCENT: return baseline + fabs(baseline) * value / 100.0;
    case SKPI_TARGET_DELTA: return baseline + value;
    default: return NAN;
    }
}

double skpi__goal_sign(int direction)
{
    return (direction == SKPI_GOAL_DECREASE || direction == SKPI_GOAL_STAY_AT_MOST) ? -1.0 : 1.0;
}

bool skpi__goal_meets(int direction, double value, double target)
{
    if (isnan(value) || isnan(target))
        return false;
    /* The slack scales with the target so that 1e9 followers and a 0.5 %
     * rate are treated alike. */
    double slack = SKPI__GOAL_EPSILON * fmax(1.0, fabs(target));
    return skpi__goal_sign(direction) * (value - target) >= -slack;
}

double skpi__goal_progress(int direction, double baseline, double target, double current)
{
    if (isnan(baseline) || isnan(target) || isnan(current))
        return NAN;
    if (direction == SKPI_GOAL_STAY_AT_LEAST || direction == SKPI_GOAL_STAY_AT_MOST) {
        if (skpi__goal_meets(direction, current, target))
            return 1.0;
        if (skpi__goal_meets(direction, baseline, target) || target == baseline)
            return 0.0;
    }
    if (target == baseline)
        return NAN;
    return (current - baseline) / (target - baseline);
}

double skpi__goal_expected(skpi_time start, skpi_time deadline, const skpi_time *dates,
                           const double *fractions, size_t n, skpi_time t)
{
    if (t <= start)
        return 0.0;
    if (t >= deadline)
        return 1.0;
    /* Find the knots around t: (start, 0), the milestones, (deadline, 1). */
    skpi_time t0 = start, t1 = deadline;
    double p0 = 0.0, p1 = 1.0;
    for (size_t i = 0; i < n; i++) {
        if (dates[i] >= deadline)
            break;
        if (dates[i] <= t) {
            t0 = dates[i];
            p0 = fractions[i];
        } else {
            t1 = dates[i];
            p1 = fractions[i];
            break;
        }
    }
    if (t == t0)
        return p0;
    /* Times are at most ~3e11 s apart, exact in a double. */
    return p0 + (p1 - p0) * ((double)(t - t0) / (double)(t1 - t0));
}

int skpi__goal_status(int direction, bool started, bool ended, double progress,
                      double expected, bool met, skpi__goal_thresholds th)
{
    if (!started)
        return SKPI_GOAL_NOT_STARTED;
    if (isnan(progress))
        return SKPI_GOAL_NO_DATA;
    if (ended)
        return met ? SKPI_GOAL_ACHIEVED : SKPI_GOAL_MISSED;
    if (direction == SKPI_GOAL_STAY_AT_LEAST || direction == SKPI_GOAL_STAY_AT_MOST)
        return met ? SKPI_GOAL_ON_TRACK : SKPI_GOAL_OFF_TRACK;
    if (met)
        return SKPI_GOAL_ACHIEVED;
    double shortfall = expected - progress;
    if (shortfall <= th.on_track + SKPI__GOAL_EPSILON)
        return SKPI_GOAL_ON_TRACK;
    if (shortfall <= th.at_risk + SKPI__GOAL_EPSILON)
        return SKPI_GOAL_AT_RISK;
    return SKPI_GOAL_OFF_TRACK;
}
