/* Word wrapping for the plain-text renderer (text_wrap.h). */
#include "render/text_wrap.h"
#include "render/text_width.h"

#include <stdint.h>
#include <string.h>

static size_t width_n(const char *s, size_t n) { return skpi__text_width(s, n); }

void skpi__wrap_pad(skpi__render *r, size_t n)
{
    static const char spaces[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        skpi__out_write(&r->out, spaces, k);
        n -= k;
    }
}

/* Escaped text through a NUL-terminated copy, in pieces. */
static void put_escaped(skpi__render *r, const char *s, size_t n)
{
    char tmp[512];
    while (n > 0) {
        size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
        while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        if (k == 0) k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
        memcpy(tmp, s, k);
        tmp[k] = '\0';
        skpi__esc_text(&r->out, tmp);
        s += k;
        n -= k;
    }
}

/* Write the pending chunk: on this line when it fits, else on the next. */
static void flush(skpi__wrap *w)
{
    if (w->len == 0) return;
    if (w->col > w->indent && w->col + (w->lead ? 1 : 0) + w->width > w->r->width) {
        skpi__out_char(&w->r->out, '\n');
        skpi__wrap_pad(w->r, w->indent);
        w->col = w->indent;
    } else if (w->lead) {
        skpi__out_char(&w->r->out, ' ');
        w->col++;
    }
    put_escaped(w->r, w->chunk, w->len);
    w->col += w->width;
    w->len = w->width = 0;
    w->lead = false;
}

void skpi__wrap_start(skpi__wrap *w, skpi__render *r, const char *prefix, size_t indent)
{
    w->r = r;
    w->indent = indent;
    w->space = false;
    w->len = w->width = w->last = 0;
    w->lead = false;
    /* a prefix may hold a word of the document (a callout's label) */
    skpi__esc_text(&r->out, prefix);
    w->col = width_n(prefix, strlen(prefix));
    if (w->col < indent) { skpi__wrap_pad(r, indent - w->col); w->col = indent; }
}

/* Append to the chunk; a chunk that cannot take more is written first
 * (a break the reader will hardly meet: 1 KiB without a break). */
static void append(skpi__wrap *w, const char *s, size_t n)
{
    if (w->len + n > sizeof w->chunk) flush(w);
    while (n > sizeof w->chunk) { /* a word longer than the chunk: written as it comes */
        size_t k = sizeof w->chunk;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        append(w, s, k);
        flush(w);
        s += k;
        n -= k;
    }
    memcpy(w->chunk + w->len, s, n);
    w->len += n;
    w->width += width_n(s, n);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* A unit written after a figure, ignoring punctuation that follows it. */
static bool is_unit(const skpi__render *r, const char *s, size_t n)
{
    while (n > 0 && strchr(").,;:", s[n - 1])) n--;
    static const char *const units[] = { "%", "pp", "p.p.", "\xE2\x80\xB0" /* ‰ */, "\xC3\x97" /* × */ };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (n == strlen(units[i]) && memcmp(s, units[i], n) == 0) return true;
    const char *cur = r->nf.currency;
    return n > 0 && cur && cur[0] && n == strlen(cur) && memcmp(s, cur, n) == 0;
}

/* Whether a space between the chunk's last word and the next one sits
 * inside a figure, where no line may break. */
static bool holds_together(const skpi__wrap *w, const char *s, size_t n)
{
    const char *prev = w->chunk + w->last;
    size_t plen = w->len - w->last;
    if (plen == 0) return false;
    bool prev_digit = is_digit(prev[plen - 1]);
    if (prev_digit && is_unit(w->r, s, n)) return true;
    /* "EUR 12": a currency before its amount */
    const char *cur = w->r->nf.currency;
    if (cur && cur[0] && plen == strlen(cur) && memcmp(prev, cur, plen) == 0 &&
        (is_digit(s[0]) || ((s[0] == '-' || s[0] == '+') && n > 1 && is_digit(s[1]))))
        return true;
    /* "1 234 567" when the digit groups are separated by a space */
    const char *g = w->r->nf.group;
    if (prev_digit && g && strchr(g, ' ') && n >= 3 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
        (n == 3 || !is_digit(s[3])))
        return true;
    return false;
}

/* Place a word: it joins the pending chunk when nothing may break before
 * it (no space, or a space inside a figure), else starts a chunk of its
 * own; `may_break` allows a break without a space (East Asian text). */
static void place(skpi__wrap *w, const char *s, size_t n, bool may_break)
{
    if (w->len > 0 && !may_break && (!w->space || holds_together(w, s, n))) {
        if (w->space) append(w, " ", 1);
    } else {
        flush(w);
        w->lead = w->space;
    }
    w->space = false;
    w->last = w->len;
    append(w, s, n);
}

void skpi__wrap_word(skpi__wrap *w, const char *s, size_t n) { place(w, s, n, false); }

/* A word that may hold East Asian text: its pieces between the places
 * Unicode lets a line break there, each placed like a word of its own but
 * without a space between them. */
static void east_asian(skpi__wrap *w, const char *s, size_t n)
{
    skpi__render *r = w->r;
    if (r->breaker == NULL && !r->no_breaker &&
        skpi__text_breaker(&r->breaker, r->locale ? r->locale : skpi_doc_locale(r->doc)) != SKPI_OK)
        r->no_breaker = true; /* without ICU's data the word stays whole */
    bool first = true;
    while (n > 0) {
        size_t at[256];
        size_t k = r->breaker ? skpi__text_breaks(r->breaker, s, n, at, sizeof at / sizeof at[0]) : 0;
        if (k == SIZE_MAX) k = 0;
        size_t from = 0;
        for (size_t i = 0; i < k; i++) {
            place(w, s + from, at[i] - from, !first);
            first = false;
            from = at[i];
        }
        if (k < sizeof at / sizeof at[0]) {
            place(w, s + from, n - from, !first);
            return;
        }
        s += from; /* more places than fit: go on after the last one */
        n -= from;
    }
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void skpi__wrap_text(skpi__wrap *w, const char *s)
{
    while (*s) {
        if (is_space(*s)) {
            while (is_space(*s)) s++;
            w->space = true;
            continue;
        }
        size_t n = 0;
        bool maybe_wide = false; /* U+1100 and above: a lead byte from 0xE1 */
        while (s[n] && !is_space(s[n])) maybe_wide |= (unsigned char)s[n++] >= 0xE1;
        if (maybe_wide) east_asian(w, s, n);
        else skpi__wrap_word(w, s, n);
        s += n;
    }
}

void skpi__wrap_glue(skpi__wrap *w, const char *s)
{
    w->space = false;
    append(w, s, strlen(s));
}

void skpi__wrap_end(skpi__wrap *w)
{
    flush(w);
    skpi__out_char(&w->r->out, '\n');
}
