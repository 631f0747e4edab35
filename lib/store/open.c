/* Opening and closing a store: options, the checks that tell a store from
 * other files, creation and migration, and explicit transactions. */
#define _POSIX_C_SOURCE 200809L
#include "store/store_internal.h"
#include "core/internal.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static const char what_open[] = "skpi_store_open";

int skpi_store_options_init(skpi_store_options *opts, unsigned version)
{
    if (opts == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_store_options_init: opts is NULL");
    if (version != SKPI_STORE_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION,
                           "skpi_store_options_init: version %u is unknown (this library "
                           "knows %d)", version, SKPI_STORE_OPTIONS_VERSION);
    skpi_store_options d = SKPI_STORE_OPTIONS_INIT;
    *opts = d;
    return SKPI_OK;
}

int skpi_store_schema_version(void) { return SKPI__STORE_SCHEMA; }

static void close_db(skpi_store *st)
{
    for (int i = 0; i < SKPI__Q_COUNT; i++) {
        sqlite3_finalize(st->stmt[i]);
        st->stmt[i] = NULL;
    }
    if (st->db) {
        if (!sqlite3_get_autocommit(st->db)) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close_v2(st->db);
        st->db = NULL;
    }
}

void skpi_store_free(skpi_store *st)
{
    if (st == NULL) return;
    close_db(st);
    skpi__free(st->path);
    skpi__free(st);
}

/* What the file holds, read in one read transaction so that a concurrent
 * creator cannot be seen half done. */
typedef struct header {
    int app_id;
    int version;
    int objects;
} header;

static int read_int(int *out, skpi_store *st, const char *sql)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, sql, what_open);
    if (rc != SKPI_OK) return rc;
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) {
        *out = sqlite3_column_int(s, 0);
        src = SQLITE_OK;
    }
    sqlite3_finalize(s);
    return src == SQLITE_OK ? SKPI_OK : skpi__store_sqlerr(st, src, what_open);
}

static int read_header(header *h, skpi_store *st)
{
    int rc = read_int(&h->app_id, st, "PRAGMA application_id");
    if (rc == SKPI_OK) rc = read_int(&h->version, st, "PRAGMA user_version");
    if (rc == SKPI_OK) rc = read_int(&h->objects, st, "SELECT count(*) FROM sqlite_master");
    return rc;
}

static int inspect(header *h, skpi_store *st)
{
    int in_tx = !sqlite3_get_autocommit(st->db);
    int rc = in_tx ? SKPI_OK : skpi__store_exec(st, "BEGIN", what_open);
    if (rc == SKPI_OK) rc = read_header(h, st);
    if (!in_tx && !sqlite3_get_autocommit(st->db)) {
        /* a read transaction left open (SQLite out of memory) would make
         * the switch to WAL fail with a misleading message */
        int src = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
        if (src != SQLITE_OK && rc == SKPI_OK) rc = skpi__store_sqlerr(st, src, what_open);
    }
    return rc;
}

enum verdict { CURRENT, CREATE, MIGRATE };

/* Decide what to do with a file; refusals set the message. */
static int judge(enum verdict *out, const header *h, const skpi_store *st)
{
    if (h->app_id == 0 && h->objects == 0 && h->version == 0) {
        if (st->read_only)
            return skpi__error(SKPI_EINVAL, "%s: %s is an empty database, not a store (open "
                               "it read-write to create one)", what_open, st->path);
        *out = CREATE;
        return SKPI_OK;
    }
    if (h->app_id != SKPI__STORE_APP_ID)
        return skpi__error(SKPI_EINVAL, "%s: %s is an SQLite database but not a socialkpi "
                           "store (application id 0x%08X, %d schema objects); nothing was "
                           "written", what_open, st->path, (unsigned)h->app_id, h->objects);
    if (h->version > SKPI__STORE_SCHEMA)
        return skpi__error(SKPI_EVERSION, "%s: %s has store schema version %d, newer than "
                           "version %d of this library (socialkpi %s); use a newer socialkpi; "
                           "nothing was written", what_open, st->path, h->version,
                           SKPI__STORE_SCHEMA, skpi_version_string());
    if (h->version < 1)
        return skpi__error(SKPI_EINVAL, "%s: %s is marked as a store but has no schema "
                           "version; nothing was written", what_open, st->path);
    if (h->version < SKPI__STORE_SCHEMA) {
        if (st->read_only)
            return skpi__error(SKPI_EVERSION, "%s: %s has store schema version %d and needs "
                               "migrating to version %d: open it read-write once", what_open,
                               st->path, h->version, SKPI__STORE_SCHEMA);
        *out = MIGRATE;
        return SKPI_OK;
    }
    *out = CURRENT;
    return SKPI_OK;
}

static int set_wal(skpi_store *st)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "PRAGMA journal_mode = WAL", what_open);
    if (rc != SKPI_OK) return rc;
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) {
        const char *mode = (const char *)sqlite3_column_text(s, 0);
        /* an in-memory database keeps its "memory" journal */
        if (mode && strcmp(mode, "wal") != 0 && strcmp(mode, "memory") != 0)
            rc = skpi__error(SKPI_EIO, "%s: %s: cannot switch to WAL mode (journal mode "
                             "stays \"%s\")", what_open, st->path, mode);
        src = SQLITE_OK;
    }
    sqlite3_finalize(s);
    if (src != SQLITE_OK) return skpi__store_sqlerr(st, src, what_open);
    return rc;
}

/* Create or migrate under the write lock; another process may have done it
 * meanwhile, so the header is read again first. */
static int upgrade(skpi_store *st)
{
    int rc = set_wal(st);
    if (rc != SKPI_OK) return rc;
    rc = skpi__store_exec(st, "BEGIN IMMEDIATE", what_open);
    if (rc != SKPI_OK) return rc;
    header h;
    enum verdict v = CURRENT;
    rc = inspect(&h, st);
    if (rc == SKPI_OK) rc = judge(&v, &h, st);
    if (rc == SKPI_OK && v != CURRENT) rc = skpi__store_migrate(st, v == CREATE ? 0 : h.version,
                                                             what_open);
    /* after the schema changes (which would expire them) and before the
     * commit, after which nothing may fail */
    if (rc == SKPI_OK) rc = skpi__store_prepare_ends(st, what_open);
    if (rc == SKPI_OK) rc = skpi__store_exec(st, "COMMIT", what_open);
    if (rc != SKPI_OK && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static int open_error(skpi_store *st, int rc, int flags)
{
    struct stat sb;
    if ((rc & 0xFF) == SQLITE_CANTOPEN && stat(st->path, &sb) != 0 && errno == ENOENT) {
        if (flags & SQLITE_OPEN_CREATE)
            return skpi__error(SKPI_EIO, "%s: %s cannot be created (its folder is missing or "
                               "not writable)", what_open, st->path);
        return skpi__error(SKPI_ENOTFOUND, "%s: %s does not exist (set create to make a new "
                           "store)", what_open, st->path);
    }
    return skpi__store_sqlerr(st, rc, what_open);
}

static int connect_db(skpi_store *st, int create)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= st->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !st->read_only) flags |= SQLITE_OPEN_CREATE;
    /* Debian's SQLite reads names starting with "file:" as URIs: the
     * store takes plain paths, so such a name becomes "./file:..." */
    char *name = NULL;
    if (strncmp(st->path, "file:", 5) == 0) {
        size_t n = strlen(st->path);
        name = skpi__malloc(n + 3);
        if (name == NULL) return skpi__nomem();
        memcpy(name, "./", 2);
        memcpy(name + 2, st->path, n + 1);
    }
    int rc = sqlite3_open_v2(name ? name : st->path, &st->db, flags, NULL);
    skpi__free(name);
    if (rc != SQLITE_OK) return open_error(st, rc, flags);
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, st->busy_timeout_ms);
    /* No pragma or virtual table may bypass the file format's rules. */
    sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    if (!st->read_only && sqlite3_db_readonly(st->db, "main") == 1)
        return skpi__error(SKPI_EIO, "%s: %s is read-only: open it with read_only set, or "
                           "make it writable", what_open, st->path);
    return SKPI_OK;
}

static int setup(skpi_store *st, int create)
{
    int rc = connect_db(st, create);
    if (rc != SKPI_OK) return rc;
    /* FULL: the WAL is synced at every commit, so a commit that returned is
     * on disk. Set first, so that nothing can fail once a new store is
     * committed. */
    rc = skpi__store_exec(st, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", what_open);
    if (rc != SKPI_OK) return rc;
    header h;
    enum verdict v;
    rc = inspect(&h, st);
    if (rc == SKPI_OK) rc = judge(&v, &h, st);
    if (rc != SKPI_OK) return rc;
    if (v != CURRENT) return upgrade(st);
    if (!st->read_only) rc = set_wal(st); /* a no-op unless someone changed the journal mode */
    if (rc == SKPI_OK) rc = skpi__store_prepare_ends(st, what_open);
    return rc;
}

int skpi_store_open(skpi_store **out, const char *path, const skpi_store_options *opts)
{
    if (out == NULL || path == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what_open, out ? "path" : "out");
    skpi_store_options o = SKPI_STORE_OPTIONS_INIT;
    if (opts != NULL) {
        if (opts->version != SKPI_STORE_OPTIONS_VERSION)
            return skpi__error(SKPI_EVERSION, "%s: options version %u is unknown (this library "
                               "knows %d)", what_open, opts->version,
                               SKPI_STORE_OPTIONS_VERSION);
        o = *opts;
    }
    if (o.busy_timeout_ms < 0)
        return skpi__error(SKPI_EINVAL, "%s: busy_timeout_ms is %d; give 0 or more "
                           "milliseconds", what_open, o.busy_timeout_ms);
    if (path[0] == '\0')
        return skpi__error(SKPI_EINVAL, "%s: the path is empty", what_open);
    skpi_store *st = skpi__calloc(1, sizeof *st);
    if (st == NULL) return skpi__nomem();
    st->path = skpi__strdup(path);
    if (st->path == NULL) {
        skpi__free(st);
        return skpi__nomem();
    }
    st->read_only = o.read_only != 0;
    st->busy_timeout_ms = o.busy_timeout_ms;
    int rc = setup(st, o.create != 0);
    if (rc != SKPI_OK) {
        skpi_store_free(st);
        return rc;
    }
    *out = st;
    return SKPI_OK;
}

int skpi_store_begin(skpi_store *st)
{
    static const char what[] = "skpi_store_begin";
    if (st == NULL) return skpi__error(SKPI_EMISUSE, "%s: store is NULL", what);
    if (st->read_only)
        return skpi__error(SKPI_EMISUSE, "%s: %s was opened read-only", what, st->path);
    if (st->in_tx)
        return skpi__error(SKPI_EMISUSE, "%s: a transaction is already open; commit or roll "
                           "it back first", what);
    int rc = skpi__store_exec(st, "BEGIN IMMEDIATE", what);
    if (rc == SKPI_OK) st->in_tx = 1;
    return rc;
}

int skpi_store_commit(skpi_store *st)
{
    static const char what[] = "skpi_store_commit";
    if (st == NULL) return skpi__error(SKPI_EMISUSE, "%s: store is NULL", what);
    if (!st->in_tx)
        return skpi__error(SKPI_EMISUSE, "%s: no transaction is open (skpi_store_begin())", what);
    st->in_tx = 0;
    if (sqlite3_get_autocommit(st->db))
        return skpi__error(SKPI_EIO, "%s: an earlier failure rolled the transaction back; "
                           "nothing of it was written", what);
    int src = skpi__store_end(st, SKPI__Q_COMMIT);
    if (src == SQLITE_OK) return SKPI_OK;
    int rc = skpi__store_sqlerr(st, src, what);
    skpi__store_rollback_all(st);
    return rc;
}

int skpi_store_rollback(skpi_store *st)
{
    static const char what[] = "skpi_store_rollback";
    if (st == NULL) return skpi__error(SKPI_EMISUSE, "%s: store is NULL", what);
    if (!st->in_tx)
        return skpi__error(SKPI_EMISUSE, "%s: no transaction is open (skpi_store_begin())", what);
    st->in_tx = 0;
    skpi__store_rollback_all(st);
    return SKPI_OK;
}
