/* Report definitions of a definitions handle: kept as the document gives
 * them, and turned into report.h handles on demand. */
#include "definitions/defs_internal.h"

#include <stdio.h>
#include <string.h>

static void free_strings(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++) skpi__free(list[i]);
    skpi__free(list);
}

void skpi__report_spec_free(skpi__report_spec *spec)
{
    skpi__free(spec->id);
    skpi__free(spec->title);
    skpi__free(spec->currency);
    skpi__free(spec->industry);
    skpi__free(spec->locale);
    free_strings(spec->channels, spec->channel_count);
    for (size_t i = 0; i < spec->kpi_count; i++) {
        skpi__free(spec->kpis[i].metric);
        skpi__free(spec->kpis[i].channel);
    }
    skpi__free(spec->kpis);
    free_strings(spec->goals, spec->goal_count);
    free_strings(spec->objectives, spec->objective_count);
    skpi__free(spec->sections);
    skpi__free(spec->top_metric);
    skpi__free(spec->time_zone);
    for (size_t i = 0; i < SKPI__TEMPLATES_MAX; i++) skpi__free(spec->templates[i]);
    /* A load that failed half-way leaves NULLs after the names it read. */
    for (size_t i = 0; spec->name_keys && spec->name_values && i <= spec->name_count; i++) {
        skpi__free(spec->name_keys[i]);
        skpi__free(spec->name_values[i]);
    }
    skpi__free(spec->name_keys);
    skpi__free(spec->name_values);
    skpi__range_free(spec);
    memset(spec, 0, sizeof *spec);
}

int skpi__defs_push_report(skpi_definitions *defs, skpi__report_spec *spec)
{
    if (defs->report_count == defs->report_cap) {
        size_t n = defs->report_cap ? defs->report_cap * 2 : 4;
        skpi__report_spec *p = skpi__reallocarray(defs->reports, n, sizeof *p);
        if (p == NULL) {
            skpi__report_spec_free(spec);
            return skpi__nomem();
        }
        defs->reports = p;
        defs->report_cap = n;
    }
    defs->reports[defs->report_count++] = *spec;
    memset(spec, 0, sizeof *spec);
    return SKPI_OK;
}

long skpi__defs_report_index(const skpi_definitions *defs, const char *id)
{
    for (size_t i = 0; i < defs->report_count; i++)
        if (strcmp(defs->reports[i].id, id) == 0) return (long)i;
    return -1;
}

static int apply_calendar(skpi_report *r, const skpi__report_spec *s)
{
    skpi_calendar *cal = NULL;
    int rc = skpi_calendar_new(&cal);
    if (rc == SKPI_OK)
        rc = s->time_zone ? skpi_calendar_set_time_zone(cal, s->time_zone)
                          : skpi_calendar_set_utc_offset(cal, s->utc_offset);
    if (rc == SKPI_OK) rc = skpi_calendar_set_week_start(cal, s->week_start);
    if (rc == SKPI_OK) rc = skpi_calendar_set_fiscal_year_start(cal, s->fiscal_start);
    if (rc == SKPI_OK) rc = skpi_report_set_calendar(r, cal);
    skpi_calendar_free(cal);
    return rc;
}

static int apply_items(skpi_report *r, const skpi__report_spec *s, const skpi_definitions *defs,
                       char failed[64])
{
    int rc = SKPI_OK;
    size_t n = s->all_goals ? defs->goal_count : s->goal_count;
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        long g = s->all_goals ? (long)i : skpi__defs_goal_index(defs, s->goals[i]);
        snprintf(failed, 64, "goals[%zu]", i);
        rc = g < 0 ? skpi__error(SKPI_ENOTFOUND, "no goal has the id '%s'", s->goals[i])
                   : skpi_report_add_goal(r, defs->goals[g].goal);
    }
    n = s->all_objectives ? defs->objective_count : s->objective_count;
    for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
        long o = s->all_objectives ? (long)i : skpi__defs_objective_index(defs, s->objectives[i]);
        snprintf(failed, 64, "objectives[%zu]", i);
        if (o < 0) {
            rc = skpi__error(SKPI_ENOTFOUND, "no objective has the id '%s'", s->objectives[i]);
            break;
        }
        /* "Every objective" means the tops of the trees: an aligned objective
         * comes with its parent. */
        if (s->all_objectives && skpi_objective_parent(defs->objectives[o].obj)) continue;
        rc = skpi_report_add_objective(r, defs->objectives[o].obj);
    }
    return rc;
}

int skpi__report_apply(skpi_report *r, const skpi__report_spec *s, const skpi_definitions *defs,
                       bool items, char failed[64])
{
    int rc = SKPI_OK;
#define STEP(member, call)                                  \
    do {                                                    \
        if (rc == SKPI_OK) {                                \
            snprintf(failed, 64, "%s", member);             \
            rc = (call);                                    \
        }                                                   \
    } while (0)
    if (s->audience >= 0) STEP("audience", skpi_report_set_audience(r, s->audience));
    /* The team's hours feed the Resourcing section and the next steps. */
    if (items && defs->effort != NULL) STEP("team", skpi_report_set_effort(r, defs->effort));
    if (s->cadence >= 0) STEP("cadence", skpi_report_set_cadence(r, s->cadence));
    if (s->has_comparisons) STEP("comparisons", skpi_report_set_comparisons(r, s->comparisons));
    if (s->has_calendar) STEP("calendar", apply_calendar(r, s));
    if (s->currency) STEP("currency", skpi_report_set_currency(r, s->currency));
    /* The definitions' benchmark table, seen through the report's industry. */
    if (items && s->industry && defs->benchmarks)
        STEP("industry", skpi_report_set_benchmarks(r, defs->benchmarks, s->industry));
    if (s->locale) STEP("locale", skpi_report_set_locale(r, s->locale));
    for (size_t i = 0; i < s->channel_count && rc == SKPI_OK; i++) {
        snprintf(failed, 64, "channels[%zu]", i);
        rc = skpi_report_add_channel(r, s->channels[i]);
    }
    for (size_t i = 0; i < s->kpi_count && rc == SKPI_OK; i++) {
        snprintf(failed, 64, "kpis[%zu]", i);
        rc = skpi_report_add_kpi(r, s->kpis[i].metric, s->kpis[i].channel);
    }
    if (s->has_sections)
        STEP("sections", skpi_report_set_sections(r, s->sections, s->section_count));
    if (s->has_spot_checks)
        STEP("spot_checks", skpi_report_set_spot_checks(r, s->sensitivity, s->window, s->min_change));
    if (s->has_top_posts) STEP("top_posts", skpi_report_set_top_posts(r, s->top_count, s->top_metric));
    /* Asking for top posts asks for their section, whatever the audience's
     * preset holds; an explicit list of sections has the last word. */
    if (s->has_top_posts && s->top_count > 0 && !s->has_sections)
        STEP("top_posts", skpi_report_set_section(r, SKPI_SECTION_TOP_POSTS, 1));
    if (s->has_max_kpis) STEP("max_kpis", skpi_report_set_max_kpis(r, s->max_kpis));
    for (size_t k = 0; k < SKPI__TEMPLATES_MAX && rc == SKPI_OK; k++) {
        if (s->templates[k] == NULL) continue;
        snprintf(failed, 64, "templates.%s", skpi__name_of(skpi__template_names, (int)k));
        rc = skpi_report_set_template(r, (int)k, s->templates[k]);
    }
    for (size_t i = 0; i < s->name_count && rc == SKPI_OK; i++) {
        snprintf(failed, 64, "channel_names.%.40s", s->name_keys[i]);
        rc = skpi_report_set_channel_name(r, s->name_keys[i], s->name_values[i]);
    }
    /* after the calendar, whose days the dates name */
    if (rc == SKPI_OK) rc = skpi__range_apply(r, s, failed);
#undef STEP
    if (rc == SKPI_OK && items) rc = apply_items(r, s, defs, failed);
    return rc;
}

size_t skpi_definitions_report_count(const skpi_definitions *defs)
{
    return defs ? defs->report_count : 0;
}

const char *skpi_definitions_report_id(const skpi_definitions *defs, size_t index)
{
    return defs && index < defs->report_count ? defs->reports[index].id : NULL;
}

int skpi_definitions_find_report(size_t *out, const skpi_definitions *defs, const char *id)
{
    if (out == NULL || defs == NULL || id == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_find_report: %s is NULL",
                           out == NULL ? "out" : defs == NULL ? "defs" : "id");
    long i = skpi__defs_report_index(defs, id);
    if (i < 0) return skpi__error(SKPI_ENOTFOUND, "no report has the id '%.80s'", id);
    *out = (size_t)i;
    return SKPI_OK;
}

int skpi_definitions_build_report(skpi_report **out, const skpi_definitions *defs, size_t index,
                                  skpi_time as_of)
{
    if (out == NULL || defs == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_build_report: %s is NULL",
                           out == NULL ? "out" : "defs");
    if (index >= defs->report_count)
        return skpi__error(SKPI_ERANGE, "skpi_definitions_build_report: index %zu is out of range "
                           "(%zu reports)", index, defs->report_count);
    const skpi__report_spec *s = &defs->reports[index];
    skpi_report *r = NULL;
    char failed[64] = "title";
    int rc = skpi_report_new(&r, s->title);
    if (rc == SKPI_OK) rc = skpi__report_apply(r, s, defs, true, failed);
    if (rc == SKPI_OK) {
        snprintf(failed, sizeof failed, "as_of");
        rc = skpi_report_set_as_of(r, as_of);
    }
    if (rc != SKPI_OK) {
        skpi_report_free(r);
        if (rc == SKPI_ENOMEM) return rc;
        char where[SKPI__PATH_SIZE];
        snprintf(where, sizeof where, "report '%s': %s", s->id, failed);
        return skpi__json_wrap(rc, where);
    }
    *out = r;
    return SKPI_OK;
}

int skpi_definitions_remove_report(skpi_definitions *defs, size_t index)
{
    if (defs == NULL) return skpi__error(SKPI_EMISUSE, "skpi_definitions_remove_report: defs is NULL");
    if (index >= defs->report_count)
        return skpi__error(SKPI_ERANGE, "skpi_definitions_remove_report: index %zu is out of range "
                           "(%zu reports)", index, defs->report_count);
    skpi__report_spec_free(&defs->reports[index]);
    memmove(defs->reports + index, defs->reports + index + 1,
            (defs->report_count - index - 1) * sizeof *defs->reports);
    defs->report_count--;
    return SKPI_OK;
}
