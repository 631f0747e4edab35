"""Type aliases of what the package's functions accept (times, periods, arrays)."""
from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Iterable, Tuple, Union

from ._types import Period

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: A time: epoch seconds, a datetime (naive = UTC), a date, ISO 8601 text or numpy datetime64.
TimeLike = Union[int, float, str, bytes, datetime.date, "np.datetime64"]
#: A period: a Period, or a (start, end) pair of times, end excluded.
PeriodLike = Union[Period, Tuple[TimeLike, TimeLike]]
#: One-dimensional numbers: a numpy array, a buffer or any iterable of numbers.
ArrayLike = Union["npt.ArrayLike", Iterable[float]]
#: A file system path.
PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
