/* skpi_store_check(): SQLite's integrity check and a decode of every chunk. */
#include "store/store_internal.h"
#include "store/chunk.h"
#include "core/civil.h"
#include "core/internal.h"

#include <string.h>

static const char what[] = "skpi_store_check";

static int sqlite_checks(skpi_store *st)
{
    static const char *const sql[] = { "PRAGMA integrity_check(1)", "PRAGMA foreign_key_check" };
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *s;
        int rc = skpi__store_prepare(&s, st, sql[i], what);
        if (rc != SKPI_OK) return rc;
        int src = sqlite3_step(s);
        if (i == 0 && src == SQLITE_ROW) {
            const char *r = (const char *)sqlite3_column_text(s, 0);
            if (r == NULL || strcmp(r, "ok") != 0)
                rc = skpi__error(SKPI_EIO, "%s: %s is damaged: %s", what, st->path,
                                 r ? r : "integrity_check gave no answer");
            src = SQLITE_DONE;
        } else if (i == 1 && src == SQLITE_ROW) {
            rc = skpi__error(SKPI_EIO, "%s: %s is damaged: table %s refers to a missing row",
                             what, st->path, (const char *)sqlite3_column_text(s, 0));
            src = SQLITE_DONE;
        }
        sqlite3_finalize(s);
        if (rc != SKPI_OK) return rc;
        if (src != SQLITE_DONE) return skpi__store_sqlerr(st, src, what);
    }
    return SKPI_OK;
}

static int chunk_problem(skpi_store *st, sqlite3_int64 series, skpi_time t, const char *why)
{
    char text[SKPI__TIME_TEXT_SIZE];
    return skpi__error(SKPI_EIO, "%s: %s is damaged: the chunk of series %lld starting at %s %s",
                       what, st->path, (long long)series, skpi__time_text(text, t), why);
}

static int chunk_checks(skpi_store *st)
{
    skpi_time *t = skpi__malloc(SKPI__CHUNK_MAX * sizeof *t);
    double *v = skpi__malloc(SKPI__CHUNK_MAX * sizeof *v);
    sqlite3_stmt *s = NULL;
    int rc = t && v ? SKPI_OK : skpi__nomem();
    if (rc == SKPI_OK)
        rc = skpi__store_prepare(&s, st, "SELECT series, t_first, t_last, n, data FROM chunk "
                                 "ORDER BY series, t_first", what);
    sqlite3_int64 prev_series = 0;
    skpi_time prev_last = 0;
    int src = SQLITE_DONE;
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        sqlite3_int64 series = sqlite3_column_int64(s, 0);
        skpi_time first = sqlite3_column_int64(s, 1), last = sqlite3_column_int64(s, 2);
        sqlite3_int64 n = sqlite3_column_int64(s, 3);
        const unsigned char *data = sqlite3_column_blob(s, 4);
        size_t len = (size_t)sqlite3_column_bytes(s, 4);
        if (series == prev_series && first <= prev_last)
            rc = chunk_problem(st, series, first, "overlaps the chunk before it");
        else if (n < 1 || n > SKPI__CHUNK_MAX)
            rc = chunk_problem(st, series, first, "has a point count out of range");
        else if (!skpi__time_in_range(first) || !skpi__time_in_range(last) || data == NULL ||
                 skpi__chunk_decode(t, v, (size_t)n, first, last, data, len) != 0)
            rc = chunk_problem(st, series, first, "cannot be decoded");
        prev_series = series;
        prev_last = last;
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    skpi__free(t);
    skpi__free(v);
    return rc;
}

int skpi_store_check(skpi_store *st)
{
    if (st == NULL) return skpi__error(SKPI_EMISUSE, "%s: store is NULL", what);
    int rc = sqlite_checks(st);
    return rc == SKPI_OK ? chunk_checks(st) : rc;
}
