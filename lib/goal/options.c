/* Options of skpi_goal_evaluate(): defaults, initialisation and validation. */
#include "goal/goal_internal.h"

#include <math.h>
#include <string.h>

int skpi_goal_evaluate_options_init(skpi_goal_evaluate_options *opts, unsigned version)
{
    if (opts == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_goal_evaluate_options_init: opts is NULL");
    if (version != SKPI_GOAL_EVALUATE_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION,
                           "skpi_goal_evaluate_options_init: version %u is unknown (this library knows %d)",
                           version, SKPI_GOAL_EVALUATE_OPTIONS_VERSION);
    const skpi_goal_evaluate_options d = SKPI_GOAL_EVALUATE_OPTIONS_INIT;
    /* Padding cleared too, so that two initialised structs compare equal. */
    memset(opts, 0, sizeof *opts);
    opts->version = d.version;
    opts->on_track_gap = d.on_track_gap;
    opts->at_risk_gap = d.at_risk_gap;
    opts->forecast_window = d.forecast_window;
    opts->forecast_method = d.forecast_method;
    opts->min_backtests = d.min_backtests;
    return SKPI_OK;
}

int skpi__goal_options(skpi_goal_evaluate_options *out, const skpi_goal_evaluate_options *in)
{
    skpi_goal_evaluate_options d = SKPI_GOAL_EVALUATE_OPTIONS_INIT;
    *out = d;
    if (in == NULL)
        return SKPI_OK;
    if (in->version != SKPI_GOAL_EVALUATE_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION,
                           "skpi_goal_evaluate: options version %u is unknown (this library knows %d)",
                           in->version, SKPI_GOAL_EVALUATE_OPTIONS_VERSION);
    if (!isfinite(in->on_track_gap) || in->on_track_gap < 0.0)
        return skpi__error(SKPI_EINVAL,
                           "skpi_goal_evaluate: options.on_track_gap must be a number >= 0");
    if (!isfinite(in->at_risk_gap) || in->at_risk_gap < in->on_track_gap)
        return skpi__error(SKPI_EINVAL,
                           "skpi_goal_evaluate: options.at_risk_gap must be a number >= on_track_gap");
    if (in->forecast_window < SKPI__GOAL_MIN_POINTS)
        return skpi__error(SKPI_EINVAL, "skpi_goal_evaluate: options.forecast_window must be at least %d",
                           SKPI__GOAL_MIN_POINTS);
    if (in->forecast_method != SKPI_FORECAST_LINEAR && in->forecast_method != SKPI_FORECAST_SEASONAL)
        return skpi__error(SKPI_EINVAL,
                           "skpi_goal_evaluate: options.forecast_method %d is not LINEAR (0) or SEASONAL (1)",
                           in->forecast_method);
    if (in->min_backtests < 1)
        return skpi__error(SKPI_EINVAL, "skpi_goal_evaluate: options.min_backtests must be at least 1");
    *out = *in;
    return SKPI_OK;
}
