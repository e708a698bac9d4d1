"""Gy25 (ämnen med nivåer) from Skolverket's syllabus API, and the later open-data archive (XML v3).

Every file in ``../shared/data/skolverket-api/gy25`` is read here; the tests skip when it is absent.
"""

from __future__ import annotations

import json
import re

import pytest

from compare_app.errors import InputError
from compare_app.importers import load_curricula, load_curriculum
from tests.conftest import SHARED

API = SHARED / "data" / "skolverket-api" / "gy25"
LATER_ARCHIVE = SHARED / "data" / "skolverket" / "gy11-syllabus-2022-02-28-reformatted.tgz"

pytestmark = pytest.mark.real_data


@pytest.fixture(scope="module")
def api() -> "Path":  # noqa: F821
    if not API.is_dir():
        pytest.skip("../shared/data/skolverket-api not present")
    return API


def test_every_api_file_reads_or_says_why(api):
    """No file is refused with the old 'hittade inga kurser'; the version list names what is missing."""
    outcomes = {}
    for path in sorted(api.glob("*.json")):
        try:
            fw = load_curriculum(path)
            outcomes[path.name] = (len(fw.courses), len(fw.packages))
        except InputError as exc:
            outcomes[path.name] = str(exc)
    assert set(outcomes) == {
        "syllabus_course_mate1a00x.json", "syllabus_program_na25.json", "syllabus_subject_mate.json",
        "syllabus_subject_versions_mat.json", "syllabus_subjects_gy.json", "syllabus_subjects_gy25.json"}
    assert outcomes["syllabus_subject_mate.json"] == (3, 0)
    assert outcomes["syllabus_course_mate1a00x.json"] == (1, 0)
    assert outcomes["syllabus_program_na25.json"] == (0, 3)
    versions = outcomes["syllabus_subject_versions_mat.json"]
    assert isinstance(versions, str) and "MAT" in versions and "inga kurser eller nivåer" in versions


def test_levels_carry_subject_name_code_points_and_grading(api):
    fw = load_curriculum(api / "syllabus_subject_mate.json")
    level = fw.courses["MATE1A00X"]
    assert level.name == "Matematik nivå 1a" and level.points == 100
    assert level.subject_code == "MATE" and level.subject_name == "Matematik"
    raw = json.loads((api / "syllabus_subject_mate.json").read_text(encoding="utf-8"))["subject"]
    assert isinstance(raw["courses"][0]["points"], str)  # the spec's type; read as an int
    # grading criteria belong to the subject in Gy25 and reach every level
    assert set(level.grading) == {"E", "D", "C", "B", "A"}
    assert all(c.grading == level.grading for c in fw.courses.values())
    assert "begrepp" in level.grading["E"] and "<" not in level.grading["E"]
    assert fw.subjects["MATE"].purpose.startswith("Undervisningen i ämnet matematik")
    assert fw.subjects["MATE"].course_codes == ["MATE1A00X", "MATE1B00X", "MATE2C00X"]


def test_level_items_have_ids_sections_and_area(api):
    fw = load_curriculum(api / "syllabus_subject_mate.json")
    items = fw.courses["MATE1A00X"].items
    assert items[0].id == "MATE1A00X:cc1" and items[0].area == "Matematik nivå 1a"
    # Gy25 marks sections with <em>, not <strong>
    assert items[0].section == "Program- eller yrkesspecifikt innehåll"
    assert {"Aritmetik, algebra och funktioner", "Sannolikhet och statistik"} <= {it.section for it in items}
    assert all(re.fullmatch(r"MATE1A00X:cc\d+", it.id) and it.text and "<" not in it.text for it in items)


def test_one_level_response_brings_its_subject(api):
    fw = load_curriculum(api / "syllabus_course_mate1a00x.json")
    level = fw.courses["MATE1A00X"]
    assert level.name == "Matematik nivå 1a" and level.subject_code == "MATE"
    assert fw.subjects["MATE"].purpose.startswith("Undervisningen i ämnet matematik")
    same = load_curriculum(api / "syllabus_subject_mate.json").courses["MATE1A00X"]
    assert [it.text for it in level.items] == [it.text for it in same.items]


def test_programme_25_becomes_packages(api):
    fw = load_curriculum(api / "syllabus_program_na25.json")
    assert set(fw.packages) == {"Naturvetenskapsprogrammet / Gymnasiegemensamma ämnen",
                                "Naturvetenskapsprogrammet / Programgemensamma ämnen",
                                "Naturvetenskapsprogrammet / Fördjupningsämnen"}
    assert fw.packages["Naturvetenskapsprogrammet / Fördjupningsämnen"].course_codes == ["ASTR"]
    # with the subject loaded too, a subject in a package stands for its levels
    both = load_curricula([api / "syllabus_program_na25.json", api / "syllabus_subject_mate.json"])
    foundation = both.packages["Naturvetenskapsprogrammet / Gymnasiegemensamma ämnen"].course_codes
    assert foundation[:3] == ["ENGE", "HIST", "IDRO"]
    assert {"MATE1A00X", "MATE1B00X", "MATE2C00X"} <= set(foundation) and "MATE" not in foundation


def test_soft_hyphen_is_dropped(tmp_path):
    course = {"code": "TSTX1", "name": "Prov", "points": "100",
              "centralContent": {"text": "<ul><li>Natur\u00advetenskaps&shy;programmet.</li></ul>"}}
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"course": course}), encoding="utf-8")
    assert load_curriculum(path).items[0].text == "Naturvetenskapsprogrammet."


def test_mixed_gy11_and_gy25(api, tmp_path):
    """A planner's curriculum holds Gy11 courses and Gy25 levels side by side, each with points."""
    gy11 = {"course": {"code": "ELLPRA0", "name": "Praktisk ellära", "points": "100",
                       "centralContent": {"text": "<ul><li>Mätning av ström.</li></ul>"}}}
    path = tmp_path / "gy11.json"
    path.write_text(json.dumps(gy11), encoding="utf-8")
    fw = load_curricula([path, api / "syllabus_subject_mate.json"])
    assert {"ELLPRA0", "MATE1A00X"} <= set(fw.courses)
    assert all(c.points == 100 for c in fw.courses.values())
    assert {it.course for it in fw.items} == set(fw.courses)


def test_subject_lists_keep_points_of_gy11_and_gy25(api):
    fw = load_curriculum(api / "syllabus_subjects_gy.json")
    assert fw.courses["MATMAT01a"].name == "Matematik 1a" and fw.courses["MATMAT01a"].points == 100
    gy25 = load_curriculum(api / "syllabus_subjects_gy25.json")
    assert gy25.courses["MATE1A00X"].name == "Matematik nivå 1a" and gy25.courses["MATE1A00X"].points == 100
    assert not gy25.items  # a list response holds no central content


def test_later_archive_in_newer_xml_schema():
    if not LATER_ARCHIVE.is_file():
        pytest.skip("later archive not present")
    fw = load_curriculum(LATER_ARCHIVE)
    assert len(fw.courses) > 1000 and len(fw.items) > 12000 and len(fw.packages) > 150
    course = fw.courses["SAAKÄL01S"]
    assert course.name == "Kälsvets 1" and course.points == 100 and len(course.items) == 8
    assert course.items[0].id == "SAAKÄL01S:cc1" and "<" not in course.items[0].text
    assert {"E", "C", "A"} <= set(course.grading) and course.grading["E"].startswith("Betyget E")
    # a "kommande version" (applies after the archive's date) does not replace the version in force
    inf = fw.courses["INFINF01"]
    assert "kommande" not in inf.provenance.source
    assert any("INFINF01" in w and "används inte" in w for w in fw.warnings)


def test_a_package_list_naming_a_subject_means_its_levels(api, tmp_path):
    """Komvux yrkespaket are built from ämnen or nivåer: a subject code in --courses stands for its levels."""
    from compare_app.model import Framework
    from compare_app.project import Project, Scope

    cur = load_curriculum(api / "syllabus_subject_mate.json")
    project = Project(Framework("standard", "s"), cur, scope=Scope(courses=["MATE", "ENGE"]))
    assert project.candidate_courses() == ["MATE1A00X", "MATE1B00X", "MATE2C00X"]
    assert project.missing_courses() == ["ENGE"]
