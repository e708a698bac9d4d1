"""The whole answer for one candidate: credit, the complementary plan, and the units completed.

The complementary plan (*kompletterande utbildning*) is the package planner's own plan
(:func:`compare_app.planner.plan_project`, the same exact method, budget and must/exclude
options) over the requirements the candidate has *not* shown (partly shown and unrecorded
ones included), with the courses proposed for crediting excluded. A course the assessor
names as a must is kept even when it is proposed for crediting: the explicit choice wins.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Iterable

from ..planner import Coverage, Plan, plan_project, project_coverage
from ..progress import Progress
from ..units.model import Unit
from .credit import CourseCredit, credit
from .model import Candidate


@dataclass
class CandidateOutcome:
    candidate: Candidate
    threshold: float
    credits: list[CourseCredit]  # every course in scope, best covered first
    open_requirements: list[str]  # not shown (partly shown and unrecorded included), standard order
    plan: Plan | None  # None when nothing is left open
    units_completed: list[Unit] = field(default_factory=list)

    @property
    def credited(self) -> list[CourseCredit]:
        return [c for c in self.credits if c.proposed]


def open_requirements(project, candidate: Candidate) -> list[str]:
    shown = candidate.shown()
    return [r.id for r in project.standard.items if r.id not in shown]


def completed_units(project, candidate: Candidate) -> list[Unit]:
    """Units every requirement of which the candidate has shown."""
    shown = candidate.shown()
    return [u for u in project.units if u.requirement_ids and all(r in shown for r in u.requirement_ids)]


def restrict(cov: Coverage, keep: Iterable[str]) -> Coverage:
    """The coverage matrix over the requirements in ``keep`` only (weights unchanged)."""
    keep = set(keep)
    covers = {code: reqs & keep for code, reqs in cov.covers.items() if reqs & keep}
    return dataclasses.replace(
        cov,
        requirements=[r for r in cov.requirements if r in keep],
        weights={r: w for r, w in cov.weights.items() if r in keep},
        essential=cov.essential & keep,
        covers=covers,
        evidence={key: ids for key, ids in cov.evidence.items() if key[1] in keep},
    )


def evaluate(
    project,
    candidate: Candidate,
    *,
    threshold: float | None = None,
    budget: int | None = None,
    must: Iterable[str] = (),
    exclude: Iterable[str] = (),
    coverage: Coverage | None = None,
    progress: Progress | None = None,
) -> CandidateOutcome:
    """Credit and complementary plan for ``candidate``. Raises InputError for bad planner options.

    Pass ``coverage`` (from :func:`compare_app.planner.project_coverage`) to skip the slow
    catalog-wide alignment when evaluating several candidates or options.
    """
    threshold = project.settings.credit_threshold if threshold is None else threshold
    credits = credit(project, candidate, threshold)
    still_open = open_requirements(project, candidate)
    plan = None
    if still_open:
        cov = coverage or project_coverage(project, progress=progress)
        must = [c for c in must if c.strip()]
        wanted = {c.strip().upper() for c in must}
        barred = list(exclude) + [c.code for c in credits if c.proposed and c.code.upper() not in wanted]
        plan = plan_project(project, budget, must, barred, coverage=restrict(cov, still_open), curve=False)
    return CandidateOutcome(candidate, threshold, credits, still_open, plan, completed_units(project, candidate))
