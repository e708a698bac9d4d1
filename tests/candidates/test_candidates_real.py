"""Synthetic candidates on the development gold sets against the real Skolverket archive.

A stand-in assessor accepts every gold link of the package's courses; a candidate then shows
every requirement of one competence area. The courses that area's gold content fills are
credited, and the complementary plan closes the rest without them.
"""

from __future__ import annotations

import json

import pytest

from compare_app.candidates import edit
from compare_app.candidates.outcome import evaluate
from compare_app.model import Framework, Item, Provenance
from compare_app.planner import project_coverage
from compare_app.project import Project, Scope

pytestmark = pytest.mark.real_data
DEV_SETS = ("dev_fastighetsskotare.json", "dev_frisor.json")


def _validated_project(path, catalog) -> Project:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = [Item(r["id"], r["text"], Provenance(path.name, r["id"]), area=r["area"], kind=r["kind"], position=n)
             for n, r in enumerate(data["requirements"], 1)]
    project = Project(Framework("standard", data["title"], items), catalog, Scope(courses=data["package"]))
    in_scope = set(project.candidate_courses())
    for r in data["requirements"]:
        for item_id in r["gold"]:
            if item_id.split(":", 1)[0] in in_scope:
                project.link(r["id"], item_id, by="guldbedömare")
    return project


@pytest.fixture(scope="module", params=DEV_SETS)
def validated(request, bench_dir, real_catalog):
    project = _validated_project(bench_dir / request.param, real_catalog)
    return request.param, project, project_coverage(project)


def _gold_share(project, requirement_ids, code) -> float:
    items = {i for rid in requirement_ids for i, s in project.reviews[rid].links.items()
             if s == "manual" and i.startswith(code + ":")} if requirement_ids else set()
    return len(items) / len(project.curriculum.courses[code].items)


def test_an_area_shown_in_full_credits_its_courses_and_the_plan_does_without_them(validated):
    name, project, cov = validated
    tried = 0
    for area in project.standard.areas():
        shown = [r.id for r in project.standard.items if r.area == area]
        linked = [rid for rid in shown if rid in project.reviews]
        cand = edit.add_candidate(project, f"Syntetisk kandidat {area}")
        for rid in shown:
            edit.record(project, cand, rid, "shown", method="practical")
        shares = {code: _gold_share(project, linked, code) for code in project.candidate_courses()}
        best = max(shares.values())
        if best == 0:
            continue
        tried += 1
        outcome = evaluate(project, cand, threshold=best, coverage=cov)
        got = {c.code: c for c in outcome.credits}
        assert {code: round(c.share, 6) for code, c in got.items()} == {k: round(v, 6) for k, v in shares.items()}
        credited = {c.code for c in outcome.credited}
        assert credited == {code for code, s in shares.items() if s >= best - 1e-9}, (name, area)
        for code in credited:
            assert set(got[code].evidence()) <= set(shown)
        plan = outcome.plan
        assert not credited & {c.code for c in plan.courses}, (name, area)
        assert set(plan.covered) | set(plan.uncovered) == set(outcome.open_requirements)
        assert not set(shown) & set(plan.covered)
        assert plan.method == "highs-mip" and plan.optimality_gap == 0
        # without crediting, the same plan may use the credited courses: it can only be as cheap or cheaper
        free = evaluate(project, cand, threshold=1.01, coverage=cov).plan
        assert len(free.covered) >= len(plan.covered)
        assert len(free.covered) > len(plan.covered) or free.points <= plan.points
    assert tried >= 2, name


def test_a_candidate_who_has_shown_everything_gets_no_plan(validated):
    name, project, cov = validated
    cand = edit.add_candidate(project, "Allt visat")
    for r in project.standard.items:
        edit.record(project, cand, r.id, "shown")
    outcome = evaluate(project, cand, coverage=cov)
    assert outcome.plan is None and outcome.open_requirements == []
    linked_courses = {i.split(":", 1)[0] for rv in project.reviews.values() for i in rv.links}
    assert {c.code for c in outcome.credits if c.covered} == linked_courses & set(project.candidate_courses())
