"""Our figures beside competitors' (median, rank) and industry benchmark tables (gap)."""
from __future__ import annotations

import ctypes
import os
from typing import Any, List, NamedTuple, Optional, Tuple

from ._handle import Handle
from ._errors import NotFoundError, naming
from ._lib import lib, opt_text, required
from ._lib import text as utf8
from ._types import BenchmarksP, ComparisonP, CValue
from .calendar import Cadence, as_period
from .catalog import Catalog
from .dataset import Dataset
from ._typing import PeriodLike
from .values import Value, to_c_value


class CompetitorComparison(NamedTuple):
    """One metric over one period: ours, each competitor's, their median and our rank."""

    metric: str
    own: Value
    competitors: List[Tuple[str, Value]]
    median: Value
    rank: int      # 1 is best; 0 when our value is not available
    ranked: int    # how many took part (us and the competitors with a value)


def compare(dataset: Dataset, metric: str, period: PeriodLike, selector: str = "*") -> CompetitorComparison:
    """Compare our value of a metric (for a selector) with each competitor's."""
    ptr = ComparisonP()
    with naming("metric", "selector", "period"):
        lib.skpi_comparison_new(ctypes.byref(ptr), Dataset._of(dataset), utf8(metric), utf8(selector),
                                as_period(period))
    try:
        n = lib.skpi_comparison_count(ptr)
        rank, ranked = ctypes.c_size_t(), ctypes.c_size_t()
        lib.skpi_comparison_rank(ctypes.byref(rank), ctypes.byref(ranked), ptr)
        return CompetitorComparison(metric, Value._from_c(lib.skpi_comparison_own(ptr)),
                          [(required(lib.skpi_comparison_competitor(ptr, i)),
                            Value._from_c(lib.skpi_comparison_value(ptr, i))) for i in range(n)],
                          Value._from_c(lib.skpi_comparison_median(ptr)), int(rank.value), int(ranked.value))
    finally:
        lib.skpi_comparison_free(ptr)


class Benchmark(NamedTuple):
    """One row of a benchmark table."""

    metric: str
    network: str
    industry: str
    period: str
    value: float
    source: str


class Benchmarks(Handle):
    """A table of industry benchmarks (metric, network, industry, period, value, source).

    The library ships no figures: every row comes from the host, with its source.
    """

    _free = staticmethod(lib.skpi_benchmarks_free)

    def __init__(self, catalog: Optional[Catalog] = None) -> None:
        ptr = BenchmarksP()
        lib.skpi_benchmarks_new(ctypes.byref(ptr), Catalog._of_optional(catalog))
        self._adopt(ptr)

    @classmethod
    def _copy_of(cls, ptr: Any) -> Benchmarks:
        """A table of our own with the rows of a C table someone else owns."""
        self = cls.__new__(cls)
        out = BenchmarksP()
        lib.skpi_benchmarks_clone(ctypes.byref(out), ptr)
        self._adopt(out)
        return self

    def add(self, metric: str, network: str, industry: str, period: str, value: float, source: str) -> None:
        """Add one benchmark; network 'all' for every network, period 'any' or a cadence name."""
        lib.skpi_benchmarks_add(self._h, utf8(metric), utf8(network), utf8(industry), utf8(period),
                                float(value), utf8(source))

    def load_csv(self, text: str) -> None:
        """Add the rows of a CSV text (header: metric, network, industry, period, value, source)."""
        data = text.encode("utf-8")
        lib.skpi_benchmarks_load_csv(self._h, data, len(data))

    def load_json(self, text: str) -> None:
        """Add the rows of a JSON text: an array of objects, or {"benchmarks": [...]}."""
        data = text.encode("utf-8")
        lib.skpi_benchmarks_load_json(self._h, data, len(data))

    def load_file(self, path: "os.PathLike[str] | str") -> None:
        """Add the rows of a file: JSON when its name ends in .json, else CSV."""
        lib.skpi_benchmarks_load_file(self._h, os.fsencode(path))

    def __len__(self) -> int:
        return int(lib.skpi_benchmarks_count(self._h))

    def __getitem__(self, i: int) -> Benchmark:
        h = self._h
        if not 0 <= i < len(self):
            raise IndexError(i)
        return Benchmark(required(lib.skpi_benchmarks_metric(h, i)), required(lib.skpi_benchmarks_network(h, i)),
                         required(lib.skpi_benchmarks_industry(h, i)), required(lib.skpi_benchmarks_period(h, i)),
                         float(lib.skpi_benchmarks_value(h, i)), required(lib.skpi_benchmarks_source(h, i)))

    def find(self, metric: str, industry: str, network: Optional[str] = None,
             cadence: Optional[Cadence] = None) -> Optional[Benchmark]:
        """The benchmark that applies (the network's before 'all', the cadence's before 'any'), or None."""
        out = ctypes.c_size_t()
        try:
            lib.skpi_benchmarks_find(ctypes.byref(out), self._h, utf8(metric), opt_text(network),
                                     utf8(industry), -1 if cadence is None else int(cadence))
        except NotFoundError:
            return None
        return self[int(out.value)]


def benchmark_gap(ours: Value, benchmark: float) -> Tuple[Value, Value]:
    """(absolute, relative %) gap between our value and a benchmark."""
    a, r = CValue(), CValue()
    lib.skpi_benchmark_gap(ctypes.byref(a), ctypes.byref(r), to_c_value(ours), float(benchmark))
    return Value._from_c(a), Value._from_c(r)
