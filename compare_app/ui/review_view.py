"""The side-by-side review view: standard | proposals for one requirement | curriculum.

Everything a reviewer does here goes through the controller (undoable). The view
never holds state the project does not: after each change it re-reads the project.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .summary import SummaryTable
from .style import STATUS_COLOURS, highlight, link_state_name, match_terms, reason_text, review_key, status_name
from .trees import ID_ROLE, CurriculumTree, StandardTree, _fmt_score

STATUS_CHOICES = (None, "covered", "partial", "gap")


class LinkRow:
    """One row of the proposal list: an effective link or a rejected proposal."""

    def __init__(self, item_id: str, state: str, score: float | None, match):
        self.item_id, self.state, self.score, self.match = item_id, state, score, match


def link_rows(project, requirement_id: str) -> list[LinkRow]:
    """Proposals and decisions for one requirement, best first, rejected ones kept in place."""
    eff = project.effective(requirement_id)
    rows = {ln.item_id: LinkRow(ln.item_id, ln.state, ln.score, ln.match) for ln in eff.links}
    result = project.alignment.results.get(requirement_id) if project.alignment else None
    matches = {m.item_id: m for m in (result.matches if result else [])}
    review = project.reviews.get(requirement_id)
    for item_id, state in (review.links.items() if review else []):
        if state == "rejected":
            m = matches.get(item_id)
            rows[item_id] = LinkRow(item_id, "rejected", m.score if m else None, m)
    return sorted(rows.values(), key=lambda r: (r.score is None, -(r.score or 0.0), r.item_id))


class ProposalPanel(QWidget):
    """The selected requirement, its ranked links with reasons, the review buttons and the note."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self.requirement_id = ""
        self._shown_item = ""

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.req_text = QTextBrowser()
        self.req_text.setAccessibleName(self.tr("Kravets text"))
        self.req_text.setMaximumHeight(64)

        self.links = QTreeWidget()
        self.links.setHeaderLabels([self.tr("Poäng"), self.tr("Läge"), self.tr("Kurs"), self.tr("Innehåll")])
        self.links.setRootIsDecorated(False)
        self.links.setUniformRowHeights(True)
        header = self.links.header()
        header.setStretchLastSection(False)
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.links.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.links.setAccessibleName(self.tr("Föreslagna länkar"))
        self.links.setToolTip(self.tr("Förslag, bäst först. {0} godkänner, {1} avvisar, Delete tar bort beslutet.")
                              .format(review_key("accept"), review_key("reject")))
        self.links.currentItemChanged.connect(self._show_current_link)

        self.item_text = QTextBrowser()
        self.item_text.setAccessibleName(self.tr("Kursinnehållets text"))
        self.item_text.setMinimumHeight(60)

        self.accept_button = QPushButton(self.tr("&Godkänn"))
        self.accept_button.setToolTip(self.tr("Godkänn markerad länk ({0})").format(review_key("accept")))
        self.reject_button = QPushButton(self.tr("&Avvisa"))
        self.reject_button.setToolTip(self.tr("Avvisa markerad länk ({0})").format(review_key("reject")))
        self.unlink_button = QPushButton(self.tr("Ta bort beslut"))
        self.unlink_button.setToolTip(self.tr("Glöm beslutet om markerad länk; en manuell länk tas bort (Delete)"))
        self.status_combo = QComboBox()
        for status in STATUS_CHOICES:
            self.status_combo.addItem(status_name(status), status)
        self.status_combo.setAccessibleName(self.tr("Status för kravet"))
        self.status_combo.setToolTip(self.tr("Sätt status för hand (1 täckt, 2 delvis, 3 lucka, 0 automatisk)"))
        self.status_combo.activated.connect(self._status_chosen)
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(self.reject_current)
        self.unlink_button.clicked.connect(self.unlink_current)
        buttons = QHBoxLayout()
        for w in (self.accept_button, self.reject_button, self.unlink_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        self.formal_box = QCheckBox(self.tr("Formellt krav"))
        self.formal_box.setToolTip(self.tr("Ett formellt krav (betyg, poäng, tid i yrket, behörighet, prov) "
                                           "redovisas för sig och räknas inte i täckningen"))
        self.formal_box.clicked.connect(self._formal_chosen)
        buttons.addWidget(self.formal_box)
        buttons.addWidget(QLabel(self.tr("Status:")))
        buttons.addWidget(self.status_combo)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök i hela kursutbudet och länka… (Ctrl+K)"))
        self.search.setAccessibleName(self.tr("Sök kursinnehåll att länka"))
        self.search.setClearButtonEnabled(True)
        self._search_model = QStringListModel(self)
        self.completer = QCompleter(self._search_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.search.setCompleter(self.completer)
        self.completer.activated.connect(self._link_from_search)
        self.search.returnPressed.connect(lambda: self._link_from_search(self.search.text()))
        self.link_button = QPushButton(self.tr("Länka"))
        self.link_button.setToolTip(self.tr("Länka innehållet i sökrutan till kravet"))
        self.link_button.clicked.connect(lambda: self._link_from_search(self.search.text()))
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.link_button)

        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Anteckning om kravet (sparas när du lämnar kravet eller trycker Spara anteckning)"))
        self.note.setAccessibleName(self.tr("Anteckning"))
        self.note.setMaximumHeight(56)
        self.save_note_button = QPushButton(self.tr("Spara anteckning"))
        self.save_note_button.setToolTip(self.tr("Spara anteckningen (Ctrl+Retur)"))
        self.save_note_button.clicked.connect(self.commit_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.save_note_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.req_text)
        lower = QWidget()  # buttons and the chosen item's text share a splitter with the list
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.item_text, 1)
        self.link_split = QSplitter(Qt.Orientation.Vertical)
        self.link_split.addWidget(self.links)
        self.link_split.addWidget(lower)
        self.link_split.setStretchFactor(0, 3)
        self.link_split.setStretchFactor(1, 2)
        self.link_split.setChildrenCollapsible(False)
        layout.addWidget(self.link_split, 1)
        layout.addLayout(search_row)
        layout.addLayout(note_row)
        self.setEnabled(False)

    # --- filling ---------------------------------------------------------------
    def set_search_items(self, curriculum) -> None:
        self._search_model.setStringList([f"{it.id} — {it.text}" for it in curriculum.items] if curriculum else [])

    def show_requirement(self, requirement_id: str) -> None:
        if requirement_id != self.requirement_id:
            self.commit_note()
        self.requirement_id = requirement_id
        self.refresh()

    def refresh(self, keep_item: str = "") -> None:
        project = self.c.project
        req = project.standard.get(self.requirement_id) if project and self.requirement_id else None
        self.setEnabled(req is not None and not self.c.read_only)
        self.links.clear()
        if req is None:
            self.heading.setText(self.tr("Välj ett krav i listan till vänster."))
            self.req_text.clear()
            self.item_text.clear()
            self.note.setPlainText("")
            return
        eff = project.effective(req.id)
        _, fg = STATUS_COLOURS[eff.status]
        kind = f" · {req.kind}" if req.kind else ""
        level = f" · {self.tr('nivå')} {req.level}" if req.level else ""
        decided = self._decided_text(project.reviews.get(req.id))
        formal = f": {html.escape(eff.formal)}" if eff.formal else ""
        remark = f"<br><i>{html.escape(eff.remark)}</i>" if eff.remark else ""
        section = f" › {html.escape(req.section)}" if req.section else ""
        self.heading.setText(
            f"<b>{req.id}</b> · {req.area}{section}{kind}{level} · "
            f"<span style='color:{fg.name()}; font-weight:600'>{status_name(eff.status)}{formal}</span> ({decided}){remark}"
        )
        self.formal_box.setChecked(eff.status == "formal")
        self.req_text.setPlainText(req.text)
        grey = QBrush(QColor("#888888"))
        select = None
        for row in link_rows(project, req.id):
            item = project.curriculum.get(row.item_id)
            text = item.text if item else (row.match.text if row.match else row.item_id)  # a whole course named in the requirement
            reason = reason_text(row.match)
            twins = row.match.twins if row.match else []
            course = (item.course if item else (row.match.course if row.match else "")) + (f" +{len(twins)}" if twins else "")
            node = QTreeWidgetItem(self.links, [_fmt_score(row.score), link_state_name(row.state), course, text])
            node.setData(0, ID_ROLE, row.item_id)
            node.setData(1, ID_ROLE, row.state)
            node.setToolTip(3, text + ("\n\n" + self.tr("Skäl: {0}").format(reason) if reason else ""))
            if twins:
                node.setToolTip(2, self.tr("Samma text finns även i: {0}").format(", ".join(t.course for t in twins)))
            if row.state == "rejected":
                font = QFont()
                font.setStrikeOut(True)
                for col in range(4):
                    node.setForeground(col, grey)
                    node.setFont(col, font)
            elif row.state in ("accepted", "manual"):
                node.setBackground(1, QBrush(STATUS_COLOURS["covered"][0]))
            if row.item_id == keep_item:
                select = node
        self.links.setCurrentItem(select or self.links.topLevelItem(0))
        if self.links.topLevelItemCount() == 0:
            self.item_text.setHtml(self.tr("<i>Inga förslag. Länka för hand via sökrutan eller genom att dra från kursträdet.</i>"))
        review = project.reviews.get(req.id)
        self.status_combo.setCurrentIndex(STATUS_CHOICES.index(review.status if review else None))
        note = review.note if review else ""
        if self.note.toPlainText() != note:
            self.note.setPlainText(note)

    def _decided_text(self, review) -> str:
        """'ej granskad', or who reviewed it and when, in the Swedish date format."""
        if review is None:
            return self.tr("ej granskad")
        when = QDateTime.fromString(review.decided_at, Qt.DateFormat.ISODate)
        # Swedish dates are written yyyy-MM-dd; Qt's short format for sv_SE differs between ICU versions
        stamp = when.toLocalTime().toString("yyyy-MM-dd HH:mm") if when.isValid() else ""
        who = review.decided_by
        if who and stamp:
            return self.tr("granskad av {0} {1}").format(html.escape(who), stamp)
        if stamp:
            return self.tr("granskad {0}").format(stamp)
        return self.tr("granskad")

    def _show_current_link(self, current, _previous=None) -> None:
        self.show_item(current.data(0, ID_ROLE) if current is not None else "")

    def show_item(self, item_id: str) -> None:
        """Show a curriculum item's text next to the requirement, matched words marked in both."""
        project = self.c.project
        req = project.standard.get(self.requirement_id) if project and self.requirement_id else None
        item = project.curriculum.get(item_id) if project and item_id else None
        self._shown_item = item_id if item else ""
        if req is None:
            return
        if item is None:
            self.req_text.setPlainText(req.text)
            course = project.curriculum.courses.get(item_id) if project and item_id else None
            if course is not None:  # a whole course, named in the requirement
                self._show_course(course)
            return
        result = project.alignment.results.get(req.id) if project.alignment else None
        match = next((m for m in (result.matches if result else []) if m.item_id == item_id), None)
        req_terms, item_terms = match_terms(match, req.text, item.text)
        self.req_text.setHtml(highlight(req.text, req_terms))
        course = project.curriculum.courses.get(item.course or "")
        where = f"{item.id} · {course.name if course else item.course}" + (f" · {item.section}" if item.section else "")
        why = ""
        reason = reason_text(match)
        if reason:
            why = "<br><small>" + self.tr("Skäl: {0}").format(html.escape(reason)) + "</small>"
        if match is not None and match.twins:
            names = ", ".join(html.escape(self._course_label(t.course)) for t in match.twins)
            why += "<br><small>" + self.tr("Samma text finns även i: {0}").format(names) + "</small>"
        self.item_text.setHtml(f"<small>{html.escape(where)}</small><br>{highlight(item.text, item_terms)}{why}")

    def _show_course(self, course) -> None:
        points = self.tr(", {0} poäng").format(course.points) if course.points else ""
        self.item_text.setHtml(
            f"<b>{html.escape(course.name)}</b> ({html.escape(course.code)}){html.escape(points)}<br><small>"
            + self.tr("Kravet anger kursen; hela kursen är länkad. Kursens centrala innehåll ({0} punkter) "
                      "visas under den som detaljer.").format(len(course.items)) + "</small>")

    def _course_label(self, code: str) -> str:
        course = self.c.project.curriculum.courses.get(code)
        return f"{code} {course.name}" if course else code

    # --- actions ---------------------------------------------------------------
    def current_item_id(self) -> str:
        node = self.links.currentItem()
        return node.data(0, ID_ROLE) if node is not None else ""

    def _after_decision(self, item_id: str) -> None:
        """Keep the row selected, then move to the next one so G/A can be pressed in a row."""
        self.refresh(keep_item=item_id)
        below = self.links.itemBelow(self.links.currentItem()) if self.links.currentItem() else None
        if below is not None:
            self.links.setCurrentItem(below)

    def accept_current(self) -> None:
        item_id = self.current_item_id()
        if self.requirement_id and item_id:
            self.c.accept(self.requirement_id, item_id)
            self._after_decision(item_id)

    def reject_current(self) -> None:
        item_id = self.current_item_id()
        if self.requirement_id and item_id:
            self.c.reject(self.requirement_id, item_id)
            self._after_decision(item_id)

    def unlink_current(self) -> None:
        item_id = self.current_item_id()
        if self.requirement_id and item_id:
            self.c.unlink(self.requirement_id, item_id)
            self.refresh(keep_item=item_id)

    def set_status(self, status) -> None:
        if self.requirement_id:
            self.c.set_status(self.requirement_id, status)

    def _status_chosen(self, index: int) -> None:
        self.set_status(self.status_combo.itemData(index))

    def _formal_chosen(self, checked: bool) -> None:
        """Move the requirement into or out of the formal requirements (a decision, saved with the project)."""
        if self.requirement_id:
            self.c.set_formal(self.requirement_id, checked)

    def link_item(self, item_id: str) -> bool:
        project = self.c.project
        if not (self.requirement_id and project and project.curriculum.get(item_id)):
            return False
        self.c.link(self.requirement_id, item_id)
        self.refresh(keep_item=item_id)
        return True

    def _link_from_search(self, text: str) -> None:
        item_id = text.split(" — ", 1)[0].strip()
        review = self.c.project.reviews.get(self.requirement_id) if self.c.project else None
        if review is not None and review.links.get(item_id) == "manual":
            linked = True  # Return after picking from the list: already done
        else:
            linked = self.link_item(item_id)
        if linked:
            QTimer.singleShot(0, self.search.clear)  # after QCompleter has written its choice

    def commit_note(self) -> None:
        project = self.c.project
        if not (project and self.requirement_id and project.standard.get(self.requirement_id)):
            return
        review = project.reviews.get(self.requirement_id)
        text = self.note.toPlainText().strip()
        if text != (review.note if review else ""):
            self.c.set_note(self.requirement_id, text)


class ReviewView(QWidget):
    """Standard tree | proposal panel | curriculum tree, with filters and the coverage summary."""

    requirement_selected = Signal(str)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.c = controller
        self._linked_items: dict[str, set[str]] = {}  # item id -> requirement ids
        self._course_codes: list[str] = []  # the courses the course pane shows

        # left: filters + standard tree
        self.std_search = QLineEdit()
        self.std_search.setPlaceholderText(self.tr("Sök bland kraven… (Ctrl+F)"))
        self.std_search.setAccessibleName(self.tr("Sök bland kraven"))
        self.std_search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Alla statusar"), None)
        for s in ("covered", "partial", "gap", "formal"):
            self.status_filter.addItem(status_name(s), s)
        self.status_filter.setAccessibleName(self.tr("Filtrera på status"))
        self.area_filter = QComboBox()
        self.area_filter.setAccessibleName(self.tr("Filtrera på område"))
        self.reviewed_filter = QComboBox()
        self.reviewed_filter.addItem(self.tr("Granskade och ogranskade"), None)
        self.reviewed_filter.addItem(self.tr("Bara ogranskade"), False)
        self.reviewed_filter.addItem(self.tr("Bara granskade"), True)
        self.reviewed_filter.setAccessibleName(self.tr("Filtrera på granskning"))
        self.course_filter = QComboBox()
        self.course_filter.setAccessibleName(self.tr("Filtrera på kurs"))
        self.course_filter.setToolTip(self.tr("Visa krav som är länkade till en kurs, och bara den kursen i kursträdet"))
        for w in (self.status_filter, self.area_filter, self.reviewed_filter, self.course_filter):
            w.currentIndexChanged.connect(self.apply_filters)
        self.std_search.textChanged.connect(self.apply_filters)

        self.std_tree = StandardTree()
        self.std_tree.currentItemChanged.connect(self._requirement_changed)
        self.std_tree.link_dropped.connect(self._link_dropped)

        row1 = QHBoxLayout()
        row1.addWidget(self.status_filter)
        row1.addWidget(self.reviewed_filter)
        row2 = QHBoxLayout()
        row2.addWidget(self.area_filter)
        row2.addWidget(self.course_filter)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.std_search)
        lv.addLayout(row1)
        lv.addLayout(row2)
        self.summary = SummaryTable()
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        self.left_split.addWidget(self.std_tree)
        self.left_split.addWidget(self.summary)
        self.left_split.setStretchFactor(0, 3)
        self.left_split.setStretchFactor(1, 1)
        self.left_split.setChildrenCollapsible(False)
        lv.addWidget(self.left_split, 1)

        # middle
        self.panel = ProposalPanel(controller)

        # right: curriculum
        self.cur_search = QLineEdit()
        self.cur_search.setPlaceholderText(self.tr("Sök i kursinnehållet…"))
        self.cur_search.setAccessibleName(self.tr("Sök i kursinnehållet"))
        self.cur_search.setClearButtonEnabled(True)
        self.cur_search.textChanged.connect(self.apply_curriculum_filter)
        self.all_courses = QCheckBox(self.tr("Visa alla kurser"))
        self.all_courses.setToolTip(self.tr(
            "Visa hela kursutbudet, inte bara kurserna i urvalet (jämförs hela katalogen: kurserna med förslag)"))
        self.all_courses.toggled.connect(self._fill_curriculum)
        self.cur_tree = CurriculumTree()
        self.cur_tree.currentItemChanged.connect(self._curriculum_item_changed)
        self.cur_tree.itemDoubleClicked.connect(lambda node, _c: self.panel.link_item(node.data(0, ID_ROLE) or ""))
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.cur_search, 1)
        top.addWidget(self.all_courses)
        rv.addLayout(top)
        rv.addWidget(self.cur_tree, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        controller.project_replaced.connect(self.reload)
        controller.changed.connect(self.refresh)

    def showEvent(self, event):
        """Give the three panes 30/40/30 of the width the first time the view is shown."""
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            w = max(self.width(), 900)
            self.splitter.setSizes([int(w * 0.3), int(w * 0.4), int(w * 0.3)])
            self._fit_summary()

    def _fit_summary(self) -> None:
        """Let the per-area table show all its rows, up to 40 % of the height."""
        h = max(self.left_split.height(), 300)
        table = min(self.summary.preferred_height(), int(h * 0.4))
        self.left_split.setSizes([h - table, table])

    # --- whole-project refreshes ------------------------------------------------
    def reload(self) -> None:
        project = self.c.project
        self.std_tree.populate(project)
        self._fill_filters()
        self._fill_curriculum()
        self.panel.set_search_items(project.curriculum if project else None)
        self.panel.show_requirement("")
        self._index_links()
        self.summary.update_from(project)
        self._fit_summary()
        self.apply_filters()
        first = next(iter(self.std_tree.requirement_nodes()), None)
        if first is not None:
            self.std_tree.setCurrentItem(first)

    def refresh(self) -> None:
        """After an edit, undo/redo or a new alignment: statuses, panel, tints, filters."""
        project = self.c.project
        if project is None:
            return
        self.std_tree.refresh(project)
        self.summary.update_from(project)
        self._index_links()
        if not self.all_courses.isChecked() and self._relevant_courses(project) != self._course_codes:
            self._fill_curriculum()  # a whole-catalog project's courses follow its alignment and links
        self.panel.refresh(keep_item=self.panel.current_item_id())
        self._mark_for_requirement(self.panel.requirement_id)
        self.apply_filters()

    def _fill_filters(self) -> None:
        project = self.c.project
        for combo in (self.area_filter, self.course_filter):
            combo.blockSignals(True)
            combo.clear()
        self.area_filter.addItem(self.tr("Alla områden"), None)
        self.course_filter.addItem(self.tr("Alla kurser"), None)
        if project is not None:
            for area in project.standard.areas():
                self.area_filter.addItem(area or self.tr("(utan område)"), area)
            for code in project.candidate_courses():
                course = project.curriculum.courses[code]
                self.course_filter.addItem(f"{code} {course.name}", code)
        for combo in (self.area_filter, self.course_filter):
            combo.blockSignals(False)

    def _fill_curriculum(self) -> None:
        project = self.c.project
        if project is None:
            self.cur_tree.clear()
            self._course_codes = []
            return
        codes = list(project.curriculum.courses) if self.all_courses.isChecked() else self._relevant_courses(project)
        self._course_codes = codes
        self.cur_tree.populate(project.curriculum, codes)
        self.apply_curriculum_filter()
        self._mark_for_requirement(self.panel.requirement_id)

    def _relevant_courses(self, project) -> list[str]:
        """The scope's courses; when the scope is the whole catalog, only the courses a status rests on.

        Those are the courses of decided links, of the proposals a requirement's status rests on
        (as in the reports) and of proposals strong enough to cover on their own. Without this a
        whole-catalog project lists every subject (Hästkunskap next to welding).
        """
        from ..units.compute import counted_links

        codes = project.candidate_courses()
        if project.scope.courses or project.scope.package or project.alignment is None:
            return codes
        strong = project.alignment.thresholds.get("covered", 1.0)
        linked = set()
        for eff in project.all_effective():
            ids = set(counted_links(project, eff))
            ids.update(ln.item_id for ln in eff.links if ln.state != "proposed" or (ln.score or 0.0) >= strong)
            for item_id in ids:
                item = project.curriculum.get(item_id)
                if item is not None and item.course:
                    linked.add(item.course)
        return [c for c in codes if c in linked]

    def _index_links(self) -> None:
        self._linked_items = {}
        project = self.c.project
        if project is None:
            return
        for eff in project.all_effective():
            for ln in self._shown_links(eff):
                self._linked_items.setdefault(ln.item_id, set()).add(eff.requirement_id)

    def _shown_links(self, eff) -> list:
        """Links worth tinting: decided ones, and proposals scoring at least 'partial'."""
        project = self.c.project
        floor = project.alignment.thresholds.get("partial", 0.0) if project.alignment else 0.0
        return [ln for ln in eff.links if ln.state != "proposed" or (ln.score or 0.0) >= floor]

    # --- selection ----------------------------------------------------------------
    def _requirement_changed(self, current, _previous=None) -> None:
        rid = current.data(0, ID_ROLE) if current is not None else ""
        if not rid:
            return
        self.panel.show_requirement(rid)
        self._mark_for_requirement(rid)
        self.std_tree.mark_linked(set())
        self.c.select(rid)
        self.requirement_selected.emit(rid)

    def _mark_for_requirement(self, rid: str) -> None:
        project = self.c.project
        if not (project and rid and project.standard.get(rid)):
            self.cur_tree.mark_linked({})
            return
        eff = project.effective(rid)
        self.cur_tree.mark_linked({ln.item_id: ln.state != "proposed" for ln in self._shown_links(eff)})

    def _curriculum_item_changed(self, current, _previous=None) -> None:
        item_id = current.data(0, ID_ROLE) if current is not None else ""
        self.std_tree.mark_linked(self._linked_items.get(item_id, set()) if item_id else set())
        if item_id:
            self.panel.show_item(item_id)

    def select_requirement(self, rid: str) -> None:
        node = self.std_tree.node(rid)
        if node is not None:
            self.std_tree.setCurrentItem(node)
            self.std_tree.scrollToItem(node)

    def _link_dropped(self, rid: str, item_id: str) -> None:
        self.select_requirement(rid)
        self.panel.link_item(item_id)

    def link_selected_curriculum_item(self) -> None:
        node = self.cur_tree.currentItem()
        if node is not None and node.data(0, ID_ROLE):
            self.panel.link_item(node.data(0, ID_ROLE))

    # --- keyboard review ----------------------------------------------------------
    def visible_requirements(self) -> list[str]:
        return [n.data(0, ID_ROLE) for n in self.std_tree.requirement_nodes() if not n.isHidden()]

    def next_unreviewed(self, step: int = 1) -> bool:
        """Move to the next (or previous) visible requirement nobody has reviewed; False when none."""
        project = self.c.project
        if project is None:
            return False
        order = self.visible_requirements()
        if not order:
            return False
        current = self.panel.requirement_id
        start = order.index(current) if current in order else -1
        n = len(order)
        for k in range(1, n + 1):
            rid = order[(start + step * k) % n]
            if rid not in project.reviews:
                self.select_requirement(rid)
                self.panel.links.setFocus()
                return True
        return False

    # --- filters ------------------------------------------------------------------
    def apply_filters(self) -> None:
        project = self.c.project
        if project is None:
            return
        text = self.std_search.text().strip().lower()
        status = self.status_filter.currentData()
        area = self.area_filter.currentData()
        reviewed = self.reviewed_filter.currentData()
        course = self.course_filter.currentData()
        for node in self.std_tree.requirement_nodes():
            rid = node.data(0, ID_ROLE)
            req = project.standard.get(rid)
            eff = project.effective(rid)
            visible = (
                (not text or text in req.text.lower() or text in rid.lower())
                and (status is None or eff.status == status)
                and (area is None or req.area == area)
                and (reviewed is None or (rid in project.reviews) == reviewed)
                and (course is None or any((ln.match.course if ln.match else ln.item_id.split(":")[0]) == course for ln in eff.links))
            )
            node.setHidden(not visible)
        for i in range(self.std_tree.topLevelItemCount()):
            top = self.std_tree.topLevelItem(i)
            top.setHidden(all(top.child(j).isHidden() for j in range(top.childCount())))
        self.apply_curriculum_filter()

    def apply_curriculum_filter(self) -> None:
        text = self.cur_search.text().strip().lower()
        course = self.course_filter.currentData()
        tree = self.cur_tree
        tree.setUpdatesEnabled(False)
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            code = top.data(0, Qt.ItemDataRole.UserRole + 1)
            if course is not None and code != course:
                top.setHidden(True)
                continue
            course_hit = bool(text) and text in top.text(0).lower()
            any_visible = self._filter_children(top, "" if course_hit else text)
            top.setHidden(not any_visible)
            if text and any_visible:
                top.setExpanded(True)
        tree.setUpdatesEnabled(True)

    def _filter_children(self, node, text: str) -> bool:
        any_visible = node.childCount() == 0 and (not text or text in node.text(0).lower())
        for j in range(node.childCount()):
            child = node.child(j)
            if child.childCount():
                visible = self._filter_children(child, "" if text and text in child.text(0).lower() else text)
                if text and visible:
                    child.setExpanded(True)
            else:
                visible = not text or text in child.text(0).lower()
            child.setHidden(not visible)
            any_visible = any_visible or visible
        return any_visible
