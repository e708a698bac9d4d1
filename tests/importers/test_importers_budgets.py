"""Budgets for what is skipped as well as what is read: small hostile files are refused fast,
and odd but honest shapes (deep CASE trees, long id chains) import in linear time.

The sizes here are a fraction of the hostile inputs in benchmarks/hostile_inputs.py (which
also measures time and memory); each test would hang or blow up memory without its budget.
"""

from __future__ import annotations

import io
import json
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from compare_app.errors import InputError
from compare_app.importers import _safe, load_curriculum, load_standard
from compare_app.importers import case_json as case_in
from compare_app.importers import review_xlsx
from compare_app.paths import samples_dir

SAMPLES = samples_dir()
SUBJECT = (SAMPLES / "kursplaner" / "subject" / "Materialkunskap.xml").read_bytes()


def replace_part(source: Path, part: str, data: bytes, target: Path) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        for name in names:
            zout.writestr(name, data if name == part else zin.read(name))
        if part not in names:
            zout.writestr(part, data)
    return target


def timed(call):
    start = time.monotonic()
    try:
        return call(), time.monotonic() - start
    except InputError as exc:
        return exc, time.monotonic() - start


# --------------------------------------------------------------------------- Office files


def test_shared_strings_with_millions_of_items_are_refused_fast(tmp_path):
    """Random texts keep the compression ratio honest, so only the element budget can catch it."""
    import base64
    import os

    texts = base64.b64encode(os.urandom(6 * 1_300_000))
    items = b"".join(b"<si><t>" + texts[k:k + 8] + b"</t></si>" for k in range(0, len(texts), 8))
    body = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + items + b"</sst>"
    path = replace_part(SAMPLES / "standard_svetsare.xlsx", "xl/sharedStrings.xml", body, tmp_path / "si.xlsx")
    result, seconds = timed(lambda: load_standard(path))
    assert isinstance(result, InputError) and "orimligt många element" in str(result) and str(path) in str(result)
    assert seconds < 5


def test_returned_review_goes_through_the_same_budget(tmp_path):
    rows = b"<row/>" * 6_000_000
    body = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows
            + b"</sheetData></worksheet>")
    path = replace_part(SAMPLES / "standard_svetsare.xlsx", "xl/worksheets/sheet1.xml", body, tmp_path / "granskning.xlsx")
    result, seconds = timed(lambda: review_xlsx.diff(object(), path))
    assert isinstance(result, InputError) and "zip-bomb" in str(result)  # it used to bypass every archive check
    assert seconds < 5


def test_review_of_a_non_zip_is_an_input_error(tmp_path):
    path = tmp_path / "granskning.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 2000)
    with pytest.raises(InputError):
        review_xlsx.diff(object(), path)


def test_a_dimension_claiming_the_whole_sheet_does_not_pad_rows(tmp_path):
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<dimension ref="A1:XFD1048576"/><sheetData>'
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>Krav</t></is></c></row>'
             b'<row r="2"><c r="A2" t="inlineStr"><is><t>Kan svetsa</t></is></c></row>'
             b"</sheetData></worksheet>")
    path = replace_part(SAMPLES / "standard_svetsare.xlsx", "xl/worksheets/sheet1.xml", sheet, tmp_path / "dim.xlsx")
    result, seconds = timed(lambda: load_standard(path))
    assert not isinstance(result, InputError), result
    assert [it.text for it in result.items] == ["Kan svetsa"]
    assert seconds < 10


def test_hidden_rows_are_found_across_chunk_boundaries():
    rows: set[int] = set()
    text = b'<row r="1"><c/></row><row r="2" hidden="1">'
    tail = _safe._hidden_rows(text[:30], rows)
    _safe._hidden_rows(tail + text[30:], rows)
    assert rows == {2}


# --------------------------------------------------------------------------- archives


def raw_tar(members: list[tuple[str, int, bytes]]) -> bytes:
    """Uncompressed tar bytes; a member whose data is shorter than its declared size is cut
    there (a header claiming 200 GB costs nothing to write)."""
    out = b""
    for name, size, data in members:
        info = tarfile.TarInfo(name)
        info.size = size
        out += info.tobuf(format=tarfile.GNU_FORMAT) + data + bytes(-len(data) % 512)
    return out + bytes(1024)


def tar_bytes(members: list[tuple[str, bytes]], mode: str) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tf:
        for name, content in members:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tf.addfile(info, io.BytesIO(content))
    return buf.getvalue()


def test_a_skipped_member_counts_against_the_total_before_it_is_decompressed(tmp_path):
    import gzip

    path = tmp_path / "kursplaner.tgz"
    raw = raw_tar([("subject/a.xml", len(SUBJECT), SUBJECT), ("stor.bin", 200 * 2**30, b"\0" * 4096)])
    path.write_bytes(gzip.compress(raw))
    result, seconds = timed(lambda: load_curriculum(path))
    assert isinstance(result, InputError) and "stor.bin" in str(result) and "total storlek" in str(result)
    assert seconds < 2


def test_an_archive_must_be_compressed_as_its_name_says(tmp_path):
    path = tmp_path / "kursplaner.tgz"
    path.write_bytes(tar_bytes([("subject/a.xml", SUBJECT)], "w:bz2"))
    with pytest.raises(InputError, match="inte komprimerat som filnamnet"):
        load_curriculum(path)


def test_archive_members_are_parsed_one_at_a_time(tmp_path, monkeypatch):
    from compare_app.importers import skolverket_xml

    path = tmp_path / "kursplaner.tgz"
    path.write_bytes(tar_bytes([(f"subject/s{n}.xml", SUBJECT.replace(b"MAT", f"M{n}T".encode())) for n in range(4)], "w:gz"))
    live: list[int] = []
    real = skolverket_xml._add_document

    def counting(fw, data, name, origin, *rest):
        import gc

        gc.collect()
        live.append(sum(1 for o in gc.get_objects() if isinstance(o, bytes) and len(o) == len(SUBJECT)))
        return real(fw, data, name, origin, *rest)

    monkeypatch.setattr(skolverket_xml, "_add_document", counting)
    load_curriculum(path)
    assert len(live) == 4 and max(live) <= 2  # never all four members at once


def test_an_xml_document_with_millions_of_elements_is_refused_before_parsing(tmp_path):
    path = tmp_path / "x.xml"
    path.write_bytes(b"<subject>" + b"<x/>" * 1_200_000 + b"</subject>")
    result, seconds = timed(lambda: load_curriculum(path))
    assert isinstance(result, InputError) and "orimligt många element" in str(result)
    assert seconds < 2


# --------------------------------------------------------------------------- CASE


def case_package(items: list[dict], associations: list[dict]) -> dict:
    return {"CFDocument": {"identifier": "doc", "title": "T"}, "CFItems": items, "CFAssociations": associations}


def child(a: str, b: str) -> dict:
    return {"associationType": "isChildOf", "originNodeURI": {"identifier": a}, "destinationNodeURI": {"identifier": b}}


def write_case(tmp_path: Path, pkg: dict) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(pkg), encoding="utf-8")
    return path


def test_codes_chained_through_identifiers_import_in_linear_time(tmp_path):
    n = 8000
    items = [{"identifier": f"i{k}", "humanCodingScheme": f"i{k + 1}", "fullStatement": f"Krav {k}"} for k in range(n)]
    path = write_case(tmp_path, case_package(items, [child(f"i{k}", "doc") for k in range(n)]))
    fw, seconds = timed(lambda: case_in.read(path))
    assert len({it.id for it in fw.items}) == n
    assert fw.items[-1].id == f"i{n}"  # the last code is no one's identifier: kept
    assert seconds < 5


def test_a_deep_chain_of_groups_keeps_sections_short(tmp_path):
    depth = 8000
    items = [{"identifier": f"g{k}", "fullStatement": f"Grupp {k}"} for k in range(depth)]
    items += [{"identifier": f"r{k}", "fullStatement": f"Krav {k}"} for k in range(depth)]
    links = [child("g0", "doc")] + [child(f"g{k}", f"g{k - 1}") for k in range(1, depth)]
    links += [child(f"r{k}", f"g{k}") for k in range(depth)]
    path = write_case(tmp_path, case_package(items, links))
    fw, seconds = timed(lambda: case_in.read(path))
    assert len(fw.items) == depth and seconds < 5
    deepest = next(it for it in fw.items if it.id == f"r{depth - 1}")
    assert deepest.area == "Grupp 0"
    assert deepest.section.startswith("Grupp 1 › Grupp 2 › …") and deepest.section.endswith(f"Grupp {depth - 1}")
    assert max(len(it.section) for it in fw.items) < 200
    assert any("kortades" in w for w in fw.warnings)


def test_more_requirements_than_a_standard_has_are_refused(tmp_path):
    items = [{"identifier": f"i{k}", "fullStatement": f"Krav {k}"} for k in range(10_001)]
    path = write_case(tmp_path, case_package(items, []))
    with pytest.raises(InputError, match="fler än 10 000 krav"):
        case_in.read(path)


def test_far_too_many_items_are_refused_before_building_anything(tmp_path):
    items = [{"identifier": f"i{k}"} for k in range(case_in.MAX_NODES + 1)]
    path = write_case(tmp_path, case_package(items, []))
    with pytest.raises(InputError, match="CFItems har"):
        case_in.read(path)


def test_a_long_cycle_is_reported_with_all_its_items(tmp_path):
    n = 5000
    items = [{"identifier": f"c{k}", "fullStatement": f"Krav {k}"} for k in range(n)]
    path = write_case(tmp_path, case_package(items, [child(f"c{k}", f"c{(k + 1) % n}") for k in range(n)]))
    fw, seconds = timed(lambda: case_in.read(path))
    assert len(fw.items) == n and seconds < 5
    assert sum("cykel" in w for w in fw.warnings) == 1


@pytest.mark.parametrize("raw", ["1e400", "nan", "-5", "99999999"])
def test_course_points_that_are_no_number_of_points_become_unknown(tmp_path, raw):
    path = tmp_path / "Materialkunskap.xml"
    path.write_bytes(SUBJECT.replace(b"<point>100</point>", f"<point>{raw}</point>".encode(), 1))
    fw = load_curriculum(path)
    assert None in {c.points for c in fw.courses.values()}
    assert all(p is None or 0 <= p <= 10_000 for p in (c.points for c in fw.courses.values()))


# --------------------------------------------------------------------------- values


def test_lone_surrogates_in_a_syllabus_json_are_repaired_and_the_alignment_runs(tmp_path):
    from compare_app.align import align
    from compare_app.model import Framework, Item, Provenance

    obj = {"subject": {"code": "SVE", "name": "Sv\ud800ets", "courses": [
        {"code": "SVESVE01", "name": "Svetsning 1", "points": "100",
         "centralContent": "<ul><li>Svetsning med MAG \udc00 och TIG.</li><li>Säkerhet vid svetsning.</li></ul>"}]}}
    path = tmp_path / "syllabus.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    cur = load_curriculum(path)
    assert cur.items[0].text == "Svetsning med MAG \ufffd och TIG."
    assert any("surrogat" in w for w in cur.warnings)
    std = Framework("standard", "T", [Item("R1", "Kan svetsa med MAG", Provenance("x"))])
    assert align(std, cur, list(cur.courses), top_k=3).results["R1"].matches


def test_lone_surrogates_in_a_case_package_are_repaired(tmp_path):
    path = write_case(tmp_path, case_package([{"identifier": "i\ud800", "fullStatement": "Kan \udfff svetsa"}], []))
    fw = case_in.read(path)
    assert fw.items[0].text == "Kan \ufffd svetsa" and fw.items[0].id == "i\ufffd"
    assert any("surrogat" in w for w in fw.warnings)


def test_a_tgz_that_a_browser_unpacked_still_loads(tmp_path):
    """A .tgz saved as a plain tar (some browsers decompress on download) is read; bz2 under a gzip name is not."""
    path = tmp_path / "kursplaner.tgz"
    path.write_bytes(tar_bytes([("subject/s.xml", SUBJECT)], "w"))
    assert load_curriculum(path).courses
    path.write_bytes(tar_bytes([("subject/s.xml", SUBJECT)], "w:bz2"))
    with pytest.raises(InputError):
        load_curriculum(path)
