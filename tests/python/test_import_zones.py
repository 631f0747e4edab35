"""Imports in the reports' time zone across a daylight-saving change,
checked against Python's zoneinfo (Debian's tzdata).

tests/tools/import_days imports one of our own fixtures with the reports'
calendar in America/Los_Angeles (clocks went forward on 2026-03-08) and
prints where every point and post landed. zoneinfo works out the same
independently: a daily row belongs to the day its date names and starts at
that day's local midnight; a post's daily flows belong to its local
publish day; a post-level export covers the days its file name gives.
"""
import datetime as dt
import os
import subprocess
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.environ.get("SKPI_IMPORT_DAYS", os.path.join(ROOT, "build", "tests", "import_days"))
FIX = os.path.join(ROOT, "tests", "fixtures", "import")
LA = ZoneInfo("America/Los_Angeles")
UTC = dt.timezone.utc


def run(*args):
    out = subprocess.run([TOOL, *args], check=True, capture_output=True, text=True).stdout
    points = [(int(t), float(v)) for kind, _, t, v in
              (line.split() for line in out.splitlines() if line.startswith("S "))]
    posts = {pid: int(t) for _, pid, t in (line.split() for line in out.splitlines() if line.startswith("P "))}
    return points, posts


def midnight(zone, day):
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=zone).timestamp())


def test_meta_daily_rows_land_on_the_day_they_name():
    # The file writes local midnight as T01:00:00 before the change and
    # T00:00:00 after it; each row is the day its date names.
    points, _ = run("America/Los_Angeles", "-", os.path.join(FIX, "meta_daily_pacific_dst.csv"),
                    "facebook:acme", "reach", "facebook:acme")
    days = [dt.date(2026, 3, d) for d in (6, 7, 8, 9, 10)]
    assert points == [(midnight(LA, d), v) for d, v in zip(days, (100, 200, 300, 400, 500))]
    # The change day is 23 hours long: the points are 24, 24, 23, 24 hours apart.
    gaps = [b[0] - a[0] for a, b in zip(points, points[1:])]
    assert gaps == [86400, 86400, 82800, 86400]


def test_x_posts_land_on_their_local_day():
    path = os.path.join(FIX, "tweet_activity_metrics_acme_20260307_20260311_en.csv")
    published = {
        "1898000000000000201": (dt.datetime(2026, 3, 8, 7, 30, tzinfo=UTC), 1000),
        "1898000000000000202": (dt.datetime(2026, 3, 8, 8, 30, tzinfo=UTC), 2000),
        "1898000000000000203": (dt.datetime(2026, 3, 9, 6, 30, tzinfo=UTC), 4000),
        "1898000000000000204": (dt.datetime(2026, 3, 9, 7, 30, tzinfo=UTC), 8000),
    }
    for zone in (LA, UTC):
        points, posts = run("America/Los_Angeles" if zone is LA else "-", "-", path, "-",
                            "impressions", "x:@acme")
        # the times carry "+0000": the same instants in any frame
        assert posts == {pid: int(t.timestamp()) for pid, (t, _) in published.items()}
        # the file name covers 2026-03-07 to 2026-03-10; days without posts are 0
        expected = {dt.date(2026, 3, d): 0.0 for d in (7, 8, 9, 10)}
        for t, impressions in published.values():
            expected[t.astimezone(zone).date()] += impressions
        assert points == [(midnight(zone, d), v) for d, v in sorted(expected.items())]
    # in Los Angeles: 7 March 1000, 8 March 2000 + 4000, 9 March 8000
    la_points, _ = run("America/Los_Angeles", "-", path, "-", "impressions", "x:@acme")
    assert [v for _, v in la_points] == [1000, 6000, 8000, 0]


def test_source_time_zone_reads_times_without_offset():
    # Meta post exports write "07/14/2026 10:00" without a zone; read in
    # Los Angeles (PDT, -07:00) it is 17:00 UTC.
    path = os.path.join(FIX, "facebook_posts.csv")
    _, utc_posts = run("-", "-", path, "-")
    _, la_posts = run("-", "America/Los_Angeles", path, "-")
    ten = dt.datetime(2026, 7, 14, 10, 0)
    assert utc_posts["123_456"] == int(ten.replace(tzinfo=UTC).timestamp())
    assert la_posts["123_456"] == int(ten.replace(tzinfo=LA).timestamp())
    assert la_posts["123_456"] - utc_posts["123_456"] == 7 * 3600


def test_unknown_source_zone_is_refused():
    r = subprocess.run([TOOL, "-", "Mars/Olympus", os.path.join(FIX, "facebook_posts.csv"), "-"],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert "Mars/Olympus" in r.stderr and "IANA" in r.stderr
