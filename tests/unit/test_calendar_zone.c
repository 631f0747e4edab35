/* Tests of IANA time zones in calendars: setting and refusing zones, days of
 * 23 and 25 hours, parsing local times a zone skips or repeats, formatting
 * with the offset in force, labels, copies, out-of-memory and threads.
 * tests/python/test_zone_boundaries.py checks every day of 2000-2040 in four
 * zones against Python's zoneinfo; here the cases are worked out by hand:
 *   America/Los_Angeles 2026: PST (-08:00) until Sunday 8 March 02:00, which
 *     is 10:00 UTC; then PDT (-07:00) until Sunday 1 November 02:00 PDT,
 *     09:00 UTC. 2026-03-08 = day 20520 (2026-01-01 is day 20454, + 31 + 28
 *     + 7); 2026-11-01 = 20454 + 304 = 20758.
 *   Europe/Berlin 2026: CET (+01:00), CEST (+02:00) from Sunday 29 March
 *     01:00 UTC to Sunday 25 October 01:00 UTC.
 *   Australia/Lord_Howe: +10:30, and +11:00 in summer; 2026-04-05 (first
 *     Sunday of April) clocks go back from 02:00 to 01:30.
 *   Asia/Kathmandu: +05:45 all year. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <stdio.h>
#include <string.h>

#include "test_alloc.h"
#include "test_threads.h"

#define H INT64_C(3600)
#define DAY (24 * H)
#define D(n) ((skpi_time)(n) * DAY)

static skpi_calendar *zoned(const char *zone)
{
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_time_zone(cal, zone), SKPI_OK);
    return cal;
}

static void expect_period(const skpi_calendar *cal, int cadence, skpi_time t,
                          skpi_time start, skpi_time end)
{
    skpi_period p = { 1, 1 };
    assert_int_equal(skpi_calendar_period(&p, cal, cadence, t), SKPI_OK);
    assert_true(p.start == start);
    assert_true(p.end == end);
}

static void expect_label(const skpi_calendar *cal, int cadence, skpi_time t, const char *want)
{
    char buf[32];
    assert_int_equal(skpi_calendar_label(buf, sizeof buf, cal, cadence, t), SKPI_OK);
    assert_string_equal(buf, want);
}

static void expect_format(const skpi_calendar *cal, skpi_time t, const char *want)
{
    char buf[32];
    assert_int_equal(skpi_calendar_format(buf, sizeof buf, cal, t), SKPI_OK);
    assert_string_equal(buf, want);
}

static void expect_parse(const skpi_calendar *cal, const char *text, skpi_time want)
{
    skpi_time t = 0;
    assert_int_equal(skpi_calendar_parse(&t, cal, text), SKPI_OK);
    assert_true(t == want);
}

static void set_and_refuse(void **state)
{
    (void)state;
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_null(skpi_calendar_time_zone(cal));
    assert_int_equal(skpi_calendar_set_time_zone(cal, "Europe/Berlin"), SKPI_OK);
    assert_string_equal(skpi_calendar_time_zone(cal), "Europe/Berlin");
    assert_int_equal(skpi_calendar_utc_offset(cal), 0);

    /* Unknown names are refused by name, and the zone stays. */
    const char *bad[] = { "Europe/Berln", "europe/berlin", "GMT+05:00", "Etc/Unknown", "",
                          "Mars/Olympus_Mons", "Europe/Berlin ",
                          "A/very/long/name/that/is/longer/than/any/zone/name/could/ever/be/x" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(skpi_calendar_set_time_zone(cal, bad[i]), SKPI_EINVAL);
        char want[160];
        snprintf(want, sizeof want, "skpi_calendar_set_time_zone: \"%s\" is not an IANA time zone name", bad[i]);
        assert_memory_equal(skpi_last_error(), want, strlen(want));
        assert_string_equal(skpi_calendar_time_zone(cal), "Europe/Berlin");
    }
    /* Aliases are accepted and kept as written. */
    assert_int_equal(skpi_calendar_set_time_zone(cal, "US/Pacific"), SKPI_OK);
    assert_string_equal(skpi_calendar_time_zone(cal), "US/Pacific");
    int off = 1;
    assert_int_equal(skpi_calendar_offset_at(&off, cal, D(20520) + 10 * H - 1), SKPI_OK);
    assert_int_equal(off, -8 * 3600);
    assert_int_equal(skpi_calendar_offset_at(&off, cal, D(20520) + 10 * H), SKPI_OK);
    assert_int_equal(off, -7 * 3600);
    /* A fixed offset replaces the zone. */
    assert_int_equal(skpi_calendar_set_utc_offset(cal, 60), SKPI_OK);
    assert_null(skpi_calendar_time_zone(cal));
    assert_int_equal(skpi_calendar_utc_offset(cal), 60);
    assert_int_equal(skpi_calendar_offset_at(&off, cal, 0), SKPI_OK);
    assert_int_equal(off, 3600);

    assert_int_equal(skpi_calendar_set_time_zone(NULL, "UTC"), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_set_time_zone(cal, NULL), SKPI_EMISUSE);
    assert_null(skpi_calendar_time_zone(NULL));
    assert_int_equal(skpi_calendar_offset_at(NULL, cal, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_offset_at(&off, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_offset_at(&off, cal, SKPI_TIME_END), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_set_skipped_time(cal, 3), SKPI_EINVAL);
    assert_int_equal(skpi_calendar_set_repeated_time(cal, -1), SKPI_EINVAL);
    assert_int_equal(skpi_calendar_set_skipped_time(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_set_repeated_time(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_skipped_time(NULL), SKPI_LOCAL_TIME_REJECT);
    assert_int_equal(skpi_calendar_repeated_time(NULL), SKPI_LOCAL_TIME_REJECT);
    skpi_calendar_free(cal);
}

static void days_of_23_and_25_hours(void **state)
{
    (void)state;
    skpi_calendar *la = zoned("America/Los_Angeles");
    /* 8 March: midnight PST (08:00 UTC) to midnight PDT (07:00 UTC next day). */
    expect_period(la, SKPI_CADENCE_DAY, D(20520) + 12 * H, D(20520) + 8 * H, D(20521) + 7 * H);
    expect_label(la, SKPI_CADENCE_DAY, D(20520) + 8 * H, "2026-03-08");
    expect_label(la, SKPI_CADENCE_DAY, D(20520) + 8 * H - 1, "2026-03-07");
    /* 1 November: midnight PDT (07:00 UTC) to midnight PST (08:00 UTC next day). */
    expect_period(la, SKPI_CADENCE_DAY, D(20758) + 7 * H, D(20758) + 7 * H, D(20759) + 8 * H);
    /* The week of 8 March from Monday 2 March (PST) to Monday 9 March (PDT). */
    expect_period(la, SKPI_CADENCE_WEEK, D(20520) + 12 * H, D(20514) + 8 * H, D(20521) + 7 * H);
    expect_label(la, SKPI_CADENCE_WEEK, D(20520) + 12 * H, "2026-W10");
    /* March: 1 March 08:00 UTC to 1 April 07:00 UTC; Q1 and 2026 likewise. */
    expect_period(la, SKPI_CADENCE_MONTH, D(20520), D(20513) + 8 * H, D(20544) + 7 * H);
    expect_period(la, SKPI_CADENCE_QUARTER, D(20520), D(20454) + 8 * H, D(20544) + 7 * H);
    expect_period(la, SKPI_CADENCE_YEAR, D(20520), D(20454) + 8 * H, D(20819) + 8 * H);
    /* Shifts count local periods: the day after 7 March is the short one. */
    skpi_period p;
    assert_int_equal(skpi_calendar_next(&p, la, SKPI_CADENCE_DAY, D(20519) + 12 * H), SKPI_OK);
    assert_true(p.start == D(20520) + 8 * H && p.end == D(20521) + 7 * H);
    /* A year before 2027-03-08 is the short day of 2026. */
    assert_int_equal(skpi_calendar_year_earlier(&p, la, SKPI_CADENCE_DAY, D(20885) + 20 * H), SKPI_OK);
    assert_true(p.start == D(20520) + 8 * H && p.end == D(20521) + 7 * H);
    skpi_calendar_free(la);

    skpi_calendar *lh = zoned("Australia/Lord_Howe");
    /* 5 April 2026 (day 20548): midnight +11:00 (13:00 UTC on the 4th) to
     * midnight +10:30 (13:30 UTC on the 5th): 24.5 hours. */
    expect_period(lh, SKPI_CADENCE_DAY, D(20548), D(20547) + 13 * H, D(20548) + 13 * H + 1800);
    skpi_calendar_free(lh);

    skpi_calendar *ktm = zoned("Asia/Kathmandu");
    expect_period(ktm, SKPI_CADENCE_DAY, D(20454), D(20453) + 18 * H + 15 * 60,
                  D(20454) + 18 * H + 15 * 60);
    expect_format(ktm, D(20454), "2026-01-01T05:45:00+05:45");
    skpi_calendar_free(ktm);
}

static void parse_in_the_zone(void **state)
{
    (void)state;
    skpi_calendar *la = zoned("America/Los_Angeles");
    expect_parse(la, "2026-03-08", D(20520) + 8 * H);
    expect_parse(la, "2026-03-08T01:59:59", D(20520) + 10 * H - 1);
    expect_parse(la, "2026-03-08T03:00", D(20520) + 10 * H);
    expect_parse(la, "2026-07-01 12:00", D(20635) + 19 * H);
    /* An offset in the text wins over the zone. */
    expect_parse(la, "2026-03-08T02:30:00Z", D(20520) + 2 * H + 1800);

    /* 02:30 on 8 March never happens: refused, or read by the rule. */
    skpi_time t = 42;
    assert_int_equal(skpi_calendar_parse(&t, la, "2026-03-08T02:30"), SKPI_ERANGE);
    assert_string_equal(skpi_last_error(), "skpi_calendar_parse: \"2026-03-08T02:30\" does not "
                        "exist in America/Los_Angeles: the clocks skip it; give an offset, or set "
                        "the rule for skipped times to earlier or later");
    assert_true(t == 42);
    assert_int_equal(skpi_calendar_set_skipped_time(la, SKPI_LOCAL_TIME_EARLIER), SKPI_OK);
    assert_int_equal(skpi_calendar_skipped_time(la), SKPI_LOCAL_TIME_EARLIER);
    expect_parse(la, "2026-03-08T02:30", D(20520) + 9 * H + 1800);  /* 01:30 PST */
    assert_int_equal(skpi_calendar_set_skipped_time(la, SKPI_LOCAL_TIME_LATER), SKPI_OK);
    expect_parse(la, "2026-03-08T02:30", D(20520) + 10 * H + 1800); /* 03:30 PDT */

    /* 01:30 on 1 November happens twice. */
    assert_int_equal(skpi_calendar_parse(&t, la, "2026-11-01T01:30"), SKPI_EINVAL);
    assert_string_equal(skpi_last_error(), "skpi_calendar_parse: \"2026-11-01T01:30\" happens "
                        "twice in America/Los_Angeles: the clocks go back; give an offset, or set "
                        "the rule for repeated times to earlier or later");
    assert_true(t == 42);
    assert_int_equal(skpi_calendar_set_repeated_time(la, SKPI_LOCAL_TIME_EARLIER), SKPI_OK);
    assert_int_equal(skpi_calendar_repeated_time(la), SKPI_LOCAL_TIME_EARLIER);
    expect_parse(la, "2026-11-01T01:30", D(20758) + 8 * H + 1800);  /* 01:30 PDT */
    assert_int_equal(skpi_calendar_set_repeated_time(la, SKPI_LOCAL_TIME_LATER), SKPI_OK);
    expect_parse(la, "2026-11-01T01:30", D(20758) + 9 * H + 1800);  /* 01:30 PST */
    /* The hour before and after the repeated one has one reading. */
    expect_parse(la, "2026-11-01T00:59:59", D(20758) + 8 * H - 1);
    expect_parse(la, "2026-11-01T02:00", D(20758) + 10 * H);
    /* skpi_time_parse stays in UTC. */
    assert_int_equal(skpi_time_parse(&t, "2026-03-08T02:30"), SKPI_OK);
    assert_true(t == D(20520) + 2 * H + 1800);
    skpi_calendar_free(la);
}

static void format_in_the_zone(void **state)
{
    (void)state;
    skpi_calendar *la = zoned("America/Los_Angeles");
    expect_format(la, D(20520) + 10 * H - 1, "2026-03-08T01:59:59-08:00");
    expect_format(la, D(20520) + 10 * H, "2026-03-08T03:00:00-07:00");
    char buf[32];
    assert_int_equal(skpi_calendar_format_date(buf, sizeof buf, la, D(20520) + 7 * H), SKPI_OK);
    assert_string_equal(buf, "2026-03-07");
    assert_int_equal(skpi_calendar_format_date(buf, sizeof buf, la, D(20520) + 8 * H), SKPI_OK);
    assert_string_equal(buf, "2026-03-08");
    assert_int_equal(skpi_calendar_format_date(buf, 10, la, D(20520)), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_format(buf, 25, la, D(20520)), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_format(buf, sizeof buf, NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_format(NULL, 32, la, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_format(buf, sizeof buf, la, SKPI_TIME_END), SKPI_ERANGE);
    /* Local mean time (-07:52:58 before 18 November 1883) is not whole
     * minutes: written in UTC. */
    /* 1870-01-01 is 36524 days (24 leap days) before 1970: day -36500 is 1870-01-25. */
    expect_format(la, -D(36500), "1870-01-25T00:00:00Z");
    skpi_calendar_free(la);
    skpi_calendar *utc = zoned("UTC");
    expect_format(utc, D(20520), "2026-03-08T00:00:00Z");
    skpi_calendar_free(utc);
}

static void copies_own_their_zone(void **state)
{
    (void)state;
    skpi_calendar *cal = zoned("Europe/Berlin");
    skpi_calendar *copy = NULL;
    assert_int_equal(skpi_calendar_clone(&copy, cal), SKPI_OK);
    skpi_calendar_free(cal);
    assert_string_equal(skpi_calendar_time_zone(copy), "Europe/Berlin");
    /* 29 March 2026 (day 20541): 23:00 UTC on the 28th to 22:00 UTC. */
    expect_period(copy, SKPI_CADENCE_DAY, D(20541) + 12 * H, D(20540) + 23 * H, D(20541) + 22 * H);
    skpi_calendar_free(copy);
}

static void out_of_memory(void **state)
{
    (void)state;
    for (long n = 0;; n++) {
        skpi_calendar *cal = NULL;
        assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
        assert_int_equal(skpi_calendar_set_time_zone(cal, "Europe/Berlin"), SKPI_OK);
        long live = test_alloc_live();
        test_alloc_fail_after(n);
        int rc = skpi_calendar_set_time_zone(cal, "America/Los_Angeles");
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_string_equal(skpi_calendar_time_zone(cal), "America/Los_Angeles");
            skpi_calendar_free(cal);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_int_equal(test_alloc_live(), live);
        assert_string_equal(skpi_calendar_time_zone(cal), "Europe/Berlin");
        skpi_calendar_free(cal);
        assert_true(n < 40);
    }
    skpi_calendar *cal = zoned("America/Los_Angeles");
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_calendar *out = (skpi_calendar *)&out;
        test_alloc_fail_after(n);
        int rc = skpi_calendar_clone(&out, cal);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_string_equal(skpi_calendar_time_zone(out), "America/Los_Angeles");
            skpi_calendar_free(out);
            assert_int_equal(test_alloc_live(), live);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(out, (skpi_calendar *)&out);
        assert_int_equal(test_alloc_live(), live);
        assert_true(n < 10);
    }
    skpi_calendar_free(cal);
}

typedef struct job {
    const skpi_calendar *cal;
    int mismatches;
} job;

/* Every hour of two years: the day holding it starts at local midnight. */
static void *walk_hours(void *arg)
{
    job *j = arg;
    for (skpi_time t = D(20454); t < D(20454 + 730); t += H) {
        skpi_period p;
        char label[32], start[32];
        if (skpi_calendar_period(&p, j->cal, SKPI_CADENCE_DAY, t) != SKPI_OK ||
            skpi_calendar_label(label, sizeof label, j->cal, SKPI_CADENCE_DAY, t) != SKPI_OK ||
            skpi_calendar_format(start, sizeof start, j->cal, p.start) != SKPI_OK) {
            j->mismatches++;
            continue;
        }
        if (t < p.start || t >= p.end || strncmp(start, label, 10) != 0 ||
            strncmp(start + 10, "T00:00:00", 9) != 0)
            j->mismatches++;
    }
    return NULL;
}

/* One zoned calendar read by several threads at once. */
static void shared_between_threads(void **state)
{
    (void)state;
    skpi_calendar *cal = zoned("Australia/Lord_Howe");
    job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].cal = cal;
        jobs[i].mismatches = 0;
    }
    test_threads_run(walk_hours, jobs, sizeof jobs[0], 4);
    for (int i = 0; i < 4; i++) assert_int_equal(jobs[i].mismatches, 0);
    skpi_calendar_free(cal);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_and_refuse),
        cmocka_unit_test(days_of_23_and_25_hours),
        cmocka_unit_test(parse_in_the_zone),
        cmocka_unit_test(format_in_the_zone),
        cmocka_unit_test(copies_own_their_zone),
        cmocka_unit_test(out_of_memory),
        cmocka_unit_test(shared_between_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
