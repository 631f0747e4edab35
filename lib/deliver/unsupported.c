/* The delivery API of a library built without SKPI_WITH_CURL: each call
 * says which build option it needs. */
#include "core/internal.h"
#include "socialkpi/deliver.h"

#ifndef SKPI_WITH_CURL

#include <string.h>

static int unsupported(const char *fn)
{
    return skpi__error(SKPI_EUNSUPPORTED, "%s: this library was built without the delivery sinks "
                       "(build option SKPI_WITH_CURL is OFF)", fn);
}

int skpi_deliver_supported(void) { return 0; }

int skpi_sink_mail(skpi_sink *out, const skpi_mail_options *options)
{
    (void)out;
    (void)options;
    return unsupported("skpi_sink_mail");
}

int skpi_sink_webhook(skpi_sink *out, const skpi_webhook_options *options)
{
    (void)out;
    (void)options;
    return unsupported("skpi_sink_webhook");
}

void skpi_deliver_discard(skpi_sink *sink) { (void)sink; }

int skpi_deliver_redact_url(char **out, const char *url)
{
    (void)out;
    (void)url;
    return unsupported("skpi_deliver_redact_url");
}

#endif
