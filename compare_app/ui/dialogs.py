"""Settings and new-project dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from . import prefs
from .i18n import LANGUAGES
from .project_setup import SCOPE_ALL, SCOPE_LIST, SCOPE_OUTCOME, SCOPE_SOURCE, ProjectSpec, read_curricula
from .workers import Task

STANDARD_FILTER = "Kompetensstandard (*.xlsx *.xlsm *.csv *.tsv *.txt *.docx *.json)"
CURRICULUM_FILTER = "Kursplaner (*.tgz *.tar.gz *.zip *.tar *.xml *.json)"
PACKAGE_FILTER = "Kurslista (*.csv *.txt *.xlsx)"


class SettingsDialog(QDialog):
    """Language (applies after restart), author name, points-to-hours factor and proposals per requirement."""

    def __init__(self, parent, project=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inställningar"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language())))
        self.language.setAccessibleName(self.tr("Språk"))
        self.author = QLineEdit(project.settings.author if project and project.settings.author else prefs.author())
        self.author.setAccessibleName(self.tr("Granskarens namn"))
        self.author.setToolTip(self.tr("Skrivs in i varje beslut och i rapporterna"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.1, 10.0)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.1)
        self.hours.setValue(project.settings.hours_per_point if project else 1.0)
        self.hours.setEnabled(project is not None)
        self.hours.setAccessibleName(self.tr("Timmar per gymnasiepoäng"))
        self.hours.setToolTip(self.tr("Omräkning från gymnasiepoäng till timmar för enheternas omfattning"))
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 20)
        self.top_k.setValue(project.settings.top_k if project else 5)
        self.top_k.setEnabled(project is not None)
        self.top_k.setAccessibleName(self.tr("Förslag per krav"))
        self.learn = QCheckBox(self.tr("Lär av mina tidigare sparade projekt"))
        self.learn.setChecked(project.settings.learn_from_history if project else False)
        self.learn.setEnabled(project is not None)
        self.learn.setToolTip(self.tr(
            "Ordpar som dina godkända kopplingar i andra projekt har lärt verktyget hjälper förslagen "
            "(motiveringen säger då ”dina tidigare projekt”). Endast ordstammar sparas, ingen text."))
        form = QFormLayout()
        form.addRow(self.tr("Språk (gäller efter omstart):"), self.language)
        form.addRow(self.tr("Granskarens namn:"), self.author)
        form.addRow(self.tr("Timmar per poäng:"), self.hours)
        form.addRow(self.tr("Förslag per krav:"), self.top_k)
        form.addRow("", self.learn)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_language(self) -> str:
        return self.language.currentData()


class NewProjectDialog(QDialog):
    """Pick the standard, one or more curriculum sources and the package (scope)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nytt projekt"))
        self.setMinimumWidth(620)
        self.mapping: dict[str, str] | None = None
        self._loaded: dict = {}
        self._task: Task | None = None

        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Projektets namn"))
        self.standard = QLineEdit()
        self.standard.setAccessibleName(self.tr("Kompetensstandardens fil"))
        self.standard.setPlaceholderText(self.tr("Excel-, CSV-, Word- eller CASE-fil"))
        pick_std = QPushButton(self.tr("Välj…"))
        pick_std.clicked.connect(self._pick_standard)
        std_row = QHBoxLayout()
        std_row.addWidget(self.standard, 1)
        std_row.addWidget(pick_std)

        self.sources = QListWidget()
        self.sources.setAccessibleName(self.tr("Kursplanekällor"))
        self.sources.setMaximumHeight(90)
        add = QPushButton(self.tr("Lägg till fil…"))
        add.clicked.connect(self._add_source)
        add_dir = QPushButton(self.tr("Lägg till mapp…"))
        add_dir.clicked.connect(self._add_source_dir)
        remove = QPushButton(self.tr("Ta bort"))
        remove.clicked.connect(self._remove_source)
        src_buttons = QVBoxLayout()
        for b in (add, add_dir, remove):
            src_buttons.addWidget(b)
        src_buttons.addStretch(1)
        src_row = QHBoxLayout()
        src_row.addWidget(self.sources, 1)
        src_row.addLayout(src_buttons)
        self.load_bar = QProgressBar()
        self.load_bar.setVisible(False)

        self.scope_group = QButtonGroup(self)
        self.r_outcome = QRadioButton(self.tr("Yrkesutgång:"))
        self.r_list = QRadioButton(self.tr("Kurslista från fil:"))
        self.r_source = QRadioButton(self.tr("Alla kurser i källan:"))
        self.r_all = QRadioButton(self.tr("Hela katalogen"))
        for n, r in enumerate((self.r_outcome, self.r_list, self.r_source, self.r_all)):
            self.scope_group.addButton(r, n)
        self.r_all.setChecked(True)
        self.outcome = QComboBox()
        self.outcome.setEditable(True)
        self.outcome.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.outcome.setAccessibleName(self.tr("Yrkesutgång"))
        self.outcome.setToolTip(self.tr("Yrkesutgångarna i de valda kursplanekällorna; skriv för att söka"))
        self.outcome.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.outcome.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.outcome.activated.connect(lambda _i: self.r_outcome.setChecked(True))
        self.outcome.lineEdit().textEdited.connect(lambda _t: self.r_outcome.setChecked(True))
        self.package_file = QLineEdit()
        self.package_file.setAccessibleName(self.tr("Kurslista"))
        pick_pkg = QPushButton(self.tr("Välj…"))
        pick_pkg.clicked.connect(self._pick_package)
        self.source_choice = QComboBox()
        self.source_choice.setAccessibleName(self.tr("Källa vars kurser används"))
        scope = QGroupBox(self.tr("Paket (vilka kurser som jämförs)"))
        grid = QGridLayout(scope)
        grid.addWidget(self.r_outcome, 0, 0)
        grid.addWidget(self.outcome, 0, 1, 1, 2)
        grid.addWidget(self.r_list, 1, 0)
        grid.addWidget(self.package_file, 1, 1)
        grid.addWidget(pick_pkg, 1, 2)
        grid.addWidget(self.r_source, 2, 0)
        grid.addWidget(self.source_choice, 2, 1, 1, 2)
        grid.addWidget(self.r_all, 3, 0)
        grid.setColumnStretch(1, 1)

        form = QFormLayout()
        form.addRow(self.tr("Namn:"), self.title)
        form.addRow(self.tr("Kompetensstandard:"), std_row)
        form.addRow(self.tr("Kursplaner:"), src_row)
        form.addRow("", self.load_bar)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Skapa och matcha"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scope)
        layout.addWidget(self.buttons)

    # --- picking ---------------------------------------------------------------
    def _pick_standard(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Välj kompetensstandard"), "", self.tr(STANDARD_FILTER))
        if not path:
            return
        from .import_dialog import StandardImportDialog

        if StandardImportDialog.previewable(Path(path)):
            dlg = StandardImportDialog(self, Path(path))
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return
            self.mapping = dlg.mapping()
        else:
            self.mapping = None
        self.standard.setText(path)

    def _pick_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Välj kurslista"), "", self.tr(PACKAGE_FILTER))
        if path:
            self.package_file.setText(path)
            self.r_list.setChecked(True)

    def _add_source(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Välj kursplaner"), "", self.tr(CURRICULUM_FILTER))
        for p in paths:
            self.add_source(Path(p))

    def _add_source_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Välj mapp med Skolverkets XML-filer"))
        if path:
            self.add_source(Path(path))

    def _remove_source(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))
        self._sources_changed()

    def add_source(self, path: Path) -> None:
        if str(path) not in self.source_paths_str():
            self.sources.addItem(str(path))
            self._sources_changed()

    def source_paths_str(self) -> list[str]:
        return [self.sources.item(i).text() for i in range(self.sources.count())]

    def _sources_changed(self) -> None:
        """Read new sources in the background so their vocational outcomes can be offered."""
        self.source_choice.clear()
        self.source_choice.addItems(self.source_paths_str())
        todo = [Path(p) for p in self.source_paths_str() if p not in self._loaded]
        if not todo or self._task is not None:
            self._fill_outcomes()
            return
        self.load_bar.setVisible(True)
        self.load_bar.setRange(0, 0)
        task = Task(lambda progress: read_curricula(todo, progress))
        task.signals.finished.connect(self._sources_read)
        task.signals.failed.connect(self._sources_failed)
        self._task = task
        task.start()

    def _sources_read(self, frameworks: dict) -> None:
        self._task = None
        self.load_bar.setVisible(False)
        self._loaded.update(frameworks)
        self._sources_changed()

    def _sources_failed(self, exc: Exception) -> None:
        self._task = None
        self.load_bar.setVisible(False)
        QMessageBox.warning(self, self.tr("Kunde inte läsa kursplanerna"), str(exc))
        bad = getattr(exc, "path", "")
        for i in reversed(range(self.sources.count())):
            if self.sources.item(i).text() == bad or self.sources.item(i).text() not in self._loaded:
                self.sources.takeItem(i)
        self._fill_outcomes()

    def _fill_outcomes(self) -> None:
        current = self.outcome.currentText()
        names = sorted({n for p in self.source_paths_str() if p in self._loaded for n in self._loaded[p].packages})
        self.outcome.blockSignals(True)
        self.outcome.clear()
        self.outcome.addItems(names)
        if current in names:
            self.outcome.setCurrentText(current)
        self.outcome.blockSignals(False)

    def wait_for_sources(self) -> None:
        """For tests and accept: block (with events) until background reading ends."""
        from PySide6.QtCore import QCoreApplication, QThread

        while self._task is not None:
            QCoreApplication.processEvents()
            QThread.msleep(10)

    # --- result ----------------------------------------------------------------
    def spec(self) -> ProjectSpec:
        kind = {0: SCOPE_OUTCOME, 1: SCOPE_LIST, 2: SCOPE_SOURCE, 3: SCOPE_ALL}[self.scope_group.checkedId()]
        value = {
            SCOPE_OUTCOME: self.outcome.currentText(),
            SCOPE_LIST: self.package_file.text(),
            SCOPE_SOURCE: self.source_choice.currentText(),
            SCOPE_ALL: "",
        }[kind]
        return ProjectSpec(
            standard_path=Path(self.standard.text()),
            curriculum_paths=[Path(p) for p in self.source_paths_str()],
            scope_kind=kind,
            scope_value=value,
            mapping=self.mapping,
            title=self.title.text().strip(),
            loaded={k: v for k, v in self._loaded.items() if k in self.source_paths_str()},
        )

    def problem(self) -> str:
        spec = self.spec()
        if not self.standard.text().strip():
            return self.tr("Välj en kompetensstandard.")
        if not spec.curriculum_paths:
            return self.tr("Lägg till minst en kursplanekälla.")
        if spec.scope_kind != SCOPE_ALL and not spec.scope_value:
            return self.tr("Välj paket: en yrkesutgång, en kurslista eller en källa.")
        return ""

    def _accept(self) -> None:
        self.wait_for_sources()
        problem = self.problem()
        if problem:
            QMessageBox.information(self, self.windowTitle(), problem)
            return
        self.accept()
