/* The posts' figures as columns, for aggregates over many posts: the
 * publication time, channel and normalised kind of every post, and the values
 * of the metrics asked for, one contiguous array each. A post keeps its
 * values in an allocation of its own, so reading a million posts costs a
 * million scattered reads; the columns cost one when built and contiguous
 * reads afterwards. Built on first use; any change to the posts marks them
 * stale and the next use builds them again. */
#include "dataset/dataset_internal.h"

#include <math.h>
#include <string.h>

int skpi__post_columns_new(skpi__post_columns **out, size_t n_metrics)
{
    skpi__post_columns *pc = skpi__calloc(1, sizeof *pc);
    if (!pc) return skpi__nomem();
    pc->values = skpi__calloc(n_metrics ? n_metrics : 1, sizeof *pc->values);
    if (!pc->values) {
        skpi__free(pc);
        return skpi__nomem();
    }
    pc->n_metrics = n_metrics;
    *out = pc;
    return SKPI_OK;
}

/* Drop every array: the columns are built afresh when next used. */
static void clear(skpi__post_columns *pc)
{
    skpi__free(pc->published);
    skpi__free(pc->channel);
    skpi__free(pc->kind);
    pc->published = NULL;
    pc->channel = NULL;
    pc->kind = NULL;
    for (size_t m = 0; m < pc->n_metrics; m++) {
        skpi__free(pc->values[m]);
        pc->values[m] = NULL;
    }
    pc->n = 0;
    pc->valid = false;
}

void skpi__post_columns_free(skpi__post_columns *pc)
{
    if (!pc) return;
    clear(pc);
    skpi__free(pc->values);
    skpi__free(pc->scratch);
    skpi__free(pc);
}

void skpi__post_columns_stale(skpi_dataset *ds)
{
    if (ds->post_columns) ds->post_columns->stale = true;
}

/* Metric columns one pass over the posts fills at most. */
#define BATCH 8

typedef struct batch {
    bool base;           /* the publication times, channels and kinds too */
    uint32_t metric[BATCH];
    double *col[BATCH];
    size_t n;
} batch;

static int alloc_base(skpi__post_columns *pc, size_t n)
{
    pc->published = skpi__reallocarray(NULL, n, sizeof *pc->published);
    pc->channel = skpi__reallocarray(NULL, n, sizeof *pc->channel);
    pc->kind = skpi__reallocarray(NULL, n, sizeof *pc->kind);
    return pc->published && pc->channel && pc->kind ? SKPI_OK : skpi__nomem();
}

/* One pass over the posts fills the batch's columns: each post's
 * allocations are read once, however many columns are built. */
static void fill(skpi__post_columns *pc, const skpi_dataset *ds, const batch *b)
{
    if (!b->base && b->n == 0) return; /* all there */
    long media_metric = skpi__kind_media_metric(ds);
    if (b->base) {
        pc->first = INT64_MAX;
        pc->last = INT64_MIN;
        memset(pc->kind_posts, 0, sizeof pc->kind_posts);
    }
    for (size_t i = 0; i < ds->n_posts; i++) {
        if (i + 8 < ds->n_posts) {
            __builtin_prefetch(ds->posts[i + 8]);
            __builtin_prefetch(ds->posts[i + 4]->values);
        }
        const skpi_post *p = ds->posts[i];
        if (b->base) {
            pc->published[i] = p->published;
            pc->channel[i] = p->channel;
            /* the kind read off a post without a raw type is kept too: it
             * only changes with the post */
            pc->kind[i] = skpi__post_kind(p, media_metric);
            pc->kind_posts[pc->kind[i]]++;
            if (p->published < pc->first) pc->first = p->published;
            if (p->published > pc->last) pc->last = p->published;
        }
        /* a stored value is never NaN: setting NaN removes it */
        for (size_t k = 0; k < b->n; k++) b->col[k][i] = NAN;
        for (size_t j = 0; j < p->n_values; j++)
            for (size_t k = 0; k < b->n; k++)
                if (p->values[j].metric == b->metric[k]) b->col[k][i] = p->values[j].value;
    }
    for (size_t k = 0; k < b->n; k++) pc->values[b->metric[k]] = b->col[k];
    if (b->base) {
        pc->n = ds->n_posts;
        pc->valid = true;
    }
}

static bool in_batch(const batch *b, uint32_t m)
{
    for (size_t k = 0; k < b->n; k++)
        if (b->metric[k] == m) return true;
    return false;
}

int skpi__post_columns_ensure(const skpi_dataset *ds, const skpi__query *const *queries, size_t n)
{
    skpi__post_columns *pc = ds->post_columns;
    if (pc->stale || (pc->valid && pc->n != ds->n_posts)) clear(pc);
    pc->stale = false;
    size_t rows = ds->n_posts ? ds->n_posts : 1;
    batch b = { .base = !pc->valid };
    if (b.base && alloc_base(pc, rows) != SKPI_OK) {
        clear(pc);
        return SKPI_ENOMEM;
    }
    for (size_t q = 0; q < n; q++)
        for (size_t k = 0; k < queries[q]->n_leaves; k++) {
            uint32_t m = queries[q]->leaves[k].metric;
            if (pc->values[m] || in_batch(&b, m)) continue;
            if (b.n == BATCH) {
                fill(pc, ds, &b);
                b.base = false;
                b.n = 0;
            }
            double *v = skpi__reallocarray(NULL, rows, sizeof *v);
            if (!v) {
                for (size_t j = 0; j < b.n; j++) skpi__free(b.col[j]);
                if (b.base) clear(pc);
                return skpi__nomem();
            }
            b.metric[b.n] = m;
            b.col[b.n++] = v;
        }
    fill(pc, ds, &b);
    return SKPI_OK;
}

/* Kept between calls, and not dropped with the columns: on a large
 * dataset the first writes to freshly mapped pages took longer than the
 * grouping itself. */
double *skpi__post_columns_scratch(const skpi_dataset *ds, size_t n)
{
    skpi__post_columns *pc = ds->post_columns;
    if (n == 0) n = 1;
    if (n <= pc->scratch_cap) return pc->scratch;
    double *s = skpi__reallocarray(NULL, n, sizeof *s);
    if (!s) {
        skpi__nomem();
        return NULL;
    }
    skpi__free(pc->scratch);
    pc->scratch = s;
    pc->scratch_cap = n;
    return s;
}

bool skpi__post_columns_leaves(double *values, const skpi_dataset *ds, const skpi__query *q, size_t i)
{
    const skpi__post_columns *pc = ds->post_columns;
    for (size_t k = 0; k < q->n_leaves; k++) {
        uint32_t m = q->leaves[k].metric;
        double v = pc->values[m][i];
        if (isnan(v)) {
            /* a stock the post lacks is read off its channel's series */
            return ds->cat->metrics[m]->kind == SKPI_KIND_STOCK &&
                   skpi__post_leaves(values, ds->posts[i], q);
        }
        values[k] = v;
    }
    return true;
}
