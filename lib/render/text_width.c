/* Display width and line breaks for the plain-text renderer, on ICU: the
 * grapheme and line-break iterators of ubrk and the character properties
 * of uchar decide, not byte or code-point counts. */
#include "render/text_width.h"
#include "render/render_internal.h"

#include <stdint.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* Columns of one code point standing alone. */
static int cp_width(uint32_t c)
{
    int8_t type = u_charType((UChar32)c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
        c == 0x200B || (c >= 0xFE00 && c <= 0xFE0F))
        return 0;
    int ea = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);
    if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return 2;
    if (u_hasBinaryProperty((UChar32)c, UCHAR_EMOJI_PRESENTATION)) return 2;
    return 1;
}

size_t skpi__text_width(const char *s, size_t n)
{
    /* A grapheme is as wide as its widest code point: "e" + U+0301 is one
     * column, an emoji with U+FE0F two, a ZWJ family two. */
    const unsigned char *p = (const unsigned char *)s;
    size_t w = 0;
    int cluster = -1; /* width of the grapheme being read, -1 before the first */
    while (n > 0) {
        uint32_t c;
        size_t len = skpi__utf8_next(p, n, &c);
        int cw = cp_width(c);
        bool extends = cluster >= 0 && (cw == 0 || c == 0xFE0F || c == 0x200D ||
                                        (c >= 0x1F3FB && c <= 0x1F3FF));
        if (c == 0xFE0F && cluster == 1) cluster = 2; /* emoji presentation asked for */
        if (extends) {
            if (cw > cluster) cluster = cw;
        } else {
            if (cluster > 0) w += (size_t)cluster;
            cluster = cw;
        }
        /* after a zero-width joiner the next emoji joins the same grapheme */
        if (c == 0x200D && n > len) {
            uint32_t next;
            size_t l2 = skpi__utf8_next(p + len, n - len, &next);
            len += l2;
            n -= l2;
            p += l2;
        }
        p += len;
        n -= len;
    }
    if (cluster > 0) w += (size_t)cluster;
    return w;
}

struct skpi__breaker {
    UBreakIterator *it;
    UChar *u;
    int32_t *byte_at; /* UTF-8 offset of each UTF-16 unit, and of the end */
    size_t cap;
};

int skpi__text_breaker(skpi__breaker **out, const char *locale)
{
    skpi__breaker *b = skpi__calloc(1, sizeof *b);
    if (b == NULL) return skpi__nomem();
    UErrorCode st = U_ZERO_ERROR;
    b->it = ubrk_open(UBRK_LINE, locale ? locale : "en", NULL, 0, &st);
    if (U_FAILURE(st)) {
        skpi__free(b);
        return st == U_MEMORY_ALLOCATION_ERROR ? skpi__nomem()
                                               : skpi__error(SKPI_EUNSUPPORTED, "ICU has no line "
                                                             "breaking data (%s)", u_errorName(st));
    }
    *out = b;
    return SKPI_OK;
}

void skpi__text_breaker_free(skpi__breaker *b)
{
    if (b == NULL) return;
    ubrk_close(b->it);
    skpi__free(b->u);
    skpi__free(b->byte_at);
    skpi__free(b);
}

static bool wide(uint32_t c)
{
    int ea = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);
    return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH;
}

size_t skpi__text_breaks(skpi__breaker *b, const char *s, size_t n, size_t *at, size_t max)
{
    /* UTF-16 for ICU, with the byte offset of every unit to map back;
     * invalid bytes become U+FFFD one by one as the escaping does */
    if (n + 1 > b->cap) {
        size_t cap = n + 1;
        UChar *u = skpi__reallocarray(b->u, cap, 2 * sizeof *u);
        if (u == NULL) return SIZE_MAX;
        b->u = u;
        int32_t *m = skpi__reallocarray(b->byte_at, cap, 2 * sizeof *m);
        if (m == NULL) return SIZE_MAX;
        b->byte_at = m;
        b->cap = cap;
    }
    if (n > INT32_MAX / 4) return SIZE_MAX;
    const unsigned char *p = (const unsigned char *)s;
    size_t k = 0, off = 0;
    while (off < n) {
        uint32_t c;
        size_t len = skpi__utf8_next(p + off, n - off, &c);
        if (c > 0xFFFF) {
            b->u[k] = U16_LEAD(c);
            b->byte_at[k++] = (int32_t)off;
            b->u[k] = U16_TRAIL(c);
        } else {
            b->u[k] = (UChar)c;
        }
        b->byte_at[k++] = (int32_t)off;
        off += len;
    }
    b->byte_at[k] = (int32_t)n;
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(b->it, b->u, (int32_t)k, &st);
    if (U_FAILURE(st)) return SIZE_MAX;
    size_t count = 0;
    for (int32_t pos = ubrk_following(b->it, 0); pos != UBRK_DONE && pos < (int32_t)k && count < max;
         pos = ubrk_next(b->it)) {
        UChar32 before, after;
        int32_t i = pos;
        U16_PREV(b->u, 0, i, before);
        i = pos;
        U16_NEXT(b->u, i, (int32_t)k, after);
        if (wide((uint32_t)before) || wide((uint32_t)after))
            at[count++] = (size_t)b->byte_at[pos];
    }
    return count;
}
