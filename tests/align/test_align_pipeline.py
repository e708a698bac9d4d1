"""The whole pipeline on a small hand-written curriculum: scores, verdicts, reasons, feedback, caching."""

from __future__ import annotations

import dataclasses

import pytest
from alignfactory import make_curriculum, make_standard

from compare_app.align import align, decide
from compare_app.align.index import clear_memo, get_index
from compare_app.alignment import Review


@pytest.fixture()
def curriculum():
    clear_memo()
    return make_curriculum()


def _standard():
    return make_standard([
        ("R1", "Säkerhet", "Kan ge HLR om en olycka inträffar."),
        ("R2", "Svetsning", "Kan MAG-svetsa kälfogar i plåt."),
        ("R3", "Motor", "Förstår hur bensin- och dieselmotorer fungerar."),
        ("R4", "Ekonomi", "Kan upprätta en budget för ett aktiebolag och deklarera moms."),
        ("R5", "Kommunikation", "Kan använda tecken som stöd med barn som behöver det."),
    ])


def test_scores_are_in_unit_interval_and_sorted(curriculum):
    result = align(_standard(), curriculum, None, top_k=3)
    assert set(result.results) == {"R1", "R2", "R3", "R4", "R5"}
    for res in result.results.values():
        scores = [m.score for m in res.matches]
        assert len(scores) == 3
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert scores == sorted(scores, reverse=True)
        assert res.score == pytest.approx(scores[0])
    n = len(curriculum.items)
    cal = decide.SEMANTIC if result.semantic.get("model") else decide.LEXICAL
    assert result.thresholds == {"covered": cal.covered, "partial": round(decide.partial_threshold(n, cal), 4)}


@pytest.mark.parametrize("cal", [decide.LEXICAL, decide.SEMANTIC])
def test_fusion_is_monotone_and_bounded(cal):
    import numpy as np

    low, mid, high = (decide.fuse(*(np.array([v]) for _ in range(5)), cal=cal)[0] for v in (0.0, 0.5, 1.0))
    assert 0.0 < low < mid < high < 1.0


@pytest.mark.parametrize("cal", [decide.LEXICAL, decide.SEMANTIC])
def test_verdict_applies_the_thresholds(cal):
    n = 100
    c, p = cal.covered, decide.partial_threshold(n, cal)
    assert decide.verdict([c + 0.01], n, cal)[0] == "covered"
    assert decide.verdict([(c + p) / 2, 0.0], n, cal)[0] == "partial"
    assert decide.verdict([p - 0.001, p - 0.002], n, cal)[0] == "gap"
    assert decide.verdict([], n, cal)[0] == "gap"
    # two partial items together can cover a requirement
    s = max(0.75 * c, p)
    assert 1 - (1 - s) ** 2 >= c and s >= p
    assert decide.verdict([s, s], n, cal)[0] == "covered"


def test_gap_threshold_grows_with_the_candidate_pool():
    # the fitted slope may be zero; the mechanism is tested with a positive one
    cal = dataclasses.replace(decide.LEXICAL, partial_per_log_n=0.005)
    assert decide.partial_threshold(10_000, cal) > decide.partial_threshold(100, cal)
    s = (decide.partial_threshold(10_000, cal) + decide.partial_threshold(100, cal)) / 2
    assert decide.verdict([s], 100, cal)[0] == "partial"
    assert decide.verdict([s], 10_000, cal)[0] == "gap"


def test_proposals_find_the_paraphrased_item(curriculum):
    result = align(_standard(), curriculum, None, top_k=3)
    assert result.results["R1"].matches[0].item_id == "SVETS01:cc3"
    assert result.results["R2"].matches[0].item_id == "SVETS01:cc1"
    assert result.results["R3"].matches[0].item_id == "MOTOR01:cc1"


def test_unrelated_requirement_scores_lowest(curriculum):
    result = align(_standard(), curriculum, None, top_k=3)
    r4 = result.results["R4"].score
    assert all(r4 < result.results[r].score for r in ("R1", "R2", "R3"))


def test_evidence_names_the_abbreviation_bridge(curriculum):
    result = align(_standard(), curriculum, None, top_k=3)
    ev = result.results["R1"].matches[0].evidence
    abbr = [e for e in ev if e.bridge == "abbreviation"]
    assert abbr, ev
    assert abbr[0].req_term == "HLR"
    assert "hjärt-lungräddning" in abbr[0].item_term.lower() or "lungräddning" in abbr[0].item_term.lower()


def test_evidence_names_compound_and_synonym_bridges(curriculum):
    result = align(_standard(), curriculum, None, top_k=3)
    ev3 = result.results["R3"].matches[0].evidence
    assert any(e.bridge == "synonym" and e.item_term.lower().startswith("ottomotor") for e in ev3), ev3
    ev2 = result.results["R2"].matches[0].evidence
    assert any(e.req_term == "kälfogar" and e.item_term == "kälfogar" and e.bridge == "exact" for e in ev2), ev2
    for e in ev2 + ev3:
        assert e.bridge in {"exact", "lemma", "compound", "abbreviation", "synonym", "broader",
                            "association", "fuzzy", "feedback", "context", "semantic"}


def test_scope_restricts_candidates(curriculum):
    result = align(_standard(), curriculum, ["BARN01"], top_k=5)
    assert result.courses == ["BARN01"]
    for res in result.results.values():
        assert all(m.course == "BARN01" for m in res.matches)
        assert len(res.matches) == 3  # only three items exist in scope


def test_rejected_pair_drops_for_that_requirement_only(curriculum):
    std = _standard()
    first = align(std, curriculum, None, top_k=3).results["R1"].matches[0].item_id
    fb = {"R1": Review(links={first: "rejected"})}
    again = align(std, curriculum, None, top_k=3, feedback=fb)
    assert first not in [m.item_id for m in again.results["R1"].matches]


def test_accepted_pair_is_proposed_first_with_feedback_evidence(curriculum):
    std = _standard()
    fb = {"R5": Review(links={"BARN01:cc2": "accepted"})}
    res = align(std, curriculum, None, top_k=3, feedback=fb).results["R5"]
    assert res.matches[0].item_id == "BARN01:cc2"
    ev = res.matches[0].evidence[0]
    assert ev.bridge == "feedback"
    assert ev.req_term and ev.req_term in _standard().items[4].text  # words the GUI can highlight
    assert ev.item_term and ev.item_term in res.matches[0].text
    assert res.status == "covered"


def test_accepted_pattern_lifts_a_similar_pair_for_another_requirement(curriculum):
    # the learned pairing "tecken" -> "kommunikationssätt" should help a new requirement with "tecken"
    std = make_standard([
        ("A", "Kommunikation", "Kan använda tecken som stöd med barn som behöver det."),
        ("B", "Stöd", "Använder tecken och bilder i samtal med elever."),
    ])
    before = align(std, curriculum, None, top_k=12).results["B"]
    fb = {"A": Review(links={"BARN01:cc2": "manual"})}
    after = align(std, curriculum, None, top_k=12, feedback=fb).results["B"]

    def score(res):
        return next(m.score for m in res.matches if m.item_id == "BARN01:cc2")

    assert score(after) > score(before)
    lifted = next(m for m in after.matches if m.item_id == "BARN01:cc2")
    assert any(e.bridge == "feedback" for e in lifted.evidence)


def test_second_index_build_hits_the_disk_cache(curriculum):
    first = get_index(curriculum)
    assert not first.from_cache
    clear_memo()
    curriculum.__dict__.pop("_align_digest", None)
    second = get_index(curriculum)
    assert second.from_cache
    assert second.item_ids == first.item_ids
    assert (second.text != first.text).nnz == 0


def test_changed_curriculum_gets_a_new_index(curriculum):
    first = get_index(curriculum)
    other = make_curriculum()
    other.items[0].text = "Helt annan text om bageri och konditori."
    other.courses["SVETS01"].items[0] = other.items[0]
    assert get_index(other) is not first


def test_empty_scope_gives_gaps(curriculum):
    result = align(_standard(), curriculum, [], top_k=3)
    assert all(r.status == "gap" and not r.matches for r in result.results.values())


def test_old_cached_indexes_are_pruned(tmp_path):
    import os
    import time

    from compare_app.cache_files import KEEP, prune

    paths = []
    for n in range(KEEP + 3):
        p = tmp_path / f"align-index-{n:04d}.pkl"
        p.write_bytes(b"x")
        os.utime(p, (time.time() - 1000 + n, time.time() - 1000 + n))
        paths.append(p)
    other_kind = tmp_path / "framework-0000.pkl"
    other_kind.write_bytes(b"x")
    os.utime(other_kind, (time.time() - 5000, time.time() - 5000))
    prune(tmp_path, "align-index", keep=paths[0])
    left = sorted(tmp_path.glob("align-index-*.pkl"))
    assert paths[0] in left  # the one just written stays even if oldest
    assert len(left) == KEEP
    assert other_kind.exists()  # each kind is pruned on its own
    assert paths[-1] in left and paths[-2] in left


def test_evidence_never_cites_stop_words(curriculum):
    from compare_app.align.lexicon import load_lexicon

    stop = load_lexicon().stopwords
    std = make_standard([("S", "Säkerhet", "Kan arbeta säkert enligt reglerna för farligt gods samt i samband med brand.")])
    res = align(std, curriculum, None, top_k=5).results["S"]
    cited = {w.lower() for m in res.matches for e in m.evidence for w in (e.req_term, e.item_term)}
    assert cited, "expected some evidence"
    assert not cited & stop


def test_curriculum_without_items_gives_gaps_even_with_feedback():
    from compare_app.model import Framework

    clear_memo()
    empty = Framework(kind="curriculum", title="Tom")
    fb = {"R1": Review(links={"X:cc1": "accepted", "X:cc2": "rejected"})}
    result = align(_standard(), empty, None, top_k=3, feedback=fb)
    assert all(r.status == "gap" and not r.matches for r in result.results.values())


def test_requirement_without_content_words_is_a_gap(curriculum):
    std = make_standard([("E", "", "Kan och har."), ("F", "", "")])
    result = align(std, curriculum, None, top_k=3)
    assert result.results["E"].status == "gap"
    assert result.results["F"].status == "gap"


def test_progress_is_reported_and_cancel_stops(curriculum):
    from compare_app.errors import Cancelled
    from compare_app.progress import Progress

    seen = []
    align(_standard(), curriculum, None, progress=Progress(lambda done, total, msg: seen.append((done, total))))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] - 1 == len(_standard().items)

    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        align(_standard(), curriculum, None, progress=progress)


def test_coverage_counts_requirement_words_the_item_contains(curriculum):
    """Coverage is the idf-weighted share of the requirement's words an item holds; a word the
    curriculum never uses weighs as much as its rarest word and is covered by no item."""
    import numpy as np

    from compare_app.align.score import build_query, candidates, coverage, coverage_hits

    index = get_index(curriculum)
    cand = candidates(index, np.arange(len(index.item_ids)))
    query = build_query(index, "Svetsning av kälfogar och zyxwortskruv.", "")
    hit, w = coverage_hits(index, query, cand)
    assert hit.shape == (len(index.item_ids), len(w))
    unknown = int(np.argmax(w))
    assert w[unknown] == pytest.approx(float(index.idf.max()))
    assert not hit[:, unknown].any()
    cov = coverage(index, query, cand)
    assert np.allclose(cov, hit @ w / w.sum())
    weld = index.row_of[next(it.id for it in curriculum.items if "kälfogar" in it.text)]
    assert cov.argmax() == weld and 0.0 < cov[weld] < 1.0


def _with_copy(curriculum):
    """The welding safety item repeated word for word in the vehicle course, as the catalog does."""
    from compare_app.model import Item, Provenance

    source = curriculum.item("SVETS01:cc3")
    copy = Item("MOTOR01:cc4", source.text, Provenance("test"), area="Motorteknik", course="MOTOR01", position=4)
    curriculum.courses["MOTOR01"].items.append(copy)
    curriculum.items.append(copy)
    return curriculum


def test_identical_texts_fold_into_one_proposal_with_twins(curriculum):
    curriculum = _with_copy(curriculum)
    res = align(_standard(), curriculum, None, top_k=3).results["R1"]
    texts = [m.text for m in res.matches]
    assert len(texts) == len(set(texts)) == 3  # top_k counts distinct content
    top = res.matches[0]
    assert {ref.item_id for ref in top.items()} == {"SVETS01:cc3", "MOTOR01:cc4"}
    assert {ref.course for ref in top.items()} == {"SVETS01", "MOTOR01"}


def test_a_copy_outside_the_scope_is_no_twin(curriculum):
    curriculum = _with_copy(curriculum)
    res = align(_standard(), curriculum, ["SVETS01"], top_k=3).results["R1"]
    assert res.matches[0].item_id == "SVETS01:cc3" and res.matches[0].twins == []


def test_rejecting_one_copy_rejects_the_content(curriculum):
    curriculum = _with_copy(curriculum)
    fb = {"R1": Review(links={"SVETS01:cc3": "rejected"})}
    res = align(_standard(), curriculum, None, top_k=5, feedback=fb).results["R1"]
    assert all("hjärt-lungräddning" not in m.text for m in res.matches)
