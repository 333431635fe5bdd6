"""Flat tables out of the store: CSV, JSON Lines or Parquet, one row per article, quote or event.

Columns are plain values (lists of actors become '; '-joined names and codes) so that pandas or R load them
directly. Events also come in a GDELT-like layout: one row per event, the first source as Actor1, the first
target as Actor2, actor codes as CAMEO writes them (country + sector, e.g. SRBGOV), the CAMEO event code with
its base and root codes, and GDELT's QuadClass numbering of PLOVER's four classes.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Iterable, Iterator

from .base import Store
from .filters import Filters
from .vocabulary import QUAD_NUMBER

KINDS = ("articles", "quotes", "events")
FORMATS = ("csv", "jsonl", "parquet")
INTEGER_COLUMNS = {"quote_index", "start", "end", "event_index", "sentence_start", "sentence_end", "quote_count",
                   "event_count", "entity_count", "reports", "QuadClass", "Year", "MonthYear", "SQLDATE",
                   "NumMentions"}
FLOAT_COLUMNS = {"lat", "lon", "classifier", "ActionGeo_Lat", "ActionGeo_Long"}


def rows(store: Store, kind: str, filters: Filters = Filters(), layout: str = "flat") -> Iterator[dict]:
    if kind == "articles":
        yield from store.articles(filters, limit=0, with_text=True).items
    elif kind == "quotes":
        yield from store.quotes(filters, limit=0).items
    elif kind == "events":
        for event in store.events(filters, limit=0).items:
            yield gdelt_row(event) if layout == "gdelt" else flat_event(event)
    else:
        raise ValueError(f"unknown kind {kind!r}")


def flat_event(event: dict) -> dict:
    row = {k: v for k, v in event.items() if k not in ("source", "target")}
    for role in ("source", "target"):
        actors = event[role]
        row[f"{role}_actors"] = "; ".join(a["actor"] or "" for a in actors)
        row[f"{role}_countries"] = "; ".join(a["country"] or "" for a in actors)
        row[f"{role}_sectors"] = "; ".join(a["sector"] or "" for a in actors)
    return row


def _actor_columns(prefix: str, actors: list[dict]) -> dict:
    first = actors[0] if actors else {}
    country, sector = first.get("country"), first.get("sector")
    return {f"{prefix}Code": (country or "") + (sector or "") or None, f"{prefix}Name": first.get("name") or first.get("text"),
            f"{prefix}CountryCode": country, f"{prefix}Type1Code": sector}


def gdelt_row(event: dict) -> dict:
    date = event.get("event_date")
    day = int(date.replace("-", "")) if date else None
    cameo = event.get("cameo")
    return {
        "GLOBALEVENTID": f"{event['article_id']}:{event['event_index']}",
        "SQLDATE": day, "MonthYear": day // 100 if day else None, "Year": day // 10000 if day else None,
        **_actor_columns("Actor1", event["source"]), **_actor_columns("Actor2", event["target"]),
        "EventCode": cameo, "EventBaseCode": cameo[:3] if cameo else None, "EventRootCode": cameo[:2] if cameo else None,
        "QuadClass": QUAD_NUMBER.get(event.get("quad_class") or ""), "PLOVERType": event["type"],
        "PLOVERMode": event.get("mode"), "ActionGeo_FullName": event.get("location_name"),
        "ActionGeo_CountryCode": event.get("location_country"), "ActionGeo_Lat": event.get("lat"),
        "ActionGeo_Long": event.get("lon"), "NumMentions": event.get("reports"),
        "SOURCEURL": event.get("article_url"), "Sentence": event.get("sentence"),
    }


def write(items: Iterable[dict], fmt: str, path: Path) -> int:
    """Write rows to `path` in `fmt`; returns how many."""
    if fmt == "parquet":
        return _write_parquet(items, path)
    with path.open("w", encoding="utf-8", newline="") as stream:
        return write_stream(items, fmt, stream)


def write_stream(items: Iterable[dict], fmt: str, stream: IO[str]) -> int:
    count = 0
    writer = None
    for item in items:
        if fmt == "jsonl":
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        elif fmt == "json":
            stream.write(("[\n" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        else:
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(item), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: _cell(v) for k, v in item.items()})
        count += 1
    if fmt == "json":
        stream.write("\n]\n" if count else "[]\n")
    return count


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_parquet(items: Iterable[dict], path: Path, batch_size: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    schema = None
    batch: list[dict] = []
    count = 0

    def flush() -> None:
        nonlocal writer, schema
        if not batch:
            return
        if schema is None:
            schema = pa.schema([(name, _arrow_type(pa, name)) for name in batch[0]])
            writer = pq.ParquetWriter(str(path), schema)
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        batch.clear()

    for item in items:
        batch.append(item)
        count += 1
        if len(batch) >= batch_size:
            flush()
    flush()
    if writer is None:  # no rows: still a valid, empty file
        pq.write_table(pa.table({}), str(path))
    else:
        writer.close()
    return count


def _arrow_type(pa, name: str):
    if name in INTEGER_COLUMNS:
        return pa.int64()
    if name in FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()
