"""Which sector of society an actor belongs to (the contract's codes: GOV, MIL, IGO, LEG, JUD, PTY, ...).

The evidence, strongest first: an affiliation that is an international organisation (IGO or NGO), the titles
(data/titles.tsv), then the words of the affiliation or of an organisation's own name ("Ministry", "Army",
"Party", "Court").
"""
from __future__ import annotations

import re

from . import titles as title_lexicon
from .countries import country_of, organisation_of, seat_sector

# Names whose sector no single word tells: checked first, on the whole name.
_PHRASE_RULES: list[tuple[str, re.Pattern]] = [
    ("CVL", re.compile(r"\btrades? unions?\b|\bunion congress\b", re.I)),
    ("GOV", re.compile(r"\b(central|national|reserve) bank\b|\bfederal reserve\b", re.I)),
]
# Words in an organisation's name that tell its sector. The last word (the head: "Welsh Assembly Government")
# is tried first, then the whole name; the first rule that matches wins.
_NAME_RULES: list[tuple[str, re.Pattern]] = [
    ("MIL", re.compile(r"\b(army|armed forces|military|navy|air force|troops|marines|security force|defen[cs]e forces|"
                       r"brigade|battalion|regiment|gendarmerie|national guard)\b", re.I)),
    ("REB", re.compile(r"\b(rebels?|insurgents?|militia|liberation army|guerrillas?)\b", re.I)),
    ("OPP", re.compile(r"\bopposition\b", re.I)),
    ("PTY", re.compile(r"\b(party|parties|democrats?|republicans?|socialists|conservatives?|labour|tory|tories|"
                       r"liberal democrats?|lib dems?|movement|coalition|"
                       r"league|alliance for)\b", re.I)),
    ("LEG", re.compile(r"\b(parliament|assembly|congress|senate|bundestag|duma|knesset|legislature|lawmakers|"
                       r"house of (representatives|commons|lords))\b", re.I)),
    ("JUD", re.compile(r"\b(court|tribunal|prosecutor'?s?( office)?|judiciary|prosecution)\b", re.I)),
    ("GOV", re.compile(r"\b(ministry|minister|government|cabinet|presidency|office of the|embassy|police|"
                       r"department|agency|council of ministers|administration|state department|municipality)\b",
                       re.I)),
    ("MED", re.compile(r"\b(news|times|post|tv|television|radio|press|media|newspaper|gazette|journal|"
                       r"broadcast(er|ing)?|reuters|associated press|afp|bbc|cnn)\b", re.I)),
    ("BUS", re.compile(r"\b(inc|corp|corporation|ltd|llc|plc|company|group|holdings?|bank|airlines?|"
                       r"industries|motors|energy|oil|gas)\b\.?", re.I)),
    ("NGO", re.compile(r"\b(foundation|ngo|charity|human rights|watch|institute|initiative|trust|project|forum|"
                       r"society|network)\b", re.I)),
    ("CVL", re.compile(r"\b(union|students|protesters|activists|civil society|association)\b", re.I)),
]


# Offices that organisations of every kind have: the government's only when the affiliation is the government's.
SHARED_OFFICES = {"President", "Vice President", "Vice-President", "Secretary", "Secretary General",
                  "Secretary-General", "Spokesperson", "Spokesman", "Spokeswoman", "Commissioner", "Official",
                  "Chancellor", "Governor", "Director", "Director General", "Director-General", "Chair", "Chairman",
                  "Chairwoman", "Head", "Chief", "Leader", "Executive"}
# Titles with no sector of their own that, qualified only by a country, name its ruler ("Libyan leader").
GENERIC_NATIONAL = {"Leader", "Head", "Chief", "Ruler"}
_BANK_OF = re.compile(r"\bBank of (?:the )?([A-Z][\w.]+(?: [A-Z][\w.]+)?)")


def sector_of_name(name: str | None) -> str | None:
    """The sector an organisation's name tells by itself ('Ministry of Foreign Affairs' -> GOV), or None."""
    if not name:
        return None
    organisation = organisation_of(name)
    if organisation:
        return organisation["sector"]
    seat = seat_sector(name)
    if seat:
        return seat
    bank = _BANK_OF.search(name)
    if bank and country_of(bank.group(1)):
        return "GOV"  # "Bank of England": a country's central bank
    for sector, pattern in _PHRASE_RULES:
        if pattern.search(name):
            return sector
    words = name.split()
    for text in ([words[-1]] if len(words) > 1 else []) + [name]:
        for sector, pattern in _NAME_RULES:
            if pattern.search(text):
                return sector
    return None


def sector_of(titles: list[str], affiliation: str | None, type: str, country: str | None = None) -> str | None:
    """The sector of an entity from its titles, its affiliation and its type (PERSON, ORG, GPE, ...).

    ('NATO Secretary General') -> IGO; (['Prime Minister'], None, 'PERSON') -> GOV; ([], 'Serbian Army', 'PERSON')
    -> MIL; ([], None, 'ORG') for 'Ministry of Defence' needs the name: pass it as the affiliation. A generic
    title qualified by a country and nothing else ("Libyan leader X", `country` given) is the government's."""
    if type in ("GPE", "LOC", "NORP", "FAC"):
        return None
    organisation = organisation_of(affiliation) if affiliation else None
    if organisation:
        return organisation["sector"]
    title_sector = None
    for title in titles:
        info = title_lexicon.info(title)
        if info and info.sector:
            title_sector = info.sector
            break
    organisational = affiliation and not country_of(affiliation)
    affiliation_sector = sector_of_name(affiliation) if organisational else None
    if organisational and affiliation_sector not in ("GOV", "PTY", "OPP") and \
            any(title_lexicon.info(t) and title_lexicon.info(t).title in SHARED_OFFICES for t in titles):
        return affiliation_sector  # the president or spokesperson of a company, a university, a club
    if title_sector in ("GOV", "LEG", "JUD", "MIL") and affiliation_sector in ("PTY", "OPP", None, "GOV"):
        # A minister from a party acts for the government; a party's "leader" has no office sector of its own.
        return title_sector
    if affiliation_sector or title_sector:
        return affiliation_sector or title_sector
    if titles and country and not affiliation and any(_generic(title) for title in titles):
        return "GOV"
    return None


def shared_office(titles: list[str]) -> bool:
    """Whether any of the titles is an office that organisations of every kind have (president, secretary)."""
    return any(title_lexicon.info(t) is not None and title_lexicon.info(t).title in SHARED_OFFICES for t in titles)


def _generic(title: str) -> bool:
    info = title_lexicon.info(title)
    return info is not None and info.sector is None and info.title in GENERIC_NATIONAL

