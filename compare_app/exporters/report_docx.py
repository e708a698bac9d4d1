"""The Swedish gap report as a Word document (python-docx).

Layout: title page; table of contents (a TOC field, pre-filled so it reads well before Word
updates it); a one-page summary with a coverage chart and the verdict per unit; one section per
unit (or per competence area when no units exist) with a table of its requirements; a gap list
with the national courses that could close each gap; an appendix on method. Sections with
nothing to say are left out.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..progress import Progress, report
from . import _report_data as rd
from . import _report_markdown
from ._report_chart import donut_png

# Column widths (cm) of the requirement table on an A4 page with 2 cm margins (17 cm text width).
_REQ_COLS = (5.6, 6.2, 1.9, 3.3)
_SUMMARY_GAP_LIMIT = 5
_SUMMARY_TEXT_LIMIT = 110  # characters of a requirement shown on the summary page
_HEADING_STYLES = ("Heading 1", "Heading 2")


def write(project, path: str | Path, progress: Progress | None = None) -> Path:
    """Write the Word report for ``project`` to ``path`` and return the path."""
    from docx import Document

    path = Path(path)
    report(progress, 0, 6, "Samlar rapportens innehåll")
    data = rd.build(project, progress=progress)
    doc = Document()
    _setup(doc)
    _properties(doc.core_properties, data)
    report(progress, 1, 6, "Skriver titelsida och sammanfattning")
    _title_page(doc, data)
    toc_paragraph = _toc(doc)
    _summary(doc, data)
    report(progress, 2, 6, "Skriver kravtabeller")
    _requirement_sections(doc, data, progress)
    report(progress, 4, 6, "Skriver luckor och metod")
    _gap_list(doc, data)
    _appendix(doc, data)
    _fill_toc(doc, toc_paragraph)
    _footer(doc)
    report(progress, 5, 6, "Sparar dokumentet")
    rd.save_atomically(doc, path)
    report(progress, 6, 6, "Klart")
    return path


# --- document set-up -------------------------------------------------------------

def _setup(doc) -> None:
    from docx.shared import Cm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.different_first_page_header_footer = True
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    doc.core_properties.language = "sv-SE"
    _set_language(doc, "sv-SE")


def _properties(props, data: rd.ReportData) -> None:
    """File properties shown by Explorer and Word (python-docx's defaults name python-docx)."""
    from datetime import datetime, timezone

    props.title = data.title
    props.subject = "Jämförelse av kompetensstandard med nationella kurser"
    props.author = props.last_modified_by = data.author or "compare_app"
    props.created = props.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    props.comments = f"Projekt {data.project_id}"
    props.revision = 1


def _set_language(doc, lang: str) -> None:
    """Swedish proofing language on the default run properties (spell checking, hyphenation)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr_default = doc.styles.element.find(qn("w:docDefaults"))
    rpr = rpr_default.find(qn("w:rPrDefault")).find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)


def _add_field(paragraph, instruction: str, cached: str = "") -> None:
    """A complex field (PAGE, NUMPAGES, TOC ...) with an optional cached result.

    Not marked dirty: Word would then ask on opening whether to update fields that "may
    refer to other files". Page fields in the footer update themselves anyway.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run(cached)
    fld_char("end")



# --- small helpers ------------------------------------------------------------------

def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _table(doc, headers: list[str], widths_cm: tuple[float, ...]):
    """A grid table with a shaded header row that repeats on every page."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    _fix_widths(table, widths_cm)
    for cell, title in zip(table.rows[0].cells, headers):
        _cell_text(cell, title, bold=True)
        _shade(cell, "D9E2F3")
    _repeat_header(table.rows[0])
    return table


def _fix_widths(table, widths_cm: tuple[float, ...]) -> None:
    """Fixed column widths that both Word and LibreOffice honour (grid columns and cells)."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


class _Cell:
    """One body cell as WordprocessingML paragraphs, with an optional fill colour."""

    def __init__(self, width_cm: float):
        self.width_cm = width_cm
        self.paragraphs: list[str] = []
        self.fill: str | None = None

    def text(self, text: str, bold: bool = False, small: bool = False, colour: str | None = None) -> "_Cell":
        props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
        props += f'<w:sz w:val="{17 if small else 19}"/>'
        self.paragraphs.append(
            '<w:p><w:pPr><w:spacing w:after="20"/></w:pPr>'
            f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r></w:p>'
        )
        return self

    def xml(self) -> str:
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{self.fill}"/>' if self.fill else ""
        width = round(self.width_cm * 567)  # twentieths of a point per cm
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
                f'{"".join(self.paragraphs) or "<w:p/>"}</w:tc>')


class _Rows:
    """Body rows collected as XML and appended in one parse.

    python-docx's per-cell API costs about a millisecond per paragraph; a 500-requirement
    report has thousands, so the rows are written as markup instead.
    """

    def __init__(self, table, widths_cm: tuple[float, ...]):
        self.table, self.widths = table, widths_cm
        self.rows: list[list[_Cell]] = []

    def add(self) -> list[_Cell]:
        cells = [_Cell(w) for w in self.widths]
        self.rows.append(cells)
        return cells

    def close(self) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        body = "".join(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(c.xml() for c in cells) + "</w:tr>"
            for cells in self.rows
        )
        for tr in list(parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>")):
            self.table._tbl.append(tr)
        self.rows.clear()


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(rd.clean_text(text))


def _cell_text(cell, text: str, bold: bool = False, small: bool = False, colour: str | None = None):
    """Put text into a cell's first paragraph (or a new one if it already has text)."""
    from docx.shared import Pt, RGBColor

    paragraph = cell.paragraphs[-1]
    if paragraph.runs:
        paragraph = cell.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(1)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(8.5 if small else 9.5)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return run



# --- title page and contents -----------------------------------------------------

def _title_page(doc, data: rd.ReportData) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    for _ in range(3):
        doc.add_paragraph()
    doc.add_paragraph("Jämförelse med nationella kurser", style="Subtitle")
    doc.add_paragraph(data.title, style="Title")
    facts = [("Kompetensstandard", data.standard_title)] if data.standard_title != data.title else []
    facts += [
        ("Kursplaner", data.curriculum_title),
        ("Jämförs med", data.scope),
        ("Datum", data.date_text),
    ]
    if data.author:
        facts.append(("Upprättad av", data.author))
    for label, value in facts:
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)
    if data.sources:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(18)
        p.add_run("Datakällor").bold = True
        for src in data.sources:
            line = doc.add_paragraph(style="List Bullet")
            version = f", version {src.version}" if src.version else ""
            line.add_run(f"{src.role}: {Path(src.path).name}{version}")
            line.add_run(f" (SHA-256 {src.short_hash}…)").font.size = Pt(8.5)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _toc(doc):
    """The contents heading and an empty paragraph that later receives the TOC field."""
    doc.add_paragraph("Innehåll", style="TOC Heading")
    return doc.add_paragraph()


#: under the contents: Word cannot know page numbers before it lays the document out
TOC_NOTE = ("Rubrikerna ovan är länkar till avsnitten. Sidnummer i innehållsförteckningen: "
            "högerklicka på den i Word och välj Uppdatera fält (eller markera den och tryck F9).")


def _fill_toc(doc, paragraph) -> None:
    """A TOC field whose cached result already lists the headings, each a link to its heading.

    The document does not ask Word to update fields when it opens (Word then shows a
    question about fields that may refer to other files, which makes readers distrust the
    file); the footer's page numbers need no update, and a note says how to add page
    numbers to the contents.
    """
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    headings = [p for p in doc.paragraphs if p.style is not None and p.style.name in _HEADING_STYLES]
    _add_field(paragraph, 'TOC \\o "1-2" \\h \\z \\u', "")
    # Replace the single cached run with one linked line per heading, indented by level.
    runs = paragraph._p.findall(qn("w:r"))
    cached_run = runs[3]
    for i, heading in enumerate(headings):
        anchor = _bookmark(heading, i)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        if i:
            run.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = ("      " if heading.style.name == "Heading 2" else "") + heading.text
        run.append(t)
        link.append(run)
        cached_run.addprevious(link)
    paragraph._p.remove(cached_run)
    note = doc.add_paragraph()
    paragraph._p.addnext(note._p)
    note_run = note.add_run(TOC_NOTE)
    note_run.font.size = Pt(8.5)
    note_run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    note.add_run().add_break(WD_BREAK.PAGE)


def _bookmark(paragraph, number: int) -> str:
    """Put a bookmark around ``paragraph`` (a heading) and return its name, as Word's own TOC does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    name = f"_Toc{number:06d}"
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p_pr = paragraph._p.pPr
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)
    return name


def _footer(doc) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Sida ")
    _add_field(p, "PAGE", "1")
    p.add_run(" av ")
    _add_field(p, "NUMPAGES", "1")


# --- summary page -------------------------------------------------------------------

def _summary(doc, data: rd.ReportData) -> None:
    from docx.enum.text import WD_BREAK

    s = data.summary
    doc.add_heading("Sammanfattning", level=1)
    formal = (f"{rd.plural(s.formal, 'är ett formellt krav', 'är formella krav')} (betyg, behörighet, tid i yrket "
              f"eller liknande), som redovisas för sig och inte räknas i täckningen. Av de {s.total} kraven på "
              f"kursinnehåll är, jämfört med {_scope_short(data)}, " if s.formal else
              f"Jämfört med {_scope_short(data)} är ")
    doc.add_paragraph(
        f"Standarden har {rd.plural(s.total + s.formal, 'krav', 'krav')}. {formal}"
        f"{s.covered} täckta, {s.partial} delvis täckta och {rd.plural(s.gap, 'är en lucka', 'är luckor')}. "
        f"Täckningsgraden är {rd.percent(s.coverage)} (ett delvis täckt krav räknas som ett halvt)."
    )
    _chart_with_legend(doc, data)
    if data.units:
        _unit_verdicts(doc, data)
    elif len(data.area_summaries) > 1:
        _area_table(doc, data)
    # keep the page to one: every unit row beyond eight costs one listed gap
    _main_gaps(doc, data, limit=max(2, _SUMMARY_GAP_LIMIT - max(0, len(data.units) - 8)))
    _formal_requirements(doc, data)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _chart_with_legend(doc, data: rd.ReportData) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    s = data.summary
    png = donut_png([(getattr(s, k), rd.STATUS_CHART[k]) for k in rd.STATUSES], rd.percent(s.coverage))
    layout = doc.add_table(rows=1, cols=2)
    layout.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_widths(layout, (6.5, 10.5))
    left, right = layout.rows[0].cells
    run = left.paragraphs[0].add_run()
    run.add_picture(io.BytesIO(png), width=Cm(4.6))
    _describe_picture(run, f"Diagram: täckningsgrad {rd.percent(s.coverage)}; "
                           f"{s.covered} täckta, {s.partial} delvis, {s.gap} luckor")
    legend = right.add_table(rows=0, cols=4)
    legend.style = doc.styles["Table Grid"]
    for key, label in rd.STATUS_TITLE.items():
        count = getattr(s, key)
        cells = legend.add_row().cells
        _shade(cells[0], rd.STATUS_CHART[key])
        _cell_text(cells[1], label)
        _cell_text(cells[2], str(count), bold=True)
        _cell_text(cells[3], rd.percent(count / s.total) if s.total else "–")
    cells = legend.add_row().cells
    _cell_text(cells[1], "Totalt", bold=True)
    _cell_text(cells[2], str(s.total), bold=True)
    _cell_text(cells[3], "100 %" if s.total else "–", bold=True)
    if s.formal:
        cells = legend.add_row().cells
        _shade(cells[0], rd.STATUS_CHART["formal"])
        _cell_text(cells[1], "Formella krav (utanför täckningen)")
        _cell_text(cells[2], str(s.formal), bold=True)
        _cell_text(cells[3], "–")
    _fix_widths(legend, (0.8, 3.2, 1.4, 1.6))
    decided = len(data.decided)
    p = right.add_paragraph(
        f"{decided} av {s.total} krav har bedömts av en person; övriga {s.total - decided} bygger på "
        "programmets förslag och är ännu inte granskade."
    )
    p.paragraph_format.space_before = Pt(8)


def _describe_picture(run, text: str) -> None:
    """Alt text for screen readers (docPr/@descr)."""
    from docx.oxml.ns import qn

    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", text)


def _unit_verdicts(doc, data: rd.ReportData) -> None:
    from docx.shared import Pt

    doc.add_heading("Bedömning per enhet", level=2)
    widths = (5.6, 2.2, 9.2)
    rows = _Rows(_table(doc, ["Enhet", "Status", "Bedömning"], widths), widths)
    for unit in data.units:
        cells = rows.add()
        cells[0].text(unit.title, bold=True, small=True)
        cells[1].text(rd.STATUS_SV[unit.status], small=True).fill = rd.STATUS_FILL[unit.status]
        cells[1].text(f"{unit.summary.covered}/{unit.summary.partial}/{unit.summary.gap}", small=True, colour="555555")
        cells[2].text(_short_verdict(unit), small=True)
    rows.close()
    doc.add_paragraph("Siffrorna under status är antal krav som är täckta/delvis täckta/luckor.").runs[0].font.size = Pt(8)


def _short_verdict(unit: rd.UnitRow, limit: int = 160) -> str:
    """The unit's verdict, or for a long one (dozens of requirement ids) a counted form for the summary page."""
    if len(unit.verdict) <= limit:
        return unit.verdict
    s = unit.summary
    open_count = s.partial + s.gap
    if unit.status == "gap":
        text = f"Inte täckt: {s.gap} av {s.total} krav är luckor"
    elif s.covered:
        text = f"Täckt utom {open_count} av {s.total} krav ({s.partial} delvis, {s.gap} luckor)"
    else:
        text = f"Inget av {s.total} krav helt täckt ({s.partial} delvis, {s.gap} luckor)"
    if unit.closing_courses:
        more = " m.fl." if len(unit.closing_courses) > 3 else ""
        text += f"; kan kompletteras med {', '.join(unit.closing_courses[:3])}{more}"
    return text if text.endswith(".") else text + "."


def _scope_short(data: rd.ReportData, limit: int = 6) -> str:
    """The scope for running text: a long list of course codes becomes a count."""
    codes = data.scope.split(", ")
    return data.scope if len(codes) <= limit else f"de {len(codes)} kurserna i jämförelsen"


def _area_table(doc, data: rd.ReportData) -> None:
    doc.add_heading("Täckning per kompetensområde", level=2)
    widths = (8.0, 2.0, 2.0, 2.0, 3.0)
    headers = ["Kompetensområde", *(rd.STATUS_TITLE[k] for k in rd.STATUSES), "Täckningsgrad"]
    rows = _Rows(_table(doc, headers, widths), widths)
    for area, s in data.area_summaries:
        cells = rows.add()
        for cell, text in zip(cells, (area or "(utan område)", s.covered, s.partial, s.gap, rd.percent(s.coverage))):
            cell.text(str(text))
    rows.close()


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _main_gaps(doc, data: rd.ReportData, limit: int = _SUMMARY_GAP_LIMIT) -> None:
    _requirement_list(doc, "Största luckorna", data.main_gaps(), limit, "luckor till, se avsnittet Luckor",
                      lambda row: "")


def _formal_requirements(doc, data: rd.ReportData) -> None:
    """The formal requirements, listed apart: a course cannot teach them."""
    formal = [r for r in data.requirements if r.status == "formal"]
    _requirement_list(doc, "Formella krav", formal, _SUMMARY_GAP_LIMIT, "formella krav till, se kravtabellerna",
                      lambda row: f" ({row.formal})")


def _requirement_list(doc, heading: str, rows: list[rd.RequirementRow], limit: int, more: str, suffix) -> None:
    """A short bulleted list on the summary page: "ID: text", at most ``limit`` rows, then how many more."""
    from docx.shared import Pt

    if not rows:
        return
    doc.add_heading(heading, level=2)
    for row in rows[:limit]:
        p = doc.add_paragraph(style="List Bullet")
        p.paragraph_format.space_after = Pt(1)
        p.add_run(f"{row.id}: ").bold = True
        p.add_run(_shorten(row.text, _SUMMARY_TEXT_LIMIT) + suffix(row))
    if len(rows) > limit:
        doc.add_paragraph(f"… och {len(rows) - limit} {more}.")


# --- requirement sections -----------------------------------------------------------

def _requirement_sections(doc, data: rd.ReportData, progress: Progress | None) -> None:
    if not data.requirements:
        return
    if data.units:
        doc.add_heading("Enheter", level=1)
        doc.add_paragraph(data.points_rule)
        for i, unit in enumerate(data.units):
            report(progress, 2, 6, f"Enhet {i + 1} av {len(data.units)}")
            _unit_section(doc, data, unit)
        rest = data.unassigned()
        if rest:
            doc.add_heading("Krav utanför enheterna", level=2)
            doc.add_paragraph("Dessa krav ingår inte i någon enhet men redovisas här så att alla krav finns med.")
            _requirement_table(doc, rest)
    else:
        doc.add_heading("Krav per kompetensområde", level=1)
        for area, _ in data.area_summaries:
            doc.add_heading(area or "Krav utan kompetensområde", level=2)
            _requirement_table(doc, [r for r in data.requirements if r.area == area])


def _unit_section(doc, data: rd.ReportData, unit: rd.UnitRow) -> None:
    doc.add_heading(unit.title, level=2)
    p = _intro(doc)
    p.add_run(f"Bedömning: {rd.STATUS_SV[unit.status]}. ").bold = True
    p.add_run(_short_verdict(unit, limit=300))
    facts = [f"{len(unit.requirement_ids)} krav"]
    if unit.level:
        facts.append(f"nivå {unit.level}")
    if unit.points:
        hours = f" (cirka {rd.number(unit.hours)} timmar)" if unit.hours else ""
        facts.append(f"{rd.number(unit.points)} gymnasiepoäng{hours}")
    _intro(doc, "Omfattning: " + ", ".join(facts) + ".")
    if unit.courses:
        _intro(doc, "Poäng per kurs: " + "; ".join(c.reckoning for c in unit.courses) + ".")
    if unit.closing_courses:
        _intro(doc, "Kurser som kan täcka enhetens luckor: " + ", ".join(
            data.course_label(code) for code in unit.closing_courses) + ".")
    rows = [data.by_id[rid] for rid in unit.requirement_ids if rid in data.by_id]
    if rows:
        _requirement_table(doc, rows)


def _intro(doc, text: str = ""):
    """A paragraph kept on the same page as what follows (a unit's facts stay with its table)."""
    p = doc.add_paragraph(text)
    p.paragraph_format.keep_with_next = True
    return p


def _requirement_table(doc, rows: list[rd.RequirementRow]) -> None:
    out = _Rows(_table(doc, ["Krav", "Kursinnehåll", "Status", "Bedömarens notering"], _REQ_COLS), _REQ_COLS)
    for row in rows:
        cells = out.add()
        cells[0].text(row.id, bold=True, small=True)
        cells[0].text(row.text)
        _link_cell(cells[1], row)
        cells[2].text(row.status_sv, bold=True)
        if row.formal:
            cells[2].text(row.formal, small=True)
        cells[2].text("beslutad" if row.decided else "förslag", small=True, colour="555555")
        cells[2].fill = rd.STATUS_FILL[row.status]
        if row.note_with_remark:
            cells[3].text(row.note_with_remark)
        if row.decided and row.decided_by:
            cells[3].text(f"Beslut: {row.decided_by}", small=True, colour="555555")
    out.close()


def _link_cell(cell: _Cell, row: rd.RequirementRow) -> None:
    if not row.shown_links:
        cell.text("Inget kursinnehåll kopplat.", small=True, colour="555555")
        return
    for link in row.shown_links:
        cell.text(link.course_label, bold=True, small=True)
        state = "" if link.state == "accepted" else f" ({rd.LINK_STATE_SV[link.state]})"
        cell.text(f"{link.item_text}{state}", small=True)
        for note in filter(None, (link.also_in_text, link.similar_in_text)):
            cell.text(note, small=True, colour="555555")


# --- gap list and appendix ------------------------------------------------------------

def _gap_list(doc, data: rd.ReportData) -> None:
    gaps = data.gaps
    if not gaps:
        return
    doc.add_heading("Luckor", level=1)
    with_suggestions = data.units_available  # the closing-course search ran
    text = f"{rd.plural(len(gaps), 'krav saknar', 'krav saknar')} motsvarighet i de jämförda kurserna."
    if with_suggestions:
        text += (" Kolumnen till höger visar kurser bland alla inlästa kursplaner vars centrala innehåll "
                 "kan täcka kravet.")
    _intro(doc, text)
    widths = (6.5, 4.2, 6.3) if with_suggestions else (11.0, 6.0)
    headers = ["Krav", "Kompetensområde"] + (["Kurser som kan täcka luckan"] if with_suggestions else [])
    rows = _Rows(_table(doc, headers, widths), widths)
    for row in gaps:
        cells = rows.add()
        cells[0].text(row.id, bold=True, small=True)
        cells[0].text(row.text)
        cells[1].text(row.area, small=True)
        if with_suggestions:
            codes = data.gap_suggestions.get(row.id, [])
            cells[2].text(", ".join(data.course_label(c) for c in codes) or "Ingen inläst kurs täcker kravet.")
    rows.close()


def _method_text(doc, data: rd.ReportData) -> None:
    """The matcher's own description: Swedish as is; an English one after a short Swedish summary."""
    if data.method_language == "sv":
        _report_markdown.render(doc, data.method_text)
        return
    doc.add_paragraph(rd.FALLBACK_METHOD)
    if data.method_text:
        doc.add_paragraph("Teknisk beskrivning av metoden (på engelska)", style="Heading 3")
        _report_markdown.render(doc, data.method_text, heading_style="Heading 4")


def _appendix(doc, data: rd.ReportData) -> None:
    from docx.shared import Pt

    doc.add_heading("Bilaga: Metod", level=1)
    _method_text(doc, data)
    doc.add_heading("Tröskelvärden och beslut", level=2)
    if data.method:
        doc.add_paragraph(f"Metod: {data.method}.")
    if data.language_model:
        doc.add_paragraph(data.language_model)
    if data.thresholds:
        parts = [f"{rd.STATUS_SV.get(k, k)} från poängtal {v:.2f}".replace(".", ",")
                 for k, v in sorted(data.thresholds.items(), key=lambda kv: -kv[1])]
        doc.add_paragraph("Status enligt förslaget: " + "; ".join(parts) + "; lägre poängtal ger lucka.")
    doc.add_paragraph(
        "En persons beslut väger tyngre än förslaget: en uttryckligen satt status gäller; ett godkänt "
        "eller tillagt kursmoment gör kravet täckt; om alla förslag som gav statusen avvisats blir kravet "
        "en lucka. Övriga krav har programmets föreslagna status och är markerade som förslag i tabellerna."
    )
    decided, unreviewed = data.decided, data.unreviewed
    doc.add_paragraph(f"Beslutade av en person: {len(decided)} krav. Ogranskade förslag: {len(unreviewed)} krav.")
    if decided:
        widths = (3.0, 2.0, 5.0, 7.0)
        rows = _Rows(_table(doc, ["Krav", "Status", "Beslutad av", "Notering"], widths), widths)
        for row in decided:
            cells = rows.add()
            cells[0].text(row.id)
            cells[1].text(row.status_sv).fill = rd.STATUS_FILL[row.status]
            cells[2].text(row.decided_by or "–")
            cells[3].text(row.note)
        rows.close()
    if unreviewed and decided:  # when nobody has decided anything, the count above says it all
        doc.add_paragraph().paragraph_format.space_after = Pt(0)
        doc.add_paragraph("Ogranskade förslag: " + ", ".join(r.id for r in unreviewed) + ".")
