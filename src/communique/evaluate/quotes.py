"""Score quotes against PolNeAR: P, R, F1, direct-quote recall and source accuracy.

Protocol (the peers' protocol, so numbers compare):
- Each line of the file, one (article, annotator), is its own gold; the pipeline runs once per article text.
- A gold attribution's content is the union of its content spans. A prediction is the union of the quotes sharing
  one cue span (an interrupted quote is two quotes of one attribution, as in the gold); a quote with no cue
  (a floating paragraph) is a prediction of its own. Title quotes are not scored (PolNeAR has no title field).
- A gold attribution is found when a prediction covers more than 30% of its content characters; pairs are
  taken greedily by coverage, one to one. Precision is over predictions, recall over gold attributions.
- Direct-quote recall: recall over gold attributions whose content starts and ends with a quotation mark.
- Source accuracy, over found attributions whose gold has a source: right when the predicted speaker mention
  overlaps a gold source span, or when the last word of the gold source (its surname; skipped for pronouns and
  bare descriptions in lower case) is a word of the predicted speaker name. A pronoun in the gold therefore
  counts only by overlap: the gold does not say whom "he" means.
"""
from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..record import Record

COVERAGE = 0.3
QUOTE_MARKS = "\"“”«»„‘’'`"
PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "who", "which", "that", "this", "his", "her", "their", "its",
            "our", "my", "him", "them", "us", "me", "one"}
WORD = re.compile(r"[\w’'-]+")


@dataclass
class Prediction:
    chars: set[int]
    speaker: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    direct_gold: int = 0
    direct_found: int = 0
    sourced: int = 0
    source_right: int = 0

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> dict[str, float]:
        precision = self.found / self.predicted if self.predicted else 0.0
        recall = self.found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": precision, "recall": recall, "f1": f1,
            "direct_recall": self.direct_found / self.direct_gold if self.direct_gold else 0.0,
            "source_accuracy": self.source_right / self.sourced if self.sourced else 0.0,
        }


def predictions(record: Record) -> list[Prediction]:
    grouped: dict[tuple[int, int], Prediction] = {}
    alone: list[Prediction] = []
    for quote in record.quotes:
        if quote.field != "text":
            continue
        chars = set(range(quote.content.start, quote.content.end))
        mention = [(quote.speaker_mention.start, quote.speaker_mention.end)] if quote.speaker_mention else []
        if quote.cue is None:
            alone.append(Prediction(chars, quote.speaker, mention))
            continue
        key = (quote.cue.start, quote.cue.end)
        if key in grouped:
            grouped[key].chars |= chars
        else:
            grouped[key] = Prediction(chars, quote.speaker, mention)
    return list(grouped.values()) + alone


def is_direct(text: str, attribution: dict) -> bool:
    spans = attribution["content"]
    if not spans:
        return False
    first = text[spans[0]["start"]:spans[0]["end"]].strip()
    last = text[spans[-1]["start"]:spans[-1]["end"]].strip()
    return bool(first) and bool(last) and first[0] in QUOTE_MARKS and last[-1] in QUOTE_MARKS


def source_right(prediction: Prediction, attribution: dict) -> bool:
    for source in attribution["source"]:
        if any(s < source["end"] and source["start"] < e for s, e in prediction.mentions):
            return True
    words = WORD.findall(" ".join(s["text"] for s in attribution["source"]))
    if not words or not prediction.speaker:
        return False
    surname = words[-1]
    if surname[:1].islower() or surname.lower() in PRONOUNS:
        return False  # a pronoun or a description: only an overlapping mention can show it right
    return surname.lower() in {w.lower() for w in WORD.findall(prediction.speaker)}


def score_line(text: str, attributions: list[dict], predicted: list[Prediction]) -> Tally:
    tally = Tally(gold=len(attributions), predicted=len(predicted))
    pairs = []
    for g, attribution in enumerate(attributions):
        gold_chars = set()
        for span in attribution["content"]:
            gold_chars.update(range(span["start"], span["end"]))
        if not gold_chars:
            continue
        for p, prediction in enumerate(predicted):
            coverage = len(gold_chars & prediction.chars) / len(gold_chars)
            if coverage > COVERAGE:
                pairs.append((coverage, g, p))
    used_gold, used_predicted = set(), set()
    matched: dict[int, int] = {}
    for _, g, p in sorted(pairs, key=lambda pair: -pair[0]):
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        matched[g] = p
    tally.found = len(matched)
    for g, attribution in enumerate(attributions):
        direct = is_direct(text, attribution)
        tally.direct_gold += direct
        if g not in matched:
            continue
        tally.direct_found += direct
        if attribution["source"]:
            tally.sourced += 1
            tally.source_right += source_right(predicted[matched[g]], attribution)
    return tally


def read_gold(path: Path, limit: int | None = None) -> tuple[dict[str, str], list[dict]]:
    """Article texts (the first `limit` articles) and the gold lines about them."""
    texts: dict[str, str] = {}
    lines: list[dict] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                item["article"], item["text"], item["attributions"]
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                print(f"{path}:{number}: not a PolNeAR line ({type(error).__name__}: {error}); skipped", file=sys.stderr)
                continue
            if item["article"] not in texts:
                if limit is not None and len(texts) >= limit:
                    continue
                texts[item["article"]] = item["text"]
            lines.append(item)
    return texts, lines


def score(lines: list[dict], records: dict[str, Record]) -> Tally:
    total = Tally()
    for line in lines:
        record = records.get(line["article"])
        total.add(score_line(line["text"], line["attributions"], predictions(record) if record else []))
    return total


def run(gold: Path, limit: int | None = None) -> dict[str, float]:
    from ..pipeline import Pipeline

    if not Path(gold).is_file():
        print(f"gold file not found: {gold} (expected a PolNeAR JSON Lines file)", file=sys.stderr)
        raise SystemExit(1)
    texts, lines = read_gold(Path(gold), limit)
    documents = [Document(origin=f"{gold}:{article}", fields={"id": article, "text": text, "language": "en"})
                 for article, text in texts.items()]
    started = time.perf_counter()
    records = {}
    for result in Pipeline().run(documents):
        if isinstance(result, Record):
            records[result.id] = result
        else:
            print(result.line(), file=sys.stderr)
    elapsed = time.perf_counter() - started
    tally = score(lines, records)
    summary = tally.summary()
    print(f"PolNeAR {Path(gold).name}: {len(texts)} articles, {len(lines)} (article, annotator) gold lines, "
          f"{tally.gold} gold attributions, {tally.predicted} predictions, {elapsed:.0f} s")
    print(f"precision {summary['precision']:.3f}  recall {summary['recall']:.3f}  F1 {summary['f1']:.3f}")
    print(f"direct-quote recall {summary['direct_recall']:.3f} ({tally.direct_found}/{tally.direct_gold})  "
          f"source accuracy {summary['source_accuracy']:.3f} ({tally.source_right}/{tally.sourced})")
    return summary
