/* Private calendar internals: the handle's layout and inline period
 * arithmetic, shared by lib/calendar and by the series rollups, which bucket
 * many times by period. Civil-date arithmetic is in core/civil.h. Never
 * installed. */
#ifndef SKPI_CALENDAR_CIVIL_H
#define SKPI_CALENDAR_CIVIL_H

#include "socialkpi/calendar.h"
#include "calendar/zone.h"
#include "core/civil.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The handle. Read-only once set up, so any number of threads may read it. */
struct skpi_calendar {
    int32_t offset_s;   /* UTC offset in seconds east, a multiple of 60, at most 18 h either way */
    int32_t week_start; /* ISO weekday 1 (Monday) .. 7 (Sunday) */
    int32_t fiscal_start; /* first month of the fiscal year, 1 .. 12 */
    int32_t skipped;    /* skpi_local_time rule for local times a zone skips */
    int32_t repeated;   /* ... and for those it shows twice */
    skpi__zone *zone;   /* an IANA zone, owned; NULL: the fixed offset_s */
};

/* Largest |n| a shift may use: no two periods in years 1..9999 are further
 * apart than 3.7 million days, and checking first keeps index + n free of
 * overflow. */
#define SKPI__SHIFT_LIMIT INT64_C(8000000)

static inline bool skpi__cadence_valid(int cadence)
{
    return cadence >= SKPI_CADENCE_DAY && cadence <= SKPI_CADENCE_YEAR;
}

/* local.c: the instants local time `local` (seconds from 1970-01-01 on the
 * wall clock) names in zone z: returns 1 (one, *earlier == *later), 2 (the
 * fall-back hour: both) or 0 (a gap: the readings with the offsets before
 * and after the change, neither of which shows that wall time). */
int skpi__zone_readings(const skpi__zone *z, skpi_time local, skpi_time *earlier,
                        skpi_time *later);
/* The first instant of local day `day`: its earliest midnight, or the end of
 * the gap when midnight is skipped. */
skpi_time skpi__zone_day_start(const skpi__zone *z, int64_t day);
/* The local day whose [start, next start) holds t. */
int64_t skpi__zone_day_of(const skpi__zone *z, skpi_time t);

/* Seconds east of UTC in force at t. */
static inline int32_t skpi__offset_at(const skpi_calendar *cal, skpi_time t)
{
    return cal->zone ? skpi__zone_offset_at(cal->zone, t) : cal->offset_s;
}

/* Local day number (days from 1970-01-01 in the calendar's zone) of t: the
 * day whose bounds hold t. */
static inline int64_t skpi__local_day(const skpi_calendar *cal, skpi_time t)
{
    if (cal->zone) return skpi__zone_day_of(cal->zone, t);
    return skpi__floor_div(t + cal->offset_s, SKPI__DAY_SECONDS);
}

/* UTC start of local day number `day`; in an IANA zone one zone look-up
 * (a binary search), days being 23 or 25 hours long across a change. */
static inline skpi_time skpi__day_start(const skpi_calendar *cal, int64_t day)
{
    if (cal->zone) return skpi__zone_day_start(cal->zone, day);
    return day * SKPI__DAY_SECONDS - cal->offset_s;
}

/* Month number y * 12 + (m - 1) of the local date of t. */
static inline int64_t skpi__local_month(const skpi_calendar *cal, skpi_time t)
{
    int64_t y;
    int m, d;
    skpi__civil_from_days(skpi__local_day(cal, t), &y, &m, &d);
    return y * 12 + (m - 1);
}

/*
 * Period numbers: consecutive periods of a cadence carry consecutive
 * integers, so "n periods later" is index + n and the number of periods
 * between two times is a subtraction.
 *   day     local days since 1970-01-01
 *   week    floor((day + 4 - week_start) / 7): 1970-01-01 is a Thursday (4)
 *   month   year * 12 + month - 1
 *   quarter floor((month number - (fiscal_start - 1)) / 3)
 *   year    floor((month number - (fiscal_start - 1)) / 12): the calendar
 *           year in which the fiscal year starts
 * cadence must be valid (skpi__cadence_valid) and t within a few days of
 * years 1..9999; nothing is checked.
 */
static inline int64_t skpi__period_index(const skpi_calendar *cal, int cadence, skpi_time t)
{
    switch (cadence) {
    case SKPI_CADENCE_WEEK:
        return skpi__floor_div(skpi__local_day(cal, t) + 4 - cal->week_start, 7);
    case SKPI_CADENCE_MONTH:
        return skpi__local_month(cal, t);
    case SKPI_CADENCE_QUARTER:
        return skpi__floor_div(skpi__local_month(cal, t) - (cal->fiscal_start - 1), 3);
    case SKPI_CADENCE_YEAR:
        return skpi__floor_div(skpi__local_month(cal, t) - (cal->fiscal_start - 1), 12);
    default:
        return skpi__local_day(cal, t);
    }
}

/* UTC start of local month number mi. */
static inline skpi_time skpi__month_start(const skpi_calendar *cal, int64_t mi)
{
    int64_t y = skpi__floor_div(mi, 12);
    int m = (int)(mi - y * 12) + 1;
    return skpi__day_start(cal, skpi__days_from_civil(y, m, 1));
}

/* UTC start of the period numbered `index` (inverse of skpi__period_index).
 * |index| must stay below a few times 10^7; nothing is checked. */
static inline skpi_time skpi__period_index_start(const skpi_calendar *cal, int cadence, int64_t index)
{
    switch (cadence) {
    case SKPI_CADENCE_WEEK:
        return skpi__day_start(cal, index * 7 + cal->week_start - 4);
    case SKPI_CADENCE_MONTH:
        return skpi__month_start(cal, index);
    case SKPI_CADENCE_QUARTER:
        return skpi__month_start(cal, index * 3 + (cal->fiscal_start - 1));
    case SKPI_CADENCE_YEAR:
        return skpi__month_start(cal, index * 12 + (cal->fiscal_start - 1));
    default:
        return skpi__day_start(cal, index);
    }
}

/* Day number of the first of month number mi (year * 12 + month - 1), given
 * 1 January (day jan1) of a year y no more than one year away from it: this
 * avoids a full days_from_civil for the boundaries near a known date. */
static inline int64_t skpi__month_start_near(int64_t y, int64_t jan1, int64_t mi)
{
    int64_t ty = skpi__floor_div(mi, 12);
    if (ty < y) jan1 -= 365 + skpi__is_leap(ty);
    else if (ty > y) jan1 += 365 + skpi__is_leap(y);
    return jan1 + skpi__days_before_month(ty, (int)(mi - ty * 12) + 1);
}

/*
 * The UTC start of the period of `cadence` that contains t, and the start of
 * the next period (the end of this one). Days and weeks cost a floor
 * division; months, quarters and years one civil_from_days and a table
 * look-up per boundary, all integer arithmetic; an IANA zone adds one zone
 * look-up per boundary.
 * Unchecked: cadence must be valid and t in [SKPI_TIME_MIN, SKPI_TIME_END);
 * the period may then reach up to a year outside that range, which
 * skpi__period_in_range() tells. Use skpi__period_checked() for a checked
 * call that sets the error message. Over sorted times, call it only when a
 * time reaches *next: one call per period, not per time.
 */
static inline void skpi__period_bounds(const skpi_calendar *cal, int cadence, skpi_time t,
                                       skpi_time *start, skpi_time *next)
{
    if (cadence == SKPI_CADENCE_DAY) {
        int64_t day = skpi__local_day(cal, t);
        *start = skpi__day_start(cal, day);
        *next = skpi__day_start(cal, day + 1);
    } else if (cadence == SKPI_CADENCE_WEEK) {
        int64_t day = skpi__local_day(cal, t);
        int64_t back = day + 4 - cal->week_start;
        back -= skpi__floor_div(back, 7) * 7;                 /* days since the week began */
        *start = skpi__day_start(cal, day - back);
        *next = skpi__day_start(cal, day - back + 7);
    } else {
        int64_t day = skpi__local_day(cal, t), y;
        int m, d;
        skpi__civil_from_days(day, &y, &m, &d);
        int64_t jan1 = day - (d - 1) - skpi__days_before_month(y, m);
        int64_t mi = y * 12 + (m - 1), first = mi, span = 1;
        int shift = cal->fiscal_start - 1;
        if (cadence == SKPI_CADENCE_QUARTER) {
            first = skpi__floor_div(mi - shift, 3) * 3 + shift;
            span = 3;
        } else if (cadence == SKPI_CADENCE_YEAR) {
            first = skpi__floor_div(mi - shift, 12) * 12 + shift;
            span = 12;
        }
        *start = skpi__day_start(cal, skpi__month_start_near(y, jan1, first));
        *next = skpi__day_start(cal, skpi__month_start_near(y, jan1, first + span));
    }
}

/* A period is acceptable when it lies inside years 1..9999 (UTC); its end
 * may equal SKPI_TIME_END. */
static inline bool skpi__period_in_range(skpi_time start, skpi_time next)
{
    return start >= SKPI_TIME_MIN && next <= SKPI_TIME_END;
}

/* Checked period lookup for library code: SKPI_EINVAL (unknown cadence) or
 * SKPI_ERANGE (t, or its period, outside years 1..9999), with the message
 * set; `what` starts the message (usually the public function's name).
 * *out is only written on success. */
int skpi__period_checked(skpi_period *out, const skpi_calendar *cal, int cadence,
                         skpi_time t, const char *what);

/* "day", "week", "month", "quarter", "year" (or "cadence" when unknown). */
const char *skpi__cadence_name(int cadence);

#endif
