"""Proposing units: a first grouping of the standard's requirements a person then edits.

Two methods:

* ``area`` — one unit per competence area, in the standard's order;
* ``cluster`` — requirements whose covering content comes from the same courses
  go together, so each unit maps onto few courses; requirements nothing in scope
  covers are grouped by the outside course that would close them.

Proposing again keeps locked units exactly as they are and only regroups the
requirements that no locked unit holds.
"""

from __future__ import annotations

from collections import Counter

from .compute import closing_courses_for, counted_links, proposed_level
from .model import Unit

METHODS = ("area", "cluster")


def _requirements(project, requirement_ids: list[str] | None) -> list:
    items = project.standard.items
    if requirement_ids is None:
        return list(items)
    wanted = set(requirement_ids)
    return [it for it in items if it.id in wanted]


def _unit(n: int, title: str, items: list, taken: set[str]) -> Unit:
    uid = _free_id(n, taken)
    taken.add(uid)
    return Unit(id=uid, title=title, requirement_ids=[it.id for it in items], level=proposed_level(items))


def _free_id(n: int, taken: set[str]) -> str:
    while f"E{n:02d}" in taken:
        n += 1
    return f"E{n:02d}"


def propose_by_area(project, requirement_ids: list[str] | None = None, taken_ids: set[str] | None = None) -> list[Unit]:
    """One unit per competence area (requirements without an area go to "Övrigt")."""
    groups: dict[str, list] = {}
    for it in _requirements(project, requirement_ids):
        groups.setdefault(it.area or "Övrigt", []).append(it)
    taken = set(taken_ids or ())
    return [_unit(n, area, items, taken) for n, (area, items) in enumerate(groups.items(), 1)]


def requirement_courses(project, requirement_ids: list[str] | None = None) -> dict[str, Counter]:
    """Requirement id -> how many counted links it has in each course."""
    out: dict[str, Counter] = {}
    for it in _requirements(project, requirement_ids):
        eff = project.effective(it.id)
        counts: Counter = Counter()
        for item_id in counted_links(project, eff):
            item = project.curriculum.get(item_id)
            code = item.course if item is not None and item.course else item_id.split(":", 1)[0]
            counts[code] += 1
        out[it.id] = counts
    return out


def propose_by_cluster(
    project, requirement_ids: list[str] | None = None, taken_ids: set[str] | None = None
) -> list[Unit]:
    """Group requirements by the courses their content comes from.

    Each covered requirement starts in the group of its main course (the course
    with most of its counted links; ties go to the course used by more
    requirements overall).  A group of one is then moved into the group that
    shares most courses with it, when any does.  Requirements with no counted
    link are grouped by the course outside the scope that would close them
    (:func:`~compare_app.units.compute.closing_courses_for`); those no course
    would close form one unit per area titled as needing complementary training.
    Before the project is aligned there is nothing to cluster on: units per area.
    """
    if project.alignment is None:
        return propose_by_area(project, requirement_ids, taken_ids)  # no content links to cluster on yet
    items = _requirements(project, requirement_ids)
    per_req = requirement_courses(project, [it.id for it in items])
    popularity: Counter = Counter()
    for counts in per_req.values():
        popularity.update(set(counts))

    groups: dict[str, list] = {}  # main course -> items
    uncovered: dict[str, list] = {}  # area -> items
    for it in items:
        counts = per_req[it.id]
        if not counts:
            uncovered.setdefault(it.area or "Övrigt", []).append(it)
            continue
        main = max(sorted(counts), key=lambda c: (counts[c], popularity[c]))
        groups.setdefault(main, []).append(it)
    _absorb_singletons(groups, per_req)

    taken = set(taken_ids or ())
    units: list[Unit] = []
    order = {it.id: n for n, it in enumerate(project.standard.items)}
    for code, members in sorted(groups.items(), key=lambda kv: min(order[it.id] for it in kv[1])):
        units.append(_unit(len(units) + 1, _cluster_title(project, code, members), members, taken))
    for title, members in _complementary_groups(project, [it for group in uncovered.values() for it in group]):
        units.append(_unit(len(units) + 1, title, members, taken))
    return units


def _complementary_groups(project, items: list) -> list[tuple[str, list]]:
    """Requirements nothing in scope covers, grouped by the outside course that would close them.

    A course closing at least two of them makes a unit; the rest stay together per area.
    """
    if not items:
        return []
    by_id = {it.id: it for it in items}
    groups: list[tuple[str, list]] = []
    placed: set[str] = set()
    for code, rids in closing_courses_for(project, list(by_id)):
        if len(rids) < 2:
            continue  # one requirement per course would splinter the units; keep it with its area
        course = project.curriculum.courses.get(code)
        groups.append((f"Komplettering: {course.name if course else code}", [by_id[r] for r in rids]))
        placed.update(rids)
    rest: dict[str, list] = {}
    for it in items:
        if it.id not in placed:
            rest.setdefault(it.area or "Övrigt", []).append(it)
    groups += [(f"{area} – kräver komplettering", members) for area, members in rest.items()]
    return groups


def _absorb_singletons(groups: dict[str, list], per_req: dict[str, Counter]) -> None:
    """Move each one-requirement group into the group sharing most courses with it."""
    for code in [c for c, members in groups.items() if len(members) == 1]:
        if len(groups) < 2 or code not in groups or len(groups[code]) != 1:
            continue
        lone = groups[code][0]
        mine = set(per_req[lone.id])
        best, best_overlap = None, 0
        for other, members in groups.items():
            if other == code:
                continue
            theirs = set().union(*(per_req[m.id] for m in members)) | {other}
            overlap = len(mine & theirs)
            if overlap > best_overlap:
                best, best_overlap = other, overlap
        if best is not None:
            groups[best].append(lone)
            del groups[code]


def _cluster_title(project, code: str, members: list) -> str:
    """The main course's name, prefixed by the area when all members share one."""
    course = project.curriculum.courses.get(code)
    name = course.name if course is not None else code
    areas = {it.area for it in members if it.area}
    return f"{areas.pop()}: {name}" if len(areas) == 1 else name


def propose(project, method: str = "area", requirement_ids: list[str] | None = None, taken_ids=None) -> list[Unit]:
    if method == "area":
        return propose_by_area(project, requirement_ids, taken_ids)
    if method == "cluster":
        return propose_by_cluster(project, requirement_ids, taken_ids)
    raise ValueError(f"okänd metod för enheter: {method!r} (välj {', '.join(METHODS)})")


def ensure_units(project, method: str = "area", *, replace: bool = False) -> list[Unit]:
    """Fill ``project.units`` when empty (or when ``replace``), keeping locked units.

    Unlocked units are proposed again over the requirements no locked unit holds;
    locked units come first, unchanged.  Returns ``project.units``.
    """
    if project.units and not replace:
        return project.units
    locked = [u for u in project.units if u.locked]
    held = {rid for u in locked for rid in u.requirement_ids}
    free = [it.id for it in project.standard.items if it.id not in held]
    fresh = propose(project, method, free, {u.id for u in locked}) if free else []
    project.units = locked + fresh
    return project.units
