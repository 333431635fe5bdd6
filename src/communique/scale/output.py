"""A batch's output folder: one Parquet file per shard, its errors, and a done-marker written last.

    DIR/records/NAME.parquet      the records: flat columns to query, and `record` (the full JSON) to rebuild;
                                  alone in their folder, so `pandas.read_parquet(DIR/records)` reads them all
    DIR/shards/NAME.errors.jsonl  {origin, problem} for each input of the shard that gave no record
    DIR/shards/NAME.done          JSON summary; written atomically after the two above, so it means "complete"
    DIR/errors.jsonl              every shard's errors, gathered at the end of each run

Every file is written to a temporary (hidden) name and renamed into place: a crash leaves no half file that looks whole.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ..document import Failure
from ..record import Record

SCHEMA = pa.schema([
    ("id", pa.string()),
    ("path", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("published", pa.string()),
    ("section", pa.string()),
    ("language", pa.string()),
    ("source_name", pa.string()),
    ("source_domain", pa.string()),
    ("authors", pa.list_(pa.string())),
    ("entities", pa.int32()),
    ("quotes", pa.int32()),
    ("events", pa.int32()),
    ("record", pa.string()),  # the whole record as JSON: Record.from_dict(json.loads(...)) gives it back
])


def record_row(record: Record) -> dict:
    data = record.to_dict()
    return {
        "id": record.id, "path": record.path, "url": record.url, "title": record.title,
        "published": record.published, "section": record.section, "language": record.language,
        "source_name": record.source.name, "source_domain": record.source.domain, "authors": list(record.authors),
        "entities": len(record.entities), "quotes": len(record.quotes), "events": len(record.events),
        "record": json.dumps(data, ensure_ascii=False),
    }


class ShardFiles:
    def __init__(self, out_dir: str | Path, name: str):
        folder = Path(out_dir) / "shards"
        self.parquet = Path(out_dir) / "records" / f"{name}.parquet"
        self.errors = folder / f"{name}.errors.jsonl"
        self.done = folder / f"{name}.done"

    def is_done(self) -> bool:
        return self.done.is_file() and self.parquet.is_file()

    def write(self, rows: list[dict], failures: Iterable[Failure], summary: dict) -> None:
        self.parquet.parent.mkdir(parents=True, exist_ok=True)
        self.done.parent.mkdir(parents=True, exist_ok=True)
        _atomic(self.parquet, lambda tmp: pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), tmp))
        lines = "".join(json.dumps({"origin": f.origin, "problem": f.problem}, ensure_ascii=False) + "\n"
                        for f in failures)
        _atomic(self.errors, lambda tmp: Path(tmp).write_text(lines, encoding="utf-8"))
        _atomic(self.done, lambda tmp: Path(tmp).write_text(json.dumps(summary) + "\n", encoding="utf-8"))

    def summary(self) -> dict:
        return json.loads(self.done.read_text(encoding="utf-8"))


def _atomic(final: Path, write) -> None:
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    write(str(tmp))
    os.replace(tmp, final)


def gather_errors(out_dir: str | Path, extra: Iterable[Failure] = ()) -> int:
    """DIR/errors.jsonl from every shard's errors file (and problems found before any shard ran)."""
    out = Path(out_dir)
    lines = [json.dumps({"origin": f.origin, "problem": f.problem}, ensure_ascii=False) + "\n" for f in extra]
    for file in sorted((out / "shards").glob("*.errors.jsonl")):
        lines.extend(line + "\n" for line in file.read_text(encoding="utf-8").splitlines() if line.strip())
    _atomic(out / "errors.jsonl", lambda tmp: Path(tmp).write_text("".join(lines), encoding="utf-8"))
    return len(lines)


def read_records(out_dir: str | Path) -> list[Record]:
    """Every record of a batch's output, shard by shard (for tests, exports and the --db copy)."""
    records = []
    for file in sorted((Path(out_dir) / "records").glob("*.parquet")):
        records.extend(shard_records(file))
    return records


def shard_records(file: str | Path) -> list[Record]:
    column = pq.read_table(file, columns=["record"]).column("record").to_pylist()
    return [Record.from_dict(json.loads(text)) for text in column]
