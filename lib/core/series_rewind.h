/* Private: putting back points a series had before some appends, for the
 * dataset's savepoints (lib/dataset/savepoint.c). */
#ifndef SKPI_SERIES_REWIND_H
#define SKPI_SERIES_REWIND_H

#include "socialkpi/series.h"

#include <stdbool.h>
#include <stddef.h>

/* Make the series hold its first `at` points followed by the n points
 * (times, values): how it was before appends whose blocks all started after
 * its point `at - 1`, when (times, values) are its old points from `at` on.
 * An append keeps the points before its block's first time in place
 * (docs/series.md) and never shrinks the arrays, so this needs no
 * allocation and cannot fail when used that way; false (the series
 * untouched) when the arrays are too short for it, which such use never
 * sees. */
bool skpi__series_rewind(skpi_series *s, size_t at, const skpi_time *times, const double *values,
                         size_t n);

#endif
