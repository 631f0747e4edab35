/* Private interface of the import reader layer: text values (numbers,
 * durations, dates) and the streaming CSV reader built on libcsv. */
#ifndef SKPI_IMPORT_READER_H
#define SKPI_IMPORT_READER_H

#include "core/internal.h"

#include <csv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- values ---------------------------------------------------------- */

/* Outcome of parsing one field. */
enum {
    SKPI__VALUE_OK = 0,      /* a number was read */
    SKPI__VALUE_MISSING = 1, /* "", "-", "–", "—", "undefined", "NA", "N/A", "--", "null": NaN */
    SKPI__VALUE_BAD = -1     /* not a number: the caller reports where */
};

/* True when the (trimmed) text is one of the tokens that mean "no value". */
bool skpi__value_is_missing(const char *s, size_t n);

/* A locale-independent number: optional sign, digits with optional ','
 * thousands separators in groups of three (or non-breaking / thin spaces),
 * an optional '.' fraction and exponent, an optional '%' suffix (then
 * *percent is set and the number is returned as written: "12.5%" -> 12.5).
 * Missing tokens give NaN and SKPI__VALUE_MISSING. Never reads past n. */
int skpi__value_number(const char *s, size_t n, double *out, bool *percent);

/* A duration as seconds: "H:MM:SS", "M:SS", "H:MM:SS.fff" or a plain number
 * of seconds. Missing tokens give NaN and SKPI__VALUE_MISSING. */
int skpi__value_duration(const char *s, size_t n, double *out);

/* Date forms found in exports. */
enum skpi__date_form {
    SKPI__DATE_ISO = 0,   /* 2026-07-14, 2026/07/14, 2026-07-14 16:00, 2021-11-30 16:00 +0000, ...Z */
    SKPI__DATE_US = 1,    /* 07/14/2026, 7/14/2026 16:00, 07/14/2026 4:00 PM */
    SKPI__DATE_NAMED = 2, /* Tue, Jul 14, 2026 / Jul 14, 2026 / July 14, 2026 / 14 July 2026 */
    SKPI__DATE_NOYEAR = 3,/* July 14 / 14 July / 8 de marzo / 8. März: the caller infers the year */
    SKPI__DATE_ANY = 4,   /* ISO, else US, else named */
    SKPI__DATE_DMY = 5,   /* 14/07/2026, 14-07-2026, 14.07.2026 (US takes '-' and '.' too) */
    SKPI__DATE_ANY_NOYEAR = 6 /* as ANY, else no year (TikTok: Studio and business files) */
};

/* A parsed date: the civil fields and, when the text carried one, its UTC
 * offset. year is 0 for SKPI__DATE_NOYEAR. */
typedef struct skpi__date {
    int year, month, day, hour, minute, second;
    bool has_offset;
    int offset_minutes;
} skpi__date;

/* Parse a date of the given form; false when the text is not one. */
bool skpi__date_parse(const char *s, size_t n, int form, skpi__date *out);

/* The UTC time of a parsed date; texts without an offset are read at
 * default_offset_minutes. false when the date is invalid (day 31 of a
 * 30-day month, year 0...). */
bool skpi__date_time(const skpi__date *d, int default_offset_minutes, skpi_time *out);

/* ---- the streaming CSV reader -------------------------------------- */

/* One record as delivered to the consumer; the fields are NUL-terminated
 * and borrowed until the callback returns. */
typedef struct skpi__record {
    size_t n;               /* number of fields */
    const char *const *field;
    const size_t *len;
    uint64_t line;          /* physical line (1-based) where the record starts */
} skpi__record;

/* Called once per record; a non-zero return stops reading, and the reader
 * hands that code back from skpi__reader_feed()/skpi__reader_finish(). The
 * callback sets the error message itself. */
typedef int (*skpi__record_fn)(void *ctx, const skpi__record *rec);

/* Limits that keep memory bounded whatever the input. */
#define SKPI__MAX_FIELD_BYTES ((size_t)1 << 24)   /* 16 MiB in one field */
#define SKPI__MAX_FIELDS ((size_t)4096)           /* fields in one record */
#define SKPI__MAX_RECORD_BYTES ((size_t)1 << 26)  /* 64 MiB in one record */

typedef struct skpi__reader {
    struct csv_parser csv;
    bool csv_ready;
    const char *name;        /* file name for messages; borrowed */
    skpi__record_fn fn;
    void *ctx;
    int rc;                  /* first error; later input is ignored */

    /* encoding */
    int encoding;            /* 0 undecided, 1 UTF-8, 2 UTF-16 LE, 3 UTF-16 BE */
    unsigned char head[4];   /* first bytes held until the encoding is known */
    size_t nhead;
    unsigned char odd;       /* a UTF-16 byte waiting for its partner */
    bool has_odd;
    uint32_t surrogate;      /* a high surrogate waiting for its low half */
    char *u8;                /* transcoding buffer */
    size_t u8cap;

    /* preamble before libcsv: an optional "sep=X" first line */
    int start;               /* 0 start of text, 1 inside the sep line, 2 CSV, 3 sniffing */
    char sep[8];
    size_t nsep;
    unsigned char delimiter; /* 0: from a sep= line, else sniffed, else ',' */

    /* without either, the first lines are held until one shows the delimiter */
    char *sniff;
    size_t nsniff, csniff;
    size_t sniff_scanned;    /* bytes of sniff already looked at */
    unsigned sniff_lines;
    bool sniff_quoted;       /* inside a quoted field at sniff_scanned */
    unsigned long sniff_count[2][3]; /* outside/inside quotes: ',' ';' tab, on the current line */

    bool nul_in_chunk;       /* the chunk being split into lines holds a NUL byte */
    bool nul_in_piece;       /* the record being read has met a NUL byte */

    /* position */
    uint64_t line;           /* physical line now being fed */
    uint64_t rec_line;       /* line where the current record began */
    bool in_record;

    /* the record under construction */
    char *arena;
    size_t arena_len, arena_cap;
    size_t *offs;
    size_t *lens;
    const char **ptrs;
    size_t nfields, fcap;
} skpi__reader;

/* Set up a reader; delimiter 0 means "sep= line if any, else ','". Never
 * fails: memory is allocated on first use. */
void skpi__reader_init(skpi__reader *r, const char *name, unsigned char delimiter,
                       skpi__record_fn fn, void *ctx);
/* The delimiter in use (',' until one is known). */
unsigned char skpi__reader_delimiter(const skpi__reader *r);
/* Feed the next bytes of the file. SKPI_OK or the first error (SKPI_EPARSE,
 * SKPI_ENOMEM, or a code from the callback). */
int skpi__reader_feed(skpi__reader *r, const void *data, size_t n);
/* End of input: flushes the last record, reports an unterminated quote. */
int skpi__reader_finish(skpi__reader *r);
void skpi__reader_free(skpi__reader *r);

#endif
