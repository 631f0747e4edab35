/* The initialisers of the delivery options. */
#include "core/internal.h"
#include "socialkpi/deliver.h"

/* The option initialisers work in every build, so that a host can fill
 * its options before it learns that sending is not built in. */
int skpi_mail_options_init(skpi_mail_options *options, unsigned version)
{
    if (options == NULL) return skpi__error(SKPI_EMISUSE, "skpi_mail_options_init: options is NULL");
    if (version != SKPI_MAIL_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_mail_options_init: version %u is unknown (this library "
                           "knows %d)", version, SKPI_MAIL_OPTIONS_VERSION);
    skpi_mail_options init = SKPI_MAIL_OPTIONS_INIT;
    *options = init;
    return SKPI_OK;
}

int skpi_webhook_options_init(skpi_webhook_options *options, unsigned version)
{
    if (options == NULL) return skpi__error(SKPI_EMISUSE, "skpi_webhook_options_init: options is NULL");
    if (version != SKPI_WEBHOOK_OPTIONS_VERSION)
        return skpi__error(SKPI_EVERSION, "skpi_webhook_options_init: version %u is unknown (this "
                           "library knows %d)", version, SKPI_WEBHOOK_OPTIONS_VERSION);
    skpi_webhook_options init = SKPI_WEBHOOK_OPTIONS_INIT;
    *options = init;
    return SKPI_OK;
}
