"""The overview dialog with pytest-qt (offscreen): work off the GUI thread, tables shown, cancel, errors."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from openpyxl import load_workbook  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from compare_app.ui.overview_dialog import OverviewDialog  # noqa: E402


@pytest.fixture
def dialog(qtbot, catalog, standards, tmp_path):
    dlg = OverviewDialog(curriculum=[str(catalog)])
    dlg.quiet = True
    qtbot.addWidget(dlg)
    dlg.add_inputs(standards)
    dlg.output.setText(str(tmp_path / "oversikt.xlsx"))
    dlg.show()
    return dlg


def test_builds_writes_and_shows_the_tables(dialog, qtbot, tmp_path):
    with qtbot.waitSignal(dialog.finished_work, timeout=60000) as blocker:
        assert dialog.start() is not None
        assert not dialog.run_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert blocker.args == ["finished"], dialog.last_error
    ov = dialog.overview
    assert load_workbook(tmp_path / "oversikt.xlsx").sheetnames[0] == "Översikt"
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["Standarder", "Kurser", "Matris", "Gemensamma enheter", "Luckor"]
    courses = dialog.tabs.widget(1).model()
    assert courses.rowCount() == len(ov.courses)
    assert courses.index(0, 0).data() == ov.courses.index[0]
    assert courses.headerData(1, Qt.Orientation.Horizontal) == "Kurs"
    # clicking a number column sorts by number, not text
    dialog.tabs.widget(1).sortByColumn(6, Qt.SortOrder.AscendingOrder)  # coverage
    values = [float(courses.index(r, 6).data().replace(",", ".")) for r in range(courses.rowCount())]
    assert values == sorted(values)
    assert dialog.open_button.isEnabled() and dialog.run_button.isEnabled()
    # a standard's coverage is a share: shown as per cent
    standards = dialog.tabs.widget(0).model().sourceModel()
    col = list(standards.frame.columns).index("coverage")
    assert standards.index(0, col).data() == f"{round(float(standards.frame['coverage'].iloc[0]) * 100)} %"


def test_cancel_writes_nothing(dialog, qtbot, tmp_path):
    with qtbot.waitSignal(dialog.finished_work, timeout=60000) as blocker:
        dialog.start()
        dialog.cancel()
    assert blocker.args == ["cancelled"]
    assert not (tmp_path / "oversikt.xlsx").exists()
    assert dialog.tabs.count() == 0 and dialog.run_button.isEnabled()


def test_a_bad_file_is_reported_not_raised(dialog, qtbot, tmp_path):
    dialog.add_inputs([tmp_path / "saknas.csv"])
    with qtbot.waitSignal(dialog.finished_work, timeout=60000) as blocker:
        dialog.start()
    assert blocker.args == ["failed"]
    assert "saknas.csv" in dialog.message.text() and "finns inte" in dialog.message.text()


def test_missing_choices_are_named_before_any_work(qtbot):
    dlg = OverviewDialog()
    dlg.quiet = True
    qtbot.addWidget(dlg)
    assert dlg.start() is None
    assert "kursplanekälla" in dlg.message.text() and "standard" in dlg.message.text()


def test_main_window_menu_opens_it_with_the_projects_sources(qtbot, catalog):
    from compare_app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    menu_texts = [a.text() for m in window.menuBar().actions() for a in m.menu().actions()]
    assert window.act_overview.text() in menu_texts
    dlg = window.open_overview()
    assert dlg.curriculum_paths() == [] and dlg.input_paths() == []
    dlg.close()


def test_projects_alone_need_no_curriculum(qtbot, catalog, standards, tmp_path):
    from compare_app.cli import build_project
    from compare_app.project import storage

    project = build_project(str(standards[0]), [str(catalog)])
    project.align()
    storage.save(project, tmp_path / "bagare.cmpproj")
    dlg = OverviewDialog()
    dlg.quiet = True
    qtbot.addWidget(dlg)
    dlg.add_inputs([tmp_path / "bagare.cmpproj", standards[1]])
    assert dlg.output.text().endswith("regional_oversikt.xlsx")
    with qtbot.waitSignal(dlg.finished_work, timeout=60000) as blocker:
        assert dlg.start() is not None
    assert blocker.args == ["finished"], dlg.last_error
    assert list(dlg.overview.standards["kind"]) == ["project", "standard"]
