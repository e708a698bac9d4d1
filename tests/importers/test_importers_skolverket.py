"""Skolverket curricula: the whole real archive (XML) and the syllabus-API JSON reader."""

from __future__ import annotations

import html
import json
import re

import pytest

from compare_app.errors import InputError
from compare_app.importers import load_curriculum

pytestmark = pytest.mark.real_data


def test_real_archive_counts_and_ids(real_catalog):
    assert len(real_catalog.courses) == 1074
    assert len(real_catalog.items) == 12115
    assert len(real_catalog.packages) == 151
    assert all(re.fullmatch(rf"{re.escape(it.course)}:cc{it.position}", it.id) for it in real_catalog.items)
    assert len({it.id for it in real_catalog.items}) == 12115
    assert real_catalog.sources[0].version == "2019-11-29"


def test_real_archive_welder_outcome_and_courses(real_catalog):
    welder = real_catalog.packages["Industritekniska programmet / Svetsare"]
    assert {"SAAKÄL02S", "SAARÖR01S", "SAASTU01S", "MAEMAT01"} <= set(welder.course_codes)
    assert all(code in real_catalog.courses for code in welder.course_codes)
    course = real_catalog.courses["SAAKÄL01S"]
    assert course.points == 100 and course.subject_code == "SAA" and course.name == "Kälsvets 1"
    assert course.items[0].id == "SAAKÄL01S:cc1" and course.items[0].area == "Kälsvets 1"


def test_real_archive_sections_and_grading(real_catalog):
    with_sections = [c for c in real_catalog.courses.values() if any(it.section for it in c.items)]
    assert len(with_sections) > 50
    course = with_sections[0]
    assert all(it.text and "<" not in it.text for it in course.items)
    graded = [c for c in real_catalog.courses.values() if {"E", "C", "A"} <= set(c.grading)]
    assert len(graded) > 1000
    assert all(c.grading["E"] and "<" not in c.grading["E"] for c in graded[:50])


def _api_course(course, raw_content: str) -> dict:
    """An API-shaped course object (points as a string, centralContent as an object)."""
    return {
        "code": course.code,
        "name": course.name,
        "points": str(course.points),
        "description": f"<p>{html.escape(course.description)}</p>",
        "centralContent": {"text": raw_content},
        "knowledgeRequirements": [{"text": f"<p>{html.escape(t)}</p>", "gradeStep": s} for s, t in course.grading.items()],
    }


def _raw_central_content(archive_path, subject_code: str, course_code: str) -> str:
    """The central-content HTML of one course, straight from the real archive."""
    from compare_app.importers._safe import iter_archive, parse_xml

    for _, data in iter_archive(archive_path, (".xml",)):
        if f"<code>{course_code}</code>".encode() not in data:
            continue
        root = parse_xml(data, "x")
        if not root.tag.endswith("}subject"):
            continue  # programme files list the course too, without content
        for el in root.iter():
            if el.tag.endswith("courses") and any(c.tag.endswith("code") and c.text == course_code for c in el):
                return next(c.text for c in el if c.tag.endswith("centralContent"))
    raise AssertionError(course_code)


@pytest.mark.parametrize("code", ["SAAKÄL01S", "MAEMAT01"])
def test_json_reader_matches_xml_reader(real_catalog, archive_path, tmp_path, code):
    xml_course = real_catalog.courses[code]
    raw = _raw_central_content(archive_path, xml_course.subject_code, code)
    subject = {"subject": {"code": xml_course.subject_code, "name": xml_course.subject_name,
                           "courses": [_api_course(xml_course, raw)]}}
    path = tmp_path / "subject.json"
    path.write_text(json.dumps(subject, ensure_ascii=False), encoding="utf-8")
    fw = load_curriculum(path)
    course = fw.courses[code]
    assert [(i.id, i.text, i.section, i.area, i.position) for i in course.items] == [
        (i.id, i.text, i.section, i.area, i.position) for i in xml_course.items]
    assert course.points == xml_course.points and course.grading == xml_course.grading
    assert course.subject_code == xml_course.subject_code and fw.subjects[xml_course.subject_code].course_codes == [code]
    # the same course as a course response
    path2 = tmp_path / "course.json"
    path2.write_text(json.dumps({"course": _api_course(xml_course, raw)}, ensure_ascii=False), encoding="utf-8")
    assert [i.text for i in load_curriculum(path2).items] == [i.text for i in xml_course.items]


COURSE_HTML = ("<h4>Undervisningen tar upp:</h4><p><strong>Metoder</strong></p><ul><li>Svetsning av &amp; i plåt.</li>"
               "<li>Mätning.</li></ul><p><strong>Säkerhet</strong></p><ul><li>Skyddsutrustning.</li></ul>")


@pytest.mark.parametrize("wrap", ["course", "bare", "list"])
def test_json_course_shapes(tmp_path, wrap):
    course = {"code": "TSTSVE01", "name": "Provkurs", "points": "50", "centralContent": {"text": COURSE_HTML},
              "knowledgeRequirements": [{"text": "<p>Eleven gör något.</p>", "gradeStep": "E"}]}
    obj = {"course": course} if wrap == "course" else course if wrap == "bare" else [course]
    path = tmp_path / "kurs.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    fw = load_curriculum(path)
    assert [(i.id, i.section, i.text) for i in fw.items] == [
        ("TSTSVE01:cc1", "Metoder", "Svetsning av & i plåt."), ("TSTSVE01:cc2", "Metoder", "Mätning."),
        ("TSTSVE01:cc3", "Säkerhet", "Skyddsutrustning.")]
    assert fw.courses["TSTSVE01"].points == 50 and fw.courses["TSTSVE01"].grading == {"E": "Eleven gör något."}
    assert fw.sources[0].format == "skolverket-json"


@pytest.mark.parametrize("content, problem", [
    (b"", "tom"), (b"{not json", "ogiltig JSON"), (b'{"subject": {"code": "X", "courses": []}}', "inga kurser"),
    (b"\xff\xfe\x00garbage", "UTF-8"), (b"[" * 100_000 + b"]" * 100_000, "nästlad"), (b'"just a string"', "inga kurser"),
])
def test_json_broken(tmp_path, content, problem):
    path = tmp_path / "api.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        load_curriculum(path)
