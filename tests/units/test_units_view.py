"""The units tab driven as a user would: propose, rename inline, drag and drop, split, merge, lock, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent
from units_fixtures import welding_project

from compare_app.ui.controller import ProjectController
from compare_app.ui.units_view import COL_TITLE, ROLE_COUNTS, ROLE_ID, UnitsView


def _shape(project):
    return [(u.title, list(u.requirement_ids)) for u in project.units]


@pytest.fixture()
def view(qtbot):
    c = ProjectController()
    p = welding_project()
    p.align()
    c.set_project(p)
    v = UnitsView(c)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    return v


@pytest.fixture()
def proposed(view):
    view.propose_units("area")
    return view


def _drop(view, target_item, below: bool = False):
    """Send a real drop event onto ``target_item`` with the tree's current selection as the drag."""
    tree = view.tree
    rect = tree.visualItemRect(target_item)
    pos = QPoint(rect.center().x(), rect.bottom() - 1 if below else rect.top() + 1)
    mime = tree.mimeData(tree.selectedItems()) or QMimeData()
    event = QDropEvent(pos, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    event.source = lambda: tree  # a drop started in this tree
    tree.dropEvent(event)


def test_empty_project_invites_to_propose(view):
    assert view.tree.topLevelItemCount() == 0
    assert not view.empty_label.isHidden()
    view.propose_button.click()
    assert [view.tree.topLevelItem(i).text(COL_TITLE) for i in range(3)] == ["Svetsning", "Material", "Logistik"]
    assert view.empty_label.isHidden()
    view.c.undo_stack.undo()
    assert view.c.project.units == [] and view.tree.topLevelItemCount() == 0


def test_tree_shows_status_bar_points_and_verdict(proposed, qtbot):
    top = proposed.unit_item("E01")
    assert top.data(1, ROLE_COUNTS) == (2, 0, 0)
    assert top.text(2) == "Täckt"
    assert float(top.text(3).replace(",", ".")) > 0
    assert [top.child(i).data(0, ROLE_ID) for i in range(top.childCount())] == ["R1", "R2"]
    assert "SVE01:cc1" in top.child(0).toolTip(COL_TITLE)  # the content counted for R1
    gap = proposed.unit_item("E03")
    assert gap.text(2) == "Lucka"
    proposed.tree.setCurrentItem(gap)
    assert proposed.verdict_label.text().startswith("Inte täckt: kräver kompletterande utbildning")
    # the courses that would close the gap are searched for in the background, then shown
    qtbot.waitUntil(lambda: not proposed.searching(), timeout=20000)
    assert "LYF01" in proposed.verdict_label.text()
    assert proposed.searching_label.isHidden()
    proposed.tree.setCurrentItem(top)
    assert proposed.verdict_label.text().startswith("Helt täckt av")
    assert proposed.courses_table.item(0, 0).text() == "SVE01"
    assert proposed.eu_table.rowCount() == 11


def test_inline_rename_is_undoable(proposed, qtbot):
    item = proposed.unit_item("E02")
    item.setText(COL_TITLE, "Metaller")  # what the inline editor commits
    assert proposed.c.project.units[1].title == "Metaller"
    assert proposed.unit_item("E02").text(COL_TITLE) == "Metaller"
    proposed.c.undo_stack.undo()
    assert proposed.c.project.units[1].title == "Material"
    assert proposed.unit_item("E02").text(COL_TITLE) == "Material"
    proposed.c.undo_stack.redo()
    assert proposed.c.project.units[1].title == "Metaller"


def test_drag_requirement_onto_another_unit_moves_it(proposed):
    before = _shape(proposed.c.project)
    proposed.tree.clearSelection()
    proposed.requirement_item("R2").setSelected(True)
    _drop(proposed, proposed.unit_item("E03"))
    assert _shape(proposed.c.project) == [("Svetsning", ["R1"]), ("Material", ["R3"]), ("Logistik", ["R4", "R5", "R2"])]
    proposed.c.undo_stack.undo()
    assert _shape(proposed.c.project) == before


def test_drag_between_requirements_inserts_at_that_place(proposed):
    proposed.tree.clearSelection()
    proposed.requirement_item("R3").setSelected(True)
    _drop(proposed, proposed.requirement_item("R4"), below=False)
    assert proposed.c.project.units[2].requirement_ids == ["R3", "R4", "R5"]
    proposed.tree.clearSelection()
    proposed.requirement_item("R3").setSelected(True)
    _drop(proposed, proposed.requirement_item("R5"), below=True)
    assert proposed.c.project.units[2].requirement_ids == ["R4", "R5", "R3"]


def test_drag_unit_onto_unit_merges(proposed):
    proposed.tree.clearSelection()
    proposed.unit_item("E02").setSelected(True)
    _drop(proposed, proposed.unit_item("E01"))
    assert _shape(proposed.c.project) == [("Svetsning", ["R1", "R2", "R3"]), ("Logistik", ["R4", "R5"])]
    proposed.c.undo_stack.undo()
    assert len(proposed.c.project.units) == 3


def test_split_and_merge_buttons(proposed, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Säkerhet", True))
    proposed.tree.clearSelection()
    proposed.requirement_item("R2").setSelected(True)
    assert proposed.split_button.isEnabled()
    proposed.split_button.click()
    assert _shape(proposed.c.project)[:2] == [("Svetsning", ["R1"]), ("Säkerhet", ["R2"])]
    new_id = proposed.c.project.units[1].id
    proposed.tree.clearSelection()
    proposed.unit_item("E01").setSelected(True)
    proposed.unit_item(new_id).setSelected(True)
    assert proposed.merge_button.isEnabled()
    proposed.merge_button.click()
    assert _shape(proposed.c.project)[0] == ("Svetsning", ["R1", "R2"])
    proposed.c.undo_stack.undo()
    proposed.c.undo_stack.undo()
    assert _shape(proposed.c.project)[0] == ("Svetsning", ["R1", "R2"])
    assert len(proposed.c.project.units) == 3


def test_splitting_everything_out_explains_instead_of_failing(proposed):
    proposed.split_unit("E02", ["R3"])
    assert proposed.message.text()
    assert proposed.c.undo_stack.count() == 1  # only the proposal


def test_lock_survives_a_new_proposal_and_fields_are_saved(proposed):
    proposed.tree.setCurrentItem(proposed.unit_item("E03"))
    proposed.lock_button.click()
    assert proposed.c.project.units[2].locked
    assert "låst" in proposed.unit_item("E03").text(2)
    proposed.move_requirements(["R1"], "E03")
    proposed.propose_units("cluster")
    locked = [u for u in proposed.c.project.units if u.locked]
    assert [(u.id, u.requirement_ids) for u in locked] == [("E03", ["R4", "R5", "R1"])]
    proposed.tree.setCurrentItem(proposed.unit_item("E03"))
    edit = proposed.field_edits["assessment"]
    edit.setText("praktiskt prov")
    edit.editingFinished.emit()
    assert next(u for u in proposed.c.project.units if u.id == "E03").assessment == "praktiskt prov"
    proposed.c.undo_stack.undo()
    assert next(u for u in proposed.c.project.units if u.id == "E03").assessment == ""


def test_replacing_the_project_clears_the_view(proposed):
    proposed.c.set_project(None)
    assert proposed.tree.topLevelItemCount() == 0
    assert not proposed.detail.isEnabled()


def test_requirements_in_no_unit_can_be_dragged_back(proposed):
    proposed.tree.setCurrentItem(proposed.unit_item("E02"))
    proposed.delete_button.click()
    pool = proposed.tree.topLevelItem(proposed.tree.topLevelItemCount() - 1)
    assert pool.data(0, ROLE_ID) == "" and pool.childCount() == 1
    assert pool.child(0).data(0, ROLE_ID) == "R3"
    proposed.tree.clearSelection()
    pool.child(0).setSelected(True)
    _drop(proposed, proposed.unit_item("E01"))
    assert proposed.c.project.units[0].requirement_ids == ["R1", "R2", "R3"]
    assert proposed.tree.topLevelItemCount() == 2  # no pool once every requirement has a unit
    # and out again by dropping on the pool
    proposed.tree.clearSelection()
    proposed.requirement_item("R1").setSelected(True)
    proposed.handle_drop([("req", "R1")], "pool", "", -1)
    assert proposed.c.project.units[0].requirement_ids == ["R2", "R3"]
    proposed.c.undo_stack.undo()
    assert proposed.c.project.units[0].requirement_ids == ["R1", "R2", "R3"]


def test_drop_on_empty_space_makes_a_new_unit(proposed):
    tree = proposed.tree
    tree.clearSelection()
    proposed.requirement_item("R5").setSelected(True)
    empty = QPoint(20, tree.viewport().height() - 5)
    assert tree.itemAt(empty) is None
    event = QDropEvent(empty, Qt.DropAction.MoveAction, tree.mimeData(tree.selectedItems()), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    event.source = lambda: tree
    tree.dropEvent(event)
    assert _shape(proposed.c.project)[-1] == ("Ny enhet", ["R5"])
    assert proposed.c.project.units[2].requirement_ids == ["R4"]


def test_context_menu_moves_without_a_mouse(proposed):
    proposed.tree.clearSelection()
    proposed.requirement_item("R1").setSelected(True)
    proposed.requirement_item("R3").setSelected(True)
    menu = proposed.context_menu()
    move = next(a.menu() for a in menu.actions() if a.menu() is not None)
    target = next(a for a in move.actions() if a.text() == "Logistik")
    target.trigger()
    assert proposed.c.project.units[2].requirement_ids == ["R4", "R5", "R1", "R3"]
    proposed.tree.clearSelection()
    proposed.requirement_item("R4").setSelected(True)
    out = next(a for a in proposed.context_menu().actions() if a.text() == "Ta ut ur enheten")
    out.trigger()
    assert "R4" not in proposed.c.project.units[2].requirement_ids
    proposed.c.undo_stack.undo()
    proposed.c.undo_stack.undo()
    assert _shape(proposed.c.project)[2] == ("Logistik", ["R4", "R5"])


def test_hidden_tab_catches_up_when_shown(proposed):
    proposed.hide()
    proposed.c.push_edit("x", lambda: setattr(proposed.c.project.units[0], "title", "Dold ändring"), lambda: None)
    assert proposed.unit_item("E01").text(COL_TITLE) == "Svetsning"  # not rebuilt while hidden
    proposed.show()
    assert proposed.unit_item("E01").text(COL_TITLE) == "Dold ändring"


def test_unit_details_follow_the_interface_language(proposed, qtbot):
    """Verdict, form labels and EU element names are English in the English GUI, Swedish otherwise."""
    from PySide6.QtWidgets import QApplication, QFormLayout

    from compare_app.ui import i18n
    from compare_app.units import compute

    project = proposed.c.project
    for unit in project.units:  # the Swedish text is the core's own verdict
        v = compute.view(project, unit)
        assert compute.view_verdict(v) == v.verdict
    app = QApplication.instance()
    try:
        assert i18n.install(app, "en")
        english = UnitsView(proposed.c)
        qtbot.addWidget(english)
        english.show()
        english.tree.setCurrentItem(english.unit_item("E01"))
        verdict = english.verdict_label.text()
        assert verdict.startswith(("Fully covered", "Covered except", "No requirement", "Not covered")), verdict
        form = english.findChild(QFormLayout)
        labels = [form.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text() for i in range(form.rowCount())]
        assert "Assessment" in labels and "Bedömningsform" not in labels
        names = [english.eu_table.item(r, 0).text() for r in range(english.eu_table.rowCount())]
        assert "Title" in names and "Titel" not in names
    finally:
        i18n.install(app, "sv")
