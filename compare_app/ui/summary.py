"""The coverage summary that stays visible: totals and one row per area."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from .style import STATUS_COLOURS


def percent(value: float) -> str:
    return QLocale().toString(value * 100, "f", 0) + " %"


class SummaryTable(QWidget):
    """Covered / partial / gap per area and in total, updated after every edit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.total_label = QLabel()
        self.total_label.setAccessibleName(self.tr("Täckning totalt"))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Område"), self.tr("Täckt"), self.tr("Delvis"), self.tr("Lucka"), self.tr("Täckning"),
             self.tr("Formella")]
        )
        self.table.horizontalHeaderItem(5).setToolTip(self.tr("Formella krav (betyg, behörighet, tid i yrket): "
                                                              "räknas inte i täckningen"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Täckning per område"))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.total_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.total_label.setVisible(False)  # the main window shows the total in its status bar

    def preferred_height(self) -> int:
        """Height that shows every row without scrolling."""
        rows = max(self.table.rowCount(), 4)
        return self.table.horizontalHeader().height() + rows * self.table.verticalHeader().defaultSectionSize() + 6

    def update_from(self, project) -> None:
        if project is None:
            self.total_label.setText("")
            self.table.setRowCount(0)
            return
        areas = project.standard.areas()
        rows = [(a or self.tr("(utan område)"), project.summary(a)) for a in areas]
        total = project.summary()
        rows.append((self.tr("Totalt"), total))
        self.table.setRowCount(len(rows))
        loc = QLocale()
        for r, (name, s) in enumerate(rows):
            cells = [name, loc.toString(s.covered), loc.toString(s.partial), loc.toString(s.gap), percent(s.coverage),
                     loc.toString(s.formal)]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c == 0:
                    cell.setToolTip(text)
                if c in (1, 2, 3, 5):
                    status = {1: "covered", 2: "partial", 3: "gap", 5: "formal"}[c]
                    cell.setBackground(QBrush(STATUS_COLOURS[status][0]))
                if r == len(rows) - 1:
                    font = QFont()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(r, c, cell)
        self.total_label.setText(total_text(project))


def total_text(project) -> str:
    """One line: coverage in per cent and the counts, for the summary and the status bar."""
    from PySide6.QtCore import QCoreApplication

    total = project.summary()
    loc = QLocale()
    text = QCoreApplication.translate("SummaryTable", "<b>Täckning {0}</b> — täckt {1}, delvis {2}, luckor {3} av {4} krav; granskade {5}").format(
                percent(total.coverage),
                loc.toString(total.covered),
                loc.toString(total.partial),
                loc.toString(total.gap),
                loc.toString(total.total),
                loc.toString(len(project.reviews)),
            )
    if total.formal:
        text += QCoreApplication.translate("SummaryTable", "; formella krav {0} (utanför täckningen)").format(loc.toString(total.formal))
    return text
