"""The package behaves as Python users expect: one argument order for the dataset's queries
(the earlier one warns), tidy pandas frames out and in, status tables of goals and key
results, errors that name the failing argument, and times in messages as dates.

Expected frames are recomputed from the raw numbers with pandas, not read back from the
library."""
import datetime
import warnings

import numpy as np
import pandas as pd
import pytest

import socialkpi as sk

DAY = 86400
A = sk.Availability


def ts(*args):
    return int(datetime.datetime(*args, tzinfo=datetime.timezone.utc).timestamp())


def days(start, n):
    return start + DAY * np.arange(n, dtype=np.int64)


Q4 = (ts(2026, 10, 1), ts(2027, 1, 1))


@pytest.fixture
def raw():
    """92 days of Q4 2026 on two channels; reach missing on one channel's last 10 days."""
    rng = np.random.default_rng(25)
    t = days(Q4[0], 92)
    data = {}
    for channel in ("instagram:@acme", "x:@acme"):
        data[(channel, "engagements")] = rng.integers(0, 90, 92).astype(float)
        data[(channel, "reach")] = rng.integers(500, 3000, 92).astype(float)
    data[("x:@acme", "reach")][-10:] = np.nan
    return t, data


@pytest.fixture
def ds(raw):
    t, data = raw
    d = sk.Dataset()
    for (channel, metric), values in data.items():
        d.append(metric, channel, t, values)
    yield d
    d.close()


def test_one_argument_order_for_the_queries(ds):
    weekly_new = ds.rollup("engagements", Q4, "x:*", cadence=sk.Cadence.WEEK,
                           calendar=sk.Calendar())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the new form never warns
        ds.rollup("engagements", Q4, "x:*", cadence=sk.Cadence.WEEK)
        ds.compare("engagements", Q4, (ts(2026, 7, 1), ts(2026, 10, 1)), "x:*",
                   change=sk.Change.ABSOLUTE)
    # the earlier order goes on working, with a DeprecationWarning pointing at the caller
    with pytest.warns(DeprecationWarning, match="rollup"):
        weekly_old = ds.rollup("engagements", Q4, sk.Calendar(), sk.Cadence.WEEK, "x:*")
    with pytest.warns(DeprecationWarning):
        weekly_kw = ds.rollup("engagements", range=Q4, calendar=None, cadence=sk.Cadence.WEEK,
                              selector="x:*")
    assert np.array_equal(weekly_new.values, weekly_old.values)
    assert np.array_equal(weekly_new.times, weekly_kw.times)
    with pytest.warns(DeprecationWarning, match="compare"):
        old = ds.compare("engagements", (ts(2026, 12, 1), Q4[1]), (ts(2026, 11, 1), ts(2026, 12, 1)),
                         sk.Change.ABSOLUTE, "x:*")
    new = ds.compare("engagements", (ts(2026, 12, 1), Q4[1]), (ts(2026, 11, 1), ts(2026, 12, 1)),
                     "x:*", change=sk.Change.ABSOLUTE)
    assert old == new


def test_to_frame_is_tidy_and_matches_pandas(ds, raw):
    t, data = raw
    frame = ds.to_frame(["engagements", "engagement_rate_reach"], Q4, "*")
    assert list(frame.columns) == ["period", "channel", "metric", "value", "availability"]
    assert len(frame) == 2 * 2 * 3  # two metrics, two channels, three months
    # pandas from the raw arrays: monthly sums per channel, rate = sum / sum * 100
    index = pd.to_datetime(t, unit="s", utc=True)
    for channel in ("instagram:@acme", "x:@acme"):
        e = pd.Series(data[(channel, "engagements")], index=index).resample("MS").sum()
        r_raw = pd.Series(data[(channel, "reach")], index=index)
        r = r_raw.resample("MS").sum()
        rows = frame[(frame.channel == channel) & (frame.metric == "engagements")]
        assert list(rows.period) == list(e.index)
        assert np.allclose(rows.value, e.values)
        assert list(rows.availability) == ["available"] * 3
        rate = frame[(frame.channel == channel) & (frame.metric == "engagement_rate_reach")]
        assert np.allclose(rate.value, (e / r * 100).values, rtol=1e-12)
        gaps = r_raw.isna().astype(int).resample("MS").sum() > 0
        assert list(rate.availability) == ["partial" if g else "available" for g in gaps]
    # one row per period for the selector as a whole
    whole = ds.to_frame("engagements", Q4, "*", by_channel=False)
    both = sum(pd.Series(data[(c, "engagements")], index=index) for c in ("instagram:@acme", "x:@acme"))
    assert list(whole.channel) == ["*"] * 3
    assert np.allclose(whole.value, both.resample("MS").sum().values)


def test_a_frame_goes_in_and_comes_out_the_same(ds, raw):
    t, data = raw
    daily = ds.to_frame(["engagements", "reach"], (Q4[0], Q4[0] + 92 * DAY), "*",
                        cadence=sk.Cadence.DAY)
    kept = daily[daily.availability != "missing"]
    with sk.Dataset.from_frame(kept.rename(columns={"period": "time"})) as back:
        again = back.to_frame(["engagements", "reach"], Q4, cadence=sk.Cadence.DAY)
    pd.testing.assert_frame_equal(again.reset_index(drop=True), daily.reset_index(drop=True))
    # NaN reach on x: the source arrays' NaN count, missing in the frame
    assert (daily[(daily.metric == "reach") & (daily.channel == "x:@acme")].value.isna().sum()
            == np.isnan(data[("x:@acme", "reach")]).sum())


DEFINITIONS = """{
  "version": 1,
  "goals": [
    {"id": "reach", "name": "Reach 150,000 on X in Q4", "metric": "reach", "channel": "x:*",
     "baseline": {"value": 0}, "target": {"kind": "absolute", "value": 150000},
     "start": "2026-10-01", "deadline": "2027-01-01"},
    {"id": "eng", "name": "Engagements", "metric": "engagements", "channel": "*",
     "baseline": {"value": 0}, "target": {"kind": "absolute", "value": 20000},
     "start": "2026-10-01", "deadline": "2027-01-01"}],
  "objectives": [{"id": "brand", "title": "Be talked about",
                  "period": {"start": "2026-10-01", "end": "2027-01-01"},
                  "key_results": [{"title": "Mentions", "start": 100, "target": 300},
                                  {"title": "Posts", "start": 0, "target": 40}]}]
}"""


def test_goal_and_key_result_status_tables(ds):
    with sk.Definitions.loads(DEFINITIONS) as defs:
        krs = defs.objectives["brand"].key_results
        krs[0].check_in("2026-11-15", 250)   # (250 - 100) / (300 - 100) = 0.75
        krs[1].check_in("2026-11-20", 10)    # 10 / 40 = 0.25
        goals = defs.goals_frame(ds, "2026-12-01")
        assert list(goals.id) == ["reach", "eng"]
        for row in goals.itertuples():
            ev = defs.goals[row.id].evaluate(ds, "2026-12-01")
            assert row.status == ev.status.name.lower()
            assert row.progress == pytest.approx(ev.progress)
            assert row.forecast == pytest.approx(ev.forecast, nan_ok=True)
        # progress toward an absolute target from a zero baseline: current / target
        eng = goals[goals.id == "eng"].iloc[0]
        assert eng.progress == pytest.approx(eng.current / 20000)
        okrs = defs.okrs_frame(ds, "2026-12-01")
        assert list(okrs.title) == ["Mentions", "Posts"]
        assert list(okrs.score) == pytest.approx([0.75, 0.25])
        # the objective scores the mean of its key results (equal weights)
        assert okrs.objective_score.iloc[0] == pytest.approx(0.5)
        assert set(okrs.objective) == {"brand"}


def test_errors_carry_code_message_and_argument(ds, tmp_path):
    with pytest.raises(sk.NotFoundError) as e:
        ds.value("no_such_metric", Q4)
    assert e.value.code == -6 and e.value.argument == "metric"
    assert "no_such_metric" in e.value.message
    with pytest.raises(sk.InvalidArgumentError) as e:
        ds.value("engagements", (Q4[1], Q4[0]))
    assert e.value.code == -1 and e.value.argument == "period"
    with pytest.raises(sk.InvalidArgumentError) as e:
        ds.append("likes", "x:@acme", [0, DAY], [1.0])
    assert e.value.argument == "values" and e.value.code == -1
    with pytest.raises(sk.StoreNotFoundError) as e:
        sk.Store(tmp_path / "nope.db")
    assert e.value.argument == "path" and e.value.code == -6


def test_messages_show_dates_not_epoch_seconds(ds):
    # 1 January 2027 .. 1 October 2026, backwards: both ends named as ISO 8601 times
    with pytest.raises(sk.InvalidArgumentError) as e:
        ds.value("engagements", (Q4[1], Q4[0]))
    text = str(e.value)
    assert "2027-01-01T00:00:00Z" in text and "2026-10-01T00:00:00Z" in text
    assert str(Q4[0]) not in text and str(Q4[1]) not in text
    objective = sk.Objective("O")
    with pytest.raises(sk.InvalidArgumentError) as e:
        objective.period = ("2026-04-01", "2026-03-01")
    assert "2026-03-01T00:00:00Z" in str(e.value) and str(ts(2026, 3, 1)) not in str(e.value)
    objective.close()
