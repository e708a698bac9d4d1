"""Edits of a project's candidates, shared by the GUI, the CLI and the review-workbook import.

Each edit checks its input (an unknown requirement, status, method or a malformed date is a
``ValueError`` with a Swedish message) and returns what it replaced, so the GUI can undo it.
"""

from __future__ import annotations

import re
from datetime import date

from ..alignment import now_iso
from .model import ASSESSMENT_METHODS, RESULT_STATUSES, Candidate, Result

_REF = re.compile(r"K(\d+)$")


def next_ref(project) -> str:
    """The next free pseudonymous reference: K1, K2, ..."""
    used = [int(m.group(1)) for c in project.candidates if (m := _REF.match(c.ref))]
    return f"K{max(used, default=0) + 1}"


def add_candidate(project, name: str, ref: str = "") -> Candidate:
    name = name.strip()
    if not name:
        raise ValueError("kandidaten behöver ett namn")
    ref = ref.strip() or next_ref(project)
    if find(project, ref) is not None:
        raise ValueError(f"referensen {ref} används redan av en annan kandidat")
    candidate = Candidate(name=name, ref=ref, created_at=now_iso())
    project.candidates.append(candidate)
    return candidate


def find(project, key: str) -> Candidate | None:
    """A candidate by id or reference (case-insensitive)."""
    key = key.strip()
    for c in project.candidates:
        if c.id == key or c.ref.casefold() == key.casefold():
            return c
    return None


def remove_candidate(project, candidate_id: str) -> tuple[int, Candidate] | None:
    """Remove a candidate; returns (position, candidate) for undo."""
    for pos, c in enumerate(project.candidates):
        if c.id == candidate_id:
            return pos, project.candidates.pop(pos)
    return None


def check_date(text: str) -> str:
    text = text.strip()
    if text:
        try:
            date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"ogiltigt datum {text!r:.30} (skriv ÅÅÅÅ-MM-DD)") from None
    return text


def record(
    project,
    candidate: Candidate,
    requirement_id: str,
    status: str | None,
    *,
    day: str = "",
    method: str = "",
    note: str = "",
    by: str = "",
) -> Result | None:
    """Set (``status`` None: clear) one result; returns the previous one."""
    if project.standard.get(requirement_id) is None:
        raise ValueError(f"kravet {requirement_id} finns inte i standarden")
    old = candidate.results.get(requirement_id)
    if status is None:
        candidate.results.pop(requirement_id, None)
        return old
    if status not in RESULT_STATUSES:
        raise ValueError(f"okänt resultat {status!r:.30}")
    if method and method not in ASSESSMENT_METHODS:
        raise ValueError(f"okänd bedömningsform {method!r:.40}")
    candidate.results[requirement_id] = Result(
        status, check_date(day), method, note.strip(), by or project.settings.author, now_iso()
    )
    return old
