"""Ambiguous inputs: the importer chooses what a person would, and says what it chose and skipped."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.importers import load_package, load_standard, preview_table
from compare_app.importers._delimited import SINGLE_COLUMN, sniff

# --------------------------------------------------------------------------- delimiter

SENTENCES = [
    "Kan svetsa kälsvets, stumsvets och hörnsvets i PB-läge",
    "Känner till risker med svetsrök, buller och UV-ljus",
    "Kan läsa ritningar, symboler och toleranser",
    "Förstår hur värme, krympning och spänningar påverkar fogen, och kan motverka dem",
    "Kan välja tillsatsmaterial",
    "Kan dokumentera, rapportera och följa upp avvikelser, fel och åtgärder",
]


def test_one_column_csv_with_commas_keeps_every_requirement_whole(tmp_path):
    path = tmp_path / "krav.csv"
    path.write_text("Krav\n" + "\n".join(SENTENCES) + "\n", encoding="utf-8")
    fw = load_standard(path)
    assert [it.text for it in fw.items] == SENTENCES
    assert "en enda kolumn" in fw.warnings[0] and "kommatecken" in fw.warnings[0]
    assert "en enda kolumn" in preview_table(path).warnings[0]


def test_semicolon_table_with_commas_in_texts_says_what_was_chosen(make_csv):
    path = make_csv([["ID", "Krav"], *[[f"K{n}", s] for n, s in enumerate(SENTENCES)]], delimiter=";")
    fw = load_standard(path)
    assert [it.text for it in fw.items] == SENTENCES
    assert "semikolon" in fw.warnings[0]


def test_plain_comma_table_needs_no_note(make_csv):
    path = make_csv([["ID", "Krav"], ["K1", "Svetsa"], ["K2", "Mäta"]], delimiter=",")
    fw = load_standard(path)
    assert [it.text for it in fw.items] == ["Svetsa", "Mäta"] and not fw.warnings


def test_package_list_one_code_per_line_still_reads(tmp_path):
    path = tmp_path / "paket.txt"
    path.write_text("Kurskod\nSVESVE01\nSVESVE02, grund\n", encoding="utf-8")
    assert load_package(path) == ["SVESVE01", "SVESVE02"]


cell = st.text(string.ascii_letters + "åäö ,.", min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([";", "\t", ","]), st.integers(2, 5), st.lists(st.lists(cell, min_size=5, max_size=5), min_size=2, max_size=12))
def test_an_excel_style_table_is_always_split_by_its_own_delimiter(delimiter, width, body):
    """Excel quotes cells holding the delimiter and pads every row: that delimiter is always found."""
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows([["ID", "Krav", *"abc"][:width]] + [r[:width] for r in body])
    assert sniff(buf.getvalue())[0] == delimiter


@settings(max_examples=60, deadline=None)
@given(st.lists(cell, min_size=1, max_size=15))
def test_a_krav_column_of_sentences_is_never_split(texts):
    assert sniff("Krav\n" + "\n".join(texts) + "\n")[0] == SINGLE_COLUMN


# --------------------------------------------------------------------------- hidden sheets and rows


def test_a_hidden_first_sheet_is_not_read_and_the_choice_is_told(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    old = wb.active
    old.title = "Gammal version"
    old.append(["ID", "Krav"])
    old.append(["G1", "Gammalt krav som inte gäller"])
    old.sheet_state = "hidden"
    new = wb.create_sheet("Krav 2025")
    new.append(["ID", "Krav"])
    new.append(["N1", "Kan svetsa"])
    new.append(["N2", "Kan mäta"])
    new.append(["N3", "Utgått krav"])
    new.row_dimensions[4].hidden = True
    path = tmp_path / "std.xlsx"
    wb.save(path)
    fw = load_standard(path)
    assert [it.id for it in fw.items] == ["N1", "N2"]
    text = " ".join(fw.warnings)
    assert "'Krav 2025' lästes" in text and "'Gammal version' (dolt)" in text
    assert "1 dolda rader" in text and "rad 4" in text
    assert [r[0] for r in preview_table(path).rows] == ["N1", "N2"]


def test_a_hidden_sheet_is_read_when_it_is_the_only_table(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Info"
    wb.active.append(["Detta är en informationssida"])
    hidden = wb.create_sheet("Data")
    hidden.append(["Krav"])
    hidden.append(["Kan svetsa"])
    hidden.sheet_state = "hidden"
    path = tmp_path / "std.xlsx"
    wb.save(path)
    fw = load_standard(path)
    assert [it.text for it in fw.items] == ["Kan svetsa"]
    assert any("är dolt" in w for w in fw.warnings)


# --------------------------------------------------------------------------- two header rows


def test_two_header_rows_split_krav_into_kinds(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Område", "Krav", None])
    ws.merge_cells("C1:D1")
    ws.append([None, None, "Kunskap", "Färdighet"])
    ws.append(["A1", "Säkerhet", "Känner till risker med svetsrök", "Kan använda andningsskydd"])
    ws.append(["A2", "Säkerhet", "Känner till brandrisker", None])
    path = tmp_path / "två.xlsx"
    wb.save(path)
    fw = load_standard(path)
    got = [(it.id, it.kind, it.text) for it in fw.items]
    assert got == [
        ("A1-K", "kunskap", "Känner till risker med svetsrök"),
        ("A1-F", "färdighet", "Kan använda andningsskydd"),
        ("A2-K", "kunskap", "Känner till brandrisker"),
    ]
    assert any("andra rubrikrad" in w and "Kunskap, Färdighet" in w for w in fw.warnings)


def test_a_section_row_naming_a_kind_is_not_a_second_header(make_csv):
    path = make_csv([["ID", "Krav"], ["", "Kunskaper"], ["K1", "Känner till risker"]], delimiter=";")
    fw = load_standard(path)
    assert [it.text for it in fw.items] == ["Känner till risker"]
    assert not any("andra rubrikrad" in w for w in fw.warnings)


# --------------------------------------------------------------------------- Word


def test_docx_revision_table_is_not_the_requirements(make_docx):
    path = make_docx([
        ("title", "Kompetensstandard Svetsare"),
        ("table", [["Version", "Datum", "Beskrivning"], ["1.0", "2023-01-10", "Första utgåvan"],
                   ["1.1", "2024-03-02", "Rättat stavfel i avsnitt 2"]]),
        ("para", "1. Säkerhet"),
        ("para", "1. Kan använda andningsskydd vid svetsning."),
        ("para", "2. Kan bedöma brandrisk innan heta arbeten påbörjas."),
        ("para", "2. Metoder"),
        ("para", "1. Kan svetsa kälsvets i PB-läge med MAG."),
    ])
    fw = load_standard(path)
    assert [(it.area, it.text) for it in fw.items] == [
        ("Säkerhet", "Kan använda andningsskydd vid svetsning."),
        ("Säkerhet", "Kan bedöma brandrisk innan heta arbeten påbörjas."),
        ("Metoder", "Kan svetsa kälsvets i PB-läge med MAG."),
    ]
    text = " ".join(fw.warnings)
    assert "versionshistorik" in text and "Version, Datum, Beskrivning" in text
    assert "numrerade för hand" in text


def test_docx_table_with_two_header_rows_splits_by_kind(make_docx):
    path = make_docx([
        ("heading", "Säkerhet", 1),
        ("table", [["ID", "Krav", ""], ["", "Kunskap", "Färdighet"],
                   ["S1", "Känner till risker med svetsrök", "Kan använda andningsskydd"]]),
    ])
    fw = load_standard(path)
    assert [(it.id, it.kind, it.area) for it in fw.items] == [("S1-K", "kunskap", "Säkerhet"), ("S1-F", "färdighet", "Säkerhet")]
    assert any("andra rubrikrad" in w for w in fw.warnings)


def test_three_kinds_under_krav_keep_distinct_ids(tmp_path):
    """Kunskap and kompetens both start with K: their ids must still differ."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Område", "Krav", None, None])
    ws.merge_cells("C1:E1")
    ws.append([None, None, "Kunskap", "Färdighet", "Kompetens"])
    ws.append(["A1", "Säkerhet", "Känner till risker", "Kan använda skydd", "Tar ansvar för säkerheten"])
    path = tmp_path / "tre.xlsx"
    wb.save(path)
    fw = load_standard(path)
    assert [(it.id, it.kind) for it in fw.items] == [("A1-K", "kunskap"), ("A1-F", "färdighet"), ("A1-KO", "kompetens")]
    assert not any("finns redan" in w for w in fw.warnings)


def test_short_hand_numbered_requirements_under_word_headings_stay_requirements(make_docx):
    """'1. Använda skyddsutrustning' is a requirement, not a heading, however short it is."""
    path = make_docx([
        ("heading", "Säkerhet"),
        ("para", "1. Använda skyddsutrustning"),
        ("para", "2. Följa instruktioner"),
        ("para", "3. Rapportera tillbud"),
        ("heading", "Svetsning"),
        ("para", "1. Svetsa kälfogar"),
        ("para", "2. Svetsa stumfogar"),
        ("para", "3. Kontrollera svetsar"),
    ])
    fw = load_standard(path)
    assert [(it.area, it.text) for it in fw.items] == [
        ("Säkerhet", "Använda skyddsutrustning"), ("Säkerhet", "Följa instruktioner"), ("Säkerhet", "Rapportera tillbud"),
        ("Svetsning", "Svetsa kälfogar"), ("Svetsning", "Svetsa stumfogar"), ("Svetsning", "Kontrollera svetsar")]
