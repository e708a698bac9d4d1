"""Step 1 of the pipeline: Swedish text -> weighted matching terms.

A text becomes a list of :class:`Token` (the surface word as written, so the GUI
can highlight it) and, from those, a bag of *keys*: the Snowball stem of the
word's lemma.  Besides the word itself a token contributes

* its compound parts ("svetsfogar" -> svets + fog), split against the vocabulary
  of the loaded corpus with the linking -s- allowed, head weighted above modifier;
* the expansion of a known abbreviation ("HLR" -> hjärt-lungräddning);
* for Swedish ellipsis ("bensin- och dieselmotorer") the implied compound
  ("bensinmotor");
* for a verb followed by a particle ("ställa in") the particle-first form that its
  noun shares ("inställning").

Stop words are dropped; numbers and standard names (ISO 9606, SS-EN 1090) are kept.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY, TrieDictionaryFactory

from ..paths import user_cache_dir
from .lexicon import Lexicon

_WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*-?", re.UNICODE)
_VOWELS = set("aeiouyäåöé")
_S1_SUFFIXES = sorted(
    "a arna erna heterna orna ad e ade ande arne are aste en anden aren heten ern ar er heter or "
    "as arnas ernas ornas es ades andes ens arens hetens erns at andet het ast".split(),
    key=len,
    reverse=True,
)
_S_ENDING = set("bcdfghjklmnoprtvy")
_DOUBLE_ENDINGS = ("dd", "gd", "nn", "dt", "gt", "kt", "tt")

#: weights of the terms a token contributes, relative to the word itself
W_HEAD, W_MODIFIER, W_EXPANSION = 0.6, 0.4, 0.8
MIN_COMPOUND, MIN_PART = 6, 3
#: verb particles that become the first part of the verb's noun ("ställa in" -> "inställning")
PARTICLES = frozenset("in upp ut av på till om fram ner bort".split())
#: derivational suffixes that look like words but never head a compound ("säker|het", "kunn|skap")
_SUFFIX_HEADS = frozenset("het skap dom else ning lig ig isk ande ende are eri ism itet tion bar sam lös full mässig aktig".split())


def stem(word: str) -> str:
    """The Swedish Snowball stem (Porter's published algorithm) of a lower-case word."""
    r1 = _r1(word)
    for suf in _S1_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= r1:
            word = word[: -len(suf)]
            break
    else:
        if word.endswith("s") and len(word) - 1 >= r1 and len(word) > 1 and word[-2] in _S_ENDING:
            word = word[:-1]
    if any(word.endswith(d) and len(word) - 2 >= r1 for d in _DOUBLE_ENDINGS):
        word = word[:-1]
    for suf, rep in (("fullt", "full"), ("löst", "lös"), ("lig", ""), ("els", ""), ("ig", "")):
        if word.endswith(suf) and len(word) - len(suf) >= r1:
            word = word[: -len(suf)] + rep
            break
    return word


def _r1(word: str) -> int:
    for i in range(1, len(word)):
        if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
            return max(i + 1, 3)
    return len(word)


#: simplemma lemmas that are wrong in vocational text: "it" (lower-cased IT) and "såg" (a saw)
#: both come out as "se" (to see), which would join IT support to sawing; "gods" (goods,
#: freight) comes out as "gode"
_LEMMA_FIXES = {"it": "it", "såg": "såg", "gods": "gods"}


#: word -> lemma, for every word looked up in this process or remembered by a loaded index
#: (:func:`remember_lemmas`); a lemma depends only on the word and simplemma's version
_LEMMAS: dict[str, str] = {}


def lemma(word: str) -> str:
    """simplemma's Swedish lemma of a lower-case word (the word itself when unknown)."""
    got = _LEMMAS.get(word)
    if got is None:
        got = _LEMMAS[word] = _LEMMA_FIXES.get(word) or _lemmatise(word)
    return got


def _lemmatise(word: str) -> str:
    try:
        return _dictionary().lemmatizer.lemmatize(word, lang="sv").lower()
    except Exception:  # simplemma raises on odd input; the word itself is a fine fallback
        return word


def is_known(word: str) -> bool:
    """True when simplemma's Swedish dictionary has ``word`` (as is or capitalised)."""
    return _dictionary().lookup.get_lemma(word, "sv") is not None


def lemmas_seen() -> dict[str, str]:
    """Every lemma looked up so far: what an index keeps so a later run need not open the dictionary."""
    return dict(_LEMMAS)


def remember_lemmas(table: dict[str, str]) -> None:
    """Take lemmas from a loaded index; only words missing from it are looked up in the dictionary.
    (A lemma depends only on the word and simplemma's version, which the index's key includes.)"""
    _LEMMAS.update(table)


@dataclass
class _Dictionary:
    lemmatizer: simplemma.Lemmatizer
    lookup: DictionaryLookupStrategy


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    """simplemma's Swedish lemmatiser, opened on first use.

    simplemma's default backend decodes its whole Swedish dictionary (~1M forms) into a
    dict on first use: over a second and ~100 MB per process. With ``marisa-trie``
    installed (simplemma's own ``marisa-trie`` extra) it instead builds a compact trie
    once, keeps it beside our other caches, and later processes open it in milliseconds.
    The lemmas are the same either way.
    """
    try:
        factory = TrieDictionaryFactory(disk_cache_dir=str(user_cache_dir() / f"simplemma-{simplemma.__version__}"))
    except (ImportError, OSError):  # no marisa-trie, or no cache folder: the default backend, same lemmas
        factory = DEFAULT_DICTIONARY_FACTORY
    strategy = DefaultStrategy(dictionary_factory=factory)
    return _Dictionary(simplemma.Lemmatizer(lemmatization_strategy=strategy), DictionaryLookupStrategy(factory))


#: derivational endings that turn a verb into a noun of action ("svetsning", "montering", "förvaring")
_DERIVATIONS = ("ning", "ing", "else")
#: loan verbs in -era and their nouns share a base: kontrollera ~ kontroll, reparera ~ reparation,
#: planera ~ planering ~ plan
_LOAN_VERB_NOUN = ("ering", "ation", "era")


#: lemmas whose stem would merge them with an unrelated word, keyed as themselves:
#: lager (warehouse, bearing) ~ lag (law), reklamation ~ reklam (advertising),
#: grundläggning (foundation work) ~ grundläggande (basic), ventilation ~ ventil,
#: kontaktor (contactor) ~ kontakt, rättighet ~ rätt (dish; right), motor ~ mot (against),
#: gods (freight) ~ god (good), fastighet (property) ~ fast, rörlighet (mobility) and rörelse
#: (movement) ~ rör (pipe), storhet (quantity) ~ stor, liter ~ liten. Not "laga": simplemma
#: lemmatises "lagar" (laws) to it, so it must keep sharing the key of "lag".
_DISTINCT_LEMMAS = frozenset({"lager", "reklamation", "grundläggning", "ventilation", "kontaktor", "rättighet",
                              "motor", "gods", "fastighet", "rörlighet", "rörelse", "storhet", "liter"})


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The matching key of a lower-case word: the stem of its lemma, without a nominal -ning/-ing/-else.

    So "svetsa", "svetsar" and "svetsning" share one key, as do "montera" and "montering",
    "kontrollera" and "kontroll", "reparera" and "reparation".
    """
    if any(ch.isdigit() for ch in word):
        return word
    base = lemma(word)
    if base in _DISTINCT_LEMMAS:
        return base
    for suf in _LOAN_VERB_NOUN:
        if base.endswith(suf) and len(base) - len(suf) >= 4:
            return stem(base[: -len(suf)])
    s = stem(base)
    for suf in _DERIVATIONS:
        if s.endswith(suf) and len(s) - len(suf) >= 4:
            return s[: -len(suf)]
    return s


@dataclass
class Term:
    """One matching key contributed by a surface word, with its weight and how it was derived."""

    key: str
    surface: str
    weight: float
    via: str  # word | compound | abbreviation | ellipsis


@dataclass
class Analysis:
    terms: list[Term] = field(default_factory=list)

    def bag(self) -> dict[str, float]:
        """Key -> weight (the strongest contribution of each key)."""
        out: dict[str, float] = {}
        for t in self.terms:
            if t.weight > out.get(t.key, 0.0):
                out[t.key] = t.weight
        return out

    def surfaces(self) -> dict[str, str]:
        """Key -> the surface word that contributed it most strongly (for evidence)."""
        best: dict[str, tuple[float, str]] = {}
        for t in self.terms:
            if t.weight > best.get(t.key, (0.0, ""))[0]:
                best[t.key] = (t.weight, t.surface)
        return {k: s for k, (_, s) in best.items()}

    def via(self) -> dict[str, str]:
        best: dict[str, tuple[float, str]] = {}
        for t in self.terms:
            if t.weight > best.get(t.key, (0.0, ""))[0]:
                best[t.key] = (t.weight, t.via)
        return {k: v for k, (_, v) in best.items()}


class Normaliser:
    """Turns texts into weighted keys, splitting compounds against a vocabulary.

    ``vocabulary`` maps lemma -> frequency in the loaded corpus; a compound is
    split only into parts that occur there (or that the lemma lexicon knows).
    """

    def __init__(self, lexicon: Lexicon, vocabulary: dict[str, int]):
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self._split_cache: dict[str, list[str]] = {}
        #: (written word, weight) -> its terms; a word gives the same terms wherever it stands
        #: (terms are never changed after they are made, so every occurrence shares them)
        self._word_cache: dict[tuple[str, float], list[Term]] = {}

    # --- tokens -----------------------------------------------------------------
    @staticmethod
    def words(text: str) -> list[str]:
        """Surface words in order; a trailing hyphen marks Swedish ellipsis ("bensin-")."""
        return _WORD.findall(text)

    def analyse(self, text: str, weight: float = 1.0) -> Analysis:
        out = Analysis()
        words = self.words(text)
        for i, raw in enumerate(words):
            if raw.endswith("-"):
                self._ellipsis(raw[:-1], words[i + 1 :], weight, out)
                continue
            out.terms.extend(self._word_terms(raw, weight))
            nxt = words[i + 1].lower() if i + 1 < len(words) else ""
            if nxt in PARTICLES and raw.isalpha():
                # "ställa in" ~ "inställning", "följa upp" ~ "uppföljning"
                out.terms.append(Term(key(nxt + raw.lower()), f"{raw} {words[i + 1]}", weight * W_HEAD, "compound"))
        return out

    def _word_terms(self, raw: str, weight: float) -> list[Term]:
        terms = self._word_cache.get((raw, weight))
        if terms is None:
            made = Analysis()
            self._word(raw, weight, made)
            terms = self._word_cache[(raw, weight)] = made.terms
        return terms

    def _word(self, raw: str, weight: float, out: Analysis) -> None:
        self._surface_word(raw, raw, weight, "word", out)

    def _surface_word(self, raw: str, surface: str, weight: float, via: str, out: Analysis) -> None:
        """``raw`` as written; ``surface`` is what evidence shows (the abbreviation for its expansion)."""
        expansion = self.lexicon.abbreviation(raw)
        if expansion and via in ("word", "compound"):
            for w in self.words(expansion):
                self._surface_word(w, raw, weight * W_EXPANSION, "abbreviation", out)
            out.terms.append(Term(raw.lower(), raw, weight, "word"))
            return
        if "-" in raw or "/" in raw:
            parts = [p for p in re.split(r"[-/]", raw) if p]
            for p in parts:
                self._surface_word(p, surface if via != "word" else raw, weight * W_HEAD, via if via != "word" else "compound", out)
            joined = "".join(parts).lower()
            out.terms.append(Term(raw.lower() if any(ch.isdigit() for ch in joined) else key(joined), surface, weight, via))
            return
        self._plain(raw.lower(), surface, weight, via, out)

    def _plain(self, low: str, surface: str, weight: float, via: str, out: Analysis) -> None:
        if low in self.lexicon.stopwords or (len(low) < 2 and not low.isdigit()):
            return
        out.terms.append(Term(key(low), surface, weight, via))
        parts = self.split(lemma(low))
        if len(parts) > 1:
            for j, part in enumerate(parts):
                w = W_HEAD if j == len(parts) - 1 else W_MODIFIER
                if part not in self.lexicon.stopwords:
                    out.terms.append(Term(key(part), surface, weight * w, "compound"))

    def _ellipsis(self, modifier: str, rest: list[str], weight: float, out: Analysis) -> None:
        """"bensin- och dieselmotorer": add "bensinmotor" using the head of the next full word."""
        self._word(modifier, weight, out)
        for nxt in rest[:4]:
            if nxt.endswith("-") or nxt.lower() in ("och", "eller", "samt"):
                continue
            parts = self.split(lemma(nxt.lower()))
            if len(parts) > 1:
                whole = modifier.lower() + parts[-1]
                out.terms.append(Term(key(whole), modifier + "-", weight, "compound"))
                out.terms.append(Term(key(parts[-1]), modifier + "-", weight * W_HEAD, "compound"))
            break

    # --- compounds -------------------------------------------------------------
    def splits_seen(self) -> dict[str, list[str]]:
        """Every split made so far (lemma -> parts): what an index keeps for later runs."""
        return dict(self._split_cache)

    def remember_splits(self, table: dict[str, list[str]]) -> None:
        """Take splits made against this same vocabulary and lexicon (by the index that holds them)."""
        for word, parts in table.items():
            self._split_cache.setdefault(word, parts)

    def split(self, word: str) -> list[str]:
        """Compound parts of a lemma, or ``[word]`` when it does not split convincingly."""
        if len(word) < MIN_COMPOUND or not word.isalpha():
            return [word]
        cached = self._split_cache.get(word)
        if cached is None:
            cached = self._split(word, depth=0)
            self._split_cache[word] = cached
        return cached

    def _split(self, word: str, depth: int) -> list[str]:
        best, best_score = [word], self._known_score(word) if depth else -1.0
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            left, right = word[:i], word[i:]
            if right in _SUFFIX_HEADS:
                continue
            right_score = self._known_score(right)
            if right_score <= 0 and len(right) > MIN_PART:
                # an inflected head the lemma lexicon did not know as part of the whole: "käl|fogar"
                inflected, right = right, lemma(right)
                right_score = self._known_score(right) if right != inflected else 0.0
            if right_score <= 0:
                continue
            for mod in self._modifier_forms(left):
                left_score = self._known_score(mod)
                if left_score <= 0:
                    continue
                score = math.sqrt(left_score * right_score)
                if score > best_score:
                    best_score = score
                    tail = self._split(right, depth + 1) if depth < 2 and len(right) >= MIN_COMPOUND else [right]
                    best = [mod, *tail]
        return best

    def _modifier_forms(self, left: str) -> list[str]:
        """The lemma a compound's first part may come from: as is, without linking -s, or with a lost -a/-e."""
        forms = [left]
        if left.endswith("s") and len(left) > MIN_PART:
            forms.append(left[:-1])
        forms.extend((left + "a", left + "e"))
        return forms

    def _known_score(self, part: str) -> float:
        """Corpus frequency of a candidate part (1 if only the lemma lexicon knows it); 0 if not a word."""
        if len(part) < MIN_PART or part in self.lexicon.stopwords:
            return 0.0
        freq = self.vocabulary.get(part, 0)
        if freq >= 2:
            return float(freq)
        if part in self.lexicon.extra_words:
            return 2.0
        if len(part) >= 4 and is_known(part):
            return 1.0  # the lemma lexicon knows it: enough for a small curriculum's rare words
        return 0.0
