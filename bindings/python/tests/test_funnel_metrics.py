"""The funnel, return and service-level metrics of the built-in catalog,
recomputed with pandas.

The test writes its own daily data (three channels over two months, a
channel without team cost, a month without ad spend on one channel), imports
it through the generic long layout, and compares every derived figure with
a ratio of sums pandas computes over the channels that carry every component
(docs/metrics.md, docs/dataset.md)."""
import math

import numpy as np
import pandas as pd
import pytest

import socialkpi as sk

CHANNELS = ("facebook:@acme", "linkedin:acme-corp", "x:@acme")
FLOWS = ("sessions", "leads", "qualified_leads", "opportunities", "customers", "revenue",
         "spend", "team_cost", "messages_received", "messages_in_target")
FORMULAS = {
    "lead_conversion_rate": (("leads", "sessions"), lambda s: s.leads / s.sessions * 100),
    "lead_qualification_rate": (("qualified_leads", "leads"), lambda s: s.qualified_leads / s.leads * 100),
    "opportunity_rate": (("opportunities", "qualified_leads"),
                         lambda s: s.opportunities / s.qualified_leads * 100),
    "win_rate": (("customers", "opportunities"), lambda s: s.customers / s.opportunities * 100),
    "customer_conversion_rate": (("customers", "sessions"), lambda s: s.customers / s.sessions * 100),
    "cost_per_lead": (("spend", "leads"), lambda s: s.spend / s.leads),
    "cost_per_acquisition": (("spend", "customers"), lambda s: s.spend / s.customers),
    "average_deal_size": (("revenue", "customers"), lambda s: s.revenue / s.customers),
    "roas": (("revenue", "spend"), lambda s: s.revenue / s.spend),
    "total_cost": (("spend", "team_cost"), lambda s: s.spend + s.team_cost),
    "roi": (("revenue", "spend"), lambda s: (s.revenue - s.spend) / s.spend * 100),
    "roi_total_cost": (("revenue", "spend", "team_cost"),
                       lambda s: (s.revenue - (s.spend + s.team_cost)) / (s.spend + s.team_cost) * 100),
    "service_level": (("messages_in_target", "messages_received"),
                      lambda s: s.messages_in_target / s.messages_received * 100),
}
MONTHS = (("2026-03-01", "2026-04-01"), ("2026-04-01", "2026-05-01"))
SELECTORS = ("*", "facebook:*", "linkedin:*", "x:*")


def generated():
    """Daily funnel figures of our own: each step a share of the one before."""
    rng = np.random.default_rng(21)
    rows = []
    for ch in CHANNELS:
        for day in pd.date_range("2026-03-01", "2026-04-30", freq="D"):
            sessions = int(rng.integers(100, 400))
            leads = int(rng.binomial(sessions, 0.06))
            qualified = int(rng.binomial(leads, 0.4))
            opportunities = int(rng.binomial(qualified, 0.5))
            customers = int(rng.binomial(opportunities, 0.3))
            received = int(rng.integers(0, 30))
            figures = {
                "sessions": sessions, "leads": leads, "qualified_leads": qualified,
                "opportunities": opportunities, "customers": customers,
                "revenue": round(customers * float(rng.uniform(800, 1500)), 2),
                "spend": round(float(rng.uniform(20, 90)), 2),
                "team_cost": 150.0,
                "messages_received": received,
                "messages_in_target": int(rng.binomial(received, 0.7)),
            }
            # LinkedIn has no team cost; X spent nothing on ads in April.
            if ch.startswith("linkedin:"):
                del figures["team_cost"]
            if ch.startswith("x:") and day.month == 4:
                figures["spend"] = 0.0
                figures["revenue"] = 0.0
            for metric, value in figures.items():
                rows.append((day.strftime("%Y-%m-%d"), ch, metric, value))
    return pd.DataFrame(rows, columns=["date", "channel", "metric", "value"])


@pytest.fixture(scope="module")
def loaded():
    data = generated()
    ds = sk.Dataset()
    sk.import_buffer(ds, data.to_csv(index=False))
    data["date"] = pd.to_datetime(data["date"])
    return ds, data


def expected(data, metric, selector, start, end):
    """(value, kind) by the rules of docs/dataset.md: channels lacking a
    component are left out; a zero denominator is not available."""
    components, formula = FORMULAS[metric]
    chans = [c for c in CHANNELS if selector == "*" or c.startswith(selector[:-1])]
    inside = data[(data.date >= start) & (data.date < end)]
    used = [c for c in chans
            if all(((inside.channel == c) & (inside.metric == m)).any() for m in components)]
    if not used:
        return math.nan, "missing"
    sums = inside[inside.channel.isin(used)].groupby("metric")["value"].sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        v = formula(sums)
    if not np.isfinite(v):
        return math.nan, "denominator_zero"
    return float(v), "partial" if len(used) < len([c for c in chans if any(
        ((inside.channel == c) & (inside.metric == m)).any() for m in components)]) else "available"


@pytest.mark.parametrize("metric", sorted(FORMULAS))
def test_funnel_metric_matches_pandas(loaded, metric):
    ds, data = loaded
    for start, end in MONTHS:
        period = (sk.parse_time(start), sk.parse_time(end))
        for sel in SELECTORS:
            want, kind = expected(data, metric, sel, pd.Timestamp(start), pd.Timestamp(end))
            got = ds.value(metric, period, sel)
            where = f"{metric} {sel} {start}"
            assert got.availability.name.lower() == kind, where
            if kind in ("available", "partial"):
                assert got.value == pytest.approx(want, rel=1e-12), where


def test_no_cost_is_not_available(loaded):
    """X spent nothing in April: ROI and ROAS there are not available (never infinity)."""
    ds, _ = loaded
    april = (sk.parse_time("2026-04-01"), sk.parse_time("2026-05-01"))
    for metric in ("roi", "roas", "cost_per_lead", "cost_per_acquisition"):
        v = ds.value(metric, april, "x:*")
        if metric in ("roi", "roas"):
            assert v.availability == sk.Availability.DENOMINATOR_ZERO
            assert math.isnan(v.value)
        else:
            assert v.availability == sk.Availability.AVAILABLE and v.value == 0.0
