/* Days in the reports' zone and times in the export's zone: the import's
 * only use of time zones, through the calendar's public API. */
#include "import/days.h"
#include "socialkpi/import.h"

#include <stdbool.h>

static int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

static int32_t offset_at(const skpi_calendar *cal, skpi_time t)
{
    int off = 0;
    if (skpi_calendar_offset_at(&off, cal, t) != SKPI_OK) return 0;
    return off;
}

int64_t skpi__days_index(const skpi__days *f, skpi_time t)
{
    int32_t off = f->cal ? offset_at(f->cal, t) : f->offset_s;
    return floor_div(t + off, 86400);
}

skpi_time skpi__days_start(const skpi__days *f, int64_t day)
{
    if (f->cal == NULL) return day * 86400 - f->offset_s;
    /* noon of that day is inside it in every zone; the calendar gives the
     * day's bounds, 23 or 25 hours long where clocks change */
    skpi_time noon = skpi__zone_local(f->cal, day * 86400 + 43200);
    skpi_period p;
    if (skpi_calendar_period(&p, f->cal, SKPI_CADENCE_DAY, noon) != SKPI_OK)
        return day * 86400 - offset_at(f->cal, noon);
    return p.start;
}

skpi_time skpi__zone_local(const skpi_calendar *src, skpi_time local)
{
    /* the offsets a day before and a day after: a local time is read with
     * one that is in force at the instant it gives (the earlier of two in
     * a repeated hour); in a skipped hour neither is, and the offset
     * before the change is taken */
    int32_t before = offset_at(src, local - 86400), after = offset_at(src, local + 86400);
    skpi_time t1 = local - before, t2 = local - after;
    bool ok1 = offset_at(src, t1) == before, ok2 = offset_at(src, t2) == after;
    if (ok1 && ok2) return t1 < t2 ? t1 : t2;
    if (ok2 && !ok1) return t2;
    return t1;
}

const char *skpi__preset_zone(int preset)
{
    switch (preset) {
    /* Meta's daily page files and YouTube Studio count days in Pacific time */
    case SKPI_IMPORT_META_DAILY:
    case SKPI_IMPORT_YOUTUBE_TABLE:
    case SKPI_IMPORT_YOUTUBE_CHART:
    case SKPI_IMPORT_YOUTUBE_VIDEOS:
        return "America/Los_Angeles";
    default:
        return "UTC";
    }
}
