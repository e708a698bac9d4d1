"""Planner speed and quality on the full Skolverket catalog (run by hand).

    python benchmarks/plan_speed.py [--partial] [--time-limit S]

For each development standard in ../shared/bench it reports the alignment time (not
part of the target), the solve time of the plan (target: < 5 s for a 40-requirement
standard), the curve time, and the exact plan's points against the greedy plan's,
for three coverage matrices:

* ``matcher``: the real one (alignment against all courses, covered threshold);
* ``partial``: partial matches count too (denser, harder problem);
* ``gold``: the gold items of the bench file (plus catalog items with identical text),
  independent of the matcher of the day.

Finally a synthetic stress case: 40 requirements over all 1,074 course costs, with
random covers as dense as the ``partial`` matrix tends to be, with and without a budget.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare_app.importers import load_curriculum  # noqa: E402
from compare_app.model import Framework, Item, Provenance  # noqa: E402
from compare_app.planner import build_coverage, catalog_alignment, plan_project  # noqa: E402
from compare_app.planner.coverage import Coverage, requirement_weights  # noqa: E402
from compare_app.project import Project  # noqa: E402

SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "data" / "skolverket" / "gy11-syllabus-2019-11-29.tgz"


def bench_project(path: Path, catalog: Framework) -> tuple[Project, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = [Item(r["id"], r["text"], Provenance(path.name, r["id"]), area=r["area"], kind=r["kind"])
             for r in data["requirements"]]
    return Project(Framework("standard", data["title"], items), catalog), data


def gold_coverage(project: Project, data: dict, template: Coverage) -> Coverage:
    """Coverage where a course covers a requirement when it holds a gold item (or its exact text)."""
    by_text: dict[str, set[str]] = {}
    for item in project.curriculum.items:
        by_text.setdefault(item.text.strip().casefold(), set()).add(item.course)
    covers: dict[str, set[str]] = {}
    for req in data["requirements"]:
        for gold in req["gold"]:
            item = project.curriculum.get(gold)
            courses = by_text.get(item.text.strip().casefold(), set()) if item else {gold.split(":")[0]}
            for course in courses:
                covers.setdefault(course, set()).add(req["id"])
    return Coverage(template.requirements, template.weights, template.essential, template.points,
                    template.names, {c: frozenset(r) for c, r in covers.items()}, rule="gold")


def synthetic(catalog: Framework, density: float, seed: int = 7) -> Coverage:
    rng = random.Random(seed)
    reqs = [f"R{i:02d}" for i in range(40)]
    std = Framework("standard", "syntetisk", [Item(r, r, Provenance("x")) for r in reqs])
    covers = {}
    for code in catalog.courses:
        got = frozenset(r for r in reqs if rng.random() < density)
        if got:
            covers[code] = got
    return Coverage(reqs, requirement_weights(std, set()), set(),
                    {c: int(co.points or 100) for c, co in catalog.courses.items()},
                    {c: co.name for c, co in catalog.courses.items()}, covers)


def run_case(label: str, project: Project, cov: Coverage, time_limit: float, budget: int | None = None) -> None:
    started = time.perf_counter()
    plan = plan_project(project, budget=budget, coverage=cov, curve=False, time_limit=time_limit)
    solve = time.perf_counter() - started
    started = time.perf_counter()
    curve = plan_project(project, budget=budget, coverage=cov, curve=True, time_limit=time_limit).curve
    curve_s = time.perf_counter() - started - solve
    density = sum(len(v) for v in cov.covers.values())
    print(f"  {label:<22} courses covering={len(cov.covers):>4} links={density:>5} "
          f"coverable={len(plan.coverable):>2}/{len(cov.requirements)} "
          f"plan={plan.points:>5} p/{len(plan.covered):>2} req ({len(plan.courses):>2} courses, {plan.method}, "
          f"gap {plan.optimality_gap:.3f}) "
          f"greedy={plan.greedy_points:>5} p/{plan.greedy_covered} req  solve={solve:6.3f} s  "
          f"curve={curve_s:6.2f} s ({len(curve)} steps)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()
    if not ARCHIVE.is_file():
        print(f"saknas: {ARCHIVE}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    catalog = load_curriculum(ARCHIVE)
    print(f"catalog: {len(catalog.courses)} courses, {len(catalog.items)} items, read in "
          f"{time.perf_counter() - started:.1f} s")
    for path in sorted((SHARED / "bench").glob("dev_*.json")):
        if path.name == "dev_packages.json":
            continue
        project, data = bench_project(path, catalog)
        started = time.perf_counter()
        alignment = catalog_alignment(project)
        print(f"{path.stem}: {len(project.standard.items)} requirements, alignment against all courses "
              f"{time.perf_counter() - started:.1f} s ({alignment.method})")
        matcher = build_coverage(project.standard, catalog, alignment)
        partial = build_coverage(project.standard, catalog, alignment, count_partial=True)
        gold = gold_coverage(project, data, matcher)
        for label, cov in (("matcher", matcher), ("partial", partial), ("gold", gold)):
            run_case(label, project, cov, args.time_limit)
        run_case("partial, budget 1000", project, partial, args.time_limit, budget=1000)
    print("synthetic, 40 requirements over the whole catalog:")
    dummy = Project(Framework("standard", "syntetisk"), catalog)
    for density in (0.01, 0.03):
        cov = synthetic(catalog, density)
        run_case(f"density {density}", dummy, cov, args.time_limit)
        run_case(f"density {density}, b=500", dummy, cov, args.time_limit, budget=500)
    return 0


if __name__ == "__main__":
    sys.exit(main())
