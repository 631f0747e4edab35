/* Reading a goal's metric from the dataset: the value as of an instant, the
 * baseline, the per-period history, and counting cadence periods. */
#include "goal/goal_internal.h"

#include <math.h>

int skpi__goal_metric_kind(int *kind, const skpi_goal *g, const skpi_catalog *cat)
{
    const skpi_metric *m = NULL;
    int rc = skpi_catalog_find(&m, cat, g->metric);
    if (rc == SKPI_ENOTFOUND)
        return skpi__error(SKPI_ENOTFOUND, "goal '%.80s': metric '%.80s' is not in the catalog",
                           g->name, g->metric);
    if (rc != SKPI_OK)
        return rc;
    *kind = skpi_metric_kind_of(m);
    return SKPI_OK;
}

int skpi__goal_period_ends(size_t *out, const skpi_calendar *cal, int cadence, skpi_time a,
                           skpi_time b)
{
    *out = 0;
    if (b <= a)
        return SKPI_OK;
    skpi_period p;
    int rc = skpi_calendar_period(&p, cal, cadence, a);
    if (rc != SKPI_OK)
        return rc;
    size_t n = 0;
    while (p.end <= b) {
        n++;
        if (p.end >= SKPI_TIME_END)
            break;
        if ((rc = skpi_calendar_period(&p, cal, cadence, p.end)) != SKPI_OK)
            return rc;
    }
    *out = n;
    return SKPI_OK;
}

/* The last complete cadence period ending at or before t (its end is t or
 * the start of the period holding t - 1). */
static int last_complete(skpi_period *out, const skpi_calendar *cal, int cadence, skpi_time t)
{
    skpi_period p;
    int rc = skpi_calendar_period(&p, cal, cadence, t - 1);
    if (rc != SKPI_OK)
        return rc;
    if (p.end == t) {
        *out = p;
        return SKPI_OK;
    }
    return skpi_calendar_previous(out, cal, cadence, p.start);
}

int skpi__goal_value_as_of(skpi_value *out, skpi_time *measured_at, const skpi_goal *g,
                           skpi_dataset *ds, const skpi_calendar *cal, int kind, skpi_time t)
{
    const char *sel = skpi__goal_selector(g);
    skpi_period p;
    int rc;
    if (kind == SKPI_KIND_STOCK) {
        if ((rc = skpi_calendar_period(&p, cal, g->cadence, t - 1)) != SKPI_OK)
            return rc;
        skpi_period upto = { p.start, t };
        if ((rc = skpi_dataset_value(out, ds, g->metric, sel, upto)) != SKPI_OK)
            return rc;
        if (out->availability == SKPI_MISSING) {
            skpi_period prev;
            if ((rc = skpi_calendar_previous(&prev, cal, g->cadence, p.start)) != SKPI_OK)
                return rc;
            if ((rc = skpi_dataset_value(out, ds, g->metric, sel, prev)) != SKPI_OK)
                return rc;
        }
        if (measured_at)
            *measured_at = t;
        return SKPI_OK;
    }
    if ((rc = last_complete(&p, cal, g->cadence, t)) != SKPI_OK)
        return rc;
    if ((rc = skpi_dataset_value(out, ds, g->metric, sel, p)) != SKPI_OK)
        return rc;
    if (measured_at)
        *measured_at = p.end;
    return SKPI_OK;
}

/* How many cadence periods a period spans, counting partly covered ones by
 * the share of their length inside it. */
static int periods_in(double *out, const skpi_calendar *cal, int cadence, skpi_period b)
{
    skpi_period p;
    int rc = skpi_calendar_period(&p, cal, cadence, b.start);
    if (rc != SKPI_OK)
        return rc;
    double n = 0.0;
    for (;;) {
        skpi_time lo = p.start > b.start ? p.start : b.start;
        skpi_time hi = p.end < b.end ? p.end : b.end;
        n += (double)(hi - lo) / (double)(p.end - p.start);
        if (p.end >= b.end || p.end >= SKPI_TIME_END)
            break;
        if ((rc = skpi_calendar_period(&p, cal, cadence, p.end)) != SKPI_OK)
            return rc;
    }
    *out = n;
    return SKPI_OK;
}

int skpi__goal_baseline(skpi_value *out, const skpi_goal *g, skpi_dataset *ds,
                        const skpi_calendar *cal, int kind)
{
    int rc;
    switch (g->baseline_kind) {
    case SKPI_BASELINE_VALUE:
        out->value = g->baseline_value;
        out->availability = SKPI_AVAILABLE;
        return SKPI_OK;
    case SKPI_BASELINE_PERIOD:
        rc = skpi_dataset_value(out, ds, g->metric, skpi__goal_selector(g), g->baseline_period);
        if (rc != SKPI_OK)
            return rc;
        if (kind == SKPI_KIND_FLOW && !isnan(out->value)) {
            double n;
            if ((rc = periods_in(&n, cal, g->cadence, g->baseline_period)) != SKPI_OK)
                return rc;
            out->value /= n;
        }
        return SKPI_OK;
    default:
        if (!g->has_span) {
            out->value = NAN;
            out->availability = SKPI_MISSING;
            return SKPI_OK;
        }
        return skpi__goal_value_as_of(out, NULL, g, ds, cal, kind, g->span.start);
    }
}

int skpi__goal_history(double **y, size_t *n, skpi_time *first, const skpi_goal *g,
                       skpi_dataset *ds, const skpi_calendar *cal, skpi_time from,
                       skpi_time until)
{
    *y = NULL;
    *n = 0;
    *first = 0;
    const char *sel = skpi__goal_selector(g);
    skpi_period extent;
    int rc = skpi_dataset_extent(&extent, ds, g->metric, sel);
    if (rc == SKPI_OK) {
        if (extent.start < from)
            from = extent.start;
    } else if (rc != SKPI_ENOTFOUND) {
        return rc;
    }
    skpi_period last;
    if ((rc = last_complete(&last, cal, g->cadence, until)) != SKPI_OK)
        return rc;
    if (last.end <= from)
        return SKPI_OK;
    skpi_series *s = NULL;
    skpi_period range = { from, last.end };
    rc = skpi_dataset_rollup(&s, NULL, ds, g->metric, sel, cal, g->cadence, range);
    if (rc != SKPI_OK)
        return rc;
    size_t len = skpi_series_length(s);
    double *v = len ? skpi__reallocarray(NULL, len, sizeof *v) : NULL;
    if (len && v == NULL) {
        skpi_series_free(s);
        return skpi__nomem();
    }
    const double *src = skpi_series_values(s);
    for (size_t i = 0; i < len; i++)
        v[i] = src[i];
    if (len)
        *first = skpi_series_times(s)[0];
    skpi_series_free(s);
    *y = v;
    *n = len;
    return SKPI_OK;
}
