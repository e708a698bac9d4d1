"""Faults during saving: a killed process, a full disk, a failing rename. The old file always survives."""

from __future__ import annotations

import errno
import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from compare_app.errors import InputError
from compare_app.project import storage
from projfactory_storage import make_project

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
N_REQS = 120

CHILD = textwrap.dedent(
    """
    import os, sys, time
    sys.path[:0] = [{repo!r}, {here!r}]
    from compare_app.project import storage
    from projfactory_storage import make_project

    # A slow disk: small chunks with a pause each, so most kills land while a file is being written.
    real_write = os.write
    def slow_write(fd, data):
        time.sleep(0.004)
        return real_write(fd, data)
    os.write = slow_write
    storage._CHUNK = 32 * 1024

    path = sys.argv[1]
    project = make_project(n_courses=300, items_per_course=25, n_reqs={n_reqs}, seed=5)
    n = 0
    while True:
        n += 1
        project.set_note("R1", f"spara {{n}}")
        project.set_note(f"R{{n % {n_reqs} + 1}}", f"ändring {{n}}")
        print("start", n, flush=True)
        t = time.perf_counter()
        storage.save(project, path)
        print("done", n, time.perf_counter() - t, flush=True)
    """
)


def expected_notes(n: int) -> dict[str, str]:
    """The notes the child's project holds after its ``n``-th edit round."""
    project = make_project(n_courses=300, items_per_course=25, n_reqs=N_REQS, seed=5)
    notes = {rid: r.note for rid, r in project.reviews.items()}
    for k in range(1, n + 1):
        notes["R1"] = f"spara {k}"
        notes[f"R{k % N_REQS + 1}"] = f"ändring {k}"
    return notes


def saved_round(path: Path) -> int:
    note = storage.load(path).project.reviews["R1"].note
    assert note.startswith("spara ")
    return int(note.split()[1])


@pytest.mark.slow
def test_killing_the_process_during_save_keeps_the_last_completed_save(tmp_path):
    path = tmp_path / "granskning.cmpproj"
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(repo=str(REPO), here=str(HERE), n_reqs=N_REQS), encoding="utf-8")
    rng = random.Random(20261124)
    killed_mid_write = 0
    for _round in range(5):
        temps_before = {p for p in tmp_path.iterdir() if p.suffix == ".tmp"}
        child = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True,
                                 encoding="utf-8", env=os.environ.copy())
        last_done, save_seconds, target = 0, 0.2, rng.randint(2, 4)
        try:
            for line in child.stdout:
                word, n, *rest = line.split()
                if word == "done":
                    last_done, save_seconds = int(n), float(rest[0])
                elif word == "start" and int(n) > target:
                    time.sleep(rng.uniform(0, save_seconds * 1.2))
                    break
        finally:
            child.kill()
            child.wait(timeout=30)
        assert last_done >= target
        killed_mid_write += bool({p for p in tmp_path.iterdir() if p.suffix == ".tmp"} - temps_before)
        got = saved_round(path)
        assert got in (last_done, last_done + 1)  # the kill may land just after a save completed
        notes = {rid: r.note for rid, r in storage.load(path).project.reviews.items()}
        assert notes == expected_notes(got)
        # the backup is always a complete save: the one before, or the same one when the kill
        # landed between replacing the backup and replacing the file
        bak = storage.backup_path(path)
        bak_round = saved_round(bak)
        assert bak_round in (got - 1, got)
        assert {rid: r.note for rid, r in storage.load(bak).project.reviews.items()} == expected_notes(bak_round)
    assert killed_mid_write >= 1, "no kill landed while a file was being written"


def full_disk_after(nbytes_ok: int):
    """A replacement for os.write that writes ``nbytes_ok`` bytes, then fails with ENOSPC."""
    real_write = os.write
    budget = {"left": nbytes_ok}

    def write(fd, data):
        if budget["left"] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, bytes(data[: budget["left"]]))
        budget["left"] -= n
        return n

    return write


@pytest.fixture
def saved(tmp_path):
    project = make_project(n_courses=20, items_per_course=10, n_reqs=30)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    project.set_note("R1", "första")
    storage.save(project, path)
    project.set_note("R1", "osparad ändring")
    return project, path


def assert_untouched(path, before, bak_before):
    assert path.read_bytes() == before
    assert storage.backup_path(path).read_bytes() == bak_before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name, storage.backup_path(path).name]
    assert storage.load(path).project.reviews["R1"].note == "första"


def test_full_disk_mid_write_leaves_old_file_and_says_so(saved, monkeypatch):
    project, path = saved
    before, bak_before = path.read_bytes(), storage.backup_path(path).read_bytes()
    monkeypatch.setattr(os, "write", full_disk_after(len(before) // 3))
    with pytest.raises(InputError) as err:
        storage.save(project, path)
    monkeypatch.undo()
    assert "disken är full" in str(err.value) and str(path) in str(err.value)
    assert_untouched(path, before, bak_before)


def test_full_disk_while_writing_backup(saved, monkeypatch):
    project, path = saved
    before, bak_before = path.read_bytes(), storage.backup_path(path).read_bytes()
    new_size = len(storage.to_bytes(project))
    monkeypatch.setattr(os, "write", full_disk_after(new_size + 100))  # the new file fits, its backup does not
    with pytest.raises(InputError) as err:
        storage.save(project, path)
    monkeypatch.undo()
    assert "disken är full" in str(err.value)
    assert_untouched(path, before, bak_before)


def test_fsync_failure_leaves_old_file(saved, monkeypatch):
    project, path = saved
    before, bak_before = path.read_bytes(), storage.backup_path(path).read_bytes()

    def failing_fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(InputError, match="kunde inte sparas"):
        storage.save(project, path)
    monkeypatch.undo()
    assert_untouched(path, before, bak_before)


def test_short_write_is_caught_by_reading_back(saved, monkeypatch):
    """A write that reports success but stores less (a flaky network drive) is noticed before replacing."""
    project, path = saved
    before, bak_before = path.read_bytes(), storage.backup_path(path).read_bytes()
    real_write = os.write

    def lying_write(fd, data):
        real_write(fd, bytes(data[: len(data) // 2]))
        return len(data)

    monkeypatch.setattr(os, "write", lying_write)
    with pytest.raises(InputError, match="inte detsamma"):
        storage.save(project, path)
    monkeypatch.undo()
    assert_untouched(path, before, bak_before)


def test_failing_rename_leaves_old_file(saved, monkeypatch):
    project, path = saved
    before, bak_before = path.read_bytes(), storage.backup_path(path).read_bytes()
    real_replace = os.replace

    def locked(src, dst):
        if Path(dst) == path:
            raise PermissionError(errno.EACCES, "used by another process")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(storage.time, "sleep", lambda s: None)
    with pytest.raises(InputError, match="öppen i ett annat program"):
        storage.save(project, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert storage.load(path).project.reviews["R1"].note == "första"
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


def test_stale_temp_files_from_a_killed_save_are_cleaned_up(saved):
    project, path = saved
    stale = path.parent / f".{path.name}.abc123.tmp"
    stale.write_bytes(b"half a save")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = path.parent / f".{path.name}.def456.tmp"
    fresh.write_bytes(b"another instance saving right now")
    storage.save(project, path)
    assert not stale.exists()
    assert fresh.exists()
