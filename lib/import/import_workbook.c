/* Importing an Excel workbook: each sheet goes through the same header
 * detection and row mapping as a CSV file, into one staging area, so the
 * whole workbook is stored or nothing is. Sheets no preset knows are
 * named in the summary as not imported. */
#include "import/import_internal.h"
#include "import/workbook.h"

#include <stdio.h>
#include <string.h>

int skpi__workbook_kind(const void *data, size_t n)
{
    static const unsigned char zip[4] = { 'P', 'K', 3, 4 };
    static const unsigned char cfb[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    if (n >= sizeof zip && memcmp(data, zip, sizeof zip) == 0)
        return SKPI__BOOK_XLSX;
    if (n >= sizeof cfb && memcmp(data, cfb, sizeof cfb) == 0)
        return SKPI__BOOK_XLS;
    return SKPI__BOOK_NONE;
}

#ifdef SKPI_WITH_EXCEL

/* The walk's state around the importer. */
typedef struct book_import {
    importer *im;
    const char *file;          /* the file's own name */
    char label[240];           /* "file, sheet \"NAME\"": the importer's name for a sheet */
    char sheet[128];
    bool imported_any;
    const skpi__preset *first;
    int first_preset;
    uint64_t first_header_line;
    char names[200];           /* the sheets seen, for the message when none is known */
    const char **field;        /* a row fitted to the header's width */
    size_t *len, cap;
} book_import;

/* Forget the previous sheet's header: the next sheet is detected afresh. */
static void reset_sheet(importer *im)
{
    skpi__free(im->header);
    skpi__free(im->header_off);
    skpi__free(im->plan);
    skpi__free(im->vals);
    skpi__free(im->pad_field);
    skpi__free(im->pad_len);
    im->header = NULL;
    im->header_off = NULL;
    im->plan = NULL;
    im->vals = NULL;
    im->pad_field = NULL;
    im->pad_len = NULL;
    im->section_wait = im->section_skip = false;
    im->header_done = false;
    im->preset = NULL;
    im->ncols = 0;
    im->c_date = im->c_id = im->c_link = im->c_text = im->c_type = im->c_account = -1;
    im->c_network = im->c_channel = im->c_metric = im->c_value = -1;
    im->has_posts_column = false;
    im->preamble_records = im->first_line = im->preamble_line = 0;
    im->preamble[0] = im->first_text[0] = '\0';
    im->value_metric = UINT32_MAX;
    im->has_fixed = false;
    im->nmemo = im->memo_next = 0;
    im->has_last_series = false;
    im->date_len = 0;
}

static int sheet_begin(void *ctx, const char *sheet)
{
    book_import *w = ctx;
    reset_sheet(w->im);
    snprintf(w->sheet, sizeof w->sheet, "%s", sheet);
    snprintf(w->label, sizeof w->label, "%s, sheet \"%s\"", w->file, w->sheet);
    w->im->name = w->label;
    size_t n = strlen(w->names);
    if (n + 1 < sizeof w->names)
        snprintf(w->names + n, sizeof w->names - n, "%s\"%s\"", n ? ", " : "", w->sheet);
    return SKPI_OK;
}

/* A sheet stores no empty cells at the end of a row, and may hold empty
 * ones beyond the header's last column: rows are fitted to the header. */
static int fit_row(book_import *w, const skpi__record *r, skpi__record *out)
{
    size_t want = w->im->ncols;
    *out = *r;
    if (r->n > want) {
        size_t n = r->n;
        while (n > want && r->len[n - 1] == 0)
            n--;
        out->n = n;
        return SKPI_OK;
    }
    if (r->n == want)
        return SKPI_OK;
    if (w->cap < want) {
        const char **f = skpi__reallocarray(w->field, want, sizeof *f);
        if (f == NULL)
            return skpi__nomem();
        w->field = f;
        size_t *l = skpi__reallocarray(w->len, want, sizeof *l);
        if (l == NULL)
            return skpi__nomem();
        w->len = l;
        w->cap = want;
    }
    for (size_t i = 0; i < want; i++) {
        w->field[i] = i < r->n ? r->field[i] : "";
        w->len[i] = i < r->n ? r->len[i] : 0;
    }
    out->field = w->field;
    out->len = w->len;
    out->n = want;
    return SKPI_OK;
}

static int sheet_row(void *ctx, const skpi__record *r)
{
    book_import *w = ctx;
    importer *im = w->im;
    skpi__record fitted = *r;
    int rc = im->header_done ? fit_row(w, r, &fitted) : SKPI_OK;
    if (rc != SKPI_OK)
        return rc;
    rc = skpi__import_record(im, &fitted);
    /* No header among the first rows: a sheet of something else. */
    if (rc == SKPI_EPARSE && !im->header_done && im->preset == NULL)
        return SKPI__SHEET_STOP;
    return rc;
}

static int sheet_end(void *ctx)
{
    book_import *w = ctx;
    importer *im = w->im;
    if (!im->header_done) {
        char what[160];
        int n = snprintf(what, sizeof what, "sheet \"%s\"", w->sheet);
        return skpi__import_ignore(im, what, (size_t)n < sizeof what ? (size_t)n : sizeof what - 1);
    }
    if (!w->imported_any) {
        w->imported_any = true;
        w->first = im->preset;
        w->first_preset = skpi_import_summary_preset(im->sum);
        w->first_header_line = skpi_import_summary_header_line(im->sum);
    }
    return SKPI_OK;
}

static const skpi__book_fns book_fns = { sheet_begin, sheet_row, sheet_end };

int skpi__import_workbook(importer *im, int kind, const void *data, size_t size)
{
    book_import w;
    memset(&w, 0, sizeof w);
    w.im = im;
    w.file = im->name;
    void *saved;
    /* Numbers are written as text for the importer: in the C locale. */
    int rc = skpi__locale_enter(&saved);
    if (rc != SKPI_OK)
        return rc;
    if (kind == SKPI__BOOK_XLSX)
        rc = skpi__xlsx_read(data, size, w.file, &book_fns, &w);
    else
        rc = skpi__xls_read(data, size, w.file, &book_fns, &w);
    skpi__locale_leave(saved);
    skpi__free(w.field);
    skpi__free(w.len);
    im->name = w.file;
    if (rc != SKPI_OK)
        return rc;
    if (!w.imported_any)
        return skpi__error(SKPI_EPARSE, "%s: no sheet of the workbook holds %s (sheets: %s)",
                           w.file, im->forced ? im->forced->name : "a known export", w.names);
    /* The summary names the first sheet imported, and so does the date
     * order check at the end (the order is the file's, across sheets). */
    skpi__import_summary_first(im, w.first_preset, w.first_header_line);
    im->preset = w.first;
    im->header_done = true;
    return SKPI_OK;
}

int skpi__import_workbook_file(importer *im, int kind, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return skpi__error(SKPI_EIO, "%s: cannot open the file", path);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int rc = SKPI_OK;
    for (;;) {
        if (n == cap) {
            size_t c = cap ? cap * 2 : SKPI__READ_BLOCK;
            if (cap >= SKPI__BOOK_MAX_FILE) {
                rc = skpi__error(SKPI_EPARSE, "%s: the workbook is larger than %zu MiB; an "
                                 "analytics export is not", path, SKPI__BOOK_MAX_FILE >> 20);
                break;
            }
            char *p = skpi__realloc(buf, c);
            if (p == NULL) {
                rc = skpi__nomem();
                break;
            }
            buf = p;
            cap = c;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                rc = skpi__error(SKPI_EIO, "%s: reading the file failed", path);
            break;
        }
    }
    fclose(f);
    if (rc == SKPI_OK)
        rc = skpi__import_workbook(im, kind, buf, n);
    skpi__free(buf);
    return rc;
}

#else

int skpi__import_workbook(importer *im, int kind, const void *data, size_t size)
{
    (void)kind;
    (void)data;
    (void)size;
    return skpi__error(SKPI_EPARSE, "%s: the file is an Excel workbook, and this build of the "
                       "library reads none (it was built with SKPI_WITH_EXCEL off)", im->name);
}

int skpi__import_workbook_file(importer *im, int kind, const char *path)
{
    (void)path;
    return skpi__import_workbook(im, kind, NULL, 0);
}

#endif
