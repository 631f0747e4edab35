/* Tests of calendar.h: the handle, periods, labels, parsing and formatting,
 * and the private civil-date helpers of lib/calendar/civil.h.
 *
 * Day numbers below count days from 1970-01-01 and are worked out by hand:
 *   2026-01-01: 56 years after 1970 with 14 leap days (1972..2024)
 *               = 56 * 365 + 14 = 20454
 *   2026-11-22: 20454 + 304 (Jan..Oct: 31+28+31+30+31+30+31+31+30+31) + 21 = 20779
 *   2024-01-01: 54 * 365 + 13 (1972..2020) = 19723;  2024-02-29 = 19723 + 31 + 28 = 19782
 *   2021-01-01: 51 * 365 + 13 = 18628
 *   1900-01-01: -(70 * 365 + 17) = -25567 (1904..1968 are leap, 1900 is not)
 *   0001-01-01: -719162 and 10000-01-01: 2932897 (common.h, test_core.c)
 * and checked against Python's datetime, an independent implementation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <stdio.h>
#include <string.h>

#include "calendar/civil.h"
#include "test_alloc.h"
#include "test_threads.h"

#define DAY INT64_C(86400)
#define D(n) ((skpi_time)(n) * DAY)
#define END SKPI_TIME_END
#define MIN SKPI_TIME_MIN

enum { DAYC = SKPI_CADENCE_DAY, WEEKC = SKPI_CADENCE_WEEK, MONTHC = SKPI_CADENCE_MONTH,
       QUARTERC = SKPI_CADENCE_QUARTER, YEARC = SKPI_CADENCE_YEAR };

static skpi_calendar *make(int offset, int week_start, int fiscal_start)
{
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(cal, offset), SKPI_OK);
    assert_int_equal(skpi_calendar_set_week_start(cal, week_start), SKPI_OK);
    assert_int_equal(skpi_calendar_set_fiscal_year_start(cal, fiscal_start), SKPI_OK);
    return cal;
}

/* A UTC time from fields; skpi_time_from_civil itself is checked against
 * hand-worked numbers in time_from_civil_values. */
static skpi_time at(int y, int mo, int d, int h, int mi, int s)
{
    skpi_time t = 0;
    assert_int_equal(skpi_time_from_civil(&t, y, mo, d, h, mi, s), SKPI_OK);
    return t;
}

static void expect_period(const skpi_calendar *cal, int cadence, skpi_time t,
                          skpi_time start, skpi_time end)
{
    skpi_period p = { 1, 1 };
    assert_int_equal(skpi_calendar_period(&p, cal, cadence, t), SKPI_OK);
    assert_true(p.start == start);
    assert_true(p.end == end);
    /* The private helper agrees with the public function. */
    skpi_time s, n;
    skpi__period_bounds(cal, cadence, t, &s, &n);
    assert_true(s == start && n == end);
}

static void expect_label(const skpi_calendar *cal, int cadence, skpi_time t, const char *label)
{
    char buf[32];
    assert_int_equal(skpi_calendar_label(buf, sizeof buf, cal, cadence, t), SKPI_OK);
    assert_string_equal(buf, label);
}

static void expect_range_error(const skpi_calendar *cal, int cadence, skpi_time t)
{
    skpi_period p = { 7, 9 };
    assert_int_equal(skpi_calendar_period(&p, cal, cadence, t), SKPI_ERANGE);
    assert_true(p.start == 7 && p.end == 9);
    char buf[32] = "x";
    assert_int_equal(skpi_calendar_label(buf, sizeof buf, cal, cadence, t), SKPI_ERANGE);
    assert_string_equal(buf, "");
}

/* ---- the handle ---- */

static void defaults_and_setters(void **state)
{
    (void)state;
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_utc_offset(cal), 0);
    assert_int_equal(skpi_calendar_week_start(cal), SKPI_MONDAY);
    assert_int_equal(skpi_calendar_fiscal_year_start(cal), 1);

    assert_int_equal(skpi_calendar_set_utc_offset(cal, -1080), SKPI_OK);
    assert_int_equal(skpi_calendar_utc_offset(cal), -1080);
    assert_int_equal(skpi_calendar_set_utc_offset(cal, 1080), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(cal, 330), SKPI_OK);
    assert_int_equal(skpi_calendar_set_utc_offset(cal, 1081), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "1081"));
    assert_int_equal(skpi_calendar_set_utc_offset(cal, -1081), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_utc_offset(cal), 330);

    assert_int_equal(skpi_calendar_set_week_start(cal, SKPI_SUNDAY), SKPI_OK);
    assert_int_equal(skpi_calendar_week_start(cal), 7);
    assert_int_equal(skpi_calendar_set_week_start(cal, 0), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "weekday 0"));
    assert_int_equal(skpi_calendar_set_week_start(cal, 8), SKPI_EINVAL);
    assert_int_equal(skpi_calendar_week_start(cal), 7);

    assert_int_equal(skpi_calendar_set_fiscal_year_start(cal, 12), SKPI_OK);
    assert_int_equal(skpi_calendar_set_fiscal_year_start(cal, 0), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_set_fiscal_year_start(cal, 13), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "month 13"));
    assert_int_equal(skpi_calendar_fiscal_year_start(cal), 12);

    skpi_calendar *copy = NULL;
    assert_int_equal(skpi_calendar_clone(&copy, cal), SKPI_OK);
    assert_ptr_not_equal(copy, cal);
    assert_int_equal(skpi_calendar_utc_offset(copy), 330);
    assert_int_equal(skpi_calendar_week_start(copy), 7);
    assert_int_equal(skpi_calendar_fiscal_year_start(copy), 12);
    /* the copy is independent */
    assert_int_equal(skpi_calendar_set_utc_offset(copy, 0), SKPI_OK);
    assert_int_equal(skpi_calendar_utc_offset(cal), 330);
    skpi_calendar_free(copy);
    skpi_calendar_free(cal);
    skpi_calendar_free(NULL);
}

static void null_handles(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, 1, 1);
    skpi_calendar *out = (skpi_calendar *)&out; /* must stay untouched */
    skpi_period p;
    skpi_time t = 5;
    char buf[32];

    assert_int_equal(skpi_calendar_new(NULL), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "skpi_calendar_new"));
    assert_int_equal(skpi_calendar_clone(NULL, cal), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_clone(&out, NULL), SKPI_EMISUSE);
    assert_ptr_equal(out, (skpi_calendar *)&out);
    assert_int_equal(skpi_calendar_set_utc_offset(NULL, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_set_week_start(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_set_fiscal_year_start(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_utc_offset(NULL), 0);
    assert_int_equal(skpi_calendar_week_start(NULL), 1);
    assert_int_equal(skpi_calendar_fiscal_year_start(NULL), 1);

    assert_int_equal(skpi_calendar_period(NULL, cal, DAYC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_period(&p, NULL, DAYC, 0), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "cal is NULL"));
    assert_int_equal(skpi_calendar_shift(NULL, cal, DAYC, 0, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_shift(&p, NULL, DAYC, 0, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_previous(NULL, cal, DAYC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_previous(&p, NULL, DAYC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_next(NULL, cal, DAYC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_next(&p, NULL, DAYC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_year_earlier(NULL, cal, DAYC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_year_earlier(&p, NULL, DAYC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_year_earlier(&p, NULL, WEEKC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_label(NULL, 32, cal, DAYC, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_label(buf, sizeof buf, NULL, DAYC, 0), SKPI_EMISUSE);

    assert_int_equal(skpi_calendar_parse(NULL, cal, "2026-11-22"), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_parse(&t, NULL, "2026-11-22"), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_parse(&t, cal, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_time_parse(NULL, "2026-11-22"), SKPI_EMISUSE);
    assert_int_equal(skpi_time_parse(&t, NULL), SKPI_EMISUSE);
    assert_true(t == 5);
    assert_int_equal(skpi_time_format(NULL, 32, 0, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_time_format_date(NULL, 32, 0, 0), SKPI_EMISUSE);
    assert_int_equal(skpi_time_from_civil(NULL, 2026, 1, 1, 0, 0, 0), SKPI_EMISUSE);
    skpi_calendar_free(cal);
}

static void unknown_cadence(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, 1, 1);
    skpi_period p = { 3, 4 };
    char buf[32] = "x";
    const int bad[] = { -1, 5, 1000 };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int c = bad[i];
        assert_int_equal(skpi_calendar_period(&p, cal, c, 0), SKPI_EINVAL);
        assert_non_null(strstr(skpi_last_error(), "cadence"));
        assert_int_equal(skpi_calendar_shift(&p, cal, c, 0, 2), SKPI_EINVAL);
        assert_int_equal(skpi_calendar_previous(&p, cal, c, 0), SKPI_EINVAL);
        assert_int_equal(skpi_calendar_next(&p, cal, c, 0), SKPI_EINVAL);
        assert_int_equal(skpi_calendar_year_earlier(&p, cal, c, 0), SKPI_EINVAL);
        assert_int_equal(skpi_calendar_label(buf, sizeof buf, cal, c, 0), SKPI_EINVAL);
        assert_string_equal(buf, "");
    }
    assert_true(p.start == 3 && p.end == 4);
    skpi_calendar_free(cal);
}

/* Fail each allocation in turn until the call succeeds: every failure is
 * SKPI_ENOMEM, leaks nothing and leaves the out-parameter alone. */
static void out_of_memory(void **state)
{
    (void)state;
    skpi_calendar *cal = make(60, 7, 4);
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_calendar *out = (skpi_calendar *)&out;
        test_alloc_fail_after(n);
        int rc = skpi_calendar_new(&out);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_int_equal(skpi_calendar_week_start(out), 1);
            skpi_calendar_free(out);
            assert_int_equal(test_alloc_live(), live);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_string_equal(skpi_last_error(), "out of memory");
        assert_ptr_equal(out, (skpi_calendar *)&out);
        assert_int_equal(test_alloc_live(), live);
        assert_true(n < 10);
    }
    for (long n = 0;; n++) {
        long live = test_alloc_live();
        skpi_calendar *out = (skpi_calendar *)&out;
        test_alloc_fail_after(n);
        int rc = skpi_calendar_clone(&out, cal);
        test_alloc_fail_after(-1);
        if (rc == SKPI_OK) {
            assert_int_equal(skpi_calendar_utc_offset(out), 60);
            assert_int_equal(skpi_calendar_week_start(out), 7);
            assert_int_equal(skpi_calendar_fiscal_year_start(out), 4);
            skpi_calendar_free(out);
            assert_int_equal(test_alloc_live(), live);
            break;
        }
        assert_int_equal(rc, SKPI_ENOMEM);
        assert_ptr_equal(out, (skpi_calendar *)&out);
        assert_int_equal(test_alloc_live(), live);
        assert_int_equal(skpi_calendar_utc_offset(cal), 60);
        assert_true(n < 10);
    }
    skpi_calendar_free(cal);
}

/* ---- civil fields and the private helpers ---- */

static void time_from_civil_values(void **state)
{
    (void)state;
    skpi_time t = 42;
    assert_int_equal(skpi_time_from_civil(&t, 1970, 1, 1, 0, 0, 0), SKPI_OK);
    assert_true(t == 0);
    assert_int_equal(skpi_time_from_civil(&t, 1969, 12, 31, 23, 59, 59), SKPI_OK);
    assert_true(t == -1);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 11, 22, 10, 0, 0), SKPI_OK);
    assert_true(t == D(20779) + 36000);             /* = 1795341600 */
    assert_int_equal(skpi_time_from_civil(&t, 1900, 3, 1, 0, 0, 0), SKPI_OK);
    assert_true(t == D(-25567 + 31 + 28));          /* -25508 days */
    assert_int_equal(skpi_time_from_civil(&t, 2000, 2, 29, 0, 0, 0), SKPI_OK);
    assert_true(t == D(30 * 365 + 7 + 31 + 28));     /* 11016: 2000 is leap (divisible by 400) */
    assert_int_equal(skpi_time_from_civil(&t, 2024, 2, 29, 12, 0, 0), SKPI_OK);
    assert_true(t == D(19782) + 43200);
    assert_int_equal(skpi_time_from_civil(&t, 1, 1, 1, 0, 0, 0), SKPI_OK);
    assert_true(t == MIN);
    assert_int_equal(skpi_time_from_civil(&t, 9999, 12, 31, 23, 59, 59), SKPI_OK);
    assert_true(t == END - 1);

    t = 42;
    assert_int_equal(skpi_time_from_civil(&t, 0, 1, 1, 0, 0, 0), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "year 0"));
    assert_int_equal(skpi_time_from_civil(&t, 10000, 1, 1, 0, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 0, 1, 0, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 13, 1, 0, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 2, 29, 0, 0, 0), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "1 to 28 for 2026-02"));
    assert_int_equal(skpi_time_from_civil(&t, 1900, 2, 29, 0, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 4, 31, 0, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 4, 0, 0, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 4, 1, 24, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 4, 1, -1, 0, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 4, 1, 0, 60, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_from_civil(&t, 2026, 4, 1, 0, 0, 60), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "second 60"));
    assert_int_equal(skpi_time_from_civil(&t, 2026, 4, 1, 0, 0, -1), SKPI_ERANGE);
    assert_true(t == 42);
}

static void civil_helpers(void **state)
{
    (void)state;
    assert_true(skpi__days_from_civil(1970, 1, 1) == 0);
    assert_true(skpi__days_from_civil(2026, 11, 22) == 20779);
    assert_true(skpi__days_from_civil(1, 1, 1) == -719162);
    assert_true(skpi__days_from_civil(10000, 1, 1) == 2932897);
    /* year 0 is a leap year of the proleptic calendar: 0000-03-01 is 366 - 60
     * = 306 days before 0001-01-01 */
    assert_true(skpi__days_from_civil(0, 3, 1) == -719162 - 306);
    assert_int_equal(skpi__weekday_from_days(0), 4);       /* 1970-01-01 Thursday */
    assert_int_equal(skpi__weekday_from_days(-1), 3);
    assert_int_equal(skpi__weekday_from_days(20779), 7);   /* 2026-11-22 Sunday */
    assert_int_equal(skpi__weekday_from_days(-719162), 1); /* 0001-01-01 Monday */
    assert_int_equal(skpi__days_in_month(2024, 2), 29);
    assert_int_equal(skpi__days_in_month(1900, 2), 28);
    assert_int_equal(skpi__days_in_month(2000, 2), 29);
    assert_int_equal(skpi__days_in_month(2026, 12), 31);

    /* Every day from 0000-01-01 to 10000-12-31 round-trips, dates advance by
     * exactly one day, and weekdays cycle. */
    int64_t first = skpi__days_from_civil(0, 1, 1), last = skpi__days_from_civil(10000, 12, 31);
    int64_t py = 0;
    int pm = 1, pd = 0;
    int pw = skpi__weekday_from_days(first - 1);
    for (int64_t z = first; z <= last; z++) {
        int64_t y;
        int m, d;
        skpi__civil_from_days(z, &y, &m, &d);
        assert_true(skpi__days_from_civil(y, m, d) == z);
        if (d == pd + 1) assert_true(y == py && m == pm);
        else assert_true(d == 1 && pd == skpi__days_in_month(py, pm) &&
                         (m == pm + 1 || (m == 1 && pm == 12 && y == py + 1)));
        int w = skpi__weekday_from_days(z);
        assert_int_equal(w, pw % 7 + 1);
        py = y; pm = m; pd = d; pw = w;
    }
}

/* period numbers are consecutive and their starts are the period starts */
/* The fast boundaries of skpi__period_bounds agree with the period numbers:
 * consecutive numbers, starts that invert them, t inside [start, next). Over
 * every fiscal start month, all week starts and a spread of offsets, from
 * 1899 and from year 1. */
static void period_index_helpers(void **state)
{
    (void)state;
    /* strides that cross many boundaries of each cadence */
    const skpi_time stride[] = { 5 * 3600 + 17, 31 * 3600 + 7, 9 * DAY + 11, 23 * DAY + 5,
                                 97 * DAY + 3 };
    const skpi_time origin[] = { D(-25567) - 2 * DAY, MIN + 2 * DAY };
    for (int fiscal = 1; fiscal <= 12; fiscal++) {
        skpi_calendar *cal = make((fiscal * 397) % 2161 - 1080, fiscal % 7 + 1, fiscal);
        for (int c = DAYC; c <= YEARC; c++) {
            for (int o = 0; o < 2; o++) {
                skpi_time t = origin[o];
                int64_t previous = skpi__period_index(cal, c, t);
                for (int i = 0; i < 300; i++) {
                    skpi_time s, n;
                    skpi__period_bounds(cal, c, t, &s, &n);
                    int64_t index = skpi__period_index(cal, c, t);
                    assert_true(index == previous || index == previous + 1);
                    assert_true(skpi__period_index_start(cal, c, index) == s);
                    assert_true(skpi__period_index_start(cal, c, index + 1) == n);
                    assert_true(s <= t && t < n);
                    assert_true(skpi__period_index(cal, c, n) == index + 1);
                    assert_true(skpi__period_index(cal, c, n - 1) == index);
                    previous = index;
                    t += stride[c];
                }
            }
            assert_true(skpi__cadence_valid(c));
        }
        skpi_calendar_free(cal);
    }
    assert_false(skpi__cadence_valid(-1));
    assert_false(skpi__cadence_valid(5));
    skpi_calendar *cal = make(0, 1, 1);
    skpi_period p;
    assert_int_equal(skpi__period_checked(&p, cal, 9, 0, "caller"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "caller: cadence 9"));
    assert_int_equal(skpi__period_checked(&p, cal, DAYC, D(20779) + 5, "caller"), SKPI_OK);
    assert_true(p.start == D(20779) && p.end == D(20780));
    skpi_calendar_free(cal);
}

/* ---- periods ---- */

static void day_periods(void **state)
{
    (void)state;
    skpi_calendar *utc = make(0, 1, 1);
    expect_period(utc, DAYC, D(20779) + 36000, D(20779), D(20780));
    expect_period(utc, DAYC, D(20779), D(20779), D(20780));
    expect_period(utc, DAYC, D(20780) - 1, D(20779), D(20780));
    expect_label(utc, DAYC, D(20779) + 36000, "2026-11-22");
    expect_period(utc, DAYC, at(2026, 11, 22, 23, 59, 59), D(20779), D(20780));
    /* leap day 2024-02-29 = day 19782 */
    expect_period(utc, DAYC, D(19782) + 43200, D(19782), D(19783));
    expect_label(utc, DAYC, D(19782) + 43200, "2024-02-29");
    skpi_calendar_free(utc);
}

static void utc_offsets_across_midnight(void **state)
{
    (void)state;
    /* +60: 2026-11-22T23:30Z is 00:30 on the 23rd locally; the local day
     * 2026-11-23 (day 20780) runs from 2026-11-22T23:00Z. */
    skpi_calendar *cet = make(60, 1, 1);
    skpi_time t = D(20779) + 23 * 3600 + 1800;
    expect_period(cet, DAYC, t, D(20780) - 3600, D(20781) - 3600);
    expect_label(cet, DAYC, t, "2026-11-23");
    /* 2026-11-23 is a Monday: a new local week and the same local month */
    expect_label(cet, WEEKC, t, "2026-W48");
    expect_period(cet, WEEKC, t, D(20780) - 3600, D(20787) - 3600);
    expect_period(cet, MONTHC, t, D(20758) - 3600, D(20788) - 3600); /* Nov 1 .. Dec 1 */

    /* -300: 2026-11-23T02:00Z is 21:00 on the 22nd locally; that local day
     * runs from 2026-11-22T05:00Z. */
    skpi_calendar *est = make(-300, 1, 1);
    t = D(20780) + 2 * 3600;
    expect_period(est, DAYC, t, D(20779) + 5 * 3600, D(20780) + 5 * 3600);
    expect_label(est, DAYC, t, "2026-11-22");
    expect_label(est, WEEKC, t, "2026-W47");

    /* -300 on New Year: 2027-01-01T03:00Z is still 2026-12-31 locally */
    t = D(20819) + 3 * 3600;
    expect_label(est, YEARC, t, "2026");
    expect_period(est, YEARC, t, D(20454) + 5 * 3600, D(20819) + 5 * 3600);
    expect_label(est, QUARTERC, t, "2026-Q4");
    skpi_calendar_free(cet);
    skpi_calendar_free(est);
}

static void iso_week_edges(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, SKPI_MONDAY, 1);
    /* 2020-12-31 (day 18627) is a Thursday; its week runs Monday 2020-12-28
     * (18624) to Sunday 2021-01-03 and belongs to 2020. 2020's week 1 began
     * Monday 2019-12-30 (4 January 2020 was a Saturday): 364 days = 52 weeks
     * earlier, so this is week 53. */
    expect_period(cal, WEEKC, D(18627) + 3600, D(18624), D(18631));
    expect_label(cal, WEEKC, D(18627) + 3600, "2020-W53");
    expect_label(cal, WEEKC, D(18630) + 86399, "2020-W53");     /* 2021-01-03 23:59:59 */
    expect_period(cal, WEEKC, D(18631), D(18631), D(18638));     /* 2021-01-04 Monday */
    expect_label(cal, WEEKC, D(18631), "2021-W01");
    /* 2024-12-30 (2025-01-01 = 20089, minus 2) is a Monday whose Thursday is
     * 2025-01-02: week 1 of 2025. */
    expect_period(cal, WEEKC, D(20087) + 100, D(20087), D(20094));
    expect_label(cal, WEEKC, D(20087) + 100, "2025-W01");
    /* 2026-11-22 is a Sunday: week from Monday 2026-11-16 (20773). Week 1 of
     * 2026 began 2025-12-29 (20451): (20773 - 20451) / 7 = 46, so W47. */
    expect_period(cal, WEEKC, D(20779) + 36000, D(20773), D(20780));
    expect_label(cal, WEEKC, D(20779) + 36000, "2026-W47");
    expect_label(cal, WEEKC, D(20454), "2026-W01");              /* Thursday 2026-01-01 */
    /* 2026 starts on a Thursday, so it has 53 ISO weeks: Monday 2026-12-28
     * (20819 - 4 = 20815) is week (20815 - 20451) / 7 + 1 = 53. */
    expect_label(cal, WEEKC, D(20815), "2026-W53");
    skpi_calendar_free(cal);
}

static void other_week_starts(void **state)
{
    (void)state;
    skpi_calendar *sun = make(0, SKPI_SUNDAY, 1);
    /* Sunday weeks. 2026-11-22 is a Sunday and starts its week (20779).
     * 4 January 2026 is a Sunday, so week 1 starts there (20457):
     * (20779 - 20457) / 7 = 46 -> W47. The Saturday before is in W46. */
    expect_period(sun, WEEKC, D(20779) + 36000, D(20779), D(20786));
    expect_label(sun, WEEKC, D(20779) + 36000, "2026-W47");
    expect_period(sun, WEEKC, D(20778) + 36000, D(20772), D(20779));
    expect_label(sun, WEEKC, D(20778) + 36000, "2026-W46");
    /* 2021-01-03 is a Sunday: week Jan 3..9, all in 2021, holding 4 Jan: W01.
     * 2021-01-02 (Saturday) is in the week from Sunday 2020-12-27 (18623),
     * whose Wednesday is in 2020; 2020's week 1 began Sunday 2019-12-29,
     * 364 days earlier: W53. */
    expect_label(sun, WEEKC, D(18630), "2021-W01");
    expect_period(sun, WEEKC, D(18629), D(18623), D(18630));
    expect_label(sun, WEEKC, D(18629), "2020-W53");
    /* Thursday 2026-01-01 sits in the Sunday week 2025-12-28 (20450) ..
     * 2026-01-03: four days in 2025, so it is 2025's last week, W53 (2025's
     * week 1 began Sunday 2024-12-29, 364 days before). ISO says 2026-W01. */
    expect_period(sun, WEEKC, D(20454), D(20450), D(20457));
    expect_label(sun, WEEKC, D(20454), "2025-W53");

    skpi_calendar *sat = make(0, SKPI_SATURDAY, 1);
    expect_period(sat, WEEKC, D(20779), D(20778), D(20785));
    expect_label(sat, WEEKC, D(20779), "2026-W47");
    skpi_calendar *wed = make(0, SKPI_WEDNESDAY, 1);
    expect_period(wed, WEEKC, D(20779), D(20775), D(20782));
    expect_label(wed, WEEKC, D(20779), "2026-W47");
    skpi_calendar *fri = make(0, SKPI_FRIDAY, 1);
    expect_period(fri, WEEKC, D(20819), D(20819), D(20826)); /* Friday 2027-01-01 */
    expect_label(fri, WEEKC, D(20819), "2027-W01");
    skpi_calendar *thu = make(0, SKPI_THURSDAY, 1);
    expect_period(thu, WEEKC, D(20454) + 5, D(20454), D(20461));
    expect_label(thu, WEEKC, D(20454) + 5, "2026-W01");
    skpi_calendar_free(sun);
    skpi_calendar_free(sat);
    skpi_calendar_free(wed);
    skpi_calendar_free(fri);
    skpi_calendar_free(thu);
}

static void months_quarters_years(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, 1, 1);
    /* February 2024: 2024-02-01 = 19723 + 31 = 19754 to 2024-03-01 = 19783, 29 days */
    skpi_time leap = D(19782) + 43200;
    expect_period(cal, MONTHC, leap, D(19754), D(19783));
    expect_label(cal, MONTHC, leap, "2024-02");
    /* February 2023: 28 days, 19389 .. 19417 */
    expect_period(cal, MONTHC, D(19400), D(19389), D(19417));
    /* Q1 2024: 31 + 29 + 31 = 91 days; the year 366 */
    expect_period(cal, QUARTERC, leap, D(19723), D(19723 + 91));
    expect_label(cal, QUARTERC, leap, "2024-Q1");
    expect_period(cal, YEARC, leap, D(19723), D(20089));
    expect_label(cal, YEARC, leap, "2024");
    /* 2026-11-22: November = 20758 .. 20788, Q4 = 20727 .. 20819 */
    expect_period(cal, MONTHC, D(20779), D(20758), D(20788));
    expect_label(cal, MONTHC, D(20779), "2026-11");
    expect_period(cal, QUARTERC, D(20779), D(20727), D(20819));
    expect_label(cal, QUARTERC, D(20779), "2026-Q4");
    expect_label(cal, YEARC, D(20779), "2026");
    skpi_calendar_free(cal);
}

static void fiscal_years(void **state)
{
    (void)state;
    /* Named after the calendar year in which the fiscal year ends. April:
     * FY2027 runs 2026-04-01 (20544) to 2027-04-01 (20909); its Q1 ends
     * 2026-07-01 (20544 + 30 + 31 + 30 = 20635). */
    skpi_calendar *apr = make(0, 1, 4);
    expect_period(apr, QUARTERC, D(20544), D(20544), D(20635));
    expect_label(apr, QUARTERC, D(20544), "FY2027-Q1");
    expect_period(apr, YEARC, D(20544), D(20544), D(20909));
    expect_label(apr, YEARC, D(20544), "FY2027");
    /* 2026-03-31T23:59:59 ends FY2026 (2025-04-01 = 20179 .. 20544): its Q4
     * is January to March 2026 (20454 .. 20544). */
    expect_period(apr, QUARTERC, D(20544) - 1, D(20454), D(20544));
    expect_label(apr, QUARTERC, D(20544) - 1, "FY2026-Q4");
    expect_period(apr, YEARC, D(20544) - 1, D(20179), D(20544));
    expect_label(apr, YEARC, D(20544) - 1, "FY2026");
    /* months stay calendar months */
    expect_label(apr, MONTHC, D(20544), "2026-04");

    /* October (the header's example): 2026-11 is in FY2027-Q1, which runs
     * 2026-10-01 (20727) .. 2027-01-01 (20819); FY2027 ends 2027-10-01
     * (20819 + 273 = 21092). */
    skpi_calendar *oct = make(0, 1, 10);
    expect_period(oct, QUARTERC, D(20779), D(20727), D(20819));
    expect_label(oct, QUARTERC, D(20779), "FY2027-Q1");
    expect_period(oct, YEARC, D(20779), D(20727), D(21092));
    expect_label(oct, YEARC, D(20779), "FY2027");

    /* December: 2026-12-05 opens FY2027 (Q1 = 2026-12-01 (20788) ..
     * 2027-03-01 (20819 + 59 = 20878)); 2026-11-30 closes FY2026. */
    skpi_calendar *dec = make(0, 1, 12);
    expect_period(dec, QUARTERC, D(20792), D(20788), D(20878));
    expect_label(dec, QUARTERC, D(20792), "FY2027-Q1");
    expect_label(dec, QUARTERC, D(20787), "FY2026-Q4");
    /* February: 2026-01-15 is in FY2026 (Feb 2025 .. Jan 2026), Q4 =
     * 2025-11-01 (20089 + 304 = 20393) .. 2026-02-01 (20485). */
    skpi_calendar *feb = make(0, 1, 2);
    expect_period(feb, QUARTERC, D(20468), D(20393), D(20485));
    expect_label(feb, QUARTERC, D(20468), "FY2026-Q4");
    expect_label(feb, YEARC, D(20468), "FY2026");

    /* the offset decides the local month: 2026-03-31T23:30Z is April locally at +60 */
    skpi_calendar *apr_cet = make(60, 1, 4);
    expect_label(apr_cet, QUARTERC, D(20544) - 1800, "FY2027-Q1");
    expect_period(apr_cet, QUARTERC, D(20544) - 1800, D(20544) - 3600, D(20635) - 3600);
    skpi_calendar_free(apr);
    skpi_calendar_free(oct);
    skpi_calendar_free(dec);
    skpi_calendar_free(feb);
    skpi_calendar_free(apr_cet);
}

static void before_1970(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, 1, 1);
    /* 1969-12-31T23:59:59Z = -1, a Wednesday; its Monday week starts
     * 1969-12-29 (day -3) and its Thursday is 1970-01-01: 1970-W01. */
    expect_period(cal, DAYC, -1, -DAY, 0);
    expect_label(cal, DAYC, -1, "1969-12-31");
    expect_period(cal, WEEKC, -1, D(-3), D(4));
    expect_label(cal, WEEKC, -1, "1970-W01");
    expect_period(cal, MONTHC, -1, D(-31), 0);
    expect_period(cal, QUARTERC, -1, D(-92), 0);
    expect_label(cal, QUARTERC, -1, "1969-Q4");
    expect_period(cal, YEARC, -1, D(-365), 0);
    expect_label(cal, YEARC, -1, "1969");
    /* 1900-03-01 (day -25508) is a Thursday. 1900 is not a leap year:
     * February 1900 has 28 days. 1 January 1900 was a Monday, so week 1 began
     * then (-25567) and the week of Monday 1900-02-26 (-25511) is number
     * (-25511 + 25567) / 7 + 1 = 9. */
    skpi_time t = D(-25508) + 43200;
    expect_period(cal, DAYC, t, D(-25508), D(-25507));
    expect_period(cal, MONTHC, t, D(-25508), D(-25508 + 31));
    expect_label(cal, MONTHC, t, "1900-03");
    skpi_period p;
    assert_int_equal(skpi_calendar_previous(&p, cal, MONTHC, t), SKPI_OK);
    assert_true(p.start == D(-25508 - 28) && p.end == D(-25508));
    expect_period(cal, WEEKC, t, D(-25511), D(-25504));
    expect_label(cal, WEEKC, t, "1900-W09");
    /* -300: the epoch is 1969-12-31T19:00 locally */
    skpi_calendar *est = make(-300, 1, 1);
    expect_period(est, DAYC, 0, -DAY + 18000, 18000);
    expect_label(est, DAYC, 0, "1969-12-31");
    skpi_calendar_free(cal);
    skpi_calendar_free(est);
}

static void year_1_edge(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, SKPI_MONDAY, 1);
    /* 0001-01-01 is a Monday: the first week starts exactly at MIN. */
    expect_period(cal, DAYC, MIN, MIN, MIN + DAY);
    expect_label(cal, DAYC, MIN, "0001-01-01");
    expect_period(cal, WEEKC, MIN + 5, MIN, MIN + 7 * DAY);
    expect_label(cal, WEEKC, MIN, "0001-W01");
    expect_period(cal, MONTHC, MIN, MIN, MIN + 31 * DAY);
    expect_label(cal, MONTHC, MIN, "0001-01");
    expect_period(cal, QUARTERC, MIN, MIN, MIN + 90 * DAY); /* 31 + 28 + 31 */
    expect_label(cal, QUARTERC, MIN, "0001-Q1");
    expect_period(cal, YEARC, MIN, MIN, MIN + 365 * DAY);
    expect_label(cal, YEARC, MIN, "0001");
    skpi_period p = { 7, 9 };
    assert_int_equal(skpi_calendar_previous(&p, cal, DAYC, MIN + 100), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "starts before year 1"));
    assert_true(p.start == 7 && p.end == 9);
    expect_range_error(cal, DAYC, MIN - 1);
    assert_non_null(strstr(skpi_last_error(), "-62135596801"));
    expect_range_error(cal, YEARC, INT64_MIN);

    /* A Sunday week holding 0001-01-01 starts on 0000-12-31. */
    skpi_calendar *sun = make(0, SKPI_SUNDAY, 1);
    expect_range_error(sun, WEEKC, MIN);
    assert_non_null(strstr(skpi_last_error(), "week containing 0001-01-01T00:00:00Z starts before year 1"));
    expect_period(sun, WEEKC, MIN + 6 * DAY, MIN + 6 * DAY, MIN + 13 * DAY);
    /* Any offset moves the local day 0001-01-01 off MIN: at -60 MIN is
     * 0000-12-31T23:00 locally; at +60 the local day began an hour before MIN. */
    skpi_calendar *west = make(-60, 1, 1), *east = make(60, 1, 1);
    expect_range_error(west, DAYC, MIN);
    expect_period(west, DAYC, MIN + 3600, MIN + 3600, MIN + 3600 + DAY);
    expect_range_error(east, DAYC, MIN);
    expect_period(east, DAYC, MIN + DAY, MIN + DAY - 3600, MIN + 2 * DAY - 3600);
    /* An April fiscal year holding 0001-01-01 began in year 0. */
    skpi_calendar *apr = make(0, 1, 4);
    expect_range_error(apr, YEARC, MIN);
    expect_period(apr, QUARTERC, MIN, MIN, MIN + 90 * DAY);
    expect_label(apr, QUARTERC, MIN, "FY0001-Q4");
    skpi_calendar_free(cal);
    skpi_calendar_free(sun);
    skpi_calendar_free(west);
    skpi_calendar_free(east);
    skpi_calendar_free(apr);
}

static void year_9999_edge(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, SKPI_MONDAY, 1);
    /* Periods may end exactly at SKPI_TIME_END (10000-01-01T00:00:00Z).
     * 9999 is not a leap year; December 31 days, Q4 31 + 30 + 31 = 92. */
    skpi_time last = END - 1;
    expect_period(cal, DAYC, last, END - DAY, END);
    expect_label(cal, DAYC, last, "9999-12-31");
    expect_period(cal, MONTHC, last, END - 31 * DAY, END);
    expect_label(cal, MONTHC, last, "9999-12");
    expect_period(cal, QUARTERC, last, END - 92 * DAY, END);
    expect_label(cal, QUARTERC, last, "9999-Q4");
    expect_period(cal, YEARC, last, END - 365 * DAY, END);
    expect_label(cal, YEARC, last, "9999");
    /* 9999-12-31 is a Friday: its Monday week runs into 10000-01-02. */
    expect_range_error(cal, WEEKC, last);
    assert_non_null(strstr(skpi_last_error(), "ends after year 9999"));
    /* With Saturday weeks the last week is Sat 9999-12-25 .. Fri 12-31 and
     * ends at END; its fourth day (Tue 12-28) is in 9999.
     * 9999-01-04 is a Monday, so week 1 started Sat 9999-01-02 (day
     * 2932533); (2932890 - 2932533) / 7 + 1 = 52. */
    skpi_calendar *sat = make(0, SKPI_SATURDAY, 1);
    expect_period(sat, WEEKC, last, END - 7 * DAY, END);
    expect_label(sat, WEEKC, last, "9999-W52");

    skpi_period p = { 7, 9 };
    assert_int_equal(skpi_calendar_next(&p, cal, DAYC, last), SKPI_ERANGE);
    assert_true(p.start == 7 && p.end == 9);
    assert_int_equal(skpi_calendar_next(&p, cal, DAYC, END - DAY - 1), SKPI_OK);
    assert_true(p.start == END - DAY && p.end == END);
    expect_range_error(cal, DAYC, END);
    expect_range_error(cal, DAYC, INT64_MAX);
    assert_non_null(strstr(skpi_last_error(), "9223372036854775807"));

    /* +60: END - 1 is already 10000-01-01 locally. */
    skpi_calendar *east = make(60, 1, 1);
    expect_range_error(east, DAYC, last);
    expect_range_error(east, YEARC, last);
    expect_period(east, DAYC, END - 3601, END - DAY - 3600, END - 3600);
    /* -60: the local year 9999 ends at END + 3600, outside the range; the
     * year before it, 9998 (9998-01-01 = day 2932167), is fine. */
    skpi_calendar *west = make(-60, 1, 1);
    expect_range_error(west, YEARC, last);
    expect_range_error(west, DAYC, last);
    assert_int_equal(skpi_calendar_previous(&p, west, YEARC, last), SKPI_OK);
    assert_true(p.start == D(2932167) + 3600 && p.end == END - 365 * DAY + 3600);
    /* October fiscal years: 9999-11 would be FY10000, ending 10000-10-01;
     * 9999-09-15 is in FY9999 = 9998-10-01 (2932167 + 273) .. 9999-10-01
     * (2932532 + 273). */
    skpi_calendar *oct = make(0, 1, 10);
    expect_range_error(oct, YEARC, last);
    /* ... while its first quarter, October to December 9999, ends at END:
     * the one label with a five-digit year. */
    expect_period(oct, QUARTERC, last, END - 92 * DAY, END);
    expect_label(oct, QUARTERC, last, "FY10000-Q1");
    expect_period(oct, YEARC, END - 100 * DAY, D(2932440), D(2932805));
    expect_label(oct, YEARC, END - 100 * DAY, "FY9999");
    skpi_calendar_free(cal);
    skpi_calendar_free(sat);
    skpi_calendar_free(east);
    skpi_calendar_free(west);
    skpi_calendar_free(oct);
}

static void shifts(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, SKPI_MONDAY, 1);
    skpi_period p;
    assert_int_equal(skpi_calendar_shift(&p, cal, DAYC, 5, 1000), SKPI_OK);
    assert_true(p.start == D(1000) && p.end == D(1001));
    assert_int_equal(skpi_calendar_shift(&p, cal, DAYC, 5, 0), SKPI_OK);
    assert_true(p.start == 0 && p.end == DAY);
    assert_int_equal(skpi_calendar_shift(&p, cal, DAYC, 5, -1000), SKPI_OK);
    assert_true(p.start == D(-1000) && p.end == D(-999));
    /* 1200 months after November 2026: November 2126. 2026-11-01 = 20758;
     * the 100 years to 2126-11-01 hold 24 leap days (2028..2124 less 2100):
     * 36500 + 24 = 36524 -> 57282; December 1 = 57282 + 30. */
    assert_int_equal(skpi_calendar_shift(&p, cal, MONTHC, D(20779), 1200), SKPI_OK);
    assert_true(p.start == D(57282) && p.end == D(57312));
    /* 52000 weeks back from the week of 2026-11-16 (20773) */
    assert_int_equal(skpi_calendar_shift(&p, cal, WEEKC, D(20779), -52000), SKPI_OK);
    assert_true(p.start == D(20773 - 364000) && p.end == D(20773 - 364000 + 7));
    /* 2025 years back from 2026 is year 1; one more is out of range */
    assert_int_equal(skpi_calendar_shift(&p, cal, YEARC, D(20779), -2025), SKPI_OK);
    assert_true(p.start == MIN && p.end == MIN + 365 * DAY);
    assert_int_equal(skpi_calendar_shift(&p, cal, YEARC, D(20779), -2026), SKPI_ERANGE);
    /* (9999 - 2026) * 4 = 31892 quarters after 2026-Q4 is 9999-Q4 */
    assert_int_equal(skpi_calendar_shift(&p, cal, QUARTERC, D(20779), 31892), SKPI_OK);
    assert_true(p.start == END - 92 * DAY && p.end == END);
    p.start = 7; p.end = 9;
    assert_int_equal(skpi_calendar_shift(&p, cal, QUARTERC, D(20779), 31893), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "ends after year 9999"));
    assert_int_equal(skpi_calendar_shift(&p, cal, DAYC, 0, INT64_MAX), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "moving 9223372036854775807 periods"));
    assert_int_equal(skpi_calendar_shift(&p, cal, DAYC, 0, INT64_MIN), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_shift(&p, cal, YEARC, 0, 8000001), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_shift(&p, cal, DAYC, END, 0), SKPI_ERANGE);
    assert_true(p.start == 7 && p.end == 9);

    /* previous and next */
    assert_int_equal(skpi_calendar_previous(&p, cal, WEEKC, D(20779)), SKPI_OK);
    assert_true(p.start == D(20766) && p.end == D(20773));
    assert_int_equal(skpi_calendar_next(&p, cal, WEEKC, D(20779)), SKPI_OK);
    assert_true(p.start == D(20780) && p.end == D(20787));
    assert_int_equal(skpi_calendar_previous(&p, cal, MONTHC, D(19783) + 14 * DAY), SKPI_OK);
    assert_true(p.start == D(19754) && p.end == D(19783)); /* Feb 2024, 29 days */
    assert_int_equal(skpi_calendar_next(&p, cal, YEARC, D(19782)), SKPI_OK);
    assert_true(p.start == D(20089) && p.end == D(20454)); /* 2025 */
    /* fiscal: the quarter after FY2026-Q4 (April year) is FY2027-Q1 */
    skpi_calendar *apr = make(0, 1, 4);
    assert_int_equal(skpi_calendar_next(&p, apr, QUARTERC, D(20544) - 1), SKPI_OK);
    assert_true(p.start == D(20544) && p.end == D(20635));
    /* the quarter before FY2027-Q1 (October year) is July..September 2026 */
    skpi_calendar *oct = make(0, 1, 10);
    assert_int_equal(skpi_calendar_previous(&p, oct, QUARTERC, D(20779)), SKPI_OK);
    assert_true(p.start == D(20635) && p.end == D(20727));
    skpi_calendar_free(cal);
    skpi_calendar_free(apr);
    skpi_calendar_free(oct);
}

static void year_earlier(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, SKPI_MONDAY, 1);
    skpi_period p;
    /* 2024-02-29 has no twin: 2023-02-28 (19416), not 365 days back (19417 = March 1) */
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, DAYC, D(19782) + 43200), SKPI_OK);
    assert_true(p.start == D(19416) && p.end == D(19417));
    /* 2025-03-01 (20089 + 59 = 20148) -> 2024-03-01 (19783), 366 days back */
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, DAYC, D(20148)), SKPI_OK);
    assert_true(p.start == D(19783) && p.end == D(19784));
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, DAYC, D(19783)), SKPI_OK);
    assert_true(p.start == D(19417) && p.end == D(19418));
    /* week: 364 days before the week of 2026-11-16 (20773): 2025-11-17 (20409), a Monday */
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, WEEKC, D(20779)), SKPI_OK);
    assert_true(p.start == D(20409) && p.end == D(20416));
    /* month: February 2024 -> February 2023 */
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, MONTHC, D(19782)), SKPI_OK);
    assert_true(p.start == D(19389) && p.end == D(19417));
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, YEARC, D(20600)), SKPI_OK);
    assert_true(p.start == D(20089) && p.end == D(20454));
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, QUARTERC, D(20779)), SKPI_OK);
    assert_true(p.start == D(20727 - 365) && p.end == D(20819 - 365)); /* 2025-Q4 */
    /* April fiscal: 2026-05-10 is in FY2027-Q1; a year earlier is FY2026-Q1
     * = 2025-04-01 (20179) .. 2025-07-01 (20270), and FY2026 ends 20544 */
    skpi_calendar *apr = make(0, 1, 4);
    assert_int_equal(skpi_calendar_year_earlier(&p, apr, QUARTERC, D(20583)), SKPI_OK);
    assert_true(p.start == D(20179) && p.end == D(20270));
    assert_int_equal(skpi_calendar_year_earlier(&p, apr, YEARC, D(20583)), SKPI_OK);
    assert_true(p.start == D(20179) && p.end == D(20544));
    /* the local date decides: 2026-11-22T23:30Z is 2026-11-23 at +60, so a
     * year earlier is local 2025-11-23 (20409 + 6) */
    skpi_calendar *cet = make(60, 1, 1);
    assert_int_equal(skpi_calendar_year_earlier(&p, cet, DAYC, D(20779) + 84600), SKPI_OK);
    assert_true(p.start == D(20415) - 3600 && p.end == D(20416) - 3600);
    /* nothing before year 1 */
    p.start = 7; p.end = 9;
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, DAYC, MIN + 300 * DAY), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, WEEKC, MIN + 300 * DAY), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, YEARC, MIN), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, DAYC, END), SKPI_ERANGE);
    assert_true(p.start == 7 && p.end == 9);
    assert_int_equal(skpi_calendar_year_earlier(&p, cal, DAYC, MIN + 365 * DAY), SKPI_OK);
    assert_true(p.start == MIN && p.end == MIN + DAY);
    skpi_calendar_free(cal);
    skpi_calendar_free(apr);
    skpi_calendar_free(cet);
}

static void label_buffers(void **state)
{
    (void)state;
    assert_int_equal(skpi_calendar_label_size(), 32);
    skpi_calendar *cal = make(0, 1, 1), *oct = make(0, 1, 10);
    char buf[32];
    /* "2026-W47" needs 9 bytes with its NUL */
    strcpy(buf, "junk");
    assert_int_equal(skpi_calendar_label(buf, 8, cal, WEEKC, D(20779)), SKPI_ERANGE);
    assert_string_equal(buf, "");
    assert_non_null(strstr(skpi_last_error(), "needs 9"));
    assert_int_equal(skpi_calendar_label(buf, 9, cal, WEEKC, D(20779)), SKPI_OK);
    assert_string_equal(buf, "2026-W47");
    assert_int_equal(skpi_calendar_label(buf, 9, oct, QUARTERC, D(20779)), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_label(buf, 10, oct, QUARTERC, D(20779)), SKPI_OK);
    assert_string_equal(buf, "FY2027-Q1");
    assert_int_equal(skpi_calendar_label(buf, 5, cal, YEARC, D(20779)), SKPI_OK);
    assert_string_equal(buf, "2026");
    /* size 0: nothing is written */
    strcpy(buf, "junk");
    assert_int_equal(skpi_calendar_label(buf, 0, cal, DAYC, 0), SKPI_ERANGE);
    assert_string_equal(buf, "junk");
    skpi_calendar_free(cal);
    skpi_calendar_free(oct);
}

/* ---- parsing ---- */

static void expect_parse(const char *text, skpi_time want)
{
    skpi_time t = 12345;
    int rc = skpi_time_parse(&t, text);
    if (rc != SKPI_OK) fail_msg("%s: %s", text, skpi_last_error());
    if (t != want) fail_msg("%s: got %lld, want %lld", text, (long long)t, (long long)want);
}

static void parse_accepted_forms(void **state)
{
    (void)state;
    skpi_time day = D(20779); /* 2026-11-22 */
    expect_parse("2026-11-22", day);
    expect_parse("2026-11-22T10:00", day + 36000);
    expect_parse("2026-11-22 10:00", day + 36000);
    expect_parse("2026-11-22T10:00:05", day + 36005);
    expect_parse("2026-11-22 10:00:05", day + 36005);
    expect_parse("2026-11-22T10:00:05.9", day + 36005);       /* fraction dropped */
    expect_parse("2026-11-22T10:00:05.123456789", day + 36005);
    expect_parse("2026-11-22T10:00Z", day + 36000);
    expect_parse("2026-11-22T10:00:05Z", day + 36005);
    expect_parse("2026-11-22T10:00:05.5Z", day + 36005);
    expect_parse("2026-11-22T10:00+01:00", day + 32400);       /* 10:00 at +1 = 09:00Z */
    expect_parse("2026-11-22T10:00:00+0100", day + 32400);
    expect_parse("2026-11-22T10:00:00+01", day + 32400);
    expect_parse("2026-11-22T10:00:00-05:30", day + 36000 + 19800);
    expect_parse("2026-11-22T10:00:00-0530", day + 36000 + 19800);
    expect_parse("2026-11-22T10:00:00-05", day + 36000 + 18000);
    expect_parse("2026-11-22T10:00:00-00:00", day + 36000);
    expect_parse("2026-11-22T10:00:00+18:00", day + 36000 - 64800);
    expect_parse("2026-11-22 10:00 +01:00", day + 32400);      /* space before the offset */
    expect_parse("2026-11-22 10:00:00.25 -0530", day + 36000 + 19800);
    expect_parse("2026-11-22T10:00 Z", day + 36000);
    expect_parse("2026-11-22T00:30+01:00", day - 1800);        /* the day before in UTC */
    expect_parse("1969-12-31T23:59:59Z", -1);
    expect_parse("1900-03-01", D(-25508));
    expect_parse("0001-01-01", MIN);
    expect_parse("0001-01-01T01:00+01:00", MIN);
    expect_parse("9999-12-31T23:59:59", END - 1);
    expect_parse("9999-12-31T23:59:59.999Z", END - 1);
    expect_parse("2024-02-29", D(19782));
    expect_parse("2000-02-29T12:00", D(11016) + 43200);

    /* without an offset the calendar's zone applies; an explicit one wins */
    skpi_calendar *cet = make(60, 1, 1), *est = make(-300, 1, 1);
    skpi_time t = 0;
    assert_int_equal(skpi_calendar_parse(&t, cet, "2026-11-22"), SKPI_OK);
    assert_true(t == day - 3600);
    assert_int_equal(skpi_calendar_parse(&t, cet, "2026-11-22T10:00Z"), SKPI_OK);
    assert_true(t == day + 36000);
    assert_int_equal(skpi_calendar_parse(&t, est, "2026-11-22 21:00"), SKPI_OK);
    assert_true(t == day + DAY + 7200);                        /* 2026-11-23T02:00Z */
    assert_int_equal(skpi_calendar_parse(&t, est, "2026-11-22T21:00+02:00"), SKPI_OK);
    assert_true(t == day + 19 * 3600);
    skpi_calendar_free(cet);
    skpi_calendar_free(est);
}

/* A rejected text: the code, the column named in the message, *out untouched. */
static void expect_reject(const char *text, int code, int column)
{
    skpi_time t = 12345;
    int rc = skpi_time_parse(&t, text);
    if (rc != code) fail_msg("\"%s\": got %d (%s), want %d", text, rc, skpi_last_error(), code);
    assert_true(t == 12345);
    if (column > 0) {
        char want[32];
        snprintf(want, sizeof want, "column %d:", column);
        if (!strstr(skpi_last_error(), want))
            fail_msg("\"%s\": message \"%s\" lacks \"%s\"", text, skpi_last_error(), want);
    }
}

static void parse_malformed(void **state)
{
    (void)state;
    expect_reject("", SKPI_EPARSE, 1);
    assert_non_null(strstr(skpi_last_error(), "expected a four-digit year"));
    assert_non_null(strstr(skpi_last_error(), "found the end of the text"));
    expect_reject(" 2026-11-22", SKPI_EPARSE, 1);
    assert_non_null(strstr(skpi_last_error(), "found a space"));
    expect_reject("26-11-22", SKPI_EPARSE, 3);
    expect_reject("20261-11-22", SKPI_EPARSE, 5);
    expect_reject("2026/11/22", SKPI_EPARSE, 5);
    assert_non_null(strstr(skpi_last_error(), "found '/'"));
    expect_reject("2026-1-22", SKPI_EPARSE, 7);
    expect_reject("2026-11-2", SKPI_EPARSE, 10);
    expect_reject("2026-11-22x", SKPI_EPARSE, 11);
    expect_reject("2026-11-22Z", SKPI_EPARSE, 11);          /* an offset needs a time */
    expect_reject("2026-11-22 ", SKPI_EPARSE, 12);
    expect_reject("2026-11-22T", SKPI_EPARSE, 12);
    expect_reject("2026-11-22T1", SKPI_EPARSE, 13);
    expect_reject("2026-11-22T10", SKPI_EPARSE, 14);
    assert_non_null(strstr(skpi_last_error(), "':' after the hour"));
    expect_reject("2026-11-22T10:0", SKPI_EPARSE, 16);
    expect_reject("2026-11-22T10:00:", SKPI_EPARSE, 18);
    expect_reject("2026-11-22T10:00:00.", SKPI_EPARSE, 21);
    expect_reject("2026-11-22T10:00:00.x", SKPI_EPARSE, 21);
    expect_reject("2026-11-22T10:00x", SKPI_EPARSE, 17);
    expect_reject("2026-11-22T10:00.5", SKPI_EPARSE, 17);   /* a fraction needs seconds */
    expect_reject("2026-11-22T10:00 ", SKPI_EPARSE, 18);
    expect_reject("2026-11-22T10:00:00 x", SKPI_EPARSE, 21);
    expect_reject("2026-11-22T10:00:00+1", SKPI_EPARSE, 22);
    expect_reject("2026-11-22T10:00:00+", SKPI_EPARSE, 21);
    expect_reject("2026-11-22T10:00:00+01:0", SKPI_EPARSE, 25);
    expect_reject("2026-11-22T10:00:00+01:", SKPI_EPARSE, 24);
    expect_reject("2026-11-22T10:00:00+010", SKPI_EPARSE, 24);
    expect_reject("2026-11-22T10:00:00Zjunk", SKPI_EPARSE, 21);
    assert_non_null(strstr(skpi_last_error(), "expected the end of the text"));
    expect_reject("2026-11-22T10:00:00+01:00 ", SKPI_EPARSE, 26);
    expect_reject("2026-11-22T10:00:00  Z", SKPI_EPARSE, 21);
    expect_reject("2026-11-22t10:00", SKPI_EPARSE, 11);
    expect_reject("\xef\xbc\x92" "026-11-22", SKPI_EPARSE, 1);   /* a full-width digit */
    assert_non_null(strstr(skpi_last_error(), "byte 0xEF"));
    expect_reject("2026-11-22\t10:00", SKPI_EPARSE, 11);
    expect_reject("+2026-11-22", SKPI_EPARSE, 1);

    /* well formed, out of range: ERANGE with the field's column */
    expect_reject("0000-01-01", SKPI_ERANGE, 1);
    assert_non_null(strstr(skpi_last_error(), "year 0"));
    expect_reject("2026-13-01", SKPI_ERANGE, 6);
    expect_reject("2026-00-10", SKPI_ERANGE, 6);
    expect_reject("2026-02-29", SKPI_ERANGE, 9);
    assert_non_null(strstr(skpi_last_error(), "day 29 is outside 1 to 28 for 2026-02"));
    expect_reject("2026-04-31", SKPI_ERANGE, 9);
    expect_reject("2026-04-00", SKPI_ERANGE, 9);
    expect_reject("2026-11-22T24:00", SKPI_ERANGE, 12);
    expect_reject("2026-11-22T23:60", SKPI_ERANGE, 15);
    expect_reject("2026-11-22T23:59:60", SKPI_ERANGE, 18);   /* no leap seconds */
    expect_reject("2026-11-22T10:00+19:00", SKPI_ERANGE, 17);
    expect_reject("2026-11-22T10:00+18:01", SKPI_ERANGE, 17);
    expect_reject("2026-11-22T10:00-01:60", SKPI_ERANGE, 21);
    expect_reject("2026-11-22T10:00-0160", SKPI_ERANGE, 20);
    expect_reject("0001-01-01T00:30+01:00", SKPI_ERANGE, 0);
    assert_non_null(strstr(skpi_last_error(), "outside 0001-01-01T00:00:00Z"));
    expect_reject("9999-12-31T23:30-01:00", SKPI_ERANGE, 0);

    skpi_calendar *east = make(60, 1, 1);
    skpi_time t = 7;
    assert_int_equal(skpi_calendar_parse(&t, east, "0001-01-01"), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_parse(&t, east, "2026-11-22T"), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "skpi_calendar_parse: column 12"));
    assert_true(t == 7);
    skpi_calendar_free(east);
}

/* ---- formatting ---- */

static void expect_format(skpi_time t, int offset, const char *want)
{
    char buf[32];
    assert_int_equal(skpi_time_format(buf, sizeof buf, t, offset), SKPI_OK);
    assert_string_equal(buf, want);
}

static void formatting(void **state)
{
    (void)state;
    skpi_time t = D(20779) + 36000;
    expect_format(t, 0, "2026-11-22T10:00:00Z");
    expect_format(t, 60, "2026-11-22T11:00:00+01:00");
    expect_format(t, -300, "2026-11-22T05:00:00-05:00");
    expect_format(t, -30, "2026-11-22T09:30:00-00:30");
    expect_format(t, 1080, "2026-11-23T04:00:00+18:00");
    expect_format(t + 3599, 345, "2026-11-22T16:44:59+05:45");
    expect_format(-1, 0, "1969-12-31T23:59:59Z");
    expect_format(D(-25508), 0, "1900-03-01T00:00:00Z");
    expect_format(MIN, 0, "0001-01-01T00:00:00Z");
    expect_format(END - 1, 0, "9999-12-31T23:59:59Z");
    expect_format(D(19782) + 86399, 0, "2024-02-29T23:59:59Z");

    char buf[32];
    assert_int_equal(skpi_time_format_date(buf, sizeof buf, D(20779) + 84600, 60), SKPI_OK);
    assert_string_equal(buf, "2026-11-23");
    assert_int_equal(skpi_time_format_date(buf, sizeof buf, D(20780) + 7200, -300), SKPI_OK);
    assert_string_equal(buf, "2026-11-22");
    assert_int_equal(skpi_time_format_date(buf, 11, -1, 0), SKPI_OK);
    assert_string_equal(buf, "1969-12-31");

    /* buffers: 21 bytes for Z, 26 with an offset, 11 for a date */
    strcpy(buf, "junk");
    assert_int_equal(skpi_time_format(buf, 20, t, 0), SKPI_ERANGE);
    assert_string_equal(buf, "");
    assert_non_null(strstr(skpi_last_error(), "21 are needed"));
    assert_int_equal(skpi_time_format(buf, 21, t, 0), SKPI_OK);
    assert_int_equal(skpi_time_format(buf, 25, t, 60), SKPI_ERANGE);
    assert_int_equal(skpi_time_format(buf, 26, t, 60), SKPI_OK);
    assert_string_equal(buf, "2026-11-22T11:00:00+01:00");
    assert_int_equal(skpi_time_format_date(buf, 10, t, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_format_date(buf, 11, t, 0), SKPI_OK);
    strcpy(buf, "junk");
    assert_int_equal(skpi_time_format(buf, 0, t, 0), SKPI_ERANGE);
    assert_string_equal(buf, "junk");
    assert_true(skpi_calendar_label_size() >= sizeof "YYYY-MM-DDTHH:MM:SS+HH:MM");

    /* range: the offset, the time, and the local time */
    assert_int_equal(skpi_time_format(buf, sizeof buf, t, 1081), SKPI_ERANGE);
    assert_int_equal(skpi_time_format(buf, sizeof buf, t, -1081), SKPI_ERANGE);
    assert_int_equal(skpi_time_format_date(buf, sizeof buf, t, 1081), SKPI_ERANGE);
    assert_int_equal(skpi_time_format(buf, sizeof buf, END, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_format(buf, sizeof buf, MIN - 1, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_format(buf, sizeof buf, INT64_MIN, 0), SKPI_ERANGE);
    assert_int_equal(skpi_time_format(buf, sizeof buf, MIN, -1), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "outside years 1 to 9999 locally"));
    assert_int_equal(skpi_time_format(buf, sizeof buf, END - 1, 1), SKPI_ERANGE);
    assert_int_equal(skpi_time_format_date(buf, sizeof buf, END - 1, 1), SKPI_ERANGE);
    assert_int_equal(skpi_time_format(buf, sizeof buf, END - 61, 1), SKPI_OK);
    assert_string_equal(buf, "9999-12-31T23:59:59+00:01");
}

static void format_parse_round_trips(void **state)
{
    (void)state;
    /* canonical texts come back unchanged */
    static const struct { const char *text; int offset; } canon[] = {
        { "2026-11-22T10:00:00Z", 0 },
        { "1969-12-31T23:59:59Z", 0 },
        { "0001-01-01T00:00:00Z", 0 },
        { "9999-12-31T23:59:59Z", 0 },
        { "2024-02-29T12:34:56+05:30", 330 },
        { "1900-03-01T00:00:00-00:30", -30 },
        { "0001-01-01T18:00:00+18:00", 1080 },
        { "9999-12-31T05:59:59-18:00", -1080 },
    };
    for (size_t i = 0; i < sizeof canon / sizeof canon[0]; i++) {
        skpi_time t;
        char buf[32];
        assert_int_equal(skpi_time_parse(&t, canon[i].text), SKPI_OK);
        assert_int_equal(skpi_time_format(buf, sizeof buf, t, canon[i].offset), SKPI_OK);
        assert_string_equal(buf, canon[i].text);
    }
    /* pseudo-random times over the whole range, at several offsets */
    static const int offsets[] = { 0, 60, -300, 330, 345, -30, 1080, -1080 };
    uint64_t x = 88172645463325252u;
    const uint64_t span = (uint64_t)(END - MIN);
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;   /* xorshift64 */
        skpi_time t = MIN + (skpi_time)(x % span);
        int off = offsets[i % 8];
        char buf[32];
        int rc = skpi_time_format(buf, sizeof buf, t, off);
        if (t + off * 60 < MIN || t + off * 60 >= END) {
            assert_int_equal(rc, SKPI_ERANGE);
            continue;
        }
        assert_int_equal(rc, SKPI_OK);
        skpi_time back;
        assert_int_equal(skpi_time_parse(&back, buf), SKPI_OK);
        assert_true(back == t);
        char date[32];
        assert_int_equal(skpi_time_format_date(date, sizeof date, t, off), SKPI_OK);
        assert_memory_equal(date, buf, 10);
    }
}

/* ---- threads ---- */

typedef struct job {
    const skpi_calendar *cal;
    int mismatches;
} job;

static void *label_many(void *arg)
{
    job *j = arg;
    for (int i = 0; i < 20000; i++) {
        skpi_time t = D(19000) + (skpi_time)i * 7919;
        char a[32], b[32];
        skpi_period p;
        if (skpi_calendar_label(a, sizeof a, j->cal, WEEKC, t) != SKPI_OK) j->mismatches++;
        if (skpi_calendar_period(&p, j->cal, WEEKC, t) != SKPI_OK) j->mismatches++;
        if (skpi_calendar_label(b, sizeof b, j->cal, WEEKC, p.start) != SKPI_OK) j->mismatches++;
        if (strcmp(a, b) != 0 || t < p.start || t >= p.end) j->mismatches++;
    }
    return NULL;
}

/* One calendar read by several threads at once. */
static void shared_between_threads(void **state)
{
    (void)state;
    skpi_calendar *cal = make(-300, SKPI_SUNDAY, 7);
    job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].cal = cal;
        jobs[i].mismatches = 0;
    }
    test_threads_run(label_many, jobs, sizeof jobs[0], 4);
    for (int i = 0; i < 4; i++) assert_int_equal(jobs[i].mismatches, 0);
    skpi_calendar_free(cal);
}

/* Offsets as flags and settings carry them; minutes worked out by hand. */
static void utc_offsets(void **state)
{
    (void)state;
    static const struct { const char *text; int minutes; } good[] = {
        { "Z", 0 }, { "+00:00", 0 }, { "-00:00", 0 }, { "+01:00", 60 }, { "-05:30", -330 },
        { "+0545", 345 }, { "+14", 840 }, { "-18:00", -1080 }, { "+18", 1080 }, { "+09:30", 570 },
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        int m = 12345;
        assert_int_equal(skpi_utc_offset_parse(&m, good[i].text), SKPI_OK);
        assert_int_equal(m, good[i].minutes);
    }
    static const struct { const char *text; int rc; } bad[] = {
        { "", SKPI_EPARSE }, { "2", SKPI_EPARSE }, { "01:00", SKPI_EPARSE }, { "+1", SKPI_EPARSE },
        { "+01:0", SKPI_EPARSE }, { "+01:00 ", SKPI_EPARSE }, { "Z+01", SKPI_EPARSE }, { "z", SKPI_EPARSE },
        { "+010", SKPI_EPARSE }, { "UTC", SKPI_EPARSE }, { "+01:60", SKPI_ERANGE }, { "+18:01", SKPI_ERANGE },
        { "-19", SKPI_ERANGE }, { "+99:00", SKPI_ERANGE },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int m = 7;
        assert_int_equal(skpi_utc_offset_parse(&m, bad[i].text), bad[i].rc);
        assert_int_equal(m, 7);
        assert_non_null(strstr(skpi_last_error(), "skpi_utc_offset_parse"));
    }
    assert_non_null(strstr((skpi_utc_offset_parse(&(int){ 0 }, "01:00"), skpi_last_error()), "+HH:MM"));
    assert_int_equal(skpi_utc_offset_parse(NULL, "Z"), SKPI_EMISUSE);
    assert_int_equal(skpi_utc_offset_parse(&(int){ 0 }, NULL), SKPI_EMISUSE);
    /* The same forms after a time, where the parser names the column. */
    skpi_time t;
    assert_int_equal(skpi_time_parse(&t, "2026-11-22T10:00:00+0545"), SKPI_OK);
    assert_true(t == 1795341600LL - 345 * 60);
    assert_int_equal(skpi_time_parse(&t, "2026-11-22T10:00:00+01:6"), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "column 25: expected two digits of offset minutes"));
    assert_int_equal(skpi_time_parse(&t, "2026-11-22T10:00:00+01:61"), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "column 24: offset minute 61"));
    assert_int_equal(skpi_time_parse(&t, "2026-11-22T10:00:00-19:00"), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "column 20: offset -19:00 is beyond 18 hours"));
    assert_int_equal(skpi_time_parse(&t, "2026-11-22T10:00:00+x"), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "column 21: expected two digits of offset hours"));
}

/* Period numbers (#16: rollups number their buckets through calendar.h).
 * Worked out by hand: 2026-03-02 is day 20514 since 1970-01-01 (1970 to
 * 2026 holds 56 years with 14 leap days, 20454 days, plus 59 + 1 for
 * 2 March); a Monday, so its ISO week is floor((20514 + 4 - 1) / 7) = 2931;
 * month 2026 * 12 + 2 = 24314; quarter floor(24314 / 3) = 8104; year 2026.
 * A fiscal year from July: March 2026 is in the year starting July 2025,
 * floor((24314 - 6) / 12) = 2025. */
static void period_numbers(void **state)
{
    (void)state;
    skpi_calendar *cal = make(0, 1, 1);
    skpi_time t = at(2026, 3, 2, 15, 0, 0);
    const struct { int cadence; int64_t number; skpi_time start; } cases[] = {
        { DAYC, 20514, at(2026, 3, 2, 0, 0, 0) },
        { WEEKC, 2931, at(2026, 3, 2, 0, 0, 0) },
        { MONTHC, 24314, at(2026, 3, 1, 0, 0, 0) },
        { QUARTERC, 8104, at(2026, 1, 1, 0, 0, 0) },
        { YEARC, 2026, at(2026, 1, 1, 0, 0, 0) },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t n = 0;
        skpi_time start = 0;
        assert_int_equal(skpi_calendar_period_number(&n, cal, cases[i].cadence, t), SKPI_OK);
        assert_int_equal(n, cases[i].number);
        assert_int_equal(skpi_calendar_period_number_start(&start, cal, cases[i].cadence, n), SKPI_OK);
        assert_int_equal(start, cases[i].start);
        /* consecutive numbers, consecutive periods */
        skpi_period next;
        assert_int_equal(skpi_calendar_period_number_start(&start, cal, cases[i].cadence, n + 1), SKPI_OK);
        assert_int_equal(skpi_calendar_shift(&next, cal, cases[i].cadence, t, 1), SKPI_OK);
        assert_int_equal(start, next.start);
    }
    skpi_calendar_free(cal);
    cal = make(0, 1, 7);
    int64_t year = 0;
    assert_int_equal(skpi_calendar_period_number(&year, cal, YEARC, t), SKPI_OK);
    assert_int_equal(year, 2025);
    skpi_time start = 0;
    assert_int_equal(skpi_calendar_period_number_start(&start, cal, YEARC, year), SKPI_OK);
    assert_int_equal(start, at(2025, 7, 1, 0, 0, 0));
    assert_int_equal(skpi_calendar_period_number(NULL, cal, DAYC, t), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_period_number(&year, cal, 9, t), SKPI_EINVAL);
    assert_int_equal(skpi_calendar_period_number_start(&start, cal, DAYC, 5000000), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_period_number_start(&start, cal, YEARC, 10000), SKPI_ERANGE);
    skpi_calendar_free(cal);
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_and_setters),
        cmocka_unit_test(null_handles),
        cmocka_unit_test(unknown_cadence),
        cmocka_unit_test(out_of_memory),
        cmocka_unit_test(time_from_civil_values),
        cmocka_unit_test(civil_helpers),
        cmocka_unit_test(period_index_helpers),
        cmocka_unit_test(day_periods),
        cmocka_unit_test(utc_offsets_across_midnight),
        cmocka_unit_test(iso_week_edges),
        cmocka_unit_test(other_week_starts),
        cmocka_unit_test(months_quarters_years),
        cmocka_unit_test(fiscal_years),
        cmocka_unit_test(before_1970),
        cmocka_unit_test(year_1_edge),
        cmocka_unit_test(year_9999_edge),
        cmocka_unit_test(shifts),
        cmocka_unit_test(year_earlier),
        cmocka_unit_test(label_buffers),
        cmocka_unit_test(parse_accepted_forms),
        cmocka_unit_test(parse_malformed),
        cmocka_unit_test(formatting),
        cmocka_unit_test(format_parse_round_trips),
        cmocka_unit_test(shared_between_threads),
        cmocka_unit_test(utc_offsets),
        cmocka_unit_test(period_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
