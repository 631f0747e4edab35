/* Saving the `reports` member: each report definition with the members the
 * document gave. */
#include "definitions/defs_internal.h"

#include <stdio.h>
#include <stdlib.h>

static json_t *strings(skpi__writer *w, char *const *items, size_t n)
{
    json_t *list = skpi__w_array(w);
    for (size_t i = 0; i < n; i++) skpi__w_append(w, list, skpi__w_string(w, items[i]));
    return list;
}

static json_t *calendar(skpi__writer *w, const skpi__report_spec *s)
{
    json_t *c = skpi__w_object(w);
    if (s->time_zone) {
        skpi__w_set(w, c, "time_zone", skpi__w_string(w, s->time_zone));
    } else {
        char offset[8];
        int m = abs(s->utc_offset);
        snprintf(offset, sizeof offset, "%c%02d:%02d", s->utc_offset < 0 ? '-' : '+', (m / 60) % 100,
                 m % 60);
        skpi__w_set(w, c, "utc_offset", skpi__w_string(w, offset));
    }
    skpi__w_set(w, c, "week_start", skpi__w_string(w, skpi__name_of(skpi__weekday_names, s->week_start)));
    skpi__w_set(w, c, "fiscal_year_start", skpi__w_number(w, s->fiscal_start));
    return c;
}

static json_t *kpis(skpi__writer *w, const skpi__report_spec *s)
{
    json_t *list = skpi__w_array(w);
    for (size_t i = 0; i < s->kpi_count; i++) {
        if (s->kpis[i].channel == NULL) {
            skpi__w_append(w, list, skpi__w_string(w, s->kpis[i].metric));
            continue;
        }
        json_t *k = skpi__w_object(w);
        skpi__w_set(w, k, "metric", skpi__w_string(w, s->kpis[i].metric));
        skpi__w_set(w, k, "channel", skpi__w_string(w, s->kpis[i].channel));
        skpi__w_append(w, list, k);
    }
    return list;
}

json_t *skpi__save_report(skpi__writer *w, const skpi__report_spec *s)
{
    json_t *o = skpi__w_object(w);
    skpi__w_set(w, o, "id", skpi__w_string(w, s->id));
    skpi__w_set(w, o, "title", skpi__w_string(w, s->title));
    if (s->audience >= 0) skpi__w_set(w, o, "audience", skpi__w_string(w, skpi_audience_name(s->audience)));
    if (s->cadence >= 0)
        skpi__w_set(w, o, "cadence", skpi__w_string(w, skpi__name_of(skpi__cadence_names, s->cadence)));
    if (s->has_comparisons) {
        json_t *list = skpi__w_array(w);
        for (const skpi__name *n = skpi__comparison_names; n->word; n++)
            if (s->comparisons & (unsigned)n->value) skpi__w_append(w, list, skpi__w_string(w, n->word));
        skpi__w_set(w, o, "comparisons", list);
    }
    if (s->has_calendar) skpi__w_set(w, o, "calendar", calendar(w, s));
    if (s->currency) skpi__w_set(w, o, "currency", skpi__w_string(w, s->currency));
    if (s->locale) skpi__w_set(w, o, "locale", skpi__w_string(w, s->locale));
    if (s->industry) skpi__w_set(w, o, "industry", skpi__w_string(w, s->industry));
    if (s->channel_count) skpi__w_set(w, o, "channels", strings(w, s->channels, s->channel_count));
    if (s->kpi_count) skpi__w_set(w, o, "kpis", kpis(w, s));
    if (!s->all_goals) skpi__w_set(w, o, "goals", strings(w, s->goals, s->goal_count));
    if (!s->all_objectives) skpi__w_set(w, o, "objectives", strings(w, s->objectives, s->objective_count));
    if (s->has_sections) {
        json_t *list = skpi__w_array(w);
        for (size_t i = 0; i < s->section_count; i++)
            skpi__w_append(w, list, skpi__w_string(w, skpi_section_name(s->sections[i])));
        skpi__w_set(w, o, "sections", list);
    }
    if (s->has_spot_checks) {
        json_t *spot = skpi__w_object(w);
        skpi__w_set(w, spot, "sensitivity", skpi__w_number(w, s->sensitivity));
        skpi__w_set(w, spot, "window", skpi__w_number(w, s->window));
        skpi__w_set(w, spot, "min_change", skpi__w_number(w, s->min_change));
        skpi__w_set(w, o, "spot_checks", spot);
    }
    if (s->has_top_posts) {
        json_t *top = skpi__w_object(w);
        skpi__w_set(w, top, "count", skpi__w_number(w, (double)s->top_count));
        if (s->top_metric) skpi__w_set(w, top, "metric", skpi__w_string(w, s->top_metric));
        skpi__w_set(w, o, "top_posts", top);
    }
    if (s->has_max_kpis) skpi__w_set(w, o, "max_kpis", skpi__w_number(w, (double)s->max_kpis));
    json_t *templates = NULL;
    for (size_t k = 0; k < SKPI__TEMPLATES_MAX; k++) {
        if (s->templates[k] == NULL) continue;
        if (templates == NULL) templates = skpi__w_object(w);
        skpi__w_set(w, templates, skpi__name_of(skpi__template_names, (int)k),
                    skpi__w_string(w, s->templates[k]));
    }
    if (templates) skpi__w_set(w, o, "templates", templates);
    if (s->name_count) {
        json_t *names = skpi__w_object(w);
        for (size_t i = 0; i < s->name_count; i++)
            skpi__w_set(w, names, s->name_keys[i], skpi__w_string(w, s->name_values[i]));
        skpi__w_set(w, o, "channel_names", names);
    }
    skpi__range_save(w, o, s);
    return o;
}

json_t *skpi__save_reports(skpi__writer *w, const skpi_definitions *defs)
{
    json_t *list = skpi__w_array(w);
    for (size_t i = 0; i < defs->report_count; i++)
        skpi__w_append(w, list, skpi__save_report(w, &defs->reports[i]));
    return list;
}

int skpi__check_report_ids(const skpi_definitions *defs)
{
    for (size_t i = 0; i < defs->report_count; i++) {
        const skpi__report_spec *s = &defs->reports[i];
        for (size_t k = 0; k < s->goal_count; k++)
            if (skpi__defs_goal_index(defs, s->goals[k]) < 0)
                return skpi__error(SKPI_EINVAL, "report '%s' names the goal '%s', which is not one of "
                                   "the definitions", s->id, s->goals[k]);
        for (size_t k = 0; k < s->objective_count; k++)
            if (skpi__defs_objective_index(defs, s->objectives[k]) < 0)
                return skpi__error(SKPI_EINVAL, "report '%s' names the objective '%s', which is not one "
                                   "of the definitions", s->id, s->objectives[k]);
    }
    return SKPI_OK;
}
