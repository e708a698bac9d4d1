"""What an alignment produces, and how a person's decisions combine with it.

The matcher (``compare_app.align``) proposes; the assessor decides.  This module
holds both halves as plain data so that units, reports, storage, the CLI and the
GUI all read one shape:

* :class:`Alignment` — per requirement the ranked :class:`Match` proposals, a
  score in 0..1 and a proposed status.
* :class:`Review` — per requirement what a person decided: links accepted,
  rejected or added by hand, a status override and a note.
* :func:`effective` — the two merged: what the requirement's status and links
  are *now*.  Re-running the alignment replaces proposals, never reviews.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Literal

Status = Literal["covered", "partial", "gap"]
#: The content statuses; an effective requirement may also be ``formal`` (see :func:`effective`).
STATUSES: tuple[Status, ...] = ("covered", "partial", "gap")
EffectiveStatus = Literal["covered", "partial", "gap", "formal"]
#: The status of a formal requirement (a grade, points, time in the trade, a licence, an exam):
#: kept apart from the content statuses and out of the coverage figures (:mod:`compare_app.align.formal`).
FORMAL = "formal"
LinkState = Literal["accepted", "rejected", "manual"]


@dataclass
class Evidence:
    """One reason a proposal was made: a requirement term met by an item term via a bridge.

    ``bridge`` is one of ``exact``, ``lemma``, ``compound``, ``abbreviation``,
    ``synonym``, ``broader``, ``association``, ``fuzzy``, ``feedback``, ``memory``, ``context``,
    ``course_named`` (the requirement names the course; the match is the whole course),
    ``domain``: the item's subject (``item_term``, with no ``req_term``) fits the
    standard's other requirements, which chose it among candidates from many subjects,
    or ``semantic``: the language model finds the texts close in meaning (no terms;
    ``weight`` is their cosine similarity).
    """

    req_term: str
    item_term: str
    bridge: str
    weight: float = 0.0


@dataclass
class ItemRef:
    """An item named by id, with its course."""

    item_id: str
    course: str


@dataclass
class Match:
    """One proposed item for a requirement.

    ``twins`` are the other candidate items with word for word the same text (the
    national catalog repeats items across courses): they are folded into this one
    proposal, so the ranked list shows distinct content, and stand for the same
    content in their own courses (the planner and the closing courses count them).
    """

    item_id: str
    course: str
    score: float
    text: str
    evidence: list[Evidence] = field(default_factory=list)
    twins: list[ItemRef] = field(default_factory=list)

    def items(self) -> list[ItemRef]:
        """This item and its twins."""
        return [ItemRef(self.item_id, self.course), *self.twins]

    @property
    def reason(self) -> str:
        """A one-line human-readable reason, e.g. ``svetsa ≈ svetsning (lemma); MAG``."""
        return self.reason_named(str)

    def reason_named(self, bridge_name: Callable[[str], str]) -> str:
        """The reason with each bridge id written as ``bridge_name(id)`` (the GUI's own language)."""
        parts = []
        for ev in self.evidence:
            if ev.bridge == "semantic":
                parts.append(f"{bridge_name(ev.bridge)} {ev.weight:.2f}".replace(".", ","))
            elif not ev.req_term or ev.bridge == "course_named":  # "ELLPRA0 (kursen anges i kravet)"
                parts.append(f"{ev.item_term} ({bridge_name(ev.bridge)})")
            elif ev.bridge == "exact" or ev.req_term == ev.item_term:
                parts.append(ev.item_term)
            else:
                parts.append(f"{ev.req_term} ≈ {ev.item_term} ({bridge_name(ev.bridge)})")
        return "; ".join(parts)


@dataclass
class RequirementResult:
    requirement_id: str
    status: Status
    score: float
    matches: list[Match] = field(default_factory=list)
    #: codes of the courses the requirement names (:mod:`compare_app.align.references`)
    named_courses: list[str] = field(default_factory=list)
    #: why the status is what it is when a named course is not in scope ("kräver ELRELF0, ...")
    remark: str = ""
    #: the kind of formal requirement it states ("betyg", "prov", ...), "" for none (:mod:`compare_app.align.formal`)
    formal: str = ""


@dataclass
class Alignment:
    """Proposals for every requirement of a standard against a set of candidate courses."""

    results: dict[str, RequirementResult]
    courses: list[str]  # candidate course codes, in the order given
    method: str = ""  # e.g. "compare-app/lexical-bridge 1"
    thresholds: dict[str, float] = field(default_factory=dict)  # {"covered": .., "partial": ..}
    #: term pairs from the person's earlier projects that were in force (0: none used)
    remembered_pairs: int = 0
    #: the language model in force (model id, weights hash, engine), or why none was: {"model": None, "reason"}
    semantic: dict[str, str | None] = field(default_factory=dict)


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Review:
    """What a person decided about one requirement. Absent fields mean 'not decided'."""

    links: dict[str, LinkState] = field(default_factory=dict)  # item id -> decision
    status: Status | None = None  # explicit override of the computed status
    note: str = ""
    decided_by: str = ""
    decided_at: str = ""
    #: a person moved the requirement into (True) or out of (False) the formal requirements
    formal: bool | None = None

    @property
    def reviewed(self) -> bool:
        return bool(self.links or self.status or self.note or self.formal is not None)

    def copy(self) -> "Review":
        return Review(dict(self.links), self.status, self.note, self.decided_by, self.decided_at, self.formal)


@dataclass
class EffectiveLink:
    item_id: str
    score: float | None  # the matcher's score, None for a hand-made link to an unproposed item
    state: Literal["proposed", "accepted", "manual"]
    match: Match | None = None


@dataclass
class EffectiveRequirement:
    requirement_id: str
    status: EffectiveStatus
    score: float
    links: list[EffectiveLink]
    decided: bool  # True when the status rests on a person's decision
    note: str = ""
    decided_by: str = ""
    #: the matcher's remark, e.g. "kräver ELRELF0, som inte ingår i paketet"
    remark: str = ""
    #: the kind of formal requirement ("betyg", ...; "formellt krav" when a person chose it), "" when not formal
    formal: str = ""
    #: the status on course content, also for a formal requirement (whose ``status`` is ``formal``)
    content_status: Status = "gap"


def effective(result: RequirementResult | None, review: Review | None, requirement_id: str = "") -> EffectiveRequirement:
    """Merge proposals and decisions into the current state of one requirement.

    Rules (documented in the report's method appendix):
    * a rejected link is dropped; accepted and manual links are kept;
    * an explicit status override wins;
    * otherwise, if a person accepted or added a link the requirement is covered;
    * otherwise, if a person rejected every proposal that made the status, it is a gap;
    * otherwise the matcher's proposed status stands (unreviewed);
    * and above all: a formal requirement has status ``formal`` — one a person moved into the
      class, or one the matcher recognised unless a person moved it out or set its status.
    Proposals that were neither accepted nor rejected remain listed as ``proposed``.
    """
    review = review or Review()
    rid = result.requirement_id if result else requirement_id
    matches = {m.item_id: m for m in (result.matches if result else [])}
    links: list[EffectiveLink] = []
    for item_id, state in review.links.items():
        if state in ("accepted", "manual"):
            m = matches.get(item_id)
            links.append(EffectiveLink(item_id, m.score if m else None, state, m))
    decided_ids = set(review.links)
    for m in (result.matches if result else []):
        if m.item_id not in decided_ids:
            links.append(EffectiveLink(m.item_id, m.score, "proposed", m))

    if review.status is not None:
        status, decided = review.status, True
    elif any(s in ("accepted", "manual") for s in review.links.values()):
        status, decided = "covered", True
    elif result is None:
        status, decided = "gap", bool(review.links)
    elif result.status != "gap" and review.links and _status_rests_on_rejected(result, review):
        status, decided = "gap", True
    else:
        status, decided = result.status, False
    score = result.score if result else 0.0
    formal = formal_in_force(result, review)
    content_status = status
    if formal:
        status, decided = FORMAL, review.formal is not None or decided
    return EffectiveRequirement(rid, status, score, links, decided, review.note, review.decided_by,
                                result.remark if result else "", formal, content_status)


def formal_in_force(result: RequirementResult | None, review: Review) -> str:
    """The formal kind in force: a person's choice wins over the matcher's recognition."""
    recognised = result.formal if result else ""
    if review.formal is None:
        return "" if review.status is not None else recognised  # a status set by hand judges the content
    return (recognised or "formellt krav") if review.formal else ""


def _status_rests_on_rejected(result: RequirementResult, review: Review) -> bool:
    """True when every proposal scoring at least the requirement's score was rejected."""
    top = [m for m in result.matches if m.score >= result.score - 1e-9] or result.matches[:1]
    return all(review.links.get(m.item_id) == "rejected" for m in top)


@dataclass
class Summary:
    covered: int
    partial: int
    gap: int
    #: formal requirements: counted apart, not in ``total`` nor in ``coverage``
    formal: int = 0

    @property
    def total(self) -> int:
        """Requirements on course content (formal ones left out)."""
        return self.covered + self.partial + self.gap

    @property
    def coverage(self) -> float:
        """Share covered, counting a partial as half; 0..1."""
        return round((self.covered + 0.5 * self.partial) / self.total, 4) if self.total else 0.0


def summarise(statuses: list[EffectiveStatus]) -> Summary:
    return Summary(statuses.count("covered"), statuses.count("partial"), statuses.count("gap"), statuses.count(FORMAL))
