"""The PDF renderer read back with poppler's tools (pdftotext, pdfinfo,
pdftoppm): the demo report's headings, sentences and figures are in the
text, taken from its JSON rendering and formatted here; page size and
metadata; no blank page and no word outside the page's margins; hostile
text renders inside the page; the same document gives the same bytes."""
import calendar
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))

if not os.environ.get("SOCIALKPI_LIBRARY"):
    pytest.skip("SOCIALKPI_LIBRARY is not set", allow_module_level=True)
for tool in ("pdftotext", "pdfinfo", "pdftoppm"):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed", allow_module_level=True)

import socialkpi  # noqa: E402
from socialkpi.document import CalloutKind, ChartKind, SeriesStyle  # noqa: E402

if not socialkpi.Format.PDF.supported:
    pytest.skip("this build leaves PDF out (SKPI_WITH_PDF=OFF)", allow_module_level=True)

A4 = (595.276, 841.89)
LETTER = (612.0, 792.0)
MARGIN = 50.0  # left and right, docs/pdf.md


def squash(s):
    """Text without white space: line breaks fall anywhere in a PDF."""
    return re.sub(r"\s+", "", s)


def pdftotext(path, *args):
    out = subprocess.run(["pdftotext", *args, path, "-"], check=True, capture_output=True).stdout
    return out.decode("utf-8", "replace")


def pdfinfo(path):
    out = subprocess.run(["pdfinfo", "-isodates", path], check=True, capture_output=True,
                         text=True).stdout
    return dict((k.strip(), v.strip()) for k, v in
                (line.split(":", 1) for line in out.splitlines() if ":" in line))


def page_size(info):
    m = re.match(r"([\d.]+) x ([\d.]+) pts", info["Page size"])
    return float(m.group(1)), float(m.group(2))


def words(path):
    """(page width, page height, [(word, xmin, ymin, xmax, ymax)]) per page."""
    xml = pdftotext(path, "-bbox")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        ws = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
               float(w.get("yMax"))) for w in page.findall("h:word", ns)]
        pages.append((float(page.get("width")), float(page.get("height")), ws))
    return pages


def check_inside(path, pad=2.0):
    """Every word sits inside the page's left and right margins and on the page."""
    pages = words(path)
    assert pages
    for n, (w, h, ws) in enumerate(pages, 1):
        for text, x0, y0, x1, y1 in ws:
            assert x0 >= MARGIN - pad and x1 <= w - MARGIN + pad, (n, text, x0, x1, w)
            assert y0 >= 0 and y1 <= h, (n, text, y0, y1, h)
    return pages


def check_no_blank_page(path, tmp_path):
    """Every page, rasterised by pdftoppm, has ink beyond its footer."""
    prefix = str(tmp_path / "page")
    subprocess.run(["pdftoppm", "-r", "24", "-gray", path, prefix], check=True)
    images = sorted(p for p in os.listdir(tmp_path) if p.startswith("page") and p.endswith(".pgm"))
    assert len(images) == int(pdfinfo(path)["Pages"])
    for name in images:
        data = open(tmp_path / name, "rb").read()
        m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        width, height = int(m.group(1)), int(m.group(2))
        pixels = data[m.end():]
        # the footer sits in the bottom 64 points: look above it
        body = pixels[: width * int(height * (1 - 64 / 842))]
        dark = sum(1 for b in body if b < 160)
        assert dark > 40, f"{name} looks blank ({dark} dark pixels)"


# ---- the demo report ---------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tool = os.environ.get("SKPI_TOOL")
    if not tool:
        pytest.skip("SKPI_TOOL is not set")
    out = {}
    for fmt in ("json", "pdf"):
        d = tmp_path_factory.mktemp(fmt)
        subprocess.run([tool, "demo", "--dir", str(d), "--format", fmt, "--generated-at",
                        "2026-04-01", "-q"], check=True, capture_output=True)
        out[fmt] = str(d / f"report.{fmt}")
    with open(out["json"], encoding="utf-8") as f:
        out["doc"] = json.load(f)
    return out


def count(v):
    return f"{v:,.0f}"


def figure(v, unit):
    """A value as readers see it, formatted here from the JSON's number."""
    if unit == "percent":
        return f"{v:.2f}%"
    if unit == "count":
        return count(v)
    if unit == "ratio":
        return f"{v:.2f}"
    raise AssertionError(unit)


def expected(doc):
    """Headings, sentences and figures of the report, from its JSON."""
    texts = [doc["title"], doc["subtitle"]]
    figures = []
    num = lambda v: v["number"] if v["availability"] in ("available", "partial") else None  # noqa: E731
    for b in doc["blocks"]:
        t = b["type"]
        if t == "heading":
            texts.append(b["text"])
        elif t == "paragraph":
            texts.append("".join(s["text"] for s in b["spans"]))
        elif t == "callout":
            texts.append(b["text"])
        elif t == "list":
            texts.extend(b["items"])
        elif t == "kpi_table":
            texts += [b["title"], b["comparison"], b["comparison2"]]
            for r in b["rows"]:
                texts.append(r["label"])
                for key in ("value", "previous", "previous2"):
                    if num(r[key]) is not None:
                        figures.append(figure(num(r[key]), r["unit"]))
                for key in ("change_percent", "change2_percent"):
                    if num(r[key]) is not None:
                        figures.append(f"{num(r[key]):+.1f}%")
        elif t == "goals":
            for g in b["goals"]:
                # the card's deadline in the built-in English words (#18)
                # and its owner with the role (#22)
                texts += [g["name"], g["status_label"], g["note"] or "", day_name(g["deadline"]),
                          g["caveat"] or "", g["owner"] or ""]
                for key in ("progress", "expected", "likelihood"):
                    if num(g[key]) is not None:
                        figures.append(f"{num(g[key]) * 100:.0f}%")
                for key in ("current", "target", "projected"):
                    if num(g[key]) is not None:
                        figures.append(figure(num(g[key]), g["unit"]))
        elif t == "objectives":
            for o in b["objectives"]:
                texts += [o["title"], o["interpretation"] or "", o["owner"] or "", o["band_label"]]
                figures.append(f"{num(o['score']):.2f}")
                for k in o["key_results"]:
                    texts.append(k["title"])
                    figures.append(f"{num(k['score']):.2f}")
                    for key in ("start", "current", "target"):
                        if num(k[key]) is not None and k["unit"] == "percent":
                            figures.append(figure(num(k[key]), "percent"))
        elif t == "chart":
            texts.append(b["title"])
            for s in b["series"]:
                texts.append(s["name"])
                for p in s["points"]:
                    texts.append(axis_name(p["label"]))
                    if p["value"] is not None:
                        figures.append(figure(p["value"], b["unit"]))
    return [x for x in texts if x], figures


def day_name(iso):
    """An ISO day ("2026-06-30") as the English report writes it ("30 June
    2026"), from Python's calendar module in the C locale; "" for none."""
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    return "%d %s %d" % (d, calendar.month_name[m], y)


def axis_name(label):
    """A chart's category as the PDF shows it: a month's ISO key ("2026-03")
    in the built-in English short form ("Mar 2026", Python's calendar module
    in the C locale), anything else as it is (JSON keeps the keys)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})", label)
    return "%s %s" % (calendar.month_abbr[int(m.group(2))], m.group(1)) if m else label


def test_demo_text_has_every_heading_sentence_and_figure(demo):
    text = squash(pdftotext(demo["pdf"], "-raw"))
    texts, figures = expected(demo["doc"])
    assert len(texts) > 40 and len(figures) > 80
    missing = [x for x in texts + figures if squash(x) not in text]
    assert not missing


def test_demo_metadata_and_page_size(demo):
    info = pdfinfo(demo["pdf"])
    assert page_size(info) == pytest.approx(A4, abs=0.01)  # language "en": A4
    assert info["Title"] == demo["doc"]["title"]
    assert info["Subject"] == demo["doc"]["subtitle"]
    assert info["Creator"] == "socialkpi " + socialkpi.library_version()
    # the report's generated time, not the clock
    assert info["CreationDate"] in ("2026-04-01T00:00:00Z", "2026-04-01T00:00:00+00:00")
    assert int(info["Pages"]) >= 3


def test_demo_pages_not_blank_and_words_inside(demo, tmp_path):
    check_no_blank_page(demo["pdf"], tmp_path)
    pages = check_inside(demo["pdf"])
    # page numbers "n / N" in every footer
    total = len(pages)
    for n, (_, h, ws) in enumerate(pages, 1):
        foot = " ".join(w[0] for w in ws if w[2] > h - 64)
        assert f"{n} / {total}" in foot
        # the period as people write it (#17), not its key
        assert "March 2026" in foot and "2026-03" not in foot


def test_demo_same_bytes_twice(demo, tmp_path):
    tool = os.environ["SKPI_TOOL"]
    subprocess.run([tool, "demo", "--dir", str(tmp_path), "--format", "pdf", "--generated-at",
                    "2026-04-01", "-q"], check=True, capture_output=True)
    assert open(tmp_path / "report.pdf", "rb").read() == open(demo["pdf"], "rb").read()


# ---- documents built here ----------------------------------------------------

def small_doc(language=None, title="Weekly report"):
    doc = socialkpi.Document(title, "Week 2026-W14", language=language)
    doc.add_heading("Summary")
    doc.add_paragraph("Reach rose.")
    return doc


def render_to(doc, path, **options):
    doc.render("pdf", str(path), generated_at=1775001600, **options)  # 2026-04-01T00:00Z
    return str(path)


@pytest.mark.parametrize("language,paper,size", [
    ("en", "auto", A4), ("de-DE", "auto", A4), ("en-US", "auto", LETTER),
    ("es-MX", "auto", LETTER), ("fr-CA", "auto", LETTER), ("en-US", "a4", A4),
    ("de", "letter", LETTER), ("zh-Hant-US", "auto", LETTER), ("en-GB", "auto", A4)])
def test_paper(tmp_path, language, paper, size):
    path = render_to(small_doc(language), tmp_path / "p.pdf", paper=paper)
    info = pdfinfo(path)
    assert page_size(info) == pytest.approx(size, abs=0.01)
    assert int(info["Pages"]) == 1


@pytest.mark.parametrize("language,locale,size", [
    ("de", "en-US", LETTER), ("en-US", "de-DE", A4), ("en-US", "en", A4), (None, "es-MX", LETTER)])
def test_paper_follows_the_locale_before_the_language(tmp_path, language, locale, size):
    path = render_to(small_doc(language), tmp_path / "p.pdf", locale=locale)
    assert page_size(pdfinfo(path)) == pytest.approx(size, abs=0.01)


def test_bad_paper_is_refused(tmp_path):
    with pytest.raises(socialkpi.SocialKPIError) as e:
        small_doc().render("pdf", str(tmp_path / "x.pdf"), paper=7)
    assert "paper" in str(e.value)


def test_bytes_without_sink():
    data = small_doc().render("pdf", generated_at=1775001600)
    assert isinstance(data, bytes) and data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert data == small_doc().render("pdf", generated_at=1775001600)


def test_without_time_still_same_bytes():
    a = small_doc().render("pdf")
    b = small_doc().render("pdf")
    assert a == b


def test_long_table_splits_with_header_on_every_page(tmp_path):
    doc = socialkpi.Document("Posts")
    doc.add_table("All posts", ["Post", "Channel", "Likes"],
                  [[f"post number {i}", "instagram:@acme", str(i * 7)] for i in range(200)],
                  align=[0, 0, 1])
    path = render_to(doc, tmp_path / "t.pdf")
    pages = words(path)
    assert len(pages) >= 3
    for _, _, ws in pages:
        line = [w[0] for w in ws]
        assert "Post" in line and "Channel" in line and "Likes" in line
    text = squash(pdftotext(path, "-raw"))
    for i in range(200):
        assert squash(f"post number {i}instagram:@acme{i * 7}") in text
    check_inside(path)


HOSTILE = {
    "markup": "<b>bold?</b> <span foreground='red'>&amp; &lt;i&gt;</span>",
    "long": "x" * 3000,
    "url_like": "https://example.com/" + "a/" * 400,
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd \u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
    "cjk": "\u793e\u4ea4\u5a92\u4f53\u62a5\u544a\u3067\u3059\u3002\ud55c\uad6d\uc5b4 \u30c6\u30b9\u30c8" * 20,
    "emoji": "\U0001F680\U0001F525 launch \U0001F468\u200D\U0001F469\u200D\U0001F467 \u2764\ufe0f",
    "controls": "a\x01b\x1bc\u202egnp.exe\u202c d\u2028e",
}


def hostile_doc(s):
    doc = socialkpi.Document(s, s)
    doc.add_heading(s)
    doc.add_paragraph(s)
    doc.add_callout(s, kind=CalloutKind.ALERT, title=s)
    doc.add_list([s, s])
    k = doc.add_kpi_table(s, s, s)
    k.add_row(s, 1234.0, channel=s, previous=1000.0, change=234.0, change_percent=23.4,
              sparkline=[1, 2, 3])
    k.add_row(s, 10.0, channel=s, level=1)
    doc.add_table(s, [s, s], [[s, s], ["a", s]])
    c = doc.add_chart(s, kind=ChartKind.BAR, description=s)
    c.add_series(s, [s, "b"], [1.0, 2.0])
    c.add_series(s, ["b", s], [2.0, 3.0], style=SeriesStyle.DASHED)
    g = doc.add_goals(s)
    g.add(s, "on_track", status_label=s, progress=0.5, expected=0.4, deadline=s, note=s,
          current=5.0, target=10.0)
    o = doc.add_objectives(s)
    i = o.add(s, owner=s, score=0.7, score_rounded=0.7, band="green", band_label=s,
              interpretation=s)
    o.add_key_result(i, s, score=0.5, start=0.0, current=1.0, target=2.0, note=s)
    p = doc.add_posts(s)
    p.add(s, s, 12.0, published=s, text=s, url="https://example.com/p?q=" + "z" * 300, ratio=3.0)
    return doc


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_stays_inside(tmp_path, name):
    s = HOSTILE[name]
    path = render_to(hostile_doc(s), tmp_path / "h.pdf")
    check_inside(path)
    check_no_blank_page(path, tmp_path)
    text = pdftotext(path, "-raw")
    if name == "markup":
        assert "<b>bold?</b>" in text and "&amp;" in text  # shown as written, not as markup
    if name == "cjk":
        assert "\u793e\u4ea4\u5a92\u4f53" in text
    if name == "rtl":
        # read in logical order (pdftotext's default mode marks the runs)
        logical = re.sub("[\u202a-\u202e\\s]", "", pdftotext(path))
        assert "\u05e9\u05dc\u05d5\u05dd" in logical and "\u0645\u0631\u062d\u0628\u0627" in logical
    if name == "long":
        assert squash(text).count("x" * 50) > 10


def test_render_supported():
    assert socialkpi.Format.PDF.supported
    assert all(socialkpi.Format(f).supported for f in range(5))


def page_of(pages, word):
    """The numbers (from 1) of the pages where a word appears."""
    return [n for n, (_, _, ws) in enumerate(pages, 1) if any(w[0] == word for w in ws)]


def fillers(doc, n):
    """n one-line paragraphs: what follows starts n lines down the first page."""
    for i in range(n):
        doc.add_paragraph(f"Filler line {i}.")


# 18 points a line: these move what follows down the first page's last
# 250 points, past every place where a page break falls inside it
FILLERS = range(24, 38)


@pytest.mark.parametrize("filler", FILLERS)
def test_heading_stays_with_its_chart(tmp_path, filler):
    doc = socialkpi.Document("Layout")
    fillers(doc, filler)
    doc.add_heading("Zebraheading")
    c = doc.add_chart("Chartcaption", kind=ChartKind.BAR)
    c.add_series("Reach", ["a", "b"], [1.0, 2.0])
    pages = words(render_to(doc, tmp_path / "k.pdf"))
    heading = page_of(pages, "Zebraheading")
    assert len(heading) == 1
    assert page_of(pages, "Chartcaption") == heading


@pytest.mark.parametrize("filler", FILLERS)
def test_table_pages_hold_at_least_three_rows(tmp_path, filler):
    doc = socialkpi.Document("Layout")
    fillers(doc, filler)
    doc.add_table(None, ["Rowname", "Value"], [[f"row{i}", str(i)] for i in range(8)], align=[0, 1])
    pages = words(render_to(doc, tmp_path / "k.pdf"))
    # every page the table is on holds its header and at least 3 rows
    on = page_of(pages, "Rowname")
    assert sum(len([w for w in pages[n - 1][2] if w[0].startswith("row")]) for n in on) == 8
    for n in on:
        rows = [w[0] for w in pages[n - 1][2] if w[0].startswith("row")]
        assert len(rows) >= 3, (n, rows)


@pytest.mark.parametrize("filler", FILLERS)
def test_an_objective_card_is_not_split_from_its_key_results(tmp_path, filler):
    doc = socialkpi.Document("OKRs")
    fillers(doc, filler)
    o = doc.add_objectives("Objectives")
    i = o.add("Objectiveone", score=0.7, score_rounded=0.7, band="green", band_label="Green",
              interpretation="A success.")
    for k in range(4):
        o.add_key_result(i, f"keyresult{k}", score=0.5, start=0.0, current=1.0, target=2.0)
    pages = words(render_to(doc, tmp_path / "o.pdf"))
    card = page_of(pages, "Objectiveone")
    assert len(card) == 1
    for k in range(4):
        assert page_of(pages, f"keyresult{k}") == card
