"""The plan a komvux planner asks for: which catalog courses cover the standard, at what cost.

:func:`plan_project` builds the coverage matrix (standard aligned against every
course, plus reviews), chooses courses (see :mod:`.solve`), traces the coverage /
points trade-off curve and, on request, compares the plan with an existing package.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Iterable

from ..errors import InputError
from ..progress import Progress
from .coverage import CATALOG_TOP_K, Coverage, build_coverage, catalog_alignment
from .solve import TIME_LIMIT, choose, greedy

SCHEMA = "compare-app/plan@1"
#: seconds the whole trade-off curve may take; later steps fall back to greedy
CURVE_TIME_LIMIT = 20.0
#: most budget steps on the curve
CURVE_MAX_STEPS = 24


@dataclass
class PlanCourse:
    code: str
    name: str
    points: int
    covers: list[str]  # requirement ids, standard order


@dataclass
class CurvePoint:
    budget: int
    points: int  # points the best plan within ``budget`` spends
    covered: int  # requirements covered
    weight: int  # covered weight (essential requirements weigh more)
    method: str = ""


@dataclass
class Comparison:
    """An existing package set against the plan."""

    name: str
    courses: list[PlanCourse]
    missing: list[str]  # codes the package names that the loaded catalog lacks
    points: int
    covered: list[str]
    plan_only: list[str]  # requirements the plan covers and the package misses
    package_only: list[str]  # requirements the package covers and the plan misses (budget plans)
    idle: list[str]  # package courses that cover no requirement of the standard
    idle_points: int


@dataclass
class Plan:
    courses: list[PlanCourse]
    points: int
    covered: list[str]
    uncovered: list[str]
    coverable: list[str]  # covered by some allowed (not excluded) course
    method: str
    optimality_gap: float
    greedy_points: int
    greedy_covered: int
    curve: list[CurvePoint]
    comparison: Comparison | None
    budget: int | None = None
    must: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    essential: list[str] = field(default_factory=list)
    seconds: float = 0.0  # solve time, alignment excluded
    coverage: Coverage | None = field(default=None, repr=False)


def project_coverage(
    project, top_k: int = CATALOG_TOP_K, count_partial: bool = False, progress: Progress | None = None
) -> Coverage:
    """The coverage matrix for ``project`` (aligns against the whole catalog: the slow part)."""
    alignment = catalog_alignment(project, top_k=top_k, progress=progress)
    return build_coverage(
        project.standard, project.curriculum, alignment, project.reviews, project.essential, count_partial
    )


def plan_project(
    project,
    budget: int | None = None,
    must: Iterable[str] = (),
    exclude: Iterable[str] = (),
    compare_courses: Iterable[str] | str | None = None,
    *,
    coverage: Coverage | None = None,
    curve: bool = True,
    time_limit: float = TIME_LIMIT,
    progress: Progress | None = None,
) -> Plan:
    """Choose catalog courses covering the most of the standard for the fewest points.

    ``compare_courses`` is a package name (``project.curriculum.packages``) or course codes.
    Pass ``coverage`` (from :func:`project_coverage`) to re-plan without re-aligning.
    Raises :class:`InputError` for unknown codes, conflicting choices or a budget the
    must-courses alone exceed.
    """
    cov = coverage or project_coverage(project, progress=progress)
    must_codes = _codes(cov, must, "obligatorisk")
    exclude_codes = _codes(cov, exclude, "utesluten")
    _check(cov, must_codes, exclude_codes, budget)
    allowed = _allowed(cov, must_codes, exclude_codes)

    clock = time.perf_counter()
    sel = choose(cov, must_codes, allowed, budget, time_limit)
    seconds = time.perf_counter() - clock
    full = sel if budget is None else choose(cov, must_codes, allowed, None, time_limit)
    points_curve = (
        trade_off_curve(cov, must_codes, allowed, cov.cost(full.courses)) if curve else []
    )
    chosen = _ordered_courses(cov, sel.courses, must_codes)
    covered = cov.covered_by(chosen)
    coverable = cov.covered_by(allowed)
    plan = Plan(
        courses=[_plan_course(cov, c) for c in chosen],
        points=cov.cost(chosen),
        covered=cov.ordered(covered),
        uncovered=[r for r in cov.requirements if r not in covered],
        coverable=cov.ordered(coverable),
        method=sel.method,
        optimality_gap=sel.gap,
        greedy_points=cov.cost(sel.greedy),
        greedy_covered=len(cov.covered_by(sel.greedy)),
        curve=points_curve,
        comparison=None,
        budget=budget,
        must=must_codes,
        exclude=exclude_codes,
        essential=cov.ordered(cov.essential),
        seconds=round(seconds, 4),
        coverage=cov,
    )
    if compare_courses is not None:
        plan.comparison = compare(plan, cov, *_package(project, compare_courses))
    return plan


# --- inputs -----------------------------------------------------------------


def _codes(cov: Coverage, codes: Iterable[str], role: str) -> list[str]:
    out = []
    for raw in codes:
        code = raw.strip()
        if not code:
            continue
        found = cov.resolve(code)
        if found is None:
            raise InputError(None, f"okänd kurskod ({role}): {code}")
        if found not in out:
            out.append(found)
    return out


def _check(cov: Coverage, must: list[str], exclude: list[str], budget: int | None) -> None:
    both = [c for c in must if c in exclude]
    if both:
        raise InputError(None, f"kursen kan inte vara både obligatorisk och utesluten: {', '.join(both)}")
    if budget is not None:
        if budget < 0:
            raise InputError(None, f"budgeten kan inte vara negativ: {budget}")
        if cov.cost(must) > budget:
            raise InputError(
                None, f"de obligatoriska kurserna kostar {cov.cost(must)} poäng, mer än budgeten {budget}"
            )


def _allowed(cov: Coverage, must: list[str], exclude: list[str]) -> list[str]:
    """Courses worth considering: the must-courses and every non-excluded course covering something."""
    barred = set(exclude) | set(must)
    return list(must) + sorted(c for c in cov.covers if c not in barred)


def _ordered_courses(cov: Coverage, codes: list[str], must: list[str]) -> list[str]:
    """Must-courses first, then by how much each covers (most first), then code."""
    rest = sorted((c for c in codes if c not in must), key=lambda c: (-len(cov.covers.get(c, ())), c))
    return [c for c in must if c in codes] + rest


def _plan_course(cov: Coverage, code: str) -> PlanCourse:
    return PlanCourse(code, cov.names.get(code, ""), cov.points[code], cov.ordered(cov.covers.get(code, ())))


def _package(project, spec: Iterable[str] | str) -> tuple[str, list[str]]:
    """(display name, codes) of the package to compare with."""
    if isinstance(spec, str):
        packages = project.curriculum.packages
        pkg = packages.get(spec) or next(
            (p for name, p in packages.items() if name.casefold() == spec.casefold()), None
        )
        if pkg is None:
            raise InputError(None, f"okänt paket: {spec}")
        return pkg.name, list(pkg.course_codes)
    codes = [c.strip() for c in spec if c.strip()]
    return ", ".join(codes), codes


# --- comparison ---------------------------------------------------------------


def compare(plan: Plan, cov: Coverage, name: str, codes: list[str]) -> Comparison:
    known, missing = [], []
    for code in dict.fromkeys(codes):
        found = cov.resolve(code)
        (known if found else missing).append(found or code)
    covered = cov.covered_by(known)
    plan_covered = set(plan.covered)
    idle = [c for c in known if not cov.covers.get(c)]
    return Comparison(
        name=name,
        courses=[_plan_course(cov, c) for c in known],
        missing=missing,
        points=cov.cost(known),
        covered=cov.ordered(covered),
        plan_only=cov.ordered(plan_covered - covered),
        package_only=cov.ordered(covered - plan_covered),
        idle=idle,
        idle_points=cov.cost(idle),
    )


# --- trade-off curve ----------------------------------------------------------


def curve_budgets(must_points: int, full_points: int, max_steps: int = CURVE_MAX_STEPS) -> list[int]:
    """Budgets from the smallest step up to the full-coverage cost, at a round step (50, 100, 200 …)."""
    if full_points <= 0:
        return [0]
    step = next(s for s in _round_steps() if math.ceil(full_points / s) <= max_steps)
    first = max(step, math.ceil(must_points / step) * step)
    budgets = list(range(first, full_points, step))
    return budgets + [full_points]


def _round_steps():
    scale = 1
    while True:
        for base in (50, 100, 200, 250, 500):
            yield base * scale
        scale *= 10


def trade_off_curve(
    cov: Coverage,
    must: list[str],
    allowed: list[str],
    full_points: int,
    time_limit: float = CURVE_TIME_LIMIT,
) -> list[CurvePoint]:
    """Best coverage for each budget step; steps beyond the time limit use the greedy plan."""
    budgets = curve_budgets(cov.cost(must), full_points)
    deadline = time.perf_counter() + time_limit
    points = []
    for n, budget in enumerate(budgets):
        left = deadline - time.perf_counter()
        share = left / (len(budgets) - n)
        if share < 0.05:
            chosen, method = greedy(cov, must, allowed, budget), "greedy"
        else:
            sel = choose(cov, must, allowed, budget, share)
            chosen, method = sel.courses, sel.method
        covered = cov.covered_by(chosen)
        points.append(CurvePoint(budget, cov.cost(chosen), len(covered), cov.weight(covered), method))
    return points


# --- JSON ---------------------------------------------------------------------


def plan_json(plan: Plan, project) -> dict:
    """The plan as ``compare-app/plan@1`` JSON (extend, never break: other tools read it)."""
    data = {
        "schema": SCHEMA,
        "standard": project.standard.title,
        "courses": [_course_json(c) for c in plan.courses],
        "points": plan.points,
        "covered": plan.covered,
        "uncovered": plan.uncovered,
        "coverable": plan.coverable,
        "method": plan.method,
        "optimality_gap": plan.optimality_gap,
        "greedy_points": plan.greedy_points,
        "greedy_covered": plan.greedy_covered,
        "budget": plan.budget,
        "must": plan.must,
        "exclude": plan.exclude,
        "essential": plan.essential,
        "curve": [vars(p).copy() for p in plan.curve],
        "coverage_rule": plan.coverage.rule if plan.coverage else "",
        "covered_only_together": plan.coverage.together if plan.coverage else [],
    }
    if plan.comparison is not None:
        cmp = plan.comparison
        data["comparison"] = {
            "name": cmp.name,
            "courses": [_course_json(c) for c in cmp.courses],
            "missing": cmp.missing,
            "points": cmp.points,
            "covered": cmp.covered,
            "plan_only": cmp.plan_only,
            "package_only": cmp.package_only,
            "idle": cmp.idle,
            "idle_points": cmp.idle_points,
        }
    return data


def _course_json(c: PlanCourse) -> dict:
    return {"code": c.code, "name": c.name, "points": c.points, "covers": c.covers}
