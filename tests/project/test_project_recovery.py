"""Autosave of unsaved work: listed after a crash, restorable, cleared by a normal save."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from compare_app.paths import user_data_dir
from compare_app.project import recovery, storage
from projfactory_storage import decisions, make_project


def small():
    return make_project(n_courses=2, items_per_course=3, n_reqs=5)


def test_recovery_dir_is_in_user_data():
    assert recovery.recovery_dir() == user_data_dir() / "recovery"


def test_autosave_then_pending_then_restore(tmp_path):
    project = small()
    original = tmp_path / "p.cmpproj"
    recovery.autosave(project, original)
    entries = recovery.pending()
    assert len(entries) == 1
    entry = entries[0]
    assert entry.project_id == project.id and entry.title == project.title
    assert entry.original_path == str(original)
    assert abs(entry.saved_at - datetime.now(timezone.utc)) < timedelta(minutes=1)
    restored = recovery.restore(entry)
    assert restored == project
    assert decisions(restored) == decisions(project)


def test_never_saved_project_has_no_original_path():
    recovery.autosave(small(), None)
    assert recovery.pending()[0].original_path is None


def test_later_autosave_replaces_earlier_one():
    project = small()
    recovery.autosave(project, None)
    project.set_note("R2", "senare ändring")
    recovery.autosave(project, None)
    entries = recovery.pending()
    assert len(entries) == 1
    assert recovery.restore(entries[0]).reviews["R2"].note == "senare ändring"


def test_normal_save_clears_recovery(tmp_path):
    project, other = small(), make_project(n_courses=1, items_per_course=1, n_reqs=1, seed=2)
    recovery.autosave(project, None)
    recovery.autosave(other, None)
    storage.save(project, tmp_path / "p.cmpproj")
    assert [e.project_id for e in recovery.pending()] == [other.id]


def test_discard_removes_entry():
    recovery.autosave(small(), None)
    entry = recovery.pending()[0]
    recovery.discard(entry)
    assert recovery.pending() == []
    recovery.discard(entry)  # twice is harmless


def test_broken_recovery_file_is_skipped_not_deleted():
    project = small()
    recovery.autosave(project, None)
    broken = recovery.recovery_dir() / f"trasig{recovery.SUFFIX}"
    broken.write_bytes(b"PK\x03\x04 halv fil")
    assert [e.project_id for e in recovery.pending()] == [project.id]
    assert broken.exists()


def test_pending_lists_newest_first(monkeypatch):
    first, second = small(), make_project(n_courses=1, items_per_course=1, n_reqs=1, seed=3)
    monkeypatch.setattr(recovery, "now_iso", lambda: "2026-03-01T09:00:00+00:00")
    recovery.autosave(second, None)
    monkeypatch.setattr(recovery, "now_iso", lambda: "2026-03-01T10:30:00+00:00")
    recovery.autosave(first, None)
    entries = recovery.pending()
    assert [e.project_id for e in entries] == [first.id, second.id]
    assert entries[0].saved_at == datetime(2026, 3, 1, 10, 30, tzinfo=timezone.utc)


def test_restore_of_a_file_damaged_after_listing_is_an_input_error():
    import pytest

    from compare_app.errors import InputError

    recovery.autosave(small(), None)
    entry = recovery.pending()[0]
    entry.path.write_bytes(entry.path.read_bytes()[:200])
    with pytest.raises(InputError):
        recovery.restore(entry)


def test_odd_project_ids_get_distinct_safe_file_names():
    ids = ["a/b", "a\\b", "\ud800", "x" * 300, "", "ÅÄÖ"]
    names = [recovery.file_for(i) for i in ids]
    assert len(set(names)) == len(ids)
    assert all(n.parent == recovery.recovery_dir() and n.name.endswith(recovery.SUFFIX) for n in names)
