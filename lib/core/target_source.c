/* Checking the text that says where a target comes from. */
#include "core/target_source.h"
#include "core/internal.h"

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
