/* Effort entries: hours (and cost) on an activity over a period, checked
 * against the hours a period holds, and host callbacks that supply them. */
#include "effort/effort_internal.h"

#include <math.h>
#include <string.h>

/* How many people `who` stands for: a role counts its declared people (at
 * least one); a person, or a name that is neither, counts one. */
static double people_behind(const skpi_effort *e, const char *who)
{
    if (skpi__effort_person_find(e, who) >= 0) return 1.0;
    size_t n = 0;
    for (size_t i = 0; i < e->npeople; i++)
        if (strcmp(e->people[i].role, who) == 0) n++;
    return n > 0 ? (double)n : 1.0;
}

int skpi__effort_add_hours_at(skpi_effort *e, const char *where, const char *who,
                              const char *activity, skpi_period period, double hours,
                              double cost)
{
    if (who == NULL || who[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%sgive the person or role who did the work", where);
    if (activity == NULL) return skpi__error(SKPI_EINVAL, "%sgive the activity", where);
    long at = skpi__effort_activity_find(e, activity);
    if (at < 0)
        return skpi__error(SKPI_ENOTFOUND, "%sthere is no activity named \"%s\"; add it to the "
                           "team's activities first", where, activity);
    if (e->activities[at].metrics.count == 0)
        return skpi__error(SKPI_EINVAL, "%sactivity \"%s\" names no metric: name the metrics it "
                           "is meant to move before recording hours", where, activity);
    if (period.end <= period.start || period.start < SKPI_TIME_MIN || period.end > SKPI_TIME_END)
        return skpi__error(SKPI_EINVAL, "%sthe period must end after it starts, within years "
                           "1 to 9999", where);
    if (!isfinite(hours) || hours < 0.0)
        return skpi__error(SKPI_ERANGE, "%s%g hours: hours must be a finite number, at least 0",
                           where, hours);
    if (isinf(cost) || (!isnan(cost) && cost < 0.0))
        return skpi__error(SKPI_ERANGE, "%sa cost of %g: give a finite cost, at least 0 (or "
                           "none)", where, cost);
    /* One person cannot work more hours than the period holds, across all
     * the activities they logged for the same period. */
    double length = (double)(period.end - period.start) / 3600.0;
    double limit = length * people_behind(e, who), total = hours;
    for (size_t i = 0; i < e->nentries; i++) {
        const skpi__entry *x = &e->entries[i];
        if (x->period.start == period.start && x->period.end == period.end
            && strcmp(x->who, who) == 0)
            total += x->hours;
    }
    if (total > limit)
        return skpi__error(SKPI_ERANGE, "%s\"%s\" would have %g hours over a period of %g hours; "
                           "one person cannot log more hours than the period holds", where, who,
                           total, limit);
    skpi__entry x = { skpi__strdup(who), skpi__strdup(activity), period, hours, cost };
    if (x.who == NULL || x.activity == NULL
        || !skpi__grow((void **)&e->entries, &e->capentries, e->nentries + 1,
                       sizeof *e->entries)) {
        skpi__free(x.who);
        skpi__free(x.activity);
        return skpi__nomem();
    }
    e->entries[e->nentries++] = x;
    return SKPI_OK;
}

int skpi_effort_add_hours(skpi_effort *e, const char *who, const char *activity,
                          skpi_period period, double hours, double cost)
{
    if (e == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_add_hours: e is NULL");
    return skpi__effort_add_hours_at(e, "", who, activity, period, hours, cost);
}

size_t skpi_effort_entry_count(const skpi_effort *e)
{
    return e != NULL ? e->nentries : 0;
}

int skpi_effort_entry(const char **who, const char **activity, skpi_period *period,
                      double *hours, double *cost, const skpi_effort *e, size_t index)
{
    if (e == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_entry: e is NULL");
    if (index >= e->nentries)
        return skpi__error(SKPI_ERANGE, "skpi_effort_entry: index %zu is out of range (%zu "
                           "entries)", index, e->nentries);
    const skpi__entry *x = &e->entries[index];
    if (who != NULL) *who = x->who;
    if (activity != NULL) *activity = x->activity;
    if (period != NULL) *period = x->period;
    if (hours != NULL) *hours = x->hours;
    if (cost != NULL) *cost = x->cost;
    return SKPI_OK;
}

int skpi_effort_fetch(skpi_effort *e, skpi_period period, skpi_effort_source_fn fn,
                      void *userdata)
{
    if (e == NULL || fn == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_effort_fetch: NULL argument");
    if (period.end <= period.start)
        return skpi__error(SKPI_EINVAL, "skpi_effort_fetch: the period must end after it starts");
    size_t nentries = e->nentries, npeople = e->npeople;
    skpi__callback_begin();
    int rc = fn(e, period, userdata);
    if (rc != 0) {
        skpi__effort_rewind(e, nentries, npeople);
        return skpi__callback_failed(rc, "effort source");
    }
    return SKPI_OK;
}
