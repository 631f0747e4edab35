/* Private: display width and line-break opportunities of UTF-8 text for the
 * plain-text renderer, by Unicode's rules through ICU (ubrk, uchar). */
#ifndef SKPI_RENDER_TEXT_WIDTH_H
#define SKPI_RENDER_TEXT_WIDTH_H

#include <stdbool.h>
#include <stddef.h>

/* Columns a terminal gives s[0..n): East Asian wide and fullwidth
 * characters and emoji take two, combining marks, joiners and variation
 * selectors none, every other grapheme one. Invalid UTF-8 counts as one
 * U+FFFD per byte, as the escaping writes it. */
size_t skpi__text_width(const char *s, size_t n);

/* The places a line may break inside a word s[0..n) that holds no white
 * space, as byte offsets in ascending order (0 and n excluded): where
 * Unicode line breaking (UAX #14, ICU's ubrk) allows a break and a
 * character on either side is East Asian wide, so that Japanese, Chinese
 * and Korean break between characters (never before "。" or after "「")
 * while German and English words never split. The breaker is made once per
 * render and reused. Returns the number of offsets written to `at` (at
 * most `max`), or SIZE_MAX when ICU failed (the word is then kept whole). */
typedef struct skpi__breaker skpi__breaker;
int skpi__text_breaker(skpi__breaker **out, const char *locale);
void skpi__text_breaker_free(skpi__breaker *b);
size_t skpi__text_breaks(skpi__breaker *b, const char *s, size_t n, size_t *at, size_t max);

#endif
