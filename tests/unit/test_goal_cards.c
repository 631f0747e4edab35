/* Goal cards and top posts for readers (#22, #18): a goal's owner with the
 * role a person has in the team's effort data, and the card's deadline and
 * the posts' days in the report's locale in HTML, Markdown and text, while
 * JSON and CSV keep the ISO dates. Expected strings are worked out by hand
 * in the comments; the document structs only grow (older versions are
 * read and written as they were). */
#define SKPI_EXPERIMENTAL
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <socialkpi.h>
#include <stdio.h>
#include <string.h>

static skpi_time day(int y, int m, int d)
{
    skpi_time t = 0;
    assert_int_equal(skpi_time_from_civil(&t, y, m, d, 0, 0, 0), SKPI_OK);
    return t;
}

static void assert_contains(const char *text, const char *part)
{
    if (strstr(text, part) == NULL) fail_msg("missing \"%s\" in:\n%s", part, text);
}

/* assert_contains() of a formatted part. */
static void assert_has(const char *text, const char *fmt, ...)
{
    char want[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(want, sizeof want, fmt, ap);
    va_end(ap);
    assert_contains(text, want);
}

static void assert_lacks(const char *text, const char *part)
{
    if (strstr(text, part) != NULL) fail_msg("unexpected \"%s\" in:\n%s", part, text);
}

/* Engagements on one account: 210 a day in November 2026, so 6,300 in the
 * month; one post on 3 November 2026 with 900 engagements. */
static skpi_dataset *dataset(void)
{
    skpi_dataset *ds = NULL;
    assert_int_equal(skpi_dataset_new(&ds, NULL), SKPI_OK);
    skpi_time t[30];
    double v[30];
    for (int d = 0; d < 30; d++) {
        t[d] = day(2026, 11, 1) + (skpi_time)d * 86400;
        v[d] = 210;
    }
    assert_int_equal(skpi_dataset_append(ds, "engagements", "instagram:@acme", t, v, 30), SKPI_OK);
    assert_int_equal(skpi_dataset_add_post(ds, "instagram:@acme", "p1", day(2026, 11, 3) + 15 * 3600, "photo",
                                           "Winter blend", "https://example.com/p1"), SKPI_OK);
    assert_int_equal(skpi_dataset_set_post_value(ds, "instagram:@acme", "p1", "engagements", 900), SKPI_OK);
    return ds;
}

/* The team: Maya, a Community manager. */
static skpi_effort *maya(void)
{
    skpi_effort *team = NULL;
    assert_int_equal(skpi_effort_new(&team), SKPI_OK);
    assert_int_equal(skpi_effort_add_person(team, "Maya", "Community manager"), SKPI_OK);
    return team;
}

/* Two goals over 2026 (deadline 31 December 2026), baseline 4,500, target
 * 6,000 a month: 6,300 in November is achieved, progress (6,300 - 4,500) /
 * (6,000 - 4,500) = 120 %. The first is owned by Maya, a person of the
 * team (Community manager); the second by "Marketing", a name the team
 * does not know, shown as written. */
static skpi_report *definition(skpi_effort *team)
{
    skpi_report *r = NULL;
    assert_int_equal(skpi_report_new(&r, "Cards"), SKPI_OK);
    assert_int_equal(skpi_report_set_as_of(r, day(2026, 12, 1)), SKPI_OK);
    const int sections[] = { SKPI_SECTION_GOALS, SKPI_SECTION_TOP_POSTS };
    assert_int_equal(skpi_report_set_sections(r, sections, 2), SKPI_OK);
    assert_int_equal(skpi_report_set_top_posts(r, 3, "engagements"), SKPI_OK);
    assert_int_equal(skpi_report_set_effort(r, team), SKPI_OK);
    skpi_period year = { day(2026, 1, 1), day(2027, 1, 1) };
    const char *const names[][2] = { { "Grow engagements", "Maya" }, { "Hold engagements", "Marketing" } };
    for (size_t i = 0; i < 2; i++) {
        skpi_goal *g = NULL;
        assert_int_equal(skpi_goal_new(&g, names[i][0]), SKPI_OK);
        assert_int_equal(skpi_goal_set_metric(g, "engagements"), SKPI_OK);
        assert_int_equal(skpi_goal_set_baseline_value(g, 4500), SKPI_OK);
        assert_int_equal(skpi_goal_set_target(g, SKPI_TARGET_ABSOLUTE, 6000), SKPI_OK);
        assert_int_equal(skpi_goal_set_span(g, year), SKPI_OK);
        assert_int_equal(skpi_goal_set_cadence(g, SKPI_CADENCE_MONTH), SKPI_OK);
        assert_int_equal(skpi_goal_set_owner(g, names[i][1]), SKPI_OK);
        assert_int_equal(skpi_report_add_goal(r, g), SKPI_OK);
        skpi_goal_free(g);
    }
    return r;
}

static char *render(const skpi_doc *doc, int format)
{
    skpi_buffer b = SKPI_BUFFER_INIT;
    skpi_sink s;
    assert_int_equal(skpi_sink_memory(&s, &b), SKPI_OK);
    skpi_render_options o = SKPI_RENDER_OPTIONS_INIT;
    o.line_width = 200; /* whole sentences on one line in text */
    assert_int_equal(skpi_render(doc, format, &o, &s), SKPI_OK);
    char *out;
    assert_int_equal(skpi_buffer_detach(&out, NULL, &b), SKPI_OK);
    return out;
}

/* What each locale shows: CLDR's long date ("d MMMM y"; German "d. MMMM
 * y"), the locale's grouping (",", ".", U+202F) and the templates' words
 * ("{current} of {target}", "by {deadline}", "Owner: {owner}"). */
static const struct {
    const char *locale;
    const char *of;       /* current against target */
    const char *by;       /* "by {deadline}" */
    const char *deadline; /* the deadline alone */
    const char *owner;    /* the first card's owner */
    const char *other;    /* the second card's owner, as written */
    const char *posted;   /* the post's day */
} cases[] = {
    { NULL, "6,300 of 6,000", "by 31 December 2026", "31 December 2026", "Owner: Maya (Community manager)",
      "Owner: Marketing", "3 November 2026" },
    { "de-DE", "6.300 von 6.000", "bis 31. Dezember 2026", "31. Dezember 2026",
      "Verantwortlich: Maya (Community manager)", "Verantwortlich: Marketing", "3. November 2026" },
    { "fr-FR", "6\xE2\x80\xAF" "300 sur 6\xE2\x80\xAF" "000", "d\xE2\x80\x99ici le 31 d\xC3\xA9" "cembre 2026",
      "31 d\xC3\xA9" "cembre 2026", "Responsable\xC2\xA0: Maya (Community manager)",
      "Responsable\xC2\xA0: Marketing", "3 novembre 2026" },
};

static void cards_in_readers_words(void **state)
{
    (void)state;
    skpi_effort *team = maya();
    skpi_dataset *ds = dataset();
    skpi_report *r = definition(team);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(skpi_report_set_locale(r, cases[i].locale), SKPI_OK);
        skpi_doc *doc = NULL;
        assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
        char *text = render(doc, SKPI_FORMAT_TEXT);
        char *md = render(doc, SKPI_FORMAT_MARKDOWN);
        char *html = render(doc, SKPI_FORMAT_HTML);
        char *json = render(doc, SKPI_FORMAT_JSON);
        char *csv = render(doc, SKPI_FORMAT_CSV);

        /* text: "- Grow engagements: Achieved. Owner: Maya (Community
         * manager). Progress 120% (expected 92%). 6,300 of 6,000 by 31
         * December 2026." and the post "1. Instagram @acme, 3 November
         * 2026: ..." */
        assert_has(text, " %s. ", cases[i].owner);
        assert_has(text, " %s %s.", cases[i].of, cases[i].by);
        assert_has(text, " %s. ", cases[i].other);
        assert_has(text, ", %s: ", cases[i].posted);
        assert_lacks(text, "2026-12-31");
        assert_lacks(text, "2026-11-03");

        /* Markdown: the deadline column, the owner in the card's line
         * below the table, the post's day between middle dots */
        assert_has(md, "| %s |", cases[i].deadline);
        assert_has(md, "- **Grow engagements:** %s.", cases[i].owner);
        assert_has(md, " \xC2\xB7 %s \xC2\xB7 ", cases[i].posted);
        assert_lacks(md, "2026-12-31");
        assert_lacks(md, "2026-11-03");

        /* HTML: the owner on a line under the status badge, the card's own line */
        assert_has(html, "</span></p><p class=\"meta\">%s</p>", cases[i].owner);
        assert_has(html, "<p class=\"meta\">%s \xC2\xB7 %s</p>", cases[i].of, cases[i].by);
        assert_contains(html, cases[i].posted);
        assert_lacks(html, "2026-12-31");

        /* JSON and CSV keep ISO dates; JSON carries the owner as a field */
        assert_contains(json, "\"deadline\": \"2026-12-31\"");
        assert_contains(json, "\"owner\": \"Maya (Community manager)\"");
        assert_contains(json, "\"owner\": \"Marketing\"");
        assert_contains(json, "\"published\": \"2026-11-03\"");
        assert_lacks(json, cases[i].posted);
        assert_lacks(json, "December 2026");
        assert_contains(csv, "2026-12-31");
        assert_lacks(csv, cases[i].posted);

        skpi_free(text);
        skpi_free(md);
        skpi_free(html);
        skpi_free(json);
        skpi_free(csv);
        skpi_doc_free(doc);
    }
    skpi_report_free(r);
    skpi_dataset_free(ds);
    skpi_effort_free(team);
}

/* The document model carries both forms: the ISO date for data and the
 * words for readers, and the owner with the role. */
static void cards_in_the_document(void **state)
{
    (void)state;
    skpi_effort *team = maya();
    skpi_dataset *ds = dataset();
    skpi_report *r = definition(team);
    assert_int_equal(skpi_report_set_locale(r, "de-DE"), SKPI_OK);
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_report_assemble(&doc, r, ds), SKPI_OK);
    int seen = 0;
    for (size_t b = 0; b < skpi_doc_block_count(doc); b++) {
        int kind;
        assert_int_equal(skpi_doc_block_kind(&kind, doc, b), SKPI_OK);
        if (kind == SKPI_BLOCK_GOALS) {
            skpi_doc_goal g = SKPI_DOC_GOAL_INIT;
            assert_int_equal(skpi_doc_goal_get(&g, doc, b, 0), SKPI_OK);
            assert_string_equal(g.deadline, "2026-12-31");
            assert_string_equal(g.deadline_name, "31. Dezember 2026");
            assert_string_equal(g.owner, "Maya (Community manager)");
            assert_int_equal(skpi_doc_goal_get(&g, doc, b, 1), SKPI_OK);
            assert_string_equal(g.owner, "Marketing");
            seen++;
        } else if (kind == SKPI_BLOCK_POSTS) {
            skpi_doc_post p = SKPI_DOC_POST_INIT;
            assert_int_equal(skpi_doc_post_get(&p, doc, b, 0), SKPI_OK);
            assert_string_equal(p.published, "2026-11-03");
            assert_string_equal(p.published_name, "3. November 2026");
            seen++;
        }
    }
    assert_int_equal(seen, 2);
    skpi_doc_free(doc);
    skpi_report_free(r);
    skpi_dataset_free(ds);
    skpi_effort_free(team);
}

/* A program built against an older header passes and reads shorter
 * structs: nothing past their end is read or written. */
static void older_structs_untouched(void **state)
{
    (void)state;
    skpi_doc *doc = NULL;
    assert_int_equal(skpi_doc_new(&doc), SKPI_OK);
    size_t goals, objectives, posts, o;
    assert_int_equal(skpi_doc_add_goals(&goals, doc, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_add_objectives(&objectives, doc, NULL), SKPI_OK);
    assert_int_equal(skpi_doc_add_posts(&posts, doc, NULL), SKPI_OK);
    static const char poison[] = "past the end";

    /* a version 2 goal: what lies beyond is not the caller's */
    skpi_doc_goal g;
    memset(&g, 0xA5, sizeof g);
    assert_int_equal(skpi_doc_goal_init(&g, 2), SKPI_OK);
    assert_true(*(const unsigned char *)&g.owner == 0xA5); /* init stops at version 2's end */
    g.name = "Old goal";
    g.status = "on_track";
    g.deadline = "2026-12-31";
    assert_int_equal(skpi_doc_goals_add(doc, goals, &g), SKPI_OK);
    skpi_doc_goal back = SKPI_DOC_GOAL_INIT;
    assert_int_equal(skpi_doc_goal_get(&back, doc, goals, 0), SKPI_OK);
    assert_null(back.owner);
    assert_null(back.deadline_name);
    assert_string_equal(back.deadline, "2026-12-31");
    skpi_doc_goal old;
    old.version = 2;
    old.owner = poison;
    old.deadline_name = poison;
    assert_int_equal(skpi_doc_goal_get(&old, doc, goals, 0), SKPI_OK);
    assert_ptr_equal(old.owner, poison);
    assert_ptr_equal(old.deadline_name, poison);
    assert_string_equal(old.name, "Old goal");

    /* a version 1 key result */
    skpi_doc_objective obj = SKPI_DOC_OBJECTIVE_INIT;
    obj.title = "Objective";
    assert_int_equal(skpi_doc_objectives_add(&o, doc, objectives, &obj), SKPI_OK);
    skpi_doc_key_result kr;
    memset(&kr, 0xA5, sizeof kr);
    assert_int_equal(skpi_doc_key_result_init(&kr, 1), SKPI_OK);
    kr.title = "Old key result";
    assert_int_equal(skpi_doc_objective_add_key_result(doc, objectives, o, &kr), SKPI_OK);
    kr = (skpi_doc_key_result)SKPI_DOC_KEY_RESULT_INIT;
    kr.title = "New key result";
    kr.owner = "Dana";
    assert_int_equal(skpi_doc_objective_add_key_result(doc, objectives, o, &kr), SKPI_OK);
    skpi_doc_key_result kback = SKPI_DOC_KEY_RESULT_INIT;
    assert_int_equal(skpi_doc_key_result_get(&kback, doc, objectives, o, 0), SKPI_OK);
    assert_null(kback.owner);
    assert_int_equal(skpi_doc_key_result_get(&kback, doc, objectives, o, 1), SKPI_OK);
    assert_string_equal(kback.owner, "Dana");
    skpi_doc_key_result kold;
    kold.version = 1;
    kold.owner = poison;
    assert_int_equal(skpi_doc_key_result_get(&kold, doc, objectives, o, 1), SKPI_OK);
    assert_ptr_equal(kold.owner, poison);
    assert_string_equal(kold.title, "New key result");

    /* a version 1 post */
    skpi_doc_post p;
    memset(&p, 0xA5, sizeof p);
    assert_int_equal(skpi_doc_post_init(&p, 1), SKPI_OK);
    p.channel = "Instagram";
    p.metric = "Likes";
    p.published = "2026-11-03";
    assert_int_equal(skpi_doc_posts_add(doc, posts, &p), SKPI_OK);
    skpi_doc_post pback = SKPI_DOC_POST_INIT;
    assert_int_equal(skpi_doc_post_get(&pback, doc, posts, 0), SKPI_OK);
    assert_null(pback.published_name);
    skpi_doc_post pold;
    pold.version = 1;
    pold.published_name = poison;
    assert_int_equal(skpi_doc_post_get(&pold, doc, posts, 0), SKPI_OK);
    assert_ptr_equal(pold.published_name, poison);
    assert_string_equal(pold.published, "2026-11-03");

    /* the key result's owner reaches every human renderer and JSON */
    char *text = render(doc, SKPI_FORMAT_TEXT);
    char *md = render(doc, SKPI_FORMAT_MARKDOWN);
    char *html = render(doc, SKPI_FORMAT_HTML);
    char *json = render(doc, SKPI_FORMAT_JSON);
    assert_contains(text, "New key result: n/a (n/a of n/a). Owner: Dana");
    assert_contains(md, "| Owner: Dana. |");
    assert_contains(html, "New key result<br><span class=\"meta\">Owner: Dana</span>");
    assert_contains(json, "\"owner\": \"Dana\"");
    /* without the words, readers see the ISO date */
    assert_contains(text, "Instagram, 2026-11-03:");
    skpi_free(text);
    skpi_free(md);
    skpi_free(html);
    skpi_free(json);
    skpi_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cards_in_readers_words),
        cmocka_unit_test(cards_in_the_document),
        cmocka_unit_test(older_structs_untouched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
