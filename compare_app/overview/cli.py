"""``compare-app overview``: many standards against one curriculum, as an Excel workbook and JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..progress import Progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("standards", nargs="+", metavar="STANDARD",
                        help="kompetensstandarder (.xlsx, .csv, .docx, CASE .json) eller sparade projekt (.cmpproj)")
    parser.add_argument("--curriculum", action="append", metavar="SRC",
                        help="kursplanekälla (Skolverkets arkiv, mapp, XML- eller API-JSON-fil); kan upprepas. "
                             "Utan den används kursplanerna i det första projektet")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--package", metavar="NAMN", help='examensmål ("Program / Yrkesutgång") eller fil med kurskoder')
    group.add_argument("--courses", metavar="C1,C2,...", help="kurskoder att jämföra med")
    parser.add_argument("--top", type=int, default=5, metavar="K", help="antal förslag per krav (minst)")
    parser.add_argument("--map", action="append", metavar="FÄLT=RUBRIK",
                        help="ange kolumn för ett fält (id, area, kind, text, level) i standarder vars rubriker inte känns igen")
    parser.add_argument("--xlsx", metavar="UT", help="skriv översikten som Excel-arbetsbok")
    parser.add_argument("--json", metavar="UT", help="skriv översikten som JSON (compare-app/overview@1)")
    parser.add_argument("--quiet", action="store_true", help="visa inte förloppet")


def run(args: argparse.Namespace) -> int:
    from ..cli import _parse_mapping
    from . import build_overview

    if not (args.xlsx or args.json):
        raise InputError(None, "ange --xlsx UT och/eller --json UT")
    progress = None if args.quiet else Progress(callback=_Printer().show)
    ov = build_overview(args.standards, args.curriculum, package=args.package, courses=args.courses,
                        top_k=args.top, mapping=_parse_mapping(args.map), progress=progress)
    _clear_line(progress)
    written = _write(ov, args.xlsx, args.json)
    for warning in ov.warnings:
        print(f"varning: {warning}", file=sys.stderr)
    print_summary(ov)
    for kind, path in written.items():
        print(f"Skrev {kind}: {path}")
    return 0


def _write(ov, xlsx: str | None, json_out: str | None) -> dict[str, Path]:
    written = {}
    try:
        if xlsx:
            from ..exporters import overview_xlsx

            written["xlsx"] = overview_xlsx.write(ov, xlsx)
        if json_out:
            from ..exporters import overview_json

            written["json"] = overview_json.write(ov, json_out)
    except OSError as exc:
        raise InputError(exc.filename or xlsx or json_out, f"kunde inte skriva filen ({exc.strerror or exc})") from exc
    return written


def print_summary(ov, out=None) -> None:
    out = out or sys.stdout
    say = lambda text="": print(text, file=out)  # noqa: E731
    say(f"Kursplaner: {ov.curriculum.scope} ({ov.curriculum.courses} kurser)")
    for label, rec in ov.standards.iterrows():
        say(f"  {label}: {rec['requirements']} krav, {rec['covered']} täckta, {rec['partial']} delvis, "
            f"{rec['gap']} luckor ({rec['coverage']:.0%})")
    top = ov.courses.head(5)
    if len(top):
        say("Kurser som tjänar flest standarder:")
        for code, rec in top.iterrows():
            say(f"  {code} {rec['name']}: {rec['standards']} standarder, {rec['coverage']:g} krav")
    multi = sum(1 for g in ov.gap_groups if len(g.standards) > 1)
    say(f"Gemensamma enheter (kandidater): {len(ov.shared_units)}")
    say(f"Luckor: {len(ov.gaps)} krav i {len(ov.gap_groups)} grupper, varav {multi} delas av flera standarder")


class _Printer:
    """One updating progress line on stderr (only when it is a terminal)."""

    def __init__(self):
        self.tty = sys.stderr.isatty()

    def show(self, done: int, total: int, message: str) -> None:
        if self.tty:
            share = done / total if total else 0
            sys.stderr.write(f"\r{share:4.0%} {message[:70]:<70}")
            sys.stderr.flush()


def _clear_line(progress: Progress | None) -> None:
    if progress is not None and sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 76 + "\r")
