"""Reported speech: direct, indirect and mixed quotes with their cues and resolved speakers.

The stage joins three finders over one article: quotation marks (`direct`), cue verbs over the dependency parse
(`indirect`, with the lexicon of `cues`), and the headline (`title`). A parse candidate whose content lies inside
quotation marks gives that quote its cue and speaker; one that runs beyond them is a mixed quote; a quotation with
no cue of its own looks for a speech verb next to it, then for the attribution of the quote before it in its
paragraph, then (when it opens its paragraph) continues the speaker of the paragraph before (`assemble`).
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..record import Record
from .assemble import text_quotes
from .title import title_quotes


def annotate_quotes(record: Record, doc: Doc) -> None:
    record.quotes = title_quotes(record) + text_quotes(record, doc)
