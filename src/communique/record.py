"""The article record: the typed form of the contract in docs/record.md.

Every stage reads and writes these dataclasses; JSON is only their serialisation (`to_dict` / `from_dict`).
Field names match the contract exactly; add fields freely, never rename or drop them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Span:
    """A stretch of the record's text (or title): character offsets and the words themselves."""

    start: int
    end: int
    text: str


@dataclass
class Source:
    name: str | None = None  # the outlet, e.g. "A2 CNN"
    credit: str | None = None  # a credit line inside the text, e.g. "A2 Televizion"
    domain: str | None = None  # e.g. "a2cnn.al"


@dataclass
class Entity:
    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | ...
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3; Kosovo is XKX
    sector: str | None = None  # GOV | MIL | IGO | LEG | JUD | POL | OPP | PTY | REB | CVL | MED | BUS | NGO
    mentions: list[Span] = field(default_factory=list)
    # How a person's country was found (an addition to the contract): "text" when the article states it,
    # "name+article" when inferred from the surname and the article's countries (docs/actors.md); else None.
    country_evidence: str | None = None


@dataclass
class Quote:
    content: Span
    kind: str  # direct | indirect | mixed
    field: str = "text"  # "text" or "title": which string the offsets index
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None


@dataclass
class Actor:
    text: str
    entity: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class SentenceRef:
    start: int
    end: int


@dataclass
class Event:
    type: str  # one of the 16 PLOVER types
    sentence: SentenceRef
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    mode: str | None = None
    cameo: str | None = None
    date: str | None = None  # YYYY-MM-DD
    date_precision: str | None = None  # day | week | month
    location: Location | None = None
    quote: int | None = None  # index into Record.quotes when the event is a speech act
    trigger: Span | None = None  # the words that name the event (an addition to the contract)
    # other sentences that report the same event (same type, actors and date), the first report kept (an addition)
    also: list[SentenceRef] = field(default_factory=list)
    # the clause classifier's probability when it, not the lexicon, found the event (an addition); else null
    classifier: float | None = None


@dataclass
class Record:
    id: str
    text: str
    path: str | None = None
    url: str | None = None
    source: Source = field(default_factory=Source)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    section: str | None = None
    language: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        # Keep the contract's key order: identity and metadata first, annotations last.
        order = ["id", "path", "url", "source", "title", "authors", "published", "section", "language",
                 "text", "entities", "quotes", "events", "warnings"]
        return {key: data[key] for key in order}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        def span(value):
            return Span(**value) if value else None

        def actor(value):
            return Actor(**_known(Actor, value))

        record = cls(**{k: v for k, v in _known(cls, data).items()
                        if k not in ("source", "entities", "quotes", "events")})
        record.source = Source(**_known(Source, data.get("source") or {}))
        record.entities = [
            Entity(**{**_known(Entity, e), "mentions": [Span(**m) for m in e.get("mentions") or []]})
            for e in data.get("entities") or []
        ]
        record.quotes = [
            Quote(**{**_known(Quote, q), "content": span(q["content"]), "speaker_mention": span(q.get("speaker_mention")),
                     "cue": span(q.get("cue"))})
            for q in data.get("quotes") or []
        ]
        record.events = [
            Event(**{**_known(Event, e),
                     "sentence": SentenceRef(**e["sentence"]),
                     "source": [actor(a) for a in e.get("source") or []],
                     "target": [actor(a) for a in e.get("target") or []],
                     "location": Location(**e["location"]) if e.get("location") else None,
                     "trigger": span(e.get("trigger")),
                     "also": [SentenceRef(**a) for a in e.get("also") or []]})
            for e in data.get("events") or []
        ]
        return record


def _known(cls, data: dict[str, Any]) -> dict[str, Any]:
    """The keys of `data` that are fields of `cls` (records written by newer versions may carry more)."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}
