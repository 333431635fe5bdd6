"""CAMEO codes for PLOVER events, through the PLOVER 2021 crosswalk (data/plover_cameo.tsv).

The lexicon proposes a CAMEO code for each event word; the crosswalk checks that the code belongs to the event's
final type (the type can change: a planned attack is a THREATEN, a refused agreement a REJECT) and otherwise
falls back to the type's general code, chosen for its mode when the crosswalk has one for that mode.
"""
from __future__ import annotations

import functools
from importlib import resources

# The general CAMEO code of each PLOVER type (the crosswalk's root code for it).
GENERAL = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
           "CONCEDE": "080", "RETREAT": "084", "ACCUSE": "110", "REQUEST": "100", "REJECT": "120",
           "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
           "ASSAULT": "190"}


@functools.lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None)."""
    text = resources.files("communique.data").joinpath("plover_cameo.tsv").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t") + [""]
            rows[cells[0].strip()] = (cells[1].strip(), cells[2].strip() or None)
    return rows


@functools.lru_cache(maxsize=1)
def _by_type_mode() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for code, (kind, mode) in sorted(table().items(), key=lambda item: (len(item[0]), item[0])):
        if mode:
            found.setdefault((kind, mode), code)
    return found


def cameo_for(event_type: str, mode: str | None, proposed: str | None) -> str | None:
    """The CAMEO code for an event: the proposed one when the crosswalk maps it to this type, else the code of
    the type and mode, else the type's general code."""
    if proposed and table().get(proposed, (None,))[0] == event_type:
        return proposed
    if mode and (event_type, mode) in _by_type_mode():
        return _by_type_mode()[(event_type, mode)]
    return GENERAL.get(event_type)


def plover_of(cameo: str) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of a CAMEO code, or None when the crosswalk does not list it."""
    return table().get(cameo)
