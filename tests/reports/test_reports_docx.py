"""The Word report, read back with python-docx: structure, every requirement once, totals, chart, fields."""

from __future__ import annotations

import re
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
    # print resolution: at least 300 dots per inch at the printed width
    assert width == height >= 0.95 * shapes[0].width.inches * 300
    assert "täckningsgrad" in shapes[0]._inline.docPr.get("descr")


def test_chart_draws_each_share_in_its_colour_and_the_label_in_text():
    """The donut (matplotlib) paints the three shares in proportion, and the label in dark text."""
    import io

    import numpy as np
    from PIL import Image

    from compare_app.exporters._report_chart import donut_png

    def pixels(png):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3).astype(int)

    def near(image, colour):
        rgb = np.array([int(colour[i:i + 2], 16) for i in (0, 2, 4)])
        return int((np.abs(image - rgb).max(axis=1) < 12).sum())

    shares = [(3, "3A9D5D"), (1, "E0B43A"), (0, "D0504F")]
    image = pixels(donut_png(shares, "75\u00a0%"))
    green, yellow, red = (near(image, c) for _, c in shares)
    assert red == 0 and 2.5 < green / yellow < 3.5
    assert near(image, "333333") > 200  # the label's glyphs
    assert near(pixels(donut_png([(0, "3A9D5D")], "–")), "DDDDDD") > 1000  # nothing to show: a grey ring


def test_numbers_are_swedish():
    assert rd.number(22.2222) == "22,2" and rd.number(100.0) == "100" and rd.number(1234.5) == "1\u00a0234,5"
    assert rd.percent(0.467) == "47\u00a0%"
    assert rd.plural(1, "timme", "timmar") == "1 timme" and rd.plural(1.5, "timme", "timmar") == "1,5 timmar"


def test_units_say_how_their_points_were_apportioned(written):
    project, doc, _ = written
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Så räknas enheternas omfattning" in text
    reckonings = [p.text for p in doc.paragraphs if p.text.startswith("Poäng per kurs: ")]
    assert reckonings and all(" av " in r and " punkter × " in r for r in reckonings)
    assert not any(re.search(r"\d\.\d", r) for r in reckonings)  # decimal comma in Swedish text


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
    # Word does not ask about updating fields on opening; the contents link to their headings
    assert doc.settings.element.find(qn("w:updateFields")) is None
    assert not [f for f in body.iter(qn("w:fldChar")) if f.get(qn("w:dirty"))]
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    marks = {b.get(qn("w:name")): b.getparent() for b in body.iter(qn("w:bookmarkStart"))}
    headings = [p._p for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert anchors and [marks[a] for a in anchors] == headings
    assert report_docx.TOC_NOTE in "\n".join(p.text for p in doc.paragraphs)


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
    unit.summary, unit.verdict = Summary(0, 30, 10), "Inget krav helt täckt: " + ", ".join(ids)
    assert report_docx._short_verdict(unit).startswith("Inget av 40 krav helt täckt (30 delvis, 10 luckor)")


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


def test_near_copies_in_sibling_courses_are_shown_once():
    def link(course, text, score):
        return rd.LinkRow(f"{course}:1", text, course, course.title(), 100, score, "proposed")

    links = [
        link("STU01", "Svetsning av stumfogar i plåt i olika lägen enligt svetsdatablad.", 0.9),
        link("KAL01", "Svetsning av kälfogar i plåt i olika lägen enligt svetsdatablad.", 0.85),
        link("ROR01", "Svetsning av rör i fast och roterande läge.", 0.8),
        link("MAT01", "Materialkunskap.", 0.1),
    ]
    shown = rd._shown_links("covered", links, ["STU01:1"], {"covered": 0.5, "partial": 0.05})
    assert [ln.course for ln in shown] == ["STU01", "ROR01"]  # the weak leftover is not "linked content"
    assert shown[0].similar_in == ["KAL01"] and "KAL01" in shown[0].similar_in_text
    assert rd._shown_links("gap", links, [], {"covered": 0.5}) == []


def test_method_appendix_names_the_language_model(project, tmp_path):
    project.alignment.semantic = {"model": "intfloat/multilingual-e5-small", "weights_sha256": "ab12" * 16, "engine": "numpy"}
    doc = Document(str(report_docx.write(project, tmp_path / "rapport.docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Språkmodell: intfloat/multilingual-e5-small (vikternas SHA-256 ab12ab12ab12ab12…, beräknad med numpy)." in text


def test_method_appendix_says_when_words_alone_made_the_proposals():
    from compare_app.alignment import Alignment

    line = rd._language_model(Alignment({}, [], "compare-app/lexical-bridge 3", {}, 0,
                                        {"model": None, "reason": "språkmodellens viktfil saknas"}))
    assert line.startswith("Ingen språkmodell användes (språkmodellens viktfil saknas)")
