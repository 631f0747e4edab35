"""Report definitions and assembly from Python: byte-identical to the same report assembled and
rendered by C (tests/tools/report_assembly.c), custom sections as Python callables, templates."""
import gc
import os
import subprocess

import numpy as np
import pytest

import socialkpi as sk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
TOOL = os.environ.get("SKPI_REPORT_ASSEMBLY",
                      os.path.join(ROOT, "build", "tests", "report_assembly"))
DAY = 86400

# --- The inputs of tests/tools/report_assembly.c, call for call ---------------------------

DAYS, SPIKE_DAY, STANDOUT_DAY, GAP_DAY = 456, 450, 450, 451
CHANNELS = ["instagram:@acme", "linkedin:acme-coffee", "x:@acme"]
SCALE = [1000, 450, 300]  # per mille
FLOWS = [("impressions", 9000, 1, 40), ("reach", 6000, 1, 25), ("engagements", 420, 2, 6),
         ("link_clicks", 120, 2, 3), ("comments", 40, 1, 1)]


def fixture_dataset():
    """The C tool's data: integer formulas, so both sides hold the same doubles."""
    start = sk.parse_time("2025-09-01")
    ds = sk.Dataset()
    d = np.arange(DAYS, dtype=np.int64)
    times = start + d * DAY
    for c, channel in enumerate(CHANNELS):
        for m, (key, base, growth, wiggle) in enumerate(FLOWS):
            x = (base * SCALE[c] * (1000 + growth * d) // 1000000
                 + (d * 37 + c * 11 + m * 5) % 23 * wiggle)
            if c == 1 and m == 0:
                x[SPIKE_DAY] *= 12
            v = x.astype(np.float64)
            if c == 2 and m == 1:
                v[GAP_DAY] = np.nan
            ds.append(key, channel, times, v)
        f = 6000 * SCALE[c] // 1000 + np.cumsum(20 * SCALE[c] // 1000 + (d * 13 + c) % 17)
        ds.append("followers", channel, times, f.astype(np.float64))
    ds.define_group("social", ["instagram:@acme", "x:@acme"])
    types = ["photo", "reel", "link"]
    for day in range(0, DAYS, 3):
        for c, channel in enumerate(CHANNELS):
            pid = f"p{day}-{c}"
            text = (f"Post {day} on {channel}: our {'winter' if day % 2 else 'house'} blend "
                    "\u2014 caf\u00e9 & <crema>.")
            when = start + day * DAY + 9 * 3600 + c * 600
            e = 300 * SCALE[c] * (600 + (day * 7919 + c * 31) % 1000) // 1000000
            if day == STANDOUT_DAY and c == 0:
                e *= 6
            ds.add_post(channel, pid, when, types[day // 3 % 3], text,
                        f"https://example.com/{channel}/{pid}", engagements=e, comments=e // 9)
    return ds


def fixture_definition(dataset):
    """The C tool's goals, objectives and definition; returns (definition, what to close)."""
    followers = sk.Goal("Grow Instagram followers to 20,000",
                        category=sk.Category.COMMUNITY_ENGAGEMENT, metric="followers",
                        channel="instagram:@acme", cadence=sk.Cadence.MONTH, baseline=9000,
                        span=("2026-01-01", "2027-01-01"),
                        relevance="Audience for the spring launch", owner="Dana", target=20000,
                        milestones=[("2026-06-01", 13000), ("2026-11-25", 18000)])
    clicks = sk.Goal("Double weekly link clicks", category=sk.Category.CONVERSIONS,
                     metric="link_clicks", cadence=sk.Cadence.WEEK,
                     baseline=("2025-10-01", "2025-10-08"), span=("2026-01-01", "2026-12-31"),
                     owner="Sam", target=100, target_kind=sk.TargetKind.PERCENT)
    q4 = ("2026-10-01", "2027-01-01")
    brand = sk.Objective("Become the coffee brand people talk about", period=q4,
                         owner="Dana (brand)", curve=sk.Curve.STRETCH)
    brand.add_key_result("Reach 2.5 million impressions in Q4", sk.KeyResultKind.METRIC, 0, 2500000,
                         stretch=3000000, metric="impressions")
    sov = brand.add_key_result("Share of voice 25 %", start=15, target=25, stretch=28, weight=2)
    sov.check_in("2026-10-15", 17, confidence=0.6, note="Baseline month")
    sov.check_in("2026-11-20", 21, confidence=0.5, note="Competitor campaign")
    brand.add_key_result("Launch the ambassador programme", sk.KeyResultKind.MILESTONE).check_in(
        "2026-11-20", 0.6, confidence=0.7, note="Ten ambassadors signed")
    care = sk.Objective("Answer every customer within the hour", period=q4,
                        type=sk.ObjectiveType.COMMITTED)
    care.add_key_result("Answered within 1 h (%)", start=60, target=100).check_in("2026-11-25", 90)
    care.align_under(brand, 1.0)
    cal = sk.Calendar(utc_offset=60, week_start=7, fiscal_year_start=4)

    rd = sk.ReportDefinition("Weekly social media report", audience=sk.Audience.MANAGEMENT)
    rd.show(sk.Section.CHANNELS)
    rd.show("top_posts")
    rd.show(sk.Section.SPOT_CHECKS)
    rd.cadence = sk.Cadence.WEEK
    rd.as_of = "2026-11-30T09:00:00+01:00"
    rd.set_calendar(cal)
    rd.comparisons = sk.Comparison.PREVIOUS | sk.Comparison.YEAR_EARLIER
    rd.set_currency("EUR")
    for channel in ("instagram:*", "linkedin:acme-coffee", "x:@acme"):
        rd.add_channel(channel)
    for kpi in ("engagements", "impressions", "engagement_rate_reach"):
        rd.add_kpi(kpi)
    rd.add_kpi("followers", "instagram:*")
    rd.add_kpi("link_clicks")
    rd.add_kpi("comments", "@social")
    rd.set_max_kpis(5)
    rd.add_goal(followers)
    rd.add_goal(clicks)
    rd.add_objective(brand)
    rd.set_spot_checks(3.0, 10, 25)
    rd.set_top_posts(4, "engagements")

    def notes(doc):
        doc.add_paragraph("The winter blend launch drove ", (sk.SpanStyle.STRONG, "the best week"),
                          " of the quarter.")
        doc.add_list(["Film two reels at the roastery.",
                      "Answer LinkedIn comments within the hour."], ordered=True)

    rd.add_section("Notes from the team", notes)
    rd.add_section(None, lambda doc: doc.add_callout("Our Leeds roastery: 1,204 check-ins.",
                                                     sk.CalloutKind.WIN, "Caf\u00e9 of the month"))
    rd.set_template(sk.Template.HEADING_WINS, "Highlights")
    rd.set_template(sk.Template.HEADLINE_UP,
                    "{metric} climbed {percent} against {comparison} (now {value}).")
    rd.set_template("status_on_track", "Going well")
    rd.set_template(sk.Template.SUBTITLE, "Week {period} \u00b7 Acme Coffee \u00b7 {{internal}}")
    return rd, [followers, clicks, cal, care, brand]


@pytest.fixture(scope="module")
def c_output(tmp_path_factory):
    if "SKPI_REPORT_ASSEMBLY" not in os.environ and not os.path.exists(TOOL):
        pytest.skip("tests/tools/report_assembly not built (ctest sets SKPI_REPORT_ASSEMBLY)")
    out = tmp_path_factory.mktemp("report-c")
    subprocess.run([TOOL, str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def assembled():
    ds = fixture_dataset()
    rd, keep = fixture_definition(ds)
    doc = rd.assemble(ds)
    yield doc
    for obj in [doc, rd, ds] + keep:
        obj.close()


@pytest.mark.parametrize("fmt", [f for f in sk.Format if f.supported])
def test_assembled_from_python_identical_to_c(c_output, assembled, fmt):
    fmt = sk.Format(fmt)
    with open(c_output / f"report.{fmt.extension}", "rb") as f:
        expected = f.read()
    got = assembled.render(fmt, generated_at="2026-11-30T08:00:00Z", utc_offset=60)
    assert (got if fmt.binary else got.encode("utf-8")) == expected


def test_assembled_report_reads_back(assembled):
    # Week starting Sunday 22 November 2026 at UTC+01:00, named by its first day.
    assert assembled.title == "Weekly social media report"
    assert assembled.subtitle == "Week week of 22 November 2026 \u00b7 Acme Coffee \u00b7 {internal}"
    assert assembled.currency == "EUR"
    headings = [b.title for b in assembled.blocks if b.kind == sk.BlockKind.HEADING]
    # management preset (summary, KPIs, goals, OKRs, trends, wins, custom, next steps) with
    # channels, top posts and spot checks shown at their places in the self order
    assert headings == ["Summary", "Key numbers", "By channel", "Goals", "OKRs", "Trends",
                        "Highlights", "Top posts", "Spot checks", "Notes from the team",
                        "Next steps"]
    kpis = next(b for b in assembled.blocks if b.kind == sk.BlockKind.KPI_TABLE)
    assert len(kpis.rows) == 5  # six KPIs, at most five shown
    posts = next(b for b in assembled.blocks if b.kind == sk.BlockKind.POSTS).posts
    assert len(posts) == 4 and posts[0]["channel"] == "Instagram @acme"  # channels by name
    # the standout post: 300 * 1000 * (600 + (450 * 7919 + 0) % 1000) // 10**6 * 6
    # = 300 * (600 + 550) // 1000 * 6 = 345 * 6 = 2070
    assert posts[0]["value"].value == 2070.0


# --- The definition on its own ---------------------------------------------------------------


@pytest.fixture
def small():
    """Ten weeks of 100 engagements a day on one channel."""
    ds = sk.Dataset()
    start = sk.parse_time("2026-09-07")
    ds.append("engagements", "instagram:@acme", start + DAY * np.arange(70), np.full(70, 100.0))
    yield ds
    ds.close()


def test_defaults_presets_and_round_trip():
    rd = sk.ReportDefinition("Monthly report")
    assert (rd.title, rd.audience, rd.cadence, rd.as_of) == ("Monthly report", sk.Audience.TEAM,
                                                             sk.Cadence.MONTH, 0)
    assert rd.comparisons == sk.Comparison.PREVIOUS | sk.Comparison.YEAR_EARLIER
    S = sk.Section
    # docs/report.md, audience presets
    assert rd.sections == [S.SUMMARY, S.WINS, S.KPIS, S.CHANNELS, S.TRENDS, S.TOP_POSTS, S.LISTENING,
                           S.SPOT_CHECKS, S.GOALS, S.OKRS, S.CUSTOM, S.NEXT_STEPS]
    rd.audience = "leadership"
    assert rd.audience == sk.Audience.LEADERSHIP and rd.audience.key == "leadership"
    assert rd.sections == [S.SUMMARY, S.GOALS, S.OKRS, S.WINS, S.KPIS, S.LISTENING, S.FUNNEL, S.CUSTOM,
                           S.NEXT_STEPS]
    rd.hide(S.WINS)
    # shown before the first section that follows it in the self order (goals)
    rd.show("trends")
    assert rd.sections == [S.SUMMARY, S.TRENDS, S.GOALS, S.OKRS, S.KPIS, S.LISTENING, S.FUNNEL, S.CUSTOM,
                           S.NEXT_STEPS]
    rd.sections = ["kpis", S.SUMMARY]
    assert rd.sections == [S.KPIS, S.SUMMARY] and rd.audience == sk.Audience.CUSTOM
    rd.title = "Weekly report"
    rd.cadence = "week"
    rd.as_of = "2026-11-30"
    rd.comparisons = sk.Comparison.NONE
    assert (rd.title, rd.cadence, rd.as_of, rd.comparisons) == (
        "Weekly report", sk.Cadence.WEEK, sk.parse_time("2026-11-30"), sk.Comparison.NONE)
    rd2 = sk.ReportDefinition("R", kpis=["engagements", ("likes", "x:*")], channels=["x:*"],
                              comparisons=sk.Comparison.YEAR_EARLIER,
                              templates={sk.Template.HEADING_WINS: "Gains"})
    assert rd2.kpis == [("engagements", "*"), ("likes", "x:*")] and rd2.channels == ["x:*"]
    assert rd2.comparisons == sk.Comparison.YEAR_EARLIER and rd2.template("heading_wins") == "Gains"
    assert [s.key for s in sk.Section][10:15] == ["custom", "competitors", "benchmarks", "funnel", "resourcing"]
    assert sk.Section.LISTENING.key == "listening"
    assert [s.key for s in sk.Section][15:] == ["listening", "what_worked", "posting_times", "campaign"]
    assert len(sk.Section) == sk.limits()["report_sections"]
    assert [a.key for a in sk.Audience] == ["self", "team", "management", "leadership", "sales",
                                             "custom"]
    assert repr(sk.ReportDefinition("T")) == "<ReportDefinition 'T': team, month, 0 KPIs>"
    rd.close()
    rd.close()
    assert repr(rd) == "<ReportDefinition closed>"
    with pytest.raises(ValueError, match="closed"):
        rd.title


def test_templates():
    T = sk.Template
    assert len(T) == sk.limits()["report_templates"] == max(T) + 1  # appended, never renumbered
    assert T.HEADING_WINS.default == "Wins" and T.HEADING_WINS.placeholders == []
    assert T.GOALS_SUMMARY.placeholders == ["good", "total", "bad"]
    rd = sk.ReportDefinition("R")
    assert rd.template(T.NEXT_NONE) == T.NEXT_NONE.default
    rd.set_template(T.GOALS_SUMMARY, "{good}/{total} goals fine, {{ok}}")
    assert rd.template(T.GOALS_SUMMARY) == "{good}/{total} goals fine, {{ok}}"
    with pytest.raises(sk.InvalidArgumentError, match="bogus"):
        rd.set_template(T.GOALS_SUMMARY, "{bogus} goals")
    with pytest.raises(sk.InvalidArgumentError):
        rd.set_template(T.GOALS_SUMMARY, "{good")
    assert rd.template(T.GOALS_SUMMARY) == "{good}/{total} goals fine, {{ok}}"  # unchanged
    rd.set_template("goals_summary", None)
    assert rd.template(T.GOALS_SUMMARY) == T.GOALS_SUMMARY.default
    with pytest.raises(ValueError, match="unknown template"):
        rd.set_template("no_such_text", "x")
    with pytest.raises(sk.InvalidArgumentError):
        rd.set_template(999, "x")
    with pytest.raises(ValueError):
        rd.template(999)
    rd.close()


def test_template_and_section_change_the_assembled_text(small):
    rd = sk.ReportDefinition("R", cadence=sk.Cadence.WEEK, as_of="2026-11-16", kpis=["engagements"],
                             sections=[sk.Section.SUMMARY, sk.Section.CUSTOM])
    rd.set_template(sk.Template.HEADLINE_FLAT, "{metric}: {value}, flat.")
    rd.add_section("Extra", lambda doc: doc.add_paragraph("from Python"))
    with rd.assemble(small) as doc:
        # 7 days of 100 engagements
        assert [b.text for b in doc.blocks if b.kind == sk.BlockKind.PARAGRAPH] == [
            "Engagements: 700, flat.", "from Python"]
        assert doc.render("text").count("Extra") == 1


def test_renderer_words_follow_the_report(small):
    rd = sk.ReportDefinition("R", cadence=sk.Cadence.WEEK, as_of="2026-11-16", kpis=["engagements"],
                             sections=[sk.Section.KPIS])
    rd.set_template("column_metric", "Kennzahl")
    rd.set_template(sk.Template.COLUMN_VALUE, "Wert")
    with rd.assemble(small) as doc:
        assert doc.text(sk.Template.COLUMN_METRIC) == "Kennzahl"
        assert doc.text("column_trend") == "Trend"  # not replaced: the default
        md = doc.render("markdown")
        assert "| Kennzahl | Wert |" in md and "| Metric |" not in md
        doc.set_text("column_metric", None)
        assert "| Metric | Wert |" in doc.render("markdown")
        with pytest.raises(sk.InvalidArgumentError, match="not one the renderers write"):
            doc.set_text(sk.Template.HEADING_SUMMARY, "x")
        with pytest.raises(ValueError, match="not a word"):
            doc.text(sk.Template.HEADING_SUMMARY)


class SectionFailed(Exception):
    pass


def test_exception_in_a_custom_section_comes_out_of_assemble(small):
    seen, fail = [], [True]

    def section(doc):
        seen.append(doc)
        doc.add_paragraph("half done")
        if fail[0]:
            raise SectionFailed("the CRM did not answer")

    rd = sk.ReportDefinition("R", cadence="week", as_of="2026-11-16", kpis=["engagements"],
                             sections=["custom"])
    rd.add_section("From the CRM", section)
    with pytest.raises(SectionFailed, match="CRM did not answer") as e:
        rd.assemble(small)
    assert e.type is SectionFailed
    assert "SectionFailed" in sk._lib.lib.skpi_last_error().decode()
    assert seen[0].closed  # the half-built document is gone with the failed assembly
    with pytest.raises(ValueError, match="closed"):
        seen[0].add_paragraph("too late")
    fail[0] = False
    with rd.assemble(small) as doc:  # the definition is unchanged and nothing stale is raised
        assert [b.title for b in doc.blocks] == ["From the CRM", ""] and doc[1].text == "half done"
    # a return value (here a Paragraph) does not stop the assembly
    rd.add_section(None, lambda doc: doc.add_paragraph("second"))
    with rd.assemble(small) as doc:
        assert doc[-1].text == "second"
    with pytest.raises(TypeError, match="callable"):
        rd.add_section("X", "not a function")
    # closing the definition from its own section would free what C is reading
    rd.add_section(None, lambda doc: rd.close())
    with pytest.raises(RuntimeError, match="cannot be closed"):
        rd.assemble(small)
    assert not rd.closed
    rd.close()


def test_custom_sections_are_kept_alive(small):
    rd = sk.ReportDefinition("R", cadence="week", as_of="2026-11-16", sections=["custom"])
    for i in range(3):
        rd.add_section(None, lambda doc, i=i: doc.add_list([f"item {i}"]))
    gc.collect()
    with rd.assemble(small) as doc:
        assert [b.items for b in doc.blocks] == [["item 0"], ["item 1"], ["item 2"]]
    rd.close()
    assert rd._sections == []


def test_goals_are_copied_objectives_borrowed(small):
    goal = sk.Goal("Engagements 800 a week", metric="engagements", cadence=sk.Cadence.WEEK,
                   baseline=600, target=800, span=("2026-09-07", "2026-12-07"))
    okr = sk.Objective("Be talked about", period=("2026-10-01", "2027-01-01"))
    kr = okr.add_key_result("Mentions", start=0, target=100)
    rd = sk.ReportDefinition("R", cadence="week", as_of="2026-11-16", goals=[goal],
                             objectives=[okr], sections=["goals", "okrs"])
    goal.name = "renamed after adding"
    kr.check_in("2026-11-10", 50)  # read at assembly: objectives are not copied
    with rd.assemble(small) as doc:
        cards = next(b for b in doc.blocks if b.kind == sk.BlockKind.GOALS).goals
        assert cards[0]["name"] == "Engagements 800 a week"
        # 700 a week: (700 - 600) / (800 - 600) = 50 % of the way
        assert cards[0]["progress"].value == pytest.approx(0.5)
        objectives = next(b for b in doc.blocks if b.kind == sk.BlockKind.OBJECTIVES).objectives
        assert objectives[0]["key_results"][0]["current"].value == 50.0
    assert rd.goal_count == 1 and rd.objectives == [okr]
    with pytest.raises(sk.AlreadyExistsError):
        rd.add_objective(okr)
    okr.close()
    with pytest.raises(ValueError, match="objective"):
        rd.assemble(small)
    goal.close()
    rd.close()


def test_errors(small):
    with pytest.raises(sk.InvalidArgumentError):
        sk.ReportDefinition("")
    rd = sk.ReportDefinition("R", cadence="week", as_of="2026-11-16")
    with pytest.raises(sk.InvalidArgumentError):
        rd.title = ""
    assert rd.title == "R"
    with pytest.raises(sk.InvalidArgumentError):
        rd.cadence = 9
    with pytest.raises(ValueError, match="unknown audience"):
        rd.audience = "board"
    with pytest.raises(sk.InvalidArgumentError):
        rd.comparisons = 4
    with pytest.raises(sk.InvalidArgumentError):
        rd.set_currency("a very long currency")
    with pytest.raises(sk.InvalidArgumentError):
        rd.sections = ["kpis", "kpis"]
    with pytest.raises(sk.RangeError):
        rd.set_spot_checks(window=4)
    with pytest.raises(sk.RangeError):
        rd.set_top_posts(51)
    rd.add_kpi("engagements")
    with pytest.raises(sk.AlreadyExistsError):
        rd.add_kpi("engagements", "*")
    with pytest.raises(TypeError, match="Goal"):
        rd.add_goal(sk.Objective("Not a goal"))
    with pytest.raises(TypeError, match="Dataset"):
        rd.assemble(sk.Calendar())
    rd.add_kpi("no_such_metric")
    with pytest.raises(sk.NotFoundError, match="no_such_metric"):
        rd.assemble(small)
    assert rd.kpis == [("engagements", "*"), ("no_such_metric", "*")]
    with pytest.raises(TypeError, match="unexpected keyword"):
        sk.ReportDefinition("R", colour="red")
    rd.close()
