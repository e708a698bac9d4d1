"""The overview on the real archive with the four development standards (as four branches) and the sample."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from compare_app.exporters import overview_json, overview_xlsx
from compare_app.model import Framework, Item, Provenance
from compare_app.overview import build_overview

pytestmark = [pytest.mark.real_data, pytest.mark.slow]

SAMPLE = "samples/standard_svetsare.xlsx"


def dev_sets(bench_dir) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(bench_dir.glob("dev_*.json"))
            if p.name != "dev_packages.json"]


def as_standard(data: dict) -> Framework:
    items = [Item(r["id"], r["text"], Provenance("dev", r["id"]), area=r["area"], kind=r["kind"], position=n)
             for n, r in enumerate(data["requirements"], 1)]
    return Framework("standard", data["title"], items)


@pytest.fixture(scope="module")
def real_overview(bench_dir, real_catalog):
    """The dev standards against the union of their packages (every course a branch would offer)."""
    sets = dev_sets(bench_dir)
    codes = list(dict.fromkeys(c for s in sets for c in s["package"]))
    ov = build_overview([as_standard(s) for s in sets], real_catalog, courses=",".join(codes))
    return ov, sets


def test_each_branch_is_served_most_by_its_own_package(real_overview):
    ov, sets = real_overview
    assert len(ov.standards) == len(sets) == 4
    for label, data in zip(ov.matrix.index, sets):
        row = ov.matrix.loc[label]
        strongest = row[row == row.max()].index
        assert set(strongest) <= set(data["package"]), (label, list(strongest))
        own = row[[c for c in row.index if c in data["package"]]].sum()
        assert own > 0.5 * row.sum(), label  # most of what serves a branch is its own package


def test_no_shared_unit_within_one_branch_and_gaps_are_gaps(real_overview):
    ov, _ = real_overview
    assert all(len(u.standards) >= 2 for u in ov.shared_units)
    statuses = {(r.label, q.id): q.status for r in ov.results for q in r.requirements}
    assert all(statuses[(label, req.id)] == "gap" for g in ov.gap_groups for label, req in g.requirements)
    assert len(ov.gaps) == sum(1 for s in statuses.values() if s == "gap")


def test_whole_catalog_with_the_sample_writes_readable_outputs(bench_dir, real_catalog, tmp_path):
    sets = dev_sets(bench_dir)[:2]
    ov = build_overview([as_standard(sets[0]), as_standard(sets[1]), SAMPLE], real_catalog)
    assert ov.curriculum.scope == "hela katalogen" and ov.curriculum.courses == len(real_catalog.courses)
    doc = overview_json.to_dict(ov)
    assert len(doc["standards"]) == 3 and doc["courses"]
    wb = load_workbook(overview_xlsx.write(ov, tmp_path / "o.xlsx"))
    matrix = wb["Matris"]
    assert matrix.max_row == len(ov.courses) + 1 and matrix.max_column == 3 + 3 + 1
    # every course in the matrix serves some standard: no empty rows in a sheet of hundreds
    assert all(ov.matrix[c].sum() > 0 for c in ov.matrix.columns)
