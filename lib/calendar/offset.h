/* Private: the one reader of UTC offsets (Z, +HH:MM, +HHMM, +HH), behind
 * skpi_utc_offset_parse() and the offsets after a time in
 * skpi_calendar_parse(). */
#ifndef SKPI_CALENDAR_OFFSET_H
#define SKPI_CALENDAR_OFFSET_H

#include <stddef.h>

typedef enum skpi__offset_fault {
    SKPI__OFFSET_OK = 0,
    SKPI__OFFSET_NO_HOURS,   /* two digits of hours missing at `at` */
    SKPI__OFFSET_NO_MINUTES, /* two digits of minutes missing at `at` */
    SKPI__OFFSET_MINUTE,     /* minutes past 59; `at` is where they start */
    SKPI__OFFSET_TOO_FAR     /* more than 18 hours from UTC */
} skpi__offset_fault;

typedef struct skpi__offset_read {
    skpi__offset_fault fault;
    size_t at;    /* bytes read (OK), or where the fault is */
    int sign, hours, minutes;
    int offset;   /* minutes east of UTC, when OK */
} skpi__offset_read;

/* Read an offset at s, which starts with 'Z', '+' or '-'. */
skpi__offset_read skpi__offset_scan(const char *s);

#endif
