"""The demo: the whole job on the bundled samples, with every output the app has.

``compare-app demo`` and the installer's ``--self-test`` both run this, so a
built app is checked with the same code a user runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .alignment import Summary
from .importers import load_curriculum, load_package, load_standard
from .paths import samples_dir
from .progress import Progress, report
from .project import Project, Scope

SAMPLE_STANDARD = "standard_svetsare.xlsx"
SAMPLE_CURRICULUM = "kursplaner"
SAMPLE_PACKAGE_FILE = "yrkespaket_svetsare.csv"
SAMPLE_PACKAGE_NAME = "Industritekniska programmet / Svetsare"
#: An invented person, validated in the demo: (requirement ids, result, method, note).
SAMPLE_CANDIDATE = "Alva Exempelsson"
SAMPLE_RESULTS = (
    ("A1 A2 A4 A6", "shown", "observation", "Följer arbetsplatsens rutiner för skydd och brand."),
    ("A3", "partly_shown", "oral", "Kan beskriva riskerna men har inte gjort en egen riskbedömning."),
    ("A5", "not_shown", "oral", ""),
    ("B1 B6", "shown", "practical", ""),
    ("B2", "partly_shown", "practical", "Läser enkla ritningar; svetssymboler behöver övas."),
    ("B3 B4 B5", "not_shown", "practical", ""),
    ("C1 C2 C3 C4 C5 C6 C7 C8", "shown", "practical", "Provsvetsning i verkstad, godkänd av handledare."),
    ("D1 D3 D4", "shown", "prior_certificate", "Intyg från tidigare anställning."),
    ("D2 D5", "not_shown", "written", ""),
    ("E3", "shown", "practical", ""),
    ("E1", "partly_shown", "written", ""),
    ("E2 E4 E5 E6", "not_shown", "written", ""),
)
SAMPLE_ASSESSMENT_DAY = "2026-11-30"
#: the demo's assessor credits a course from 60 % of its content (the default is stricter)
SAMPLE_CREDIT_THRESHOLD = 0.6


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


def review_and_validate(project: Project):
    """The demo's assessor: accepts the best proposal of every requirement proposed as covered,
    then records the invented sample candidate's results. Returns the candidate."""
    from .candidates import edit

    by = "exempelbedömare"
    for req in project.requirements():
        eff = project.effective(req.id)
        if eff.status == "covered" and not eff.decided and eff.links:
            project.accept(req.id, eff.links[0].item_id, by=by)
    project.settings.credit_threshold = SAMPLE_CREDIT_THRESHOLD
    candidate = edit.add_candidate(project, SAMPLE_CANDIDATE)
    for ids, status, method, note in SAMPLE_RESULTS:
        for rid in ids.split():
            edit.record(project, candidate, rid, status, day=SAMPLE_ASSESSMENT_DAY, method=method, note=note, by=by)
    return candidate


def run_demo(out_dir: Path, progress: Progress | None = None, pdf: bool = True) -> DemoResult:
    """Align the samples, propose units, plan, validate a sample candidate, and write JSON, Word,
    Excel, CASE, plan, the candidate's personal document (and PDF when ``pdf`` and LibreOffice
    is present) and project files."""
    from .cli import write_outputs
    from .exporters.alignment_json import dump_atomically
    from .planner import plan_json, plan_project
    from .project import storage
    from .units.propose import ensure_units

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report(progress, 0, 5, "läser exemplen")
    project = sample_project()
    report(progress, 1, 5, "jämför")
    project.align()
    ensure_units(project)
    candidate = review_and_validate(project)  # before the reports, so every file shows the same decisions
    report(progress, 2, 5, "skriver rapporter")
    paths = write_outputs(
        project,
        json_out=out_dir / "jamforelse.json",
        docx_out=out_dir / "gaprapport.docx",
        xlsx_out=out_dir / "gaprapport.xlsx",
        case_out=out_dir / "case-paket.json",
    )
    report(progress, 3, 5, "planerar kurspaket")
    paths["plan"] = dump_atomically(plan_json(plan_project(project), project), out_dir / "kursplan.json")
    report(progress, 4, 5, "validerar en exempelkandidat")
    paths.update(_candidate_outputs(project, candidate, out_dir, pdf))
    project_path = out_dir / "exempel.cmpproj"
    storage.save(project, project_path)
    paths["project"] = project_path
    report(progress, 5, 5, "klar")
    return DemoResult(project, paths, project.summary())


def _candidate_outputs(project: Project, candidate, out_dir: Path, pdf: bool) -> dict[str, Path]:
    """The sample candidate's personal document (and PDF) and candidate@1 JSON."""
    from .candidates.json_out import candidate_json
    from .candidates.outcome import evaluate
    from .exporters.alignment_json import dump_atomically
    from .exporters import candidate_docx
    from .exporters.pdf import PdfUnavailable, to_pdf

    outcome = evaluate(project, candidate)
    paths = {"kandidat": out_dir / "kandidat.json"}
    dump_atomically(candidate_json(project, outcome), paths["kandidat"])
    paths["studieplan"] = candidate_docx.write(project, outcome, out_dir / candidate_docx.default_name(outcome.candidate))
    if pdf:
        try:
            paths["studieplan-pdf"] = to_pdf(paths["studieplan"])
        except PdfUnavailable:
            pass  # the Word document is the result; a PDF is a convenience
    return paths
