"""Defensive reading of files that come from e-mail and the web.

* XML goes through defusedxml: no entity expansion, no external entities, no DTD fetching.
* Archives are read member by member, never extracted to disk, with limits on member
  count, member size and total unpacked size (zip bombs) that count the members we skip
  as well as those we read, and member names that climb out of the archive (``..``,
  absolute paths) are refused.
* Office files (xlsx/docx) all pass :func:`open_office`: besides the container checks,
  every XML part is streamed once and its elements counted against one budget before
  any parser builds objects from it, so a small file cannot make openpyxl or python-docx
  build millions of objects (98 MB of empty ``<si/>`` in a 585 KB file).
"""

from __future__ import annotations

import io
import lzma
import re
import tarfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..errors import InputError, unreadable
from ._clean import describe

MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Unpacked size of an Office document (xlsx/docx) we are willing to parse.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
#: Compression ratio above which an Office document part is treated as a zip bomb.
MAX_RATIO = 200
#: Tags ("<") in all XML parts of an Office document together. A 10,000-requirement
#: workbook has about 500,000; each tag costs a parser object of 100+ bytes.
MAX_OFFICE_TAGS = 5_000_000
#: Tags in one XML file from Skolverket (the largest real one, the subject index, has about 10,000).
MAX_XML_TAGS = 1_000_000
_STREAM_CHUNK = 1024 * 1024
_XML_PARTS = (".xml", ".rels", ".vml")
_HIDDEN_ROW = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\sr="(\d{1,7})"')

# What zipfile/tarfile and the decompressors raise for damaged or hostile data:
# unsupported compression (NotImplementedError), encrypted members (RuntimeError), bad streams.
_ARCHIVE_ERRORS = (tarfile.TarError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error,
                   lzma.LZMAError, NotImplementedError, RuntimeError, ValueError)
#: tarfile mode by file name: the compression the name promises is the only one accepted
_TAR_MODES = ((".tgz", "r:gz"), (".tar.gz", "r:gz"), (".tar.bz2", "r:bz2"), (".tar.xz", "r:xz"), (".tar", "r:"))


@dataclass(frozen=True)
class Limits:
    members: int = MAX_MEMBERS
    member_bytes: int = MAX_MEMBER_BYTES
    total_bytes: int = MAX_TOTAL_BYTES


def read_file_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, unreadable(exc)) from None
    if size > limit:
        raise InputError(path, f"filen är för stor ({size // (1024 * 1024)} MB, gränsen är {limit // (1024 * 1024)} MB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, unreadable(exc)) from None


def parse_xml(data: bytes, where: str) -> Element:
    """Parse XML safely; any problem becomes an :class:`InputError` naming ``where``.

    A document with more than :data:`MAX_XML_TAGS` tags is refused before parsing (an
    element tree costs far more memory than its text)."""
    if not data.strip():
        raise InputError(where, "filen är tom")
    if data.count(b"<") > MAX_XML_TAGS:
        raise InputError(where, f"XML-filen har orimligt många element (över {MAX_XML_TAGS // 2:,}); "
                                "det är inte en kursplan".replace(",", " "))
    try:
        return SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(where, f"XML med otillåtna konstruktioner (entiteter/DTD) avvisas: {type(exc).__name__}") from None
    except SafeET.ParseError as exc:
        raise InputError(where, f"ogiltig XML ({exc})") from None


def _check_name(archive: Path, name: str) -> None:
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]):
        raise InputError(archive, f"arkivet innehåller en otillåten sökväg: {name!r}")


def iter_archive(path: Path, suffixes: tuple[str, ...], limits: Limits = Limits()) -> Iterator[tuple[str, bytes]]:
    """Yield ``(member name, bytes)`` for members ending in ``suffixes``, within limits."""
    name = path.name.lower()
    try:
        mode = next((m for suffix, m in _TAR_MODES if name.endswith(suffix)), None)
        if name.endswith(".zip"):
            yield from _iter_zip(path, suffixes, limits)
        elif mode is not None:
            yield from _iter_tar(path, suffixes, limits, mode)
        else:
            raise InputError(path, "okänt arkivformat (väntade .zip, .tgz eller .tar.gz)")
    except _ARCHIVE_ERRORS as exc:
        raise InputError(path, f"arkivet är skadat eller inte ett arkiv ({describe(exc)})") from None


def _iter_zip(path: Path, suffixes, limits: Limits):
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > limits.members:
            raise InputError(path, f"arkivet har för många filer ({len(infos)}, gränsen är {limits.members})")
        total = 0
        for info in infos:
            _check_name(path, info.filename)
            if info.is_dir() or not info.filename.lower().endswith(suffixes):
                continue  # a zip member is reached by its offset: skipping one costs nothing
            if info.file_size > limits.member_bytes:
                raise InputError(path, f"{info.filename} är för stor uppackad ({info.file_size} byte)")
            with zf.open(info) as fh:
                data = fh.read(limits.member_bytes + 1)
            if len(data) > limits.member_bytes:
                raise InputError(path, f"{info.filename} är för stor uppackad")
            total += len(data)
            if total > limits.total_bytes:
                raise InputError(path, "arkivet packas upp till mer än tillåten total storlek")
            yield info.filename, data


def _iter_tar(path: Path, suffixes, limits: Limits, mode: str = "r:gz"):
    """Members one at a time (the caller parses each before the next is read).

    Skipped members count too: reaching the next member means decompressing past the
    skipped one, so its size counts against the total before a single byte is read."""
    try:
        tf = tarfile.open(path, mode=mode)
    except tarfile.ReadError:
        try:  # a browser may unpack a .tgz on download and keep the name: a plain tar costs no decompression
            tf = tarfile.open(path, mode="r:") if mode == "r:gz" else None
        except tarfile.ReadError:
            tf = None
        if tf is None:
            raise InputError(path, f"arkivet är inte komprimerat som filnamnet säger ({path.suffix}) eller är skadat") from None
    with tf:
        total = count = 0
        for member in tf:
            count += 1
            if count > limits.members:
                raise InputError(path, f"arkivet har för många filer (över {limits.members})")
            _check_name(path, member.name)
            total += max(member.size, 0)
            if total > limits.total_bytes:
                raise InputError(path, f"arkivet packas upp till mer än tillåten total storlek "
                                       f"({limits.total_bytes // 2**20} MB, räknat till och med {member.name})")
            if not member.isfile() or not member.name.lower().endswith(suffixes):
                continue  # links, devices and folders are never followed
            if member.size > limits.member_bytes:
                raise InputError(path, f"{member.name} är för stor ({member.size} byte)")
            fh = tf.extractfile(member)
            data = fh.read(limits.member_bytes + 1) if fh else b""
            yield member.name, data


@dataclass
class OfficeFile:
    """An Office document that passed :func:`open_office`: its bytes and what the scan found."""

    data: io.BytesIO
    #: zip part name (``xl/worksheets/sheet1.xml``) -> 1-based numbers of the rows marked hidden
    hidden_rows: dict[str, frozenset[int]] = field(default_factory=dict)


def open_office(path: Path, what: str) -> OfficeFile:
    """The bytes of an Office file (xlsx/docx) after checking it is a sane zip container.

    Refused: empty files, non-zips, damaged or truncated zips, encrypted or oddly
    compressed members, too many parts, parts that unpack to a huge size or with an
    absurd compression ratio (zip bombs), and documents whose XML parts hold more than
    :data:`MAX_OFFICE_TAGS` tags in all. Every part is streamed once (CRC-checked, so a
    parser never sees a half-written file; counted, so none builds millions of objects).
    """
    data = read_file_bytes(path)
    if not data:
        raise InputError(path, "filen är tom (0 byte)")
    if not data.startswith(b"PK"):
        hint = " (ett lösenordsskyddat Office-dokument måste sparas utan lösenord)" if data.startswith(b"\xd0\xcf\x11\xe0") else ""
        raise InputError(path, f"är inte en {what}-fil (fel filformat eller skadad fil){hint}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise InputError(path, "för många delar i dokumentet")
            _check_document_sizes(path, infos)
            hidden = _scan_parts(path, zf, infos)
    except _ARCHIVE_ERRORS as exc:
        raise InputError(path, f"är skadad eller avkortad ({describe(exc)})") from None
    return OfficeFile(io.BytesIO(data), hidden)


def open_zip_document(path: Path, what: str) -> io.BytesIO:
    """The checked bytes of an Office file (see :func:`open_office`)."""
    return open_office(path, what).data


def _scan_parts(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> dict[str, frozenset[int]]:
    """Read every part once: CRC check, tag budget, and the hidden rows of worksheets."""
    tags = 0
    hidden: dict[str, frozenset[int]] = {}
    for info in infos:
        if info.is_dir():
            continue
        is_xml = info.filename.lower().endswith(_XML_PARTS)
        is_sheet = is_xml and info.filename.startswith("xl/worksheets/")
        rows: set[int] = set()
        tail = b""
        with zf.open(info) as fh:  # reading to the end checks the CRC
            while chunk := fh.read(_STREAM_CHUNK):
                if not is_xml:
                    continue
                tags += chunk.count(b"<")
                if tags > MAX_OFFICE_TAGS:
                    raise InputError(path, f"dokumentet har orimligt många element ({info.filename}: över "
                                           f"{MAX_OFFICE_TAGS // 1_000_000} miljoner taggar); filen läses inte")
                if is_sheet:
                    tail = _hidden_rows(tail + chunk, rows)
        if rows:
            hidden[info.filename] = frozenset(rows)
    return hidden


def _hidden_rows(text: bytes, rows: set[int]) -> bytes:
    """Add the numbers of ``<row … hidden="1">`` in ``text``; return the unfinished tag at its end."""
    cut = text.rfind(b"<")
    done, rest = (text[:cut], text[cut:]) if cut >= 0 and b">" not in text[cut:] else (text, b"")
    if b"hidden=" in done:
        for m in _HIDDEN_ROW.finditer(done):
            number = _ROW_NUMBER.search(m.group(0))
            if number:
                rows.add(int(number.group(1)))
    return rest[-4096:]


def _check_document_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        _check_name(path, info.filename)
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES * 2 or (
            info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise InputError(path, f"dokumentet packas upp till orimlig storlek ({info.filename}; zip-bomb?)")
    if total > MAX_DOCUMENT_BYTES:
        raise InputError(path, "dokumentet packas upp till orimlig storlek (zip-bomb?)")
