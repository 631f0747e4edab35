/* Private part of the XLSX renderer: the workbook being written, its cell
 * formats and the cell writers its sheets share. The document is read
 * through doc.h's public getters only. */
#ifndef SKPI_RENDER_XLSX_INTERNAL_H
#define SKPI_RENDER_XLSX_INTERNAL_H

#include "render/render_internal.h"

#include <xlsxwriter.h>

/* Widths are tracked for this many columns; later ones keep the default. */
#define SKPI__XLSX_COLUMNS 96
/* Column widths, in characters, that a sheet's columns stay within. */
#define SKPI__XLSX_MIN_WIDTH 6.0
#define SKPI__XLSX_MAX_WIDTH 60.0

/* The number formats of one unit: plain, and with the sign of a change. */
typedef struct skpi__xlsx_unit {
    lxw_format *whole;   /* integral values */
    lxw_format *decimal; /* the others */
    lxw_format *whole_signed;
    lxw_format *decimal_signed;
    double scale;        /* a percent is stored as a fraction: 12.5 -> 0.125 */
} skpi__xlsx_unit;

typedef struct skpi__xlsx {
    skpi__render *r;
    const skpi_doc *doc;
    lxw_workbook *wb;
    lxw_worksheet *ws;       /* the sheet being written */
    const char *sheet;       /* its name, for messages */
    double width[SKPI__XLSX_COLUMNS];
    skpi__xlsx_unit units[SKPI_UNIT_SCORE + 1];
    lxw_format *title, *header, *header_right, *bold, *text, *text_right, *indent, *wrap, *date, *month, *datetime,
        *fraction, *points, *times, *link;
    char **names;            /* sheet names given so far (case-insensitive unique) */
    size_t nnames;
    char *buf;               /* scratch for cleaned text */
    size_t cap;
} skpi__xlsx;

/* Record a failure (the first one wins) and say whether writing goes on. */
bool skpi__xlsx_ok(skpi__xlsx *x);
void skpi__xlsx_fail_lxw(skpi__xlsx *x, lxw_error e, const char *what);

/* Cell formats and the first sheet's column layout. */
int skpi__xlsx_formats(skpi__xlsx *x);

/* Start a sheet named after `title` (else `fallback`): the title in A1, the
 * header in row 2, frozen; returns the first data row (2). */
lxw_row_t skpi__xlsx_sheet(skpi__xlsx *x, const char *title, const char *fallback,
                           const char *const *headers, size_t n, const bool *right);
/* Set the columns' widths from what was written; call when a sheet is done. */
void skpi__xlsx_fit(skpi__xlsx *x, size_t columns);

/* Cells. NULL text leaves the cell empty; text is cleaned (invalid UTF-8
 * and control characters replaced, cut to a cell's 32,767 characters) and
 * is always stored as text, never as a formula. */
void skpi__xlsx_text(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f);
/* A number in a unit's format; missing (NaN) leaves the cell empty. */
void skpi__xlsx_number(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, double v, int unit, bool sign);
/* A number in a given format. */
void skpi__xlsx_plain(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, double v, lxw_format *f);
/* A value of the model in a given format, empty when not available. */
void skpi__xlsx_figure(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, skpi_value v, lxw_format *f);
/* A value of the model: its number, or empty when not available. */
void skpi__xlsx_value(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, skpi_value v, int unit, bool sign);
/* "2026-11-03" (also with " HH:MM[:SS]" or "THH:MM[:SS]") as a date, "2026-11"
 * as a month; anything else as text. */
void skpi__xlsx_date(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, const char *s);
/* Whether s reads as a date or month that skpi__xlsx_date() stores as one. */
bool skpi__xlsx_is_date(const char *s);
/* A link when the URL is safe (skpi__url_is_safe), else text. */
void skpi__xlsx_url(skpi__xlsx *x, lxw_row_t row, lxw_col_t col, const char *url);
/* Clean text for a cell (see skpi__xlsx_text); NULL after a failure. */
const char *skpi__xlsx_clean(skpi__xlsx *x, const char *s, double *width);
/* Add a sheet named from a title (else `fallback`): at most 31 characters,
 * none of []:*?/\, unique in the workbook; it becomes the current sheet
 * (x->ws, x->sheet). NULL after a failure. */
lxw_worksheet *skpi__xlsx_add_sheet(skpi__xlsx *x, const char *title, const char *fallback);

/* The sheets. */
void skpi__xlsx_summary(skpi__xlsx *x, const char *const *sheet_names);
void skpi__xlsx_block(skpi__xlsx *x, size_t block, int kind, const char *heading);

#endif
