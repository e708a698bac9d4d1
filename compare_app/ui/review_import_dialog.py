"""A dialog that shows what a returned review workbook would change, and applies it on OK.

Independent of the main window's controller: it needs only the project and the file. After
``exec()`` returns Accepted, :attr:`ReviewImportDialog.previous` holds ``(requirement id,
previous review)`` pairs so the caller can push one undoable command that restores them.
A file that cannot be used raises :class:`~compare_app.errors.InputError` from the constructor,
before any window opens, so the caller shows it like any other bad file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..alignment import Review
from ..exporters._report_data import STATUS_SV
from ..importers import review_xlsx

COLUMNS = ("Krav", "Kursinnehåll", "Status före", "Status efter", "Kommentar före", "Kommentar efter")


class ReviewImportDialog(QDialog):
    def __init__(self, parent, project, path: str | Path, reviewer: str | None = None):
        super().__init__(parent)
        self.project = project
        self.diff = review_xlsx.diff(project, path, reviewer)
        #: filled by accept(): (requirement id, previous review) pairs, for undo
        self.previous: list[tuple[str, Review | None]] = []
        self.setWindowTitle(self.tr("Läs in granskning"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._intro()))
        self.table = self._table()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Verkställ ändringarna"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(len(self.diff) > 0)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def _intro(self) -> str:
        name = self.diff.reviewer or self.tr("(granskaren har inte skrivit sitt namn)")
        if not len(self.diff):
            return self.tr("Filen {0} innehåller inga ändringar.").format(self.diff.path.name)
        return self.tr("{0} ändringar i {1}, granskade av {2}. Ändringarna sparas som beslut av granskaren.").format(
            len(self.diff), self.diff.path.name, name
        )

    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.diff), len(COLUMNS), self)
        table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        for row, change in enumerate(self.diff.changes):
            values = (
                change.requirement_id,
                change.item_id,
                STATUS_SV[change.old_status],
                STATUS_SV[change.new_status] if change.status_edited else "",
                change.old_note,
                change.new_note if change.note_edited else "",
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(row, col, item)
            requirement = self.project.standard.get(change.requirement_id)
            if requirement is not None:
                table.item(row, 0).setToolTip(requirement.text)
            item = self.project.curriculum.get(change.item_id) if change.item_id else None
            if item is not None:
                table.item(row, 1).setToolTip(item.text)
            if change.status_edited:
                table.item(row, 3).setData(Qt.ItemDataRole.FontRole, _bold(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.resizeColumnsToContents()
        return table

    def accept(self) -> None:
        """Apply the edits to the project, keep the previous reviews for undo, then close."""
        self.previous = review_xlsx.apply(self.project, self.diff)
        super().accept()


def _bold(widget):
    font = widget.font()
    font.setBold(True)
    return font
