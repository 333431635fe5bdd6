"""The event coder against the silver sentence labels (bench/data/silver_labels/): NGEC ledes and BBC sentences.

    COMMUNIQUE_EVENT_CLASSIFIER=0 .venv/bin/python bench/silver_labels.py [--errors FILE]

Each sentence is analysed alone, as the GSR scorer does. Prints micro P/R/F1 against the labels and, the figure
that matters for real news, how many sentences labelled NONE got an event. --errors writes every disagreement.
Needs ../shared.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NGEC = SHARED / "data/events/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip"
BBC = SHARED / "data/corpus/bbc_politics_417.jsonl"
LABELS = ROOT / "bench/data/silver_labels"


def sentences(rows: list[dict]) -> list[str]:
    """The labelled sentences' texts, read from ../shared by their offsets."""
    from communique.events.train_classifier import read_stories

    stories = read_stories(NGEC) if any(r["source"] == "ngec" for r in rows) else []
    bodies = {}
    if any(r["source"] == "bbc" for r in rows):
        with open(BBC, encoding="utf-8") as handle:
            bodies = {a["id"]: a["body"] for a in map(json.loads, handle)}
    return [(stories[r["doc"]]["text"] if r["source"] == "ngec" else bodies[r["doc"]])[r["start"]:r["end"]].strip()
            for r in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=Path, help="write the disagreements here")
    args = parser.parse_args()
    if not NGEC.exists() or not BBC.exists():
        print(f"silver_labels: {SHARED} is missing; nothing to score", file=sys.stderr)
        return 1
    from communique.evaluate.events import predict

    errors = []
    for name in ("ngec", "bbc"):
        rows = [json.loads(line) for line in (LABELS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        texts = sentences(rows)
        tp = fp = fn = on_none = none = 0
        for row, text, record in zip(rows, texts, predict(texts)):
            gold, found = row["label"], {event.type for event in record.events}
            if gold == "NONE":
                none += 1
                on_none += bool(found)
                fp += len(found)
            else:
                tp += gold in found
                fn += gold not in found
                fp += len(found - {gold})
            if (gold == "NONE" and found) or (gold != "NONE" and gold not in found):
                errors.append(f"{name}\t{gold}\t{','.join(sorted(found))}\t{text}")
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name}: {len(rows)} sentences  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  "
              f"events on sentences labelled NONE: {on_none} of {none}")
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
