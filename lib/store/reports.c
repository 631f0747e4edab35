/* Report definitions (kept as text) and the runs of each report. */
#include "store/store_internal.h"
#include "store/defs_io.h"
#include "store/sha256.h"
#include "core/civil.h"
#include "core/internal.h"

#include <stdio.h>
#include <string.h>

#define ID_MAX 64
#define FORMAT_MAX 32

static int check_id(const char *id, const char *what)
{
    size_t n = strlen(id);
    if (n == 0 || n > ID_MAX)
        return skpi__error(SKPI_EINVAL, "%s: a report definition id has 1 to %d bytes, not %zu",
                           what, ID_MAX, n);
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.'))
            return skpi__error(SKPI_EINVAL, "%s: report definition id \"%s\": byte %zu is not "
                               "an ASCII letter, digit, '_', '-' or '.'", what, id, i + 1);
    }
    return SKPI_OK;
}

int skpi_store_write_report_definition(skpi_store *st, const char *id, const char *definition)
{
    static const char what[] = "skpi_store_write_report_definition";
    if (st == NULL || id == NULL || definition == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: a required argument is NULL", what);
    int rc = check_id(id, what);
    if (rc != SKPI_OK) return rc;
    rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_stmt *s;
    /* position NULL: the host's own text, which skpi_store_read_definitions()
     * leaves alone, also where a report definition was saved before. */
    rc = skpi__store_prepare(&s, st, "INSERT INTO report_definition(id, definition, position)"
                             " VALUES (?1, ?2, NULL) ON CONFLICT(id) DO UPDATE SET definition ="
                             " excluded.definition, position = NULL", what);
    if (rc == SKPI_OK) {
        sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, definition, -1, SQLITE_STATIC);
        rc = skpi__store_step_done(st, s, what);
        sqlite3_finalize(s);
    }
    return skpi__store_write_end(st, rc, what);
}

/* Copy a column's bytes with a NUL after them. */
static int copy_column(void **out, size_t *size, sqlite3_stmt *s, int col)
{
    const void *p = sqlite3_column_blob(s, col);
    size_t n = (size_t)sqlite3_column_bytes(s, col);
    if (p == NULL && n > 0) return skpi__nomem();
    char *copy = skpi__malloc(n + 1);
    if (copy == NULL) return skpi__nomem();
    if (n) memcpy(copy, p, n);
    copy[n] = '\0';
    *out = copy;
    if (size) *size = n;
    return SKPI_OK;
}

int skpi_store_read_report_definition(char **out, skpi_store *st, const char *id)
{
    static const char what[] = "skpi_store_read_report_definition";
    if (out == NULL || st == NULL || id == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: a required argument is NULL", what);
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT definition FROM report_definition WHERE id = ?1",
                                 what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    void *text = NULL;
    if (src == SQLITE_ROW) rc = copy_column(&text, NULL, s, 0);
    else if (src == SQLITE_DONE)
        rc = skpi__error(SKPI_ENOTFOUND, "%s: %s holds no report definition \"%s\"", what,
                         st->path, id);
    else rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    if (rc == SKPI_OK) *out = text;
    return rc;
}

int skpi_store_run_init(skpi_store_run *run, unsigned version)
{
    if (run == NULL) return skpi__error(SKPI_EMISUSE, "skpi_store_run_init: run is NULL");
    if (version != SKPI_STORE_RUN_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_store_run_init: version %u is unknown (this "
                           "library knows %d)", version, SKPI_STORE_RUN_VERSION);
    memset(run, 0, sizeof *run);
    run->version = version;
    return SKPI_OK;
}

static int check_run(const skpi_store_run *run, const char *what)
{
    if (run->version != SKPI_STORE_RUN_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: run version %u is unknown (this library knows "
                           "%d)", what, run->version, SKPI_STORE_RUN_VERSION);
    if (run->definition == NULL || run->format == NULL || (run->output == NULL && run->size > 0))
        return skpi__error(SKPI_EMISUSE, "%s: the run's definition, format or output is NULL",
                           what);
    size_t n = strlen(run->format);
    if (n == 0 || n > FORMAT_MAX)
        return skpi__error(SKPI_EINVAL, "%s: the format has 1 to %d bytes, not %zu", what,
                           FORMAT_MAX, n);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)run->format[i] < 0x20 || run->format[i] == 0x7F)
            return skpi__error(SKPI_EINVAL, "%s: the format holds a control character", what);
    if (!skpi__time_in_range(run->as_of) || !skpi__time_in_range(run->generated_at))
        return skpi__error(SKPI_ERANGE, "%s: as_of or generated_at is outside years 1 to 9999",
                           what);
    if (run->size > (size_t)0x7FFFFFFF)
        return skpi__error(SKPI_ERANGE, "%s: an output of %zu bytes is more than the store "
                           "keeps (2 GiB)", what, run->size);
    return SKPI_OK;
}

static int insert_run(int64_t *out, skpi_store *st, const skpi_store_run *run, const char *hash,
                      const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT 1 FROM report_definition WHERE id = ?1", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, run->definition, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    sqlite3_finalize(s);
    if (src == SQLITE_DONE)
        return skpi__error(SKPI_ENOTFOUND, "%s: %s holds no report definition \"%s\"", what,
                           st->path, run->definition);
    if (src != SQLITE_ROW) return skpi__store_sqlerr(st, src, what);
    rc = skpi__store_prepare(&s, st, "INSERT INTO report_run(definition, as_of, generated_at,"
                             " format, size, sha256, output) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, run->definition, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, run->as_of);
    sqlite3_bind_int64(s, 3, run->generated_at);
    sqlite3_bind_text(s, 4, run->format, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 5, (sqlite3_int64)run->size);
    sqlite3_bind_text(s, 6, hash, -1, SQLITE_STATIC);
    /* a zero-length blob, not NULL, when an empty output is kept */
    if (run->keep_output) sqlite3_bind_blob(s, 7, run->size ? run->output : "", (int)run->size,
                                            SQLITE_STATIC);
    rc = skpi__store_step_done(st, s, what);
    sqlite3_finalize(s);
    if (rc == SKPI_OK) *out = sqlite3_last_insert_rowid(st->db);
    return rc;
}

int skpi_store_add_run(int64_t *out, skpi_store *st, const skpi_store_run *run)
{
    static const char what[] = "skpi_store_add_run";
    if (st == NULL || run == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, st ? "run" : "store");
    int rc = check_run(run, what);
    if (rc != SKPI_OK) return rc;
    char hash[65];
    skpi__sha256_hex(hash, run->size ? run->output : "", run->size);
    rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    int64_t id = 0;
    rc = insert_run(&id, st, run, hash, what);
    rc = skpi__store_write_end(st, rc, what);
    /* the id only of a run that was committed */
    if (rc == SKPI_OK && out) *out = id;
    return rc;
}

/* A list of runs: the rows, and their strings in one block each. */
typedef struct run_row {
    int64_t id;
    char *definition;
    skpi_time as_of, generated_at;
    char *format;
    size_t size;
    int kept;
    char sha256[65];
} run_row;

struct skpi_store_runs {
    run_row *rows;
    size_t count;
};

void skpi_store_runs_free(skpi_store_runs *runs)
{
    if (runs == NULL) return;
    for (size_t i = 0; i < runs->count; i++) {
        skpi__free(runs->rows[i].definition);
        skpi__free(runs->rows[i].format);
    }
    skpi__free(runs->rows);
    skpi__free(runs);
}

size_t skpi_store_runs_count(const skpi_store_runs *runs) { return runs ? runs->count : 0; }

static int read_row(run_row *r, sqlite3_stmt *s)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(s, 0);
    const char *definition = (const char *)sqlite3_column_text(s, 1);
    r->as_of = sqlite3_column_int64(s, 2);
    r->generated_at = sqlite3_column_int64(s, 3);
    const char *format = (const char *)sqlite3_column_text(s, 4);
    r->size = (size_t)sqlite3_column_int64(s, 5);
    const char *hash = (const char *)sqlite3_column_text(s, 6);
    r->kept = sqlite3_column_int(s, 7);
    if (definition == NULL || format == NULL || hash == NULL) return skpi__nomem();
    snprintf(r->sha256, sizeof r->sha256, "%s", hash);
    r->definition = skpi__strdup(definition);
    r->format = skpi__strdup(format);
    return r->definition && r->format ? SKPI_OK : skpi__nomem();
}

int skpi_store_list_runs(skpi_store_runs **out, skpi_store *st, const char *definition,
                         skpi_period as_of)
{
    static const char what[] = "skpi_store_list_runs";
    if (out == NULL || st == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out ? "store" : "out");
    if (as_of.end < as_of.start)
        return skpi__error(SKPI_EINVAL, "%s: the period ends before it starts", what);
    skpi_store_runs *runs = skpi__calloc(1, sizeof *runs);
    if (runs == NULL) return skpi__nomem();
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st,
        "SELECT id, definition, as_of, generated_at, format, size, sha256, output IS NOT NULL"
        " FROM report_run WHERE (?1 IS NULL OR definition = ?1) AND as_of >= ?2 AND as_of < ?3"
        " ORDER BY as_of, id", what);
    size_t cap = 0;
    int src = SQLITE_DONE;
    if (rc == SKPI_OK) {
        skpi__store_bind_text(s, 1, definition);
        sqlite3_bind_int64(s, 2, as_of.start);
        sqlite3_bind_int64(s, 3, as_of.end);
    }
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        if (runs->count == cap) {
            size_t c = cap ? cap * 2 : 8;
            run_row *p = skpi__reallocarray(runs->rows, c, sizeof *p);
            if (p == NULL) { rc = skpi__nomem(); break; }
            runs->rows = p;
            cap = c;
        }
        rc = read_row(&runs->rows[runs->count], s);
        runs->count++; /* freed with the list even when half filled */
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    if (rc != SKPI_OK) {
        skpi_store_runs_free(runs);
        return rc;
    }
    *out = runs;
    return SKPI_OK;
}

int skpi_store_runs_get(skpi_store_run *out, const skpi_store_runs *runs, size_t index)
{
    static const char what[] = "skpi_store_runs_get";
    if (out == NULL || runs == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out ? "runs" : "out");
    if (out->version != SKPI_STORE_RUN_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: run version %u is unknown (this library knows "
                           "%d)", what, out->version, SKPI_STORE_RUN_VERSION);
    if (index >= runs->count)
        return skpi__error(SKPI_ERANGE, "%s: index %zu is past the %zu runs", what, index,
                           runs->count);
    const run_row *r = &runs->rows[index];
    out->id = r->id;
    out->definition = r->definition;
    out->as_of = r->as_of;
    out->generated_at = r->generated_at;
    out->format = r->format;
    out->output = NULL;
    out->size = r->size;
    out->keep_output = r->kept;
    memcpy(out->sha256, r->sha256, sizeof out->sha256);
    return SKPI_OK;
}

int skpi_store_read_output(void **out, size_t *size, skpi_store *st, int64_t run)
{
    static const char what[] = "skpi_store_read_output";
    if (out == NULL || size == NULL || st == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: a required argument is NULL", what);
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT output FROM report_run WHERE id = ?1"
                                 " AND output IS NOT NULL", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_int64(s, 1, run);
    int src = sqlite3_step(s);
    void *bytes = NULL;
    size_t n = 0;
    if (src == SQLITE_ROW) rc = copy_column(&bytes, &n, s, 0);
    else if (src == SQLITE_DONE)
        rc = skpi__error(SKPI_ENOTFOUND, "%s: %s holds no output of run %lld (no such run, or "
                         "its output was not kept)", what, st->path, (long long)run);
    else rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    if (rc == SKPI_OK) {
        *out = bytes;
        *size = n;
    }
    return rc;
}
