"""Replacing a file so that nobody ever sees half of it, and nothing is lost on failure.

Every file the app writes (projects, recovery copies, Word/Excel/JSON/CASE exports)
goes through :func:`replace_file`:

* the new content is written to a temporary file beside the target (same folder, so
  the final rename never crosses drives), flushed and fsync'ed;
* the temporary file gets the mode of the file it replaces (colleagues on a shared
  drive keep their access) or, for a new file, the ordinary mode the umask gives;
* a target that is a symbolic link is followed: the file it points to is replaced
  and the link stays a link;
* an optional ``check`` reads the temporary file back before anything is replaced;
* ``os.replace`` swaps it in (retried briefly: a virus scanner may hold the file);
* on any failure the temporary file is removed and an ``OSError`` becomes an
  :class:`InputError` naming the file and the problem (a full disk says so), so the
  CLI exits 2 with a message instead of an internal error.
"""

from __future__ import annotations

import errno
import os
import stat
import time
import uuid
from pathlib import Path
from typing import Callable

from .errors import InputError

_CHUNK = 1024 * 1024
_REPLACE_ATTEMPTS = 6
TEMP_SUFFIX = ".tmp"


def replace_file(path: str | Path, write: Callable[[Path], None], *, check: Callable[[Path], None] | None = None,
                 before_replace: Callable[[], None] | None = None, mode_of: Path | None = None,
                 make_folder: bool = True, what: str = "filen skrevs inte") -> Path:
    """Write a new version of ``path`` with ``write(temporary path)`` and swap it in atomically.

    ``check(temporary path)`` may raise to refuse what was written; ``before_replace``
    runs just before the swap (e.g. to keep a backup).  The new file gets the mode of
    ``mode_of`` (default: the file it replaces).  ``make_folder``: create a missing
    folder (an export) rather than fail (a project: a folder that vanished from a network
    drive is a problem to report, not to paper over).  ``what`` ends the error
    message ("projektet sparades inte").  Returns the file actually written (the
    target of a symbolic link).
    """
    target = real_target(Path(path))
    if make_folder:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(path, exc, what) from None
    tmp = new_temp(target, what)
    try:
        try:
            write(tmp)
            _fsync_file(tmp)
            keep_mode(mode_of or target, tmp)
        except OSError as exc:
            raise write_error(path, exc, what) from None
        if check is not None:
            check(tmp)
        if before_replace is not None:
            before_replace()
        replace(tmp, target, what)
    except BaseException:
        remove_quietly(tmp)
        raise
    fsync_dir(target.parent)
    return target


def write_bytes(path: str | Path, data: bytes, *, check: Callable[[Path], None] | None = None,
                before_replace: Callable[[], None] | None = None, mode_of: Path | None = None,
                make_folder: bool = True, what: str = "filen skrevs inte") -> Path:
    """:func:`replace_file` for content already in memory."""
    return replace_file(path, lambda tmp: _write_all(tmp, data), check=check, before_replace=before_replace,
                        mode_of=mode_of, make_folder=make_folder, what=what)


def write_text(path: str | Path, text: str, *, what: str = "filen skrevs inte") -> Path:
    """UTF-8 text, atomically. A lone surrogate (never valid in a file) becomes U+FFFD instead of failing."""
    return write_bytes(path, text.encode("utf-8", errors="replace"), what=what)


def real_target(path: Path) -> Path:
    """The file a path names: a symbolic link is followed so the link itself survives the save."""
    try:
        if path.is_symlink():
            return Path(os.path.realpath(path))
    except OSError:
        pass
    return path


def temp_pattern(target: Path) -> str:
    """Glob pattern of the temporary files :func:`new_temp` creates for ``target``."""
    escaped = "".join(f"[{c}]" if c in "*?[]" else c for c in target.name)
    return f".{escaped}.*{TEMP_SUFFIX}"


def new_temp(target: Path, what: str = "filen skrevs inte") -> Path:
    """Create an empty temporary file beside ``target`` (mode from the umask, like any new file)."""
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
    for _ in range(10):
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:10]}{TEMP_SUFFIX}")
        try:
            os.close(os.open(tmp, flags, 0o666))
            return tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise write_error(target, exc, what) from None
    raise InputError(target, f"kunde inte skapa en temporär fil; {what}")


def keep_mode(original: Path, tmp: Path) -> None:
    """Give ``tmp`` the permission bits (and, where allowed, the group) of ``original`` if it exists."""
    try:
        st = original.stat()
    except OSError:
        return
    try:
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
    except OSError:  # a share or FAT disk that keeps no modes: the save must not fail for it
        pass
    if hasattr(os, "chown"):
        try:
            os.chown(tmp, -1, st.st_gid)
        except OSError:
            pass


def replace(src: Path, dst: Path, what: str = "filen skrevs inte") -> None:
    """``os.replace`` with a few retries: on Windows a virus scanner may hold the file briefly."""
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(src, dst)
            return
        except PermissionError as exc:
            if attempt == _REPLACE_ATTEMPTS - 1:
                raise write_error(dst, exc, what) from None
            time.sleep(0.05 * (attempt + 1))
        except OSError as exc:
            raise write_error(dst, exc, what) from None


def fsync_dir(folder: Path) -> None:
    """Make a rename durable where the platform allows syncing a directory (not Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def write_error(path: str | Path, exc: OSError, what: str = "filen skrevs inte") -> InputError:
    """An ``OSError`` from writing as a message a person can act on."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        problem = f"disken är full, {what}; frigör utrymme eller spara på en annan plats"
    elif (isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM)) and Path(path).exists():
        # on Windows the usual cause: the file is open in Excel or Word, which locks it
        problem = f"filen går inte att ersätta, {what}; den kan vara öppen i ett annat program (Excel, Word): stäng den och försök igen"
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        problem = f"saknar behörighet att skriva här, {what}; spara på en annan plats"
    else:
        problem = f"kunde inte sparas ({exc.strerror or exc}); {what}"
    return InputError(path, problem)


def _write_all(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view[:_CHUNK])
            if written <= 0:
                raise OSError(errno.EIO, "skrivningen avbröts")
            view = view[written:]
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    """Flush what was written (by us or by a library through its own file object) to the disk."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
