"""Read a competence standard from a 1EdTech CASE package (CFPackage JSON, CASE 1.0 or 1.1).

How the package becomes a standard:

* the ``isChildOf`` tree under the CFDocument gives the structure: a node with
  children is a grouping, a node without children is a requirement;
* a requirement's ``area`` is its top-level grouping (the competence area) and
  its ``section`` the deeper groupings, joined with " › ";
* siblings are ordered by ``sequenceNumber``, else ``listEnumeration``, else a
  natural sort of ``humanCodingScheme`` when every sibling has one, else file order;
* the id is ``humanCodingScheme`` when present, unique and not another item's
  identifier, else the identifier;
* items whose ``isChildOf`` links form a cycle (two items each other's parent) are
  not dropped: the links of the cycle are ignored, a warning names the items, and
  they are read without a parent grouping;
* sections deeper than :data:`MAX_SECTION_DEPTH` groupings keep the outermost and the
  innermost levels (with " › … › " between), so a 20,000-deep chain costs no more;
* ``CFItemType`` Kunskap/Färdighet/Kompetens (or Knowledge/Skill/Competence)
  gives the kind, ``educationLevel`` the level;
* items outside the tree become requirements without an area, except the unit
  and course-content items compare_app itself writes outside the tree (see
  ``compare_app.exporters.case_json``).

Every step is linear in the size of the package (no quadratic id or section
building), and a package with more than :data:`~._tabular.MAX_REQUIREMENTS`
requirements, like a table with that many rows, is refused. Anything a broken or
hostile file can cause is an :class:`InputError`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..model import Framework, Item, Provenance, SourceInfo, sha256_bytes
from ._clean import repair_unicode, repaired_warning
from ._tabular import MAX_REQUIREMENTS

MAX_BYTES = 100 * 1024 * 1024
#: CFItems (requirements and groupings) and CFAssociations a package may hold.
MAX_NODES = 5 * MAX_REQUIREMENTS
MAX_ASSOCIATIONS = 20 * MAX_REQUIREMENTS
#: Grouping levels kept in a requirement's section text (outermost two and innermost three).
MAX_SECTION_DEPTH = 5
CASE_LOCATOR_PREFIX = "CFItem "  # kept equal to compare_app.exporters.case_json.CASE_LOCATOR_PREFIX
NON_STANDARD_TYPES = ("Mikromerit", "Centralt innehåll")
_KINDS = {
    "kunskap": "kunskap", "kunskaper": "kunskap", "knowledge": "kunskap",
    "färdighet": "färdighet", "färdigheter": "färdighet", "skill": "färdighet", "skills": "färdighet",
    "kompetens": "kompetens", "kompetenser": "kompetens", "competence": "kompetens", "competences": "kompetens",
}


def read(path: str | Path) -> Framework:
    path = Path(path)
    raw = _read_bytes(path)
    data, repaired = _parse(path, raw)
    package = _package(path, data)
    fw = _framework(path, raw, package)
    if repaired:
        fw.warnings.append(repaired_warning(repaired))
    return fw


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"filen är för stor för ett CASE-paket ({size // (1024 * 1024)} MB)")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"filen kunde inte läsas ({exc.strerror or exc})") from exc


def _parse(path: Path, raw: bytes) -> tuple[object, int]:
    """The parsed JSON with lone surrogates repaired, and how many texts had one."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, "filen är inte UTF-8-kodad JSON") from exc
    try:
        return repair_unicode(json.loads(text))
    except RecursionError as exc:
        raise InputError(path, "JSON-strukturen är för djupt nästlad") from exc
    except ValueError as exc:
        raise InputError(path, f"ogiltig JSON ({exc})") from exc


def _package(path: Path, data) -> dict:
    """The CFPackage object (also accepted wrapped as {"CFPackage": {...}})."""
    if isinstance(data, dict) and isinstance(data.get("CFPackage"), dict):
        data = data["CFPackage"]
    if not isinstance(data, dict) or not isinstance(data.get("CFDocument"), dict):
        raise InputError(path, "inte ett CASE-paket (CFDocument saknas)")
    for key, limit in (("CFItems", MAX_NODES), ("CFAssociations", MAX_ASSOCIATIONS)):
        if not isinstance(data.get(key, []), list):
            raise InputError(path, f"{key} är inte en lista")
        if len(data.get(key, [])) > limit:
            raise InputError(path, f"{key} har {len(data[key]):,} poster (gränsen är {limit:,}); ".replace(",", " ")
                                   + "det är inte en kompetensstandard")
    return data


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _ref(value) -> str:
    """The identifier of a LinkURI object (CASE 1.0 files sometimes give a bare string)."""
    if isinstance(value, dict):
        return _text(value.get("identifier")) or _text(value.get("uri")).rsplit("/", 1)[-1]
    return _text(value).rsplit("/", 1)[-1]


def _natural_key(text: str) -> list:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.lower()) for part in re.split(r"(\d+)", text)]


def _framework(path: Path, raw: bytes, package: dict) -> Framework:
    doc = package["CFDocument"]
    doc_id = _ref(doc)
    title = _text(doc.get("title")) or path.stem
    fw = Framework(kind="standard", title=title)
    fw.sources.append(
        SourceInfo(str(path), sha256_bytes(raw), "case-json", _text(doc.get("version")) or _text(doc.get("lastChangeDateTime")))
    )

    nodes: dict[str, tuple[int, dict]] = {}
    for n, item in enumerate(package.get("CFItems", [])):
        ident = _text(item.get("identifier")) if isinstance(item, dict) else ""
        if not ident:
            fw.warnings.append(f"CFItems[{n}] saknar identifier och hoppades över")
            continue
        if ident in nodes:
            fw.warnings.append(f"CFItem {ident} förekommer flera gånger; den första används")
            continue
        nodes[ident] = (n, item)

    children = _children(package, nodes, doc_id, fw)
    parent_of = {child: parent for parent, kids in children.items() for child, _ in kids}
    order = [ident for ident in _walk(children, [doc_id]) if ident != doc_id]
    in_tree = set(order)
    cut = _break_cycles(nodes, children, parent_of, in_tree, fw)
    order += _walk(children, cut)  # below a broken cycle, read like the rest
    in_tree.update(order)
    order += [  # outside the tree, in file order; compare_app's own unit and course-content items are not requirements
        ident for ident in nodes
        if ident not in in_tree and _text(nodes[ident][1].get("CFItemType")) not in NON_STANDARD_TYPES
    ]

    ids = _unique_ids({ident: nodes[ident] for ident in order}, fw)
    chains = _Chains(parent_of, doc_id, nodes)
    for position, ident in enumerate(order, 1):
        if children.get(ident):
            continue  # a grouping, not a requirement
        _, item = nodes[ident]
        text = _text(item.get("fullStatement"))
        if not text:
            fw.warnings.append(f"CFItem {ident} saknar fullStatement och hoppades över")
            continue
        if len(fw.items) >= MAX_REQUIREMENTS:
            raise InputError(path, f"CASE-paketet har fler än {MAX_REQUIREMENTS:,} krav; ".replace(",", " ")
                                   + "det är inte en kompetensstandard (dela upp paketet)")
        chain = chains.of(ident)
        fw.items.append(
            Item(
                id=ids[ident],
                text=text,
                provenance=Provenance(path.name, CASE_LOCATOR_PREFIX + ident),
                area=chain[0] if chain else "",
                section=" › ".join(chain[1:]),
                kind=_kind(item),
                level=_level(item),
                position=position,
            )
        )
    if not fw.items:
        raise InputError(path, "CASE-paketet innehåller inga krav (CFItems)")
    if chains.shortened:
        fw.warnings.append(f"grupperingar djupare än {MAX_SECTION_DEPTH + 1} nivåer kortades i avsnittstexten (… i mitten)")
    _number_within_areas(fw)
    return fw


def _children(package: dict, nodes: dict, doc_id: str, fw: Framework) -> dict[str, list[tuple[str, tuple]]]:
    """Parent identifier -> [(child identifier, sort key)] from the isChildOf associations."""
    children: dict[str, list[tuple[str, tuple]]] = {}
    seen_child: set[str] = set()
    for n, assoc in enumerate(package.get("CFAssociations", [])):
        if not isinstance(assoc, dict) or assoc.get("associationType") != "isChildOf":
            continue
        child, parent = _ref(assoc.get("originNodeURI")), _ref(assoc.get("destinationNodeURI"))
        if child not in nodes or (parent not in nodes and parent != doc_id) or child == parent:
            continue
        if child in seen_child:
            fw.warnings.append(f"CFItem {child} har flera föräldrar; den första används")
            continue
        seen_child.add(child)
        item = nodes[child][1]
        seq = _sequence(assoc.get("sequenceNumber"))
        key = (seq, _text(item.get("listEnumeration")), _text(item.get("humanCodingScheme")), nodes[child][0])
        children.setdefault(parent, []).append((child, key))
    for kids in children.values():
        all_coded = all(key[2] for _, key in kids)
        kids.sort(key=lambda kv: _sibling_key(kv[1], all_coded))
    return children


def _sequence(value) -> float | None:
    """A sequenceNumber as a number (some CASE 1.0 tools write it as a string)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value == value else None  # NaN is no order
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _sibling_key(key: tuple, all_coded: bool) -> tuple:
    seq, enum, code, file_pos = key
    return (
        seq if seq is not None else float("inf"),
        _natural_key(enum) if enum else [],
        _natural_key(code) if all_coded else [],
        file_pos,
    )


def _walk(children: dict, roots: list[str]) -> list[str]:
    """Depth-first order of ``roots`` and the trees below them; safe against cycles."""
    order: list[str] = []
    seen: set[str] = set()
    stack = list(reversed(roots))
    while stack:
        ident = stack.pop()
        if ident in seen:
            continue
        seen.add(ident)
        order.append(ident)
        stack.extend(kid for kid, _ in reversed(children.get(ident, [])))
    return order


def _label(item: dict) -> str:
    return _text(item.get("abbreviatedStatement")) or _text(item.get("fullStatement")) or _text(item.get("humanCodingScheme"))


def _break_cycles(nodes: dict, children: dict, parent_of: dict, in_tree: set, fw: Framework) -> list[str]:
    """Break every ``isChildOf`` cycle among the items the document does not reach.

    The links within a cycle say nothing about which item holds which, so each item of
    the cycle loses its parent link and becomes a root; the roots are returned (in file
    order) and a warning names each cycle. Linear: every item is visited once while
    following parent links.
    """
    state: dict[str, int] = {}  # 1: on the path being followed, 2: done
    roots: list[str] = []
    for start in nodes:
        if start in in_tree or start in state:
            continue
        path: list[str] = []
        current = start
        while current in nodes and current not in in_tree and current not in state:
            state[current] = 1
            path.append(current)
            current = parent_of.get(current)
        if current is not None and state.get(current) == 1:
            cycle = path[path.index(current):]
            members = set(cycle)
            for ident in cycle:
                parent = parent_of.pop(ident)
                children[parent] = [kid for kid in children[parent] if kid[0] not in members]
            roots.extend(cycle)
            shown = " → ".join(cycle[:6]) + (" → …" if len(cycle) > 6 else "")
            fw.warnings.append(f"isChildOf bildar en cykel ({shown} → {cycle[0]}); de {len(cycle)} posterna "
                               "lästes utan överordnad grupp")
        for ident in path:
            state[ident] = 2
    return sorted(roots, key=lambda ident: nodes[ident][0])


class _Chains:
    """The labels of the groupings above an item, outermost first, computed once per grouping.

    A chain longer than :data:`MAX_SECTION_DEPTH` + 1 keeps its three outermost and three
    innermost labels, so building every item's chain stays linear however deep the tree.
    """

    _KEEP = 3

    def __init__(self, parent_of: dict, doc_id: str, nodes: dict):
        self.parent_of, self.doc_id, self.nodes = parent_of, doc_id, nodes
        self.memo: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # node -> (head, tail); tail () if short
        self.shortened = False

    def of(self, ident: str) -> list[str]:
        parent = self.parent_of.get(ident)
        if not self._is_grouping(parent):
            return []
        head, tail = self._chain_through(parent)
        if tail:
            self.shortened = True
            return [*head, "…", *tail]
        return list(head)

    def _is_grouping(self, ident: str | None) -> bool:
        return ident is not None and ident != self.doc_id and ident in self.nodes

    def _chain_through(self, grouping: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(head, tail) of the chain ending with ``grouping`` itself."""
        pending = []
        current: str | None = grouping
        while self._is_grouping(current) and current not in self.memo and len(pending) <= len(self.nodes):
            pending.append(current)
            current = self.parent_of.get(current)
        chain = self.memo.get(current, ((), ())) if current is not None else ((), ())
        for node in reversed(pending):
            chain = self._extend(chain, _label(self.nodes[node][1]))
            self.memo[node] = chain
        return self.memo[grouping]

    def _extend(self, chain: tuple, label: str) -> tuple:
        head, tail = chain
        if tail:
            return head, (*tail[1:], label)
        head = (*head, label)
        if len(head) > MAX_SECTION_DEPTH + 1:
            return head[: self._KEEP], head[-self._KEEP:]
        return head, ()


def _unique_ids(nodes: dict, fw: Framework) -> dict[str, str]:
    """humanCodingScheme as the id where it is unique and not another item's identifier, else the identifier.

    One pass: identifiers are unique, and a code that equals some other identifier is
    never used, so no fallback can clash with a code (no repeated rounds)."""
    codes = {ident: _text(item.get("humanCodingScheme")) for ident, (_, item) in nodes.items()}
    counts = Counter(code for code in codes.values() if code)
    out: dict[str, str] = {}
    clashes: list[str] = []
    for ident, code in codes.items():
        if code and (counts[code] > 1 or (code != ident and code in nodes)):
            out[ident] = ident
            clashes.append(code)
        else:
            out[ident] = code or ident
    if clashes:
        unique = list(dict.fromkeys(clashes))
        shown = ", ".join(unique[:5]) + (f" och {len(unique) - 5} till" if len(unique) > 5 else "")
        fw.warnings.append(f"humanCodingScheme {shown} förekommer flera gånger eller är en annan posts identifier; "
                           "identifier används som id för de posterna")
    return out


def _kind(item: dict) -> str | None:
    for value in (item.get("CFItemType"), (item.get("CFItemTypeURI") or {}).get("title") if isinstance(item.get("CFItemTypeURI"), dict) else None):
        kind = _KINDS.get(_text(value).lower())
        if kind:
            return kind
    return None


def _level(item: dict) -> str | None:
    levels = item.get("educationLevel")
    if isinstance(levels, list):
        levels = next((lv for lv in levels if isinstance(lv, str) and lv.strip()), None)
    return _text(levels) or None


def _number_within_areas(fw: Framework) -> None:
    """Item.position is 1-based within its area."""
    counts: dict[str, int] = {}
    for it in fw.items:
        counts[it.area] = counts.get(it.area, 0) + 1
        it.position = counts[it.area]
