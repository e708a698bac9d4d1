"""A small hand-made project for the candidate tests: every number in it can be checked by hand.

Courses (100 points each unless said): WELD1 has items W1..W4, WELD2 has W5, W6 and X1 (word
for word the text of W1, so a proposal of W1 carries X1 as its twin), SAFE1 (50 points) has
S1, S2. Requirements: area "Svets" R1..R3, area "Säkerhet" R4, R5. Proposals (all above the
covered threshold): R1->W1 (twin X1), R2->W2, R3->W3, R4->S1, R5->S2; R3 also ->W5.
"""

from __future__ import annotations

from compare_app.alignment import Alignment, ItemRef, Match, RequirementResult
from compare_app.model import Course, Framework, Item, Provenance
from compare_app.planner import build_coverage
from compare_app.project import Project, Scope
from compare_app.units.model import Unit

COURSES = {
    "WELD1": (100, {"W1": "svetsa stumfog", "W2": "läsa svetsritning", "W3": "välja tillsatsmaterial",
                    "W4": "rikta plåt"}),
    "WELD2": (100, {"W5": "svetsa rör", "W6": "svetsa i alla lägen", "X1": "svetsa stumfog"}),
    "SAFE1": (50, {"S1": "skyddsutrustning", "S2": "brandvakt"}),
}
REQUIREMENTS = [("R1", "Svets"), ("R2", "Svets"), ("R3", "Svets"), ("R4", "Säkerhet"), ("R5", "Säkerhet")]
PROPOSALS = {"R1": [("W1", "WELD1", [ItemRef("X1", "WELD2")])], "R2": [("W2", "WELD1", [])],
             "R3": [("W3", "WELD1", []), ("W5", "WELD2", [])], "R4": [("S1", "SAFE1", [])],
             "R5": [("S2", "SAFE1", [])]}


def make_project() -> Project:
    curriculum = Framework("curriculum", "Katalog")
    for code, (points, items) in COURSES.items():
        course = Course(code, f"Kurs {code}", points)
        for n, (iid, text) in enumerate(items.items(), 1):
            course.items.append(Item(iid, text, Provenance("k"), area=course.name, course=code, position=n))
        curriculum.courses[code] = course
    curriculum.items = [it for c in curriculum.courses.values() for it in c.items]
    standard = Framework("standard", "Standard", [
        Item(rid, f"krav {rid}", Provenance("s"), area=area, position=n) for n, (rid, area) in enumerate(REQUIREMENTS, 1)
    ])
    results = {
        rid: RequirementResult(rid, "covered", 0.9, [
            Match(iid, course, 0.9 - 0.1 * n, curriculum.item(iid).text, twins=twins)
            for n, (iid, course, twins) in enumerate(props)
        ])
        for rid, props in PROPOSALS.items()
    }
    project = Project(standard, curriculum, Scope(courses=list(COURSES)), title="Test")
    project.alignment = Alignment(results, list(COURSES), "test", {"covered": 0.5, "partial": 0.2})
    project.units = [Unit("E1", "Svetsning", ["R1", "R2", "R3"]), Unit("E2", "Säkerhet", ["R4", "R5"])]
    return project


def accept_best(project: Project) -> None:
    for rid, props in PROPOSALS.items():
        project.accept(rid, props[0][0], by="bedömare")


def coverage_of(project: Project):
    return build_coverage(project.standard, project.curriculum, project.alignment, project.reviews)
