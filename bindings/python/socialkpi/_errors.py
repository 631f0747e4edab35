"""Exceptions raised for the library's negative return codes, one per error family."""
import threading


class SocialKPIError(Exception):
    """Base class: carries the code and the library's message (skpi_last_error)."""

    code = None

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class InvalidArgumentError(SocialKPIError, ValueError):
    code = -1


class OutOfMemoryError(SocialKPIError, MemoryError):
    code = -2


class MisuseError(SocialKPIError, TypeError):
    code = -3


class RangeError(SocialKPIError, ValueError):
    code = -4


class ParseError(SocialKPIError, ValueError):
    code = -5


class NotFoundError(SocialKPIError, LookupError):
    code = -6


class AlreadyExistsError(SocialKPIError):
    code = -7


class CallbackError(SocialKPIError):
    code = -8


class StorageError(SocialKPIError, OSError):
    code = -9


class UnsupportedError(SocialKPIError):
    code = -10


class DuplicateTimeError(SocialKPIError, ValueError):
    code = -11


class VersionError(SocialKPIError):
    code = -12


_BY_CODE = {cls.code: cls for cls in (
    InvalidArgumentError, OutOfMemoryError, MisuseError, RangeError, ParseError,
    NotFoundError, AlreadyExistsError, CallbackError, StorageError,
    UnsupportedError, DuplicateTimeError, VersionError)}


def error_for(code, message):
    """The exception instance for a negative code."""
    return _BY_CODE.get(code, SocialKPIError)(message, code)


# An exception raised inside a Python callback cannot cross the C frames that
# called it: the callback parks it here (per thread, since the library calls
# callbacks on the caller's thread) and the checked C call that triggered the
# callback raises it once C has returned.
_pending = threading.local()


def stash_pending(exc):
    """Keep the first exception a callback raised during the current C call."""
    if getattr(_pending, "exc", None) is None:
        _pending.exc = exc


def take_pending():
    """The parked exception, if any, cleared."""
    exc = getattr(_pending, "exc", None)
    if exc is not None:
        _pending.exc = None
    return exc
