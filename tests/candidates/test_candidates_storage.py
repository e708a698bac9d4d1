"""Candidates are saved like decisions: round trip, migration from format 1, and the name's whereabouts."""

from __future__ import annotations

import io
import json
import zipfile

from compare_app.candidates import edit
from compare_app.project import migrations, storage
from compare_app.project.recovery import autosave, pending, restore


def _project_with_candidate(project):
    cand = edit.add_candidate(project, "Åsa Öberg-Testperson")
    edit.record(project, cand, "R1", "shown", day="2026-11-30", method="observation", note="på plats")
    edit.record(project, cand, "R4", "partly_shown", method="oral")
    project.settings.credit_threshold = 0.6
    return cand


def test_candidates_survive_save_load_and_recovery(project, tmp_path):
    cand = _project_with_candidate(project)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    loaded = storage.load(path).project
    assert loaded.candidates == project.candidates and loaded.settings.credit_threshold == 0.6
    assert loaded.candidates[0].results["R1"].note == "på plats"
    autosave(project, path)
    entry = next(e for e in pending() if e.project_id == project.id)
    assert restore(entry).candidates[0].results == cand.results


def test_format_1_file_opens_without_candidates_and_is_saved_as_format_2(project, tmp_path):
    path = tmp_path / "gammal.cmpproj"
    storage.save(project, path)
    with zipfile.ZipFile(path) as zf:
        members = {name: json.loads(zf.read(name)) for name in zf.namelist()}
    members["manifest.json"]["format_version"] = 1
    members["manifest.json"].pop("members")  # checksums of the rewritten members would not match
    del members["project.json"]["candidates"]
    del members["project.json"]["settings"]["credit_threshold"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, value in members.items():
            zf.writestr(name, json.dumps(value))
    path.write_bytes(buf.getvalue())
    loaded = storage.load(path)
    assert loaded.format_version == 1 and loaded.project.candidates == []
    assert loaded.project.settings.credit_threshold == 0.75
    assert loaded.project.reviews == project.reviews
    storage.save(loaded.project, path)
    assert storage.load(path).format_version == migrations.FORMAT_VERSION == 2


def test_the_name_is_in_the_project_file_only_as_the_candidate_name(project, tmp_path):
    _project_with_candidate(project)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    with zipfile.ZipFile(path) as zf:
        manifest = zf.read("manifest.json").decode("ascii")
        body = json.loads(zf.read("project.json"))
    assert "Testperson" not in manifest  # the manifest is read for recovery lists: no names there
    assert body["candidates"][0]["name"] == "Åsa Öberg-Testperson"
