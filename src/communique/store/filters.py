"""What a user may ask the ledger for, validated once for the CLI and the API alike.

Every filter is optional. Names match case-insensitively as substrings ("osmani" finds "Vjosa Osmani"),
dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD; --until includes the whole period it names), countries are
ISO 3166-1 alpha-3 (Kosovo is XKX). A bad value raises InvalidQuery with a sentence a user can act on.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields

from ..errors import CommuniqueError
from .vocabulary import QUOTE_KINDS, event_types_for

MAX_TEXT = 200  # longer filter values are refused rather than scanned


class InvalidQuery(CommuniqueError, ValueError):
    """A filter value the ledger cannot use."""


@dataclass(frozen=True)
class Filters:
    speaker: str | None = None  # who said it (quotes) or who did it (events)
    actor: str | None = None  # anyone involved: speaker, mentioned, source or target
    about: str | None = None  # whom or what it concerns: mentioned in a quote, target of an event
    type: str | None = None  # quote kind, PLOVER type/class, or entity type, by resource
    country: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None  # outlet name or domain
    search: str | None = None  # full text
    article: str | None = None  # one article's id

    def active(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


def make_filters(**values: str | None) -> Filters:
    """Filters from raw user values: blanks dropped, each value checked, dates and countries normalised."""
    clean: dict[str, str] = {}
    for name, value in values.items():
        if value is None or not str(value).strip():
            continue
        value = str(value).strip()
        if len(value) > MAX_TEXT:
            raise InvalidQuery(f"{name} is too long ({len(value)} characters; at most {MAX_TEXT})")
        clean[name] = value
    if "country" in clean:
        clean["country"] = country_code(clean["country"])
    if "since" in clean:
        clean["since"] = date_bound(clean["since"], "since", last=False)
    if "until" in clean:
        clean["until"] = date_bound(clean["until"], "until", last=True)
    if "since" in clean and "until" in clean and clean["since"] > clean["until"]:
        raise InvalidQuery(f"since ({clean['since']}) is after until ({clean['until']})")
    return Filters(**clean)


def country_code(value: str) -> str:
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise InvalidQuery(f"country must be an ISO 3166-1 alpha-3 code such as SRB or XKX, not {value!r}")
    return code


_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_bound(value: str, name: str, last: bool) -> str:
    """YYYY[-MM[-DD]] as a full day: the first day of the period, or its last day when `last`."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise InvalidQuery(f"{name} must be a date like 2025-03-11, 2025-03 or 2025, not {value!r}")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        month_number = int(month) if month else (12 if last else 1)
        if not 1 <= month_number <= 12:
            raise ValueError
        if day:
            day_number = int(day)
            calendar.monthrange(year, month_number)
            if not 1 <= day_number <= calendar.monthrange(year, month_number)[1]:
                raise ValueError
        else:
            day_number = calendar.monthrange(year, month_number)[1] if last else 1
    except ValueError:
        raise InvalidQuery(f"{name} is not a real date: {value!r}") from None
    return f"{year:04d}-{month_number:02d}-{day_number:02d}"


def quote_kind(value: str) -> str:
    kind = value.strip().lower()
    if kind not in QUOTE_KINDS:
        raise InvalidQuery(f"quote type must be one of {', '.join(QUOTE_KINDS)}, not {value!r}")
    return kind


def event_types(value: str) -> list[str]:
    types = event_types_for(value)
    if not types:
        raise InvalidQuery(f"event type must be a PLOVER type (AGREE ... ASSAULT), a class such as "
                           f"verbal-conflict, or cooperation/conflict, not {value!r}")
    return types


def name_pattern(value: str) -> str:
    """A LIKE pattern matching `value` anywhere, case-folded, with LIKE's wildcards taken literally."""
    escaped = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
