/* The value axis of a chart: a range and a tick step from "nice" steps. */
#include "render/axis.h"

#include <math.h>

/* The smallest 1, 2, 2.5 or 5 times a power of ten that is at least x. */
static double nice_step(double x)
{
    double p = pow(10.0, floor(log10(x)));
    double f = x / p;
    /* f sits in [1, 10); 1e-9 keeps 0.3 / 0.1 from reading as above 3 */
    double nf = f <= 1.0 + 1e-9 ? 1.0 : f <= 2.0 + 1e-9 ? 2.0 : f <= 2.5 + 1e-9 ? 2.5
              : f <= 5.0 + 1e-9 ? 5.0 : 10.0;
    return nf * p;
}

skpi__axis skpi__axis_fixed(double lo, double hi)
{
    skpi__axis a = { lo, hi, nice_step((hi - lo) / 4.0) };
    return a;
}

skpi__axis skpi__axis_nice(double lo, double hi, bool from_zero)
{
    skpi__axis a;
    if (lo > hi) { lo = 0; hi = 1; }
    if (from_zero) { lo = fmin(lo, 0.0); hi = fmax(hi, 0.0); }
    if (hi == lo) {
        double pad = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1.0;
        if (lo != 0 || !from_zero) lo -= pad;
        hi += pad;
    }
    a.step = nice_step((hi - lo) / 4.0);
    /* a value a rounding error past a multiple does not add a gridline */
    a.lo = floor(lo / a.step + 1e-9) * a.step;
    a.hi = ceil(hi / a.step - 1e-9) * a.step;
    if (a.hi <= a.lo) a.hi = a.lo + a.step;
    return a;
}

int skpi__axis_ticks(const skpi__axis *a)
{
    int ticks = (int)floor((a->hi - a->lo) / a->step + 0.5);
    return ticks > 20 ? 20 : ticks;
}
