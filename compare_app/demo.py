"""The demo: the whole job on the bundled samples, with every output the app has.

``compare-app demo`` and the installer's ``--self-test`` both run this, so a
built app is checked with the same code a user runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import atomic
from .alignment import Summary
from .importers import load_curriculum, load_package, load_standard
from .paths import samples_dir
from .progress import Progress, report
from .project import Project, Scope

SAMPLE_STANDARD = "standard_svetsare.xlsx"
SAMPLE_CURRICULUM = "kursplaner"
SAMPLE_PACKAGE_FILE = "yrkespaket_svetsare.csv"
SAMPLE_PACKAGE_NAME = "Industritekniska programmet / Svetsare"


@dataclass
class DemoResult:
    project: Project
    paths: dict[str, Path]
    summary: Summary


def sample_project() -> Project:
    """The bundled welder standard against the bundled curriculum and package, not yet aligned."""
    base = samples_dir()
    standard = load_standard(base / SAMPLE_STANDARD)
    curriculum = load_curriculum(base / SAMPLE_CURRICULUM)
    if SAMPLE_PACKAGE_NAME in curriculum.packages:
        scope = Scope(package=SAMPLE_PACKAGE_NAME)
    else:
        scope = Scope(courses=load_package(base / SAMPLE_PACKAGE_FILE))
    return Project(standard, curriculum, scope, title=standard.title)


def run_demo(out_dir: Path, progress: Progress | None = None) -> DemoResult:
    """Align the samples, propose units, plan, and write JSON, Word, Excel, CASE, plan and project files."""
    from .cli import write_outputs
    from .planner import plan_json, plan_project
    from .project import storage
    from .units.propose import ensure_units

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report(progress, 0, 4, "läser exemplen")
    project = sample_project()
    report(progress, 1, 4, "jämför")
    project.align()
    ensure_units(project)
    report(progress, 2, 4, "skriver rapporter")
    paths = write_outputs(
        project,
        json_out=out_dir / "jamforelse.json",
        docx_out=out_dir / "gaprapport.docx",
        xlsx_out=out_dir / "gaprapport.xlsx",
        case_out=out_dir / "case-paket.json",
    )
    report(progress, 3, 4, "planerar kurspaket")
    import json

    plan_path = out_dir / "kursplan.json"
    atomic.write_text(plan_path, json.dumps(plan_json(plan_project(project), project), ensure_ascii=False, indent=2))
    paths["plan"] = plan_path
    project_path = out_dir / "exempel.cmpproj"
    storage.save(project, project_path)
    paths["project"] = project_path
    report(progress, 4, 4, "klar")
    return DemoResult(project, paths, project.summary())
