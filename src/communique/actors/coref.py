"""Which entity does a stretch of text refer to? Names, surnames, pronouns and descriptions.

Placeholder: finds the entity with a mention at the span, or a PERSON whose name ends with the span's last word.
The full resolver (pronouns by salience and agreement, descriptions through titles and affiliations) replaces it
behind the same function.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..record import Entity, Record


def entity_at(record: Record, start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps [start, end)."""
    for entity in record.entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                return entity
    return None


def resolve_span(record: Record, doc: Doc, start: int, end: int) -> Entity | None:
    """The entity the words at [start, end) of `record.text` refer to, or None when unsure."""
    found = entity_at(record, start, end)
    if found:
        return found
    words = record.text[start:end].split()
    if not words:
        return None
    last = words[-1].lower()
    for entity in record.entities:
        if entity.type == "PERSON" and entity.name.split()[-1].lower() == last:
            return entity
    return None
