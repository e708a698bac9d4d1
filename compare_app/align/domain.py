"""The standard as a whole: which subjects its occupation belongs to, to choose proposals in a wide scope.

A branch standard describes one occupation. Against the whole national catalog a
requirement's words often also fit a course of another trade (a barnskötare's
"planera aktiviteter" is also an item of a nature-guide course), and the pair
score alone cannot tell them apart. The other requirements of the same standard
can: the subjects whose items fit many of them are the occupation's own.

For every requirement, a subject *fits* when its best item scores at least
:data:`NEAR_BEST` of the requirement's best score. A subject's domain weight for
requirement *r* is the number of **other** requirements it fits, divided by the
largest such count (so a requirement never lifts its own subjects). When the
proposals are chosen, an item's logit score is raised by ``lift * weight``; the
chosen proposals keep their own calibrated pair scores and are shown best first,
and the verdict is decided on those scores. So the domain decides *which* items
are shown, never how strong a pair's evidence is.

The lift is zero for a scope of a few subjects (a yrkespaket is already one
occupation: there it only over-weights the package's largest subject), grows
with the number of subjects in scope and reaches :data:`LIFT` from
:data:`SUBJECTS_FULL`; it also grows with the number of requirements, since a
handful of them says little about an occupation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Framework, Item

#: logit units by which a fully fitting subject lifts its items when the proposals are chosen
LIFT = 1.0
#: the lift is 0 up to SUBJECTS_NONE subjects in scope and full from SUBJECTS_FULL
SUBJECTS_NONE, SUBJECTS_FULL = 8, 32
#: a subject fits a requirement when its best item reaches this share of the requirement's best score
NEAR_BEST = 0.5
#: the lift is full when the standard has this many requirements (none with one requirement)
REQUIREMENTS_FULL = 11


@dataclass
class Domain:
    """Subjects of the candidate items and the lift in force for one alignment run."""

    subject_of: np.ndarray  # per candidate: index into ``names``
    names: list[str]  # subject names (or course codes for items without a subject)
    lift: float

    @property
    def active(self) -> bool:
        return self.lift > 0.0

    def fits(self, scores: np.ndarray) -> np.ndarray:
        """Per subject, 1.0 when it fits the requirement with these candidate scores."""
        best = np.zeros(len(self.names))
        np.maximum.at(best, self.subject_of, np.clip(scores, 0.0, None))
        top = float(best.max()) if best.size else 0.0
        return (best >= NEAR_BEST * top).astype(float) if top > 0 else np.zeros(len(self.names))

    def weights(self, fits: np.ndarray) -> np.ndarray:
        """requirements x subjects: the leave-one-out domain weight in 0..1 (``fits``: requirements x subjects)."""
        others = fits.sum(axis=0)[None, :] - fits
        top = others.max(axis=1, keepdims=True)
        return np.divide(others, top, out=np.zeros_like(others), where=top > 0)


def domain_of(curriculum: Framework, items: list[Item], n_requirements: int) -> Domain:
    """The subjects of ``items`` (the candidates, in order) and the lift for this scope and standard."""
    keys: dict[str, int] = {}
    names: list[str] = []
    subject_of = np.zeros(len(items), dtype=np.int64)
    for i, it in enumerate(items):
        course = curriculum.courses.get(it.course or "")
        code = (course.subject_code if course else "") or (it.course or "")
        if code not in keys:
            keys[code] = len(keys)
            subj = curriculum.subjects.get(code)
            names.append((subj.name if subj else "") or (course.subject_name if course else "") or code)
        subject_of[i] = keys[code]
    return Domain(subject_of, names, lift_for(len(names), n_requirements))


def lift_for(n_subjects: int, n_requirements: int) -> float:
    by_scope = np.clip((n_subjects - SUBJECTS_NONE) / (SUBJECTS_FULL - SUBJECTS_NONE), 0.0, 1.0)
    by_size = np.clip((n_requirements - 1) / (REQUIREMENTS_FULL - 1), 0.0, 1.0)
    return float(LIFT * by_scope * by_size)
