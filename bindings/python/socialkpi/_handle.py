"""Deterministic ownership of C handles: close(), context managers, __del__ as fallback."""
from __future__ import annotations

from typing import Any, Callable, ClassVar, Optional, Type, TypeVar

_H = TypeVar("_H", bound="Handle")


class Handle:
    """Owns one C handle; subclasses set _free to the C free function.

    A borrowed handle (a catalog lent by its dataset, a key result owned by
    its objective) is never freed here: it keeps its owner alive and becomes
    unusable once the owner is closed.
    """

    _free: ClassVar[Any] = None
    _ptr: Any = None
    _owner: Any = None
    _borrowed = False

    def _adopt(self, ptr: Any, owner: Any = None, borrowed: bool = False) -> None:
        self._ptr = ptr
        self._owner = owner  # keeps a parent alive while this child lives
        self._borrowed = borrowed

    @property
    def _h(self) -> Any:
        """The C handle; ValueError once closed (or once its owner is)."""
        owner = self._owner
        if isinstance(owner, Handle) and owner.closed:
            raise ValueError(f"{type(self).__name__} belongs to a closed {type(owner).__name__}")
        if not self._ptr:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._ptr

    @classmethod
    def _of(cls, obj: object) -> Any:
        """The C handle of `obj`, which must be a `cls`: a wrong handle is a TypeError."""
        if not isinstance(obj, cls):
            raise TypeError(f"expected {cls.__name__}, got {type(obj).__name__}")
        return obj._h

    @classmethod
    def _of_optional(cls, obj: object) -> Any:
        """_of(obj), or None (NULL) for None."""
        return None if obj is None else cls._of(obj)

    @property
    def closed(self) -> bool:
        """True once close() was called (or the owner was closed)."""
        owner = self._owner
        return not self._ptr or (isinstance(owner, Handle) and owner.closed)

    def close(self) -> None:
        """Free the C handle now; later use raises ValueError. Safe to call twice."""
        ptr, self._ptr = self._ptr, None
        if ptr and not self._borrowed:
            free = type(self)._free
            if free is not None:
                free(ptr)

    def __enter__(self: _H) -> _H:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        # At interpreter exit module globals may be gone; the free function
        # was bound on the class, so it stays reachable.
        try:
            self.close()
        except Exception:
            pass
