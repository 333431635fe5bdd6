"""The verb a sentence's event would hang on, for the clause classifier (classifier.py) and its training."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .coder import SPEECH_HEADS

# Verbs that carry no event of their own: what they say or are is the event, if anything.
CARRIER_VERBS = SPEECH_HEADS | {"be", "have", "do", "get", "become", "seem", "appear", "report", "quote", "cite",
                                "think", "expect", "know", "see", "hope", "want", "like", "need", "add", "explain",
                                # thinking and containing: "he suspected ...", "it includes ..."
                                "suspect", "feel", "consider", "wonder", "include", "contain", "involve", "mean"}


def main_verb(sentence: Span) -> Token | None:
    """The sentence's main verb, or for 'X said (that) Y did Z' the verb of what was said; None when the main
    verb carries nothing or the sentence has no verb at its root (a heading, a list)."""
    verb = sentence.root
    if verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() in CARRIER_VERBS:
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
        if verb is None or verb.lemma_.lower() in CARRIER_VERBS:
            return None
    return verb


def clause_of(sentence: Span, verb: Token) -> tuple[str, tuple[int, int]]:
    """The classifier's input: the sentence's text and the verb's character span within it."""
    start = verb.idx - sentence.start_char
    return sentence.text, (start, start + len(verb.text))
