"""`communique batch`, minus the command line: plan shards, skip the done ones, run the rest on an engine,
gather errors, and copy new records to a store when asked.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..document import Failure
from .output import ShardFiles, gather_errors, shard_records
from .shards import plan_shards

ENGINES = ("local", "ray")


@dataclass
class BatchReport:
    shards: int = 0
    skipped_done: int = 0
    completed: int = 0
    failed_shards: list[dict] = field(default_factory=list)
    records: int = 0
    failures: int = 0  # documents that gave no record, in shards run this time
    errors_total: int = 0  # lines in DIR/errors.jsonl (all shards, all runs)
    seconds: float = 0.0
    processing_seconds: float = 0.0  # from the moment every worker was ready (Ray) or the start (local)
    cpu_seconds: float = 0.0  # CPU time the workers spent on the shards run (contention does not inflate it)
    workers: int = 0
    stored: int = 0


def run_batch(inputs: list[str], out_dir: str | Path, engine: str = "local", workers: int = 1,
              address: str | None = None, db: str | None = None, analyse: bool = True,
              on_shard: Callable[[dict, BatchReport], None] | None = None,
              on_plan: Callable[[BatchReport], None] | None = None) -> BatchReport:
    started = time.perf_counter()
    out = Path(out_dir).resolve()  # workers (Ray actors included) may run in another directory
    out.mkdir(parents=True, exist_ok=True)
    shards, problems = plan_shards(inputs)
    report = BatchReport(shards=len(shards))
    pending = [s for s in shards if not ShardFiles(out, s.name).is_done()]
    report.skipped_done = len(shards) - len(pending)
    sink = open_sink(db) if db else None
    if on_plan:
        on_plan(report)
    ready_at = [time.perf_counter()]

    def ready(count: int) -> None:
        report.workers = count
        ready_at[0] = time.perf_counter()

    if pending:
        if engine == "ray":
            from .ray_engine import run_ray

            summaries = run_ray(pending, str(out), workers=workers or None, address=address, analyse=analyse,
                                on_ready=ready)
        else:
            from .local import run_local

            report.workers = max(1, min(workers, len(pending)))
            summaries = run_local(pending, str(out), workers=workers, analyse=analyse)
        for summary in summaries:
            if "error" in summary:
                report.failed_shards.append(summary)
            else:
                report.completed += 1
                report.records += summary["records"]
                report.failures += summary["failures"]
                report.cpu_seconds += summary.get("cpu_seconds", 0.0)
                if sink:
                    report.stored += sink(shard_records(ShardFiles(out, summary["shard"]).parquet))
            if on_shard:
                on_shard(summary, report)
    report.errors_total = gather_errors(out, problems)
    report.failures += len(problems)
    report.processing_seconds = time.perf_counter() - ready_at[0]
    report.seconds = time.perf_counter() - started
    return report


class StoreUnavailable(RuntimeError):
    """--db given but the store cannot be opened (or this build has none)."""


def open_sink(url: str) -> Callable[[list], int]:
    """A function that upserts records into the store at `url` (SQLite path or PostgreSQL URL) and returns how
    many it saved. Records are copied from each finished shard's Parquet file by this one process, so a SQLite
    file has a single writer however many workers run."""
    try:
        from ..store import open_store
    except ImportError:
        raise StoreUnavailable("this build has no store module") from None
    from ..errors import StoreError

    try:
        store = open_store(url)
    except StoreError as error:
        raise StoreUnavailable(str(error)) from None

    def sink(records: list) -> int:
        for record in records:
            store.upsert(record)
        return len(records)

    return sink
