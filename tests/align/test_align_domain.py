"""The standard as a whole chooses among candidates from many subjects (compare_app.align.domain)."""

from __future__ import annotations

import numpy as np
import pytest

from compare_app.align import align, domain
from compare_app.align.index import clear_memo
from compare_app.model import Course, Framework, Item, Provenance, Subject

FILLER = ["hydraulik", "navigation", "ekonomi", "kemi", "musik", "bokföring", "geologi", "turism", "textil",
          "grafik", "akustik", "optik", "svetsning", "smide", "murning", "skogsbruk", "fiske", "odling",
          "bageri", "juridik", "filosofi", "historia", "programmering", "statistik", "elektronik", "kylteknik",
          "golvläggning", "plåtslageri", "måleri", "frisering", "hovslageri", "flygteknik", "sjöfart", "rörteknik"]
CHILD = [
    ("Lek", "Kan leka med barnen i grupp.", "Barns lek i grupp och lekens betydelse."),
    ("Sagor", "Kan läsa sagor högt för barnen.", "Sagor och högläsning för barn."),
    ("Tröst", "Kan trösta barn som är ledsna.", "Att trösta och bemöta ledsna barn."),
    ("Måltid", "Kan äta tillsammans med barnen.", "Måltider tillsammans med barn."),
    ("Vila", "Kan ordna vila för de yngsta barnen.", "Vila och sömn för små barn."),
    ("Sång", "Kan sjunga med barnen.", "Sång och rörelse med barn."),
    ("Ute", "Kan vara ute med barnen i alla väder.", "Utevistelse med barn."),
    ("Blöjor", "Kan byta blöjor på barnen.", "Blöjbyte och skötsel av små barn."),
    ("Skapande", "Kan måla med barnen.", "Måla och skapa med barn."),
    ("Tal", "Kan stödja barnens tal.", "Barns tal och språk."),
]
AMBIGUOUS = "Kan planera och genomföra aktiviteter."
OTHER_TRADE = "Planering och genomförande av aktiviteter."
OWN_TRADE = "Planering och genomförande av aktiviteter för barn."


def _catalog() -> Framework:
    fw = Framework(kind="curriculum", title="Många ämnen")

    def add(subject: str, code: str, texts: list[str]) -> None:
        course = Course(code, subject, 100, subject_code=code[:3], subject_name=subject)
        for n, text in enumerate(texts, start=1):
            course.items.append(Item(f"{code}:cc{n}", text, Provenance("test"), area=subject, course=code, position=n))
        fw.courses[code] = course
        fw.subjects[course.subject_code] = Subject(course.subject_code, subject, f"Ämnet {subject}.")
        fw.subjects[course.subject_code].course_codes.append(code)

    for n, word in enumerate(FILLER):
        add(word.capitalize(), f"F{n:02d}01", [f"Grunder i {word}.", f"Verktyg och material inom {word}."])
    add("Naturguidning", "NAT01", [OTHER_TRADE, "Allemansrätten och naturvård."])
    add("Barnomsorg", "BAR01", [own for _, _, own in CHILD] + [OWN_TRADE])
    fw.items = [it for c in fw.courses.values() for it in c.items]
    return fw


def _standard(with_child_requirements: bool = True) -> Framework:
    rows = [(f"B{n}", area, text) for n, (area, text, _) in enumerate(CHILD)] if with_child_requirements else []
    rows.append(("A1", "Planering", AMBIGUOUS))
    return Framework("standard", "Barnskötare", [Item(i, t, Provenance("test"), area=a) for i, a, t in rows])


@pytest.fixture()
def catalog():
    clear_memo()
    return _catalog()


def test_the_lift_needs_a_wide_scope_and_several_requirements():
    assert domain.lift_for(domain.SUBJECTS_NONE, 40) == 0.0  # a yrkespaket: no lift
    assert domain.lift_for(domain.SUBJECTS_FULL, 40) == domain.LIFT
    assert 0.0 < domain.lift_for((domain.SUBJECTS_NONE + domain.SUBJECTS_FULL) // 2, 40) < domain.LIFT
    assert domain.lift_for(300, 1) == 0.0  # one requirement says nothing about an occupation
    assert domain.lift_for(300, 3) < domain.lift_for(300, domain.REQUIREMENTS_FULL) == domain.LIFT


def test_a_requirement_never_lifts_its_own_subjects():
    d = domain.Domain(np.array([0, 1, 2]), ["a", "b", "c"], 1.0)
    fits = np.array([[1.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    w = d.weights(fits)
    assert w[2, 1] == 0.0  # only requirement 2 fits subject b
    assert w[0, 0] == 1.0 and w[2, 0] == 1.0  # subject a fits two others
    assert w[0, 2] == 0.0 and w[2, 2] == 0.5  # c fits requirement 0 only: half of a's count for requirement 2


def test_the_standards_occupation_chooses_between_two_trades(catalog, monkeypatch):
    alone = align(_standard(with_child_requirements=False), catalog, None, top_k=1).results["A1"]
    assert alone.matches[0].text == OTHER_TRADE  # on its own, the closer wording wins

    res = align(_standard(), catalog, None, top_k=1).results["A1"]
    top = res.matches[0]
    assert top.text == OWN_TRADE
    domain_ev = [e for e in top.evidence if e.bridge == "domain"]
    assert domain_ev and domain_ev[0].item_term == "Barnomsorg"
    # the pair keeps its own calibrated score: the domain chooses, it does not inflate evidence
    monkeypatch.setattr(domain, "LIFT", 0.0)
    plain = align(_standard(), catalog, None, top_k=5).results["A1"]
    assert {m.text: m.score for m in plain.matches}[OWN_TRADE] == top.score
    assert plain.matches[0].text == OTHER_TRADE


def test_a_package_scope_is_not_steered(catalog):
    res = align(_standard(), catalog, ["NAT01", "BAR01"], top_k=1).results["A1"]
    assert res.matches[0].text == OTHER_TRADE
    assert all(e.bridge != "domain" for e in res.matches[0].evidence)
