/* Datasets and the store: saving a dataset's series and posts, loading a
 * period of the store into a dataset, or backing a dataset by the store. */
#include "store/store_internal.h"
#include "core/internal.h"

#include <math.h>
#include <string.h>

/* The last present value of a channel's stock at or before t: what a post
 * without its own value of the stock reads (dataset.h, skpi_post_value()). */
static double channel_stock(const skpi_dataset *ds, const char *metric, const char *channel,
                            skpi_time t)
{
    const skpi_series *s;
    if (skpi_dataset_series(&s, ds, metric, channel) != SKPI_OK) return NAN;
    const skpi_time *times = skpi_series_times(s);
    const double *values = skpi_series_values(s);
    size_t lo = 0, hi = skpi_series_length(s);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (times[mid] <= t) lo = mid + 1;
        else hi = mid;
    }
    while (lo > 0) {
        lo--;
        if (!isnan(values[lo])) return values[lo];
    }
    return NAN;
}

static int is_stored_kind(const skpi_metric *m)
{
    int k = skpi_metric_kind_of(m);
    return k == SKPI_KIND_FLOW || k == SKPI_KIND_STOCK;
}

static int save_series(skpi_store *st, const skpi_dataset *ds, const skpi_catalog *cat,
                       const char *what)
{
    size_t channels = skpi_dataset_channel_count(ds), metrics = skpi_catalog_count(cat);
    for (size_t c = 0; c < channels; c++) {
        const char *channel = skpi_dataset_channel(ds, c);
        for (size_t i = 0; i < metrics; i++) {
            const skpi_metric *m = skpi_catalog_metric_at(cat, i);
            const skpi_series *s;
            if (!is_stored_kind(m) ||
                skpi_dataset_series(&s, ds, skpi_metric_key(m), channel) != SKPI_OK ||
                skpi_series_length(s) == 0)
                continue;
            int rc = skpi__store_write_points_in_tx(st, skpi_metric_key(m), channel,
                                                    skpi_series_times(s), skpi_series_values(s),
                                                    skpi_series_length(s), what);
            if (rc != SKPI_OK) return rc;
        }
    }
    return SKPI_OK;
}

static int save_posts(skpi_store *st, const skpi_dataset *ds, const skpi_catalog *cat,
                      const char *what)
{
    size_t posts = skpi_dataset_post_count(ds), metrics = skpi_catalog_count(cat);
    for (size_t p = 0; p < posts; p++) {
        const skpi_post *post = skpi_dataset_post(ds, p);
        const char *channel = skpi_post_channel(post), *id = skpi_post_id(post);
        skpi_time published = skpi_post_published(post);
        int rc = skpi__store_put_post(st, channel, id, published, skpi_post_type(post),
                                      skpi_post_text(post), skpi_post_link(post), what);
        if (rc == SKPI_OK) rc = skpi__store_put_post_tags(st, post, what);
        for (size_t i = 0; i < metrics && rc == SKPI_OK; i++) {
            const skpi_metric *m = skpi_catalog_metric_at(cat, i);
            if (!is_stored_kind(m)) continue;
            const char *key = skpi_metric_key(m);
            skpi_value v;
            rc = skpi_post_value(&v, post, key);
            if (rc != SKPI_OK || v.availability != SKPI_AVAILABLE) continue;
            /* a stock value equal to the channel's is what the post reads
             * anyway; only a value of the post's own is saved */
            if (skpi_metric_kind_of(m) == SKPI_KIND_STOCK &&
                channel_stock(ds, key, channel, published) == v.value)
                continue;
            rc = skpi__store_put_post_value(st, channel, id, key, v.value, what);
        }
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

int skpi_store_write_dataset(skpi_store *st, const skpi_dataset *ds)
{
    static const char what[] = "skpi_store_write_dataset";
    if (st == NULL || ds == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, st ? "dataset" : "store");
    const skpi_catalog *cat = skpi_dataset_catalog(ds);
    int rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = save_series(st, ds, cat, what);
    if (rc == SKPI_OK) rc = save_posts(st, ds, cat, what);
    return skpi__store_write_end(st, rc, what);
}

/* Reads of one load share a snapshot: a read transaction, unless the
 * handle's own write transaction is open (then it sees its writes). */
static int read_begin(skpi_store *st, int *began, const char *what)
{
    *began = 0;
    if (!sqlite3_get_autocommit(st->db)) return SKPI_OK;
    int rc = skpi__store_exec(st, "BEGIN", what);
    if (rc == SKPI_OK) *began = 1;
    return rc;
}

static void read_end(skpi_store *st, int began)
{
    /* a read transaction: rolling back ends it without needing memory */
    if (began) skpi__store_rollback_all(st);
}

static int load_channels(skpi_dataset *ds, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT channel FROM series UNION SELECT channel FROM "
                                 "post ORDER BY 1", what);
    if (rc != SKPI_OK) return rc;
    int src;
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *channel = (const char *)sqlite3_column_text(s, 0);
        rc = channel ? skpi_dataset_add_channel(ds, channel) : skpi__nomem();
        if (rc != SKPI_OK) break;
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}

static int catalog_has(const skpi_dataset *ds, const char *metric)
{
    const skpi_metric *m;
    return skpi_catalog_find(&m, skpi_dataset_catalog(ds), metric) == SKPI_OK && is_stored_kind(m);
}

static int load_series(skpi_dataset *ds, skpi_store *st, skpi_period period, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT id, metric, channel FROM series ORDER BY id",
                                 what);
    if (rc != SKPI_OK) return rc;
    int src;
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *metric = (const char *)sqlite3_column_text(s, 1);
        const char *channel = (const char *)sqlite3_column_text(s, 2);
        if (metric == NULL || channel == NULL) { rc = skpi__nomem(); break; }
        if (!catalog_has(ds, metric)) continue;
        skpi_time *t = NULL;
        double *v = NULL;
        size_t n = 0;
        rc = skpi__store_read_points(&t, &v, &n, st, sqlite3_column_int64(s, 0), period, what);
        if (rc == SKPI_OK && n > 0) rc = skpi_dataset_append(ds, metric, channel, t, v, n);
        skpi__free(t);
        skpi__free(v);
        if (rc != SKPI_OK) break;
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    return rc;
}

static int load_post_values(skpi_dataset *ds, skpi_store *st, sqlite3_stmt *vals,
                            sqlite3_int64 post, const char *channel, const char *id,
                            const char *what)
{
    sqlite3_reset(vals);
    sqlite3_bind_int64(vals, 1, post);
    int rc = SKPI_OK, src;
    while ((src = sqlite3_step(vals)) == SQLITE_ROW) {
        const char *metric = (const char *)sqlite3_column_text(vals, 0);
        if (metric == NULL) { rc = skpi__nomem(); break; }
        if (!catalog_has(ds, metric)) continue;
        rc = skpi_dataset_set_post_value(ds, channel, id, metric, sqlite3_column_double(vals, 1));
        if (rc != SKPI_OK) break;
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_reset(vals);
    return rc;
}

/* The tags saved with a post, in their order. */
static int load_post_tags(skpi_dataset *ds, skpi_store *st, sqlite3_stmt *tags,
                          sqlite3_int64 post, const char *channel, const char *id,
                          const char *what)
{
    sqlite3_reset(tags);
    sqlite3_bind_int64(tags, 1, post);
    int rc = SKPI_OK, src;
    while ((src = sqlite3_step(tags)) == SQLITE_ROW) {
        const char *tag = (const char *)sqlite3_column_text(tags, 0);
        if (tag == NULL) { rc = skpi__nomem(); break; }
        rc = skpi_dataset_add_post_tag(ds, channel, id, tag);
        if (rc != SKPI_OK) break;
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_reset(tags);
    return rc;
}

static int load_posts(skpi_dataset *ds, skpi_store *st, skpi_period period, const char *what)
{
    if (period.end <= period.start) return SKPI_OK;
    sqlite3_stmt *s = NULL, *vals = NULL, *tags = NULL;
    int rc = skpi__store_prepare(&s, st,
        "SELECT id, channel, post_id, published, type, text, link FROM post"
        " WHERE published >= ?1 AND published < ?2 ORDER BY published, channel, post_id", what);
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&vals, st, "SELECT metric, value FROM post_value WHERE post = ?1"
                                 " ORDER BY metric", what);
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&tags, st, "SELECT tag FROM post_tag WHERE post = ?1 ORDER BY position",
                                 what);
    int src = SQLITE_DONE;
    if (rc == SKPI_OK) {
        sqlite3_bind_int64(s, 1, period.start);
        sqlite3_bind_int64(s, 2, period.end);
    }
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        const char *col[6];
        for (int c = 1; c < 7; c++) {
            if (c == 3) continue;
            col[c - 1] = (const char *)sqlite3_column_text(s, c);
            if (col[c - 1] == NULL) rc = skpi__nomem();
        }
        if (rc != SKPI_OK) break;
        const char *channel = col[0], *id = col[1];
        rc = skpi_dataset_add_post(ds, channel, id, sqlite3_column_int64(s, 3), col[3], col[4],
                                   col[5]);
        if (rc == SKPI_OK)
            rc = load_post_values(ds, st, vals, sqlite3_column_int64(s, 0), channel, id, what);
        if (rc == SKPI_OK)
            rc = load_post_tags(ds, st, tags, sqlite3_column_int64(s, 0), channel, id, what);
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    sqlite3_finalize(vals);
    sqlite3_finalize(tags);
    return rc;
}

/* A new dataset on `catalog` (or the store's catalog) knowing the store's
 * channels and holding the posts of `posts`; series of `series` when
 * `series` is non-NULL. */
static int load(skpi_dataset **out, skpi_store *st, const skpi_catalog *catalog,
                const skpi_period *series, skpi_period posts, const char *what)
{
    skpi_catalog *own = NULL;
    int rc = SKPI_OK;
    if (catalog == NULL) {
        rc = skpi_store_read_catalog(&own, st, NULL);
        catalog = own;
    }
    skpi_dataset *ds = NULL;
    if (rc == SKPI_OK) rc = skpi_dataset_new(&ds, catalog);
    skpi_catalog_free(own); /* the dataset copied it */
    int began = 0;
    if (rc == SKPI_OK) rc = read_begin(st, &began, what);
    if (rc == SKPI_OK) rc = load_channels(ds, st, what);
    if (rc == SKPI_OK && series) rc = load_series(ds, st, *series, what);
    if (rc == SKPI_OK) rc = load_posts(ds, st, posts, what);
    read_end(st, began);
    if (rc != SKPI_OK) {
        skpi_dataset_free(ds);
        return rc;
    }
    *out = ds;
    return SKPI_OK;
}

int skpi_store_read_dataset(skpi_dataset **out, skpi_store *st, const skpi_catalog *catalog,
                            skpi_period period)
{
    static const char what[] = "skpi_store_read_dataset";
    if (out == NULL || st == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out ? "store" : "out");
    if (period.end <= period.start)
        return skpi__error(SKPI_EINVAL, "%s: the period is empty or ends before it starts", what);
    return load(out, st, catalog, &period, period, what);
}

int skpi_store_open_dataset(skpi_dataset **out, skpi_store *st, const skpi_catalog *catalog,
                            skpi_period posts)
{
    static const char what[] = "skpi_store_open_dataset";
    if (out == NULL || st == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out ? "store" : "out");
    if (posts.end < posts.start)
        return skpi__error(SKPI_EINVAL, "%s: the posts' period ends before it starts", what);
    skpi_dataset *ds;
    int rc = load(&ds, st, catalog, NULL, posts, what);
    if (rc != SKPI_OK) return rc;
    skpi_source src;
    skpi_store_source(&src, st);
    rc = skpi_dataset_set_source(ds, &src);
    if (rc != SKPI_OK) {
        skpi_dataset_free(ds);
        return rc;
    }
    *out = ds;
    return SKPI_OK;
}
