"""The batch on local processes: no Ray needed. Each process keeps one ShardProcessor (one model load)."""
from __future__ import annotations

import multiprocessing
from typing import Iterator

from .shards import Shard
from .worker import ShardProcessor

_processor: ShardProcessor | None = None


def run_local(shards: list[Shard], out_dir: str, workers: int = 1, analyse: bool = True) -> Iterator[dict]:
    """A summary per shard, in the order shards finish."""
    if workers <= 1 or len(shards) <= 1:
        processor = ShardProcessor(analyse)
        for shard in shards:
            yield processor.process(shard, out_dir)
        return
    # spawn, not fork: the parent may hold threads (the progress bar) and a half-initialised model.
    context = multiprocessing.get_context("spawn")
    with context.Pool(min(workers, len(shards)), initializer=_init, initargs=(analyse,)) as pool:
        yield from pool.imap_unordered(_process, [(shard, out_dir) for shard in shards])


def _init(analyse: bool) -> None:
    global _processor
    _processor = ShardProcessor(analyse)


def _process(task: tuple[Shard, str]) -> dict:
    assert _processor is not None
    return _processor.process(*task)
