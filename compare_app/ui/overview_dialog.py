"""Regional overview in the GUI: choose several standards or projects and a curriculum, write the
workbook off the GUI thread (progress, cancel), and show its tables.

The work is :func:`compare_app.overview.build_overview` and the Excel export, the same code the
``compare-app overview`` command runs; pandas is imported only when the dialog builds an overview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .workers import Task



class FrameModel(QAbstractTableModel):
    """A read-only pandas DataFrame as a Qt table; numbers sort as numbers."""

    def __init__(self, frame, headers: dict[str, str], index_header: str = "", parent=None,
                 percent: frozenset[str] = frozenset()):
        import pandas as pd

        super().__init__(parent)
        self._percent = {i for i, c in enumerate(frame.reset_index().columns if index_header else frame.columns)
                         if c in percent}  # shares shown as "67 %", not "0,7"
        self._isna = pd.isna
        self.frame = frame.reset_index() if index_header else frame
        names = {self.frame.columns[0]: index_header} if index_header else {}
        self.headers = [names.get(c) or headers.get(c, str(c)) for c in self.frame.columns]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.frame.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        value = self.frame.iat[index.row(), index.column()]
        missing = bool(self._isna(value))
        if role == Qt.ItemDataRole.DisplayRole:
            if missing:
                return ""
            if isinstance(value, float) and index.column() in self._percent:
                return f"{round(float(value) * 100)} %"
            if isinstance(value, float):
                return f"{float(value):.1f}".replace(".", ",")
            return str(value)
        if role == Qt.ItemDataRole.UserRole:  # the sort key
            if missing:
                return None
            return value.item() if hasattr(value, "item") else value
        if role == Qt.ItemDataRole.TextAlignmentRole and not isinstance(value, str):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class OverviewDialog(QDialog):
    """Inputs, a run button with progress and cancel, and the resulting tables."""

    finished_work = Signal(str)  # "finished", "failed" or "cancelled" (tests wait on it)

    def __init__(self, parent=None, curriculum: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Regional översikt: flera standarder"))
        self.resize(1100, 720)
        self.task: Task | None = None
        self.overview = None
        self.last_error: Exception | None = None
        self.quiet = False  # tests: errors are kept in last_error, never shown in a modal box

        self.inputs = QListWidget()
        self.inputs.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.inputs.setAccessibleName(self.tr("Standarder och projekt"))
        self.inputs.setMaximumHeight(110)  # the tables below need the room
        add = QPushButton(self.tr("Lägg till standarder eller projekt…"))
        add.clicked.connect(self._choose_inputs)
        remove = QPushButton(self.tr("Ta bort markerade"))
        remove.clicked.connect(self._remove_selected)
        self.curriculum = QLineEdit("; ".join(curriculum or []))
        self.curriculum.setAccessibleName(self.tr("Kursplanekälla"))
        self.curriculum.setPlaceholderText(self.tr("Skolverkets arkiv, mapp eller fil; tomt: det första projektets"))
        pick_cur = QPushButton(self.tr("Välj fil…"))
        pick_cur.clicked.connect(self._choose_curriculum)
        pick_dir = QPushButton(self.tr("Välj mapp…"))
        pick_dir.clicked.connect(self._choose_curriculum_folder)
        self.package = QLineEdit()
        self.package.setAccessibleName(self.tr("Examensmål eller paket"))
        self.package.setPlaceholderText(self.tr("tomt: hela katalogen"))
        self.output = QLineEdit()
        self.output.setAccessibleName(self.tr("Arbetsbok att skriva"))
        pick_out = QPushButton(self.tr("Spara som…"))
        pick_out.clicked.connect(self._choose_output)

        form = QFormLayout()
        form.addRow(self.tr("Standarder och projekt:"), self.inputs)
        form.addRow("", _row(add, remove))
        form.addRow(self.tr("Kursplaner:"), _row(self.curriculum, pick_cur, pick_dir))
        form.addRow(self.tr("Examensmål/paket:"), self.package)
        form.addRow(self.tr("Excel-arbetsbok:"), _row(self.output, pick_out))

        self.run_button = QPushButton(self.tr("Skapa översikt"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("Öppna arbetsboken"))
        self.open_button.clicked.connect(self._open_workbook)
        self.open_button.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Förlopp"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_row(self.run_button, self.cancel_button, self.bar, self.open_button))
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    # --- inputs ------------------------------------------------------------------------
    def add_inputs(self, paths) -> None:
        known = {self.inputs.item(i).text() for i in range(self.inputs.count())}
        for path in map(str, paths):
            if path not in known:
                self.inputs.addItem(path)
                known.add(path)
        if not self.output.text() and self.inputs.count():
            self.output.setText(str(Path(self.inputs.item(0).text()).with_name("regional_oversikt.xlsx")))

    def input_paths(self) -> list[str]:
        return [self.inputs.item(i).text() for i in range(self.inputs.count())]

    def curriculum_paths(self) -> list[str]:
        return [p.strip() for p in self.curriculum.text().split(";") if p.strip()]

    def _choose_inputs(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Välj standarder eller projekt"), "", self.tr(
            "Standarder och projekt (*.xlsx *.csv *.tsv *.txt *.docx *.json *.cmpproj);;Alla filer (*)"))
        self.add_inputs(paths)

    def _remove_selected(self) -> None:
        for item in self.inputs.selectedItems():
            self.inputs.takeItem(self.inputs.row(item))

    def _choose_curriculum(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Välj kursplanekälla"), "", self.tr(
            "Kursplaner (*.tgz *.tar.gz *.zip *.tar *.xml *.json);;Alla filer (*)"))
        if path:
            self.curriculum.setText(path)

    def _choose_curriculum_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Välj mapp med kursplaner"))
        if path:
            self.curriculum.setText(path)

    def _choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Spara översikten"), self.output.text(), self.tr("Excel (*.xlsx)"))
        if path:
            self.output.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    # --- work --------------------------------------------------------------------------
    def start(self) -> Task | None:
        """Build the overview and write the workbook off the GUI thread."""
        standards, curriculum, output = self.input_paths(), self.curriculum_paths(), self.output.text().strip()
        has_project = any(p.lower().endswith(".cmpproj") for p in standards)
        missing = [name for name, ok in ((self.tr("minst en standard eller ett projekt"), standards),
                                         (self.tr("en kursplanekälla"), curriculum or has_project),
                                         (self.tr("en fil att skriva arbetsboken till"), output)) if not ok]
        if missing or self.task is not None:
            if missing:
                self._tell(self.tr("Ange {0}.").format(", ".join(missing)))
            return None
        package = self.package.text().strip() or None

        def work(progress):
            from ..exporters import overview_xlsx
            from ..overview import build_overview

            ov = build_overview(standards, curriculum or None, package=package, progress=progress)
            overview_xlsx.write(ov, output, progress)
            return ov

        self.task = Task(work)
        self.task.signals.progress.connect(self._progress)
        self.task.signals.finished.connect(self._finished)
        self.task.signals.failed.connect(self._failed)
        self.task.signals.cancelled.connect(lambda: self._ended("cancelled", self.tr("Avbrutet; ingen arbetsbok skrevs.")))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.open_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.message.setText(self.tr("Läser in kursplanerna…"))
        self.task.start()
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Avbryter…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.message.setText(message)

    def _finished(self, overview) -> None:
        self.overview = overview
        self._show_tables(overview)
        self.open_button.setEnabled(True)
        self._ended("finished", self.tr("Skrev {0}: {1} standarder, {2} kurser som tjänar något krav.").format(
            self.output.text(), len(overview.standards), len(overview.courses)))

    def _failed(self, exc: Exception) -> None:
        from ..errors import InputError

        self.last_error = exc
        text = str(exc) if isinstance(exc, InputError) else self.tr("Ett oväntat fel inträffade:\n{0}").format(repr(exc))
        self._ended("failed", text)
        if not self.quiet:
            QMessageBox.warning(self, self.tr("Översikten kunde inte skapas"), text)

    def _ended(self, how: str, text: str) -> None:
        self.task = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if how == "finished" else 0)
        self.message.setText(text)
        self.finished_work.emit(how)

    def _tell(self, text: str) -> None:
        self.message.setText(text)
        if not self.quiet:
            QMessageBox.information(self, self.tr("Regional översikt"), text)

    def _open_workbook(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.output.text()).resolve())))

    def reject(self) -> None:  # Esc or the close button: stop the work first
        if self.task is not None:
            self.cancel()
            return
        super().reject()

    # --- tables ------------------------------------------------------------------------
    def _show_tables(self, ov) -> None:
        self.tabs.clear()
        std_headers = {"title": self.tr("Titel"), "source": self.tr("Källa"), "kind": self.tr("Typ"),
                       "requirements": self.tr("Krav"), "covered": self.tr("Täckta"), "partial": self.tr("Delvis"),
                       "gap": self.tr("Luckor"), "coverage": self.tr("Täckningsgrad"), "decided": self.tr("Beslutade")}
        course_headers = {"name": self.tr("Kurs"), "points": self.tr("Poäng"), "standards": self.tr("Standarder"),
                          "requirements_covered": self.tr("Täckta krav"),
                          "requirements_partial": self.tr("Delvis täckta krav"),
                          "coverage": self.tr("Täckning (krav)"), "points_per_requirement": self.tr("Poäng per täckt krav"),
                          "standard_list": self.tr("Tjänar standarderna")}
        shared_headers = {"unit": self.tr("Enhet"), "standards": self.tr("Standarder"),
                          "requirements": self.tr("Krav i enheten"), "content": self.tr("Kursinnehåll"),
                          "items": self.tr("Innehålls-id"), "courses": self.tr("Kurser"), "standard": self.tr("Standard"),
                          "requirement": self.tr("Krav-id"), "requirement_text": self.tr("Krav"),
                          "level": self.tr("Koppling")}
        gap_headers = {"group": self.tr("Grupp"), "standards": self.tr("Standarder i gruppen"),
                       "terms": self.tr("Gemensamma ord"), "standard": self.tr("Standard"),
                       "requirement": self.tr("Krav-id"), "area": self.tr("Kompetensområde"), "text": self.tr("Krav")}
        self._add_table(self.tr("Standarder"), FrameModel(ov.standards, std_headers, self.tr("Standard"),
                                                               percent=frozenset({"coverage"})))
        self._add_table(self.tr("Kurser"), FrameModel(ov.courses, course_headers, self.tr("Kurskod")))
        self._add_table(self.tr("Matris"), FrameModel(ov.matrix.T, {}, self.tr("Kurskod")))
        self._add_table(self.tr("Gemensamma enheter"), FrameModel(ov.shared, shared_headers))
        self._add_table(self.tr("Luckor"), FrameModel(ov.gaps, gap_headers))

    def _add_table(self, title: str, model: FrameModel) -> None:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the table's own order until a header is clicked
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.resizeColumnsToContents()
        for col in range(model.columnCount()):
            view.setColumnWidth(col, min(view.columnWidth(col), 360))
        self.tabs.addTab(view, title)


def _row(*widgets) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w, 1 if isinstance(w, (QLineEdit, QProgressBar)) else 0)
    return box
