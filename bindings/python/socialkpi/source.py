"""Data sources: a Python callable that hands a dataset the data it lacks."""
from __future__ import annotations

import ctypes
from typing import Any, Callable, Optional, Tuple

from ._buffers import as_c_array
from ._callbacks import address, guarded
from ._errors import invalid
from ._lib import lib, required
from ._typing import ArrayLike
from ._types import FETCH_FN, Period, SourceTable

SOURCE_VERSION = 1


class FetchRequest:
    """One request of a dataset to a source, valid only while the source runs.

    `metric`, `channel` and `period` say what is asked for; `append(times,
    values)` delivers points (any number of calls, or none: nothing is a valid
    answer). A source may also return a (times, values) pair instead.
    """

    __slots__ = ("_ptr", "metric", "channel", "period")

    metric: str
    channel: str
    period: Period

    def __init__(self, ptr: Any) -> None:
        self._ptr: Any = ptr
        self.metric = required(lib.skpi_fetch_metric(ptr))
        self.channel = required(lib.skpi_fetch_channel(ptr))
        self.period = lib.skpi_fetch_period(ptr)

    def append(self, times: ArrayLike, values: ArrayLike) -> None:
        """Hand points to the dataset: epoch seconds (or datetime64) and float64 values."""
        if self._ptr is None:
            raise ValueError("the request is over: append only while the source runs")
        tp, tn, tkeep = as_c_array(times, "int64")
        vp, vn, vkeep = as_c_array(values, "float64")
        if tn != vn:
            raise invalid("values", f"times has {tn} items but values has {vn}")
        if tn:
            lib.skpi_fetch_append(self._ptr, tp, vp, tn)
        del tkeep, vkeep

    def __repr__(self) -> str:
        return (f"<FetchRequest {self.metric!r} on {self.channel!r} "
                f"[{self.period.start}, {self.period.end})>")


class CallableSource:
    """Adapts a Python callable to skpi_source; the dataset keeps it alive while attached."""

    def __init__(self, fn: Callable[[FetchRequest], Optional[Tuple[ArrayLike, ArrayLike]]]) -> None:
        if not callable(fn):
            raise TypeError(f"a source must be callable, got {type(fn).__name__}")
        self.fn = fn

        def fetch(request_ptr: Any, _userdata: Any) -> int:
            request = FetchRequest(request_ptr)
            try:
                result = fn(request)
                if result is not None:
                    times, values = result
                    request.append(times, values)
            finally:
                request._ptr = None  # C frees the request when the callback returns
            return 0

        self._cfunc = FETCH_FN(guarded(fetch))
        self.table = SourceTable()
        lib.skpi_source_init(ctypes.byref(self.table), SOURCE_VERSION)
        self.table.fetch = address(self._cfunc)
