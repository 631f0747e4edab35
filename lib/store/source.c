/* The store as a data source: a dataset's fetches read chunks on demand. */
#include "store/store_internal.h"
#include "core/internal.h"

#include <string.h>

/* The dataset replaces a callback's error with "source callback returned N"
 * unless the callback set the message itself, so the store's own message is
 * handed back through skpi_error_set(). */
static int fail(void)
{
    char copy[512];
    const char *m = skpi_last_error();
    size_t n = strlen(m);
    if (n >= sizeof copy) n = sizeof copy - 1;
    memcpy(copy, m, n);
    copy[n] = '\0';
    skpi_error_set(copy);
    return -1;
}

static int fetch(skpi_fetch *request, void *userdata)
{
    static const char what[] = "store source";
    skpi_store *st = userdata;
    const char *metric = skpi_fetch_metric(request);
    const char *channel = skpi_fetch_channel(request);
    skpi_period period = skpi_fetch_period(request);
    if (metric == NULL || channel == NULL) {
        skpi_error_set("store source: the request names no metric or channel");
        return -1;
    }
    if (period.end <= period.start) return 0;
    sqlite3_int64 series;
    int rc = skpi__store_series_id(&series, st, metric, channel, 0, what);
    if (rc != SKPI_OK) return fail();
    if (series == 0) return 0;
    skpi_time *t = NULL;
    double *v = NULL;
    size_t n = 0;
    rc = skpi__store_read_points(&t, &v, &n, st, series, period, what);
    if (rc == SKPI_OK && n > 0) rc = skpi_fetch_append(request, t, v, n);
    skpi__free(t);
    skpi__free(v);
    return rc == SKPI_OK ? 0 : fail();
}

int skpi_store_source(skpi_source *out, skpi_store *st)
{
    if (out == NULL || st == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_store_source: %s is NULL", out ? "store" : "out");
    skpi_source s = SKPI_SOURCE_INIT;
    s.fetch = fetch;
    s.userdata = st;
    *out = s;
    return SKPI_OK;
}
