/**
 * @file socialkpi/number.h
 * @brief Numbers for readers: the one formatter behind every figure the
 *        library, its renderers and the `skpi` tool show.
 *
 * A figure is written by the rules of its metric's unit (docs/report.md,
 * "Numbers"): counts whole from 100 on and with one decimal below
 * ("12,345", "42.5"), percents with two decimals and a `%` ("4.25%"),
 * ratios with two decimals, currency amounts with two decimals and the
 * currency after them ("1,234.50 EUR"), durations in units of time
 * ("1h 02m"), scores with one decimal at most ("7.5"). A precision given
 * in the options replaces the unit's number of decimals. The decimal point
 * is `.`, whatever `setlocale` the host chose, unless the options name a
 * locale: then ICU lays the same digits out in that locale's shape
 * (docs/locale.md).
 *
 * This API is experimental (`SKPI_EXPERIMENTAL`, docs/ABI.md): its shape
 * may still change while locales are added, and its symbols live in the
 * version node `SOCIALKPI_EXPERIMENTAL`.
 */
#ifndef SOCIALKPI_NUMBER_H
#define SOCIALKPI_NUMBER_H

#include "socialkpi/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef SKPI_EXPERIMENTAL

/** @brief Format flag: write a `+` before a positive figure (a change). */
#define SKPI_FORMAT_SIGNED 0x1u

/** @brief The precision rule of the figure's unit (a value of `decimals`). */
#define SKPI_DECIMALS_BY_UNIT (-1)

/**
 * @brief How skpi_format_value() writes a figure. Versioned: set it with
 *        ::SKPI_NUMBER_OPTIONS_INIT or skpi_number_options_init(); it only
 *        grows at its end.
 */
typedef struct skpi_number_options {
    unsigned version;                /**< ::SKPI_NUMBER_OPTIONS_VERSION */
    unsigned flags;                  /**< ::SKPI_FORMAT_SIGNED or 0 */
    int decimals;                    /**< ::SKPI_DECIMALS_BY_UNIT, or 0 to 15 decimals (durations ignore it) */
    const char *thousands_separator; /**< between groups of three digits; NULL: ","; "": none */
    const char *currency;            /**< written after currency amounts ("EUR"); NULL or "": none */
    const char *not_available;       /**< the text of a figure that cannot be given (NaN, infinite); NULL: "n/a" */
    /* Version 2 */
    /**
     * A locale (BCP 47 tag such as "de-DE" or "fr-FR") whose separators,
     * percent and currency patterns shape the figure through ICU
     * ("1.234,5", "4,25 %", "1.234,50 €"); NULL: the built-in shape above.
     * The digits and their rounding are the same in every locale; a
     * `thousands_separator` given as well replaces the locale's (version 2).
     */
    const char *locale;
} skpi_number_options;

/** @brief The current version of ::skpi_number_options. */
#define SKPI_NUMBER_OPTIONS_VERSION 2
/** @brief Static initializer for ::skpi_number_options: the unit's rule, "," groups. */
#define SKPI_NUMBER_OPTIONS_INIT { SKPI_NUMBER_OPTIONS_VERSION, 0u, SKPI_DECIMALS_BY_UNIT, NULL, NULL, NULL, NULL }

/**
 * @brief Fill options with their defaults (as ::SKPI_NUMBER_OPTIONS_INIT does).
 * @param opts    the options to fill
 * @param version ::SKPI_NUMBER_OPTIONS_VERSION
 * @return SKPI_OK, SKPI_EMISUSE (NULL opts), SKPI_EVERSION (unknown version)
 */
SKPI_API int skpi_number_options_init(skpi_number_options *opts, unsigned version);

/**
 * @brief Write a figure for readers, by the rules of its unit.
 * @param buf   receives the text, always NUL-terminated when size > 0
 * @param size  bytes at buf; 64 hold any figure up to 1e15 with groups and a currency
 * @param value the figure; NaN or infinite writes the not-available text
 * @param unit  an ::skpi_unit (metrics.h)
 * @param opts  the options; NULL for the defaults
 * @return SKPI_OK; SKPI_EMISUSE (NULL buf); SKPI_EINVAL (unknown unit,
 *         decimals out of range, a locale without data); SKPI_EVERSION; SKPI_ERANGE (the text
 *         does not fit: buf holds as much as fits, the message says how
 *         many bytes are needed)
 */
SKPI_API int skpi_format_value(char *buf, size_t size, double value, int unit,
                               const skpi_number_options *opts);

#endif /* SKPI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif

#endif /* SOCIALKPI_NUMBER_H */
