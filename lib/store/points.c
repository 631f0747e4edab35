/* Series points: validation, the merge of new points into stored chunks,
 * and reading the points of a period back. */
#include "store/store_internal.h"
#include "store/chunk.h"
#include "core/civil.h"
#include "core/internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Growable columnar buffer of points. */
typedef struct points {
    skpi_time *t;
    double *v;
    size_t n;
    size_t cap;
} points;

static int points_reserve(points *p, size_t extra)
{
    if (extra <= p->cap - p->n) return SKPI_OK;
    if (extra > SIZE_MAX / 2 - p->n) return skpi__nomem();
    size_t cap = p->cap ? p->cap : 64;
    while (cap - p->n < extra) cap *= 2;
    skpi_time *t = skpi__reallocarray(p->t, cap, sizeof *t);
    if (t == NULL) return skpi__nomem();
    p->t = t;
    double *v = skpi__reallocarray(p->v, cap, sizeof *v);
    if (v == NULL) return skpi__nomem();
    p->v = v;
    p->cap = cap;
    return SKPI_OK;
}

static void points_free(points *p)
{
    skpi__free(p->t);
    skpi__free(p->v);
    memset(p, 0, sizeof *p);
}

int skpi__store_series_id(sqlite3_int64 *out, skpi_store *st, const char *metric,
                          const char *channel, int create, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_stmt(&s, st, SKPI__Q_SERIES_FIND, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, metric, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, channel, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) {
        *out = sqlite3_column_int64(s, 0);
        sqlite3_reset(s);
        return SKPI_OK;
    }
    sqlite3_reset(s);
    if (src != SQLITE_DONE) return skpi__store_sqlerr(st, src, what);
    *out = 0;
    if (!create) return SKPI_OK;
    rc = skpi__store_stmt(&s, st, SKPI__Q_SERIES_ADD, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, metric, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, channel, -1, SQLITE_STATIC);
    src = sqlite3_step(s);
    sqlite3_reset(s);
    if (src != SQLITE_DONE) return skpi__store_sqlerr(st, src, what);
    *out = sqlite3_last_insert_rowid(st->db);
    return SKPI_OK;
}

static int damaged(skpi_store *st, sqlite3_int64 series, skpi_time t_first, const char *what)
{
    char text[SKPI__TIME_TEXT_SIZE];
    return skpi__error(SKPI_EIO, "%s: %s is damaged: the chunk of series %lld starting at %s "
                       "cannot be decoded", what, st->path, (long long)series,
                       skpi__time_text(text, t_first));
}

/* Decode the chunk in the current row of s (columns from `col`: t_first,
 * t_last, n, data) onto the end of p. */
static int decode_row(points *p, skpi_store *st, sqlite3_stmt *s, int col,
                      sqlite3_int64 series, const char *what)
{
    skpi_time t_first = sqlite3_column_int64(s, col);
    skpi_time t_last = sqlite3_column_int64(s, col + 1);
    sqlite3_int64 n = sqlite3_column_int64(s, col + 2);
    const unsigned char *data = sqlite3_column_blob(s, col + 3);
    size_t len = (size_t)sqlite3_column_bytes(s, col + 3);
    if (data == NULL && sqlite3_errcode(st->db) == SQLITE_NOMEM) return skpi__nomem();
    if (n < 1 || n > SKPI__CHUNK_MAX || data == NULL || t_first > t_last)
        return damaged(st, series, t_first, what);
    int rc = points_reserve(p, (size_t)n);
    if (rc != SKPI_OK) return rc;
    if (skpi__chunk_decode(p->t + p->n, p->v + p->n, (size_t)n, t_first, t_last, data, len) != 0)
        return damaged(st, series, t_first, what);
    if (p->n > 0 && p->t[p->n - 1] >= t_first) return damaged(st, series, t_first, what);
    p->n += (size_t)n;
    return SKPI_OK;
}

int skpi__store_read_points(skpi_time **times, double **values, size_t *n, skpi_store *st,
                            sqlite3_int64 series, skpi_period period, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_stmt(&s, st, SKPI__Q_CHUNK_READ, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_int64(s, 1, series);
    sqlite3_bind_int64(s, 2, period.start);
    sqlite3_bind_int64(s, 3, period.end);
    points p = { 0 };
    int src;
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        size_t from = p.n;
        rc = decode_row(&p, st, s, 0, series, what);
        if (rc != SKPI_OK) break;
        /* keep the points inside the period; the first chunk may start
         * before it and the last may end after it */
        size_t w = from;
        for (size_t i = from; i < p.n; i++) {
            if (p.t[i] >= period.start && p.t[i] < period.end) {
                p.t[w] = p.t[i];
                p.v[w] = p.v[i];
                w++;
            }
        }
        p.n = w;
    }
    sqlite3_reset(s);
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    if (rc != SKPI_OK) {
        points_free(&p);
        return rc;
    }
    if (p.n == 0) points_free(&p);
    *times = p.t;
    *values = p.v;
    *n = p.n;
    return SKPI_OK;
}

/* Store sorted points as consecutive chunks of at most SKPI__CHUNK_MAX. */
static int insert_chunks(skpi_store *st, sqlite3_int64 series, const skpi_time *t,
                         const double *v, size_t n, const char *what)
{
    unsigned char *buf = skpi__malloc(skpi__chunk_bound(SKPI__CHUNK_MAX));
    if (buf == NULL) return skpi__nomem();
    int rc = SKPI_OK;
    for (size_t at = 0; at < n && rc == SKPI_OK; at += SKPI__CHUNK_MAX) {
        size_t k = n - at < SKPI__CHUNK_MAX ? n - at : SKPI__CHUNK_MAX;
        size_t len = skpi__chunk_encode(buf, t + at, v + at, k);
        sqlite3_stmt *s;
        rc = skpi__store_stmt(&s, st, SKPI__Q_CHUNK_INSERT, what);
        if (rc != SKPI_OK) break;
        sqlite3_bind_int64(s, 1, series);
        sqlite3_bind_int64(s, 2, t[at]);
        sqlite3_bind_int64(s, 3, t[at + k - 1]);
        sqlite3_bind_int64(s, 4, (sqlite3_int64)k);
        sqlite3_bind_blob(s, 5, buf, (int)len, SQLITE_STATIC);
        int src = sqlite3_step(s);
        sqlite3_reset(s);
        if (src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    }
    skpi__free(buf);
    return rc;
}

typedef struct rowids {
    sqlite3_int64 *id;
    size_t n;
    size_t cap;
} rowids;

static int rowids_add(rowids *r, sqlite3_int64 id)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        sqlite3_int64 *p = skpi__reallocarray(r->id, cap, sizeof *p);
        if (p == NULL) return skpi__nomem();
        r->id = p;
        r->cap = cap;
    }
    r->id[r->n++] = id;
    return SKPI_OK;
}

/* Decode the chunks a write touches: those overlapping [t0, tn], and the one
 * before t0 when it is not full, so that appends fill it up instead of
 * leaving small chunks behind. They are consecutive, so replacing them by
 * the re-chunked merge keeps chunks disjoint and ordered. */
static int collect(points *old, rowids *ids, skpi_store *st, sqlite3_int64 series,
                   skpi_time t0, skpi_time tn, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_stmt(&s, st, SKPI__Q_CHUNK_BEFORE, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_int64(s, 1, series);
    sqlite3_bind_int64(s, 2, t0);
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) {
        skpi_time t_last = sqlite3_column_int64(s, 2);
        sqlite3_int64 n = sqlite3_column_int64(s, 3);
        if (t_last >= t0 || n < SKPI__CHUNK_MAX) {
            rc = rowids_add(ids, sqlite3_column_int64(s, 0));
            if (rc == SKPI_OK) rc = decode_row(old, st, s, 1, series, what);
        }
        src = SQLITE_DONE;
    }
    sqlite3_reset(s);
    if (rc != SKPI_OK) return rc;
    if (src != SQLITE_DONE) return skpi__store_sqlerr(st, src, what);

    rc = skpi__store_stmt(&s, st, SKPI__Q_CHUNK_RANGE, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_int64(s, 1, series);
    sqlite3_bind_int64(s, 2, t0);
    sqlite3_bind_int64(s, 3, tn);
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        rc = rowids_add(ids, sqlite3_column_int64(s, 0));
        if (rc == SKPI_OK) rc = decode_row(old, st, s, 1, series, what);
        if (rc != SKPI_OK) break;
    }
    sqlite3_reset(s);
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    return rc;
}

/* Merge two sorted point lists; at equal times the new point wins. */
static int merge(points *out, const points *old, const skpi_time *t, const double *v, size_t n)
{
    int rc = points_reserve(out, old->n + n);
    if (rc != SKPI_OK) return rc;
    size_t i = 0, j = 0, w = 0;
    while (i < old->n || j < n) {
        if (j == n || (i < old->n && old->t[i] < t[j])) {
            out->t[w] = old->t[i];
            out->v[w++] = old->v[i++];
        } else {
            if (i < old->n && old->t[i] == t[j]) i++;
            out->t[w] = t[j];
            out->v[w++] = v[j++];
        }
    }
    out->n = w;
    return SKPI_OK;
}

int skpi__store_put_points(skpi_store *st, sqlite3_int64 series, const skpi_time *t,
                           const double *v, size_t n, const char *what)
{
    points old = { 0 }, merged = { 0 };
    rowids ids = { 0 };
    int rc = collect(&old, &ids, st, series, t[0], t[n - 1], what);
    if (rc == SKPI_OK && ids.n == 0) {
        rc = insert_chunks(st, series, t, v, n, what);
    } else if (rc == SKPI_OK) {
        rc = merge(&merged, &old, t, v, n);
        for (size_t i = 0; i < ids.n && rc == SKPI_OK; i++) {
            sqlite3_stmt *s;
            rc = skpi__store_stmt(&s, st, SKPI__Q_CHUNK_DELETE, what);
            if (rc != SKPI_OK) break;
            sqlite3_bind_int64(s, 1, ids.id[i]);
            int src = sqlite3_step(s);
            sqlite3_reset(s);
            if (src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
        }
        if (rc == SKPI_OK) rc = insert_chunks(st, series, merged.t, merged.v, merged.n, what);
    }
    points_free(&old);
    points_free(&merged);
    skpi__free(ids.id);
    return rc;
}

/* Check the points; the message names the first bad index. */
static int validate(int *sorted, const skpi_time *times, const double *values, size_t n,
                    const char *what)
{
    int ordered = 1;
    for (size_t i = 0; i < n; i++) {
        if (!skpi__time_in_range(times[i]))
            return skpi__error(SKPI_ERANGE, "%s: times[%zu] = %lld is outside years 1 to 9999; "
                               "nothing was written", what, i, (long long)times[i]);
        if (isinf(values[i]))
            return skpi__error(SKPI_EINVAL, "%s: values[%zu] is infinite; nothing was written",
                               what, i);
        if (i > 0 && times[i] <= times[i - 1]) ordered = 0;
    }
    *sorted = ordered;
    return SKPI_OK;
}

/* Stable merge sort of indices by time. */
static void sort_index(size_t *a, size_t *tmp, size_t n, const skpi_time *t)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            size_t x = a[i], j = i;
            while (j > 0 && t[a[j - 1]] > t[x]) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
        return;
    }
    size_t h = n / 2;
    sort_index(a, tmp, h, t);
    sort_index(a + h, tmp, n - h, t);
    if (t[a[h - 1]] <= t[a[h]]) return;
    memcpy(tmp, a, h * sizeof *a);
    size_t i = 0, j = h, w = 0;
    while (i < h && j < n) {
        if (t[tmp[i]] <= t[a[j]]) a[w++] = tmp[i++];
        else a[w++] = a[j++];
    }
    while (i < h) a[w++] = tmp[i++];
}

/* Sorted copy with repeated times resolved to the last value in array order. */
static int sorted_copy(points *out, const skpi_time *times, const double *values, size_t n)
{
    size_t bytes;
    if (skpi__mul_overflows(n, sizeof(size_t), &bytes)) return skpi__nomem();
    size_t *idx = skpi__malloc(bytes);
    size_t *tmp = skpi__malloc(bytes / 2 + sizeof(size_t));
    int rc = idx && tmp ? points_reserve(out, n) : skpi__nomem();
    if (rc == SKPI_OK) {
        for (size_t i = 0; i < n; i++) idx[i] = i;
        sort_index(idx, tmp, n, times);
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            size_t k = idx[i];
            if (w > 0 && out->t[w - 1] == times[k]) {
                out->v[w - 1] = values[k];
            } else {
                out->t[w] = times[k];
                out->v[w++] = values[k];
            }
        }
        out->n = w;
    }
    skpi__free(idx);
    skpi__free(tmp);
    return rc;
}

int skpi__store_write_points_in_tx(skpi_store *st, const char *metric, const char *channel,
                                   const skpi_time *times, const double *values, size_t n,
                                   const char *what)
{
    int sorted = 1;
    int rc = validate(&sorted, times, values, n, what);
    if (rc != SKPI_OK) return rc;
    points copy = { 0 };
    if (!sorted) {
        rc = sorted_copy(&copy, times, values, n);
        if (rc != SKPI_OK) {
            points_free(&copy);
            return rc;
        }
        times = copy.t;
        values = copy.v;
        n = copy.n;
    }
    sqlite3_int64 series;
    rc = skpi__store_series_id(&series, st, metric, channel, 1, what);
    if (rc == SKPI_OK) rc = skpi__store_put_points(st, series, times, values, n, what);
    points_free(&copy);
    return rc;
}

static int check_keys(const char *metric, const char *channel, const char *what)
{
    int rc = skpi__store_check_metric(metric, what);
    return rc == SKPI_OK ? skpi__store_check_channel(channel, what) : rc;
}

int skpi_store_write_points(skpi_store *st, const char *metric, const char *channel,
                            const skpi_time *times, const double *values, size_t n)
{
    static const char what[] = "skpi_store_write_points";
    if (st == NULL || metric == NULL || channel == NULL || times == NULL || values == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: a required argument is NULL", what);
    if (n == 0) return skpi__error(SKPI_EINVAL, "%s: n is 0; give at least one point", what);
    int rc = check_keys(metric, channel, what);
    if (rc != SKPI_OK) return rc;
    rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = skpi__store_write_points_in_tx(st, metric, channel, times, values, n, what);
    return skpi__store_write_end(st, rc, what);
}

int skpi_store_write_series(skpi_store *st, const skpi_series *s)
{
    static const char what[] = "skpi_store_write_series";
    if (st == NULL || s == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, st ? "series" : "store");
    const char *metric = skpi_series_metric(s), *channel = skpi_series_channel(s);
    int rc = check_keys(metric, channel, what);
    if (rc != SKPI_OK) return rc;
    size_t n = skpi_series_length(s);
    if (n == 0) return SKPI_OK;
    rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = skpi__store_write_points_in_tx(st, metric, channel, skpi_series_times(s),
                                        skpi_series_values(s), n, what);
    return skpi__store_write_end(st, rc, what);
}

int skpi_store_read_series(skpi_series **out, skpi_store *st, const char *metric,
                           const char *channel, skpi_period period)
{
    static const char what[] = "skpi_store_read_series";
    if (out == NULL || st == NULL || metric == NULL || channel == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: a required argument is NULL", what);
    if (period.end < period.start)
        return skpi__error(SKPI_EINVAL, "%s: the period ends before it starts", what);
    if (metric[0] == '\0' || channel[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%s: the metric or channel key is empty", what);
    sqlite3_int64 series;
    int rc = skpi__store_series_id(&series, st, metric, channel, 0, what);
    if (rc != SKPI_OK) return rc;
    if (series == 0)
        return skpi__error(SKPI_ENOTFOUND, "%s: %s holds no series of \"%s\" on \"%s\"", what,
                           st->path, metric, channel);
    skpi_time *t = NULL;
    double *v = NULL;
    size_t n = 0;
    /* one statement reads every chunk: one snapshot, even while a writer commits */
    rc = skpi__store_read_points(&t, &v, &n, st, series, period, what);
    skpi_series *s = NULL;
    if (rc == SKPI_OK) rc = skpi_series_new(&s, metric, channel);
    if (rc == SKPI_OK && n > 0) rc = skpi_series_append(s, t, v, n);
    skpi__free(t);
    skpi__free(v);
    if (rc != SKPI_OK) {
        skpi_series_free(s);
        return rc;
    }
    *out = s;
    return SKPI_OK;
}
