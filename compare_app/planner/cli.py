"""``compare-app plan``: propose the catalog courses that cover a standard for the fewest points."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..progress import console


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("standard", metavar="STANDARD", help="kompetensstandard (.xlsx, .csv, .docx, CASE .json)")
    parser.add_argument("--curriculum", action="append", required=True, metavar="SRC",
                        help="kursplanekälla; alla dess kurser är kandidater (kan upprepas)")
    parser.add_argument("--budget", type=int, metavar="POÄNG", help="högsta antal gymnasiepoäng")
    parser.add_argument("--must", metavar="KOD,...", help="kurser som måste ingå")
    parser.add_argument("--exclude", metavar="KOD,...", help="kurser som inte får ingå")
    parser.add_argument("--essential", metavar="ID|OMRÅDE,...",
                        help="krav (id) eller hela kompetensområden som ska täckas först")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--compare-package", metavar="NAMN", help="jämför med ett examensmål/paket i källan")
    group.add_argument("--compare-courses", metavar="KOD,...", help="jämför med dessa kurser")
    parser.add_argument("--partial", action="store_true",
                        help="räkna även delvis matchat innehåll som täckning")
    parser.add_argument("--json", metavar="UT", help="skriv planen som JSON (compare-app/plan@1)")


def run(args: argparse.Namespace) -> int:
    progress = console(quiet=getattr(args, "quiet", False))
    try:
        project, plan = _make_plan(args, progress)
        if args.json:
            _write_json(Path(args.json), project, plan)
    except InputError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 2
    finally:
        if progress is not None:
            progress.close()
    print_summary(project, plan)
    if args.json:
        print(f"Skrev JSON: {args.json}")
    return 0


def _codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").replace(";", ",").split(",") if c.strip()]


def _make_plan(args, progress=None):
    from ..importers import load_curricula, load_standard
    from ..project import Project
    from .plan import plan_project, project_coverage

    standard = load_standard(args.standard)
    if not standard.items:
        raise InputError(args.standard, "standarden innehåller inga krav")
    curriculum = load_curricula(args.curriculum, progress)
    if not curriculum.courses:
        raise InputError(args.curriculum[0], "kursplanekällan innehåller inga kurser")
    project = Project(standard, curriculum, title=standard.title, essential=_codes(args.essential))
    unknown = [e for e in project.essential if e not in {r.id for r in standard.items} | set(standard.areas())]
    if unknown:
        raise InputError(args.standard, f"okänt krav eller område i --essential: {', '.join(unknown)}")
    compare = args.compare_package or (_codes(args.compare_courses) if args.compare_courses else None)
    coverage = project_coverage(project, count_partial=args.partial, progress=progress)
    try:
        plan = plan_project(project, args.budget, _codes(args.must), _codes(args.exclude), compare, coverage=coverage)
    except InputError as exc:
        if exc.path:
            raise
        # a course code or package the catalog lacks: name the catalog that was read, like every bad input
        raise InputError(", ".join(args.curriculum), exc.problem) from exc
    return project, plan


def _write_json(path: Path, project, plan) -> None:
    from ..exporters.alignment_json import dump_atomically
    from .plan import plan_json

    dump_atomically(plan_json(plan, project), path)


def _ids(ids: list[str]) -> str:
    return ", ".join(ids) if ids else "–"


def _method_text(plan) -> str:
    if plan.method == "highs-mip" and plan.optimality_gap == 0:
        return "exakt lösning, bevisat optimal"
    label = "exakt lösare" if plan.method == "highs-mip" else "girig metod"
    return f"{label}, högst {plan.optimality_gap * 100:.1f} % från optimum".replace(".", ",")


def print_summary(project, plan, out=None) -> None:
    """A readable Swedish summary of ``plan``."""
    out = out or sys.stdout
    total = len(project.standard.items)
    say = lambda text="": print(text, file=out)  # noqa: E731
    say(f"Standard: {project.standard.title} ({total} krav)")
    say(f"Katalog: {len(project.curriculum.courses)} kurser")
    if plan.budget is not None:
        say(f"Budget: {plan.budget} poäng")
    say(f"Plan: {len(plan.courses)} kurser, {plan.points} poäng ({_method_text(plan)})")
    width = max((len(c.code) for c in plan.courses), default=6)
    for c in plan.courses:
        mark = " (obligatorisk)" if c.code in plan.must else ""
        say(f"  {c.code:<{width}}  {c.points:>4} p  {c.name}{mark}")
        say(f"  {'':<{width}}          täcker: {_ids(c.covers)}")
    content = len(plan.covered) + len(plan.uncovered)  # formal requirements are not planned for
    n_formal = total - content
    formal = f"; {n_formal} {'formellt krav' if n_formal == 1 else 'formella krav'} räknas inte" if n_formal else ""
    say(f"Täckta krav: {len(plan.covered)} av {content} ({len(plan.coverable)} kan täckas av någon tillåten kurs{formal})")
    nowhere = [r for r in plan.uncovered if r not in set(plan.coverable)]
    over_budget = [r for r in plan.uncovered if r in set(plan.coverable)]
    if over_budget:
        say(f"Ryms inte i budgeten: {_ids(over_budget)}")
    say(f"Täcks inte av någon kurs: {_ids(nowhere)}")
    together = plan.coverage.together if plan.coverage is not None else []
    if together:
        say(f"Räknas som täckta av jämförelsen (align) men inte här: {_ids(together)}: flera kursinnehåll "
            "täcker kravet tillsammans, men inget enskilt innehåll når gränsen, så ingen kurs ensam täcker det.")
    if plan.greedy_points != plan.points or plan.greedy_covered != len(plan.covered):
        say(f"Jämför: girig metod ger {plan.greedy_covered} krav för {plan.greedy_points} poäng")
    if plan.curve:
        say("Täckning per budget (poäng: krav):")
        say("  " + "  ".join(f"{p.budget}: {p.covered}" for p in plan.curve))
    if plan.comparison is not None:
        _print_comparison(plan.comparison, say)
    if plan.coverage is not None:
        say(plan.coverage.rule)


def _print_comparison(cmp, say) -> None:
    say(f"Jämförelse med {cmp.name}: {len(cmp.courses)} kurser, {cmp.points} poäng, täcker {len(cmp.covered)} krav")
    if cmp.missing:
        say(f"  Finns inte i katalogen: {_ids(cmp.missing)}")
    say(f"  Planen täcker, paketet inte: {_ids(cmp.plan_only)}")
    if cmp.package_only:
        say(f"  Paketet täcker, planen inte: {_ids(cmp.package_only)}")
    if cmp.idle:
        say(f"  Kurser som inte täcker något krav ({cmp.idle_points} poäng): {_ids(cmp.idle)}")
