/* Doubles compared with a tolerance in cmocka tests (cmocka 1.1.5 compares
 * floats only). Include after <cmocka.h>. */
#ifndef SKPI_TEST_DOUBLE_H
#define SKPI_TEST_DOUBLE_H

#include <math.h>

#define assert_double_equal(a, b, eps) assert_close((a), (b), (eps), __FILE__, __LINE__)
static inline void assert_close(double a, double b, double eps, const char *file, int line)
{
    if (!(fabs(a - b) <= eps)) {
        print_error("%.17g != %.17g (tolerance %g)\n", a, b, eps);
        _fail(file, line);
    }
}

#endif
