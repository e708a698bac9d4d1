"""``compare-app-gui``: the desktop entry point, also the PyInstaller bundle's entry script.

Importing this module is cheap: no Qt, no pandas. ``--self-test`` never imports Qt
at all, so a built bundle can be checked on a machine without a display; every other
use hands over to :func:`compare_app.ui.app.run`, imported only then.

Absolute imports only: PyInstaller runs this file as ``__main__``, outside its package.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

#: ``perf_counter`` when this module was first executed; the start-up probe reports time since then
_T0 = time.perf_counter()

PROG = "compare-app-gui"
STARTUP_PROBE_MARKER = "startup-probe: window shown"


def make_parser() -> argparse.ArgumentParser:
    from compare_app import __version__
    from compare_app.argparse_sv import SwedishArgumentParser

    parser = SwedishArgumentParser(prog=PROG, description="Jämför en kompetensstandard med kursplaner (fönsterprogrammet).")
    parser.add_argument("project", nargs="?", type=Path, metavar="PROJEKT", help="projektfil (.cmpproj) att öppna")
    parser.add_argument("--demo", action="store_true", help="öppna de medföljande exemplen, redan jämförda")
    parser.add_argument("--screenshot", type=Path, metavar="UT.png",
                        help="spara en bild av huvudfönstret när det visats och avsluta")
    parser.add_argument("--lang", choices=("sv", "en"), help="språk i gränssnittet (standard: sparad inställning, annars sv)")
    parser.add_argument("--self-test", action="store_true",
                        help="kontrollera installationen utan fönster: kör exemplen, skriv rapporterna, avsluta")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="visa programmets version och avsluta")
    # Used by benchmarks/startup.py: print a marker once the first window is on screen, then quit.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return parser


def _ensure_streams() -> None:
    """A windowed build (PyInstaller ``console=False``, ``pythonw``) has no stdout/stderr; give it a sink.

    Without this, argparse's help or error output and any ``print`` raise on ``None``.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _freeze_support() -> None:
    """Let worker processes of a frozen build start as workers rather than as a second app."""
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def main(argv: list[str] | None = None) -> int:
    _ensure_streams()
    _freeze_support()
    args = make_parser().parse_args(argv)
    if args.self_test:
        from compare_app.selftest import run_self_test

        return run_self_test()
    from compare_app.system_libs import missing_for_qt, missing_message

    missing = missing_for_qt()
    if missing:  # Qt would abort in its plugin loader; say what to install instead
        print(f"{PROG}: {missing_message(missing)}", file=sys.stderr)
        return 2
    if args.startup_probe:
        from compare_app.ui.startup_probe import install

        install(STARTUP_PROBE_MARKER, _T0)
    from compare_app.ui.app import run

    return int(run(project=args.project, demo=args.demo, screenshot=args.screenshot, lang=args.lang) or 0)


if __name__ == "__main__":
    sys.exit(main())
