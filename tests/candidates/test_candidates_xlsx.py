"""The review workbook's Kandidater sheet: export, edit as an assessor would, import."""

from __future__ import annotations

import openpyxl
import pytest

from compare_app.candidates import edit
from compare_app.errors import InputError
from compare_app.exporters import report_xlsx
from compare_app.importers import candidate_xlsx


@pytest.fixture
def exported(project, tmp_path):
    cand = edit.add_candidate(project, "Hemlig Person")
    edit.record(project, cand, "R1", "shown", day="2026-11-30", method="practical", note="svetsprov")
    edit.record(project, cand, "R2", "not_shown", day="2026-11-30", method="practical")
    path = tmp_path / "granskning.xlsx"
    report_xlsx.write(project, path)
    return project, cand, path


def _edit(path, cells: dict[str, object]):
    wb = openpyxl.load_workbook(path)
    ws = wb["Kandidater"]
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)


def test_sheet_has_a_column_per_candidate_by_reference_and_no_name(exported):
    project, cand, path = exported
    wb = openpyxl.load_workbook(path)
    ws = wb["Kandidater"]
    assert [c.value for c in ws[6]] == ["Krav-id", "Kompetensområde", "Krav", "K1", "Ny kandidat"]
    assert ws["D7"].value == "visad: svetsprov" and ws["D8"].value == "ej visad" and ws["D9"].value is None
    assert ws["D5"].value == "praktiskt prov" and ws["D4"].value == "2026-11-30"
    assert ws.row_dimensions[3].hidden
    every_text = " ".join(str(c.value) for sheet in wb.worksheets for row in sheet.iter_rows() for c in row if c.value)
    assert "Hemlig" not in every_text


def test_unchanged_workbook_imports_nothing(exported):
    project, _, path = exported
    assert len(candidate_xlsx.read(project, path)) == 0


def test_edits_and_a_new_candidate_are_recorded(exported):
    project, cand, path = exported
    _edit(path, {"D8": "delvis visad: saknar rörsvets", "D9": "Visad", "D7": None,
                 "E6": "Ny Person", "E4": "2026-12-02", "E5": "skriftligt prov", "E10": "ej visad"})
    imported = candidate_xlsx.read(project, path)
    assert imported.new_candidates() == ["Ny Person"] and len(imported) == 3
    before = candidate_xlsx.apply(project, imported, by="granskare")
    r2, r3 = cand.results["R2"], cand.results["R3"]
    assert (r2.status, r2.note, r2.method) == ("partly_shown", "saknar rörsvets", "practical")
    assert r3.status == "shown" and r3.date == "2026-11-30" and r3.recorded_by == "granskare"
    assert cand.results["R1"].status == "shown"  # an emptied cell never clears a result
    new = edit.find(project, "K2")
    assert new.name == "Ny Person" and new.results["R4"].status == "not_shown"
    assert (new.results["R4"].date, new.results["R4"].method) == ("2026-12-02", "written")
    project.candidates[:] = before  # what the GUI's undo does
    assert [c.ref for c in project.candidates] == ["K1"] and "R3" not in project.candidates[0].results


@pytest.mark.parametrize("cells, message", [
    ({"D9": "kanske"}, "Kandidater!D9: okänt resultat"),
    ({"D5": "tankeläsning"}, "okänd bedömningsform"),
    ({"D4": "igår", "D9": "visad"}, "ogiltigt datum"),
    ({"E10": "visad"}, "rubriken"),
    ({"A9": "R99", "D9": "visad"}, "R99"),
])
def test_bad_cells_are_refused_naming_the_place(exported, cells, message):
    project, _, path = exported
    _edit(path, cells)
    with pytest.raises(InputError, match=message) as info:
        candidate_xlsx.read(project, path)
    assert "granskning.xlsx" in str(info.value)


def test_workbook_of_another_project_is_refused(exported):
    project, _, path = exported
    project.id = "ett-annat-projekt"
    with pytest.raises(InputError, match="annat projekt"):
        candidate_xlsx.read(project, path)


@pytest.mark.parametrize("text, expected", [
    ("visad", ("shown", "")), ("Ej visad: saknas", ("not_shown", "saknas")),
    ("delvis visad – övar", ("partly_shown", "övar")), ("visadx", None), ("inte visad", ("not_shown", "")),
])
def test_parse_result(text, expected):
    assert candidate_xlsx.parse_result(text) == expected
