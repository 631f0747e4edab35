#!/usr/bin/env python3
"""Check the value axis of every chart of an HTML report.

For each chart: the gridlines are evenly spaced, their labels read back as
evenly spaced values whose step is 1, 2, 2.5 or 5 times a power of ten, and
each label is the value of its gridline, measured against the chart's own
data points (a line's markers, a bar's top, whose tooltips hold the exact
value): a point drawn at height y must sit where the labelled gridlines put
its value. Labels rounded to fewer digits than the step needs ("18k" on the
17,500 gridline) fail here.

usage: check_chart_ticks.py REPORT.html [SKPI DEMO_DIR]
  With SKPI and DEMO_DIR, first run `SKPI demo --dir DEMO_DIR` and check
  the report it writes as well.
"""
import math
import re
import subprocess
import sys

SUFFIX = {"k": 1e3, "M": 1e6}


def number(text):
    """'17.5k' -> 17500, '25%' -> 25, '1,234' -> 1234, '0.50' -> 0.5; None otherwise."""
    t = text.replace("&#x2212;", "-").replace("\u2212", "-").replace(",", "").strip()
    m = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)\s*(k|M|%|pp)?(?:\s*[A-Z]{3})?", t)
    if not m:
        return None
    return float(m.group(1)) * SUFFIX.get(m.group(2) or "", 1.0)


def check_chart(name, svg):
    problems = []
    axes = re.search(r'<g class="axes"[^>]*>(.*?)</g>', svg, re.S).group(1)
    grid = [float(y) for y in re.findall(r'<line [^>]*y1="([-\d.]+)"', axes)]
    labels = re.findall(r'<text text-anchor="end"[^>]*>([^<]*)</text>', axes)
    if len(grid) != len(labels) or len(grid) < 2:
        return ["%s: %d gridlines, %d labels" % (name, len(grid), len(labels))]
    values = [number(t) for t in labels]
    if any(v is None for v in values):
        return []  # durations ("1h 30m") are not checked
    gaps = [b - a for a, b in zip(grid, grid[1:])]
    if max(gaps) - min(gaps) > 0.11:
        problems.append("%s: gridlines not evenly spaced: %s" % (name, grid))
    steps = [b - a for a, b in zip(values, values[1:])]
    step = steps[0]
    if any(abs(s - step) > 1e-9 * max(1, abs(step)) for s in steps):
        problems.append("%s: labels %s are not evenly spaced" % (name, labels))
    mant = abs(step) / 10 ** math.floor(math.log10(abs(step)))
    if not any(abs(mant - n) < 1e-9 for n in (1, 2, 2.5, 5)):
        problems.append("%s: step %g is not 1, 2, 2.5 or 5 times a power of ten" % (name, step))
    # value at height y according to the labels (y grows downwards)
    y0, v0, y1, v1 = grid[0], values[0], grid[-1], values[-1]

    def value_at(y):
        return v0 + (y - y0) * (v1 - v0) / (y1 - y0)

    per_px = abs((v1 - v0) / (y1 - y0))
    points = []
    for cy, title in re.findall(r'<circle r="3"[^>]*cy="([-\d.]+)"><title>([^<]*)</title>', svg):
        points.append((float(cy), title))
    zero_y = grid[values.index(0)] if 0 in values else None
    for y, h, title in re.findall(r'<rect fill="[^"]*"[^>]*y="([-\d.]+)" height="([-\d.]+)"><title>([^<]*)</title>',
                                  svg):
        v = number(title.rsplit(": ", 1)[1])
        if v is None or zero_y is None:
            continue
        top = float(y) if v >= 0 else float(y) + float(h)
        points.append((top, title))
    for y, title in points:
        v = number(title.rsplit(": ", 1)[1])
        if v is None or v < min(values) or v > max(values):
            continue  # values past a fixed range are drawn at its edge
        shown = value_at(y)
        # coordinates are written to a tenth of a pixel; tooltips to their digits
        tol = 0.06 * per_px + 0.006 * abs(v) + 1e-9
        if abs(shown - v) > tol:
            problems.append("%s: %s is drawn at %g on the labelled axis" % (name, title, shown))
    return problems


def check_file(path):
    html = open(path, encoding="utf-8").read()
    # every drawing of each chart: the wide one and the narrow one for phones
    charts = []
    for name, body in re.findall(r'<figure class="chart"><figcaption[^>]*>([^<]*)</figcaption>(.*?)</figure>',
                                 html, re.S):
        charts += [(name, svg) for svg in re.findall(r'<svg class="chart[^"]*".*?</svg>', body, re.S)]
    problems = []
    for name, svg in charts:
        problems += check_chart(name, svg)
    print("%s: %d charts" % (path, len(charts)))
    return charts, problems


def main():
    paths = [sys.argv[1]]
    if len(sys.argv) == 4:
        subprocess.run([sys.argv[2], "demo", "--dir", sys.argv[3], "--generated-at", "none", "--quiet"],
                       check=True, stdout=subprocess.DEVNULL)
        paths.append(sys.argv[3] + "/report.html")
    problems = []
    for p in paths:
        charts, found = check_file(p)
        if not charts:
            problems.append("%s: no charts" % p)
        problems += found
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
