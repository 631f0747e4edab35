/* A report's locale and the getter of its calendar. */
#include "report/report_internal.h"
#include "core/locnum.h"

#include <string.h>

const skpi_calendar *skpi_report_calendar(const skpi_report *r) { return r ? r->cal : NULL; }

int skpi_report_set_locale(skpi_report *r, const char *locale)
{
    static const char what[] = "skpi_report_set_locale";
    if (r == NULL) return skpi__error(SKPI_EMISUSE, "%s: report is NULL", what);
    if (locale == NULL || locale[0] == '\0') {
        r->locale[0] = '\0';
        return SKPI_OK;
    }
    int rc = skpi__locale_check(locale, what);
    if (rc != SKPI_OK) return rc;
    strcpy(r->locale, locale);
    return SKPI_OK;
}

const char *skpi_report_locale(const skpi_report *r)
{
    return r && r->locale[0] ? r->locale : NULL;
}
