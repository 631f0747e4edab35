"""Sinks: where rendered reports go (a Python callable, a memory buffer, a file)."""
from __future__ import annotations

import ctypes
import os
from typing import IO, Any, Callable, Optional, TypeVar, Union

from ._callbacks import address, guarded
from ._lib import lib
from ._typing import PathLike
from ._types import SINK_CLOSE_FN, SINK_WRITE_FN, BufferStruct, SinkTable

_S = TypeVar("_S", bound="Sink")

SINK_VERSION = 1
BUFFER_VERSION = 1


class Sink:
    """A C sink table. A render closes the sink at its end unless told to keep it open."""

    _table: Any = None

    def _prepare(self) -> Any:
        """The table to hand to C for the next output."""
        return self._table

    def write(self, data: Union[bytes, bytearray, memoryview, str]) -> None:
        """Write bytes (or str, as UTF-8) to the sink yourself, e.g. a header before a report."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        raw = bytes(data)
        lib.skpi_sink_write(ctypes.byref(self._prepare()), raw, len(raw))

    def close(self) -> None:
        """Close the sink (needed only when no render closed it). Safe to call twice."""
        if self._table is not None and self._table.write:
            lib.skpi_sink_close(ctypes.byref(self._table))

    def __enter__(self: _S) -> _S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class CallableSink(Sink):
    """Hands each piece of output to `write(bytes)`; `close()` is called once at the end.

    An exception raised by either stops the render and comes out of it.
    """

    def __init__(self, write: Callable[[bytes], object],
                 close: Optional[Callable[[], object]] = None) -> None:
        if not callable(write):
            raise TypeError(f"write must be callable, got {type(write).__name__}")

        def on_write(_userdata: Any, data: Any, size: int) -> None:
            write(ctypes.string_at(data, size))

        def on_close(_userdata: Any) -> None:
            if close is not None:
                close()

        # Kept on the object: C calls them for as long as the table is in use.
        self._write_fn = SINK_WRITE_FN(guarded(on_write))
        self._close_fn = SINK_CLOSE_FN(guarded(on_close))
        self._table = SinkTable()
        lib.skpi_sink_init(ctypes.byref(self._table), SINK_VERSION)
        self._table.write = address(self._write_fn)
        self._table.close = address(self._close_fn)


class MemorySink(Sink):
    """Collects output in a buffer the library grows; any number of renders append to it."""

    def __init__(self, max_size: int = 0) -> None:
        self._buffer = BufferStruct()
        lib.skpi_buffer_init(ctypes.byref(self._buffer), BUFFER_VERSION)
        self._buffer.max_size = max_size
        self._table = SinkTable()

    def _prepare(self) -> Any:
        # Rendering clears the table when it closes the sink; the buffer stays.
        lib.skpi_sink_memory(ctypes.byref(self._table), ctypes.byref(self._buffer))
        return self._table

    @property
    def size(self) -> int:
        """Bytes written so far."""
        return int(self._buffer.size)

    def getvalue(self) -> bytes:
        """A copy of the bytes written so far."""
        b = self._buffer
        return ctypes.string_at(b.data, b.size) if b.size else b""

    def detach(self) -> bytes:
        """The bytes written so far, emptying the buffer."""
        data = ctypes.c_void_p()
        size = ctypes.c_size_t()
        lib.skpi_buffer_detach(ctypes.byref(data), ctypes.byref(size), ctypes.byref(self._buffer))
        try:
            return ctypes.string_at(data, size.value) if size.value else b""
        finally:
            lib.skpi_free(data)

    def reset(self) -> None:
        """Free the bytes and empty the buffer."""
        lib.skpi_buffer_reset(ctypes.byref(self._buffer))

    def close(self) -> None:
        """Nothing to finish: the bytes stay readable until reset()."""
        # nothing to finish; the bytes stay readable until reset()

    def __del__(self) -> None:
        try:
            lib.skpi_buffer_reset(ctypes.byref(self._buffer))
        except Exception:
            pass


class FileSink(Sink):
    """Writes to a new file at `path` (created or truncated now); for one output."""

    def __init__(self, path: PathLike) -> None:
        self._table = SinkTable()
        lib.skpi_sink_file(ctypes.byref(self._table), os.fsencode(path))
        self.path: Union[str, bytes] = os.fspath(path)

    def __del__(self) -> None:
        try:
            self.close()  # a sink never rendered to would leak an open file
        except Exception:
            pass


#: Where output may go: a Sink, a path, a binary file or a callable taking bytes.
SinkTarget = Union["Sink", PathLike, IO[bytes], Callable[[bytes], object]]


def as_sink(target: SinkTarget) -> Sink:
    """A Sink for a Sink, a path, a binary file-like object or a callable taking bytes."""
    if isinstance(target, Sink):
        return target
    if isinstance(target, (str, bytes, os.PathLike)):
        return FileSink(target)
    write = getattr(target, "write", None)
    if callable(write):
        return CallableSink(write)
    if callable(target):
        return CallableSink(target)
    raise TypeError(f"cannot write to {type(target).__name__}: expected a Sink, a path, "
                    "a binary file or a callable")
