"""Content aggregates benchmark, in one run: 1 M generated posts grouped by
normalised type and by weekday x hour in Europe/Berlin, by the library
(bench_posts, best of --repeat) against pandas computing the same figures
on the same posts (best of --repeat), with the ratio.

By type both sides compute, per type, the posts, the total and the median
of engagements per post, the engagement rate as a ratio of sums and the
share of the total, and the same over all posts (the summary row). The
type is a categorical column in pandas, as it is a one-byte kind column in
the library; both are built before the timed runs (the library's in its
first run, printed on its own, pandas' with its DataFrame, timed and
printed too). The library also ranks the best and worst 3 posts of each
type, which the pandas side does not. By weekday x hour both compute the
posts and the median per cell, converting times to the zone in each run.

Targets (docs/content.md): each aggregate under 100 ms and at least 5x
faster than pandas. The figures of both sides are compared too.
Usage: /usr/bin/python3 tests/bench/bench_posts.py --bench BUILD/tests/bench/bench_posts
"""
import argparse
import math
import os
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd

ZONE = "Europe/Berlin"
RAW = ["IG_reel", "IG_image", "IG_carousel", "IG_video", "Photos", "Videos", "Reels", "Links",
       "Text", "Albums", "IG_story", "Live"]
KIND = {"IG_reel": "reel", "IG_image": "photo", "IG_carousel": "carousel", "IG_video": "video",
        "Photos": "photo", "Videos": "video", "Reels": "reel", "Links": "link", "Text": "text",
        "Albums": "carousel", "IG_story": "story", "Live": "live"}


def generate(n):
    rng = np.random.default_rng(20260714)
    t = rng.integers(1_600_000_000, 1_780_000_000, n)  # 2020 to 2026, across DST changes
    raw = rng.integers(0, len(RAW), n)
    imp = rng.integers(100, 100_000, n).astype(float)
    eng = np.floor(imp * rng.random(n) * 0.1)
    return t, raw, eng, imp


def best(fn, repeat):
    out, t = None, math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        t = min(t, time.perf_counter() - t0)
    return out, t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--posts", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    t, raw, eng, imp = generate(a.posts)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "posts.txt")
        names = np.array(RAW)[raw]
        with open(path, "w") as f:
            f.write("".join("%d %s %.0f %.0f\n" % r for r in zip(t, names, eng, imp)))
        out = subprocess.run([a.bench, path, ZONE, "--repeat", str(a.repeat)], check=True,
                             capture_output=True, text=True).stdout
    lib = {}
    types, cells = {}, {}
    for line in out.splitlines():
        f = line.split()
        if f[0] == "type":
            types[f[1]] = (int(f[2]), float(f[3]), float(f[4]), float(f[5]), float(f[6]))
        elif f[0] == "cell":
            cells[(int(f[1]), int(f[2]))] = (int(f[3]), float(f[4]))
        else:
            lib[f[0]] = f[1] if len(f) > 1 else ""

    def frame():
        kinds = pd.Series(np.array([KIND[r] for r in RAW])[raw], dtype="category")
        return pd.DataFrame({"t": t, "kind": kinds, "eng": eng, "imp": imp})

    t0 = time.perf_counter()
    df = frame()
    frame_s = time.perf_counter() - t0

    def by_type(d=df):
        g = d.groupby("kind", observed=True).agg(posts=("eng", "size"), total=("eng", "sum"),
                                                 median=("eng", "median"), imp=("imp", "sum"))
        total, imp_total = g["total"].sum(), g["imp"].sum()
        g["rate"] = g["total"] / g["imp"] * 100
        g["share"] = g["total"] / total
        g.loc["all"] = [len(d), total, d["eng"].median(), imp_total, total / imp_total * 100, 1.0]
        return g

    def by_time():
        local = pd.to_datetime(df["t"], unit="s", utc=True).dt.tz_convert(ZONE)
        return df["eng"].groupby([local.dt.dayofweek, local.dt.hour]).agg(["size", "median"])

    t0 = time.perf_counter()
    by_type()
    pt_cold = time.perf_counter() - t0
    gt, pt_type = best(by_type, a.repeat)
    # for reference: the type as strings, as pandas reads them from a file
    strings = df.assign(kind=df["kind"].astype(str))
    _, pt_strings = best(lambda: by_type(strings), a.repeat)
    gh, pt_time = best(by_time, a.repeat)
    for kind, row in gt.iterrows():
        posts, total, median, rate, share = types[kind]
        assert posts == row["posts"] and math.isclose(total, row["total"], rel_tol=1e-12)
        assert median == row["median"] and math.isclose(rate, row["rate"], rel_tol=1e-12), kind
        assert math.isclose(share, row["share"], rel_tol=1e-12), kind
    assert len(types) == len(gt)
    assert len(cells) == len(gh)
    for (wd, hour), row in gh.iterrows():
        assert cells[(wd + 1, hour)] == (row["size"], row["median"]), (wd, hour)

    ct, ch = float(lib["type_ms"]), float(lib["time_ms"])
    print("build type %s; %d posts (library load %.2f s); best of %d" %
          (lib["build"] or "(none)", int(lib["posts"]), float(lib["load_s"]), a.repeat))
    print("%-26s %10s %10s %8s" % ("aggregate", "library", "pandas", "ratio"))
    print("%-26s %8.1f ms %8.1f ms %7.1fx" % ("by type", ct, pt_type * 1e3, pt_type * 1e3 / ct))
    print("%-26s %8.1f ms %8.1f ms %7.1fx" % ("by weekday x hour (%s)" % ZONE, ch, pt_time * 1e3,
                                               pt_time * 1e3 / ch))
    both_c, both_p = ct + ch, (pt_type + pt_time) * 1e3
    print("%-26s %8.1f ms %8.1f ms %7.1fx" % ("both", both_c, both_p, both_p / both_c))
    print("by type, pandas with the type as strings (object), for reference: %.1f ms (%.1fx)" %
          (pt_strings * 1e3, pt_strings * 1e3 / ct))
    print("first runs: library by type %.1f ms (it builds the post columns), by weekday x hour "
          "%.1f ms (columns built); pandas: building the DataFrame %.1f ms, first by type %.1f ms" %
          (float(lib["cold_type_ms"]), float(lib["cold_time_ms"]), frame_s * 1e3, pt_cold * 1e3))
    print("figures: identical to pandas (counts, sums, medians, rates, shares, the summary row)")
    ok = ct < 100 and ch < 100 and pt_type * 1e3 / ct >= 5 and pt_time * 1e3 / ch >= 5
    print("targets (each < 100 ms, >= 5x pandas, best of %d after the first run): %s" %
          (a.repeat, "met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
