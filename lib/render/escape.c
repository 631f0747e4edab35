/* UTF-8 decoding and the escaping rules of each output format. */
#include "render/render_internal.h"

#include <string.h>

size_t skpi__utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else { *cp = 0xFFFD; return 1; }
    if (n < len) { *cp = 0xFFFD; return 1; }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
    *cp = v;
    return len;
}

size_t skpi__utf8_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), w = 0;
    uint32_t cp;
    while (n > 0) {
        size_t k = skpi__utf8_next(p, n, &cp);
        p += k;
        n -= k;
        w++;
    }
    return w;
}

static const char replacement[] = "\xEF\xBF\xBD";

/* C0 controls, DEL and C1 controls. */
static bool is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Walk s in runs: bytes that need no change are copied in one piece. The
 * callback decides per code point; it returns the replacement text or NULL
 * to keep the code point as it is. */
typedef const char *(*esc_fn)(uint32_t cp, char tmp[8]);

static void escape_with(skpi__out *o, const char *s, size_t n, esc_fn fn)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    char tmp[8];
    while (n > 0) {
        uint32_t cp;
        size_t k = skpi__utf8_next(p, n, &cp);
        const char *rep = fn(cp, tmp);
        bool invalid = cp == 0xFFFD && !(k == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD);
        if (rep != NULL || invalid) {
            skpi__out_write(o, (const char *)run, (size_t)(p - run));
            skpi__out_str(o, rep != NULL ? rep : replacement);
            run = p + k;
        }
        p += k;
        n -= k;
    }
    skpi__out_write(o, (const char *)run, (size_t)(p - run));
}

static const char *html_rule(uint32_t cp, char tmp[8])
{
    (void)tmp;
    switch (cp) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    case '\t': case '\n': return NULL;
    case '\r': return " ";
    default: return is_control(cp) ? replacement : NULL;
    }
}

void skpi__esc_html(skpi__out *o, const char *s) { escape_with(o, s, strlen(s), html_rule); }

static const char *json_rule(uint32_t cp, char tmp[8])
{
    static const char hex[] = "0123456789abcdef";
    switch (cp) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default: break;
    }
    /* Also U+2028/U+2029, which break JavaScript string literals. */
    if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
        memcpy(tmp, "\\u", 2);
        tmp[2] = hex[(cp >> 12) & 0xF];
        tmp[3] = hex[(cp >> 8) & 0xF];
        tmp[4] = hex[(cp >> 4) & 0xF];
        tmp[5] = hex[cp & 0xF];
        tmp[6] = '\0';
        return tmp;
    }
    return NULL;
}

void skpi__esc_json(skpi__out *o, const char *s)
{
    skpi__out_char(o, '"');
    escape_with(o, s, strlen(s), json_rule);
    skpi__out_char(o, '"');
}

/* Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
 * in text read as it is, one of them reorders the rest of the line, our own
 * figures included, so the formats read by people drop them. */
static bool is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static const char *text_rule(uint32_t cp, char tmp[8])
{
    (void)tmp;
    if (cp == '\t' || cp == '\n' || cp == '\r') return " ";
    if (is_bidi_control(cp)) return "";
    return is_control(cp) ? replacement : NULL;
}

void skpi__esc_text(skpi__out *o, const char *s) { escape_with(o, s, strlen(s), text_rule); }

static const char *md_rule(uint32_t cp, char tmp[8])
{
    (void)tmp;
    switch (cp) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '\\': return "\\\\";
    case '`': return "\\`";
    case '*': return "\\*";
    case '_': return "\\_";
    case '[': return "\\[";
    case ']': return "\\]";
    case '|': return "\\|";
    case '~': return "\\~";
    case '#': return "\\#";
    case '\t': case '\n': case '\r': return " ";
    default:
        if (is_bidi_control(cp)) return "";
        return is_control(cp) ? replacement : NULL;
    }
}

void skpi__esc_md_n(skpi__out *o, const char *s, size_t n, bool at_line_start)
{
    /* Leading white space would indent the line into a code block (or
     * the content of a list item); a reader's Markdown drops it anyway. */
    while (at_line_start && n > 0 && strchr(" \t\r\n", s[0]) != NULL) {
        s++;
        n--;
    }
    if (at_line_start && n > 0) {
        /* A line may not open a list, quote, heading or setext underline. */
        if (s[0] == '-' || s[0] == '+' || s[0] == '=') {
            skpi__out_char(o, '\\');
        } else if (s[0] >= '0' && s[0] <= '9') {
            size_t d = 0;
            while (d < n && s[d] >= '0' && s[d] <= '9') d++;
            if (d < n && d <= 9 && (s[d] == '.' || s[d] == ')')) {
                skpi__out_write(o, s, d);
                skpi__out_char(o, '\\');
                s += d;
                n -= d;
            }
        }
    }
    escape_with(o, s, n, md_rule);
}

void skpi__esc_md(skpi__out *o, const char *s, bool at_line_start)
{
    skpi__esc_md_n(o, s, strlen(s), at_line_start);
}

static const char *csv_rule(uint32_t cp, char tmp[8])
{
    (void)tmp;
    if (cp == '"') return "\"\"";
    if (cp == '\t' || cp == '\n' || cp == '\r') return NULL;
    return is_control(cp) ? replacement : NULL;
}

static bool formula_start(char c) { return c != '\0' && strchr("=+-@\t\r", c) != NULL; }

/* Where a cell may begin for a reader: at the start of ours, and, for one
 * that splits lines at ';' or at every line break, after those too. Past
 * spaces and quotes, a formula start there is what a spreadsheet runs. */
static size_t next_formula(const char *s, size_t from, size_t n)
{
    for (size_t i = from; i < n; i++) {
        if (i > 0 && s[i - 1] != ';' && s[i - 1] != '\r' && s[i - 1] != '\n') continue;
        size_t k = i;
        while (k < n && (s[k] == ' ' || s[k] == '"')) k++;
        if (k < n && formula_start(s[k])) return k;
    }
    return n;
}

void skpi__esc_csv(skpi__out *o, const char *s)
{
    size_t n = strlen(s);
    size_t at = next_formula(s, 0, n);
    bool quote = at < n || strpbrk(s, ",;\"\r\n") != NULL ||
                 (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
    if (quote) skpi__out_char(o, '"');
    size_t from = 0;
    while (at < n) {
        escape_with(o, s + from, at - from, csv_rule);
        skpi__out_char(o, '\'');
        from = at;
        at = next_formula(s, at + 1, n);
    }
    escape_with(o, s + from, n - from, csv_rule);
    if (quote) skpi__out_char(o, '"');
}

bool skpi__url_is_safe(const char *url)
{
    static const char *const schemes[] = { "https://", "http://", "mailto:" };
    bool scheme = false;
    for (size_t i = 0; i < 3 && !scheme; i++) {
        size_t k = strlen(schemes[i]);
        scheme = strncmp(url, schemes[i], k) == 0 && url[k] != '\0';
    }
    if (!scheme) return false;
    /* ASCII only: a link is an RFC 3986 URI, other characters percent-encoded.
     * Raw bytes past 0x7F could be invalid UTF-8, C1 controls or bidi
     * overrides that disguise where the link goes. */
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p >= 0x7F || *p == '"' || *p == '<' || *p == '>' || *p == '\\' || *p == '`')
            return false;
    return true;
}

static const char *md_url_rule(uint32_t cp, char tmp[8])
{
    (void)tmp;
    return cp == '&' ? "&amp;" : NULL;
}

void skpi__esc_md_url(skpi__out *o, const char *url)
{
    escape_with(o, url, strlen(url), md_url_rule);
}

int skpi__clean_text(skpi__text *t, const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), count = 0;
    char tmp[8];
    t->len = 0;
    while (n > 0 && (max == 0 || count < max)) {
        uint32_t cp;
        size_t k = skpi__utf8_next(p, n, &cp);
        const char *rep = text_rule(cp, tmp);
        bool invalid = cp == 0xFFFD && !(k == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] == 0xBD);
        if (rep != NULL || invalid) skpi__text_put(t, rep != NULL ? rep : replacement, strlen(rep ? rep : replacement));
        else skpi__text_put(t, (const char *)p, k);
        p += k;
        n -= k;
        count++;
    }
    if (n > 0) skpi__text_put(t, "\xE2\x80\xA6", 3);
    skpi__text_put(t, "", 0);
    return t->err;
}
