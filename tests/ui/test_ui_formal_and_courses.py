"""The review view shows formal requirements, whole-course links and missing named courses as a user expects."""

from __future__ import annotations

from tests.ui.conftest import PACKAGE, make_project

from compare_app.model import Item, Provenance
from compare_app.ui.trees import ID_ROLE


def _project_with_special_requirements():
    project = make_project()
    p = Provenance("test")
    project.standard.items += [
        Item("F1", "Minst 1 600 h lärlingstid", p, area="Behörighet"),
        Item("C1", "Ritningsläsning 50 poäng (SVERIT01)", p, area="Kurser"),
        Item("C2", "Matematik 100 poäng (MATMAT01)", p, area="Kurser"),
    ]
    return project


def test_formal_requirement_shown_apart_and_movable(window, qtbot, idle):
    project = _project_with_special_requirements()
    window.set_project(project, None, align=True)
    idle(window)
    review = window.review
    review.select_requirement("F1")
    panel = review.panel
    assert "Formellt krav: tid i yrket" in panel.heading.text() and panel.formal_box.isChecked()
    last = review.summary.table.rowCount() - 1
    assert review.summary.table.item(last, 5).text() == "1"
    assert "formella krav 1" in window.total.text()
    panel.formal_box.click()  # a person moves it out of the class
    assert project.reviews["F1"].formal is False and project.effective("F1").status != "formal"
    assert review.summary.table.item(last, 5).text() == "0"
    window.c.undo_stack.undo()
    assert "F1" not in project.reviews and project.effective("F1").status == "formal"


def test_named_course_first_and_missing_one_explained(window, idle):
    project = _project_with_special_requirements()
    assert project.scope.package == PACKAGE  # SVEMAG01, SVERIT01: MATMAT01 is outside
    window.set_project(project, None, align=True)
    idle(window)
    review = window.review
    review.select_requirement("C1")
    top = review.panel.links.topLevelItem(0)
    assert top.data(0, ID_ROLE) == "SVERIT01" and top.text(2) == "SVERIT01"
    assert top.text(3) == "Ritningsläsning (SVERIT01), 50 poäng"
    assert "kursen anges i kravet" in top.toolTip(3)
    review.panel.links.setCurrentItem(top)
    assert "Ritningsläsning" in review.panel.item_text.toPlainText() and "hela kursen är länkad" in review.panel.item_text.toPlainText()
    review.select_requirement("C2")
    assert "kräver MATMAT01, som inte ingår i paketet" in review.panel.heading.text()
    assert project.effective("C2").status == "gap"
