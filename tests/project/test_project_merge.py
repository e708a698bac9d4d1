"""The three-way merge of two people's versions, as a property: nothing one side did alone is lost,
and every place both changed differently is reported."""

from __future__ import annotations

import copy
import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.alignment import Review
from compare_app.project.merge import Conflict, merge3
from compare_app.project.model import Project
from compare_app.units.model import Unit
from projfactory_storage import make_project

BASE = make_project(n_courses=3, items_per_course=3, n_reqs=8, seed=3)
RIDS = [it.id for it in BASE.standard.items]

# per requirement: leave it, write a note (one of a few, so both sides sometimes agree), or clear the decision
edit = st.one_of(st.none(), st.sampled_from(["a", "b", "c"]), st.just("clear"))
edits = st.fixed_dictionaries({rid: edit for rid in RIDS})


def apply(project, changes):
    for rid, change in changes.items():
        if change == "clear":
            project.set_review(rid, None)
        elif change is not None:
            project.set_review(rid, Review(note=change))
    return project


@settings(max_examples=150, deadline=None)
@given(edits, edits, st.booleans(), st.booleans())
def test_merge_keeps_one_sided_changes_and_reports_every_clash(mine, theirs_edits, i_retitle, they_retitle):
    base = copy.deepcopy(BASE)
    ours = apply(copy.deepcopy(BASE), mine)
    theirs = apply(copy.deepcopy(BASE), theirs_edits)
    if i_retitle:
        ours.title = "min titel"
    if they_retitle:
        theirs.title = "deras titel"
    result = merge3(base, ours, theirs)
    merged = result.project.reviews
    for rid in RIDS:
        b, o, t = (p.reviews.get(rid) for p in (base, ours, theirs))
        if o == t or t == b:
            assert merged.get(rid) == o
        elif o == b:
            assert merged.get(rid) == t and Conflict("reviews", rid) in result.taken
        else:
            assert merged.get(rid) == o and Conflict("reviews", rid) in result.conflicts
    clashing = {c.key for c in result.conflicts if c.field == "reviews"}
    assert clashing == {rid for rid in RIDS if ours.reviews.get(rid) not in (base.reviews.get(rid), theirs.reviews.get(rid))
                        and theirs.reviews.get(rid) != base.reviews.get(rid)}
    expected_title = "min titel" if i_retitle else ("deras titel" if they_retitle else BASE.title)
    assert result.project.title == expected_title
    assert (Conflict("title") in result.conflicts) == (i_retitle and they_retitle)


def test_units_merge_by_id_keeping_our_order_and_their_new_ones():
    base = copy.deepcopy(BASE)
    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    ours.units[0].title = "vår rubrik"
    theirs.units.append(Unit("U9", "Deras nya enhet", []))
    theirs.units[1].notes = "deras anteckning"
    merged = merge3(base, ours, theirs).project.units
    assert [u.id for u in merged] == ["U1", "U2", "U9"]
    assert merged[0].title == "vår rubrik" and merged[1].notes == "deras anteckning"


@dataclasses.dataclass
class Observation:
    id: str
    text: str


@dataclasses.dataclass
class Extended(Project):
    """Project with a record type another change adds later."""

    observations: dict[str, Observation] = dataclasses.field(default_factory=dict)


def test_a_field_added_to_project_later_is_merged_without_changes(monkeypatch):
    """The merge reads Project's fields and hints: a new dict of records is merged key by key."""
    from compare_app.project import merge as merge_module

    monkeypatch.setattr(merge_module, "Project", Extended)
    base = Extended(**{f.name: getattr(BASE, f.name) for f in dataclasses.fields(Project)})
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours.observations["k1"] = Observation("k1", "vår")
    theirs.observations["k2"] = Observation("k2", "deras")
    merged = merge_module.merge3(base, ours, theirs).project
    assert set(merged.observations) == {"k1", "k2"}


def test_two_people_recording_different_candidates_keep_both():
    """Candidate records (a list with ids) merge record by record, like units."""
    from compare_app.candidates.model import Candidate
    from compare_app.project.merge import merge3

    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    ours.candidates.append(Candidate("c1", "Alva", "K1"))
    theirs.candidates.append(Candidate("c2", "Bo", "K2"))
    merged = merge3(copy.deepcopy(BASE), ours, theirs).project
    assert {c.id for c in merged.candidates} == {"c1", "c2"}


def test_the_same_decision_taken_by_both_is_no_conflict():
    from compare_app.alignment import Review
    from compare_app.project.merge import merge3

    ours, theirs = copy.deepcopy(BASE), copy.deepcopy(BASE)
    rid = next(iter(BASE.standard.items)).id
    ours.reviews[rid] = Review(links={"X:cc1": "accepted"}, decided_by="Ada", decided_at="2026-12-07T10:00:00+00:00")
    theirs.reviews[rid] = Review(links={"X:cc1": "accepted"}, decided_by="Bo", decided_at="2026-12-07T10:00:01+00:00")
    result = merge3(copy.deepcopy(BASE), ours, theirs)
    assert not result.conflicts and result.project.reviews[rid].links == {"X:cc1": "accepted"}
