"""Publication dates: from what a page declares, and from a text page's date line, as ISO 8601.

The form keeps what is known and nothing more: a date alone when only the date is given, the time when given,
and the UTC offset when given ("2025-03-11T20:46:00", "2023-12-21T19:05:00-05:00", "2023-12-21").
"""
from __future__ import annotations

import re
import warnings
from datetime import date, datetime, tzinfo

from .pagemeta import PageMeta

# Meta names and properties that carry the first publication date, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "published_time", "article.published",
    "publish-date", "publish_date", "publishdate", "pubdate", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date", "og:pubdate", "article:published",
    "cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")


def normalise_date(value: str | None) -> str | None:
    """Any common date string -> ISO 8601 at the precision it has; None when it is not a date."""
    text = (value or "").strip()
    if not text or len(text) > 64:
        return None
    parsed = _parse(text)
    if parsed is None:
        return None
    if isinstance(parsed, date) and not isinstance(parsed, datetime):
        return parsed.isoformat()
    if not _HAS_TIME.search(text):
        return parsed.date().isoformat()
    return parsed.isoformat(timespec="seconds")


def _parse(text: str) -> date | datetime | None:
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        return datetime.fromisoformat(iso) if "T" in iso or " " in iso.strip() else date.fromisoformat(iso)
    except ValueError:
        pass
    match = _ISO_DATE.match(text)
    if match and not _HAS_TIME.search(text):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    from dateutil import parser as date_parser

    # "03.04.2025" and "03/04/2025" outside the US are day first; a name of a month makes it unambiguous anyway.
    day_first = bool(re.match(r"\d{1,2}[./]\d{1,2}[./]\d{4}", text))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown time-zone names: the date is still right
            parsed = date_parser.parse(text, fuzzy=False, dayfirst=day_first)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed if 1900 < parsed.year < 2200 else None


# Names of meta tags that carry the last modification: pages often show that date to readers.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified")
# A timestamp in UTC says nothing about the local day; another timestamp on the page with its offset does, and
# failing that, the country-code domain often does.
ZONE_BY_TLD = {"au": "Australia/Sydney", "uk": "Europe/London", "in": "Asia/Kolkata", "ca": "America/Toronto",
               "nz": "Pacific/Auckland", "ie": "Europe/Dublin", "za": "Africa/Johannesburg", "sg": "Asia/Singapore",
               "al": "Europe/Tirane", "de": "Europe/Berlin", "fr": "Europe/Paris", "it": "Europe/Rome",
               "es": "Europe/Madrid", "jp": "Asia/Tokyo", "ph": "Asia/Manila", "pk": "Asia/Karachi",
               "ng": "Africa/Lagos", "ke": "Africa/Nairobi", "eg": "Africa/Cairo", "br": "America/Sao_Paulo"}
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# Dates as pages print them: "December 19, 2023", "Dec. 19, 2023", "19 December 2023", "2023-12-19", "19/12/2023".
_PRINTED_DATE = re.compile(rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}"
                           rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})")
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d\d?)[/-](\d\d?)(?:/|-|$)")


def page_date(page: PageMeta, html: str | None = None, url: str | None = None,
              searched: str | None = None) -> str | None:
    """The date the page gives itself, by a vote of its sources.

    Sources: JSON-LD and meta publication dates, the first <time>, the first date printed after the headline
    (what readers see), htmldate's search of the markup (`searched`
    when the caller has it already, else run here on `html`), a date in
    the URL, and the modification dates (pages show those to readers too). The day most of them agree on wins
    (the later day on a tie); the answer is the most specific timestamp given for that day.
    """
    candidates: list[str] = []
    for obj in page.articles()[:1]:
        candidates += [_first_date(obj.get("datePublished"), obj.get("dateCreated"), obj.get("uploadDate"))]
    candidates.append(next(filter(None, (_first_date(*page.meta.get(n, [])) for n in PUBLISHED_META)), None))
    candidates.append(_first_date(*page.times[:1]))
    candidates.append(printed_date(page.after_headline))
    # htmldate's search of the markup; trafilatura runs the same search, so its answer is reused when given.
    if searched:
        candidates.append(normalise_date(searched))
    elif html:
        candidates.append(_htmldate(html, url))
    candidates.append(_url_date(url))
    for obj in page.articles()[:1]:
        candidates.append(_first_date(obj.get("dateModified")))
    candidates.append(next(filter(None, (_first_date(*page.meta.get(n, [])) for n in MODIFIED_META)), None))
    found = [c for c in candidates if c]
    zone = _page_zone(found) or _zone_by_domain(page.domain)
    found = [_local(c, zone) for c in found]
    if not found:
        return None
    votes: dict[str, int] = {}
    for value in found:
        votes[value[:10]] = votes.get(value[:10], 0) + 1
    top = max(votes.values())
    day = max(d for d, n in votes.items() if n == top)
    same_day = [v for v in found if v[:10] == day]
    return max(same_day, key=len)


def printed_date(text: str) -> str | None:
    """The first date printed in a stretch of text ("Updated Dec. 19, 2023, 5:02 p.m." -> "2023-12-19")."""
    for match in _PRINTED_DATE.finditer(text or ""):
        found = normalise_date(match.group(0).replace(".", ""))
        if found:
            return found[:10]
    return None


def _page_zone(values: list[str]) -> tzinfo | None:
    """The page's local offset, when one of its timestamps carries one other than UTC."""
    for value in values:
        if len(value) > 19 and not value.endswith("+00:00"):
            try:
                return datetime.fromisoformat(value).tzinfo
            except ValueError:
                continue
    return None


def _zone_by_domain(domain: str | None) -> tzinfo | None:
    name = ZONE_BY_TLD.get((domain or "").rsplit(".", 1)[-1])
    if not name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _local(value: str, zone: tzinfo | None) -> str:
    """A UTC timestamp in the page's own zone, so that its date is the day readers saw."""
    if zone is None or len(value) <= 19 or not value.endswith("+00:00"):
        return value
    try:
        return datetime.fromisoformat(value).astimezone(zone).isoformat(timespec="seconds")
    except ValueError:
        return value


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def _first_date(*values) -> str | None:
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str):
            found = normalise_date(value)
            if found:
                return found
    return None


def _htmldate(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception:  # htmldate is a heuristic over untrusted markup: no answer is an answer
        return None
