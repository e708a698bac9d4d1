"""What a unit amounts to *now*: coverage, courses, workload and a plain verdict.

Everything here is computed from the project's current alignment and reviews, so
it can never go stale (the :class:`~compare_app.units.model.Unit` stores only
what a person edits).

Workload rule (documented for assessors): a unit draws on a course in proportion
to the course's central-content items it uses.  ``items_used`` counts the
*distinct* items of the course linked to any of the unit's requirements, where a
link counts when a person accepted or added it, or — for a requirement nobody has
decided yet and whose proposed status is not ``gap`` — when it is the matcher's
best proposal (for a requirement proposed as covered by several partial items
together, the best proposals until their combined score, 1 - ∏(1 - s), reaches
the ``covered`` threshold).  The other ranked candidates are alternatives, often
the same text in another course, and would inflate the workload.
``points_attributed = course.points * items_used / items_total``; the unit's
hours are its points times ``project.settings.hours_per_point``.
"""

from __future__ import annotations

import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..alignment import EffectiveRequirement, Summary, summarise
from ..model import Framework, Item
from ..progress import Progress
from .model import Unit

#: how many proposals per requirement the closing-course search asks the matcher for
CLOSING_TOP_K = 30
#: a course may close a requirement only if it scores at least this share of the best course's score
#: (so the set cover cannot trade a clear best match for a weak one that also touches another requirement)
NEAR_BEST = 0.85


@dataclass
class UnitCourse:
    code: str
    name: str
    points: int | None  # the course's own gymnasiepoäng (None when the source gives none)
    items_used: int
    items_total: int
    points_attributed: float


@dataclass
class UnitView:
    unit: Unit
    statuses: dict[str, str]  # requirement id -> covered/partial/gap
    summary: Summary
    courses: list[UnitCourse]
    points: float
    hours: float
    status: str  # covered | partial | gap for the unit as a whole
    verdict: str
    closing_courses: list[str]
    kinds: dict[str, str]  # requirement id -> kunskap/färdighet/kompetens ("" when unknown)
    level: str
    #: requirement id -> the curriculum item ids counted for it (see the module docstring)
    linked_items: dict[str, list[str]] = field(default_factory=dict)


# --- links and points ---------------------------------------------------------
def counted_links(project, eff: EffectiveRequirement) -> list[str]:
    """Item ids of one requirement that count towards workload (see the module docstring)."""
    decided = [ln.item_id for ln in eff.links if ln.state in ("accepted", "manual")]
    if decided or eff.decided or eff.status in ("gap", "formal"):  # no proposal counts for a formal requirement
        return decided
    proposed = [ln for ln in eff.links if ln.state == "proposed" and ln.score is not None]
    if not proposed:
        return []
    proposed.sort(key=lambda ln: -ln.score)
    chosen = [proposed[0]]
    thresholds = _thresholds(project)
    if eff.status == "covered" and "covered" in thresholds:
        # covered by several partial items together: take the best until they reach the threshold
        missing = 1.0 - proposed[0].score
        for ln in proposed[1:]:
            if 1.0 - missing >= thresholds["covered"] - 1e-9 or ln.score < thresholds.get("partial", 0.0):
                break
            chosen.append(ln)
            missing *= 1.0 - ln.score
    return [ln.item_id for ln in chosen]


def _thresholds(project) -> dict[str, float]:
    return dict(project.alignment.thresholds) if project.alignment else {}


def _item_course(project, item_id: str, eff: EffectiveRequirement) -> str | None:
    item = project.curriculum.get(item_id)
    if item is not None and item.course:
        return item.course
    for ln in eff.links:
        if ln.item_id == item_id and ln.match is not None and ln.match.course:
            return ln.match.course
    return item_id.split(":", 1)[0] if ":" in item_id else None


def attribute_points(project, linked: dict[str, list[str]]) -> list[UnitCourse]:
    """Courses a unit draws on, with points in proportion to the distinct items used.

    ``linked`` maps requirement id -> counted item ids. Courses are ordered by
    attributed points (largest first), then code.
    """
    used: dict[str, set[str]] = {}
    for rid, item_ids in linked.items():
        eff = None
        for item_id in item_ids:
            item = project.curriculum.get(item_id)
            code = item.course if item is not None and item.course else None
            if code is None:
                eff = eff or project.effective(rid)
                code = _item_course(project, item_id, eff)
            if code:
                used.setdefault(code, set()).add(item_id)
    courses = []
    for code, items in used.items():
        course = project.curriculum.courses.get(code)
        if course is None:
            courses.append(UnitCourse(code, "", None, len(items), 0, 0.0))
            continue
        total = len(course.items)
        if code in items:  # the whole course, named in a requirement (align.references)
            courses.append(UnitCourse(code, course.name, course.points, total, total, float(course.points or 0)))
            continue
        n = len(items & {it.id for it in course.items}) if total else 0
        if not n:
            continue  # linked ids the loaded course no longer has
        attributed = (course.points or 0) * n / total if total else 0.0
        courses.append(UnitCourse(code, course.name, course.points, n, total, round(attributed, 2)))
    courses.sort(key=lambda c: (-c.points_attributed, c.code))
    return courses


# --- the unit view --------------------------------------------------------------
def unit_status(summary: Summary) -> str:
    """covered when every requirement is covered, gap when none is even partly, else partial;
    formal when it holds formal requirements only."""
    if not summary.total and summary.formal:
        return "formal"
    if summary.total and summary.covered == summary.total:
        return "covered"
    if summary.gap == summary.total:
        return "gap"
    return "partial"


def view(project, unit: Unit, *, closing: bool = True) -> UnitView:
    """The unit as it stands now (coverage, courses, points, hours, verdict).

    ``closing=False`` skips the search for courses that would close its gaps
    (a whole-catalog alignment, memoised but slow the first time), e.g. for a list;
    before the project is aligned there is nothing to close yet, so it is skipped too.
    """
    known = [rid for rid in unit.requirement_ids if project.standard.get(rid) is not None]
    effs = {rid: project.effective(rid) for rid in known}
    statuses = {rid: e.status for rid, e in effs.items()}
    summary = summarise(list(statuses.values()))
    linked = {rid: counted_links(project, e) for rid, e in effs.items()}
    courses = attribute_points(project, linked)
    points = round(float(sum(c.points_attributed for c in courses)), 2)
    open_ids = [rid for rid in known if statuses[rid] not in ("covered", "formal")]  # no course teaches a formal one
    closers = []
    if open_ids and closing and project.alignment is not None:
        closers = [code for code, _ in closing_courses_for(project, open_ids)]
    status = unit_status(summary)
    kinds = {rid: project.standard.item(rid).kind or "" for rid in known}
    return UnitView(
        unit=unit,
        statuses=statuses,
        summary=summary,
        courses=courses,
        points=points,
        hours=round(points * project.settings.hours_per_point, 1),
        status=status,
        verdict=verdict(status, courses, [_open_label(rid, statuses[rid]) for rid in open_ids], closers,
                        any_covered=summary.covered > 0),
        closing_courses=closers,
        kinds=kinds,
        level=unit.level or proposed_level(project.standard.item(rid) for rid in known),
        linked_items=linked,
    )


def in_scope(project) -> list[str]:
    """Course codes in the project's scope ([] when its package is unknown)."""
    try:
        return project.candidate_courses()
    except KeyError:  # the scope names a package the curriculum does not have
        return []


def _swedish(template: str) -> str:
    return template


def verdict(status: str, courses: list[UnitCourse], open_ids: list[str], closing: list[str],
            any_covered: bool = True, words: Callable[[str], str] = _swedish) -> str:
    """A sentence an assessor can read aloud, in plain Swedish.

    ``any_covered=False`` for a partial unit none of whose requirements is fully covered:
    "Täckt utom …" would then claim coverage that is not there. ``words`` translates each
    Swedish template (``{0}`` placeholders) into the interface language; see :func:`view_verdict`.
    """
    join = lambda items: _join(items, words)  # noqa: E731
    if status == "covered":
        if not courses:
            return words("Helt täckt enligt bedömarens beslut")
        return words("Helt täckt av {0}").format(join([c.code for c in courses]))
    if status == "partial":
        text = words("Täckt utom {0}" if any_covered else "Inget krav helt täckt: {0}").format(join(open_ids))
        if closing:
            text = words("{0}; kan kompletteras med {1}").format(text, join(closing))
        return text
    if status == "formal":
        return words("Bara formella krav, som redovisas för sig")
    if not open_ids:
        return words("Inga krav i enheten")
    if closing:
        return words("Inte täckt: kräver kompletterande utbildning, t.ex. {0}").format(join(closing))
    return words("Inte täckt: kräver kompletterande utbildning")


def view_verdict(v: UnitView, words: Callable[[str], str] = _swedish) -> str:
    """The verdict of a unit view in the language ``words`` translates to (the GUI's)."""
    open_ids = [rid for rid, status in v.statuses.items() if status not in ("covered", "formal")]
    labels = [_open_label(rid, v.statuses[rid], words) for rid in open_ids]
    return verdict(v.status, v.courses, labels, v.closing_courses, v.summary.covered > 0, words)


def _open_label(requirement_id: str, status: str, words: Callable[[str], str] = _swedish) -> str:
    """A requirement named in a verdict; a partly covered one says so."""
    return words("{0} (delvis)").format(requirement_id) if status == "partial" else requirement_id


def _join(items: list[str], words: Callable[[str], str] = _swedish) -> str:
    if len(items) <= 1:
        return "".join(items)
    return words("{0} och {1}").format(", ".join(items[:-1]), items[-1])


def proposed_level(items) -> str:
    """The most common level the standard states for these requirements ("" when none)."""
    levels = Counter(it.level for it in items if it is not None and it.level)
    return levels.most_common(1)[0][0] if levels else ""


# --- courses that would close a gap -----------------------------------------------
# curriculum id -> {requirement key -> (matches as (course, score), thresholds)}
_closing_cache: dict[int, dict[tuple, tuple[list[tuple[str, float]], dict[str, float]]]] = {}


def _cache_for(curriculum: Framework) -> dict:
    key = id(curriculum)
    cache = _closing_cache.get(key)
    if cache is None:
        cache = _closing_cache[key] = {}
        weakref.finalize(curriculum, _closing_cache.pop, key, None)
    return cache


def _requirement_key(curriculum: Framework, standard_key: int, item: Item) -> tuple:
    """What a whole-catalog alignment of one requirement depends on: its own fields, the curriculum,
    and the rest of the standard (whose occupation steers which proposals are chosen)."""
    return (item.id, item.text, item.kind, item.area, item.level, len(curriculum.items), len(curriculum.courses),
            standard_key)


def _standard_key(standard: Framework) -> int:
    return hash(tuple((it.id, it.text, it.area) for it in standard.items))


def closing_memoised(project, requirement_ids: list[str]) -> bool:
    """True when :func:`closing_courses_for` can answer for these requirements without aligning."""
    cache = _closing_cache.get(id(project.curriculum), {})
    sk = _standard_key(project.standard)
    items = [project.standard.get(rid) for rid in requirement_ids]
    return all(_requirement_key(project.curriculum, sk, it) in cache for it in items if it is not None)


def _catalog_matches(project, requirement_ids: list[str], progress: Progress | None = None
                     ) -> dict[str, tuple[list[tuple[str, float]], dict]]:
    """Per requirement: (course, score) proposals against the whole curriculum, memoised.

    The whole standard is aligned at once, so the proposals are chosen with its occupation in mind.
    """
    from ..align import align  # heavy: imported on first use

    cache = _cache_for(project.curriculum)
    sk = _standard_key(project.standard)
    items = [project.standard.item(rid) for rid in requirement_ids]
    if any(_requirement_key(project.curriculum, sk, it) not in cache for it in items):
        aln = align(project.standard, project.curriculum, None, top_k=CLOSING_TOP_K, progress=progress)
        for it in project.standard.items:
            res = aln.results.get(it.id)
            matches = [
                (ref.course or _course_of(project, ref.item_id), m.score)
                for m in (res.matches if res else [])
                for ref in m.items()
            ]
            cache[_requirement_key(project.curriculum, sk, it)] = (matches, dict(aln.thresholds))
    return {it.id: cache[_requirement_key(project.curriculum, sk, it)] for it in items}


def _course_of(project, item_id: str) -> str:
    item = project.curriculum.get(item_id)
    return (item.course if item is not None else None) or item_id.split(":", 1)[0]


def closing_courses_for(project, requirement_ids: list[str], exclude=None, progress: Progress | None = None
                        ) -> list[tuple[str, list[str]]]:
    """The shortest list of national courses (greedy set cover) that would cover these requirements.

    A course can close a requirement when one of its items scores at least the
    matcher's ``covered`` threshold for it against the whole loaded curriculum;
    a requirement no course reaches that way may be closed by a course scoring at
    least ``partial``.  Either way the course must score within :data:`NEAR_BEST`
    of the best course for that requirement.  Requirements nothing reaches are
    left out of the answer.
    Each entry is ``(course code, requirement ids it covers)`` in pick order.
    Courses in ``exclude`` are never suggested; by default (None) that is the
    courses already in the project's scope, which evidently did not close these
    requirements.  Pass ``exclude=()`` to consider every course.  The first call for a
    standard aligns it against the whole curriculum, reporting to ``progress``.
    """
    ids = [rid for rid in dict.fromkeys(requirement_ids) if project.standard.get(rid) is not None]
    if not ids or not project.curriculum.courses:
        return []
    found = _catalog_matches(project, ids, progress)
    skip = set(in_scope(project) if exclude is None else exclude)
    candidates: dict[str, dict[str, float]] = {}  # course -> {requirement: best score}
    for rid, (matches, thresholds) in found.items():
        usable = [(c, s) for c, s in matches if c and c not in skip]
        if not usable:
            continue
        best = max(s for _, s in usable)
        for floor_name in ("covered", "partial"):
            floor = max(thresholds.get(floor_name, 0.0), NEAR_BEST * best)
            hits = [(c, s) for c, s in usable if s >= floor - 1e-9]
            if hits:
                for code, score in hits:
                    row = candidates.setdefault(code, {})
                    row[rid] = max(score, row.get(rid, 0.0))
                break
    return _greedy_cover(candidates, project)


def _greedy_cover(candidates: dict[str, dict[str, float]], project) -> list[tuple[str, list[str]]]:
    """Pick the course covering most open requirements; ties: higher total score, fewer points, code."""
    open_ids = set().union(*candidates.values()) if candidates else set()
    order = {it.id: n for n, it in enumerate(project.standard.items)}
    picked: list[tuple[str, list[str]]] = []
    while open_ids:
        def gain(code: str):
            hit = [r for r in candidates[code] if r in open_ids]
            course = project.curriculum.courses.get(code)
            return (len(hit), sum(candidates[code][r] for r in hit), -((course.points or 0) if course else 0))

        code = max(sorted(candidates), key=gain)
        covered = [r for r in candidates[code] if r in open_ids]
        if not covered:
            break
        picked.append((code, sorted(covered, key=lambda r: order.get(r, 0))))
        open_ids -= set(covered)
    return picked


# --- JSON for the CLI -------------------------------------------------------------
def units_json(project) -> list[dict]:
    """Each unit as plain data for ``compare-app ... --json`` (fields are only ever added)."""
    out = []
    for unit in project.units:
        v = view(project, unit)
        out.append(
            {
                "id": unit.id,
                "title": unit.title,
                "requirements": list(v.statuses),
                "coverage": {
                    "covered": v.summary.covered,
                    "partial": v.summary.partial,
                    "gap": v.summary.gap,
                    "coverage": v.summary.coverage,
                },
                "courses": [
                    {
                        "code": c.code,
                        "name": c.name,
                        "points": c.points_attributed,
                        "course_points": c.points,
                        "items_used": c.items_used,
                        "items_total": c.items_total,
                    }
                    for c in v.courses
                ],
                "points": v.points,
                "hours": v.hours,
                "level": v.level,
                "status": v.status,
                "verdict": v.verdict,
                "closing_courses": v.closing_courses,
                "statuses": v.statuses,
                "kinds": v.kinds,
                "locked": unit.locked,
                "assessment": unit.assessment,
                "prerequisites": unit.prerequisites,
                "notes": unit.notes,
                "awarding_body": unit.awarding_body,
                "country": unit.country,
                "participation_form": unit.participation_form,
                "quality_assurance": unit.quality_assurance,
                "eu_elements": eu_elements(project, unit, v),
            }
        )
    return out


# --- EU micro-credential elements ------------------------------------------------
#: the text shown for an element the tool cannot know
TO_BE_FILLED = "Fylls i av utfärdaren"
#: study hours per ECTS credit used for the estimate (the ECTS users' guide says 25–30)
HOURS_PER_ECTS = 27.0

EU_LABELS = {
    "learner_identification": "Deltagarens identitet",
    "title": "Titel",
    "country": "Land/region för utfärdaren",
    "awarding_body": "Utfärdande organisation",
    "date_of_issuing": "Utfärdandedatum",
    "learning_outcomes": "Läranderesultat",
    "workload": "Beräknad arbetsbelastning",
    "level": "Nivå (SeQF/EQF)",
    "assessment": "Typ av bedömning",
    "participation_form": "Deltagandeform",
    "quality_assurance": "Kvalitetssäkring",
}


def eu_elements(project, unit: Unit, unit_view: UnitView | None = None) -> dict[str, dict]:
    """The ten mandatory elements of the EU micro-credential recommendation (2022) plus quality assurance.

    Each key maps to ``{"label", "value", "filled"}``; what the tool cannot know
    (who the learner is, the date of issuing, and issuer facts left empty on the
    unit) has ``filled`` False and the value :data:`TO_BE_FILLED`.
    """
    v = unit_view if unit_view is not None else view(project, unit, closing=False)
    outcomes = [
        {"id": rid, "kind": v.kinds.get(rid, ""), "text": project.standard.item(rid).text} for rid in v.statuses
    ]
    workload = {
        "gymnasiepoang": v.points,
        "hours": v.hours,
        "ects_estimate": round(v.hours / HOURS_PER_ECTS, 1) if v.hours else 0.0,
        "basis": f"{project.settings.hours_per_point:g} timmar per gymnasiepoäng, {HOURS_PER_ECTS:g} timmar per ECTS".replace(".", ","),
    }
    values = {
        "learner_identification": None,
        "title": unit.title,
        "country": unit.country,
        "awarding_body": unit.awarding_body,
        "date_of_issuing": None,
        "learning_outcomes": outcomes,
        "workload": workload if v.points else None,
        "level": _level_text(v.level),
        "assessment": unit.assessment,
        "participation_form": unit.participation_form,
        "quality_assurance": unit.quality_assurance,
    }
    out = {}
    for key, label in EU_LABELS.items():
        value = values[key]
        filled = bool(value)
        out[key] = {"label": label, "value": value if filled else TO_BE_FILLED, "filled": filled}
    return out


def _level_text(level: str) -> str:
    """SeQF levels are referenced one to one to EQF levels, so a bare number names both."""
    level = (level or "").strip()
    if level.isdigit():
        return f"SeQF {level} (EQF {level})"
    return level
