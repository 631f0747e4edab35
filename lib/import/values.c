/* Locale-independent reading of numbers, durations and "missing" tokens
 * as exports write them. */
#include "import/reader.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Leading and trailing blanks: ASCII space and tab, and the UTF-8 no-break
 * (U+00A0) and narrow no-break (U+202F) spaces spreadsheets put around and
 * inside numbers. Returns the length of the blank at s, 0 when none. */
static size_t blank_at(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[0] == ' ' || u[0] == '\t'))
        return 1;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89))
        return 3;
    return 0;
}

static size_t blank_before(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[n - 1] == ' ' || u[n - 1] == '\t'))
        return 1;
    if (n >= 2 && u[n - 2] == 0xC2 && u[n - 1] == 0xA0)
        return 2;
    if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 && (u[n - 1] == 0xAF || u[n - 1] == 0x89))
        return 3;
    return 0;
}

static void trim(const char **s, size_t *n)
{
    size_t k;
    while ((k = blank_at(*s, *n)) != 0) {
        *s += k;
        *n -= k;
    }
    while ((k = blank_before(*s, *n)) != 0)
        *n -= k;
}

static bool same_ci(const char *s, size_t n, const char *word)
{
    size_t i = 0;
    for (; i < n && word[i]; i++) {
        char a = s[i], b = word[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
        if (a != b)
            return false;
    }
    return i == n && word[i] == '\0';
}

bool skpi__value_is_missing(const char *s, size_t n)
{
    /* The tokens exports use for "no data"; none of them is ever zero. */
    static const char *const tokens[] = {
        "-", "--", "\xE2\x80\x93" /* en dash */, "\xE2\x80\x94" /* em dash */,
        "undefined", "NA", "N/A", "null", "nan", "none", "#N/A"
    };
    trim(&s, &n);
    if (n == 0)
        return true;
    for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++)
        if (same_ci(s, n, tokens[i]))
            return true;
    return false;
}

/* Powers of ten that are exact doubles: a mantissa below 2^53 scaled by one
 * of them is correctly rounded (Clinger's fast path). */
static const double exact_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* The decimal digits of a number as they are read: a mantissa of at most 19
 * significant digits; the digits beyond only move the exponent. */
typedef struct decimal {
    uint64_t mant;
    int digits;      /* significant digits kept */
    int dropped;     /* integer digits beyond the 19 kept */
    int frac_digits; /* fraction digits kept */
    bool any;        /* a digit was seen */
    char *digit_buf; /* the digits kept, for the rare strtod path */
} decimal;

static void keep_digit(decimal *d, char c)
{
    d->mant = d->mant * 10 + (uint64_t)(c - '0');
    d->digit_buf[d->digits] = c;
    d->digits++;
}

/* A thousands separator (',' or a blank) at s[i] must sit between a digit
 * and a group of exactly three digits: "1,234" yes, "1,23" or ",5" no.
 * Gives its width, or 0 when it is not a valid separator. */
static size_t group_separator(const char *s, size_t n, size_t i, const decimal *d, size_t group,
                              bool grouped)
{
    size_t width = s[i] == ',' ? 1 : blank_at(s + i, n - i);
    if (!d->any || (grouped && group != 3) || (!grouped && group > 3))
        return 0;
    size_t j = i + width, digits = 0;
    while (j < n && s[j] >= '0' && s[j] <= '9' && digits < 4) {
        j++;
        digits++;
    }
    return digits == 3 ? width : 0;
}

/* The integer part from s[*i], with its thousands separators; *i moves
 * past it. SKPI__VALUE_OK or SKPI__VALUE_BAD. */
static int integer_part(decimal *d, const char *s, size_t n, size_t *i)
{
    size_t group = 0; /* digits since the last thousands separator */
    bool grouped = false;
    for (; *i < n; (*i)++) {
        char c = s[*i];
        if (c >= '0' && c <= '9') {
            d->any = true;
            group++;
            if (d->mant == 0 && c == '0')
                continue;
            if (d->digits < 19)
                keep_digit(d, c);
            else
                d->dropped++;
            continue;
        }
        if (c == ',' || blank_at(s + *i, n - *i) != 0) {
            size_t width = group_separator(s, n, *i, d, group, grouped);
            if (width == 0)
                return SKPI__VALUE_BAD;
            grouped = true;
            group = 0;
            *i += width - 1;
            continue;
        }
        break;
    }
    return grouped && group != 3 ? SKPI__VALUE_BAD : SKPI__VALUE_OK;
}

/* The fraction after a '.' at s[*i], if any; *i moves past it. */
static void fraction_part(decimal *d, const char *s, size_t n, size_t *i)
{
    if (*i >= n || s[*i] != '.')
        return;
    for ((*i)++; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        d->any = true;
        if (d->mant == 0 && s[*i] == '0') {
            d->frac_digits++;
            continue;
        }
        if (d->digits < 19) {
            keep_digit(d, s[*i]);
            d->frac_digits++;
        }
    }
}

/* An exponent ("e-3", "E+12") at s[*i], if any; *i moves past it.
 * SKPI__VALUE_OK or SKPI__VALUE_BAD (an 'e' without digits). */
static int exponent_part(long *exp10, const char *s, size_t n, size_t *i)
{
    *exp10 = 0;
    if (*i >= n || (s[*i] != 'e' && s[*i] != 'E'))
        return SKPI__VALUE_OK;
    (*i)++;
    bool negative = false;
    if (*i < n && (s[*i] == '+' || s[*i] == '-')) {
        negative = s[*i] == '-';
        (*i)++;
    }
    if (*i >= n || s[*i] < '0' || s[*i] > '9')
        return SKPI__VALUE_BAD;
    for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++)
        if (*exp10 < 100000)
            *exp10 = *exp10 * 10 + (s[*i] - '0');
    if (negative)
        *exp10 = -*exp10;
    return SKPI__VALUE_OK;
}

/* mant * 10^e, correctly rounded. */
static double decimal_value(const decimal *d, long e)
{
    if (d->mant == 0)
        return 0.0;
    if (d->mant < (UINT64_C(1) << 53) && e >= -22 && e <= 22)
        return e >= 0 ? (double)d->mant * exact_pow10[e] : (double)d->mant / exact_pow10[-e];
    /* Rare: hand the digits to strtod without a decimal point, so the
     * host's locale (which only changes the decimal point) cannot
     * matter. */
    char buf[64];
    memcpy(buf, d->digit_buf, (size_t)d->digits);
    int len = d->digits;
    buf[len++] = 'e';
    long ee = e;
    if (ee < 0) {
        buf[len++] = '-';
        ee = -ee;
    }
    char tmp[24];
    int t = 0;
    do {
        tmp[t++] = (char)('0' + ee % 10);
        ee /= 10;
    } while (ee > 0 && t < 20);
    while (t > 0)
        buf[len++] = tmp[--t];
    buf[len] = '\0';
    return strtod(buf, NULL);
}

int skpi__value_number(const char *s, size_t n, double *out, bool *percent)
{
    *percent = false;
    *out = NAN;
    trim(&s, &n);
    if (n == 0 || ((s[0] < '0' || s[0] > '9') && skpi__value_is_missing(s, n)))
        return SKPI__VALUE_MISSING;
    if (s[n - 1] == '%') {
        *percent = true;
        n--;
        trim(&s, &n);
        if (n == 0)
            return SKPI__VALUE_BAD;
    }
    size_t i = 0;
    bool negative = false;
    if (s[i] == '+' || s[i] == '-') {
        negative = s[i] == '-';
        i++;
    }
    char digit_buf[40];
    decimal d = { 0, 0, 0, 0, false, digit_buf };
    long exp10;
    if (integer_part(&d, s, n, &i) != SKPI__VALUE_OK)
        return SKPI__VALUE_BAD;
    fraction_part(&d, s, n, &i);
    if (!d.any || exponent_part(&exp10, s, n, &i) != SKPI__VALUE_OK || i != n)
        return SKPI__VALUE_BAD;
    double v = decimal_value(&d, exp10 + d.dropped - d.frac_digits);
    if (!isfinite(v))
        return SKPI__VALUE_BAD;
    *out = negative ? -v : v;
    return SKPI__VALUE_OK;
}

int skpi__value_duration(const char *s, size_t n, double *out)
{
    *out = NAN;
    trim(&s, &n);
    if (n == 0 || skpi__value_is_missing(s, n))
        return SKPI__VALUE_MISSING;
    if (memchr(s, ':', n) == NULL) {
        bool pct;
        int rc = skpi__value_number(s, n, out, &pct);
        return rc == SKPI__VALUE_OK && pct ? SKPI__VALUE_BAD : rc;
    }
    /* Two or three ':'-separated parts; the last may have a fraction. */
    double parts[3];
    int np = 0;
    size_t i = 0;
    for (;;) {
        size_t j = i;
        while (j < n && s[j] != ':')
            j++;
        bool pct;
        if (np == 3 || j == i ||
            skpi__value_number(s + i, j - i, &parts[np], &pct) != SKPI__VALUE_OK || pct ||
            parts[np] < 0)
            return SKPI__VALUE_BAD;
        np++;
        if (j == n)
            break;
        i = j + 1;
    }
    if (np < 2)
        return SKPI__VALUE_BAD;
    for (int k = 1; k < np; k++)
        if (parts[k] >= 60)
            return SKPI__VALUE_BAD;
    double v = 0;
    for (int k = 0; k < np; k++)
        v = v * 60 + parts[k];
    *out = v;
    return SKPI__VALUE_OK;
}
