"""A record as the flat rows the store keeps: one article, its entities, quotes and events.

Actors are the people, organisations and places that recur across articles; an actor's key is its name
case-folded with runs of punctuation and spaces as one hyphen, so "Mark Rutte" in two articles is one actor.
Unnamed speakers ("officials") stay on their quotes but do not become actors.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field

from ..record import Actor, Record
from .vocabulary import quad_class


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def actor_key(name: str | None) -> str | None:
    if not name:
        return None
    key = re.sub(r"[\W_]+", "-", name.casefold()).strip("-")
    return key[:200] or None


def looks_named(name: str | None) -> bool:
    """A proper name ("Vjosa Osmani", "NATO") rather than a description ("officials", "the minister")."""
    return bool(name) and name[0].isupper()


@dataclass
class ActorRow:
    key: str
    name: str
    type: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Rows:
    article: dict
    actors: dict[str, ActorRow] = field(default_factory=dict)
    entities: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)

    def add_actor(self, name: str | None, type_: str | None = None, country: str | None = None,
                  sector: str | None = None) -> str | None:
        key = actor_key(name)
        if key is None:
            return None
        known = self.actors.get(key)
        if known is None:
            self.actors[key] = ActorRow(key, name, type_, country, sector)
        else:  # the first article-level description wins; gaps are filled from later mentions
            known.type = known.type or type_
            known.country = known.country or country
            known.sector = known.sector or sector
        return key


def _date_part(value: str | None) -> str | None:
    if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def _span_text(span) -> str | None:
    return span.text if span else None


def flatten(record: Record) -> Rows:
    published_date = _date_part(record.published)
    article = {
        "id": record.id, "url": record.url or None, "content_hash": content_hash(record.text),
        "path": record.path, "title": record.title,
        "source_name": record.source.name, "source_credit": record.source.credit,
        "source_domain": record.source.domain, "authors": "; ".join(record.authors),
        "published": record.published, "published_date": published_date, "section": record.section,
        "language": record.language, "text": record.text, "quote_count": len(record.quotes),
        "event_count": len(record.events), "entity_count": len(record.entities),
        "record": json.dumps(record_dict(record), ensure_ascii=False),
    }
    rows = Rows(article)
    source_lc = " ".join(v for v in (record.source.name, record.source.domain) if v).casefold() or None
    article["source_lc"] = source_lc
    entity_actor: dict[str, str | None] = {}
    entities = {e.id: e for e in record.entities}
    for entity in record.entities:
        key = rows.add_actor(entity.name, entity.type, entity.country, entity.sector)
        entity_actor[entity.id] = key
        rows.entities.append({
            "entity_id": entity.id, "actor_key": key, "name": entity.name, "type": entity.type,
            "country": entity.country, "sector": entity.sector, "titles": "; ".join(entity.titles),
            "affiliation": entity.affiliation, "mentions": len(entity.mentions),
        })
    for index, quote in enumerate(record.quotes):
        entity = entities.get(quote.speaker_entity or "")
        if entity is not None:
            speaker_key = entity_actor.get(entity.id)
        elif looks_named(quote.speaker):
            speaker_key = rows.add_actor(quote.speaker)
        else:
            speaker_key = None
        speaker = quote.speaker or (entity.name if entity else None)
        rows.quotes.append({
            "idx": index, "field": quote.field, "kind": quote.kind, "text": quote.content.text,
            "start_char": quote.content.start, "end_char": quote.content.end,
            "speaker": speaker, "speaker_lc": speaker.casefold() if speaker else None,
            "speaker_entity": quote.speaker_entity, "speaker_key": speaker_key,
            "speaker_country": entity.country if entity else None,
            "speaker_mention": _span_text(quote.speaker_mention), "cue": _span_text(quote.cue),
            "published_date": published_date, "source_lc": source_lc,
            "mentioned_keys": _mentioned(record, quote, entity_actor, speaker_key),
        })
    for index, event in enumerate(record.events):
        roles = [("source", a) for a in event.source] + [("target", a) for a in event.target]
        actors = []
        for position, (role, actor) in enumerate(roles):
            actors.append({"role": role, "position": position, **_actor_fields(rows, actor, entities, entity_actor)})
        location = event.location
        start, end = event.sentence.start, event.sentence.end
        rows.events.append({
            "idx": index, "type": event.type, "quad_class": quad_class(event.type), "mode": event.mode,
            "cameo": event.cameo, "date": event.date, "date_precision": event.date_precision,
            "event_date": _date_part(event.date) or published_date, "published_date": published_date,
            "location_name": location.name if location else None,
            "location_country": location.country if location else None,
            "lat": location.lat if location else None, "lon": location.lon if location else None,
            "sentence_start": start, "sentence_end": end, "sentence": record.text[start:end],
            "quote_idx": event.quote, "trigger": _span_text(event.trigger), "source_lc": source_lc,
            "source_names": "; ".join(a["name"] or a["text"] for a in actors if a["role"] == "source"),
            "target_names": "; ".join(a["name"] or a["text"] for a in actors if a["role"] == "target"),
            "classifier": event.classifier, "reports": 1 + len(event.also),
            "actors": actors,
        })
    return rows


def _actor_fields(rows: Rows, actor: Actor, entities: dict, entity_actor: dict) -> dict:
    entity = entities.get(actor.entity or "")
    name = actor.name or (entity.name if entity else None)
    if entity is not None:
        key = entity_actor.get(entity.id)
    elif looks_named(name or actor.text):
        key = rows.add_actor(name or actor.text, None, actor.country, actor.sector)
    else:
        key = None
    country = actor.country or (entity.country if entity else None)
    label = name or actor.text
    return {"actor_key": key, "text": actor.text, "name": name, "name_lc": label.casefold() if label else None,
            "country": country, "sector": actor.sector or (entity.sector if entity else None)}


def _mentioned(record: Record, quote, entity_actor: dict, speaker_key: str | None) -> list[str]:
    """Actors named inside the quoted words: what the quote is about."""
    if quote.field != "text":
        return []
    start, end = quote.content.start, quote.content.end
    keys = []
    for entity in record.entities:
        key = entity_actor.get(entity.id)
        if key and key != speaker_key and key not in keys:
            if any(start <= m.start and m.end <= end for m in entity.mentions):
                keys.append(key)
    return keys


def record_dict(record: Record) -> dict:
    """`record.to_dict()` without dataclasses.asdict's deep copies (the record is serialised right away)."""
    return _ordered({name: _plain(value) for name, value in record.__dict__.items()})


_ORDER = ["id", "path", "url", "source", "title", "authors", "published", "section", "language",
          "text", "entities", "quotes", "events", "warnings"]


def _ordered(data: dict) -> dict:
    ordered = {key: data[key] for key in _ORDER if key in data}
    ordered.update((k, v) for k, v in data.items() if k not in ordered)  # fields added to the record later
    return ordered


def _plain(value):
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(v) for name, v in value.__dict__.items()}
    return value


def actor_dict(actor: ActorRow) -> dict:
    return asdict(actor)
