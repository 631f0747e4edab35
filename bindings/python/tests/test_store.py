"""The SQLite store from Python: points, series, posts, catalogs, datasets, transactions."""
import gc
import os

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
    with sk.Store(path) as st:
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
    with sk.Store(path) as st:
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
    with sk.Store(path) as st:
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
    with sk.Store(path) as st:
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
