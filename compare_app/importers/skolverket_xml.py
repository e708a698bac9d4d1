"""Skolverket's open-data syllabus XML (GY11 subject and programme files).

Accepts a whole archive (``.tgz``/``.tar.gz``/``.zip``), a folder, or one subject or
programme file. Subject files give courses with their central content (items
``COURSECODE:ccN``) and grading criteria; programme files give vocational outcomes
as packages named ``"<programme> / <outcome>"``.
"""

from __future__ import annotations

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


def folder_files(path: Path) -> list[Path]:
    """The XML files of an unpacked archive folder, in the order their digests are combined."""
    return sorted(p for p in path.rglob("*.xml") if p.is_file())


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


def _points(raw: str) -> int | None:
    try:
        return int(float(raw.replace(",", "."))) if raw else None
    except ValueError:
        return None


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
        course.items = central_content_items(code, name, _text(cel, "centralContent"), source, locator)
        for kr in _children(cel, "knowledgeRequirements"):
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


def _add_document(fw: Framework, data: bytes, name: str, origin: Path) -> None:
    root = parse_xml(data, f"{origin} ({name})" if Path(name) != origin else str(origin))
    kind = _local(root.tag)
    if kind == "subject":
        subject, courses = parse_subject(root, name)
        fw.subjects[subject.code] = subject
        for course in courses:
            if course.code in fw.courses:
                fw.warnings.append(f"{name}: kurskoden {course.code} förekommer två gånger; den senare används")
            fw.courses[course.code] = course
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
    if path.is_dir():
        files = folder_files(path)
        if not files:
            raise InputError(path, "mappen innehåller inga XML-filer från Skolverket")
        digest_parts = []
        for n, f in enumerate(files):
            report(progress, n, len(files), f"{STAGE}: {f.name}")
            data = read_file_bytes(f)
            digest_parts.append(sha256_bytes(data))
            _add_document(fw, data, str(f.relative_to(path)), path)
        fw.sources.append(SourceInfo(str(path), folder_digest(digest_parts), FOLDER_FORMAT))
    elif path.name.lower().endswith(ARCHIVE_SUFFIXES):
        members = list(iter_archive(path, (".xml",)))
        if not members:
            raise InputError(path, "arkivet innehåller inga XML-filer")
        for n, (name, data) in enumerate(members):
            report(progress, n, len(members), f"{STAGE}: {name}")
            _add_document(fw, data, name, path)
        fw.sources.append(SourceInfo(str(path), sha256_bytes(read_file_bytes(path)), "skolverket-xml-archive", _version_from_name(path.name)))
    else:
        data = read_file_bytes(path)
        _add_document(fw, data, path.name, path)
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
