"""Turning cell and paragraph values from users' files into clean one-line text.

Shared by the table, Word and package importers so that every format strips the
same control characters, folds the same whitespace and caps the same lengths.
"""

from __future__ import annotations

import datetime as _dt
import re

#: Longer texts are cut (with a warning): no requirement needs more, and a
#: 50,000-character cell would make every later step slow to no purpose.
MAX_TEXT_CHARS = 4_000

# C0/C1 control characters, zero-width characters, soft hyphen and BOM; whitespace
# controls (tab, newline, carriage return) are folded into spaces instead.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def cell_text(value: object) -> str:
    """A cell value as text: integral floats without ``.0``, dates as ISO, ``None`` as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sant" if value else "falskt"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return str(value)


def clean(value: object) -> str:
    """One line of text: invisible characters removed, whitespace folded, ends trimmed."""
    text = _INVISIBLE.sub("", cell_text(value))
    text = _SURROGATES.sub("", text)
    return " ".join(text.split())


def repair_unicode(value: object) -> tuple[object, int]:
    """Parsed JSON with every lone surrogate (``"\\ud800"``: valid JSON, but no file and no hash can
    hold it) replaced by U+FFFD, in place; returns the value and how many texts were repaired."""
    repaired = 0

    def fix(text: str) -> str:
        nonlocal repaired
        if text.isascii() or not _SURROGATES.search(text):
            return text
        repaired += 1
        return _SURROGATES.sub("\ufffd", text)

    if isinstance(value, str):
        return fix(value), repaired
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for n, item in enumerate(node):
                if isinstance(item, str):
                    node[n] = fix(item)
                elif isinstance(item, (list, dict)):
                    stack.append(item)
        elif isinstance(node, dict):
            for key in list(node):
                item = node[key]
                new_key = fix(key) if isinstance(key, str) else key
                if new_key != key:
                    del node[key]
                node[new_key] = fix(item) if isinstance(item, str) else item
                if isinstance(item, (list, dict)):
                    stack.append(item)
    return value, repaired


def repaired_warning(count: int) -> str:
    texts = "en text" if count == 1 else f"{count} texter"
    return f"{texts} innehöll ogiltiga tecken (ensamma surrogattecken), som ersattes med \ufffd"


def capped(text: str, where: str, warnings: list[str]) -> str:
    """``text`` cut to :data:`MAX_TEXT_CHARS`, with a warning naming ``where`` when cut."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    warnings.append(f"{where}: texten har {len(text)} tecken och kortades till {MAX_TEXT_CHARS}")
    return text[:MAX_TEXT_CHARS].rstrip() + " …"


def header_key(value: object) -> str:
    """A header cell normalised for matching: lower case, no punctuation at the ends."""
    return clean(value).lower().strip(" :.*()[]-_")


def describe(exc: BaseException, limit: int = 200) -> str:
    """A parser exception as one short line for an error message: type and folded text."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:limit]
