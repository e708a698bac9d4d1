"""Skolverket's syllabus API JSON (``/v1/subjects``, ``/v1/subjects/{code}``,
``/v1/courses/{code}``, ``/v1/programs/{code}``), Gy11 and Gy25 alike.

Accepted shapes: a subject response ``{"subject": {..., "courses": [...]}}`` (or the
bare subject object), a course response ``{"course": {...}}`` (or the bare course), a
subject list ``{"subjects": [...]}``, a programme response ``{"program": {...}}``, and a
list of these. Field names and types follow Skolverket's OpenAPI description: a course
has ``code``, ``name``, ``points`` (a string), ``description``, ``centralContent`` (an
object whose ``text`` is the same HTML as in the XML, or the HTML string itself) and
``knowledgeRequirements`` (a list of ``{text, gradeStep}``).

Gy25 (*ämnen med nivåer*): a level (``typeOfSyllabus`` ``LEVEL_IN_GRADE_SUBJECT_SYLLABUS``)
is read as a course named with its subject, "Nivå 1a" of Matematik becoming
"Matematik nivå 1a"; the grading criteria belong to the subject and are given to each of
its levels; a level read on its own brings its subject (and purpose) from ``subjectParent``.
A programme (Gy25 ``PROGRAM25`` or Gy11) becomes packages, one per part that lists
subjects: foundation, programme-specific, specialisation, orientations and vocational
outcomes, named ``"<programme> / <part>"``. A subject in a package stands for its listed
courses, or for all its levels once the subject itself is loaded (see
:func:`compare_app.model.resolve_packages`).

The result has the same shape as :mod:`skolverket_xml`: items ``CODE:ccN``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import InputError
from ..model import Course, Framework, Package, Provenance, SourceInfo, Subject, resolve_packages, sha256_bytes
from ._clean import repair_unicode, repaired_warning
from ._html import central_content_items, plain_text
from ._safe import read_file_bytes

MAX_JSON_BYTES = 50 * 1024 * 1024
#: ``typeOfSyllabus`` of the two kinds of subject (Gy11, Gy25).
SUBJECT_SYLLABI = ("SUBJECT_SYLLABUS", "GRADE_SUBJECT_SYLLABUS")
#: The parts of a programme that list subjects, with the package name used when the part has none.
PROGRAM_PARTS = (
    ("foundationSubjects", "Gymnasiegemensamma ämnen"),
    ("programmeSpecificSubjects", "Programgemensamma ämnen"),
    ("specialization", "Fördjupningsämnen"),
)
#: No course has more points than this (the same bound as the XML importer's).
MAX_POINTS = 10_000


def _str(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _html(value: object) -> str:
    """HTML held either directly or in an object's ``text`` field."""
    if isinstance(value, dict):
        return _str(value.get("text"))
    return _str(value)


def _points(value: object) -> int | None:
    """Points as a whole number; anything that is no plausible number of points (NaN, 1e400) is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value) if abs(value) < 1e300 else None
    else:
        try:
            number = float(_str(value).replace(",", ".")) if _str(value) else None
        except ValueError:
            return None
    return int(number) if number is not None and 0 <= number <= MAX_POINTS else None


def _grading(obj: dict) -> dict[str, str]:
    """Grade step -> plain text of an object's ``knowledgeRequirements``."""
    requirements = obj.get("knowledgeRequirements")
    grading = {}
    for kr in requirements if isinstance(requirements, list) else []:
        if isinstance(kr, dict) and _str(kr.get("gradeStep")):
            grading[_str(kr.get("gradeStep"))] = plain_text(_html(kr.get("text")))
    return grading


def level_name(name: str, subject_name: str) -> str:
    """A Gy25 level's name with its subject: ``"Nivå 1a"`` of Matematik -> ``"Matematik nivå 1a"``.

    The API names a level (``typeOfSyllabus`` ``LEVEL_IN_GRADE_SUBJECT_SYLLABUS``) "Nivå …"
    only; a course name is kept as it is."""
    if subject_name and re.match(r"nivå\b", name, re.IGNORECASE):
        return f"{subject_name} {name[0].lower()}{name[1:]}"
    return name


def parse_course(obj: dict, source: str, subject_code: str = "", subject_name: str = "",
                 subject_grading: dict[str, str] | None = None) -> Course | None:
    """One course or level object; None when it has no code.

    A level without grading criteria of its own gets ``subject_grading`` (Gy25 grades the subject).
    """
    code = _str(obj.get("code"))
    if not code:
        return None
    parent = obj.get("subjectParent") if isinstance(obj.get("subjectParent"), dict) else {}
    subject_code = subject_code or _str(obj.get("subjectCode")) or _str(parent.get("subjectCode"))
    subject_name = subject_name or _str(obj.get("subjectName")) or _str(parent.get("subjectName"))
    name = level_name(_str(obj.get("name")), subject_name)
    base = f"{'subject[code=' + subject_code + ']/' if subject_code else ''}courses[code={code}]"
    course = Course(
        code=code,
        name=name,
        points=_points(obj.get("points", obj.get("point"))),
        subject_code=subject_code,
        subject_name=subject_name,
        description=plain_text(_html(obj.get("description"))),
        provenance=Provenance(source, base),
    )
    course.items = central_content_items(code, name, _html(obj.get("centralContent")), source, base)
    course.grading = _grading(obj) or dict(subject_grading or {})
    return course


def _add_subject(fw: Framework, obj: dict, source: str) -> None:
    subject = Subject(
        code=_str(obj.get("code")),
        name=_str(obj.get("name")),
        purpose=plain_text(_html(obj.get("purpose"))),
        description=plain_text(_html(obj.get("description"))),
    )
    grading = _grading(obj)
    courses = obj.get("courses")
    for cobj in courses if isinstance(courses, list) else []:
        if isinstance(cobj, dict):
            course = parse_course(cobj, source, subject.code, subject.name, grading)
            if course is not None:
                _add_course(fw, course, source)
                subject.course_codes.append(course.code)
    if subject.code:
        fw.subjects[subject.code] = subject


def _add_parent_subject(fw: Framework, obj: dict, course: Course) -> None:
    """The subject named in a course response's ``subjectParent`` (its purpose reaches the level)."""
    parent = obj.get("subjectParent")
    if not isinstance(parent, dict) or not course.subject_code:
        return
    subject = fw.subjects.setdefault(course.subject_code, Subject(course.subject_code, course.subject_name))
    subject.purpose = subject.purpose or plain_text(_html(parent.get("subjectPurpose")))
    if course.code not in subject.course_codes:
        subject.course_codes.append(course.code)


def _package_codes(part: object) -> list[str]:
    """Codes a programme part lists: each subject's listed courses, or the subject code itself."""
    subjects = part.get("subjects") if isinstance(part, dict) else None
    codes = []
    for subj in subjects if isinstance(subjects, list) else []:
        if not isinstance(subj, dict):
            continue
        listed = subj.get("courses") if isinstance(subj.get("courses"), list) else []
        course_codes = [_str(c.get("code")) for c in listed if isinstance(c, dict) and _str(c.get("code"))]
        codes.extend(course_codes or [_str(subj.get("code"))])
    return [c for c in dict.fromkeys(codes) if c]


def _add_program(fw: Framework, obj: dict, source: str) -> None:
    """A programme's parts that list subjects, as packages ``"<programme> / <part>"``."""
    programme = _str(obj.get("name")) or _str(obj.get("code"))
    parts: list[tuple[str, object]] = []
    for key, label in PROGRAM_PARTS:
        if isinstance(obj.get(key), dict):
            parts.append((_str(obj[key].get("name")) or label, obj[key]))
    for key in ("orientations", "profiles", "vocationalOutcomes"):
        entries = obj.get(key)
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and _str(entry.get("name")):
                parts.append((_str(entry["name"]), entry))
                if isinstance(entry.get("specialization"), dict):
                    parts.append((f"{_str(entry['name'])}, fördjupning", entry["specialization"]))
    for name, part in parts:
        codes = _package_codes(part)
        if codes:
            fw.packages[f"{programme} / {name}"] = Package(f"{programme} / {name}", codes, source, subject_codes=list(codes))


def _add_course(fw: Framework, course: Course, source: str) -> None:
    if course.code in fw.courses:
        fw.warnings.append(f"{source}: kurskoden {course.code} förekommer två gånger; den senare används")
    fw.courses[course.code] = course


def _add(fw: Framework, obj: object, source: str, depth: int = 0) -> None:
    """Dispatch on shape: wrapper, subject, course, or a list of them (nested at most a few levels)."""
    if depth > 4:
        return
    if isinstance(obj, list):
        for entry in obj:
            _add(fw, entry, source, depth + 1)
        return
    if not isinstance(obj, dict):
        return
    if isinstance(obj.get("subject"), dict):
        _add_subject(fw, obj["subject"], source)
    elif isinstance(obj.get("course"), dict):
        _add(fw, obj["course"], source, depth + 1)
    elif isinstance(obj.get("program"), dict):
        _add_program(fw, obj["program"], source)
    elif "code" in obj and (isinstance(obj.get("courses"), list) or _str(obj.get("typeOfSyllabus")) in SUBJECT_SYLLABI):
        _add_subject(fw, obj, source)
    elif isinstance(obj.get("subjects"), list) or isinstance(obj.get("courses"), list):
        _add(fw, obj.get("subjects") or [], source, depth + 1)
        _add(fw, obj.get("courses") or [], source, depth + 1)
    elif "code" in obj:
        course = parse_course(obj, source)
        if course is not None:
            _add_course(fw, course, source)
            _add_parent_subject(fw, obj, course)


def read(path: str | Path) -> Framework:
    """A curriculum framework from one API JSON file."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "filen finns inte")
    data = read_file_bytes(path, MAX_JSON_BYTES)
    if not data.strip():
        raise InputError(path, "filen är tom")
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(path, "JSON-filen är inte UTF-8") from None
    except RecursionError:
        raise InputError(path, "JSON-filen är för djupt nästlad") from None
    except ValueError as exc:
        raise InputError(path, f"ogiltig JSON ({exc})") from None
    obj, repaired = repair_unicode(obj)
    fw = Framework(kind="curriculum", title=path.name)
    if repaired:
        fw.warnings.append(repaired_warning(repaired))
    _add(fw, obj, path.name)
    if not fw.courses and not fw.packages:
        if fw.subjects:
            raise InputError(path, f"filen listar ämnen ({', '.join(list(fw.subjects)[:5])}) men inga kurser eller nivåer; "
                                   "hämta ämnet självt (/v1/subjects/KOD) för att få dess innehåll")
        raise InputError(path, "hittade inga kurser (väntade Skolverkets API-svar för ett ämne, en kurs eller ett program)")
    resolve_packages(fw)
    fw.items = [it for course in fw.courses.values() for it in course.items]
    fw.sources.append(SourceInfo(str(path), sha256_bytes(data), "skolverket-json"))
    return fw
