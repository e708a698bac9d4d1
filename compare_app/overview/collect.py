"""One standard of an overview: align it as ``align`` does, keep only what the tables need.

Each input (a standard file, a saved ``.cmpproj`` project, or an in-memory
:class:`~compare_app.model.Framework` or :class:`~compare_app.project.Project`) becomes a
:class:`~compare_app.project.Project` over the overview's curriculum and scope and is aligned
through :meth:`Project.align`, the code path of ``compare-app align``. A project brings its
person's decisions (``reviews``): they feed the matcher and decide the requirement's status and
links through :func:`compare_app.alignment.effective`, exactly as in the project's own reports.

What is kept is a :class:`StandardResult`: the requirements with their effective status and the
(requirement, item) links with a level. The project and its alignment are dropped before the
next standard is aligned, so memory holds one alignment at a time.

A link's level:

* ``covered``: a person accepted or added the item, or the matcher's score reaches the
  ``covered`` threshold;
* ``partial``: the score reaches the ``partial`` threshold, or the requirement is partial
  (a person's status override caps every link);
* a requirement whose status is ``gap`` has no links; rejected items never count.

An item repeated word for word in other courses (the match's ``twins``) links in each of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..alignment import EffectiveRequirement, ItemRef
from ..errors import InputError
from ..model import Framework
from ..progress import Progress
from ..project import Project, Scope, Settings

LEVELS = ("partial", "covered")


@dataclass(frozen=True)
class RequirementRow:
    id: str
    area: str
    text: str
    status: str  # covered / partial / gap, after the person's decisions
    decided: bool


@dataclass(frozen=True)
class LinkRow:
    requirement: str
    item: str
    course: str
    level: str  # "covered" or "partial"
    text: str  # the item's text


@dataclass
class StandardResult:
    """What the overview keeps of one aligned standard."""

    label: str  # unique among the overview's standards (title, made unique)
    title: str
    source: str  # file path, or "" for an in-memory input
    kind: str  # "standard" or "project"
    requirements: list[RequirementRow]
    links: list[LinkRow]
    thresholds: dict[str, float] = field(default_factory=dict)
    method: str = ""
    warnings: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.requirements if r.status == status)

    @property
    def coverage(self) -> float:
        """Share covered, a partial requirement counting half (as in ``alignment@1``)."""
        total = len(self.requirements)
        return round((self.count("covered") + 0.5 * self.count("partial")) / total, 4) if total else 0.0


def open_input(source, curriculum: Framework, scope: Scope, top_k: int, mapping: dict[str, str] | None = None) -> tuple[Project, str, str]:
    """A project over ``curriculum`` and ``scope`` for one input, with its kind and source path.

    A saved project keeps its standard, decisions, id and essential requirements; its own
    curriculum and scope give way to the overview's, so every standard meets the same courses.
    """
    settings = Settings(top_k=top_k)
    if isinstance(source, Project):
        return _rescoped(source, curriculum, scope, settings), "project", ""
    if isinstance(source, Framework):
        if source.kind != "standard" or not source.items:
            raise InputError(source.title or None, "ingen kompetensstandard med krav")
        return Project(source, curriculum, scope, settings=settings, title=source.title), "standard", ""
    path = Path(source)
    if path.suffix.lower() == ".cmpproj":
        from ..project import storage

        loaded = storage.load(path)
        project = _rescoped(loaded.project, curriculum, scope, settings)
        return project, "project", str(path)
    from ..importers import load_standard

    standard = load_standard(path, mapping)
    if not standard.items:
        raise InputError(path, "standarden innehåller inga krav")
    return Project(standard, curriculum, scope, settings=settings, title=standard.title or path.stem), "standard", str(path)


def _rescoped(saved: Project, curriculum: Framework, scope: Scope, settings: Settings) -> Project:
    return Project(
        saved.standard, curriculum, scope, reviews=dict(saved.reviews), settings=settings,
        title=saved.title or saved.standard.title, id=saved.id, essential=list(saved.essential),
    )


def collect(project: Project, label: str, kind: str, source: str, progress: Progress | None = None) -> StandardResult:
    """Align ``project`` (keeping its decisions) and reduce it to a :class:`StandardResult`."""
    alignment = project.align(progress)
    requirements, links = [], []
    for req in project.standard.items:
        eff = project.effective(req.id)
        requirements.append(RequirementRow(req.id, req.area, req.text, eff.status, eff.decided))
        links.extend(_links(eff, alignment.thresholds, project.curriculum))
    warnings = list(project.standard.warnings)
    unknown = _decided_elsewhere(project)
    if unknown:
        warnings.append(
            f"{unknown} beslutade länkar gäller innehåll som inte finns i kursplanekällan; "
            "de räknas för kravets status men inte för någon kurs"
        )
    return StandardResult(label, project.title, source, kind, requirements, links,
                          dict(alignment.thresholds), alignment.method, warnings)


def _links(eff: EffectiveRequirement, thresholds: dict[str, float], curriculum: Framework) -> list[LinkRow]:
    if eff.status == "gap":
        return []
    cap = "partial" if eff.status == "partial" else "covered"
    best: dict[str, LinkRow] = {}
    for link in eff.links:
        if link.state in ("accepted", "manual") or link.score >= thresholds["covered"]:
            level = cap
        elif link.score >= thresholds["partial"]:
            level = "partial"
        else:
            continue
        refs = link.match.items() if link.match else [ItemRef(link.item_id, "")]
        for ref in refs:
            item = curriculum.get(ref.item_id)
            if item is None or item.course not in curriculum.courses:
                continue
            row = LinkRow(eff.requirement_id, ref.item_id, item.course, level, item.text)
            if ref.item_id not in best or LEVELS.index(level) > LEVELS.index(best[ref.item_id].level):
                best[ref.item_id] = row
    return list(best.values())


def _decided_elsewhere(project: Project) -> int:
    """Accepted or added links to items the overview's curriculum does not hold."""
    return sum(
        1
        for review in project.reviews.values()
        for item_id, state in review.links.items()
        if state in ("accepted", "manual") and project.curriculum.get(item_id) is None
    )
