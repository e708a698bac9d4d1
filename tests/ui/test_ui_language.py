"""Swedish interface with English from the compiled translation; settings persist in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from compare_app.ui import i18n, prefs
from compare_app.ui.main_window import MainWindow


def _menu_titles(w):
    return [a.text() for a in w.menuBar().actions()]


def test_switch_language_in_settings_and_restart_in_english(aligned, qtbot):
    w = aligned
    assert "&Arkiv" in _menu_titles(w)
    w.apply_settings("en", "Anna Andersson", 1.5, 5)
    assert prefs.language() == "en" and prefs.author() == "Anna Andersson"
    settings = w.c.project.settings
    assert (settings.author, settings.hours_per_point) == ("Anna Andersson", 1.5)
    w.c.undo_stack.undo()
    assert settings.hours_per_point == 1.0  # the project's settings are an undoable edit

    app = QApplication.instance()
    try:
        assert i18n.install(app, prefs.language())
        english = MainWindow()
        english.quiet = True
        qtbot.addWidget(english)
        assert _menu_titles(english)[:4] == ["&File", "&Edit", "&Review", "&Help"]
        english.set_project(w.c.project)
        assert english.review.std_tree.headerItem().text(0) == "Requirement"
        first = english.review.std_tree.requirement_nodes()[0]
        assert first.text(1).split()[0] in {"Covered", "Partial", "Gap"}
        # numbers stay in Swedish format whatever the interface language
        assert QLocale().toString(0.5, "f", 2) == "0,50"
    finally:
        i18n.install(app, "sv")
    swedish = MainWindow()
    qtbot.addWidget(swedish)
    assert "&Arkiv" in _menu_titles(swedish)


def test_every_english_string_is_translated():
    import xml.etree.ElementTree as ET

    from compare_app.paths import resource_path

    ts = ET.parse(resource_path("translations", "compare_app_en.ts"))
    unfinished = [m.find("source").text for m in ts.iter("message") if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert i18n.translation_file("en").is_file()


def test_gui_and_reports_name_a_gap_alike():
    from compare_app.exporters import _report_data as rd
    from compare_app.ui.style import status_name

    assert status_name("gap") == rd.STATUS_TITLE["gap"] == "Lucka"
    for status, word in rd.STATUS_SV.items():
        assert status_name(status).lower().startswith(word)


def test_review_keys_follow_the_interface_language(aligned, qtbot):
    app = QApplication.instance()
    try:
        assert i18n.install(app, "en")
        english = MainWindow()
        english.quiet = True
        qtbot.addWidget(english)
        panel = english.review.panel
        assert panel.accept_button.text() == "&Accept" and panel.reject_button.text() == "&Reject"
        assert english.act_accept.shortcut().toString() == "A" and english.act_reject.shortcut().toString() == "R"
        assert english.act_accept.toolTip().endswith("(A)") and "(G)" not in panel.accept_button.toolTip()
    finally:
        i18n.install(app, "sv")
    swedish = MainWindow()
    qtbot.addWidget(swedish)
    assert swedish.act_accept.shortcut().toString() == "G" and swedish.act_reject.shortcut().toString() == "A"


def test_every_translatable_literal_in_the_gui_is_in_the_english_catalog():
    """A tr() string missing from the .ts stays Swedish in the English GUI (it happened to 'nivå')."""
    import ast
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from compare_app.paths import resource_path

    ts = ET.parse(resource_path("translations", "compare_app_en.ts"))
    known = {m.find("source").text for m in ts.iter("message")}
    missing = []
    for path in sorted(Path(i18n.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            args = node.args[:1] if node.func.attr == "tr" else node.args[1:2] if node.func.attr == "translate" else []
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in known:
                    missing.append(f"{path.name}:{node.lineno}: {arg.value}")
    assert missing == []
