/* Benchmark tables from CSV: a header naming the columns, then a row per
 * benchmark; every row is checked before any is added. */
#include "compete/compete_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { COL_METRIC, COL_NETWORK, COL_INDUSTRY, COL_PERIOD, COL_VALUE, COL_SOURCE, NCOLS };
static const char *const col_names[NCOLS] = { "metric", "network", "industry", "period", "value", "source" };

#define MAX_FIELDS 64

/* One record's fields, unquoted, each NUL-terminated inside buf. */
typedef struct record {
    char *buf;
    size_t cap;
    size_t start[MAX_FIELDS];
    size_t n;
    size_t line; /* where the record starts */
} record;

/* Read the record at text[*pos]; false at the end of the text. */
static int read_record(record *r, const char *text, size_t size, size_t *pos, size_t *line, bool *got)
{
    *got = false;
    /* Skip blank lines. */
    while (*pos < size && (text[*pos] == '\n' || text[*pos] == '\r')) {
        if (text[*pos] == '\n') (*line)++;
        (*pos)++;
    }
    if (*pos >= size) return SKPI_OK;
    r->line = *line;
    r->n = 0;
    size_t w = 0;
    size_t need = size - *pos + MAX_FIELDS + 1;
    if (need > r->cap) {
        char *nb = skpi__realloc(r->buf, need);
        if (!nb) return skpi__nomem();
        r->buf = nb;
        r->cap = need;
    }
    bool field_start = true, quoted = false, done = false;
    r->start[r->n++] = 0;
    while (*pos < size && !done) {
        char ch = text[*pos];
        if (quoted) {
            (*pos)++;
            if (ch == '"') {
                if (*pos < size && text[*pos] == '"') { r->buf[w++] = '"'; (*pos)++; }
                else quoted = false;
            } else {
                if (ch == '\n') (*line)++;
                r->buf[w++] = ch;
            }
            continue;
        }
        if (ch == '"' && field_start) { quoted = true; field_start = false; (*pos)++; continue; }
        if (ch == ',') {
            r->buf[w++] = '\0';
            if (r->n == MAX_FIELDS)
                return skpi__error(SKPI_EPARSE, "line %zu: more than %d columns", r->line, MAX_FIELDS);
            r->start[r->n++] = w;
            field_start = true;
            (*pos)++;
            continue;
        }
        if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && *pos + 1 < size && text[*pos + 1] == '\n') (*pos)++;
            (*pos)++;
            (*line)++;
            done = true;
            continue;
        }
        if (ch == '\0') return skpi__error(SKPI_EPARSE, "line %zu: a NUL byte in the text", *line);
        r->buf[w++] = ch;
        field_start = false;
        (*pos)++;
    }
    if (quoted) return skpi__error(SKPI_EPARSE, "line %zu: a quoted field is not closed", r->line);
    r->buf[w] = '\0';
    *got = true;
    return SKPI_OK;
}

static const char *field(const record *r, size_t i) { return r->buf + r->start[i]; }

/* Trim surrounding spaces in place. */
static const char *trim(const char *s, char *buf, size_t size)
{
    while (*s == ' ' || *s == '\t') s++;
    snprintf(buf, size, "%s", s);
    size_t n = strlen(buf);
    while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t')) buf[--n] = '\0';
    return buf;
}

static int header(long cols[NCOLS], const record *r)
{
    for (int c = 0; c < NCOLS; c++) cols[c] = -1;
    for (size_t i = 0; i < r->n; i++) {
        char name[64];
        trim(field(r, i), name, sizeof name);
        for (int c = 0; c < NCOLS; c++)
            if (strcasecmp(name, col_names[c]) == 0 && cols[c] < 0) cols[c] = (long)i;
    }
    for (int c = 0; c < NCOLS; c++)
        if (cols[c] < 0)
            return skpi__error(SKPI_EPARSE,
                               "line %zu: the header has no column '%s' (expected metric, network, "
                               "industry, period, value, source)", r->line, col_names[c]);
    return SKPI_OK;
}

static int one_row(skpi__benchmark *out, const skpi_benchmarks *b, const record *r, const long cols[NCOLS])
{
    char where[32];
    snprintf(where, sizeof where, "line %zu", r->line);
    for (int c = 0; c < NCOLS; c++)
        if ((size_t)cols[c] >= r->n)
            return skpi__error(SKPI_EPARSE, "%s: no '%s' field (the row has %zu of the header's columns)",
                               where, col_names[c], r->n);
    char metric[256], network[64], industry[256], period[32], value[64];
    trim(field(r, (size_t)cols[COL_METRIC]), metric, sizeof metric);
    trim(field(r, (size_t)cols[COL_NETWORK]), network, sizeof network);
    trim(field(r, (size_t)cols[COL_INDUSTRY]), industry, sizeof industry);
    trim(field(r, (size_t)cols[COL_PERIOD]), period, sizeof period);
    trim(field(r, (size_t)cols[COL_VALUE]), value, sizeof value);
    char *end = NULL;
    double v = value[0] ? strtod(value, &end) : 0.0; /* the C locale is in force */
    if (value[0] == '\0' || *end != '\0')
        return skpi__error(SKPI_EINVAL, "%s: benchmark value '%s' is not a number", where, value);
    return skpi__benchmark_make(out, b, where, metric, network, industry, period, v,
                                field(r, (size_t)cols[COL_SOURCE]));
}

int skpi_benchmarks_load_csv(skpi_benchmarks *b, const char *text, size_t size)
{
    if (!b || (!text && size > 0)) return skpi__error(SKPI_EMISUSE, "skpi_benchmarks_load_csv: NULL argument");
    void *host_locale;
    int rc = skpi__locale_enter(&host_locale);
    if (rc != SKPI_OK) return rc;
    size_t pos = 0, line = 1;
    if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) pos = 3;
    record r = { 0 };
    skpi__benchmark *rows = NULL;
    size_t n = 0, cap = 0;
    long cols[NCOLS];
    bool got;
    rc = read_record(&r, text, size, &pos, &line, &got);
    if (rc == SKPI_OK && !got) rc = skpi__error(SKPI_EPARSE, "the benchmark CSV is empty (expected a header)");
    if (rc == SKPI_OK) rc = header(cols, &r);
    while (rc == SKPI_OK) {
        if ((rc = read_record(&r, text, size, &pos, &line, &got)) != SKPI_OK || !got) break;
        void *p = rows;
        if (!skpi__grow(&p, &cap, n + 1, sizeof *rows)) { rc = skpi__nomem(); break; }
        rows = p;
        if ((rc = one_row(&rows[n], b, &r, cols)) == SKPI_OK) n++;
    }
    if (rc == SKPI_OK) rc = skpi__benchmarks_append(b, rows, n);
    if (rc != SKPI_OK)
        for (size_t i = 0; i < n; i++) skpi__benchmark_clear(&rows[i]);
    skpi__free(rows);
    skpi__free(r.buf);
    skpi__locale_leave(host_locale);
    return rc;
}
