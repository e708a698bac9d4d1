"""ProjectController: every edit is undoable and announced."""

from __future__ import annotations

from compare_app.alignment import Alignment, Match, RequirementResult
from compare_app.model import Course, Framework, Item, Provenance
from compare_app.project import Project
from compare_app.ui.controller import ProjectController


def _project() -> Project:
    p = Provenance("t")
    std = Framework("standard", "S", items=[Item("R1", "svetsa plåt", p, area="A"), Item("R2", "läsa ritning", p, area="B")])
    items = [Item("K:cc1", "svetsning av plåt", p, course="K"), Item("K:cc2", "ritningsläsning", p, course="K")]
    cur = Framework("curriculum", "C", items=items, courses={"K": Course("K", "Kurs", 100, items)})
    proj = Project(std, cur)
    proj.alignment = Alignment(
        {
            "R1": RequirementResult("R1", "covered", 0.8, [Match("K:cc1", "K", 0.8, "svetsning av plåt")]),
            "R2": RequirementResult("R2", "gap", 0.1, []),
        },
        ["K"],
    )
    return proj


def test_push_edit_runs_apply_and_undo_reverts(qtbot):
    c = ProjectController()
    log: list[str] = []
    with qtbot.waitSignal(c.changed):
        c.push_edit("x", lambda: log.append("do"), lambda: log.append("undo"))
    assert log == ["do"]
    with qtbot.waitSignal(c.changed):
        c.undo_stack.undo()
    assert log == ["do", "undo"]


def test_review_edits_undo_and_redo(qtbot):
    c = ProjectController()
    c.set_project(_project())
    assert c.undo_stack.isClean()
    c.reject("R1", "K:cc1")
    assert c.project.effective("R1").status == "gap"
    assert not c.undo_stack.isClean()
    c.link("R2", "K:cc2")
    assert c.project.effective("R2").status == "covered"
    c.undo_stack.undo()
    c.undo_stack.undo()
    assert c.project.reviews == {}
    assert c.project.effective("R1").status == "covered"
    c.undo_stack.redo()
    assert c.project.reviews["R1"].links == {"K:cc1": "rejected"}
    c.set_note("R1", "kolla")
    c.undo_stack.undo()
    assert c.project.reviews["R1"].note == ""
