/* Tests of the chart value axis: which ticks a range gets, and that each
 * tick's label is the exact value of its gridline. Expected values are
 * worked out by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/number.h"
#include "render/axis.h"

static void assert_axis(double lo, double hi, bool zero, double want_lo, double want_hi, double want_step)
{
    skpi__axis a = skpi__axis_nice(lo, hi, zero);
    if (fabs(a.lo - want_lo) > 1e-9 * fmax(1, fabs(want_lo)) || fabs(a.hi - want_hi) > 1e-9 * fmax(1, fabs(want_hi)) ||
        fabs(a.step - want_step) > 1e-12 * fmax(1, want_step))
        fail_msg("[%g, %g]: got %g..%g by %g, want %g..%g by %g", lo, hi, a.lo, a.hi, a.step, want_lo,
                 want_hi, want_step);
}

static void ticks_come_from_nice_steps(void **state)
{
    (void)state;
    /* Followers 16,583..25,592: a quarter of the range is 2,252.25; the
     * nice steps around it are 2,000 and 2,500: 2,500 is the smallest not
     * below it. 16,583 / 2,500 = 6.6 -> 15,000; 25,592 / 2,500 = 10.2 -> 27,500. */
    assert_axis(16583, 25592, false, 15000, 27500, 2500);
    /* Reach 68,013..115,557: 47,544 / 4 = 11,886 -> 20,000 (2 x 10^4);
     * 68,013 -> 60,000 and 115,557 -> 120,000. */
    assert_axis(68013, 115557, false, 60000, 120000, 20000);
    /* Engagements 3,360..6,259: 2,899 / 4 = 724.75 -> 1,000; 3,000..7,000. */
    assert_axis(3360, 6259, false, 3000, 7000, 1000);
    /* Percent bars 36.34..100 from zero: 100 / 4 = 25 is nice itself. */
    assert_axis(36.34, 100, true, 0, 100, 25);
    /* A rate 1.11..1.29: 0.18 / 4 = 0.045 -> 0.05; 1.10..1.30 (1.11 / 0.05 = 22.2). */
    assert_axis(1.11, 1.29, false, 1.1, 1.3, 0.05);
    /* Exactly on multiples: 0..40 by 10 gets no extra gridline. */
    assert_axis(0, 40, false, 0, 40, 10);
    /* Negative changes -30..+12 from zero: 42 / 4 = 10.5 -> 20; -40..20. */
    assert_axis(-30, 12, true, -40, 20, 20);
    /* One value 500: padded by 10 % to 450..550, 100 / 4 = 25; 450..550. */
    assert_axis(500, 500, false, 450, 550, 25);
    /* No values at all: 0..1 by 0.25. */
    assert_axis(INFINITY, -INFINITY, false, 0, 1, 0.25);
    skpi__axis f = skpi__axis_fixed(0, 1);
    assert_true(f.lo == 0 && f.hi == 1 && f.step == 0.25);
    assert_int_equal(skpi__axis_ticks(&f), 4);
    skpi__axis w = skpi__axis_nice(16583, 25592, false);
    assert_int_equal(skpi__axis_ticks(&w), 5); /* 15k, 17.5k, ..., 27.5k: 6 gridlines */
}

static void label(double v, int unit, double step, const char *want)
{
    skpi__numfmt nf = { ",", "EUR", NULL, NULL };
    char buf[64];
    skpi__fmt_axis(buf, sizeof buf, &nf, v, unit, step);
    if (strcmp(buf, want) != 0) fail_msg("%g by %g: got '%s', want '%s'", v, step, buf, want);
}

static void labels_are_exact(void **state)
{
    (void)state;
    /* Every gridline of 15,000..27,500 by 2,500, in thousands with the one
     * decimal 2.5 needs; before the fix 17,500 read "18k". */
    label(15000, SKPI_UNIT_COUNT, 2500, "15.0k");
    label(17500, SKPI_UNIT_COUNT, 2500, "17.5k");
    label(22500, SKPI_UNIT_COUNT, 2500, "22.5k");
    label(27500, SKPI_UNIT_COUNT, 2500, "27.5k");
    /* Whole thousands by 20,000: no decimals. */
    label(120000, SKPI_UNIT_COUNT, 20000, "120k");
    /* Millions by 250,000: two decimals (0.25M). */
    label(1250000, SKPI_UNIT_COUNT, 250000, "1.25M");
    label(2000000, SKPI_UNIT_COUNT, 250000, "2.00M");
    /* Zero is written as 0 whatever the step. */
    label(0, SKPI_UNIT_COUNT, 2500, "0");
    label(0, SKPI_UNIT_PERCENT, 25, "0%");
    /* Percent by 0.05: two decimals, 1.15% not 1.2%. */
    label(1.15, SKPI_UNIT_PERCENT, 0.05, "1.15%");
    label(75, SKPI_UNIT_PERCENT, 25, "75%");
    /* Scores by 0.25. */
    label(0.5, SKPI_UNIT_RATIO, 0.25, "0.50");
    /* Small counts stay whole: 450 by 25. */
    label(450, SKPI_UNIT_COUNT, 25, "450");
    /* Counts in thousands by 500 with a value under 1,000 are written whole. */
    label(500, SKPI_UNIT_COUNT, 500, "500");
    label(1500, SKPI_UNIT_COUNT, 500, "1.5k");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ticks_come_from_nice_steps),
        cmocka_unit_test(labels_are_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
