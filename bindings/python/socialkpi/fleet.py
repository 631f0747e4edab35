"""Fleets of accounts on Dask: import, evaluate, report and roll up many accounts at once.

A fleet is a list of accounts, each with its own SQLite store, definitions file and
exports folder. Every operation runs as Dask tasks partitioned by account: an account is
handled whole by one task, which opens, uses and closes that account's handles, so no
handle crosses a task and no store is written by two tasks. Without a client the
functions start a LocalCluster sized to the machine (one single-threaded worker process
per core) and stop it at the end; with a Client, or a scheduler address, they run there.
docs/fleet.md says how to run one and what scales how.

Needs Debian's python3-dask and python3-distributed, and pandas.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import os
import sys
import time
from dataclasses import dataclass, field
from typing import (Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple,
                    Union)

from ._errors import UnsupportedError, invalid
from ._typing import PathLike, PeriodLike, TimeLike
from .calendar import Cadence, as_period, format_date, seconds
from .catalog import Catalog, MetricKind
from .dataset import Dataset
from .definitions import Definitions
from .delivery import Mail, Webhook
from .document import ChartKind, Document
from .importing import Preset, import_file
from .render import Format
from .sink import Sink, SinkTarget, as_sink
from .store import Store


@dataclass(frozen=True)
class Account:
    """One account of a fleet.

    `id` names it in every result; `store` is its SQLite file; `definitions` its goals,
    objectives and reports (a definitions file); `exports` the folder of its export files;
    `channels` is informative; `worker` pins its tasks to one Dask worker (an address such
    as 'tcp://10.0.0.5:40123') when its files sit on that machine's disk only.
    """

    id: str
    store: str
    definitions: Optional[str] = None
    exports: Optional[str] = None
    channels: Tuple[str, ...] = ()
    worker: Optional[str] = None


@dataclass
class Fleet:
    """The accounts of a fleet, in order; `Fleet.load(path)` reads an accounts file."""

    accounts: List[Account] = field(default_factory=list)

    def __post_init__(self) -> None:
        ids = [a.id for a in self.accounts]
        twice = sorted({i for i in ids if ids.count(i) > 1}) if len(set(ids)) != len(ids) else []
        if twice:
            raise invalid("accounts", f"account ids must be unique: {', '.join(twice)} repeated")
        stores = [os.path.abspath(a.store) for a in self.accounts]
        if len(set(stores)) != len(stores):
            shared = sorted({s for s in stores if stores.count(s) > 1})
            raise invalid("accounts", "two accounts share a store (a store belongs to one "
                          f"account, written by one task): {', '.join(shared)}")

    @classmethod
    def load(cls, path: PathLike) -> Fleet:
        """Read an accounts file.

        The file is JSON: {"accounts": [{"id", "store", "definitions", "exports",
        "channels", "worker"}, ...]}; id and store are required; relative paths are relative
        to the file's folder.
        """
        name = os.fsdecode(path)
        with open(name, encoding="utf-8") as f:
            doc = json.load(f)
        base = os.path.dirname(os.path.abspath(name))

        def where(p: Optional[str]) -> Optional[str]:
            return None if p is None else os.path.join(base, p)

        items = doc.get("accounts") if isinstance(doc, dict) else None
        if not isinstance(items, list):
            raise invalid("accounts", f"{name}: expected an object with an 'accounts' list")
        accounts = []
        for i, a in enumerate(items):
            if not isinstance(a, dict) or not isinstance(a.get("id"), str) \
                    or not isinstance(a.get("store"), str):
                raise invalid("accounts", f"{name}: accounts[{i}]: an account needs an id "
                              "and a store (strings)")
            accounts.append(Account(a["id"], str(where(a["store"])), where(a.get("definitions")),
                                    where(a.get("exports")), tuple(a.get("channels", ())),
                                    a.get("worker")))
        return cls(accounts)

    def __len__(self) -> int:
        return len(self.accounts)

    def __iter__(self) -> Iterator[Account]:
        return iter(self.accounts)

    def __getitem__(self, id: str) -> Account:
        for a in self.accounts:
            if a.id == id:
                return a
        raise KeyError(id)


FleetLike = Union[Fleet, Sequence[Account]]


# Running tasks --------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """What one account's work gave: its value, or the error's text, and the seconds spent.

    The error travels as text: an exception object may not unpickle on the client.
    """

    account: str
    value: Any
    error: Optional[str]
    seconds: float


def _guarded(fn: Callable[..., Any], account: Account, args: Tuple[Any, ...]) -> Outcome:
    start = time.perf_counter()
    try:
        value = fn(account, *args)
    except Exception as exc:  # one account's failure is its own, never its batch's
        return Outcome(account.id, None, f"{type(exc).__name__}: {exc}",
                       time.perf_counter() - start)
    return Outcome(account.id, value, None, time.perf_counter() - start)


def _batch(fn: Callable[..., Any], accounts: List[Account], args: Tuple[Any, ...]) -> List[Outcome]:
    """One task: the accounts of a batch, one after the other, each with its own handles."""
    return [_guarded(fn, a, args) for a in accounts]


@contextlib.contextmanager
def client_for(client: Any = None) -> Iterator[Any]:
    """A dask.distributed Client for the fleet functions.

    The one given; one connected to a scheduler address ('tcp://host:8786'); or, for None,
    one on a LocalCluster sized to the machine (a single-threaded worker process per core,
    no dashboard), stopped when the block ends.
    """
    import distributed
    make_client: Any = distributed.Client  # untyped constructors: used through Any
    make_cluster: Any = distributed.LocalCluster
    if client is None:
        with make_cluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, make_client(cluster) as own:
            yield own
    elif isinstance(client, str):
        with make_client(client) as remote:
            yield remote
    else:
        yield client


def _worker_count(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _chunks(accounts: List[Account], size: int) -> List[List[Account]]:
    return [accounts[i:i + size] for i in range(0, len(accounts), size)]


@dataclass
class Run:
    """The outcomes of one fleet operation, in the fleet's order, with its timing."""

    outcomes: List[Outcome]
    wall_seconds: float
    tasks: int
    workers: int

    @property
    def errors(self) -> Dict[str, str]:
        """Account id to error text, for the accounts that failed."""
        return {o.account: o.error for o in self.outcomes if o.error is not None}

    def timing(self) -> Dict[str, float]:
        """The run's figures: wall (seconds), work (seconds summed over accounts), workers,
        tasks and overhead."""
        return {"wall": self.wall_seconds, "work": sum(o.seconds for o in self.outcomes),
                "workers": float(self.workers), "tasks": float(self.tasks),
                "overhead": self.overhead}

    @property
    def overhead(self) -> float:
        """The share of the workers' time not spent on accounts' work (scheduling, moving
        data, idle workers): 1 - sum of work / (wall time x workers), at least 0."""
        busy = sum(o.seconds for o in self.outcomes)
        total = self.wall_seconds * self.workers
        return max(0.0, 1.0 - busy / total) if total > 0 else 0.0


def run(fleet: FleetLike, fn: Callable[..., Any], args: Tuple[Any, ...] = (), *,
        client: Any = None, batch: Optional[int] = None) -> Run:
    """Call fn(account, *args) for every account of the fleet as Dask tasks.

    An account is handled whole by one task; a task takes `batch` accounts (by default
    about four tasks per worker, which keeps the per-task overhead small and the load
    even). Accounts pinned to a worker go in tasks of their own on that worker. `fn` and
    `args` must pickle (a module-level function); an exception in `fn` fails that
    account only.
    """
    accounts = list(fleet.accounts if isinstance(fleet, Fleet) else fleet)
    with client_for(client) as c:
        workers = _worker_count(c)
        size = batch or max(1, math.ceil(len(accounts) / (4 * workers)))
        groups: Dict[Optional[str], List[Account]] = {}
        for a in accounts:
            groups.setdefault(a.worker, []).append(a)
        start = time.perf_counter()
        futures = []
        for pinned, members in groups.items():
            for chunk in _chunks(members, size):
                where = {} if pinned is None else {"workers": [pinned],
                                                   "allow_other_workers": False}
                futures.append(c.submit(_batch, fn, chunk, args, pure=False, **where))
        results: List[List[Outcome]] = c.gather(futures) if futures else []
        wall = time.perf_counter() - start
    by_id = {o.account: o for chunk in results for o in chunk}
    return Run([by_id[a.id] for a in accounts], wall, len(futures), workers)


# import ---------------------------------------------------------------------------------

def _files_of(account: Account, files: Optional[Sequence[str]]) -> List[str]:
    if files is not None:
        return list(files)
    if account.exports is None:
        raise invalid("files_by_account", "no files given and the account has no exports folder")
    return sorted(os.path.join(account.exports, f) for f in os.listdir(account.exports)
                  if not f.startswith(".") and os.path.isfile(os.path.join(account.exports, f)))


def _catalog_of(account: Account) -> Tuple[Optional[Definitions], Optional[Catalog]]:
    if account.definitions is None:
        return None, None
    defs = Definitions.load(account.definitions)
    return defs, defs.catalog


def import_account(account: Account, files: Optional[Sequence[str]] = None,
                   preset: Union[Preset, str, int] = Preset.AUTO) -> Dict[str, int]:
    """Import one account's export files into its store (made when missing), all or nothing.

    The files go into one dataset first, then into the store in one transaction: a
    malformed file leaves the store as it was. Returns {'files', 'rows', 'points'}.
    """
    chosen = _files_of(account, files)
    defs, catalog = _catalog_of(account)
    try:
        with Dataset(catalog) as ds:
            rows = points = 0
            for path in chosen:
                summary = import_file(ds, path, preset)
                rows += summary.rows
                points += summary.points
            with Store.create(account.store) as store:
                store.write_dataset(ds)
        return {"files": len(chosen), "rows": rows, "points": points}
    finally:
        if defs is not None:
            defs.close()


def _import_task(account: Account, chosen: Optional[Dict[str, List[str]]],
                 preset: Union[Preset, str, int]) -> Dict[str, int]:
    files = None if chosen is None else chosen.get(account.id, [])
    return import_account(account, files, preset)


def import_exports(fleet: FleetLike, files_by_account: Optional[Mapping[str, Sequence[PathLike]]] = None,
                   *, preset: Union[Preset, str, int] = Preset.AUTO, client: Any = None,
                   batch: Optional[int] = None) -> Any:
    """Import every account's exports into its own store, accounts in parallel.

    `files_by_account` maps an account id to its files (default: every file of each
    account's exports folder); accounts it leaves out are not imported. Returns a pandas
    DataFrame: account, files, rows, points, error (None when the import went through;
    else the message, and that account's store is as it was).
    """
    import pandas as pd
    accounts = list(fleet.accounts if isinstance(fleet, Fleet) else fleet)
    chosen = None
    if files_by_account is not None:
        unknown = sorted(set(files_by_account) - {a.id for a in accounts})
        if unknown:
            raise invalid("files_by_account", f"no account with the id {unknown[0]!r}")
        chosen = {k: [os.fsdecode(p) for p in v] for k, v in files_by_account.items()}
        accounts = [a for a in accounts if a.id in chosen]
    done = run(accounts, _import_task, (chosen, preset), client=client, batch=batch)
    rows = []
    for o in done.outcomes:
        v = o.value or {}
        rows.append({"account": o.account, "files": v.get("files", 0), "rows": v.get("rows", 0),
                     "points": v.get("points", 0), "error": o.error})
    frame = pd.DataFrame(rows, columns=["account", "files", "rows", "points", "error"])
    frame.attrs["timing"] = done.timing()
    return frame


# evaluate -------------------------------------------------------------------------------

STATUS_COLUMNS = ["account", "kind", "id", "key_result", "title", "progress", "status",
                  "forecast", "value"]


def _open(account: Account) -> Tuple[Definitions, Store]:
    if account.definitions is None:
        raise invalid("definitions", "the account has no definitions file")
    defs = Definitions.load(account.definitions)
    try:
        return defs, Store(account.store, read_only=True)
    except BaseException:
        defs.close()
        raise


def status_rows(definitions: Definitions, dataset: Dataset, as_of: TimeLike) -> List[Dict[str, Any]]:
    """The rows evaluate() gives for one account (without the account column).

    One per goal (kind 'goal': progress toward the target, status, forecast at the
    deadline, current value) and one per key result (kind 'key_result', id the
    objective's, key_result its index: score, status, value; no forecast).
    """
    # straight from the evaluations: a DataFrame per account would cost more than the
    # library's own work
    rows: List[Dict[str, Any]] = []
    for goal_id, goal in definitions.goals.items():
        ev = goal.evaluate(dataset, as_of)
        rows.append({"kind": "goal", "id": goal_id, "key_result": -1, "title": goal.name,
                     "progress": ev.progress, "status": ev.status.name.lower(),
                     "forecast": ev.forecast, "value": ev.current.value})
    for objective_id, objective in definitions.objectives.items():
        result = objective.score(as_of, dataset)
        for index, (kr, score) in enumerate(zip(objective.key_results, result.key_results)):
            rows.append({"kind": "key_result", "id": objective_id, "key_result": index,
                         "title": kr.title, "progress": score.score,
                         "status": score.status.name.lower(), "forecast": math.nan,
                         "value": score.value})
    return rows


def _evaluate_task(account: Account, as_of: int) -> List[Dict[str, Any]]:
    defs, store = _open(account)
    try:
        with store.read_dataset(defs.catalog) as ds:
            return status_rows(defs, ds, as_of)
    finally:
        store.close()
        defs.close()


def evaluate(fleet: FleetLike, as_of: TimeLike, *, client: Any = None,
             batch: Optional[int] = None) -> Any:
    """Goals and key results of every account as of a time, accounts in parallel.

    Returns a pandas DataFrame with one row per goal and per key result, accounts in the
    fleet's order: account, kind ('goal' or 'key_result'), id (the goal's or the
    objective's), key_result (its index; -1 on goal rows), title, progress (a goal's
    progress toward its target, a key result's score), status, forecast (goals: the
    forecast value at the deadline) and value. Accounts that failed have no rows;
    `frame.attrs["errors"]` maps their ids to the message.
    """
    import pandas as pd
    done = run(fleet, _evaluate_task, (seconds(as_of),), client=client, batch=batch)
    rows = [dict(r, account=o.account) for o in done.outcomes for r in (o.value or [])]
    frame = pd.DataFrame(rows, columns=STATUS_COLUMNS)
    frame.attrs["errors"] = done.errors
    frame.attrs["timing"] = done.timing()
    return frame


# reports --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PathPattern:
    """The default sink factory: a file path from a pattern.

    Placeholders: {account} (the id), {ext} (the format's extension, 'html'), {as_of}
    (YYYY-MM-DD) and {store_dir} (the folder of the account's store). The default writes
    each report beside its account's store, on the machine that holds it.
    """

    pattern: str = os.path.join("{store_dir}", "{account}-{as_of}.{ext}")

    def __call__(self, account: Account, format: Format, as_of: int) -> str:
        """The path of one account's report."""
        return self.pattern.format(account=account.id, ext=format.extension,
                                   as_of=format_date(as_of),
                                   store_dir=os.path.dirname(os.path.abspath(account.store)))


SinkFactory = Callable[[Account, Format, int], Union[SinkTarget, Mail, Webhook]]


def _deliver(target: Union[SinkTarget, Mail, Webhook], data: bytes) -> str:
    if isinstance(target, (Mail, Webhook)):
        target.sink().send(data)
        return target.target
    if isinstance(target, (str, bytes, os.PathLike)):
        folder = os.path.dirname(os.fsdecode(target))
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(target, "wb") as f:
            f.write(data)
        return os.fsdecode(target)
    sink: Sink = as_sink(target)
    try:
        sink.write(data)
    finally:
        sink.close()
    return type(target).__name__


def _report_task(account: Account, as_of: int, fmt: Format, report: Optional[str],
                 factory: SinkFactory, generated_at: Optional[int]) -> Dict[str, Any]:
    defs, store = _open(account)
    try:
        with store.read_dataset(defs.catalog) as ds:
            if not defs.reports:
                raise invalid("report", "the account's definitions hold no report")
            with defs.build_report(report or defs.reports[0], as_of) as definition, \
                    definition.assemble(ds) as doc:
                out = doc.render(fmt, generated_at=generated_at)
    finally:
        store.close()
        defs.close()
    # rendered first, then handed over: a sink never sees half a report
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    where = _deliver(factory(account, fmt, as_of), data)
    return {"target": where, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def reports(fleet: FleetLike, as_of: TimeLike, format: Union[Format, str] = "html",
            sink_factory: Optional[SinkFactory] = None, *, report: Optional[str] = None,
            generated_at: Optional[TimeLike] = None, client: Any = None,
            batch: Optional[int] = None) -> Any:
    """Render every account's report where its data is, accounts in parallel.

    The report is the definition `report` (by default the first) of each account's
    definitions file, as of `as_of`. `sink_factory(account, format, as_of)` runs on the
    worker and gives where the bytes go: a path, a Sink, a binary file, a callable
    taking bytes, or Mail or Webhook settings (sent at once); it must pickle (a module-level function or a PathPattern; the default
    PathPattern() writes beside each store). Returns a pandas DataFrame: account, target,
    bytes, sha256, error.
    """
    import pandas as pd
    fmt = Format.of(format)
    factory: SinkFactory = sink_factory or PathPattern()
    gen = None if generated_at is None else seconds(generated_at)
    done = run(fleet, _report_task, (seconds(as_of), fmt, report, factory, gen), client=client,
               batch=batch)
    rows = []
    for o in done.outcomes:
        v = o.value or {}
        rows.append({"account": o.account, "target": v.get("target"), "bytes": v.get("bytes", 0),
                     "sha256": v.get("sha256"), "error": o.error})
    frame = pd.DataFrame(rows, columns=["account", "target", "bytes", "sha256", "error"])
    frame.attrs["timing"] = done.timing()
    return frame


# rollup ---------------------------------------------------------------------------------

def components(catalog: Catalog, metric: str) -> List[str]:
    """The flows and stocks a metric is computed from (the metric itself when it is one).

    UnsupportedError for a formula that takes first() of a stock (audience growth rate):
    its part would be the value at each account's period start, which a sum of period
    aggregates does not carry.
    """
    m = catalog[metric]
    if m.kind != MetricKind.DERIVED:
        return [m.key]
    formula = m.formula or ""
    if "first(" in formula.replace(" ", ""):
        raise UnsupportedError(f"metric {metric!r}: a fleet rollup cannot combine first() "
                               f"of a stock ({formula}); roll up its components instead",
                               -11, "metric")
    out: List[str] = []
    for c in m.components:
        for leaf in components(catalog, c):
            if leaf not in out:
                out.append(leaf)
    return out


def _parts_task(account: Account, metric: str, period: Tuple[int, int], cadence: Cadence,
                selector: str) -> List[Dict[str, Any]]:
    defs, catalog = _catalog_of(account)
    try:
        with Store(account.store, read_only=True) as store, \
                store.read_dataset(catalog, period) as ds:
            rows = []
            for leaf in components(ds.catalog, metric):
                with ds.rollup(leaf, period, selector, cadence=cadence) as s:
                    for t, v, a in zip(s.times, s.values, s.availability):
                        rows.append({"period": int(t), "component": leaf, "value": float(v),
                                     "availability": int(a)})
            return rows
    finally:
        if defs is not None:
            defs.close()


@dataclass
class FleetRollup:
    """A metric over a whole fleet, one value per period.

    `frame`: period (UTC timestamps), value, availability ('available', 'partial', ...)
    and accounts (how many sent a part). `parts`: what each account sent (account,
    period, component, value, availability). `errors`: the accounts that failed.
    """

    metric: str
    cadence: Cadence
    frame: Any
    parts: Any
    errors: Dict[str, str]
    fleet_size: int

    def document(self, title: Optional[str] = None) -> Document:
        """The leadership report of the rollup: a summary line, a table and a chart of the
        periods, and the accounts left out with their reasons."""
        doc = Document(title or f"Fleet: {self.metric}",
                       subtitle=f"{self.fleet_size} accounts, by {self.cadence.name.lower()}")
        used = self.fleet_size - len(self.errors)
        doc.add_paragraph(f"{self.metric} over {used} of {self.fleet_size} accounts: each "
                          "account sends its sums, the fleet's value is computed from the "
                          "summed parts.")
        labels = [format_date(int(t.timestamp())) for t in self.frame["period"]]
        rows = [[label, "" if math.isnan(v) else f"{v:,.4g}", str(n), a]
                for label, v, n, a in zip(labels, self.frame["value"], self.frame["accounts"],
                                          self.frame["availability"])]
        doc.add_table(self.metric, ["Period", "Value", "Accounts", "Availability"], rows)
        doc.add_chart(self.metric, ChartKind.LINE).add_series(self.metric, labels,
                                                              list(self.frame["value"]))
        if self.errors:
            doc.add_heading("Accounts left out", 2)
            doc.add_list([f"{aid}: {msg}" for aid, msg in sorted(self.errors.items())])
        return doc

    def render(self, format: Union[Format, str] = "html", title: Optional[str] = None,
               generated_at: Optional[TimeLike] = None) -> Union[str, bytes]:
        """The leadership report rendered (str; bytes for 'xlsx')."""
        with self.document(title) as doc:
            out: Union[str, bytes] = doc.render(Format.of(format), generated_at=generated_at)
            return out


def _fleet_values(parts: Any, metric: str, period: Tuple[int, int], cadence: Cadence,
                  catalog: Optional[Catalog]) -> Tuple[Any, Any, Any]:
    """The library's own formula over the parts: one channel per account holding its
    per-period aggregates, summed across channels as any dataset sums channels."""
    import numpy as np
    with Dataset(catalog) as ds:
        ds.resolution = 0  # one point per period: no daily slots to check
        usable = parts[parts["value"].notna()]
        for (aid, component), rows in usable.groupby(["account", "component"], sort=False):
            ds.append(str(component), f"fleet:{aid}", rows["period"].to_numpy(np.int64),
                      rows["value"].to_numpy(np.float64))
        with ds.rollup(metric, period, "*", cadence=cadence) as s:
            return (np.asarray(s.times, dtype=np.int64), np.asarray(s.values, dtype=np.float64),
                    np.asarray(s.availability, dtype=np.int64))


def rollup(fleet: FleetLike, metric: str, period: PeriodLike, cadence: Cadence = Cadence.MONTH,
           *, selector: str = "*", catalog: Optional[Catalog] = None, client: Any = None,
           batch: Optional[int] = None) -> FleetRollup:
    """A metric over all accounts, one value per period of `cadence` in `period`.

    Each account sends the per-period aggregates of the metric's components (sums of
    flows, last values of stocks, over the channels of `selector`); the client adds them
    up across accounts and computes the metric from the sums, so a rate of the fleet is a
    ratio of sums, never a mean of the accounts' rates. `catalog` must know the metric
    (default: the built-in one; an account's own metrics come from its definitions). A
    period is 'partial' when some account's part was partial or missing a component.
    """
    import numpy as np
    import pandas as pd
    from .values import Availability
    p = as_period(period)
    components(catalog or Catalog.builtin(), metric)  # refuse an unsupported metric at once
    accounts = list(fleet.accounts if isinstance(fleet, Fleet) else fleet)
    done = run(accounts, _parts_task, (metric, (p.start, p.end), Cadence(cadence), selector),
               client=client, batch=batch)
    parts = pd.DataFrame([dict(r, account=o.account) for o in done.outcomes
                          for r in (o.value or [])],
                         columns=["account", "period", "component", "value", "availability"])
    times, values, avail = _fleet_values(parts, metric, (p.start, p.end), Cadence(cadence),
                                         catalog)
    names = [a.name.lower() for a in Availability]
    partial = int(Availability.PARTIAL)
    sent = parts[parts["value"].notna()]
    counts = sent.groupby("period")["account"].nunique() if len(sent) else pd.Series(dtype=int)
    worst = set(parts.loc[parts["availability"] == partial, "period"]) if len(parts) else set()
    state = []
    for t, a in zip(times, avail):
        a = int(a)
        state.append(names[partial] if a == int(Availability.AVAILABLE) and int(t) in worst
                     else names[a])
    frame = pd.DataFrame({
        "period": pd.to_datetime(times, unit="s", utc=True),
        "value": values,
        "availability": state,
        "accounts": [int(counts.get(int(t), 0)) for t in times],
    })
    parts["period"] = pd.to_datetime(parts["period"].to_numpy(np.int64), unit="s", utc=True)
    parts["availability"] = [names[int(a)] for a in parts["availability"]]
    return FleetRollup(metric, Cadence(cadence), frame, parts, done.errors, len(accounts))


# command line ---------------------------------------------------------------------------

def main(argv: Optional[Sequence[str]] = None) -> int:
    """`python3 -m socialkpi.fleet report --accounts FILE --as-of DATE [--scheduler ADDR]`.

    Renders every account's report (default pattern: beside each store) and prints one
    line per account; exit status 1 when some account failed.
    """
    parser = argparse.ArgumentParser(prog="python3 -m socialkpi.fleet",
                                     description="Reports of a fleet of accounts on Dask.")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="render every account's report")
    rep.add_argument("--accounts", required=True, help="the accounts file (JSON)")
    rep.add_argument("--as-of", required=True, help="the report's date, YYYY-MM-DD")
    rep.add_argument("--scheduler", help="a Dask scheduler address; a LocalCluster when none")
    rep.add_argument("--format", default="html", help="html, markdown, json, csv, text...")
    rep.add_argument("--report", help="the report definition's id (default: the first)")
    rep.add_argument("--out", help="a path pattern with {account}, {ext}, {as_of}, {store_dir}")
    ns = parser.parse_args(argv)
    fleet = Fleet.load(ns.accounts)
    factory = PathPattern(ns.out) if ns.out else PathPattern()
    frame = reports(fleet, ns.as_of, ns.format, factory, report=ns.report, client=ns.scheduler)
    failed = 0
    for r in frame.itertuples(index=False):
        if r.error is None:
            print(f"{r.account}: {r.target} ({r.bytes} bytes)")
        else:
            failed += 1
            print(f"{r.account}: failed: {r.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
