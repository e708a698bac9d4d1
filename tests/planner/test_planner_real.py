"""Planner on the real Skolverket archive with each development standard."""

from __future__ import annotations

import json

import pytest

from compare_app.model import Framework, Item, Provenance
from compare_app.planner import plan_json, plan_project
from compare_app.project import Project

pytestmark = pytest.mark.real_data


def bench_standard(path) -> tuple[Framework, list[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = [
        Item(r["id"], r["text"], Provenance(path.name, r["id"]), area=r["area"], kind=r["kind"], position=n)
        for n, r in enumerate(data["requirements"], 1)
    ]
    return Framework("standard", data["title"], items), data["package"]


@pytest.fixture(scope="module")
def real_plans(bench_dir, real_catalog):
    plans = []
    for path in sorted(bench_dir.glob("dev_*.json")):
        if path.name == "dev_packages.json":
            continue
        standard, package = bench_standard(path)
        project = Project(standard, real_catalog)
        plans.append((path.stem, project, plan_project(project, compare_courses=package)))
    assert plans, "no dev standards found"
    return plans


def test_plan_covers_everything_coverable(real_plans):
    for name, project, plan in real_plans:
        assert plan.covered == plan.coverable, name
        assert plan.method == "highs-mip" and plan.optimality_gap == 0, name
        assert plan.points <= plan.greedy_points, name
        assert plan.points == sum(project.curriculum.courses[c.code].points for c in plan.courses)
        cov = plan.coverage
        assert set(plan.coverable) == cov.covered_by(cov.covers), name


def test_every_chosen_course_is_needed(real_plans):
    """Optimal plans hold no course whose requirements the others already cover."""
    for name, _, plan in real_plans:
        for course in plan.courses:
            others = plan.coverage.covered_by(c.code for c in plan.courses if c.code != course.code)
            assert not set(course.covers) <= others, (name, course.code)


def test_comparison_and_json_on_real_package(real_plans):
    for name, project, plan in real_plans:
        cmp = plan.comparison
        assert cmp.points == sum(project.curriculum.courses[c.code].points for c in cmp.courses)
        assert set(cmp.plan_only) == set(plan.covered) - set(cmp.covered)
        data = plan_json(plan, project)
        json.dumps(data)  # serialisable
        assert data["curve"][-1]["covered"] == len(plan.covered), name
