"""The Linux system libraries Qt needs, and a check that names the missing ones before Qt starts.

Qt's xcb platform plugin aborts the whole process (exit 134, a message buried in the
plugin loader's output) when one of its libraries is missing; Python cannot catch that.
:func:`missing_for_qt` tries to load each library first, so the launcher can say which
Debian/Ubuntu packages to install instead. :data:`QT_PACKAGES` is the one list: README.md
and ``.ci/run`` name exactly these packages (``tests/installer`` checks it).

Qt-free and cheap: only ``ctypes`` from the standard library. Windows and macOS ship
everything Qt needs with PySide6, so the check only runs on Linux. The libraries checked are
the direct needs (ELF ``NEEDED``) of PySide6's xcb plugin, XcbQpa, Gui, Widgets and DBus
libraries that PySide6 does not ship itself; their own dependencies come with the packages.
"""

from __future__ import annotations

import ctypes
import os
import sys

#: Debian/Ubuntu package -> the shared library Qt's xcb platform loads from it; None for a
#: package installed for other Qt builds or modules (QtOpenGL, older xcb plugins) that the
#: bundled PySide6 does not load, so its absence must not stop the window
QT_PACKAGES = {
    "libegl1": "libEGL.so.1",
    "libgl1": "libGL.so.1",
    "libopengl0": None,
    "libxkbcommon0": "libxkbcommon.so.0",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
    "libfontconfig1": "libfontconfig.so.1",
    "libfreetype6": "libfreetype.so.6",
    "libdbus-1-3": "libdbus-1.so.3",
    "libglib2.0-0": "libglib-2.0.so.0",
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-shape0": "libxcb-shape.so.0",
    "libxcb-xinerama0": None,
    "libxcb-randr0": "libxcb-randr.so.0",
    "libxcb-render-util0": "libxcb-render-util.so.0",
    "libxcb-image0": "libxcb-image.so.0",
    "libxcb-xkb1": "libxcb-xkb.so.1",
}
#: packages README.md and .ci/run list besides the libraries: a font, and a virtual screen for tests
EXTRA_PACKAGES = ("fonts-dejavu-core", "xvfb")
#: platforms that draw without a screen and need none of the xcb libraries
_HEADLESS = {"offscreen", "minimal"}


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_for_qt(platform: str | None = None) -> list[str]:
    """Packages whose library cannot be loaded, for Qt's default (xcb) platform; [] off Linux or headless."""
    if not sys.platform.startswith("linux"):
        return []
    platform = (platform if platform is not None else os.environ.get("QT_QPA_PLATFORM", "")).split(":")[0]
    if platform in _HEADLESS:
        return []
    return [package for package, library in QT_PACKAGES.items() if library and not _loads(library)]


def missing_message(packages: list[str]) -> str:
    """The launcher's one-paragraph explanation, in Swedish."""
    libraries = ", ".join(QT_PACKAGES[p] for p in packages)
    return (
        f"Fönstret kan inte starta: Qt behöver systembibliotek som saknas ({libraries}).\n"
        f"Installera dem, till exempel: sudo apt-get install {' '.join(packages)}\n"
        "Kommandoraden (compare-app) och --self-test fungerar utan dem."
    )
