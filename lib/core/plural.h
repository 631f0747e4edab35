/* CLDR plural categories through ICU's plural rules, for templates that
 * offer one/other/few/many... forms ("{total, plural, one {goal} other
 * {goals}}"). Rules are opened per call: nothing is shared between threads. */
#ifndef SKPI_CORE_PLURAL_H
#define SKPI_CORE_PLURAL_H

#include <stdbool.h>
#include <stddef.h>

/* Whether `word` (n bytes) names a CLDR plural category (zero, one, two,
 * few, many, other). */
bool skpi__plural_keyword(const char *word, size_t n);

/* The CLDR category of the number n in `locale` ("de-DE"; NULL or "" for
 * English) into kw ("one", "few", "other"...). Falls back to "other" when
 * ICU has no rules for the locale. */
void skpi__plural_select(char *kw, size_t size, const char *locale, double n);

#endif
