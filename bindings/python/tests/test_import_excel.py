"""Excel workbooks: every sheet a preset knows imports, with the figures
openpyxl reads from the same files; hostile workbooks raise ParseError and
change nothing."""
import csv
import datetime
import io
import os
import zipfile

import numpy as np
import pytest

import socialkpi as sk

openpyxl = pytest.importorskip("openpyxl")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "import")


def fixture(name):
    return os.path.join(FIXTURES, name)


def excel_enabled():
    try:
        sk.import_file(sk.Dataset(), fixture("linkedin_creator.xlsx"))
    except sk.ParseError as e:
        if "SKPI_WITH_EXCEL" in str(e):
            return False
        raise
    return True


pytestmark = pytest.mark.skipif(not excel_enabled(), reason="built with SKPI_WITH_EXCEL off")


def day_of(value):
    """A date cell (datetime) or LinkedIn's M/D/YYYY text, as a day."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    m, d, y = (int(p) for p in value.split("/"))
    return datetime.date(y, m, d)


def table(ws, header_first):
    """The rows under the header row whose first cell is header_first."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r and r[0] == header_first)
    header = list(rows[start])
    return header, [r for r in rows[start + 1:] if any(v is not None for v in r)]


def stored(ds, metric, channel, d):
    s = ds.series(metric, channel)
    t = sk.parse_time(d.isoformat())
    i = int(np.searchsorted(s.times, t))
    assert i < len(s.times) and s.times[i] == t, (metric, d)
    return s.values[i]


def same(got, want):
    return (want is None and np.isnan(got)) or got == want


def test_creator_workbook_matches_openpyxl():
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("linkedin_creator.xlsx"))
    book = openpyxl.load_workbook(fixture("linkedin_creator.xlsx"))
    header, rows = table(book["ENGAGEMENT"], "Date")
    assert header == ["Date", "Impressions", "Engagements"]
    for r in rows:
        d = day_of(r[0])
        assert same(stored(ds, "impressions", "linkedin:default", d), r[1])
        assert same(stored(ds, "engagements", "linkedin:default", d), r[2])
    header, rows = table(book["FOLLOWERS"], "Date")
    for r in rows:
        assert same(stored(ds, "new_followers", "linkedin:default", day_of(r[0])), r[1])
    # sums over the week, as a report asks for them
    week = ("2026-01-01", "2026-01-08")
    want = sum(r[1] for r in table(book["ENGAGEMENT"], "Date")[1])
    assert ds.value("impressions", week).value == want
    # the first sheet imported names the preset; the others are named as not imported
    assert summary.preset == sk.Preset.LINKEDIN_ENGAGEMENT
    not_imported = [n.split(" (")[0] for n in summary.ignored_columns if n.startswith("sheet ")]
    known = {"ENGAGEMENT", "FOLLOWERS", "TOP POSTS"}
    assert not_imported == ['sheet "%s"' % n for n in book.sheetnames if n not in known]
    # DISCOVERY's totals are named with their figures
    rows = list(book["DISCOVERY"].iter_rows(values_only=True))
    want = 'sheet "DISCOVERY" (totals for %s: %s; no daily figures)' % (
        rows[0][1], ", ".join("%s %s" % (r[0], r[1]) for r in rows[1:]))
    assert want in summary.ignored_columns


def test_top_posts_rankings_merge_by_url():
    """TOP POSTS: two rankings side by side, read with openpyxl and merged
    by URL here; the posts carry both figures and add no daily flows."""
    ds = sk.Dataset()
    sk.import_file(ds, fixture("linkedin_creator.xlsx"))
    book = openpyxl.load_workbook(fixture("linkedin_creator.xlsx"))
    rows = list(book["TOP POSTS"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Post URL")
    want = {}
    for r in rows[head + 1:]:
        for col, metric in ((0, "engagements"), (4, "impressions")):
            if r[col]:
                post = want.setdefault(r[col], {"date": day_of(r[col + 1])})
                post[metric] = r[col + 2]
    posts = {p.link: p for p in ds.posts}
    assert set(posts) == set(want)
    for url, w in want.items():
        p = posts[url]
        assert p.id == url.rsplit(":", 1)[1]
        assert p.channel == "linkedin:default"
        assert datetime.datetime.fromtimestamp(p.published, datetime.timezone.utc).date() == w["date"]
        for metric in ("engagements", "impressions"):
            assert same(p.value(metric).value, w.get(metric)), (url, metric)
    # the days' impressions are ENGAGEMENT's, not the ranked posts'
    engagement = table(book["ENGAGEMENT"], "Date")[1]
    assert list(ds.series("impressions", "linkedin:default").values) == [r[1] for r in engagement]


def test_discovery_by_day():
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("linkedin_discovery.csv"))
    assert summary.preset == sk.Preset.LINKEDIN_DISCOVERY
    with open(fixture("linkedin_discovery.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        d = day_of(r["Date"])
        assert stored(ds, "reach", "linkedin:default", d) == float(r["Members reached"])
        assert stored(ds, "impressions", "linkedin:default", d) == float(r["Impressions"])


def test_visitors_workbook_inline_strings_and_1904_dates():
    cat = sk.Catalog()  # the built-in metrics and unique visitors
    cat.add_metric("unique_visitors", "Unique visitors", kind=sk.MetricKind.FLOW)
    ds = sk.Dataset(cat)
    with open(fixture("linkedin_visitors.xlsx"), "rb") as f:
        data = f.read()
    summary = sk.import_buffer(ds, data, name="visitors.xlsx")
    assert summary.preset == sk.Preset.LINKEDIN_VISITORS
    book = openpyxl.load_workbook(fixture("linkedin_visitors.xlsx"))
    assert book.epoch == datetime.datetime(1904, 1, 1)
    header, rows = table(book["Visitor metrics"], "Date")
    views = header.index("Total page views (total)")
    unique = header.index("Total unique visitors (total)")
    assert len(rows) == 4
    for r in rows:
        d = day_of(r[0])
        assert same(stored(ds, "profile_visits", "linkedin:default", d), r[views])
        assert same(stored(ds, "unique_visitors", "linkedin:default", d), r[unique])
    assert 'sheet "Location"' in summary.ignored_columns


def test_page_followers_xls_by_hand():
    # Worked out from make_workbooks.py: Total followers 13, 7, 5, 0 on
    # 2026-01-05..08 (the 7th a date cell, serial 46029).
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("linkedin_page_followers.xls"))
    assert summary.preset == sk.Preset.LINKEDIN_PAGE_FOLLOWERS
    s = ds.series("new_followers", "linkedin:default")
    assert list(s.values) == [13.0, 7.0, 5.0, 0.0]
    assert list(s.times) == [sk.parse_time("2026-01-0%d" % d) for d in (5, 6, 7, 8)]
    assert 'sheet "Location"' in summary.ignored_columns


def csv_rows(name):
    with open(fixture(name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_biff_cells_match_the_csv_of_the_same_tables():
    """Every BIFF8 cell form (make_workbooks.py, biff_cells_xls) reads as
    the CSV written beside it from the same values."""
    ds = sk.Dataset()
    summary = sk.import_file(ds, fixture("biff_cells.xls"))
    assert summary.preset == sk.Preset.LINKEDIN_ENGAGEMENT
    for r in csv_rows("biff_cells_engagement.csv"):
        d = datetime.date.fromisoformat(r["Date"])
        assert stored(ds, "impressions", "linkedin:default", d) == float(r["Impressions"])
        want = float(r["Engagements"]) if r["Engagements"] else None
        assert same(stored(ds, "engagements", "linkedin:default", d), want)
    posts = {p.id: p for p in ds.posts}
    rows = csv_rows("biff_cells_posts.csv")
    assert len(posts) == len(rows)
    for r in rows:
        p = posts[r["Post id"]]
        assert p.text == r["Post text"]
        assert p.channel == "x:@acme"
        assert p.value("impressions").value == float(r["Impressions"])
        assert p.value("likes").value == float(r["Likes"])
        day = datetime.datetime.fromtimestamp(p.published, datetime.timezone.utc).date()
        assert day.isoformat() == r["Date"]
    assert 'sheet "Notes"' in summary.ignored_columns


def zip_bytes(parts, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def good_parts():
    with zipfile.ZipFile(fixture("linkedin_visitors.xlsx")) as z:
        return {n: z.read(n) for n in z.namelist()}


def refused(data, *words):
    ds = sk.Dataset()
    sk.import_file(ds, fixture("linkedin_creator.xlsx"))
    before = list(ds.series("impressions", "linkedin:default").values)
    with pytest.raises(sk.ParseError) as e:
        sk.import_buffer(ds, data, name="hostile.xlsx")
    msg = str(e.value)
    assert "hostile.xlsx" in msg
    for w in words:
        assert w in msg, msg
    assert list(ds.series("impressions", "linkedin:default").values) == before


def test_hostile_workbooks_are_refused():
    parts = good_parts()
    sheet = "xl/worksheets/sheet1.xml"
    # the fixture itself imports (with the built-in catalog: nothing stored)
    sk.import_buffer(sk.Dataset(), zip_bytes(parts), name="fine.xlsx")
    # a zip bomb: one part that unpacks to more than the 128 MiB cap
    bomb = dict(parts)
    bomb[sheet] = b"<" + b" " * ((128 << 20) + 16)
    refused(zip_bytes(bomb), "MiB")
    # a shared-string index far beyond the table
    big = dict(parts)
    big[sheet] = parts[sheet].replace(b'"B3" t="s"><v>0</v>', b'"B3" t="s"><v>4294967295000</v>', 1)
    assert big[sheet] != parts[sheet]
    refused(zip_bytes(big), "shared string")
    # missing parts
    refused(zip_bytes({k: v for k, v in parts.items() if k != "xl/workbook.xml"}), "workbook")
    refused(zip_bytes({k: v for k, v in parts.items() if k != sheet}), "missing")
    # entities: workbooks never declare a document type
    laughs = dict(parts)
    laughs["xl/workbook.xml"] = (b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
                                 b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
                                 parts["xl/workbook.xml"].split(b"?>", 1)[1])
    refused(zip_bytes(laughs), "document type")
    # broken XML, a truncated archive, a compound file that holds no workbook
    broken = dict(parts)
    broken[sheet] = parts[sheet][: len(parts[sheet]) // 2]
    refused(zip_bytes(broken), "XML")
    whole = zip_bytes(parts)
    refused(whole[: len(whole) // 2], "zip")
    with open(fixture("linkedin_page_followers.xls"), "rb") as f:
        xls = f.read()
    refused(xls[:600], ".xls")
