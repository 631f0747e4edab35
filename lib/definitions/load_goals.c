/* Loading the `goals` member: SMART goals under unique ids. */
#include "definitions/defs_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const goal_members[] = {
    "id", "name", "category", "metric", "channel", "direction", "cadence", "baseline",
    "target", "start", "deadline", "milestones", "relevance", "owner", "activity", "target_source", NULL
};
static const char *const baseline_members[] = { "value", "start", "end", NULL };
static const char *const target_members[] = { "kind", "value", NULL };
static const char *const milestone_members[] = { "date", "value", NULL };

static int category(skpi_goal *goal, const json_t *g, const char *path)
{
    const char *word = NULL;
    int rc = skpi__json_string(&word, g, path, "category", false);
    if (rc != SKPI_OK || word == NULL) return rc;
    int c;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "category");
    if (skpi_category_from_key(&c, word) != SKPI_OK) {
        char list[300] = "";
        size_t len = 0;
        for (int i = 1; i <= skpi_category_count() && len < sizeof list; i++) {
            int n = snprintf(list + len, sizeof list - len, "%s%s", i > 1 ? ", " : "",
                             skpi_category_key(i));
            if (n < 0) break;
            len += (size_t)n;
        }
        return skpi__json_fail(SKPI_EINVAL, where, "unknown category '%.40s' (expected %s)", word, list);
    }
    rc = skpi_goal_set_category(goal, c);
    return rc == SKPI_OK ? rc : skpi__json_wrap(rc, where);
}

static int metric_and_channel(skpi_goal *goal, const skpi_catalog *cat, const json_t *g,
                              const char *path)
{
    const char *metric = NULL, *channel = NULL;
    char where[SKPI__PATH_SIZE];
    int rc = skpi__json_string(&metric, g, path, "metric", false);
    if (rc == SKPI_OK) rc = skpi__json_string(&channel, g, path, "channel", false);
    if (rc != SKPI_OK) return rc;
    if (metric) {
        skpi__path_key(where, path, "metric");
        if (skpi__defs_metric(cat, metric) == NULL)
            return skpi__json_fail(SKPI_ENOTFOUND, where,
                                   "unknown metric '%.80s' (not in the catalog: define it under metrics)",
                                   metric);
        rc = skpi_goal_set_metric(goal, metric);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
    }
    if (channel) {
        skpi__path_key(where, path, "channel");
        rc = skpi_goal_set_channel(goal, channel);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
    }
    return SKPI_OK;
}

static int words(skpi_goal *goal, const json_t *g, const char *path)
{
    int direction, cadence;
    bool has_direction, has_cadence;
    int rc = skpi__json_word(&direction, &has_direction, g, path, "direction",
                             skpi__goal_dir_names, false);
    if (rc == SKPI_OK)
        rc = skpi__json_word(&cadence, &has_cadence, g, path, "cadence", skpi__cadence_names, false);
    if (rc == SKPI_OK && has_direction) rc = skpi_goal_set_direction(goal, direction);
    if (rc == SKPI_OK && has_cadence) rc = skpi_goal_set_cadence(goal, cadence);
    return rc;
}

static int baseline(skpi_goal *goal, const json_t *g, const char *path)
{
    const json_t *b;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "baseline");
    int rc = skpi__json_object(&b, g, path, "baseline", false);
    if (rc != SKPI_OK || b == NULL) return rc;
    rc = skpi__json_only(b, where, baseline_members);
    double value = 0;
    skpi_period p = { 0, 0 };
    bool has_value = false, has_start = false, has_end = false;
    if (rc == SKPI_OK) rc = skpi__json_number(&value, &has_value, b, where, "value", false);
    if (rc == SKPI_OK) rc = skpi__json_time(&p.start, &has_start, b, where, "start", false);
    if (rc == SKPI_OK) rc = skpi__json_time(&p.end, &has_end, b, where, "end", false);
    if (rc != SKPI_OK) return rc;
    if (has_value == (has_start || has_end))
        return skpi__json_fail(SKPI_EINVAL, where, "give either value, or start and end");
    if (has_value) {
        rc = skpi_goal_set_baseline_value(goal, value);
    } else {
        if (!has_start) return skpi__json_require(b, where, "start");
        if (!has_end) return skpi__json_require(b, where, "end");
        rc = skpi_goal_set_baseline_period(goal, p);
    }
    return rc == SKPI_OK ? rc : skpi__json_wrap(rc, where);
}

static int target(skpi_goal *goal, const json_t *g, const char *path)
{
    const json_t *t;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "target");
    int rc = skpi__json_object(&t, g, path, "target", false);
    if (rc != SKPI_OK || t == NULL) return rc;
    int kind = 0;
    double value = 0;
    rc = skpi__json_only(t, where, target_members);
    if (rc == SKPI_OK) rc = skpi__json_word(&kind, NULL, t, where, "kind", skpi__target_kind_names, true);
    if (rc == SKPI_OK) rc = skpi__json_number(&value, NULL, t, where, "value", true);
    if (rc != SKPI_OK) return rc;
    rc = skpi_goal_set_target(goal, kind, value);
    return rc == SKPI_OK ? rc : skpi__json_wrap(rc, where);
}

/* After the target: a source tells of an absolute one only. */
static int target_source(skpi_goal *goal, const json_t *g, const char *path)
{
    const char *text = NULL;
    int kind = skpi_goal_target_kind(goal);
    const char *no_target = kind == SKPI_TARGET_ABSOLUTE ? NULL
                          : kind == SKPI_TARGET_NONE ? "the goal has no target"
                          : "the goal's target is not absolute (a benchmark gives a value to reach)";
    int rc = skpi__json_target_source(&text, g, path, no_target);
    if (rc == SKPI_OK && text) rc = skpi_goal_set_target_source(goal, text);
    return rc;
}

static int span_and_milestones(skpi_goal *goal, const json_t *g, const char *path)
{
    skpi_period span = { 0, 0 };
    bool has_start, has_deadline;
    int rc = skpi__json_time(&span.start, &has_start, g, path, "start", false);
    if (rc == SKPI_OK) rc = skpi__json_time(&span.end, &has_deadline, g, path, "deadline", false);
    if (rc != SKPI_OK) return rc;
    char where[SKPI__PATH_SIZE];
    if (has_start != has_deadline) {
        skpi__path_key(where, path, has_start ? "deadline" : "start");
        return skpi__json_fail(SKPI_EINVAL, where, "required when %s is given",
                               has_start ? "start" : "deadline");
    }
    if (has_start) {
        rc = skpi_goal_set_span(goal, span);
        skpi__path_key(where, path, "deadline");
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
    }
    const json_t *list;
    rc = skpi__json_array(&list, g, path, "milestones", false);
    if (rc != SKPI_OK || list == NULL) return rc;
    skpi__path_key(where, path, "milestones");
    for (size_t i = 0; i < json_array_size(list); i++) {
        char at[SKPI__PATH_SIZE];
        skpi__path_index(at, where, i);
        const json_t *m;
        skpi_time date = 0;
        double value = 0;
        rc = skpi__json_element(&m, list, i, where);
        if (rc == SKPI_OK) rc = skpi__json_only(m, at, milestone_members);
        if (rc == SKPI_OK) rc = skpi__json_time(&date, NULL, m, at, "date", true);
        if (rc == SKPI_OK) rc = skpi__json_number(&value, NULL, m, at, "value", true);
        if (rc != SKPI_OK) return rc;
        rc = skpi_goal_add_milestone(goal, date, value);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, at);
    }
    return SKPI_OK;
}

static int texts(skpi_goal *goal, const skpi_effort *team, const json_t *g, const char *path)
{
    const char *relevance = NULL, *owner = NULL, *activity = NULL;
    int rc = skpi__json_string(&relevance, g, path, "relevance", false);
    if (rc == SKPI_OK) rc = skpi__json_string(&owner, g, path, "owner", false);
    if (rc == SKPI_OK) rc = skpi__json_activity(&activity, team, g, path);
    if (rc == SKPI_OK && relevance) rc = skpi_goal_set_relevance(goal, relevance);
    if (rc == SKPI_OK && owner) rc = skpi_goal_set_owner(goal, owner);
    if (rc == SKPI_OK && activity) rc = skpi_goal_set_activity(goal, activity);
    return rc;
}

static int load_goal(skpi_definitions *defs, const json_t *g, const char *path)
{
    const char *id = NULL, *name = NULL;
    char where[SKPI__PATH_SIZE];
    int rc = skpi__json_only(g, path, goal_members);
    if (rc == SKPI_OK) rc = skpi__json_string(&id, g, path, "id", true);
    if (rc == SKPI_OK) rc = skpi__json_string(&name, g, path, "name", true);
    if (rc != SKPI_OK) return rc;
    skpi__path_key(where, path, "id");
    rc = skpi__defs_id_check(id, where);
    if (rc != SKPI_OK) return rc;
    long other = skpi__defs_goal_index(defs, id);
    if (other >= 0)
        return skpi__json_fail(SKPI_EEXISTS, where, "'%s' is the id of goals[%ld] already", id, other);
    skpi_goal *goal = NULL;
    rc = skpi_goal_new(&goal, name);
    if (rc != SKPI_OK) {
        skpi__path_key(where, path, "name");
        return skpi__json_wrap(rc, where);
    }
    rc = category(goal, g, path);
    if (rc == SKPI_OK) rc = metric_and_channel(goal, defs->catalog, g, path);
    if (rc == SKPI_OK) rc = words(goal, g, path);
    if (rc == SKPI_OK) rc = baseline(goal, g, path);
    if (rc == SKPI_OK) rc = target(goal, g, path);
    if (rc == SKPI_OK) rc = target_source(goal, g, path);
    if (rc == SKPI_OK) rc = span_and_milestones(goal, g, path);
    if (rc == SKPI_OK) rc = texts(goal, defs->effort, g, path);
    if (rc != SKPI_OK) {
        skpi_goal_free(goal);
        return rc;
    }
    return skpi__defs_push_goal(defs, id, goal);
}

int skpi__load_goals(skpi_definitions *defs, const json_t *array)
{
    for (size_t i = 0; i < json_array_size(array); i++) {
        char path[SKPI__PATH_SIZE];
        skpi__path_index(path, "goals", i);
        const json_t *g;
        int rc = skpi__json_element(&g, array, i, "goals");
        if (rc == SKPI_OK) rc = load_goal(defs, g, path);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}
