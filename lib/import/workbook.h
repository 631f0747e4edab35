/* Private interface of the workbook readers: Excel files (.xlsx through
 * libzip and libxml2, .xls through our own BIFF8 reader) delivered sheet
 * by sheet as rows of text cells, the same records the CSV reader hands out. */
#ifndef SKPI_IMPORT_WORKBOOK_H
#define SKPI_IMPORT_WORKBOOK_H

#include "import/reader.h"

#include <stdbool.h>
#include <stddef.h>

/* What the first bytes of a file say it is. */
enum skpi__workbook_kind {
    SKPI__BOOK_NONE = 0, /* not a workbook: read as CSV */
    SKPI__BOOK_XLSX = 1, /* a zip archive (Office Open XML) */
    SKPI__BOOK_XLS = 2   /* an OLE2 compound file (BIFF) */
};

/* Bytes that must be seen to tell the kind. */
#define SKPI__BOOK_MAGIC_BYTES 8

/* Limits that keep a hostile workbook within bounded memory. */
#define SKPI__BOOK_MAX_FILE ((size_t)1 << 28)   /* 256 MiB workbook on disk */
#define SKPI__BOOK_MAX_PART ((size_t)1 << 27)   /* 128 MiB in one unpacked xlsx part */
#define SKPI__BOOK_MAX_TOTAL ((size_t)1 << 29)  /* 512 MiB unpacked over all parts */
#define SKPI__BOOK_MAX_STRINGS ((size_t)1 << 24) /* shared strings */
#define SKPI__BOOK_MAX_SHEETS ((size_t)256)

/* The kind of a file from its first n bytes. */
int skpi__workbook_kind(const void *data, size_t n);

/* A positive return of the row callback: stop reading this sheet, go on
 * with the next one. */
#define SKPI__SHEET_STOP 1

/* What a reader calls while it walks a workbook. sheet_begin and
 * sheet_end bracket each sheet (name in UTF-8); row delivers each row that
 * holds a cell, with every column up to the last filled one (empty cells
 * are ""), line = the row's number. Any negative return stops the whole
 * read with that code; the callback sets the message. */
typedef struct skpi__book_fns {
    int (*sheet_begin)(void *ctx, const char *sheet);
    int (*row)(void *ctx, const skpi__record *rec);
    int (*sheet_end)(void *ctx);
} skpi__book_fns;

/* Walk an .xlsx held in memory. SKPI_OK, SKPI_EPARSE (named with `name`),
 * SKPI_ENOMEM, or a code from a callback. */
int skpi__xlsx_read(const void *data, size_t size, const char *name, const skpi__book_fns *fns,
                    void *ctx);

/* Walk an .xls (BIFF8 in an OLE2 compound file) held in memory: our own
 * bounds-checked reader (xls_cfb.c, xls_biff.c). SKPI_OK, SKPI_EPARSE
 * naming `name` and what is wrong with the file, SKPI_ENOMEM, or a code
 * from a callback. */
int skpi__xls_read(const void *data, size_t size, const char *name, const skpi__book_fns *fns,
                   void *ctx);

/* ---- rows of cells (book_row.c), shared by both readers -------------- */

typedef struct skpi__book_row {
    char *arena;          /* the cells' text, each NUL-terminated */
    size_t arena_len, arena_cap;
    size_t *off, *len;    /* by column; off == SIZE_MAX for a cell not set */
    const char **ptr;
    size_t ncols, cap;    /* columns up to the last set one; allocated slots */
} skpi__book_row;

void skpi__book_row_init(skpi__book_row *r);
void skpi__book_row_free(skpi__book_row *r);
/* Forget the row's cells (keeps the memory). */
void skpi__book_row_clear(skpi__book_row *r);
/* Set column col (0-based) to the text; col < SKPI__MAX_FIELDS, else
 * SKPI_EPARSE naming `where`. */
int skpi__book_row_set(skpi__book_row *r, size_t col, const char *text, size_t n,
                       const char *where);
/* Set a number, written so that the importer reads it back exactly;
 * as_date writes an Excel serial day number as YYYY-MM-DD[ HH:MM:SS]
 * (date1904: the 1904 date system). */
int skpi__book_row_number(skpi__book_row *r, size_t col, double v, bool as_date, bool date1904,
                          const char *where);
/* Whether a built-in number format id shows a date or time. */
bool skpi__book_builtin_date(size_t id);
/* Whether a custom number format code (UTF-8) shows a date or time. */
bool skpi__book_code_is_date(const char *code);
/* Hand the row to fns->row as a record of line `line`; rows with no cell
 * are not delivered. */
int skpi__book_row_emit(skpi__book_row *r, uint64_t line, const skpi__book_fns *fns, void *ctx);

#endif
