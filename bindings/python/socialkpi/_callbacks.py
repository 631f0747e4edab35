"""Python callables as C callbacks: no exception ever unwinds through C."""
from __future__ import annotations

import ctypes
from typing import Any, Callable, Optional

from ._errors import stash_pending
from ._lib import lib


def guarded(fn: Callable[..., Any]) -> Callable[..., int]:
    """Wrap `fn` so that any exception becomes a non-zero return.

    The exception is parked (see _errors.stash_pending) and re-raised by the
    checked C call that led to the callback; the library's message is set to
    name it, for hosts that only look at skpi_last_error().
    """

    def call(*args: Any) -> int:
        try:
            result = fn(*args)
            return 0 if result is None else int(result)
        except BaseException as exc:  # KeyboardInterrupt too: never unwind into C
            stash_pending(exc)
            try:
                lib.skpi_error_set(f"Python callback raised {type(exc).__name__}: {exc}"
                                   .encode("utf-8", "replace"))
            except BaseException:
                pass
            return 1

    return call


def address(cfunc: Any) -> Optional[int]:
    """The C address of a CFUNCTYPE object, for a c_void_p table member."""
    return ctypes.cast(cfunc, ctypes.c_void_p).value
