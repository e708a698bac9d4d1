"""Reading a competence standard out of a table (Excel sheet, CSV file or Word table).

The logic every tabular format shares lives here:

* find the header row, which need not be row 1 (titles and blank rows may come first);
* map columns to our fields by their header text, Swedish or English, or by an
  explicit ``mapping`` (field -> header text) that overrides the guess;
* build requirements: area from an area column or from *section rows* (a row with
  only an area-like cell); further grouping columns between the area and the text
  (Område | Moment | Beskrivning) nest below the area as the item's ``section``,
  joined with " › " as the CASE importer does; kinds normalised to
  kunskap/färdighet/kompetens, SeQF level; rows without an id get a short readable
  one, the initials of their area path and their position in it (``SA-3``,
  ``SA-EL-2``), the same on every import of the same file; duplicate ids suffixed;
* bounded work: at most :data:`MAX_REQUIREMENTS` requirements, long cells cut.

:func:`preview_table` gives the GUI's import dialog what it needs to show and edit
the mapping before calling ``load_standard(path, mapping)``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import ITEM_KINDS, Framework, Item, Provenance, SourceInfo
from ._clean import MAX_TEXT_CHARS, capped, clean, header_key

FIELDS = ("id", "area", "kind", "text", "level")
#: A branch standard has tens or hundreds of requirements; more than this is not one.
MAX_REQUIREMENTS = 10_000
#: Rows looked at when searching for the header row.
HEADER_SCAN_ROWS = 30
#: Cells read per row; columns further right are ignored.
MAX_COLUMNS = 100
#: This many empty rows in a row end the table (formatting often reaches row 1,048,576).
MAX_EMPTY_RUN = 1_000
#: Short fields (id, area, kind, level) longer than this are cut.
MAX_SHORT_CHARS = 300
PREVIEW_ROWS = 20
#: Longer cells are never headers (and are not searched for header words).
MAX_HEADER_CHARS = 80
PREVIEW_CELL_CHARS = 300
#: A column left of the text whose cells are all at most this long can be a grouping column.
MAX_GROUP_CHARS = 150
#: Joins nested grouping levels in an item's ``section`` (as :mod:`case_json` does).
SECTION_JOIN = " › "
#: Words left out of an area's initials ("Säkerhet och arbetsmiljö" -> "SA").
_SMALL_WORDS = {"och", "i", "av", "för", "med", "på", "till", "om", "en", "ett", "att", "som", "vid", "inom", "samt",
                "eller", "the", "and", "of", "for", "in", "to", "a", "an", "with", "on"}

# Exact header names (after header_key normalisation), Swedish and English.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "nr", "nr.", "nummer", "kod", "krav-id", "kravid", "krav id", "kravnummer", "kravnr", "kravkod",
           "ref", "referens", "beteckning", "löpnummer", "#", "code", "no", "no.", "number", "identifier", "ref."),
    "area": ("område", "omrade", "kompetensområde", "kompetensomrade", "huvudområde", "arbetsområde", "kravområde",
             "avsnitt", "kategori", "area", "competence area", "domain", "category", "section"),
    "kind": ("typ", "kind", "type", "kunskapstyp", "kravtyp", "typ av krav", "typ av lärandemål", "lärandemålstyp",
             "k/f/kp", "k/f/k", "outcome type", "knowledge type", "learning outcome type"),
    "text": ("text", "krav", "kompetenskrav", "kravtext", "kravformulering", "formulering", "beskrivning",
             "kunskapskrav", "lärandemål", "läranderesultat", "innehåll", "requirement", "requirements",
             "learning outcome", "learning outcomes", "description", "statement"),
    "level": ("nivå", "niva", "seqf", "seqf-nivå", "seqf nivå", "nivå seqf", "nivå (seqf", "eqf", "eqf-nivå",
              "level", "seqf level", "eqf level"),
}
# Word endings for headers not in the lists (Swedish compounds: "Yrkeskrav", "Delområde").
# Checked in this order so that "Krav-id" is an id and "Typ av krav" a kind before "krav" means text.
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("id", ("id", "nr", "nummer", "kod")),
    ("level", ("nivå", "seqf", "eqf", "level")),
    ("kind", ("typ", "type", "kind")),
    ("area", ("område", "area", "domän", "avsnitt")),
    ("text", ("krav", "beskrivning", "requirement", "requirements", "lärandemål", "text", "description", "outcome")),
)

_KIND_WORDS = {
    "kunskap": "kunskap", "kunskaper": "kunskap", "knowledge": "kunskap", "k": "kunskap",
    "färdighet": "färdighet", "färdigheter": "färdighet", "fardighet": "färdighet", "fardigheter": "färdighet",
    "skill": "färdighet", "skills": "färdighet", "f": "färdighet", "s": "färdighet",
    "kompetens": "kompetens", "kompetenser": "kompetens", "competence": "kompetens", "competences": "kompetens",
    "kp": "kompetens", "komp": "kompetens", "c": "kompetens",
    "responsibility": "kompetens", "ansvar": "kompetens", "autonomy": "kompetens",
}


@dataclass
class TablePreview:
    """What the import dialog shows: the detected header, the guessed mapping and the first rows."""

    path: str
    sheet: str  # sheet name for Excel, "" for CSV
    header_row: int  # 1-based row number of the header row, as Excel or a text editor shows it
    headers: list[str]
    mapping: dict[str, str]  # our field -> header text
    rows: list[list[str]]  # first data rows, cells aligned with ``headers``
    warnings: list[str] = field(default_factory=list)
    fields: tuple[str, ...] = FIELDS
    #: headers of the grouping columns nested below the area (Område | Moment | Beskrivning: ["Moment"])
    subgroups: list[str] = field(default_factory=list)


@dataclass
class RawTable:
    """Rows of one sheet or file: ``(1-based row number, cell texts)``, produced lazily."""

    name: str
    rows: Iterator[tuple[int, list[str]]]
    locator: str = "rad {row}"  # how a row is named in provenance, e.g. "blad Krav, rad {row}"


@dataclass
class _Header:
    index: int  # position in the scanned rows
    row_number: int
    headers: list[str]
    columns: dict[str, int]  # field -> column index
    warnings: list[str]
    #: grouping columns, outermost first: the area column and any other named columns
    #: between it and the text (see :func:`grouping_columns`)
    groups: list[int] = field(default_factory=list)


def clean_row(values: Iterable[object]) -> list[str]:
    """Cells as clean text, at most :data:`MAX_COLUMNS`, trailing empty cells dropped."""
    cells = []
    for n, value in enumerate(values):
        if n >= MAX_COLUMNS:
            break
        cells.append(clean(value))
    while cells and not cells[-1]:
        cells.pop()
    return cells


# --------------------------------------------------------------------------- header


def guess_columns(headers: list[str]) -> dict[str, int]:
    """Field -> column index, guessed from header texts (exact names first, then word endings)."""
    keys = [header_key(h) if len(h) <= MAX_HEADER_CHARS else "" for h in headers]
    columns: dict[str, int] = {}
    for fld in FIELDS:
        for col, key in enumerate(keys):
            if key and key in _SYNONYMS[fld] and col not in columns.values():
                columns[fld] = col
                break
    for fld, endings in _KEYWORDS:
        if fld in columns:
            continue
        for col, key in enumerate(keys):
            if col in columns.values() or not key:
                continue
            words = re.split(r"[^\wåäö]+", key)
            if any(w.endswith(e) for w in words if w for e in endings):
                columns[fld] = col
                break
    return columns


def _mapped_columns(headers: list[str], mapping: dict[str, str]) -> dict[str, int] | None:
    """Columns for an explicit mapping, or None when a mapped header is not in ``headers``."""
    keys = [header_key(h) for h in headers]
    columns: dict[str, int] = {}
    for fld, header in mapping.items():
        key = header_key(header)
        if key not in keys:
            return None
        columns[fld] = keys.index(key)
    for fld, col in guess_columns(headers).items():  # fill the fields the mapping leaves out
        if fld not in columns and col not in columns.values():
            columns[fld] = col
    return columns


def _check_mapping(path: Path, mapping: dict[str, str] | None) -> dict[str, str]:
    mapping = {k: v for k, v in (mapping or {}).items() if v}
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise InputError(path, f"okänt fält i kolumnmappningen: {', '.join(unknown)} (tillåtna: {', '.join(FIELDS)})")
    return mapping


def _longest_free_column(headers: list[str], columns: dict[str, int], sample: list[list[str]]) -> int | None:
    """The unmapped named column with the longest texts: the likely requirement text."""
    best, best_len = None, 0
    for col, head in enumerate(headers):
        if not head or col in columns.values():
            continue
        total = sum(len(r[col]) for r in sample if col < len(r))
        if total > best_len:
            best, best_len = col, total
    return best


def grouping_columns(headers: list[str], columns: dict[str, int], sample: list[list[str]]) -> list[int]:
    """The columns that group requirements, outermost first.

    The area column, if any, and every column left of the text that no field uses, whose
    header names a grouping (:data:`GROUP_HEADER`) and whose cells are short words, not
    numbers (Område | Moment | Beskrivning: Moment is one). Without an area column the
    first such column is the area.
    """
    text_col = columns.get("text", len(headers))
    used = {col for fld, col in columns.items() if fld != "area"}
    start = columns.get("area", -1)
    groups = [start] if start >= 0 else []
    for col in range(start + 1, text_col):
        if col in used or not headers[col].strip():
            continue
        cells = [row[col] for row in sample if col < len(row) and row[col]]
        if any(len(c) > MAX_GROUP_CHARS for c in cells) or _mostly_numbers(cells):
            continue  # a weight, points or a number column groups nothing
        if not GROUP_HEADER.search(headers[col]):
            continue  # only a column named like a grouping ("Moment") nests; "Vikt" or "Ansvarig" does not
        groups.append(col)
    return groups


#: headers that name a grouping of requirements (besides the area's own names)
GROUP_HEADER = re.compile(r"moment|område|avsnitt|kategori|tema|del\b|grupp|kapitel|block|arbetsuppgift", re.I)


def _mostly_numbers(cells: list[str]) -> bool:
    return bool(cells) and sum(1 for c in cells if re.fullmatch(r"[\d\s.,%/-]+", c)) * 2 > len(cells)


def find_header(scanned: list[tuple[int, list[str]]], mapping: dict[str, str]) -> _Header | None:
    """The header row among the first rows: the one mapping most fields, including text."""
    best: _Header | None = None
    for idx, (row_number, cells) in enumerate(scanned):
        if not any(cells):
            continue
        sample = [c for _, c in scanned[idx + 1 : idx + 1 + PREVIEW_ROWS]]
        if mapping:
            columns = _mapped_columns(cells, mapping)
            if columns is not None and "text" in columns:
                return _Header(idx, row_number, cells, columns, [], grouping_columns(cells, columns, sample))
            continue
        columns = guess_columns(cells)
        warnings: list[str] = []
        if "text" not in columns and len(columns) >= 2:
            col = _longest_free_column(cells, columns, sample)
            if col is not None:
                columns["text"] = col
                warnings.append(f"ingen kolumn hette som en kravtext; kolumnen {cells[col]!r} används som kravtext")
        if "text" in columns and (best is None or len(columns) > len(best.columns)):
            best = _Header(idx, row_number, cells, columns, warnings, grouping_columns(cells, columns, sample))
    return best


def _no_header_error(path: Path, scanned_by_sheet: list[tuple[str, list[tuple[int, list[str]]]]], mapping) -> InputError:
    seen = []
    for sheet, scanned in scanned_by_sheet:
        widest = max((cells for _, cells in scanned), key=lambda c: sum(1 for v in c if v), default=[])
        if any(widest):  # the row with most filled cells is the likeliest header
            heads = ", ".join(repr(c[:60]) for c in widest[:12] if c)
            seen.append(f"{'blad ' + sheet + ': ' if sheet else ''}{heads}")
    headers = "; ".join(seen) if seen else "inga (filen saknar innehåll)"
    if mapping:
        wanted = ", ".join(f"{k}={v!r}" for k, v in mapping.items())
        return InputError(path, f"hittade inte kolumnerna i mappningen ({wanted}) bland de första {HEADER_SCAN_ROWS} raderna. "
                                f"Rubriker som finns: {headers}")
    return InputError(
        path,
        "hittade ingen kolumn med kravtext (t.ex. rubriken 'Krav', 'Kompetenskrav', 'Beskrivning' eller 'Requirement'). "
        f"Rubriker som finns: {headers}. Ange vilken kolumn som är vad i importdialogen, eller på kommandoraden "
        "med --map text=<rubrik> (och vid behov --map id=, area=, kind=, level=)",
    )


# --------------------------------------------------------------------------- values


def normalise_kind(raw: str) -> str | None:
    """``"Färdighet (F)"``, ``"skills"``, ``"Kp"`` -> the canonical kind; None when unknown."""
    key = raw.lower().strip(" .:()")
    if key in ITEM_KINDS:
        return key
    if key in _KIND_WORDS:
        return _KIND_WORDS[key]
    first = re.split(r"[^\wåäö]+", key)[0] if key else ""
    return _KIND_WORDS.get(first) if len(first) > 2 else None


def normalise_level(raw: str) -> str | None:
    """``"SeQF 4"``, ``"Nivå 4"``, ``"4"`` -> ``"4"``; other text kept as written; empty -> None."""
    if not raw:
        return None
    m = re.fullmatch(r"(?:seqf|eqf|nivå|niva|level)?[\s\-:]*(\d{1,2})(?:[.,]0)?", raw.lower())
    return m.group(1) if m else raw


class RequirementBuilder:
    """Collects requirements in order, giving ids, positions and warnings.

    Shared by the table importers and the Word importer.
    """

    def __init__(self, path: Path, warnings: list[str]):
        self.path = path
        self.source = path.name
        self.warnings = warnings
        self.items: list[Item] = []
        self._ids: set[str] = set()
        self._positions: Counter[str] = Counter()
        self._in_group: Counter[tuple[str, str]] = Counter()
        self._prefixes: dict[tuple[str, str], str] = {}  # (area, section) -> id prefix
        self._unknown_kinds: set[str] = set()

    def add(self, text: str, locator: str, *, item_id: str = "", area: str = "", kind: str = "", level: str = "",
            section: str = "") -> Item:
        if len(self.items) >= MAX_REQUIREMENTS:
            raise InputError(
                self.path,
                f"mer än {MAX_REQUIREMENTS:,} krav – det är inte en kompetensstandard (fel blad eller fel fil?). ".replace(",", " ")
                + "Dela upp filen eller välj bara kravtabellen",
            )
        where = f"{self.source}, {locator}"
        text = capped(text, where, self.warnings)
        area = self._short(area, where)
        section = self._short(section, where)
        self._in_group[(area, section)] += 1
        item_id = self._unique_id(self._short(item_id, where) or self._readable_id(area, section), where)
        self._positions[area] += 1
        item = Item(
            id=item_id,
            text=text,
            provenance=Provenance(self.source, locator),
            area=area,
            section=section,
            kind=self._kind(self._short(kind, where), where),
            level=normalise_level(self._short(level, where)),
            position=self._positions[area],
        )
        self.items.append(item)
        return item

    def _readable_id(self, area: str, section: str) -> str:
        """``SA-3``: the initials of each grouping level, then the position within the group.

        Two groups with the same initials are told apart by a number (``SA2-1``); without
        any area the prefix is ``K`` (krav). The same file always gives the same ids.
        """
        key = (area, section)
        prefix = self._prefixes.get(key)
        if prefix is None:
            levels = [area, *section.split(SECTION_JOIN)] if section else [area]
            base = "-".join(initials(level) for level in levels if level) or "K"
            taken = set(self._prefixes.values())
            prefix, n = base, 1
            while prefix in taken:
                n += 1
                prefix = f"{base}{n}"
            self._prefixes[key] = prefix
        return f"{prefix}-{self._in_group[key]}"

    def _short(self, value: str, where: str) -> str:
        if len(value) <= MAX_SHORT_CHARS:
            return value
        self.warnings.append(f"{where}: fältet har {len(value)} tecken och kortades till {MAX_SHORT_CHARS}")
        return value[:MAX_SHORT_CHARS]

    def _unique_id(self, item_id: str, where: str) -> str:
        if item_id not in self._ids:
            self._ids.add(item_id)
            return item_id
        n = 2
        while f"{item_id}-{n}" in self._ids:
            n += 1
        new = f"{item_id}-{n}"
        self.warnings.append(f"{where}: id {item_id!r} finns redan; kravet fick id {new!r}")
        self._ids.add(new)
        return new

    def _kind(self, raw: str, where: str) -> str | None:
        if not raw:
            return None
        kind = normalise_kind(raw)
        if kind is None and raw not in self._unknown_kinds:
            self._unknown_kinds.add(raw)
            self.warnings.append(f"{where}: okänd typ {raw!r} (väntade kunskap, färdighet eller kompetens); typen lämnas tom")
        return kind


def initials(name: str) -> str:
    """``"Säkerhet och arbetsmiljö"`` -> ``"SA"``; numbers are kept whole (``"Område 2"`` -> ``"O2"``)."""
    words = [w for w in re.findall(r"[^\W_]+", name) if w.lower() not in _SMALL_WORDS]
    return "".join(w if w.isdigit() else w[0] for w in words).upper()[:6]


# --------------------------------------------------------------------------- rows -> requirements


def _is_section_row(cells: list[str], columns: dict[str, int]) -> bool:
    """A row holding only an area name (used when the table has no area column)."""
    filled = [(col, val) for col, val in enumerate(cells) if val]
    if len(filled) != 1:
        return False
    col, value = filled[0]
    if len(value) > 120:
        return False
    if col == columns.get("id") and any(ch.isdigit() for ch in value) and " " not in value:
        return False  # an id whose requirement text is missing, not a heading
    if col != columns.get("text"):
        return True
    # Only the text cell is filled: a heading if the table uses ids and this is short and not a sentence.
    return "id" in columns and len(value) <= 80 and not value.endswith((".", "!", "?"))


def _get(cells: list[str], columns: dict[str, int], fld: str) -> str:
    col = columns.get(fld)
    return cells[col] if col is not None and col < len(cells) else ""


def add_rows(
    builder: RequirementBuilder,
    rows: Iterable[tuple[int, list[str]]],
    columns: dict[str, int],
    locator: str,
    area: str = "",
    groups: list[int] | None = None,
) -> str:
    """Requirements from data rows; returns the area in force after the last row.

    ``groups`` are the grouping columns, outermost first (default: the area column). An
    empty grouping cell repeats the value above it (merged cells leave only the first
    cell filled) until an outer level changes. Without grouping columns, section rows set
    the area.
    """
    if groups is None:
        groups = [columns["area"]] if "area" in columns else []
    path = [""] * len(groups)
    empty_run = 0
    for row_number, cells in rows:
        if not any(cells):
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                builder.warnings.append(f"{builder.source}: {MAX_EMPTY_RUN} tomma rader i följd; resten av tabellen lästes inte")
                break
            continue
        empty_run = 0
        if not groups and _is_section_row(cells, columns):
            area = next(v for v in cells if v)
            continue
        if groups:
            path = _group_path(path, [cells[col] if col < len(cells) else "" for col in groups])
            area = path[0] or area
        text = _get(cells, columns, "text")
        where = locator.format(row=row_number)
        if not text:
            builder.warnings.append(f"{builder.source}, {where}: raden saknar kravtext och hoppades över")
            continue
        builder.add(
            text,
            where,
            item_id=_get(cells, columns, "id"),
            area=area,
            kind=_get(cells, columns, "kind"),
            level=_get(cells, columns, "level"),
            section=SECTION_JOIN.join(p for p in path[1:] if p),
        )
    return area


def _group_path(previous: list[str], cells: list[str]) -> list[str]:
    """The grouping path of a row: a filled cell sets its level and clears the deeper ones."""
    path = list(previous)
    for level, value in enumerate(cells):
        if value:
            path[level] = value
            path[level + 1 :] = [""] * (len(path) - level - 1)
    return path


def _title_above(scanned: list[tuple[int, list[str]]], header_index: int) -> str:
    """A title row above the header: the first row there with text in a single cell."""
    for _, cells in scanned[:header_index]:
        filled = [c for c in cells if c]
        if len(filled) == 1 and len(filled[0]) <= 200:
            return filled[0]
    return ""


def _scan(table: RawTable) -> list[tuple[int, list[str]]]:
    scanned = []
    for row in table.rows:
        scanned.append(row)
        if len(scanned) >= HEADER_SCAN_ROWS:
            break
    return scanned


def _select(path: Path, tables: Iterable[RawTable], mapping: dict[str, str]):
    """The first table with a recognisable header: ``(table, scanned rows, header)``."""
    seen = []
    for table in tables:
        scanned = _scan(table)
        header = find_header(scanned, mapping)
        if header is not None:
            return table, scanned, header
        seen.append((table.name, scanned))
    raise _no_header_error(path, seen, mapping)


# --------------------------------------------------------------------------- two header rows


@dataclass
class _KindSplit:
    """A second header row splitting the text column by kind ("Krav" over "Kunskap | Färdighet")."""

    index: int  # position of the second header row in the scanned rows
    kinds: dict[int, str]  # column -> kind
    warning: str


def _kind_split(header: _Header, scanned: list[tuple[int, list[str]]]) -> _KindSplit | None:
    """The row under the header when it names two or more kinds under the text column's span.

    The span is the text column and the empty header cells to its right (Excel leaves
    the cells of a merged "Krav" empty). Every filled cell of the row must be a kind.
    """
    text_col = header.columns.get("text")
    if text_col is None:
        return None
    following = [(i, cells) for i, (_, cells) in enumerate(scanned) if i > header.index and any(cells)][:1]
    if not following:
        return None
    index, cells = following[0]
    span = {text_col}
    col = text_col + 1
    while col < len(cells) and (col >= len(header.headers) or not header.headers[col]):
        span.add(col)
        col += 1
    filled = {c: v for c, v in enumerate(cells) if v}
    kinds = {c: normalise_kind(v) for c, v in filled.items() if len(v) <= 30}
    if len(filled) < 2 or set(filled) - span or None in kinds.values() or len(kinds) != len(filled):
        return None
    names = ", ".join(cells[c] for c in sorted(kinds))
    warning = (f"rubriken {header.headers[text_col]!r} har en andra rubrikrad ({names}, rad {scanned[index][0]}); "
               "varje ifylld cell under den lästes som ett eget krav av den typen")
    return _KindSplit(index, kinds, warning)


#: id suffix per kind when a second header row splits the text column (kunskap and kompetens share a K)
KIND_SUFFIX = {"kunskap": "K", "färdighet": "F", "kompetens": "KO"}


def _split_by_kind(rows: Iterable[tuple[int, list[str]]], columns: dict[str, int], split: _KindSplit):
    """Rows and columns where each filled kind cell of a row is a row of its own, its kind in an added column."""
    width = max(max(split.kinds), *columns.values()) + 1
    new_columns = {**columns, "text": width, "kind": width + 1}

    def rows_out():
        for number, cells in rows:
            padded = cells + [""] * (width - len(cells))
            parts = [(padded[c], kind) for c, kind in sorted(split.kinds.items()) if padded[c]]
            if not parts:
                yield number, cells  # a section row or an empty row, as it is
            for text, kind in parts:
                row = padded + [text, kind]
                if "id" in columns and padded[columns["id"]]:
                    row[columns["id"]] = f"{padded[columns['id']]}-{KIND_SUFFIX.get(kind, kind.upper())}"
                yield number, row

    return rows_out(), new_columns


def rows_below_header(header: _Header, scanned: list[tuple[int, list[str]]], rest: Iterable[tuple[int, list[str]]],
                      warnings: list[str]) -> tuple[Iterator[tuple[int, list[str]]], dict[str, int]]:
    """The data rows under ``header`` (``scanned`` rows, then ``rest``) and their columns,
    a second header row splitting the text column by kind taken into account (and told)."""
    split = _kind_split(header, scanned)
    rows = _chain(scanned[(split.index if split else header.index) + 1 :], iter(rest))
    if split is None:
        return rows, header.columns
    warnings.append(split.warning)
    return _split_by_kind(rows, header.columns, split)


def read_tables(path: Path, tables: Iterable[RawTable], mapping: dict[str, str] | None, fmt: str, sha256: str) -> Framework:
    """A standard from the first table (sheet) that has a requirement-text column."""
    mapping = _check_mapping(path, mapping)
    table, scanned, header = _select(path, tables, mapping)
    warnings = list(header.warnings)
    builder = RequirementBuilder(path, warnings)
    data_rows, columns = rows_below_header(header, scanned, table.rows, warnings)
    add_rows(builder, data_rows, columns, table.locator, groups=header.groups)
    if not builder.items:
        raise InputError(path, f"tabellen har rubrikrad (rad {header.row_number}) men inga krav under den")
    title = _title_above(scanned, header.index) or path.stem
    fw = Framework(kind="standard", title=title, items=builder.items, warnings=warnings)
    fw.sources.append(SourceInfo(str(path), sha256, fmt))
    return fw


def _chain(first: list[tuple[int, list[str]]], rest: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    yield from first
    yield from rest


def preview_tables(path: Path, tables: Iterable[RawTable], mapping: dict[str, str] | None) -> TablePreview:
    """The preview of the first table with a header (see :func:`preview_table`)."""
    mapping = _check_mapping(path, mapping)
    table, scanned, header = _select(path, tables, mapping)
    split = _kind_split(header, scanned)
    rows = []
    width = len(header.headers)
    for _, cells in _chain(scanned[(split.index if split else header.index) + 1 :], table.rows):
        if any(cells):
            rows.append([c[:PREVIEW_CELL_CHARS] for c in (cells + [""] * width)[:width]])
        if len(rows) >= PREVIEW_ROWS:
            break
    return TablePreview(
        path=str(path),
        sheet=table.name,
        header_row=header.row_number,
        headers=header.headers,
        mapping={fld: header.headers[col] for fld, col in header.columns.items()},
        rows=rows,
        warnings=list(header.warnings) + ([split.warning] if split else []),
        subgroups=[header.headers[col] for col in header.groups if col != header.columns.get("area")],
    )


def preview_table(path: str | Path, mapping: dict[str, str] | None = None) -> TablePreview:
    """Header row, headers, guessed mapping and first rows of a standard in .xlsx/.xlsm or .csv/.tsv/.txt.

    The import dialog shows this, lets the user change the mapping, and then calls
    ``load_standard(path, mapping)``. Raises :class:`InputError` like the importers.
    """
    path = Path(path)
    name = path.name.lower()
    if not path.exists():
        raise InputError(path, "filen finns inte")
    if name.endswith((".xlsx", ".xlsm")):
        from . import standard_xlsx

        return standard_xlsx.preview(path, mapping)
    if name.endswith((".csv", ".tsv", ".txt")):
        from . import standard_csv

        return standard_csv.preview(path, mapping)
    raise InputError(path, "förhandsvisning finns bara för tabeller (.xlsx eller .csv)")


__all__ = [
    "FIELDS",
    "MAX_REQUIREMENTS",
    "MAX_TEXT_CHARS",
    "RawTable",
    "RequirementBuilder",
    "TablePreview",
    "add_rows",
    "clean_row",
    "find_header",
    "guess_columns",
    "normalise_kind",
    "normalise_level",
    "preview_table",
    "read_tables",
    "rows_below_header",
]
