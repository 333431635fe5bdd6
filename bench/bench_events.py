"""Time of the event stage beside the spaCy parse of the same articles, in the same process.

    .venv/bin/python bench/bench_events.py [--corpus PATH] [--limit N]

Parses the BBC politics corpus with `nlp.pipe` (timed), runs the entity and quote stages that events read
(timed, for reference), then the event stage alone (timed), and prints the event stage's time as a share of the
parse (the bar: <= 25%). The one-off cost of building the lexicon and gazetteer indexes and of loading the
clause classifier's model is paid before the clock
starts and printed on its own. Timings are this machine's on this run only: compare the ratio.
"""
from __future__ import annotations

import time

from corpus import corpus_parser, read_articles


def main() -> None:
    args = corpus_parser().parse_args()

    from communique.events import annotate_events
    from communique.events.places import locate
    from communique.nlp import load_model
    from communique.record import Record
    from communique.stages import default_stages

    texts = [item["body"] for item in read_articles(args.corpus, args.limit)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_model()
    before = [stage for name, stage in default_stages() if name != "events"]

    start = time.perf_counter()
    warm = Record(id="warm", text=texts[0], published="2005-01-01")
    warm_doc = nlp(texts[0])
    for stage in before:
        stage(warm, warm_doc)
    annotate_events(warm, warm_doc)
    from communique.events.classifier import load_classifier

    classifier_on = load_classifier() is not None  # the MiniLM model loads once per process, on first use
    locate("London")  # the gazetteer index is built once per process, on first use
    print(f"one-off: model, lexicon and gazetteer ready in {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - start

    records = [Record(id=str(i), text=t, published="2005-01-01") for i, t in enumerate(texts)]
    start = time.perf_counter()
    for record, doc in zip(records, docs):
        for stage in before:
            stage(record, doc)
    earlier = time.perf_counter() - start

    start = time.perf_counter()
    for record, doc in zip(records, docs):
        annotate_events(record, doc)
    events = time.perf_counter() - start

    n_events = sum(len(r.events) for r in records)
    classified = sum(1 for r in records for e in r.events if e.classifier is not None)
    print(f"{len(texts)} articles, {words} words, {n_events} events "
          f"({classified} from the clause classifier{'' if classifier_on else ', which is not installed'})")
    print(f"spaCy parse:            {parse:7.2f} s  ({words / parse:,.0f} words/s)")
    print(f"entities + quotes:      {earlier:7.2f} s  ({earlier / parse:6.1%} of the parse)")
    print(f"events stage:           {events:7.2f} s  ({events / parse:6.1%} of the parse; bar <= 25%)")


if __name__ == "__main__":
    main()
