"""Both reports for a development standard against the real Skolverket archive.

The alignment is built from the gold set's answers (not by the matcher), so the test checks the
reports on real course names, points and texts without depending on proposal quality.
"""

from __future__ import annotations

import json

import pytest
from docx import Document
from openpyxl import load_workbook

from compare_app.alignment import Alignment, Match, RequirementResult
from compare_app.exporters import report_docx, report_xlsx
from compare_app.importers import review_xlsx
from compare_app.model import Framework, Item, Provenance
from compare_app.project import Project, Scope

pytestmark = pytest.mark.real_data


@pytest.fixture
def real_project(bench_dir, real_catalog):
    data = json.loads((bench_dir / "dev_bilmekaniker.json").read_text(encoding="utf-8"))
    items = [Item(r["id"], r["text"], Provenance("dev_bilmekaniker.json", r["id"]), area=r["area"], kind=r["kind"])
             for r in data["requirements"]]
    project = Project(Framework("standard", data["title"], items), real_catalog, scope=Scope(courses=data["package"]))
    in_scope = set(project.candidate_courses())
    results = {}
    for r in data["requirements"]:
        gold = [g for g in r["gold"] if g.split(":")[0] in in_scope and real_catalog.get(g)]
        matches = [Match(g, g.split(":")[0], 0.9 - 0.1 * i, real_catalog.item(g).text) for i, g in enumerate(gold)]
        results[r["id"]] = RequirementResult(r["id"], "covered" if gold else "gap", 0.9 if gold else 0.0, matches)
    project.alignment = Alignment(results, project.candidate_courses(), "gold", {"covered": 0.5, "partial": 0.2})
    return project


def test_real_reports_list_every_requirement_with_real_course_content(real_project, tmp_path):
    doc = Document(str(report_docx.write(real_project, tmp_path / "r.docx")))
    text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    for req in real_project.requirements():
        eff = real_project.effective(req.id)
        for link in eff.links:
            item = real_project.curriculum.item(link.item_id)
            course = real_project.curriculum.courses[item.course]
            folded = f"Nästan samma text finns även i" in text and course.code in text
            assert item.text in text or folded  # a near copy in a sibling course is named, not repeated
            assert f"{course.code} {course.name}, {course.points} p" in text or folded
    wb = load_workbook(report_xlsx.write(real_project, tmp_path / "r.xlsx"))
    ids = [row[0].value for row in wb["Matris"].iter_rows(min_row=2)]
    assert ids == [r.id for r in real_project.requirements()]
    assert len(review_xlsx.diff(real_project, tmp_path / "r.xlsx")) == 0
