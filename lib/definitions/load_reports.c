/* Loading the `reports` member: report definitions, checked by applying
 * them to a scratch report so that every value the report setters refuse
 * is reported at load time with its path. */
#include "definitions/defs_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const report_members[] = {
    "id", "title", "audience", "cadence", "comparisons", "calendar", "currency", "locale", "channels",
    "kpis", "goals", "objectives", "sections", "spot_checks", "top_posts", "max_kpis",
    "templates", "channel_names", "from", "to", "range_name", "compare_range",
    "industry", NULL
};
static const char *const calendar_members[] = { "time_zone", "utc_offset", "week_start",
                                                "fiscal_year_start", NULL };
static const char *const kpi_members[] = { "metric", "channel", NULL };
static const char *const spot_members[] = { "sensitivity", "window", "min_change", NULL };
static const char *const top_members[] = { "count", "metric", NULL };

static int dup(char **out, const char *s)
{
    *out = skpi__strdup(s);
    return *out ? SKPI_OK : skpi__nomem();
}

/* A whole number from 0 to max. */
static int whole(double *out, bool *present, const json_t *obj, const char *path, const char *key,
                 double max)
{
    /* A refused number never reaches *out: callers convert it to an
     * unsigned type, which is undefined for a negative or huge double. */
    double v = *out;
    int rc = skpi__json_number(&v, present, obj, path, key, false);
    if (rc != SKPI_OK || !*present) return rc;
    if (v != floor(v) || v < 0 || v > max) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, key);
        return skpi__json_fail(SKPI_ERANGE, where, "expected a whole number from 0 to %.0f", max);
    }
    *out = v;
    return SKPI_OK;
}

/* An offset as skpi_utc_offset_parse() reads it, into minutes east of UTC. */
static int utc_offset(int *out, const json_t *cal, const char *path)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, cal, path, "utc_offset", false);
    if (rc != SKPI_OK || text == NULL) return rc;
    rc = skpi_utc_offset_parse(out, text);
    if (rc == SKPI_OK) return SKPI_OK;
    /* Well formed but out of range: refused for the calendar, as its setter would. */
    if (rc == SKPI_ERANGE)
        return skpi__json_fail(SKPI_ERANGE, path, "utc_offset '%.20s' is more than 18 hours from UTC or has "
                               "minutes past 59", text);
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "utc_offset");
    return skpi__json_fail(SKPI_EINVAL, where, "'%.20s' is not an offset like +01:00, -05:30 or Z", text);
}

/* An IANA zone name, tried on a scratch calendar so that an unknown one is
 * refused at load time with its path; a zone and an offset exclude each other. */
/* A locale ICU has no data for is refused at load time, naming it. */
static int locale(skpi__report_spec *s, const json_t *r, const char *path)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, r, path, "locale", false);
    if (rc != SKPI_OK || text == NULL) return rc;
    char where[256];
    skpi__path_key(where, path, "locale");
    skpi_report *scratch = NULL;
    rc = skpi_report_new(&scratch, "locale check");
    if (rc == SKPI_OK) rc = skpi_report_set_locale(scratch, text);
    skpi_report_free(scratch);
    if (rc == SKPI_EINVAL)
        return skpi__json_fail(SKPI_EINVAL, where, "\"%.40s\" is not a locale with data (use a "
                               "language tag such as de-DE, fr-FR or en-US)", text);
    if (rc != SKPI_OK) return rc;
    return dup(&s->locale, text);
}

static int time_zone(char **out, const json_t *cal, const char *path)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, cal, path, "time_zone", false);
    if (rc != SKPI_OK || text == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "time_zone");
    if (json_object_get(cal, "utc_offset") != NULL)
        return skpi__json_fail(SKPI_EINVAL, where, "give a time zone or a utc_offset, not both");
    skpi_calendar *scratch = NULL;
    rc = skpi_calendar_new(&scratch);
    if (rc == SKPI_OK) rc = skpi_calendar_set_time_zone(scratch, text);
    skpi_calendar_free(scratch);
    if (rc == SKPI_EINVAL)
        return skpi__json_fail(SKPI_EINVAL, where, "\"%.80s\" is not an IANA time zone name "
                               "(such as Europe/Berlin or America/Los_Angeles)", text);
    return rc == SKPI_OK ? dup(out, text) : rc;
}

static int calendar(skpi__report_spec *s, const json_t *r, const char *path)
{
    const json_t *cal;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "calendar");
    int rc = skpi__json_object(&cal, r, path, "calendar", false);
    if (rc != SKPI_OK || cal == NULL) return rc;
    s->has_calendar = true;
    s->utc_offset = 0;
    s->week_start = SKPI_MONDAY;
    s->fiscal_start = 1;
    double month = 1;
    bool has_month;
    rc = skpi__json_only(cal, where, calendar_members);
    if (rc == SKPI_OK) rc = time_zone(&s->time_zone, cal, where);
    if (rc == SKPI_OK) rc = utc_offset(&s->utc_offset, cal, where);
    if (rc == SKPI_OK)
        rc = skpi__json_word(&s->week_start, NULL, cal, where, "week_start", skpi__weekday_names, false);
    if (rc == SKPI_OK) rc = whole(&month, &has_month, cal, where, "fiscal_year_start", 12);
    s->fiscal_start = (int)month;
    return rc;
}

static int string_list(char ***out, size_t *count, const json_t *list, const char *where)
{
    size_t n = json_array_size(list);
    if (n == 0) return SKPI_OK;
    char **items = skpi__calloc(n, sizeof *items);
    if (items == NULL) return skpi__nomem();
    *out = items;
    for (size_t i = 0; i < n; i++) {
        const json_t *v = json_array_get(list, i);
        if (!json_is_string(v)) {
            char at[SKPI__PATH_SIZE];
            skpi__path_index(at, where, i);
            return skpi__json_fail(SKPI_EINVAL, at, "expected a string, found %s", skpi__json_kind(v));
        }
        int rc = dup(&items[i], json_string_value(v));
        if (rc != SKPI_OK) return rc;
        *count = i + 1;
    }
    return SKPI_OK;
}

/* goals or objectives: ids that must exist (when `known`); left out, every one. */
static int id_list(char ***out, size_t *count, bool *all, const skpi_definitions *defs,
                   const json_t *r, const char *path, const char *key, bool known)
{
    const json_t *list;
    int rc = skpi__json_array(&list, r, path, key, false);
    *all = list == NULL;
    if (rc != SKPI_OK || list == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, key);
    rc = string_list(out, count, list, where);
    bool goals = strcmp(key, "goals") == 0;
    for (size_t i = 0; known && i < *count && rc == SKPI_OK; i++) {
        long found = goals ? skpi__defs_goal_index(defs, (*out)[i]) : skpi__defs_objective_index(defs, (*out)[i]);
        if (found < 0) {
            char at[SKPI__PATH_SIZE];
            skpi__path_index(at, where, i);
            rc = skpi__json_fail(SKPI_ENOTFOUND, at, "no %s has the id '%.80s'", goals ? "goal" : "objective",
                                 (*out)[i]);
        }
    }
    return rc;
}

static int kpis(skpi__report_spec *s, const skpi_definitions *defs, const json_t *r, const char *path)
{
    const json_t *list;
    int rc = skpi__json_array(&list, r, path, "kpis", false);
    if (rc != SKPI_OK || list == NULL || json_array_size(list) == 0) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "kpis");
    s->kpis = skpi__calloc(json_array_size(list), sizeof *s->kpis);
    if (s->kpis == NULL) return skpi__nomem();
    for (size_t i = 0; i < json_array_size(list); i++) {
        char at[SKPI__PATH_SIZE];
        skpi__path_index(at, where, i);
        const json_t *k = json_array_get(list, i);
        const char *metric = NULL, *channel = NULL;
        /* "reach" is short for {"metric": "reach"}. */
        if (json_is_string(k)) {
            metric = json_string_value(k);
        } else if (json_is_object(k)) {
            rc = skpi__json_only(k, at, kpi_members);
            if (rc == SKPI_OK) rc = skpi__json_string(&metric, k, at, "metric", true);
            if (rc == SKPI_OK) rc = skpi__json_string(&channel, k, at, "channel", false);
            if (rc != SKPI_OK) return rc;
        } else {
            return skpi__json_fail(SKPI_EINVAL, at, "expected a metric key or an object, found %s",
                                   skpi__json_kind(k));
        }
        if (skpi__defs_metric(defs->catalog, metric) == NULL)
            return skpi__json_fail(SKPI_ENOTFOUND, at,
                                   "unknown metric '%.80s' (not in the catalog: define it under metrics)",
                                   metric);
        s->kpi_count = i + 1;
        rc = dup(&s->kpis[i].metric, metric);
        if (rc == SKPI_OK && channel) rc = dup(&s->kpis[i].channel, channel);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

static int sections(skpi__report_spec *s, const json_t *r, const char *path)
{
    const json_t *list;
    int rc = skpi__json_array(&list, r, path, "sections", false);
    if (rc != SKPI_OK || list == NULL) return rc;
    s->has_sections = true;
    size_t n = json_array_size(list);
    if (n == 0) return SKPI_OK;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "sections");
    s->sections = skpi__calloc(n, sizeof *s->sections);
    if (s->sections == NULL) return skpi__nomem();
    for (size_t i = 0; i < n; i++) {
        char at[SKPI__PATH_SIZE];
        skpi__path_index(at, where, i);
        const json_t *v = json_array_get(list, i);
        if (!json_is_string(v))
            return skpi__json_fail(SKPI_EINVAL, at, "expected a section name, found %s", skpi__json_kind(v));
        int found = -1;
        for (int k = 0; k < skpi_section_count() && found < 0; k++)
            if (strcmp(skpi_section_name(k), json_string_value(v)) == 0) found = k;
        if (found < 0) {
            char list_text[240] = "";
            size_t len = 0;
            for (int k = 0; k < skpi_section_count() && len < sizeof list_text; k++) {
                int w = snprintf(list_text + len, sizeof list_text - len, "%s%s", k ? ", " : "",
                                 skpi_section_name(k));
                if (w < 0) break;
                len += (size_t)w;
            }
            return skpi__json_fail(SKPI_EINVAL, at, "unknown section '%.40s' (expected %s)",
                                   json_string_value(v), list_text);
        }
        s->sections[i] = found;
        s->section_count = i + 1;
    }
    return SKPI_OK;
}

static int comparisons(skpi__report_spec *s, const json_t *r, const char *path)
{
    const json_t *list;
    int rc = skpi__json_array(&list, r, path, "comparisons", false);
    if (rc != SKPI_OK || list == NULL) return rc;
    s->has_comparisons = true;
    s->comparisons = 0;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "comparisons");
    for (size_t i = 0; i < json_array_size(list); i++) {
        char at[SKPI__PATH_SIZE];
        skpi__path_index(at, where, i);
        const json_t *v = json_array_get(list, i);
        if (!json_is_string(v))
            return skpi__json_fail(SKPI_EINVAL, at, "expected a string, found %s", skpi__json_kind(v));
        int flag = -1;
        for (const skpi__name *n = skpi__comparison_names; n->word; n++)
            if (strcmp(n->word, json_string_value(v)) == 0) flag = n->value;
        if (flag < 0)
            return skpi__json_fail(SKPI_EINVAL, at, "unknown value '%.40s' (expected previous, year_earlier)",
                                   json_string_value(v));
        s->comparisons |= (unsigned)flag;
    }
    return SKPI_OK;
}

static int tuning(skpi__report_spec *s, const skpi_definitions *defs, const json_t *r,
                  const char *path)
{
    const json_t *spot, *top;
    char where[SKPI__PATH_SIZE];
    int rc = skpi__json_object(&spot, r, path, "spot_checks", false);
    if (rc == SKPI_OK && spot) {
        skpi__path_key(where, path, "spot_checks");
        double window = 12;
        bool has;
        s->has_spot_checks = true;
        s->sensitivity = 3.5;
        s->min_change = 20;
        rc = skpi__json_only(spot, where, spot_members);
        if (rc == SKPI_OK) rc = skpi__json_number(&s->sensitivity, NULL, spot, where, "sensitivity", false);
        if (rc == SKPI_OK) rc = whole(&window, &has, spot, where, "window", 100000);
        if (rc == SKPI_OK) rc = skpi__json_number(&s->min_change, NULL, spot, where, "min_change", false);
        s->window = (unsigned)window;
    }
    if (rc == SKPI_OK) rc = skpi__json_object(&top, r, path, "top_posts", false);
    if (rc == SKPI_OK && top) {
        skpi__path_key(where, path, "top_posts");
        double count = 3;
        bool has;
        const char *metric = NULL;
        s->has_top_posts = true;
        rc = skpi__json_only(top, where, top_members);
        if (rc == SKPI_OK) rc = whole(&count, &has, top, where, "count", 100000);
        if (rc == SKPI_OK) rc = skpi__json_string(&metric, top, where, "metric", false);
        s->top_count = (size_t)count;
        if (rc == SKPI_OK && metric) {
            char at[SKPI__PATH_SIZE];
            skpi__path_key(at, where, "metric");
            if (skpi__defs_metric(defs->catalog, metric) == NULL)
                return skpi__json_fail(SKPI_ENOTFOUND, at,
                                       "unknown metric '%.80s' (not in the catalog: define it under metrics)",
                                       metric);
            rc = dup(&s->top_metric, metric);
        }
    }
    double max = 0;
    bool has_max = false;
    if (rc == SKPI_OK) rc = whole(&max, &has_max, r, path, "max_kpis", 1e9);
    s->has_max_kpis = has_max;
    s->max_kpis = (size_t)max;
    return rc;
}

static int templates(skpi__report_spec *s, const json_t *r, const char *path)
{
    const json_t *t;
    int rc = skpi__json_object(&t, r, path, "templates", false);
    if (rc != SKPI_OK || t == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "templates");
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)t, key, value) {
        char at[SKPI__PATH_SIZE];
        skpi__path_key(at, where, key);
        int k = -1;
        for (const skpi__name *n = skpi__template_names; n->word && k < 0; n++)
            if (strcmp(n->word, key) == 0) k = n->value;
        if (k < 0 || k >= SKPI__TEMPLATES_MAX)
            return skpi__json_fail(SKPI_EINVAL, at, "unknown template (docs/definitions.md lists them)");
        if (json_is_null(value)) continue;
        if (!json_is_string(value))
            return skpi__json_fail(SKPI_EINVAL, at, "expected a string, found %s", skpi__json_kind(value));
        rc = dup(&s->templates[k], json_string_value(value));
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

/* "channel_names": { "listening:*": "Social listening", ... } */
static int channel_names(skpi__report_spec *s, const json_t *r, const char *path)
{
    const json_t *t;
    int rc = skpi__json_object(&t, r, path, "channel_names", false);
    if (rc != SKPI_OK || t == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "channel_names");
    size_t n = json_object_size(t);
    s->name_keys = skpi__calloc(n + 1, sizeof *s->name_keys); /* one spare: see free */
    s->name_values = skpi__calloc(n + 1, sizeof *s->name_values);
    if (s->name_keys == NULL || s->name_values == NULL) return skpi__nomem();
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)t, key, value) {
        char at[SKPI__PATH_SIZE];
        skpi__path_key(at, where, key);
        if (!json_is_string(value))
            return skpi__json_fail(SKPI_EINVAL, at, "expected a string, found %s", skpi__json_kind(value));
        rc = dup(&s->name_keys[s->name_count], key);
        if (rc == SKPI_OK) rc = dup(&s->name_values[s->name_count], json_string_value(value));
        if (rc != SKPI_OK) return rc;
        s->name_count++;
    }
    return SKPI_OK;
}

/* The industry whose rows of the definitions' benchmark table the report
 * shows, matched as skpi_benchmarks_find() matches it. */
static int industry(skpi__report_spec *s, const json_t *r, const char *path)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, r, path, "industry", false);
    if (rc != SKPI_OK || text == NULL) return rc;
    size_t n = strlen(text);
    if (n == 0 || n > 128) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, "industry");
        return skpi__json_fail(SKPI_EINVAL, where, "expected 1 to 128 bytes, found %zu", n);
    }
    return dup(&s->industry, text);
}

static int read_spec(skpi__report_spec *s, const skpi_definitions *defs, const json_t *r,
                     const char *path, bool known_ids)
{
    const char *id = NULL, *title = NULL, *currency = NULL;
    char where[SKPI__PATH_SIZE];
    s->audience = s->cadence = -1;
    int rc = skpi__json_only(r, path, report_members);
    if (rc == SKPI_OK) rc = skpi__json_string(&id, r, path, "id", true);
    if (rc == SKPI_OK) rc = skpi__json_string(&title, r, path, "title", true);
    if (rc != SKPI_OK) return rc;
    skpi__path_key(where, path, "id");
    rc = skpi__defs_id_check(id, where);
    if (rc != SKPI_OK) return rc;
    long other = skpi__defs_report_index(defs, id);
    if (other >= 0)
        return skpi__json_fail(SKPI_EEXISTS, where, "'%s' is the id of reports[%ld] already", id, other);
    rc = dup(&s->id, id);
    if (rc == SKPI_OK) rc = dup(&s->title, title);
    if (rc == SKPI_OK) {
        const char *word = NULL;
        rc = skpi__json_string(&word, r, path, "audience", false);
        if (rc == SKPI_OK && word) {
            for (int a = 0; skpi_audience_name(a) && s->audience < 0; a++)
                if (strcmp(skpi_audience_name(a), word) == 0) s->audience = a;
            skpi__path_key(where, path, "audience");
            if (s->audience < 0)
                rc = skpi__json_fail(SKPI_EINVAL, where, "unknown audience '%.40s' (expected self, team, "
                                     "management, leadership, sales, custom)", word);
        }
    }
    if (rc == SKPI_OK) rc = skpi__json_word(&s->cadence, NULL, r, path, "cadence", skpi__cadence_names, false);
    if (rc == SKPI_OK) rc = comparisons(s, r, path);
    if (rc == SKPI_OK) rc = calendar(s, r, path);
    if (rc == SKPI_OK) rc = skpi__json_string(&currency, r, path, "currency", false);
    if (rc == SKPI_OK && currency) rc = dup(&s->currency, currency);
    if (rc == SKPI_OK) rc = locale(s, r, path);
    if (rc == SKPI_OK) {
        const json_t *list;
        rc = skpi__json_array(&list, r, path, "channels", false);
        skpi__path_key(where, path, "channels");
        if (rc == SKPI_OK && list) rc = string_list(&s->channels, &s->channel_count, list, where);
    }
    if (rc == SKPI_OK) rc = kpis(s, defs, r, path);
    if (rc == SKPI_OK)
        rc = id_list(&s->goals, &s->goal_count, &s->all_goals, defs, r, path, "goals", known_ids);
    if (rc == SKPI_OK)
        rc = id_list(&s->objectives, &s->objective_count, &s->all_objectives, defs, r, path,
                     "objectives", known_ids);
    if (rc == SKPI_OK) rc = sections(s, r, path);
    if (rc == SKPI_OK) rc = tuning(s, defs, r, path);
    if (rc == SKPI_OK) rc = templates(s, r, path);
    if (rc == SKPI_OK) rc = channel_names(s, r, path);
    if (rc == SKPI_OK) rc = skpi__range_read(s, r, path);
    if (rc == SKPI_OK) rc = industry(s, r, path);
    return rc;
}

/* What the report setters refuse, found by applying the definition to a
 * report that is thrown away. */
static int check_spec(const skpi__report_spec *s, const skpi_definitions *defs, const char *path)
{
    skpi_report *r = NULL;
    char failed[64] = "title";
    int rc = skpi_report_new(&r, s->title);
    if (rc == SKPI_OK) rc = skpi__report_apply(r, s, defs, false, failed);
    skpi_report_free(r);
    if (rc == SKPI_OK || rc == SKPI_ENOMEM) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, failed);
    return skpi__json_wrap(rc, where);
}

int skpi__load_report(skpi_definitions *defs, const json_t *r, const char *path, bool known_ids)
{
    skpi__report_spec spec;
    memset(&spec, 0, sizeof spec);
    int rc = read_spec(&spec, defs, r, path, known_ids);
    if (rc == SKPI_OK) rc = check_spec(&spec, defs, path);
    if (rc == SKPI_OK) return skpi__defs_push_report(defs, &spec);
    skpi__report_spec_free(&spec);
    return rc;
}

int skpi__load_reports(skpi_definitions *defs, const json_t *array)
{
    for (size_t i = 0; i < json_array_size(array); i++) {
        char path[SKPI__PATH_SIZE];
        skpi__path_index(path, "reports", i);
        const json_t *r;
        int rc = skpi__json_element(&r, array, i, "reports");
        if (rc == SKPI_OK) rc = skpi__load_report(defs, r, path, true);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}
