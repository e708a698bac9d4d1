"""Reasons are honest: a synonym or broader-term line names a pair of words the thesaurus relates."""

from __future__ import annotations

import json

import pytest

from compare_app.align import align
from compare_app.align.explain import THESAURUS_BRIDGES
from compare_app.align.index import get_index
from compare_app.align.lexicon import load_lexicon
from compare_app.align.normalise import key
from compare_app.model import Framework, Item, Provenance

pytestmark = pytest.mark.real_data


def _head(index, term: str) -> str:
    """A term's key as the matcher keys words: a single word by its key, a multi-word term by
    the key it analyses to last (its head; a particle verb such as "följa upp" gives one key)."""
    terms = index.normaliser.analyse(term.rstrip("-")).terms
    keys = [t.key for t in terms if t.via == "word" or (t.via == "compound" and " " in t.surface)]
    return keys[-1] if keys else key(term.lower().rstrip("-"))


def _thesaurus_pairs(index) -> set[tuple[str, str, str]]:
    """(requirement key, item key, bridge) for every relation of the thesaurus."""
    return {(_head(index, src), _head(index, dst), bridge)
            for src, rels in load_lexicon().relations.items() for dst, bridge, _w in rels}


def _elided(word: str, pairs) -> list[str]:
    """Keys a thesaurus source could have when ``word`` is an elided first part ("bensin-")."""
    if not word.endswith("-"):
        return []
    stem = word.lower().rstrip("-")
    return sorted({src for src, _dst, _b in pairs if src.startswith(stem)})


def test_every_shown_thesaurus_bridge_is_a_thesaurus_pair(bench_dir, real_catalog):
    index = get_index(real_catalog)
    pairs = _thesaurus_pairs(index)
    shown = 0
    wrong = []
    for path in sorted(bench_dir.glob("dev_*.json")):
        if "packages" in path.name:
            continue
        dev = json.loads(path.read_text(encoding="utf-8"))
        std = Framework("standard", dev["title"], [Item(r["id"], r["text"], Provenance("dev"), area=r["area"])
                                                   for r in dev["requirements"]])
        result = align(std, real_catalog, dev["package"], top_k=5)
        for res in result.results.values():
            for m in res.matches:
                for ev in m.evidence:
                    if ev.bridge in THESAURUS_BRIDGES:
                        shown += 1
                        req_key = _head(index, ev.req_term)
                        item_key = _head(index, ev.item_term)
                        # an elided requirement word ("bensin- och dieselmotorer") stands for the whole one
                        if not any((k, item_key, ev.bridge) in pairs for k in (req_key, *_elided(ev.req_term, pairs))):
                            wrong.append(f"{ev.req_term} ≈ {ev.item_term} ({ev.bridge})")
    assert shown > 0, "the dev sets show thesaurus bridges"
    assert not wrong, wrong
