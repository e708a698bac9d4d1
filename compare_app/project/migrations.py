"""Upgrading project files written by earlier format versions.

A project file is read into a *document*: a dict from zip member name to the parsed
JSON of that member.  Each migration turns a document of version ``n`` into one of
version ``n + 1``; :func:`migrate` chains them, so a file from any earlier version
opens.  Migrations work on plain JSON (never on the model classes), so they keep
working when the classes change later.

Adding format version N+1: bump :data:`FORMAT_VERSION`, list the members it reads in
:data:`MEMBERS`, write ``@migration(N)`` for the step and a test with a file of
version N (see docs/project-format.md).
"""

from __future__ import annotations

from typing import Any, Callable

#: The version this program writes.
FORMAT_VERSION = 2
#: The ``format`` value every manifest carries; anything else is not our file.
FORMAT_NAME = "compare_app.project"

MANIFEST = "manifest.json"
PROJECT = "project.json"
STANDARD = "standard.json"
CURRICULUM = "curriculum.json"

#: Which zip members hold the document, per format version.
MEMBERS: dict[int, tuple[str, ...]] = {
    0: (PROJECT,),
    1: (MANIFEST, PROJECT, STANDARD, CURRICULUM),
    2: (MANIFEST, PROJECT, STANDARD, CURRICULUM),
}

Document = dict[str, Any]
Migration = Callable[[Document], Document]
_MIGRATIONS: dict[int, Migration] = {}


class MigrationError(Exception):
    """An old document does not have the shape its version promises."""


def migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register ``fn`` as the step from ``from_version`` to ``from_version + 1``."""

    def register(fn: Migration) -> Migration:
        if from_version in _MIGRATIONS:
            raise ValueError(f"two migrations from version {from_version}")
        _MIGRATIONS[from_version] = fn
        return fn

    return register


def migrate(doc: Document, version: int) -> Document:
    """Bring ``doc`` from ``version`` up to :data:`FORMAT_VERSION`, one step at a time."""
    for step in range(version, FORMAT_VERSION):
        fn = _MIGRATIONS.get(step)
        if fn is None:
            raise MigrationError(f"ingen uppgradering från formatversion {step}")
        doc = fn(doc)
    return doc


def registered() -> dict[int, Migration]:
    return dict(_MIGRATIONS)


# --- version 0 -> 1 --------------------------------------------------------------------
#
# Version 0 was the single-member draft layout: one ``project.json`` holding
# ``{"format_version": 0, "standard": .., "curriculum": .., "scope": <package name or
# null>, "reviews": [{"requirement": id, "links": .., "status": .., "note": ..,
# "decided_by": .., "decided_at": ..}], ...the other Project fields}``, with each
# course carrying its items in full.  Version 1 splits the frameworks into their own
# members (the curriculum is by far the largest and compresses best alone), keys
# reviews by requirement id, stores the scope as an object and adds a manifest.


@migration(0)
def _v0_to_v1(doc: Document) -> Document:
    old = doc.get(PROJECT)
    if not isinstance(old, dict):
        raise MigrationError("project.json är inte ett objekt")
    old = dict(old)
    old.pop("format_version", None)
    try:
        standard = old.pop("standard")
        curriculum = old.pop("curriculum")
    except KeyError as exc:
        raise MigrationError(f"fältet {exc.args[0]!r} saknas") from None
    scope = old.get("scope")
    if scope is None or isinstance(scope, str):
        old["scope"] = {"package": scope, "courses": None}
    reviews = old.get("reviews", [])
    if isinstance(reviews, list):
        old["reviews"] = _v0_reviews(reviews)
    return {
        MANIFEST: {"format": FORMAT_NAME, "format_version": 1, "migrated_from": 0},
        PROJECT: old,
        STANDARD: standard,
        CURRICULUM: curriculum,
    }


def _v0_reviews(reviews: list) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n, entry in enumerate(reviews):
        if not isinstance(entry, dict) or not isinstance(entry.get("requirement"), str):
            raise MigrationError(f"reviews[{n}] saknar 'requirement'")
        entry = dict(entry)
        out[entry.pop("requirement")] = entry
    return out


# --- version 1 -> 2 --------------------------------------------------------------------
#
# Version 2 adds candidates (``project.json`` ``candidates``: people validated against the
# standard, with their results) and ``settings.credit_threshold``. The layout is unchanged;
# the version is raised so that a program that knows no candidates refuses the file instead
# of opening it and dropping the candidates' results at its next save.


@migration(1)
def _v1_to_v2(doc: Document) -> Document:
    project = doc.get(PROJECT)
    if not isinstance(project, dict):
        raise MigrationError("project.json är inte ett objekt")
    manifest = dict(doc.get(MANIFEST) or {})
    manifest["format_version"] = 2
    manifest.setdefault("migrated_from", 1)
    return {**doc, MANIFEST: manifest, PROJECT: {**project, "candidates": project.get("candidates", [])}}
