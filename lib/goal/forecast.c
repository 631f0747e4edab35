/* Forecasts of per-period values (least squares, seasonal differences), their
 * backtests and the likelihood of meeting a target drawn from them. */
#include "goal_math.h"
#include "socialkpi/calendar.h"
#include "socialkpi/goal.h"

#include <math.h>

size_t skpi__goal_fit(double *slope, double *value_at, const double *y, size_t from, size_t to,
                      double at)
{
    /* Two passes around the means keep the sums well conditioned for
     * large indices and large values. */
    size_t m = 0;
    double sx = 0.0, sy = 0.0;
    for (size_t i = from; i < to; i++) {
        if (isnan(y[i]))
            continue;
        m++;
        sx += (double)i;
        sy += y[i];
    }
    if (m < 2)
        return m;
    double mx = sx / (double)m, my = sy / (double)m;
    double sxx = 0.0, sxy = 0.0;
    for (size_t i = from; i < to; i++) {
        if (isnan(y[i]))
            continue;
        double dx = (double)i - mx;
        sxx += dx * dx;
        sxy += dx * (y[i] - my);
    }
    if (sxx == 0.0)
        return m;
    double b = sxy / sxx;
    *slope = b;
    *value_at = my + b * (at - mx);
    return m;
}

size_t skpi__goal_season(int cadence)
{
    switch (cadence) {
    case SKPI_CADENCE_DAY: return 7;
    case SKPI_CADENCE_WEEK: return 52;
    case SKPI_CADENCE_MONTH: return 12;
    case SKPI_CADENCE_QUARTER: return 4;
    default: return 0;
    }
}

static double forecast_linear(const double *y, size_t n, size_t window, size_t target)
{
    size_t from = n > window ? n - window : 0;
    double slope = NAN, value = NAN;
    if (skpi__goal_fit(&slope, &value, y, from, n, (double)target) < SKPI__GOAL_MIN_POINTS)
        return NAN;
    return value;
}

static double forecast_seasonal(const double *y, size_t n, size_t window, size_t season,
                                size_t target, double *scratch)
{
    if (season == 0 || n <= season)
        return NAN;
    size_t span = window > season ? window : season;
    size_t from = n > span ? n - span : 0;
    if (from < season)
        from = season;
    size_t m = 0;
    for (size_t i = from; i < n; i++)
        if (!isnan(y[i]) && !isnan(y[i - season]))
            scratch[m++] = y[i] - y[i - season];
    if (m < SKPI__GOAL_MIN_POINTS)
        return NAN;
    double d = skpi__goal_median(scratch, m);
    size_t h = target - (n - 1);
    size_t k = h == 0 ? 0 : (h + season - 1) / season;
    double base = y[target - k * season];
    if (isnan(base))
        return NAN;
    return base + (double)k * d;
}

double skpi__goal_forecast(int method, const double *y, size_t n, size_t window, size_t season,
                           size_t target, double *scratch)
{
    if (n == 0 || target + 1 < n)
        return NAN;
    if (method == SKPI_FORECAST_SEASONAL)
        return forecast_seasonal(y, n, window, season, target, scratch);
    return forecast_linear(y, n, window, target);
}

size_t skpi__goal_backtest(double *errors, int method, const double *y, size_t n, size_t window,
                           size_t season, size_t horizon, double *scratch)
{
    size_t count = 0;
    for (size_t c = 1; c - 1 + horizon < n; c++) {
        size_t at = c - 1 + horizon;
        if (isnan(y[at]))
            continue;
        double f = skpi__goal_forecast(method, y, c, window, season, at, scratch);
        if (isnan(f) || f == 0.0)
            continue;
        errors[count++] = (y[at] - f) / fabs(f);
    }
    return count;
}

double skpi__goal_likelihood(int direction, const double *errors, size_t n, double forecast,
                             double target, size_t min_backtests)
{
    if (n < min_backtests || n == 0 || isnan(forecast) || isnan(target))
        return NAN;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (skpi__goal_meets(direction, forecast + errors[i] * fabs(forecast), target))
            k++;
    return ((double)k + 1.0) / ((double)n + 2.0);
}
