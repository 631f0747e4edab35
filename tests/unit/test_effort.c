/* Tests of effort.h: activities, hours and their bad input, timesheets all
 * or nothing, the source callback, capacity, impact per hour and the
 * weekly slope. Expected numbers are worked out in the comments. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL
#include <socialkpi.h>
#include <math.h>
#include <string.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "test_double.h"

static skpi_time day(int y, int m, int d)
{
    skpi_time t = 0;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

static skpi_period one_day(int y, int m, int d)
{
    skpi_period p = { day(y, m, d), day(y, m, d) + 86400 };
    return p;
}

static skpi_effort *team(void)
{
    skpi_effort *e = NULL;
    assert_int_equal(skpi_effort_new(&e), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity(e, "Video", "Creator", "instagram:*"), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity_metric(e, "Video", "engagements"), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity_skill(e, "Video", "editing"), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity(e, "Static posts", "Creator", "instagram:*"), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity_metric(e, "Static posts", "engagements"), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity(e, "Community", "Community manager", NULL), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity_metric(e, "Community", "new_followers"), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity(e, "Reporting", "Analyst", NULL), SKPI_OK);
    assert_int_equal(skpi_effort_add_person(e, "Ann", "Creator"), SKPI_OK);
    assert_int_equal(skpi_effort_add_person(e, "Bo", "Creator"), SKPI_OK);
    return e;
}

static void test_activities(void **state)
{
    (void)state;
    skpi_effort *e = team();
    assert_int_equal(skpi_effort_activity_count(e), 4);
    const char *name, *role, *channels, *item;
    assert_int_equal(skpi_effort_activity(&name, &role, &channels, e, 2), SKPI_OK);
    assert_string_equal(name, "Community");
    assert_string_equal(role, "Community manager");
    assert_string_equal(channels, "*");
    assert_int_equal(skpi_effort_activity_item(&item, e, 0, 1, 0), SKPI_OK);
    assert_string_equal(item, "editing");
    assert_int_equal(skpi_effort_activity_item(&item, e, 0, 0, 1), SKPI_OK);
    assert_null(item);
    assert_int_equal(skpi_effort_add_activity(e, "Video", "Creator", NULL), SKPI_EEXISTS);
    assert_int_equal(skpi_effort_add_activity(e, "X", "Creator", "not a selector"), SKPI_EINVAL);
    assert_int_equal(skpi_effort_add_activity_metric(e, "Nope", "engagements"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_effort_role_of(&role, e, "Ann"), SKPI_OK);
    assert_string_equal(role, "Creator");
    assert_int_equal(skpi_effort_role_of(&role, e, "Analyst"), SKPI_OK);
    assert_string_equal(role, "Analyst");
    assert_int_equal(skpi_effort_role_of(&role, e, "Zed"), SKPI_ENOTFOUND);
    assert_int_equal(skpi_effort_add_person(e, "Ann", "Analyst"), SKPI_EINVAL);
    skpi_effort_free(e);
    skpi_effort_free(NULL);
}

static void test_bad_hours(void **state)
{
    (void)state;
    skpi_effort *e = team();
    skpi_period d = one_day(2026, 1, 5);
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Video", d, -1.0, NAN), SKPI_ERANGE);
    assert_non_null(strstr(skpi_last_error(), "at least 0"));
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Reporting", d, 1.0, NAN), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "names no metric"));
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Dancing", d, 1.0, NAN), SKPI_ENOTFOUND);
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Video", d, 1.0, -5.0), SKPI_ERANGE);
    /* A day holds 24 hours for Ann: 20 + 5 is too many, 20 + 4 is not. */
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Video", d, 20.0, NAN), SKPI_OK);
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Static posts", d, 5.0, NAN), SKPI_ERANGE);
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Static posts", d, 4.0, NAN), SKPI_OK);
    /* The role Creator has two people: 48 hours a day. */
    assert_int_equal(skpi_effort_add_hours(e, "Creator", "Video", d, 48.0, NAN), SKPI_OK);
    assert_int_equal(skpi_effort_add_hours(e, "Creator", "Video", d, 0.5, NAN), SKPI_ERANGE);
    assert_int_equal(skpi_effort_entry_count(e), 3);
    skpi_effort_free(e);
}

static void test_timesheet_all_or_nothing(void **state)
{
    (void)state;
    skpi_effort *e = team();
    static const char good[] = "\xEF\xBB\xBF" "Date,Person,Role,Activity,Hours,Cost\r\n"
                               "2026-01-05,Ann,Creator,Video,3.5,70\r\n"
                               "2026-01-05,Cy,Community manager,Community,2,\r\n"
                               "\r\n"
                               "2026-01-06,\"Ann\",Creator,\"Static posts\",1.25,25\r\n";
    assert_int_equal(skpi_effort_import_timesheet_buffer(e, good, sizeof good - 1, NULL), SKPI_OK);
    assert_int_equal(skpi_effort_entry_count(e), 3);
    const char *who, *act;
    skpi_period p;
    double h, c;
    assert_int_equal(skpi_effort_entry(&who, &act, &p, &h, &c, e, 2), SKPI_OK);
    assert_string_equal(who, "Ann");
    assert_string_equal(act, "Static posts");
    assert_int_equal(p.start, day(2026, 1, 6));
    assert_int_equal(p.end, day(2026, 1, 7));
    assert_double_equal(h, 1.25, 0);
    assert_double_equal(c, 25.0, 0);
    assert_int_equal(skpi_effort_entry(NULL, NULL, NULL, NULL, &c, e, 1), SKPI_OK);
    assert_true(isnan(c));
    const char *role;
    assert_int_equal(skpi_effort_role_of(&role, e, "Cy"), SKPI_OK);
    assert_string_equal(role, "Community manager");

    /* Each bad row: an error naming its line; nothing of the file is kept
     * (Dee, declared on line 2, is gone too). */
    static const char *const bad[] = {
        "date,person,role,activity,hours\n2026-02-02,Dee,Analyst,Video,2\n2026-02-02,Ann,Creator,Video,-1\n",
        "date,person,role,activity,hours\n2026-02-02,Dee,Analyst,Video,2\n2026-02-02,Ann,Creator,Video,25\n",
        "date,person,role,activity,hours\n2026-02-02,Dee,Analyst,Video,2\n2026-02-02,Ann,Creator,Reporting,1\n",
        "date,person,role,activity,hours\n2026-02-02,Dee,Analyst,Video,2\n2026-02-02,Ann,Creator,Juggling,1\n",
        "date,person,role,activity,hours\n2026-02-02,Dee,Analyst,Video,2\n2026-02-31,Ann,Creator,Video,1\n",
        "date,person,role,activity,hours\n2026-02-02,Dee,Analyst,Video,2\n2026-02-03,Ann,Creator,Video,two\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_true(skpi_effort_import_timesheet_buffer(e, bad[i], strlen(bad[i]), NULL) < 0);
        assert_non_null(strstr(skpi_last_error(), "line 3"));
        assert_int_equal(skpi_effort_entry_count(e), 3);
        assert_int_equal(skpi_effort_role_of(&role, e, "Dee"), SKPI_ENOTFOUND);
    }
    static const char nohours[] = "date,person,activity\n2026-02-02,Ann,Video\n";
    assert_int_equal(skpi_effort_import_timesheet_buffer(e, nohours, sizeof nohours - 1, NULL),
                     SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "hours"));
    assert_int_equal(skpi_effort_import_timesheet(e, "/nonexistent/timesheet.csv", NULL), SKPI_EIO);
    skpi_effort_free(e);
}

static int source_ok(skpi_effort *e, skpi_period period, void *userdata)
{
    (void)userdata;
    skpi_period d = { period.start, period.start + 86400 };
    return skpi_effort_add_hours(e, "Ann", "Video", d, 2.0, NAN);
}

static int source_stops(skpi_effort *e, skpi_period period, void *userdata)
{
    (void)userdata;
    skpi_period d = { period.start, period.start + 86400 };
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Video", d, 2.0, NAN), SKPI_OK);
    return 7;
}

static void test_source(void **state)
{
    (void)state;
    skpi_effort *e = team();
    skpi_period week = { day(2026, 1, 5), day(2026, 1, 12) };
    assert_int_equal(skpi_effort_fetch(e, week, source_ok, NULL), SKPI_OK);
    assert_int_equal(skpi_effort_entry_count(e), 1);
    assert_int_equal(skpi_effort_fetch(e, week, source_stops, NULL), SKPI_ECALLBACK);
    assert_int_equal(skpi_effort_entry_count(e), 1);
    skpi_effort_free(e);
}

/* Weekly hours of Video and the daily engagements on instagram:@acme: 16
 * weeks from Monday 2025-11-10, each day of week w has 10 + 2 h_w + noise_w
 * engagements, so the week has 7 times that. */
static const double hours16[16] = { 2, 4, 3, 5, 6, 4, 7, 8, 5, 9, 6, 10, 8, 11, 9, 12 };
static const double noise16[16] = { 1, -1, 0, 2, -2, 1, 0, -1, 1, 0, -1, 2, -2, 0, 1, -1 };

static skpi_dataset *weekly_data(skpi_effort *e)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time start = day(2025, 11, 10);
    for (int w = 0; w < 16; w++) {
        skpi_time t[7];
        double v[7];
        for (int k = 0; k < 7; k++) {
            t[k] = start + (skpi_time)(w * 7 + k) * 86400;
            v[k] = 10 + 2 * hours16[w] + noise16[w];
        }
        assert_int_equal(skpi_dataset_append(ds, "engagements", "instagram:@acme", t, v, 7), SKPI_OK);
        skpi_period monday = { t[0], t[0] + 86400 };
        assert_int_equal(skpi_effort_add_hours(e, "Ann", "Video", monday, hours16[w], 20.0 * hours16[w]),
                         SKPI_OK);
    }
    return ds;
}

static void test_impact_and_slope(void **state)
{
    (void)state;
    skpi_effort *e = team();
    skpi_dataset *ds = weekly_data(e);
    /* Static posts: 1 hour in the period by the role Creator; Community: 3
     * hours by Cy (not declared: counts toward the activity's role). */
    assert_int_equal(skpi_effort_add_hours(e, "Creator", "Static posts", one_day(2026, 1, 7), 1.0, NAN),
                     SKPI_OK);
    assert_int_equal(skpi_effort_add_hours(e, "Cy", "Community", one_day(2026, 1, 8), 3.0, NAN),
                     SKPI_OK);
    assert_int_equal(skpi_effort_set_capacity(e, "Creator", 8.0), SKPI_OK);
    assert_int_equal(skpi_effort_set_capacity(e, "Community manager", 1.0), SKPI_OK);
    assert_int_equal(skpi_effort_set_capacity(e, "Analyst", -1.0), SKPI_ERANGE);
    skpi_period period = { day(2026, 1, 5), day(2026, 3, 2) };   /* weeks 9-16: 56 days */
    skpi_period previous = { day(2025, 11, 10), day(2026, 1, 5) }; /* weeks 1-8 */
    skpi_resourcing *r = NULL;
    /* 13 weeks by default: the slope sees weeks 4 to 16. */
    skpi_impact v;
    assert_int_equal(skpi_impact_init(&v, SKPI_IMPACT_VERSION), SKPI_OK);
    assert_int_equal(skpi_resourcing_new(&r, e, ds, NULL, period, previous, NULL), SKPI_OK);
    assert_int_equal(skpi_resourcing_impact(&v, r, 0), SKPI_OK);
    assert_int_equal(v.weeks, 13);
    skpi_resourcing_free(r);
    skpi_resourcing_options o;
    assert_int_equal(skpi_resourcing_options_init(&o, SKPI_RESOURCING_OPTIONS_VERSION), SKPI_OK);
    o.window_weeks = 16;
    assert_int_equal(skpi_resourcing_new(&r, e, ds, NULL, period, previous, &o), SKPI_OK);

    /* Roles sorted: Analyst, Community manager, Creator. */
    assert_int_equal(skpi_resourcing_role_count(r), 3);
    const char *name;
    double planned, available;
    int over;
    assert_int_equal(skpi_resourcing_role(&name, &planned, &available, &over, r, 0), SKPI_OK);
    assert_string_equal(name, "Analyst");
    assert_double_equal(planned, 0.0, 0);
    assert_true(isnan(available));
    assert_int_equal(over, 0);
    /* Community manager: 3 hours planned, 1 h/week × 56 / 7 = 8 available. */
    assert_int_equal(skpi_resourcing_role(&name, &planned, &available, &over, r, 1), SKPI_OK);
    assert_string_equal(name, "Community manager");
    assert_double_equal(planned, 3.0, 0);
    assert_double_equal(available, 8.0, 1e-12);
    assert_int_equal(over, 0);
    /* Creator: video 5+9+6+10+8+11+9+12 = 70, static 1: 71 > 8 × 8 = 64. */
    assert_int_equal(skpi_resourcing_role(&name, &planned, &available, &over, r, 2), SKPI_OK);
    assert_double_equal(planned, 71.0, 0);
    assert_double_equal(available, 64.0, 1e-12);
    assert_int_equal(over, 1);

    double hours, prev, cost, cell;
    assert_int_equal(skpi_resourcing_activity(&name, &hours, &prev, &cost, r, 0), SKPI_OK);
    assert_string_equal(name, "Video");
    assert_double_equal(hours, 70.0, 0);
    assert_double_equal(prev, 2 + 4 + 3 + 5 + 6 + 4 + 7 + 8, 0);
    assert_double_equal(cost, 20.0 * 70.0, 1e-9);
    assert_int_equal(skpi_resourcing_hours(&cell, r, 2, 1), SKPI_OK);
    assert_double_equal(cell, 3.0, 0);
    assert_int_equal(skpi_resourcing_hours(&cell, r, 0, 1), SKPI_OK);
    assert_double_equal(cell, 0.0, 0);

    /* Two figures: engagements on instagram:* shared by Video and Static
     * posts (shown once), new_followers for Community. */
    assert_int_equal(skpi_resourcing_impact_count(r), 2);
    assert_int_equal(skpi_resourcing_impact(&v, r, 0), SKPI_OK);
    assert_string_equal(v.metric, "engagements");
    assert_int_equal(v.activities, 2);
    size_t a;
    assert_int_equal(skpi_resourcing_impact_activity(&a, r, 0, 1), SKPI_OK);
    assert_int_equal(a, 1);
    /* Result: 7 × Σ(10 + 2h + noise) over weeks 9-16 = 7 × (80 + 140 + 0)
     * = 1540, hours 70 + 1 = 71; previous 7 × (80 + 78 + 0) = 1106 over 39. */
    assert_int_equal(v.result.availability, SKPI_AVAILABLE);
    assert_double_equal(v.result.value, 1540.0, 1e-9);
    assert_double_equal(v.hours, 71.0, 0);
    assert_double_equal(v.per_hour.value, 1540.0 / 71.0, 1e-12);
    assert_double_equal(v.previous_result.value, 1106.0, 1e-9);
    assert_double_equal(v.previous_per_hour.value, 1106.0 / 39.0, 1e-12);
    assert_double_equal(v.cost_per_result.value, 1400.0 / 1540.0, 1e-12);
    /* Slope over the 16 weeks of hours x (Video + Static posts: week 9 has
     * 5 + 1) on results y; numpy.linalg.lstsq on these x and y gives the
     * slope, its standard error s, and t(0.975, 14) = 2.1447866879 (t table). */
    assert_int_equal(v.weeks, 16);
    assert_int_equal(v.estimated, 1);
    /* numpy: x = hours16 with x[8] = 6; slope 13.70775347912524,
     * s = 0.8092794472364376 */
    assert_double_equal(v.slope, 13.70775347912524, 1e-9);
    assert_double_equal(v.slope_high - v.slope, 2.1447866879169273 * 0.8092794472364376, 1e-7);
    assert_double_equal(v.slope - v.slope_low, 2.1447866879169273 * 0.8092794472364376, 1e-7);

    /* Community: no new_followers data: not available, no estimate. */
    assert_int_equal(skpi_resourcing_impact(&v, r, 1), SKPI_OK);
    assert_int_equal(v.result.availability, SKPI_MISSING);
    assert_int_equal(v.per_hour.availability, SKPI_MISSING);
    assert_int_equal(v.estimated, 0);

    size_t order[4], count;
    assert_int_equal(skpi_resourcing_rank(order, &count, 4, r, "engagements"), SKPI_OK);
    assert_int_equal(count, 1);
    assert_int_equal(skpi_resourcing_rank(order, &count, 4, r, "new_followers"), SKPI_OK);
    assert_int_equal(count, 0);
    skpi_resourcing_free(r);

    /* Fewer weeks than the minimum: no estimate. */
    o.min_weeks = 17;
    assert_int_equal(skpi_resourcing_new(&r, e, ds, NULL, period, previous, &o), SKPI_EINVAL);
    o.window_weeks = 17;
    assert_int_equal(skpi_resourcing_new(&r, e, ds, NULL, period, previous, &o), SKPI_OK);
    assert_int_equal(skpi_resourcing_impact(&v, r, 0), SKPI_OK);
    assert_int_equal(v.weeks, 16);
    assert_int_equal(v.estimated, 0);
    assert_true(isnan(v.slope));
    skpi_resourcing_free(r);
    skpi_dataset_free(ds);
    skpi_effort_free(e);
}

/* The Resourcing section of a report: its tables carry the figures above. */
static void test_report_section(void **state)
{
    (void)state;
    skpi_effort *e = team();
    skpi_dataset *ds = weekly_data(e);
    assert_int_equal(skpi_effort_add_hours(e, "Cy", "Community", one_day(2026, 2, 3), 3.0, NAN), SKPI_OK);
    assert_int_equal(skpi_effort_set_capacity(e, "Creator", 8.0), SKPI_OK);
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Team"), SKPI_OK);
    assert_int_equal(skpi_report_set_cadence(r, SKPI_CADENCE_MONTH), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 3, 1)), SKPI_OK);
    assert_int_equal(skpi_report_set_audience(r, SKPI_AUDIENCE_MANAGEMENT), SKPI_OK);
    assert_int_equal(skpi_report_add_kpi(r, "engagements", "instagram:*"), SKPI_OK);
    /* without effort: no Resourcing section */
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    size_t before = skpi_doc_block_count(doc);
    skpi_doc_free(doc);
    assert_int_equal(skpi_report_set_effort(r, e), SKPI_OK);
    assert_ptr_equal(skpi_report_effort(r), e);
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    assert_true(skpi_doc_block_count(doc) > before);
    /* February 2026: video hours of the weeks starting 2, 9, 16, 23
     * February (weeks 13-16: 8 + 11 + 9 + 12 = 40), Creator capacity 8 h a
     * week × 28 / 7 = 32 available: over-allocated. */
    size_t tables = 0;
    bool found_capacity = false;
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind != SKPI_BLOCK_TABLE) continue;
        tables++;
        const char *h, *cell;
        int align;
        assert_int_equal(skpi_doc_table_header(&h, &align, doc, b, 0), SKPI_OK);
        if (strcmp(h, "Role") != 0) continue;
        size_t rows;
        assert_int_equal(skpi_doc_block_size(&rows, doc, b), SKPI_OK);
        for (size_t row = 0; row < rows; row++) {
            assert_int_equal(skpi_doc_table_cell(&cell, doc, b, row, 0), SKPI_OK);
            if (strcmp(cell, "Creator") != 0) continue;
            found_capacity = true;
            assert_int_equal(skpi_doc_table_cell(&cell, doc, b, row, 1), SKPI_OK);
            assert_string_equal(cell, "40.0");
            assert_int_equal(skpi_doc_table_cell(&cell, doc, b, row, 2), SKPI_OK);
            assert_string_equal(cell, "32.0");
            assert_int_equal(skpi_doc_table_cell(&cell, doc, b, row, 3), SKPI_OK);
            assert_string_equal(cell, "yes");
        }
    }
    assert_true(found_capacity);
    assert_int_equal(tables, 4); /* hours, capacity, impact, estimates */
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
    skpi_effort_free(e);
}

/* The store keeps entries; reading them back checks them again. */
static void test_store_round_trip(void **state)
{
    (void)state;
    char path[] = "/tmp/skpi_effort_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    remove(path);
    skpi_store *st = NULL;
    assert_int_equal(skpi_store_open(&st, path, NULL), SKPI_OK);
    skpi_effort *e = team();
    assert_int_equal(skpi_effort_add_hours(e, "Ann", "Video", one_day(2026, 1, 5), 2.5, 50.0), SKPI_OK);
    assert_int_equal(skpi_effort_add_hours(e, "Bo", "Static posts", one_day(2026, 1, 6), 1.0, NAN), SKPI_OK);
    assert_int_equal(skpi_store_write_effort(st, e, 0), SKPI_OK);
    assert_int_equal(skpi_store_write_effort(st, e, 3), SKPI_ERANGE);
    skpi_effort *back = team();
    assert_int_equal(skpi_store_read_effort(st, back), SKPI_OK);
    assert_int_equal(skpi_effort_entry_count(back), 2);
    const char *who, *act;
    skpi_period p;
    double h, c;
    assert_int_equal(skpi_effort_entry(&who, &act, &p, &h, &c, back, 0), SKPI_OK);
    assert_string_equal(who, "Ann");
    assert_string_equal(act, "Video");
    assert_int_equal(p.start, day(2026, 1, 5));
    assert_double_equal(h, 2.5, 0);
    assert_double_equal(c, 50.0, 0);
    assert_int_equal(skpi_effort_entry(NULL, NULL, NULL, NULL, &c, back, 1), SKPI_OK);
    assert_true(isnan(c));
    /* A team without the activity "Static posts": nothing is read. */
    skpi_effort *other = NULL;
    assert_int_equal(skpi_effort_new(&other), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity(other, "Video", "Creator", NULL), SKPI_OK);
    assert_int_equal(skpi_effort_add_activity_metric(other, "Video", "engagements"), SKPI_OK);
    assert_int_equal(skpi_store_read_effort(st, other), SKPI_ENOTFOUND);
    assert_non_null(strstr(skpi_last_error(), "Static posts"));
    assert_int_equal(skpi_effort_entry_count(other), 0);
    skpi_effort_free(other);
    skpi_effort_free(back);
    skpi_effort_free(e);
    skpi_store_free(st);
    remove(path);
}

static void test_definitions_team(void **state)
{
    (void)state;
    static const char doc[] =
        "{ \"version\": 1, \"team\": {"
        "  \"activities\": [ { \"name\": \"Video\", \"role\": \"Creator\", \"channels\": \"instagram:*\","
        "                      \"metrics\": [\"engagements\"], \"skills\": [\"editing\"] } ],"
        "  \"people\": [ { \"name\": \"Ann\", \"role\": \"Creator\" } ],"
        "  \"capacity\": [ { \"role\": \"Creator\", \"hours_per_week\": 30 } ] } }";
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&defs, doc, sizeof doc - 1, NULL), SKPI_OK);
    skpi_effort *e = skpi_definitions_effort(defs);
    assert_non_null(e);
    assert_int_equal(skpi_effort_activity_count(e), 1);
    const char *role;
    double hours;
    assert_int_equal(skpi_effort_role_of(&role, e, "Ann"), SKPI_OK);
    assert_string_equal(role, "Creator");
    assert_int_equal(skpi_effort_capacity(&role, &hours, e, 0), SKPI_OK);
    assert_double_equal(hours, 30.0, 0);
    char *text = NULL;
    size_t size = 0;
    assert_int_equal(skpi_definitions_save_buffer(&text, &size, defs), SKPI_OK);
    assert_non_null(strstr(text, "\"hours_per_week\": 30"));
    skpi_definitions *again = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&again, text, size, NULL), SKPI_OK);
    assert_int_equal(skpi_effort_person_count(skpi_definitions_effort(again)), 1);
    skpi_definitions_free(again);
    skpi_free(text);
    skpi_definitions_free(defs);

    static const char no_metric[] =
        "{ \"version\": 1, \"team\": { \"activities\": [ { \"name\": \"Reporting\", \"role\": \"Analyst\","
        " \"metrics\": [] } ] } }";
    assert_int_equal(skpi_definitions_load_buffer(&defs, no_metric, sizeof no_metric - 1, NULL), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "team.activities[0].metrics"));
    static const char unknown[] =
        "{ \"version\": 1, \"team\": { \"activities\": [ { \"name\": \"Reporting\", \"role\": \"Analyst\","
        " \"metrics\": [\"nope\"] } ] } }";
    assert_int_equal(skpi_definitions_load_buffer(&defs, unknown, sizeof unknown - 1, NULL), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "nope"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_activities),
        cmocka_unit_test(test_bad_hours),
        cmocka_unit_test(test_timesheet_all_or_nothing),
        cmocka_unit_test(test_source),
        cmocka_unit_test(test_impact_and_slope),
        cmocka_unit_test(test_report_section),
        cmocka_unit_test(test_store_round_trip),
        cmocka_unit_test(test_definitions_team),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
