/* Private: the frame in which an import counts days (the reports' calendar
 * zone, or a fixed UTC offset) and the zone in which a file writes times
 * without an offset. Never installed. */
#ifndef SKPI_IMPORT_DAYS_H
#define SKPI_IMPORT_DAYS_H

#include "socialkpi/calendar.h"

#include <stdint.h>

typedef struct skpi__days {
    int32_t offset_s;          /* seconds east of UTC, when cal is NULL */
    const skpi_calendar *cal;  /* the reports' calendar (borrowed), or NULL */
} skpi__days;

/* The local day number (days since 1970-01-01) of instant t. */
int64_t skpi__days_index(const skpi__days *f, skpi_time t);
/* The instant local day `day` starts at: its midnight, or the first instant
 * of the day where the zone skips midnight. */
skpi_time skpi__days_start(const skpi__days *f, int64_t day);

/* A local time written without an offset (seconds as if it were UTC) read
 * in zone `src` (a calendar holding an IANA zone): the instant it names. A
 * repeated time is its first occurrence; a skipped time takes the offset
 * in force before the change (02:30 on the spring-forward night in Los
 * Angeles is 10:30 UTC). */
skpi_time skpi__zone_local(const skpi_calendar *src, skpi_time local);

/* The IANA zone a preset's platform writes its times in (docs/import.md). */
const char *skpi__preset_zone(int preset);

#endif
