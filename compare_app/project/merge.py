"""Three-way merge of two versions of one project (two people saved the same file).

Both versions started from a common *base* (the file as the person opened it).  The
merge is driven by :class:`Project`'s fields and their type hints, so a record type
added to the project later (decisions, candidates, …) is merged without changes here:

* a ``dict[str, X]`` field (e.g. ``reviews``: requirement id -> decision) is merged key
  by key: what only one side changed, added or removed is taken from that side;
* a ``list[X]`` field whose records have an ``id`` (e.g. ``units``) is merged record by
  record the same way, in our order with their new records after;
* any other field (title, scope, settings, the frameworks, the proposals) is one value.

When both sides changed the same record or value differently, ours is kept and the
clash is listed as a :class:`Conflict`, so the person sees which decisions differed;
the other version stays in the ``.bak`` file after the merged save.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from typing import Any

from ..alignment import Review
from .model import Project

_MISSING = object()


@dataclass(frozen=True)
class Conflict:
    """Both people changed the same thing differently: ``field`` (and ``key``, the record's id)."""

    field: str
    key: str = ""


@dataclass
class MergeResult:
    project: Project  # the merged project: a new object sharing the unchanged parts (the inputs are not modified)
    conflicts: list[Conflict]
    #: records and values taken from the other version (their additions, edits and removals)
    taken: list[Conflict]
    #: the file as merged with (a ``storage.Baseline``): save the merged project with it
    baseline: Any = None


def merge3(base: Project, ours: Project, theirs: Project, baseline: Any = None) -> MergeResult:
    """Merge ``ours`` and ``theirs``, both edited from ``base``; ours wins where both changed the same."""
    hints = typing.get_type_hints(Project)
    values: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    taken: list[Conflict] = []
    for f in dataclasses.fields(Project):
        if not f.init:
            continue
        b, o, t = (getattr(p, f.name) for p in (base, ours, theirs))
        kind = _kind(hints[f.name])
        if kind == "map" and all(isinstance(v, dict) for v in (b, o, t)):
            values[f.name] = _merge_records(f.name, b, o, t, conflicts, taken)
        elif kind == "records" and all(_ids_unique(v) for v in (b, o, t)):
            merged = _merge_records(f.name, _by_id(b), _by_id(o), _by_id(t), conflicts, taken)
            values[f.name] = list(merged.values())
        else:
            values[f.name] = _pick(f.name, "", b, o, t, conflicts, taken)
    return MergeResult(Project(**values), conflicts, taken, baseline)


def _kind(tp: Any) -> str:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is dict:
        return "map"
    if origin is list and args and dataclasses.is_dataclass(args[0]):
        if any(f.name == "id" for f in dataclasses.fields(args[0])):
            return "records"
    return "value"


def _ids_unique(records: Any) -> bool:
    if not isinstance(records, list):
        return False
    ids = [getattr(r, "id", None) for r in records]
    return all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids)


def _by_id(records: list) -> dict[str, Any]:
    return {r.id: r for r in records}


def _merge_records(name: str, base: dict, ours: dict, theirs: dict, conflicts: list, taken: list) -> dict:
    """Key-by-key merge; the result lists our keys in our order, then keys only they added."""
    merged: dict[str, Any] = {}
    for key in list(ours) + [k for k in theirs if k not in ours] + [k for k in base if k not in ours and k not in theirs]:
        if key in merged:
            continue
        value = _pick(name, key, base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING),
                      conflicts, taken)
        if value is not _MISSING:
            merged[key] = value
    return merged


def _pick(name: str, key: str, base: Any, ours: Any, theirs: Any, conflicts: list, taken: list) -> Any:
    if _same(ours, theirs) or _same(theirs, base):
        return ours
    if _same(ours, base):
        taken.append(Conflict(name, key))
        return theirs
    conflicts.append(Conflict(name, key))
    return ours


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if a is _MISSING or b is _MISSING:
        return False
    if isinstance(a, Review) and isinstance(b, Review):  # the same decision taken twice is no clash
        return _decision(a) == _decision(b)
    return a == b  # dataclasses, lists and dicts compare by value


def _decision(review: Review) -> Review:
    """The review without who took it and when."""
    return dataclasses.replace(review, decided_by="", decided_at="")


__all__ = ["Conflict", "MergeResult", "merge3"]
