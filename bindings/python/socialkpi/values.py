"""Numbers read from the library with their availability."""
from __future__ import annotations

import enum
import math
from typing import NamedTuple, Optional, SupportsFloat, Union

from ._types import CValue


class Availability(enum.IntEnum):
    """Whether a value can be used, and if not why (skpi_availability)."""

    AVAILABLE = 0
    MISSING = 1
    PARTIAL = 2
    DENOMINATOR_ZERO = 3
    UNSUPPORTED = 4


class Value(NamedTuple):
    """A number and its availability; the number is NaN unless available or partial."""

    value: float
    availability: Availability

    @property
    def usable(self) -> bool:
        """True when the number can be used (available or partial)."""
        return self.availability in (Availability.AVAILABLE, Availability.PARTIAL)

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        return f"Value({self.value!r}, {self.availability.name.lower()})"

    @classmethod
    def _from_c(cls, cv: CValue) -> Value:
        return cls(cv.value, Availability(cv.availability))


def to_c_value(v: Union[Value, SupportsFloat, None]) -> CValue:
    """A CValue from a Value, a number (available) or None/NaN (missing)."""
    if isinstance(v, Value):
        return CValue(v.value if v.usable else 0.0, int(v.availability))
    if v is None:
        return CValue(0.0, Availability.MISSING)
    f = float(v)
    if math.isnan(f):
        return CValue(0.0, Availability.MISSING)
    return CValue(f, Availability.AVAILABLE)
