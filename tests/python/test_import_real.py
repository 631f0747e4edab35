"""The importer on the real exports in $SKPI_TEST_DATA, checked against an
independent reading with Python's csv module: posts per file, every post's
impressions and engagements, and per-month sums (from the posts and from the
daily series by publish day)."""
import csv
import datetime
import glob
import math
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.environ.get("SKPI_TEST_DATA", os.path.join(ROOT, "missing")), "exports")
DRIVER = os.environ.get("SKPI_IMPORT_FIGURES")

ROPENSCI = sorted(glob.glob(os.path.join(DATA, "x-tweets-rOpenSci", "tweet_activity_metrics_*.csv")))
SOCIALSTATS = [os.path.join(DATA, "x-fixtures-SocialStats", f) for f in
               ("singletweet.csv", "threetweets_ken.csv", "twotweets.csv", "twotweets_updated.csv")]


def number(text):
    """Missing ('-', empty) is None, never zero."""
    text = text.strip()
    if text in ("", "-"):
        return None
    return float(text)


def expected(files):
    """Per file post counts, then the union of posts (a later file restates
    a post with newer numbers), then per-month sums by UTC publish month."""
    per_file = []
    posts = {}
    for path in files:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        per_file.append((os.path.basename(path), len({r["Tweet id"] for r in rows})))
        for r in rows:
            handle = r["Tweet permalink"].split("/")[3]
            when = datetime.datetime.strptime(r["time"], "%Y-%m-%d %H:%M %z")
            when = when.astimezone(datetime.timezone.utc)
            posts[("x:@" + handle, r["Tweet id"])] = (
                when, number(r["impressions"]), number(r["engagements"]))
    months = {}
    for when, imp, eng in posts.values():
        key = "%04d-%02d" % (when.year, when.month)
        m = months.setdefault(key, [0, 0.0, 0.0])
        m[0] += 1
        m[1] += imp or 0.0
        m[2] += eng or 0.0
    return per_file, posts, months


def run_driver(files):
    if not DRIVER:
        pytest.skip("SKPI_IMPORT_FIGURES is not set (ctest sets it)")
    out = subprocess.run([DRIVER] + files, check=True, capture_output=True, text=True).stdout
    per_file, posts, months = [], {}, {}
    for line in out.splitlines():
        w = line.split()
        if w[0] == "file":
            per_file.append((w[1], int(w[3])))
            assert w[5] == "x_tweets"
        elif w[0] == "post":
            posts[(w[1], w[2])] = (float(w[3]), float(w[4]))
        elif w[0] == "month":
            months[w[1]] = dict(zip(w[2::2], (float(x) for x in w[3::2])))
    return per_file, posts, months


@pytest.mark.parametrize("files", [ROPENSCI, SOCIALSTATS], ids=["rOpenSci", "SocialStats"])
def test_real_exports_match_csv_module(files):
    assert all(os.path.exists(f) for f in files)
    exp_files, exp_posts, exp_months = expected(files)
    got_files, got_posts, got_months = run_driver(files)
    assert got_files == exp_files
    assert len(got_posts) == len(exp_posts)
    for key, (_, imp, eng) in exp_posts.items():
        gi, ge = got_posts[key]
        assert (math.isnan(gi) and imp is None) or gi == imp, key
        assert (math.isnan(ge) and eng is None) or ge == eng, key
    # Months without posts appear in the driver's output with zeros only.
    for month, got in got_months.items():
        count, imp, eng = exp_months.get(month, [0, 0.0, 0.0])
        assert got["posts"] == count, month
        assert got["impressions"] == imp, month
        assert got["engagements"] == eng, month
        if count:
            # The daily series hold the lifetime totals of each day's posts.
            assert got["series_impressions"] == imp, month
            assert got["series_engagements"] == eng, month
            assert got["series_posts"] == count, month
    assert set(exp_months) <= set(got_months)


def test_ropensci_has_sixty_monthly_files():
    assert len(ROPENSCI) == 60
