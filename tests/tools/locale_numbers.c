/* Writes figures with skpi_format_value() in a locale, for
 * tests/python/test_locale_numbers.py to check against Babel's CLDR data.
 * Reads lines "LOCALE UNIT VALUE SIGNED CURRENCY" (CURRENCY "-" for none)
 * and prints each figure on a line of its own; "ERR code" when refused. */
#define SKPI_EXPERIMENTAL
#include <socialkpi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char locale[64], currency[16];
    int unit, sign;
    double value;
    while (scanf("%63s %d %lf %d %15s", locale, &unit, &value, &sign, currency) == 5) {
        skpi_number_options o;
        skpi_number_options_init(&o, SKPI_NUMBER_OPTIONS_VERSION);
        o.locale = strcmp(locale, "-") == 0 ? NULL : locale;
        o.currency = strcmp(currency, "-") == 0 ? NULL : currency;
        o.flags = sign ? SKPI_FORMAT_SIGNED : 0;
        char buf[128];
        int rc = skpi_format_value(buf, sizeof buf, value, unit, &o);
        if (rc != SKPI_OK) printf("ERR %d\n", rc);
        else printf("%s\n", buf);
    }
    return 0;
}
