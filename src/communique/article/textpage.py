"""Plain-text pages (scraped or pasted): headline, byline, date line, body, credit, the site's menu lines.

The shape this reads, each part optional after the headline:

    Headline line
    Nga Rosalba Bejdo                  <- a byline, in any of the usual languages
    2025-03-11 20:46:00 | Aktualitet   <- a date-time, with an optional section after a bar
    Body paragraphs, blank-line separated (hard-wrapped lines are joined) ... last words. (A2 Televizion)
    A2 CNN Livestream                  <- the site's menu and promo lines: dropped
    Live Updates
"""
from __future__ import annotations

import re

from ..record import Record, Source
from .bylines import clean_authors, strip_byline_word
from .dates import normalise_date

MAX_HEADLINE_WORDS = 40  # a longer first line is the body's first paragraph: the page has no headline
MAX_HEADER_LINES = 4  # byline and date lines sit right under the headline
MAX_MENU_WORDS = 6  # a menu or promo line is a short label
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)\]]$")
# Promo and menu labels that may also sit between paragraphs; compared case-insensitively, whole line.
PROMO_LABELS = {
    "read more", "read also", "see also", "related", "related articles", "related stories", "related news",
    "more stories", "more news", "latest news", "latest videos", "live updates", "livestream", "live stream",
    "watch live", "share", "share this", "share this article", "share on facebook", "share on twitter", "tweet",
    "advertisement", "sponsored", "subscribe", "sign up", "newsletter", "comments", "leave a comment",
    "follow us", "most read", "most popular", "trending", "top stories", "recommended", "you may also like",
    "click here", "print", "email", "copy link",
}
_CREDIT = re.compile(r"\s*\(([^()\n]{2,60})\)\s*$")
_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|date|publikuar|veröffentlicht|publié|"
                          r"publicado|pubblicato|objavljeno)\s*(?:on|at)?\s*:?\s*", re.I)
_PART_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+(?=\D)")
_OUTLET_CUE = re.compile(r"\b(?:writes|wrote|reports|reported|according to|told|informs)\s+"
                         r"((?:[A-Z0-9][\w&.-]*\s?){1,4})(?=[.,;:]|$)")


def read_text_page(text: str, record_id: str) -> Record:
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    filled = [i for i, line in enumerate(lines) if line]
    record = Record(id=record_id, text="")
    if not filled:
        return record
    start = filled[0]
    if _is_headline(lines[start]):
        record.title = lines[start]
        start += 1
    start = _read_header(lines, start, record)
    body_lines, menu = _drop_trailing_menu(lines[start:])
    paragraphs = _paragraphs([line for line in body_lines if line.casefold().rstrip(":") not in PROMO_LABELS])
    if paragraphs:
        paragraphs[-1], credit = _split_credit(paragraphs[-1])
        record.source = Source(credit=credit, name=_outlet_name(paragraphs, menu))
        paragraphs = [p for p in paragraphs if p]
    record.text = "\n\n".join(paragraphs)
    return record


def _is_headline(line: str) -> bool:
    """The first line is the headline unless it is a byline, a date line, or a whole paragraph of text."""
    return len(line.split()) <= MAX_HEADLINE_WORDS and not _byline(line) and not _date_line(line)


def _read_header(lines: list[str], start: int, record: Record) -> int:
    """Consume byline and date lines under the headline; returns where the body starts."""
    seen = 0
    index = start
    while index < len(lines) and seen < MAX_HEADER_LINES:
        line = lines[index]
        if not line:
            index += 1
            continue
        authors = _byline(line)
        dated = _date_line(line)
        if authors is not None and not record.authors:
            record.authors = authors
            # "By Jane Roe | March 3, 2025": a date may share the byline's line.
            rest = _PART_SEPARATOR.split(line, maxsplit=1)
            dated_too = _date_line(rest[1]) if len(rest) == 2 else None
            if dated_too and not record.published:
                record.published, section = dated_too
                record.section = record.section or section
        elif dated is not None and not record.published:
            record.published, section = dated
            record.section = record.section or section
        else:
            break
        seen += 1
        index += 1
    return index


def _byline(line: str) -> list[str] | None:
    """The names in a byline line ('By Jane Roe and John Doe', 'Nga Rosalba Bejdo'), or None."""
    rest = strip_byline_word(line)
    if not rest or len(rest) > 120 or rest.endswith(("!", "?", ":")):
        return None
    parts = _PART_SEPARATOR.split(rest)
    names_part = parts[0]
    words = re.findall(r"[^\W\d_][\w'’.-]*", names_part)
    connectors = {"and", "und", "et", "y", "e", "i", "dhe", "en", "och", "og"}
    if not words or any(w[0].islower() and w not in connectors for w in words):
        return None  # "By the end of the week ..." is a sentence, not a byline
    names = clean_authors([names_part])
    return names or None


def _date_line(line: str) -> tuple[str, str | None] | None:
    """'2025-03-11 20:46:00 | Aktualitet' -> ('2025-03-11T20:46:00', 'Aktualitet'); None when not a date line."""
    if len(line) > 100 or not re.search(r"\d", line):
        return None
    parts = [p.strip() for p in _PART_SEPARATOR.split(_DATE_PREFIX.sub("", line)) if p.strip()]
    for i, part in enumerate(parts):
        if len(part.split()) > 8 or not re.search(r"\d", part):
            continue
        published = normalise_date(part)
        if published:
            others = [p for j, p in enumerate(parts) if j != i and not re.search(r"\d", p)]
            section = others[0] if others and len(others[0].split()) <= 4 else None
            return published, section
    return None


def is_menu_line(line: str) -> bool:
    """A short label without sentence punctuation: 'Live Updates', 'A2 CNN Livestream', 'Read more'."""
    if line.casefold().rstrip(":") in PROMO_LABELS:
        return True
    words = line.split()
    return 0 < len(words) <= MAX_MENU_WORDS and not _SENTENCE_END.search(line) and not line.startswith(("\"", "“", "‘"))


def _drop_trailing_menu(lines: list[str]) -> tuple[list[str], list[str]]:
    end = len(lines)
    menu: list[str] = []
    while end > 0 and (not lines[end - 1] or is_menu_line(lines[end - 1])):
        if lines[end - 1]:
            menu.append(lines[end - 1])
        end -= 1
    if end == 0:  # nothing but short lines: they are the text, not a menu
        return lines, []
    return lines[:end], list(reversed(menu))


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated blocks; lines inside a block are one hard-wrapped paragraph."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines + [""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.append(" ".join(block))
            block = []
    return paragraphs


def _split_credit(paragraph: str) -> tuple[str, str | None]:
    """'... met with Albin Kurti. (A2 Televizion)' -> ('... met with Albin Kurti.', 'A2 Televizion')."""
    match = _CREDIT.search(paragraph)
    if not match:
        return paragraph, None
    credit = match.group(1).strip()
    before = paragraph[:match.start()].rstrip()
    words = credit.split()
    looks_like_credit = (len(words) <= 6 and any(ch.isalpha() for ch in credit)
                         and not _SENTENCE_END.search(credit) and (words[0][0].isupper() or words[0][0].isdigit()))
    # The credit closes the article: after a finished sentence, or alone on the last line.
    if looks_like_credit and (not before or _SENTENCE_END.search(before)):
        return before, credit
    return paragraph, None


def _outlet_name(paragraphs: list[str], menu: list[str]) -> str | None:
    """The outlet, when the text names it ('..., writes A2 CNN.') and a menu line repeats it ('A2 CNN Livestream')."""
    if not menu:
        return None
    for paragraph in paragraphs:
        for match in _OUTLET_CUE.finditer(paragraph):
            name = match.group(1).strip().rstrip(".")
            if name and any(line == name or line.startswith(name + " ") for line in menu):
                return name
    return None
