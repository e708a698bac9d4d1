"""Long work off the GUI thread, with progress and cancel.

A :class:`Task` runs ``fn(progress)`` in the global QThreadPool. The
:class:`compare_app.progress.Progress` it passes reports through a Qt signal
(queued into the GUI thread) and :meth:`Task.cancel` sets its cancel flag, so the
core raises :class:`compare_app.errors.Cancelled` at its next step.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ..errors import Cancelled
from ..progress import STAGE_ALIGN, STAGE_EMBED, STAGE_INDEX, STAGE_READ, Progress, stage_of


def stage_text(message: str) -> str:
    """The stage a core progress message belongs to, in the GUI's language ("" when it names none)."""
    names = {
        STAGE_READ: QCoreApplication.translate("progress", "läser kursplaner"),
        STAGE_INDEX: QCoreApplication.translate("progress", "bygger sökindex (bara första gången)"),
        STAGE_ALIGN: QCoreApplication.translate("progress", "jämför krav"),
        STAGE_EMBED: QCoreApplication.translate("progress", "språkmodellen läser nya texter"),
    }
    return names.get(stage_of(message), "")


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Task(QRunnable):
    """One piece of long work; connect to :attr:`signals` before :meth:`start`."""

    def __init__(self, fn: Callable[[Progress], Any]):
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it until a final signal arrives
        self._fn = fn
        self.signals = TaskSignals()
        self.progress = Progress(callback=self._report)

    def _report(self, done: int, total: int, message: str) -> None:
        self.signals.progress.emit(done, total, message)

    def cancel(self) -> None:
        self.progress.cancel()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)

    def run(self) -> None:  # worker thread
        try:
            result = self._fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # shown to the user by the owner, never swallowed
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
