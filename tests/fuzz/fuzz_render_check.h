/* Renders a document in every format and checks that each output still
 * means what the document says, whatever text the host put in it:
 *   every format is valid UTF-8;
 *   JSON parses (jansson);
 *   HTML opens only the elements the renderer writes, with well-formed
 *   attributes, no event handler and no script URL, and no host text that
 *   carries `<` or `&` appears unescaped;
 *   Markdown has no host text with `<` unescaped;
 *   CSV parses (RFC 4180) and no cell but a number starts with a formula
 *   character (= + - @ tab CR).
 * Host texts to look for are wrapped in U+2603 by the caller (fuzz_host()),
 * so that finding one verbatim means it was not escaped. */
#ifndef SKPI_FUZZ_RENDER_CHECK_H
#define SKPI_FUZZ_RENDER_CHECK_H

#include <socialkpi.h>

#include "fuzz_input.h"

#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>

#define FUZZ_SNOWMAN "\xE2\x98\x83"

/* Host texts worth looking for in the output (those with < or &). */
typedef struct {
    char *text[256];
    size_t n;
} fuzz_hosts;

/* A copy of `s` to give the library: wrapped in U+2603 and remembered when
 * it carries `<` or `&`, as is otherwise. Freed by fuzz_hosts_free(). */
static inline const char *fuzz_host(fuzz_hosts *h, const char *s, char **owned)
{
    *owned = NULL;
    if (strpbrk(s, "<&") == NULL || h->n == sizeof h->text / sizeof h->text[0]) return s;
    size_t n = strlen(s);
    char *w = malloc(n + 7);
    if (w == NULL) return s;
    memcpy(w, FUZZ_SNOWMAN, 3);
    memcpy(w + 3, s, n);
    memcpy(w + 3 + n, FUZZ_SNOWMAN, 4); /* with the NUL */
    h->text[h->n++] = w;
    *owned = w;
    return w;
}

static inline void fuzz_hosts_free(fuzz_hosts *h)
{
    for (size_t i = 0; i < h->n; i++) free(h->text[i]);
    h->n = 0;
}

static inline bool fuzz_utf8_valid(const unsigned char *s, size_t n)
{
    static const uint32_t min[] = { 0, 0x80, 0x800, 0x10000 };
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
                 : (c & 0xF8) == 0xF0 ? 3 : 4;
        if (k == 4) return false;
        uint32_t cp = k == 0 ? c : c & (0x3Fu >> k);
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80) return false;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += k + 1;
    }
    return true;
}

static inline bool fuzz_html_element_known(const char *name, size_t n)
{
    static const char *const known[] = {
        "html", "head", "meta", "title", "style", "body", "main", "header", "footer",
        "article", "aside", "section", "figure", "figcaption", "details", "summary", "h1",
        "h2", "h3", "h4", "h5", "h6", "p", "strong", "em", "span", "div", "table", "caption", "thead",
        "tbody", "tr", "th", "td", "ul", "ol", "li", "a", "abbr", "time", "br", "svg", "g",
        "line", "rect", "path", "circle", "text", "desc", "polyline"
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strlen(known[i]) == n && memcmp(known[i], name, n) == 0) return true;
    return false;
}

/* Reports the first problem of an HTML output, or NULL. */
static inline const char *fuzz_html_problem(const char *s)
{
    for (const char *p = strchr(s, '<'); p != NULL; p = strchr(p, '<')) {
        p++;
        if (*p == '!') { /* doctype or comment */
            p = strchr(p, '>');
            if (p == NULL) return "unterminated <!";
            continue;
        }
        if (*p == '/') p++;
        const char *name = p;
        while (isalnum((unsigned char)*p)) p++;
        if (!fuzz_html_element_known(name, (size_t)(p - name))) return "an element the renderer does not write";
        bool style = (size_t)(p - name) == 5 && memcmp(name, "style", 5) == 0 && name[-1] != '/';
        for (;;) {
            while (*p == ' ' || *p == '\n') p++;
            if (*p == '>' || (p[0] == '/' && p[1] == '>')) break;
            const char *attr = p;
            while (isalnum((unsigned char)*p) || *p == '-' || *p == ':') p++;
            if (p == attr) return "a malformed attribute";
            if (tolower((unsigned char)attr[0]) == 'o' && tolower((unsigned char)attr[1]) == 'n')
                return "an event handler attribute";
            bool href = (size_t)(p - attr) == 4 && memcmp(attr, "href", 4) == 0;
            if (*p != '=') continue; /* boolean attribute */
            if (p[1] != '"') return "an unquoted attribute value";
            const char *v = p + 2, *end = strchr(v, '"');
            if (end == NULL) return "an unterminated attribute value";
            if (memchr(v, '<', (size_t)(end - v)) != NULL) return "< in an attribute value";
            if (href) {
                char scheme[12] = { 0 };
                size_t k = 0;
                for (const char *c = v; c < end && k < sizeof scheme - 1; c++)
                    if ((unsigned char)*c > ' ') scheme[k++] = (char)tolower((unsigned char)*c);
                if (strncmp(scheme, "javascript:", 11) == 0 || strncmp(scheme, "vbscript:", 9) == 0 ||
                    strncmp(scheme, "data:", 5) == 0)
                    return "a script URL";
            }
            p = end + 1;
        }
        if (style) {
            p = strstr(p, "</style>");
            if (p == NULL) return "unterminated style";
        }
    }
    return NULL;
}

static inline bool fuzz_csv_number(const char *cell, size_t n)
{
    char tmp[64];
    if (n == 0 || n >= sizeof tmp) return false;
    memcpy(tmp, cell, n);
    tmp[n] = '\0';
    char *end;
    double d = strtod(tmp, &end);
    return *end == '\0' && isfinite(d) && !isspace((unsigned char)tmp[0]);
}

/* Reports the first problem of a CSV output, or NULL. */
static inline const char *fuzz_csv_problem(const char *s, size_t n)
{
    size_t i = 0;
    char *cell = malloc(n + 1);
    if (cell == NULL) return NULL;
    const char *problem = NULL;
    while (i < n && problem == NULL) {
        size_t len = 0;
        if (s[i] == '"') {
            i++;
            for (;;) {
                if (i >= n) { problem = "an unterminated quoted cell"; break; }
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') { cell[len++] = '"'; i += 2; continue; }
                    i++;
                    break;
                }
                cell[len++] = s[i++];
            }
            if (problem == NULL && i < n && s[i] != ',' && s[i] != '\r' && s[i] != '\n')
                problem = "text after a quoted cell";
        } else {
            while (i < n && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
                if (s[i] == '"') problem = "a quote inside an unquoted cell";
                cell[len++] = s[i++];
            }
        }
        if (problem == NULL && len > 0 && strchr("=+-@\t\r", cell[0]) != NULL &&
            !fuzz_csv_number(cell, len))
            problem = "a cell that starts with a formula character";
        if (i < n && s[i] == '\r') i++;
        if (i < n && (s[i] == ',' || s[i] == '\n')) i++;
    }
    free(cell);
    return problem;
}

/* Render `doc` in every format and check each output; aborts on a problem. */
static inline void fuzz_render_all(const skpi_doc *doc, const fuzz_hosts *hosts)
{
    for (int f = SKPI_FORMAT_MARKDOWN; f <= SKPI_FORMAT_TEXT; f++) {
        skpi_buffer buf = SKPI_BUFFER_INIT;
        skpi_sink sink;
        skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
        o.generated_at = INT64_C(1767225600);
        FUZZ_CHECK(skpi_sink_memory(&sink, &buf) == SKPI_OK);
        int rc = skpi_render(doc, f, &o, &sink);
        if (rc == SKPI_ENOMEM) {
            skpi_buffer_reset(&buf);
            continue;
        }
        if (rc != SKPI_OK) fprintf(stderr, "render %s: %s\n", skpi_format_name(f), skpi_last_error());
        FUZZ_CHECK(rc == SKPI_OK);
        const char *out = buf.data != NULL ? buf.data : "";
        const char *problem = NULL;
        if (!fuzz_utf8_valid((const unsigned char *)out, buf.size)) problem = "invalid UTF-8";
        if (problem == NULL && f == SKPI_FORMAT_JSON) {
            json_error_t err;
            json_t *j = json_loadb(out, buf.size, 0, &err);
            if (j == NULL) problem = "JSON that does not parse";
            json_decref(j);
        }
        if (problem == NULL && f == SKPI_FORMAT_HTML) problem = fuzz_html_problem(out);
        if (problem == NULL && f == SKPI_FORMAT_CSV) problem = fuzz_csv_problem(out, buf.size);
        if (problem == NULL && (f == SKPI_FORMAT_HTML || f == SKPI_FORMAT_MARKDOWN))
            for (size_t i = 0; i < hosts->n && problem == NULL; i++)
                if ((f == SKPI_FORMAT_HTML || strchr(hosts->text[i], '<') != NULL) &&
                    strstr(out, hosts->text[i]) != NULL)
                    problem = "host text left unescaped";
        if (problem != NULL) {
            fprintf(stderr, "%s output: %s\n%s\n", skpi_format_name(f), problem, out);
            abort();
        }
        skpi_buffer_reset(&buf);
    }
}

#endif
