/* The effort handle: activities, people and the capacity of each role. */
#include "effort/effort_internal.h"
#include "core/selector.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool skpi__strings_push(skpi__strings *list, const char *s)
{
    char *copy = skpi__strdup(s);
    if (copy == NULL) return false;
    if (!skpi__grow((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items)) {
        skpi__free(copy);
        return false;
    }
    list->items[list->count++] = copy;
    return true;
}

bool skpi__strings_has(const skpi__strings *list, const char *s)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i], s) == 0) return true;
    return false;
}

void skpi__strings_clear(skpi__strings *list)
{
    for (size_t i = 0; i < list->count; i++) skpi__free(list->items[i]);
    skpi__free(list->items);
    *list = (skpi__strings){ 0 };
}

int skpi_effort_new(skpi_effort **out)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_new: out is NULL");
    skpi_effort *e = skpi__calloc(1, sizeof *e);
    if (e == NULL) return skpi__nomem();
    *out = e;
    return SKPI_OK;
}

void skpi_effort_free(skpi_effort *e)
{
    if (e == NULL) return;
    for (size_t i = 0; i < e->nactivities; i++) {
        skpi__activity *a = &e->activities[i];
        skpi__free(a->name);
        skpi__free(a->role);
        skpi__free(a->channels);
        skpi__strings_clear(&a->metrics);
        skpi__strings_clear(&a->skills);
    }
    skpi__free(e->activities);
    skpi__effort_rewind(e, 0, 0);
    skpi__free(e->people);
    skpi__free(e->entries);
    for (size_t i = 0; i < e->ncapacity; i++) skpi__free(e->capacity[i].role);
    skpi__free(e->capacity);
    skpi__free(e);
}

void skpi__effort_rewind(skpi_effort *e, size_t nentries, size_t npeople)
{
    while (e->nentries > nentries) {
        skpi__entry *x = &e->entries[--e->nentries];
        skpi__free(x->who);
        skpi__free(x->activity);
    }
    while (e->npeople > npeople) {
        skpi__person *p = &e->people[--e->npeople];
        skpi__free(p->name);
        skpi__free(p->role);
    }
}

long skpi__effort_activity_find(const skpi_effort *e, const char *name)
{
    for (size_t i = 0; i < e->nactivities; i++)
        if (strcmp(e->activities[i].name, name) == 0) return (long)i;
    return -1;
}

long skpi__effort_person_find(const skpi_effort *e, const char *name)
{
    for (size_t i = 0; i < e->npeople; i++)
        if (strcmp(e->people[i].name, name) == 0) return (long)i;
    return -1;
}

int skpi_effort_add_activity(skpi_effort *e, const char *name, const char *role,
                             const char *channels)
{
    if (e == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_add_activity: e is NULL");
    if (name == NULL || name[0] == '\0')
        return skpi__error(SKPI_EINVAL, "an activity needs a name");
    if (role == NULL || role[0] == '\0')
        return skpi__error(SKPI_EINVAL, "activity \"%s\": give the role that does it", name);
    if (channels == NULL) channels = "*";
    char what[160];
    snprintf(what, sizeof what, "activity \"%.100s\": channels", name);
    int rc = skpi__selector_check(channels, what);
    if (rc != SKPI_OK) return rc;
    if (skpi__effort_activity_find(e, name) >= 0)
        return skpi__error(SKPI_EEXISTS, "there is already an activity named \"%s\"", name);
    skpi__activity a = { skpi__strdup(name), skpi__strdup(role), skpi__strdup(channels),
                         { 0 }, { 0 } };
    if (a.name == NULL || a.role == NULL || a.channels == NULL
        || !skpi__grow((void **)&e->activities, &e->capactivities, e->nactivities + 1,
                       sizeof *e->activities)) {
        skpi__free(a.name);
        skpi__free(a.role);
        skpi__free(a.channels);
        return skpi__nomem();
    }
    e->activities[e->nactivities++] = a;
    return SKPI_OK;
}

static int activity_list_add(skpi_effort *e, const char *activity, const char *item,
                             bool metric)
{
    const char *fn = metric ? "skpi_effort_add_activity_metric" : "skpi_effort_add_activity_skill";
    if (e == NULL || activity == NULL) return skpi__error(SKPI_EMISUSE, "%s: NULL argument", fn);
    long at = skpi__effort_activity_find(e, activity);
    if (at < 0) return skpi__error(SKPI_ENOTFOUND, "there is no activity named \"%s\"", activity);
    if (item == NULL || item[0] == '\0')
        return skpi__error(SKPI_EINVAL, "activity \"%s\": the %s is empty", activity,
                           metric ? "metric" : "skill");
    skpi__activity *a = &e->activities[at];
    skpi__strings *list = metric ? &a->metrics : &a->skills;
    if (skpi__strings_has(list, item)) {
        if (!metric) return SKPI_OK;
        return skpi__error(SKPI_EEXISTS, "activity \"%s\" already names the metric \"%s\"",
                           activity, item);
    }
    return skpi__strings_push(list, item) ? SKPI_OK : skpi__nomem();
}

int skpi_effort_add_activity_metric(skpi_effort *e, const char *activity, const char *metric)
{
    return activity_list_add(e, activity, metric, true);
}

int skpi_effort_add_activity_skill(skpi_effort *e, const char *activity, const char *skill)
{
    return activity_list_add(e, activity, skill, false);
}

size_t skpi_effort_activity_count(const skpi_effort *e)
{
    return e != NULL ? e->nactivities : 0;
}

int skpi_effort_activity(const char **name, const char **role, const char **channels,
                         const skpi_effort *e, size_t index)
{
    if (e == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_activity: e is NULL");
    if (index >= e->nactivities)
        return skpi__error(SKPI_ERANGE, "skpi_effort_activity: index %zu is out of range "
                           "(%zu activities)", index, e->nactivities);
    const skpi__activity *a = &e->activities[index];
    if (name != NULL) *name = a->name;
    if (role != NULL) *role = a->role;
    if (channels != NULL) *channels = a->channels;
    return SKPI_OK;
}

int skpi_effort_activity_item(const char **out, const skpi_effort *e, size_t index, int what,
                              size_t item)
{
    if (out == NULL || e == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_effort_activity_item: NULL argument");
    if (index >= e->nactivities)
        return skpi__error(SKPI_ERANGE, "skpi_effort_activity_item: index %zu is out of range "
                           "(%zu activities)", index, e->nactivities);
    if (what != 0 && what != 1)
        return skpi__error(SKPI_EINVAL, "skpi_effort_activity_item: what is 0 (metrics) or "
                           "1 (skills), not %d", what);
    const skpi__strings *list = what == 0 ? &e->activities[index].metrics
                                          : &e->activities[index].skills;
    *out = item < list->count ? list->items[item] : NULL;
    return SKPI_OK;
}

int skpi__effort_add_person_at(skpi_effort *e, const char *where, const char *person,
                               const char *role)
{
    if (person == NULL || person[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%sa person needs a name", where);
    if (role == NULL || role[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%sperson \"%s\": give their role", where, person);
    long at = skpi__effort_person_find(e, person);
    if (at >= 0) {
        if (strcmp(e->people[at].role, role) == 0) return SKPI_OK;
        return skpi__error(SKPI_EINVAL, "%sperson \"%s\" already has the role \"%s\", not "
                           "\"%s\"", where, person, e->people[at].role, role);
    }
    skpi__person p = { skpi__strdup(person), skpi__strdup(role) };
    if (p.name == NULL || p.role == NULL
        || !skpi__grow((void **)&e->people, &e->cappeople, e->npeople + 1, sizeof *e->people)) {
        skpi__free(p.name);
        skpi__free(p.role);
        return skpi__nomem();
    }
    e->people[e->npeople++] = p;
    return SKPI_OK;
}

int skpi_effort_add_person(skpi_effort *e, const char *person, const char *role)
{
    if (e == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_add_person: e is NULL");
    return skpi__effort_add_person_at(e, "", person, role);
}

int skpi_effort_role_of(const char **out, const skpi_effort *e, const char *who)
{
    if (out == NULL || e == NULL || who == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_effort_role_of: NULL argument");
    long p = skpi__effort_person_find(e, who);
    if (p >= 0) {
        *out = e->people[p].role;
        return SKPI_OK;
    }
    for (size_t i = 0; i < e->nactivities; i++)
        if (strcmp(e->activities[i].role, who) == 0) {
            *out = e->activities[i].role;
            return SKPI_OK;
        }
    for (size_t i = 0; i < e->npeople; i++)
        if (strcmp(e->people[i].role, who) == 0) {
            *out = e->people[i].role;
            return SKPI_OK;
        }
    for (size_t i = 0; i < e->ncapacity; i++)
        if (strcmp(e->capacity[i].role, who) == 0) {
            *out = e->capacity[i].role;
            return SKPI_OK;
        }
    return skpi__error(SKPI_ENOTFOUND, "\"%s\" is neither a person nor a role of the team", who);
}

int skpi_effort_set_capacity(skpi_effort *e, const char *role, double hours)
{
    if (e == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_set_capacity: e is NULL");
    if (role == NULL || role[0] == '\0')
        return skpi__error(SKPI_EINVAL, "a capacity needs a role");
    if (!isfinite(hours) || hours < 0.0)
        return skpi__error(SKPI_ERANGE, "role \"%s\": capacity of %g hours a week; give a finite "
                           "number of hours, at least 0", role, hours);
    if (hours > 168.0 * 1e6)
        return skpi__error(SKPI_ERANGE, "role \"%s\": capacity of %g hours a week is more than "
                           "a million people hold", role, hours);
    for (size_t i = 0; i < e->ncapacity; i++)
        if (strcmp(e->capacity[i].role, role) == 0) {
            e->capacity[i].hours = hours;
            return SKPI_OK;
        }
    char *copy = skpi__strdup(role);
    if (copy == NULL
        || !skpi__grow((void **)&e->capacity, &e->capcapacity, e->ncapacity + 1,
                       sizeof *e->capacity)) {
        skpi__free(copy);
        return skpi__nomem();
    }
    e->capacity[e->ncapacity++] = (skpi__capacity){ copy, hours };
    return SKPI_OK;
}

size_t skpi_effort_person_count(const skpi_effort *e)
{
    return e != NULL ? e->npeople : 0;
}

int skpi_effort_person(const char **name, const char **role, const skpi_effort *e, size_t index)
{
    if (e == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_person: e is NULL");
    if (index >= e->npeople)
        return skpi__error(SKPI_ERANGE, "skpi_effort_person: index %zu is out of range (%zu "
                           "people)", index, e->npeople);
    if (name != NULL) *name = e->people[index].name;
    if (role != NULL) *role = e->people[index].role;
    return SKPI_OK;
}

size_t skpi_effort_capacity_count(const skpi_effort *e)
{
    return e != NULL ? e->ncapacity : 0;
}

int skpi_effort_capacity(const char **role, double *hours, const skpi_effort *e, size_t index)
{
    if (e == NULL) return skpi__error(SKPI_EMISUSE, "skpi_effort_capacity: e is NULL");
    if (index >= e->ncapacity)
        return skpi__error(SKPI_ERANGE, "skpi_effort_capacity: index %zu is out of range (%zu "
                           "roles with a capacity)", index, e->ncapacity);
    if (role != NULL) *role = e->capacity[index].role;
    if (hours != NULL) *hours = e->capacity[index].hours;
    return SKPI_OK;
}
