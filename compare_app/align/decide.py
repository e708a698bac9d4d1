"""Step 4 of the pipeline: fuse the features into one calibrated score and decide a status.

Score.  A logistic on the features (see :mod:`score` and :mod:`embed`)::

    p = 1 / (1 + exp(-(b0 + text*TEXT + chars*CHARS + ctx*CTX + cover*COVER + sem*SEM)))

``sem`` is the semantic z-score; the words-only method (:data:`LEXICAL`, used when
the language model is not available) has no such term and its own constants.

The constants were fitted on the development gold sets (pairs of a requirement
and a candidate item, positive when the item is a gold item) and are stored here,
so the same score means the same probability-like confidence for every standard
and every scope.  ``benchmarks/align_quality.py --fit`` refits them and also
reports leave-one-set-out figures.

Status of a requirement, from its best score ``s1`` and the runner-up ``s2``:

* ``covered`` when ``s1 >= COVERED``;
* ``covered`` as well when the union of its two best items is strong enough
  (``1 - (1-s1)(1-s2) >= COVERED`` with both at least the partial threshold):
  several partial items together cover it;
* ``partial`` when ``s1 >= partial threshold``;
* ``gap`` otherwise.

The partial threshold may grow with the logarithm of the number of candidate
items, ``PARTIAL + PARTIAL_PER_LOG_N * ln(n)``: the more items there are, the
higher the best score of an unrelated item tends to be.  Both constants are fitted
to maximise gap-detection F1 on the development sets in package and catalog mode
together; two pool sizes cannot pin the slope down, so among near-ties the slope
nearest 0.005 is taken (about 0.039 for a 34-item curriculum, 0.041 for a
seven-course package, 0.054 for the whole catalog).
``COVERED`` is the lowest best-score from which the top proposal was an
assessor's answer in 80 % of the development cases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

@dataclass(frozen=True)
class Calibration:
    """The fitted constants of one method: fusion weights and verdict thresholds."""

    b0: float
    text: float
    chars: float
    ctx: float
    cover: float
    sem: float  # weight of the semantic z-score (0: words only)
    covered: float
    partial: float
    partial_per_log_n: float


#: words only (revision 3): used when the language model is not available
LEXICAL = Calibration(-4.905, 1.447, 5.790, 0.724, 3.619, 0.0, 0.273, 0.0300, 0.0025)
#: words and meaning (revision 4), fitted on the four development sets (benchmarks/align_quality.py --fit)
SEMANTIC = Calibration(-4.896, 0.764, 1.399, 1.544, 1.343, 0.574, 0.217, 0.0725, 0.0050)


def fuse(text: np.ndarray, chars: np.ndarray, ctx: np.ndarray, cover: np.ndarray,
         sem: np.ndarray | None = None, cal: Calibration = LEXICAL) -> np.ndarray:
    z = cal.b0 + cal.text * text + cal.chars * chars + cal.ctx * ctx + cal.cover * cover
    if sem is not None and cal.sem:
        z = z + cal.sem * sem
    return 1.0 / (1.0 + np.exp(-z))


def partial_threshold(n_candidates: int, cal: Calibration = LEXICAL) -> float:
    return cal.partial + cal.partial_per_log_n * math.log(max(n_candidates, 1))


def verdict(scores: list[float], n_candidates: int, cal: Calibration = LEXICAL) -> tuple[str, float]:
    """(status, requirement score) from the requirement's match scores, best first."""
    if not scores:
        return "gap", 0.0
    partial = partial_threshold(n_candidates, cal)
    s1 = scores[0]
    s2 = scores[1] if len(scores) > 1 else 0.0
    union = 1.0 - (1.0 - s1) * (1.0 - s2) if s2 >= partial else s1
    if s1 >= cal.covered or union >= cal.covered:
        return "covered", s1
    if s1 >= partial:
        return "partial", s1
    return "gap", s1


def thresholds(n_candidates: int, cal: Calibration = LEXICAL) -> dict[str, float]:
    """The thresholds in force for a run over ``n_candidates`` items."""
    return {"covered": cal.covered, "partial": round(partial_threshold(n_candidates, cal), 4)}
