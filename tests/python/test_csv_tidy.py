"""The CSV output is one flat, tidy table a spreadsheet can pivot.

Read back with Python's csv module and with pandas: one header, eleven
columns on every line, one row per figure (no two rows share section, item,
metric, channel and period), numbers where numbers belong, every percentage
a fraction. The figures of the golden document (tests/unit/report_fixture.h)
are worked out by hand below; with SKPI_TOOL, the demo's CSV is read too.
"""
import csv
import io
import math
import os
import pathlib
import subprocess

import pandas as pd
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "report" / "report.csv"
HEADER = ["section", "item", "metric", "channel", "channel_key", "period", "value", "unit", "comparison",
          "change", "change_relative", "text"]
KPIS = "Key metrics, November 2026"


def frame(text):
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""],
                       dtype={"section": str, "item": str, "metric": str, "channel": str, "channel_key": str,
                              "period": str,
                              "unit": str, "comparison": str, "text": str})


@pytest.fixture(scope="module")
def golden_text():
    return GOLDEN.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def golden(golden_text):
    return frame(golden_text)


def one(df, **where):
    rows = df
    for k, v in where.items():
        rows = rows[rows[k].fillna("") == v]
    assert len(rows) == 1, "%d rows for %s" % (len(rows), where)
    return rows.iloc[0]


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)


def test_csv_module_reads_one_table(golden_text):
    rows = list(csv.reader(io.StringIO(golden_text, newline="")))
    assert rows[0] == HEADER
    assert all(len(r) == len(HEADER) for r in rows), [r for r in rows if len(r) != len(HEADER)]
    assert golden_text.endswith("\r\n") and "\n\r\n" not in golden_text  # no blank separator lines


def test_numbers_are_numbers(golden):
    for col in ("value", "change", "change_relative"):
        assert pd.api.types.is_float_dtype(golden[col]), col


def test_one_row_per_figure(golden):
    keys = golden[["section", "item", "metric", "channel", "period"]].fillna("")
    assert not keys.duplicated().any(), keys[keys.duplicated(keep=False)]


def test_kpi_figures(golden):
    k = golden[golden.section == KPIS]
    # Engagements 12,345; 10,000 in Oct 2026 (+2,345, +23.45 %); 8,000 in
    # Nov 2025 (+4,345, +54.3125 %). The document has no period label.
    assert one(k, metric="Engagements", channel="", period="").value == 12345
    oct_ = one(k, metric="Engagements", channel="", period="Oct 2026")
    assert (oct_.value, oct_.change, oct_.comparison) == (10000, 2345, "vs Oct 2026")
    assert close(oct_.change_relative, 0.2345)
    nov = one(k, metric="Engagements", channel="", period="Nov 2025")
    assert (nov.value, nov.change) == (8000, 4345) and close(nov.change_relative, 0.543125)
    # the Instagram line under Engagements: 8,000 against 6,400 (+1,600, +25 %)
    ig = one(k, metric="Engagements", channel="instagram:@acme", period="Oct 2026")
    assert (ig.value, ig.change, ig.change_relative) == (6400, 1600, 0.25)
    assert one(k, metric="Engagements", channel="instagram:@acme", period="").value == 8000
    # no figure for Nov 2025 on that line: no row
    assert len(k[(k.channel == "instagram:@acme") & (k.period == "Nov 2025")]) == 0
    # a percent metric as fractions: 4.25 % against 3.90 %, +0.35 pp = 0.0035,
    # +8.97 % relative = 0.35 / 3.9
    er = one(k, metric="Engagement rate (reach)", period="")
    assert close(er.value, 0.0425) and er.unit == "percent"
    er_oct = one(k, metric="Engagement rate (reach)", period="Oct 2026")
    assert close(er_oct.value, 0.039) and close(er_oct.change, 0.0035)
    assert close(er_oct.change_relative, 0.35 / 3.9)
    cpc = one(k, metric="Cost per click", channel="paid:meta", period="Oct 2026")
    assert (cpc.value, cpc.unit) == (0.5, "currency") and close(cpc.change, -0.08) and close(cpc.change_relative, -0.16)
    rt = one(k, metric="Median response time", period="Oct 2026")
    assert (rt.value, rt.change, rt.unit) == (5400, -1675, "duration") and close(rt.change_relative, -1675 / 5400)
    nps = k[k.metric == "Net Promoter Score"]
    assert list(nps.value) == [42] and list(nps.unit) == ["score"]


def test_chart_points(golden):
    c = golden[golden.section == "Engagements per week"]
    got = {(r.metric, r.period): r.value for r in c.itertuples()}
    assert got[("Engagements", "2026-W47")] == 9870
    assert math.isnan(got[("Engagements", "2026-W46")])  # a gap stays a gap
    assert got[("Expected", "2026-W46")] == 2400
    assert len(c) == 10
    bars = golden[golden.section == "Engagements by channel"]
    # a chart of channels puts each bar in the channel columns, not in period (#17)
    assert one(bars, metric="Oct 2026", channel="LinkedIn").value == 3600
    assert bars.period.isna().all()


def test_goal_figures(golden):
    g = golden[golden.section == "SMART goals"]
    name = "Grow Instagram followers to 15,000"
    assert one(g, item=name, metric="status").text == "on_track"
    assert one(g, item=name, metric="current").value == 12400
    assert one(g, item=name, metric="progress").value == 0.62  # already a fraction
    assert one(g, item=name, metric="target", period="2026-12-31").value == 15000
    assert one(g, item=name, metric="projected").value == 15600
    likely = one(g, item=name, metric="likelihood")
    assert (likely.value, likely.unit) == (0.8, "percent")


def test_okr_figures(golden):
    o = golden[golden.section == "OKRs, Q4 2026"]
    title = "Become the coffee brand people talk about"
    # three key results 0.7, 0.5, 0.7: mean 1.9 / 3, graded 0.6
    assert close(one(o, item=title, metric="score").value, 1.9 / 3)
    assert one(o, item=title, metric="graded score").value == 0.6
    kr = title + " / Share of voice 25 %"
    # a percent key result as fractions: 15 % to 25 %, now 20 %
    assert [one(o, item=kr, metric=m).value for m in ("start", "current", "target")] == [0.15, 0.2, 0.25]
    assert one(o, item=kr, metric="score").value == 0.5


def test_percentages_are_fractions(golden):
    pct = golden[golden.unit == "percent"].value.dropna()
    assert len(pct) > 0 and (pct.abs() <= 1).all(), pct
    assert (golden.change_relative.dropna().abs() < 10).all()


def test_pivots(golden):
    k = golden[(golden.section == KPIS) & golden.channel.isna()]
    table = k.pivot(index="metric", columns="period", values="value")
    assert table.loc["Engagements", "Oct 2026"] == 10000
    assert math.isnan(table.loc["Median response time", "Nov 2025"])  # no figure that year
    changes = k.dropna(subset=["comparison"]).pivot(index="metric", columns="comparison", values="change")
    assert changes.loc["Engagements", "vs Nov 2025"] == 4345


@pytest.mark.skipif(not os.environ.get("SKPI_TOOL"), reason="SKPI_TOOL (the skpi tool) not set")
def test_demo_csv(tmp_path):
    subprocess.run([os.environ["SKPI_TOOL"], "demo", "--dir", str(tmp_path), "--format", "csv",
                    "--generated-at", "none", "--quiet"], check=True, stdout=subprocess.DEVNULL)
    text = (tmp_path / "report.csv").read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == HEADER and all(len(r) == len(HEADER) for r in rows)
    df = frame(text)
    keys = df[["section", "item", "metric", "channel", "period"]].fillna("")
    assert not keys.duplicated().any(), keys[keys.duplicated(keep=False)]
    pct = df[df.unit == "percent"].value.dropna()
    assert len(pct) > 0 and (pct.abs() <= 1).all()
    # the reported month and its comparisons, named as the document names them
    assert df.period.notna().any() and df.comparison.dropna().str.contains(" vs ").all()
    # one form of period everywhere, ISO (#17): month, day, quarter, week or year
    iso = r"^\d{4}(-\d{2}(-\d{2})?|-Q[1-4]|-W\d{2})?$"
    assert df.period.dropna().str.match(iso).all(), df.period[~df.period.fillna("2026").str.match(iso)]
    # the March 2026 demo compares with February 2026 and March 2025
    reach = df[(df.metric == "Reach") & df.item.isna() & (df.section.str.startswith("Key metrics"))]
    assert sorted(reach.period) == ["2025-03", "2026-02", "2026-03"]
    # channels by display name and by key: the key is the demo's channel
    assert set(reach.channel_key) == {"instagram:@acmeoutdoor"}
    assert (reach.channel != reach.channel_key).all()
