"""The Kandidater tab with pytest-qt (offscreen): record, undo, threshold, import, document."""

from __future__ import annotations

import docx
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QItemSelectionModel  # noqa: E402

from candfactory import accept_best  # noqa: E402
from compare_app.candidates import edit  # noqa: E402
from compare_app.exporters import report_xlsx  # noqa: E402
from compare_app.progress import Progress  # noqa: E402
from compare_app.ui.candidate_view import COL_RESULT, CandidateView  # noqa: E402
from compare_app.ui.controller import ProjectController  # noqa: E402


def run_now(_title, fn, on_done):
    """The main window's task runner, synchronously."""
    on_done(fn(Progress()))
    return True


@pytest.fixture
def view(qtbot, project):
    accept_best(project)
    controller = ProjectController()
    controller.set_project(project)
    widget = CandidateView(controller, run_now)
    qtbot.addWidget(widget)
    return widget


def _select(view, *rows):
    model = view.table.selectionModel()
    model.clearSelection()
    for row in rows:
        model.select(view.table.model().index(row, 0),
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_record_for_selected_requirements_and_undo(view):
    assert view.add_candidate("Ida Inbillad")
    project = view.c.project
    assert view.candidate.currentText() == "K1 – Ida Inbillad"
    _select(view, 0, 1, 2)
    view.result.setCurrentIndex(view.result.findData("shown"))
    view.method.setCurrentIndex(view.method.findData("practical"))
    view.day.setText("2026-11-30")
    assert view.record_selected()
    cand = project.candidates[0]
    assert sorted(cand.results) == ["R1", "R2", "R3"] and cand.results["R1"].method == "practical"
    assert view.table.item(0, COL_RESULT).text() == "visad"
    view.note.setText("")
    _select(view, 1)  # one requirement: its result is loaded into the editor
    assert view.method.currentData() == "practical" and view.day.text() == "2026-11-30"
    assert "WELD1" in view.credit_text.toPlainText() and "föreslås" in view.credit_text.toPlainText()
    assert view.c.is_modified()
    view.c.undo_stack.undo()
    assert project.candidates[0].results == {}
    view.c.undo_stack.undo()
    assert project.candidates == [] and view.candidate.count() == 0


def test_a_bad_date_changes_nothing(view, monkeypatch):
    warnings = []
    monkeypatch.setattr(view, "_warn", warnings.append)
    view.add_candidate("A")
    _select(view, 0)
    view.day.setText("30 nov")
    assert not view.record_selected()
    assert view.c.project.candidates[0].results == {} and "datum" in warnings[0]


def test_threshold_is_an_undoable_project_setting(view):
    view.threshold.setValue(50)
    view._threshold_edited()
    assert view.c.project.settings.credit_threshold == 0.5
    view.c.undo_stack.undo()
    assert view.c.project.settings.credit_threshold == 0.75 and view.threshold.value() == 75


def test_import_from_the_review_workbook(view, tmp_path):
    import openpyxl

    project = view.c.project
    view.add_candidate("A")
    path = tmp_path / "g.xlsx"
    report_xlsx.write(project, path)
    wb = openpyxl.load_workbook(path)
    wb["Kandidater"]["D7"] = "visad"
    wb.save(path)
    assert view.import_from(path, ask=False)
    assert project.candidates[0].results["R1"].status == "shown"
    view.c.undo_stack.undo()
    assert project.candidates[0].results == {}


def test_document_is_written_off_the_gui_thread_runner(view, tmp_path):
    project = view.c.project
    view.add_candidate("Ida Inbillad")
    cand = project.candidates[0]
    for rid in ("R1", "R2", "R3"):
        edit.record(project, cand, rid, "shown")
    view.write_document(tmp_path / "v.docx")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "v.docx")).paragraphs)
    assert "Ida Inbillad" in text and "WELD1" in text
    assert "Studieplan: 1 kurser, 50 poäng" in view.credit_text.toPlainText()
    assert view._alignment is not None  # kept for the next document
