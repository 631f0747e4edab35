#!/usr/bin/env python3
"""Open the golden HTML report in headless Chromium and check that it renders.

Checks: the page is not blank (pixel variance of a screenshot), the charts
are drawn (their SVG elements are in the DOM, their series colour is on the
screenshot), and the page logs no console errors. Exits 77 (ctest: skipped)
when no Chromium is installed (Debian package `chromium`,
scripts/install-deps installs it).

usage: check_html_chromium.py REPORT.html
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]


def find_chromium():
    for name in (os.environ.get("SKPI_CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def run(chromium, args, url, profile):
    cmd = [chromium] + FLAGS + ["--user-data-dir=" + profile] + args + [url]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def read_png(path):
    """Decode an 8-bit RGB or RGBA non-interlaced PNG into rows of pixels."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError("unsupported PNG (depth %d, colour type %d)" % (depth, ctype))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    report = os.path.abspath(sys.argv[1])
    chromium = find_chromium()
    if chromium is None:
        print("SKIPPED: no chromium on PATH (apt-get install chromium, or scripts/install-deps)")
        return 77
    url = "file://" + report
    failures = []
    with tempfile.TemporaryDirectory(prefix="skpi-chromium-") as tmp:
        shot = os.path.join(tmp, "shot.png")
        rc, _, log = run(chromium, ["--screenshot=" + shot, "--window-size=1000,2600"], url,
                         os.path.join(tmp, "profile1"))
        if rc != 0 or not os.path.exists(shot):
            print(log[-3000:])
            print("FAILED: chromium exited %d without a screenshot" % rc)
            return 1
        rc, dom, log2 = run(chromium, ["--dump-dom"], url, os.path.join(tmp, "profile2"))
        if rc != 0:
            failures.append("chromium --dump-dom exited %d" % rc)

        # The report has no script, so any console message of the page is a
        # fault (Chromium logs them as "INFO:CONSOLE" or "ERROR:CONSOLE"
        # lines, uncaught exceptions as "Uncaught ..."); Chromium's own
        # dbus/gpu noise carries no CONSOLE tag.
        for line in (log + log2).splitlines():
            if "Uncaught" in line or ":CONSOLE" in line:
                failures.append("console: " + line.strip())

        # The charts made it into the DOM, accessible.
        charts = re.findall(r'<svg class="chart wide"[^>]*role="img"[^>]*aria-labelledby="[^"]+"', dom)
        sparks = re.findall(r'<svg class="spark"[^>]*role="img"', dom)
        bars = re.findall(r'<svg class="bar"[^>]*role="img"', dom)
        titles = re.findall(r"<title id=\"chart\d+-title\">", dom)
        if len(charts) < 2:
            failures.append("expected 2 chart SVGs with role=img in the DOM, found %d" % len(charts))
        if len(titles) < 2:
            failures.append("expected 2 chart <title> elements, found %d" % len(titles))
        if not sparks:
            failures.append("no sparkline SVG in the DOM")
        if not bars:
            failures.append("no progress bar SVG in the DOM")
        if "<th scope=\"col\"" not in dom or "<th scope=\"row\"" not in dom:
            failures.append("table headers lack scope")

        # The screenshot is not blank, and the first series colour (#0072B2) is on it.
        width, height, bpp, rows = read_png(shot)
        n = s = s2 = 0
        blue = 0
        for y in range(0, height, 2):
            row = rows[y]
            for x in range(0, width * bpp, bpp * 2):
                r, g, b = row[x], row[x + 1], row[x + 2]
                lum = (299 * r + 587 * g + 114 * b) // 1000
                n += 1
                s += lum
                s2 += lum * lum
                if abs(r - 0x00) < 24 and abs(g - 0x72) < 24 and abs(b - 0xB2) < 24:
                    blue += 1
        mean = s / n
        variance = s2 / n - mean * mean
        print("screenshot %dx%d: mean luminance %.1f, variance %.1f, chart-blue pixels %d (sampled)"
              % (width, height, mean, variance, blue))
        print("DOM: %d charts, %d sparklines, %d progress bars" % (len(charts), len(sparks), len(bars)))
        if variance < 100:
            failures.append("the page looks blank (luminance variance %.1f)" % variance)
        if blue < 200:
            failures.append("the charts' series colour is hardly on the screenshot (%d pixels)" % blue)

    for f in failures:
        print("FAILED: " + f)
    if not failures:
        print("1 passed, 0 failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
