/* The sink callback table: initialisation, checked write and close. */
#include "sink_internal.h"

#include <string.h>

int skpi_sink_init(skpi_sink *sink, unsigned version)
{
    if (sink == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_sink_init: sink is NULL");
    if (version != SKPI_SINK_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_sink_init: version %u is unknown (this library knows %d)",
                           version, SKPI_SINK_VERSION);
    memset(sink, 0, sizeof *sink);
    sink->version = version;
    return SKPI_OK;
}

int skpi__sink_check(const skpi_sink *sink, const char *fn)
{
    if (sink == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: sink is NULL", fn);
    if (sink->version != SKPI_SINK_VERSION)
        return skpi__error(SKPI_EVERSION, "%s: sink version %u is unknown (this library knows %d)",
                           fn, sink->version, SKPI_SINK_VERSION);
    if (sink->write == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: the sink has no write callback (closed already?)", fn);
    return SKPI_OK;
}

/* Built-in sinks return an skpi error code with the message already set;
 * host callbacks fall under the callback contract. */
static bool is_builtin_write(int (*fn)(void *, const void *, size_t))
{
    return fn == skpi__sink_file_write || fn == skpi__sink_stdio_write || fn == skpi__sink_memory_write;
}

static bool is_builtin_close(int (*fn)(void *))
{
    return fn == skpi__sink_file_close || fn == skpi__sink_stdio_close;
}

int skpi__sink_put(const skpi_sink *sink, const void *bytes, size_t len)
{
    if (len == 0) return SKPI_OK;
    skpi__callback_begin();
    int rc = sink->write(sink->userdata, bytes, len);
    if (rc == 0) return SKPI_OK;
    if (is_builtin_write(sink->write)) return rc;
    return skpi__callback_failed(rc, "sink write");
}

int skpi__sink_finish(skpi_sink *sink)
{
    int (*fn)(void *) = sink->close;
    sink->write = NULL;
    sink->close = NULL;
    if (fn == NULL) return SKPI_OK;
    skpi__callback_begin();
    int rc = fn(sink->userdata);
    if (rc == 0) return SKPI_OK;
    if (is_builtin_close(fn)) return rc;
    return skpi__callback_failed(rc, "sink close");
}

int skpi_sink_write(const skpi_sink *sink, const void *bytes, size_t len)
{
    int rc = skpi__sink_check(sink, "skpi_sink_write");
    if (rc != SKPI_OK) return rc;
    if (bytes == NULL && len > 0)
        return skpi__error(SKPI_EMISUSE, "skpi_sink_write: bytes is NULL");
    return skpi__sink_put(sink, bytes, len);
}

int skpi_sink_close(skpi_sink *sink)
{
    if (sink == NULL) return SKPI_OK;
    if (sink->version != SKPI_SINK_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_sink_close: sink version %u is unknown (this library knows %d)",
                           sink->version, SKPI_SINK_VERSION);
    return skpi__sink_finish(sink);
}
