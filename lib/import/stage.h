/* Private staging area of an import: everything a file yields is kept here
 * until the file has parsed completely, then committed to the dataset. */
#ifndef SKPI_IMPORT_STAGE_H
#define SKPI_IMPORT_STAGE_H

#include "import/days.h"

#include "core/internal.h"
#include "socialkpi/dataset.h"

#include <stdbool.h>
#include <stdint.h>

/* An open-addressing table from keys to indices (index + 1 in a slot, 0 =
 * empty); the owner compares keys through its own arrays. */
typedef struct skpi__slots {
    uint32_t *slot;
    size_t mask; /* capacity - 1, capacity a power of two; 0 when empty */
    size_t used;
} skpi__slots;

typedef struct skpi__stage_metric {
    char *key;
    int kind; /* ::skpi_metric_kind */
    int unit; /* ::skpi_unit */
} skpi__stage_metric;

typedef struct skpi__stage_series {
    uint32_t metric, channel;
    bool sum;          /* duplicate times add up (else the last wins) */
    skpi_time *t;
    double *v;
    size_t n, cap;
} skpi__stage_series;

typedef struct skpi__staged_value {
    uint32_t metric;
    double value;
} skpi__staged_value;

typedef struct skpi__stage_post {
    uint32_t channel;
    bool dead;         /* replaced by a later row with the same id */
    char *id, *type, *text, *link;
    char *tags;        /* comma-separated labels; NULL: the file has none (tags stay) */
    skpi_time published;
    size_t first, count; /* range in the stage's values */
    bool ranking;      /* from a ranking of top posts: no daily flows */
} skpi__stage_post;

typedef struct skpi__stage {
    char **channels;
    uint64_t *channel_hash;
    size_t *channel_len;
    size_t nchannels, cchannels;
    skpi__slots channel_slots;

    skpi__stage_metric *metrics;
    size_t nmetrics, cmetrics;

    skpi__stage_series *series;
    size_t nseries, cseries;
    skpi__slots series_slots;

    skpi__stage_post *posts;
    size_t nposts, cposts;
    skpi__slots post_slots;
    skpi__staged_value *values;
    size_t nvalues, cvalues;
    bool ranking;      /* posts begun now are a ranking's (skpi__stage_post.ranking) */

    /* a one-entry cache: long files repeat the channel of the last row */
    uint32_t last_channel;
    bool has_last_channel;
} skpi__stage;

void skpi__stage_init(skpi__stage *st);
void skpi__stage_free(skpi__stage *st);

/* Intern a channel key (validated by the caller); *out receives its id.
 * SKPI_OK or SKPI_ENOMEM. *is_new says whether it was unseen. */
int skpi__stage_channel(skpi__stage *st, const char *key, size_t len, uint32_t *out, bool *is_new);

/* Register a metric by key (kind and unit from the catalog); duplicates
 * return the earlier id. */
int skpi__stage_metric_add(skpi__stage *st, const char *key, int kind, int unit, uint32_t *out);

/* Find or create the series of (metric, channel); sum chooses how
 * duplicate times combine. */
int skpi__stage_series_get(skpi__stage *st, uint32_t metric, uint32_t channel, bool sum,
                           skpi__stage_series **out);

/* Append one point. */
int skpi__stage_point(skpi__stage_series *s, skpi_time t, double v);

/* Start a post (replacing an earlier staged one with the same channel and
 * id); metric values follow with skpi__stage_post_value(). Strings are
 * copied; NULL is "", but NULL tags leave the post's carried tags as they
 * are, while a string (even "") replaces them with its comma-separated
 * labels (well-formed UTF-8, checked by the caller). */
int skpi__stage_post_begin(skpi__stage *st, uint32_t channel, const char *id,
                           skpi_time published, const char *type, const char *text,
                           const char *link, const char *tags);
int skpi__stage_post_value(skpi__stage *st, uint32_t metric, double value);

/* Counters the commit reports. */
typedef struct skpi__commit_counts {
    uint64_t points, points_updated, series, posts, posts_updated;
} skpi__commit_counts;

/* Daily flows of post files: for every flow metric of the staged posts,
 * one series per channel with the sum, per publish day (days start at
 * midnight at offset_s), of the posts published that day, together with
 * the posts already in the dataset that this file does not restate.
 * posts_metric (or UINT32_MAX) also receives the number of posts per day.
 * covers (or NULL): the days the file covers; on each channel of its posts
 * (and covers_channel, or UINT32_MAX), a covered day without any post is
 * zero for every staged flow. */
int skpi__stage_post_flows(skpi__stage *st, const skpi_dataset *ds, const skpi__days *days,
                           uint32_t posts_metric, const skpi_period *covers,
                           uint32_t covers_channel);

/* Write everything into the dataset, all or nothing: on an error the
 * dataset is left exactly as it was (a savepoint, lib/core/dataset_txn.h). */
int skpi__stage_commit(skpi__stage *st, skpi_dataset *ds, skpi__commit_counts *counts);

#endif
