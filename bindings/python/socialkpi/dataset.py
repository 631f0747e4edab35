"""The dataset: series per (metric, channel), posts, groups; values, rollups, comparisons."""
import ctypes
import enum

from ._buffers import as_c_array, np
from ._handle import Handle
from ._lib import DatasetP, Period, SeriesP, lib, opt_text, string
from ._lib import text as utf8
from ._types import CValue
from .calendar import Cadence, Calendar, as_period, seconds
from .catalog import Catalog, Unit
from .series import Series
from .source import CallableSource
from .values import Availability, Value, to_c_value


class Change(enum.IntEnum):
    """Kinds of change between two periods."""

    ABSOLUTE = 0
    PERCENT = 1
    POINTS = 2


def value_change(current, previous, change=Change.PERCENT, unit=Unit.COUNT):
    """The change between two Values (or numbers), as Dataset.compare() computes it.

    unit: the metric's Unit (percentage points need PERCENT).
    """
    out = CValue()
    lib.skpi_value_change(ctypes.byref(out), to_c_value(current), to_c_value(previous), int(change),
                          int(unit))
    return Value._from_c(out)


class Post:
    """One post of a dataset (its index never changes; fields are read live)."""

    __slots__ = ("_dataset", "index")

    def __init__(self, dataset, index):
        self._dataset = dataset
        self.index = index

    @property
    def _p(self):
        return lib.skpi_dataset_post(self._dataset._h, self.index)

    id = property(lambda self: string(lib.skpi_post_id(self._p)))
    channel = property(lambda self: string(lib.skpi_post_channel(self._p)))
    published = property(lambda self: lib.skpi_post_published(self._p),
                         doc="Publication time, epoch seconds")
    type = property(lambda self: string(lib.skpi_post_type(self._p)))
    text = property(lambda self: string(lib.skpi_post_text(self._p)))
    link = property(lambda self: string(lib.skpi_post_link(self._p)))

    def value(self, metric):
        """The post's Value of a metric, derived metrics included."""
        out = CValue()
        lib.skpi_post_value(ctypes.byref(out), self._p, utf8(metric))
        return Value._from_c(out)

    def __eq__(self, other):
        return isinstance(other, Post) and other._dataset is self._dataset and other.index == self.index

    def __hash__(self):
        return hash((id(self._dataset), self.index))

    def __repr__(self):
        if self._dataset.closed:
            return "<Post of a closed Dataset>"
        return f"<Post {self.channel} {self.id}>"


class Dataset(Handle):
    """Series per (metric, channel) and posts, queried by metric, selector and period.

    Selectors: '*', 'instagram:*', 'instagram:@acme' or '@group'.
    """

    _free = staticmethod(lib.skpi_dataset_free)

    def __init__(self, catalog=None):
        ptr = DatasetP()
        lib.skpi_dataset_new(ctypes.byref(ptr), Catalog._of_optional(catalog))
        self._adopt(ptr)
        self._source = None

    @classmethod
    def _wrap(cls, ptr):
        self = cls.__new__(cls)
        self._adopt(ptr)
        self._source = None
        return self

    def close(self):
        self._detach_store()
        super().close()
        self._source = None  # the C callback may go once C can no longer call it

    @classmethod
    def from_frame(cls, frame, channel=None, catalog=None, time=None):
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
    def catalog(self):
        """The dataset's own catalog (borrowed: valid while the dataset is open)."""
        return Catalog._wrap(lib.skpi_dataset_catalog(self._h), owner=self, borrowed=True)

    @property
    def resolution(self):
        """Seconds per slot when looking for gaps (86400 by default; 0: off)."""
        return lib.skpi_dataset_resolution(self._h)

    @resolution.setter
    def resolution(self, seconds_):
        lib.skpi_dataset_set_resolution(self._h, seconds_)

    def add_channel(self, channel):
        lib.skpi_dataset_add_channel(self._h, utf8(channel))

    @property
    def channels(self):
        h = self._h
        return [string(lib.skpi_dataset_channel(h, i)) for i in range(lib.skpi_dataset_channel_count(h))]

    def define_group(self, name, channels):
        """Define (or redefine) the group '@name' of channels."""
        keys = [utf8(c) for c in channels]
        arr = (ctypes.c_char_p * max(len(keys), 1))(*keys)
        lib.skpi_dataset_define_group(self._h, utf8(name), arr, len(keys))

    def match(self, selector, channel):
        """Whether a selector chooses a channel."""
        out = ctypes.c_int()
        lib.skpi_dataset_match(ctypes.byref(out), self._h, utf8(selector), utf8(channel))
        return bool(out.value)

    # series -------------------------------------------------------------------

    def append(self, metric, channel, times, values):
        """Append points of a flow or stock: int64 epoch seconds (or datetime64) and float64."""
        tp, tn, tkeep = as_c_array(times, "int64")
        vp, vn, vkeep = as_c_array(values, "float64")
        if tn != vn:
            raise ValueError(f"times has {tn} items but values has {vn}")
        lib.skpi_dataset_append(self._h, utf8(metric), utf8(channel), tp, vp, tn)
        del tkeep, vkeep

    def series(self, metric, channel):
        """A copy of the stored series of a metric on a channel."""
        borrowed = SeriesP()
        lib.skpi_dataset_series(ctypes.byref(borrowed), self._h, utf8(metric), utf8(channel))
        out = SeriesP()
        lib.skpi_series_clone(ctypes.byref(out), borrowed)
        return Series._wrap(out)

    def extent(self, metric, selector="*"):
        """Period from the first point to just after the last one."""
        out = Period()
        lib.skpi_dataset_extent(ctypes.byref(out), self._h, utf8(metric), utf8(selector))
        return out

    # queries ------------------------------------------------------------------

    def value(self, metric, period, selector="*"):
        """The Value of a metric over a period (start, end) for a selector."""
        out = CValue()
        lib.skpi_dataset_value(ctypes.byref(out), self._h, utf8(metric), utf8(selector),
                               as_period(period))
        return Value._from_c(out)

    def rollup(self, metric, range, calendar=None, cadence=Cadence.MONTH, selector="*"):
        """A Series with one point per period of `cadence` in `range`, keyed by period start.

        Points not available are NaN; the Series' `availability` attribute
        holds one Availability code per point (an int8 numpy array when numpy
        is installed, else a list).
        """
        out = SeriesP()
        avail = ctypes.POINTER(ctypes.c_int)()
        lib.skpi_dataset_rollup(ctypes.byref(out), ctypes.byref(avail), self._h, utf8(metric),
                                utf8(selector), Calendar._of_optional(calendar), int(cadence),
                                as_period(range))
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

    def compare(self, metric, current, previous, change=Change.PERCENT, selector="*"):
        """The change of a metric between two periods, as a Value."""
        out = CValue()
        lib.skpi_dataset_compare(ctypes.byref(out), self._h, utf8(metric), utf8(selector),
                                 as_period(current), as_period(previous), int(change))
        return Value._from_c(out)

    # posts ----------------------------------------------------------------------

    def add_post(self, channel, id, published, type=None, text=None, link=None, **values):
        """Add (or update) a post; keyword arguments set metric values (likes=12)."""
        lib.skpi_dataset_add_post(self._h, utf8(channel), utf8(id), seconds(published),
                                  opt_text(type), opt_text(text), opt_text(link))
        for metric, v in values.items():
            self.set_post_value(channel, id, metric, v)
        return self.find_post(channel, id)

    def set_post_value(self, channel, id, metric, value):
        lib.skpi_dataset_set_post_value(self._h, utf8(channel), utf8(id), utf8(metric), float(value))

    def find_post(self, channel, id):
        out = ctypes.c_size_t()
        lib.skpi_dataset_find_post(ctypes.byref(out), self._h, utf8(channel), utf8(id))
        return Post(self, out.value)

    @property
    def posts(self):
        """Every post, in the order first added."""
        return [Post(self, i) for i in range(lib.skpi_dataset_post_count(self._h))]

    def top_posts(self, metric, period, selector="*", limit=10):
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
    def source(self):
        """The attached source: a callable, a Store, or None."""
        src = self._source
        if isinstance(src, CallableSource):
            return src.fn
        return src

    @source.setter
    def source(self, src):
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

    def _detach_store(self):
        from .store import Store
        src = getattr(self, "_source", None)
        if isinstance(src, Store):
            src._dependents.discard(self)

    def __repr__(self):
        if self.closed:
            return "<Dataset closed>"
        return f"<Dataset: {len(self.channels)} channels, {lib.skpi_dataset_post_count(self._h)} posts>"

