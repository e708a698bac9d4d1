"""A small project built in code (no sample files needed) and a main window over it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from compare_app.model import Course, Framework, Item, Package, Provenance
from compare_app.project import Project, Scope

# Own wording; the course codes are made up.
STANDARD = [
    ("R1", "Säkerhet", "Använda skyddsutrustning vid svetsning"),
    ("R2", "Säkerhet", "Hantera gasflaskor säkert i verkstaden"),
    ("R3", "Svetsning", "Svetsa stumfog i plåt med MAG-svetsning"),
    ("R4", "Svetsning", "Läsa och tolka svetsritningar och symboler"),
    ("R5", "Kvalitet", "Kontrollera svetsfogens kvalitet visuellt"),
    ("R6", "Kvalitet", "Dokumentera arbetet i en egenkontroll"),
]
COURSES = {
    "SVEMAG01": ("MAG-svetsning grund", 100, [
        ("Säkerhet", "Skyddsutrustning och säkerhet vid svetsning."),
        ("Säkerhet", "Hantering av gasflaskor och gaser i verkstaden."),
        ("Metod", "MAG-svetsning av stumfog i plåt."),
        ("Metod", "Visuell kontroll av svetsfogens kvalitet."),
    ]),
    "SVERIT01": ("Ritningsläsning", 50, [
        ("", "Ritningar och svetssymboler, hur de läses och tolkas."),
        ("", "Måttsättning och toleranser."),
    ]),
    "MATMAT01": ("Matematik", 100, [
        ("", "Procent och proportionalitet."),
    ]),
}
PACKAGE = "Testprogrammet / Svetsare"


def make_project() -> Project:
    p = Provenance("test")
    std = Framework("standard", "Teststandard", items=[Item(i, t, p, area=a, kind="färdighet") for i, a, t in STANDARD])
    courses, items = {}, []
    for code, (name, points, rows) in COURSES.items():
        course_items = [Item(f"{code}:cc{n}", text, p, area=name, section=sec, course=code, position=n)
                        for n, (sec, text) in enumerate(rows, 1)]
        courses[code] = Course(code, name, points, course_items)
        items += course_items
    cur = Framework("curriculum", "Testkursplaner", items=items, courses=courses,
                    packages={PACKAGE: Package(PACKAGE, ["SVEMAG01", "SVERIT01"])})
    return Project(std, cur, scope=Scope(package=PACKAGE), title="Testprojekt")


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory):
    path = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))
    yield


@pytest.fixture
def project() -> Project:
    return make_project()


@pytest.fixture
def window(qtbot):
    from compare_app.ui.main_window import MainWindow

    w = MainWindow()
    w.quiet = True
    w.resize(1366, 768)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.c.undo_stack.setClean()  # no "save changes?" question when the test closes it
    w.c._unsaved = False


def wait_idle(qtbot, w, timeout=20000):
    qtbot.waitUntil(lambda: w.task is None, timeout=timeout)


@pytest.fixture
def idle(qtbot):
    """``idle(window)`` waits until the window's background work has ended."""
    return lambda w, timeout=20000: wait_idle(qtbot, w, timeout)


@pytest.fixture
def aligned(window, project, qtbot):
    """The main window with the test project open and aligned."""
    window.set_project(project, None, align=True)
    wait_idle(qtbot, window)
    assert project.alignment is not None
    return window
