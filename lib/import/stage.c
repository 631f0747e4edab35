/* The staging area of an import: interned channels and metrics, series
 * points and posts held until the file has parsed, the daily flows of post
 * files, and the final commit into the dataset. */
#include "import/stage.h"
#include "core/dataset_txn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- hashing ---------------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t n, uint64_t h)
{
    /* FNV-1a: short keys, no adversary worth a keyed hash here (a file can
     * only slow its own import down). */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}
#define HASH_SEED UINT64_C(0xcbf29ce484222325)

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    return x;
}

/* Make room for one more entry; rehash through `hash_of` (index -> hash). */
static int slots_reserve(skpi__slots *t, void *owner, uint64_t (*hash_of)(void *, uint32_t))
{
    size_t cap = t->mask ? t->mask + 1 : 0;
    if ((t->used + 1) * 4 <= cap * 3)
        return SKPI_OK;
    size_t ncap = cap ? cap * 2 : 16;
    uint32_t *ns = skpi__calloc(ncap, sizeof *ns);
    if (ns == NULL)
        return skpi__nomem();
    for (size_t i = 0; i < cap; i++) {
        if (t->slot[i] == 0)
            continue;
        size_t j = (size_t)hash_of(owner, t->slot[i] - 1) & (ncap - 1);
        while (ns[j] != 0)
            j = (j + 1) & (ncap - 1);
        ns[j] = t->slot[i];
    }
    skpi__free(t->slot);
    t->slot = ns;
    t->mask = ncap - 1;
    return SKPI_OK;
}

void skpi__stage_init(skpi__stage *st)
{
    memset(st, 0, sizeof *st);
}

void skpi__stage_free(skpi__stage *st)
{
    for (size_t i = 0; i < st->nchannels; i++)
        skpi__free(st->channels[i]);
    skpi__free(st->channels);
    skpi__free(st->channel_hash);
    skpi__free(st->channel_len);
    skpi__free(st->channel_slots.slot);
    for (size_t i = 0; i < st->nmetrics; i++)
        skpi__free(st->metrics[i].key);
    skpi__free(st->metrics);
    for (size_t i = 0; i < st->nseries; i++) {
        skpi__free(st->series[i].t);
        skpi__free(st->series[i].v);
    }
    skpi__free(st->series);
    skpi__free(st->series_slots.slot);
    for (size_t i = 0; i < st->nposts; i++) {
        skpi__free(st->posts[i].id);
        skpi__free(st->posts[i].type);
        skpi__free(st->posts[i].text);
        skpi__free(st->posts[i].link);
        skpi__free(st->posts[i].tags);
    }
    skpi__free(st->posts);
    skpi__free(st->post_slots.slot);
    skpi__free(st->values);
    memset(st, 0, sizeof *st);
}

/* ---- channels --------------------------------------------------------- */

static uint64_t channel_hash_of(void *owner, uint32_t i)
{
    return ((skpi__stage *)owner)->channel_hash[i];
}

int skpi__stage_channel(skpi__stage *st, const char *key, size_t len, uint32_t *out, bool *is_new)
{
    *is_new = false;
    if (st->has_last_channel) {
        const char *c = st->channels[st->last_channel];
        if (st->channel_len[st->last_channel] == len && memcmp(c, key, len) == 0) {
            *out = st->last_channel;
            return SKPI_OK;
        }
    }
    uint64_t h = hash_bytes(key, len, HASH_SEED);
    if (st->channel_slots.mask) {
        for (size_t j = (size_t)h & st->channel_slots.mask;; j = (j + 1) & st->channel_slots.mask) {
            uint32_t s = st->channel_slots.slot[j];
            if (s == 0)
                break;
            const char *c = st->channels[s - 1];
            if (st->channel_hash[s - 1] == h && st->channel_len[s - 1] == len &&
                memcmp(c, key, len) == 0) {
                *out = s - 1;
                st->last_channel = s - 1;
                st->has_last_channel = true;
                return SKPI_OK;
            }
        }
    }
    size_t cap = st->cchannels, cap2 = st->cchannels, cap3 = st->cchannels;
    if (!skpi__grow((void **)&st->channels, &cap, st->nchannels + 1, sizeof *st->channels) ||
        !skpi__grow((void **)&st->channel_hash, &cap2, st->nchannels + 1, sizeof *st->channel_hash) ||
        !skpi__grow((void **)&st->channel_len, &cap3, st->nchannels + 1, sizeof *st->channel_len))
        return skpi__nomem();
    st->cchannels = cap < cap2 ? (cap < cap3 ? cap : cap3) : (cap2 < cap3 ? cap2 : cap3);
    if (slots_reserve(&st->channel_slots, st, channel_hash_of) != SKPI_OK)
        return SKPI_ENOMEM;
    char *copy = skpi__malloc(len + 1);
    if (copy == NULL)
        return skpi__nomem();
    memcpy(copy, key, len);
    copy[len] = '\0';
    uint32_t id = (uint32_t)st->nchannels;
    st->channels[id] = copy;
    st->channel_hash[id] = h;
    st->channel_len[id] = len;
    st->nchannels++;
    size_t j = (size_t)h & st->channel_slots.mask;
    while (st->channel_slots.slot[j] != 0)
        j = (j + 1) & st->channel_slots.mask;
    st->channel_slots.slot[j] = id + 1;
    st->channel_slots.used++;
    st->last_channel = id;
    st->has_last_channel = true;
    *out = id;
    *is_new = true;
    return SKPI_OK;
}

/* ---- metrics ---------------------------------------------------------- */

int skpi__stage_metric_add(skpi__stage *st, const char *key, int kind, int unit, uint32_t *out)
{
    /* Few metrics per file: a linear search is enough. */
    for (size_t i = 0; i < st->nmetrics; i++) {
        if (strcmp(st->metrics[i].key, key) == 0) {
            *out = (uint32_t)i;
            return SKPI_OK;
        }
    }
    if (!skpi__grow((void **)&st->metrics, &st->cmetrics, st->nmetrics + 1, sizeof *st->metrics))
        return skpi__nomem();
    char *copy = skpi__strdup(key);
    if (copy == NULL)
        return skpi__nomem();
    st->metrics[st->nmetrics] = (skpi__stage_metric){ copy, kind, unit };
    *out = (uint32_t)st->nmetrics++;
    return SKPI_OK;
}

/* ---- series ----------------------------------------------------------- */

static uint64_t series_key(uint32_t metric, uint32_t channel)
{
    return (uint64_t)metric << 32 | channel;
}

static uint64_t series_hash_of(void *owner, uint32_t i)
{
    const skpi__stage_series *s = &((skpi__stage *)owner)->series[i];
    return mix64(series_key(s->metric, s->channel));
}

int skpi__stage_series_get(skpi__stage *st, uint32_t metric, uint32_t channel, bool sum,
                           skpi__stage_series **out)
{
    uint64_t h = mix64(series_key(metric, channel));
    if (st->series_slots.mask) {
        for (size_t j = (size_t)h & st->series_slots.mask;; j = (j + 1) & st->series_slots.mask) {
            uint32_t s = st->series_slots.slot[j];
            if (s == 0)
                break;
            skpi__stage_series *x = &st->series[s - 1];
            if (x->metric == metric && x->channel == channel) {
                *out = x;
                return SKPI_OK;
            }
        }
    }
    if (!skpi__grow((void **)&st->series, &st->cseries, st->nseries + 1, sizeof *st->series))
        return skpi__nomem();
    if (slots_reserve(&st->series_slots, st, series_hash_of) != SKPI_OK)
        return SKPI_ENOMEM;
    uint32_t id = (uint32_t)st->nseries++;
    st->series[id] = (skpi__stage_series){ metric, channel, sum, NULL, NULL, 0, 0 };
    size_t j = (size_t)h & st->series_slots.mask;
    while (st->series_slots.slot[j] != 0)
        j = (j + 1) & st->series_slots.mask;
    st->series_slots.slot[j] = id + 1;
    st->series_slots.used++;
    *out = &st->series[id];
    return SKPI_OK;
}

int skpi__stage_point(skpi__stage_series *s, skpi_time t, double v)
{
    if (s->n == s->cap) {
        size_t cap = s->cap, cap2 = s->cap;
        if (!skpi__grow((void **)&s->t, &cap, s->n + 1, sizeof *s->t) ||
            !skpi__grow((void **)&s->v, &cap2, s->n + 1, sizeof *s->v))
            return skpi__nomem();
        s->cap = cap < cap2 ? cap : cap2;
    }
    s->t[s->n] = t;
    s->v[s->n] = v;
    s->n++;
    return SKPI_OK;
}

/* ---- posts ------------------------------------------------------------ */

static uint64_t post_hash(uint32_t channel, const char *id)
{
    return hash_bytes(id, strlen(id), mix64(channel + HASH_SEED));
}

static uint64_t post_hash_of(void *owner, uint32_t i)
{
    const skpi__stage_post *p = &((skpi__stage *)owner)->posts[i];
    return post_hash(p->channel, p->id);
}

static char *dup_or_empty(const char *s)
{
    return skpi__strdup(s ? s : "");
}

int skpi__stage_post_begin(skpi__stage *st, uint32_t channel, const char *id,
                           skpi_time published, const char *type, const char *text,
                           const char *link, const char *tags)
{
    uint64_t h = post_hash(channel, id);
    if (!skpi__grow((void **)&st->posts, &st->cposts, st->nposts + 1, sizeof *st->posts))
        return skpi__nomem();
    if (slots_reserve(&st->post_slots, st, post_hash_of) != SKPI_OK)
        return SKPI_ENOMEM;
    skpi__stage_post p = { channel, false, dup_or_empty(id), dup_or_empty(type),
                           dup_or_empty(text), dup_or_empty(link), tags ? skpi__strdup(tags) : NULL,
                           published, st->nvalues, 0, st->ranking };
    if (!p.id || !p.type || !p.text || !p.link || (tags && !p.tags)) {
        skpi__free(p.id);
        skpi__free(p.type);
        skpi__free(p.text);
        skpi__free(p.link);
        skpi__free(p.tags);
        return skpi__nomem();
    }
    /* A post restated later in the same file replaces the earlier row. */
    size_t j = (size_t)h & st->post_slots.mask;
    for (;; j = (j + 1) & st->post_slots.mask) {
        uint32_t s = st->post_slots.slot[j];
        if (s == 0)
            break;
        skpi__stage_post *q = &st->posts[s - 1];
        if (q->channel == channel && strcmp(q->id, id) == 0) {
            q->dead = true;
            st->post_slots.slot[j] = (uint32_t)st->nposts + 1;
            st->posts[st->nposts++] = p;
            return SKPI_OK;
        }
    }
    st->post_slots.slot[j] = (uint32_t)st->nposts + 1;
    st->post_slots.used++;
    st->posts[st->nposts++] = p;
    return SKPI_OK;
}

int skpi__stage_post_value(skpi__stage *st, uint32_t metric, double value)
{
    if (!skpi__grow((void **)&st->values, &st->cvalues, st->nvalues + 1, sizeof *st->values))
        return skpi__nomem();
    st->values[st->nvalues++] = (skpi__staged_value){ metric, value };
    st->posts[st->nposts - 1].count++;
    return SKPI_OK;
}

static bool staged_post(const skpi__stage *st, const char *channel, const char *id)
{
    if (!st->post_slots.mask)
        return false;
    /* Find the channel's id first (a linear pass: few channels per file). */
    for (uint32_t c = 0; c < st->nchannels; c++) {
        if (strcmp(st->channels[c], channel) != 0)
            continue;
        uint64_t h = post_hash(c, id);
        for (size_t j = (size_t)h & st->post_slots.mask;; j = (j + 1) & st->post_slots.mask) {
            uint32_t s = st->post_slots.slot[j];
            if (s == 0)
                return false;
            const skpi__stage_post *q = &st->posts[s - 1];
            if (q->channel == c && strcmp(q->id, id) == 0)
                return true;
        }
    }
    return false;
}

/* Add v into the day's point of a summing series (NaN adds nothing, but
 * the day exists). The points are appended and summed at commit. */
static int add_day(skpi__stage *st, uint32_t metric, uint32_t channel, skpi_time day_start,
                   double v)
{
    skpi__stage_series *s;
    int rc = skpi__stage_series_get(st, metric, channel, true, &s);
    if (rc != SKPI_OK)
        return rc;
    return skpi__stage_point(s, day_start, v);
}

typedef struct touched_day {
    uint32_t channel;
    bool has_post;     /* a post of the file or of the dataset was published that day */
    int64_t day;
} touched_day;

static int touched_cmp(const void *a, const void *b)
{
    const touched_day *x = a, *y = b;
    if (x->channel != y->channel)
        return x->channel < y->channel ? -1 : 1;
    return (x->day > y->day) - (x->day < y->day);
}

static int touch(touched_day **arr, size_t *n, size_t *cap, uint32_t channel, int64_t day,
                 bool has_post)
{
    if (!skpi__grow((void **)arr, cap, *n + 1, sizeof **arr))
        return skpi__nomem();
    (*arr)[(*n)++] = (touched_day){ channel, has_post, day };
    return SKPI_OK;
}

/* The (channel, day) pairs a file speaks for, growing. */
typedef struct touched_set {
    touched_day *day;
    size_t n, cap;
} touched_set;

/* The flows of the file's posts (and one post each for posts_metric) on
 * the days they were published; marks the channels they are on. */
static int staged_posts_days(skpi__stage *st, touched_set *t, bool *channel_used,
                             const skpi__days *days, uint32_t posts_metric)
{
    int rc;
    for (size_t i = 0; i < st->nposts; i++) {
        const skpi__stage_post *p = &st->posts[i];
        if (p->dead || p->ranking)
            continue;
        channel_used[p->channel] = true;
        int64_t d = skpi__days_index(days, p->published);
        skpi_time day = skpi__days_start(days, d);
        if ((rc = touch(&t->day, &t->n, &t->cap, p->channel, d, true)) != SKPI_OK)
            return rc;
        const skpi__staged_value *v = p->count ? st->values + p->first : NULL;
        for (size_t k = 0; k < p->count; k++) {
            if (st->metrics[v[k].metric].kind != SKPI_KIND_FLOW)
                continue;
            if ((rc = add_day(st, v[k].metric, p->channel, day, v[k].value)) != SKPI_OK)
                return rc;
        }
        if (posts_metric != UINT32_MAX &&
            (rc = add_day(st, posts_metric, p->channel, day, 1.0)) != SKPI_OK)
            return rc;
    }
    return SKPI_OK;
}

/* Every day of the range the file covers, on each channel it speaks for. */
static int covered_days(const skpi__stage *st, touched_set *t, const bool *channel_used,
                        const skpi_period *covers, const skpi__days *days)
{
    if (covers == NULL)
        return SKPI_OK;
    int64_t d0 = skpi__days_index(days, covers->start), d1 = skpi__days_index(days, covers->end);
    for (uint32_t c = 0; c < st->nchannels; c++)
        for (int64_t d = d0; channel_used[c] && d < d1; d++) {
            int rc = touch(&t->day, &t->n, &t->cap, c, d, false);
            if (rc != SKPI_OK)
                return rc;
        }
    return SKPI_OK;
}

/* The flows of a post of an earlier import (not in this file) on channel
 * c, published on the day starting at `day`. */
static int earlier_post_flows(skpi__stage *st, const skpi_post *p, uint32_t c, skpi_time day,
                              uint32_t posts_metric)
{
    for (uint32_t m = 0; m < st->nmetrics; m++) {
        if (st->metrics[m].kind != SKPI_KIND_FLOW)
            continue;
        skpi_value val;
        if (m == posts_metric) {
            val.value = 1.0;
        } else if (skpi_post_value(&val, p, st->metrics[m].key) != SKPI_OK ||
                   val.availability != SKPI_AVAILABLE) {
            continue;
        }
        int rc = add_day(st, m, c, day, val.value);
        if (rc != SKPI_OK)
            return rc;
    }
    return SKPI_OK;
}

/* Posts of earlier imports published on a touched day still count toward
 * it: a partial re-export must not wipe them out. t is sorted. */
static int earlier_posts_days(skpi__stage *st, const skpi_dataset *ds, touched_set *t,
                              const skpi__days *days, uint32_t posts_metric)
{
    size_t total = skpi_dataset_post_count(ds);
    for (size_t i = 0; i < total; i++) {
        const skpi_post *p = skpi_dataset_post(ds, i);
        const char *ch = skpi_post_channel(p);
        uint32_t c = UINT32_MAX;
        for (uint32_t k = 0; k < st->nchannels && c == UINT32_MAX; k++)
            if (strcmp(st->channels[k], ch) == 0)
                c = k;
        if (c == UINT32_MAX)
            continue;
        touched_day key = { c, false, skpi__days_index(days, skpi_post_published(p)) };
        touched_day *hit = bsearch(&key, t->day, t->n, sizeof *t->day, touched_cmp);
        if (hit == NULL)
            continue;
        hit->has_post = true;
        if (staged_post(st, ch, skpi_post_id(p)))
            continue;
        int rc = earlier_post_flows(st, p, c, skpi__days_start(days, key.day), posts_metric);
        if (rc != SKPI_OK)
            return rc;
    }
    return SKPI_OK;
}

/* Covered days without a post: zero for every flow the file holds. */
static int zero_days(skpi__stage *st, const touched_set *t, const skpi__days *days)
{
    for (size_t i = 0; i < t->n;) {
        size_t j = i;
        bool has_post = false;
        for (; j < t->n && touched_cmp(&t->day[i], &t->day[j]) == 0; j++)
            has_post = has_post || t->day[j].has_post;
        skpi_time day = skpi__days_start(days, t->day[i].day);
        for (uint32_t m = 0; !has_post && m < st->nmetrics; m++) {
            int rc = st->metrics[m].kind == SKPI_KIND_FLOW
                ? add_day(st, m, t->day[i].channel, day, 0.0) : SKPI_OK;
            if (rc != SKPI_OK)
                return rc;
        }
        i = j;
    }
    return SKPI_OK;
}

int skpi__stage_post_flows(skpi__stage *st, const skpi_dataset *ds, const skpi__days *days,
                           uint32_t posts_metric, const skpi_period *covers,
                           uint32_t covers_channel)
{
    /* The (channel, day) pairs the file speaks for: the days of its posts,
     * and every day of the range it covers on each of its channels. Those
     * days are rebuilt from every post published on them; the covered days
     * without any post are zero. */
    touched_set t = { NULL, 0, 0 };
    bool *channel_used = NULL;
    if (st->nchannels > 0 &&
        (channel_used = skpi__reallocarray(NULL, st->nchannels, sizeof *channel_used)) == NULL)
        return skpi__nomem();
    for (size_t c = 0; c < st->nchannels; c++)
        channel_used[c] = c == covers_channel;
    int rc = staged_posts_days(st, &t, channel_used, days, posts_metric);
    if (rc == SKPI_OK) rc = covered_days(st, &t, channel_used, covers, days);
    if (rc == SKPI_OK && t.n > 0) {
        qsort(t.day, t.n, sizeof *t.day, touched_cmp);
        rc = earlier_posts_days(st, ds, &t, days, posts_metric);
        if (rc == SKPI_OK) rc = zero_days(st, &t, days);
    }
    skpi__free(t.day);
    skpi__free(channel_used);
    return rc;
}

/* ---- commit ----------------------------------------------------------- */

/* Stable merge sort of (t, v) pairs by time, then duplicate times summed
 * (NaN + x = x; all NaN stays NaN). */
static int sum_duplicates(skpi__stage_series *s)
{
    size_t n = s->n;
    if (n < 2)
        return SKPI_OK;
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = s->t[i - 1] <= s->t[i];
    if (!sorted) {
        skpi_time *bt = skpi__reallocarray(NULL, n, sizeof *bt);
        double *bv = skpi__reallocarray(NULL, n, sizeof *bv);
        if (bt == NULL || bv == NULL) {
            skpi__free(bt);
            skpi__free(bv);
            return skpi__nomem();
        }
        skpi_time *at = s->t, *xt = bt;
        double *av = s->v, *xv = bv;
        for (size_t w = 1; w < n; w *= 2) {
            for (size_t lo = 0; lo < n; lo += 2 * w) {
                size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
                size_t i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    if (at[j] < at[i]) { xt[k] = at[j]; xv[k++] = av[j++]; }
                    else { xt[k] = at[i]; xv[k++] = av[i++]; }
                }
                while (i < mid) { xt[k] = at[i]; xv[k++] = av[i++]; }
                while (j < hi) { xt[k] = at[j]; xv[k++] = av[j++]; }
            }
            skpi_time *tt = at; at = xt; xt = tt;
            double *tv = av; av = xv; xv = tv;
        }
        if (at != s->t) {
            memcpy(s->t, at, n * sizeof *at);
            memcpy(s->v, av, n * sizeof *av);
        }
        skpi__free(bt);
        skpi__free(bv);
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (w > 0 && s->t[w - 1] == s->t[i]) {
            double a = s->v[w - 1], b = s->v[i];
            s->v[w - 1] = isnan(a) ? b : (isnan(b) ? a : a + b);
        } else {
            s->t[w] = s->t[i];
            s->v[w] = s->v[i];
            w++;
        }
    }
    s->n = w;
    return SKPI_OK;
}

/* How many of a staged series' times the dataset's series already has. */
static uint64_t times_present(const skpi_dataset *ds, const char *metric, const char *channel,
                              const skpi_time *t, size_t n)
{
    const skpi_series *old;
    if (skpi_dataset_series(&old, ds, metric, channel) != SKPI_OK)
        return 0;
    const skpi_time *ot = skpi_series_times(old);
    size_t on = skpi_series_length(old);
    uint64_t hits = 0;
    for (size_t i = 0; i < n && on > 0; i++) {
        size_t lo = 0, hi = on;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (ot[mid] < t[i])
                lo = mid + 1;
            else
                hi = mid;
        }
        hits += lo < on && ot[lo] == t[i];
    }
    return hits;
}

/* Nothing but blanks, or a lone '#': no label. */
static bool label_empty(const char *s)
{
    s += strspn(s, " \t");
    if (*s == '#') s++;
    return s[strspn(s, " \t")] == '\0';
}

/* The post's carried tags become the labels of the file: each piece
 * between commas, blanks around it dropped (skpi_dataset_add_post_tag()),
 * empty pieces skipped; "Launch" and "launch" are one tag. */
static int write_tags(skpi_dataset *ds, const char *channel, const skpi__stage_post *p)
{
    int rc = skpi_dataset_clear_post_tags(ds, channel, p->id);
    char *list = rc == SKPI_OK ? skpi__strdup(p->tags) : NULL;
    if (rc == SKPI_OK && list == NULL) rc = skpi__nomem();
    for (char *label = list; rc == SKPI_OK && label != NULL;) {
        char *comma = strchr(label, ',');
        if (comma != NULL) *comma = '\0';
        if (!label_empty(label)) rc = skpi_dataset_add_post_tag(ds, channel, p->id, label);
        label = comma != NULL ? comma + 1 : NULL;
    }
    skpi__free(list);
    return rc;
}

/* The writes of skpi__stage_commit(), each one all or nothing. */
static int write_all(skpi__stage *st, skpi_dataset *ds, skpi__commit_counts *counts)
{
    int rc;
    for (size_t i = 0; i < st->nposts; i++) {
        const skpi__stage_post *p = &st->posts[i];
        if (p->dead)
            continue;
        const char *ch = st->channels[p->channel];
        size_t index;
        bool existed = skpi_dataset_find_post(&index, ds, ch, p->id) == SKPI_OK;
        rc = skpi_dataset_add_post(ds, ch, p->id, p->published, p->type, p->text, p->link);
        if (rc != SKPI_OK)
            return rc;
        const skpi__staged_value *v = p->count ? st->values + p->first : NULL;
        for (size_t k = 0; k < p->count; k++) {
            if (isnan(v[k].value) && !existed)
                continue;
            rc = skpi_dataset_set_post_value(ds, ch, p->id, st->metrics[v[k].metric].key,
                                             v[k].value);
            if (rc != SKPI_OK)
                return rc;
        }
        if (p->tags != NULL && (rc = write_tags(ds, ch, p)) != SKPI_OK)
            return rc;
        counts->posts++;
        counts->posts_updated += existed;
    }
    for (size_t i = 0; i < st->nseries; i++) {
        const skpi__stage_series *s = &st->series[i];
        if (s->n == 0)
            continue;
        counts->points_updated += times_present(ds, st->metrics[s->metric].key,
                                                st->channels[s->channel], s->t, s->n);
        rc = skpi_dataset_append(ds, st->metrics[s->metric].key, st->channels[s->channel],
                                 s->t, s->v, s->n);
        if (rc != SKPI_OK)
            return rc;
        counts->points += s->n;
        counts->series++;
    }
    return SKPI_OK;
}

int skpi__stage_commit(skpi__stage *st, skpi_dataset *ds, skpi__commit_counts *counts)
{
    int rc;
    memset(counts, 0, sizeof *counts);
    for (size_t i = 0; i < st->nseries; i++)
        if (st->series[i].sum && (rc = sum_duplicates(&st->series[i])) != SKPI_OK)
            return rc;
    /* One savepoint around the many writes: a failure among them (only
     * SKPI_ENOMEM once the file has parsed) undoes the earlier ones, so the
     * file is imported whole or not at all. */
    if ((rc = skpi__dataset_savepoint_begin(ds)) != SKPI_OK)
        return rc;
    if ((rc = write_all(st, ds, counts)) != SKPI_OK) {
        skpi__dataset_savepoint_rollback(ds);
        memset(counts, 0, sizeof *counts);
        return rc;
    }
    skpi__dataset_savepoint_commit(ds);
    return SKPI_OK;
}
