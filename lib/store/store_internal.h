/* Private: the store handle, its cached statements and the helpers shared
 * by the files of lib/store. */
#ifndef SKPI_STORE_INTERNAL_H
#define SKPI_STORE_INTERNAL_H

#include "socialkpi/store.h"

#include <sqlite3.h>
#include <stddef.h>

/* "SKPI" in the SQLite header's application id: how a store is told from
 * any other SQLite file. */
#define SKPI__STORE_APP_ID 0x534B5049

/* The schema version this library writes; schema.c migrates to it. */
#define SKPI__STORE_SCHEMA 10

/* Statements prepared once per handle, on first use. */
enum skpi__stmt {
    SKPI__Q_SERIES_FIND,
    SKPI__Q_SERIES_ADD,
    SKPI__Q_CHUNK_BEFORE,
    SKPI__Q_CHUNK_RANGE,
    SKPI__Q_CHUNK_DELETE,
    SKPI__Q_CHUNK_INSERT,
    SKPI__Q_CHUNK_READ,
    SKPI__Q_POST_UPSERT,
    SKPI__Q_POST_FIND,
    SKPI__Q_POST_VALUE_SET,
    SKPI__Q_POST_VALUE_CLEAR,
    SKPI__Q_POST_TAGS_CLEAR,
    SKPI__Q_POST_TAG_ADD,
    /* Ends of transactions, prepared when the store opens (see
     * skpi__store_end()). */
    SKPI__Q_COMMIT,
    SKPI__Q_ROLLBACK,
    SKPI__Q_ROLLBACK_WRITE,
    SKPI__Q_RELEASE_WRITE,
    SKPI__Q_COUNT
};

struct skpi_store {
    sqlite3 *db;
    char *path;
    int read_only;
    int busy_timeout_ms;
    int in_tx;     /* a transaction opened by skpi_store_begin() */
    int sql_failed; /* SQLite failed during the current write */
    sqlite3_stmt *stmt[SKPI__Q_COUNT];
};

/* Take a store of schema version `from` to SKPI__STORE_SCHEMA, inside the
 * caller's write transaction. */
int skpi__store_migrate(skpi_store *st, int from, const char *what);

/* Set the error message for an SQLite failure `rc` during `what` and return
 * the library's code: SQLITE_NOMEM -> SKPI_ENOMEM, busy/locked, full,
 * read-only, I/O, corruption -> SKPI_EIO, not-a-database -> SKPI_EINVAL. */
int skpi__store_sqlerr(skpi_store *st, int rc, const char *what);

/* Run SQL without results; failures set the message via skpi__store_sqlerr. */
int skpi__store_exec(skpi_store *st, const char *sql, const char *what);

/* The cached statement `id`, reset and with its bindings cleared. */
int skpi__store_stmt(sqlite3_stmt **out, skpi_store *st, enum skpi__stmt id, const char *what);

/* Prepare the statements that end transactions. Ending one then needs no
 * memory: were ROLLBACK prepared when SQLite has run out, the transaction
 * would stay open, holding the write lock and failing every later write. */
int skpi__store_prepare_ends(skpi_store *st, const char *what);
/* Run one of them (SKPI__Q_COMMIT ... SKPI__Q_RELEASE_WRITE); an SQLite code. */
int skpi__store_end(skpi_store *st, enum skpi__stmt id);
/* Roll back the transaction open on the connection, if any. */
void skpi__store_rollback_all(skpi_store *st);

/* A one-off prepared statement (freed by the caller with sqlite3_finalize). */
int skpi__store_prepare(sqlite3_stmt **out, skpi_store *st, const char *sql, const char *what);

/* Start one write: a transaction of its own (BEGIN IMMEDIATE) outside
 * skpi_store_begin(), a savepoint inside it. Refuses read-only stores. */
int skpi__store_write_begin(skpi_store *st, const char *what);
/* Finish it: commit (rc == SKPI_OK) or roll back, keeping the first error's
 * message; returns the final code. */
int skpi__store_write_end(skpi_store *st, int rc, const char *what);

/* Key checks with the rules of dataset.h and metrics.h; messages start
 * with `what`. */
int skpi__store_check_metric(const char *metric, const char *what);
int skpi__store_check_channel(const char *channel, const char *what);

/* The id of the series (metric, channel); *out = 0 when it does not exist
 * and `create` is 0. */
int skpi__store_series_id(sqlite3_int64 *out, skpi_store *st, const char *metric,
                          const char *channel, int create, const char *what);

/* The points of a series inside `period`, in time order, in arrays the
 * caller frees with skpi__free (both NULL when none). */
int skpi__store_read_points(skpi_time **times, double **values, size_t *n, skpi_store *st,
                            sqlite3_int64 series, skpi_period period, const char *what);

/* Write sorted points with strictly increasing times into a series (inside
 * a write begun by the caller). */
int skpi__store_put_points(skpi_store *st, sqlite3_int64 series, const skpi_time *times,
                           const double *values, size_t n, const char *what);

/* Write unsorted points with validation (inside a write begun by the caller). */
int skpi__store_write_points_in_tx(skpi_store *st, const char *metric, const char *channel,
                                   const skpi_time *times, const double *values, size_t n,
                                   const char *what);

/* A post and a post value, inside a write begun by the caller (arguments
 * already checked). */
int skpi__store_put_post(skpi_store *st, const char *channel, const char *id,
                         skpi_time published, const char *type, const char *text,
                         const char *link, const char *what);
int skpi__store_put_post_value(skpi_store *st, const char *channel, const char *id,
                               const char *metric, double value, const char *what);
/* The tags the post carries replace those saved with it (the post is saved
 * already). */
int skpi__store_put_post_tags(skpi_store *st, const skpi_post *post, const char *what);

/* Save a catalog's host metrics, inside a write begun by the caller. */
int skpi__store_save_catalog(skpi_store *st, const skpi_catalog *cat, const char *what);
/* Apply the saved metric definitions to a catalog. */
int skpi__store_apply_metrics(skpi_catalog *cat, skpi_store *st, const char *what);

#endif
