/* Saving the `objectives` member: objectives, key results, check-ins, and
 * alignment as parent ids. */
#include "definitions/defs_internal.h"

#include <math.h>

static json_t *save_checkins(skpi__writer *w, const skpi_key_result *kr)
{
    json_t *list = skpi__w_array(w);
    size_t n = skpi_key_result_checkin_count(kr);
    for (size_t i = 0; i < n; i++) {
        skpi_time time = 0;
        double value = NAN, confidence = NAN;
        const char *note = "", *author = "";
        skpi_key_result_checkin(&time, &value, &confidence, &note, kr, i);
        skpi_key_result_checkin_author(&author, kr, i);
        json_t *c = skpi__w_object(w);
        skpi__w_set(w, c, "time", skpi__w_time(w, time));
        if (!isnan(value)) skpi__w_set(w, c, "value", skpi__w_number(w, value));
        if (!isnan(confidence)) skpi__w_set(w, c, "confidence", skpi__w_number(w, confidence));
        if (note && note[0] != '\0') skpi__w_set(w, c, "note", skpi__w_string(w, note));
        if (author && author[0] != '\0') skpi__w_set(w, c, "author", skpi__w_string(w, author));
        skpi__w_append(w, list, c);
    }
    return list;
}

static json_t *save_key_result(skpi__writer *w, const skpi_key_result *kr)
{
    json_t *o = skpi__w_object(w);
    int kind = skpi_key_result_kind(kr);
    skpi__w_set(w, o, "title", skpi__w_string(w, skpi_key_result_title(kr)));
    skpi__w_set(w, o, "kind", skpi__w_string(w, skpi__name_of(skpi__kr_kind_names, kind)));
    if (skpi_key_result_metric(kr)) {
        skpi__w_set(w, o, "metric", skpi__w_string(w, skpi_key_result_metric(kr)));
        skpi__w_set(w, o, "channel", skpi__w_string(w, skpi_key_result_selector(kr)));
    }
    double start, target;
    if (kind != SKPI_KR_MILESTONE && skpi_key_result_range(&start, &target, kr) == SKPI_OK) {
        skpi__w_set(w, o, "start", skpi__w_number(w, start));
        skpi__w_set(w, o, "target", skpi__w_number(w, target));
        double stretch = skpi_key_result_stretch(kr), commit = skpi_key_result_commit(kr);
        if (!isnan(stretch)) skpi__w_set(w, o, "stretch", skpi__w_number(w, stretch));
        if (!isnan(commit)) skpi__w_set(w, o, "commit", skpi__w_number(w, commit));
    }
    double weight = skpi_key_result_weight(kr);
    if (weight != 1) skpi__w_set(w, o, "weight", skpi__w_number(w, weight));
    const char *activity = skpi_key_result_activity(kr);
    if (activity) skpi__w_set(w, o, "activity", skpi__w_string(w, activity));
    const char *source = skpi_key_result_target_source(kr);
    if (source) skpi__w_set(w, o, "target_source", skpi__w_string(w, source));
    if (skpi_key_result_checkin_count(kr) > 0) skpi__w_set(w, o, "checkins", save_checkins(w, kr));
    return o;
}

static json_t *save_curve(skpi__writer *w, const skpi_objective *obj)
{
    int curve = skpi_objective_curve(obj);
    if (curve != SKPI_OKR_CURVE_CUSTOM) return skpi__w_string(w, skpi__name_of(skpi__curve_names, curve));
    json_t *list = skpi__w_array(w);
    size_t n = skpi_objective_curve_point_count(obj);
    for (size_t i = 0; i < n; i++) {
        double x = 0, y = 0;
        skpi_objective_curve_point(&x, &y, obj, i);
        json_t *point = skpi__w_array(w);
        skpi__w_append(w, point, skpi__w_number(w, x));
        skpi__w_append(w, point, skpi__w_number(w, y));
        skpi__w_append(w, list, point);
    }
    return list;
}

static json_t *save_objective(skpi__writer *w, const char *id, const skpi_objective *obj,
                              const char *parent_id)
{
    json_t *o = skpi__w_object(w);
    skpi__w_set(w, o, "id", skpi__w_string(w, id));
    skpi__w_set(w, o, "title", skpi__w_string(w, skpi_objective_title(obj)));
    const char *description = skpi_objective_description(obj);
    if (description[0] != '\0') skpi__w_set(w, o, "description", skpi__w_string(w, description));
    const char *owner = skpi_objective_owner(obj);
    if (owner[0] != '\0') skpi__w_set(w, o, "owner", skpi__w_string(w, owner));
    skpi__w_set(w, o, "type",
                skpi__w_string(w, skpi__name_of(skpi__okr_type_names, skpi_objective_type(obj))));
    skpi_period p;
    if (skpi_objective_period(&p, obj) == SKPI_OK) {
        json_t *period = skpi__w_object(w);
        skpi__w_set(w, period, "start", skpi__w_time(w, p.start));
        skpi__w_set(w, period, "end", skpi__w_time(w, p.end));
        skpi__w_set(w, o, "period", period);
    }
    if (skpi_objective_curve(obj) != SKPI_OKR_CURVE_LINEAR)
        skpi__w_set(w, o, "curve", save_curve(w, obj));
    if (parent_id) {
        skpi__w_set(w, o, "parent", skpi__w_string(w, parent_id));
        double weight = skpi_objective_alignment_weight(obj);
        if (weight != 1) skpi__w_set(w, o, "parent_weight", skpi__w_number(w, weight));
    }
    json_t *list = skpi__w_array(w);
    size_t n = skpi_objective_key_result_count(obj);
    for (size_t i = 0; i < n; i++)
        skpi__w_append(w, list, save_key_result(w, skpi_objective_key_result(obj, i)));
    skpi__w_set(w, o, "key_results", list);
    return o;
}

int skpi__save_objectives(json_t **out, skpi__writer *w, const skpi_definitions *defs)
{
    /* Parents are checked before anything is built, so that this error
     * needs no clean-up. */
    for (size_t i = 0; i < defs->objective_count; i++) {
        const skpi_objective *parent = skpi_objective_parent(defs->objectives[i].obj);
        if (parent && skpi__defs_objective_of(defs, parent) < 0)
            return skpi__error(SKPI_EINVAL,
                               "objective '%s' is aligned under an objective that is not one of the "
                               "definitions, so it cannot be saved by id", defs->objectives[i].id);
    }
    json_t *list = skpi__w_array(w);
    for (size_t i = 0; i < defs->objective_count; i++) {
        const skpi_objective *obj = defs->objectives[i].obj;
        const skpi_objective *parent = skpi_objective_parent(obj);
        const char *parent_id = parent ? defs->objectives[skpi__defs_objective_of(defs, parent)].id : NULL;
        skpi__w_append(w, list, save_objective(w, defs->objectives[i].id, obj, parent_id));
    }
    *out = list;
    return SKPI_OK;
}
