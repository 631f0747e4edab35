/* A locale with a decimal comma, installed or generated with localedef. */
#define _POSIX_C_SOURCE 200809L
#include "test_locale.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

const char *test_comma_locale(char *scratch, size_t size)
{
    if (setlocale(LC_ALL, "de_DE.UTF-8")) return "de_DE.UTF-8";
    snprintf(scratch, size, "/tmp/skpi_locale_XXXXXX");
    if (mkdtemp(scratch) != NULL) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8 >/dev/null 2>&1", scratch);
        if (system(cmd) == 0) {
            setenv("LOCPATH", scratch, 1);
            if (setlocale(LC_ALL, "de_DE.UTF-8")) return "de_DE.UTF-8 (generated with localedef)";
            unsetenv("LOCPATH");
        }
    }
    static const char *const others[] = { "fr_FR.UTF-8", "es_ES.UTF-8", "it_IT.UTF-8", "nl_NL.UTF-8",
                                          "pt_BR.UTF-8", "ru_RU.UTF-8" };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        if (setlocale(LC_NUMERIC, others[i])) return others[i];
    return NULL;
}
