/* A resourcing analysis: hours by activity and role, capacity, impact per
 * hour as ratios of sums, shared metrics shown once, and weekly slopes. */
#include "effort/effort_internal.h"
#include "socialkpi/metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WEEK ((skpi_time)7 * 86400)

typedef struct figure {
    skpi_impact v;          /* metric and channels point at the strings below */
    char *metric, *channels;
    size_t *acts, nacts, capacts;
} figure;

struct skpi_resourcing {
    char **roles;
    double *planned, *available;
    int *over;
    size_t nroles, caproles;
    char **acts;
    double *hours, *prev_hours, *cost, *matrix; /* matrix: activity × role */
    size_t nacts;
    figure *figs;
    size_t nfigs, capfigs;
};

int skpi_resourcing_options_init(skpi_resourcing_options *opts, unsigned version)
{
    if (opts == NULL) return skpi__error(SKPI_EMISUSE, "skpi_resourcing_options_init: opts is NULL");
    if (version != SKPI_RESOURCING_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_resourcing_options_init: unknown version %u",
                           version);
    *opts = (skpi_resourcing_options)SKPI_RESOURCING_OPTIONS_INIT;
    return SKPI_OK;
}

int skpi_impact_init(skpi_impact *impact, unsigned version)
{
    if (impact == NULL) return skpi__error(SKPI_EMISUSE, "skpi_impact_init: impact is NULL");
    if (version != SKPI_IMPACT_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_impact_init: unknown version %u", version);
    memset(impact, 0, sizeof *impact);
    impact->version = version;
    return SKPI_OK;
}

void skpi_resourcing_free(skpi_resourcing *r)
{
    if (r == NULL) return;
    for (size_t i = 0; i < r->nroles; i++) skpi__free(r->roles[i]);
    skpi__free(r->roles);
    skpi__free(r->planned);
    skpi__free(r->available);
    skpi__free(r->over);
    for (size_t i = 0; i < r->nacts; i++) skpi__free(r->acts[i]);
    skpi__free(r->acts);
    skpi__free(r->hours);
    skpi__free(r->prev_hours);
    skpi__free(r->cost);
    skpi__free(r->matrix);
    for (size_t i = 0; i < r->nfigs; i++) {
        skpi__free(r->figs[i].metric);
        skpi__free(r->figs[i].channels);
        skpi__free(r->figs[i].acts);
    }
    skpi__free(r->figs);
    skpi__free(r);
}

/* The role an entry's hours count toward: a person's role, a role itself,
 * else (someone not declared) the activity's role. */
static const char *entry_role(const skpi_effort *e, const skpi__entry *x, long activity)
{
    const char *role;
    if (skpi_effort_role_of(&role, e, x->who) == SKPI_OK) return role;
    skpi_error_clear();
    return e->activities[activity].role;
}

static bool in_period(const skpi__entry *x, skpi_period p)
{
    return x->period.start >= p.start && x->period.start < p.end;
}

static int role_index(const skpi_resourcing *r, const char *role)
{
    for (size_t i = 0; i < r->nroles; i++)
        if (strcmp(r->roles[i], role) == 0) return (int)i;
    return -1;
}

static bool add_role(skpi_resourcing *r, const char *role)
{
    if (role_index(r, role) >= 0) return true;
    char *copy = skpi__strdup(role);
    if (copy == NULL || !skpi__grow((void **)&r->roles, &r->caproles, r->nroles + 1,
                                    sizeof *r->roles)) {
        skpi__free(copy);
        return false;
    }
    r->roles[r->nroles++] = copy;
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int collect_roles(skpi_resourcing *r, const skpi_effort *e, skpi_period period)
{
    for (size_t i = 0; i < e->nactivities; i++)
        if (!add_role(r, e->activities[i].role)) return skpi__nomem();
    for (size_t i = 0; i < e->npeople; i++)
        if (!add_role(r, e->people[i].role)) return skpi__nomem();
    for (size_t i = 0; i < e->ncapacity; i++)
        if (!add_role(r, e->capacity[i].role)) return skpi__nomem();
    for (size_t i = 0; i < e->nentries; i++) {
        long a = skpi__effort_activity_find(e, e->entries[i].activity);
        if (!add_role(r, entry_role(e, &e->entries[i], a))) return skpi__nomem();
    }
    if (r->nroles > 1) qsort(r->roles, r->nroles, sizeof *r->roles, cmp_str);
    size_t n = r->nroles ? r->nroles : 1;
    r->planned = skpi__calloc(n, sizeof *r->planned);
    r->available = skpi__calloc(n, sizeof *r->available);
    r->over = skpi__calloc(n, sizeof *r->over);
    if (r->planned == NULL || r->available == NULL || r->over == NULL) return skpi__nomem();
    double days = (double)(period.end - period.start) / 86400.0;
    for (size_t i = 0; i < r->nroles; i++) {
        r->available[i] = NAN;
        for (size_t c = 0; c < e->ncapacity; c++)
            if (strcmp(e->capacity[c].role, r->roles[i]) == 0)
                r->available[i] = e->capacity[c].hours * days / 7.0;
    }
    return SKPI_OK;
}

static int collect_hours(skpi_resourcing *r, const skpi_effort *e, skpi_period period,
                         skpi_period previous)
{
    size_t n = e->nactivities ? e->nactivities : 1, cells;
    if (skpi__mul_overflows(n, r->nroles ? r->nroles : 1, &cells)) return skpi__nomem();
    r->acts = skpi__calloc(n, sizeof *r->acts);
    r->hours = skpi__calloc(n, sizeof *r->hours);
    r->prev_hours = skpi__calloc(n, sizeof *r->prev_hours);
    r->cost = skpi__calloc(n, sizeof *r->cost);
    r->matrix = skpi__calloc(cells, sizeof *r->matrix);
    if (r->acts == NULL || r->hours == NULL || r->prev_hours == NULL || r->cost == NULL
        || r->matrix == NULL)
        return skpi__nomem();
    for (size_t i = 0; i < e->nactivities; i++) {
        if ((r->acts[i] = skpi__strdup(e->activities[i].name)) == NULL) return skpi__nomem();
        r->nacts++;
        r->cost[i] = NAN;
    }
    for (size_t i = 0; i < e->nentries; i++) {
        const skpi__entry *x = &e->entries[i];
        long a = skpi__effort_activity_find(e, x->activity);
        if (in_period(x, previous)) r->prev_hours[a] += x->hours;
        if (!in_period(x, period)) continue;
        int ro = role_index(r, entry_role(e, x, a));
        r->hours[a] += x->hours;
        r->matrix[(size_t)a * r->nroles + (size_t)ro] += x->hours;
        r->planned[ro] += x->hours;
        if (!isnan(x->cost)) r->cost[a] = (isnan(r->cost[a]) ? 0.0 : r->cost[a]) + x->cost;
    }
    for (size_t i = 0; i < r->nroles; i++)
        r->over[i] = !isnan(r->available[i]) && r->planned[i] > r->available[i];
    return SKPI_OK;
}

static int find_figure(const skpi_resourcing *r, const char *metric, const char *channels)
{
    for (size_t i = 0; i < r->nfigs; i++)
        if (strcmp(r->figs[i].metric, metric) == 0 && strcmp(r->figs[i].channels, channels) == 0)
            return (int)i;
    return -1;
}

static int collect_figures(skpi_resourcing *r, const skpi_effort *e)
{
    for (size_t a = 0; a < e->nactivities; a++) {
        const skpi__activity *act = &e->activities[a];
        for (size_t m = 0; m < act->metrics.count; m++) {
            int at = find_figure(r, act->metrics.items[m], act->channels);
            if (at < 0) {
                if (!skpi__grow((void **)&r->figs, &r->capfigs, r->nfigs + 1, sizeof *r->figs))
                    return skpi__nomem();
                figure *f = &r->figs[r->nfigs];
                memset(f, 0, sizeof *f);
                f->metric = skpi__strdup(act->metrics.items[m]);
                f->channels = skpi__strdup(act->channels);
                r->nfigs++;
                if (f->metric == NULL || f->channels == NULL) return skpi__nomem();
                at = (int)r->nfigs - 1;
            }
            figure *f = &r->figs[at];
            if (!skpi__grow((void **)&f->acts, &f->capacts, f->nacts + 1, sizeof *f->acts))
                return skpi__nomem();
            f->acts[f->nacts++] = a;
        }
    }
    return SKPI_OK;
}

/* The result of a metric over a period: a flow's sum, a stock's gain from
 * its last value in the week before the period; derived metrics have none. */
static int result_of(skpi_value *out, skpi_dataset *ds, int kind, const char *metric,
                     const char *channels, skpi_period p)
{
    if (kind == SKPI_KIND_DERIVED) {
        *out = (skpi_value){ NAN, SKPI_UNSUPPORTED };
        return SKPI_OK;
    }
    int rc = skpi_dataset_value(out, ds, metric, channels, p);
    if (rc != SKPI_OK || kind == SKPI_KIND_FLOW) return rc;
    skpi_value before;
    skpi_period b = { p.start - WEEK, p.start };
    if (b.start < SKPI_TIME_MIN) b.start = SKPI_TIME_MIN;
    if ((rc = skpi_dataset_value(&before, ds, metric, channels, b)) != SKPI_OK) return rc;
    if (before.availability == SKPI_MISSING || out->availability == SKPI_MISSING) {
        *out = (skpi_value){ NAN, SKPI_MISSING };
        return SKPI_OK;
    }
    int av = out->availability == SKPI_PARTIAL || before.availability == SKPI_PARTIAL
             ? SKPI_PARTIAL : SKPI_AVAILABLE;
    *out = (skpi_value){ out->value - before.value, av };
    return SKPI_OK;
}

static bool usable(skpi_value v)
{
    return v.availability == SKPI_AVAILABLE || v.availability == SKPI_PARTIAL;
}

static skpi_value ratio(skpi_value num, double den)
{
    if (!usable(num)) return (skpi_value){ NAN, num.availability };
    if (!(den > 0.0)) return (skpi_value){ NAN, SKPI_DENOMINATOR_ZERO };
    return (skpi_value){ num.value / den, num.availability };
}

static double figure_hours(const skpi_effort *e, const figure *f, skpi_period p)
{
    double h = 0.0;
    for (size_t i = 0; i < e->nentries; i++) {
        const skpi__entry *x = &e->entries[i];
        if (!in_period(x, p)) continue;
        long a = skpi__effort_activity_find(e, x->activity);
        for (size_t k = 0; k < f->nacts; k++)
            if ((long)f->acts[k] == a) h += x->hours;
    }
    return h;
}

static double figure_cost(const skpi_resourcing *r, const figure *f)
{
    double c = NAN;
    for (size_t k = 0; k < f->nacts; k++)
        if (!isnan(r->cost[f->acts[k]])) c = (isnan(c) ? 0.0 : c) + r->cost[f->acts[k]];
    return c;
}

/* The slope of weekly results on weekly hours over the last `window_weeks`
 * whole weeks that end by `to`. */
static int estimate(figure *f, const skpi_effort *e, skpi_dataset *ds, const skpi_calendar *cal,
                    int kind, skpi_time to, const skpi_resourcing_options *o)
{
    f->v.slope = f->v.slope_low = f->v.slope_high = NAN;
    skpi_period w;
    int rc = skpi_calendar_period(&w, cal, SKPI_CADENCE_WEEK, to - 1);
    if (rc != SKPI_OK) return rc;
    if (w.end > to && (rc = skpi_calendar_previous(&w, cal, SKPI_CADENCE_WEEK, w.start)) != SKPI_OK)
        return rc;
    skpi_time last_end = w.end;
    if ((rc = skpi_calendar_shift(&w, cal, SKPI_CADENCE_WEEK, w.start,
                                  -(int64_t)(o->window_weeks - 1))) != SKPI_OK)
        return rc;
    size_t n = 0, cap = 0;
    double *x = NULL, *y = NULL;
    while (w.end <= last_end) {
        skpi_value v;
        if ((rc = result_of(&v, ds, kind, f->metric, f->channels, w)) != SKPI_OK) break;
        if (v.availability == SKPI_AVAILABLE) {
            size_t cx = cap;
            if (!skpi__grow((void **)&x, &cx, n + 1, sizeof *x)
                || !skpi__grow((void **)&y, &cap, n + 1, sizeof *y)) {
                rc = skpi__nomem();
                break;
            }
            x[n] = figure_hours(e, f, w);
            y[n++] = v.value;
        }
        if ((rc = skpi_calendar_next(&w, cal, SKPI_CADENCE_WEEK, w.start)) != SKPI_OK) break;
    }
    if (rc == SKPI_OK) {
        f->v.weeks = n;
        double b, half;
        if (n >= o->min_weeks && skpi__ols_slope(x, y, n, o->confidence, &b, &half)) {
            f->v.estimated = 1;
            f->v.slope = b;
            f->v.slope_low = b - half;
            f->v.slope_high = b + half;
        }
    }
    skpi__free(x);
    skpi__free(y);
    return rc;
}

static int compute_figure(skpi_resourcing *r, figure *f, const skpi_effort *e, skpi_dataset *ds,
                          const skpi_calendar *cal, skpi_period period, skpi_period previous,
                          const skpi_resourcing_options *o)
{
    const skpi_metric *m;
    int rc = skpi_catalog_find(&m, skpi_dataset_catalog(ds), f->metric);
    if (rc != SKPI_OK)
        return skpi__error(SKPI_ENOTFOUND, "activity \"%s\" names the metric \"%s\", which the "
                           "catalog does not know", r->acts[f->acts[0]], f->metric);
    int kind = skpi_metric_kind_of(m);
    skpi_impact *v = &f->v;
    v->version = SKPI_IMPACT_VERSION;
    v->metric = f->metric;
    v->channels = f->channels;
    v->activities = f->nacts;
    if ((rc = result_of(&v->result, ds, kind, f->metric, f->channels, period)) != SKPI_OK)
        return rc;
    if ((rc = result_of(&v->previous_result, ds, kind, f->metric, f->channels, previous)) != SKPI_OK)
        return rc;
    v->hours = figure_hours(e, f, period);
    v->previous_hours = figure_hours(e, f, previous);
    v->per_hour = ratio(v->result, v->hours);
    v->previous_per_hour = ratio(v->previous_result, v->previous_hours);
    v->cost = figure_cost(r, f);
    if (isnan(v->cost)) v->cost_per_result = (skpi_value){ NAN, SKPI_MISSING };
    else if (!usable(v->result)) v->cost_per_result = (skpi_value){ NAN, v->result.availability };
    else if (v->result.value == 0.0) v->cost_per_result = (skpi_value){ NAN, SKPI_DENOMINATOR_ZERO };
    else v->cost_per_result = (skpi_value){ v->cost / v->result.value, v->result.availability };
    return estimate(f, e, ds, cal, kind, period.end, o);
}

int skpi_resourcing_new(skpi_resourcing **out, const skpi_effort *e, skpi_dataset *ds,
                        const skpi_calendar *cal, skpi_period period, skpi_period previous,
                        const skpi_resourcing_options *opts)
{
    if (out == NULL || e == NULL || ds == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_resourcing_new: NULL argument");
    skpi_resourcing_options o = SKPI_RESOURCING_OPTIONS_INIT;
    if (opts != NULL) {
        if (opts->version != SKPI_RESOURCING_OPTIONS_VERSION)
            return skpi__error(SKPI_EVERSION, "skpi_resourcing_new: unknown options version %u",
                               opts->version);
        o = *opts;
    }
    if (o.min_weeks < 3)
        return skpi__error(SKPI_EINVAL, "a slope estimate needs at least 3 weeks, not %zu",
                           o.min_weeks);
    if (o.window_weeks < o.min_weeks || o.window_weeks > 520)
        return skpi__error(SKPI_EINVAL, "the slope's window of %zu weeks must hold at least the "
                           "%zu weeks it needs, and at most 520", o.window_weeks, o.min_weeks);
    if (!(o.confidence > 0.0 && o.confidence < 1.0))
        return skpi__error(SKPI_EINVAL, "the confidence level must lie between 0 and 1, not %g",
                           o.confidence);
    if (period.end <= period.start || previous.end <= previous.start)
        return skpi__error(SKPI_EINVAL, "skpi_resourcing_new: a period must end after it starts");
    skpi_calendar *own = NULL;
    if (cal == NULL) {
        if (skpi_calendar_new(&own) != SKPI_OK) return skpi__nomem();
        cal = own;
    }
    skpi_resourcing *r = skpi__calloc(1, sizeof *r);
    int rc = r == NULL ? skpi__nomem() : collect_roles(r, e, period);
    if (rc == SKPI_OK) rc = collect_hours(r, e, period, previous);
    if (rc == SKPI_OK) rc = collect_figures(r, e);
    for (size_t i = 0; rc == SKPI_OK && i < r->nfigs; i++)
        rc = compute_figure(r, &r->figs[i], e, ds, cal, period, previous, &o);
    skpi_calendar_free(own);
    if (rc != SKPI_OK) {
        skpi_resourcing_free(r);
        return rc;
    }
    *out = r;
    return SKPI_OK;
}

size_t skpi_resourcing_role_count(const skpi_resourcing *r)
{
    return r != NULL ? r->nroles : 0;
}

int skpi_resourcing_role(const char **name, double *planned, double *available, int *over,
                         const skpi_resourcing *r, size_t index)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_resourcing_role: r is NULL");
    if (index >= r->nroles)
        return skpi__error(SKPI_ERANGE, "skpi_resourcing_role: index %zu is out of range (%zu "
                           "roles)", index, r->nroles);
    if (name != NULL) *name = r->roles[index];
    if (planned != NULL) *planned = r->planned[index];
    if (available != NULL) *available = r->available[index];
    if (over != NULL) *over = r->over[index];
    return SKPI_OK;
}

size_t skpi_resourcing_activity_count(const skpi_resourcing *r)
{
    return r != NULL ? r->nacts : 0;
}

int skpi_resourcing_activity(const char **name, double *hours, double *previous, double *cost,
                             const skpi_resourcing *r, size_t index)
{
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_resourcing_activity: r is NULL");
    if (index >= r->nacts)
        return skpi__error(SKPI_ERANGE, "skpi_resourcing_activity: index %zu is out of range "
                           "(%zu activities)", index, r->nacts);
    if (name != NULL) *name = r->acts[index];
    if (hours != NULL) *hours = r->hours[index];
    if (previous != NULL) *previous = r->prev_hours[index];
    if (cost != NULL) *cost = r->cost[index];
    return SKPI_OK;
}

int skpi_resourcing_hours(double *out, const skpi_resourcing *r, size_t activity, size_t role)
{
    if (out == NULL || r == NULL) return skpi__error(SKPI_EMISUSE, "skpi_resourcing_hours: NULL argument");
    if (activity >= r->nacts || role >= r->nroles)
        return skpi__error(SKPI_ERANGE, "skpi_resourcing_hours: activity %zu or role %zu is out "
                           "of range", activity, role);
    *out = r->matrix[activity * r->nroles + role];
    return SKPI_OK;
}

size_t skpi_resourcing_impact_count(const skpi_resourcing *r)
{
    return r != NULL ? r->nfigs : 0;
}

int skpi_resourcing_impact(skpi_impact *out, const skpi_resourcing *r, size_t index)
{
    if (out == NULL || r == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_resourcing_impact: NULL argument");
    if (out->version != SKPI_IMPACT_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_resourcing_impact: unknown version %u (call "
                           "skpi_impact_init() first)", out->version);
    if (index >= r->nfigs)
        return skpi__error(SKPI_ERANGE, "skpi_resourcing_impact: index %zu is out of range (%zu "
                           "figures)", index, r->nfigs);
    *out = r->figs[index].v;
    return SKPI_OK;
}

int skpi_resourcing_impact_activity(size_t *out, const skpi_resourcing *r, size_t index,
                                    size_t activity)
{
    if (out == NULL || r == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_resourcing_impact_activity: NULL argument");
    if (index >= r->nfigs || activity >= r->figs[index].nacts)
        return skpi__error(SKPI_ERANGE, "skpi_resourcing_impact_activity: figure %zu or activity "
                           "%zu is out of range", index, activity);
    *out = r->figs[index].acts[activity];
    return SKPI_OK;
}

int skpi_resourcing_rank(size_t *order, size_t *count, size_t max, const skpi_resourcing *r,
                         const char *metric)
{
    if ((order == NULL && max > 0) || count == NULL || r == NULL || metric == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_resourcing_rank: NULL argument");
    size_t n = 0;
    for (size_t i = 0; i < r->nfigs; i++) {
        const skpi_impact *v = &r->figs[i].v;
        if (strcmp(v->metric, metric) != 0 || !usable(v->per_hour)) continue;
        /* insertion by per-hour value, best first; ties keep figure order */
        size_t at = n < max ? n : max;
        while (at > 0 && r->figs[order[at - 1]].v.per_hour.value < v->per_hour.value) at--;
        if (at >= max) continue;
        size_t last = n < max ? n : max - 1;
        memmove(&order[at + 1], &order[at], (last - at) * sizeof *order);
        order[at] = i;
        if (n < max) n++;
    }
    *count = n;
    return SKPI_OK;
}
