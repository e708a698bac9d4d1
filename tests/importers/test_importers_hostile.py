"""Hostile and broken input: every importer answers with an InputError (or a warning and a clean
import of what is valid), within bounded time and memory."""

from __future__ import annotations

import io
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from compare_app.errors import InputError
from compare_app.importers import load_curriculum, load_package, load_standard
from compare_app.importers._clean import MAX_TEXT_CHARS
from compare_app.importers._tabular import MAX_REQUIREMENTS

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SUBJECT_NS = "http://syllabus2011subject.types.skolverket.se/v1_4"
LOADERS = {
    "standard": load_standard,
    "curriculum": load_curriculum,
    "package": load_package,
}


def _replace_part(source: Path, part: str, data: bytes, target: Path) -> Path:
    """A copy of an Office file with one part's bytes replaced."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == part else zin.read(info.filename))
    return target


def _sheet_xml(rows: list[list[str]], dimension: bool = True) -> bytes:
    """Worksheet XML with inline strings (what a generator might write), optionally with a <dimension>."""
    def col(i):
        return "ABCDEFGHIJ"[i]

    body = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{col(i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    dim = f'<dimension ref="A1:{col(max(len(r) for r in rows) - 1)}{len(rows)}"/>' if dimension else ""
    return (f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dim}'
            f"<sheetData>{body}</sheetData></worksheet>").encode()


def _xlsx_with_sheet(tmp_path: Path, sheet: bytes, name="rått.xlsx") -> Path:
    return _replace_part(SAMPLES / "standard_svetsare.xlsx", "xl/worksheets/sheet1.xml", sheet, tmp_path / name)


# ---------------------------------------------------------------- empty and wrong files

@pytest.mark.parametrize("loader, name", [
    ("standard", "s.xlsx"), ("standard", "s.docx"), ("standard", "s.csv"), ("standard", "s.txt"),
    ("curriculum", "c.xml"), ("curriculum", "c.json"), ("curriculum", "c.tgz"), ("curriculum", "c.zip"),
    ("package", "p.csv"), ("package", "p.xlsx"),
])
def test_zero_byte_files(tmp_path, loader, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(InputError) as err:
        LOADERS[loader](path)
    assert name in str(err.value)


@pytest.mark.parametrize("name", ["s.xlsx", "s.docx"])
def test_office_files_that_are_not_zips(tmp_path, name):
    path = tmp_path / name
    path.write_text("ID;Krav\n1;Text\n", encoding="utf-8")
    with pytest.raises(InputError, match="inte en"):
        load_standard(path)


@pytest.mark.parametrize("name", ["standard_svetsare.xlsx", "standard_svetsare.docx"])
@pytest.mark.parametrize("keep", [0.3, 0.9, 0.999])
def test_truncated_office_files(tmp_path, name, keep):
    data = (SAMPLES / name).read_bytes()
    path = tmp_path / name
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(InputError):
        load_standard(path)


def test_encrypted_office_file_gets_a_hint(tmp_path):
    path = tmp_path / "lösen.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match="lösenord"):
        load_standard(path)


def test_docx_given_as_xlsx_and_xlsx_as_docx(tmp_path):
    as_xlsx = tmp_path / "fel.xlsx"
    as_xlsx.write_bytes((SAMPLES / "standard_svetsare.docx").read_bytes())
    as_docx = tmp_path / "fel.docx"
    as_docx.write_bytes((SAMPLES / "standard_svetsare.xlsx").read_bytes())
    for path in (as_xlsx, as_docx):
        with pytest.raises(InputError):
            load_standard(path)


def test_xlsx_renamed_to_csv(tmp_path):
    path = tmp_path / "standard.csv"
    path.write_bytes((SAMPLES / "standard_svetsare.xlsx").read_bytes())
    with pytest.raises(InputError, match="fel filändelse"):
        load_standard(path)


@pytest.mark.parametrize("data", [bytes(range(256)) * 40, "ID;Krav\n1;Text\n".encode("utf-16-le"), b"\x89PNG\r\n\x1a\n" + b"\x00" * 200])
def test_binary_or_bomless_utf16_csv_is_refused(tmp_path, data):
    path = tmp_path / "standard.csv"
    path.write_bytes(data)
    with pytest.raises(InputError):
        load_standard(path)


def test_latin1_csv_with_undefined_cp1252_bytes_still_reads(tmp_path):
    path = tmp_path / "standard.csv"
    path.write_bytes("ID;Krav\n1;Svetsa \x81 kälfog\n".encode("latin-1"))
    fw = load_standard(path)
    assert fw.items[0].text.startswith("Svetsa") and "kälfog" in fw.items[0].text


# ---------------------------------------------------------------- hostile XML

BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
                  + b']><subject xmlns="' + SUBJECT_NS.encode() + b'"><name>&lol9;</name></subject>')
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b'<subject xmlns="' + SUBJECT_NS.encode() + b'"><name>&xxe;</name></subject>')


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL, b"<subject><name>unclosed", b"\x00\x01\x02"])
def test_hostile_curriculum_xml(tmp_path, data):
    path = tmp_path / "Ämne.xml"
    path.write_bytes(data)
    start = time.perf_counter()
    with pytest.raises(InputError):
        load_curriculum(path)
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("payload", [BILLION_LAUGHS.split(b"<subject")[0], EXTERNAL.split(b"<subject")[0]])
def test_entities_in_office_xml_never_expand_or_leak(tmp_path, payload):
    """A DTD with entities inside a docx/xlsx part: refused, or read without expanding anything."""
    doctype = payload.replace(b"lol9;", b"lol9;").replace(b'<?xml version="1.0"?>', b"")
    ref = b"&lol9;" if b"lol" in payload else b"&xxe;"
    doc_xml = (b'<?xml version="1.0"?>' + doctype.replace(b"<!DOCTYPE lolz", b"<!DOCTYPE w:document").replace(b"<!DOCTYPE s", b"<!DOCTYPE w:document")
               + b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
               + b"<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t>A " + ref + b"</w:t></w:r></w:p></w:body></w:document>")
    docx = _replace_part(SAMPLES / "standard_svetsare.docx", "word/document.xml", doc_xml, tmp_path / "ent.docx")
    sheet = (b'<?xml version="1.0"?>' + doctype.replace(b"<!DOCTYPE lolz", b"<!DOCTYPE worksheet").replace(b"<!DOCTYPE s", b"<!DOCTYPE worksheet")
             + b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + b'<row r="1"><c r="A1" t="inlineStr"><is><t>Krav</t></is></c></row>'
             + b'<row r="2"><c r="A2" t="inlineStr"><is><t>B ' + ref + b"</t></is></c></row></sheetData></worksheet>")
    xlsx = _xlsx_with_sheet(tmp_path, sheet, "ent.xlsx")
    for path in (docx, xlsx):
        start = time.perf_counter()
        try:
            fw = load_standard(path)
        except InputError:
            continue
        finally:
            assert time.perf_counter() - start < 10
        text = " ".join(it.text for it in fw.items)
        assert "root:" not in text and "lollol" not in text


# ---------------------------------------------------------------- hostile archives

def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _tar(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


SUBJECT = (SAMPLES / "kursplaner" / "subject" / "Materialkunskap.xml").read_bytes()


@pytest.mark.parametrize("make", [_zip, _tar])
@pytest.mark.parametrize("bad", ["../../evil.xml", "/etc/evil.xml", "C:/evil.xml", "ok/../../evil.xml"])
def test_archive_path_traversal_refused(tmp_path, make, bad):
    path = make(tmp_path / ("a.zip" if make is _zip else "a.tgz"), {"subject/ok.xml": SUBJECT, bad: SUBJECT})
    with pytest.raises(InputError, match="otillåten sökväg"):
        load_curriculum(path)


@pytest.mark.parametrize("make, name", [(_zip, "bomb.zip"), (_tar, "bomb.tgz")])
def test_archive_bomb_member_refused(tmp_path, make, name):
    path = make(tmp_path / name, {"subject/ok.xml": SUBJECT, "subject/bomb.xml": b"<a>" + b" " * (60 * 1024 * 1024) + b"</a>"})
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(InputError, match="för stor"):
        load_curriculum(path)


def test_archive_with_too_many_members(tmp_path):
    path = tmp_path / "många.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for n in range(20_001):
            zf.writestr(f"x/{n}.txt", b"")
    with pytest.raises(InputError, match="för många"):
        load_curriculum(path)


def test_archive_links_are_not_followed(tmp_path):
    path = tmp_path / "länk.tgz"
    with tarfile.open(path, "w:gz") as tf:
        link = tarfile.TarInfo("subject/link.xml")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tf.addfile(link)
        info = tarfile.TarInfo("subject/Materialkunskap.xml")
        info.size = len(SUBJECT)
        tf.addfile(info, io.BytesIO(SUBJECT))
    fw = load_curriculum(path)
    assert list(fw.courses) == ["MAEMAT01"]


def test_corrupt_gzip_archive(tmp_path):
    good = _tar(tmp_path / "ok.tgz", {"subject/a.xml": SUBJECT})
    data = bytearray(good.read_bytes())
    data[len(data) // 2 :] = b"\x00" * (len(data) - len(data) // 2)
    bad = tmp_path / "trasig.tgz"
    bad.write_bytes(bytes(data))
    with pytest.raises(InputError):
        load_curriculum(bad)


def test_office_zip_bomb_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(SAMPLES / "standard_svetsare.docx") as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr("word/media/bomb.bin", b"\x00" * (30 * 1024 * 1024))
    with pytest.raises(InputError, match="zip-bomb"):
        load_standard(path)


# ---------------------------------------------------------------- huge and odd content

def test_100000_row_sheet_is_refused_quickly(tmp_path):
    rows = [["ID", "Krav"], *[[f"K{n}", f"Krav nummer {n}"] for n in range(100_000)]]
    path = _xlsx_with_sheet(tmp_path, _sheet_xml(rows))
    start = time.perf_counter()
    with pytest.raises(InputError, match="inte en kompetensstandard"):
        load_standard(path)
    assert time.perf_counter() - start < 20  # bounded: reading stops after the cap


def test_100000_row_csv_is_refused(tmp_path):
    path = tmp_path / "stor.csv"
    path.write_text("ID;Krav\n" + "".join(f"K{n};Krav {n}\n" for n in range(100_000)), encoding="utf-8")
    with pytest.raises(InputError, match=f"{MAX_REQUIREMENTS:,}".replace(",", " ")):
        load_standard(path)


def test_sheet_at_the_cap_is_accepted(tmp_path):
    path = tmp_path / "lagom.csv"
    path.write_text("ID;Krav\n" + "".join(f"K{n};Krav {n}\n" for n in range(MAX_REQUIREMENTS)), encoding="utf-8")
    assert len(load_standard(path).items) == MAX_REQUIREMENTS


def test_50000_character_cells_are_cut_with_warning(tmp_path, make_csv):
    long_text = "svetsning " * 5_000
    path = make_csv([["ID", "Område", "Krav"], ["1", "O" * 50_000, long_text], ["2", "Kort", "Kort krav."]])
    fw = load_standard(path)
    assert len(fw.items[0].text) <= MAX_TEXT_CHARS + 2 and len(fw.items[0].area) <= 300
    assert fw.items[1].text == "Kort krav."
    assert sum("kortades" in w for w in fw.warnings) == 2


def test_long_cell_in_xlsx_is_cut(tmp_path):
    path = _xlsx_with_sheet(tmp_path, _sheet_xml([["Krav"], ["x" * 50_000]]))
    fw = load_standard(path)
    assert len(fw.items[0].text) <= MAX_TEXT_CHARS + 2 and any("kortades" in w for w in fw.warnings)


def test_control_characters_are_stripped(tmp_path):
    path = tmp_path / "kontroll.csv"
    text = "ID;Område;Krav\n" + "".join(f"K{n};Säker\u200bhet;Bära\x07 hjälm\x1b[31m\u00ad och\tskor.\n" for n in range(200))
    path.write_text(text, encoding="utf-8")
    fw = load_standard(path)
    assert fw.items[0].text == "Bära hjälm[31m och skor." and fw.items[0].area == "Säkerhet"


def test_docx_control_characters_and_long_paragraph(tmp_path, make_docx):
    fw = load_standard(make_docx([("heading", "Område"), ("list", "Kort krav"), ("list", "lång " * 20_000)]))
    assert fw.items[0].text == "Kort krav" and len(fw.items[1].text) <= MAX_TEXT_CHARS + 2


def test_many_columns_and_empty_formatting_rows(tmp_path):
    wide = [["Krav", *[f"Kol {n}" for n in range(9)]], ["Ett krav.", *["x"] * 9]]
    rows = wide + [[""]] * 1_500 + [["Krav långt ner."]]
    fw = load_standard(_xlsx_with_sheet(tmp_path, _sheet_xml(rows)))
    assert [it.text for it in fw.items] == ["Ett krav."]  # 1,000 empty rows end the table
    assert any("tomma rader" in w for w in fw.warnings)
