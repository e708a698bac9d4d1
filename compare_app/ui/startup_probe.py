"""The hidden ``--startup-probe`` of ``compare-app-gui``, used by benchmarks/startup.py."""

from __future__ import annotations

import sys
import time


def install(marker: str, t0: float) -> None:
    """Create the QApplication early; once the main window is first exposed, print the time and quit.

    ``compare_app.ui.app.run`` reuses an existing ``QApplication.instance()``, so the
    probe sees exactly the window a user would see, built by the same code.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def is_main_window(window: QWindow) -> bool:
        return any(isinstance(w, QMainWindow) and w.windowHandle() is window for w in app.topLevelWidgets())

    class _FirstExpose(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if (event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed()
                    and is_main_window(obj)):
                print(f"{marker} after {time.perf_counter() - t0:.3f} s (since launcher import)", flush=True)
                app.removeEventFilter(self)
                app.exit(0)
            return False

    app.installEventFilter(_FirstExpose(app))
