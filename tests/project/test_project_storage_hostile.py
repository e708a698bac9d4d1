"""Broken and hostile project files: always an InputError naming the file, never a crash or a hang."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from compare_app.errors import InputError
from compare_app.project import storage
from compare_app.project.migrations import FORMAT_NAME, FORMAT_VERSION, MANIFEST, PROJECT
from projfactory_storage import make_project


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "bra.cmpproj"
    storage.save(make_project(n_courses=3, items_per_course=3, n_reqs=5), path)
    return path


def zip_bytes(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def members_of(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def expect_input_error(path, *words):
    with pytest.raises(InputError) as err:
        storage.load(path)
    message = str(err.value)
    assert err.value.path == str(path)
    for word in words:
        assert word in message, message
    return message


def test_not_a_zip(tmp_path):
    path = tmp_path / "text.cmpproj"
    path.write_text("det här är ingen projektfil", encoding="utf-8")
    expect_input_error(path, "zip")


def test_sqlite_or_other_binary(tmp_path):
    path = tmp_path / "db.cmpproj"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 10)
    expect_input_error(path, "ingen projektfil")


def test_empty_file(tmp_path):
    path = tmp_path / "tom.cmpproj"
    path.write_bytes(b"")
    expect_input_error(path, "tom")


def test_missing_file_and_folder(tmp_path):
    expect_input_error(tmp_path / "finns-inte.cmpproj", "finns inte")
    expect_input_error(tmp_path, "mapp")


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_truncated_file(good_file, keep):
    data = good_file.read_bytes()
    good_file.write_bytes(data[: int(len(data) * keep)])
    expect_input_error(good_file)


def test_flipped_bytes_in_compressed_data(good_file):
    data = bytearray(good_file.read_bytes())
    middle = len(data) // 2
    data[middle: middle + 16] = bytes(16)
    good_file.write_bytes(bytes(data))
    expect_input_error(good_file, "skadad")


def test_checksum_mismatch_is_refused(good_file):
    members = members_of(good_file)
    project = json.loads(members[PROJECT])
    project["title"] = "manipulerad"
    members[PROJECT] = json.dumps(project).encode()
    good_file.write_bytes(zip_bytes(members))
    expect_input_error(good_file, "kontrollsumma", "project.json")


def test_zip_bomb_is_refused_without_unpacking(tmp_path):
    path = tmp_path / "bomb.cmpproj"
    manifest = json.dumps({"format": FORMAT_NAME, "format_version": FORMAT_VERSION}).encode()
    bomb = b"[" + b" " * (storage.MAX_MEMBER_BYTES + 10) + b"]"
    path.write_bytes(zip_bytes({MANIFEST: manifest, PROJECT: bomb, "standard.json": b"{}", "curriculum.json": b"{}"}))
    assert path.stat().st_size < 1_000_000
    expect_input_error(path, "för stor")


def test_high_ratio_member_below_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "bomb2.cmpproj"
    manifest = json.dumps({"format": FORMAT_NAME, "format_version": FORMAT_VERSION}).encode()
    bomb = b"[" + b"0," * (storage.RATIO_CHECK_FROM // 2 + 1000) + b"0]"
    path.write_bytes(zip_bytes({MANIFEST: manifest, PROJECT: bomb, "standard.json": b"{}", "curriculum.json": b"{}"}))
    expect_input_error(path, "zip-bomb")


def test_lying_size_in_zip_header_is_caught(good_file):
    """A member whose header claims fewer bytes than it holds fails its CRC check."""
    data = bytearray(good_file.read_bytes())
    with zipfile.ZipFile(good_file) as zf:
        true_size = zf.getinfo("curriculum.json").file_size
    patched = 0
    pos = data.find(b"PK\x01\x02")  # central directory entries
    while pos != -1:
        name_len = int.from_bytes(data[pos + 28: pos + 30], "little")
        if data[pos + 46: pos + 46 + name_len] == b"curriculum.json":
            data[pos + 24: pos + 28] = (true_size // 2).to_bytes(4, "little")
            patched += 1
        pos = data.find(b"PK\x01\x02", pos + 4)
    assert patched == 1
    good_file.write_bytes(bytes(data))
    expect_input_error(good_file, "skadad")


def test_future_version_says_update(good_file):
    members = members_of(good_file)
    manifest = json.loads(members[MANIFEST])
    manifest["format_version"] = FORMAT_VERSION + 7
    members[MANIFEST] = json.dumps(manifest).encode()
    good_file.write_bytes(zip_bytes(members))
    expect_input_error(good_file, "nyare version", str(FORMAT_VERSION + 7))


@pytest.mark.parametrize("version", [-1, "1", 1.0, None, True])
def test_invalid_version(good_file, version):
    members = members_of(good_file)
    manifest = json.loads(members[MANIFEST])
    manifest["format_version"] = version
    members[MANIFEST] = json.dumps(manifest).encode()
    good_file.write_bytes(zip_bytes(members))
    expect_input_error(good_file, "formatversion")


def test_other_programs_zip(tmp_path):
    path = tmp_path / "annan.cmpproj"
    path.write_bytes(zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}))
    expect_input_error(path, "ingen projektfil")
    path.write_bytes(zip_bytes({MANIFEST: json.dumps({"format": "något annat"}).encode()}))
    expect_input_error(path, "ingen projektfil")


def test_missing_member(good_file):
    members = members_of(good_file)
    del members["curriculum.json"]
    good_file.write_bytes(zip_bytes(members))
    expect_input_error(good_file, "ofullständig", "curriculum.json")


@pytest.mark.parametrize("body", [b"{", b"\xff\xfe\x00garbage", b"[" * 100_000, b"1" * 5000, b"null", b"[]", b'"text"'])
def test_member_that_is_not_our_json(good_file, body):
    members = members_of(good_file)
    members[PROJECT] = body
    manifest = json.loads(members[MANIFEST])
    del manifest["members"]
    members[MANIFEST] = json.dumps(manifest).encode()
    good_file.write_bytes(zip_bytes(members))
    expect_input_error(good_file)


@pytest.mark.parametrize(
    "mutate, where",
    [
        (lambda d: d.update(reviews=[]), "project.reviews"),
        (lambda d: d["reviews"].update(R1={"status": "kanske"}), "project.reviews['R1'].status"),
        (lambda d: d["reviews"].update(R1={"links": {"X:cc1": "nja"}}), "project.reviews['R1'].links"),
        (lambda d: d["settings"].update(top_k="fem"), "project.settings.top_k"),
        (lambda d: d["settings"].update(top_k=True), "project.settings.top_k"),
        (lambda d: d["settings"].update(hours_per_point=None), "project.settings.hours_per_point"),
        (lambda d: d["units"][0].update(requirement_ids="R1"), "project.units[0].requirement_ids"),
        (lambda d: d["alignment"]["results"]["R1"]["matches"][0].pop("item_id"), "item_id"),
        (lambda d: d.update(scope=5), "project.scope"),
    ],
)
def test_wrong_shape_names_the_place(good_file, mutate, where):
    members = members_of(good_file)
    doc = json.loads(members[PROJECT])
    mutate(doc)
    members[PROJECT] = json.dumps(doc).encode()
    manifest = json.loads(members[MANIFEST])
    del manifest["members"]
    members[MANIFEST] = json.dumps(manifest).encode()
    good_file.write_bytes(zip_bytes(members))
    expect_input_error(good_file, where)


def test_course_referring_to_missing_item(good_file):
    members = members_of(good_file)
    doc = json.loads(members["curriculum.json"])
    first = next(iter(doc["courses"]))
    doc["courses"][first]["item_refs"].append("FINNS:cc99")
    members["curriculum.json"] = json.dumps(doc).encode()
    manifest = json.loads(members[MANIFEST])
    del manifest["members"]
    members[MANIFEST] = json.dumps(manifest).encode()
    good_file.write_bytes(zip_bytes(members))
    expect_input_error(good_file, "FINNS:cc99")


def test_encrypted_member(good_file):
    data = bytearray(good_file.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos != -1:  # set the "encrypted" flag on every central directory entry
        data[pos + 8] |= 1
        pos = data.find(b"PK\x01\x02", pos + 4)
    good_file.write_bytes(bytes(data))
    expect_input_error(good_file)


def test_too_big_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "stor.cmpproj"
    path.write_bytes(b"PK" + b"\x00" * 5000)
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1000)
    expect_input_error(path, "för stor")


def test_hostile_project_id_cannot_escape_the_recovery_folder(tmp_path):
    from compare_app.project import recovery

    project = make_project(n_courses=1, items_per_course=1, n_reqs=1)
    project.id = "../../../etc/passwd"
    target = recovery.autosave(project, None)
    assert target.parent == recovery.recovery_dir()
    assert ".." not in target.name and "/" not in target.name


def test_json_that_would_build_millions_of_objects_is_refused(good_file, monkeypatch):
    members = members_of(good_file)
    members[PROJECT] = b"[" + b"[]," * 2000 + b"[]]"
    manifest = json.loads(members[MANIFEST])
    del manifest["members"]
    members[MANIFEST] = json.dumps(manifest).encode()
    good_file.write_bytes(zip_bytes(members))
    monkeypatch.setattr(storage, "MAX_JSON_CONTAINERS", 1000)
    expect_input_error(good_file, "orimligt många")
    monkeypatch.setattr(storage, "MAX_JSON_CONTAINERS", 10_000)
    monkeypatch.setattr(storage, "MAX_JSON_COMMAS", 1000)
    expect_input_error(good_file, "orimligt många")
