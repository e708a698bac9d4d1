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
STATUS_SV = {"covered": "täckt", "partial": "delvis", "gap": "lucka", "formal": "formellt krav"}
SV_STATUS = {v: k for k, v in STATUS_SV.items()}
#: the statuses as headings, legends and column titles (one spelling in every report and chart)
STATUS_TITLE = {"covered": "Täckt", "partial": "Delvis täckt", "gap": "Lucka"}
#: Fill colours (RRGGBB) per status, shared by Word cells, Excel cells and the chart.
STATUS_FILL = {"covered": "C6EFCE", "partial": "FFEB9C", "gap": "FFC7CE", "formal": "DDE3EC"}
#: Stronger colours for chart segments.
STATUS_CHART = {"covered": "3A9D5D", "partial": "E0B43A", "gap": "D0504F", "formal": "7A8699"}
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


def number(value: float, decimals: int = 1) -> str:
    """``22.2222`` -> ``22,2``; no trailing zeros (``100``, ``1,5``); thousands apart: ``1 234``.

    Swedish typography in every report: decimal comma, a no-break space between thousands.
    """
    text = f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text.rstrip("0").rstrip(",") if "," in text else text


def plural(value: float, one: str, many: str) -> str:
    """``1 timme``, ``1,5 timmar``: the number in Swedish form and the word that agrees with it."""
    return f"{number(value, 2)} {one if value == 1 else many}"


def percent(share: float) -> str:
    """``0.625`` -> ``63 %`` (Swedish typography: a no-break space before the sign)."""
    return f"{round(share * 100)}\u00a0%"


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
    #: courses of nearly identical proposals folded into this one where the report shows it
    similar_in: list[str] = field(default_factory=list)

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

    @property
    def similar_in_text(self) -> str:
        return f"Nästan samma text finns även i {', '.join(self.similar_in)}." if self.similar_in else ""


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
    formal: str = ""  # kind of formal requirement ("betyg", ...), "" when it is about course content
    remark: str = ""  # the matcher's remark, e.g. "kräver ELRELF0, som inte ingår i paketet"

    @property
    def status_sv(self) -> str:
        return STATUS_SV[self.status]

    @property
    def note_with_remark(self) -> str:
        """The assessor's note after the matcher's remark, for one report cell."""
        return "\n".join(t for t in (self.remark, self.note) if t)


@dataclass
class CourseShare:
    """The part of one course a unit draws on (see :mod:`compare_app.units.compute`)."""

    code: str
    name: str
    points: float  # gymnasiepoäng attributed to the unit
    items_used: int = 0
    items_total: int = 0
    course_points: int | None = None

    @property
    def label(self) -> str:
        """``SAAKÄL02S Kälsvets 2 (28,6 p)``."""
        return f"{self.code} {self.name} ({number(self.points)} p)"

    @property
    def reckoning(self) -> str:
        """How the points were apportioned: ``SAAKÄL02S Kälsvets 2: 2 av 7 punkter × 100 p = 28,6 p``."""
        if not self.items_total or self.course_points is None:
            return self.label
        return (f"{self.code} {self.name}: {self.items_used} av {self.items_total} punkter × "
                f"{number(self.course_points)} p = {number(self.points)} p")


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
    courses: list[CourseShare]
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
    #: one line naming the language model that took part (or why none did), for traceability
    language_model: str
    thresholds: dict[str, float]
    method_text: str  # Markdown, see method_text()
    method_language: str  # "sv", "en" or "" (no README)
    by_id: dict[str, RequirementRow] = field(default_factory=dict)
    #: code -> name of every course in the curriculum (suggested courses lie outside the scope)
    course_names: dict[str, str] = field(default_factory=dict)
    essential: list[str] = field(default_factory=list)  # requirement ids or area names
    hours_per_point: float = 1.0  # the project's setting behind the units' hours

    @property
    def points_rule(self) -> str:
        """How a unit's gymnasiepoäng and hours are reckoned, in one paragraph for both reports."""
        return (
            "Så räknas enheternas omfattning: en enhet får den andel av en kurs poäng som motsvarar "
            "de punkter i kursens centrala innehåll som är kopplade till enhetens krav (till exempel "
            "2 av 7 punkter i en kurs på 100 gymnasiepoäng ger 28,6 poäng). En koppling räknas när en "
            "person har godkänt eller lagt till den, annars programmets bästa förslag för krav som inte "
            f"är luckor. Timmarna är poängen gånger {plural(self.hours_per_point, 'timme', 'timmar')} per "
            "gymnasiepoäng (projektets inställning); de är en uppskattning, inte kursens undervisningstid."
        )

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
    _warm_closing_courses(project, [r.id for r in rows if r.status not in ("covered", "formal")], progress)
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
        language_model=_language_model(project.alignment),
        thresholds=thresholds,
        method_text=method_md,
        method_language=method_language,
        by_id=by_id,
        course_names={code: course.name for code, course in project.curriculum.courses.items()},
        essential=list(project.essential),
        hours_per_point=float(project.settings.hours_per_point),
    )
    return data


def _requirement_row(project, item, eff: EffectiveRequirement, thresholds: dict[str, float]) -> RequirementRow:
    links = [_link_row(project, link) for link in eff.links]
    support = _supporting_items(project, eff)
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
        shown_links=_shown_links(eff.status, links, support, thresholds),
        formal=eff.formal,
        remark=clean_text(eff.remark),
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


def _supporting_items(project, eff: EffectiveRequirement) -> list[str]:
    """Item ids the requirement's status rests on (what the units' workload counts), [] without units."""
    compute = _units_api()
    return compute.counted_links(project, eff) if compute is not None else []


#: two proposals whose texts are at least this similar (rapidfuzz ratio, 0-100) are shown as one
NEAR_SAME_TEXT = 85


def _shown_links(status: str, links: list[LinkRow], support: list[str], thresholds: dict[str, float],
                 limit: int = 3) -> list[LinkRow]:
    """The links a reader should see as the basis of the status, each content once.

    Every decided link; for a proposal-based status, the proposals it rests on (``support``:
    the best one, or the best few that cover the requirement together) and other proposals
    that reach the covered threshold on their own (another course that would do as well).
    Weaker leftovers and a gap's proposals scored below what the status claims; showing them
    as "linked content" would contradict it, so they are left to the review sheet. A proposal
    whose text nearly repeats one already shown (a sibling course with a word changed) is
    named under that one rather than listed again.
    """
    decided = [ln for ln in links if ln.state != "proposed"]
    if status in ("gap", "formal"):  # a formal requirement is not met by content
        return decided
    proposed = sorted((ln for ln in links if ln.state == "proposed"), key=lambda ln: -(ln.score or 0.0))
    floor = thresholds.get("partial", 0.0)
    strong = thresholds.get("covered", 1.0)
    wanted = set(support)
    basis = [ln for ln in proposed if ln.item_id in wanted]
    if not basis and not decided:
        basis = [ln for ln in proposed[:1] if (ln.score or 0.0) >= floor]
    alternatives = [ln for ln in proposed if ln not in basis and (ln.score or 0.0) >= strong]
    return _fold_near_copies(decided + basis + alternatives)[:limit]


def _fold_near_copies(links: list[LinkRow]) -> list[LinkRow]:
    """Drop a link whose text is nearly that of an earlier one, naming its course under the earlier one."""
    from rapidfuzz import fuzz

    kept: list[LinkRow] = []
    for link in links:
        twin = next((k for k in kept if fuzz.ratio(k.item_text.casefold(), link.item_text.casefold()) >= NEAR_SAME_TEXT), None)
        if twin is None:
            kept.append(link)
        elif link.course not in twin.courses and link.course not in twin.similar_in:
            twin.similar_in.append(link.course)
    return kept


def _language_model(alignment) -> str:
    semantic = alignment.semantic if alignment is not None else {}
    if not semantic:
        return ""
    if semantic.get("model"):
        return (f"Språkmodell: {semantic['model']} (vikternas SHA-256 {semantic.get('weights_sha256', '')[:16]}…, "
                f"beräknad med {semantic.get('engine', '')}).")
    return f"Ingen språkmodell användes ({semantic.get('reason', '')}); förslagen bygger enbart på orden."


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
        courses=[CourseShare(c.code, clean_text(c.name), float(c.points_attributed or 0.0), c.items_used,
                             c.items_total, c.points) for c in view.courses],
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
