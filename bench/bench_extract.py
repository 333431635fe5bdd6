"""Throughput of `extract` beside bare spaCy parsing of the same articles, in the same process.

    .venv/bin/python bench/bench_extract.py [--corpus PATH] [--limit N]

Prints docs/s, words/s and peak RSS for: bare `nlp.pipe`, the extract pipeline with one worker (reading the
JSON Lines, every stage, JSON serialisation), and with `--workers 2`; then the ratios. Timings are this
machine's on this run only: compare the ratios, not the absolute numbers.
"""
from __future__ import annotations

import json
import resource
import time
from pathlib import Path

from corpus import corpus_parser, read_articles


def corpus_as_jsonl(path: Path, limit: int | None, out: Path) -> tuple[Path, int, int]:
    """The corpus rewritten as communique input lines ({id, title, text}); returns (path, docs, words)."""
    items = read_articles(path, limit)
    lines = [json.dumps({"id": str(item["id"]), "title": item.get("title"), "text": item["body"]}) for item in items]
    words = sum(len(item["body"].split()) for item in items)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out, len(lines), words


def peak_rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    args = corpus_parser().parse_args()

    from communique.nlp import load_model
    from communique.pipeline import Pipeline
    from communique.sources import iter_inputs

    tmp = Path("/tmp/communique-bench-corpus.jsonl")
    path, n_docs, n_words = corpus_as_jsonl(args.corpus, args.limit, tmp)
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    nlp = load_model()
    list(nlp.pipe(texts[:5]))  # warm up caches before any clock starts

    def timed(label, work):
        start = time.perf_counter()
        work()
        seconds = time.perf_counter() - start
        print(f"{label:<22} {seconds:7.1f} s  {n_docs / seconds:7.2f} docs/s  {n_words / seconds:8.0f} words/s")
        return seconds

    def extract(workers):
        def work():
            for result in Pipeline().run(iter_inputs([str(path)]), workers=workers):
                json.dumps(result.to_dict(), ensure_ascii=False)
        return work

    print(f"corpus: {args.corpus.name}, {n_docs} articles, {n_words} words")
    bare = timed("bare spaCy nlp.pipe", lambda: [None for _ in nlp.pipe(texts)])  # docs dropped as extract drops them
    one = timed("extract, 1 worker", extract(1))
    rss_one = peak_rss_mb()
    two = timed("extract, --workers 2", extract(2))
    print(f"peak RSS: {rss_one:.0f} MB in-process; {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB largest worker")
    print(f"extract / bare spaCy speed: {bare / one:.2f}x   (bar >= 0.8x)")
    print(f"--workers 2 / 1 worker speed: {one / two:.2f}x   (bar >= 1.6x)")


if __name__ == "__main__":
    main()
