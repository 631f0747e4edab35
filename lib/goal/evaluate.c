/* skpi_goal_evaluate(): a goal's baseline, current value, progress, status,
 * pace, milestones and forecast as of a date. */
#include "goal/goal_internal.h"

#include <math.h>

/* Everything the evaluation needs besides the result itself. */
typedef struct eval_ctx {
    const skpi_goal *g;
    skpi_dataset *ds;
    const skpi_calendar *cal;
    skpi_goal_evaluate_options opts;
    int kind;
    skpi_time as_of;
} eval_ctx;

static void evaluation_free(skpi_goal_evaluation *ev)
{
    if (ev == NULL)
        return;
    skpi__free(ev->milestones);
    skpi__free(ev);
}

void skpi_goal_evaluation_free(skpi_goal_evaluation *ev) { evaluation_free(ev); }

/* A goal the evaluation can work with, else an error naming what is missing. */
static int check_complete(const skpi_goal *g)
{
    if (g->metric == NULL)
        return skpi__error(SKPI_EINVAL, "goal '%.80s': no metric set", g->name);
    if (g->target_kind == SKPI_TARGET_NONE)
        return skpi__error(SKPI_EINVAL, "goal '%.80s': no target set", g->name);
    if (!g->has_span)
        return skpi__error(SKPI_EINVAL, "goal '%.80s': no start and deadline set", g->name);
    return SKPI_OK;
}

static int evaluate_milestones(skpi_goal_evaluation *ev, const eval_ctx *c)
{
    const skpi_goal *g = c->g;
    if (g->n_milestones == 0)
        return SKPI_OK;
    ev->milestones = skpi__reallocarray(NULL, g->n_milestones, sizeof *ev->milestones);
    if (ev->milestones == NULL)
        return skpi__nomem();
    ev->n_milestones = g->n_milestones;
    for (size_t i = 0; i < g->n_milestones; i++) {
        skpi__goal_milestone_outcome *o = &ev->milestones[i];
        o->target = skpi__goal_resolve(g->target_kind, g->milestones[i].value, ev->baseline.value);
        o->value = NAN;
        if (g->milestones[i].date > c->as_of) {
            o->state = SKPI_MILESTONE_PENDING;
            continue;
        }
        skpi_value v;
        int rc = skpi__goal_value_as_of(&v, NULL, g, c->ds, c->cal, c->kind, g->milestones[i].date);
        if (rc != SKPI_OK)
            return rc;
        o->value = v.value;
        if (isnan(v.value) || isnan(o->target))
            o->state = SKPI_MILESTONE_NO_DATA;
        else
            o->state = skpi__goal_meets(g->direction, v.value, o->target) ? SKPI_MILESTONE_HIT
                                                                          : SKPI_MILESTONE_MISSED;
    }
    return SKPI_OK;
}

/* The path of expected progress through the milestones, as fractions of the
 * way from baseline to target. */
static int expected_progress(double *out, const eval_ctx *c, double baseline, double target,
                             skpi_time t)
{
    const skpi_goal *g = c->g;
    if (g->direction == SKPI_GOAL_STAY_AT_LEAST || g->direction == SKPI_GOAL_STAY_AT_MOST) {
        *out = 1.0;
        return SKPI_OK;
    }
    size_t n = g->n_milestones;
    skpi_time *dates = NULL;
    double *fractions = NULL;
    if (n > 0) {
        dates = skpi__reallocarray(NULL, n, sizeof *dates);
        fractions = skpi__reallocarray(NULL, n, sizeof *fractions);
        if (dates == NULL || fractions == NULL) {
            skpi__free(dates);
            skpi__free(fractions);
            return skpi__nomem();
        }
        for (size_t i = 0; i < n; i++) {
            double m = skpi__goal_resolve(g->target_kind, g->milestones[i].value, baseline);
            dates[i] = g->milestones[i].date;
            fractions[i] = (m - baseline) / (target - baseline);
        }
    }
    *out = skpi__goal_expected(g->span.start, g->span.end, dates, fractions, n, t);
    skpi__free(dates);
    skpi__free(fractions);
    return SKPI_OK;
}

/* Forecast at the deadline, recent pace and likelihood, from the history of
 * complete periods before as_of. */
static int forecast(skpi_goal_evaluation *ev, const eval_ctx *c)
{
    const skpi_goal *g = c->g;
    double *y = NULL;
    size_t n = 0;
    skpi_time first;
    skpi_time from = g->span.start;
    if (g->baseline_kind == SKPI_BASELINE_PERIOD && g->baseline_period.start < from)
        from = g->baseline_period.start;
    int rc = skpi__goal_history(&y, &n, &first, g, c->ds, c->cal, from, c->as_of);
    if (rc != SKPI_OK || n == 0)
        return rc;
    /* The last history period ends where period n - 1 ends: count the
     * periods from there that complete by the deadline. */
    skpi_period last;
    if ((rc = skpi_calendar_shift(&last, c->cal, g->cadence, first, (int64_t)(n - 1))) != SKPI_OK)
        goto done;
    size_t h;
    if ((rc = skpi__goal_period_ends(&h, c->cal, g->cadence, last.end, g->span.end)) != SKPI_OK)
        goto done;
    size_t window = c->opts.forecast_window;
    size_t season = skpi__goal_season(g->cadence);
    /* The scratch holds at most one difference per history period, so a
     * window wider than the history (any unsigned is valid) needs no more. */
    size_t scratch_n = window > season ? window : season;
    if (scratch_n > n)
        scratch_n = n;
    double *scratch = skpi__reallocarray(NULL, scratch_n, sizeof *scratch);
    double *errors = skpi__reallocarray(NULL, n, sizeof *errors);
    if (scratch == NULL || errors == NULL) {
        skpi__free(scratch);
        skpi__free(errors);
        rc = skpi__nomem();
        goto done;
    }
    size_t from_i = n > window ? n - window : 0;
    double slope = NAN, at = NAN;
    if (skpi__goal_fit(&slope, &at, y, from_i, n, (double)(n - 1)) >= SKPI__GOAL_MIN_POINTS)
        ev->pace_recent = slope;
    int method = c->opts.forecast_method;
    double f = skpi__goal_forecast(method, y, n, window, season, n - 1 + h, scratch);
    if (isnan(f) && method == SKPI_FORECAST_SEASONAL) {
        method = SKPI_FORECAST_LINEAR;
        f = skpi__goal_forecast(method, y, n, window, season, n - 1 + h, scratch);
    }
    if (!isnan(f)) {
        ev->forecast = f;
        ev->forecast_method = method;
        size_t k = skpi__goal_backtest(errors, method, y, n, window, season, h > 0 ? h : 1, scratch);
        ev->backtests = k;
        ev->likelihood = skpi__goal_likelihood(g->direction, errors, k, f, ev->target,
                                               c->opts.min_backtests);
    }
    skpi__free(scratch);
    skpi__free(errors);
done:
    skpi__free(y);
    return rc;
}

static int evaluate(skpi_goal_evaluation *ev, const eval_ctx *c)
{
    const skpi_goal *g = c->g;
    int rc = skpi__goal_baseline(&ev->baseline, g, c->ds, c->cal, c->kind);
    if (rc != SKPI_OK)
        return rc;
    double b = ev->baseline.value;
    ev->target = skpi__goal_resolve(g->target_kind, g->target_value, b);
    char why[384];
    if (skpi__goal_target_problem(why, sizeof why, g, b, ev->target) ||
        skpi__goal_milestone_problem(why, sizeof why, g, c->cal, b, ev->target))
        return skpi__error(SKPI_EINVAL, "goal '%.80s': %s", g->name, why);

    skpi_time t = c->as_of < g->span.end ? c->as_of : g->span.end;
    if ((rc = skpi__goal_value_as_of(&ev->current, &ev->measured_at, g, c->ds, c->cal, c->kind, t)))
        return rc;
    double cur = ev->current.value;
    ev->progress = skpi__goal_progress(g->direction, b, ev->target, cur);
    if (!isnan(b) && !isnan(ev->target) &&
        (rc = expected_progress(&ev->expected, c, b, ev->target, ev->measured_at)) != SKPI_OK)
        return rc;
    bool met = skpi__goal_meets(g->direction, cur, ev->target);
    bool ended = c->as_of >= g->span.end;
    skpi__goal_thresholds th = { c->opts.on_track_gap, c->opts.at_risk_gap };
    ev->status = skpi__goal_status(g->direction, c->as_of >= g->span.start, ended, ev->progress,
                                   ev->expected, met, th);
    if ((rc = skpi__goal_period_ends(&ev->periods_left, c->cal, g->cadence, ev->measured_at,
                                     g->span.end)) != SKPI_OK)
        return rc;
    if (!isnan(cur) && !isnan(ev->target)) {
        if (met)
            ev->pace_needed = 0.0;
        else if (ev->periods_left > 0)
            ev->pace_needed = (ev->target - cur) / (double)ev->periods_left;
    }
    if ((rc = evaluate_milestones(ev, c)) != SKPI_OK)
        return rc;
    if (ended) {
        /* The outcome is known: the value at the deadline decides. */
        ev->forecast = cur;
        if (!isnan(cur) && !isnan(ev->target))
            ev->likelihood = met ? 1.0 : 0.0;
        return SKPI_OK;
    }
    return forecast(ev, c);
}

int skpi_goal_evaluate(skpi_goal_evaluation **out, const skpi_goal *goal, skpi_dataset *ds,
                       const skpi_calendar *cal, skpi_time as_of,
                       const skpi_goal_evaluate_options *opts)
{
    if (out == NULL || goal == NULL || ds == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_evaluate: %s is NULL",
                           out == NULL ? "out" : goal == NULL ? "goal" : "ds");
    eval_ctx c = { goal, ds, cal, SKPI_GOAL_EVALUATE_OPTIONS_INIT, 0, as_of };
    int rc = skpi__goal_options(&c.opts, opts);
    if (rc != SKPI_OK)
        return rc;
    if (as_of <= SKPI_TIME_MIN || as_of >= SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE, "skpi_goal_evaluate: as_of lies outside years 1 to 9999");
    if ((rc = check_complete(goal)) != SKPI_OK)
        return rc;
    if ((rc = skpi__goal_metric_kind(&c.kind, goal, skpi_dataset_catalog(ds))) != SKPI_OK)
        return rc;
    skpi_calendar *own = NULL;
    if (cal == NULL) {
        if ((rc = skpi_calendar_new(&own)) != SKPI_OK)
            return rc;
        c.cal = own;
    }
    skpi_goal_evaluation *ev = skpi__calloc(1, sizeof *ev);
    if (ev == NULL) {
        skpi_calendar_free(own);
        return skpi__nomem();
    }
    ev->as_of = as_of;
    ev->baseline.value = ev->current.value = NAN;
    ev->baseline.availability = ev->current.availability = SKPI_MISSING;
    ev->target = ev->progress = ev->expected = NAN;
    ev->pace_needed = ev->pace_recent = ev->forecast = ev->likelihood = NAN;
    ev->forecast_method = SKPI_FORECAST_NONE;
    rc = evaluate(ev, &c);
    skpi_calendar_free(own);
    if (rc != SKPI_OK) {
        evaluation_free(ev);
        return rc;
    }
    *out = ev;
    return SKPI_OK;
}
