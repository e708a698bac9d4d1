"""Progress reporting and cancellation for long work, without Qt.

Long operations (import, index building, alignment, export) take an optional
``Progress`` and call :func:`report` (or a :class:`Phases` over it) as they go;
any stage can, without knowing who listens. A run of reports with the same
``total`` is one stage; ``message`` names the stage or the piece at hand.

* The GUI passes a ``Progress`` whose callback emits a Qt signal from a worker
  thread and whose ``cancelled`` flag is set by the cancel button.
* The CLI passes :func:`console` (a tqdm bar on a terminal, plain lines in a log,
  nothing with ``--quiet``).
* Library callers may pass ``None``: reports then cost nothing.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, TextIO, TypeVar

from .errors import Cancelled

T = TypeVar("T")

#: the stages of the core that a person may wait for; the GUI shows them in its own language
STAGE_READ = "läser kursplaner"
STAGE_INDEX = "bygger sökindex (bara första gången)"
STAGE_ALIGN = "jämför krav"
STAGE_EMBED = "språkmodellen läser nya texter"


@dataclass
class Progress:
    callback: Callable[[int, int, str], None] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def close(self) -> None:
        """End any display the callback keeps (a terminal bar)."""
        close = getattr(self.callback, "close", None)
        if close is not None:
            close()

    def step(self, done: int, total: int, message: str = "") -> None:
        """Report progress; raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        if self.callback is not None:
            self.callback(done, total, message)


def report(progress: Progress | None, done: int, total: int, message: str = "") -> None:
    if progress is not None:
        progress.step(done, total, message)


def within(progress: Progress | None, stage: str) -> Progress | None:
    """``progress`` for work that is all one ``stage``: its messages become ``"<stage>: <message>"``.

    Lets a caller name the stage of a function whose messages name only its steps;
    cancelling either cancels both."""
    if progress is None:
        return None
    return Progress(lambda done, total, message: progress.step(done, total, f"{stage}: {message}" if message else stage),
                    progress._cancel)


class Phases:
    """One stage made of named phases, each with a rough share of the time.

    ``step(phase, done, total)`` reports how far the phase is, as one bar over the
    whole stage (0..1000) labelled ``"<title>: <phase>"``; ``each(phase, items)``
    steps through a sequence, reporting about a hundred times.
    """

    SCALE = 1000

    def __init__(self, progress: Progress | None, title: str, shares: dict[str, float]):
        self.progress, self.title = progress, title
        whole = sum(shares.values()) or 1.0
        self._start: dict[str, float] = {}
        self._share: dict[str, float] = {}
        at = 0.0
        for name, share in shares.items():
            self._start[name], self._share[name] = at, share / whole
            at += share / whole

    def step(self, phase: str, done: int, total: int) -> None:
        if self.progress is None:
            return
        fraction = self._start[phase] + self._share[phase] * (done / total if total else 1.0)
        self.progress.step(min(self.SCALE, round(fraction * self.SCALE)), self.SCALE, f"{self.title}: {phase}")

    def each(self, phase: str, items: Iterable[T]) -> Iterator[T]:
        items = list(items)
        every = max(1, len(items) // 100)
        for n, item in enumerate(items):
            if n % every == 0:
                self.step(phase, n, len(items))
            yield item


def console(quiet: bool = False, stream: TextIO | None = None) -> Progress | None:
    """Progress for a command line: None with ``quiet``, a tqdm bar when ``stream`` (stderr) is a
    terminal, otherwise plain lines for logs (see :class:`_LinePrinter`). Stages quicker than
    :data:`DELAY` show nothing, so a quick run prints only its result."""
    if quiet:
        return None
    stream = stream if stream is not None else sys.stderr
    interactive = hasattr(stream, "isatty") and stream.isatty()
    return Progress(callback=(_BarPrinter if interactive else _LinePrinter)(stream))


def stage_of(message: str) -> str:
    """The stage a report belongs to: its message up to a colon (``"jämför krav: K3"``)."""
    return message.split(":", 1)[0].strip()


#: a stage shorter than this shows nothing: only a wait a person notices gets a line or a bar
DELAY = 1.0


class _LinePrinter:
    """``<stage> … <percent> %`` once a stage has taken :data:`DELAY`, then at most every ``interval`` seconds."""

    def __init__(self, stream: TextIO, interval: float = 5.0):
        self.stream, self.interval = stream, interval
        self._stage: str | None = None
        self._started = self._last = 0.0

    def __call__(self, done: int, total: int, message: str) -> None:
        stage, now = stage_of(message), time.monotonic()
        if stage != self._stage:
            self._stage, self._started, self._last = stage, now, 0.0
        elif now - self._started >= DELAY and now - self._last >= self.interval:
            self._last = now
            percent = f" {done * 100 // total} %" if total else ""
            print(f"{stage} …{percent}", file=self.stream, flush=True)


class _BarPrinter:
    """A tqdm bar per stage, gone when the next stage starts or :meth:`close` is called."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self._bar = None
        self._stage: str | None = None

    def __call__(self, done: int, total: int, message: str) -> None:
        from tqdm import tqdm  # only a terminal needs it

        stage = stage_of(message)
        if self._bar is None or stage != self._stage:
            self.close()
            self._stage = stage
            # the terminal's size, or 80 x 24 where it reports none (tqdm would then hide the bar)
            size = shutil.get_terminal_size((80, 24))
            self._bar = tqdm(total=total, desc=stage, file=self.stream, leave=False, ncols=min(size.columns, 120),
                             nrows=size.lines, mininterval=0.2, delay=DELAY,
                             bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}")
        self._bar.total = total
        self._bar.n = min(done, total)
        self._bar.update(0)  # redraws when mininterval has passed

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
