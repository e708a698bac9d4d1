"""Formal requirements (*formella krav*): what a person must hold or have done, not what a course teaches.

"Betyg i 2 500 poäng, varav 2 250 med lägst E", "minst 1 600 h lärlingstid", "det lägsta
betyget som godtas är E", "godkänt elsäkerhetsprov", "B-körkort", "Gymnasieskolans Vård- och
omsorgsprogram": such a requirement is
kept apart with status ``formal``, counted on its own in summaries and reports, and never
counted as a gap in course content, so coverage figures describe what courses can teach.
A person can move a requirement into or out of the class (``Review.formal``).

Recognition is by general patterns, one per kind (:data:`KINDS`), not by a list of known
sentences:

* ``betyg``: a word built on *betyg*, or "lägst E" / "lägst betyget E";
* ``poäng``: a number of (gymnasie-, högskole-, yh-) points or hp;
* ``tid i yrket``: a number (digits or a word) of hours, weeks, months or years with a
  word of practice, apprenticeship, experience or employment;
* ``behörighet``: a licence, certificate, authorisation, permit, card ("truckkort") or driving licence held
  ("ha", "inneha", "giltigt", "godkänt", "krav på" ...), or a short requirement that is just one
  ("ADR-intyg", "Legitimation som undersköterska"; not a list of topics with "och");
* ``prov``: an examination passed ("godkänt elsäkerhetsprov", "avlagt yrkesprov");
* ``utbildning``: a completed programme or degree ("Gymnasieskolans Vård- och omsorgsprogram",
  "yrkesexamen"): the education as a whole, not content a course can teach.

A requirement that names a course (see :mod:`references`) is a course requirement, not
a formal one, even when it gives the course's points.
"""

from __future__ import annotations

import re

from ..alignment import RequirementResult
from ..model import Framework

_NUMBER = r"(?:\d[\d\s.,]*|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv)"
_HELD = (r"(?:ha|har|inneha|innehar|innehav\w*|giltig\w*|godkän\w*|avlag\w*|genomgå\w*|bestå\w*|klara\w*|"
         r"erforderlig\w*|krav\s+på|kräv\w*|minst)")
#: A licence or certificate word, in a compound ("svetscertifikat", "B-körkort") and inflected, but not as the
#: first part of a compound ("behörighetskrav", "licenshantering" are topics a course teaches).
_LICENCE_WORD = (r"[\w-]*(?:legitimation|certifikat|certifiering|behörighet|auktorisation|licens|körkort|intyg|yrkesbevis|"
                 r"gesällbrev|mästarbrev)(?:er|en|et|erna|na|n|ar|arna)?\b")
_LICENCE = rf"(?:{_LICENCE_WORD}|[\w-]+kort(?:et|en)?\b)"
_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("betyg", re.compile(r"\b\w*betyg\w*\b|\blägst\s+(?:betyget\s+)?[A-E]\b", re.IGNORECASE)),
    ("poäng", re.compile(rf"{_NUMBER}\s*(?:gymnasiepoäng|högskolepoäng|yh-poäng|poäng|hp)\b", re.IGNORECASE)),
    ("tid i yrket", re.compile(
        rf"(?:{_NUMBER}\s*(?:h|tim\w*|veckor\w*|månad\w*|år\w*)\b.*\b(?:\w*(?:praktik|lärling|erfarenhet|anställning|tjänstgöring)\w*|apl)\b"
        rf"|\b(?:\w*(?:praktik|lärling|erfarenhet|anställning|tjänstgöring)\w*|apl)\b.*\b{_NUMBER}\s*(?:h|tim\w*|veckor\w*|månad\w*|år\w*)\b)",
        re.IGNORECASE)),
    ("behörighet", re.compile(rf"\b{_HELD}\b(?:\s+\S+){{0,3}}?\s+{_LICENCE}|^\W*{_LICENCE_WORD}(?:\s+(?!och\b)\S+){{0,4}}\W*$",
                              re.IGNORECASE)),
    ("prov", re.compile(rf"\b{_HELD}\b(?:\s+\S+){{0,2}}?\s+\w*prov(?:et)?\b", re.IGNORECASE)),
    ("utbildning", re.compile(
        r"\b(?:gymnasieskolans|genomgått|genomgången|avslutat|avslutad|fullföljt|fullföljd|examen\s+från)\b"
        r"(?:\s+\S+){0,4}?\s+[\w-]+program(?:met)?\b"
        r"|\b(?:gymnasie|yrkes|högskole)?examen\b", re.IGNORECASE)),
)
#: The kinds of formal requirement, in the order they are tried.
KINDS = tuple(kind for kind, _ in _PATTERNS)


def formal_kind(text: str) -> str:
    """The kind of formal requirement ``text`` states (one of :data:`KINDS`), or "" for none."""
    for kind, pattern in _PATTERNS:
        if pattern.search(text):
            return kind
    return ""


def mark_formal(results: dict[str, RequirementResult], standard: Framework) -> None:
    """Set ``formal`` on the results of requirements that state a formal requirement.

    The content status and proposals are left as they are: a person who moves the
    requirement out of the class sees them.
    """
    for req in standard.items:
        result = results.get(req.id)
        if result is not None and not result.named_courses:
            result.formal = formal_kind(req.text)
