"""Content aggregates benchmark, in one run: 1 M generated posts grouped by
normalised type (count, sum and median of engagements, engagement rate as a
ratio of sums) and by weekday x hour in Europe/Berlin (count and median),
by the library (bench_posts, best of --repeat) against the same pandas
groupbys on the same posts (best of --repeat), with the ratio. The
library's first run, which builds the dataset's post columns (as building
the DataFrame does for pandas, which is not timed), is printed too.
Targets (docs/content.md): each aggregate under 100 ms and at least 5x
faster than its pandas groupby. The figures of both sides are compared too.
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
            types[f[1]] = (int(f[2]), float(f[3]), float(f[4]), float(f[5]))
        elif f[0] == "cell":
            cells[(int(f[1]), int(f[2]))] = (int(f[3]), float(f[4]))
        else:
            lib[f[0]] = f[1] if len(f) > 1 else ""

    kinds = pd.Series(np.array([KIND[r] for r in RAW])[raw])
    df = pd.DataFrame({"t": t, "kind": kinds, "eng": eng, "imp": imp})

    def by_type():
        g = df.groupby("kind").agg(posts=("eng", "size"), total=("eng", "sum"),
                                   median=("eng", "median"), imp=("imp", "sum"))
        g["rate"] = g["total"] / g["imp"] * 100
        return g

    def by_time():
        local = pd.to_datetime(df["t"], unit="s", utc=True).dt.tz_convert(ZONE)
        return df["eng"].groupby([local.dt.dayofweek, local.dt.hour]).agg(["size", "median"])

    gt, pt_type = best(by_type, a.repeat)
    gh, pt_time = best(by_time, a.repeat)
    for kind, row in gt.iterrows():
        posts, total, median, rate = types[kind]
        assert posts == row["posts"] and math.isclose(total, row["total"], rel_tol=1e-12)
        assert median == row["median"] and math.isclose(rate, row["rate"], rel_tol=1e-12), kind
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
    print("first run, building the post columns: by type %.1f ms, by weekday x hour %.1f ms" %
          (float(lib["cold_type_ms"]), float(lib["cold_time_ms"])))
    print("figures: identical to pandas (counts, sums, medians, rates)")
    ok = ct < 100 and ch < 100 and pt_type * 1e3 / ct >= 5 and pt_time * 1e3 / ch >= 5
    print("targets (each < 100 ms, >= 5x pandas): %s" % ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
