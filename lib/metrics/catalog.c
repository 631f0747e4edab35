/* Host catalogs: copies of a base catalog that a host extends and edits. */
#include "core/metrics_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const reserved[] = { "min", "max", "abs", "first", "days" };

size_t skpi_metric_key_max(void) { return SKPI__KEY_MAX; }

int skpi__metric_key_check(const char *key, const char *what)
{
    size_t n = strlen(key);
    if (n == 0) return skpi__error(SKPI_EINVAL, "%s: the key is empty", what);
    if (n > SKPI__KEY_MAX)
        return skpi__error(SKPI_EINVAL, "%s: key longer than %d bytes", what, SKPI__KEY_MAX);
    if (!(key[0] >= 'a' && key[0] <= 'z'))
        return skpi__error(SKPI_EINVAL, "%s: key '%s' must start with a lowercase letter",
                           what, key);
    for (size_t i = 1; i < n; i++) {
        char c = key[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return skpi__error(SKPI_EINVAL,
                               "%s: key '%s' has '%c' at byte %zu; keys are snake_case "
                               "(lowercase letters, digits, '_')",
                               what, key, c >= 0x20 && c < 0x7F ? c : '?', i + 1);
    }
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(key, reserved[i]) == 0)
            return skpi__error(SKPI_EINVAL, "%s: '%s' is the name of a formula function", what, key);
    return SKPI_OK;
}

long skpi__catalog_lookup_n(const skpi_catalog *cat, const char *key, size_t len)
{
    size_t lo = 0, hi = cat->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = cat->metrics[cat->sorted[mid]]->key;
        int c = strncmp(k, key, len);
        if (c == 0 && k[len] != '\0') c = 1;
        if (c == 0) return (long)cat->sorted[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

long skpi__catalog_lookup(const skpi_catalog *cat, const char *key)
{
    return skpi__catalog_lookup_n(cat, key, strlen(key));
}

int skpi__catalog_resolve(void *ctx, const char *key, size_t len, size_t column,
                          uint32_t *index, int *kind)
{
    const skpi__catalog_resolver *r = ctx;
    long i = len <= SKPI__KEY_MAX ? skpi__catalog_lookup_n(r->cat, key, len) : -1;
    if (i < 0) {
        if (r->self && strlen(r->self) == len && memcmp(r->self, key, len) == 0)
            return skpi__error(SKPI_EINVAL,
                               "column %zu: the formula refers to '%s', the metric being "
                               "defined (a cycle)", column, r->self);
        return skpi__error(SKPI_ENOTFOUND, "column %zu: unknown metric key '%.*s'",
                           column, (int)(len > 80 ? 80 : len), key);
    }
    *index = (uint32_t)i;
    *kind = r->cat->metrics[i]->kind;
    return SKPI_OK;
}

static void metric_free(skpi_metric *m)
{
    if (!m) return;
    skpi__free(m->key);
    skpi__free(m->label);
    skpi__free(m->description);
    skpi__free(m->definition);
    skpi__free(m->formula);
    skpi__free(m->ops);
    skpi__free(m->components);
    skpi__free(m);
}

/* A fully owned metric; any of the formula parts may be empty. */
static skpi_metric *metric_make(const skpi_catalog *owner, uint32_t index, const char *key,
                                const char *label, const char *description,
                                const char *definition, const char *formula, int unit,
                                int direction, int kind, const skpi__op *ops, size_t n_ops,
                                const uint32_t *components, size_t n_components)
{
    skpi_metric *m = skpi__calloc(1, sizeof *m);
    if (!m) return NULL;
    m->owner = owner;
    m->index = index;
    m->unit = unit;
    m->direction = direction;
    m->kind = kind;
    m->key = skpi__strdup(key);
    m->label = skpi__strdup(label);
    m->description = skpi__strdup(description ? description : "");
    m->definition = skpi__strdup(definition);
    if (!m->key || !m->label || !m->description || !m->definition) goto fail;
    if (formula) {
        m->formula = skpi__strdup(formula);
        m->ops = skpi__reallocarray(NULL, n_ops, sizeof *ops);
        if (!m->formula || !m->ops) goto fail;
        memcpy(m->ops, ops, n_ops * sizeof *ops);
        m->n_ops = (uint32_t)n_ops;
        if (n_components) {
            m->components = skpi__reallocarray(NULL, n_components, sizeof *components);
            if (!m->components) goto fail;
            memcpy(m->components, components, n_components * sizeof *components);
        }
        m->n_components = (uint32_t)n_components;
    }
    return m;
fail:
    metric_free(m);
    return NULL;
}

void skpi_catalog_free(skpi_catalog *cat)
{
    if (!cat || cat->builtin) return;
    for (size_t i = 0; i < cat->count; i++) metric_free(cat->metrics[i]);
    skpi__free(cat->metrics);
    skpi__free(cat->sorted);
    skpi__free(cat);
}

int skpi__catalog_clone(skpi_catalog **out, const skpi_catalog *base)
{
    skpi_catalog *cat = skpi__calloc(1, sizeof *cat);
    if (!cat) return skpi__nomem();
    size_t cap = base->count ? base->count : 1;
    cat->metrics = skpi__calloc(cap, sizeof *cat->metrics);
    cat->sorted = skpi__calloc(cap, sizeof *cat->sorted);
    if (!cat->metrics || !cat->sorted) goto fail;
    cat->cap = cap;
    for (size_t i = 0; i < base->count; i++) {
        const skpi_metric *b = base->metrics[i];
        skpi_metric *m = metric_make(cat, (uint32_t)i, b->key, b->label, b->description,
                                     b->definition, b->formula, b->unit, b->direction, b->kind,
                                     b->ops, b->n_ops, b->components, b->n_components);
        if (!m) goto fail;
        cat->metrics[cat->count++] = m;
    }
    memcpy(cat->sorted, base->sorted, base->count * sizeof *cat->sorted);
    *out = cat;
    return SKPI_OK;
fail:
    skpi_catalog_free(cat);
    return skpi__nomem();
}

int skpi_catalog_new(skpi_catalog **out, const skpi_catalog *base)
{
    if (!out) return skpi__error(SKPI_EMISUSE, "skpi_catalog_new: out is NULL");
    return skpi__catalog_clone(out, base ? base : skpi_catalog_builtin());
}

static int check_host(const skpi_catalog *cat, const char *fn)
{
    if (!cat) return skpi__error(SKPI_EMISUSE, "%s: catalog is NULL", fn);
    if (cat->builtin)
        return skpi__error(SKPI_EMISUSE,
                           "%s: the built-in catalog is immutable; make a host catalog with "
                           "skpi_catalog_new()", fn);
    return SKPI_OK;
}

static int check_enums(const char *key, int unit, int direction)
{
    if (unit < SKPI_UNIT_COUNT || unit > SKPI_UNIT_SCORE)
        return skpi__error(SKPI_EINVAL, "metric '%s': unknown unit %d", key, unit);
    if (direction < SKPI_HIGHER_IS_BETTER || direction > SKPI_DIRECTION_NEUTRAL)
        return skpi__error(SKPI_EINVAL, "metric '%s': unknown direction %d", key, direction);
    return SKPI_OK;
}

/* Room for one more metric, taken before anything changes. */
static int reserve(skpi_catalog *cat)
{
    if (cat->count < cat->cap) return SKPI_OK;
    if (cat->cap >= UINT32_MAX / 4) return skpi__error(SKPI_ERANGE, "catalog is full");
    size_t cap = cat->cap * 2;
    skpi_metric **m = skpi__reallocarray(cat->metrics, cap, sizeof *m);
    if (!m) return skpi__nomem();
    cat->metrics = m;
    uint32_t *s = skpi__reallocarray(cat->sorted, cap, sizeof *s);
    if (!s) return skpi__nomem();
    cat->sorted = s;
    cat->cap = cap;
    return SKPI_OK;
}

static void insert(skpi_catalog *cat, skpi_metric *m)
{
    size_t pos = 0;
    while (pos < cat->count && strcmp(cat->metrics[cat->sorted[pos]]->key, m->key) < 0) pos++;
    memmove(cat->sorted + pos + 1, cat->sorted + pos, (cat->count - pos) * sizeof *cat->sorted);
    cat->sorted[pos] = (uint32_t)cat->count;
    cat->metrics[cat->count++] = m;
}

static int check_new_metric(const skpi_catalog *cat, const char *key, const char *label,
                            int unit, int direction, const char *fn)
{
    int rc = skpi__metric_key_check(key, fn);
    if (rc != SKPI_OK) return rc;
    if (label[0] == '\0') return skpi__error(SKPI_EINVAL, "%s: metric '%s': empty label", fn, key);
    if ((rc = check_enums(key, unit, direction)) != SKPI_OK) return rc;
    if (skpi__catalog_lookup(cat, key) >= 0)
        return skpi__error(SKPI_EEXISTS, "%s: metric '%s' is already defined", fn, key);
    return SKPI_OK;
}

int skpi_catalog_add_metric(skpi_catalog *cat, const char *key, const char *label,
                            int unit, int direction, int kind)
{
    int rc = check_host(cat, "skpi_catalog_add_metric");
    if (rc != SKPI_OK) return rc;
    if (!key || !label)
        return skpi__error(SKPI_EMISUSE, "skpi_catalog_add_metric: key or label is NULL");
    if ((rc = check_new_metric(cat, key, label, unit, direction, "skpi_catalog_add_metric")))
        return rc;
    if (kind == SKPI_KIND_DERIVED)
        return skpi__error(SKPI_EINVAL, "metric '%s': derived metrics are added with "
                           "skpi_catalog_add_derived() and a formula", key);
    if (kind != SKPI_KIND_FLOW && kind != SKPI_KIND_STOCK)
        return skpi__error(SKPI_EINVAL, "metric '%s': unknown kind %d", key, kind);
    if ((rc = reserve(cat)) != SKPI_OK) return rc;
    skpi_metric *m = metric_make(cat, (uint32_t)cat->count, key, label, "", "host", NULL,
                                 unit, direction, kind, NULL, 0, NULL, 0);
    if (!m) return skpi__nomem();
    insert(cat, m);
    return SKPI_OK;
}

/* Parse a formula for metric `self` (index or UINT32_MAX when new) and check
 * what it would make the catalog depend on. */
static int compile(skpi__parsed *parsed, const skpi_catalog *cat, const char *self,
                   uint32_t self_index, const char *formula)
{
    skpi__catalog_resolver r = { cat, self_index == UINT32_MAX ? self : NULL };
    int rc = skpi__formula_parse(parsed, formula, skpi__catalog_resolve, &r);
    if (rc != SKPI_OK) return rc;
    skpi__leaf leaves[SKPI__MAX_LEAVES];
    size_t n;
    bool days;
    if (self_index == UINT32_MAX)
        /* A new metric: nothing refers to it yet, so it cannot close a
         * cycle; only the limits of what it depends on are checked. */
        return skpi__ops_leaves(leaves, &n, &days, cat, parsed->ops, parsed->n_ops);
    /* A changed formula: the metric itself (cycles) and every derived metric
     * of the catalog (limits through the new formula). */
    rc = skpi__metric_leaves(leaves, &n, &days, cat, self_index, self_index,
                             parsed->ops, parsed->n_ops);
    if (rc != SKPI_OK) return rc;
    for (size_t i = 0; i < cat->count; i++) {
        if (cat->metrics[i]->kind != SKPI_KIND_DERIVED || i == self_index) continue;
        rc = skpi__metric_leaves(leaves, &n, &days, cat, (uint32_t)i, self_index,
                                 parsed->ops, parsed->n_ops);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

/* Prefix the parser's message with the metric it was about. */
static int formula_error(int rc, const char *key)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s", skpi_last_error());
    if (key) return skpi__error(rc, "metric '%s': formula %s", key, msg);
    return skpi__error(rc, "formula %s", msg);
}

int skpi_catalog_add_derived(skpi_catalog *cat, const char *key, const char *label,
                             int unit, int direction, const char *formula)
{
    int rc = check_host(cat, "skpi_catalog_add_derived");
    if (rc != SKPI_OK) return rc;
    if (!key || !label || !formula)
        return skpi__error(SKPI_EMISUSE, "skpi_catalog_add_derived: key, label or formula is NULL");
    if ((rc = check_new_metric(cat, key, label, unit, direction, "skpi_catalog_add_derived")))
        return rc;
    skpi__parsed parsed;
    if ((rc = compile(&parsed, cat, key, UINT32_MAX, formula)) != SKPI_OK)
        return formula_error(rc, key);
    if ((rc = reserve(cat)) != SKPI_OK) return rc;
    skpi_metric *m = metric_make(cat, (uint32_t)cat->count, key, label, "", "host", formula,
                                 unit, direction, SKPI_KIND_DERIVED, parsed.ops, parsed.n_ops,
                                 parsed.components, parsed.n_components);
    if (!m) return skpi__nomem();
    insert(cat, m);
    return SKPI_OK;
}

static int find_for_edit(skpi_metric **out, skpi_catalog *cat, const char *key, const char *fn)
{
    int rc = check_host(cat, fn);
    if (rc != SKPI_OK) return rc;
    if (!key) return skpi__error(SKPI_EMISUSE, "%s: key is NULL", fn);
    long i = skpi__catalog_lookup(cat, key);
    if (i < 0) return skpi__error(SKPI_ENOTFOUND, "%s: unknown metric key '%s'", fn, key);
    *out = cat->metrics[i];
    return SKPI_OK;
}

int skpi_catalog_set_formula(skpi_catalog *cat, const char *key, const char *formula)
{
    skpi_metric *m = NULL;
    int rc = find_for_edit(&m, cat, key, "skpi_catalog_set_formula");
    if (rc != SKPI_OK) return rc;
    if (!formula) return skpi__error(SKPI_EMISUSE, "skpi_catalog_set_formula: formula is NULL");
    if (m->kind != SKPI_KIND_DERIVED)
        return skpi__error(SKPI_EINVAL, "metric '%s' is a %s; only derived metrics have a formula",
                           key, skpi_metric_kind_name(m->kind));
    skpi__parsed parsed;
    if ((rc = compile(&parsed, cat, key, m->index, formula)) != SKPI_OK)
        return formula_error(rc, key);
    char *text = skpi__strdup(formula);
    char *def = skpi__strdup("host");
    skpi__op *ops = skpi__reallocarray(NULL, parsed.n_ops, sizeof *ops);
    uint32_t *comp = skpi__reallocarray(NULL, parsed.n_components ? parsed.n_components : 1,
                                        sizeof *comp);
    if (!text || !def || !ops || !comp) {
        skpi__free(text);
        skpi__free(def);
        skpi__free(ops);
        skpi__free(comp);
        return skpi__nomem();
    }
    memcpy(ops, parsed.ops, parsed.n_ops * sizeof *ops);
    memcpy(comp, parsed.components, parsed.n_components * sizeof *comp);
    skpi__free(m->formula);
    skpi__free(m->definition);
    skpi__free(m->ops);
    skpi__free(m->components);
    m->formula = text;
    m->definition = def;
    m->ops = ops;
    m->n_ops = (uint32_t)parsed.n_ops;
    m->components = comp;
    m->n_components = (uint32_t)parsed.n_components;
    return SKPI_OK;
}

static int replace_string(char **slot, const char *value)
{
    char *copy = skpi__strdup(value);
    if (!copy) return skpi__nomem();
    skpi__free(*slot);
    *slot = copy;
    return SKPI_OK;
}

int skpi_catalog_set_label(skpi_catalog *cat, const char *key, const char *label)
{
    skpi_metric *m = NULL;
    int rc = find_for_edit(&m, cat, key, "skpi_catalog_set_label");
    if (rc != SKPI_OK) return rc;
    if (!label) return skpi__error(SKPI_EMISUSE, "skpi_catalog_set_label: label is NULL");
    if (label[0] == '\0') return skpi__error(SKPI_EINVAL, "metric '%s': empty label", key);
    return replace_string(&m->label, label);
}

int skpi_catalog_set_description(skpi_catalog *cat, const char *key, const char *description)
{
    skpi_metric *m = NULL;
    int rc = find_for_edit(&m, cat, key, "skpi_catalog_set_description");
    if (rc != SKPI_OK) return rc;
    if (!description)
        return skpi__error(SKPI_EMISUSE, "skpi_catalog_set_description: description is NULL");
    return replace_string(&m->description, description);
}

int skpi_catalog_check_formula(const skpi_catalog *cat, const char *formula)
{
    if (!cat || !formula)
        return skpi__error(SKPI_EMISUSE, "skpi_catalog_check_formula: catalog or formula is NULL");
    skpi__parsed parsed;
    int rc = compile(&parsed, cat, NULL, UINT32_MAX, formula);
    return rc == SKPI_OK ? rc : formula_error(rc, NULL);
}

size_t skpi_catalog_count(const skpi_catalog *cat) { return cat ? cat->count : 0; }

const skpi_metric *skpi_catalog_metric_at(const skpi_catalog *cat, size_t index)
{
    if (!cat || index >= cat->count) return NULL;
    return cat->metrics[index];
}

int skpi_catalog_find(const skpi_metric **out, const skpi_catalog *cat, const char *key)
{
    if (!out || !cat || !key)
        return skpi__error(SKPI_EMISUSE, "skpi_catalog_find: NULL argument");
    long i = skpi__catalog_lookup(cat, key);
    if (i < 0) return skpi__error(SKPI_ENOTFOUND, "unknown metric key '%s'", key);
    *out = cat->metrics[i];
    return SKPI_OK;
}
