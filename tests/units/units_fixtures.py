"""Small hand-made standards and curricula whose answers are known (no real text)."""

from __future__ import annotations

from compare_app.model import Course, Framework, Item, Provenance
from compare_app.project import Project

P = Provenance("test")


def course(code: str, name: str, points: int | None, texts: list[str]) -> Course:
    items = [
        Item(f"{code}:cc{n}", t, P, area=name, course=code, position=n) for n, t in enumerate(texts, 1)
    ]
    return Course(code, name, points, items)


def curriculum(*courses: Course) -> Framework:
    fw = Framework(kind="curriculum", title="testkatalog")
    for c in courses:
        fw.courses[c.code] = c
        fw.items.extend(c.items)
    return fw


def standard(rows: list[tuple[str, str, str, str, str | None]]) -> Framework:
    """rows: (id, area, kind, text, level)."""
    items = [Item(rid, text, P, area=area, kind=kind, level=level) for rid, area, kind, text, level in rows]
    return Framework(kind="standard", title="teststandard", items=items)


def welding_project() -> Project:
    """Three areas; a package of two courses; one requirement only a course outside the package covers."""
    cur = curriculum(
        course("SVE01", "Svetsgrunder", 100, [
            "gasbågsvetsning med massiv tråd i stål",
            "säkerhet vid svetsning och skyddsutrustning",
            "läsa svetsritningar och symboler",
            "förberedelse av fogar",
        ]),
        course("MAT01", "Materialkunskap", 50, [
            "egenskaper hos stål och aluminium",
            "värmebehandling av metaller",
        ]),
        course("LYF01", "Truckkörning", 100, [
            "köra motviktstruck säkert på arbetsplatsen",
            "daglig tillsyn av truck",
        ]),
        course("BRA01", "Brandskydd", 50, [
            "heta arbeten och brandrisker vid svetsning",
        ]),
    )
    cur.packages["Svets"] = __import__("compare_app.model", fromlist=["Package"]).Package("Svets", ["SVE01", "MAT01"])
    std = standard([
        ("R1", "Svetsning", "färdighet", "gasbågsvetsning med massiv tråd i stål", "4"),
        ("R2", "Svetsning", "kunskap", "säkerhet vid svetsning och skyddsutrustning", "4"),
        ("R3", "Material", "kunskap", "egenskaper hos stål och aluminium", "3"),
        ("R4", "Logistik", "färdighet", "köra motviktstruck säkert på arbetsplatsen", None),
        ("R5", "Logistik", "kunskap", "daglig tillsyn av truck", None),
    ])
    from compare_app.project import Scope

    return Project(std, cur, scope=Scope(package="Svets"))
