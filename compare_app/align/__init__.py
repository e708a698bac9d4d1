"""Alignment: propose which course content covers which requirement.

The pipeline, one module per step (see ``README.md`` in this folder for the method):

``normalise`` (Swedish words -> keys) -> ``index`` (the curriculum, cached) ->
``embed`` (a language model's vectors, cached) -> ``score`` (expanded query,
features per candidate) -> ``decide`` (calibrated score, status) -> ``explain``
(evidence per proposal); ``feedback`` turns the
assessor's decisions into dropped pairs and learned bridges, and ``domain``
lets the standard as a whole choose among candidates from many subjects.
"""

from __future__ import annotations

import numpy as np

from ..alignment import Alignment, Evidence, ItemRef, Match, RequirementResult, Review
from ..model import Framework
from ..progress import STAGE_ALIGN as STAGE
from ..progress import Progress, report
from . import decide
from .domain import domain_of
from .embed import Semantic, semantic_for
from .explain import evidence, feedback_evidence
from .feedback import read_feedback
from .formal import mark_formal
from .index import get_index
from .references import link_named_courses
from .score import build_query, candidates, features

#: method ids: words and meaning, or words alone when the language model is not available
METHOD, METHOD_LEXICAL = "compare-app/semantic-bridge 4", "compare-app/lexical-bridge 3"
#: a proposal names its semantic similarity as a reason from this z-score against the national reference
SEMANTIC_EVIDENCE_Z = 2.0
#: scores kept between the domain pass and the result pass (candidates x requirements), ~100 MB at most
SCORE_CACHE_CELLS = 4_000_000


def align(
    standard: Framework,
    curriculum: Framework,
    courses: list[str] | None,
    *,
    top_k: int = 5,
    feedback: dict[str, Review] | None = None,
    remembered: dict[str, dict[str, float]] | None = None,
    progress: Progress | None = None,
) -> Alignment:
    """Ranked, explained proposals for every requirement of ``standard`` among ``courses``.

    ``top_k`` counts distinct texts: items repeated word for word in several courses
    make one proposal, the best-scoring copy, with the others as its ``twins``.
    In a scope of many subjects the proposals are chosen with the standard's
    domain in mind (see :mod:`domain`); that takes a first pass over all requirements.
    ``remembered`` holds term pairs taught by the person's earlier projects (:mod:`memory`).
    """
    index = get_index(curriculum, progress=progress)
    decisions = read_feedback(index, standard, curriculum, feedback)
    decisions.remembered = remembered or {}
    in_scope = [it for it in curriculum.items_in_courses(courses) if it.id in index.row_of]
    rows = np.array([index.row_of[it.id] for it in in_scope], dtype=np.int64)
    sem, sem_status = semantic_for([r.text for r in standard.items], [it.text for it in in_scope],
                                   None if progress is None else progress.step)
    cal = decide.SEMANTIC if sem is not None else decide.LEXICAL
    run = _Run(index, candidates(index, rows), in_scope, decisions, max(top_k, 1), sem, cal)
    with one_blas_thread():
        results = _results(standard, curriculum, run, progress)
    link_named_courses(results, standard, curriculum, courses, feedback)
    mark_formal(results, standard)
    codes = list(courses) if courses is not None else list(curriculum.courses)
    n_remembered = sum(len(v) for v in decisions.remembered.values())
    semantic = sem.method if sem is not None else {"model": None, "reason": sem_status.reason}
    return Alignment(results, codes, METHOD if sem is not None else METHOD_LEXICAL,
                     decide.thresholds(len(rows), cal), n_remembered, semantic)


def one_blas_thread():
    """Keep numpy's BLAS on one thread while requirements are scored.

    The products are small (one vector per requirement against the candidates); waking BLAS
    worker threads for each costs more than it saves, and on a busy machine far more (the
    overview of 10 standards took 59 s with the default threads and 15 s with one, two shared
    cores). The language model, which does gain from threads, runs before this.
    """
    import numpy  # noqa: F401  (loads the BLAS library the limit applies to)
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _results(standard: Framework, curriculum: Framework, run: "_Run", progress) -> dict[str, RequirementResult]:
    """Proposals and verdict per requirement, the standard's domain choosing in a wide scope."""
    n_req = len(standard.items)
    dom = domain_of(curriculum, run.items, n_req)
    steps = n_req * (2 if dom.active else 1) + 1
    weights = None
    if dom.active and len(run.items):
        fits = []
        for n, req in enumerate(standard.items):
            report(progress, n + 1, steps, f"{STAGE}: {req.id}")
            fits.append(dom.fits(run.scores(n, req)[0]))
        weights = dom.weights(np.array(fits))
    results: dict[str, RequirementResult] = {}
    for n, req in enumerate(standard.items):
        report(progress, steps - n_req + n, steps, f"{STAGE}: {req.id}")
        lift = dom.lift * weights[n][dom.subject_of] if weights is not None else None
        results[req.id] = run.result(n, req, lift, dom.names, dom.subject_of)
    return results


class _Run:
    """One alignment run over a fixed set of candidate items."""

    def __init__(self, index, cand, items, decisions, k: int, sem: Semantic | None, cal: decide.Calibration):
        self.index, self.cand, self.items, self.decisions, self.k = index, cand, items, decisions, k
        self.sem, self.cal = sem, cal
        #: requirement number -> scores(): the domain pass and the result share them while they fit
        #: :data:`SCORE_CACHE_CELLS` (a long standard against the whole catalog recomputes instead)
        self._scored: dict[int, tuple] = {}
        self.same_text: dict[str, list] = {}
        for it in items:
            self.same_text.setdefault(it.text, []).append(it)

    def scores(self, n: int, req):
        """(calibrated score per candidate, -1 where rejected; 1 where a person accepted the link; query;
        the semantic (cosine, z-score) per candidate or None) for requirement number ``n``."""
        if n in self._scored:
            return self._scored[n]
        out = self._score(n, req)
        if (len(self._scored) + 1) * max(len(self.items), 1) <= SCORE_CACHE_CELLS:
            self._scored[n] = out
        return out

    def _score(self, n: int, req):
        query = build_query(self.index, req.text, req.area, self.decisions.learned, self.decisions.remembered)
        f = features(self.index, query, self.cand)
        similarity = self.sem.similarity(n) if self.sem is not None else None
        scores = decide.fuse(f.text, f.chars, f.ctx, f.cover, similarity[1] if similarity else None, self.cal)
        accepted = self.decisions.accepted.get(req.id, set())
        rejected = self._with_twins(self.decisions.rejected.get(req.id, set())) - accepted
        priority = np.zeros(len(scores))
        for item_id in rejected | accepted:
            i = self.cand.position.get(self.index.row_of.get(item_id, -1))
            if i is None:
                continue  # not in scope
            if item_id in rejected:
                scores[i] = -1.0
            else:
                scores[i] = max(scores[i], self.cal.covered)
                priority[i] = 1.0
        return scores, priority, query, similarity

    def result(self, n: int, req, lift, subject_names, subject_of) -> RequirementResult:
        """The requirement's proposals: chosen by score (raised by ``lift`` per candidate, if any), shown
        best first by their own score, accepted links first."""
        if len(self.items) == 0:
            return RequirementResult(req.id, "gap", 0.0, [])
        scores, priority, query, similarity = self.scores(n, req)
        chosen = self._choose(scores, priority, lift)
        plain = set(self._choose(scores, priority, None)) if lift is not None else set(chosen)
        chosen.sort(key=lambda i: (-priority[i], -scores[i]))
        accepted = self.decisions.accepted.get(req.id, set())
        rejected = {self.items[i].id for i in np.flatnonzero(scores < 0)}
        matches = []
        for i in chosen:
            item, row = self.items[i], int(self.cand.rows[i])
            ev = evidence(self.index, query, row, item.text)
            if similarity is not None and similarity[1][i] >= SEMANTIC_EVIDENCE_Z:
                ev.insert(0, Evidence("", "", "semantic", round(float(similarity[0][i]), 3)))
            if item.id in accepted:
                ev.insert(0, feedback_evidence(self.index, query, row))
            if i not in plain:
                ev.append(Evidence("", subject_names[subject_of[i]], "domain", round(float(lift[i]), 3)))
            twins = [ItemRef(t.id, t.course or "") for t in self.same_text[item.text] if t.id != item.id and t.id not in rejected]
            matches.append(Match(item.id, item.course or "", round(float(scores[i]), 4), item.text, ev, twins))
        status, score = decide.verdict([m.score for m in matches], len(self.items), self.cal)
        return RequirementResult(req.id, status, round(score, 4), matches)

    def _choose(self, scores, priority, lift) -> list[int]:
        """Positions of the best ``k`` distinct texts, accepted links first, rejected ones never."""
        rank = np.log(np.clip(scores, 1e-9, None) / np.clip(1.0 - scores, 1e-9, None))
        if lift is not None:
            rank = rank + lift
        order = np.lexsort((-rank, -priority))
        chosen, shown = [], set()
        for i in order:
            if len(chosen) >= self.k:
                break
            text = self.items[i].text
            if scores[i] >= 0 and text not in shown:
                shown.add(text)
                chosen.append(int(i))
        return chosen

    def _with_twins(self, item_ids: set[str]) -> set[str]:
        """``item_ids`` and every candidate with the same text: a rejection judges the content,
        so the same words in another course are not proposed again."""
        if not item_ids:
            return set(item_ids)
        texts = {it.text for it in self.items if it.id in item_ids}
        return set(item_ids) | {t.id for text in texts for t in self.same_text[text]}
