"""Structural checks of a CASE 1.1 CFPackage, shared by the CASE tests."""

from __future__ import annotations

import re
from datetime import datetime

DOC_REQUIRED = ("identifier", "uri", "creator", "title", "lastChangeDateTime")
ITEM_REQUIRED = ("identifier", "uri", "fullStatement", "lastChangeDateTime")
ASSOC_REQUIRED = ("identifier", "uri", "associationType", "originNodeURI", "destinationNodeURI", "lastChangeDateTime")
ASSOC_TYPES = {
    "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo",
    "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf",
}


#: CASE 1.1 UUID pattern (RFC 4122, versions 1-5)
UUID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.IGNORECASE)
#: attributes CASE 1.1 defines for package members (CFPckgDocument, CFPckgItem, CFPckgAssociation)
DOC_ATTRS = {
    "identifier", "uri", "frameworkType", "caseVersion", "creator", "title", "lastChangeDateTime",
    "officialSourceURL", "publisher", "description", "subject", "subjectURI", "language", "version",
    "adoptionStatus", "statusStartDate", "statusEndDate", "licenseURI", "notes", "extensions",
}
ITEM_ATTRS = {
    "identifier", "fullStatement", "alternativeLabel", "CFItemType", "uri", "humanCodingScheme",
    "listEnumeration", "abbreviatedStatement", "conceptKeywords", "conceptKeywordsURI", "notes", "subject",
    "subjectURI", "language", "educationLevel", "CFItemTypeURI", "licenseURI", "statusStartDate",
    "statusEndDate", "lastChangeDateTime", "extensions",
}
ASSOC_ATTRS = {
    "identifier", "associationType", "sequenceNumber", "uri", "originNodeURI", "destinationNodeURI",
    "CFAssociationGroupingURI", "lastChangeDateTime", "notes", "extensions",
}


def is_uuid(text) -> bool:
    return isinstance(text, str) and bool(UUID_PATTERN.match(text))


def is_datetime(text) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return False
    return True


def check_link(link, nodes: dict) -> list[str]:
    problems = []
    if not isinstance(link, dict) or not {"title", "identifier", "uri"} <= set(link):
        return [f"LinkURI utan title/identifier/uri: {link!r}"]
    if not is_uuid(link["identifier"]):
        problems.append(f"LinkURI identifier är inte en UUID: {link['identifier']}")
    node = nodes.get(link["identifier"])
    if node is None:
        problems.append(f"LinkURI pekar på okänd nod {link['identifier']}")
    elif node["uri"] != link["uri"]:
        problems.append(f"LinkURI uri stämmer inte för {link['identifier']}")
    return problems


def validate_package(pkg: dict) -> list[str]:
    """All problems found (empty when the package is well formed)."""
    problems: list[str] = []
    doc = pkg.get("CFDocument")
    if not isinstance(doc, dict):
        return ["CFDocument saknas"]
    problems += [f"CFDocument saknar {k}" for k in DOC_REQUIRED if not doc.get(k)]
    problems += [f"CFDocument har okänt attribut {k}" for k in set(doc) - DOC_ATTRS]
    types = {t["identifier"]: t for t in pkg.get("CFDefinitions", {}).get("CFItemTypes", [])}
    nodes = {doc["identifier"]: doc}
    for item in pkg.get("CFItems", []):
        problems += [f"CFItem saknar {k}" for k in ITEM_REQUIRED if not item.get(k)]
        problems += [f"CFItem har okänt attribut {k}" for k in set(item) - ITEM_ATTRS]
        if item["identifier"] in nodes:
            problems.append(f"dubblett {item['identifier']}")
        nodes[item["identifier"]] = item
        if "CFItemTypeURI" in item:
            problems += check_link(item["CFItemTypeURI"], types)
    seen_assoc = set()
    for assoc in pkg.get("CFAssociations", []):
        problems += [f"CFAssociation saknar {k}" for k in ASSOC_REQUIRED if not assoc.get(k)]
        problems += [f"CFAssociation har okänt attribut {k}" for k in set(assoc) - ASSOC_ATTRS]
        if assoc.get("associationType") not in ASSOC_TYPES:
            problems.append(f"okänd associationType {assoc.get('associationType')}")
        if assoc["identifier"] in seen_assoc or assoc["identifier"] in nodes:
            problems.append(f"dubblett {assoc['identifier']}")
        seen_assoc.add(assoc["identifier"])
        problems += check_link(assoc["originNodeURI"], nodes)
        problems += check_link(assoc["destinationNodeURI"], nodes)
    for node in [doc, *pkg.get("CFItems", []), *pkg.get("CFAssociations", []), *types.values()]:
        if not is_uuid(node.get("identifier")):
            problems.append(f"identifier är inte en UUID: {node.get('identifier')}")
        if not is_datetime(node.get("lastChangeDateTime")):
            problems.append(f"lastChangeDateTime är inte ett datum: {node.get('lastChangeDateTime')}")
    return problems
