"""Unit edits and their undo snapshots."""

from __future__ import annotations

import pytest
from units_fixtures import welding_project

from compare_app.units import edit
from compare_app.units.model import Unit


@pytest.fixture()
def project():
    p = welding_project()
    p.units = [
        Unit("E01", "Svetsning", ["R1", "R2"], level="4"),
        Unit("E02", "Material", ["R3"]),
        Unit("E03", "Logistik", ["R4", "R5"]),
    ]
    return p


def _shape(p):
    return [(u.id, u.title, list(u.requirement_ids), u.locked) for u in p.units]


def _undo_redo(p, do):
    """Apply ``do``, check undo restores the start and redo (a second apply from a snapshot) the result."""
    before = _shape(p)
    snap = do()
    after = _shape(p)
    assert after != before
    after_snap = edit.snapshot(p)
    edit.restore(p, snap)
    assert _shape(p) == before
    edit.restore(p, after_snap)
    assert _shape(p) == after
    edit.restore(p, snap)  # snapshots stay reusable
    assert _shape(p) == before
    return after


def test_rename(project):
    after = _undo_redo(project, lambda: edit.rename(project, "E02", "  Material och metaller "))
    assert after[1][1] == "Material och metaller"
    with pytest.raises(ValueError):
        edit.rename(project, "E02", "  ")


def test_split_puts_the_chosen_requirements_in_a_new_unit_after(project):
    after = _undo_redo(project, lambda: edit.split(project, "E01", ["R2"], "Säkerhet"))
    assert [a[2] for a in after] == [["R1"], ["R2"], ["R3"], ["R4", "R5"]]
    assert after[1][1] == "Säkerhet"
    assert len({a[0] for a in after}) == 4  # the new unit has its own id
    with pytest.raises(ValueError):
        edit.split(project, "E01", ["R1", "R2"])
    with pytest.raises(ValueError):
        edit.split(project, "E01", ["R4"])


def test_merge_keeps_order_and_removes_the_others(project):
    after = _undo_redo(project, lambda: edit.merge(project, ["E03", "E01"], "Allt"))
    assert after == [("E02", "Material", ["R3"], False), ("E03", "Allt", ["R4", "R5", "R1", "R2"], False)]
    with pytest.raises(ValueError):
        edit.merge(project, ["E01"])


def test_move_between_and_within_units(project):
    after = _undo_redo(project, lambda: edit.move(project, "R2", "E03", 1))
    assert [a[2] for a in after] == [["R1"], ["R3"], ["R4", "R2", "R5"]]
    after = _undo_redo(project, lambda: edit.move(project, "R4", "E03", 2))
    assert after[2][2] == ["R5", "R4"]
    # a requirement in no unit is simply added
    project.units[1].requirement_ids.clear()
    edit.move(project, "R3", "E01")
    assert project.units[0].requirement_ids == ["R1", "R2", "R3"]


def test_lock_and_fields(project):
    after = _undo_redo(project, lambda: edit.set_locked(project, "E02", True))
    assert after[1][3] is True
    snap = edit.set_fields(project, "E01", level="5", assessment="prov", prerequisites="inga", notes="n")
    u = project.units[0]
    assert (u.level, u.assessment, u.prerequisites, u.notes) == ("5", "prov", "inga", "n")
    edit.restore(project, snap)
    assert project.units[0].level == "4" and project.units[0].assessment == ""
    with pytest.raises(KeyError):
        edit.set_fields(project, "E01", requirement_ids=[])


def test_add_and_delete(project):
    after = _undo_redo(project, lambda: edit.add(project, "Ny", ["R5", "R1"]))
    assert after[-1][1:3] == ("Ny", ["R5", "R1"])
    assert after[0][2] == ["R2"] and after[2][2] == ["R4"]
    after = _undo_redo(project, lambda: edit.delete(project, "E02"))
    assert [a[0] for a in after] == ["E01", "E03"]


def test_unassign_and_unassigned(project):
    assert edit.unassigned(project) == []
    after = _undo_redo(project, lambda: edit.unassign(project, ["R2", "R4"]))
    assert [a[2] for a in after] == [["R1"], ["R3"], ["R5"]]
    edit.unassign(project, ["R2", "R4"])
    assert edit.unassigned(project) == ["R2", "R4"]
    with pytest.raises(ValueError):
        edit.unassign(project, ["R2"])
