"""The overview's tables as pandas DataFrames, built from the standards' :class:`StandardResult`.

Columns have English identifiers (the same names as the ``overview@1`` JSON); the Excel
export gives them Swedish headers. A course *serves* a requirement when one of its items links
to it (see :mod:`.collect`); a covered link counts 1 and a partial one ½, the app's rule for
coverage, so ``coverage`` figures read as "requirements' worth of content".
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..model import Framework
from . import themes
from .collect import RequirementRow, StandardResult

WEIGHT = {"covered": 1.0, "partial": 0.5}

STANDARD_COLUMNS = ["title", "source", "kind", "requirements", "covered", "partial", "gap", "coverage", "decided"]
COURSE_COLUMNS = ["name", "points", "standards", "requirements_covered", "requirements_partial", "coverage",
                  "points_per_requirement", "standard_list"]
SHARED_COLUMNS = ["unit", "standards", "requirements", "content", "items", "courses", "standard", "requirement",
                  "requirement_text", "level"]
GAP_COLUMNS = ["group", "standards", "terms", "standard", "requirement", "area", "text"]


@dataclass
class Tables:
    standards: pd.DataFrame
    matrix: pd.DataFrame
    courses: pd.DataFrame
    shared: pd.DataFrame
    gaps: pd.DataFrame
    shared_units: list["SharedUnit"]
    gap_groups: list["GapGroup"]


def build_tables(results: list[StandardResult], curriculum: Framework) -> Tables:
    best = best_levels(results)
    courses = course_ranking(best, results, curriculum)
    units = find_shared_units(results)
    groups = find_gap_groups(results)
    return Tables(
        standards=standards_table(results),
        matrix=coverage_matrix(best, results, list(courses.index)),
        courses=courses,
        shared=shared_table(units),
        gaps=gap_table(groups),
        shared_units=units,
        gap_groups=groups,
    )


def best_levels(results: list[StandardResult]) -> dict[tuple[str, str, str], str]:
    """(standard, course, requirement) -> the best level any of the course's items gives."""
    best: dict[tuple[str, str, str], str] = {}
    for res in results:
        for link in res.links:
            key = (res.label, link.course, link.requirement)
            if best.get(key) != "covered":
                best[key] = link.level
    return best


def standards_table(results: list[StandardResult]) -> pd.DataFrame:
    """One row per standard: its requirements by status after the person's decisions."""
    rows = [
        [r.title, r.source, r.kind, len(r.requirements), r.count("covered"), r.count("partial"), r.count("gap"),
         r.coverage, sum(1 for q in r.requirements if q.decided)]
        for r in results
    ]
    return pd.DataFrame(rows, index=pd.Index([r.label for r in results], name="standard"), columns=STANDARD_COLUMNS)


def coverage_matrix(best: dict, results: list[StandardResult], course_order: list[str]) -> pd.DataFrame:
    """Standards × courses: each cell the requirements' worth of the standard the course serves."""
    cells: dict[tuple[str, str], float] = {}
    for (label, course, _req), level in best.items():
        cells[(label, course)] = cells.get((label, course), 0.0) + WEIGHT[level]
    labels = [r.label for r in results]
    data = [[cells.get((label, code), 0.0) for code in course_order] for label in labels]
    return pd.DataFrame(data, index=pd.Index(labels, name="standard"), columns=pd.Index(course_order, name="course"))


def course_ranking(best: dict, results: list[StandardResult], curriculum: Framework) -> pd.DataFrame:
    """Courses that serve any requirement, most standards first, then most coverage, then cheapest."""
    order = {r.label: n for n, r in enumerate(results)}
    per_course: dict[str, dict] = {}
    for (label, course, _req), level in best.items():
        entry = per_course.setdefault(course, {"standards": set(), "covered": 0, "partial": 0})
        entry["standards"].add(label)
        entry[level] += 1
    rows, index = [], []
    for code, entry in per_course.items():
        course = curriculum.courses[code]
        coverage = entry["covered"] + 0.5 * entry["partial"]
        per_req = round(course.points / coverage, 1) if course.points and coverage else None
        labels = sorted(entry["standards"], key=order.__getitem__)
        index.append(code)
        rows.append([course.name, course.points, len(labels), entry["covered"], entry["partial"], coverage,
                     per_req, ", ".join(labels)])
    df = pd.DataFrame(rows, index=pd.Index(index, name="course"), columns=COURSE_COLUMNS)
    df["points"] = df["points"].astype("Int64")
    df["points_per_requirement"] = df["points_per_requirement"].astype("Float64")
    df = df.assign(_cost=df["points_per_requirement"].fillna(float("inf")))
    df = df.sort_values(["standards", "coverage", "_cost"], ascending=[False, False, True], kind="stable")
    return df.drop(columns="_cost")


@dataclass
class SharedUnit:
    """Content (one text or several) that serves requirements of two or more standards."""

    id: str
    texts: list[str]
    items: dict[str, str]  # item id -> course code
    requirements: list[tuple[str, str, str, str]]  # (standard label, requirement id, text, level)

    @property
    def standards(self) -> list[str]:
        return list(dict.fromkeys(label for label, *_ in self.requirements))


@dataclass
class GapGroup:
    """Gap requirements of one or more standards that share their words."""

    number: int
    terms: list[str]
    requirements: list[tuple[str, RequirementRow]]  # (standard label, requirement)

    @property
    def standards(self) -> list[str]:
        return list(dict.fromkeys(label for label, _ in self.requirements))


def find_shared_units(results: list[StandardResult]) -> list[SharedUnit]:
    """Candidate shared units, most standards first.

    Items with the same text (the catalog's copies in several courses) are one content; contents
    serving exactly the same requirements (at the same levels) are one unit.
    """
    texts = {r.label: {q.id: q.text for q in r.requirements} for r in results}
    by_content: dict[str, dict] = {}
    for res in results:
        for link in res.links:
            entry = by_content.setdefault(link.text, {"items": {}, "reqs": {}})
            entry["items"][link.item] = link.course
            key = (res.label, link.requirement)
            if entry["reqs"].get(key) != "covered":
                entry["reqs"][key] = link.level
    merged: dict[frozenset, dict] = {}
    for text, entry in by_content.items():
        if len({label for label, _ in entry["reqs"]}) < 2:
            continue
        unit = merged.setdefault(frozenset(entry["reqs"].items()), {"texts": [], "items": {}, "reqs": entry["reqs"]})
        unit["texts"].append(text)
        unit["items"].update(entry["items"])
    order = {r.label: n for n, r in enumerate(results)}
    units = []
    for n, unit in enumerate(sorted(merged.values(), key=lambda u: _unit_rank(u, order)), start=1):
        reqs = sorted(unit["reqs"].items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
        units.append(SharedUnit(f"D{n}", unit["texts"], dict(sorted(unit["items"].items())),
                                [(label, req, texts[label][req], level) for (label, req), level in reqs]))
    return units


def _unit_rank(unit: dict, order: dict[str, int]) -> tuple:
    standards = {label for label, _ in unit["reqs"]}
    covered = sum(1 for level in unit["reqs"].values() if level == "covered")
    first = min(order[label] for label in standards)
    return (-len(standards), -covered, -len(unit["reqs"]), first, sorted(unit["texts"]))


def shared_table(units: list[SharedUnit]) -> pd.DataFrame:
    """One row per (unit, requirement), so a planner can filter by standard or course."""
    rows = []
    for unit in units:
        common = [unit.id, len(unit.standards), len(unit.requirements), " | ".join(unit.texts),
                  ", ".join(unit.items), ", ".join(sorted(set(unit.items.values())))]
        rows.extend(common + [label, req, text, level] for label, req, text, level in unit.requirements)
    return pd.DataFrame(rows, columns=SHARED_COLUMNS)


def find_gap_groups(results: list[StandardResult]) -> list[GapGroup]:
    """Requirements no course covers (status gap), grouped across standards by shared words."""
    gaps = [(res.label, q) for res in results for q in res.requirements if q.status == "gap"]
    groups = themes.group([q.text for _, q in gaps])
    groups.sort(key=lambda g: (-len({gaps[i][0] for i in g[0]}), -len(g[0]), g[0][0]))
    return [GapGroup(n, words, [gaps[i] for i in members]) for n, (members, words) in enumerate(groups, start=1)]


def gap_table(groups: list[GapGroup]) -> pd.DataFrame:
    rows = [
        [g.number, len(g.standards), ", ".join(g.terms), label, req.id, req.area, req.text]
        for g in groups
        for label, req in g.requirements
    ]
    return pd.DataFrame(rows, columns=GAP_COLUMNS)
