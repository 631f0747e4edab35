"""Calendar and Series through ctypes, checked against Python's datetime, numpy and pandas."""
import datetime
import gc
import math

import numpy as np
import pandas as pd
import pytest

import socialkpi as sk
from rss import rss_kib

UTC = datetime.timezone.utc


def ts(*args):
    return int(datetime.datetime(*args, tzinfo=UTC).timestamp())


def test_version_and_errors_carry_messages():
    assert sk.library_version() == "0.1.0"
    cal = sk.Calendar()
    with pytest.raises(sk.RangeError) as e:
        cal.utc_offset = 5000
    assert "5000" in str(e.value) or "offset" in str(e.value)
    assert cal.utc_offset == 0  # unchanged after the error
    with pytest.raises(sk.ParseError) as e:
        sk.parse_time("2026-1x-05")
    assert e.value.code == -5 and "column 7" in str(e.value)
    with pytest.raises(sk.RangeError) as e:
        sk.parse_time("2026-13-05")
    assert "month 13" in str(e.value)
    with pytest.raises(TypeError):
        sk.Series("a", "b").rollup("not a calendar")
    with pytest.raises(sk.InvalidArgumentError):
        cal.period(9, 0)


def test_iso_week_edges_match_datetime():
    cal = sk.Calendar()
    for day in ("2020-12-31", "2021-01-03", "2021-01-04", "2024-12-30"):
        d = datetime.date.fromisoformat(day)
        y, w, _ = d.isocalendar()
        assert cal.label(sk.Cadence.WEEK, d) == f"{y}-W{w:02d}"
        monday = d - datetime.timedelta(days=d.weekday())
        p = cal.period(sk.Cadence.WEEK, d)
        assert p.start == ts(monday.year, monday.month, monday.day)
        assert p.end - p.start == 7 * 86400


def test_period_names():
    # worked out by hand: 2 March 2026 is a Monday; CLDR's German and French month names
    cal = sk.Calendar()
    t = sk.parse_time("2026-03-04")
    assert cal.period_name(sk.Cadence.MONTH, t) == "March 2026"
    assert cal.period_name(sk.Cadence.WEEK, t) == "week of 2 March 2026"
    assert cal.period_name(sk.Cadence.QUARTER, t, "fr-FR") == "T1 2026"
    assert cal.period_name(sk.Cadence.MONTH, t, "de-DE") == "M\u00e4rz 2026"
    assert cal.period_name(sk.Cadence.WEEK, t, "fr-FR", "semaine du {date}") == "semaine du 2 mars 2026"
    with pytest.raises(sk.InvalidArgumentError, match="xx-YY"):
        cal.period_name(sk.Cadence.MONTH, t, "xx-YY")


def test_fiscal_labels_and_offsets():
    cal = sk.Calendar(fiscal_year_start=10)
    assert cal.label(sk.Cadence.QUARTER, sk.parse_time("2026-11-22")) == "FY2027-Q1"
    cet = sk.Calendar(utc_offset=60)
    assert cet.label(sk.Cadence.DAY, ts(2026, 11, 22, 23, 30)) == "2026-11-23"
    assert cet.parse("2026-11-23") == ts(2026, 11, 22, 23, 0)
    assert sk.format_time(ts(2026, 11, 22, 10), 60) == "2026-11-22T11:00:00+01:00"
    assert sk.parse_time("2026-11-22 10:00 +0100") == ts(2026, 11, 22, 9, 0)


def test_series_append_numpy_and_aggregate():
    t0 = ts(2026, 1, 1)
    times = t0 + 86400 * np.arange(10, dtype=np.int64)
    values = np.arange(1.0, 11.0)
    values[3] = np.nan
    with sk.Series("impressions", "x:@acme", times, values) as s:
        assert len(s) == 10
        assert s.metric == "impressions" and s.channel == "x:@acme"
        # sum of 1..10 without the 4 = 55 - 4 = 51; one missing point
        assert s.aggregate((t0, t0 + 10 * 86400)) == (51.0, 9, 1)
        assert s.aggregate((t0, t0 + 86400), sk.Aggregation.LAST)[0] == 1.0
        assert np.array_equal(s.times, times)
    assert s.closed
    with pytest.raises(ValueError):
        len(s)


def test_append_accepts_datetime64_lists_and_buffers():
    import array
    s = sk.Series("likes", "instagram:@acme")
    s.append(np.array(["2026-03-01", "2026-03-02"], dtype="datetime64[D]"), [1.0, 2.0])
    s.append(array.array("q", [ts(2026, 3, 3)]), array.array("d", [4.0]))
    s.append([ts(2026, 3, 4)], [8.0])
    assert list(s.values) == [1.0, 2.0, 4.0, 8.0]
    s.close()


def test_append_rejects_infinity_and_leaves_series_unchanged():
    s = sk.Series("likes", "instagram:@acme", [0, 86400], [1.0, 2.0])
    with pytest.raises(sk.InvalidArgumentError) as e:
        s.append([2 * 86400, 3 * 86400], [3.0, math.inf])
    assert "1" in str(e.value)  # the message names the offending index
    assert len(s) == 2
    with pytest.raises(ValueError):
        s.append([1, 2], [1.0])


def test_duplicate_policy_error():
    s = sk.Series("likes", "instagram:@acme", duplicates=sk.DuplicatePolicy.ERROR)
    s.append([10], [1.0])
    with pytest.raises(sk.DuplicateTimeError):
        s.append([10], [2.0])
    assert list(s.values) == [1.0]


def test_rollup_matches_pandas_resample():
    rng = np.random.default_rng(7)
    start = ts(2025, 12, 29)
    times = start + 3600 * np.arange(24 * 120, dtype=np.int64)
    values = rng.integers(0, 1000, times.size).astype(float)
    s = sk.Series("impressions", "*", times, values)
    cal = sk.Calendar()
    frame = pd.Series(values, index=pd.to_datetime(times, unit="s"))
    for cadence, rule in ((sk.Cadence.DAY, "D"), (sk.Cadence.WEEK, "W-MON"), (sk.Cadence.MONTH, "MS")):
        got = s.rollup(cal, cadence)
        want = frame.resample(rule, label="left", closed="left").sum()
        assert np.array_equal(got.times, want.index.values.astype("datetime64[s]").astype(np.int64))
        assert np.array_equal(got.values, want.values)
    monthly = s.rollup(cal, sk.Cadence.MONTH).to_frame()
    assert list(monthly.columns) == ["impressions"]


def test_many_objects_are_freed():
    values = np.ones(1000)
    times = np.arange(1000, dtype=np.int64)

    def churn(n):
        for _ in range(n):
            s = sk.Series("impressions", "x:@a", times, values)
            c = sk.Calendar()
            if _ % 2:
                s.close()
            del s, c
        gc.collect()

    churn(2000)
    before = rss_kib()
    churn(20000)  # 20000 x 16 kB = 320 MB if nothing were freed
    assert rss_kib() - before < 20 * 1024


def test_time_zone_calendar():
    # America/Los_Angeles: clocks jump from 02:00 PST to 03:00 PDT on
    # 2026-03-08 (10:00 UTC); that day runs 08:00 UTC to 07:00 UTC next day.
    import datetime as dt
    import socialkpi as sk
    cal = sk.Calendar()
    assert cal.time_zone is None
    cal.time_zone = "America/Los_Angeles"
    assert cal.time_zone == "America/Los_Angeles"
    start = int(dt.datetime(2026, 3, 8, 8, tzinfo=dt.timezone.utc).timestamp())
    end = int(dt.datetime(2026, 3, 9, 7, tzinfo=dt.timezone.utc).timestamp())
    p = cal.period(sk.Cadence.DAY, start + 3600)
    assert (p.start, p.end) == (start, end)
    assert cal.offset_at(start) == -8 * 3600
    assert cal.format(start + 2 * 3600) == "2026-03-08T03:00:00-07:00"
    assert cal.format_date(start) == "2026-03-08"
    assert cal.parse("2026-03-08") == start
    with pytest.raises(sk.RangeError):
        cal.parse("2026-03-08T02:30")
    cal.skipped_time = 2
    assert cal.parse("2026-03-08T02:30") == start + 2 * 3600 + 1800
    with pytest.raises(sk.InvalidArgumentError, match="Europe/Berln"):
        cal.time_zone = "Europe/Berln"
    assert cal.time_zone == "America/Los_Angeles"


def test_utc_offsets_as_people_write_them():
    # minutes worked out by hand
    assert sk.parse_utc_offset("Z") == 0
    assert sk.parse_utc_offset("-05:30") == -330
    assert sk.parse_utc_offset("+0545") == 345
    assert sk.parse_utc_offset("+14") == 840
    with pytest.raises(sk.ParseError) as e:
        sk.parse_utc_offset("01:00")
    assert "+HH:MM" in str(e.value)
    with pytest.raises(sk.RangeError):
        sk.parse_utc_offset("+18:30")
