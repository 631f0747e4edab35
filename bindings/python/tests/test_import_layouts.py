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


# ---- YouTube Studio table grouped by video ---------------------------------

YT_COLUMNS = {"Views": "video_views", "Watch time (hours)": "watch_time",
              "Impressions": "impressions"}


def test_youtube_table_by_video_matches_csv_module():
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("youtube_videos.csv"))
    assert summary.preset == sk.Preset.YOUTUBE_VIDEOS
    all_rows = rows("youtube_videos.csv")
    videos = [r for r in all_rows if r["Content"] != "Total"]
    assert summary.skipped.get(sk.Skip.TOTAL) == len(all_rows) - len(videos) == 1
    assert summary.posts == len(videos)
    # Subscribers go to a metric the built-in catalog lacks: reported by name.
    assert "Subscribers" in summary.ignored_columns

    def publish_day(r):
        return datetime.datetime.strptime(r["Video publish time"], "%b %d, %Y").date().isoformat()

    def want(r, col):
        v = number(r[col])
        return v * 3600 if col == "Watch time (hours)" else v

    got = post_figures(ds, YT_COLUMNS.values())
    for r in videos:
        date, _, vals = got[("youtube:default", r["Content"])]
        assert date == publish_day(r)
        for col, metric in YT_COLUMNS.items():
            assert vals[metric] == pytest.approx(want(r, col), rel=1e-12), (r["Content"], col)
    for col, metric in YT_COLUMNS.items():
        sums = day_sums((publish_day(r), want(r, col)) for r in videos)
        have = points(ds, metric, "youtube:default")
        for d, v in sums.items():
            assert have[d] == pytest.approx(v, rel=1e-12), (col, d)
    # The Total row agrees with the videos, so nothing was lost or doubled.
    total = next(r for r in all_rows if r["Content"] == "Total")
    period = (min(publish_day(r) for r in videos), "2025-03-05")
    assert ds.value("video_views", period).value == number(total["Views"])
    # Average view duration is recomputed: watch time over views.
    assert ds.value("average_view_duration", period).value == pytest.approx(
        number(total["Watch time (hours)"]) * 3600 / number(total["Views"]), rel=1e-12)
