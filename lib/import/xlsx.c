/* The .xlsx reader: the zip archive through libzip, its XML parts through
 * libxml2's streaming reader. Sheets come in workbook order, named from
 * workbook.xml and found through its relationships; cells are shared or
 * inline strings, numbers, booleans, and dates (numbers whose style has a
 * date format, in the workbook's 1900 or 1904 date system). */
#include "import/workbook.h"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ---- text buffers ------------------------------------------------------ */

typedef struct text {
    char *s;
    size_t n, cap;
} text;

static int text_add(text *t, const char *s, size_t n)
{
    if (!skpi__grow((void **)&t->s, &t->cap, t->n + n + 1, 1))
        return skpi__nomem();
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = '\0';
    return SKPI_OK;
}

/* ---- the archive -------------------------------------------------------- */

typedef struct book {
    const char *name;          /* file name for messages */
    zip_t *zip;
    size_t unpacked;           /* bytes unpacked so far, against SKPI__BOOK_MAX_TOTAL */
    bool date1904;
    /* shared strings: one arena, offsets and lengths by index */
    text sst;
    size_t *sst_off, *sst_len;
    size_t nsst, csst;
    /* styles: whether each cell format (cellXfs index) shows a date */
    bool *xf_date;
    size_t nxf;
    /* sheets in workbook order */
    char **sheet_name, **sheet_rid, **sheet_part;
    size_t nsheets;
} book;

/* Read a whole part into memory (NUL-terminated), bounded whatever the
 * archive's directory claims. *found is false for an absent part. */
static int read_part(book *b, const char *part, char **out, size_t *len, bool *found)
{
    *out = NULL;
    *len = 0;
    *found = false;
    zip_int64_t idx = zip_name_locate(b->zip, part, ZIP_FL_NOCASE);
    if (idx < 0)
        return SKPI_OK;
    *found = true;
    zip_file_t *f = zip_fopen_index(b->zip, (zip_uint64_t)idx, 0);
    if (f == NULL)
        return skpi__error(SKPI_EPARSE, "%s: the workbook part %s cannot be unpacked (%s)",
                           b->name, part, zip_strerror(b->zip));
    text t = { NULL, 0, 0 };
    char chunk[16384];
    int rc = SKPI_OK;
    for (;;) {
        zip_int64_t n = zip_fread(f, chunk, sizeof chunk);
        if (n < 0) {
            rc = skpi__error(SKPI_EPARSE, "%s: the workbook part %s is damaged (%s)", b->name,
                             part, zip_file_strerror(f));
            break;
        }
        if (n == 0)
            break;
        if (t.n + (size_t)n > SKPI__BOOK_MAX_PART ||
            b->unpacked + (size_t)n > SKPI__BOOK_MAX_TOTAL) {
            rc = skpi__error(SKPI_EPARSE, "%s: the workbook part %s unpacks to more than %zu MiB; "
                             "a workbook this large is not an analytics export", b->name, part,
                             (t.n + (size_t)n > SKPI__BOOK_MAX_PART ? SKPI__BOOK_MAX_PART
                                                                   : SKPI__BOOK_MAX_TOTAL) >> 20);
            break;
        }
        b->unpacked += (size_t)n;
        if ((rc = text_add(&t, chunk, (size_t)n)) != SKPI_OK)
            break;
    }
    zip_fclose(f);
    if (rc == SKPI_OK && t.s == NULL)
        rc = text_add(&t, "", 0);
    if (rc != SKPI_OK) {
        skpi__free(t.s);
        return rc;
    }
    *out = t.s;
    *len = t.n;
    return SKPI_OK;
}

/* ---- XML ---------------------------------------------------------------- */

typedef struct xml {
    xmlTextReaderPtr r;
    const char *book, *part;
    char err[160];             /* libxml2's first message */
} xml;

static void xml_error(void *arg, xmlErrorPtr e)
{
    xml *x = arg;
    if (x->err[0] == '\0' && e != NULL && e->message != NULL) {
        snprintf(x->err, sizeof x->err, "line %d: %s", e->line, e->message);
        size_t n = strlen(x->err);
        while (n > 0 && (x->err[n - 1] == '\n' || x->err[n - 1] == ' '))
            x->err[--n] = '\0';
    }
}

static int xml_open(xml *x, const char *bookname, const char *part, const char *data, size_t n)
{
    x->book = bookname;
    x->part = part;
    x->err[0] = '\0';
    /* No network, no entity substitution, no DTD loading: parts are plain
     * XML and anything else is refused below. */
    x->r = xmlReaderForMemory(data, (int)n, part, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                        XML_PARSE_NOWARNING);
    if (x->r == NULL)
        return skpi__nomem();
    xmlTextReaderSetStructuredErrorHandler(x->r, xml_error, x);
    return SKPI_OK;
}

static void xml_close(xml *x)
{
    if (x->r != NULL)
        xmlFreeTextReader(x->r);
    x->r = NULL;
}

static int xml_fail(const xml *x)
{
    return skpi__error(SKPI_EPARSE, "%s: the workbook part %s is not well-formed XML (%s)",
                       x->book, x->part, x->err[0] ? x->err : "unreadable");
}

/* Unpack a part and start reading it: SKPI_OK with *data to free after
 * xml_close(), or *data NULL when the part is absent. */
static int open_part(book *b, const char *part, xml *x, char **data)
{
    size_t n;
    bool found;
    x->r = NULL;
    int rc = read_part(b, part, data, &n, &found);
    if (rc != SKPI_OK || !found)
        return rc;
    if ((rc = xml_open(x, b->name, part, *data, n)) != SKPI_OK) {
        skpi__free(*data);
        *data = NULL;
    }
    return rc;
}

static void close_part(xml *x, char *data)
{
    xml_close(x);
    skpi__free(data);
}

/* The next node: 1 read, 0 at the end, or a negative code. */
static int xml_next(xml *x)
{
    int rc = xmlTextReaderRead(x->r);
    if (rc < 0)
        return xml_fail(x);
    if (rc == 1 && xmlTextReaderNodeType(x->r) == XML_READER_TYPE_DOCUMENT_TYPE)
        return skpi__error(SKPI_EPARSE, "%s: the workbook part %s declares a document type, "
                           "which workbooks never do", x->book, x->part);
    return rc;
}

static bool is_start(const xml *x, const char *local)
{
    return xmlTextReaderNodeType(x->r) == XML_READER_TYPE_ELEMENT &&
           strcmp((const char *)xmlTextReaderConstLocalName(x->r), local) == 0;
}

static bool is_end(const xml *x, const char *local)
{
    return xmlTextReaderNodeType(x->r) == XML_READER_TYPE_END_ELEMENT &&
           strcmp((const char *)xmlTextReaderConstLocalName(x->r), local) == 0;
}

/* An attribute of the current element by local name (prefix ignored), or
 * NULL. Borrowed until the next read. */
static const char *attr(const xml *x, const char *local)
{
    const char *v = NULL;
    if (xmlTextReaderMoveToFirstAttribute(x->r) != 1)
        return NULL;
    do {
        if (strcmp((const char *)xmlTextReaderConstLocalName(x->r), local) == 0) {
            v = (const char *)xmlTextReaderConstValue(x->r);
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(x->r) == 1);
    xmlTextReaderMoveToElement(x->r);
    return v;
}

static bool is_text_node(const xml *x)
{
    int t = xmlTextReaderNodeType(x->r);
    return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
           t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE;
}

static int xml_text_add(const xml *x, text *t)
{
    const char *v = (const char *)xmlTextReaderConstValue(x->r);
    return v ? text_add(t, v, strlen(v)) : SKPI_OK;
}

/* A non-negative decimal integer, or false. */
static bool parse_index(const char *s, size_t *out)
{
    size_t v = 0;
    if (s == NULL || *s == '\0')
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (SIZE_MAX - 9) / 10)
            return false;
        v = v * 10 + (size_t)(*s - '0');
    }
    *out = v;
    return true;
}

/* ---- relationships and the workbook ----------------------------------- */

/* A relationship target resolved against the folder of its source part
 * (dir ends with '/'), "." and ".." segments removed. */
static char *resolve(const char *dir, const char *target)
{
    size_t n = strlen(dir) + strlen(target) + 1;
    char *joined = skpi__malloc(n);
    if (joined == NULL)
        return NULL;
    if (target[0] == '/')
        snprintf(joined, n, "%s", target + 1);
    else
        snprintf(joined, n, "%s%s", dir, target);
    char *out = skpi__malloc(n);
    if (out == NULL) {
        skpi__free(joined);
        return NULL;
    }
    size_t w = 0;
    for (char *seg = joined; *seg;) {
        char *end = strchr(seg, '/');
        size_t len = end ? (size_t)(end - seg) : strlen(seg);
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (w > 0 && out[w - 1] == '/')
                w--;
            while (w > 0 && out[w - 1] != '/')
                w--;
        } else if (!(len == 1 && seg[0] == '.') && len > 0) {
            memcpy(out + w, seg, len);
            w += len;
            if (end)
                out[w++] = '/';
        }
        seg = end ? end + 1 : seg + len;
    }
    out[w] = '\0';
    skpi__free(joined);
    return out;
}

/* Whether a relationship type names this kind of part (its last segment). */
static bool rel_type(const char *type, const char *kind)
{
    const char *slash = type ? strrchr(type, '/') : NULL;
    return slash != NULL && strcmp(slash + 1, kind) == 0;
}

/* Walk a .rels part: for each Relationship, match by id (when id is not
 * NULL) or by type, and resolve the target of the first match. */
static int find_rel(book *b, const char *rels_part, const char *dir, const char *id,
                    const char *kind, char **out)
{
    *out = NULL;
    char *data;
    xml x;
    int rc = open_part(b, rels_part, &x, &data);
    if (rc != SKPI_OK || data == NULL)
        return rc;
    while ((rc = xml_next(&x)) == 1) {
        if (!is_start(&x, "Relationship"))
            continue;
        const char *rid = attr(&x, "Id");
        bool match = id ? (rid && strcmp(rid, id) == 0) : rel_type(attr(&x, "Type"), kind);
        const char *target = attr(&x, "Target");
        if (match && target != NULL) {
            if ((*out = resolve(dir, target)) == NULL)
                rc = skpi__nomem();
            break;
        }
    }
    close_part(&x, data);
    return rc < 0 ? rc : SKPI_OK;
}

static int add_sheet(book *b, const char *name, const char *rid)
{
    if (b->nsheets == SKPI__BOOK_MAX_SHEETS)
        return skpi__error(SKPI_EPARSE, "%s: the workbook has more than %zu sheets", b->name,
                           SKPI__BOOK_MAX_SHEETS);
    if (b->sheet_name == NULL) {
        b->sheet_name = skpi__calloc(SKPI__BOOK_MAX_SHEETS, sizeof *b->sheet_name);
        b->sheet_rid = skpi__calloc(SKPI__BOOK_MAX_SHEETS, sizeof *b->sheet_rid);
        b->sheet_part = skpi__calloc(SKPI__BOOK_MAX_SHEETS, sizeof *b->sheet_part);
        if (!b->sheet_name || !b->sheet_rid || !b->sheet_part)
            return skpi__nomem();
    }
    b->sheet_name[b->nsheets] = skpi__strdup(name ? name : "");
    b->sheet_rid[b->nsheets] = skpi__strdup(rid ? rid : "");
    b->nsheets++;
    if (!b->sheet_name[b->nsheets - 1] || !b->sheet_rid[b->nsheets - 1])
        return skpi__nomem();
    return SKPI_OK;
}

static int read_workbook(book *b, const char *part)
{
    char *data;
    xml x;
    int rc = open_part(b, part, &x, &data);
    if (rc != SKPI_OK)
        return rc;
    if (data == NULL)
        return skpi__error(SKPI_EPARSE, "%s: a zip archive without %s is not an Excel workbook",
                           b->name, part);
    while ((rc = xml_next(&x)) == 1) {
        if (is_start(&x, "workbookPr")) {
            const char *d = attr(&x, "date1904");
            b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
        } else if (is_start(&x, "sheet")) {
            if ((rc = add_sheet(b, attr(&x, "name"), attr(&x, "id"))) != SKPI_OK)
                break;
        }
    }
    close_part(&x, data);
    if (rc < 0)
        return rc;
    if (b->nsheets == 0)
        return skpi__error(SKPI_EPARSE, "%s: the workbook lists no sheet", b->name);
    return SKPI_OK;
}

/* ---- shared strings and styles ---------------------------------------- */

static int sst_push(book *b, size_t off, size_t len)
{
    if (b->nsst == SKPI__BOOK_MAX_STRINGS)
        return skpi__error(SKPI_EPARSE, "%s: the workbook holds more than %zu shared strings",
                           b->name, SKPI__BOOK_MAX_STRINGS);
    if (b->nsst == b->csst) {
        size_t c = b->csst ? b->csst * 2 : 64;
        size_t *o = skpi__reallocarray(b->sst_off, c, sizeof *o);
        if (o == NULL)
            return skpi__nomem();
        b->sst_off = o;
        size_t *l = skpi__reallocarray(b->sst_len, c, sizeof *l);
        if (l == NULL)
            return skpi__nomem();
        b->sst_len = l;
        b->csst = c;
    }
    b->sst_off[b->nsst] = off;
    b->sst_len[b->nsst] = len;
    b->nsst++;
    return SKPI_OK;
}

/* Each <si> is the text of its <t> elements, phonetic runs (<rPh>) left out. */
static int read_strings(book *b, const char *part)
{
    char *data;
    xml x;
    int rc = open_part(b, part, &x, &data);
    if (rc != SKPI_OK || data == NULL)
        return rc;
    size_t start = 0;
    int in_t = 0, in_rph = 0;
    bool in_si = false;
    while ((rc = xml_next(&x)) == 1) {
        if (is_start(&x, "si")) {
            in_si = true;
            start = b->sst.n;
            if (xmlTextReaderIsEmptyElement(x.r) == 1) {
                in_si = false;
                if ((rc = text_add(&b->sst, "\0", 1)) != SKPI_OK ||
                    (rc = sst_push(b, start, 0)) != SKPI_OK)
                    break;
            }
        } else if (is_end(&x, "si") && in_si) {
            in_si = false;
            size_t len = b->sst.n - start;
            /* Strings are kept NUL-separated. */
            if ((rc = text_add(&b->sst, "\0", 1)) != SKPI_OK ||
                (rc = sst_push(b, start, len)) != SKPI_OK)
                break;
        } else if (is_start(&x, "rPh") && xmlTextReaderIsEmptyElement(x.r) != 1) {
            in_rph++;
        } else if (is_end(&x, "rPh") && in_rph > 0) {
            in_rph--;
        } else if (is_start(&x, "t") && xmlTextReaderIsEmptyElement(x.r) != 1) {
            in_t++;
        } else if (is_end(&x, "t") && in_t > 0) {
            in_t--;
        } else if (in_si && in_t > 0 && in_rph == 0 && is_text_node(&x)) {
            if ((rc = xml_text_add(&x, &b->sst)) != SKPI_OK)
                break;
        }
    }
    close_part(&x, data);
    return rc < 0 ? rc : SKPI_OK;
}

typedef struct fmt_memo {
    size_t id;
    bool date;
} fmt_memo;

static int read_styles(book *b, const char *part)
{
    char *data;
    xml x;
    int rc = open_part(b, part, &x, &data);
    if (rc != SKPI_OK || data == NULL)
        return rc;
    fmt_memo *fmts = NULL;
    size_t nfmts = 0, cfmts = 0, *xf_fmt = NULL, cxf = 0;
    bool in_xfs = false;
    while ((rc = xml_next(&x)) == 1) {
        if (is_start(&x, "numFmt")) {
            size_t id;
            if (!parse_index(attr(&x, "numFmtId"), &id))
                continue;
            if (!skpi__grow((void **)&fmts, &cfmts, nfmts + 1, sizeof *fmts)) {
                rc = skpi__nomem();
                break;
            }
            fmts[nfmts++] = (fmt_memo){ id, skpi__book_code_is_date(attr(&x, "formatCode")) };
        } else if (is_start(&x, "cellXfs")) {
            in_xfs = xmlTextReaderIsEmptyElement(x.r) != 1;
        } else if (is_end(&x, "cellXfs")) {
            in_xfs = false;
        } else if (in_xfs && is_start(&x, "xf")) {
            size_t id = 0;
            if (!parse_index(attr(&x, "numFmtId"), &id))
                id = 0;
            if (!skpi__grow((void **)&xf_fmt, &cxf, b->nxf + 1, sizeof *xf_fmt)) {
                rc = skpi__nomem();
                break;
            }
            xf_fmt[b->nxf++] = id;
        }
    }
    close_part(&x, data);
    if (rc >= 0 && b->nxf > 0 && (b->xf_date = skpi__calloc(b->nxf, sizeof *b->xf_date)) == NULL)
        rc = skpi__nomem();
    for (size_t i = 0; rc >= 0 && i < b->nxf; i++) {
        /* A custom format may reuse a built-in id: the workbook's own wins. */
        bool date = skpi__book_builtin_date(xf_fmt[i]);
        for (size_t k = 0; k < nfmts; k++)
            if (fmts[k].id == xf_fmt[i])
                date = fmts[k].date;
        b->xf_date[i] = date;
    }
    skpi__free(fmts);
    skpi__free(xf_fmt);
    if (rc < 0) {
        skpi__free(b->xf_date);
        b->xf_date = NULL;
        b->nxf = 0;
    }
    return rc < 0 ? rc : SKPI_OK;
}

/* ---- sheets --------------------------------------------------------- */

/* "BC12" -> column 54 (0-based); false when the reference has no letters
 * or more than three (beyond XFD). */
static bool ref_column(const char *ref, size_t *col)
{
    size_t c = 0, k = 0;
    for (; ref[k] >= 'A' && ref[k] <= 'Z'; k++) {
        if (k == 3)
            return false;
        c = c * 26 + (size_t)(ref[k] - 'A' + 1);
    }
    if (k == 0)
        return false;
    *col = c - 1;
    return true;
}

/* One cell being read. */
typedef struct cell {
    size_t col;
    char type[12];     /* the t attribute: "", "s", "inlineStr", "str", "b", "e", "n", "d" */
    size_t style;
    bool has_style;
    text v;            /* the <v> text, or the inline string */
} cell;

static int put_cell(book *b, skpi__book_row *row, const cell *c, const char *where)
{
    const char *t = c->type;
    const char *v = c->v.s ? c->v.s : "";
    size_t n = c->v.n;
    if (strcmp(t, "s") == 0) {
        size_t i;
        if (!parse_index(v, &i) || i >= b->nsst)
            return skpi__error(SKPI_EPARSE, "%s: a cell refers to shared string \"%.20s\", but "
                               "the workbook holds %zu", where, v, b->nsst);
        return skpi__book_row_set(row, c->col, b->sst.s + b->sst_off[i], b->sst_len[i], where);
    }
    if (strcmp(t, "e") == 0) /* #N/A, #DIV/0!: no value */
        return skpi__book_row_set(row, c->col, "", 0, where);
    if (strcmp(t, "b") == 0)
        return skpi__book_row_set(row, c->col, strcmp(v, "1") == 0 ? "TRUE" : "FALSE",
                                  strcmp(v, "1") == 0 ? 4 : 5, where);
    bool number = t[0] == '\0' || strcmp(t, "n") == 0;
    if (number && c->has_style && c->style < b->nxf && b->xf_date[c->style] && n > 0) {
        double d;
        bool pct;
        if (skpi__value_number(v, n, &d, &pct) == SKPI__VALUE_OK && !pct)
            return skpi__book_row_number(row, c->col, d, true, b->date1904, where);
    }
    /* Numbers go through as Excel wrote them (the importer reads them
     * exactly); strings, inline strings and ISO dates as text. */
    return skpi__book_row_set(row, c->col, v, n, where);
}

/* Where the walk over a sheet's XML is: the row and the cell being read. */
typedef struct sheet_walk {
    book *b;
    size_t k; /* the sheet */
    char where[200];
    skpi__book_row row;
    cell c;
    uint64_t line;
    size_t next_col;
    bool in_row, in_cell, in_v, in_is;
    int in_t, in_rph;
} sheet_walk;

static void start_row(sheet_walk *w, xml *x)
{
    size_t r;
    w->line = parse_index(attr(x, "r"), &r) && r > w->line ? r : w->line + 1;
    w->next_col = 0;
    skpi__book_row_clear(&w->row);
    w->in_row = xmlTextReaderIsEmptyElement(x->r) != 1;
}

/* A <c> element: its column (the r attribute, else the next one), type and style. */
static int start_cell(sheet_walk *w, xml *x)
{
    cell *c = &w->c;
    const char *ref = attr(x, "r");
    snprintf(w->where, sizeof w->where, "%s: sheet \"%.60s\", row %llu", w->b->name,
             w->b->sheet_name[w->k], (unsigned long long)w->line);
    c->col = w->next_col;
    if (ref != NULL && !ref_column(ref, &c->col))
        return skpi__error(SKPI_EPARSE, "%s: the cell reference \"%.12s\" is not one", w->where,
                           ref);
    const char *t = attr(x, "t");
    snprintf(c->type, sizeof c->type, "%s", t ? t : "");
    c->has_style = parse_index(attr(x, "s"), &c->style);
    c->v.n = 0;
    if (c->v.s)
        c->v.s[0] = '\0';
    w->next_col = c->col + 1;
    w->in_cell = xmlTextReaderIsEmptyElement(x->r) != 1;
    w->in_v = w->in_is = false;
    w->in_t = w->in_rph = 0;
    return SKPI_OK;
}

static int end_cell(sheet_walk *w)
{
    w->in_cell = false;
    const cell *c = &w->c;
    if (c->v.n > 0 || strcmp(c->type, "inlineStr") == 0 || strcmp(c->type, "str") == 0)
        return put_cell(w->b, &w->row, c, w->where);
    return SKPI_OK;
}

/* Text of a <v>, or of an inline string's <t> outside its phonetic runs. */
static int cell_text(sheet_walk *w, xml *x)
{
    if (w->c.v.n > SKPI__MAX_FIELD_BYTES)
        return skpi__error(SKPI_EPARSE, "%s: a cell holds more than %zu bytes", w->where,
                           SKPI__MAX_FIELD_BYTES);
    return xml_text_add(x, &w->c.v);
}

/* One node of the sheet's XML. SKPI_OK to go on. */
static int sheet_node(sheet_walk *w, xml *x, const skpi__book_fns *fns, void *ctx)
{
    bool empty = xmlTextReaderIsEmptyElement(x->r) == 1;
    if (is_start(x, "row")) {
        start_row(w, x);
    } else if (is_end(x, "row") && w->in_row) {
        w->in_row = false;
        return skpi__book_row_emit(&w->row, w->line, fns, ctx);
    } else if (w->in_row && is_start(x, "c")) {
        return start_cell(w, x);
    } else if (w->in_cell && is_end(x, "c")) {
        return end_cell(w);
    } else if (w->in_cell && is_start(x, "v")) {
        w->in_v = !empty;
    } else if (w->in_cell && is_end(x, "v")) {
        w->in_v = false;
    } else if (w->in_cell && is_start(x, "is")) {
        w->in_is = !empty;
    } else if (w->in_cell && is_end(x, "is")) {
        w->in_is = false;
    } else if (w->in_is && is_start(x, "rPh") && !empty) {
        w->in_rph++;
    } else if (w->in_is && is_end(x, "rPh") && w->in_rph > 0) {
        w->in_rph--;
    } else if (w->in_is && is_start(x, "t") && !empty) {
        w->in_t++;
    } else if (w->in_is && is_end(x, "t") && w->in_t > 0) {
        w->in_t--;
    } else if (((w->in_v && !w->in_is) || (w->in_is && w->in_t > 0 && w->in_rph == 0)) &&
               is_text_node(x)) {
        return cell_text(w, x);
    }
    return SKPI_OK;
}

static int read_sheet(book *b, size_t k, const skpi__book_fns *fns, void *ctx)
{
    char *data;
    xml x;
    int rc = open_part(b, b->sheet_part[k], &x, &data);
    if (rc != SKPI_OK)
        return rc;
    if (data == NULL)
        return skpi__error(SKPI_EPARSE, "%s: sheet \"%.60s\" is listed but its part %s is "
                           "missing", b->name, b->sheet_name[k], b->sheet_part[k]);
    sheet_walk w;
    memset(&w, 0, sizeof w);
    w.b = b;
    w.k = k;
    skpi__book_row_init(&w.row);
    while ((rc = xml_next(&x)) == 1)
        if ((rc = sheet_node(&w, &x, fns, ctx)) != SKPI_OK)
            break;
    if (rc == SKPI__SHEET_STOP)
        rc = SKPI_OK;
    skpi__free(w.c.v.s);
    skpi__book_row_free(&w.row);
    close_part(&x, data);
    return rc; /* a positive code of the importer (a restart) goes up as it is */
}

/* ---- the walk ---------------------------------------------------------- */

static void book_free(book *b)
{
    for (size_t i = 0; i < b->nsheets; i++) {
        skpi__free(b->sheet_name[i]);
        skpi__free(b->sheet_rid[i]);
        skpi__free(b->sheet_part[i]);
    }
    skpi__free(b->sheet_name);
    skpi__free(b->sheet_rid);
    skpi__free(b->sheet_part);
    skpi__free(b->sst.s);
    skpi__free(b->sst_off);
    skpi__free(b->sst_len);
    skpi__free(b->xf_date);
    if (b->zip != NULL)
        zip_discard(b->zip);
}

/* The workbook's folder ("xl/") from its part name ("xl/workbook.xml"). */
static int part_dir(const char *part, char **dir, char **rels)
{
    const char *slash = strrchr(part, '/');
    size_t d = slash ? (size_t)(slash - part + 1) : 0;
    size_t n = strlen(part) + 16;
    *dir = skpi__malloc(d + 1);
    *rels = skpi__malloc(n);
    if (*dir == NULL || *rels == NULL)
        return skpi__nomem();
    memcpy(*dir, part, d);
    (*dir)[d] = '\0';
    snprintf(*rels, n, "%s_rels/%s.rels", *dir, part + d);
    return SKPI_OK;
}

static int walk(book *b, const skpi__book_fns *fns, void *ctx)
{
    char *wb = NULL, *dir = NULL, *rels = NULL, *sst = NULL, *styles = NULL;
    int rc = find_rel(b, "_rels/.rels", "", NULL, "officeDocument", &wb);
    if (rc == SKPI_OK && wb == NULL && (wb = skpi__strdup("xl/workbook.xml")) == NULL)
        rc = skpi__nomem();
    if (rc == SKPI_OK)
        rc = part_dir(wb, &dir, &rels);
    if (rc == SKPI_OK)
        rc = read_workbook(b, wb);
    if (rc == SKPI_OK)
        rc = find_rel(b, rels, dir, NULL, "sharedStrings", &sst);
    if (rc == SKPI_OK && sst != NULL)
        rc = read_strings(b, sst);
    if (rc == SKPI_OK)
        rc = find_rel(b, rels, dir, NULL, "styles", &styles);
    if (rc == SKPI_OK && styles != NULL)
        rc = read_styles(b, styles);
    for (size_t k = 0; rc == SKPI_OK && k < b->nsheets; k++) {
        rc = find_rel(b, rels, dir, b->sheet_rid[k], NULL, &b->sheet_part[k]);
        if (rc == SKPI_OK && b->sheet_part[k] == NULL)
            rc = skpi__error(SKPI_EPARSE, "%s: sheet \"%.60s\" has no part in the workbook's "
                             "relationships", b->name, b->sheet_name[k]);
    }
    for (size_t k = 0; rc == SKPI_OK && k < b->nsheets; k++) {
        if ((rc = fns->sheet_begin(ctx, b->sheet_name[k])) != SKPI_OK)
            break;
        if ((rc = read_sheet(b, k, fns, ctx)) != SKPI_OK)
            break;
        rc = fns->sheet_end(ctx);
    }
    skpi__free(wb);
    skpi__free(dir);
    skpi__free(rels);
    skpi__free(sst);
    skpi__free(styles);
    return rc;
}

int skpi__xlsx_read(const void *data, size_t size, const char *name, const skpi__book_fns *fns,
                    void *ctx)
{
    book b;
    memset(&b, 0, sizeof b);
    b.name = name;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        return skpi__nomem();
    }
    b.zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (b.zip == NULL) {
        zip_source_free(src);
        int rc = skpi__error(SKPI_EPARSE, "%s: the file starts like a zip archive (an .xlsx "
                             "workbook) but cannot be opened as one: %s", name,
                             zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return rc;
    }
    zip_error_fini(&ze);
    int rc = walk(&b, fns, ctx);
    book_free(&b);
    return rc;
}
