"""The overview of many standards as an Excel workbook (openpyxl): one sheet per table.

Sheets: Översikt (the standards and how the figures are counted), Matris (courses down,
standards across, a heat map by conditional formatting), Kurser (ranked), Gemensamma enheter
(candidate shared units, one row per requirement), Luckor (gaps grouped across standards).
Every table has a frozen header row, an autofilter and column widths fitted to its content;
text from imported files is written as text that can never become a formula.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from ..progress import Progress, report
from . import _report_data as rd
from .report_xlsx import _fit_height, _header, _print_setup, _styles, put_text

#: heat map colours: no coverage white, the most a course serves in the sheet full green
HEAT_LOW, HEAT_HIGH = "FFFFFF", "63BE7B"
LEVEL_SV = {"covered": "täckt", "partial": "delvis"}
KIND_SV = {"standard": "standardfil", "project": "projekt (med beslut)"}


def write(ov, path: str | Path, progress: Progress | None = None) -> Path:
    """Write the overview workbook to ``path`` and return the path."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = "Regional översikt"
    sheets = [("Översikt", _summary_sheet), ("Matris", _matrix_sheet), ("Kurser", _courses_sheet),
              ("Gemensamma enheter", _shared_sheet), ("Luckor", _gaps_sheet)]
    for n, (title, writer) in enumerate(sheets):
        report(progress, n, len(sheets) + 1, f"Skriver bladet {title}")
        writer(wb.create_sheet(title), ov)
    report(progress, len(sheets), len(sheets) + 1, "Sparar arbetsboken")
    rd.save_atomically(wb, path)
    report(progress, len(sheets) + 1, len(sheets) + 1, "Klart")
    return path


def _summary_sheet(ws, ov) -> None:
    st = _styles()
    put_text(ws, 1, 1, "Regional översikt: kurser och kompetensstandarder").font = st.title
    facts = [("Kursplaner", ov.curriculum.title), ("Jämförs med", f"{ov.curriculum.scope} ({ov.curriculum.courses} kurser)"),
             ("Datum", rd.swedish_date(date.today()))]
    for row, (label, value) in enumerate(facts, start=2):
        put_text(ws, row, 1, label).font = st.bold
        put_text(ws, row, 2, value)
    rows = [
        (label, Path(rec["source"]).name if rec["source"] else "", KIND_SV.get(rec["kind"], rec["kind"]),
         rec["requirements"], rec["covered"], rec["partial"], rec["gap"], rec["coverage"], rec["decided"])
        for label, rec in ov.standards.iterrows()
    ]
    last = _write_table(
        ws, ("Standard", "Källa", "Typ", "Krav", "Täckta", "Delvis", "Luckor", "Täckningsgrad", "Beslutade krav"),
        (42, 30, 20, 7, 8, 8, 8, 15, 10), rows, formats={8: "0%"}, heat=("H",), top=len(facts) + 3, freeze_col=0)
    notes = [
        "Så räknas tabellerna",
        "Ett krav är täckt, delvis täckt eller en lucka efter personens beslut i projektet, annars enligt förslagen.",
        "En kurs tjänar ett krav när ett centralt innehåll i kursen är kopplat till det: godkänt eller tillagt för hand, "
        "eller föreslaget med poäng över tröskeln för täckt (räknas 1) eller delvis (räknas ½). Avvisade kopplingar räknas inte.",
        "Matris: summan per kurs och standard. Kurser: sorterade efter antal standarder, täckning och poäng per täckt krav.",
        "Gemensamma enheter: innehåll som tjänar krav i två eller flera standarder (frö till en gemensam mikromerit).",
        "Luckor: krav som ingen kurs täcker, grupperade över standarderna efter gemensamma ord.",
    ]
    for offset, text in enumerate(notes, start=2):
        cell = put_text(ws, last + offset, 1, text)
        if offset == 2:
            cell.font = st.bold
    for offset, text in enumerate(ov.warnings[:30], start=len(notes) + 3):
        put_text(ws, last + offset, 1, f"Varning: {text}").font = st.grey
    _print_setup(ws)


def _matrix_sheet(ws, ov) -> None:
    """Courses down (there are many), standards across; a cell is the requirements' worth served."""
    from openpyxl.utils import get_column_letter

    labels = list(ov.matrix.index)
    rows = [
        (code, ov.courses.at[code, "name"], ov.courses.at[code, "points"], *(v if v else None for v in values),
         values.sum())
        for code, values in ov.matrix.T.iterrows()  # courses x standards, in the ranking's order
    ]
    total_col = 4 + len(labels)
    heat = (f"D:{get_column_letter(total_col - 1)}",) if labels else ()
    last = _write_table(ws, ("Kurskod", "Kurs", "Poäng", *labels, "Summa"), (12, 36, 7, *([20] * len(labels)), 9),
                        rows, formats={col: "0.0" for col in range(4, total_col + 1)}, heat=heat, freeze_col=3)
    for row in range(2, last + 1):
        ws.cell(row=row, column=total_col).font = _styles().bold
    _print_setup(ws, "1:1")


def _courses_sheet(ws, ov) -> None:
    rows = [
        (n, code, rec["name"], rec["points"], rec["standards"], rec["requirements_covered"],
         rec["requirements_partial"], rec["coverage"], rec["points_per_requirement"], rec["standard_list"])
        for n, (code, rec) in enumerate(ov.courses.iterrows(), start=1)
    ]
    _write_table(ws, ("Rang", "Kurskod", "Kurs", "Poäng", "Standarder", "Täckta krav", "Delvis täckta krav",
                      "Täckning (krav)", "Poäng per täckt krav", "Tjänar standarderna"),
                 (6, 12, 34, 7, 11, 9, 10, 10, 10, 60), rows, formats={8: "0.0", 9: "0.0"}, heat=("E", "H"),
                 freeze_col=3)
    _print_setup(ws, "1:1")


def _shared_sheet(ws, ov) -> None:
    rows = [
        (unit.id, len(unit.standards), len(unit.requirements), " | ".join(unit.texts), ", ".join(unit.items),
         ", ".join(sorted(set(unit.items.values()))), label, req, text, LEVEL_SV[level])
        for unit in ov.shared_units
        for label, req, text, level in unit.requirements
    ]
    _write_table(ws, ("Enhet", "Standarder", "Krav i enheten", "Kursinnehåll", "Innehålls-id", "Kurser", "Standard",
                      "Krav-id", "Krav", "Koppling"),
                 (7, 11, 9, 44, 18, 14, 30, 9, 50, 9), rows, heat=("B",))
    _print_setup(ws, "1:1")


def _gaps_sheet(ws, ov) -> None:
    rows = [
        (group.number, len(group.standards), ", ".join(group.terms), label, req.id, req.area, req.text)
        for group in ov.gap_groups
        for label, req in group.requirements
    ]
    _write_table(ws, ("Grupp", "Standarder i gruppen", "Gemensamma ord", "Standard", "Krav-id", "Kompetensområde",
                      "Krav"), (7, 11, 28, 30, 9, 26, 60), rows, heat=("B",))
    _print_setup(ws, "1:1")


def _write_table(ws, headers, widths, rows, *, formats=None, heat=(), top: int = 1, freeze_col: int = 1) -> int:
    """A table at row ``top``: headers, rows, a heat map on the ``heat`` columns ("B" or "D:F"),
    the header row (and ``freeze_col`` columns) frozen and an autofilter. Returns the last row."""
    _table_header(ws, top, headers, widths)
    last = top
    for last, values in enumerate(rows, start=top + 1):
        _row(ws, last, values, widths, formats)
    if last > top:
        for columns in heat:
            first, _, end = columns.partition(":")
            _heat(ws, f"{first}{top + 1}:{end or first}{last}")
    _table(ws, top, len(headers), last, freeze_col)
    return last


def _table_header(ws, row: int, headers, widths) -> None:
    """Bold wrapped headers; the row is as high as the longest header wraps to (whole words)."""
    _header(ws, row, headers, widths)
    lines = max((len(textwrap.wrap(h, max(1, int(w)))) for h, w in zip(headers, widths)), default=1)
    ws.row_dimensions[row].height = 15 * max(lines, 1) + 4


def _row(ws, row: int, values, widths, formats: dict[int, str] | None = None) -> None:
    """One table row: text wrapped and never a formula, numbers as numbers, all top-aligned."""
    st = _styles()
    for col, value in enumerate(values, start=1):
        if isinstance(value, str):
            cell = put_text(ws, row, col, value)
            cell.alignment = st.wrap
            continue
        cell = ws.cell(row=row, column=col, value=None if _missing(value) else _number(value))
        cell.alignment = st.top
        if formats and col in formats:
            cell.number_format = formats[col]
    _fit_height(ws, row, [(v, w) for v, w in zip(values, widths) if isinstance(v, str)])


def _number(value):
    """A plain Python int or float for a numpy/pandas number (openpyxl writes those)."""
    return value.item() if hasattr(value, "item") else value


def _heat(ws, cells: str) -> None:
    """A two-colour scale: the heat map a planner reads at a glance."""
    from openpyxl.formatting.rule import ColorScaleRule

    ws.conditional_formatting.add(
        cells, ColorScaleRule(start_type="num", start_value=0, start_color=HEAT_LOW,
                              end_type="max", end_color=HEAT_HIGH))


def _table(ws, header_row: int, columns: int, last_row: int, freeze_col: int = 0) -> None:
    """Freeze the header row (and the first ``freeze_col`` columns) and filter the table."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = ws.cell(row=header_row + 1, column=freeze_col + 1)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{max(last_row, header_row)}"


def _missing(value) -> bool:
    """True for a missing number (None, NaN or pandas' NA)."""
    import pandas as pd

    return value is None or bool(pd.isna(value))
