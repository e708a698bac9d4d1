"""The review workflow through the real widgets: keyboard, buttons, search, drag and drop, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDropEvent

from compare_app.ui.trees import ID_ROLE, ITEM_MIME


def _focus_tree(qtbot, w):
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.review.std_tree.setFocus()


def _select(w, rid):
    w.review.select_requirement(rid)
    assert w.review.panel.requirement_id == rid


def test_selecting_a_requirement_lists_its_proposals_best_first(aligned):
    w = aligned
    _select(w, "R3")
    panel = w.review.panel
    scores = [float(panel.links.topLevelItem(i).text(0).replace(",", ".")) for i in range(panel.links.topLevelItemCount())]
    assert scores and scores == sorted(scores, reverse=True)
    top = panel.links.topLevelItem(0).data(0, ID_ROLE)
    assert top == "SVEMAG01:cc3"  # the MAG butt-weld item
    # the words that made the match are marked in both texts
    assert "background-color" in panel.req_text.toHtml()
    assert "background-color" in panel.item_text.toHtml()
    # the linked item is tinted in the curriculum tree
    assert w.review.cur_tree.node(top).background(0).color().name() != "#000000"


def test_keyboard_accept_reject_next_and_undo_redo(aligned, qtbot):
    w = aligned
    project = w.c.project
    _select(w, "R3")
    _focus_tree(qtbot, w)
    first = w.review.panel.current_item_id()
    qtbot.keyClick(w.review.std_tree, Qt.Key.Key_G)
    assert project.reviews["R3"].links[first] == "accepted"
    assert w.isWindowModified()
    second = w.review.panel.current_item_id()  # the selection moved on to the next proposal
    assert second != first
    qtbot.keyClick(w.review.std_tree, Qt.Key.Key_A)
    assert project.reviews["R3"].links[second] == "rejected"
    assert project.effective("R3").status == "covered"
    # N moves to the next requirement nobody has reviewed
    qtbot.keyClick(w.review.std_tree, Qt.Key.Key_N)
    assert w.review.panel.requirement_id not in project.reviews
    assert w.review.panel.requirement_id == "R4"
    # undo twice: no decision left, and the undo stack is back where it started
    qtbot.keyClick(w.review.std_tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert second not in project.reviews["R3"].links
    qtbot.keyClick(w.review.std_tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "R3" not in project.reviews
    assert w.c.undo_stack.isClean()
    w.c.undo_stack.redo()
    assert project.reviews["R3"].links == {first: "accepted"}


def test_status_keys_and_buttons(aligned, qtbot):
    w = aligned
    project = w.c.project
    _select(w, "R6")
    _focus_tree(qtbot, w)
    qtbot.keyClick(w.review.std_tree, Qt.Key.Key_3)
    assert project.effective("R6").status == "gap" and project.reviews["R6"].status == "gap"
    assert w.review.std_tree.node("R6").text(1).startswith("Lucka")
    assert w.review.panel.status_combo.currentData() == "gap"
    qtbot.keyClick(w.review.std_tree, Qt.Key.Key_0)
    assert "R6" not in project.reviews
    qtbot.mouseClick(w.review.panel.reject_button, Qt.MouseButton.LeftButton)
    assert list(project.reviews["R6"].links.values()) == ["rejected"]
    # the rejected proposal stays listed (struck out) so it can be taken back
    rejected = w.review.panel.links.topLevelItem(0)
    assert rejected.data(1, ID_ROLE) == "rejected" and rejected.font(3).strikeOut()
    w.review.panel.links.setCurrentItem(rejected)
    qtbot.mouseClick(w.review.panel.unlink_button, Qt.MouseButton.LeftButton)
    assert "R6" not in project.reviews


def test_link_by_search_over_the_whole_curriculum(aligned, qtbot):
    w = aligned
    project = w.c.project
    _select(w, "R6")
    assert "MATMAT01" not in project.candidate_courses()
    matches = [s for s in w.review.panel._search_model.stringList() if "Procent" in s]
    assert matches == ["MATMAT01:cc1 — Procent och proportionalitet."]
    w.activateWindow()
    w.review.panel.search.setFocus()
    qtbot.keyClicks(w.review.panel.search, "procent")  # the completer searches inside the texts
    popup = w.review.panel.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert project.reviews["R6"].links == {"MATMAT01:cc1": "manual"}
    assert project.effective("R6").status == "covered"
    qtbot.waitUntil(lambda: w.review.panel.search.text() == "")
    assert w.c.undo_stack.count() == 1  # one link, not one per signal
    rows = [w.review.panel.links.topLevelItem(i) for i in range(w.review.panel.links.topLevelItemCount())]
    assert any(r.data(0, ID_ROLE) == "MATMAT01:cc1" and r.text(1) == "Manuell" for r in rows)
    # an unknown id links nothing
    qtbot.keyClicks(w.review.panel.search, "FINNS:cc9")
    qtbot.keyClick(w.review.panel.search, Qt.Key.Key_Return)
    assert project.reviews["R6"].links == {"MATMAT01:cc1": "manual"}


def test_drag_from_curriculum_tree_onto_a_requirement(aligned, qtbot):
    w = aligned
    project = w.c.project
    cur, std = w.review.cur_tree, w.review.std_tree
    node = cur.node("SVERIT01:cc2")
    data = cur.mimeData([node])
    assert bytes(data.data(ITEM_MIME)).decode() == "SVERIT01:cc2"
    target = std.node("R4")
    std.scrollToItem(target)
    pos = std.visualItemRect(target).center()
    event = QDropEvent(pos.toPointF(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    std.dropEvent(event)
    assert project.reviews["R4"].links == {"SVERIT01:cc2": "manual"}
    assert w.review.panel.requirement_id == "R4"
    # selecting the curriculum item tints the requirements linked to it
    cur.setCurrentItem(node)
    assert std.node("R4").background(0).style() != Qt.BrushStyle.NoBrush
    assert std.node("R1").background(0).style() == Qt.BrushStyle.NoBrush


def test_note_is_saved_with_ctrl_return_and_when_leaving(aligned, qtbot):
    w = aligned
    project = w.c.project
    _select(w, "R2")
    w.activateWindow()
    w.review.panel.note.setFocus()
    qtbot.keyClicks(w.review.panel.note, "Fråga branschen")
    qtbot.keyClick(w.review.panel.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.reviews["R2"].note == "Fråga branschen"
    w.review.panel.note.setPlainText("Ändrad")
    _select(w, "R3")  # leaving the requirement keeps the typed note
    assert project.reviews["R2"].note == "Ändrad"
    w.c.undo_stack.undo()
    assert project.reviews["R2"].note == "Fråga branschen"


def test_filters_on_both_sides(aligned, qtbot):
    w = aligned
    r = w.review
    project = w.c.project
    w.c.set_status("R1", "gap")
    r.status_filter.setCurrentIndex(r.status_filter.findData("gap"))
    visible = r.visible_requirements()
    assert visible and all(project.effective(x).status == "gap" for x in visible)
    r.status_filter.setCurrentIndex(0)
    r.reviewed_filter.setCurrentIndex(r.reviewed_filter.findData(True))
    assert r.visible_requirements() == ["R1"]
    r.reviewed_filter.setCurrentIndex(r.reviewed_filter.findData(False))
    assert "R1" not in r.visible_requirements() and len(r.visible_requirements()) == 5
    r.reviewed_filter.setCurrentIndex(0)
    r.area_filter.setCurrentIndex(r.area_filter.findData("Kvalitet"))
    assert r.visible_requirements() == ["R5", "R6"]
    r.area_filter.setCurrentIndex(0)
    qtbot.keyClicks(r.std_search, "ritning")
    assert r.visible_requirements() == ["R4"]
    r.std_search.clear()
    # course filter: requirements linked to the course, and only that course in the tree
    r.course_filter.setCurrentIndex(r.course_filter.findData("SVERIT01"))
    assert "R4" in r.visible_requirements()
    tops = [r.cur_tree.topLevelItem(i) for i in range(r.cur_tree.topLevelItemCount())]
    assert [t.data(0, Qt.ItemDataRole.UserRole + 1) for t in tops if not t.isHidden()] == ["SVERIT01"]
    r.course_filter.setCurrentIndex(0)
    qtbot.keyClicks(r.cur_search, "gasflask")
    shown = [n.data(0, ID_ROLE) for n in r.cur_tree.item_nodes() if not n.isHidden()]
    assert shown == ["SVEMAG01:cc2"]


def test_summary_updates_live(aligned):
    w = aligned
    project = w.c.project
    table = w.review.summary.table
    last = table.rowCount() - 1
    assert table.item(last, 0).text() == "Totalt"
    before = int(table.item(last, 3).text())
    target = next(r.id for r in project.requirements() if project.effective(r.id).status != "gap")
    w.c.set_status(target, "gap")
    assert int(table.item(last, 3).text()) == before + 1
    assert "Täckning" in w.total.text()
    w.c.undo_stack.undo()
    assert int(table.item(last, 3).text()) == before


def test_rerunning_alignment_keeps_decisions(aligned, idle):
    w = aligned
    project = w.c.project
    w.c.reject("R1", project.alignment.results["R1"].matches[0].item_id)
    w.c.link("R2", "MATMAT01:cc1")
    decided = {k: v.copy().links for k, v in project.reviews.items()}
    w.act_align.trigger()
    idle(w)
    assert {k: v.links for k, v in project.reviews.items()} == decided
    assert project.effective("R2").status == "covered"
    assert w.isWindowModified()


def test_review_keys_belong_to_the_review_tab(aligned, qtbot):
    w = aligned
    _select(w, "R3")
    w.tabs.setCurrentIndex(1)  # units
    assert not w.act_accept.isEnabled() and not w.act_unlink.isEnabled()
    w.activateWindow()
    qtbot.keyClick(w.tabs.currentWidget(), Qt.Key.Key_G)
    assert "R3" not in w.c.project.reviews
    w.tabs.setCurrentWidget(w.review)
    assert w.act_accept.isEnabled()


def test_read_only_project_takes_no_edits(aligned):
    w = aligned
    w.set_project(w.c.project, None, read_only=True)
    assert not w.act_accept.isEnabled() and not w.review.panel.isEnabled()
    w.c.accept("R1", w.c.project.alignment.results["R1"].matches[0].item_id)
    assert w.c.project.reviews == {} and w.c.undo_stack.count() == 0


def test_heading_says_who_decided_and_when_in_swedish_format(aligned):
    w = aligned
    w.c.project.settings.author = "Kim Granskare"
    _select(w, "R2")
    assert "ej granskad" in w.review.panel.heading.text()
    w.c.set_note("R2", "ok")
    text = w.review.panel.heading.text()
    assert "granskad av Kim Granskare" in text
    import re

    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text), text


def test_next_unreviewed_says_when_everything_shown_is_reviewed(aligned):
    w = aligned
    w.review.area_filter.setCurrentIndex(w.review.area_filter.findData("Kvalitet"))
    for rid in ("R5", "R6"):
        w.c.set_note(rid, "klart")
    w.go_unreviewed(1)
    assert "granskade" in w.statusBar().currentMessage()


def test_link_from_the_curriculum_tree_by_key_and_double_click(aligned, qtbot):
    w = aligned
    project = w.c.project
    _select(w, "R5")
    cur = w.review.cur_tree
    cur.setCurrentItem(cur.node("SVERIT01:cc1"))
    w.act_link_tree.trigger()
    assert project.reviews["R5"].links == {"SVERIT01:cc1": "manual"}
    node = cur.node("SVEMAG01:cc1")
    cur.scrollToItem(node)
    center = cur.visualItemRect(node).center()
    qtbot.mouseClick(cur.viewport(), Qt.MouseButton.LeftButton, pos=center)  # a double click starts with a press
    qtbot.mouseDClick(cur.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert project.reviews["R5"].links["SVEMAG01:cc1"] == "manual"
    assert w.act_accept in w.review.panel.links.actions()  # right-click menu on the proposals


def test_the_same_text_in_two_courses_is_one_proposal_naming_both(window, project, idle):
    from compare_app.model import Item, Provenance

    copy = Item("SVERIT01:cc3", "Skyddsutrustning och säkerhet vid svetsning.", Provenance("test"),
                area="Ritningsläsning", course="SVERIT01", position=3)
    project.curriculum.courses["SVERIT01"].items.append(copy)
    project.curriculum.items.append(copy)
    window.set_project(project, None, align=True)
    idle(window)
    _select(window, "R1")
    panel = window.review.panel
    texts = [panel.links.topLevelItem(i).text(3) for i in range(panel.links.topLevelItemCount())]
    assert texts.count(copy.text) == 1
    top = panel.links.topLevelItem(0)
    assert top.text(3) == copy.text and top.text(2).endswith("+1")
    other = "SVERIT01" if top.data(0, ID_ROLE).startswith("SVEMAG01") else "SVEMAG01"
    assert f"Samma text finns även i: {other} " in panel.item_text.toPlainText()
    assert other in top.toolTip(2)


def test_reasons_name_their_bridges_in_the_interface_language(aligned):
    from compare_app.ui.style import bridge_name

    _select(aligned, "R3")
    text = aligned.review.panel.item_text.toPlainText()
    match = aligned.c.project.alignment.results["R3"].matches[0]
    bridges = {e.bridge for e in match.evidence if e.bridge != "exact"}
    assert "Skäl:" in text and bridges
    for bridge in bridges:
        # a similarity reads "liknande betydelse 0,90"; a word bridge names itself in brackets
        assert (bridge_name(bridge) if bridge == "semantic" else f"({bridge_name(bridge)})") in text
        if bridge_name(bridge) != bridge:
            assert f"({bridge})" not in text  # no internal names such as (lemma) or (compound)


def test_whole_catalog_project_lists_only_courses_a_status_rests_on(window, qtbot):
    """With 'Visa alla kurser' off, unrelated subjects (here: Matematik) stay out of the course pane."""
    from compare_app.project import Scope

    from .conftest import make_project, wait_idle

    project = make_project()
    project.scope = Scope()  # the whole catalog
    window.set_project(project, None, align=True)
    wait_idle(qtbot, window)
    tree = window.review.cur_tree

    def shown():
        return {tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) for i in range(tree.topLevelItemCount())}

    assert window.review.all_courses.isChecked() is False
    assert "SVEMAG01" in shown() and "MATMAT01" not in shown()
    window.review.all_courses.setChecked(True)
    assert shown() == {"SVEMAG01", "SVERIT01", "MATMAT01"}
