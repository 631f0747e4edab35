/* The calendar handle: creation, copying and its three settings. */
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
    *out = cal;
    return SKPI_OK;
}

void skpi_calendar_free(skpi_calendar *cal)
{
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
    return SKPI_OK;
}

int skpi_calendar_utc_offset(const skpi_calendar *cal)
{
    return cal ? cal->offset_s / 60 : 0;
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
