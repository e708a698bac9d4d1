"""The alignment as JSON, schema ``compare-app/alignment@1``.

Other tools read this file. The rule is: extend, never break. Keys listed in
:data:`REQUIRED_KEYS` keep their names, types and meaning; new keys may be added
anywhere. A change that breaks a reader gets ``compare-app/alignment@2``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__, atomic
from ..alignment import EffectiveRequirement
from ..candidates.json_out import candidates_json
from ..project import Project

SCHEMA = "compare-app/alignment@1"

#: The guaranteed shape (documented in README.md, checked by tests/cli).
REQUIRED_KEYS = {
    "top": ("schema", "standard", "curriculum", "requirements", "units", "summary"),
    "requirement": ("id", "area", "text", "status", "score", "matches"),
    "match": ("item", "course", "score", "text"),
    "summary": ("covered", "partial", "gap", "coverage"),
}


def _match_dicts(project: Project, eff: EffectiveRequirement) -> list[dict]:
    """Links best first: a person's accepted/manual links, then proposals by score."""
    rank = {"manual": 0, "accepted": 0, "proposed": 1}
    links = sorted(eff.links, key=lambda ln: (rank[ln.state], -(ln.score or 0.0)))
    out = []
    for ln in links:
        item = project.curriculum.get(ln.item_id)
        entry = {
            "item": ln.item_id,
            "course": item.course if item else (ln.match.course if ln.match else ""),
            "score": round(ln.score, 4) if ln.score is not None else None,
            "text": item.text if item else (ln.match.text if ln.match else ""),
            "state": ln.state,
        }
        if ln.match is not None:
            entry["reason"] = ln.match.reason
            entry["evidence"] = [_evidence(e) for e in ln.match.evidence]
            if ln.match.twins:
                entry["same_text"] = [{"item": t.item_id, "course": t.course} for t in ln.match.twins]
        if item is not None and item.section:
            entry["section"] = item.section
        out.append(entry)
    return out


def _evidence(e) -> dict:
    out = {"requirement_term": e.req_term, "item_term": e.item_term, "bridge": e.bridge}
    if e.bridge == "semantic":
        out["similarity"] = e.weight
    return out


def _named_courses(project: Project, requirement_id: str) -> list[dict]:
    """The courses a requirement names, and whether each is in scope (see ``align.references``)."""
    result = project.alignment.results.get(requirement_id) if project.alignment else None
    scope = set(project.candidate_courses())
    out = []
    for code in result.named_courses if result else []:
        course = project.curriculum.courses.get(code)
        out.append({"code": code, "name": course.name if course else "", "in_scope": code in scope})
    return out


def _units(project: Project) -> list[dict]:
    from ..units.compute import units_json

    return units_json(project)


def to_dict(project: Project) -> dict:
    """The whole alignment document for a project that has been aligned."""
    std = project.standard
    requirements = []
    for req in std.items:
        eff = project.effective(req.id)
        requirements.append(
            {
                "id": req.id,
                "area": req.area,
                "kind": req.kind,
                "level": req.level,
                "text": req.text,
                "status": eff.content_status,
                "score": round(eff.score, 4),
                "decided": eff.decided,
                "note": eff.note,
                "source": str(req.provenance),
                "matches": _match_dicts(project, eff),
                "section": req.section,
                "formal": eff.formal,
                "named_courses": _named_courses(project, req.id),
                "remark": eff.remark,
            }
        )
    summary = project.summary()
    courses = project.candidate_courses()
    alignment = project.alignment
    return {
        "schema": SCHEMA,
        "generator": {"name": "compare_app", "version": __version__},
        "standard": {
            "title": std.title,
            "requirements": len(std.items),
            "areas": std.areas(),
            "sources": [{"path": s.path, "sha256": s.sha256, "format": s.format} for s in std.sources],
        },
        "curriculum": {
            "scope": project.scope.describe(),
            "package": project.scope.package,
            "courses": [
                {
                    "code": code,
                    "name": project.curriculum.courses[code].name,
                    "points": project.curriculum.courses[code].points,
                }
                for code in courses
            ],
            "missing_courses": project.missing_courses(),
            "sources": [
                {"path": s.path, "sha256": s.sha256, "format": s.format, "version": s.version}
                for s in project.curriculum.sources
            ],
        },
        "method": {
            "name": alignment.method if alignment else "",
            "thresholds": dict(alignment.thresholds) if alignment else {},
            "remembered_pairs": alignment.remembered_pairs if alignment else 0,
            "semantic": dict(alignment.semantic) if alignment else {},
        },
        "requirements": requirements,
        "units": _units(project),
        "candidates": candidates_json(project),
        "summary": {
            "covered": summary.covered,
            "partial": summary.partial,
            "gap": summary.gap,
            "coverage": summary.coverage,
            "total": summary.total,
            "formal": summary.formal,
        },
    }


def write(project: Project, path: str | Path) -> Path:
    return dump_atomically(to_dict(project), path)


def dump_atomically(data: dict, path: str | Path) -> Path:
    """Write ``data`` as UTF-8 JSON atomically (a reader never sees half a file; a full disk is an InputError)."""
    path = Path(path)
    atomic.write_text(path, json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2) + "\n")
    return path
