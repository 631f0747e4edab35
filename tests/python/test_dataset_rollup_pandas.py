"""Rollups of a derived metric by the library, recomputed with pandas.

tests/tools/dataset_rollup_csv writes generated daily data (five channels,
gaps, NaN days, one channel without reach, one that stops mid-year) and the
library's monthly and weekly rollups. pandas recomputes each period from the
data with the rules of docs/dataset.md: ratio of sums over the channels that
have every component, partial when a used channel lacks a day or a channel
lacks a component, missing when a component has no data.
"""
import os
import subprocess

import numpy as np
import pandas as pd
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEN = os.environ.get("SKPI_DATASET_ROLLUP_CSV",
                     os.path.join(ROOT, "build", "tests", "dataset_rollup_csv"))
FORMULAS = {
    # metric: (components, function of the component sums)
    "engagement_rate_reach": (("engagements", "reach"), lambda s: s["engagements"] / s["reach"] * 100),
    "engagements": (("engagements",), lambda s: s["engagements"]),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("rollup")
    subprocess.run([GEN, str(out)], check=True)
    data = pd.read_csv(out / "data.csv", parse_dates=["date"], dtype={"value": "float64"})
    rollup = pd.read_csv(out / "rollup.csv", parse_dates=["period_start"],
                         dtype={"value": "float64"}, keep_default_na=False,
                         na_values={"value": [""]})
    return data, rollup


def periods(cadence, starts):
    offset = pd.DateOffset(months=1) if cadence == "month" else pd.Timedelta(days=7)
    return [(s, s + offset) for s in starts]


def selected(channels, selector):
    if selector == "*":
        return list(channels)
    assert selector.endswith(":*")
    net = selector[:-1]
    return [c for c in channels if c.startswith(net)]


def expected(data, metric, selector, start, end):
    components, formula = FORMULAS[metric]
    chans = selected(sorted(data["channel"].unique()), selector)
    days = pd.date_range(start, end - pd.Timedelta(days=1), freq="D")
    partial = False
    used = []
    for ch in chans:
        takes = []
        for m in components:
            s = data[(data.channel == ch) & (data.metric == m)]
            takes.append(len(s) > 0 and s.date.min() < end and s.date.max() >= start)
        if not any(takes):
            continue
        if not all(takes):
            partial = True
            continue
        used.append(ch)
    sums = {}
    for m in components:
        rows = data[(data.metric == m) & data.channel.isin(used)
                    & (data.date >= start) & (data.date < end)]
        present = rows.dropna(subset=["value"])
        if present.empty:
            return np.nan, "missing"
        sums[m] = present["value"].sum()
        for ch in used:
            have = set(present[present.channel == ch].date)
            if not set(days) <= have:
                partial = True
    if any(sums[m] == 0 for m in components[1:]):
        return np.nan, "denominator_zero"
    return formula(sums), "partial" if partial else "available"


@pytest.mark.parametrize("metric,cadence,selector,count", [
    ("engagement_rate_reach", "month", "*", 15),
    ("engagement_rate_reach", "week", "instagram:*", 13),
    ("engagements", "month", "*", 15),
])
def test_rollup_matches_pandas(tables, metric, cadence, selector, count):
    data, rollup = tables
    got = rollup[(rollup.metric == metric) & (rollup.cadence == cadence)
                 & (rollup.selector == selector)].reset_index(drop=True)
    assert len(got) == count
    starts = list(got.period_start)
    # Periods follow each other without gaps.
    for (s, e), nxt in zip(periods(cadence, starts), starts[1:]):
        assert e == nxt
    for (start, end), (_, row) in zip(periods(cadence, starts), got.iterrows()):
        value, availability = expected(data, metric, selector, start, end)
        assert row.availability == availability, (start, row.availability, availability)
        if np.isnan(value):
            assert np.isnan(row.value)
        else:
            assert row.value == pytest.approx(value, rel=1e-12), start


def test_generated_data_covers_every_case(tables):
    _, rollup = tables
    assert set(rollup.availability) == {"available", "partial", "missing"}


def test_ratio_of_sums_is_not_a_mean_of_daily_rates(tables):
    data, rollup = tables
    # March 2026 on instagram:@acme alone (complete, no gaps): recompute
    # both ways with pandas and check the library's monthly value is the
    # ratio of sums by showing the two differ on this data.
    d = data[(data.channel == "instagram:@acme") & (data.date >= "2026-03-01")
             & (data.date < "2026-04-01")].pivot(index="date", columns="metric", values="value")
    ratio = d.engagements.sum() / d.reach.sum() * 100
    mean_of_rates = (d.engagements / d.reach * 100).mean()
    assert abs(ratio - mean_of_rates) > 1e-6
