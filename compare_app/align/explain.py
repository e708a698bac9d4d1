"""Step 5 of the pipeline: why an item was proposed, as :class:`Evidence` the GUI can highlight.

Each piece of evidence pairs a word of the requirement with a word of the item
(both as written in the texts) and names the bridge that joined them:
``exact`` (same word), ``lemma`` (same base form), ``compound`` (a part of a
compound), ``abbreviation``, ``synonym``/``broader`` (thesaurus), ``association``
(learned from the curriculum), ``feedback`` (learned from accepted links),
``fuzzy`` (similar spelling) or ``context`` (the item's course name or section);
``domain`` evidence (the item's subject fits the rest of the standard) is added by
the alignment run itself, see :mod:`domain`.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ..alignment import Evidence
from .index import CorpusIndex
from .normalise import Normaliser, key
from .score import Query

MAX_EVIDENCE = 6
THESAURUS_BRIDGES = ("synonym", "broader")
FUZZY_MIN, FUZZY_PREFIX = 85, 5


def evidence(index: CorpusIndex, query: Query, row: int, item_text: str) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[str] = set()
    for k, item_surface in index.surfaces[row].items():
        origin = query.expanded.get(k)
        if origin is None:
            continue
        bridge = origin.bridge
        if bridge in THESAURUS_BRIDGES and not _whole_words(origin, k, item_surface):
            continue  # the relation joins parts of these words, not the words: saying "≈" would mislead
        if bridge == "lemma":
            if origin.req_term.lower() == item_surface.lower():
                bridge = "exact"
            elif key(item_surface.lower()) != k and "-" not in item_surface:
                bridge = "compound"
        weight = round(float(origin.weight * index.idf[index.keys[k]]), 3)
        out.append(Evidence(origin.req_term, item_surface, bridge, weight))
        seen.update((origin.req_term.lower(), item_surface.lower()))
    out.extend(_fuzzy(query, item_text, seen | index.normaliser.lexicon.stopwords))
    for k, ctx_surface in index.context_surfaces[row].items():
        origin = query.own.get(k)
        if origin is not None and ctx_surface.lower() not in seen:
            out.append(Evidence(origin.req_term, ctx_surface, "context", round(0.3 * float(index.idf[index.keys[k]]), 3)))
            seen.add(ctx_surface.lower())
    best: dict[tuple[str, str], Evidence] = {}
    for ev in out:
        pair = (ev.req_term.lower(), ev.item_term.lower())
        if pair not in best or ev.weight > best[pair].weight:
            best[pair] = ev
    return sorted(best.values(), key=lambda e: -e.weight)[:MAX_EVIDENCE]


def _whole_words(origin, item_key: str, item_surface: str) -> bool:
    """A thesaurus bridge is shown only between the words it relates: not from a part of a
    compound requirement word ("rök" of "svetsrök"), not to a part of an item word, and not
    between two forms of one word."""
    item_word = item_surface.lower().rstrip("-")
    if origin.from_part:
        return False
    return key(item_word) == item_key and key(item_word) != key(origin.req_term.lower().rstrip("-"))


def _fuzzy(query: Query, item_text: str, seen: set[str] | frozenset[str]) -> list[Evidence]:
    """Word pairs that share a long prefix and most letters but no key (e.g. derivations).

    ``seen`` holds lower-case words already explained (and stop words), which are skipped.
    """
    req_words = {w for w in Normaliser.words(query.text) if len(w) >= FUZZY_PREFIX + 1 and w.lower() not in seen}
    item_words = {w for w in Normaliser.words(item_text) if len(w) >= FUZZY_PREFIX + 1 and w.lower() not in seen}
    out = []
    for a in req_words:
        for b in item_words:
            if a.lower()[:FUZZY_PREFIX] == b.lower()[:FUZZY_PREFIX] and fuzz.ratio(a.lower(), b.lower()) >= FUZZY_MIN:
                out.append(Evidence(a, b, "fuzzy", 0.5))
    return out


def feedback_evidence(index: CorpusIndex, query: Query, row: int) -> Evidence:
    """Evidence for a link a person accepted: the most specific word of each text, bridge ``feedback``."""

    def most_specific(surfaces: dict[str, str]) -> str:
        known = [k for k in surfaces if k in index.keys]
        if not known:
            return next(iter(surfaces.values()), "")
        return surfaces[max(known, key=lambda k: index.idf[index.keys[k]])]

    req_term = most_specific({k: o.req_term for k, o in query.own.items()})
    return Evidence(req_term, most_specific(index.surfaces[row]), "feedback", 1.0)
