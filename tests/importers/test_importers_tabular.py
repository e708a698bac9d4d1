"""Standards from Excel and CSV: header detection, column mapping, areas, kinds, ids, preview."""

from __future__ import annotations

import re

import pytest

from compare_app.errors import InputError
from compare_app.importers import load_standard
from compare_app.importers._tabular import guess_columns, normalise_kind, normalise_level, preview_table


def _summary(fw):
    return [(it.id, it.area, it.kind, it.level, it.text) for it in fw.items]


def test_xlsx_header_below_title_rows(make_xlsx, standard_rows):
    fw = load_standard(make_xlsx(standard_rows))
    assert fw.kind == "standard"
    assert fw.title == "Kompetensstandard för provning"
    assert _summary(fw) == [
        ("S1", "Säkerhet", "kunskap", "3", "Känna till riskerna med svetsrök."),
        ("S2", "Säkerhet", "färdighet", "3", "Använda andningsskydd på rätt sätt."),
        ("M1", "Metoder", "kompetens", "4", "Välja svetsmetod självständigt efter uppdraget."),
    ]
    assert [it.position for it in fw.items] == [1, 2, 1]
    assert str(fw.items[1].provenance) == "standard.xlsx: blad Krav, rad 5"
    assert fw.sources[0].format == "xlsx" and len(fw.sources[0].sha256) == 64
    assert fw.warnings == []


def test_csv_cp1252_semicolons_gives_same_requirements(make_csv, make_xlsx, standard_rows):
    csv_fw = load_standard(make_csv(standard_rows, delimiter=";", encoding="cp1252"))
    assert _summary(csv_fw) == _summary(load_standard(make_xlsx(standard_rows)))
    assert str(csv_fw.items[0].provenance) == "standard.csv: rad 4"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_delimiters_and_encodings(make_csv, standard_rows, delimiter, encoding):
    fw = load_standard(make_csv(standard_rows, delimiter=delimiter, encoding=encoding))
    assert [it.area for it in fw.items] == ["Säkerhet", "Säkerhet", "Metoder"]
    assert fw.items[1].text == "Använda andningsskydd på rätt sätt."


def test_english_headers_and_abbreviated_kinds(make_csv):
    rows = [["No.", "Competence area", "Type", "Level", "Requirement"],
            ["1", "Safety", "K", "EQF 4", "Know the hazards of fumes."],
            ["2", "Safety", "skills", "4", "Wear a respirator."],
            ["3", "Safety", "Kp", "", "Take responsibility for safe work."]]
    fw = load_standard(make_csv(rows, delimiter=","))
    assert [(it.id, it.kind, it.level) for it in fw.items] == [("1", "kunskap", "4"), ("2", "färdighet", "4"), ("3", "kompetens", None)]


def test_explicit_mapping_overrides_guess(make_xlsx):
    rows = [["Nummer", "Rubrik", "Innehållet"], ["1", "Svetsa", "Svetsa kälfog i horisontalläge."], ["2", "Mäta", "Mäta a-mått."]]
    path = make_xlsx(rows)
    with pytest.raises(InputError) as err:
        load_standard(path)
    message = str(err.value)
    assert "standard.xlsx" in message and "'Rubrik'" in message and "--map" in message
    fw = load_standard(path, {"text": "innehållet", "area": "Rubrik"})
    assert _summary(fw) == [("1", "Svetsa", None, None, "Svetsa kälfog i horisontalläge."), ("2", "Mäta", None, None, "Mäta a-mått.")]


def test_mapping_with_missing_header_names_the_headers(make_xlsx, standard_rows):
    with pytest.raises(InputError) as err:
        load_standard(make_xlsx(standard_rows), {"text": "Finns inte"})
    assert "Finns inte" in str(err.value) and "Kompetenskrav" in str(err.value)


def test_mapping_with_unknown_field_is_refused(make_xlsx, standard_rows):
    with pytest.raises(InputError, match="okänt fält"):
        load_standard(make_xlsx(standard_rows), {"beskrivning": "Kompetenskrav"})


def test_no_text_column_lists_headers(make_csv):
    with pytest.raises(InputError) as err:
        load_standard(make_csv([["Kolumn A", "Kolumn B"], ["x", "y"]]))
    assert "Kolumn A" in str(err.value) and "standard.csv" in str(err.value)


def test_section_rows_give_areas_when_no_area_column(make_xlsx):
    rows = [["Nr", "Krav", "Typ"],
            ["Säkerhet"],
            ["1", "Bära skyddsglasögon vid slipning.", "färdighet"],
            ["2", "Känna till brandrisker.", "kunskap"],
            ["Svetsning"],
            ["3", "Svetsa stumfog i plåt.", "färdighet"]]
    fw = load_standard(make_xlsx(rows))
    assert [(it.id, it.area, it.position) for it in fw.items] == [("1", "Säkerhet", 1), ("2", "Säkerhet", 2), ("3", "Svetsning", 1)]


def test_area_column_with_merged_cells_repeats_area(make_xlsx):
    rows = [["ID", "Område", "Krav"], ["1", "Säkerhet", "Första kravet."], ["2", None, "Andra kravet."], ["3", "Metoder", "Tredje kravet."]]
    assert [it.area for it in load_standard(make_xlsx(rows)).items] == ["Säkerhet", "Säkerhet", "Metoder"]


def test_missing_ids_are_short_readable_and_stable(make_csv):
    rows = [["Område", "Krav"], ["Säkerhet och arbetsmiljö", "Bära hjälm."], ["Säkerhet och arbetsmiljö", "Bära hjälm."],
            ["Metoder", "Svetsa."], ["Svetsning av rör", "Svetsa rör."], ["", "Och mer."]]
    path = make_csv(rows)
    first, second = load_standard(path), load_standard(path)
    ids = [it.id for it in first.items]
    assert ids == [it.id for it in second.items]
    # the initials of the area ("och", "av" left out) and the position in it, never a hash
    assert ids == ["SA-1", "SA-2", "M-1", "SR-1", "SR-2"]
    assert not any(re.search(r"[0-9a-f]{8}", i) for i in ids)


def test_areas_with_the_same_initials_get_distinct_prefixes(make_csv):
    rows = [["Område", "Krav"], ["Svetsning", "Ett."], ["Säkerhet", "Två."], ["Svetsning", "Tre."]]
    assert [it.id for it in load_standard(make_csv(rows)).items] == ["S-1", "S2-1", "S-2"]


def test_requirements_without_area_are_numbered(make_csv):
    rows = [["Krav"], ["Ett."], ["Två."]]
    assert [it.id for it in load_standard(make_csv(rows)).items] == ["K-1", "K-2"]


def test_grouping_columns_nest_below_the_area(make_xlsx):
    """Område | Moment | Beskrivning: Moment is kept as the requirement's section, not lost."""
    rows = [["Område", "Moment", "Beskrivning"],
            ["Elsäkerhet", "Mätning", "Mäta spänning."], [None, None, "Mäta ström."], [None, "Skydd", "Välja skydd."],
            ["Installation", None, "Dra kabel."], [None, "Kablar", "Förlägga kabel."]]
    fw = load_standard(make_xlsx(rows))
    assert [(it.id, it.area, it.section, it.position) for it in fw.items] == [
        ("E-M-1", "Elsäkerhet", "Mätning", 1), ("E-M-2", "Elsäkerhet", "Mätning", 2), ("E-S-1", "Elsäkerhet", "Skydd", 3),
        ("I-1", "Installation", "", 1), ("I-K-1", "Installation", "Kablar", 2)]


def test_preview_names_the_nested_grouping_columns(make_xlsx):
    from compare_app.importers import preview_table

    rows = [["Område", "Moment", "Beskrivning"], ["Elsäkerhet", "Mätning", "Mäta spänning."]]
    pv = preview_table(make_xlsx(rows))
    assert pv.mapping == {"area": "Område", "text": "Beskrivning"} and pv.subgroups == ["Moment"]


def test_three_grouping_levels_and_an_unnamed_first_level(make_csv):
    rows = [["Del", "Område", "Moment", "Kravtext", "Kommentar"],
            ["A", "Bygg", "Mark", "Gräva.", "x"], ["", "", "Form", "Forma.", ""], ["B", "El", "", "Koppla.", ""]]
    fw = load_standard(make_csv(rows))
    # "Del" is left of the area column, so it is not a level; Område › Moment are
    assert [(it.area, it.section) for it in fw.items] == [("Bygg", "Mark"), ("Bygg", "Form"), ("El", "")]
    rows = [["Moment", "Delmoment", "Kravtext"], ["Mark", "Schakt", "Gräva."], ["", "Fyll", "Fylla."]]
    fw = load_standard(make_csv(rows, name="b.csv"))
    assert [(it.id, it.area, it.section) for it in fw.items] == [("M-S-1", "Mark", "Schakt"), ("M-F-1", "Mark", "Fyll")]


def test_duplicate_generated_ids_are_suffixed(make_csv):
    rows = [["ID", "Område", "Krav"], ["S-2", "Svetsning", "Ett."], ["", "Svetsning", "Två."]]
    fw = load_standard(make_csv(rows))
    assert [it.id for it in fw.items] == ["S-2", "S-2-2"]
    assert any("finns redan" in w for w in fw.warnings)


def test_duplicate_given_ids_get_suffix_and_warning(make_xlsx):
    rows = [["ID", "Krav"], ["K1", "Ett."], ["K1", "Två."], ["K1", "Tre."]]
    fw = load_standard(make_xlsx(rows))
    assert [it.id for it in fw.items] == ["K1", "K1-2", "K1-3"]
    assert sum("K1" in w for w in fw.warnings) == 2


def test_rows_without_text_are_skipped_with_warning(make_xlsx):
    rows = [["ID", "Krav"], ["K1", "Ett."], ["K2", None], ["K3", "Tre."]]
    fw = load_standard(make_xlsx(rows))
    assert [it.id for it in fw.items] == ["K1", "K3"]
    assert any("rad 3" in w and "saknar kravtext" in w for w in fw.warnings)


def test_unknown_kind_warns_once_and_is_left_empty(make_xlsx):
    rows = [["ID", "Typ", "Krav"], ["1", "Attityd", "Ett."], ["2", "Attityd", "Två."]]
    fw = load_standard(make_xlsx(rows))
    assert [it.kind for it in fw.items] == [None, None]
    assert sum("Attityd" in w for w in fw.warnings) == 1


def test_first_sheet_without_requirements_is_passed_over(make_xlsx, standard_rows):
    path = make_xlsx(standard_rows, before=[("Om", [["Det här bladet beskriver standarden."]])])
    fw = load_standard(path)
    assert len(fw.items) == 3 and fw.items[0].provenance.locator.startswith("blad Krav")


def test_text_column_guessed_from_longest_content_with_warning(make_csv):
    rows = [["Nr", "Område", "Lydelse", "Not"], ["1", "A", "En lång kravtext om svetsning av rör.", "ny"]]
    # "Lydelse" is not a known header; the other two are, so the column with the longest texts is taken
    fw = load_standard(make_csv(rows))
    assert fw.items[0].text.startswith("En lång kravtext")
    assert any("används som kravtext" in w for w in fw.warnings)


def test_header_only_file_is_an_error(make_xlsx):
    with pytest.raises(InputError, match="inga krav"):
        load_standard(make_xlsx([["ID", "Krav"]]))


def test_formula_text_kept_as_text_and_formulas_never_evaluated(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Krav", "Nivå"])
    ws.append([1, None, 3.0])
    ws["B2"].value = '=HYPERLINK("http://x")'
    ws["B2"].data_type = "s"  # a text cell that begins with "=" (what Excel stores for '=...)
    ws.append([2.0, "+46 är ett landsnummer", "Nivå 4"])
    ws.append([3, "=1+1", 4])  # a real formula without a saved value: nothing is computed
    path = tmp_path / "formler.xlsx"
    wb.save(path)
    fw = load_standard(path)
    assert [(it.id, it.text, it.level) for it in fw.items] == [
        ("1", '=HYPERLINK("http://x")', "3"), ("2", "+46 är ett landsnummer", "4")]
    assert any("rad 4" in w for w in fw.warnings)


def test_preview_shows_header_mapping_and_rows(make_xlsx, standard_rows):
    path = make_xlsx(standard_rows)
    pv = preview_table(path)
    assert pv.sheet == "Krav" and pv.header_row == 3
    assert pv.headers == ["ID", "Kompetensområde", "Typ", "SeQF-nivå", "Kompetenskrav"]
    assert pv.mapping == {"id": "ID", "area": "Kompetensområde", "kind": "Typ", "level": "SeQF-nivå", "text": "Kompetenskrav"}
    assert len(pv.rows) == 3 and pv.rows[0][0] == "S1" and all(len(r) == 5 for r in pv.rows)
    # the dialog's edited mapping goes straight back into load_standard
    edited = dict(pv.mapping, area="Typ", kind="Kompetensområde")
    fw = load_standard(path, edited)
    assert fw.items[0].area == "Kunskap"


def test_preview_csv_and_unsupported(make_csv, standard_rows, tmp_path):
    from compare_app.importers.preview import preview_table as public_preview

    pv = public_preview(make_csv(standard_rows))
    assert pv.sheet == "" and pv.header_row == 3 and pv.mapping["text"] == "Kompetenskrav"
    other = tmp_path / "x.docx"
    other.write_bytes(b"PK")
    with pytest.raises(InputError):
        preview_table(other)


@pytest.mark.parametrize(
    "headers, expected",
    [
        (["Krav-id", "Krav"], {"id": 0, "text": 1}),
        (["Typ av krav", "Kravtext"], {"kind": 0, "text": 1}),
        (["Yrkeskrav", "Delområde", "EQF-nivå"], {"text": 0, "area": 1, "level": 2}),
        (["Beskrivning", "Kod"], {"text": 0, "id": 1}),
    ],
)
def test_guess_columns(headers, expected):
    assert guess_columns(headers) == expected


@pytest.mark.parametrize("raw, kind", [("Kunskaper", "kunskap"), ("FÄRDIGHET", "färdighet"), ("Färdighet (F)", "färdighet"),
                                       ("competence", "kompetens"), ("k", "kunskap"), ("Kp", "kompetens"), ("Attityd", None)])
def test_normalise_kind(raw, kind):
    assert normalise_kind(raw) == kind


@pytest.mark.parametrize("raw, level", [("SeQF 4", "4"), ("Nivå 3", "3"), ("5", "5"), ("", None), ("Grund", "Grund")])
def test_normalise_level(raw, level):
    assert normalise_level(raw) == level


@pytest.mark.parametrize("column, values", [("Vikt", ["Hög", "Låg", "Hög"]), ("Poäng", ["5", "10", "5"])])
def test_a_weight_or_points_column_is_no_grouping(make_csv, column, values):
    """Only a column named like a grouping nests: 'Vikt' or 'Poäng' beside the text must not become
    the area, and section rows still give the areas."""
    rows = [["ID", column, "Krav"], ["", "", "Säkerhet"], ["A1", values[0], "Använda skyddsutrustning."],
            ["A2", values[1], "Följa rutiner vid heta arbeten."], ["", "", "Svetsning"], ["B1", values[2], "Svetsa kälfogar."]]
    fw = load_standard(make_csv(rows, delimiter=";"))
    assert [(it.id, it.area, it.section) for it in fw.items] == [
        ("A1", "Säkerhet", ""), ("A2", "Säkerhet", ""), ("B1", "Svetsning", "")]
