/* Scoring curves: checking custom points, evaluating a piecewise-linear
 * curve, and an objective's own curve. */
#include "okr/okr_internal.h"

#include <math.h>
#include <string.h>

int skpi__okr_curve_check(const double *x, const double *y, size_t n, const char *what)
{
    if (x == NULL || y == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: the curve's x or y array is NULL", what);
    if (n < 2 || n > SKPI__OKR_MAX_CURVE)
        return skpi__error(SKPI_ERANGE, "%s: a curve needs 2 to %d points, not %zu",
                           what, SKPI__OKR_MAX_CURVE, n);
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return skpi__error(SKPI_EINVAL, "%s: curve point %zu is not a finite number", what, i);
        if (y[i] < 0.0 || y[i] > 1.0)
            return skpi__error(SKPI_ERANGE, "%s: curve point %zu has score %g; scores run from 0 to 1",
                               what, i, y[i]);
        if (i > 0 && !(x[i] > x[i - 1]))
            return skpi__error(SKPI_EINVAL, "%s: curve point %zu has achievement %g, not above the "
                               "previous point's %g; achievements must strictly increase",
                               what, i, x[i], x[i - 1]);
        if (i > 0 && y[i] < y[i - 1])
            return skpi__error(SKPI_EINVAL, "%s: curve point %zu has score %g, below the previous "
                               "point's %g; more achievement must never score less",
                               what, i, y[i], y[i - 1]);
    }
    return SKPI_OK;
}

double skpi__okr_curve_eval(const double *x, const double *y, size_t n, double a)
{
    if (a <= x[0]) return y[0];
    if (a >= x[n - 1]) return y[n - 1];
    size_t i = 1;
    while (a > x[i]) i++;
    /* x[i-1] < a <= x[i]; written so that the line through (0,0) and (1,1)
     * returns a itself, bit for bit. */
    return y[i - 1] + (y[i] - y[i - 1]) * ((a - x[i - 1]) / (x[i] - x[i - 1]));
}

int skpi_objective_set_curve(skpi_objective *obj, int curve)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_curve: obj is NULL");
    if (curve != SKPI_OKR_CURVE_LINEAR && curve != SKPI_OKR_CURVE_STRETCH &&
        curve != SKPI_OKR_CURVE_THREE_LEVEL)
        return skpi__error(SKPI_EINVAL, "skpi_objective_set_curve: curve %d is not a preset (1 linear, "
                           "2 stretch, 3 three-level); set custom points with "
                           "skpi_objective_set_curve_points()", curve);
    obj->curve = curve;
    obj->curve_n = 0;
    return SKPI_OK;
}

int skpi_objective_set_curve_points(skpi_objective *obj, const double *x, const double *y, size_t n)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_curve_points: obj is NULL");
    int rc = skpi__okr_curve_check(x, y, n, "skpi_objective_set_curve_points");
    if (rc != SKPI_OK) return rc;
    memcpy(obj->curve_x, x, n * sizeof *x);
    memcpy(obj->curve_y, y, n * sizeof *y);
    obj->curve_n = n;
    obj->curve = SKPI_OKR_CURVE_CUSTOM;
    return SKPI_OK;
}

int skpi_objective_curve(const skpi_objective *obj)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_curve: obj is NULL");
    return obj->curve;
}

size_t skpi_objective_curve_point_count(const skpi_objective *obj)
{
    return obj != NULL && obj->curve == SKPI_OKR_CURVE_CUSTOM ? obj->curve_n : 0;
}

int skpi_objective_curve_point(double *x, double *y, const skpi_objective *obj, size_t index)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_curve_point: obj is NULL");
    size_t n = skpi_objective_curve_point_count(obj);
    if (index >= n)
        return skpi__error(SKPI_ERANGE, "skpi_objective_curve_point: index %zu is out of range "
                           "(the curve has %zu custom points)", index, n);
    if (x != NULL) *x = obj->curve_x[index];
    if (y != NULL) *y = obj->curve_y[index];
    return SKPI_OK;
}
