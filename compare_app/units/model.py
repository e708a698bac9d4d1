"""Micro-credential units (mikromeriter): named groups of a standard's requirements.

The unit itself stores only what a person can edit; coverage, courses and points
are computed from the project's current alignment and reviews (see
``compare_app.units.compute``), so they can never go stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Unit:
    id: str
    title: str
    requirement_ids: list[str] = field(default_factory=list)
    level: str = ""  # SeQF/EQF level, proposed from the standard where it says one
    assessment: str = ""  # form of assessment
    prerequisites: str = ""
    notes: str = ""
    locked: bool = False  # a locked unit is kept as is when units are proposed again
    # --- EU Council Recommendation on micro-credentials (2022): issuer's facts ---
    awarding_body: str = ""  # the organisation that issues the credential
    country: str = "Sverige"  # country/region of the issuer
    participation_form: str = ""  # e.g. på plats, distans, blandat
    quality_assurance: str = ""  # how the issuer assures the quality of the unit
