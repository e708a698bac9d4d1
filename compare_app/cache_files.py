"""Results kept between runs in the user's cache folder, keyed by a hash of what they depend on.

Each *kind* of result (the parsed curriculum, the matcher's index) is a pickle named
``<kind>-<key>.pkl`` under :func:`compare_app.paths.user_cache_dir`. The key is a
hash of everything the result depends on, so a changed input simply has another
key and is never answered from an old file. Files are written atomically, a
damaged or foreign file is ignored (and rebuilt by the caller), and per kind only
the :data:`KEEP` most recently used files stay. A cache that cannot be read or
written only costs speed.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

from . import atomic
from .paths import user_cache_dir

#: files kept per kind (one per curriculum source in use; an index of the national catalog is ~30 MB)
KEEP = 3


def path_for(kind: str, key: str) -> Path:
    return user_cache_dir() / f"{kind}-{key}.pkl"


def load(kind: str, key: str) -> Any | None:
    """The cached result, or None when there is none or it cannot be read."""
    try:
        path = path_for(kind, key)
        with path.open("rb") as fh:
            value = pickle.load(fh)
    except Exception:  # absent, damaged, written by another version, or no cache folder: rebuilt, never trusted
        return None
    try:
        os.utime(path)  # marks it recently used, so pruning keeps it
    except OSError:
        pass
    return value


def store(kind: str, key: str, value: Any, keep: int = KEEP) -> None:
    """Write ``value`` for ``key`` (atomically) and prune the kind to the ``keep`` most recently used."""
    try:
        path = path_for(kind, key)
    except OSError:  # no cache folder can be made (a locked-down profile): nothing is kept
        return
    tmp = None
    try:
        tmp = atomic.new_temp(path)  # a unique name: two threads may cache the same key at once
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        atomic.replace(tmp, path)  # with the retries a virus scanner on Windows may need
    except Exception:  # a cache that cannot be written only costs speed next time
        if tmp is not None:
            atomic.remove_quietly(tmp)
        return
    prune(path.parent, kind, keep=path, limit=keep)


def prune(folder: Path, kind: str, keep: Path, limit: int = KEEP) -> None:
    """Keep only the ``limit`` most recently used files of ``kind`` in ``folder`` (always ``keep``)."""
    files = []
    for f in folder.glob(f"{kind}-*.pkl"):
        try:
            files.append((f.stat().st_mtime, f))
        except OSError:  # removed meanwhile by another process
            continue
    files.sort(reverse=True)
    for _, old in [(t, f) for t, f in files if f != keep][limit - 1 :]:
        try:
            old.unlink()
        except OSError:
            pass
