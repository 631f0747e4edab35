/* Private structures of the dataset: channels, series cells, groups, posts,
 * selectors and the query engine shared by values, rollups and comparisons. */
#ifndef SKPI_DATASET_INTERNAL_H
#define SKPI_DATASET_INTERNAL_H

#include "socialkpi/dataset.h"
#include "core/internal.h"
#include "core/selector.h"
#include "core/dataset_txn.h"
#include "core/metrics_internal.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#define SKPI__RESOLUTION_MAX INT64_C(31622400)

/* ---- hash table of indices (open addressing, linear probing) ---------- */

typedef struct skpi__htab {
    uint32_t *slots; /* index + 1; 0 = empty */
    size_t cap;      /* a power of two, or 0 */
    size_t used;
} skpi__htab;

typedef uint64_t (*skpi__hash_at_fn)(const void *ctx, uint32_t index);
typedef bool (*skpi__eq_at_fn)(const void *ctx, uint32_t index, const void *key);

uint64_t skpi__hash_bytes(const void *data, size_t n, uint64_t seed);
long skpi__htab_find(const skpi__htab *h, uint64_t hash, skpi__eq_at_fn eq, const void *ctx,
                     const void *key);
/* Room for `count` entries in all; rehashes with hash_at. Only fails with
 * SKPI_ENOMEM, leaving the table as it was. */
int skpi__htab_reserve(skpi__htab *h, size_t count, skpi__hash_at_fn hash_at, const void *ctx);
/* Insert; the caller reserved room first, so this cannot fail. */
void skpi__htab_insert(skpi__htab *h, uint64_t hash, uint32_t index);
/* Empty the table and insert indices 0 .. count-1 again, in its present
 * capacity (no allocation): how a savepoint's rollback forgets the tail. */
void skpi__htab_rebuild(skpi__htab *h, size_t count, skpi__hash_at_fn hash_at, const void *ctx);
void skpi__htab_free(skpi__htab *h);

/* ---- the dataset ------------------------------------------------------- */

typedef struct skpi__channel {
    char *key;
    size_t net_len;     /* bytes before the ':' */
    int32_t competitor; /* index into the dataset's competitors, -1: our own */
} skpi__channel;

/* Ranges a source has been asked for: sorted, disjoint, not adjacent. */
typedef struct skpi__coverage {
    skpi_period *ranges;
    size_t n;
} skpi__coverage;

typedef struct skpi__cell {
    skpi_series *series; /* NULL until data arrives */
    /* The series' first and last times, kept here so that queries over
     * thousands of channels read one small array instead of touching every
     * series' own arrays (valid when series is non-empty). */
    skpi_time first, last;
    skpi__coverage cov;
} skpi__cell;

/* Call after the cell's series changed. */
void skpi__cell_refresh(skpi__cell *cell);

/* Every (metric, channel) cell of one metric, indexed by channel. */
typedef struct skpi__column {
    skpi__cell *by_channel;
    size_t cap;
} skpi__column;

typedef struct skpi__group {
    char *name;
    uint32_t *members;
    size_t n;
} skpi__group;

typedef struct skpi__post_value {
    uint32_t metric;
    double value;
} skpi__post_value;

struct skpi_post {
    const skpi_dataset *ds;
    uint32_t channel;
    char *id;
    skpi_time published;
    char *type, *text, *link;
    skpi__post_value *values;
    size_t n_values, cap_values;
    /* Tags the post carries (not its hashtags): n_tags NUL-terminated
     * strings one after another in tags_size bytes; NULL when none. */
    char *tags;
    size_t tags_size, n_tags;
    unsigned char kind; /* skpi__kind of the raw type; SKPI__KIND_UNSET: none given */
};

/* Post types normalised across networks (post_kinds.c). */
enum {
    SKPI__KIND_OTHER, SKPI__KIND_PHOTO, SKPI__KIND_VIDEO, SKPI__KIND_REEL, SKPI__KIND_CAROUSEL,
    SKPI__KIND_LINK, SKPI__KIND_TEXT, SKPI__KIND_STORY, SKPI__KIND_LIVE, SKPI__KIND_POLL,
    SKPI__KIND_REPOST, SKPI__KIND_REPLY, SKPI__KIND_MEDIA,
    SKPI__KIND_COUNT,
    SKPI__KIND_UNSET = 255
};

/* The posts' figures as columns (post_columns.c): what aggregates over many
 * posts read instead of one allocation per post. Built on first use and
 * again after any change to the posts. */
typedef struct skpi__post_columns {
    bool valid, stale;
    size_t n;              /* the posts the arrays cover */
    skpi_time *published;
    uint32_t *channel;
    unsigned char *kind;   /* the normalised kind (skpi__post_kind()) */
    skpi_time first, last; /* the earliest and latest publication time */
    size_t kind_posts[SKPI__KIND_COUNT]; /* the posts of each kind */
    double **values;       /* per catalog metric: each post's value, NaN when it has none;
                            * NULL until asked for */
    size_t n_metrics;
    /* Working memory of the aggregates, kept from one call to the next:
     * fresh pages cost more than the work on them (post_columns.c). */
    double *scratch;
    size_t scratch_cap; /* doubles */
} skpi__post_columns;

struct skpi_dataset {
    skpi_catalog *own_catalog; /* a host catalog's copy, or NULL */
    const skpi_catalog *cat;
    int64_t resolution;

    skpi__channel *channels;
    size_t n_channels, cap_channels;
    skpi__htab channel_index;

    skpi__column *columns; /* one per catalog metric */

    skpi__group *groups;
    size_t n_groups;

    char **competitors; /* names, in the order first marked */
    size_t n_competitors;

    skpi_post **posts;
    size_t n_posts, cap_posts;
    skpi__htab post_index;
    /* Made with the dataset so that readers holding it const can fill it. */
    skpi__post_columns *post_columns;

    bool has_source;
    skpi_source source;

    struct skpi__txn *txn; /* the open savepoint's journal, or NULL */
};

/* ---- channels and selectors ------------------------------------------ */

long skpi__channel_find(const skpi_dataset *ds, const char *key);
/* Room for `extra` more channels (array and index); SKPI_ENOMEM only. */
int skpi__channel_reserve(skpi_dataset *ds, size_t extra);
/* Adds a checked key after skpi__channel_reserve(); takes ownership of key. */
uint32_t skpi__channel_push(skpi_dataset *ds, char *key, size_t net_len);
/* Find or add (with its own reservation); gives the index. */
int skpi__channel_intern(skpi_dataset *ds, const char *key, uint32_t *index);
/* The hash of channel `index`'s key in channel_index (ctx: the dataset). */
uint64_t skpi__channel_hash_at(const void *ctx, uint32_t index);


/* A dataset-private selector form: the channels of one competitor, on one
 * network or all (skpi_dataset_competitor_value()). Never parsed from text. */
#define SKPI__SEL_COMPETITOR 100

typedef struct skpi__selector {
    int kind;
    const char *text;     /* the selector as given (borrowed for the call) */
    size_t net_len;       /* SKPI__SEL_NETWORK: bytes of "network" */
    long exact;           /* SKPI__SEL_EXACT: channel index, -1 when unknown */
    const skpi__group *group;
    int32_t competitor;   /* SKPI__SEL_COMPETITOR: its index */
    size_t pos;           /* iteration */
} skpi__selector;

int skpi__selector_parse(skpi__selector *out, const skpi_dataset *ds, const char *text);
void skpi__selector_rewind(skpi__selector *s);
/* Next channel of the selector; false at the end. */
bool skpi__selector_next(skpi__selector *s, const skpi_dataset *ds, uint32_t *channel);
bool skpi__selector_matches(const skpi__selector *s, const skpi_dataset *ds, uint32_t channel);

/* ---- series cells -------------------------------------------------------- */

static inline skpi__cell *skpi__cell_at(const skpi_dataset *ds, uint32_t metric, uint32_t channel)
{
    const skpi__column *col = &ds->columns[metric];
    return channel < col->cap ? &col->by_channel[channel] : NULL;
}

static inline const skpi_series *skpi__series_at(const skpi_dataset *ds, uint32_t metric,
                                                 uint32_t channel)
{
    const skpi__cell *c = skpi__cell_at(ds, metric, channel);
    return c ? c->series : NULL;
}

/* Free arrays reserved on a failed call that hold nothing, so a failure
 * leaves no allocation behind. */
void skpi__dataset_release_unused(skpi_dataset *ds);

/* Room in a metric's column for channel index `channel`; SKPI_ENOMEM only. */
int skpi__column_reserve(skpi_dataset *ds, uint32_t metric, size_t channel);

/* ---- aggregation and the query engine ------------------------------------ */

typedef struct skpi__agg {
    double sum;       /* present values, compensated */
    double first;     /* first present value */
    double last;      /* last present value */
    size_t present;
    bool complete;    /* every slot holds a present value (no NaN when the
                       * resolution is 0) */
} skpi__agg;

/* Aggregate a cell's series over a period. */
void skpi__aggregate(skpi__agg *out, const skpi__cell *cell, skpi_period p, int64_t resolution);
/* Ask the memory system for the lines skpi__aggregate() is about to read. */
void skpi__aggregate_prefetch(const skpi__cell *cell, skpi_period p);
/* Whether the span from a cell's first to last point overlaps p. */
static inline bool skpi__cell_overlaps(const skpi__cell *c, skpi_period p)
{
    return c && c->series && c->first < p.end && c->last >= p.start;
}

/* Neumaier summation: accurate sums whatever the order of magnitudes. */
typedef struct skpi__ksum { double sum, c; } skpi__ksum;
static inline void skpi__ksum_add(skpi__ksum *k, double x)
{
    double t = k->sum + x;
    /* fabs() is a mask, where a ternary compiled to a branch per operand */
    if (fabs(k->sum) >= fabs(x)) k->c += (k->sum - t) + x;
    else k->c += (x - t) + k->sum;
    k->sum = t;
}
static inline double skpi__ksum_value(const skpi__ksum *k) { return k->sum + k->c; }

typedef struct skpi__query {
    uint32_t metric;
    skpi__leaf leaves[SKPI__MAX_LEAVES];
    size_t n_leaves;
    bool uses_days;
} skpi__query;

/* Resolve the metric key and what it is computed from. */
int skpi__query_prepare(skpi__query *q, const skpi_dataset *ds, const char *metric, const char *fn);
/* The value of the query over a period for a parsed selector. */
void skpi__query_value(skpi_value *out, const skpi_dataset *ds, const skpi__query *q,
                       skpi__selector *sel, skpi_period p);
/* Checks a query period; the message names fn. */
int skpi__period_check(skpi_period p, const char *fn);

/* Ask the source for what the query lacks over the periods, and keep it.
 * Does nothing without a source. SKPI_ECALLBACK or SKPI_ENOMEM leave the
 * dataset as it was. */
int skpi__dataset_ensure(skpi_dataset *ds, const skpi__query *q, const char *selector,
                         const skpi_period *periods, size_t n_periods);

/* Free what a dataset holds for sources (coverage). */
void skpi__coverage_free(skpi__coverage *c);

/* Posts. */
void skpi__post_free(skpi_post *p);
/* The hash of post `index` in post_index (ctx: the dataset). */
uint64_t skpi__post_hash_at(const void *ctx, uint32_t index);
/* The values of the query's leaves on one post; false when one is missing. */
bool skpi__post_leaves(double *values, const skpi_post *p, const skpi__query *q);
/* The value of a prepared query on one post. */
void skpi__post_eval(skpi_value *out, const skpi_post *p, const skpi__query *q);

/* The evaluation of a prepared query from its leaves' values on one post. */
void skpi__post_eval_leaves(skpi_value *out, const skpi_dataset *ds, const skpi__query *q,
                            const double *values);

/* Post columns (post_columns.c). */
int skpi__post_columns_new(skpi__post_columns **out, size_t n_metrics);
void skpi__post_columns_free(skpi__post_columns *pc);
/* Any change to a post calls this: the columns are built afresh when next used. */
void skpi__post_columns_stale(skpi_dataset *ds);
/* Make the columns current, with the values of every leaf of the queries. */
int skpi__post_columns_ensure(const skpi_dataset *ds, const skpi__query *const *queries, size_t n);
/* skpi__post_leaves() of post i read from the columns. */
/* Working memory for n doubles, the dataset's to keep and reuse: valid
 * until the next call on the dataset. NULL (error set) when out of memory;
 * what was there is kept. */
double *skpi__post_columns_scratch(const skpi_dataset *ds, size_t n);
bool skpi__post_columns_leaves(double *values, const skpi_dataset *ds, const skpi__query *q, size_t i);

/* The kind a raw type names; SKPI__KIND_UNSET for an empty one. */
unsigned char skpi__kind_of_raw(const char *raw);
/* A post's kind; one without a raw type is read off its text and its
 * media_metric value (the catalog index of media views, or -1). */
unsigned char skpi__post_kind(const skpi_post *p, long media_metric);
long skpi__kind_media_metric(const skpi_dataset *ds);
/* The kind named `name` (any ASCII case), or -1. */
int skpi__kind_find(const char *name);
const char *skpi__kind_name(unsigned char kind);

/* Tags. Two tags are the same when they are equal after one leading '#' is
 * dropped and ASCII letters are folded to lower case. */
bool skpi__tag_equal(const char *a, size_t a_len, const char *b, size_t b_len);
/* A hash under which equal tags (skpi__tag_equal) meet. */
uint64_t skpi__tag_hash(const char *s, size_t len);
/* The next hashtag of text at or after *pos: its bytes (the '#' included)
 * at *start, *len long; *pos moves past it. False when none is left. */
bool skpi__hashtag_next(const char *text, size_t *pos, size_t *start, size_t *len);

#endif
