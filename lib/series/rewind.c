/* Undoing appends: a series takes back the points it had before them (the
 * dataset's savepoints use it on rollback). */
#include "series/series_internal.h"
#include "core/series_rewind.h"

#include <string.h>

bool skpi__series_rewind(skpi_series *s, size_t at, const skpi_time *times, const double *values,
                         size_t n)
{
    if (at > s->length || n > s->capacity || at > s->capacity - n) return false;
    if (n > 0) {
        memcpy(s->times + at, times, n * sizeof *times);
        memcpy(s->values + at, values, n * sizeof *values);
    }
    s->length = at + n;
    return true;
}
