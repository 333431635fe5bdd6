"""A person's country from the naming tradition of their surname, confirmed by the article's own geography.

The weakest evidence the entity stage accepts, used only for a person the text gives no country. A distinctive
surname ending (data/surname_endings.tsv: "-ić" is Serbo-Croatian, "-escu" Romanian) narrows the person to a few
countries; one of those countries must then dominate the article's mentions of them:
- at least one of the candidate countries is named in the article (by name, nationality, capital or seat), and
- the most-named candidate is named at least MARGIN times as often as the next one (so a tie, or 3 against 2,
  gives nothing; 3 against 1 gives the first).
An international official (sector IGO or NGO) gets no country. The result is marked "name+article" in
`Entity.country_evidence`, so users can tell it from a country the text states ("text").
"""
from __future__ import annotations

import functools
from collections import Counter

from ..record import Entity
from .countries import CAPITAL, COUNTRY, NATIONALITY, SEAT, country_kind
from .tables import forms, rows

MARGIN = 2  # the top candidate must be named at least this many times as often as the runner-up
MIN_STEM = 2  # letters a surname needs before its ending: "Ov" alone is not a Slavic surname
TEXT, NAME_AND_ARTICLE = "text", "name+article"  # the values of Entity.country_evidence
NAMING_KINDS = (COUNTRY, NATIONALITY, CAPITAL, SEAT)  # ways of naming a country that count as mentions of it


@functools.lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, frozenset[str]], ...]:
    """(ending, countries), longest ending first, so that '-ović' is tried before '-ić'."""
    table = [(ending.lower(), frozenset(forms(codes))) for ending, codes, *_ in rows("surname_endings.tsv")]
    return tuple(sorted(table, key=lambda row: -len(row[0])))


def surname_countries(name: str) -> frozenset[str]:
    """The countries whose naming tradition the surname (last word of `name`) belongs to; empty when the ending
    is not distinctive. 'Aleksandar Vučić' -> {SRB, HRV, BIH, MNE}; 'Mark Rutte' -> {}."""
    words = name.split()
    if not words:
        return frozenset()
    surname = words[-1].strip(".,'\u2019").lower()
    if not surname.isalpha():
        return frozenset()
    for ending, countries in _endings():
        if surname.endswith(ending) and len(surname) - len(ending) >= MIN_STEM:
            return countries
    return frozenset()


def country_mentions(entities: list[Entity]) -> Counter:
    """How often the article names each country: its name, nationality, capital or seat, counted per mention."""
    counts: Counter = Counter()
    for entity in entities:
        if entity.type not in ("GPE", "NORP", "LOC", "FAC") or not entity.country:
            continue
        kind = country_kind(entity.name)
        if kind and kind[1] in NAMING_KINDS:
            counts[kind[0]] += len(entity.mentions)
    return counts


def dominant(candidates: frozenset[str], counts: Counter) -> str | None:
    """The candidate the article names most, when it is named and leads the others by MARGIN; else None."""
    ranked = sorted(((counts.get(code, 0), code) for code in candidates), reverse=True)
    if not ranked or ranked[0][0] == 0:
        return None
    first = ranked[0][0]
    second = ranked[1][0] if len(ranked) > 1 else 0
    return ranked[0][1] if first >= MARGIN * second else None


def infer_people_countries(entities: list[Entity]) -> None:
    """Mark where each person's country came from; give a country by name and article to those without one."""
    counts: Counter | None = None
    for entity in entities:
        if entity.type != "PERSON":
            continue
        if entity.country:
            entity.country_evidence = entity.country_evidence or TEXT
            continue
        if entity.sector in ("IGO", "NGO"):
            continue  # an international official acts for no one country
        candidates = surname_countries(entity.name)
        if not candidates:
            continue
        if counts is None:
            counts = country_mentions(entities)  # built once, only for articles that need it
        code = dominant(candidates, counts)
        if code:
            entity.country, entity.country_evidence = code, NAME_AND_ARTICLE
