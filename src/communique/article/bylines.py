"""Bylines -> a clean list of author names.

A byline arrives in many shapes: "By Jane Roe and John Doe", "Nga Rosalba Bejdo", "Von Anna Schmidt",
"Jane Roe, John Doe | Reuters", "View all posts by Jane Roe". Names come out without the byline word, without
the outlet's name, split at "and" / "&" / commas, with degree suffixes kept on the name they belong to.
"""
from __future__ import annotations

import re

from .titles import is_site_name

# The byline word, in the languages of news: English, Albanian, German, Polish/Czech, Bosnian/Croatian/Serbian,
# French, Spanish/Portuguese, Italian, Dutch, Swedish/Norwegian/Danish, Turkish, Romanian, Russian, Greek.
BYLINE_WORDS = (
    "written by", "reporting by", "reported by", "words by", "story by", "posted by", "published by", "text by",
    "by", "nga", "autor", "autorka", "autori", "von", "od", "piše", "pise", "pisze", "napisao", "napisala", "par",
    "por", "di", "door", "av", "af", "de", "da", "yazan", "de către", "от", "автор", "από",
)
_BYLINE_WORD = re.compile(
    r"^\s*(?:" + "|".join(re.escape(w) for w in sorted(BYLINE_WORDS, key=len, reverse=True)) + r")\s*:?\s+",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|\||\s&\s|\sand\s|\sund\s|\set\s|\sy\s|\se\s|\sdhe\s|\si\s|\sen\s|\soch\s|\bog\s)\s*",
                    re.I)
_NAME_SUFFIX = re.compile(r"^(?:ph\.?\s?d\.?|m\.?d\.?|jr\.?|sr\.?|ii|iii|iv|esq\.?|rdn|ms|md|ld)$", re.I)
_NOISE_PREFIX = re.compile(r"^(?:view (?:all )?(?:posts|articles|stories) by|more (?:articles|stories|from)|"
                           r"articles by|stories by|posts by|author:?|authors:?|contributor:?|written by|by)\s+", re.I)
_NOISE_SUFFIX = re.compile(r"\s+(?:link copied|published|updated|posted|follow|email|twitter|facebook|"
                           r"read more|contributor|staff writer|senior writer)\b.*$", re.I)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\d|^(?:sponsored|advertisement|admin|staff|published on|updated|"
                         r"editor|editors|author|authors|guest|unknown|anonymous|none|null|share|home|news)$", re.I)
# "TMZ Staff", "Staff reports", "Guardian staff reporter": the newsroom, not a person.
_NEWSROOM = re.compile(r"\b(?:staff|staff reports?|staff reporter|newsroom|news desk|desk|team|editorial board|"
                       r"correspondents?|wire services?)$", re.I)
# A job title after (or instead of) the name: "Jon Talton Columnist", "Politics Reporter".
_ROLE = re.compile(r"(?:^|\s+)(?i:columnist|editor|reporter|contributor|publisher|writer|"
                   r"correspondent|producer|photographer|intern|freelancer|journalist)s?$")
# Wire services credited beside the reporters: an author only when no person is named.
WIRE_SERVICES = {"associated press", "the associated press", "ap", "reuters", "afp", "agence france presse",
                 "agence france-presse", "ani", "pti", "ians", "upi", "dpa", "bloomberg", "xinhua", "anadolu"}
_MONTH = re.compile(r"^(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|"
                    r"september|oct|october|nov|november|dec|december)\.?(?:\s+\d|$)", re.I)
MAX_NAME_WORDS = 5


def strip_byline_word(line: str) -> str | None:
    """'Nga Rosalba Bejdo' -> 'Rosalba Bejdo'; None when the line does not start with a byline word."""
    match = _BYLINE_WORD.match(line)
    return line[match.end():].strip() if match else None


def split_names(text: str) -> list[str]:
    """'Jane Roe, Ph.D. and John Doe' -> ['Jane Roe, Ph.D.', 'John Doe']."""
    names: list[str] = []
    for part in _SPLIT.split(text):
        part = re.sub(r"\s+(?:and|&)$", "", part.strip(" ,-–—:|"), flags=re.I).rstrip(" ,")
        if not part:
            continue
        if names and _NAME_SUFFIX.match(part.replace(" ", "")):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def clean_name(name: str) -> str | None:
    """One candidate name, without byline words and page furniture; None when it is not a person's name."""
    name = " ".join(name.split())
    name = _NOISE_PREFIX.sub("", name)
    name = _NOISE_SUFFIX.sub("", name).strip(" ,-–—:|·•")
    last = name.split()[-1] if name.split() else ""
    if last.endswith(".") and "." not in last[:-1] and len(last) > 3:
        name = name[:-1]  # a sentence's full stop, not an initial's or a suffix's ("Jr.", "Ph.D.", "C.J.")
    name = _ROLE.sub("", name).strip(" ,")
    if "(" in name or ")" in name or " via " in name or name.endswith("*"):
        return None  # photo credits "(Image: ...)", "X via Getty Images", form labels "Name *"
    if not name or _NOT_A_NAME.search(name) or _MONTH.match(name) or _NEWSROOM.search(name):
        return None
    words = name.split()
    if len(words) > MAX_NAME_WORDS or not any(ch.isalpha() for ch in name):
        return None
    if len(words) == 1 and name.casefold() not in WIRE_SERVICES:
        return None  # "Manga", "Facebook", "Last": a single word is page furniture far more often than a name
    return name


def clean_authors(candidates: list[str], site_names: list[str] = (), domain: str | None = None) -> list[str]:
    """Raw byline strings -> distinct names, in order, without the outlet's own name."""
    names: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        for part in split_names(_NOISE_PREFIX.sub("", " ".join(candidate.split()))):
            name = clean_name(part)
            if not name or is_site_name(name, list(site_names), domain):
                continue
            key = _key(name)
            if key not in seen:
                seen.add(key)
                names.append(name)
    return _without_affiliations(names)


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def _without_affiliations(names: list[str]) -> list[str]:
    """'Jim Walsh Courier-Post' beside 'Jim Walsh' is Jim Walsh; 'Associated Press Samy Magdy' beside
    'Associated Press' is Samy Magdy; a wire service beside named reporters is a credit, not an author."""
    keys = [_key(n) for n in names]
    out: list[str] = []
    for name, key in zip(names, keys):
        others = [k for k in keys if k != key]
        prefix = next((k for k in others if key.startswith(k + " ")), None)
        if prefix is not None and prefix not in WIRE_SERVICES:
            continue  # a known name with an affiliation after it
        if prefix is not None:  # a wire service before a name: keep the name
            name = " ".join(name.split()[len(prefix.split()):])
        elif any(key.endswith(" " + k) for k in others):
            continue  # an affiliation before a known name
        if _key(name) not in (_key(n) for n in out):
            out.append(name)
    people = [n for n in out if _key(n) not in WIRE_SERVICES]
    return people or out
