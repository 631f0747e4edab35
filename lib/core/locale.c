/* The C locale that messages, assembly and renderers run under, so that
 * snprintf writes '.' whatever setlocale the host chose. */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"

#include <locale.h>
#include <stdatomic.h>

/* One C locale object for the process, made on first use and never freed
 * (it is immutable and may be used by any number of threads at once). */
static _Atomic(locale_t) c_locale;

static locale_t get_c_locale(void)
{
    locale_t loc = atomic_load(&c_locale);
    if (loc != (locale_t)0) return loc;
    loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (loc == (locale_t)0) return loc;
    locale_t expected = (locale_t)0;
    if (!atomic_compare_exchange_strong(&c_locale, &expected, loc)) {
        freelocale(loc);
        loc = expected;
    }
    return loc;
}

int skpi__locale_enter(void **saved)
{
    locale_t loc = get_c_locale();
    if (loc == (locale_t)0) return skpi__nomem();
    *saved = (void *)uselocale(loc);
    return SKPI_OK;
}

void skpi__locale_leave(void *saved)
{
    uselocale((locale_t)saved);
}

void skpi__locale_c(void)
{
    uselocale(atomic_load(&c_locale));
}
