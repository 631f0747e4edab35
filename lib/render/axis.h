/* The value axis of a chart: a range and a tick step from "nice" steps. */
#ifndef SKPI_RENDER_AXIS_H
#define SKPI_RENDER_AXIS_H

#include <stdbool.h>

typedef struct skpi__axis {
    double lo, hi, step; /* lo and hi are multiples of step */
} skpi__axis;

/* The axis over values from lo to hi (lo > hi: no values): the step is the
 * smallest of 1, 2, 2.5 and 5 times a power of ten that is at least a
 * quarter of the range, and the ends are the multiples of it around the
 * values. from_zero: the axis takes in 0 (bars, whose length is the value). */
skpi__axis skpi__axis_nice(double lo, double hi, bool from_zero);
/* A fixed range (a score from 0 to 1) with a nice step of about a quarter. */
skpi__axis skpi__axis_fixed(double lo, double hi);
/* The number of gridlines past the first (at most 20). */
int skpi__axis_ticks(const skpi__axis *a);

#endif
