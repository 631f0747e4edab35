/* Rolling any metric, derived ones included, up to a cadence. */
#include "dataset/dataset_internal.h"

#include <math.h>

#define SKPI__ROLLUP_MAX_PERIODS 10000000

int skpi_dataset_rollup(skpi_series **out, int **availability, skpi_dataset *ds,
                        const char *metric, const char *selector, const skpi_calendar *cal,
                        int cadence, skpi_period range)
{
    static const char fn[] = "skpi_dataset_rollup";
    if (!out || !ds || !metric || !selector)
        return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    skpi__query q;
    int rc = skpi__query_prepare(&q, ds, metric, fn);
    if (rc != SKPI_OK) return rc;
    if ((rc = skpi__period_check(range, fn)) != SKPI_OK) return rc;
    if (cadence < SKPI_CADENCE_DAY || cadence > SKPI_CADENCE_YEAR)
        return skpi__error(SKPI_EINVAL, "%s: unknown cadence %d", fn, cadence);
    skpi__selector sel;
    if ((rc = skpi__selector_parse(&sel, ds, selector)) != SKPI_OK) return rc;

    skpi_calendar *own_cal = NULL;
    if (!cal) {
        if ((rc = skpi_calendar_new(&own_cal)) != SKPI_OK) return rc;
        cal = own_cal;
    }
    skpi_time *times = NULL;
    double *values = NULL;
    int *avail = NULL;
    skpi_series *s = NULL;

    /* Count the periods first: one allocation of the right size. */
    skpi_period first, p;
    if ((rc = skpi_calendar_period(&first, cal, cadence, range.start)) != SKPI_OK) goto done;
    size_t n = 0;
    p = first;
    for (;;) {
        if (++n > SKPI__ROLLUP_MAX_PERIODS) {
            rc = skpi__error(SKPI_ERANGE, "%s: more than %d periods", fn, SKPI__ROLLUP_MAX_PERIODS);
            goto done;
        }
        if (p.end >= range.end) break;
        if ((rc = skpi_calendar_next(&p, cal, cadence, p.start)) != SKPI_OK) goto done;
    }
    skpi_period span = { first.start, p.end };
    times = skpi__reallocarray(NULL, n, sizeof *times);
    values = skpi__reallocarray(NULL, n, sizeof *values);
    avail = skpi__reallocarray(NULL, n, sizeof *avail);
    if (!times || !values || !avail) { rc = skpi__nomem(); goto done; }
    if (ds->has_source) {
        if ((rc = skpi__dataset_ensure(ds, &q, selector, &span, 1)) != SKPI_OK) goto done;
        if ((rc = skpi__selector_parse(&sel, ds, selector)) != SKPI_OK) goto done;
    }
    p = first;
    for (size_t i = 0; i < n; i++) {
        skpi_value v;
        skpi__query_value(&v, ds, &q, &sel, p);
        times[i] = p.start;
        values[i] = (v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL) ? v.value
                                                                                        : NAN;
        avail[i] = v.availability;
        if (i + 1 < n && (rc = skpi_calendar_next(&p, cal, cadence, p.start)) != SKPI_OK) goto done;
    }
    if ((rc = skpi_series_new(&s, metric, selector)) != SKPI_OK) goto done;
    if ((rc = skpi_series_append(s, times, values, n)) != SKPI_OK) goto done;
    *out = s;
    s = NULL;
    if (availability) {
        *availability = avail;
        avail = NULL;
    }
done:
    skpi_series_free(s);
    skpi__free(times);
    skpi__free(values);
    skpi__free(avail);
    skpi_calendar_free(own_cal);
    return rc;
}
