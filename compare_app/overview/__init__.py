"""Many standards at once: which courses serve which branches, where standards overlap, what no course covers.

A notebook user's entry point::

    import compare_app
    ov = compare_app.build_overview(
        ["standard_a.xlsx", "standard_b.csv", "reviewed.cmpproj"],
        curriculum="gy11-syllabus-2019-11-29.tgz",   # or a list of sources, or a loaded Framework
        package=None,                                 # a package name or code-list file; None: whole catalog
    )
    ov.standards   # one row per standard: requirements covered / partial / gap after decisions
    ov.matrix      # standards × courses: requirements' worth each course serves (partial = ½)
    ov.courses     # courses ranked by standards served, coverage, points per requirement
    ov.shared      # candidate shared units: content serving requirements of 2+ standards
    ov.gaps        # requirements no course covers, grouped across standards by shared words

Each standard is aligned by :meth:`compare_app.project.Project.align`, the code path of
``compare-app align``, one at a time: only one alignment is in memory at once, plus the
small per-standard results the tables are built from. A saved project brings the person's
decisions (see :mod:`.collect`). ``progress`` (:class:`compare_app.progress.Progress`)
reports each step and cancels between steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..errors import InputError
from ..model import Framework
from ..progress import Progress
from .collect import StandardResult, collect, open_input

if TYPE_CHECKING:  # pandas is imported with the tables, so the CLI's parser stays cheap
    import pandas as pd

    from .tables import GapGroup, SharedUnit

__all__ = ["Overview", "StandardResult", "build_overview"]

#: file types an overview accepts as a standard (checked before any alignment starts)
INPUT_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt", ".docx", ".json", ".cmpproj")
_STEPS_PER_STANDARD = 1000


@dataclass
class CurriculumInfo:
    title: str
    scope: str  # human-readable: the package, the course list or "hela katalogen"
    package: str | None
    courses: int  # candidate courses in scope
    sources: list[dict] = field(default_factory=list)


@dataclass
class Overview:
    """The overview's tables (pandas DataFrames) and what they were made from."""

    standards: pd.DataFrame
    matrix: pd.DataFrame
    courses: pd.DataFrame
    shared: pd.DataFrame
    gaps: pd.DataFrame
    results: list[StandardResult]
    #: the same content as ``shared`` and ``gaps``, one object per unit / group
    shared_units: list[SharedUnit]
    gap_groups: list[GapGroup]
    curriculum: CurriculumInfo
    warnings: list[str] = field(default_factory=list)


def build_overview(
    standards: Iterable,
    curriculum=None,
    *,
    package: str | None = None,
    courses: str | None = None,
    top_k: int = 5,
    mapping: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> Overview:
    """Align every standard against ``curriculum`` and build the overview's tables.

    ``standards``: paths of standard files (.xlsx, .csv, .docx, CASE .json) or saved projects
    (.cmpproj), or loaded :class:`Framework`/:class:`Project` objects. ``curriculum``: a source
    path, a list of them, or a loaded curriculum :class:`Framework`; ``None`` takes the curriculum
    the first project embeds. ``package``/``courses``
    choose the candidate courses as ``compare-app align`` does (``courses``: "C1,C2,...").
    Raises :class:`InputError` naming the file for bad input, :class:`Cancelled` on cancel.
    """
    from ..cli import build_scope

    inputs = list(standards)
    if not inputs:
        raise InputError(None, "ange minst en kompetensstandard eller ett projekt")
    _check_paths(inputs)
    cur, source = _curriculum(curriculum, inputs, progress)
    scope = build_scope(cur, source, courses, package)
    from ..project import Project

    in_scope = Project(Framework("standard", ""), cur, scope).candidate_courses()
    if not in_scope:
        raise InputError(source, f"inga av kurserna i urvalet ({scope.describe()}) finns i kursplanekällan")
    results: list[StandardResult] = []
    for n, item in enumerate(inputs):  # the matcher keeps numpy's BLAS on one thread while it scores
        project, kind, path = open_input(item, cur, scope, top_k, mapping)
        label = _unique_label(project.title or Path(path).stem or f"Standard {n + 1}", results)
        step = _StandardProgress(progress, n, len(inputs), label)
        results.append(collect(project, label, kind, path, step.progress))
        del project  # one alignment in memory at a time
    _report(progress, len(inputs) * _STEPS_PER_STANDARD, len(inputs), "bygger tabellerna")
    from .tables import build_tables

    tables = build_tables(results, cur)
    info = CurriculumInfo(
        cur.title, scope.describe(), scope.package, len(in_scope),
        [{"path": s.path, "sha256": s.sha256, "format": s.format, "version": s.version} for s in cur.sources],
    )
    warnings = [f"{r.label}: {w}" for r in results for w in r.warnings] + list(cur.warnings[:20])
    return Overview(tables.standards, tables.matrix, tables.courses, tables.shared, tables.gaps, results,
                    tables.shared_units, tables.gap_groups, info, warnings)


def _check_paths(inputs: list) -> None:
    """Every file exists and is of a known type, so a typo fails before minutes of alignment."""
    for item in inputs:
        if isinstance(item, (str, Path)):
            path = Path(item)
            if not path.is_file():
                raise InputError(path, "filen finns inte")
            if not path.name.lower().endswith(INPUT_SUFFIXES):
                raise InputError(path, "okänt format (väntade .xlsx, .csv, .docx, CASE .json eller ett .cmpproj-projekt)")


def _curriculum(curriculum, inputs: list, progress: Progress | None) -> tuple[Framework, str]:
    if isinstance(curriculum, Framework):
        return curriculum, curriculum.title
    from ..importers import load_curricula

    paths = [curriculum] if isinstance(curriculum, (str, Path)) else list(curriculum or [])
    if not paths:
        return _embedded_curriculum(inputs)
    cur = load_curricula(paths, progress)
    if not cur.courses:
        raise InputError(paths[0], "kursplanekällan innehåller inga kurser")
    return cur, str(paths[0])


def _embedded_curriculum(inputs: list) -> tuple[Framework, str]:
    """Without a curriculum source: the one the first project embeds (it opens without its source files)."""
    from ..project import Project, storage

    for item in inputs:
        if isinstance(item, Project):
            return item.curriculum, item.curriculum.title
        if isinstance(item, (str, Path)) and Path(item).suffix.lower() == ".cmpproj":
            return storage.load(item).project.curriculum, str(item)
    raise InputError(None, "ange en kursplanekälla (eller ett projekt, vars kursplaner då används)")


def _unique_label(name: str, results: list[StandardResult]) -> str:
    taken = {r.label for r in results}
    label, n = name, 2
    while label in taken:
        label, n = f"{name} ({n})", n + 1
    return label


def _report(progress: Progress | None, done: int, n_standards: int, message: str) -> None:
    if progress is not None:
        progress.step(done, n_standards * _STEPS_PER_STANDARD + 1, message)


class _StandardProgress:
    """The ``n``-th standard's share of the overall progress; cancelling the overall one stops it."""

    def __init__(self, outer: Progress | None, n: int, count: int, label: str):
        self.outer, self.n, self.count, self.label = outer, n, count, label
        self.progress = Progress(callback=self._forward) if outer is not None else None

    def _forward(self, done: int, total: int, message: str) -> None:
        share = done * _STEPS_PER_STANDARD // max(total, 1)
        text = f"{self.label} ({self.n + 1}/{self.count})" + (f": {message}" if message else "")
        _report(self.outer, self.n * _STEPS_PER_STANDARD + share, self.count, text)
