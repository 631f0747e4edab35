/* libcurl's process-wide set-up, done once: curl_global_init() is not
 * safe to call from several threads at once. Never torn down, since other
 * code in the process may use libcurl too. */
#include "deliver/deliver_internal.h"

#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static CURLcode init_result = CURLE_FAILED_INIT;

static void init(void) { init_result = curl_global_init(CURL_GLOBAL_DEFAULT); }

int skpi__curl_init(void)
{
    pthread_once(&once, init);
    if (init_result != CURLE_OK)
        return skpi__error(SKPI_EIO, "libcurl cannot be set up: %s", curl_easy_strerror(init_result));
    return SKPI_OK;
}

int skpi_deliver_supported(void) { return 1; }
