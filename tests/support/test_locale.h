/* A locale with a decimal comma for tests that numbers ignore setlocale. */
#ifndef SKPI_TEST_LOCALE_H
#define SKPI_TEST_LOCALE_H

#include <stddef.h>

/* Switch LC_ALL to a locale whose decimal point is a comma: de_DE.UTF-8 if
 * installed, else generated with localedef into `scratch` (a mkdtemp
 * template is written there; LOCPATH then points at it), else another comma
 * locale that exists. Returns a description of the locale, or NULL. */
const char *test_comma_locale(char *scratch, size_t size);

#endif
