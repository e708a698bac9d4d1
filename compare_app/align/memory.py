"""Learning across projects: the term pairs a person's accepted links taught, kept per user.

Within a project, accepted and hand-made links teach term pairs (:mod:`feedback`).
This store keeps the pairs each saved project taught in the user's data folder, so
a new project can start from what earlier reviews taught. The pairs act as a bridge
named ``memory``, weaker than a project's own (:data:`WEIGHT` times, fully when two
or more projects taught the same pair, half when one did). A project's contribution
is replaced each time it is saved, so a decision taken back is forgotten too.

Only matching keys are stored (word stems such as ``tecken`` -> ``kommunikationssätt``),
with the project's id and the date: no requirement, course or project text. A store
that cannot be read is treated as empty and rewritten on the next save; a store that
cannot be written only costs the learning.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from ..paths import user_data_dir

SCHEMA = "compare-app/learned-pairs@1"
FILE_NAME = "learned_pairs.json"
#: weight of a remembered pair relative to a pair learned in the project itself
WEIGHT = 0.5
#: projects kept (the most recently saved), and pairs kept per project
MAX_PROJECTS, MAX_PAIRS = 100, 5000
#: a store larger than this is not read (it cannot have been written by this module)
MAX_BYTES = 20 * 1024 * 1024


def store_path() -> Path:
    return user_data_dir() / FILE_NAME


def remember(project, path: Path | None = None) -> int:
    """Store the term pairs ``project``'s decisions teach, replacing its earlier contribution.

    Returns the number of pairs stored for it. Raises ``OSError`` when the store cannot
    be written (callers tell the user and go on).
    """
    from .feedback import read_feedback
    from .index import get_index

    path = path or store_path()
    index = get_index(project.curriculum)
    learned = read_feedback(index, project.standard, project.curriculum, project.reviews).learned
    pairs = sorted([rk, ik] for rk, targets in learned.items() for ik in targets)[:MAX_PAIRS]
    projects = _read(path)
    projects.pop(project.id, None)
    if pairs:
        projects[project.id] = {"saved": datetime.now(timezone.utc).isoformat(timespec="seconds"), "pairs": pairs}
    newest = sorted(projects.items(), key=lambda kv: kv[1]["saved"], reverse=True)[:MAX_PROJECTS]
    _write(path, dict(newest))
    return len(pairs)


def recall(exclude: str | None = None, path: Path | None = None) -> dict[str, dict[str, float]]:
    """Requirement key -> item key -> weight, from every stored project except ``exclude``."""
    counts: dict[tuple[str, str], int] = {}
    for project_id, entry in _read(path or store_path()).items():
        if project_id == exclude:
            continue
        for rk, ik in entry["pairs"]:
            counts[(rk, ik)] = counts.get((rk, ik), 0) + 1
    out: dict[str, dict[str, float]] = {}
    for (rk, ik), n in counts.items():
        out.setdefault(rk, {})[ik] = WEIGHT * min(1.0, n / 2)
    return out


def _read(path: Path) -> dict[str, dict]:
    """The stored projects; empty when the file is missing, too large or not what this module writes."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or not isinstance(doc.get("projects"), dict):
        return {}
    out = {}
    for project_id, entry in doc["projects"].items():
        if _valid(entry):
            out[str(project_id)] = {"saved": entry["saved"], "pairs": [list(p) for p in entry["pairs"]]}
    return out


def _valid(entry) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("saved"), str)
        and isinstance(entry.get("pairs"), list)
        and all(isinstance(p, list) and len(p) == 2 and all(isinstance(k, str) for k in p) for p in entry["pairs"])
    )


def _write(path: Path, projects: dict[str, dict]) -> None:
    """Write beside and replace, so a crash leaves the old store or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps({"schema": SCHEMA, "projects": projects}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
