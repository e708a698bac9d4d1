"""Step 3 of the pipeline: a requirement becomes an expanded query; candidates get features.

The query is the requirement's own keys (weight 1) widened by bridges, each with
a lower weight and a remembered origin so :mod:`explain` can say why an item
matched: ``abbreviation`` and ``compound`` (from normalisation), ``synonym`` and
``broader`` (hand-written thesaurus), ``association`` (learned from the
curriculum), ``feedback`` (learned from the assessor's accepted links) and
``memory`` (learned from the person's earlier projects, see :mod:`memory`).
The requirement's area is a separate, lighter query against the item's context.

Features per candidate item (all in 0..1):

* ``text``  — cosine of the expanded query and the item's keys;
* ``chars`` — cosine of character n-grams of the lemmatised texts;
* ``ctx``   — cosine of requirement text + area and the item's course name / section / subject;
* ``cover`` — share of the requirement's words (idf-weighted) the item contains, directly or via a bridge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from .index import CorpusIndex, _ngrams, lemma_text

W_ASSOCIATION, ASSOC_PER_TERM = 0.3, 4
W_AREA = 0.35
W_FEEDBACK = 0.7

#: bridge names for how a requirement key itself was derived
_VIA_BRIDGE = {"word": "lemma", "compound": "compound", "abbreviation": "abbreviation"}


@dataclass
class Origin:
    weight: float
    req_term: str
    bridge: str
    #: for a thesaurus bridge: the relation starts from a part of a compound requirement word
    #: ("rök" of "svetsrök"), not from the word itself
    from_part: bool = False


@dataclass
class Query:
    own: dict[str, Origin]
    expanded: dict[str, Origin]  # own + bridged keys
    area: dict[str, float] = field(default_factory=dict)
    text: str = ""


def build_query(index: CorpusIndex, text: str, area: str, learned: dict[str, dict[str, float]] | None = None,
                remembered: dict[str, dict[str, float]] | None = None) -> Query:
    """The requirement's keys plus every bridge the resources, feedback and earlier projects offer."""
    norm = index.normaliser
    analysis = norm.analyse(text)
    surf, via = analysis.surfaces(), analysis.via()
    own = {k: Origin(w, surf[k], _VIA_BRIDGE.get(via[k], "lemma")) for k, w in analysis.bag().items()}
    expanded = dict(own)

    def offer(k: str, weight: float, req_term: str, bridge: str, from_part: bool = False) -> None:
        cur = expanded.get(k)
        if cur is None or weight > cur.weight:
            expanded[k] = Origin(weight, req_term, bridge, from_part)

    for k, o in own.items():
        # a part of one written word, at less than its full weight (an elided "bensin-" standing for
        # "bensinmotor" has the full weight, a particle verb "ställa in" is two written words)
        part = via[k] == "compound" and " " not in surf[k] and o.weight < 1.0
        for k2, bridge, rw, _word in index.relations.get(k, ()):
            offer(k2, o.weight * rw, o.req_term, bridge, part)
        if o.weight >= 0.5:
            for k2, npmi in index.associations.get(k, ())[:ASSOC_PER_TERM]:
                offer(k2, o.weight * W_ASSOCIATION * npmi, o.req_term, "association")
        for k2, lw in (learned or {}).get(k, {}).items():
            offer(k2, o.weight * W_FEEDBACK * lw, o.req_term, "feedback")
        for k2, lw in (remembered or {}).get(k, {}).items():
            offer(k2, o.weight * W_FEEDBACK * lw, o.req_term, "memory")
    for phrase, rels in index.phrase_relations.items():
        if all(p in own for p in phrase):
            w = min(own[p].weight for p in phrase)
            for k2, bridge, rw, _word in rels:
                offer(k2, w * rw, own[phrase[-1]].req_term, bridge)
    area_bag = norm.analyse(area, W_AREA).bag() if area else {}
    return Query(own, expanded, area_bag, text)


def _vector(index: CorpusIndex, weights: dict[str, float], own: dict[str, Origin] | None = None) -> np.ndarray:
    """Query vector over the index's keys, unit length counting also the requirement's own words the
    curriculum never uses (so a small curriculum, which knows fewer words, does not score higher)."""
    v = np.zeros(len(index.keys))
    missing = 0.0
    for k, w in weights.items():
        c = index.keys.get(k)
        if c is not None:
            v[c] = max(v[c], w * index.idf[c])
        elif own is not None and k in own:
            missing += (w * index.unknown_idf(k, "keys")) ** 2
    n = math.sqrt(float(v @ v) + missing)
    return v / n if n else v


def char_vector(index: CorpusIndex, text: str) -> sparse.csr_matrix:
    grams = _ngrams(lemma_text(index.normaliser, text))
    cols, vals = [], []
    missing = 0.0
    for g, c in grams.items():
        j = index.ngrams.get(g)
        if j is not None:
            cols.append(j)
            vals.append((1 + np.log(c)) * index.ngram_idf[j])
        else:
            missing += ((1 + np.log(c)) * index.unknown_idf(g, "ngrams")) ** 2
    n = math.sqrt(float(np.dot(vals, vals)) + missing)
    return sparse.csr_matrix((np.array(vals) / (n or 1.0), ([0] * len(cols), cols)), shape=(1, len(index.ngrams)))


@dataclass
class Candidates:
    """The index rows in scope, sliced once per alignment run."""

    rows: np.ndarray
    text: sparse.csr_matrix
    context: sparse.csr_matrix
    chars_t: sparse.csc_matrix  # transposed: n-grams x items, for a fast sparse product
    present: sparse.csr_matrix  # 1 where an item has a key
    position: dict[int, int]  # index row -> position among the candidates


def candidates(index: CorpusIndex, rows: np.ndarray) -> Candidates:
    text = index.text[rows]
    present = text.copy()
    present.data[:] = 1.0
    position = {int(r): i for i, r in enumerate(rows)}
    return Candidates(rows, text, index.context[rows], index.chars[rows].T.tocsr(), present, position)


@dataclass
class Features:
    text: np.ndarray
    chars: np.ndarray
    ctx: np.ndarray
    cover: np.ndarray


def features(index: CorpusIndex, query: Query, cand: Candidates) -> Features:
    """Feature columns for the candidate rows of the index."""
    q = _vector(index, {k: o.weight for k, o in query.expanded.items()}, query.own)
    text = cand.text @ q
    ctx_weights = {k: o.weight for k, o in query.own.items()}
    for k, w in query.area.items():
        ctx_weights[k] = max(ctx_weights.get(k, 0.0), w)
    ctx = cand.context @ _vector(index, ctx_weights, query.own)
    cv = char_vector(index, query.text)
    chars = np.asarray((cv @ cand.chars_t).todense()).ravel()
    return Features(np.asarray(text).ravel(), chars, np.asarray(ctx).ravel(), coverage(index, query, cand))


def coverage(index: CorpusIndex, query: Query, cand: Candidates) -> np.ndarray:
    """Share of the requirement's words (idf-weighted) that each item contains, directly or via a bridge.

    Unlike the cosine this ignores how much else the item says, and a requirement
    word the curriculum never uses counts fully against every item — the typical
    sign of a gap.
    """
    hit, w = coverage_hits(index, query, cand)
    return hit @ w / w.sum() if w.size else np.zeros(len(cand.rows))


def coverage_hits(index: CorpusIndex, query: Query, cand: Candidates) -> tuple[np.ndarray, np.ndarray]:
    """(items x concepts matrix in 0..1 of how directly each item covers each requirement word, idf weights).

    A concept is a written word of the requirement with all its keys (lemma, compound
    parts); its weight is its highest idf, a word the curriculum never uses gets the top idf.
    """
    concepts: dict[str, int] = {}
    idf_c: list[float] = []
    top_idf = float(index.idf.max()) if index.idf.size else 1.0
    for k, o in query.own.items():
        c = concepts.setdefault(o.req_term.lower(), len(concepts))
        col = index.keys.get(k)
        w = float(index.idf[col]) if col is not None else top_idf
        if c == len(idf_c):
            idf_c.append(w)
        else:
            idf_c[c] = max(idf_c[c], w)
    if not concepts:
        return np.zeros((len(cand.rows), 0)), np.zeros(0)
    strength = {c: max(o.weight for o in query.own.values() if o.req_term.lower() == c) for c in concepts}
    rows, cols, vals = [], [], []
    for k, o in query.expanded.items():
        col = index.keys.get(k)
        c = concepts.get(o.req_term.lower())
        if col is not None and c is not None:
            rows.append(c)
            cols.append(col)
            vals.append(min(1.0, o.weight / strength[o.req_term.lower()]))
    e = sparse.csr_matrix((vals, (rows, cols)), shape=(len(concepts), len(index.keys)))
    hit = (cand.present @ e.T).toarray().clip(max=1.0)
    return hit, np.array(idf_c)
