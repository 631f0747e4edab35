/* Checking the text that says where a target comes from. */
#include "core/target_source.h"
#include "core/internal.h"

#include <stdio.h>
#include <string.h>

int skpi__target_source_check(const char *text, const char *what)
{
    size_t n = strlen(text);
    if (n == 0) return skpi__error(SKPI_EINVAL, "%s: the target's source is empty", what);
    if (n > SKPI__TARGET_SOURCE_MAX)
        return skpi__error(SKPI_EINVAL, "%s: the target's source '%.32s...' is longer than %d bytes",
                           what, text, SKPI__TARGET_SOURCE_MAX);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)
            return skpi__error(SKPI_EINVAL, "%s: the target's source has a control character "
                               "at byte %zu", what, i);
    return SKPI_OK;
}

char *skpi__target_source_of_benchmark(const char *industry, const char *source)
{
    char text[SKPI__TARGET_SOURCE_MAX + 1];
    snprintf(text, sizeof text, "%s benchmark, %s", industry, source);
    skpi__utf8_trim_tail(text); /* a cut inside a character leaves part of it */
    char *copy = skpi__strdup(text);
    if (copy == NULL) skpi__nomem();
    return copy;
}
