"""socialkpi: social-media metrics to goal progress and stakeholder reports.

ctypes bindings of libsocialkpi. The library is found through the
SOCIALKPI_LIBRARY environment variable, then next to this package, then the
system loader path.
"""
from ._errors import (AlreadyExistsError, CallbackError, DuplicateTimeError, InvalidArgumentError,
                      MisuseError, NotFoundError, OutOfMemoryError, ParseError, RangeError,
                      SocialKPIError, StorageError, UnsupportedError, VersionError)
from ._lib import Period, lib as _lib
from .calendar import Cadence, Calendar, format_date, format_time, parse_time
from .series import Aggregation, DuplicatePolicy, Series

__version__ = "0.1.0"


def library_version():
    """The loaded C library's version string."""
    return _lib.skpi_version_string().decode()


__all__ = [
    "AlreadyExistsError", "CallbackError", "DuplicateTimeError", "InvalidArgumentError",
    "MisuseError", "NotFoundError", "OutOfMemoryError", "ParseError", "RangeError",
    "SocialKPIError", "StorageError", "UnsupportedError", "VersionError",
    "Period", "Cadence", "Calendar", "format_date", "format_time", "parse_time",
    "Aggregation", "DuplicatePolicy", "Series", "library_version",
]
