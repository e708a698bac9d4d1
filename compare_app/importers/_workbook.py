"""The one way the app opens an Excel workbook: standards, package lists and returned reviews alike.

:func:`open_workbook` checks the file with :func:`._safe.open_office` (container, zip
bombs, an element budget over every part) before openpyxl sees it, opens it read-only
without evaluating formulas or following external links, and turns anything openpyxl
raises on a broken file into an :class:`InputError`.  :func:`sheet_rows` reads a sheet
within bounds: at most ``max_col`` cells per row whatever the sheet's ``<dimension>``
claims, an end after :data:`MAX_EMPTY_ROWS` empty rows in a row (the filler rows
openpyxl invents for gaps count too), and hidden rows left out and counted.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import Cancelled, InputError
from ._clean import describe
from ._safe import OfficeFile, open_office

#: Empty rows in a row after which a sheet is read no further.
MAX_EMPTY_ROWS = 10_000


@dataclass
class Sheet:
    """One worksheet as :func:`sheet_rows` reads it."""

    title: str
    hidden: bool  # the sheet is hidden or very hidden in Excel
    worksheet: object = field(repr=False)
    hidden_rows: frozenset[int] = frozenset()


@contextmanager
def open_workbook(path: Path, *, data_only: bool = True) -> Iterator[tuple[list[Sheet], OfficeFile]]:
    """The workbook's worksheets (chart sheets left out) and the checked file."""
    import openpyxl

    office = open_office(path, "Excel")
    try:
        wb = openpyxl.load_workbook(office.data, read_only=True, data_only=data_only, keep_links=False)
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many types (KeyError, ValueError, XML errors) for broken files
        raise InputError(path, f"kan inte läsas som Excel-arbetsbok ({describe(exc)})") from None
    try:
        sheets = [
            Sheet(ws.title, getattr(ws, "sheet_state", "visible") != "visible", ws,
                  office.hidden_rows.get(str(getattr(ws, "_worksheet_path", "")).lstrip("/"), frozenset()))
            for ws in wb.worksheets
            if hasattr(ws, "iter_rows")
        ]
        yield sheets, office
    except (InputError, Cancelled, MemoryError):
        raise
    except Exception as exc:  # a sheet that is broken further in
        raise InputError(path, f"Excel-arbetsboken är skadad ({describe(exc)})") from None
    finally:
        wb.close()


def sheet_rows(sheet: Sheet, max_col: int, skipped: list[int] | None = None, *,
               skip_hidden: bool = True) -> Iterator[tuple[int, tuple]]:
    """``(1-based row number, values)`` of a sheet, bounded; hidden rows go to ``skipped`` instead
    (unless ``skip_hidden`` is false: rows a filter hides are still data)."""
    empty = 0
    for number, values in enumerate(sheet.worksheet.iter_rows(max_col=max_col, values_only=True), start=1):
        if not any(v is not None and v != "" for v in values):
            empty += 1
            if empty >= MAX_EMPTY_ROWS:
                return
            yield number, values
            continue
        empty = 0
        if skip_hidden and number in sheet.hidden_rows:
            if skipped is not None:
                skipped.append(number)
            continue
        yield number, values
