"""The dataset: series per (metric, channel), posts, groups; values, rollups, comparisons."""
from __future__ import annotations

import ctypes
import enum
import warnings
from typing import TYPE_CHECKING, Any, Callable, Iterable, List, Optional, Sequence, Tuple, Union, overload

from ._buffers import as_c_array, np
from ._handle import Handle
from ._errors import invalid, naming
from ._lib import DatasetP, Period, SeriesP, lib, opt_text, required
from ._lib import text as utf8
from ._types import CValue
from .calendar import Cadence, Calendar, as_period, seconds
from .catalog import Catalog, Unit
from .series import Series
from .source import CallableSource
from ._typing import ArrayLike, PeriodLike, TimeLike
from .values import Availability, Value, to_c_value

if TYPE_CHECKING:
    from .content import ContentGroups, PostingTimes
    from .source import FetchRequest
    from .store import Store

#: What a source callable may return: nothing (it called request.append) or (times, values).
SourceResult = Optional[Tuple[ArrayLike, ArrayLike]]


class Change(enum.IntEnum):
    """Kinds of change between two periods."""

    ABSOLUTE = 0
    PERCENT = 1
    POINTS = 2


def value_change(current: Union[Value, float, None], previous: Union[Value, float, None],
                 change: Change = Change.PERCENT, unit: Unit = Unit.COUNT) -> Value:
    """The change between two Values (or numbers), as Dataset.compare() computes it.

    unit: the metric's Unit (percentage points need PERCENT).
    """
    out = CValue()
    lib.skpi_value_change(ctypes.byref(out), to_c_value(current), to_c_value(previous), int(change),
                          int(unit))
    return Value._from_c(out)


def _deprecated_rollup() -> None:
    warnings.warn("Dataset.rollup(metric, range, calendar, cadence, selector) is the earlier "
                  "argument order: pass rollup(metric, period, selector, cadence=..., "
                  "calendar=...)", DeprecationWarning, stacklevel=3)


class Post:
    """One post of a dataset (its index never changes; fields are read live)."""

    __slots__ = ("_dataset", "index")

    def __init__(self, dataset: Dataset, index: int) -> None:
        self._dataset = dataset
        self.index = index

    @property
    def _p(self) -> Any:
        return lib.skpi_dataset_post(self._dataset._h, self.index)

    @property
    def id(self) -> str:
        """The post's id on its network."""
        return required(lib.skpi_post_id(self._p))

    @property
    def channel(self) -> str:
        """The channel the post went out on."""
        return required(lib.skpi_post_channel(self._p))

    @property
    def published(self) -> int:
        """Publication time, epoch seconds."""
        return int(lib.skpi_post_published(self._p))

    @property
    def type(self) -> str:
        """The kind of post ('reel', 'photo', ...; empty when not given)."""
        return required(lib.skpi_post_type(self._p))

    @property
    def text(self) -> str:
        """The post's text (empty when not given)."""
        return required(lib.skpi_post_text(self._p))

    @property
    def link(self) -> str:
        """The post's link (empty when not given)."""
        return required(lib.skpi_post_link(self._p))

    @property
    def kind(self) -> str:
        """The type normalised across networks ('photo', 'reel', 'link', ...; docs/content.md)."""
        return required(lib.skpi_post_kind(self._p))

    @property
    def tags(self) -> List[str]:
        """The tags the post carries (its hashtags are read from its text: has_tag())."""
        p = self._p
        return [required(lib.skpi_post_tag(p, i)) for i in range(lib.skpi_post_tag_count(p))]

    def has_tag(self, tag: str) -> bool:
        """Whether the post carries the tag or has it as a hashtag ('#Launch' is 'launch')."""
        return bool(lib.skpi_post_has_tag(self._p, utf8(tag)))

    def value(self, metric: str) -> Value:
        """The post's Value of a metric, derived metrics included."""
        out = CValue()
        lib.skpi_post_value(ctypes.byref(out), self._p, utf8(metric))
        return Value._from_c(out)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Post) and other._dataset is self._dataset and other.index == self.index

    def __hash__(self) -> int:
        return hash((id(self._dataset), self.index))

    def __repr__(self) -> str:
        if self._dataset.closed:
            return "<Post of a closed Dataset>"
        return f"<Post {self.channel} {self.id}>"


class Dataset(Handle):
    """Series per (metric, channel) and posts, queried by metric, selector and period.

    Selectors: '*', 'instagram:*', 'instagram:@acme' or '@group'.
    """

    _free = staticmethod(lib.skpi_dataset_free)

    def __init__(self, catalog: Optional[Catalog] = None) -> None:
        ptr = DatasetP()
        lib.skpi_dataset_new(ctypes.byref(ptr), Catalog._of_optional(catalog))
        self._adopt(ptr)
        self._source: Any = None

    @classmethod
    def _wrap(cls, ptr: Any) -> Dataset:
        self = cls.__new__(cls)
        self._adopt(ptr)
        self._source = None
        return self

    def close(self) -> None:
        """Free the dataset now; later use raises ValueError. Safe to call twice."""
        self._detach_store()
        super().close()
        self._source = None  # the C callback may go once C can no longer call it

    @classmethod
    def from_frame(cls, frame: Any, channel: Optional[str] = None,
                   catalog: Optional[Catalog] = None, time: Optional[str] = None) -> Dataset:
        """A Dataset filled from a pandas DataFrame (long or wide); see socialkpi._frames."""
        from ._frames import fill_from_frame
        ds = cls(catalog)
        try:
            fill_from_frame(ds, frame, channel=channel, time=time)
        except BaseException:
            ds.close()
            raise
        return ds

    # catalog and channels ---------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        """The dataset's own catalog (borrowed: valid while the dataset is open)."""
        return Catalog._wrap(lib.skpi_dataset_catalog(self._h), owner=self, borrowed=True)

    @property
    def resolution(self) -> int:
        """Seconds per slot when looking for gaps (86400 by default; 0: off)."""
        return int(lib.skpi_dataset_resolution(self._h))

    @resolution.setter
    def resolution(self, seconds_: int) -> None:
        lib.skpi_dataset_set_resolution(self._h, seconds_)

    def add_channel(self, channel: str) -> None:
        """Declare a channel before it has data (so that selectors and reports know it)."""
        lib.skpi_dataset_add_channel(self._h, utf8(channel))

    @property
    def channels(self) -> List[str]:
        """Every channel, in the order first seen."""
        h = self._h
        return [required(lib.skpi_dataset_channel(h, i)) for i in range(lib.skpi_dataset_channel_count(h))]

    def define_group(self, name: str, channels: Iterable[str]) -> None:
        """Define (or redefine) the group '@name' of channels."""
        keys = [utf8(c) for c in channels]
        arr = (ctypes.c_char_p * max(len(keys), 1))(*keys)
        lib.skpi_dataset_define_group(self._h, utf8(name), arr, len(keys))

    def match(self, selector: str, channel: str) -> bool:
        """Whether a selector chooses a channel."""
        out = ctypes.c_int()
        lib.skpi_dataset_match(ctypes.byref(out), self._h, utf8(selector), utf8(channel))
        return bool(out.value)

    # competitors --------------------------------------------------------------

    def set_competitor(self, channel: str, competitor: Optional[str]) -> None:
        """Mark a channel as a competitor's (kept out of '*', 'network:*' and '@group'), or ours again with None."""
        lib.skpi_dataset_set_competitor(self._h, utf8(channel), opt_text(competitor))

    def competitor_of(self, channel: str) -> Optional[str]:
        """The competitor a channel belongs to, or None for ours."""
        b = lib.skpi_dataset_channel_competitor(self._h, utf8(channel))
        return None if b is None else b.decode("utf-8", "replace")

    @property
    def competitors(self) -> List[str]:
        """The competitors' names, in the order first marked."""
        h = self._h
        return [required(lib.skpi_dataset_competitor(h, i)) for i in range(lib.skpi_dataset_competitor_count(h))]

    def competitor_value(self, metric: str, period: PeriodLike, competitor: str,
                         network: Optional[str] = None) -> Value:
        """The Value of a metric over a period for one competitor's channels (of one network, or all)."""
        out = CValue()
        with naming("metric", "competitor", "network", "period"):
            lib.skpi_dataset_competitor_value(ctypes.byref(out), self._h, utf8(metric), utf8(competitor),
                                              opt_text(network), as_period(period))
        return Value._from_c(out)

    # series -------------------------------------------------------------------

    def append(self, metric: str, channel: str, times: ArrayLike, values: ArrayLike) -> None:
        """Append points of a flow or stock: int64 epoch seconds (or datetime64) and float64."""
        tp, tn, tkeep = as_c_array(times, "int64")
        vp, vn, vkeep = as_c_array(values, "float64")
        if tn != vn:
            raise invalid("values", f"times has {tn} items but values has {vn}")
        with naming("metric", "channel", "times", "values"):
            lib.skpi_dataset_append(self._h, utf8(metric), utf8(channel), tp, vp, tn)
        del tkeep, vkeep

    def series(self, metric: str, channel: str) -> Series:
        """A copy of the stored series of a metric on a channel."""
        borrowed = SeriesP()
        lib.skpi_dataset_series(ctypes.byref(borrowed), self._h, utf8(metric), utf8(channel))
        out = SeriesP()
        lib.skpi_series_clone(ctypes.byref(out), borrowed)
        return Series._wrap(out)

    def extent(self, metric: str, selector: str = "*") -> Period:
        """Period from the first point to just after the last one."""
        out = Period()
        lib.skpi_dataset_extent(ctypes.byref(out), self._h, utf8(metric), utf8(selector))
        return out

    # queries ------------------------------------------------------------------

    def value(self, metric: str, period: PeriodLike, selector: str = "*") -> Value:
        """The Value of a metric over a period (start, end) for a selector."""
        out = CValue()
        with naming("metric", "period", "selector"):
            lib.skpi_dataset_value(ctypes.byref(out), self._h, utf8(metric), utf8(selector),
                                   as_period(period))
        return Value._from_c(out)

    @overload
    def rollup(self, metric: str, period: PeriodLike, selector: str = "*", *,
               cadence: Cadence = Cadence.MONTH, calendar: Optional[Calendar] = None) -> Series:
        ...

    @overload
    def rollup(self, metric: str, period: PeriodLike, selector: Optional[Calendar],
               cadence: Cadence = Cadence.MONTH, *, calendar: Optional[Calendar] = None,
               **legacy: str) -> Series:
        ...

    def rollup(self, metric: str, period: Optional[PeriodLike] = None,
               selector: Union[str, Calendar, None] = "*", *args: Any,
               cadence: Cadence = Cadence.MONTH, calendar: Optional[Calendar] = None,
               **legacy: Any) -> Series:
        """A Series with one point per period of `cadence` in `period`, keyed by period start.

        The arguments come in the order of every query of the dataset:
        metric, period, selector, then keyword options (`cadence`, and
        `calendar`, UTC with ISO weeks when None). Points not available are
        NaN; the Series' `availability` attribute holds one Availability code
        per point (an int8 numpy array when numpy is installed, else a list).

        The earlier order `rollup(metric, range, calendar, cadence, selector)`
        still works and warns (DeprecationWarning).
        """
        if period is None and "range" in legacy:
            period = legacy.pop("range")
            _deprecated_rollup()
        if args or not isinstance(selector, str) or legacy:
            # rollup(metric, range, calendar=None, cadence=MONTH, selector="*")
            if not isinstance(selector, str):
                if selector is not None and not isinstance(selector, Calendar):
                    raise invalid("selector", "expected a selector such as '*', "
                                  f"got {type(selector).__name__}")
                calendar = selector if selector is not None else calendar
            if args:
                cadence = args[0]
            if len(args) > 1:
                legacy.setdefault("selector", args[1])
            if len(args) > 2:
                raise TypeError(f"rollup() takes at most 6 positional arguments ({4 + len(args)} given)")
            unknown = set(legacy) - {"selector"}
            if unknown:
                raise TypeError(f"rollup() got an unexpected keyword argument {sorted(unknown)[0]!r}")
            selector = str(legacy.get("selector", "*"))
            _deprecated_rollup()
        if period is None:
            raise TypeError("rollup() missing the argument 'period'")
        return self._rollup(metric, period, selector, Cadence(cadence), calendar)

    def _rollup(self, metric: str, period: PeriodLike, selector: str, cadence: Cadence,
                calendar: Optional[Calendar]) -> Series:
        out = SeriesP()
        avail = ctypes.POINTER(ctypes.c_int)()
        with naming("metric", "period", "selector", "calendar", "cadence"):
            lib.skpi_dataset_rollup(ctypes.byref(out), ctypes.byref(avail), self._h, utf8(metric),
                                    utf8(selector), Calendar._of_optional(calendar), int(cadence),
                                    as_period(period))
        s = Series._wrap(out)
        try:
            n = len(s)
            if np is not None:
                s.availability = (np.ctypeslib.as_array(avail, shape=(n,)).astype(np.int8)
                                  if n else np.zeros(0, dtype=np.int8))
            else:
                s.availability = [Availability(avail[i]) for i in range(n)]
        finally:
            lib.skpi_free(ctypes.cast(avail, ctypes.c_void_p))
        return s

    def compare(self, metric: str, current: PeriodLike, previous: PeriodLike,
                selector: Union[str, Change, int] = "*", *args: Any,
                change: Change = Change.PERCENT) -> Value:
        """The change of a metric between two periods, as a Value.

        Order as in every query: metric, the period (and the one to compare
        with), selector, then keyword options (`change`: percent by default).
        The earlier order `compare(metric, current, previous, change, selector)`
        still works and warns (DeprecationWarning).
        """
        if not isinstance(selector, str):
            # compare(metric, current, previous, change, selector="*")
            change = Change(selector)
            selector = str(args[0]) if args else "*"
            if len(args) > 1:
                raise TypeError("compare() takes at most 5 positional arguments")
            warnings.warn("Dataset.compare(metric, current, previous, change, selector) is the "
                          "earlier argument order: pass compare(metric, current, previous, "
                          "selector, change=...)", DeprecationWarning, stacklevel=2)
        elif args:
            raise TypeError("compare() takes the change as a keyword argument: change=...")
        out = CValue()
        with naming("metric", "period", "selector"):
            lib.skpi_dataset_compare(ctypes.byref(out), self._h, utf8(metric), utf8(selector),
                                     as_period(current), as_period(previous), int(change))
        return Value._from_c(out)

    def to_frame(self, metrics: Union[str, Sequence[str]], period: PeriodLike, selector: str = "*",
                 *, cadence: Cadence = Cadence.MONTH, calendar: Optional[Calendar] = None,
                 by_channel: bool = True) -> Any:
        """A tidy pandas DataFrame of metrics rolled up by `cadence` over `period`.

        Columns: `period` (the start of each period, UTC), `channel`, `metric`,
        `value` (NaN when not available) and `availability` (a categorical of
        'available', 'missing', 'partial', ...). With `by_channel` (the
        default) there is one row per period for each channel the selector
        chooses that has data of the metric; without, one row per period for
        the selector as a whole (its `channel` column holds the selector).
        """
        from ._frames import tidy_frame
        keys = [metrics] if isinstance(metrics, str) else list(metrics)
        parts = []
        for metric in keys:
            if by_channel:
                chosen = [c for c in self.channels if self.match(selector, c)
                          and self._has(metric, c)]
            else:
                chosen = [selector]
            for channel in chosen:
                with self._rollup(metric, period, channel, Cadence(cadence), calendar) as s:
                    parts.append((channel, metric, s.times, s.values, s.availability))
        return tidy_frame(parts)

    def _has(self, metric: str, channel: str) -> bool:
        """Whether the dataset holds points of `metric` (or of its components) on `channel`."""
        try:
            self.extent(metric, channel)
        except LookupError:
            return False
        return True

    # posts ----------------------------------------------------------------------

    def add_post(self, channel: str, id: str, published: TimeLike, type: Optional[str] = None,
                 text: Optional[str] = None, link: Optional[str] = None,
                 **values: float) -> Post:
        """Add (or update) a post; keyword arguments set metric values (likes=12)."""
        lib.skpi_dataset_add_post(self._h, utf8(channel), utf8(id), seconds(published),
                                  opt_text(type), opt_text(text), opt_text(link))
        for metric, v in values.items():
            self.set_post_value(channel, id, metric, v)
        return self.find_post(channel, id)

    def set_post_value(self, channel: str, id: str, metric: str, value: float) -> None:
        """Set one metric value of a post (added before with add_post())."""
        lib.skpi_dataset_set_post_value(self._h, utf8(channel), utf8(id), utf8(metric), float(value))

    def find_post(self, channel: str, id: str) -> Post:
        """The post with this id on this channel; NotFoundError when there is none."""
        out = ctypes.c_size_t()
        lib.skpi_dataset_find_post(ctypes.byref(out), self._h, utf8(channel), utf8(id))
        return Post(self, out.value)

    @property
    def posts(self) -> List[Post]:
        """Every post, in the order first added."""
        return [Post(self, i) for i in range(lib.skpi_dataset_post_count(self._h))]

    def add_post_tag(self, channel: str, id: str, tag: str) -> None:
        """Add a tag (a label such as a campaign) to a post added before."""
        lib.skpi_dataset_add_post_tag(self._h, utf8(channel), utf8(id), utf8(tag))

    def clear_post_tags(self, channel: str, id: str) -> None:
        """Remove the tags a post carries (its hashtags stay in its text)."""
        lib.skpi_dataset_clear_post_tags(self._h, utf8(channel), utf8(id))

    def post_groups(self, period: PeriodLike, by: str = "type", *, metric: Optional[str] = None,
                    rate: Optional[str] = None, selector: Optional[str] = None,
                    type: Optional[str] = None, tag: Optional[str] = None, min_posts: int = 0,
                    ranked: int = 0) -> "ContentGroups":
        """The period's posts grouped by normalised 'type' or by 'tag' (experimental).

        Per group: posts, total and median of `metric` (engagements) per post,
        `rate` (engagement_rate_impressions) over the group's sums, share of the
        total, too_few (fewer than `min_posts`, 5), and the `ranked` (3) best and
        worst posts. An unknown type or tag raises NotFoundError naming it.
        """
        from .content import post_groups
        return post_groups(self, period, by, metric=metric, rate=rate, selector=selector,
                           type=type, tag=tag, min_posts=min_posts, ranked=ranked)

    def posting_times(self, period: PeriodLike, *, metric: Optional[str] = None,
                      selector: Optional[str] = None, type: Optional[str] = None,
                      tag: Optional[str] = None, calendar: Optional[Calendar] = None,
                      min_slot_posts: int = 0) -> "PostingTimes":
        """Weekday x hour (in `calendar`'s zone, else UTC) of the period's posts:
        posts and the median of `metric` per cell, and the best slots that
        `min_slot_posts` (3) posts support (experimental)."""
        from .content import posting_times
        return posting_times(self, period, metric=metric, selector=selector, type=type, tag=tag,
                             calendar=calendar, min_slot_posts=min_slot_posts)

    def top_posts(self, metric: str, period: PeriodLike, selector: str = "*",
                  limit: int = 10) -> List[Post]:
        """The best posts of a period by a metric, best first."""
        if limit <= 0:
            return []
        buf = (ctypes.c_size_t * limit)()
        count = ctypes.c_size_t()
        lib.skpi_dataset_top_posts(buf, ctypes.byref(count), limit, self._h, utf8(metric),
                                   utf8(selector), as_period(period))
        return [Post(self, buf[i]) for i in range(count.value)]

    # data sources -----------------------------------------------------------------

    @property
    def source(self) -> Union[Callable[[FetchRequest], SourceResult], Store, None]:
        """The attached source: a callable, a Store, or None."""
        src = self._source
        if isinstance(src, CallableSource):
            fn: Callable[[FetchRequest], SourceResult] = src.fn
            return fn
        store: Optional[Store] = src
        return store

    @source.setter
    def source(self, src: Union[Callable[[FetchRequest], SourceResult], Store, None]) -> None:
        from .store import Store
        h = self._h
        if src is None:
            lib.skpi_dataset_set_source(h, None)
            self._detach_store()
            self._source = None
        elif isinstance(src, Store):
            table = src._source_table()
            lib.skpi_dataset_set_source(h, ctypes.byref(table))
            self._detach_store()
            src._dependents.add(self)
            self._source = src
        else:
            adapter = CallableSource(src)
            lib.skpi_dataset_set_source(h, ctypes.byref(adapter.table))
            self._detach_store()
            # C copied the table but calls the function: keep it alive while attached
            self._source = adapter

    def _detach_store(self) -> None:
        from .store import Store
        src = getattr(self, "_source", None)
        if isinstance(src, Store):
            src._dependents.discard(self)

    def __repr__(self) -> str:
        if self.closed:
            return "<Dataset closed>"
        return f"<Dataset: {len(self.channels)} channels, {lib.skpi_dataset_post_count(self._h)} posts>"

