"""The hand-written language resources of the matcher, read from ``resources/lang/``.

* ``stopwords_sv.txt`` — one word a line;
* ``abbreviations_sv.txt`` — ``ABBR = expansion`` (matched case-sensitively, so
  "MAG" expands and the word "mag" does not);
* ``thesaurus_sv.txt`` — general vocational knowledge, two kinds of line:
  ``syn: a, b, c`` (interchangeable terms) and ``gen: broad <- narrow1, narrow2``
  (``narrow`` is a kind or an example of ``broad``, and so also of each synonym of ``broad``).

Lines starting with ``#`` are comments.  Terms are matched through their keys
(stem of lemma, see :mod:`normalise`), so inflected forms need not be listed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..paths import resource_path

#: weight of a bridged key relative to the original term
W_SYNONYM, W_BROADER, W_NARROWER = 1.0, 0.6, 0.45


@dataclass
class Relation:
    key: str
    surface: str  # the thesaurus word, for evidence when the item's own word is unknown
    bridge: str  # synonym | broader
    weight: float


@dataclass
class Lexicon:
    stopwords: frozenset[str]
    abbreviations: dict[str, str]
    #: raw thesaurus relations between lower-case words: word -> [(word, bridge, weight)]
    relations: dict[str, list[tuple[str, str, float]]] = field(default_factory=dict)
    #: words known from the resources, trusted as compound parts
    extra_words: frozenset[str] = frozenset()
    digest: str = ""

    def abbreviation(self, surface: str) -> str | None:
        """The expansion of ``surface`` when it is a listed abbreviation, written as listed."""
        return self.abbreviations.get(surface)


def lang_dir() -> Path:
    return resource_path("lang")


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=4)
def load_lexicon(folder: Path | None = None) -> Lexicon:
    folder = folder or lang_dir()
    # Every abbreviations_*.txt and thesaurus_*.txt is read (in name order), so a field's
    # vocabulary can live in a file of its own.
    abbr_files = sorted(folder.glob("abbreviations_*.txt"))
    thesaurus_files = sorted(folder.glob("thesaurus_*.txt"))
    digest = hashlib.sha256(repr((W_SYNONYM, W_BROADER, W_NARROWER, "synonym-closed gen")).encode())
    for p in [folder / "stopwords_sv.txt", *abbr_files, *thesaurus_files]:
        digest.update(p.name.encode() + (p.read_bytes() if p.is_file() else b""))
    stop = frozenset(w.lower() for w in _lines(folder / "stopwords_sv.txt"))
    abbr: dict[str, str] = {}
    for line in (line for p in abbr_files for line in _lines(p)):
        short, _, long = line.partition("=")
        if long.strip():
            abbr[short.strip()] = long.strip()
    relations: dict[str, list[tuple[str, str, float]]] = {}
    words: set[str] = set()

    def add(a: str, b: str, bridge: str, w: float) -> None:
        if a != b:
            relations.setdefault(a, []).append((b, bridge, w))

    synonyms: dict[str, set[str]] = {}
    generic: list[tuple[str, list[str]]] = []
    for line in (line for p in thesaurus_files for line in _lines(p)):
        kind, _, body = line.partition(":")
        kind = kind.strip().lower()
        if kind == "syn":
            group = [t.strip().lower() for t in body.split(",") if t.strip()]
            words.update(group)
            for a in group:
                synonyms.setdefault(a, set()).update(group)
                for b in group:
                    add(a, b, "synonym", W_SYNONYM)
        elif kind == "gen":
            broad, _, narrow = body.partition("<-")
            broad = broad.strip().lower()
            narrows = [t.strip().lower() for t in narrow.split(",") if t.strip()]
            words.add(broad)
            words.update(narrows)
            generic.append((broad, narrows))
    for broad, narrows in generic:
        # a narrower term is also narrower than every synonym of its broad term:
        # kardanaxel -> drivlina, and drivlina ~ kraftöverföring, so kardanaxel -> kraftöverföring
        for b in sorted(synonyms.get(broad, set()) | {broad}):
            for n in narrows:
                add(n, b, "broader", W_BROADER)
                add(b, n, "broader", W_NARROWER)
    words.update(v.lower() for v in abbr.values())
    return Lexicon(stop, abbr, relations, frozenset(w for w in words if " " not in w), digest.hexdigest()[:16])
