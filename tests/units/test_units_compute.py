"""Unit coverage, workload attribution, verdicts and closing courses on hand-made data."""

from __future__ import annotations

import pytest
from units_fixtures import course, curriculum, standard, welding_project

from compare_app.alignment import Alignment, Match, RequirementResult, Review
from compare_app.project import Project, Scope
from compare_app.units import compute
from compare_app.units.model import Unit


def _result(rid, status, matches):
    score = max((s for _, s in matches), default=0.0)
    return RequirementResult(rid, status, score, [Match(i, i.split(":")[0], s, "") for i, s in matches])


@pytest.fixture()
def points_project() -> Project:
    """Course A: 100 p, 4 items; course B: 50 p, 5 items; hand-made proposals and decisions."""
    cur = curriculum(
        course("AAA01", "Kurs A", 100, ["a1", "a2", "a3", "a4"]),
        course("BBB01", "Kurs B", 50, ["b1", "b2", "b3", "b4", "b5"]),
    )
    std = standard([(f"R{n}", "Område", "kunskap", f"krav {n}", None) for n in range(1, 6)])
    results = {
        # accepted two items of A
        "R1": _result("R1", "partial", [("AAA01:cc1", 0.5), ("AAA01:cc2", 0.5)]),
        # hand-linked A:cc2 again (must not count twice) and B:cc1
        "R2": _result("R2", "gap", [("AAA01:cc4", 0.2)]),
        # undecided, partial: the best proposal B:cc2 counts, the alternative B:cc3 does not
        "R3": _result("R3", "partial", [("BBB01:cc2", 0.5), ("BBB01:cc3", 0.3)]),
        # undecided gap: its proposals do not count
        "R4": _result("R4", "gap", [("AAA01:cc3", 0.4)]),
        # accepted one proposal; the other proposal then does not count
        "R5": _result("R5", "covered", [("BBB01:cc2", 0.9), ("BBB01:cc5", 0.8)]),
    }
    p = Project(std, cur, scope=Scope(courses=["AAA01", "BBB01"]))
    p.alignment = Alignment(results, ["AAA01", "BBB01"], "hand", {"covered": 0.6, "partial": 0.45})
    p.reviews["R1"] = Review(links={"AAA01:cc1": "accepted", "AAA01:cc2": "accepted"})
    p.reviews["R2"] = Review(links={"AAA01:cc2": "manual", "BBB01:cc1": "manual"})
    p.reviews["R5"] = Review(links={"BBB01:cc2": "accepted"})
    p.settings.hours_per_point = 1.5
    return p


def test_points_are_attributed_by_distinct_items_used(points_project):
    unit = Unit("E01", "Alla", ["R1", "R2", "R3", "R4", "R5"])
    v = compute.view(points_project, unit)
    by_code = {c.code: c for c in v.courses}
    # A: cc1, cc2 (R1, R2 share cc2) -> 2 of 4 items of 100 p
    assert (by_code["AAA01"].items_used, by_code["AAA01"].items_total) == (2, 4)
    assert by_code["AAA01"].points_attributed == pytest.approx(100 * 2 / 4)
    # B: cc1 (R2), cc2 (R3 proposed, R5 accepted) -> 2 of 5 items of 50 p
    assert (by_code["BBB01"].items_used, by_code["BBB01"].items_total) == (2, 5)
    assert by_code["BBB01"].points_attributed == pytest.approx(50 * 2 / 5)
    assert v.points == pytest.approx(50 + 20)
    assert v.hours == pytest.approx(70 * 1.5)
    assert v.linked_items["R4"] == []
    assert v.linked_items["R3"] == ["BBB01:cc2"]


def test_several_partial_proposals_count_when_together_they_make_the_status(points_project):
    p = points_project
    th = p.alignment.thresholds  # covered 0.6, partial 0.45
    # covered only together: 1 - 0.5 * 0.5 = 0.75 >= 0.6 after two items; the third is not needed
    p.alignment.results["R4"] = _result("R4", "covered", [("AAA01:cc1", 0.5), ("AAA01:cc3", 0.5), ("AAA01:cc4", 0.5)])
    assert compute.view(p, Unit("E", "x", ["R4"])).linked_items["R4"] == ["AAA01:cc1", "AAA01:cc3"]
    # one strong item is enough on its own: its runner-up is an alternative
    p.alignment.results["R4"] = _result("R4", "covered", [("AAA01:cc1", 0.9), ("BBB01:cc1", 0.8)])
    v = compute.view(p, Unit("E", "x", ["R4"]))
    assert v.linked_items["R4"] == ["AAA01:cc1"]
    assert v.points == pytest.approx(100 / 4)
    assert th["covered"] == 0.6


def test_a_requirement_subset_draws_only_on_its_own_items(points_project):
    v = compute.view(points_project, Unit("E02", "R3", ["R3"]))
    assert [(c.code, c.items_used) for c in v.courses] == [("BBB01", 1)]
    assert v.points == pytest.approx(50 / 5)


def test_verdict_names_missing_requirements_and_marks_partial_ones(points_project):
    points_project.reviews["R2"] = Review(status="partial")
    v = compute.view(points_project, Unit("E01", "Alla", ["R1", "R2", "R4"]))
    assert v.verdict.startswith("Täckt utom R2 (delvis) och R4")


def test_verdict_never_says_covered_when_no_requirement_is(points_project):
    points_project.reviews["R2"] = Review(status="partial")
    v = compute.view(points_project, Unit("E01", "Ingen täckt", ["R2", "R4"]))
    assert v.status == "partial" and v.summary.covered == 0
    assert v.verdict.startswith("Inget krav helt täckt: R2 (delvis) och R4")


def test_statuses_summary_and_kinds(points_project):
    v = compute.view(points_project, Unit("E01", "Alla", ["R1", "R4", "R5"]))
    assert v.statuses == {"R1": "covered", "R4": "gap", "R5": "covered"}
    assert (v.summary.covered, v.summary.partial, v.summary.gap) == (2, 0, 1)
    assert v.status == "partial"
    assert v.kinds == {"R1": "kunskap", "R4": "kunskap", "R5": "kunskap"}


def test_empty_unit_and_stale_links(points_project):
    v = compute.view(points_project, Unit("E", "tom", []))
    assert (v.status, v.verdict, v.points, v.courses) == ("gap", "Inga krav i enheten", 0.0, [])
    # a hand-made link to an item the loaded curriculum no longer has adds no points
    points_project.reviews["R4"] = Review(links={"AAA01:cc99": "manual"})
    v = compute.view(points_project, Unit("E", "x", ["R4"]))
    assert v.statuses == {"R4": "covered"} and v.courses == [] and v.points == 0.0
    assert v.verdict == "Helt täckt enligt bedömarens beslut"


def test_unknown_requirement_ids_are_ignored(points_project):
    v = compute.view(points_project, Unit("E01", "x", ["R1", "borttaget"]))
    assert list(v.statuses) == ["R1"]


def test_fully_covered_unit_says_so():
    p = welding_project()
    p.align()
    v = compute.view(p, Unit("E01", "Svetsning", ["R1", "R2"]))
    assert v.status == "covered"
    assert v.verdict.startswith("Helt täckt av")
    assert "SVE01" in v.verdict
    assert v.closing_courses == []


def test_gap_unit_names_the_course_that_closes_it():
    p = welding_project()
    p.align()
    v = compute.view(p, Unit("E03", "Truck", ["R4", "R5"]))
    assert v.status == "gap"
    assert v.verdict.startswith("Inte täckt: kräver kompletterande utbildning")
    # only the truck course (outside the package) holds both requirements
    assert v.closing_courses == ["LYF01"]
    assert "LYF01" in v.verdict


def test_partly_covered_unit_names_what_is_missing():
    p = welding_project()
    p.align()
    v = compute.view(p, Unit("E09", "Blandat", ["R1", "R4"]))
    assert v.status == "partial"
    assert v.verdict.startswith("Täckt utom R4")
    assert v.closing_courses == ["LYF01"]


def test_closing_courses_is_a_small_set_cover():
    p = welding_project()
    got = compute.closing_courses_for(p, ["R1", "R4", "R5", "R3"], exclude=())
    covered = {rid for _, ids in got for rid in ids}
    assert covered == {"R1", "R3", "R4", "R5"}
    assert dict(got)["LYF01"] == ["R4", "R5"]
    assert len(got) == 3  # truck, welding, material: no smaller cover exists


def test_closing_courses_never_suggest_excluded_courses():
    p = welding_project()
    assert compute.closing_courses_for(p, ["R1"], exclude=()) == [("SVE01", ["R1"])]
    assert all(code != "SVE01" for code, _ in compute.closing_courses_for(p, ["R1"], exclude=["SVE01"]))
    # by default the courses already in scope (SVE01, MAT01) are not suggested
    assert all(code not in ("SVE01", "MAT01") for code, _ in compute.closing_courses_for(p, ["R1", "R3", "R4"]))
    p.scope.courses = ["LYF01"]
    assert compute.closing_courses_for(p, ["R4"]) == []


def test_closing_courses_prefer_clear_best_matches_over_one_weak_course(monkeypatch):
    """Greedy cover must not trade two strong matches for one course that weakly touches both."""
    import compare_app.align as align_mod

    scores = {"R4": [("SVE01:cc1", 0.9), ("BRA01:cc1", 0.5)], "R5": [("MAT01:cc1", 0.9), ("BRA01:cc1", 0.5)]}

    def fake_align(standard, curriculum, courses, **kw):
        results = {it.id: _result(it.id, "covered", scores.get(it.id, [])) for it in standard.items}
        return Alignment(results, [], "fake", {"covered": 0.3, "partial": 0.1})

    monkeypatch.setattr(align_mod, "align", fake_align)
    got = dict(compute.closing_courses_for(welding_project(), ["R4", "R5"], exclude=()))
    assert got == {"SVE01": ["R4"], "MAT01": ["R5"]}
    # when the shared course is nearly as good for both, one course is the shorter answer
    scores["R4"][1] = ("BRA01:cc1", 0.85)
    scores["R5"][1] = ("BRA01:cc1", 0.8)
    assert compute.closing_courses_for(welding_project(), ["R4", "R5"], exclude=()) == [("BRA01", ["R4", "R5"])]


def test_closing_courses_are_memoised(monkeypatch):
    p = welding_project()
    first = compute.closing_courses_for(p, ["R4"])
    calls = []
    import compare_app.align as align_mod

    real = align_mod.align
    monkeypatch.setattr(align_mod, "align", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert compute.closing_courses_for(p, ["R4"]) == first
    assert calls == []
    # a changed requirement text is aligned again
    p.standard.item("R4").text = "egenskaper hos stål och aluminium"
    assert compute.closing_courses_for(p, ["R4"], exclude=()) == [("MAT01", ["R4"])]
    assert calls == [1]


def test_level_falls_back_to_the_standard():
    p = welding_project()
    p.align()
    assert compute.view(p, Unit("E01", "x", ["R1", "R2", "R3"])).level == "4"
    assert compute.view(p, Unit("E01", "x", ["R1"], level="5")).level == "5"
    assert compute.view(p, Unit("E01", "x", ["R4"])).level == ""


def test_units_json_has_the_contract_fields():
    from compare_app.units.propose import ensure_units

    p = welding_project()
    p.align()
    ensure_units(p)
    data = compute.units_json(p)
    assert [d["id"] for d in data] == [u.id for u in p.units]
    for d, u in zip(data, p.units):
        assert {"id", "title", "requirements", "coverage", "courses", "points", "level", "status"} <= set(d)
        assert d["requirements"] == u.requirement_ids
        cov = d["coverage"]
        assert cov["covered"] + cov["partial"] + cov["gap"] == len(u.requirement_ids)
        assert d["points"] == pytest.approx(sum(c["points"] for c in d["courses"]))
    import json

    json.dumps(data)  # plain data only


def test_eu_elements_mark_what_the_issuer_must_fill():
    p = welding_project()
    p.align()
    unit = Unit("E01", "Svetsning", ["R1", "R2"], level="4", assessment="praktiskt prov")
    eu = compute.eu_elements(p, unit)
    assert len(eu) == 11  # ten mandatory elements + quality assurance
    assert eu["title"]["value"] == "Svetsning"
    assert eu["assessment"] == {"label": "Typ av bedömning", "value": "praktiskt prov", "filled": True}
    assert [o["id"] for o in eu["learning_outcomes"]["value"]] == ["R1", "R2"]
    assert eu["level"]["value"] == "SeQF 4 (EQF 4)"
    assert eu["workload"]["value"]["hours"] == compute.view(p, unit).hours
    for key in ("learner_identification", "date_of_issuing", "awarding_body", "participation_form", "quality_assurance"):
        assert eu[key]["filled"] is False
        assert eu[key]["value"] == compute.TO_BE_FILLED


def test_a_formal_requirement_is_never_named_as_open_in_either_verdict(points_project):
    """The reports' verdict and the GUI's (view_verdict) agree: a formal requirement is not missing."""
    points_project.reviews["R2"] = Review(status="partial")
    points_project.reviews["R4"] = Review(formal=True)
    v = compute.view(points_project, Unit("E01", "Alla", ["R1", "R2", "R4"]))
    assert compute.view_verdict(v) == v.verdict
    assert "R4" not in v.verdict and "R2 (delvis)" in v.verdict
