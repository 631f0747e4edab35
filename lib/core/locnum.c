/* Numbers in a locale's shape through ICU's unum API: the digits are
 * rounded by number.c as for every format, ICU only lays them out. */
#include "core/internal.h"
#include "core/locnum.h"

#include <stdbool.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

struct skpi__locnum {
    char name[ULOC_FULLNAME_CAPACITY];
    UNumberFormat *fmt[3]; /* by SKPI__LN_*, opened on first use */
    char group[8];
    bool own_group;
    UChar currency[4];
    char suffix[16];       /* a currency that is not an ISO code, written after */
};

static bool name_chars_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > SKPI__LOCALE_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    }
    return true;
}

static int unknown(const char *locale, const char *what)
{
    return skpi__error(SKPI_EINVAL, "%s: \"%.60s\" is not a locale with data (use a language "
                       "tag such as de-DE, fr-FR or en-US)", what, locale);
}

/* The ICU locale ID of a BCP 47 tag or an ICU ID; false when ICU would fall
 * back to its root data (no data for the language). */
static bool resolve(char *out, size_t size, const char *locale)
{
    if (!name_chars_ok(locale)) return false;
    UErrorCode st = U_ZERO_ERROR;
    int32_t parsed = 0;
    uloc_forLanguageTag(locale, out, (int32_t)size, &parsed, &st);
    if (U_FAILURE(st) || parsed != (int32_t)strlen(locale) || out[0] == '\0') {
        /* not a BCP 47 tag: an ICU ID such as de_DE */
        st = U_ZERO_ERROR;
        uloc_canonicalize(locale, out, (int32_t)size, &st);
        if (U_FAILURE(st) || out[0] == '\0') return false;
    }
    /* ICU falls back to its root data for any language it lacks: accept a
     * locale only when ICU has data for its language */
    char lang[ULOC_LANG_CAPACITY];
    st = U_ZERO_ERROR;
    uloc_getLanguage(out, lang, (int32_t)sizeof lang, &st);
    if (U_FAILURE(st) || lang[0] == '\0') return false;
    int32_t n = uloc_countAvailable();
    for (int32_t i = 0; i < n; i++) {
        const char *a = uloc_getAvailable(i);
        size_t k = strlen(lang);
        if (strncmp(a, lang, k) == 0 && (a[k] == '\0' || a[k] == '_')) return true;
    }
    return false;
}

bool skpi__locale_id(char *out, size_t size, const char *locale)
{
    return resolve(out, size, locale);
}

int skpi__locale_check(const char *locale, const char *what)
{
    char id[ULOC_FULLNAME_CAPACITY];
    return resolve(id, sizeof id, locale) ? SKPI_OK : unknown(locale, what);
}

static bool iso_code(const char *c)
{
    if (strlen(c) != 3) return false;
    for (int i = 0; i < 3; i++)
        if (c[i] < 'A' || c[i] > 'Z') return false;
    return true;
}

int skpi__locnum_open(skpi__locnum **out, const char *locale, const char *group,
                      const char *currency, const char *what)
{
    skpi__locnum *ln = skpi__calloc(1, sizeof *ln);
    if (ln == NULL) return skpi__nomem();
    if (!resolve(ln->name, sizeof ln->name, locale)) {
        skpi__free(ln);
        return unknown(locale, what);
    }
    if (group != NULL && strlen(group) < sizeof ln->group) {
        strcpy(ln->group, group);
        ln->own_group = true;
    }
    if (currency != NULL && currency[0] != '\0') {
        if (iso_code(currency)) u_uastrcpy(ln->currency, currency);
        else {
            size_t n = strlen(currency);
            if (n >= sizeof ln->suffix) n = sizeof ln->suffix - 1;
            memcpy(ln->suffix, currency, n);
        }
    }
    *out = ln;
    return SKPI_OK;
}

void skpi__locnum_close(skpi__locnum *ln)
{
    if (ln == NULL) return;
    for (int i = 0; i < 3; i++)
        if (ln->fmt[i]) unum_close(ln->fmt[i]);
    skpi__free(ln);
}

const char *skpi__locnum_name(const skpi__locnum *ln) { return ln->name; }

static UNumberFormat *formatter(skpi__locnum *ln, int style)
{
    if (ln->fmt[style]) return ln->fmt[style];
    static const UNumberFormatStyle styles[] = { UNUM_DECIMAL, UNUM_PERCENT, UNUM_CURRENCY };
    UErrorCode st = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(styles[style], NULL, 0, ln->name, NULL, &st);
    if (U_FAILURE(st)) {
        if (f) unum_close(f);
        return NULL;
    }
    /* percents arrive in percent already */
    if (style == SKPI__LN_PERCENT) unum_setAttribute(f, UNUM_MULTIPLIER, 1);
    if (style == SKPI__LN_CURRENCY) unum_setTextAttribute(f, UNUM_CURRENCY_CODE, ln->currency, 3, &st);
    if (ln->own_group) {
        UChar g[8];
        u_strFromUTF8(g, 8, NULL, ln->group, -1, &st);
        unum_setSymbol(f, UNUM_GROUPING_SEPARATOR_SYMBOL, g, -1, &st);
        unum_setSymbol(f, UNUM_MONETARY_GROUPING_SEPARATOR_SYMBOL, g, -1, &st);
    }
    if (U_FAILURE(st)) {
        unum_close(f);
        return NULL;
    }
    ln->fmt[style] = f;
    return f;
}

bool skpi__locnum_shape(skpi__locnum *ln, char *buf, size_t size, const char *digits, int dec,
                        int style)
{
    if (size == 0) return false;
    buf[0] = '\0';
    bool suffix = false;
    if (style == SKPI__LN_CURRENCY && ln->currency[0] == 0) {
        style = SKPI__LN_DECIMAL; /* no ISO code: the number, then the currency text */
        suffix = ln->suffix[0] != '\0';
    }
    UNumberFormat *f = formatter(ln, style);
    if (f == NULL) return false;
    unum_setAttribute(f, UNUM_MIN_FRACTION_DIGITS, dec);
    unum_setAttribute(f, UNUM_MAX_FRACTION_DIGITS, dec);
    UChar text[512];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = unum_formatDecimal(f, digits, -1, text, 512, NULL, &st);
    if (U_FAILURE(st) || n >= 512) return false;
    int32_t len = 0;
    u_strToUTF8(buf, (int32_t)size, &len, text, n, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || (size_t)len >= size) {
        buf[0] = '\0';
        return false;
    }
    if (suffix && (size_t)len + 1 + strlen(ln->suffix) < size) {
        buf[len] = ' ';
        strcpy(buf + len + 1, ln->suffix);
    }
    return true;
}
