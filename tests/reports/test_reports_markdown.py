"""The method appendix: which README text is used and how its Markdown becomes Word paragraphs."""

from __future__ import annotations

from docx import Document

from compare_app.exporters import _report_data as rd
from compare_app.exporters import _report_markdown as md

README = """# Title of the method

Intro line one
continues here with **bold** and `code`.

1. **First** step
   wraps onto a second line.
2. Second step with *emphasis* and 3 * 4.

- a bullet

| mode | top-1 |
|---|---|
| package | 0.81 |

```
code is left out
```

## Metoden på svenska

Förslagen bygger på ordanalys.

- punkt på svenska

## Next section

Not part of the Swedish text.
"""


def test_blocks_join_continuations_and_read_tables():
    blocks = md.blocks(README)
    assert blocks[0] == ("h", 1, "Title of the method")
    assert blocks[1] == ("p", "Intro line one continues here with **bold** and `code`.")
    assert blocks[2] == ("ol", 1, "**First** step wraps onto a second line.")
    assert blocks[4] == ("ul", "a bullet")
    assert blocks[5] == ("table", [["mode", "top-1"], ["package", "0.81"]])
    assert not any("code is left out" in str(b) for b in blocks)
    assert md.plain("2. Second *emphasis* and 3 * 4, \\*") == "2. Second emphasis and 3 * 4, *"


def test_swedish_section_is_preferred(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    text, language = rd.method_text(path)
    assert language == "sv"
    assert "ordanalys" in text and "punkt på svenska" in text and "Not part" not in text
    path.write_text(README.split("## Metoden")[0], encoding="utf-8")
    assert rd.method_text(path)[1] == "en"
    assert rd.method_text(tmp_path / "missing.md") == ("", "")


def test_render_into_word():
    doc = Document()
    md.render(doc, README)
    texts = [p.text for p in doc.paragraphs]
    assert "Title of the method" not in texts  # the report writes its own heading
    assert "1. First step wraps onto a second line." in texts
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 3"] == ["Metoden på svenska", "Next section"]
    assert len(doc.tables) == 1 and doc.tables[0].cell(1, 1).text == "0.81"
