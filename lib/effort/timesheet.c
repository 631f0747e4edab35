/* Timesheet CSV import (date, person or role, activity, hours, cost):
 * every row is checked, and a bad row leaves the handle as it was. */
#include "effort/effort_internal.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 32
#define FIELD_MAX 1024

enum { COL_DATE, COL_PERSON, COL_ROLE, COL_ACTIVITY, COL_HOURS, COL_COST, NCOLS };
static const char *const col_names[NCOLS] = { "date", "person", "role", "activity", "hours",
                                              "cost" };

typedef struct reader {
    const char *p, *end;
    size_t line;  /* the line the current record starts on */
    size_t next;  /* the line after the current position */
    char fields[MAX_FIELDS][FIELD_MAX];
    size_t nfields;
} reader;

/* Read one record; 1 when read, 0 at the end, negative on error. */
static int read_record(reader *r)
{
    if (r->p >= r->end) return 0;
    r->line = r->next;
    r->nfields = 0;
    for (;;) {
        if (r->nfields == MAX_FIELDS)
            return skpi__error(SKPI_EPARSE, "line %zu: more than %d columns", r->line, MAX_FIELDS);
        char *out = r->fields[r->nfields];
        size_t len = 0;
        bool quoted = r->p < r->end && *r->p == '"';
        if (quoted) {
            r->p++;
            for (;;) {
                if (r->p >= r->end)
                    return skpi__error(SKPI_EPARSE, "line %zu: unterminated quote", r->line);
                char c = *r->p++;
                if (c == '"') {
                    if (r->p < r->end && *r->p == '"') r->p++;
                    else break;
                }
                if (c == '\n') r->next++;
                if (len + 1 >= FIELD_MAX)
                    return skpi__error(SKPI_EPARSE, "line %zu: a field is longer than %d bytes",
                                       r->line, FIELD_MAX - 1);
                out[len++] = c;
            }
        } else {
            while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r') {
                if (*r->p == '"')
                    return skpi__error(SKPI_EPARSE, "line %zu: a quote inside an unquoted field",
                                       r->line);
                if (len + 1 >= FIELD_MAX)
                    return skpi__error(SKPI_EPARSE, "line %zu: a field is longer than %d bytes",
                                       r->line, FIELD_MAX - 1);
                out[len++] = *r->p++;
            }
        }
        out[len] = '\0';
        r->nfields++;
        if (r->p >= r->end) break;
        if (*r->p == ',') {
            r->p++;
            continue;
        }
        if (*r->p == '\r') r->p++;
        if (r->p < r->end && *r->p == '\n') r->p++;
        else if (r->p < r->end)
            return skpi__error(SKPI_EPARSE, "line %zu: unexpected text after a quoted field",
                               r->line);
        break;
    }
    r->next++;
    return 1;
}

/* ASCII case-insensitive equality (header names). */
static bool same_name(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    return *a == *b;
}

static void trim(char *s)
{
    size_t n = strlen(s), a = 0;
    while (n > 0 && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
    while (isspace((unsigned char)s[a])) a++;
    if (a > 0) memmove(s, s + a, n - a + 1);
}

static bool blank_record(const reader *r)
{
    for (size_t i = 0; i < r->nfields; i++)
        if (r->fields[i][0] != '\0') return false;
    return true;
}

/* A number written with '.' (the import runs under the C locale). */
static bool parse_number(const char *s, double *out)
{
    if (s[0] == '\0') return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*end != '\0' || errno == ERANGE) return false;
    *out = v;
    return true;
}

/* The day `text` (YYYY-MM-DD) names in the calendar. */
static int parse_day(skpi_period *out, const skpi_calendar *cal, const char *text, size_t line)
{
    size_t n = strlen(text);
    skpi_time t;
    if (n != 10 || text[4] != '-' || text[7] != '-' || skpi_calendar_parse(&t, cal, text) != SKPI_OK)
        return skpi__error(SKPI_EPARSE, "line %zu: date \"%s\" is not a day written YYYY-MM-DD",
                           line, text);
    if (skpi_calendar_period(out, cal, SKPI_CADENCE_DAY, t) != SKPI_OK)
        return skpi__error(SKPI_ERANGE, "line %zu: date \"%s\" is out of range", line, text);
    return SKPI_OK;
}

static int import_rows(skpi_effort *e, reader *r, const skpi_calendar *cal)
{
    int rc = read_record(r);
    if (rc < 0) return rc;
    if (rc == 0) return skpi__error(SKPI_EPARSE, "the timesheet is empty: it needs a header "
                                    "with date, person or role, activity and hours");
    int col[NCOLS];
    for (int c = 0; c < NCOLS; c++) col[c] = -1;
    for (size_t i = 0; i < r->nfields; i++) {
        trim(r->fields[i]);
        for (int c = 0; c < NCOLS; c++)
            if (same_name(r->fields[i], col_names[c]) && col[c] < 0) col[c] = (int)i;
    }
    const char *missing = col[COL_DATE] < 0 ? "date" : col[COL_ACTIVITY] < 0 ? "activity"
                        : col[COL_HOURS] < 0 ? "hours"
                        : col[COL_PERSON] < 0 && col[COL_ROLE] < 0 ? "person or role" : NULL;
    if (missing != NULL)
        return skpi__error(SKPI_EPARSE, "line %zu: the header has no \"%s\" column (a timesheet "
                           "has date, person or role, activity and hours)", r->line, missing);
    size_t width = r->nfields;
    while ((rc = read_record(r)) == 1) {
        if (blank_record(r)) continue;
        if (r->nfields != width)
            return skpi__error(SKPI_EPARSE, "line %zu: %zu columns where the header has %zu",
                               r->line, r->nfields, width);
        for (size_t i = 0; i < r->nfields; i++) trim(r->fields[i]);
        char where[48];
        snprintf(where, sizeof where, "line %zu: ", r->line);
        skpi_period day;
        if ((rc = parse_day(&day, cal, r->fields[col[COL_DATE]], r->line)) != SKPI_OK) return rc;
        double hours, cost = NAN;
        const char *h = r->fields[col[COL_HOURS]];
        if (!parse_number(h, &hours))
            return skpi__error(SKPI_EPARSE, "%shours \"%s\" is not a number", where, h);
        if (col[COL_COST] >= 0 && r->fields[col[COL_COST]][0] != '\0'
            && !parse_number(r->fields[col[COL_COST]], &cost))
            return skpi__error(SKPI_EPARSE, "%scost \"%s\" is not a number", where,
                               r->fields[col[COL_COST]]);
        const char *person = col[COL_PERSON] >= 0 ? r->fields[col[COL_PERSON]] : "";
        const char *role = col[COL_ROLE] >= 0 ? r->fields[col[COL_ROLE]] : "";
        if (person[0] != '\0' && role[0] != '\0'
            && (rc = skpi__effort_add_person_at(e, where, person, role)) != SKPI_OK)
            return rc;
        const char *who = person[0] != '\0' ? person : role;
        rc = skpi__effort_add_hours_at(e, where, who, r->fields[col[COL_ACTIVITY]], day, hours,
                                       cost);
        if (rc != SKPI_OK) return rc;
    }
    return rc;
}

int skpi_effort_import_timesheet_buffer(skpi_effort *e, const char *data, size_t size,
                                        const skpi_calendar *cal)
{
    if (e == NULL || (data == NULL && size > 0))
        return skpi__error(SKPI_EMISUSE, "skpi_effort_import_timesheet: NULL argument");
    skpi_calendar *own = NULL;
    if (cal == NULL) {
        if (skpi_calendar_new(&own) != SKPI_OK) return skpi__nomem();
        cal = own;
    }
    reader *r = skpi__calloc(1, sizeof *r);
    if (r == NULL) {
        skpi_calendar_free(own);
        return skpi__nomem();
    }
    r->p = data != NULL ? data : "";
    r->end = r->p + size;
    if (size >= 3 && memcmp(r->p, "\xEF\xBB\xBF", 3) == 0) r->p += 3;
    r->next = 1;
    size_t nentries = e->nentries, npeople = e->npeople;
    void *saved;
    int rc = skpi__locale_enter(&saved);
    if (rc == SKPI_OK) {
        rc = import_rows(e, r, cal);
        skpi__locale_leave(saved);
    }
    if (rc < 0) skpi__effort_rewind(e, nentries, npeople);
    skpi__free(r);
    skpi_calendar_free(own);
    return rc < 0 ? rc : SKPI_OK;
}

int skpi_effort_import_timesheet(skpi_effort *e, const char *path, const skpi_calendar *cal)
{
    if (e == NULL || path == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_effort_import_timesheet: NULL argument");
    FILE *f = fopen(path, "rb");
    if (f == NULL) return skpi__error(SKPI_EIO, "cannot open the timesheet %s", path);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (!skpi__grow((void **)&buf, &cap, len + 65536, 1)) {
            fclose(f);
            skpi__free(buf);
            return skpi__nomem();
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    bool failed = ferror(f) != 0;
    fclose(f);
    if (failed) {
        skpi__free(buf);
        return skpi__error(SKPI_EIO, "cannot read the timesheet %s", path);
    }
    int rc = skpi_effort_import_timesheet_buffer(e, buf, len, cal);
    skpi__free(buf);
    return rc;
}
