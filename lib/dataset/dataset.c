/* The dataset handle: creation, the catalog, resolution, and series storage
 * per (metric, channel). */
#include "dataset/dataset_internal.h"

#include <math.h>
#include <string.h>

int skpi_dataset_new(skpi_dataset **out, const skpi_catalog *catalog)
{
    if (!out) return skpi__error(SKPI_EMISUSE, "skpi_dataset_new: out is NULL");
    skpi_dataset *ds = skpi__calloc(1, sizeof *ds);
    if (!ds) return skpi__nomem();
    ds->resolution = 86400;
    if (catalog && !catalog->builtin) {
        /* Hosts may keep editing their catalog; the dataset keeps its own. */
        int rc = skpi__catalog_clone(&ds->own_catalog, catalog);
        if (rc != SKPI_OK) {
            skpi__free(ds);
            return rc;
        }
        ds->cat = ds->own_catalog;
    } else {
        ds->cat = skpi_catalog_builtin();
    }
    ds->columns = skpi__calloc(ds->cat->count ? ds->cat->count : 1, sizeof *ds->columns);
    if (!ds->columns || skpi__post_columns_new(&ds->post_columns, ds->cat->count) != SKPI_OK) {
        skpi__free(ds->columns);
        skpi_catalog_free(ds->own_catalog);
        skpi__free(ds);
        return skpi__nomem();
    }
    *out = ds;
    return SKPI_OK;
}

void skpi__coverage_free(skpi__coverage *c)
{
    skpi__free(c->ranges);
    c->ranges = NULL;
    c->n = 0;
}

void skpi_dataset_free(skpi_dataset *ds)
{
    if (!ds) return;
    skpi__dataset_savepoint_commit(ds); /* an open savepoint's saved copies */
    for (size_t m = 0; m < ds->cat->count; m++) {
        skpi__column *col = &ds->columns[m];
        for (size_t c = 0; c < col->cap; c++) {
            skpi_series_free(col->by_channel[c].series);
            skpi__coverage_free(&col->by_channel[c].cov);
        }
        skpi__free(col->by_channel);
    }
    skpi__free(ds->columns);
    for (size_t i = 0; i < ds->n_channels; i++) skpi__free(ds->channels[i].key);
    skpi__free(ds->channels);
    skpi__htab_free(&ds->channel_index);
    for (size_t i = 0; i < ds->n_groups; i++) {
        skpi__free(ds->groups[i].name);
        skpi__free(ds->groups[i].members);
    }
    skpi__free(ds->groups);
    for (size_t i = 0; i < ds->n_competitors; i++) skpi__free(ds->competitors[i]);
    skpi__free(ds->competitors);
    for (size_t i = 0; i < ds->n_posts; i++) skpi__post_free(ds->posts[i]);
    skpi__free(ds->posts);
    skpi__htab_free(&ds->post_index);
    skpi__post_columns_free(ds->post_columns);
    skpi_catalog_free(ds->own_catalog);
    skpi__free(ds);
}

const skpi_catalog *skpi_dataset_catalog(const skpi_dataset *ds) { return ds ? ds->cat : NULL; }

int skpi_dataset_set_resolution(skpi_dataset *ds, int64_t seconds)
{
    if (!ds) return skpi__error(SKPI_EMISUSE, "skpi_dataset_set_resolution: dataset is NULL");
    if (seconds < 0 || seconds > SKPI__RESOLUTION_MAX)
        return skpi__error(SKPI_ERANGE, "resolution %lld s: expected 0 (off) or 1 to %lld s",
                           (long long)seconds, (long long)SKPI__RESOLUTION_MAX);
    ds->resolution = seconds;
    return SKPI_OK;
}

int64_t skpi_dataset_resolution(const skpi_dataset *ds) { return ds ? ds->resolution : 0; }

static bool column_empty(const skpi__column *col)
{
    for (size_t c = 0; c < col->cap; c++)
        if (col->by_channel[c].series || col->by_channel[c].cov.n) return false;
    return true;
}

void skpi__dataset_release_unused(skpi_dataset *ds)
{
    if (ds->n_channels == 0) {
        skpi__free(ds->channels);
        ds->channels = NULL;
        ds->cap_channels = 0;
        skpi__htab_free(&ds->channel_index);
    }
    if (ds->n_posts == 0) {
        skpi__free(ds->posts);
        ds->posts = NULL;
        ds->cap_posts = 0;
        skpi__htab_free(&ds->post_index);
    }
    if (ds->n_groups == 0) {
        skpi__free(ds->groups);
        ds->groups = NULL;
    }
    for (size_t m = 0; m < ds->cat->count; m++) {
        skpi__column *col = &ds->columns[m];
        if (col->cap && column_empty(col)) {
            skpi__free(col->by_channel);
            col->by_channel = NULL;
            col->cap = 0;
        }
    }
}

int skpi__column_reserve(skpi_dataset *ds, uint32_t metric, size_t channel)
{
    skpi__column *col = &ds->columns[metric];
    if (channel < col->cap) return SKPI_OK;
    size_t cap = col->cap ? col->cap : 8;
    while (cap <= channel) cap *= 2;
    skpi__cell *cells = skpi__reallocarray(col->by_channel, cap, sizeof *cells);
    if (!cells) return skpi__nomem();
    memset(cells + col->cap, 0, (cap - col->cap) * sizeof *cells);
    col->by_channel = cells;
    col->cap = cap;
    return SKPI_OK;
}

int skpi_dataset_append(skpi_dataset *ds, const char *metric, const char *channel,
                        const skpi_time *times, const double *values, size_t n)
{
    if (!ds || !metric || !channel || (n > 0 && (!times || !values)))
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_append: NULL argument");
    long mi = skpi__catalog_lookup(ds->cat, metric);
    if (mi < 0) return skpi__error(SKPI_ENOTFOUND, "unknown metric key '%s'", metric);
    if (ds->cat->metrics[mi]->kind == SKPI_KIND_DERIVED)
        return skpi__error(SKPI_EINVAL, "'%s' is a derived metric (%s); append its components "
                           "instead", metric, ds->cat->metrics[mi]->formula);
    if (n == 0) return skpi__error(SKPI_EINVAL, "skpi_dataset_append: no points (n is 0)");
    size_t net_len = 0;
    long ci = skpi__channel_find(ds, channel);
    int rc;
    if (ci < 0 && (rc = skpi__channel_check(channel, &net_len, "channel")) != SKPI_OK) return rc;
    if (ci < 0 && (rc = skpi__channel_reserve(ds, 1)) != SKPI_OK) goto fail;
    size_t cindex = ci >= 0 ? (size_t)ci : ds->n_channels;
    if ((rc = skpi__column_reserve(ds, (uint32_t)mi, cindex)) != SKPI_OK) goto fail;
    if ((rc = skpi__savepoint_save_cell(ds, (uint32_t)mi, (uint32_t)cindex, times, n)) != SKPI_OK)
        goto fail;
    skpi__cell *cell = &ds->columns[mi].by_channel[cindex];
    if (cell->series) {
        rc = skpi_series_append(cell->series, times, values, n);
        if (rc == SKPI_OK) skpi__cell_refresh(cell);
        return rc;
    }
    /* A new series and perhaps a new channel: build both, then commit. */
    char *key = NULL;
    if (ci < 0 && !(key = skpi__strdup(channel))) { rc = skpi__nomem(); goto fail; }
    skpi_series *s = NULL;
    if ((rc = skpi_series_new(&s, metric, channel)) != SKPI_OK
        || (rc = skpi_series_append(s, times, values, n)) != SKPI_OK) {
        skpi_series_free(s);
        skpi__free(key);
        goto fail;
    }
    if (key) skpi__channel_push(ds, key, net_len);
    cell->series = s;
    skpi__cell_refresh(cell);
    return SKPI_OK;
fail:
    /* Room reserved for a first entry would outlive the failed call. */
    skpi__dataset_release_unused(ds);
    return rc;
}

int skpi_dataset_series(const skpi_series **out, const skpi_dataset *ds, const char *metric,
                        const char *channel)
{
    if (!out || !ds || !metric || !channel)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_series: NULL argument");
    long mi = skpi__catalog_lookup(ds->cat, metric);
    if (mi < 0) return skpi__error(SKPI_ENOTFOUND, "unknown metric key '%s'", metric);
    long ci = skpi__channel_find(ds, channel);
    const skpi_series *s = ci >= 0 ? skpi__series_at(ds, (uint32_t)mi, (uint32_t)ci) : NULL;
    if (!s || skpi_series_length(s) == 0)
        return skpi__error(SKPI_ENOTFOUND, "no series of '%s' on channel '%s'", metric, channel);
    *out = s;
    return SKPI_OK;
}

int skpi_dataset_extent(skpi_period *out, const skpi_dataset *ds, const char *metric,
                        const char *selector)
{
    if (!out || !ds || !metric || !selector)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_extent: NULL argument");
    skpi__query q;
    int rc = skpi__query_prepare(&q, ds, metric, "skpi_dataset_extent");
    if (rc != SKPI_OK) return rc;
    skpi__selector sel;
    if ((rc = skpi__selector_parse(&sel, ds, selector)) != SKPI_OK) return rc;
    bool any = false;
    skpi_time lo = 0, hi = 0;
    uint32_t c;
    while (skpi__selector_next(&sel, ds, &c)) {
        for (size_t i = 0; i < q.n_leaves; i++) {
            const skpi_series *s = skpi__series_at(ds, q.leaves[i].metric, c);
            size_t n = skpi_series_length(s);
            if (n == 0) continue;
            const skpi_time *t = skpi_series_times(s);
            if (!any || t[0] < lo) lo = t[0];
            if (!any || t[n - 1] > hi) hi = t[n - 1];
            any = true;
        }
    }
    if (!any)
        return skpi__error(SKPI_ENOTFOUND, "no data of '%s' for selector '%s'", metric, selector);
    out->start = lo;
    out->end = hi + 1;
    return SKPI_OK;
}
