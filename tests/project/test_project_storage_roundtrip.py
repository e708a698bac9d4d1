"""Saving and reopening keeps everything in a project; backups, sources and read-only files."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile

import pytest

from compare_app.errors import InputError
from compare_app.model import SourceInfo, sha256_bytes
from compare_app.project import storage
from compare_app.project.migrations import CURRICULUM, FORMAT_VERSION, MANIFEST, PROJECT, STANDARD
from projfactory_storage import decisions, make_project


def rewrite_member(path, name, mutate):
    """Rewrite one JSON member of a project file (and drop checksums so the edit is not refused)."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    doc = json.loads(members[name])
    mutate(doc)
    members[name] = json.dumps(doc).encode()
    manifest = json.loads(members[MANIFEST])
    manifest.pop("members", None)
    if name != MANIFEST:
        members[MANIFEST] = json.dumps(manifest).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, b in members.items():
            zf.writestr(n, b)
    path.write_bytes(buf.getvalue())


def test_roundtrip_keeps_every_field(tmp_path):
    project = make_project()
    path = tmp_path / "granskning.cmpproj"
    storage.save(project, path)
    loaded = storage.load(path)
    assert loaded.project == project
    assert loaded.project is not project
    assert decisions(loaded.project) == decisions(project)
    assert loaded.project.id == project.id and loaded.project.essential == project.essential
    assert loaded.read_only is False
    assert loaded.format_version == FORMAT_VERSION
    # the reopened project shows what the person saw: proposals with their evidence
    rid = project.standard.items[1].id
    assert loaded.project.alignment.results[rid].matches[0].reason == project.alignment.results[rid].matches[0].reason
    assert [e.status for e in loaded.project.all_effective()] == [e.status for e in project.all_effective()]


def test_course_items_are_the_frameworks_own_items_after_load(tmp_path):
    project = make_project(n_courses=3, items_per_course=4)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    cur = storage.load(path).project.curriculum
    for course in cur.courses.values():
        for item in course.items:
            assert cur.item(item.id) is item
    with zipfile.ZipFile(path) as zf:
        stored = json.loads(zf.read(CURRICULUM))
    assert all("items" not in c and c["item_refs"] for c in stored["courses"].values())


def test_course_with_items_outside_the_framework_is_stored_in_full(tmp_path):
    project = make_project(n_courses=2, items_per_course=3)
    course = next(iter(project.curriculum.courses.values()))
    course.items = [type(course.items[0])(**{**course.items[0].__dict__, "text": "egen kopia"})]
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    loaded = storage.load(path).project
    assert loaded.curriculum.courses[course.code].items[0].text == "egen kopia"
    assert loaded == project


def test_project_without_alignment_or_reviews(tmp_path):
    project = make_project(n_courses=1, items_per_course=1, n_reqs=1)
    project.alignment, project.reviews, project.units = None, {}, []
    path = tmp_path / "tom.cmpproj"
    storage.save(project, path)
    assert storage.load(path).project == project


def test_second_save_keeps_previous_file_as_backup(tmp_path):
    project = make_project(n_courses=2, items_per_course=2, n_reqs=4)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    first = path.read_bytes()
    assert not storage.backup_path(path).exists()
    project.set_note("R1", "ändrad")
    storage.save(project, path)
    assert storage.backup_path(path).read_bytes() == first
    assert storage.backup_path(path).name == "p.cmpproj.bak"
    assert storage.load(path).project.reviews["R1"].note == "ändrad"
    assert storage.load(storage.backup_path(path)).project.reviews["R1"].note != "ändrad"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.cmpproj", "p.cmpproj.bak"]


def test_unknown_fields_are_ignored_with_a_warning(tmp_path):
    project = make_project(n_courses=2, items_per_course=2, n_reqs=3)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)

    def add_future_fields(doc):
        doc["future_setting"] = 1
        for item in doc["items"]:
            item["colour"] = "röd"

    rewrite_member(path, STANDARD, add_future_fields)
    rewrite_member(path, PROJECT, lambda d: d.update(future_setting=[1, 2]))
    loaded = storage.load(path)
    assert loaded.project == project
    text = "\n".join(loaded.warnings)
    assert "'colour' i Item" in text and "3 gånger" in text
    assert "'future_setting' i Framework" in text and "'future_setting' i Project" in text


def test_missing_fields_with_defaults_take_the_defaults(tmp_path):
    project = make_project(n_courses=2, items_per_course=2, n_reqs=3)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)

    def drop_optional(doc):
        for key in ("units", "essential", "settings"):
            del doc[key]

    rewrite_member(path, PROJECT, drop_optional)
    rewrite_member(path, STANDARD, lambda d: [item.pop("level") for item in d["items"]])
    loaded = storage.load(path).project
    assert loaded.units == [] and loaded.essential == []
    assert loaded.settings.hours_per_point == 1.0
    assert all(r.level is None for r in loaded.standard.items)
    assert loaded.reviews == project.reviews


def test_missing_required_field_names_where(tmp_path):
    project = make_project(n_courses=2, items_per_course=2, n_reqs=3)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    rewrite_member(path, STANDARD, lambda d: d["items"][1].pop("text"))
    with pytest.raises(InputError) as err:
        storage.load(path)
    assert "standard.items[1]" in str(err.value) and "'text'" in str(err.value)
    assert str(path) in str(err.value)


def test_changed_and_missing_sources_are_reported(tmp_path):
    src_same = tmp_path / "standard.csv"
    src_same.write_bytes(b"id;text\nR1;svetsa\n")
    src_changed = tmp_path / "katalog.xml"
    src_changed.write_bytes(b"<a/>")
    project = make_project(n_courses=2, items_per_course=2, n_reqs=3)
    project.standard.sources = [SourceInfo(str(src_same), sha256_bytes(src_same.read_bytes()), "csv")]
    project.curriculum.sources = [
        SourceInfo(str(src_changed), sha256_bytes(b"<a/>"), "skolverket-xml"),
        SourceInfo(str(tmp_path / "borta.tgz"), "2" * 64, "skolverket-xml-archive"),
    ]
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    assert storage.load(path).changed_sources == []
    src_changed.write_bytes(b"<b/>")
    loaded = storage.load(path)
    assert loaded.changed_sources == [str(src_changed)]
    assert loaded.missing_sources == [str(tmp_path / "borta.tgz")]
    assert loaded.project == project  # embedded content opens regardless


def test_relative_source_is_found_beside_the_project(tmp_path, monkeypatch):
    (tmp_path / "std.csv").write_bytes(b"x")
    project = make_project(n_courses=1, items_per_course=1, n_reqs=1)
    project.standard.sources = [SourceInfo("std.csv", sha256_bytes(b"y"), "csv")]
    project.curriculum.sources = []
    storage.save(project, tmp_path / "p.cmpproj")
    monkeypatch.chdir(tmp_path.parent)
    loaded = storage.load(tmp_path / "p.cmpproj")
    assert loaded.changed_sources == ["std.csv"] and loaded.missing_sources == []


def test_source_path_to_a_device_is_not_read(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    project = make_project(n_courses=1, items_per_course=1, n_reqs=1)
    project.standard.sources = [SourceInfo("/dev/zero", "3" * 64, "csv")]
    project.curriculum.sources = []
    storage.save(project, tmp_path / "p.cmpproj")
    loaded = storage.load(tmp_path / "p.cmpproj")  # would never return if it hashed /dev/zero
    assert loaded.changed_sources == [] and loaded.missing_sources == []


def read_only(path):
    path.chmod(stat.S_IREAD)


def test_read_only_file_opens_read_only_and_refuses_save(tmp_path):
    project = make_project(n_courses=2, items_per_course=2, n_reqs=3)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    before = path.read_bytes()
    read_only(path)
    try:
        loaded = storage.load(path)
        assert loaded.read_only is True
        assert any("skrivskydd" in w for w in loaded.warnings)
        project.set_note("R1", "ny")
        with pytest.raises(InputError) as err:
            storage.save(project, path)
        assert "skrivskydd" in str(err.value) and str(path) in str(err.value)
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p.cmpproj"]
    finally:
        path.chmod(stat.S_IREAD | stat.S_IWRITE)


def test_save_over_a_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="mapp"):
        storage.save(make_project(n_courses=1, items_per_course=1, n_reqs=1), tmp_path)


def test_save_into_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as err:
        storage.save(make_project(n_courses=1, items_per_course=1, n_reqs=1), tmp_path / "saknas" / "p.cmpproj")
    assert "saknas" in str(err.value)


@pytest.mark.real_data
def test_whole_real_catalog_roundtrip(tmp_path, real_catalog):
    project = make_project(n_courses=1, items_per_course=1, n_reqs=40)
    project.curriculum = real_catalog
    project.scope.package = None
    path = tmp_path / "hela.cmpproj"
    storage.save(project, path)
    loaded = storage.load(path)
    assert loaded.project.curriculum == real_catalog
    assert loaded.project.reviews == project.reviews
    assert loaded.changed_sources == []  # the archive on disk is the one embedded
    assert loaded.missing_sources == ["standard.xlsx"]  # the synthetic standard has no file
    assert len(loaded.project.curriculum.items) == len(real_catalog.items)


def test_changed_file_inside_a_curriculum_folder_is_reported(tmp_path):
    """A curriculum read from a folder of XML files: the stored digest matches the importer's."""
    import shutil

    from compare_app.importers import load_curriculum
    from compare_app.paths import samples_dir

    source = samples_dir() / "kursplaner"
    if not source.is_dir() or not list(source.rglob("*.xml")):
        pytest.skip("bundled sample curriculum folder not present")
    folder = tmp_path / "kursplaner"
    shutil.copytree(source, folder)
    project = make_project(n_courses=1, items_per_course=1, n_reqs=2)
    project.curriculum = load_curriculum(folder)
    project.standard.sources = []
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    assert storage.load(path).changed_sources == []
    first_xml = sorted(folder.rglob("*.xml"))[0]
    first_xml.write_bytes(first_xml.read_bytes() + "\n<!-- ändrad -->\n".encode())
    assert storage.load(path).changed_sources == [str(folder)]


def test_parts_that_do_not_fit_together_give_warnings(tmp_path):
    project = make_project(n_courses=2, items_per_course=2, n_reqs=3)
    path = tmp_path / "p.cmpproj"
    storage.save(project, path)
    assert storage.load(path).warnings == []

    def break_links(doc):
        doc["scope"]["package"] = "Borttaget paket"
        doc["reviews"]["R99"] = {"note": "krav som tagits bort"}

    rewrite_member(path, PROJECT, break_links)
    warnings = storage.load(path).warnings
    assert any("Borttaget paket" in w for w in warnings)
    assert any("'R99'" in w for w in warnings)
