/* The calendar handle: creation, copying and its settings (time zone, week
 * start, fiscal year, rules for skipped and repeated local times). */
#include "calendar/civil.h"
#include "core/internal.h"

int skpi_calendar_new(skpi_calendar **out)
{
    if (out == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_calendar_new: out is NULL");
    skpi_calendar *cal = skpi__malloc(sizeof *cal);
    if (cal == NULL) return skpi__nomem();
    cal->offset_s = 0;
    cal->week_start = SKPI_MONDAY;
    cal->fiscal_start = 1;
    cal->skipped = SKPI_LOCAL_TIME_REJECT;
    cal->repeated = SKPI_LOCAL_TIME_REJECT;
    cal->zone = NULL;
    *out = cal;
    return SKPI_OK;
}

void skpi_calendar_free(skpi_calendar *cal)
{
    if (cal == NULL) return;
    skpi__zone_free(cal->zone);
    skpi__free(cal);
}

int skpi_calendar_clone(skpi_calendar **out, const skpi_calendar *cal)
{
    if (out == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_calendar_clone: out is NULL");
    if (cal == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_calendar_clone: cal is NULL");
    skpi_calendar *copy = skpi__malloc(sizeof *copy);
    if (copy == NULL) return skpi__nomem();
    *copy = *cal;
    copy->zone = NULL;
    if (cal->zone != NULL) {
        int rc = skpi__zone_clone(&copy->zone, cal->zone);
        if (rc != SKPI_OK) {
            skpi__free(copy);
            return rc;
        }
    }
    *out = copy;
    return SKPI_OK;
}

int skpi_calendar_set_utc_offset(skpi_calendar *cal, int minutes)
{
    if (cal == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_calendar_set_utc_offset: cal is NULL");
    if (minutes < -1080 || minutes > 1080)
        return skpi__error(SKPI_ERANGE,
                           "skpi_calendar_set_utc_offset: %d minutes is outside -1080 to +1080 (18 hours either way)",
                           minutes);
    cal->offset_s = minutes * 60;
    skpi__zone_free(cal->zone);
    cal->zone = NULL;
    return SKPI_OK;
}

int skpi_calendar_utc_offset(const skpi_calendar *cal)
{
    return cal && cal->zone == NULL ? cal->offset_s / 60 : 0;
}

int skpi_calendar_set_time_zone(skpi_calendar *cal, const char *zone)
{
    static const char what[] = "skpi_calendar_set_time_zone";
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "%s: cal is NULL", what);
    if (zone == NULL) return skpi__error(SKPI_EMISUSE, "%s: zone is NULL", what);
    skpi__zone *z;
    int rc = skpi__zone_open(&z, zone, what);
    if (rc != SKPI_OK) return rc;
    skpi__zone_free(cal->zone);
    cal->zone = z;
    cal->offset_s = 0;
    return SKPI_OK;
}

const char *skpi_calendar_time_zone(const skpi_calendar *cal)
{
    return cal && cal->zone ? cal->zone->name : NULL;
}

int skpi_calendar_offset_at(int *out, const skpi_calendar *cal, skpi_time t)
{
    static const char what[] = "skpi_calendar_offset_at";
    if (out == NULL) return skpi__error(SKPI_EMISUSE, "%s: out is NULL", what);
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "%s: cal is NULL", what);
    if (!skpi__time_in_range(t)) return skpi__time_range_error(what, t);
    *out = skpi__offset_at(cal, t);
    return SKPI_OK;
}

static int set_rule(int32_t *field, int rule, const char *what)
{
    if (rule < SKPI_LOCAL_TIME_REJECT || rule > SKPI_LOCAL_TIME_LATER)
        return skpi__error(SKPI_EINVAL, "%s: rule %d is not 0 (reject), 1 (earlier) or "
                           "2 (later)", what, rule);
    *field = rule;
    return SKPI_OK;
}

int skpi_calendar_set_skipped_time(skpi_calendar *cal, int rule)
{
    static const char what[] = "skpi_calendar_set_skipped_time";
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "%s: cal is NULL", what);
    return set_rule(&cal->skipped, rule, what);
}

int skpi_calendar_skipped_time(const skpi_calendar *cal)
{
    return cal ? cal->skipped : SKPI_LOCAL_TIME_REJECT;
}

int skpi_calendar_set_repeated_time(skpi_calendar *cal, int rule)
{
    static const char what[] = "skpi_calendar_set_repeated_time";
    if (cal == NULL) return skpi__error(SKPI_EMISUSE, "%s: cal is NULL", what);
    return set_rule(&cal->repeated, rule, what);
}

int skpi_calendar_repeated_time(const skpi_calendar *cal)
{
    return cal ? cal->repeated : SKPI_LOCAL_TIME_REJECT;
}

int skpi_calendar_set_week_start(skpi_calendar *cal, int weekday)
{
    if (cal == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_calendar_set_week_start: cal is NULL");
    if (weekday < SKPI_MONDAY || weekday > SKPI_SUNDAY)
        return skpi__error(SKPI_EINVAL,
                           "skpi_calendar_set_week_start: weekday %d is not 1 (Monday) to 7 (Sunday)",
                           weekday);
    cal->week_start = weekday;
    return SKPI_OK;
}

int skpi_calendar_week_start(const skpi_calendar *cal)
{
    return cal ? cal->week_start : SKPI_MONDAY;
}

int skpi_calendar_set_fiscal_year_start(skpi_calendar *cal, int month)
{
    if (cal == NULL)
        return skpi__error(SKPI_EMISUSE, "skpi_calendar_set_fiscal_year_start: cal is NULL");
    if (month < 1 || month > 12)
        return skpi__error(SKPI_ERANGE,
                           "skpi_calendar_set_fiscal_year_start: month %d is not 1 to 12", month);
    cal->fiscal_start = month;
    return SKPI_OK;
}

int skpi_calendar_fiscal_year_start(const skpi_calendar *cal)
{
    return cal ? cal->fiscal_start : 1;
}
