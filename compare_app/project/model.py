"""The project: everything one review of one standard is about, without Qt.

A :class:`Project` holds the standard, the curriculum sources, the chosen scope
(package), the matcher's proposals, the person's reviews and the units. Every
edit the GUI offers is a method here, so the CLI, tests and the GUI share one
behaviour; the GUI wraps each edit in an undoable command using the value the
method returns (the previous state).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from ..alignment import (
    Alignment,
    EffectiveRequirement,
    Review,
    Status,
    Summary,
    effective,
    now_iso,
    summarise,
)
from ..model import Framework, Item, expand_subjects
from ..progress import Progress
from ..candidates.model import Candidate
from ..units.model import Unit


@dataclass
class Scope:
    """Which courses are candidates: a named package, explicit codes, or the whole catalog."""

    package: str | None = None  # e.g. "Industritekniska programmet / Svetsare"
    courses: list[str] | None = None  # explicit course codes

    def describe(self) -> str:
        if self.package:
            return self.package
        if self.courses:
            return ", ".join(self.courses)
        return "hela katalogen"


@dataclass
class Settings:
    author: str = ""
    hours_per_point: float = 1.0  # points-to-hours factor for unit workload
    top_k: int = 5
    #: let term pairs taught by the person's earlier saved projects help (compare_app.align.memory)
    learn_from_history: bool = False
    #: share of a course's central content a candidate's shown requirements must cover before
    #: the course is proposed for crediting (compare_app.candidates.credit)
    credit_threshold: float = 0.75


@dataclass
class Project:
    standard: Framework
    curriculum: Framework
    scope: Scope = field(default_factory=Scope)
    alignment: Alignment | None = None
    reviews: dict[str, Review] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    title: str = ""
    #: stable identity, written into exported review workbooks so a returned file can be matched
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    #: requirement ids or area names the planner must cover before anything else
    essential: list[str] = field(default_factory=list)
    #: people validated against the standard, with their results (compare_app.candidates)
    candidates: list[Candidate] = field(default_factory=list)

    # --- scope ---------------------------------------------------------------
    def candidate_courses(self) -> list[str]:
        """Course codes in scope, in a stable order; unknown codes are left out."""
        if self.scope.courses:
            codes = expand_subjects(self.curriculum, self.scope.courses)  # a yrkespaket may name Gy25 subjects
        elif self.scope.package:
            pkg = self.curriculum.packages.get(self.scope.package)
            if pkg is None:
                raise KeyError(self.scope.package)
            codes = pkg.course_codes
        else:
            codes = list(self.curriculum.courses)
        return [c for c in dict.fromkeys(codes) if c in self.curriculum.courses]

    def missing_courses(self) -> list[str]:
        """Codes the scope names that the loaded curriculum does not have."""
        if self.scope.courses:
            codes = expand_subjects(self.curriculum, self.scope.courses)
        elif self.scope.package and self.scope.package in self.curriculum.packages:
            codes = self.curriculum.packages[self.scope.package].course_codes
        else:
            return []
        return [c for c in codes if c not in self.curriculum.courses]

    def candidate_items(self) -> list[Item]:
        return self.curriculum.items_in_courses(self.candidate_courses())

    # --- alignment -----------------------------------------------------------
    def align(self, progress: Progress | None = None) -> Alignment:
        """(Re)compute proposals. Reviews are kept and fed back into the scoring."""
        from ..align import align  # heavy: imported on first use
        from ..align.memory import recall

        self.alignment = align(
            self.standard,
            self.curriculum,
            self.candidate_courses(),
            top_k=self.settings.top_k,
            feedback=self.reviews,
            remembered=recall(exclude=self.id) if self.settings.learn_from_history else None,
            progress=progress,
        )
        return self.alignment

    # --- reading the current state ------------------------------------------
    def requirements(self) -> list[Item]:
        return self.standard.items

    def effective(self, requirement_id: str) -> EffectiveRequirement:
        result = self.alignment.results.get(requirement_id) if self.alignment else None
        return effective(result, self.reviews.get(requirement_id), requirement_id)

    def all_effective(self) -> list[EffectiveRequirement]:
        return [self.effective(r.id) for r in self.standard.items]

    def summary(self, area: str | None = None) -> Summary:
        reqs = [r for r in self.standard.items if area is None or r.area == area]
        return summarise([self.effective(r.id).status for r in reqs])

    # --- edits: each returns the previous Review so callers can undo -----------
    def set_review(self, requirement_id: str, review: Review | None) -> Review | None:
        """Replace one requirement's review wholesale (``None`` clears it)."""
        if self.standard.get(requirement_id) is None:
            raise KeyError(requirement_id)
        old = self.reviews.get(requirement_id)
        if review is None or not review.reviewed:
            self.reviews.pop(requirement_id, None)
        else:
            self.reviews[requirement_id] = review
        return old

    def _edited(self, requirement_id: str, by: str) -> Review:
        review = (self.reviews.get(requirement_id) or Review()).copy()
        review.decided_by = by or self.settings.author
        review.decided_at = now_iso()
        return review

    def accept(self, requirement_id: str, item_id: str, by: str = "") -> Review | None:
        review = self._edited(requirement_id, by)
        result = self.alignment.results.get(requirement_id) if self.alignment else None
        proposed = result is not None and any(ref.item_id == item_id for m in result.matches for ref in m.items())
        review.links[item_id] = "accepted" if proposed else "manual"
        return self.set_review(requirement_id, review)

    def set_formal(self, requirement_id: str, formal: bool | None, by: str = "") -> Review | None:
        """Move a requirement into (True) or out of (False) the formal requirements; None: as recognised."""
        review = self._edited(requirement_id, by)
        review.formal = formal
        return self.set_review(requirement_id, review)

    def reject(self, requirement_id: str, item_id: str, by: str = "") -> Review | None:
        review = self._edited(requirement_id, by)
        review.links[item_id] = "rejected"
        return self.set_review(requirement_id, review)

    def link(self, requirement_id: str, item_id: str, by: str = "") -> Review | None:
        """Link any curriculum item by hand (drag and drop, search box)."""
        if self.curriculum.get(item_id) is None:
            raise KeyError(item_id)
        review = self._edited(requirement_id, by)
        review.links[item_id] = "manual"
        return self.set_review(requirement_id, review)

    def unlink(self, requirement_id: str, item_id: str, by: str = "") -> Review | None:
        """Forget a decision about one link (the proposal, if any, shows again)."""
        review = self._edited(requirement_id, by)
        review.links.pop(item_id, None)
        return self.set_review(requirement_id, review)

    def set_status(self, requirement_id: str, status: Status | None, by: str = "") -> Review | None:
        review = self._edited(requirement_id, by)
        review.status = status
        return self.set_review(requirement_id, review)

    def set_note(self, requirement_id: str, note: str, by: str = "") -> Review | None:
        review = self._edited(requirement_id, by)
        review.note = note
        return self.set_review(requirement_id, review)
