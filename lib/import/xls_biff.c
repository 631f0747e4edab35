/* The BIFF8 records of a legacy .xls workbook stream ([MS-XLS]): the
 * globals (date system, number formats, cell formats, sheets, shared
 * strings with their CONTINUE records) and each worksheet's cells (text,
 * numbers, RK and MULRK numbers, formula results, booleans), delivered
 * row by row like the .xlsx reader's. Every length is checked against the
 * record holding it and every record against the stream; a lie is an
 * SKPI_EPARSE naming what is wrong, never a read out of bounds. */
#include "import/workbook.h"
#include "import/xls_cfb.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    R_FORMULA = 0x0006, R_EOF = 0x000A, R_DATEMODE = 0x0022, R_FILEPASS = 0x002F,
    R_CONTINUE = 0x003C, R_BOUNDSHEET = 0x0085, R_MULRK = 0x00BD, R_RSTRING = 0x00D6,
    R_XF = 0x00E0, R_SST = 0x00FC, R_LABELSST = 0x00FD, R_NUMBER = 0x0203,
    R_LABEL = 0x0204, R_BOOLERR = 0x0205, R_STRING = 0x0207, R_RK = 0x027E,
    R_FORMAT = 0x041E, R_BOF = 0x0809
};

/* Cells one sheet may hold: far beyond an analytics export, and a bound
 * on the memory a hostile sheet can make us take. */
#define XLS_MAX_CELLS ((size_t)1 << 22)

static unsigned u16(const unsigned char *p) { return (unsigned)p[0] | (unsigned)p[1] << 8; }

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* ---- text --------------------------------------------------------------- */

typedef struct text {
    char *s;
    size_t n, cap;
} text;

static int text_put(text *t, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | cp >> 6);
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | cp >> 12);
        b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | cp >> 18);
        b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    if (!skpi__grow((void **)&t->s, &t->cap, t->n + n + 1, 1))
        return skpi__nomem();
    memcpy(t->s + t->n, b, n);
    t->n += n;
    t->s[t->n] = '\0';
    return SKPI_OK;
}

/* One UTF-16 code unit; *hi holds a high surrogate waiting for its pair.
 * Lone surrogates become U+FFFD. */
static int text_unit(text *t, uint32_t *hi, unsigned u)
{
    int rc = SKPI_OK;
    if (*hi != 0 && (u < 0xDC00 || u > 0xDFFF)) {
        rc = text_put(t, 0xFFFD);
        *hi = 0;
    }
    if (rc != SKPI_OK)
        return rc;
    if (u >= 0xD800 && u <= 0xDBFF) {
        *hi = u;
        return SKPI_OK;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
        uint32_t h = *hi;
        *hi = 0;
        return text_put(t, h ? 0x10000 + ((h - 0xD800) << 10) + (u - 0xDC00) : 0xFFFD);
    }
    return text_put(t, u);
}

/* ---- a record and its CONTINUE records, read as one ---------------------- */

typedef struct seg {
    const unsigned char *p;
    size_t n;
} seg;

typedef struct rd {
    seg *s;
    size_t ns, cap;
    size_t i, pos; /* segment, offset in it */
} rd;

static size_t rd_left(const rd *r)
{
    size_t n = 0;
    for (size_t k = r->i; k < r->ns; k++)
        n += r->s[k].n - (k == r->i ? r->pos : 0);
    return n;
}

/* n bytes, crossing segments; out may be NULL to skip them. */
static bool rd_bytes(rd *r, unsigned char *out, size_t n)
{
    while (n > 0) {
        if (r->i >= r->ns)
            return false;
        size_t avail = r->s[r->i].n - r->pos, take = n < avail ? n : avail;
        if (out != NULL) {
            memcpy(out, r->s[r->i].p + r->pos, take);
            out += take;
        }
        r->pos += take;
        n -= take;
        if (r->pos == r->s[r->i].n) {
            r->i++;
            r->pos = 0;
        }
    }
    return true;
}

/* An XLUnicodeString with a length field of `lenbytes` (1 or 2) bytes into
 * t (appended). Where the characters cross into a CONTINUE record, that
 * record starts with a new flags byte (compressed or UTF-16). 1 on
 * success, 0 when the record ends too early, negative on ENOMEM. */
static int rd_string(rd *r, unsigned lenbytes, text *t)
{
    unsigned char h[4];
    size_t first = r->i;
    if (!rd_bytes(r, h, lenbytes + 1))
        return 0;
    size_t cch = lenbytes == 1 ? h[0] : u16(h);
    unsigned flags = h[lenbytes];
    size_t runs = 0, ext = 0;
    if ((flags & 0x08) != 0) {
        if (!rd_bytes(r, h, 2))
            return 0;
        runs = u16(h);
    }
    if ((flags & 0x04) != 0) {
        if (!rd_bytes(r, h, 4))
            return 0;
        ext = u32(h);
    }
    bool wide = (flags & 0x01) != 0;
    uint32_t hi = 0;
    int rc;
    for (size_t k = 0; k < cch; k++) {
        if (r->i < r->ns && r->pos == 0 && r->i > first) {
            /* a CONTINUE record in the middle of the characters */
            if (!rd_bytes(r, h, 1))
                return 0;
            wide = (h[0] & 0x01) != 0;
        }
        if (!rd_bytes(r, h, wide ? 2 : 1))
            return 0;
        if ((rc = text_unit(t, &hi, wide ? u16(h) : h[0])) != SKPI_OK)
            return rc;
    }
    if (hi != 0 && (rc = text_put(t, 0xFFFD)) != SKPI_OK)
        return rc;
    if (runs * 4 + ext > rd_left(r))
        return 0;
    return rd_bytes(r, NULL, runs * 4 + ext) ? 1 : 0;
}

/* ---- the workbook ---------------------------------------------------- */

typedef struct fmt {
    unsigned id;
    bool date;
} fmt;

typedef struct sheet {
    uint32_t pos;
    char name[128];
} sheet;

/* A cell of the sheet being read, kept until the sheet is sorted by row. */
enum { C_NUM, C_SST, C_TEXT };
typedef struct cell {
    uint32_t row, seq;
    uint16_t col;
    uint8_t kind;
    bool date;
    union {
        double num;
        uint32_t sst;
        struct {
            uint32_t off, len;
        } text;
    } v;
} cell;

typedef struct span {
    size_t off, len;
} span;

typedef struct book {
    const unsigned char *st;
    size_t len;
    const char *name;
    bool date1904;
    fmt *fmts;
    size_t nfmts, cfmts;
    unsigned *xf;      /* each cell format's number format */
    bool *xf_date;
    size_t nxf, cxf;
    sheet *sheets;
    size_t nsheets, csheets;
    text sst;          /* the shared strings, each NUL-terminated */
    span *strings;
    size_t nsst, csst;
    rd rd;             /* the record being read, with its CONTINUEs */
    cell *cells;
    size_t ncells, ccells;
    text cell_text;
} book;

static int damaged(const book *b, const char *fmt, ...) SKPI__PRINTF(2, 3);

static int damaged(const book *b, const char *fmt, ...)
{
    char why[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    return skpi__error(SKPI_EPARSE, "%s: the .xls file is damaged: %s", b->name, why);
}

/* The record at *pos: its id, body and length; *pos moves past it. */
static int next_record(const book *b, size_t *pos, unsigned *id, const unsigned char **body,
                       size_t *n)
{
    /* Outputs set on every path, so callers read no uninitialised value. */
    *id = 0;
    *body = NULL;
    *n = 0;
    if (b->len - *pos < 4)
        return damaged(b, "the workbook stream ends inside a record's header");
    *id = u16(b->st + *pos);
    *n = u16(b->st + *pos + 2);
    if (b->len - *pos - 4 < *n)
        return damaged(b, "a record (type 0x%04X) runs past the end of the workbook stream", *id);
    *body = b->st + *pos + 4;
    *pos += 4 + *n;
    return SKPI_OK;
}

/* Load the record (body, n) and the CONTINUE records after it into b->rd. */
static int gather(book *b, const unsigned char *body, size_t n, size_t *pos)
{
    rd *r = &b->rd;
    r->ns = r->i = r->pos = 0;
    for (;;) {
        if (!skpi__grow((void **)&r->s, &r->cap, r->ns + 1, sizeof *r->s))
            return skpi__nomem();
        r->s[r->ns++] = (seg){ body, n };
        if (b->len - *pos < 4 || u16(b->st + *pos) != R_CONTINUE)
            return SKPI_OK;
        unsigned id;
        int rc = next_record(b, pos, &id, &body, &n);
        if (rc != SKPI_OK)
            return rc;
    }
}

static int read_sst(book *b, const unsigned char *body, size_t n, size_t *pos)
{
    if (n < 8)
        return damaged(b, "the shared string table is shorter than its header");
    size_t count = u32(body + 4);
    if (count > SKPI__BOOK_MAX_STRINGS)
        return damaged(b, "the shared string table claims %zu strings, more than %zu", count,
                       SKPI__BOOK_MAX_STRINGS);
    int rc = gather(b, body, n, pos);
    if (rc != SKPI_OK)
        return rc;
    rd_bytes(&b->rd, NULL, 8);
    b->nsst = 0;
    b->sst.n = 0;
    for (size_t i = 0; i < count; i++) {
        if (!skpi__grow((void **)&b->strings, &b->csst, i + 1, sizeof *b->strings))
            return skpi__nomem();
        size_t start = b->sst.n;
        rc = rd_string(&b->rd, 2, &b->sst);
        if (rc < 0)
            return rc;
        if (rc == 0)
            return damaged(b, "the shared string table claims %zu strings but holds %zu", count,
                           i);
        b->strings[i] = (span){ start, b->sst.n - start };
        /* each string NUL-terminated in the arena */
        if ((rc = text_put(&b->sst, 0)) != SKPI_OK)
            return rc;
        b->nsst = i + 1;
    }
    return SKPI_OK;
}

/* An XLUnicodeString in a record with no CONTINUE (names, formats, LABEL)
 * as UTF-8 in t (replaced). 1, 0 when the record ends too early, or a
 * negative code. */
static int plain_string(book *b, const unsigned char *p, size_t n, unsigned lenbytes, text *t)
{
    seg one = { p, n };
    rd r = { &one, 1, 1, 0, 0 };
    t->n = 0;
    if (t->s != NULL)
        t->s[0] = '\0';
    (void)b;
    return rd_string(&r, lenbytes, t);
}

static int read_format(book *b, const unsigned char *p, size_t n, text *tmp)
{
    if (n < 2)
        return damaged(b, "a number format record is truncated");
    int rc = plain_string(b, p + 2, n - 2, 2, tmp);
    if (rc <= 0)
        return rc < 0 ? rc : damaged(b, "a number format's text runs past its record");
    if (!skpi__grow((void **)&b->fmts, &b->cfmts, b->nfmts + 1, sizeof *b->fmts))
        return skpi__nomem();
    b->fmts[b->nfmts++] = (fmt){ u16(p), skpi__book_code_is_date(tmp->s) };
    return SKPI_OK;
}

static int read_boundsheet(book *b, const unsigned char *p, size_t n, text *tmp)
{
    if (n < 8)
        return damaged(b, "a sheet's entry in the workbook is truncated");
    /* Charts, macro sheets and VBA modules hold no cells to import. */
    if (p[5] != 0)
        return SKPI_OK;
    int rc = plain_string(b, p + 6, n - 6, 1, tmp);
    if (rc <= 0)
        return rc < 0 ? rc : damaged(b, "a sheet's name runs past its record");
    if (b->nsheets >= SKPI__BOOK_MAX_SHEETS)
        return skpi__error(SKPI_EPARSE, "%s: the workbook has more than %zu sheets", b->name,
                           SKPI__BOOK_MAX_SHEETS);
    if (!skpi__grow((void **)&b->sheets, &b->csheets, b->nsheets + 1, sizeof *b->sheets))
        return skpi__nomem();
    sheet *s = &b->sheets[b->nsheets++];
    s->pos = u32(p);
    snprintf(s->name, sizeof s->name, "%s", tmp->s ? tmp->s : "");
    return SKPI_OK;
}

/* The BOF record opening a substream: BIFF8 only, of the given type. */
static int check_bof(const book *b, unsigned id, const unsigned char *p, size_t n, unsigned type,
                     const char *what)
{
    if (id == 0x0009 || id == 0x0209 || id == 0x0409 || (id == R_BOF && n >= 2 && u16(p) < 0x0600))
        return skpi__error(SKPI_EPARSE, "%s: the workbook is in an Excel format older than Excel "
                           "97 (BIFF2 to BIFF7), which is not read: save it from Excel as .xlsx",
                           b->name);
    if (id != R_BOF || n < 4 || u16(p) != 0x0600)
        return damaged(b, "%s does not start with a BIFF8 beginning-of-file record", what);
    if (u16(p + 2) != type)
        return damaged(b, "%s starts with a beginning-of-file record of another kind", what);
    return SKPI_OK;
}

/* The globals substream, up to its EOF record. */
static int read_globals(book *b)
{
    size_t pos = 0;
    unsigned id;
    const unsigned char *p;
    size_t n;
    text tmp = { NULL, 0, 0 };
    int rc = next_record(b, &pos, &id, &p, &n);
    if (rc == SKPI_OK)
        rc = check_bof(b, id, p, n, 0x0005, "the workbook stream");
    while (rc == SKPI_OK) {
        if ((rc = next_record(b, &pos, &id, &p, &n)) != SKPI_OK)
            break;
        if (id == R_EOF)
            break;
        switch (id) {
        case R_FILEPASS:
            rc = skpi__error(SKPI_EPARSE, "%s: the workbook is encrypted (protected with a "
                             "password), and cannot be read: save it without one", b->name);
            break;
        case R_DATEMODE:
            b->date1904 = n >= 2 && u16(p) == 1;
            break;
        case R_FORMAT:
            rc = read_format(b, p, n, &tmp);
            break;
        case R_XF:
            if (n < 4)
                rc = damaged(b, "a cell format record is truncated");
            else if (!skpi__grow((void **)&b->xf, &b->cxf, b->nxf + 1, sizeof *b->xf))
                rc = skpi__nomem();
            else
                b->xf[b->nxf++] = u16(p + 2);
            break;
        case R_BOUNDSHEET:
            rc = read_boundsheet(b, p, n, &tmp);
            break;
        case R_SST:
            rc = read_sst(b, p, n, &pos);
            break;
        default:
            break;
        }
    }
    skpi__free(tmp.s);
    if (rc != SKPI_OK)
        return rc;
    if (b->nsheets == 0)
        return skpi__error(SKPI_EPARSE, "%s: the workbook lists no sheet", b->name);
    if (b->nxf > 0 && (b->xf_date = skpi__calloc(b->nxf, sizeof *b->xf_date)) == NULL)
        return skpi__nomem();
    for (size_t i = 0; i < b->nxf; i++) {
        /* A workbook's own format may reuse a built-in id: its own wins. */
        bool date = skpi__book_builtin_date(b->xf[i]);
        for (size_t k = 0; k < b->nfmts; k++)
            if (b->fmts[k].id == b->xf[i])
                date = b->fmts[k].date;
        b->xf_date[i] = date;
    }
    return SKPI_OK;
}

/* ---- a sheet's cells ------------------------------------------------------ */

static int push_cell(book *b, const char *sheet, unsigned row, unsigned col, cell c)
{
    if (b->ncells >= XLS_MAX_CELLS)
        return skpi__error(SKPI_EPARSE, "%s: sheet \"%.60s\" holds more than %zu cells, more "
                           "than an analytics export", b->name, sheet, XLS_MAX_CELLS);
    if (!skpi__grow((void **)&b->cells, &b->ccells, b->ncells + 1, sizeof *b->cells))
        return skpi__nomem();
    c.row = row;
    c.col = (uint16_t)col;
    c.seq = (uint32_t)b->ncells;
    b->cells[b->ncells++] = c;
    return SKPI_OK;
}

static cell number(const book *b, unsigned ixfe, double v)
{
    cell c;
    memset(&c, 0, sizeof c);
    c.kind = C_NUM;
    c.date = ixfe < b->nxf && b->xf_date[ixfe];
    c.v.num = v;
    return c;
}

/* An RK number: a 30-bit integer or the high 30 bits of a double, maybe
 * divided by 100. */
static double rk_value(uint32_t rk)
{
    double v;
    if (rk & 2) {
        int32_t i = (int32_t)(rk & ~3u);
        v = (double)(i / 4);
    } else {
        uint64_t bits = (uint64_t)(rk & ~3u) << 32;
        memcpy(&v, &bits, sizeof v);
    }
    return (rk & 1) ? v / 100.0 : v;
}

/* The text now in b->cell_text (from its offset `from`) as a cell. */
static int push_text(book *b, const char *sheet, unsigned row, unsigned col, size_t from)
{
    cell c;
    memset(&c, 0, sizeof c);
    c.kind = C_TEXT;
    c.v.text.off = (uint32_t)from;
    c.v.text.len = (uint32_t)(b->cell_text.n - from);
    if (b->cell_text.n > UINT32_MAX)
        return skpi__error(SKPI_EPARSE, "%s: sheet \"%.60s\" holds more text than an analytics "
                           "export", b->name, sheet);
    return push_cell(b, sheet, row, col, c);
}

/* Append a string read by `read` to the sheet's text arena. */
static int text_cell(book *b, const char *sheet, unsigned row, unsigned col, rd *r,
                     unsigned lenbytes, const char *what)
{
    size_t from = b->cell_text.n;
    int rc = rd_string(r, lenbytes, &b->cell_text);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return damaged(b, "sheet \"%.60s\", row %u: %s runs past its record", sheet, row + 1,
                       what);
    return push_text(b, sheet, row, col, from);
}

static int literal_cell(book *b, const char *sheet, unsigned row, unsigned col, const char *s)
{
    size_t from = b->cell_text.n;
    for (; *s; s++) {
        int rc = text_put(&b->cell_text, (unsigned char)*s);
        if (rc != SKPI_OK)
            return rc;
    }
    return push_text(b, sheet, row, col, from);
}

typedef struct pending {
    bool on;
    unsigned row, col;
} pending;

/* One record of a sheet; *formula is the cell waiting for its STRING. */
static int sheet_record(book *b, const char *sheet, unsigned id, const unsigned char *p,
                        size_t n, size_t *pos, pending *formula)
{
    size_t need = id == R_NUMBER ? 14 : id == R_RK ? 10 : id == R_LABELSST ? 10
                : id == R_MULRK ? 12 : id == R_FORMULA ? 20 : id == R_BOOLERR ? 8
                : id == R_LABEL || id == R_RSTRING ? 9 : 0;
    if (n < need)
        return damaged(b, "sheet \"%.60s\": a cell record (type 0x%04X) is truncated", sheet, id);
    unsigned row = need ? u16(p) : 0, col = need ? u16(p + 2) : 0, ixfe = need ? u16(p + 4) : 0;
    if (id != R_STRING && need)
        formula->on = false;
    switch (id) {
    case R_NUMBER: {
        double v;
        uint64_t bits = (uint64_t)u32(p + 6) | (uint64_t)u32(p + 10) << 32;
        memcpy(&v, &bits, sizeof v);
        return push_cell(b, sheet, row, col, number(b, ixfe, v));
    }
    case R_RK:
        return push_cell(b, sheet, row, col, number(b, ixfe, rk_value(u32(p + 6))));
    case R_MULRK: {
        if ((n - 6) % 6 != 0)
            return damaged(b, "sheet \"%.60s\", row %u: a run of numbers is cut short", sheet,
                           row + 1);
        size_t count = (n - 6) / 6;
        for (size_t i = 0; i < count; i++) {
            const unsigned char *q = p + 4 + i * 6;
            int rc = push_cell(b, sheet, row, col + (unsigned)i,
                               number(b, u16(q), rk_value(u32(q + 2))));
            if (rc != SKPI_OK)
                return rc;
        }
        return SKPI_OK;
    }
    case R_LABELSST: {
        uint32_t k = u32(p + 6);
        if (k >= b->nsst)
            return damaged(b, "sheet \"%.60s\", row %u: a cell names shared string %lu, beyond "
                           "the %zu strings of the table", sheet, row + 1, (unsigned long)k,
                           b->nsst);
        cell c;
        memset(&c, 0, sizeof c);
        c.kind = C_SST;
        c.v.sst = k;
        return push_cell(b, sheet, row, col, c);
    }
    case R_LABEL:
    case R_RSTRING: {
        seg one = { p + 6, n - 6 };
        rd r = { &one, 1, 1, 0, 0 };
        return text_cell(b, sheet, row, col, &r, 2, "a text cell");
    }
    case R_BOOLERR:
        /* error cells (#N/A, #DIV/0!) are missing values */
        return p[7] != 0 ? SKPI_OK : literal_cell(b, sheet, row, col, p[6] ? "TRUE" : "FALSE");
    case R_FORMULA:
        if (u16(p + 12) != 0xFFFF) {
            double v;
            uint64_t bits = (uint64_t)u32(p + 6) | (uint64_t)u32(p + 10) << 32;
            memcpy(&v, &bits, sizeof v);
            return push_cell(b, sheet, row, col, number(b, ixfe, v));
        }
        if (p[6] == 0)
            *formula = (pending){ true, row, col }; /* the text follows in a STRING record */
        else if (p[6] == 1)
            return literal_cell(b, sheet, row, col, p[8] ? "TRUE" : "FALSE");
        return SKPI_OK;
    case R_STRING: {
        if (!formula->on)
            return SKPI_OK;
        formula->on = false;
        int rc = gather(b, p, n, pos);
        return rc != SKPI_OK ? rc
                             : text_cell(b, sheet, formula->row, formula->col, &b->rd, 2,
                                         "a formula's text");
    }
    default:
        return SKPI_OK;
    }
}

static int by_row(const void *a, const void *b)
{
    const cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Hand the sheet's cells out row by row, in row order. */
static int emit_rows(book *b, const char *sheet, const skpi__book_fns *fns, void *ctx)
{
    qsort(b->cells, b->ncells, sizeof *b->cells, by_row);
    char where[200];
    skpi__book_row row;
    skpi__book_row_init(&row);
    int rc = SKPI_OK;
    for (size_t i = 0; rc == SKPI_OK && i < b->ncells;) {
        uint32_t r = b->cells[i].row;
        snprintf(where, sizeof where, "%s: sheet \"%.60s\", row %lu", b->name, sheet,
                 (unsigned long)r + 1);
        skpi__book_row_clear(&row);
        for (; rc == SKPI_OK && i < b->ncells && b->cells[i].row == r; i++) {
            const cell *c = &b->cells[i];
            if (c->kind == C_NUM)
                rc = skpi__book_row_number(&row, c->col, c->v.num, c->date, b->date1904, where);
            else if (c->kind == C_SST)
                rc = skpi__book_row_set(&row, c->col, b->sst.s + b->strings[c->v.sst].off,
                                        b->strings[c->v.sst].len, where);
            else
                rc = skpi__book_row_set(&row, c->col, b->cell_text.s + c->v.text.off,
                                        c->v.text.len, where);
        }
        if (rc == SKPI_OK)
            rc = skpi__book_row_emit(&row, (uint64_t)r + 1, fns, ctx);
    }
    skpi__book_row_free(&row);
    return rc == SKPI__SHEET_STOP ? SKPI_OK : rc;
}

/* A worksheet substream from its BOF to its EOF; charts embedded in it are
 * substreams of their own, skipped whole. */
static int read_sheet(book *b, const sheet *s, const skpi__book_fns *fns, void *ctx)
{
    size_t pos = s->pos;
    unsigned id;
    const unsigned char *p;
    size_t n;
    if (pos >= b->len)
        return damaged(b, "sheet \"%.60s\" is said to start past the end of the workbook stream",
                       s->name);
    int rc = next_record(b, &pos, &id, &p, &n);
    if (rc == SKPI_OK && (id != R_BOF || n < 4 || u16(p + 2) != 0x0010))
        return damaged(b, "sheet \"%.60s\" does not start where the workbook says", s->name);
    b->ncells = 0;
    b->cell_text.n = 0;
    pending formula = { false, 0, 0 };
    for (unsigned depth = 1; rc == SKPI_OK && depth > 0;) {
        if ((rc = next_record(b, &pos, &id, &p, &n)) != SKPI_OK)
            break;
        if (id == R_BOF)
            depth++;
        else if (id == R_EOF)
            depth--;
        else if (depth == 1)
            rc = sheet_record(b, s->name, id, p, n, &pos, &formula);
    }
    if (rc == SKPI_OK)
        rc = fns->sheet_begin(ctx, s->name);
    if (rc == SKPI_OK)
        rc = emit_rows(b, s->name, fns, ctx);
    if (rc == SKPI_OK)
        rc = fns->sheet_end(ctx);
    return rc;
}

static void book_free(book *b)
{
    skpi__free(b->fmts);
    skpi__free(b->xf);
    skpi__free(b->xf_date);
    skpi__free(b->sheets);
    skpi__free(b->sst.s);
    skpi__free(b->strings);
    skpi__free(b->rd.s);
    skpi__free(b->cells);
    skpi__free(b->cell_text.s);
}

int skpi__xls_read(const void *data, size_t size, const char *name, const skpi__book_fns *fns,
                   void *ctx)
{
    book b;
    memset(&b, 0, sizeof b);
    b.name = name;
    unsigned char *stream = NULL;
    int rc = skpi__cfb_workbook(data, size, name, &stream, &b.len);
    b.st = stream;
    if (rc == SKPI_OK)
        rc = read_globals(&b);
    for (size_t i = 0; rc == SKPI_OK && i < b.nsheets; i++)
        rc = read_sheet(&b, &b.sheets[i], fns, ctx);
    book_free(&b);
    skpi__free(stream);
    return rc;
}
