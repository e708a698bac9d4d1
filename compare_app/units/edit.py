"""Edits of ``project.units``, each returning a snapshot for undo.

Every function changes ``project.units`` in place and returns the snapshot taken
*before* the change; ``restore(project, snapshot)`` puts it back.  The GUI wraps
a pair (edit, restore) in a QUndoCommand; the CLI and tests call them directly.

A locked unit only means "keep as is when units are proposed again"; a person
may still edit it by hand.
"""

from __future__ import annotations

import copy
from dataclasses import fields

from .model import Unit

Snapshot = list[Unit]

#: fields a person may set with :func:`set_fields`
EDITABLE = tuple(f.name for f in fields(Unit) if f.name not in ("id", "requirement_ids"))


def snapshot(project) -> Snapshot:
    return copy.deepcopy(project.units)


def restore(project, snap: Snapshot) -> None:
    """Put ``project.units`` back to a snapshot (the snapshot stays reusable for redo)."""
    project.units = copy.deepcopy(snap)


def find(project, unit_id: str) -> Unit:
    for unit in project.units:
        if unit.id == unit_id:
            return unit
    raise KeyError(unit_id)


def unit_of(project, requirement_id: str) -> Unit | None:
    """The unit holding a requirement (None when no unit does)."""
    for unit in project.units:
        if requirement_id in unit.requirement_ids:
            return unit
    return None


def new_id(project) -> str:
    taken = {u.id for u in project.units}
    n = len(project.units) + 1
    while f"E{n:02d}" in taken:
        n += 1
    return f"E{n:02d}"


def rename(project, unit_id: str, title: str) -> Snapshot:
    title = title.strip()
    if not title:
        raise ValueError("en enhet måste ha ett namn")
    snap = snapshot(project)
    find(project, unit_id).title = title
    return snap


def set_fields(project, unit_id: str, **values) -> Snapshot:
    """Set editable fields (level, assessment, prerequisites, notes, locked, EU fields ...)."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    snap = snapshot(project)
    unit = find(project, unit_id)
    for name, value in values.items():
        setattr(unit, name, value)
    return snap


def set_locked(project, unit_id: str, locked: bool = True) -> Snapshot:
    return set_fields(project, unit_id, locked=locked)


def split(project, unit_id: str, requirement_ids: list[str], title: str = "") -> Snapshot:
    """Move ``requirement_ids`` out of a unit into a new unit placed right after it."""
    unit = find(project, unit_id)
    moving = [rid for rid in unit.requirement_ids if rid in set(requirement_ids)]
    if not moving:
        raise ValueError("inga av de valda kraven finns i enheten")
    if len(moving) == len(unit.requirement_ids):
        raise ValueError("en delning måste lämna minst ett krav kvar")
    snap = snapshot(project)
    unit.requirement_ids = [rid for rid in unit.requirement_ids if rid not in set(moving)]
    part = Unit(id=new_id(project), title=title.strip() or f"{unit.title} (del 2)", requirement_ids=moving, level=unit.level)
    project.units.insert(project.units.index(unit) + 1, part)
    return snap


def merge(project, unit_ids: list[str], title: str = "") -> Snapshot:
    """Merge units into the first one named (requirements kept in order, the others removed)."""
    ids = list(dict.fromkeys(unit_ids))
    if len(ids) < 2:
        raise ValueError("välj minst två enheter att slå ihop")
    units = [find(project, uid) for uid in ids]
    snap = snapshot(project)
    target = units[0]
    for other in units[1:]:
        target.requirement_ids.extend(r for r in other.requirement_ids if r not in target.requirement_ids)
        project.units.remove(other)
    if title.strip():
        target.title = title.strip()
    return snap


def move(project, requirement_id: str, to_unit_id: str, index: int | None = None) -> Snapshot:
    """Move a requirement to another unit (or within one), at ``index`` (end when None).

    A requirement that was in no unit is simply added.  A unit left empty stays,
    so the person decides whether to delete it.
    """
    target = find(project, to_unit_id)
    snap = snapshot(project)
    source = unit_of(project, requirement_id)
    if source is not None:
        old = source.requirement_ids.index(requirement_id)
        source.requirement_ids.remove(requirement_id)
        if source is target and index is not None and index > old:
            index -= 1
    pos = len(target.requirement_ids) if index is None else max(0, min(index, len(target.requirement_ids)))
    target.requirement_ids.insert(pos, requirement_id)
    return snap


def add(project, title: str, requirement_ids: list[str] | None = None) -> Snapshot:
    """A new unit at the end, taking the given requirements out of their units."""
    snap = snapshot(project)
    unit = Unit(id=new_id(project), title=title.strip() or "Ny enhet")
    project.units.append(unit)
    for rid in requirement_ids or []:
        source = unit_of(project, rid)
        if source is not None and source is not unit:
            source.requirement_ids.remove(rid)
        unit.requirement_ids.append(rid)
    return snap


def unassign(project, requirement_ids: list[str]) -> Snapshot:
    """Take requirements out of their units (they are then in no unit)."""
    wanted = set(requirement_ids)
    if not any(wanted & set(u.requirement_ids) for u in project.units):
        raise ValueError("kraven ligger inte i någon enhet")
    snap = snapshot(project)
    for unit in project.units:
        unit.requirement_ids = [rid for rid in unit.requirement_ids if rid not in wanted]
    return snap


def unassigned(project) -> list[str]:
    """Requirements of the standard that no unit holds, in the standard's order."""
    held = {rid for u in project.units for rid in u.requirement_ids}
    return [it.id for it in project.standard.items if it.id not in held]


def delete(project, unit_id: str) -> Snapshot:
    """Remove a unit; its requirements are left without a unit."""
    snap = snapshot(project)
    project.units.remove(find(project, unit_id))
    return snap
