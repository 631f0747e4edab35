/* The shortest precision at which a double prints with %g and reads back
 * exactly. The digits snprintf writes do not depend on the locale, only the
 * decimal point does, and strtod reads the point of the same locale, so the
 * check holds whatever setlocale the host chose; jansson itself writes '.'
 * in the document. */
#include "definitions/defs_internal.h"

#include <stdio.h>
#include <stdlib.h>

bool skpi__reads_back(double v, int precision)
{
    char text[64];
    snprintf(text, sizeof text, "%.*g", precision, v);
    return strtod(text, NULL) == v;
}

int skpi__shortest_precision(double v)
{
    int p = 1;
    while (p < 17 && !skpi__reads_back(v, p)) p++;
    return p;
}
