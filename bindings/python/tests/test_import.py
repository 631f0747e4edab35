"""Importers from Python: files and buffers, options, summaries, all-or-nothing errors."""
import os

import numpy as np
import pandas as pd
import pytest

import socialkpi as sk

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "import")


def fixture(name):
    return os.path.join(FIXTURES, name)


def test_generic_long_file_matches_pandas():
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("generic_long.csv"))
    assert summary.preset == sk.Preset.GENERIC_LONG and summary.preset.key == "generic_long"
    assert summary.header_line == 1 and summary.rows == 8
    assert summary.skipped == {sk.Skip.DERIVED_METRIC: 1, sk.Skip.UNKNOWN_METRIC: 1}
    assert summary.series == 3 and summary.posts == 0
    # pandas reads the same file; for a repeated (date, channel, metric) the last row wins
    frame = pd.read_csv(fixture("generic_long.csv"), na_values=["NA"])
    frame = frame[frame.metric.isin(["impressions", "likes"])]
    want = frame.groupby(["metric", "channel", "date"]).value.last()
    for (metric, channel, date), value in want.items():
        s = ds.series(metric, channel)
        t = sk.parse_time(date)
        got = s.values[np.searchsorted(s.times, t)]
        assert (np.isnan(got) and np.isnan(value)) or got == value, (metric, channel, date)


def test_generic_wide_buffer_with_a_column_mapping():
    ds = sk.Dataset()
    with open(fixture("generic_wide.csv"), "rb") as f:
        data = f.read()
    summary = sk.import_buffer(ds, data, name="wide.csv", channel="youtube:acme", date_column="Day",
                               columns={"Views": "video_views", "Followers total": "followers"})
    assert summary.preset == sk.Preset.GENERIC_WIDE
    assert summary.ignored_columns == ["Note"]
    views = ds.series("video_views", "youtube:acme")
    # "1,000", "1,500" and "–" (missing, not zero)
    assert list(views.values[:2]) == [1000.0, 1500.0] and np.isnan(views.values[2])
    assert ds.value("followers", ("2026-07-13", "2026-07-16")).value == 510.0
    # a str buffer is read as UTF-8, and presets may be named
    ds2 = sk.Dataset()
    text = "date,channel,metric,value\n2026-07-13,x:@acme,impressions,\"1,234\"\n"
    s2 = sk.import_buffer(ds2, text, "generic_long")
    assert s2.points == 1 and ds2.value("impressions", ("2026-07-13", "2026-07-14")).value == 1234.0


def test_malformed_files_raise_with_line_and_change_nothing():
    ds = sk.Dataset()
    sk.import_file(ds, fixture("generic_long.csv"))
    before = len(ds.series("impressions", "x:@acme"))
    with pytest.raises(sk.ParseError) as e:
        sk.import_file(ds, fixture("bad_number.csv"))
    msg = str(e.value)
    assert "bad_number.csv" in msg and "line 3" in msg
    assert len(ds.series("impressions", "x:@acme")) == before
    with pytest.raises(sk.ParseError, match="buffer"):
        sk.import_buffer(ds, b"date,channel,metric,value\n2026-13-45,x:@acme,likes,1\n")
    with pytest.raises(sk.StorageError):
        sk.import_file(ds, fixture("does_not_exist.csv"))
    with pytest.raises(sk.InvalidArgumentError):
        sk.import_file(ds, fixture("generic_long.csv"), utc_offset=5000)
    with pytest.raises(sk.NotFoundError):
        sk.import_file(ds, fixture("generic_long.csv"), "no_such_preset")
    with pytest.raises(ValueError):
        sk.import_file(ds, fixture("generic_long.csv"), delimiter=";;")
    with pytest.raises(TypeError):
        sk.import_file("not a dataset", fixture("generic_long.csv"))


def test_post_exports_fill_posts():
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("x_tweets.csv"))
    assert summary.preset == sk.Preset.X_TWEETS and summary.posts > 0
    assert len(ds.posts) == summary.posts
    again = sk.import_file(ds, fixture("x_tweets.csv"))
    assert again.posts_updated == again.posts and len(ds.posts) == summary.posts
    assert sk.Preset.from_key("x_tweets") == sk.Preset.X_TWEETS


def test_summary_says_what_was_skipped_warned_and_covered():
    import csv
    import datetime
    path = fixture("facebook_posts_2025.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    # Independent reading: rows with an empty post id are Meta's error rows.
    error_lines = [i for i, r in enumerate(rows[1:], start=2) if not r[0]]
    days = [datetime.datetime.strptime(r[6], "%m/%d/%Y %H:%M").date() for r in rows[1:] if r[0]]
    ds = sk.Dataset()
    s = sk.import_file(ds, path)
    assert s.error_row_lines == error_lines and s.skipped[sk.Skip.EXPORT_ERROR] == len(error_lines)
    assert len(s.warnings) == 2 and s.points_updated == 0
    epoch = datetime.date(1970, 1, 1)
    start, end = ((min(days) - epoch).days * 86400, ((max(days) - epoch).days + 1) * 86400)
    assert s.covers == (start, end)
    again = sk.import_file(ds, path, covers_from="2025-04-01", covers_to="2025-04-30")
    assert again.covers == (((datetime.date(2025, 4, 1) - epoch).days * 86400),
                            ((datetime.date(2025, 5, 1) - epoch).days * 86400))
    assert again.points_updated > 0 and again.posts_updated == again.posts


def test_date_order_option():
    import datetime
    data = "date;channel;metric;value\n01/02/2025;x:@a;impressions;5\n"
    with pytest.raises(sk.SocialKPIError, match="date order"):
        sk.import_buffer(sk.Dataset(), data)
    for order, day in ((sk.DateOrder.DAY_FIRST, 1), (sk.DateOrder.MONTH_FIRST, 2)):
        ds = sk.Dataset()
        sk.import_buffer(ds, data, date_order=order)
        series = ds.series("impressions", "x:@a")
        expected = (datetime.date(2025, 2 if day == 1 else 1, day) - datetime.date(1970, 1, 1)).days
        assert list(series.times) == [expected * 86400] and list(series.values) == [5.0]
