/* Recorded deliveries: which report, for which period, to whom, with what
 * result; a report is sent once per period and target unless forced. */
#include "store/store_internal.h"
#include "store/sha256.h"
#include "store/defs_io.h"
#include "core/internal.h"

#include <stdio.h>
#include <string.h>

static bool in_range(skpi_time t) { return t >= skpi_time_min() && t <= skpi_time_max(); }

/* A delivery still "sending" after this long was cut off (a crash): it no
 * longer holds others back. */
#define STALE_SECONDS (15 * 60)

int skpi_store_delivery_init(skpi_store_delivery *d, unsigned version)
{
    if (d == NULL) return skpi__error(SKPI_EMISUSE, "skpi_store_delivery_init: delivery is NULL");
    if (version != SKPI_STORE_DELIVERY_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_store_delivery_init: version %u is unknown (this "
                           "library knows %d)", version, SKPI_STORE_DELIVERY_VERSION);
    memset(d, 0, sizeof *d);
    d->version = version;
    return SKPI_OK;
}

static int check_text(const char *s, size_t max, const char *name, const char *what)
{
    if (s == NULL) return skpi__error(SKPI_EMISUSE, "%s: the delivery's %s is NULL", what, name);
    size_t n = strlen(s);
    if (n == 0 || n > max)
        return skpi__error(SKPI_EINVAL, "%s: the delivery's %s has 1 to %zu bytes, not %zu", what, name,
                           max, n);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
            return skpi__error(SKPI_EINVAL, "%s: the delivery's %s holds a control character", what, name);
    return SKPI_OK;
}

static int check_delivery(const skpi_store_delivery *d, const char *what)
{
    if (d->version != SKPI_STORE_DELIVERY_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: delivery version %u is unknown (this library knows %d)",
                           what, d->version, SKPI_STORE_DELIVERY_VERSION);
    int rc = check_text(d->report, 64, "report", what);
    if (rc == SKPI_OK) rc = check_text(d->format, 64, "format", what);
    if (rc == SKPI_OK) rc = check_text(d->channel, 32, "channel", what);
    if (rc == SKPI_OK) rc = check_text(d->target, 1000, "target", what);
    if (rc != SKPI_OK) return rc;
    if (d->period.end < d->period.start)
        return skpi__error(SKPI_EINVAL, "%s: the delivery's period ends before it starts", what);
    if (!in_range(d->period.start) || !in_range(d->period.end) ||
        !in_range(d->started))
        return skpi__error(SKPI_ERANGE, "%s: a time of the delivery is outside years 1 to 9999", what);
    return SKPI_OK;
}

/* SKPI_EEXISTS (message says when) when the report went to the target for
 * the period, or is being sent; SKPI_OK when it may be sent. */
static int check_sent(skpi_store *st, const skpi_store_delivery *d, const char *key, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT status, started, finished FROM delivery WHERE report = ?1"
                                 " AND period_start = ?2 AND period_end = ?3 AND target_key = ?4 AND"
                                 " (status = 1 OR (status = 0 AND started > ?5)) ORDER BY id DESC LIMIT 1",
                                 what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, d->report, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, d->period.start);
    sqlite3_bind_int64(s, 3, d->period.end);
    sqlite3_bind_text(s, 4, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 5, d->started - STALE_SECONDS);
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) {
        int status = sqlite3_column_int(s, 0);
        skpi_time when = sqlite3_column_int64(s, status == SKPI_DELIVERY_SENT ? 2 : 1);
        char stamp[40] = "?";
        skpi_time_format(stamp, sizeof stamp, when, 0);
        rc = skpi__error(SKPI_EEXISTS, "%s: report \"%s\" for this period %s to %s at %s; force "
                         "the delivery to send it again", what, d->report,
                         status == SKPI_DELIVERY_SENT ? "was sent" : "is being sent", d->target, stamp);
    } else if (src != SQLITE_DONE) {
        rc = skpi__store_sqlerr(st, src, what);
    }
    sqlite3_finalize(s);
    return rc;
}

static int insert(int64_t *out, skpi_store *st, const skpi_store_delivery *d, const char *key,
                  const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "INSERT INTO delivery(report, period_start, period_end, format,"
                                 " channel, target, target_key, status, message, started)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, '', ?8)", what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, d->report, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, d->period.start);
    sqlite3_bind_int64(s, 3, d->period.end);
    sqlite3_bind_text(s, 4, d->format, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, d->channel, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, d->target, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 8, d->started);
    rc = skpi__store_step_done(st, s, what);
    sqlite3_finalize(s);
    if (rc == SKPI_OK) *out = sqlite3_last_insert_rowid(st->db);
    return rc;
}

int skpi_store_begin_delivery(int64_t *out, skpi_store *st, const skpi_store_delivery *d, int force)
{
    static const char what[] = "skpi_store_begin_delivery";
    if (out == NULL || st == NULL || d == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: a required argument is NULL", what);
    int rc = check_delivery(d, what);
    if (rc != SKPI_OK) return rc;
    const char *full = d->target_key ? d->target_key : d->target;
    char key[65];
    skpi__sha256_hex(key, full, strlen(full));
    /* one write transaction: two schedulers firing at once cannot both pass */
    rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    if (!force) rc = check_sent(st, d, key, what);
    int64_t id = 0;
    if (rc == SKPI_OK) rc = insert(&id, st, d, key, what);
    rc = skpi__store_write_end(st, rc, what);
    if (rc == SKPI_OK) *out = id;
    return rc;
}

int skpi_store_end_delivery(skpi_store *st, int64_t id, int status, const char *message,
                            skpi_time finished)
{
    static const char what[] = "skpi_store_end_delivery";
    if (st == NULL) return skpi__error(SKPI_EMISUSE, "%s: store is NULL", what);
    if (status != SKPI_DELIVERY_SENT && status != SKPI_DELIVERY_FAILED)
        return skpi__error(SKPI_EINVAL, "%s: status %d is not sent (1) or failed (2)", what, status);
    if (!in_range(finished))
        return skpi__error(SKPI_ERANGE, "%s: finished is outside years 1 to 9999", what);
    int rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_stmt *s;
    rc = skpi__store_prepare(&s, st, "UPDATE delivery SET status = ?2, message = ?3, finished = ?4"
                             " WHERE id = ?1 AND status = 0", what);
    if (rc == SKPI_OK) {
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_int(s, 2, status);
        sqlite3_bind_text(s, 3, message ? message : "", -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 4, finished);
        rc = skpi__store_step_done(st, s, what);
        sqlite3_finalize(s);
    }
    if (rc == SKPI_OK && sqlite3_changes(st->db) == 0)
        rc = skpi__error(SKPI_ENOTFOUND, "%s: %s holds no delivery %lld being sent", what, st->path,
                         (long long)id);
    return skpi__store_write_end(st, rc, what);
}

/* ---- reading them back ---- */

typedef struct row {
    int64_t id;
    char *report, *format, *channel, *target, *message;
    char key[65];
    skpi_period period;
    int status;
    skpi_time started, finished;
} row;

struct skpi_store_deliveries {
    row *rows;
    size_t count;
};

void skpi_store_deliveries_free(skpi_store_deliveries *list)
{
    if (list == NULL) return;
    for (size_t i = 0; i < list->count; i++) {
        row *r = &list->rows[i];
        skpi__free(r->report);
        skpi__free(r->format);
        skpi__free(r->channel);
        skpi__free(r->target);
        skpi__free(r->message);
    }
    skpi__free(list->rows);
    skpi__free(list);
}

size_t skpi_store_deliveries_count(const skpi_store_deliveries *list) { return list ? list->count : 0; }

static char *text_at(sqlite3_stmt *s, int col, bool *failed)
{
    const char *t = (const char *)sqlite3_column_text(s, col);
    char *copy = t ? skpi__strdup(t) : NULL;
    if (copy == NULL) *failed = true;
    return copy;
}

static int read_row(row *r, sqlite3_stmt *s)
{
    bool failed = false;
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(s, 0);
    r->report = text_at(s, 1, &failed);
    r->period.start = sqlite3_column_int64(s, 2);
    r->period.end = sqlite3_column_int64(s, 3);
    r->format = text_at(s, 4, &failed);
    r->channel = text_at(s, 5, &failed);
    r->target = text_at(s, 6, &failed);
    const char *key = (const char *)sqlite3_column_text(s, 7);
    snprintf(r->key, sizeof r->key, "%s", key ? key : "");
    r->status = sqlite3_column_int(s, 8);
    r->message = text_at(s, 9, &failed);
    r->started = sqlite3_column_int64(s, 10);
    r->finished = sqlite3_column_int64(s, 11);
    return failed ? skpi__nomem() : SKPI_OK;
}

int skpi_store_list_deliveries(skpi_store_deliveries **out, skpi_store *st, const char *report,
                               skpi_period started)
{
    static const char what[] = "skpi_store_list_deliveries";
    if (out == NULL || st == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out ? "store" : "out");
    if (started.end < started.start)
        return skpi__error(SKPI_EINVAL, "%s: the period ends before it starts", what);
    skpi_store_deliveries *list = skpi__calloc(1, sizeof *list);
    if (list == NULL) return skpi__nomem();
    sqlite3_stmt *s;
    int rc = skpi__store_prepare(&s, st, "SELECT id, report, period_start, period_end, format, channel,"
                                 " target, target_key, status, message, started, coalesce(finished, 0)"
                                 " FROM delivery WHERE (?1 IS NULL OR report = ?1) AND started >= ?2"
                                 " AND started < ?3 ORDER BY started, id", what);
    size_t cap = 0;
    int src = SQLITE_DONE;
    if (rc == SKPI_OK) {
        skpi__store_bind_text(s, 1, report);
        sqlite3_bind_int64(s, 2, started.start);
        sqlite3_bind_int64(s, 3, started.end);
    }
    while (rc == SKPI_OK && (src = sqlite3_step(s)) == SQLITE_ROW) {
        if (list->count == cap) {
            size_t c = cap ? cap * 2 : 8;
            row *p = skpi__reallocarray(list->rows, c, sizeof *p);
            if (p == NULL) { rc = skpi__nomem(); break; }
            list->rows = p;
            cap = c;
        }
        rc = read_row(&list->rows[list->count], s);
        list->count++; /* freed with the list even when half filled */
    }
    if (rc == SKPI_OK && src != SQLITE_DONE) rc = skpi__store_sqlerr(st, src, what);
    sqlite3_finalize(s);
    if (rc != SKPI_OK) {
        skpi_store_deliveries_free(list);
        return rc;
    }
    *out = list;
    return SKPI_OK;
}

int skpi_store_deliveries_get(skpi_store_delivery *out, const skpi_store_deliveries *list, size_t index)
{
    static const char what[] = "skpi_store_deliveries_get";
    if (out == NULL || list == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, out ? "list" : "out");
    if (out->version != SKPI_STORE_DELIVERY_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: delivery version %u is unknown (this library knows %d)",
                           what, out->version, SKPI_STORE_DELIVERY_VERSION);
    if (index >= list->count)
        return skpi__error(SKPI_ERANGE, "%s: index %zu is past the %zu deliveries", what, index,
                           list->count);
    const row *r = &list->rows[index];
    out->id = r->id;
    out->report = r->report;
    out->period = r->period;
    out->format = r->format;
    out->channel = r->channel;
    out->target = r->target;
    out->target_key = r->key;
    out->status = r->status;
    out->message = r->message;
    out->started = r->started;
    out->finished = r->finished;
    return SKPI_OK;
}
