"""The headless CLI end to end: inputs in, alignment@1 JSON out, clear errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from compare_app.cli import main
from compare_app.exporters.alignment_json import REQUIRED_KEYS, SCHEMA




@pytest.fixture
def inputs(tmp_path: Path, subject_xml) -> dict[str, Path]:
    cur = tmp_path / "kursplaner"
    cur.mkdir()
    (cur / "Bageri.xml").write_text(
        subject_xml("BAG", "Bageri", [
            ("BAGBRÖ01", "Brödbakning 1", 100, [
                "Degberedning med jäst och surdeg för matbröd.",
                "Ugnar och gräddning av bröd i olika format.",
                "Hygienregler och egenkontroll i bageriet.",
            ]),
            ("BAGKON01", "Konditori 1", 100, [
                "Tårtor, bakelser och dekoration med grädde och marsipan.",
                "Kalkylering av pris för konditorivaror.",
            ]),
        ]),
        encoding="utf-8",
    )
    std = tmp_path / "standard.csv"
    std.write_text(
        "Nr;Område;Krav\n"
        "B1;Bröd;Kan bereda degar med jäst och surdeg\n"
        "B2;Bröd;Kan grädda bröd i ugn\n"
        "B3;Konditori;Kan dekorera tårtor med marsipan\n"
        "B4;Service;Kan svara på kunders frågor i telefon om leveranstider för catering\n",
        encoding="cp1252",
    )
    return {"std": std, "cur": cur, "dir": tmp_path}


def test_align_writes_schema_json(inputs, capsys):
    out = inputs["dir"] / "out.json"
    code = main(["align", str(inputs["std"]), "--curriculum", str(inputs["cur"]), "--top", "3", "--json", str(out)])
    assert code == 0, capsys.readouterr().err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == SCHEMA
    for key in REQUIRED_KEYS["top"]:
        assert key in doc
    assert [r["id"] for r in doc["requirements"]] == ["B1", "B2", "B3", "B4"]
    assert {c["code"] for c in doc["curriculum"]["courses"]} == {"BAGBRÖ01", "BAGKON01"}
    for req in doc["requirements"]:
        assert all(k in req for k in REQUIRED_KEYS["requirement"])
        assert req["status"] in ("covered", "partial", "gap")
        assert 0.0 <= req["score"] <= 1.0
        assert len(req["matches"]) >= 3  # at least K when the scope has that many items
        scores = [m["score"] for m in req["matches"]]
        assert scores == sorted(scores, reverse=True)
        for m in req["matches"]:
            assert all(k in m for k in REQUIRED_KEYS["match"])
    s = doc["summary"]
    statuses = [r["status"] for r in doc["requirements"]]
    assert (s["covered"], s["partial"], s["gap"]) == tuple(statuses.count(k) for k in ("covered", "partial", "gap"))
    # the best proposal for the dough requirement is the dough item
    assert doc["requirements"][0]["matches"][0]["item"] == "BAGBRÖ01:cc1"
    assert "Täckta:" in capsys.readouterr().out


def test_copies_across_courses_are_one_match_naming_the_others(tmp_path, subject_xml):
    """The catalog repeats items word for word; the JSON shows such content once, with ``same_text``."""
    cur = tmp_path / "kursplaner"
    cur.mkdir()
    shared = "Hygienregler och egenkontroll i livsmedelslokaler."
    (cur / "Bageri.xml").write_text(subject_xml("BAG", "Bageri", [
        ("BAGBRÖ01", "Brödbakning 1", 100, ["Degberedning med jäst och surdeg för matbröd.", shared]),
        ("BAGKON01", "Konditori 1", 100, ["Tårtor och bakelser med grädde och marsipan.", shared]),
    ]), encoding="utf-8")
    std = tmp_path / "standard.csv"
    std.write_text("Nr;Område;Krav\nH1;Hygien;Följer hygienregler och gör egenkontroll\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["align", str(std), "--curriculum", str(cur), "--top", "5", "--json", str(out)]) == 0
    matches = json.loads(out.read_text(encoding="utf-8"))["requirements"][0]["matches"]
    texts = [m["text"] for m in matches]
    assert len(texts) == len(set(texts)) == 3
    top = matches[0]
    assert top["text"] == shared
    assert {top["course"], *(t["course"] for t in top["same_text"])} == {"BAGBRÖ01", "BAGKON01"}
    assert all("same_text" not in m for m in matches[1:])


def test_courses_option_limits_scope(inputs):
    out = inputs["dir"] / "k.json"
    assert main(["align", str(inputs["std"]), "--curriculum", str(inputs["cur"]), "--courses", "BAGKON01", "--json", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [c["code"] for c in doc["curriculum"]["courses"]] == ["BAGKON01"]
    assert {m["course"] for r in doc["requirements"] for m in r["matches"]} == {"BAGKON01"}


@pytest.mark.parametrize(
    "argv_tail, needle",
    [
        (["--package", "Finns inte / Alls"], "finns inte i källan"),
        (["--courses", "XYZ01"], "inga av kurserna"),
    ],
)
def test_bad_scope_exits_2_with_one_line(inputs, capsys, argv_tail, needle):
    code = main(["align", str(inputs["std"]), "--curriculum", str(inputs["cur"]), *argv_tail])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert needle in err and len(err.splitlines()) == 1


def test_missing_and_broken_files_exit_2(inputs, capsys, tmp_path):
    assert main(["align", str(tmp_path / "nope.xlsx"), "--curriculum", str(inputs["cur"])]) == 2
    assert "nope.xlsx" in capsys.readouterr().err
    broken = tmp_path / "trasig.xlsx"
    broken.write_bytes(b"this is not a spreadsheet")
    assert main(["align", str(broken), "--curriculum", str(inputs["cur"])]) == 2
    err = capsys.readouterr().err
    assert "trasig.xlsx" in err and "Traceback" not in err


def test_cli_never_imports_qt(inputs, tmp_path):
    out = tmp_path / "q.json"
    code = (
        "import sys\n"
        "from compare_app.cli import main\n"
        f"rc = main(['align', {str(inputs['std'])!r}, '--curriculum', {str(inputs['cur'])!r}, '--json', {str(out)!r}])\n"
        "assert rc == 0, rc\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported on the CLI path'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


@pytest.mark.real_data
def test_align_real_archive_svetsare_package(archive_path, inputs, tmp_path):
    out = tmp_path / "svets.json"
    rc = main(["align", str(inputs["std"]), "--curriculum", str(archive_path),
               "--package", "Industritekniska programmet / Svetsare", "--json", str(out)])
    assert rc == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    codes = [c["code"] for c in doc["curriculum"]["courses"]]
    assert "SAAKÄL02S" in codes and len(codes) == 8
    assert doc["curriculum"]["package"] == "Industritekniska programmet / Svetsare"
    assert all(m["course"] in codes for r in doc["requirements"] for m in r["matches"])


def test_output_into_a_closed_pipe_is_not_an_internal_error(inputs):
    """`compare-app packages ... | head` must not print 'internt fel' when head stops reading."""
    cmd = [sys.executable, "-m", "compare_app", "align", str(inputs["std"]), "--curriculum", str(inputs["cur"])]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2])
    proc.stdout.close()  # the reader is gone before anything is printed
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=60)
    assert "internt fel" not in err and "Traceback" not in err


def test_project_option_saves_a_project_and_never_overwrites_one(inputs, capsys):
    from compare_app.project import storage

    path = inputs["dir"] / "granskning.cmpproj"
    args = ["align", str(inputs["std"]), "--curriculum", str(inputs["cur"]), "--project", str(path)]
    assert main(args) == 0
    loaded = storage.load(path)
    assert [r.id for r in loaded.project.standard.items] == ["B1", "B2", "B3", "B4"]
    assert loaded.project.alignment is not None and set(loaded.project.alignment.results) == {"B1", "B2", "B3", "B4"}
    loaded.project.accept("B1", "BAGBRÖ01:cc1")
    storage.save(loaded.project, path)
    before = path.read_bytes()
    capsys.readouterr()
    assert main(args) == 2
    assert "finns redan" in capsys.readouterr().err
    assert path.read_bytes() == before  # the saved decision is still there


def test_real_inputs_named_courses_formal_requirements_and_nested_areas(tmp_path, subject_xml, capsys):
    """Område | Moment | Beskrivning without ids, a course named by code, one outside the scope, formal ones."""
    cur = tmp_path / "kursplaner"
    cur.mkdir()
    (cur / "Bageri.xml").write_text(subject_xml("BAG", "Bageri", [
        ("BAGBRÖ01", "Brödbakning 1", 100, ["Degberedning med jäst och surdeg för matbröd."]),
        ("BAGKON01", "Konditori 1", 100, ["Tårtor och bakelser med grädde och marsipan."]),
    ]), encoding="utf-8")
    std = tmp_path / "bagare.csv"
    std.write_text("Område;Moment;Beskrivning\n"
                   "Bröd;Deg;Brödbakning 1 100 poäng (BAGBRÖ01)\n"
                   ";Tårtor;Konditori 1\n"
                   "Behörighet;;Minst 800 h lärlingstid i bageri\n", encoding="utf-8")
    out = tmp_path / "out.json"
    code = main(["align", str(std), "--curriculum", str(cur), "--courses", "BAGBRÖ01", "--json", str(out)])
    assert code == 0, capsys.readouterr().err
    printed = capsys.readouterr().out
    assert "Formella krav: 1" in printed and "B-T-1: kräver BAGKON01, som inte ingår i paketet" in printed
    reqs = {r["id"]: r for r in json.loads(out.read_text(encoding="utf-8"))["requirements"]}
    assert set(reqs) == {"B-D-1", "B-T-1", "B-1"}
    assert reqs["B-D-1"]["section"] == "Deg" and reqs["B-D-1"]["status"] == "covered"
    assert reqs["B-D-1"]["matches"][0]["item"] == "BAGBRÖ01" and reqs["B-D-1"]["matches"][0]["evidence"][0]["bridge"] == "course_named"
    assert reqs["B-T-1"]["status"] == "gap" and reqs["B-T-1"]["named_courses"] == [
        {"code": "BAGKON01", "name": "Konditori 1", "in_scope": False}]
    assert reqs["B-1"]["formal"] == "tid i yrket"


def test_project_saved_from_relative_paths_finds_its_sources_from_anywhere(inputs, monkeypatch, capsys):
    """`align --project` run with relative paths: opened from another folder, nothing is reported missing."""
    from compare_app.project import storage

    work = inputs["dir"]
    (work / "projekt").mkdir()
    monkeypatch.chdir(work)
    assert main(["align", inputs["std"].name, "--curriculum", inputs["cur"].name,
                 "--project", "projekt/p.cmpproj"]) == 0, capsys.readouterr().err
    monkeypatch.chdir(work / "projekt")
    loaded = storage.load(work / "projekt" / "p.cmpproj")
    assert loaded.missing_sources == [] and loaded.changed_sources == []


def test_shared_project_finds_sources_beside_it(inputs, tmp_path, capsys):
    """A project mailed together with its files: the sources are found beside the project file."""
    import shutil

    from compare_app.project import storage

    target = inputs["dir"] / "p.cmpproj"
    assert main(["align", str(inputs["std"]), "--curriculum", str(inputs["cur"]), "--project", str(target)]) == 0
    inbox = tmp_path / "inkorg"
    inbox.mkdir()
    for path in (target, inputs["std"]):
        shutil.copy(path, inbox / path.name)
    shutil.copytree(inputs["cur"], inbox / inputs["cur"].name)
    shutil.rmtree(inputs["cur"])
    inputs["std"].unlink()
    loaded = storage.load(inbox / "p.cmpproj")
    assert loaded.missing_sources == [] and loaded.changed_sources == []
