"""The units tab: micro-credential units with coverage, courses, points and a plain verdict.

Left, a tree of units (coverage bar, status, points) with their requirements as
children; right, the selected unit's verdict, courses with attributed points, its
editable fields and the EU micro-credential elements.  Requirements are moved by
drag and drop (onto a unit, between requirements, or onto the empty area for a new
unit); a unit dropped on another is merged into it.  Every edit goes through
``ProjectController.push_edit`` with a snapshot of ``project.units``, so it can be undone.
"""

from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..units import compute, edit, propose
from .style import STATUS_COLOURS, status_name
from .workers import Task, stage_text

ROLE_KIND = Qt.ItemDataRole.UserRole + 1  # "unit", "req" or "pool" (requirements in no unit)
ROLE_ID = Qt.ItemDataRole.UserRole + 2  # unit id or requirement id
ROLE_COUNTS = Qt.ItemDataRole.UserRole + 3  # (covered, partial, gap) for the bar
COL_TITLE, COL_BAR, COL_STATUS, COL_POINTS = range(4)

#: unit fields edited in the detail panel: (field, label, multi-line)
FIELDS = (
    ("level", "Nivå (SeQF/EQF)", False),
    ("assessment", "Bedömningsform", False),
    ("prerequisites", "Förkunskaper", False),
    ("awarding_body", "Utfärdare", False),
    ("participation_form", "Deltagandeform", False),
    ("quality_assurance", "Kvalitetssäkring", False),
    ("notes", "Anteckningar", True),
)


def _units_text(swedish: str) -> str:
    """A Swedish text about units (verdict templates, EU element and unit field names) in the interface language.

    The English catalog holds them under the context "units" (added by hand: lupdate cannot see
    strings that come from the core).
    """
    return QCoreApplication.translate("units", swedish)


class CoverageBarDelegate(QStyledItemDelegate):
    """Paints covered/partial/gap as one stacked bar (the status is also written in words)."""

    def paint(self, painter: QPainter, option, index) -> None:
        counts = index.data(ROLE_COUNTS)
        if not counts or not sum(counts):
            return super().paint(painter, option, index)
        rect: QRect = option.rect.adjusted(4, 5, -4, -5)
        total = sum(counts)
        x = rect.x()
        painter.save()
        for status, n in zip(("covered", "partial", "gap"), counts):
            if not n:
                continue
            width = round(rect.width() * n / total) if status != "gap" else rect.right() - x + 1
            painter.fillRect(QRect(x, rect.y(), max(width, 1), rect.height()), STATUS_COLOURS[status][1])
            x += width
        painter.setPen(QColor("#666666"))
        painter.drawRect(rect)
        painter.restore()


class UnitsTree(QTreeWidget):
    """The unit tree; a drop is turned into a unit edit instead of Qt moving rows itself."""

    dropped = Signal(list, str, str, int)  # dragged [(kind, id)], target kind ("unit"/"req"/""), target id, index

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )

    def dragged(self) -> list[tuple[str, str]]:
        return [(it.data(0, ROLE_KIND), it.data(0, ROLE_ID)) for it in self.selectedItems()]

    def drop_target(self, pos) -> tuple[str, str, int]:
        """(target kind, target id, index) for a drop at ``pos`` in viewport coordinates."""
        item = self.itemAt(pos)
        if item is None:
            return "", "", -1
        kind, ident = item.data(0, ROLE_KIND), item.data(0, ROLE_ID)
        if kind in ("unit", "pool"):
            return kind, ident, -1
        parent = item.parent()
        if parent.data(0, ROLE_KIND) == "pool":
            return "pool", "", -1
        row = parent.indexOfChild(item)
        rect = self.visualItemRect(item)
        if pos.y() > rect.center().y():
            row += 1
        return "req", parent.data(0, ROLE_ID), row

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.source() is not self:
            event.ignore()
            return
        kind, ident, index = self.drop_target(event.position().toPoint())
        sources = self.dragged()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.dropped.emit(sources, kind, ident, index)


class UnitsView(QWidget):
    """Units of the open project; every change is an undoable edit on the controller."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self._filling = False
        self._current_unit: str = ""
        self._closing_task: Task | None = None  # the search for courses that would close gaps

        self.method = QComboBox()
        self.method.addItem(self.tr("per kompetensområde"), "area")
        self.method.addItem(self.tr("per kurs (kluster)"), "cluster")
        self.method.setAccessibleName(self.tr("Metod för förslag"))
        self.propose_button = QPushButton(self.tr("Föreslå enheter"))
        self.propose_button.setToolTip(self.tr("Gruppera kraven i enheter på nytt; låsta enheter behålls"))
        self.split_button = QPushButton(self.tr("Dela ut valda krav"))
        self.split_button.setToolTip(self.tr("Flytta de markerade kraven till en ny enhet"))
        self.merge_button = QPushButton(self.tr("Slå ihop"))
        self.merge_button.setToolTip(self.tr("Slå ihop de markerade enheterna till den första"))
        self.lock_button = QPushButton(self.tr("Lås"))
        self.lock_button.setToolTip(self.tr("En låst enhet behålls när enheter föreslås på nytt"))
        self.delete_button = QPushButton(self.tr("Ta bort enhet"))

        self.tree = UnitsTree()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Enhet / krav"), self.tr("Täckning"), self.tr("Status"), self.tr("Poäng")])
        self.tree.setItemDelegateForColumn(COL_BAR, CoverageBarDelegate(self.tree))
        self.tree.header().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(COL_BAR, 110)
        self.tree.setAccessibleName(self.tr("Enheter"))
        self.empty_label = QLabel(self.tr("Inga enheter ännu. Välj metod och klicka på Föreslå enheter."))
        self.empty_label.setWordWrap(True)
        self.message = QLabel()  # why the last edit could not be made (no modal dialog)
        self.message.setStyleSheet("color: #b02a37;")
        self.message.setWordWrap(True)

        self.detail = self._build_detail()

        buttons = QHBoxLayout()
        for w in (self.method, self.propose_button, self.split_button, self.merge_button, self.lock_button, self.delete_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.detail.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.propose_button.clicked.connect(lambda: self.propose_units(self.method.currentData()))
        self.split_button.clicked.connect(self.split_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.delete_button.clicked.connect(self.delete_current)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._current_changed())
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.dropped.connect(self.handle_drop)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(lambda pos: self.context_menu().exec(self.tree.viewport().mapToGlobal(pos)))
        self._stale = False  # the project changed while the tab was hidden
        self.c.project_replaced.connect(self._project_replaced)
        self.c.changed.connect(self._changed)
        self.refresh()

    # --- building ----------------------------------------------------------------------
    def _build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.title_label.setWordWrap(True)
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.points_label = QLabel()
        self.points_label.setWordWrap(True)  # the English line is longer than the panel at 1366 px
        self.points_label.setToolTip(self.tr(
            "Poängen är varje kurs poäng gånger den andel av kursens punkter som enheten använder "
            "(kolumnen Punkter, som i rapporterna); timmarna är poängen gånger timmar per poäng i Inställningar."))
        self.searching_label = QLabel()
        self._closing_progress(0, 0, "")
        self.searching_label.setVisible(False)
        self.courses_table = QTableWidget(0, 5)
        self.courses_table.setHorizontalHeaderLabels(
            [self.tr("Kurs"), self.tr("Namn"), self.tr("Kursens poäng"), self.tr("Punkter"), self.tr("Tillskrivna poäng")]
        )
        self.courses_table.verticalHeader().setVisible(False)
        self.courses_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.courses_table.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == 1 else QHeaderView.ResizeMode.ResizeToContents)
        self.courses_table.setAccessibleName(self.tr("Kurser som enheten bygger på"))

        form = QFormLayout()
        self._saver = _FocusOutSaver(self)
        self.field_edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label, multi in FIELDS:
            widget: QLineEdit | QPlainTextEdit
            if multi:
                widget = QPlainTextEdit()
                widget.setMaximumHeight(70)
                widget.setTabChangesFocus(True)
                widget.installEventFilter(self._saver)
            else:
                widget = QLineEdit()
                widget.editingFinished.connect(lambda n=name: self._field_edited(n))
            widget.setAccessibleName(_units_text(label))
            self.field_edits[name] = widget
            form.addRow(_units_text(label), widget)

        self.eu_table = QTableWidget(0, 2)
        self.eu_table.setHorizontalHeaderLabels([self.tr("EU-element"), self.tr("Värde")])
        self.eu_table.verticalHeader().setVisible(False)
        self.eu_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.eu_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.eu_table.setAccessibleName(self.tr("EU:s element för mikromeriter"))

        layout.addWidget(self.title_label)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.searching_label)
        layout.addWidget(self.points_label)
        layout.addWidget(self.courses_table, 2)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("EU:s rekommendation om mikromeriter (2022)")))
        layout.addWidget(self.eu_table, 2)
        return box

    # --- following the controller ------------------------------------------------------
    def _project_replaced(self) -> None:
        self._filling = True
        self.tree.clear()  # forget the old project's expansion and selection
        self._filling = False
        self._current_unit = ""
        self.message.setText("")
        self._changed()

    def _changed(self) -> None:
        """Rebuild now when visible; a hidden tab (reviewing in another tab) catches up when shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # --- reading the project -----------------------------------------------------------
    @property
    def project(self):
        return self.c.project

    def unit_ids(self) -> list[str]:
        return [u.id for u in self.project.units] if self.project else []

    def refresh(self) -> None:
        """Rebuild the tree from the project, keeping expansion, selection and the current unit."""
        self._stale = False
        project = self.project
        tops = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        collapsed = {(t.data(0, ROLE_KIND), t.data(0, ROLE_ID)) for t in tops if not t.isExpanded()}
        selected = {(it.data(0, ROLE_KIND), it.data(0, ROLE_ID)) for it in self.tree.selectedItems()}
        self._filling = True
        self.tree.clear()
        try:
            if project is not None:
                for unit in project.units:
                    self.tree.addTopLevelItem(self._unit_item(project, unit))
                loose = edit.unassigned(project) if project.units else []
                if loose:
                    self.tree.addTopLevelItem(self._pool_item(project, loose))
                for i in range(self.tree.topLevelItemCount()):
                    top = self.tree.topLevelItem(i)
                    top.setExpanded((top.data(0, ROLE_KIND), top.data(0, ROLE_ID)) not in collapsed)
                    for it in [top, *(top.child(j) for j in range(top.childCount()))]:
                        if (it.data(0, ROLE_KIND), it.data(0, ROLE_ID)) in selected:
                            it.setSelected(True)
        finally:
            self._filling = False
        has_units = bool(project and project.units)
        self.empty_label.setVisible(project is not None and not has_units)
        self.propose_button.setEnabled(project is not None)
        if self._current_unit not in self.unit_ids():
            self._current_unit = self.unit_ids()[0] if has_units else ""
        self._select_current()
        self._show_detail()
        self._update_buttons()

    def _pool_item(self, project, requirement_ids: list[str]) -> QTreeWidgetItem:
        """Requirements no unit holds, so they can be dragged into one."""
        item = QTreeWidgetItem()
        item.setText(COL_TITLE, self.tr("Krav utan enhet (%1)").replace("%1", str(len(requirement_ids))))
        item.setToolTip(COL_TITLE, self.tr("Dra kraven till en enhet, eller hit för att ta ut dem ur sin enhet"))
        item.setData(0, ROLE_KIND, "pool")
        item.setData(0, ROLE_ID, "")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
        statuses = {rid: project.effective(rid).status for rid in requirement_ids}
        for rid in requirement_ids:
            item.addChild(self._requirement_item(project, rid, statuses[rid]))
        return item

    def _requirement_item(self, project, rid: str, status: str | None) -> QTreeWidgetItem:
        req = project.standard.get(rid)
        child = QTreeWidgetItem()
        text = req.text if req else self.tr("(kravet finns inte längre i standarden)")
        child.setText(COL_TITLE, f"{rid}  {text}")
        child.setToolTip(COL_TITLE, text)
        child.setData(0, ROLE_KIND, "req")
        child.setData(0, ROLE_ID, rid)
        if status:
            child.setText(COL_STATUS, status_name(status))
            child.setBackground(COL_STATUS, STATUS_COLOURS[status][0])
        child.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        )
        return child

    def _unit_item(self, project, unit) -> QTreeWidgetItem:
        v = compute.view(project, unit, closing=False)
        item = QTreeWidgetItem()
        item.setText(COL_TITLE, unit.title)
        item.setData(0, ROLE_KIND, "unit")
        item.setData(0, ROLE_ID, unit.id)
        item.setData(COL_BAR, ROLE_COUNTS, (v.summary.covered, v.summary.partial, v.summary.gap))
        item.setToolTip(COL_BAR, self.tr("%1 täckta, %2 delvis, %3 luckor").replace("%1", str(v.summary.covered)).replace("%2", str(v.summary.partial)).replace("%3", str(v.summary.gap)))
        item.setText(COL_STATUS, status_name(v.status) + (" · " + self.tr("låst") if unit.locked else ""))
        item.setBackground(COL_STATUS, STATUS_COLOURS[v.status][0])
        item.setText(COL_POINTS, _number(v.points))
        item.setToolTip(COL_TITLE, compute.view_verdict(v, _units_text))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        )
        for rid in unit.requirement_ids:
            child = self._requirement_item(project, rid, v.statuses.get(rid))
            linked = v.linked_items.get(rid, [])
            if linked:
                lines = [child.toolTip(COL_TITLE), "", self.tr("Kursinnehåll som räknas:")]
                for item_id in linked:
                    content = project.curriculum.get(item_id)
                    lines.append(f"• {item_id}  {content.text if content else ''}")
                child.setToolTip(COL_TITLE, "\n".join(lines))
            item.addChild(child)
        return item

    def _select_current(self) -> None:
        item = self.unit_item(self._current_unit)
        if item is not None and self.tree.currentItem() is None:
            self._filling = True
            try:
                self.tree.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
            finally:
                self._filling = False

    def unit_item(self, unit_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.data(0, ROLE_KIND) == "unit" and top.data(0, ROLE_ID) == unit_id:
                return top
        return None

    def requirement_item(self, requirement_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, ROLE_ID) == requirement_id:
                    return top.child(j)
        return None

    def _current_changed(self) -> None:
        if self._filling:
            return
        item = self.tree.currentItem()
        if item is None:
            return
        self.message.setText("")
        unit_item = item if item.data(0, ROLE_KIND) == "unit" else item.parent()
        if item.data(0, ROLE_KIND) == "req" and hasattr(self.c, "select"):
            self.c.select(item.data(0, ROLE_ID))
        if unit_item is not None and unit_item.data(0, ROLE_KIND) == "unit" and unit_item.data(0, ROLE_ID) != self._current_unit:
            self._current_unit = unit_item.data(0, ROLE_ID)
            self._show_detail()
            self._update_buttons()

    def current_unit(self):
        if not self.project:
            return None
        return next((u for u in self.project.units if u.id == self._current_unit), None)

    def _show_detail(self) -> None:
        unit = self.current_unit()
        self.detail.setEnabled(unit is not None)
        if unit is None:
            self.title_label.setText("")
            self.verdict_label.setText("")
            self.points_label.setText("")
            self.courses_table.setRowCount(0)
            self.eu_table.setRowCount(0)
            for widget in self.field_edits.values():
                _set_text(widget, "")
            return
        v = self._unit_view(unit)
        self.title_label.setText(unit.title)
        self.verdict_label.setText(compute.view_verdict(v, _units_text))
        colour = STATUS_COLOURS[v.status][1].name()
        self.verdict_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.points_label.setText(
            self.tr("%1 gymnasiepoäng, ca %2 timmar. %3 av %4 krav täckta.")
            .replace("%1", _number(v.points))
            .replace("%2", _number(v.hours))
            .replace("%3", str(v.summary.covered))
            .replace("%4", str(v.summary.total))
        )
        self.courses_table.setRowCount(len(v.courses))
        for row, course in enumerate(v.courses):
            values = [
                course.code,
                course.name,
                "" if course.points is None else str(course.points),
                f"{course.items_used} / {course.items_total}",
                _number(course.points_attributed),
            ]
            for col, value in enumerate(values):
                self.courses_table.setItem(row, col, QTableWidgetItem(value))
        for name, widget in self.field_edits.items():
            value = getattr(unit, name)
            if name == "level" and not value:
                widget.setPlaceholderText(v.level or self.tr("ingen nivå i standarden"))
            _set_text(widget, value)
        eu = compute.eu_elements(self.project, unit, v)
        self.eu_table.setRowCount(len(eu))
        for row, element in enumerate(eu.values()):
            self.eu_table.setItem(row, 0, QTableWidgetItem(_units_text(element["label"])))
            value = element["value"] if element["filled"] else _units_text(compute.TO_BE_FILLED)
            if isinstance(value, list):
                value = "; ".join(f"{o['id']} ({o['kind'] or '–'})" for o in value)
            elif isinstance(value, dict):
                value = self.tr("%1 gymnasiepoäng, %2 timmar, ca %3 ECTS").replace("%1", _number(value["gymnasiepoang"])).replace("%2", _number(value["hours"])).replace("%3", _number(value["ects_estimate"]))
            cell = QTableWidgetItem(str(value))
            if not element["filled"]:
                cell.setForeground(QColor("#8a6d00"))
            self.eu_table.setItem(row, 1, cell)

    def context_menu(self) -> QMenu:
        """Moves without the mouse (Menu key / Shift+F10): the same edits as drag and drop."""
        menu = QMenu(self)
        reqs = [i for k, i in self.tree.dragged() if k == "req"]
        if reqs and self.project:
            move = menu.addMenu(self.tr("Flytta till enhet"))
            for unit in self.project.units:
                act = move.addAction(unit.title)
                act.triggered.connect(lambda _=False, uid=unit.id: self.move_requirements(reqs, uid))
            menu.addAction(self.tr("Ny enhet av markerade krav"), lambda: self.new_unit_from(reqs))
            if any(rid not in edit.unassigned(self.project) for rid in reqs):
                menu.addAction(self.tr("Ta ut ur enheten"), lambda: self.unassign_requirements(reqs))
        units = [i for k, i in self.tree.dragged() if k == "unit"]
        if len(units) >= 2:
            menu.addAction(self.tr("Slå ihop enheter"), self.merge_selected)
        if self.current_unit() is not None:
            menu.addAction(self.lock_button.text(), self.toggle_lock)
        return menu

    def _unit_view(self, unit) -> compute.UnitView:
        """The unit's view; the closing-course search runs in the background the first time."""
        project = self.project
        quick = compute.view(project, unit, closing=False)
        open_ids = [rid for rid, status in quick.statuses.items() if status not in ("covered", "formal")]
        if not open_ids or project.alignment is None or compute.closing_memoised(project, open_ids):
            self.searching_label.setVisible(False)
            return compute.view(project, unit)
        self.searching_label.setVisible(True)
        self._search_closing(open_ids)
        return quick

    def _search_closing(self, requirement_ids: list[str]) -> None:
        if self._closing_task is not None:
            return  # the detail is shown again when the running search ends
        project = self.project
        task = Task(lambda progress: compute.closing_courses_for(project, requirement_ids, progress=progress))
        self._closing_task = task

        def done(*_args) -> None:
            if not shiboken6.isValid(self):
                return  # the view was closed while the search ran
            self._closing_task = None
            if self.project is project:
                self._show_detail()

        task.signals.progress.connect(self._closing_progress)
        task.signals.finished.connect(done)
        task.signals.failed.connect(done)
        task.signals.cancelled.connect(done)
        self._closing_progress(0, 0, "")  # no stage from an earlier search
        task.start()

    def _closing_progress(self, done: int, total: int, message: str) -> None:
        """The search's stage (a first run builds the index first) and how far it is."""
        text = self.tr("Söker kurser i hela katalogen som kan täcka luckorna …")
        stage = stage_text(message)
        if stage and total:
            text += f" ({stage}, {done * 100 // total} %)"
        self.searching_label.setText(text)

    def searching(self) -> bool:
        """True while courses that would close gaps are being searched for (tests wait on it)."""
        return self._closing_task is not None

    def _update_buttons(self) -> None:
        kinds = [k for k, _ in self.tree.dragged()]
        unit = self.current_unit()
        in_units = any(it.data(0, ROLE_KIND) == "req" and it.parent().data(0, ROLE_KIND) == "unit" for it in self.tree.selectedItems())
        self.split_button.setEnabled(in_units)
        self.merge_button.setEnabled(kinds.count("unit") >= 2)
        self.lock_button.setEnabled(unit is not None)
        self.lock_button.setText(self.tr("Lås upp") if unit is not None and unit.locked else self.tr("Lås"))
        self.delete_button.setEnabled(unit is not None)

    # --- edits (all undoable) ----------------------------------------------------------------
    def apply_edit(self, text: str, change: Callable[[], list]) -> bool:
        """Run ``change`` (an edit.* call returning the previous snapshot) as one undoable step."""
        project = self.project
        if project is None:
            return False
        try:
            before = change()
        except (ValueError, KeyError) as exc:
            self.message.setText(str(exc).strip("'"))
            return False
        self.message.setText("")
        after = edit.snapshot(project)
        self.c.push_edit(text, lambda: edit.restore(project, after), lambda: edit.restore(project, before))
        return True

    def propose_units(self, method: str = "area") -> None:
        project = self.project
        if project is None:
            return

        def change():
            snap = edit.snapshot(project)
            propose.ensure_units(project, method, replace=True)
            return snap

        self.apply_edit(self.tr("Föreslå enheter"), change)

    def rename_unit(self, unit_id: str, title: str) -> None:
        self.apply_edit(self.tr("Byt namn på enhet"), lambda: edit.rename(self.project, unit_id, title))

    def set_field(self, unit_id: str, name: str, value) -> None:
        self.apply_edit(self.tr("Ändra enhet"), lambda: edit.set_fields(self.project, unit_id, **{name: value}))

    def split_selected(self) -> None:
        reqs = [i for k, i in self.tree.dragged() if k == "req"]
        unit = next((u for u in self.project.units if reqs and reqs[0] in u.requirement_ids), None) if self.project else None
        if unit is None:
            return
        title, ok = QInputDialog.getText(self, self.tr("Dela enhet"), self.tr("Namn på den nya enheten:"), text=f"{unit.title} (del 2)")
        if ok:
            self.split_unit(unit.id, reqs, title)

    def split_unit(self, unit_id: str, requirement_ids: list[str], title: str = "") -> None:
        self.apply_edit(self.tr("Dela enhet"), lambda: edit.split(self.project, unit_id, requirement_ids, title))

    def merge_selected(self) -> None:
        units = [i for k, i in self.tree.dragged() if k == "unit"]
        order = self.unit_ids()
        self.merge_units(sorted(units, key=order.index))

    def merge_units(self, unit_ids: list[str], title: str = "") -> None:
        self.apply_edit(self.tr("Slå ihop enheter"), lambda: edit.merge(self.project, unit_ids, title))

    def move_requirements(self, requirement_ids: list[str], unit_id: str, index: int = -1) -> None:
        """Move requirements (in the order given) to ``unit_id`` at ``index`` (-1: at the end)."""
        project = self.project

        def change():
            snap = edit.snapshot(project)
            pos = None if index < 0 else index
            for rid in requirement_ids:
                edit.move(project, rid, unit_id, pos)
                if pos is not None:
                    pos = edit.find(project, unit_id).requirement_ids.index(rid) + 1
            return snap

        self.apply_edit(self.tr("Flytta krav"), change)

    def new_unit_from(self, requirement_ids: list[str]) -> None:
        self.apply_edit(self.tr("Ny enhet"), lambda: edit.add(self.project, self.tr("Ny enhet"), requirement_ids))

    def unassign_requirements(self, requirement_ids: list[str]) -> None:
        self.apply_edit(self.tr("Ta ut krav ur enhet"), lambda: edit.unassign(self.project, requirement_ids))

    def toggle_lock(self) -> None:
        unit = self.current_unit()
        if unit is not None:
            text = self.tr("Lås upp enhet") if unit.locked else self.tr("Lås enhet")
            self.apply_edit(text, lambda: edit.set_locked(self.project, unit.id, not unit.locked))

    def delete_current(self) -> None:
        unit = self.current_unit()
        if unit is not None:
            self.apply_edit(self.tr("Ta bort enhet"), lambda: edit.delete(self.project, unit.id))

    def handle_drop(self, sources: list, target_kind: str, target_id: str, index: int) -> None:
        """Turn a drop into an edit: requirements move; a unit dropped on a unit is merged into it."""
        reqs = [i for k, i in sources if k == "req"]
        units = [i for k, i in sources if k == "unit" and i != target_id]
        if reqs and target_kind == "pool":
            self.unassign_requirements(reqs)
        elif reqs and not target_kind:
            self.new_unit_from(reqs)
        elif reqs:
            self.move_requirements(reqs, target_id, index)
        elif units and target_kind in ("unit", "req"):
            self.merge_units([target_id, *units])

    # --- inline editing ------------------------------------------------------------------------
    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != COL_TITLE or item.data(0, ROLE_KIND) != "unit":
            return
        unit = next((u for u in self.project.units if u.id == item.data(0, ROLE_ID)), None)
        title = item.data(COL_TITLE, Qt.ItemDataRole.EditRole) or ""
        if unit is not None and title.strip() and title.strip() != unit.title:
            self.rename_unit(unit.id, title)
        else:
            self.refresh()

    def _field_edited(self, name: str) -> None:
        unit = self.current_unit()
        if unit is None:
            return
        widget = self.field_edits[name]
        value = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        if value != getattr(unit, name):
            self.set_field(unit.id, name, value)


class _FocusOutSaver(QObject):
    """Saves a multi-line field when it loses focus (QPlainTextEdit has no editingFinished)."""

    def __init__(self, view: "UnitsView"):
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusOut:
            for name, widget in self.view.field_edits.items():
                if widget is obj:
                    self.view._field_edited(name)
        return False


def _number(value: float) -> str:
    """Points and hours with at most one decimal, Swedish decimal comma."""
    return f"{round(value, 1):g}".replace(".", ",")


def _set_text(widget, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif widget.text() != text:
        widget.setText(text)
