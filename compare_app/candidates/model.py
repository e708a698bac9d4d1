"""A candidate's validation results: per requirement of the standard, what the person has shown.

A validation assessor records, for one person at a time, whether each requirement was
*visad* (shown), *delvis visad* (partly shown) or *ej visad* (not shown), when, by which
method of assessment and with a note. Several candidates share one project. The
candidate's name is personal data: it is kept in the project file and written into the
personal document only; everything else (CLI output, JSON, the review workbook, file
names the program proposes) names a candidate by :attr:`Candidate.ref`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal

ResultStatus = Literal["shown", "partly_shown", "not_shown"]
RESULT_STATUSES: tuple[ResultStatus, ...] = ("shown", "partly_shown", "not_shown")
RESULT_SV: dict[str, str] = {"shown": "visad", "partly_shown": "delvis visad", "not_shown": "ej visad"}

#: Types of assessment, after the "type of assessment" element the EU Council Recommendation
#: on micro-credentials (2022) asks every credential to state. Keys are stored; labels are Swedish
#: (no commas: they are also an Excel list).
ASSESSMENT_METHODS: dict[str, str] = {
    "practical": "praktiskt prov",
    "observation": "observation i arbetet",
    "oral": "muntligt prov eller intervju",
    "written": "skriftligt prov",
    "portfolio": "portfolio eller dokumentation",
    "project": "projekt eller uppgift",
    "prior_certificate": "tidigare intyg eller betyg",
    "other": "annan bedömning",
}


@dataclass
class Result:
    """What one candidate showed of one requirement."""

    status: ResultStatus
    date: str = ""  # ISO 8601 day of the assessment, e.g. "2026-11-30"
    method: str = ""  # a key of ASSESSMENT_METHODS
    note: str = ""
    recorded_by: str = ""
    recorded_at: str = ""  # UTC timestamp of the entry

    def copy(self) -> "Result":
        return Result(self.status, self.date, self.method, self.note, self.recorded_by, self.recorded_at)


@dataclass
class Candidate:
    """One person being validated against the project's standard."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    name: str = ""  # personal: only in the project file and the personal document
    ref: str = ""  # pseudonymous reference used everywhere else, e.g. "K1"
    results: dict[str, Result] = field(default_factory=dict)  # requirement id -> result
    created_at: str = ""

    def copy(self) -> "Candidate":
        return Candidate(self.id, self.name, self.ref, {k: r.copy() for k, r in self.results.items()}, self.created_at)

    def with_status(self, *statuses: str) -> list[str]:
        """Requirement ids whose result is one of ``statuses`` (in recording order)."""
        return [rid for rid, r in self.results.items() if r.status in statuses]

    def shown(self) -> set[str]:
        return set(self.with_status("shown"))


def method_label(key: str) -> str:
    return ASSESSMENT_METHODS.get(key, key)
