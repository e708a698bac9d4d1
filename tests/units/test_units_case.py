"""CASE 1.1 export and CASE import: structure, stable identifiers, round trip, real OpenSALT files, hostile input."""

from __future__ import annotations

import json

import pytest
from case_checks import validate_package
from units_fixtures import welding_project

from compare_app.errors import InputError
from compare_app.exporters import case_json as case_out
from compare_app.importers import case_json as case_in
from compare_app.project import Project, Scope
from compare_app.units.propose import ensure_units


@pytest.fixture()
def project():
    p = welding_project()
    p.align()
    ensure_units(p)
    return p


def _by_type(pkg, kind):
    return [a for a in pkg["CFAssociations"] if a["associationType"] == kind]


def _code(pkg, identifier):
    return next(i.get("humanCodingScheme") for i in pkg["CFItems"] if i["identifier"] == identifier)


def test_export_is_a_well_formed_case_package(project):
    pkg = case_out.to_dict(project)
    assert validate_package(pkg) == []
    assert pkg["CFDocument"]["caseVersion"] == "1.1"
    types = [i["CFItemType"] for i in pkg["CFItems"]]
    assert types.count(case_out.TYPE_AREA) == 3
    assert types.count(case_out.TYPE_UNIT) == len(project.units)
    assert {"Kunskap", "Färdighet"} <= set(types)


def test_hierarchy_and_unit_membership(project):
    pkg = case_out.to_dict(project)
    doc = pkg["CFDocument"]["identifier"]
    top = sorted(
        (a["sequenceNumber"], a["originNodeURI"]["title"])
        for a in _by_type(pkg, "isChildOf")
        if a["destinationNodeURI"]["identifier"] == doc
    )
    assert [t for _, t in top] == ["Svetsning", "Material", "Logistik"]
    parts = {(_code(pkg, a["originNodeURI"]["identifier"]), _code(pkg, a["destinationNodeURI"]["identifier"])) for a in _by_type(pkg, "isPartOf")}
    assert parts == {(rid, u.id) for u in project.units for rid in u.requirement_ids}


def test_link_association_types_follow_the_decisions(project):
    project.accept("R1", "SVE01:cc1")  # accepted and covered -> exactMatchOf
    project.accept("R2", "SVE01:cc2")
    project.set_status("R2", "partial")  # accepted but judged partial -> isRelatedTo
    pkg = case_out.to_dict(project)
    exact = {(_code(pkg, a["originNodeURI"]["identifier"]), _code(pkg, a["destinationNodeURI"]["identifier"])) for a in _by_type(pkg, "exactMatchOf")}
    related = {(_code(pkg, a["originNodeURI"]["identifier"]), _code(pkg, a["destinationNodeURI"]["identifier"])) for a in _by_type(pkg, "isRelatedTo")}
    assert exact == {("R1", "SVE01:cc1")}
    assert ("R2", "SVE01:cc2") in related
    assert ("R3", "MAT01:cc1") in related  # an undecided proposal
    assert not any(r in ("R4", "R5") for r, _ in exact | related)  # undecided gaps export no links
    # every linked course item is in the package exactly once
    codes = [i["humanCodingScheme"] for i in pkg["CFItems"] if i["CFItemType"] == case_out.TYPE_COURSE_ITEM]
    assert sorted(codes) == sorted({c for _, c in exact | related})


def test_identifiers_are_stable_across_exports(project):
    first = case_out.to_dict(project, changed="2026-01-01T00:00:00+00:00")
    again = case_out.to_dict(project, changed="2026-02-01T00:00:00+00:00")
    ids = lambda pkg: [n["identifier"] for n in [pkg["CFDocument"], *pkg["CFItems"], *pkg["CFAssociations"]]]  # noqa: E731
    assert ids(first) == ids(again)
    assert case_out.to_dict(project, changed="2026-01-01T00:00:00+00:00") == first
    project.standard.item("R1").text = "ändrad text"
    assert ids(case_out.to_dict(project)) == ids(first)  # identity follows ids, not text


def test_write_reimports_to_the_same_items(project, tmp_path):
    project.units[0].id = "R5"  # a unit coded like a requirement must not disturb the requirement's id
    path = case_out.write(project, tmp_path / "standard.json")
    fw = case_in.read(path)
    got = [(i.id, i.text, i.area, i.kind, i.level) for i in fw.items]
    want = [(i.id, i.text, i.area, i.kind, i.level) for i in project.standard.items]
    assert got == want
    assert fw.title == project.standard.title
    assert fw.kind == "standard"


def test_nested_table_areas_export_as_nested_case_items(project, tmp_path):
    """Område › Moment from a table (Item.section) become nested CFItems and read back the same."""
    for n, item in enumerate(project.standard.items):
        item.section = "Moment A › Steg 1" if n % 2 else ("Moment B" if n % 3 else "")
    fw = case_in.read(case_out.write(project, tmp_path / "nested.json"))
    assert [(i.id, i.area, i.section) for i in fw.items] == [(i.id, i.area, i.section) for i in project.standard.items]


def _requirement_identifiers(pkg) -> set[str]:
    skip = case_out.NON_STANDARD_TYPES + (case_out.TYPE_AREA,)
    return {i["identifier"] for i in pkg["CFItems"] if i["CFItemType"] not in skip}


def test_opensalt_identifiers_survive_a_round_trip(case_dir):
    src = case_dir / "Ordering.json"  # identifiers are proper RFC 4122 UUIDs
    fw = case_in.read(src)
    out = case_out.to_dict(Project(fw, welding_project().curriculum, scope=Scope(courses=["SVE01"])))
    original = {i["identifier"] for i in json.loads(src.read_text(encoding="utf-8"))["CFItems"]}
    assert _requirement_identifiers(out) <= original
    assert len(_requirement_identifiers(out)) == len(fw.items)
    assert validate_package(out) == []


def test_identifiers_case_11_would_refuse_are_replaced_stably(case_dir):
    src = case_dir / "SmartLevelFramework.json"  # identifiers like 00000000-0000-0000-0000-000000000003
    p = Project(case_in.read(src), welding_project().curriculum, scope=Scope(courses=["SVE01"]))
    first, again = case_out.to_dict(p), case_out.to_dict(p)
    original = {i["identifier"] for i in json.loads(src.read_text(encoding="utf-8"))["CFItems"]}
    assert not (_requirement_identifiers(first) & original)
    assert _requirement_identifiers(first) == _requirement_identifiers(again)
    assert validate_package(first) == []


@pytest.mark.parametrize(
    "name", ["SmartLevelFramework.json", "Ordering.json", "Utf8TestFramework.json", "MarkdownFramework.json", "ItemTypeTestFramework.json"]
)
def test_opensalt_packages_import(case_dir, name):
    data = json.loads((case_dir / name).read_text(encoding="utf-8"))
    items = {i["identifier"]: i for i in data["CFItems"]}
    parents = {a["destinationNodeURI"]["identifier"] for a in data["CFAssociations"] if a["associationType"] == "isChildOf"}
    leaves = [i for ident, i in items.items() if ident not in parents]
    fw = case_in.read(case_dir / name)
    assert len(fw.items) == len(leaves)
    assert sorted(i.text for i in fw.items) == sorted(i["fullStatement"].strip() for i in leaves)
    assert len({i.id for i in fw.items}) == len(fw.items)
    assert fw.title == data["CFDocument"]["title"]


def test_deep_hierarchy_gives_area_and_section(case_dir):
    fw = case_in.read(case_dir / "Ordering.json")
    assert fw.areas() == ["Geometry and Measurement"]
    first = fw.items[0]
    assert first.section.count(" › ") == 2
    # no sequenceNumber in this file: the coding scheme orders siblings naturally (…L1.2 before …L1.10)
    ids = [i.id for i in fw.items]
    assert ids.index("H.A.MATH.GM.PF.2DFP.L1.2") < ids.index("H.A.MATH.GM.PF.2DFP.L1.10")


def test_sequence_numbers_decide_order(tmp_path, project):
    pkg = case_out.to_dict(project)
    for a in _by_type(pkg, "isChildOf"):  # reverse every sibling order
        a["sequenceNumber"] = 100 - a["sequenceNumber"]
    pkg["CFItems"].reverse()
    path = tmp_path / "rev.json"
    path.write_text(json.dumps(pkg), encoding="utf-8")
    fw = case_in.read(path)
    assert [i.id for i in fw.items] == ["R5", "R4", "R3", "R2", "R1"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json at all",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"CFDocument": "x"}',
        b'{"CFDocument": {"identifier": "d"}, "CFItems": {"a": 1}}',
        b'{"CFDocument": {"identifier": "d"}, "CFItems": [1, "x", null]}',
        b"[" * 200000 + b"]" * 200000,
        b'{"CFDocument": {"identifier": "d"}, "CFItems": []}',
    ],
    ids=["empty", "text", "binary", "array", "doc-string", "items-dict", "items-junk", "deep-nesting", "no-items"],
)
def test_broken_files_raise_input_error(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        case_in.read(path)
    assert "bad.json" in str(err.value)


def test_cycles_and_dangling_associations_do_not_hang(tmp_path):
    def node(i, text):
        return {"identifier": i, "uri": f"urn:uuid:{i}", "fullStatement": text, "lastChangeDateTime": "2020-01-01T00:00:00Z"}

    def child(a, b):
        return {"associationType": "isChildOf", "originNodeURI": {"identifier": a}, "destinationNodeURI": {"identifier": b}}

    pkg = {
        "CFDocument": {"identifier": "doc", "title": "T"},
        "CFItems": [node("a", "A"), node("b", "B"), node("c", "C")],
        "CFAssociations": [child("a", "b"), child("b", "a"), child("c", "doc"), child("c", "nowhere"), "junk"],
    }
    path = tmp_path / "cycle.json"
    path.write_text(json.dumps(pkg), encoding="utf-8")
    fw = case_in.read(path)
    assert [i.text for i in fw.items] == ["C", "A", "B"]  # a cycle is reported, not dropped
    assert any("cykel" in w and "a" in w and "b" in w for w in fw.warnings)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        case_in.read(tmp_path / "finns-inte.json")


def test_string_sequence_numbers_from_older_tools_are_understood(tmp_path, project):
    pkg = case_out.to_dict(project)
    for a in _by_type(pkg, "isChildOf"):
        a["sequenceNumber"] = str(100 - a["sequenceNumber"])
    path = tmp_path / "str.json"
    path.write_text(json.dumps(pkg), encoding="utf-8")
    assert [i.id for i in case_in.read(path).items] == ["R5", "R4", "R3", "R2", "R1"]


def test_any_json_gives_a_standard_or_an_input_error(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    node = st.fixed_dictionaries(
        {},
        optional={
            "identifier": st.sampled_from(["a", "b", "c", "doc"]) | scalars,
            "fullStatement": st.text(max_size=10) | scalars,
            "humanCodingScheme": st.sampled_from(["X", "Y"]) | scalars,
            "CFItemType": st.sampled_from(["Kunskap", "Mikromerit"]) | scalars,
            "educationLevel": st.lists(scalars, max_size=2) | scalars,
        },
    )
    link = st.fixed_dictionaries({}, optional={"identifier": st.sampled_from(["a", "b", "c", "doc"]) | scalars}) | scalars
    assoc = st.fixed_dictionaries(
        {},
        optional={
            "associationType": st.sampled_from(["isChildOf", "isPartOf"]) | scalars,
            "originNodeURI": link,
            "destinationNodeURI": link,
            "sequenceNumber": scalars,
        },
    )
    package = st.fixed_dictionaries(
        {"CFDocument": st.fixed_dictionaries({"identifier": st.just("doc")}, optional={"title": scalars}) | scalars},
        optional={"CFItems": st.lists(node | scalars, max_size=6) | scalars, "CFAssociations": st.lists(assoc | scalars, max_size=8) | scalars},
    )
    path = tmp_path / "fuzz.json"

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(package)
    def check(data):
        path.write_text(json.dumps(data), encoding="utf-8")
        try:
            fw = case_in.read(path)
        except InputError:
            return
        assert fw.items and all(it.text for it in fw.items)
        assert len({it.id for it in fw.items}) == len(fw.items)

    check()


def test_duplicate_coding_schemes_fall_back_to_identifiers(tmp_path):
    def node(i, code, text):
        return {"identifier": i, "humanCodingScheme": code, "fullStatement": text}

    pkg = {
        "CFDocument": {"identifier": "doc", "title": "T"},
        "CFItems": [node("u1", "A.1", "ett"), node("u2", "A.1", "två"), node("u3", "u1", "tre"), node("u4", "B", "fyra")],
        "CFAssociations": [],
    }
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(pkg), encoding="utf-8")
    fw = case_in.read(path)
    ids = [i.id for i in fw.items]
    assert len(set(ids)) == 4
    assert "B" in ids and "u2" in ids
    assert fw.warnings


def test_reserved_item_types_inside_the_tree_are_still_requirements(tmp_path):
    pkg = {
        "CFDocument": {"identifier": "doc", "title": "T"},
        "CFItems": [
            {"identifier": "a", "fullStatement": "i trädet", "CFItemType": "Mikromerit"},
            {"identifier": "b", "fullStatement": "utanför trädet", "CFItemType": "Mikromerit"},
        ],
        "CFAssociations": [{"associationType": "isChildOf", "originNodeURI": {"identifier": "a"}, "destinationNodeURI": {"identifier": "doc"}}],
    }
    path = tmp_path / "typed.json"
    path.write_text(json.dumps(pkg), encoding="utf-8")
    assert [i.text for i in case_in.read(path).items] == ["i trädet"]
