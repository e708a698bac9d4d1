"""The shared report model: one pass over a project that the Word and Excel reports both read.

Everything a report shows is computed here once, from ``project.all_effective()``
(the current status and links per requirement, decided or proposed), so the two
reports can never disagree with each other or with ``project.summary()``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import atomic
from ..alignment import STATUSES, EffectiveRequirement, Summary, summarise  # noqa: F401  (STATUSES re-exported)
from ..progress import Progress, report

#: Swedish labels of the three statuses, as written in both reports and read back by the review import.
STATUS_SV = {"covered": "täckt", "partial": "delvis", "gap": "lucka"}
SV_STATUS = {v: k for k, v in STATUS_SV.items()}
#: Fill colours (RRGGBB) per status, shared by Word cells, Excel cells and the chart.
STATUS_FILL = {"covered": "C6EFCE", "partial": "FFEB9C", "gap": "FFC7CE"}
#: Stronger colours for chart segments.
STATUS_CHART = {"covered": "3A9D5D", "partial": "E0B43A", "gap": "D0504F"}
LINK_STATE_SV = {"accepted": "godkänd", "manual": "tillagd för hand", "proposed": "förslag"}

_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)


#: characters no XML file may hold: C0 controls, non-characters and lone surrogates (a pasted or damaged text)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


#: the matcher's method text, quoted in the Word report's appendix
METHOD_README = Path(__file__).resolve().parent.parent / "align" / "README.md"


def save_atomically(document, path: Path) -> None:
    """Save a python-docx Document or openpyxl Workbook beside the target, then replace it,
    so a failed export never leaves half a report (see :mod:`compare_app.atomic`)."""
    atomic.replace_file(path, lambda tmp: document.save(str(tmp)))


def clean_text(text: str | None) -> str:
    """Text safe for XML-based files: control characters and lone surrogates (which Word and Excel reject) removed."""
    return _CONTROL.sub("", text or "")


def swedish_date(day: date) -> str:
    """``24 november 2026``: the long date form used in Swedish documents."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def percent(share: float) -> str:
    """``0.625`` -> ``63 %`` (Swedish typography: space before the sign)."""
    return f"{round(share * 100)} %"


@dataclass
class LinkRow:
    item_id: str
    item_text: str
    course: str
    course_name: str
    points: int | None
    score: float | None
    state: str  # proposed / accepted / manual
    #: courses that hold the same text word for word (the proposal's twins)
    also_in: list[str] = field(default_factory=list)

    @property
    def course_label(self) -> str:
        pts = f", {self.points} p" if self.points is not None else ""
        return f"{self.course} {self.course_name}{pts}".strip()

    @property
    def courses(self) -> list[str]:
        """The link's course and the courses of its twins."""
        return [self.course, *self.also_in]

    @property
    def also_in_text(self) -> str:
        return f"Samma text finns även i {', '.join(self.also_in)}." if self.also_in else ""


@dataclass
class RequirementRow:
    id: str
    area: str
    kind: str
    level: str
    text: str
    status: str
    score: float
    decided: bool
    decided_by: str
    note: str
    links: list[LinkRow]  # every effective link (what the review sheet lists)
    shown_links: list[LinkRow]  # the links a reader should see as supporting the status

    @property
    def status_sv(self) -> str:
        return STATUS_SV[self.status]


@dataclass
class UnitRow:
    id: str
    title: str
    level: str
    requirement_ids: list[str]
    summary: Summary
    status: str  # covered | partial | gap
    verdict: str
    points: float
    hours: float | None
    courses: list[tuple[str, str, float]]  # code, name, points attributed
    closing_courses: list[str]


@dataclass
class SourceRow:
    role: str  # "Standardfil" / "Kursplanefil"
    path: str
    version: str
    sha256: str

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


@dataclass
class ReportData:
    title: str
    standard_title: str
    curriculum_title: str
    scope: str
    author: str
    date_text: str
    project_id: str
    sources: list[SourceRow]
    summary: Summary
    area_summaries: list[tuple[str, Summary]]
    requirements: list[RequirementRow]
    courses: list[tuple[str, str, int | None]]  # candidate courses: code, name, points
    units: list[UnitRow]
    units_available: bool  # False when compare_app.units.compute is not installed
    gap_suggestions: dict[str, list[str]]  # requirement id -> course codes that could close it
    method: str
    thresholds: dict[str, float]
    method_text: str  # Markdown, see method_text()
    method_language: str  # "sv", "en" or "" (no README)
    by_id: dict[str, RequirementRow] = field(default_factory=dict)
    #: code -> name of every course in the curriculum (suggested courses lie outside the scope)
    course_names: dict[str, str] = field(default_factory=dict)
    essential: list[str] = field(default_factory=list)  # requirement ids or area names

    def course_label(self, code: str) -> str:
        name = self.course_names.get(code, "")
        return f"{code} {name}".strip()

    @property
    def gaps(self) -> list[RequirementRow]:
        return [r for r in self.requirements if r.status == "gap"]

    def main_gaps(self) -> list[RequirementRow]:
        """Gaps with the requirements the project marks essential (by id or area) first."""
        essential = set(self.essential)
        return sorted(self.gaps, key=lambda r: not (r.id in essential or r.area in essential))

    @property
    def decided(self) -> list[RequirementRow]:
        return [r for r in self.requirements if r.decided]

    @property
    def unreviewed(self) -> list[RequirementRow]:
        return [r for r in self.requirements if not r.decided]

    def unassigned(self) -> list[RequirementRow]:
        """Requirements that belong to no unit (listed in their own report section)."""
        taken = {rid for u in self.units for rid in u.requirement_ids}
        return [r for r in self.requirements if r.id not in taken]


def build(project, today: date | None = None, progress: Progress | None = None) -> ReportData:
    """Collect everything both reports show from ``project`` (a :class:`compare_app.project.Project`).

    ``progress`` is stepped (and may cancel) during the one slow part, the search for
    national courses that would close the open requirements.
    """
    effective = {e.requirement_id: e for e in project.all_effective()}
    thresholds = dict(project.alignment.thresholds) if project.alignment else {}
    rows = [_requirement_row(project, item, effective[item.id], thresholds) for item in project.standard.items]
    by_id = {r.id: r for r in rows}
    _warm_closing_courses(project, [r.id for r in rows if r.status != "covered"], progress)
    units, available = _units(project)
    gap_ids = [r.id for r in rows if r.status == "gap"]
    method_md, method_language = method_text()
    data = ReportData(
        title=clean_text(project.title or project.standard.title),
        standard_title=clean_text(project.standard.title),
        curriculum_title=clean_text(project.curriculum.title),
        scope=clean_text(project.scope.describe()),
        author=clean_text(project.settings.author),
        date_text=swedish_date(today or date.today()),
        project_id=project.id,
        sources=_sources(project),
        summary=summarise([r.status for r in rows]),
        area_summaries=[
            (clean_text(area), summarise([r.status for r in rows if r.area == clean_text(area)]))
            for area in project.standard.areas()
        ],
        requirements=rows,
        courses=[_course_tuple(project, code) for code in _report_courses(project)],
        units=units,
        units_available=available,
        gap_suggestions=_gap_suggestions(project, gap_ids) if gap_ids else {},
        method=project.alignment.method if project.alignment else "",
        thresholds=thresholds,
        method_text=method_md,
        method_language=method_language,
        by_id=by_id,
        course_names={code: course.name for code, course in project.curriculum.courses.items()},
        essential=list(project.essential),
    )
    return data


def _requirement_row(project, item, eff: EffectiveRequirement, thresholds: dict[str, float]) -> RequirementRow:
    links = [_link_row(project, link) for link in eff.links]
    return RequirementRow(
        id=item.id,
        area=clean_text(item.area),
        kind=item.kind or "",
        level=item.level or "",
        text=clean_text(item.text),
        status=eff.status,
        score=eff.score,
        decided=eff.decided,
        decided_by=clean_text(eff.decided_by),
        note=clean_text(eff.note),
        links=links,
        shown_links=_shown_links(eff.status, links, thresholds),
    )


def _link_row(project, link) -> LinkRow:
    item = project.curriculum.get(link.item_id)
    code = item.course if item and item.course else (link.match.course if link.match else "")
    course = project.curriculum.courses.get(code)
    text = item.text if item else (link.match.text if link.match else "")
    return LinkRow(
        item_id=link.item_id,
        item_text=clean_text(text),
        course=code or "",
        course_name=clean_text(course.name) if course else "",
        points=course.points if course else None,
        score=link.score,
        state=link.state,
        also_in=[t.course for t in link.match.twins] if link.match else [],
    )


def _shown_links(status: str, links: list[LinkRow], thresholds: dict[str, float], limit: int = 3) -> list[LinkRow]:
    """Links that support the status: every decided link, plus the strongest proposals unless it is a gap.

    A gap's leftover proposals scored below the matcher's threshold; showing them as
    "linked content" would contradict the status, so they are left to the review sheet.
    """
    decided = [ln for ln in links if ln.state != "proposed"]
    if status == "gap":
        return decided
    floor = thresholds.get("partial", 0.0)
    proposed = [ln for ln in links if ln.state == "proposed" and (ln.score or 0.0) >= floor]
    return decided + proposed[: max(0, limit - len(decided))]


def _sources(project) -> list[SourceRow]:
    out = [SourceRow("Standardfil", s.path, s.version, s.sha256) for s in project.standard.sources]
    out += [SourceRow("Kursplanefil", s.path, s.version, s.sha256) for s in project.curriculum.sources]
    return out


def _report_courses(project) -> list[str]:
    """Candidate courses, plus any course a person linked by hand from outside the scope."""
    try:
        codes = list(project.candidate_courses())
    except KeyError:  # scope names a package the curriculum lacks
        codes = []
    if project.alignment:
        codes = list(dict.fromkeys(list(project.alignment.courses) + codes))
    for review in project.reviews.values():
        for item_id, state in review.links.items():
            item = project.curriculum.get(item_id)
            if state != "rejected" and item is not None and item.course and item.course not in codes:
                codes.append(item.course)
    return [c for c in codes if c in project.curriculum.courses]


def _course_tuple(project, code: str) -> tuple[str, str, int | None]:
    course = project.curriculum.courses[code]
    return code, clean_text(course.name), course.points


# --- units: provided by compare_app.units.compute when present ---------------------------

def _units_api():
    """The units computation module, or None while it is not part of the installation."""
    try:
        from ..units import compute
    except ImportError:
        return None
    return compute


def _warm_closing_courses(project, open_ids: list[str], progress: Progress | None) -> None:
    """Run the closing-course search first, so a long first export reports progress and can be cancelled.

    ``compare_app.units.compute`` memoises the whole-catalog matches per requirement, so the
    unit views and the gap list that follow reuse these results.
    """
    compute = _units_api()
    if compute is None or not hasattr(compute, "closing_courses_for") or not open_ids:
        return
    report(progress, 0, 1, "Söker kurser som kan täcka luckorna")
    compute.closing_courses_for(project, open_ids, progress=progress)


def _units(project) -> tuple[list[UnitRow], bool]:
    compute = _units_api()
    if compute is None:
        return [], False
    units = list(project.units)
    if not units:
        units = _proposed_units(project)
    return [_unit_row(compute.view(project, unit)) for unit in units], True


def _proposed_units(project) -> list:
    """Units proposed for a throw-away copy of the project: exporting must not edit the project."""
    try:
        from ..units.propose import ensure_units
    except ImportError:
        return []
    scratch = dataclasses.replace(project, units=[])
    ensure_units(scratch)
    return list(scratch.units)


def _unit_row(view) -> UnitRow:
    unit = view.unit
    return UnitRow(
        id=unit.id,
        title=clean_text(unit.title),
        level=unit.level or "",
        requirement_ids=list(unit.requirement_ids),
        summary=view.summary,
        status=view.status,
        verdict=clean_text(view.verdict),
        points=float(view.points or 0.0),
        hours=view.hours,
        courses=[(c.code, clean_text(c.name), float(c.points_attributed or 0.0)) for c in view.courses],
        closing_courses=list(view.closing_courses or []),
    )


def _gap_suggestions(project, requirement_ids: list[str]) -> dict[str, list[str]]:
    """Requirement id -> national courses that would cover it (empty without the units module)."""
    compute = _units_api()
    if compute is None or not hasattr(compute, "closing_courses_for"):
        return {}
    out: dict[str, list[str]] = {}
    for code, covered in compute.closing_courses_for(project, requirement_ids):
        for rid in covered:
            out.setdefault(rid, []).append(code)
    return out


# --- method appendix -----------------------------------------------------------

FALLBACK_METHOD = (
    "Varje krav i standarden jämfördes med det centrala innehållet i de kurser som ingår i "
    "jämförelsen. Programmet föreslog för varje krav de kursmoment som delar flest begrepp med "
    "kravet, med hänsyn till böjningsformer, sammansättningar, förkortningar och synonymer, och gav "
    "varje förslag ett poängtal mellan 0 och 1. Kravets status bestämdes av det högsta poängtalet "
    "jämfört med tröskelvärdena nedan. En bedömare har sedan kunnat godkänna, avvisa eller lägga "
    "till kopplingar och ändra status; sådana beslut väger alltid tyngre än förslagen."
)


_SWEDISH_SECTION = re.compile(r"^(#{1,6})\s.*(svenska|på svenska|metod i korthet)", re.IGNORECASE | re.MULTILINE)


def method_text(readme: Path | None = None) -> tuple[str, str]:
    """(Markdown text, language) of the matcher's method description for the appendix.

    ``compare_app/align/README.md`` is read at run time. A section whose heading mentions
    Swedish ("… på svenska") is used alone, in Swedish; otherwise the whole README is
    returned as English. Without a README the text is ``("", "")`` and the report uses
    :data:`FALLBACK_METHOD`.
    """
    readme = readme or METHOD_README
    try:
        text = readme.read_text(encoding="utf-8").strip()
    except OSError:
        return "", ""
    match = _SWEDISH_SECTION.search(text)
    if match is None:
        return text, ("en" if text else "")
    level = len(match.group(1))
    body = text[match.end():].split("\n", 1)[-1]
    end = re.search(rf"^#{{1,{level}}}\s", body, re.MULTILINE)
    return (body[: end.start()] if end else body).strip(), "sv"
