"""The store: durable history in one SQLite file, and a data source for datasets."""
from __future__ import annotations

import contextlib
import ctypes
import math
import os
import time as _time
import weakref
from typing import TYPE_CHECKING, Any, Iterator, List, NamedTuple, Optional, Union

from ._buffers import as_c_array
from ._errors import NotFoundError, StoreNotFoundError, invalid, naming
from ._handle import Handle
from ._lib import (CatalogP, DatasetP, DefinitionsP, Period, SeriesP, StoreP, lib, opt_text, required,
                   take_bytes, version_init)
from ._lib import text as utf8
from ._types import SourceTable, StoreOptions, StoreRun, StoreRunsP
from ._typing import ArrayLike, PathLike, PeriodLike, TimeLike
from .calendar import as_period, seconds
from .catalog import Catalog
from .dataset import Dataset
from .definitions import Definitions
from .effort import Effort
from .render import Format
from .series import Series

if TYPE_CHECKING:
    from .delivery import Delivery, DeliveryStatus


class Run(NamedTuple):
    """One recorded run of a report (Store.runs())."""

    id: int
    definition: str    # the id of the saved report definition
    as_of: int         # epoch seconds
    generated_at: int  # epoch seconds
    format: str        # e.g. 'html'
    size: int          # bytes of output
    kept: bool         # whether the store kept the bytes (Store.read_output())
    sha256: str        # 64 lowercase hex digits of the output


def _everything() -> Period:
    return Period(lib.skpi_time_min(), lib.skpi_time_max() + 1)


class Store(Handle):
    """An SQLite store of series, posts and metric definitions.

    Datasets reading from the store on demand (open_dataset(), or
    `dataset.source = store`) keep it alive; closing the store closes them
    too, since they could no longer read.
    """

    _free = staticmethod(lib.skpi_store_free)

    def __init__(self, path: PathLike, read_only: bool = False, create: bool = False,
                 busy_timeout_ms: int = 5000) -> None:
        """Open the store at `path`.

        A missing file is a StoreNotFoundError (a FileNotFoundError and a
        NotFoundError), as with the `skpi` tool: a typo in the path never
        makes an empty store. `create=True` (or `Store.create(path)`) makes a
        new store when there is none. `read_only` opens without writing
        (several readers may share a file); `busy_timeout_ms` is how long a
        write waits for another process's transaction.
        """
        opts = version_init(lib.skpi_store_options_init, StoreOptions)
        opts.read_only = 1 if read_only else 0
        opts.create = 1 if create else 0
        opts.busy_timeout_ms = int(busy_timeout_ms)
        ptr = StoreP()
        try:
            lib.skpi_store_open(ctypes.byref(ptr), os.fsencode(path), ctypes.byref(opts))
        except NotFoundError as exc:
            message = exc.message
            if not read_only:
                message += "; Store(path, create=True) or Store.create(path) makes a new one"
            raise StoreNotFoundError(message, exc.code, "path", os.fsdecode(path)) from None
        except Exception as exc:
            if getattr(exc, "argument", False) is None:
                exc.argument = "path"  # type: ignore[attr-defined]
            raise
        self._adopt(ptr)
        self._dependents: weakref.WeakSet[Dataset] = weakref.WeakSet()
        self.path = os.fsdecode(path)

    @classmethod
    def create(cls, path: PathLike, busy_timeout_ms: int = 5000) -> Store:
        """Open the store at `path`, making a new one when there is none."""
        return cls(path, create=True, busy_timeout_ms=busy_timeout_ms)

    @staticmethod
    def schema_version() -> int:
        """The schema version this library writes."""
        return int(lib.skpi_store_schema_version())

    def close(self) -> None:
        """Close the store and the datasets reading from it. Safe to call twice."""
        for ds in list(getattr(self, "_dependents", ())):
            ds.close()
        super().close()

    # transactions ---------------------------------------------------------------

    def begin(self) -> None:
        """Start a transaction (see transaction() for the `with` form)."""
        lib.skpi_store_begin(self._h)

    def commit(self) -> None:
        """Commit the transaction begin() started."""
        lib.skpi_store_commit(self._h)

    def rollback(self) -> None:
        """Undo everything since begin()."""
        lib.skpi_store_rollback(self._h)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """`with store.transaction():` commits at the end, rolls back on an exception."""
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self.commit()

    # writing --------------------------------------------------------------------

    def write_points(self, metric: str, channel: str, times: ArrayLike, values: ArrayLike) -> None:
        """Store points of a metric on a channel (epoch seconds or datetime64, float64)."""
        tp, tn, tkeep = as_c_array(times, "int64")
        vp, vn, vkeep = as_c_array(values, "float64")
        if tn != vn:
            raise invalid("values", f"times has {tn} items but values has {vn}")
        lib.skpi_store_write_points(self._h, utf8(metric), utf8(channel), tp, vp, tn)
        del tkeep, vkeep

    def write_series(self, series: Series) -> None:
        """Store every point of a series."""
        lib.skpi_store_write_series(self._h, Series._of(series))

    def write_post(self, channel: str, id: str, published: TimeLike, type: Optional[str] = None,
                   text: Optional[str] = None, link: Optional[str] = None,
                   **values: float) -> None:
        """Add or update a post; keyword arguments set metric values (likes=12)."""
        lib.skpi_store_write_post(self._h, utf8(channel), utf8(id), seconds(published),
                                  opt_text(type), opt_text(text), opt_text(link))
        for metric, v in values.items():
            self.write_post_value(channel, id, metric, v)

    def write_post_value(self, channel: str, id: str, metric: str, value: float) -> None:
        """Set one metric value of a stored post."""
        lib.skpi_store_write_post_value(self._h, utf8(channel), utf8(id), utf8(metric), float(value))

    def write_catalog(self, catalog: Catalog) -> None:
        """Store the host metrics of a catalog (the built-in ones need no storing)."""
        lib.skpi_store_write_catalog(self._h, Catalog._of(catalog))

    def write_dataset(self, dataset: Dataset) -> None:
        """Store every series, post and host metric of a dataset, in one transaction."""
        lib.skpi_store_write_dataset(self._h, Dataset._of(dataset))

    # reading --------------------------------------------------------------------

    def read_series(self, metric: str, channel: str, period: Optional[PeriodLike] = None) -> Series:
        """The stored points of a metric on a channel in a period (all by default)."""
        out = SeriesP()
        lib.skpi_store_read_series(ctypes.byref(out), self._h, utf8(metric), utf8(channel),
                                   _everything() if period is None else as_period(period))
        return Series._wrap(out)

    def read_catalog(self, base: Optional[Catalog] = None) -> Catalog:
        """A new Catalog: `base` (built-in by default) plus the saved definitions."""
        out = CatalogP()
        lib.skpi_store_read_catalog(ctypes.byref(out), self._h, Catalog._of_optional(base))
        return Catalog._wrap(out)

    def read_dataset(self, catalog: Optional[Catalog] = None,
                     period: Optional[PeriodLike] = None) -> Dataset:
        """A new Dataset holding the stored series points and posts of a period (all by default)."""
        out = DatasetP()
        lib.skpi_store_read_dataset(ctypes.byref(out), self._h, Catalog._of_optional(catalog),
                                    _everything() if period is None else as_period(period))
        return Dataset._wrap(out)

    def open_dataset(self, catalog: Optional[Catalog] = None,
                     posts: Optional[PeriodLike] = None) -> Dataset:
        """A new Dataset that reads series from this store on demand (posts of `posts` loaded)."""
        out = DatasetP()
        lib.skpi_store_open_dataset(ctypes.byref(out), self._h, Catalog._of_optional(catalog),
                                    Period(0, 0) if posts is None else as_period(posts))
        ds = Dataset._wrap(out)
        ds._source = self
        self._dependents.add(ds)
        return ds

    # goals, objectives and check-ins --------------------------------------------

    def write_definitions(self, definitions: Definitions) -> None:
        """Save the custom metrics, goals, objectives (with key results, check-ins and
        alignment) and report definitions of a Definitions under their ids, in one
        transaction; what the store holds under other ids stays. InvalidArgumentError, and
        nothing written, when an objective is aligned under one outside the Definitions or a
        report definition names a goal or objective it lacks."""
        lib.skpi_store_write_definitions(self._h, Definitions._of(definitions))

    def read_definitions(self, base: Optional[Catalog] = None) -> Definitions:
        """A new Definitions with every goal, objective and report definition saved by
        write_definitions(), in the order first saved, and the saved metrics on top of `base`
        (the built-in catalog by default). Texts of write_report_definition() are left out."""
        out = DefinitionsP()
        lib.skpi_store_read_definitions(ctypes.byref(out), self._h, Catalog._of_optional(base))
        return Definitions._wrap(out)

    def delete_goal(self, id: str) -> None:
        """Delete a saved goal; NotFoundError when there is none with that id."""
        lib.skpi_store_delete_goal(self._h, utf8(id))

    def delete_objective(self, id: str) -> None:
        """Delete a saved objective with its key results and check-ins (aligned ones become
        top-level); NotFoundError when there is none with that id."""
        lib.skpi_store_delete_objective(self._h, utf8(id))

    def add_checkin(self, objective: str, key_result: int, time: TimeLike,
                    value: Optional[float] = None, confidence: Optional[float] = None,
                    note: Optional[str] = None, author: Optional[str] = None) -> None:
        """Append a check-in to key result number `key_result` (0-based) of a saved objective,
        without loading the definitions (value None: confidence only; confidence None: none;
        author: who made it)."""
        lib.skpi_store_add_checkin_by(self._h, utf8(objective), int(key_result), seconds(time),
                                      math.nan if value is None else float(value),
                                      math.nan if confidence is None else float(confidence),
                                      opt_text(note), opt_text(author))

    # report definitions and runs ------------------------------------------------

    def write_report_definition(self, id: str, definition: str) -> None:
        """Save the host's own text of a report definition (kept as is, not interpreted) under
        an id, replacing an earlier one; read_definitions() leaves it out."""
        lib.skpi_store_write_report_definition(self._h, utf8(id), utf8(definition))

    def read_report_definition(self, id: str) -> str:
        """The saved text of a report definition: the host's, or the JSON object of one that
        write_definitions() saved. NotFoundError when there is none."""
        out = ctypes.c_void_p()
        lib.skpi_store_read_report_definition(ctypes.byref(out), self._h, utf8(id))
        return take_bytes(out).decode("utf-8")

    def add_run(self, definition: str, as_of: TimeLike, output: Union[bytes, bytearray, str],
                format: Union[Format, str], generated_at: Optional[TimeLike] = None,
                keep_output: bool = False) -> int:
        """Record a run of a saved report definition; return its id (increasing).

        `output` is the rendered report (bytes, or str stored as UTF-8): the
        store keeps its SHA-256, and the bytes too with keep_output.
        `format` is a Format or a name ('html'). `generated_at` is the time
        the output shows as generated (now when None).
        """
        if isinstance(output, str):
            output = output.encode("utf-8")
        elif not isinstance(output, bytes):
            output = bytes(output)
        key = format.key if isinstance(format, Format) else format
        run = version_init(lib.skpi_store_run_init, StoreRun)
        run.definition = utf8(definition)
        run.as_of = seconds(as_of)
        run.generated_at = int(_time.time()) if generated_at is None else seconds(generated_at)
        run.format = utf8(key)
        keep = ctypes.c_char_p(output)  # the bytes object's own buffer, alive during the call
        run.output = ctypes.cast(keep, ctypes.c_void_p)
        run.size = len(output)
        run.keep_output = 1 if keep_output else 0
        out = ctypes.c_int64()
        lib.skpi_store_add_run(ctypes.byref(out), self._h, ctypes.byref(run))
        del keep
        return int(out.value)

    def runs(self, definition: Optional[str] = None,
             as_of: Optional[PeriodLike] = None) -> List[Run]:
        """The recorded runs [Run, ...] of one report definition (every one by default) whose
        as-of time lies in a period (all by default), oldest as-of first."""
        out = StoreRunsP()
        lib.skpi_store_list_runs(ctypes.byref(out), self._h, opt_text(definition),
                                 _everything() if as_of is None else as_period(as_of))
        try:
            result = []
            for i in range(lib.skpi_store_runs_count(out)):
                r = version_init(lib.skpi_store_run_init, StoreRun)
                lib.skpi_store_runs_get(ctypes.byref(r), out, i)
                result.append(Run(r.id, required(r.definition), r.as_of, r.generated_at,
                                  required(r.format), r.size, bool(r.keep_output),
                                  r.sha256.decode("ascii")))
            return result
        finally:
            lib.skpi_store_runs_free(out)

    def read_output(self, run: Union[Run, int]) -> bytes:
        """The rendered bytes of a run that kept them (a Run or its id); NotFoundError when
        there is no such run or its output was not kept."""
        out, size = ctypes.c_void_p(), ctypes.c_size_t()
        lib.skpi_store_read_output(ctypes.byref(out), ctypes.byref(size), self._h,
                                   run.id if isinstance(run, Run) else int(run))
        return take_bytes(out, size.value)

    # deliveries -----------------------------------------------------------------

    def begin_delivery(self, report: str, period: PeriodLike, format: str, channel: str,
                       target: str, target_key: Optional[str] = None,
                       started: Optional[TimeLike] = None, force: bool = False) -> int:
        """Record that a delivery of a report begins; return its id.

        AlreadyExistsError, and nothing recorded, when the report went to the same target
        (told apart by `target_key`, else `target`) for the same period, or began less
        than 15 minutes before and has not ended, unless `force`. `target` is what may be
        shown and kept (recipients, a URL without its secret); of `target_key` only the
        SHA-256 is kept. `started` defaults to now. delivery.deliver() does it all.
        """
        from .delivery import begin_delivery
        return begin_delivery(self, report, period, format, channel, target, target_key,
                              started, force)

    def end_delivery(self, id: int, status: Union[DeliveryStatus, int], message: Optional[str] = None,
                     finished: Optional[TimeLike] = None) -> None:
        """Record how a delivery ended: DeliveryStatus.SENT, or FAILED with the message.

        NotFoundError when there is no such delivery or it ended already.
        """
        from .delivery import end_delivery
        end_delivery(self, id, status, message, finished)

    def deliveries(self, report: Optional[str] = None,
                   started: Optional[PeriodLike] = None) -> List[Delivery]:
        """The recorded deliveries [delivery.Delivery, ...] of a report (every one by
        default) that began in a period (any time by default), oldest first."""
        from .delivery import list_deliveries
        return list_deliveries(self, report, started)

    def write_effort(self, effort: Effort, first: int = 0) -> None:
        """Keep the effort's hours entries from index `first` on, in one transaction."""
        lib.skpi_store_write_effort(self._h, Effort._of(effort), int(first))

    def read_effort(self, effort: Effort) -> None:
        """Add the stored hours to `effort`, which must hold the team's activities: all or nothing."""
        lib.skpi_store_read_effort(self._h, Effort._of(effort))

    def check(self) -> None:
        """Raise StorageError when the store is damaged."""
        lib.skpi_store_check(self._h)

    def _source_table(self) -> SourceTable:
        table = SourceTable()
        lib.skpi_store_source(ctypes.byref(table), self._h)
        return table

    def __repr__(self) -> str:
        if self.closed:
            return "<Store closed>"
        return f"<Store {self.path!r}>"
