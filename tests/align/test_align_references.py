"""Requirements that name a course or a level are linked to that course as a whole."""

from __future__ import annotations

import pytest
from alignfactory import make_curriculum, make_standard

from compare_app.align import align
from compare_app.align.references import BRIDGE, CourseNames
from compare_app.alignment import Review, effective
from compare_app.model import Course, Item, Provenance


def _curriculum():
    fw = make_curriculum()
    extra = {"ELLPRA0": ("Praktisk ellära", ["Mätning av ström och spänning.", "Ellära i praktiska arbeten."]),
             "DAODAT01a": ("Datorteknik 1a", ["Datorns uppbyggnad."]),
             "MATE1A00X": ("Matematik nivå 1a", ["Procent och andelar."]),
             "MATX01": ("Material", ["Egenskaper hos material."])}
    for code, (name, texts) in extra.items():
        course = Course(code, name, 100)
        course.items = [Item(f"{code}:cc{n}", t, Provenance("t"), area=name, course=code, position=n)
                        for n, t in enumerate(texts, start=1)]
        fw.courses[code] = course
    fw.items = [it for c in fw.courses.values() for it in c.items]
    return fw


@pytest.mark.parametrize("text, codes", [
    ("Praktisk ellära 100 poäng (ELLPRA0)", ["ELLPRA0"]),
    ("Kunskaper motsvarande Datorteknik 1a", ["DAODAT01a"]),
    ("datorteknik 1a och matematik nivå 1a", ["DAODAT01a", "MATE1A00X"]),
    ("Kursen MATE1A00X eller motsvarande", ["MATE1A00X"]),
    ("Elkraftteknik 100 poäng (ELRELF0)", ["ELRELF0"]),  # not loaded: named all the same
    ("Kursen Material", ["MATX01"]),
    ("Välja material efter användning.", []),  # a bare name that is an ordinary word
    ("Datorteknik 1ab och Datorteknik", []),
])
def test_names_and_codes_are_found(text, codes):
    assert [n.code for n in CourseNames(_curriculum()).find(text)] == codes


def test_named_course_is_a_certain_whole_course_link_shown_first():
    cur = _curriculum()
    std = make_standard([("R1", "El", "Praktisk ellära 100 poäng (ELLPRA0)"), ("R2", "El", "Mäta ström och spänning.")])
    result = align(std, cur, None, top_k=3)
    r1 = result.results["R1"]
    first = r1.matches[0]
    assert (first.item_id, first.course, first.score) == ("ELLPRA0", "ELLPRA0", 1.0)
    assert first.evidence[0].bridge == BRIDGE and first.text == "Praktisk ellära (ELLPRA0), 100 poäng"
    assert r1.status == "covered" and r1.named_courses == ["ELLPRA0"] and r1.remark == ""
    assert any(m.item_id.startswith("ELLPRA0:cc") for m in r1.matches[1:])  # the items remain as detail
    assert all(m.course == "ELLPRA0" for m in r1.matches)  # no "Ellära" from another course
    assert result.results["R2"].named_courses == [] and result.results["R2"].matches[0].item_id != "ELLPRA0"


def test_named_course_outside_the_package_is_a_specific_gap():
    cur = _curriculum()
    std = make_standard([("R1", "El", "Elkraftteknik 100 poäng (ELRELF0)"), ("R2", "El", "Praktisk ellära 100 poäng (ELLPRA0)"),
                         ("R3", "El", "Datorteknik 1a och Praktisk ellära (ELLPRA0)")])
    result = align(std, cur, ["SVETS01", "DAODAT01a"], top_k=3)
    r1, r2, r3 = (result.results[k] for k in ("R1", "R2", "R3"))
    assert r1.status == "gap" and r1.remark == "kräver ELRELF0, som inte finns i de inlästa kursplanerna"
    assert r2.status == "gap" and r2.remark == "kräver ELLPRA0, som inte ingår i paketet"
    assert r2.matches == []  # other courses' content is not what the requirement asks for
    assert r3.status == "partial" and r3.matches[0].item_id == "DAODAT01a" and "ELLPRA0" in r3.remark
    assert effective(r2, None).remark == r2.remark


def test_a_rejected_course_link_is_not_made_again():
    cur = _curriculum()
    std = make_standard([("R1", "El", "Praktisk ellära 100 poäng (ELLPRA0)")])
    review = Review(links={"ELLPRA0": "rejected"})
    result = align(std, cur, None, top_k=3, feedback={"R1": review})
    assert all(m.item_id != "ELLPRA0" for m in result.results["R1"].matches)
    first = align(std, cur, None, top_k=3).results["R1"]
    assert effective(first, review).status == "gap"  # the person's rejection stands against the certain link


@pytest.mark.real_data
def test_real_catalog_links_the_issue_examples(real_catalog):
    std = make_standard([("E1", "El", "Praktisk ellära 100 poäng (ELLPRA0)"),
                         ("E2", "El", "Elkraftteknik 100 poäng (ELRELF0)"),
                         ("E3", "Data", "Datorteknik 1a"), ("E4", "Energi", "Energiteknik 1")])
    result = align(std, real_catalog, None, top_k=3)
    tops = {rid: (r.matches[0].item_id, r.status) for rid, r in result.results.items()}
    assert tops == {"E1": ("ELLPRA0", "covered"), "E2": ("ELRELF0", "covered"),
                    "E3": ("DAODAT01a", "covered"), "E4": ("ENEENE01", "covered")}
    codes = [c for c in real_catalog.packages["Sjöfartsutbildningen / Fartygselektriker"].course_codes if c != "ELRELF0"]
    package = align(std, real_catalog, codes)
    assert package.results["E1"].matches[0].item_id == "ELLPRA0"
    assert package.results["E2"].status == "gap" and package.results["E2"].remark == "kräver ELRELF0, som inte ingår i paketet"


def test_twins_in_other_courses_do_not_stand_for_the_named_course():
    """The planner counts twins as covering in their own course; a named course is not replaced by a copy."""
    cur = _curriculum()
    copy = Item("SVETS01:cc9", "Mätning av ström och spänning.", Provenance("t"), area="Svetsning grund", course="SVETS01")
    cur.courses["SVETS01"].items.append(copy)
    cur.items.append(copy)
    std = make_standard([("R1", "El", "Praktisk ellära 100 poäng (ELLPRA0), mätning av ström och spänning")])
    r1 = align(std, cur, None, top_k=5).results["R1"]
    assert all(t.course == "ELLPRA0" for m in r1.matches for t in m.twins)
    assert {ref.course for m in r1.matches for ref in m.items()} == {"ELLPRA0"}

