"""Skolverket's open-data syllabus XML (GY11 subject and programme files).

Accepts a whole archive (``.tgz``/``.tar.gz``/``.zip``), a folder, or one subject or
programme file. Subject files give courses with their central content (items
``COURSECODE:ccN``) and grading criteria; programme files give vocational outcomes
as packages named ``"<programme> / <outcome>"``.
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree.ElementTree import Element

from ..errors import InputError
from ..model import Course, Framework, Package, Provenance, SourceInfo, Subject, sha256_bytes
from ..progress import STAGE_READ as STAGE
from ..progress import Progress, report
from ._html import central_content_items, plain_text
from ._safe import iter_archive, parse_xml, read_file_bytes

ARCHIVE_SUFFIXES = (".tgz", ".tar.gz", ".zip", ".tar")
FOLDER_FORMAT = "skolverket-xml-folder"


def folder_files(path: Path, limit: int | None = None) -> list[Path]:
    """The XML files of an unpacked archive folder, in the order their digests are combined.

    With a ``limit``, a folder holding more entries than that (files and folders of any
    kind; a path such as ``/`` or ``C:\\``) raises :class:`InputError` instead of walking on.
    Links to folders are not followed.
    """
    found: list[Path] = []
    seen = 0
    pending = [path]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                seen += 1
                if limit is not None and seen > limit:
                    raise InputError(path, f"mappen har fler än {limit} filer och mappar; det är inte en kursplanemapp")
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                elif entry.name.lower().endswith(".xml") and entry.is_file():
                    found.append(Path(entry.path))
    return sorted(found)


def folder_digest(file_digests: list[str]) -> str:
    """One content hash for a folder from its files' sha256 digests (see :func:`folder_files`)."""
    return sha256_bytes("".join(file_digests).encode())


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(el: Element, name: str) -> Element | None:
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _children(el: Element, name: str) -> list[Element]:
    return [c for c in el if _local(c.tag) == name]


def _text(el: Element, name: str) -> str:
    c = _child(el, name)
    return (c.text or "").strip() if c is not None else ""


def _html_field(el: Element, name: str) -> str:
    """An HTML field held directly (schema v1) or in a ``text`` child (the newer v3 schema)."""
    c = _child(el, name)
    if c is None:
        return ""
    inner = _child(c, "text")
    return ((inner.text if inner is not None else c.text) or "").strip()


#: No course has more points than this; a larger (or infinite, "1e400") value is no number of points.
MAX_POINTS = 10_000


def _points(raw: str) -> int | None:
    try:
        value = float(raw.replace(",", ".")) if raw else None
    except ValueError:
        return None
    return int(value) if value is not None and 0 <= value <= MAX_POINTS else None


def parse_subject(root: Element, source: str) -> tuple[Subject, list[Course]]:
    """A subject element and its courses. ``source`` names the file for provenance."""
    subject = Subject(
        code=_text(root, "code"),
        name=_text(root, "name"),
        purpose=plain_text(_text(root, "purpose")),
        description=plain_text(_text(root, "description")),
    )
    courses = []
    for cel in _children(root, "courses"):
        code = _text(cel, "code")
        if not code:
            continue
        name = _text(cel, "name")
        locator = f"subject[code={subject.code}]/courses[code={code}]"
        course = Course(
            code=code,
            name=name,
            points=_points(_text(cel, "point")),
            subject_code=subject.code,
            subject_name=subject.name,
            description=plain_text(_text(cel, "description")),
            provenance=Provenance(source, locator),
        )
        course.items = central_content_items(code, name, _html_field(cel, "centralContent"), source, locator)
        for kr in _children(cel, "knowledgeRequirements") + _children(cel, "knowledgeRequirement"):
            step = _text(kr, "gradeStep")
            if step:
                course.grading[step] = plain_text(_text(kr, "text"))
        subject.course_codes.append(code)
        courses.append(course)
    return subject, courses


def parse_program(root: Element, source: str) -> list[Package]:
    """Vocational outcomes (``professionalDegree``) of a programme file as packages."""
    programme = _text(root, "name")
    packages = []
    degrees = _child(root, "professionalDegrees")
    for deg in _children(degrees, "professionalDegree") if degrees is not None else []:
        outcome = _text(deg, "name")
        codes = [_text(c, "code") for subj in _children(deg, "subject") for c in _children(subj, "course")]
        codes = [c for c in dict.fromkeys(codes) if c]
        if outcome:  # some outcomes list no national courses; they are kept, empty
            packages.append(Package(f"{programme} / {outcome}", codes, source))
    return packages


class _Versions:
    """Which file's version of a course is kept when an archive holds two (a current and a
    *kommande version*): the one that applies on the archive's date, else the later one read."""

    def __init__(self, archive_date: str):
        self.archive_date = archive_date
        self.applies: dict[str, str] = {}  # course code -> applianceDate of the kept version

    def keep_new(self, code: str, applies: str) -> bool:
        earlier = self.applies.get(code, "")
        future = bool(self.archive_date and applies[:10] > self.archive_date)
        if future and earlier[:10] <= self.archive_date:
            return False
        self.applies[code] = applies
        return True


def _add_document(fw: Framework, data: bytes, name: str, origin: Path, versions: _Versions) -> None:
    root = parse_xml(data, f"{origin} ({name})" if Path(name) != origin else str(origin))
    kind = _local(root.tag)
    if kind == "subject":
        subject, courses = parse_subject(root, name)
        applies = _text(root, "applianceDate")
        for course in courses:
            if course.code not in fw.courses:
                versions.keep_new(course.code, applies)
            elif versions.keep_new(course.code, applies):
                fw.warnings.append(f"{name}: kurskoden {course.code} förekommer två gånger; den här versionen används")
            else:
                fw.warnings.append(f"{name}: kurskoden {course.code} förekommer två gånger; den här versionen "
                                   f"gäller från {applies[:10]}, efter arkivets datum, och används inte")
                continue
            fw.courses[course.code] = course
        fw.subjects.setdefault(subject.code, subject)
    elif kind in ("program", "fourthTechnicalYear"):
        for pkg in parse_program(root, name):
            earlier = fw.packages.get(pkg.name)
            if earlier is not None:  # the same outcome under two orientations: one package, union of courses
                pkg.course_codes = list(dict.fromkeys(earlier.course_codes + pkg.course_codes))
            fw.packages[pkg.name] = pkg
    # index files (subjectsAndCourses, programsAndOrientations) carry nothing we need


def read(path: str | Path, progress: Progress | None = None) -> Framework:
    """Read an archive, a folder or a single XML file into a curriculum framework."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "filen eller mappen finns inte")
    fw = Framework(kind="curriculum", title=path.name)
    versions = _Versions(_version_from_name(path.name))
    if path.is_dir():
        files = folder_files(path)
        if not files:
            raise InputError(path, "mappen innehåller inga XML-filer från Skolverket")
        digest_parts = []
        for n, f in enumerate(files):
            report(progress, n, len(files), f"{STAGE}: {f.name}")
            data = read_file_bytes(f)
            digest_parts.append(sha256_bytes(data))
            _add_document(fw, data, str(f.relative_to(path)), path, versions)
        fw.sources.append(SourceInfo(str(path), folder_digest(digest_parts), FOLDER_FORMAT))
    elif path.name.lower().endswith(ARCHIVE_SUFFIXES):
        count = 0
        for name, data in iter_archive(path, (".xml",)):  # one member in memory at a time
            report(progress, count, count + 1, f"{STAGE}: {name}")
            _add_document(fw, data, name, path, versions)
            count += 1
        if not count:
            raise InputError(path, "arkivet innehåller inga XML-filer")
        fw.sources.append(SourceInfo(str(path), sha256_bytes(read_file_bytes(path)), "skolverket-xml-archive", _version_from_name(path.name)))
    else:
        data = read_file_bytes(path)
        _add_document(fw, data, path.name, path, versions)
        fw.sources.append(SourceInfo(str(path), sha256_bytes(data), "skolverket-xml"))
    if not fw.courses and not fw.packages:
        raise InputError(path, "hittade varken kurser eller examensmål i Skolverkets XML-format")
    fw.items = [it for course in fw.courses.values() for it in course.items]
    report(progress, 1, 1, f"{STAGE}: klar")
    return fw


def _version_from_name(name: str) -> str:
    """``gy11-syllabus-2019-11-29.tgz`` -> ``2019-11-29``."""
    import re

    m = re.search(r"(\d{4}-\d{2}-\d{2})", name)
    return m.group(1) if m else ""
