"""The overview's tables on small standards of our own: same verdicts as ``align``, decisions count,
shared content and gaps across standards, progress and cancel, bad input named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import compare_app
from compare_app.cli import build_project
from compare_app.errors import Cancelled, InputError
from compare_app.overview import build_overview
from compare_app.progress import Progress
from compare_app.project import storage


def _status(ov, label, rid):
    res = next(r for r in ov.results if r.label == label)
    return next(q.status for q in res.requirements if q.id == rid)


def test_each_standard_gets_the_verdicts_align_gives(catalog, standards):
    ov = build_overview(standards, catalog)
    assert list(ov.standards.index) == ["Bagare", "Konditor", "Butikssäljare"]
    for path, label in zip(standards, ov.standards.index):
        project = build_project(str(path), [str(catalog)])
        project.align()
        s = project.summary()
        row = ov.standards.loc[label]
        assert (row["covered"], row["partial"], row["gap"], row["requirements"]) == (s.covered, s.partial, s.gap, s.total)
        assert row["coverage"] == pytest.approx(s.coverage)
        assert [q.status for q in ov.results[list(ov.standards.index).index(label)].requirements] == [
            e.status for e in project.all_effective()
        ]


def test_tables_agree_with_each_other(catalog, standards):
    ov = build_overview(standards, catalog)
    # the matrix holds the ranked courses, and a course's coverage is its column's sum
    assert list(ov.matrix.columns) == list(ov.courses.index)
    for code, rec in ov.courses.iterrows():
        assert ov.matrix[code].sum() == pytest.approx(rec["coverage"])
        assert rec["coverage"] == rec["requirements_covered"] + 0.5 * rec["requirements_partial"]
        assert rec["standards"] == int((ov.matrix[code] > 0).sum())
        assert rec["points_per_requirement"] == pytest.approx(round(rec["points"] / rec["coverage"], 1))
    ranks = list(zip(ov.courses["standards"], ov.courses["coverage"]))
    assert ranks == sorted(ranks, key=lambda r: (-r[0], -r[1]))


def test_hygiene_content_is_a_shared_unit_of_all_three_standards(catalog, standards):
    ov = build_overview(standards, catalog)
    hygiene = [u for u in ov.shared_units if any("Hygienregler" in t for t in u.texts)]
    assert hygiene, ov.shared
    unit = hygiene[0]
    assert unit.standards == ["Bagare", "Konditor", "Butikssäljare"]
    assert {(label, rid) for label, rid, *_ in unit.requirements} >= {("Bagare", "B3"), ("Konditor", "K3")}
    # the same text in two courses is one content, named in both
    assert set(unit.items) == {"BAGBRÖ01:cc3", "BAGKON01:cc3"}
    for u in ov.shared_units:
        assert len(u.standards) >= 2
    assert set(ov.shared["unit"]) == {u.id for u in ov.shared_units}


def test_the_same_gap_in_two_standards_is_one_group(catalog, standards):
    ov = build_overview(standards, catalog)
    assert _status(ov, "Bagare", "B5") == "gap" and _status(ov, "Butikssäljare", "S1") == "gap"
    first = ov.gap_groups[0]
    assert {(label, req.id) for label, req in first.requirements} == {("Bagare", "B5"), ("Butikssäljare", "S1")}
    assert first.standards == ["Bagare", "Butikssäljare"]
    assert "kortbetalning" in first.terms or "kassaapparat" in first.terms
    tyres = [g for g in ov.gap_groups if any(req.id == "S3" for _, req in g.requirements)]
    assert len(tyres) == 1 and len(tyres[0].requirements) == 1
    gap_ids = {(r.label, q.id) for r in ov.results for q in r.requirements if q.status == "gap"}
    assert set(zip(ov.gaps["standard"], ov.gaps["requirement"])) == gap_ids


def test_a_saved_project_brings_its_decisions(catalog, standards, tmp_path):
    project = build_project(str(standards[0]), [str(catalog)])
    project.align()
    project.set_status("B1", "gap", by="Anna")  # the assessor judged the dough content insufficient
    project.link("B5", "BAGKON01:cc2", by="Anna")  # and linked the costing item to card payments
    path = tmp_path / "bagare.cmpproj"
    storage.save(project, path)

    ov = build_overview([path, standards[1]], catalog)
    label = ov.standards.index[0]
    assert ov.standards.loc[label, "kind"] == "project"
    assert ov.standards.loc[label, "decided"] == 2
    assert _status(ov, label, "B1") == "gap" and _status(ov, label, "B5") == "covered"
    links = {(link.requirement, link.item): link.level for link in ov.results[0].links}
    assert not any(req == "B1" for req, _ in links)
    assert links[("B5", "BAGKON01:cc2")] == "covered"


def test_same_titles_get_distinct_labels(catalog, standards):
    ov = build_overview([standards[0], standards[0]], catalog)
    assert list(ov.standards.index) == ["Bagare", "Bagare (2)"]


def test_progress_runs_forward_and_names_each_standard(catalog, standards):
    seen = []
    build_overview(standards, catalog, progress=Progress(callback=lambda d, t, m: seen.append((d, t, m))))
    aligned = [(d, t, m) for d, t, m in seen if "(" in m and "/3)" in m]
    assert {m.split(" (")[0] for _, _, m in aligned} == {"Bagare", "Konditor", "Butikssäljare"}
    done = [d for d, _, _ in aligned]
    assert done == sorted(done)
    assert all(0 <= d <= t for d, t, _ in aligned)


def test_cancel_stops_between_standards(catalog, standards):
    progress = Progress()
    labels = []

    def on_step(done, total, message):
        labels.append(message.split(" (")[0])
        if "Konditor" in message:
            progress.cancel()

    progress.callback = on_step
    with pytest.raises(Cancelled):
        build_overview(standards, catalog, progress=progress)
    assert "Butikssäljare" not in labels


@pytest.mark.parametrize("name, problem", [("saknas.xlsx", "finns inte"), ("standard.pdf", "okänt format")])
def test_a_bad_file_is_named_before_any_alignment(catalog, standards, tmp_path, name, problem):
    bad = tmp_path / name
    if name.endswith(".pdf"):
        bad.write_bytes(b"%PDF-1.4")
    seen = []
    with pytest.raises(InputError) as exc:
        build_overview([*standards, bad], catalog, progress=Progress(callback=lambda *a: seen.append(a)))
    assert name in str(exc.value) and problem in str(exc.value)
    assert seen == []


def test_an_unknown_package_is_named(catalog, standards):
    with pytest.raises(InputError, match="finns inte i källan"):
        build_overview(standards, catalog, package="Inget program / Ingen utgång")


def test_importing_compare_app_stays_cheap_and_offers_build_overview():
    code = "import sys, compare_app; assert 'pandas' not in sys.modules; f = compare_app.build_overview; " \
           "assert 'pandas' not in sys.modules; print(f.__module__)"
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo,
                         env={**os.environ, "PYTHONPATH": str(repo)})
    assert out.stdout.strip() == "compare_app.overview"
    assert compare_app.build_overview is build_overview


def test_without_a_curriculum_the_first_projects_own_is_used(catalog, standards, tmp_path):
    project = build_project(str(standards[1]), [str(catalog)])
    project.align()
    path = tmp_path / "konditor.cmpproj"
    storage.save(project, path)
    ov = build_overview([standards[0], path], None)
    assert ov.curriculum.courses == 2
    assert list(ov.standards["kind"]) == ["standard", "project"]
    with pytest.raises(InputError, match="kursplanekälla"):
        build_overview(standards, None)
