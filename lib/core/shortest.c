/* The shortest %g precision at which a double reads back exactly: how the
 * JSON writers (definitions, the report's JSON and CSV) print reals. The
 * digits snprintf writes do not depend on the locale, only the decimal
 * point does, and strtod reads the point of the same locale, so the answer
 * holds whatever setlocale the host chose. */
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>

bool skpi__reads_back(double v, int precision)
{
    char text[400];
    snprintf(text, sizeof text, "%.*g", precision, v);
    return strtod(text, NULL) == v;
}

int skpi__shortest_precision(double v)
{
    /* Searched upwards: at a power of two the decimals that read back lie
     * lopsided around v, so a precision that reads back does not promise
     * that every larger one does, and a bisection could miss the shortest. */
    int p = 1;
    while (p < 17 && !skpi__reads_back(v, p)) p++;
    return p;
}
