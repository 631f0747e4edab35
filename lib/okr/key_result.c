/* Key results: range and direction, stretch and commit values, weight, metric link. */
#include "okr/okr_internal.h"
#include "core/selector.h"

#include <math.h>

void skpi__key_result_free(skpi_key_result *kr)
{
    if (kr == NULL) return;
    for (size_t i = 0; i < kr->ncheckins; i++) skpi__free(kr->checkins[i].note);
    skpi__free(kr->checkins);
    skpi__free(kr->title);
    skpi__free(kr->metric);
    skpi__free(kr->selector);
    skpi__free(kr->target_source);
    skpi__free(kr->activity);
    skpi__free(kr);
}

size_t skpi__key_result_index(const skpi_key_result *kr)
{
    size_t i = 0;
    while (i < kr->obj->nkr && kr->obj->krs[i] != kr) i++;
    return i;
}

/* "objective "X", key result 2 ("Y")": where a key result error happened. */
#define KR_WHERE "objective \"%s\", key result %zu (\"%s\")"
#define KR_ARGS(kr) (kr)->obj->title, skpi__key_result_index(kr), (kr)->title

skpi_objective *skpi_key_result_objective(const skpi_key_result *kr)
{
    return kr != NULL ? kr->obj : NULL;
}

int skpi_key_result_kind(const skpi_key_result *kr)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_kind: kr is NULL");
    return kr->kind;
}

int skpi_key_result_set_title(skpi_key_result *kr, const char *title)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_set_title: kr is NULL");
    if (title == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_set_title: title is NULL");
    if (title[0] == '\0')
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the new title is empty; say what the key "
                           "result measures", KR_ARGS(kr));
    char *copy = skpi__strdup(title);
    if (copy == NULL) return skpi__nomem();
    skpi__free(kr->title);
    kr->title = copy;
    return SKPI_OK;
}

const char *skpi_key_result_title(const skpi_key_result *kr)
{
    return kr != NULL ? kr->title : NULL;
}

/* Whether v lies strictly beyond `from` when moving from start toward target. */
static bool beyond(double v, double from, double start, double target)
{
    return target > start ? v > from : v < from;
}

int skpi_key_result_set_range(skpi_key_result *kr, double start, double target)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_set_range: kr is NULL");
    if (kr->kind == SKPI_KR_MILESTONE)
        return skpi__error(SKPI_EINVAL, KR_WHERE ": a milestone always runs from 0 to 1 "
                           "(its completion); it takes no start and target", KR_ARGS(kr));
    if (!isfinite(start) || !isfinite(target))
        return skpi__error(SKPI_EINVAL, KR_WHERE ": start and target must be finite numbers",
                           KR_ARGS(kr));
    if (start == target)
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the target %g equals the start; a key result "
                           "must move from its start to a different target", KR_ARGS(kr), target);
    /* Achievements divide by target - start: it must be a number too. */
    if (!isfinite(target - start))
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the distance from the start %g to the target %g "
                           "is beyond the range of a double", KR_ARGS(kr), start, target);
    if (!isnan(kr->stretch) && !beyond(kr->stretch, target, start, target))
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the stretch target %g would not lie beyond the "
                           "new target %g; change or clear it (NaN) first", KR_ARGS(kr),
                           kr->stretch, target);
    if (!isnan(kr->commit) &&
        !(beyond(kr->commit, start, start, target) && beyond(target, kr->commit, start, target)))
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the commit value %g would not lie between the "
                           "new start %g and target %g; change or clear it (NaN) first",
                           KR_ARGS(kr), kr->commit, start, target);
    kr->start = start;
    kr->target = target;
    kr->has_range = true;
    skpi__free(kr->target_source); /* a target of the host's own, not a benchmark's */
    kr->target_source = NULL;
    return SKPI_OK;
}

int skpi_key_result_range(double *start, double *target, const skpi_key_result *kr)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_range: kr is NULL");
    if (!kr->has_range)
        return skpi__error(SKPI_ENOTFOUND, KR_WHERE ": no start and target yet; set them with "
                           "skpi_key_result_set_range()", KR_ARGS(kr));
    if (start != NULL) *start = kr->start;
    if (target != NULL) *target = kr->target;
    return SKPI_OK;
}

int skpi_key_result_direction(const skpi_key_result *kr)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_direction: kr is NULL");
    if (!kr->has_range)
        return skpi__error(SKPI_ENOTFOUND, KR_WHERE ": no start and target yet, so no direction",
                           KR_ARGS(kr));
    return kr->target > kr->start ? SKPI_KR_INCREASE : SKPI_KR_DECREASE;
}

/* The checks stretch and commit share: a numeric key result with a range. */
static int check_level(const skpi_key_result *kr, double v, const char *fn, const char *name)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "%s: kr is NULL", fn);
    if (kr->kind == SKPI_KR_MILESTONE)
        return skpi__error(SKPI_EINVAL, KR_WHERE ": a milestone has no %s", KR_ARGS(kr), name);
    if (!kr->has_range)
        return skpi__error(SKPI_EMISUSE, KR_WHERE ": set the start and target before the %s",
                           KR_ARGS(kr), name);
    if (isinf(v))
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the %s must be finite (NaN clears it)",
                           KR_ARGS(kr), name);
    return SKPI_OK;
}

int skpi_key_result_set_stretch(skpi_key_result *kr, double stretch)
{
    int rc = check_level(kr, stretch, "skpi_key_result_set_stretch", "stretch target");
    if (rc != SKPI_OK) return rc;
    if (!isnan(stretch) && !beyond(stretch, kr->target, kr->start, kr->target))
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the stretch target %g does not lie beyond the "
                           "target %g (the key result %s)", KR_ARGS(kr), stretch, kr->target,
                           kr->target > kr->start ? "increases" : "decreases");
    kr->stretch = stretch;
    return SKPI_OK;
}

double skpi_key_result_stretch(const skpi_key_result *kr)
{
    return kr != NULL ? kr->stretch : NAN;
}

int skpi_key_result_set_commit(skpi_key_result *kr, double commit)
{
    int rc = check_level(kr, commit, "skpi_key_result_set_commit", "commit value");
    if (rc != SKPI_OK) return rc;
    if (!isnan(commit) && !(beyond(commit, kr->start, kr->start, kr->target) &&
                            beyond(kr->target, commit, kr->start, kr->target)))
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the commit value %g does not lie strictly "
                           "between the start %g and the target %g", KR_ARGS(kr), commit,
                           kr->start, kr->target);
    kr->commit = commit;
    return SKPI_OK;
}

double skpi_key_result_commit(const skpi_key_result *kr)
{
    return kr != NULL ? kr->commit : NAN;
}

int skpi_key_result_set_weight(skpi_key_result *kr, double weight)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_set_weight: kr is NULL");
    if (!isfinite(weight))
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the weight must be a finite number", KR_ARGS(kr));
    if (weight < 0.0 || weight > SKPI__OKR_MAX_WEIGHT)
        return skpi__error(SKPI_ERANGE, KR_WHERE ": the weight %g is outside 0 to 1e6; weights "
                           "are relative shares and cannot be negative", KR_ARGS(kr), weight);
    kr->weight = weight;
    return SKPI_OK;
}

double skpi_key_result_weight(const skpi_key_result *kr)
{
    return kr != NULL ? kr->weight : NAN;
}

int skpi_key_result_set_metric(skpi_key_result *kr, const char *metric, const char *selector)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_set_metric: kr is NULL");
    if (metric == NULL || selector == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_key_result_set_metric: metric or selector is NULL");
    if (kr->kind != SKPI_KR_METRIC)
        return skpi__error(SKPI_EINVAL, KR_WHERE ": only a metric-linked key result takes a metric "
                           "(this one is %s)", KR_ARGS(kr),
                           kr->kind == SKPI_KR_MANUAL ? "manual" : "a milestone");
    if (metric[0] == '\0' || selector[0] == '\0')
        return skpi__error(SKPI_EINVAL, KR_WHERE ": the metric key and the channel selector must "
                           "not be empty (use \"*\" for every channel)", KR_ARGS(kr));
    int rc = skpi__selector_check(selector, "skpi_key_result_set_metric");
    if (rc != SKPI_OK) return rc;
    char *m = skpi__strdup(metric);
    char *s = m != NULL ? skpi__strdup(selector) : NULL;
    if (s == NULL) {
        skpi__free(m);
        return skpi__nomem();
    }
    skpi__free(kr->metric);
    skpi__free(kr->selector);
    kr->metric = m;
    kr->selector = s;
    return SKPI_OK;
}

const char *skpi_key_result_metric(const skpi_key_result *kr)
{
    return kr != NULL ? kr->metric : NULL;
}

const char *skpi_key_result_selector(const skpi_key_result *kr)
{
    return kr != NULL ? kr->selector : NULL;
}

int skpi_key_result_set_activity(skpi_key_result *kr, const char *activity)
{
    if (kr == NULL) return skpi__error(SKPI_EMISUSE, "skpi_key_result_set_activity: kr is NULL");
    char *copy = NULL;
    if (activity != NULL && activity[0] != '\0') {
        copy = skpi__strdup(activity);
        if (copy == NULL) return skpi__nomem();
    }
    skpi__free(kr->activity);
    kr->activity = copy;
    return SKPI_OK;
}

const char *skpi_key_result_activity(const skpi_key_result *kr)
{
    return kr != NULL ? kr->activity : NULL;
}
