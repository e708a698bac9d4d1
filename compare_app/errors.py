"""Errors the user can act on, as opposed to bugs."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file could not be used. The message names the file and the problem in one line.

    The CLI prints it and exits 2; the GUI shows it in a dialog. Importers raise this
    (never a bare ``KeyError`` or a parser's own exception) for anything a user's
    file can cause.
    """

    def __init__(self, path: str | Path | None, problem: str):
        self.path = str(path) if path is not None else ""
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


def unreadable(exc: OSError) -> str:
    """Why a file could not be read, in Swedish (the system's own words only for rare errors)."""
    if isinstance(exc, FileNotFoundError):
        return "filen finns inte"
    if isinstance(exc, PermissionError):
        return "du saknar behörighet att läsa filen"
    if isinstance(exc, IsADirectoryError):
        return "är en mapp, inte en fil"
    return f"kan inte läsas ({exc.strerror or exc})"


class Cancelled(Exception):
    """Raised inside long work when the user pressed cancel."""
