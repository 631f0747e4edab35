/* Progress over time: an objective scored at the end of each cadence period. */
#include "okr/okr_internal.h"

#include <string.h>

struct skpi_okr_trajectory {
    size_t n;
    skpi_period *periods;
    skpi_okr_result *results; /* borrowed = true */
};

void skpi_okr_trajectory_free(skpi_okr_trajectory *t)
{
    if (t == NULL) return;
    for (size_t i = 0; i < t->n; i++) skpi__okr_result_clear(&t->results[i]);
    skpi__free(t->results);
    skpi__free(t->periods);
    skpi__free(t);
}

/* The cadence periods from the one holding `start` to the last one that
 * begins before `stop`, into periods[] when it is not NULL; *n gets their
 * number. Fails with ERANGE past the limit. */
static int walk(skpi_period *periods, size_t *n, const skpi_calendar *cal, int cadence,
                skpi_time start, skpi_time stop)
{
    skpi_period p;
    int rc = skpi_calendar_period(&p, cal, cadence, start);
    if (rc != SKPI_OK) return rc;
    size_t count = 0;
    for (;;) {
        if (count == SKPI__OKR_MAX_POINTS)
            return skpi__error(SKPI_ERANGE, "skpi_objective_trajectory: more than %d points; "
                               "choose a longer cadence or an earlier as_of", SKPI__OKR_MAX_POINTS);
        if (periods != NULL) periods[count] = p;
        count++;
        if (p.end >= stop) break;
        rc = skpi_calendar_next(&p, cal, cadence, p.start);
        if (rc != SKPI_OK) return rc;
    }
    *n = count;
    return SKPI_OK;
}

int skpi_objective_trajectory(skpi_okr_trajectory **out, const skpi_objective *obj,
                              skpi_dataset *ds, const skpi_calendar *cal,
                              int cadence, skpi_time as_of, const skpi_okr_options *opts)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_trajectory: out is NULL");
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_trajectory: obj is NULL");
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_trajectory: cal is NULL");
    if (cadence < SKPI_CADENCE_DAY || cadence > SKPI_CADENCE_YEAR)
        return skpi__error(SKPI_EINVAL, "skpi_objective_trajectory: cadence %d is unknown "
                           "(0 day, 1 week, 2 month, 3 quarter, 4 year)", cadence);
    if (as_of < SKPI_TIME_MIN || as_of > SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE, "skpi_objective_trajectory: as_of %lld is outside "
                           "0001-01-01 to 10000-01-01", (long long)as_of);
    skpi__okr_opts o;
    int rc = skpi__okr_opts_resolve(&o, opts, "skpi_objective_trajectory");
    if (rc != SKPI_OK) return rc;
    if (!obj->has_period)
        return skpi__error(SKPI_EINVAL, "objective \"%s\" has no period; set one with "
                           "skpi_objective_set_period()", obj->title);
    skpi_time stop = as_of < obj->period.end ? as_of : obj->period.end;
    size_t n = 0;
    if (stop > obj->period.start) {
        rc = walk(NULL, &n, cal, cadence, obj->period.start, stop);
        if (rc != SKPI_OK) return rc;
    }
    skpi_okr_trajectory *t = skpi__calloc(1, sizeof *t);
    if (t == NULL) return skpi__nomem();
    if (n > 0) {
        t->periods = skpi__calloc(n, sizeof *t->periods);
        t->results = skpi__calloc(n, sizeof *t->results);
        if (t->periods == NULL || t->results == NULL) {
            skpi_okr_trajectory_free(t);
            return skpi__nomem();
        }
        rc = walk(t->periods, &n, cal, cadence, obj->period.start, stop);
        for (size_t i = 0; rc == SKPI_OK && i < n; i++) {
            skpi_time at = t->periods[i].end < stop ? t->periods[i].end : stop;
            rc = skpi__okr_score_into(&t->results[i], obj, ds, at, &o);
            if (rc == SKPI_OK) {
                t->results[i].borrowed = true;
                t->n = i + 1;
            }
        }
        if (rc != SKPI_OK) {
            skpi_okr_trajectory_free(t);
            return rc;
        }
    }
    *out = t;
    return SKPI_OK;
}

size_t skpi_okr_trajectory_length(const skpi_okr_trajectory *t)
{
    return t != NULL ? t->n : 0;
}

int skpi_okr_trajectory_period(skpi_period *out, const skpi_okr_trajectory *t, size_t index)
{
    if (out == NULL || t == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_okr_trajectory_period: %s is NULL",
                           out == NULL ? "out" : "t");
    if (index >= t->n)
        return skpi__error(SKPI_ERANGE, "skpi_okr_trajectory_period: index %zu is out of range "
                           "(the trajectory has %zu points)", index, t->n);
    *out = t->periods[index];
    return SKPI_OK;
}

const skpi_okr_result *skpi_okr_trajectory_result(const skpi_okr_trajectory *t, size_t index)
{
    if (t == NULL || index >= t->n) return NULL;
    return &t->results[index];
}
