"""Read candidates' results back from the review workbook's *Kandidater* sheet.

See :mod:`compare_app.exporters._candidate_sheet` for the layout. :func:`read` compares every
cell with what the project holds now, so only what the assessor wrote counts; an emptied cell
leaves a recorded result as it is (a saved decision is never lost by a blank). A column whose
hidden id names a candidate updates that candidate; a column without one (*Ny kandidat*,
renamed by the assessor) becomes a new candidate named by its heading. :func:`apply` records
the results, returning what it replaced for undo.

A workbook from another project, an unknown result, date or method, or a requirement id the
standard lacks is refused with an :class:`~compare_app.errors.InputError` naming the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..candidates import edit
from ..candidates.model import ASSESSMENT_METHODS, Candidate
from ..errors import InputError
from ..exporters import _candidate_sheet as sheet
from ._workbook import open_workbook, sheet_rows
from .review_xlsx import _cell_text

#: accepted spellings, longest first so "ej visad" is not read as "visad"
_RESULT_WORDS = (
    ("delvis visad", "partly_shown"), ("inte visad", "not_shown"), ("ej visad", "not_shown"),
    ("delvis", "partly_shown"), ("visad", "shown"), ("nej", "not_shown"), ("ja", "shown"),
)
_METHOD_BY_LABEL = {label.casefold(): key for key, label in ASSESSMENT_METHODS.items()}


@dataclass
class CellResult:
    requirement_id: str
    status: str
    note: str


@dataclass
class ColumnResults:
    """What one column of the sheet records: for an existing candidate (``candidate_id``) or a new one."""

    heading: str
    candidate_id: str  # "" for a new candidate
    day: str
    method: str
    results: list[CellResult] = field(default_factory=list)


@dataclass
class CandidateImport:
    path: Path
    columns: list[ColumnResults] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(len(c.results) for c in self.columns)

    def new_candidates(self) -> list[str]:
        return [c.heading for c in self.columns if not c.candidate_id]


def parse_result(text: str) -> tuple[str, str] | None:
    """``"delvis visad: behöver öva"`` -> ``("partly_shown", "behöver öva")``; None when not a result."""
    low = text.strip().casefold()
    for word, status in _RESULT_WORDS:
        if low == word or (low.startswith(word) and low[len(word)] in ":;,-–— "):
            return status, text.strip()[len(word):].lstrip(" :;,-–—").strip()
    return None


#: columns read per row: the requirement columns and up to this many candidates beside them
MAX_COLUMNS = 200


def read(project, path: str | Path) -> CandidateImport:
    """The results the sheet at ``path`` adds or changes in ``project``. Raises InputError."""
    path = Path(path)
    with open_workbook(path, data_only=False) as (sheets, _):  # the bounded reader every workbook goes through
        found = next((s for s in sheets if s.title == sheet.SHEET), None)
        if found is None:
            raise InputError(path, f"bladet {sheet.SHEET} saknas (filen är ingen granskningsfil med kandidater)")
        rows = [list(values) for _, values in sheet_rows(found, MAX_COLUMNS, skip_hidden=False)]
    cell = lambda r, c: rows[r - 1][c - 1] if r <= len(rows) and c <= len(rows[r - 1]) else None  # noqa: E731
    if _cell_text(cell(sheet.ID_ROW, 1)) != sheet.PROJECT_ID_LABEL:
        raise InputError(path, f"bladet {sheet.SHEET} har en okänd layout")
    if _cell_text(cell(sheet.ID_ROW, 2)) != project.id:
        raise InputError(path, "granskningsfilen hör till ett annat projekt och kan inte läsas in här")
    width = max((len(r) for r in rows), default=0)
    result = CandidateImport(path)
    for col in range(sheet.FIRST_CANDIDATE_COL, width + 1):
        column = _column(project, path, rows, cell, col)
        if column is not None:
            result.columns.append(column)
    return result


def _column(project, path: Path, rows, cell, col: int) -> ColumnResults | None:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(col)
    heading = _cell_text(cell(sheet.HEADER_ROW, col))
    cid = _cell_text(cell(sheet.ID_ROW, col))
    candidate = next((c for c in project.candidates if c.id == cid), None) if cid else None
    if cid and candidate is None:
        raise InputError(path, f"kolumn {letter}: kandidaten finns inte längre i projektet")
    column = ColumnResults(heading, cid, _day(path, letter, cell(sheet.DATE_ROW, col)),
                           _method(path, letter, _cell_text(cell(sheet.METHOD_ROW, col))))
    for line in range(sheet.HEADER_ROW + 1, len(rows) + 1):
        rid, text = _cell_text(cell(line, 1)), _cell_text(cell(line, col))
        if not text:
            continue
        if project.standard.get(rid) is None:
            raise InputError(path, f"{sheet.SHEET}!A{line}: kravet {rid!r:.40} finns inte i standarden")
        if candidate is not None and text == sheet.cell_text(candidate.results.get(rid)):
            continue  # unchanged since the export
        parsed = parse_result(text)
        if parsed is None:
            raise InputError(path, f"{sheet.SHEET}!{letter}{line}: okänt resultat {text!r:.40} "
                                   "(skriv visad, delvis visad eller ej visad)")
        column.results.append(CellResult(rid, *parsed))
    if not column.results:
        return None
    if not cid and heading in ("", sheet.NEW_CANDIDATE):
        raise InputError(path, f"kolumn {letter}: skriv kandidatens namn eller referens i rubriken")
    return column


def _day(path: Path, letter: str, value) -> str:
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    try:
        return edit.check_date(_cell_text(value))
    except ValueError as exc:
        raise InputError(path, f"{sheet.SHEET}!{letter}{sheet.DATE_ROW}: {exc}") from None


def _method(path: Path, letter: str, text: str) -> str:
    if not text:
        return ""
    key = _METHOD_BY_LABEL.get(text.casefold()) or (text if text in ASSESSMENT_METHODS else None)
    if key is None:
        raise InputError(path, f"{sheet.SHEET}!{letter}{sheet.METHOD_ROW}: okänd bedömningsform {text!r:.40}")
    return key


def apply(project, imported: CandidateImport, by: str = "") -> list[Candidate]:
    """Record the imported results; returns copies of all candidates as they were, for undo.

    A result without a date or method in its column keeps the one recorded before, if any.
    """
    before = [c.copy() for c in project.candidates]
    for column in imported.columns:
        candidate = next((c for c in project.candidates if c.id == column.candidate_id), None)
        if candidate is None:
            candidate = edit.find(project, column.heading) or edit.add_candidate(project, column.heading)
        for res in column.results:
            old = candidate.results.get(res.requirement_id)
            edit.record(project, candidate, res.requirement_id, res.status,
                        day=column.day or (old.date if old else ""),
                        method=column.method or (old.method if old else ""), note=res.note, by=by)
    return before
