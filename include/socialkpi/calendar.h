/**
 * @file socialkpi/calendar.h
 * @brief Reporting calendar: time zone, week start, fiscal year; periods,
 *        labels, and parsing and formatting of dates and times.
 *
 * All date arithmetic is integer civil-date arithmetic on the proleptic
 * Gregorian calendar: no mktime(), no TZ environment variable, no locale.
 * A calendar's time zone is a fixed UTC offset or an IANA zone
 * ("Europe/Berlin"), whose rules ICU supplies when the zone is set; the
 * calendar then holds them as plain data. Every function is thread-safe; a
 * calendar handle is read-only once set up.
 */
#ifndef SOCIALKPI_CALENDAR_H
#define SOCIALKPI_CALENDAR_H

#include "socialkpi/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A reporting calendar (opaque). */
typedef struct skpi_calendar skpi_calendar;

/** @brief Reporting cadences. Values are fixed for ever. */
typedef enum skpi_cadence {
    SKPI_CADENCE_DAY = 0,     /**< a calendar day in the calendar's time zone */
    SKPI_CADENCE_WEEK = 1,    /**< seven days from the calendar's first day of the week */
    SKPI_CADENCE_MONTH = 2,   /**< a calendar month */
    SKPI_CADENCE_QUARTER = 3, /**< three months, aligned to the fiscal year start */
    SKPI_CADENCE_YEAR = 4     /**< twelve months from the fiscal year start */
} skpi_cadence;

/** @brief Days of the week, numbered as ISO 8601 does. */
typedef enum skpi_weekday {
    SKPI_MONDAY = 1, SKPI_TUESDAY = 2, SKPI_WEDNESDAY = 3, SKPI_THURSDAY = 4,
    SKPI_FRIDAY = 5, SKPI_SATURDAY = 6, SKPI_SUNDAY = 7
} skpi_weekday;

/**
 * @brief Create a calendar: UTC, weeks from Monday, fiscal year = calendar year.
 * @param out receives the calendar; free it with skpi_calendar_free()
 * @return SKPI_OK, SKPI_EMISUSE (out is NULL), SKPI_ENOMEM
 */
SKPI_API int skpi_calendar_new(skpi_calendar **out);

/** @brief Free a calendar. NULL is allowed and does nothing. */
SKPI_API void skpi_calendar_free(skpi_calendar *cal);

/**
 * @brief Copy a calendar.
 * @param out receives the copy; free it with skpi_calendar_free()
 * @param cal the calendar to copy
 * @return SKPI_OK, SKPI_EMISUSE (NULL argument), SKPI_ENOMEM
 */
SKPI_API int skpi_calendar_clone(skpi_calendar **out, const skpi_calendar *cal);

/**
 * @brief How a local time without an offset that a time zone skips (the
 *        spring-forward gap) or shows twice (the fall-back hour) is read.
 *        Values are fixed for ever.
 */
typedef enum skpi_local_time {
    SKPI_LOCAL_TIME_REJECT = 0,  /**< refuse the text (the default) */
    SKPI_LOCAL_TIME_EARLIER = 1, /**< the earlier of the two instants it can mean */
    SKPI_LOCAL_TIME_LATER = 2    /**< the later of the two instants it can mean */
} skpi_local_time;

/**
 * @brief Set the reporting time zone as a fixed offset from UTC.
 *
 * Replaces an IANA time zone set before.
 * @param cal     the calendar
 * @param minutes offset east of UTC in minutes, -1080 to +1080 (e.g. +60 for CET)
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (outside ±18 hours)
 */
SKPI_API int skpi_calendar_set_utc_offset(skpi_calendar *cal, int minutes);

/**
 * @brief The fixed UTC offset in minutes: 0 for a NULL calendar and for a
 *        calendar in an IANA time zone, whose offset changes (see
 *        skpi_calendar_offset_at()).
 */
SKPI_API int skpi_calendar_utc_offset(const skpi_calendar *cal);

/**
 * @brief Set the reporting time zone to an IANA zone, e.g. "Europe/Berlin".
 *
 * Days, weeks, months, quarters and years then start at local midnight in
 * that zone, so a day is 23 or 25 hours long where clocks change; labels,
 * skpi_calendar_parse() and skpi_calendar_format() use the zone too. The
 * zone's rules come from ICU and are copied into the calendar, which stays
 * read-only. Replaces a fixed offset set before. Names are case-sensitive;
 * aliases ICU knows ("US/Pacific", "UTC") are accepted and kept as given.
 * @param cal  the calendar
 * @param zone NUL-terminated IANA name; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (not a zone name; the
 *         message names it), SKPI_ENOMEM; on error the calendar is unchanged
 */
SKPI_API int skpi_calendar_set_time_zone(skpi_calendar *cal, const char *zone);

/**
 * @brief The IANA time zone name, or NULL when the calendar uses a fixed
 *        UTC offset (or cal is NULL). Borrowed: valid until the calendar's
 *        zone is changed or the calendar is freed.
 */
SKPI_API const char *skpi_calendar_time_zone(const skpi_calendar *cal);

/**
 * @brief The offset from UTC in force at a time, in seconds east.
 *
 * For a fixed offset always that offset; in an IANA zone it follows
 * daylight saving time (and history: before time zones, local mean time,
 * which is not a whole number of minutes).
 * @param out receives the offset in seconds
 * @param cal the calendar
 * @param t   a time from skpi_time_min() to skpi_time_max()
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (t out of range)
 */
SKPI_API int skpi_calendar_offset_at(int *out, const skpi_calendar *cal, skpi_time t);

/**
 * @brief How skpi_calendar_parse() reads a local time the zone skips
 *        (clocks jump from 02:00 to 03:00: 02:30 never happens).
 *
 * ::SKPI_LOCAL_TIME_EARLIER reads it with the offset in force after the
 * jump (02:30 becomes 01:30 before the change), ::SKPI_LOCAL_TIME_LATER with
 * the offset before it (03:30 after the change); ::SKPI_LOCAL_TIME_REJECT
 * (the default) refuses it with SKPI_ERANGE.
 * @param cal  the calendar
 * @param rule an ::skpi_local_time
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown rule)
 */
SKPI_API int skpi_calendar_set_skipped_time(skpi_calendar *cal, int rule);

/** @brief The rule for skipped local times (::SKPI_LOCAL_TIME_REJECT for NULL). */
SKPI_API int skpi_calendar_skipped_time(const skpi_calendar *cal);

/**
 * @brief How skpi_calendar_parse() reads a local time the zone shows twice
 *        (clocks fall back from 03:00 to 02:00: 02:30 happens twice).
 *
 * ::SKPI_LOCAL_TIME_EARLIER takes the first occurrence (before the change),
 * ::SKPI_LOCAL_TIME_LATER the second; ::SKPI_LOCAL_TIME_REJECT (the default)
 * refuses the text with SKPI_EINVAL.
 * @param cal  the calendar
 * @param rule an ::skpi_local_time
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown rule)
 */
SKPI_API int skpi_calendar_set_repeated_time(skpi_calendar *cal, int rule);

/** @brief The rule for repeated local times (::SKPI_LOCAL_TIME_REJECT for NULL). */
SKPI_API int skpi_calendar_repeated_time(const skpi_calendar *cal);

/**
 * @brief Set the first day of the week.
 * @param cal     the calendar
 * @param weekday an ::skpi_weekday, 1 (Monday) to 7 (Sunday)
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (not 1 to 7)
 */
SKPI_API int skpi_calendar_set_week_start(skpi_calendar *cal, int weekday);

/** @brief The first day of the week, an ::skpi_weekday (1 for a NULL calendar). */
SKPI_API int skpi_calendar_week_start(const skpi_calendar *cal);

/**
 * @brief Set the month the fiscal year starts in; quarters and years follow it.
 *
 * A fiscal year is named after the calendar year in which it ends: with a
 * start month of 10, 2026-11 lies in FY2027-Q1.
 * @param cal   the calendar
 * @param month 1 (January: fiscal = calendar year) to 12
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (not 1 to 12)
 */
SKPI_API int skpi_calendar_set_fiscal_year_start(skpi_calendar *cal, int month);

/** @brief The fiscal year's first month, 1 to 12 (1 for a NULL calendar). */
SKPI_API int skpi_calendar_fiscal_year_start(const skpi_calendar *cal);

/**
 * @brief The period of a cadence that contains a time.
 * @param out     receives the period, in UTC seconds
 * @param cal     the calendar
 * @param cadence an ::skpi_cadence
 * @param t       a time from skpi_time_min() to skpi_time_max()
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown cadence),
 *         SKPI_ERANGE (t, or the period, outside years 1 to 9999)
 */
SKPI_API int skpi_calendar_period(skpi_period *out, const skpi_calendar *cal,
                                  int cadence, skpi_time t);

/**
 * @brief The number of the period containing `t`: consecutive periods have
 *        consecutive numbers, so a rollup finds its buckets by arithmetic.
 *
 * Days count from 1970-01-01 (day 0) in the calendar's zone; weeks, months
 * (year * 12 + month - 1), quarters and years likewise, quarters and years
 * from the fiscal year's first month. skpi_calendar_period_number_start()
 * gives a number's period start back.
 * @param out     receives the number
 * @param cal     the calendar
 * @param cadence an ::skpi_cadence
 * @param t       a time from skpi_time_min() to skpi_time_max()
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown cadence),
 *         SKPI_ERANGE (t, or its period, outside years 1 to 9999)
 */
SKPI_API int skpi_calendar_period_number(int64_t *out, const skpi_calendar *cal, int cadence,
                                         skpi_time t);

/**
 * @brief The start of the period numbered `number` (skpi_calendar_period_number()).
 * @param out     receives the start, in UTC seconds
 * @param cal     the calendar
 * @param cadence an ::skpi_cadence
 * @param number  a period number
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown cadence),
 *         SKPI_ERANGE (the period starts outside years 1 to 9999)
 */
SKPI_API int skpi_calendar_period_number_start(skpi_time *out, const skpi_calendar *cal, int cadence,
                                               int64_t number);

/**
 * @brief The period `n` periods after the one containing `t` (before it when n < 0).
 * @param out     receives the period
 * @param cal     the calendar
 * @param cadence an ::skpi_cadence
 * @param t       a time inside the reference period
 * @param n       how many periods to move
 * @return as skpi_calendar_period()
 */
SKPI_API int skpi_calendar_shift(skpi_period *out, const skpi_calendar *cal,
                                 int cadence, skpi_time t, int64_t n);

/** @brief The period before the one containing `t`; as skpi_calendar_shift() with n = -1. */
SKPI_API int skpi_calendar_previous(skpi_period *out, const skpi_calendar *cal,
                                    int cadence, skpi_time t);

/** @brief The period after the one containing `t`; as skpi_calendar_shift() with n = 1. */
SKPI_API int skpi_calendar_next(skpi_period *out, const skpi_calendar *cal,
                                int cadence, skpi_time t);

/**
 * @brief The same period a year earlier, for year-over-year comparisons.
 *
 * Day: the same date a year before (29 February maps to 28 February).
 * Week: 52 weeks (364 days) before, so weekdays line up.
 * Month, quarter, year: 12 months before.
 * @return as skpi_calendar_period()
 */
SKPI_API int skpi_calendar_year_earlier(skpi_period *out, const skpi_calendar *cal,
                                        int cadence, skpi_time t);

/** @brief The buffer size that holds any label or formatted time, NUL included (32). */
SKPI_API size_t skpi_calendar_label_size(void);

/**
 * @brief The label of the period containing `t`.
 *
 * Day `2026-11-22`; week `2026-W47` (the week belongs to the year holding at
 * least four of its days, as ISO 8601 does for Monday weeks); month `2026-11`;
 * quarter `2026-Q4`; year `2026`. With a fiscal year not starting in January,
 * quarters and years read `FY2027-Q1` and `FY2027`.
 * @param buf     receives the NUL-terminated label
 * @param size    size of buf; skpi_calendar_label_size() is always enough
 * @param cal     the calendar
 * @param cadence an ::skpi_cadence
 * @param t       a time inside the period
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EINVAL (unknown cadence),
 *         SKPI_ERANGE (t, or the period, outside years 1 to 9999, or buf too small)
 */
SKPI_API int skpi_calendar_label(char *buf, size_t size, const skpi_calendar *cal,
                                 int cadence, skpi_time t);

/**
 * @brief The name of the period containing `t` as people write it, in a locale.
 *
 * Without a locale (NULL or ""): day `2 March 2026`, week `week of 2 March
 * 2026` (its first day), month `March 2026`, quarter `Q1 2026`, year `2026`.
 * With a locale ("de-DE", "fr-FR"), ICU lays the date out in that locale's
 * CLDR pattern with its month names: `März 2026`, `mars 2026`, `2. März
 * 2026`, `Q1 2026`, `T1 2026` (fr). A fiscal year not starting in January
 * reads `Q1 FY2027` and `FY2027`, named as skpi_calendar_label() names it.
 * The name is for readers; skpi_calendar_label() gives the ISO form that data
 * formats keep. Thread-safe: ICU formatters are opened per call.
 * @param buf     receives the NUL-terminated UTF-8 name
 * @param size    size of buf; 96 bytes hold every name in the default wording
 * @param cal     the calendar (its zone and fiscal year apply)
 * @param cadence an ::skpi_cadence
 * @param t       a time inside the period
 * @param locale  a language tag, or NULL for the built-in English
 * @param week    the words of a week around its first day, with `{date}`
 *                ("Woche vom {date}"); NULL for "week of {date}"; copied
 * @return SKPI_OK, SKPI_EMISUSE (NULL buf or cal), SKPI_EINVAL (unknown
 *         cadence or locale, a week wording without `{date}`), SKPI_ERANGE
 *         (t outside years 1 to 9999, or buf too small)
 */
SKPI_API int skpi_calendar_period_name(char *buf, size_t size, const skpi_calendar *cal,
                                       int cadence, skpi_time t, const char *locale,
                                       const char *week);

/**
 * @brief The short name of the period containing `t`, for chart axes.
 *
 * As skpi_calendar_period_name() with abbreviated months: day `2 Mar
 * 2026`, week `2 Mar 2026` (its first day), month `Mar 2026`, quarter
 * `Q1 2026`, year `2026`; with a locale, that locale's abbreviated pattern
 * (`März 2026` in de-DE, `mars 2026` in fr-FR). Thread-safe.
 * @param buf     receives the NUL-terminated UTF-8 name
 * @param size    size of buf; 64 bytes hold every name in the default wording
 * @param cal     the calendar (its zone and fiscal year apply)
 * @param cadence an ::skpi_cadence
 * @param t       a time inside the period
 * @param locale  a language tag, or NULL for the built-in English
 * @return SKPI_OK, SKPI_EMISUSE (NULL buf or cal), SKPI_EINVAL (unknown
 *         cadence or locale), SKPI_ERANGE (t outside years 1 to 9999, or buf
 *         too small)
 */
SKPI_API int skpi_calendar_period_short_name(char *buf, size_t size, const skpi_calendar *cal,
                                             int cadence, skpi_time t, const char *locale);

/**
 * @brief Parse a date or date-time in the calendar's time zone.
 *
 * Accepts `YYYY-MM-DD`, and `YYYY-MM-DD` followed by `T` or a space and
 * `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction` (the fraction is dropped), then
 * optionally `Z`, `+HH:MM`, `+HHMM` or `+HH` (or `-`), with an optional space
 * before the offset. A text without an offset is read in the calendar's zone:
 * a date alone is the start of that local day (its first instant, even where
 * midnight is skipped); a local time the zone skips or shows twice follows
 * skpi_calendar_set_skipped_time() and skpi_calendar_set_repeated_time().
 * @param out  receives the time
 * @param cal  the calendar (its zone applies when the text has no offset)
 * @param text NUL-terminated text, nothing before or after it
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_EPARSE (the message gives the
 *         column and what was expected), SKPI_ERANGE (a field out of range,
 *         or a local time the zone skips), SKPI_EINVAL (a local time the zone
 *         shows twice); *out is only written on success
 */
SKPI_API int skpi_calendar_parse(skpi_time *out, const skpi_calendar *cal, const char *text);

/**
 * @brief Parse a date or date-time as skpi_calendar_parse() does, reading
 *        texts without an offset as UTC.
 * @param out  receives the time
 * @param text NUL-terminated text
 * @return as skpi_calendar_parse()
 */
SKPI_API int skpi_time_parse(skpi_time *out, const char *text);

/**
 * @brief Format a time as ISO 8601 at a UTC offset.
 *
 * Offset 0 gives `2026-11-22T10:00:00Z`; +60 gives `2026-11-22T11:00:00+01:00`.
 * @param buf            receives the NUL-terminated text
 * @param size           size of buf; skpi_calendar_label_size() is always enough
 * @param t              the time
 * @param offset_minutes offset east of UTC, -1080 to +1080
 * @return SKPI_OK, SKPI_EMISUSE (NULL buf), SKPI_ERANGE (time or offset out of
 *         range, or buf too small)
 */
SKPI_API int skpi_time_format(char *buf, size_t size, skpi_time t, int offset_minutes);

/**
 * @brief Format only the date of a time (`2026-11-22`) at a UTC offset.
 * @return as skpi_time_format()
 */
SKPI_API int skpi_time_format_date(char *buf, size_t size, skpi_time t, int offset_minutes);

/**
 * @brief Format a time as ISO 8601 in the calendar's time zone.
 *
 * The local time and the offset in force then: in Europe/Berlin,
 * `2026-07-01T12:00:00+02:00` and `2026-12-01T12:00:00+01:00`; offset 0 is
 * written `Z`. An offset that is not a whole number of minutes (local mean
 * time, before zones were adopted) cannot be written as +HH:MM: such a time
 * is written in UTC, with `Z`.
 * @param buf  receives the NUL-terminated text
 * @param size size of buf; skpi_calendar_label_size() is always enough
 * @param cal  the calendar
 * @param t    the time
 * @return SKPI_OK, SKPI_EMISUSE (NULL), SKPI_ERANGE (the time, or its local
 *         date, outside years 1 to 9999, or buf too small)
 */
SKPI_API int skpi_calendar_format(char *buf, size_t size, const skpi_calendar *cal, skpi_time t);

/**
 * @brief Format the local date of a time (`2026-11-22`) in the calendar's zone.
 * @return as skpi_calendar_format()
 */
SKPI_API int skpi_calendar_format_date(char *buf, size_t size, const skpi_calendar *cal,
                                       skpi_time t);

/**
 * @brief Build a time from civil fields in UTC.
 * @param out    receives the time
 * @param year   1 to 9999
 * @param month  1 to 12
 * @param day    1 to the month's length
 * @param hour   0 to 23
 * @param minute 0 to 59
 * @param second 0 to 59
 * @return SKPI_OK, SKPI_EMISUSE (NULL out), SKPI_ERANGE (a field out of range)
 */
SKPI_API int skpi_time_from_civil(skpi_time *out, int year, int month, int day,
                                  int hour, int minute, int second);

/**
 * @brief Read a UTC offset as people and exports write it: `Z`, `+HH:MM`,
 *        `-HH:MM`, `+HHMM` or `+HH` (the forms skpi_calendar_parse()
 *        accepts after a time), for command-line flags and settings.
 * @param minutes receives the offset in minutes east of UTC (`-05:30`
 *                gives -330), -1080 to +1080; written only on success
 * @param text    NUL-terminated text holding the offset and nothing else
 * @return SKPI_OK; SKPI_EMISUSE (NULL argument); SKPI_EPARSE (not one of
 *         those forms: the message names the forms); SKPI_ERANGE (minutes
 *         past 59, or more than 18 hours from UTC)
 */
SKPI_API int skpi_utc_offset_parse(int *minutes, const char *text);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_CALENDAR_H */
