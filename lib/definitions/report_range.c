/* The range members of a report definition: "from" and "to" (whole days
 * of the report's calendar, both included; "to" left out: up to the as-of
 * time), "range_name", and "compare_range" {from, to, name}
 * (docs/definitions.md, "Custom date ranges"). */
#include "definitions/defs_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const compare_members[] = { "from", "to", "name", NULL };

/* A date as a definitions file writes one: YYYY-MM-DD, nothing else. */
static int date(char **out, const json_t *obj, const char *path, const char *key, bool required)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, obj, path, key, required);
    if (rc != SKPI_OK || text == NULL) return rc;
    skpi_time t;
    if (strlen(text) != 10 || skpi_time_parse(&t, text) != SKPI_OK) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, key);
        return skpi__json_fail(SKPI_EINVAL, where, "'%.40s' is not a date like 2026-03-01", text);
    }
    *out = skpi__strdup(text);
    return *out ? SKPI_OK : skpi__nomem();
}

/* The dates compare as text: YYYY-MM-DD sorts as time does. */
static int in_order(const char *from, const char *to, const char *path)
{
    if (to == NULL || strcmp(from, to) <= 0) return SKPI_OK;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "to");
    return skpi__json_fail(SKPI_EINVAL, where, "the range ends (%s) before it starts (%s)", to, from);
}

static int name(char **out, const json_t *obj, const char *path, const char *key)
{
    const char *text = NULL;
    int rc = skpi__json_string(&text, obj, path, key, false);
    if (rc != SKPI_OK || text == NULL) return rc;
    *out = skpi__strdup(text);
    return *out ? SKPI_OK : skpi__nomem();
}

int skpi__range_read(skpi__report_spec *s, const json_t *r, const char *path)
{
    int rc = date(&s->from, r, path, "from", false);
    if (rc == SKPI_OK) rc = date(&s->to, r, path, "to", false);
    if (rc == SKPI_OK) rc = name(&s->range_name, r, path, "range_name");
    if (rc == SKPI_OK && s->from == NULL && (s->to || s->range_name)) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, s->to ? "to" : "range_name");
        return skpi__json_fail(SKPI_EINVAL, where, "a range needs \"from\", its first day");
    }
    if (rc == SKPI_OK && s->from) rc = in_order(s->from, s->to, path);
    const json_t *c = NULL;
    if (rc == SKPI_OK) rc = skpi__json_object(&c, r, path, "compare_range", false);
    if (rc != SKPI_OK || c == NULL) return rc;
    char where[SKPI__PATH_SIZE];
    skpi__path_key(where, path, "compare_range");
    rc = skpi__json_only(c, where, compare_members);
    if (rc == SKPI_OK) rc = date(&s->cmp_from, c, where, "from", true);
    if (rc == SKPI_OK) rc = date(&s->cmp_to, c, where, "to", true);
    if (rc == SKPI_OK) rc = name(&s->cmp_name, c, where, "name");
    if (rc == SKPI_OK) rc = in_order(s->cmp_from, s->cmp_to, where);
    return rc;
}

/* [first day, day after last) in the calendar; no last: SKPI_TIME_END. */
static int resolve(skpi_period *out, const skpi_calendar *cal, const char *from, const char *to)
{
    int rc = skpi_calendar_parse(&out->start, cal, from);
    out->end = SKPI_TIME_END;
    if (rc != SKPI_OK || to == NULL) return rc;
    skpi_time last;
    skpi_period next;
    rc = skpi_calendar_parse(&last, cal, to);
    if (rc == SKPI_OK) rc = skpi_calendar_next(&next, cal, SKPI_CADENCE_DAY, last);
    if (rc == SKPI_OK) out->end = next.start;
    return rc;
}

int skpi__range_apply(skpi_report *r, const skpi__report_spec *s, char failed[64])
{
    const skpi_calendar *cal = skpi_report_calendar(r);
    skpi_period p;
    int rc = SKPI_OK;
    if (s->from) {
        snprintf(failed, 64, "from");
        rc = resolve(&p, cal, s->from, s->to);
        if (rc == SKPI_OK) rc = skpi_report_set_range(r, &p, s->range_name);
    }
    if (rc == SKPI_OK && s->cmp_from) {
        snprintf(failed, 64, "compare_range");
        rc = resolve(&p, cal, s->cmp_from, s->cmp_to);
        if (rc == SKPI_OK) rc = skpi_report_set_comparison_range(r, &p, s->cmp_name);
    }
    return rc;
}

void skpi__range_save(skpi__writer *w, json_t *o, const skpi__report_spec *s)
{
    if (s->from) skpi__w_set(w, o, "from", skpi__w_string(w, s->from));
    if (s->to) skpi__w_set(w, o, "to", skpi__w_string(w, s->to));
    if (s->range_name) skpi__w_set(w, o, "range_name", skpi__w_string(w, s->range_name));
    if (s->cmp_from == NULL) return;
    json_t *c = skpi__w_object(w);
    skpi__w_set(w, c, "from", skpi__w_string(w, s->cmp_from));
    skpi__w_set(w, c, "to", skpi__w_string(w, s->cmp_to));
    if (s->cmp_name) skpi__w_set(w, c, "name", skpi__w_string(w, s->cmp_name));
    skpi__w_set(w, o, "compare_range", c);
}

void skpi__range_free(skpi__report_spec *s)
{
    skpi__free(s->from);
    skpi__free(s->to);
    skpi__free(s->range_name);
    skpi__free(s->cmp_from);
    skpi__free(s->cmp_to);
    skpi__free(s->cmp_name);
}
