#!/usr/bin/python3
"""A fleet on Dask against one process: import + evaluate + HTML report per account.

Generates N accounts (2,000 by default), each a long-format export of a year of daily
data on three channels and a definitions file with two goals, an objective and a
report; then, in the same run,
  1. one process: a plain loop over the accounts with the binding (import into a new
     store, evaluate the goals and key results, assemble and render the HTML report,
     write it to a file);
  2. socialkpi.fleet on a LocalCluster of W single-threaded worker processes (2 by
     default): import_exports, evaluate, reports into other stores and folders.
Prints accounts per second of each, the speed-up, and the per-task overhead: the share
of the workers' time not spent on accounts' work (1 - work / (wall x workers)).

  SOCIALKPI_LIBRARY=build/lib/libsocialkpi.so.0 PYTHONPATH=bindings/python \\
      /usr/bin/python3 tests/bench/bench_fleet.py [--accounts 2000] [--workers 2]
"""
import argparse
import os
import sys
import tempfile
import time

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bindings", "python"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bindings", "python", "tests"))

import socialkpi as sk  # noqa: E402
from socialkpi import fleet as fl  # noqa: E402
from fleet_data import YEAR, write_account  # noqa: E402

AS_OF = "2026-01-01"


def generate(folder, n):
    accounts = []
    for i in range(n):
        aid = f"acct-{i:04d}"
        write_account(os.path.join(folder, "exports"), aid, i)
        accounts.append(aid)
    return accounts


def fleet_in(folder, accounts, tag):
    os.makedirs(os.path.join(folder, tag))
    exports = os.path.join(folder, "exports")
    return fl.Fleet([fl.Account(aid, os.path.join(folder, tag, f"{aid}.db"),
                                os.path.join(exports, f"{aid}.json"), os.path.join(exports, aid))
                     for aid in accounts])


def one_process(f):
    """What a host writes without a fleet: a loop over the accounts with the binding."""
    for a in f:
        with sk.Definitions.load(a.definitions) as defs:
            with sk.Dataset(defs.catalog) as ds:
                for name in sorted(os.listdir(a.exports)):
                    sk.import_file(ds, os.path.join(a.exports, name))
                with sk.Store.create(a.store) as store:
                    store.write_dataset(ds)
                fl.status_rows(defs, ds, AS_OF)
                with defs.build_report("monthly", AS_OF) as rd, rd.assemble(ds) as doc:
                    html = doc.render("html", generated_at=AS_OF)
            with open(os.path.join(os.path.dirname(a.store), f"{a.id}.html"), "w") as out:
                out.write(html)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--accounts", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=None)
    args = ap.parse_args()
    import distributed
    with tempfile.TemporaryDirectory() as folder:
        t = time.perf_counter()
        accounts = generate(folder, args.accounts)
        print(f"generated {args.accounts} accounts in {time.perf_counter() - t:.1f} s "
              f"({len(YEAR)} days x 3 channels x 3 metrics each)")

        seq = fleet_in(folder, accounts, "one")
        t = time.perf_counter()
        one_process(seq)
        one = time.perf_counter() - t

        par = fleet_in(folder, accounts, "fleet")
        t = time.perf_counter()
        cluster = distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                           processes=True, host="127.0.0.1",
                                           dashboard_address=None, silence_logs=40)
        client = distributed.Client(cluster)
        startup = time.perf_counter() - t
        try:
            t = time.perf_counter()
            steps = [fl.import_exports(par, client=client, batch=args.batch),
                     fl.evaluate(par, AS_OF, client=client, batch=args.batch),
                     fl.reports(par, AS_OF, "html", generated_at=AS_OF, client=client,
                                batch=args.batch)]
            dask = time.perf_counter() - t
        finally:
            client.close()
            cluster.close()
        for name, frame in zip(("import", "evaluate", "reports"), steps):
            failed = dict(frame.attrs.get("errors", {}))
            if "error" in frame:
                failed.update(frame.dropna(subset=["error"]).set_index("account").error)
            assert not failed, (name, failed)
        n = args.accounts
        print(f"one process:            {one:7.2f} s  {n / one:7.1f} accounts/s")
        print(f"LocalCluster, {args.workers} workers: {dask:7.2f} s  {n / dask:7.1f} accounts/s "
              f"(+ {startup:.1f} s to start the cluster)")
        print(f"speed-up: {one / dask:.2f}x (with the start-up: {one / (dask + startup):.2f}x)")
        for name, frame in zip(("import", "evaluate", "reports"), steps):
            tm = frame.attrs["timing"]
            print(f"  {name:9s} {tm['wall']:6.2f} s wall, {int(tm['tasks'])} tasks, "
                  f"work {tm['work']:6.2f} s, overhead {100 * tm['overhead']:4.1f} % "
                  f"({1000 * tm['wall'] * tm['workers'] * tm['overhead'] / tm['tasks']:.0f} ms "
                  "a task)")


if __name__ == "__main__":
    main()
