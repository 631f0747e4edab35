"""Exceptions raised for the library's negative return codes, one per error family."""
from __future__ import annotations

import contextlib
import errno as _errno
import threading
from typing import Dict, Iterator, Optional, Type


class SocialKPIError(Exception):
    """Base class of the library's errors.

    Attributes: ``code`` (the negative SKPI_E* code), ``message`` (the
    library's text, skpi_last_error()) and ``argument`` (the name of the
    failing argument of the Python call, when one argument is to blame; else
    None).
    """

    code: Optional[int] = None

    def __init__(self, message: str, code: Optional[int] = None,
                 argument: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.argument = argument
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InvalidArgumentError(SocialKPIError, ValueError):
    """SKPI_EINVAL: an argument is not acceptable (a ValueError)."""

    code = -1


class OutOfMemoryError(SocialKPIError, MemoryError):
    """SKPI_ENOMEM: the library could not allocate (a MemoryError)."""

    code = -2


class MisuseError(SocialKPIError, TypeError):
    """SKPI_EMISUSE: the API was called the wrong way (a TypeError)."""

    code = -3


class RangeError(SocialKPIError, ValueError):
    """SKPI_ERANGE: a number or time is outside its range (a ValueError)."""

    code = -4


class ParseError(SocialKPIError, ValueError):
    """SKPI_EPARSE: text could not be read; the message says where (a ValueError)."""

    code = -5


class NotFoundError(SocialKPIError, LookupError):
    """SKPI_ENOTFOUND: no such metric, channel, id or file (a LookupError)."""

    code = -6


class StoreNotFoundError(NotFoundError, FileNotFoundError):
    """Store(path) on a path where there is no store: a FileNotFoundError too."""

    def __init__(self, message: str, code: Optional[int] = None,
                 argument: Optional[str] = None, filename: Optional[str] = None) -> None:
        super().__init__(message, code, argument)
        self.errno = _errno.ENOENT
        self.strerror = message
        self.filename = filename


class AlreadyExistsError(SocialKPIError):
    """SKPI_EEXISTS: the thing to add is there already."""

    code = -7


class CallbackError(SocialKPIError):
    """SKPI_ECALLBACK: a host callback stopped the operation."""

    code = -8


class StorageError(SocialKPIError, OSError):
    """SKPI_EIO: reading or writing a file or the store failed (an OSError)."""

    code = -9


class UnsupportedError(SocialKPIError):
    """SKPI_EUNSUPPORTED: the library cannot do this (yet)."""

    code = -10


class DuplicateTimeError(SocialKPIError, ValueError):
    """SKPI_EDUPLICATE: a time appears twice where the policy forbids it (a ValueError)."""

    code = -11


class VersionError(SocialKPIError):
    """SKPI_EVERSION: a file or struct of a version this library does not read."""

    code = -12


_BY_CODE: Dict[Optional[int], Type[SocialKPIError]] = {cls.code: cls for cls in (
    InvalidArgumentError, OutOfMemoryError, MisuseError, RangeError, ParseError,
    NotFoundError, AlreadyExistsError, CallbackError, StorageError,
    UnsupportedError, DuplicateTimeError, VersionError)}


def error_for(code: int, message: str, argument: Optional[str] = None) -> SocialKPIError:
    """The exception instance for a negative code."""
    return _BY_CODE.get(code, SocialKPIError)(message, code, argument)


def invalid(argument: str, message: str) -> InvalidArgumentError:
    """An InvalidArgumentError found on the Python side, naming its argument."""
    return InvalidArgumentError(message, InvalidArgumentError.code, argument)


# An exception raised inside a Python callback cannot cross the C frames that
# called it: the callback parks it here (per thread, since the library calls
# callbacks on the caller's thread) and the checked C call that triggered the
# callback raises it once C has returned.
_pending = threading.local()


def stash_pending(exc: BaseException) -> None:
    """Keep the first exception a callback raised during the current C call."""
    if getattr(_pending, "exc", None) is None:
        _pending.exc = exc


def take_pending() -> Optional[BaseException]:
    """The parked exception, if any, cleared."""
    exc: Optional[BaseException] = getattr(_pending, "exc", None)
    if exc is not None:
        _pending.exc = None
    return exc


@contextlib.contextmanager
def naming(*names: str) -> Iterator[None]:
    """Blame the first of `names` that a library error's message mentions.

    Wraps calls whose arguments the library names in its messages ("unknown
    metric key", "the period ends ..."), so that the exception's `argument`
    says which Python argument to fix.
    """
    try:
        yield
    except SocialKPIError as exc:
        if exc.argument is None:
            words = exc.message.lower()
            exc.argument = next((n for n in names if n in words), None)
        raise
