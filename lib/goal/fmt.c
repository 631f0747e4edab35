/* Locale-independent formatting of numbers for check reasons and messages. */
#include "goal_math.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

char *skpi__goal_fmt(char buf[SKPI__GOAL_NUM_SIZE], double x)
{
    if (isnan(x)) {
        strcpy(buf, "n/a");
        return buf;
    }
    if (isinf(x)) {
        strcpy(buf, x > 0 ? "inf" : "-inf");
        return buf;
    }
    double a = fabs(x);
    /* Integers never carry a locale's decimal point or grouping, so the
     * number is printed as whole part and fraction digits. */
    if (a >= 1e37) {
        /* Too many digits for the buffer: six significant digits and an
         * exponent, as %g would write them, built from integers so that no
         * locale's decimal point appears. */
        int e = (int)floor(log10(a));
        double m = a / pow(10.0, e);
        if (m >= 10.0) {
            m /= 10.0;
            e++;
        } else if (m < 1.0) {
            m *= 10.0;
            e--;
        }
        long long d = llround(m * 1e5); /* 100000 .. 1000000 */
        if (d >= 1000000) {
            d /= 10;
            e++;
        }
        long long whole = d / 100000, frac = d % 100000;
        int digits = 5;
        while (frac != 0 && frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        if (frac == 0)
            snprintf(buf, SKPI__GOAL_NUM_SIZE, "%s%llde+%d", x < 0 ? "-" : "", whole, e);
        else
            snprintf(buf, SKPI__GOAL_NUM_SIZE, "%s%lld.%0*llde+%d", x < 0 ? "-" : "", whole,
                     digits, frac, e);
        return buf;
    }
    if (a >= 1e15) {
        /* at most 37 digits and a sign: the buffer holds them all */
        snprintf(buf, SKPI__GOAL_NUM_SIZE, "%.0f", x);
        return buf;
    }
    int decimals = a >= 1.0 ? 2 : 4;
    long long scale = decimals == 2 ? 100 : 10000;
    long long v = llround(a * (double)scale);
    long long whole = v / scale, frac = v % scale;
    const char *sign = (x < 0 && v != 0) ? "-" : "";
    if (frac == 0) {
        snprintf(buf, SKPI__GOAL_NUM_SIZE, "%s%lld", sign, whole);
        return buf;
    }
    while (frac % 10 == 0) {
        frac /= 10;
        decimals--;
    }
    snprintf(buf, SKPI__GOAL_NUM_SIZE, "%s%lld.%0*lld", sign, whole, decimals, frac);
    return buf;
}
