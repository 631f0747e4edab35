/* Civil-date arithmetic of the proleptic Gregorian calendar in UTC, and
 * times as text in messages: the helpers every module that handles dates
 * shares (calendar, series, import, store). Never installed. */
#ifndef SKPI_CORE_CIVIL_H
#define SKPI_CORE_CIVIL_H

#include "socialkpi/common.h"

#include <stdbool.h>
#include <stdint.h>

/* Seconds in a day (no leap seconds). */
#define SKPI__DAY_SECONDS INT64_C(86400)

/* Quotient rounded toward minus infinity; b > 0. Times before 1970 and
 * negative offsets need it: C's `/` truncates toward zero. */
static inline int64_t skpi__floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return q - ((a % b) < 0);
}

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar
 * (negative before). Any year that keeps the result in int64 works, year 0
 * and negative years included; m is 1..12, d may run past the month's end
 * (it simply counts on). Howard Hinnant's algorithm: years start in March so
 * that the leap day is the last day of a year, and 400-year eras repeat. */
static inline int64_t skpi__days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                             /* 0 .. 399 */
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;     /* 0 .. 146096 */
    return era * 146097 + doe - 719468;
}

/* The civil date of day z counted from 1970-01-01 (inverse of the above). */
static inline void skpi__civil_from_days(int64_t z, int64_t *year, int *month, int *day)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;                                       /* 0 .. 146096 */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  /* 0 .. 399 */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* 0 .. 365 */
    int64_t mp = (5 * doy + 2) / 153;                                     /* 0 .. 11, March = 0 */
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = m;
    *year = yoe + era * 400 + (m <= 2);
}

static inline bool skpi__is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static inline int skpi__days_in_month(int64_t y, int m)
{
    static const unsigned char len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && skpi__is_leap(y) ? 29 : len[m - 1];
}

/* ISO weekday (1 Monday .. 7 Sunday) of day z; 1970-01-01 was a Thursday. */
static inline int skpi__weekday_from_days(int64_t z)
{
    return (int)(z + 3 - skpi__floor_div(z + 3, 7) * 7) + 1;
}

/* Days from 1 January of year y to the first of month m (1..13; 13 gives
 * the length of the year). */
static inline int64_t skpi__days_before_month(int64_t y, int m)
{
    static const short before[13] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
    return before[m - 1] + (m > 2 && skpi__is_leap(y));
}

static inline bool skpi__time_in_range(skpi_time t)
{
    return t >= SKPI_TIME_MIN && t < SKPI_TIME_END;
}

/* Write t shifted by offset_s as "YYYY-MM-DDTHH:MM:SS" (19 chars and a NUL)
 * into buf[20]. The local time must lie within years 1..9999. Used for
 * messages and by skpi_time_format(). */
void skpi__write_local(char buf[20], skpi_time t, int32_t offset_s);

/* Messages name a time the way users write it; an out-of-range time is shown
 * as a number. buf needs SKPI__TIME_TEXT_SIZE bytes. */
#define SKPI__TIME_TEXT_SIZE 32
const char *skpi__time_text(char buf[SKPI__TIME_TEXT_SIZE], skpi_time t);

/* SKPI_ERANGE: "what: time T is outside 0001-01-01T00:00:00Z to ...". */
int skpi__time_range_error(const char *what, skpi_time t);

/* Two decimal digits of v (0..99) at p, by hand: no locale reaches them. */
static inline void skpi__put2(char *p, int v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
}

#endif
