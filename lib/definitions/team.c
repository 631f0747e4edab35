/* The team of a definitions document: activities, people and capacity,
 * read into the handle's effort (docs/definitions.md, docs/resourcing.md). */
#include "definitions/defs_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const team_members[] = { "activities", "people", "capacity", NULL };
static const char *const activity_members[] = { "name", "role", "channels", "metrics", "skills",
                                                NULL };
static const char *const person_members[] = { "name", "role", NULL };
static const char *const capacity_members[] = { "role", "hours_per_week", NULL };

/* An array of strings, each handed to add(); `need_one`: at least one. */
static int strings(skpi_effort *e, const json_t *obj, const char *path, const char *key,
                   const char *activity, bool need_one,
                   int (*add)(skpi_effort *, const char *, const char *))
{
    const json_t *arr = NULL;
    char at[SKPI__PATH_SIZE];
    skpi__path_key(at, path, key);
    int rc = skpi__json_array(&arr, obj, path, key, need_one);
    if (rc != SKPI_OK) return rc;
    if (need_one && json_array_size(arr) == 0)
        return skpi__json_fail(SKPI_EINVAL, at, "an activity names at least one metric it is "
                               "meant to move");
    for (size_t i = 0; arr != NULL && i < json_array_size(arr); i++) {
        const json_t *v = json_array_get(arr, i);
        char item[SKPI__PATH_SIZE];
        skpi__path_index(item, at, i);
        if (!json_is_string(v))
            return skpi__json_fail(SKPI_EINVAL, item, "expected a string, found %s",
                                   skpi__json_kind(v));
        if ((rc = add(e, activity, json_string_value(v))) != SKPI_OK)
            return skpi__json_wrap(rc, item);
    }
    return SKPI_OK;
}

static int load_activity(skpi_definitions *defs, const json_t *a, const char *path)
{
    int rc = skpi__json_only(a, path, activity_members);
    const char *name = NULL, *role = NULL, *channels = NULL;
    if (rc == SKPI_OK) rc = skpi__json_string(&name, a, path, "name", true);
    if (rc == SKPI_OK) rc = skpi__json_string(&role, a, path, "role", true);
    if (rc == SKPI_OK) rc = skpi__json_string(&channels, a, path, "channels", false);
    if (rc == SKPI_OK) {
        rc = skpi_effort_add_activity(defs->effort, name, role, channels);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, path);
    }
    if (rc == SKPI_OK)
        rc = strings(defs->effort, a, path, "metrics", name, true, skpi_effort_add_activity_metric);
    if (rc == SKPI_OK)
        rc = strings(defs->effort, a, path, "skills", name, false, skpi_effort_add_activity_skill);
    if (rc == SKPI_OK) {
        /* The metrics must be known: a figure of an unknown one would fail
         * every report. */
        const char *key;
        size_t index = skpi_effort_activity_count(defs->effort) - 1;
        for (size_t k = 0; skpi_effort_activity_item(&key, defs->effort, index, 0, k) == SKPI_OK
                           && key != NULL; k++)
            if (skpi__defs_metric(defs->catalog, key) == NULL) {
                char at[SKPI__PATH_SIZE], item[SKPI__PATH_SIZE];
                skpi__path_key(at, path, "metrics");
                skpi__path_index(item, at, k);
                return skpi__json_fail(SKPI_EINVAL, item, "unknown metric \"%s\"", key);
            }
    }
    return rc;
}

int skpi__load_team(skpi_definitions *defs, const json_t *team)
{
    const char *path = "team";
    if (!json_is_object(team))
        return skpi__json_fail(SKPI_EINVAL, path, "expected an object, found %s",
                               skpi__json_kind(team));
    int rc = skpi__json_only(team, path, team_members);
    if (rc == SKPI_OK && defs->effort == NULL) rc = skpi_effort_new(&defs->effort);
    const json_t *acts = NULL, *people = NULL, *capacity = NULL;
    if (rc == SKPI_OK) rc = skpi__json_array(&acts, team, path, "activities", false);
    if (rc == SKPI_OK) rc = skpi__json_array(&people, team, path, "people", false);
    if (rc == SKPI_OK) rc = skpi__json_array(&capacity, team, path, "capacity", false);
    char at[SKPI__PATH_SIZE];
    for (size_t i = 0; rc == SKPI_OK && acts != NULL && i < json_array_size(acts); i++) {
        const json_t *a;
        skpi__path_index(at, "team.activities", i);
        rc = skpi__json_element(&a, acts, i, "team.activities");
        if (rc == SKPI_OK) rc = load_activity(defs, a, at);
    }
    for (size_t i = 0; rc == SKPI_OK && people != NULL && i < json_array_size(people); i++) {
        const json_t *p;
        const char *name = NULL, *role = NULL;
        skpi__path_index(at, "team.people", i);
        rc = skpi__json_element(&p, people, i, "team.people");
        if (rc == SKPI_OK) rc = skpi__json_only(p, at, person_members);
        if (rc == SKPI_OK) rc = skpi__json_string(&name, p, at, "name", true);
        if (rc == SKPI_OK) rc = skpi__json_string(&role, p, at, "role", true);
        if (rc == SKPI_OK && (rc = skpi_effort_add_person(defs->effort, name, role)) != SKPI_OK)
            rc = skpi__json_wrap(rc, at);
    }
    for (size_t i = 0; rc == SKPI_OK && capacity != NULL && i < json_array_size(capacity); i++) {
        const json_t *c;
        const char *role = NULL;
        double hours = NAN;
        skpi__path_index(at, "team.capacity", i);
        rc = skpi__json_element(&c, capacity, i, "team.capacity");
        if (rc == SKPI_OK) rc = skpi__json_only(c, at, capacity_members);
        if (rc == SKPI_OK) rc = skpi__json_string(&role, c, at, "role", true);
        if (rc == SKPI_OK) rc = skpi__json_number(&hours, NULL, c, at, "hours_per_week", true);
        if (rc == SKPI_OK && (rc = skpi_effort_set_capacity(defs->effort, role, hours)) != SKPI_OK)
            rc = skpi__json_wrap(rc, at);
    }
    return rc;
}

json_t *skpi__save_team(skpi__writer *w, const skpi_definitions *defs)
{
    const skpi_effort *e = defs->effort;
    json_t *team = skpi__w_object(w), *acts = skpi__w_array(w), *people = skpi__w_array(w);
    for (size_t i = 0; i < skpi_effort_activity_count(e); i++) {
        const char *name, *role, *channels, *item;
        if (skpi_effort_activity(&name, &role, &channels, e, i) != SKPI_OK) continue;
        json_t *a = skpi__w_object(w), *metrics = skpi__w_array(w), *skills = skpi__w_array(w);
        skpi__w_set(w, a, "name", skpi__w_string(w, name));
        skpi__w_set(w, a, "role", skpi__w_string(w, role));
        skpi__w_set(w, a, "channels", skpi__w_string(w, channels));
        for (size_t k = 0; skpi_effort_activity_item(&item, e, i, 0, k) == SKPI_OK && item; k++)
            skpi__w_append(w, metrics, skpi__w_string(w, item));
        skpi__w_set(w, a, "metrics", metrics);
        size_t nskills = 0;
        for (size_t k = 0; skpi_effort_activity_item(&item, e, i, 1, k) == SKPI_OK && item; k++, nskills++)
            skpi__w_append(w, skills, skpi__w_string(w, item));
        if (nskills > 0) skpi__w_set(w, a, "skills", skills);
        else json_decref(skills);
        skpi__w_append(w, acts, a);
    }
    skpi__w_set(w, team, "activities", acts);
    size_t npeople = skpi_effort_person_count(e);
    for (size_t i = 0; i < npeople; i++) {
        const char *name, *role;
        if (skpi_effort_person(&name, &role, e, i) != SKPI_OK) continue;
        json_t *p = skpi__w_object(w);
        skpi__w_set(w, p, "name", skpi__w_string(w, name));
        skpi__w_set(w, p, "role", skpi__w_string(w, role));
        skpi__w_append(w, people, p);
    }
    if (npeople > 0) skpi__w_set(w, team, "people", people);
    else json_decref(people);
    json_t *capacity = skpi__w_array(w);
    size_t ncap = skpi_effort_capacity_count(e);
    for (size_t i = 0; i < ncap; i++) {
        const char *role;
        double hours;
        if (skpi_effort_capacity(&role, &hours, e, i) != SKPI_OK) continue;
        json_t *c = skpi__w_object(w);
        skpi__w_set(w, c, "role", skpi__w_string(w, role));
        skpi__w_set(w, c, "hours_per_week", skpi__w_number(w, hours));
        skpi__w_append(w, capacity, c);
    }
    if (ncap > 0) skpi__w_set(w, team, "capacity", capacity);
    else json_decref(capacity);
    return team;
}

int skpi__json_activity(const char **out, const skpi_effort *team, const json_t *obj, const char *path)
{
    int rc = skpi__json_string(out, obj, path, "activity", false);
    if (rc != SKPI_OK || *out == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "activity");
    if (team == NULL)
        return skpi__json_fail(SKPI_EINVAL, where, "names \"%s\", but the definitions have no team "
                               "(\"team\": {\"activities\": [...]})", *out);
    size_t n = skpi_effort_activity_count(team);
    for (size_t i = 0; i < n; i++) {
        const char *name = NULL;
        if (skpi_effort_activity(&name, NULL, NULL, team, i) == SKPI_OK && strcmp(name, *out) == 0)
            return SKPI_OK;
    }
    return skpi__json_fail(SKPI_ENOTFOUND, where, "no activity \"%s\" in the team", *out);
}
