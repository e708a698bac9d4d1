"""What makes a second run fast must not change what it finds: the trie-backed dictionary, the
lemmas and splits an index keeps, and the index read back from the disk cache."""

from __future__ import annotations

import pytest
import simplemma
from alignfactory import make_curriculum, make_standard

from compare_app.align import align, normalise
from compare_app.align.index import clear_memo, get_index
from compare_app.progress import Progress

WORDS = ("svetsar svetsfogar kontrollerade monteringen kunskaperna grundläggande arbetsmiljön ritningarna "
         "fogar bultförband hydraulsystemet kundbemötande gods såg it hjärt-lungräddning xyzzyq").split()


def test_trie_dictionary_gives_simplemmas_own_lemmas():
    for word in WORDS:
        assert normalise._lemmatise(word) == simplemma.lemmatize(word, lang="sv").lower(), word
        assert normalise.is_known(word) == simplemma.is_known(word, lang="sv"), word
    assert normalise.lemma("såg") == "såg"  # our own fixes still come first


def _standard():
    return make_standard([
        ("R1", "Svetsning", "Kan MAG-svetsa kälfogar i plåt och kontrollera fogarna."),
        ("R2", "Säkerhet", "Kan ge HLR om en olycka inträffar."),
        ("R3", "Motor", "Förstår hur bensin- och dieselmotorer fungerar."),
    ])


def _proposals(result):
    return {rid: [(m.item_id, m.score, m.reason) for m in r.matches] for rid, r in result.results.items()}


def test_index_from_disk_keeps_lemmas_and_gives_the_same_proposals(monkeypatch):
    clear_memo()
    curriculum = make_curriculum()
    built = get_index(curriculum)
    assert not built.from_cache
    assert built.lemmas and built.splits
    first = _proposals(align(_standard(), curriculum, None, top_k=3))

    clear_memo()
    monkeypatch.setattr(normalise, "_LEMMAS", {})
    looked_up: list[str] = []
    real = normalise._lemmatise
    monkeypatch.setattr(normalise, "_lemmatise", lambda w: looked_up.append(w) or real(w))
    again = make_curriculum()
    loaded = get_index(again)
    assert loaded.from_cache
    assert _proposals(align(_standard(), again, None, top_k=3)) == first
    curriculum_words = set(built.lemmas)
    assert looked_up, "the standard has words the curriculum lacks"
    assert not curriculum_words & set(looked_up), "words the index knows were looked up again"


def test_index_digest_follows_simplemmas_version(monkeypatch):
    from compare_app.align.index import corpus_digest
    from compare_app.align.lexicon import load_lexicon

    curriculum = make_curriculum()
    before = corpus_digest(curriculum, load_lexicon())
    monkeypatch.setattr(simplemma, "__version__", "0.0-other")
    assert corpus_digest(curriculum, load_lexicon()) != before


def test_building_an_index_reports_its_phases_and_can_be_cancelled():
    clear_memo()
    seen: list[tuple[int, int, str]] = []
    get_index(make_curriculum(), use_disk=False, progress=Progress(lambda d, t, m: seen.append((d, t, m))))
    phases = [m.split(": ", 1)[1] for _, _, m in seen]
    assert phases[0] == "ordförråd" and "samband" in phases and phases[-1] == "synonymer"
    assert all(t == seen[0][1] for _, t, _ in seen)
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)

    from compare_app.errors import Cancelled

    clear_memo()
    stop = Progress()
    stop.cancel()
    with pytest.raises(Cancelled):
        get_index(make_curriculum(), use_disk=False, progress=stop)


@pytest.mark.parametrize("problem", [ImportError("marisa_trie and platformdirs are required"), PermissionError("låst")])
def test_without_marisa_trie_or_a_cache_folder_the_default_dictionary_gives_the_same_lemmas(monkeypatch, problem):
    def missing(*_args, **_kwargs):
        raise problem

    monkeypatch.setattr(normalise, "TrieDictionaryFactory" if isinstance(problem, ImportError) else "user_cache_dir", missing)
    fallback = normalise._dictionary.__wrapped__()
    assert fallback.lemmatizer.lemmatize("svetsfogar", "sv") == normalise._lemmatise("svetsfogar")
    assert fallback.lookup.get_lemma("fogar", "sv") is not None


def test_the_trie_is_kept_in_the_user_cache_folder():
    from compare_app.paths import user_cache_dir

    folder = user_cache_dir() / f"simplemma-{simplemma.__version__}"
    normalise._dictionary.__wrapped__().lemmatizer.lemmatize("kurserna", "sv")  # a fresh factory: builds or opens
    assert (folder / "sv.dic").is_file()
