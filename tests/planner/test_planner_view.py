"""The planner tab with pytest-qt (offscreen): plan off the GUI thread, edit by hand, essential areas."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from compare_app.model import Course, Framework, Item, Package, Provenance  # noqa: E402
from compare_app.project import Project  # noqa: E402
from compare_app.ui.controller import ProjectController  # noqa: E402
from compare_app.ui.planner_view import PlannerView  # noqa: E402

# Requirements repeat course text word for word, so any sensible matcher covers them.
WELD = "Svetsning av stålplåt med MAG-metoden i olika lägen."
DRAW = "Läsning av ritningar och symboler för svetsfogar."
SAFE = "Säkerhet vid heta arbeten och hantering av gasflaskor."
CAKE = "Bakning av tårtor med grädde och marsipan för fest."
NONE = "Kvantfysikalisk teleportering av zebror över Atlanten."
PACKAGE = "Testprogrammet / Svetsare"


def make_project() -> Project:
    p = Provenance("test")
    courses = {}
    for code, points, texts in (
        ("SVEGRU01", 100, [WELD, DRAW]),
        ("SVEBRE01", 300, [WELD, DRAW, SAFE]),
        ("SVESAK01", 100, [SAFE]),
        ("BAGTAR01", 100, [CAKE]),
    ):
        items = [Item(f"{code}:cc{n}", t, p, area=code, course=code, position=n) for n, t in enumerate(texts, 1)]
        courses[code] = Course(code, f"Kurs {code}", points, items)
    cur = Framework("curriculum", "Kursplaner", [i for c in courses.values() for i in c.items], courses,
                    packages={PACKAGE: Package(PACKAGE, ["SVEBRE01", "BAGTAR01", "ZZZ01"])})
    std = Framework("standard", "Svetsstandard", [
        Item("S1", WELD, p, area="Svets"), Item("S2", DRAW, p, area="Svets"),
        Item("S3", SAFE, p, area="Säkerhet"), Item("S4", NONE, p, area="Övrigt"),
    ])
    return Project(std, cur, title="Planeringstest")


@pytest.fixture
def view(qtbot):
    controller = ProjectController()
    v = PlannerView(controller)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    controller.set_project(make_project())
    return v


def run(view, qtbot):
    with qtbot.waitSignal(view.plan_finished, timeout=30000):
        view.run_button.click()
        assert not view.run_button.isEnabled()  # busy until the worker's result arrives
        assert view.task is not None
    assert view.task is None and view.run_button.isEnabled()


def requirement_row(view, req_id):
    tree = view.requirements
    for i in range(tree.topLevelItemCount()):
        area = tree.topLevelItem(i)
        for j in range(area.childCount()):
            if area.child(j).data(0, Qt.ItemDataRole.UserRole + 1) == req_id:
                return area.child(j)
    raise AssertionError(req_id)


def test_plan_runs_off_the_gui_thread_and_fills_the_view(view, qtbot):
    assert "Planera" in view.package_summary.text()
    run(view, qtbot)
    assert sorted(view.included()) == ["SVEGRU01", "SVESAK01"]
    assert view.table.rowCount() == 2
    assert "200 poäng" in view.package_summary.text() and "3 av 4" in view.package_summary.text()
    assert "bevisat optimal" in view.status.text()
    assert view.chart.curve and view.chart.curve[-1] == (200, 3)
    assert view.chart.marker == (200, 3)
    assert requirement_row(view, "S4").text(1) == "ingen kurs i katalogen"
    view.chart.grab()  # paints without error


def test_hand_edits_recompute_coverage_without_solving(view, qtbot):
    run(view, qtbot)
    plan = view.plan
    view.set_included("SVESAK01", False)
    assert "täcker 2 av 4" in view.package_summary.text()
    assert requirement_row(view, "S3").text(1) == "ingen kurs i paketet"
    assert view.table.rowCount() == 2  # the unticked course stays listed
    assert view.add_course("svebre01 – Kurs SVEBRE01")
    assert "SVEBRE01" in view.included()
    assert "400 poäng" in view.package_summary.text() and "täcker 3 av 4" in view.package_summary.text()
    assert requirement_row(view, "S3").text(1) == "SVEBRE01"
    assert view.chart.marker == (400, 3)
    assert not view.add_course("NOPE99")
    assert view.plan is plan and view.task is None
    view.reset_button.click()
    assert sorted(view.included()) == ["SVEGRU01", "SVESAK01"]


def test_budget_and_comparison_with_a_package(view, qtbot):
    view.budget_on.setChecked(True)
    view.budget.setValue(100)
    view.compare_with.setCurrentIndex(view.compare_with.findData(PACKAGE))
    run(view, qtbot)
    assert view.plan.points <= 100 and view.included() == ["SVEGRU01"]
    text = view.comparison.toPlainText()
    assert "BAGTAR01" in text and "ZZZ01" in text
    view.from_package_button.click()
    assert view.included() == ["SVEBRE01", "BAGTAR01"]
    assert "400 poäng" in view.package_summary.text()


def test_essential_area_is_an_undoable_edit_and_steers_the_plan(view, qtbot):
    tree = view.requirements
    area = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0) == "Säkerhet")
    area.setCheckState(2, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: view.c.project.essential == ["Säkerhet"])
    assert view.c.undo_stack.count() == 1
    view.c.undo_stack.undo()
    assert view.c.project.essential == []
    view.c.undo_stack.redo()
    view.budget_on.setChecked(True)
    view.budget.setValue(100)
    run(view, qtbot)
    assert view.included() == ["SVESAK01"]  # the essential S3 beats the two ordinary ones


def test_bad_input_is_shown_not_raised(view, qtbot):
    view.must.setText("NOPE01")
    run(view, qtbot)
    assert view.status.text().startswith("Fel:") and "NOPE01" in view.status.text()
    assert view.plan is None


def test_replacing_the_project_clears_the_plan(view, qtbot):
    run(view, qtbot)
    view.c.set_project(make_project())
    assert view.plan is None and view.table.rowCount() == 0
    assert view.compare_with.findData(PACKAGE) > 0


def test_chart_draws_no_empty_axes_before_a_plan(view, qtbot):
    """Before planning, the chart says what it will show instead of axes labelled '1 poäng'."""
    def axis_pixel():
        area = view.chart.plot_area()
        image = view.chart.grab().toImage()
        return image.pixelColor(int(area.left() + area.width() / 2), int(area.bottom()))

    base = view.chart.palette().base().color()
    assert not view.chart.curve and axis_pixel() == base
    run(view, qtbot)
    assert axis_pixel() != base


def test_first_catalog_alignment_shows_the_index_being_built_and_can_be_cancelled(view, qtbot, slow_index_build):
    assert not view.cancel_button.isVisible()
    view.run_button.click()
    assert view.cancel_button.isVisible()
    qtbot.waitUntil(lambda: view.status.text().startswith("Bygger sökindex"), timeout=10000)
    with qtbot.waitSignal(view.plan_finished, timeout=10000):
        view.cancel_button.click()
    assert view.status.text() == "Avbrutet."
    assert not view.cancel_button.isVisible() and view.run_button.isEnabled()
    assert view.plan is None
