"""Alignment: propose which course content covers which requirement.

INTERIM: a plain token-set matcher that keeps the public shape of :func:`align`
until the Swedish-aware pipeline (normalise → index → score → decide → explain) lands.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ..alignment import Alignment, Match, RequirementResult, Review
from ..model import Framework
from ..progress import Progress, report

COVERED, PARTIAL = 0.6, 0.45


def align(
    standard: Framework,
    curriculum: Framework,
    courses: list[str] | None,
    *,
    top_k: int = 5,
    feedback: dict[str, Review] | None = None,
    progress: Progress | None = None,
) -> Alignment:
    items = curriculum.items_in_courses(courses)
    results = {}
    for n, req in enumerate(standard.items):
        report(progress, n, len(standard.items), req.id)
        scored = sorted(
            ((fuzz.token_set_ratio(req.text.lower(), it.text.lower()) / 100.0, it) for it in items),
            key=lambda p: -p[0],
        )[: max(top_k, 1)]
        matches = [Match(it.id, it.course or "", round(s, 4), it.text) for s, it in scored]
        best = matches[0].score if matches else 0.0
        status = "covered" if best >= COVERED else "partial" if best >= PARTIAL else "gap"
        results[req.id] = RequirementResult(req.id, status, best, matches)
    return Alignment(results, list(courses or curriculum.courses), "interim-token-set", {"covered": COVERED, "partial": PARTIAL})
