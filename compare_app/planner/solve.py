"""Choosing courses: weighted set cover with a points budget, solved exactly or greedily.

The objective is lexicographic: first cover as much requirement weight as the budget
allows, then spend as few points as possible on that coverage. It is solved as two
integer programs with HiGHS (phase 1 maximises covered weight under the budget,
phase 2 minimises points subject to covering that weight) rather than one program
with a big-M weighted objective: the two scales (weights up to a few thousand, points
up to ~100,000 for the whole catalog) would need a factor near 1e8, beyond what a MIP
solver's tolerances keep exact.

The greedy plan is always computed: it is the answer when HiGHS is missing or fails,
a floor the exact plan must beat (else the greedy plan is kept), and it is reported so
a user sees what the exact solver gained. It is *not* passed to HiGHS as a start
solution: with HiGHS 1.16, a seeded start was sometimes returned as the solution even
though the solver had found and reported a better objective (950 reported, the returned
courses cost 1000). Every solution is therefore checked against the objective HiGHS
reports, and an inconsistent one is refused.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass

from .coverage import Coverage

#: seconds HiGHS may spend on one plan (both phases together)
TIME_LIMIT = 10.0


@dataclass
class Selection:
    courses: list[str]
    method: str  # "highs-mip" or "greedy"
    gap: float  # relative gap to the best known bound; 0 when proven optimal
    greedy: list[str]


class SolverUnavailable(RuntimeError):
    """HiGHS could not be used (not installed, or it failed); the greedy plan stands."""


def choose(
    cov: Coverage,
    must: list[str],
    allowed: list[str],
    budget: int | None,
    time_limit: float = TIME_LIMIT,
) -> Selection:
    """The best plan over ``allowed`` courses (which include ``must``) within ``budget``."""
    quick = greedy(cov, must, allowed, budget)
    try:
        courses, gap = solve_highs(cov, must, allowed, budget, time_limit, quick)
    except SolverUnavailable:
        return Selection(quick, "greedy", greedy_gap(cov, must, allowed, quick), quick)
    if _better(cov, quick, courses):  # only possible when HiGHS stopped at its time limit
        return Selection(quick, "greedy", gap, quick)
    return Selection(courses, "highs-mip", gap, quick)


def _better(cov: Coverage, a: list[str], b: list[str]) -> bool:
    """True when plan ``a`` is lexicographically better than ``b`` (more weight, then fewer points)."""
    wa, wb = cov.weight(cov.covered_by(a)), cov.weight(cov.covered_by(b))
    return wa > wb or (wa == wb and cov.cost(a) < cov.cost(b))


# --- greedy -----------------------------------------------------------------


def greedy(cov: Coverage, must: list[str], allowed: list[str], budget: int | None) -> list[str]:
    """Best new-weight-per-point first, then drop courses that add nothing (dearest first)."""
    chosen = list(must)
    covered = cov.covered_by(chosen)
    spent = cov.cost(chosen)
    pool = [c for c in allowed if c not in set(must) and cov.covers.get(c)]
    while True:
        best, best_ratio = None, 0.0
        for code in pool:
            if budget is not None and spent + cov.points[code] > budget:
                continue
            gain = cov.weight(cov.covers[code] - covered)
            ratio = gain / cov.points[code]
            if gain and (ratio > best_ratio or (ratio == best_ratio and code < best)):
                best, best_ratio = code, ratio
        if best is None:
            break
        chosen.append(best)
        pool.remove(best)
        covered |= cov.covers[best]
        spent += cov.points[best]
    return _prune(cov, chosen, set(must))


def _prune(cov: Coverage, chosen: list[str], must: set[str]) -> list[str]:
    kept = list(chosen)
    for code in sorted(chosen, key=lambda c: (-cov.points[c], c)):
        if code in must:
            continue
        rest = [c for c in kept if c != code]
        if cov.covered_by(rest) >= cov.covers.get(code, frozenset()):
            kept = rest
    return kept


def greedy_gap(cov: Coverage, must: list[str], allowed: list[str], plan: list[str]) -> float:
    """A valid but loose relative gap for a plan no solver checked.

    If the plan leaves coverable weight uncovered, the bound is all coverable weight.
    Otherwise the bound on points is the must-courses' points plus, for the requirement
    whose cheapest covering course is dearest, that course's points.
    """
    coverable = cov.covered_by(allowed)
    got, best = cov.weight(cov.covered_by(plan)), cov.weight(coverable)
    if got < best:
        return round((best - got) / best, 6)
    cost = cov.cost(plan)
    if cost == 0:
        return 0.0
    open_reqs = coverable - cov.covered_by(must)
    cheapest = [min(cov.points[c] for c in allowed if r in cov.covers.get(c, ())) for r in open_reqs]
    lower = cov.cost(must) + max(cheapest, default=0)
    return round(max(cost - lower, 0) / cost, 6)


# --- HiGHS ------------------------------------------------------------------


def solve_highs(
    cov: Coverage,
    must: list[str],
    allowed: list[str],
    budget: int | None,
    time_limit: float,
    floor: list[str],
) -> tuple[list[str], float]:
    """Exact lexicographic plan; returns (courses, relative gap). Raises SolverUnavailable.

    ``floor`` is a known feasible plan (the greedy one): phase 2 never asks for less
    weight than it covers, even when phase 1 stopped at its time limit.
    """
    try:
        import highspy  # only the planner needs it: imported on first use
    except ImportError as exc:
        raise SolverUnavailable(str(exc)) from exc

    cols = [c for c in allowed if cov.covers.get(c) or c in must]
    reqs = cov.ordered(cov.covered_by(cols))
    if not reqs:
        return list(must), 0.0
    started_weight = cov.weight(cov.covered_by(floor))
    target = cov.weight(reqs)
    gap = 0.0
    if budget is not None and started_weight < target:
        model = _Model(highspy, cov, cols, reqs, must, budget, time_limit / 2)
        values, gap = model.run(maximise_weight=True)
        phase1 = [c for c, v in zip(cols, values[: len(cols)]) if v > 0.5]
        target = max(cov.weight(cov.covered_by(phase1)), started_weight)
    model = _Model(highspy, cov, cols, reqs, must, budget, time_limit / 2 if budget else time_limit)
    values, gap2 = model.run(maximise_weight=False, min_weight=target)
    chosen = [c for c, v in zip(cols, values[: len(cols)]) if v > 0.5]
    return chosen, gap if gap > 0 else gap2


class _Model:
    """One HiGHS integer program: x_c binary per course, y_r in [0,1] per requirement,
    y_r <= sum of x_c over courses covering r, an optional budget row."""

    def __init__(self, highspy, cov, cols, reqs, must, budget, time_limit):
        self.hs, self.cov, self.cols, self.reqs = highspy, cov, cols, reqs
        with _quiet_stdout():
            h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("time_limit", max(float(time_limit), 0.1))
        h.setOptionValue("mip_rel_gap", 0.0)
        # objectives are integer (points, integer weights): any gap below 1 proves optimality
        h.setOptionValue("mip_abs_gap", 0.5)
        h.setOptionValue("threads", 1)
        self.h = h
        inf = highspy.kHighsInf
        n = len(cols)
        for code in cols:
            lower = 1.0 if code in must else 0.0
            h.addVar(lower, 1.0)
        h.changeColsIntegrality(n, list(range(n)), [highspy.HighsVarType.kInteger] * n)
        for _ in reqs:
            h.addVar(0.0, 1.0)
        col_of = {c: j for j, c in enumerate(cols)}
        for i, r in enumerate(reqs):
            idx = [n + i] + [col_of[c] for c in cols if r in cov.covers.get(c, ())]
            h.addRow(-inf, 0.0, len(idx), idx, [1.0] + [-1.0] * (len(idx) - 1))
        if budget is not None:
            h.addRow(-inf, float(budget), n, list(range(n)), [float(cov.points[c]) for c in cols])

    def run(self, maximise_weight: bool, min_weight: int | None = None):
        hs, h, cov, n = self.hs, self.h, self.cov, len(self.cols)
        m = len(self.reqs)
        weights = [float(cov.weights[r]) for r in self.reqs]
        if maximise_weight:
            costs = [0.0] * n + weights
            h.changeObjectiveSense(hs.ObjSense.kMaximize)
        else:
            costs = [float(cov.points[c]) for c in self.cols] + [0.0] * m
            h.changeObjectiveSense(hs.ObjSense.kMinimize)
            h.addRow(float(min_weight), hs.kHighsInf, m, list(range(n, n + m)), weights)
        h.changeColsCost(n + m, list(range(n + m)), costs)
        if h.run() == hs.HighsStatus.kError:
            raise SolverUnavailable("HiGHS rapporterade ett fel")
        status = h.getModelStatus()
        info = h.getInfo()
        if info.primal_solution_status != 2:  # kSolutionStatusFeasible
            raise SolverUnavailable(f"HiGHS gav ingen lösning ({h.modelStatusToString(status)})")
        values = list(h.getSolution().col_value)
        if abs(sum(c * v for c, v in zip(costs, values)) - info.objective_function_value) > 0.5:
            raise SolverUnavailable("HiGHS lösning stämmer inte med dess målfunktionsvärde")
        if status == hs.HighsModelStatus.kOptimal:
            return values, 0.0
        obj, bound = info.objective_function_value, info.mip_dual_bound
        return values, round(abs(obj - bound) / max(abs(obj), 1e-9), 6)


@contextmanager
def _quiet_stdout():
    """Hide the banner HiGHS's C++ constructor prints straight to file descriptor 1."""
    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError, AttributeError):
        yield  # no real stdout (e.g. a windowed app): nothing to hide
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            try:
                yield
            finally:
                os.dup2(saved, 1)
    finally:
        os.close(saved)

