/* Numbers as text: shortest round-trip for JSON and CSV, fixed decimals with
 * digit groups for readers, tenths for SVG coordinates. The renderers run
 * under the C locale (locale.c), so snprintf and strtod use '.'. */
#include "core/internal.h"
#include "core/locnum.h"
#include "core/number.h"
#include "socialkpi/metrics.h"
#include "socialkpi/number.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Integers up to 2^53 print exactly without going through printf. */
static size_t put_int(char *buf, int64_t v)
{
    char tmp[24];
    size_t n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do { tmp[n++] = (char)('0' + u % 10); u /= 10; } while (u);
    size_t k = 0;
    if (v < 0) buf[k++] = '-';
    while (n) buf[k++] = tmp[--n];
    buf[k] = '\0';
    return k;
}

size_t skpi__num_json(char *buf, double v)
{
    if (v == 0) { buf[0] = '0'; buf[1] = '\0'; return 1; } /* -0 as well */
    if (fabs(v) < 9007199254740992.0 && v == floor(v)) return put_int(buf, (int64_t)v);
    int n = snprintf(buf, 32, "%.*g", skpi__shortest_precision(v), v);
    return n > 0 ? (size_t)n : 0;
}

/* Round |v| to `dec` decimals the way a person does on paper: first take
 * the 15 significant digits that a double holds reliably, then round half
 * away from zero on those decimal digits (23.45 gives 23.5, whereas the
 * binary value 23.4499999... would give 23.4). digits receives the result
 * without sign ("1234.5"); returns whether anything but zeros is left. */
static bool decimal_round(char *digits, size_t size, double v, int dec)
{
    char e[48];
    snprintf(e, sizeof e, "%.14e", fabs(v));
    char sig[15];
    sig[0] = e[0];
    memcpy(sig + 1, e + 2, 14);
    int ex = atoi(strchr(e, 'e') + 1);
    int top = ex > 0 ? ex : 0;            /* power of ten of the first digit written */
    int n = top + dec + 1;                /* digits written */
    unsigned char d[400];
    if (n > (int)sizeof d - 1) n = (int)sizeof d - 1;
    for (int i = 0; i < n; i++) {
        int idx = ex - (top - i);
        d[i] = idx >= 0 && idx < 15 ? (unsigned char)(sig[idx] - '0') : 0;
    }
    int ridx = ex + dec + 1;
    int lead = 0;                         /* 1 when rounding carried past the first digit */
    if (ridx >= 0 && ridx < 15 && sig[ridx] >= '5') {
        int i = n - 1;
        while (i >= 0 && d[i] == 9) d[i--] = 0;
        if (i >= 0) d[i]++; else lead = 1;
    }
    size_t k = 0;
    bool nonzero = lead != 0;
    if (lead && k + 1 < size) digits[k++] = '1';
    int ilen = top + 1;
    bool started = lead != 0;
    for (int i = 0; i < n && k + 2 < size; i++) {
        if (i == ilen) {
            if (!started) digits[k++] = '0';
            started = true;
            digits[k++] = '.';
        }
        if (d[i]) nonzero = true;
        if (!started && d[i] == 0 && i < ilen - 1) continue; /* leading zeros */
        started = true;
        digits[k++] = (char)('0' + d[i]);
    }
    digits[k] = '\0';
    return nonzero;
}

size_t skpi__num_fixed(char *buf, size_t size, double v, int decimals, const char *group)
{
    char digits[420];
    bool nonzero = decimal_round(digits, sizeof digits, v, decimals);
    bool neg = v < 0 && nonzero;
    size_t ilen = strcspn(digits, ".");
    size_t glen = group ? strlen(group) : 0;
    size_t k = 0;
    char out[1200]; /* 309 digits of 1e308 with 4-byte groups, and decimals */
    if (neg) out[k++] = '-';
    for (size_t i = 0; i < ilen; i++) {
        if (glen && i > 0 && (ilen - i) % 3 == 0) { memcpy(out + k, group, glen); k += glen; }
        out[k++] = digits[i];
    }
    strcpy(out + k, digits + ilen);
    k += strlen(digits + ilen);
    if (size > 0) {
        size_t c = k < size - 1 ? k : size - 1;
        memcpy(buf, out, c);
        buf[c] = '\0';
    }
    return k;
}

/* Six significant digits and an exponent, as %g writes them, built from
 * integers so that no locale's decimal point appears. */
static void put_exponent(char buf[SKPI__NUM_PLAIN_SIZE], double x)
{
    double a = fabs(x);
    int e = (int)floor(log10(a));
    double m = a / pow(10.0, e);
    if (m >= 10.0) {
        m /= 10.0;
        e++;
    } else if (m < 1.0) {
        m *= 10.0;
        e--;
    }
    long long d = llround(m * 1e5); /* 100000 .. 1000000 */
    if (d >= 1000000) {
        d /= 10;
        e++;
    }
    long long whole = d / 100000, frac = d % 100000;
    int digits = 5;
    while (frac != 0 && frac % 10 == 0) {
        frac /= 10;
        digits--;
    }
    if (frac == 0)
        snprintf(buf, SKPI__NUM_PLAIN_SIZE, "%s%llde+%d", x < 0 ? "-" : "", whole, e);
    else
        snprintf(buf, SKPI__NUM_PLAIN_SIZE, "%s%lld.%0*llde+%d", x < 0 ? "-" : "", whole, digits,
                 frac, e);
}

char *skpi__num_plain(char buf[SKPI__NUM_PLAIN_SIZE], double v)
{
    if (isnan(v)) {
        strcpy(buf, "n/a");
        return buf;
    }
    if (isinf(v)) {
        strcpy(buf, v > 0 ? "inf" : "-inf");
        return buf;
    }
    double a = fabs(v);
    if (a >= 1e37) { /* too many digits for the buffer */
        put_exponent(buf, v);
        return buf;
    }
    skpi__num_fixed(buf, SKPI__NUM_PLAIN_SIZE, v, a >= 1e15 ? 0 : a >= 1.0 ? 2 : 4, NULL);
    char *dot = strchr(buf, '.');
    if (dot != NULL) {
        char *end = dot + strlen(dot);
        while (end > dot + 1 && end[-1] == '0') end--;
        if (end == dot + 1) end = dot;
        *end = '\0';
    }
    return buf;
}

size_t skpi__num_tenths(char *buf, double v)
{
    int64_t t = (int64_t)llround(v * 10.0);
    if (t == 0) { strcpy(buf, "0"); return 1; }
    size_t k = 0;
    if (t < 0) { buf[k++] = '-'; t = -t; }
    k += put_int(buf + k, t / 10);
    if (t % 10) { buf[k++] = '.'; buf[k++] = (char)('0' + t % 10); buf[k] = '\0'; }
    return k;
}

/* v with `dec` decimals, in the built-in shape ("1,234.5", "4.25%",
 * "1,234.50 EUR") or, with a locale, in the locale's: rounded here either
 * way, so that a locale changes the layout and never the digits. */
static void shaped(char *buf, size_t size, const skpi__numfmt *f, double v, int dec, int style)
{
    if (f->loc != NULL) {
        char digits[424];
        bool nonzero = decimal_round(digits + 1, sizeof digits - 1, v, dec);
        const char *d = digits + 1;
        if (v < 0 && nonzero) { digits[0] = '-'; d = digits; }
        if (skpi__locnum_shape(f->loc, buf, size, d, dec, style)) return;
    }
    char num[1200];
    switch (style) {
    case SKPI__LN_PERCENT:
        skpi__num_fixed(num, sizeof num, v, dec, f->group);
        if (size < 2) { if (size) buf[0] = '\0'; return; }
        size_t n = strlen(num);
        if (n > size - 2) n = size - 2;
        memcpy(buf, num, n);
        buf[n] = '%';
        buf[n + 1] = '\0';
        return;
    case SKPI__LN_CURRENCY:
        skpi__num_fixed(num, sizeof num, v, dec, f->group);
        snprintf(buf, size, f->currency[0] ? "%s %s" : "%s%s", num, f->currency);
        return;
    default:
        skpi__num_fixed(buf, size, v, dec, f->group);
        return;
    }
}

void skpi__fmt_percent(char *buf, size_t size, const skpi__numfmt *f, double v, int decimals)
{
    shaped(buf, size, f, v, decimals, SKPI__LN_PERCENT);
}

size_t skpi__fmt_fixed(char *buf, size_t size, const skpi__numfmt *f, double v, int decimals)
{
    shaped(buf, size, f, v, decimals, SKPI__LN_DECIMAL);
    return strlen(buf);
}

static void fmt_duration(char *buf, size_t size, double v)
{
    double a = fabs(v);
    int64_t s = (int64_t)llround(a);
    const char *sign = v < 0 && s > 0 ? "-" : "";
    if (s < 60) snprintf(buf, size, "%s%llds", sign, (long long)s);
    else if (s < 3600) snprintf(buf, size, "%s%lldm %02llds", sign, (long long)(s / 60), (long long)(s % 60));
    else if (s < 86400) snprintf(buf, size, "%s%lldh %02lldm", sign, (long long)(s / 3600), (long long)(s % 3600 / 60));
    else snprintf(buf, size, "%s%lldd %lldh", sign, (long long)(s / 86400), (long long)(s % 86400 / 3600));
}

/* The digits of |v| or v by unit, without a sign rule of their own;
 * dec < 0 takes the unit's number of decimals. */
static void fmt_unit_dec(char *buf, size_t size, const skpi__numfmt *f, double v, int unit, int dec)
{
    switch (unit) {
    case SKPI_UNIT_PERCENT:
        shaped(buf, size, f, v, dec < 0 ? 2 : dec, SKPI__LN_PERCENT);
        return;
    case SKPI_UNIT_RATIO:
        shaped(buf, size, f, v, dec < 0 ? 2 : dec, SKPI__LN_DECIMAL);
        return;
    case SKPI_UNIT_CURRENCY:
        shaped(buf, size, f, v, dec < 0 ? 2 : dec, SKPI__LN_CURRENCY);
        return;
    case SKPI_UNIT_DURATION:
        fmt_duration(buf, size, v);
        return;
    case SKPI_UNIT_SCORE:
        if (dec < 0) {
            /* one decimal, none when it is zero */
            char probe[64];
            skpi__num_fixed(probe, sizeof probe, v, 1, "");
            shaped(buf, size, f, v, probe[strlen(probe) - 1] == '0' ? 0 : 1, SKPI__LN_DECIMAL);
        } else {
            shaped(buf, size, f, v, dec, SKPI__LN_DECIMAL);
        }
        return;
    default:
        /* Counts: whole numbers from 100 on, one decimal below (averages). */
        if (dec >= 0) {
            shaped(buf, size, f, v, dec, SKPI__LN_DECIMAL);
        } else if (fabs(v) >= 99.95) {
            shaped(buf, size, f, v, 0, SKPI__LN_DECIMAL);
        } else {
            char probe[64];
            skpi__num_fixed(probe, sizeof probe, v, 1, "");
            shaped(buf, size, f, v, probe[strlen(probe) - 1] == '0' ? 0 : 1, SKPI__LN_DECIMAL);
        }
        return;
    }
}

static void fmt_unit(char *buf, size_t size, const skpi__numfmt *f, double v, int unit)
{
    fmt_unit_dec(buf, size, f, v, unit, -1);
}

const char *skpi__na(const skpi__numfmt *f) { return f->na ? f->na : "n/a"; }

void skpi__fmt_value(char *buf, size_t size, const skpi__numfmt *f, double v, int unit)
{
    if (!isfinite(v)) { snprintf(buf, size, "%s", skpi__na(f)); return; }
    fmt_unit(buf, size, f, v, unit);
}

/* Prefix '+' to a formatted positive number; zero stays unsigned. A
 * locale may put the minus after a currency ("EUR-1'234.50") or write
 * U+2212: any minus before the first digit makes the figure negative. */
static void signed_text(char *buf, size_t size, const char *digits)
{
    /* Zero when no digit 1-9 appears (units and currencies have none). */
    bool zero = strpbrk(digits, "123456789") == NULL;
    size_t first = strcspn(digits, "0123456789");
    bool negative = false;
    for (size_t i = 0; i < first && !negative; i++)
        negative = digits[i] == '-' || (i + 2 < first && memcmp(digits + i, "\xE2\x88\x92", 3) == 0);
    if (negative || zero) {
        snprintf(buf, size, "%s", digits);
    } else if (size > 1) {
        /* the sign, then as much of the digits as fits (a copy, not
         * snprintf, whose intended truncation gcc -O3 warns about) */
        size_t n = strlen(digits);
        if (n > size - 2) n = size - 2;
        buf[0] = '+';
        memcpy(buf + 1, digits, n);
        buf[1 + n] = '\0';
    } else if (size == 1) {
        buf[0] = '\0';
    }
}

void skpi__fmt_change(char *buf, size_t size, const skpi__numfmt *f, double v, int unit)
{
    if (!isfinite(v)) { snprintf(buf, size, "%s", skpi__na(f)); return; }
    /* The difference of two percentages is in percentage points: "+0.12 pp",
     * as the tables write it, never "+0.12%" (which reads as a relative change). */
    if (unit == SKPI_UNIT_PERCENT) { skpi__fmt_points(buf, size, f, v); return; }
    char tmp[80];
    fmt_unit(tmp, sizeof tmp, f, v, unit);
    signed_text(buf, size, tmp);
}

void skpi__fmt_percent_change(char *buf, size_t size, const skpi__numfmt *f, double v)
{
    if (!isfinite(v)) { snprintf(buf, size, "%s", skpi__na(f)); return; }
    char tmp[72];
    shaped(tmp, sizeof tmp, f, v, 1, SKPI__LN_PERCENT);
    signed_text(buf, size, tmp);
}

void skpi__fmt_points(char *buf, size_t size, const skpi__numfmt *f, double v)
{
    if (!isfinite(v)) { snprintf(buf, size, "%s", skpi__na(f)); return; }
    char num[64], tmp[72];
    shaped(num, sizeof num, f, v, 2, SKPI__LN_DECIMAL);
    signed_text(tmp, sizeof tmp, num);
    snprintf(buf, size, "%s pp", tmp);
}

void skpi__fmt_fraction(char *buf, size_t size, const skpi__numfmt *f, double v)
{
    if (!isfinite(v)) { snprintf(buf, size, "%s", skpi__na(f)); return; }
    shaped(buf, size, f, v * 100.0, 0, SKPI__LN_PERCENT);
}

void skpi__fmt_score(char *buf, size_t size, const skpi__numfmt *f, double v)
{
    if (!isfinite(v)) { snprintf(buf, size, "%s", skpi__na(f)); return; }
    skpi__numfmt plain = *f;
    plain.group = "";
    shaped(buf, size, &plain, v, 2, SKPI__LN_DECIMAL);
}

void skpi__fmt_ratio(char *buf, size_t size, const skpi__numfmt *f, double v)
{
    if (!isfinite(v)) { snprintf(buf, size, "%s", skpi__na(f)); return; }
    char num[64];
    skpi__numfmt plain = *f;
    plain.group = "";
    shaped(num, sizeof num, &plain, v, 1, SKPI__LN_DECIMAL);
    snprintf(buf, size, "%s\xC3\x97", num); /* U+00D7 MULTIPLICATION SIGN */
}

/* The decimals that write every multiple of step exactly (0.25 needs two,
 * 2.5 one), at most six. */
static int step_decimals(double step)
{
    int dec = 0;
    while (dec < 6 && step > 0) {
        double scaled = step * pow(10.0, dec);
        if (fabs(scaled - floor(scaled + 0.5)) < 1e-9 * fmax(1.0, scaled)) break;
        dec++;
    }
    return dec;
}

void skpi__fmt_axis(char *buf, size_t size, const skpi__numfmt *f, double v, int unit, double step)
{
    /* Every tick is a multiple of the step: written with the step's
     * decimals, each label is the exact value of its gridline ("17.5k"). */
    double a = fabs(v), st = fabs(step);
    char num[64];
    if (v == 0 && unit != SKPI_UNIT_DURATION) {
        snprintf(buf, size, unit == SKPI_UNIT_PERCENT ? "0%%" : "0");
        return;
    }
    if (unit == SKPI_UNIT_COUNT || unit == SKPI_UNIT_CURRENCY || unit == SKPI_UNIT_SCORE) {
        double m = st >= 1e5 || a >= 1e6 ? 1e6 : st >= 100 && a >= 1e3 ? 1e3 : 1;
        if (m > 1) {
            shaped(num, sizeof num, f, v / m, step_decimals(st / m), SKPI__LN_DECIMAL);
            snprintf(buf, size, "%s%s", num, m == 1e6 ? "M" : "k");
            return;
        }
    }
    if (unit == SKPI_UNIT_DURATION) { fmt_duration(buf, size, v); return; }
    shaped(num, sizeof num, f, v, step_decimals(st), SKPI__LN_DECIMAL);
    snprintf(buf, size, "%s%s", num, unit == SKPI_UNIT_PERCENT ? "%" : "");
}

int skpi_number_options_init(skpi_number_options *opts, unsigned version)
{
    if (opts == NULL) return skpi__error(SKPI_EMISUSE, "skpi_number_options_init: opts is NULL");
    if (version < 1 || version > SKPI_NUMBER_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_number_options_init: version %u is unknown "
                           "(this library knows %u)", version, SKPI_NUMBER_OPTIONS_VERSION);
    skpi_number_options d = SKPI_NUMBER_OPTIONS_INIT;
    d.version = version;
    /* a caller built against version 1 has a shorter struct: fill only that */
    memcpy(opts, &d, version >= 2 ? sizeof d : offsetof(skpi_number_options, locale));
    return SKPI_OK;
}

/* The options' checks: SKPI_OK or the code with a message. */
static int number_options_check(const skpi_number_options *o, int unit)
{
    if (o->version < 1 || o->version > SKPI_NUMBER_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_format_value: options version %u is unknown "
                           "(this library knows %u)", o->version, SKPI_NUMBER_OPTIONS_VERSION);
    if (unit < SKPI_UNIT_COUNT || unit > SKPI_UNIT_SCORE)
        return skpi__error(SKPI_EINVAL, "skpi_format_value: unit %d is unknown (an skpi_unit, "
                           "%d to %d)", unit, SKPI_UNIT_COUNT, SKPI_UNIT_SCORE);
    if (o->decimals != SKPI_DECIMALS_BY_UNIT && (o->decimals < 0 || o->decimals > 15))
        return skpi__error(SKPI_EINVAL, "skpi_format_value: decimals must be 0 to 15, or "
                           "SKPI_DECIMALS_BY_UNIT (-1); found %d", o->decimals);
    return SKPI_OK;
}

int skpi_format_value(char *buf, size_t size, double value, int unit, const skpi_number_options *opts)
{
    if (buf == NULL) return skpi__error(SKPI_EMISUSE, "skpi_format_value: buf is NULL");
    skpi_number_options d = SKPI_NUMBER_OPTIONS_INIT;
    const skpi_number_options *o = opts ? opts : &d;
    int rc = number_options_check(o, unit);
    if (rc != SKPI_OK) return rc;
    skpi__numfmt f = { o->thousands_separator ? o->thousands_separator : ",",
                       o->currency ? o->currency : "", o->not_available, NULL };
    const char *locale = o->version >= 2 ? o->locale : NULL;
    if (locale != NULL) {
        rc = skpi__locnum_open(&f.loc, locale, o->thousands_separator, f.currency,
                               "skpi_format_value: options.locale");
        if (rc != SKPI_OK) return rc;
    }
    void *saved = NULL;
    rc = skpi__locale_enter(&saved);
    if (rc != SKPI_OK) {
        skpi__locnum_close(f.loc);
        return rc;
    }
    /* 1e308 has 309 digits, 102 groups of up to a few bytes, and decimals. */
    char text[2048], digits[2048];
    if (!isfinite(value)) {
        snprintf(text, sizeof text, "%s", skpi__na(&f));
    } else if (o->flags & SKPI_FORMAT_SIGNED) {
        fmt_unit_dec(digits, sizeof digits, &f, value, unit, o->decimals);
        signed_text(text, sizeof text, digits);
    } else {
        fmt_unit_dec(text, sizeof text, &f, value, unit, o->decimals);
    }
    skpi__locale_leave(saved);
    skpi__locnum_close(f.loc);
    size_t n = strlen(text);
    if (size > 0) {
        size_t c = n < size - 1 ? n : size - 1;
        memcpy(buf, text, c);
        buf[c] = '\0';
    }
    if (n >= size)
        return skpi__error(SKPI_ERANGE, "skpi_format_value: the figure needs %zu bytes, the "
                           "buffer has %zu", n + 1, size);
    return SKPI_OK;
}
