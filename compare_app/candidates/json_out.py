"""``compare-app/candidate@1``: one candidate's results, credit and complementary plan as JSON.

Read by other tools, so fields are only ever added. The candidate appears by id and
pseudonymous reference only: the name stays in the project file and the personal document.
"""

from __future__ import annotations

from ..planner import plan_json
from .model import Candidate
from .outcome import CandidateOutcome

SCHEMA = "compare-app/candidate@1"


def result_dicts(project, candidate: Candidate) -> list[dict]:
    """The candidate's results in the standard's order."""
    return [
        {"requirement": req.id, "status": r.status, "date": r.date, "method": r.method, "note": r.note,
         "recorded_by": r.recorded_by, "recorded_at": r.recorded_at}
        for req in project.standard.items if (r := candidate.results.get(req.id)) is not None
    ]


def candidates_json(project) -> list[dict]:
    """The ``candidates`` list of ``compare-app/alignment@1``: every candidate by id and reference."""
    return [{"id": c.id, "ref": c.ref, "results": result_dicts(project, c)} for c in project.candidates]


def candidate_json(project, outcome: CandidateOutcome) -> dict:
    c = outcome.candidate
    return {
        "schema": SCHEMA,
        "standard": project.standard.title,
        "candidate": {"id": c.id, "ref": c.ref},
        "results": result_dicts(project, c),
        "open": outcome.open_requirements,
        "credit": {
            "threshold": outcome.threshold,
            "courses": [
                {"code": cc.code, "name": cc.name, "points": cc.points, "items_total": cc.items_total,
                 "items_covered": len(cc.covered), "share": round(cc.share, 4), "proposed": cc.proposed,
                 "evidence": [{"item": i.item_id, "requirements": i.requirements} for i in cc.covered],
                 "uncovered": [i.item_id for i in cc.uncovered]}
                for cc in outcome.credits
            ],
        },
        "plan": plan_json(outcome.plan, project) if outcome.plan is not None else None,
        "units_completed": [{"id": u.id, "title": u.title, "requirements": u.requirement_ids}
                            for u in outcome.units_completed],
    }
