"""How long the Word and Excel reports take for a 500-requirement project (target: under 5 s each).

Run by hand: ``python benchmarks/export_speed.py [--requirements 500] [--out DIR]``.

The standard is synthetic: the development gold sets' requirement texts (../shared/bench),
repeated with numbered variants until there are 500, in their own competence areas. The
curriculum is the real Skolverket archive when ../shared is present, else the bundled samples.
The alignment is made up with a seeded random generator (so the export, not the matcher, is
timed): each requirement gets up to five proposals from the package's courses, and every
tenth requirement a person's decision. Units come from ``compare_app.units.propose``.

Printed: the time of each export with a cold and a warm closing-course cache (that search
aligns the open requirements against the whole catalog, see ``compare_app.units.compute``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare_app.alignment import Alignment, Match, RequirementResult, Review  # noqa: E402
from compare_app.model import Framework, Item, Provenance, SourceInfo  # noqa: E402
from compare_app.project import Project, Scope, Settings  # noqa: E402

SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "data" / "skolverket" / "gy11-syllabus-2019-11-29.tgz"
THRESHOLDS = {"covered": 0.3, "partial": 0.08}


def load_inputs():
    """(curriculum, package course codes, seed requirement dicts) from ../shared, else from samples/."""
    from compare_app.importers import load_curriculum

    if ARCHIVE.is_file() and (SHARED / "bench").is_dir():
        seeds, package = [], []
        for path in sorted((SHARED / "bench").glob("dev_*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if "requirements" in data:
                seeds += data["requirements"]
                package += data["package"]
        return load_curriculum(ARCHIVE), list(dict.fromkeys(package)), seeds, "../shared"
    from compare_app.importers import load_package, load_standard

    samples = REPO / "samples"
    curriculum = load_curriculum(samples / "kursplaner")
    standard = load_standard(samples / "standard_svetsare.xlsx")
    seeds = [{"id": it.id, "area": it.area, "kind": it.kind, "text": it.text} for it in standard.items]
    return curriculum, load_package(samples / "yrkespaket_svetsare.csv"), seeds, "samples/"


def synthetic_project(curriculum, package, seeds, n: int, rng: random.Random) -> Project:
    items = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        round_no = i // len(seeds)
        text = seed["text"] if round_no == 0 else f"{seed['text']} (variant {round_no + 1})"
        items.append(Item(f"S-{i + 1:03d}", text, Provenance("syntetisk.xlsx", f"rad {i + 2}"),
                          area=seed["area"], kind=seed.get("kind"), position=i + 1))
    standard = Framework("standard", f"Syntetisk standard ({n} krav)", items,
                         sources=[SourceInfo("syntetisk.xlsx", "0" * 64, "xlsx", "1")])
    project = Project(standard, curriculum, scope=Scope(courses=package), settings=Settings(author="Benchmark"))
    pool = project.candidate_items()
    results = {}
    for item in items:
        picks = rng.sample(pool, k=min(5, len(pool)))
        top = rng.random() * 0.45  # about a third covered, half partial, a sixth gaps
        scores = sorted((top * rng.uniform(0.4, 1.0) for _ in picks[1:]), reverse=True)
        scores.insert(0, top)
        matches = [Match(p.id, p.course or "", s, p.text) for p, s in zip(picks, scores)]
        top = scores[0] if scores else 0.0
        status = "covered" if top >= THRESHOLDS["covered"] else "partial" if top >= THRESHOLDS["partial"] else "gap"
        results[item.id] = RequirementResult(item.id, status, top, matches)
    project.alignment = Alignment(results, project.candidate_courses(), "benchmark/random", dict(THRESHOLDS))
    for item in items[::10]:
        first = results[item.id].matches[0].item_id
        project.set_review(item.id, Review(links={first: "accepted"}, note="Kontrollerad.", decided_by="Benchmark"))
    return project


def timed(label: str, fn) -> float:
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"{label:<40} {seconds:6.2f} s")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requirements", type=int, default=500)
    parser.add_argument("--out", type=Path, default=None, help="keep the reports in this folder")
    args = parser.parse_args()

    from compare_app.exporters import _report_data, report_docx, report_xlsx
    from compare_app.units.propose import ensure_units

    start = time.perf_counter()
    curriculum, package, seeds, origin = load_inputs()
    print(f"inputs from {origin}: {len(curriculum.courses)} courses, {len(package)} package courses, "
          f"loaded in {time.perf_counter() - start:.1f} s")
    project = synthetic_project(curriculum, package, seeds, args.requirements, random.Random(7))
    timed("propose units", lambda: ensure_units(project))
    print(f"project: {len(project.requirements())} requirements, {len(project.units)} units, {project.summary()}")
    out = args.out or Path(tempfile.mkdtemp(prefix="export_speed_"))
    out.mkdir(parents=True, exist_ok=True)
    cold = timed("report model, cold closing-course cache", lambda: _report_data.build(project))
    warm = timed("report model, warm cache", lambda: _report_data.build(project))
    docx = timed("Word report (warm)", lambda: report_docx.write(project, out / "rapport.docx"))
    xlsx = timed("Excel report (warm)", lambda: report_xlsx.write(project, out / "rapport.xlsx"))
    print(f"reports in {out}")
    ok = docx < 5 and xlsx < 5
    print(f"target under 5 s per export (warm): {'met' if ok else 'NOT met'}; "
          f"first export adds {cold - warm:.1f} s for the closing-course search")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
