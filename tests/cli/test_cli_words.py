"""The command lines speak one language: Swedish help and errors, Swedish names for what they wrote."""

from __future__ import annotations

import argparse
import re

import pytest

from compare_app import launcher
from compare_app.cli import main, make_parser
from compare_app.paths import samples_dir

ENGLISH = re.compile(r"\b(usage|options|positional arguments|show this help|error|required|invalid|unrecognized)\b")


def _all_help(parser: argparse.ArgumentParser) -> list[str]:
    texts = [parser.format_help()]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            texts += [sub.format_help() for sub in action.choices.values()]
    return texts


@pytest.mark.parametrize("make", [make_parser, launcher.make_parser], ids=["compare-app", "compare-app-gui"])
def test_help_has_no_english_argparse_words(make):
    for text in _all_help(make()):
        assert text.startswith("användning: ")
        assert "flaggor:" in text and "visa den här hjälpen och avsluta" in text
        assert not ENGLISH.search(text), text


@pytest.mark.parametrize("argv, expected", [
    (["align"], "dessa argument krävs: STANDARD, --curriculum"),
    (["nope"], "ogiltigt val: 'nope'"),
    (["demo", "--bogus"], "okända argument: --bogus"),
])
def test_argparse_errors_are_swedish(capsys, argv, expected):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert expected in err and ": fel: " in err and not ENGLISH.search(err)


def test_swedish_words_do_not_leak_into_other_parsers():
    make_parser().format_help()
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: ")


def test_packages_search_without_match_says_so(capsys):
    assert main(["packages", "--curriculum", str(samples_dir() / "kursplaner"), "--search", "zzzz"]) == 2
    err = capsys.readouterr().err
    assert "kursplaner" in err and "'zzzz'" in err


def test_demo_names_its_outputs_in_swedish(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path / "demo")]) == 0
    written = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Skrev ")]
    kinds = [line.split(":", 1)[0] for line in written]
    assert "Skrev projekt" in kinds and "Skrev kursplan" in kinds and "Skrev Word-rapport" in kinds
    assert not any(k in kinds for k in ("Skrev project", "Skrev plan", "Skrev docx"))
