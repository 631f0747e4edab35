/* The fixed document behind the renderer golden files (tests/golden/report):
 * every block kind, every unit, missing and partial values, two comparisons. */
#ifndef SKPI_TEST_REPORT_FIXTURE_H
#define SKPI_TEST_REPORT_FIXTURE_H
#include <math.h>
#include <socialkpi.h>

#define FIXTURE_CHECK(x) do { if ((x) != SKPI_OK) return -1; } while (0)

static skpi_value av(double v) { skpi_value x = { v, SKPI_AVAILABLE }; return x; }
static skpi_value partial(double v) { skpi_value x = { v, SKPI_PARTIAL }; return x; }

static int fixture_kpis(skpi_doc *doc)
{
    size_t t;
    FIXTURE_CHECK(skpi_doc_add_kpi_table(&t, doc, "Key metrics, November 2026", "Oct 2026", "Nov 2025"));
    /* Engagements 12,345 against 10,000: change 2,345 = 23.45 %; against
     * 8,000 a year earlier: 4,345 = 54.3125 %. */
    static const double spark[] = { 8000, 9100, NAN, 9800, 10000, 12345 };
    skpi_doc_kpi_row r = SKPI_DOC_KPI_ROW_INIT;
    r.label = "Engagements";
    r.unit = SKPI_UNIT_COUNT;
    r.value = av(12345); r.previous = av(10000); r.change = av(2345); r.change_percent = av(23.45);
    r.previous2 = av(8000); r.change2 = av(4345); r.change2_percent = av(54.3125);
    r.sparkline = spark; r.sparkline_length = 6;
    FIXTURE_CHECK(skpi_doc_kpi_table_add_row(doc, t, &r));
    /* Instagram 8,000 against 6,400: +1,600 = +25 %. */
    skpi_doc_kpi_row ig = SKPI_DOC_KPI_ROW_INIT;
    ig.label = "instagram:@acme"; ig.level = 1;
    ig.value = av(8000); ig.previous = av(6400); ig.change = av(1600); ig.change_percent = av(25);
    FIXTURE_CHECK(skpi_doc_kpi_table_add_row(doc, t, &ig));
    /* LinkedIn 4,345 against 3,600: +745 = +20.69 %. */
    skpi_doc_kpi_row li = SKPI_DOC_KPI_ROW_INIT;
    li.label = "linkedin:acme-coffee"; li.level = 1;
    li.value = av(4345); li.previous = av(3600); li.change = av(745); li.change_percent = av(745.0 / 36.0);
    FIXTURE_CHECK(skpi_doc_kpi_table_add_row(doc, t, &li));
    /* Engagement rate 4.25 % (partial) against 3.90 %: +0.35 pp, +8.97 %. */
    skpi_doc_kpi_row er = SKPI_DOC_KPI_ROW_INIT;
    er.label = "Engagement rate (reach)"; er.unit = SKPI_UNIT_PERCENT;
    er.value = partial(4.25); er.previous = av(3.9); er.change = av(0.35); er.change_points = av(0.35);
    er.change_percent = av(0.35 / 3.9 * 100);
    FIXTURE_CHECK(skpi_doc_kpi_table_add_row(doc, t, &er));
    /* Cost per click 0.42 EUR against 0.50: -0.08 = -16 %, which is good. */
    skpi_doc_kpi_row cpc = SKPI_DOC_KPI_ROW_INIT;
    cpc.label = "Cost per click"; cpc.channel = "paid:meta"; cpc.unit = SKPI_UNIT_CURRENCY;
    cpc.direction = SKPI_LOWER_IS_BETTER;
    cpc.value = av(0.42); cpc.previous = av(0.5); cpc.change = av(-0.08); cpc.change_percent = av(-16);
    FIXTURE_CHECK(skpi_doc_kpi_table_add_row(doc, t, &cpc));
    /* Response time 3,725 s (1h 02m) against 5,400 s (1h 30m): -1,675 s = -31.02 %. */
    skpi_doc_kpi_row rt = SKPI_DOC_KPI_ROW_INIT;
    rt.label = "Median response time"; rt.unit = SKPI_UNIT_DURATION; rt.direction = SKPI_LOWER_IS_BETTER;
    rt.value = av(3725); rt.previous = av(5400); rt.change = av(-1675); rt.change_percent = av(-1675.0 / 54.0);
    FIXTURE_CHECK(skpi_doc_kpi_table_add_row(doc, t, &rt));
    /* NPS 42 with nothing to compare with. */
    skpi_doc_kpi_row nps = SKPI_DOC_KPI_ROW_INIT;
    nps.label = "Net Promoter Score"; nps.unit = SKPI_UNIT_SCORE;
    nps.value = av(42);
    FIXTURE_CHECK(skpi_doc_kpi_table_add_row(doc, t, &nps));
    return 0;
}

static int fixture_charts(skpi_doc *doc)
{
    size_t c;
    skpi_doc_chart ch = SKPI_DOC_CHART_INIT;
    ch.title = "Engagements per week";
    ch.description = "Weekly engagements against the expected path; week 47 was the best on record.";
    FIXTURE_CHECK(skpi_doc_add_chart(&c, doc, &ch));
    static const char *const weeks[] = { "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48" };
    static const double actual[] = { 2100, 2500, NAN, 9870, 3100 };
    static const double expected[] = { 2200, 2300, 2400, 2500, 2600 };
    FIXTURE_CHECK(skpi_doc_chart_add_series(NULL, doc, c, "Engagements", SKPI_SERIES_SOLID, weeks, actual, 5));
    FIXTURE_CHECK(skpi_doc_chart_add_series(NULL, doc, c, "Expected", SKPI_SERIES_DASHED, weeks, expected, 5));

    skpi_doc_chart bar = SKPI_DOC_CHART_INIT;
    bar.kind = SKPI_CHART_BAR;
    bar.title = "Engagements by channel";
    FIXTURE_CHECK(skpi_doc_add_chart(&c, doc, &bar));
    FIXTURE_CHECK(skpi_doc_chart_set_axis(doc, c, SKPI_AXIS_CHANNELS)); /* labels are channels, not periods */
    static const char *const channels[] = { "Instagram", "LinkedIn" };
    static const double nov[] = { 8000, 4345 }, oct[] = { 6400, 3600 };
    FIXTURE_CHECK(skpi_doc_chart_add_series(NULL, doc, c, "Nov 2026", SKPI_SERIES_SOLID, channels, nov, 2));
    FIXTURE_CHECK(skpi_doc_chart_add_series(NULL, doc, c, "Oct 2026", SKPI_SERIES_SOLID, channels, oct, 2));
    return 0;
}

static int fixture_goals(skpi_doc *doc)
{
    size_t g;
    FIXTURE_CHECK(skpi_doc_add_goals(&g, doc, "SMART goals"));
    skpi_doc_goal a = SKPI_DOC_GOAL_INIT;
    a.name = "Grow Instagram followers to 15,000";
    a.status = "on_track"; a.status_label = "On track"; a.tone = SKPI_TONE_GOOD;
    a.current = av(12400); a.target = av(15000);
    a.progress = av(0.62); a.expected = av(0.58); a.forecast = av(1.04);
    a.deadline = "2026-12-31"; a.note = "Needs 650 new followers a week.";
    a.projected = av(15600); a.likelihood = av(0.8);
    FIXTURE_CHECK(skpi_doc_goals_add(doc, g, &a));
    skpi_doc_goal b = SKPI_DOC_GOAL_INIT;
    b.name = "Cut response time below 1 hour";
    b.status = "at_risk"; b.status_label = "At risk"; b.tone = SKPI_TONE_WARNING;
    b.unit = SKPI_UNIT_DURATION;
    b.current = av(3725); b.target = av(3600);
    b.progress = av(0.9); b.expected = av(1.0); b.forecast = av(0.95);
    b.deadline = "2026-11-30";
    b.projected = av(3500); b.likelihood = av(0.6);
    b.caveat = "At risk now, but the recent trend reaches 1h 00m by 2026-11-30.";
    FIXTURE_CHECK(skpi_doc_goals_add(doc, g, &b));
    skpi_doc_goal c = SKPI_DOC_GOAL_INIT;
    c.name = "Leads from LinkedIn";
    c.status = "no_data"; c.status_label = "No data";
    FIXTURE_CHECK(skpi_doc_goals_add(doc, g, &c));
    return 0;
}

static int fixture_okrs(skpi_doc *doc)
{
    size_t b, o;
    FIXTURE_CHECK(skpi_doc_add_objectives(&b, doc, "OKRs, Q4 2026"));
    /* Three key results 0.7, 0.5 and 0.7: mean 0.6333, graded 0.6. */
    skpi_doc_objective brand = SKPI_DOC_OBJECTIVE_INIT;
    brand.title = "Become the coffee brand people talk about";
    brand.owner = "Dana (brand)";
    brand.aspirational = 1;
    brand.score = av(1.9 / 3); brand.score_rounded = av(0.6);
    brand.band = "green"; brand.band_label = "Green"; brand.tone = SKPI_TONE_GOOD;
    brand.interpretation = "On course: 0.6 to 0.7 is success for an aspirational OKR.";
    FIXTURE_CHECK(skpi_doc_objectives_add(&o, doc, b, &brand));
    skpi_doc_key_result kr = SKPI_DOC_KEY_RESULT_INIT;
    kr.title = "Reach 2 million impressions";
    kr.start = av(1000000); kr.current = av(1700000); kr.target = av(2000000);
    kr.score = av(0.7); kr.tone = SKPI_TONE_GOOD;
    FIXTURE_CHECK(skpi_doc_objective_add_key_result(doc, b, o, &kr));
    skpi_doc_key_result sov = SKPI_DOC_KEY_RESULT_INIT;
    sov.title = "Share of voice 25 %";
    sov.unit = SKPI_UNIT_PERCENT;
    sov.start = av(15); sov.current = av(20); sov.target = av(25);
    sov.score = av(0.5); sov.tone = SKPI_TONE_WARNING;
    sov.note = "Competitor campaign in week 46.";
    FIXTURE_CHECK(skpi_doc_objective_add_key_result(doc, b, o, &sov));
    skpi_doc_key_result amb = SKPI_DOC_KEY_RESULT_INIT;
    amb.title = "Launch the ambassador programme";
    amb.unit = SKPI_UNIT_RATIO;
    amb.start = av(0); amb.current = av(0.7); amb.target = av(1);
    amb.score = av(0.7); amb.tone = SKPI_TONE_GOOD;
    FIXTURE_CHECK(skpi_doc_objective_add_key_result(doc, b, o, &amb));

    /* Key results 0.97 and 0: mean 0.485, graded 0.5. */
    skpi_doc_objective care = SKPI_DOC_OBJECTIVE_INIT;
    care.title = "Answer every customer within the hour";
    care.score = av(0.485); care.score_rounded = av(0.5);
    care.band = "red"; care.band_label = "Red"; care.tone = SKPI_TONE_BAD;
    care.interpretation = "Behind: committed OKRs are expected to reach 1.0.";
    FIXTURE_CHECK(skpi_doc_objectives_add(&o, doc, b, &care));
    skpi_doc_key_result med = SKPI_DOC_KEY_RESULT_INIT;
    med.title = "Median first response under 60 minutes";
    med.unit = SKPI_UNIT_DURATION;
    med.start = av(7200); med.current = av(3725); med.target = av(3600);
    med.score = av(0.97); med.tone = SKPI_TONE_GOOD;
    FIXTURE_CHECK(skpi_doc_objective_add_key_result(doc, b, o, &med));
    skpi_doc_key_result rate = SKPI_DOC_KEY_RESULT_INIT;
    rate.title = "Response rate 95 %";
    rate.unit = SKPI_UNIT_PERCENT;
    rate.start = av(80); rate.current = av(80); rate.target = av(95);
    rate.score = av(0); rate.tone = SKPI_TONE_BAD;
    FIXTURE_CHECK(skpi_doc_objective_add_key_result(doc, b, o, &rate));
    return 0;
}

static int fixture_posts(skpi_doc *doc)
{
    size_t b;
    FIXTURE_CHECK(skpi_doc_add_posts(&b, doc, "Top posts"));
    skpi_doc_post p = SKPI_DOC_POST_INIT;
    p.channel = "instagram:@acme";
    p.published = "2026-11-17";
    p.text = "Our winter blend is back \xE2\x98\x95 Tell us your favourite pairing!";
    p.url = "https://www.instagram.com/p/abc123/";
    p.metric = "Engagements";
    p.value = av(3120); p.ratio = av(4.2);
    FIXTURE_CHECK(skpi_doc_posts_add(doc, b, &p));
    skpi_doc_post q = SKPI_DOC_POST_INIT;
    q.channel = "linkedin:acme-coffee";
    q.published = "2026-11-12";
    q.text = "We're hiring baristas & roasters in Leeds.";
    q.url = "javascript:alert(1)"; /* never becomes a link */
    q.metric = "Engagements";
    q.value = av(1450); q.ratio = av(2.9);
    FIXTURE_CHECK(skpi_doc_posts_add(doc, b, &q));
    return 0;
}

/* The whole document. Returns 0, or -1 when a call failed. */
static int fixture_build(skpi_doc **out)
{
    skpi_doc *doc = NULL;
    if (skpi_doc_new(&doc) != SKPI_OK) return -1;
    *out = doc;
    size_t b;
    FIXTURE_CHECK(skpi_doc_set_title(doc, "Monthly social media report"));
    FIXTURE_CHECK(skpi_doc_set_subtitle(doc, "November 2026 \xC2\xB7 Acme Coffee \xC2\xB7 for the team"));
    FIXTURE_CHECK(skpi_doc_set_currency(doc, "EUR"));
    FIXTURE_CHECK(skpi_doc_add_heading(NULL, doc, 1, "Summary"));
    FIXTURE_CHECK(skpi_doc_add_paragraph(&b, doc, "Engagements rose "));
    FIXTURE_CHECK(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_STRONG, "23.5 %"));
    FIXTURE_CHECK(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_PLAIN, " on October, "));
    FIXTURE_CHECK(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_EMPHASIS, "two-thirds of it"));
    FIXTURE_CHECK(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_PLAIN, " from Instagram."));
    FIXTURE_CHECK(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_WIN, "Best week on record",
                               "The week of 16 November brought 9,870 engagements, 41 % above the previous best."));
    FIXTURE_CHECK(skpi_doc_add_callout(NULL, doc, SKPI_CALLOUT_ALERT, "Spot check",
                               "LinkedIn impressions on 2026-11-12 were 5.2 times the median of the 28 days before."));
    FIXTURE_CHECK(skpi_doc_add_heading(NULL, doc, 1, "Key numbers"));
    if (fixture_kpis(doc) != 0) return -1;
    if (fixture_charts(doc) != 0) return -1;
    FIXTURE_CHECK(skpi_doc_add_heading(NULL, doc, 1, "Goals and OKRs"));
    if (fixture_goals(doc) != 0) return -1;
    if (fixture_okrs(doc) != 0) return -1;
    FIXTURE_CHECK(skpi_doc_add_heading(NULL, doc, 1, "Content"));
    if (fixture_posts(doc) != 0) return -1;
    static const char *const heads[] = { "Channel", "Posts", "Followers" };
    static const int align[] = { SKPI_ALIGN_LEFT, SKPI_ALIGN_RIGHT, SKPI_ALIGN_RIGHT };
    FIXTURE_CHECK(skpi_doc_add_table(&b, doc, "Channels", 3, heads, align));
    static const char *const r1[] = { "instagram:@acme", "18", "12,400" };
    static const char *const r2[] = { "linkedin:acme-coffee", "9", "3,050" };
    FIXTURE_CHECK(skpi_doc_table_add_row(doc, b, r1));
    FIXTURE_CHECK(skpi_doc_table_add_row(doc, b, r2));
    FIXTURE_CHECK(skpi_doc_add_heading(NULL, doc, 2, "Next steps"));
    FIXTURE_CHECK(skpi_doc_add_list(&b, doc, 0));
    FIXTURE_CHECK(skpi_doc_list_add_item(doc, b, "Publish two more reels a week on Instagram."));
    FIXTURE_CHECK(skpi_doc_list_add_item(doc, b, "Reply to LinkedIn comments within the hour."));
    FIXTURE_CHECK(skpi_doc_add_paragraph(&b, doc, "Numbers marked with * are "));
    FIXTURE_CHECK(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_EMPHASIS, "partial"));
    FIXTURE_CHECK(skpi_doc_paragraph_add_span(doc, b, SKPI_SPAN_PLAIN, ": some days have no data yet."));
    return 0;
}

#endif
