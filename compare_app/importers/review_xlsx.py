"""Read back a review workbook (the Excel report's Kopplingar sheet) that a branch representative edited.

The representative may change two columns, Status (täckt/delvis/lucka) and Kommentar, and may sort
or filter the sheet. :func:`diff` compares each row with what the file held at export (kept in
the very hidden ``_meta`` sheet), so only what the reviewer actually edited counts, and reports it
against the project's current state. :func:`apply` turns the edits into decisions attributed to
the reviewer.

Per row, a status is the reviewer's verdict on that link: täckt or delvis accepts the item, lucka
rejects it. The requirement then gets the best status among all its rows in the file (a
requirement is covered when any linked item covers it).

A workbook exported from another project, or whose id columns were changed, rows added or
deleted, is refused with an :class:`~compare_app.errors.InputError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..alignment import Review, Status, now_iso
from ..errors import InputError
from ..exporters._report_data import SV_STATUS
from ..exporters.report_xlsx import (
    LAYOUT_VERSION,
    LINK_HEADERS,
    LINKS_SHEET,
    META_SHEET,
    REVIEWER_LABEL,
    link_signature,
)
from ._workbook import Sheet, open_workbook, sheet_rows

#: "formellt krav" on any row moves the requirement to the formal requirements (see ``align.formal``)
_RANK = {"gap": 0, "partial": 1, "covered": 2, "formal": 3}
#: cells read per row: the _meta sheet has four columns, Kopplingar a dozen (a reviewer may add a few)
_META_COLUMNS = 8
_LINK_COLUMNS = 60


@dataclass
class ReviewChange:
    """One edited row: the requirement, the item on the row ("" for a row without a link), old -> new."""

    requirement_id: str
    item_id: str
    old_status: Status
    new_status: Status
    old_note: str
    new_note: str
    status_edited: bool
    note_edited: bool


@dataclass
class ReviewDiff:
    path: Path
    reviewer: str
    changes: list[ReviewChange] = field(default_factory=list)
    #: requirement id -> the status the requirement gets (best row status in the file), for status edits
    requirement_status: dict[str, Status] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.changes)

    def requirement_ids(self) -> list[str]:
        return list(dict.fromkeys(c.requirement_id for c in self.changes))


@dataclass
class _Row:
    requirement_id: str
    item_id: str
    status: Status
    note: str
    line: int


def diff(project, path: str | Path, reviewer: str | None = None) -> ReviewDiff:
    """What the returned workbook at ``path`` changes in ``project``. Raises InputError for a foreign or tampered file."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "filen finns inte")
    with open_workbook(path, data_only=False) as (sheets, _):
        by_title = {sheet.title: sheet for sheet in sheets}
        meta = _read_meta(by_title.get(META_SHEET), path)
        if meta["project_id"] != project.id:
            raise InputError(path, "granskningsfilen hör till ett annat projekt och kan inte läsas in här")
        if LINKS_SHEET not in by_title:
            raise InputError(path, f"bladet {LINKS_SHEET} saknas")
        rows, name_in_file = _read_rows(by_title[LINKS_SHEET], path)
    _check_signature(path, project.id, rows, meta)
    _check_requirements_exist(path, project, rows)
    result = ReviewDiff(path, (reviewer or name_in_file or "").strip())
    exported = meta["values"]
    by_requirement: dict[str, list[_Row]] = {}
    for row in rows:
        by_requirement.setdefault(row.requirement_id, []).append(row)
    for row in rows:
        old_status, old_note = exported[(row.requirement_id, row.item_id)]
        status_edited, note_edited = row.status != old_status, row.note != old_note
        if not (status_edited or note_edited):
            continue
        current = project.effective(row.requirement_id)
        result.changes.append(ReviewChange(
            requirement_id=row.requirement_id,
            item_id=row.item_id,
            old_status=current.status,
            new_status=row.status if status_edited else current.status,
            old_note=current.note,
            new_note=row.note if note_edited else current.note,
            status_edited=status_edited,
            note_edited=note_edited,
        ))
        if status_edited:
            siblings = by_requirement[row.requirement_id]
            result.requirement_status[row.requirement_id] = max((r.status for r in siblings), key=_RANK.get)
    return result


def apply(project, review_diff: ReviewDiff) -> list[tuple[str, Review | None]]:
    """Apply the edits as decisions by the reviewer; returns ``(requirement id, previous review)`` pairs for undo."""
    by = review_diff.reviewer or f"granskare ({review_diff.path.name})"
    previous: list[tuple[str, Review | None]] = []
    for rid in review_diff.requirement_ids():
        changes = [c for c in review_diff.changes if c.requirement_id == rid]
        review = (project.reviews.get(rid) or Review()).copy()
        _apply_link_verdicts(project, rid, review, changes)
        if rid in review_diff.requirement_status:
            _apply_status(project, rid, review, review_diff.requirement_status[rid])
        notes = list(dict.fromkeys(c.new_note for c in changes if c.note_edited))
        if notes:
            review.note = " / ".join(n for n in notes if n)
        review.decided_by, review.decided_at = by, now_iso()
        previous.append((rid, project.set_review(rid, review)))
    return previous


def _apply_status(project, rid: str, review: Review, status: str) -> None:
    """A status chosen in the file; "formellt krav" moves the requirement in, a content status out."""
    if status == "formal":
        review.formal = True
        return
    review.status = status
    if project.effective(rid).status == "formal":
        review.formal = False


def _apply_link_verdicts(project, rid: str, review: Review, changes: list[ReviewChange]) -> None:
    proposed = set()
    if project.alignment and rid in project.alignment.results:
        proposed = {ref.item_id for m in project.alignment.results[rid].matches for ref in m.items()}
    for change in changes:
        if not (change.status_edited and change.item_id) or change.new_status == "formal":
            continue
        if change.new_status == "gap":
            review.links[change.item_id] = "rejected"
        else:
            review.links[change.item_id] = "accepted" if change.item_id in proposed else "manual"


# --- reading the file ---------------------------------------------------------------

def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read_meta(sheet: Sheet | None, path: Path) -> dict:
    if sheet is None:
        raise InputError(path, "filen är ingen granskningsfil från compare_app (det dolda bladet _meta saknas)")
    rows = [[_cell_text(v) for v in values] for _, values in sheet_rows(sheet, _META_COLUMNS, skip_hidden=False)]
    facts = {row[0]: row[1] if len(row) > 1 else "" for row in rows[:4] if row}
    if facts.get("layout") != LAYOUT_VERSION:
        raise InputError(path, "granskningsfilen har en okänd layout (exporterad av en annan version)")
    values = {}
    for row in rows[5:]:
        row = (row + ["", "", "", ""])[:4]
        if row[0]:
            values[(row[0], row[1])] = (row[2], row[3])
    return {"project_id": facts.get("project_id", ""), "signature": facts.get("signature", ""), "values": values}


def _read_rows(sheet: Sheet, path: Path) -> tuple[list[_Row], str]:
    """The review rows and the reviewer's name typed at the top of the sheet (rows a filter hides included)."""
    header_line, columns, reviewer = None, {}, ""
    rows: list[_Row] = []
    for line, values in sheet_rows(sheet, _LINK_COLUMNS, skip_hidden=False):
        texts = [_cell_text(v) for v in values]
        if header_line is None:
            if texts and texts[0] == REVIEWER_LABEL and len(texts) > 1:
                reviewer = texts[1]
            if "Krav-id" in texts and "Status" in texts:
                header_line = line
                columns = {name: texts.index(name) for name in LINK_HEADERS if name in texts}
                _require_columns(path, columns)
            continue
        rid = texts[columns["Krav-id"]] if columns["Krav-id"] < len(texts) else ""
        if not rid and not any(texts):
            continue
        rows.append(_row(path, line, texts, columns))
    if header_line is None:
        raise InputError(path, f"rubrikraden (Krav-id … Status) saknas i bladet {LINKS_SHEET}")
    return rows, reviewer


def _require_columns(path: Path, columns: dict) -> None:
    missing = [n for n in ("Krav-id", "Innehålls-id", "Status", "Kommentar") if n not in columns]
    if missing:
        raise InputError(path, f"kolumnerna {', '.join(missing)} saknas i bladet {LINKS_SHEET}")


def _row(path: Path, line: int, texts: list[str], columns: dict) -> _Row:
    def get(name: str) -> str:
        idx = columns[name]
        return texts[idx] if idx < len(texts) else ""

    raw = get("Status").lower()
    status = SV_STATUS.get(raw) or (raw if raw in _RANK else None)
    if status is None:
        raise InputError(path, f"rad {line}: okänd status '{get('Status')}' (använd täckt, delvis, lucka eller formellt krav)")
    return _Row(get("Krav-id"), get("Innehålls-id"), status, get("Kommentar"), line)


def _check_signature(path: Path, project_id: str, rows: list[_Row], meta: dict) -> None:
    keys = [(r.requirement_id, r.item_id) for r in rows]
    if len(set(keys)) != len(keys) or link_signature(project_id, keys) != meta["signature"]:
        raise InputError(path, "id-kolumnerna (Krav-id, Innehålls-id) har ändrats, eller rader har lagts till "
                               "eller tagits bort, efter exporten; filen kan inte läsas in")
    missing = [k for k in keys if k not in meta["values"]]
    if missing:
        raise InputError(path, "det dolda bladet _meta stämmer inte med bladet Kopplingar")


def _check_requirements_exist(path: Path, project, rows: list[_Row]) -> None:
    gone = sorted({r.requirement_id for r in rows if project.standard.get(r.requirement_id) is None})
    if gone:
        raise InputError(path, f"kraven {', '.join(gone[:5])} finns inte längre i projektet")
