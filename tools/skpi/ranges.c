/* --from, --to, --range-name and --compare*: a report over an explicit
 * range, compared with the range before, a year earlier or a named range
 * (docs/skpi.md, "Date ranges"). */
#define _POSIX_C_SOURCE 200809L
#include "skpi.h"

#include <stdio.h>
#include <string.h>

/* A whole day of the report's calendar: [start of `from`, start of the day after `to`). */
static int days(skpi_period *out, const skpi_calendar *cal, const char *from, const char *to,
                const char *flag_from, const char *flag_to)
{
    char msg[160];
    if (skpi_calendar_parse(&out->start, cal, from) != SKPI_OK) {
        snprintf(msg, sizeof msg, "--%s: '%.40s' is not a date like 2026-03-01", flag_from, from);
        skpi_error_set(msg);
        return SKPI_EINVAL;
    }
    out->end = SKPI_TIME_END;
    if (to == NULL) return SKPI_OK;
    skpi_time last;
    skpi_period next;
    if (skpi_calendar_parse(&last, cal, to) != SKPI_OK ||
        skpi_calendar_next(&next, cal, SKPI_CADENCE_DAY, last) != SKPI_OK) {
        snprintf(msg, sizeof msg, "--%s: '%.40s' is not a date like 2026-03-15", flag_to, to);
        skpi_error_set(msg);
        return SKPI_EINVAL;
    }
    out->end = next.start;
    if (out->end <= out->start) {
        snprintf(msg, sizeof msg, "--%s %.40s ends the range before --%s %.40s starts it", flag_to, to,
                 flag_from, from);
        skpi_error_set(msg);
        return SKPI_EINVAL;
    }
    return SKPI_OK;
}

static int comparisons(unsigned *out, const char *text)
{
    *out = 0;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", text);
    for (char *save = NULL, *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        if (strcmp(w, "previous") == 0) *out |= SKPI_COMPARE_PREVIOUS;
        else if (strcmp(w, "year") == 0 || strcmp(w, "year_earlier") == 0) *out |= SKPI_COMPARE_YEAR_EARLIER;
        else if (strcmp(w, "none") != 0) return -1;
    }
    return 0;
}

int apply_range_options(skpi_report *report, const report_cli *cli)
{
    const skpi_calendar *cal = skpi_report_calendar(report);
    skpi_period p;
    int rc = SKPI_OK;
    if (cli->to && !cli->from) {
        skpi_error_set("--to needs --from, the range's first day");
        return SKPI_EINVAL;
    }
    if (cli->from) {
        rc = days(&p, cal, cli->from, cli->to, "from", "to");
        if (rc == SKPI_OK) rc = skpi_report_set_range(report, &p, cli->range_name);
        /* Without --as-of, a closed range is seen as of its end. */
        if (rc == SKPI_OK && cli->to && !cli->as_of) rc = skpi_report_set_as_of(report, p.end);
    }
    if (rc == SKPI_OK && cli->compare) {
        unsigned flags;
        if (comparisons(&flags, cli->compare) != 0) {
            skpi_error_set("--compare: expected previous, year, none, or previous,year");
            return SKPI_EINVAL;
        }
        rc = skpi_report_set_comparisons(report, flags);
    }
    if (rc == SKPI_OK && (cli->compare_from || cli->compare_to)) {
        if (!cli->compare_from || !cli->compare_to) {
            skpi_error_set("a named comparison range needs both --compare-from and --compare-to");
            return SKPI_EINVAL;
        }
        rc = days(&p, cal, cli->compare_from, cli->compare_to, "compare-from", "compare-to");
        if (rc == SKPI_OK) rc = skpi_report_set_comparison_range(report, &p, cli->compare_name);
    }
    return rc;
}
