/* A syntax check of JSON text that allocates nothing. jansson's decoder
 * reports a failed allocation as whatever syntax error it happened to cause
 * ("invalid token", or no message at all), so when jansson fails, this
 * check tells a broken document (a parse error) from a lack of memory. It
 * accepts what jansson accepts: RFC 8259 with an object or array at the
 * top, valid UTF-8, no \u0000, surrogates in pairs, at most 2048 levels. */
#include "definitions/defs_internal.h"

#include <stdint.h>

#define MAX_DEPTH 2048

typedef struct scan {
    const unsigned char *p, *end;
} scan;

static void skip_space(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')) s->p++;
}

static bool literal(scan *s, const char *word)
{
    for (; *word; word++, s->p++)
        if (s->p >= s->end || *s->p != (unsigned char)*word) return false;
    return true;
}

static bool digits(scan *s)
{
    const unsigned char *start = s->p;
    while (s->p < s->end && *s->p >= '0' && *s->p <= '9') s->p++;
    return s->p > start;
}

static bool number(scan *s)
{
    if (s->p < s->end && *s->p == '-') s->p++;
    if (s->p >= s->end) return false;
    if (*s->p == '0') {
        s->p++;
        if (s->p < s->end && *s->p >= '0' && *s->p <= '9') return false;
    } else if (!digits(s)) {
        return false;
    }
    if (s->p < s->end && *s->p == '.') {
        s->p++;
        if (!digits(s)) return false;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-')) s->p++;
        if (!digits(s)) return false;
    }
    return true;
}

static bool hex4(scan *s, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++, s->p++) {
        if (s->p >= s->end) return false;
        unsigned c = *s->p;
        if (c >= '0' && c <= '9') v = v * 16 + (c - '0');
        else if (c >= 'a' && c <= 'f') v = v * 16 + (c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v = v * 16 + (c - 'A' + 10);
        else return false;
    }
    *out = v;
    return true;
}

static bool escape(scan *s)
{
    if (s->p >= s->end) return false;
    unsigned char c = *s->p++;
    if (c != 'u') {
        return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' ||
               c == 't';
    }
    uint32_t u;
    if (!hex4(s, &u) || u == 0) return false;
    if (u >= 0xDC00 && u <= 0xDFFF) return false; /* a low surrogate alone */
    if (u >= 0xD800 && u <= 0xDBFF) {
        uint32_t low;
        if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u') return false;
        s->p += 2;
        if (!hex4(s, &low) || low < 0xDC00 || low > 0xDFFF) return false;
    }
    return true;
}

/* One UTF-8 sequence of two or more bytes: no overlong forms, no
 * surrogates, nothing above U+10FFFF. */
static bool utf8(scan *s)
{
    unsigned char c = *s->p++;
    int n;
    uint32_t u, min;
    if (c >= 0xC2 && c <= 0xDF) { n = 1; u = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 2; u = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 3; u = c & 0x07; min = 0x10000; }
    else return false;
    for (int i = 0; i < n; i++, s->p++) {
        if (s->p >= s->end || (*s->p & 0xC0) != 0x80) return false;
        u = (u << 6) | (*s->p & 0x3F);
    }
    return u >= min && u <= 0x10FFFF && !(u >= 0xD800 && u <= 0xDFFF);
}

static bool string(scan *s)
{
    s->p++; /* the opening quote */
    while (s->p < s->end) {
        unsigned char c = *s->p;
        if (c == '"') {
            s->p++;
            return true;
        }
        if (c < 0x20) return false;
        if (c == '\\') {
            s->p++;
            if (!escape(s)) return false;
        } else if (c >= 0x80) {
            if (!utf8(s)) return false;
        } else {
            s->p++;
        }
    }
    return false;
}

static bool scalar(scan *s)
{
    switch (*s->p) {
    case '"': return string(s);
    case 't': return literal(s, "true");
    case 'f': return literal(s, "false");
    case 'n': return literal(s, "null");
    default: return number(s);
    }
}

bool skpi__json_well_formed(const char *text, size_t size)
{
    scan s = { (const unsigned char *)text, (const unsigned char *)text + size };
    char stack[MAX_DEPTH]; /* '{' or '[' per open level */
    size_t depth = 0;
    skip_space(&s);
    if (s.p >= s.end || (*s.p != '{' && *s.p != '[')) return false;
    /* Each turn reads one value where a value is expected. */
    for (;;) {
        skip_space(&s);
        if (s.p >= s.end) return false;
        if (*s.p == '{' || *s.p == '[') {
            if (depth == MAX_DEPTH) return false;
            stack[depth++] = (char)*s.p++;
            skip_space(&s);
            if (s.p < s.end && *s.p == (stack[depth - 1] == '{' ? '}' : ']')) {
                s.p++;
                depth--;
                goto after_value;
            }
            if (stack[depth - 1] == '{') goto member;
            continue;
        }
        if (!scalar(&s)) return false;
    after_value:
        skip_space(&s);
        if (depth == 0) return s.p == s.end;
        if (s.p >= s.end) return false;
        if (*s.p == ',') {
            s.p++;
            if (stack[depth - 1] == '[') continue;
            skip_space(&s);
            goto member;
        }
        if (*s.p != (stack[depth - 1] == '{' ? '}' : ']')) return false;
        s.p++;
        depth--;
        goto after_value;
    member:
        if (s.p >= s.end || *s.p != '"' || !string(&s)) return false;
        skip_space(&s);
        if (s.p >= s.end || *s.p != ':') return false;
        s.p++;
    }
}
