"""The course codes of a yrkespaket (course package) from a .csv/.txt list or an .xlsx sheet.

Either a column headed *kurskod*, *kod*, *code* … or, without such a header, the
first cell on each line that looks like a course code (``SAAKÄL01S``, ``MAEMAT01``).
Lines that hold no code (titles, blank lines, totals) are skipped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ._clean import clean, header_key
from ._delimited import iter_rows, read_text, sniff_delimiter

CODE_HEADERS = ("kurskod", "kurskoder", "kod", "code", "course code", "coursecode", "kurs-kod", "kurskod (gy11)")
#: Upper-case letters (with Å, Ä, Ö) then letters/digits: SAAKÄL01S, MAEMAT01, ELEELR0, GRNSVE2.
_CODE = re.compile(r"[A-ZÅÄÖ]{3,}[A-ZÅÄÖ0-9]{1,12}")
MAX_LINES = 10_000


def looks_like_code(value: str) -> bool:
    """True for a course code: 5–16 characters, upper-case letters first, at least one digit."""
    return bool(_CODE.fullmatch(value)) and any(ch.isdigit() for ch in value) and len(value) <= 16


def _leading(cell: str) -> list[str]:
    """The cell, and its first word: a line read as one column may be "SVESVE02, grund"."""
    cell = cell.upper()
    first = re.split(r"[\s,;]+", cell, maxsplit=1)[0]
    return [cell, first] if first != cell else [cell]


def codes_from_rows(rows: Iterable[list[str]], path: Path) -> list[str]:
    """Course codes from table rows: from a code column if a header names one, else the first code-like cell."""
    codes: list[str] = []
    column: int | None = None
    for n, raw in enumerate(rows):
        if n >= MAX_LINES:
            raise InputError(path, f"listan har fler än {MAX_LINES} rader; det är inte ett kurspaket")
        cells = [clean(c) for c in raw]
        if column is None:
            keys = [header_key(c) for c in cells]
            header = next((i for i, k in enumerate(keys) if k in CODE_HEADERS), None)
            if header is not None and not codes:
                column = header
                continue
        if column is not None:
            candidates = _leading(cells[column]) if column < len(cells) else []
        else:
            candidates = [c for cell in cells for c in _leading(cell)]
        code = next((c for c in candidates if looks_like_code(c)), None)
        if code and code not in codes:
            codes.append(code)
    if not codes:
        raise InputError(path, "hittade inga kurskoder (väntade t.ex. SAAKÄL01S, en per rad eller i en kolumn 'Kurskod')")
    return codes


def _xlsx_rows(path: Path) -> list[list[str]]:
    """Rows of the first visible sheet (hidden rows left out), through the app's one bounded workbook reader."""
    from ._workbook import open_workbook, sheet_rows

    with open_workbook(path) as (sheets, _):
        visible = [s for s in sheets if not s.hidden] or sheets
        rows = []
        for _n, values in sheet_rows(visible[0], 50) if visible else ():
            rows.append(["" if v is None else str(v) for v in values])
            if len(rows) > MAX_LINES:
                break
        return rows


def read(path: str | Path) -> list[str]:
    """Course codes, in file order, without duplicates."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "filen finns inte")
    name = path.name.lower()
    if name.endswith((".xlsx", ".xlsm")):
        return codes_from_rows(_xlsx_rows(path), path)
    if name.endswith((".csv", ".txt", ".tsv")):
        text, _ = read_text(path)
        delimiter = sniff_delimiter(text)
        return codes_from_rows((cells for _, cells in iter_rows(text, delimiter, path)), path)
    raise InputError(path, "okänt format för kurspaket (väntade .csv, .txt eller .xlsx)")
