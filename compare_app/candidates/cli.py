"""``compare-app candidate``: a candidate's credit and complementary plan from a saved project.

The candidate is named by reference (K1) in everything printed; the name is written only
into the personal document (``--docx``/``--pdf``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from .model import RESULT_SV


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJEKT", help="projektfil (.cmpproj)")
    parser.add_argument("candidate", nargs="?", metavar="KANDIDAT",
                        help="kandidatens referens (t.ex. K1); behövs när projektet har flera kandidater")
    parser.add_argument("--list", action="store_true", help="lista projektets kandidater")
    parser.add_argument("--import-xlsx", metavar="FIL",
                        help="läs in resultat från granskningsfilens blad Kandidater och spara projektet")
    parser.add_argument("--threshold", type=float, metavar="ANDEL",
                        help="andel av en kurs centrala innehåll som krävs för tillgodoräknande (0-1; "
                             "standard: projektets inställning)")
    parser.add_argument("--budget", type=int, metavar="POÄNG", help="högsta antal poäng i studieplanen")
    parser.add_argument("--must", metavar="KOD,...", help="kurser som måste ingå i studieplanen")
    parser.add_argument("--exclude", metavar="KOD,...", help="kurser som inte får ingå i studieplanen")
    parser.add_argument("--docx", metavar="UT", help="skriv Valideringsresultat och studieplan (Word)")
    parser.add_argument("--pdf", metavar="UT", help="skriv dokumentet även som PDF (kräver LibreOffice)")
    parser.add_argument("--json", metavar="UT", help="skriv compare-app/candidate@1 JSON")


def run(args: argparse.Namespace) -> int:
    from ..project import storage

    path = Path(args.project)
    project = storage.load(path).project
    if args.import_xlsx:
        _import(project, path, Path(args.import_xlsx))
    if args.list:
        _list(project)
        return 0
    if args.import_xlsx and not (args.candidate or args.docx or args.pdf or args.json):
        return 0
    if args.threshold is not None and not 0.0 < args.threshold <= 1.0:
        raise InputError(None, f"--threshold ska vara en andel mellan 0 och 1, fick {args.threshold}")
    candidate = _choose(project, path, args.candidate)
    from .outcome import evaluate

    outcome = evaluate(project, candidate, threshold=args.threshold, budget=args.budget,
                       must=_codes(args.must), exclude=_codes(args.exclude))
    written = _write(project, outcome, args)
    print_summary(project, outcome)
    for kind, out in written.items():
        print(f"Skrev {kind}: {out}")
    return 0


def _codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").replace(";", ",").split(",") if c.strip()]


def _import(project, path: Path, workbook: Path) -> None:
    from ..importers import candidate_xlsx
    from ..project import storage

    imported = candidate_xlsx.read(project, workbook)
    if not len(imported):
        print(f"Inga nya resultat i {workbook.name}")
        return
    candidate_xlsx.apply(project, imported, by=f"granskningsfil ({workbook.name})")
    storage.save(project, path)
    print(f"Läste in {len(imported)} resultat från {workbook.name} och sparade {path.name}")


def _list(project) -> None:
    if not project.candidates:
        print("Projektet har inga kandidater.")
    for c in project.candidates:
        counts = ", ".join(f"{len(c.with_status(key))} {label}" for key, label in RESULT_SV.items())
        print(f"{c.ref}\t{counts}")


def _choose(project, path: Path, key: str | None):
    from . import edit

    if key:
        found = edit.find(project, key)
        if found is None:
            known = ", ".join(c.ref for c in project.candidates) or "inga"
            raise InputError(path, f"kandidaten {key!r:.40} finns inte i projektet (kandidater: {known})")
        return found
    if len(project.candidates) == 1:
        return project.candidates[0]
    if not project.candidates:
        raise InputError(path, "projektet har inga kandidater")
    raise InputError(path, "projektet har flera kandidater; ange en referens ("
                           + ", ".join(c.ref for c in project.candidates) + ")")


def _write(project, outcome, args) -> dict[str, Path]:
    from ..exporters import candidate_docx
    from ..exporters.pdf import PdfUnavailable, to_pdf
    from ..exporters.alignment_json import dump_atomically
    from .json_out import candidate_json

    written: dict[str, Path] = {}
    if args.json:
        written["json"] = dump_atomically(candidate_json(project, outcome), args.json)
    if args.docx or args.pdf:
        docx = Path(args.docx) if args.docx else Path(args.pdf).with_suffix(".docx")
        written["docx"] = candidate_docx.write(project, outcome, docx)
        if args.pdf:
            try:
                written["pdf"] = to_pdf(docx, args.pdf)
            except PdfUnavailable as exc:
                print(f"varning: {exc}", file=sys.stderr)
    return written


def print_summary(project, outcome, out=None) -> None:
    """A readable Swedish summary of a candidate's outcome (reference only, never the name)."""
    from ..planner.cli import _ids, _method_text

    out = out or sys.stdout
    say = lambda text="": print(text, file=out)  # noqa: E731
    c = outcome.candidate
    counts = "  ".join(f"{label}: {len(c.with_status(key))}" for key, label in RESULT_SV.items())
    say(f"Kandidat {c.ref} mot {project.standard.title} ({len(project.standard.items)} krav)")
    say(f"  {counts}  inte bedömda: {len(project.standard.items) - len(c.results)}")
    say(f"Tillgodoräknande (från {outcome.threshold:.0%} av kursens innehåll):")
    for cc in (x for x in outcome.credits if x.covered):
        mark = "föreslås" if cc.proposed else ""
        say(f"  {cc.code:<10} {len(cc.covered)}/{cc.items_total} ({cc.share:.0%}) {mark}".rstrip())
        if cc.proposed:
            say(f"  {'':<10} underlag: {_ids(cc.evidence())}")
    if not any(x.covered for x in outcome.credits):
        say("  inget kursinnehåll täcks av visade krav med godkända kopplingar")
    plan = outcome.plan
    if plan is None:
        say("Alla krav är visade: ingen kompletterande utbildning behövs.")
    else:
        say(f"Kompletterande utbildning: {len(plan.courses)} kurser, {plan.points} poäng ({_method_text(plan)})")
        for pc in plan.courses:
            say(f"  {pc.code:<10} {pc.points:>4} p  {pc.name}  täcker: {_ids(pc.covers)}")
        say(f"Täcks inte av studieplanen: {_ids(plan.uncovered)}")
    units = outcome.units_completed
    say(f"Mikromeriter visade i sin helhet: {', '.join(f'{u.id} {u.title}' for u in units) if units else '–'}")
