"""Formal requirements are recognised, kept apart from content coverage, and a person can reclassify them."""

from __future__ import annotations

import json

import pytest
from alignfactory import make_curriculum, make_standard

from compare_app.align import align
from compare_app.align.formal import formal_kind
from compare_app.alignment import Review, effective, summarise
from compare_app.project import Project


@pytest.mark.parametrize("text, kind", [
    ("Betyg i 2 500 poäng, varav 2 250 med lägst E", "betyg"),
    ("Det lägsta betyget som godtas är E", "betyg"),
    ("Slutbetyg från gymnasieskolan", "betyg"),
    ("Godkänt i 400 gymnasiepoäng inom programmet", "poäng"),
    ("Minst 1 600 h lärlingstid", "tid i yrket"),
    ("Yrkeserfarenhet om minst två år", "tid i yrket"),
    ("800 timmar handledd praktik", "tid i yrket"),
    ("Godkänt elsäkerhetsprov", "prov"),
    ("Ha avlagt yrkesprov", "prov"),
    ("Ha B-körkort", "behörighet"),
    ("Giltigt svetscertifikat enligt SS-EN ISO 9606-1", "behörighet"),
    ("Legitimation som undersköterska", "behörighet"),
    ("Arbeta säkert med truck (kräver truckkort)", "behörighet"),
    ("Gymnasieskolans Vård- och omsorgsprogram", "utbildning"),
    ("Genomgått El- och energiprogrammet med inriktning elteknik", "utbildning"),
    ("Yrkesexamen som undersköterska", "utbildning"),
    ("Beskriva hur programmet i styrsystemet är uppbyggt.", ""),
    # content requirements stay content, even with numbers, hours or the same words
    ("Mäta spänning och ström med multimeter.", ""),
    ("Definition av hög- och lågspänning", ""),
    ("Arbeta minst 8 timmar per dag enligt schema.", ""),
    ("Känna till kraven på elbehörighet.", ""),
    ("Utföra provtryckning av rörsystem.", ""),
    ("Läsa av mätkort och protokoll.", ""),
    ("Bedöma betydelsen av god hygien.", ""),
])
def test_formal_kinds_by_general_patterns(text, kind):
    assert formal_kind(text) == kind


def _standard():
    return make_standard([
        ("R1", "Svets", "Svetsa kälfogar i tunnplåt."),
        ("R2", "Behörighet", "Minst 1 600 h lärlingstid"),
        ("R3", "Behörighet", "Godkänt elsäkerhetsprov"),
        ("R4", "Svets", "Motorteknik 100 poäng (MOTOR01)"),  # names a course: a course requirement, not formal
    ])


def test_formal_requirements_are_apart_from_content_coverage():
    result = align(_standard(), make_curriculum(), None, top_k=3)
    assert [result.results[r].formal for r in ("R1", "R2", "R3", "R4")] == ["", "tid i yrket", "prov", ""]
    effs = {r: effective(result.results[r], None) for r in ("R1", "R2", "R3", "R4")}
    assert effs["R2"].status == effs["R3"].status == "formal" and not effs["R2"].decided
    assert effs["R2"].content_status in ("covered", "partial", "gap")  # kept for when a person moves it out
    summary = summarise([e.status for e in effs.values()])
    assert summary.formal == 2 and summary.total == 2
    assert summary.coverage == summarise([effs["R1"].status, effs["R4"].status]).coverage


def test_a_person_moves_requirements_in_and_out_and_it_is_saved(tmp_path):
    from compare_app.project.storage import load, save

    project = Project(_standard(), make_curriculum())
    project.align()
    assert project.effective("R2").status == "formal"
    project.set_formal("R2", False, by="Ada")
    project.set_formal("R1", True, by="Ada")
    r2, r1 = project.effective("R2"), project.effective("R1")
    assert r2.status in ("covered", "partial", "gap") and r2.formal == ""
    assert r1.status == "formal" and r1.formal == "formellt krav" and r1.decided
    assert project.summary().formal == 2  # R1 (moved in) and R3 (recognised)
    path = tmp_path / "p.cmpproj"
    save(project, path)
    loaded = load(path).project
    assert loaded.reviews["R2"].formal is False and loaded.reviews["R1"].formal is True
    assert loaded.effective("R1").status == "formal" and loaded.effective("R2").status != "formal"
    loaded.align()  # a new run keeps the decision
    assert loaded.effective("R2").status != "formal"
    previous = loaded.set_formal("R1", None)
    assert previous.formal is True and loaded.effective("R1").status != "formal"


def test_json_reports_formal_apart_and_keeps_status_meaning(tmp_path):
    from compare_app.exporters.alignment_json import to_dict

    project = Project(_standard(), make_curriculum())
    project.align()
    doc = json.loads(json.dumps(to_dict(project)))
    reqs = {r["id"]: r for r in doc["requirements"]}
    assert reqs["R2"]["formal"] == "tid i yrket" and reqs["R2"]["status"] in ("covered", "partial", "gap")
    assert reqs["R4"]["named_courses"] == [{"code": "MOTOR01", "name": "Motorteknik", "in_scope": True}]
    assert reqs["R4"]["matches"][0]["item"] == "MOTOR01" and reqs["R1"]["remark"] == ""
    s = doc["summary"]
    assert s["formal"] == 2 and s["total"] == 2 and s["covered"] + s["partial"] + s["gap"] == 2


def test_planner_does_not_try_to_cover_formal_requirements():
    from compare_app.planner.coverage import build_coverage

    std, cur = _standard(), make_curriculum()
    cov = build_coverage(std, cur, align(std, cur, None, top_k=3), count_partial=True)
    assert "R2" not in cov.requirements and "R3" not in cov.requirements
    assert all("R2" not in reqs and "R3" not in reqs for reqs in cov.covers.values())


def test_units_leave_formal_requirements_out_of_open_ones_and_count_whole_courses():
    from compare_app.units.compute import view
    from compare_app.units.model import Unit

    project = Project(_standard(), make_curriculum())
    project.align()
    unit = view(project, Unit("U1", "Allt", ["R1", "R2", "R3", "R4"]), closing=False)
    assert "R2" not in unit.verdict and "R3" not in unit.verdict
    motor = next(c for c in unit.courses if c.code == "MOTOR01")
    assert motor.points_attributed == 100  # R4 names the whole course


def test_a_status_set_by_hand_judges_content_unless_moved_into_the_class():
    result = align(_standard(), make_curriculum(), None, top_k=3).results["R3"]
    assert effective(result, Review(status="covered")).status == "covered"
    assert effective(result, Review(status="covered", formal=True)).status == "formal"


def test_a_unit_of_formal_requirements_only_says_so_and_counts_no_points():
    from compare_app.units.compute import view
    from compare_app.units.model import Unit

    project = Project(_standard(), make_curriculum())
    project.align()
    unit = view(project, Unit("U2", "Behörighet", ["R2", "R3"]), closing=False)
    assert unit.status == "formal" and unit.verdict.startswith("Bara formella krav")
    assert unit.points == 0 and unit.courses == []


@pytest.mark.real_data
def test_course_content_is_almost_never_taken_for_a_formal_requirement(real_catalog):
    """The 12,115 central-content items are what courses teach: the patterns must leave them alone.

    Two remain (a list of topics naming "behörigheter"); a change that makes topic words like
    "Certifieringssystem" or "Kretskort" formal fails here.
    """
    hits = [it.text for it in real_catalog.items if formal_kind(it.text)]
    assert len(hits) <= 3, hits[:10]
