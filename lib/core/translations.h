/* The built-in translations of the templates (German and French), chosen
 * by a report's locale: a host's own text for a template still wins. */
#ifndef SKPI_CORE_TRANSLATIONS_H
#define SKPI_CORE_TRANSLATIONS_H

#include "core/templates.h"

extern const char *const skpi__templates_de[SKPI__TPL_COUNT];
extern const char *const skpi__templates_fr[SKPI__TPL_COUNT];

/* The text of template `key` in the language of `locale` ("de-DE", "fr_CA",
 * "de"): the translation when there is one, else the English default.
 * NULL or "" gives the English. */
const char *skpi__template_in(int key, const char *locale);

#endif
