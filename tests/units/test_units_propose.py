"""Proposing units by area and by course cluster; locked units survive a re-proposal."""

from __future__ import annotations

from units_fixtures import welding_project

from compare_app.units import propose
from compare_app.units.model import Unit


def _all_ids(units):
    return [rid for u in units for rid in u.requirement_ids]


def test_by_area_one_unit_per_area_in_order_with_level():
    p = welding_project()
    units = propose.propose_by_area(p)
    assert [u.title for u in units] == ["Svetsning", "Material", "Logistik"]
    assert [u.requirement_ids for u in units] == [["R1", "R2"], ["R3"], ["R4", "R5"]]
    assert [u.level for u in units] == ["4", "3", ""]
    assert len({u.id for u in units}) == 3


def test_by_cluster_groups_by_course_and_separates_uncovered():
    p = welding_project()
    p.align()
    units = propose.propose_by_cluster(p)
    assert sorted(_all_ids(units)) == ["R1", "R2", "R3", "R4", "R5"]
    by_req = {rid: u for u in units for rid in u.requirement_ids}
    assert by_req["R1"] is by_req["R2"]  # both drawn from the welding course
    assert by_req["R4"] is by_req["R5"]  # both uncovered in the package, same area
    # nothing in the package covers them; the truck course outside it would
    assert by_req["R4"].title == "Komplettering: Truckkörning"
    assert "Svetsgrunder" in by_req["R1"].title


def test_cluster_keeps_lone_or_uncloseable_requirements_per_area():
    p = welding_project()
    p.standard.item("R5").text = "ordet finns ingenstans qqq"
    p.align()
    units = propose.propose_by_cluster(p)
    by_req = {rid: u for u in units for rid in u.requirement_ids}
    # R5 no course closes; R4 alone would be a one-requirement unit: both stay with their area
    assert by_req["R5"].title == "Logistik – kräver komplettering"
    assert by_req["R4"] is by_req["R5"]


def test_cluster_before_alignment_falls_back_to_areas():
    p = welding_project()
    assert [u.requirement_ids for u in propose.propose_by_cluster(p)] == [u.requirement_ids for u in propose.propose_by_area(p)]


def test_cluster_absorbs_a_lone_requirement_sharing_courses():
    p = welding_project()
    p.align()
    # R3 draws only on the material course, which the welding group also uses (via R2)
    p.accept("R3", "MAT01:cc1")
    for item in ("SVE01:cc2", "SVE01:cc3", "MAT01:cc1"):
        p.link("R2", item)
    units = propose.propose_by_cluster(p)
    by_req = {rid: u for u in units for rid in u.requirement_ids}
    assert by_req["R3"] is by_req["R2"]
    # without the shared course R3 stays on its own
    p.unlink("R2", "MAT01:cc1")
    by_req = {rid: u for u in propose.propose_by_cluster(p) for rid in u.requirement_ids}
    assert by_req["R3"] is not by_req["R2"]


def test_ensure_units_fills_once_and_keeps_locked_units():
    p = welding_project()
    p.align()
    assert len(propose.ensure_units(p)) == 3
    first = [u.id for u in p.units]
    assert [u.id for u in propose.ensure_units(p, "cluster")] == first  # not replaced when present

    p.units[0] = Unit(p.units[0].id, "Min egen", ["R1", "R4"], locked=True)
    p.units[1].locked = False
    propose.ensure_units(p, "area", replace=True)
    assert p.units[0].title == "Min egen" and p.units[0].requirement_ids == ["R1", "R4"]
    assert sorted(_all_ids(p.units)) == ["R1", "R2", "R3", "R4", "R5"]
    assert len({u.id for u in p.units}) == len(p.units)
    assert all("R1" not in u.requirement_ids for u in p.units[1:])
