"""Render the small Markdown subset of a README into a python-docx document.

Used for the report's method appendix, which quotes ``compare_app/align/README.md``: headings,
paragraphs, bullet and numbered lists (with continuation lines), tables and fenced code (left
out). Inline markup is reduced to plain text.
"""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")
_EMPHASIS = re.compile(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])")


def plain(text: str) -> str:
    """Inline Markdown to plain text: bold, emphasis, code spans and escapes removed."""
    text = text.replace("**", "").replace("`", "")
    text = _EMPHASIS.sub(r"\1", text)
    return text.replace("\\*", "*").replace("\\_", "_")


def blocks(text: str) -> list[tuple]:
    """``("h", level, text)``, ``("p", text)``, ``("ul", text)``, ``("ol", number, text)``, ``("table", rows)``."""
    out: list[list] = []
    current: list | None = None
    in_code = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code, current = not in_code, None
            continue
        if in_code:
            continue
        if not stripped:
            current = None
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append(["h", level, stripped.lstrip("#").strip()])
            current = None
        elif stripped.startswith("|"):
            if current is None or current[0] != "table":
                current = ["table", []]
                out.append(current)
            if not _TABLE_RULE.match(stripped):
                current[1].append([cell.strip() for cell in stripped.strip("|").split("|")])
        elif _NUMBERED.match(stripped):
            number, rest = _NUMBERED.match(stripped).groups()
            current = ["ol", int(number), rest]
            out.append(current)
        elif stripped[:2] in ("- ", "* "):
            current = ["ul", stripped[2:]]
            out.append(current)
        elif current is not None and current[0] in ("p", "ul", "ol"):
            current[-1] += " " + stripped
        else:
            current = ["p", stripped]
            out.append(current)
    return [tuple(b) for b in out]


def render(doc, text: str, heading_style: str = "Heading 3", skip_title: bool = True) -> None:
    """Add ``text`` to ``doc``; a level-1 title is left out when ``skip_title`` (the report has its own)."""
    for block in blocks(text):
        kind = block[0]
        if kind == "h":
            if not (skip_title and block[1] == 1) and plain(block[2]):
                doc.add_paragraph(plain(block[2]), style=heading_style)
        elif kind == "p":
            doc.add_paragraph(plain(block[1]))
        elif kind == "ul":
            doc.add_paragraph(plain(block[1]), style="List Bullet")
        elif kind == "ol":
            p = doc.add_paragraph(f"{block[1]}. {plain(block[2])}")
            _hanging(p)
        elif kind == "table" and block[1]:
            _table(doc, block[1])


def _hanging(paragraph) -> None:
    from docx.shared import Cm

    paragraph.paragraph_format.left_indent = Cm(0.7)
    paragraph.paragraph_format.first_line_indent = Cm(-0.7)


def _table(doc, rows: list[list[str]]) -> None:
    from docx.shared import Pt

    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = doc.styles["Table Grid"]
    for r, values in enumerate(rows):
        for c, value in enumerate(values[:width]):
            run = table.rows[r].cells[c].paragraphs[0].add_run(plain(value))
            run.font.size = Pt(8.5)
            run.bold = r == 0
    doc.add_paragraph()
