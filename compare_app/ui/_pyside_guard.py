"""Guard against a PySide6 6.12.0 bug that crashes a long session on Python 3.11.

With PySide6 6.12.0 on Python < 3.12, every call of a Qt method that returns ``None``
(``setHidden``, ``setExpanded``, ``data`` of an empty role ...) drops one reference to
``None`` too many. After a few thousand calls CPython aborts with "none_dealloc:
deallocating None". PySide6 6.11.3 does not do this, and from Python 3.12 ``None`` is
immortal. Until the dependency pin excludes 6.12.0, we give ``None`` a reference count
that no session can use up (``None`` is never freed in any case).
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40  # ~10^12 calls


def affected() -> bool:
    if sys.version_info >= (3, 12):
        return False
    import PySide6

    return PySide6.__version__.startswith("6.12.")


def protect_none() -> bool:
    """Raise None's reference count once per process when the buggy binding is in use."""
    if getattr(sys, "_compare_app_none_guard", False) or not affected():
        return False
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM  # ob_refcnt is PyObject's first field
    sys._compare_app_none_guard = True
    return True
