/* The delivery sinks' callback table, and skpi_deliver_discard(): a
 * delivery sink freed without sending. */
#include "deliver/deliver_internal.h"

void skpi_deliver_discard(skpi_sink *sink)
{
    if (sink == NULL || sink->version != SKPI_SINK_VERSION) return;
    if (sink->close == skpi__mail_close) skpi__mail_discard(sink->userdata);
    else if (sink->close == skpi__webhook_close) skpi__webhook_discard(sink->userdata);
    else return;
    sink->write = NULL;
    sink->close = NULL;
}

void skpi__deliver_sink(skpi_sink *out, int (*write)(void *, const void *, size_t), int (*close)(void *),
                        void *userdata)
{
    skpi_sink sink = SKPI_SINK_INIT;
    sink.write = write;
    sink.close = close;
    sink.userdata = userdata;
    *out = sink;
}
