"""Scores do not depend on how many words the loaded curriculum knows (reference statistics, query norm)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from alignfactory import make_curriculum

from compare_app.align import reference
from compare_app.align.index import build_index, clear_memo
from compare_app.align.lexicon import load_lexicon
from compare_app.align.score import build_query, candidates, features


@pytest.fixture()
def small():
    clear_memo()
    return make_curriculum()


def test_reference_idf_weighs_a_small_curriculum_as_part_of_the_reference():
    names = {"svets": 0, "okänd": 1}
    df = np.array([1.0, 2.0])
    own = reference.idf(df, 10, names, None, 0)
    assert own == pytest.approx(np.log(11 / (df + 1)) + 1)
    leaned = reference.idf(df, 10, names, {"svets": 99}, 1000)
    assert leaned[0] == pytest.approx(math.log(1011 / 101) + 1)  # common in the reference: low weight
    assert leaned[1] == pytest.approx(math.log(1011 / 3) + 1)  # unknown to it: rare
    # a curriculum about as large as the reference keeps its own statistics
    assert reference.idf(df, 800, names, {"svets": 99}, 1000) == pytest.approx(np.log(801 / (df + 1)) + 1)


def test_missing_or_damaged_reference_is_ignored(tmp_path):
    bad = tmp_path / "ref.json.gz"
    bad.write_bytes(b"not gzip")
    assert reference.load_reference(tmp_path / "absent.json.gz") is None
    assert reference.load_reference(bad) is None
    reference.load_reference.cache_clear()


def test_words_the_curriculum_never_uses_lower_the_text_similarity(small):
    """The query vector's length counts the requirement's unknown words, so adding words no course
    uses cannot raise a score (before, a small curriculum that knew fewer words scored higher)."""
    index = build_index(small, load_lexicon(), use_reference=False)
    cand = candidates(index, np.arange(len(index.item_ids)))
    plain = features(index, build_query(index, "Svetsning av kälfogar.", ""), cand)
    extra = features(index, build_query(index, "Svetsning av kälfogar med zyxlod och qwertfog.", ""), cand)
    best = int(np.argmax(plain.text))
    assert 0 < extra.text[best] < plain.text[best]
    assert 0 < extra.chars[best] < plain.chars[best]
    assert index.unknown_idf("zyxlod", "keys") == pytest.approx(math.log(len(index.item_ids) + 1) + 1)
