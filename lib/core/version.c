/* Run-time version and the limits a binding cannot read from macros. */
#include "internal.h"

#define SKPI__STR2(x) #x
#define SKPI__STR(x) SKPI__STR2(x)

int skpi_version(void) { return SKPI_VERSION_NUMBER; }

const char *skpi_version_string(void)
{
    return SKPI__STR(SKPI_VERSION_MAJOR) "." SKPI__STR(SKPI_VERSION_MINOR) "." SKPI__STR(SKPI_VERSION_PATCH);
}

skpi_time skpi_time_min(void) { return SKPI_TIME_MIN; }
skpi_time skpi_time_max(void) { return SKPI_TIME_END - 1; }
