"""The metric catalog: built-in and host metrics, derived metrics defined by formulas."""
import ctypes
import enum
from typing import NamedTuple, Optional, Tuple

from ._handle import Handle
from ._lib import CatalogP, MetricP, lib, string, text


class Unit(enum.IntEnum):
    COUNT = 0
    PERCENT = 1
    RATIO = 2
    CURRENCY = 3
    DURATION = 4
    SCORE = 5


class Direction(enum.IntEnum):
    HIGHER_IS_BETTER = 0
    LOWER_IS_BETTER = 1
    NEUTRAL = 2


class MetricKind(enum.IntEnum):
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

    def __repr__(self):
        extra = f" = {self.formula}" if self.formula else ""
        return f"<Metric {self.key}: {self.kind.name.lower()}, {self.unit.name.lower()}{extra}>"

    @classmethod
    def _from_c(cls, m):
        n = lib.skpi_metric_component_count(m)
        return cls(
            key=string(lib.skpi_metric_key(m)),
            label=string(lib.skpi_metric_label(m)),
            unit=Unit(lib.skpi_metric_unit(m)),
            direction=Direction(lib.skpi_metric_direction(m)),
            kind=MetricKind(lib.skpi_metric_kind_of(m)),
            definition=string(lib.skpi_metric_definition(m)),
            formula=string(lib.skpi_metric_formula(m)),
            description=string(lib.skpi_metric_description(m)),
            components=tuple(string(lib.skpi_metric_component(m, i)) for i in range(n)),
        )


class Catalog(Handle):
    """A catalog of metrics.

    `Catalog()` is a host catalog starting as a copy of the built-in one (or
    of `base`); `Catalog.builtin()` is the immutable built-in catalog.
    """

    _free = staticmethod(lib.skpi_catalog_free)
    _builtin = None

    def __init__(self, base=None):
        ptr = CatalogP()
        lib.skpi_catalog_new(ctypes.byref(ptr), Catalog._of_optional(base))
        self._adopt(ptr)

    @classmethod
    def _wrap(cls, ptr, owner=None, borrowed=False):
        self = cls.__new__(cls)
        self._adopt(ptr, owner, borrowed)
        return self

    @classmethod
    def builtin(cls):
        """The built-in catalog: shared, immutable, never freed."""
        if cls._builtin is None:
            cls._builtin = cls._wrap(lib.skpi_catalog_builtin(), borrowed=True)
        return cls._builtin

    def close(self):
        if self is not Catalog._builtin:  # the shared built-in catalog stays usable
            super().close()

    def add_metric(self, key, label, unit=Unit.COUNT, direction=Direction.HIGHER_IS_BETTER,
                   kind=MetricKind.FLOW):
        """Add a flow or stock metric."""
        lib.skpi_catalog_add_metric(self._h, text(key), text(label), int(unit), int(direction),
                                    int(kind))
        return self[key]

    def add_derived(self, key, label, formula, unit=Unit.RATIO,
                    direction=Direction.HIGHER_IS_BETTER):
        """Add a derived metric computed by `formula` from the period's aggregates."""
        lib.skpi_catalog_add_derived(self._h, text(key), text(label), int(unit), int(direction),
                                     text(formula))
        return self[key]

    def set_formula(self, key, formula):
        lib.skpi_catalog_set_formula(self._h, text(key), text(formula))

    def set_label(self, key, label):
        lib.skpi_catalog_set_label(self._h, text(key), text(label))

    def set_description(self, key, description):
        lib.skpi_catalog_set_description(self._h, text(key), text(description))

    def check_formula(self, formula):
        """Raise ParseError, NotFoundError, ... when `formula` is not valid in this catalog."""
        lib.skpi_catalog_check_formula(self._h, text(formula))

    def find(self, key):
        """The Metric with this key; NotFoundError when there is none."""
        out = MetricP()
        lib.skpi_catalog_find(ctypes.byref(out), self._h, text(key))
        return Metric._from_c(out)

    def __getitem__(self, key):
        return self.find(key)

    def __contains__(self, key):
        try:
            self.find(key)
        except LookupError:
            return False
        return True

    def __len__(self):
        return lib.skpi_catalog_count(self._h)

    def __iter__(self):
        h = self._h
        for i in range(lib.skpi_catalog_count(h)):
            yield Metric._from_c(lib.skpi_catalog_metric_at(h, i))

    def keys(self):
        return [m.key for m in self]

    def __repr__(self):
        if self.closed:
            return "<Catalog closed>"
        which = "built-in" if self is Catalog._builtin else "host"
        return f"<Catalog ({which}): {len(self)} metrics>"
