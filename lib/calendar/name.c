/* Period names as people write them ("March 2026", "Q1 2026", "week of
 * 2 March 2026", "2026"), month and weekday names in a locale through ICU
 * (udat, udatpg). The one place every human renderer's period words come
 * from (docs/locale.md, "Period names"). */
#include "calendar/civil.h"
#include "core/internal.h"
#include "core/locnum.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#define NAME_MAX_UCHARS 128

/* ICU pattern for a skeleton in the locale; without a locale the English
 * the reports always used, day before month ("2 March 2026"). */
static bool pattern_for(UChar *out, int32_t cap, const char *id, const char *skeleton,
                        const char *fixed)
{
    UErrorCode st = U_ZERO_ERROR;
    if (id == NULL) {
        u_uastrncpy(out, fixed, cap);
        return true;
    }
    UDateTimePatternGenerator *g = udatpg_open(id, &st);
    if (U_FAILURE(st)) return false;
    UChar sk[32];
    u_uastrncpy(sk, skeleton, 32);
    udatpg_getBestPattern(g, sk, -1, out, cap, &st);
    udatpg_close(g);
    return U_SUCCESS(st);
}

/* Format the civil date y-m-d with an ICU pattern into UTF-8. */
static bool format_date(char *out, size_t size, const char *id, const UChar *pattern, int64_t days)
{
    static const UChar utc[] = { 'U', 'T', 'C', 0 };
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, id ? id : "en", utc, -1, pattern, -1, &st);
    if (U_FAILURE(st)) return false;
    /* proleptic Gregorian, as our civil dates are, also before 1582 */
    UCalendar *cal = ucal_clone(udat_getCalendar(f), &st);
    if (U_SUCCESS(st)) ucal_setGregorianChange(cal, -8.64e15, &st);
    if (U_SUCCESS(st)) udat_setCalendar(f, cal);
    ucal_close(cal);
    if (U_FAILURE(st)) { udat_close(f); return false; }
    /* noon, so that no calendar rule can move the date */
    UDate when = ((double)days * 86400.0 + 43200.0) * 1000.0;
    UChar text[NAME_MAX_UCHARS];
    int32_t n = udat_format(f, when, text, NAME_MAX_UCHARS, NULL, &st);
    udat_close(f);
    if (U_FAILURE(st) || n >= NAME_MAX_UCHARS) return false;
    int32_t len = 0;
    u_strToUTF8(out, (int32_t)size, &len, text, n, &st);
    return U_SUCCESS(st) && (size_t)len < size;
}

static bool pattern_date(char *out, size_t size, const char *id, const char *skeleton,
                         const char *fixed, int64_t days)
{
    UChar pattern[64];
    return pattern_for(pattern, 64, id, skeleton, fixed) && format_date(out, size, id, pattern, days);
}

/* The week's wording with its first day in place of {date}. */
static void week_words(char *out, size_t size, const char *week, const char *date)
{
    const char *at = strstr(week, "{date}");
    if (at == NULL) { snprintf(out, size, "%s", week); return; }
    snprintf(out, size, "%.*s%s%s", (int)(at - week), week, date, at + 6);
}

/* The name of a period, long ("March 2026") or short for chart axes ("Mar 2026"). */
static int name_period(char *buf, size_t size, const skpi_calendar *cal, int cadence, skpi_time t,
                       const char *locale, const char *week, bool brief, const char *what)
{
    if (buf == NULL || cal == NULL)
        return skpi__error(SKPI_EMISUSE, "%s: %s is NULL", what, buf == NULL ? "buf" : "cal");
    if (size > 0) buf[0] = '\0';
    char id[ULOC_FULLNAME_CAPACITY];
    const char *loc = NULL;
    if (locale && locale[0]) {
        if (!skpi__locale_id(id, sizeof id, locale))
            return skpi__error(SKPI_EINVAL, "%s: \"%.60s\" is not a locale with data (use a language "
                               "tag such as de-DE, fr-FR or en-US)", what, locale);
        loc = id;
    }
    if (week && strstr(week, "{date}") == NULL)
        return skpi__error(SKPI_EINVAL, "%s: the week's wording \"%.60s\" has no {date}", what, week);
    skpi_period p;
    int rc = skpi__period_checked(&p, cal, cadence, t, what);
    if (rc != SKPI_OK) return rc;

    char text[256], date[160];
    int64_t first = skpi__local_day(cal, p.start);
    bool ok = true;
    switch (cadence) {
    case SKPI_CADENCE_DAY:
        ok = brief ? pattern_date(text, sizeof text, loc, "yMMMd", "d MMM y", first)
                   : pattern_date(text, sizeof text, loc, "yMMMMd", "d MMMM y", first);
        break;
    case SKPI_CADENCE_WEEK:
        /* a chart's week is its first day */
        if (brief) { ok = pattern_date(text, sizeof text, loc, "yMMMd", "d MMM y", first); break; }
        ok = pattern_date(date, sizeof date, loc, "yMMMMd", "d MMMM y", first);
        if (ok) week_words(text, sizeof text, week ? week : "week of {date}", date);
        break;
    case SKPI_CADENCE_MONTH:
        ok = brief ? pattern_date(text, sizeof text, loc, "yMMM", "MMM y", first)
                   : pattern_date(text, sizeof text, loc, "yMMMM", "MMMM y", first);
        break;
    default: {
        /* Quarters and years of a fiscal year that does not start in January
         * are named after the calendar year they end in, as labels are:
         * "Q1 FY2027", "FY2027". */
        int64_t fm = skpi__local_month(cal, p.start) - (cal->fiscal_start - 1);
        int64_t start_year = skpi__floor_div(fm, 12);
        int quarter = (int)(fm - start_year * 12) / 3 + 1;
        bool fiscal = cal->fiscal_start != 1;
        if (!fiscal && cadence == SKPI_CADENCE_QUARTER) {
            ok = pattern_date(text, sizeof text, loc, "yQQQ", "QQQ y", first);
        } else if (!fiscal) {
            ok = pattern_date(text, sizeof text, loc, "y", "y", first);
        } else if (cadence == SKPI_CADENCE_QUARTER) {
            /* the locale's short quarter ("Q1", "T1") of a day in that quarter */
            char q[64];
            UChar qq[4] = { 'Q', 'Q', 'Q', 0 };
            ok = format_date(q, sizeof q, loc, qq, skpi__days_from_civil(2001, (quarter - 1) * 3 + 1, 15));
            if (ok) snprintf(text, sizeof text, "%s FY%04d", q, (int)(start_year + 1));
        } else {
            snprintf(text, sizeof text, "FY%04d", (int)(start_year + 1));
        }
        break;
    }
    }
    if (!ok) return skpi__error(SKPI_EINVAL, "%s: ICU could not name the period in \"%s\"", what,
                                loc ? loc : "en");
    size_t need = strlen(text) + 1;
    if (size < need)
        return skpi__error(SKPI_ERANGE, "%s: buf holds %zu bytes; \"%s\" needs %zu", what, size,
                           text, need);
    memcpy(buf, text, need);
    return SKPI_OK;
}

int skpi_calendar_period_name(char *buf, size_t size, const skpi_calendar *cal, int cadence,
                              skpi_time t, const char *locale, const char *week)
{
    return name_period(buf, size, cal, cadence, t, locale, week, false, "skpi_calendar_period_name");
}

int skpi_calendar_period_short_name(char *buf, size_t size, const skpi_calendar *cal, int cadence,
                                    skpi_time t, const char *locale)
{
    return name_period(buf, size, cal, cadence, t, locale, NULL, true, "skpi_calendar_period_short_name");
}
