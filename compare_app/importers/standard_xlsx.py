"""A competence standard from an Excel workbook (.xlsx/.xlsm).

openpyxl reads the workbook in read-only mode with ``data_only=True``: the values
Excel saved are used and no formula is ever evaluated (a text cell that begins
with ``=`` stays text). The first sheet with a requirement-text column is used.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import Cancelled, InputError
from ..model import Framework, sha256_bytes
from ._clean import describe
from ._safe import open_zip_document
from ._tabular import RawTable, TablePreview, clean_row, preview_tables, read_tables


@contextmanager
def _workbook(path: Path):
    """The open workbook; anything openpyxl raises on a broken file becomes an InputError."""
    import openpyxl

    data = open_zip_document(path, "Excel")
    try:
        wb = openpyxl.load_workbook(data, read_only=True, data_only=True, keep_links=False)
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many types (KeyError, ValueError, XML errors) for broken files
        raise InputError(path, f"kan inte läsas som Excel-arbetsbok ({describe(exc)})") from None
    try:
        yield wb, data.getvalue()
    except (InputError, Cancelled, MemoryError):
        raise
    except Exception as exc:  # a sheet that is broken further in
        raise InputError(path, f"Excel-arbetsboken är skadad ({describe(exc)})") from None
    finally:
        wb.close()


def _tables(wb) -> Iterator[RawTable]:
    for ws in wb.worksheets:
        if not hasattr(ws, "iter_rows"):
            continue  # chart sheets
        rows = ((n, clean_row(values)) for n, values in enumerate(ws.iter_rows(values_only=True), start=1))
        yield RawTable(name=ws.title, rows=rows, locator=f"blad {ws.title}, rad {{row}}")


def read(path: str | Path, mapping: dict[str, str] | None = None) -> Framework:
    path = Path(path)
    with _workbook(path) as (wb, data):
        return read_tables(path, _tables(wb), mapping, "xlsx", sha256_bytes(data))


def preview(path: str | Path, mapping: dict[str, str] | None = None) -> TablePreview:
    path = Path(path)
    with _workbook(path) as (wb, _):
        return preview_tables(path, _tables(wb), mapping)
