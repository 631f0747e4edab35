/* Tests of common.h: error codes, messages, allocator and version. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define SKPI_EXPERIMENTAL
#include <socialkpi.h>
#include <math.h>
#include <string.h>
#include <stdio.h>
#include <pthread.h>

#include "test_alloc.h"
#include "test_locale.h"
#include "core/internal.h"
#include "core/number.h"

#include <locale.h>

static void strerror_names_every_code(void **state)
{
    (void)state;
    assert_string_equal(skpi_strerror(SKPI_OK), "success");
    assert_string_equal(skpi_strerror(SKPI_ENOMEM), "out of memory");
    assert_string_equal(skpi_strerror(SKPI_ECALLBACK), "stopped by a callback");
    for (int c = SKPI_EVERSION; c <= SKPI_OK; c++)
        assert_string_not_equal(skpi_strerror(c), "unknown error");
    assert_string_equal(skpi_strerror(-999), "unknown error");
    assert_string_equal(skpi_strerror(1), "unknown error");
}

static void error_codes_never_change(void **state)
{
    (void)state;
    /* The ABI promises these numbers for ever. */
    assert_int_equal(SKPI_EINVAL, -1);
    assert_int_equal(SKPI_ENOMEM, -2);
    assert_int_equal(SKPI_EMISUSE, -3);
    assert_int_equal(SKPI_ERANGE, -4);
    assert_int_equal(SKPI_EPARSE, -5);
    assert_int_equal(SKPI_ENOTFOUND, -6);
    assert_int_equal(SKPI_EEXISTS, -7);
    assert_int_equal(SKPI_ECALLBACK, -8);
    assert_int_equal(SKPI_EIO, -9);
    assert_int_equal(SKPI_EUNSUPPORTED, -10);
    assert_int_equal(SKPI_EDUPLICATE, -11);
    assert_int_equal(SKPI_EVERSION, -12);
}

static void error_set_and_clear(void **state)
{
    (void)state;
    skpi_error_set("goals[2].target: expected a number");
    assert_string_equal(skpi_last_error(), "goals[2].target: expected a number");
    skpi_error_clear();
    assert_string_equal(skpi_last_error(), "");
    skpi_error_set("x");
    skpi_error_set(NULL);
    assert_string_equal(skpi_last_error(), "");
}

static void long_message_truncates_on_utf8_boundary(void **state)
{
    (void)state;
    size_t size = skpi_error_message_size();
    assert_true(size >= 256);
    /* 'é' is two bytes; an odd prefix makes the cut fall inside one. */
    char big[2048];
    big[0] = 'a';
    size_t i = 1;
    while (i + 2 < sizeof big) { big[i++] = (char)0xC3; big[i++] = (char)0xA9; }
    big[i] = '\0';
    skpi_error_set(big);
    const char *m = skpi_last_error();
    size_t n = strlen(m);
    assert_true(n < size);
    assert_true(n >= size - 3);
    /* ends with a complete two-byte sequence: odd length (1 + 2k) */
    assert_int_equal(n % 2, 1);
    assert_int_equal((unsigned char)m[n - 1], 0xA9);
}

static void *thread_sets_message(void *arg)
{
    (void)arg;
    skpi_error_set("from the other thread");
    return NULL;
}

static void message_is_thread_local(void **state)
{
    (void)state;
    skpi_error_set("main thread");
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, thread_sets_message, NULL), 0);
    pthread_join(t, NULL);
    assert_string_equal(skpi_last_error(), "main thread");
}

static void version_matches_macros(void **state)
{
    (void)state;
    assert_int_equal(skpi_version(), SKPI_VERSION_MAJOR * 10000 + SKPI_VERSION_MINOR * 100 + SKPI_VERSION_PATCH);
    char expect[32];
    snprintf(expect, sizeof expect, "%d.%d.%d", SKPI_VERSION_MAJOR, SKPI_VERSION_MINOR, SKPI_VERSION_PATCH);
    assert_string_equal(skpi_version_string(), expect);
}

static void time_limits(void **state)
{
    (void)state;
    /* 0001-01-01 is 719162 days before 1970-01-01; 10000-01-01 is 2932897 days after. */
    assert_true(skpi_time_min() == -INT64_C(719162) * 86400);
    assert_true(skpi_time_max() == INT64_C(2932897) * 86400 - 1);
}

static void allocator_rules(void **state)
{
    (void)state;
    skpi_allocator a;
    assert_int_equal(skpi_allocator_init(NULL, SKPI_ALLOCATOR_VERSION), SKPI_EMISUSE);
    assert_int_equal(skpi_allocator_init(&a, 99), SKPI_EVERSION);
    assert_int_equal(skpi_allocator_init(&a, SKPI_ALLOCATOR_VERSION), SKPI_OK);
    assert_int_equal(a.version, SKPI_ALLOCATOR_VERSION);
    assert_null(a.malloc_fn);
    /* missing functions are refused before the "already used" rule */
    assert_int_equal(skpi_set_allocator(&a), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "required"));
    a.version = 7;
    assert_int_equal(skpi_set_allocator(&a), SKPI_EVERSION);
    /* Once the library has allocated, replacing the allocator is refused
     * and the counting allocator stays in place. */
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    long live = test_alloc_live();
    assert_true(live >= 1);
    assert_int_equal(skpi_set_allocator(NULL), SKPI_EMISUSE);
    assert_non_null(strstr(skpi_last_error(), "already allocated"));
    skpi_calendar_free(cal);
    assert_true(test_alloc_live() < live);
}

static void messages_use_a_decimal_point_whatever_the_locale(void **state)
{
    (void)state;
    char scratch[64] = "";
    const char *name = test_comma_locale(scratch, sizeof scratch);
    if (name == NULL) skip();
    char check[16];
    snprintf(check, sizeof check, "%.1f", 1.5);
    assert_string_equal(check, "1,5"); /* the host's comma locale is in force */
    skpi_objective *obj = NULL;
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_new(&obj, "Grow"), SKPI_OK);
    assert_int_equal(skpi_objective_add_key_result(&kr, obj, SKPI_KR_MANUAL, "Reach"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 1.5, 1.5), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "1.5 equals the start"));
    snprintf(check, sizeof check, "%.1f", 1.5);
    assert_string_equal(check, "1,5"); /* and the host's locale is back */
    skpi_objective_free(obj);
    setlocale(LC_ALL, "C");
}


/* skpi_format_value: expected texts written by hand from the unit rules of
 * docs/report.md ("Numbers"). */
static void format_value_by_unit(void **state)
{
    (void)state;
    char buf[64];
    struct { double v; int unit; const char *want; } cases[] = {
        { 12345.0, SKPI_UNIT_COUNT, "12,345" },
        { 20099.7, SKPI_UNIT_COUNT, "20,100" },     /* whole from 100 on */
        { 99.94, SKPI_UNIT_COUNT, "99.9" },         /* one decimal below */
        { 42.0, SKPI_UNIT_COUNT, "42" },            /* no empty fraction */
        { -1234567.0, SKPI_UNIT_COUNT, "-1,234,567" },
        { 4.255, SKPI_UNIT_PERCENT, "4.26%" },      /* half away from zero on decimal digits */
        { 1.2903, SKPI_UNIT_PERCENT, "1.29%" },
        { 0.5, SKPI_UNIT_RATIO, "0.50" },
        { 1234.5, SKPI_UNIT_CURRENCY, "1,234.50" },
        { 3725.0, SKPI_UNIT_DURATION, "1h 02m" },   /* 3725 s = 1 h 2 min 5 s */
        { 75.0, SKPI_UNIT_DURATION, "1m 15s" },
        { 7.0, SKPI_UNIT_SCORE, "7" },
        { 7.25, SKPI_UNIT_SCORE, "7.3" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(skpi_format_value(buf, sizeof buf, cases[i].v, cases[i].unit, NULL), SKPI_OK);
        assert_string_equal(buf, cases[i].want);
    }
    skpi_number_options o = SKPI_NUMBER_OPTIONS_INIT;
    o.currency = "EUR";
    o.thousands_separator = "\xE2\x80\xAF"; /* U+202F NARROW NO-BREAK SPACE */
    assert_int_equal(skpi_format_value(buf, sizeof buf, 1234.5, SKPI_UNIT_CURRENCY, &o), SKPI_OK);
    assert_string_equal(buf, "1\xE2\x80\xAF" "234.50 EUR");
    o.thousands_separator = "";
    o.flags = SKPI_FORMAT_SIGNED;
    assert_int_equal(skpi_format_value(buf, sizeof buf, 2345.0, SKPI_UNIT_COUNT, &o), SKPI_OK);
    assert_string_equal(buf, "+2345");
    assert_int_equal(skpi_format_value(buf, sizeof buf, -0.001, SKPI_UNIT_PERCENT, &o), SKPI_OK);
    assert_string_equal(buf, "0.00%"); /* rounds to zero: no sign */
    o.decimals = 0;
    assert_int_equal(skpi_format_value(buf, sizeof buf, 61.68, SKPI_UNIT_PERCENT, &o), SKPI_OK);
    assert_string_equal(buf, "+62%");
    o.not_available = "k. A.";
    assert_int_equal(skpi_format_value(buf, sizeof buf, NAN, SKPI_UNIT_COUNT, &o), SKPI_OK);
    assert_string_equal(buf, "k. A.");
    assert_int_equal(skpi_format_value(buf, sizeof buf, INFINITY, SKPI_UNIT_COUNT, NULL), SKPI_OK);
    assert_string_equal(buf, "n/a");
}

static void format_value_refuses_bad_arguments(void **state)
{
    (void)state;
    char buf[8];
    skpi_number_options o;
    assert_int_equal(skpi_number_options_init(&o, SKPI_NUMBER_OPTIONS_VERSION), SKPI_OK);
    assert_int_equal(o.decimals, SKPI_DECIMALS_BY_UNIT);
    assert_int_equal(skpi_number_options_init(&o, 99), SKPI_EVERSION);
    assert_int_equal(skpi_number_options_init(NULL, 1), SKPI_EMISUSE);
    assert_int_equal(skpi_format_value(NULL, 8, 1.0, SKPI_UNIT_COUNT, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_format_value(buf, sizeof buf, 1.0, 6, NULL), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "unit 6 is unknown"));
    o.decimals = 16;
    assert_int_equal(skpi_format_value(buf, sizeof buf, 1.0, SKPI_UNIT_COUNT, &o), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "decimals must be 0 to 15"));
    o.decimals = SKPI_DECIMALS_BY_UNIT;
    o.version = 0;
    assert_int_equal(skpi_format_value(buf, sizeof buf, 1.0, SKPI_UNIT_COUNT, &o), SKPI_EVERSION);
    /* "1,234,567" needs 10 bytes: 7 fit, the message says how many are needed. */
    assert_int_equal(skpi_format_value(buf, sizeof buf, 1234567.0, SKPI_UNIT_COUNT, NULL), SKPI_ERANGE);
    assert_string_equal(buf, "1,234,5");
    assert_non_null(strstr(skpi_last_error(), "needs 10 bytes"));
}

static void format_value_ignores_the_host_locale(void **state)
{
    (void)state;
    char scratch[64] = "";
    if (test_comma_locale(scratch, sizeof scratch) == NULL) skip();
    char buf[32];
    assert_int_equal(skpi_format_value(buf, sizeof buf, 4.25, SKPI_UNIT_PERCENT, NULL), SKPI_OK);
    assert_string_equal(buf, "4.25%");
    setlocale(LC_ALL, "C");
}

/* Digits counted by hand from each value's shortest decimal that reads
 * back (Python's repr gives the same). */
/* Numbers in messages (goal check reasons, errors): skpi__num_plain(). */
static void plain_numbers_for_messages(void **state)
{
    (void)state;
    char b[SKPI__NUM_PLAIN_SIZE];
    assert_string_equal(skpi__num_plain(b, 2000.0 / 3.0), "666.67");
    assert_string_equal(skpi__num_plain(b, 500), "500");
    assert_string_equal(skpi__num_plain(b, 0.05), "0.05");
    assert_string_equal(skpi__num_plain(b, 0.125), "0.125");
    assert_string_equal(skpi__num_plain(b, -2.5), "-2.5");
    assert_string_equal(skpi__num_plain(b, -0.00001), "0");
    assert_string_equal(skpi__num_plain(b, 1e16), "10000000000000000");
    /* numbers too long for the buffer as integers: six significant digits
     * and an exponent, never a truncated string of digits */
    assert_string_equal(skpi__num_plain(b, 1e300), "1e+300");
    assert_string_equal(skpi__num_plain(b, -2.5e40), "-2.5e+40");
    assert_string_equal(skpi__num_plain(b, 1.7976931348623157e308), "1.79769e+308");
    assert_string_equal(skpi__num_plain(b, 9.999999e37), "1e+38");
    /* whole from 1e15 on, on the 15 significant digits a double holds */
    assert_string_equal(skpi__num_plain(b, 1e36), "1000000000000000000000000000000000000");
    assert_string_equal(skpi__num_plain(b, 123456789012345678.0), "123456789012346000");
    assert_string_equal(skpi__num_plain(b, 0.99999), "1");
    assert_string_equal(skpi__num_plain(b, 2.675), "2.68");
    assert_string_equal(skpi__num_plain(b, NAN), "n/a");
    assert_string_equal(skpi__num_plain(b, -INFINITY), "-inf");
    /* whatever the host's locale, the decimal point stays '.' */
    if (setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL || setlocale(LC_NUMERIC, "fr_FR.UTF-8") != NULL) {
        assert_string_equal(skpi__num_plain(b, 2.5), "2.5");
        setlocale(LC_NUMERIC, "C");
    }
}

static void shortest_precision_reads_back(void **state)
{
    (void)state;
    assert_int_equal(skpi__shortest_precision(0.1), 1);          /* 0.1 */
    assert_int_equal(skpi__shortest_precision(0.1 + 0.2), 17);   /* 0.30000000000000004 */
    assert_int_equal(skpi__shortest_precision(1.0 / 3.0), 16);   /* 0.3333333333333333 */
    assert_int_equal(skpi__shortest_precision(12000.5), 6);      /* 12000.5 */
    assert_int_equal(skpi__shortest_precision(-2.5e-8), 2);      /* -2.5e-08 */
    assert_int_equal(skpi__shortest_precision(1e23), 1);         /* 1e+23 */
    assert_int_equal(skpi__shortest_precision(4.9406564584124654e-324), 1); /* 5e-324 */
    assert_int_equal(skpi__shortest_precision(1.7976931348623157e308), 17);
    /* 2^149 = 7.1362384635297994e+44: at a power of two the decimals that
     * read back lie lopsided around it; 14 and 15 digits read back, 16
     * ("7.136238463529799e+44") does not, 17 does again */
    assert_int_equal(skpi__shortest_precision(0x1p149), 14);
    assert_true(skpi__reads_back(0x1p149, 15));
    assert_false(skpi__reads_back(0x1p149, 16));
    assert_true(skpi__reads_back(0x1p149, 17));
    assert_true(skpi__reads_back(0.45, 2));
    assert_false(skpi__reads_back(0.45, 1)); /* "0.5" */
}

int main(void)
{
    test_alloc_install();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strerror_names_every_code),
        cmocka_unit_test(error_codes_never_change),
        cmocka_unit_test(error_set_and_clear),
        cmocka_unit_test(long_message_truncates_on_utf8_boundary),
        cmocka_unit_test(message_is_thread_local),
        cmocka_unit_test(version_matches_macros),
        cmocka_unit_test(time_limits),
        cmocka_unit_test(allocator_rules),
        cmocka_unit_test(messages_use_a_decimal_point_whatever_the_locale),
        cmocka_unit_test(shortest_precision_reads_back),
        cmocka_unit_test(plain_numbers_for_messages),
        cmocka_unit_test(format_value_by_unit),
        cmocka_unit_test(format_value_refuses_bad_arguments),
        cmocka_unit_test(format_value_ignores_the_host_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
