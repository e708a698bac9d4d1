"""Small hand-made projects for the report tests: fixed proposals, so no test depends on the matcher."""

from __future__ import annotations

import pytest

from compare_app.alignment import Alignment, Match, RequirementResult, Review
from compare_app.model import Course, Framework, Item, Provenance, SourceInfo
from compare_app.project import Project, Scope, Settings
from compare_app.units.model import Unit

#: requirement id -> (area, text, proposed status, score, [(item id, score)])
REQUIREMENTS = {
    "R1": ("Säkerhet", "Kan arbeta säkert med lyftanordningar.", "covered", 0.82, [("AAA01:cc1", 0.82)]),
    "R2": ("Säkerhet", "=HYPERLINK(\"http://x\";\"klicka\")", "partial", 0.41, [("AAA01:cc2", 0.41)]),
    "R3": ("Säkerhet", "+46 är ett landsnummer, inte en formel", "gap", 0.1, [("BBB01:cc1", 0.1)]),
    "R4": ("Teknik", "Kan felsöka elsystem i fordon.", "covered", 0.7, [("BBB01:cc2", 0.7), ("AAA01:cc3", 0.5)]),
    "R5": ("Teknik", "@SUM(1;2) och -1 ska stå kvar som text", "gap", 0.0, []),
    "R6": ("Teknik", "Kan dokumentera utfört arbete digitalt.", "partial", 0.45, [("BBB01:cc3", 0.45)]),
}
ITEMS = {
    "AAA01:cc1": "Säkra lyft och hantering av last.",
    "AAA01:cc2": "Grunder i hyperlänkar och dokumentation.",
    "AAA01:cc3": "Elsystemets uppbyggnad.",
    "BBB01:cc1": "Telefoni och nummerplaner.",
    "BBB01:cc2": "Felsökning i elektriska system.",
    "BBB01:cc3": "Digitala arbetsordrar.",
}


def make_project() -> Project:
    standard = Framework(
        kind="standard",
        title="Teststandard Fordon",
        items=[
            Item(rid, text, Provenance("std.xlsx", f"rad {i + 2}"), area=area, kind="färdighet", position=i + 1)
            for i, (rid, (area, text, *_)) in enumerate(REQUIREMENTS.items())
        ],
        sources=[SourceInfo("C:/data/std.xlsx", "ab" * 32, "xlsx", "2.1")],
    )
    courses = {
        "AAA01": Course("AAA01", "Lyft och el", 100),
        "BBB01": Course("BBB01", "Fordonsel", 200),
        "CCC01": Course("CCC01", "Kommunikation", 50),
    }
    items = []
    for item_id, text in ITEMS.items():
        code = item_id.split(":")[0]
        item = Item(item_id, text, Provenance("arkiv.tgz"), area=courses[code].name, course=code)
        courses[code].items.append(item)
        items.append(item)
    extra = Item("CCC01:cc1", "Skriftlig rapportering.", Provenance("arkiv.tgz"), area="Kommunikation", course="CCC01")
    courses["CCC01"].items.append(extra)
    items.append(extra)
    curriculum = Framework(
        kind="curriculum", title="Gymnasieskolans kurser", items=items, courses=courses,
        sources=[SourceInfo("/data/gy11.tgz", "cd" * 32, "tgz", "2019-11-29")],
    )
    results = {
        rid: RequirementResult(rid, status, score, [
            Match(item_id, item_id.split(":")[0], s, ITEMS[item_id]) for item_id, s in matches
        ])
        for rid, (_, _, status, score, matches) in REQUIREMENTS.items()
    }
    project = Project(standard, curriculum, scope=Scope(courses=["AAA01", "BBB01"]),
                      settings=Settings(author="Anna Bedömare"), title="Testprojekt")
    project.alignment = Alignment(results, ["AAA01", "BBB01"], method="test/fixed 1",
                                  thresholds={"covered": 0.6, "partial": 0.35})
    project.set_review("R1", Review(links={"AAA01:cc1": "accepted"}, note="Stämmer väl.", decided_by="Anna"))
    project.set_review("R6", Review(status="gap", note="=inte en formel", decided_by="Anna"))
    project.units = [
        Unit("U1", "Säker hantering", ["R1", "R2", "R3"]),
        Unit("U2", "Felsökning", ["R4", "R5"]),
    ]  # R6 belongs to no unit on purpose
    return project


@pytest.fixture
def project() -> Project:
    return make_project()


@pytest.fixture
def formula_like_texts() -> list[str]:
    """Requirement texts of the test project that a spreadsheet would take for formulas."""
    return [text for _, text, *_ in REQUIREMENTS.values() if text[0] in "=+-@"]


#: the fixed answer of the closing-course search in these tests: CCC01 closes R3, R5 and R6
CLOSABLE = ("R3", "R5", "R6")


@pytest.fixture(autouse=True)
def _fixed_closing_courses(monkeypatch):
    """Courses that close gaps come from a whole-catalog alignment; fix them so no test depends on the matcher."""
    from compare_app.units import compute

    def closing_courses_for(project, requirement_ids, exclude=None, progress=None):
        hit = [rid for rid in requirement_ids if rid in CLOSABLE]
        return [("CCC01", hit)] if hit else []

    monkeypatch.setattr(compute, "closing_courses_for", closing_courses_for)
