"""Exceptions raised for the library's negative return codes, one per error family."""


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
