"""`compare-app demo` runs the whole job on the bundled samples and writes every output."""

from __future__ import annotations

import json

import docx
import openpyxl

from compare_app.cli import main
from compare_app.project import storage


def test_demo_writes_consistent_outputs(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    names = {p.name for p in out.iterdir()}
    assert {"jamforelse.json", "gaprapport.docx", "gaprapport.xlsx", "case-paket.json", "kursplan.json", "exempel.cmpproj"} <= names
    for name in names:
        assert str(out / name) in printed  # the user is told where each file is

    doc = json.loads((out / "jamforelse.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "compare-app/alignment@1"
    assert len(doc["requirements"]) >= 25 and doc["units"]
    statuses = [r["status"] for r in doc["requirements"]]
    assert doc["summary"]["gap"] == statuses.count("gap") and "gap" in statuses and "covered" in statuses

    plan = json.loads((out / "kursplan.json").read_text(encoding="utf-8"))
    assert plan["schema"] == "compare-app/plan@1" and plan["courses"]

    body = "\n".join(p.text for p in docx.Document(str(out / "gaprapport.docx")).paragraphs)
    assert doc["standard"]["title"] in body
    wb = openpyxl.load_workbook(out / "gaprapport.xlsx")
    assert "Kopplingar" in wb.sheetnames

    reopened = storage.load(out / "exempel.cmpproj").project
    assert [r.id for r in reopened.standard.items] == [r["id"] for r in doc["requirements"]]
    assert [reopened.effective(r["id"]).status for r in doc["requirements"]] == statuses
    # the reports were written after the demo's assessor decided: they show what the project file holds
    assert [r["id"] for r in doc["requirements"] if r["decided"]] == sorted(reopened.reviews, key=[r["id"] for r in doc["requirements"]].index)
    assert [c["ref"] for c in doc["candidates"]] == [c.ref for c in reopened.candidates] != []
