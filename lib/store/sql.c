/* SQLite plumbing of the store: error mapping, cached statements, the
 * transaction of each write, and the key checks. */
#include "store/store_internal.h"
#include "core/internal.h"

#include <string.h>

/* The limits of metrics.h and dataset.h, kept here so that the store does
 * not need those modules to check a key. */
#define METRIC_KEY_MAX 64
#define CHANNEL_MAX 256

static const char *const statement_sql[SKPI__Q_COUNT] = {
    [SKPI__Q_SERIES_FIND] = "SELECT id FROM series WHERE metric = ?1 AND channel = ?2",
    [SKPI__Q_SERIES_ADD] = "INSERT INTO series(metric, channel) VALUES (?1, ?2)",
    [SKPI__Q_CHUNK_BEFORE] =
        "SELECT rowid, t_first, t_last, n, data FROM chunk"
        " WHERE series = ?1 AND t_first < ?2 ORDER BY t_first DESC LIMIT 1",
    [SKPI__Q_CHUNK_RANGE] =
        "SELECT rowid, t_first, t_last, n, data FROM chunk"
        " WHERE series = ?1 AND t_first >= ?2 AND t_first <= ?3 ORDER BY t_first",
    [SKPI__Q_CHUNK_DELETE] = "DELETE FROM chunk WHERE rowid = ?1",
    [SKPI__Q_CHUNK_INSERT] =
        "INSERT INTO chunk(series, t_first, t_last, n, data) VALUES (?1, ?2, ?3, ?4, ?5)",
    /* The chunk that starts at or before the period's start, then every
     * chunk starting inside the period: two seeks in the (series, t_first)
     * index, whatever the length of the series. */
    [SKPI__Q_CHUNK_READ] =
        "SELECT t_first, t_last, n, data FROM chunk"
        " WHERE series = ?1 AND t_first < ?3 AND t_first >= coalesce("
        "(SELECT max(t_first) FROM chunk WHERE series = ?1 AND t_first <= ?2), ?2)"
        " ORDER BY t_first",
    [SKPI__Q_POST_UPSERT] =
        "INSERT INTO post(channel, post_id, published, type, text, link)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(channel, post_id) DO UPDATE SET"
        " published = excluded.published, type = excluded.type, text = excluded.text,"
        " link = excluded.link",
    [SKPI__Q_POST_FIND] = "SELECT id FROM post WHERE channel = ?1 AND post_id = ?2",
    [SKPI__Q_POST_VALUE_SET] =
        "INSERT OR REPLACE INTO post_value(post, metric, value) VALUES (?1, ?2, ?3)",
    [SKPI__Q_POST_VALUE_CLEAR] = "DELETE FROM post_value WHERE post = ?1 AND metric = ?2",
    [SKPI__Q_POST_TAGS_CLEAR] =
        "DELETE FROM post_tag WHERE post = (SELECT id FROM post WHERE channel = ?1 AND post_id = ?2)",
    [SKPI__Q_POST_TAG_ADD] =
        "INSERT INTO post_tag(post, position, tag)"
        " SELECT id, ?3, ?4 FROM post WHERE channel = ?1 AND post_id = ?2",
    [SKPI__Q_COMMIT] = "COMMIT",
    [SKPI__Q_ROLLBACK] = "ROLLBACK",
    [SKPI__Q_ROLLBACK_WRITE] = "ROLLBACK TO skpi_write",
    [SKPI__Q_RELEASE_WRITE] = "RELEASE skpi_write",
};

int skpi__store_sqlerr(skpi_store *st, int rc, const char *what)
{
    const char *path = st && st->path ? st->path : "store";
    if (st) st->sql_failed = 1;
    const char *detail = st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
    switch (rc & 0xFF) {
    case SQLITE_NOMEM:
        return skpi__nomem();
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return skpi__error(SKPI_EIO, "%s: %s is locked by another connection; gave up after "
                           "%d ms (busy timeout); nothing was written",
                           what, path, st ? st->busy_timeout_ms : 0);
    case SQLITE_FULL:
        return skpi__error(SKPI_EIO, "%s: %s: the disk or the database is full (%s); the "
                           "transaction was rolled back", what, path, detail);
    case SQLITE_READONLY:
        return skpi__error(SKPI_EIO, "%s: %s cannot be written: the file or its folder is "
                           "read-only (%s)", what, path, detail);
    case SQLITE_NOTADB:
        return skpi__error(SKPI_EINVAL, "%s: %s is not an SQLite database, so not a store",
                           what, path);
    case SQLITE_CORRUPT:
        return skpi__error(SKPI_EIO, "%s: %s is damaged (%s)", what, path, detail);
    case SQLITE_CANTOPEN:
        return skpi__error(SKPI_EIO, "%s: %s cannot be opened (%s)", what, path, detail);
    case SQLITE_IOERR: {
        int e = st && st->db ? sqlite3_system_errno(st->db) : 0;
        if (e != 0)
            return skpi__error(SKPI_EIO, "%s: %s: input/output error (%s; %s)", what, path,
                               detail, strerror(e));
        return skpi__error(SKPI_EIO, "%s: %s: input/output error (%s)", what, path, detail);
    }
    default:
        return skpi__error(SKPI_EIO, "%s: %s: %s (SQLite code %d)", what, path, detail, rc);
    }
}

int skpi__store_exec(skpi_store *st, const char *sql, const char *what)
{
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? SKPI_OK : skpi__store_sqlerr(st, rc, what);
}

int skpi__store_stmt(sqlite3_stmt **out, skpi_store *st, enum skpi__stmt id, const char *what)
{
    sqlite3_stmt *s = st->stmt[id];
    if (s == NULL) {
        int rc = sqlite3_prepare_v3(st->db, statement_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                    &s, NULL);
        if (rc != SQLITE_OK) return skpi__store_sqlerr(st, rc, what);
        st->stmt[id] = s;
    } else {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }
    *out = s;
    return SKPI_OK;
}

int skpi__store_prepare_ends(skpi_store *st, const char *what)
{
    for (int id = SKPI__Q_COMMIT; id <= SKPI__Q_RELEASE_WRITE; id++) {
        sqlite3_stmt *s;
        int rc = skpi__store_stmt(&s, st, (enum skpi__stmt)id, what);
        if (rc != SKPI_OK) return rc;
    }
    return SKPI_OK;
}

int skpi__store_end(skpi_store *st, enum skpi__stmt id)
{
    sqlite3_stmt *s = st->stmt[id];
    if (s == NULL) return sqlite3_exec(st->db, statement_sql[id], NULL, NULL, NULL);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void skpi__store_rollback_all(skpi_store *st)
{
    if (!sqlite3_get_autocommit(st->db)) skpi__store_end(st, SKPI__Q_ROLLBACK);
}

int skpi__store_prepare(sqlite3_stmt **out, skpi_store *st, const char *sql, const char *what)
{
    int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
    return rc == SQLITE_OK ? SKPI_OK : skpi__store_sqlerr(st, rc, what);
}

int skpi__store_write_begin(skpi_store *st, const char *what)
{
    if (st->read_only)
        return skpi__error(SKPI_EMISUSE, "%s: %s was opened read-only", what, st->path);
    st->sql_failed = 0;
    if (st->in_tx) {
        if (sqlite3_get_autocommit(st->db))
            return skpi__error(SKPI_EIO, "%s: an earlier failure rolled the transaction back; "
                               "call skpi_store_rollback()", what);
        return skpi__store_exec(st, "SAVEPOINT skpi_write", what);
    }
    /* IMMEDIATE takes the write lock at once, so waiting for another writer
     * happens here (bounded by the busy timeout) and never halfway through. */
    return skpi__store_exec(st, "BEGIN IMMEDIATE", what);
}

int skpi__store_write_end(skpi_store *st, int rc, const char *what)
{
    if (st->in_tx) {
        if (rc == SKPI_OK) {
            int src = skpi__store_end(st, SKPI__Q_RELEASE_WRITE);
            return src == SQLITE_OK ? SKPI_OK : skpi__store_sqlerr(st, src, what);
        }
        /* A failure of SQLite itself (disk full, I/O error, its own memory)
         * may already have rolled the whole transaction back, depending on
         * where it struck; to keep one rule the whole transaction goes, and
         * skpi_store_commit() reports it. A refused argument or a failed
         * allocation of the library undoes only this write. */
        if (sqlite3_get_autocommit(st->db)) return rc;
        if (st->sql_failed || skpi__store_end(st, SKPI__Q_ROLLBACK_WRITE) != SQLITE_OK ||
            skpi__store_end(st, SKPI__Q_RELEASE_WRITE) != SQLITE_OK)
            skpi__store_rollback_all(st);
        return rc;
    }
    if (rc == SKPI_OK) {
        int src = skpi__store_end(st, SKPI__Q_COMMIT);
        if (src == SQLITE_OK) return SKPI_OK;
        rc = skpi__store_sqlerr(st, src, what);
    }
    skpi__store_rollback_all(st);
    return rc;
}

int skpi__store_check_metric(const char *metric, const char *what)
{
    size_t n = strlen(metric);
    if (n == 0) return skpi__error(SKPI_EINVAL, "%s: the metric key is empty", what);
    if (n > (size_t)METRIC_KEY_MAX)
        return skpi__error(SKPI_EINVAL, "%s: metric key \"%.40s...\" is longer than %zu bytes",
                           what, metric, (size_t)METRIC_KEY_MAX);
    if (!(metric[0] >= 'a' && metric[0] <= 'z'))
        return skpi__error(SKPI_EINVAL, "%s: metric key \"%s\" must start with a lowercase "
                           "ASCII letter", what, metric);
    for (size_t i = 1; i < n; i++) {
        char c = metric[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return skpi__error(SKPI_EINVAL, "%s: metric key \"%s\": byte %zu is not a "
                               "lowercase letter, digit or '_'", what, metric, i + 1);
    }
    return SKPI_OK;
}

int skpi__store_check_channel(const char *channel, const char *what)
{
    size_t n = strlen(channel);
    if (n == 0) return skpi__error(SKPI_EINVAL, "%s: the channel key is empty", what);
    if (n > (size_t)CHANNEL_MAX)
        return skpi__error(SKPI_EINVAL, "%s: channel key is longer than %zu bytes", what,
                           (size_t)CHANNEL_MAX);
    const char *colon = strchr(channel, ':');
    if (colon == NULL || colon == channel)
        return skpi__error(SKPI_EINVAL, "%s: channel key \"%s\" is not network:account", what,
                           channel);
    for (const char *p = channel; p < colon; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return skpi__error(SKPI_EINVAL, "%s: channel key \"%s\": the network may only "
                               "hold lowercase letters, digits, '_' and '-'", what, channel);
    }
    const char *account = colon + 1;
    if (*account == '\0' || strcmp(account, "*") == 0)
        return skpi__error(SKPI_EINVAL, "%s: channel key \"%s\" needs an account after ':' "
                           "(not '*')", what, channel);
    for (const char *p = account; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7F)
            return skpi__error(SKPI_EINVAL, "%s: channel key holds a control character at "
                               "byte %zu", what, (size_t)(p - channel) + 1);
    }
    return SKPI_OK;
}
