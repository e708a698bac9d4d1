"""A small hand-written curriculum and standard for the matcher's unit tests (own text)."""

from __future__ import annotations

from compare_app.model import Course, Framework, Item, Provenance, Subject

COURSES = {
    "SVETS01": ("Svetsning grund", "Svetsning", [
        "Svetsning av kälfogar och stumfogar i tunnplåt med vald svetsmetod.",
        "Kontroll av svetsfogar och bedömning av vanliga svetsfel.",
        "Säkerhet i samband med arbetet, till exempel brand och hjärt-lungräddning.",
    ]),
    "MOTOR01": ("Motorteknik", "Fordonsteknik", [
        "Funktion hos och konstruktion av ottomotorn och dieselmotorn.",
        "Alternativa bränslen och hybridteknik i personbilar.",
        "Felsökning med diagnosutrustning och tolkning av felkoder.",
    ]),
    "BARN01": ("Barns lärande", "Pedagogik", [
        "Lekens betydelse för barns lärande och växande.",
        "Alternativa och kompletterande kommunikationssätt i arbetet med barn.",
        "Metoder för att förebygga och hantera konflikter i barngrupper.",
    ]),
    "LAGER01": ("Lagerarbete", "Logistik", [
        "Godsmottagning, inlagring och orderplock med truck.",
        "Hantering av farligt gods enligt gällande regler.",
        "Förpackning och märkning av försändelser.",
    ]),
}


def make_curriculum() -> Framework:
    fw = Framework(kind="curriculum", title="Testkatalog")
    for code, (name, subject, texts) in COURSES.items():
        course = Course(code, name, 100, subject_code=subject[:4].upper(), subject_name=subject,
                        description=f"Kursen {name.lower()} handlar om {subject.lower()}.")
        for n, text in enumerate(texts, start=1):
            course.items.append(Item(f"{code}:cc{n}", text, Provenance("test"), area=name, course=code, position=n))
        fw.courses[code] = course
        fw.subjects.setdefault(course.subject_code, Subject(course.subject_code, subject, f"Ämnet {subject.lower()}."))
        fw.subjects[course.subject_code].course_codes.append(code)
    fw.items = [it for c in fw.courses.values() for it in c.items]
    return fw


def make_standard(rows: list[tuple[str, str, str]]) -> Framework:
    """rows: (id, area, text)."""
    items = [Item(rid, text, Provenance("test"), area=area, kind="färdighet") for rid, area, text in rows]
    return Framework(kind="standard", title="Teststandard", items=items)
