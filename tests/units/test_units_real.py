"""On the real archive: a development standard against its yrkespaket gets units proposed and exported."""

from __future__ import annotations

import json

import pytest
from case_checks import validate_package

from compare_app.exporters import case_json as case_out
from compare_app.importers import case_json as case_in
from compare_app.model import Framework, Item, Provenance
from compare_app.project import Project, Scope
from compare_app.units import compute, propose

pytestmark = pytest.mark.real_data


def _bench_standard(path) -> tuple[Framework, list[str], dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = [
        Item(r["id"], r["text"], Provenance(path.name, r["id"]), area=r["area"], kind=r["kind"])
        for r in data["requirements"]
    ]
    return Framework(kind="standard", title=data["title"], items=items), data["package"], data


@pytest.fixture(scope="module")
def bench_project(bench_dir, real_catalog):
    std, package, data = _bench_standard(bench_dir / "dev_barnskotare.json")
    p = Project(std, real_catalog, scope=Scope(courses=package))
    p.align()
    return p, data


def test_units_cover_every_requirement_and_points_stay_within_courses(bench_project):
    p, data = bench_project
    p.units = []
    propose.ensure_units(p, "area")
    assert [u.title for u in p.units] == list(dict.fromkeys(r["area"] for r in data["requirements"]))
    ids = [rid for u in p.units for rid in u.requirement_ids]
    assert sorted(ids) == sorted(r["id"] for r in data["requirements"])
    for unit in p.units:
        v = compute.view(p, unit)
        for c in v.courses:
            course = p.curriculum.courses[c.code]
            assert c.items_total == len(course.items)
            assert 0 < c.items_used <= c.items_total
            assert c.points_attributed <= course.points
        assert v.summary.total == len(unit.requirement_ids)


def test_cluster_units_draw_on_few_courses(bench_project):
    p, _ = bench_project
    clusters = propose.propose_by_cluster(p)
    assert sorted(r for u in clusters for r in u.requirement_ids) == sorted(it.id for it in p.standard.items)
    # a covered cluster is named after one of the package courses it draws on;
    # a complementary one after the outside course that would close its requirements
    p.units = clusters
    package = set(p.candidate_courses())
    for unit in clusters:
        v = compute.view(p, unit)
        if unit.title.startswith("Komplettering: "):
            name = unit.title.split(": ", 1)[1]
            assert any(p.curriculum.courses[c].name == name and c not in package for c in v.closing_courses), unit.title
        elif "kräver komplettering" not in unit.title:
            assert v.courses, unit.title
            assert any(p.curriculum.courses[c.code].name in unit.title for c in v.courses)


def test_units_json_and_case_export_on_real_data(bench_project, tmp_path):
    p, _ = bench_project
    p.units = []
    propose.ensure_units(p, "area")
    units = compute.units_json(p)
    json.dumps(units, ensure_ascii=False)
    assert sum(len(u["requirements"]) for u in units) == len(p.standard.items)
    path = case_out.write(p, tmp_path / "barnskotare.json")
    pkg = json.loads(path.read_text(encoding="utf-8"))
    assert validate_package(pkg) == []
    back = case_in.read(path)
    assert [(i.id, i.text, i.area, i.kind) for i in back.items] == [
        (i.id, i.text, i.area, i.kind) for i in p.standard.items
    ]
