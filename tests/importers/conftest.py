"""Builders for importer test files, written to tmp_path at test time (no committed binaries)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def make_xlsx(tmp_path):
    """``make_xlsx(rows, name=..., sheet=..., before=[(sheet, rows)])`` -> path of a new workbook."""

    def build(rows, name="standard.xlsx", sheet="Krav", before=()) -> Path:
        from openpyxl import Workbook

        wb = Workbook()
        first = True
        for title, sheet_rows in [*before, (sheet, rows)]:
            ws = wb.active if first else wb.create_sheet()
            first = False
            ws.title = title
            for row in sheet_rows:
                ws.append(list(row))
        path = tmp_path / name
        wb.save(path)
        return path

    return build


@pytest.fixture
def make_csv(tmp_path):
    """``make_csv(rows, delimiter=";", encoding="utf-8")`` -> path of a delimited text file."""

    def build(rows, name="standard.csv", delimiter=";", encoding="utf-8", newline="\r\n") -> Path:
        import csv
        import io

        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(rows)
        path = tmp_path / name
        path.write_bytes(buf.getvalue().encode(encoding))
        return path

    return build


@pytest.fixture
def make_docx(tmp_path):
    """``make_docx([("heading", "Säkerhet", 1), ("list", "A1 …"), ("para", "…"), ("table", rows), ("title", "…")])``."""

    def build(blocks, name="standard.docx", core_title="") -> Path:
        from docx import Document

        doc = Document()
        if core_title:
            doc.core_properties.title = core_title
        for block in blocks:
            kind = block[0]
            if kind == "title":
                doc.add_heading(block[1], level=0)
            elif kind == "heading":
                doc.add_heading(block[1], level=block[2] if len(block) > 2 else 1)
            elif kind == "list":
                doc.add_paragraph(block[1], style="List Bullet")
            elif kind == "numbered":
                doc.add_paragraph(block[1], style="List Number")
            elif kind == "para":
                doc.add_paragraph(block[1])
            elif kind == "table":
                rows = block[1]
                table = doc.add_table(rows=0, cols=len(rows[0]))
                for row in rows:
                    for cell, value in zip(table.add_row().cells, row):
                        cell.text = value
        path = tmp_path / name
        doc.save(path)
        return path

    return build


HEADER = ["ID", "Kompetensområde", "Typ", "SeQF-nivå", "Kompetenskrav"]
ROWS = [
    ["S1", "Säkerhet", "Kunskap", "SeQF 3", "Känna till riskerna med svetsrök."],
    ["S2", "Säkerhet", "Färdighet", "SeQF 3", "Använda andningsskydd på rätt sätt."],
    ["M1", "Metoder", "Kompetens", "SeQF 4", "Välja svetsmetod självständigt efter uppdraget."],
]


@pytest.fixture
def standard_rows():
    """A small standard: title row, blank row, header on row 3, three requirements."""
    return [["Kompetensstandard för provning"], [], HEADER, *[list(r) for r in ROWS]]
