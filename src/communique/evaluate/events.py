"""Score the event stage on a PLOVER gold standard (the GSR JSON Lines files).

Each gold line is one sentence with one event (`event_plover2`, the current PLOVER name of its type; or `event`,
where "NONE" marks a sentence that must stay without an event, as in bench/data/plover_written/) and its
source actors (`code`: a CAMEO actor code, mostly ISO3 or IGO/NGO; `sector`: GOV, MIL, ... sometimes with an
ethnic suffix such as CVLalb). Each sentence goes through the whole analysis (entities, quotes, events) alone.

- Event types are compared per sentence as sets: a predicted type that is the gold type is a true positive, any
  other predicted type a false positive, a missed gold type a false negative; micro and per-type P/R/F1 follow.
- Source agreement, on sentences whose gold type was predicted: some predicted source of an event of that type
  has the gold source's country, or (for organisations and sector-coded actors) its sector.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from ..record import Record

ORGANISATION_CODES = {"IGO", "NGO", "IMG", "MNC"}
NO_EVENT = "NONE"


def load_gold(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: not JSON ({error}); skipped", file=sys.stderr)
    return rows


def predict(texts: list[str]) -> list[Record]:
    """The whole analysis over bare sentences: entities, quotes, then events."""
    from ..nlp import load_model
    from ..stages import default_stages

    stages = default_stages()
    records = []
    for index, (text, doc) in enumerate(zip(texts, load_model().pipe(texts))):
        record = Record(id=f"s{index}", text=text, language="en")
        for name, stage in stages:
            try:
                stage(record, doc)
            except Exception as error:  # one sentence must not stop the scoring
                record.warnings.append(f"{name} stage failed: {type(error).__name__}: {error}")
        records.append(record)
    return records


def gold_type(row: dict) -> str | None:
    """The sentence's gold PLOVER type, or None for a sentence without an event."""
    kind = row.get("event_plover2") or row.get("event")
    return None if not kind or kind.upper() == NO_EVENT else kind.upper()


def source_agrees(gold_sources: list[dict], predicted: list) -> bool:
    codes = {(s.get("code") or "").strip().upper() for s in gold_sources}
    sectors = {(s.get("sector") or "").strip().upper()[:3] for s in gold_sources}
    sectors |= codes & ORGANISATION_CODES
    for actor in predicted:
        if actor.country and actor.country.upper() in codes:
            return True
        if actor.sector and actor.sector.upper() in sectors:
            return True
    return False


def score(gold: list[dict], records: list[Record]) -> dict:
    counts = {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    matched = agreed = without = kept_without = 0
    for row, record in zip(gold, records):
        gold_types = {gold_type(row)} - {None}
        predicted = {event.type for event in record.events}
        if not gold_types:
            without += 1
            kept_without += not predicted
        for kind in predicted & gold_types:
            counts["tp"][kind] += 1
        for kind in predicted - gold_types:
            counts["fp"][kind] += 1
        for kind in gold_types - predicted:
            counts["fn"][kind] += 1
        for kind in predicted & gold_types:
            if not row.get("source"):
                continue
            matched += 1
            sources = [a for e in record.events if e.type == kind for a in e.source]
            agreed += source_agrees(row["source"], sources)
    types = sorted(set(counts["tp"]) | set(counts["fp"]) | set(counts["fn"]))
    per_type = {kind: _prf(counts["tp"][kind], counts["fp"][kind], counts["fn"][kind]) for kind in types}
    micro = _prf(sum(counts["tp"].values()), sum(counts["fp"].values()), sum(counts["fn"].values()))
    return {"sentences": len(gold), "micro": micro, "per_type": per_type,
            "source_matched": matched, "source_agreement": agreed / matched if matched else 0.0,
            "without_event": without, "kept_without_event": kept_without}


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": precision, "r": recall, "f1": f1}


def run(gold: Path) -> dict:
    rows = load_gold(Path(gold))
    records = predict([row["text"] for row in rows])
    result = score(rows, records)
    print(f"PLOVER events on {gold} ({result['sentences']} sentences)")
    print(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for kind, s in result["per_type"].items():
        print(f"{kind:<10} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['tp']:4d} {s['fp']:4d} {s['fn']:4d}")
    m = result["micro"]
    print(f"{'micro':<10} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} {m['tp']:4d} {m['fp']:4d} {m['fn']:4d}")
    print(f"source country-or-sector agreement on matched events: {result['source_agreement']:.3f} "
          f"({result['source_matched']} matched)")
    if result["without_event"]:
        print(f"sentences without an event left without one: {result['kept_without_event']} of {result['without_event']}")
    return result
