/* Posts grouped by normalised type or by tag: count, total, median per
 * post, a rate as a ratio of sums, share of the total, best and worst posts. */
#include "dataset/content.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct group {
    const char *key;      /* kind name (static) or tag spelling (owned when own_key) */
    bool own_key;
    size_t posts, valued;
    skpi__ksum total;
    size_t rate_posts;    /* posts whose rate components are all present */
    skpi_value median, rate, share;
    double lower, upper;  /* the middle values behind the median */
    size_t *top, *bottom; /* post indices */
    size_t n_top, n_bottom;
    bool too_few;
    double order;         /* the median, higher better whatever the metric's direction */
    skpi__scored *ranks;  /* while building: the best (ranked slots), then the worst */
    double bar[2];        /* what a post's value (times the sign, for the best; times
                           * minus the sign, for the worst) must reach to be ranked */
} group;

struct skpi_post_groups {
    group *g;
    size_t n, cap;
    group all;
    skpi__ksum *leaf_sums; /* n_leaves per group */
    skpi__ksum all_leaf_sums[SKPI__MAX_LEAVES];
    size_t n_leaves;
    skpi__htab tag_index;
    const skpi_dataset *ds;
};

static void group_release(group *g)
{
    if (g->own_key) skpi__free((char *)g->key);
    skpi__free(g->ranks);
    skpi__free(g->top);
    skpi__free(g->bottom);
}

void skpi_post_groups_free(skpi_post_groups *pg)
{
    if (!pg) return;
    for (size_t i = 0; i < pg->n; i++) group_release(&pg->g[i]);
    group_release(&pg->all);
    skpi__free(pg->g);
    skpi__free(pg->leaf_sums);
    skpi__htab_free(&pg->tag_index);
    skpi__free(pg);
}

/* ---- building ------------------------------------------------------------------ */

typedef struct build {
    skpi__content c;
    skpi_post_groups *pg;
    /* by tag: the metric's values with their group, for medians */
    uint32_t *eg;
    double *ev;
    size_t n_entries, cap_entries;
    double *all_values; /* by tag: every post's once, for the summary's median */
    size_t n_all;
    /* the values by group, group i's from start[i] on (g[i].valued of
     * them): by type in the dataset's scratch memory, by tag owned */
    double *by_group;
    size_t *start;
    uint32_t *top_count; /* by type: each group's values counted by their top digit */
    size_t leaf_cap; /* groups the leaf_sums array has room for */
    int by;
} build;

/* A new group; its leaf sums start at zero. */
static int add_group(build *b, const char *key, bool own)
{
    skpi_post_groups *pg = b->pg;
    size_t n_leaves = pg->n_leaves;
    if (!skpi__grow((void **)&pg->g, &pg->cap, pg->n + 1, sizeof *pg->g)) return skpi__nomem();
    if (pg->n + 1 > b->leaf_cap) {
        size_t cap = b->leaf_cap ? b->leaf_cap * 2 : 16;
        skpi__ksum *a = skpi__reallocarray(pg->leaf_sums, cap, n_leaves * sizeof *a + 1);
        if (!a) return skpi__nomem();
        pg->leaf_sums = a;
        b->leaf_cap = cap;
    }
    memset(&pg->leaf_sums[pg->n * n_leaves], 0, n_leaves * sizeof *pg->leaf_sums);
    memset(&pg->g[pg->n], 0, sizeof pg->g[pg->n]);
    pg->g[pg->n].ranks = skpi__reallocarray(NULL, 2 * b->c.ranked, sizeof *pg->g[pg->n].ranks);
    if (!pg->g[pg->n].ranks) return skpi__nomem();
    pg->g[pg->n].bar[0] = pg->g[pg->n].bar[1] = -INFINITY;
    pg->g[pg->n].key = key;
    pg->g[pg->n].own_key = own;
    pg->n++;
    return SKPI_OK;
}

static uint64_t tag_hash_at(const void *ctx, uint32_t i)
{
    const skpi_post_groups *pg = ctx;
    return skpi__tag_hash(pg->g[i].key, strlen(pg->g[i].key));
}

typedef struct tag_key {
    const char *s;
    size_t len;
} tag_key;

static bool tag_eq_at(const void *ctx, uint32_t i, const void *key)
{
    const skpi_post_groups *pg = ctx;
    const tag_key *k = key;
    return skpi__tag_equal(pg->g[i].key, strlen(pg->g[i].key), k->s, k->len);
}

/* The group of a tag, made when new. */
static int tag_group(build *b, const char *s, size_t len, uint32_t *out)
{
    skpi_post_groups *pg = b->pg;
    tag_key k = { s, len };
    uint64_t h = skpi__tag_hash(s, len);
    long i = skpi__htab_find(&pg->tag_index, h, tag_eq_at, pg, &k);
    if (i >= 0) {
        *out = (uint32_t)i;
        return SKPI_OK;
    }
    if (skpi__htab_reserve(&pg->tag_index, pg->n + 1, tag_hash_at, pg) != SKPI_OK) return skpi__nomem();
    char *key = skpi__malloc(len + 1);
    if (!key) return skpi__nomem();
    memcpy(key, s, len);
    key[len] = '\0';
    int rc = add_group(b, key, true);
    if (rc != SKPI_OK) {
        skpi__free(key);
        return rc;
    }
    skpi__htab_insert(&pg->tag_index, h, (uint32_t)(pg->n - 1));
    *out = (uint32_t)(pg->n - 1);
    return SKPI_OK;
}

#define MAX_POST_TAGS 256

/* Add a tag's group to the post's list unless it is there. */
static int add_tag(build *b, const char *s, size_t len, uint32_t *out, size_t *n)
{
    uint32_t gi = 0;
    int rc = tag_group(b, s, len, &gi);
    if (rc != SKPI_OK) return rc;
    for (size_t j = 0; j < *n; j++)
        if (out[j] == gi) return SKPI_OK;
    if (*n < MAX_POST_TAGS) out[(*n)++] = gi;
    return SKPI_OK;
}

/* The distinct groups of a post's tags: those it carries, then its hashtags. */
static int post_tag_groups(build *b, const skpi_post *p, uint32_t *out, size_t *n)
{
    *n = 0;
    int rc = SKPI_OK;
    const char *t = p->tags;
    for (size_t i = 0; i < p->n_tags && rc == SKPI_OK; i++) {
        size_t len = strlen(t);
        rc = add_tag(b, t, len, out, n);
        t += len + 1;
    }
    size_t pos = 0, start, len;
    while (rc == SKPI_OK && skpi__hashtag_next(p->text, &pos, &start, &len))
        rc = add_tag(b, p->text + start, len, out, n);
    return rc;
}

static int push_entry(build *b, uint32_t gi, double value)
{
    if (b->n_entries == b->cap_entries) {
        size_t cap = b->cap_entries ? b->cap_entries * 2 : 64;
        uint32_t *eg = skpi__reallocarray(b->eg, cap, sizeof *eg);
        if (!eg) return skpi__nomem();
        b->eg = eg;
        double *ev = skpi__reallocarray(b->ev, cap, sizeof *ev);
        if (!ev) return skpi__nomem();
        b->ev = ev;
        b->cap_entries = cap;
    }
    b->eg[b->n_entries] = gi;
    b->ev[b->n_entries++] = value;
    return SKPI_OK;
}

/* Keep the k best (by sign) in best[0..*n), best first, by insertion; *bar
 * becomes the k-th best's value times the sign once there are k. Most
 * posts fall short of the bar: their value alone says so. */
static inline void keep_best(const skpi_dataset *ds, skpi__scored *best, size_t *n, size_t k,
                             const skpi__scored *s, int sign, double *bar)
{
    if (*n == k && !skpi__scored_better(ds, s, &best[k - 1], sign)) return;
    size_t j = *n < k ? (*n)++ : k - 1;
    while (j > 0 && skpi__scored_better(ds, s, &best[j - 1], sign)) {
        best[j] = best[j - 1];
        j--;
    }
    best[j] = *s;
    if (*n == k) *bar = sign * best[k - 1].value;
}

/* Count one post in a group; inlined into both passes, as it runs for
 * every post. */
__attribute__((always_inline)) static inline void count_in(const build *b, group *g,
                                                           skpi__ksum *leaf_sums,
                                                           const skpi__scored *s,
                                                           const double *leaves, bool has_leaves,
                                                           size_t n_leaves)
{
    g->posts++;
    if (!isnan(s->value)) {
        g->valued++;
        skpi__ksum_add(&g->total, s->value);
        if (g->ranks) {
            size_t k = b->c.ranked;
            double v = b->c.sign * s->value;
            if (v >= g->bar[0]) keep_best(b->c.ds, g->ranks, &g->n_top, k, s, b->c.sign, &g->bar[0]);
            if (-v >= g->bar[1])
                keep_best(b->c.ds, g->ranks + k, &g->n_bottom, k, s, -b->c.sign, &g->bar[1]);
        }
    }
    if (has_leaves) {
        g->rate_posts++;
        for (size_t k = 0; k < n_leaves; k++) skpi__ksum_add(&leaf_sums[k], leaves[k]);
    }
}

/* The metric's value on post i, NaN when it has none: read straight off
 * its column when the metric is a flow or stock there (col), else by its
 * formula. */
static inline double figure(const skpi__content *c, const double *col, size_t i)
{
    if (col && isfinite(col[i])) return col[i];
    skpi_value v;
    skpi__content_eval(&v, c, &c->metric, i);
    return v.availability == SKPI_AVAILABLE ? v.value : NAN;
}

/* The values of the rate's components on post i, straight off their
 * columns unless one lacks (a stock then comes off its series). */
static inline bool rate_leaves(double *leaves, const skpi__content *c, const double *const *cols,
                               size_t i, size_t n_leaves)
{
    if (c->rate.uses_days) return false;
    bool all = true;
    for (size_t k = 0; k < n_leaves; k++) {
        leaves[k] = cols[k][i];
        all &= !isnan(leaves[k]);
    }
    return all || skpi__post_columns_leaves(leaves, c->ds, &c->rate, i);
}

/* What one pass reads of every post. */
typedef struct reader {
    const double *col;                        /* the metric's column, or NULL */
    const double *leaf_cols[SKPI__MAX_LEAVES];
} reader;

static void reader_init(reader *r, const skpi__content *c)
{
    const skpi_dataset *ds = c->ds;
    r->col = ds->cat->metrics[c->metric.metric]->kind != SKPI_KIND_DERIVED && !c->metric.uses_days ?
             c->cols->values[c->metric.metric] : NULL;
    for (size_t k = 0; k < c->rate.n_leaves; k++)
        r->leaf_cols[k] = c->cols->values[c->rate.leaves[k].metric];
}

/* Add a compensated sum to another: its running sum, then its correction. */
static void ksum_merge(skpi__ksum *into, const skpi__ksum *k)
{
    skpi__ksum_add(into, k->sum);
    skpi__ksum_add(into, k->c);
}

/* By type each post is in one group: the summary is the groups' sum. */
static void sum_up(skpi_post_groups *pg)
{
    group *all = &pg->all;
    for (size_t i = 0; i < pg->n; i++) {
        const group *g = &pg->g[i];
        all->posts += g->posts;
        all->valued += g->valued;
        all->rate_posts += g->rate_posts;
        ksum_merge(&all->total, &g->total);
        for (size_t k = 0; k < pg->n_leaves; k++)
            ksum_merge(&pg->all_leaf_sums[k], &pg->leaf_sums[i * pg->n_leaves + k]);
    }
}

/* By tag: where each group's values start in by_group, after the groups
 * before it. */
static int group_starts(build *b)
{
    skpi_post_groups *pg = b->pg;
    b->start = skpi__calloc(pg->n + 1, sizeof *b->start);
    if (!b->start) return skpi__nomem();
    for (size_t i = 0; i < pg->n; i++) b->start[i + 1] = b->start[i] + pg->g[i].valued;
    return SKPI_OK;
}

/* The pass of collect_by_type(), for a number of the rate's components
 * known where it is inlined: the usual ones get loops the compiler unrolls. */
__attribute__((always_inline)) static inline void type_pass(build *b, const reader *r,
                                                            double *by_group, size_t *at,
                                                            uint32_t *top_count, size_t n_leaves)
{
    skpi_post_groups *pg = b->pg;
    const skpi__content *c = &b->c;
    double leaves[SKPI__MAX_LEAVES];
    for (size_t i = 0; i < c->ds->n_posts; i++) {
        if (!skpi__content_selects(c, i)) continue;
        skpi__scored s = { figure(c, r->col, i), (uint32_t)i };
        bool has_leaves = rate_leaves(leaves, c, r->leaf_cols, i, n_leaves);
        uint32_t gi = skpi__content_kind(c, i);
        bool valued = !isnan(s.value);
        by_group[at[gi]] = s.value;
        at[gi] += valued;
        top_count[gi * SKPI__RADIX_BUCKETS + skpi__top_digit(s.value)] += valued;
        count_in(b, &pg->g[gi], &pg->leaf_sums[gi * n_leaves], &s, leaves, has_leaves, n_leaves);
    }
}

/* One pass over the post columns: each post counts in its group, and its
 * value goes straight into its group's part of by_group and is counted by
 * its top digit. A part has room for every post of its kind, chosen or
 * not, as the columns count them: no pass has to count them first. Group
 * i's values are then the first g[i].valued of its part. */
static int collect_by_type(build *b)
{
    skpi_post_groups *pg = b->pg;
    const skpi__content *c = &b->c;
    reader r;
    reader_init(&r, c);
    /* the values by type, then as many for the medians' work, then the
     * count by top digit */
    void *tail;
    double *by_group = skpi__content_scratch(c->ds, &tail);
    if (!by_group) return SKPI_ENOMEM;
    b->top_count = tail;
    memset(b->top_count, 0, pg->n * SKPI__RADIX_BUCKETS * sizeof *b->top_count);
    b->start = skpi__calloc(pg->n + 1, sizeof *b->start);
    if (!b->start) return skpi__nomem();
    for (size_t k = 0; k < pg->n; k++) b->start[k + 1] = b->start[k] + c->cols->kind_posts[k];
    size_t at[SKPI__KIND_COUNT];
    memcpy(at, b->start, sizeof at);
    uint32_t *tc = b->top_count;
    switch (pg->n_leaves) {
    case 0: type_pass(b, &r, by_group, at, tc, 0); break;
    case 1: type_pass(b, &r, by_group, at, tc, 1); break;
    case 2: type_pass(b, &r, by_group, at, tc, 2); break;
    default: type_pass(b, &r, by_group, at, tc, pg->n_leaves); break;
    }
    sum_up(pg);
    b->by_group = by_group;
    return SKPI_OK;
}

/* One pass over the post columns; a post counts in the group of each of
 * its tags, and once in the summary. */
static int collect_by_tag(build *b)
{
    const skpi_dataset *ds = b->c.ds;
    skpi_post_groups *pg = b->pg;
    const skpi__content *c = &b->c;
    double leaves[SKPI__MAX_LEAVES];
    uint32_t groups[MAX_POST_TAGS];
    int rc;
    size_t n_posts = ds->n_posts;
    b->all_values = skpi__reallocarray(NULL, n_posts ? n_posts : 1, sizeof *b->all_values);
    if (!b->all_values) return skpi__nomem();
    reader r;
    reader_init(&r, c);
    for (size_t i = 0; i < n_posts; i++) {
        if (!skpi__content_selects(c, i)) continue;
        skpi__scored s = { figure(c, r.col, i), (uint32_t)i };
        bool has_leaves = rate_leaves(leaves, c, r.leaf_cols, i, pg->n_leaves);
        size_t n = 0;
        if ((rc = post_tag_groups(b, ds->posts[i], groups, &n)) != SKPI_OK) return rc;
        for (size_t k = 0; k < n; k++) {
            if (!isnan(s.value) && (rc = push_entry(b, groups[k], s.value)) != SKPI_OK) return rc;
            count_in(b, &pg->g[groups[k]], &pg->leaf_sums[groups[k] * pg->n_leaves], &s, leaves,
                     has_leaves, pg->n_leaves);
        }
        if (!isnan(s.value)) b->all_values[b->n_all++] = s.value;
        count_in(b, &pg->all, pg->all_leaf_sums, &s, leaves, has_leaves, pg->n_leaves);
    }
    return SKPI_OK;
}

/* ---- figures ------------------------------------------------------------------- */

/* A group's figures from its nv values (overwritten); values NULL: its
 * middle values are set already. */
static int figures(build *b, group *g, double *values, size_t nv, const skpi__ksum *leaf_sums,
                   double all_total)
{
    const skpi_dataset *ds = b->c.ds;
    int sign = b->c.sign;
    g->median = (skpi_value){ NAN, SKPI_MISSING };
    if (nv > 0) {
        if (values) skpi__middles_of(values, nv, &g->lower, &g->upper);
        g->median = (skpi_value){ skpi__middle(g->lower, g->upper), SKPI_AVAILABLE };
    }
    g->too_few = nv < b->c.min_posts;
    g->order = nv > 0 ? sign * g->median.value : -INFINITY;
    double total = skpi__ksum_value(&g->total);
    g->share = (skpi_value){ NAN, SKPI_MISSING };
    if (nv > 0) {
        if (all_total == 0) g->share.availability = SKPI_DENOMINATOR_ZERO;
        else g->share = (skpi_value){ total / all_total, SKPI_AVAILABLE };
    }
    g->rate = (skpi_value){ NAN, b->c.rate.uses_days ? SKPI_UNSUPPORTED : SKPI_MISSING };
    if (g->rate_posts > 0) {
        double sums[SKPI__MAX_LEAVES];
        for (size_t i = 0; i < b->pg->n_leaves; i++) sums[i] = skpi__ksum_value(&leaf_sums[i]);
        bool div_zero;
        double r = skpi__metric_eval(ds->cat, b->c.rate.metric, b->c.rate.leaves, sums,
                                     b->c.rate.n_leaves, 1.0, &div_zero);
        if (div_zero) g->rate.availability = SKPI_DENOMINATOR_ZERO;
        else if (!isfinite(r)) g->rate.availability = SKPI_UNSUPPORTED;
        else g->rate = (skpi_value){ r, SKPI_AVAILABLE };
    }
    g->top = skpi__reallocarray(NULL, g->n_top ? g->n_top : 1, sizeof *g->top);
    g->bottom = skpi__reallocarray(NULL, g->n_bottom ? g->n_bottom : 1, sizeof *g->bottom);
    if (!g->top || !g->bottom) return skpi__nomem();
    size_t k = b->c.ranked;
    for (size_t i = 0; g->ranks && i < g->n_top; i++) g->top[i] = g->ranks[i].post;
    for (size_t i = 0; g->ranks && i < g->n_bottom; i++) g->bottom[i] = g->ranks[k + i].post;
    skpi__free(g->ranks);
    g->ranks = NULL;
    return SKPI_OK;
}

/* Group order: enough posts first, better median, more posts, then key. */
static int group_order(const void *pa, const void *pb)
{
    const group *a = pa, *b = pb;
    if (a->too_few != b->too_few) return a->too_few ? 1 : -1;
    if (a->order != b->order) return a->order > b->order ? -1 : 1;
    if (a->posts != b->posts) return a->posts > b->posts ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* By tag: the entries by group (a counting sort), into memory of their own. */
static int place_by_tag(build *b)
{
    if (group_starts(b) != SKPI_OK) return SKPI_ENOMEM;
    b->by_group = skpi__reallocarray(NULL, b->n_entries ? b->n_entries : 1, sizeof *b->by_group);
    size_t *at = skpi__reallocarray(NULL, b->pg->n ? b->pg->n : 1, sizeof *at);
    if (!b->by_group || !at) {
        skpi__free(at);
        return skpi__nomem();
    }
    if (b->pg->n) memcpy(at, b->start, b->pg->n * sizeof *at);
    for (size_t i = 0; i < b->n_entries; i++) b->by_group[at[b->eg[i]]++] = b->ev[i];
    skpi__free(at);
    return SKPI_OK;
}

/* The ranks of the middle values among n. */
static void middle_ranks(size_t n, size_t *r0, size_t *r1)
{
    *r1 = n / 2;
    *r0 = n % 2 ? *r1 : *r1 - 1;
}

/* By type: every group's middle values and the summary's, from one more
 * pass over the values. The count by top digit that the first pass made
 * tells each group's first radix bucket, and summed up the summary's:
 * the pass copies each group's bucket to its part of the second half and
 * gathers the summary's at the front of by_group, whose values it has
 * read by then. The selection then runs on the buckets alone. */
static void type_middles(build *b)
{
    skpi_post_groups *pg = b->pg;
    size_t n_posts = b->c.ds->n_posts;
    uint32_t all_count[SKPI__RADIX_BUCKETS] = { 0 };
    for (size_t i = 0; i < pg->n; i++)
        for (unsigned d = 0; d < SKPI__RADIX_BUCKETS; d++)
            all_count[d] += b->top_count[i * SKPI__RADIX_BUCKETS + d];
    size_t r0, r1;
    unsigned d0 = 0, d1 = 0;
    middle_ranks(pg->all.valued, &r0, &r1);
    if (pg->all.valued > 0) skpi__radix_buckets(all_count, &r0, &r1, &d0, &d1);
    size_t gathered = 0;
    for (size_t i = 0; i < pg->n; i++) {
        group *g = &pg->g[i];
        size_t n = g->valued, g0, g1;
        if (n == 0) continue;
        middle_ranks(n, &g0, &g1);
        unsigned b0 = 0, b1 = SKPI__RADIX_BUCKETS - 1;
        if (n >= SKPI__RADIX_MIN)
            skpi__radix_buckets(&b->top_count[i * SKPI__RADIX_BUCKETS], &g0, &g1, &b0, &b1);
        const double *v = b->by_group + b->start[i];
        double *kept = b->by_group + n_posts + b->start[i];
        size_t m = 0;
        for (size_t j = 0; j < n; j++) {
            double x = v[j];
            unsigned d = skpi__top_digit(x);
            kept[m] = x;
            m += d - b0 <= b1 - b0;
            b->by_group[gathered] = x;
            gathered += d - d0 <= d1 - d0;
        }
        skpi__order_stats_after_top(kept, m, g0, g1, n >= SKPI__RADIX_MIN && b0 == b1, &g->lower,
                                    &g->upper);
    }
    if (pg->all.valued > 0)
        skpi__order_stats_after_top(b->by_group, gathered, r0, r1, d0 == d1, &pg->all.lower,
                                    &pg->all.upper);
}

static int finish(build *b)
{
    skpi_post_groups *pg = b->pg;
    int rc = b->by == SKPI_POSTS_BY_TAG ? place_by_tag(b) : SKPI_OK;
    double all_total = skpi__ksum_value(&pg->all.total);
    if (b->by == SKPI_POSTS_BY_TYPE) type_middles(b);
    /* by type the middle values are there already */
    double *values = b->by == SKPI_POSTS_BY_TYPE ? NULL : b->by_group;
    for (size_t i = 0; i < pg->n && rc == SKPI_OK; i++)
        rc = figures(b, &pg->g[i], values ? values + b->start[i] : NULL, pg->g[i].valued,
                     &pg->leaf_sums[i * pg->n_leaves], all_total);
    if (rc == SKPI_OK && b->by == SKPI_POSTS_BY_TYPE) {
        rc = figures(b, &pg->all, NULL, pg->all.valued, pg->all_leaf_sums, all_total);
    } else if (rc == SKPI_OK) {
        rc = figures(b, &pg->all, b->all_values, b->n_all, pg->all_leaf_sums, all_total);
    }
    return rc;
}

/* Types without posts are no group. */
static void drop_empty(skpi_post_groups *pg)
{
    size_t k = 0;
    for (size_t i = 0; i < pg->n; i++) {
        if (pg->g[i].posts == 0) group_release(&pg->g[i]);
        else pg->g[k++] = pg->g[i];
    }
    pg->n = k;
}

int skpi_post_groups_new(skpi_post_groups **out, const skpi_dataset *ds, int by, skpi_period period,
                         const skpi_content_options *opts)
{
    static const char fn[] = "skpi_post_groups_new";
    if (!out || !ds) return skpi__error(SKPI_EMISUSE, "%s: NULL out or dataset", fn);
    if (by != SKPI_POSTS_BY_TYPE && by != SKPI_POSTS_BY_TAG)
        return skpi__error(SKPI_EINVAL, "%s: grouping %d is neither by type (0) nor by tag (1)", fn, by);
    build b;
    memset(&b, 0, sizeof b);
    int rc = skpi__content_prepare(&b.c, ds, period, opts, fn);
    if (rc != SKPI_OK) return rc;
    skpi_post_groups *pg = skpi__calloc(1, sizeof *pg);
    if (!pg) {
        skpi__content_release(&b.c);
        return skpi__nomem();
    }
    b.pg = pg;
    pg->ds = ds;
    pg->n_leaves = b.c.rate.n_leaves;
    pg->all.key = "all";
    b.by = by;
    if (by == SKPI_POSTS_BY_TYPE)
        for (int k = 0; k < SKPI__KIND_COUNT && rc == SKPI_OK; k++)
            rc = add_group(&b, skpi__kind_name((unsigned char)k), false);
    if (rc == SKPI_OK) rc = by == SKPI_POSTS_BY_TYPE ? collect_by_type(&b) : collect_by_tag(&b);
    if (rc == SKPI_OK) rc = finish(&b);
    skpi__free(b.eg);
    skpi__free(b.ev);
    skpi__free(b.all_values);
    skpi__free(b.start);
    if (by == SKPI_POSTS_BY_TAG) skpi__free(b.by_group);
    skpi__content_release(&b.c);
    if (rc != SKPI_OK) {
        skpi_post_groups_free(pg);
        return rc;
    }
    drop_empty(pg);
    qsort(pg->g, pg->n, sizeof *pg->g, group_order);
    *out = pg;
    return SKPI_OK;
}

/* ---- reading ------------------------------------------------------------------- */

size_t skpi_post_groups_count(const skpi_post_groups *pg) { return pg ? pg->n : 0; }

static int get(skpi_post_group *out, const group *g, const char *fn)
{
    if (out->version != SKPI_POST_GROUP_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: skpi_post_group version %u is unknown (this library "
                           "knows %d)", fn, out->version, SKPI_POST_GROUP_VERSION);
    out->key = g->key;
    out->posts = g->posts;
    out->valued = g->valued;
    out->total = g->valued ? (skpi_value){ skpi__ksum_value(&g->total), SKPI_AVAILABLE }
                           : (skpi_value){ NAN, SKPI_MISSING };
    out->median = g->median;
    out->rate = g->rate;
    out->share = g->share;
    out->too_few = g->too_few;
    return SKPI_OK;
}

int skpi_post_groups_get(skpi_post_group *out, const skpi_post_groups *pg, size_t index)
{
    static const char fn[] = "skpi_post_groups_get";
    if (!out || !pg) return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    if (index >= pg->n)
        return skpi__error(SKPI_ERANGE, "%s: group %zu does not exist (there are %zu)", fn, index, pg->n);
    return get(out, &pg->g[index], fn);
}

int skpi_post_groups_summary(skpi_post_group *out, const skpi_post_groups *pg)
{
    static const char fn[] = "skpi_post_groups_summary";
    if (!out || !pg) return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    return get(out, &pg->all, fn);
}

int skpi_post_groups_posts(const size_t **out, size_t *count, const skpi_post_groups *pg,
                           size_t index, int bottom)
{
    static const char fn[] = "skpi_post_groups_posts";
    if (!out || !count || !pg) return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    if (index >= pg->n)
        return skpi__error(SKPI_ERANGE, "%s: group %zu does not exist (there are %zu)", fn, index, pg->n);
    const group *g = &pg->g[index];
    *out = bottom ? g->bottom : g->top;
    *count = bottom ? g->n_bottom : g->n_top;
    return SKPI_OK;
}
