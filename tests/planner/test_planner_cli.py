"""``compare-app plan`` end to end on a small hand-made catalog."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from compare_app.planner import cli as plan_cli


# Requirements repeat the course text word for word, so any sensible matcher covers them.
WELD = "Svetsning av stålplåt med MAG-metoden i olika lägen."
DRAW = "Läsning av ritningar och symboler för svetsfogar."
SAFE = "Säkerhet vid heta arbeten och hantering av gasflaskor."
CAKE = "Bakning av tårtor med grädde och marsipan för fest."



def main(argv: list[str]) -> int:
    """What ``compare-app plan`` does: the lead's cli.py hands the subcommand to these two functions."""
    assert argv[0] == "plan"
    parser = argparse.ArgumentParser(prog="compare-app plan")
    plan_cli.add_arguments(parser)
    return plan_cli.run(parser.parse_args(argv[1:]))


@pytest.fixture
def inputs(tmp_path: Path, subject_xml) -> dict[str, Path]:
    cur = tmp_path / "kursplaner"
    cur.mkdir()
    (cur / "Svetsning.xml").write_text(subject_xml("SVE", "Svetsning", [
        ("SVEGRU01", "Svets grund", 100, [WELD, DRAW]),
        ("SVEBRE01", "Svets bred", 300, [WELD, DRAW, SAFE]),
        ("SVESAK01", "Svets säkerhet", 100, [SAFE]),
    ]), encoding="utf-8")
    (cur / "Bageri.xml").write_text(subject_xml("BAG", "Bageri", [
        ("BAGTAR01", "Tårtor", 100, [CAKE]),
    ]), encoding="utf-8")
    std = tmp_path / "standard.csv"
    std.write_text(
        "id;område;typ;krav\n"
        f"S1;Svets;färdighet;{WELD}\nS2;Svets;kunskap;{DRAW}\nS3;Säkerhet;kompetens;{SAFE}\n",
        encoding="utf-8",
    )
    return {"cur": cur, "std": std, "json": tmp_path / "plan.json"}


def test_plan_writes_json_and_swedish_summary(inputs, capsys):
    rc = main(["plan", str(inputs["std"]), "--curriculum", str(inputs["cur"]), "--json", str(inputs["json"]),
               "--compare-courses", "SVEBRE01,BAGTAR01"])
    out = capsys.readouterr().out
    assert rc == 0
    data = json.loads(inputs["json"].read_text(encoding="utf-8"))
    assert data["schema"] == "compare-app/plan@1"
    assert sorted(c["code"] for c in data["courses"]) == ["SVEGRU01", "SVESAK01"]
    assert data["points"] == 200 and data["uncovered"] == [] and data["method"] == "highs-mip"
    assert data["comparison"]["idle"] == ["BAGTAR01"]
    assert "Plan: 2 kurser, 200 poäng" in out and "Täckta krav: 3 av 3" in out
    assert "BAGTAR01" in out


def test_plan_with_budget_and_exclude(inputs, capsys):
    rc = main(["plan", str(inputs["std"]), "--curriculum", str(inputs["cur"]), "--budget", "150",
               "--exclude", "svesak01", "--json", str(inputs["json"])])
    assert rc == 0
    data = json.loads(inputs["json"].read_text(encoding="utf-8"))
    assert [c["code"] for c in data["courses"]] == ["SVEGRU01"]
    assert data["uncovered"] == ["S3"] and data["budget"] == 150
    assert "Ryms inte i budgeten: S3" in capsys.readouterr().out


def test_essential_area_wins_a_tight_budget(inputs):
    rc = main(["plan", str(inputs["std"]), "--curriculum", str(inputs["cur"]), "--budget", "100",
               "--essential", "Säkerhet", "--json", str(inputs["json"])])
    assert rc == 0
    data = json.loads(inputs["json"].read_text(encoding="utf-8"))
    assert data["covered"] == ["S3"] and data["essential"] == ["S3"]


@pytest.mark.parametrize("extra, message", [
    (["--must", "NOPE01"], "okänd kurskod"),
    (["--compare-package", "Inget sådant"], "okänt paket"),
    (["--essential", "Bakverk"], "--essential"),
    (["--must", "SVEBRE01", "--budget", "100"], "budgeten"),
])
def test_bad_input_is_one_line_and_exit_2(inputs, capsys, extra, message):
    rc = main(["plan", str(inputs["std"]), "--curriculum", str(inputs["cur"]), *extra])
    err = capsys.readouterr().err.strip()
    assert rc == 2
    assert err.startswith("fel: ") and message in err and "\n" not in err
    assert str(inputs["cur"]) in err or str(inputs["std"]) in err  # names the file it read


def test_unknown_must_course_names_the_catalog(inputs, capsys):
    assert main(["plan", str(inputs["std"]), "--curriculum", str(inputs["cur"]), "--must", "NOPE01"]) == 2
    assert capsys.readouterr().err.strip() == f"fel: {inputs['cur']}: okänd kurskod (obligatorisk): NOPE01"


def test_missing_standard_file(inputs, capsys, tmp_path):
    rc = main(["plan", str(tmp_path / "saknas.csv"), "--curriculum", str(inputs["cur"])])
    assert rc == 2 and "saknas.csv" in capsys.readouterr().err


def test_plan_names_requirements_align_covers_only_with_items_together():
    """`plan` may count fewer covered requirements than `align`: it says which and why, in text and JSON."""
    from compare_app.alignment import Alignment, Match, RequirementResult
    from compare_app.model import Course, Framework, Item, Provenance
    from compare_app.planner.coverage import build_coverage

    p = Provenance("test")
    std = Framework("standard", "S", items=[Item("R1", "krav ett", p), Item("R2", "krav två", p)])
    items = [Item(f"C{i}:cc1", f"innehåll {i}", p, course=f"C{i}") for i in (1, 2)]
    cur = Framework("curriculum", "K", items=items,
                    courses={f"C{i}": Course(f"C{i}", f"Kurs {i}", 100, [items[i - 1]]) for i in (1, 2)})
    results = {
        "R1": RequirementResult("R1", "covered", 0.6, [Match("C1:cc1", "C1", 0.6, "innehåll 1")]),
        # covered by two partial items together (1 - 0.8 * 0.8 >= 0.3), neither reaching 0.3 alone
        "R2": RequirementResult("R2", "covered", 0.2, [Match("C1:cc1", "C1", 0.2, "innehåll 1"),
                                                        Match("C2:cc1", "C2", 0.2, "innehåll 2")]),
    }
    coverage = build_coverage(std, cur, Alignment(results, ["C1", "C2"], "test", {"covered": 0.3, "partial": 0.1}))
    assert coverage.together == ["R2"] and coverage.covered_by(["C1", "C2"]) == {"R1"}
    assert "≥ 0,30" in coverage.rule  # decimal comma in Swedish text
