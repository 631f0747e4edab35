/* ISO 8601 text from times, and times from civil fields. */
#include "calendar/civil.h"
#include "core/internal.h"

#include <stdio.h>
#include <string.h>

/* Shared checks of the two formatters; on success the local time lies in
 * years 1..9999 and buf holds at least `need` bytes. */
static int check_format(char *buf, size_t size, skpi_time t, int offset_minutes, size_t need,
                        const char *what)
{
    if (buf == NULL) return skpi__error(SKPI_EMISUSE, "%s: buf is NULL", what);
    if (size > 0) buf[0] = '\0';
    if (offset_minutes < -1080 || offset_minutes > 1080)
        return skpi__error(SKPI_ERANGE,
                           "%s: offset %d minutes is outside -1080 to +1080 (18 hours either way)",
                           what, offset_minutes);
    char text[SKPI__TIME_TEXT_SIZE];
    if (!skpi__time_in_range(t)) return skpi__time_range_error(what, t);
    if (!skpi__time_in_range(t + offset_minutes * 60))
        return skpi__error(SKPI_ERANGE,
                           "%s: %s at offset %d minutes falls outside years 1 to 9999 locally",
                           what, skpi__time_text(text, t), offset_minutes);
    if (size < need)
        return skpi__error(SKPI_ERANGE, "%s: buf holds %zu bytes; %zu are needed",
                           what, size, need);
    return SKPI_OK;
}

static int format_iso(char *buf, size_t size, skpi_time t, int offset_minutes, const char *what)
{
    size_t need = offset_minutes == 0 ? sizeof "YYYY-MM-DDTHH:MM:SSZ"
                                      : sizeof "YYYY-MM-DDTHH:MM:SS+HH:MM";
    int rc = check_format(buf, size, t, offset_minutes, need, what);
    if (rc != SKPI_OK) return rc;
    skpi__write_local(buf, t, offset_minutes * 60);
    if (offset_minutes == 0) {
        buf[19] = 'Z';
        buf[20] = '\0';
    } else {
        int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
        buf[19] = offset_minutes < 0 ? '-' : '+';
        skpi__put2(buf + 20, a / 60);
        buf[22] = ':';
        skpi__put2(buf + 23, a % 60);
        buf[25] = '\0';
    }
    return SKPI_OK;
}

int skpi_time_format(char *buf, size_t size, skpi_time t, int offset_minutes)
{
    return format_iso(buf, size, t, offset_minutes, "skpi_time_format");
}

/* The offset in minutes a calendar writes for t: its offset then, or 0 (UTC)
 * when that offset is not a whole number of minutes. */
static int writable_offset(const skpi_calendar *cal, skpi_time t)
{
    int32_t o = skpi__offset_at(cal, t);
    return o % 60 == 0 ? o / 60 : 0;
}

/* The checks of the calendar formatters; buf is emptied when it can be. */
static int check_calendar(char *buf, size_t size, const skpi_calendar *cal, skpi_time t,
                          const char *what)
{
    if (buf == NULL) return skpi__error(SKPI_EMISUSE, "%s: buf is NULL", what);
    if (size > 0) buf[0] = '\0';
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "%s: cal is NULL", what);
    if (!skpi__time_in_range(t)) return skpi__time_range_error(what, t);
    return SKPI_OK;
}

int skpi_calendar_format(char *buf, size_t size, const skpi_calendar *cal, skpi_time t)
{
    static const char what[] = "skpi_calendar_format";
    int rc = check_calendar(buf, size, cal, t, what);
    return rc != SKPI_OK ? rc : format_iso(buf, size, t, writable_offset(cal, t), what);
}

int skpi_calendar_format_date(char *buf, size_t size, const skpi_calendar *cal, skpi_time t)
{
    static const char what[] = "skpi_calendar_format_date";
    int rc = check_calendar(buf, size, cal, t, what);
    if (rc != SKPI_OK) return rc;
    /* The date of the day whose bounds hold t, the day a daily bucket names. */
    skpi_time midnight = skpi__local_day(cal, t) * SKPI__DAY_SECONDS;
    if (!skpi__time_in_range(midnight))
        return skpi__error(SKPI_ERANGE, "%s: the local date of %lld falls outside years 1 to "
                           "9999", what, (long long)t);
    if (size < sizeof "YYYY-MM-DD")
        return skpi__error(SKPI_ERANGE, "%s: buf holds %zu bytes; %zu are needed",
                           what, size, sizeof "YYYY-MM-DD");
    char full[20];
    skpi__write_local(full, midnight, 0);
    memcpy(buf, full, 10);
    buf[10] = '\0';
    return SKPI_OK;
}

int skpi_time_format_date(char *buf, size_t size, skpi_time t, int offset_minutes)
{
    int rc = check_format(buf, size, t, offset_minutes, sizeof "YYYY-MM-DD",
                          "skpi_time_format_date");
    if (rc != SKPI_OK) return rc;
    char full[20];
    skpi__write_local(full, t, offset_minutes * 60);
    memcpy(buf, full, 10);
    buf[10] = '\0';
    return SKPI_OK;
}

int skpi_time_from_civil(skpi_time *out, int year, int month, int day,
                         int hour, int minute, int second)
{
    static const char what[] = "skpi_time_from_civil";
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", what);
    if (year < 1 || year > 9999)
        return skpi__error(SKPI_ERANGE, "%s: year %d is outside 1 to 9999", what, year);
    if (month < 1 || month > 12)
        return skpi__error(SKPI_ERANGE, "%s: month %d is outside 1 to 12", what, month);
    int last = skpi__days_in_month(year, month);
    if (day < 1 || day > last)
        return skpi__error(SKPI_ERANGE, "%s: day %d is outside 1 to %d for %04d-%02d",
                           what, day, last, year, month);
    if (hour < 0 || hour > 23)
        return skpi__error(SKPI_ERANGE, "%s: hour %d is outside 0 to 23", what, hour);
    if (minute < 0 || minute > 59)
        return skpi__error(SKPI_ERANGE, "%s: minute %d is outside 0 to 59", what, minute);
    if (second < 0 || second > 59)
        return skpi__error(SKPI_ERANGE, "%s: second %d is outside 0 to 59", what, second);
    *out = skpi__days_from_civil(year, month, day) * SKPI__DAY_SECONDS
         + hour * 3600 + minute * 60 + second;
    return SKPI_OK;
}
