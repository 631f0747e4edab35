/* Robust statistics for spot checks: median and median absolute deviation. */
#include "report/report_internal.h"

#include <math.h>
#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double skpi__median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

bool skpi__spot_check(double x, const double *history, size_t n, double sensitivity, double min_change,
                      double *median, double *z, double *tmp)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(history[i])) tmp[k++] = history[i];
    *median = NAN;
    *z = NAN;
    if (k < 5 || !isfinite(x)) return false;
    double m = skpi__median(tmp, k);
    *median = m;
    for (size_t i = 0; i < k; i++) tmp[i] = fabs(tmp[i] - m);
    double mad = skpi__median(tmp, k);
    /* Iglewicz and Hoaglin: 0.6745 makes MAD estimate the standard deviation
     * of normal data. When more than half the history is equal the MAD is 0;
     * the mean absolute deviation (scaled by sqrt(pi/2) = 1.2533 to the same
     * footing) stands in for it. */
    double scale;
    if (mad > 0) {
        scale = mad / 0.6745;
    } else {
        double sum = 0;
        for (size_t i = 0; i < k; i++) sum += tmp[i];
        double meanad = sum / (double)k;
        scale = meanad * 1.2533;
    }
    if (scale > 0) {
        *z = (x - m) / scale;
    } else {
        *z = x == m ? 0.0 : (x > m ? INFINITY : -INFINITY);
    }
    return fabs(*z) > sensitivity && fabs(x - m) >= min_change / 100.0 * fabs(m);
}
