"""Reading the small HTML fragments Skolverket embeds in its XML and JSON.

Central content is an intro ``<h4>`` (Gy25: a ``<p>``), optional section headings as
``<p><strong>…</strong></p>`` (Gy25: ``<p><em>…</em></p>``) and ``<ul><li>`` items. Knowledge requirements and
descriptions are paragraphs. Nothing here executes or fetches anything.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..model import Item, Provenance


#: An invisible hyphenation hint (U+00AD, ``&shy;``) Skolverket puts inside long words; dropped.
SOFT_HYPHEN = "\u00ad"
#: Tags that make a paragraph a section heading when they hold all of its text.
EMPHASIS = {"strong", "b", "em", "i"}


class _ContentParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, str]] = []  # (section heading, item text)
        self.section = ""
        self._buf: list[str] | None = None  # text of the <li> being read
        self._para: list[str] | None = None  # text of the <p> being read
        self._in_strong = 0  # depth of open emphasis tags
        self._strong: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self._buf = []
        elif tag == "p":
            self._para, self._strong = [], []
        elif tag in EMPHASIS:
            self._in_strong += 1

    def handle_endtag(self, tag):
        if tag == "li" and self._buf is not None:
            text = " ".join("".join(self._buf).split())
            if text:
                self.items.append((self.section, text))
            self._buf = None
        elif tag in EMPHASIS:
            self._in_strong = max(self._in_strong - 1, 0)
        elif tag == "p" and self._para is not None:
            para = " ".join("".join(self._para).split())
            strong = " ".join("".join(self._strong).split())
            if strong and strong == para and not para.endswith(":"):  # an all-bold (Gy11) or italic (Gy25) paragraph is a heading
                self.section = strong
            self._para = None

    def handle_data(self, data):
        data = data.replace(SOFT_HYPHEN, "")
        if self._buf is not None:
            self._buf.append(data)
        elif self._para is not None:
            self._para.append(data)
            if self._in_strong:
                self._strong.append(data)


def content_items(fragment: str) -> list[tuple[str, str]]:
    """``(section, text)`` for each ``<li>`` in document order."""
    parser = _ContentParser()
    parser.feed(fragment or "")
    parser.close()
    return parser.items


class _TextParser(HTMLParser):
    BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "br", "ul", "ol", "div"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data.replace(SOFT_HYPHEN, ""))


def plain_text(fragment: str) -> str:
    """Readable text of an HTML fragment: one line per block, spaces folded."""
    parser = _TextParser()
    parser.feed(fragment or "")
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def central_content_items(code: str, course_name: str, fragment: str, source: str, locator: str) -> list[Item]:
    """A course's central content as items ``CODE:ccN`` (N = 1-based ``<li>`` position).

    ``locator`` is the course's own locator; each item's provenance extends it with
    ``/centralContent/li[N]``. Shared by the XML and the syllabus-API JSON readers so
    both give identical items for the same course.
    """
    return [
        Item(
            id=f"{code}:cc{n}",
            text=text,
            provenance=Provenance(source, f"{locator}/centralContent/li[{n}]"),
            area=course_name,
            section=section,
            course=code,
            position=n,
        )
        for n, (section, text) in enumerate(content_items(fragment), start=1)
    ]
