"""Skolverket's syllabus API JSON (``/v1/subjects/{code}``, ``/v1/courses/{code}``).

Accepted shapes: a subject response ``{"subject": {..., "courses": [...]}}`` (or the
bare subject object), a course response ``{"course": {...}}`` (or the bare course), and
a list of either. A course has ``code``, ``name``, ``points`` (a string), ``description``,
``centralContent`` (an object whose ``text`` is the same HTML as in the XML, or the
HTML string itself) and ``knowledgeRequirements`` (a list of ``{text, gradeStep}``).
The result has the same shape as :mod:`skolverket_xml`: items ``CODE:ccN``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..model import Course, Framework, Provenance, SourceInfo, Subject, sha256_bytes
from ._clean import repair_unicode, repaired_warning
from ._html import central_content_items, plain_text
from ._safe import read_file_bytes

MAX_JSON_BYTES = 50 * 1024 * 1024
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


def parse_course(obj: dict, source: str, subject_code: str = "", subject_name: str = "") -> Course | None:
    """One course object; None when it has no code."""
    code = _str(obj.get("code"))
    if not code:
        return None
    name = _str(obj.get("name"))
    base = f"{'subject[code=' + subject_code + ']/' if subject_code else ''}courses[code={code}]"
    course = Course(
        code=code,
        name=name,
        points=_points(obj.get("points", obj.get("point"))),
        subject_code=subject_code or _str(obj.get("subjectCode")),
        subject_name=subject_name or _str(obj.get("subjectName")),
        description=plain_text(_html(obj.get("description"))),
        provenance=Provenance(source, base),
    )
    course.items = central_content_items(code, name, _html(obj.get("centralContent")), source, base)
    requirements = obj.get("knowledgeRequirements")
    for kr in requirements if isinstance(requirements, list) else []:
        if isinstance(kr, dict) and _str(kr.get("gradeStep")):
            course.grading[_str(kr.get("gradeStep"))] = plain_text(_html(kr.get("text")))
    return course


def _add_subject(fw: Framework, obj: dict, source: str) -> None:
    subject = Subject(
        code=_str(obj.get("code")),
        name=_str(obj.get("name")),
        purpose=plain_text(_html(obj.get("purpose"))),
        description=plain_text(_html(obj.get("description"))),
    )
    courses = obj.get("courses")
    for cobj in courses if isinstance(courses, list) else []:
        if isinstance(cobj, dict):
            course = parse_course(cobj, source, subject.code, subject.name)
            if course is not None:
                _add_course(fw, course, source)
                subject.course_codes.append(course.code)
    if subject.code:
        fw.subjects[subject.code] = subject


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
    elif isinstance(obj.get("courses"), list) and "code" in obj:
        _add_subject(fw, obj, source)
    elif isinstance(obj.get("subjects"), list) or isinstance(obj.get("courses"), list):
        _add(fw, obj.get("subjects") or [], source, depth + 1)
        _add(fw, obj.get("courses") or [], source, depth + 1)
    elif "code" in obj:
        course = parse_course(obj, source)
        if course is not None:
            _add_course(fw, course, source)


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
    if not fw.courses:
        raise InputError(path, "hittade inga kurser (väntade Skolverkets API-svar för ett ämne eller en kurs)")
    fw.items = [it for course in fw.courses.values() for it in course.items]
    fw.sources.append(SourceInfo(str(path), sha256_bytes(data), "skolverket-json"))
    return fw
