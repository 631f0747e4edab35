/* Periods of a cadence: the one containing a time, shifted ones, a year earlier. */
#include "calendar/civil.h"
#include "core/internal.h"

#include <stdio.h>

const char *skpi__cadence_name(int cadence)
{
    switch (cadence) {
    case SKPI_CADENCE_DAY: return "day";
    case SKPI_CADENCE_WEEK: return "week";
    case SKPI_CADENCE_MONTH: return "month";
    case SKPI_CADENCE_QUARTER: return "quarter";
    case SKPI_CADENCE_YEAR: return "year";
    default: return "cadence";
    }
}

/* The checks every period function starts with; t must be inside years 1..9999. */
static int check_call(const void *out, const skpi_calendar *cal, int cadence, skpi_time t,
                      const char *what)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", what);
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "%s: cal is NULL", what);
    if (!skpi__cadence_valid(cadence))
        return skpi__error(SKPI_EINVAL,
                           "%s: cadence %d is unknown (0 day, 1 week, 2 month, 3 quarter, 4 year)",
                           what, cadence);
    if (!skpi__time_in_range(t)) return skpi__time_range_error(what, t);
    return SKPI_OK;
}

/* Store [start, next) or explain which edge of years 1..9999 it crosses.
 * `relation` says how the period relates to t ("containing", ...). */
static int finish(skpi_period *out, skpi_time start, skpi_time next, const char *what,
                  int cadence, const char *relation, skpi_time t)
{
    if (!skpi__period_in_range(start, next)) {
        char text[SKPI__TIME_TEXT_SIZE];
        return skpi__error(SKPI_ERANGE, "%s: the %s %s %s %s; periods must lie within "
                           "0001-01-01T00:00:00Z to 10000-01-01T00:00:00Z (UTC)",
                           what, skpi__cadence_name(cadence), relation,
                           skpi__time_text(text, t),
                           start < SKPI_TIME_MIN ? "starts before year 1" : "ends after year 9999");
    }
    out->start = start;
    out->end = next;
    return SKPI_OK;
}

int skpi__period_checked(skpi_period *out, const skpi_calendar *cal, int cadence,
                         skpi_time t, const char *what)
{
    int rc = check_call(out, cal, cadence, t, what);
    if (rc != SKPI_OK) return rc;
    skpi_time start, next;
    skpi__period_bounds(cal, cadence, t, &start, &next);
    return finish(out, start, next, what, cadence, "containing", t);
}

int skpi_calendar_period(skpi_period *out, const skpi_calendar *cal, int cadence, skpi_time t)
{
    return skpi__period_checked(out, cal, cadence, t, "skpi_calendar_period");
}

int skpi_calendar_period_number(int64_t *out, const skpi_calendar *cal, int cadence, skpi_time t)
{
    static const char what[] = "skpi_calendar_period_number";
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", what);
    skpi_period p;
    int rc = skpi__period_checked(&p, cal, cadence, t, what);
    if (rc == SKPI_OK) *out = skpi__period_index(cal, cadence, t);
    return rc;
}

int skpi_calendar_period_number_start(skpi_time *out, const skpi_calendar *cal, int cadence, int64_t number)
{
    static const char what[] = "skpi_calendar_period_number_start";
    if (out == NULL || cal == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out == NULL ? "out" : "cal");
    if (!skpi__cadence_valid(cadence))
        return skpi__error(SKPI_EINVAL, "%s: cadence %d is unknown (0 day, 1 week, 2 month, 3 quarter, 4 year)",
                           what, cadence);
    /* days of years 1 to 9999 lie within about 3.7 million of 1970's */
    if (number < -4000000 || number > 4000000)
        return skpi__error(SKPI_ERANGE, "%s: period %lld lies outside years 1 to 9999", what, (long long)number);
    skpi_time t = skpi__period_index_start(cal, cadence, number);
    if (t < SKPI_TIME_MIN || t >= SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE, "%s: period %lld starts outside years 1 to 9999", what,
                           (long long)number);
    *out = t;
    return SKPI_OK;
}

/* Shifting works on period numbers, so n periods of any cadence cost the
 * same as one. Only t and the resulting period need to be in range: the
 * period containing t may itself cross an edge (a negative offset near the
 * year 9999), and its predecessor is still a good answer. */
static int shift(skpi_period *out, const skpi_calendar *cal, int cadence, skpi_time t,
                 int64_t n, const char *what)
{
    int rc = check_call(out, cal, cadence, t, what);
    if (rc != SKPI_OK) return rc;
    if (n > SKPI__SHIFT_LIMIT || n < -SKPI__SHIFT_LIMIT) {
        char text[SKPI__TIME_TEXT_SIZE];
        return skpi__error(SKPI_ERANGE,
                           "%s: moving %lld periods from %s leaves years 1 to 9999",
                           what, (long long)n, skpi__time_text(text, t));
    }
    int64_t index = skpi__period_index(cal, cadence, t) + n;
    skpi_time start = skpi__period_index_start(cal, cadence, index);
    skpi_time next = skpi__period_index_start(cal, cadence, index + 1);
    char relation[64];
    if (n == 0)
        snprintf(relation, sizeof relation, "containing");
    else if (n == 1 || n == -1)
        snprintf(relation, sizeof relation, "%s the one containing", n < 0 ? "before" : "after");
    else
        snprintf(relation, sizeof relation, "%lld periods %s the one containing",
                 (long long)(n < 0 ? -n : n), n < 0 ? "before" : "after");
    return finish(out, start, next, what, cadence, relation, t);
}

int skpi_calendar_shift(skpi_period *out, const skpi_calendar *cal, int cadence,
                        skpi_time t, int64_t n)
{
    return shift(out, cal, cadence, t, n, "skpi_calendar_shift");
}

int skpi_calendar_previous(skpi_period *out, const skpi_calendar *cal, int cadence, skpi_time t)
{
    return shift(out, cal, cadence, t, -1, "skpi_calendar_previous");
}

int skpi_calendar_next(skpi_period *out, const skpi_calendar *cal, int cadence, skpi_time t)
{
    return shift(out, cal, cadence, t, 1, "skpi_calendar_next");
}

int skpi_calendar_year_earlier(skpi_period *out, const skpi_calendar *cal, int cadence,
                               skpi_time t)
{
    static const char what[] = "skpi_calendar_year_earlier";
    switch (cadence) {
    case SKPI_CADENCE_WEEK: return shift(out, cal, cadence, t, -52, what);
    case SKPI_CADENCE_MONTH: return shift(out, cal, cadence, t, -12, what);
    case SKPI_CADENCE_QUARTER: return shift(out, cal, cadence, t, -4, what);
    case SKPI_CADENCE_YEAR: return shift(out, cal, cadence, t, -1, what);
    default: break;
    }
    int rc = check_call(out, cal, cadence, t, what);
    if (rc != SKPI_OK) return rc;
    /* The same local date a year before; 29 February has no twin, and the
     * last day of February stands in for it. */
    int64_t y;
    int m, d;
    skpi__civil_from_days(skpi__local_day(cal, t), &y, &m, &d);
    y -= 1;
    int last = skpi__days_in_month(y, m);
    if (d > last) d = last;
    int64_t day = skpi__days_from_civil(y, m, d);
    return finish(out, skpi__day_start(cal, day), skpi__day_start(cal, day + 1), what, cadence,
                  "a year before the one containing", t);
}
