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


def _thesaurus_pairs(index) -> set[tuple[str, str, str]]:
    """(requirement key, item key, bridge) for every relation, keyed as the matcher keys words:
    a single word by its key, a multi-word term by its last word (its head)."""
    norm = index.normaliser

    def head(term: str) -> str:
        keys = [t.key for t in norm.analyse(term).terms if t.via == "word"]
        return keys[-1] if keys else ""

    return {(head(src), head(dst), bridge) for src, rels in load_lexicon().relations.items() for dst, bridge, _w in rels}


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
                        if (key(ev.req_term.lower()), key(ev.item_term.lower()), ev.bridge) not in pairs:
                            wrong.append(f"{ev.req_term} ≈ {ev.item_term} ({ev.bridge})")
    assert shown > 0, "the dev sets show thesaurus bridges"
    assert not wrong, wrong
