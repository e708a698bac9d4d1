"""A competence standard from an Excel workbook (.xlsx/.xlsm).

The workbook is opened through :mod:`._workbook` (bounded, read-only, ``data_only``:
the values Excel saved are used and no formula is ever evaluated; a text cell that
begins with ``=`` stays text). The first *visible* sheet with a requirement-text
column is used, as a person opening the file would; a hidden sheet (often an old
version) only when no visible one has such a column. Hidden rows are left out. The
warnings say which sheet was read, which were not, and how many hidden rows were skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..model import Framework, sha256_bytes
from ._tabular import MAX_COLUMNS, RawTable, TablePreview, clean_row, preview_tables, read_tables
from ._workbook import Sheet, open_workbook, sheet_rows


class _SheetChoice:
    """Offers the sheets to the table reader, visible ones first, and remembers what it took."""

    def __init__(self, sheets: list[Sheet]):
        self.sheets = sorted(sheets, key=lambda s: s.hidden)  # stable: workbook order within each group
        self.offered: list[Sheet] = []
        self.hidden_rows: dict[str, list[int]] = {}

    def tables(self) -> Iterator[RawTable]:
        for sheet in self.sheets:
            self.offered.append(sheet)
            skipped = self.hidden_rows.setdefault(sheet.title, [])
            rows = ((n, clean_row(values)) for n, values in sheet_rows(sheet, MAX_COLUMNS, skipped))
            yield RawTable(name=sheet.title, rows=rows, locator=f"blad {sheet.title}, rad {{row}}")

    def notes(self) -> list[str]:
        """What was read and what was not, in words (call after the table was read)."""
        if not self.offered:
            return []
        chosen = self.offered[-1]
        notes = []
        if chosen.hidden:
            notes.append(f"bladet {chosen.title!r} är dolt i Excel; det lästes eftersom inget synligt blad har en kravtabell")
        unread = [s for s in self.sheets if s is not chosen]
        if unread:
            names = ", ".join(f"{s.title!r}" + (" (dolt)" if s.hidden else "") for s in unread)
            notes.append(f"bladet {chosen.title!r} lästes; {'bladet' if len(unread) == 1 else 'bladen'} {names} lästes inte")
        rows = self.hidden_rows.get(chosen.title) or []
        if rows:
            shown = ", ".join(str(n) for n in rows[:10]) + (" …" if len(rows) > 10 else "")
            notes.append(f"{len(rows)} dolda rader i bladet {chosen.title!r} lästes inte (rad {shown}); "
                         "visa dem i Excel om de ska med")
        return notes


def read(path: str | Path, mapping: dict[str, str] | None = None) -> Framework:
    path = Path(path)
    with open_workbook(path) as (sheets, office):
        choice = _SheetChoice(sheets)
        fw = read_tables(path, choice.tables(), mapping, "xlsx", sha256_bytes(office.data.getvalue()))
        fw.warnings[:0] = choice.notes()
        return fw


def preview(path: str | Path, mapping: dict[str, str] | None = None) -> TablePreview:
    path = Path(path)
    with open_workbook(path) as (sheets, _):
        choice = _SheetChoice(sheets)
        result = preview_tables(path, choice.tables(), mapping)
        result.warnings[:0] = choice.notes()
        return result
