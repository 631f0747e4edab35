/* The generic layouts: long (`date,channel,metric,value`, one point per
 * row) and wide (a date column and metric columns the host maps; the
 * column table is built per import from the options). */
#include "import/presets.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const skpi__preset_column long_columns[] = {
    { "date", SKPI__COL_DATE, NULL, SKPI__REQ },
    { "channel", SKPI__COL_CHANNEL, NULL, SKPI__REQ },
    { "metric", SKPI__COL_METRIC_KEY, NULL, SKPI__REQ },
    { "value", SKPI__COL_VALUE, NULL, SKPI__REQ },
};

const skpi__preset skpi__preset_generic_long = {
    SKPI_IMPORT_GENERIC_LONG, "generic_long", NULL, SKPI__SHAPE_LONG, SKPI__DATE_ANY, 0,
    long_columns, N(long_columns)
};

const skpi__preset skpi__preset_generic_wide = {
    SKPI_IMPORT_GENERIC_WIDE, "generic_wide", "generic", SKPI__SHAPE_WIDE, SKPI__DATE_ANY,
    SKPI__P_EXPLICIT, NULL, 0
};
