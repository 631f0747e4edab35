/* Getters of an evaluation, and the names of statuses, forecast methods and
 * milestone states. */
#include "goal/goal_internal.h"

#include <math.h>

int skpi_goal_evaluation_status(const skpi_goal_evaluation *ev)
{
    if (ev == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_evaluation_status: evaluation is NULL");
    return ev->status;
}

skpi_time skpi_goal_evaluation_as_of(const skpi_goal_evaluation *ev) { return ev ? ev->as_of : 0; }

skpi_time skpi_goal_evaluation_measured_at(const skpi_goal_evaluation *ev)
{
    return ev ? ev->measured_at : 0;
}

static const skpi_value missing = { NAN, SKPI_MISSING };

skpi_value skpi_goal_evaluation_baseline(const skpi_goal_evaluation *ev)
{
    return ev ? ev->baseline : missing;
}

skpi_value skpi_goal_evaluation_current(const skpi_goal_evaluation *ev)
{
    return ev ? ev->current : missing;
}

double skpi_goal_evaluation_target(const skpi_goal_evaluation *ev) { return ev ? ev->target : NAN; }

double skpi_goal_evaluation_progress(const skpi_goal_evaluation *ev)
{
    return ev ? ev->progress : NAN;
}

double skpi_goal_evaluation_expected_progress(const skpi_goal_evaluation *ev)
{
    return ev ? ev->expected : NAN;
}

double skpi_goal_evaluation_pace_needed(const skpi_goal_evaluation *ev)
{
    return ev ? ev->pace_needed : NAN;
}

double skpi_goal_evaluation_pace_recent(const skpi_goal_evaluation *ev)
{
    return ev ? ev->pace_recent : NAN;
}

size_t skpi_goal_evaluation_periods_left(const skpi_goal_evaluation *ev)
{
    return ev ? ev->periods_left : 0;
}

double skpi_goal_evaluation_forecast(const skpi_goal_evaluation *ev)
{
    return ev ? ev->forecast : NAN;
}

int skpi_goal_evaluation_forecast_method(const skpi_goal_evaluation *ev)
{
    if (ev == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_evaluation_forecast_method: evaluation is NULL");
    return ev->forecast_method;
}

double skpi_goal_evaluation_likelihood(const skpi_goal_evaluation *ev)
{
    return ev ? ev->likelihood : NAN;
}

size_t skpi_goal_evaluation_backtests(const skpi_goal_evaluation *ev)
{
    return ev ? ev->backtests : 0;
}

size_t skpi_goal_evaluation_milestone_count(const skpi_goal_evaluation *ev)
{
    return ev ? ev->n_milestones : 0;
}

int skpi_goal_evaluation_milestone(int *state, double *target, double *value,
                                   const skpi_goal_evaluation *ev, size_t index)
{
    if (ev == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_evaluation_milestone: evaluation is NULL");
    if (index >= ev->n_milestones)
        return skpi__error(SKPI_ERANGE,
                           "skpi_goal_evaluation_milestone: index %zu, the evaluation has %zu milestones",
                           index, ev->n_milestones);
    const skpi__goal_milestone_outcome *o = &ev->milestones[index];
    if (state)
        *state = o->state;
    if (target)
        *target = o->target;
    if (value)
        *value = o->value;
    return SKPI_OK;
}

const char *skpi_goal_status_name(int status)
{
    static const char *const names[] = {
        "not_started", "on_track", "at_risk", "off_track", "achieved", "missed", "no_data"
    };
    return (status >= 0 && status < 7) ? names[status] : NULL;
}

const char *skpi_forecast_method_name(int method)
{
    static const char *const names[] = { "linear", "seasonal", "none" };
    return (method >= 0 && method < 3) ? names[method] : NULL;
}

const char *skpi_milestone_state_name(int state)
{
    static const char *const names[] = { "pending", "hit", "missed", "no_data" };
    return (state >= 0 && state < 4) ? names[state] : NULL;
}
