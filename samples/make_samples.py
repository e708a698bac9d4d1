"""Build the bundled sample files from the data lists below.

Run ``python samples/make_samples.py`` after changing the data; it rewrites

* ``standard_svetsare.xlsx`` and ``standard_svetsare.docx`` – the same welder standard
  (one list, two formats, so they never drift apart);
* ``yrkespaket_svetsare.csv`` – the course codes of the welding package;
* ``facit_svetsare.json`` – the answer key: requirement id -> intended status and items;
* ``kursplaner/`` – a small curriculum in Skolverket's open-data XML format (subject
  files with HTML-escaped central content, and a programme file whose vocational
  outcome "Industritekniska programmet / Svetsare" lists the courses).

All sentences are written for this sample. Course codes, names and points are the
real ones from Skolverket's GY11 syllabi; the course *content* is not.

The standard is built so that most requirements are covered by a course item that
uses other words (synonyms, inflections, compounds), a few only partly, and four are
true gaps (A5, A6, B5, C8) that no course covers.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent

TITLE = "Kompetensstandard Svetsare (exempel)"
VERSION_NOTE = "Exempel framtaget för compare_app. Version 1.0. Nivåer enligt SeQF."

# (area, [(id, kind, SeQF level, requirement text)])
STANDARD: list[tuple[str, list[tuple[str, str, int, str]]]] = [
    ("Arbetsmiljö och säkerhet", [
        ("A1", "kunskap", 3, "Känna till vilka hälsorisker svetsrök, UV-strålning och buller medför och hur de förebyggs."),
        ("A2", "färdighet", 3, "Välja och använda rätt personlig skyddsutrustning, till exempel svetshjälm, andningsskydd och handskar."),
        ("A3", "färdighet", 3, "Ordna punktutsug och ventilation på arbetsplatsen innan svetsningen påbörjas."),
        ("A4", "kompetens", 4, "Ta ansvar för att det egna arbetet följer arbetsmiljölagen och företagets säkerhetsrutiner."),
        ("A5", "kunskap", 3, "Ha genomgått utbildning i heta arbeten och känna till reglerna för brandvakt och efterbevakning."),
        ("A6", "färdighet", 3, "Kunna ge första hjälpen vid brännskador och ögonskador som uppstått vid svetsning."),
    ]),
    ("Planering och underlag", [
        ("B1", "kunskap", 3, "Läsa och tolka ritningar med svetssymboler enligt gällande standard."),
        ("B2", "färdighet", 4, "Följa en svetsprocedurspecifikation (WPS) och ställa in parametrar utifrån den."),
        ("B3", "färdighet", 3, "Planera arbetsgången för ett svetsuppdrag och välja lämplig svetsmetod."),
        ("B4", "kompetens", 4, "Samarbeta med arbetsledare och kollegor och rapportera avvikelser i produktionen."),
        ("B5", "kompetens", 4, "Beräkna åtgång av tid och tillsatsmaterial och ta fram underlag för en offert."),
        ("B6", "kunskap", 3, "Använda yrkets fackspråk för att beskriva fogar, lägen och svetsfel."),
    ]),
    ("Svetsmetoder och utförande", [
        ("C1", "färdighet", 3, "Svetsa kälsvetsar i plåt med MAG-svetsning i horisontal- och vertikalläge."),
        ("C2", "färdighet", 4, "Utföra stumsvetsar i plåt med full genomsvetsning i flera svetslägen."),
        ("C3", "färdighet", 4, "Svetsa rör med rotsträng och fyllnadssträngar enligt given procedur."),
        ("C4", "kunskap", 3, "Förklara hur olika svetsmetoder som MMA, MIG/MAG och TIG fungerar och när de används."),
        ("C5", "färdighet", 3, "Ställa in strömstyrka, spänning och trådmatning på svetsaggregatet."),
        ("C6", "färdighet", 3, "Förbereda fogen genom fasning, rengöring och häftsvetsning."),
        ("C7", "kompetens", 4, "Självständigt välja lämpliga åtgärder för att minska formförändringar vid svetsning."),
        ("C8", "färdighet", 4, "Programmera och köra en svetsrobot för serieproduktion."),
    ]),
    ("Material och tillsatsmaterial", [
        ("D1", "kunskap", 3, "Känna till egenskaper hos olegerat stål, rostfritt stål och aluminium vid svetsning."),
        ("D2", "kunskap", 4, "Förklara hur värmetillförseln påverkar materialets struktur och hållfasthet."),
        ("D3", "färdighet", 3, "Välja tillsatsmaterial och skyddsgas som passar grundmaterialet."),
        ("D4", "kunskap", 3, "Känna till hur material märks och hur standardbeteckningar för stål läses."),
        ("D5", "kompetens", 4, "Bedöma när förvärmning eller efterbehandling av svetsförbandet behövs."),
    ]),
    ("Kvalitet och underhåll", [
        ("E1", "färdighet", 3, "Kontrollera svetsar visuellt och bedöma dem mot acceptanskrav."),
        ("E2", "kunskap", 4, "Känna till principerna för oförstörande provning, till exempel penetrant- och ultraljudsprovning."),
        ("E3", "färdighet", 3, "Åtgärda vanliga svetsfel som porer, bindfel och sprickor."),
        ("E4", "färdighet", 3, "Sköta daglig tillsyn och enkelt underhåll av svetsutrustningen."),
        ("E5", "kompetens", 4, "Felsöka och avhjälpa enklare fel på utrustning och dokumentera åtgärden."),
        ("E6", "kompetens", 4, "Dokumentera utfört arbete så att svetsarbetet kan spåras."),
    ]),
]

HEADERS = ["ID", "Kompetensområde", "Typ", "SeQF-nivå", "Kompetenskrav"]

# The answer key: which course items were written to cover each requirement, and how well.
# Written to ``facit_svetsare.json`` so matcher tests and demos can check proposals against it.
INTENDED: dict[str, tuple[str, list[str]]] = {
    "A1": ("covered", ["SAAKÄL02S:cc6"]),
    "A2": ("covered", ["SAAKÄL02S:cc7"]),
    "A3": ("partial", ["SAAKÄL02S:cc7"]),  # extraction yes, ventilation of the workplace no
    "A4": ("covered", ["SAARÖR01S:cc4"]),
    "A5": ("gap", []),
    "A6": ("gap", []),
    "B1": ("covered", ["SAAKÄL02S:cc2"]),
    "B2": ("covered", ["SAAKÄL02S:cc2", "SAAKÄL02S:cc3"]),
    "B3": ("covered", ["SAASTU02S:cc2"]),
    "B4": ("covered", ["SAASTU02S:cc4"]),
    "B5": ("gap", []),
    "B6": ("covered", ["SAASTU02S:cc5"]),
    "C1": ("covered", ["SAAKÄL02S:cc1"]),
    "C2": ("covered", ["SAASTU01S:cc1"]),
    "C3": ("covered", ["SAARÖR01S:cc1"]),
    "C4": ("covered", ["SAASTU01S:cc4"]),
    "C5": ("covered", ["SAAKÄL02S:cc3"]),
    "C6": ("covered", ["SAASTU01S:cc2"]),
    "C7": ("covered", ["SAAKÄL02S:cc4"]),
    "C8": ("gap", []),
    "D1": ("covered", ["MAEMAT01:cc1"]),
    "D2": ("covered", ["MAEMAT01:cc2"]),
    "D3": ("covered", ["SAASTU01S:cc3"]),
    "D4": ("covered", ["MAEMAT01:cc3"]),
    "D5": ("covered", ["SAASTU02S:cc3"]),
    "E1": ("covered", ["SAAKÄL02S:cc5"]),
    "E2": ("partial", ["SAASTU01S:cc6"]),  # an overview only; no penetrant or ultrasonic principles
    "E3": ("covered", ["SAASTU01S:cc5"]),
    "E4": ("covered", ["DRIAVH01:cc1"]),
    "E5": ("covered", ["DRIAVH01:cc2", "DRIAVH01:cc3"]),
    "E6": ("partial", ["SAARÖR01S:cc3"]),  # traceability only for pipe welds
}

# Grading texts shared by the sample courses: written for the sample, one per grade step.
GRADING = {
    "E": "Eleven genomför kursens uppgifter med stöd av handledare och beskriver översiktligt hur resultatet blev och vad som kan förbättras.",
    "C": "Eleven genomför kursens uppgifter efter samråd med handledare och beskriver utförligt hur resultatet blev och vad som kan förbättras.",
    "A": "Eleven genomför kursens uppgifter självständigt och beskriver utförligt och med goda motiveringar hur resultatet blev och hur det kan förbättras.",
}

# subject code -> (subject name, description, [course]); course = (code, name, points, description, [(section, [items])])
CURRICULUM: dict[str, tuple[str, str, list]] = {
    "MAE": ("Materialkunskap", "Ämnet handlar om hur material är uppbyggda, hur de beter sig och hur de väljs för olika ändamål.", [
        ("MAEMAT01", "Materialkunskap 1", 100, "Kursen ger en grund i metallers och andra konstruktionsmaterials egenskaper.", [
            ("Material och egenskaper", [
                "Egenskaper hos vanliga konstruktionsmaterial, till exempel kolstål, rostfria stål och lättmetaller som aluminium.",
                "Hur uppvärmning och avsvalning förändrar metallers inre struktur, hårdhet och seghet.",
                "Beteckningssystem och standarder för benämning och märkning av metalliska material.",
                "Korrosion och hur materialval och ytbehandling kan motverka den.",
            ]),
            ("Provning och miljö", [
                "Materialprovning, till exempel drag- och hårdhetsprov.",
                "Miljöaspekter på materialval, återvinning och hantering av restprodukter.",
            ]),
        ]),
    ]),
    "SAA": ("Sammanfogningsteknik", "Ämnet handlar om metoder för att foga samman material och om hur resultatet bedöms.", [
        ("SAAKÄL02S", "Kälsvets 2", 100, "Kursen fördjupar svetsning av kälfogar med vald svetsmetod.", [
            ("", [
                "Kälsvetsning av plåt med vald svetsmetod i horisontellt, vertikalt och annat förekommande läge.",
                "Tolkning av ritningar och svetssymboler samt arbete efter svetsdatablad.",
                "Inställning av svetsdata som ström, båglängd och trådhastighet.",
                "Metoder för att förebygga och rätta till krympning och vinkeländring i svetsade detaljer.",
                "Kontroll av kälsvetsars a-mått och yta mot gällande acceptansnivåer.",
                "Arbetsmiljörisker vid svetsning, såsom rök, strålning och buller, och hur de begränsas.",
                "Användning av skyddsutrustning och utsug vid svetsarbete.",
            ]),
        ]),
        ("SAASTU01S", "Stumsvets 1", 100, "Kursen behandlar grunderna i svetsning av stumfogar.", [
            ("Utförande", [
                "Stumsvetsning av plåt med genomsvetsning i olika lägen enligt svetsdatablad.",
                "Fogberedning: fasning, rengöring och häftning av detaljer inför svetsning.",
                "Val av elektroder, svetstråd och gas utifrån grundmaterial och svetsmetod.",
                "Grunderna i olika svetsprocesser: metallbågsvetsning med belagd elektrod, gasmetallbågsvetsning och volframsvetsning.",
            ]),
            ("Kvalitet", [
                "Vanliga svetsdefekter, till exempel porositet, ofullständig inträngning och sprickbildning, samt hur de repareras.",
                "Översikt över metoder för att granska svetsfogar utan att förstöra dem.",
            ]),
        ]),
        ("SAASTU02S", "Stumsvets 2", 100, "Kursen fördjupar svetsning av stumfogar med högre kvalitetskrav.", [
            ("", [
                "Stumsvetsning med högre krav på genomsvetsning och fogform i alla svetslägen.",
                "Planering av arbetsordningen vid svetsning av större sammansatta konstruktioner.",
                "Förvärmning och värmebehandling: när de används och hur temperaturen kontrolleras.",
                "Kommunikation med arbetsledning om arbetsordning, tidsplan och uppkomna kvalitetsbrister.",
                "Yrkesområdets termer för fogtyper, svetslägen och defekter.",
            ]),
        ]),
        ("SAARÖR01S", "Rörsvets 1", 100, "Kursen behandlar svetsning av rörförband.", [
            ("", [
                "Rörsvetsning med rotsträng, mellan- och täcksträngar i fast och roterande läge.",
                "Passning och fixering av rördelar före svetsning.",
                "Egenkontroll och protokollföring av utförda rörsvetsar.",
                "Regler och rutiner för säkert arbete, skyddsronder och systematiskt arbetsmiljöarbete.",
                "Svetsning i trånga utrymmen och risker med gaser och syrebrist.",
            ]),
        ]),
    ]),
    "DRI": ("Driftsäkerhet och underhåll", "Ämnet handlar om hur maskiner och utrustning hålls i gott skick.", [
        ("DRIAVH01", "Avhjälpande underhåll 1", 100, "Kursen behandlar tillsyn och åtgärder när utrustning går sönder.", [
            ("", [
                "Daglig tillsyn, rengöring och smörjning av maskiner och utrustning.",
                "Felsökning med systematiska metoder och åtgärdande av enklare fel.",
                "Dokumentation av fel och åtgärder i underhållssystem.",
                "Säker avställning av utrustning före underhållsarbete.",
                "Reservdelar och förbrukningsmaterial: hantering och beställning.",
            ]),
        ]),
    ]),
}
SUBJECT_FILES = {"MAE": "Materialkunskap.xml", "SAA": "Sammanfogningsteknik.xml", "DRI": "Driftsakerhet och underhall.xml"}
PROGRAMME = ("Industritekniska programmet", "IN", "Svetsare", "INSVE")

SUBJECT_NS = "http://syllabus2011subject.types.skolverket.se/v1_4"
PROGRAM_NS = "http://syllabus2011program.types.skolverket.se/v1_7"
INTRO = "Undervisningen i kursen ska ta upp följande:"


def rows() -> list[list[object]]:
    """The standard as table rows (without header)."""
    return [[rid, area, kind, f"SeQF {level}", text] for area, reqs in STANDARD for rid, kind, level, text in reqs]


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Krav"
    ws.append([TITLE])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([VERSION_NOTE])
    ws.append([])
    ws.append(HEADERS)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in rows():
        ws.append(row)
    for col, width in zip("ABCDE", (6, 28, 11, 10, 90)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=5):
        row[4].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A5"
    wb.properties.title = TITLE
    wb.save(path)


def write_docx(path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.core_properties.title = TITLE
    doc.add_heading(TITLE, level=0)
    doc.add_paragraph(VERSION_NOTE)
    for area, reqs in STANDARD:
        doc.add_heading(area, level=1)
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, head in zip(table.rows[0].cells, ("ID", "Typ", "SeQF-nivå", "Kompetenskrav")):
            cell.text = head
        for rid, kind, level, text in reqs:
            cells = table.add_row().cells
            for cell, value in zip(cells, (rid, kind, f"SeQF {level}", text)):
                cell.text = value
    doc.save(path)


def write_package(path: Path) -> None:
    lines = ["Kurskod;Kurs;Poäng"]
    for _, (_, _, courses) in CURRICULUM.items():
        lines += [f"{code};{name};{points}" for code, name, points, _, _ in courses]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def _content_html(sections: list[tuple[str, list[str]]]) -> str:
    parts = [f"<h4>{INTRO}</h4>"]
    for heading, items in sections:
        if heading:
            parts.append(f"<p><strong>{heading}</strong></p>")
        parts.append("<ul>" + "".join(f" <li>{item}</li>" for item in items) + " </ul>")
    return "".join(parts)


def _grading_xml() -> str:
    return "".join(
        f"<knowledgeRequirements><text>{escape(f'<h4>Betyget {step}</h4><p>{text}</p>')}</text>"
        f"<gradeStep>{step}</gradeStep></knowledgeRequirements>"
        for step, text in GRADING.items()
    )


def subject_xml(code: str) -> str:
    name, description, courses = CURRICULUM[code]
    course_xml = "".join(
        f"<courses><name>{escape(cname)}</name><description>{escape(f'<p>{cdesc}</p>')}</description>"
        f"<code>{ccode}</code><centralContent>{escape(_content_html(sections))}</centralContent>"
        f"<point>{points}</point>{_grading_xml()}</courses>"
        for ccode, cname, points, cdesc, sections in courses
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<subject xmlns="{SUBJECT_NS}"><name>{escape(name)}</name>'
        f"<description>{escape(f'<p>{description}</p>')}</description><code>{code}</code>"
        f"<purpose>{escape('<p>Exempelämne för compare_app.</p>')}</purpose>{course_xml}"
        "<typeOfSchooling>UPPER_SECONDARY_EDUCATION</typeOfSchooling><category>VOCATIONAL</category></subject>\n"
    )


def program_xml() -> str:
    programme, prog_code, outcome, orientation = PROGRAMME
    subjects = "".join(
        f"<subject><name>{escape(sname)}</name><code>{scode}</code>"
        + "".join(f"<course><name>{escape(n)}</name><code>{c}</code><point>{p}</point></course>" for c, n, p, _, _ in courses)
        + "</subject>"
        for scode, (sname, _, courses) in CURRICULUM.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<program xmlns="{PROGRAM_NS}"><name>{programme}</name>'
        f"<code>{prog_code}</code><professionalDegrees><professionalDegree>{subjects}"
        f"<programOrientationCode>{orientation}</programOrientationCode><name>{outcome}</name>"
        "</professionalDegree></professionalDegrees></program>\n"
    )


def write_curriculum(folder: Path) -> None:
    (folder / "subject").mkdir(parents=True, exist_ok=True)
    (folder / "program").mkdir(parents=True, exist_ok=True)
    for code, filename in SUBJECT_FILES.items():
        (folder / "subject" / filename).write_text(subject_xml(code), encoding="utf-8")
    (folder / "program" / f"{PROGRAMME[0]}.xml").write_text(program_xml(), encoding="utf-8")


def write_answer_key(path: Path) -> None:
    import json

    key = {rid: {"status": status, "items": items} for rid, (status, items) in INTENDED.items()}
    path.write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(out: Path = HERE) -> None:
    write_xlsx(out / "standard_svetsare.xlsx")
    write_docx(out / "standard_svetsare.docx")
    write_package(out / "yrkespaket_svetsare.csv")
    write_curriculum(out / "kursplaner")
    write_answer_key(out / "facit_svetsare.json")


if __name__ == "__main__":
    main()
