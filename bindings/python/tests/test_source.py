"""Python callables as data sources, and exceptions raised inside callbacks."""
import gc

import numpy as np
import pytest

import socialkpi as sk

DAY = 86400


def test_callable_source_is_asked_once_per_range():
    asked = []

    def source(req):
        asked.append((req.metric, req.channel, tuple(req.period)))
        n = (req.period.end - req.period.start) // DAY
        t = req.period.start + DAY * np.arange(n, dtype=np.int64)
        return t, np.full(n, 2.0)  # a returned pair is appended

    ds = sk.Dataset()
    ds.add_channel("instagram:@acme")
    ds.source = source
    assert ds.source is source
    # 10 days of 2.0 = 20
    assert ds.value("impressions", (0, 10 * DAY)) == sk.Value(20.0, sk.Availability.AVAILABLE)
    assert asked == [("impressions", "instagram:@acme", (0, 10 * DAY))]
    assert ds.value("impressions", (0, 5 * DAY)).value == 10.0
    assert len(asked) == 1  # covered already: not asked again
    # a derived metric asks for its components only
    ds.value("engagement_rate_reach", (0, DAY))
    assert sorted(m for m, _, _ in asked[1:]) == ["engagements", "reach"]
    ds.source = None
    assert ds.source is None
    assert ds.value("impressions", (20 * DAY, 21 * DAY)).availability == sk.Availability.MISSING


def test_source_appends_through_the_request_and_requests_expire():
    kept = []

    def source(req):
        kept.append(req)
        req.append([req.period.start], [7.0])
        req.append(np.array([req.period.start + DAY]), np.array([8.0]))

    ds = sk.Dataset()
    ds.source = source
    assert ds.value("likes", (0, 2 * DAY), "x:@acme").value == 15.0
    assert "x:@acme" in ds.channels  # an exact selector is asked for and becomes known
    with pytest.raises(ValueError, match="over"):
        kept[0].append([0], [1.0])
    assert "likes" in repr(kept[0])


class SourceFailure(Exception):
    pass


def test_exception_in_a_source_comes_back_out_unchanged():
    calls = []

    def source(req):
        calls.append(req.metric)
        if len(calls) == 1:
            raise SourceFailure(f"cannot reach the API for {req.metric}")
        return [req.period.start], [1.0]

    ds = sk.Dataset()
    ds.add_channel("x:@acme")
    ds.source = source
    with pytest.raises(SourceFailure, match="cannot reach the API for likes") as e:
        ds.value("likes", (0, DAY))
    assert e.type is SourceFailure
    # the library aborted the query and recorded nothing: the next query asks again
    assert "SourceFailure" in sk._lib.lib.skpi_last_error().decode()
    assert ds.value("likes", (0, DAY)).value == 1.0
    assert calls == ["likes", "likes"]
    # no stale exception leaks into later calls
    assert ds.value("likes", (0, DAY)).value == 1.0


def test_errors_inside_the_callback_and_base_exceptions_come_back_out():
    def bad_values(req):
        req.append([req.period.start], [float("inf")])

    ds = sk.Dataset()
    ds.source = bad_values
    with pytest.raises(sk.InvalidArgumentError, match=r"values\[0\] is infinite"):
        ds.value("likes", (0, DAY), "x:@acme")

    def interrupted(req):
        raise KeyboardInterrupt

    ds.source = interrupted
    with pytest.raises(KeyboardInterrupt):
        ds.value("likes", (0, DAY), "x:@acme")

    ds.source = lambda req: (None, None)
    with pytest.raises(TypeError):
        ds.value("likes", (0, DAY), "x:@acme")
    with pytest.raises(TypeError):
        ds.source = 42


def test_source_exception_reaches_goal_and_okr_calls():
    def broken(req):
        raise LookupError("no such account")

    ds = sk.Dataset()
    ds.add_channel("x:@acme")
    ds.source = broken
    goal = sk.Goal("Reach", metric="impressions", target=100, span=(0, 30 * DAY))
    with pytest.raises(LookupError, match="no such account"):
        goal.evaluate(ds, 10 * DAY)
    obj = sk.Objective("Awareness", period=(0, 30 * DAY))
    obj.add_key_result("Impressions", sk.KeyResultKind.METRIC, 0, 100, metric="impressions")
    with pytest.raises(LookupError, match="no such account"):
        obj.score(10 * DAY, ds)


def test_the_callback_lives_as_long_as_the_dataset():
    ds = sk.Dataset()
    ds.add_channel("x:@acme")

    def attach():
        def local_source(req):  # only the dataset refers to it
            return [req.period.start], [3.0]
        ds.source = local_source

    attach()
    gc.collect()
    assert ds.value("likes", (0, DAY)).value == 3.0


def test_callback_exceptions_stay_on_their_thread():
    import threading

    def failing(req):
        raise RuntimeError("thread A failed")

    def working(req):
        return [req.period.start], [1.0]

    results = {}

    def run(name, src, n):
        ds = sk.Dataset()
        ds.add_channel("x:@acme")
        ds.source = src
        got = []
        for i in range(n):
            try:
                got.append(ds.value("likes", (i * DAY, (i + 1) * DAY)).value)
            except RuntimeError as exc:
                got.append(str(exc))
        results[name] = got

    threads = [threading.Thread(target=run, args=("a", failing, 200)),
               threading.Thread(target=run, args=("b", working, 200))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results["a"] == ["thread A failed"] * 200
    assert results["b"] == [1.0] * 200
