"""Export the standard, its units and the linked course content as a 1EdTech CASE 1.1 package.

What goes where (so another CASE tool, e.g. OpenSALT, can read it):

* ``CFDocument`` — the competence standard (``caseVersion`` "1.1", language "sv").
* ``CFItems`` — the standard's competence areas (type ``Kompetensområde``) and
  requirements (type ``Kunskap``/``Färdighet``/``Kompetens`` by kind, else
  ``Krav``; ``humanCodingScheme`` = our requirement id; a SeQF level in
  ``educationLevel``), the micro-credential units (type ``Mikromerit``,
  ``humanCodingScheme`` = unit id, a plain summary in ``notes``) and every course
  item linked to a requirement (type ``Centralt innehåll``, ``humanCodingScheme``
  = ``COURSECODE:ccN``).  Only areas and requirements hang in the ``isChildOf``
  tree under the document, so the file re-imports as the same standard.
* ``CFAssociations`` —
  ``isChildOf`` area → document and requirement → area, with ``sequenceNumber``;
  ``isPartOf`` requirement → unit;
  ``exactMatchOf`` requirement → course item when a person accepted (or added)
  the link and the requirement is judged covered;
  ``isRelatedTo`` requirement → course item for every other link that counts
  (accepted links of a partly covered requirement, and the matcher's proposals
  for requirements nobody has decided yet), with the state and score in ``notes``.

Identifiers are UUIDs derived (uuid5) from our ids, so exporting the same project
again gives the same identifiers; a requirement read from a CASE file keeps
its original identifier when that is a UUID of the form CASE 1.1 requires.
Only the attributes CASE 1.1 defines for package members are written (so no
``CFPackageURI`` on the document and no ``CFDocumentURI`` on items or associations).  ``uri`` is ``urn:uuid:<identifier>`` unless a
``base_uri`` is given.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timezone
from pathlib import Path

from .. import atomic
from ..model import ITEM_KINDS

CASE_VERSION = "1.1"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/compare_app/case")

#: provenance locator prefix the CASE importer writes, followed by the item's identifier
CASE_LOCATOR_PREFIX = "CFItem "
TYPE_AREA = "Kompetensområde"
TYPE_REQUIREMENT = "Krav"
TYPE_UNIT = "Mikromerit"
TYPE_COURSE_ITEM = "Centralt innehåll"
#: item types that are not part of the standard itself (the importer leaves them out)
NON_STANDARD_TYPES = (TYPE_UNIT, TYPE_COURSE_ITEM)


def node_id(*parts: str) -> str:
    """A stable UUID for one of our nodes."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def requirement_uuid(doc_key: str, req) -> str:
    """The CASE identifier a requirement came with (kept on re-export), else a derived one."""
    loc = req.provenance.locator if req.provenance else ""
    if loc.startswith(CASE_LOCATOR_PREFIX) and _is_uuid(loc[len(CASE_LOCATOR_PREFIX):]):
        return str(uuid.UUID(loc[len(CASE_LOCATOR_PREFIX):]))
    if _is_uuid(req.id):
        return str(uuid.UUID(req.id))
    return node_id("requirement", doc_key, req.id)


#: the UUID form CASE 1.1 requires (RFC 4122 version 1-5, lower or upper case hex)
_CASE_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.IGNORECASE)


def _is_uuid(text: str) -> bool:
    """True for an identifier CASE 1.1 accepts as it is (others are replaced by derived ones)."""
    return isinstance(text, str) and bool(_CASE_UUID.match(text))


def kind_type(kind: str | None) -> str:
    return kind.capitalize() if kind in ITEM_KINDS else TYPE_REQUIREMENT


class _Builder:
    def __init__(self, project, base_uri: str | None, changed: str):
        self.project = project
        self.base_uri = base_uri.rstrip("/") if base_uri else None
        self.changed = changed
        self.doc_key = project.standard.title or project.id
        self.items: list[dict] = []
        self.associations: list[dict] = []
        self.item_types: dict[str, dict] = {}
        doc_id = node_id("document", self.doc_key)
        self.document = {
            "identifier": doc_id,
            "uri": self.uri("CFDocuments", doc_id),
            "creator": project.settings.author or "compare_app",
            "title": project.standard.title or project.title or "Kompetensstandard",
            "lastChangeDateTime": changed,
            "description": f"Jämförd med kursinnehåll: {project.scope.describe()}",
            "language": "sv",
            "adoptionStatus": "Draft",
            "caseVersion": CASE_VERSION,
        }
        self.doc_link = self.link_of(self.document)

    def uri(self, kind: str, identifier: str) -> str:
        if self.base_uri:
            return f"{self.base_uri}/ims/case/v1p1/{kind}/{identifier}"
        return f"urn:uuid:{identifier}"

    def link_of(self, node: dict) -> dict:
        title = node.get("title") or node.get("humanCodingScheme") or node.get("fullStatement", "")
        return {"title": title[:200], "identifier": node["identifier"], "uri": node["uri"]}

    def item_type(self, title: str, hierarchy: str) -> dict:
        if title not in self.item_types:
            ident = node_id("itemtype", title)
            self.item_types[title] = {
                "identifier": ident,
                "uri": self.uri("CFItemTypes", ident),
                "title": title,
                "description": title,
                "typeCode": title,
                "hierarchyCode": hierarchy,
                "lastChangeDateTime": self.changed,
            }
        t = self.item_types[title]
        return {"title": t["title"], "identifier": t["identifier"], "uri": t["uri"]}

    def add_item(self, ident: str, statement: str, type_title: str, hierarchy: str, **extra) -> dict:
        item = {
            "identifier": ident,
            "uri": self.uri("CFItems", ident),
            "fullStatement": statement,
            "CFItemType": type_title,
            "CFItemTypeURI": self.item_type(type_title, hierarchy),
            "language": "sv",
            "lastChangeDateTime": self.changed,
        }
        item.update({k: v for k, v in extra.items() if v not in (None, "", [])})
        self.items.append(item)
        return item

    def associate(self, kind: str, origin: dict, destination: dict, sequence: int | None = None, notes: str = "") -> None:
        ident = node_id("association", self.doc_key, kind, origin["identifier"], destination["identifier"])
        assoc = {
            "identifier": ident,
            "uri": self.uri("CFAssociations", ident),
            "associationType": kind,
            "originNodeURI": origin,
            "destinationNodeURI": destination,
            "lastChangeDateTime": self.changed,
        }
        if sequence is not None:
            assoc["sequenceNumber"] = sequence
        if notes:
            assoc["notes"] = notes
        self.associations.append(assoc)


def to_dict(project, *, base_uri: str | None = None, changed: str | None = None) -> dict:
    """The project as a CASE 1.1 CFPackage (plain JSON-ready data)."""
    from ..units.compute import counted_links, view

    b = _Builder(project, base_uri, changed or _now())
    req_links = _add_standard(b, project)
    _add_units(b, project, req_links, view)
    _add_course_links(b, project, req_links, counted_links)
    return {
        "CFDocument": b.document,
        "CFItems": b.items,
        "CFAssociations": b.associations,
        "CFDefinitions": {
            "CFConcepts": [],
            "CFSubjects": [],
            "CFLicenses": [],
            "CFItemTypes": list(b.item_types.values()),
            "CFAssociationGroupings": [],
        },
    }


def _add_standard(b: _Builder, project) -> dict[str, dict]:
    """Areas (nested when a requirement has a ``section``) and requirements with the isChildOf tree;
    returns requirement id -> link."""
    area_links: dict[str, dict] = {}
    children: dict[str, int] = {}  # parent key -> children so far (the next sequenceNumber)
    req_links: dict[str, dict] = {}
    for req in project.standard.items:
        parent, key = b.doc_link, ""
        levels = [req.area, *(req.section.split(" › ") if req.section else [])] if req.area else []
        for depth, name in enumerate(levels):  # the area, then nested groupings (Område › Moment)
            outer, key = key, f"{key}\x1f{name}" if depth else name
            if key not in area_links:
                area = b.add_item(node_id("area", b.doc_key, key), name, TYPE_AREA, str(depth + 1))
                area_links[key] = b.link_of(area)
                children[outer] = children.get(outer, 0) + 1
                b.associate("isChildOf", area_links[key], parent, children[outer])
            parent = area_links[key]
        children[key] = children.get(key, 0) + 1
        item = b.add_item(
            requirement_uuid(b.doc_key, req),
            req.text,
            kind_type(req.kind),
            str(max(len(levels), 1) + 1),
            humanCodingScheme=req.id,
            educationLevel=[req.level] if req.level else None,
            notes=str(req.provenance) if req.provenance else None,
        )
        req_links[req.id] = b.link_of(item)
        b.associate("isChildOf", req_links[req.id], parent, children[key])
    return req_links


def _add_units(b: _Builder, project, req_links: dict[str, dict], view) -> None:
    for unit in project.units:
        v = view(project, unit)
        item = b.add_item(
            node_id("unit", project.id, unit.id),
            unit.title,
            TYPE_UNIT,
            "1",
            humanCodingScheme=unit.id,
            abbreviatedStatement=unit.title[:60],
            educationLevel=[v.level] if v.level else None,
            notes=_unit_notes(v),
        )
        link = b.link_of(item)
        for n, rid in enumerate(v.statuses, 1):
            b.associate("isPartOf", req_links[rid], link, n)


def _unit_notes(v) -> str:
    lines = [v.verdict, f"Omfattning: {_sv(v.points)} gymnasiepoäng (ca {_sv(v.hours)} timmar)."]
    if v.courses:
        lines.append("Kurser: " + ", ".join(f"{c.code} {_sv(c.points_attributed)} p" for c in v.courses) + ".")
    for label, value in (
        ("Bedömning", v.unit.assessment),
        ("Förkunskaper", v.unit.prerequisites),
        ("Utfärdare", v.unit.awarding_body),
        ("Deltagandeform", v.unit.participation_form),
        ("Kvalitetssäkring", v.unit.quality_assurance),
        ("Anteckningar", v.unit.notes),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def _sv(value: float) -> str:
    return f"{round(value, 1):g}".replace(".", ",")


def _add_course_links(b: _Builder, project, req_links: dict[str, dict], counted_links) -> None:
    course_links: dict[str, dict] = {}
    for req in project.standard.items:
        eff = project.effective(req.id)
        counted = set(counted_links(project, eff))
        for ln in eff.links:
            if ln.item_id not in counted:
                continue
            if ln.item_id not in course_links:
                course_links[ln.item_id] = _course_item(b, project, ln)
            exact = ln.state in ("accepted", "manual") and eff.status == "covered"
            state = {"accepted": "godkänd", "manual": "tillagd för hand", "proposed": "föreslagen"}[ln.state]
            notes = state + (f", poäng {ln.score:.2f}".replace(".", ",") if ln.score is not None else "")
            b.associate("exactMatchOf" if exact else "isRelatedTo", req_links[req.id], course_links[ln.item_id], notes=notes)


def _course_item(b: _Builder, project, ln) -> dict:
    item = project.curriculum.get(ln.item_id)
    text = item.text if item is not None else (ln.match.text if ln.match else ln.item_id)
    course_code = item.course if item is not None else (ln.match.course if ln.match else "")
    course = project.curriculum.courses.get(course_code or "")
    node = b.add_item(
        node_id("course-item", ln.item_id),
        text,
        TYPE_COURSE_ITEM,
        "3",
        humanCodingScheme=ln.item_id,
        abbreviatedStatement=(f"{course.code} {course.name}" if course else course_code)[:60],
        notes=str(item.provenance) if item is not None else None,
    )
    return b.link_of(node)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def write(project, path: str | Path, *, base_uri: str | None = None) -> Path:
    """Write the CASE package as UTF-8 JSON, atomically (see :mod:`compare_app.atomic`)."""
    path = Path(path)
    data = to_dict(project, base_uri=base_uri)
    atomic.write_text(path, json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2))
    return path
