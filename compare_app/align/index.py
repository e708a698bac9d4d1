"""Step 2 of the pipeline: index a curriculum once, keep it on disk and in memory.

For every central-content item the index holds three sparse, L2-normalised rows:

* ``text``    — TF-IDF over the item's keys (lemma stems, compound parts, expansions);
* ``context`` — the same over its course name, section heading and subject name;
* ``chars``   — TF-IDF over character 3–5-grams of the lemmatised text (catches
  spelling variants and derivations the lemma lexicon misses).

It also learns *associations* between keys from the curriculum itself: two keys
that occur in the same courses far more often than chance (normalised PMI over
course documents: name, description, grading criteria, central content and the
subject's purpose) are weakly linked.  This is how the matcher learns, without a
downloaded model, that e.g. a course about brakes also talks about friction.

Rarity (idf) is counted over the curriculum's items; a curriculum under half the
size of the national catalog is counted as if its items were added to the catalog,
whose counts ship in :mod:`reference`, so scores stay on one scale.

The index depends only on the curriculum text, the language resources and that
reference, so it is cached by a hash of both under ``paths.user_cache_dir()``.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import simplemma
from scipy import sparse

from .. import cache_files
from ..model import Framework, Item
from ..progress import STAGE_INDEX, Phases, Progress
from .lexicon import Lexicon, load_lexicon
from .reference import idf as reference_idf
from .reference import OWN_SHARE, load_reference
from .reference import file_digest as reference_file_digest
from . import normalise as _n
from .normalise import Analysis, Normaliser, lemma, lemmas_seen, remember_lemmas

INDEX_VERSION = 17
NGRAMS = (3, 4, 5)
#: association learning: keys must occur in at least this many courses and at most this share
ASSOC_MIN_DF, ASSOC_MAX_SHARE, ASSOC_MIN_NPMI, ASSOC_PER_KEY, ASSOC_MIN_CO = 3, 0.05, 0.45, 8, 2
W_SECTION, W_SUBJECT = 0.7, 0.5
CACHE_KIND = "align-index"

_MEMO: dict[str, "CorpusIndex"] = {}


@dataclass
class CorpusIndex:
    item_ids: list[str]
    row_of: dict[str, int]
    keys: dict[str, int]  # key -> column
    idf: np.ndarray
    text: sparse.csr_matrix
    context: sparse.csr_matrix
    ngrams: dict[str, int]
    ngram_idf: np.ndarray
    chars: sparse.csr_matrix
    #: per item: key -> surface word in the item text (for evidence)
    surfaces: list[dict[str, str]]
    #: per item: key -> surface word in its context (course name / section)
    context_surfaces: list[dict[str, str]]
    vocabulary: dict[str, int]
    associations: dict[str, list[tuple[str, float]]]
    #: thesaurus resolved to keys: key -> [(key, bridge, weight, thesaurus word)]
    relations: dict[str, list[tuple[str, str, float, str]]]
    #: multi-word thesaurus terms: tuple of keys -> [(key, bridge, weight, word)]
    phrase_relations: dict[tuple[str, ...], list[tuple[str, str, float, str]]]
    digest: str = ""
    #: items of the reference the rarity statistics lean on (0: this curriculum's own)
    reference_n: int = 0
    #: (items, key document frequencies, n-gram document frequencies) of this curriculum itself
    doc_freq: tuple = ()
    build_seconds: float = 0.0
    from_cache: bool = False
    #: word -> lemma of every word met while building, so a later run opens simplemma's
    #: dictionary only for words the curriculum lacks
    lemmas: dict[str, str] = field(default_factory=dict, repr=False)
    #: lemma -> compound parts, as split while building (depends only on what the digest covers)
    splits: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _normaliser: Normaliser | None = field(default=None, repr=False)

    @property
    def normaliser(self) -> Normaliser:
        if self._normaliser is None:
            self._normaliser = Normaliser(load_lexicon(), self.vocabulary)
            self._normaliser.remember_splits(self.splits)
        return self._normaliser

    def unknown_idf(self, name: str, kind: str) -> float:
        """Idf of a key (``kind`` "keys") or n-gram ("ngrams") no item of this curriculum uses: as rare as
        can be, unless the national reference the index leaned on knows it."""
        n = self.doc_freq[0] if self.doc_freq else len(self.item_ids)
        ref = load_reference() if self.reference_n else None
        df = getattr(ref, kind).get(name, 0) if ref is not None else 0
        return math.log((n + self.reference_n + 1) / (df + 1)) + 1.0

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_normaliser"] = None
        return state


# --- public entry -------------------------------------------------------------------
def corpus_digest(curriculum: Framework, lexicon: Lexicon) -> str:
    params = (INDEX_VERSION, NGRAMS, ASSOC_MIN_DF, ASSOC_MAX_SHARE, ASSOC_MIN_NPMI, ASSOC_PER_KEY, ASSOC_MIN_CO, W_SECTION, W_SUBJECT,
              _n.W_HEAD, _n.W_MODIFIER, _n.W_EXPANSION, _n.MIN_COMPOUND, _n.MIN_PART, simplemma.__version__)
    h = hashlib.sha256(f"{params}|{lexicon.digest}|{reference_file_digest()}".encode())
    for it in curriculum.items:
        course = curriculum.courses.get(it.course or "")
        h.update("\x1f".join((it.id, it.text, it.section, course.name if course else "")).encode("utf-8"))
        h.update(b"\x1e")
    for code, course in curriculum.courses.items():
        h.update("\x1f".join((code, course.description, *course.grading.values())).encode("utf-8"))
    for code, subj in curriculum.subjects.items():
        h.update("\x1f".join((code, subj.name, subj.purpose)).encode("utf-8"))
    return h.hexdigest()[:24]


def get_index(curriculum: Framework, use_disk: bool = True, progress: Progress | None = None) -> CorpusIndex:
    """The index of ``curriculum``: from memory, else from the disk cache, else built (and cached)."""
    lexicon = load_lexicon()
    memo_key = curriculum.__dict__.get("_align_digest")
    if memo_key is None:
        memo_key = corpus_digest(curriculum, lexicon)
        curriculum.__dict__["_align_digest"] = memo_key
    if memo_key in _MEMO:
        return _MEMO[memo_key]
    index = cache_files.load(CACHE_KIND, memo_key) if use_disk else None
    if isinstance(index, CorpusIndex):
        index.from_cache = True
        remember_lemmas(index.lemmas)
    else:
        index = build_index(curriculum, lexicon, progress=progress)
        index.digest = memo_key
        if use_disk:
            cache_files.store(CACHE_KIND, memo_key, index)
    _MEMO[memo_key] = index
    return index


def clear_memo() -> None:
    _MEMO.clear()


# --- building -----------------------------------------------------------------------
#: phases of building an index and their rough share of the time, for the progress bar
BUILD_PHASES = {"ordförråd": 15, "innehåll": 20, "sammanhang": 6, "teckenföljder": 13, "samband": 34, "synonymer": 12}


def build_index(curriculum: Framework, lexicon: Lexicon, use_reference: bool = True,
                progress: Progress | None = None) -> CorpusIndex:
    """The index; a small curriculum's rarity statistics lean on the shipped national reference."""
    t0 = time.perf_counter()
    phases = Phases(progress, STAGE_INDEX, BUILD_PHASES)
    phases.step("ordförråd", 0, 1)
    vocabulary = _vocabulary(curriculum)
    norm = Normaliser(lexicon, vocabulary)
    items = curriculum.items
    analyses = [norm.analyse(it.text) for it in phases.each("innehåll", items)]
    contexts = [_context_analysis(norm, curriculum, it) for it in phases.each("sammanhang", items)]
    keys: dict[str, int] = {}
    for a in (*analyses, *contexts):
        for t in a.terms:
            keys.setdefault(t.key, len(keys))
    text_bags = [a.bag() for a in analyses]
    df = np.zeros(len(keys))
    for bag in text_bags:
        for k in bag:
            df[keys[k]] += 1
    ref = load_reference() if use_reference else None
    if ref is not None and len(items) >= OWN_SHARE * ref.n:
        ref = None
    idf = reference_idf(df, len(items), keys, ref.keys if ref else None, ref.n if ref else 0)
    text = _tfidf([bag for bag in text_bags], keys, idf)
    context = _tfidf([a.bag() for a in contexts], keys, idf)
    ngrams, counts = _ngram_counts([lemma_text(norm, it.text) for it in phases.each("teckenföljder", items)])
    ndf = np.bincount(counts.indices, minlength=len(ngrams)).astype(np.float64)
    ngram_idf = reference_idf(ndf, len(items), ngrams, ref.ngrams if ref else None, ref.n if ref else 0)
    chars = _idf_rows(_sublinear(counts), ngram_idf)
    associations = _associations(norm, curriculum, phases)
    phases.step("synonymer", 0, 1)
    relations, phrases = _resolve_thesaurus(norm, lexicon)
    index = CorpusIndex(
        item_ids=[it.id for it in items],
        row_of={it.id: i for i, it in enumerate(items)},
        keys=keys,
        idf=idf,
        text=text,
        context=context,
        ngrams=ngrams,
        ngram_idf=ngram_idf,
        chars=chars,
        surfaces=[a.surfaces() for a in analyses],
        context_surfaces=[a.surfaces() for a in contexts],
        vocabulary=vocabulary,
        associations=associations,
        relations=relations,
        phrase_relations=phrases,
        lemmas=lemmas_seen(),
        splits=norm.splits_seen(),
    )
    index._normaliser = norm
    index.doc_freq = (len(items), df, ndf)
    index.reference_n = ref.n if ref is not None else 0
    index.build_seconds = time.perf_counter() - t0
    return index


def _vocabulary(curriculum: Framework) -> dict[str, int]:
    """Lemma frequencies over all curriculum text: the lexicon compounds are split against."""
    counts: Counter[str] = Counter()
    lemmas_of: dict[str, list[str]] = {}  # written word -> the lemmas it counts for (words repeat a lot)
    for text in _corpus_texts(curriculum):
        for w in Normaliser.words(text.lower()):
            found = lemmas_of.get(w)
            if found is None:
                found = lemmas_of[w] = [lemma(part) for part in re.split(r"[-/]", w) if part.isalpha()]
            counts.update(found)
    return dict(counts)


def _corpus_texts(curriculum: Framework):
    for it in curriculum.items:
        yield it.text
        yield it.section
    for c in curriculum.courses.values():
        yield c.name
        yield c.description
        yield from c.grading.values()
    for s in curriculum.subjects.values():
        yield s.name
        yield s.purpose


def _context_analysis(norm: Normaliser, curriculum: Framework, item: Item) -> Analysis:
    course = curriculum.courses.get(item.course or "")
    out = Analysis()
    if course is not None:
        out.terms.extend(norm.analyse(course.name).terms)
        subj = curriculum.subjects.get(course.subject_code)
        if subj is not None and subj.name != course.name:
            out.terms.extend(norm.analyse(subj.name, W_SUBJECT).terms)
    if item.section:
        out.terms.extend(norm.analyse(item.section, W_SECTION).terms)
    return out


def _tfidf(bags: list[dict[str, float]], vocab: dict[str, int], idf: np.ndarray) -> sparse.csr_matrix:
    indptr, cols, vals = [0], [], []
    for bag in bags:
        for k, w in bag.items():
            c = vocab.get(k)
            if c is not None:
                cols.append(c)
                vals.append(w)
        indptr.append(len(cols))
    m = sparse.csr_matrix((np.array(vals, dtype=np.float64), np.array(cols, dtype=np.int32), np.array(indptr, dtype=np.int32)),
                          shape=(len(bags), len(vocab)))
    return _idf_rows(m, idf)


def _ngram_counts(texts: list[str]) -> tuple[dict[str, int], sparse.csr_matrix]:
    """(n-gram -> column in first-seen order, texts x n-grams matrix of counts).

    Built row by row into arrays: a Counter per text for the whole catalog would hold
    millions of small strings at once."""
    ngrams: dict[str, int] = {}
    indptr, cols, counts = [0], [], []
    for text in texts:
        grams = _ngrams(text)
        cols.append(np.fromiter((ngrams.setdefault(g, len(ngrams)) for g in grams), np.int32, len(grams)))
        counts.append(np.fromiter(grams.values(), np.float64, len(grams)))
        indptr.append(indptr[-1] + len(grams))
    m = sparse.csr_matrix((np.concatenate(counts or [np.zeros(0)]), np.concatenate(cols or [np.zeros(0, np.int32)]),
                           np.array(indptr, dtype=np.int32)), shape=(len(texts), len(ngrams)))
    return ngrams, m


def _sublinear(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """1 + log(count) for every count (math.log per distinct count: the same floats as ever)."""
    distinct, where = np.unique(counts.data, return_inverse=True)
    m = counts.copy()
    m.data = np.array([1 + math.log(c) for c in distinct], dtype=np.float64)[where]
    return m


def _idf_rows(m: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Each row's weights times the columns' idf, the row at unit length."""
    m.sort_indices()  # canonical, as built from coordinates: row sums add up in the same order as ever
    m.data = m.data * idf[m.indices]
    return normalise_rows(m)


def normalise_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def lemma_text(norm: Normaliser, text: str) -> str:
    """The text as lemmas without stop words: what character n-grams are taken from."""
    out = []
    for w in norm.words(text.lower()):
        w = w.rstrip("-")
        if w and w not in norm.lexicon.stopwords:
            out.append(lemma(w))
    return " ".join(out)


def _ngrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in text.split():
        grams.update(_word_ngrams(word))
    return grams


@lru_cache(maxsize=100_000)
def _word_ngrams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(padded[i : i + n] for n in NGRAMS for i in range(len(padded) - n + 1))


def _associations(norm: Normaliser, curriculum: Framework, phases: Phases) -> dict[str, list[tuple[str, float]]]:
    """Normalised PMI between keys co-occurring in course documents; the strongest few per key.

    A document's keys are the union of its parts' keys, each part analysed once (a subject's
    purpose is part of every course of the subject, and the catalog repeats items word for word)."""
    keys_of: dict[str, frozenset[str]] = {}

    def part_keys(text: str) -> frozenset[str]:
        found = keys_of.get(text)
        if found is None:
            found = keys_of[text] = frozenset(t.key for t in norm.analyse(text).terms if t.weight >= 0.5 and len(t.key) > 2)
        return found

    docs = []
    for course in phases.each("samband", list(curriculum.courses.values())):
        subj = curriculum.subjects.get(course.subject_code)
        parts = [course.name, course.description, *course.grading.values(), *(it.text for it in course.items)]
        if subj is not None:
            parts.append(subj.purpose)
        docs.append(set().union(*map(part_keys, parts)))
    n = len(docs)
    if n < 10:
        return {}
    df = Counter(k for d in docs for k in d)
    keep = {k for k, c in df.items() if ASSOC_MIN_DF <= c <= max(ASSOC_MIN_DF, ASSOC_MAX_SHARE * n)}
    col = {k: i for i, k in enumerate(sorted(keep))}
    rows, cols = [], []
    for r, d in enumerate(docs):
        for k in d:
            if k in col:
                rows.append(r)
                cols.append(col[k])
    m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(col)))
    co = (m.T @ m).tocoo()
    names = list(col)
    p = np.array([df[k] for k in names], dtype=float) / n
    out: dict[str, list[tuple[str, float]]] = {}
    mask = (co.row != co.col) & (co.data >= ASSOC_MIN_CO)
    rows_a, cols_b, counts = co.row[mask], co.col[mask], co.data[mask]
    with np.errstate(divide="ignore", invalid="ignore"):  # a rough pass over all pairs first
        rough = np.log(counts / n / (p[rows_a] * p[cols_b])) / -np.log(counts / n)
    near = rough >= ASSOC_MIN_NPMI - 1e-9
    for a, b, c in zip(rows_a[near], cols_b[near], counts[near]):  # the few that may pass, exactly as ever
        pab = c / n
        npmi = math.log(pab / (p[a] * p[b])) / -math.log(pab)
        if npmi >= ASSOC_MIN_NPMI:
            out.setdefault(names[a], []).append((names[b], round(npmi, 3)))
    for k, lst in out.items():
        lst.sort(key=lambda x: -x[1])
        del lst[ASSOC_PER_KEY:]
    return out


def _resolve_thesaurus(norm: Normaliser, lexicon: Lexicon):
    """The thesaurus's words turned into keys; multi-word terms become key tuples."""

    def keys_of(term: str) -> tuple[str, ...]:
        """Keys of a thesaurus term; empty when a word of it is a stop word ("följa upp", "ta isär"),
        since the term's meaning then rests on a word the matcher cannot see."""
        words = norm.words(term)
        bag = [t.key for t in norm.analyse(term).terms if t.via == "word"]
        if len(bag) < len(words):
            return ()
        return tuple(dict.fromkeys(bag))

    single: dict[str, list[tuple[str, str, float, str]]] = {}
    phrases: dict[tuple[str, ...], list[tuple[str, str, float, str]]] = {}
    for src, rels in lexicon.relations.items():
        sk = keys_of(src)
        if not sk:
            continue
        targets = []
        for dst, bridge, w in rels:
            dk = keys_of(dst)
            # a multi-word term is reached through its head (last word): "lätta fordon" -> fordon
            if dk and dk[-1] not in sk:
                targets.append((dk[-1], bridge, w if len(dk) == 1 else 0.8 * w, dst))
        if len(sk) == 1:
            single.setdefault(sk[0], []).extend(targets)
        else:
            phrases.setdefault(sk, []).extend(targets)
    return single, phrases
