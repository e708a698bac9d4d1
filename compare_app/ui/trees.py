"""The two trees of the side-by-side view: the standard and the curriculum.

Items of the curriculum tree can be dragged onto a requirement of the standard
tree to link them by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from .style import LINK_HIGHLIGHT, STATUS_COLOURS, status_name

ITEM_MIME = "application/x-compare-app-item"
ID_ROLE = Qt.ItemDataRole.UserRole


def _fmt_score(score: float | None) -> str:
    from PySide6.QtCore import QLocale

    return "" if score is None else QLocale().toString(float(score), "f", 2)


class StandardTree(QTreeWidget):
    """Areas → requirements, each requirement with its status colour; a drop target."""

    link_dropped = Signal(str, str)  # requirement id, item id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Krav"), self.tr("Status"), self.tr("Poäng")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setAccessibleName(self.tr("Kompetensstandardens krav"))
        self.setToolTip(self.tr("Krav grupperade per område. Dra kursinnehåll hit för att länka för hand."))
        self._by_id: dict[str, QTreeWidgetItem] = {}
        self._marked: set[str] = set()

    def populate(self, project) -> None:
        self.clear()
        self._by_id.clear()
        self._marked.clear()
        if project is None:
            return
        areas: dict[str, QTreeWidgetItem] = {}
        for req in project.requirements():
            parent = areas.get(req.area)
            if parent is None:
                parent = QTreeWidgetItem(self, [req.area or self.tr("(utan område)")])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setData(0, ID_ROLE, "")
                parent.setExpanded(True)
                areas[req.area] = parent
            parent = self._section_node(parent, req, areas)
            node = QTreeWidgetItem(parent, [f"{req.id}  {req.text}"])
            node.setData(0, ID_ROLE, req.id)
            node.setToolTip(0, req.text)
            self._by_id[req.id] = node
        self.refresh(project)

    @staticmethod
    def _section_node(area_node: QTreeWidgetItem, req, groups: dict) -> QTreeWidgetItem:
        """The node of the requirement's nested grouping below its area ("Moment › Delmoment")."""
        parent, path = area_node, req.area
        for level in (req.section.split(" › ") if req.section else []):
            path = f"{path}\x1f{level}"
            node = groups.get(path)
            if node is None:
                node = QTreeWidgetItem(parent, [level])
                node.setData(0, ID_ROLE, "")
                node.setExpanded(True)
                groups[path] = node
            parent = node
        return parent

    def refresh(self, project) -> None:
        """Update statuses and scores in place (cheap; called after every edit)."""
        for eff in project.all_effective():
            node = self._by_id.get(eff.requirement_id)
            if node is None:
                continue
            bg, fg = STATUS_COLOURS[eff.status]
            reviewed = eff.requirement_id in project.reviews
            node.setText(1, status_name(eff.status) + (" ✓" if reviewed else ""))
            node.setBackground(1, QBrush(bg))
            node.setForeground(1, QBrush(fg))
            node.setText(2, _fmt_score(eff.score) if project.alignment else "")
            node.setToolTip(1, self.tr("Granskad") if reviewed else self.tr("Inte granskad"))

    def node(self, requirement_id: str) -> QTreeWidgetItem | None:
        return self._by_id.get(requirement_id)

    def requirement_nodes(self) -> list[QTreeWidgetItem]:
        return list(self._by_id.values())

    def mark_linked(self, requirement_ids: set[str]) -> None:
        """Tint the requirements linked to the curriculum item the user selected."""
        for rid in self._marked - requirement_ids:
            if rid in self._by_id:
                self._by_id[rid].setBackground(0, QBrush())
        for rid in requirement_ids:
            if rid in self._by_id:
                self._by_id[rid].setBackground(0, QBrush(LINK_HIGHLIGHT))
        self._marked = set(requirement_ids)

    # --- drop target -------------------------------------------------------------
    def _requirement_at(self, pos) -> str:
        node = self.itemAt(pos)
        return node.data(0, ID_ROLE) if node is not None else ""

    def dragEnterEvent(self, event):
        if event.mimeData().hasFormat(ITEM_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        if event.mimeData().hasFormat(ITEM_MIME) and self._requirement_at(event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        rid = self._requirement_at(event.position().toPoint())
        data = event.mimeData()
        if rid and data.hasFormat(ITEM_MIME):
            self.link_dropped.emit(rid, bytes(data.data(ITEM_MIME)).decode("utf-8"))
            event.acceptProposedAction()
        else:
            event.ignore()


class CurriculumTree(QTreeWidget):
    """Courses → sections → central-content items; items can be dragged out."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Kursinnehåll")])
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setUniformRowHeights(True)
        self.setAccessibleName(self.tr("Kursplanernas centrala innehåll"))
        self.setToolTip(self.tr("Kurs → avsnitt → punkt i det centrala innehållet. Dra en punkt till ett krav för att länka."))
        self._by_id: dict[str, QTreeWidgetItem] = {}
        self._marked: set[str] = set()

    def populate(self, curriculum, codes: list[str]) -> None:
        self.setUpdatesEnabled(False)
        self.clear()
        self._by_id.clear()
        self._marked.clear()
        for code in codes:
            course = curriculum.courses.get(code)
            if course is None:
                continue
            points = f", {course.points} p" if course.points else ""
            top = QTreeWidgetItem(self, [f"{course.code}  {course.name}{points}"])
            top.setData(0, ID_ROLE, "")
            top.setData(0, Qt.ItemDataRole.UserRole + 1, course.code)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            sections: dict[str, QTreeWidgetItem] = {}
            for it in course.items:
                parent = top
                if it.section:
                    parent = sections.get(it.section)
                    if parent is None:
                        parent = QTreeWidgetItem(top, [it.section])
                        parent.setData(0, ID_ROLE, "")
                        sections[it.section] = parent
                node = QTreeWidgetItem(parent, [it.text])
                node.setData(0, ID_ROLE, it.id)
                node.setToolTip(0, f"{it.id}\n{it.text}")
                self._by_id[it.id] = node
        self.setUpdatesEnabled(True)

    def node(self, item_id: str) -> QTreeWidgetItem | None:
        return self._by_id.get(item_id)

    def item_nodes(self) -> list[QTreeWidgetItem]:
        return list(self._by_id.values())

    def mark_linked(self, links: dict[str, bool]) -> None:
        """Tint the items linked to the selected requirement (bold when a person decided)."""
        for iid in self._marked - set(links):
            node = self._by_id.get(iid)
            if node is not None:
                node.setBackground(0, QBrush())
                node.setFont(0, QFont())
        first = None
        for iid, decided in links.items():
            node = self._by_id.get(iid)
            if node is None:
                continue
            node.setBackground(0, QBrush(LINK_HIGHLIGHT))
            font = QFont()
            font.setBold(decided)
            node.setFont(0, font)
            parent = node.parent()
            while parent is not None:
                parent.setExpanded(True)
                parent = parent.parent()
            first = first or node
        self._marked = set(links)
        if first is not None:
            self.scrollToItem(first)

    def mimeData(self, items):
        ids = [n.data(0, ID_ROLE) for n in items if n.data(0, ID_ROLE)]
        if not ids:
            return None
        data = QMimeData()
        data.setData(ITEM_MIME, ids[0].encode("utf-8"))
        data.setText(ids[0])
        return data

    def mimeTypes(self):
        return [ITEM_MIME]
