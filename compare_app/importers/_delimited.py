"""Decoding and splitting the delimited text files people export from Excel.

Swedish Excel writes "CSV (semikolonavgränsad)" in cp1252 with ``;``; "CSV UTF-8" adds a
BOM; "Unicode-text" is UTF-16 with tabs. All of those are read here; binary files
(an .xlsx renamed to .csv, an image) are refused with a clear message.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ._safe import read_file_bytes

#: A standard or a package list is small; a larger "CSV" is the wrong file.
MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024
DELIMITERS = (";", "\t", ",")
_SNIFF_LINES = 50


def read_text(path: Path) -> tuple[str, bytes]:
    """The decoded text of a delimited file and its raw bytes (for the content hash)."""
    data = read_file_bytes(path, MAX_TEXT_FILE_BYTES)
    return decode(data, path), data


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252; binary data is refused."""
    if not data.strip():
        raise InputError(path, "filen är tom")
    if data.startswith(b"PK\x03\x04"):
        raise InputError(path, "är en zip-fil (troligen en Excel- eller Word-fil med fel filändelse), inte en textfil")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_or_none(data, "utf-16")
    elif data.startswith(codecs.BOM_UTF8):
        text = _decode_or_none(data[len(codecs.BOM_UTF8) :], "utf-8")
    else:
        text = _decode_or_none(data, "utf-8")
        if text is None:
            text = data.decode("cp1252", errors="replace")
    if text is None:
        raise InputError(path, "teckenkodningen stämmer inte med filens innehåll (spara som CSV UTF-8)")
    if _looks_binary(text):
        raise InputError(path, "ser ut som en binär fil, inte text (spara tabellen som CSV eller .xlsx)")
    return text


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    """NUL characters, or more than 10 % control characters other than tab and line breaks.

    A few stray controls (pasted from a terminal or a PDF) are stripped later; this only
    refuses files that are clearly not text."""
    if "\x00" in text:
        return True
    sample = text[:100_000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n") + sample.count("\ufffd")
    return controls > max(2, len(sample) // 10)


#: The "delimiter" of a file read as one column: a control character no text file holds.
SINGLE_COLUMN = "\x1f"
_NAMES = {";": "semikolon (;)", "\t": "tabb", ",": "kommatecken (,)"}


def sniff_delimiter(text: str) -> str:
    """The delimiter :func:`sniff` chooses."""
    return sniff(text)[0]


def sniff(text: str) -> tuple[str, str]:
    """``(delimiter, note)``: ``;``, tab, ``,`` or :data:`SINGLE_COLUMN`, and what a person should be told.

    A delimiter is one that splits the first lines into the same number (> 1) of cells
    on most lines: Excel pads every row to the table's width, so a real delimiter gives
    steady widths while commas inside sentences do not. A file whose first line is a
    lone requirement-text header ("Krav") without any delimiter is one column, however
    its texts split. The note (empty when there was nothing to choose) says what was
    chosen when the text holds more than one candidate.
    """
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    present = [d for d in DELIMITERS if any(d in line for line in lines)]
    best, best_score = SINGLE_COLUMN, (0.5, 0)
    for delim in present:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        counts: dict[int, int] = {}
        for w in widths:
            if w > 1:
                counts[w] = counts.get(w, 0) + 1
        if not counts:
            continue
        width, freq = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        score = (freq / len(lines), width)
        if score > best_score:  # a tie keeps the earlier delimiter: ";" (Swedish Excel) before ","
            best, best_score = delim, score
    if best != SINGLE_COLUMN and _lone_text_header(lines[0], best):
        best = SINGLE_COLUMN
    return best, _note(best, present)


def _lone_text_header(first_line: str, delimiter: str) -> bool:
    """The first line is one cell naming the requirement text (e.g. "Krav"): the file has one column."""
    from ._tabular import guess_columns

    return delimiter not in first_line and guess_columns([first_line.strip().strip('"')]) == {"text": 0}


def _note(delimiter: str, present: list[str]) -> str:
    others = [d for d in present if d != delimiter]
    if delimiter == SINGLE_COLUMN:
        if not present:
            return ""
        return (f"filen lästes som en enda kolumn: {', '.join(_NAMES[d] for d in present)} i texterna delar "
                "inte upp kolumner (rubrikraden och raderna har inget jämnt antal fält)")
    if not others:
        return ""
    return (f"kolumnerna är avgränsade med {_NAMES[delimiter]}; "
            f"{', '.join(_NAMES[d] for d in others)} i texterna lästes som en del av texten")


def iter_rows(text: str, delimiter: str, path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(line number, raw cells)`` for each record; a malformed file becomes an InputError."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        raise InputError(path, f"kan inte läsas som CSV på rad {reader.line_num} ({exc})") from None
