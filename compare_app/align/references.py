"""Requirements that name a course or a level: "Praktisk ellära 100 poäng (ELLPRA0)", "Datorteknik 1a".

Many branch standards (electrical, care, ...) state part of what they require as national
courses. Such a requirement is not matched word by word against course content: it is
linked to the named course as a whole, a certain link with its own evidence kind
(:data:`BRIDGE`, shown as "kursen anges i kravet"), listed before the proposals from that
course's content, which remain as detail; proposals from other courses are dropped. In package mode a named course outside the package makes the
requirement a gap that says so ("kräver ELRELF0, som inte ingår i paketet").

A course is named when the requirement holds

* its code as a word (``ELLPRA0``, ``MATE1A00X``), or a code-shaped word in parentheses
  that no loaded curriculum knows (reported as not loaded);
* its exact name, case aside, as whole words, when the name carries a number or level
  ("Datorteknik 1a", "Matematik nivå 1a"), or when points, a code in parentheses or the
  word "kurs" mark it as a course ("Elkraftteknik 100 poäng"): a bare name such as
  "Material" or "Miljö" is an ordinary word in a requirement and is left to the matcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..alignment import Evidence, Match, RequirementResult, Review
from ..model import Course, Framework

#: The evidence kind of a link to a course named in the requirement.
BRIDGE = "course_named"
#: A word that looks like a course or level code, in parentheses: "(ELRELF0)".
_CODE_IN_PARENS = re.compile(r"\(\s*([A-ZÅÄÖ]{3,}[A-ZÅÄÖa-zåäö0-9]*[0-9][A-ZÅÄÖa-zåäö0-9]*)\s*\)")
#: What marks a bare course name as a course: points after it, or "kurs(en)" before it.
_POINTS_AFTER = re.compile(r"\s*,?\s*\d[\d\s]*\s*(?:gymnasie)?(?:poäng|p)\b", re.IGNORECASE)
_COURSE_BEFORE = re.compile(r"\bkurs(?:en|erna|er)?\s*$", re.IGNORECASE)


@dataclass
class NamedCourse:
    """A course a requirement names: its code, the words that named it, and whether it is loaded."""

    code: str
    words: str
    known: bool


class CourseNames:
    """Finds course codes and names in requirement texts; built once per curriculum."""

    def __init__(self, curriculum: Framework):
        self.courses = curriculum.courses
        by_name: dict[str, str] = {}
        for code, course in curriculum.courses.items():
            if course.name:
                by_name.setdefault(course.name.casefold(), code)
        self.by_name = by_name
        names = sorted(by_name, key=len, reverse=True)  # longest first: "Matematik 1a" before "Matematik 1"
        self._names = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE
        ) if names else None

    def find(self, text: str) -> list[NamedCourse]:
        """Courses ``text`` names, in order of first mention, each once."""
        found: dict[str, NamedCourse] = {}
        for word in re.findall(r"[\wÅÄÖåäö]+", text):
            if word in self.courses:
                found.setdefault(word, NamedCourse(word, word, True))
        for m in _CODE_IN_PARENS.finditer(text):
            code = m.group(1)
            if code not in self.courses:
                found.setdefault(code, NamedCourse(code, code, False))
        if self._names is not None:
            for m in self._names.finditer(text):
                code = self.by_name[m.group(1).casefold()]
                if code not in found and self._is_course_mention(text, m):
                    found[code] = NamedCourse(code, m.group(1), True)
        return sorted(found.values(), key=lambda n: _first_at(text, n))

    @staticmethod
    def _is_course_mention(text: str, m: re.Match) -> bool:
        if any(ch.isdigit() for ch in m.group(1)):
            return True
        after, before = text[m.end():], text[:m.start()]
        return bool(_POINTS_AFTER.match(after) or _CODE_IN_PARENS.match(after.lstrip())
                    or _COURSE_BEFORE.search(before))


def _first_at(text: str, named: NamedCourse) -> int:
    at = text.find(named.words)
    return at if at >= 0 else text.casefold().find(named.words.casefold())


def course_match(course: Course, words: str) -> Match:
    """The certain link of a requirement to a whole course."""
    points = f", {course.points} poäng" if course.points else ""
    return Match(course.code, course.code, 1.0, f"{course.name} ({course.code}){points}",
                 [Evidence(words, course.code, BRIDGE, 1.0)])


def link_named_courses(results: dict[str, RequirementResult], standard: Framework, curriculum: Framework,
                       scope: list[str] | None, feedback: dict[str, Review] | None = None) -> None:
    """Put the courses each requirement names first among its matches (see the module doc).

    ``scope`` is the candidate course codes (None: every loaded course). A link a person
    rejected is not made again. Sets ``named_courses`` and, for a named course out of
    scope, the gap and its ``remark``.
    """
    finder = CourseNames(curriculum)
    in_scope = set(scope) if scope is not None else set(curriculum.courses)
    for req in standard.items:
        result = results.get(req.id)
        named = finder.find(req.text)
        if result is None or not named:
            continue
        rejected = {i for i, s in (feedback or {}).get(req.id, Review()).links.items() if s == "rejected"}
        result.named_courses = [n.code for n in named]
        linked = [course_match(curriculum.courses[n.code], n.words) for n in named
                  if n.known and n.code in in_scope and n.code not in rejected]
        missing = [n for n in named if not n.known or n.code not in in_scope]
        # the named courses' own items stay as detail; content of other courses is not what the requirement asks for
        named_codes = {n.code for n in named}
        detail = [m for m in result.matches if m.course in named_codes]
        for m in detail:  # the same words in another course do not make that course the named one
            m.twins = [t for t in m.twins if t.course in named_codes]
        result.matches = linked + detail
        if missing:
            result.remark = "; ".join(
                f"kräver {n.code}, som inte ingår i paketet" if n.known
                else f"kräver {n.code}, som inte finns i de inlästa kursplanerna" for n in missing)
        if not missing:
            result.status, result.score = ("covered", 1.0) if linked else (result.status, result.score)
        else:
            result.status, result.score = ("partial", 0.5) if linked else ("gap", 0.0)
