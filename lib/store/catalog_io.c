/* Host metric definitions: saving a catalog's own metrics and building a
 * catalog back from them. */
#include "store/store_internal.h"
#include "core/internal.h"

#include <stdio.h>
#include <string.h>

static int same(const char *a, const char *b)
{
    if (a == NULL || b == NULL) return a == b;
    return strcmp(a, b) == 0;
}

static int save_metric(skpi_store *st, sqlite3_stmt *ins, const skpi_metric *m, int builtin,
                       const char *what)
{
    sqlite3_reset(ins);
    sqlite3_bind_text(ins, 1, skpi_metric_key(m), -1, SQLITE_STATIC);
    sqlite3_bind_int(ins, 2, builtin);
    sqlite3_bind_text(ins, 3, skpi_metric_label(m), -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, skpi_metric_description(m), -1, SQLITE_STATIC);
    sqlite3_bind_int(ins, 5, skpi_metric_unit(m));
    sqlite3_bind_int(ins, 6, skpi_metric_direction(m));
    sqlite3_bind_int(ins, 7, skpi_metric_kind_of(m));
    const char *formula = skpi_metric_formula(m);
    if (formula) sqlite3_bind_text(ins, 8, formula, -1, SQLITE_STATIC);
    else sqlite3_bind_null(ins, 8);
    int src = sqlite3_step(ins);
    sqlite3_reset(ins);
    return src == SQLITE_DONE ? SKPI_OK : skpi__store_sqlerr(st, src, what);
}

static int drop_override(skpi_store *st, sqlite3_stmt *del, const char *key, const char *what)
{
    sqlite3_reset(del);
    sqlite3_bind_text(del, 1, key, -1, SQLITE_STATIC);
    int src = sqlite3_step(del);
    sqlite3_reset(del);
    return src == SQLITE_DONE ? SKPI_OK : skpi__store_sqlerr(st, src, what);
}

int skpi__store_save_catalog(skpi_store *st, const skpi_catalog *cat, const char *what)
{
    const skpi_catalog *builtin = skpi_catalog_builtin();
    sqlite3_stmt *ins = NULL, *del = NULL;
    /* a metric saved before keeps its position; a new one goes last */
    int rc = skpi__store_prepare(&ins, st,
        "INSERT INTO metric(key, position, builtin, label, description, unit, direction, kind,"
        " formula) VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM metric), ?2, ?3, ?4,"
        " ?5, ?6, ?7, ?8) ON CONFLICT(key) DO UPDATE SET builtin = excluded.builtin,"
        " label = excluded.label, description = excluded.description, unit = excluded.unit,"
        " direction = excluded.direction, kind = excluded.kind, formula = excluded.formula",
        what);
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&del, st, "DELETE FROM metric WHERE key = ?1 AND builtin = 1",
                                 what);
    size_t count = skpi_catalog_count(cat);
    for (size_t i = 0; i < count && rc == SKPI_OK; i++) {
        const skpi_metric *m = skpi_catalog_metric_at(cat, i), *b = NULL;
        const char *key = skpi_metric_key(m);
        for (size_t j = 0; j < skpi_catalog_count(builtin) && b == NULL; j++) {
            const skpi_metric *x = skpi_catalog_metric_at(builtin, j);
            if (strcmp(skpi_metric_key(x), key) == 0) b = x;
        }
        if (b == NULL)
            rc = save_metric(st, ins, m, 0, what);
        else if (!same(skpi_metric_label(m), skpi_metric_label(b)) ||
                 !same(skpi_metric_description(m), skpi_metric_description(b)) ||
                 !same(skpi_metric_formula(m), skpi_metric_formula(b)))
            rc = save_metric(st, ins, m, 1, what);
        else
            rc = drop_override(st, del, key, what);
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(del);
    return rc;
}

int skpi_store_write_catalog(skpi_store *st, const skpi_catalog *cat)
{
    static const char what[] = "skpi_store_write_catalog";
    if (st == NULL || cat == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, st ? "catalog" : "store");
    int rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    if (cat != skpi_catalog_builtin()) rc = skpi__store_save_catalog(st, cat, what);
    return skpi__store_write_end(st, rc, what);
}

/* One saved definition, copied out of SQLite. */
typedef struct saved {
    char *key, *label, *description, *formula;
    int builtin, unit, direction, kind;
    int done;
} saved;

static void saved_free(saved *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        skpi__free(v[i].key);
        skpi__free(v[i].label);
        skpi__free(v[i].description);
        skpi__free(v[i].formula);
    }
    skpi__free(v);
}

static char *column_dup(sqlite3_stmt *s, int col, int *nomem)
{
    const char *t = (const char *)sqlite3_column_text(s, col);
    if (t == NULL) {
        if (sqlite3_column_type(s, col) != SQLITE_NULL) *nomem = 1;
        return NULL;
    }
    char *d = skpi__strdup(t);
    if (d == NULL) *nomem = 1;
    return d;
}

static int load_saved(saved **out, size_t *count, skpi_store *st, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st,
        "SELECT key, label, description, formula, builtin, unit, direction, kind FROM metric"
        " ORDER BY position", what);
    if (rc != SKPI_OK) return rc;
    saved *v = NULL;
    size_t n = 0, cap = 0;
    int src;
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        if (n == cap) {
            size_t c = cap ? cap * 2 : 16;
            saved *p = skpi__reallocarray(v, c, sizeof *p);
            if (p == NULL) { rc = skpi__nomem(); break; }
            v = p;
            cap = c;
        }
        saved *r = &v[n++];
        memset(r, 0, sizeof *r);
        int nomem = 0;
        r->key = column_dup(s, 0, &nomem);
        r->label = column_dup(s, 1, &nomem);
        r->description = column_dup(s, 2, &nomem);
        r->formula = column_dup(s, 3, &nomem);
        r->builtin = sqlite3_column_int(s, 4);
        r->unit = sqlite3_column_int(s, 5);
        r->direction = sqlite3_column_int(s, 6);
        r->kind = sqlite3_column_int(s, 7);
        if (nomem) { rc = skpi__nomem(); break; }
        if (!r->key || !r->label || !r->description) {
            rc = skpi__error(SKPI_EIO, "%s: %s is damaged: a saved metric lacks its key, label "
                             "or description", what, st->path);
            break;
        }
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    if (rc != SKPI_OK) {
        saved_free(v, n);
        return rc;
    }
    *out = v;
    *count = n;
    return SKPI_OK;
}

/* Apply one saved definition to the catalog. Errors other than ENOMEM may go
 * away once other definitions are in (a formula naming a metric saved
 * later), so the caller retries them. */
static int apply(skpi_catalog *cat, const saved *r, const char *what)
{
    const skpi_metric *m;
    int rc;
    if (skpi_catalog_find(&m, cat, r->key) == SKPI_OK) {
        if (!r->builtin && (skpi_metric_kind_of(m) != r->kind || skpi_metric_unit(m) != r->unit ||
                            skpi_metric_direction(m) != r->direction))
            return skpi__error(SKPI_EEXISTS, "%s: the saved metric \"%s\" is a %s in %s, but "
                               "the base catalog defines it as a %s in %s", what, r->key,
                               skpi_metric_kind_name(r->kind), skpi_unit_name(r->unit),
                               skpi_metric_kind_name(skpi_metric_kind_of(m)),
                               skpi_unit_name(skpi_metric_unit(m)));
        if (r->formula && skpi_metric_kind_of(m) == SKPI_KIND_DERIVED &&
            !same(r->formula, skpi_metric_formula(m))) {
            rc = skpi_catalog_set_formula(cat, r->key, r->formula);
            if (rc != SKPI_OK) return rc;
        }
    } else if (r->kind == SKPI_KIND_DERIVED) {
        rc = skpi_catalog_add_derived(cat, r->key, r->label, r->unit, r->direction,
                                      r->formula ? r->formula : "");
        if (rc != SKPI_OK) return rc;
    } else {
        rc = skpi_catalog_add_metric(cat, r->key, r->label, r->unit, r->direction, r->kind);
        if (rc != SKPI_OK) return rc;
    }
    if (skpi_catalog_find(&m, cat, r->key) != SKPI_OK) return SKPI_ENOTFOUND;
    if (!same(r->label, skpi_metric_label(m))) {
        rc = skpi_catalog_set_label(cat, r->key, r->label);
        if (rc != SKPI_OK) return rc;
    }
    if (!same(r->description, skpi_metric_description(m))) {
        rc = skpi_catalog_set_description(cat, r->key, r->description);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

int skpi__store_apply_metrics(skpi_catalog *cat, skpi_store *st, const char *what)
{
    saved *v = NULL;
    size_t n = 0;
    int rc = load_saved(&v, &n, st, what);
    /* Passes until every definition is in: order problems (a replaced
     * formula naming a metric saved after it) resolve in a later pass. */
    size_t left = n;
    while (rc == SKPI_OK && left > 0) {
        size_t before = left;
        int last = SKPI_OK;
        const char *failed = NULL;
        char msg[256] = "";
        for (size_t i = 0; i < n && rc == SKPI_OK; i++) {
            if (v[i].done) continue;
            int r = apply(cat, &v[i], what);
            if (r == SKPI_OK) {
                v[i].done = 1;
                left--;
            } else if (r == SKPI_ENOMEM || r == SKPI_EEXISTS) {
                rc = r;
            } else if (failed == NULL) {
                last = r;
                failed = v[i].key;
                snprintf(msg, sizeof msg, "%s", skpi_last_error());
            }
        }
        if (rc == SKPI_OK && left == before) {
            rc = skpi__error(SKPI_EIO, "%s: the saved definition of \"%s\" is rejected (%s: "
                             "%s)", what, failed, skpi_strerror(last), msg);
        }
    }
    saved_free(v, n);
    return rc;
}

int skpi_store_read_catalog(skpi_catalog **out, skpi_store *st, const skpi_catalog *base)
{
    static const char what[] = "skpi_store_read_catalog";
    if (out == NULL || st == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out ? "store" : "out");
    skpi_catalog *cat = NULL;
    int rc = skpi_catalog_new(&cat, base);
    if (rc == SKPI_OK) rc = skpi__store_apply_metrics(cat, st, what);
    if (rc != SKPI_OK) {
        skpi_catalog_free(cat);
        return rc;
    }
    *out = cat;
    return SKPI_OK;
}
