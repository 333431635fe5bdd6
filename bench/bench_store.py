"""The ledger at 10,000 articles: ingest rate beside extract, and API latency for search and timelines.

    .venv/bin/python bench/bench_store.py [--db PATH|postgresql://...] [--base N] [--target 10000]

1. Extract vs ingest: the same N articles of the shared BBC corpus through the one pipeline, written as JSON
   Lines (what `extract` does) or stored with one committed transaction per article (what `ingest` does),
   alternated twice in one process with the model already loaded; the rates and their ratio.
2. Fill: the pipeline's records are stored again under new ids (the text gets a copy marker appended, so
   the content hash differs and offsets stay valid; dates spread over two years) up to --target articles.
3. Latency through the API, over HTTP from a live `communique serve` process (one keep-alive client, one
   request at a time): quote full-text search (`/api/quotes?q=`) with words drawn from the stored quotes, and
   actor timelines (`/api/actors/{id}`), half for the 20 busiest actors; p50/p95/max over the requests.
   Timings are this machine's on this run: compare ratios.
"""
from __future__ import annotations

import argparse
import dataclasses
import io
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "bbc_politics_417.jsonl"


def documents(corpus: Path, limit: int):
    from communique.document import Document

    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= limit:
                break
            item = json.loads(line)
            yield Document(origin=f"{corpus.name}:{number + 1}",
                           fields={"id": str(item["id"]), "title": item.get("title"), "text": item["body"]})


def run_extract(pipeline, docs) -> tuple[list, float]:
    from communique.record import Record

    out = io.StringIO()
    records = []
    started = time.perf_counter()
    for result in pipeline.run(docs):
        if isinstance(result, Record):
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            records.append(result)
    return records, time.perf_counter() - started


def run_ingest(pipeline, store, docs) -> tuple[float, float]:
    """Seconds for the whole ingest, and the part of it spent in the store (upserts and commits)."""
    from communique.store.ingest import ingest

    upsert, spent = store.upsert, [0.0]

    def timed_upsert(record):
        started = time.perf_counter()
        try:
            return upsert(record)
        finally:
            spent[0] += time.perf_counter() - started

    store.upsert = timed_upsert
    started = time.perf_counter()
    ingest(store, docs, pipeline=pipeline)
    return time.perf_counter() - started, spent[0]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def latency(client, paths: list[str]) -> dict:
    timings = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code} {response.text[:200]}")
    return {"requests": len(timings), "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(percentile(timings, 0.95), 1), "max_ms": round(max(timings), 1)}


def in_process(call, paths: list[str]) -> str:
    timings = []
    for path in paths:
        started = time.perf_counter()
        call(path)
        timings.append((time.perf_counter() - started) * 1000)
    return f"p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"


class live_server:
    """`communique serve` in its own process on a free port, stopped on exit."""

    def __init__(self, db: str):
        self.db = db

    def __enter__(self) -> str:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from communique.cli import main; main()", "serve", "--db", self.db,
             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        import httpx

        for _ in range(300):
            try:
                httpx.get(base + "/api/stats", timeout=1)
                return base
            except httpx.HTTPError:
                time.sleep(0.1)
        self.process.kill()
        raise SystemExit("the server did not start")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="where to build the 10k ledger (default: a temporary SQLite file)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--base", type=int, default=120, help="articles run through the pipeline")
    parser.add_argument("--target", type=int, default=10_000, help="articles stored in the end")
    parser.add_argument("--requests", type=int, default=200, help="API requests per measurement")
    parser.add_argument("--latency-only", action="store_true", help="skip the rates; --db must hold the articles")
    parser.add_argument("--rates-only", action="store_true", help="measure extract and ingest rates, then stop")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"no corpus at {args.corpus} (the shared data folder is needed)")

    from communique.nlp import load_model
    from communique.pipeline import Pipeline
    from communique.store import open_store

    tmp = tempfile.TemporaryDirectory()
    load_model()
    pipeline = Pipeline()
    list(pipeline.run(documents(args.corpus, 3)))  # warm every stage
    words = sum(len(d.fields["text"].split()) for d in documents(args.corpus, args.base))

    # 1. extract vs ingest, alternated, best of three each
    extract_times, ingest_times, store_times = [], [], []
    records = []
    for round_ in range(0 if args.latency_only else 3):
        records, seconds = run_extract(pipeline, documents(args.corpus, args.base))
        extract_times.append(seconds)
        with open_store(str(Path(tmp.name) / f"rate{round_}.db")) as store:
            total, in_store = run_ingest(pipeline, store, documents(args.corpus, args.base))
            ingest_times.append(total)
            store_times.append(in_store)
        print(f"round {round_ + 1}: extract {extract_times[-1]:.1f} s, ingest {ingest_times[-1]:.1f} s "
              f"(of which the store {store_times[-1]:.2f} s)", flush=True)
    if extract_times:
        extract_rate = args.base / min(extract_times)
        ingest_rate = args.base / min(ingest_times)
        print(f"articles through the pipeline: {args.base} ({words} words)")
        print(f"extract: {extract_rate:.2f} articles/s   ingest (SQLite, commit per article): "
              f"{ingest_rate:.2f} articles/s   ingest/extract = {ingest_rate / extract_rate:.3f}")
        share = sum(store_times) / sum(ingest_times)
        print(f"the store's own share of ingest time: {share:.1%} "
              f"({1000 * sum(store_times) / (len(store_times) * args.base):.1f} ms per article); the rest is the "
              f"pipeline that extract runs too, so noise aside ingest/extract = {1 - share:.3f} or better")

    if args.rates_only:
        return

    # 2. fill to the target with copies under new ids
    db = args.db or str(Path(tmp.name) / "ledger.db")
    store = open_store(db)
    start_day = date(2024, 1, 1)
    stored = store.counts()["articles"]
    started = time.perf_counter()
    copies = 0
    while stored < args.target and records:
        record = records[copies % len(records)]
        copy = dataclasses.replace(record, id=f"{record.id}~{copies}", url=None,
                                   text=record.text + f"\n[copy {copies}]",
                                   published=(start_day + timedelta(days=copies % 730)).isoformat())
        if store.upsert(copy) == "inserted":
            stored += 1
        copies += 1
    fill_seconds = time.perf_counter() - started
    store.optimize()  # as `ingest` does after a batch
    counts = store.counts()
    print(f"stored: {counts}  (filled {copies} copies in {fill_seconds:.1f} s, "
          f"{copies / max(fill_seconds, 1e-9):.0f} upserts/s)")

    # 3. latency through the API
    import httpx

    rng = random.Random(7)
    sample = [q["text"] for q in store.quotes(limit=500).items]
    quote_words = sorted({w.strip(".,\"'").lower() for text in sample for w in text.split()
                          if len(w.strip(".,\"'")) > 4 and w.strip(".,\"'").isalpha()})
    store.close()
    with live_server(db) as base, httpx.Client(base_url=base, timeout=30) as client:
        searches = [f"/api/quotes?q={rng.choice(quote_words)}" for _ in range(args.requests)]
        actors = client.get("/api/actors", params={"limit": 500}).json()["items"]
        active = [a["id"] for a in actors if a["quotes"] or a["events"]]
        timelines = [f"/api/actors/{rng.choice(active[:20] if i % 2 else active)}" for i in range(args.requests)]
        for path in searches[:10] + timelines[:10]:
            client.get(path)  # warm the server's connections and the page cache
        print(f"HTTP floor (a static asset, same server): {latency(client, ['/static/graph.js'] * args.requests)}")
        print(f"quote full-text search over {counts['quotes']} quotes ({len(quote_words)} query words): "
              f"{latency(client, searches)}")
        print(f"actor timeline ({len(active)} active actors, half of the requests for the 20 busiest): "
              f"{latency(client, timelines)}")
        busiest = client.get(f"/api/actors/{actors[0]['id']}").json()
        print(f"busiest actor: {actors[0]['name']} with {busiest['quotes']} quotes and {busiest['events']} events")
    with open_store(db) as store:  # the same requests' store work alone, in this process
        from communique.store import make_filters

        print("in-process store, quote search: " + in_process(lambda p: store.quotes(
            make_filters(search=p.split("q=", 1)[1])), searches))
        print("in-process store, actor timeline: " + in_process(lambda p: store.actor(p.rsplit("/", 1)[1]), timelines))
    tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
