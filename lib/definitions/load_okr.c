/* Loading the `objectives` member: objectives with their key results and
 * check-ins under unique ids, then their alignment by parent id. */
#include "definitions/defs_internal.h"

#include <math.h>
#include <string.h>

static const char *const objective_members[] = {
    "id", "title", "description", "owner", "type", "period", "curve", "parent",
    "parent_weight", "key_results", NULL
};
static const char *const period_members[] = { "start", "end", NULL };
static const char *const kr_members[] = {
    "title", "kind", "metric", "channel", "start", "target", "stretch", "commit", "weight",
    "checkins", "activity", "target_source", NULL
};
static const char *const checkin_members[] = { "time", "value", "confidence", "note", "author", NULL };

/* Room for any custom curve the library accepts. */
#define CURVE_POINTS_MAX 64

static int curve_points(skpi_objective *obj, const json_t *list, const char *where)
{
    size_t n = json_array_size(list);
    size_t max = skpi_okr_curve_max_points();
    if (max > CURVE_POINTS_MAX) max = CURVE_POINTS_MAX;
    if (n < 2 || n > max)
        return skpi__json_fail(SKPI_ERANGE, where, "%zu points (2 to %zu)", n, max);
    double x[CURVE_POINTS_MAX], y[CURVE_POINTS_MAX];
    for (size_t i = 0; i < n; i++) {
        const json_t *p = json_array_get(list, i);
        if (!json_is_array(p) || json_array_size(p) != 2 || !json_is_number(json_array_get(p, 0)) ||
            !json_is_number(json_array_get(p, 1))) {
            char at[SKPI__PATH_SIZE];
            skpi__path_index(at, where, i);
            return skpi__json_fail(SKPI_EINVAL, at, "expected [achievement, score], two numbers");
        }
        x[i] = json_number_value(json_array_get(p, 0));
        y[i] = json_number_value(json_array_get(p, 1));
    }
    int rc = skpi_objective_set_curve_points(obj, x, y, n);
    return rc == SKPI_OK ? rc : skpi__json_wrap(rc, where);
}

static int curve(skpi_objective *obj, const json_t *o, const char *path)
{
    const json_t *c = skpi__json_member(o, "curve");
    if (c == NULL) return SKPI_OK;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "curve");
    if (json_is_array(c)) return curve_points(obj, c, where);
    if (!json_is_string(c))
        return skpi__json_fail(SKPI_EINVAL, where, "expected a curve name or an array of points, found %s",
                               skpi__json_kind(c));
    int preset;
    int rc = skpi__json_word(&preset, NULL, o, path, "curve", skpi__curve_names, true);
    if (rc == SKPI_OK) rc = skpi_objective_set_curve(obj, preset);
    return rc;
}

static int period(skpi_objective *obj, const json_t *o, const char *path)
{
    const json_t *p;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "period");
    int rc = skpi__json_object(&p, o, path, "period", false);
    if (rc != SKPI_OK || p == NULL) return rc;
    skpi_period span;
    rc = skpi__json_only(p, where, period_members);
    if (rc == SKPI_OK) rc = skpi__json_time(&span.start, NULL, p, where, "start", true);
    if (rc == SKPI_OK) rc = skpi__json_time(&span.end, NULL, p, where, "end", true);
    if (rc != SKPI_OK) return rc;
    rc = skpi_objective_set_period(obj, span);
    return rc == SKPI_OK ? rc : skpi__json_wrap(rc, where);
}

static int checkins(skpi_key_result *kr, const json_t *k, const char *path)
{
    const json_t *list;
    int rc = skpi__json_array(&list, k, path, "checkins", false);
    if (rc != SKPI_OK || list == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "checkins");
    for (size_t i = 0; i < json_array_size(list); i++) {
        char at[SKPI__PATH_SIZE];
        skpi__path_index(at, where, i);
        const json_t *c;
        skpi_time time = 0;
        double value = NAN, confidence = NAN;
        const char *note = NULL, *author = NULL;
        rc = skpi__json_element(&c, list, i, where);
        if (rc == SKPI_OK) rc = skpi__json_only(c, at, checkin_members);
        if (rc == SKPI_OK) rc = skpi__json_time(&time, NULL, c, at, "time", true);
        if (rc == SKPI_OK) rc = skpi__json_number(&value, NULL, c, at, "value", false);
        if (rc == SKPI_OK) rc = skpi__json_number(&confidence, NULL, c, at, "confidence", false);
        if (rc == SKPI_OK) rc = skpi__json_string(&note, c, at, "note", false);
        if (rc == SKPI_OK) rc = skpi__json_string(&author, c, at, "author", false);
        if (rc != SKPI_OK) return rc;
        rc = skpi_key_result_add_checkin_by(kr, time, value, confidence, note, author);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, at);
    }
    return SKPI_OK;
}

static int kr_metric(skpi_key_result *kr, const skpi_catalog *cat, const json_t *k, const char *path)
{
    const char *metric = NULL, *channel = NULL;
    int rc = skpi__json_string(&metric, k, path, "metric", false);
    if (rc == SKPI_OK) rc = skpi__json_string(&channel, k, path, "channel", false);
    if (rc != SKPI_OK || (metric == NULL && channel == NULL)) return rc;
    char where[SKPI__PATH_SIZE];
    if (metric == NULL) {
        skpi__path_key(where, path, "channel");
        return skpi__json_fail(SKPI_EINVAL, where, "given without a metric");
    }
    skpi__path_key(where, path, "metric");
    if (skpi_key_result_kind(kr) == SKPI_KR_METRIC && skpi__defs_metric(cat, metric) == NULL)
        return skpi__json_fail(SKPI_ENOTFOUND, where,
                               "unknown metric '%.80s' (not in the catalog: define it under metrics)",
                               metric);
    /* A manual key result names no metric; the library says so. */
    rc = skpi_key_result_set_metric(kr, metric, channel ? channel : "*");
    return rc == SKPI_OK ? rc : skpi__json_wrap(rc, where);
}

static int kr_numbers(skpi_key_result *kr, const json_t *k, const char *path)
{
    double start = 0, target = 0, stretch = 0, commit = 0, weight = 1;
    bool has_start, has_target, has_stretch, has_commit, has_weight;
    int rc = skpi__json_number(&start, &has_start, k, path, "start", false);
    if (rc == SKPI_OK) rc = skpi__json_number(&target, &has_target, k, path, "target", false);
    if (rc == SKPI_OK) rc = skpi__json_number(&stretch, &has_stretch, k, path, "stretch", false);
    if (rc == SKPI_OK) rc = skpi__json_number(&commit, &has_commit, k, path, "commit", false);
    if (rc == SKPI_OK) rc = skpi__json_number(&weight, &has_weight, k, path, "weight", false);
    if (rc != SKPI_OK) return rc;
    char where[SKPI__PATH_SIZE];
    if (skpi_key_result_kind(kr) == SKPI_KR_MILESTONE) {
        const char *member = has_start ? "start" : has_target ? "target" : has_stretch ? "stretch"
                           : has_commit ? "commit" : NULL;
        if (member) {
            skpi__path_key(where, path, member);
            return skpi__json_fail(SKPI_EINVAL, where,
                                   "not for a milestone key result (it runs from 0 to 1)");
        }
    }
    if (has_start != has_target) {
        skpi__path_key(where, path, has_start ? "target" : "start");
        return skpi__json_fail(SKPI_EINVAL, where, "required when %s is given",
                               has_start ? "start" : "target");
    }
    if ((has_stretch || has_commit) && !has_start) {
        skpi__path_key(where, path, has_stretch ? "stretch" : "commit");
        return skpi__json_fail(SKPI_EINVAL, where, "needs start and target");
    }
    if (has_start) {
        skpi__path_key(where, path, "target");
        rc = skpi_key_result_set_range(kr, start, target);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
    }
    if (has_stretch) {
        skpi__path_key(where, path, "stretch");
        rc = skpi_key_result_set_stretch(kr, stretch);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
    }
    if (has_commit) {
        skpi__path_key(where, path, "commit");
        rc = skpi_key_result_set_commit(kr, commit);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
    }
    if (has_weight) {
        skpi__path_key(where, path, "weight");
        rc = skpi_key_result_set_weight(kr, weight);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
    }
    return SKPI_OK;
}

static int key_result(skpi_objective *obj, const skpi_catalog *cat, const skpi_effort *team,
                      const json_t *k, const char *path)
{
    const char *title = NULL, *activity = NULL;
    int kind = SKPI_KR_MANUAL;
    int rc = skpi__json_only(k, path, kr_members);
    if (rc == SKPI_OK) rc = skpi__json_string(&title, k, path, "title", true);
    if (rc == SKPI_OK) rc = skpi__json_word(&kind, NULL, k, path, "kind", skpi__kr_kind_names, false);
    if (rc != SKPI_OK) return rc;
    skpi_key_result *kr = NULL;
    rc = skpi_objective_add_key_result(&kr, obj, kind, title);
    if (rc != SKPI_OK) return skpi__json_wrap(rc, path);
    /* On a later error the whole objective is freed, key result included. */
    rc = kr_metric(kr, cat, k, path);
    if (rc == SKPI_OK) rc = kr_numbers(kr, k, path);
    if (rc == SKPI_OK) rc = checkins(kr, k, path);
    if (rc == SKPI_OK) rc = skpi__json_activity(&activity, team, k, path);
    if (rc == SKPI_OK && activity) rc = skpi_key_result_set_activity(kr, activity);
    /* after the range: a source tells of its target */
    const char *source = NULL;
    if (rc == SKPI_OK) {
        double start, target;
        bool has_target = skpi_key_result_range(&start, &target, kr) == SKPI_OK;
        rc = skpi__json_target_source(&source, k, path, has_target ? NULL : "the key result has no target");
    }
    if (rc == SKPI_OK && source) rc = skpi_key_result_set_target_source(kr, source);
    return rc;
}

static int key_results(skpi_objective *obj, const skpi_catalog *cat, const skpi_effort *team,
                       const json_t *o, const char *path)
{
    const json_t *list;
    int rc = skpi__json_array(&list, o, path, "key_results", false);
    if (rc != SKPI_OK || list == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "key_results");
    for (size_t i = 0; i < json_array_size(list) && rc == SKPI_OK; i++) {
        char at[SKPI__PATH_SIZE];
        skpi__path_index(at, where, i);
        const json_t *k;
        rc = skpi__json_element(&k, list, i, where);
        if (rc == SKPI_OK) rc = key_result(obj, cat, team, k, at);
    }
    return rc;
}

static int fill(skpi_objective *obj, const skpi_catalog *cat, const skpi_effort *team, const json_t *o,
                const char *path)
{
    const char *description = NULL, *owner = NULL;
    int type;
    bool has_type;
    int rc = skpi__json_string(&description, o, path, "description", false);
    if (rc == SKPI_OK) rc = skpi__json_string(&owner, o, path, "owner", false);
    if (rc == SKPI_OK)
        rc = skpi__json_word(&type, &has_type, o, path, "type", skpi__okr_type_names, false);
    if (rc != SKPI_OK) return rc;
    if (description) rc = skpi_objective_set_description(obj, description);
    if (rc == SKPI_OK && owner) rc = skpi_objective_set_owner(obj, owner);
    if (rc == SKPI_OK && has_type) rc = skpi_objective_set_type(obj, type);
    if (rc == SKPI_OK) rc = period(obj, o, path);
    if (rc == SKPI_OK) rc = curve(obj, o, path);
    if (rc == SKPI_OK) rc = key_results(obj, cat, team, o, path);
    return rc;
}

/* Parent and weight are read here for their types and used after every
 * objective exists, so a child may come before its parent. */
static int alignment(const char **parent, double *weight, const json_t *o, const char *path)
{
    bool has_weight;
    *parent = NULL;
    *weight = 1;
    int rc = skpi__json_string(parent, o, path, "parent", false);
    if (rc == SKPI_OK) rc = skpi__json_number(weight, &has_weight, o, path, "parent_weight", false);
    if (rc == SKPI_OK && has_weight && *parent == NULL) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, "parent_weight");
        return skpi__json_fail(SKPI_EINVAL, where, "given without a parent");
    }
    return rc;
}

static int load_objective(skpi_definitions *defs, const json_t *o, const char *path)
{
    const char *id = NULL, *title = NULL, *parent;
    double weight;
    char where[SKPI__PATH_SIZE];
    int rc = skpi__json_only(o, path, objective_members);
    if (rc == SKPI_OK) rc = skpi__json_string(&id, o, path, "id", true);
    if (rc == SKPI_OK) rc = skpi__json_string(&title, o, path, "title", true);
    if (rc == SKPI_OK) rc = alignment(&parent, &weight, o, path);
    if (rc != SKPI_OK) return rc;
    skpi__path_key(where, path, "id");
    rc = skpi__defs_id_check(id, where);
    if (rc != SKPI_OK) return rc;
    long other = skpi__defs_objective_index(defs, id);
    if (other >= 0)
        return skpi__json_fail(SKPI_EEXISTS, where, "'%s' is the id of objectives[%ld] already", id,
                               other);
    skpi_objective *obj = NULL;
    rc = skpi_objective_new(&obj, title);
    if (rc != SKPI_OK) {
        skpi__path_key(where, path, "title");
        return skpi__json_wrap(rc, where);
    }
    rc = fill(obj, defs->catalog, defs->effort, o, path);
    if (rc != SKPI_OK) {
        skpi_objective_free(obj);
        return rc;
    }
    return skpi__defs_push_objective(defs, id, obj);
}

static int align(skpi_definitions *defs, size_t index, const json_t *o, const char *path)
{
    const char *parent;
    double weight;
    int rc = alignment(&parent, &weight, o, path);
    if (rc != SKPI_OK || parent == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "parent");
    long p = skpi__defs_objective_index(defs, parent);
    if (p < 0)
        return skpi__json_fail(SKPI_ENOTFOUND, where, "no objective has the id '%.80s'", parent);
    rc = skpi_objective_set_parent(defs->objectives[index].obj, defs->objectives[p].obj, weight);
    if (rc != SKPI_OK) {
        if (rc == SKPI_ERANGE && !(weight >= 0 && weight <= 1e6))
            skpi__path_key(where, path, "parent_weight");
        return skpi__json_wrap(rc, where);
    }
    return SKPI_OK;
}

int skpi__load_objectives(skpi_definitions *defs, const json_t *array)
{
    size_t first = defs->objective_count;
    for (size_t i = 0; i < json_array_size(array); i++) {
        char path[SKPI__PATH_SIZE];
        skpi__path_index(path, "objectives", i);
        const json_t *o;
        int rc = skpi__json_element(&o, array, i, "objectives");
        if (rc == SKPI_OK) rc = load_objective(defs, o, path);
        if (rc != SKPI_OK) return rc;
    }
    for (size_t i = 0; i < json_array_size(array); i++) {
        char path[SKPI__PATH_SIZE];
        skpi__path_index(path, "objectives", i);
        int rc = align(defs, first + i, json_array_get(array, i), path);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}
