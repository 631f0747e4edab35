/* Month names of the languages exports are written in. */
#ifndef SKPI_IMPORT_MONTH_NAMES_H
#define SKPI_IMPORT_MONTH_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the word at s (n bytes available) names a month, in English,
 * Spanish, Portuguese, French, German or Italian, full or abbreviated, ASCII
 * case ignored: then *month is 1-12 and *used the word's length, with a
 * following '.' of an abbreviation. */
bool skpi__month_word(const char *s, size_t n, size_t *used, int *month);

#endif
