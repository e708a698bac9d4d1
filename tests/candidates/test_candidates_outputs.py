"""The personal document, candidate@1 JSON and `compare-app candidate`; the name stays in the document."""

from __future__ import annotations

import json
import zipfile

import docx
import pytest

from candfactory import accept_best, coverage_of
from compare_app.candidates import edit
from compare_app.candidates.json_out import SCHEMA, candidate_json
from compare_app.candidates.outcome import evaluate
from compare_app.cli import main
from compare_app.exporters import candidate_docx
from compare_app.exporters.pdf import PdfUnavailable, find_soffice, to_pdf
from compare_app.project import storage

NAME = "Märta Påhittad"


@pytest.fixture
def validated(project):
    accept_best(project)
    cand = edit.add_candidate(project, NAME)
    for rid, status in (("R1", "shown"), ("R2", "shown"), ("R3", "shown"), ("R4", "not_shown")):
        edit.record(project, cand, rid, status, day="2026-11-30", method="practical", note="provsvetsning")
    project.settings.credit_threshold = 0.7
    return project, cand


def _text(path) -> str:
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_document_says_what_was_shown_credited_planned_and_completed(validated, tmp_path):
    project, cand = validated
    outcome = evaluate(project, cand, coverage=coverage_of(project))
    path = candidate_docx.write(project, outcome, tmp_path / candidate_docx.default_name(cand))
    assert path.name == "valideringsresultat-K1.docx"
    text = _text(path)
    assert "Valideringsresultat och studieplan" in text and NAME in text
    assert "3 är visade, 0 delvis visade och 1 ej visat; 1 är inte bedömda." in text
    assert "praktiskt prov, 2026-11-30" in text and "provsvetsning" in text
    assert "WELD1" in text and "3 av 4 (75\xa0%)" in text  # credited at 70 %; Swedish "75 %" keeps together
    assert "rikta plåt" in text  # the credited course's content not shown
    plan = outcome.plan
    assert [c.code for c in plan.courses] == ["SAFE1"] and plan.points == 50
    assert "Summa" in text and "50" in text
    assert "Svetsning (R1, R2, R3)" in text  # the unit completed in full
    assert docx.Document(str(path)).core_properties.title == "Valideringsresultat och studieplan"


def test_candidate_json_has_no_name_and_only_adds_to_plan_json(validated):
    project, cand = validated
    data = candidate_json(project, evaluate(project, cand, coverage=coverage_of(project)))
    assert data["schema"] == SCHEMA and data["candidate"] == {"id": cand.id, "ref": "K1"}
    assert NAME not in json.dumps(data, ensure_ascii=False)
    assert [r["requirement"] for r in data["results"]] == ["R1", "R2", "R3", "R4"]
    assert data["open"] == ["R4", "R5"]
    weld1 = data["credit"]["courses"][0]
    assert weld1["code"] == "WELD1" and weld1["proposed"] and weld1["uncovered"] == ["W4"]
    assert data["plan"]["schema"] == "compare-app/plan@1" and "WELD1" in data["plan"]["exclude"]
    assert data["units_completed"] == [{"id": "E1", "title": "Svetsning", "requirements": ["R1", "R2", "R3"]}]


def test_cli_names_the_candidate_by_reference_only(validated, tmp_path, capsys, monkeypatch):
    project, _ = validated
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    monkeypatch.setattr("compare_app.candidates.outcome.project_coverage", lambda p, progress=None: coverage_of(p))
    out_json, out_docx = tmp_path / "k.json", tmp_path / "k.docx"
    assert main(["candidate", str(path), "k1", "--json", str(out_json), "--docx", str(out_docx)]) == 0
    assert main(["candidate", str(path), "--list"]) == 0
    printed = capsys.readouterr()
    assert "Kandidat K1" in printed.out and "WELD1" in printed.out and "föreslås" in printed.out
    assert "K1\t3 visad, 0 delvis visad, 1 ej visad" in printed.out
    assert NAME not in printed.out + printed.err + out_json.read_text(encoding="utf-8")
    assert NAME in _text(out_docx)


@pytest.mark.parametrize("argv, message", [
    (["K7"], "kandidaten 'K7' finns inte"),
    (["--threshold", "1.5"], "mellan 0 och 1"),
    (["--import-xlsx", "saknas.xlsx"], "filen finns inte"),
])
def test_cli_bad_input_exits_2_with_one_line(validated, tmp_path, capsys, argv, message):
    project, _ = validated
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    assert main(["candidate", str(path), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_pdf_is_skipped_with_a_reason_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr("compare_app.exporters.pdf.find_soffice", lambda: None)
    with pytest.raises(PdfUnavailable, match="LibreOffice hittades inte"):
        to_pdf(tmp_path / "x.docx")


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_pdf_through_libreoffice(validated, tmp_path):
    project, cand = validated
    outcome = evaluate(project, cand, coverage=coverage_of(project))
    path = candidate_docx.write(project, outcome, tmp_path / "dok.docx")
    pdf = to_pdf(path)
    assert pdf == tmp_path / "dok.pdf" and pdf.read_bytes().startswith(b"%PDF")
    assert not zipfile.is_zipfile(pdf)


def test_alignment_json_gains_the_candidates_without_their_names(validated):
    from compare_app.exporters.alignment_json import REQUIRED_KEYS, to_dict

    project, cand = validated
    data = to_dict(project)
    assert all(key in data for key in REQUIRED_KEYS["top"])
    assert data["candidates"] == [{"id": cand.id, "ref": "K1", "results": data["candidates"][0]["results"]}]
    assert [r["status"] for r in data["candidates"][0]["results"]] == ["shown", "shown", "shown", "not_shown"]
    assert NAME not in json.dumps(data, ensure_ascii=False)
