"""The planner tab: which catalog courses should the package contain to cover the standard?

Top, the plan's settings (budget, must/exclude codes, package to compare with) and a
*Planera* button that aligns the standard against the whole catalog and solves the
plan in a worker thread (the alignment is kept, so re-planning is quick). Left, the
package being built: the plan's courses with a checkbox each, plus any course found
with the search box; ticking or unticking recomputes coverage at once from the same
coverage matrix, without solving again. Right, the coverage/points curve (drawn with
QPainter: QtCharts is not in PySide6-Essentials) with the hand-edited package marked,
the requirements with the package's courses that cover them, and the comparison with
an existing package. Marking an area as essential is an undoable project edit.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import InputError
from ..planner import build_coverage, plan_project
from ..planner import coverage as coverage_module
from .style import STATUS_COLOURS
from ..progress import STAGE_ALIGN, stage_of
from .workers import Task, stage_text

COL_IN, COL_CODE, COL_NAME, COL_POINTS, COL_COVERS = range(5)
ROLE_ID = Qt.ItemDataRole.UserRole + 1


class CurveChart(QWidget):
    """A small line chart: requirements covered (y) against points spent (x).

    ``set_curve`` takes (points, covered) pairs; ``set_marker`` shows where the
    hand-edited package lies, so a planner sees how far it is from the best curve.
    """

    MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_RIGHT = 44, 30, 12, 14

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.curve: list[tuple[int, int]] = []
        self.total = 0
        self.marker: tuple[int, int] | None = None
        self.setMinimumSize(260, 180)

    def set_curve(self, curve: list[tuple[int, int]], total: int) -> None:
        self.curve, self.total = list(curve), total
        self.update()

    def set_marker(self, marker: tuple[int, int] | None) -> None:
        self.marker = marker
        self.update()

    def plot_area(self) -> QRectF:
        return QRectF(self.MARGIN_LEFT, self.MARGIN_TOP,
                      max(self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT, 1),
                      max(self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM, 1))

    def scale(self) -> tuple[int, int]:
        """(largest x, largest y) shown, never zero."""
        xs = [x for x, _ in self.curve] + ([self.marker[0]] if self.marker else [])
        return max(xs + [1]), max(self.total, 1)

    def to_pixel(self, x: float, y: float) -> QPointF:
        area, (x_max, y_max) = self.plot_area(), self.scale()
        return QPointF(area.left() + area.width() * x / x_max, area.bottom() - area.height() * y / y_max)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.curve and self.marker is None:
            # nothing planned yet: no empty axes with a made-up "1 poäng" scale
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("Kurvan över täckta krav per poäng visas när du har planerat."))
            painter.end()
            return
        area = self.plot_area()
        painter.setPen(QPen(self.palette().text().color(), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        x_max, y_max = self.scale()
        painter.drawText(QRectF(0, area.top() - 6, self.MARGIN_LEFT - 6, 14),
                         Qt.AlignmentFlag.AlignRight, str(y_max))
        painter.drawText(QRectF(0, area.bottom() - 8, self.MARGIN_LEFT - 6, 14), Qt.AlignmentFlag.AlignRight, "0")
        painter.drawText(QRectF(area.right() - 80, area.bottom() + 4, 80, 14),
                         Qt.AlignmentFlag.AlignRight, self.tr("%n poäng", "", x_max))
        painter.drawText(QRectF(area.left(), area.bottom() + 4, 160, 14), Qt.AlignmentFlag.AlignLeft,
                         self.tr("täckta krav per poäng"))
        if self.curve:
            self._draw_curve(painter)
        if self.marker is not None:
            painter.setPen(QPen(STATUS_COLOURS["gap"][1], 2))
            painter.setBrush(STATUS_COLOURS["gap"][0])
            painter.drawEllipse(self.to_pixel(*self.marker), 5, 5)
        painter.end()

    def _draw_curve(self, painter: QPainter) -> None:
        """A step line: coverage holds until the next budget step buys more."""
        colour = STATUS_COLOURS["covered"][1]
        path = QPainterPath(self.to_pixel(0, 0))
        last_y = 0
        for x, y in sorted(self.curve):
            path.lineTo(self.to_pixel(x, last_y))
            path.lineTo(self.to_pixel(x, y))
            last_y = y
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(colour)
        for x, y in self.curve:
            painter.drawEllipse(self.to_pixel(x, y), 2.5, 2.5)


class PlannerView(QWidget):
    """Plan a package from the whole catalog, then adjust it by hand."""

    #: emitted when a plan arrives (after the worker finished) or failed
    plan_finished = Signal()

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.c = controller
        self.task: Task | None = None
        self.plan = None
        self.coverage = None
        self._alignment = None  # catalog-wide alignment of the current project, kept between plans
        self.package: list[str] = []  # the hand-edited package, in row order
        self._build()
        controller.project_replaced.connect(self._project_replaced)
        controller.changed.connect(self._project_changed)
        self._project_replaced()

    # --- layout -------------------------------------------------------------------
    def _build(self) -> None:
        self.budget_on = QCheckBox(self.tr("Budget"))
        self.budget = QSpinBox()
        self.budget.setRange(0, 100000)
        self.budget.setSingleStep(50)
        self.budget.setValue(1000)
        self.budget.setSuffix(self.tr(" poäng"))
        self.budget.setEnabled(False)
        self.budget_on.toggled.connect(self.budget.setEnabled)
        self.must = QLineEdit()
        self.must.setPlaceholderText(self.tr("kurskoder, kommaseparerade"))
        self.exclude = QLineEdit()
        self.exclude.setPlaceholderText(self.tr("kurskoder, kommaseparerade"))
        self.compare_with = QComboBox()
        self.partial = QCheckBox(self.tr("Räkna delvis matchat innehåll som täckning"))
        self.run_button = QPushButton(self.tr("Planera"))
        self.run_button.clicked.connect(self.run_plan)
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.setToolTip(self.tr("Avbryt matchningen mot katalogen (första gången byggs även sökindexet)"))
        self.cancel_button.clicked.connect(self.cancel_plan)
        self.cancel_button.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        budget_row = QHBoxLayout()
        budget_row.addWidget(self.budget_on)
        budget_row.addWidget(self.budget)
        budget_row.addStretch(1)
        form.addRow(self.tr("Poäng:"), budget_row)
        form.addRow(self.tr("Måste ingå:"), self.must)
        form.addRow(self.tr("Uteslut:"), self.exclude)
        form.addRow(self.tr("Jämför med:"), self.compare_with)
        form.addRow("", self.partial)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        top.addLayout(buttons)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Med"), self.tr("Kod"), self.tr("Kurs"), self.tr("Poäng"), self.tr("Täcker")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemChanged.connect(self._row_toggled)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Lägg till kurs: skriv kod eller namn"))
        self.search.returnPressed.connect(self._add_from_search)
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.add_button.clicked.connect(self._add_from_search)
        self.reset_button = QPushButton(self.tr("Återställ till planen"))
        self.reset_button.clicked.connect(self._reset_to_plan)
        self.from_package_button = QPushButton(self.tr("Utgå från jämförelsepaketet"))
        self.from_package_button.clicked.connect(self._start_from_package)
        self.package_summary = QLabel()
        self.package_summary.setWordWrap(True)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.add_button)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.reset_button)
        edit_row.addWidget(self.from_package_button)
        edit_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Paketet")))
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(search_row)
        left_layout.addLayout(edit_row)
        left_layout.addWidget(self.package_summary)

        self.chart = CurveChart()
        self.requirements = QTreeWidget()
        self.requirements.setHeaderLabels([self.tr("Krav"), self.tr("Täcks av"), self.tr("Väsentligt")])
        self.requirements.setColumnWidth(0, 250)
        self.requirements.itemChanged.connect(self._essential_toggled)
        self.requirements.setColumnWidth(1, 120)
        self.comparison = QPlainTextEdit()
        self.comparison.setReadOnly(True)
        self.comparison.setPlaceholderText(self.tr("Jämförelsen med paketet under Jämför med visas när du har planerat."))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart)
        right.addWidget(self.requirements)
        right.addWidget(self.comparison)
        for index, stretch in enumerate((2, 3, 1)):
            right.setStretchFactor(index, stretch)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    # --- project ------------------------------------------------------------------
    def _project_replaced(self) -> None:
        project = self.c.project
        self._alignment, self.plan, self.coverage, self.package = None, None, None, []
        self.compare_with.clear()
        self.compare_with.addItem(self.tr("(inget)"), None)
        if project is not None:
            for name in sorted(project.curriculum.packages):
                self.compare_with.addItem(name, name)
            if project.scope.package in project.curriculum.packages:
                self.compare_with.setCurrentIndex(self.compare_with.findData(project.scope.package))
            self._set_completer(project)
        self.status.setText("" if project else self.tr("Inget projekt är öppet."))
        self._refresh_all()

    def _project_changed(self) -> None:
        """Reviews or essential areas changed: rebuild coverage from the kept alignment (fast)."""
        if self._alignment is not None and self.c.project is not None and self.task is None:
            self.coverage = self._coverage(self._alignment)
            self._refresh_all()
        else:
            self._fill_requirements()

    def _set_completer(self, project) -> None:
        entries = [f"{code} – {course.name}" for code, course in sorted(project.curriculum.courses.items())]
        completer = QCompleter(entries, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(completer)

    # --- running the plan ---------------------------------------------------------
    def _codes(self, edit: QLineEdit) -> list[str]:
        return [c.strip() for c in edit.text().replace(";", ",").split(",") if c.strip()]

    def run_plan(self) -> None:
        """Align (first time only) and solve in a worker thread; the view shows busy meanwhile."""
        project = self.c.project
        if project is None or self.task is not None:
            return
        budget = self.budget.value() if self.budget_on.isChecked() else None
        must, exclude = self._codes(self.must), self._codes(self.exclude)
        compare = self.compare_with.currentData()
        alignment = self._alignment
        reviews = {k: v.copy() for k, v in project.reviews.items()}
        essential = list(project.essential)
        count_partial = self.partial.isChecked()

        def work(progress):
            aligned = alignment or coverage_module.catalog_alignment(project, progress=progress)
            cov = build_coverage(project.standard, project.curriculum, aligned, reviews, essential, count_partial)
            return aligned, plan_project(project, budget, must, exclude, compare, coverage=cov)

        self.task = Task(work)
        self.task.signals.progress.connect(self._progress)
        self.task.signals.finished.connect(self._plan_done)
        self.task.signals.failed.connect(self._plan_failed)
        self.task.signals.cancelled.connect(self._plan_failed)
        self._set_busy(True)
        self.status.setText(self.tr("Matchar standarden mot hela katalogen och löser planen …")
                            if alignment is None else self.tr("Löser planen …"))
        self.task.start()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.run_button, self.budget_on, self.must, self.exclude, self.compare_with, self.partial):
            widget.setEnabled(not busy)
        self.budget.setEnabled(not busy and self.budget_on.isChecked())
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def cancel_plan(self) -> None:
        """Stop the running alignment and plan; the view then says it was cancelled."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int, message: str) -> None:
        stage = stage_text(message)
        if stage and stage_of(message) != STAGE_ALIGN:  # reading or indexing before the matching starts
            self.status.setText(f"{stage[:1].upper()}{stage[1:]} … {done * 100 // max(total, 1)} %")
        else:
            self.status.setText(self.tr("Matchar krav %1 av %2 …").replace("%1", str(done + 1)).replace("%2", str(total)))

    def _plan_done(self, result) -> None:
        self.task = None
        self._set_busy(False)
        self._alignment, self.plan = result
        self.coverage = self.plan.coverage
        self.package = [c.code for c in self.plan.courses]
        self.status.setText(self._method_text(self.plan))
        self._refresh_all()
        self.plan_finished.emit()

    def _plan_failed(self, exc=None) -> None:
        self.task = None
        self._set_busy(False)
        if exc is None:
            self.status.setText(self.tr("Avbrutet."))
        elif isinstance(exc, InputError):
            self.status.setText(self.tr("Fel: %1").replace("%1", str(exc)))
        else:
            self.status.setText(self.tr("Planen kunde inte beräknas: %1").replace("%1", f"{type(exc).__name__}: {exc}"))
        self.plan_finished.emit()

    def _method_text(self, plan) -> str:
        head = self.tr("Plan: %1 kurser, %2 poäng, täcker %3 av %4 krav.").replace("%1", str(len(plan.courses))) \
            .replace("%2", str(plan.points)).replace("%3", str(len(plan.covered))) \
            .replace("%4", str(len(plan.covered) + len(plan.uncovered)))
        if plan.method == "highs-mip" and plan.optimality_gap == 0:
            how = self.tr("Exakt lösning (HiGHS), bevisat optimal.")
        elif plan.method == "highs-mip":
            how = self.tr("Exakt lösare stoppad av tidsgränsen: högst %1 % från optimum.") \
                .replace("%1", QLocale().toString(plan.optimality_gap * 100, "f", 1))
        else:
            how = self.tr("Girig metod (exakt lösare ej tillgänglig): högst %1 % från optimum.") \
                .replace("%1", QLocale().toString(plan.optimality_gap * 100, "f", 1))
        greedy = self.tr("Girig metod: %1 poäng.").replace("%1", str(plan.greedy_points))
        together = plan.coverage.together if plan.coverage is not None else []
        if together:
            greedy += " " + self.tr(
                "%1 räknas som täckta i granskningen men inte här: där täcker flera innehåll kravet "
                "tillsammans, och ingen kurs ensam.").replace("%1", ", ".join(together))
        return f"{head} {how} {greedy}"

    def _coverage(self, alignment):
        project = self.c.project
        return build_coverage(project.standard, project.curriculum, alignment, project.reviews,
                              project.essential, self.partial.isChecked())

    # --- the hand-edited package ------------------------------------------------------
    def set_included(self, code: str, included: bool) -> None:
        """Tick or untick a course of the package (adding its row if needed)."""
        if code not in self._row_codes():
            self._append_row(code)
        row = self._row_codes().index(code)
        self.table.item(row, COL_IN).setCheckState(Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)

    def add_course(self, text: str) -> bool:
        """Add a course by code, or by the 'CODE – name' a completer entry shows; False if unknown."""
        if self.coverage is None:
            return False
        code = self.coverage.resolve(text.split("–")[0].strip())
        if code is None:
            self.package_summary.setText(self.tr("Okänd kurskod: %1").replace("%1", text.strip()))
            return False
        self.set_included(code, True)
        return True

    def included(self) -> list[str]:
        return [code for code in self._row_codes() if code in self.package]

    def _add_from_search(self) -> None:
        if self.add_course(self.search.text()):
            self.search.clear()

    def _reset_to_plan(self) -> None:
        if self.plan is not None:
            self.package = [c.code for c in self.plan.courses]
            self._refresh_all()

    def _start_from_package(self) -> None:
        name = self.compare_with.currentData()
        if self.coverage is None or not name:
            return
        codes = self.c.project.curriculum.packages[name].course_codes
        self.package = [c for c in (self.coverage.resolve(code) for code in codes) if c]
        self._refresh_all()

    def _row_codes(self) -> list[str]:
        return [self.table.item(r, COL_CODE).data(ROLE_ID) for r in range(self.table.rowCount())]

    def _append_row(self, code: str) -> None:
        cov = self.coverage
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if code in self.package else Qt.CheckState.Unchecked)
        self.table.setItem(row, COL_IN, check)
        code_item = QTableWidgetItem(code)
        code_item.setData(ROLE_ID, code)
        self.table.setItem(row, COL_CODE, code_item)
        self.table.setItem(row, COL_NAME, QTableWidgetItem(cov.names.get(code, "")))
        points = QTableWidgetItem(str(cov.points.get(code, "")))
        points.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, COL_POINTS, points)
        covers = cov.ordered(cov.covers.get(code, ()))
        covers_item = QTableWidgetItem(", ".join(covers) if covers else self.tr("inget krav"))
        covers_item.setToolTip("\n".join(self._requirement_label(r) for r in covers))
        self.table.setItem(row, COL_COVERS, covers_item)
        self.table.blockSignals(False)

    def _row_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() != COL_IN:
            return
        code = self.table.item(item.row(), COL_CODE).data(ROLE_ID)
        on = item.checkState() == Qt.CheckState.Checked
        if on and code not in self.package:
            self.package.append(code)
        elif not on and code in self.package:
            self.package.remove(code)
        self._refresh_package()

    # --- refreshing -------------------------------------------------------------
    def _refresh_all(self) -> None:
        self.table.setRowCount(0)
        if self.coverage is not None:
            for code in self.package:
                self._append_row(code)
        plan = self.plan
        total = len(self.c.project.standard.items) if self.c.project else 0
        self.chart.set_curve([(p.points, p.covered) for p in plan.curve] if plan else [], total)
        self._fill_comparison()
        self._refresh_package()

    def _refresh_package(self) -> None:
        """Coverage of the ticked courses, from the coverage matrix (no solving)."""
        self._fill_requirements()
        enabled = self.coverage is not None
        for widget in (self.search, self.add_button, self.reset_button, self.from_package_button):
            widget.setEnabled(enabled)
        if not enabled:
            self.package_summary.setText(self.tr("Tryck Planera för att föreslå kurser ur hela katalogen."))
            self.chart.set_marker(None)
            return
        cov, codes = self.coverage, self.included()
        covered = cov.covered_by(codes)
        self.package_summary.setText(
            self.tr("Paketet: %1 kurser, %2 poäng, täcker %3 av %4 krav.")
            .replace("%1", str(len(codes))).replace("%2", str(cov.cost(codes)))
            .replace("%3", str(len(covered))).replace("%4", str(len(cov.requirements))))
        self.chart.set_marker((cov.cost(codes), len(covered)))

    def _requirement_label(self, req_id: str) -> str:
        item = self.c.project.standard.get(req_id) if self.c.project else None
        return f"{req_id}  {item.text}" if item else req_id

    def _fill_requirements(self) -> None:
        """Requirements grouped by area; each with the ticked courses covering it."""
        tree = self.requirements
        tree.blockSignals(True)
        tree.clear()
        project = self.c.project
        if project is not None:
            cov, codes = self.coverage, self.included()
            essential = set(project.essential)
            coverable = cov.covered_by(cov.covers) if cov else set()
            areas: dict[str, QTreeWidgetItem] = {}
            for req in project.standard.items:
                parent = areas.get(req.area)
                if parent is None:
                    parent = QTreeWidgetItem([req.area or self.tr("(utan område)"), "", ""])
                    parent.setData(0, ROLE_ID, req.area)
                    parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    parent.setCheckState(2, Qt.CheckState.Checked if req.area in essential else Qt.CheckState.Unchecked)
                    areas[req.area] = parent
                    tree.addTopLevelItem(parent)
                by = [c for c in codes if cov and req.id in cov.covers.get(c, ())]
                child = QTreeWidgetItem([self._requirement_label(req.id), ", ".join(by), ""])
                child.setData(0, ROLE_ID, req.id)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(2, Qt.CheckState.Checked if req.id in essential else Qt.CheckState.Unchecked)
                if cov is not None:
                    status = "covered" if by else "partial" if req.id in coverable else "gap"
                    child.setBackground(1, STATUS_COLOURS[status][0])
                    if not by:
                        child.setText(1, self.tr("ingen kurs i paketet") if status == "partial"
                                      else self.tr("ingen kurs i katalogen"))
                parent.addChild(child)
            tree.expandAll()
        tree.blockSignals(False)

    def _fill_comparison(self) -> None:
        cmp = self.plan.comparison if self.plan else None
        if cmp is None:
            self.comparison.setPlainText("")
            return
        lines = [self.tr("Jämfört med %1 (%2 kurser, %3 poäng, täcker %4 krav):")
                 .replace("%1", cmp.name).replace("%2", str(len(cmp.courses)))
                 .replace("%3", str(cmp.points)).replace("%4", str(len(cmp.covered)))]
        lines.append(self.tr("Planen täcker, paketet inte: %1").replace("%1", ", ".join(cmp.plan_only) or "–"))
        if cmp.package_only:
            lines.append(self.tr("Paketet täcker, planen inte: %1").replace("%1", ", ".join(cmp.package_only)))
        if cmp.idle:
            lines.append(self.tr("Kurser i paketet som inte täcker något krav (%1 poäng): %2")
                         .replace("%1", str(cmp.idle_points)).replace("%2", ", ".join(cmp.idle)))
        if cmp.missing:
            lines.append(self.tr("Finns inte i katalogen: %1").replace("%1", ", ".join(cmp.missing)))
        self.comparison.setPlainText("\n".join(lines))

    # --- essential requirements (an undoable project edit) --------------------------
    def _essential_toggled(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 2 or self.c.project is None:
            return
        name = item.data(0, ROLE_ID)
        on = item.checkState(2) == Qt.CheckState.Checked
        # the edit rebuilds this tree: let the item's own signal finish first
        QTimer.singleShot(0, lambda: self.set_essential(name, on))

    def set_essential(self, name: str, on: bool) -> None:
        """Mark a requirement id or area name essential (or not), undoably; re-plan to use it."""
        project = self.c.project
        before = list(project.essential)
        after = [e for e in before if e != name] + ([name] if on else [])
        if after == before:
            return

        def apply():
            project.essential[:] = after

        def revert():
            project.essential[:] = before

        text = self.tr("Markera som väsentligt") if on else self.tr("Ta bort väsentligt")
        self.c.push_edit(text, apply, revert)
