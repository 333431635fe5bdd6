"""Fixed vocabularies the store filters on: PLOVER types, their quad classes, quote kinds.

The quad classes follow the PLOVER manual (each event type names its "Quad category"); GDELT numbers them
1-4 in the same order, which the GDELT-like export uses.
"""
from __future__ import annotations

PLOVER_QUAD = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation", "AID": "material cooperation", "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict", "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict", "SANCTION": "material conflict", "MOBILIZE": "material conflict",
    "COERCE": "material conflict", "ASSAULT": "material conflict",
}
PLOVER_TYPES = tuple(PLOVER_QUAD)
QUAD_NUMBER = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
QUOTE_KINDS = ("direct", "indirect", "mixed")


def quad_class(event_type: str | None) -> str | None:
    return PLOVER_QUAD.get((event_type or "").upper())


def polarity(event_type: str | None) -> str | None:
    """'cooperation' or 'conflict': the coarse class of an event type."""
    quad = quad_class(event_type)
    return quad.split()[1] if quad else None


def event_types_for(value: str) -> list[str] | None:
    """The PLOVER types a --type value names: a type, a quad class ('verbal-conflict') or a polarity ('conflict')."""
    wanted = value.strip().upper().replace("-", " ").replace("_", " ")
    if wanted in PLOVER_QUAD:
        return [wanted]
    matches = [t for t, quad in PLOVER_QUAD.items() if wanted.lower() in (quad, quad.split()[1])]
    return matches or None
