/* Data sources: the skpi_fetch request API, and asking a source for what a
 * query lacks, all or nothing. */
#include "dataset/dataset_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct skpi_fetch {
    const char *metric;
    const char *channel;
    skpi_period period;
    skpi_time *times;
    double *values;
    size_t n, cap;
    bool active; /* only while the callback runs */
    bool nomem;  /* an append ran out of memory: the query must fail */
};

int skpi_source_init(skpi_source *source, unsigned version)
{
    if (!source) return skpi__error(SKPI_EMISUSE, "skpi_source_init: source is NULL");
    if (version != SKPI_SOURCE_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_source_init: version %u is unknown (this library "
                           "knows %d)", version, SKPI_SOURCE_VERSION);
    memset(source, 0, sizeof *source);
    source->version = version;
    return SKPI_OK;
}

const char *skpi_fetch_metric(const skpi_fetch *request) { return request ? request->metric : NULL; }
const char *skpi_fetch_channel(const skpi_fetch *request)
{
    return request ? request->channel : NULL;
}

skpi_period skpi_fetch_period(const skpi_fetch *request)
{
    skpi_period none = { 0, 0 };
    return request ? request->period : none;
}

int skpi_fetch_append(skpi_fetch *request, const skpi_time *times, const double *values, size_t n)
{
    if (!request || (n > 0 && (!times || !values)))
        return skpi__error(SKPI_EMISUSE, "skpi_fetch_append: NULL argument");
    if (!request->active)
        return skpi__error(SKPI_EMISUSE, "skpi_fetch_append: the request is only valid inside "
                           "the fetch callback");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (isinf(values[i]))
            return skpi__error(SKPI_EINVAL, "skpi_fetch_append: values[%zu] is infinite", i);
        if (times[i] >= request->period.start && times[i] < request->period.end) k++;
    }
    if (k == 0) return SKPI_OK;
    size_t need = request->n + k;
    if (need > request->cap) {
        size_t cap = request->cap ? request->cap : 64;
        while (cap < need) cap *= 2;
        skpi_time *t = skpi__reallocarray(request->times, cap, sizeof *t);
        if (!t) { request->nomem = true; return skpi__nomem(); }
        request->times = t;
        double *v = skpi__reallocarray(request->values, cap, sizeof *v);
        if (!v) { request->nomem = true; return skpi__nomem(); }
        request->values = v;
        request->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        if (times[i] < request->period.start || times[i] >= request->period.end) continue;
        request->times[request->n] = times[i];
        request->values[request->n] = values[i];
        request->n++;
    }
    return SKPI_OK;
}

int skpi_dataset_set_source(skpi_dataset *ds, const skpi_source *source)
{
    if (!ds) return skpi__error(SKPI_EMISUSE, "skpi_dataset_set_source: dataset is NULL");
    if (source) {
        if (source->version != SKPI_SOURCE_VERSION)
            return skpi__error(SKPI_EVERSION, "skpi_dataset_set_source: version %u is unknown "
                               "(this library knows %d)", source->version, SKPI_SOURCE_VERSION);
        if (!source->fetch)
            return skpi__error(SKPI_EINVAL, "skpi_dataset_set_source: fetch is NULL");
    }
    /* What the previous source covered says nothing about the new one. */
    for (size_t m = 0; m < ds->cat->count; m++)
        for (size_t c = 0; c < ds->columns[m].cap; c++)
            skpi__coverage_free(&ds->columns[m].by_channel[c].cov);
    ds->has_source = source != NULL;
    if (source) ds->source = *source;
    return SKPI_OK;
}

/* ---- asking for what a query lacks ----------------------------------- */

typedef struct request {
    uint32_t metric;
    long channel;        /* index, or -1 for the selector's unknown channel */
    skpi_fetch f;
} request;

typedef struct plan {
    request *r;
    size_t n, cap;
} plan;

static int plan_push(plan *pl, uint32_t metric, long channel, const char *channel_key,
                     const char *metric_key, skpi_period gap)
{
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? pl->cap * 2 : 16;
        request *r = skpi__reallocarray(pl->r, cap, sizeof *r);
        if (!r) return skpi__nomem();
        pl->r = r;
        pl->cap = cap;
    }
    request *q = &pl->r[pl->n++];
    memset(q, 0, sizeof *q);
    q->metric = metric;
    q->channel = channel;
    q->f.metric = metric_key;
    q->f.channel = channel_key;
    q->f.period = gap;
    return SKPI_OK;
}

static void plan_free(plan *pl)
{
    for (size_t i = 0; i < pl->n; i++) {
        skpi__free(pl->r[i].f.times);
        skpi__free(pl->r[i].f.values);
    }
    skpi__free(pl->r);
}

/* Parts of `p` that `cov` does not cover, pushed as requests. */
static int plan_gaps(plan *pl, const skpi__coverage *cov, skpi_period p, uint32_t metric,
                     long channel, const char *channel_key, const char *metric_key)
{
    skpi_time cursor = p.start;
    for (size_t i = 0; i < cov->n && cursor < p.end; i++) {
        const skpi_period *r = &cov->ranges[i];
        if (r->end <= cursor) continue;
        if (r->start >= p.end) break;
        if (r->start > cursor) {
            skpi_period gap = { cursor, r->start };
            int rc = plan_push(pl, metric, channel, channel_key, metric_key, gap);
            if (rc != SKPI_OK) return rc;
        }
        if (r->end > cursor) cursor = r->end;
    }
    if (cursor < p.end) {
        skpi_period gap = { cursor, p.end };
        return plan_push(pl, metric, channel, channel_key, metric_key, gap);
    }
    return SKPI_OK;
}

static int by_start(const void *a, const void *b)
{
    const skpi_period *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Sorted, merged union of n periods, in place; gives the new count. */
static size_t merge_periods(skpi_period *p, size_t n)
{
    if (n == 0) return 0;
    qsort(p, n, sizeof *p, by_start);
    size_t k = 0;
    for (size_t i = 1; i < n; i++) {
        if (p[i].start <= p[k].end) {
            if (p[i].end > p[k].end) p[k].end = p[i].end;
        } else {
            p[++k] = p[i];
        }
    }
    return k + 1;
}

/* What one (metric, channel) becomes once the fetched data is kept. */
typedef struct prepared {
    uint32_t metric;
    size_t channel;
    skpi_series *series; /* NULL: the series does not change */
    skpi__coverage cov;
} prepared;

static int plan_fetch(skpi_dataset *ds, plan *pl)
{
    for (size_t i = 0; i < pl->n; i++) {
        skpi_fetch *f = &pl->r[i].f;
        f->active = true;
        skpi__callback_begin();
        int rc = ds->source.fetch(f, ds->source.userdata);
        f->active = false;
        /* Data lost for lack of memory must not be recorded as covered,
         * whatever the callback made of the error. */
        if (f->nomem) return skpi__nomem();
        if (rc != 0) return skpi__callback_failed(rc, "source");
    }
    return SKPI_OK;
}

/* Build every changed series and coverage aside, then swap them in; an
 * allocation failure leaves the dataset as it was. */
static int plan_commit(skpi_dataset *ds, plan *pl, const char *new_channel)
{
    prepared *prep = NULL;
    size_t n_prep = 0;
    char *key = NULL;
    size_t net_len = 0;
    int rc = SKPI_OK;
    if (new_channel) {
        skpi__channel_check(new_channel, &net_len, "channel");
        if (!(key = skpi__strdup(new_channel))) goto nomem;
        if ((rc = skpi__channel_reserve(ds, 1)) != SKPI_OK) goto fail;
    }
    prep = skpi__calloc(pl->n, sizeof *prep);
    if (!prep) goto nomem;
    for (size_t i = 0; i < pl->n;) {
        /* Requests of one (metric, channel) are consecutive. */
        size_t j = i;
        while (j < pl->n && pl->r[j].metric == pl->r[i].metric
               && pl->r[j].channel == pl->r[i].channel)
            j++;
        prepared *pr = &prep[n_prep++];
        pr->metric = pl->r[i].metric;
        pr->channel = pl->r[i].channel >= 0 ? (size_t)pl->r[i].channel : ds->n_channels;
        if ((rc = skpi__column_reserve(ds, pr->metric, pr->channel)) != SKPI_OK) goto fail;
        const skpi__cell *cell = &ds->columns[pr->metric].by_channel[pr->channel];
        size_t points = 0;
        for (size_t k = i; k < j; k++) points += pl->r[k].f.n;
        if (points > 0) {
            if (cell->series) rc = skpi_series_clone(&pr->series, cell->series);
            else rc = skpi_series_new(&pr->series, pl->r[i].f.metric, pl->r[i].f.channel);
            if (rc != SKPI_OK) goto fail;
            for (size_t k = i; k < j; k++) {
                if (pl->r[k].f.n == 0) continue;
                rc = skpi_series_append(pr->series, pl->r[k].f.times, pl->r[k].f.values,
                                        pl->r[k].f.n);
                if (rc != SKPI_OK) goto fail;
            }
        }
        size_t cap = cell->cov.n + (j - i);
        pr->cov.ranges = skpi__reallocarray(NULL, cap, sizeof *pr->cov.ranges);
        if (!pr->cov.ranges) goto nomem;
        if (cell->cov.n) memcpy(pr->cov.ranges, cell->cov.ranges, cell->cov.n * sizeof *pr->cov.ranges);
        for (size_t k = i; k < j; k++) pr->cov.ranges[cell->cov.n + k - i] = pl->r[k].f.period;
        pr->cov.n = merge_periods(pr->cov.ranges, cap);
        i = j;
    }
    /* Swap in: nothing below can fail. */
    if (key) skpi__channel_push(ds, key, net_len);
    for (size_t i = 0; i < n_prep; i++) {
        skpi__cell *cell = &ds->columns[prep[i].metric].by_channel[prep[i].channel];
        if (prep[i].series) {
            skpi_series_free(cell->series);
            cell->series = prep[i].series;
            skpi__cell_refresh(cell);
        }
        skpi__coverage_free(&cell->cov);
        cell->cov = prep[i].cov;
    }
    skpi__free(prep);
    return SKPI_OK;
nomem:
    rc = skpi__nomem();
fail:
    if (prep)
        for (size_t i = 0; i < n_prep; i++) {
            skpi_series_free(prep[i].series);
            skpi__coverage_free(&prep[i].cov);
        }
    skpi__free(prep);
    skpi__free(key);
    skpi__dataset_release_unused(ds);
    return rc;
}

int skpi__dataset_ensure(skpi_dataset *ds, const skpi__query *q, const char *selector,
                         const skpi_period *periods, size_t n_periods)
{
    /* Inside a savepoint the source is not asked: what it gave would be
     * recorded as covered, and a rollback could not take that back. */
    if (!ds->has_source || ds->txn) return SKPI_OK;
    skpi__selector sel;
    int rc = skpi__selector_parse(&sel, ds, selector);
    if (rc != SKPI_OK) return rc;
    skpi_period want[4];
    if (n_periods > sizeof want / sizeof want[0]) return skpi__error(SKPI_EINVAL, "too many periods");
    memcpy(want, periods, n_periods * sizeof *want);
    n_periods = merge_periods(want, n_periods);

    /* The distinct flows and stocks behind the metric. */
    uint32_t metrics[SKPI__MAX_LEAVES];
    size_t nm = 0;
    for (size_t i = 0; i < q->n_leaves; i++) {
        bool seen = false;
        for (size_t j = 0; j < nm && !seen; j++) seen = metrics[j] == q->leaves[i].metric;
        if (!seen) metrics[nm++] = q->leaves[i].metric;
    }
    static const skpi__coverage none = { NULL, 0 };
    plan pl = { NULL, 0, 0 };
    const char *new_channel = NULL;
    uint32_t c;
    if (sel.kind == SKPI__SEL_EXACT && sel.exact < 0) {
        /* A channel nobody mentioned yet: the source may know it. */
        new_channel = selector;
        for (size_t m = 0; m < nm && rc == SKPI_OK; m++)
            for (size_t k = 0; k < n_periods && rc == SKPI_OK; k++)
                rc = plan_gaps(&pl, &none, want[k], metrics[m], -1, selector,
                               ds->cat->metrics[metrics[m]]->key);
    }
    while (rc == SKPI_OK && skpi__selector_next(&sel, ds, &c)) {
        for (size_t m = 0; m < nm && rc == SKPI_OK; m++) {
            const skpi__cell *cell = skpi__cell_at(ds, metrics[m], c);
            for (size_t k = 0; k < n_periods && rc == SKPI_OK; k++)
                rc = plan_gaps(&pl, cell ? &cell->cov : &none, want[k], metrics[m], (long)c,
                               ds->channels[c].key, ds->cat->metrics[metrics[m]]->key);
        }
    }
    if (rc == SKPI_OK && pl.n > 0) {
        rc = plan_fetch(ds, &pl);
        if (rc == SKPI_OK) rc = plan_commit(ds, &pl, new_channel);
    }
    plan_free(&pl);
    return rc;
}
