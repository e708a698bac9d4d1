"""Two people saving one project file: nobody's decisions vanish without a word.

Also: a save keeps the file's mode and a symbolic link, and the lock a killed save
left behind does not block the next one.
"""

from __future__ import annotations

import os
import random
import stat
import threading
from pathlib import Path

import pytest

from compare_app.errors import InputError
from compare_app.project import storage
from compare_app.project.merge import Conflict
from projfactory_storage import make_project

ROUNDS = 50


def small_project():
    return make_project(n_courses=4, items_per_course=4, n_reqs=24, seed=7)


@pytest.fixture
def shared(tmp_path):
    path = tmp_path / "delad.cmpproj"
    storage.save(small_project(), path)
    return path


def save_with_merge(project, path, baseline):
    """What the GUI does: save; on a conflict merge with the file and save the merged project.

    Returns ``(saved project, conflicts seen, merges made)``."""
    conflicts: list[Conflict] = []
    for merges in range(20):
        try:
            storage.save(project, path, baseline)
            return project, conflicts, merges
        except storage.SaveConflict:
            result = storage.merge_with_file(project, path, baseline)
            project, baseline = result.project, result.baseline
            conflicts += result.conflicts
    raise AssertionError("the file never stopped changing")


def test_a_changed_file_is_not_overwritten(shared):
    alice, bob = storage.load(shared), storage.load(shared)
    alice.project.set_note("R1", "Alice")
    storage.save(alice.project, shared, alice.baseline)
    bob.project.set_note("R2", "Bob")
    before = shared.read_bytes()
    with pytest.raises(storage.SaveConflict) as err:
        storage.save(bob.project, shared, bob.baseline)
    assert str(shared) in str(err.value) and "ändrats" in str(err.value)
    assert shared.read_bytes() == before
    assert storage.load(shared).project.reviews["R1"].note == "Alice"


def test_saving_twice_from_one_window_needs_no_merge(shared):
    loaded = storage.load(shared)
    loaded.project.set_note("R1", "ett")
    baseline = storage.save(loaded.project, shared, loaded.baseline)
    loaded.project.set_note("R1", "två")
    storage.save(loaded.project, shared, baseline)
    assert storage.load(shared).project.reviews["R1"].note == "två"


def test_merge_keeps_both_peoples_decisions_and_shows_clashes(shared):
    alice, bob = storage.load(shared), storage.load(shared)
    item = alice.project.curriculum.items[0].id
    alice.project.set_note("R1", "Alice om R1")
    alice.project.set_note("R3", "Alice om R3")
    alice.project.units[0].title = "Alices titel"
    storage.save(alice.project, shared, alice.baseline)
    bob.project.link("R2", item)
    bob.project.set_note("R3", "Bob om R3")
    bob.project.set_review("R4", None)
    result = storage.merge_with_file(bob.project, shared, bob.baseline)
    merged = result.project
    assert merged.reviews["R1"].note == "Alice om R1"
    assert merged.reviews["R2"].links[item] == "manual"
    assert "R4" not in merged.reviews
    assert merged.units[0].title == "Alices titel"
    assert merged.reviews["R3"].note == "Bob om R3"  # the one saving now keeps theirs …
    assert result.conflicts == [Conflict("reviews", "R3")]  # … and is told
    assert Conflict("reviews", "R1") in result.taken
    assert bob.project.reviews.get("R1") is None or bob.project.reviews["R1"].note != "Alice om R1"  # input untouched
    storage.save(merged, shared, result.baseline)
    assert storage.load(storage.backup_path(shared)).project.reviews["R3"].note == "Alice om R3"


def test_two_writers_fifty_rounds_lose_nothing(shared):
    """Two people (threads) edit and save the same file at the same time, 50 times over."""
    rng = random.Random(17)
    ids = [f"R{n}" for n in range(1, 25)]
    kept = 0
    for round_no in range(ROUNDS):
        mine = {"alice": rng.sample(ids, 4), "bob": rng.sample(ids, 4)}
        start = {who: storage.load(shared) for who in mine}
        outcome: dict[str, list[Conflict]] = {}
        errors: list[BaseException] = []
        gate = threading.Barrier(2)

        def work(who: str) -> None:
            try:
                loaded = start[who]
                for rid in mine[who]:
                    loaded.project.set_note(rid, f"{who} {round_no}")
                gate.wait()
                outcome[who] = save_with_merge(loaded.project, shared, loaded.baseline)[1]  # the clashes
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(who,)) for who in mine]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        final = storage.load(shared).project.reviews
        clashes = {c.key for conflicts in outcome.values() for c in conflicts if c.field == "reviews"}
        for who, rids in mine.items():
            for rid in rids:
                if final[rid].note == f"{who} {round_no}":
                    kept += 1
                else:  # the other person decided the same requirement: shown, not silent
                    other = "bob" if who == "alice" else "alice"
                    assert rid in mine[other] and rid in clashes, (round_no, who, rid)
    assert kept >= ROUNDS * 6


def test_save_keeps_the_file_mode(shared):
    if os.name == "nt":
        pytest.skip("POSIX permission bits")
    os.chmod(shared, 0o664)
    loaded = storage.load(shared)
    loaded.project.set_note("R1", "ändrad")
    storage.save(loaded.project, shared, loaded.baseline)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    assert stat.S_IMODE(storage.backup_path(shared).stat().st_mode) == 0o664


def test_a_new_project_file_gets_the_usual_mode(tmp_path):
    if os.name == "nt":
        pytest.skip("POSIX permission bits")
    old = os.umask(0o002)
    try:
        storage.save(small_project(), tmp_path / "ny.cmpproj")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "ny.cmpproj").stat().st_mode) == 0o664


def test_save_through_a_symlink_keeps_the_link(shared, tmp_path):
    link = tmp_path / "genväg.cmpproj"
    try:
        link.symlink_to(shared)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links not allowed here")
    loaded = storage.load(link)
    loaded.project.set_note("R1", "via länken")
    storage.save(loaded.project, link, loaded.baseline)
    assert link.is_symlink()
    assert storage.load(shared).project.reviews["R1"].note == "via länken"


def test_a_lock_left_by_a_killed_save_does_not_block(shared):
    lock = shared.with_name(f".{shared.name}.lock")
    lock.write_text(f"{storage.platform.node()} 999999999", encoding="utf-8")  # no such process
    loaded = storage.load(shared)
    storage.save(loaded.project, shared, loaded.baseline)
    assert not lock.exists()


def test_a_live_lock_makes_the_save_wait_then_say_so(shared, monkeypatch):
    lock = shared.with_name(f".{shared.name}.lock")
    lock.write_text(f"{storage.platform.node()} {os.getpid()}", encoding="utf-8")
    monkeypatch.setattr(storage, "LOCK_WAIT_SECONDS", 0.2)
    loaded = storage.load(shared)
    with pytest.raises(InputError, match="sparar projektet just nu"):
        storage.save(loaded.project, shared, loaded.baseline)
    assert lock.exists()
    lock.unlink()


def test_a_save_whose_result_would_not_load_leaves_the_old_file(shared, monkeypatch):
    loaded = storage.load(shared)
    before = shared.read_bytes()
    monkeypatch.setattr(storage, "MAX_JSON_COMMAS", 10)  # what was written can no longer be read back
    monkeypatch.setattr(storage, "MAX_JSON_CONTAINERS", 10)
    with pytest.raises(InputError, match="läsa tillbaka"):
        storage.save(loaded.project, shared, loaded.baseline)
    assert shared.read_bytes() == before
    assert [p.name for p in shared.parent.iterdir()] == [shared.name]  # no temporary file, no lock left


def test_texts_full_of_brackets_save_and_reopen(tmp_path):
    """400 requirements of 4,000 '[': far over the container budget if brackets in strings counted."""
    project = small_project()
    for n, item in enumerate(project.standard.items):
        item.text = "[" * 4000 if n % 2 else "{,}" * 1300
    for n in range(400 - len(project.standard.items)):
        project.standard.items.append(type(item)(f"X{n}", "[" * 4000, item.provenance))
    path = tmp_path / "hakar.cmpproj"
    storage.save(project, path)
    assert storage.load(path).project.standard.items[1].text == "[" * 4000


def test_json_budget_still_refuses_real_containers(tmp_path):
    raw = b"[" + b"[]," * (storage.MAX_JSON_CONTAINERS + 1) + b"[]]"
    with pytest.raises(InputError, match="orimligt många"):
        storage._check_json_budget(tmp_path / "x.cmpproj", "project.json", raw)
    storage._check_json_budget(tmp_path / "x.cmpproj", "project.json", b'["' + b"[]," * 2_000_000 + b'"]')


def test_open_then_save_as_elsewhere_needs_no_baseline(shared, tmp_path):
    loaded = storage.load(shared)
    copy = tmp_path / "kopia.cmpproj"
    storage.save(loaded.project, copy)
    assert storage.load(copy).project.id == loaded.project.id


WRITER = """
import random, sys, time
sys.path[:0] = [{repo!r}, {here!r}]
from compare_app.project import storage
from test_project_concurrency import save_with_merge

path, who, rids = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
rng = random.Random(who)
merges = 0
for n in range({rounds}):
    loaded = storage.load(path)
    for rid in rids:
        loaded.project.set_note(rid, f"{{who}} {{n}}")
    time.sleep(rng.uniform(0, 0.05))  # think a little, so the two processes overlap
    project, conflicts, made = save_with_merge(loaded.project, path, loaded.baseline)
    assert not conflicts, conflicts  # the two never decide on the same requirement
    merges += made
print("klar", merges)
"""


@pytest.mark.slow
def test_two_processes_saving_the_same_file_lose_no_update(shared, tmp_path):
    """Two programs (not threads: the lock must work between processes) save in a loop at once."""
    import subprocess
    import sys

    script = tmp_path / "writer.py"
    here = Path(__file__).resolve().parent
    rounds = 12
    script.write_text(WRITER.format(repo=str(here.parents[1]), here=str(here), rounds=rounds), encoding="utf-8")
    halves = {"alice": [f"R{n}" for n in range(1, 13)], "bob": [f"R{n}" for n in range(13, 25)]}
    procs = [subprocess.Popen([sys.executable, str(script), str(shared), who, ",".join(rids)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for who, rids in halves.items()]
    merges = 0
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0 and "klar" in out, out
        merges += int(out.split()[-1])
    assert merges >= 1  # the two really did save over each other's changes
    final = storage.load(shared).project.reviews
    for who, rids in halves.items():
        assert {final[rid].note for rid in rids} == {f"{who} {rounds - 1}"}
