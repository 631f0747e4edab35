/* Private: accurate, fast sum of the present (non-NaN) values of an array. */
#ifndef SKPI_SERIES_SUM_H
#define SKPI_SERIES_SUM_H

#include <stddef.h>

/*
 * Sum of the non-NaN values of x[0..n); *present receives how many there
 * were; n may be 0 (result 0, present 0).
 *
 * Every variant adds in the same order (16 lanes, blocks of 256 summed as
 * a tree per lane, compensated folding; docs/series.md), so all give the
 * same bits. The error is at most gamma_4 * sum(|x|) plus one rounding of
 * the result: never worse than pairwise summation's bound.
 *
 * *mode carries a hint from call to call: start it at 0 and pass the same
 * int for neighbouring ranges (the periods of a rollup). It says how many
 * more blocks to read the way that suits data with missing values, and
 * changes the speed only, never the result.
 */
typedef double (*skpi__sum_fn)(const double *x, size_t n, size_t *present, int *mode);

/* The fastest variant this processor runs; cheap, call once per operation. */
skpi__sum_fn skpi__sum_select(void);

/* Variants by number, for tests that compare them: 0 portable, 1 AVX2.
 * NULL when not built in or not supported by this processor. */
skpi__sum_fn skpi__sum_variant(int which);

#endif
