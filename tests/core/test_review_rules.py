"""How a person's decisions combine with the matcher's proposals (compare_app.alignment.effective)."""

from __future__ import annotations

import pytest

from compare_app.alignment import Alignment, Match, RequirementResult, Review, effective, summarise
from compare_app.model import Course, Framework, Item, Provenance
from compare_app.project import Project, Scope


def _result(status="partial", score=0.5, ids=("C:cc1", "C:cc2")):
    matches = [Match(i, "C", score - n * 0.1, f"text {i}") for n, i in enumerate(ids)]
    return RequirementResult("R1", status, score, matches)


def test_unreviewed_keeps_proposal():
    eff = effective(_result(), None)
    assert eff.status == "partial" and not eff.decided
    assert [ln.state for ln in eff.links] == ["proposed", "proposed"]


def test_accept_makes_covered_and_rejected_link_disappears():
    eff = effective(_result(), Review(links={"C:cc1": "rejected", "C:cc2": "accepted"}))
    assert eff.status == "covered" and eff.decided
    assert [(ln.item_id, ln.state) for ln in eff.links] == [("C:cc2", "accepted")]


def test_rejecting_the_top_proposals_makes_a_gap():
    eff = effective(_result(status="covered", score=0.8, ids=("C:cc1",)), Review(links={"C:cc1": "rejected"}))
    assert eff.status == "gap" and eff.decided


def test_status_override_wins():
    eff = effective(_result(), Review(links={"C:cc1": "accepted"}, status="partial"))
    assert eff.status == "partial"


def test_manual_link_without_proposal_has_no_score():
    eff = effective(None, Review(links={"D:cc9": "manual"}), "R1")
    assert eff.status == "covered" and eff.links[0].score is None and eff.requirement_id == "R1"


def test_summary_counts_partial_as_half():
    s = summarise(["covered", "partial", "gap", "gap"])
    assert (s.covered, s.partial, s.gap, s.total) == (1, 1, 2, 4)
    assert s.coverage == pytest.approx(0.375)


def _project() -> Project:
    prov = Provenance("t")
    std = Framework("standard", "S", [Item("R1", "a", prov, area="A"), Item("R2", "b", prov, area="B")])
    items = [Item(f"C:cc{n}", f"t{n}", prov, course="C") for n in (1, 2, 3)]
    cur = Framework("curriculum", "K", items, courses={"C": Course("C", "Kurs", 100, items)})
    p = Project(std, cur, Scope(courses=["C", "X"]))
    p.alignment = Alignment(
        {"R1": RequirementResult("R1", "gap", 0.2, [Match("C:cc1", "C", 0.2, "t1")]),
         "R2": RequirementResult("R2", "covered", 0.9, [Match("C:cc2", "C", 0.9, "t2")])},
        ["C"],
    )
    return p


def test_project_edits_return_previous_state_for_undo():
    p = _project()
    assert p.summary().gap == 1
    before = p.accept("R1", "C:cc1", by="Anna")
    assert before is None and p.effective("R1").status == "covered"
    assert p.reviews["R1"].decided_by == "Anna" and p.reviews["R1"].links == {"C:cc1": "accepted"}
    prev = p.link("R1", "C:cc3")
    assert p.reviews["R1"].links["C:cc3"] == "manual"
    p.set_review("R1", prev)  # undo the link
    assert "C:cc3" not in p.reviews["R1"].links
    p.set_review("R1", before)  # undo the accept
    assert "R1" not in p.reviews and p.effective("R1").status == "gap"


def test_project_scope_and_unknown_ids():
    p = _project()
    assert p.candidate_courses() == ["C"] and p.missing_courses() == ["X"]
    with pytest.raises(KeyError):
        p.link("R1", "NOPE:cc1")
    with pytest.raises(KeyError):
        p.set_note("R9", "x")
    p.set_note("R2", "kontrollerat på plats")
    assert p.effective("R2").note == "kontrollerat på plats" and p.effective("R2").status == "covered"


def test_accept_without_a_proposal_for_that_requirement_is_a_manual_link():
    """An alignment that predates a requirement (no result for it) must not break accepting."""
    p = _project()
    del p.alignment.results["R1"]
    p.accept("R1", "C:cc3")
    assert p.reviews["R1"].links == {"C:cc3": "manual"} and p.effective("R1").status == "covered"
