/* Comparing a metric over two periods: absolute, percent and
 * percentage-point change. */
#include "dataset/dataset_internal.h"

#include <math.h>

static bool usable(int availability)
{
    return availability == SKPI_AVAILABLE || availability == SKPI_PARTIAL;
}

int skpi_value_change(skpi_value *out, skpi_value current, skpi_value previous, int change,
                      int unit)
{
    if (!out) return skpi__error(SKPI_EMISUSE, "skpi_value_change: out is NULL");
    if (change < SKPI_CHANGE_ABSOLUTE || change > SKPI_CHANGE_POINTS)
        return skpi__error(SKPI_EINVAL, "skpi_value_change: unknown change kind %d", change);
    if (unit < SKPI_UNIT_COUNT || unit > SKPI_UNIT_SCORE)
        return skpi__error(SKPI_EINVAL, "skpi_value_change: unknown unit %d", unit);
    if (current.availability < SKPI_AVAILABLE || current.availability > SKPI_UNSUPPORTED
        || previous.availability < SKPI_AVAILABLE || previous.availability > SKPI_UNSUPPORTED)
        return skpi__error(SKPI_EINVAL, "skpi_value_change: unknown availability");
    out->value = NAN;
    if (change == SKPI_CHANGE_POINTS && unit != SKPI_UNIT_PERCENT) {
        /* Percentage points only mean something between two percentages. */
        out->availability = SKPI_UNSUPPORTED;
        return SKPI_OK;
    }
    if (!usable(current.availability)) { out->availability = current.availability; return SKPI_OK; }
    if (!usable(previous.availability)) { out->availability = previous.availability; return SKPI_OK; }
    int partial = current.availability == SKPI_PARTIAL || previous.availability == SKPI_PARTIAL;
    double d = current.value - previous.value;
    if (change == SKPI_CHANGE_PERCENT) {
        if (previous.value == 0.0) { out->availability = SKPI_DENOMINATOR_ZERO; return SKPI_OK; }
        d = d / fabs(previous.value) * 100.0;
    }
    if (!isfinite(d)) {
        /* beyond the range of a double: never an available infinity */
        out->availability = SKPI_UNSUPPORTED;
        return SKPI_OK;
    }
    out->value = d;
    out->availability = partial ? SKPI_PARTIAL : SKPI_AVAILABLE;
    return SKPI_OK;
}

int skpi_dataset_compare(skpi_value *out, skpi_dataset *ds, const char *metric,
                         const char *selector, skpi_period current, skpi_period previous,
                         int change)
{
    static const char fn[] = "skpi_dataset_compare";
    if (!out || !ds || !metric || !selector)
        return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    if (change < SKPI_CHANGE_ABSOLUTE || change > SKPI_CHANGE_POINTS)
        return skpi__error(SKPI_EINVAL, "%s: unknown change kind %d", fn, change);
    skpi__query q;
    int rc = skpi__query_prepare(&q, ds, metric, fn);
    if (rc != SKPI_OK) return rc;
    if ((rc = skpi__period_check(current, fn)) != SKPI_OK) return rc;
    if ((rc = skpi__period_check(previous, fn)) != SKPI_OK) return rc;
    skpi__selector sel;
    if ((rc = skpi__selector_parse(&sel, ds, selector)) != SKPI_OK) return rc;
    if (ds->has_source) {
        /* Both periods in one request round, so a failing source leaves
         * the dataset as it was for both. */
        skpi_period periods[2] = { current, previous };
        if ((rc = skpi__dataset_ensure(ds, &q, selector, periods, 2)) != SKPI_OK) return rc;
        if ((rc = skpi__selector_parse(&sel, ds, selector)) != SKPI_OK) return rc;
    }
    skpi_value cur, prev;
    skpi__query_value(&cur, ds, &q, &sel, current);
    skpi__query_value(&prev, ds, &q, &sel, previous);
    return skpi_value_change(out, cur, prev, change, ds->cat->metrics[q.metric]->unit);
}
