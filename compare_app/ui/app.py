"""Start the desktop app: ``run()`` is what the launcher and ``compare-app gui`` call."""

from __future__ import annotations

import sys
from pathlib import Path


def run(project: Path | None = None, demo: bool = False, screenshot: Path | None = None, lang: str | None = None,
        size: tuple[int, int] | None = None) -> int:
    """Open the main window (optionally a project or the demo) and run the event loop.

    With ``screenshot`` the window loads the project or demo, runs the alignment,
    waits until it is done, writes a PNG of the window and returns 0 without
    waiting for the user. ``size`` sets the window size (default 1366x768 for
    screenshots, maximised on screen otherwise).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ..paths import APP_AUTHOR, APP_NAME
    from . import i18n, prefs
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("compare_app")
    i18n.install(app, lang or prefs.language())
    _set_icon(app)

    window = MainWindow()
    if screenshot is not None:
        window.resize(*(size or (1366, 768)))
        return _screenshot(app, window, project, demo, Path(screenshot))
    if size:
        window.resize(*size)
    else:
        window._restore_layout()
    window.show()
    if project is not None:
        window.open_path(Path(project), ask=False)
    elif demo:
        window.open_demo()
    else:
        QTimer.singleShot(0, window.offer_recovery)
    code = app.exec()
    window.stop_background_work()
    return code


def _set_icon(app) -> None:
    from PySide6.QtGui import QIcon

    from ..paths import resource_path

    for name in ("app.png", "app.svg", "app.ico"):
        path = resource_path("icons", name)
        if path.is_file():
            app.setWindowIcon(QIcon(str(path)))
            return


def _screenshot(app, window, project, demo, target: Path) -> int:
    """Load, align, wait for the work to end (the event loop keeps running), grab the window."""
    from PySide6.QtCore import QEventLoop

    window.quiet = True
    window.show()
    steps: list[str] = []
    loop = QEventLoop()

    def on_done(how: str) -> None:
        steps.append(how)
        if window.task is None:
            loop.quit()

    window.task_done.connect(on_done)
    if project is not None:
        window.open_path(Path(project), ask=False)
        loop.exec()
        if window.c.project is not None:
            window.run_alignment()
            loop.exec()
    elif demo:
        window.open_demo(align=True)
        while window.task is not None or not steps:
            loop.exec()
    if window.c.project is not None and "failed" not in steps:
        window.review.next_unreviewed(1)
    for _ in range(5):
        app.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(target), "PNG")
    window.close()
    return 0 if ok and "failed" not in steps else 1


def main(argv: list[str] | None = None) -> int:
    """``python -m compare_app.ui.app [--demo] [--lang en] [--screenshot out.png] [--size 1920x1080] [project]``."""
    from ..argparse_sv import SwedishArgumentParser

    parser = SwedishArgumentParser(prog="compare-app-gui")
    parser.add_argument("project", nargs="?", type=Path, metavar="PROJEKT", help="projektfil (.cmpproj) att öppna")
    parser.add_argument("--demo", action="store_true", help="öppna de medföljande exemplen, redan jämförda")
    parser.add_argument("--screenshot", type=Path, metavar="UT.png", help="spara en bild av huvudfönstret och avsluta")
    parser.add_argument("--lang", choices=["sv", "en"], help="språk i gränssnittet")
    parser.add_argument("--size", metavar="BREDDxHÖJD", help="fönstrets storlek, t.ex. 1920x1080")
    args = parser.parse_args(argv)
    size = tuple(int(v) for v in args.size.lower().split("x")) if args.size else None
    return run(args.project, args.demo, args.screenshot, args.lang, size)


if __name__ == "__main__":
    raise SystemExit(main())
