"""The store: durable history in one SQLite file, and a data source for datasets."""
import contextlib
import ctypes
import os
import weakref

from ._buffers import as_c_array
from ._handle import Handle
from ._lib import CatalogP, DatasetP, Period, SeriesP, StoreP, lib, opt_text, version_init
from ._lib import text as utf8
from ._types import SourceTable, StoreOptions
from .calendar import as_period, seconds
from .catalog import Catalog
from .dataset import Dataset
from .series import Series


def _everything():
    return Period(lib.skpi_time_min(), lib.skpi_time_max() + 1)


class Store(Handle):
    """An SQLite store of series, posts and metric definitions.

    Datasets reading from the store on demand (open_dataset(), or
    `dataset.source = store`) keep it alive; closing the store closes them
    too, since they could no longer read.
    """

    _free = staticmethod(lib.skpi_store_free)

    def __init__(self, path, read_only=False, create=True, busy_timeout_ms=5000):
        opts = version_init(lib.skpi_store_options_init, StoreOptions)
        opts.read_only = 1 if read_only else 0
        opts.create = 1 if create else 0
        opts.busy_timeout_ms = int(busy_timeout_ms)
        ptr = StoreP()
        lib.skpi_store_open(ctypes.byref(ptr), os.fsencode(path), ctypes.byref(opts))
        self._adopt(ptr)
        self._dependents = weakref.WeakSet()
        self.path = os.fspath(path)

    @staticmethod
    def schema_version():
        """The schema version this library writes."""
        return lib.skpi_store_schema_version()

    def close(self):
        for ds in list(getattr(self, "_dependents", ())):
            ds.close()
        super().close()

    # transactions ---------------------------------------------------------------

    def begin(self):
        lib.skpi_store_begin(self._h)

    def commit(self):
        lib.skpi_store_commit(self._h)

    def rollback(self):
        lib.skpi_store_rollback(self._h)

    @contextlib.contextmanager
    def transaction(self):
        """`with store.transaction():` commits at the end, rolls back on an exception."""
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self.commit()

    # writing --------------------------------------------------------------------

    def write_points(self, metric, channel, times, values):
        tp, tn, tkeep = as_c_array(times, "int64")
        vp, vn, vkeep = as_c_array(values, "float64")
        if tn != vn:
            raise ValueError(f"times has {tn} items but values has {vn}")
        lib.skpi_store_write_points(self._h, utf8(metric), utf8(channel), tp, vp, tn)
        del tkeep, vkeep

    def write_series(self, series):
        lib.skpi_store_write_series(self._h, Series._of(series))

    def write_post(self, channel, id, published, type=None, text=None, link=None, **values):
        """Add or update a post; keyword arguments set metric values (likes=12)."""
        lib.skpi_store_write_post(self._h, utf8(channel), utf8(id), seconds(published),
                                  opt_text(type), opt_text(text), opt_text(link))
        for metric, v in values.items():
            self.write_post_value(channel, id, metric, v)

    def write_post_value(self, channel, id, metric, value):
        lib.skpi_store_write_post_value(self._h, utf8(channel), utf8(id), utf8(metric), float(value))

    def write_catalog(self, catalog):
        lib.skpi_store_write_catalog(self._h, Catalog._of(catalog))

    def write_dataset(self, dataset):
        lib.skpi_store_write_dataset(self._h, Dataset._of(dataset))

    # reading --------------------------------------------------------------------

    def read_series(self, metric, channel, period=None):
        """The stored points of a metric on a channel in a period (all by default)."""
        out = SeriesP()
        lib.skpi_store_read_series(ctypes.byref(out), self._h, utf8(metric), utf8(channel),
                                   _everything() if period is None else as_period(period))
        return Series._wrap(out)

    def read_catalog(self, base=None):
        """A new Catalog: `base` (built-in by default) plus the saved definitions."""
        out = CatalogP()
        lib.skpi_store_read_catalog(ctypes.byref(out), self._h, Catalog._of_optional(base))
        return Catalog._wrap(out)

    def read_dataset(self, catalog=None, period=None):
        """A new Dataset holding the stored series points and posts of a period (all by default)."""
        out = DatasetP()
        lib.skpi_store_read_dataset(ctypes.byref(out), self._h, Catalog._of_optional(catalog),
                                    _everything() if period is None else as_period(period))
        return Dataset._wrap(out)

    def open_dataset(self, catalog=None, posts=None):
        """A new Dataset that reads series from this store on demand (posts of `posts` loaded)."""
        out = DatasetP()
        lib.skpi_store_open_dataset(ctypes.byref(out), self._h, Catalog._of_optional(catalog),
                                    Period(0, 0) if posts is None else as_period(posts))
        ds = Dataset._wrap(out)
        ds._source = self
        self._dependents.add(ds)
        return ds

    def check(self):
        """Raise StorageError when the store is damaged."""
        lib.skpi_store_check(self._h)

    def _source_table(self):
        table = SourceTable()
        lib.skpi_store_source(ctypes.byref(table), self._h)
        return table

    def __repr__(self):
        if self.closed:
            return "<Store closed>"
        return f"<Store {self.path!r}>"
