"""User preferences (QSettings, INI format so they look the same on every platform)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..paths import APP_AUTHOR, APP_NAME

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)


def language() -> str:
    return str(settings().value("language", "sv"))


def set_language(lang: str) -> None:
    settings().setValue("language", lang)


def author() -> str:
    return str(settings().value("author", ""))


def set_author(name: str) -> None:
    settings().setValue("author", name)


def recent_projects() -> list[Path]:
    value = settings().value("recent", [])
    if isinstance(value, str):
        value = [value] if value else []
    return [Path(v) for v in value or []]


def add_recent(path: Path) -> list[Path]:
    paths = [Path(path)] + [p for p in recent_projects() if p != Path(path)]
    paths = paths[:MAX_RECENT]
    settings().setValue("recent", [str(p) for p in paths])
    return paths
