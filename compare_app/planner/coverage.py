"""Which course covers which requirement: the planner's coverage matrix.

The matrix comes from aligning the standard against *every* course in the loaded
curriculum (not only the project's scope) plus the person's reviews:

* a proposal counts when its score reaches ``Alignment.thresholds["covered"]``;
* a *partial* proposal (between the partial and covered thresholds) does not count
  by default: a planner who builds a package on it would promise content that a
  course only touches. ``count_partial=True`` lets it count (what-if view);
* an accepted or manually linked item always counts, a rejected one never does,
  whatever its score (``Review.links``).

Requirements carry integer weights: 1 each, and *essential* ones (``project.essential``
names requirement ids or area names) weigh one more than all ordinary requirements
together, so covering one essential requirement always beats covering every
ordinary one. Integer weights keep the solver's objective exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..alignment import Alignment, Review, formal_in_force
from ..model import Framework

#: proposals kept per requirement when aligning against the whole catalog
CATALOG_TOP_K = 80
#: cost used for a course whose source gives no points (none in Skolverket's archive)
DEFAULT_POINTS = 100


@dataclass
class Coverage:
    """Requirements, their weights, and the requirements each course covers."""

    requirements: list[str]  # standard order
    weights: dict[str, int]
    essential: set[str]
    points: dict[str, int]  # every catalog course -> its cost
    names: dict[str, str]
    covers: dict[str, frozenset[str]]  # course -> covered requirements (only courses covering any)
    #: (course, requirement) -> the course's item ids that make the link, best first
    evidence: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    rule: str = ""  # human-readable statement of what counted, for reports
    warnings: list[str] = field(default_factory=list)
    #: requirements the alignment calls covered only through several items together: no one
    #: course covers them, so no plan counts them (explains ``plan`` < ``align`` covered)
    together: list[str] = field(default_factory=list)

    def covered_by(self, codes: Iterable[str]) -> set[str]:
        """Requirements covered by at least one of ``codes``."""
        out: set[str] = set()
        for code in codes:
            out |= self.covers.get(code, frozenset())
        return out

    def weight(self, reqs: Iterable[str]) -> int:
        return sum(self.weights[r] for r in reqs)

    def cost(self, codes: Iterable[str]) -> int:
        return sum(self.points[c] for c in codes)

    def ordered(self, reqs: Iterable[str]) -> list[str]:
        """``reqs`` in the standard's order."""
        wanted = set(reqs)
        return [r for r in self.requirements if r in wanted]

    def resolve(self, code: str) -> str | None:
        """The catalog's spelling of a course code typed in any letter case."""
        if code in self.points:
            return code
        return self._upper().get(code.upper())

    def _upper(self) -> dict[str, str]:
        cached = self.__dict__.get("_by_upper")
        if cached is None:
            cached = {c.upper(): c for c in self.points}
            self.__dict__["_by_upper"] = cached
        return cached


def essential_requirements(standard: Framework, essential: Iterable[str]) -> set[str]:
    """Requirement ids named directly, or through their area's name."""
    names = set(essential)
    return {r.id for r in standard.items if r.id in names or r.area in names}


def requirement_weights(standard: Framework, essential: set[str]) -> dict[str, int]:
    ordinary = sum(1 for r in standard.items if r.id not in essential)
    heavy = ordinary + 1
    return {r.id: heavy if r.id in essential else 1 for r in standard.items}


def catalog_alignment(project, top_k: int = CATALOG_TOP_K, progress=None) -> Alignment:
    """The standard aligned against every course (not just the project's scope)."""
    from ..align import align  # heavy: imported on first use

    return align(
        project.standard, project.curriculum, None, top_k=top_k, feedback=project.reviews, progress=progress
    )


def build_coverage(
    standard: Framework,
    curriculum: Framework,
    alignment: Alignment,
    reviews: dict[str, Review] | None = None,
    essential: Iterable[str] = (),
    count_partial: bool = False,
) -> Coverage:
    """The coverage matrix from a catalog-wide alignment and the person's reviews."""
    threshold = _threshold(alignment, count_partial)
    reviews = reviews or {}
    links: dict[tuple[str, str], list[str]] = {}
    formal = {r.id for r in standard.items if formal_in_force(alignment.results.get(r.id), reviews.get(r.id) or Review())}
    for req in standard.items:
        review = reviews.get(req.id) or Review()
        result = alignment.results.get(req.id)
        if req.id in formal:
            continue  # a grade, a licence or time in the trade is not taught by a course
        for match in result.matches if result else []:
            if match.score < threshold:
                continue
            for ref in match.items():  # a text repeated in several courses covers in each of them
                if review.links.get(ref.item_id) != "rejected":
                    _add(links, curriculum, req.id, ref.item_id, ref.course)
        for item_id, state in review.links.items():
            if state in ("accepted", "manual"):
                _add(links, curriculum, req.id, item_id, None)

    covers: dict[str, set[str]] = {}
    for course, req_id in links:
        covers.setdefault(course, set()).add(req_id)
    by_some_course = {req_id for _, req_id in links}
    points, warnings = _points(curriculum)
    ess = essential_requirements(standard, essential)
    return Coverage(
        requirements=[r.id for r in standard.items if r.id not in formal],
        weights=requirement_weights(standard, ess),
        essential=ess,
        points=points,
        names={code: c.name for code, c in curriculum.courses.items()},
        covers={c: frozenset(rs) for c, rs in covers.items()},
        evidence=links,
        rule=_rule_text(threshold, count_partial),
        warnings=warnings,
        together=[r.id for r in standard.items
                  if r.id not in by_some_course and _status(alignment, reviews, r.id) == "covered"],
    )


def _status(alignment: Alignment, reviews: dict[str, Review], req_id: str) -> str:
    """The requirement's status in the catalog-wide alignment, a person's explicit status first."""
    review = reviews.get(req_id)
    if review is not None and review.status:
        return review.status
    result = alignment.results.get(req_id)
    return result.status if result else "gap"


def _threshold(alignment: Alignment, count_partial: bool) -> float:
    key = "partial" if count_partial else "covered"
    value = alignment.thresholds.get(key)
    if value is None:
        raise ValueError(f"matcharens tröskel '{key}' saknas i justeringen ({alignment.method})")
    return float(value)


def _add(links, curriculum: Framework, req_id: str, item_id: str, course: str | None) -> None:
    """Record that ``item_id`` (in ``course``) covers ``req_id``; items of unloaded courses are ignored."""
    if not course:
        item = curriculum.get(item_id)
        course = item.course if item is not None else item_id.split(":", 1)[0]
    if course not in curriculum.courses:
        return
    found = links.setdefault((course, req_id), [])
    if item_id not in found:
        found.append(item_id)


def _points(curriculum: Framework) -> tuple[dict[str, int], list[str]]:
    points, warnings = {}, []
    for code, course in curriculum.courses.items():
        if course.points is None or course.points <= 0:
            points[code] = DEFAULT_POINTS
            warnings.append(f"{code} saknar poäng i källan; räknas som {DEFAULT_POINTS} poäng")
        else:
            points[code] = int(course.points)
    return points, warnings


def _rule_text(threshold: float, count_partial: bool) -> str:
    kind = "delvis eller täckt" if count_partial else "täckt"
    return (
        f"Ett krav räknas som täckt av en kurs när ett centralt innehåll i kursen har förslag med poäng "
        f"≥ {f'{threshold:.2f}'.replace('.', ',')} ({kind}) eller har godkänts/länkats för hand; avvisade länkar räknas inte."
    )
