"""A team's effort from Python (docs/resourcing.md): activities, people and
their roles, capacity, hours added one by one or from a timesheet, read
back from a store, and goals and key results naming their activity. Every
expected figure is worked out by hand in the comments (and the timesheet's
sums again with pandas)."""
import io
import math

import pandas as pd
import pytest

import socialkpi as sk

DAY = 86400
MARCH = (sk.parse_time("2026-03-01"), sk.parse_time("2026-04-01"))
APRIL = (sk.parse_time("2026-04-01"), sk.parse_time("2026-05-01"))
# Lena 3.5 + 4, Tom 1.5 on video in March: 9 hours; Maya 2 on community in
# March and 2.5 in April; costs only where given (60 and 45).
TIMESHEET = """date,person,role,activity,hours,cost
2026-03-02,Lena,Content creator,Video production,3.5,
2026-03-03,Maya,Community manager,Community management,2,60
2026-03-09,Lena,Content creator,Video production,4,
2026-03-10,Tom,Content creator,Video production,1.5,45
2026-04-01,Maya,Community manager,Community management,2.5,
"""


def team():
    e = sk.Effort()
    e.add_activity("Video production", "Content creator", "instagram:*", metrics=["engagements"],
                   skills=["filming", "editing"])
    e.add_activity("Community management", "Community manager", metrics=["new_followers", "comments"])
    return e


def test_activities_people_and_roles():
    e = team()
    assert e.activities == [
        sk.Activity("Video production", "Content creator", "instagram:*", ["engagements"], ["filming", "editing"]),
        sk.Activity("Community management", "Community manager", "*", ["new_followers", "comments"], []),
    ]
    e.add_person("Lena", "Content creator")
    e.add_person("Maya", "Community manager")
    assert e.people == [sk.Person("Lena", "Content creator"), sk.Person("Maya", "Community manager")]
    assert e.role_of("Lena") == "Content creator"
    assert e.role_of("Community manager") == "Community manager"
    assert e.role_of("Nobody") is None
    assert e.roles == ["Content creator", "Community manager"]
    with pytest.raises(sk.InvalidArgumentError):
        e.add_person("Lena", "Analyst")  # declared with another role
    with pytest.raises(sk.SocialKPIError):
        e.add_activity("Video production", "Analyst")  # the name is taken


def test_capacity():
    e = team()
    e.set_capacity("Content creator", 60)
    e.set_capacity("Analyst", 6)
    assert e.capacity == {"Content creator": 60.0, "Analyst": 6.0}
    # 60 hours a week over March's 31 days: 60 * 31 / 7 = 265.714...
    assert e.available_hours("Content creator", MARCH) == pytest.approx(60 * 31 / 7, rel=1e-12)
    assert e.available_hours("Community manager", MARCH) == 0.0
    with pytest.raises(sk.SocialKPIError):
        e.set_capacity("Analyst", -1)


def test_hours_added_one_by_one():
    e = team()
    start = sk.parse_time("2026-03-02")
    e.add_hours("Lena", "Video production", (start, start + DAY), 3.5)
    e.add_hours("Community manager", "Community management", (start, start + DAY), 2, cost=60)
    assert e.entries == [sk.HoursEntry("Lena", "Video production", start, start + DAY, 3.5, None),
                         sk.HoursEntry("Community manager", "Community management", start, start + DAY, 2.0, 60.0)]
    assert e.hours() == 5.5
    # Lena is no declared person: her hours count toward the activity's role
    assert e.hours(role="Content creator") == 3.5
    # more than a day holds for one person, negative hours, an unknown activity
    with pytest.raises(sk.SocialKPIError):
        e.add_hours("Lena", "Video production", (start, start + DAY), 25)
    with pytest.raises(sk.SocialKPIError):
        e.add_hours("Lena", "Video production", (start, start + DAY), -1)
    with pytest.raises(sk.SocialKPIError):
        e.add_hours("Lena", "Podcasts", (start, start + DAY), 1)
    assert len(e.entries) == 2  # nothing of the bad calls kept


def test_timesheet_against_pandas():
    e = team()
    e.import_timesheet_text(TIMESHEET)
    df = pd.read_csv(io.StringIO(TIMESHEET))
    df["start"] = [sk.parse_time(d) for d in df["date"]]
    assert [(h.who, h.activity, h.start, h.end, h.hours) for h in e.entries] == [
        (r.person, r.activity, r.start, r.start + DAY, r.hours) for r in df.itertuples()]
    assert [h.cost for h in e.entries] == [None if math.isnan(c) else c for c in df["cost"]]
    # the timesheet declares its people with their roles
    assert e.people == [sk.Person("Lena", "Content creator"), sk.Person("Maya", "Community manager"),
                        sk.Person("Tom", "Content creator")]
    march = df[df["date"].str.startswith("2026-03")]
    assert e.hours("Video production", period=MARCH) == march[march.activity == "Video production"].hours.sum() == 9
    assert e.hours("Community management", period=MARCH) == 2
    assert e.hours("Community management", period=APRIL) == 2.5
    assert e.hours(who="Lena") == df[df.person == "Lena"].hours.sum() == 7.5
    assert e.hours(role="Content creator", period=MARCH) == 9
    assert e.hours() == df.hours.sum() == 13.5


def test_timesheet_all_or_nothing(tmp_path):
    e = team()
    bad = TIMESHEET + "2026-04-02,Tom,Content creator,Video production,-2,\n"
    with pytest.raises(sk.SocialKPIError) as err:
        e.import_timesheet_text(bad)
    assert "line 7" in str(err.value)
    assert e.entries == [] and e.people == []
    path = tmp_path / "timesheet.csv"
    path.write_text(TIMESHEET, encoding="utf-8")
    e.import_timesheet(path)
    assert e.hours() == 13.5


def test_hours_stored_and_read_back(tmp_path):
    e = team()
    e.import_timesheet_text(TIMESHEET)
    with sk.Store.create(tmp_path / "team.db") as st:
        st.write_effort(e)
    fresh = team()
    with sk.Store(tmp_path / "team.db") as st:
        st.read_effort(fresh)
    assert fresh.entries == e.entries
    assert fresh.hours("Video production", period=MARCH) == 9


def test_report_resourcing_section():
    e = team()
    e.import_timesheet_text(TIMESHEET)
    rd = sk.ReportDefinition("Team", audience="management")
    rd.as_of = "2026-04-01"
    rd.set_effort(e)
    ds = sk.Dataset()
    doc = rd.assemble(ds)
    assert "Hours by activity and role, March 2026" in doc.render("markdown")
    rd.set_effort(None)
    assert "Hours by activity and role" not in rd.assemble(ds).render("markdown")


def test_goal_and_key_result_name_their_activity():
    g = sk.Goal("Engagements")
    assert g.activity is None
    g.activity = "Video production"
    assert g.activity == "Video production"
    g.activity = None
    assert g.activity is None
    o = sk.Objective("Reach people")
    kr = o.add_key_result("Engagements", sk.KeyResultKind.METRIC)
    kr.activity = "Community management"
    assert kr.activity == "Community management"


def test_definitions_team():
    defs = sk.Definitions.loads(
        '{"version": 1, "team": {"activities": [{"name": "Stories", "role": "Content creator",'
        ' "metrics": ["engagements"]}], "people": [{"name": "Maya", "role": "Community manager"}]},'
        ' "goals": [{"id": "g", "name": "G", "metric": "engagements", "channel": "*", "activity": "Stories"}]}')
    e = defs.effort
    assert e is not None and [a.name for a in e.activities] == ["Stories"]
    assert e.people == [sk.Person("Maya", "Community manager")]
    assert defs.goals["g"].activity == "Stories"
    assert sk.Definitions().effort is None
