/* Growth the history shows over windows of a given length (the Achievable check). */
#include "goal_math.h"

#include <math.h>
#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double skpi__goal_median(double *a, size_t n)
{
    if (n == 0)
        return NAN;
    qsort(a, n, sizeof *a, cmp_double);
    if (n % 2 == 1)
        return a[n / 2];
    return (a[n / 2 - 1] + a[n / 2]) / 2.0;
}

size_t skpi__goal_window_rates(double *median, double *best, const double *y, size_t n,
                               size_t len, double sign, double *scratch)
{
    size_t count = 0;
    double top = NAN;
    if (len > 0) {
        for (size_t i = 0; i + len < n; i++) {
            if (isnan(y[i]) || isnan(y[i + len]))
                continue;
            double r = sign * (y[i + len] - y[i]) / (double)len;
            scratch[count++] = r;
            if (isnan(top) || r > top)
                top = r;
        }
    }
    *best = top;
    *median = skpi__goal_median(scratch, count);
    return count;
}
