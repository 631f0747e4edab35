"""The numbers of the skpi tool's reports, recomputed from the raw exports
with Python's csv module: the real X exports of $SKPI_TEST_DATA and the
bundled sample of `skpi demo`. Sums are taken per calendar month of each
post's publication time (UTC), as the exports give it."""
import codecs
import collections
import csv
import datetime as dt
import glob
import json
import os
import re
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.environ.get("SKPI_TOOL", os.path.join(ROOT, "build", "tools", "skpi", "skpi"))
WORK = os.environ.get("SKPI_CLI_WORK", "/tmp/skpi-cli-numbers")
X_DIR = os.path.join(os.environ.get("SKPI_TEST_DATA", os.path.join(ROOT, "missing")), "exports",
                     "x-tweets-rOpenSci")
DEMO = os.path.join(ROOT, "tools", "skpi", "demo")


def skpi(*args):
    env = dict(os.environ)
    env.pop("SKPI_DB", None)
    env.pop("SKPI_CONFIG", None)
    done = subprocess.run([TOOL, *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def kpi_rows(report):
    for block in report["blocks"]:
        if block["type"] == "kpi_table":
            return {(r["label"], r["channel"]): r for r in block["rows"]}
    raise AssertionError("no KPI table in the report")


def month(d):
    return (d.year, d.month)


# ---- the real X exports ---------------------------------------------------

X_COLUMNS = {"Impressions": "impressions", "Engagements": "engagements",
             "Likes and reactions": "likes", "Shares and reposts": "retweets",
             "Comments and replies": "replies", "Link clicks": "url clicks"}


@pytest.fixture(scope="module")
def x_months():
    files = sorted(glob.glob(os.path.join(X_DIR, "tweet_activity_metrics_*.csv")))
    if not files:
        pytest.skip("no X exports in $SKPI_TEST_DATA")
    sums = collections.defaultdict(collections.Counter)
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                when = dt.datetime.strptime(row["time"], "%Y-%m-%d %H:%M %z")
                for column in X_COLUMNS.values():
                    sums[month(when)][column] += float(row[column])
    return sums, files


@pytest.fixture(scope="module")
def x_report(x_months):
    os.makedirs(WORK, exist_ok=True)
    db = os.path.join(WORK, "x.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    skpi("import", "-q", "--db", db, *x_months[1])
    out = skpi("report", "--config", os.path.join(ROOT, "tests", "cli", "ropensci.json"), "--db", db,
               "--as-of", "2021-12-01", "--format", "json", "--generated-at", "none")
    return json.loads(out), db


def test_x_kpis(x_months, x_report):
    sums = x_months[0]
    rows = kpi_rows(x_report[0])
    # November 2021, against October 2021 and November 2020.
    for label, column in X_COLUMNS.items():
        row = rows[(label, None)]
        assert row["value"]["number"] == pytest.approx(sums[(2021, 11)][column]), label
        assert row["previous"]["number"] == pytest.approx(sums[(2021, 10)][column]), label
        assert row["previous2"]["number"] == pytest.approx(sums[(2020, 11)][column]), label
    rate = rows[("Engagement rate (by impressions)", None)]["value"]["number"]
    assert rate == pytest.approx(sums[(2021, 11)]["engagements"] / sums[(2021, 11)]["impressions"] * 100)


def test_x_trend(x_months, x_report):
    sums = x_months[0]
    chart = next(b for b in x_report[0]["blocks"] if b["type"] == "chart" and b["title"] == "Impressions per month")
    for point in chart["series"][0]["points"]:
        year, mon = map(int, point["label"].split("-"))
        expected = sums[(year, mon)]["impressions"] if (year, mon) in sums else None
        assert point["value"] == (pytest.approx(expected) if expected is not None else None), point


def test_x_okr(x_months, x_report):
    sums = x_months[0]
    q4 = [(2021, 10), (2021, 11), (2021, 12)]
    impressions = sum(sums[m]["impressions"] for m in q4)
    engagements = sum(sums[m]["engagements"] for m in q4)
    # Google's grading: each key result from start to target, clamped to
    # 0..1; the milestone checked in at 0.5; the objective their mean.
    scores = [min(1.0, impressions / 300000), min(1.0, engagements / 4000), 0.5]
    out = skpi("okr", "score", "--config", os.path.join(ROOT, "tests", "cli", "ropensci.json"),
               "--db", x_report[1], "--as-of", "2022-01-01")
    score = float(re.search(r"score (\d\.\d\d)", out).group(1))
    assert score == pytest.approx(sum(scores) / 3, abs=0.005)
    assert "({:,.0f})".format(impressions) in out
    assert "({:,.0f})".format(engagements) in out


# ---- the bundled sample ----------------------------------------------------

@pytest.fixture(scope="module")
def demo_report():
    out_dir = os.path.join(WORK, "demo")
    skpi("demo", "-q", "--dir", out_dir, "--format", "json", "--generated-at", "none")
    with open(os.path.join(out_dir, "report.json"), encoding="utf-8") as f:
        return json.load(f)


def test_demo_kpis(demo_report):
    march, feb = (2026, 3), (2026, 2)
    reach = collections.Counter()
    with open(os.path.join(DEMO, "instagram-posts.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            when = dt.datetime.strptime(row["Publish time"], "%m/%d/%Y %H:%M")
            reach[month(when)] += int(row["Reach"])
    web = collections.defaultdict(collections.Counter)
    last_followers = {}
    with open(os.path.join(DEMO, "web-and-listening.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            d = dt.date.fromisoformat(row["date"])
            web[month(d)][row["metric"]] += float(row["value"])
            if row["metric"] == "followers" and d == dt.date(2026, 3, 31):
                last_followers["linkedin"] = float(row["value"])
    with codecs.open(os.path.join(DEMO, "instagram-followers.csv"), "r", "utf-16") as f:
        lines = f.read().splitlines()
    assert lines[:3] == ["sep=,", '"Instagram followers"', '"Date","Primary"']
    for line in lines[3:]:
        date, value = [c.strip('"') for c in line.split('","')]
        if date.startswith("2026-03-31"):
            last_followers["instagram"] = float(value.replace(",", ""))
    clicks = impressions = 0
    with open(os.path.join(DEMO, "linkedin-metrics.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[2:]
    for r in rows:
        d = dt.datetime.strptime(r[0], "%m/%d/%Y").date()
        if month(d) == march:
            impressions += int(r[3])
            clicks += int(r[7])

    # Channels by the names readers see (the definitions name web:* and listening:*).
    rows = kpi_rows(demo_report)
    assert rows[("Reach", "Instagram @acmeoutdoor")]["value"]["number"] == reach[march]
    assert rows[("Reach", "Instagram @acmeoutdoor")]["previous"]["number"] == reach[feb]
    assert rows[("Sign-ups from social", "Website")]["value"]["number"] == web[march]["conversions"]
    sov = web[march]["mentions"] / (web[march]["mentions"] + web[march]["competitor_mentions"]) * 100
    assert rows[("Share of voice", "Media monitoring")]["value"]["number"] == pytest.approx(sov)
    assert rows[("Click-through rate", "LinkedIn acme-outdoor")]["value"]["number"] == \
        pytest.approx(clicks / impressions * 100)
    # A stock summed over channels at the end of the month.
    assert rows[("Followers", None)]["value"]["number"] == \
        last_followers["instagram"] + last_followers["linkedin"]


def test_demo_goals_status_prints_figures_as_the_report_does():
    """`skpi goals status` and the report write each figure of a goal the same way
    (one formatter): current, target, progress and expected progress."""
    out_dir = os.path.join(WORK, "demo-md")
    skpi("demo", "-q", "--dir", out_dir, "--format", "md", "--generated-at", "none")
    with open(os.path.join(out_dir, "report.md"), encoding="utf-8") as f:
        # | name | status | progress | expected | forecast | current | target | deadline |
        cards = [[c.strip() for c in line.strip().strip("|").split("|")]
                 for line in f if line.startswith("| ") and line.rstrip().endswith(" |")]
    # the deadline in the English words of the report (#18): "30 June 2026"
    cards = [c for c in cards if len(c) == 8 and re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", c[7])]
    status = skpi("goals", "status", "--config", os.path.join(out_dir, "definitions.json"),
                  "--db", os.path.join(out_dir, "demo.db"), "--as-of", "2026-04-01")
    rows = [line.split() for line in status.splitlines()[1:]]
    assert len(rows) == len(cards) == 4
    for (goal, _, current, target, progress, expected, _, _), card in zip(rows, cards):
        assert (current, target, progress, expected) == (card[5], card[6], card[2], card[3]), goal
    # The rules of docs/report.md: counts from 100 on are whole numbers with groups
    # (the CLI used to print "20,099.7"), percents carry two decimals and no space.
    assert re.fullmatch(r"\d{1,3}(,\d{3})*", rows[0][3])
    assert re.fullmatch(r"\d+\.\d\d%", rows[3][2])
