"""The one object every view talks to: the open project, its undo stack and the selection.

Views never change the project directly; they call :meth:`ProjectController.push_edit`
(or one of the review helpers built on it) so every edit is undoable and every view
hears about it through :attr:`changed`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..alignment import Review, Status


class _EditCommand(QUndoCommand):
    """An undoable edit made of two callables; the first redo applies it."""

    def __init__(self, controller: "ProjectController", text: str, apply: Callable[[], object], revert: Callable[[], object]):
        super().__init__(text)
        self._controller = controller
        self._apply = apply
        self._revert = revert

    def redo(self) -> None:
        self._apply()
        self._controller.changed.emit()

    def undo(self) -> None:
        self._revert()
        self._controller.changed.emit()


class ProjectController(QObject):
    """Holds the open project and routes every edit through one undo stack."""

    #: a different project was opened, created or closed
    project_replaced = Signal()
    #: something in the project changed (an edit, undo/redo, a new alignment)
    changed = Signal()
    #: the requirement the user is looking at (its id)
    selection_changed = Signal(str)
    #: the project now has (True) or no longer has (False) unsaved changes
    modified_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.project = None  # compare_app.project.Project | None
        self.undo_stack = QUndoStack(self)
        self.path: Path | None = None
        #: the project file as opened or last saved (storage.Baseline): a later save checks it is unchanged
        self.baseline = None
        self.selected_requirement: str = ""
        self._unsaved = False  # changes outside the undo stack (a new alignment, an import)
        #: a project opened read-only takes no review edits (the window disables them too)
        self.read_only = False
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # --- project lifecycle ------------------------------------------------------
    def set_project(self, project, path: Path | None = None, baseline=None) -> None:
        """Replace the open project (clears the undo history)."""
        self.project = project
        self.path = Path(path) if path is not None else None
        self.baseline = baseline
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._unsaved = False
        self.selected_requirement = ""
        self.project_replaced.emit()

    def mark_saved(self, path: Path, baseline=None) -> None:
        self.path = Path(path)
        self.baseline = baseline
        self._unsaved = False
        self.undo_stack.setClean()
        self.modified_changed.emit(False)

    def touch(self) -> None:
        """Record a change made outside the undo stack (e.g. a re-run alignment) and announce it."""
        self._unsaved = True
        self.modified_changed.emit(True)
        self.changed.emit()

    def is_modified(self) -> bool:
        return self._unsaved or not self.undo_stack.isClean()

    def _clean_changed(self, _clean: bool) -> None:
        self.modified_changed.emit(self.is_modified())

    def select(self, requirement_id: str) -> None:
        if requirement_id != self.selected_requirement:
            self.selected_requirement = requirement_id
            self.selection_changed.emit(requirement_id)

    # --- edits ------------------------------------------------------------------
    def push_edit(self, text: str, apply: Callable[[], object], revert: Callable[[], object]) -> None:
        """Run ``apply`` as an undoable edit named ``text``; ``revert`` undoes it."""
        self.undo_stack.push(_EditCommand(self, text, apply, revert))

    def review_edit(self, text: str, requirement_id: str, edit: Callable[[], Review | None]) -> None:
        """Wrap one of Project's edit methods (which return the previous Review) as an undoable edit."""
        project = self.project
        if project is None or self.read_only:
            return
        state: dict[str, Review | None] = {}

        def apply() -> None:
            if "after" in state:  # redo after undo: restore exactly what the edit made
                project.set_review(requirement_id, _copy(state["after"]))
                return
            state["before"] = edit()
            state["after"] = _copy(project.reviews.get(requirement_id))

        def revert() -> None:
            project.set_review(requirement_id, _copy(state["before"]))

        self.push_edit(text, apply, revert)

    def accept(self, req: str, item: str) -> None:
        self.review_edit(self.tr("Godkänn länk"), req, lambda: self.project.accept(req, item))

    def reject(self, req: str, item: str) -> None:
        self.review_edit(self.tr("Avvisa länk"), req, lambda: self.project.reject(req, item))

    def link(self, req: str, item: str) -> None:
        self.review_edit(self.tr("Länka för hand"), req, lambda: self.project.link(req, item))

    def unlink(self, req: str, item: str) -> None:
        self.review_edit(self.tr("Ta bort länk"), req, lambda: self.project.unlink(req, item))

    def set_status(self, req: str, status: Status | None) -> None:
        self.review_edit(self.tr("Ändra status"), req, lambda: self.project.set_status(req, status))

    def set_formal(self, req: str, formal: bool | None) -> None:
        self.review_edit(self.tr("Formellt krav"), req, lambda: self.project.set_formal(req, formal))

    def set_note(self, req: str, note: str) -> None:
        self.review_edit(self.tr("Anteckning"), req, lambda: self.project.set_note(req, note))


def _copy(review: Review | None) -> Review | None:
    return review.copy() if review is not None else None
