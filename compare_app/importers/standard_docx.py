"""A competence standard from a Word document (.docx).

Reading order follows the document body:

* a *Heading* paragraph starts a new area (a single top heading above all others is
  the document title, as is a *Title* paragraph);
* a *list* paragraph (a List style or Word numbering) is a requirement; it may start
  with an id (``"A1 "``, ``"K-3: "``) and end with ``"(färdighet, SeQF 3)"``; so is a
  paragraph numbered by hand (``"1. "``, ``"2) "``: the number is left out of the text);
* a *table* whose first row has recognisable headers (as in a sheet: ID, Typ,
  SeQF-nivå, Kompetenskrav …) gives one requirement per row; a one-column table gives
  one per non-empty row; other tables (layout, signatures) are skipped with a warning,
  and so is a revision history (a table headed Version and Datum, whatever else it has:
  its "Beskrivning" column describes changes, not requirements).

A document without headings still imports: area is the document title or "" and a
warning says so. Without lists or tables, body paragraphs under headings are used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Cancelled, InputError
from ..model import Framework, SourceInfo, sha256_bytes
from ._clean import clean, describe, header_key
from ._safe import open_zip_document
from ._tabular import RequirementBuilder, add_rows, clean_row, find_header, normalise_kind, rows_below_header

_LEADING_ID = re.compile(r"^([A-ZÅÄÖ]{1,6}[-.]?\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:[:.)]\s+|\s+[-–]\s+|\s+)(?=\S)")
_TRAILING_META = re.compile(r"\s*\(([^()]{2,60})\)\s*$")
_LEVEL = re.compile(r"(?:seqf|eqf|nivå)\s*[-:]?\s*(\d{1,2})", re.IGNORECASE)
_TYPED_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]\s+(?=\S)")
#: Header words of a document's revision history: a table with one of each is not requirements.
_VERSION_HEADERS = ("version", "versionsnummer", "revision", "rev", "utgåva", "ver")
_DATE_HEADERS = ("datum", "date", "ändringsdatum", "fastställd", "giltig från")


@dataclass
class _Block:
    """One body element in document order: a paragraph or a table."""

    kind: str  # "heading", "title", "list", "text", "table", "revisions" (a revision-history table)
    number: int  # 1-based count of paragraphs (for "stycke N") or tables (for "tabell N")
    text: str = ""
    level: int = 0
    rows: list[list[str]] | None = None
    depth: int = 0  # a paragraph numbered by hand: how many parts its number has ("1.2." is 2)
    ordinal: int = 0  # ... and its last part ("1.2." is 2)


def _style_name(paragraph) -> str:
    try:
        return (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, AttributeError, ValueError):
        return ""


def _heading_level(style: str) -> int | None:
    low = style.lower()
    if low == "title" or low == "rubrik":
        return 0
    m = re.match(r"(?:heading|rubrik)\s*(\d)", low)
    return int(m.group(1)) if m else None


def _is_list(paragraph, style: str) -> bool:
    low = style.lower()
    if "list" in low or low.startswith(("punktlista", "numrerad lista")):  # English names, or Swedish ones LibreOffice may store
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _blocks(document) -> list[_Block]:
    """Body paragraphs and tables in order, classified."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[_Block] = []
    paras = tables = 0
    for el in document.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paras += 1
            para = Paragraph(el, document)
            text = clean(para.text)
            if not text:
                continue
            style = _style_name(para)
            level = _heading_level(style)
            if level == 0:
                blocks.append(_Block("title", paras, text))
            elif level is not None:
                blocks.append(_Block("heading", paras, text, level))
            elif _is_list(para, style):
                blocks.append(_Block("list", paras, text))
            elif typed := _TYPED_NUMBER.match(text):
                blocks.append(_typed_block(paras, text[typed.end():], typed.group(0)))
            else:
                blocks.append(_Block("text", paras, text))
        elif tag == "tbl":
            tables += 1
            rows = [clean_row(cell.text for cell in _unique_cells(row)) for row in Table(el, document).rows]
            blocks.append(_Block("revisions" if _is_revision_table(rows) else "table", tables, rows=rows))
    _typed_headings(blocks)
    return blocks


def _typed_block(number: int, text: str, typed: str) -> _Block:
    """A paragraph numbered by hand: a requirement (level -1 marks it) until :func:`_typed_headings`
    finds it is the heading of the ones after it."""
    parts = [p for p in re.split(r"[.)]", typed.strip()) if p.strip()]
    last = parts[-1].strip() if parts else ""
    return _Block("list", number, text, level=-1, depth=max(len(parts), 1), ordinal=int(last) if last.isdigit() else 0)


def _typed_headings(blocks: list[_Block]) -> None:
    """A hand-numbered paragraph is a heading at its depth when the next hand-numbered one is
    numbered below it ("2. Svetsning" before "2.1 Svetsa kälfogar"), or when it is a short name
    after which the numbering starts again ("2. Metoder" before "1. Kan svetsa ..."). The others
    stay requirements, however short ("1. Svetsa stumfog" before "2. Kapa rör")."""
    typed = [(n, b) for n, b in enumerate(blocks) if b.kind == "list" and b.level == -1]
    for (n, here), (m, after) in zip(typed, typed[1:]):
        deeper = after.depth == here.depth + 1
        restart = (m == n + 1 and after.depth == here.depth and after.ordinal == 1  # right after it, nothing between
                   and len(here.text.split()) <= 3 and not here.text.endswith((".", "!", "?", ":")))
        if deeper or restart:
            here.kind, here.level = "heading", here.depth


def _is_revision_table(rows: list[list[str]]) -> bool:
    """A table whose first row names a version and a date: the document's change history."""
    keys = {header_key(cell) for cell in (rows[0] if rows else [])}
    return bool(keys & set(_VERSION_HEADERS)) and bool(keys & set(_DATE_HEADERS))


def _unique_cells(row):
    """Cells of a table row, a horizontally merged cell once (python-docx repeats it)."""
    seen = []
    for cell in row.cells:
        if not seen or cell._tc is not seen[-1]._tc:
            seen.append(cell)
    return seen


def _title(document, blocks: list[_Block], path: Path) -> tuple[str, set[int]]:
    """Document title and the paragraph numbers used for it (so they are not areas)."""
    titles = [b for b in blocks if b.kind == "title"]
    if titles:
        return titles[0].text, {titles[0].number}
    headings = [b for b in blocks if b.kind == "heading"]
    if headings:
        top = min(b.level for b in headings)
        tops = [b for b in headings if b.level == top]
        deeper = any(b.level > top for b in headings)
        if len(tops) == 1 and deeper and headings[0] is tops[0]:
            return tops[0].text, {tops[0].number}
    core = clean(getattr(document.core_properties, "title", "") or "")
    return core or path.stem, set()


def _split_list_text(text: str) -> tuple[str, str, str, str]:
    """``"A1 Svetsa … (färdighet, SeQF 3)"`` -> id, text, kind, level (missing parts "")."""
    item_id = kind = level = ""
    m = _LEADING_ID.match(text)
    if m:
        item_id, text = m.group(1), text[m.end() :]
    meta = _TRAILING_META.search(text)
    if meta:
        parts = [p.strip() for p in re.split(r"[,;/]", meta.group(1))]
        found_kind = next((normalise_kind(p) for p in parts if normalise_kind(p)), None)
        found_level = next((lv.group(1) for p in parts if (lv := _LEVEL.search(p))), "")
        if found_kind or found_level:
            kind, level = found_kind or "", found_level
            text = text[: meta.start()].rstrip()
    return item_id, text, kind, level


def _add_table(builder: RequirementBuilder, block: _Block, area: str) -> str:
    rows = [(n, cells) for n, cells in enumerate(block.rows or [], start=1)]
    locator = f"tabell {block.number}, rad {{row}}"
    header = find_header(rows[:1], {}) if rows else None
    if header is not None:
        builder.warnings.extend(header.warnings)
        data_rows, columns = rows_below_header(header, rows[:2], rows[2:], builder.warnings)
        return add_rows(builder, data_rows, columns, locator, area, header.groups)
    if rows and all(len(cells) <= 1 for _, cells in rows):
        for n, cells in rows:
            if cells and cells[0]:
                builder.add(cells[0], locator.format(row=n), area=area)
        return area
    builder.warnings.append(f"{builder.source}: tabell {block.number} har ingen rubrikrad med kravtext och hoppades över")
    return area


def _requirements(path: Path, blocks: list[_Block], title_numbers: set[int], default_area: str, warnings: list[str]):
    builder = RequirementBuilder(path, warnings)
    has_lists = any(b.kind in ("list", "table") for b in blocks)
    for block in blocks:
        if block.kind == "revisions":
            heads = ", ".join(c for c in (block.rows or [[]])[0] if c)
            warnings.append(f"{path.name}: tabell {block.number} ({heads}) är en versionshistorik och lästes inte som krav")
    typed = sum(1 for b in blocks if b.kind == "list" and b.level == -1)
    if typed:
        warnings.append(f"{path.name}: {typed} stycken numrerade för hand (”1.”, ”2.” …) lästes som krav; "
                        "numret ingår inte i kravtexten")
    area = default_area
    seen_heading = False
    for block in blocks:
        if block.kind in ("heading", "title"):
            if block.number not in title_numbers and block.kind == "heading":
                area, seen_heading = block.text, True
        elif block.kind == "table":
            area = _add_table(builder, block, area)
        elif block.kind == "list" or (block.kind == "text" and not has_lists and seen_heading):
            item_id, text, kind, level = _split_list_text(block.text)
            builder.add(text, f"stycke {block.number}", item_id=item_id, area=area, kind=kind, level=level)
    return builder.items, seen_heading, has_lists


def read(path: str | Path) -> Framework:
    path = Path(path)
    data = open_zip_document(path, "Word")
    try:
        from docx import Document

        document = Document(data)
        blocks = _blocks(document)
        title, title_numbers = _title(document, blocks, path)
    except (InputError, Cancelled, MemoryError):
        raise
    except Exception as exc:  # python-docx/lxml raise many types (KeyError, ValueError, XMLSyntaxError) for broken files
        raise InputError(path, f"kan inte läsas som Word-dokument ({describe(exc)})") from None
    warnings: list[str] = []
    has_headings = any(b.kind == "heading" and b.number not in title_numbers for b in blocks)
    default_area = "" if has_headings else title
    items, _, has_lists = _requirements(path, blocks, title_numbers, default_area, warnings)
    if not items:
        raise InputError(
            path,
            "hittade inga krav: lägg kraven i punktlistor eller numrerade listor under rubriker per kompetensområde, "
            "eller i en tabell med rubrikraden ID, Typ, Nivå, Kompetenskrav",
        )
    if not has_headings:
        warnings.insert(0, f"{path.name}: dokumentet har inga rubriker, så kompetensområdena är okända "
                           f"(alla krav får området {default_area!r})")
    if not has_lists:
        warnings.insert(0, f"{path.name}: inga listor eller tabeller; varje vanligt stycke under en rubrik lästes som ett krav")
    fw = Framework(kind="standard", title=title, items=items, warnings=warnings)
    fw.sources.append(SourceInfo(str(path), sha256_bytes(data.getvalue()), "docx"))
    return fw
