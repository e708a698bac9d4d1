"""Candidate records, credit per course and the complementary plan on a hand-checkable project."""

from __future__ import annotations

import pytest

from compare_app.candidates import edit
from compare_app.candidates.credit import credit
from compare_app.candidates.outcome import evaluate
from compare_app.errors import InputError
from candfactory import accept_best, coverage_of


def _show(project, candidate, shown=(), partly=(), not_shown=()):
    for status, ids in (("shown", shown), ("partly_shown", partly), ("not_shown", not_shown)):
        for rid in ids:
            edit.record(project, candidate, rid, status, day="2026-11-30", method="practical")


def _by_code(credits):
    return {c.code: c for c in credits}


def test_only_accepted_links_of_shown_requirements_count(project):
    cand = edit.add_candidate(project, "Testa Testsson")
    _show(project, cand, shown=["R1", "R2"], partly=["R3"])
    assert all(not c.covered for c in credit(project, cand))  # proposals alone never credit
    accept_best(project)
    weld1 = _by_code(credit(project, cand, threshold=0.5))["WELD1"]
    assert [i.item_id for i in weld1.covered] == ["W1", "W2"]  # R3 is only partly shown
    assert [i.item_id for i in weld1.uncovered] == ["W3", "W4"]
    assert weld1.share == 0.5 and weld1.proposed
    assert weld1.evidence() == ["R1", "R2"]


def test_a_word_for_word_copy_is_credited_in_its_own_course(project):
    accept_best(project)
    cand = edit.add_candidate(project, "A")
    _show(project, cand, shown=["R1"])
    weld2 = _by_code(credit(project, cand))["WELD2"]
    assert [(i.item_id, i.requirements) for i in weld2.covered] == [("X1", ["R1"])]


def test_a_rejected_copy_does_not_count(project):
    accept_best(project)
    project.reject("R1", "X1")
    cand = edit.add_candidate(project, "A")
    _show(project, cand, shown=["R1"])
    assert not _by_code(credit(project, cand))["WELD2"].covered


def test_threshold_decides_the_proposal_and_courses_are_ranked(project):
    accept_best(project)
    cand = edit.add_candidate(project, "A")
    _show(project, cand, shown=["R1", "R2", "R3", "R4"])
    ranked = credit(project, cand, threshold=0.75)
    assert [c.code for c in ranked] == ["WELD1", "SAFE1", "WELD2"]  # 3/4, 1/2, 1/3
    assert [c.proposed for c in ranked] == [True, False, False]
    project.settings.credit_threshold = 0.5
    assert [c.proposed for c in credit(project, cand)] == [True, True, False]


def test_plan_closes_what_is_not_shown_without_credited_courses(project):
    accept_best(project)
    project.link("R3", "W5")  # R3 can also be closed by WELD2
    cand = edit.add_candidate(project, "A")
    _show(project, cand, shown=["R1", "R2", "R4"], partly=["R5"])  # R3 unrecorded
    outcome = evaluate(project, cand, threshold=0.5, coverage=coverage_of(project))
    assert [c.code for c in outcome.credited] == ["WELD1", "SAFE1"]
    assert outcome.open_requirements == ["R3", "R5"]
    plan = outcome.plan
    assert {c.code for c in plan.courses} == {"WELD2"}  # WELD1 and SAFE1 are credited: not planned
    assert plan.covered == ["R3"] and plan.uncovered == ["R5"] and plan.points == 100
    assert set(plan.exclude) == {"WELD1", "SAFE1"}


def test_a_must_course_wins_over_credit_and_budget_is_kept(project):
    accept_best(project)
    cand = edit.add_candidate(project, "A")
    _show(project, cand, shown=["R1", "R2", "R3"], not_shown=["R4", "R5"])
    cov = coverage_of(project)
    outcome = evaluate(project, cand, threshold=0.5, must=["weld1"], coverage=cov)
    assert "WELD1" in [c.code for c in outcome.plan.courses]
    assert evaluate(project, cand, threshold=0.5, budget=40, coverage=cov).plan.courses == []
    with pytest.raises(InputError, match="kostar"):
        evaluate(project, cand, threshold=0.5, must=["WELD2"], budget=50, coverage=cov)


def test_everything_shown_needs_no_plan_and_completes_every_unit(project):
    accept_best(project)
    cand = edit.add_candidate(project, "A")
    _show(project, cand, shown=["R1", "R2", "R3", "R4", "R5"])
    outcome = evaluate(project, cand, coverage=coverage_of(project))
    assert outcome.plan is None and outcome.open_requirements == []
    assert [u.id for u in outcome.units_completed] == ["E1", "E2"]
    edit.record(project, cand, "R5", "partly_shown")
    assert [u.id for u in evaluate(project, cand, coverage=coverage_of(project)).units_completed] == ["E1"]


def test_records_are_checked_and_return_what_they_replace(project):
    cand = edit.add_candidate(project, "A")
    assert cand.ref == "K1" and edit.add_candidate(project, "B").ref == "K2"
    with pytest.raises(ValueError, match="K1"):
        edit.add_candidate(project, "C", ref="K1")
    with pytest.raises(ValueError, match="namn"):
        edit.add_candidate(project, "  ")
    with pytest.raises(ValueError, match="R9"):
        edit.record(project, cand, "R9", "shown")
    with pytest.raises(ValueError, match="datum"):
        edit.record(project, cand, "R1", "shown", day="30/11")
    with pytest.raises(ValueError, match="bedömningsform"):
        edit.record(project, cand, "R1", "shown", method="hörsägen")
    assert edit.record(project, cand, "R1", "shown", note="  bra  ") is None
    old = edit.record(project, cand, "R1", "not_shown")
    assert old.status == "shown" and old.note == "bra"
    assert edit.record(project, cand, "R1", None).status == "not_shown" and "R1" not in cand.results
    assert edit.find(project, "k2").name == "B"
    pos, removed = edit.remove_candidate(project, cand.id)
    assert pos == 0 and removed is cand and edit.find(project, "K1") is None
