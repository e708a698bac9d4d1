"""Learning from the assessor's decisions (``feedback``: requirement id -> Review).

* A **rejected** link is never proposed again for that requirement.
* An **accepted** or **manual** link is proposed first for its requirement, and
  teaches term associations: every specific key of the requirement is linked to
  every specific key of the item that the requirement did not already share.
  Those associations are a bridge (``feedback``) for all other requirements of
  the project, so an accepted "tecken som stöd" -> "alternativa kommunikationssätt"
  lifts the same pairing wherever it appears.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..alignment import Review
from ..model import Framework
from .index import CorpusIndex

#: keys rarer than this share of the vocabulary's idf range are "specific" enough to learn from
SPECIFIC_IDF_SHARE = 0.45


@dataclass
class Decisions:
    rejected: dict[str, set[str]] = field(default_factory=dict)  # req id -> item ids
    accepted: dict[str, set[str]] = field(default_factory=dict)  # req id -> item ids
    learned: dict[str, dict[str, float]] = field(default_factory=dict)  # req key -> item key -> weight
    #: the same, taught by the person's earlier projects (see :mod:`memory`)
    remembered: dict[str, dict[str, float]] = field(default_factory=dict)


def read_feedback(index: CorpusIndex, standard: Framework, curriculum: Framework, feedback: dict[str, Review] | None) -> Decisions:
    out = Decisions()
    if not feedback:
        return out
    lo, hi = (float(np.min(index.idf)), float(np.max(index.idf))) if index.idf.size else (0.0, 0.0)
    floor = lo + SPECIFIC_IDF_SHARE * (hi - lo)
    norm = index.normaliser

    def specific(bag: dict[str, float], known_only: bool) -> set[str]:
        """Keys of the text rare enough to learn from; a key unseen in the curriculum counts as rare."""
        out = set()
        for k, w in bag.items():
            col = index.keys.get(k)
            if w >= 0.5 and (index.idf[col] >= floor if col is not None else not known_only):
                out.add(k)
        return out

    for req_id, review in feedback.items():
        req = standard.get(req_id)
        for item_id, state in review.links.items():
            if state == "rejected":
                out.rejected.setdefault(req_id, set()).add(item_id)
                continue
            out.accepted.setdefault(req_id, set()).add(item_id)
            item = curriculum.get(item_id)
            if req is None or item is None:
                continue
            req_keys = specific(norm.analyse(req.text).bag(), known_only=False)
            item_keys = specific(norm.analyse(item.text).bag(), known_only=True)
            for rk in req_keys - item_keys:
                for ik in item_keys - req_keys:
                    out.learned.setdefault(rk, {})[ik] = 1.0
    return out
