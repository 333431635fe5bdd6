"""Inputs -> shards: the units of work a batch hands to workers, named stably so reruns find what is done.

A container file (a WARC, a JSON Lines or JSON file) is one shard. Loose pages (.html, .txt, ...) found in a
directory are grouped, `FILES_PER_SHARD` to a shard, so that a folder of pages does not become thousands of
tiny Parquet files.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..document import Failure
from ..sources import input_files
from ..sources.warc import is_warc

FILES_PER_SHARD = 64
CONTAINER_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")


@dataclass(frozen=True)
class Shard:
    name: str  # stable across runs: a readable stem and a hash of the absolute paths
    paths: tuple[str, ...]


def plan_shards(inputs: list[str]) -> tuple[list[Shard], list[Failure]]:
    shards: dict[str, Shard] = {}
    problems: list[Failure] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files = input_files(path)
            loose = []
            for file in files:
                if _is_container(file):
                    _add(shards, _shard(file.name, [file]))
                else:
                    loose.append(file)
            for start in range(0, len(loose), FILES_PER_SHARD):
                group = loose[start:start + FILES_PER_SHARD]
                _add(shards, _shard(f"{path.resolve().name}-{start // FILES_PER_SHARD:05d}", group))
        elif path.is_file():
            _add(shards, _shard(path.name, [path]))
        else:
            problems.append(Failure(name, "no such file or directory (batch reads files and directories)"))
    return list(shards.values()), problems


def _is_container(file: Path) -> bool:
    return file.name.lower().endswith(CONTAINER_SUFFIXES) or is_warc(file)


def _shard(stem: str, files: list[Path]) -> Shard:
    paths = tuple(str(f.resolve()) for f in files)
    digest = hashlib.sha1("\n".join(paths).encode("utf-8")).hexdigest()[:10]
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", stem)[:60]
    return Shard(f"{readable}-{digest}", paths)


def _add(shards: dict[str, Shard], shard: Shard) -> None:
    shards.setdefault(shard.name, shard)  # the same file named twice is one shard
