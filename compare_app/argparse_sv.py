"""``argparse`` in Swedish: the parser class both command lines use.

argparse builds its own words ("usage", "options", "show this help message and
exit", its error messages) through ``gettext`` at the moment it needs them, and a
Windows laptop has no Swedish catalog for it.  :class:`SwedishArgumentParser`
swaps argparse's translation functions for a small Swedish table only while one of
its own methods runs, so other argparse users in the same process (pytest) keep
their words.  A message missing from the table (a newer Python's wording) stays
English rather than failing.
"""

from __future__ import annotations

import argparse
import contextlib
import threading

_WORDS = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",  # Python before 3.10
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "show program's version number and exit": "visa programmets version och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "the following arguments are required: %s": "dessa argument krävs: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "väntade ett värde",
    "expected at most one argument": "väntade högst ett värde",
    "expected at least one argument": "väntade minst ett värde",
    "not allowed with argument %s": "får inte användas tillsammans med %s",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig flagga: %(option)s kan vara %(matches)s",
    "ignored explicit argument %r": "ignorerade värdet %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "okänt kommando %(parser_name)r (välj bland %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
}
_PLURALS = {("expected %s argument", "expected %s arguments"): ("väntade %s värde", "väntade %s värden")}

_lock = threading.RLock()
_depth = 0


def _gettext(message: str) -> str:
    return _WORDS.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    one, many = _PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextlib.contextmanager
def swedish():
    """argparse speaks Swedish inside this block (re-entrant; restores the original functions)."""
    global _depth
    with _lock:
        if _depth == 0:
            saved = argparse._, argparse.ngettext
            argparse._, argparse.ngettext = _gettext, _ngettext
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
            if _depth == 0:
                argparse._, argparse.ngettext = saved


class SwedishArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help, usage and error texts are Swedish; sub-parsers inherit it."""

    def __init__(self, *args, **kwargs):
        with swedish():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args, **kwargs):
        with swedish():
            return super().add_argument(*args, **kwargs)

    def parse_args(self, *args, **kwargs):
        with swedish():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args, **kwargs):
        with swedish():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self):
        with swedish():
            return super().format_usage()

    def format_help(self):
        with swedish():
            return super().format_help()

    def error(self, message):
        with swedish():
            super().error(message)
