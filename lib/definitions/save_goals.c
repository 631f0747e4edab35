/* Saving the `goals` member. */
#include "definitions/defs_internal.h"

static json_t *save_goal(skpi__writer *w, const char *id, const skpi_goal *g)
{
    json_t *o = skpi__w_object(w);
    skpi__w_set(w, o, "id", skpi__w_string(w, id));
    skpi__w_set(w, o, "name", skpi__w_string(w, skpi_goal_name(g)));
    int category = skpi_goal_category(g);
    if (category != SKPI_CATEGORY_NONE)
        skpi__w_set(w, o, "category", skpi__w_string(w, skpi_category_key(category)));
    if (skpi_goal_metric(g)) skpi__w_set(w, o, "metric", skpi__w_string(w, skpi_goal_metric(g)));
    if (skpi_goal_channel(g)) skpi__w_set(w, o, "channel", skpi__w_string(w, skpi_goal_channel(g)));
    skpi__w_set(w, o, "direction",
                skpi__w_string(w, skpi__name_of(skpi__goal_dir_names, skpi_goal_direction(g))));
    skpi__w_set(w, o, "cadence",
                skpi__w_string(w, skpi__name_of(skpi__cadence_names, skpi_goal_cadence(g))));

    skpi_period p;
    int baseline = skpi_goal_baseline_kind(g);
    if (baseline == SKPI_BASELINE_VALUE) {
        json_t *b = skpi__w_object(w);
        skpi__w_set(w, b, "value", skpi__w_number(w, skpi_goal_baseline_value(g)));
        skpi__w_set(w, o, "baseline", b);
    } else if (baseline == SKPI_BASELINE_PERIOD && skpi_goal_baseline_period(&p, g) == SKPI_OK) {
        json_t *b = skpi__w_object(w);
        skpi__w_set(w, b, "start", skpi__w_time(w, p.start));
        skpi__w_set(w, b, "end", skpi__w_time(w, p.end));
        skpi__w_set(w, o, "baseline", b);
    }
    int target = skpi_goal_target_kind(g);
    if (target != SKPI_TARGET_NONE) {
        json_t *t = skpi__w_object(w);
        skpi__w_set(w, t, "kind", skpi__w_string(w, skpi__name_of(skpi__target_kind_names, target)));
        skpi__w_set(w, t, "value", skpi__w_number(w, skpi_goal_target_value(g)));
        skpi__w_set(w, o, "target", t);
    }
    if (skpi_goal_span(&p, g) == SKPI_OK) {
        skpi__w_set(w, o, "start", skpi__w_time(w, p.start));
        skpi__w_set(w, o, "deadline", skpi__w_time(w, p.end));
    }
    size_t n = skpi_goal_milestone_count(g);
    if (n > 0) {
        json_t *list = skpi__w_array(w);
        for (size_t i = 0; i < n; i++) {
            skpi_time date = 0;
            double value = 0;
            skpi_goal_milestone(&date, &value, g, i);
            json_t *m = skpi__w_object(w);
            skpi__w_set(w, m, "date", skpi__w_time(w, date));
            skpi__w_set(w, m, "value", skpi__w_number(w, value));
            skpi__w_append(w, list, m);
        }
        skpi__w_set(w, o, "milestones", list);
    }
    if (skpi_goal_relevance(g))
        skpi__w_set(w, o, "relevance", skpi__w_string(w, skpi_goal_relevance(g)));
    if (skpi_goal_owner(g)) skpi__w_set(w, o, "owner", skpi__w_string(w, skpi_goal_owner(g)));
    if (skpi_goal_activity(g)) skpi__w_set(w, o, "activity", skpi__w_string(w, skpi_goal_activity(g)));
    if (skpi_goal_target_source(g))
        skpi__w_set(w, o, "target_source", skpi__w_string(w, skpi_goal_target_source(g)));
    return o;
}

json_t *skpi__save_goals(skpi__writer *w, const skpi_definitions *defs)
{
    json_t *list = skpi__w_array(w);
    for (size_t i = 0; i < defs->goal_count; i++)
        skpi__w_append(w, list, save_goal(w, defs->goals[i].id, defs->goals[i].goal));
    return list;
}
