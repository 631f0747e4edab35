"""Reports built and rendered from Python: byte-identical to the C renderer's golden files
(tests/golden/report, checked against C by test_render), sinks, callbacks, reading back."""
import io
import math
import os

import pytest

import socialkpi as sk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
GOLDEN = os.path.join(ROOT, "tests", "golden", "report")
# 2026-12-01T08:00:00Z, shown at UTC+01:00, as tests/unit/test_render.c renders the goldens
GENERATED = 20788 * 86400 + 8 * 3600
OPTIONS = dict(generated_at=GENERATED, utc_offset=60)

U, T, A = sk.Unit, sk.Tone, sk.Availability


def partial(v):
    return sk.Value(v, A.PARTIAL)


def fixture_report():
    """tests/unit/report_fixture.h, call for call."""
    rep = sk.Document("Monthly social media report",
                      subtitle="November 2026 \u00b7 Acme Coffee \u00b7 for the team",
                      currency="EUR")
    rep.add_heading("Summary", 1)
    rep.add_paragraph("Engagements rose ", (sk.SpanStyle.STRONG, "23.5 %"), " on October, ",
                      (sk.SpanStyle.EMPHASIS, "two-thirds of it"), " from Instagram.")
    rep.add_callout("The week of 16 November brought 9,870 engagements, 41 % above the previous best.",
                    sk.CalloutKind.WIN, "Best week on record")
    rep.add_callout("LinkedIn impressions on 2026-11-12 were 5.2 times the median of the 28 days before.",
                    sk.CalloutKind.ALERT, "Spot check")
    rep.add_heading("Key numbers", 1)

    t = rep.add_kpi_table("Key metrics, November 2026", "Oct 2026", "Nov 2025")
    t.add_row("Engagements", 12345, unit=U.COUNT, previous=10000, change=2345, change_percent=23.45,
              previous2=8000, change2=4345, change2_percent=54.3125,
              sparkline=[8000, 9100, math.nan, 9800, 10000, 12345])
    t.add_row("instagram:@acme", 8000, level=1, previous=6400, change=1600, change_percent=25)
    t.add_row("linkedin:acme-coffee", 4345, level=1, previous=3600, change=745,
              change_percent=745.0 / 36.0)
    t.add_row("Engagement rate (reach)", partial(4.25), unit=U.PERCENT, previous=3.9, change=0.35,
              change_points=0.35, change_percent=0.35 / 3.9 * 100)
    t.add_row("Cost per click", 0.42, channel="paid:meta", unit=U.CURRENCY,
              direction=sk.Direction.LOWER_IS_BETTER, previous=0.5, change=-0.08, change_percent=-16)
    t.add_row("Median response time", 3725, unit=U.DURATION, direction=sk.Direction.LOWER_IS_BETTER,
              previous=5400, change=-1675, change_percent=-1675.0 / 54.0)
    t.add_row("Net Promoter Score", 42, unit=U.SCORE)

    weeks = ["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    c = rep.add_chart("Engagements per week", description="Weekly engagements against the expected "
                      "path; week 47 was the best on record.")
    c.add_series("Engagements", weeks, [2100, 2500, math.nan, 9870, 3100])
    c.add_series("Expected", weeks, [2200, 2300, 2400, 2500, 2600], sk.SeriesStyle.DASHED)
    bar = rep.add_chart("Engagements by channel", sk.ChartKind.BAR, axis=sk.ChartAxis.CHANNELS)
    bar.add_series("Nov 2026", ["Instagram", "LinkedIn"], [8000, 4345])
    bar.add_series("Oct 2026", ["Instagram", "LinkedIn"], [6400, 3600])

    rep.add_heading("Goals and OKRs", 1)
    g = rep.add_goals("SMART goals")
    g.add("Grow Instagram followers to 15,000", "on_track", status_label="On track", tone=T.GOOD,
          current=12400, target=15000, progress=0.62, expected=0.58, forecast=1.04,
          deadline="2026-12-31", note="Needs 650 new followers a week.", projected=15600, likelihood=0.8)
    g.add("Cut response time below 1 hour", "at_risk", status_label="At risk", tone=T.WARNING,
          unit=U.DURATION, current=3725, target=3600, progress=0.9, expected=1.0, forecast=0.95,
          deadline="2026-11-30", projected=3500, likelihood=0.6,
          caveat="At risk now, but the recent trend reaches 1h 00m by 2026-11-30.")
    g.add("Leads from LinkedIn", "no_data", status_label="No data")

    o = rep.add_objectives("OKRs, Q4 2026")
    brand = o.add("Become the coffee brand people talk about", owner="Dana (brand)", aspirational=True,
                  score=1.9 / 3, score_rounded=0.6, band="green", band_label="Green", tone=T.GOOD,
                  interpretation="On course: 0.6 to 0.7 is success for an aspirational OKR.")
    o.add_key_result(brand, "Reach 2 million impressions", start=1000000, current=1700000,
                     target=2000000, score=0.7, tone=T.GOOD)
    o.add_key_result(brand, "Share of voice 25 %", unit=U.PERCENT, start=15, current=20, target=25,
                     score=0.5, tone=T.WARNING, note="Competitor campaign in week 46.")
    o.add_key_result(brand, "Launch the ambassador programme", unit=U.RATIO, start=0, current=0.7,
                     target=1, score=0.7, tone=T.GOOD)
    care = o.add("Answer every customer within the hour", score=0.485, score_rounded=0.5, band="red",
                 band_label="Red", tone=T.BAD,
                 interpretation="Behind: committed OKRs are expected to reach 1.0.")
    o.add_key_result(care, "Median first response under 60 minutes", unit=U.DURATION, start=7200,
                     current=3725, target=3600, score=0.97, tone=T.GOOD)
    o.add_key_result(care, "Response rate 95 %", unit=U.PERCENT, start=80, current=80, target=95,
                     score=0, tone=T.BAD)

    rep.add_heading("Content", 1)
    p = rep.add_posts("Top posts")
    p.add("instagram:@acme", "Engagements", 3120, published="2026-11-17",
          text="Our winter blend is back \u2615 Tell us your favourite pairing!",
          url="https://www.instagram.com/p/abc123/", ratio=4.2)
    p.add("linkedin:acme-coffee", "Engagements", 1450, published="2026-11-12",
          text="We're hiring baristas & roasters in Leeds.", url="javascript:alert(1)", ratio=2.9)
    rep.add_table("Channels", ["Channel", "Posts", "Followers"],
                  [["instagram:@acme", "18", "12,400"], ["linkedin:acme-coffee", "9", "3,050"]],
                  align=[sk.Align.LEFT, sk.Align.RIGHT, sk.Align.RIGHT])
    rep.add_heading("Next steps", 2)
    rep.add_list(["Publish two more reels a week on Instagram.",
                  "Reply to LinkedIn comments within the hour."])
    rep.add_paragraph("Numbers marked with * are ", (sk.SpanStyle.EMPHASIS, "partial"),
                      ": some days have no data yet.")
    return rep


def golden(fmt):
    with open(os.path.join(GOLDEN, "report." + sk.Format.of(fmt).extension), "rb") as f:
        return f.read()


@pytest.fixture(scope="module")
def report():
    rep = fixture_report()
    yield rep
    rep.close()


@pytest.mark.parametrize("fmt", [f for f in sk.Format if not f.binary])
def test_rendered_from_python_identical_to_c(report, fmt):
    assert report.render(fmt, **OPTIONS).encode("utf-8") == golden(fmt)


@pytest.mark.skipif(not sk.Format.XLSX.supported, reason="library built without SKPI_WITH_XLSX")
def test_xlsx_to_bytes_path_and_file_alike(report, tmp_path):
    data = report.render("xlsx", **OPTIONS)
    assert isinstance(data, bytes) and data[:4] == b"PK\x03\x04"  # a ZIP container
    path = tmp_path / "report.xlsx"
    assert sk.render(report, "xlsx", str(path), **OPTIONS) is None
    buf = io.BytesIO()
    sk.render(report, "xlsx", buf, **OPTIONS)
    assert path.read_bytes() == data == buf.getvalue()
    # the same document and time give the same bytes
    assert report.render("xlsx", **OPTIONS) == data
    assert report.render("xlsx", generated_at=GENERATED + 60) != data


def test_callable_sink_gets_the_same_bytes_and_is_closed(report):
    chunks, closed = [], []
    sk.render(report, "html", lambda b: chunks.append(b), **OPTIONS)
    assert b"".join(chunks) == golden("html") and len(chunks) > 1
    sink = sk.CallableSink(chunks.append, close=lambda: closed.append(True))
    chunks.clear()
    report.render("json", sink, **OPTIONS)
    assert b"".join(chunks) == golden("json") and closed == [True]
    buf = io.BytesIO()
    report.render("csv", buf, **OPTIONS)  # a binary file object
    assert buf.getvalue() == golden("csv")


class SinkFull(Exception):
    pass


def test_exception_in_a_sink_comes_back_out_and_close_still_runs(report):
    written, closed = [], []

    def write(b):
        if written:
            raise SinkFull("disk quota exceeded")
        written.append(b)

    with pytest.raises(SinkFull, match="quota"):
        report.render("html", sk.CallableSink(write, close=lambda: closed.append(1)), **OPTIONS)
    assert len(written) == 1 and closed == [1]
    with pytest.raises(ZeroDivisionError):
        report.render("text", sk.CallableSink(lambda b: None, close=lambda: 1 / 0))
    assert report.render("text")  # nothing stale left behind


def test_memory_and_file_sinks(report, tmp_path):
    mem = sk.MemorySink()
    mem.write("header\n")
    report.render("text", mem, **OPTIONS)
    report.render("text", mem, **OPTIONS)  # renders append
    assert mem.getvalue() == b"header\n" + golden("text") * 2 and mem.size == len(mem.getvalue())
    assert mem.detach() == b"header\n" + golden("text") * 2 and mem.size == 0
    small = sk.MemorySink(max_size=100)
    with pytest.raises(sk.RangeError):
        report.render("html", small)
    path = tmp_path / "report.md"
    report.render("md", str(path), **OPTIONS)
    assert path.read_bytes() == golden("markdown")
    sink = sk.FileSink(tmp_path / "two.txt")
    report.render("text", sink, keep_open=True, **OPTIONS)
    sink.write("--\n")
    sink.close()
    assert (tmp_path / "two.txt").read_bytes() == golden("text") + b"--\n"
    with pytest.raises(sk.StorageError):
        sk.FileSink(tmp_path / "no" / "such" / "dir.txt")


def test_render_options_and_errors(report):
    assert report.render("csv", csv_bom=True).encode("utf-8").startswith(b"\xef\xbb\xbf")
    narrow = report.render("text", line_width=40)
    assert max(len(line) for line in narrow.splitlines()) <= 40 < \
        max(len(line) for line in report.render("text").splitlines())
    assert "12 345" in report.render("md", thousands_separator=" ")
    assert '"generated_at": null' in report.render("json")
    with pytest.raises(ValueError, match="unknown format"):
        report.render("docx")
    with pytest.raises(sk.InvalidArgumentError):
        report.render("text", line_width=10)
    with pytest.raises(sk.RangeError):
        report.render("text", generated_at=10 ** 15)
    with pytest.raises(TypeError):
        sk.render("not a report")
    assert sk.json_schema_version() >= 1
    assert [f.extension for f in sk.Format] == ["md", "html", "json", "csv", "txt", "pdf", "xlsx"]


def test_reading_the_model_back(report):
    kinds = [b.kind for b in report.blocks]
    assert kinds[:5] == [sk.BlockKind.HEADING, sk.BlockKind.PARAGRAPH, sk.BlockKind.CALLOUT,
                         sk.BlockKind.CALLOUT, sk.BlockKind.HEADING]
    assert report.title == "Monthly social media report" and report.currency == "EUR"
    assert report.language == "en"
    assert report[0].level == 1 and report[0].title == "Summary"
    assert report[1].text == "Engagements rose 23.5 % on October, two-thirds of it from Instagram."
    assert report[1].spans[1] == (sk.SpanStyle.STRONG, "23.5 %")
    assert (report[2].callout_kind, report[2].title) == (sk.CalloutKind.WIN, "Best week on record")
    kpi = report[5]
    assert kpi.comparisons == ("Oct 2026", "Nov 2025") and len(kpi) == 7
    row = kpi.rows[3]
    assert row["label"] == "Engagement rate (reach)" and row["value"] == partial(4.25)
    assert row["unit"] == U.PERCENT and row["previous2"].availability == A.MISSING
    assert kpi.rows[0]["sparkline"][:2] == [8000.0, 9100.0] and math.isnan(kpi.rows[0]["sparkline"][2])
    chart = report[6]
    assert chart.info["title"] == "Engagements per week" and chart.info["kind"] == sk.ChartKind.LINE
    assert chart.series[1][:3] == ("Expected", sk.SeriesStyle.DASHED, ["2026-W44", "2026-W45",
                                                                     "2026-W46", "2026-W47", "2026-W48"])
    goals = report[9].goals
    assert goals[1]["status"] == "at_risk" and goals[1]["current"].value == 3725.0
    objectives = report[10].objectives
    assert objectives[0]["aspirational"] and len(objectives[0]["key_results"]) == 3
    assert objectives[1]["key_results"][1]["score"].value == 0.0
    assert report[12].posts[1]["url"] == "javascript:alert(1)"
    assert report[13].headers[1] == ("Posts", sk.Align.RIGHT) and report[13].rows[1][2] == "3,050"
    assert report[-2].items[0].startswith("Publish") and not report[-2].ordered
    with pytest.raises(IndexError):
        report[100]


def test_report_errors_leave_it_unchanged():
    rep = sk.Document()
    with pytest.raises(sk.RangeError):
        rep.add_heading("Too deep", 5)
    with pytest.raises(sk.InvalidArgumentError):
        rep.add_heading("")
    with pytest.raises(sk.InvalidArgumentError):
        rep.currency = "a very long currency"
    t = rep.add_kpi_table("T")
    with pytest.raises(sk.InvalidArgumentError):
        t.add_row("", 1)
    with pytest.raises(TypeError):
        t.add_row("Bad field", 1, colour="red")
    table = rep.add_table("X", ["a", "b"])
    with pytest.raises(ValueError):
        table.add_row(["only one"])
    chart = rep.add_chart("C")
    with pytest.raises(sk.InvalidArgumentError):
        chart.add_series("S", ["a"], [math.inf])
    assert len(rep) == 3 and len(t) == 0 and len(table) == 0 and len(chart) == 0


def test_earlier_names_are_aliases_of_document():
    """Code written for 0.1 used Report (and the module socialkpi.report) for the document."""
    import socialkpi.report as old_module
    with pytest.warns(DeprecationWarning, match="socialkpi.Document"):
        assert sk.Report is sk.Document
    with pytest.warns(DeprecationWarning):
        assert old_module.Report is sk.Document and old_module.Heading is sk.document.Heading
    with pytest.warns(DeprecationWarning):
        old = sk.Report
    with old("old name") as doc:
        assert isinstance(doc, sk.Document)
        assert repr(doc) == "<Document 'old name': 0 blocks>"


def test_period_rows_and_chart_axis_read_back():
    """doc.h's reading aids: the period a document reports on, a table row in one call, and a
    chart's category axis (distinct labels where they first appear, each point at its label)."""
    doc = sk.Document("Period")
    assert doc.period is None
    doc.set_period((1772323200, 1775001600), "2026-03")  # 2026-03-01 to 2026-04-01 UTC
    period, label = doc.period
    assert (period.start, period.end, label) == (1772323200, 1775001600, "2026-03")
    doc.set_period(None)
    assert doc.period is None
    with pytest.raises(sk.RangeError):
        doc.set_period((10, 10))
    table = doc.add_table("T", ["a", "b"])
    table.add_row(["x", None]).add_row(["y", 2])
    assert table.row(1) == ["y", "2"]
    assert table.rows == [["x", ""], ["y", "2"]]
    with pytest.raises(sk.RangeError):
        table.row(2)
    chart = doc.add_chart("C")
    chart.add_series("A", ["Jan", "Feb"], [1, 2]).add_series("B", ["Feb", "Mar"], [3, 4])
    assert chart.categories == ["Jan", "Feb", "Mar"]
    assert chart.series_categories(0) == [0, 1]
    assert chart.series_categories(1) == [1, 2]
