"""Values checked where a project file enters the program: finite numbers, valid text, harmless source paths."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_app.errors import InputError
from compare_app.exporters import alignment_json
from compare_app.model import SourceInfo
from compare_app.project import storage
from compare_app.project.migrations import CURRICULUM, MANIFEST, PROJECT, STANDARD
from projfactory_storage import make_project
from test_project_storage_hostile import expect_input_error, members_of, zip_bytes


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "bra.cmpproj"
    storage.save(make_project(n_courses=3, items_per_course=3, n_reqs=5), path)
    return path


def rewrite(path, member: str, edit) -> None:
    """Change one member's JSON text (``edit`` gets and returns text) and drop the checksums."""
    members = members_of(path)
    members[member] = edit(members[member].decode("ascii")).encode("utf-8")
    manifest = json.loads(members[MANIFEST])
    manifest.pop("members", None)
    members[MANIFEST] = json.dumps(manifest).encode()
    path.write_bytes(zip_bytes(members))


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999"])
def test_a_score_that_is_not_a_finite_number_is_refused(good_file, number):
    def edit(text):
        doc = json.loads(text)
        doc["alignment"]["results"]["R1"]["score"] = "@@"
        return json.dumps(doc).replace('"@@"', number)

    rewrite(good_file, PROJECT, edit)
    message = expect_input_error(good_file)
    assert "score" in message or "giltigt tal" in message


def test_huge_hours_per_point_is_refused(good_file):
    rewrite(good_file, PROJECT, lambda t: t.replace('"hours_per_point":0.8', '"hours_per_point":1' + "0" * 400))
    expect_input_error(good_file, "hours_per_point")


def test_lone_surrogates_are_replaced_and_reported(good_file, tmp_path):
    rewrite(good_file, STANDARD, lambda t: t.replace('"text":"', '"text":"\\ud800', 1))
    rewrite(good_file, PROJECT, lambda t: t.replace('"note":"', '"note":"\\udfff', 1))
    loaded = storage.load(good_file)
    texts = [it.text for it in loaded.project.standard.items] + [r.note for r in loaded.project.reviews.values()]
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for t in texts for ch in t)
    assert any(t.startswith("\ufffd") for t in texts)
    assert any("surrogat" in w for w in loaded.warnings)
    out = alignment_json.write(loaded.project, tmp_path / "ut.json")
    json.loads(out.read_text(encoding="utf-8"))


def test_a_project_holding_infinity_in_memory_is_not_saved_as_invalid_json(good_file):
    loaded = storage.load(good_file)
    loaded.project.alignment.results["R1"].score = float("inf")
    before = good_file.read_bytes()
    with pytest.raises(InputError, match="inte kan sparas"):
        storage.save(loaded.project, good_file, loaded.baseline)
    assert good_file.read_bytes() == before


def with_source(path, fmt: str, stored: str) -> None:
    loaded = storage.load(path)
    loaded.project.curriculum.sources = [SourceInfo(stored, "0" * 64, fmt)]
    storage.save(loaded.project, path, loaded.baseline)


def test_a_root_folder_as_source_is_not_walked_on_open(good_file):
    with_source(good_file, "skolverket-xml-folder", "/")
    start = time.monotonic()
    loaded = storage.load(good_file)
    assert time.monotonic() - start < 5
    assert any("kontrollerades inte" in w and "/" in w for w in loaded.warnings)


@pytest.mark.parametrize("stored", ["\\\\värd.example\\delning\\kursplan.tgz", "//värd.example/delning/kursplan.tgz"])
def test_a_network_path_is_never_touched_on_open(good_file, stored, monkeypatch):
    with_source(good_file, "skolverket-xml-archive", stored)
    touched = []
    monkeypatch.setattr(storage, "_locate", lambda p, base: touched.append(p))
    loaded = storage.load(good_file)
    assert stored not in touched
    assert any("nätverksdelning" in w for w in loaded.warnings)
    assert stored not in loaded.missing_sources


def test_a_small_folder_source_is_still_checked(good_file, tmp_path):
    folder = tmp_path / "kursplaner"
    folder.mkdir()
    (folder / "a.xml").write_text("<subject/>", encoding="utf-8")
    with_source(good_file, "skolverket-xml-folder", str(folder))
    loaded = storage.load(good_file)
    assert str(folder) in loaded.changed_sources  # the stored digest was made up


def test_curriculum_member_with_nan_weight_is_refused(good_file):
    rewrite(good_file, CURRICULUM, lambda t: t.replace('"position":1', '"position":NaN', 1))
    expect_input_error(good_file)


def test_points_too_large_for_any_report_are_refused(good_file):
    """A 400-digit whole number is valid JSON and a Python int, but no report or planner can use it."""
    rewrite(good_file, CURRICULUM, lambda t: t.replace('"points":50', '"points":1' + "0" * 400, 1)
            .replace('"points":100', '"points":1' + "0" * 400, 1).replace('"points":150', '"points":1' + "0" * 400, 1))
    expect_input_error(good_file, "orimligt stort")


def _containers(value) -> int:
    if isinstance(value, dict):
        return 1 + sum(_containers(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_containers(v) for v in value)
    return 0


def _strings(value):
    """Every JSON string in ``value`` as ``json.dumps`` writes it (keys included)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield json.dumps(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield json.dumps(value)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(st.sampled_from('[]{},"\\:ab\n\u00e5'), max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(st.sampled_from('[{"\\,x'), max_size=4), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans())
def test_the_json_budget_counts_exactly_the_containers_outside_strings(value, ascii_only):
    raw = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8")
    containers, commas = storage.structure_counts(raw)
    assert containers == _containers(value)
    assert commas == json.dumps(value, separators=(",", ":")).count(",") - sum(
        s.count(",") for s in _strings(value))
