/* Posts: adding and updating them, their metric values, and per-post values
 * of any metric, derived ones included. */
#include "dataset/dataset_internal.h"

#include <math.h>
#include <string.h>

typedef struct post_key {
    uint32_t channel;
    const char *id;
} post_key;

static uint64_t post_hash(uint32_t channel, const char *id)
{
    return skpi__hash_bytes(id, strlen(id), (uint64_t)channel * UINT64_C(0x9E3779B97F4A7C15));
}

uint64_t skpi__post_hash_at(const void *ctx, uint32_t index)
{
    const skpi_dataset *ds = ctx;
    return post_hash(ds->posts[index]->channel, ds->posts[index]->id);
}

static bool post_eq_at(const void *ctx, uint32_t index, const void *key)
{
    const skpi_dataset *ds = ctx;
    const post_key *k = key;
    return ds->posts[index]->channel == k->channel && strcmp(ds->posts[index]->id, k->id) == 0;
}

static long post_find(const skpi_dataset *ds, const char *channel, const char *id)
{
    long c = skpi__channel_find(ds, channel);
    if (c < 0) return -1;
    post_key k = { (uint32_t)c, id };
    return skpi__htab_find(&ds->post_index, post_hash(k.channel, id), post_eq_at, ds, &k);
}

void skpi__post_free(skpi_post *p)
{
    if (!p) return;
    skpi__free(p->id);
    skpi__free(p->type);
    skpi__free(p->text);
    skpi__free(p->link);
    skpi__free(p->values);
    skpi__free(p->tags);
    skpi__free(p);
}

int skpi_dataset_add_post(skpi_dataset *ds, const char *channel, const char *id,
                          skpi_time published, const char *type, const char *text,
                          const char *link)
{
    if (!ds || !channel || !id)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_add_post: NULL dataset, channel or id");
    if (id[0] == '\0') return skpi__error(SKPI_EINVAL, "skpi_dataset_add_post: empty post id");
    size_t net_len = 0;
    long ci = skpi__channel_find(ds, channel);
    int rc;
    if (ci < 0 && (rc = skpi__channel_check(channel, &net_len, "channel")) != SKPI_OK) return rc;
    if (published < SKPI_TIME_MIN || published >= SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE, "post '%s': published time %lld is outside years 1 to 9999",
                           id, (long long)published);
    char *t = skpi__strdup(type ? type : "");
    char *x = skpi__strdup(text ? text : "");
    char *l = skpi__strdup(link ? link : "");
    if (!t || !x || !l) goto nomem;
    long pi = ci >= 0 ? post_find(ds, channel, id) : -1;
    if (pi >= 0) {
        /* Importers add the same post again: update it in place. */
        if (skpi__savepoint_save_post(ds, (size_t)pi) != SKPI_OK) goto nomem;
        skpi_post *p = ds->posts[pi];
        skpi__free(p->type);
        skpi__free(p->text);
        skpi__free(p->link);
        p->type = t;
        p->text = x;
        p->link = l;
        p->kind = skpi__kind_of_raw(t);
        p->published = published;
        skpi__post_columns_stale(ds);
        return SKPI_OK;
    }
    char *key = NULL;
    skpi_post *p = skpi__calloc(1, sizeof *p);
    if (!p || !(p->id = skpi__strdup(id))) goto nomem_post;
    if (ci < 0) {
        if (!(key = skpi__strdup(channel))) goto nomem_post;
        if ((rc = skpi__channel_reserve(ds, 1)) != SKPI_OK) goto fail_post;
    }
    if (ds->n_posts >= UINT32_MAX - 1) {
        rc = skpi__error(SKPI_ERANGE, "too many posts");
        goto fail_post;
    }
    if (ds->n_posts == ds->cap_posts) {
        size_t cap = ds->cap_posts ? ds->cap_posts * 2 : 16;
        skpi_post **a = skpi__reallocarray(ds->posts, cap, sizeof *a);
        if (!a) goto nomem_post;
        ds->posts = a;
        ds->cap_posts = cap;
    }
    if (skpi__htab_reserve(&ds->post_index, ds->n_posts + 1, skpi__post_hash_at, ds) != SKPI_OK)
        goto nomem_post;
    /* Commit. */
    p->ds = ds;
    p->channel = ci >= 0 ? (uint32_t)ci : skpi__channel_push(ds, key, net_len);
    p->published = published;
    p->type = t;
    p->text = x;
    p->link = l;
    p->kind = skpi__kind_of_raw(t);
    ds->posts[ds->n_posts] = p;
    skpi__htab_insert(&ds->post_index, post_hash(p->channel, p->id), (uint32_t)ds->n_posts);
    ds->n_posts++;
    skpi__post_columns_stale(ds);
    return SKPI_OK;
nomem_post:
    rc = skpi__nomem();
fail_post:
    skpi__post_free(p);
    skpi__free(key);
    skpi__dataset_release_unused(ds);
    goto fail;
nomem:
    rc = skpi__nomem();
fail:
    skpi__free(t);
    skpi__free(x);
    skpi__free(l);
    return rc;
}

int skpi_dataset_set_post_value(skpi_dataset *ds, const char *channel, const char *id,
                                const char *metric, double value)
{
    if (!ds || !channel || !id || !metric)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_set_post_value: NULL argument");
    long pi = post_find(ds, channel, id);
    if (pi < 0)
        return skpi__error(SKPI_ENOTFOUND, "no post '%s' on channel '%s'", id, channel);
    long mi = skpi__catalog_lookup(ds->cat, metric);
    if (mi < 0) return skpi__error(SKPI_ENOTFOUND, "unknown metric key '%s'", metric);
    if (ds->cat->metrics[mi]->kind == SKPI_KIND_DERIVED)
        return skpi__error(SKPI_EINVAL, "'%s' is a derived metric; set its components", metric);
    if (isinf(value))
        return skpi__error(SKPI_EINVAL, "post '%s': %s is infinite", id, metric);
    if (skpi__savepoint_save_post(ds, (size_t)pi) != SKPI_OK) return SKPI_ENOMEM;
    skpi__post_columns_stale(ds);
    skpi_post *p = ds->posts[pi];
    for (size_t i = 0; i < p->n_values; i++) {
        if (p->values[i].metric != (uint32_t)mi) continue;
        if (isnan(value)) p->values[i] = p->values[--p->n_values];
        else p->values[i].value = value;
        return SKPI_OK;
    }
    if (isnan(value)) return SKPI_OK;
    if (p->n_values == p->cap_values) {
        size_t cap = p->cap_values ? p->cap_values * 2 : 8;
        skpi__post_value *v = skpi__reallocarray(p->values, cap, sizeof *v);
        if (!v) return skpi__nomem();
        p->values = v;
        p->cap_values = cap;
    }
    p->values[p->n_values].metric = (uint32_t)mi;
    p->values[p->n_values].value = value;
    p->n_values++;
    return SKPI_OK;
}

size_t skpi_dataset_post_count(const skpi_dataset *ds) { return ds ? ds->n_posts : 0; }

const skpi_post *skpi_dataset_post(const skpi_dataset *ds, size_t index)
{
    if (!ds || index >= ds->n_posts) return NULL;
    return ds->posts[index];
}

int skpi_dataset_find_post(size_t *out, const skpi_dataset *ds, const char *channel, const char *id)
{
    if (!out || !ds || !channel || !id)
        return skpi__error(SKPI_EMISUSE, "skpi_dataset_find_post: NULL argument");
    long pi = post_find(ds, channel, id);
    if (pi < 0) return skpi__error(SKPI_ENOTFOUND, "no post '%s' on channel '%s'", id, channel);
    *out = (size_t)pi;
    return SKPI_OK;
}

const char *skpi_post_id(const skpi_post *p) { return p ? p->id : NULL; }
const char *skpi_post_channel(const skpi_post *p)
{
    return p ? p->ds->channels[p->channel].key : NULL;
}
skpi_time skpi_post_published(const skpi_post *p) { return p ? p->published : 0; }
const char *skpi_post_type(const skpi_post *p) { return p ? p->type : NULL; }
const char *skpi_post_text(const skpi_post *p) { return p ? p->text : NULL; }
const char *skpi_post_link(const skpi_post *p) { return p ? p->link : NULL; }

/* The last present value of a stock's series at or before t. */
static bool stock_at(double *out, const skpi_series *s, skpi_time t)
{
    size_t n = skpi_series_length(s);
    if (n == 0) return false;
    const skpi_time *times = skpi_series_times(s);
    const double *v = skpi_series_values(s);
    size_t lo = 0, hi = n; /* first index with times > t */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (times[mid] <= t) lo = mid + 1;
        else hi = mid;
    }
    while (lo > 0) {
        if (!isnan(v[lo - 1])) { *out = v[lo - 1]; return true; }
        lo--;
    }
    return false;
}

bool skpi__post_leaves(double *values, const skpi_post *p, const skpi__query *q)
{
    const skpi_dataset *ds = p->ds;
    for (size_t i = 0; i < q->n_leaves; i++) {
        uint32_t m = q->leaves[i].metric;
        bool found = false;
        for (size_t j = 0; j < p->n_values && !found; j++)
            if (p->values[j].metric == m) { values[i] = p->values[j].value; found = true; }
        if (!found && ds->cat->metrics[m]->kind == SKPI_KIND_STOCK)
            found = stock_at(&values[i], skpi__series_at(ds, m, p->channel), p->published);
        if (!found) return false;
    }
    return true;
}

/* Evaluate a prepared query on one post. */
void skpi__post_eval(skpi_value *out, const skpi_post *p, const skpi__query *q)
{
    const skpi_dataset *ds = p->ds;
    double values[SKPI__MAX_LEAVES];
    out->value = NAN;
    if (q->uses_days) {
        out->availability = SKPI_UNSUPPORTED;
        return;
    }
    if (!skpi__post_leaves(values, p, q)) {
        out->availability = SKPI_MISSING;
        return;
    }
    skpi__post_eval_leaves(out, ds, q, values);
}

void skpi__post_eval_leaves(skpi_value *out, const skpi_dataset *ds, const skpi__query *q,
                            const double *values)
{
    out->value = NAN;
    bool div_zero;
    double v = skpi__metric_eval(ds->cat, q->metric, q->leaves, values, q->n_leaves, 1.0, &div_zero);
    if (div_zero) { out->availability = SKPI_DENOMINATOR_ZERO; return; }
    if (!isfinite(v)) { out->availability = SKPI_UNSUPPORTED; return; } /* overflow */
    out->value = v;
    out->availability = SKPI_AVAILABLE;
}

int skpi_post_value(skpi_value *out, const skpi_post *p, const char *metric)
{
    if (!out || !p || !metric) return skpi__error(SKPI_EMISUSE, "skpi_post_value: NULL argument");
    skpi__query q;
    int rc = skpi__query_prepare(&q, p->ds, metric, "skpi_post_value");
    if (rc != SKPI_OK) return rc;
    skpi__post_eval(out, p, &q);
    return SKPI_OK;
}
