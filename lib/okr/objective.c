/* Objectives: creation, text fields, period, type, and the key results they own. */
#include "okr/okr_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static char *dup_or_empty(const char *s)
{
    return skpi__strdup(s != NULL ? s : "");
}

int skpi_objective_new(skpi_objective **out, const char *title)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_new: out is NULL");
    if (title == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_new: title is NULL");
    if (title[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_objective_new: the title is empty; give the objective a name");
    skpi_objective *obj = skpi__calloc(1, sizeof *obj);
    if (obj == NULL) return skpi__nomem();
    obj->title = skpi__strdup(title);
    obj->description = dup_or_empty(NULL);
    obj->owner = dup_or_empty(NULL);
    if (obj->title == NULL || obj->description == NULL || obj->owner == NULL) {
        skpi__free(obj->title);
        skpi__free(obj->description);
        skpi__free(obj->owner);
        skpi__free(obj);
        return skpi__nomem();
    }
    obj->type = SKPI_OBJECTIVE_ASPIRATIONAL;
    obj->curve = SKPI_OKR_CURVE_LINEAR;
    obj->align_weight = NAN;
    *out = obj;
    return SKPI_OK;
}

void skpi_objective_free(skpi_objective *obj)
{
    if (obj == NULL) return;
    skpi__objective_unlink(obj);
    for (size_t i = 0; i < obj->nkr; i++) skpi__key_result_free(obj->krs[i]);
    skpi__free(obj->children);
    skpi__free(obj->title);
    skpi__free(obj->description);
    skpi__free(obj->owner);
    skpi__free(obj);
}

/* Replace *slot with a copy of text, leaving it as it was when out of memory. */
static int replace_text(char **slot, const char *text)
{
    char *copy = dup_or_empty(text);
    if (copy == NULL) return skpi__nomem();
    skpi__free(*slot);
    *slot = copy;
    return SKPI_OK;
}

int skpi_objective_set_title(skpi_objective *obj, const char *title)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_title: obj is NULL");
    if (title == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_title: title is NULL");
    if (title[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_objective_set_title: the title is empty; give the objective a name");
    return replace_text(&obj->title, title);
}

const char *skpi_objective_title(const skpi_objective *obj)
{
    return obj != NULL ? obj->title : NULL;
}

int skpi_objective_set_description(skpi_objective *obj, const char *description)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_description: obj is NULL");
    return replace_text(&obj->description, description);
}

const char *skpi_objective_description(const skpi_objective *obj)
{
    return obj != NULL ? obj->description : NULL;
}

int skpi_objective_set_owner(skpi_objective *obj, const char *owner)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_owner: obj is NULL");
    return replace_text(&obj->owner, owner);
}

const char *skpi_objective_owner(const skpi_objective *obj)
{
    return obj != NULL ? obj->owner : NULL;
}

int skpi_objective_set_period(skpi_objective *obj, skpi_period period)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_period: obj is NULL");
    if (period.end <= period.start) {
        /* Named as users write times; the range check below catches the rest. */
        char end[32], start[32];
        if (skpi_time_format(end, sizeof end, period.end, 0) != SKPI_OK)
            snprintf(end, sizeof end, "%lld s", (long long)period.end);
        if (skpi_time_format(start, sizeof start, period.start, 0) != SKPI_OK)
            snprintf(start, sizeof start, "%lld s", (long long)period.start);
        return skpi__error(SKPI_EINVAL,
                           "skpi_objective_set_period: the period ends (%s) at or before it starts (%s); "
                           "the end must come after the start", end, start);
    }
    if (period.start < SKPI_TIME_MIN || period.end > SKPI_TIME_END)
        return skpi__error(SKPI_ERANGE,
                           "skpi_objective_set_period: the period must lie within "
                           "0001-01-01T00:00:00Z to 10000-01-01T00:00:00Z");
    obj->period = period;
    obj->has_period = true;
    return SKPI_OK;
}

int skpi_objective_period(skpi_period *out, const skpi_objective *obj)
{
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_period: out is NULL");
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_period: obj is NULL");
    if (!obj->has_period)
        return skpi__error(SKPI_ENOTFOUND, "objective \"%s\" has no period yet; set one with "
                           "skpi_objective_set_period()", obj->title);
    *out = obj->period;
    return SKPI_OK;
}

int skpi_objective_set_type(skpi_objective *obj, int type)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_set_type: obj is NULL");
    if (type != SKPI_OBJECTIVE_COMMITTED && type != SKPI_OBJECTIVE_ASPIRATIONAL)
        return skpi__error(SKPI_EINVAL,
                           "skpi_objective_set_type: type %d is unknown (0 committed, 1 aspirational)", type);
    obj->type = type;
    return SKPI_OK;
}

int skpi_objective_type(const skpi_objective *obj)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_type: obj is NULL");
    return obj->type;
}

int skpi_objective_add_key_result(skpi_key_result **out, skpi_objective *obj, int kind,
                                  const char *title)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_add_key_result: obj is NULL");
    if (title == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_add_key_result: title is NULL");
    if (kind != SKPI_KR_MANUAL && kind != SKPI_KR_METRIC && kind != SKPI_KR_MILESTONE)
        return skpi__error(SKPI_EINVAL, "skpi_objective_add_key_result: kind %d is unknown "
                           "(0 manual, 1 metric-linked, 2 milestone)", kind);
    if (title[0] == '\0')
        return skpi__error(SKPI_EINVAL, "skpi_objective_add_key_result: the title is empty; "
                           "say what the key result measures");
    if (obj->nkr >= SKPI__OKR_MAX_KR)
        return skpi__error(SKPI_ERANGE, "objective \"%s\" already has %d key results, the most "
                           "allowed; an objective needs about three, focus on the ones that matter",
                           obj->title, SKPI__OKR_MAX_KR);
    skpi_key_result *kr = skpi__calloc(1, sizeof *kr);
    if (kr == NULL) return skpi__nomem();
    kr->title = skpi__strdup(title);
    if (kr->title == NULL) {
        skpi__free(kr);
        return skpi__nomem();
    }
    kr->obj = obj;
    kr->kind = kind;
    kr->weight = 1.0;
    kr->stretch = NAN;
    kr->commit = NAN;
    if (kind == SKPI_KR_MILESTONE) {
        kr->has_range = true;
        kr->start = 0.0;
        kr->target = 1.0;
    }
    obj->krs[obj->nkr++] = kr;
    if (out != NULL) *out = kr;
    return SKPI_OK;
}

int skpi_objective_remove_key_result(skpi_objective *obj, size_t index)
{
    if (obj == NULL) return skpi__error(SKPI_EMISUSE, "skpi_objective_remove_key_result: obj is NULL");
    if (index >= obj->nkr)
        return skpi__error(SKPI_ERANGE, "skpi_objective_remove_key_result: index %zu is out of range "
                           "(objective \"%s\" has %zu key results)", index, obj->title, obj->nkr);
    skpi__key_result_free(obj->krs[index]);
    memmove(&obj->krs[index], &obj->krs[index + 1], (obj->nkr - index - 1) * sizeof obj->krs[0]);
    obj->nkr--;
    obj->krs[obj->nkr] = NULL;
    return SKPI_OK;
}

size_t skpi_objective_key_result_count(const skpi_objective *obj)
{
    return obj != NULL ? obj->nkr : 0;
}

skpi_key_result *skpi_objective_key_result(const skpi_objective *obj, size_t index)
{
    if (obj == NULL || index >= obj->nkr) return NULL;
    return obj->krs[index];
}
