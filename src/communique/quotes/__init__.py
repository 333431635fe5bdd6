"""Reported speech: direct, indirect and mixed quotes with their cues and resolved speakers."""
from __future__ import annotations

from spacy.tokens import Doc

from ..record import Record


def annotate_quotes(record: Record, doc: Doc) -> None:
    """Placeholder until the quote stage lands."""
