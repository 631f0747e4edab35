/* Ordinary least squares of weekly results on weekly hours, and the
 * Student t quantile its confidence interval needs. */
#include "effort/effort_internal.h"

#include <math.h>

/* Continued fraction of the regularized incomplete beta function (modified
 * Lentz), as in Numerical Recipes' betacf. */
static double beta_cf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double qab = a + b, qap = a + 1.0, qam = a - 1.0;
    double c = 1.0, d = 1.0 - qab * x / qap;
    if (fabs(d) < tiny) d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 300; m++) {
        int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1.0) < 1e-15) break;
    }
    return h;
}

/* I_x(a, b), the regularized incomplete beta function. */
static double beta_inc(double a, double b, double x)
{
    if (x <= 0.0) return 0.0;
    if (x >= 1.0) return 1.0;
    double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_cf(a, b, x) / a;
    return 1.0 - front * beta_cf(b, a, 1.0 - x) / b;
}

/* P(T <= t) for t >= 0. */
static double t_cdf_upper_half(double t, double df)
{
    return 1.0 - 0.5 * beta_inc(df / 2.0, 0.5, df / (df + t * t));
}

double skpi__t_quantile(double p, double df)
{
    if (p == 0.5) return 0.0;
    if (p < 0.5) return -skpi__t_quantile(1.0 - p, df);
    double lo = 0.0, hi = 1.0;
    while (t_cdf_upper_half(hi, df) < p && hi < 1e12) hi *= 2.0;
    for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
        double mid = 0.5 * (lo + hi);
        if (t_cdf_upper_half(mid, df) < p) lo = mid;
        else hi = mid;
    }
    return 0.5 * (lo + hi);
}

bool skpi__ols_slope(const double *x, const double *y, size_t n, double confidence,
                     double *slope, double *half_width)
{
    if (n < 3) return false;
    double mx = 0.0, my = 0.0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= (double)n;
    my /= (double)n;
    double sxx = 0.0, sxy = 0.0;
    for (size_t i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    if (!(sxx > 0.0)) return false;
    double b = sxy / sxx, a = my - b * mx, ssr = 0.0;
    for (size_t i = 0; i < n; i++) {
        double r = y[i] - a - b * x[i];
        ssr += r * r;
    }
    double se = sqrt(ssr / (double)(n - 2) / sxx);
    *slope = b;
    *half_width = skpi__t_quantile(0.5 + confidence / 2.0, (double)(n - 2)) * se;
    return true;
}
