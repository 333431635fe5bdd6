"""Train the event clause classifier (classifier.py).

    python -m communique.events.train_classifier --written bench/data/plover_written/part*.jsonl \
        --ngec ../shared/data/events/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip

Two kinds of examples:
- our own labelled sentences (bench/data/plover_written/: one PLOVER type, or NONE, per sentence);
- every sentence of the NGEC synthetic training stories (4 to 80 tokens), labelled by the lexicon coder itself:
  the one type it codes there, or NONE when it codes nothing (sentences with two types are left out); they
  count --ngec-weight each, so that the hand labels lead and the stories widen the vocabulary.
Each example is the sentence with its main verb (anchor.main_verb, as the event stage picks it); a sentence
without one is never asked about and is left out. The classifier is a logistic regression over the clause
features, classes weighted to balance, NONE weighted up by --none-weight so that a sentence like most news
sentences stays without an event. Needs the optional part: pip install 'communique[embed]'.
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
    """The NGEC CSV, inside its zip or bare: each story's text and label."""
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
            stories.append({"text": text, "label": label})
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


def read_written(paths: list[Path]) -> list[tuple[str, str]]:
    """(sentence, label) from labelled JSON Lines files, read as the scorer reads them: a type or NONE."""
    from ..evaluate.events import gold_type, load_gold

    return [(row["text"], gold_type(row) or NONE) for path in paths for row in load_gold(path)]


def clauses(texts: list[str]) -> list[tuple[str, tuple[int, int]] | None]:
    """Each text's clause as the event stage would ask about it: its longest sentence with a main verb."""
    from ..nlp import load_model
    from .anchor import clause_of, main_verb

    found = []
    for doc in load_model().pipe(texts, batch_size=64):
        options = [(len(s), s, main_verb(s)) for s in doc.sents]
        options = [(n, s, v) for n, s, v in options if v is not None]
        found.append(clause_of(*max(options, key=lambda o: o[0])[1:]) if options else None)
    return found


def fit(features: np.ndarray, labels: list[str], weights: np.ndarray, none_weight: float, strength: float):
    from sklearn.linear_model import LogisticRegression

    counts: Counter = Counter()
    for label, weight in zip(labels, weights):
        counts[label] += weight  # classes balanced by their weighted size
    total = sum(counts.values())
    counts = Counter({label: n for label, n in counts.items() if n > 0})
    balance = {label: total / (len(counts) * n) for label, n in counts.items()}
    balance[NONE] = balance.get(NONE, 1.0) * none_weight
    return LogisticRegression(C=strength, max_iter=4000, class_weight=balance).fit(features, labels,
                                                                                   sample_weight=weights)


def examples_with_clauses(examples: list[tuple[str, str, float]]):
    """The examples whose text has a clause to ask about, with that clause."""
    found = clauses([text for text, _, _ in examples])
    return [(clause, label, weight) for clause, (_, label, weight) in zip(found, examples) if clause is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--written", type=Path, nargs="+", required=True, help="labelled sentences (.jsonl)")
    parser.add_argument("--ngec", type=Path, help="the NGEC synthetic stories (.csv or .csv.zip)")
    parser.add_argument("--ngec-weight", type=float, default=0.1, help="weight of one lexicon-labelled sentence")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "data" / WEIGHTS)
    parser.add_argument("--none-weight", type=float, default=2.0)
    parser.add_argument("--strength", type=float, default=8.0, help="inverse regularisation (sklearn's C)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N stories (a quick run)")
    args = parser.parse_args(argv)
    encode = load_encoder()
    if encode is None:
        print("train_classifier: needs the optional part: pip install 'communique[embed]'", file=sys.stderr)
        return 1
    examples = [(text, label, 1.0) for text, label in read_written(args.written)]
    if args.ngec:
        stories = read_stories(args.ngec)[: args.limit or None]
        examples += [(text, label, args.ngec_weight)
                     for text, label in lexicon_labels([s["text"] for s in stories], args.workers)]
    usable = examples_with_clauses(examples)
    print(f"{len(usable)} examples: {dict(Counter(label for _, label, _ in usable).most_common())}", file=sys.stderr)
    model = fit(encode([clause for clause, _, _ in usable]), [label for _, label, _ in usable],
                np.array([weight for _, _, weight in usable]), args.none_weight, args.strength)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, classes=np.array(model.classes_, dtype=str),
                        matrix=model.coef_.astype(np.float32), bias=model.intercept_.astype(np.float32))
    print(f"wrote {args.out} ({len(model.classes_)} classes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
