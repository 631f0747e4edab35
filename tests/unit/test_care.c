/* Customer-care imports (docs/import.md, "Customer care"): per-message
 * exports and binned response times into messages_received,
 * messages_answered, response_seconds and messages_in_target per day, the
 * service-level target option, durations, and bad input that stores
 * nothing. Every expected figure is worked out by hand below from our
 * fixtures tests/fixtures/import/care_messages.csv and care_bins.csv. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <string.h>

#define MESSAGES "tests/fixtures/import/care_messages.csv"
#define BINS "tests/fixtures/import/care_bins.csv"
#define ABSENT (-12345.0)

static skpi_time t_of(const char *text)
{
    skpi_time t;
    assert_int_equal(skpi_time_parse(&t, text), SKPI_OK);
    return t;
}

/* The stored point of a series on a day (ABSENT: none). */
static double at(const skpi_dataset *ds, const char *metric, const char *channel, const char *d)
{
    const skpi_series *s;
    if (skpi_dataset_series(&s, ds, metric, channel) != SKPI_OK)
        return ABSENT;
    skpi_time t = t_of(d);
    for (size_t i = 0; i < skpi_series_length(s); i++)
        if (skpi_series_times(s)[i] == t)
            return skpi_series_values(s)[i];
    return ABSENT;
}

static skpi_dataset *imported(const char *path, const skpi_import_options *o)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    assert_int_equal(skpi_import_file(NULL, ds, path, o), SKPI_OK);
    return ds;
}

static double value(skpi_dataset *ds, const char *metric, const char *sel, const char *from,
                    const char *to)
{
    skpi_value v;
    skpi_period p = { t_of(from), t_of(to) };
    assert_int_equal(skpi_dataset_value(&v, ds, metric, sel, p), SKPI_OK);
    return v.availability == SKPI_AVAILABLE ? v.value : NAN;
}

/* care_messages.csv, target 1 h (UTC days):
 *   facebook:acme   03-02  m1 600 s in, m2 3600 s in (the edge counts),
 *                          m3 7200 s out, m4 never answered:
 *                          received 4, answered 3, 11,400 s, in target 2
 *   instagram:@acme 03-02  m5 45 s in, m6 3000 s in (answered after
 *                          midnight, counted on the day received):
 *                          received 2, answered 2, 3,045 s, in target 2
 *   both            03-03  no message: 0 for each count (covered day)
 *   facebook:acme   03-04  m7 82,800 s out: 1, 1, 82,800, 0
 *   instagram:@acme 03-04  m8 never answered: 1, 0, 0, 0 */
static void messages_by_day(void **state)
{
    (void)state;
    skpi_dataset *ds = imported(MESSAGES, NULL);
    static const struct { const char *ch, *day; double r, a, s, in; } want[] = {
        { "facebook:acme", "2026-03-02", 4, 3, 11400, 2 },
        { "instagram:@acme", "2026-03-02", 2, 2, 3045, 2 },
        { "facebook:acme", "2026-03-03", 0, 0, 0, 0 },
        { "instagram:@acme", "2026-03-03", 0, 0, 0, 0 },
        { "facebook:acme", "2026-03-04", 1, 1, 82800, 0 },
        { "instagram:@acme", "2026-03-04", 1, 0, 0, 0 },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_true(at(ds, "messages_received", want[i].ch, want[i].day) == want[i].r);
        assert_true(at(ds, "messages_answered", want[i].ch, want[i].day) == want[i].a);
        assert_true(at(ds, "response_seconds", want[i].ch, want[i].day) == want[i].s);
        assert_true(at(ds, "messages_in_target", want[i].ch, want[i].day) == want[i].in);
    }
    assert_true(at(ds, "messages_received", "facebook:acme", "2026-03-01") == ABSENT);
    assert_true(at(ds, "messages_received", "facebook:acme", "2026-03-05") == ABSENT);
    /* March 2-4, both channels: 4 of 8 within the hour = 50 %; the mean
     * response (11,400 + 3,045 + 82,800) / 6 answered = 16,207.5 s. */
    assert_true(value(ds, "service_level", "*", "2026-03-02", "2026-03-05") == 50.0);
    assert_true(value(ds, "response_time", "*", "2026-03-02", "2026-03-05") == 16207.5);
    /* Facebook on March 2: 2 of 4 = 50 %; Instagram 2 of 2 = 100 %. */
    assert_true(value(ds, "service_level", "facebook:acme", "2026-03-02", "2026-03-03") == 50.0);
    assert_true(value(ds, "service_level", "instagram:*", "2026-03-02", "2026-03-03") == 100.0);
    skpi_dataset_free(ds);
}

/* A target of 2 h takes m3 (7200 s) in; 30 s leaves only... none of
 * m1 600, m2 3600, m5 45, m6 3000: 0 in target on March 2. */
static void messages_target_option(void **state)
{
    (void)state;
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.service_level_seconds = 7200;
    skpi_dataset *ds = imported(MESSAGES, &o);
    assert_true(at(ds, "messages_in_target", "facebook:acme", "2026-03-02") == 3);
    skpi_dataset_free(ds);
    o.service_level_seconds = 30;
    ds = imported(MESSAGES, &o);
    assert_true(at(ds, "messages_in_target", "facebook:acme", "2026-03-02") == 0);
    assert_true(at(ds, "messages_in_target", "instagram:@acme", "2026-03-02") == 0);
    skpi_dataset_free(ds);
    /* The defaults: 0, which means one hour. */
    skpi_import_options d;
    memset(&d, 0xff, sizeof d);
    assert_int_equal(skpi_import_options_init(&d, SKPI_IMPORT_OPTIONS_VERSION), SKPI_OK);
    assert_true(d.service_level_seconds == 0);
    /* An older options struct (version 3) ends before the target: the
     * library neither writes nor reads it, and the default hour applies. */
    skpi_import_options v3;
    memset(&v3, 0x5a, sizeof v3);
    assert_int_equal(skpi_import_options_init(&v3, 3), SKPI_OK);
    const unsigned char *tail = (const unsigned char *)&v3.service_level_seconds;
    for (size_t i = 0; i < sizeof v3.service_level_seconds; i++)
        assert_int_equal(tail[i], 0x5a);
    ds = imported(MESSAGES, &v3);
    assert_true(at(ds, "messages_in_target", "facebook:acme", "2026-03-02") == 2);
    skpi_dataset_free(ds);
    o.service_level_seconds = -5;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    assert_int_equal(skpi_import_file(NULL, ds, MESSAGES, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "service-level target"));
    skpi_dataset_free(ds);
}

/* Days in the import's zone: at UTC+01:00, m6 (23:30Z) was received at
 * 00:30 on March 3, so Instagram has 1 message on March 2 and 1 on
 * March 3; days start at 23:00Z the evening before. */
static void messages_local_days(void **state)
{
    (void)state;
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.utc_offset_minutes = 60;
    skpi_dataset *ds = imported(MESSAGES, &o);
    assert_true(at(ds, "messages_received", "instagram:@acme", "2026-03-01T23:00:00Z") == 1);
    assert_true(at(ds, "messages_received", "instagram:@acme", "2026-03-02T23:00:00Z") == 1);
    assert_true(at(ds, "response_seconds", "instagram:@acme", "2026-03-02T23:00:00Z") == 3000);
    skpi_dataset_free(ds);
}

/* A response-time column instead of the answer time; Zendesk's minutes. */
static void response_columns(void **state)
{
    (void)state;
    static const char csv[] =
        "received,network,response_seconds\n"
        "2026-03-02 08:00,x,0:59:59\n"
        "2026-03-02 09:00,x,3601\n"
        "2026-03-02 10:00,x,\n";
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_import_summary *sum = NULL;
    assert_int_equal(skpi_import_buffer(&sum, ds, csv, sizeof csv - 1, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_CARE_MESSAGES);
    skpi_import_summary_free(sum);
    /* 3599 s in, 3601 s out, one unanswered: 3, 2, 7200 s, 1 */
    assert_true(at(ds, "messages_received", "x:default", "2026-03-02") == 3);
    assert_true(at(ds, "messages_answered", "x:default", "2026-03-02") == 2);
    assert_true(at(ds, "response_seconds", "x:default", "2026-03-02") == 7200);
    assert_true(at(ds, "messages_in_target", "x:default", "2026-03-02") == 1);
    skpi_dataset_free(ds);

    static const char zendesk[] =
        "Id,Subject,Via,Created at,First reply time in minutes,"
        "First reply time in minutes within business hours\n"
        "101,Order late,Twitter,2026-03-02 08:00:00,45,45\n"
        "102,Refund,Mail,2026-03-02 09:00:00,75,20\n"
        "103,Hello,Twitter,2026-03-02 10:00:00,,\n";
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    assert_int_equal(skpi_import_buffer(&sum, ds, zendesk, sizeof zendesk - 1, NULL, NULL), SKPI_OK);
    assert_int_equal(skpi_import_summary_preset(sum), SKPI_IMPORT_ZENDESK_TICKETS);
    skpi_import_summary_free(sum);
    /* Twitter is x: 2 received, 1 answered in 45 min (in); Mail 75 min (out) */
    assert_true(at(ds, "messages_received", "x:default", "2026-03-02") == 2);
    assert_true(at(ds, "messages_answered", "x:default", "2026-03-02") == 1);
    assert_true(at(ds, "response_seconds", "x:default", "2026-03-02") == 2700);
    assert_true(at(ds, "messages_in_target", "x:default", "2026-03-02") == 1);
    assert_true(at(ds, "response_seconds", "mail:default", "2026-03-02") == 4500);
    assert_true(at(ds, "messages_in_target", "mail:default", "2026-03-02") == 0);
    skpi_dataset_free(ds);
}

/* care_bins.csv, target 1 h: March 2, 12 + 5 + 3 + 2 + 1 answered and 2
 * never = 25 received, 23 answered, 0-15 min and 15-60 min (ending at the
 * target) = 17 in target; March 3 none: 0; March 4, 8 + 0 + 4 and 1 never
 * = 13, 12, 8. No response_seconds: bins do not tell. */
static void bins_by_day(void **state)
{
    (void)state;
    skpi_dataset *ds = imported(BINS, NULL);
    assert_true(at(ds, "messages_received", "facebook:acme", "2026-03-02") == 25);
    assert_true(at(ds, "messages_answered", "facebook:acme", "2026-03-02") == 23);
    assert_true(at(ds, "messages_in_target", "facebook:acme", "2026-03-02") == 17);
    assert_true(at(ds, "messages_received", "facebook:acme", "2026-03-03") == 0);
    assert_true(at(ds, "messages_in_target", "facebook:acme", "2026-03-03") == 0);
    assert_true(at(ds, "messages_received", "facebook:acme", "2026-03-04") == 13);
    assert_true(at(ds, "messages_answered", "facebook:acme", "2026-03-04") == 12);
    assert_true(at(ds, "messages_in_target", "facebook:acme", "2026-03-04") == 8);
    const skpi_series *s;
    assert_int_equal(skpi_dataset_series(&s, ds, "response_seconds", "facebook:acme"),
                     SKPI_ENOTFOUND);
    /* (17 + 8) / (25 + 13) = 65.789... % */
    assert_true(fabs(value(ds, "service_level", "*", "2026-03-02", "2026-03-05") -
                     2500.0 / 38.0) < 1e-9);
    skpi_dataset_free(ds);
    /* 4 h: 0-15, 15-60 and 1-4 h in: 20 on March 2 */
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.service_level_seconds = 4 * 3600;
    ds = imported(BINS, &o);
    assert_true(at(ds, "messages_in_target", "facebook:acme", "2026-03-02") == 20);
    skpi_dataset_free(ds);
}

/* A target inside a bin is an error naming the bin and the target, and
 * nothing is stored. */
static void bins_target_inside(void **state)
{
    (void)state;
    skpi_import_options o = SKPI_IMPORT_OPTIONS_INIT;
    o.service_level_seconds = 30 * 60;
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    assert_int_equal(skpi_import_file(NULL, ds, BINS, &o), SKPI_EPARSE);
    const char *e = skpi_last_error();
    assert_non_null(strstr(e, "line 3, column 4 (\"bin\")"));
    assert_non_null(strstr(e, "(30 min)"));
    assert_non_null(strstr(e, "15-60 min"));
    assert_int_equal(skpi_dataset_channel_count(ds), 0);
    skpi_dataset_free(ds);
}

/* Bad rows: the error names the line and column; the dataset keeps what
 * it held before the file. */
static void bad_rows(void **state)
{
    (void)state;
    static const struct { const char *csv, *where; } bad[] = {
        { "received,answered\n2026-03-02 08:00,2026-03-02 09:00\n"
          "2026-03-02 10:00,2026-03-02 09:59\n", "line 3, column 2 (\"answered\")" },
        { "received,answered\n2026-03-02 08:00,yesterday\n", "line 2, column 2 (\"answered\")" },
        { "received,answered\nsoon,2026-03-02 09:00\n", "line 2, column 1 (\"received\")" },
        { "received,response_seconds\n2026-03-02 08:00,-30\n",
          "line 2, column 2 (\"response_seconds\")" },
        { "received,response_minutes\n2026-03-02 08:00,ten\n",
          "line 2, column 2 (\"response_minutes\")" },
        { "received,answered\n2026-03-02,2026-03-02 09:00\n", "line 2, column 1 (\"received\")" },
        { "date,bin,count\n2026-03-02,about an hour,3\n", "line 2, column 2 (\"bin\")" },
        { "date,bin,count\n2026-03-02,0-15 min,-3\n", "line 2, column 3 (\"count\")" },
        { "date,bin,count\n2026-03-02,0-15 min,2.5\n", "line 2, column 3 (\"count\")" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        skpi_dataset *ds = imported(MESSAGES, NULL);
        double before = at(ds, "messages_received", "facebook:acme", "2026-03-02");
        size_t channels = skpi_dataset_channel_count(ds);
        assert_int_equal(skpi_import_buffer(NULL, ds, bad[i].csv, strlen(bad[i].csv), "care.csv",
                                            NULL), SKPI_EPARSE);
        if (strstr(skpi_last_error(), bad[i].where) == NULL)
            fail_msg("case %zu: %s", i, skpi_last_error());
        assert_true(at(ds, "messages_received", "facebook:acme", "2026-03-02") == before);
        assert_int_equal(skpi_dataset_channel_count(ds), channels);
        assert_true(at(ds, "messages_received", "care:default", "2026-03-02") == ABSENT);
        skpi_dataset_free(ds);
    }
    /* no answer and no response column */
    static const char none[] = "received,network\n2026-03-02 08:00,x\n";
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    assert_int_equal(skpi_import_buffer(NULL, ds, none, sizeof none - 1, NULL, NULL), SKPI_EPARSE);
    assert_non_null(strstr(skpi_last_error(), "answered"));
    skpi_dataset_free(ds);
}

static void bin_labels(void **state)
{
    (void)state;
    /* through the importer: each label alone, target 1 h, 1 message */
    static const struct { const char *label; double in, answered; } cases[] = {
        { "0-15 min", 1, 1 }, { "15-60 min", 1, 1 }, { "15 min - 1 h", 1, 1 },
        { "1-4 h", 0, 1 }, { "1h-4h", 0, 1 }, { "< 1 h", 1, 1 }, { "under 30 min", 1, 1 },
        { "> 24 h", 0, 1 }, { "24h+", 0, 1 }, { "more than 1 day", 0, 1 },
        { "1 to 4 hours", 0, 1 }, { "No reply", 0, 0 }, { "unanswered", 0, 0 },
        { "0\xe2\x80\x93" "60 min", 1, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char csv[128];
        snprintf(csv, sizeof csv, "date,bin,count\n2026-03-02,%s,1\n", cases[i].label);
        skpi_dataset *ds = NULL;
        assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
        if (skpi_import_buffer(NULL, ds, csv, strlen(csv), NULL, NULL) != SKPI_OK)
            fail_msg("%s: %s", cases[i].label, skpi_last_error());
        assert_true(at(ds, "messages_received", "care:default", "2026-03-02") == 1);
        assert_true(at(ds, "messages_answered", "care:default", "2026-03-02") == cases[i].answered);
        if (at(ds, "messages_in_target", "care:default", "2026-03-02") != cases[i].in)
            fail_msg("%s: in target", cases[i].label);
        skpi_dataset_free(ds);
    }
}

static void duration_parse(void **state)
{
    (void)state;
    static const struct { const char *text; int64_t s; } ok[] = {
        { "1h", 3600 }, { "1 h", 3600 }, { "90s", 90 }, { "15min", 900 }, { "15 MIN", 900 },
        { "1.5h", 5400 }, { "2 hours", 7200 }, { "1d", 86400 }, { "45 m", 2700 },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int64_t v = 0;
        assert_int_equal(skpi_duration_parse(&v, ok[i].text), SKPI_OK);
        assert_true(v == ok[i].s);
    }
    static const char *const bad[] = { "", "60", "1 week", "-1h", "0h", "h", "400d", "1h30" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t v = 0;
        assert_int_equal(skpi_duration_parse(&v, bad[i]), SKPI_EINVAL);
        assert_non_null(strstr(skpi_last_error(), "s, min, h or d"));
    }
    int64_t v;
    assert_int_equal(skpi_duration_parse(NULL, "1h"), SKPI_EMISUSE);
    assert_int_equal(skpi_duration_parse(&v, NULL), SKPI_EMISUSE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(messages_by_day),
        cmocka_unit_test(messages_target_option),
        cmocka_unit_test(messages_local_days),
        cmocka_unit_test(response_columns),
        cmocka_unit_test(bins_by_day),
        cmocka_unit_test(bins_target_inside),
        cmocka_unit_test(bad_rows),
        cmocka_unit_test(bin_labels),
        cmocka_unit_test(duration_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
