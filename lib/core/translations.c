/* Picking a translation by the language of a locale. */
#include "core/translations.h"

#include <string.h>
#include <strings.h>

/* Whether the locale's language subtag is `lang` ("de" for "de-DE", "de_AT"). */
static bool language_is(const char *locale, const char *lang)
{
    size_t n = strlen(lang);
    return strncasecmp(locale, lang, n) == 0 && (locale[n] == '\0' || locale[n] == '-' || locale[n] == '_');
}

const char *skpi__template_in(int key, const char *locale)
{
    if (key < 0 || key >= SKPI__TPL_COUNT) return NULL;
    const char *text = NULL;
    if (locale && language_is(locale, "de")) text = skpi__templates_de[key];
    else if (locale && language_is(locale, "fr")) text = skpi__templates_fr[key];
    return text ? text : skpi_template_default(key);
}
