"""What the quote stage adds to the spaCy parse, measured on the same articles in the same process.

    .venv/bin/python bench/bench_quotes.py [--corpus PATH] [--limit N] [--repeat R]

Parses the corpus once with `nlp.pipe` (timed), runs the entity stage (untimed: quotes read its entities), then
times the quote stage alone over the parsed docs, R times, keeping the fastest run. Prints both times, quotes
per article and the ratio quote stage / parse (the bar: at most 0.15). Compare ratios, not absolute times.
"""
from __future__ import annotations

import time

from corpus import corpus_parser, read_articles


def main() -> None:
    parser = corpus_parser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from communique.actors import annotate_entities
    from communique.nlp import load_model
    from communique.quotes import annotate_quotes
    from communique.record import Record

    items = read_articles(args.corpus, args.limit)
    texts = [item["body"] for item in items]
    nlp = load_model()
    list(nlp.pipe(texts[:5]))  # warm up before the clock starts

    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - start

    records = [Record(id=str(item["id"]), text=item["body"], title=item.get("title")) for item in items]
    for record, doc in zip(records, docs):
        annotate_entities(record, doc)

    best = float("inf")
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        for record, doc in zip(records, docs):
            annotate_quotes(record, doc)
        best = min(best, time.perf_counter() - start)
    quotes = sum(len(record.quotes) for record in records)
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} articles, {words} words, {quotes} quotes ({quotes / len(texts):.1f} per article)")
    print(f"spaCy parse   {parse:7.2f} s  ({words / parse:,.0f} words/s)")
    print(f"quote stage   {best:7.2f} s  (fastest of {args.repeat})")
    print(f"ratio quote stage / parse: {best / parse:.3f}  (bar: <= 0.15)")


if __name__ == "__main__":
    main()
