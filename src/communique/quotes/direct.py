"""Quotation-mark quotes: one left-to-right pass over the text, one quote open at a time.

Marks come in three families that close only each other: double ("...", “...”, „...“, ”...”), guillemets («...»,
‹...›, and the reversed »...«) and single curly (‘...’). A straight double mark is an opener or a closer by its
neighbours. An unclosed double or guillemet quote ends with its paragraph. Doubled apostrophes (''...'') and backticks (``...'') count as double marks (the style of quotes running over
several paragraphs, and of sloppy copy); an unclosed single quote is dropped, since an apostrophe opens it as
often as a quotation does. Marks of another family inside an open quote are a quote within the quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = ("\"", "“", "”", "„", "‟")
GUILLEMETS = ("«", "»", "‹", "›")
SINGLE = ("‘", "’", "‚")
QUOTE_MARKS = "".join(DOUBLE + GUILLEMETS + SINGLE)
TWIN_MARKS = ("''", "``")  # doubled apostrophes and backticks standing for " (older and typewriter-style copy)
FAMILY = {**{c: "double" for c in DOUBLE + TWIN_MARKS}, **{c: "guillemet" for c in GUILLEMETS},
          **{c: "single" for c in SINGLE}}
MARK_OR_BREAK = re.compile("''|``|[" + re.escape(QUOTE_MARKS) + "]|\n")
OPENING_CONTEXT = set("([{—–-/:") | set(QUOTE_MARKS)


@dataclass
class DirectQuote:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or the paragraph end)
    opening: int  # offset of the opening mark
    closed: bool
    paragraph: int  # index of the paragraph (line) holding it
    starts_paragraph: bool  # nothing but spaces before the opening mark in its paragraph


def _shape(text: str, i: int, width: int) -> tuple[bool, bool]:
    """(looks like an opener, looks like a closer) from the characters around the mark at i."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
    free_before = before.isspace() or before in OPENING_CONTEXT
    free_after = after.isspace() or not after.isalnum() and after not in "‘“«„$£€("
    return free_before and not after.isspace(), not before.isspace() and free_after


def find_direct_quotes(text: str) -> list[DirectQuote]:
    quotes: list[DirectQuote] = []
    paragraph = 0
    paragraph_start = 0
    open_at = -1  # offset of the pending opening mark
    open_width = 1
    open_family = ""
    reversed_guillemets = False

    def close(end: int, closed: bool) -> None:
        nonlocal open_at
        if open_family == "single" and not closed:
            open_at = -1
            return
        start, stop = open_at + open_width, end
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] == ","):
            stop -= 1  # the comma before the closing mark belongs to the attribution that follows
        if stop > start:
            # Only the paragraph's first quotation can open it; looking once per paragraph keeps this linear.
            opens = not quotes or quotes[-1].paragraph != paragraph
            opens = opens and not text[paragraph_start:open_at].strip()
            quotes.append(DirectQuote(start, stop, open_at, closed, paragraph, opens))
        open_at = -1

    for match in MARK_OR_BREAK.finditer(text):
        i = match.start()
        mark = match.group()
        if mark == "\n":
            if open_at >= 0:
                close(i, False)
            paragraph += 1
            paragraph_start = i + 1
            continue
        family = FAMILY[mark]
        opener, closer = _shape(text, i, len(mark))
        if open_at < 0:
            if family == "single":
                if mark in "‘‚" and opener:
                    open_at, open_family, open_width = i, family, 1
            elif mark in ("“", "„", "‟", "«", "‹", "``") or (mark in ("\"", "”", "»", "›", "''") and opener):
                if closer and not opener:
                    continue  # a stray closing mark
                open_at, open_family, open_width = i, family, len(mark)
                reversed_guillemets = mark in "»›"
            continue
        if family != open_family:
            continue  # a quote inside the quote
        if family == "single":
            if mark == "’" and closer:
                close(i, True)
            continue
        if family == "guillemet":
            closes = mark in ("«‹" if reversed_guillemets else "»›")
            if closes:
                close(i, True)
            continue
        opening_mark = text[open_at]
        if mark in ("„", "``") or (mark in ("“", "\"", "''") and opener and not closer and opening_mark != "„"):
            close(i, False)  # an opener while one is open: the pending quote was never closed
            open_at, open_family, open_width = i, family, len(mark)
            continue
        if closer or not opener or mark in "”“":
            close(i, True)
    if open_at >= 0:
        close(len(text), False)
    return quotes
