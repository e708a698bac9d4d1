"""Autosave of unsaved work, and restoring it after a crash.

The GUI calls :func:`autosave` every minute while a project has unsaved changes.
Each project (by its id) has one recovery file in ``user_data_dir()/recovery``,
written with the same atomic writer as a normal save, so a crash during an autosave
leaves the previous autosave intact.  :func:`storage.save` removes the file: after a
normal save there is nothing to recover.  On start the GUI asks :func:`pending` and
offers to :func:`restore` or :func:`discard` each entry.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..alignment import now_iso
from ..errors import InputError
from ..paths import user_data_dir
from .model import Project

SUFFIX = ".cmprec"
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True)
class RecoveryEntry:
    """One restorable piece of unsaved work."""

    path: Path  # the recovery file
    project_id: str
    title: str
    saved_at: datetime  # when it was autosaved (timezone-aware, UTC)
    original_path: str | None  # the project file it belongs to; None for a never-saved project


def recovery_dir() -> Path:
    folder = user_data_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_for(project_id: str) -> Path:
    """The recovery file of a project id (ids from files are sanitised before use as names)."""
    name = project_id if _SAFE_ID.fullmatch(project_id) else hashlib.sha1(project_id.encode("utf-8", "surrogatepass")).hexdigest()
    return recovery_dir() / f"{name}{SUFFIX}"


def autosave(project: Project, project_path: str | Path | None) -> Path:
    """Write ``project`` to its recovery file; returns that file.

    Raises :class:`InputError` when the recovery folder cannot be written (full disk);
    the GUI should show that without interrupting the user.
    """
    from .storage import write_project_file

    target = file_for(project.id)
    meta = {"original_path": str(project_path) if project_path else None, "autosaved_at": now_iso()}
    write_project_file(project, target, backup=False, extra_manifest={"recovery": meta}, reload=False)
    return target


def pending() -> list[RecoveryEntry]:
    """Restorable work, newest first. Unreadable recovery files are left alone and not listed."""
    from .storage import read_manifest

    entries = []
    for path in recovery_dir().glob(f"*{SUFFIX}"):
        try:
            manifest = read_manifest(path)
            entries.append(_entry(path, manifest))
        except (InputError, OSError):
            continue
    entries.sort(key=lambda e: e.saved_at, reverse=True)
    return entries


def restore(entry: RecoveryEntry) -> Project:
    """The project as it was autosaved. The recovery file stays until saved or discarded.

    Raises :class:`InputError` when the file was damaged after :func:`pending` listed it.
    """
    from .storage import read_project_file

    project, _info = read_project_file(entry.path)
    return project


def discard(entry: RecoveryEntry) -> None:
    entry.path.unlink(missing_ok=True)


def clear(project_id: str) -> None:
    """Remove a project's recovery file (after a normal save). Never raises for a missing file."""
    try:
        file_for(project_id).unlink(missing_ok=True)
    except OSError:
        pass


def _entry(path: Path, manifest: dict) -> RecoveryEntry:
    meta = manifest.get("recovery") if isinstance(manifest.get("recovery"), dict) else {}
    original = meta.get("original_path")
    return RecoveryEntry(
        path=path,
        project_id=str(manifest.get("project_id", "")),
        title=str(manifest.get("title", "")),
        saved_at=_parse_time(meta.get("autosaved_at"), path),
        original_path=original if isinstance(original, str) and original else None,
    )


def _parse_time(value: object, path: Path) -> datetime:
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
