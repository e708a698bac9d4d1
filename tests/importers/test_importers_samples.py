"""The bundled samples that ``compare-app demo`` reads: consistent, complete and our own text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from compare_app.importers import load_curriculum, load_package, load_standard

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
WELDER = "Industritekniska programmet / Svetsare"


def _rows(fw):
    return [(it.id, it.area, it.kind, it.level, it.text) for it in fw.items]


def _generator():
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_xlsx_and_docx_hold_the_same_standard():
    xlsx = load_standard(SAMPLES / "standard_svetsare.xlsx")
    docx = load_standard(SAMPLES / "standard_svetsare.docx")
    assert _rows(xlsx) == _rows(docx)
    assert xlsx.title == docx.title and xlsx.warnings == [] and docx.warnings == []
    assert 25 <= len(xlsx.items) <= 35 and len(xlsx.areas()) == 5
    assert {it.level for it in xlsx.items} == {"3", "4"}
    assert {it.kind for it in xlsx.items} == {"kunskap", "färdighet", "kompetens"}
    assert xlsx.items[0].provenance.locator == "blad Krav, rad 5"  # title rows above the header


def test_committed_files_match_the_generator(tmp_path):
    gen = _generator()
    gen.main(tmp_path)
    for name in ("standard_svetsare.xlsx", "standard_svetsare.docx"):
        assert _rows(load_standard(tmp_path / name)) == _rows(load_standard(SAMPLES / name))
    for name in ("yrkespaket_svetsare.csv", "facit_svetsare.json"):
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes()
    for xml in (tmp_path / "kursplaner").rglob("*.xml"):
        assert xml.read_bytes() == (SAMPLES / "kursplaner" / xml.relative_to(tmp_path / "kursplaner")).read_bytes()
    assert len(_rows(load_standard(tmp_path / "standard_svetsare.xlsx"))) == sum(len(r) for _, r in gen.STANDARD)


def test_curriculum_package_and_csv_agree():
    cur = load_curriculum(SAMPLES / "kursplaner")
    assert 4 <= len(cur.courses) <= 6
    welder = cur.packages[WELDER]
    assert welder.course_codes == load_package(SAMPLES / "yrkespaket_svetsare.csv")
    assert set(welder.course_codes) == set(cur.courses)
    for course in cur.courses.values():
        assert course.points == 100 and set(course.grading) == {"E", "C", "A"} and len(course.items) >= 4
        assert all(it.id == f"{course.code}:cc{it.position}" for it in course.items)
    assert any(it.section for it in cur.items) and any(not it.section for it in cur.items)


def test_sample_xml_uses_skolverket_namespaces_and_escaped_html():
    text = (SAMPLES / "kursplaner" / "subject" / "Sammanfogningsteknik.xml").read_text(encoding="utf-8")
    assert 'xmlns="http://syllabus2011subject.types.skolverket.se/v1_4"' in text
    assert "&lt;h4&gt;" in text and "&lt;li&gt;" in text and "<gradeStep>A</gradeStep>" in text
    program = next((SAMPLES / "kursplaner" / "program").glob("*.xml")).read_text(encoding="utf-8")
    assert 'xmlns="http://syllabus2011program.types.skolverket.se/v1_7"' in program


@pytest.mark.real_data
def test_sample_sentences_are_not_copied_from_skolverket(real_catalog):
    """Course codes, names and points are facts; every sentence must be our own."""
    real = {it.text for it in real_catalog.items}
    real |= {c.description for c in real_catalog.courses.values()}
    real |= {g for c in real_catalog.courses.values() for g in c.grading.values()}
    cur = load_curriculum(SAMPLES / "kursplaner")
    ours = [it.text for it in cur.items] + [c.description for c in cur.courses.values()]
    ours += [g for c in cur.courses.values() for g in c.grading.values()]
    ours += [it.text for it in load_standard(SAMPLES / "standard_svetsare.xlsx").items]
    assert not [s for s in ours if s in real]
    sample_codes = set(cur.courses)
    assert sample_codes <= set(real_catalog.packages[WELDER].course_codes)
    assert all(cur.courses[c].name == real_catalog.courses[c].name for c in sample_codes)


def test_answer_key_refers_to_real_requirements_and_items():
    import json

    key = json.loads((SAMPLES / "facit_svetsare.json").read_text(encoding="utf-8"))
    standard = load_standard(SAMPLES / "standard_svetsare.xlsx")
    cur = load_curriculum(SAMPLES / "kursplaner")
    assert set(key) == {it.id for it in standard.items}
    statuses = [v["status"] for v in key.values()]
    assert statuses.count("gap") in (3, 4) and 2 <= statuses.count("partial") <= 5
    assert statuses.count("covered") > len(key) / 2
    for entry in key.values():
        assert all(cur.get(item_id) is not None for item_id in entry["items"])
        assert (entry["status"] == "gap") == (not entry["items"])
