"""The Word report, read back with python-docx: structure, every requirement once, totals, chart, fields."""

from __future__ import annotations

import struct

import pytest
from docx import Document
from docx.oxml.ns import qn

from compare_app.exporters import _report_data as rd
from compare_app.exporters import alignment_json, report_docx

REQ_HEADER = ["Krav", "Kursinnehåll", "Status", "Bedömarens notering"]


def _requirement_rows(doc):
    """(requirement id, status cell) for every row of every requirement table."""
    out = []
    for table in doc.tables:
        if [c.text for c in table.rows[0].cells] != REQ_HEADER:
            continue
        for row in table.rows[1:]:
            cells = row.cells
            out.append((cells[0].paragraphs[0].text, cells[2]))
    return out


def _all_tables(doc):
    """Top-level tables and the tables nested in their cells (the chart legend is nested)."""
    stack, out = list(doc.tables), []
    while stack:
        table = stack.pop(0)
        out.append(table)
        stack.extend(t for row in table.rows for cell in row.cells for t in cell.tables)
    return out


def _headings(doc, level):
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


@pytest.fixture
def written(project, tmp_path):
    path = report_docx.write(project, tmp_path / "rapport.docx")
    return project, Document(str(path)), path


def test_every_requirement_once_with_its_status_and_colour(written):
    project, doc, _ = written
    rows = _requirement_rows(doc)
    assert sorted(rid for rid, _ in rows) == sorted(r.id for r in project.requirements())
    for rid, cell in rows:
        eff = project.effective(rid)
        assert cell.paragraphs[0].text == rd.STATUS_SV[eff.status]
        assert cell.paragraphs[1].text == ("beslutad" if eff.decided else "förslag")
        fill = cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
        assert fill == rd.STATUS_FILL[eff.status]


def test_summary_figures_match_project_and_json(written):
    project, doc, _ = written
    expected = project.summary()
    json_summary = alignment_json.to_dict(project)["summary"]
    assert (json_summary["covered"], json_summary["partial"], json_summary["gap"]) == (
        expected.covered, expected.partial, expected.gap)
    legend = next(t for t in _all_tables(doc) if t.rows and t.rows[-1].cells[1].text == "Totalt")
    counts = {row.cells[1].text: int(row.cells[2].text) for row in legend.rows}
    assert counts == {"Täckt": expected.covered, "Delvis täckt": expected.partial,
                      "Lucka": expected.gap, "Totalt": expected.total}
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Täckningsgraden är {rd.percent(expected.coverage)}" in text


def test_chart_is_an_embedded_png_with_alt_text(written):
    _, doc, _ = written
    shapes = doc.inline_shapes
    assert len(shapes) == 1
    blip = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    image = doc.part.related_parts[blip.embed].blob
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", image[16:24])
    assert width == height > 100
    assert "täckningsgrad" in shapes[0]._inline.docPr.get("descr")


def test_toc_field_footer_page_numbers_and_repeated_headers(written):
    _, doc, _ = written
    body = doc.element.body
    instructions = [t.text for t in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC") for i in instructions)
    footer = doc.sections[0].footer._element
    footer_fields = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert footer_fields == ["PAGE", "NUMPAGES"]
    for table in doc.tables:
        if [c.text for c in table.rows[0].cells] == REQ_HEADER:
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert doc.settings.element.find(qn("w:updateFields")) is not None


def test_outline_units_gaps_and_method(written):
    project, doc, _ = written
    assert _headings(doc, 1) == ["Sammanfattning", "Enheter", "Luckor", "Bilaga: Metod"]
    h2 = _headings(doc, 2)
    assert {"Säker hantering", "Felsökning", "Krav utanför enheterna"} <= set(h2)
    text = "\n".join(p.text for p in doc.paragraphs)
    # title page: data sources with short hashes and the author
    assert "abababababab" in text and "cdcdcdcdcdcd" in text and "Anna Bedömare" in text
    # appendix: who decided what, and which rows are unreviewed proposals
    decided = [r.id for r in project.requirements() if project.effective(r.id).decided]
    unreviewed = [r.id for r in project.requirements() if not project.effective(r.id).decided]
    assert "Ogranskade förslag: " + ", ".join(unreviewed) + "." in text
    decided_table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:3] == ["Krav", "Status", "Beslutad av"])
    assert [row.cells[0].text for row in decided_table.rows[1:]] == decided


def test_file_properties_name_the_report_and_author(written):
    project, doc, _ = written
    props = doc.core_properties
    assert (props.title, props.author) == ("Testprojekt", "Anna Bedömare")
    assert project.id in props.comments


def test_gap_list_names_every_gap(written):
    project, doc, _ = written
    gaps = {r.id for r in project.requirements() if project.effective(r.id).status == "gap"}
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Krav"
                 and t.rows[0].cells[1].text == "Kompetensområde")
    assert {row.cells[0].paragraphs[0].text for row in table.rows[1:]} == gaps
    # the (fixed) closing-course search names CCC01 for each of them
    assert table.rows[0].cells[2].text == "Kurser som kan täcka luckan"
    assert all(row.cells[2].text == "CCC01 Kommunikation" for row in table.rows[1:])


def test_formula_like_text_is_plain_text(written):
    _, doc, _ = written
    texts = [cell.text for t in doc.tables for row in t.rows for cell in row.cells]
    assert any('=HYPERLINK("http://x";"klicka")' in t for t in texts)
    assert not [i for i in doc.element.body.iter(qn("w:instrText")) if "HYPERLINK" in (i.text or "")]


def test_no_empty_sections_when_nothing_to_say(project, tmp_path):
    for item in project.requirements():
        project.set_status(item.id, "covered", by="Test")
    project.units = []
    doc = Document(str(report_docx.write(project, tmp_path / "allt.docx")))
    h1 = _headings(doc, 1)
    assert "Luckor" not in h1
    assert "Största luckorna" not in _headings(doc, 2)
    assert len(_requirement_rows(doc)) == len(project.requirements())


def test_without_units_module_groups_by_area(project, tmp_path, monkeypatch):
    monkeypatch.setattr(rd, "_units_api", lambda: None)
    doc = Document(str(report_docx.write(project, tmp_path / "omraden.docx")))
    assert "Krav per kompetensområde" in _headings(doc, 1)
    assert {"Säkerhet", "Teknik"} <= set(_headings(doc, 2))
    assert sorted(rid for rid, _ in _requirement_rows(doc)) == sorted(r.id for r in project.requirements())


def test_progress_is_reported_and_file_replaced_atomically(project, tmp_path):
    from compare_app.progress import Progress

    seen = []
    target = tmp_path / "r.docx"
    target.write_bytes(b"old")
    report_docx.write(project, target, Progress(lambda d, t, m: seen.append((d, t))))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_cancel_during_closing_course_search_stops_the_export(project, tmp_path):
    from compare_app.errors import Cancelled
    from compare_app.progress import Progress

    progress = Progress()

    def on_step(done, total, message):
        if message.startswith("Söker kurser"):
            progress.cancel()

    progress.callback = on_step
    target = tmp_path / "avbruten.docx"
    with pytest.raises(Cancelled):
        report_docx.write(project, target, progress)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_long_unit_verdicts_are_counted_on_the_summary_page():
    from compare_app.alignment import Summary

    ids = [f"K-{i:03d}" for i in range(40)]
    unit = rd.UnitRow("U", "Stor enhet", "", ids, Summary(10, 20, 10), "partial",
                      "Täckt utom " + ", ".join(ids[10:]), 0.0, None, [], ["AAA01", "BBB01", "CCC01", "DDD01"])
    text = report_docx._short_verdict(unit)
    assert text.startswith("Täckt utom 30 av 40 krav (20 delvis, 10 luckor)")
    assert text.endswith("AAA01, BBB01, CCC01 m.fl.") and "K-0" not in text
    unit.verdict = "Täckt utom K-001"
    assert report_docx._short_verdict(unit) == "Täckt utom K-001"


@pytest.mark.parametrize("case", ["not aligned", "no requirements"])
def test_unaligned_or_empty_projects_still_export(project, tmp_path, case):
    from openpyxl import load_workbook

    from compare_app.exporters import report_xlsx

    project.alignment = None
    if case == "no requirements":
        project.standard.items = []
        project.reviews = {}
        project.units = []
    doc = Document(str(report_docx.write(project, tmp_path / "r.docx")))
    wb = load_workbook(report_xlsx.write(project, tmp_path / "r.xlsx"))
    rows = _requirement_rows(doc)
    assert len(rows) == len(project.requirements())
    assert all(cell.paragraphs[0].text == rd.STATUS_SV[project.effective(rid).status] for rid, cell in rows)
    assert wb["Matris"].max_row == len(project.requirements()) + 1
    if case == "no requirements":
        assert _headings(doc, 1) == ["Sammanfattning", "Bilaga: Metod"]
