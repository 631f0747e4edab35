"""skpi report over explicit date ranges (--from/--to) and their
comparisons, on the bundled sample of `skpi demo`, against sums pandas
takes from the raw Instagram export (posts by publication time, UTC)."""
import json
import os
import subprocess

import pandas as pd
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.environ.get("SKPI_TOOL", os.path.join(ROOT, "build", "tools", "skpi", "skpi"))
WORK = os.environ.get("SKPI_CLI_WORK", "/tmp/skpi-cli-ranges")
DEMO = os.path.join(ROOT, "tools", "skpi", "demo")
CONFIG = os.path.join(DEMO, "definitions.json")


def run(*args):
    env = dict(os.environ)
    env.pop("SKPI_DB", None)
    env.pop("SKPI_CONFIG", None)
    return subprocess.run([TOOL, *args], capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def db():
    out_dir = os.path.join(WORK, "demo")
    done = run("demo", "-q", "--dir", out_dir, "--format", "json", "--generated-at", "none")
    assert done.returncode == 0, done.stderr
    return os.path.join(out_dir, "demo.db")


@pytest.fixture(scope="module")
def posts():
    d = pd.read_csv(os.path.join(DEMO, "instagram-posts.csv"), encoding="utf-8-sig")
    d["t"] = pd.to_datetime(d["Publish time"], format="%m/%d/%Y %H:%M")
    return d


def reach(posts, first, last):
    """Reach of the posts published from `first` to `last`, both days included."""
    m = (posts.t >= pd.Timestamp(first)) & (posts.t < pd.Timestamp(last) + pd.Timedelta(days=1))
    return int(posts[m].Reach.sum())


def report(db, *args):
    done = run("report", "--config", CONFIG, "--db", db, "--format", "json", "--generated-at", "none", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def reach_row(doc):
    for block in doc["blocks"]:
        if block["type"] == "kpi_table":
            for r in block["rows"]:
                if r["label"] == "Reach":
                    return block, r
    raise AssertionError("no reach row")


def test_range_previous_and_year_earlier(db, posts):
    doc = report(db, "--from", "2026-03-01", "--to", "2026-03-15", "--compare", "previous,year")
    block, row = reach_row(doc)
    assert row["value"]["number"] == reach(posts, "2026-03-01", "2026-03-15")
    # the 15 days before, and the same days of 2025
    assert row["previous"]["number"] == reach(posts, "2026-02-14", "2026-02-28")
    assert row["previous2"]["number"] == reach(posts, "2025-03-01", "2025-03-15")
    assert doc["subtitle"] == "Report for 1 March 2026 to 15 March 2026"


def test_range_year_earlier_only(db, posts):
    doc = report(db, "--from", "2026-02-01", "--to", "2026-02-10", "--compare", "year")
    _, row = reach_row(doc)
    assert row["value"]["number"] == reach(posts, "2026-02-01", "2026-02-10")
    assert row["previous"]["number"] == reach(posts, "2025-02-01", "2025-02-10")
    assert row["previous2"]["availability"] == "missing"


def test_named_range(db, posts):
    doc = report(db, "--from", "2026-03-01", "--to", "2026-03-15", "--compare", "previous",
                 "--compare-from", "2025-06-01", "--compare-to", "2025-06-30", "--compare-name", "June 2025")
    block, row = reach_row(doc)
    assert row["previous2"]["number"] == reach(posts, "2025-06-01", "2025-06-30")
    assert "June 2025" in json.dumps(block)


def test_since_launch(db, posts):
    doc = report(db, "--from", "2026-01-01", "--as-of", "2026-03-20", "--range-name", "since launch",
                 "--compare", "none")
    _, row = reach_row(doc)
    assert row["value"]["number"] == reach(posts, "2026-01-01", "2026-03-19")
    assert doc["subtitle"] == "Report for since launch"


def test_range_that_ends_before_it_starts(db):
    done = run("report", "--config", CONFIG, "--db", db, "--from", "2026-03-15", "--to", "2026-03-01")
    assert done.returncode == 3
    assert "--to 2026-03-01 ends the range before --from 2026-03-15 starts it" in done.stderr
    assert done.stdout == ""


def test_range_without_data(db):
    done = run("report", "--config", CONFIG, "--db", db, "--from", "2026-11-01", "--to", "2026-11-15",
               "--format", "text", "--generated-at", "none")
    assert done.returncode == 7
    assert "No data for 1 November 2026 to 15 November 2026" in done.stdout
    assert "Nothing needs attention" not in done.stdout
    assert "no data from 2026-11-01 to 2026-11-15, the range the report covers" in done.stderr


# ---- skpi campaign report ---------------------------------------------------

COMMUNITY = {"name": "Community", "from": "2026-03-01", "to": "2026-03-14",
             "channels": ["instagram:@acmeoutdoor"], "tags": ["acmeoutdoor"],
             "post_ids": ["17912000009685488"]}


@pytest.fixture(scope="module")
def campaign_config():
    with open(CONFIG, encoding="utf-8") as f:
        defs = json.load(f)
    defs["campaigns"] = [COMMUNITY]
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, "campaign.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(defs, f)
    return path


def test_campaign_report(db, posts, campaign_config):
    done = run("campaign", "report", "Community", "--config", campaign_config, "--db", db,
               "--format", "json", "--generated-at", "none")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    _, row = reach_row(doc)
    # the campaign's 14 days against the 14 before them
    assert row["value"]["number"] == reach(posts, "2026-03-01", "2026-03-14")
    assert row["previous"]["number"] == reach(posts, "2026-02-15", "2026-02-28")
    # its posts: #acmeoutdoor in the text, or the post id, in its days, by time
    m = (posts.t >= "2026-03-01") & (posts.t < "2026-03-15") & \
        (posts.Description.str.contains("#acmeoutdoor") | (posts["Post ID"] == 17912000009685488))
    want = [u for u in posts[m].sort_values("t").Permalink]
    first = next(b for b in doc["blocks"] if b["type"] == "posts")  # the campaign's, before the top posts
    assert [p["url"] for p in first["posts"]] == want
    assert len(want) == 3
    text = json.dumps(doc)
    assert "Community ran from 1 March 2026 to 14 March 2026 on Instagram @acmeoutdoor" in text
    assert "Click-through rate on LinkedIn" not in text


def test_unknown_campaign(db, campaign_config):
    done = run("campaign", "report", "Autumn", "--config", campaign_config, "--db", db)
    assert done.returncode == 3
    assert 'no campaign is named "Autumn"' in done.stderr
    assert done.stdout == ""
