/* Savepoints of a dataset: the journal of the series, posts, groups and
 * channels a run of calls changes, and undoing or keeping that run as a
 * whole. Rollback never allocates: everything it needs is saved when an
 * entity is first touched, before the change, where running out of memory
 * is still an ordinary failure of the mutating call. */
#include "dataset/dataset_internal.h"
#include "core/series_rewind.h"

#include <string.h>

/* One append of the savepoint to a series of a channel known before it: an
 * undo log, replayed backwards on rollback, so a series appended to twice
 * has two entries and nothing needs looking up. 16 bytes an entry: a daily
 * import into thousands of series keeps the journal small. */
#define NEW_SERIES SIZE_MAX

typedef struct saved_cell {
    uint32_t metric, channel;
    size_t length; /* the series' length before the append; NEW_SERIES when
                    * there was no series (it goes on rollback) */
} saved_cell;

/* An append keeps the points before its block's first time in place, so
 * only the old points from there on are kept, and only for an append that
 * does not come after the series' last point. */
typedef struct saved_points {
    size_t cell;  /* the entry of cells[] this belongs to */
    size_t from;  /* points [from, length) */
    void *block;  /* their times, then their values */
} saved_points;

typedef struct saved_post {
    uint32_t index;
    skpi_time published;
    char *type, *text, *link;
    skpi__post_value *values; /* NULL exactly when the post's array was */
    size_t n_values, cap_values;
    char *tags; /* a copy of the post's tag block, NULL exactly when it was */
    size_t tags_size, n_tags;
} saved_post;

typedef struct saved_group {
    size_t index;
    uint32_t *members;
    size_t n;
} saved_group;

typedef struct skpi__txn skpi__txn;

struct skpi__txn {
    /* Sizes when the savepoint opened: entries past them are new, and
     * rollback simply drops them. */
    size_t n_channels, n_posts, n_groups;

    saved_cell *cells;
    size_t n_cells, cap_cells;
    saved_points *points; /* in the order of cells[] */
    size_t n_points, cap_points;

    saved_post *posts;
    size_t n_saved_posts, cap_saved_posts;
    skpi__htab post_index; /* post index -> posts[] */

    saved_group *groups; /* groups are few: a linear search */
    size_t n_saved_groups;
};

bool skpi__dataset_savepoint_open(const skpi_dataset *ds) { return ds && ds->txn; }

int skpi__dataset_savepoint_begin(skpi_dataset *ds)
{
    if (!ds) return skpi__error(SKPI_EMISUSE, "savepoint: dataset is NULL");
    if (ds->txn) return skpi__error(SKPI_EMISUSE, "savepoint: one is open already");
    skpi__txn *t = skpi__calloc(1, sizeof *t);
    if (!t) return skpi__nomem();
    t->n_channels = ds->n_channels;
    t->n_posts = ds->n_posts;
    t->n_groups = ds->n_groups;
    ds->txn = t;
    return SKPI_OK;
}

/* ---- journal lookups ------------------------------------------------------ */

static uint64_t post_hash(uint32_t index) { return skpi__hash_bytes(&index, sizeof index, 0); }

static uint64_t post_hash_at(const void *ctx, uint32_t i)
{
    const skpi__txn *t = ctx;
    return post_hash(t->posts[i].index);
}

static bool post_eq_at(const void *ctx, uint32_t i, const void *key)
{
    const skpi__txn *t = ctx;
    return t->posts[i].index == *(const uint32_t *)key;
}

/* Room for one more entry in an array of the journal. */
static bool room(void **array, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return true;
    size_t c = *cap ? *cap * 2 : 16;
    void *a = skpi__reallocarray(*array, c, elem);
    if (!a) return false;
    *array = a;
    *cap = c;
    return true;
}

/* ---- hooks ------------------------------------------------------------------ */

/* First index of the series with a time >= t. */
static size_t lower_bound(const skpi_series *s, skpi_time t)
{
    const skpi_time *times = skpi_series_times(s);
    size_t lo = 0, hi = skpi_series_length(s);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (times[mid] < t) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int skpi__savepoint_save_cell(skpi_dataset *ds, uint32_t metric, uint32_t channel,
                              const skpi_time *times, size_t n)
{
    skpi__txn *t = ds->txn;
    /* A new channel's cells all go on rollback: nothing to save. */
    if (!t || channel >= t->n_channels || n == 0) return SKPI_OK;
    if (!room((void **)&t->cells, &t->cap_cells, t->n_cells, sizeof *t->cells))
        return skpi__nomem();
    const skpi__cell *cell = &ds->columns[metric].by_channel[channel];
    const skpi_series *s = cell->series;
    saved_cell c = { metric, channel, s ? skpi_series_length(s) : NEW_SERIES };
    skpi_time first = times[0];
    for (size_t i = 1; i < n; i++)
        if (times[i] < first) first = times[i];
    /* The cached last time answers the common case, points after the last
     * one, without reading the series' arrays. */
    if (s && c.length > 0 && first <= cell->last) {
        if (!room((void **)&t->points, &t->cap_points, t->n_points, sizeof *t->points))
            return skpi__nomem();
        size_t from = lower_bound(s, first), k = c.length - from;
        skpi_time *st = skpi__reallocarray(NULL, k, sizeof(skpi_time) + sizeof(double));
        if (!st) return skpi__nomem();
        memcpy(st, skpi_series_times(s) + from, k * sizeof *st);
        memcpy((double *)(void *)(st + k), skpi_series_values(s) + from, k * sizeof(double));
        t->points[t->n_points++] = (saved_points){ t->n_cells, from, st };
    }
    t->cells[t->n_cells++] = c;
    return SKPI_OK;
}

static void saved_post_free(saved_post *s)
{
    skpi__free(s->type);
    skpi__free(s->text);
    skpi__free(s->link);
    skpi__free(s->values);
    skpi__free(s->tags);
}

int skpi__savepoint_save_post(skpi_dataset *ds, size_t index)
{
    skpi__txn *t = ds->txn;
    if (!t || index >= t->n_posts) return SKPI_OK;
    uint32_t key = (uint32_t)index;
    uint64_t h = post_hash(key);
    if (skpi__htab_find(&t->post_index, h, post_eq_at, t, &key) >= 0) return SKPI_OK;
    if (!room((void **)&t->posts, &t->cap_saved_posts, t->n_saved_posts, sizeof *t->posts)
        || skpi__htab_reserve(&t->post_index, t->n_saved_posts + 1, post_hash_at, t) != SKPI_OK)
        return skpi__nomem();
    const skpi_post *p = ds->posts[index];
    saved_post s = { key, p->published, skpi__strdup(p->type), skpi__strdup(p->text),
                     skpi__strdup(p->link), NULL, p->n_values, p->cap_values,
                     NULL, p->tags_size, p->n_tags };
    bool ok = s.type && s.text && s.link;
    if (ok && p->tags) {
        s.tags = skpi__malloc(p->tags_size);
        ok = s.tags != NULL;
        if (ok) memcpy(s.tags, p->tags, p->tags_size);
    }
    if (ok && p->values) {
        /* The same capacity, so a rollback gives back the very same state. */
        s.values = skpi__reallocarray(NULL, p->cap_values ? p->cap_values : 1, sizeof *s.values);
        ok = s.values != NULL;
        if (ok && p->n_values) memcpy(s.values, p->values, p->n_values * sizeof *s.values);
    }
    if (!ok) {
        saved_post_free(&s);
        return skpi__nomem();
    }
    t->posts[t->n_saved_posts] = s;
    skpi__htab_insert(&t->post_index, h, (uint32_t)t->n_saved_posts);
    t->n_saved_posts++;
    return SKPI_OK;
}

int skpi__savepoint_save_group(skpi_dataset *ds, size_t index)
{
    skpi__txn *t = ds->txn;
    if (!t || index >= t->n_groups) return SKPI_OK;
    for (size_t i = 0; i < t->n_saved_groups; i++)
        if (t->groups[i].index == index) return SKPI_OK;
    const skpi__group *g = &ds->groups[index];
    saved_group *a = skpi__reallocarray(t->groups, t->n_saved_groups + 1, sizeof *a);
    if (!a) return skpi__nomem();
    t->groups = a;
    uint32_t *members = skpi__reallocarray(NULL, g->n ? g->n : 1, sizeof *members);
    if (!members) return skpi__nomem();
    if (g->n) memcpy(members, g->members, g->n * sizeof *members);
    t->groups[t->n_saved_groups++] = (saved_group){ index, members, g->n };
    return SKPI_OK;
}

/* ---- closing ------------------------------------------------------------------- */

static void txn_free(skpi__txn *t)
{
    skpi__free(t->cells);
    skpi__free(t->points);
    skpi__free(t->posts);
    skpi__htab_free(&t->post_index);
    skpi__free(t->groups);
    skpi__free(t);
}

void skpi__dataset_savepoint_commit(skpi_dataset *ds)
{
    skpi__txn *t = ds ? ds->txn : NULL;
    if (!t) return;
    for (size_t i = 0; i < t->n_points; i++) skpi__free(t->points[i].block);
    for (size_t i = 0; i < t->n_saved_posts; i++) saved_post_free(&t->posts[i]);
    for (size_t i = 0; i < t->n_saved_groups; i++) skpi__free(t->groups[i].members);
    txn_free(t);
    ds->txn = NULL;
}

void skpi__dataset_savepoint_rollback(skpi_dataset *ds)
{
    skpi__txn *t = ds ? ds->txn : NULL;
    if (!t) return;
    skpi__post_columns_stale(ds);
    /* Series of channels known before, newest append first: each entry
     * gives back the state before its append. */
    size_t j = t->n_points;
    for (size_t i = t->n_cells; i-- > 0;) {
        const saved_cell *c = &t->cells[i];
        const saved_points *sp = j > 0 && t->points[j - 1].cell == i ? &t->points[--j] : NULL;
        skpi__cell *cell = skpi__cell_at(ds, c->metric, c->channel);
        /* A failed call may have released a column that held nothing but
         * the series it was creating: then there is nothing to undo. */
        if (cell && c->length == NEW_SERIES) {
            skpi_series_free(cell->series);
            cell->series = NULL;
        } else if (cell && sp) {
            size_t k = c->length - sp->from;
            const skpi_time *st = sp->block;
            const double *sv = (const double *)(const void *)(st + k);
            skpi__series_rewind(cell->series, sp->from, st, sv, k);
        } else if (cell) {
            skpi__series_rewind(cell->series, c->length, NULL, NULL, 0);
        }
        if (sp) skpi__free(sp->block);
        if (cell) skpi__cell_refresh(cell);
    }
    /* Every cell of a new channel goes. */
    for (size_t m = 0; m < ds->cat->count; m++) {
        skpi__column *col = &ds->columns[m];
        for (size_t c = t->n_channels; c < col->cap; c++) {
            skpi_series_free(col->by_channel[c].series);
            skpi__coverage_free(&col->by_channel[c].cov);
            memset(&col->by_channel[c], 0, sizeof col->by_channel[c]);
        }
    }
    /* Posts: the updated ones get their fields back, new ones go. */
    for (size_t i = 0; i < t->n_saved_posts; i++) {
        saved_post *s = &t->posts[i];
        skpi_post *p = ds->posts[s->index];
        skpi__free(p->type);
        skpi__free(p->text);
        skpi__free(p->link);
        skpi__free(p->values);
        skpi__free(p->tags);
        p->tags = s->tags;
        p->tags_size = s->tags_size;
        p->n_tags = s->n_tags;
        p->published = s->published;
        p->type = s->type;
        p->kind = skpi__kind_of_raw(s->type);
        p->text = s->text;
        p->link = s->link;
        p->values = s->values;
        p->n_values = s->n_values;
        p->cap_values = s->cap_values;
    }
    if (ds->n_posts > t->n_posts) {
        for (size_t i = t->n_posts; i < ds->n_posts; i++) skpi__post_free(ds->posts[i]);
        ds->n_posts = t->n_posts;
        skpi__htab_rebuild(&ds->post_index, ds->n_posts, skpi__post_hash_at, ds);
    }
    /* Groups: old members back, new groups go. */
    for (size_t i = 0; i < t->n_saved_groups; i++) {
        skpi__group *g = &ds->groups[t->groups[i].index];
        skpi__free(g->members);
        g->members = t->groups[i].members;
        g->n = t->groups[i].n;
    }
    for (size_t i = t->n_groups; i < ds->n_groups; i++) {
        skpi__free(ds->groups[i].name);
        skpi__free(ds->groups[i].members);
    }
    ds->n_groups = t->n_groups;
    /* Channels last: nothing above looks a key up. */
    if (ds->n_channels > t->n_channels) {
        for (size_t i = t->n_channels; i < ds->n_channels; i++) skpi__free(ds->channels[i].key);
        ds->n_channels = t->n_channels;
        skpi__htab_rebuild(&ds->channel_index, ds->n_channels, skpi__channel_hash_at, ds);
    }
    txn_free(t);
    ds->txn = NULL;
    /* Arrays first allocated inside the savepoint hold nothing now. */
    skpi__dataset_release_unused(ds);
}
