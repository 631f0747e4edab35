"""SMART goals through Python: every field, the check and the evaluation of docs/goals.md's
worked example (the numbers below are that page's hand calculation)."""
import datetime
import math

import pytest

import socialkpi as sk

UTC = datetime.timezone.utc


def ts(y, m, d, h=0):
    return int(datetime.datetime(y, m, d, h, tzinfo=UTC).timestamp())


FOLLOWERS = [((2025, 7, 31), 7000), ((2025, 8, 31), 7400), ((2025, 9, 30), 8400),
             ((2025, 10, 31), 9000), ((2025, 11, 30), 9200), ((2025, 12, 31), 9400),
             ((2026, 1, 31), 9500), ((2026, 2, 28), 9800), ((2026, 3, 31), 10000),
             ((2026, 4, 15), 10300), ((2026, 4, 30), 10600), ((2026, 5, 15), 10800),
             ((2026, 5, 31), 11000), ((2026, 6, 15), 11400), ((2026, 6, 30), 11900)]


@pytest.fixture
def dataset():
    ds = sk.Dataset()
    ds.resolution = 0
    ds.append("followers", "instagram:@acme", [ts(*d, 12) for d, _ in FOLLOWERS],
              [float(v) for _, v in FOLLOWERS])
    yield ds
    ds.close()


def worked_goal(target=20):
    return sk.Goal(
        "Grow Instagram followers", category=sk.Category.COMMUNITY_ENGAGEMENT,
        metric="followers", channel="instagram:@acme",
        baseline=("2026-01-01", "2026-04-01"), target=target, target_kind=sk.TargetKind.PERCENT,
        span=("2026-04-01", "2026-07-01"),
        milestones=[("2026-05-01", 5), ("2026-06-01", 12), ("2026-07-01", 20)],
        relevance="Audience for the autumn launch")


def test_every_field_round_trips():
    g = worked_goal()
    assert g.name == "Grow Instagram followers"
    assert g.category == sk.Category.COMMUNITY_ENGAGEMENT
    assert g.category.key == "community_engagement" and g.category.label == "Community engagement"
    assert g.metric == "followers" and g.channel == "instagram:@acme"
    assert g.direction == sk.GoalDirection.INCREASE and g.cadence == sk.Cadence.MONTH
    assert g.baseline_kind == sk.BaselineKind.PERIOD
    assert g.baseline == (ts(2026, 1, 1), ts(2026, 4, 1))
    assert (g.target_kind, g.target) == (sk.TargetKind.PERCENT, 20.0)
    assert g.span == (ts(2026, 4, 1), ts(2026, 7, 1))
    assert g.milestones == [(ts(2026, 5, 1), 5.0), (ts(2026, 6, 1), 12.0), (ts(2026, 7, 1), 20.0)]
    assert g.relevance == "Audience for the autumn launch" and g.owner is None
    g.owner = "Dana"
    g.baseline = 9500
    assert g.baseline_kind == sk.BaselineKind.VALUE and g.baseline == 9500.0
    g.baseline = None
    assert g.baseline_kind == sk.BaselineKind.NONE and g.baseline is None
    g.category = "reputation"
    assert g.category == sk.Category.REPUTATION
    g.direction = sk.GoalDirection.STAY_AT_LEAST
    g.cadence = sk.Cadence.WEEK
    g.remove_milestone(0)
    c = g.copy()
    g.name = "Renamed"
    assert (c.name, c.owner, c.direction, c.cadence, len(c.milestones)) == \
        ("Grow Instagram followers", "Dana", sk.GoalDirection.STAY_AT_LEAST, sk.Cadence.WEEK, 2)
    assert sk.Goal("Bare").span is None and math.isnan(sk.Goal("Bare").target)


def test_goal_errors_leave_it_unchanged():
    g = worked_goal()
    with pytest.raises(sk.InvalidArgumentError):
        g.name = ""
    with pytest.raises(sk.InvalidArgumentError):
        g.metric = "New-Followers"
    with pytest.raises(sk.AlreadyExistsError):
        g.add_milestone("2026-05-01", 6)
    with pytest.raises(sk.InvalidArgumentError) as e:
        g.span = ("2026-05-15", "2026-07-01")  # the 1 May milestone would fall outside
    assert "milestone" in str(e.value)
    with pytest.raises(sk.InvalidArgumentError):
        g.set_target(-100, sk.TargetKind.PERCENT)
    with pytest.raises(sk.NotFoundError):
        g.category = "no_such_category"
    with pytest.raises(TypeError):
        sk.Goal("x", colour="red")
    assert g.name == "Grow Instagram followers" and g.span == (ts(2026, 4, 1), ts(2026, 7, 1))
    assert len(g.milestones) == 3 and g.target == 20.0


def test_categories():
    assert sk.Category.CUSTOMER_SERVICE.metrics[:2] == ["csat", "response_rate"]
    assert sk.Category.CRISIS_MANAGEMENT.metrics == []
    assert sk.Category.BRAND_AWARENESS.recommends("reach")
    assert not sk.Category.BRAND_AWARENESS.recommends("cpc")
    assert sk.Category.from_key("leads") == sk.Category.LEADS


def test_smart_check_of_the_worked_example(dataset):
    check = worked_goal().check(dataset)
    # Needed (12000 - 10000) / 3 = 666.67 a month; the six 3-month windows of
    # the history grew 666.67, 600, 333.33, 166.67, 200, 200: median 266.67,
    # best 666.67 -> stretch (warn)
    assert check.achievability == sk.Achievability.STRETCH
    assert check.achievable.verdict == sk.Verdict.WARN
    assert check.achievable.reason.startswith("stretch")
    assert check.required_rate == pytest.approx(2000 / 3)
    assert check.median_rate == pytest.approx((200 + 1000 / 3) / 2)
    assert check.best_rate == pytest.approx(2000 / 3)
    assert (check.window_periods, check.window_count) == (3, 6)
    assert check.specific.verdict == sk.Verdict.PASS
    assert check[sk.Letter.MEASURABLE].verdict == sk.Verdict.PASS
    assert check.relevant.verdict == check.time_bound.verdict == sk.Verdict.PASS
    assert check.overall == sk.Verdict.WARN
    assert check.verdicts() == {"specific": "pass", "measurable": "pass", "achievable": "warn",
                                "relevant": "pass", "time_bound": "pass"}
    # +40 % = 14000 needs 1333.33 a month: more than the best, unrealistic;
    # +5 % needs 166.67: realistic
    assert worked_goal(40).check(dataset).achievability == sk.Achievability.UNREALISTIC
    assert worked_goal(5).check(dataset).achievable.verdict == sk.Verdict.PASS
    # without data the letters that need it warn; an empty goal fails
    assert worked_goal().check().measurable.verdict == sk.Verdict.WARN
    assert sk.Goal("Empty").check(dataset).specific.verdict == sk.Verdict.FAIL


def test_evaluation_of_the_worked_example(dataset):
    g = worked_goal()
    ev = g.evaluate(dataset, "2026-04-20")
    assert ev.status == sk.GoalStatus.ON_TRACK
    assert ev.baseline == sk.Value(10000.0, sk.Availability.AVAILABLE)
    assert ev.current.value == 10300.0 and ev.target == 12000.0
    assert ev.progress == pytest.approx(0.15)                   # 300 / 2000
    assert ev.expected_progress == pytest.approx(0.25 * 19 / 30)
    assert ev.periods_left == 3
    assert ev.pace_needed == pytest.approx(1700 / 3)            # 566.67
    assert ev.pace_recent == pytest.approx(21800 / 60)          # 363.33
    assert ev.forecast == pytest.approx(79700 / 9 + 21800 / 60 * 7)  # 11398.89
    assert ev.forecast_method == sk.ForecastMethod.LINEAR
    assert ev.backtests == 4 and ev.likelihood == pytest.approx(1 / 6)
    assert ev.as_of == ts(2026, 4, 20)
    assert [m.state for m in ev.milestones] == [sk.MilestoneState.PENDING] * 3
    assert [m.target for m in ev.milestones] == [10500.0, 11200.0, 12000.0]

    may = g.evaluate(dataset, "2026-05-20")
    assert may.progress == pytest.approx(0.4)
    assert may.expected_progress == pytest.approx(0.25 + 0.35 * 19 / 31)
    assert may.status == sk.GoalStatus.ON_TRACK
    assert may.milestones[0] == (sk.MilestoneState.HIT, 10500.0, 10600.0)

    june = g.evaluate(dataset, "2026-06-20")
    assert june.progress == pytest.approx(0.7)
    assert june.expected_progress == pytest.approx(0.6 + 0.4 * 19 / 30)
    assert june.status == sk.GoalStatus.AT_RISK                 # shortfall 0.153
    assert june.milestones[1] == (sk.MilestoneState.MISSED, 11200.0, 11000.0)
    assert june.pace_needed == pytest.approx(600.0)

    july = g.evaluate(dataset, "2026-07-10")
    assert july.status == sk.GoalStatus.MISSED and july.progress == pytest.approx(0.95)
    assert july.forecast_method == sk.ForecastMethod.NONE
    # a looser tolerance moves June from at risk to on track
    assert g.evaluate(dataset, "2026-06-20", on_track_gap=0.2).status == sk.GoalStatus.ON_TRACK


def test_evaluation_errors(dataset):
    with pytest.raises(sk.InvalidArgumentError) as e:
        sk.Goal("No target", metric="followers", span=(0, 86400)).evaluate(dataset, 100)
    assert "target" in str(e.value)
    with pytest.raises(sk.NotFoundError):
        sk.Goal("Unknown", metric="zzz", target=1, span=(0, 86400)).evaluate(dataset, 100)
    with pytest.raises(sk.InvalidArgumentError):
        worked_goal().evaluate(dataset, "2026-04-20", at_risk_gap=0.01)  # below on_track_gap
    with pytest.raises(TypeError):
        worked_goal().evaluate(dataset, "2026-04-20", colour=1)
    with pytest.raises(TypeError):
        worked_goal().evaluate(sk.Catalog(), "2026-04-20")  # not a Dataset
