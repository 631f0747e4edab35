"""Zero-copy views of numeric buffers for bulk calls into C."""
from __future__ import annotations

import array
import ctypes
from typing import Any, Tuple

try:
    import numpy as np
except ImportError:  # numpy is optional
    np = None  # type: ignore[assignment]

_FORMATS = {"int64": ("q", "l"), "float64": ("d",)}


def as_c_array(obj: Any, kind: str) -> Tuple[int, int, object]:
    """Return (pointer, length, keepalive) for a 1-D buffer of int64 or float64.

    numpy arrays (datetime64 included, as seconds) and contiguous buffers of the
    right type are passed without copying; anything else is converted once.
    """
    if np is not None and isinstance(obj, np.ndarray):
        if kind == "int64" and np.issubdtype(obj.dtype, np.datetime64):
            obj = obj.astype("datetime64[s]").view(np.int64)
        arr = np.ascontiguousarray(obj, dtype=np.int64 if kind == "int64" else np.float64)
        if arr.ndim != 1:
            raise ValueError("expected a one-dimensional array")
        return int(arr.ctypes.data), int(arr.shape[0]), arr
    try:
        view = memoryview(obj)
    except TypeError:
        view = None
    if view is not None and view.ndim == 1 and view.c_contiguous and view.format in _FORMATS[kind]:
        if view.readonly:
            view = memoryview(bytearray(view))
            view = view.cast(_FORMATS[kind][0])
        holder = (ctypes.c_char * view.nbytes).from_buffer(view)
        return ctypes.addressof(holder), len(view), (view, holder)
    converted = array.array("q" if kind == "int64" else "d", obj)
    address, length = converted.buffer_info()
    return address, length, converted


__all__ = ["as_c_array", "np"]
