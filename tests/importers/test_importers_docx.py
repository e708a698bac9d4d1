"""Standards from Word: headings as areas, list paragraphs and tables as requirements."""

from __future__ import annotations

import pytest

from compare_app.errors import InputError
from compare_app.importers import load_standard


def test_headings_and_list_paragraphs(make_docx):
    path = make_docx([
        ("title", "Standard för rörsvetsare"),
        ("para", "Inledande text som inte är ett krav."),
        ("heading", "Säkerhet", 1),
        ("list", "S1 Bära andningsskydd vid svetsning i slutna rum (färdighet, SeQF 3)"),
        ("numbered", "S2: Känna till brandriskerna (kunskap)"),
        ("heading", "Utförande", 1),
        ("list", "Svetsa rotsträng i rör"),
    ])
    fw = load_standard(path)
    assert fw.title == "Standard för rörsvetsare"
    assert [(it.id, it.area, it.kind, it.level, it.text) for it in fw.items[:2]] == [
        ("S1", "Säkerhet", "färdighet", "3", "Bära andningsskydd vid svetsning i slutna rum"),
        ("S2", "Säkerhet", "kunskap", None, "Känna till brandriskerna"),
    ]
    third = fw.items[2]
    assert third.area == "Utförande" and third.text == "Svetsa rotsträng i rör" and third.id == "U-1"
    assert third.position == 1
    assert third.provenance.locator == "stycke 7"
    assert fw.warnings == []
    assert fw.sources[0].format == "docx"


def test_trailing_parenthesis_that_is_not_metadata_stays_in_text(make_docx):
    fw = load_standard(make_docx([("heading", "Material"), ("list", "Välja tillsatsmaterial (tråd eller elektrod)")]))
    assert fw.items[0].text == "Välja tillsatsmaterial (tråd eller elektrod)" and fw.items[0].kind is None


def test_single_top_heading_is_the_title(make_docx):
    fw = load_standard(make_docx([
        ("heading", "Kompetensstandard Plåtslagare", 1),
        ("heading", "Mätning", 2), ("list", "Mäta med skjutmått"),
        ("heading", "Bockning", 2), ("list", "Bocka plåt i kantpress"),
    ]))
    assert fw.title == "Kompetensstandard Plåtslagare"
    assert fw.areas() == ["Mätning", "Bockning"]


def test_tables_under_headings(make_docx):
    fw = load_standard(make_docx([
        ("heading", "Säkerhet"),
        ("table", [["Nr", "Typ", "Nivå", "Krav"], ["1", "K", "3", "Känna till skyddsföreskrifter."], ["2", "F", "3", "Använda skyddsglasögon."]]),
        ("heading", "Metoder"),
        ("table", [["Nr", "Typ", "Nivå", "Krav"], ["3", "Kp", "4", "Välja metod."]]),
        ("table", [["Underskrift", "Datum"], ["", ""]]),
    ]))
    assert [(it.id, it.area, it.kind, it.level) for it in fw.items] == [
        ("1", "Säkerhet", "kunskap", "3"), ("2", "Säkerhet", "färdighet", "3"), ("3", "Metoder", "kompetens", "4")]
    assert fw.items[1].provenance.locator == "tabell 1, rad 3"
    assert any("tabell 3" in w for w in fw.warnings)


def test_table_with_area_column_and_one_column_table(make_docx):
    fw = load_standard(make_docx([
        ("table", [["Område", "Krav"], ["Säkerhet", "Bära hjälm."], ["", "Bära handskar."]]),
        ("heading", "Övrigt"),
        ("table", [["Läsa ritningar."], ["Mäta detaljer."]]),
    ]))
    assert [(it.area, it.text) for it in fw.items] == [
        ("Säkerhet", "Bära hjälm."), ("Säkerhet", "Bära handskar."), ("Övrigt", "Läsa ritningar."), ("Övrigt", "Mäta detaljer.")]


def test_document_without_headings_imports_with_warning(make_docx):
    fw = load_standard(make_docx([("para", "Krav för svetsare"), ("list", "Svetsa kälfog"), ("list", "Läsa ritning")],
                                 core_title="Svetsarkrav"))
    assert [it.area for it in fw.items] == ["Svetsarkrav", "Svetsarkrav"]
    assert fw.title == "Svetsarkrav"
    assert any("inga rubriker" in w for w in fw.warnings)


def test_plain_paragraphs_under_headings_when_no_lists(make_docx):
    fw = load_standard(make_docx([("para", "Inledning före första rubriken."), ("heading", "Säkerhet"),
                                  ("para", "Bära skyddsskor."), ("para", "Känna till nödstopp.")]))
    assert [it.text for it in fw.items] == ["Bära skyddsskor.", "Känna till nödstopp."]
    assert any("vanligt stycke" in w for w in fw.warnings)


def test_document_with_only_a_title_is_an_error(make_docx):
    with pytest.raises(InputError, match="hittade inga krav"):
        load_standard(make_docx([("title", "Tomt dokument")]))


def test_duplicate_ids_in_word(make_docx):
    fw = load_standard(make_docx([("heading", "A"), ("list", "K1 Ett"), ("list", "K1 Två")]))
    assert [it.id for it in fw.items] == ["K1", "K1-2"] and any("K1" in w for w in fw.warnings)


def test_numbering_and_swedish_list_style_names_make_list_paragraphs(tmp_path):
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    doc.add_heading("Säkerhet", level=1)
    numbered = doc.add_paragraph("Numrerat krav utan liststil")
    num_pr = numbered._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = 1
    doc.styles.add_style("Punktlista 2", WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("Krav i svensk punktlista", style="Punktlista 2")
    doc.add_paragraph("Vanlig brödtext, inget krav.")
    path = tmp_path / "svensk.docx"
    doc.save(path)
    fw = load_standard(path)
    assert [it.text for it in fw.items] == ["Numrerat krav utan liststil", "Krav i svensk punktlista"]
