/* Prints what the library makes of every day and month of a span of years in
 * an IANA zone, for tests/python/test_zone_boundaries.py to check against
 * Python's zoneinfo. Usage: zone_boundaries ZONE FIRST_YEAR LAST_YEAR
 *   D label start end parsed formatted   one line per day: the period's label
 *                                        and UTC bounds, the day's date parsed
 *                                        in the zone, its start formatted
 *   M label start end                    one line per month
 * Each period is found from the previous one's end, as a report walks them. */
#include <socialkpi.h>

#include <stdio.h>
#include <stdlib.h>

static int die(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, skpi_last_error());
    return 1;
}

static int walk(const skpi_calendar *cal, int cadence, skpi_time from, skpi_time to)
{
    char label[32], date[32], formatted[32];
    for (skpi_time t = from; t < to;) {
        skpi_period p;
        if (skpi_calendar_period(&p, cal, cadence, t) != SKPI_OK) return die("period");
        if (skpi_calendar_label(label, sizeof label, cal, cadence, t) != SKPI_OK) return die("label");
        if (cadence == SKPI_CADENCE_MONTH) {
            printf("M %s %lld %lld\n", label, (long long)p.start, (long long)p.end);
        } else {
            skpi_time parsed;
            if (skpi_calendar_format_date(date, sizeof date, cal, p.start) != SKPI_OK)
                return die("format_date");
            if (skpi_calendar_parse(&parsed, cal, date) != SKPI_OK) return die("parse");
            if (skpi_calendar_format(formatted, sizeof formatted, cal, p.start) != SKPI_OK)
                return die("format");
            printf("D %s %lld %lld %lld %s\n", label, (long long)p.start, (long long)p.end,
                   (long long)parsed, formatted);
        }
        t = p.end;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: zone_boundaries ZONE FIRST_YEAR LAST_YEAR\n");
        return 2;
    }
    skpi_calendar *cal;
    if (skpi_calendar_new(&cal) != SKPI_OK) return die("calendar");
    if (skpi_calendar_set_time_zone(cal, argv[1]) != SKPI_OK) return die("time zone");
    char first[32], after[32];
    snprintf(first, sizeof first, "%04d-01-01", atoi(argv[2]));
    snprintf(after, sizeof after, "%04d-01-01", atoi(argv[3]) + 1);
    skpi_time from, to;
    if (skpi_calendar_parse(&from, cal, first) != SKPI_OK) return die(first);
    if (skpi_calendar_parse(&to, cal, after) != SKPI_OK) return die(after);
    int rc = walk(cal, SKPI_CADENCE_DAY, from, to);
    if (rc == 0) rc = walk(cal, SKPI_CADENCE_MONTH, from, to);
    skpi_calendar_free(cal);
    return rc;
}
