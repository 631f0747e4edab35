"""Export layouts as the platforms write them (X 2024+ content, YouTube Studio
tables by video, TikTok Studio and TikTok business files), each imported from
a fixture of our own and checked against an independent reading of the same
file with Python's csv module: the preset chosen by detection, every post and
every daily point."""
import collections
import csv
import datetime
import math
import os

import pytest

import socialkpi as sk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "import")


def fixture(name):
    return os.path.join(FIXTURES, name)


def rows(name):
    with open(fixture(name), newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def number(text):
    """The missing tokens the importer documents are None, never zero."""
    text = text.strip()
    if text.lower() in ("", "-", "--", "undefined", "nan", "na", "n/a", "null", "none"):
        return None
    return float(text.replace(",", ""))


def points(ds, metric, channel):
    """A stored series as {date: value}, NaN as None."""
    s = ds.series(metric, channel)
    return {sk.format_date(int(t)): (None if math.isnan(v) else float(v))
            for t, v in zip(s.times, s.values)}


def day_sums(pairs):
    """Sum (date, value) pairs per date; a date whose values are all missing is None."""
    out = {}
    for d, v in pairs:
        if v is None:
            out.setdefault(d, None)
        else:
            out[d] = (out.get(d) or 0.0) + v
    return out


def post_figures(ds, metrics):
    """{(channel, id): (publish date, link, {metric: value or None})}."""
    out = {}
    for p in ds.posts:
        vals = {}
        for m in metrics:
            v = p.value(m)
            vals[m] = None if math.isnan(v.value) else v.value
        out[(p.channel, p.id)] = (sk.format_date(p.published), p.link, vals)
    return out


# ---- X 2024+ content export ------------------------------------------------

X_COLUMNS = {"Impressions": "impressions", "Likes": "likes", "Engagements": "engagements",
             "Bookmarks": "saves", "Share": "private_shares", "New follows": "new_followers",
             "Replies": "comments", "Reposts": "shares", "Url clicks": "link_clicks"}


def test_x_content_2025_export_matches_csv_module():
    # "Share" goes to a metric the host adds; the built-in catalog lacks it.
    cat = sk.Catalog()
    cat.add_metric("private_shares", "Private shares")
    ds = sk.Dataset(cat)
    summary = sk.import_file(ds, fixture("x_content_2025.csv"))
    assert summary.preset == sk.Preset.X_CONTENT
    want_rows = rows("x_content_2025.csv")
    assert summary.posts == len(want_rows)
    assert "Link" not in summary.ignored_columns and "Share" not in summary.ignored_columns

    got = post_figures(ds, X_COLUMNS.values())
    for r in want_rows:
        handle = r["Link"].split("/")[3]
        day = datetime.datetime.strptime(r["Date"], "%a %b %d %Y").date().isoformat()
        date, link, vals = got[("x:@" + handle, r["Post id"])]
        assert date == day and link == r["Link"]
        for col, metric in X_COLUMNS.items():
            assert vals[metric] == number(r[col]), (r["Post id"], col)
    # Daily flows by publish day: the sums of the day's posts.
    for col, metric in X_COLUMNS.items():
        want = day_sums((datetime.datetime.strptime(r["Date"], "%a %b %d %Y").date().isoformat(),
                         number(r[col])) for r in want_rows)
        have = points(ds, metric, "x:@acme")
        assert {d: have[d] for d in want} == want, col
    posts_per_day = collections.Counter(
        datetime.datetime.strptime(r["Date"], "%a %b %d %Y").date().isoformat() for r in want_rows)
    have = points(ds, "posts_published", "x:@acme")
    assert {d: have[d] for d in posts_per_day} == dict(posts_per_day)
