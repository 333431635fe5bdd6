"""One shard through the one Pipeline: read its inputs, analyse, write its Parquet, errors and done-marker.

A `ShardProcessor` lives as long as its worker (a local process or a Ray actor), so the spaCy model is loaded
once per worker, not once per shard. A document that fails becomes an error line; a shard that fails as a whole
(an unreadable file, a bug) is returned as such and is not marked done, so a rerun tries it again.
"""
from __future__ import annotations

import os
import time
from typing import Iterator

from ..document import Document, Failure
from ..pipeline import Pipeline
from ..record import Record
from .output import ShardFiles, record_row
from .shards import Shard


class ShardProcessor:
    def __init__(self, analyse: bool = True):
        self.pipeline = Pipeline(analyse=analyse)
        if analyse:
            from ..nlp import load_model

            load_model()
            self.pipeline.stages  # import the stages before the first shard

    def ready(self) -> int:
        """The worker's process id, once the model is loaded (lets a runner wait for every worker)."""
        return os.getpid()

    def process(self, shard: Shard, out_dir: str) -> dict:
        started, cpu_started = time.perf_counter(), time.process_time()
        warc: dict = {}
        try:
            rows, failures = [], []
            for result in self.pipeline.run(_documents(shard, warc)):
                if isinstance(result, Record):
                    rows.append(record_row(result))
                else:
                    failures.append(result)
            summary = {"shard": shard.name, "paths": list(shard.paths), "records": len(rows),
                       "failures": len(failures), "seconds": round(time.perf_counter() - started, 3),
                       "cpu_seconds": round(time.process_time() - cpu_started, 3), "worker": os.getpid(),
                       **({"warc": warc} if warc else {})}
            ShardFiles(out_dir, shard.name).write(rows, failures, summary)
            return summary
        except Exception as error:  # keep the batch going; the shard stays not-done
            return {"shard": shard.name, "paths": list(shard.paths), "error": f"{type(error).__name__}: {error}",
                    "worker": os.getpid()}


def _documents(shard: Shard, warc_counts: dict) -> Iterator[Document | Failure]:
    from pathlib import Path

    from ..sources.files import documents_from_file
    from ..sources.warc import WarcCounts, is_warc, iter_warc

    for name in shard.paths:
        path = Path(name)
        if is_warc(path):
            counts = WarcCounts()
            yield from iter_warc(path, counts)
            for key, value in counts.to_dict().items():
                warc_counts[key] = warc_counts.get(key, 0) + value
        else:
            yield from documents_from_file(path)
