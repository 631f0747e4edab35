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
    /* Digits go into a decimal mantissa of at most 19 significant digits;
     * the rest only moves the exponent. */
    uint64_t mant = 0;
    int digits = 0;       /* significant digits kept */
    int dropped = 0;      /* integer digits beyond the 19 kept */
    int frac_digits = 0;  /* fraction digits kept */
    bool any = false;
    size_t group = 0;     /* digits since the last thousands separator */
    bool grouped = false;
    char digit_buf[40];
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') {
            any = true;
            group++;
            if (mant == 0 && c == '0') {
                continue;
            }
            if (digits < 19) {
                mant = mant * 10 + (uint64_t)(c - '0');
                digit_buf[digits] = (char)c;
                digits++;
            } else {
                dropped++;
            }
            continue;
        }
        size_t k;
        if (c == ',' || (k = blank_at(s + i, n - i)) != 0) {
            /* A thousands separator must sit between a digit and a group of
             * exactly three digits: "1,234" yes, "1,23" or ",5" no. */
            size_t width = c == ',' ? 1 : blank_at(s + i, n - i);
            if (!any || (grouped && group != 3) || (!grouped && group > 3))
                return SKPI__VALUE_BAD;
            size_t j = i + width, d = 0;
            while (j < n && s[j] >= '0' && s[j] <= '9' && d < 4) {
                j++;
                d++;
            }
            if (d != 3)
                return SKPI__VALUE_BAD;
            grouped = true;
            group = 0;
            i += width - 1;
            continue;
        }
        break;
    }
    if (grouped && group != 3)
        return SKPI__VALUE_BAD;
    if (i < n && s[i] == '.') {
        i++;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            any = true;
            if (mant == 0 && s[i] == '0') {
                frac_digits++;
                continue;
            }
            if (digits < 19) {
                mant = mant * 10 + (uint64_t)(s[i] - '0');
                digit_buf[digits] = s[i];
                digits++;
                frac_digits++;
            }
        }
    }
    if (!any)
        return SKPI__VALUE_BAD;
    long exp10 = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            eneg = s[i] == '-';
            i++;
        }
        if (i >= n || s[i] < '0' || s[i] > '9')
            return SKPI__VALUE_BAD;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            if (exp10 < 100000)
                exp10 = exp10 * 10 + (s[i] - '0');
        if (eneg)
            exp10 = -exp10;
    }
    if (i != n)
        return SKPI__VALUE_BAD;
    /* value = mant * 10^(exp10 + dropped - frac_digits) */
    long e = exp10 + dropped - frac_digits;
    double v;
    if (mant == 0) {
        v = 0.0;
    } else if (mant < (UINT64_C(1) << 53) && e >= -22 && e <= 22) {
        v = e >= 0 ? (double)mant * exact_pow10[e] : (double)mant / exact_pow10[-e];
    } else {
        /* Rare: hand the digits to strtod without a decimal point, so the
         * host's locale (which only changes the decimal point) cannot
         * matter. */
        char buf[64];
        memcpy(buf, digit_buf, (size_t)digits);
        int len = digits;
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
        v = strtod(buf, NULL);
    }
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
