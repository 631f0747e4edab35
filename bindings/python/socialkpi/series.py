"""Metric series: one metric on one channel, sorted columnar times and values."""
from __future__ import annotations

import ctypes
import enum
from typing import TYPE_CHECKING, Any, List, Optional, Tuple, Union

from ._buffers import as_c_array, np
from ._errors import invalid
from ._handle import Handle
from ._lib import SeriesP, lib, text
from .calendar import Cadence, Calendar, as_period
from ._typing import ArrayLike, PeriodLike
from .values import Availability

if TYPE_CHECKING:
    import numpy.typing as npt


class DuplicatePolicy(enum.IntEnum):
    """What appending a time the series holds already does."""

    LAST = 0
    SUM = 1
    ERROR = 2


class Aggregation(enum.IntEnum):
    """How points of a period combine into one value."""

    SUM = 0
    LAST = 1
    FIRST = 2
    MEAN = 3
    MIN = 4
    MAX = 5
    COUNT = 6


class Series(Handle):
    """A metric series; NaN means missing, never zero."""

    _free = staticmethod(lib.skpi_series_free)
    #: per-point Availability codes of a Dataset.rollup() result; None otherwise
    availability: Any = None

    def __init__(self, metric: str, channel: str, times: Optional[ArrayLike] = None,
                 values: Optional[ArrayLike] = None,
                 duplicates: DuplicatePolicy = DuplicatePolicy.LAST) -> None:
        ptr = SeriesP()
        lib.skpi_series_new(ctypes.byref(ptr), text(metric), text(channel))
        self._adopt(ptr)
        if duplicates != DuplicatePolicy.LAST:
            self.duplicate_policy = duplicates
        if times is not None or values is not None:
            if times is None or values is None:
                raise invalid("values", "give both times and values, or neither")
            self.append(times, values)

    @classmethod
    def _wrap(cls, ptr: Any) -> Series:
        self = cls.__new__(cls)
        self._adopt(ptr)
        return self

    @property
    def metric(self) -> str:
        """The metric key."""
        return str(lib.skpi_series_metric(self._h).decode())

    @property
    def channel(self) -> str:
        """The channel key."""
        return str(lib.skpi_series_channel(self._h).decode())

    @property
    def duplicate_policy(self) -> DuplicatePolicy:
        """What appending a time already present does (last wins by default)."""
        return DuplicatePolicy(lib.skpi_series_duplicate_policy(self._h))

    @duplicate_policy.setter
    def duplicate_policy(self, policy: DuplicatePolicy) -> None:
        lib.skpi_series_set_duplicate_policy(self._h, int(policy))

    def append(self, times: ArrayLike, values: ArrayLike) -> None:
        """Append points in bulk: int64 epoch seconds (or datetime64) and float64 values."""
        tp, tn, tkeep = as_c_array(times, "int64")
        vp, vn, vkeep = as_c_array(values, "float64")
        if tn != vn:
            raise invalid("values", f"times has {tn} items but values has {vn}")
        lib.skpi_series_append(self._h, tp, vp, tn)
        del tkeep, vkeep

    def __len__(self) -> int:
        return int(lib.skpi_series_length(self._h))

    def _column(self, getter: Any, ctype: Any, kind: str) -> Union[npt.NDArray[Any], List[Any]]:
        n = len(self)
        if n == 0:
            return np.zeros(0, dtype=kind) if np is not None else []
        ptr = ctypes.cast(getter(self._h), ctypes.POINTER(ctype))
        if np is not None:
            column: npt.NDArray[Any] = np.ctypeslib.as_array(ptr, shape=(n,)).copy()
            return column
        return list(ptr[:n])

    @property
    def times(self) -> Union[npt.NDArray[Any], List[int]]:
        """A copy of the sorted times (numpy int64 array when numpy is installed)."""
        return self._column(lib.skpi_series_times, ctypes.c_int64, "int64")

    @property
    def values(self) -> Union[npt.NDArray[Any], List[float]]:
        """A copy of the values in time order (numpy float64 array when numpy is installed)."""
        return self._column(lib.skpi_series_values, ctypes.c_double, "float64")

    def aggregate(self, period: PeriodLike,
                  agg: Aggregation = Aggregation.SUM) -> Tuple[float, int, int]:
        """(value, present, missing) over a period (start, end)."""
        out = ctypes.c_double()
        present = ctypes.c_size_t()
        missing = ctypes.c_size_t()
        p = as_period(period)
        lib.skpi_series_aggregate(ctypes.byref(out), ctypes.byref(present), ctypes.byref(missing),
                                  self._h, p, int(agg))
        return out.value, present.value, missing.value

    def rollup(self, calendar: Calendar, cadence: Cadence = Cadence.MONTH,
               agg: Aggregation = Aggregation.SUM) -> Series:
        """A new Series with one point per period of `cadence`, keyed by period start."""
        out = SeriesP()
        lib.skpi_series_rollup(ctypes.byref(out), self._h, Calendar._of(calendar), int(cadence), int(agg))
        return Series._wrap(out)

    def copy(self) -> Series:
        """An independent copy of the series."""
        out = SeriesP()
        lib.skpi_series_clone(ctypes.byref(out), self._h)
        return Series._wrap(out)

    def to_frame(self) -> Any:
        """A pandas DataFrame indexed by UTC time with one column named after the metric.

        A rollup from a Dataset adds an `availability` column of
        Availability names ('available', 'partial', ...).
        """
        import pandas as pd
        index = pd.to_datetime(self.times, unit="s", utc=True)
        index.name = "time"
        columns = {self.metric: self.values}
        if self.availability is not None:
            names = [a.name.lower() for a in Availability]
            columns["availability"] = pd.Categorical.from_codes(
                np.asarray(self.availability, dtype=np.int64), categories=names)
        return pd.DataFrame(columns, index=index)

    def __repr__(self) -> str:
        if self.closed:
            return "<Series closed>"
        return f"<Series {self.metric!r} {self.channel!r}: {len(self)} points>"
