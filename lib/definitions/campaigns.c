/* The `campaigns` member of a definitions document (docs/definitions.md,
 * "Campaigns"): kept as the JSON the document gives, checked when it
 * loads, and turned into skpi_campaign handles in a calendar on demand. */
#include "definitions/defs_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const campaign_members[] = { "name", "from", "to", "channels", "tags", "utm_campaigns",
                                                "post_ids", "baseline", NULL };
static const char *const baseline_members[] = { "from", "to", NULL };

/* A date or time of the campaign: read in `cal` (UTC without one); `to`
 * names the last day, so its period ends at the start of the next. */
static int read_time(skpi_time *out, const skpi_calendar *cal, const json_t *obj, const char *path,
                     const char *key, bool last_day)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, obj, path, key, true);
    if (rc != SKPI_OK) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, key);
    rc = cal ? skpi_calendar_parse(out, cal, text) : skpi_time_parse(out, text);
    if (rc != SKPI_OK)
        return skpi__json_fail(SKPI_EINVAL, where, "'%.40s' is not a date like 2026-03-01", text);
    if (!last_day || strlen(text) != 10) return SKPI_OK;
    if (cal == NULL) { *out += 86400; return SKPI_OK; } /* UTC days have no clock change */
    skpi_period next;
    rc = skpi_calendar_next(&next, cal, SKPI_CADENCE_DAY, *out);
    if (rc == SKPI_OK) *out = next.start;
    return rc;
}

static int read_period(skpi_period *out, const skpi_calendar *cal, const json_t *obj, const char *path)
{
    int rc = read_time(&out->start, cal, obj, path, "from", false);
    if (rc == SKPI_OK) rc = read_time(&out->end, cal, obj, path, "to", true);
    if (rc == SKPI_OK && out->end <= out->start) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, "to");
        return skpi__json_fail(SKPI_EINVAL, where, "the campaign ends (%s) before it starts (%s)",
                               json_string_value(json_object_get(obj, "to")),
                               json_string_value(json_object_get(obj, "from")));
    }
    return rc;
}

/* Each string of an array member, given to add(). */
static int each_string(skpi_campaign *c, const json_t *obj, const char *path, const char *key, int kind)
{
    const json_t *list;
    int rc = skpi__json_array(&list, obj, path, key, false);
    if (rc != SKPI_OK || list == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, key);
    for (size_t i = 0; i < json_array_size(list); i++) {
        char at[SKPI__PATH_SIZE];
        skpi__path_index(at, where, i);
        const json_t *v = json_array_get(list, i);
        if (!json_is_string(v))
            return skpi__json_fail(SKPI_EINVAL, at, "expected a string, found %s", skpi__json_kind(v));
        rc = kind < 0 ? skpi_campaign_add_channel(c, json_string_value(v))
                      : skpi_campaign_add_selector(c, kind, json_string_value(v));
        if (rc != SKPI_OK) return skpi__json_wrap(rc, at);
    }
    return SKPI_OK;
}

/* A campaign from its JSON object at `path`, its days in `cal`. */
static int build(skpi_campaign **out, const json_t *obj, const char *path, const skpi_calendar *cal)
{
    const char *name = NULL;
    skpi_period p;
    int rc = skpi__json_only(obj, path, campaign_members);
    if (rc == SKPI_OK) rc = skpi__json_string(&name, obj, path, "name", true);
    if (rc == SKPI_OK) rc = read_period(&p, cal, obj, path);
    skpi_campaign *c = NULL;
    if (rc == SKPI_OK) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, "name");
        rc = skpi_campaign_new(&c, name, &p);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
    }
    if (rc == SKPI_OK) rc = each_string(c, obj, path, "channels", -1);
    if (rc == SKPI_OK) rc = each_string(c, obj, path, "tags", SKPI_SELECT_TAG);
    if (rc == SKPI_OK) rc = each_string(c, obj, path, "utm_campaigns", SKPI_SELECT_UTM_CAMPAIGN);
    if (rc == SKPI_OK) rc = each_string(c, obj, path, "post_ids", SKPI_SELECT_POST_ID);
    const json_t *base = NULL;
    if (rc == SKPI_OK) rc = skpi__json_object(&base, obj, path, "baseline", false);
    if (rc == SKPI_OK && base) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, "baseline");
        rc = skpi__json_only(base, where, baseline_members);
        if (rc == SKPI_OK) rc = read_period(&p, cal, base, where);
        if (rc == SKPI_OK) rc = skpi_campaign_set_baseline(c, &p);
    }
    if (rc != SKPI_OK) { skpi_campaign_free(c); return rc; }
    *out = c;
    return SKPI_OK;
}

long skpi__defs_campaign_index(const skpi_definitions *defs, const char *name)
{
    for (size_t i = 0; i < defs->campaign_count; i++)
        if (strcmp(json_string_value(json_object_get(defs->campaigns[i], "name")), name) == 0) return (long)i;
    return -1;
}

/* Check one campaign object (built in UTC and thrown away) and keep it. */
static int load_one(skpi_definitions *defs, json_t *obj, const char *path)
{
    if (!json_is_object(obj)) return skpi__json_fail(SKPI_EINVAL, path, "expected an object, found %s", skpi__json_kind(obj));
    skpi_campaign *c = NULL;
    int rc = build(&c, obj, path, NULL);
    if (rc != SKPI_OK) return rc;
    long other = skpi__defs_campaign_index(defs, skpi_campaign_name(c));
    skpi_campaign_free(c);
    if (other >= 0) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, "name");
        return skpi__json_fail(SKPI_EEXISTS, where, "\"%s\" is the name of campaigns[%ld] already",
                               json_string_value(json_object_get(obj, "name")), other);
    }
    json_t **list = skpi__reallocarray(defs->campaigns, defs->campaign_count + 1, sizeof *list);
    if (list == NULL) return skpi__nomem();
    defs->campaigns = list;
    list[defs->campaign_count++] = json_incref(obj);
    return SKPI_OK;
}

int skpi__load_campaigns(skpi_definitions *defs, const json_t *array)
{
    for (size_t i = 0; i < json_array_size(array); i++) {
        char path[SKPI__PATH_SIZE];
        skpi__path_index(path, "campaigns", i);
        int rc = load_one(defs, json_array_get(array, i), path);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

json_t *skpi__save_campaigns(skpi__writer *w, const skpi_definitions *defs)
{
    json_t *list = skpi__w_array(w);
    for (size_t i = 0; i < defs->campaign_count; i++) skpi__w_append(w, list, json_incref(defs->campaigns[i]));
    return list;
}

void skpi__free_campaigns(skpi_definitions *defs)
{
    for (size_t i = 0; i < defs->campaign_count; i++) json_decref(defs->campaigns[i]);
    skpi__free(defs->campaigns);
}

size_t skpi_definitions_campaign_count(const skpi_definitions *defs) { return defs ? defs->campaign_count : 0; }

const char *skpi_definitions_campaign_name(const skpi_definitions *defs, size_t index)
{
    if (defs == NULL || index >= defs->campaign_count) return NULL;
    return json_string_value(json_object_get(defs->campaigns[index], "name"));
}

int skpi_definitions_find_campaign(size_t *out, const skpi_definitions *defs, const char *name)
{
    if (out == NULL || defs == NULL || name == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_find_campaign: %s is NULL",
                           out == NULL ? "out" : defs == NULL ? "defs" : "name");
    long i = skpi__defs_campaign_index(defs, name);
    if (i < 0) {
        if (defs->campaign_count == 0)
            return skpi__error(SKPI_ENOTFOUND, "no campaign is named \"%.80s\" (the definitions have no campaigns)", name);
        return skpi__error(SKPI_ENOTFOUND, "no campaign is named \"%.80s\" (the definitions have \"%.80s\"%s)", name,
                           skpi_definitions_campaign_name(defs, 0), defs->campaign_count > 1 ? " and more" : "");
    }
    *out = (size_t)i;
    return SKPI_OK;
}

int skpi_definitions_build_campaign(skpi_campaign **out, const skpi_definitions *defs, size_t index,
                                    const skpi_calendar *cal)
{
    if (out == NULL || defs == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_build_campaign: %s is NULL", out ? "defs" : "out");
    if (index >= defs->campaign_count)
        return skpi__error(SKPI_ERANGE, "skpi_definitions_build_campaign: index %zu is out of range (%zu campaigns)",
                           index, defs->campaign_count);
    char path[SKPI__PATH_SIZE];
    skpi__path_index(path, "campaigns", index);
    return build(out, defs->campaigns[index], path, cal);
}

int skpi_definitions_remove_campaign(skpi_definitions *defs, size_t index)
{
    if (defs == NULL) return skpi__error(SKPI_EMISUSE, "skpi_definitions_remove_campaign: defs is NULL");
    if (index >= defs->campaign_count)
        return skpi__error(SKPI_ERANGE, "skpi_definitions_remove_campaign: index %zu is out of range (%zu campaigns)",
                           index, defs->campaign_count);
    json_decref(defs->campaigns[index]);
    memmove(defs->campaigns + index, defs->campaigns + index + 1,
            (defs->campaign_count - index - 1) * sizeof *defs->campaigns);
    defs->campaign_count--;
    return SKPI_OK;
}

int skpi_definitions_add_campaign_buffer(skpi_definitions *defs, const char *text, size_t size)
{
    if (defs == NULL || text == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_add_campaign_buffer: %s is NULL", defs ? "text" : "defs");
    json_error_t err;
    memset(&err, 0, sizeof err);
    json_t *root = json_loadb(text, size, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL) return skpi__json_syntax_error(&err, text, size, "");
    int rc = json_is_object(root) ? load_one(defs, root, "")
                                  : skpi__error(SKPI_EPARSE, "expected an object, found %s", skpi__json_kind(root));
    json_decref(root);
    return rc;
}

int skpi_definitions_campaign_save_buffer(char **out, size_t *size, const skpi_definitions *defs, size_t index)
{
    if (out == NULL || defs == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_definitions_campaign_save_buffer: %s is NULL", out ? "defs" : "out");
    if (index >= defs->campaign_count)
        return skpi__error(SKPI_ERANGE, "skpi_definitions_campaign_save_buffer: index %zu is out of range "
                           "(%zu campaigns)", index, defs->campaign_count);
    skpi__writer w = { false, 0 };
    return skpi__w_dump(out, size, &w, defs->campaigns[index]);
}
