"""OKRs through Python: docs/okrs.md's worked example, check-ins, alignment, trajectories."""
import datetime

import numpy as np
import pytest

import socialkpi as sk

UTC = datetime.timezone.utc
Q1 = ("2026-01-01", "2026-04-01")


def ts(y, m, d):
    return int(datetime.datetime(y, m, d, tzinfo=UTC).timestamp())


def worked_example():
    brand = sk.Objective("Become the brand people talk about", period=Q1, curve=sk.Curve.STRETCH,
                         owner="Dana")
    m = brand.add_key_result("Monthly mentions", start=2000, target=5000, stretch=6000)
    m.check_in("2026-03-15", 4400, confidence=0.7, note="campaign helped")
    r = brand.add_key_result("Median first response (h)", start=4, target=1, stretch=0.5, weight=2)
    r.check_in("2026-03-15", 2, confidence=0.5)
    p = brand.add_key_result("Crisis plan signed", sk.KeyResultKind.MILESTONE)
    p.check_in("2026-03-15", 1, confidence=1.0)
    care = sk.Objective("Answer every customer within the hour", period=Q1,
                        type=sk.ObjectiveType.COMMITTED)
    care.add_key_result("Messages answered within 1 h (%)", start=60, target=100).check_in(
        "2026-03-20", 90)
    care.align_under(brand, 1.0)
    return brand, care


def test_worked_example_scores():
    brand, care = worked_example()
    res = brand.score("2026-04-01")
    # stretch curve: 0.7 x (4400 - 2000) / 3000 = 0.56; 0.7 x (2 - 4) / (1 - 4) = 0.4667; done = 1
    kr = res.key_results
    assert kr[0].score == pytest.approx(0.56) and kr[0].rounded == pytest.approx(0.6)
    assert kr[1].score == pytest.approx(0.7 * 2 / 3) and kr[1].rounded == pytest.approx(0.5)
    assert kr[1].achievement == pytest.approx(2 / 3)
    assert kr[2].score == 1.0 and kr[2].band == sk.Band.GREEN
    assert kr[0].value == 4400.0 and kr[0].availability == sk.Availability.AVAILABLE
    assert kr[0].confidence == 0.7 and kr[0].previous_confidence is None
    # the aligned committed objective: (90 - 60) / 40 = 0.75 -> 0.8, missed
    child = res.children[0]
    assert child.score == pytest.approx(0.75) and child.rounded == pytest.approx(0.8)
    assert child.band == sk.Band.GREEN and child.verdict == sk.OkrVerdict.COMMITTED_MISSED
    assert child.confidence is None
    # (1 x 0.56 + 2 x 0.4667 + 1 x 1.0 + 1 x 0.75) / 5 = 0.6487 -> 0.6, yellow, success
    assert res.score == pytest.approx((0.56 + 2 * 0.7 * 2 / 3 + 1.0 + 0.75) / 5)
    assert res.rounded == pytest.approx(0.6) and res.band == sk.Band.YELLOW
    assert res.verdict == sk.OkrVerdict.ASPIRATIONAL_SUCCESS and res.verdict.phrase == "success"
    assert res.elapsed == 1.0 and res.expected == pytest.approx(0.82)
    assert res.status == sk.OkrStatus.AT_RISK
    assert res.confidence == pytest.approx(2.7 / 4)
    assert res.weakest == pytest.approx(0.7 * 2 / 3) and res.mean == pytest.approx(res.score)
    # weakest mode scores the response time's 0.4667
    assert brand.score("2026-04-01", weakest=True).score == pytest.approx(0.7 * 2 / 3)
    # a linear curve imposed on every objective: (0.8 + 2 x 0.6667 + 1 + 0.75) / 5
    assert brand.score("2026-04-01", curve=sk.Curve.LINEAR).score == \
        pytest.approx((0.8 + 2 * 2 / 3 + 1 + 0.75) / 5)
    # a custom curve given as points, (0, 0) to (2, 1): half the linear achievement
    assert brand.score("2026-04-01", curve=[(0, 0), (2, 1)]).key_results[0].score == \
        pytest.approx(0.4)


def test_objective_and_key_result_fields():
    brand, care = worked_example()
    assert brand.title == "Become the brand people talk about" and brand.owner == "Dana"
    assert brand.description == "" and brand.type == sk.ObjectiveType.ASPIRATIONAL
    assert brand.period == (ts(2026, 1, 1), ts(2026, 4, 1))
    assert brand.curve == sk.Curve.STRETCH
    assert brand.children == [care] and care.parent is brand and care.alignment_weight == 1.0
    assert brand.parent is None and brand.alignment_weight is None
    m, r, p = brand.key_results
    assert (m.kind, r.kind, p.kind) == (sk.KeyResultKind.MANUAL, sk.KeyResultKind.MANUAL,
                                        sk.KeyResultKind.MILESTONE)
    assert m.range == (2000.0, 5000.0) and m.direction == sk.KeyResultDirection.INCREASE
    assert r.direction == sk.KeyResultDirection.DECREASE and r.weight == 2.0
    assert m.stretch == 6000.0 and m.commit is None and p.range == (0.0, 1.0)
    assert m.checkins == [sk.CheckIn(ts(2026, 3, 15), 4400.0, 0.7, "campaign helped")]
    assert m.objective is brand
    brand.description = "Why it matters"
    brand.curve = [(0, 0), (1, 0.8), (1.5, 1)]
    assert brand.curve == [(0.0, 0.0), (1.0, 0.8), (1.5, 1.0)]
    m.commit = 3000
    m.title = "Mentions a month"
    assert (m.commit, m.title) == (3000.0, "Mentions a month")
    m.stretch = None
    assert m.stretch is None


def test_check_ins_are_sorted_and_errors_change_nothing():
    obj = sk.Objective("O", period=Q1)
    kr = obj.add_key_result("K", start=0, target=10)
    kr.check_in("2026-02-01", 5, note="second")
    kr.check_in("2026-01-15", 2, confidence=0.4)
    kr.check_in("2026-03-01", None, confidence=0.9)  # confidence only
    assert [c.value for c in kr.checkins] == [2.0, 5.0, None]
    with pytest.raises(sk.DuplicateTimeError):
        kr.check_in("2026-02-01", 6)
    with pytest.raises(sk.RangeError):
        kr.check_in("2026-02-02", 6, confidence=1.5)
    assert len(kr.checkins) == 3
    kr.remove_checkin(0)
    assert kr.checkins[0].note == "second"
    # as of 2026-02-10: the latest value before it is 5 -> 0.5
    assert obj.score("2026-02-10").score == pytest.approx(0.5)
    with pytest.raises(sk.InvalidArgumentError):
        kr.set_range(3, 3)
    with pytest.raises(sk.InvalidArgumentError):
        obj.add_key_result("Same", start=1, target=1)
    assert len(obj.key_results) == 1  # the failed key result was taken out again
    for i in range(4):
        obj.add_key_result(f"K{i}", start=0, target=1)
    with pytest.raises(sk.RangeError):
        obj.add_key_result("Sixth")
    with pytest.raises(sk.InvalidArgumentError):
        sk.Objective("No period").add_key_result("K", start=0, target=1).objective.score(0)


def test_alignment_cycles_and_freeing_either_side():
    a, b, c = sk.Objective("A", period=Q1), sk.Objective("B", period=Q1), sk.Objective("C", period=Q1)
    b.align_under(a)
    c.align_under(b, 2.0)
    with pytest.raises(sk.InvalidArgumentError):
        a.align_under(c)
    assert a.parent is None
    c.align_under(a)  # moves
    assert b.children == [] and a.children == [b, c]
    b.close()
    assert a.children == [c]
    a.close()
    assert c.parent is None
    c.align_under(None)


def test_key_result_handles_follow_their_objective():
    obj = sk.Objective("O", period=Q1)
    k1 = obj.add_key_result("K1", start=0, target=1)
    k2 = obj.add_key_result("K2", start=0, target=1)
    obj.remove_key_result(k1)
    assert k1.closed and repr(k1) == "<KeyResult removed>"
    with pytest.raises(ValueError):
        k1.title
    assert obj.key_results == [k2] and obj.key_results[0] is k2
    obj.remove_key_result(0)
    k3 = obj.add_key_result("K3", start=0, target=1)
    obj.close()
    with pytest.raises(ValueError, match="closed Objective"):
        k3.title


def test_metric_linked_key_result_and_trajectory():
    ds = sk.Dataset()
    t = ts(2026, 1, 1) + 86400 * np.arange(90, dtype=np.int64)
    ds.append("impressions", "instagram:@acme", t, np.full(90, 10.0))
    obj = sk.Objective("Reach", period=Q1)
    kr = obj.add_key_result("Impressions", sk.KeyResultKind.METRIC, 0, 1000,
                            metric="impressions", selector="instagram:*")
    assert (kr.metric, kr.selector) == ("impressions", "instagram:*")
    # flows summed since the period began: 31 days x 10 = 310 of 1000 by 1 February
    res = obj.score("2026-02-01", ds)
    assert res.key_results[0].value == 310.0 and res.score == pytest.approx(0.31)
    assert res.expected == pytest.approx(31 / 90) and res.status == sk.OkrStatus.ON_TRACK
    with pytest.raises(sk.InvalidArgumentError, match="dataset"):
        obj.score("2026-02-01")
    points = obj.trajectory("2026-04-01", sk.Calendar(), sk.Cadence.MONTH, ds)
    assert [p.period for p in points] == [(ts(2026, 1, 1), ts(2026, 2, 1)),
                                          (ts(2026, 2, 1), ts(2026, 3, 1)),
                                          (ts(2026, 3, 1), ts(2026, 4, 1))]
    # 310, 590 and 900 impressions by the end of January, February and March
    assert [p.result.score for p in points] == pytest.approx([0.31, 0.59, 0.9])
    assert points[-1].result.verdict == sk.OkrVerdict.ASPIRATIONAL_ABOVE
