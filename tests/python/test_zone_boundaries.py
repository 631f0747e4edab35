"""Day and month boundaries in IANA zones, checked against Python's zoneinfo.

tests/tools/zone_boundaries walks every day and every month of 2000-2040 in a
zone with the library's calendar and prints each period's label and UTC bounds,
the day's date parsed back in the zone and its start formatted. zoneinfo (with
Debian's tzdata) works out the same from local midnights: days are 23 or 25
hours long where clocks change, Lord Howe's change is 30 minutes, Kathmandu
sits at +05:45. A few far-future years check the library's rules after 2500.
"""
import datetime as dt
import os
import subprocess
from zoneinfo import ZoneInfo

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.environ.get("SKPI_ZONE_BOUNDARIES",
                      os.path.join(ROOT, "build", "tests", "zone_boundaries"))
ZONES = ["America/Los_Angeles", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu"]


def midnight(zone, day):
    """UTC seconds of local midnight; none of these zones skips or repeats it."""
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=zone).timestamp())


def iso(zone, day):
    local = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    off = local.utcoffset()
    if off == dt.timedelta(0):
        return local.strftime("%Y-%m-%dT%H:%M:%SZ")
    sign = "-" if off < dt.timedelta(0) else "+"
    minutes = abs(int(off.total_seconds())) // 60
    return local.strftime("%Y-%m-%dT%H:%M:%S") + "%s%02d:%02d" % (sign, minutes // 60, minutes % 60)


def run(zone, first, last):
    out = subprocess.run([TOOL, zone, str(first), str(last)], check=True,
                         capture_output=True, text=True).stdout
    days = [line.split()[1:] for line in out.splitlines() if line.startswith("D ")]
    months = [line.split()[1:] for line in out.splitlines() if line.startswith("M ")]
    return days, months


def expected_days(zone, first, last):
    day = dt.date(first, 1, 1)
    while day.year <= last:
        following = day + dt.timedelta(days=1)
        yield day, midnight(zone, day), midnight(zone, following)
        day = following


def expected_months(zone, first, last):
    for year in range(first, last + 1):
        for month in range(1, 13):
            start = dt.date(year, month, 1)
            end = dt.date(year + month // 12, month % 12 + 1, 1)
            yield start, midnight(zone, start), midnight(zone, end)


def check(name, first, last):
    zone = ZoneInfo(name)
    days, months = run(name, first, last)
    want_days = list(expected_days(zone, first, last))
    assert len(days) == len(want_days)
    for got, (day, start, end) in zip(days, want_days):
        assert got == [day.isoformat(), str(start), str(end), str(start), iso(zone, day)], got
    want_months = list(expected_months(zone, first, last))
    assert len(months) == len(want_months)
    for got, (month, start, end) in zip(months, want_months):
        assert got == [month.strftime("%Y-%m"), str(start), str(end)], got
    return days


@pytest.mark.parametrize("name", ZONES)
def test_every_day_2000_2040(name):
    days = check(name, 2000, 2040)
    lengths = {int(end) - int(start) for _, start, end, _, _ in days}
    if name == "Asia/Kathmandu":
        assert lengths == {86400}
    elif name == "Australia/Lord_Howe":
        assert lengths == {84600, 86400, 88200}   # 23.5 and 24.5 hours
    else:
        assert lengths == {82800, 86400, 90000}   # 23 and 25 hours


@pytest.mark.parametrize("name", ["America/Los_Angeles", "Australia/Lord_Howe"])
def test_rules_repeat_after_2500(name):
    check(name, 2730, 2731)
    check(name, 9998, 9998)
