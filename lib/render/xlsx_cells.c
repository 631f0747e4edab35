/* XLSX cells: cleaned text, numbers in their unit's format, dates, links,
 * sheet names, and the column widths that follow what was written. */
#include "render/xlsx_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A cell holds at most 32,767 UTF-16 code units (Excel's limit). */
#define CELL_UNITS 32767
/* A sheet name holds at most 31 UTF-16 code units. */
#define NAME_UNITS 31

bool skpi__xlsx_ok(skpi__xlsx *x) { return x->r->out.err == SKPI_OK; }

void skpi__xlsx_fail_lxw(skpi__xlsx *x, lxw_error e, const char *what)
{
    if (e == LXW_NO_ERROR || !skpi__xlsx_ok(x)) return;
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED) {
        skpi__out_fail(&x->r->out, skpi__nomem());
        return;
    }
    skpi__out_fail(&x->r->out, skpi__error(SKPI_ERANGE, "skpi_render: XLSX: %s on the sheet '%s': %s", what,
                                           x->sheet ? x->sheet : "", lxw_strerror(e)));
}

static bool grow(skpi__xlsx *x, size_t need)
{
    if (need <= x->cap) return true;
    size_t cap = x->cap ? x->cap : 256;
    while (cap < need) cap *= 2;
    char *p = skpi__realloc(x->buf, cap);
    if (p == NULL) {
        skpi__out_fail(&x->r->out, skpi__nomem());
        return false;
    }
    x->buf = p;
    x->cap = cap;
    return true;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Columns a code point takes: East Asian wide characters and emoji two. */
static double columns(uint32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2.0;
    return 1.0;
}

static bool hex4(const char *s)
{
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
}

/* What a cell may hold: valid UTF-8 with no control character but tab and
 * line feed (a CR LF becomes LF), no non-character U+FFFE/U+FFFF, and no
 * literal "_xHHHH_", which readers take for an escaped character: its '_'
 * is itself escaped as "_x005F_". Cut at `units` UTF-16 code units with
 * "…". `width` receives the longest line's columns. `name` also replaces
 * line breaks and tabs by spaces. */
static const char *clean(skpi__xlsx *x, const char *s, size_t units, bool name, double *width)
{
    size_t n = strlen(s);
    /* "_x005F_" (7 bytes) for a '_' is the largest growth per input byte. */
    if (n > (SIZE_MAX - 16) / 7 || !grow(x, n * 7 + 16)) return NULL;
    char *o = x->buf;
    size_t len = 0, used = 0;
    double line = 0, widest = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = skpi__utf8_next(p + i, n - i, &cp);
        if (cp == '\r' && i + k < n && p[i + k] == '\n') { i += k; continue; }
        if (cp == '\r') cp = '\n';
        if (name && (cp == '\n' || cp == '\t')) cp = ' ';
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF)
            cp = 0xFFFD;
        size_t u = cp >= 0x10000 ? 2 : 1;
        if (used + u > units - 1 && i + k < n) {
            len += put_utf8(o + len, 0x2026);
            line += 1;
            break;
        }
        if (cp == '_' && !name && n - i >= 7 && p[i + 1] == 'x' && hex4(s + i + 2) && p[i + 6] == '_') {
            memcpy(o + len, "_x005F_", 7);
            len += 7;
        } else {
            len += put_utf8(o + len, cp);
        }
        used += u;
        if (cp == '\n') {
            if (line > widest) widest = line;
            line = 0;
        } else {
            line += columns(cp);
        }
        i += k;
    }
    if (line > widest) widest = line;
    o[len] = '\0';
    if (width) *width = widest;
    return o;
}

const char *skpi__xlsx_clean(skpi__xlsx *x, const char *s, double *width)
{
    return clean(x, s, CELL_UNITS, false, width);
}

static void track(skpi__xlsx *x, lxw_col_t col, double w)
{
    if (col < SKPI__XLSX_COLUMNS && w > x->width[col]) x->width[col] = w;
}

void skpi__xlsx_text(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f)
{
    if (s == NULL || !skpi__xlsx_ok(x)) return;
    double w;
    const char *t = clean(x, s, CELL_UNITS, false, &w);
    if (t == NULL) return;
    /* Long text wraps in a column of the widest width; line breaks show
     * only in a wrapping cell. */
    if (f == x->text && (w > SKPI__XLSX_MAX_WIDTH || strchr(t, '\n'))) f = x->wrap;
    skpi__xlsx_fail_lxw(x, worksheet_write_string(x->ws, row, col, t, f), "a text cell");
    track(x, col, w);
}

/* The width a number takes in its format, roughly: digits, groups, sign,
 * decimals and a suffix. */
static double number_width(double v, bool whole, double suffix)
{
    double digits = fabs(v) >= 1 ? floor(log10(fabs(v))) + 1 : 1;
    return digits + floor((digits - 1) / 3) + 1 + (whole ? 0 : 3) + suffix;
}

void skpi__xlsx_plain(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
    if (!isfinite(v) || !skpi__xlsx_ok(x)) return;
    skpi__xlsx_fail_lxw(x, worksheet_write_number(x->ws, row, col, v, f), "a number cell");
    track(x, col, number_width(v, v == floor(v), 3));
}

void skpi__xlsx_number(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, double v, int unit, bool sign)
{
    if (!isfinite(v) || !skpi__xlsx_ok(x)) return;
    if (unit < 0 || unit > SKPI_UNIT_SCORE) unit = SKPI_UNIT_COUNT;
    const skpi__xlsx_unit *u = &x->units[unit];
    bool whole = v == floor(v) && fabs(v) < 1e15 && unit != SKPI_UNIT_PERCENT;
    lxw_format *f = whole ? (sign ? u->whole_signed : u->whole) : (sign ? u->decimal_signed : u->decimal);
    skpi__xlsx_fail_lxw(x, worksheet_write_number(x->ws, row, col, v * u->scale, f), "a number cell");
    double suffix = unit == SKPI_UNIT_CURRENCY ? 1 + strlen(skpi_doc_currency(x->doc)) : 2;
    track(x, col, number_width(v, whole, suffix));
}

static bool has_number(skpi_value v) { return v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL; }

void skpi__xlsx_figure(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, skpi_value v, lxw_format *f)
{
    if (has_number(v)) skpi__xlsx_plain(x, row, col, v.value, f);
}

void skpi__xlsx_value(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, skpi_value v, int unit, bool sign)
{
    if (has_number(v)) skpi__xlsx_number(x, row, col, v.value, unit, sign);
}

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int month_days(int y, int m)
{
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* 1: a date (with a time when dt's time is set), 2: a month, 0: neither.
 * Excel's dates begin in 1900. */
static int parse_date(lxw_datetime *dt, const char *s)
{
    size_t n = strlen(s);
    if (n < 7 || s[4] != '-') return 0;
    int y = digits(s, 4), m = digits(s + 5, 2);
    if (y < 1900 || m < 1 || m > 12) return 0;
    memset(dt, 0, sizeof *dt);
    dt->year = y;
    dt->month = m;
    dt->day = 1;
    if (n == 7) return 2;
    if (n < 10 || s[7] != '-') return 0;
    int d = digits(s + 8, 2);
    if (d < 1 || d > month_days(y, m)) return 0;
    dt->day = d;
    if (n == 10) return 1;
    if ((n != 16 && n != 19) || (s[10] != ' ' && s[10] != 'T') || s[13] != ':') return 0;
    int h = digits(s + 11, 2), mi = digits(s + 14, 2), sec = 0;
    if (n == 19 && (s[16] != ':' || (sec = digits(s + 17, 2)) < 0 || sec > 59)) return 0;
    if (h < 0 || h > 23 || mi < 0 || mi > 59) return 0;
    dt->hour = h;
    dt->min = mi;
    dt->sec = sec;
    return 1;
}

bool skpi__xlsx_is_date(const char *s)
{
    lxw_datetime dt;
    return s != NULL && parse_date(&dt, s) != 0;
}

void skpi__xlsx_date(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, const char *s)
{
    if (s == NULL || !skpi__xlsx_ok(x)) return;
    lxw_datetime dt;
    int kind = parse_date(&dt, s);
    if (kind == 0) {
        skpi__xlsx_text(x, row, col, s, x->text);
        return;
    }
    bool timed = dt.hour || dt.min || dt.sec != 0;
    lxw_format *f = kind == 2 ? x->month : timed ? x->datetime : x->date;
    skpi__xlsx_fail_lxw(x, worksheet_write_datetime(x->ws, row, col, &dt, f), "a date cell");
    track(x, col, kind == 2 ? 7 : timed ? 16 : 10);
}

void skpi__xlsx_url(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, const char *url)
{
    if (url == NULL || !skpi__xlsx_ok(x)) return;
    /* Excel's limit for a link is 2,079 characters; longer ones stay text. */
    if (skpi__url_is_safe(url) && strlen(url) <= 2079 &&
        worksheet_write_url(x->ws, row, col, url, x->link) == LXW_NO_ERROR) {
        track(x, col, (double)strlen(url));
        return;
    }
    skpi__xlsx_text(x, row, col, url, x->text);
}

/* ---- sheet names --------------------------------------------------------- */

static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char cb = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (ca != cb) return false;
    }
    return *a == *b;
}

static bool taken(const skpi__xlsx *x, const char *name)
{
    /* Excel keeps "History" for itself. */
    if (same_name(name, "History")) return true;
    for (size_t i = 0; i < x->nnames; i++)
        if (same_name(x->names[i], name)) return true;
    return false;
}

/* Cut a UTF-8 name to `units` UTF-16 code units at a character boundary. */
static void cut_units(char *s, size_t units)
{
    size_t used = 0, i = 0, n = strlen(s);
    while (i < n) {
        uint32_t cp;
        size_t k = skpi__utf8_next((const unsigned char *)s + i, n - i, &cp);
        size_t u = cp >= 0x10000 ? 2 : 1;
        if (used + u > units) break;
        used += u;
        i += k;
    }
    s[i] = '\0';
}

/* Trim spaces and the apostrophes a name may not begin or end with. */
static void trim(char *s)
{
    size_t n = strlen(s), a = 0;
    while (a < n && (s[a] == ' ' || s[a] == '\'')) a++;
    while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\'')) n--;
    memmove(s, s + a, n - a);
    s[n - a] = '\0';
}

lxw_worksheet *skpi__xlsx_add_sheet(skpi__xlsx *x, const char *title, const char *fallback)
{
    if (!skpi__xlsx_ok(x)) return NULL;
    char **names = skpi__realloc(x->names, (x->nnames + 1) * sizeof *names);
    if (names == NULL) { skpi__out_fail(&x->r->out, skpi__nomem()); return NULL; }
    x->names = names;
    char base[NAME_UNITS * 4 + 1] = "";
    const char *t = title && title[0] ? clean(x, title, NAME_UNITS, true, NULL) : NULL;
    if (title && title[0] && t == NULL) return NULL;
    snprintf(base, sizeof base, "%s", t ? t : fallback);
    for (char *c = base; *c; c++)
        if (strchr("[]:*?/\\", *c)) *c = '_';
    cut_units(base, NAME_UNITS);
    trim(base);
    if (base[0] == '\0') snprintf(base, sizeof base, "%s", fallback);
    char name[sizeof base + 16];
    snprintf(name, sizeof name, "%s", base);
    for (unsigned k = 2; taken(x, name); k++) {
        char suffix[16];
        int w = snprintf(suffix, sizeof suffix, " (%u)", k);
        cut_units(base, NAME_UNITS - (size_t)w);
        snprintf(name, sizeof name, "%s%s", base, suffix);
    }
    char *copy = skpi__strdup(name);
    if (copy == NULL) { skpi__out_fail(&x->r->out, skpi__nomem()); return NULL; }
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, copy);
    if (ws == NULL) {
        skpi__free(copy);
        skpi__out_fail(&x->r->out, skpi__error(SKPI_ERANGE, "skpi_render: XLSX: the sheet for '%s' cannot be "
                                                              "added", fallback));
        return NULL;
    }
    x->names[x->nnames++] = copy;
    x->ws = ws;
    x->sheet = copy;
    memset(x->width, 0, sizeof x->width);
    return ws;
}

lxw_row_t skpi__xlsx_sheet(skpi__xlsx *x, const char *title, const char *fallback,
                           const char *const *headers, size_t n, const bool *right)
{
    if (skpi__xlsx_add_sheet(x, title, fallback) == NULL) return 0;
    skpi__xlsx_text(x, 0, 0, title && title[0] ? title : fallback, x->title);
    x->width[0] = 0; /* the caption runs over the columns beside it */
    for (size_t c = 0; c < n; c++)
        skpi__xlsx_text(x, 1, (lxw_col_t)c, headers[c], right && right[c] ? x->header_right : x->header);
    /* Header row stays in view while scrolling. */
    worksheet_freeze_panes(x->ws, 2, 0);
    return 2;
}

void skpi__xlsx_fit(skpi__xlsx *x, size_t columns)
{
    if (!skpi__xlsx_ok(x)) return;
    for (size_t c = 0; c < columns && c < SKPI__XLSX_COLUMNS; c++) {
        /* A little room for the autofilter-free header and padding. */
        double w = x->width[c] + 2;
        if (w < SKPI__XLSX_MIN_WIDTH) w = SKPI__XLSX_MIN_WIDTH;
        if (w > SKPI__XLSX_MAX_WIDTH) w = SKPI__XLSX_MAX_WIDTH;
        worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
    }
}
