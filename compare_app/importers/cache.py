"""A curriculum source is parsed once: the parsed framework is kept by the source's content hash.

Parsing the national archive (1,074 courses in ~300 XML files, with HTML inside)
takes seconds; reading the parsed result back takes a fraction of one. The key is
the sha256 of the source's bytes (for a folder: of every XML file in it), the
file's name (it is the framework's title) and a fingerprint of the importers'
own code, so an edited or replaced source, or a changed importer, is parsed
afresh and never answered from an old file. The files live beside the matcher's
index in the user cache folder, with the same pruning (:mod:`compare_app.cache_files`).
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .. import __version__, cache_files
from ..model import Framework, sha256_file
from ..progress import STAGE_READ, Progress, report

CACHE_KIND = "framework"


def cached(path: Path, read: Callable[[], Framework], progress: Progress | None = None) -> Framework:
    """``read()``'s framework for the source at ``path``, from the cache when the source is unchanged."""
    key = source_key(path)
    if key is None:  # unreadable: the importer says why
        return read()
    fw = cache_files.load(CACHE_KIND, key)
    if isinstance(fw, Framework):
        report(progress, 1, 1, f"{STAGE_READ}: {path.name} (sparad tolkning)")
        for source in fw.sources:  # the same bytes may have moved since they were parsed
            source.path = str(path)
        return fw
    fw = read()
    cache_files.store(CACHE_KIND, key, fw)
    return fw


def source_key(path: Path) -> str | None:
    """A hash of everything the parsed framework depends on, or None when the source cannot be read."""
    h = hashlib.sha256(f"{_code_fingerprint()}|{path.name}|".encode())
    try:
        if path.is_dir():
            from .skolverket_xml import folder_files

            for f in folder_files(path):
                h.update(f"{f.relative_to(path).as_posix()}\0".encode())
                h.update(sha256_file(f).encode())
        else:
            h.update(sha256_file(path).encode())
    except OSError:
        return None
    return h.hexdigest()[:32]


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """The importers' and the model's source code (a checkout or install), else the app version
    and the executable's date (a frozen bundle, whose code changes only with a new build)."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    try:
        sources = sorted(package.glob("*.py"))
        for f in [*sources, package.parent / "model.py"] if sources else [Path(sys.executable)]:
            h.update(f.read_bytes() if sources else str(f.stat().st_mtime_ns).encode())
    except OSError:  # cannot tell the code apart: never reuse a parse across processes
        h.update(str(id(h)).encode())
    return h.hexdigest()[:16]
