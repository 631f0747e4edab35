/* libFuzzer target for dates and periods. An input is a UTC offset (2
 * bytes), a week start and a fiscal year start (1 byte each), then the text
 * of a date or date-time. A text that parses must format and parse back to
 * the same time, at UTC and at the calendar's offset; its date alone must
 * parse back to the start of that day; and each cadence's period must hold
 * the time, have a label, and meet its neighbours end to start. */
#include <socialkpi.h>

#include "fuzz_input.h"

static void check_round_trip(skpi_time t, int offset)
{
    char buf[32];
    skpi_time back;
    /* a time near year 1 or 9999 may have no local date at the offset */
    int rc = skpi_time_format(buf, sizeof buf, t, offset);
    FUZZ_CHECK(rc == SKPI_OK || (rc == SKPI_ERANGE && offset != 0));
    if (rc != SKPI_OK) return;
    FUZZ_CHECK(skpi_time_parse(&back, buf) == SKPI_OK);
    FUZZ_CHECK(back == t);
    /* the date alone: midnight of that day at the offset (which may be
     * before the first accepted time) */
    skpi_calendar *cal;
    if (skpi_calendar_new(&cal) != SKPI_OK) return;
    FUZZ_CHECK(skpi_calendar_set_utc_offset(cal, offset) == SKPI_OK);
    FUZZ_CHECK(skpi_time_format_date(buf, sizeof buf, t, offset) == SKPI_OK);
    rc = skpi_calendar_parse(&back, cal, buf);
    FUZZ_CHECK(rc == SKPI_OK || (rc == SKPI_ERANGE && offset > 0));
    FUZZ_CHECK(rc != SKPI_OK || (back <= t && t - back < 86400));
    skpi_calendar_free(cal);
}

static void check_periods(const skpi_calendar *cal, skpi_time t)
{
    for (int c = SKPI_CADENCE_DAY; c <= SKPI_CADENCE_YEAR; c++) {
        skpi_period p, q;
        if (skpi_calendar_period(&p, cal, c, t) != SKPI_OK) continue;
        FUZZ_CHECK(p.start <= t && t < p.end);
        char label[32];
        FUZZ_CHECK(skpi_calendar_label(label, sizeof label, cal, c, t) == SKPI_OK);
        FUZZ_CHECK(label[0] != '\0');
        /* the period's own start and last second give the same period */
        FUZZ_CHECK(skpi_calendar_period(&q, cal, c, p.start) == SKPI_OK);
        FUZZ_CHECK(q.start == p.start && q.end == p.end);
        FUZZ_CHECK(skpi_calendar_period(&q, cal, c, p.end - 1) == SKPI_OK);
        FUZZ_CHECK(q.start == p.start && q.end == p.end);
        if (skpi_calendar_next(&q, cal, c, t) == SKPI_OK) FUZZ_CHECK(q.start == p.end);
        if (skpi_calendar_previous(&q, cal, c, t) == SKPI_OK) FUZZ_CHECK(q.end == p.start);
        if (skpi_calendar_year_earlier(&q, cal, c, t) == SKPI_OK) FUZZ_CHECK(q.end <= p.start);
        check_round_trip(p.start, skpi_calendar_utc_offset(cal));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = { data, size };
    unsigned o = fuzz_byte(&in);
    o = o << 8 | fuzz_byte(&in);
    int offset = (int)(o % 2161) - 1080;
    int week_start = 1 + (int)(fuzz_byte(&in) % 7);
    int fiscal = 1 + (int)(fuzz_byte(&in) % 12);
    char *text = malloc(in.n + 1);
    skpi_calendar *cal = NULL;
    if (text == NULL || skpi_calendar_new(&cal) != SKPI_OK) goto done;
    memcpy(text, in.p, in.n);
    text[in.n] = '\0';
    FUZZ_CHECK(skpi_calendar_set_utc_offset(cal, offset) == SKPI_OK);
    FUZZ_CHECK(skpi_calendar_set_week_start(cal, week_start) == SKPI_OK);
    FUZZ_CHECK(skpi_calendar_set_fiscal_year_start(cal, fiscal) == SKPI_OK);
    skpi_time t;
    if (skpi_calendar_parse(&t, cal, text) == SKPI_OK) {
        FUZZ_CHECK(t >= SKPI_TIME_MIN && t < SKPI_TIME_END);
        check_round_trip(t, 0);
        check_round_trip(t, offset);
        check_periods(cal, t);
    }
    skpi_time u;
    if (skpi_time_parse(&u, text) == SKPI_OK) check_round_trip(u, 0);
done:
    skpi_calendar_free(cal);
    free(text);
    return 0;
}
