"""The GUI entry point: cheap to import, hands the right options to the GUI, and its Qt-free self-test."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from compare_app import launcher, selftest

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("PySide6", "pandas", "numpy", "scipy", "docx", "openpyxl", "highspy", "simplemma", "rapidfuzz", "matplotlib", "PIL")


def _python(code: str, cwd: Path, **env) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter that imports compare_app from the checkout."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1", **env}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=full_env, capture_output=True, text=True,
                          timeout=120)


def test_importing_the_launcher_loads_no_heavy_library(tmp_path):
    proc = _python("import sys, compare_app.launcher; print(sorted({m.split('.')[0] for m in sys.modules}))", tmp_path)
    assert proc.returncode == 0, proc.stderr
    loaded = set(eval(proc.stdout))
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)


def test_gui_options_reach_ui_app_run(monkeypatch, tmp_path):
    calls = []
    fake = types.ModuleType("compare_app.ui.app")
    fake.run = lambda **kwargs: calls.append(kwargs) or 7
    monkeypatch.setitem(sys.modules, "compare_app.ui.app", fake)
    project = tmp_path / "x.cmpproj"
    rc = launcher.main([str(project), "--demo", "--screenshot", str(tmp_path / "s.png"), "--lang", "en"])
    assert rc == 7
    assert calls == [{"project": project, "demo": True, "screenshot": tmp_path / "s.png", "lang": "en"}]


def test_defaults_leave_language_to_the_gui(monkeypatch):
    calls = []
    fake = types.ModuleType("compare_app.ui.app")
    fake.run = lambda **kwargs: calls.append(kwargs) or 0
    monkeypatch.setitem(sys.modules, "compare_app.ui.app", fake)
    assert launcher.main([]) == 0
    assert calls == [{"project": None, "demo": False, "screenshot": None, "lang": None}]


def test_unknown_language_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        launcher.main(["--lang", "de"])
    assert exc.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_windowed_build_without_streams_can_print_help(monkeypatch):
    """PyInstaller's windowed build and pythonw have sys.stdout = None; --version must not crash."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit) as exc:
        launcher.main(["--version"])
    assert exc.value.code == 0
    assert sys.stdout is not None and sys.stderr is not None


def test_self_test_runs_the_demo_without_qt_and_logs(tmp_path):
    """The real self-test, in a fresh process: exit 0, reports written, no Qt loaded, log kept."""
    data_home = tmp_path / "data"
    code = ("import sys; from compare_app.launcher import main; rc = main(['--self-test']); "
            "print('QT-LOADED' if any(m.startswith('PySide6') for m in sys.modules) else 'QT-NOT-LOADED'); sys.exit(rc)")
    proc = _python(code, tmp_path, XDG_DATA_HOME=str(data_home), APPDATA=str(data_home), LOCALAPPDATA=str(data_home))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "QT-NOT-LOADED" in proc.stdout
    for kind in selftest.REQUIRED_REPORTS:
        assert f"  {kind}: " in proc.stdout
    logs = list(data_home.rglob(selftest.LOG_NAME))
    assert len(logs) == 1
    log = logs[0].read_text(encoding="utf-8")
    assert "självtest OK" in log and "docx:" in log and "xlsx:" in log


def _fake_demo(paths_to_write: dict[str, bytes], total: int = 3):
    """A stand-in for compare_app.demo.run_demo that writes the given files."""
    from compare_app.alignment import Summary

    def run_demo(out_dir, progress=None, **_options):
        written = {}
        for kind, content in paths_to_write.items():
            path = Path(out_dir) / f"out.{kind}"
            path.write_bytes(content)
            written[kind] = path
        return types.SimpleNamespace(paths=written, summary=Summary(total, 0, 0))

    return run_demo


def _zip_bytes() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.xml", "<a/>")
    return buffer.getvalue()


def test_self_test_fails_on_an_empty_report_and_says_which(monkeypatch, capsys):
    import compare_app.demo

    monkeypatch.setattr(compare_app.demo, "run_demo", _fake_demo({"docx": b"", "xlsx": _zip_bytes()}))
    assert selftest.run_self_test() == 1
    out = capsys.readouterr().out
    assert "FEL: docx:" in out and "är tom" in out
    assert "MISSLYCKADES" in out


def test_self_test_fails_when_a_report_is_missing_or_not_office(monkeypatch, capsys):
    import compare_app.demo

    monkeypatch.setattr(compare_app.demo, "run_demo", _fake_demo({"docx": b"not a zip"}))
    assert selftest.run_self_test() == 1
    out = capsys.readouterr().out
    assert "rapporten 'xlsx' skrevs inte" in out
    assert "ingen giltig Office-fil" in out


def test_self_test_reports_a_crash_and_logs_the_trace(monkeypatch, capsys):
    import compare_app.demo
    from compare_app.paths import user_data_dir

    def broken(out_dir, progress=None, **_options):
        raise KeyError("standard_svetsare.xlsx")

    monkeypatch.setattr(compare_app.demo, "run_demo", broken)
    assert selftest.run_self_test() == 1
    assert "FEL: KeyError" in capsys.readouterr().out
    log = (user_data_dir() / selftest.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log and "broken" in log


def test_self_test_passes_on_good_outputs(monkeypatch):
    import compare_app.demo

    monkeypatch.setattr(compare_app.demo, "run_demo", _fake_demo({"docx": _zip_bytes(), "xlsx": _zip_bytes(), "json": b"{}"}))
    assert selftest.run_self_test() == 0


def test_self_test_fails_when_nothing_was_compared(monkeypatch, capsys):
    import compare_app.demo

    monkeypatch.setattr(compare_app.demo, "run_demo", _fake_demo({"docx": _zip_bytes(), "xlsx": _zip_bytes()}, total=0))
    assert selftest.run_self_test() == 1
    assert "inga krav" in capsys.readouterr().out


def test_missing_swedish_dictionary_is_a_failure(monkeypatch):
    """A bundle without simplemma's sv data would match worse without any error; the self-test must say so."""
    import simplemma

    def missing(word, lang):
        raise FileNotFoundError(f"simplemma/strategies/dictionaries/data/{lang}.plzma")

    monkeypatch.setattr(simplemma, "lemmatize", missing)
    problems = selftest.check_language_data()
    assert len(problems) == 1 and "sv.plzma" in problems[0]
    monkeypatch.setattr(simplemma, "lemmatize", lambda word, lang: word)
    assert selftest.check_language_data() == ["simplemmas svenska ordlista saknas (kurserna -> 'kurserna')"]
    monkeypatch.undo()
    assert selftest.check_language_data() == []


def _apt_packages(text: str) -> set[str]:
    """Package names of the first `apt-get install` command in ``text`` (continuation lines joined)."""
    import re

    joined = text.replace("\\\n", " ")
    line = next(ln for ln in joined.splitlines() if "apt-get install" in ln)
    words = line.split("apt-get install", 1)[1].split(">")[0].split()
    return {w for w in words if not w.startswith("-") and re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)}


def test_readme_and_ci_install_the_same_system_packages_the_launcher_checks():
    from compare_app.system_libs import EXTRA_PACKAGES, QT_PACKAGES

    readme = _apt_packages((REPO / "README.md").read_text(encoding="utf-8"))
    ci = _apt_packages((REPO / ".ci" / "run").read_text(encoding="utf-8"))
    assert readme == ci == set(QT_PACKAGES) | set(EXTRA_PACKAGES)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")
def test_missing_qt_libraries_are_named_instead_of_a_qt_abort(monkeypatch, capsys):
    from compare_app import system_libs

    real = system_libs._loads
    monkeypatch.setattr(system_libs, "_loads", lambda lib: lib != "libxcb-cursor.so.0" and real(lib))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    fake = types.ModuleType("compare_app.ui.app")
    fake.run = lambda **kwargs: pytest.fail("Qt must not be started")
    monkeypatch.setitem(sys.modules, "compare_app.ui.app", fake)
    assert launcher.main([]) == 2
    err = capsys.readouterr().err
    assert "libxcb-cursor.so.0" in err and "apt-get install libxcb-cursor0" in err
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # a headless platform needs none of them
    assert system_libs.missing_for_qt() == []


def test_matplotlib_is_imported_only_when_a_chart_is_drawn(tmp_path):
    code = ("import sys; import compare_app.cli, compare_app.exporters.report_docx, compare_app.exporters.report_xlsx; "
            "print('matplotlib' in sys.modules)")
    proc = _python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
