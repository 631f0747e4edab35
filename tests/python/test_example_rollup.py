"""The rollup_table example against an independent computation with the csv module."""
import csv
import datetime
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "examples", "data", "daily_metrics.csv")
EXAMPLE = os.environ.get("SKPI_ROLLUP_TABLE", os.path.join(ROOT, "build", "examples", "rollup_table"))


def expected():
    """Week (ISO, Monday) and month sums of the CSV, with missing-day flags."""
    weeks, months = {}, {}
    with open(DATA, newline="") as f:
        for row in csv.DictReader(f):
            d = datetime.date.fromisoformat(row["date"])
            y, w, _ = d.isocalendar()
            for key, table in ((f"{y}-W{w:02d}", weeks), (f"{d.year}-{d.month:02d}", months)):
                acc = table.setdefault(key, [0, 0, 0, False])
                if row["impressions"] == "":
                    acc[3] = True
                    continue
                acc[0] += int(row["impressions"])
                acc[1] += int(row["engagements"])
                acc[2] += int(row["new_followers"])
    return weeks, months


def parse(output):
    tables, current = {}, None
    for line in output.splitlines():
        if line.startswith("Week") or line.startswith("Month"):
            current = tables.setdefault(line.split()[0], {})
            continue
        m = re.match(r"^(\d{4}-(?:W\d\d|\d\d))\s+([\d,]+)\s+([\d,]+)\s+([\d.]+) %\s+([\d,]+)(\s+\*)?$", line)
        if m and current is not None:
            num = lambda s: int(s.replace(",", ""))
            current[m.group(1)] = (num(m.group(2)), num(m.group(3)), float(m.group(4)),
                                   num(m.group(5)), m.group(6) is not None)
    return tables


def test_rollup_table_matches_csv_module():
    out = subprocess.run([EXAMPLE, DATA], check=True, capture_output=True, text=True).stdout
    tables = parse(out)
    weeks, months = expected()
    for name, exp in (("Week", weeks), ("Month", months)):
        got = tables[name]
        assert sorted(got) == sorted(exp), name
        for key, (imp, eng, fol, gap) in exp.items():
            g = got[key]
            assert g[0] == imp and g[1] == eng and g[3] == fol, (key, g, exp[key])
            assert abs(g[2] - round(eng / imp * 100, 2)) < 0.006, key
            assert g[4] == gap, key
    # the two planted gaps: 2026-08-14 (W33, August) and 2026-09-02 (W36, September)
    assert [k for k, v in weeks.items() if v[3]] == ["2026-W33", "2026-W36"]
    assert [k for k, v in months.items() if v[3]] == ["2026-08", "2026-09"]
