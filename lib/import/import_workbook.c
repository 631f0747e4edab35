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

/* A post of a sheet of rankings side by side (LinkedIn's TOP POSTS): its
 * URL, publish date and the figure of each ranking it appears in. */
typedef struct ranked {
    char *url, *date, *val[2];
    uint64_t line;
} ranked;

/* Posts a sheet of rankings may hold: LinkedIn lists at most 50 a ranking. */
#define MAX_RANKED 100000

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
    uint64_t sheet_rows;       /* rows seen in this sheet */
    /* rankings side by side: the first column of each, its figure's name */
    bool ranking;
    size_t rank_col[2];
    char rank_metric[2][64];
    uint64_t rank_line;
    ranked *ranked;
    size_t nranked, cranked;
    /* a sheet of totals over a range (LinkedIn's DISCOVERY): what it says */
    bool totals;
    char totals_text[240];
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
    im->c_sentiment = im->c_author = im->c_tags = -1;
    im->has_posts_column = false;
    im->preamble_records = im->first_line = im->preamble_line = 0;
    im->preamble[0] = im->first_text[0] = '\0';
    im->value_metric = UINT32_MAX;
    im->has_fixed = false;
    im->nmemo = im->memo_next = 0;
    im->has_last_series = false;
    im->date_len = 0;
}

static void ranked_free(book_import *w)
{
    for (size_t i = 0; i < w->nranked; i++) {
        skpi__free(w->ranked[i].url);
        skpi__free(w->ranked[i].date);
        skpi__free(w->ranked[i].val[0]);
        skpi__free(w->ranked[i].val[1]);
    }
    skpi__free(w->ranked);
    w->ranked = NULL;
    w->nranked = w->cranked = 0;
}

static char *copy(const char *s, size_t n)
{
    char *p = skpi__malloc(n + 1);
    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* A header of two rankings side by side: "Post URL" twice, each followed
 * by the publish date and the ranking's figure. */
static bool ranking_header(book_import *w, const skpi__record *r)
{
    size_t found = 0;
    for (size_t i = 0; i < r->n && found < 2; i++)
        if (skpi__header_equal(r->field[i], r->len[i], "Post URL") && i + 2 < r->n &&
            r->len[i + 2] > 0 && r->len[i + 2] < sizeof w->rank_metric[0])
            w->rank_col[found++] = i;
    if (found < 2)
        return false;
    for (int t = 0; t < 2; t++) {
        size_t c = w->rank_col[t] + 2;
        memcpy(w->rank_metric[t], r->field[c], r->len[c]);
        w->rank_metric[t][r->len[c]] = '\0';
    }
    w->ranking = true;
    w->rank_line = r->line;
    return true;
}

/* A row under the rankings' header: each ranking's post, merged by URL. */
static int ranking_row(book_import *w, const skpi__record *r)
{
    for (int t = 0; t < 2; t++) {
        size_t c = w->rank_col[t];
        if (c + 2 >= r->n || r->len[c] == 0)
            continue;
        size_t k = 0;
        while (k < w->nranked && !(strlen(w->ranked[k].url) == r->len[c] &&
                                   memcmp(w->ranked[k].url, r->field[c], r->len[c]) == 0))
            k++;
        if (k == w->nranked) {
            if (w->nranked >= MAX_RANKED)
                return skpi__error(SKPI_EPARSE, "%s: line %llu: more than %d ranked posts",
                                   w->label, (unsigned long long)r->line, MAX_RANKED);
            if (!skpi__grow((void **)&w->ranked, &w->cranked, w->nranked + 1, sizeof *w->ranked))
                return skpi__nomem();
            ranked *e = &w->ranked[w->nranked];
            memset(e, 0, sizeof *e);
            e->line = r->line;
            w->nranked++;
            if ((e->url = copy(r->field[c], r->len[c])) == NULL ||
                (e->date = copy(r->field[c + 1], r->len[c + 1])) == NULL)
                return skpi__nomem();
        }
        ranked *e = &w->ranked[k];
        skpi__free(e->val[t]);
        if ((e->val[t] = copy(r->field[c + 2], r->len[c + 2])) == NULL)
            return skpi__nomem();
    }
    return SKPI_OK;
}

/* The rankings as one table: "Post URL, Post publish date, <figure 1>,
 * <figure 2>", a row per post. */
static int ranking_emit(book_import *w)
{
    const char *f[4] = { "Post URL", "Post publish date", w->rank_metric[0], w->rank_metric[1] };
    size_t l[4];
    for (int i = 0; i < 4; i++)
        l[i] = strlen(f[i]);
    skpi__record rec = { 4, f, l, w->rank_line };
    int rc = skpi__import_record(w->im, &rec);
    /* figures no preset (or not the forced one) knows: not imported */
    if (!w->im->header_done)
        return rc == SKPI_EPARSE ? SKPI_OK : rc;
    for (size_t k = 0; rc == SKPI_OK && k < w->nranked; k++) {
        const ranked *e = &w->ranked[k];
        f[0] = e->url;
        f[1] = e->date;
        f[2] = e->val[0] ? e->val[0] : "";
        f[3] = e->val[1] ? e->val[1] : "";
        for (int i = 0; i < 4; i++)
            l[i] = strlen(f[i]);
        rec.line = e->line;
        rc = skpi__import_record(w->im, &rec);
    }
    return rc;
}

/* A sheet of totals over a range ("Overall Performance", the range, then
 * a label and a figure a row): kept to be named in the summary. */
static void totals_row(book_import *w, const skpi__record *r)
{
    size_t n = strlen(w->totals_text);
    if (r->n < 2 || n + 8 >= sizeof w->totals_text)
        return;
    if (w->sheet_rows == 1)
        snprintf(w->totals_text, sizeof w->totals_text, "totals for %.*s:",
                 (int)(r->len[1] < 60 ? r->len[1] : 60), r->field[1]);
    else
        snprintf(w->totals_text + n, sizeof w->totals_text - n, "%s %.*s %.*s",
                 w->totals_text[n - 1] == ':' ? "" : ",", (int)(r->len[0] < 40 ? r->len[0] : 40),
                 r->field[0], (int)(r->len[1] < 24 ? r->len[1] : 24), r->field[1]);
}

static int sheet_begin(void *ctx, const char *sheet)
{
    book_import *w = ctx;
    reset_sheet(w->im);
    ranked_free(w);
    w->ranking = w->totals = false;
    w->totals_text[0] = '\0';
    w->sheet_rows = 0;
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
    w->sheet_rows++;
    if (w->ranking)
        return ranking_row(w, r);
    if (!im->header_done && ranking_header(w, r))
        return SKPI_OK;
    if (w->sheet_rows == 1 && r->n >= 2 &&
        skpi__header_equal(r->field[0], r->len[0], "Overall Performance"))
        w->totals = true;
    if (w->totals && !im->header_done)
        totals_row(w, r);
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
    if (w->ranking) {
        int rc = ranking_emit(w);
        ranked_free(w);
        if (rc != SKPI_OK)
            return rc;
    }
    if (!im->header_done) {
        char what[400];
        int n = w->totals ? snprintf(what, sizeof what, "sheet \"%s\" (%s; no daily figures)",
                                     w->sheet, w->totals_text)
                          : snprintf(what, sizeof what, "sheet \"%s\"", w->sheet);
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
    ranked_free(&w);
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
