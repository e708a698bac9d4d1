"""Credit: how much of each course in scope a candidate's shown requirements already cover.

A central-content item counts as covered when a requirement the candidate has *shown*
(``visad``; a partly shown requirement does not count) has an accepted or hand-made link
to it (``Review.links``). Unreviewed proposals never count: crediting rests on links an
assessor has stood behind. The catalog repeats some items word for word in several courses;
an accepted link covers each copy it was proposed with (``Match.twins``), since it is the
same content.

A course's share is covered items / all its items. Courses are ranked by share; a course is
*proposed* for crediting only when its share reaches the assessor's threshold
(``Settings.credit_threshold``), and the proposal names its evidence: per covered item, the
shown requirements that reach it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Candidate


@dataclass
class ItemCredit:
    item_id: str
    text: str
    requirements: list[str] = field(default_factory=list)  # shown requirement ids linked to the item


@dataclass
class CourseCredit:
    code: str
    name: str
    points: int | None
    items_total: int
    covered: list[ItemCredit]
    uncovered: list[ItemCredit]  # the course's items no shown requirement reaches (requirements empty)
    proposed: bool = False

    @property
    def share(self) -> float:
        return len(self.covered) / self.items_total if self.items_total else 0.0

    def evidence(self) -> list[str]:
        """The shown requirement ids behind this course's covered items, first-seen order."""
        return list(dict.fromkeys(rid for item in self.covered for rid in item.requirements))


def accepted_items(project, requirement_id: str) -> list[str]:
    """Item ids an assessor linked to the requirement, with the word-for-word copies they were proposed with."""
    review = project.reviews.get(requirement_id)
    if review is None:
        return []
    chosen = [item for item, state in review.links.items() if state in ("accepted", "manual")]
    result = project.alignment.results.get(requirement_id) if project.alignment else None
    out = dict.fromkeys(chosen)
    for match in result.matches if result else []:
        refs = [ref.item_id for ref in match.items()]
        if any(ref in out for ref in refs):
            for ref in refs:
                if review.links.get(ref) != "rejected":
                    out.setdefault(ref)
    return list(out)


def credit(project, candidate: Candidate, threshold: float | None = None) -> list[CourseCredit]:
    """Every course in scope with what the candidate's shown requirements cover of it, best first."""
    threshold = project.settings.credit_threshold if threshold is None else threshold
    reached: dict[str, list[str]] = {}  # item id -> shown requirement ids
    for req in project.standard.items:
        result = candidate.results.get(req.id)
        if result is None or result.status != "shown":
            continue
        for item_id in accepted_items(project, req.id):
            reached.setdefault(item_id, []).append(req.id)
    credits = []
    for code in project.candidate_courses():
        course = project.curriculum.courses[code]
        covered, uncovered = [], []
        for item in course.items:
            rids = reached.get(item.id)
            (covered if rids else uncovered).append(ItemCredit(item.id, item.text, list(rids or [])))
        entry = CourseCredit(code, course.name, course.points, len(course.items), covered, uncovered)
        entry.proposed = bool(covered) and entry.share >= threshold - 1e-9
        credits.append(entry)
    credits.sort(key=lambda c: (-c.share, -len(c.covered), c.code))
    return credits
