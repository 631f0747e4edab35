"""The XLSX renderer read back with openpyxl (Debian's python3-openpyxl).

The demo report is rendered as JSON and as XLSX by the skpi tool; every
figure of the JSON, parsed by the json module, must be in the workbook with
the same value and as a number (percent figures as the fraction Excel's
percent format shows, dates as dates), and every text as text. Hostile text
built through the Python binding must load, stay text (never a formula) and
keep the sheet names Excel accepts. docs/report.md describes the layout."""
import datetime
import io
import json
import math
import os
import re
import subprocess
import sys
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))

openpyxl = pytest.importorskip("openpyxl")
if not os.environ.get("SOCIALKPI_LIBRARY"):
    pytest.skip("SOCIALKPI_LIBRARY is not set", allow_module_level=True)

import socialkpi  # noqa: E402

if not socialkpi.Format.XLSX.supported:
    pytest.skip("the library was built without SKPI_WITH_XLSX", allow_module_level=True)

GENERATED = "2026-04-01T08:00:00Z"
TABULAR = ("kpi_table", "table", "chart", "goals", "objectives", "posts")


# ---- the demo report, as JSON and as XLSX ---------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tool = os.environ.get("SKPI_TOOL")
    if not tool:
        pytest.skip("SKPI_TOOL is not set")
    d = tmp_path_factory.mktemp("demo")
    subprocess.run([tool, "demo", "--dir", str(d), "--format", "json", "--generated-at", GENERATED, "-q"],
                   check=True, stdout=subprocess.DEVNULL)
    common = ["--config", str(d / "definitions.json"), "--db", str(d / "demo.db"), "--as-of", "2026-04-01",
              "--generated-at", GENERATED]
    subprocess.run([tool, "report", *common, "--format", "xlsx", "-o", str(d / "report.xlsx")], check=True)
    # the JSON of the same report (the demo's own carries its team's hours,
    # which it keeps out of the store)
    subprocess.run([tool, "report", *common, "--format", "json", "-o", str(d / "report.json")], check=True)
    with open(d / "report.json", encoding="utf-8") as f:
        doc = json.load(f)
    with open(d / "report.xlsx", "rb") as f:
        data = f.read()
    return doc, data, d


def number_cell(cell, expected, scale=1.0):
    """A JSON number (or null) against a cell: a number of the same value, or empty."""
    if expected is None:
        assert cell.value is None, (cell.coordinate, cell.value)
        return
    assert isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool), \
        (cell.coordinate, cell.value)
    want = expected * scale
    # Excel keeps 15 to 17 significant digits; the writer gives 16.
    assert math.isclose(cell.value, want, rel_tol=1e-14, abs_tol=1e-15), (cell.coordinate, cell.value, want)
    if scale != 1.0:
        assert "%" in cell.number_format, (cell.coordinate, cell.number_format)


def value_cell(cell, v, scale=1.0):
    number_cell(cell, v["number"], scale)


def text_cell(cell, expected):
    assert cell.value == expected, (cell.coordinate, cell.value, expected)
    if expected is not None:
        assert cell.data_type == "s"


def date_of(text):
    """The date a JSON date text names ("2026-06-30", "2026-03"), by hand."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    assert m, text
    return datetime.datetime(int(m[1]), int(m[2]), int(m[3] or 1))


def date_cell(cell, text):
    if text is None:
        assert cell.value is None
        return
    assert isinstance(cell.value, datetime.datetime), (cell.coordinate, cell.value)
    assert cell.value == date_of(text)


def percent_scale(unit):
    return 0.01 if unit == "percent" else 1.0


def columns(ws):
    """Header name -> column number, from row 2."""
    return {c.value: c.column for c in ws[2] if c.value is not None}


def check_kpi_table(ws, b):
    col = columns(ws)
    assert ws.freeze_panes == "A3"
    for i, k in enumerate(b["rows"]):
        r = 3 + i
        cell = lambda name: ws.cell(r, col[name])  # noqa: E731
        text_cell(cell("Metric"), k["label"])
        text_cell(cell("Channel"), k["channel"])
        number_cell(cell("Level"), k["level"])
        text_cell(cell("Unit"), k["unit"])
        s = percent_scale(k["unit"])
        value_cell(cell("Value"), k["value"], s)
        text_cell(cell("Value availability"), k["value"]["availability"])
        value_cell(cell("Previous"), k["previous"], s)
        text_cell(cell("Previous availability"), k["previous"]["availability"])
        value_cell(cell("Change"), k["change"], s)
        value_cell(cell("Change %"), k["change_percent"], 0.01)
        value_cell(cell("Change pp"), k["change_points"])
        if b["comparison2"] is not None:
            value_cell(cell("Previous 2"), k["previous2"], s)
            text_cell(cell("Previous 2 availability"), k["previous2"]["availability"])
            value_cell(cell("Change 2"), k["change2"], s)
            value_cell(cell("Change 2 %"), k["change2_percent"], 0.01)
            value_cell(cell("Change 2 pp"), k["change2_points"])
        for j, v in enumerate(k["sparkline"]):
            number_cell(cell(f"Trend {j + 1}"), v, s)
        # number formats: thousands for counts, percent for percent metrics
        if k["value"]["number"] is not None:
            fmt = cell("Value").number_format
            assert ("%" in fmt) if k["unit"] == "percent" else ("#,##0" in fmt), fmt


def check_table(ws, b):
    assert [c.value for c in ws[2]][:len(b["columns"])] == [c["header"] for c in b["columns"]]
    for i, row in enumerate(b["rows"]):
        for j, text in enumerate(row):
            text_cell(ws.cell(3 + i, 1 + j), text or None)


def check_chart(ws, b):
    names = [s["name"] for s in b["series"]]
    assert [c.value for c in ws[2]] == ["Label"] + names
    labels = []
    for s in b["series"]:
        for p in s["points"]:
            if p["label"] not in labels:
                labels.append(p["label"])
    all_dates = all(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", label) for label in labels)
    for k, label in enumerate(labels):
        if all_dates:
            date_cell(ws.cell(3 + k, 1), label)
        else:
            text_cell(ws.cell(3 + k, 1), label)
    s_unit = percent_scale(b["unit"])
    for j, s in enumerate(b["series"]):
        for p in s["points"]:
            number_cell(ws.cell(3 + labels.index(p["label"]), 2 + j), p["value"], s_unit)


def check_goals(ws, b):
    col = columns(ws)
    for i, g in enumerate(b["goals"]):
        r = 3 + i
        cell = lambda name: ws.cell(r, col[name])  # noqa: E731
        text_cell(cell("Goal"), g["name"])
        text_cell(cell("Status"), g["status_label"] or g["status"])
        s = percent_scale(g["unit"])
        value_cell(cell("Current"), g["current"], s)
        value_cell(cell("Target"), g["target"], s)
        # progress figures are fractions already (1 = the target)
        for name in ("progress", "expected", "forecast"):
            value_cell(cell(name.capitalize()), g[name])
            # an empty cell (a goal to stay above a level has no forecast
            # progress) keeps the general format
            if g[name]["number"] is not None:
                assert "%" in cell(name.capitalize()).number_format
        date_cell(cell("Deadline"), g["deadline"])
        text_cell(cell("Note"), g["note"])


def check_objectives(ws, b):
    col = columns(ws)
    r = 3
    for o in b["objectives"]:
        cell = lambda name: ws.cell(r, col[name])  # noqa: E731
        text_cell(cell("Objective"), o["title"])
        assert cell("Key result").value is None
        text_cell(cell("Owner"), o["owner"])
        text_cell(cell("Kind"), "aspirational" if o["aspirational"] else "committed")
        value_cell(cell("Score"), o["score"])
        value_cell(cell("Graded"), o["score_rounded"])
        text_cell(cell("Band"), o["band_label"] or o["band"])
        text_cell(cell("Note"), o["interpretation"])
        r += 1
        for kr in o["key_results"]:
            text_cell(cell("Objective"), o["title"])
            text_cell(cell("Key result"), kr["title"])
            value_cell(cell("Score"), kr["score"])
            text_cell(cell("Unit"), kr["unit"])
            s = percent_scale(kr["unit"])
            for name in ("start", "current", "target"):
                value_cell(cell(name.capitalize()), kr[name], s)
            text_cell(cell("Note"), kr["note"])
            assert ws.row_dimensions[r].outline_level == 1
            r += 1


def check_posts(ws, b):
    col = columns(ws)
    for i, p in enumerate(b["posts"]):
        r = 3 + i
        cell = lambda name: ws.cell(r, col[name])  # noqa: E731
        number_cell(cell("Rank"), i + 1)
        text_cell(cell("Channel"), p["channel"])
        if p["published"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", p["published"]):
            date_cell(cell("Published"), p["published"])
        else:
            text_cell(cell("Published"), p["published"])
        text_cell(cell("Metric"), p["metric"])
        value_cell(cell("Value"), p["value"], percent_scale(p["unit"]))
        value_cell(cell("Ratio to usual"), p["ratio"])
        text_cell(cell("Text"), p["text"])
        text_cell(cell("URL"), p["url"])


CHECKS = {"kpi_table": check_kpi_table, "table": check_table, "chart": check_chart, "goals": check_goals,
          "objectives": check_objectives, "posts": check_posts}


def test_every_json_figure_is_in_the_workbook(demo):
    doc, data, _ = demo
    wb = openpyxl.load_workbook(io.BytesIO(data))
    blocks = [b for b in doc["blocks"] if b["type"] in TABULAR]
    assert len(blocks) >= 5
    assert wb.sheetnames[0] == "Summary"
    assert len(wb.sheetnames) == 1 + len(blocks)
    for b, ws in zip(blocks, wb.worksheets[1:]):
        # the caption of the sheet is the block's title, else the heading above it
        if b["title"]:
            assert ws["A1"].value == b["title"]
            t = b["title"]
            assert ws.title == (t if len(t) <= 31 else t[:30] + "\u2026")
        CHECKS[b["type"]](ws, b)
        assert ws.freeze_panes == "A3"


def test_summary_sheet_holds_the_narrative(demo):
    doc, data, _ = demo
    ws = openpyxl.load_workbook(io.BytesIO(data))["Summary"]
    cells = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert cells[0] == doc["title"] and cells[1] == doc["subtitle"]
    assert datetime.datetime(2026, 4, 1, 8, 0) in cells
    for b in doc["blocks"]:
        if b["type"] == "heading":
            assert b["text"] in cells
        elif b["type"] == "paragraph":
            assert "".join(s["text"] for s in b["spans"]) in cells
        elif b["type"] == "callout":
            assert b["text"] in cells
        elif b["type"] == "list":
            assert all(item in cells for item in b["items"])
    # every table's sheet is linked from the summary
    links = [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink]
    assert len(links) == len(openpyxl.load_workbook(io.BytesIO(data)).sheetnames) - 1


def test_metadata_and_same_bytes(demo):
    doc, data, d = demo
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.properties.title == doc["title"]
    assert wb.properties.subject == doc["subtitle"]
    assert wb.properties.created == datetime.datetime(2026, 4, 1, 8, 0)
    # the same report renders to the same bytes
    tool = os.environ["SKPI_TOOL"]
    out = d / "again.xlsx"
    subprocess.run([tool, "report", "--config", str(d / "definitions.json"), "--db", str(d / "demo.db"),
                    "--as-of", "2026-04-01", "--generated-at", GENERATED, "--format", "xlsx", "-o", str(out)],
                   check=True)
    assert out.read_bytes() == data


def test_columns_fit_their_text(demo):
    _, data, _ = demo
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets[1:]:
        for c in ws[2]:
            if c.value is None:
                continue
            width = ws.column_dimensions[c.column_letter].width
            assert width >= min(len(c.value), 60), (ws.title, c.value, width)
            assert width <= 63


# ---- hostile text -------------------------------------------------------------

HOSTILE = {
    "markup": "<script>alert(1)</script> &amp; <b>x</b>",
    "long_word": "x" * 5000,
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c",
    "cjk": "\u793e\u4ea4\u5a92\u4f53\u62a5\u544a \ud55c\uad6d\uc5b4 \u65e5\u672c\u8a9e",
    "emoji": "\U0001F680\U0001F469\u200d\U0001F4BB\U0001F1E9\U0001F1EA launch",
    "formula_eq": "=1+1",
    "formula_hyperlink": "=HYPERLINK(\"http://evil.example\",\"x\")",
    "formula_plus": "+1+cmd|' /C calc'!A0",
    "formula_minus": "-2+3",
    "formula_at": "@SUM(A1:A9)",
    "escape_like": "_x0041_ and _x000D_",
    "sheet_chars": "a[b]c:d*e?f/g\\h'",
    "history": "History",
    "newlines": "line one\r\nline two\nline three",
}


def build(p):
    doc = socialkpi.Document(title=p, subtitle=p)
    doc.add_heading(p, 1)
    doc.add_paragraph(p, (socialkpi.SpanStyle.STRONG, p))
    doc.add_callout(p, socialkpi.CalloutKind.ALERT, title=p)
    doc.add_list([p, p], ordered=True)
    kpi = doc.add_kpi_table(p, comparison=p, comparison2=p)
    kpi.add_row(p, 1200.0, channel=p, previous=1000.0, change=200.0, change_percent=20.0, sparkline=[1.0, 2.0])
    t = doc.add_table(p, [p, p], align=[socialkpi.Align.LEFT, socialkpi.Align.RIGHT])
    t.add_row([p, p])
    ch = doc.add_chart(p, description=p)
    ch.add_series(p, [p, p + "2"], [1.0, 2.0])
    g = doc.add_goals(p)
    g.add(p, "on_track", status_label=p, current=10.0, target=20.0, progress=0.5, deadline=p, note=p)
    o = doc.add_objectives(p)
    i = o.add(p, owner=p, band="green", band_label=p, interpretation=p, score=0.5)
    o.add_key_result(i, p, note=p, start=0.0, current=1.0, target=2.0, score=0.5)
    posts = doc.add_posts(p)
    posts.add(p, p, 42.0, published=p, text=p, url=p, ratio=2.0)
    return doc


def stored_as(p):
    """What a cell keeps of p: CR LF as LF (docs/report.md)."""
    return p.replace("\r\n", "\n")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_stays_text(name):
    p = HOSTILE[name]
    doc = build(p)
    data = doc.render("xlsx", generated_at=0)
    doc.close()
    # no formula anywhere: no <f> element in any sheet
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in z.namelist():
            if part.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(part) and b"<f " not in z.read(part), part
    wb = openpyxl.load_workbook(io.BytesIO(data))
    names = wb.sheetnames
    assert len(set(n.lower() for n in names)) == len(names) == 7
    for n in names:
        units = len(n.encode("utf-16-le")) // 2
        assert 1 <= units <= 31 and not any(ch in n for ch in "[]:*?/\\")
        assert not n.startswith("'") and not n.endswith("'") and n.lower() != "history"
    expected = stored_as(p)
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    # every string field came back whole (the title rows and cells hold p itself)
    assert texts.count(expected) >= 20, (texts.count(expected), texts[:5])
    ws = wb.worksheets[1]
    assert ws["A1"].value == expected


def test_invalid_utf8_and_controls_are_replaced():
    p = b"a\xffb\x01c\x7fd\xc2\x85e"
    doc = socialkpi.Document(title=p)
    doc.add_paragraph(p)
    data = doc.render("xlsx")
    doc.close()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Summary"]
    want = "a\ufffdb\ufffdc\ufffdd\ufffde"
    assert ws["A1"].value == want
    assert want in [c.value for row in ws.iter_rows() for c in row]


def test_text_longer_than_a_cell_is_cut():
    doc = socialkpi.Document(title="long")
    doc.add_paragraph("y" * 40000)
    data = doc.render("xlsx")
    doc.close()
    ws = openpyxl.load_workbook(io.BytesIO(data))["Summary"]
    long = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and len(c.value) > 100]
    assert long == ["y" * 32766 + "\u2026"]


def test_workbook_as_a_user_reads_it(demo, tmp_path):
    """Each sheet saved as CSV by openpyxl and read back by the csv module:
    the KPI sheet's first row reads as the JSON's first KPI."""
    import csv
    doc, data, _ = demo
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    kpi = next(b for b in doc["blocks"] if b["type"] == "kpi_table")
    ws = wb.worksheets[1]
    path = tmp_path / "kpi.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for row in ws.iter_rows(values_only=True):
            w.writerow(["" if v is None else v for v in row])
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[1][:5] == ["Metric", "Channel", "Level", "Unit", "Value"]
    first = kpi["rows"][0]
    assert rows[2][0] == first["label"]
    assert float(rows[2][4]) == pytest.approx(first["value"]["number"] * percent_scale(first["unit"]))
