"""The main window: project lifecycle, menus, long work with progress, and the tabs."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

from . import prefs
from .controller import ProjectController
from .review_view import ReviewView
from .summary import total_text
from .workers import Task, stage_text

PROJECT_FILTER = "compare_app-projekt (*.cmpproj);;Alla filer (*)"
PROJECT_SUFFIX = ".cmpproj"
AUTOSAVE_MS = 60_000


class ProgressPanel(QWidget):
    """Progress bar, message and cancel button for the one long task that may run at a time."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(260)
        self.bar.setAccessibleName(self.tr("Förlopp"))
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.setToolTip(self.tr("Avbryt det pågående arbetet (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def start(self, title: str) -> None:
        self.title = title
        self.label.setText(title)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def show_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.bar.setToolTip(message)
        stage = stage_text(message)
        if self.cancel_button.isEnabled():  # else the label says it is cancelling
            self.label.setText(f"{self.title} – {stage}" if stage else self.title)


class MainWindow(QMainWindow):
    """Holds one ProjectController; every view is a tab over it."""

    task_done = Signal(str)  # "finished", "failed" or "cancelled" (tests and the screenshot mode wait on it)

    def __init__(self, controller: ProjectController | None = None):
        super().__init__()
        self.c = controller or ProjectController(self)
        self.task: Task | None = None
        self._memory_tasks: list[Task] = []  # background writes to the user's store of learned pairs
        self.last_error: Exception | None = None
        self.read_only = False
        self.quiet = False  # screenshot mode: messages go to the status bar, never a modal dialog
        self.setWindowTitle("compare_app[*]")
        self.resize(1280, 760)

        self.review = ReviewView(self.c)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.review, self.tr("Granskning"))
        self._add_optional_tabs()
        self.setCentralWidget(self.tabs)

        self.summary = self.review.summary
        self.total = QLabel()  # the total stays visible on every tab
        self.total.setAccessibleName(self.tr("Täckning totalt"))
        self.statusBar().addPermanentWidget(self.total)
        self.matcher = QLabel()  # which method made the proposals: words and meaning, or words alone
        self.matcher.setAccessibleName(self.tr("Matchningsmetod"))
        self.statusBar().addPermanentWidget(self.matcher)

        self.progress = ProgressPanel()
        self.progress.cancel_button.clicked.connect(self.cancel_task)
        self.statusBar().addPermanentWidget(self.progress)

        self._make_actions()
        self._make_menus()
        self._add_context_menus()
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())
        self.c.project_replaced.connect(self._project_replaced)
        self.c.changed.connect(self._changed)
        self.c.modified_changed.connect(self._modified_changed)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._update_actions()
        self._update_title()

    # --- building ------------------------------------------------------------------
    def _add_optional_tabs(self) -> None:
        """The units and planner views (written by other engineers) as tabs over the same controller."""
        from .planner_view import PlannerView
        from .units_view import UnitsView

        self.units_view = UnitsView(self.c)
        self.planner_view = PlannerView(self.c)
        self.tabs.addTab(self.units_view, self.tr("Enheter"))
        self.tabs.addTab(self.planner_view, self.tr("Planering"))
        from .candidate_view import CandidateView

        self.candidate_view = CandidateView(self.c, self.run_task)
        self.tabs.addTab(self.candidate_view, self.tr("Kandidater"))

    def _action(self, text: str, slot: Callable, shortcut=None, tip: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        r = self.review
        p = r.panel
        self.act_new = self._action(self.tr("&Nytt projekt…"), self.new_project, S.New)
        self.act_open = self._action(self.tr("&Öppna…"), self.open_dialog, S.Open)
        self.act_save = self._action(self.tr("&Spara"), self.save, S.Save)
        self.act_save_as = self._action(self.tr("Spara s&om…"), self.save_as, S.SaveAs)
        self.act_add_source = self._action(self.tr("Lägg till kursplanekälla…"), self.add_curriculum_source)
        self.act_import_review = self._action(self.tr("Importera granskning från Excel…"), self.import_review)
        self.act_overview = self._action(self.tr("Regional översikt (flera standarder)…"), self.open_overview,
                                         tip=self.tr("Jämför flera standarder eller projekt med samma kurser"))
        self.act_export_docx = self._action(self.tr("Rapport som &Word…"), lambda: self.export("docx"))
        self.act_export_xlsx = self._action(self.tr("Rapport som &Excel…"), lambda: self.export("xlsx"))
        self.act_export_case = self._action(self.tr("CASE-paket (JSON)…"), lambda: self.export("case"))
        self.act_settings = self._action(self.tr("&Inställningar…"), self.open_settings, S.Preferences)
        self.act_quit = self._action(self.tr("&Avsluta"), self.close, S.Quit)
        self.act_undo = self.c.undo_stack.createUndoAction(self, self.tr("&Ångra"))
        self.act_undo.setShortcut(QKeySequence(S.Undo))
        self.act_redo = self.c.undo_stack.createRedoAction(self, self.tr("&Gör om"))
        self.act_redo.setShortcut(QKeySequence(S.Redo))
        self.act_align = self._action(self.tr("&Kör matchning"), self.run_alignment, "F5",
                                      self.tr("Beräkna förslag igen; dina beslut behålls"))
        self.act_next = self._action(self.tr("&Nästa ogranskade"), lambda: self.go_unreviewed(1), "N",
                                     self.tr("Gå till nästa krav som ingen har granskat (N)"))
        self.act_prev = self._action(self.tr("&Föregående ogranskade"), lambda: self.go_unreviewed(-1), "Shift+N")
        from .style import review_key, status_name

        accept, reject = review_key("accept"), review_key("reject")
        self.act_accept = self._action(self.tr("&Godkänn länk"), p.accept_current, accept,
                                       self.tr("Godkänn markerad länk ({0})").format(accept))
        self.act_reject = self._action(self.tr("&Avvisa länk"), p.reject_current, reject,
                                       self.tr("Avvisa markerad länk ({0})").format(reject))
        self.act_unlink = self._action(self.tr("&Ta bort beslut"), p.unlink_current, "Delete")
        self.act_link_tree = self._action(self.tr("&Länka markerat kursinnehåll"), r.link_selected_curriculum_item, "L",
                                          self.tr("Länka punkten som är markerad i kursträdet till kravet (L)"))
        self.act_search_link = self._action(self.tr("Sök och länka…"), self._focus_link_search, "Ctrl+K")
        self.act_find = self._action(self.tr("Sök bland kraven"), self._focus_find, S.Find)
        self.act_note = self._action(self.tr("Skriv anteckning"), p.note.setFocus, "Ctrl+E")
        self.act_save_note = self._action(self.tr("Spara anteckning"), p.commit_note, "Ctrl+Return")
        self.status_actions = []
        for key, status in (("1", "covered"), ("2", "partial"), ("3", "gap"), ("0", None)):
            act = self._action(self.tr("Status: {0}").format(status_name(status)), lambda s=status: p.set_status(s), key)
            self.status_actions.append(act)
        self.act_shortcuts = self._action(self.tr("Kortkommandon"), self.show_shortcuts, "F1")
        self.act_about = self._action(self.tr("Om compare_app"), self.show_about)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&Arkiv"))
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = m.addMenu(self.tr("Senaste projekt"))
        self._fill_recent()
        m.addActions([self.act_save, self.act_save_as])
        m.addSeparator()
        m.addActions([self.act_add_source, self.act_import_review, self.act_overview])
        exp = m.addMenu(self.tr("&Exportera"))
        exp.addActions([self.act_export_docx, self.act_export_xlsx, self.act_export_case])
        m.addSeparator()
        m.addActions([self.act_settings, self.act_quit])
        e = bar.addMenu(self.tr("&Redigera"))
        e.addActions([self.act_undo, self.act_redo])
        e.addSeparator()
        e.addActions([self.act_find, self.act_search_link])
        g = bar.addMenu(self.tr("&Granska"))
        g.addActions([self.act_align])
        g.addSeparator()
        g.addActions([self.act_next, self.act_prev, self.act_accept, self.act_reject, self.act_unlink, self.act_link_tree])
        g.addSeparator()
        g.addActions(self.status_actions)
        g.addSeparator()
        g.addActions([self.act_note, self.act_save_note])
        h = bar.addMenu(self.tr("&Hjälp"))
        h.addActions([self.act_shortcuts, self.act_about])

    def _add_context_menus(self) -> None:
        """Right-click offers the same actions as the menu and the keys."""
        links = self.review.panel.links
        links.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        links.addActions([self.act_accept, self.act_reject, self.act_unlink])
        cur = self.review.cur_tree
        cur.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        cur.addAction(self.act_link_tree)
        std = self.review.std_tree
        std.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        std.addActions([self.act_next, *self.status_actions, self.act_note])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = prefs.recent_projects()
        for path in paths:
            act = self.recent_menu.addAction(str(path))
            act.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(paths))

    # --- state ---------------------------------------------------------------------
    def is_modified(self) -> bool:
        return self.c.project is not None and self.c.is_modified()

    def _update_title(self) -> None:
        project = self.c.project
        if project is None:
            self.setWindowTitle("compare_app")
        else:
            name = self.c.path.name if self.c.path else self.tr("(inte sparat)")
            ro = self.tr(" (skrivskyddat)") if self.read_only else ""
            self.setWindowTitle(f"{project.title or name} — {name}{ro}[*] — compare_app")
        self.setWindowModified(self.is_modified())

    def _update_actions(self) -> None:
        has = self.c.project is not None
        busy = self.task is not None
        editable = has and not busy and not self.read_only
        for act in (self.act_save_as, self.act_export_docx, self.act_export_xlsx, self.act_export_case):
            act.setEnabled(has and not busy)
        self.act_save.setEnabled(has and not busy and not self.read_only)
        for act in (self.act_align, self.act_add_source, self.act_import_review):
            act.setEnabled(editable)
        reviewing = editable and self.tabs.currentWidget() is self.review  # single keys belong to the review tab
        for act in [self.act_accept, self.act_reject, self.act_unlink, self.act_link_tree, self.act_search_link,
                    self.act_note, self.act_save_note, *self.status_actions]:
            act.setEnabled(reviewing)
        for act in (self.act_next, self.act_prev):
            act.setEnabled(has and self.tabs.currentWidget() is self.review)
        self.review.panel.setEnabled(editable and bool(self.review.panel.requirement_id))
        for act in (self.act_new, self.act_open):
            act.setEnabled(not busy)

    def _project_replaced(self) -> None:
        self._show_total()
        self._update_title()
        self._update_actions()

    def _modified_changed(self, _modified: bool) -> None:
        self._update_title()

    def _changed(self) -> None:
        self._show_total()
        self._update_title()

    def _show_total(self) -> None:
        self.total.setText(total_text(self.c.project) if self.c.project is not None else "")
        self._show_matcher()

    def _show_matcher(self) -> None:
        """Say whether the language model took part, and why not when it did not."""
        alignment = self.c.project.alignment if self.c.project is not None else None
        semantic = alignment.semantic if alignment is not None else {}
        if not semantic:
            self.matcher.setText("")
            self.matcher.setToolTip("")
        elif semantic.get("model"):
            self.matcher.setText(self.tr("Förslag: ord och betydelse"))
            self.matcher.setToolTip(self.tr("Språkmodell {0} (vikter {1}, {2})").format(
                semantic["model"], semantic.get("weights_sha256", "")[:12], semantic.get("engine", "")))
        else:
            self.matcher.setText(self.tr("Förslag: endast ord"))
            self.matcher.setToolTip(self.tr("Språkmodellen används inte: {0}").format(semantic.get("reason", "")))

    # --- long work -------------------------------------------------------------------
    def run_task(self, title: str, fn: Callable[[Any], Any], on_done: Callable[[Any], None]) -> Task | None:
        """Run ``fn(progress)`` off the GUI thread; ``on_done(result)`` runs in the GUI thread."""
        if self.task is not None:
            self.inform(self.tr("Upptagen"), self.tr("Vänta tills det pågående arbetet är klart."))
            return None
        task = Task(fn)
        self.task = task
        task.signals.progress.connect(self.progress.show_progress)
        task.signals.finished.connect(lambda result: self._task_ended("finished", on_done, result))
        task.signals.failed.connect(lambda exc: self._task_ended("failed", self._show_error, exc))
        task.signals.cancelled.connect(lambda: self._task_ended("cancelled", None, None))
        self.progress.start(title)
        self.statusBar().showMessage(title)
        self._update_actions()
        task.start()
        return task

    def _task_ended(self, how: str, then: Callable | None, value: Any) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.statusBar().showMessage(
            {"finished": self.tr("Klart."), "cancelled": self.tr("Avbrutet."), "failed": self.tr("Misslyckades.")}[how], 5000
        )
        try:
            if then is not None:
                then(value)
        finally:
            self._update_actions()
            self.task_done.emit(how)

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.progress.cancel_button.setEnabled(False)
            self.progress.label.setText(self.tr("Avbryter…"))

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape and self.task is not None:
            self.cancel_task()
        else:
            super().keyPressEvent(event)

    def inform(self, title: str, text: str, icon=QMessageBox.Icon.Information) -> None:
        """A message box, or in quiet mode a status-bar message and a line on stderr."""
        if self.quiet:
            import sys

            print(f"{title}: {text}", file=sys.stderr)
            self.statusBar().showMessage(text, 10000)
            return
        QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self).exec()

    def _show_error(self, exc: Exception) -> None:
        from ..errors import InputError

        self.last_error = exc
        if self.quiet and not isinstance(exc, InputError):
            import sys
            import traceback

            traceback.print_exception(exc, file=sys.stderr)
        if isinstance(exc, InputError):
            self.inform(self.tr("Filen kunde inte användas"), str(exc), QMessageBox.Icon.Warning)
        else:
            self.inform(self.tr("Fel"), self.tr("Ett oväntat fel inträffade:\n{0}").format(repr(exc)), QMessageBox.Icon.Critical)

    # --- project lifecycle ---------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the user cancels."""
        if not self.is_modified():
            return True
        if self.quiet:  # no one to ask: keep the work in a recovery file instead
            self.autosave()
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Osparade ändringar"),
            self.tr("Projektet har ändringar som inte är sparade. Spara dem?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def set_project(self, project, path: Path | None = None, read_only: bool = False, align: bool = False,
                    baseline=None) -> None:
        self.read_only = read_only
        self.c.read_only = read_only
        if project is not None and not project.settings.author:
            project.settings.author = prefs.author()
        self.c.set_project(project, path, baseline)
        if align:
            self.run_alignment()

    def new_project(self) -> None:
        from .dialogs import NewProjectDialog

        if not self.maybe_save():
            return
        dlg = NewProjectDialog(self)
        if dlg.exec() != NewProjectDialog.DialogCode.Accepted:
            return
        self.create_project(dlg.spec())

    def create_project(self, spec) -> None:
        """Read the files of a new project in the background, open it and align it."""
        from .project_setup import build_project

        self.run_task(self.tr("Läser in filerna…"), lambda progress: build_project(spec, progress),
                      lambda project: self.set_project(project, None, align=True))

    def open_demo(self, align: bool = True) -> None:
        from ..paths import samples_dir
        from .project_setup import build_demo

        self.run_task(self.tr("Öppnar exemplet…"), lambda progress: build_demo(samples_dir(), progress),
                      lambda project: self.set_project(project, None, align=align))

    def run_alignment(self) -> None:
        project = self.c.project
        if project is None:
            return
        self.review.panel.commit_note()

        def done(_alignment) -> None:
            self.c.touch()

        self.run_task(self.tr("Matchar krav mot kursinnehåll…"), project.align, done)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Öppna projekt"), "", self.tr(PROJECT_FILTER))
        if path:
            self.open_path(Path(path), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> None:
        if ask and not self.maybe_save():
            return
        from ..project import storage

        def load(progress):
            loaded = storage.load(path)
            progress.step(1, 1)  # raises Cancelled when the user stopped it meanwhile: do not open it after all
            return loaded

        self.run_task(self.tr("Öppnar {0}…").format(Path(path).name), load, lambda loaded: self._opened(loaded, Path(path)))

    def _opened(self, loaded, path: Path) -> None:
        self.set_project(loaded.project, path, read_only=bool(getattr(loaded, "read_only", False)),
                         baseline=getattr(loaded, "baseline", None))
        self._fill_recent_after(path)
        notes = list(getattr(loaded, "warnings", []) or [])
        changed = list(getattr(loaded, "changed_sources", []) or [])
        missing = list(getattr(loaded, "missing_sources", []) or [])
        if changed:
            notes.append(self.tr("Källfiler har ändrats sedan projektet sparades: {0}. Kör matchningen (F5) för nya förslag; dina beslut behålls.").format(", ".join(map(str, changed))))
        if missing:
            # harmless: the project embeds what it was built from; only change detection needs the originals
            self.statusBar().showMessage(self.tr(
                "Originalfilerna finns inte här ({0}); projektet innehåller allt som behövs, men ändringar i "
                "originalen kan inte upptäckas.").format(", ".join(PureWindowsPath(str(m)).name for m in missing)), 15000)
        if self.read_only:
            notes.append(self.tr("Projektet öppnades skrivskyddat. Spara som en ny fil för att ändra."))
        if notes:
            self.inform(self.tr("Om projektet"), "\n\n".join(notes))

    def _fill_recent_after(self, path: Path) -> None:
        prefs.add_recent(path)
        self._fill_recent()

    def save(self) -> bool:
        if self.c.project is None:
            return False
        if self.c.path is None or self.read_only:
            return self.save_as()
        return self.save_to(self.c.path)

    def save_as(self) -> bool:
        if self.c.project is None:
            return False
        suggested = str(self.c.path or Path((self.c.project.title or "projekt") + PROJECT_SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Spara projekt som"), suggested, self.tr(PROJECT_FILTER))
        if not path:
            return False
        if not path.lower().endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self.save_to(Path(path), chosen=True)

    def save_to(self, path: Path, chosen: bool = False) -> bool:
        """Save synchronously (a project file is small) and clear the modified mark.

        Saving over the file this window opened checks that nobody else saved it
        meanwhile; if someone did, the person chooses to merge or to save a copy.
        ``chosen``: the person picked ``path`` in "Spara som" (and agreed to replace it)."""
        from ..project import storage

        self.review.panel.commit_note()
        path = Path(path)
        same_file = self.c.path is not None and path == self.c.path
        baseline = self.c.baseline if same_file else None
        try:
            if same_file and baseline is None and not chosen and path.exists():
                raise storage.SaveConflict(path)  # restored unsaved work: the file may be newer
            baseline = storage.save(self.c.project, path, baseline)
        except storage.SaveConflict:
            return self._save_after_conflict(path)
        except Exception as exc:  # disk full, no permission, ...: tell, keep the window modified
            QMessageBox.critical(self, self.tr("Kunde inte spara"), f"{path}\n{exc}")
            return False
        self._saved(path, baseline)
        return True

    def _save_after_conflict(self, path: Path) -> bool:
        """Someone else saved ``path`` since it was opened here: merge the decisions, save a copy, or stop."""
        from ..project import storage

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Filen har ändrats"),
                          self.tr("Någon annan har sparat {0} sedan du öppnade det. Inget har skrivits över.\n\n"
                                  "Slå ihop: deras ändringar läggs till dina; där ni har beslutat olika om samma krav "
                                  "gäller ditt beslut och du får se vilka krav det gäller.").format(path.name),
                          QMessageBox.StandardButton.Cancel, self)
        merge = box.addButton(self.tr("Slå ihop besluten"), QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton(self.tr("Spara som kopia…"), QMessageBox.ButtonRole.ActionRole)
        merge.setEnabled(self.c.baseline is not None)
        box.exec()
        if box.clickedButton() is copy:
            return self.save_as()
        if box.clickedButton() is not merge:
            return False
        try:
            result = storage.merge_with_file(self.c.project, path, self.c.baseline)
            baseline = storage.save(result.project, path, result.baseline)
        except storage.SaveConflict:
            return self._save_after_conflict(path)  # yet another save came in between: ask again
        except Exception as exc:
            QMessageBox.critical(self, self.tr("Kunde inte spara"), f"{path}\n{exc}")
            return False
        self.set_project(result.project, path, baseline=baseline)
        self._saved(path, baseline)
        self.inform(self.tr("Besluten har slagits ihop"), self._merge_summary(result, path))
        return True

    def _merge_summary(self, result, path: Path) -> str:
        from ..project import storage

        if result.taken:
            lines = [self.tr("Ändringar från den andra versionen som lades till: {0}.").format(len(result.taken))]
        else:
            lines = [self.tr("Den andra versionen hade inga andra ändringar än dina.")]
        if result.conflicts:
            names = [self._conflict_name(c) for c in result.conflicts]
            shown = ", ".join(names[:15]) + (" …" if len(names) > 15 else "")
            lines.append(self.tr("Ni har ändrat samma sak på olika sätt ({0}): {1}. Ditt beslut gäller där.").format(len(names), shown))
        lines.append(self.tr("Den andra versionen finns kvar i {0}.").format(storage.backup_path(path).name))
        return "\n\n".join(lines)

    def _conflict_name(self, conflict) -> str:
        """'krav A1', 'enhet U2', or the field's name for a whole value."""
        if conflict.field == "reviews":
            return self.tr("krav {0}").format(conflict.key)
        if conflict.field == "units":
            return self.tr("enhet {0}").format(conflict.key)
        return f"{conflict.field} {conflict.key}".strip()

    def _saved(self, path: Path, baseline) -> None:
        self.read_only = False
        self.c.read_only = False
        self.c.mark_saved(path, baseline)
        self._fill_recent_after(path)
        self._discard_own_recovery()
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Sparat i {0}").format(path), 5000)
        if self.c.project.settings.learn_from_history:
            self._remember(self.c.project)

    def _remember(self, project) -> None:
        """Add what the saved project's decisions teach to the user's store, in the background
        (it may need the curriculum's index); a failure only costs the learning."""
        import dataclasses

        from ..align import memory

        # the worker reads a copy of the decisions: the person may go on reviewing meanwhile
        snapshot = dataclasses.replace(project, reviews={k: v.copy() for k, v in project.reviews.items()})
        task = Task(lambda _progress: memory.remember(snapshot))
        self._memory_tasks.append(task)

        def done(result=None) -> None:
            if task in self._memory_tasks:
                self._memory_tasks.remove(task)
            if isinstance(result, Exception) and shiboken6.isValid(self):
                self.statusBar().showMessage(self.tr("Kunde inte spara det inlärda: {0}").format(result), 5000)

        task.signals.finished.connect(done)
        task.signals.failed.connect(done)
        task.start()

    # --- recovery ------------------------------------------------------------------------
    def autosave(self) -> None:
        """Write a recovery copy of unsaved work (every minute); never interrupts the user."""
        from ..errors import InputError
        from ..project import recovery

        if not self.is_modified() or self.task is not None:
            return
        try:
            recovery.autosave(self.c.project, self.c.path)
        except (InputError, OSError) as exc:
            self.statusBar().showMessage(self.tr("Autospara misslyckades: {0}").format(exc), 5000)

    def _discard_own_recovery(self) -> None:
        from ..project import recovery

        recovery.clear(self.c.project.id)

    def offer_recovery(self) -> None:
        """At start: offer to restore projects that were not saved when the app last stopped."""
        from ..project import recovery

        for entry in recovery.pending():
            where = entry.original_path or self.tr("aldrig sparat")
            when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            answer = QMessageBox.question(
                self,
                self.tr("Återställ osparat arbete"),
                self.tr("Det finns osparat arbete i ”{0}” från {1} ({2}). Återställa det?").format(entry.title, when, where),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Discard,
            )
            if answer == QMessageBox.StandardButton.Yes:
                project = recovery.restore(entry)
                original = entry.original_path
                self.set_project(project, Path(original) if original else None)
                self.c.touch()
                return
            if answer == QMessageBox.StandardButton.Discard:
                recovery.discard(entry)

    # --- other files -----------------------------------------------------------------------
    def add_curriculum_source(self) -> None:
        from .dialogs import CURRICULUM_FILTER

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Lägg till kursplanekälla"), "", self.tr(CURRICULUM_FILTER))
        if path:
            self.add_curriculum_path(Path(path))

    def add_curriculum_path(self, path: Path) -> None:
        from ..importers import load_curriculum
        from ..model import merge_curricula

        project = self.c.project

        def put(curriculum) -> None:
            project.curriculum = curriculum
            self.review.reload()  # the curriculum tree and the search list change

        def done(fw) -> None:
            old = project.curriculum
            new = merge_curricula([old, fw])
            self.c.push_edit(self.tr("Lägg till kursplanekälla"), lambda: put(new), lambda: put(old))

        self.run_task(self.tr("Läser {0}…").format(path.name), lambda progress: load_curriculum(path, progress), done)

    def import_review(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importera granskning"), "", self.tr("Excel (*.xlsx)"))
        if path:
            self.import_review_from(Path(path))

    def import_review_from(self, path: Path, ask: bool = True) -> bool:
        """Show what a returned review workbook changes; on OK apply it as one undoable edit."""
        from ..errors import InputError
        from .review_import_dialog import ReviewImportDialog

        self.review.panel.commit_note()
        project = self.c.project
        try:
            dlg = ReviewImportDialog(self, project, path)
        except InputError as exc:
            self._show_error(exc)
            return False
        if ask and not dlg.exec():
            return False
        if not ask:
            dlg.accept()
        before = [(rid, old.copy() if old else None) for rid, old in dlg.previous]
        after = [(rid, project.reviews[rid].copy() if rid in project.reviews else None) for rid, _ in before]

        def put(states):
            for rid, review in states:
                project.set_review(rid, review.copy() if review else None)

        self.c.push_edit(self.tr("Importera granskning"), lambda: put(after), lambda: put(before))
        return True

    def open_overview(self):
        """The overview dialog, with this project and its curriculum sources filled in."""
        from .overview_dialog import OverviewDialog

        project = self.c.project
        dlg = OverviewDialog(self, [s.path for s in project.curriculum.sources] if project else None)
        if self.c.path is not None:
            dlg.add_inputs([self.c.path])
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def export(self, kind: str) -> None:
        filters = {"docx": self.tr("Word (*.docx)"), "xlsx": self.tr("Excel (*.xlsx)"), "case": self.tr("CASE JSON (*.json)")}
        suffix = {"docx": ".docx", "xlsx": ".xlsx", "case": ".json"}[kind]
        base = (self.c.path.with_suffix(suffix) if self.c.path else Path((self.c.project.title or "rapport") + suffix))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Exportera"), str(base), filters[kind])
        if not path:
            return
        self.export_to(kind, Path(path))

    def export_to(self, kind: str, path: Path) -> None:
        project = self.c.project
        self.review.panel.commit_note()

        def work(progress):
            if kind == "docx":
                from ..exporters import report_docx

                report_docx.write(project, path, progress)
            elif kind == "xlsx":
                from ..exporters import report_xlsx

                report_xlsx.write(project, path, progress)
            else:
                from ..exporters import case_json

                case_json.write(project, path)
            return path

        self.run_task(self.tr("Exporterar {0}…").format(path.name), work,
                      lambda p: self.statusBar().showMessage(self.tr("Exporterat till {0}").format(p), 8000))

    def open_settings(self) -> None:
        from .dialogs import SettingsDialog

        project = self.c.project
        dlg = SettingsDialog(self, project)
        if dlg.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dlg.chosen_language(), dlg.author.text().strip(), dlg.hours.value(), dlg.top_k.value(),
                            dlg.learn.isChecked())

    def apply_settings(self, lang: str, author: str, hours: float, top_k: int, learn: bool | None = None) -> None:
        old_lang = prefs.language()
        prefs.set_language(lang)
        prefs.set_author(author)
        project = self.c.project
        if project is not None:
            s = project.settings
            before = (s.author, s.hours_per_point, s.top_k, s.learn_from_history)
            after = (author, hours, top_k, s.learn_from_history if learn is None else learn)
            if before != after:
                def put(values):
                    s.author, s.hours_per_point, s.top_k, s.learn_from_history = values

                self.c.push_edit(self.tr("Inställningar"), lambda: put(after), lambda: put(before))
        if lang != old_lang:
            self.inform(self.tr("Språk"), self.tr("Det nya språket används nästa gång programmet startar."))

    def go_unreviewed(self, step: int) -> None:
        if not self.review.next_unreviewed(step):
            self.statusBar().showMessage(self.tr("Alla krav som visas är granskade."), 5000)

    def _restore_layout(self) -> None:
        """Window size and position from the last session (a screen's worth by default)."""
        state = prefs.settings().value("window/geometry")
        if state is not None:
            self.restoreGeometry(state)

    def _focus_link_search(self) -> None:
        self.tabs.setCurrentWidget(self.review)
        self.review.panel.search.setFocus()

    def _focus_find(self) -> None:
        self.tabs.setCurrentWidget(self.review)
        self.review.std_search.setFocus()
        self.review.std_search.selectAll()

    def show_shortcuts(self) -> None:
        rows = [(a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in self.actions() if not a.shortcut().isEmpty()]
        html = "<table>" + "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;{t}</td></tr>" for t, k in rows) + "</table>"
        QMessageBox.information(self, self.tr("Kortkommandon"), html)

    def show_about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, self.tr("Om compare_app"), self.tr(
            "compare_app {0}\nJämför en branschs kompetensstandard med kursernas centrala innehåll.").format(__version__))

    def stop_background_work(self) -> None:
        """Cancel running work and wait for it, so no worker outlives the window it reports to."""
        if self.task is not None:
            self.task.cancel()
        QThreadPool.globalInstance().waitForDone()

    def closeEvent(self, event):
        if self.task is not None:
            self.task.cancel()
        if self.maybe_save():
            self.stop_background_work()
            if not self.quiet:
                prefs.settings().setValue("window/geometry", self.saveGeometry())
            QCoreApplication.processEvents()
            event.accept()
        else:
            event.ignore()
