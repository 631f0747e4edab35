#!/usr/bin/env python3
"""The executive HTML page in headless Chromium: phone width, desktop, print.

For each report given:
- screenshots at 1280 px and 390 px wide, kept in OUT_DIR for people to
  look at (and checked not to be blank);
- at 390 px and at 1280 px: the page does not scroll sideways
  (document scrollWidth <= clientWidth), and every text of every chart that
  is shown is drawn at 10 px or more (its font size times the scale of its
  SVG on the page);
- at 390 px, KPI tiles sit two a row;
- printed with --print-to-pdf on A4 and on Letter: no page but the last is
  more than half empty (pdftoppm renders each page; the lowest row with ink
  must lie in the lower half of the printable area); no card, tile, callout,
  item at a glance or top post is split across two pages (each one's text,
  read from the report, is found whole on one page of pdftotext's output);
  and the last page holds more than a stray line or two.

The measurements run in the page itself: a copy of the report gets a
script at its end, and is opened in a frame of the width wanted (headless
Chromium's window is at least 500 px wide); the script posts the figures
to the page around the frame, read with --dump-dom.

Exits 77 (ctest: skipped) when Chromium or pdftoppm is missing; both are
Debian packages that scripts/install-deps installs (chromium,
poppler-utils).

usage: check_html_layout.py OUT_DIR REPORT.html [REPORT.html ...] [--skpi SKPI]
  With --skpi, `SKPI demo --dir OUT_DIR/demo` writes the demo's report,
  which is checked too.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from check_html_chromium import FLAGS, find_chromium, read_png

MEASURE = """<script>
(function () {
  var de = document.documentElement, small = [], wide = [], texts = 0;
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    if (getComputedStyle(svg).display === 'none') return;
    var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    svg.querySelectorAll('text').forEach(function (t) {
      texts++;
      var px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 10) small.push(t.textContent + ' at ' + px.toFixed(2) + ' px');
    });
  });
  document.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.right > de.clientWidth + 0.5 && wide.length < 5) wide.push(e.tagName + '.' + e.className + ' ends at ' + r.right);
  });
  var tiles = document.querySelectorAll('.tiles .tile'), perRow = 0;
  tiles.forEach(function (t) {
    if (Math.abs(t.getBoundingClientRect().top - tiles[0].getBoundingClientRect().top) < 1) perRow++;
  });
  var out = document.createElement('pre');
  out.id = 'skpi-measure';
  out.textContent = JSON.stringify({scrollWidth: de.scrollWidth, clientWidth: de.clientWidth,
                                    chartTexts: texts, small: small, wide: wide,
                                    tiles: tiles.length, tilesPerRow: perRow});
  document.body.appendChild(out);
  if (parent !== window) parent.postMessage(out.textContent, '*');
})();
</script>"""

# Headless Chromium keeps its window at least 500 px wide: the report is
# measured inside a frame of the width wanted, which posts the figures to
# this page (a file: page and its frame are of different origins).
HOST = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="%s" style="width:%dpx;height:900px;border:0"></iframe>
<script>window.addEventListener('message', function (e) {
  var p = document.createElement('pre'); p.id = 'skpi-measure'; p.textContent = e.data;
  document.body.appendChild(p);
});</script></body></html>"""


def chromium_run(chromium, args, path, profile):
    cmd = [chromium] + FLAGS + ["--user-data-dir=" + profile] + args + ["file://" + path]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=240)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def with_extra(html, head_extra="", body_extra=""):
    html = html.replace("</head>", head_extra + "</head>", 1)
    return html.replace("</body>", body_extra + "</body>", 1)


def png_variance(path):
    """Luminance variance of a screenshot, sampled (a blank page: about 0)."""
    width, height, bpp, rows = read_png(path)
    lum = [(299 * row[x] + 587 * row[x + 1] + 114 * row[x + 2]) // 1000
           for row in rows[::7] for x in range(0, width * bpp, bpp * 7)]
    mean = sum(lum) / len(lum)
    return sum((v - mean) ** 2 for v in lum) / len(lum)


def read_pgm(path):
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5", path
    width, height, maxval = int(parts[1]), int(parts[2]), int(parts[3])
    pixels = parts[4]
    assert maxval == 255 and len(pixels) >= width * height
    return width, height, pixels


def page_fill(pgm):
    """(lowest row with ink, page height) of a grey page."""
    width, height, px = read_pgm(pgm)
    last = -1
    for y in range(height):
        row = px[y * width:(y + 1) * width]
        if min(row) < 200:
            last = y
    return last, height


class Blocks(html.parser.HTMLParser):
    """The text of each block print must keep on one page: cards, tiles,
    callouts, items at a glance and top posts (not the text of charts, which
    pdftotext reads apart, nor of <details>, which print leaves out)."""

    KEEP = ("card", "tile", "callout", "glance-item")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, index of the block it opens or None)
        self.open = []   # blocks being read, as lists of text
        self.blocks = []
        self.hidden = 0
        self.in_posts = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        opens = None
        if tag in ("svg", "details", "style", "script"):
            self.hidden += 1
        if tag == "ol" and "posts" in classes:
            self.in_posts += 1
        if any(c in self.KEEP for c in classes) or (tag == "li" and self.in_posts and self.stack
                                                   and self.stack[-1][0] == "ol"):
            opens = len(self.blocks)
            self.blocks.append([])
            self.open.append(opens)
        self.stack.append((tag, opens, classes))

    def handle_endtag(self, tag):
        while self.stack:
            t, opens, classes = self.stack.pop()
            if t in ("svg", "details", "style", "script"):
                self.hidden -= 1
            if t == "ol" and "posts" in classes:
                self.in_posts -= 1
            if opens is not None:
                self.open.remove(opens)
            if t == tag:
                break

    def handle_data(self, data):
        if not self.hidden:
            for b in self.open:
                self.blocks[b].append(data)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def split_blocks(html, pages):
    """The blocks whose text lies across two pages, and how many were found
    whole on one page."""
    parser = Blocks()
    parser.feed(html)
    texts = [squeeze("".join(b)) for b in parser.blocks]
    split, whole = [], 0
    for text in texts:
        if len(text) < 8:
            continue
        if any(text in p for p in pages):
            whole += 1
            continue
        for i in range(len(pages) - 1):
            if text in pages[i] + pages[i + 1]:
                split.append((i + 1, text))
                break
    return split, whole


def check_report(chromium, pdftoppm, pdftotext, report, out_dir, tmp, tag):
    failures = []
    html = open(report, encoding="utf-8").read()
    measured = os.path.join(tmp, tag + "-measure.html")
    with open(measured, "w", encoding="utf-8") as f:
        f.write(with_extra(html, body_extra=MEASURE))
    for width in (390, 1280):
        shot = os.path.join(out_dir, "%s-%d.png" % (tag, width))
        rc, _ = chromium_run(chromium, ["--screenshot=" + shot, "--window-size=%d,2400" % width], report,
                             os.path.join(tmp, "prof-shot-%s-%d" % (tag, width)))
        if rc != 0 or not os.path.exists(shot):
            failures.append("%s: no screenshot at %d px (chromium exit %d)" % (tag, width, rc))
        else:
            variance = png_variance(shot)
            if variance < 50:
                failures.append("%s: the %d px screenshot looks blank" % (tag, width))
        host = os.path.join(tmp, "%s-host-%d.html" % (tag, width))
        with open(host, "w", encoding="utf-8") as f:
            f.write(HOST % (os.path.basename(measured), width))
        rc, dom = chromium_run(chromium, ["--dump-dom", "--virtual-time-budget=10000", "--window-size=1400,1000"],
                               host, os.path.join(tmp, "prof-dom-%s-%d" % (tag, width)))
        m = re.search(r'<pre id="skpi-measure">(.*?)</pre>', dom, re.S)
        if m is None:
            failures.append("%s: no measurement at %d px (chromium exit %d)" % (tag, width, rc))
            continue
        res = json.loads(m.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                         .replace("&amp;", "&"))
        print("%s at %d px: scrollWidth %d, clientWidth %d, %d chart texts, %d below 10 px"
              % (tag, width, res["scrollWidth"], res["clientWidth"], res["chartTexts"], len(res["small"])))
        if res["clientWidth"] != width:
            failures.append("%s: the viewport is %d px wide, not %d" % (tag, res["clientWidth"], width))
        if res["scrollWidth"] > res["clientWidth"]:
            failures.append("%s at %d px: scrolls sideways (scrollWidth %d > clientWidth %d): %s"
                            % (tag, width, res["scrollWidth"], res["clientWidth"], "; ".join(res["wide"])))
        if res["chartTexts"] == 0 and "<svg class=\"chart" in html:
            failures.append("%s at %d px: no chart text measured" % (tag, width))
        for s in res["small"][:5]:
            failures.append("%s at %d px: chart text %s" % (tag, width, s))
        if width == 390 and res["tiles"] > 1 and res["tilesPerRow"] != 2:
            failures.append("%s at 390 px: %d KPI tiles a row, not 2" % (tag, res["tilesPerRow"]))
    for paper in ("A4", "letter"):
        printed = os.path.join(tmp, "%s-%s.html" % (tag, paper))
        with open(printed, "w", encoding="utf-8") as f:
            f.write(with_extra(html, head_extra="<style>@page{size:%s}</style>" % paper))
        pdf = os.path.join(out_dir, "%s-%s.pdf" % (tag, paper))
        rc, _ = chromium_run(chromium, ["--print-to-pdf=" + pdf, "--no-pdf-header-footer"], printed,
                             os.path.join(tmp, "prof-pdf-%s-%s" % (tag, paper)))
        if rc != 0 or not os.path.exists(pdf):
            failures.append("%s: no PDF on %s (chromium exit %d)" % (tag, paper, rc))
            continue
        prefix = os.path.join(tmp, "%s-%s-page" % (tag, paper))
        subprocess.run([pdftoppm, "-gray", "-r", "20", pdf, prefix], check=True)
        pages = sorted(p for p in os.listdir(tmp) if p.startswith(os.path.basename(prefix)))
        fills = []
        for i, page in enumerate(pages):
            last, height = page_fill(os.path.join(tmp, page))
            # the page's margins (12 mm of 297 mm or 279 mm) hold no ink
            margin = height * 12.0 / (297.0 if paper == "A4" else 279.4)
            used = (last - margin) / (height - 2 * margin)
            fills.append(used)
            if i + 1 < len(pages) and used < 0.5:
                failures.append("%s on %s: page %d of %d is %.0f%% empty"
                                % (tag, paper, i + 1, len(pages), 100 * (1 - used)))
        texts = [subprocess.run([pdftotext, "-raw", "-f", str(i + 1), "-l", str(i + 1), pdf, "-"],
                                check=True, stdout=subprocess.PIPE).stdout.decode("utf-8", "replace")
                 for i in range(len(pages))]
        split, whole = split_blocks(html, [squeeze(t) for t in texts])
        for page, text in split[:5]:
            failures.append("%s on %s: a block is split between pages %d and %d: %s"
                            % (tag, paper, page, page + 1, text[:60]))
        # the last page may be short, but not a line or two that a block
        # or a paragraph left behind ("Open the post" alone)
        lines = [ln for ln in texts[-1].splitlines() if ln.strip()] if texts else []
        if len(pages) > 1 and len(lines) < 3:
            failures.append("%s on %s: the last page (%d) holds only a stray line: %s"
                            % (tag, paper, len(pages), " / ".join(lines)))
        print("%s on %s: %d blocks whole on a page, %d split" % (tag, paper, whole, len(split)))
        print("%s on %s: %d pages, filled to %s" % (tag, paper, len(pages),
                                                   ", ".join("%.0f%%" % (100 * f) for f in fills)))
    return failures


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    out_dir = os.path.abspath(sys.argv[1])
    args = sys.argv[2:]
    skpi = None
    if "--skpi" in args:
        i = args.index("--skpi")
        skpi = args[i + 1]
        del args[i:i + 2]
    reports = [os.path.abspath(p) for p in args]
    chromium = find_chromium()
    pdftoppm, pdftotext = shutil.which("pdftoppm"), shutil.which("pdftotext")
    if chromium is None or pdftoppm is None or pdftotext is None:
        print("SKIPPED: %s not on PATH (scripts/install-deps installs chromium and poppler-utils)"
              % ("chromium" if chromium is None else "pdftoppm or pdftotext"))
        return 77
    os.makedirs(out_dir, exist_ok=True)
    if skpi:
        demo = os.path.join(out_dir, "demo")
        shutil.rmtree(demo, ignore_errors=True)
        subprocess.run([skpi, "demo", "--dir", demo, "--generated-at", "none", "--quiet"], check=True,
                       stdout=subprocess.DEVNULL)
        reports.append(os.path.join(demo, "report.html"))
    failures = []
    with tempfile.TemporaryDirectory(prefix="skpi-layout-") as tmp:
        for n, report in enumerate(reports):
            tag = "%d-%s" % (n, os.path.splitext(os.path.basename(report))[0])
            failures += check_report(chromium, pdftoppm, pdftotext, report, out_dir, tmp, tag)
    print("screenshots and PDFs in " + out_dir)
    for f in failures:
        print("FAILED: " + f)
    print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
