/* The query engine: the value of any metric over a period for a selector,
 * computed from the components' aggregates (ratio of sums). */
#include "dataset/dataset_internal.h"

#include <math.h>
#include <stdio.h>

int skpi__query_prepare(skpi__query *q, const skpi_dataset *ds, const char *metric, const char *fn)
{
    long mi = skpi__catalog_lookup(ds->cat, metric);
    if (mi < 0) return skpi__error(SKPI_ENOTFOUND, "%s: unknown metric key '%s'", fn, metric);
    q->metric = (uint32_t)mi;
    /* The catalog checked these limits when the formula was defined. */
    return skpi__metric_leaves(q->leaves, &q->n_leaves, &q->uses_days, ds->cat, q->metric,
                               UINT32_MAX, NULL, 0);
}

/* Messages name times as users write them (ISO 8601); one outside years
 * 1 to 9999 cannot be written so and stays a number of seconds. */
static const char *time_text(char buf[32], skpi_time t)
{
    if (skpi_time_format(buf, 32, t, 0) != SKPI_OK) snprintf(buf, 32, "%lld s", (long long)t);
    return buf;
}

int skpi__period_check(skpi_period p, const char *fn)
{
    char end[32], start[32];
    if (p.end <= p.start)
        return skpi__error(SKPI_EINVAL, "%s: the period ends (%s) at or before its start (%s)",
                           fn, time_text(end, p.end), time_text(start, p.start));
    if (p.start < SKPI_TIME_MIN || p.end > SKPI_TIME_END)
        return skpi__error(SKPI_EINVAL, "%s: the period must lie within years 1 to 9999", fn);
    return SKPI_OK;
}

/* The sums of a query's components over the channels that take part. */
typedef struct query_sums {
    skpi__ksum acc[SKPI__MAX_LEAVES];
    bool has[SKPI__MAX_LEAVES];
    bool partial;
} query_sums;

/* Whether channel c takes part in period p, its component series into
 * cells. A channel lacking a component would bias a ratio of sums: it is
 * left out and the value is incomplete. */
static bool channel_takes_part(const skpi__cell **cells, query_sums *s, const skpi_dataset *ds,
                               const skpi__query *q, uint32_t c, skpi_period p)
{
    const size_t nl = q->n_leaves;
    size_t taking_part = 0;
    for (size_t i = 0; i < nl; i++) {
        cells[i] = skpi__cell_at(ds, q->leaves[i].metric, c);
        if (skpi__cell_overlaps(cells[i], p)) taking_part++;
    }
    if (taking_part == 0) return false;
    if (taking_part < nl) {
        s->partial = true;
        return false;
    }
    return true;
}

/* Add one channel's aggregates over p to the sums. */
static void add_channel(query_sums *s, const skpi_dataset *ds, const skpi__query *q,
                        const skpi__cell *const *cells, skpi_period p)
{
    const size_t nl = q->n_leaves;
    skpi__agg a[SKPI__MAX_LEAVES];
    bool lacking = false;
    for (size_t i = 0; i < nl; i++) {
        skpi__aggregate(&a[i], cells[i], p, ds->resolution);
        if (!a[i].complete) s->partial = true;
        if (a[i].present == 0) lacking = true;
    }
    /* No present value of some component in the period: the channel is
     * left out like one that does not take part in it (its engagements
     * without its reach would bias a ratio); the value is already partial. */
    if (lacking) return;
    for (size_t i = 0; i < nl; i++) {
        const skpi__leaf *l = &q->leaves[i];
        int kind = ds->cat->metrics[l->metric]->kind;
        double x = kind == SKPI_KIND_FLOW ? a[i].sum : l->first ? a[i].first : a[i].last;
        skpi__ksum_add(&s->acc[i], x);
        s->has[i] = true;
    }
}

/* The metric's value over p from the sums of its components. */
static void query_result(skpi_value *out, const skpi_dataset *ds, const skpi__query *q,
                         const query_sums *s, skpi_period p)
{
    const size_t nl = q->n_leaves;
    double values[SKPI__MAX_LEAVES];
    for (size_t i = 0; i < nl; i++) {
        if (!s->has[i]) {
            out->value = NAN;
            out->availability = SKPI_MISSING;
            return;
        }
        values[i] = skpi__ksum_value(&s->acc[i]);
    }
    bool div_zero;
    double days = (double)(p.end - p.start) / 86400.0;
    double v = skpi__metric_eval(ds->cat, q->metric, q->leaves, values, nl, days, &div_zero);
    if (div_zero) {
        out->value = NAN;
        out->availability = SKPI_DENOMINATOR_ZERO;
        return;
    }
    if (!isfinite(v)) {
        /* A formula the catalog could not compile, or a result beyond the
         * range of a double (an overflow, or infinity - infinity): never
         * an available infinity. */
        out->value = NAN;
        out->availability = SKPI_UNSUPPORTED;
        return;
    }
    out->value = v;
    out->availability = s->partial ? SKPI_PARTIAL : SKPI_AVAILABLE;
}

void skpi__query_value(skpi_value *out, const skpi_dataset *ds, const skpi__query *q,
                       skpi__selector *sel, skpi_period p)
{
    query_sums s;
    const size_t nl = q->n_leaves;
    s.partial = false;
    for (size_t i = 0; i < nl; i++) {
        s.acc[i].sum = s.acc[i].c = 0.0;
        s.has[i] = false;
    }
    /* Channels are handled in batches: the lines each one needs are asked
     * for first, so that the memory system fetches a whole batch in
     * parallel instead of one series after the other. */
    enum { BATCH = 16 };
    const skpi__cell *batch[BATCH][SKPI__MAX_LEAVES];
    size_t nb = 0;
    bool more = true;
    skpi__selector_rewind(sel);
    while (more) {
        uint32_t c;
        more = skpi__selector_next(sel, ds, &c);
        if (more) {
            if (!channel_takes_part(batch[nb], &s, ds, q, c, p)) continue;
            for (size_t i = 0; i < nl; i++) skpi__aggregate_prefetch(batch[nb][i], p);
            if (++nb < BATCH) continue;
        }
        for (size_t b = 0; b < nb; b++) add_channel(&s, ds, q, batch[b], p);
        nb = 0;
    }
    query_result(out, ds, q, &s, p);
}

int skpi_dataset_value(skpi_value *out, skpi_dataset *ds, const char *metric,
                       const char *selector, skpi_period period)
{
    if (!out || !ds || !metric || !selector)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_value: NULL argument");
    skpi__query q;
    int rc = skpi__query_prepare(&q, ds, metric, "skpi_dataset_value");
    if (rc != SKPI_OK) return rc;
    if ((rc = skpi__period_check(period, "skpi_dataset_value")) != SKPI_OK) return rc;
    skpi__selector sel;
    if ((rc = skpi__selector_parse(&sel, ds, selector)) != SKPI_OK) return rc;
    if (ds->has_source) {
        if ((rc = skpi__dataset_ensure(ds, &q, selector, &period, 1)) != SKPI_OK) return rc;
        /* Fetching may have added the selector's channel. */
        if ((rc = skpi__selector_parse(&sel, ds, selector)) != SKPI_OK) return rc;
    }
    skpi__query_value(out, ds, &q, &sel, period);
    return SKPI_OK;
}
