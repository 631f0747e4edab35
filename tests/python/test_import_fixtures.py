"""The importer's handling of what real exports do, on fixtures of our own in
tests/fixtures/import/ that reproduce their structure: every figure the
importer stores is compared with an independent reading of the same file
with Python's csv module (the expectations never come from the importer)."""
import collections
import csv
import datetime
import io
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "import")
DUMP = os.environ.get("SKPI_IMPORT_DUMP")


def fixture(name):
    return os.path.join(FIXTURES, name)


def run(files, *options):
    """The importer's output (tests/tools/import_dump.c), parsed."""
    if not DUMP:
        pytest.skip("SKPI_IMPORT_DUMP is not set (ctest sets it)")
    proc = subprocess.run([DUMP, *options, *files], capture_output=True, text=True)
    out = {"files": [], "ignored": [], "warnings": [], "error_rows": [], "skipped": {},
           "covers": None, "points": {}, "seconds": {}, "posts": {}, "months": {}, "tags": {},
           "error": None}
    for line in proc.stdout.splitlines():
        w = line.split("\t")
        if w[0] == "file":
            out["files"].append(dict(zip(w[2::2], w[3::2])) | {"name": w[1]})
        elif w[0] == "ignored":
            out["ignored"].append(w[1])
        elif w[0] == "warning":
            out["warnings"].append(w[1])
        elif w[0] == "error_row":
            out["error_rows"].append(int(w[1]))
        elif w[0] == "skipped":
            out["skipped"][int(w[1])] = int(w[2])
        elif w[0] == "covers":
            out["covers"] = (w[1], w[2])
        elif w[0] == "point":
            out["points"][(w[1], w[2], w[3])] = float(w[5])
            out["seconds"][(w[1], w[2], w[3])] = int(w[4])
        elif w[0] == "month":
            out["months"][(w[1], w[2], w[3])] = (float(w[4]), w[5])
        elif w[0] == "post":
            out["posts"][(w[1], w[2])] = (w[3], {k: float(v) for k, v in
                                                  (x.split("=") for x in w[4:])})
        elif w[0] == "tags":
            out["tags"][(w[1], w[2])] = w[3:]
        elif w[0] == "error":
            out["error"] = (int(w[1]), w[2])
    assert (proc.returncode == 0) == (out["error"] is None), proc.stderr
    return out


def number(text):
    """Missing ('', '-') is None, never zero; thousands separators go."""
    text = text.strip()
    if text in ("", "-", "--"):
        return None
    return float(text.replace(",", ""))


# ---- Meta daily files -------------------------------------------------------

# What each title means, as Meta's own help pages define the numbers.
META_TITLES = {
    "Facebook visits": ("facebook", "profile_visits"),
    "Instagram profile visits": ("instagram", "profile_visits"),
    "Facebook follows": ("facebook", "new_followers"),
    "Instagram follows": ("instagram", "new_followers"),
    "Facebook Page reach": ("facebook", "reach"),
    "Reach": (None, "reach"),
}


def meta_sections(path):
    """(title, [(date text, value text)]) per section of a Meta daily file."""
    with open(path, encoding="utf-16") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["sep=", ""]  # the separator line, read as CSV
    sections, title = [], None
    for row in rows[1:]:
        if not row:
            continue
        if len(row) == 1:
            title = row[0]
            sections.append((title, []))
        elif row != ["Date", "Primary"]:
            sections[-1][1].append((row[0], row[1]))
    return sections


def meta_expected(path, channel=None):
    points = {}
    for title, rows in meta_sections(path):
        network, metric = META_TITLES[title]
        ch = channel if network is None else network + ":default"
        for date, value in rows:
            v = number(value)
            if v is not None:
                points[(metric, ch, date[:10])] = v
    return points


@pytest.mark.parametrize("name", ["meta_daily_fb_visits.csv", "meta_daily_ig_profile_visits.csv"])
def test_meta_visits_import(name):
    got = run([fixture(name)])
    assert got["error"] is None
    assert got["points"] == meta_expected(fixture(name))
    assert got["ignored"] == []


def test_meta_daily_metric_the_catalog_lacks_is_reported_not_fatal():
    got = run([fixture("meta_daily_unknown_metric.csv"), fixture("meta_daily_fb_visits.csv")])
    assert got["error"] is None
    (title, rows), = meta_sections(fixture("meta_daily_unknown_metric.csv"))
    assert got["ignored"] == [title]
    assert got["files"][0]["points"] == "0"
    # Its rows are counted as skipped for an unknown metric (reason 3)...
    assert got["skipped"].get(3) == len(rows)
    # ...and the next file still imports.
    assert got["points"] == meta_expected(fixture("meta_daily_fb_visits.csv"))


def test_meta_daily_sections_go_to_their_own_network():
    got = run([fixture("meta_daily_two_sections.csv")])
    expected = meta_expected(fixture("meta_daily_two_sections.csv"))
    assert {ch for _, ch, _ in expected} == {"facebook:default", "instagram:default"}
    assert got["points"] == expected


def test_meta_daily_title_without_network_needs_a_channel():
    got = run([fixture("meta_daily_reach_no_network.csv")])
    code, message = got["error"]
    assert code == -1  # SKPI_EINVAL
    assert "channel option" in message and '"Reach"' in message
    got = run([fixture("meta_daily_reach_no_network.csv")], "--channel", "instagram:@acme")
    assert got["points"] == meta_expected(fixture("meta_daily_reach_no_network.csv"),
                                          "instagram:@acme")


def test_meta_daily_section_of_another_network_than_the_channel_warns():
    got = run([fixture("meta_daily_two_sections.csv")], "--channel", "instagram:@acme")
    expected = {}
    for title, rows in meta_sections(fixture("meta_daily_two_sections.csv")):
        network, metric = META_TITLES[title]
        ch = "instagram:@acme" if network == "instagram" else network + ":default"
        expected.update({(metric, ch, d[:10]): number(v) for d, v in rows})
    assert got["points"] == expected
    assert len(got["warnings"]) == 1 and "facebook:default" in got["warnings"][0]


@pytest.mark.parametrize("offset", [0, 120, -300])
def test_meta_daily_rows_land_on_the_day_their_date_names(offset):
    path = fixture("meta_daily_dst.csv")
    (_, rows), = meta_sections(path)
    # The fixture really mixes the two times of day.
    assert {d[10:] for d, _ in rows} == {"T01:00:00", "T00:00:00"}
    got = run([path], "--utc-offset", str(offset))
    assert got["points"] == meta_expected(path)
    assert set(got["seconds"].values()) == {0}  # local midnight of that day


# ---- Meta post exports ------------------------------------------------------

FACEBOOK_COLUMNS = {  # header name (any case) -> catalog metric
    "views": "impressions", "reach": "reach", "reactions, comments and shares": "engagements",
    "reactions": "likes", "comments": "comments", "shares": "shares",
    "link clicks": "link_clicks", "seconds viewed": "watch_time",
}


def facebook_expected(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = [h.lower() for h in rows[0]]
    first = {}
    for i, h in enumerate(header):
        first.setdefault(h, i)  # the first of two equal names is the one imported
    posts, error_lines, days = {}, [], collections.defaultdict(lambda: collections.Counter())
    for line, row in enumerate(rows[1:], start=2):
        if not row[0]:
            assert any(x.startswith("An error occurred while computing metadata") for x in row)
            error_lines.append(line)
            continue
        row = row + [""] * (len(header) - len(row))  # short rows: missing values
        when = datetime.datetime.strptime(row[first["publish time"]], "%m/%d/%Y %H:%M")
        values = {}
        for name, metric in FACEBOOK_COLUMNS.items():
            v = number(row[first[name]])
            if v is not None:
                values[metric] = v
        posts[row[0]] = (when.date().isoformat(), values)
        days[when.date()].update(values)
        days[when.date()]["posts_published"] += 1
    return posts, error_lines, days


def test_facebook_post_export_of_2025():
    path = fixture("facebook_posts_2025.csv")
    posts, error_lines, days = facebook_expected(path)
    got = run([path])
    assert got["error"] is None
    # Short rows, duplicate names and the error row are all in the fixture.
    with open(path, encoding="utf-8-sig", newline="") as f:
        lengths = [len(r) for r in csv.reader(f)]
    assert min(lengths) < lengths[0]
    got_posts = {pid: v for (ch, pid), v in got["posts"].items()}
    assert {ch for ch, _ in got["posts"]} == {"facebook:Acme Bakery"}
    assert got_posts == posts
    assert got["error_rows"] == error_lines and got["skipped"][6] == len(error_lines)
    assert "Ad impressions" in got["ignored"] and "IMPRESSION:UNIQUE_USERS" in got["ignored"]
    assert sum(1 for w in got["warnings"] if '"Views" twice' in w) == 1
    # Daily flows: every day from the first post to the last, zero without posts.
    first, last = min(days), max(days)
    assert got["covers"] == (first.isoformat(), (last + datetime.timedelta(days=1)).isoformat())
    for n in range((last - first).days + 1):
        d = first + datetime.timedelta(days=n)
        for metric in set(FACEBOOK_COLUMNS.values()) | {"posts_published"}:
            assert got["points"][(metric, "facebook:Acme Bakery", d.isoformat())] == \
                days[d].get(metric, 0.0), (metric, d)


def test_meta_custom_labels_are_tags():
    """Each comma-separated label of "Custom labels" is a tag of its post,
    blanks around it dropped, one tag whatever the case (Python's casefold)
    and no empty ones."""
    path = fixture("facebook_posts_labels.csv")
    expected = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            tags, seen = [], set()
            for piece in row["Custom labels"].split(","):
                label = piece.strip(" \t")
                body = label[1:] if label.startswith("#") else label
                if body.strip(" \t") and body.casefold() not in seen:
                    seen.add(body.casefold())
                    tags.append(label)
            if tags:
                expected[("facebook:" + row["Page name"], row["Post ID"])] = tags
    got = run([path])
    assert got["error"] is None
    assert len(got["posts"]) == 4
    assert got["tags"] == expected


def test_more_fields_than_the_header_is_still_an_error():
    path = fixture("facebook_posts_2025.csv")
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    lines = text.split("\n")
    lines[1] += ',"extra"'
    bad = os.path.join(os.environ.get("TMPDIR", "/tmp"), "skpi_fb_long_row.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    code, message = run([bad])["error"]
    assert code == -5 and "line 2" in message and "expected 31 fields" in message


# ---- files re-saved in a spreadsheet -----------------------------------------

def test_semicolon_and_day_first_dates_are_detected():
    path = fixture("linkedin_resaved_semicolon.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))  # the test knows the separator
    header = rows[1]
    expected = {}
    for row in rows[2:]:
        day = datetime.datetime.strptime(row[0], "%d-%m-%Y").date().isoformat()
        r = dict(zip(header, row))
        expected[("impressions", "linkedin:default", day)] = number(r["Impressions (total)"])
        expected[("link_clicks", "linkedin:default", day)] = number(r["Clicks (total)"])
    # The first dates read both ways; a later one (13-06-2025) settles it.
    assert any(int(r[0][:2]) <= 12 for r in rows[2:]) and any(int(r[0][:2]) > 12 for r in rows[2:])
    got = run([path])
    assert got["error"] is None
    assert got["points"] == expected


def test_rows_wrapped_in_quotes_with_tabs():
    path = fixture("generic_long_tab_quoted_rows.csv")
    with open(path, encoding="utf-8", newline="") as f:
        wrapped = [r[0] for r in csv.reader(f)]  # one field per line: the whole row
    rows = list(csv.reader(io.StringIO("\n".join(wrapped)), delimiter="\t"))
    expected = {}
    for d, ch, metric, value in rows[1:]:
        day = datetime.datetime.strptime(d, "%d.%m.%Y").date().isoformat()
        v = number(value)
        expected[(metric, ch, day)] = float("nan") if v is None else v
    got = run([path])
    assert got["error"] is None
    assert got["points"].keys() == expected.keys()
    for k, v in expected.items():
        assert got["points"][k] == v or (v != v and got["points"][k] != got["points"][k]), k


def test_ambiguous_dates_need_the_date_order():
    path = fixture("generic_long_ambiguous_dates.csv")
    code, message = run([path])["error"]
    assert code == -5 and "date order" in message and "line 2" in message
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))[1:]
    for order, fmt in (("day", "%d/%m/%Y"), ("month", "%m/%d/%Y")):
        expected = {("impressions", ch, datetime.datetime.strptime(d, fmt).date().isoformat()):
                    number(v) for d, ch, _, v in rows}
        assert run([path], "--date-order", order)["points"] == expected


def test_a_date_against_the_given_order_is_an_error():
    code, message = run([fixture("linkedin_resaved_semicolon.csv")], "--date-order", "month")["error"]
    assert code == -5 and "13-06-2025" in message and "day first" in message


# ---- post-level exports cover their whole range -----------------------------

def x_expected(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    days = collections.defaultdict(collections.Counter)
    for r in rows:
        when = datetime.datetime.strptime(r["time"], "%Y-%m-%d %H:%M %z")
        day = when.astimezone(datetime.timezone.utc).date()
        days[day]["impressions"] += number(r["impressions"])
        days[day]["engagements"] += number(r["engagements"])
        days[day]["posts_published"] += 1
    return days


def test_x_file_name_gives_the_range_and_days_without_posts_are_zero():
    name = "tweet_activity_metrics_acme_20250301_20250401_en.csv"
    days = x_expected(fixture(name))
    got = run([fixture(name)])
    # X names the range [first day, next file's first day).
    assert got["covers"] == ("2025-03-01", "2025-04-01")
    march = [datetime.date(2025, 3, 1) + datetime.timedelta(days=n) for n in range(31)]
    assert len(days) < len(march)  # the fixture has days without posts
    for d in march:
        for metric in ("impressions", "engagements", "posts_published"):
            assert got["points"][(metric, "x:@acme", d.isoformat())] == days[d][metric]
    for metric in ("impressions", "engagements", "posts_published"):
        total = sum(c[metric] for c in days.values())
        assert got["months"][(metric, "x:@acme", "2025-03")] == (total, "available")


def test_covered_range_from_the_options():
    path = fixture("facebook_posts_2025.csv")
    posts, _, days = facebook_expected(path)
    got = run([path])
    assert got["months"][("impressions", "facebook:Acme Bakery", "2025-04")][1] == "partial"
    got = run([path], "--covers-from", "2025-04-01", "--covers-to", "2025-04-30")
    assert got["covers"] == ("2025-04-01", "2025-05-01")
    total = sum(c["impressions"] for c in days.values())
    assert got["months"][("impressions", "facebook:Acme Bakery", "2025-04")] == (total, "available")
    assert got["points"][("impressions", "facebook:Acme Bakery", "2025-04-30")] == 0.0
