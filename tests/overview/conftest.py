"""Small inputs of our own text: a bakery-and-shop catalog and three standards that overlap.

The bakery and pastry standards share hygiene and costing (content in both catalog courses);
the shop standard shares hygiene with them; card payments and till handling are covered by no
course, and two standards ask for them, so they form one gap group across standards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

STANDARDS = {
    "Bagare.csv": [
        ("B1", "Bröd", "Kan bereda degar med jäst och surdeg till matbröd."),
        ("B2", "Bröd", "Kan grädda bröd i ugn i olika format."),
        ("B3", "Hygien", "Följer hygienregler och egenkontroll i bageriet."),
        ("B4", "Ekonomi", "Kan kalkylera pris för bageriets varor."),
        ("B5", "Butik", "Kan hantera kortbetalning och kassaapparat vid försäljning."),
    ],
    "Konditor.csv": [
        ("K1", "Konditori", "Kan göra tårtor och bakelser med grädde och marsipan."),
        ("K2", "Konditori", "Kan dekorera tårtor med marsipan."),
        ("K3", "Hygien", "Följer hygienregler och egenkontroll i konditoriet."),
        ("K4", "Ekonomi", "Kan kalkylera pris för konditorivaror."),
    ],
    "Butikssäljare.csv": [
        ("S1", "Kassa", "Hanterar kortbetalning och kassaapparat vid försäljning i butiken."),
        ("S2", "Hygien", "Följer hygienregler och egenkontroll i butikens livsmedelshantering."),
        ("S3", "Kund", "Kan ge kunden råd om hur man förvarar vinterdäck i ett förråd."),
    ],
}


def write_standard(path: Path, rows) -> Path:
    lines = ["Nr;Område;Krav"] + [f"{rid};{area};{text}" for rid, area, text in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HYGIENE = "Hygienregler och egenkontroll i bageriet och konditoriet."  # in both courses, word for word
COURSES = [
    ("BAGBRÖ01", "Brödbakning 1", 100,
     ["Degberedning med jäst och surdeg för matbröd.", "Ugnar och gräddning av bröd i olika format.", HYGIENE]),
    ("BAGKON01", "Konditori 1", 200,
     ["Tårtor, bakelser och dekoration med grädde och marsipan.", "Kalkylering av pris för bageri- och konditorivaror.",
      HYGIENE]),
]


@pytest.fixture
def catalog(tmp_path: Path, subject_xml) -> Path:
    cur = tmp_path / "kursplaner"
    cur.mkdir()
    (cur / "Bageri.xml").write_text(subject_xml("BAG", "Bageri", COURSES), encoding="utf-8")
    return cur


@pytest.fixture
def standards(tmp_path: Path) -> list[Path]:
    return [write_standard(tmp_path / name, rows) for name, rows in STANDARDS.items()]
