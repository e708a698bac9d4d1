"""Shared fixtures. Real-data tests skip cleanly when ../shared is absent."""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "data" / "skolverket" / "gy11-syllabus-2019-11-29.tgz"
BENCH = SHARED / "bench"
CASE_DIR = SHARED / "data" / "case"
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def archive_path() -> Path:
    if not ARCHIVE.is_file():
        pytest.skip("../shared/data/skolverket archive not present")
    return ARCHIVE


@pytest.fixture(scope="session")
def real_catalog(archive_path):
    """The whole real archive, parsed once per test session."""
    from compare_app.importers import load_curriculum

    return load_curriculum(archive_path)


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    if not BENCH.is_dir():
        pytest.skip("../shared/bench not present")
    return BENCH


@pytest.fixture(scope="session")
def case_dir() -> Path:
    if not CASE_DIR.is_dir():
        pytest.skip("../shared/data/case not present")
    return CASE_DIR


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep settings, caches and recovery files of tests out of the real user folders."""
    base = tmp_path_factory.mktemp("userdirs")
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "APPDATA", "LOCALAPPDATA"):
        monkeypatch.setenv(var, str(base / var.lower()))


SUBJECT_NS = "http://syllabus2011subject.types.skolverket.se/v1_4"


def subject_xml(code: str, name: str, courses: list[tuple[str, str, int, list[str]]]) -> str:
    """A subject file in Skolverket's layout (HTML escaped inside the XML), from our own text."""
    parts = [f'<?xml version="1.0" encoding="UTF-8"?><subject xmlns="{SUBJECT_NS}"><name>{name}</name><code>{code}</code>']
    for ccode, cname, points, items in courses:
        content = "<h4>Innehåll:</h4><ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul>"
        parts.append(
            f"<courses><name>{cname}</name><code>{ccode}</code><point>{points}</point>"
            f"<centralContent>{html.escape(content)}</centralContent></courses>"
        )
    parts.append("</subject>")
    return "".join(parts)


@pytest.fixture(name="subject_xml")
def subject_xml_fixture():
    """``subject_xml(code, name, [(course code, name, points, [items])])`` -> XML text."""
    return subject_xml


@pytest.fixture
def slow_index_build(monkeypatch):
    """Building the matcher's index slowed down enough to watch its progress and cancel it (list it after
    any fixture that aligns: it forgets the index, so the next alignment builds it)."""
    import time

    from compare_app.align import index
    from compare_app.progress import Phases

    real_each = Phases.each

    def slow_each(self, phase, items):
        for item in real_each(self, phase, items):
            time.sleep(0.05)
            yield item

    monkeypatch.setattr(Phases, "each", slow_each)
    index.clear_memo()
    for f in index.cache_files.path_for(index.CACHE_KIND, "x").parent.glob(f"{index.CACHE_KIND}-*.pkl"):
        f.unlink()  # nothing to read back: the next alignment builds it
