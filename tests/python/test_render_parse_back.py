"""Hostile text through every renderer, and the output parsed back by
independent parsers: HTML by html.parser, Markdown by cmark-gfm (its XML
tree), CSV by the csv module read with ',' and with ';', JSON by json.

Every host string a document can carry is set to the same hostile payload;
the same document built from a harmless word gives the structure each output
must keep. The rules checked are those of docs/escaping.md."""
import codecs
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))

if not os.environ.get("SOCIALKPI_LIBRARY"):
    pytest.skip("SOCIALKPI_LIBRARY is not set", allow_module_level=True)

import socialkpi  # noqa: E402
from socialkpi.report_definition import Template  # noqa: E402

CMARK = shutil.which("cmark-gfm")
GFM = ["-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter"]
SAFE_URL = "https://example.com/p/1"
BIG = 1 << 20

# name -> payload (bytes: some are not UTF-8)
PAYLOADS = {
    "script": b"<script>alert(1)</script>",
    "img_onerror": b"<img src=x onerror=alert(1)>",
    "attr_break": b"\"><svg onload=alert(1)>'",
    "entity": b"&lt;b&gt; &amp; &#x3C;i&#62;",
    "javascript_link": b"[click](javascript:alert(1))",
    "javascript_autolink": b"<javascript:alert(1)>",
    "image": b"![x](https://evil.example/x.png)",
    "raw_html_block": b"<div onclick=\"x\">block</div>",
    "html_comment": b"<!-- c --> x",
    "formula_eq": b"=HYPERLINK(\"http://evil.example\",\"x\")",
    "formula_plus": b"+1+cmd|' /C calc'!A0",
    "formula_minus": b"-2+3",
    "formula_at": b"@SUM(A1:A9)",
    "formula_after_semicolon": b"safe;=1+2;+3;-4;@5",
    "formula_after_space": b"   =1+2",
    "formula_after_newline": b"a\n=1+2\r\n@x",
    "formula_after_quote": b"a;\"=1+2",
    "formula_tab": b"\t=1",
    "list_dash": b"- item",
    "list_plus": b"+ item",
    "list_star": b"* item",
    "list_ordered": b"1. item",
    "list_ordered_paren": b"7) item",
    "code_indent": b"    code block",
    "code_indent_list": b"    - item",
    "code_fence": b"```js\nalert(1)\n```",
    "tilde_fence": b"~~~\nx",
    "heading_atx": b"# heading",
    "heading_setext": b"x\n===",
    "quote": b"> quote",
    "thematic": b"***",
    "table_pipe": b"a | b\n--- | ---",
    "emphasis": b"*em* _em_ **strong** ~~strike~~ `code`",
    "backslash": b"\\*not em\\* \\",
    "leading_spaces": b"      indented text",
    "invalid_utf8": b"a\xffb\xc0\xafc\xed\xa0\x80d\xe2\x82e\xf4\x90\x80\x80",
    "c0_controls": b"a\x01b\x02c\x1bd\x07e\x7f",
    "c1_controls": "a\u0085b\u009bc\u0090".encode(),
    "bidi_override": "user\u202Egnp.exe\u202C \u2066iso\u2069 \u202Aemb\u202B".encode(),
    "line_separators": "a\u2028b\u2029c".encode(),
    "big": (b"<b>x</b> ;=1 " * (BIG // 13 + 1))[:BIG],
}

# Code points the human formats (HTML, Markdown, text) drop: bidi
# embeddings, overrides and isolates.
BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def _per_byte(err):
    """Each byte of an invalid UTF-8 sequence becomes one U+FFFD."""
    return "\ufffd" * (err.end - err.start), err.end


codecs.register_error("skpi_per_byte", _per_byte)


def decoded(payload):
    return payload.decode("utf-8", "skpi_per_byte")


def controls_replaced(s, keep=""):
    """C0 (but keep), DEL and C1 controls as U+FFFD."""
    return "".join("\ufffd" if (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) and c not in keep else c for c in s)


def no_bidi(s):
    return "".join(c for c in s if ord(c) not in BIDI)


def squash(s):
    return " ".join(s.split())


# ---- building the document ---------------------------------------------------

# A 1 MB payload goes into these strings only (the others hold a word), so
# that the outputs stay small enough to parse quickly.
BIG_FIELDS = {"title", "paragraph", "kpi_label", "cell", "post_text", "callout", "note"}


def build(p, url=SAFE_URL):
    """A document with every host string set to p (bytes)."""
    if len(p) > 4096:
        return build_from(lambda field: p if field in BIG_FIELDS else b"word", url)
    return build_from(lambda field: p, url)


def build_from(f, url):
    p = f("")
    doc = socialkpi.Document(title=f("title"), subtitle=p)
    for key in (Template.COLUMN_METRIC, Template.COLUMN_GOAL, Template.COLUMN_NOTE):
        doc.set_text(key, p)
    doc.set_text(Template.NOT_AVAILABLE, p[:24])  # "n/a" holds at most 24 bytes
    doc.add_heading(p, 1)
    doc.add_heading(p, 2)
    doc.add_paragraph(f("paragraph"), (socialkpi.SpanStyle.STRONG, p), (socialkpi.SpanStyle.EMPHASIS, p))
    doc.add_paragraph((socialkpi.SpanStyle.STRONG, p), p)
    doc.add_callout(f("callout"), socialkpi.CalloutKind.ALERT, title=p)
    doc.add_callout(p, socialkpi.CalloutKind.WIN)
    doc.add_list([p, p], ordered=False)
    doc.add_list([p], ordered=True)
    kpi = doc.add_kpi_table(p, comparison=p, comparison2=p)
    kpi.add_row(f("kpi_label"), 1200.0, channel=p, previous=1000.0, change=200.0, change_percent=20.0,
                sparkline=[1.0, 2.0, 3.0])
    kpi.add_row(p, -5.0, channel=p, level=1, previous=-3.0, change=-2.0)
    t = doc.add_table(p, [p, p], align=[socialkpi.Align.LEFT, socialkpi.Align.RIGHT])
    t.add_row([f("cell"), p])
    ch = doc.add_chart(p, description=p)
    ch.add_series(p, [p, p + b"2"], [1.0, 2.0])
    g = doc.add_goals(p)
    g.add(p, "on_track", status_label=p, current=10.0, target=20.0, progress=0.5, deadline=p, note=f("note"))
    o = doc.add_objectives(p)
    i = o.add(p, owner=p, band="green", band_label=p, interpretation=p, score=0.5)
    o.add_key_result(i, p, note=p, start=0.0, current=1.0, target=2.0, score=0.5)
    posts = doc.add_posts(p)
    posts.add(p, p, 42.0, published=p, text=f("post_text"), url=url, ratio=2.0)
    return doc


def render(doc, fmt):
    chunks = []
    doc.render(fmt, sink=chunks.append)
    return b"".join(chunks)


_cache = {}


def outputs(name, url=SAFE_URL):
    key = (name, url)
    if key not in _cache:
        p = PAYLOADS[name] if name in PAYLOADS else name.encode()
        doc = build(p, url)
        _cache[key] = {f: render(doc, f) for f in ("html", "markdown", "json", "csv", "text")}
        doc.close()
    return _cache[key]


REFERENCE = "harmless"
NAMES = sorted(PAYLOADS)


# ---- every output is valid UTF-8 ------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_every_output_is_utf8(name):
    for fmt, out in outputs(name).items():
        out.decode("utf-8")  # raises on invalid UTF-8


# ---- HTML -------------------------------------------------------------------------

class Tags(HTMLParser):
    """Elements, attributes and text of an HTML document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.attrs = []
        self.text = []
        self.stack = []
        self.by_tag = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.text.append(data)
        if self.stack:
            self.by_tag.setdefault(self.stack[-1], []).append(data)

    def handle_comment(self, data):
        self.tags.append("!--")


def parse_html(out):
    p = Tags()
    p.feed(out.decode("utf-8"))
    p.close()
    return p


@pytest.mark.parametrize("name", NAMES)
def test_html_has_no_injected_markup(name):
    ref = parse_html(outputs(REFERENCE)["html"])
    got = parse_html(outputs(name)["html"])
    assert got.tags == ref.tags
    assert [(t, k) for t, k, _ in got.attrs] == [(t, k) for t, k, _ in ref.attrs]
    for tag, k, v in got.attrs:
        assert not k.startswith("on")
        if k in ("href", "src", "xlink:href", "action"):
            assert re.match(r"(https?:|mailto:|#)", v or "", re.I), (tag, k, v)


@pytest.mark.parametrize("name", NAMES)
def test_html_text_round_trips(name):
    got = parse_html(outputs(name)["html"])
    # The HTML renderer keeps tab and LF, turns CR into a space and other
    # controls into U+FFFD.
    want = controls_replaced(decoded(PAYLOADS[name]).replace("\r", " "), keep="\t\n")
    assert "".join(got.by_tag["h1"]) == want


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x",
                                 "data:text/html,<b>", "vbscript:x", "https://ok.example/\u202e/x",
                                 "https://ok.example/\x85", "https://ok.example/a b",
                                 "https://ok.example/\"onmouseover=x", "https://ok.example/<x>",
                                 "https:", "//evil.example", "https://ok.example/\xff"])
def test_unsafe_post_links_are_left_out(url):
    for fmt in ("html", "markdown", "text"):
        out = outputs(REFERENCE, url)[fmt].decode("utf-8")
        assert url not in out
    got = parse_html(outputs(REFERENCE, url)["html"])
    assert not [v for t, k, v in got.attrs if t == "a" and k == "href"]
    md = markdown_tree(outputs(REFERENCE, url)["markdown"])
    assert not [n for n in md.iter() if local(n) == "link"]


@pytest.mark.parametrize("url", [SAFE_URL, "https://example.com/?a=1&b=2&amp;c=%3C*_)",
                                 "mailto:someone@example.com"])
def test_safe_post_links_round_trip(url):
    got = parse_html(outputs(REFERENCE, url)["html"])
    assert [v for t, k, v in got.attrs if t == "a" and k == "href"] == [url]
    md = markdown_tree(outputs(REFERENCE, url)["markdown"])
    assert [n.attrib["destination"] for n in md.iter() if local(n) == "link"] == [url]
    assert url in outputs(REFERENCE, url)["text"].decode("utf-8")


# ---- figures: the host's currency, digit separator and "n/a" ------------------------

# (currency, thousands separator): at most 8 and 4 bytes, no control character.
FIGURE_WORDS = [("<i>", "<b>"), ("|*`", "|"), ("\u202e", "\u202e"), ("=", ";"), ("](x)", "_"),
                ("&lt;", "&"), ("\"'", "\"")]


def figures_outputs(currency, separator):
    doc = socialkpi.Document(title="Figures", currency=currency)
    money = socialkpi.Unit.CURRENCY
    kpi = doc.add_kpi_table("KPIs", comparison="Previous")
    kpi.add_row("Revenue", 1234567.0, unit=money, previous=1000.0, change=1233567.0, change_percent=5.0)
    kpi.add_row("Spend", socialkpi.Value(2500.0, socialkpi.Availability.PARTIAL), unit=money, level=1)
    g = doc.add_goals("Goals")
    g.add("Sales", "on_track", unit=money, current=1234.0, target=5000.0, progress=0.25, deadline="2026-12-31")
    o = doc.add_objectives("OKRs")
    i = o.add("Grow", score=0.5)
    o.add_key_result(i, "Revenue", unit=money, start=1000.0, current=2000.0, target=3000.0, score=0.5)
    ch = doc.add_chart("Revenue", unit=money)
    ch.add_series("Revenue", ["2026-10", "2026-11"], [12000.0, 15000.0])
    doc.add_posts("Posts").add("x:@acme", "Revenue", 4321.0, unit=money, url=SAFE_URL)
    out = {f: doc.render(f, thousands_separator=separator) for f in ("html", "markdown", "text")}
    doc.close()
    return out


@pytest.mark.parametrize("currency,separator", FIGURE_WORDS)
def test_figures_add_no_structure(currency, separator):
    ref = figures_outputs("$", ",")
    got = figures_outputs(currency, separator)
    h_ref, h_got = parse_html(ref["html"].encode()), parse_html(got["html"].encode())
    assert h_got.tags == h_ref.tags
    assert [(t, k) for t, k, _ in h_got.attrs] == [(t, k) for t, k, _ in h_ref.attrs]
    m_ref = markdown_tree(ref["markdown"].encode())
    m_got = markdown_tree(got["markdown"].encode())
    assert skeleton(m_got) == skeleton(m_ref)
    assert emphasis_count(m_got) <= emphasis_count(m_ref)
    assert not [c for c in got["text"] if ord(c) in BIDI]
    assert not [c for c in got["markdown"] if ord(c) in BIDI]


# ---- Markdown -----------------------------------------------------------------------

def local(node):
    return node.tag.split("}", 1)[-1]


def markdown_tree(out):
    """cmark-gfm's tree of a Markdown output (a fresh copy: callers edit it)."""
    if CMARK is None:
        pytest.skip("cmark-gfm is not installed (Debian package cmark-gfm)")
    if out not in _trees:
        if len(_trees) > 3:
            _trees.clear()
        _trees[out] = subprocess.run([CMARK, *GFM, "-t", "xml"], input=out, stdout=subprocess.PIPE,
                                     check=True).stdout
    return ET.fromstring(_trees[out])


_trees = {}


EMPHASIS = ("emph", "strong")


def skeleton(node, depth=0):
    """Every node but text and emphasis, with the attributes that say what
    it is. (Emphasis next to punctuation may not form, which shows the
    markers as text: a loss of style, not new structure; emphasis the
    payload adds is counted by emphasis_count().)"""
    out = []
    for child in node:
        kind = local(child)
        if kind == "text":
            continue
        if kind in EMPHASIS:
            out.extend(skeleton(child, depth))
            continue
        attrs = {k: v for k, v in child.attrib.items() if k in ("level", "type", "start", "destination")}
        out.append((depth, kind, tuple(sorted(attrs.items()))))
        out.extend(skeleton(child, depth + 1))
    return out


def emphasis_count(node):
    return sum(1 for n in node.iter() if local(n) in EMPHASIS)


def text_of(node):
    """The text a Markdown node shows (its text and code nodes)."""
    return "".join(n.text or "" for n in node.iter() if local(n) in ("text", "code"))


def autolinks_dropped(node):
    """GFM turns bare http(s)://, www. and e-mail addresses into links that
    show their own address; such links are allowed and left out here."""
    found = []
    for parent in node.iter():
        for child in parent:
            if local(child) != "link":
                continue
            dest = child.attrib.get("destination", "")
            shown = text_of(child)
            if dest != SAFE_URL and dest in (shown, "http://" + shown, "mailto:" + shown) and re.match(r"(https?|mailto):", dest):
                found.append((parent, child))
    for parent, child in found:
        parent.remove(child)
    return node


@pytest.mark.parametrize("name", NAMES)
def test_markdown_has_no_injected_structure(name):
    ref = markdown_tree(outputs(REFERENCE)["markdown"])
    got = autolinks_dropped(markdown_tree(outputs(name)["markdown"]))
    assert skeleton(got) == skeleton(ref)
    assert emphasis_count(got) <= emphasis_count(ref)


@pytest.mark.parametrize("name", NAMES)
def test_markdown_text_round_trips(name):
    tree = markdown_tree(outputs(name)["markdown"])
    h1 = [n for n in tree.iter() if local(n) == "heading" and n.attrib["level"] == "1"][0]
    # Markdown: line breaks and tabs as spaces, controls as U+FFFD, bidi
    # controls dropped; the reader's Markdown trims the heading.
    want = no_bidi(controls_replaced(re.sub(r"[\t\r\n]", " ", decoded(PAYLOADS[name]))))
    assert squash(text_of(h1)) == squash(want)


# ---- CSV ---------------------------------------------------------------------------

FORMULA = tuple("=+-@")
csv.field_size_limit(sys.maxsize)


def is_number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False


def formula_cells(text, delimiter):
    bad = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        for cell in row:
            c = cell.lstrip(" \t\r\n")
            if c.startswith(FORMULA) and not is_number(c):
                bad.append(cell[:40])
    return bad


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_has_no_formula_cells(name, delimiter):
    text = outputs(name)["csv"].decode("utf-8")
    assert formula_cells(text, delimiter) == []


@pytest.mark.parametrize("name", NAMES)
def test_csv_cells_round_trip(name):
    """Read with ',', a text cell holds the payload, with a ' before each
    formula start (at the start, after ';' or a line break, past spaces and
    quotes)."""
    rows = list(csv.reader(io.StringIO(outputs(name)["csv"].decode("utf-8"), newline="")))
    want = controls_replaced(decoded(PAYLOADS[name]), keep="\t\r\n")
    want = re.sub(r"(?:^|(?<=[;\r\n]))([ \"]*)([=+\-@\t\r])", r"\1'\2", want)
    if len(PAYLOADS[name]) > 4096:
        assert any(want in row for row in rows)
    else:
        # Every row's section is a block's title; the host table's row
        # holds it as item (first cell), metric (its column) and text.
        assert all(row[0] == want for row in rows[1:])
        assert [want, want, want] + [""] * 8 + [want] in rows


# ---- JSON --------------------------------------------------------------------------

def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)


@pytest.mark.parametrize("name", NAMES)
def test_json_strings_round_trip(name):
    doc = json.loads(outputs(name)["json"].decode("utf-8"))
    want = decoded(PAYLOADS[name])
    assert doc["title"] == want
    found = sum(1 for s in strings(doc) if s == want)
    ref = sum(1 for s in strings(json.loads(outputs(REFERENCE)["json"].decode("utf-8"))) if s == REFERENCE)
    assert found == (len(BIG_FIELDS) if len(PAYLOADS[name]) > 4096 else ref)


# ---- text --------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_text_has_no_controls_or_bidi(name):
    out = outputs(name)["text"].decode("utf-8")
    bad = [hex(ord(c)) for c in out if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or ord(c) in BIDI]
    assert bad == []


@pytest.mark.parametrize("name", NAMES)
def test_text_round_trips(name):
    out = outputs(name)["text"].decode("utf-8")
    want = no_bidi(controls_replaced(re.sub(r"[\t\r\n]", " ", decoded(PAYLOADS[name]))))
    # The title comes first, wrapped, then a line of '='.
    title = out.split("\n=")[0]
    assert squash(title) == squash(want)
