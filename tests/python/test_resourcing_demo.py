"""The demo's Resourcing section, every figure recomputed with pandas.

`skpi demo` reports March 2026 against February 2026 for Acme Outdoor's
invented team (tools/skpi/demo/timesheet.csv, the "team" of
definitions.json). Here the hours come from the timesheet read by pandas,
the results from the sample exports read by pandas (not from the store),
the slopes from numpy's least squares, and each is compared with the cell
the report shows at the precision it shows. The recommendation is checked
against the numbers of the impact table. docs/resourcing.md defines the
figures.
"""
import json
import math
import os
import pathlib
import re
import subprocess

import numpy as np
import pandas as pd
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEMO = ROOT / "tools" / "skpi" / "demo"
TOOL = os.environ.get("SKPI_TOOL")
P = (pd.Timestamp("2026-03-01"), pd.Timestamp("2026-04-01"))
PP = (pd.Timestamp("2026-02-01"), pd.Timestamp("2026-03-01"))
DAYS = 31
WEEK = pd.Timedelta(days=7)
# the 13 Monday weeks ending by 2026-04-01: 2025-12-29 to 2026-03-29
WEEKS = [pd.Timestamp("2025-12-29") + k * WEEK for k in range(13)]

pytestmark = pytest.mark.skipif(not TOOL, reason="SKPI_TOOL names the skpi program")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    subprocess.run([TOOL, "demo", "--dir", str(out), "--format", "json", "--generated-at", "none", "-q"],
                   check=True, capture_output=True)
    blocks = json.loads((out / "report.json").read_text(encoding="utf-8"))["blocks"]
    start = next(i for i, b in enumerate(blocks) if b["type"] == "heading" and b["text"] == "Resourcing")
    end = next(i for i in range(start + 1, len(blocks)) if blocks[i]["type"] == "heading")
    return blocks[start + 1:end], blocks


def table(section, prefix):
    t = next(b for b in section if b["type"] == "table" and b["title"].startswith(prefix))
    return [c["header"] for c in t["columns"]], t["rows"]


def number(cell):
    return float(cell.replace(",", "").replace(" EUR", ""))


def close(cell, expected, decimals):
    """The cell shows expected rounded to `decimals`."""
    assert abs(number(cell) - expected) <= 0.5 * 10 ** -decimals + 1e-9, (cell, expected)


@pytest.fixture(scope="module")
def team():
    return json.loads((DEMO / "definitions.json").read_text(encoding="utf-8"))["team"]


@pytest.fixture(scope="module")
def hours():
    ts = pd.read_csv(DEMO / "timesheet.csv", parse_dates=["date"])
    assert set(ts.role) == {"Content creator", "Community manager", "Analyst"}
    assert ts.activity.nunique() == 5
    return ts


def within(frame, period, col="date"):
    return frame[(frame[col] >= period[0]) & (frame[col] < period[1])]


@pytest.fixture(scope="module")
def series():
    """Daily series by (metric, channel) from the sample exports."""
    long = pd.read_csv(DEMO / "web-and-listening.csv", parse_dates=["date"])
    ig = pd.read_csv(DEMO / "instagram-followers.csv", encoding="utf-16", skiprows=2, thousands=",")
    ig["date"] = pd.to_datetime(ig["Date"].str[:10])
    out = {("followers", "instagram:@acmeoutdoor"): ig.set_index("date")["Primary"].astype(float)}
    for (metric, channel), g in long.groupby(["metric", "channel"]):
        out[(metric, channel)] = g.set_index("date")["value"].astype(float)
    return out


def result(series, metric, selector, period):
    """A flow's sum; a stock's last value in the period minus its last value
    in the week before the period (docs/resourcing.md)."""
    prefix = selector.rstrip("*")
    parts = [s for (m, ch), s in series.items() if m == metric and ch.startswith(prefix)]
    assert parts, (metric, selector)
    if metric == "followers":
        total = 0.0
        for s in parts:
            now = within(s.reset_index(), period)
            before = within(s.reset_index(), (period[0] - WEEK, period[0]))
            total += now.iloc[-1, 1] - before.iloc[-1, 1]
        return total
    return sum(within(s.reset_index(), period).iloc[:, 1].sum() for s in parts)


def test_hours_by_activity_and_role(report, hours):
    section, _ = report
    head, rows = table(section, "Hours by activity and role, March 2026")
    roles = head[1:-2]
    assert roles == sorted(hours.role.unique())
    now, before = within(hours, P), within(hours, PP)
    by = now.groupby(["activity", "role"]).hours.sum()
    for row in rows:
        activity = row[0]
        for k, role in enumerate(roles):
            close(row[1 + k], by.get((activity, role), 0.0), 1)
        close(row[-2], now[now.activity == activity].hours.sum(), 1)
        close(row[-1], before[before.activity == activity].hours.sum(), 1)
    assert len(rows) == 5


def test_capacity(report, hours, team):
    section, _ = report
    _, rows = table(section, "Planned against available hours, March 2026")
    planned = within(hours, P).groupby("role").hours.sum()
    weekly = {c["role"]: c["hours_per_week"] for c in team["capacity"]}
    over = []
    for role, p_cell, a_cell, flag in rows:
        available = weekly[role] * DAYS / 7
        close(p_cell, planned[role], 1)
        close(a_cell, available, 1)
        assert (flag == "yes") == (planned[role] > available)
        if flag == "yes":
            over.append(role)
    assert over == ["Community manager"]  # the demo shows one over-allocated role
    alerts = [b["text"] for b in section if b["type"] == "callout" and b["kind"] == "alert"]
    assert alerts == [f"Community manager is over-allocated in March 2026: {planned['Community manager']:.1f} "
                      f"hours planned, {weekly['Community manager'] * DAYS / 7:.1f} available."]


def figures(team):
    """(metric, channels) -> activities, in the order the team names them."""
    out = {}
    for a in team["activities"]:
        for m in a["metrics"]:
            out.setdefault((m, a.get("channels", "*")), []).append(a["name"])
    return out


@pytest.fixture(scope="module")
def impact(report, hours, series, team):
    section, _ = report
    head, rows = table(section, "What an hour bought, March 2026 against February 2026")
    assert head == ["Metric", "Channels", "Activities", "Result", "Hours", "Per hour", "Previous per hour",
                    "Cost per result"]
    figs = figures(team)
    assert len(rows) == len(figs)
    computed = []
    for row, ((metric, channels), acts) in zip(rows, figs.items()):
        names = " + ".join(acts) + (" (shared)" if len(acts) > 1 else "")
        assert row[2] == names and row[0] == f"{row[0].split(' (')[0]} ({row[1]})"
        now, before = within(hours, P), within(hours, PP)
        h = now[now.activity.isin(acts)].hours.sum()
        hp = before[before.activity.isin(acts)].hours.sum()
        r = result(series, metric, channels, P)
        rp = result(series, metric, channels, PP)
        close(row[3], r, 0)
        close(row[4], h, 1)
        close(row[5], r / h, 2)
        close(row[6], rp / hp, 2)
        cost = now[now.activity.isin(acts)].cost.sum(min_count=1)
        if pd.isna(cost):
            assert row[7] == ""
        else:
            close(row[7], cost / r, 2)
        computed.append(dict(metric=metric, channels=channels, acts=acts, label=" + ".join(acts), hours=h,
                             per_hour=r / h, metric_label=row[0].split(" (")[0]))
    return computed


def test_impact_per_hour(impact):
    shared = [f for f in impact if len(f["acts"]) > 1]
    assert [f["label"] for f in shared] == ["Video production + Community management"]


def test_shared_metric_said_once(report, impact):
    section, _ = report
    notes = [b["text"] for b in section if b["type"] == "callout" and b["kind"] == "info"]
    assert notes == ["Followers on Instagram @acmeoutdoor is shared by Video production + Community "
                     "management: shown once with their hours together, never split between them."]


def t_quantile(p, df):
    """Student's t quantile by bisection on the CDF, the CDF integrated
    from the density with the trapezoid rule (independent of the library)."""
    c = math.gamma((df + 1) / 2) / (math.sqrt(df * math.pi) * math.gamma(df / 2))

    def cdf(t):
        x = np.linspace(0.0, t, 200001)
        y = c * (1 + x * x / df) ** (-(df + 1) / 2)
        return 0.5 + np.trapz(y, x)

    lo, hi = 0.0, 50.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf(mid) < p else (lo, mid)
    return (lo + hi) / 2


def test_slope_against_numpy(report, hours, series, team):
    section, _ = report
    head, rows = table(section, "Estimates: extra weekly result per extra weekly hour, last 13 weeks")
    figs = list(figures(team).items())
    assert len(rows) == len(figs)
    tq = t_quantile(0.975, 13 - 2)
    for row, ((metric, channels), acts) in zip(rows, figs):
        x = np.array([hours[(hours.date >= w) & (hours.date < w + WEEK) & hours.activity.isin(acts)].hours.sum()
                      for w in WEEKS])
        y = np.array([result(series, metric, channels, (w, w + WEEK)) for w in WEEKS])
        a = np.vstack([np.ones_like(x), x]).T
        coef, ssr, _, _ = np.linalg.lstsq(a, y, rcond=None)
        se = math.sqrt(ssr[0] / (len(x) - 2) / ((x - x.mean()) ** 2).sum())
        assert row[2] == "13"
        close(row[3], coef[1], 2)
        lo, hi = row[4].split(" \u2013 ")
        close(lo, coef[1] - tq * se, 2)
        close(hi, coef[1] + tq * se, 2)
        assert row[5] == "estimate"


def test_recommendation_follows_from_the_numbers(report, impact):
    section, blocks = report
    recs = [b for b in section if b["type"] == "list"]
    assert len(recs) == 1 and len(recs[0]["items"]) == 1
    text = recs[0]["items"][0]
    m = re.fullmatch(r"(.+) brought ([0-9.]+)x the (.+) per hour of (.+); OKR \u201c(.+)\u201d \((.+)\): "
                     r"move ([0-9]+) hours a week from (.+) to (.+)\.", text)
    assert m, text
    best, ratio, metric, worst, okr, status, move, src, dst = m.groups()
    ranked = sorted((f for f in impact if f["metric_label"] == metric), key=lambda f: -f["per_hour"])
    assert best == ranked[0]["label"] and worst == ranked[-1]["label"]
    assert src == worst and dst == best
    assert abs(float(ratio) - ranked[0]["per_hour"] / ranked[-1]["per_hour"]) <= 0.05 + 1e-9
    assert int(move) == max(1, round(ranked[-1]["hours"] * 7 / DAYS / 4))
    assert okr == "Grow an audience that follows us" and status == "Off track"
    # the same recommendation is a next step
    nxt = next(i for i, b in enumerate(blocks) if b["type"] == "heading" and b["text"] == "Next steps")
    assert text in blocks[nxt + 1]["items"]
