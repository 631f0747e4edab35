"""The metric catalog: built-in and host metrics, derived metrics defined by formulas."""
from __future__ import annotations

import ctypes
import enum
from typing import Any, Iterator, List, NamedTuple, Optional, Tuple

from ._handle import Handle
from ._lib import CatalogP, MetricP, lib, required, string, text


class Unit(enum.IntEnum):
    """What a metric counts or measures."""

    COUNT = 0
    PERCENT = 1
    RATIO = 2
    CURRENCY = 3
    DURATION = 4
    SCORE = 5


class Direction(enum.IntEnum):
    """Whether more of a metric is better."""

    HIGHER_IS_BETTER = 0
    LOWER_IS_BETTER = 1
    NEUTRAL = 2


class MetricKind(enum.IntEnum):
    """How a metric combines over a period: flows sum, stocks take the last value, derived
    metrics recompute their formula from the components' sums."""

    FLOW = 0
    STOCK = 1
    DERIVED = 2


class Metric(NamedTuple):
    """What the catalog says about one metric (a snapshot, independent of the catalog)."""

    key: str
    label: str
    unit: Unit
    direction: Direction
    kind: MetricKind
    definition: str
    formula: Optional[str]
    description: str
    components: Tuple[str, ...]

    def __repr__(self) -> str:
        extra = f" = {self.formula}" if self.formula else ""
        return f"<Metric {self.key}: {self.kind.name.lower()}, {self.unit.name.lower()}{extra}>"

    @classmethod
    def _from_c(cls, m: Any) -> Metric:
        n = lib.skpi_metric_component_count(m)
        return cls(
            key=required(lib.skpi_metric_key(m)),
            label=required(lib.skpi_metric_label(m)),
            unit=Unit(lib.skpi_metric_unit(m)),
            direction=Direction(lib.skpi_metric_direction(m)),
            kind=MetricKind(lib.skpi_metric_kind_of(m)),
            definition=required(lib.skpi_metric_definition(m)),
            formula=string(lib.skpi_metric_formula(m)),
            description=required(lib.skpi_metric_description(m)),
            components=tuple(required(lib.skpi_metric_component(m, i)) for i in range(n)),
        )


class Catalog(Handle):
    """A catalog of metrics.

    `Catalog()` is a host catalog starting as a copy of the built-in one (or
    of `base`); `Catalog.builtin()` is the immutable built-in catalog.
    """

    _free = staticmethod(lib.skpi_catalog_free)
    _builtin: Optional[Catalog] = None

    def __init__(self, base: Optional[Catalog] = None) -> None:
        ptr = CatalogP()
        lib.skpi_catalog_new(ctypes.byref(ptr), Catalog._of_optional(base))
        self._adopt(ptr)

    @classmethod
    def _wrap(cls, ptr: Any, owner: Any = None, borrowed: bool = False) -> Catalog:
        self = cls.__new__(cls)
        self._adopt(ptr, owner, borrowed)
        return self

    @classmethod
    def builtin(cls) -> Catalog:
        """The built-in catalog: shared, immutable, never freed."""
        if cls._builtin is None:
            cls._builtin = cls._wrap(lib.skpi_catalog_builtin(), borrowed=True)
        builtin: Catalog = cls._builtin
        return builtin

    def close(self) -> None:
        """Free a host catalog; the built-in catalog stays usable."""
        if self is not Catalog._builtin:  # the shared built-in catalog stays usable
            super().close()

    def add_metric(self, key: str, label: str, unit: Unit = Unit.COUNT,
                   direction: Direction = Direction.HIGHER_IS_BETTER,
                   kind: MetricKind = MetricKind.FLOW) -> Metric:
        """Add a flow or stock metric."""
        lib.skpi_catalog_add_metric(self._h, text(key), text(label), int(unit), int(direction),
                                    int(kind))
        return self[key]

    def add_derived(self, key: str, label: str, formula: str, unit: Unit = Unit.RATIO,
                    direction: Direction = Direction.HIGHER_IS_BETTER) -> Metric:
        """Add a derived metric computed by `formula` from the period's aggregates."""
        lib.skpi_catalog_add_derived(self._h, text(key), text(label), int(unit), int(direction),
                                     text(formula))
        return self[key]

    def set_formula(self, key: str, formula: str) -> None:
        """Replace the formula of a host derived metric."""
        lib.skpi_catalog_set_formula(self._h, text(key), text(formula))

    def set_label(self, key: str, label: str) -> None:
        """Replace the label of a host metric."""
        lib.skpi_catalog_set_label(self._h, text(key), text(label))

    def set_description(self, key: str, description: str) -> None:
        """Replace the description of a host metric."""
        lib.skpi_catalog_set_description(self._h, text(key), text(description))

    def check_formula(self, formula: str) -> None:
        """Raise ParseError, NotFoundError, ... when `formula` is not valid in this catalog."""
        lib.skpi_catalog_check_formula(self._h, text(formula))

    def find(self, key: str) -> Metric:
        """The Metric with this key; NotFoundError when there is none."""
        out = MetricP()
        lib.skpi_catalog_find(ctypes.byref(out), self._h, text(key))
        return Metric._from_c(out)

    def __getitem__(self, key: str) -> Metric:
        return self.find(key)

    def __contains__(self, key: object) -> bool:
        try:
            self.find(key)  # type: ignore[arg-type]
        except (LookupError, TypeError):
            return False
        return True

    def __len__(self) -> int:
        return int(lib.skpi_catalog_count(self._h))

    def __iter__(self) -> Iterator[Metric]:
        h = self._h
        for i in range(lib.skpi_catalog_count(h)):
            yield Metric._from_c(lib.skpi_catalog_metric_at(h, i))

    def keys(self) -> List[str]:
        """The keys of every metric, in catalog order."""
        return [m.key for m in self]

    def __repr__(self) -> str:
        if self.closed:
            return "<Catalog closed>"
        which = "built-in" if self is Catalog._builtin else "host"
        return f"<Catalog ({which}): {len(self)} metrics>"
