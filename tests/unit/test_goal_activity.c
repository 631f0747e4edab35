/* Goals and key results that name the activity serving them, and owners
 * that are people with roles or roles (docs/resourcing.md, "Goals name
 * their activity" and "Owners"): the API, the definitions file, and what the
 * report makes of them. Expected figures are worked out in the comments. */
#define SKPI_EXPERIMENTAL
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static skpi_time day(int y, int m, int d)
{
    skpi_time t = 0;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

static skpi_period days(int y, int m, int d, int n)
{
    skpi_period p = { day(y, m, d), day(y, m, d) + (skpi_time)n * 86400 };
    return p;
}

/* Three activities of one role, each on its own Instagram account, all
 * moving engagements. Engagements per day from 1 January to 31 March:
 * @reels 10, @stories 5, @carousels 1. Hours in March, 10 a day: Reels 10
 * (2 March), Stories 20 (3-4 March), Carousels 40 (5-8 March). March per
 * hour: Reels 310 / 10 = 31, Stories 155 / 20 = 7.75, Carousels 31 / 40 =
 * 0.775; Reels bring 31 / 0.775 = 40.0x and Stories 7.75 / 0.775 = 10.0x
 * the engagements per hour of Carousels. Hours to move: a quarter of
 * Carousels' weekly hours, 40 × 7 / 31 / 4 = 2.26, rounded: 2. */
static const struct { const char *name, *channel; double per_day, hours; int first, ndays; } acts[] = {
    { "Reels", "instagram:@reels", 10, 10, 2, 1 },
    { "Stories", "instagram:@stories", 5, 20, 3, 2 },
    { "Carousels", "instagram:@carousels", 1, 40, 5, 4 },
};

static skpi_effort *team(void)
{
    skpi_effort *e = NULL;
    assert_int_equal(skpi_effort_new(&e), SKPI_OK);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(skpi_effort_add_activity(e, acts[i].name, "Content creator", acts[i].channel), SKPI_OK);
        assert_int_equal(skpi_effort_add_activity_metric(e, acts[i].name, "engagements"), SKPI_OK);
        for (int d = 0; d < acts[i].ndays; d++)
            assert_int_equal(skpi_effort_add_hours(e, "Content creator", acts[i].name,
                                                   days(2026, 3, acts[i].first + d, 1),
                                                   acts[i].hours / acts[i].ndays, NAN), SKPI_OK);
    }
    assert_int_equal(skpi_effort_add_person(e, "Maya", "Community manager"), SKPI_OK);
    assert_int_equal(skpi_effort_set_capacity(e, "Analyst", 6), SKPI_OK);
    return e;
}

static skpi_dataset *engagements(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time t[90];
    double v[90];
    for (size_t i = 0; i < 3; i++) {
        for (int d = 0; d < 90; d++) {
            t[d] = day(2026, 1, 1) + (skpi_time)d * 86400;
            v[d] = acts[i].per_day;
        }
        assert_int_equal(skpi_dataset_append(ds, "engagements", acts[i].channel, t, v, 90), SKPI_OK);
    }
    return ds;
}

/* A goal far behind: 100,000 engagements a month by July from 0. */
static skpi_goal *goal_behind(void)
{
    skpi_goal *g = NULL;
    assert_int_equal(skpi_goal_new(&g, "Engagements"), SKPI_OK);
    assert_int_equal(skpi_goal_set_metric(g, "engagements"), SKPI_OK);
    assert_int_equal(skpi_goal_set_channel(g, "instagram:*"), SKPI_OK);
    assert_int_equal(skpi_goal_set_direction(g, SKPI_GOAL_INCREASE), SKPI_OK);
    assert_int_equal(skpi_goal_set_cadence(g, SKPI_CADENCE_MONTH), SKPI_OK);
    assert_int_equal(skpi_goal_set_baseline_value(g, 0), SKPI_OK);
    assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, 100000), SKPI_OK);
    skpi_period span = { day(2026, 1, 1), day(2026, 7, 1) };
    assert_int_equal(skpi_goal_set_span(g, span), SKPI_OK);
    return g;
}

/* The recommendation of a report on March 2026 with the goal. */
static void recommendation(char *out, size_t size, const skpi_goal *g, skpi_effort *e, skpi_dataset *ds)
{
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Team"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 4, 1)), SKPI_OK);
    const int only[] = { SKPI_SECTION_RESOURCING };
    assert_int_equal(skpi_report_set_sections(r, only, 1), SKPI_OK);
    assert_int_equal(skpi_report_set_effort(r, e), SKPI_OK);
    assert_int_equal(skpi_report_add_goal(r, g), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    out[0] = '\0';
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        const char *item = NULL;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind != SKPI_BLOCK_LIST) continue;
        assert_int_equal(skpi_doc_list_item(&item, doc, b, 0), SKPI_OK);
        snprintf(out, size, "%s", item);
    }
    skpi_doc_free(doc);
    skpi_report_free(r);
}

static void goal_activity_leads_the_recommendation(void **state)
{
    (void)state;
    skpi_effort *e = team();
    skpi_dataset *ds = engagements();
    skpi_goal *g = goal_behind();
    char text[1024];
    /* No activity named: the best against the weakest. */
    recommendation(text, sizeof text, g, e, ds);
    assert_non_null(strstr(text, "Reels brought 40.0x the Engagements per hour of Carousels"));
    assert_non_null(strstr(text, "move 2 hours a week from Carousels to Reels."));
    /* The goal's own activity takes the hours when it beats the weakest. */
    assert_int_equal(skpi_goal_set_activity(g, "Stories"), SKPI_OK);
    assert_string_equal(skpi_goal_activity(g), "Stories");
    recommendation(text, sizeof text, g, e, ds);
    assert_non_null(strstr(text, "Stories brought 10.0x the Engagements per hour of Carousels"));
    assert_non_null(strstr(text, "move 2 hours a week from Carousels to Stories."));
    /* The weakest itself, or one the team lacks: the numbers decide. */
    static const char *const fallback[] = { "Carousels", "Podcasts" };
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(skpi_goal_set_activity(g, fallback[i]), SKPI_OK);
        recommendation(text, sizeof text, g, e, ds);
        assert_non_null(strstr(text, "move 2 hours a week from Carousels to Reels."));
    }
    /* Cleared with "" or NULL; a copy keeps it. */
    assert_int_equal(skpi_goal_set_activity(g, "Stories"), SKPI_OK);
    skpi_goal *copy = NULL;
    assert_int_equal(skpi_goal_clone(&copy, g), SKPI_OK);
    assert_string_equal(skpi_goal_activity(copy), "Stories");
    assert_int_equal(skpi_goal_set_activity(g, ""), SKPI_OK);
    assert_null(skpi_goal_activity(g));
    assert_int_equal(skpi_goal_set_activity(NULL, "x"), SKPI_EMISUSE);
    skpi_goal_free(copy);
    skpi_goal_free(g);
    skpi_dataset_free(ds);
    skpi_effort_free(e);
}

/* A key result's activity leads its objective's recommendation. */
static void key_result_activity(void **state)
{
    (void)state;
    skpi_effort *e = team();
    skpi_dataset *ds = engagements();
    skpi_objective *o = NULL;
    assert_int_equal(skpi_objective_new(&o, "Reach people"), SKPI_OK);
    skpi_period half = { day(2026, 1, 1), day(2026, 7, 1) };
    assert_int_equal(skpi_objective_set_period(o, half), SKPI_OK);
    skpi_key_result *kr = NULL;
    assert_int_equal(skpi_objective_add_key_result(&kr, o, SKPI_KR_METRIC, "Engagements"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_metric(kr, "engagements", "instagram:*"), SKPI_OK);
    assert_int_equal(skpi_key_result_set_range(kr, 0, 1000000), SKPI_OK);
    assert_null(skpi_key_result_activity(kr));
    assert_int_equal(skpi_key_result_set_activity(kr, "Stories"), SKPI_OK);
    assert_string_equal(skpi_key_result_activity(kr), "Stories");
    assert_int_equal(skpi_key_result_set_activity(NULL, "x"), SKPI_EMISUSE);
    /* The owner is a person of the team: shown with the role. */
    assert_int_equal(skpi_objective_set_owner(o, "Maya"), SKPI_OK);
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Team"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 4, 1)), SKPI_OK);
    const int sections[] = { SKPI_SECTION_OKRS, SKPI_SECTION_RESOURCING };
    assert_int_equal(skpi_report_set_sections(r, sections, 2), SKPI_OK);
    assert_int_equal(skpi_report_set_effort(r, e), SKPI_OK);
    assert_int_equal(skpi_report_add_objective(r, o), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    bool listed = false, carded = false;
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind == SKPI_BLOCK_LIST) {
            const char *item = NULL;
            assert_int_equal(skpi_doc_list_item(&item, doc, b, 0), SKPI_OK);
            assert_non_null(strstr(item, "Stories brought 10.0x the Engagements per hour of Carousels"));
            assert_non_null(strstr(item, "move 2 hours a week from Carousels to Stories."));
            listed = true;
        } else if (kind == SKPI_BLOCK_OBJECTIVES) {
            skpi_doc_objective card = SKPI_DOC_OBJECTIVE_INIT;
            size_t krs;
            assert_int_equal(skpi_doc_objective_get(&card, &krs, doc, b, 0), SKPI_OK);
            assert_string_equal(card.owner, "Maya (Community manager)");
            carded = true;
        }
    }
    assert_true(listed && carded);
    skpi_doc_free(doc);
    /* A role is shown as the role; a name the team does not know as written. */
    static const char *const owners[][2] = { { "Analyst", "Analyst" }, { "Marketing", "Marketing" } };
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(skpi_objective_set_owner(o, owners[i][0]), SKPI_OK);
        assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
        for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
            int kind;
            assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
            if (kind != SKPI_BLOCK_OBJECTIVES) continue;
            skpi_doc_objective card = SKPI_DOC_OBJECTIVE_INIT;
            size_t krs;
            assert_int_equal(skpi_doc_objective_get(&card, &krs, doc, b, 0), SKPI_OK);
            assert_string_equal(card.owner, owners[i][1]);
        }
        skpi_doc_free(doc);
    }
    skpi_report_free(r);
    skpi_objective_free(o);
    skpi_dataset_free(ds);
    skpi_effort_free(e);
}

static const char doc_ok[] =
    "{\"version\": 1, \"team\": {\"activities\": [{\"name\": \"Stories\", \"role\": \"Content creator\","
    " \"metrics\": [\"engagements\"]}], \"people\": [{\"name\": \"Maya\", \"role\": \"Community manager\"}]},"
    " \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"metric\": \"engagements\", \"channel\": \"*\","
    " \"owner\": \"Maya\", \"activity\": \"Stories\"}],"
    " \"objectives\": [{\"id\": \"o\", \"title\": \"O\", \"owner\": \"Content creator\", \"key_results\": [{\"title\": \"K\","
    " \"kind\": \"metric\", \"metric\": \"engagements\", \"channel\": \"*\", \"start\": 0, \"target\": 10,"
    " \"activity\": \"Stories\"}]}]}";

/* The definitions file: "activity" on goals and key results, one of the
 * team's activities; saved back as given. */
static void definitions_field(void **state)
{
    (void)state;
    skpi_definitions *defs = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&defs, doc_ok, strlen(doc_ok), NULL), SKPI_OK);
    assert_string_equal(skpi_goal_activity(skpi_definitions_goal(defs, 0)), "Stories");
    const skpi_objective *o = skpi_definitions_objective(defs, 0);
    assert_string_equal(skpi_key_result_activity(skpi_objective_key_result(o, 0)), "Stories");
    char *json = NULL;
    assert_int_equal(skpi_definitions_save_buffer(&json, NULL, defs), SKPI_OK);
    skpi_definitions *again = NULL;
    assert_int_equal(skpi_definitions_load_buffer(&again, json, strlen(json), NULL), SKPI_OK);
    assert_string_equal(skpi_goal_activity(skpi_definitions_goal(again, 0)), "Stories");
    o = skpi_definitions_objective(again, 0);
    assert_string_equal(skpi_key_result_activity(skpi_objective_key_result(o, 0)), "Stories");
    skpi_free(json);
    skpi_definitions_free(again);
    skpi_definitions_free(defs);

    /* An activity the team lacks, or no team at all: an error that says where. */
    static const char unknown[] =
        "{\"version\": 1, \"team\": {\"activities\": [{\"name\": \"Stories\", \"role\": \"C\","
        " \"metrics\": [\"engagements\"]}]}, \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"activity\": \"Reels\"}]}";
    skpi_definitions *sentinel = (skpi_definitions *)&defs;
    defs = sentinel;
    assert_int_equal(skpi_definitions_load_buffer(&defs, unknown, strlen(unknown), NULL), SKPI_ENOTFOUND);
    assert_string_equal(skpi_last_error(), "goals[0].activity: no activity \"Reels\" in the team");
    assert_ptr_equal(defs, sentinel);
    static const char no_team[] =
        "{\"version\": 1, \"objectives\": [{\"id\": \"o\", \"title\": \"O\", \"key_results\": [{\"title\": \"K\","
        " \"activity\": \"Reels\"}]}]}";
    assert_int_equal(skpi_definitions_load_buffer(&defs, no_team, strlen(no_team), NULL), SKPI_EINVAL);
    assert_non_null(strstr(skpi_last_error(), "objectives[0].key_results[0].activity: names \"Reels\", but the "
                                               "definitions have no team"));
    assert_ptr_equal(defs, sentinel);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(goal_activity_leads_the_recommendation),
        cmocka_unit_test(key_result_activity),
        cmocka_unit_test(definitions_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
