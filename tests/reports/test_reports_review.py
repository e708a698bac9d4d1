"""Review round trip: export, edit the Kopplingar sheet like a branch representative, read back."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from compare_app.errors import InputError
from compare_app.exporters import report_xlsx
from compare_app.importers import review_xlsx

H = report_xlsx.LINK_HEADER_ROW


def _edit(path, edits=None, reviewer=None, mutate=None):
    """Change cells of Kopplingar: ``edits`` maps (requirement id, item id) -> {column header: value}."""
    wb = load_workbook(path)
    ws = wb["Kopplingar"]
    headers = [c.value for c in ws[H]]
    col = {h: i + 1 for i, h in enumerate(headers)}
    for row in range(H + 1, ws.max_row + 1):
        key = (ws.cell(row, col["Krav-id"]).value, ws.cell(row, col["Innehålls-id"]).value or "")
        for header, value in (edits or {}).get(key, {}).items():
            ws.cell(row, col[header]).value = value
    if reviewer is not None:
        ws["B1"] = reviewer
    if mutate:
        mutate(ws, col)
    wb.save(path)
    return path


@pytest.fixture
def exported(project, tmp_path):
    return report_xlsx.write(project, tmp_path / "granskning.xlsx")


def test_untouched_file_has_no_changes(project, exported):
    diff = review_xlsx.diff(project, exported)
    assert len(diff) == 0 and review_xlsx.apply(project, diff) == []


def test_edits_become_decisions_by_the_reviewer(project, exported):
    before = {r.id: project.effective(r.id) for r in project.requirements()}
    _edit(exported, {
        ("R3", "BBB01:cc1"): {"Status": "täckt"},
        ("R1", "AAA01:cc1"): {"Kommentar": "Ok enligt branschen"},
        ("R4", "AAA01:cc3"): {"Status": "lucka"},
    }, reviewer="Bo Bransch")
    diff = review_xlsx.diff(project, exported)
    assert diff.reviewer == "Bo Bransch"
    changes = {(c.requirement_id, c.item_id): c for c in diff.changes}
    assert set(changes) == {("R3", "BBB01:cc1"), ("R1", "AAA01:cc1"), ("R4", "AAA01:cc3")}
    r3 = changes[("R3", "BBB01:cc1")]
    assert (r3.old_status, r3.new_status, r3.status_edited, r3.note_edited) == ("gap", "covered", True, False)
    r1 = changes[("R1", "AAA01:cc1")]
    assert (r1.old_note, r1.new_note, r1.status_edited) == ("Stämmer väl.", "Ok enligt branschen", False)

    previous = review_xlsx.apply(project, diff)
    assert [rid for rid, _ in previous] == ["R1", "R3", "R4"]
    r3_now = project.effective("R3")
    assert (r3_now.status, r3_now.decided, r3_now.decided_by) == ("covered", True, "Bo Bransch")
    assert project.reviews["R3"].links == {"BBB01:cc1": "accepted"}
    assert project.effective("R1").note == "Ok enligt branschen"
    assert project.effective("R1").status == before["R1"].status
    # one of R4's two links rejected: the other row still says täckt, so R4 stays covered
    assert project.reviews["R4"].links == {"AAA01:cc3": "rejected"}
    assert project.effective("R4").status == "covered"
    # untouched requirements keep their state
    assert project.effective("R2") == before["R2"]
    # the previous reviews undo everything
    for rid, old in previous:
        project.set_review(rid, old)
    assert {r.id: project.effective(r.id) for r in project.requirements()} == before


def test_reviewer_argument_wins_and_sorting_is_allowed(project, exported):
    def reverse_rows(ws, col):
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=H + 1)]
        for offset, values in enumerate(reversed(rows)):
            for c, v in enumerate(values, start=1):
                ws.cell(H + 1 + offset, c).value = v

    _edit(exported, {("R5", ""): {"Status": "delvis", "Kommentar": "Delvis i praktiken"}},
          reviewer="Namn i filen", mutate=reverse_rows)
    diff = review_xlsx.diff(project, exported, reviewer="Cecilia")
    assert diff.reviewer == "Cecilia"
    review_xlsx.apply(project, diff)
    eff = project.effective("R5")
    assert (eff.status, eff.note, eff.decided_by) == ("partial", "Delvis i praktiken", "Cecilia")
    assert project.reviews["R5"].links == {}  # the row had no item to accept


def test_refuses_another_projects_file(project, exported):
    from dataclasses import replace

    other = replace(project, id="0" * 32)
    with pytest.raises(InputError) as err:
        review_xlsx.diff(other, exported)
    assert str(exported) in str(err.value) and "annat projekt" in err.value.problem


@pytest.mark.parametrize("tamper", ["changed id", "deleted row", "added row"])
def test_refuses_altered_id_columns(project, exported, tamper):
    def mutate(ws, col):
        if tamper == "changed id":
            ws.cell(H + 1, col["Innehålls-id"]).value = "AAA01:cc9"
        elif tamper == "deleted row":
            ws.delete_rows(H + 2)
        else:
            ws.cell(ws.max_row + 1, col["Krav-id"]).value = "R1"
            ws.cell(ws.max_row, col["Innehålls-id"]).value = "CCC01:cc1"
            ws.cell(ws.max_row, col["Status"]).value = "täckt"

    _edit(exported, mutate=mutate)
    with pytest.raises(InputError) as err:
        review_xlsx.diff(project, exported)
    assert err.value.path == str(exported) and "id-kolumnerna" in err.value.problem
    assert project.reviews.keys() == {"R1", "R6"}


def test_refuses_unknown_status_naming_the_row(project, exported):
    _edit(exported, {("R2", "AAA01:cc2"): {"Status": "kanske"}})
    with pytest.raises(InputError) as err:
        review_xlsx.diff(project, exported)
    assert "kanske" in err.value.problem and "rad" in err.value.problem


def test_refuses_files_that_are_not_review_workbooks(project, tmp_path):
    bad = tmp_path / "trasig.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError) as err:
        review_xlsx.diff(project, bad)
    assert err.value.path == str(bad)
    from openpyxl import Workbook

    plain = tmp_path / "vanlig.xlsx"
    Workbook().save(plain)
    with pytest.raises(InputError, match="_meta"):
        review_xlsx.diff(project, plain)
