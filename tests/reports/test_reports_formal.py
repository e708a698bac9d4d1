"""Formal requirements and remarks ("kräver …, som inte ingår i paketet") in the Word and Excel reports."""

from __future__ import annotations

import pytest
from docx import Document
from openpyxl import load_workbook

from compare_app.exporters import report_docx, report_xlsx
from compare_app.importers import review_xlsx


@pytest.fixture
def formal_project(project):
    """R5 is recognised as a formal requirement, R3 names a course outside the package."""
    project.alignment.results["R5"].formal = "betyg"
    project.alignment.results["R3"].remark = "kräver ELRELF0, som inte ingår i paketet"
    return project


def test_word_report_counts_and_lists_formal_requirements_apart(formal_project, tmp_path):
    doc = Document(str(report_docx.write(formal_project, tmp_path / "r.docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    s = formal_project.summary()
    assert s.formal == 1 and s.total == 5
    assert "Standarden har 6 krav. 1 är ett formellt krav" in text and f"Av de {s.total} kraven på kursinnehåll" in text
    assert "Formella krav" in [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert any(p.text.startswith("R5: ") and p.text.endswith("(betyg)") for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("formellt krav" in c and "betyg" in c for c in cells)
    assert any("kräver ELRELF0, som inte ingår i paketet" in c for c in cells)


def test_excel_counts_formal_and_names_the_missing_course(formal_project, tmp_path):
    wb = load_workbook(report_xlsx.write(formal_project, tmp_path / "r.xlsx"))
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Formella krav (räknas inte i täckningen)" in values
    gaps = wb["Luckor"]
    r3 = next(row for row in gaps.iter_rows(min_row=2) if row[0].value == "R3")
    assert r3[3].value.startswith("Kräver ELRELF0, som inte ingår i paketet")


def test_reviewer_moves_requirements_into_and_out_of_the_formal_class(formal_project, tmp_path):
    path = report_xlsx.write(formal_project, tmp_path / "granskning.xlsx")
    wb = load_workbook(path)
    ws = wb["Kopplingar"]
    header = report_xlsx.LINK_HEADER_ROW
    col = {c.value: i + 1 for i, c in enumerate(ws[header])}
    for row in range(header + 1, ws.max_row + 1):
        rid = ws.cell(row, col["Krav-id"]).value
        if rid == "R6":
            ws.cell(row, col["Status"]).value = "formellt krav"
        if rid == "R5":
            assert ws.cell(row, col["Status"]).value == "formellt krav"
            ws.cell(row, col["Status"]).value = "lucka"
    wb.save(path)
    diff = review_xlsx.diff(formal_project, path)
    review_xlsx.apply(formal_project, diff)
    assert formal_project.reviews["R6"].formal is True and formal_project.effective("R6").status == "formal"
    assert formal_project.reviews["R5"].formal is False and formal_project.effective("R5").status == "gap"
