/* The streaming CSV reader: encoding detection (UTF-8 with or without BOM,
 * UTF-16 LE/BE) and conversion to UTF-8, an optional "sep=X" first line,
 * then libcsv fed one physical line at a time so that every record knows
 * the line it starts on. Memory stays bounded by one field and one record. */
#include "import/reader.h"

#include <string.h>

enum { ENC_UNKNOWN = 0, ENC_UTF8 = 1, ENC_UTF16LE = 2, ENC_UTF16BE = 3 };
enum { START_TEXT = 0, START_SEP_LINE = 1, START_CSV = 2, START_SNIFF = 3 };

/* Lines and bytes held at most while looking for the delimiter. */
#define SNIFF_LINES 32
#define SNIFF_BYTES ((size_t)1 << 16)

/* libcsv allocates through these, so the host's allocator (and the tests'
 * failing one) covers it too. */
static void *csv_realloc(void *p, size_t n) { return skpi__realloc(p, n); }
static void csv_free_block(void *p) { skpi__free(p); }

void skpi__reader_init(skpi__reader *r, const char *name, unsigned char delimiter,
                       skpi__record_fn fn, void *ctx)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->fn = fn;
    r->ctx = ctx;
    r->delimiter = delimiter;
    r->line = 1;
}

unsigned char skpi__reader_delimiter(const skpi__reader *r)
{
    return r->delimiter ? r->delimiter : ',';
}

void skpi__reader_free(skpi__reader *r)
{
    skpi__free(r->sniff);
    r->sniff = NULL;
    if (r->csv_ready)
        csv_free(&r->csv);
    skpi__free(r->u8);
    skpi__free(r->arena);
    skpi__free(r->offs);
    skpi__free(r->lens);
    skpi__free(r->ptrs);
    r->csv_ready = false;
    r->u8 = r->arena = NULL;
    r->offs = r->lens = NULL;
    r->ptrs = NULL;
}

static int fail_at(skpi__reader *r, uint64_t line, size_t column, const char *what)
{
    r->rc = skpi__error(SKPI_EPARSE, "%s: line %llu, column %zu: %s", r->name,
                        (unsigned long long)line, column, what);
    return r->rc;
}

/* ---- record assembly (libcsv callbacks) ---------------------------- */

static void on_field(void *data, size_t len, void *ctx)
{
    skpi__reader *r = ctx;
    if (r->rc != SKPI_OK)
        return;
    if (r->nul_in_piece && len > 0 && memchr(data, '\0', len) != NULL) {
        /* Fields become C strings (ids, channels, text): a NUL would cut them. */
        fail_at(r, r->rec_line, r->nfields + 1, "a NUL byte inside a field");
        return;
    }
    if (r->nfields == r->fcap) {
        if (r->nfields >= SKPI__MAX_FIELDS) {
            fail_at(r, r->rec_line, r->nfields + 1, "too many fields in one record");
            return;
        }
        /* The three arrays keep one capacity: each grows to the new one. */
        size_t n = r->fcap ? r->fcap * 2 : 16;
        size_t *offs = skpi__reallocarray(r->offs, n, sizeof *offs);
        if (offs != NULL)
            r->offs = offs;
        size_t *lens = offs ? skpi__reallocarray(r->lens, n, sizeof *lens) : NULL;
        if (lens != NULL)
            r->lens = lens;
        const char **ptrs = lens ? skpi__reallocarray(r->ptrs, n, sizeof *ptrs) : NULL;
        if (ptrs == NULL) {
            r->rc = skpi__nomem();
            return;
        }
        r->ptrs = ptrs;
        r->fcap = n;
    }
    size_t need = r->arena_len + len + 1;
    if (need > SKPI__MAX_RECORD_BYTES) {
        fail_at(r, r->rec_line, r->nfields + 1, "record longer than 64 MiB");
        return;
    }
    if (need > r->arena_cap && !skpi__grow((void **)&r->arena, &r->arena_cap, need, 1)) {
        r->rc = skpi__nomem();
        return;
    }
    if (len > 0)
        memcpy(r->arena + r->arena_len, data, len);
    r->arena[r->arena_len + len] = '\0';
    r->offs[r->nfields] = r->arena_len;
    r->lens[r->nfields] = len;
    r->arena_len = need;
    r->nfields++;
}

static void on_record(int term, void *ctx)
{
    (void)term;
    skpi__reader *r = ctx;
    if (r->rc == SKPI_OK && r->nfields > 0) {
        for (size_t i = 0; i < r->nfields; i++)
            r->ptrs[i] = r->arena + r->offs[i];
        skpi__record rec = { r->nfields, r->ptrs, r->lens, r->rec_line };
        int rc = r->fn(r->ctx, &rec);
        if (rc != SKPI_OK)
            r->rc = rc;
    }
    r->nfields = 0;
    r->arena_len = 0;
    r->in_record = false;
    r->nul_in_piece = false;
}

/* ---- lines into libcsv --------------------------------------------- */

static int csv_setup(skpi__reader *r)
{
    /* Strict: a stray quote inside an unquoted field, or text after a
     * closing quote, is an error rather than a guess. */
    if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return r->rc = skpi__nomem();
    csv_set_realloc_func(&r->csv, csv_realloc);
    csv_set_free_func(&r->csv, csv_free_block);
    csv_set_delim(&r->csv, r->delimiter ? r->delimiter : ',');
    /* libcsv grows a field's buffer by a fixed step (128 bytes by default);
     * feed_piece() raises the step as the buffer grows, so that long fields
     * cost linear time. */
    csv_set_blk_size(&r->csv, (size_t)1 << 12);
    r->csv_ready = true;
    return SKPI_OK;
}

static int csv_error_here(skpi__reader *r)
{
    int e = csv_error(&r->csv);
    if (e == CSV_ENOMEM)
        return r->rc = skpi__nomem();
    if (e == CSV_ETOOBIG)
        return fail_at(r, r->rec_line, r->nfields + 1, "field too large");
    return fail_at(r, r->in_record ? r->line : r->rec_line, r->nfields + 1,
                   "malformed quoting (a quote inside an unquoted field, or text after a "
                   "closing quote)");
}

/* Feed one piece of a physical line (ending with '\n' or not). */
static int feed_piece(skpi__reader *r, const char *p, size_t n, bool ends_line)
{
    if (!r->in_record) {
        /* A piece of only blanks and line ends starts no record (libcsv
         * reports none for it). */
        bool blank = true;
        for (size_t i = 0; i < n && blank; i++)
            blank = p[i] == '\r' || p[i] == '\n' || p[i] == ' ' || p[i] == '\t';
        if (!blank) {
            r->rec_line = r->line;
            r->in_record = true;
        }
    }
    /* Fields are searched for a NUL only when their record has met one (a
     * field may span pieces, so the flag lasts the record); feed_csv()
     * looks at whole chunks first, so clean text costs one pass. */
    if (r->nul_in_chunk && memchr(p, '\0', n) != NULL)
        r->nul_in_piece = true;
    size_t done = csv_parse(&r->csv, p, n, on_field, on_record, r);
    if (r->rc != SKPI_OK)
        return r->rc;
    if (done != n)
        return csv_error_here(r);
    if (r->csv.entry_size > r->csv.blk_size)
        csv_set_blk_size(&r->csv, r->csv.entry_size);
    if (r->csv.entry_pos > SKPI__MAX_FIELD_BYTES)
        return fail_at(r, r->rec_line, r->nfields + 1,
                       "field longer than 16 MiB (an unterminated quote?)");
    if (ends_line)
        r->line++;
    return SKPI_OK;
}

static int feed_csv(skpi__reader *r, const char *p, size_t n)
{
    r->nul_in_chunk = memchr(p, '\0', n) != NULL;
    while (n > 0 && r->rc == SKPI_OK) {
        /* Pieces of at most 64 KiB, so that a runaway quoted field is caught
         * soon after it passes the field limit. */
        size_t span = n < ((size_t)1 << 16) ? n : ((size_t)1 << 16);
        const char *nl = memchr(p, '\n', span);
        size_t k = nl ? (size_t)(nl - p) + 1 : span;
        if (feed_piece(r, p, k, nl != NULL) != SKPI_OK)
            return r->rc;
        p += k;
        n -= k;
    }
    return r->rc;
}

/* ---- the delimiter of files without a sep= line ------------------- */

/* The delimiter a finished line shows: the most frequent of ',', ';' and
 * tab outside quotes or, when there is none outside (a whole row wrapped
 * in quotes), inside them; 0 when the line has none (a title line). Ties
 * go to ',' then ';'. */
static unsigned char line_delimiter(const unsigned long count[2][3])
{
    static const unsigned char cand[3] = { ',', ';', '\t' };
    for (int where = 0; where < 2; where++) {
        int best = -1;
        for (int k = 0; k < 3; k++)
            if (count[where][k] > 0 && (best < 0 || count[where][k] > count[where][best]))
                best = k;
        if (best >= 0)
            return cand[best];
    }
    return 0;
}

/* Hand the held text to libcsv once the delimiter is known. */
static int sniff_done(skpi__reader *r, unsigned char delimiter)
{
    r->delimiter = delimiter ? delimiter : ',';
    r->start = START_CSV;
    if (csv_setup(r) != SKPI_OK)
        return r->rc;
    int rc = r->nsniff ? feed_csv(r, r->sniff, r->nsniff) : r->rc;
    skpi__free(r->sniff);
    r->sniff = NULL;
    r->nsniff = r->csniff = 0;
    return rc;
}

/* Hold text until a line shows the delimiter (or enough was seen), then
 * feed it all; what comes later goes straight to libcsv. */
static int feed_sniff(skpi__reader *r, const char *p, size_t n)
{
    if (n == 0) /* nothing new; and no offset on a buffer not yet allocated */
        return r->rc;
    if (!skpi__grow((void **)&r->sniff, &r->csniff, r->nsniff + n, 1))
        return r->rc = skpi__nomem();
    memcpy(r->sniff + r->nsniff, p, n);
    r->nsniff += n;
    for (; r->sniff_scanned < r->nsniff; r->sniff_scanned++) {
        char c = r->sniff[r->sniff_scanned];
        int k = c == ',' ? 0 : c == ';' ? 1 : c == '\t' ? 2 : -1;
        if (c == '"') {
            r->sniff_quoted = !r->sniff_quoted;
        } else if (k >= 0) {
            r->sniff_count[r->sniff_quoted][k]++;
        } else if (c == '\n' && !r->sniff_quoted) {
            unsigned char d = line_delimiter((const unsigned long (*)[3])r->sniff_count);
            memset(r->sniff_count, 0, sizeof r->sniff_count);
            if (d != 0 || ++r->sniff_lines >= SNIFF_LINES)
                return sniff_done(r, d);
        }
    }
    if (r->nsniff >= SNIFF_BYTES)
        return sniff_done(r, line_delimiter((const unsigned long (*)[3])r->sniff_count));
    return r->rc;
}

/* The text after the BOM: a first line "sep=X" (quoted or not, as Excel
 * and Meta write it) sets the delimiter and is not data. */
static int feed_text(skpi__reader *r, const char *p, size_t n)
{
    while ((r->start == START_TEXT || r->start == START_SEP_LINE) && n > 0) {
        if (r->start == START_SEP_LINE) {
            const char *nl = memchr(p, '\n', n);
            if (nl == NULL)
                return SKPI_OK;
            n -= (size_t)(nl - p) + 1;
            p = nl + 1;
            r->line++;
            r->start = START_CSV;
            break;
        }
        /* Collect up to 6 bytes: enough for `"sep=,`. */
        while (r->nsep < 6 && n > 0 && *p != '\n') {
            r->sep[r->nsep++] = *p++;
            n--;
        }
        if (r->nsep < 6 && n == 0)
            return SKPI_OK; /* wait for more */
        const char *s = r->sep;
        size_t len = r->nsep;
        if (len > 0 && s[0] == '"') {
            s++;
            len--;
        }
        if (len >= 5 && (memcmp(s, "sep=", 4) == 0 || memcmp(s, "SEP=", 4) == 0)) {
            if (r->delimiter == 0)
                r->delimiter = (unsigned char)s[4];
            r->start = START_SEP_LINE;
            size_t tail = (size_t)(s + 5 - r->sep);
            /* Bytes of the sep line already collected after the delimiter
             * may include its end. */
            bool ended = false;
            for (size_t i = tail; i < r->nsep; i++)
                if (r->sep[i] == '\n')
                    ended = true;
            if (ended) {
                r->line++;
                r->start = START_CSV;
            }
            continue;
        }
        if (r->delimiter == 0) {
            r->start = START_SNIFF;
            if (feed_sniff(r, r->sep, r->nsep) != SKPI_OK)
                return r->rc;
            break;
        }
        r->start = START_CSV;
        if (csv_setup(r) != SKPI_OK)
            return r->rc;
        if (feed_csv(r, r->sep, r->nsep) != SKPI_OK)
            return r->rc;
    }
    if (n == 0)
        return r->rc;
    if (r->start == START_SNIFF)
        return feed_sniff(r, p, n);
    if (!r->csv_ready && csv_setup(r) != SKPI_OK)
        return r->rc;
    return feed_csv(r, p, n);
}

/* ---- encodings ------------------------------------------------------ */

static int flush_head_text(skpi__reader *r, const unsigned char *p, size_t n);

/* Convert UTF-16 code units to UTF-8 into r->u8 and feed them. Lone
 * surrogates become U+FFFD. */
static int feed_utf16(skpi__reader *r, const unsigned char *p, size_t n)
{
    bool be = r->encoding == ENC_UTF16BE;
    while (n > 0 && r->rc == SKPI_OK) {
        size_t chunk = n > 32768 ? 32768 : n;
        size_t need = (chunk / 2 + 2) * 3;
        size_t cap = r->u8cap;
        if (!skpi__grow((void **)&r->u8, &cap, need, 1))
            return r->rc = skpi__nomem();
        r->u8cap = cap;
        size_t out = 0, i = 0;
        while (i < chunk) {
            unsigned char a, b;
            if (r->has_odd) {
                a = r->odd;
                b = p[i++];
                r->has_odd = false;
            } else if (i + 1 < chunk) {
                a = p[i];
                b = p[i + 1];
                i += 2;
            } else {
                r->odd = p[i++];
                r->has_odd = true;
                break;
            }
            uint32_t u = be ? ((uint32_t)a << 8 | b) : ((uint32_t)b << 8 | a);
            if (r->surrogate) {
                if (u >= 0xDC00 && u <= 0xDFFF) {
                    u = 0x10000 + ((r->surrogate - 0xD800) << 10) + (u - 0xDC00);
                    r->surrogate = 0;
                } else {
                    r->surrogate = 0;
                    r->u8[out++] = (char)0xEF;
                    r->u8[out++] = (char)0xBF;
                    r->u8[out++] = (char)0xBD;
                }
            }
            if (u >= 0xD800 && u <= 0xDBFF) {
                r->surrogate = u;
                continue;
            }
            if (u >= 0xDC00 && u <= 0xDFFF)
                u = 0xFFFD;
            if (u < 0x80) {
                r->u8[out++] = (char)u;
            } else if (u < 0x800) {
                r->u8[out++] = (char)(0xC0 | u >> 6);
                r->u8[out++] = (char)(0x80 | (u & 0x3F));
            } else if (u < 0x10000) {
                r->u8[out++] = (char)(0xE0 | u >> 12);
                r->u8[out++] = (char)(0x80 | (u >> 6 & 0x3F));
                r->u8[out++] = (char)(0x80 | (u & 0x3F));
            } else {
                r->u8[out++] = (char)(0xF0 | u >> 18);
                r->u8[out++] = (char)(0x80 | (u >> 12 & 0x3F));
                r->u8[out++] = (char)(0x80 | (u >> 6 & 0x3F));
                r->u8[out++] = (char)(0x80 | (u & 0x3F));
            }
        }
        if (feed_text(r, r->u8, out) != SKPI_OK)
            return r->rc;
        p += chunk;
        n -= chunk;
    }
    return r->rc;
}

/* The first bytes decide the encoding: a BOM, or UTF-16 recognised by a
 * zero byte next to an ASCII one (Meta's files always carry a BOM; the
 * zero-byte test covers re-saved files). */
static int decide(skpi__reader *r)
{
    const unsigned char *h = r->head;
    size_t skip = 0;
    if (r->nhead >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF) {
        r->encoding = ENC_UTF8;
        skip = 3;
    } else if (r->nhead >= 2 && h[0] == 0xFF && h[1] == 0xFE) {
        r->encoding = ENC_UTF16LE;
        skip = 2;
    } else if (r->nhead >= 2 && h[0] == 0xFE && h[1] == 0xFF) {
        r->encoding = ENC_UTF16BE;
        skip = 2;
    } else if (r->nhead >= 2 && h[0] != 0 && h[0] < 0x80 && h[1] == 0) {
        r->encoding = ENC_UTF16LE;
    } else if (r->nhead >= 2 && h[0] == 0 && h[1] != 0 && h[1] < 0x80) {
        r->encoding = ENC_UTF16BE;
    } else {
        r->encoding = ENC_UTF8;
    }
    return flush_head_text(r, h + skip, r->nhead - skip);
}

static int flush_head_text(skpi__reader *r, const unsigned char *p, size_t n)
{
    if (n == 0)
        return SKPI_OK;
    if (r->encoding == ENC_UTF8)
        return feed_text(r, (const char *)p, n);
    return feed_utf16(r, p, n);
}

int skpi__reader_feed(skpi__reader *r, const void *data, size_t n)
{
    const unsigned char *p = data;
    if (r->rc != SKPI_OK)
        return r->rc;
    if (r->encoding == ENC_UNKNOWN) {
        while (r->nhead < 3 && n > 0) {
            r->head[r->nhead++] = *p++;
            n--;
        }
        if (r->nhead < 3)
            return SKPI_OK;
        if (decide(r) != SKPI_OK)
            return r->rc;
    }
    if (n == 0)
        return r->rc;
    if (r->encoding == ENC_UTF8)
        return feed_text(r, (const char *)p, n);
    return feed_utf16(r, p, n);
}

int skpi__reader_finish(skpi__reader *r)
{
    if (r->rc != SKPI_OK)
        return r->rc;
    if (r->encoding == ENC_UNKNOWN && decide(r) != SKPI_OK)
        return r->rc;
    if (r->has_odd)
        return fail_at(r, r->line, r->nfields + 1, "UTF-16 text ends in half a character");
    if (r->start == START_SNIFF) {
        /* The end of the text ends its last line. */
        unsigned char d = line_delimiter((const unsigned long (*)[3])r->sniff_count);
        if (sniff_done(r, d) != SKPI_OK)
            return r->rc;
    }
    if (r->start != START_CSV) {
        /* Only a short first line, or only a sep= line: flush it. */
        if (r->start == START_TEXT) {
            r->start = START_CSV;
            if (!r->csv_ready && csv_setup(r) != SKPI_OK)
                return r->rc;
            const char *s = r->sep;
            size_t len = r->nsep;
            if (len > 0 && s[0] == '"') {
                s++;
                len--;
            }
            if (!(len >= 5 && memcmp(s, "sep=", 4) == 0) && feed_csv(r, r->sep, r->nsep) != SKPI_OK)
                return r->rc;
        }
    }
    if (!r->csv_ready && csv_setup(r) != SKPI_OK)
        return r->rc;
    r->nul_in_piece = true; /* the last field may hold one from any piece */
    if (csv_fini(&r->csv, on_field, on_record, r) != 0 && r->rc == SKPI_OK) {
        if (csv_error(&r->csv) == CSV_ENOMEM)
            return r->rc = skpi__nomem();
        return fail_at(r, r->rec_line, r->nfields + 1,
                       "unterminated quote: the quoted field runs to the end of the file");
    }
    return r->rc;
}
