"""Progress reporting and cancellation for long work, without Qt.

Long operations (import, alignment, export) take an optional ``Progress``. The
GUI passes one whose callback emits a Qt signal from a worker thread and whose
``cancelled`` flag is set by the cancel button; the CLI passes ``None``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

from .errors import Cancelled


@dataclass
class Progress:
    callback: Callable[[int, int, str], None] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, message: str = "") -> None:
        """Report progress; raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        if self.callback is not None:
            self.callback(done, total, message)


def report(progress: Progress | None, done: int, total: int, message: str = "") -> None:
    if progress is not None:
        progress.step(done, total, message)
