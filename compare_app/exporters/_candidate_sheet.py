"""The review workbook's *Kandidater* sheet: one column per candidate, one row per requirement.

An assessor can record validation results on a tablet or on paper first and send the file
back (read by :mod:`compare_app.importers.candidate_xlsx`). Columns are headed by the
candidate's pseudonymous reference, never the name (the workbook goes to other people); a
last column *Ny kandidat* takes a new candidate, whose name or reference the assessor writes
in its heading. A cell holds ``visad``, ``delvis visad`` or ``ej visad``, optionally followed
by ``: note``. Above the header, *Datum* and *Bedömningsform* apply to the results entered in
that column. A hidden row ties the sheet to its project and each column to its candidate.
"""

from __future__ import annotations

from ..candidates.model import ASSESSMENT_METHODS, RESULT_SV

SHEET = "Kandidater"
NEW_CANDIDATE = "Ny kandidat"
ID_ROW, DATE_ROW, METHOD_ROW, HEADER_ROW = 3, 4, 5, 6
FIRST_CANDIDATE_COL = 4
FIXED_HEADERS = ("Krav-id", "Kompetensområde", "Krav")
PROJECT_ID_LABEL = "project_id"
DATE_LABEL = "Datum (ÅÅÅÅ-MM-DD)"
METHOD_LABEL = "Bedömningsform"


def cell_text(result) -> str:
    """How a recorded result is written in a cell (and recognised unchanged on import)."""
    if result is None:
        return ""
    text = RESULT_SV[result.status]
    return f"{text}: {result.note}" if result.note else text


def _column_default(candidate, attr: str) -> str:
    """The most used date or method of a candidate's results (what the column header proposes)."""
    values = [getattr(r, attr) for r in candidate.results.values() if getattr(r, attr)]
    return max(set(values), key=values.count) if values else ""


def write(wb, project) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .report_xlsx import _fit_height, _header, _print_setup, _styles, put_text

    st = _styles()
    ws = wb.create_sheet(SHEET)
    columns = [(c.ref, c.id, c) for c in project.candidates] + [(NEW_CANDIDATE, "", None)]
    put_text(ws, 1, 1, "Valideringsresultat per kandidat").font = st.title
    help_cell = put_text(ws, 2, 1, "En kolumn per kandidat. Skriv visad, delvis visad eller ej visad; text efter ett kolon "
                       "blir en anteckning (till exempel \u201cdelvis visad: behöver öva\u201d). Datum och "
                       "bedömningsform överst gäller de resultat du skriver i kolumnen. För en ny kandidat: "
                       "skriv namn eller referens i rubriken Ny kandidat. Ändra inte kolumnen Krav-id.")
    help_cell.font, help_cell.alignment = st.grey, st.wrap
    # one wrapped paragraph over the table's width, so a printed page is not widened by it
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=FIRST_CANDIDATE_COL + len(columns) - 1)
    ws.row_dimensions[2].height = 56
    put_text(ws, ID_ROW, 1, PROJECT_ID_LABEL)
    put_text(ws, ID_ROW, 2, project.id)
    ws.row_dimensions[ID_ROW].hidden = True
    put_text(ws, DATE_ROW, 3, DATE_LABEL).font = st.bold
    put_text(ws, METHOD_ROW, 3, METHOD_LABEL).font = st.bold
    _header(ws, HEADER_ROW, FIXED_HEADERS + tuple(ref for ref, _, _ in columns), (11, 22, 50) + (20,) * len(columns))
    for offset, (_ref, cid, candidate) in enumerate(columns):
        col = FIRST_CANDIDATE_COL + offset
        put_text(ws, ID_ROW, col, cid)
        for row, value in ((DATE_ROW, _column_default(candidate, "date") if candidate else ""),
                           (METHOD_ROW, ASSESSMENT_METHODS.get(_column_default(candidate, "method"), "")
                            if candidate else "")):
            cell = put_text(ws, row, col, value)
            cell.fill, cell.border, cell.alignment = st.input_fill, st.border, st.wrap
        ws.cell(row=HEADER_ROW, column=col).fill = st.input_fill
    for r, req in enumerate(project.standard.items, start=HEADER_ROW + 1):
        put_text(ws, r, 1, req.id).alignment = st.top
        put_text(ws, r, 2, req.area).alignment = st.wrap
        put_text(ws, r, 3, req.text).alignment = st.wrap
        texts = [(req.area, 22), (req.text, 50)]
        for offset, (_ref, _cid, candidate) in enumerate(columns):
            text = cell_text(candidate.results.get(req.id)) if candidate else ""
            put_text(ws, r, FIRST_CANDIDATE_COL + offset, text).alignment = st.wrap
            texts.append((text, 20))
        _fit_height(ws, r, texts)
    last_row = HEADER_ROW + max(1, len(project.standard.items))
    first, last = get_column_letter(FIRST_CANDIDATE_COL), get_column_letter(FIRST_CANDIDATE_COL + len(columns) - 1)
    results = DataValidation(type="list", formula1='"' + ",".join(RESULT_SV.values()) + '"', allow_blank=True,
                             showErrorMessage=False)  # a suggestion list: a note after a colon is allowed
    methods = DataValidation(type="list", formula1='"' + ",".join(ASSESSMENT_METHODS.values()) + '"',
                             allow_blank=True, showErrorMessage=True, errorTitle="Okänd bedömningsform",
                             error="Välj en bedömningsform i listan.")
    ws.add_data_validation(results)
    ws.add_data_validation(methods)
    results.add(f"{first}{HEADER_ROW + 1}:{last}{last_row}")
    methods.add(f"{first}{METHOD_ROW}:{last}{METHOD_ROW}")
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=FIRST_CANDIDATE_COL)
    _print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")
