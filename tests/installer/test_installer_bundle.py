"""Build the one-folder bundle with PyInstaller and run it: self-test, contents, GUI screenshot, start-up probe.

Slow (about a minute) and skipped unless COMPARE_APP_BUILD_TEST=1: CI builds the bundle
through scripts/build_installer.sh instead. Builds into a temporary folder, so the
checkout's dist/ and build/ are left alone.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXE_NAME = "compare_app.exe" if sys.platform == "win32" else "compare_app"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("COMPARE_APP_BUILD_TEST") != "1", reason="set COMPARE_APP_BUILD_TEST=1 to build"),
    pytest.mark.skipif(sys.platform == "darwin", reason="macOS builds a .app bundle; layout checked on Linux/Windows"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "work"), str(REPO / "build_installer.spec")],
        cwd=REPO, capture_output=True, text=True, timeout=900,
        env={**os.environ, "COMPARE_APP_ONEFILE": "0"},
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    folder = tmp / "dist" / "compare_app"
    assert (folder / EXE_NAME).is_file()
    return folder


def _run(bundle: Path, *args: str, tmp_path: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    user = tmp_path / "user"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(user / "data"),
           "XDG_CONFIG_HOME": str(user / "config"), "XDG_CACHE_HOME": str(user / "cache"),
           "APPDATA": str(user), "LOCALAPPDATA": str(user)}
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(bundle / EXE_NAME), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=timeout)


def _files(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file()}


def _internal(bundle: Path) -> Path:
    return bundle / "_internal"


def test_self_test_passes_and_writes_nothing_into_the_bundle(bundle, tmp_path):
    before = _files(bundle)
    proc = _run(bundle, "--self-test", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "fryst (PyInstaller)" in proc.stdout and "självtest OK" in proc.stdout
    assert _files(bundle) == before
    assert list((tmp_path / "user").rglob("selftest.log"))


def test_app_data_sits_at_the_bundle_root(bundle):
    root = _internal(bundle)
    assert (root / "resources" / "icons" / "app.png").is_file()
    shipped_samples = {p.name for p in (root / "samples").iterdir()}
    assert {p.name for p in (REPO / "samples").iterdir() if p.name != "__pycache__"} <= shipped_samples


def test_only_swedish_lemma_data_is_shipped(bundle):
    dictionaries = sorted(p.name for p in _internal(bundle).rglob("*.plzma"))
    assert dictionaries == ["sv.plzma"]


def test_qt_keeps_the_needed_plugins_and_drops_the_rest(bundle):
    plugins = next(_internal(bundle).rglob("plugins"))
    platforms = {p.name.split(".")[0].removeprefix("lib") for p in (plugins / "platforms").iterdir()}
    assert "qoffscreen" in platforms
    assert ("qwindows" if sys.platform == "win32" else "qxcb") in platforms
    assert not platforms & {"qwayland", "qeglfs", "qvnc", "qlinuxfb"}
    assert (plugins / "imageformats").is_dir()
    assert not [d.name for d in plugins.iterdir() if d.name.startswith("wayland") or d.name == "tls"]
    dangling = [str(p) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_unused_qt_modules_are_not_shipped(bundle):
    names = {p.name.split(".")[0] for p in _internal(bundle).rglob("*") if p.name.startswith(("Qt", "libQt6", "Qt6"))}
    for unused in ("QtQml", "QtQuick", "QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtDesigner"):
        assert not {n for n in names if n.removeprefix("lib").replace("Qt6", "Qt") == unused}, unused


def test_gui_screenshot_of_the_demo(bundle, tmp_path):
    """The frozen GUI loads Qt's plugins, opens and aligns the samples, and writes only where told."""
    shot = tmp_path / "demo.png"
    before = _files(bundle)
    proc = _run(bundle, "--demo", "--screenshot", str(shot), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _files(bundle) == before
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 800 and height >= 500


def test_startup_probe_sees_the_main_window(bundle, tmp_path):
    from compare_app.launcher import STARTUP_PROBE_MARKER

    proc = _run(bundle, "--startup-probe", tmp_path=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert STARTUP_PROBE_MARKER in proc.stdout
