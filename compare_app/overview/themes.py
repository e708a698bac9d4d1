"""Group requirements of several standards by the words they share (the gap table's groups).

Two requirements are linked when the rarity-weighted overlap of their content words (lemmas
of words of four letters or more, stop words left out) reaches :data:`MIN_SIMILARITY`; a group
is a connected set of links. Rarity is counted over the requirements being grouped, so words
every requirement uses ("kunna", "arbete") weigh little. Deterministic and cheap: a few
hundred requirements group in milliseconds.
"""

from __future__ import annotations

import math
import re
from collections import Counter

#: cosine of the idf-weighted word sets at which two requirements belong together
MIN_SIMILARITY = 0.3
MIN_WORD = 4
_WORD = re.compile(r"[^\W\d_]+")


def group(texts: list[str]) -> list[tuple[list[int], list[str]]]:
    """Indexes of ``texts`` in groups, largest first, each with its most shared words."""
    bags = [_words(t) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(texts)
    weights = [{w: math.log((1 + n) / (1 + df[w])) + 1 for w in bag} for bag in bags]
    norms = [math.sqrt(sum(v * v for v in w.values())) or 1.0 for w in weights]
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_word: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for w in bag:
            by_word.setdefault(w, []).append(i)
    for i in range(n):
        neighbours = {j for w in bags[i] for j in by_word[w] if j > i}
        for j in neighbours:
            dot = sum(weights[i][w] * weights[j][w] for w in bags[i] & bags[j])
            if dot / (norms[i] * norms[j]) >= MIN_SIMILARITY:
                parent[root(j)] = root(i)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(root(i), []).append(i)
    groups = [(idx, _shared_words(idx, bags)) for idx in members.values()]
    groups.sort(key=lambda g: (-len(g[0]), g[0][0]))
    return groups


def _shared_words(indexes: list[int], bags: list[frozenset[str]], limit: int = 3) -> list[str]:
    """The words most of the group's requirements use (ties: alphabetical)."""
    counts = Counter(w for i in indexes for w in bags[i])
    common = [w for w, c in counts.items() if c > 1 or len(indexes) == 1]
    common.sort(key=lambda w: (-counts[w], -len(w), w))
    return common[:limit]


def _words(text: str) -> frozenset[str]:
    """The text's content words as lemmas, with the matcher's lemmatiser and stop words."""
    from ..align.lexicon import load_lexicon
    from ..align.normalise import lemma

    stop = load_lexicon().stopwords
    out = set()
    for word in _WORD.findall(text.lower()):
        if len(word) >= MIN_WORD and word not in stop:
            base = lemma(word)
            if base not in stop:
                out.add(base)
    return frozenset(out)
