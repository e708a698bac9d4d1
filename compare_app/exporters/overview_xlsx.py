"""The overview of many standards as an Excel workbook (openpyxl): one sheet per table.

Sheets: Översikt (the standards and how the figures are counted), Matris (courses down,
standards across, a heat map by conditional formatting), Kurser (ranked), Gemensamma enheter
(candidate shared units, one row per requirement), Luckor (gaps grouped across standards).
Every table has a frozen header row, an autofilter and column widths fitted to its content;
text from imported files is written as text that can never become a formula.
"""

from __future__ import annotations

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
    top = len(facts) + 3
    headers = ("Standard", "Källa", "Typ", "Krav", "Täckta", "Delvis", "Luckor", "Täckningsgrad", "Beslutade krav")
    _header(ws, top, headers, (42, 34, 20, 8, 8, 8, 8, 14, 10))
    for row, (label, rec) in enumerate(ov.standards.iterrows(), start=top + 1):
        put_text(ws, row, 1, label).alignment = st.wrap
        put_text(ws, row, 2, Path(rec["source"]).name if rec["source"] else "").alignment = st.wrap
        put_text(ws, row, 3, KIND_SV.get(rec["kind"], rec["kind"]))
        for col, key in enumerate(("requirements", "covered", "partial", "gap"), start=4):
            ws.cell(row=row, column=col, value=int(rec[key]))
        ws.cell(row=row, column=8, value=float(rec["coverage"])).number_format = "0%"
        ws.cell(row=row, column=9, value=int(rec["decided"]))
        _fit_height(ws, row, [(label, 42)])
    last = top + len(ov.standards)
    _heat(ws, f"H{top + 1}:H{last}")
    _table(ws, top, len(headers), last)
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

    st = _styles()
    labels = list(ov.matrix.index)
    headers = ("Kurskod", "Kurs", "Poäng", *labels, "Summa")
    _header(ws, 1, headers, (12, 36, 8, *([14] * len(labels)), 9))
    ws.row_dimensions[1].height = max(30, 15 * min(8, max((len(label) // 12 + 1 for label in labels), default=1)))
    matrix = ov.matrix.T  # courses x standards, in the ranking's order
    first_value, last_value = 4, 3 + len(labels)
    for row, (code, values) in enumerate(matrix.iterrows(), start=2):
        put_text(ws, row, 1, code)
        put_text(ws, row, 2, ov.courses.at[code, "name"]).alignment = st.wrap
        points = ov.courses.at[code, "points"]
        ws.cell(row=row, column=3, value=None if _missing(points) else int(points))
        for col, value in enumerate(values, start=first_value):
            cell = ws.cell(row=row, column=col, value=float(value) if value else None)
            cell.number_format = "0.0"
        total = ws.cell(row=row, column=last_value + 1, value=float(values.sum()))
        total.number_format, total.font = "0.0", st.bold
    last = len(matrix) + 1
    if labels and last > 1:
        _heat(ws, f"{get_column_letter(first_value)}2:{get_column_letter(last_value)}{last}")
    _table(ws, 1, len(headers), last, freeze_col=3)
    _print_setup(ws, "1:1")


def _courses_sheet(ws, ov) -> None:
    st = _styles()
    headers = ("Rang", "Kurskod", "Kurs", "Poäng", "Standarder", "Täckta krav", "Delvis täckta krav",
               "Täckning (krav)", "Poäng per täckt krav", "Tjänar standarderna")
    _header(ws, 1, headers, (7, 12, 34, 8, 11, 10, 11, 11, 12, 60))
    for row, (code, rec) in enumerate(ov.courses.iterrows(), start=2):
        ws.cell(row=row, column=1, value=row - 1)
        put_text(ws, row, 2, code)
        put_text(ws, row, 3, rec["name"]).alignment = st.wrap
        ws.cell(row=row, column=4, value=None if _missing(rec["points"]) else int(rec["points"]))
        ws.cell(row=row, column=5, value=int(rec["standards"]))
        ws.cell(row=row, column=6, value=int(rec["requirements_covered"]))
        ws.cell(row=row, column=7, value=int(rec["requirements_partial"]))
        ws.cell(row=row, column=8, value=float(rec["coverage"])).number_format = "0.0"
        per_req = rec["points_per_requirement"]
        ws.cell(row=row, column=9, value=None if _missing(per_req) else float(per_req)).number_format = "0.0"
        put_text(ws, row, 10, rec["standard_list"]).alignment = st.wrap
        _fit_height(ws, row, [(rec["name"], 34), (rec["standard_list"], 60)])
    last = len(ov.courses) + 1
    if last > 1:
        _heat(ws, f"E2:E{last}")
        _heat(ws, f"H2:H{last}")
    _table(ws, 1, len(headers), last, freeze_col=3)
    _print_setup(ws, "1:1")


def _shared_sheet(ws, ov) -> None:
    st = _styles()
    headers = ("Enhet", "Standarder", "Krav i enheten", "Kursinnehåll", "Innehålls-id", "Kurser", "Standard",
               "Krav-id", "Krav", "Koppling")
    widths = (8, 11, 10, 44, 18, 16, 30, 10, 50, 10)
    _header(ws, 1, headers, widths)
    row = 1
    for unit in ov.shared_units:
        for label, req, text, level in unit.requirements:
            row += 1
            ws.cell(row=row, column=1, value=unit.id)
            ws.cell(row=row, column=2, value=len(unit.standards))
            ws.cell(row=row, column=3, value=len(unit.requirements))
            values = (" | ".join(unit.texts), ", ".join(unit.items), ", ".join(sorted(set(unit.items.values()))),
                      label, req, text, LEVEL_SV[level])
            for col, value in enumerate(values, start=4):
                put_text(ws, row, col, value).alignment = st.wrap
            _fit_height(ws, row, [(values[0], 44), (values[3], 30), (text, 50)])
    if row > 1:
        _heat(ws, f"B2:B{row}")
    _table(ws, 1, len(headers), row, freeze_col=1)
    _print_setup(ws, "1:1")


def _gaps_sheet(ws, ov) -> None:
    st = _styles()
    headers = ("Grupp", "Standarder i gruppen", "Gemensamma ord", "Standard", "Krav-id", "Kompetensområde", "Krav")
    _header(ws, 1, headers, (8, 11, 28, 30, 10, 26, 60))
    row = 1
    for group in ov.gap_groups:
        for label, req in group.requirements:
            row += 1
            ws.cell(row=row, column=1, value=group.number)
            ws.cell(row=row, column=2, value=len(group.standards))
            for col, value in enumerate((", ".join(group.terms), label, req.id, req.area, req.text), start=3):
                put_text(ws, row, col, value).alignment = st.wrap
            _fit_height(ws, row, [(label, 30), (req.area, 26), (req.text, 60)])
    if row > 1:
        _heat(ws, f"B2:B{row}")
    _table(ws, 1, len(headers), row, freeze_col=1)
    _print_setup(ws, "1:1")


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

    return bool(pd.isna(value))
