/* The document's locale (the shape of its numbers) and its time zone (said
 * in every format). */
#include "doc/doc_internal.h"
#include "core/locnum.h"

#include <string.h>

int skpi_doc_set_locale(skpi_doc *doc, const char *locale)
{
    static const char what[] = "skpi_doc_set_locale";
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "%s: doc is NULL", what);
    if (locale == NULL || locale[0] == '\0') {
        doc->locale = NULL;
        return SKPI_OK;
    }
    int rc = skpi__locale_check(locale, what);
    if (rc != SKPI_OK) return rc;
    const char *copy = skpi__arena_strdup(&doc->arena, locale);
    if (copy == NULL) return skpi__nomem();
    doc->locale = copy;
    return SKPI_OK;
}

const char *skpi_doc_locale(const skpi_doc *doc) { return doc ? doc->locale : NULL; }

int skpi_doc_set_time_zone(skpi_doc *doc, const char *zone)
{
    static const char what[] = "skpi_doc_set_time_zone";
    if (doc == NULL) return skpi__error(SKPI_EMISUSE, "%s: doc is NULL", what);
    if (zone == NULL || zone[0] == '\0') {
        doc->time_zone = NULL;
        return SKPI_OK;
    }
    size_t n = strlen(zone);
    bool ok = n <= 64;
    for (size_t i = 0; ok && i < n; i++) ok = zone[i] > 0x20 && zone[i] < 0x7F;
    if (!ok)
        return skpi__error(SKPI_EINVAL, "%s: expected a zone name such as Europe/Berlin or "
                           "UTC+01:00 (printable ASCII without spaces, at most 64 bytes)", what);
    const char *copy = skpi__arena_strdup(&doc->arena, zone);
    if (copy == NULL) return skpi__nomem();
    doc->time_zone = copy;
    return SKPI_OK;
}

const char *skpi_doc_time_zone(const skpi_doc *doc) { return doc ? doc->time_zone : NULL; }
