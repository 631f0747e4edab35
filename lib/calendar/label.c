/* Period labels: 2026-11-22, 2026-W47, 2026-11, 2026-Q4 / FY2027-Q1, 2026 / FY2027. */
#include "calendar/civil.h"
#include "core/internal.h"

#include <stdio.h>
#include <string.h>

#define SKPI__LABEL_SIZE 32

size_t skpi_calendar_label_size(void) { return SKPI__LABEL_SIZE; }

/* A week belongs to the year of its middle (fourth) day: that year holds at
 * least four of its seven days, whatever day the week starts on. Week 1 is
 * the week holding 4 January, the first whose middle day falls in the year. */
static void week_label(char *text, const skpi_calendar *cal, skpi_time start)
{
    int64_t first = skpi__local_day(cal, start);
    int64_t y;
    int m, d;
    skpi__civil_from_days(first + 3, &y, &m, &d);
    int64_t jan4 = skpi__days_from_civil(y, 1, 4);
    int64_t back = jan4 + 4 - cal->week_start;
    back -= skpi__floor_div(back, 7) * 7;
    int64_t week1 = jan4 - back;
    snprintf(text, SKPI__LABEL_SIZE, "%04d-W%02d", (int)y, (int)((first - week1) / 7 + 1));
}

/* Fiscal years are named after the calendar year in which they end; with a
 * January start that is the year itself, and no "FY" prefix is written. */
static void fiscal_label(char *text, const skpi_calendar *cal, int cadence, skpi_time t)
{
    int64_t fm = skpi__local_month(cal, t) - (cal->fiscal_start - 1);
    int64_t start_year = skpi__floor_div(fm, 12);
    int quarter = (int)(fm - start_year * 12) / 3 + 1;
    bool fiscal = cal->fiscal_start != 1;
    int name = (int)(fiscal ? start_year + 1 : start_year);
    if (cadence == SKPI_CADENCE_QUARTER)
        snprintf(text, SKPI__LABEL_SIZE, "%s%04d-Q%d", fiscal ? "FY" : "", name, quarter);
    else
        snprintf(text, SKPI__LABEL_SIZE, "%s%04d", fiscal ? "FY" : "", name);
}

int skpi_calendar_label(char *buf, size_t size, const skpi_calendar *cal, int cadence,
                        skpi_time t)
{
    static const char what[] = "skpi_calendar_label";
    if (buf == NULL) return skpi__error(SKPI_EMISUSE, "%s: buf is NULL", what);
    if (size > 0) buf[0] = '\0';
    /* A label names a period, so it exists exactly when the period does. */
    skpi_period p;
    int rc = skpi__period_checked(&p, cal, cadence, t, what);
    if (rc != SKPI_OK) return rc;

    char text[SKPI__LABEL_SIZE];
    int64_t y;
    int m, d;
    switch (cadence) {
    case SKPI_CADENCE_DAY:
    case SKPI_CADENCE_MONTH:
        /* the local day whose bounds hold t, as the period does */
        skpi__civil_from_days(skpi__local_day(cal, t), &y, &m, &d);
        if (cadence == SKPI_CADENCE_DAY)
            snprintf(text, sizeof text, "%04d-%02d-%02d", (int)y, m, d);
        else
            snprintf(text, sizeof text, "%04d-%02d", (int)y, m);
        break;
    case SKPI_CADENCE_WEEK:
        week_label(text, cal, p.start);
        break;
    default:
        fiscal_label(text, cal, cadence, t);
        break;
    }
    size_t need = strlen(text) + 1;
    if (size < need)
        return skpi__error(SKPI_ERANGE, "%s: buf holds %zu bytes; the label \"%s\" needs %zu",
                           what, size, text, need);
    memcpy(buf, text, need);
    return SKPI_OK;
}
