"""A first alignment builds the matcher's index: the progress panel says so, and cancel stops it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from compare_app import progress as progress_module
from compare_app.align import index as index_module
from compare_app.ui import i18n


def test_index_building_is_named_in_the_panel_and_can_be_cancelled(aligned, qtbot, slow_index_build):
    w = aligned
    before = w.c.project.alignment
    w.act_align.trigger()
    qtbot.waitUntil(lambda: "bygger sökindex" in w.progress.label.text(), timeout=5000)
    assert w.progress.label.text().startswith("Matchar krav mot kursinnehåll")
    with qtbot.waitSignal(w.task_done, timeout=5000) as done:
        qtbot.mouseClick(w.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args == ["cancelled"]
    assert w.c.project.alignment is before
    assert not index_module._MEMO  # nothing half-built is kept


def test_index_stage_in_english(aligned, qtbot, monkeypatch):
    w = aligned
    app = QApplication.instance()
    try:
        assert i18n.install(app, "en")
        w.progress.start("Aligning")
        w.progress.show_progress(10, 1000, f"{progress_module.STAGE_INDEX}: samband")
        assert w.progress.label.text() == "Aligning – building the search index (first time only)"
        w.progress.show_progress(2, 4, "Skriver kravtabeller")  # a step without a stage: the title alone
        assert w.progress.label.text() == "Aligning"
    finally:
        i18n.install(app, "sv")
        w.progress.setVisible(False)
