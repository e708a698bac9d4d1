"""Bundled files are found the same way frozen, installed or from a checkout, and nothing is written beside the code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compare_app import paths

REPO = Path(__file__).resolve().parents[2]
#: what a source distribution of the app is built from
SOURCE_PARTS = ("pyproject.toml", "README.md", "compare_app", "resources", "samples")
PRINT_DIRS = "from compare_app.paths import resource_dir, samples_dir; print(resource_dir()); print(samples_dir())"


def _copy_sources(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in SOURCE_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


def _run(args: list[str], pythonpath: Path, cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """A fresh interpreter importing compare_app only from ``pythonpath``, with its own user folders."""
    user = tmp_path / "user"
    env = {**os.environ, "PYTHONPATH": str(pythonpath), "PYTHONDONTWRITEBYTECODE": "1",
           "XDG_DATA_HOME": str(user / "data"), "XDG_CACHE_HOME": str(user / "cache"),
           "XDG_CONFIG_HOME": str(user / "config"), "APPDATA": str(user), "LOCALAPPDATA": str(user)}
    return subprocess.run([sys.executable, "-B", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=180)


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def test_frozen_bundle_root_wins(monkeypatch, tmp_path):
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "samples").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_dir() == tmp_path / "resources"
    assert paths.samples_dir() == tmp_path / "samples"
    assert paths.resource_path("icons", "app.png") == tmp_path / "resources" / "icons" / "app.png"


def test_checkout_uses_the_folders_beside_the_package(tmp_path):
    proc = _run(["-c", PRINT_DIRS], REPO, tmp_path, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:2] == [str(REPO / "resources"), str(REPO / "samples")]


def test_user_folders_are_outside_the_code(tmp_path):
    for folder in (paths.user_data_dir(), paths.user_cache_dir(), paths.user_config_dir()):
        assert folder.is_dir()
        assert REPO not in folder.parents


@pytest.fixture(scope="module")
def installed_site(tmp_path_factory) -> Path:
    """The app pip-installed (no dependencies) into a private folder, as a wheel would install it."""
    tmp = tmp_path_factory.mktemp("installed")
    source = _copy_sources(tmp / "src")
    site = tmp / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile",
         "--target", str(site), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0:
        pytest.fail(f"pip install of the app failed:\n{proc.stderr[-2000:]}")
    return site


def test_installed_package_finds_its_shipped_files(installed_site, tmp_path):
    proc = _run(["-c", PRINT_DIRS], installed_site, tmp_path, tmp_path)
    assert proc.returncode == 0, proc.stderr
    resource_dir, samples_dir = (Path(line) for line in proc.stdout.split("\n")[:2])
    assert installed_site in resource_dir.parents and installed_site in samples_dir.parents
    assert (resource_dir / "icons" / "app.png").is_file()
    assert (resource_dir / "icons" / "app.ico").is_file()
    shipped_samples = {p.name for p in samples_dir.iterdir()}
    assert {p.name for p in (REPO / "samples").iterdir() if p.name != "__pycache__"} <= shipped_samples


def test_installed_self_test_writes_nothing_into_the_installation(installed_site, tmp_path):
    before = _snapshot(installed_site)
    proc = _run(["-m", "compare_app.launcher", "--self-test"], installed_site, tmp_path, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "självtest OK" in proc.stdout
    assert _snapshot(installed_site) == before
    assert list((tmp_path / "user").rglob("selftest.log")), "the self-test keeps its log in the user data folder"


def test_checkout_self_test_writes_nothing_beside_the_code(tmp_path):
    """Run from a copy of the checkout (others edit the real one meanwhile) with cwd elsewhere."""
    checkout = _copy_sources(tmp_path / "checkout")
    work = tmp_path / "cwd"
    work.mkdir()
    before = _snapshot(checkout)
    proc = _run(["-m", "compare_app.launcher", "--self-test"], checkout, work, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"resurser: {checkout / 'resources'}" in proc.stdout
    assert _snapshot(checkout) == before
    assert list(work.iterdir()) == [], "nothing is written to the current folder either"
