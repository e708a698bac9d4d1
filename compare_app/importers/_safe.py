"""Defensive reading of files that come from e-mail and the web.

* XML goes through defusedxml: no entity expansion, no external entities, no DTD fetching.
* Archives are read in memory member by member, never extracted to disk, with limits
  on member count, member size and total unpacked size (zip bombs), and member names
  that climb out of the archive (``..``, absolute paths) are refused.
"""

from __future__ import annotations

import io
import lzma
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..errors import InputError
from ._clean import describe

MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Unpacked size of an Office document (xlsx/docx) we are willing to parse.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
#: Compression ratio above which an Office document part is treated as a zip bomb.
MAX_RATIO = 200

# What zipfile/tarfile and the decompressors raise for damaged or hostile data:
# unsupported compression (NotImplementedError), encrypted members (RuntimeError), bad streams.
_ARCHIVE_ERRORS = (tarfile.TarError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error,
                   lzma.LZMAError, NotImplementedError, RuntimeError, ValueError)


@dataclass(frozen=True)
class Limits:
    members: int = MAX_MEMBERS
    member_bytes: int = MAX_MEMBER_BYTES
    total_bytes: int = MAX_TOTAL_BYTES


def read_file_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, f"kan inte läsas ({exc.strerror or exc})") from None
    if size > limit:
        raise InputError(path, f"filen är för stor ({size // (1024 * 1024)} MB, gränsen är {limit // (1024 * 1024)} MB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"kan inte läsas ({exc.strerror or exc})") from None


def parse_xml(data: bytes, where: str) -> Element:
    """Parse XML safely; any problem becomes an :class:`InputError` naming ``where``."""
    if not data.strip():
        raise InputError(where, "filen är tom")
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
        if name.endswith(".zip"):
            yield from _iter_zip(path, suffixes, limits)
        elif name.endswith((".tgz", ".tar.gz", ".tar", ".tar.bz2", ".tar.xz")):
            yield from _iter_tar(path, suffixes, limits)
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
                continue
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


def _iter_tar(path: Path, suffixes, limits: Limits):
    with tarfile.open(path, mode="r:*") as tf:
        total = count = 0
        for member in tf:
            count += 1
            if count > limits.members:
                raise InputError(path, f"arkivet har för många filer (över {limits.members})")
            _check_name(path, member.name)
            if not member.isfile() or not member.name.lower().endswith(suffixes):
                continue  # links, devices and folders are never followed
            if member.size > limits.member_bytes:
                raise InputError(path, f"{member.name} är för stor ({member.size} byte)")
            fh = tf.extractfile(member)
            data = fh.read() if fh else b""
            total += len(data)
            if total > limits.total_bytes:
                raise InputError(path, "arkivet packas upp till mer än tillåten total storlek")
            yield member.name, data


def open_zip_document(path: Path, what: str) -> io.BytesIO:
    """Bytes of an Office file (xlsx/docx) after checking it is a sane zip container.

    Refused: empty files, non-zips, damaged or truncated zips, encrypted or oddly
    compressed members, too many parts, and parts that unpack to a huge size or with
    an absurd compression ratio (zip bombs). Every member is CRC-checked, so a parser
    never sees a half-written file.
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
            bad = zf.testzip()
            if bad is not None:
                raise InputError(path, f"dokumentet är skadat (del {bad})")
    except _ARCHIVE_ERRORS as exc:
        raise InputError(path, f"är skadad eller avkortad ({describe(exc)})") from None
    return io.BytesIO(data)


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
