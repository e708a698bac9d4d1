"""The review import dialog (pytest-qt, offscreen): shows the diff, applies only on accept."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from compare_app.errors import InputError
from compare_app.exporters import report_xlsx

pytest.importorskip("pytestqt")


@pytest.fixture
def edited(project, tmp_path):
    path = report_xlsx.write(project, tmp_path / "retur.xlsx")
    wb = load_workbook(path)
    ws = wb["Kopplingar"]
    ws["B1"] = "Dana"
    for row in ws.iter_rows(min_row=report_xlsx.LINK_HEADER_ROW + 1):
        if row[0].value == "R2":
            row[7].value = "lucka"
            row[9].value = "Saknas i kursen"
    wb.save(path)
    return path


def test_dialog_lists_changes_and_applies_on_accept(qtbot, project, edited):
    from compare_app.ui.review_import_dialog import ReviewImportDialog

    before = project.effective("R2")
    dialog = ReviewImportDialog(None, project, edited)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells == ["R2", "AAA01:cc2", "delvis", "lucka", "", "Saknas i kursen"]
    assert dialog.table.item(0, 0).toolTip() == project.standard.item("R2").text
    assert dialog.table.item(0, 1).toolTip() == project.curriculum.item("AAA01:cc2").text
    assert project.effective("R2") == before  # nothing applied while the dialog is open
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    eff = project.effective("R2")
    assert (eff.status, eff.note, eff.decided_by) == ("gap", "Saknas i kursen", "Dana")
    assert dialog.previous == [("R2", None)]


def test_dialog_reject_leaves_project_alone(qtbot, project, edited):
    from compare_app.ui.review_import_dialog import ReviewImportDialog

    before = project.effective("R2")
    dialog = ReviewImportDialog(None, project, edited)
    qtbot.addWidget(dialog)
    dialog.buttons.rejected.emit()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert project.effective("R2") == before and dialog.previous == []


def test_dialog_raises_input_error_for_foreign_file(qtbot, project, edited):
    from dataclasses import replace

    from compare_app.ui.review_import_dialog import ReviewImportDialog

    with pytest.raises(InputError):
        ReviewImportDialog(None, replace(project, id="f" * 32), edited)
