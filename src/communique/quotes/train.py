"""Mine the cue lexicon (`data/speech_cues.tsv`) from PolNeAR train.

Every verb of every train article is turned into its parse candidates (`indirect.candidates` with no lexicon),
and a candidate counts as an attribution when a gold attribution of the article (any annotator) has a cue over
the candidate's verb and content that the candidate covers for more than 30% of its characters. The file keeps,
per (lemma, relation), how often the pair occurred and how often it was an attribution; `cues.Lexicon` turns
that into a decision. Reproduce with:

    python -m communique.quotes.train --polnear ../shared/data/quotes/polnear [--limit N]

Only the train split is read.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

from .indirect import candidates

MIN_SEEN = 3  # rarer pairs are left to the hand-made list
COVERAGE = 0.3


def load_train(folder: Path, limit: int | None = None) -> list[tuple[str, list[dict]]]:
    """(text, gold attributions of every annotator) per article of the train split."""
    articles: dict[str, tuple[str, list[dict]]] = {}
    with open(folder / "polnear_train.jsonl", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            text, golds = articles.setdefault(item["article"], (item["text"], []))
            golds.extend(item["attributions"])
    return list(articles.values())[:limit]


def label(doc, golds: list[dict]) -> Counter:
    """Per (lemma, relation, is_attribution) counts of one article's candidates."""
    cue_at: dict[int, list[dict]] = {}
    for gold in golds:
        for cue in gold["cue"]:
            for offset in range(cue["start"], cue["end"]):
                cue_at.setdefault(offset, []).append(gold)
    counts: Counter = Counter()
    for candidate in candidates(doc):
        matching = cue_at.get(candidate.cue.idx, [])
        positive = any(_covers(candidate.parts, gold["content"]) for gold in matching)
        counts[(candidate.lemma, candidate.relation, positive)] += 1
    return counts


def _covers(parts: list[tuple[int, int]], content: list[dict]) -> bool:
    total = sum(c["end"] - c["start"] for c in content)
    if total <= 0:
        return False
    shared = sum(max(0, min(e, c["end"]) - max(s, c["start"])) for s, e in parts for c in content)
    return shared > COVERAGE * total


def mine(folder: Path, limit: int | None = None) -> Counter:
    from ..nlp import load_model

    articles = load_train(folder, limit)
    counts: Counter = Counter()
    nlp = load_model()
    for done, ((_, golds), doc) in enumerate(zip(articles, nlp.pipe(text for text, _ in articles)), 1):
        counts.update(label(doc, golds))
        if done % 100 == 0:
            print(f"{done}/{len(articles)} articles", file=sys.stderr)
    return counts


def write_table(counts: Counter, path: Path) -> int:
    pairs: dict[tuple[str, str], list[int]] = {}
    for (lemma, relation, positive), n in counts.items():
        seen = pairs.setdefault((lemma, relation), [0, 0])
        seen[0] += n
        seen[1] += n if positive else 0
    rows = sorted(((lemma, relation, seen, pos) for (lemma, relation), (seen, pos) in pairs.items()
                   if seen >= MIN_SEEN and "\t" not in lemma), key=lambda row: (-row[3], -row[2], row[0], row[1]))
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Mined from PolNeAR train by communique.quotes.train: per (lemma, relation), how often the\n")
        out.write("# construction occurred and how often a gold attribution agreed with it.\n")
        out.write("lemma\trelation\tseen\tattributions\n")
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="folder holding polnear_train.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="mine only the first N articles")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: the packaged table)")
    args = parser.parse_args(argv)
    out = args.out or Path(str(resources.files("communique.data").joinpath("speech_cues.tsv")))
    rows = write_table(mine(args.polnear, args.limit), out)
    print(f"wrote {rows} (lemma, relation) rows to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
