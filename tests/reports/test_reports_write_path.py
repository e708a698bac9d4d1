"""Every export is written atomically: a failure leaves no temporary file and the old file as it was,
a full disk is an InputError (exit 2 in the CLI), and text the file format cannot hold never crashes."""

from __future__ import annotations

import errno
import json
import os
import stat

import openpyxl
import pytest

from compare_app import atomic, cli
from compare_app.errors import InputError
from compare_app.exporters import alignment_json, case_json, report_docx, report_xlsx

WRITERS = {
    "json": alignment_json.write,
    "case": case_json.write,
    "docx": report_docx.write,
    "xlsx": report_xlsx.write,
}


def no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("kind", WRITERS)
def test_full_disk_gives_a_message_keeps_the_old_file_and_no_temp(project, tmp_path, monkeypatch, kind):
    out = tmp_path / f"rapport.{kind}"
    out.write_bytes(b"den gamla rapporten")
    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(InputError) as err:
        WRITERS[kind](project, out)
    monkeypatch.undo()
    assert "disken är full" in str(err.value) and str(out) in str(err.value)
    assert out.read_bytes() == b"den gamla rapporten"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_the_cli_says_full_disk_and_exits_2(project, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "build_project", lambda *a, **k: project)
    monkeypatch.setattr(type(project), "align", lambda self, progress=None: self.alignment)
    monkeypatch.setattr(atomic.os, "fsync", no_space)
    out = tmp_path / "ut.json"
    code = cli.main(["align", "std.csv", "--curriculum", "x", "--json", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert "disken är full" in err and "internt fel" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", WRITERS)
def test_an_export_keeps_the_mode_of_the_file_it_replaces(project, tmp_path, kind):
    if os.name == "nt":
        pytest.skip("POSIX permission bits")
    out = tmp_path / f"rapport.{kind}"
    out.write_bytes(b"x")
    os.chmod(out, 0o664)
    WRITERS[kind](project, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o664


def test_lone_surrogates_in_texts_do_not_break_any_export(project, tmp_path):
    project.standard.items[0].text = "Svetsa \ud800 säkert"
    project.reviews.setdefault("R1", type(next(iter(project.reviews.values())))()).note = "notering \udfff"
    for kind, write in WRITERS.items():
        out = write(project, tmp_path / f"ut.{kind}")
        assert out.stat().st_size > 0
        if kind in ("json", "case"):
            json.loads(out.read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(tmp_path / "ut.xlsx", read_only=True)
    wb.close()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
