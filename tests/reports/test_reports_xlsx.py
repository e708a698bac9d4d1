"""The Excel report, read back with openpyxl (and as raw XML where openpyxl drops things, e.g. charts)."""

from __future__ import annotations

import re

import zipfile

import pytest
from openpyxl import load_workbook

from compare_app.exporters import _report_data as rd
from compare_app.exporters import alignment_json, report_xlsx


@pytest.fixture
def written(project, tmp_path):
    path = report_xlsx.write(project, tmp_path / "rapport.xlsx")
    return project, load_workbook(path), path


def _rows(ws, header_row):
    headers = [c.value for c in ws[header_row]]
    for row in ws.iter_rows(min_row=header_row + 1):
        yield {h: c for h, c in zip(headers, row)}


def test_sheets_and_hidden_meta(written):
    _, wb, _ = written
    assert wb.sheetnames == ["Sammanfattning", "Matris", "Kopplingar", "Luckor", "Enheter", "Kandidater", "_meta"]
    assert wb["_meta"].sheet_state == "veryHidden"
    assert all(wb[n].sheet_state == "visible" for n in wb.sheetnames[:-1])


def test_summary_figures_match_project_and_json(written):
    project, wb, _ = written
    ws = wb["Sammanfattning"]
    titles = {v: k for k, v in rd.STATUS_TITLE.items()}
    counts = {titles[row[0].value]: row[1].value for row in ws.iter_rows() if row[0].value in titles}
    s = project.summary()
    assert counts == {"covered": s.covered, "partial": s.partial, "gap": s.gap}
    js = alignment_json.to_dict(project)["summary"]
    assert (js["covered"], js["partial"], js["gap"]) == (s.covered, s.partial, s.gap)


def test_native_charts_present(written):
    _, _, path = written
    with zipfile.ZipFile(path) as zf:
        charts = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/charts/chart")]
    assert any("doughnutChart" in c for c in charts)
    assert any("barChart" in c for c in charts)  # per competence area


def test_matrix_has_every_requirement_once_coloured_and_frozen(written):
    project, wb, _ = written
    ws = wb["Matris"]
    rows = list(_rows(ws, 1))
    assert [r["Krav-id"].value for r in rows] == [i.id for i in project.requirements()]
    for r in rows:
        status = project.effective(r["Krav-id"].value).status
        assert r["Status"].value == rd.STATUS_SV[status]
        assert r["Status"].fill.fgColor.rgb.endswith(rd.STATUS_FILL[status])
    assert ws.freeze_panes == "E2"
    # R1's accepted link to AAA01 is a coloured score cell in the AAA01 column
    col = next(c.column for c in ws[1] if str(c.value).startswith("AAA01"))
    r1 = next(r for r in rows if r["Krav-id"].value == "R1")
    cell = ws.cell(row=r1["Krav-id"].row, column=col)
    assert cell.value == pytest.approx(0.82)
    assert cell.fill.fgColor.rgb.endswith(rd.STATUS_FILL["covered"])


def test_links_sheet_one_row_per_link_with_validation_and_filter(written):
    project, wb, _ = written
    ws = wb["Kopplingar"]
    h = report_xlsx.LINK_HEADER_ROW
    rows = list(_rows(ws, h))
    expected = []
    for item in project.requirements():
        eff = project.effective(item.id)
        expected += [(item.id, ln.item_id) for ln in eff.links] or [(item.id, "")]
    assert [(r["Krav-id"].value, r["Innehålls-id"].value or "") for r in rows] == expected
    for r in rows:
        eff = project.effective(r["Krav-id"].value)
        assert r["Status"].value == rd.STATUS_SV[eff.status]
        assert (r["Kommentar"].value or "") == eff.note
    assert ws.auto_filter.ref == f"A{h}:J{h + len(rows)}"
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1
    assert validations[0].formula1 == '"täckt,delvis,lucka,formellt krav"'  # a reviewer can move a requirement to the formal ones
    assert str(validations[0].sqref) == f"H{h + 1}:H{h + len(rows)}"
    assert ws.column_dimensions["B"].width >= 40 and ws["B5"].alignment.wrap_text


def test_formula_like_texts_stay_text(written, formula_like_texts):
    _, wb, path = written
    formula_like = list(formula_like_texts)
    assert len(formula_like) == 3
    formula_like.append("=inte en formel")  # an assessor's note
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in formula_like:
                    found.setdefault(cell.value, []).append(cell)
    assert set(found) == set(formula_like)
    for cells in found.values():
        for cell in cells:
            assert cell.data_type == "s"
            assert cell.quotePrefix
    with zipfile.ZipFile(path) as zf:
        sheets = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in s or "<f " in s for s in sheets)


def test_gaps_and_units_sheets(written):
    project, wb, _ = written
    gaps = [i.id for i in project.requirements() if project.effective(i.id).status == "gap"]
    gap_rows = list(_rows(wb["Luckor"], 1))
    assert [r["Krav-id"].value for r in gap_rows] == gaps
    assert all(r["Kurser som kan täcka luckan"].value == "CCC01 Kommunikation" for r in gap_rows)
    units = list(_rows(wb["Enheter"], 1))
    assert [u["Enhet"].value for u in units] == [u.title for u in project.units]
    for u, unit in zip(units, project.units):
        statuses = [project.effective(rid).status for rid in unit.requirement_ids]
        assert (u["Täckt"].value, u["Delvis"].value, u["Lucka"].value) == (
            statuses.count("covered"), statuses.count("partial"), statuses.count("gap"))
        # the points are reckoned in Swedish: "AAA01 Namn: 2 av 5 punkter × 100 p = 40 p", decimal comma
        assert " punkter × " in u["Kurser"].value and not re.search(r"\d\.\d", u["Kurser"].value)
    header = {c.value: c for c in next(wb["Enheter"].iter_rows(max_row=1))}
    assert "Så räknas enheternas omfattning" in header["Poäng"].comment.text


def test_status_words_agree_in_every_legend_and_header(written):
    _, wb, _ = written
    ws = wb["Sammanfattning"]
    words = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert set(rd.STATUS_TITLE.values()) <= words
    assert not words & set(rd.STATUS_SV.values())  # no lower-case "täckt" beside a "Täckt"


def test_sheets_left_out_when_empty(project, tmp_path):
    for item in project.requirements():
        project.set_status(item.id, "covered", by="Test")
    project.units = []
    wb = load_workbook(report_xlsx.write(project, tmp_path / "r.xlsx"))
    assert "Luckor" not in wb.sheetnames


def test_control_characters_from_imported_text_do_not_break_either_report(project, tmp_path):
    from docx import Document

    from compare_app.exporters import report_docx

    project.standard.items[0].text = "Kan arbeta\x07 säkert\x0b med lyft."
    project.set_note("R1", "Notering\x01 med styrtecken", by="Test")
    wb = load_workbook(report_xlsx.write(project, tmp_path / "r.xlsx"))
    row = next(r for r in _rows(wb["Matris"], 1) if r["Krav-id"].value == "R1")
    assert row["Krav"].value == "Kan arbeta säkert med lyft."
    doc = Document(str(report_docx.write(project, tmp_path / "r.docx")))
    texts = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any("Kan arbeta säkert med lyft." in t for t in texts)
    assert any("Notering med styrtecken" in t for t in texts)


def test_matrix_of_a_large_scope_shows_only_linked_courses(project, tmp_path, monkeypatch):
    from compare_app.project import Scope

    project.scope = Scope()  # the whole (here: three-course) catalog
    wb = load_workbook(report_xlsx.write(project, tmp_path / "alla.xlsx"))
    assert [c.value.split()[0] for c in wb["Matris"][1][4:]] == ["AAA01", "BBB01", "CCC01"]
    monkeypatch.setattr(report_xlsx, "MATRIX_ALL_COURSES_UP_TO", 2)
    wb = load_workbook(report_xlsx.write(project, tmp_path / "lankade.xlsx"))
    assert [c.value.split()[0] for c in wb["Matris"][1][4:]] == ["AAA01", "BBB01"]


def test_a_folded_copy_counts_in_its_own_course_in_both_reports(project, tmp_path):
    """R4's best item has a word-for-word copy in AAA01: the matrix marks AAA01 with that score and
    both reports name the other course."""
    from docx import Document

    from compare_app.alignment import ItemRef
    from compare_app.exporters import report_docx

    best = project.alignment.results["R4"].matches[0]
    best.twins = [ItemRef("AAA01:cc4", "AAA01")]
    wb = load_workbook(report_xlsx.write(project, tmp_path / "r.xlsx"))
    ws = wb["Matris"]
    col = next(c.column for c in ws[1] if str(c.value).startswith("AAA01"))
    r4 = next(r for r in _rows(ws, 1) if r["Krav-id"].value == "R4")
    assert ws.cell(row=r4["Krav-id"].row, column=col).value == pytest.approx(0.7)  # not AAA01:cc3's 0.5
    links = wb[report_xlsx.LINKS_SHEET]
    cells = [row for row in links.iter_rows(values_only=True) if row[0] == "R4" and row[2] == best.item_id]
    assert len(cells) == 1 and "Samma text finns även i AAA01" in cells[0][4]
    doc = Document(report_docx.write(project, tmp_path / "r.docx"))
    texts = [p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    assert any("Samma text finns även i AAA01" in t for t in texts)
