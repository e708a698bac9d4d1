"""Import preview for a standard in a table: the detected header row and an editable column mapping."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt")


class StandardImportDialog(QDialog):
    """Shows what will be read; changing a column re-reads the preview with the new mapping."""

    def __init__(self, parent, path: Path):
        super().__init__(parent)
        self.path = Path(path)
        self.preview = None
        self.setWindowTitle(self.tr("Importera kompetensstandard — {0}").format(self.path.name))
        self.resize(900, 520)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.field_names = {
            "id": self.tr("Id"),
            "area": self.tr("Område"),
            "kind": self.tr("Typ (kunskap/färdighet/kompetens)"),
            "text": self.tr("Kravtext"),
            "level": self.tr("Nivå (SeQF)"),
        }
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for fld, label in self.field_names.items():
            combo = QComboBox()
            combo.setAccessibleName(label)
            combo.setToolTip(self.tr("Vilken kolumn som innehåller {0}").format(label.lower()))
            combo.activated.connect(lambda _i: self.reload(self.mapping()))
            self.combos[fld] = combo
            form.addRow(label + ":", combo)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Förhandsvisning av raderna"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Importera"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.reload(None)

    @staticmethod
    def previewable(path: Path) -> bool:
        return Path(path).suffix.lower() in TABLE_SUFFIXES

    def reload(self, mapping: dict[str, str] | None) -> None:
        from ..errors import InputError
        from ..importers._tabular import preview_table

        try:
            self.preview = preview_table(self.path, mapping)
        except InputError as exc:
            self.info.setText(f"<span style='color:#b02a37'>{exc}</span>")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        pv = self.preview
        where = self.tr("blad {0}, ").format(pv.sheet) if pv.sheet else ""
        text = self.tr("Rubrikraden hittades på {0}rad {1}. Ändra kolumnerna nedan om gissningen är fel.").format(where, pv.header_row)
        if pv.subgroups:
            text += "<br>" + self.tr("Kolumnerna {0} delar in kraven under området (t.ex. Område › Moment).").format(
                ", ".join(pv.subgroups))
        if pv.warnings:
            text += "<br>" + "<br>".join(pv.warnings)
        self.info.setText(text)
        for fld, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(ingen)"), "")
            for h in pv.headers:
                combo.addItem(h, h)
            combo.setCurrentIndex(max(0, combo.findData(pv.mapping.get(fld, ""))))
        self.table.clear()
        self.table.setColumnCount(len(pv.headers))
        self.table.setRowCount(len(pv.rows))
        labels = []
        used = {h: fld for fld, h in pv.mapping.items()}
        for h in pv.headers:
            labels.append(f"{h}\n→ {self.field_names[used[h]]}" if h in used else h)
        self.table.setHorizontalHeaderLabels(labels)
        for r, row in enumerate(pv.rows):
            for c, cell in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(cell))
        self.table.resizeColumnsToContents()
        ok = bool(pv.mapping.get("text"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def mapping(self) -> dict[str, str]:
        return {fld: combo.currentData() for fld, combo in self.combos.items() if combo.currentData()}
