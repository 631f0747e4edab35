/* Plural categories by ICU's CLDR rules (upluralrules). */
#include "core/plural.h"

#include "core/locnum.h"

#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

bool skpi__plural_keyword(const char *word, size_t n)
{
    static const char *const names[] = { "zero", "one", "two", "few", "many", "other" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && memcmp(names[i], word, n) == 0) return true;
    return false;
}

void skpi__plural_select(char *kw, size_t size, const char *locale, double n)
{
    snprintf(kw, size, "other");
    char id[ULOC_FULLNAME_CAPACITY] = "en";
    if (locale && locale[0] && !skpi__locale_id(id, sizeof id, locale)) return;
    UErrorCode st = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_open(id, &st);
    if (U_FAILURE(st)) return;
    UChar word[16];
    int32_t len = uplrules_select(rules, n, word, (int32_t)(sizeof word / sizeof word[0]), &st);
    uplrules_close(rules);
    if (U_FAILURE(st) || len <= 0 || (size_t)len >= size) return;
    /* the keywords are ASCII */
    for (int32_t i = 0; i < len; i++) kw[i] = (char)word[i];
    kw[len] = '\0';
}
