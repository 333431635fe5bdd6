"""Headline quotes: `"We are ready", Rutte: ...`, `Rutte: "We are ready"`, `"We are ready," says Rutte`, and the
paraphrase `Rutte: NATO is ready` (indirect).

Headlines drop the verb, so the pattern is a quotation next to a short capitalised name and a colon (or a verb of
saying). The name is matched to the article's entities by its last word.
"""
from __future__ import annotations

import re

from ..record import Quote, Record, Span
from .speakers import entity_named

OPEN = "\"“„«‘"
CLOSE = "\"”“»’"
NAME = r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
QUOTED = rf"[{OPEN}](?P<content>[^{OPEN}{CLOSE}]{{3,400}}?),?[{CLOSE}]"
SAYS = r"(?P<cue>says|said|warns|tells|urges|insists|vows|claims|declares)"
PATTERNS = [
    re.compile(rf"^\s*{QUOTED}\s*[,;:–—-]?\s*{NAME}\s*(?P<cue>:)"),
    re.compile(rf"^\s*{NAME}\s*(?P<cue>:)\s*{QUOTED}"),
    re.compile(rf"{QUOTED}\s*[,;:–—-]?\s*{SAYS}\s+{NAME}"),
    re.compile(rf"{QUOTED}\s*[,;:–—-]?\s*{NAME}\s+{SAYS}\b"),
]


# "Pence: Flowers won't be at the debate": a headline's paraphrase, credited when the name is one of the
# article's people or organisations.
LABELLED = re.compile(rf"^\s*{NAME}\s*(?P<cue>:)\s+(?P<content>\S.{{2,400}}?)\s*$")


def title_quotes(record: Record) -> list[Quote]:
    title = (record.title or "")[:1000]
    for pattern in PATTERNS:
        match = pattern.search(title)
        if match:
            return [_quote(record, match)]
    match = LABELLED.match(title)
    if match:
        entity = entity_named(record.entities, match.group("name"))
        if entity is not None and entity.type in ("PERSON", "ORG"):
            quote = _quote(record, match)
            quote.kind = "indirect"
            return [quote]
    return []


def _quote(record: Record, match: re.Match) -> Quote:
    name = match.group("name")
    entity = entity_named(record.entities, name)
    cue_start, cue_end = match.span("cue")
    cue = Span(cue_start, cue_end, match.group("cue")) if match.group("cue") != ":" else None
    return Quote(
        content=Span(*match.span("content"), match.group("content")),
        kind="direct",
        field="title",
        speaker=entity.name if entity else name,
        speaker_entity=entity.id if entity else None,
        speaker_mention=Span(*match.span("name"), name),
        cue=cue,
    )
