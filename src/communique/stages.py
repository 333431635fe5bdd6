"""The analysis stages, in the order they run over a parsed article.

Each stage is a plain function `stage(record, doc) -> None` that fills one part of the record from the spaCy
`doc` of `record.text`; later stages may read what earlier ones wrote (quotes read entities, events read both).
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc

from .record import Record

Stage = Callable[[Record, Doc], None]


def default_stages() -> list[tuple[str, Stage]]:
    from .actors import annotate_entities
    from .events import annotate_events
    from .quotes import annotate_quotes

    return [("entities", annotate_entities), ("quotes", annotate_quotes), ("events", annotate_events)]
