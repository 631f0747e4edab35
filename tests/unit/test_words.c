/* Plural forms in templates and period names as people write them. The
 * expected texts are worked out by hand from CLDR's published plural rules
 * (English: one for 1; French: one for 0 and 1; Polish: one for 1, few for
 * 2-4, 12-14 excluded, and 22-24, many for 0, 5-21, 25...) and from CLDR's
 * month names and date patterns (de "2. März 2026", fr "2 mars 2026",
 * fr quarters "T1"). 2 March 2026 is a Monday. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/templates.h"
#include "core/translations.h"

static const char goals_en[] =
    "{good} of {total} {total, plural, one {goal} other {goals}} {good, plural, one {is} other {are}} on track.";

static char *fill(skpi__text *t, const char *tpl, const char *good, const char *total, const char *locale)
{
    skpi__arg args[] = { { "good", good }, { "total", total } };
    assert_int_equal(skpi__text_fill_in(t, tpl, args, 2, locale), SKPI_OK);
    return t->buf;
}

static void english_one_and_other(void **state)
{
    (void)state;
    skpi__text t = { 0 };
    assert_string_equal(fill(&t, goals_en, "1", "1", NULL), "1 of 1 goal is on track.");
    assert_string_equal(fill(&t, goals_en, "1", "3", NULL), "1 of 3 goals is on track.");
    assert_string_equal(fill(&t, goals_en, "2", "3", NULL), "2 of 3 goals are on track.");
    assert_string_equal(fill(&t, goals_en, "0", "2", "en-US"), "0 of 2 goals are on track.");
    /* '#' is the number's text; an exact =N form wins over its category */
    const char *tpl = "{good, plural, =0 {no goal} one {# goal} other {# goals}}";
    assert_string_equal(fill(&t, tpl, "0", "", NULL), "no goal");
    assert_string_equal(fill(&t, tpl, "1", "", NULL), "1 goal");
    assert_string_equal(fill(&t, tpl, "12", "", NULL), "12 goals");
    /* a value that is not a plain number takes "other" */
    assert_string_equal(fill(&t, tpl, "n/a", "", NULL), "n/a goals");
    skpi__text_free(&t);
}

static void french_zero_is_one(void **state)
{
    (void)state;
    skpi__text t = { 0 };
    const char *tpl = "{good, plural, one {# objectif est atteint} other {# objectifs sont atteints}}";
    assert_string_equal(fill(&t, tpl, "0", "", "fr-FR"), "0 objectif est atteint");
    assert_string_equal(fill(&t, tpl, "1", "", "fr-FR"), "1 objectif est atteint");
    assert_string_equal(fill(&t, tpl, "2", "", "fr-FR"), "2 objectifs sont atteints");
    /* the same number is "other" in English */
    assert_string_equal(fill(&t, tpl, "0", "", NULL), "0 objectifs sont atteints");
    skpi__text_free(&t);
}

static void polish_few_and_many(void **state)
{
    (void)state;
    skpi__text t = { 0 };
    const char *tpl = "{good, plural, one {# cel} few {# cele} many {# celów} other {# celu}}";
    static const struct { const char *n, *want; } cases[] = {
        { "1", "1 cel" },     { "2", "2 cele" },     { "4", "4 cele" },   { "5", "5 celów" },
        { "12", "12 celów" }, { "14", "14 celów" }, { "22", "22 cele" }, { "25", "25 celów" },
        { "0", "0 celów" },   { "1.5", "1.5 celu" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(fill(&t, tpl, cases[i].n, "", "pl-PL"), cases[i].want);
    skpi__text_free(&t);
}

static void plural_forms_checked(void **state)
{
    (void)state;
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "R"), SKPI_OK);
    int k = SKPI_TPL_GOALS_SUMMARY;
    assert_int_equal(skpi_report_set_template(r, k, goals_en), SKPI_OK);
    assert_int_equal(skpi_report_set_template(r, k, "{total, plural, one {a} few {b} other {c}}"), SKPI_OK);
    /* no "other" form */
    assert_int_equal(skpi_report_set_template(r, k, "{total, plural, one {goal}}"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "other"));
    /* an unknown category */
    assert_int_equal(skpi_report_set_template(r, k, "{total, plural, single {a} other {b}}"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "zero, one, two, few, many, other"));
    /* a placeholder the template does not offer, inside a form */
    assert_int_equal(skpi_report_set_template(r, k, "{total, plural, one {{goal}} other {b}}"), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "{goal}"));
    /* not closed; not "plural" */
    assert_int_equal(skpi_report_set_template(r, k, "{total, plural, one {a} other {b}"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_template(r, k, "{total, select, one {a} other {b}}"), SKPI_EINVAL);
    assert_int_equal(skpi_report_set_template(r, k, "{total, plural, one other {b}}"), SKPI_EINVAL);
    /* the report keeps the last good text */
    assert_string_equal(skpi_report_template(r, k), "{total, plural, one {a} few {b} other {c}}");
    skpi_report_free(r);
}

static skpi_time at(const char *iso)
{
    skpi_time t = 0;
    assert_int_equal(skpi_time_parse(&t, iso), SKPI_OK);
    return t;
}

static void name(const skpi_calendar *cal, int cadence, const char *when, const char *locale,
                 const char *week, const char *want)
{
    char buf[96];
    assert_int_equal(skpi_calendar_period_name(buf, sizeof buf, cal, cadence, at(when), locale, week),
                     SKPI_OK);
    assert_string_equal(buf, want);
}

static void period_names(void **state)
{
    (void)state;
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    const char *t = "2026-03-04T10:00:00Z"; /* Wednesday of the week of Monday 2 March */
    name(cal, SKPI_CADENCE_DAY, t, NULL, NULL, "4 March 2026");
    name(cal, SKPI_CADENCE_WEEK, t, NULL, NULL, "week of 2 March 2026");
    name(cal, SKPI_CADENCE_MONTH, t, NULL, NULL, "March 2026");
    name(cal, SKPI_CADENCE_QUARTER, t, NULL, NULL, "Q1 2026");
    name(cal, SKPI_CADENCE_YEAR, t, NULL, NULL, "2026");
    name(cal, SKPI_CADENCE_MONTH, "2026-12-31T23:59:59Z", NULL, NULL, "December 2026");
    name(cal, SKPI_CADENCE_QUARTER, "2026-12-31T23:59:59Z", NULL, NULL, "Q4 2026");
    /* proleptic Gregorian before 1582, as the calendar counts days */
    name(cal, SKPI_CADENCE_DAY, "1500-03-01T12:00:00Z", NULL, NULL, "1 March 1500");

    name(cal, SKPI_CADENCE_DAY, t, "de-DE", NULL, "4. M\xC3\xA4rz 2026");
    name(cal, SKPI_CADENCE_WEEK, t, "de-DE", "Woche vom {date}", "Woche vom 2. M\xC3\xA4rz 2026");
    name(cal, SKPI_CADENCE_MONTH, t, "de-DE", NULL, "M\xC3\xA4rz 2026");
    name(cal, SKPI_CADENCE_QUARTER, t, "de-DE", NULL, "Q1 2026");
    name(cal, SKPI_CADENCE_YEAR, t, "de-DE", NULL, "2026");

    name(cal, SKPI_CADENCE_DAY, t, "fr-FR", NULL, "4 mars 2026");
    name(cal, SKPI_CADENCE_WEEK, t, "fr-FR", "semaine du {date}", "semaine du 2 mars 2026");
    name(cal, SKPI_CADENCE_MONTH, t, "fr-FR", NULL, "mars 2026");
    name(cal, SKPI_CADENCE_MONTH, "2026-02-10T00:00:00Z", "fr-FR", NULL, "f\xC3\xA9vrier 2026");
    name(cal, SKPI_CADENCE_QUARTER, t, "fr-FR", NULL, "T1 2026");

    /* en-US writes the month first */
    name(cal, SKPI_CADENCE_DAY, t, "en-US", NULL, "March 4, 2026");
    name(cal, SKPI_CADENCE_MONTH, t, "en-US", NULL, "March 2026");

    /* a Sunday week start: the week holding Wednesday 4 March starts on 1 March */
    assert_int_equal(skpi_calendar_set_week_start(cal, 7), SKPI_OK);
    name(cal, SKPI_CADENCE_WEEK, t, NULL, NULL, "week of 1 March 2026");

    /* a fiscal year from July is named after the year it ends in */
    assert_int_equal(skpi_calendar_set_fiscal_year_start(cal, 7), SKPI_OK);
    name(cal, SKPI_CADENCE_QUARTER, "2026-08-15T00:00:00Z", NULL, NULL, "Q1 FY2027");
    name(cal, SKPI_CADENCE_QUARTER, "2026-08-15T00:00:00Z", "fr-FR", NULL, "T1 FY2027");
    name(cal, SKPI_CADENCE_YEAR, "2026-08-15T00:00:00Z", NULL, NULL, "FY2027");
    skpi_calendar_free(cal);

    /* the local day in the calendar's zone: 05:00 UTC on 1 March is still
     * 28 February in Los Angeles */
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    assert_int_equal(skpi_calendar_set_time_zone(cal, "America/Los_Angeles"), SKPI_OK);
    name(cal, SKPI_CADENCE_MONTH, "2026-03-01T05:00:00Z", NULL, NULL, "February 2026");
    name(cal, SKPI_CADENCE_DAY, "2026-03-01T05:00:00Z", "de-DE", NULL, "28. Februar 2026");
    skpi_calendar_free(cal);
}

static void period_name_errors(void **state)
{
    (void)state;
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    char buf[96];
    skpi_time t = at("2026-03-04T10:00:00Z");
    assert_int_equal(skpi_calendar_period_name(NULL, 9, cal, SKPI_CADENCE_DAY, t, NULL, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_period_name(buf, sizeof buf, cal, 99, t, NULL, NULL), SKPI_EINVAL);
    assert_int_equal(skpi_calendar_period_name(buf, sizeof buf, cal, SKPI_CADENCE_DAY, t, "xx-YY", NULL),
                     SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "xx-YY"));
    assert_int_equal(skpi_calendar_period_name(buf, sizeof buf, cal, SKPI_CADENCE_WEEK, t, NULL, "week"),
                     SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "{date}"));
    /* "March 2026" needs 11 bytes */
    assert_int_equal(skpi_calendar_period_name(buf, 10, cal, SKPI_CADENCE_MONTH, t, NULL, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_period_name(buf, 11, cal, SKPI_CADENCE_MONTH, t, NULL, NULL), SKPI_OK);
    skpi_calendar_free(cal);
}

/* Short names for chart axes (#18), worked out by hand: German and French
 * write a month briefly as abbreviated month and year ("MMM y"), and March
 * is short already ("März 2026", "mars 2026"); without a locale the
 * built-in English, day before month. */
static void short_period_names(void **state)
{
    (void)state;
    skpi_calendar *cal = NULL;
    assert_int_equal(skpi_calendar_new(&cal), SKPI_OK);
    char buf[64];
    skpi_time t = at("2026-03-04T10:00:00Z");
    const struct { int cadence; const char *locale, *want; } cases[] = {
        { SKPI_CADENCE_MONTH, NULL, "Mar 2026" },
        { SKPI_CADENCE_MONTH, "de-DE", "M\xC3\xA4rz 2026" },
        { SKPI_CADENCE_MONTH, "fr-FR", "mars 2026" },
        { SKPI_CADENCE_DAY, NULL, "4 Mar 2026" },
        { SKPI_CADENCE_WEEK, NULL, "2 Mar 2026" }, /* the ISO week's Monday */
        { SKPI_CADENCE_QUARTER, NULL, "Q1 2026" },
        { SKPI_CADENCE_YEAR, NULL, "2026" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(skpi_calendar_period_short_name(buf, sizeof buf, cal, cases[i].cadence, t,
                                                         cases[i].locale), SKPI_OK);
        assert_string_equal(buf, cases[i].want);
    }
    /* "Mar 2026" needs 9 bytes */
    assert_int_equal(skpi_calendar_period_short_name(buf, 8, cal, SKPI_CADENCE_MONTH, t, NULL), SKPI_ERANGE);
    assert_int_equal(skpi_calendar_period_short_name(NULL, 8, cal, SKPI_CADENCE_MONTH, t, NULL), SKPI_EMISUSE);
    assert_int_equal(skpi_calendar_period_short_name(buf, sizeof buf, cal, 9, t, NULL), SKPI_EINVAL);
    skpi_calendar_free(cal);
}

/* The {names} a text uses, plural constructs included, read here without
 * the library's parser: "{name}" or "{name, plural, sel {text} ...}",
 * whose texts are read in turn. */
typedef struct names { char v[32][40]; size_t n; } names;

static const char *matching(const char *p)
{
    int depth = 0;
    for (; *p; p++) {
        if (*p == '{') depth++;
        else if (*p == '}' && --depth == 0) return p;
    }
    return NULL;
}

static void scan(names *out, const char *p, const char *end)
{
    while (p < end) {
        if (*p != '{') { p++; continue; }
        size_t k = 0;
        while ((p[1 + k] >= 'a' && p[1 + k] <= 'z') || p[1 + k] == '_') k++;
        if (k == 0 || (p[1 + k] != '}' && p[1 + k] != ',')) { p++; continue; }
        bool seen = false;
        for (size_t i = 0; i < out->n; i++)
            seen = seen || (strlen(out->v[i]) == k && strncmp(out->v[i], p + 1, k) == 0);
        if (!seen && out->n < 32) snprintf(out->v[out->n++], 40, "%.*s", (int)k, p + 1);
        if (p[1 + k] == '}') { p += k + 2; continue; }
        const char *close = matching(p);
        assert_non_null(close);
        const char *q = strstr(p, "plural,");
        assert_true(q != NULL && q < close);
        for (q += 7; q < close; q++) {
            if (*q != '{') continue;
            const char *b = matching(q);
            scan(out, q + 1, b);
            q = b;
        }
        p = close + 1;
    }
}

static void names_used(char *out, size_t size, const char *text)
{
    names ns = { .n = 0 };
    scan(&ns, text, text + strlen(text));
    for (size_t i = 0; i < ns.n; i++)
        for (size_t j = i + 1; j < ns.n; j++)
            if (strcmp(ns.v[j], ns.v[i]) < 0) {
                char tmp[40];
                strcpy(tmp, ns.v[i]);
                strcpy(ns.v[i], ns.v[j]);
                strcpy(ns.v[j], tmp);
            }
    out[0] = '\0';
    for (size_t i = 0; i < ns.n; i++) {
        strncat(out, ns.v[i], size - strlen(out) - 1);
        strncat(out, " ", size - strlen(out) - 1);
    }
}

static void every_template_translated(void **state)
{
    (void)state;
    const char *langs[] = { "de-DE", "fr-FR" };
    const char *const *tables[] = { skpi__templates_de, skpi__templates_fr };
    for (size_t l = 0; l < 2; l++) {
        for (int k = 0; k < skpi_template_count(); k++) {
            const char *en = skpi_template_default(k);
            if (tables[l][k] == NULL) fail_msg("template %d has no %s translation", k, langs[l]);
            const char *tr = skpi__template_in(k, langs[l]);
            assert_string_equal(tr, tables[l][k]);
            if (skpi__template_check(k, tr, "test") != SKPI_OK)
                fail_msg("%s template %d: %s", langs[l], k, skpi_last_error());
            char want[512], got[512];
            names_used(want, sizeof want, en);
            names_used(got, sizeof got, tr);
            if (strcmp(want, got) != 0)
                fail_msg("%s template %d uses {%s}, the English {%s}", langs[l], k, got, want);
        }
    }
    /* the language decides, any region; others keep the English */
    assert_ptr_equal(skpi__template_in(SKPI_TPL_HEADING_GOALS, "de-AT"), skpi__templates_de[SKPI_TPL_HEADING_GOALS]);
    assert_string_equal(skpi__template_in(SKPI_TPL_HEADING_GOALS, "fr_CA"), "Objectifs");
    assert_string_equal(skpi__template_in(SKPI_TPL_HEADING_GOALS, "de"), "Ziele");
    assert_string_equal(skpi__template_in(SKPI_TPL_HEADING_GOALS, "en-GB"), "Goals");
    assert_string_equal(skpi__template_in(SKPI_TPL_HEADING_GOALS, "ja-JP"), "Goals");
    assert_string_equal(skpi__template_in(SKPI_TPL_HEADING_GOALS, NULL), "Goals");
    assert_string_equal(skpi__template_in(SKPI_TPL_HEADING_GOALS, "dev"), "Goals");
}

static void report_locale_chooses_translation(void **state)
{
    (void)state;
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "R"), SKPI_OK);
    int k = SKPI_TPL_HEADING_NEXT_STEPS;
    assert_string_equal(skpi_report_template(r, k), "Next steps");
    assert_int_equal(skpi_report_set_locale(r, "de-DE"), SKPI_OK);
    assert_string_equal(skpi_report_template(r, k), "N\xC3\xA4" "chste Schritte");
    assert_int_equal(skpi_report_set_locale(r, "fr-FR"), SKPI_OK);
    assert_string_equal(skpi_report_template(r, k), "Prochaines \xC3\xA9tapes");
    /* the host's own text wins; NULL returns to the translation */
    assert_int_equal(skpi_report_set_template(r, k, "Ensuite"), SKPI_OK);
    assert_string_equal(skpi_report_template(r, k), "Ensuite");
    assert_int_equal(skpi_report_set_template(r, k, NULL), SKPI_OK);
    assert_string_equal(skpi_report_template(r, k), "Prochaines \xC3\xA9tapes");
    assert_int_equal(skpi_report_set_locale(r, "en-US"), SKPI_OK);
    assert_string_equal(skpi_report_template(r, k), "Next steps");
    skpi_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_one_and_other),
        cmocka_unit_test(french_zero_is_one),
        cmocka_unit_test(polish_few_and_many),
        cmocka_unit_test(plural_forms_checked),
        cmocka_unit_test(period_names),
        cmocka_unit_test(short_period_names),
        cmocka_unit_test(period_name_errors),
        cmocka_unit_test(every_template_translated),
        cmocka_unit_test(report_locale_chooses_translation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
