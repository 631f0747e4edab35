/* Loading the `metrics` member: new flows, stocks and derived metrics, and
 * changed labels, descriptions and formulas of metrics the base has. */
#include "definitions/defs_internal.h"

#include <string.h>

static const char *const metric_members[] = {
    "key", "label", "description", "kind", "unit", "direction", "formula", NULL
};

/* The position of a key in the catalog, or -1. */
static long metric_index(const skpi_catalog *cat, const char *key)
{
    size_t n = skpi_catalog_count(cat);
    for (size_t i = 0; i < n; i++)
        if (strcmp(skpi_metric_key(skpi_catalog_metric_at(cat, i)), key) == 0) return (long)i;
    return -1;
}

typedef struct entry {
    const char *key, *label, *description, *formula;
    int kind, unit, direction;
    bool has_kind, has_unit, has_direction;
} entry;

/* A metric of the base: what it is stays; its words and formula may change. */
static int change_metric(skpi_catalog *cat, const skpi_metric *m, const entry *e, const char *path)
{
    char where[SKPI__PATH_SIZE];
    const struct {
        const char *member;
        bool given;
        int value, actual;
        const skpi__name *names;
    } fixed[3] = {
        { "kind", e->has_kind, e->kind, skpi_metric_kind_of(m), skpi__kind_names },
        { "unit", e->has_unit, e->unit, skpi_metric_unit(m), skpi__unit_names },
        { "direction", e->has_direction, e->direction, skpi_metric_direction(m), skpi__direction_names },
    };
    for (size_t i = 0; i < 3; i++) {
        if (!fixed[i].given || fixed[i].value == fixed[i].actual) continue;
        skpi__path_key(where, path, fixed[i].member);
        return skpi__json_fail(SKPI_EEXISTS, where,
                               "'%s' is already in the catalog with %s '%s'; only its label, "
                               "description and formula can be changed",
                               e->key, fixed[i].member, skpi__name_of(fixed[i].names, fixed[i].actual));
    }
    int rc = SKPI_OK;
    if (e->formula && strcmp(e->formula, skpi_metric_formula(m) ? skpi_metric_formula(m) : "") != 0) {
        rc = skpi_catalog_set_formula(cat, e->key, e->formula);
        if (rc != SKPI_OK) {
            skpi__path_key(where, path, "formula");
            return skpi__json_wrap(rc, where);
        }
    }
    if (e->label && strcmp(e->label, skpi_metric_label(m)) != 0) {
        rc = skpi_catalog_set_label(cat, e->key, e->label);
        if (rc != SKPI_OK) {
            skpi__path_key(where, path, "label");
            return skpi__json_wrap(rc, where);
        }
    }
    if (e->description && strcmp(e->description, skpi_metric_description(m)) != 0) {
        rc = skpi_catalog_set_description(cat, e->key, e->description);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, path);
    }
    return SKPI_OK;
}

static int add_metric(skpi_catalog *cat, const entry *e, const char *path)
{
    char where[SKPI__PATH_SIZE];
    if (!e->has_kind) {
        skpi__path_key(where, path, "kind");
        return skpi__json_fail(SKPI_EINVAL, where, "required for '%s', which the catalog does not have",
                               e->key);
    }
    if (e->label == NULL) {
        skpi__path_key(where, path, "label");
        return skpi__json_fail(SKPI_EINVAL, where, "required for '%s', which the catalog does not have",
                               e->key);
    }
    int unit = e->has_unit ? e->unit : SKPI_UNIT_COUNT;
    int direction = e->has_direction ? e->direction : SKPI_HIGHER_IS_BETTER;
    int rc;
    if (e->kind == SKPI_KIND_DERIVED) {
        skpi__path_key(where, path, "formula");
        if (e->formula == NULL) return skpi__json_fail(SKPI_EINVAL, where, "required for a derived metric");
        rc = skpi_catalog_check_formula(cat, e->formula);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, where);
        rc = skpi_catalog_add_derived(cat, e->key, e->label, unit, direction, e->formula);
    } else {
        if (e->formula) {
            skpi__path_key(where, path, "formula");
            return skpi__json_fail(SKPI_EINVAL, where, "only derived metrics have a formula");
        }
        rc = skpi_catalog_add_metric(cat, e->key, e->label, unit, direction, e->kind);
    }
    if (rc != SKPI_OK) return skpi__json_wrap(rc, path);
    if (e->description && e->description[0] != '\0') {
        rc = skpi_catalog_set_description(cat, e->key, e->description);
        if (rc != SKPI_OK) return skpi__json_wrap(rc, path);
    }
    return SKPI_OK;
}

static int load_metric(skpi_definitions *defs, const json_t *m, const char *path,
                       size_t base_count)
{
    entry e = { 0 };
    int rc = skpi__json_only(m, path, metric_members);
    if (rc == SKPI_OK) rc = skpi__json_string(&e.key, m, path, "key", true);
    if (rc == SKPI_OK) rc = skpi__json_string(&e.label, m, path, "label", false);
    if (rc == SKPI_OK) rc = skpi__json_string(&e.description, m, path, "description", false);
    if (rc == SKPI_OK)
        rc = skpi__json_word(&e.kind, &e.has_kind, m, path, "kind", skpi__kind_names, false);
    if (rc == SKPI_OK)
        rc = skpi__json_word(&e.unit, &e.has_unit, m, path, "unit", skpi__unit_names, false);
    if (rc == SKPI_OK)
        rc = skpi__json_word(&e.direction, &e.has_direction, m, path, "direction",
                             skpi__direction_names, false);
    if (rc == SKPI_OK) rc = skpi__json_string(&e.formula, m, path, "formula", false);
    if (rc != SKPI_OK) return rc;
    long i = metric_index(defs->catalog, e.key);
    if (i < 0) return add_metric(defs->catalog, &e, path);
    if ((size_t)i >= base_count) {
        char where[SKPI__PATH_SIZE];
        skpi__path_key(where, path, "key");
        return skpi__json_fail(SKPI_EEXISTS, where, "'%s' is listed twice", e.key);
    }
    return change_metric(defs->catalog, skpi_catalog_metric_at(defs->catalog, (size_t)i), &e, path);
}

int skpi__load_metrics(skpi_definitions *defs, const json_t *array)
{
    size_t base_count = skpi_catalog_count(defs->catalog);
    for (size_t i = 0; i < json_array_size(array); i++) {
        char path[SKPI__PATH_SIZE];
        skpi__path_index(path, "metrics", i);
        const json_t *m;
        int rc = skpi__json_element(&m, array, i, "metrics");
        if (rc == SKPI_OK) rc = load_metric(defs, m, path, base_count);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}
