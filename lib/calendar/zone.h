/* Private: an IANA time zone as a table of UTC offsets, read from ICU once
 * when a calendar is given the zone. Pure data afterwards, so a calendar
 * stays read-only and any number of threads may read it; no ICU object
 * outlives skpi__zone_open(). Never installed. */
#ifndef SKPI_CALENDAR_ZONE_H
#define SKPI_CALENDAR_ZONE_H

#include "socialkpi/common.h"

#include <stddef.h>
#include <stdint.h>

/* Longest zone name accepted, NUL excluded (the longest IANA name has 32). */
#define SKPI__ZONE_NAME_MAX 64

typedef struct skpi__zone {
    char name[SKPI__ZONE_NAME_MAX + 1]; /* as the user wrote it, e.g. "US/Pacific" */
    int32_t first_offset; /* seconds east of UTC before the first change */
    size_t count;         /* changes of the total offset in the table */
    skpi_time *at;        /* instants of the changes, ascending */
    int32_t *offset;      /* offset[i] is in force from at[i] until at[i + 1] */
} skpi__zone;

/* The zone named `name` (an IANA name or an alias ICU knows, "UTC" too).
 * SKPI_EINVAL (unknown or not an IANA name: the message names it and says
 * what to do), SKPI_ENOMEM. `what` starts messages. */
int skpi__zone_open(skpi__zone **out, const char *name, const char *what);
int skpi__zone_clone(skpi__zone **out, const skpi__zone *z);
void skpi__zone_free(skpi__zone *z);

/* Seconds east of UTC in force at instant t (any t of years 1..9999). */
int32_t skpi__zone_offset_at(const skpi__zone *z, skpi_time t);

/* The same, with the span [*from, *until) around t in which that offset
 * holds (INT64_MIN and INT64_MAX at the ends of time). */
int32_t skpi__zone_offset_span(const skpi__zone *z, skpi_time t, skpi_time *from,
                               skpi_time *until);

/* The first change of offset strictly after t, or INT64_MAX when none. */
skpi_time skpi__zone_next_change(const skpi__zone *z, skpi_time t);

#endif
