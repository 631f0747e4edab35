"""Date ranges and campaigns through the binding: a report over a range and its
comparisons, and a campaign report, checked against pandas on the same
invented daily data."""
import datetime as dt

import pandas as pd
import pytest

import socialkpi as sk


def day(y, m, d):
    return dt.datetime(y, m, d, tzinfo=dt.timezone.utc)


@pytest.fixture
def frame():
    days = pd.date_range("2025-01-01", "2026-03-31", freq="D", tz="UTC")
    return pd.DataFrame({
        "instagram:@acme": [d.day * 3 + (7 if d.year == 2026 else 0) for d in days],
        "linkedin:acme": [20 if d.weekday() < 5 else 4 for d in days],
        "x:acme": [11] * len(days),
    }, index=days)


@pytest.fixture
def ds(frame):
    d = sk.Dataset()
    for channel in frame.columns:
        d.append("engagements", channel, frame.index.asi8 // 10**9, frame[channel].to_numpy(float))
    d.add_post("instagram:@acme", "ig-1", day(2026, 3, 2), "photo", "New #Spring26 colours", None)
    d.add_post("instagram:@acme", "ig-2", day(2026, 3, 4), "photo", "Walk",
               "https://acme.example/?utm_campaign=spring-push")
    d.add_post("linkedin:acme", "li-1", day(2026, 3, 6), "text", "Update", None)
    d.add_post("x:acme", "x-1", day(2026, 3, 3), "text", "#spring26", None)
    return d


def total(frame, first, last, columns=None):
    part = frame.loc[pd.Timestamp(first, tz="UTC"):pd.Timestamp(last, tz="UTC")]
    return float(part[columns or list(frame.columns)].to_numpy().sum())


def kpi_row(doc):
    for block in doc.blocks:
        if block.kind == sk.BlockKind.KPI_TABLE:
            return block.rows[0]
    raise AssertionError("no KPI table")


def test_range_and_comparisons(frame, ds):
    r = sk.ReportDefinition("Range", kpis=["engagements"], as_of=day(2026, 4, 1),
                            comparisons=sk.Comparison.PREVIOUS | sk.Comparison.YEAR_EARLIER)
    r.set_range(day(2026, 3, 1), day(2026, 3, 16))
    assert r.range == (int(day(2026, 3, 1).timestamp()), int(day(2026, 3, 16).timestamp()), "")
    row = kpi_row(r.assemble(ds))
    assert row["value"].value == total(frame, "2026-03-01", "2026-03-15")
    assert row["previous"].value == total(frame, "2026-02-14", "2026-02-28")
    assert row["previous2"].value == total(frame, "2025-03-01", "2025-03-15")
    r.set_comparison_range(day(2026, 1, 1), day(2026, 2, 1), "January")
    assert r.comparisons == sk.Comparison.PREVIOUS | sk.Comparison.RANGE
    row = kpi_row(r.assemble(ds))
    assert row["previous2"].value == total(frame, "2026-01-01", "2026-01-31")
    with pytest.raises(sk.InvalidArgumentError, match="before it starts"):
        r.set_range(day(2026, 3, 16), day(2026, 3, 1))
    r.set_range(day(2026, 3, 10), None, "since launch")
    r.as_of = day(2026, 3, 20)
    assert r.range[1] is None
    assert kpi_row(r.assemble(ds))["value"].value == total(frame, "2026-03-10", "2026-03-19")


def test_campaign_report(frame, ds):
    c = sk.Campaign("Spring push", day(2026, 3, 1), day(2026, 3, 15),
                    channels=["instagram:@acme", "linkedin:acme"], tags=["spring26"],
                    utm_campaigns=["Spring-Push"])
    assert [ds.posts[i].id for i in c.posts(ds)] == ["ig-1", "ig-2"]
    r = sk.ReportDefinition("Campaign", kpis=["engagements"], as_of=day(2026, 4, 1))
    r.set_campaign(c)
    doc = r.assemble(ds)
    row = kpi_row(doc)
    both = ["instagram:@acme", "linkedin:acme"]
    assert row["value"].value == total(frame, "2026-03-01", "2026-03-14", both)
    assert row["previous"].value == total(frame, "2026-02-15", "2026-02-28", both)
    assert "Spring push ran from 1 March 2026 to 14 March 2026" in sk.render(doc, "text")


def test_campaigns_in_definitions():
    defs = sk.Definitions.loads("""{"version": 1, "campaigns": [
        {"name": "Spring push", "from": "2026-03-01", "to": "2026-03-14", "tags": ["spring26"],
         "baseline": {"from": "2026-01-01", "to": "2026-01-31"}}]}""")
    assert defs.campaigns == ["Spring push"]
    c = defs.build_campaign("Spring push")
    assert c.period == (int(day(2026, 3, 1).timestamp()), int(day(2026, 3, 15).timestamp()))
    assert c.baseline == (int(day(2026, 1, 1).timestamp()), int(day(2026, 2, 1).timestamp()))
    assert c.selectors == [(sk.PostSelector.TAG, "spring26")]
    with pytest.raises(sk.NotFoundError, match='no campaign is named "Autumn"'):
        defs.build_campaign("Autumn")
