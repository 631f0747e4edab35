/* One row of a workbook sheet under construction: cells set by column in
 * any order, numbers and Excel serial dates written as the text the
 * importer parses, then handed out as a record like a CSV line. */
#include "import/workbook.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void skpi__book_row_init(skpi__book_row *r) { memset(r, 0, sizeof *r); }

void skpi__book_row_free(skpi__book_row *r)
{
    skpi__free(r->arena);
    skpi__free(r->off);
    skpi__free(r->len);
    skpi__free(r->ptr);
    memset(r, 0, sizeof *r);
}

void skpi__book_row_clear(skpi__book_row *r)
{
    for (size_t i = 0; i < r->ncols; i++)
        r->off[i] = SIZE_MAX;
    r->ncols = 0;
    r->arena_len = 0;
}

/* Room for columns 0..col. */
static int ensure_cols(skpi__book_row *r, size_t col)
{
    if (col < r->cap)
        return SKPI_OK;
    size_t cap = r->cap ? r->cap : 16;
    while (cap <= col)
        cap *= 2;
    size_t *off = skpi__reallocarray(r->off, cap, sizeof *off);
    if (off == NULL)
        return skpi__nomem();
    r->off = off;
    size_t *len = skpi__reallocarray(r->len, cap, sizeof *len);
    if (len == NULL)
        return skpi__nomem();
    r->len = len;
    const char **ptr = skpi__reallocarray(r->ptr, cap, sizeof *ptr);
    if (ptr == NULL)
        return skpi__nomem();
    r->ptr = ptr;
    for (size_t i = r->cap; i < cap; i++)
        r->off[i] = SIZE_MAX;
    r->cap = cap;
    return SKPI_OK;
}

int skpi__book_row_set(skpi__book_row *r, size_t col, const char *text, size_t n,
                       const char *where)
{
    if (col >= SKPI__MAX_FIELDS)
        return skpi__error(SKPI_EPARSE, "%s: a cell lies beyond column %zu, more than an export "
                           "has", where, SKPI__MAX_FIELDS);
    if (n > SKPI__MAX_FIELD_BYTES || r->arena_len + n + 1 > SKPI__MAX_RECORD_BYTES)
        return skpi__error(SKPI_EPARSE, "%s: a row holds more than %zu bytes of text", where,
                           SKPI__MAX_RECORD_BYTES);
    int rc = ensure_cols(r, col);
    if (rc != SKPI_OK)
        return rc;
    if (!skpi__grow((void **)&r->arena, &r->arena_cap, r->arena_len + n + 1, 1))
        return skpi__nomem();
    /* A cell written twice keeps the last text (the first stays unused). */
    memcpy(r->arena + r->arena_len, text, n);
    r->arena[r->arena_len + n] = '\0';
    r->off[col] = r->arena_len;
    r->len[col] = n;
    r->arena_len += n + 1;
    if (col + 1 > r->ncols)
        r->ncols = col + 1;
    return SKPI_OK;
}

/* The civil date of day z counted from 1970-01-01 (H. Hinnant's
 * civil_from_days; the import module keeps its own date arithmetic). */
static void civil(long long z, long long *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Day 1 of the 1900 system is 1900-01-01 and Excel counts a 29 February
 * 1900 that never was (day 60), so days from 61 on are one too many;
 * day 0 of the 1904 system is 1904-01-01. */
static bool serial_date(char *buf, size_t size, double v, bool date1904)
{
    if (!(v >= 0.0 && v < 2958466.0))
        return false;
    double day = floor(v);
    long long secs = llround((v - day) * 86400.0);
    if (secs >= 86400) {
        day += 1.0;
        secs -= 86400;
    }
    long long d = (long long)day;
    if (!date1904 && d == 60) {
        snprintf(buf, size, "1900-02-29"); /* the date parser refuses it, as it should */
        return true;
    }
    long long unix_day = date1904 ? d - 24107 : (d >= 61 ? d - 25569 : d - 25568);
    long long y;
    int m, dd;
    civil(unix_day, &y, &m, &dd);
    if (secs > 0)
        snprintf(buf, size, "%04lld-%02d-%02d %02lld:%02lld:%02lld", y, m, dd, secs / 3600,
                 secs / 60 % 60, secs % 60);
    else
        snprintf(buf, size, "%04lld-%02d-%02d", y, m, dd);
    return true;
}

int skpi__book_row_number(skpi__book_row *r, size_t col, double v, bool as_date, bool date1904,
                          const char *where)
{
    char buf[48];
    if (!isfinite(v))
        return skpi__book_row_set(r, col, "", 0, where);
    if (!as_date || !serial_date(buf, sizeof buf, v, date1904))
        snprintf(buf, sizeof buf, "%.*g", skpi__shortest_precision(v), v);
    return skpi__book_row_set(r, col, buf, strlen(buf), where);
}

int skpi__book_row_emit(skpi__book_row *r, uint64_t line, const skpi__book_fns *fns, void *ctx)
{
    if (r->ncols == 0)
        return SKPI_OK;
    for (size_t i = 0; i < r->ncols; i++) {
        if (r->off[i] == SIZE_MAX) {
            r->ptr[i] = "";
            r->len[i] = 0;
        } else {
            r->ptr[i] = r->arena + r->off[i];
        }
    }
    skpi__record rec = { r->ncols, r->ptr, r->len, line };
    return fns->row(ctx, &rec);
}

/* Built-in number formats that show dates or times (ECMA-376 18.8.30 and
 * the East Asian ones Excel adds; BIFF numbers them the same). */
bool skpi__book_builtin_date(size_t id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

/* A custom format shows a date when it has a d, m, y, h or s outside
 * quoted text, escapes and [colour]/[$-locale] brackets. */
bool skpi__book_code_is_date(const char *s)
{
    for (; s && *s; s++) {
        if (*s == '"') {
            for (s++; *s && *s != '"'; s++) {}
            if (!*s)
                return false;
        } else if (*s == '\\' || *s == '_' || *s == '*') {
            if (!*++s)
                return false;
        } else if (*s == '[') {
            for (s++; *s && *s != ']'; s++) {}
            if (!*s)
                return false;
        } else if (strchr("dDmMyYhHsS", *s) != NULL) {
            return true;
        }
    }
    return false;
}
