/* The definitions handle: its catalog, goals and objectives under ids. */
#include "definitions/defs_internal.h"

#include <string.h>

int skpi_definitions_schema_version(void) { return SKPI__DEFS_VERSION; }
size_t skpi_definitions_id_max(void) { return SKPI__DEFS_ID_MAX; }
size_t skpi_definitions_file_max(void) { return SKPI__DEFS_FILE_MAX; }

int skpi__defs_id_check(const char *id, const char *path)
{
    size_t n = strlen(id);
    if (n == 0) return skpi__json_fail(SKPI_EINVAL, path, "the id is empty");
    if (n > SKPI__DEFS_ID_MAX)
        return skpi__json_fail(SKPI_EINVAL, path, "the id is %zu bytes long (at most %d)", n,
                               SKPI__DEFS_ID_MAX);
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.';
        if (!ok)
            return skpi__json_fail(SKPI_EINVAL, path,
                                   "id '%.80s': byte %zu is not an ASCII letter, digit, '_', '-' or '.'",
                                   id, i + 1);
    }
    return SKPI_OK;
}

const skpi_catalog *skpi__defs_base(const skpi_definitions *defs)
{
    return defs->base ? defs->base : skpi_catalog_builtin();
}

const skpi_metric *skpi__defs_metric(const skpi_catalog *cat, const char *key)
{
    size_t n = skpi_catalog_count(cat);
    for (size_t i = 0; i < n; i++) {
        const skpi_metric *m = skpi_catalog_metric_at(cat, i);
        if (strcmp(skpi_metric_key(m), key) == 0) return m;
    }
    return NULL;
}

int skpi_definitions_new(skpi_definitions **out, const skpi_catalog *base)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_definitions_new: out is NULL");
    skpi_definitions *defs = skpi__calloc(1, sizeof *defs);
    if (defs == NULL) return skpi__nomem();
    int rc = SKPI_OK;
    if (base != NULL && base != skpi_catalog_builtin()) rc = skpi_catalog_new(&defs->base, base);
    if (rc == SKPI_OK) rc = skpi_catalog_new(&defs->catalog, base);
    if (rc != SKPI_OK) {
        skpi_definitions_free(defs);
        return rc;
    }
    *out = defs;
    return SKPI_OK;
}

void skpi_definitions_free(skpi_definitions *defs)
{
    if (defs == NULL) return;
    for (size_t i = 0; i < defs->goal_count; i++) {
        skpi__free(defs->goals[i].id);
        skpi_goal_free(defs->goals[i].goal);
    }
    /* Children first would not matter: freeing an objective unlinks it. */
    for (size_t i = 0; i < defs->objective_count; i++) {
        skpi__free(defs->objectives[i].id);
        skpi_objective_free(defs->objectives[i].obj);
    }
    for (size_t i = 0; i < defs->report_count; i++) skpi__report_spec_free(&defs->reports[i]);
    skpi__free(defs->goals);
    skpi__free(defs->objectives);
    skpi__free(defs->reports);
    skpi__free_campaigns(defs);
    skpi_catalog_free(defs->catalog);
    skpi_catalog_free(defs->base);
    skpi_effort_free(defs->effort);
    skpi__defs_compete_free(defs);
    skpi__free(defs);
}

skpi_effort *skpi_definitions_effort(skpi_definitions *defs)
{
    return defs != NULL ? defs->effort : NULL;
}

skpi_catalog *skpi_definitions_catalog(const skpi_definitions *defs)
{
    return defs ? defs->catalog : NULL;
}

/* Room for one more `size`-byte entry. */
static int reserve(void **items, size_t *cap, size_t count, size_t size)
{
    return skpi__grow(items, cap, count + 1, size) ? SKPI_OK : skpi__nomem();
}

int skpi__defs_push_goal(skpi_definitions *defs, const char *id, skpi_goal *goal)
{
    char *copy = skpi__strdup(id);
    int rc = copy ? reserve((void **)&defs->goals, &defs->goal_cap, defs->goal_count,
                            sizeof *defs->goals)
                  : skpi__nomem();
    if (rc != SKPI_OK) {
        skpi__free(copy);
        skpi_goal_free(goal);
        return rc;
    }
    defs->goals[defs->goal_count].id = copy;
    defs->goals[defs->goal_count].goal = goal;
    defs->goal_count++;
    return SKPI_OK;
}

int skpi__defs_push_objective(skpi_definitions *defs, const char *id, skpi_objective *obj)
{
    char *copy = skpi__strdup(id);
    int rc = copy ? reserve((void **)&defs->objectives, &defs->objective_cap,
                            defs->objective_count, sizeof *defs->objectives)
                  : skpi__nomem();
    if (rc != SKPI_OK) {
        skpi__free(copy);
        skpi_objective_free(obj);
        return rc;
    }
    defs->objectives[defs->objective_count].id = copy;
    defs->objectives[defs->objective_count].obj = obj;
    defs->objective_count++;
    return SKPI_OK;
}

long skpi__defs_goal_index(const skpi_definitions *defs, const char *id)
{
    for (size_t i = 0; i < defs->goal_count; i++)
        if (strcmp(defs->goals[i].id, id) == 0) return (long)i;
    return -1;
}

long skpi__defs_objective_index(const skpi_definitions *defs, const char *id)
{
    for (size_t i = 0; i < defs->objective_count; i++)
        if (strcmp(defs->objectives[i].id, id) == 0) return (long)i;
    return -1;
}

long skpi__defs_objective_of(const skpi_definitions *defs, const skpi_objective *obj)
{
    for (size_t i = 0; i < defs->objective_count; i++)
        if (defs->objectives[i].obj == obj) return (long)i;
    return -1;
}

/* ---- goals ---- */

size_t skpi_definitions_goal_count(const skpi_definitions *defs)
{
    return defs ? defs->goal_count : 0;
}

skpi_goal *skpi_definitions_goal(const skpi_definitions *defs, size_t index)
{
    return defs && index < defs->goal_count ? defs->goals[index].goal : NULL;
}

const char *skpi_definitions_goal_id(const skpi_definitions *defs, size_t index)
{
    return defs && index < defs->goal_count ? defs->goals[index].id : NULL;
}

int skpi_definitions_find_goal(size_t *out, const skpi_definitions *defs, const char *id)
{
    if (out == NULL || defs == NULL || id == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_find_goal: %s is NULL",
                           out == NULL ? "out" : defs == NULL ? "defs" : "id");
    long i = skpi__defs_goal_index(defs, id);
    if (i < 0) return skpi__error(SKPI_ENOTFOUND, "no goal has the id '%.80s'", id);
    *out = (size_t)i;
    return SKPI_OK;
}

int skpi_definitions_add_goal(skpi_goal **out, skpi_definitions *defs, const char *id,
                              const skpi_goal *goal)
{
    if (defs == NULL || id == NULL || goal == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_add_goal: %s is NULL",
                           defs == NULL ? "defs" : id == NULL ? "id" : "goal");
    int rc = skpi__defs_id_check(id, "skpi_definitions_add_goal");
    if (rc != SKPI_OK) return rc;
    if (skpi__defs_goal_index(defs, id) >= 0)
        return skpi__error(SKPI_EEXISTS, "skpi_definitions_add_goal: a goal has the id '%s' already", id);
    skpi_goal *copy = NULL;
    rc = skpi_goal_clone(&copy, goal);
    if (rc == SKPI_OK) rc = skpi__defs_push_goal(defs, id, copy);
    if (rc != SKPI_OK) return rc;
    if (out) *out = copy;
    return SKPI_OK;
}

int skpi_definitions_remove_goal(skpi_definitions *defs, size_t index)
{
    if (defs == NULL) return skpi__error(SKPI_EMISUSE, "skpi_definitions_remove_goal: defs is NULL");
    if (index >= defs->goal_count)
        return skpi__error(SKPI_ERANGE, "skpi_definitions_remove_goal: index %zu is out of range (%zu goals)",
                           index, defs->goal_count);
    skpi__free(defs->goals[index].id);
    skpi_goal_free(defs->goals[index].goal);
    memmove(defs->goals + index, defs->goals + index + 1,
            (defs->goal_count - index - 1) * sizeof *defs->goals);
    defs->goal_count--;
    return SKPI_OK;
}

/* ---- objectives ---- */

size_t skpi_definitions_objective_count(const skpi_definitions *defs)
{
    return defs ? defs->objective_count : 0;
}

skpi_objective *skpi_definitions_objective(const skpi_definitions *defs, size_t index)
{
    return defs && index < defs->objective_count ? defs->objectives[index].obj : NULL;
}

const char *skpi_definitions_objective_id(const skpi_definitions *defs, size_t index)
{
    return defs && index < defs->objective_count ? defs->objectives[index].id : NULL;
}

int skpi_definitions_find_objective(size_t *out, const skpi_definitions *defs, const char *id)
{
    if (out == NULL || defs == NULL || id == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_find_objective: %s is NULL",
                           out == NULL ? "out" : defs == NULL ? "defs" : "id");
    long i = skpi__defs_objective_index(defs, id);
    if (i < 0) return skpi__error(SKPI_ENOTFOUND, "no objective has the id '%.80s'", id);
    *out = (size_t)i;
    return SKPI_OK;
}

int skpi_definitions_add_objective(skpi_objective **out, skpi_definitions *defs, const char *id,
                                   const char *title)
{
    if (defs == NULL || id == NULL || title == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_add_objective: %s is NULL",
                           defs == NULL ? "defs" : id == NULL ? "id" : "title");
    int rc = skpi__defs_id_check(id, "skpi_definitions_add_objective");
    if (rc != SKPI_OK) return rc;
    if (skpi__defs_objective_index(defs, id) >= 0)
        return skpi__error(SKPI_EEXISTS,
                           "skpi_definitions_add_objective: an objective has the id '%s' already", id);
    skpi_objective *obj = NULL;
    rc = skpi_objective_new(&obj, title);
    if (rc == SKPI_OK) rc = skpi__defs_push_objective(defs, id, obj);
    if (rc != SKPI_OK) return rc;
    if (out) *out = obj;
    return SKPI_OK;
}

int skpi_definitions_remove_objective(skpi_definitions *defs, size_t index)
{
    if (defs == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_remove_objective: defs is NULL");
    if (index >= defs->objective_count)
        return skpi__error(SKPI_ERANGE,
                           "skpi_definitions_remove_objective: index %zu is out of range (%zu objectives)",
                           index, defs->objective_count);
    skpi__free(defs->objectives[index].id);
    skpi_objective_free(defs->objectives[index].obj);
    memmove(defs->objectives + index, defs->objectives + index + 1,
            (defs->objective_count - index - 1) * sizeof *defs->objectives);
    defs->objective_count--;
    return SKPI_OK;
}
