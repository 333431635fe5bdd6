"""PLOVER events: who did what to whom, when and where."""
from __future__ import annotations

from spacy.tokens import Doc

from ..record import Record


def annotate_events(record: Record, doc: Doc) -> None:
    """Placeholder until the event stage lands."""
