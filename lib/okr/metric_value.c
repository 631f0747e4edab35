/* The value of a metric-linked key result, read from the dataset. */
#include "okr/okr_internal.h"

#include <stdio.h>

int skpi__okr_metric_value(double *value, int *availability, skpi_dataset *ds,
                           const skpi_key_result *kr, skpi_period span)
{
    skpi_value v;
    int rc = skpi_dataset_value(&v, ds, kr->metric, kr->selector, span);
    if (rc == SKPI_ECALLBACK || rc == SKPI_ENOMEM) return rc; /* a source's own message stays */
    if (rc != SKPI_OK) {
        /* Keep the dataset's message and say which key result asked. */
        char reason[256];
        snprintf(reason, sizeof reason, "%s", skpi_last_error());
        return skpi__error(rc, "objective \"%s\", key result %zu (\"%s\"): reading %s for %s: %s",
                           kr->obj->title, skpi__key_result_index(kr), kr->title,
                           kr->metric, kr->selector, reason);
    }
    *value = v.value;
    *availability = v.availability;
    return SKPI_OK;
}
