"""Course planner: which catalog courses should a yrkespaket contain to cover a standard?

Weighted set cover over the standard's requirements, solved exactly with HiGHS (greedy
as fallback), with a coverage/points trade-off curve and a comparison against an
existing package. Qt-free; ``compare_app.ui.planner_view`` is the GUI on top.
"""

from .coverage import Coverage, build_coverage, catalog_alignment
from .plan import (
    Comparison,
    CurvePoint,
    Plan,
    PlanCourse,
    curve_budgets,
    plan_json,
    plan_project,
    project_coverage,
)

__all__ = [
    "Comparison",
    "Coverage",
    "CurvePoint",
    "Plan",
    "PlanCourse",
    "build_coverage",
    "catalog_alignment",
    "curve_budgets",
    "plan_json",
    "plan_project",
    "project_coverage",
]
