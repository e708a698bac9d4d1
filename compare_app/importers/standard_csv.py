"""A competence standard from a CSV/TSV/TXT table (``,``, ``;`` or tab separated, or a single column).

The delimiter is chosen as a person reading the file would (see :func:`._delimited.sniff`);
when the file left a choice, the first warning says what was chosen.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Framework, sha256_bytes
from ._delimited import iter_rows, read_text, sniff
from ._tabular import RawTable, TablePreview, clean_row, preview_tables, read_tables


def _table(path: Path, text: str) -> tuple[RawTable, list[str]]:
    delimiter, note = sniff(text)
    rows = ((n, clean_row(cells)) for n, cells in iter_rows(text, delimiter, path))
    return RawTable(name="", rows=rows, locator="rad {row}"), [note] if note else []


def read(path: str | Path, mapping: dict[str, str] | None = None) -> Framework:
    path = Path(path)
    text, data = read_text(path)
    table, notes = _table(path, text)
    fw = read_tables(path, [table], mapping, "csv", sha256_bytes(data))
    fw.warnings[:0] = notes
    return fw


def preview(path: str | Path, mapping: dict[str, str] | None = None) -> TablePreview:
    path = Path(path)
    text, _ = read_text(path)
    table, notes = _table(path, text)
    result = preview_tables(path, [table], mapping)
    result.warnings[:0] = notes
    return result
