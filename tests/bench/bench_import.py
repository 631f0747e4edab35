"""Importer benchmark, in one run:
1. a generated 1 M-row generic long CSV (date,channel,metric,value) imported
   into a dataset, against pandas.read_csv of the same file followed by a
   pivot to one column per (metric, channel) -- target: 2x faster;
2. the 60 rOpenSci monthly X exports imported into one dataset, against
   pandas.read_csv of each -- target: at least as fast.
Both sides take the best of --repeat runs.
Usage: /usr/bin/python3 tests/bench/bench_import.py --bench BUILD/tests/bench/bench_import
"""
import argparse
import glob
import os
import random
import subprocess
import tempfile
import time

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The real exports (no licence to redistribute) are read only from $SKPI_TEST_DATA.
ROPENSCI = sorted(glob.glob(os.path.join(os.environ.get("SKPI_TEST_DATA", os.path.join(ROOT, "missing")),
                                         "exports", "x-tweets-rOpenSci", "tweet_activity_metrics_*.csv")))
METRICS = ["impressions", "reach", "engagements", "likes", "comments", "shares", "saves",
           "link_clicks", "video_views", "new_followers"]
CHANNELS = ["x:@acme", "instagram:@acme", "facebook:Acme", "linkedin:acme-corp", "tiktok:@acme",
            "youtube:acme", "x:@acme_help", "instagram:@acme_shop", "threads:@acme",
            "pinterest:acme"]


def generate(path, rows):
    """rows / 100 days, 10 channels x 10 metrics a day; counts and a few floats."""
    rnd = random.Random(20260714)
    days = rows // (len(METRICS) * len(CHANNELS))
    start = pd.Timestamp("2000-01-01")
    with open(path, "w") as f:
        f.write("date,channel,metric,value\n")
        for d in range(days):
            date = (start + pd.Timedelta(days=d)).strftime("%Y-%m-%d")
            lines = []
            for ch in CHANNELS:
                for m in METRICS:
                    v = rnd.randrange(0, 100000)
                    lines.append("%s,%s,%s,%s\n" % (date, ch, m, v if v % 7 else "%d.5" % v))
            f.write("".join(lines))
    return days * len(METRICS) * len(CHANNELS)


def best(fn, repeat):
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def library(bench, files, repeat):
    out = subprocess.run([bench, "--repeat", str(repeat)] + files, check=True,
                         capture_output=True, text=True).stdout.split()
    fields = dict(zip(out[0::2], out[1::2]))
    return float(fields["best_seconds"]), fields


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True, help="path of the bench_import program")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "long.csv")
        rows = generate(path, args.rows)
        size = os.path.getsize(path)
        c_long, info = library(args.bench, [path], args.repeat)

        def pandas_long():
            df = pd.read_csv(path, parse_dates=["date"])
            wide = df.pivot(index="date", columns=["metric", "channel"], values="value")
            assert wide.shape[1] == len(METRICS) * len(CHANNELS)

        p_long = best(pandas_long, args.repeat)

    print("build: %s; best of %d runs each" % (info["build"], args.repeat))
    print("generic long CSV: %d rows, %.1f MB, %s points" % (rows, size / 1e6, info["points"]))
    print("  socialkpi import into a dataset : %8.3f s" % c_long)
    print("  pandas read_csv + pivot         : %8.3f s" % p_long)
    print("  ratio pandas / socialkpi        : %8.2fx (target >= 2x)" % (p_long / c_long))
    if not ROPENSCI:
        print("rOpenSci monthly X exports: skipped (SKPI_TEST_DATA does not name the real exports)")
        return
    c_real, info_real = library(args.bench, ROPENSCI, args.repeat)

    def pandas_real():
        for f in ROPENSCI:
            pd.read_csv(f)

    p_real = best(pandas_real, args.repeat)
    print("rOpenSci monthly X exports: %d files, %s posts" % (len(ROPENSCI), info_real["posts"]))
    print("  socialkpi import into a dataset : %8.3f s" % c_real)
    print("  pandas read_csv of each file    : %8.3f s" % p_real)
    print("  ratio pandas / socialkpi        : %8.2fx (target >= 1x)" % (p_real / c_real))


if __name__ == "__main__":
    main()
