/* Numbers shaped by a locale through ICU: separators, percent and currency
 * patterns. One skpi__locnum belongs to one call on one thread (a render,
 * an assembly, a skpi_format_value()); its ICU formatters are never shared. */
#ifndef SKPI_CORE_LOCNUM_H
#define SKPI_CORE_LOCNUM_H

#include <stdbool.h>
#include <stddef.h>

/* Longest locale name accepted ("de-DE", "fr_FR", "sr-Latn-RS"), NUL excluded. */
#define SKPI__LOCALE_MAX 40

typedef struct skpi__locnum skpi__locnum;

/* Check a locale name: SKPI_OK, or SKPI_EINVAL naming it when ICU has no
 * data for its language. `what` starts the message. */
int skpi__locale_check(const char *locale, const char *what);

/* The ICU locale ID ("de_DE") of a language tag or ICU ID into out; false
 * when it is not a locale ICU has data for (as skpi__locale_check()). */
bool skpi__locale_id(char *out, size_t size, const char *locale);

/* Formatters for `locale`; `group` replaces the locale's digit-group
 * separator when not NULL ("" for none); `currency` is written after or
 * before amounts as the locale places it ("EUR" becomes the locale's sign
 * when it is an ISO 4217 code). SKPI_EINVAL (unknown locale), SKPI_ENOMEM. */
int skpi__locnum_open(skpi__locnum **out, const char *locale, const char *group,
                      const char *currency, const char *what);
void skpi__locnum_close(skpi__locnum *ln);

/* The ICU name of the locale ("de_DE"). */
const char *skpi__locnum_name(const skpi__locnum *ln);

enum { SKPI__LN_DECIMAL, SKPI__LN_PERCENT, SKPI__LN_CURRENCY };

/* Shape a decimal text already rounded to `dec` decimals ("-1234.5") in
 * the locale as a plain number, a percent (the value is in percent: "4.25"
 * gives "4,25 %") or a currency amount. Writes UTF-8 into buf (always
 * NUL-terminated when size > 0); returns false when ICU failed, leaving
 * the caller to write the built-in shape. */
bool skpi__locnum_shape(skpi__locnum *ln, char *buf, size_t size, const char *digits, int dec,
                        int style);

#endif
