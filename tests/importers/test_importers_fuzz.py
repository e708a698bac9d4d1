"""Property tests: whatever bytes a user's file holds, importers raise InputError or nothing else.

Two kinds of input per format: arbitrary bytes, and a valid sample file with a few bytes
overwritten (which gets much further into zip, XML and Office parsers than pure noise).
Examples are bounded and few, so the suite stays fast.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare_app.errors import InputError
from compare_app.importers import load_curriculum, load_package, load_standard

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SETTINGS = settings(max_examples=int(__import__("os").environ.get("FUZZ_N", 50)), deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=not __import__("os").environ.get("FUZZ_N"))


def _subject_archive(kind: str) -> bytes:
    data = (SAMPLES / "kursplaner" / "subject" / "Materialkunskap.xml").read_bytes()
    buf = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("subject/Materialkunskap.xml", data)
    else:
        with tarfile.open(fileobj=buf, mode="w:gz") as tf:
            info = tarfile.TarInfo("subject/Materialkunskap.xml")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


VALID = {
    ".xlsx": (SAMPLES / "standard_svetsare.xlsx").read_bytes(),
    ".docx": (SAMPLES / "standard_svetsare.docx").read_bytes(),
    ".csv": "ID;Område;Typ;Nivå;Krav\nA1;Säkerhet;kunskap;SeQF 3;Känna till risker.\n".encode("cp1252"),
    ".xml": (SAMPLES / "kursplaner" / "subject" / "Sammanfogningsteknik.xml").read_bytes()[:6000],
    ".json": b'{"subject": {"code": "SAA", "courses": [{"code": "SAAX01", "points": "100", '
             b'"centralContent": {"text": "<ul><li>Svetsning.</li></ul>"}}]}}',
    ".tgz": _subject_archive("tgz"),
    ".zip": _subject_archive("zip"),
}
LOADER = {".xlsx": load_standard, ".docx": load_standard, ".csv": load_standard,
          ".xml": load_curriculum, ".json": load_curriculum, ".tgz": load_curriculum, ".zip": load_curriculum}


def _mutated(suffix: str):
    """The valid file of ``suffix`` with up to 8 bytes overwritten, or cut short."""
    base = VALID[suffix]
    edit = st.tuples(st.integers(0, len(base) - 1), st.integers(0, 255))
    return st.one_of(
        st.lists(edit, min_size=1, max_size=8).map(lambda edits: _apply(base, edits)),
        st.integers(0, len(base) - 1).map(lambda n: base[:n]),
    )


def _office_parts(suffix: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(VALID[suffix])) as zf:
        return [i.filename for i in zf.infolist()]


def _rezip(suffix: str, part: str, edits, cut: int | None) -> bytes:
    """The valid Office file with one part's *unpacked* XML edited, packed again (so the zip itself is sound)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(VALID[suffix])) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part and data:
                data = _apply(data, [(pos % len(data), val) for pos, val in edits])
                data = data[: cut % (len(data) + 1)] if cut is not None else data
            zout.writestr(info.filename, data)
    return out.getvalue()


def _mutated_office(suffix: str):
    return st.builds(
        _rezip,
        st.just(suffix),
        st.sampled_from(_office_parts(suffix)),
        st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(list(b"<>&\"'=/ :x0\x00\xff"))), max_size=6),
        st.none() | st.integers(0, 10**6),
    )


def _apply(base: bytes, edits) -> bytes:
    data = bytearray(base)
    for pos, value in edits:
        data[pos] = value
    return bytes(data)


def _only_input_errors(suffix: str, data: bytes, loader=None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fil{suffix}"
        path.write_bytes(data)
        try:
            (loader or LOADER[suffix])(path)
        except InputError as exc:
            assert str(exc).startswith(str(path)) or exc.path  # names the file


def _property(suffix: str):
    office = [_mutated_office(suffix)] if suffix in (".xlsx", ".docx") else []

    @SETTINGS
    @given(data=st.one_of(st.binary(max_size=3000), _mutated(suffix), *office))
    def check(data):
        _only_input_errors(suffix, data)

    return check


test_fuzz_xlsx = _property(".xlsx")
test_fuzz_docx = _property(".docx")
test_fuzz_csv = _property(".csv")
test_fuzz_xml = _property(".xml")
test_fuzz_json = _property(".json")
test_fuzz_tgz = _property(".tgz")
test_fuzz_zip = _property(".zip")


@SETTINGS
@given(data=st.one_of(st.binary(max_size=2000), _mutated(".csv"), _mutated(".xlsx")), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_fuzz_package_list(data, suffix):
    _only_input_errors(suffix, data, load_package)


@SETTINGS
@given(text=st.text(max_size=400))
def test_fuzz_csv_text(text):
    """Any text at all (every Unicode character, odd quoting) in a UTF-8 CSV."""
    _only_input_errors(".csv", ("Krav;ID\n" + text).encode("utf-8", errors="surrogatepass"))
