"""The personal document "Valideringsresultat och studieplan" for one candidate (python-docx).

Sections: who and against what; a summary in figures; what was shown and how (per
competence area, each requirement with its result, method, date and note); the courses
proposed for crediting with their evidence and the content not shown; the complementary
study plan with points; the micro-credential units completed in full; how the proposals
were made. This document and the project file are the only places the candidate's name is
written (see :mod:`compare_app.candidates.model`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..candidates.model import RESULT_SV, method_label
from ..candidates.outcome import CandidateOutcome
from ..progress import Progress, report
from . import _report_data as rd
from .report_docx import _footer, _Rows, _setup, _table

TITLE = "Valideringsresultat och studieplan"
#: result -> cell colour (the report's status colours: shown green, partly yellow, not shown red)
_RESULT_FILL = {"shown": rd.STATUS_FILL["covered"], "partly_shown": rd.STATUS_FILL["partial"],
                "not_shown": rd.STATUS_FILL["gap"]}
_RESULT_COLS = (8.6, 2.6, 5.8)  # requirement, result, how (17 cm text width)
_CREDIT_COLS = (5.6, 1.6, 3.2, 6.6)
_PLAN_COLS = (7.4, 1.6, 8.0)
#: courses below the threshold listed for information (the nearest ones)
_NEAR_MISSES = 3


def default_name(candidate) -> str:
    """A file name without the person's name (it may end up in recent-file lists)."""
    return f"valideringsresultat-{candidate.ref or 'kandidat'}.docx"


def write(project, outcome: CandidateOutcome, path: str | Path, progress: Progress | None = None,
          today: date | None = None) -> Path:
    """Write the personal document for ``outcome`` to ``path`` and return the path."""
    from docx import Document

    path = Path(path)
    report(progress, 0, 3, "Skriver dokumentet")
    doc = Document()
    _setup(doc)
    doc.sections[0].different_first_page_header_footer = False
    props = doc.core_properties
    props.title, props.subject = TITLE, project.standard.title
    props.author = props.last_modified_by = project.settings.author or "compare_app"
    props.comments = ""
    _heading(doc, project, outcome, today or date.today())
    _summary(doc, project, outcome)
    report(progress, 1, 3, "Skriver resultat och plan")
    _shown(doc, project, outcome)
    _credit(doc, outcome)
    _plan(doc, project, outcome)
    _units(doc, outcome)
    _method(doc, project, outcome)
    _footer(doc)
    report(progress, 2, 3, "Sparar dokumentet")
    rd.save_atomically(doc, path)
    report(progress, 3, 3, "Klart")
    return path


def _heading(doc, project, outcome: CandidateOutcome, today: date) -> None:
    doc.add_paragraph(TITLE, style="Title")
    facts = [
        ("Namn", outcome.candidate.name),
        ("Referens", outcome.candidate.ref),
        ("Kompetensstandard", project.standard.title),
        ("Jämfört med", project.scope.describe()),
        ("Datum", rd.swedish_date(today)),
        ("Bedömare", project.settings.author),
    ]
    for label, value in facts:
        if value:
            p = doc.add_paragraph()
            p.paragraph_format.space_after = 0
            p.add_run(f"{label}: ").bold = True
            p.add_run(rd.clean_text(value))


def _counts(project, outcome: CandidateOutcome) -> dict[str, int]:
    results = outcome.candidate.results
    counts = {key: 0 for key in RESULT_SV}
    for req in project.standard.items:
        if req.id in results:
            counts[results[req.id].status] += 1
    counts["unrecorded"] = len(project.standard.items) - sum(counts.values())
    return counts


def _shown_word(n: int) -> str:
    """"visat" for one requirement (krav is neuter), "visade" for several."""
    return "visat" if n == 1 else "visade"


def _summary(doc, project, outcome: CandidateOutcome) -> None:
    n = _counts(project, outcome)
    total = len(project.standard.items)
    doc.add_heading("Sammanfattning", level=1)
    text = (f"Standarden har {total} krav. {n['shown']} är {_shown_word(n['shown'])}, {n['partly_shown']} "
            f"delvis {_shown_word(n['partly_shown'])} och {n['not_shown']} ej {_shown_word(n['not_shown'])}")
    text += f"; {n['unrecorded']} är inte bedömda." if n["unrecorded"] else "."
    doc.add_paragraph(text)
    credited = outcome.credited
    if credited:
        points = sum(c.points or 0 for c in credited)
        doc.add_paragraph(f"{rd.plural(len(credited), 'kurs föreslås', 'kurser föreslås')} för tillgodoräknande "
                          f"eller prövning ({points} poäng): {', '.join(f'{c.code} {c.name}' for c in credited)}.")
    else:
        doc.add_paragraph("Ingen kurs föreslås för tillgodoräknande med nuvarande tröskel.")
    plan = outcome.plan
    if plan is None:
        doc.add_paragraph("Alla krav är visade; ingen kompletterande utbildning behövs.")
    elif plan.courses:
        doc.add_paragraph(f"Kompletterande utbildning: {rd.plural(len(plan.courses), 'kurs', 'kurser')}, "
                          f"{plan.points} poäng, som täcker {len(plan.covered)} av de "
                          f"{len(outcome.open_requirements)} krav som återstår.")
    else:
        doc.add_paragraph("Ingen kurs i kursplanerna täcker de krav som återstår.")
    if outcome.units_completed:
        doc.add_paragraph(f"{rd.plural(len(outcome.units_completed), 'mikromerit', 'mikromeriter')} "
                          "är visade i sin helhet.")


def _how(result) -> str:
    parts = [method_label(result.method) if result.method else "", result.date]
    return ", ".join(p for p in parts if p)


def _shown(doc, project, outcome: CandidateOutcome) -> None:
    doc.add_heading("Visad kompetens", level=1)
    doc.add_paragraph("Varje krav i standarden med resultatet av valideringen och hur det bedömdes.")
    results = outcome.candidate.results
    for area in project.standard.areas():
        doc.add_heading(area or "Utan kompetensområde", level=2)
        rows = _Rows(_table(doc, ["Krav", "Resultat", "Hur och när"], _RESULT_COLS), _RESULT_COLS)
        for req in (r for r in project.standard.items if r.area == area):
            result = results.get(req.id)
            cells = rows.add()
            cells[0].text(req.id, bold=True, small=True)
            cells[0].text(req.text)
            if result is None:
                cells[1].text("inte bedömt", small=True, colour="555555")
                continue
            cells[1].text(RESULT_SV[result.status], bold=True)
            cells[1].fill = _RESULT_FILL[result.status]
            if _how(result):
                cells[2].text(_how(result), small=True)
            if result.note:
                cells[2].text(result.note, small=True, colour="333333")
        rows.close()


def _credit(doc, outcome: CandidateOutcome) -> None:
    doc.add_heading("Tillgodoräknande", level=1)
    doc.add_paragraph(
        f"En kurs föreslås när de visade kraven täcker minst {rd.percent(outcome.threshold)} av kursens "
        "centrala innehåll genom kopplingar som bedömaren har godkänt. Förslaget är ett underlag för "
        "beslut om tillgodoräknande eller prövning; beslutet fattas av skolan.")
    credited = outcome.credited
    if credited:
        rows = _Rows(_table(doc, ["Kurs", "Poäng", "Täckt innehåll", "Underlag (visade krav)"], _CREDIT_COLS),
                     _CREDIT_COLS)
        for c in credited:
            cells = rows.add()
            cells[0].text(c.code, bold=True, small=True)
            cells[0].text(c.name)
            cells[1].text(str(c.points) if c.points is not None else "–")
            cells[2].text(f"{len(c.covered)} av {c.items_total} ({rd.percent(c.share)})")
            cells[3].text(", ".join(c.evidence()), small=True)
        rows.close()
        for c in credited:
            if c.uncovered:
                doc.add_paragraph(f"Innehåll i {c.code} som inte är visat", style="Heading 3")
                for item in c.uncovered:
                    doc.add_paragraph(rd.clean_text(item.text), style="List Bullet")
    near = [c for c in outcome.credits if not c.proposed and c.covered][:_NEAR_MISSES]
    if near:
        doc.add_paragraph("Kurser under tröskeln", style="Heading 3")
        for c in near:
            doc.add_paragraph(f"{c.code} {c.name}: {len(c.covered)} av {c.items_total} innehållspunkter "
                              f"({rd.percent(c.share)})", style="List Bullet")


def _plan(doc, project, outcome: CandidateOutcome) -> None:
    from docx.shared import Pt

    doc.add_heading("Studieplan: kompletterande utbildning", level=1)
    plan = outcome.plan
    if plan is None:
        doc.add_paragraph("Alla krav är visade; ingen kompletterande utbildning behövs.")
        return
    intro = (f"De kurser som med minst antal gymnasiepoäng täcker de {len(outcome.open_requirements)} krav "
             "som inte är visade (delvis visade krav ingår). Kurser som föreslås för tillgodoräknande ingår inte.")
    if plan.budget is not None:
        intro += f" Budget: {plan.budget} poäng."
    doc.add_paragraph(intro)
    if plan.courses:
        rows = _Rows(_table(doc, ["Kurs", "Poäng", "Täcker krav"], _PLAN_COLS), _PLAN_COLS)
        for course in plan.courses:
            cells = rows.add()
            cells[0].text(course.code, bold=True, small=True)
            cells[0].text(course.name)
            cells[1].text(str(course.points))
            cells[2].text(", ".join(course.covers), small=True)
        cells = rows.add()
        cells[0].text("Summa", bold=True)
        cells[1].text(str(plan.points), bold=True)
        rows.close()
    if plan.uncovered:
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(8)
        p.add_run("Krav som planen inte täcker: ").bold = True
        p.add_run(", ".join(plan.uncovered) + ". ")
        p.add_run("De behöver annan utbildning, till exempel på arbetsplatsen, eller en ny bedömning.")


def _units(doc, outcome: CandidateOutcome) -> None:
    doc.add_heading("Mikromeriter som är visade i sin helhet", level=1)
    if not outcome.units_completed:
        doc.add_paragraph("Ingen mikromerit är ännu visad i sin helhet.")
        return
    for unit in outcome.units_completed:
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(rd.clean_text(unit.title)).bold = True
        level = f", nivå {unit.level}" if unit.level else ""
        p.add_run(f" ({', '.join(unit.requirement_ids)}{level})")


def _method(doc, project, outcome: CandidateOutcome) -> None:
    doc.add_heading("Om underlaget", level=1)
    text = ("Ett krav räknas som visat när bedömaren har registrerat det som visat; delvis visade krav "
            "ingår i studieplanen. Kursinnehåll räknas som täckt när ett visat krav har en godkänd koppling "
            "till det; samma innehåll som finns ordagrant i flera kurser räknas i var och en.")
    if outcome.plan is not None:
        method = "exakt optimering" if outcome.plan.method == "highs-mip" else "en närmelösning (girig metod)"
        text += f" Studieplanen är beräknad med {method} över alla inlästa kurser."
    doc.add_paragraph(text)
