/* Parsing ISO 8601 dates and date-times (a documented subset) into times. */
#include "calendar/civil.h"
#include "calendar/offset.h"
#include "core/internal.h"

#include <stdio.h>

typedef struct reader {
    const char *text;
    size_t pos;       /* byte index of the next character; columns are pos + 1 */
    const char *what; /* the public function, first in every message */
} reader;

static char peek(const reader *r) { return r->text[r->pos]; }

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* "expected X, found Y" at the current column. */
static int expected(const reader *r, const char *what_is_expected)
{
    char found[24];
    unsigned char c = (unsigned char)peek(r);
    if (c == '\0') snprintf(found, sizeof found, "the end of the text");
    else if (c == ' ') snprintf(found, sizeof found, "a space");
    else if (c > 0x20 && c < 0x7f) snprintf(found, sizeof found, "'%c'", (char)c);
    else snprintf(found, sizeof found, "byte 0x%02X", (unsigned)c);
    return skpi__error(SKPI_EPARSE, "%s: column %zu: expected %s, found %s",
                       r->what, r->pos + 1, what_is_expected, found);
}

/* Exactly n ASCII digits; on failure pos stays on the offending character. */
static bool digits(reader *r, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = r->text[r->pos + (size_t)i];
        if (!is_digit(c)) {
            r->pos += (size_t)i;
            return false;
        }
        v = v * 10 + (c - '0');
    }
    r->pos += (size_t)n;
    *value = v;
    return true;
}

static bool accept(reader *r, char c)
{
    if (peek(r) != c) return false;
    r->pos++;
    return true;
}

static int out_of_range(const reader *r, size_t column, const char *field, int value,
                        int lo, int hi)
{
    return skpi__error(SKPI_ERANGE, "%s: column %zu: %s %d is outside %d to %d",
                       r->what, column, field, value, lo, hi);
}

#define OFFSET_FORMS "an offset (Z, +HH:MM, +HHMM or +HH)"

/* The offset after the time; pos is on 'Z', '+' or '-'. */
static int read_offset(reader *r, int *minutes)
{
    size_t start = r->pos;
    skpi__offset_read o = skpi__offset_scan(r->text + start);
    switch (o.fault) {
    case SKPI__OFFSET_NO_HOURS:
        r->pos = start + o.at;
        return expected(r, "two digits of offset hours");
    case SKPI__OFFSET_NO_MINUTES:
        r->pos = start + o.at;
        return expected(r, "two digits of offset minutes");
    case SKPI__OFFSET_MINUTE:
        return out_of_range(r, start + o.at + 1, "offset minute", o.minutes, 0, 59);
    case SKPI__OFFSET_TOO_FAR:
        return skpi__error(SKPI_ERANGE,
                           "%s: column %zu: offset %c%02d:%02d is beyond 18 hours from UTC",
                           r->what, start + 1, o.sign < 0 ? '-' : '+', o.hours, o.minutes);
    default:
        r->pos = start + o.at;
        *minutes = o.offset;
        return SKPI_OK;
    }
}

/* A text read: the wall-clock seconds it names, and its offset if it gave one. */
typedef struct parsed {
    skpi_time local;  /* seconds from 1970-01-01T00:00:00 on the wall clock */
    bool has_time;    /* a time of day was given */
    bool has_offset;
    int offset;       /* minutes east, when has_offset */
} parsed;

static int parse(parsed *out, const char *text, const char *what)
{
    reader r = { text, 0, what };
    int year, month, day, hour = 0, minute = 0, second = 0;
    int offset = 0;
    bool has_offset = false;

    if (!digits(&r, 4, &year)) return expected(&r, "a four-digit year (YYYY-MM-DD)");
    if (!accept(&r, '-')) return expected(&r, "'-' after the year");
    if (!digits(&r, 2, &month)) return expected(&r, "a two-digit month");
    if (!accept(&r, '-')) return expected(&r, "'-' after the month");
    if (!digits(&r, 2, &day)) return expected(&r, "a two-digit day");
    if (year < 1) return out_of_range(&r, 1, "year", year, 1, 9999);
    if (month < 1 || month > 12) return out_of_range(&r, 6, "month", month, 1, 12);
    int last = skpi__days_in_month(year, month);
    if (day < 1 || day > last)
        return skpi__error(SKPI_ERANGE, "%s: column 9: day %d is outside 1 to %d for %04d-%02d",
                           what, day, last, year, month);

    if (peek(&r) != '\0') {
        if (!accept(&r, 'T') && !accept(&r, ' '))
            return expected(&r, "'T' or a space before the time, or the end of the text");
        size_t hour_column = r.pos + 1;
        if (!digits(&r, 2, &hour)) return expected(&r, "a two-digit hour");
        if (!accept(&r, ':')) return expected(&r, "':' after the hour");
        if (!digits(&r, 2, &minute)) return expected(&r, "a two-digit minute");
        if (accept(&r, ':')) {
            if (!digits(&r, 2, &second)) return expected(&r, "a two-digit second");
            /* The fraction only has to be well formed: times are whole seconds. */
            if (accept(&r, '.')) {
                if (!is_digit(peek(&r))) return expected(&r, "a digit of the fraction");
                while (is_digit(peek(&r))) r.pos++;
            }
        }
        if (hour > 23) return out_of_range(&r, hour_column, "hour", hour, 0, 23);
        if (minute > 59) return out_of_range(&r, hour_column + 3, "minute", minute, 0, 59);
        if (second > 59) return out_of_range(&r, hour_column + 6, "second", second, 0, 59);

        bool spaced = accept(&r, ' ');
        char c = peek(&r);
        if (c == 'Z' || c == '+' || c == '-') {
            int rc = read_offset(&r, &offset);
            if (rc != SKPI_OK) return rc;
            has_offset = true;
        } else if (spaced) {
            return expected(&r, OFFSET_FORMS);
        }
        if (peek(&r) != '\0') {
            return expected(&r, c == 'Z' || c == '+' || c == '-'
                                ? "the end of the text"
                                : OFFSET_FORMS " or the end of the text");
        }
    }

    out->local = skpi__days_from_civil(year, month, day) * SKPI__DAY_SECONDS
               + hour * 3600 + minute * 60 + second;
    out->has_time = r.pos > 10;
    out->has_offset = has_offset;
    out->offset = offset;
    return SKPI_OK;
}

static int outside(const char *text, const char *what)
{
    return skpi__error(SKPI_ERANGE,
                       "%s: \"%.40s\" is outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC",
                       what, text);
}

/* A wall-clock time the zone skips or repeats, read by the calendar's rule. */
static int pick(skpi_time *out, const skpi_calendar *cal, const parsed *p, const char *text,
                const char *what)
{
    skpi_time earlier, later;
    int n = skpi__zone_readings(cal->zone, p->local, &earlier, &later);
    if (n == 1) {
        *out = earlier;
        return SKPI_OK;
    }
    int rule = n == 0 ? cal->skipped : cal->repeated;
    if (rule == SKPI_LOCAL_TIME_EARLIER) {
        *out = earlier;
        return SKPI_OK;
    }
    if (rule == SKPI_LOCAL_TIME_LATER) {
        *out = later;
        return SKPI_OK;
    }
    if (n == 0)
        return skpi__error(SKPI_ERANGE, "%s: \"%.40s\" does not exist in %s: the clocks skip "
                           "it; give an offset, or set the rule for skipped times to "
                           "earlier or later", what, text, cal->zone->name);
    return skpi__error(SKPI_EINVAL, "%s: \"%.40s\" happens twice in %s: the clocks go back; "
                       "give an offset, or set the rule for repeated times to earlier or "
                       "later", what, text, cal->zone->name);
}

/* The instant of a parsed text: its own offset, else the calendar's zone
 * (NULL: UTC). */
static int resolve(skpi_time *out, const skpi_calendar *cal, const parsed *p, const char *text,
                   const char *what)
{
    skpi_time t = 0;
    if (p->has_offset) {
        t = p->local - (skpi_time)p->offset * 60;
    } else if (cal == NULL) {
        t = p->local;
    } else if (cal->zone == NULL) {
        t = p->local - cal->offset_s;
    } else if (!p->has_time) {
        t = skpi__zone_day_start(cal->zone, skpi__floor_div(p->local, SKPI__DAY_SECONDS));
    } else {
        int rc = pick(&t, cal, p, text, what);
        if (rc != SKPI_OK) return rc;
    }
    if (!skpi__time_in_range(t)) return outside(text, what);
    *out = t;
    return SKPI_OK;
}

int skpi_calendar_parse(skpi_time *out, const skpi_calendar *cal, const char *text)
{
    static const char what[] = "skpi_calendar_parse";
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", what);
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "%s: cal is NULL", what);
    if (text == NULL) return skpi__error(SKPI_EMISUSE, "%s: text is NULL", what);
    parsed p;
    int rc = parse(&p, text, what);
    return rc != SKPI_OK ? rc : resolve(out, cal, &p, text, what);
}

int skpi_time_parse(skpi_time *out, const char *text)
{
    static const char what[] = "skpi_time_parse";
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", what);
    if (text == NULL) return skpi__error(SKPI_EMISUSE, "%s: text is NULL", what);
    parsed p;
    int rc = parse(&p, text, what);
    return rc != SKPI_OK ? rc : resolve(out, NULL, &p, text, what);
}
