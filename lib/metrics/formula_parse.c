/* The formula parser: text to postfix bytecode, without allocating. */
#include "core/metrics_internal.h"

#include <math.h>
#include <string.h>

typedef struct parser {
    const char *text;
    size_t pos;
    skpi__parsed *out;
    int stack;    /* values on the evaluation stack after the ops so far */
    int nesting;
    skpi__resolve_fn resolve;
    void *ctx;
} parser;

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_ident(char c) { return is_ident_start(c) || is_digit(c); }

static void skip_space(parser *p)
{
    while (is_space(p->text[p->pos])) p->pos++;
}

/* Describes what stands at the current position, for messages. */
static int error_found(parser *p, const char *expected)
{
    size_t col = p->pos + 1;
    char c = p->text[p->pos];
    if (c == '\0')
        return skpi__error(SKPI_EPARSE, "column %zu: expected %s, found end of formula",
                           col, expected);
    if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7F)
        return skpi__error(SKPI_EPARSE, "column %zu: expected %s, found byte 0x%02X",
                           col, expected, (unsigned)(unsigned char)c);
    return skpi__error(SKPI_EPARSE, "column %zu: expected %s, found '%c'", col, expected, c);
}

static int emit(parser *p, uint32_t code, uint32_t arg, double k)
{
    if (p->out->n_ops >= SKPI__FORMULA_MAX_OPS)
        return skpi__error(SKPI_ERANGE, "column %zu: formula too long (more than %d operations)",
                           p->pos + 1, SKPI__FORMULA_MAX_OPS);
    switch (code) {
    case SKPI__OP_CONST: case SKPI__OP_METRIC: case SKPI__OP_FIRST: case SKPI__OP_DAYS:
        p->stack++;
        break;
    case SKPI__OP_NEG: case SKPI__OP_ABS:
        break;
    default:
        p->stack--; /* binary: two in, one out */
        break;
    }
    if (p->stack > SKPI__FORMULA_MAX_STACK)
        return skpi__error(SKPI_ERANGE, "column %zu: formula nested too deeply", p->pos + 1);
    if (p->stack > p->out->max_stack) p->out->max_stack = p->stack;
    skpi__op *op = &p->out->ops[p->out->n_ops++];
    op->code = code;
    op->arg = arg;
    op->k = k;
    return SKPI_OK;
}

static void note_component(parser *p, uint32_t index)
{
    for (size_t i = 0; i < p->out->n_components; i++)
        if (p->out->components[i] == index) return;
    p->out->components[p->out->n_components++] = index;
}

static int enter(parser *p)
{
    if (++p->nesting > SKPI__FORMULA_MAX_NESTING)
        return skpi__error(SKPI_ERANGE, "column %zu: formula nested too deeply (more than %d levels)",
                           p->pos + 1, SKPI__FORMULA_MAX_NESTING);
    return SKPI_OK;
}

/* Decimal text to double without the C library's locale-dependent strtod.
 * Up to 19 significant digits are kept; within the exactly representable
 * range (mantissa below 2^53, power of ten up to 22) the result is
 * correctly rounded, which covers every constant a metric formula uses. */
static int parse_number(parser *p, double *out)
{
    static const double pow10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    const char *s = p->text;
    size_t i = p->pos, start = p->pos;
    uint64_t mant = 0;
    int digits = 0;
    long exp10 = 0;
    bool any = false;
    while (is_digit(s[i])) {
        any = true;
        if (digits < 19) {
            if (mant != 0 || s[i] != '0') { mant = mant * 10 + (uint64_t)(s[i] - '0'); digits++; }
        } else {
            exp10++;
        }
        i++;
    }
    if (s[i] == '.') {
        i++;
        while (is_digit(s[i])) {
            any = true;
            if (digits < 19) {
                if (mant != 0 || s[i] != '0') { mant = mant * 10 + (uint64_t)(s[i] - '0'); digits++; }
                exp10--;
            }
            i++;
        }
    }
    if (!any) {
        p->pos = start;
        return error_found(p, "a digit");
    }
    if (s[i] == 'e' || s[i] == 'E') {
        i++;
        bool neg = false;
        if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
        if (!is_digit(s[i])) {
            p->pos = i;
            return error_found(p, "a digit in the exponent");
        }
        long e = 0;
        while (is_digit(s[i])) {
            if (e < 100000) e = e * 10 + (s[i] - '0');
            i++;
        }
        exp10 += neg ? -e : e;
    }
    double v;
    if (mant == 0) {
        v = 0.0;
    } else if (mant < (UINT64_C(1) << 53) && exp10 >= -22 && exp10 <= 22) {
        v = exp10 >= 0 ? (double)mant * pow10[exp10] : (double)mant / pow10[-exp10];
    } else {
        v = (double)mant * pow(10.0, (double)exp10);
    }
    if (!isfinite(v)) {
        p->pos = start;
        return skpi__error(SKPI_ERANGE, "column %zu: number too large", start + 1);
    }
    p->pos = i;
    *out = v;
    return SKPI_OK;
}

static int parse_expr(parser *p);

static bool ident_is(const char *s, size_t len, const char *name)
{
    return strlen(name) == len && memcmp(s, name, len) == 0;
}

static int expect_char(parser *p, char c, const char *what)
{
    skip_space(p);
    if (p->text[p->pos] != c) return error_found(p, what);
    p->pos++;
    return SKPI_OK;
}

static int parse_call(parser *p, const char *name, size_t len, size_t column)
{
    int rc;
    p->pos++; /* '(' */
    if ((rc = enter(p)) != SKPI_OK) return rc;
    if (ident_is(name, len, "days")) {
        if ((rc = expect_char(p, ')', "')' (days() takes no argument)")) != SKPI_OK) return rc;
        rc = emit(p, SKPI__OP_DAYS, 0, 0.0);
    } else if (ident_is(name, len, "first")) {
        skip_space(p);
        size_t kstart = p->pos;
        if (!is_ident_start(p->text[p->pos])) return error_found(p, "a stock metric key");
        while (is_ident(p->text[p->pos])) p->pos++;
        uint32_t index;
        int kind;
        rc = p->resolve(p->ctx, p->text + kstart, p->pos - kstart, kstart + 1, &index, &kind);
        if (rc != SKPI_OK) return rc;
        if (kind != SKPI_KIND_STOCK)
            return skpi__error(SKPI_EINVAL, "column %zu: first() takes a stock, and '%.*s' is a %s",
                               kstart + 1, (int)(p->pos - kstart), p->text + kstart,
                               skpi_metric_kind_name(kind));
        note_component(p, index);
        if ((rc = expect_char(p, ')', "')' (first() takes one metric key)")) != SKPI_OK) return rc;
        rc = emit(p, SKPI__OP_FIRST, index, 0.0);
    } else if (ident_is(name, len, "abs")) {
        if ((rc = parse_expr(p)) != SKPI_OK) return rc;
        if ((rc = expect_char(p, ')', "')' (abs() takes one argument)")) != SKPI_OK) return rc;
        rc = emit(p, SKPI__OP_ABS, 0, 0.0);
    } else if (ident_is(name, len, "min") || ident_is(name, len, "max")) {
        uint32_t code = name[1] == 'i' ? SKPI__OP_MIN : SKPI__OP_MAX;
        if ((rc = parse_expr(p)) != SKPI_OK) return rc;
        if ((rc = expect_char(p, ',', "',' (min() and max() take two or more arguments)")) != SKPI_OK)
            return rc;
        for (;;) {
            if ((rc = parse_expr(p)) != SKPI_OK) return rc;
            if ((rc = emit(p, code, 0, 0.0)) != SKPI_OK) return rc;
            skip_space(p);
            if (p->text[p->pos] == ',') { p->pos++; continue; }
            if ((rc = expect_char(p, ')', "',' or ')'")) != SKPI_OK) return rc;
            break;
        }
    } else {
        return skpi__error(SKPI_EPARSE,
                           "column %zu: unknown function '%.*s' (known: min, max, abs, first, days)",
                           column, (int)len, name);
    }
    p->nesting--;
    return rc;
}

static int parse_primary(parser *p)
{
    int rc;
    skip_space(p);
    char c = p->text[p->pos];
    if (is_digit(c) || c == '.') {
        double v = 0.0;
        if ((rc = parse_number(p, &v)) != SKPI_OK) return rc;
        return emit(p, SKPI__OP_CONST, 0, v);
    }
    if (c == '(') {
        p->pos++;
        if ((rc = enter(p)) != SKPI_OK) return rc;
        if ((rc = parse_expr(p)) != SKPI_OK) return rc;
        if ((rc = expect_char(p, ')', "')' or an operator")) != SKPI_OK) return rc;
        p->nesting--;
        return SKPI_OK;
    }
    if (c == '-') {
        p->pos++;
        if ((rc = enter(p)) != SKPI_OK) return rc;
        if ((rc = parse_primary(p)) != SKPI_OK) return rc;
        p->nesting--;
        return emit(p, SKPI__OP_NEG, 0, 0.0);
    }
    if (is_ident_start(c)) {
        size_t start = p->pos;
        while (is_ident(p->text[p->pos])) p->pos++;
        const char *name = p->text + start;
        size_t len = p->pos - start;
        size_t after = p->pos;
        skip_space(p);
        if (p->text[p->pos] == '(') return parse_call(p, name, len, start + 1);
        p->pos = after;
        if (ident_is(name, len, "min") || ident_is(name, len, "max") || ident_is(name, len, "abs")
            || ident_is(name, len, "first") || ident_is(name, len, "days"))
            return error_found(p, "'(' after a function name");
        uint32_t index;
        int kind;
        rc = p->resolve(p->ctx, name, len, start + 1, &index, &kind);
        if (rc != SKPI_OK) return rc;
        note_component(p, index);
        return emit(p, SKPI__OP_METRIC, index, 0.0);
    }
    return error_found(p, "a number, a metric key, a function, '(' or '-'");
}

/* Multiplicative level: unary operands joined by * and /. Unary minus binds
 * tighter than * and /, as in C: -a * b is (-a) * b. */
static int parse_term(parser *p)
{
    int rc = parse_primary(p);
    if (rc != SKPI_OK) return rc;
    for (;;) {
        skip_space(p);
        char c = p->text[p->pos];
        if (c != '*' && c != '/') return SKPI_OK;
        p->pos++;
        if ((rc = parse_primary(p)) != SKPI_OK) return rc;
        if ((rc = emit(p, c == '*' ? SKPI__OP_MUL : SKPI__OP_DIV, 0, 0.0)) != SKPI_OK) return rc;
    }
}

static int parse_expr(parser *p)
{
    int rc = parse_term(p);
    if (rc != SKPI_OK) return rc;
    for (;;) {
        skip_space(p);
        char c = p->text[p->pos];
        if (c != '+' && c != '-') return SKPI_OK;
        p->pos++;
        if ((rc = parse_term(p)) != SKPI_OK) return rc;
        if ((rc = emit(p, c == '+' ? SKPI__OP_ADD : SKPI__OP_SUB, 0, 0.0)) != SKPI_OK) return rc;
    }
}

int skpi__formula_parse(skpi__parsed *out, const char *text, skpi__resolve_fn resolve, void *ctx)
{
    size_t n = strlen(text);
    if (n > SKPI__FORMULA_MAX_TEXT)
        return skpi__error(SKPI_ERANGE, "formula too long: %zu bytes (at most %d)",
                           n, SKPI__FORMULA_MAX_TEXT);
    parser p = { text, 0, out, 0, 0, resolve, ctx };
    out->n_ops = 0;
    out->n_components = 0;
    out->max_stack = 0;
    int rc = parse_expr(&p);
    if (rc != SKPI_OK) return rc;
    skip_space(&p);
    if (text[p.pos] != '\0') {
        if (text[p.pos] == ')')
            return skpi__error(SKPI_EPARSE, "column %zu: ')' without a matching '('", p.pos + 1);
        return error_found(&p, "an operator or the end of the formula");
    }
    return SKPI_OK;
}
