"""A candidate's whole answer on the full Skolverket catalog (run by hand).

    python benchmarks/candidate_speed.py

For each development standard in ../shared/bench: a stand-in assessor accepts every gold
link of the package's courses, and a synthetic candidate shows every requirement of the
first half of the competence areas. Reported: the catalog-wide alignment (once per project,
kept by the GUI between documents), credit over the package, the complementary plan, and the
personal document; plus what is credited and planned.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare_app.candidates import edit  # noqa: E402
from compare_app.candidates.credit import credit  # noqa: E402
from compare_app.candidates.outcome import evaluate  # noqa: E402
from compare_app.exporters import candidate_docx  # noqa: E402
from compare_app.importers import load_curriculum  # noqa: E402
from compare_app.model import Framework, Item, Provenance  # noqa: E402
from compare_app.planner import project_coverage  # noqa: E402
from compare_app.project import Project, Scope  # noqa: E402

SHARED = REPO.parent / "shared"


def _project(path: Path, catalog) -> Project:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = [Item(r["id"], r["text"], Provenance(path.name, r["id"]), area=r["area"], position=n)
             for n, r in enumerate(data["requirements"], 1)]
    project = Project(Framework("standard", data["title"], items), catalog, Scope(courses=data["package"]))
    scope = set(project.candidate_courses())
    for r in data["requirements"]:
        for item_id in r["gold"]:
            if item_id.split(":", 1)[0] in scope:
                project.link(r["id"], item_id, by="guld")
    return project


def main() -> None:
    clock = time.perf_counter()
    catalog = load_curriculum(SHARED / "data" / "skolverket" / "gy11-syllabus-2019-11-29.tgz")
    print(f"catalog: {len(catalog.courses)} courses, read in {time.perf_counter() - clock:.1f} s")
    for path in sorted((SHARED / "bench").glob("dev_*.json")):
        if path.name == "dev_packages.json":
            continue
        project = _project(path, catalog)
        areas = project.standard.areas()
        cand = edit.add_candidate(project, "Syntetisk kandidat")
        for req in project.standard.items:
            edit.record(project, cand, req.id, "shown" if req.area in areas[: len(areas) // 2] else "not_shown")
        t0 = time.perf_counter()
        cov = project_coverage(project)
        t1 = time.perf_counter()
        credits = credit(project, cand)
        t2 = time.perf_counter()
        outcome = evaluate(project, cand, coverage=cov)
        t3 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            candidate_docx.write(project, outcome, Path(tmp) / "v.docx")
        t4 = time.perf_counter()
        plan = outcome.plan
        best = credits[0]
        print(f"{path.stem}: {len(project.standard.items)} krav, {len(cand.shown())} visade; "
              f"catalog alignment {t1 - t0:.1f} s, credit {1000 * (t2 - t1):.0f} ms, "
              f"credit+plan {t3 - t2:.2f} s, document {t4 - t3:.2f} s")
        print(f"    best credit {best.code} {len(best.covered)}/{best.items_total}; credited "
              f"{[c.code for c in outcome.credited]}; plan {len(plan.courses)} courses, {plan.points} p, "
              f"{len(plan.covered)}/{len(outcome.open_requirements)} open covered ({plan.method})")


if __name__ == "__main__":
    main()
