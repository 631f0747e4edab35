/* Parsing of the date forms exports use (ISO, US month/day/year, named
 * months in six languages, and TikTok's month and day without a year) with
 * integer civil arithmetic: no mktime(), no locale. */
#include "import/reader.h"
#include "import/month_names.h"
#include "core/civil.h"

#include <string.h>

typedef struct cursor {
    const char *s;
    size_t n, i;
} cursor;

static bool at_end(const cursor *c) { return c->i >= c->n; }
static char peek(const cursor *c) { return c->i < c->n ? c->s[c->i] : '\0'; }

static void skip_blanks(cursor *c)
{
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t'))
        c->i++;
}

/* Between min and max digits; false when fewer than min. */
static bool digits(cursor *c, int min, int max, int *out)
{
    int v = 0, k = 0;
    while (k < max && c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
        v = v * 10 + (c->s[c->i] - '0');
        c->i++;
        k++;
    }
    *out = v;
    return k >= min;
}

static bool expect(cursor *c, char ch)
{
    if (peek(c) != ch)
        return false;
    c->i++;
    return true;
}

static char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch; }

/* The number of ASCII letters from the cursor on (a word such as "Sept"). */
static size_t letters(const cursor *c)
{
    size_t len = 0;
    while (c->i + len < c->n) {
        char ch = lower(c->s[c->i + len]);
        if (ch < 'a' || ch > 'z')
            break;
        len++;
    }
    return len;
}

/* A month name (see month_names.c). */
static bool month_name(cursor *c, int *month)
{
    size_t used;
    if (!skpi__month_word(c->s + c->i, c->n - c->i, &used, month))
        return false;
    c->i += used;
    return true;
}

/* The Spanish and Portuguese "de" of "8 de marzo de 2025", with its blanks. */
static void skip_de(cursor *c)
{
    if (c->n - c->i >= 3 && lower(c->s[c->i]) == 'd' && lower(c->s[c->i + 1]) == 'e' &&
        (c->s[c->i + 2] == ' ' || c->s[c->i + 2] == '\t')) {
        c->i += 2;
        skip_blanks(c);
    }
}

/* Optional weekday name in front of a named date, followed by a comma
 * ("Tue, Feb 18, 2025") or by blanks (X's "Mon Feb 17 2025"). */
static void skip_weekday(cursor *c)
{
    static const char *const days[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    size_t len = letters(c);
    if (len < 3)
        return;
    for (int d = 0; d < 7; d++) {
        if (lower(c->s[c->i]) == days[d][0] && lower(c->s[c->i + 1]) == days[d][1] &&
            lower(c->s[c->i + 2]) == days[d][2]) {
            size_t save = c->i;
            c->i += len;
            if (peek(c) == '.')
                c->i++;
            bool comma = peek(c) == ',';
            if (comma)
                c->i++;
            size_t word_end = c->i;
            skip_blanks(c);
            if (comma || (c->i > word_end && !at_end(c)))
                return;
            c->i = save;
            return;
        }
    }
}

/* [T or blanks] HH:MM[:SS[.fff]] [AM|PM] [blanks] [Z | +HH[:]MM | +HH]. */
static bool time_part(cursor *c, skpi__date *d, bool allow_ampm)
{
    if (at_end(c))
        return true;
    if (peek(c) == 'T' || peek(c) == 't')
        c->i++;
    else if (peek(c) == ' ' || peek(c) == '\t' || peek(c) == ',')
        while (peek(c) == ' ' || peek(c) == '\t' || peek(c) == ',')
            c->i++;
    else
        return false;
    if (at_end(c))
        return true;
    if (!digits(c, 1, 2, &d->hour) || !expect(c, ':') || !digits(c, 2, 2, &d->minute))
        return false;
    if (peek(c) == ':') {
        c->i++;
        if (!digits(c, 2, 2, &d->second))
            return false;
        if (peek(c) == '.' || peek(c) == ',') {
            c->i++;
            int frac;
            if (!digits(c, 1, 9, &frac))
                return false;
            while (peek(c) >= '0' && peek(c) <= '9')
                c->i++;
        }
    }
    skip_blanks(c);
    if (allow_ampm && c->i + 1 < c->n && (lower(c->s[c->i + 1]) == 'm') &&
        (lower(c->s[c->i]) == 'a' || lower(c->s[c->i]) == 'p')) {
        bool pm = lower(c->s[c->i]) == 'p';
        c->i += 2;
        if (d->hour < 1 || d->hour > 12)
            return false;
        d->hour = d->hour % 12 + (pm ? 12 : 0);
        skip_blanks(c);
    }
    if (at_end(c))
        return true;
    char ch = peek(c);
    if (ch == 'Z' || ch == 'z') {
        c->i++;
        d->has_offset = true;
        d->offset_minutes = 0;
        return at_end(c);
    }
    if (c->n - c->i >= 3 && (ch == 'U' || ch == 'G') && (memcmp(c->s + c->i, "UTC", 3) == 0 ||
                                                       memcmp(c->s + c->i, "GMT", 3) == 0)) {
        c->i += 3;
        d->has_offset = true;
        d->offset_minutes = 0;
        if (at_end(c))
            return true;
        ch = peek(c);
    }
    if (ch != '+' && ch != '-')
        return false;
    c->i++;
    int hh, mm = 0;
    if (!digits(c, 2, 2, &hh))
        return false;
    if (peek(c) == ':')
        c->i++;
    if (!at_end(c) && !digits(c, 2, 2, &mm))
        return false;
    if (hh > 18 || mm > 59)
        return false;
    d->has_offset = true;
    d->offset_minutes = (ch == '-' ? -1 : 1) * (hh * 60 + mm);
    return at_end(c);
}

/* 2026-07-14, or 2026/07/14 (TikTok): the same separator twice. */
static bool parse_iso(cursor *c, skpi__date *d)
{
    if (!digits(c, 4, 4, &d->year))
        return false;
    char sep = peek(c);
    if ((sep != '-' && sep != '/') || !expect(c, sep) || !digits(c, 1, 2, &d->month) ||
        !expect(c, sep) || !digits(c, 1, 2, &d->day))
        return false;
    return time_part(c, d, false);
}

/* Month/day/year or, day_first, day/month/year; '/', '-' or '.' between
 * them (the same twice), as spreadsheets re-save dates. */
static bool parse_numeric(cursor *c, skpi__date *d, bool day_first)
{
    int a, b;
    if (!digits(c, 1, 2, &a))
        return false;
    char sep = peek(c);
    if ((sep != '/' && sep != '-' && sep != '.') || !expect(c, sep) || !digits(c, 1, 2, &b) ||
        !expect(c, sep) || !digits(c, 4, 4, &d->year))
        return false;
    d->month = day_first ? b : a;
    d->day = day_first ? a : b;
    return time_part(c, d, true);
}

/* "Jul 14, 2026", "July 14 2026", "14 July 2026", "8 de marzo de 2025",
 * "8. März 2025", after an optional weekday; with want_year false, "July
 * 14", "14 July", "8 de marzo", "8. März" and nothing more. */
static bool parse_named(cursor *c, skpi__date *d, bool want_year)
{
    skip_weekday(c);
    if (peek(c) >= '0' && peek(c) <= '9') {
        if (!digits(c, 1, 2, &d->day))
            return false;
        if (peek(c) == '.')
            c->i++;
        skip_blanks(c);
        skip_de(c);
        if (!month_name(c, &d->month))
            return false;
    } else {
        if (!month_name(c, &d->month))
            return false;
        skip_blanks(c);
        if (!digits(c, 1, 2, &d->day))
            return false;
    }
    if (!want_year) {
        skip_blanks(c);
        return at_end(c);
    }
    if (peek(c) == ',')
        c->i++;
    skip_blanks(c);
    skip_de(c);
    if (!digits(c, 4, 4, &d->year))
        return false;
    return time_part(c, d, true);
}

bool skpi__date_parse(const char *s, size_t n, int form, skpi__date *out)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    skpi__date d;
    cursor c;
    bool any = form == SKPI__DATE_ANY || form == SKPI__DATE_ANY_NOYEAR;
    int last = form == SKPI__DATE_ANY_NOYEAR ? SKPI__DATE_NOYEAR : SKPI__DATE_NAMED;
    for (int f = any ? SKPI__DATE_ISO : form;; f++) {
        memset(&d, 0, sizeof d);
        c.s = s;
        c.n = n;
        c.i = 0;
        bool ok = false;
        switch (f) {
        case SKPI__DATE_ISO: ok = parse_iso(&c, &d); break;
        case SKPI__DATE_US: ok = parse_numeric(&c, &d, false); break;
        case SKPI__DATE_NAMED: ok = parse_named(&c, &d, true); break;
        case SKPI__DATE_NOYEAR: ok = parse_named(&c, &d, false); break;
        case SKPI__DATE_DMY: ok = parse_numeric(&c, &d, true); break;
        default: return false;
        }
        ok = ok && at_end(&c) && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
             d.hour <= 23 && d.minute <= 59 && d.second <= 59;
        if (ok && f != SKPI__DATE_NOYEAR)
            ok = d.year >= 1 && d.day <= skpi__days_in_month(d.year, d.month);
        if (ok && f == SKPI__DATE_NOYEAR)
            ok = d.day <= (d.month == 2 ? 29 : skpi__days_in_month(2001, d.month));
        if (ok) {
            *out = d;
            return true;
        }
        if (!any || f >= last)
            return false;
    }
}

bool skpi__date_time(const skpi__date *d, int default_offset_minutes, skpi_time *out)
{
    if (d->year < 1 || d->year > 9999 || d->month < 1 || d->month > 12 || d->day < 1 ||
        d->day > skpi__days_in_month(d->year, d->month))
        return false;
    int off = d->has_offset ? d->offset_minutes : default_offset_minutes;
    skpi_time t = skpi__days_from_civil(d->year, d->month, d->day) * SKPI__DAY_SECONDS +
                  d->hour * 3600 + d->minute * 60 + d->second - (skpi_time)off * 60;
    if (t < SKPI_TIME_MIN || t >= SKPI_TIME_END)
        return false;
    *out = t;
    return true;
}
