/* Durations written by people and tools ("15 min", "1.5h") and the
 * response-time bins of care reports ("0-15 min", "> 24 h", "no reply"). */
#include "import/care.h"
#include "import/presets.h"

#include "core/internal.h"
#include "socialkpi/import.h"

#include <math.h>
#include <string.h>

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && blank((*s)[*n - 1]))
        (*n)--;
}

/* Seconds per unit word; 0 when the word is not a unit. */
static double unit_seconds(const char *s, size_t n)
{
    static const struct { const char *word; double seconds; } units[] = {
        { "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
        { "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
        { "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 }, { "hour", 3600 }, { "hours", 3600 },
        { "d", 86400 }, { "day", 86400 }, { "days", 86400 },
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (skpi__header_equal(s, n, units[i].word))
            return units[i].seconds;
    return 0;
}

/* Digits with an optional '.' fraction at the start of s; the bytes read. */
static size_t number_prefix(const char *s, size_t n, double *out)
{
    size_t i = 0;
    double v = 0, scale = 1;
    bool digits = false, dot = false;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            digits = true;
            if (dot)
                v += (s[i] - '0') * (scale /= 10);
            else
                v = v * 10 + (s[i] - '0');
        } else if (s[i] == '.' && !dot) {
            dot = true;
        } else {
            break;
        }
    }
    *out = v;
    return digits ? i : 0;
}

bool skpi__duration_text(const char *s, size_t n, double *seconds, bool *unit)
{
    trim(&s, &n);
    double v;
    size_t k = number_prefix(s, n, &v);
    if (k == 0)
        return false;
    s += k;
    n -= k;
    trim(&s, &n);
    *unit = n > 0;
    if (n == 0) {
        *seconds = v;
        return true;
    }
    double per = unit_seconds(s, n);
    *seconds = v * per;
    return per > 0;
}

int skpi_duration_parse(int64_t *out, const char *text)
{
    if (out == NULL || text == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_duration_parse: %s is NULL",
                           out == NULL ? "out" : "text");
    double v;
    bool unit;
    if (!skpi__duration_text(text, strlen(text), &v, &unit) || !unit || !(v > 0) ||
        v > 366.0 * 86400 || llround(v) < 1)
        return skpi__error(SKPI_EINVAL, "\"%.40s\" is not a duration: write a number above 0 "
                           "and a unit, s, min, h or d (e.g. 90s, 15min, 1h, 1.5h), at most "
                           "366 days", text);
    *out = (int64_t)llround(v);
    return SKPI_OK;
}

/* Labels of messages never answered. */
static bool no_reply_label(const char *s, size_t n)
{
    static const char *const labels[] = { "no reply", "no replies", "no response",
                                          "no answer", "unanswered", "not answered",
                                          "not replied", "never" };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (skpi__header_equal(s, n, labels[i]))
            return true;
    return false;
}

/* Whether s starts with word (any case), followed by a blank or a digit. */
static bool starts(const char *s, size_t n, const char *word, size_t *len)
{
    size_t w = strlen(word);
    if (n < w)
        return false;
    for (size_t i = 0; i < w; i++)
        if (lower(s[i]) != word[i])
            return false;
    *len = w;
    return true;
}

/* An open bound: "< 1 h", "under 1 h", "> 24 h", "24h+". */
static bool open_bin(const char *s, size_t n, double *lo, double *hi)
{
    static const char *const below[] = { "<=", "<", "under", "less than", "within", "up to" };
    static const char *const above[] = { ">=", ">", "over", "more than", "above" };
    size_t k;
    bool unit;
    double v;
    for (size_t i = 0; i < sizeof below / sizeof below[0]; i++)
        if (starts(s, n, below[i], &k) && skpi__duration_text(s + k, n - k, &v, &unit) && unit) {
            *lo = 0;
            *hi = v;
            return true;
        }
    for (size_t i = 0; i < sizeof above / sizeof above[0]; i++)
        if (starts(s, n, above[i], &k) && skpi__duration_text(s + k, n - k, &v, &unit) && unit) {
            *lo = v;
            *hi = INFINITY;
            return true;
        }
    if (n > 1 && s[n - 1] == '+') {
        /* "24h+", or "24+ h" */
        if (skpi__duration_text(s, n - 1, &v, &unit) && unit) {
            *lo = v;
            *hi = INFINITY;
            return true;
        }
    }
    const char *plus = memchr(s, '+', n);
    if (plus != NULL && plus > s) {
        /* "24+ h" */
        size_t a = (size_t)(plus - s), un = n - a - 1;
        const char *u = plus + 1;
        trim(&u, &un);
        double per = unit_seconds(u, un);
        if (number_prefix(s, a, &v) == a && per > 0) {
            *lo = v * per;
            *hi = INFINITY;
            return true;
        }
    }
    return false;
}

/* The separator of a range: '-', an en dash or " to ". */
static bool range_split(const char *s, size_t n, size_t *a_end, size_t *b_start)
{
    for (size_t i = 1; i < n; i++) {
        if (s[i] == '-') {
            *a_end = i;
            *b_start = i + 1;
            return true;
        }
        if (i + 3 <= n && memcmp(s + i, "\xe2\x80\x93", 3) == 0) {
            *a_end = i;
            *b_start = i + 3;
            return true;
        }
        if (i + 4 <= n && s[i] == ' ' && lower(s[i + 1]) == 't' && lower(s[i + 2]) == 'o' &&
            s[i + 3] == ' ') {
            *a_end = i;
            *b_start = i + 4;
            return true;
        }
    }
    return false;
}

bool skpi__care_bin(const char *s, size_t n, double *lo, double *hi, bool *no_reply)
{
    trim(&s, &n);
    *no_reply = no_reply_label(s, n);
    if (*no_reply) {
        *lo = *hi = INFINITY;
        return true;
    }
    if (open_bin(s, n, lo, hi))
        return true;
    size_t a_end, b_start;
    if (!range_split(s, n, &a_end, &b_start))
        return false;
    double a, b;
    bool a_unit, b_unit;
    if (!skpi__duration_text(s, a_end, &a, &a_unit) ||
        !skpi__duration_text(s + b_start, n - b_start, &b, &b_unit) || !b_unit)
        return false;
    if (!a_unit) {
        /* "15-60 min": the lower bound in the upper bound's unit */
        double per = 1, num;
        const char *u = s + b_start;
        size_t un = n - b_start;
        trim(&u, &un);
        size_t k = number_prefix(u, un, &num);
        u += k;
        un -= k;
        trim(&u, &un);
        per = unit_seconds(u, un);
        a *= per;
    }
    *lo = a;
    *hi = b;
    return a < b;
}
