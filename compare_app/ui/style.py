"""Status colours, names and the HTML highlighting of matched words."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

#: (background, strong) colour per status; the status is always also written out in words
STATUS_COLOURS = {
    "covered": (QColor("#d4edda"), QColor("#1e7b34")),
    "partial": (QColor("#fff1c2"), QColor("#a26a00")),
    "gap": (QColor("#f8d7da"), QColor("#b02a37")),
    "formal": (QColor("#e2e6ee"), QColor("#4a5568")),
}
LINK_HIGHLIGHT = QColor("#cfe2ff")
MARK_STYLE = "background-color:#ffe08a; font-weight:600;"


def status_name(status: str | None) -> str:
    names = {
        "covered": QCoreApplication.translate("status", "Täckt"),
        "partial": QCoreApplication.translate("status", "Delvis"),
        "gap": QCoreApplication.translate("status", "Lucka"),
        "formal": QCoreApplication.translate("status", "Formellt krav"),
        None: QCoreApplication.translate("status", "Automatisk"),
    }
    return names.get(status, status or "")


def review_key(action: str) -> str:
    """The one-letter shortcut of a review action, in the interface language (G/A in Swedish, A/R in English).

    The letter is a mnemonic of the word on the button, so it is translated with it.
    """
    keys = {
        "accept": QCoreApplication.translate("shortcut", "G", "key that accepts a link (Godkänn)"),
        "reject": QCoreApplication.translate("shortcut", "A", "key that rejects a link (Avvisa)"),
    }
    return keys[action]


def link_state_name(state: str) -> str:
    names = {
        "proposed": QCoreApplication.translate("status", "Förslag"),
        "accepted": QCoreApplication.translate("status", "Godkänd"),
        "manual": QCoreApplication.translate("status", "Manuell"),
        "rejected": QCoreApplication.translate("status", "Avvisad"),
    }
    return names.get(state, state)


def bridge_name(bridge: str) -> str:
    """How a piece of evidence joined the two texts, in the interface language."""
    names = {
        "lemma": QCoreApplication.translate("bridge", "grundform"),
        "compound": QCoreApplication.translate("bridge", "sammansättning"),
        "abbreviation": QCoreApplication.translate("bridge", "förkortning"),
        "synonym": QCoreApplication.translate("bridge", "synonym"),
        "broader": QCoreApplication.translate("bridge", "över- eller underbegrepp"),
        "association": QCoreApplication.translate("bridge", "förekommer ihop i kursplanerna"),
        "fuzzy": QCoreApplication.translate("bridge", "liknande stavning"),
        "feedback": QCoreApplication.translate("bridge", "dina beslut i projektet"),
        "memory": QCoreApplication.translate("bridge", "dina tidigare projekt"),
        "context": QCoreApplication.translate("bridge", "kursens namn eller rubrik"),
        "domain": QCoreApplication.translate("bridge", "ämne som passar standardens övriga krav"),
        "semantic": QCoreApplication.translate("bridge", "liknande betydelse"),
        "course_named": QCoreApplication.translate("bridge", "kursen anges i kravet"),
    }
    return names.get(bridge, bridge)


def reason_text(match) -> str:
    """The proposal's evidence as one line, bridges named in the interface language."""
    return match.reason_named(bridge_name) if match is not None else ""


_WORD = re.compile(r"\w+", re.UNICODE)


def shared_words(a: str, b: str, min_len: int = 4) -> set[str]:
    """Words (lower case) that both texts contain; the fallback when a match has no evidence."""
    wa = {w.lower() for w in _WORD.findall(a) if len(w) >= min_len}
    return {w.lower() for w in _WORD.findall(b) if len(w) >= min_len and w.lower() in wa}


def highlight(text: str, terms: set[str] | list[str]) -> str:
    """``text`` as HTML with every occurrence of any term marked (case-insensitive)."""
    terms = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[pos : m.start()]))
        out.append(f'<span style="{MARK_STYLE}">{html.escape(m.group(0))}</span>')
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def match_terms(match, req_text: str, item_text: str) -> tuple[set[str], set[str]]:
    """Words to mark in the requirement and in the item for one proposal."""
    if match is not None and match.evidence:
        return {e.req_term for e in match.evidence}, {e.item_term for e in match.evidence}
    words = shared_words(req_text, item_text)
    return words, words
