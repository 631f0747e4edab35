#!/usr/bin/python3
"""Bulk append from numpy through the Python binding, against the same append from C.

Runs bench_append (C) and the same appends from Python in one run, rounds
alternating, on the same data (one point a minute from 2020, values cycling
through 0, 0.5, ..., 499.5, every 97th missing), and prints both best times
and their ratio. The target is a ratio of at most 1.5 (exit status 1 above).

    /usr/bin/python3 tests/bench/bench_python_append.py \\
        --bench BUILD/tests/bench/bench_append --library BUILD/lib/libsocialkpi.so [--n 10000000] [--reps 7]
"""
import argparse
import os
import subprocess
import sys
import time

import numpy as np

START = 1577836800  # 2020-01-01T00:00:00Z


def generate(n):
    i = np.arange(n, dtype=np.int64)
    t = START + 60 * i
    v = (i % 1000).astype(np.float64) * 0.5
    v[i % 97 == 96] = np.nan
    return t, v


def timed(make, append, free):
    """Seconds of one make + append (free not timed)."""
    t0 = time.perf_counter()
    obj = make()
    append(obj)
    dt = time.perf_counter() - t0
    free(obj)
    return dt


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", required=True, help="the bench_append program")
    ap.add_argument("--library", help="libsocialkpi.so to load (default: SOCIALKPI_LIBRARY)")
    ap.add_argument("--n", type=int, default=10_000_000, help="points per append")
    ap.add_argument("--reps", type=int, default=7, help="rounds of each; the best counts")
    args = ap.parse_args()
    if args.library:
        os.environ["SOCIALKPI_LIBRARY"] = os.path.abspath(args.library)
    sys.path.insert(0, os.path.join(here, "..", "..", "bindings", "python"))
    import socialkpi as sk

    t, v = generate(args.n)
    cases = {
        "series_append": (lambda: sk.Series("impressions", "x:@bench"),
                          lambda s: s.append(t, v), lambda s: s.close()),
        "dataset_append": (sk.Dataset, lambda ds: ds.append("impressions", "x:@bench", t, v),
                           lambda ds: ds.close()),
    }
    # C and Python rounds alternate, so that the changing load of a shared
    # machine weighs on both alike; the best round of each counts.
    c = {case: [] for case in cases}
    py = {case: [] for case in cases}
    for _ in range(args.reps):
        out = subprocess.run([args.bench, "--n", str(args.n), "--reps", "1"],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            fields = line.split()
            if fields[0] in c:
                c[fields[0]].append(float(fields[1]))
            elif fields[0] == "build" and len(c["series_append"]) == 0:
                print("C:", line)
        for case, (make, append, free) in cases.items():
            py[case].append(timed(make, append, free))

    # The binding must have stored exactly what numpy holds.
    with sk.Series("impressions", "x:@bench", t, v) as s:
        assert np.array_equal(s.times, t) and np.array_equal(s.values, v, equal_nan=True)

    print(f"{args.n:,} points, best of {args.reps} alternating rounds (mean in brackets), seconds")
    print(f"{'case':<16}{'C':>20}{'Python (numpy)':>24}{'ratio':>8}")
    worst = 0.0
    for case in cases:
        cb, cm = min(c[case]), sum(c[case]) / len(c[case])
        pb, pm = min(py[case]), sum(py[case]) / len(py[case])
        ratio = pb / cb
        worst = max(worst, ratio)
        print(f"{case:<16}{cb:>10.4f} ({cm:.4f}){pb:>14.4f} ({pm:.4f}){ratio:>8.2f}")
    print(f"worst ratio {worst:.2f} (target <= 1.5): {'met' if worst <= 1.5 else 'NOT met'}")
    return 0 if worst <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
