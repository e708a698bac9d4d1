"""Files and long work: save and reopen, autosave recovery, new project from the samples, progress and cancel."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from compare_app.paths import samples_dir


def test_save_reopen_keeps_every_decision(aligned, qtbot, idle, tmp_path):
    from compare_app.ui.main_window import MainWindow

    w = aligned
    project = w.c.project
    first = project.alignment.results["R1"].matches[0].item_id
    w.c.accept("R1", first)
    w.c.reject("R3", project.alignment.results["R3"].matches[0].item_id)
    w.c.link("R6", "MATMAT01:cc1")
    w.c.set_status("R5", "partial")
    w.c.set_note("R2", "Kolla med branschen")
    assert w.isWindowModified()
    path = tmp_path / "granskning.cmpproj"
    assert w.save_to(path)
    assert path.is_file() and not w.isWindowModified()
    assert "granskning.cmpproj" in w.windowTitle()

    other = MainWindow()
    other.quiet = True
    qtbot.addWidget(other)
    other.open_path(path, ask=False)
    idle(other)
    reopened = other.c.project
    assert {k: (v.links, v.status, v.note) for k, v in reopened.reviews.items()} == {
        k: (v.links, v.status, v.note) for k, v in project.reviews.items()
    }
    assert [e.status for e in reopened.all_effective()] == [e.status for e in project.all_effective()]
    assert not other.isWindowModified()
    assert other.recent_menu.actions()[0].text() == str(path)


def test_title_shows_unsaved_mark_driven_by_the_undo_stack(aligned, tmp_path):
    w = aligned
    assert "[*]" in w.windowTitle() and w.isWindowModified()  # never saved
    w.save_to(tmp_path / "t.cmpproj")
    assert not w.isWindowModified()
    w.c.set_status("R1", "gap")
    assert w.isWindowModified()
    w.c.undo_stack.undo()
    assert not w.isWindowModified()


def test_autosave_writes_a_recovery_file_and_saving_clears_it(aligned, tmp_path):
    from compare_app.project import recovery

    w = aligned
    w.c.set_note("R1", "osparat")
    w.autosave()
    entries = [e for e in recovery.pending() if e.project_id == w.c.project.id]
    assert len(entries) == 1
    assert recovery.restore(entries[0]).reviews["R1"].note == "osparat"
    w.save_to(tmp_path / "p.cmpproj")
    assert not [e for e in recovery.pending() if e.project_id == w.c.project.id]


def test_long_alignment_keeps_the_event_loop_running_and_cancels(aligned, qtbot, monkeypatch):
    import compare_app.align

    w = aligned
    before = w.c.project.alignment

    def slow_align(standard, curriculum, courses, *, top_k=5, feedback=None, remembered=None, progress=None):
        for i in range(500):
            progress.step(i, 500, "långsam")
            time.sleep(0.01)
        raise AssertionError("should have been cancelled")

    monkeypatch.setattr(compare_app.align, "align", slow_align)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    values = []
    w.progress.bar.valueChanged.connect(values.append)
    w.act_align.trigger()
    assert w.task is not None and w.progress.isVisible()
    assert not w.act_accept.isEnabled()  # no edits while the project is being recomputed
    qtbot.waitUntil(lambda: len(values) >= 5 and len(ticks) >= 3, timeout=5000)
    assert values == sorted(values) and values[-1] > values[0]
    assert len(ticks) >= 3  # the GUI thread kept serving timers
    with qtbot.waitSignal(w.task_done, timeout=5000) as done:
        qtbot.mouseClick(w.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args == ["cancelled"]
    assert w.task is None and not w.progress.isVisible()
    assert w.c.project.alignment is before
    assert w.act_accept.isEnabled()
    timer.stop()


def test_failed_import_is_reported_not_raised(window, idle, tmp_path):
    bad = tmp_path / "trasig.cmpproj"
    bad.write_bytes(b"inte en zip")
    window.open_path(bad, ask=False)
    idle(window)
    from compare_app.errors import InputError

    assert isinstance(window.last_error, InputError)
    assert window.c.project is None


SAMPLES = samples_dir()
needs_samples = pytest.mark.skipif(not (SAMPLES / "standard_svetsare.xlsx").is_file(), reason="samples missing")


@needs_samples
def test_new_project_dialog_offers_outcomes_and_builds_the_project(qtbot):
    from compare_app.ui.dialogs import NewProjectDialog
    from compare_app.ui.project_setup import DEMO_PACKAGE, SCOPE_OUTCOME, build_project

    dlg = NewProjectDialog()
    qtbot.addWidget(dlg)
    dlg.standard.setText(str(SAMPLES / "standard_svetsare.xlsx"))
    assert dlg.problem()  # no curriculum yet
    dlg.add_source(SAMPLES / "kursplaner")
    dlg.wait_for_sources()
    outcomes = [dlg.outcome.itemText(i) for i in range(dlg.outcome.count())]
    assert DEMO_PACKAGE in outcomes
    assert dlg.r_all.isChecked()
    dlg.outcome.lineEdit().clear()
    qtbot.keyClicks(dlg.outcome.lineEdit(), DEMO_PACKAGE)
    assert dlg.r_outcome.isChecked()
    spec = dlg.spec()
    assert spec.scope_kind == SCOPE_OUTCOME and dlg.problem() == ""
    project = build_project(spec)
    assert project.scope.package == DEMO_PACKAGE
    assert project.candidate_courses()
    assert len(project.requirements()) > 10


@needs_samples
def test_standard_import_preview_shows_header_and_mapping(qtbot):
    from compare_app.ui.import_dialog import StandardImportDialog

    dlg = StandardImportDialog(None, SAMPLES / "standard_svetsare.xlsx")
    qtbot.addWidget(dlg)
    pv = dlg.preview
    assert pv.header_row >= 1 and pv.mapping.get("text")
    assert dlg.table.rowCount() == len(pv.rows) > 0
    assert str(pv.header_row) in dlg.info.text()
    text_combo = dlg.combos["text"]
    assert text_combo.currentData() == pv.mapping["text"]
    # choosing no column for the area is reflected in the mapping passed to the importer
    dlg.combos["area"].setCurrentIndex(0)
    assert "area" not in dlg.mapping() and dlg.mapping()["text"] == pv.mapping["text"]


@needs_samples
def test_demo_screenshot_through_run(tmp_path):
    from compare_app.ui.app import run

    target = tmp_path / "shot.png"
    assert run(demo=True, screenshot=target) == 0
    assert target.stat().st_size > 10_000


def test_exports_run_in_the_background(aligned, idle, tmp_path):
    w = aligned
    w.c.accept("R1", w.c.project.alignment.results["R1"].matches[0].item_id)
    for kind, name in (("docx", "r.docx"), ("xlsx", "r.xlsx"), ("case", "r.json")):
        w.export_to(kind, tmp_path / name)
        idle(w)
        assert w.last_error is None, w.last_error
        assert (tmp_path / name).stat().st_size > 0


def test_returned_review_workbook_is_imported_as_one_undoable_edit(aligned, idle, tmp_path):
    from openpyxl import load_workbook

    from compare_app.exporters import report_xlsx

    w = aligned
    project = w.c.project
    path = tmp_path / "granskning.xlsx"
    w.export_to("xlsx", path)
    idle(w)
    wb = load_workbook(path)
    ws = wb["Kopplingar"]
    header = report_xlsx.LINK_HEADER_ROW
    col = {c.value: c.column for c in ws[header]}
    row = next(r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, col["Krav-id"]).value == "R2")
    ws.cell(row, col["Kommentar"]).value = "Branschen håller med"
    wb.save(path)
    assert w.import_review_from(path, ask=False)
    assert project.reviews["R2"].note == "Branschen håller med"
    w.c.undo_stack.undo()
    assert "R2" not in project.reviews
    w.c.undo_stack.redo()
    assert project.reviews["R2"].note == "Branschen håller med"


@needs_samples
def test_create_project_from_files_with_a_package_list(window, idle):
    from compare_app.ui.project_setup import SCOPE_LIST, ProjectSpec

    spec = ProjectSpec(SAMPLES / "standard_svetsare.xlsx", [SAMPLES / "kursplaner"], SCOPE_LIST,
                       str(SAMPLES / "yrkespaket_svetsare.csv"), title="Från filer")
    window.create_project(spec)
    idle(window)  # reading, then the alignment it starts
    idle(window)
    project = window.c.project
    assert project is not None and project.alignment is not None, window.last_error
    assert project.scope.courses and set(project.candidate_courses()) <= set(project.scope.courses)
    assert window.review.std_tree.topLevelItemCount() == len(project.standard.areas())
    assert "Från filer" in window.windowTitle()


def test_bad_standard_file_is_reported(window, idle, tmp_path):
    from compare_app.errors import InputError
    from compare_app.ui.project_setup import ProjectSpec

    bad = tmp_path / "standard.xlsx"
    bad.write_bytes(b"inte excel")
    window.create_project(ProjectSpec(bad, [tmp_path]))
    idle(window)
    assert isinstance(window.last_error, InputError) and window.c.project is None


def test_offer_recovery_restores_unsaved_work(aligned, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from compare_app.ui.main_window import MainWindow

    aligned.c.set_note("R4", "inte sparad")
    aligned.autosave()
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    fresh.offer_recovery()
    assert fresh.c.project is not None and fresh.c.project.id == aligned.c.project.id
    assert fresh.c.project.reviews["R4"].note == "inte sparad"
    assert fresh.isWindowModified()  # restored work is not saved yet
    fresh.c.mark_saved(fresh.c.path or Path("x.cmpproj"))


@needs_samples
def test_adding_a_curriculum_source_is_undoable(aligned, idle):
    w = aligned
    before = set(w.c.project.curriculum.courses)
    w.add_curriculum_path(SAMPLES / "kursplaner")
    idle(w)
    added = set(w.c.project.curriculum.courses) - before
    assert added
    some = next(iter(added))
    assert any(some in s for s in w.review.panel._search_model.stringList())
    w.c.undo_stack.undo()
    assert set(w.c.project.curriculum.courses) == before


def test_settings_dialog_shows_the_project_settings(aligned, qtbot):
    from compare_app.ui.dialogs import SettingsDialog

    aligned.c.project.settings.hours_per_point = 1.25
    dlg = SettingsDialog(aligned, aligned.c.project)
    qtbot.addWidget(dlg)
    assert dlg.hours.value() == 1.25 and dlg.chosen_language() == "sv"
    assert dlg.language.accessibleName()


def test_screenshot_of_a_saved_project_in_english(aligned, tmp_path):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from compare_app.ui import i18n
    from compare_app.ui.app import run

    w = aligned
    w.c.accept("R1", w.c.project.alignment.results["R1"].matches[0].item_id)
    path = tmp_path / "p.cmpproj"
    assert w.save_to(path)
    target = tmp_path / "shot.png"
    try:
        assert run(project=path, screenshot=target, lang="en", size=(1920, 1080)) == 0
    finally:
        i18n.install(QApplication.instance(), "sv")
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1920, 1080)


def test_closing_during_long_work_cancels_and_waits_for_it(window, qtbot):
    """A worker must never outlive the window it reports to (it would emit on deleted signals)."""
    import time

    from PySide6.QtCore import QThreadPool

    steps = []

    def slow(progress):
        for n in range(2000):
            progress.step(n, 2000, "arbetar")
            steps.append(n)
            time.sleep(0.005)

    window.quiet = True
    window.run_task("Långt arbete", slow, lambda _result: None)
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=5000)
    window.close()
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert len(steps) < 2000  # cancelled, not run to the end


def test_learning_from_earlier_projects_is_a_setting_and_saving_feeds_the_store(aligned, qtbot, tmp_path):
    from PySide6.QtCore import QThreadPool

    from compare_app.align import memory
    from compare_app.ui.dialogs import SettingsDialog

    w = aligned
    settings = w.c.project.settings
    dlg = SettingsDialog(w, w.c.project)
    qtbot.addWidget(dlg)
    assert dlg.learn.isChecked() is settings.learn_from_history is False
    w.c.link("R6", "MATMAT01:cc1")  # a decision that teaches a pair
    w.apply_settings("sv", "", settings.hours_per_point, settings.top_k, True)
    assert settings.learn_from_history is True
    w.c.undo_stack.undo()
    assert settings.learn_from_history is False  # an undoable edit like the other settings

    assert w.save_to(tmp_path / "utan.cmpproj")
    QThreadPool.globalInstance().waitForDone()
    assert memory.recall() == {}  # learning switched off: nothing stored
    w.c.undo_stack.redo()
    assert w.save_to(tmp_path / "med.cmpproj")
    qtbot.waitUntil(lambda: not w._memory_tasks, timeout=10000)
    assert memory.recall()  # the saved decisions taught the store


def test_opening_a_slow_project_shows_that_it_is_working(window, qtbot, monkeypatch, tmp_path):
    """Reading a large project happens off the GUI thread with a busy bar naming the file, and can be cancelled."""
    from compare_app.project import storage

    from .conftest import make_project

    real_load = storage.load

    def slow_load(path):
        time.sleep(1.0)
        return real_load(path)

    monkeypatch.setattr(storage, "load", slow_load)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    target = tmp_path / "hela-katalogen.cmpproj"
    storage.save(make_project(), target)
    window.open_path(target, ask=False)
    assert window.task is not None and window.progress.isVisible()
    assert "hela-katalogen.cmpproj" in window.progress.label.text()
    assert (window.progress.bar.minimum(), window.progress.bar.maximum()) == (0, 0)  # busy, not a frozen 0 %
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=3000)  # the GUI thread keeps serving events
    with qtbot.waitSignal(window.task_done, timeout=5000) as done:
        qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args == ["cancelled"] and window.c.project is None  # cancelled means not opened
    timer.stop()


def _answer_conflict(monkeypatch, button_text: str) -> None:
    """Make the conflict question press the button labelled ``button_text``."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton",
                        lambda self: next((b for b in self.buttons() if b.text() == button_text), None))


def _colleague_saves_meanwhile(window, path, notes: dict[str, str]) -> None:
    """The window saves ``path``; a colleague opens it, writes ``notes`` and saves first."""
    from compare_app.project import storage

    assert window.save_to(path)
    colleague = storage.load(path)
    for rid, note in notes.items():
        colleague.project.set_note(rid, note)
    storage.save(colleague.project, path, colleague.baseline)


def test_saving_over_a_colleagues_save_merges_and_says_where_you_differed(aligned, tmp_path, monkeypatch):
    from compare_app.project import storage

    w = aligned
    path = tmp_path / "delad.cmpproj"
    _colleague_saves_meanwhile(w, path, {"R2": "kollegans anteckning", "R1": "kollegan om R1"})
    w.c.set_note("R1", "min anteckning")
    _answer_conflict(monkeypatch, "Slå ihop besluten")
    told: list[str] = []
    monkeypatch.setattr(w, "inform", lambda title, text, *a: told.append(text))
    assert w.save()
    saved = storage.load(path).project.reviews
    assert saved["R2"].note == "kollegans anteckning" and saved["R1"].note == "min anteckning"
    assert w.c.project.reviews["R2"].note == "kollegans anteckning"  # the window shows the merged project
    assert told and "R1" in told[0] and storage.backup_path(path).name in told[0]
    assert not w.isWindowModified()


def test_cancelling_the_conflict_question_writes_nothing(aligned, tmp_path, monkeypatch):
    w = aligned
    path = tmp_path / "delad.cmpproj"
    _colleague_saves_meanwhile(w, path, {"R2": "kollegans"})
    before = path.read_bytes()
    w.c.set_note("R1", "min")
    _answer_conflict(monkeypatch, "no such button")
    assert not w.save()
    assert path.read_bytes() == before and w.isWindowModified()
