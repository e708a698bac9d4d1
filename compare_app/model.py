"""The Qt-free domain model shared by every part of compare_app.

A *framework* is either a branch competence standard (its items are requirements,
grouped in areas) or a curriculum (its items are the central-content bullets of
courses, grouped by course and section).  Every item keeps its provenance so an
assessor can trace it back to the cell, paragraph or XML element it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable, Literal

FrameworkKind = Literal["standard", "curriculum"]
#: The three kinds of learning outcome used in SeQF/EQF-style standards.
ITEM_KINDS = ("kunskap", "färdighet", "kompetens")


@dataclass(frozen=True)
class Provenance:
    """Where an item came from: a file and a locator inside it.

    ``locator`` is human readable and format specific, e.g. ``"blad Krav, rad 7"``,
    ``"stycke 12"`` or ``"subject[code=SVE]/courses[code=SVESVE01]/centralContent/li[3]"``.
    """

    source: str
    locator: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.locator}" if self.locator else self.source


@dataclass
class Item:
    """One requirement of a standard, or one central-content bullet of a course."""

    id: str
    text: str
    provenance: Provenance
    area: str = ""  # competence area (standard) or course name (curriculum)
    section: str = ""  # section heading inside a course's central content
    kind: str | None = None  # kunskap / färdighet / kompetens where known
    level: str | None = None  # SeQF/EQF level where known
    course: str | None = None  # course code, curriculum items only
    position: int = 0  # 1-based order within its parent (area or course)


@dataclass
class Course:
    """A national course (kurs) with its central content as items."""

    code: str
    name: str
    points: int | None
    items: list[Item] = field(default_factory=list)
    subject_code: str = ""
    subject_name: str = ""
    description: str = ""
    #: grade step ("E", "C", "A") -> plain-text knowledge requirement
    grading: dict[str, str] = field(default_factory=dict)
    provenance: Provenance | None = None


@dataclass
class Subject:
    code: str
    name: str
    purpose: str = ""
    description: str = ""
    course_codes: list[str] = field(default_factory=list)


@dataclass
class Package:
    """A named list of course codes: a yrkespaket or a programme's vocational outcome."""

    name: str
    course_codes: list[str]
    source: str = ""
    #: the codes as the programme lists them, where a subject code stands for its levels
    #: (Gy25); ``course_codes`` is these resolved by :func:`resolve_packages`. Empty for Gy11.
    subject_codes: list[str] = field(default_factory=list)


@dataclass
class SourceInfo:
    """A file a framework was read from, with its content hash for change detection."""

    path: str
    sha256: str
    format: str
    version: str = ""  # e.g. archive date or document version, where the file says one


@dataclass
class Framework:
    """A standard or a curriculum: ordered items plus, for curricula, courses and packages."""

    kind: FrameworkKind
    title: str
    items: list[Item] = field(default_factory=list)
    courses: dict[str, Course] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    packages: dict[str, Package] = field(default_factory=dict)
    sources: list[SourceInfo] = field(default_factory=list)
    #: non-fatal problems found while reading (skipped rows, duplicate ids ...)
    warnings: list[str] = field(default_factory=list)

    def item(self, item_id: str) -> Item:
        return self._index()[item_id]

    def get(self, item_id: str) -> Item | None:
        return self._index().get(item_id)

    def _index(self) -> dict[str, Item]:
        cached = self.__dict__.get("_by_id")
        if cached is None or len(cached) != len(self.items):
            cached = {it.id: it for it in self.items}
            self.__dict__["_by_id"] = cached
        return cached

    def areas(self) -> list[str]:
        """Areas in first-seen order (for a curriculum: course names)."""
        seen: dict[str, None] = {}
        for it in self.items:
            seen.setdefault(it.area, None)
        return list(seen)

    def items_in_courses(self, codes: Iterable[str] | None) -> list[Item]:
        """Curriculum items restricted to ``codes`` (all items when ``codes`` is None)."""
        if codes is None:
            return list(self.items)
        wanted = set(codes)
        return [it for it in self.items if it.course in wanted]


def merge_curricula(frameworks: list[Framework]) -> Framework:
    """One curriculum from several sources; a later source's course replaces an earlier one."""
    if len(frameworks) == 1:
        return frameworks[0]
    merged = Framework(kind="curriculum", title=" + ".join(f.title for f in frameworks))
    for fw in frameworks:
        merged.courses.update(fw.courses)
        merged.subjects.update(fw.subjects)
        merged.packages.update(fw.packages)
        merged.sources.extend(fw.sources)
        merged.warnings.extend(fw.warnings)
    merged.items = [it for course in merged.courses.values() for it in course.items]
    resolve_packages(merged)
    return merged


def resolve_packages(fw: Framework) -> None:
    """Give packages that list subjects (Gy25 programmes) the courses or levels of those subjects.

    A code that is a loaded course stays; a loaded subject stands for its courses or levels;
    any other code is kept as it is, so it shows as a missing course until its subject is loaded.
    """
    for pkg in fw.packages.values():
        if pkg.subject_codes:
            pkg.course_codes = expand_subjects(fw, pkg.subject_codes)


def expand_subjects(fw: Framework, codes: Iterable[str]) -> list[str]:
    """``codes`` with each loaded subject code (not itself a course) replaced by its courses or levels.

    Komvux yrkespaket name Gy25 subjects as well as levels; other codes stay as they are.
    """
    out: list[str] = []
    for code in codes:
        subject = fw.subjects.get(code)
        if code not in fw.courses and subject is not None and subject.course_codes:
            out.extend(subject.course_codes)
        else:
            out.append(code)
    return list(dict.fromkeys(out))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path) -> str:
    """The sha256 of a file's bytes (hex), read in blocks."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()
