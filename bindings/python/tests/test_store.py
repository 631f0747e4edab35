"""The SQLite store from Python: points, series, posts, catalogs, datasets, transactions,
definitions and check-ins, report definitions and runs."""
import gc
import hashlib
import json
import os
import time

import numpy as np
import pytest

import socialkpi as sk

DAY = 86400
EVERYTHING = (0, 400 * DAY)


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "history.db")


def test_points_and_series_round_trip(path):
    t = DAY * np.arange(10, dtype=np.int64)
    v = np.arange(10.0)
    v[4] = np.nan
    with sk.Store.create(path) as st:
        st.write_points("impressions", "x:@acme", t[::-1], v[::-1])  # unsorted is fine
        s = st.read_series("impressions", "x:@acme")
        assert np.array_equal(s.times, t) and np.array_equal(s.values, v, equal_nan=True)
        # last write wins for a stored time
        st.write_points("impressions", "x:@acme", [DAY], [100.0])
        part = st.read_series("impressions", "x:@acme", (DAY, 3 * DAY))
        assert list(part.values) == [100.0, 2.0]
        st.write_series(sk.Series("likes", "x:@acme", [0, DAY], [1.0, 2.0]))
        assert len(st.read_series("likes", "x:@acme")) == 2
        with pytest.raises(sk.NotFoundError):
            st.read_series("shares", "x:@acme")
        st.check()
    assert sk.Store.schema_version() >= 1


def test_transactions_commit_and_roll_back(path):
    with sk.Store.create(path) as st:
        with pytest.raises(RuntimeError):
            with st.transaction():
                st.write_points("likes", "x:@acme", [0], [1.0])
                raise RuntimeError("abort")
        with pytest.raises(sk.NotFoundError):
            st.read_series("likes", "x:@acme")
        with st.transaction():
            st.write_points("likes", "x:@acme", [0], [1.0])
            st.write_points("likes", "x:@acme", [DAY], [2.0])
        assert len(st.read_series("likes", "x:@acme")) == 2
        with pytest.raises(sk.MisuseError):
            st.commit()  # none open


def test_datasets_catalogs_and_posts(path):
    cat = sk.Catalog()
    cat.add_metric("signups", "Sign-ups")
    ds = sk.Dataset(cat)
    ds.append("signups", "web:site", DAY * np.arange(30, dtype=np.int64), np.full(30, 2.0))
    ds.append("followers", "instagram:@acme", [0, 29 * DAY], [100.0, 130.0])
    ds.add_post("instagram:@acme", "p1", 5 * DAY, "photo", "Hi", None, likes=12)
    with sk.Store.create(path) as st:
        st.write_catalog(cat)
        st.write_dataset(ds)
        st.write_post("x:@acme", "t9", 6 * DAY, text="Tweet", likes=3)
        st.write_post_value("x:@acme", "t9", "shares", 1)
        assert "signups" in st.read_catalog()
        back = st.read_dataset(period=EVERYTHING)  # with the store's saved metrics
        assert back.value("signups", (0, 30 * DAY)).value == 60.0
        assert back.value("followers", (0, 30 * DAY)).value == 130.0
        posts = {p.id: p for p in back.posts}
        assert posts["p1"].value("likes").value == 12.0 and posts["t9"].text == "Tweet"
        assert posts["t9"].value("shares").value == 1.0
        back.close()


def test_a_dataset_reads_the_store_on_demand_and_closes_with_it(path):
    with sk.Store.create(path) as st:
        st.write_points("impressions", "x:@acme", DAY * np.arange(10, dtype=np.int64), np.ones(10))
    st = sk.Store(path, read_only=True)
    lazy = st.open_dataset()
    assert lazy.source is st and "x:@acme" in lazy.channels
    assert lazy.value("impressions", (0, 10 * DAY)).value == 10.0
    mine = sk.Dataset()
    mine.add_channel("x:@acme")
    mine.source = st
    assert mine.value("impressions", (0, 5 * DAY)).value == 5.0
    del st
    gc.collect()  # the datasets keep the store alive
    assert lazy.value("impressions", (0, 2 * DAY)).value == 2.0
    store = lazy.source
    store.close()
    assert lazy.closed and mine.closed
    with pytest.raises(ValueError):
        lazy.value("impressions", (0, DAY))


def test_store_errors(path, tmp_path):
    with pytest.raises(sk.NotFoundError):
        sk.Store(path, create=False)
    sk.Store.create(path).close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just text " * 100)
    with pytest.raises(sk.InvalidArgumentError):
        sk.Store(str(junk))
    with sk.Store(path) as st:
        st.write_points("likes", "x:@acme", [0], [1.0])
        with pytest.raises(sk.InvalidArgumentError) as e:
            st.write_points("likes", "x:@acme", [0, DAY], [1.0, float("inf")])
        assert "1" in str(e.value)
        with pytest.raises(sk.InvalidArgumentError):
            st.write_points("Likes!", "x:@acme", [0], [1.0])
    with sk.Store(path, read_only=True) as ro:
        with pytest.raises(sk.MisuseError):
            ro.write_points("likes", "x:@acme", [DAY], [2.0])
        assert len(ro.read_series("likes", "x:@acme")) == 1
    assert os.path.exists(path)


# --- goals, objectives, check-ins, report definitions and runs ---------------------------

FULL = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))), "tests", "fixtures", "definitions", "full.json")


def test_definitions_round_trip(path):
    defs = sk.Definitions.load(FULL)
    with sk.Store.create(path) as st:
        st.write_definitions(defs)
        back = st.read_definitions()
        assert back.dumps() == defs.dumps()
        assert list(back.objectives) == ["ops", "brand", "recruit"]
        assert back.objectives["ops"].parent is back.objectives["brand"]
        # a report definition is saved as its object of the JSON document
        saved = json.loads(st.read_report_definition("monthly-leadership"))
        assert saved == json.loads(defs.dumps())["reports"][0]
        # writing again replaces by id; ids not written stay
        defs.goals["response-time"].name = "Answer within two hours"
        defs.remove_goal("demos")
        st.write_definitions(defs)
        again = st.read_definitions()
        assert list(again.goals) == ["ig-followers", "response-time", "demos"]
        assert again.goals["response-time"].name == "Answer within two hours"
        # a report naming a goal the definitions lack is refused, nothing written
        defs.remove_goal("ig-followers")
        defs.goals["response-time"].name = "not written"
        with pytest.raises(sk.InvalidArgumentError, match="ig-followers"):
            st.write_definitions(defs)
        assert st.read_definitions().goals["response-time"].name == "Answer within two hours"
        # the host's own text under a report's id is left out of the definitions
        st.write_report_definition("weekly-team", "{\"mine\": true}")
        assert st.read_definitions().reports == ["monthly-leadership"]
        st.delete_goal("ig-followers")
        st.delete_objective("brand")  # aligned objectives become top-level
        left = st.read_definitions()
        assert list(left.goals) == ["response-time", "demos"]
        assert list(left.objectives) == ["ops", "recruit"]
        assert left.objectives["ops"].parent is None
        with pytest.raises(sk.NotFoundError, match="ig-followers"):
            left.build_report("monthly-leadership", "2026-04-01")  # read all the same
        with pytest.raises(sk.NotFoundError):
            st.delete_goal("ig-followers")
        with pytest.raises(sk.NotFoundError):
            st.delete_objective("brand")
    for d in (defs, back, again, left):
        d.close()


def test_checkins_without_loading_the_definitions(path):
    with sk.Store.create(path) as st:
        st.write_definitions(sk.Definitions.load(FULL))
        st.add_checkin("brand", 1, "2026-03-20", 5000, 0.9, note="night shift")
        st.add_checkin("brand", 1, "2026-03-25", confidence=0.95)  # confidence alone
        kr = st.read_definitions().objectives["brand"].key_results[1]
        # 2026-03-20 is 20,532 days after 1970-01-01
        assert kr.checkins[-2] == sk.CheckIn(20532 * DAY, 5000.0, 0.9, "night shift")
        assert kr.checkins[-1] == sk.CheckIn(20537 * DAY, None, 0.95, "")
        assert len(kr.checkins) == 5
        with pytest.raises(sk.DuplicateTimeError):
            st.add_checkin("brand", 1, "2026-03-20", 6000)
        with pytest.raises(sk.NotFoundError):
            st.add_checkin("nope", 0, "2026-03-20", 1)
        with pytest.raises(sk.NotFoundError):
            st.add_checkin("brand", 7, "2026-03-20", 1)
        with pytest.raises(sk.RangeError):
            st.add_checkin("ops", 0, "2026-03-20", 1.5)  # a milestone runs from 0 to 1
        with pytest.raises(sk.InvalidArgumentError):
            st.add_checkin("brand", 0, "2026-03-21", float("inf"))
    with sk.Store(path, read_only=True) as ro:
        with pytest.raises(sk.MisuseError):
            ro.add_checkin("brand", 1, "2026-03-30", 1)


def test_report_definitions_and_runs(path):
    text = json.dumps({"id": "monthly", "title": "Social media \u2014 monthly review"},
                      ensure_ascii=False)
    html = "<!DOCTYPE html><p>Mars \u2014 r\u00e9sum\u00e9</p>\n".encode("utf-8")
    with sk.Store.create(path) as st:
        st.write_report_definition("monthly", text)
        assert st.read_report_definition("monthly") == text
        st.write_report_definition("weekly", "{}")
        st.write_report_definition("weekly", "{\"v\": 2}")  # replaces
        assert st.read_report_definition("weekly") == "{\"v\": 2}"
        with pytest.raises(sk.NotFoundError):
            st.read_report_definition("yearly")
        with pytest.raises(sk.InvalidArgumentError):
            st.write_report_definition("bad id!", "{}")
        first = st.add_run("monthly", "2026-04-01", html, sk.Format.HTML,
                           generated_at="2026-04-01T08:00:00Z", keep_output=True)
        second = st.add_run("monthly", "2026-03-01", b"# March\n", "md",
                            generated_at="2026-03-01T08:00:00Z")
        third = st.add_run("weekly", "2026-03-30", "", "text")  # generated now
        assert first < second < third
        with pytest.raises(sk.NotFoundError):
            st.add_run("yearly", "2026-04-01", b"x", "html")
        with pytest.raises(sk.InvalidArgumentError):
            st.add_run("monthly", "2026-04-01", b"x", "")
        runs = st.runs()
        assert [r.id for r in runs] == [second, third, first]  # oldest as-of first
        r = st.runs("monthly", ("2026-03-15", "2026-05-01"))[0]
        assert r == sk.Run(first, "monthly", sk.parse_time("2026-04-01"),
                           sk.parse_time("2026-04-01T08:00:00Z"), "html", len(html), True,
                           hashlib.sha256(html).hexdigest())
        assert st.read_output(first) == html and st.read_output(r) == html
        md = st.runs("monthly", ("2026-03-01", "2026-03-02"))[0]
        assert not md.kept and md.sha256 == hashlib.sha256(b"# March\n").hexdigest()
        with pytest.raises(sk.NotFoundError):
            st.read_output(md)  # not kept
        with pytest.raises(sk.NotFoundError):
            st.read_output(third + 100)
        empty = st.runs("weekly")[0]
        assert empty.size == 0 and empty.sha256 == hashlib.sha256(b"").hexdigest()
        assert abs(empty.generated_at - time.time()) < 600
        assert st.runs("nope") == [] and st.runs(as_of=(0, DAY)) == []
        with pytest.raises(sk.InvalidArgumentError):
            st.runs(as_of=(DAY, 0))


def test_a_missing_store_is_refused_unless_asked_to_create(tmp_path):
    typo = tmp_path / "dmeo.db"
    with pytest.raises(FileNotFoundError) as e:
        sk.Store(typo)
    err = e.value
    assert isinstance(err, sk.NotFoundError) and isinstance(err, sk.SocialKPIError)
    assert err.code == -6 and err.argument == "path" and err.filename == str(typo)
    assert str(typo) in str(err) and "create=True" in str(err)
    assert not typo.exists()  # nothing made on a typo
    with pytest.raises(FileNotFoundError):
        sk.Store(typo, read_only=True)
    # asked to: both spellings make one, and later opens find it
    with sk.Store(typo, create=True) as st:
        st.write_points("likes", "x:@acme", [0], [3.0])
    other = tmp_path / "other.db"
    sk.Store.create(other).close()
    assert typo.exists() and other.exists()
    with sk.Store(typo) as st:
        assert list(st.read_series("likes", "x:@acme").values) == [3.0]
