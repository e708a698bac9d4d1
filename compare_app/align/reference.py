"""Word and n-gram document frequencies of the national catalog, shipped as a reference.

A small curriculum (a school's own course texts, a sample) gives poor rarity
statistics: with 34 items every word is "rare" or "common" in coarse steps, and the
matcher's scores come out on a different scale than over the national catalog the
fusion constants were fitted on.  With this reference a small curriculum is weighed
as if its items were part of the national catalog (document frequencies added), so
a score means the same whatever curriculum is loaded.

The file holds only counts (key or character n-gram -> number of central-content
items using it), no text.  ``benchmarks/align_quality.py --write-reference`` makes it
from the Skolverket archive.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

PATH = Path(__file__).with_name("reference_df.json.gz")
#: a curriculum with at least this share of the reference's items uses its own statistics
OWN_SHARE = 0.5


@dataclass(frozen=True)
class Reference:
    n: int
    keys: dict[str, int]
    ngrams: dict[str, int]
    digest: str


@lru_cache(maxsize=1)
def file_digest(path: Path = PATH) -> str:
    """A hash of the reference file ("" when it is missing): what an index built with it depends on,
    known without parsing the file (a run whose index is cached never needs the counts)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


@lru_cache(maxsize=1)
def load_reference(path: Path = PATH) -> Reference | None:
    """The shipped reference, or None when it is missing or unreadable (then each curriculum is on its own)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return Reference(int(data["n"]), dict(data["keys"]), dict(data["ngrams"]), str(data.get("digest", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def idf(df: np.ndarray, n: int, names: dict[str, int], ref_counts: dict[str, int] | None, ref_n: int) -> np.ndarray:
    """Smoothed idf of each column; with reference counts, as if the items were added to the reference corpus."""
    if ref_counts is None or n >= OWN_SHARE * ref_n:
        return np.log((n + 1) / (df + 1)) + 1.0
    extra = np.zeros(len(names))
    for name, col in names.items():
        extra[col] = ref_counts.get(name, 0)
    return np.log((n + ref_n + 1) / (df + extra + 1)) + 1.0


def write_reference(n: int, keys: dict[str, int], key_df: np.ndarray, ngrams: dict[str, int], ngram_df: np.ndarray,
                    digest: str, path: Path = PATH) -> None:
    data = {
        "n": n,
        "digest": digest,
        "keys": {k: int(key_df[c]) for k, c in keys.items() if key_df[c] > 0},
        "ngrams": {g: int(ngram_df[c]) for g, c in ngrams.items() if ngram_df[c] > 0},
    }
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    load_reference.cache_clear()
    file_digest.cache_clear()
