"""Planner core: exactness against brute force, constraints, fallback, coverage rules."""

from __future__ import annotations

import itertools
import random
import sys

import pytest

from compare_app.alignment import Alignment, ItemRef, Match, RequirementResult, Review
from compare_app.errors import InputError
from compare_app.model import Course, Framework, Item, Package, Provenance
from compare_app.planner import build_coverage, curve_budgets, plan_json, plan_project
from compare_app.planner.coverage import Coverage, requirement_weights
from compare_app.project import Project

POINT_CHOICES = (50, 100, 100, 100, 150, 200, 300)


def random_coverage(seed: int, n_courses: int = 9, n_reqs: int = 8, essential=()) -> Coverage:
    rng = random.Random(seed)
    reqs = [f"R{i}" for i in range(n_reqs)]
    codes = [f"K{i}" for i in range(n_courses)]
    covers = {}
    for code in codes:
        got = frozenset(r for r in reqs if rng.random() < 0.3)
        if got:
            covers[code] = got
    standard = Framework("standard", "t", [Item(r, r, Provenance("t"), area="A" if i < 3 else "B") for i, r in enumerate(reqs)])
    ess = {r.id for r in standard.items if r.id in essential or r.area in essential}
    return Coverage(
        requirements=reqs,
        weights=requirement_weights(standard, ess),
        essential=ess,
        points={c: rng.choice(POINT_CHOICES) for c in codes},
        names={c: f"Kurs {c}" for c in codes},
        covers=covers,
    )


def brute_force(cov: Coverage, budget=None, must=(), exclude=()):
    """Best (covered weight, -points) over every subset of the allowed courses."""
    free = [c for c in cov.points if c not in must and c not in exclude]
    best = None
    for n in range(len(free) + 1):
        for combo in itertools.combinations(free, n):
            chosen = list(must) + list(combo)
            cost = cov.cost(chosen)
            if budget is not None and cost > budget:
                continue
            key = (cov.weight(cov.covered_by(chosen)), -cost)
            best = key if best is None or key > best else best
    return best


def plan_key(cov: Coverage, plan):
    return (cov.weight(plan.covered), -plan.points)


@pytest.mark.parametrize("seed", range(12))
def test_plan_is_optimal_against_brute_force(seed):
    cov = random_coverage(seed)
    plan = plan_project(None, coverage=cov, curve=False)
    assert plan.method == "highs-mip"
    assert plan.optimality_gap == 0
    assert plan_key(cov, plan) == brute_force(cov)
    assert set(plan.covered) == set(plan.coverable) == cov.covered_by(cov.covers)


@pytest.mark.parametrize("seed", range(12))
def test_budget_must_exclude_respected_and_optimal(seed):
    cov = random_coverage(seed)
    rng = random.Random(seed + 100)
    codes = sorted(cov.points)
    must = rng.sample(codes, 1)
    exclude = rng.sample([c for c in codes if c not in must], 2)
    budget = cov.cost(must) + rng.choice((100, 200, 300))
    plan = plan_project(None, budget=budget, must=must, exclude=exclude, coverage=cov, curve=False)
    chosen = [c.code for c in plan.courses]
    assert set(must) <= set(chosen)
    assert not set(exclude) & set(chosen)
    assert plan.points <= budget
    assert plan.points == cov.cost(chosen)
    assert plan_key(cov, plan) == brute_force(cov, budget, must, exclude)


@pytest.mark.parametrize("seed", range(8))
def test_essential_requirements_come_first(seed):
    cov = random_coverage(seed, essential=("A",))
    coverable_essential = cov.essential & cov.covered_by(cov.covers)
    cheapest = min(cov.points.values())
    for budget in (cheapest, 2 * cheapest, 300):
        plan = plan_project(None, budget=budget, coverage=cov, curve=False)
        assert plan_key(cov, plan) == brute_force(cov, budget)
        # an ordinary requirement is never bought while an affordable essential one is left out
        best_essential = max(
            (len(cov.covered_by(s) & cov.essential) for n in range(3) for s in itertools.combinations(cov.points, n)
             if cov.cost(s) <= budget),
        )
        assert len(set(plan.covered) & coverable_essential) >= best_essential


def test_essential_weight_dominates_all_ordinary():
    standard = Framework("standard", "t", [Item(f"R{i}", "x", Provenance("t"), area="A") for i in range(5)])
    weights = requirement_weights(standard, {"R0"})
    assert weights["R0"] > sum(w for r, w in weights.items() if r != "R0")


def test_greedy_fallback_when_highs_missing(monkeypatch):
    cov = random_coverage(3)
    monkeypatch.setitem(sys.modules, "highspy", None)  # makes `import highspy` fail
    plan = plan_project(None, coverage=cov)
    assert plan.method == "greedy"
    assert set(plan.covered) == set(plan.coverable)
    best_weight, best_neg_cost = brute_force(cov)
    # the reported gap is a valid bound: the true optimum is at least (1 - gap) of the plan's points
    assert -best_neg_cost >= (1 - plan.optimality_gap) * plan.points - 1e-6
    assert all(p.method == "greedy" for p in plan.curve)


def test_greedy_is_reported_and_never_better_than_exact():
    for seed in range(10):
        cov = random_coverage(seed, n_courses=10)
        plan = plan_project(None, coverage=cov, curve=False)
        assert plan.greedy_points >= plan.points


def test_unknown_code_and_conflicts_are_input_errors():
    cov = random_coverage(1)
    with pytest.raises(InputError, match="okänd kurskod"):
        plan_project(None, must=["NOPE1"], coverage=cov, curve=False)
    code = next(iter(cov.points))
    with pytest.raises(InputError, match="både"):
        plan_project(None, must=[code], exclude=[code], coverage=cov, curve=False)
    with pytest.raises(InputError, match="budgeten"):
        plan_project(None, must=[code], budget=cov.points[code] - 1, coverage=cov, curve=False)


def test_codes_are_matched_case_insensitively():
    cov = random_coverage(2)
    code = sorted(cov.points)[0]
    plan = plan_project(None, must=[code.lower()], coverage=cov, curve=False)
    assert plan.courses[0].code == code


def test_curve_rises_to_full_coverage():
    cov = random_coverage(5, n_courses=10, n_reqs=10)
    plan = plan_project(None, coverage=cov)
    counts = [p.covered for p in plan.curve]
    assert counts == sorted(counts)
    assert plan.curve[-1].covered == len(plan.coverable)
    assert plan.curve[-1].budget == plan.points
    for point in plan.curve:
        assert point.points <= point.budget
        assert (point.weight, -point.points) == brute_force(cov, point.budget)


def test_curve_budgets_use_round_steps():
    assert curve_budgets(0, 1000) == list(range(50, 1000, 50)) + [1000]
    budgets = curve_budgets(300, 5000)
    assert len(budgets) <= 25 and budgets[0] >= 300 and budgets[-1] == 5000
    assert len({b2 - b1 for b1, b2 in zip(budgets, budgets[1:-1])}) == 1


# --- coverage matrix from an alignment and reviews ----------------------------


def tiny_project():
    """Three courses, three requirements, a hand-made alignment."""
    def course(code, points, n):
        items = [Item(f"{code}:cc{i}", f"innehåll {code} {i}", Provenance("t"), course=code) for i in range(1, n + 1)]
        return Course(code, f"Kurs {code}", points, items)

    courses = {c.code: c for c in (course("AAA1", 100, 2), course("BBB1", 200, 2), course("CCC1", 100, 1))}
    curriculum = Framework("curriculum", "k", [it for c in courses.values() for it in c.items], courses)
    curriculum.packages["Paket"] = Package("Paket", ["AAA1", "CCC1", "ZZZ9"])
    standard = Framework("standard", "Standard", [Item(r, r, Provenance("t"), area="Omr") for r in ("R1", "R2", "R3")])
    alignment = Alignment(
        {
            "R1": RequirementResult("R1", "covered", 0.9, [Match("AAA1:cc1", "AAA1", 0.9, ""), Match("BBB1:cc1", "BBB1", 0.7, "")]),
            "R2": RequirementResult("R2", "partial", 0.5, [Match("BBB1:cc2", "BBB1", 0.5, "")]),
            "R3": RequirementResult("R3", "gap", 0.1, [Match("CCC1:cc1", "CCC1", 0.1, "")]),
        },
        list(courses),
        "test",
        {"covered": 0.6, "partial": 0.45},
    )
    return Project(standard, curriculum), alignment


def test_coverage_counts_covered_scores_and_reviews():
    project, alignment = tiny_project()
    cov = build_coverage(project.standard, project.curriculum, alignment)
    assert cov.covers == {"AAA1": {"R1"}, "BBB1": {"R1"}}
    assert cov.evidence[("AAA1", "R1")] == ["AAA1:cc1"]

    partial = build_coverage(project.standard, project.curriculum, alignment, count_partial=True)
    assert partial.covers["BBB1"] == {"R1", "R2"}

    reviews = {"R1": Review({"AAA1:cc1": "rejected"}), "R3": Review({"CCC1:cc1": "manual"})}
    reviewed = build_coverage(project.standard, project.curriculum, alignment, reviews)
    assert "AAA1" not in reviewed.covers
    assert reviewed.covers["CCC1"] == {"R3"}


def test_a_folded_copy_covers_in_its_own_course():
    """The same text in another course (a twin) covers the requirement there too, unless rejected."""
    project, alignment = tiny_project()
    alignment.results["R3"] = RequirementResult(
        "R3", "covered", 0.9, [Match("CCC1:cc1", "CCC1", 0.9, "", twins=[ItemRef("AAA1:cc2", "AAA1")])]
    )
    cov = build_coverage(project.standard, project.curriculum, alignment)
    assert cov.covers["CCC1"] == {"R3"} and cov.covers["AAA1"] == {"R1", "R3"}
    rejected = build_coverage(project.standard, project.curriculum, alignment, {"R3": Review({"AAA1:cc2": "rejected"})})
    assert rejected.covers["AAA1"] == {"R1"}


def test_comparison_with_package_by_name():
    project, alignment = tiny_project()
    project.reviews = {"R3": Review({"CCC1:cc1": "accepted"})}
    cov = build_coverage(project.standard, project.curriculum, alignment, project.reviews)
    plan = plan_project(project, compare_courses="paket", coverage=cov)
    cmp = plan.comparison
    assert cmp.name == "Paket" and cmp.missing == ["ZZZ9"]
    assert cmp.covered == ["R1", "R3"]
    assert cmp.idle == [] and cmp.plan_only == []
    # typed codes: BBB1 alone covers R1, so the plan's R3 is what it misses
    typed = plan_project(project, compare_courses=["BBB1"], coverage=cov).comparison
    assert typed.plan_only == ["R3"] and typed.points == 200
    idle = plan_project(project, compare_courses=["CCC1", "BBB1"], coverage=build_coverage(
        project.standard, project.curriculum, alignment)).comparison
    assert idle.idle == ["CCC1"] and idle.idle_points == 100
    with pytest.raises(InputError, match="okänt paket"):
        plan_project(project, compare_courses="Finns inte", coverage=cov)


def test_plan_json_has_the_contract_keys():
    project, alignment = tiny_project()
    cov = build_coverage(project.standard, project.curriculum, alignment)
    plan = plan_project(project, compare_courses=["BBB1"], coverage=cov)
    data = plan_json(plan, project)
    assert data["schema"] == "compare-app/plan@1"
    assert data["courses"] == [{"code": "AAA1", "name": "Kurs AAA1", "points": 100, "covers": ["R1"]}]
    assert data["points"] == 100 and data["uncovered"] == ["R2", "R3"]
    assert data["method"] == "highs-mip" and data["optimality_gap"] == 0
    assert data["curve"][-1]["covered"] == 1
    assert data["comparison"]["courses"][0]["code"] == "BBB1"


def test_plan_project_aligns_against_whole_catalog(monkeypatch):
    project, alignment = tiny_project()
    seen = {}

    def fake_align(standard, curriculum, courses, **kw):
        seen["courses"], seen["top_k"] = courses, kw["top_k"]
        return alignment

    monkeypatch.setattr("compare_app.align.align", fake_align)
    plan = plan_project(project, curve=False)
    assert seen["courses"] is None and seen["top_k"] >= 50
    assert [c.code for c in plan.courses] == ["AAA1"]


def catalog_sized_coverage(seed: int) -> Coverage:
    """40 requirements over 800 courses with catalog-like costs (regression: a seeded HiGHS start)."""
    rng = random.Random(seed)
    reqs = [f"R{i}" for i in range(40)]
    codes = [f"K{i:03d}" for i in range(800)]
    covers = {c: frozenset(r for r in reqs if rng.random() < 0.03) for c in codes}
    standard = Framework("standard", "t", [Item(r, r, Provenance("t")) for r in reqs])
    return Coverage(reqs, requirement_weights(standard, set()), set(),
                    {c: rng.choice((50, 100, 100, 100, 100, 200)) for c in codes}, {c: c for c in codes},
                    {c: r for c, r in covers.items() if r})


@pytest.mark.parametrize("seed", range(3))
def test_loose_budget_changes_nothing_on_catalog_sized_problem(seed):
    cov = catalog_sized_coverage(seed)
    free = plan_project(None, coverage=cov, curve=False)
    loose = plan_project(None, budget=10 * free.points, coverage=cov, curve=False)
    assert free.optimality_gap == loose.optimality_gap == 0
    assert loose.points == free.points == cov.cost(c.code for c in loose.courses)
    assert loose.covered == free.covered == free.coverable
