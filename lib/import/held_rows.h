/* Rows kept back until the whole file is read: the rows of files whose dates
 * lack a year, whose years follow from the order of all the rows. */
#ifndef SKPI_IMPORT_HELD_ROWS_H
#define SKPI_IMPORT_HELD_ROWS_H

#include "import/reader.h"

#include <stddef.h>
#include <stdint.h>

typedef struct skpi__held_row {
    uint64_t line;
    size_t n;          /* fields */
    size_t text, len;  /* offsets of its first field's text and length */
} skpi__held_row;

typedef struct skpi__held_rows {
    char *text;        /* fields, NUL-terminated, back to back */
    size_t ntext, ctext;
    size_t *len;       /* every field's length, in order */
    size_t nlen, clen;
    skpi__held_row *row;
    size_t nrow, crow;
    size_t max_fields; /* the most fields of a row */
} skpi__held_rows;

/* Keep a copy of a record. SKPI_OK or SKPI_ENOMEM (nothing kept). */
int skpi__held_add(skpi__held_rows *h, const skpi__record *r);

/* Record i as the reader delivers records; field and len must have room
 * for h->max_fields entries. */
void skpi__held_get(const skpi__held_rows *h, size_t i, const char **field, size_t *len,
                    skpi__record *out);

void skpi__held_free(skpi__held_rows *h);

/* Years for dates written without one, given as month * 32 + day in key[]
 * (0 for a row whose date has its year or is not a date): the rows run in
 * order, oldest or newest first (whichever makes the shorter run), and the
 * latest ends on or before the export's month * 32 + day of year ex_year. A run whose
 * February 29 falls in a common year moves back a year at a time (at most
 * three). Fills years[] (0 where key[] is 0); false, with *bad the row of a
 * February 29 that no year fits, when none does. */
bool skpi__infer_years(const unsigned *key, size_t n, int ex_year, unsigned ex_key, int *years,
                       size_t *bad);

#endif
