"""Dataset: values with availability, rollups, comparisons, groups, posts, pandas frames.

Expected numbers are worked by hand in comments or recomputed with pandas.
"""
import datetime
import math

import numpy as np
import pandas as pd
import pytest

import socialkpi as sk

DAY = 86400
A = sk.Availability


def ts(*args):
    return int(datetime.datetime(*args, tzinfo=datetime.timezone.utc).timestamp())


NOV = (ts(2026, 11, 1), ts(2026, 12, 1))
OCT = (ts(2026, 10, 1), ts(2026, 11, 1))


def days(start, n):
    return start + DAY * np.arange(n, dtype=np.int64)


def test_derived_value_is_a_ratio_of_sums():
    ds = sk.Dataset()
    t = days(NOV[0], 30)
    ds.append("engagements", "instagram:@acme", t, np.full(30, 10.0))
    ds.append("reach", "instagram:@acme", t, np.r_[np.full(15, 100.0), np.full(15, 1000.0)])
    # 300 engagements / (15 * 100 + 15 * 1000 = 16500) reached * 100 = 1.8181... %,
    # not the 5.5 % mean of the daily rates
    v = ds.value("engagement_rate_reach", NOV)
    assert v.availability == A.AVAILABLE
    assert v.value == pytest.approx(300 / 16500 * 100, rel=1e-15)
    assert ds.value("engagements", NOV, "instagram:*") == (300.0, A.AVAILABLE)
    # dates as text and datetime work as period ends too
    assert ds.value("reach", ("2026-11-01", datetime.date(2026, 11, 2))).value == 100.0


def test_availability_partial_missing_and_denominator_zero():
    ds = sk.Dataset()
    t = days(NOV[0], 22)  # data stops on 22 November
    ds.append("impressions", "x:@acme", t, np.ones(22))
    assert ds.value("impressions", NOV) == (22.0, A.PARTIAL)
    assert ds.value("impressions", (NOV[0], NOV[0] + 22 * DAY)) == (22.0, A.AVAILABLE)
    v = ds.value("impressions", OCT)  # before the data: the channel takes no part
    assert math.isnan(v.value) and v.availability == A.MISSING and not v.usable
    ds.append("engagements", "x:@acme", t, np.ones(22))
    ds.append("reach", "x:@acme", t, np.zeros(22))
    assert ds.value("engagement_rate_reach", (t[0], t[-1] + DAY)).availability == A.DENOMINATOR_ZERO
    ds.resolution = 7 * DAY
    assert ds.resolution == 7 * DAY
    with pytest.raises(sk.RangeError):
        ds.resolution = -1


def test_stocks_sum_last_values_across_channels_and_groups():
    ds = sk.Dataset()
    t = days(NOV[0], 30)
    ds.append("followers", "instagram:@acme", t, 1000.0 + np.arange(30))   # last 1029
    ds.append("followers", "linkedin:acme", t, 500.0 + 2 * np.arange(30))  # last 558
    ds.append("followers", "x:@acme", t, np.full(30, 50.0))
    assert ds.value("followers", NOV) == (1029.0 + 558.0 + 50.0, A.AVAILABLE)
    ds.define_group("core", ["instagram:@acme", "linkedin:acme"])
    assert ds.value("followers", NOV, "@core").value == 1029.0 + 558.0
    assert ds.match("@core", "linkedin:acme") and not ds.match("@core", "x:@acme")
    assert ds.match("instagram:*", "instagram:@acme")
    assert ds.channels == ["instagram:@acme", "linkedin:acme", "x:@acme"]
    ds.add_channel("tiktok:@acme")
    assert "tiktok:@acme" in ds.channels
    # first(followers) in the audience growth rate: new 30 - lost 0 over the
    # first value 1000 (instagram only) = 3 %
    ds.append("new_followers", "instagram:@acme", t, np.ones(30))
    ds.append("lost_followers", "instagram:@acme", t, np.zeros(30))
    assert ds.value("audience_growth_rate", NOV, "instagram:@acme").value == pytest.approx(3.0)
    assert ds.extent("followers", "x:@acme") == (t[0], t[-1] + 1)


def test_rollup_of_a_derived_metric_matches_pandas():
    rng = np.random.default_rng(11)
    start = ts(2026, 1, 1)
    t = days(start, 365)
    eng = rng.integers(0, 50, 365).astype(float)
    reach = rng.integers(100, 2000, 365).astype(float)
    ds = sk.Dataset()
    ds.append("engagements", "instagram:@acme", t, eng)
    ds.append("reach", "instagram:@acme", t, reach)
    cal = sk.Calendar()
    got = ds.rollup("engagement_rate_reach", (start, ts(2027, 1, 1)), calendar=cal)
    frame = pd.DataFrame({"e": eng, "r": reach}, index=pd.to_datetime(t, unit="s"))
    monthly = frame.resample("MS").sum()
    want = monthly.e / monthly.r * 100
    assert np.allclose(got.values, want.values, rtol=1e-12)
    assert np.array_equal(got.times, want.index.values.astype("datetime64[s]").astype(np.int64))
    assert list(got.availability) == [A.AVAILABLE] * 12
    assert got.metric == "engagement_rate_reach" and got.channel == "*"
    # a range beyond the data: missing months at the end, and a frame with availability
    longer = ds.rollup("engagement_rate_reach", (start, ts(2027, 3, 1)), "*", cadence=sk.Cadence.MONTH)
    assert list(longer.availability[-2:]) == [A.MISSING, A.MISSING]
    f = longer.to_frame()
    assert list(f.columns) == ["engagement_rate_reach", "availability"]
    assert list(f.availability[-3:]) == ["available", "missing", "missing"]


def test_compare_periods():
    ds = sk.Dataset()
    ds.append("engagements", "x:@acme", days(OCT[0], 61), np.r_[np.full(31, 10.0), np.full(30, 12.0)])
    ds.append("reach", "x:@acme", days(OCT[0], 61), np.full(61, 100.0))
    # November 360 against October 310: +50, +16.129 %
    assert ds.compare("engagements", NOV, OCT, change=sk.Change.ABSOLUTE) == (50.0, A.AVAILABLE)
    assert ds.compare("engagements", NOV, OCT).value == pytest.approx(50 / 310 * 100)
    # rates 12 % and 10 %: +2 points, +20 %
    assert ds.compare("engagement_rate_reach", NOV, OCT, change=sk.Change.POINTS).value == pytest.approx(2.0)
    assert ds.compare("engagement_rate_reach", NOV, OCT).value == pytest.approx(20.0)
    assert ds.compare("engagements", NOV, OCT, "*", change=sk.Change.POINTS).availability == A.UNSUPPORTED


def test_posts_and_top_posts():
    ds = sk.Dataset()
    ds.append("followers", "instagram:@acme", [ts(2026, 11, 1), ts(2026, 11, 10)], [1000.0, 2000.0])
    a = ds.add_post("instagram:@acme", "a1", ts(2026, 11, 5), "photo", "Hello", "https://x/a1",
                    engagements=50)
    b = ds.add_post("instagram:@acme", "b2", "2026-11-12T10:00:00Z", engagements=80)
    c = ds.add_post("linkedin:acme", "c3", ts(2026, 11, 20), engagements=80)
    ds.add_post("linkedin:acme", "old", ts(2026, 10, 20), engagements=999)
    assert (a.id, a.channel, a.type, a.text, a.link) == ("a1", "instagram:@acme", "photo", "Hello",
                                                         "https://x/a1")
    assert b.published == ts(2026, 11, 12, 10) and b.type == ""
    # per post: engagements / followers when it went out * 100: 50 / 1000, 80 / 2000
    assert a.value("engagement_rate_followers").value == pytest.approx(5.0)
    assert b.value("engagement_rate_followers").value == pytest.approx(4.0)
    assert c.value("engagement_rate_followers").availability == A.MISSING
    assert a.value("daily_engagement_rate").availability == A.UNSUPPORTED
    # best first; 80 and 80 tie: the earlier post first
    assert ds.top_posts("engagements", NOV) == [b, c, a]
    assert ds.top_posts("engagements", NOV, "instagram:*", limit=1) == [b]
    assert ds.top_posts("engagements", NOV, limit=0) == []
    assert len(ds.posts) == 4 and ds.find_post("linkedin:acme", "c3") == c
    ds.set_post_value("instagram:@acme", "a1", "engagements", 100)
    assert a.value("engagements").value == 100.0
    assert ds.add_post("instagram:@acme", "a1", ts(2026, 11, 6)).index == a.index  # an update
    with pytest.raises(sk.NotFoundError):
        ds.find_post("linkedin:acme", "nope")


def test_series_copy_and_errors_leave_the_dataset_unchanged():
    ds = sk.Dataset()
    ds.append("likes", "x:@acme", [0, DAY], [1.0, 2.0])
    s = ds.series("likes", "x:@acme")
    ds.append("likes", "x:@acme", [2 * DAY], [3.0])
    assert len(s) == 2  # a copy, not a view of the dataset's series
    with pytest.raises(sk.NotFoundError) as e:
        ds.append("no_such", "x:@acme", [0], [1.0])
    assert "no_such" in str(e.value)
    with pytest.raises(sk.InvalidArgumentError):
        ds.append("engagement_rate_reach", "x:@acme", [0], [1.0])
    with pytest.raises(sk.InvalidArgumentError) as e:
        ds.append("likes", "x:@acme", [5 * DAY, 6 * DAY], [1.0, math.inf])
    assert "values[1]" in str(e.value)
    with pytest.raises(sk.InvalidArgumentError):
        ds.value("likes", (0, DAY), "not a selector")
    with pytest.raises(sk.NotFoundError):
        ds.value("likes", (0, DAY), "@nogroup")
    with pytest.raises(sk.InvalidArgumentError):
        ds.value("likes", (DAY, 0))
    with pytest.raises(TypeError):
        ds.value("likes", 5)
    with pytest.raises(ValueError):
        ds.append("likes", "x:@acme", [1, 2], [1.0])
    assert len(ds.series("likes", "x:@acme")) == 3
    with pytest.raises(sk.InvalidArgumentError):
        ds.define_group("bad name!", ["x:@acme"])


def test_from_frame_long_and_wide_match_pandas():
    rng = np.random.default_rng(3)
    dates = pd.date_range("2026-01-01", periods=120, freq="D", tz="UTC")
    rows = []
    for ch in ("instagram:@acme", "x:@acme"):
        for m in ("impressions", "likes"):
            vals = rng.integers(0, 100, len(dates)).astype(float)
            rows.append(pd.DataFrame({"date": dates, "channel": ch, "metric": m, "value": vals}))
    long = pd.concat(rows).sample(frac=1.0, random_state=1)  # any row order
    with sk.Dataset.from_frame(long) as ds:
        want = long[long.date.dt.month == 2].groupby("metric").value.sum()
        feb = ("2026-02-01", "2026-03-01")
        assert ds.value("impressions", feb).value == want["impressions"]
        assert ds.value("likes", feb, "x:*").value == \
            long[(long.date.dt.month == 2) & (long.channel == "x:@acme")
                 & (long.metric == "likes")].value.sum()

    wide = pd.DataFrame({"impressions": [100.0, 200.0, np.nan], "followers": [10, 11, 12]},
                        index=pd.to_datetime(["2026-03-01", "2026-03-02", "2026-03-03"]))
    with sk.Dataset.from_frame(wide, channel="tiktok:@acme") as ds:
        march = ("2026-03-01", "2026-03-04")
        assert ds.value("impressions", march) == (300.0, A.PARTIAL)  # one NaN day
        assert ds.value("followers", march) == (12.0, A.AVAILABLE)
        s = ds.series("impressions", "tiktok:@acme").to_frame()
        assert str(s.index[0]) == "2026-03-01 00:00:00+00:00" and s.impressions.iloc[1] == 200.0
    with pytest.raises(ValueError, match="channel"):
        sk.Dataset.from_frame(wide)
    with pytest.raises(ValueError, match="column 'value'"):
        sk.Dataset.from_frame(pd.DataFrame({"date": ["2026-01-01"], "channel": ["x:@a"],
                                            "metric": ["likes"], "value": ["many"]}))


def test_value_change_and_limits():
    # 4.0 -> 6.0: +2, +50 %, +2 points for a percent metric
    assert sk.value_change(6.0, 4.0, sk.Change.ABSOLUTE) == (2.0, A.AVAILABLE)
    assert sk.value_change(6.0, 4.0) == (50.0, A.AVAILABLE)
    assert sk.value_change(6.0, 4.0, sk.Change.POINTS, sk.Unit.PERCENT) == (2.0, A.AVAILABLE)
    # from -50 to 0 is +100 % (divided by |previous|); from 0 has no percentage
    assert sk.value_change(0.0, -50.0).value == 100.0
    assert sk.value_change(5.0, 0.0).availability == A.DENOMINATOR_ZERO
    assert sk.value_change(sk.Value(5.0, A.PARTIAL), 4.0).availability == A.PARTIAL
    assert sk.value_change(None, 4.0).availability == A.MISSING
    lim = sk.limits()
    assert lim["metric_key_max"] == 64 and lim["channel_max"] == 256
    assert lim["okr_max_key_results"] == 5 and lim["goal_categories"] == 10
    assert lim["time_max"] == 253402300799 and lim["import_preset_max"] == 30
