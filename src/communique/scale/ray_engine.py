"""The batch on Ray: one actor per worker holds a ShardProcessor (the model loaded once per actor), and
shards are handed to whichever actor is free. Workers write their shard files themselves, so on a cluster
the output folder must be a path every node sees (a shared filesystem).
"""
from __future__ import annotations

from typing import Iterator

from .shards import Shard


class RayMissing(RuntimeError):
    """`--engine ray` without Ray installed."""


def import_ray():
    try:
        import ray
    except ImportError:
        raise RayMissing("Ray is not installed: pip install 'communique[ray]' (or use --engine local)") from None
    return ray


def run_ray(shards: list[Shard], out_dir: str, workers: int | None = None, address: str | None = None,
            analyse: bool = True, on_ready=None) -> Iterator[dict]:
    """A summary per shard, in the order shards finish. Starts a local Ray instance unless one is running
    or `address` names a cluster; a Ray instance started here is shut down at the end."""
    ray = import_ray()
    from ray.util import ActorPool

    from .worker import ShardProcessor

    started_here = not ray.is_initialized()
    if started_here:
        options = {"address": address} if address else {"num_cpus": workers or None,
                                                          "object_store_memory": 256 * 1024 * 1024}
        ray.init(include_dashboard=False, log_to_driver=False, configure_logging=False, **options)
    try:
        count = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        count = max(1, min(count, len(shards)))
        actor = ray.remote(num_cpus=1)(ShardProcessor)
        actors = [actor.remote(analyse) for _ in range(count)]
        ray.get([a.ready.remote() for a in actors])  # every model loaded before the first shard is handed out
        if on_ready:
            on_ready(count)
        pool = ActorPool(actors)
        for shard in shards:
            pool.submit(lambda a, s: a.process.remote(s, out_dir), shard)
        while pool.has_next():
            try:
                yield pool.get_next_unordered()
            except Exception as error:  # an actor died: its shard is reported and left not-done
                yield {"shard": "?", "error": f"worker lost ({type(error).__name__}: {str(error)[:200]})"}
        for a in actors:
            ray.kill(a)
    finally:
        if started_here:
            ray.shutdown()
