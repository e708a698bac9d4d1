"""The status bar says which method made the proposals: words and meaning, or words alone and why."""

from __future__ import annotations

import pytest

from compare_app.align import embed


@pytest.fixture
def fresh_stage():
    embed.reset()
    yield
    embed.reset()


def test_status_bar_names_the_language_model(aligned):
    if not aligned.c.project.alignment.semantic.get("model"):
        pytest.skip("no language model on this machine")
    assert aligned.matcher.text() == "Förslag: ord och betydelse"
    assert embed.MODEL_ID in aligned.matcher.toolTip()


def test_status_bar_says_when_words_alone_made_the_proposals(window, project, qtbot, monkeypatch, tmp_path, fresh_stage):
    bad = tmp_path / "e5.bin"
    bad.write_bytes(b"not a model")
    monkeypatch.setenv(embed.WEIGHTS_ENV, str(bad))
    window.set_project(project, None, align=True)
    qtbot.waitUntil(lambda: window.task is None, timeout=20000)
    assert project.alignment.method.startswith("compare-app/lexical-bridge")
    assert window.matcher.text() == "Förslag: endast ord"
    assert "kunde inte läsas" in window.matcher.toolTip()
