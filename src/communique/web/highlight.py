"""An article's text cut into pieces for the page: which quote and which event sentences cover each piece.

The page wraps each piece in its marks, and the template escapes the words, so no article text is ever read
as HTML. Spans outside the text are clipped; overlapping quotes keep the earlier one for the overlap.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Piece:
    text: str
    quote: int | None = None  # index into the record's quotes
    quote_starts: bool = False
    events: list[int] = field(default_factory=list)
    event_starts: list[int] = field(default_factory=list)


def pieces(text: str, quotes: list[tuple[int, int, int]], events: list[tuple[int, int, int]]) -> list[Piece]:
    """`quotes` and `events` are (index, start, end) triples into `text`."""
    size = len(text)
    quotes = [(i, max(0, s), min(size, e)) for i, s, e in quotes if s < e and s < size and e > 0]
    events = [(i, max(0, s), min(size, e)) for i, s, e in events if s < e and s < size and e > 0]
    cuts = sorted({0, size, *(p for _, s, e in quotes + events for p in (s, e))})
    result: list[Piece] = []
    started_quotes: set[int] = set()
    started_events: set[int] = set()
    quotes_by_start = sorted(quotes, key=lambda q: (q[1], q[0]))
    for start, end in zip(cuts, cuts[1:]):
        covering = next((i for i, s, e in quotes_by_start if s <= start and end <= e), None)
        covered_events = [i for i, s, e in events if s <= start and end <= e]
        piece = Piece(text[start:end], covering, covering is not None and covering not in started_quotes,
                      covered_events, [i for i in covered_events if i not in started_events])
        if covering is not None:
            started_quotes.add(covering)
        started_events.update(covered_events)
        result.append(piece)
    return result
