"""A competence standard from a CSV/TSV/TXT table (``,``, ``;`` or tab separated)."""

from __future__ import annotations

from pathlib import Path

from ..model import Framework, sha256_bytes
from ._delimited import iter_rows, read_text, sniff_delimiter
from ._tabular import RawTable, TablePreview, clean_row, preview_tables, read_tables


def _table(path: Path, text: str) -> RawTable:
    delimiter = sniff_delimiter(text)
    rows = ((n, clean_row(cells)) for n, cells in iter_rows(text, delimiter, path))
    return RawTable(name="", rows=rows, locator="rad {row}")


def read(path: str | Path, mapping: dict[str, str] | None = None) -> Framework:
    path = Path(path)
    text, data = read_text(path)
    return read_tables(path, [_table(path, text)], mapping, "csv", sha256_bytes(data))


def preview(path: str | Path, mapping: dict[str, str] | None = None) -> TablePreview:
    path = Path(path)
    text, _ = read_text(path)
    return preview_tables(path, [_table(path, text)], mapping)
