"""Files of every earlier format version open; the chain of migrations is complete."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from compare_app.errors import InputError
from compare_app.project import migrations, storage
from compare_app.project.serialize import encode, encode_fields
from projfactory_storage import decisions, make_project


def version0_file(path, project):
    """A hand-built file in the version-0 layout described in migrations.py and docs/project-format.md."""
    doc = encode_fields(project, exclude=("standard", "curriculum"))
    doc["format_version"] = 0
    doc["standard"] = encode(project.standard)
    doc["curriculum"] = encode(project.curriculum)  # v0 kept course items in full
    doc["scope"] = project.scope.package
    doc["reviews"] = [{"requirement": rid, **encode(review)} for rid, review in project.reviews.items()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.json", json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    path.write_bytes(buf.getvalue())


def test_every_earlier_version_has_a_migration():
    registered = migrations.registered()
    assert sorted(registered) == list(range(migrations.FORMAT_VERSION))
    assert sorted(migrations.MEMBERS) == list(range(migrations.FORMAT_VERSION + 1))


def test_version0_file_opens_with_all_decisions(tmp_path):
    project = make_project(n_courses=3, items_per_course=4, n_reqs=8)
    path = tmp_path / "gammal.cmpproj"
    version0_file(path, project)
    loaded = storage.load(path)
    assert loaded.format_version == 0
    assert loaded.project == project
    assert decisions(loaded.project) == decisions(project)
    assert any("formatversion 0" in w for w in loaded.warnings)


def test_version0_file_is_written_as_current_version_on_save(tmp_path):
    project = make_project(n_courses=2, items_per_course=2, n_reqs=3)
    path = tmp_path / "gammal.cmpproj"
    version0_file(path, project)
    storage.save(storage.load(path).project, path)
    assert storage.load(path).format_version == migrations.FORMAT_VERSION
    assert storage.load(storage.backup_path(path)).format_version == 0  # the old file is kept as is


def test_version0_with_broken_reviews_is_an_input_error(tmp_path):
    project = make_project(n_courses=1, items_per_course=2, n_reqs=2)
    path = tmp_path / "trasig.cmpproj"
    version0_file(path, project)
    with zipfile.ZipFile(path) as zf:
        doc = json.loads(zf.read("project.json"))
    doc["reviews"] = [{"note": "saknar krav-id"}]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.json", json.dumps(doc))
    with pytest.raises(InputError, match="kunde inte uppgraderas"):
        storage.load(path)


def test_zip_with_project_json_of_unknown_origin_is_not_taken_for_version0(tmp_path):
    path = tmp_path / "annan.cmpproj"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.json", json.dumps({"name": "någon annans projekt"}))
    with pytest.raises(InputError, match="ingen projektfil"):
        storage.load(path)


def test_migrations_run_in_order(monkeypatch):
    """With a pretend version 2, a version-0 document passes through both steps in order."""
    seen = []
    monkeypatch.setattr(migrations, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrations, "_MIGRATIONS", {
        0: lambda d: seen.append(0) or {**d, "v": 1},
        1: lambda d: seen.append(1) or {**d, "v": d["v"] + 1},
    })
    assert migrations.migrate({}, 0) == {"v": 2}
    assert seen == [0, 1]
    assert migrations.migrate({"v": 9}, 2) == {"v": 9}


def test_a_gap_in_the_chain_is_reported(monkeypatch):
    monkeypatch.setattr(migrations, "FORMAT_VERSION", 3)
    monkeypatch.setattr(migrations, "_MIGRATIONS", {0: lambda d: d, 2: lambda d: d})
    with pytest.raises(migrations.MigrationError, match="1"):
        migrations.migrate({}, 0)


def test_registering_two_migrations_from_one_version_is_refused():
    with pytest.raises(ValueError):
        migrations.migration(0)(lambda d: d)
