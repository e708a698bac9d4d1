"""``compare-app overview`` end to end, the overview@1 JSON, and the workbook read back as a user sees it."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from compare_app.cli import main
from compare_app.exporters import overview_json, overview_xlsx
from compare_app.overview import build_overview

from .conftest import write_standard

SHEETS = ["Översikt", "Matris", "Kurser", "Gemensamma enheter", "Luckor"]


@pytest.fixture
def overview(catalog, standards):
    return build_overview(standards, catalog)


def test_cli_writes_workbook_and_json(catalog, standards, tmp_path, capsys):
    xlsx, js = tmp_path / "ut" / "oversikt.xlsx", tmp_path / "ut" / "oversikt.json"
    args = ["overview", *map(str, standards), "--curriculum", str(catalog), "--xlsx", str(xlsx), "--json", str(js)]
    assert main(args) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "Bagare: 5 krav" in out and f"Skrev xlsx: {xlsx}" in out and f"Skrev json: {js}" in out
    assert load_workbook(xlsx).sheetnames == SHEETS
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert doc["schema"] == "compare-app/overview@1"
    assert [s["label"] for s in doc["standards"]] == ["Bagare", "Konditor", "Butikssäljare"]


@pytest.mark.parametrize("extra, problem", [
    (["--xlsx", "{tmp}/x.xlsx", "--package", "Finns inte"], "finns inte i källan"),
    ([], "--xlsx"),
    (["{tmp}/saknas.csv", "--xlsx", "{tmp}/x.xlsx"], "saknas.csv: filen finns inte"),
])
def test_cli_bad_input_exits_2_with_one_line(catalog, standards, tmp_path, capsys, extra, problem):
    extra = [a.replace("{tmp}", str(tmp_path)) for a in extra]
    code = main(["overview", *map(str, standards), *extra, "--curriculum", str(catalog)])
    err = capsys.readouterr().err
    assert code == 2
    assert problem in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_json_contract(overview):
    doc = overview_json.to_dict(overview)
    assert set(doc) >= {"schema", "curriculum", "standards", "matrix", "courses", "shared_units", "gaps", "warnings"}
    std = doc["standards"][0]
    assert set(std) >= {"label", "title", "source", "kind", "requirements", "covered", "partial", "gap",
                        "coverage", "decided", "method", "thresholds"}
    m = doc["matrix"]
    assert len(m["coverage"]) == len(m["standards"]) == 3 and all(len(r) == len(m["courses"]) for r in m["coverage"])
    assert [c["code"] for c in doc["courses"]] == m["courses"]
    for course in doc["courses"]:
        assert set(course) >= {"code", "name", "points", "standards", "requirements_covered", "requirements_partial",
                               "coverage", "points_per_requirement", "serves"}
        served = {(s["standard"], s["requirement"]) for s in course["serves"]}
        assert len(served) == course["requirements_covered"] + course["requirements_partial"]
    unit = doc["shared_units"][0]
    assert len(unit["standards"]) >= 2 and unit["items"][0]["course"] in m["courses"]
    assert {r["standard"] for r in unit["requirements"]} == set(unit["standards"])
    gap = doc["gaps"][0]
    assert set(gap) == {"group", "terms", "standards", "requirements"}
    json.dumps(doc)  # plain JSON types only


def test_workbook_reads_back_like_the_tables(overview, tmp_path):
    path = overview_xlsx.write(overview, tmp_path / "o.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == SHEETS
    ws = wb["Matris"]
    labels = [ws.cell(row=1, column=c).value for c in range(4, 4 + len(overview.matrix.index))]
    assert labels == list(overview.matrix.index)
    for row, code in enumerate(overview.matrix.columns, start=2):
        assert ws.cell(row=row, column=1).value == code
        for col, label in enumerate(labels, start=4):
            value = overview.matrix.at[label, code]
            assert (ws.cell(row=row, column=col).value or 0.0) == pytest.approx(value)
    # a heat map on the matrix cells, frozen headers and codes, a filter over the whole table
    ranges = [str(r.sqref) for r in ws.conditional_formatting]
    assert ranges == [f"D2:F{len(overview.matrix.columns) + 1}"]
    assert ws.freeze_panes == "D2"
    assert ws.auto_filter.ref == f"A1:G{len(overview.matrix.columns) + 1}"
    for name in SHEETS[1:]:
        sheet = wb[name]
        assert sheet.freeze_panes is not None and sheet.auto_filter.ref.startswith("A1:")
        widths = [sheet.column_dimensions[c].width for c in "ABCD"]
        assert all(w and w >= 6 for w in widths)
    courses = wb["Kurser"]
    assert [courses.cell(row=r, column=2).value for r in range(2, 2 + len(overview.courses))] == list(overview.courses.index)
    gaps = wb["Luckor"]
    assert gaps.max_row == len(overview.gaps) + 1
    shared = wb["Gemensamma enheter"]
    assert shared.max_row == len(overview.shared) + 1


def test_text_from_a_standard_never_becomes_a_formula(catalog, tmp_path):
    std = write_standard(tmp_path / "Elak.csv", [
        ("X1", '=HYPERLINK("http://x")', "=1+2 kortbetalning vid kassaapparaten"),
        ("X2", "Hygien", "Följer hygienregler och egenkontroll i bageriet."),
    ])
    ov = build_overview([std, std], catalog)
    wb = load_workbook(overview_xlsx.write(ov, tmp_path / "o.xlsx"))
    texts = [cell.value for sheet in wb.worksheets for row in sheet.iter_rows() for cell in row]
    assert "=1+2 kortbetalning vid kassaapparaten" in texts  # shown in Luckor as the text it is
    for sheet in wb.worksheets:
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), sheet.title


def test_cli_map_names_the_columns_of_unrecognised_headers(catalog, tmp_path, capsys):
    odd = tmp_path / "Udda.csv"
    odd.write_text("Löpnummer;Vad som krävs\nU1;Följer hygienregler och egenkontroll i bageriet.\n", encoding="utf-8")
    out = tmp_path / "o.json"
    args = ["overview", str(odd), "--curriculum", str(catalog), "--json", str(out),
            "--map", "id=Löpnummer", "--map", "text=Vad som krävs"]
    assert main(args) == 0, capsys.readouterr().err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["standards"][0]["requirements"] == 1
    assert doc["courses"][0]["serves"][0]["requirement"] == "U1"


def test_cli_without_curriculum_or_project_exits_2(standards, tmp_path, capsys):
    assert main(["overview", *map(str, standards), "--xlsx", str(tmp_path / "x.xlsx")]) == 2
    assert "kursplanekälla" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
