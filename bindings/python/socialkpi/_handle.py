"""Deterministic ownership of C handles: close(), context managers, __del__ as fallback."""


class Handle:
    """Owns one C handle; subclasses set _free to the C free function."""

    _free = None
    _ptr = None

    def _adopt(self, ptr, owner=None):
        self._ptr = ptr
        self._owner = owner  # keeps a parent alive while this child lives

    @property
    def _h(self):
        """The C handle; ValueError once closed."""
        if not self._ptr:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._ptr

    @classmethod
    def _of(cls, obj):
        """The C handle of `obj`, which must be a `cls`: a wrong handle is a TypeError."""
        if not isinstance(obj, cls):
            raise TypeError(f"expected {cls.__name__}, got {type(obj).__name__}")
        return obj._h

    @property
    def closed(self):
        return not self._ptr

    def close(self):
        """Free the C handle now; later use raises ValueError. Safe to call twice."""
        ptr, self._ptr = self._ptr, None
        if ptr:
            type(self)._free(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        # At interpreter exit module globals may be gone; the free function
        # was bound on the class, so it stays reachable.
        try:
            self.close()
        except Exception:
            pass
