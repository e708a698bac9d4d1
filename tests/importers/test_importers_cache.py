"""A curriculum source is parsed once and read back from the cache, never stale."""

from __future__ import annotations

import shutil

import pytest

from compare_app import cache_files
from compare_app.importers import cache, load_curriculum


@pytest.fixture
def source(tmp_path, subject_xml):
    folder = tmp_path / "kursplaner"
    folder.mkdir()
    (folder / "Svetsning.xml").write_text(
        subject_xml("SVE", "Svetsning", [("SVESVE01", "Svets 1", 100, ["Svetsning med MAG-metoden i plåt."])]),
        encoding="utf-8")
    return folder


def _parses(monkeypatch) -> list[str]:
    """Names of the sources the XML importer actually parses from now on."""
    from compare_app.importers import skolverket_xml

    seen: list[str] = []
    real = skolverket_xml.read

    def counting(path, progress=None):
        seen.append(path.name)
        return real(path, progress)

    monkeypatch.setattr(skolverket_xml, "read", counting)
    return seen


def test_second_read_comes_from_the_cache(source, monkeypatch):
    parses = _parses(monkeypatch)
    first = load_curriculum(source)
    second = load_curriculum(source)
    assert parses == ["kursplaner"]
    assert second is not first  # a fresh copy: a caller changing it cannot touch the next one
    assert [it.text for it in second.items] == [it.text for it in first.items] == ["Svetsning med MAG-metoden i plåt."]
    assert second.sources[0].sha256 == first.sources[0].sha256


def test_a_changed_source_is_parsed_again(source, subject_xml, monkeypatch):
    parses = _parses(monkeypatch)
    load_curriculum(source)
    (source / "Svetsning.xml").write_text(
        subject_xml("SVE", "Svetsning", [("SVESVE01", "Svets 1", 100, ["Svetsning med TIG-metoden i rör."])]),
        encoding="utf-8")
    changed = load_curriculum(source)
    assert parses == ["kursplaner", "kursplaner"]
    assert [it.text for it in changed.items] == ["Svetsning med TIG-metoden i rör."]


def test_a_file_added_to_a_folder_is_seen(source, subject_xml):
    load_curriculum(source)
    (source / "Bageri.xml").write_text(
        subject_xml("BAG", "Bageri", [("BAGBRÖ01", "Bröd 1", 100, ["Degberedning med surdeg."])]), encoding="utf-8")
    assert set(load_curriculum(source).courses) == {"SVESVE01", "BAGBRÖ01"}


def test_moved_source_keeps_its_parse_but_names_its_new_place(source, tmp_path, monkeypatch):
    load_curriculum(source)
    moved = tmp_path / "annan" / "kursplaner"
    shutil.copytree(source, moved)
    parses = _parses(monkeypatch)
    fw = load_curriculum(moved)
    assert parses == []
    assert [s.path for s in fw.sources] == [str(moved)]


def test_damaged_cache_file_is_parsed_again(source, monkeypatch):
    load_curriculum(source)
    (damaged,) = cache_files.path_for("framework", "x").parent.glob("framework-*.pkl")
    damaged.write_bytes(b"not a pickle")
    parses = _parses(monkeypatch)
    assert [it.text for it in load_curriculum(source).items] == ["Svetsning med MAG-metoden i plåt."]
    assert parses == ["kursplaner"]


def test_a_missing_source_is_still_a_clear_error(tmp_path):
    from compare_app.errors import InputError

    with pytest.raises(InputError, match="finns inte"):
        load_curriculum(tmp_path / "saknas.tgz")


def test_key_follows_content_and_name(source, tmp_path):
    key = cache.source_key(source)
    assert key == cache.source_key(source)
    (source / "Svetsning.xml").write_text((source / "Svetsning.xml").read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert cache.source_key(source) != key
    assert cache.source_key(tmp_path / "saknas.xml") is None


def test_real_archive_read_back_equals_the_parse(archive_path, monkeypatch):
    parsed = load_curriculum(archive_path)
    parses = _parses(monkeypatch)
    again = load_curriculum(archive_path)
    assert parses == []
    assert len(again.items) == len(parsed.items) > 10_000
    assert [(it.id, it.text, it.section, it.course) for it in again.items] == [
        (it.id, it.text, it.section, it.course) for it in parsed.items]
    assert {k: p.course_codes for k, p in again.packages.items()} == {k: p.course_codes for k, p in parsed.packages.items()}


def test_no_cache_folder_only_costs_speed(source, monkeypatch):
    def locked():
        raise PermissionError("åtkomst nekad")

    monkeypatch.setattr(cache_files, "user_cache_dir", locked)
    parses = _parses(monkeypatch)
    assert len(load_curriculum(source).items) == len(load_curriculum(source).items) == 1
    assert parses == ["kursplaner", "kursplaner"]
