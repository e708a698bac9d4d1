"""Alignment: propose which course content covers which requirement.

The pipeline, one module per step (see ``README.md`` in this folder for the method):

``normalise`` (Swedish words -> keys) -> ``index`` (the curriculum, cached) ->
``score`` (expanded query, features per candidate) -> ``decide`` (calibrated
score, status) -> ``explain`` (evidence per proposal); ``feedback`` turns the
assessor's decisions into dropped pairs and learned bridges.
"""

from __future__ import annotations

import numpy as np

from ..alignment import Alignment, ItemRef, Match, RequirementResult, Review
from ..model import Framework
from ..progress import Progress, report
from . import decide
from .explain import evidence, feedback_evidence
from .feedback import read_feedback
from .index import get_index
from .score import build_query, candidates, features

METHOD = "compare-app/lexical-bridge 2"


def align(
    standard: Framework,
    curriculum: Framework,
    courses: list[str] | None,
    *,
    top_k: int = 5,
    feedback: dict[str, Review] | None = None,
    progress: Progress | None = None,
) -> Alignment:
    """Ranked, explained proposals for every requirement of ``standard`` among ``courses``.

    ``top_k`` counts distinct texts: items repeated word for word in several courses
    make one proposal, the best-scoring copy, with the others as its ``twins``.
    """
    report(progress, 0, len(standard.items) + 1, "indexerar kursplaner")
    index = get_index(curriculum)
    decisions = read_feedback(index, standard, curriculum, feedback)
    in_scope = curriculum.items_in_courses(courses)
    rows = np.array([index.row_of[it.id] for it in in_scope if it.id in index.row_of], dtype=np.int64)
    by_row = {index.row_of[it.id]: it for it in in_scope if it.id in index.row_of}
    same_text: dict[str, list] = {}
    for it in by_row.values():
        same_text.setdefault(it.text, []).append(it)
    cand = candidates(index, rows)
    k = max(top_k, 1)
    results: dict[str, RequirementResult] = {}
    for n, req in enumerate(standard.items):
        report(progress, n + 1, len(standard.items) + 1, req.id)
        results[req.id] = _align_one(index, req, cand, by_row, same_text, k, decisions)
    codes = list(courses) if courses is not None else list(curriculum.courses)
    return Alignment(results, codes, METHOD, decide.thresholds(len(rows)))


def _align_one(index, req, cand, by_row, same_text, k, decisions) -> RequirementResult:
    rows = cand.rows
    if len(rows) == 0:
        return RequirementResult(req.id, "gap", 0.0, [])
    query = build_query(index, req.text, req.area, decisions.learned)
    f = features(index, query, cand)
    scores = decide.fuse(f.text, f.chars, f.ctx, f.cover)
    accepted = decisions.accepted.get(req.id, set())
    rejected = _with_twins(decisions.rejected.get(req.id, set()), by_row, same_text) - accepted
    priority = np.zeros(len(rows))
    for item_id in rejected | accepted:
        i = cand.position.get(index.row_of.get(item_id, -1))
        if i is None:
            continue  # not in scope
        if item_id in rejected:
            scores[i] = -1.0
        else:
            scores[i] = max(scores[i], decide.COVERED)
            priority[i] = 1.0
    # accepted links first (a person's decision outranks any score), then by score
    order = np.lexsort((-scores, -priority))
    matches: list[Match] = []
    shown: set[str] = set()
    for i in order:
        if scores[i] < 0 or len(matches) >= k:
            break
        item = by_row[rows[i]]
        if item.text in shown:
            continue  # a twin of a proposal already made
        shown.add(item.text)
        ev = evidence(index, query, int(rows[i]), item.text)
        if item.id in accepted:
            ev.insert(0, feedback_evidence(index, query, int(rows[i])))
        twins = [ItemRef(t.id, t.course or "") for t in same_text[item.text] if t.id != item.id and t.id not in rejected]
        matches.append(Match(item.id, item.course or "", round(float(scores[i]), 4), item.text, ev, twins))
    status, score = decide.verdict([m.score for m in matches], len(rows))
    return RequirementResult(req.id, status, round(score, 4), matches)


def _with_twins(item_ids: set[str], by_row, same_text) -> set[str]:
    """``item_ids`` and every in-scope item with the same text: a rejection judges the content,
    so the same words in another course are not proposed again."""
    if not item_ids:
        return item_ids
    texts = {it.text for it in by_row.values() if it.id in item_ids}
    return set(item_ids) | {t.id for text in texts for t in same_text[text]}
