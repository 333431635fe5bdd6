"""Entity stage (placeholder): spaCy's named entities, merged by name. Replaced by the full resolver."""
from __future__ import annotations

from spacy.tokens import Doc

from ..record import Entity, Record, Span

KEPT_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def annotate_entities(record: Record, doc: Doc) -> None:
    by_key: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in KEPT_TYPES:
            continue
        key = (ent.label_, ent.text.split()[-1] if ent.label_ == "PERSON" else ent.text)
        entity = by_key.get(key)
        if entity is None:
            entity = by_key[key] = Entity(id=f"e{len(by_key) + 1}", name=ent.text, type=ent.label_)
        elif len(ent.text) > len(entity.name):
            entity.name = ent.text
        entity.mentions.append(Span(ent.start_char, ent.end_char, ent.text))
    record.entities = list(by_key.values())
