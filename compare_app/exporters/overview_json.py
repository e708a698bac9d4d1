"""The overview of many standards as ``compare-app/overview@1`` JSON (documented in README.md).

Built from the same objects as the overview's DataFrames, so the JSON and the Excel workbook
say the same thing. Fields are only ever added; a breaking change gets a new schema version.
"""

from __future__ import annotations

from pathlib import Path

from .alignment_json import dump_atomically

SCHEMA = "compare-app/overview@1"


def to_dict(ov) -> dict:
    from ..overview.tables import best_levels

    serves: dict[str, list[dict]] = {}
    for (label, course, req), level in best_levels(ov.results).items():
        serves.setdefault(course, []).append({"standard": label, "requirement": req, "level": level})
    return {
        "schema": SCHEMA,
        "curriculum": {
            "title": ov.curriculum.title,
            "scope": ov.curriculum.scope,
            "package": ov.curriculum.package,
            "courses": ov.curriculum.courses,
            "sources": ov.curriculum.sources,
        },
        "standards": [_standard(ov, res) for res in ov.results],
        "matrix": {
            "standards": list(ov.matrix.index),
            "courses": list(ov.matrix.columns),
            "coverage": [[_plain(v) for v in row] for row in ov.matrix.itertuples(index=False)],
        },
        "courses": [
            {"code": code, **{k: _plain(v) for k, v in row.items() if k != "standard_list"},
             "serves": serves.get(code, [])}
            for code, row in ov.courses.to_dict("index").items()
        ],
        "shared_units": [
            {
                "id": unit.id,
                "standards": unit.standards,
                "content": unit.texts,
                "items": [{"item": item, "course": course} for item, course in unit.items.items()],
                "requirements": [{"standard": label, "id": req, "text": text, "level": level}
                                 for label, req, text, level in unit.requirements],
            }
            for unit in ov.shared_units
        ],
        "gaps": [
            {
                "group": group.number,
                "terms": group.terms,
                "standards": group.standards,
                "requirements": [{"standard": label, "id": req.id, "area": req.area, "text": req.text}
                                 for label, req in group.requirements],
            }
            for group in ov.gap_groups
        ],
        "warnings": list(ov.warnings),
    }


def _standard(ov, res) -> dict:
    row = ov.standards.loc[res.label]
    return {
        "label": res.label,
        **{k: _plain(row[k]) for k in ov.standards.columns},
        "method": res.method,
        "thresholds": dict(res.thresholds),
    }


def _plain(value):
    """A JSON value for a pandas/numpy scalar: missing values become null."""
    import pandas as pd

    if pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def write(ov, path: str | Path) -> Path:
    return dump_atomically(to_dict(ov), path)
