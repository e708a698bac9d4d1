"""The gap report as an Excel workbook (openpyxl), also used as the review round-trip file.

Sheets: Sammanfattning (figures and native charts), Matris (requirements x courses),
Kopplingar (one row per link; a branch representative edits Status and Kommentar and sends
the file back, see :mod:`compare_app.importers.review_xlsx`), Luckor (gaps with courses that
could close them), Enheter (units), and a very hidden ``_meta`` sheet that ties the file to
its project and records what the review columns held at export.

Every text that came from an imported file is written as a string cell with a quote prefix,
so a requirement such as ``=HYPERLINK(...)`` is shown, never executed.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from ..progress import Progress, report
from . import _candidate_sheet
from . import _report_data as rd

META_SHEET = "_meta"
LINKS_SHEET = "Kopplingar"
#: Version of the review-sheet layout; the import refuses layouts it does not know.
LAYOUT_VERSION = "1"
#: Column headers of the Kopplingar sheet, in order. The import finds columns by these names.
LINK_HEADERS = (
    "Krav-id", "Krav", "Innehålls-id", "Kursinnehåll", "Kurs", "Poängtal",
    "Länk", "Status", "Beslutad av", "Kommentar",
)
LINK_WIDTHS = (12, 50, 14, 50, 28, 9, 14, 10, 18, 40)
REVIEWER_LABEL = "Granskare:"
LINK_HEADER_ROW = 4
_FORMULA_START = ("=", "+", "-", "@")
#: Swedish percent format: a space before the sign, as in the Word report ("39 %")
PERCENT = "0 %"
#: With more candidate courses than this (e.g. the whole catalog) the matrix shows only linked courses.
MATRIX_ALL_COURSES_UP_TO = 40


def write(project, path: str | Path, progress: Progress | None = None) -> Path:
    """Write the Excel report for ``project`` to ``path`` and return the path."""
    from openpyxl import Workbook

    path = Path(path)
    report(progress, 0, 7, "Samlar rapportens innehåll")
    data = rd.build(project, progress=progress)
    wb = Workbook()
    wb.properties.title = data.title
    wb.properties.creator = wb.properties.lastModifiedBy = data.author or "compare_app"
    steps = [
        ("Sammanfattning", _summary_sheet),
        ("Matris", _matrix_sheet),
        (LINKS_SHEET, _links_sheet),
        ("Luckor", _gaps_sheet),
        ("Enheter", _units_sheet),
    ]
    wb.remove(wb.active)
    for i, (title, writer) in enumerate(steps, start=1):
        report(progress, i, 7, f"Skriver bladet {title}")
        writer(wb, data)
    _candidate_sheet.write(wb, project)
    _meta_sheet(wb, data)
    wb.active = 0
    report(progress, 6, 7, "Sparar arbetsboken")
    rd.save_atomically(wb, path)
    report(progress, 7, 7, "Klart")
    return path


def link_signature(project_id: str, keys) -> str:
    """A hash of the project id and the (requirement id, item id) pairs of the review rows.

    Order-independent, so a reviewer may sort and filter the sheet; changing, adding or
    deleting an id changes the hash.
    """
    lines = sorted(f"{req}\x1f{item}" for req, item in keys)
    return hashlib.sha256((project_id + "\n" + "\n".join(lines)).encode("utf-8")).hexdigest()


def link_rows(data: rd.ReportData) -> list[tuple[rd.RequirementRow, rd.LinkRow | None]]:
    """The review rows: one per effective link, or one empty row for a requirement without links."""
    rows = []
    for req in data.requirements:
        if req.links:
            rows.extend((req, link) for link in req.links)
        else:
            rows.append((req, None))
    return rows


# --- cell helpers ---------------------------------------------------------------------

class _Styles:
    """Style objects made once (openpyxl de-duplicates, but creating them per cell is slow)."""

    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        # the workbook's own font named, or LibreOffice shows bold cells in a serif fallback
        self.bold = Font(name="Calibri", bold=True)
        self.title = Font(name="Calibri", bold=True, size=14)
        self.grey = Font(name="Calibri", color="777777")
        self.header_fill = PatternFill("solid", fgColor="D9E2F3")
        self.input_fill = PatternFill("solid", fgColor="FFF2CC")
        self.status_fill = {k: PatternFill("solid", fgColor=v) for k, v in rd.STATUS_FILL.items()}
        self.chart_fill = {k: PatternFill("solid", fgColor=v) for k, v in rd.STATUS_CHART.items()}
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.rotated = Alignment(text_rotation=90, horizontal="center", vertical="bottom", wrap_text=True)
        thin = Side(style="thin", color="BFBFBF")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)


_STYLES: _Styles | None = None


def _styles() -> _Styles:
    global _STYLES
    if _STYLES is None:
        _STYLES = _Styles()
    return _STYLES


def put_text(ws, row: int, col: int, value: str | None):
    """A string cell that can never become a formula (data type ``s`` plus Excel's quote prefix)."""
    cell = ws.cell(row=row, column=col)
    text = rd.clean_text("" if value is None else str(value))
    cell.value = text
    cell.data_type = "s"
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True
    return cell


def _put_number(ws, row: int, col: int, value):
    cell = ws.cell(row=row, column=col)
    cell.value = value
    return cell


def _header(ws, row: int, headers, widths=None) -> None:
    from openpyxl.utils import get_column_letter

    st = _styles()
    for col, title in enumerate(headers, start=1):
        cell = put_text(ws, row, col, title)
        cell.font = st.bold
        cell.fill = st.header_fill
        cell.alignment = st.wrap
        cell.border = st.border
    for col, width in enumerate(widths or (), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _fit_height(ws, row: int, texts_and_widths) -> None:
    """Row height for wrapped text, estimated from its length and the column width.

    Excel and LibreOffice do not always grow a row for wrapped text in a file they did not
    write themselves, so the height is set explicitly.
    """
    lines = 1
    for text, width in texts_and_widths:
        if text:
            per_line = max(1.0, width * 1.15)
            lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n")))
    if lines > 1:
        ws.row_dimensions[row].height = 13.5 * lines + 2


def _print_setup(ws, title_rows: str | None = None) -> None:
    """Landscape A4, as wide as the page, so a printed sheet is not cut at the right edge."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if title_rows:
        ws.print_title_rows = title_rows



# --- sheets -----------------------------------------------------------------------------

def _summary_sheet(wb, data: rd.ReportData) -> None:
    st = _styles()
    ws = wb.create_sheet("Sammanfattning")
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 12
    ws.column_dimensions["D"].width = 12
    ws.column_dimensions["E"].width = 14
    put_text(ws, 1, 1, data.title).font = st.title
    facts = [
        ("Kompetensstandard", data.standard_title),
        ("Kursplaner", data.curriculum_title),
        ("Jämförs med", data.scope),
        ("Datum", data.date_text),
        ("Upprättad av", data.author),
    ]
    facts += [(src.role, f"{Path(src.path).name} {src.version} (SHA-256 {src.short_hash}…)".replace("  ", " "))
              for src in data.sources]
    row = 3
    for label, value in facts:
        if value:
            put_text(ws, row, 1, label).font = st.bold
            put_text(ws, row, 2, value)
            row += 1
    row += 1
    figures_top = _figures_table(ws, row, data.summary)
    _status_chart(ws, figures_top, "G3")
    row = figures_top + 7
    if len(data.area_summaries) > 1:
        _area_table(ws, row, data, "G20")
    _print_setup(ws)


def _figures_table(ws, row: int, s) -> int:
    """Status / count / share table; returns its header row (the chart reads it)."""
    st = _styles()
    _header(ws, row, ("Status", "Antal krav", "Andel"))
    for offset, key in enumerate(rd.STATUSES, start=1):
        label = put_text(ws, row + offset, 1, rd.STATUS_TITLE[key])
        label.fill = st.status_fill[key]
        count = getattr(s, key)
        _put_number(ws, row + offset, 2, count)
        _put_number(ws, row + offset, 3, count / s.total if s.total else 0).number_format = PERCENT
    put_text(ws, row + 4, 1, "Totalt").font = st.bold
    _put_number(ws, row + 4, 2, s.total).font = st.bold
    put_text(ws, row + 5, 1, "Täckningsgrad (delvis = halv)").font = st.bold
    _put_number(ws, row + 5, 3, s.coverage).number_format = PERCENT
    if s.formal:
        put_text(ws, row + 6, 1, "Formella krav (räknas inte i täckningen)").fill = st.status_fill["formal"]
        _put_number(ws, row + 6, 2, s.formal)
    return row


def _status_chart(ws, header_row: int, anchor: str) -> None:
    """A native doughnut chart of the three status counts."""
    from openpyxl.chart import DoughnutChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.chart.series import DataPoint

    chart = DoughnutChart()
    chart.title = "Krav per status"
    labels = Reference(ws, min_col=1, min_row=header_row + 1, max_row=header_row + 3)
    values = Reference(ws, min_col=2, min_row=header_row, max_row=header_row + 3)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(labels)
    series = chart.series[0]
    for idx, key in enumerate(rd.STATUSES):
        point = DataPoint(idx=idx)
        point.graphicalProperties.solidFill = rd.STATUS_CHART[key]
        series.dPt.append(point)
    series.dLbls = DataLabelList()
    series.dLbls.showVal = True
    for flag in ("showSerName", "showCatName", "showPercent", "showLegendKey", "showLeaderLines"):
        setattr(series.dLbls, flag, False)
    chart.legend.position = "r"
    chart.height, chart.width = 7.5, 10
    ws.add_chart(chart, anchor)


def _area_table(ws, row: int, data: rd.ReportData, chart_anchor: str) -> None:
    from openpyxl.chart import BarChart, Reference

    put_text(ws, row, 1, "Per kompetensområde").font = _styles().bold
    header = row + 1
    _header(ws, header, ("Kompetensområde", *(rd.STATUS_TITLE[k] for k in rd.STATUSES), "Täckningsgrad"))
    for i, (area, s) in enumerate(data.area_summaries, start=1):
        put_text(ws, header + i, 1, area or "(utan område)").alignment = _styles().wrap
        _fit_height(ws, header + i, [(area, 30)])
        for col, value in enumerate((s.covered, s.partial, s.gap), start=2):
            _put_number(ws, header + i, col, value)
        _put_number(ws, header + i, 5, s.coverage).number_format = PERCENT
    last = header + len(data.area_summaries)
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = "Krav per kompetensområde"
    chart.add_data(Reference(ws, min_col=2, max_col=4, min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    for series, key in zip(chart.series, rd.STATUSES):
        series.graphicalProperties.solidFill = rd.STATUS_CHART[key]
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # first area at the top, as in the table
    chart.height, chart.width = max(6.0, 1.0 * len(data.area_summaries) + 3), 14
    ws.add_chart(chart, chart_anchor)


def _matrix_sheet(wb, data: rd.ReportData) -> None:
    """Requirements down, courses across; a cell holds the link's score, coloured by the status it supports."""
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    st = _styles()
    ws = wb.create_sheet("Matris")
    fixed = ("Krav-id", "Kompetensområde", "Krav", "Status")
    _header(ws, 1, fixed, (11, 20, 50, 10))
    col_of = {}
    courses = _matrix_courses(data)
    for offset, (code, name, points) in enumerate(courses):
        col = len(fixed) + 1 + offset
        col_of[code] = col
        cell = put_text(ws, 1, col, f"{code} {name}")
        cell.font, cell.fill, cell.alignment, cell.border = st.bold, st.header_fill, st.rotated, st.border
        if points is not None:
            cell.comment = Comment(f"{code} {name}, {points} gymnasiepoäng", "compare_app")
        ws.column_dimensions[get_column_letter(col)].width = 7
    ws.row_dimensions[1].height = 150 if courses else 30
    for r, req in enumerate(data.requirements, start=2):
        put_text(ws, r, 1, req.id).alignment = st.top
        put_text(ws, r, 2, req.area).alignment = st.wrap
        put_text(ws, r, 3, req.text).alignment = st.wrap
        _fit_height(ws, r, [(req.area, 20), (req.text, 50)])
        status = put_text(ws, r, 4, req.status_sv)
        status.fill, status.alignment = st.status_fill[req.status], st.top
        shown = {id(link) for link in req.shown_links}
        for course, link in _best_per_course(req.links):
            col = col_of.get(course)
            if col is None:
                continue
            cell = _put_number(ws, r, col, round(link.score, 2) if link.score is not None else "✓")
            cell.number_format = "0.00"
            if id(link) in shown:
                cell.fill = st.status_fill[req.status]
            else:
                cell.font = st.grey
    ws.freeze_panes = ws.cell(row=2, column=len(fixed) + 1)
    _print_setup(ws, "1:1")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(fixed) + len(courses))}{len(data.requirements) + 1}"


def _matrix_courses(data: rd.ReportData) -> list[tuple[str, str, int | None]]:
    """Every candidate course for a package; only courses some requirement links to for a large scope."""
    if len(data.courses) <= MATRIX_ALL_COURSES_UP_TO:
        return data.courses
    linked = {course for req in data.requirements for link in req.links for course in link.courses}
    return [c for c in data.courses if c[0] in linked]


def _best_per_course(links: list[rd.LinkRow]) -> list[tuple[str, rd.LinkRow]]:
    """(course, link), one per course: a decided link first, else the highest score. A link counts
    in each course that holds its text (its twins' courses too)."""
    best: dict[str, rd.LinkRow] = {}
    for link in links:
        for course in link.courses:
            current = best.get(course)
            if current is None or _link_rank(link) > _link_rank(current):
                best[course] = link
    return list(best.items())


def _course_cell(link: rd.LinkRow) -> str:
    return " ".join(filter(None, (link.course_label, link.also_in_text, link.similar_in_text)))


def _link_rank(link: rd.LinkRow) -> tuple:
    return (link.state != "proposed", link.score or 0.0)


def _links_sheet(wb, data: rd.ReportData) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    st = _styles()
    ws = wb.create_sheet(LINKS_SHEET)
    put_text(ws, 1, 1, REVIEWER_LABEL).font = st.bold
    reviewer = put_text(ws, 1, 2, "")
    reviewer.fill, reviewer.border = st.input_fill, st.border
    put_text(ws, 2, 1, "Skriv ditt namn i den gula rutan ovan. Ändra bara kolumnerna Status (täckt, delvis "
                       "eller lucka) och Kommentar; du får sortera och filtrera. Ändra inte id-kolumnerna, "
                       "då kan filen inte läsas in igen.").font = st.grey
    h = LINK_HEADER_ROW
    _header(ws, h, LINK_HEADERS, LINK_WIDTHS)
    status_col = LINK_HEADERS.index("Status") + 1
    note_col = LINK_HEADERS.index("Kommentar") + 1
    for col in (status_col, note_col):
        ws.cell(row=h, column=col).fill = st.input_fill
    rows = link_rows(data)
    for r, (req, link) in enumerate(rows, start=h + 1):
        put_text(ws, r, 1, req.id).alignment = st.top
        put_text(ws, r, 2, req.text).alignment = st.wrap
        if link is not None:
            put_text(ws, r, 3, link.item_id).alignment = st.top
            put_text(ws, r, 4, link.item_text).alignment = st.wrap
            put_text(ws, r, 5, _course_cell(link)).alignment = st.wrap
            if link.score is not None:
                _put_number(ws, r, 6, round(link.score, 3)).alignment = st.top
            put_text(ws, r, 7, rd.LINK_STATE_SV[link.state]).alignment = st.top
        else:
            put_text(ws, r, 3, "")
        status = put_text(ws, r, status_col, req.status_sv)
        status.fill, status.alignment = st.status_fill[req.status], st.top
        put_text(ws, r, 9, req.decided_by if req.decided else "förslag (ej granskat)").alignment = st.top
        put_text(ws, r, note_col, req.note).alignment = st.wrap
        _fit_height(ws, r, [(req.text, 50), (link.item_text if link else "", 50),
                            (_course_cell(link) if link else "", 28), (req.note, 40)])
    last = h + len(rows)
    last_col = get_column_letter(len(LINK_HEADERS))
    ws.auto_filter.ref = f"A{h}:{last_col}{max(last, h + 1)}"
    ws.freeze_panes = ws.cell(row=h + 1, column=3)
    validation = DataValidation(
        type="list", formula1='"' + ",".join(rd.STATUS_SV[k] for k in (*rd.STATUSES, "formal")) + '"',
        allow_blank=False, showErrorMessage=True,
        errorTitle="Ogiltig status", error="Välj täckt, delvis eller lucka.",
    )
    ws.add_data_validation(validation)
    status_letter = get_column_letter(status_col)
    validation.add(f"{status_letter}{h + 1}:{status_letter}{max(last, h + 1)}")
    _print_setup(ws, f"{h}:{h}")


def _gaps_sheet(wb, data: rd.ReportData) -> None:
    gaps = data.gaps
    if not gaps:
        return
    st = _styles()
    ws = wb.create_sheet("Luckor")
    headers = ["Krav-id", "Kompetensområde", "Krav", "Kurser som kan täcka luckan"]
    _header(ws, 1, headers, (11, 22, 60, 45))
    for r, req in enumerate(gaps, start=2):
        put_text(ws, r, 1, req.id).alignment = st.top
        put_text(ws, r, 2, req.area).alignment = st.wrap
        put_text(ws, r, 3, req.text).alignment = st.wrap
        codes = data.gap_suggestions.get(req.id, [])
        text = "; ".join(data.course_label(c) for c in codes)
        remark = req.remark[:1].upper() + req.remark[1:]  # "Kräver ELRELF0, som inte ingår i paketet"
        text = "\n".join(t for t in (remark, text) if t)
        put_text(ws, r, 4, text or ("Ingen inläst kurs täcker kravet." if data.units_available else "")).alignment = st.wrap
        _fit_height(ws, r, [(req.area, 22), (req.text, 60), (text, 45)])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:D{len(gaps) + 1}"
    _print_setup(ws, "1:1")


def _units_sheet(wb, data: rd.ReportData) -> None:
    if not data.units:
        return
    st = _styles()
    ws = wb.create_sheet("Enheter")
    headers = ["Enhet", "Status", "Antal krav", "Täckt", "Delvis", "Lucka", "Poäng", "Timmar",
               "Kurser", "Bedömning", "Krav-id"]
    _header(ws, 1, headers, (30, 10, 10, 8, 8, 8, 9, 9, 40, 50, 30))
    for r, unit in enumerate(data.units, start=2):
        put_text(ws, r, 1, unit.title).alignment = st.wrap
        status = put_text(ws, r, 2, rd.STATUS_SV[unit.status])
        status.fill, status.alignment = st.status_fill[unit.status], st.top
        s = unit.summary
        for col, value in enumerate((s.total, s.covered, s.partial, s.gap), start=3):
            _put_number(ws, r, col, value).alignment = st.top
        _put_number(ws, r, 7, round(unit.points, 1)).alignment = st.top
        _put_number(ws, r, 8, round(unit.hours, 1) if unit.hours is not None else None).alignment = st.top
        courses = "; ".join(c.reckoning for c in unit.courses)
        put_text(ws, r, 9, courses).alignment = st.wrap
        put_text(ws, r, 10, unit.verdict).alignment = st.wrap
        put_text(ws, r, 11, ", ".join(unit.requirement_ids)).alignment = st.wrap
        _fit_height(ws, r, [(unit.title, 30), (courses, 40), (unit.verdict, 50), (", ".join(unit.requirement_ids), 30)])
    from openpyxl.comments import Comment

    # the rule behind Poäng/Timmar, where a reader looks for it (the Kurser column shows each reckoning)
    for col in (7, 8):
        ws.cell(row=1, column=col).comment = Comment(data.points_rule, "compare_app", width=420, height=160)
    ws.freeze_panes = "B2"
    _print_setup(ws, "1:1")


def _meta_sheet(wb, data: rd.ReportData) -> None:
    """Hidden facts for the review import: project id, layout, id signature and exported values."""
    ws = wb.create_sheet(META_SHEET)
    rows = link_rows(data)
    keys = [(req.id, link.item_id if link else "") for req, link in rows]
    put_text(ws, 1, 1, "project_id")
    put_text(ws, 1, 2, data.project_id)
    put_text(ws, 2, 1, "layout")
    put_text(ws, 2, 2, LAYOUT_VERSION)
    put_text(ws, 3, 1, "signature")
    put_text(ws, 3, 2, link_signature(data.project_id, keys))
    put_text(ws, 4, 1, "rows")
    _put_number(ws, 4, 2, len(rows))
    put_text(ws, 5, 1, "requirement")
    put_text(ws, 5, 2, "item")
    put_text(ws, 5, 3, "status")
    put_text(ws, 5, 4, "note")
    for r, ((req, _), (rid, item_id)) in enumerate(zip(rows, keys), start=6):
        put_text(ws, r, 1, rid)
        put_text(ws, r, 2, item_id)
        put_text(ws, r, 3, req.status)
        put_text(ws, r, 4, req.note)
    ws.sheet_state = "veryHidden"
