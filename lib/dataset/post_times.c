/* Posting times: the median of a metric per post for each weekday and hour
 * of publication in the calendar's time zone, the posts behind each cell,
 * and the best slots where enough posts support them. */
#include "dataset/content.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CELLS (7 * 24)

struct skpi_posting_times {
    size_t posts[CELLS];
    skpi_value median[CELLS];
    size_t in_cells, without_metric;
    uint8_t best[CELLS]; /* cell indices, best first */
    size_t n_best;
};

void skpi_posting_times_free(skpi_posting_times *t) { skpi__free(t); }

/* The cell of a time: weekday (Monday 0) * 24 + local hour. */
static int cell_of(skpi_time t, int offset_seconds)
{
    int64_t local = t + offset_seconds;
    int64_t days = local / 86400 - (local % 86400 < 0);
    int64_t secs = local - days * 86400;
    /* 1970-01-01 was a Thursday (3 days after a Monday). */
    int weekday = (int)(((days % 7) + 7 + 3) % 7);
    return weekday * 24 + (int)(secs / 3600);
}


/* Best slots: better median, then more posts, then the earlier slot. */
static bool slot_before(const skpi_posting_times *t, int sign, int a, int b)
{
    double va = t->median[a].value, vb = t->median[b].value;
    if (va != vb) return (va > vb) == (sign > 0);
    if (t->posts[a] != t->posts[b]) return t->posts[a] > t->posts[b];
    return a < b;
}

static void rank_slots(skpi_posting_times *t, int sign, size_t min_posts)
{
    t->n_best = 0;
    for (int c = 0; c < CELLS; c++) {
        if (t->posts[c] < min_posts) continue;
        size_t j = t->n_best++;
        while (j > 0 && slot_before(t, sign, c, t->best[j - 1])) {
            t->best[j] = t->best[j - 1];
            j--;
        }
        t->best[j] = (uint8_t)c;
    }
}

int skpi_posting_times_new(skpi_posting_times **out, const skpi_dataset *ds, skpi_period period,
                           const skpi_content_options *opts)
{
    static const char fn[] = "skpi_posting_times_new";
    if (!out || !ds) return skpi__error(SKPI_EMISUSE, "%s: NULL out or dataset", fn);
    skpi__content c;
    int rc = skpi__content_prepare(&c, ds, period, opts, fn);
    if (rc != SKPI_OK) return rc;
    skpi_posting_times *t = skpi__calloc(1, sizeof *t);
    /* Values grouped by cell: the cell of each counted post first, then a
     * counting sort, then a median per cell; the arrays are the dataset's
     * scratch memory, reused from call to call. */
    void *tail;
    double *scratch = skpi__content_scratch(ds, &tail);
    if (!t || !scratch) {
        rc = t ? SKPI_ENOMEM : skpi__nomem();
        goto done;
    }
    double *value = scratch, *by_cell = scratch + (ds->n_posts ? ds->n_posts : 1);
    uint8_t *cell = tail;
    size_t k = 0;
    /* One pass over the post columns. */
    for (size_t i = 0; i < ds->n_posts; i++) {
        if (!skpi__content_selects(&c, i)) continue;
        skpi_value v;
        skpi__content_eval(&v, &c, &c.metric, i);
        if (v.availability != SKPI_AVAILABLE) {
            t->without_metric++;
            continue;
        }
        skpi_time when = c.cols->published[i];
        int off = 0;
        if (c.cal && (rc = skpi_calendar_offset_at(&off, c.cal, when)) != SKPI_OK) goto done;
        cell[k] = (uint8_t)cell_of(when, off);
        value[k] = v.value;
        t->posts[cell[k]]++;
        k++;
    }
    t->in_cells = k;
    size_t start[CELLS + 1] = { 0 };
    for (int j = 0; j < CELLS; j++) start[j + 1] = start[j] + t->posts[j];
    size_t fill[CELLS];
    memcpy(fill, start, sizeof fill);
    for (size_t i = 0; i < k; i++) by_cell[fill[cell[i]]++] = value[i];
    for (int j = 0; j < CELLS; j++) {
        t->median[j] = (skpi_value){ NAN, SKPI_MISSING };
        if (t->posts[j] > 0)
            t->median[j] = (skpi_value){ skpi__median_of(by_cell + start[j], t->posts[j]), SKPI_AVAILABLE };
    }
    rank_slots(t, c.sign, c.min_slot_posts);
done:
    skpi__content_release(&c);
    if (rc != SKPI_OK) {
        skpi__free(t);
        return rc;
    }
    *out = t;
    return SKPI_OK;
}

int skpi_posting_times_cell(size_t *posts, skpi_value *median, const skpi_posting_times *t,
                            int weekday, int hour)
{
    static const char fn[] = "skpi_posting_times_cell";
    if (!t) return skpi__error(SKPI_EMISUSE, "%s: the table is NULL", fn);
    if (weekday < 1 || weekday > 7 || hour < 0 || hour > 23)
        return skpi__error(SKPI_ERANGE, "%s: weekday %d, hour %d: weekdays run 1 (Monday) to 7 "
                           "(Sunday), hours 0 to 23", fn, weekday, hour);
    int c = (weekday - 1) * 24 + hour;
    if (posts) *posts = t->posts[c];
    if (median) *median = t->median[c];
    return SKPI_OK;
}

int skpi_posting_times_counts(size_t *posts, size_t *without_metric, const skpi_posting_times *t)
{
    if (!t) return skpi__error(SKPI_EMISUSE, "skpi_posting_times_counts: the table is NULL");
    if (posts) *posts = t->in_cells;
    if (without_metric) *without_metric = t->without_metric;
    return SKPI_OK;
}

size_t skpi_posting_times_best_count(const skpi_posting_times *t) { return t ? t->n_best : 0; }

int skpi_posting_times_best(int *weekday, int *hour, const skpi_posting_times *t, size_t rank)
{
    static const char fn[] = "skpi_posting_times_best";
    if (!weekday || !hour || !t) return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    if (rank >= t->n_best)
        return skpi__error(SKPI_ERANGE, "%s: rank %zu does not exist (there are %zu best slots)", fn,
                           rank, t->n_best);
    *weekday = t->best[rank] / 24 + 1;
    *hour = t->best[rank] % 24;
    return SKPI_OK;
}
