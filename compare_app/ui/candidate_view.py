"""The Kandidater tab: record a candidate's results, see what they credit, write the personal document.

Every edit goes through the controller's undo stack as a before/after snapshot of the
project's candidates (and the credit threshold), so it is undoable, marks the project as
changed and is autosaved like any decision. The complementary plan needs the standard
aligned against the whole catalog; that runs off the GUI thread with progress and cancel
(the main window's task runner) and is kept for the next document.
"""

from __future__ import annotations

import copy

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..candidates import edit
from ..candidates.credit import credit
from ..candidates.model import ASSESSMENT_METHODS, RESULT_STATUSES, RESULT_SV, method_label
from ..errors import InputError

COLUMNS = 6
COL_ID, COL_AREA, COL_TEXT, COL_RESULT, COL_HOW, COL_NOTE = range(COLUMNS)
_RESULT_COLOUR = {"shown": "#C6EFCE", "partly_shown": "#FFEB9C", "not_shown": "#FFC7CE"}

Runner = Callable[[str, Callable, Callable], object]


def result_name(key: str) -> str:
    """A result in the GUI's language (the core's Swedish label is the source text)."""
    return QCoreApplication.translate("candidate", RESULT_SV[key])


def method_name(key: str) -> str:
    return QCoreApplication.translate("candidate", method_label(key)) if key else ""


class CandidateView(QWidget):
    """One candidate at a time against the project's standard."""

    def __init__(self, controller, run_task: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.c = controller
        self.run_task = run_task
        self._alignment = None  # the standard against the whole catalog, kept for the next plan
        self._build()
        controller.project_replaced.connect(self._project_replaced)
        controller.changed.connect(self.refresh)
        self._project_replaced()

    # --- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        self.candidate = QComboBox()
        self.candidate.setMinimumWidth(240)
        self.candidate.setAccessibleName(self.tr("Kandidat"))
        self.candidate.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button = QPushButton(self.tr("Ny kandidat…"))
        self.new_button.clicked.connect(self.ask_new_candidate)
        self.remove_button = QPushButton(self.tr("Ta bort kandidat"))
        self.remove_button.clicked.connect(self.ask_remove_candidate)
        self.import_button = QPushButton(self.tr("Importera resultat från Excel…"))
        self.import_button.clicked.connect(self.ask_import)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kandidat:")))
        top.addWidget(self.candidate)
        for button in (self.new_button, self.remove_button, self.import_button):
            top.addWidget(button)
        top.addStretch(1)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Krav-id"), self.tr("Kompetensområde"), self.tr("Krav"),
                                              self.tr("Resultat"), self.tr("Hur och när"), self.tr("Anteckning")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_ID, 100), (COL_AREA, 150), (COL_RESULT, 100), (COL_HOW, 190), (COL_NOTE, 180)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._load_editor)

        self.result = QComboBox()
        for key in RESULT_STATUSES:
            self.result.addItem(result_name(key), key)
        self.result.addItem(self.tr("(inte bedömt)"), None)
        self.day = QLineEdit(date.today().isoformat())
        self.day.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.day.setMaximumWidth(110)
        self.method = QComboBox()
        self.method.addItem(self.tr("(ingen angiven)"), "")
        for key in ASSESSMENT_METHODS:
            self.method.addItem(method_name(key), key)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Anteckning"))
        self.record_button = QPushButton(self.tr("Registrera för markerade krav"))
        self.record_button.clicked.connect(self.record_selected)
        editor = QHBoxLayout()
        for widget in (self.result, self.day, self.method):
            editor.addWidget(widget)
        editor.addWidget(self.note, 1)
        editor.addWidget(self.record_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(editor)

        self.threshold = QSpinBox()
        self.threshold.setRange(10, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setAccessibleName(self.tr("Tröskel för tillgodoräknande"))
        self.threshold.editingFinished.connect(self._threshold_edited)
        self.credit_text = QPlainTextEdit()
        self.credit_text.setReadOnly(True)
        self.pdf = QCheckBox(self.tr("Även PDF (LibreOffice)"))
        self.document_button = QPushButton(self.tr("Skriv valideringsresultat och studieplan…"))
        self.document_button.clicked.connect(self.ask_document)
        threshold_row = QHBoxLayout()
        threshold_row.addWidget(QLabel(self.tr("Tillgodoräkna från:")))
        threshold_row.addWidget(self.threshold)
        threshold_row.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(threshold_row)
        right_layout.addWidget(self.credit_text, 1)
        right_layout.addWidget(self.pdf)
        right_layout.addWidget(self.document_button)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # --- state ----------------------------------------------------------------------
    def current(self):
        project = self.c.project
        cid = self.candidate.currentData()
        return next((c for c in project.candidates if c.id == cid), None) if project and cid else None

    def _project_replaced(self) -> None:
        from ..exporters.pdf import find_soffice

        self._alignment = None
        has_office = find_soffice() is not None
        self.pdf.setEnabled(has_office)
        self.pdf.setChecked(has_office)
        self.refresh()

    def refresh(self) -> None:
        project = self.c.project
        keep = self.candidate.currentData()
        self.candidate.blockSignals(True)
        self.candidate.clear()
        for cand in project.candidates if project else []:
            self.candidate.addItem(f"{cand.ref} – {cand.name}", cand.id)
        index = self.candidate.findData(keep)
        self.candidate.setCurrentIndex(index if index >= 0 else self.candidate.count() - 1)
        self.candidate.blockSignals(False)
        editable = project is not None and not self.c.read_only
        have = self.current() is not None
        self.new_button.setEnabled(editable)
        self.import_button.setEnabled(editable)
        for widget in (self.remove_button, self.record_button):
            widget.setEnabled(editable and have)
        self.document_button.setEnabled(have)
        self.threshold.setEnabled(editable)
        if project is not None:
            self.threshold.setValue(round(project.settings.credit_threshold * 100))
        self._fill_table()
        self._fill_credit()

    def _fill_table(self) -> None:
        from PySide6.QtGui import QColor

        project, cand = self.c.project, self.current()
        reqs = project.standard.items if project else []
        self.table.setRowCount(len(reqs))
        for row, req in enumerate(reqs):
            result = cand.results.get(req.id) if cand else None
            how = ", ".join(p for p in (method_name(result.method) if result else "",
                                        result.date if result else "") if p)
            values = (req.id, req.area, req.text, result_name(result.status) if result else "", how,
                      result.note if result else "")
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == COL_ID:
                    item.setData(Qt.ItemDataRole.UserRole, req.id)
                if col == COL_RESULT and result:
                    item.setBackground(QColor(_RESULT_COLOUR[result.status]))
                self.table.setItem(row, col, item)

    def _fill_credit(self) -> None:
        project, cand = self.c.project, self.current()
        if cand is None:
            self.credit_text.setPlainText(self.tr("Lägg till en kandidat med Ny kandidat… eller importera "
                                                  "resultat från granskningsfilen i Excel."))
            return
        lines = [self.tr("Kursinnehåll som visade krav täcker (godkända kopplingar):")]
        for cc in credit(project, cand):
            if cc.covered:
                mark = self.tr(" – föreslås") if cc.proposed else ""
                lines.append(f"{cc.code} {cc.name}: {len(cc.covered)}/{cc.items_total} "
                             f"({round(cc.share * 100)} %){mark}")
        if len(lines) == 1:
            lines.append(self.tr("Inget ännu. Godkänn kopplingar under Granskning och registrera visade krav."))
        self.credit_text.setPlainText("\n".join(lines))

    def _load_editor(self) -> None:
        """One selected requirement with a result: show that result in the editor, ready to change."""
        cand, rids = self.current(), self.selected_requirements()
        result = cand.results.get(rids[0]) if cand and len(rids) == 1 else None
        if result is None:
            return
        self.result.setCurrentIndex(self.result.findData(result.status))
        self.method.setCurrentIndex(max(0, self.method.findData(result.method)))
        self.day.setText(result.date or date.today().isoformat())
        self.note.setText(result.note)

    def selected_requirements(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, COL_ID).data(Qt.ItemDataRole.UserRole) for row in rows]

    # --- edits ----------------------------------------------------------------------
    def _edit(self, text: str, mutate: Callable[[object], None]) -> bool:
        """Run ``mutate(project)`` as one undoable edit; a ValueError is shown and nothing changes."""
        project = self.c.project
        if project is None or self.c.read_only:
            return False
        before = _snapshot(project)
        try:
            mutate(project)
        except ValueError as exc:
            _restore(project, before)
            self._warn(str(exc))
            return False
        after = _snapshot(project)
        self.c.push_edit(text, lambda: _restore(project, after), lambda: _restore(project, before))
        return True

    def add_candidate(self, name: str) -> bool:
        made: list = []
        if not self._edit(self.tr("Ny kandidat"), lambda p: made.append(edit.add_candidate(p, name))):
            return False
        self.candidate.setCurrentIndex(self.candidate.findData(made[0].id))
        return True

    def ask_new_candidate(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Ny kandidat"), self.tr("Kandidatens namn:"))
        if ok:
            self.add_candidate(name)

    def ask_remove_candidate(self) -> None:
        cand = self.current()
        if cand is None:
            return
        answer = QMessageBox.question(self, self.tr("Ta bort kandidat"),
                                      self.tr("Ta bort %1 och alla resultat? Det går att ångra.").replace("%1", cand.ref))
        if answer == QMessageBox.StandardButton.Yes:
            self._edit(self.tr("Ta bort kandidat"), lambda p: edit.remove_candidate(p, cand.id))

    def record_selected(self) -> bool:
        cand, rids = self.current(), self.selected_requirements()
        if cand is None or not rids:
            return False
        status, day, method, note = (self.result.currentData(), self.day.text(), self.method.currentData(),
                                     self.note.text())
        author = self.c.project.settings.author

        def mutate(project):
            target = next(c for c in project.candidates if c.id == cand.id)
            for rid in rids:
                edit.record(project, target, rid, status, day=day, method=method, note=note, by=author)

        return self._edit(self.tr("Registrera resultat"), mutate)

    def _threshold_edited(self) -> None:
        project = self.c.project
        value = self.threshold.value() / 100
        if project is not None and abs(project.settings.credit_threshold - value) > 1e-9:
            self._edit(self.tr("Tröskel för tillgodoräknande"),
                       lambda p: setattr(p.settings, "credit_threshold", value))

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importera resultat"), "", self.tr("Excel (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path, ask: bool = True) -> bool:
        from ..importers import candidate_xlsx

        project = self.c.project
        try:
            imported = candidate_xlsx.read(project, path)
        except InputError as exc:
            self._warn(str(exc))
            return False
        if not len(imported):
            self._warn(self.tr("Filen innehåller inga nya resultat."))
            return False
        if ask:
            text = self.tr("%1 resultat i %2 kolumner; nya kandidater: %3. Läsa in dem?") \
                .replace("%1", str(len(imported))).replace("%2", str(len(imported.columns))) \
                .replace("%3", ", ".join(imported.new_candidates()) or self.tr("inga"))
            if QMessageBox.question(self, self.tr("Importera resultat"), text) != QMessageBox.StandardButton.Yes:
                return False
        by = self.tr("granskningsfil (%1)").replace("%1", path.name)
        return self._edit(self.tr("Importera resultat"), lambda p: candidate_xlsx.apply(p, imported, by=by))

    # --- the personal document ------------------------------------------------------
    def ask_document(self) -> None:
        from ..exporters.candidate_docx import default_name

        cand = self.current()
        if cand is None:
            return
        start = (self.c.path.parent if self.c.path else Path.home()) / default_name(cand)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Valideringsresultat och studieplan"), str(start),
                                              self.tr("Word (*.docx)"))
        if path:
            self.write_document(Path(path), pdf=self.pdf.isChecked() and self.pdf.isEnabled())

    def write_document(self, path: Path, pdf: bool = False):
        """Evaluate and write the document off the GUI thread; returns the task (None if busy)."""
        from ..planner import build_coverage, catalog_alignment

        # the worker reads a snapshot: the person may go on deciding in the review tab meanwhile
        project, cand = copy.copy(self.c.project), self.current().copy()
        project.reviews = reviews = {k: v.copy() for k, v in self.c.project.reviews.items()}
        project.units = copy.deepcopy(self.c.project.units)
        alignment = self._alignment

        def work(progress):
            from ..candidates.outcome import evaluate
            from ..exporters import candidate_docx
            from ..exporters.pdf import PdfUnavailable, to_pdf

            aligned = alignment or catalog_alignment(project, progress=progress)
            cov = build_coverage(project.standard, project.curriculum, aligned, reviews, project.essential)
            outcome = evaluate(project, cand, coverage=cov, progress=progress)
            written = [candidate_docx.write(project, outcome, path)]
            note = ""
            if pdf:
                try:
                    written.append(to_pdf(path))
                except PdfUnavailable as exc:
                    note = str(exc)
            return aligned, outcome, written, note

        return self.run_task(self.tr("Skriver valideringsresultat och studieplan…"), work, self._document_done)

    def _document_done(self, result) -> None:
        self._alignment, outcome, written, note = result
        plan = outcome.plan
        lines = [self.tr("Skrev %1").replace("%1", ", ".join(str(p) for p in written))]
        if note:
            lines.append(note)
        if plan is None:
            lines.append(self.tr("Alla krav är visade."))
        else:
            lines.append(self.tr("Studieplan: %1 kurser, %2 poäng; %3 krav täcks inte av någon kurs.")
                         .replace("%1", str(len(plan.courses))).replace("%2", str(plan.points))
                         .replace("%3", str(len(plan.uncovered))))
            lines += [f"  {c.code} {c.name} ({c.points} p)" for c in plan.courses]
        self._fill_credit()
        self.credit_text.appendPlainText("\n" + "\n".join(lines))

    def _warn(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "inform"):
            window.inform(self.tr("Kandidater"), text, QMessageBox.Icon.Warning)
        else:
            QMessageBox.warning(self, self.tr("Kandidater"), text)


def _snapshot(project):
    return [c.copy() for c in project.candidates], project.settings.credit_threshold


def _restore(project, snapshot) -> None:
    candidates, threshold = snapshot
    project.candidates[:] = [c.copy() for c in candidates]
    project.settings.credit_threshold = threshold
