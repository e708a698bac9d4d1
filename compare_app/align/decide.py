"""Step 4 of the pipeline: fuse the features into one calibrated score and decide a status.

Score.  A logistic on the four features (see :mod:`score`)::

    p = 1 / (1 + exp(-(B0 + B_TEXT*text + B_CHARS*chars + B_CTX*ctx + B_COVER*cover)))

The constants were fitted on the development gold sets (pairs of a requirement
and a candidate item, positive when the item is a gold item) and are stored here,
so the same score means the same probability-like confidence for every standard
and every scope.  ``benchmarks/align_quality.py --fit`` refits them and also
reports leave-one-set-out figures.

Status of a requirement, from its best score ``s1`` and the runner-up items:

* ``covered`` when ``s1 >= COVERED``;
* ``covered`` as well when the union of its two best items is strong enough
  (``1 - (1-s1)(1-s2) >= COVERED`` with both at least ``PARTIAL``): several partial
  items together cover it;
* ``partial`` when ``s1 >= PARTIAL``;
* ``gap`` otherwise.
"""

from __future__ import annotations

import numpy as np

B0, B_TEXT, B_CHARS, B_CTX, B_COVER = -4.998, 5.563, 2.781, 0.556, 2.781
COVERED, PARTIAL = 0.241, 0.085


def fuse(text: np.ndarray, chars: np.ndarray, ctx: np.ndarray, cover: np.ndarray) -> np.ndarray:
    z = B0 + B_TEXT * text + B_CHARS * chars + B_CTX * ctx + B_COVER * cover
    return 1.0 / (1.0 + np.exp(-z))


def verdict(scores: list[float]) -> tuple[str, float]:
    """(status, requirement score) from the requirement's match scores, best first."""
    if not scores:
        return "gap", 0.0
    s1 = scores[0]
    s2 = scores[1] if len(scores) > 1 else 0.0
    union = 1.0 - (1.0 - s1) * (1.0 - s2) if s2 >= PARTIAL else s1
    if s1 >= COVERED or union >= COVERED:
        return "covered", s1
    if s1 >= PARTIAL:
        return "partial", s1
    return "gap", s1


def thresholds() -> dict[str, float]:
    return {"covered": COVERED, "partial": PARTIAL}
