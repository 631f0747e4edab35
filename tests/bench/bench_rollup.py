#!/usr/bin/python3
"""Rollup benchmark, numpy and pandas side.

Regenerates the data of bench_rollup.c bit for bit, rolls it up to days,
ISO weeks, months and quarters (sum and last) with pandas
(Series.resample) and with numpy (searchsorted on the period starts, then
np.add.reduceat), checks that both agree with the C results, and prints
one table per size with the C, numpy and pandas times and their ratios.

    /usr/bin/python3 tests/bench/bench_rollup.py --results DIR [--sizes 1M,10M]

DIR holds the rollup_<N>.txt files that `bench_rollup --results DIR`
wrote; run_rollup.sh runs both programs.
"""
import argparse
import math
import os
import sys
import time

import numpy as np
import pandas as pd

START_2020 = 1577836800  # 2020-01-01T00:00:00Z
CADENCES = ("day", "week", "month", "quarter")
AGGS = ("sum", "last")
PANDAS_RULES = {
    "day": dict(rule="D"),
    # weeks from Monday, labelled by their Monday: bins [Mon, next Mon)
    "week": dict(rule="W-MON", closed="left", label="left"),
    "month": dict(rule="MS"),
    "quarter": dict(rule="QS"),
}


def parse_size(text):
    text = text.strip()
    scale = 1
    if text[-1] in "kK":
        scale, text = 1000, text[:-1]
    elif text[-1] in "mM":
        scale, text = 1000000, text[:-1]
    return int(float(text) * scale)


def splitmix64(i):
    """splitmix64 of a uint64 array; uint64 arithmetic wraps as in C."""
    z = (i + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def generate(n, nan_fraction):
    """The points of bench_rollup.c: same times, same value bits."""
    t = START_2020 + 60 * np.arange(n, dtype=np.int64)
    v = np.empty(n, dtype=np.float64)
    scale = 1000.0 / 9007199254740992.0
    chunk = 1 << 22
    with np.errstate(over="ignore"):
        for lo in range(0, n, chunk):
            i = np.arange(lo, min(n, lo + chunk), dtype=np.uint64)
            v[lo:lo + len(i)] = (splitmix64(i) >> np.uint64(11)).astype(np.float64) * scale
            if nan_fraction > 0:
                u = (splitmix64(i + np.uint64(1 << 40)) >> np.uint64(11)).astype(np.float64)
                v[lo:lo + len(i)][u / 9007199254740992.0 < nan_fraction] = np.nan
    return t, v


def period_starts(t, cadence):
    """UTC starts of every period from the first point's to one past the
    last point's (so consecutive entries bound each period)."""
    d0, d1 = int(t[0]) // 86400, int(t[-1]) // 86400
    if cadence == "day":
        return np.arange(d0, d1 + 2, dtype=np.int64) * 86400
    if cadence == "week":
        w0 = d0 - (d0 + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
        return np.arange(w0, d1 + 8, 7, dtype=np.int64) * 86400
    m0 = np.datetime64(int(t[0]), "s").astype("datetime64[M]")
    m1 = np.datetime64(int(t[-1]), "s").astype("datetime64[M]")
    if cadence == "quarter":
        k0 = m0.astype(np.int64) // 3 * 3  # months since 1970-01, aligned
        k1 = m1.astype(np.int64) // 3 * 3
        months = np.arange(k0, k1 + 4, 3).astype("datetime64[M]")
    else:
        months = np.arange(m0, m1 + 2)
    return months.astype("datetime64[s]").astype(np.int64)


def numpy_scratch(n, has_nan):
    """Work arrays for numpy_rollup, made once outside the timing, as a
    careful numpy user would (fresh 8-byte-per-point arrays in every call
    would mostly time page faults)."""
    if not has_nan:
        return None
    return {"nan": np.empty(n, dtype=bool), "w": np.empty(n), "pos": np.empty(n, dtype=np.int64),
            "arange": np.arange(n, dtype=np.int64)}


def numpy_rollup(t, v, cadence, agg, scratch):
    starts = period_starts(t, cadence)
    idx = np.searchsorted(t, starts)
    lo, hi = idx[:-1], idx[1:]
    if agg == "sum":
        if scratch is not None:
            nan, w = scratch["nan"], scratch["w"]
            np.isnan(v, out=nan)
            np.copyto(w, v)
            np.copyto(w, 0.0, where=nan)
            out = np.add.reduceat(w, lo)
            present = (hi - lo) - np.add.reduceat(nan, lo, dtype=np.int64)
            out[present == 0] = np.nan
        else:
            out = np.add.reduceat(v, lo)
        out[lo == hi] = np.nan  # reduceat gives v[lo] for an empty range
    else:
        if scratch is not None:
            # index of the last present value at or before each position
            nan, pos = scratch["nan"], scratch["pos"]
            np.isnan(v, out=nan)
            np.copyto(pos, scratch["arange"])
            np.copyto(pos, -1, where=nan)
            np.maximum.accumulate(pos, out=pos)
            last = pos[np.maximum(hi - 1, 0)]
            out = np.where((last >= lo) & (hi > lo), v[np.maximum(last, 0)], np.nan)
        else:
            out = np.where(hi > lo, v[np.maximum(hi - 1, 0)], np.nan)
    return starts[:-1], out


def pandas_rollup(series, cadence, agg):
    r = series.resample(**PANDAS_RULES[cadence])
    # min_count=1: a period without values is NaN, as in the library
    out = r.sum(min_count=1) if agg == "sum" else r.last()
    return out.index.asi8 // 10**9, out.to_numpy()


def best_of(fn, budget, least=3):
    best, spent, k, result = math.inf, 0.0, 0, None
    while k < least or (spent < budget and k < 500):
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        spent += dt
        best = min(best, dt)
        k += 1
    return best, result


def read_c_results(path):
    meta, rollups = {}, {}
    with open(path) as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        parts = lines[i].split()
        i += 1
        if parts[0] == "rollup":
            cadence, agg, seconds, m = parts[1], parts[2], float(parts[3]), int(parts[4])
            near = float(parts[5]) if len(parts) > 5 else math.nan
            keys = np.empty(m, dtype=np.int64)
            vals = np.empty(m, dtype=np.float64)
            for k in range(m):
                a, b = lines[i + k].split()
                keys[k] = int(a)
                vals[k] = float(b)
            i += m
            rollups[(cadence, agg)] = (seconds, keys, vals, near)
        else:
            meta[parts[0]] = parts[1]
    return meta, rollups


def agree(keys_a, vals_a, keys_b, vals_b, agg):
    if len(keys_a) != len(keys_b) or not np.array_equal(keys_a, keys_b):
        return False
    if agg == "last":
        return np.array_equal(vals_a, vals_b, equal_nan=True)
    return np.allclose(vals_a, vals_b, rtol=1e-9, atol=0.0, equal_nan=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1M,10M")
    ap.add_argument("--results", required=True, help="folder of bench_rollup's rollup_<N>.txt")
    ap.add_argument("--nan", type=float, default=0.0, help="fraction of missing values")
    args = ap.parse_args()

    all_ok = True
    for n in [parse_size(s) for s in args.sizes.split(",")]:
        path = os.path.join(args.results, "rollup_%d.txt" % n)
        if not os.path.exists(path):
            sys.exit("bench_rollup.py: %s is missing; run bench_rollup --results first" % path)
        meta, c = read_c_results(path)
        if float(meta["nan"]) != args.nan:
            sys.exit("bench_rollup.py: C ran with --nan %s, this with %s" % (meta["nan"], args.nan))
        t, v = generate(n, args.nan)
        has_nan = bool(np.isnan(v).any())
        scratch = numpy_scratch(n, has_nan)
        series = pd.Series(v, index=pd.to_datetime(t, unit="s"))
        budget = 1.0 if n <= 20000000 else 3.0
        limit = float(meta["limit"])

        print()
        print("N = {:,} minute points from 2020-01-01 (missing: {:g}); C build {}".format(
            n, args.nan, meta["build"]))
        print("C series: {:.2f} bytes/point held, {:.2f} at peak; bulk append {:.1f} ms "
              "(malloc + memcpy of the same bytes {:.1f} ms)".format(
                  float(meta["held"]), float(meta["peak"]), float(meta["append"]) * 1e3,
                  float(meta["copy"]) * 1e3))
        print("limit: plain multi-accumulator sum of the values {:.3f} ms ({:.1f} GB/s), "
              "timed round-robin with the C sums".format(limit * 1e3, n * 8 / limit / 1e9))
        head = "{:<8} {:<4} {:>7} {:>9} {:>9} {:>10} {:>8} {:>8} {:>9} {:>6}".format(
            "cadence", "agg", "buckets", "C ms", "numpy ms", "pandas ms", "C/limit",
            "x numpy", "x pandas", "agree")
        print(head)
        print("-" * len(head))
        rows = {}
        for cadence in CADENCES:
            for agg in AGGS:
                c_s, c_keys, c_vals, near = c[(cadence, agg)]
                np_s, (np_keys, np_vals) = best_of(
                    lambda: numpy_rollup(t, v, cadence, agg, scratch), budget)
                pd_s, (pd_keys, pd_vals) = best_of(
                    lambda: pandas_rollup(series, cadence, agg), budget)
                ok = (agree(c_keys, c_vals, np_keys, np_vals, agg)
                      and agree(c_keys, c_vals, pd_keys, pd_vals, agg))
                all_ok &= ok
                rows[(cadence, agg)] = (c_s, np_s, pd_s, near)
                vs_limit = "{:.2f}".format(near / c_s) if agg == "sum" else "-"
                print("{:<8} {:<4} {:>7} {:>9.3f} {:>9.3f} {:>10.3f} {:>8} {:>8.1f} {:>9.0f} {:>6}"
                      .format(cadence, agg, len(c_keys), c_s * 1e3, np_s * 1e3, pd_s * 1e3,
                              vs_limit, np_s / c_s, pd_s / c_s, "yes" if ok else "NO"))

        month_c, month_np, month_pd, month_lim = rows[("month", "sum")]
        checks = [
            ("month sum >= 0.8 x limit", month_lim / month_c >= 0.8,
             "%.2f" % (month_lim / month_c)),
            ("month sum >= 1.3 x numpy", month_np / month_c >= 1.3, "%.1fx" % (month_np / month_c)),
            ("month sum >= 30 x pandas", month_pd / month_c >= 30, "%.0fx" % (month_pd / month_c)),
        ]
        for cadence in ("day", "week", "quarter"):
            # the C program times the cadences round-robin, so they compare
            r = rows[(cadence, "sum")][0] / month_c
            checks.append(("%s sum within 25%% of month" % cadence, r <= 1.25,
                           "%+.0f%%" % ((r - 1) * 100)))
        checks.append(("<= 16 bytes/point held", float(meta["held"]) <= 16.0 + 1e-3,
                       "%.2f" % float(meta["held"])))
        print("targets: " + "; ".join("%s: %s (%s)" % (name, "met" if ok else "MISSED", got)
                                       for name, ok, got in checks))
    if not all_ok:
        sys.exit("bench_rollup.py: C, numpy and pandas disagree (see the agree column)")


if __name__ == "__main__":
    main()
