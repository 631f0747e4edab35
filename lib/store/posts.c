/* Posts and their per-post metric values. */
#include "store/store_internal.h"
#include "core/civil.h"
#include "core/internal.h"

#include <math.h>

int skpi__store_put_post(skpi_store *st, const char *channel, const char *id,
                         skpi_time published, const char *type, const char *text,
                         const char *link, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_stmt(&s, st, SKPI__Q_POST_UPSERT, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, channel, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, published);
    sqlite3_bind_text(s, 4, type ? type : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, text ? text : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, link ? link : "", -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    return src == SQLITE_DONE ? SKPI_OK : skpi__store_sqlerr(st, src, what);
}

int skpi_store_write_post(skpi_store *st, const char *channel, const char *id,
                          skpi_time published, const char *type, const char *text,
                          const char *link)
{
    static const char what[] = "skpi_store_write_post";
    if (st == NULL || channel == NULL || id == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what,
                           st == NULL ? "store" : channel == NULL ? "channel" : "id");
    int rc = skpi__store_check_channel(channel, what);
    if (rc != SKPI_OK) return rc;
    if (id[0] == '\0') return skpi__error(SKPI_EINVAL, "%s: the post id is empty", what);
    if (!skpi__time_in_range(published))
        return skpi__error(SKPI_ERANGE, "%s: published = %lld is outside years 1 to 9999", what,
                           (long long)published);
    rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = skpi__store_put_post(st, channel, id, published, type, text, link, what);
    return skpi__store_write_end(st, rc, what);
}

int skpi__store_put_post_value(skpi_store *st, const char *channel, const char *id,
                               const char *metric, double value, const char *what)
{
    sqlite3_stmt *s;
    int rc = skpi__store_stmt(&s, st, SKPI__Q_POST_FIND, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(s, 1, channel, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, id, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    sqlite3_int64 post = src == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (src != SQLITE_ROW && src != SQLITE_DONE) return skpi__store_sqlerr(st, src, what);
    if (post == 0)
        return skpi__error(SKPI_ENOTFOUND, "%s: %s holds no post \"%s\" on \"%s\"", what,
                           st->path, id, channel);
    rc = skpi__store_stmt(&s, st, isnan(value) ? SKPI__Q_POST_VALUE_CLEAR : SKPI__Q_POST_VALUE_SET,
                          what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_int64(s, 1, post);
    sqlite3_bind_text(s, 2, metric, -1, SQLITE_STATIC);
    if (!isnan(value)) sqlite3_bind_double(s, 3, value);
    src = sqlite3_step(s);
    sqlite3_reset(s);
    return src == SQLITE_DONE ? SKPI_OK : skpi__store_sqlerr(st, src, what);
}

/* One statement on a post named by channel and id, with more bound from ?3. */
static int post_statement(sqlite3_stmt **s, skpi_store *st, int q, const char *channel,
                          const char *id, const char *what)
{
    int rc = skpi__store_stmt(s, st, q, what);
    if (rc != SKPI_OK) return rc;
    sqlite3_bind_text(*s, 1, channel, -1, SQLITE_STATIC);
    sqlite3_bind_text(*s, 2, id, -1, SQLITE_STATIC);
    return SKPI_OK;
}

int skpi__store_put_post_tags(skpi_store *st, const skpi_post *post, const char *what)
{
    const char *channel = skpi_post_channel(post), *id = skpi_post_id(post);
    sqlite3_stmt *s;
    int rc = post_statement(&s, st, SKPI__Q_POST_TAGS_CLEAR, channel, id, what);
    if (rc != SKPI_OK) return rc;
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    size_t n = skpi_post_tag_count(post);
    for (size_t i = 0; i < n && src == SQLITE_DONE; i++) {
        if ((rc = post_statement(&s, st, SKPI__Q_POST_TAG_ADD, channel, id, what)) != SKPI_OK) return rc;
        sqlite3_bind_int64(s, 3, (sqlite3_int64)i);
        sqlite3_bind_text(s, 4, skpi_post_tag(post, i), -1, SQLITE_STATIC);
        src = sqlite3_step(s);
        sqlite3_reset(s);
    }
    return src == SQLITE_DONE ? SKPI_OK : skpi__store_sqlerr(st, src, what);
}

int skpi_store_write_post_value(skpi_store *st, const char *channel, const char *id,
                                const char *metric, double value)
{
    static const char what[] = "skpi_store_write_post_value";
    if (st == NULL || channel == NULL || id == NULL || metric == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: a required argument is NULL", what);
    int rc = skpi__store_check_metric(metric, what);
    if (rc != SKPI_OK) return rc;
    if (isinf(value))
        return skpi__error(SKPI_EINVAL, "%s: the value of \"%s\" is infinite", what, metric);
    rc = skpi__store_write_begin(st, what);
    if (rc != SKPI_OK) return rc;
    rc = skpi__store_put_post_value(st, channel, id, metric, value, what);
    return skpi__store_write_end(st, rc, what);
}
