"""One event per happening: a lede that sums up what a later quote says reports the same event twice.

Two events are one when they have the same type, the same source actors, the same target actors and the same
date, and come from different sentences. A later report inside a quote that carries no date of its own (it
takes the article's day) matches an earlier dated one: "X urged Y on Tuesday ..." then "X said: 'Y must ...'". The first report is kept; the sentences of the others go into its
`also` list. Events without a source or without a target are never merged: with an actor missing, two reports
of the same type are too weakly tied to call them the same event.
"""
from __future__ import annotations

from ..record import Actor, Event, SentenceRef


def _actor_key(actor: Actor) -> str:
    return actor.entity or (actor.name or actor.text).lower()


def _key(event: Event):
    if not event.source or not event.target:
        return None
    return (event.type, frozenset(map(_actor_key, event.source)), frozenset(map(_actor_key, event.target)))


def merge_duplicates(events: list[Event], today: str | None = None) -> list[Event]:
    """The events with repeated reports folded into their first one (linear in the number of events);
    `today` is the article's day (ISO), the date an undated report takes."""
    first: dict[tuple, Event] = {}
    kept: list[Event] = []
    for event in events:
        key = _key(event)
        earlier = first.get(key) if key is not None else None
        if earlier is not None and earlier.date != event.date and not (
                event.quote is not None and event.date == today and event.date_precision == "day"):
            earlier = None  # another day: another event (the first report stays the one later ones match)
        if earlier is None or earlier.sentence == event.sentence:
            if key is not None:
                first.setdefault(key, event)
            kept.append(event)
            continue
        if event.sentence not in earlier.also:
            earlier.also.append(SentenceRef(event.sentence.start, event.sentence.end))
        if earlier.quote is None and event.quote is not None:
            earlier.quote = event.quote  # the later report is often the quote that the lede sums up
    return kept
