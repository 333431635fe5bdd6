"""The title lexicon: offices and roles that name what a person is ("Prime Minister", "Secretary General").

A title is a listed title (data/titles.tsv) with optional rank or portfolio words on its left
(data/title_modifiers.txt): "Deputy Prime Minister", "Foreign Minister". Each listed title carries its sector and,
for gendered words (King, Spokeswoman), a gender.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .tables import fold, rows

MAX_TITLE_WORDS = 6
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "dame": "f",
                    "lord": "m", "madam": "f", "madame": "f", "mister": "m", "herr": "m", "frau": "f"}


@dataclass(frozen=True)
class TitleInfo:
    title: str  # the lexicon's spelling of the listed title
    sector: str | None
    gender: str | None


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, TitleInfo]:
    table = {}
    for title, sector, gender in rows("titles.tsv"):
        table[fold(title)] = TitleInfo(title, None if sector == "-" else sector, None if gender == "-" else gender)
    return table


@functools.lru_cache(maxsize=1)
def _modifiers() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in rows("title_modifiers.txt"))


def modifiers() -> frozenset[str]:
    """Rank and portfolio words, folded ('deputy', 'foreign affairs')."""
    return _modifiers()


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word that can be part of a title, folded: used to grow a title span token by token."""
    words = set()
    for key in list(_lexicon()) + list(_modifiers()):
        words.update(key.split())
    return frozenset(words)


def lookup(words: list[str]) -> tuple[int, TitleInfo] | None:
    """The longest title at the END of `words`: (number of words it takes, its info), or None.

    'Deputy Prime Minister' -> (3, Prime Minister); 'NATO Secretary General' -> (2, Secretary General)."""
    lexicon, modifiers = _lexicon(), _modifiers()
    folded = [fold(w) for w in words[-MAX_TITLE_WORDS:]]
    best = None
    for size in range(1, len(folded) + 1):
        info = lexicon.get(" ".join(folded[-size:]))
        if info:
            best = (size, info)
    if best is None:
        return _title_of_portfolio(words, folded, modifiers)
    size, info = best
    # Extend leftwards over rank and portfolio words (two-word modifiers like "Foreign Affairs" too).
    while size < len(folded):
        if " ".join(folded[-size - 2:-size]) in modifiers and size + 2 <= len(folded):
            size += 2
        elif folded[-size - 1] in modifiers:
            size += 1
        else:
            break
    if "shadow" in folded[-size:]:
        info = TitleInfo(info.title, "OPP", info.gender)  # the opposition's spokesperson for a portfolio
    return size, info


def _title_of_portfolio(words: list[str], folded: list[str], modifiers) -> tuple[int, TitleInfo] | None:
    """'Minister of Foreign Affairs', 'Secretary of Defense': a title, 'of', and a portfolio."""
    for tail in (1, 2):
        if len(folded) > tail + 1 and folded[-tail - 1] == "of" and " ".join(folded[-tail:]) in modifiers:
            head = lookup(words[:len(words) - tail - 1])
            if head:
                return head[0] + tail + 1, head[1]
    return None


def info(title: str) -> TitleInfo | None:
    """The lexicon entry behind a title as found in text ('Foreign Minister' -> Minister; 'Minister of Foreign
    Affairs' -> Minister)."""
    if " of " in title and fold(title) not in _lexicon():
        title = title.split(" of ")[0]
    found = lookup(title.split())
    return found[1] if found and found[0] == len(title.split()) else None


HONORIFICS = set(HONORIFIC_GENDER) | {"dr", "rev", "revd", "rt", "hon", "prof", "mx", "dame", "sen", "rep"}


def honorific_gender(word: str) -> str | None:
    return HONORIFIC_GENDER.get(word.lower().rstrip("."))


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    return {fold(name): gender for gender, names in rows("given_names.tsv") for name in names.split(",")
            if name.strip()}


def given_name_gender(name: str) -> str | None:
    """'m' / 'f' for a common given name borne overwhelmingly by one gender ('Hillary' -> 'f'), else None."""
    return _given_names().get(fold(name))


def is_honorific(word: str) -> bool:
    """Mr, Mrs, Dr, Rev, Rt, Hon ...: words of address, not part of a name and not an office."""
    return word.lower().rstrip(".") in HONORIFICS
