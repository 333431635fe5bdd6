"""How the event coder does on words it has never seen: the GSR dev half with a fifth of the lexicon held out.

    .venv/bin/python bench/heldout_lexicon.py [--ngec ZIP] [--gold gsr_dev.jsonl] [--folds 5] [--limit N]

The dev half was tuned on, so its score says little about sentences whose event word the lexicon lacks (what
the test half and real news hold). This splits the lexicon's words into folds (by a hash of the word). For
fold k, every lexicon entry with a word of fold k is removed; the clause classifier is retrained the way
`communique.events.train_classifier` trains it (our written sentences, and NGEC sentences labelled by that
reduced lexicon); and the dev sentences whose gold event words (`eventText`) fall in fold k are coded with the
reduced lexicon, first alone, then with that fold's classifier at several thresholds. Prints micro-F1 for each
over all dev sentences: the threshold in classifier.py is the best of these.

Needs the embed extra, and ../shared. Takes about 25 minutes on two cores (the NGEC stories are parsed and
encoded once).
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
import zlib
from pathlib import Path

import numpy as np

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NGEC = SHARED / "data/events/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip"
GOLD = SHARED / "data/events/plover/gsr_dev.jsonl"
WRITTEN = sorted((Path(__file__).resolve().parent / "data" / "plover_written").glob("part*.jsonl"))
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def fold_of(word: str, folds: int) -> int:
    return zlib.crc32(word.encode()) % folds


def without_fold(full, fold: int, folds: int):
    """A copy of the lexicon without the entries that use a word of this fold."""
    def keep(key: str) -> bool:
        return not any(fold_of(w, folds) == fold for w in key.replace(">", " ").split())

    reduced = copy.copy(full)
    reduced.verbs = {k: v for k, v in full.verbs.items() if keep(k)}
    reduced.nouns = {k: v for k, v in full.nouns.items() if keep(k)}
    reduced.verb_objects = {k: v for k, v in full.verb_objects.items() if keep(" ".join(k))}
    reduced.verb_nouns = {k: v for k, v in full.verb_nouns.items() if keep(" ".join(k))}
    return reduced.index()


def analysed(texts, nlp, stages):
    """(record, doc) pairs with the entity and quote stages run, ready for the event stage."""
    from communique.record import Record

    pairs = []
    for index, doc in enumerate(nlp.pipe(texts, batch_size=32)):
        record = Record(id=f"t{index}", text=texts[index], language="en")
        for name, stage in stages:
            if name != "events":
                stage(record, doc)
        pairs.append((record, doc))
    return pairs


def code(pairs, lexicon, model):
    """The event stage over prepared records with this lexicon and this classifier (None: lexicon alone)."""
    import communique.events as events

    events.load_lexicon = lambda: lexicon
    events.load_classifier = lambda: model
    for record, doc in pairs:
        events.annotate_events(record, doc)
    return [record.events for record, _ in pairs]


class AtThreshold:
    """A classifier that reports at a threshold of our choosing."""

    def __init__(self, model, threshold: float):
        self.model, self.threshold = model, threshold

    def classify(self, clauses):
        return self.model.classify(clauses, threshold=self.threshold)


def micro_f1(gold: list[str], predicted: list[set[str]]) -> tuple[float, int, int]:
    tp = sum(g in p for g, p in zip(gold, predicted))
    fp = sum(len(p) - (g in p) for g, p in zip(gold, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(gold)
    return (2 * precision * recall / (precision + recall) if precision + recall else 0.0), tp, fp


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ngec", type=Path, default=NGEC)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="NGEC stories to use (0: all)")
    parser.add_argument("--ngec-weights", type=float, nargs="+", default=[0.0, 0.1, 0.3],
                        help="weights of one lexicon-labelled NGEC sentence to compare (0: our sentences alone)")
    args = parser.parse_args()

    from communique.events import classifier
    from communique.events.lexicon import load_lexicon
    from communique.events.train_classifier import clauses, fit, read_stories, read_written, sentence_labels
    from communique.nlp import load_model
    from communique.stages import default_stages

    encode = classifier.load_encoder()
    if encode is None:
        sys.exit("heldout_lexicon: needs the embed extra")
    nlp, stages, full = load_model(), default_stages(), load_lexicon()
    labelled_written = read_written(WRITTEN)
    written = [(clause, label) for clause, (_, label) in zip(clauses([t for t, _ in labelled_written]),
                                                              labelled_written) if clause is not None]
    written_rows = encode([clause for clause, _ in written])
    stories = read_stories(args.ngec)[: args.limit or None]
    print(f"parsing {len(stories)} NGEC stories ...", file=sys.stderr)
    story_pairs = analysed([s["text"] for s in stories], nlp, stages)
    texts = sorted({text for _, doc in story_pairs for text, _ in sentence_labels([], doc)})
    print(f"encoding {len(texts)} sentences ...", file=sys.stderr)
    clause_of_text = {text: clause for text, clause in zip(texts, clauses(texts)) if clause is not None}
    usable = sorted(clause_of_text)
    row_of = dict(zip(usable, encode([clause_of_text[text] for text in usable])))

    rows = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    gold = [row["event_plover2"] for row in rows]
    dev_pairs = analysed([row["text"] for row in rows], nlp, stages)
    dev_fold = []
    for row in rows:
        words = sorted({fold_of(t.lemma_.lower(), args.folds) for t in nlp(row.get("eventText") or "")})
        dev_fold.append(words[0] if words else 0)

    alone: list[set[str]] = [set() for _ in rows]
    combined = {(weight, threshold): [set() for _ in rows] for weight in args.ngec_weights
                for threshold in THRESHOLDS}
    for fold in range(args.folds):
        reduced = without_fold(full, fold, args.folds)
        labelled = [(text, label) for found, (_, doc) in zip(code(story_pairs, reduced, None), story_pairs)
                    for text, label in sentence_labels(found, doc) if text in row_of]
        features = np.vstack([written_rows, np.array([row_of[text] for text, _ in labelled])])
        labels = [label for _, label in written] + [label for _, label in labelled]
        members = [i for i in range(len(rows)) if dev_fold[i] == fold]
        pairs = [dev_pairs[i] for i in members]
        for i, found in zip(members, code(pairs, reduced, None)):
            alone[i] = {e.type for e in found}
        for weight in args.ngec_weights:
            weights = np.r_[np.ones(len(written)), np.full(len(labelled), weight)]
            model = fit(features, labels, weights, 2.0, 8.0)
            trained = classifier.ClauseClassifier(classifier.Weights(
                tuple(str(c) for c in model.classes_), model.coef_.astype(np.float32),
                model.intercept_.astype(np.float32)), encode)
            for threshold in THRESHOLDS:
                for i, found in zip(members, code(pairs, reduced, AtThreshold(trained, threshold))):
                    combined[weight, threshold][i] = {e.type for e in found}
        print(f"fold {fold}: {len(members)} dev sentences", file=sys.stderr)
    results = [("lexicon alone", alone)] + [(f"+ classifier (NGEC weight {w}) at {t}", combined[w, t])
                                            for w, t in combined]
    for name, predicted in results:
        f1, tp, fp = micro_f1(gold, predicted)
        print(f"{name:<40} micro-F1 {f1:.3f}  (tp {tp}, fp {fp}, {len(gold)} sentences)")


if __name__ == "__main__":
    main()
