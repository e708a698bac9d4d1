"""``compare-app``: the headless command line. Never imports Qt.

Exit codes: 0 success, 2 bad input (one line on stderr naming the file and the
problem), 1 internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .argparse_sv import SwedishArgumentParser
from .errors import InputError
from .progress import Progress, console, within

PROG = "compare-app"


def _split_codes(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [c.strip() for c in value.replace(";", ",").split(",") if c.strip()]


def _parse_mapping(pairs: list[str] | None) -> dict[str, str] | None:
    """``--map text=Kompetenskrav --map area=Område`` -> ``{"text": "Kompetenskrav", ...}``."""
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise InputError(None, f"--map väntar FÄLT=KOLUMNRUBRIK, fick {pair!r}")
        mapping[field.strip().lower()] = header.strip()
    return mapping


def build_project(standard: str, curricula: list[str], courses: str | None = None, package: str | None = None,
                  mapping: dict[str, str] | None = None, top_k: int = 5, progress: Progress | None = None):
    """Load the inputs of ``align`` into a project (no alignment yet). Raises InputError."""
    from .importers import load_curricula, load_standard
    from .project import Project, Settings

    std = load_standard(standard, mapping)
    if not std.items:
        raise InputError(standard, "standarden innehåller inga krav")
    cur = load_curricula(curricula, progress)
    _record_absolute_paths(std, cur)
    scope = build_scope(cur, curricula[0], courses, package)
    project = Project(std, cur, scope, settings=Settings(top_k=top_k), title=std.title)
    if not project.candidate_courses():
        raise InputError(curricula[0], f"inga av kurserna i urvalet ({scope.describe()}) finns i kursplanekällan")
    return project


def build_scope(cur, source: str, courses: str | None = None, package: str | None = None):
    """The candidate courses from ``--courses`` or ``--package`` (a name in ``cur`` or a file of codes).

    No choice means the whole catalog. Raises InputError naming ``source`` for an unknown package.
    """
    from .importers import load_package
    from .project import Scope

    scope = Scope()
    if courses:
        scope.courses = _split_codes(courses)
    elif package:
        if Path(package).is_file():
            scope.courses = load_package(package)
        elif package in cur.packages:
            scope.package = package
        else:
            raise InputError(source, f"examensmålet/paketet {package!r} finns inte i källan{_suggest(package, list(cur.packages))}")
    return scope


def _record_absolute_paths(*frameworks) -> None:
    """Sources as absolute paths: a saved project is opened later from another folder than this one."""
    for framework in frameworks:
        for source in framework.sources:
            if source.path and not Path(source.path).is_absolute():
                source.path = str(Path(source.path).resolve())


def _suggest(name: str, choices: list[str]) -> str:
    from rapidfuzz import fuzz, process

    best = process.extract(name, choices, scorer=fuzz.WRatio, limit=3)
    close = [c for c, score, _ in best if score >= 60]
    return f"; menade du: {' | '.join(close)}" if close else ""


def _print_summary(project, out=None) -> None:
    out = out or sys.stdout
    s = project.summary()
    print(f"Standard: {project.standard.title} ({len(project.standard.items)} krav)", file=out)
    print(f"Kurser: {project.scope.describe()} ({len(project.candidate_courses())} kurser)", file=out)
    missing = project.missing_courses()
    if missing:
        print(f"Saknas i källan: {', '.join(missing)}", file=out)
    formal = f"  Formella krav: {s.formal} (räknas inte i täckningen)" if s.formal else ""
    print(f"Täckta: {s.covered}  Delvis: {s.partial}  Luckor: {s.gap}  Täckningsgrad: {round(s.coverage * 100)} %{formal}", file=out)
    width = max((len(a) for a in project.standard.areas()), default=10)
    for area in project.standard.areas():
        a = project.summary(area)
        formal = f" {a.formal:>3} formella" if a.formal else ""
        print(f"  {area or '(utan område)':<{width}}  {a.covered:>3} täckta {a.partial:>3} delvis {a.gap:>3} luckor{formal}",
              file=out)
    for eff in project.all_effective():
        if eff.remark:
            print(f"  {eff.requirement_id}: {eff.remark}", file=out)


def write_outputs(project, json_out=None, docx_out=None, xlsx_out=None, case_out=None,
                  progress: Progress | None = None) -> dict[str, Path]:
    """Write each requested output with the same code the GUI uses; returns what was written."""
    written: dict[str, Path] = {}
    if json_out:
        from .exporters import alignment_json

        written["json"] = alignment_json.write(project, json_out)
    if docx_out:
        from .exporters import report_docx

        written["docx"] = report_docx.write(project, docx_out, within(progress, "skriver Word-rapport"))
    if xlsx_out:
        from .exporters import report_xlsx

        written["xlsx"] = report_xlsx.write(project, xlsx_out, within(progress, "skriver Excel-rapport"))
    if case_out:
        from .exporters import case_json

        written["case"] = case_json.write(project, case_out)
    return written


#: what each kind of output is called when the CLI says where it wrote it
OUTPUT_NAMES = {"json": "JSON", "docx": "Word-rapport", "xlsx": "Excel-rapport", "case": "CASE-paket",
                "plan": "kursplan", "project": "projekt"}


def print_written(paths: dict[str, Path], out=None) -> None:
    """One ``Skrev <vad>: <fil>`` line per written output, in Swedish whatever the key."""
    for kind, path in paths.items():
        print(f"Skrev {OUTPUT_NAMES.get(kind, kind)}: {path}", file=out or sys.stdout)


@contextmanager
def _progress(args):
    """Progress on stderr for one command (see :func:`compare_app.progress.console`), closed at its end."""
    progress = console(quiet=getattr(args, "quiet", False))
    try:
        yield progress
    finally:
        if progress is not None:
            progress.close()


def cmd_align(args) -> int:
    if args.project and Path(args.project).exists():
        # a project file holds a person's decisions: never replace one from the command line
        raise InputError(args.project, "projektfilen finns redan; välj ett nytt namn")
    with _progress(args) as progress:
        project = build_project(args.standard, args.curriculum, args.courses, args.package, _parse_mapping(args.map),
                                args.top, progress)
        project.align(progress)
        from .units.propose import ensure_units

        ensure_units(project)
        written = write_outputs(project, args.json, args.docx, args.xlsx, args.case, progress)
    for warning in project.standard.warnings + project.curriculum.warnings:
        print(f"varning: {warning}", file=sys.stderr)
    if args.project:
        from .project import storage

        storage.save(project, args.project)
        written["project"] = Path(args.project)
    _print_summary(project)
    print_written(written)
    return 0


def cmd_demo(args) -> int:
    from .demo import run_demo

    result = run_demo(Path(args.out))
    _print_summary(result.project)
    print_written(result.paths)
    return 0


def cmd_packages(args) -> int:
    from .importers import load_curricula

    with _progress(args) as progress:
        cur = load_curricula(args.curriculum, progress)
    needle = (args.search or "").lower()
    found = [(name, pkg) for name, pkg in sorted(cur.packages.items()) if needle in name.lower()]
    for name, pkg in found:
        points = sum((cur.courses[c].points or 0) for c in pkg.course_codes if c in cur.courses)
        print(f"{name}\t{len(pkg.course_codes)} kurser\t{points} poäng")
    if not found:
        # an empty answer looks like a broken command: say what was searched, like --package does
        source = ", ".join(args.curriculum)
        if not cur.packages:
            raise InputError(source, "källan innehåller inga examensmål (yrkesutgångar)")
        raise InputError(source, f"inget av källans {len(cur.packages)} examensmål innehåller {args.search!r}"
                                 f"{_suggest(args.search, list(cur.packages))}")
    return 0


def _add_quiet(p: argparse.ArgumentParser) -> None:
    """Every long-running command takes --quiet after its name, where people type options."""
    p.add_argument("-q", "--quiet", action="store_true", help="visa inga förloppsrader på stderr")


def make_parser() -> argparse.ArgumentParser:
    parser = SwedishArgumentParser(prog=PROG, description="Jämför en kompetensstandard med kursplaner.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="visa programmets version och avsluta")
    parser.add_argument("--debug", action="store_true", help="visa hela felspåret vid internt fel")
    sub = parser.add_subparsers(dest="command", required=True, title="kommandon", metavar="KOMMANDO")
    p = sub.add_parser("align", help="jämför en standard med kurser och skriv resultat")
    _add_quiet(p)
    p.add_argument("standard", metavar="STANDARD", help="kompetensstandard (.xlsx, .csv, .docx eller CASE .json)")
    p.add_argument("--curriculum", action="append", required=True, metavar="SRC",
                   help="Skolverkets arkiv (.tgz/.zip), mapp, XML- eller API-JSON-fil; kan upprepas")
    p.add_argument("--courses", metavar="C1,C2,...", help="kurskoder att jämföra med")
    p.add_argument("--package", metavar="NAMN", help='examensmål ("Program / Yrkesutgång") eller fil med kurskoder')
    p.add_argument("--top", type=int, default=5, metavar="K", help="antal förslag per krav (minst)")
    p.add_argument("--map", action="append", metavar="FÄLT=RUBRIK",
                   help="ange kolumn för ett fält (id, area, kind, text, level) när rubriken inte känns igen")
    p.add_argument("--json", metavar="UT", help="skriv compare-app/alignment@1 JSON")
    p.add_argument("--docx", metavar="UT", help="skriv gaprapport i Word")
    p.add_argument("--xlsx", metavar="UT", help="skriv gaprapport/granskning i Excel")
    p.add_argument("--case", metavar="UT", help="skriv standard, enheter och kopplingar som CASE 1.1-paket")
    p.add_argument("--project", metavar="UT.cmpproj",
                   help="spara som nytt projekt att granska i programmet (skriver aldrig över en befintlig fil)")
    p.set_defaults(func=cmd_align)

    p = sub.add_parser("demo", help="kör hela flödet på de medföljande exemplen")
    p.add_argument("--out", default="compare-app-demo", metavar="MAPP", help="mapp för resultaten")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("packages", help="lista examensmål (yrkesutgångar) i en kursplanekälla")
    _add_quiet(p)
    p.add_argument("--curriculum", action="append", required=True, metavar="SRC",
                   help="Skolverkets arkiv (.tgz/.zip), mapp eller XML-fil; kan upprepas")
    p.add_argument("--search", metavar="TEXT", help="visa bara examensmål vars namn innehåller TEXT")
    p.set_defaults(func=cmd_packages)

    from .planner import cli as plan_cli

    p = sub.add_parser("plan", help="föreslå kurser som täcker standarden med minst antal poäng")
    _add_quiet(p)
    plan_cli.add_arguments(p)
    p.set_defaults(func=plan_cli.run)

    from .candidates import cli as candidate_cli

    p = sub.add_parser("candidate", help="en kandidats tillgodoräknande och studieplan ur ett sparat projekt")
    candidate_cli.add_arguments(p)
    p.set_defaults(func=candidate_cli.run)

    from .overview import cli as overview_cli

    p = sub.add_parser("overview", help="många standarder mot samma kurser: regional översikt i Excel/JSON")
    overview_cli.add_arguments(p)
    p.set_defaults(func=overview_cli.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"{PROG}: fel: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: avbrutet", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`compare-app packages ... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # an internal error: one line unless --debug
        if args.debug:
            traceback.print_exc()
        print(f"{PROG}: internt fel: {type(exc).__name__}: {exc} (kör med --debug för detaljer)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
