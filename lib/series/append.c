/* Bulk append: validate, sort a copy when needed, resolve duplicates, merge. */
#include "series/series_internal.h"
#include "core/civil.h"
#include "core/internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static const char what[] = "skpi_series_append";

typedef struct pair {
    skpi_time t;
    double v;
} pair;

/* Stable merge sort by time; tmp holds n / 2 pairs. Runs that are already
 * in order cost one comparison, so nearly sorted blocks sort in about
 * linear time. */
static void sort_pairs(pair *a, pair *tmp, size_t n)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            pair x = a[i];
            size_t j = i;
            while (j > 0 && a[j - 1].t > x.t) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
        return;
    }
    size_t h = n / 2;
    sort_pairs(a, tmp, h);
    sort_pairs(a + h, tmp, n - h);
    if (a[h - 1].t <= a[h].t) return;
    memcpy(tmp, a, h * sizeof *a);
    size_t i = 0, j = h, w = 0;
    while (i < h && j < n) {
        /* <= keeps equal times in array order: the policy depends on it */
        if (tmp[i].t <= a[j].t) a[w++] = tmp[i++];
        else a[w++] = a[j++];
    }
    while (i < h) a[w++] = tmp[i++];
}

/* The value a duplicate time ends up with: `later` was appended after
 * `earlier`. SUM treats NaN as absent: NaN + x = x, NaN + NaN = NaN. */
static double combine(int policy, double earlier, double later)
{
    if (policy == SKPI_DUPLICATE_SUM) {
        if (earlier != earlier) return later;
        if (later != later) return earlier;
        return earlier + later;
    }
    return later;
}

static int duplicate_error(skpi_time t, const char *where)
{
    char text[SKPI__TIME_TEXT_SIZE];
    return skpi__error(SKPI_EDUPLICATE, "%s: time %s %s and the duplicate policy is ERROR; "
                       "nothing was appended", what, skpi__time_text(text, t), where);
}

static int overflow_error(skpi_time t, const char *where)
{
    char text[SKPI__TIME_TEXT_SIZE];
    return skpi__error(SKPI_ERANGE, "%s: adding the values at time %s (%s) overflows to "
                       "infinity; nothing was appended", what, skpi__time_text(text, t), where);
}

/* Check every point; the message names the first bad index. */
static int validate(const skpi_time *times, const double *values, size_t n, int *sorted)
{
    int ordered = 1;
    for (size_t i = 0; i < n; i++) {
        if (!skpi__time_in_range(times[i])) {
            char text[SKPI__TIME_TEXT_SIZE];
            return skpi__error(SKPI_ERANGE, "%s: times[%zu] = %s is outside "
                               "0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                               what, i, skpi__time_text(text, times[i]));
        }
        if (isinf(values[i]))
            return skpi__error(SKPI_EINVAL, "%s: values[%zu] is %sinfinity; give a finite "
                               "number, or NaN for a missing value", what, i,
                               values[i] > 0 ? "+" : "-");
        if (i > 0 && times[i] <= times[i - 1]) ordered = 0;
    }
    *sorted = ordered;
    return SKPI_OK;
}

/*
 * Sort a copy of the block and resolve its repeated times in array order.
 * On success *buf holds k times followed by k values (free it with
 * skpi__free), and *k_out is the number of distinct times.
 */
static int sorted_copy(void **buf, size_t *k_out, const skpi_time *times,
                       const double *values, size_t n, int policy)
{
    size_t bytes;
    if (skpi__mul_overflows(n, sizeof(pair), &bytes)) return skpi__nomem();
    pair *p = skpi__malloc(bytes);
    if (p == NULL) return skpi__nomem();
    pair *tmp = skpi__malloc(bytes / 2 + sizeof(pair));
    if (tmp == NULL) {
        skpi__free(p);
        return skpi__nomem();
    }
    for (size_t i = 0; i < n; i++) {
        p[i].t = times[i];
        p[i].v = values[i];
    }
    sort_pairs(p, tmp, n);

    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k > 0 && p[k - 1].t == p[i].t) {
            if (policy == SKPI_DUPLICATE_ERROR) {
                skpi_time t = p[i].t;
                skpi__free(tmp);
                skpi__free(p);
                return duplicate_error(t, "appears more than once in this call");
            }
            double v = combine(policy, p[k - 1].v, p[i].v);
            if (isinf(v)) {
                skpi_time t = p[i].t;
                skpi__free(tmp);
                skpi__free(p);
                return overflow_error(t, "repeated in this call");
            }
            p[k - 1].v = v;
        } else {
            p[k++] = p[i];
        }
    }
    skpi__free(tmp);

    /* Columns for the merge: k times, then k values. */
    skpi_time *cols = skpi__reallocarray(NULL, k, 2 * sizeof(skpi_time));
    if (cols == NULL) {
        skpi__free(p);
        return skpi__nomem();
    }
    double *vals = (double *)(void *)(cols + k);
    for (size_t i = 0; i < k; i++) {
        cols[i] = p[i].t;
        vals[i] = p[i].v;
    }
    skpi__free(p);
    *buf = cols;
    *k_out = k;
    return SKPI_OK;
}

/* Whether [p, p + bytes) overlaps [q, q + qbytes): appending a series'
 * own borrowed arrays must not read them after they were reallocated. */
static int overlaps(const void *p, size_t bytes, const void *q, size_t qbytes)
{
    uintptr_t a = (uintptr_t)p, b = (uintptr_t)q;
    return q != NULL && a < b + qbytes && b < a + bytes;
}

/*
 * Capacity rule (docs/series.md): a block of at least length / 8 points is
 * a bulk load and gets exactly the room it needs, so no slack is kept after
 * it; smaller blocks grow the arrays to 9/8 of the new length, so a stream
 * of small appends costs amortised O(1) copies per point.
 */
static int reserve(skpi_series *s, size_t need, size_t block)
{
    if (need <= s->capacity) return SKPI_OK;
    size_t cap = need;
    if (block < s->length / 8 && need <= SIZE_MAX - need / 8) cap = need + need / 8;
    skpi_time *t = skpi__reallocarray(s->times, cap, sizeof *t);
    if (t == NULL) return skpi__nomem();
    s->times = t; /* contents unchanged; capacity below stays the smaller one */
    double *v = skpi__reallocarray(s->values, cap, sizeof *v);
    if (v == NULL) {
        if (s->capacity == 0) {
            /* the series held no arrays before: hold none after */
            skpi__free(t);
            s->times = NULL;
        }
        return skpi__nomem();
    }
    s->values = v;
    s->capacity = cap;
    return SKPI_OK;
}

/*
 * Merge k distinct sorted points (nt, nv) into the series: count the times
 * already present and check them against the policy before anything
 * changes, make room, then merge from the back so that every point moves
 * at most once and the points before the block's first time stay put.
 */
static int merge(skpi_series *s, const skpi_time *nt, const double *nv, size_t k)
{
    size_t n = s->length;
    skpi_time *ot = s->times;
    double *ov = s->values;

    size_t dup = 0;
    if (n > 0 && nt[0] <= ot[n - 1]) {
        size_t pos = 0;
        for (size_t j = 0; j < k && pos < n; j++) {
            pos = skpi__series_search(ot, pos, n, nt[j], pos);
            if (pos < n && ot[pos] == nt[j]) {
                if (s->policy == SKPI_DUPLICATE_ERROR)
                    return duplicate_error(nt[j], "is already in the series");
                if (isinf(combine(s->policy, ov[pos], nv[j])))
                    return overflow_error(nt[j], "already in the series and appended again");
                dup++;
            }
        }
    }

    size_t m = n + (k - dup);
    if (m < n) return skpi__nomem();
    int rc = reserve(s, m, k);
    if (rc != SKPI_OK) return rc;
    ot = s->times;
    ov = s->values;

    if (n == 0 || nt[0] > ot[n - 1]) {
        memcpy(ot + n, nt, k * sizeof *nt);
        memcpy(ov + n, nv, k * sizeof *nv);
    } else {
        size_t i = n, j = k, w = m;
        while (j > 0) {
            w--;
            if (i > 0 && ot[i - 1] > nt[j - 1]) {
                i--;
                ot[w] = ot[i];
                ov[w] = ov[i];
            } else if (i > 0 && ot[i - 1] == nt[j - 1]) {
                i--;
                j--;
                ot[w] = nt[j];
                ov[w] = combine(s->policy, ov[i], nv[j]);
            } else {
                j--;
                ot[w] = nt[j];
                ov[w] = nv[j];
            }
        }
    }
    s->length = m;
    return SKPI_OK;
}

int skpi_series_append(skpi_series *s, const skpi_time *times, const double *values, size_t n)
{
    if (s == NULL) return skpi__error(SKPI_EMISUSE, "%s: s is NULL", what);
    if (times == NULL) return skpi__error(SKPI_EMISUSE, "%s: times is NULL", what);
    if (values == NULL) return skpi__error(SKPI_EMISUSE, "%s: values is NULL", what);
    if (n == 0)
        return skpi__error(SKPI_EINVAL, "%s: n is 0; give at least one point", what);

    int sorted = 0;
    int rc = validate(times, values, n, &sorted);
    if (rc != SKPI_OK) return rc;

    size_t cbytes = s->capacity * sizeof(skpi_time);
    size_t nbytes = n * sizeof(skpi_time); /* no overflow: the caller holds n of them */
    int aliased = overlaps(times, nbytes, s->times, cbytes) ||
                  overlaps(values, nbytes, s->values, cbytes) ||
                  overlaps(times, nbytes, s->values, cbytes) ||
                  overlaps(values, nbytes, s->times, cbytes);

    if (sorted && !aliased) return merge(s, times, values, n);

    void *buf = NULL;
    size_t k = 0;
    rc = sorted_copy(&buf, &k, times, values, n, s->policy);
    if (rc != SKPI_OK) return rc;
    const skpi_time *ct = buf;
    rc = merge(s, ct, (const double *)(const void *)(ct + k), k);
    skpi__free(buf);
    return rc;
}
